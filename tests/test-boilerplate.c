/* test-boilerplate.c
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>

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

static TriArticle *
load (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "ingest", name, NULL);

  return load_path (path);
}

/* The first block whose text starts with @prefix, or -1. */
static int
find_block (TriArticle *article,
            const char *prefix,
            const char *why)
{
  const char *text = tri_article_get_text (article, NULL);

  for (guint i = 0; i < tri_article_get_n_boilerplate (article); i++)
    {
      guint s, e;
      const char *w;

      tri_article_get_boilerplate (article, i, &s, &e, &w);
      if (strncmp (text + s, prefix, strlen (prefix)) == 0)
        {
          if (why)
            g_assert_cmpstr (w, ==, why);
          return i;
        }
    }
  return -1;
}

/* Whether some sentence holds the text @needle. */
static gboolean
in_sentence (TriArticle *article,
             const char *needle)
{
  const char *text = tri_article_get_text (article, NULL);

  for (guint i = 0; i < tri_article_get_n_sentences (article); i++)
    {
      guint s, e;
      g_autofree char *sentence = NULL;

      tri_article_get_sentence (article, i, &s, &e);
      sentence = g_strndup (text + s, e - s);
      if (strstr (sentence, needle) != NULL)
        return TRUE;
    }
  return FALSE;
}

static void
assert_no_sentence_in_blocks (TriArticle *article)
{
  for (guint i = 0; i < tri_article_get_n_sentences (article); i++)
    {
      guint s, e;

      tri_article_get_sentence (article, i, &s, &e);
      g_assert_true (tri_article_is_content (article, s, e));
    }
}

static void
test_scraped_vi (void)
{
  g_autoptr(TriArticle) article = load ("scraped-vi.txt");
  gsize len;
  guint s, e;
  int list;

  tri_article_get_text (article, &len);
  assert_no_sentence_in_blocks (article);

  g_assert_cmpint (find_block (article, "(Ảnh: Reuters)", "image credit"), >=, 0);
  g_assert_cmpint (find_block (article, "Video đang HOT", "video widget"), >=, 0);
  g_assert_cmpint (find_block (article, "![]() |", "markdown debris"), >=, 0);
  g_assert_cmpint (find_block (article, "Ảnh: AP", "image credit"), >=, 0);
  list = find_block (article, "Tin liên quan", "related-articles list");
  g_assert_cmpint (list, >=, 0);
  list = find_block (article, "Đọc nhiều", "most-read list");
  g_assert_cmpint (list, >=, 0);
  tri_article_get_boilerplate (article, list, &s, &e, NULL);
  g_assert_cmpuint (e, ==, len);

  /* Content stays: the caption, the sentence after the widget label. */
  g_assert_true (in_sentence (article, "Xe quân sự rời căn cứ lúc rạng sáng"));
  g_assert_false (in_sentence (article, "Ảnh"));
  g_assert_true (in_sentence (article, "khoảng 2.500 binh sĩ Mỹ"));
  g_assert_true (in_sentence (article, "Một binh sĩ Iraq gác cổng"));
  g_assert_true (in_sentence (article, "hoạt động hậu cần"));
  /* Dates in the lists are not. */
  g_assert_false (in_sentence (article, "5/3/2025"));
  g_assert_false (in_sentence (article, "tháng 9/2025"));
  g_assert_false (in_sentence (article, "Video"));
  g_assert_cmpstr (tri_article_get_title (article), ==,
                   "Liên quân bắt đầu rút khỏi căn cứ phía tây Iraq");
  g_assert_cmpstr (tri_article_get_cites (article)[0], ==, "Reuters");
  /* A caption between pipes is not a new story's headline. */
  g_assert_cmpuint (tri_article_get_n_stories (article), ==, 1);
}

static void
test_scraped_en (void)
{
  g_autoptr(TriArticle) article = load ("scraped-en.txt");
  const char * const *cites;

  assert_no_sentence_in_blocks (article);
  g_assert_cmpint (find_block (article, "Photo: AFP", "image credit"), >=, 0);
  g_assert_cmpint (find_block (article, "Sign up to our newsletters", "newsletter sign-up"), >=, 0);
  g_assert_cmpint (find_block (article, "Oil prices", "link list"), >=, 0);
  g_assert_cmpint (find_block (article, "Most read", "most-read list"), >=, 0);

  g_assert_true (in_sentence (article, "took over the barracks"));
  g_assert_true (in_sentence (article, "moving logistics to Erbil"));
  g_assert_true (in_sentence (article, "continue from Erbil"));
  g_assert_false (in_sentence (article, "3 March 2025"));
  g_assert_false (in_sentence (article, "12 October 2025"));
  g_assert_false (in_sentence (article, "swing states"));
  g_assert_cmpstr (tri_article_get_title (article), ==, "US advisers quit western Iraq base");
  cites = tri_article_get_cites (article);
  g_assert_nonnull (cites[0]);
  g_assert_cmpstr (cites[0], ==, "AFP");
  g_assert_null (cites[1]);
  /* Nor is a bulleted line. */
  g_assert_cmpuint (tri_article_get_n_stories (article), ==, 1);
}

static void
test_no_false_positive (void)
{
  /* Ordinary prose: no blocks at all, whatever the words. */
  static const char text[] =
    "date 2026-01-19\n"
    "The photo shows the base. Related talks went on in Baghdad.\n"
    "Officials said: the video was recorded last week, and shared widely.\n"
    "Read more about it in the ministry's statement, they said.\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(TriArticle) article = tri_article_new_from_text ("t", text, -1, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (tri_article_get_n_boilerplate (article), ==, 0);
  g_assert_cmpuint (tri_article_get_n_sentences (article), ==, 4);
}

static void
test_linear (void)
{
  /* A million short headline-like lines and credits: linear time. */
  g_autoptr(GString) s = g_string_new ("First a sentence of prose, to start the body.\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(TriArticle) article = NULL;
  guint n = g_test_slow () ? 1000000 : 100000;

  for (guint i = 0; i < n; i++)
    g_string_append (s, i % 2 ? "Headline about troops and bases\n" : "A caption line. Ảnh: AFP\n");
  article = tri_article_new_from_text ("big", s->str, s->len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tri_article_get_n_boilerplate (article), >, 0);
}

/* Seeds: no sentence may touch the gold boilerplate, and every gold
 * mention must stay inside a sentence. */
static void
test_seeds (void)
{
  const char *shared = g_getenv ("TRIANGULATE_SHARED_DIR");
  g_autofree char *gold_path = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *articles;
  g_autoptr(GList) ids = NULL;
  guint checked_blocks = 0, checked_mentions = 0;

  if (shared == NULL || !g_file_test (shared, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("TRIANGULATE_SHARED_DIR is not set");
      return;
    }
  gold_path = g_build_filename (shared, "corpus", "seeds.gold.json", NULL);
  if (!json_parser_load_from_file (parser, gold_path, &error))
    {
      g_test_skip ("no gold file");
      return;
    }
  articles = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)),
                                            "articles");
  ids = json_object_get_members (articles);
  for (GList *l = ids; l; l = l->next)
    {
      const char *id = l->data;
      JsonObject *gold = json_object_get_object_member (articles, id);
      JsonArray *blocks = json_object_get_array_member (gold, "boilerplate");
      JsonArray *mentions = json_object_get_array_member (gold, "mentions");
      g_autofree char *name = g_strconcat (id, ".txt", NULL);
      g_autofree char *path = g_build_filename (shared, "corpus", "seeds", name, NULL);
      g_autoptr(TriArticle) article = load_path (path);

      for (guint i = 0; i < tri_article_get_n_sentences (article); i++)
        {
          guint s, e;
          gsize ss, se;

          tri_article_get_sentence (article, i, &s, &e);
          ss = tri_article_to_source_offset (article, s, FALSE);
          se = tri_article_to_source_offset (article, e, TRUE);
          for (guint b = 0; b < json_array_get_length (blocks); b++)
            {
              JsonArray *span = json_array_get_array_element (blocks, b);
              gint64 bs = json_array_get_int_element (span, 0);
              gint64 be = json_array_get_int_element (span, 1);

              g_assert_false ((gint64) ss < be && bs < (gint64) se);
              checked_blocks++;
            }
        }

      for (guint m = 0; m < json_array_get_length (mentions); m++)
        {
          JsonObject *mention = json_array_get_object_element (mentions, m);
          gint64 ms = json_object_get_int_member (mention, "start");
          gint64 me = json_object_get_int_member (mention, "end");
          gboolean inside = FALSE;

          for (guint i = 0; i < tri_article_get_n_sentences (article) && !inside; i++)
            {
              guint s, e;

              tri_article_get_sentence (article, i, &s, &e);
              inside = (gint64) tri_article_to_source_offset (article, s, FALSE) <= ms &&
                       me <= (gint64) tri_article_to_source_offset (article, e, TRUE);
            }
          if (!inside)
            g_test_message ("%s: gold mention “%s” is outside every sentence", id,
                            json_object_get_string_member (mention, "text"));
          g_assert_true (inside);
          checked_mentions++;
        }

      /* Seed 004: the body ends before "Tin bài liên quan". */
      if (g_str_has_prefix (id, "004_"))
        {
          const char *text = tri_article_get_text (article, NULL);
          const char *related = strstr (text, "Tin bài liên quan");
          guint end;

          g_assert_nonnull (related);
          tri_article_get_story (article, tri_article_get_n_stories (article) - 1, NULL, &end,
                                 NULL, NULL);
          g_assert_cmpuint (end, <=, related - text);
          g_assert_false (tri_article_is_content (article, related - text, related - text + 1));
        }
    }
  g_test_message ("checked %u sentence/block pairs and %u gold mentions", checked_blocks,
                  checked_mentions);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tri/boilerplate/scraped-vi", test_scraped_vi);
  g_test_add_func ("/tri/boilerplate/scraped-en", test_scraped_en);
  g_test_add_func ("/tri/boilerplate/no-false-positive", test_no_false_positive);
  g_test_add_func ("/tri/boilerplate/linear", test_linear);
  g_test_add_func ("/tri/boilerplate/seeds", test_seeds);

  return g_test_run ();
}
