/* test-json-input.c
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "tri-article-private.h"
#include "tri-ingest-private.h"
#include "tri-loader.h"

static GPtrArray *
load (const char  *name,
      GPtrArray  **warnings,
      GError     **error)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "ingest", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return tri_load_file_full (file, NULL, warnings, error);
}

/* The original bytes at the mapped offsets of @needle in the text. */
static char *
source_of (TriArticle *article,
           const char *needle)
{
  const char *text = tri_article_get_text (article, NULL);
  const char *at = strstr (text, needle);
  const char *orig = g_bytes_get_data (tri_article_get_original (article), NULL);
  gsize s, e;

  g_assert_nonnull (at);
  s = tri_article_to_source_offset (article, at - text, FALSE);
  e = tri_article_to_source_offset (article, at - text + strlen (needle), TRUE);
  return g_strndup (orig + s, e - s);
}

static void
test_jsonl (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GPtrArray) articles = load ("export.jsonl", &warnings, &error);
  TriArticle *vi, *en;
  const GError *w;
  g_autofree char *src = NULL;
  g_autofree char *src_quote = NULL;
  g_autofree char *src_dash = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (articles->len, ==, 2);

  /* Line 2 is cut short, line 5 has no text: both reported by line. */
  g_assert_nonnull (warnings);
  g_assert_cmpuint (warnings->len, ==, 2);
  w = g_ptr_array_index (warnings, 0);
  g_assert_error ((GError *) w, TRI_ERROR, TRI_ERROR_PARSE);
  g_assert_true (g_str_has_prefix (w->message, "line 2:"));
  w = g_ptr_array_index (warnings, 1);
  g_assert_true (g_str_has_prefix (w->message, "line 5:"));

  vi = g_ptr_array_index (articles, 0);
  g_assert_cmpint (tri_article_get_format (vi), ==, TRI_INPUT_FORMAT_JSON);
  g_assert_cmpstr (tri_article_get_id (vi), ==, "vnx-1");
  g_assert_cmpstr (tri_article_get_title (vi), ==, "Cố vấn Mỹ cuối cùng rời căn cứ Al-Asad");
  g_assert_cmpstr (tri_article_get_published (vi), ==, "2026-01-19");
  g_assert_cmpint (tri_article_get_published_source (vi), ==, TRI_DATE_SOURCE_HEADER);
  g_assert_cmpstr (tri_article_get_language (vi), ==, "vi");
  g_assert_cmpstr (tri_article_get_outlet (vi), ==, "tin.example.vn");
  g_assert_cmpuint (tri_article_get_n_sentences (vi), ==, 3);
  src = source_of (vi, "ngày 18/1");
  g_assert_cmpstr (src, ==, "ngày 18/1");
  /* An escaped quote maps to its escape. */
  src_quote = source_of (vi, "\"Chúng");
  g_assert_cmpstr (src_quote, ==, "\\\"Chúng");

  en = g_ptr_array_index (articles, 1);
  g_assert_cmpstr (tri_article_get_id (en), ==, "export#4");
  g_assert_cmpstr (tri_article_get_url (en), ==, "https://wire.example.com/2024/01/27/talks");
  g_assert_cmpstr (tri_article_get_outlet (en), ==, "wire.example.com");
  g_assert_cmpstr (tri_article_get_published (en), ==, "2024-01-27");
  g_assert_cmpstr (tri_article_get_language (en), ==, "en");
  g_assert_cmpstr (tri_article_get_cites (en)[0], ==, "Reuters");
  /* \u2014 in the file is one character in the text. */
  src_dash = source_of (en, "— “not");
  g_assert_cmpstr (src_dash, ==, "\\u2014 \\u201cnot");
}

static void
test_json_array (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GPtrArray) articles = load ("export.json", &warnings, &error);
  TriArticle *en;

  g_assert_no_error (error);
  g_assert_null (warnings);
  g_assert_cmpuint (articles->len, ==, 2);
  g_assert_cmpstr (tri_article_get_id (g_ptr_array_index (articles, 0)), ==, "vnx-1");
  en = g_ptr_array_index (articles, 1);
  g_assert_cmpstr (tri_article_get_id (en), ==, "export#2");
  g_assert_cmpstr (tri_article_get_title (en), ==, "Coalition talks open in Baghdad");
}

static GPtrArray *
load_text (const char  *path,
           const char  *data,
           GPtrArray  **warnings,
           GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, strlen (data));

  return tri_load_bytes_full (path, bytes, warnings, error);
}

static void
test_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GPtrArray) articles = NULL;

  articles = load_text ("bad.json", "{\"text\": \"unterminated", &warnings, &error);
  g_assert_null (articles);
  g_assert_error (error, TRI_ERROR, TRI_ERROR_PARSE);
  g_clear_error (&error);

  articles = load_text ("list.json", "[1, 2, 3]", &warnings, &error);
  g_assert_null (articles);
  g_assert_error (error, TRI_ERROR, TRI_ERROR_EMPTY);
  g_clear_error (&error);

  articles = load_text ("one.jsonl", "{\"title\": \"x\"}\n", &warnings, &error);
  g_assert_null (articles);
  g_assert_error (error, TRI_ERROR, TRI_ERROR_EMPTY);
  g_assert_nonnull (strstr (error->message, "line 1"));
  g_clear_error (&error);

  /* A text field that is there but empty is said to be empty. */
  articles = load_text ("empty.jsonl", "{\"title\": \"x\", \"maintext\": \"\"}\n", &warnings, &error);
  g_assert_null (articles);
  g_assert_error (error, TRI_ERROR, TRI_ERROR_EMPTY);
  g_assert_nonnull (strstr (error->message, "empty"));
  g_clear_error (&error);

  articles = load_text ("two.jsonl", "oops\n[]\n", &warnings, &error);
  g_assert_null (articles);
  g_assert_error (error, TRI_ERROR, TRI_ERROR_PARSE);
  g_clear_error (&error);

  articles = load_text ("bad.jsonl", "{\"text\": \"ok \xC3\"}\n", &warnings, &error);
  g_assert_null (articles);
  g_assert_error (error, TRI_ERROR, TRI_ERROR_INVALID_ENCODING);
  g_clear_error (&error);

  /* Deep nesting is not recursion. */
  {
    g_autoptr(GString) deep = g_string_new ("{\"text\": \"Troops left the base today.\", \"x\": ");

    for (guint i = 0; i < 100000; i++)
      g_string_append_c (deep, '[');
    for (guint i = 0; i < 100000; i++)
      g_string_append_c (deep, ']');
    g_string_append (deep, "}\n");
    articles = load_text ("deep.jsonl", deep->str, &warnings, &error);
    g_assert_true ((articles != NULL) != (error != NULL));
    g_clear_pointer (&articles, g_ptr_array_unref);
    g_clear_error (&error);
  }
}

static void
test_jsonl_named_json (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GPtrArray) articles =
    load_text ("lines.json",
               "{\"text\": \"The first record says the talks began.\"}\n"
               "{\"text\": \"The second record says they ended.\"}\n",
               &warnings, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (articles->len, ==, 2);
  g_assert_cmpstr (tri_article_get_id (g_ptr_array_index (articles, 1)), ==, "lines#2");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tri/json-input/jsonl", test_jsonl);
  g_test_add_func ("/tri/json-input/json-array", test_json_array);
  g_test_add_func ("/tri/json-input/errors", test_errors);
  g_test_add_func ("/tri/json-input/jsonl-named-json", test_jsonl_named_json);

  return g_test_run ();
}
