/* test-article.c
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
load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = tri_load_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (articles->len, ==, 1);
  return g_object_ref (g_ptr_array_index (articles, 0));
}

static GPtrArray *
load_bytes (const char  *data,
            gsize        len,
            GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, len);

  return tri_load_bytes ("test.txt", bytes, error);
}

/* The text at [start, end) of the original bytes. */
static char *
original_span (TriArticle *article,
               guint       start,
               guint       end)
{
  gsize len;
  const char *data = g_bytes_get_data (tri_article_get_original (article), &len);
  gsize s = tri_article_to_source_offset (article, start, FALSE);
  gsize e = tri_article_to_source_offset (article, end, TRUE);

  g_assert_cmpuint (s, <=, e);
  g_assert_cmpuint (e, <=, len);
  return g_strndup (data + s, e - s);
}

static void
test_nfd_offsets (void)
{
  /* "Bộ Quốc phòng" fully decomposed, then a date: offsets of "18/1" must
   * point at the same characters in the NFD original. */
  g_autofree char *nfc = g_strdup ("date 2026-01-19\n\nBộ Quốc phòng Iraq hôm 18/1 cho biết nhóm cố vấn Mỹ đã rời đi.\n");
  g_autofree char *nfd = g_utf8_normalize (nfc, -1, G_NORMALIZE_NFD);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = load_bytes (nfd, strlen (nfd), &error);
  TriArticle *article;
  const char *text;
  const char *at;
  g_autofree char *span = NULL;
  g_autofree char *word = NULL;
  guint start;

  g_assert_no_error (error);
  article = g_ptr_array_index (articles, 0);
  text = tri_article_get_text (article, NULL);
  g_assert_true (strlen (nfd) > strlen (nfc));
  g_assert_cmpstr (text, ==, nfc);

  at = strstr (text, "18/1");
  start = at - text;
  span = original_span (article, start, start + 4);
  g_assert_cmpstr (span, ==, "18/1");

  at = strstr (text, "Quốc");
  start = at - text;
  word = original_span (article, start, start + strlen ("Quốc"));
  g_assert_true (g_str_has_prefix (strstr (nfd, "Quo"), word));
  {
    g_autofree char *normal = g_utf8_normalize (word, -1, G_NORMALIZE_NFC);

    g_assert_cmpstr (normal, ==, "Quốc");
  }
}

static void
test_bom_utf8 (void)
{
  const char *data = "\xEF\xBB\xBFHello world. The troops left Iraq.";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = load_bytes (data, strlen (data), &error);
  TriArticle *article;
  g_autofree char *span = NULL;

  g_assert_no_error (error);
  article = g_ptr_array_index (articles, 0);
  g_assert_true (g_str_has_prefix (tri_article_get_text (article, NULL), "Hello"));
  span = original_span (article, 0, 5);
  g_assert_cmpstr (span, ==, "Hello");
  g_assert_cmpuint (tri_article_to_source_offset (article, 0, FALSE), ==, 3);
}

static void
test_bom_utf16 (void)
{
  const char *utf8 = "date 2024-01-28\nKhoảng 2.500 lính Mỹ ở Iraq. Họ sẽ ở lại.";
  g_autoptr(GError) error = NULL;
  g_autofree gunichar2 *utf16 = NULL;
  glong n16 = 0;
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(GPtrArray) articles = NULL;
  TriArticle *article;
  const char *text;
  guint start;
  gsize s, e;

  utf16 = g_utf8_to_utf16 (utf8, -1, NULL, &n16, NULL);
  g_byte_array_append (bytes, (const guint8 *) "\xFF\xFE", 2);
  for (glong i = 0; i < n16; i++)
    {
      guint8 pair[2] = { utf16[i] & 0xFF, utf16[i] >> 8 };

      g_byte_array_append (bytes, pair, 2);
    }

  articles = load_bytes ((const char *) bytes->data, bytes->len, &error);
  g_assert_no_error (error);
  article = g_ptr_array_index (articles, 0);
  g_assert_cmpstr (tri_article_get_charset (article), ==, "UTF-16LE");
  g_assert_cmpstr (tri_article_get_published (article), ==, "2024-01-28");
  text = tri_article_get_text (article, NULL);
  start = strstr (text, "2.500") - text;
  s = tri_article_to_source_offset (article, start, FALSE);
  e = tri_article_to_source_offset (article, start + 5, TRUE);
  /* Five UTF-16 code units, two bytes each. */
  g_assert_cmpuint (e - s, ==, 10);
  g_assert_cmpuint (bytes->data[s], ==, '2');
  g_assert_cmpuint (tri_article_get_n_sentences (article), ==, 2);
}

static void
test_crlf (void)
{
  const char *data = "title Rút quân\r\n\r\nMỹ rút quân khỏi Iraq.\r\nQuân đội Iraq tiếp quản căn cứ.\r\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = load_bytes (data, strlen (data), &error);
  TriArticle *article;
  const char *text;
  guint start;
  g_autofree char *span = NULL;

  g_assert_no_error (error);
  article = g_ptr_array_index (articles, 0);
  text = tri_article_get_text (article, NULL);
  g_assert_null (strchr (text, '\r'));
  g_assert_cmpstr (tri_article_get_title (article), ==, "Rút quân");
  g_assert_cmpuint (tri_article_get_n_sentences (article), ==, 2);
  start = strstr (text, "Quân đội") - text;
  span = original_span (article, start, start + strlen ("Quân đội"));
  g_assert_cmpstr (span, ==, "Quân đội");
}

static void
test_invalid_utf8 (void)
{
  const char *data = "Line one is fine.\nBut h\xC3 here\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = load_bytes (data, strlen (data), &error);

  g_assert_null (articles);
  g_assert_error (error, TRI_ERROR, TRI_ERROR_INVALID_ENCODING);
  g_assert_nonnull (strstr (error->message, "byte 23"));
  g_assert_nonnull (strstr (error->message, "line 2"));
}

static void
test_empty (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = load_bytes ("", 0, &error);
  g_autoptr(GPtrArray) blank = NULL;

  g_assert_null (articles);
  g_assert_error (error, TRI_ERROR, TRI_ERROR_EMPTY);
  g_clear_error (&error);

  blank = load_bytes ("date 2026-01-01\n \n\t\n", 20, &error);
  g_assert_null (blank);
  g_assert_error (error, TRI_ERROR, TRI_ERROR_EMPTY);
}

static void
test_binary (void)
{
  static const guint8 png[] = { 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R' };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = load_bytes ((const char *) png, sizeof png, &error);

  g_assert_null (articles);
  g_assert_error (error, TRI_ERROR, TRI_ERROR_NOT_TEXT);
}

static void
test_too_large (void)
{
  gsize old = tri_get_max_file_size ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = NULL;

  tri_set_max_file_size (16);
  articles = load_bytes ("This text is longer than sixteen bytes.", 39, &error);
  tri_set_max_file_size (old);
  g_assert_null (articles);
  g_assert_error (error, TRI_ERROR, TRI_ERROR_TOO_LARGE);
}

/* A 50 MB file loads, keeps its offsets and does not need a map per byte. */
static void
test_large_file (void)
{
  const char *para = "Quân đội Mỹ duy trì khoảng 2.500 binh sĩ tại Iraq. "
                     "Ông nói: “Chúng tôi sẽ ở lại. Không ai rời đi.” Họ đồng ý.\n";
  gsize plen = strlen (para);
  gsize n = (50 * 1024 * 1024) / plen;
  g_autoptr(GString) s = g_string_sized_new (n * plen + 32);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  TriArticle *article;
  guint start, end;
  gsize len;

  if (!g_test_slow () && !g_test_perf ())
    n /= 10;
  g_string_append (s, "date 2026-01-19\n");
  for (gsize i = 0; i < n; i++)
    g_string_append_len (s, para, plen);

  articles = load_bytes (s->str, s->len, &error);
  g_assert_no_error (error);
  article = g_ptr_array_index (articles, 0);
  tri_article_get_text (article, &len);
  g_assert_cmpuint (len, ==, s->len);
  g_assert_cmpuint (tri_article_get_n_sentences (article), ==, n * 3);
  g_assert_true (tri_article_get_sentence (article, n * 3 - 1, &start, &end));
  g_assert_cmpuint (tri_article_to_source_offset (article, end, TRUE), ==, s->len - 1);
}

static void
test_header_date_inline (void)
{
  const char *data = " date 2026-01-19 Lính Mỹ tại căn cứ (Ảnh: Quân đội Mỹ).\n\nBộ Quốc phòng Iraq hôm 18/1 cho biết nhóm cố vấn cuối cùng đã rời đi.\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = load_bytes (data, strlen (data), &error);
  TriArticle *article;
  guint start;
  const char *text;

  g_assert_no_error (error);
  article = g_ptr_array_index (articles, 0);
  text = tri_article_get_text (article, NULL);
  g_assert_cmpstr (tri_article_get_published (article), ==, "2026-01-19");
  g_assert_cmpint (tri_article_get_published_source (article), ==, TRI_DATE_SOURCE_HEADER);
  g_assert_cmpuint (tri_article_get_n_sentences (article), ==, 2);
  g_assert_true (tri_article_get_sentence (article, 0, &start, NULL));
  g_assert_true (g_str_has_prefix (text + start, "Lính Mỹ"));
  /* The header itself is not content. */
  g_assert_false (tri_article_is_content (article, 1, 5));
}

static void
test_header_yaml (void)
{
  const char *data = "---\ntitle: Troops leave Al-Asad\nurl: https://www.example.com/news/1\ndate: 2026-01-18T09:30:00Z\nlanguage: en\n---\n\nThe last US advisers left the base on Saturday, officials said.\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = load_bytes (data, strlen (data), &error);
  TriArticle *article;

  g_assert_no_error (error);
  article = g_ptr_array_index (articles, 0);
  g_assert_cmpstr (tri_article_get_title (article), ==, "Troops leave Al-Asad");
  g_assert_cmpstr (tri_article_get_url (article), ==, "https://www.example.com/news/1");
  g_assert_cmpstr (tri_article_get_outlet (article), ==, "example.com");
  g_assert_cmpstr (tri_article_get_published (article), ==, "2026-01-18");
  g_assert_cmpstr (tri_article_get_language (article), ==, "en");
  g_assert_cmpuint (tri_article_get_n_sentences (article), ==, 1);
}

/* Pasted text: the headline under a section label is the title; prose
 * is never one. */
static void
test_title_from_text (void)
{
  static const struct {
    const char *text;
    const char *title;
  } cases[] = {
    { "Thế giới\nIraq thông báo thời hạn rút quân của liên minh\n"
      "Chính phủ Iraq cho biết liên minh sẽ kết thúc sứ mệnh vào tháng 9/2025.\n",
      "Iraq thông báo thời hạn rút quân của liên minh" },
    { "US advisers leave Al-Asad\n\nThe last advisers left the base on Saturday, officials said.\n",
      "US advisers leave Al-Asad" },
    { "The last advisers left the base on Saturday, officials said.\nMore followed.\n", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) articles = load_bytes (cases[i].text, strlen (cases[i].text), &error);

      g_assert_no_error (error);
      g_assert_cmpstr (tri_article_get_title (g_ptr_array_index (articles, 0)), ==, cases[i].title);
    }
}

static void
test_no_header_date (void)
{
  const char *data = "Dated 2026-01-19 is not a header key. Nothing here is metadata.\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = load_bytes (data, strlen (data), &error);
  TriArticle *article;

  g_assert_no_error (error);
  article = g_ptr_array_index (articles, 0);
  g_assert_null (tri_article_get_published (article));
  g_assert_cmpint (tri_article_get_published_source (article), ==, TRI_DATE_SOURCE_UNKNOWN);
}

static void
test_language (void)
{
  g_autoptr(TriArticle) vi = load_fixture ("sentences-vi.txt");
  g_autoptr(TriArticle) en = load_fixture ("sentences-en.txt");

  g_assert_cmpstr (tri_article_get_language (vi), ==, "vi");
  g_assert_cmpstr (tri_article_get_language (en), ==, "en");

  /* One short sentence is enough. */
  {
    const char *data = "More than 100 US service members suffered brain injuries.\n";
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) articles = load_bytes (data, strlen (data), &error);

    g_assert_no_error (error);
    g_assert_cmpstr (tri_article_get_language (g_ptr_array_index (articles, 0)), ==, "en");
  }
}

static void
assert_sentences (TriArticle         *article,
                  const char * const *expected)
{
  const char *text = tri_article_get_text (article, NULL);
  guint n = g_strv_length ((char **) expected);

  for (guint i = 0; i < tri_article_get_n_sentences (article); i++)
    {
      guint start, end;

      tri_article_get_sentence (article, i, &start, &end);
      if (i < n)
        {
          g_autofree char *got = g_strndup (text + start, end - start);

          g_assert_cmpstr (got, ==, expected[i]);
        }
    }
  g_assert_cmpuint (tri_article_get_n_sentences (article), ==, n);
}

static void
test_sentences_vi (void)
{
  static const char *const expected[] = {
    "Lính Mỹ rời căn cứ",
    "Ngày 18/1, khoảng 2.500 binh sĩ vẫn ở Iraq, theo TP. Hồ Chí Minh đưa tin.",
    "GS. Trần Văn A nói: “Đây là bước ngoặt. Iraq năm 2026 đã khác.”",
    "Ông cho biết thêm rằng quân đội Iraq sẽ tiếp quản căn cứ!",
    "Liệu hợp tác có tiếp tục?",
    "Phía Mỹ chưa bình luận.",
    NULL
  };
  g_autoptr(TriArticle) article = load_fixture ("sentences-vi.txt");

  assert_sentences (article, expected);
  g_assert_cmpstr (tri_article_get_published (article), ==, "2026-01-20");
}

static void
test_sentences_en (void)
{
  static const char *const expected[] = {
    "US troops leave Al-Asad",
    "On Jan. 18, Mr. Smith of the U.S. embassy said about 2,500 troops remained.",
    "\"The mission is over. We are proud of it,\" he told reporters.",
    "Dr. Jones disagreed.",
    "Talks resumed on 27 January 2024 in Baghdad.",
    NULL
  };
  g_autoptr(TriArticle) article = load_fixture ("sentences-en.txt");

  assert_sentences (article, expected);
}

static void
test_find_sentence (void)
{
  g_autoptr(TriArticle) article = load_fixture ("sentences-en.txt");
  guint start, end;

  tri_article_get_sentence (article, 2, &start, &end);
  g_assert_cmpuint (tri_article_find_sentence (article, start), ==, 2);
  g_assert_cmpuint (tri_article_find_sentence (article, end - 1), ==, 2);
  g_assert_cmpuint (tri_article_find_sentence (article, 23), ==, G_MAXUINT);
}

static void
test_finalize (void)
{
  TriArticle *article = load_fixture ("sentences-en.txt");

  g_assert_finalize_object (article);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tri/article/nfc-offsets", test_nfd_offsets);
  g_test_add_func ("/tri/article/bom-utf8", test_bom_utf8);
  g_test_add_func ("/tri/article/bom-utf16", test_bom_utf16);
  g_test_add_func ("/tri/article/crlf", test_crlf);
  g_test_add_func ("/tri/article/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/tri/article/empty", test_empty);
  g_test_add_func ("/tri/article/binary", test_binary);
  g_test_add_func ("/tri/article/too-large", test_too_large);
  g_test_add_func ("/tri/article/large-file", test_large_file);
  g_test_add_func ("/tri/article/header-date-inline", test_header_date_inline);
  g_test_add_func ("/tri/article/header-yaml", test_header_yaml);
  g_test_add_func ("/tri/article/title-from-text", test_title_from_text);
  g_test_add_func ("/tri/article/no-header-date", test_no_header_date);
  g_test_add_func ("/tri/article/language", test_language);
  g_test_add_func ("/tri/article/sentences-vi", test_sentences_vi);
  g_test_add_func ("/tri/article/sentences-en", test_sentences_en);
  g_test_add_func ("/tri/article/find-sentence", test_find_sentence);
  g_test_add_func ("/tri/article/finalize", test_finalize);

  return g_test_run ();
}
