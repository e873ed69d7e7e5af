/* test-html.c
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

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "ingest", name, NULL);
}

static TriArticle *
load_page (const char  *name,
           GError     **error)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) articles = tri_load_file (file, NULL, error);

  if (articles == NULL)
    return NULL;
  g_assert_cmpuint (articles->len, ==, 1);
  return g_object_ref (g_ptr_array_index (articles, 0));
}

/* Lower-case words, as a bag. */
static GHashTable *
word_bag (const char *text,
          guint      *total)
{
  GHashTable *bag = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *p = text;

  *total = 0;
  while (*p)
    {
      const char *w;

      while (*p && !g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      w = p;
      while (*p && g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (p > w)
        {
          g_autofree char *word = g_utf8_strdown (w, p - w);
          guint n = GPOINTER_TO_UINT (g_hash_table_lookup (bag, word));

          g_hash_table_replace (bag, g_steal_pointer (&word), GUINT_TO_POINTER (n + 1));
          (*total)++;
        }
    }
  return bag;
}

/* Recall of the body's words and share of junk words in the extraction. */
static void
measure (const char *extracted,
         const char *body,
         double     *recall,
         double     *junk)
{
  guint n_body, n_got, found = 0, extra = 0;
  g_autoptr(GHashTable) want = word_bag (body, &n_body);
  g_autoptr(GHashTable) got = word_bag (extracted, &n_got);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, want);
  while (g_hash_table_iter_next (&iter, &key, &value))
    found += MIN (GPOINTER_TO_UINT (value), GPOINTER_TO_UINT (g_hash_table_lookup (got, key)));
  g_hash_table_iter_init (&iter, got);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint w = GPOINTER_TO_UINT (g_hash_table_lookup (want, key));

      if (GPOINTER_TO_UINT (value) > w)
        extra += GPOINTER_TO_UINT (value) - w;
    }
  *recall = n_body ? (double) found / n_body : 1.0;
  *junk = n_got ? (double) extra / n_got : 0.0;
}

static void
check_extraction (const char *page,
                  const char *body_file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TriArticle) article = load_page (page, &error);
  g_autofree char *body_path = fixture_path (body_file);
  g_autofree char *body = NULL;
  double recall, junk;

  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (body_path, &body, NULL, NULL));
  measure (tri_article_get_text (article, NULL), body, &recall, &junk);
  g_test_message ("%s: body words recovered %.1f %%, junk words %.1f %%", page,
                  recall * 100, junk * 100);
  g_assert_cmpfloat (recall, >=, 0.95);
  g_assert_cmpfloat (junk, <=, 0.05);
}

static void
test_extract_en (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TriArticle) article = load_page ("page-en.html", &error);
  const char *text;

  g_assert_no_error (error);
  check_extraction ("page-en.html", "page-en.body.txt");

  text = tri_article_get_text (article, NULL);
  g_assert_cmpint (tri_article_get_format (article), ==, TRI_INPUT_FORMAT_HTML);
  g_assert_cmpstr (tri_article_get_title (article), ==, "Last US advisers leave western Iraq base");
  g_assert_cmpstr (tri_article_get_outlet (article), ==, "The Desert Ledger");
  g_assert_cmpstr (tri_article_get_url (article), ==,
                   "https://www.desertledger.example/world/2026/01/19/us-advisers-leave-al-asad");
  g_assert_cmpstr (tri_article_get_published (article), ==, "2026-01-19");
  g_assert_cmpint (tri_article_get_published_source (article), ==, TRI_DATE_SOURCE_HEADER);
  g_assert_cmpstr (tri_article_get_language (article), ==, "en");
  g_assert_true (g_str_has_prefix (text, "Last US advisers leave western Iraq base"));
  g_assert_nonnull (strstr (text, "By Mira Okafor"));
  g_assert_nonnull (strstr (text, "Iraq’s defence ministry"));
  g_assert_nonnull (strstr (text, "“fully capable”"));

  /* Navigation, ads, share bar, comments, trending and related lists. */
  g_assert_null (strstr (text, "Middle East"));
  g_assert_null (strstr (text, "Advertisement"));
  g_assert_null (strstr (text, "cheap flights"));
  g_assert_null (strstr (text, "Share on"));
  g_assert_null (strstr (text, "desertfox88"));
  g_assert_null (strstr (text, "2016 and 2017"));
  g_assert_null (strstr (text, "Oil prices"));
  g_assert_null (strstr (text, "timetable"));
  g_assert_null (strstr (text, "newsletters"));
  g_assert_null (strstr (text, "All rights reserved"));
  g_assert_null (strstr (text, "dataLayer"));
}

static void
test_extract_vi (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TriArticle) article = load_page ("page-vi.html", &error);
  const char *text;
  const char * const *cites;
  gboolean reuters = FALSE, afp = FALSE;

  g_assert_no_error (error);
  check_extraction ("page-vi.html", "page-vi.body.txt");

  text = tri_article_get_text (article, NULL);
  g_assert_cmpstr (tri_article_get_language (article), ==, "vi");
  g_assert_cmpstr (tri_article_get_title (article), ==,
                   "Iraq và Mỹ mở vòng đàm phán về tương lai liên quân");
  g_assert_cmpstr (tri_article_get_outlet (article), ==, "Báo Thời Sự Mới");
  g_assert_cmpstr (tri_article_get_published (article), ==, "2024-01-28");
  g_assert_null (strstr (text, "Giá vàng"));
  g_assert_null (strstr (text, "15/2/2025"));
  g_assert_null (strstr (text, "Mong khu vực"));
  g_assert_null (strstr (text, "Thủ tướng Iraq muốn"));
  g_assert_null (strstr (text, "Giấy phép"));
  g_assert_null (strstr (text, "lãi suất"));

  cites = tri_article_get_cites (article);
  for (guint i = 0; cites[i]; i++)
    {
      reuters |= g_str_equal (cites[i], "Reuters");
      afp |= g_str_equal (cites[i], "AFP");
    }
  g_assert_true (reuters);
  g_assert_true (afp);
}

/* Each word of the text maps back to the same bytes in the page, or to
 * the entity that wrote it. */
static void
test_offsets (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TriArticle) article = load_page ("page-en.html", &error);
  gsize len, olen;
  const char *text = tri_article_get_text (article, &len);
  const char *orig = g_bytes_get_data (tri_article_get_original (article), &olen);
  guint words = 0, entities = 0;
  const char *at;
  gsize s, e;

  g_assert_no_error (error);
  for (gsize i = 0; i < len; )
    {
      gsize j = i;

      while (j < len && !g_ascii_isspace (text[j]))
        j++;
      if (j > i)
        {
          g_autofree char *word = g_strndup (text + i, j - i);
          g_autofree char *span = NULL;

          s = tri_article_to_source_offset (article, i, FALSE);
          e = tri_article_to_source_offset (article, j, TRUE);
          g_assert_cmpuint (s, <, e);
          g_assert_cmpuint (e, <=, olen);
          span = g_strndup (orig + s, e - s);
          if (memchr (span, '&', e - s) != NULL)
            entities++;
          else
            g_assert_cmpstr (span, ==, word);
          words++;
        }
      i = j + 1;
    }
  g_assert_cmpuint (words, >, 200);
  g_assert_cmpuint (entities, <, 10);

  at = strstr (text, "Iraq’s");
  g_assert_nonnull (at);
  s = tri_article_to_source_offset (article, at - text, FALSE);
  e = tri_article_to_source_offset (article, at - text + strlen ("Iraq’s"), TRUE);
  g_assert_cmpmem (orig + s, e - s, "Iraq&#8217;s", strlen ("Iraq&#8217;s"));
}

static void
test_vi_offsets (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TriArticle) article = load_page ("page-vi.html", &error);
  const char *text, *orig, *at;
  gsize s, e;

  g_assert_no_error (error);
  text = tri_article_get_text (article, NULL);
  orig = g_bytes_get_data (tri_article_get_original (article), NULL);
  at = strstr (text, "giữa tháng 10/2023");
  g_assert_nonnull (at);
  s = tri_article_to_source_offset (article, at - text, FALSE);
  e = tri_article_to_source_offset (article, at - text + strlen ("giữa tháng 10/2023"), TRUE);
  g_assert_cmpmem (orig + s, e - s, "giữa tháng 10/2023", strlen ("giữa tháng 10/2023"));
}

static void
test_no_content (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TriArticle) article = load_page ("nav-only.html", &error);

  g_assert_null (article);
  g_assert_error (error, TRI_ERROR, TRI_ERROR_NO_CONTENT);
}

/* With no metadata, the site's name after the headline in <title>; the
 * dateline beside the headline is kept on its own line. */
static void
test_title_outlet_dateline (void)
{
  static const char page[] =
    "<html><head><meta charset=\"utf-8\"><title>Cố vấn Mỹ rời Al-Asad - Báo Thế Giới</title></head>"
    "<body><nav><a href=\"/\">Trang chủ</a> <a href=\"/tg\">Thế giới</a></nav><article>"
    "<h1>Cố vấn Mỹ rời Al-Asad</h1><span class=\"date\">Thứ hai, 19/1/2026, 08:15 (GMT+7)</span>"
    "<p>Bộ Quốc phòng Iraq hôm qua thông báo cố vấn quân sự Mỹ cuối cùng đã rời căn cứ không quân "
    "Al-Asad ở tỉnh Anbar, phía tây Iraq, sau nhiều năm hiện diện.</p>"
    "<p>Toàn bộ cơ sở tại căn cứ đã được bàn giao cho lực lượng an ninh Iraq trong ngày 18/1, "
    "theo thông báo của bộ này.</p></article></body></html>";
  g_autoptr(GBytes) bytes = g_bytes_new_static (page, sizeof page - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = tri_load_bytes ("dated.html", bytes, &error);
  TriArticle *article;

  g_assert_no_error (error);
  article = g_ptr_array_index (articles, 0);
  g_assert_cmpstr (tri_article_get_title (article), ==, "Cố vấn Mỹ rời Al-Asad");
  g_assert_cmpstr (tri_article_get_outlet (article), ==, "Báo Thế Giới");
  /* The dateline stays in the text, on a line of its own, for the time
   * stage to read. */
  g_assert_nonnull (strstr (tri_article_get_text (article, NULL), "\nThứ hai, 19/1/2026, 08:15 (GMT+7)\n"));
}

static void
test_deep_nesting (void)
{
  g_autoptr(GString) page = g_string_new ("<html><body>");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = NULL;

  for (guint i = 0; i < 200000; i++)
    g_string_append (page, "<div><span>");
  for (guint i = 0; i < 20; i++)
    g_string_append (page, "<p>Nested deep inside the page, this paragraph still tells of troops, "
                           "bases, and the long road home from the desert.</p>");
  g_string_append (page, "</body></html>");
  bytes = g_bytes_new (page->str, page->len);
  articles = tri_load_bytes ("deep.html", bytes, &error);
  /* Either an article or a clear error, never a crash. */
  g_assert_true ((articles != NULL) != (error != NULL));
}

static void
test_huge_line (void)
{
  g_autoptr(GString) page = g_string_new ("<html><body><article><p>");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = NULL;

  while (page->len < 4 * 1024 * 1024)
    g_string_append (page, "The convoy rolled on, and the dust rose over the road &amp; the wire, ");
  g_string_append (page, "until dawn.</p></article></body></html>");
  bytes = g_bytes_new (page->str, page->len);
  articles = tri_load_bytes ("huge.html", bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (articles->len, ==, 1);
}

static void
test_legacy_charset (void)
{
  /* windows-1252, declared by the page: "café" and curly quotes. */
  static const char page[] =
    "<html><head><meta charset=\"windows-1252\"><title>T</title></head><body><article>"
    "<p>The caf\xE9 near the base closed on Monday, and the owner said \x93we will reopen\x94 "
    "when the soldiers are gone, whatever the season brings to the town.</p>"
    "<p>Residents said the road to the gate had been quiet for weeks, and the market had "
    "slowly filled again with traders from the villages nearby.</p>"
    "</article></body></html>";
  g_autoptr(GBytes) bytes = g_bytes_new (page, sizeof page - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = tri_load_bytes ("old.html", bytes, &error);
  TriArticle *article;
  const char *text, *at;
  gsize s, e;

  g_assert_no_error (error);
  article = g_ptr_array_index (articles, 0);
  g_assert_cmpstr (tri_article_get_charset (article), ==, "windows-1252");
  text = tri_article_get_text (article, NULL);
  at = strstr (text, "café");
  g_assert_nonnull (at);
  g_assert_nonnull (strstr (text, "“we will reopen”"));
  s = tri_article_to_source_offset (article, at - text, FALSE);
  e = tri_article_to_source_offset (article, at - text + strlen ("café"), TRUE);
  g_assert_cmpmem (page + s, e - s, "caf\xE9", 4);
}

static void
test_truncated (void)
{
  g_autofree char *path = fixture_path ("page-en.html");
  g_autofree char *data = NULL;
  gsize len;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  const char *cut;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  /* Cut in the middle of the fourth paragraph's tag. */
  cut = strstr (data, "<p>Some American");
  g_assert_nonnull (cut);
  bytes = g_bytes_new (data, cut - data + 2);
  articles = tri_load_bytes ("cut.html", bytes, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (tri_article_get_text (g_ptr_array_index (articles, 0), NULL),
                            "US Central Command"));
}

static void
test_sniff (void)
{
  g_assert_cmpint (_tri_ingest_sniff_format ("a.txt", "  <!DOCTYPE html><html>", 23), ==,
                   TRI_INPUT_FORMAT_HTML);
  g_assert_cmpint (_tri_ingest_sniff_format ("a.HTM", "hello", 5), ==, TRI_INPUT_FORMAT_HTML);
  g_assert_cmpint (_tri_ingest_sniff_format ("a.txt", "date 2024-01-01\nhello", 21), ==,
                   TRI_INPUT_FORMAT_TEXT);
  g_assert_cmpint (_tri_ingest_sniff_format ("a.jsonl", "{}", 2), ==, TRI_INPUT_FORMAT_JSON);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tri/html/extract-en", test_extract_en);
  g_test_add_func ("/tri/html/extract-vi", test_extract_vi);
  g_test_add_func ("/tri/html/offsets", test_offsets);
  g_test_add_func ("/tri/html/offsets-vi", test_vi_offsets);
  g_test_add_func ("/tri/html/no-content", test_no_content);
  g_test_add_func ("/tri/html/title-outlet-dateline", test_title_outlet_dateline);
  g_test_add_func ("/tri/html/deep-nesting", test_deep_nesting);
  g_test_add_func ("/tri/html/huge-line", test_huge_line);
  g_test_add_func ("/tri/html/legacy-charset", test_legacy_charset);
  g_test_add_func ("/tri/html/truncated", test_truncated);
  g_test_add_func ("/tri/html/sniff", test_sniff);

  return g_test_run ();
}
