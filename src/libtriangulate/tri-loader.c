/* tri-loader.c
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-loader"

#include "config.h"

#include <string.h>

#include "tri-article-private.h"
#include "tri-ingest-private.h"
#include "tri-loader.h"
#include "tri-segment-private.h"
#include "tri-text.h"

static gsize max_file_size = TRI_DEFAULT_MAX_FILE_SIZE;

/**
 * tri_get_max_file_size:
 *
 * Returns: the largest file, in bytes, that tri_load_file() reads
 */
gsize
tri_get_max_file_size (void)
{
  return max_file_size;
}

/**
 * tri_set_max_file_size:
 * @max_size: the largest file to read, in bytes
 */
void
tri_set_max_file_size (gsize max_size)
{
  g_return_if_fail (max_size > 0);
  max_file_size = max_size;
}

/**
 * tri_article_id_for_path:
 * @path: a file path
 *
 * Returns: (transfer full): the file's name without its extension
 */
char *
tri_article_id_for_path (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  return g_steal_pointer (&base);
}

static gboolean
has_suffix_ci (const char *path,
               const char *suffix)
{
  gsize n = strlen (path), m = strlen (suffix);

  return n >= m && g_ascii_strcasecmp (path + n - m, suffix) == 0;
}

static gboolean
is_jsonl_path (const char *path)
{
  return has_suffix_ci (path, ".jsonl") || has_suffix_ci (path, ".ndjson");
}

/* By the file's name, then by its first bytes: a page saved as .txt is
 * still a page. */
TriInputFormat
_tri_ingest_sniff_format (const char *path,
                          const char *data,
                          gsize       len)
{
  gsize p = 0, n;

  if (path != NULL)
    {
      if (has_suffix_ci (path, ".html") || has_suffix_ci (path, ".htm") ||
          has_suffix_ci (path, ".xhtml") || has_suffix_ci (path, ".shtml"))
        return TRI_INPUT_FORMAT_HTML;
      if (has_suffix_ci (path, ".json") || is_jsonl_path (path))
        return TRI_INPUT_FORMAT_JSON;
    }

  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    p = 3;
  while (p < len && g_ascii_isspace (data[p]))
    p++;
  n = MIN (len - p, 512);
  if (n >= 5 && (g_ascii_strncasecmp (data + p, "<!doctype html", MIN (n, 14)) == 0 ||
                 g_ascii_strncasecmp (data + p, "<html", 5) == 0))
    return TRI_INPUT_FORMAT_HTML;
  if (n >= 5 && data[p] == '<' && g_strstr_len (data + p, n, "<head") != NULL)
    return TRI_INPUT_FORMAT_HTML;
  return TRI_INPUT_FORMAT_TEXT;
}

/* UTF-16 without a byte-order mark shows as NUL bytes at every other
 * position. Returns "UTF-16LE", "UTF-16BE" or NULL. */
static const char *
sniff_utf16 (const char *data,
             gsize       len)
{
  gsize n = MIN (len, 1024) & ~(gsize) 1, even = 0, odd = 0;

  if (n < 8)
    return NULL;
  for (gsize i = 0; i < n; i += 2)
    {
      even += data[i] == 0;
      odd += data[i + 1] == 0;
    }
  if (odd * 10 >= n / 2 * 4 && even * 20 < n / 2)
    return "UTF-16LE";
  if (even * 10 >= n / 2 * 4 && odd * 20 < n / 2)
    return "UTF-16BE";
  return NULL;
}

/* Invalid UTF-8 is a legacy encoding when none of its high bytes form
 * UTF-8 sequences, not even broken ones (an overlong "\xC0\xAF"), and
 * there are at least three of them, as in any text with accented words.
 * One or two bad bytes in a text are broken UTF-8, reported with their
 * position. */
static gboolean
looks_legacy (const char *data,
              gsize       len)
{
  gsize valid = 0, invalid = 0, shaped = 0, p = 0;

  while (p < len)
    {
      guchar b = (guchar) data[p];
      gunichar c;

      if (b < 0x80)
        {
          p++;
          continue;
        }
      c = g_utf8_get_char_validated (data + p, len - p);
      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          guint need = b >= 0xF0 && b <= 0xF7 ? 3 : b >= 0xE0 && b <= 0xEF ? 2 : b >= 0xC0 && b <= 0xDF ? 1 : 0;
          guint k;

          for (k = 1; k <= need && p + k < len && ((guchar) data[p + k] & 0xC0) == 0x80; k++)
            ;
          if (need > 0 && k > need)
            shaped++;
          invalid++;
          p++;
        }
      else
        {
          valid++;
          p = g_utf8_next_char (data + p) - data;
        }
    }
  return invalid >= 3 && valid * 4 <= invalid && shaped == 0;
}

static gboolean
is_utf8_name (const char *charset)
{
  return charset == NULL || g_ascii_strcasecmp (charset, "utf-8") == 0 ||
         g_ascii_strcasecmp (charset, "utf8") == 0 || g_ascii_strcasecmp (charset, "us-ascii") == 0 ||
         g_ascii_strcasecmp (charset, "ascii") == 0;
}

/* Bytes in whatever encoding to UTF-8, with the map back to them. */
static char *
decode_any (const char    *data,
            gsize          len,
            const char    *declared,
            char         **charset,
            gsize         *out_len,
            TriOffsetMap **map,
            GError       **error)
{
  const char *utf16;
  const char *bad = NULL;

  if ((len >= 2 && (((guchar) data[0] == 0xFF && (guchar) data[1] == 0xFE) ||
                    ((guchar) data[0] == 0xFE && (guchar) data[1] == 0xFF))) ||
      (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0))
    return tri_text_decode (data, len, NULL, charset, out_len, map, error);

  if ((utf16 = sniff_utf16 (data, len)) != NULL)
    return tri_text_decode (data, len, utf16, charset, out_len, map, error);

  if (declared != NULL && (g_ascii_strncasecmp (declared, "utf-16", 6) == 0 ||
                           g_ascii_strncasecmp (declared, "utf-32", 6) == 0))
    declared = NULL;   /* a page that says so but is plainly 8-bit */

  if (!is_utf8_name (declared) || (!g_utf8_validate_len (data, len, &bad) && looks_legacy (data, len)))
    {
      g_autoptr(GError) local = NULL;
      char *text;

      if (tri_text_is_binary (data, len))
        {
          g_set_error_literal (error, TRI_ERROR, TRI_ERROR_NOT_TEXT,
                               "binary data (NUL or control bytes): not a text file");
          return NULL;
        }
      if (!is_utf8_name (declared))
        {
          text = _tri_charset_decode (data, len, declared, charset, out_len, map, &local);
          if (text != NULL)
            return text;
          if (g_utf8_validate_len (data, len, NULL))
            return tri_text_decode (data, len, NULL, charset, out_len, map, error);
        }
      return _tri_charset_decode (data, len, _tri_charset_guess (data, len), charset, out_len, map,
                                  error);
    }

  return tri_text_decode (data, len, NULL, charset, out_len, map, error);
}

TriArticle *
_tri_ingest_text (const char  *id,
                  const char  *path,
                  GBytes      *bytes,
                  GError     **error)
{
  g_autoptr(TriArticle) article = NULL;
  g_autoptr(TriOffsetMap) decoded_map = NULL;
  g_autofree char *charset = NULL;
  g_autofree char *decoded = NULL;
  TriOffsetMap *map = NULL;
  char *normal;
  gsize len, decoded_len, normal_len;
  const char *data = g_bytes_get_data (bytes, &len);

  if (len == 0)
    {
      g_set_error_literal (error, TRI_ERROR, TRI_ERROR_EMPTY, "empty file");
      return NULL;
    }

  decoded = decode_any (data, len, NULL, &charset, &decoded_len, &decoded_map, error);
  if (decoded == NULL)
    return NULL;

  normal = tri_text_normalize (decoded, decoded_len, &normal_len,
                               g_steal_pointer (&decoded_map), &map);

  article = _tri_article_new (id, path, bytes, TRI_INPUT_FORMAT_TEXT);
  _tri_article_set_text (article, normal, normal_len, map);
  _tri_article_set_charset (article, charset);
  _tri_segment_article (article);

  if (tri_article_get_n_sentences (article) == 0)
    {
      g_set_error_literal (error, TRI_ERROR, TRI_ERROR_EMPTY, "no text: only white space or metadata");
      return NULL;
    }

  return g_steal_pointer (&article);
}

TriArticle *
_tri_ingest_html (const char  *id,
                  const char  *path,
                  GBytes      *bytes,
                  GError     **error)
{
  g_autoptr(TriArticle) article = NULL;
  g_autoptr(TriOffsetMap) decoded_map = NULL;
  g_autoptr(TriHtmlPage) page = NULL;
  g_autofree char *declared = NULL;
  g_autofree char *charset = NULL;
  g_autofree char *decoded = NULL;
  TriOffsetMap *map = NULL;
  const char *language;
  char *normal;
  gsize len, decoded_len, normal_len;
  const char *data = g_bytes_get_data (bytes, &len);

  if (len == 0)
    {
      g_set_error_literal (error, TRI_ERROR, TRI_ERROR_EMPTY, "empty file");
      return NULL;
    }

  declared = _tri_charset_sniff_html (data, len);
  decoded = decode_any (data, len, declared, &charset, &decoded_len, &decoded_map, error);
  if (decoded == NULL)
    return NULL;

  page = _tri_html_extract (decoded, decoded_len, g_steal_pointer (&decoded_map), error);
  if (page == NULL)
    return NULL;

  normal = tri_text_normalize (page->text, page->len, &normal_len, g_steal_pointer (&page->map), &map);
  article = _tri_article_new (id, path, bytes, TRI_INPUT_FORMAT_HTML);
  _tri_article_set_text (article, normal, normal_len, map);
  _tri_article_set_charset (article, charset);
  _tri_article_set_title (article, page->title);
  _tri_article_set_url (article, page->url);
  _tri_article_set_outlet (article, page->outlet);
  if (page->published != NULL)
    tri_article_set_published (article, page->published, TRI_DATE_SOURCE_HEADER);
  language = _tri_language_detect (normal, normal_len);
  if (g_str_equal (language, "und") && page->language != NULL)
    language = page->language;
  _tri_article_set_language (article, language);
  _tri_segment_article (article);

  if (tri_article_get_n_sentences (article) == 0)
    {
      g_set_error_literal (error, TRI_ERROR, TRI_ERROR_NO_CONTENT,
                           "no article body found in the page: no sentences");
      return NULL;
    }
  return g_steal_pointer (&article);
}

/**
 * tri_load_bytes_full:
 * @path: the path the bytes were read from, for the report and errors
 * @bytes: the file's contents
 * @warnings: (out) (optional) (transfer full) (element-type GError): the
 *   records of a scraper export that could not be read, one error each,
 *   naming the line; the other records still load
 * @error: return location for an error naming the reason, when nothing
 *   could be read
 *
 * Reads one file's bytes into articles: a text file or a saved page makes
 * one, a scraper export (.json, .jsonl) one per record.
 *
 * Returns: (transfer full) (element-type TriArticle): the articles
 */
GPtrArray *
tri_load_bytes_full (const char  *path,
                     GBytes      *bytes,
                     GPtrArray  **warnings,
                     GError     **error)
{
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autofree char *id = NULL;
  gsize len;
  const char *data;
  TriArticle *article = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (bytes != NULL, NULL);

  if (warnings)
    *warnings = NULL;
  data = g_bytes_get_data (bytes, &len);
  if (len > max_file_size)
    {
      g_set_error (error, TRI_ERROR, TRI_ERROR_TOO_LARGE,
                   "file too large: %" G_GSIZE_FORMAT " bytes, the limit is %" G_GSIZE_FORMAT,
                   len, max_file_size);
      return NULL;
    }
  if (len == 0)
    {
      g_set_error_literal (error, TRI_ERROR, TRI_ERROR_EMPTY, "empty file");
      return NULL;
    }

  id = tri_article_id_for_path (path);
  switch (_tri_ingest_sniff_format (path, data, len))
    {
    case TRI_INPUT_FORMAT_JSON:
      articles = _tri_ingest_json (path, bytes, is_jsonl_path (path), found, error);
      if (articles == NULL)
        return NULL;
      break;
    case TRI_INPUT_FORMAT_HTML:
      article = _tri_ingest_html (id, path, bytes, error);
      break;
    case TRI_INPUT_FORMAT_TEXT:
    default:
      article = _tri_ingest_text (id, path, bytes, error);
      break;
    }
  if (articles == NULL)
    {
      if (article == NULL)
        return NULL;
      articles = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (articles, article);
    }
  if (warnings && found->len > 0)
    *warnings = g_steal_pointer (&found);
  return g_steal_pointer (&articles);
}

/**
 * tri_load_bytes:
 * @path: the path the bytes were read from, for the report and errors
 * @bytes: the file's contents
 * @error: return location for an error naming the reason
 *
 * Reads one file's bytes into articles (a scraper export can hold many);
 * records of an export that cannot be read are skipped, see
 * tri_load_bytes_full().
 *
 * Returns: (transfer full) (element-type TriArticle): the articles
 */
GPtrArray *
tri_load_bytes (const char  *path,
                GBytes      *bytes,
                GError     **error)
{
  return tri_load_bytes_full (path, bytes, NULL, error);
}

/**
 * tri_load_file:
 * @file: the file
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error naming the reason
 *
 * Returns: (transfer full) (element-type TriArticle): the articles in @file
 */
GPtrArray *
tri_load_file (GFile         *file,
               GCancellable  *cancellable,
               GError       **error)
{
  return tri_load_file_full (file, cancellable, NULL, error);
}

/**
 * tri_load_file_full:
 * @file: the file
 * @cancellable: (nullable): a #GCancellable
 * @warnings: (out) (optional) (transfer full) (element-type GError): records
 *   of a scraper export that could not be read (see tri_load_bytes_full())
 * @error: return location for an error naming the reason
 *
 * Returns: (transfer full) (element-type TriArticle): the articles in @file
 */
GPtrArray *
tri_load_file_full (GFile         *file,
                    GCancellable  *cancellable,
                    GPtrArray    **warnings,
                    GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = g_file_get_path (file);
  goffset size;
  gsize want;

  if (warnings)
    *warnings = NULL;
  if (path == NULL)
    path = g_file_get_uri (file);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, "is a folder");
      return NULL;
    }
  size = g_file_info_get_size (info);
  if (size > (goffset) max_file_size)
    {
      g_set_error (error, TRI_ERROR, TRI_ERROR_TOO_LARGE,
                   "file too large: %" G_GOFFSET_FORMAT " bytes, the limit is %" G_GSIZE_FORMAT,
                   size, max_file_size);
      return NULL;
    }

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;
  /* One byte past what the file held, to see it grew, and never past the
   * limit. The buffer is as large as asked for and the article keeps it:
   * asking for the limit made each article hold 64 MB (of address space,
   * or of memory where malloc fills buffers, as under meson test). A file
   * that says it is empty (a pipe, /proc) is read to the limit, then
   * copied to its size. */
  want = size > 0 ? MIN ((gsize) size, max_file_size) + 1 : max_file_size + 1;
  bytes = g_input_stream_read_bytes (G_INPUT_STREAM (stream), want, cancellable, error);
  if (bytes == NULL)
    return NULL;
  if (size <= 0)
    {
      GBytes *fitted = g_bytes_new (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

      g_bytes_unref (bytes);
      bytes = fitted;
    }

  return tri_load_bytes_full (path, bytes, warnings, error);
}

/**
 * tri_article_new_from_bytes:
 * @id: the article's id
 * @path: (nullable): where the bytes came from
 * @bytes: the bytes of a text file
 * @error: return location for an error
 *
 * Returns: (transfer full): a segmented article, not yet analysed
 */
TriArticle *
tri_article_new_from_bytes (const char  *id,
                            const char  *path,
                            GBytes      *bytes,
                            GError     **error)
{
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (bytes != NULL, NULL);

  if (_tri_ingest_sniff_format (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes)) ==
      TRI_INPUT_FORMAT_HTML)
    return _tri_ingest_html (id, path ? path : id, bytes, error);
  return _tri_ingest_text (id, path ? path : id, bytes, error);
}

/**
 * tri_article_new_from_text:
 * @id: the article's id
 * @text: the text, as a file would hold it
 * @len: its length, or -1 if NUL-terminated
 * @error: return location for an error
 *
 * Returns: (transfer full): a segmented article, not yet analysed
 */
TriArticle *
tri_article_new_from_text (const char  *id,
                           const char  *text,
                           gssize       len,
                           GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  bytes = g_bytes_new (text, len < 0 ? strlen (text) : (gsize) len);
  return tri_article_new_from_bytes (id, id, bytes, error);
}
