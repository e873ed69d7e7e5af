/* test-stories.c
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "tri-article-private.h"
#include "tri-loader.h"

static TriArticle *
load_path (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = tri_load_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (articles->len, ==, 1);
  return g_object_ref (g_ptr_array_index (articles, 0));
}

static void
test_multi (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "ingest",
                                                 "multi-story.txt", NULL);
  g_autoptr(TriArticle) article = load_path (path);
  const char *text = tri_article_get_text (article, NULL);
  guint s, e;
  const char *title, *ref;
  g_autofree char *first = NULL;

  g_assert_cmpuint (tri_article_get_n_stories (article), ==, 3);

  tri_article_get_story (article, 0, &s, &e, &title, &ref);
  g_assert_cmpstr (title, ==, "Washington and Baghdad set a date for the coalition's end");
  g_assert_cmpstr (ref, ==, "2024-09-28");
  first = g_strndup (text + s, e - s);
  g_assert_true (g_str_has_suffix (first, "full withdrawal."));

  tri_article_get_story (article, 1, &s, &e, &title, &ref);
  g_assert_cmpstr (title, ==, "Why Baghdad wants the foreign troops gone");
  /* Its dates are not read against the page's date. */
  g_assert_null (ref);
  g_assert_true (g_str_has_prefix (text + s, "Why Baghdad"));
  g_assert_nonnull (g_strstr_len (text + s, e - s, "27 January"));

  tri_article_get_story (article, 2, &s, &e, &title, &ref);
  g_assert_true (g_str_has_prefix (text + s, "Fears of a wider war"));
  g_assert_null (ref);
}

static void
test_single (void)
{
  static const char text[] =
    "date 2026-01-19\n"
    "Advisers leave the base\n"
    "The last advisers left on Sunday, the ministry said.\n"
    "Iraqi forces took over the site.\n"
    "The base had been attacked many times.\n"
    "Officials said logistics would go through Erbil.\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(TriArticle) article = tri_article_new_from_text ("t", text, -1, &error);
  const char *title, *ref;

  g_assert_no_error (error);
  g_assert_cmpuint (tri_article_get_n_stories (article), ==, 1);
  tri_article_get_story (article, 0, NULL, NULL, &title, &ref);
  g_assert_cmpstr (title, ==, "Advisers leave the base");
  g_assert_cmpstr (ref, ==, "2026-01-19");
  g_assert_cmpstr (tri_article_get_title (article), ==, "Advisers leave the base");
}

static void
test_title (void)
{
  static const struct { const char *text; const char *title; } cases[] = {
    { "Why did the US pull its combat troops out of Iraq?\nThe two sides agreed on it.\n",
      "Why did the US pull its combat troops out of Iraq?" },
    { "US troops at a base in Iraq (Photo: Reuters).\nThe two sides agreed on it.\n", NULL },
    { "The advisers left the base on Sunday, the ministry said, and the army took over.\n", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TriArticle) article = tri_article_new_from_text ("t", cases[i].text, -1, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (tri_article_get_title (article), ==, cases[i].title);
    }
}

/* Seed 001: a September 2024 story, then an older one from January. */
static void
test_seed_001 (void)
{
  const char *shared = g_getenv ("TRIANGULATE_SHARED_DIR");
  g_autofree char *path = NULL;
  g_autoptr(TriArticle) article = NULL;
  const char *text, *second;
  guint s;

  if (shared == NULL)
    {
      g_test_skip ("TRIANGULATE_SHARED_DIR is not set");
      return;
    }
  path = g_build_filename (shared, "corpus", "seeds", "001_031d982007e3eca7.txt", NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no seed 001");
      return;
    }
  article = load_path (path);
  text = tri_article_get_text (article, NULL);
  second = strstr (text, "Nguyên nhân Iraq muốn chấm dứt");
  g_assert_nonnull (second);
  g_assert_cmpuint (tri_article_get_n_stories (article), >=, 2);
  tri_article_get_story (article, 1, &s, NULL, NULL, NULL);
  g_assert_cmpuint (s, ==, second - text);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tri/stories/multi", test_multi);
  g_test_add_func ("/tri/stories/single", test_single);
  g_test_add_func ("/tri/stories/title", test_title);
  g_test_add_func ("/tri/stories/seed-001", test_seed_001);

  return g_test_run ();
}
