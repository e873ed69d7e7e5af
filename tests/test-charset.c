/* test-charset.c
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
#include "tri-text.h"

static TriArticle *
load (const char  *name,
      GError     **error)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "ingest", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) articles = tri_load_file (file, NULL, error);

  if (articles == NULL)
    return NULL;
  g_assert_cmpuint (articles->len, ==, 1);
  return g_object_ref (g_ptr_array_index (articles, 0));
}

/* Asserts that @needle of the text maps to @bytes of the file. */
static void
assert_maps_to (TriArticle *article,
                const char *needle,
                const char *bytes)
{
  const char *text = tri_article_get_text (article, NULL);
  const char *at = strstr (text, needle);
  gsize olen;
  const char *orig = g_bytes_get_data (tri_article_get_original (article), &olen);
  gsize s, e;

  g_assert_nonnull (at);
  s = tri_article_to_source_offset (article, at - text, FALSE);
  e = tri_article_to_source_offset (article, at - text + strlen (needle), TRUE);
  g_assert_cmpuint (e, <=, olen);
  g_assert_cmpmem (orig + s, e - s, bytes, strlen (bytes));
}

static void
test_windows_1258 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TriArticle) article = load ("legacy-1258.txt", &error);
  const char *text;

  g_assert_no_error (error);
  g_assert_cmpstr (tri_article_get_charset (article), ==, "windows-1258");
  g_assert_cmpstr (tri_article_get_language (article), ==, "vi");
  text = tri_article_get_text (article, NULL);
  /* Tones written as combining marks come out composed (NFC). */
  g_assert_nonnull (strstr (text, "Bộ Quốc phòng Iraq ngày 18/1"));
  g_assert_cmpstr (tri_article_get_title (article), ==, "Lính Mỹ rời căn cứ Al-Asad");
  g_assert_cmpuint (tri_article_get_n_sentences (article), ==, 4);
  assert_maps_to (article, "18/1", "18/1");
  /* ố is "ô" then the acute accent, one byte each. */
  assert_maps_to (article, "Quốc", "Qu\xF4\xEC" "c");
  assert_maps_to (article, "tháng 12/2021", "th\xE1ng 12/2021");
}

static void
test_windows_1252 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TriArticle) article = load ("legacy-1252.txt", &error);
  const char *text;

  g_assert_no_error (error);
  g_assert_cmpstr (tri_article_get_charset (article), ==, "windows-1252");
  text = tri_article_get_text (article, NULL);
  g_assert_nonnull (strstr (text, "The café by the gate"));
  g_assert_nonnull (strstr (text, "“we will reopen”"));
  assert_maps_to (article, "café", "caf\xE9");
  assert_maps_to (article, "“we", "\x93we");
}

static void
test_utf16 (void)
{
  const char *names[] = { "utf16le-bom.txt", "utf16be-nobom.txt" };
  const char *charsets[] = { "UTF-16LE", "UTF-16BE" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TriArticle) article = load (names[i], &error);
      const char *text, *at, *orig;
      gsize s, e;
      g_autofree char *back = NULL;

      g_assert_no_error (error);
      g_assert_cmpstr (tri_article_get_charset (article), ==, charsets[i]);
      g_assert_cmpstr (tri_article_get_published (article), ==, "2024-01-28");
      text = tri_article_get_text (article, NULL);
      at = strstr (text, "ngày 27/1");
      g_assert_nonnull (at);
      s = tri_article_to_source_offset (article, at - text, FALSE);
      e = tri_article_to_source_offset (article, at - text + strlen ("ngày 27/1"), TRUE);
      orig = g_bytes_get_data (tri_article_get_original (article), NULL);
      back = g_convert (orig + s, e - s, "UTF-8", charsets[i], NULL, NULL, NULL);
      g_assert_cmpstr (back, ==, "ngày 27/1");
      g_assert_nonnull (strstr (text, "😀"));
    }
}

static void
test_utf16_lone_surrogate (void)
{
  /* "Hi" then a lone high surrogate, then "!" — UTF-16LE with a BOM. */
  static const char data[] = "\xFF\xFE" "H\0i\0\x3D\xD8!\0";
  g_autoptr(GBytes) bytes = g_bytes_new (data, sizeof data - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = tri_load_bytes ("s.txt", bytes, &error);

  g_assert_null (articles);
  g_assert_error (error, TRI_ERROR, TRI_ERROR_INVALID_ENCODING);
}

static void
test_sniff_html (void)
{
  static const struct { const char *page; const char *charset; } cases[] = {
    { "<html><head><meta charset=\"windows-1258\">", "windows-1258" },
    { "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">", "ISO-8859-1" },
    { "<META CHARSET='utf-8'>", "utf-8" },
    { "<html><body>no declaration</body></html>", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = _tri_charset_sniff_html (cases[i].page, strlen (cases[i].page));

      g_assert_cmpstr (got, ==, cases[i].charset);
    }
}

static void
test_declared_wrong (void)
{
  /* A page that declares a charset nobody knows, in plain UTF-8. */
  static const char page[] =
    "<html><head><meta charset=\"x-no-such-charset\"></head><body><article>"
    "<p>Binh sĩ Mỹ rời căn cứ Al-Asad hôm 18/1, theo Bộ Quốc phòng Iraq, và quân đội Iraq tiếp quản.</p>"
    "<p>Khoảng 2.500 binh sĩ Mỹ từng ở Iraq kể từ tháng 12/2021 với vai trò cố vấn và hỗ trợ.</p>"
    "</article></body></html>";
  g_autoptr(GBytes) bytes = g_bytes_new (page, sizeof page - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = tri_load_bytes ("wrong.html", bytes, &error);

  g_assert_no_error (error);
  g_assert_nonnull (strstr (tri_article_get_text (g_ptr_array_index (articles, 0), NULL),
                            "Binh sĩ Mỹ"));
}

static void
test_guess (void)
{
  static const char vi[] = "Qu\xE2n \xF0\xF4\xECi M\xFD\xDE r\xF5\xCC" "i c\xE3n c\xFD\xEC";

  g_assert_cmpstr (_tri_charset_guess (vi, sizeof vi - 1), ==, "windows-1258");
}

static void
test_fold (void)
{
  g_autofree char *a = tri_text_fold ("Đà Nẵng, Nguyễn Thị Ánh, QUẢNG TRỊ", -1);
  g_autoptr(GString) big = g_string_new (NULL);
  g_autoptr(GString) want = g_string_new (NULL);
  g_autofree char *folded = NULL;
  g_autofree char *nospace = NULL;
  g_autoptr(GString) glued = g_string_new (NULL);

  g_assert_cmpstr (a, ==, "da nang, nguyen thi anh, quang tri");

  /* A long line folds in linear time, to the same as its pieces. */
  while (big->len < 1024 * 1024)
    {
      g_string_append (big, "Khoảng 2.500 binh sĩ Mỹ ở Iraq hôm 18/1 ");
      g_string_append (want, "khoang 2.500 binh si my o iraq hom 18/1 ");
    }
  folded = tri_text_fold (big->str, big->len);
  g_assert_cmpstr (folded, ==, want->str);

  /* No space to cut at, and decomposed letters: marks stay with them. */
  for (guint i = 0; i < 3000; i++)
    g_string_append (glued, "Vie\xCC\xA3\xCC\x82t");
  nospace = tri_text_fold (glued->str, glued->len);
  g_assert_cmpuint (strlen (nospace), ==, 3000 * 4);
  g_assert_true (g_str_has_prefix (nospace, "vietviet"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tri/charset/windows-1258", test_windows_1258);
  g_test_add_func ("/tri/charset/windows-1252", test_windows_1252);
  g_test_add_func ("/tri/charset/utf16", test_utf16);
  g_test_add_func ("/tri/charset/utf16-lone-surrogate", test_utf16_lone_surrogate);
  g_test_add_func ("/tri/charset/sniff-html", test_sniff_html);
  g_test_add_func ("/tri/charset/declared-wrong", test_declared_wrong);
  g_test_add_func ("/tri/charset/guess", test_guess);
  g_test_add_func ("/tri/charset/fold", test_fold);

  return g_test_run ();
}
