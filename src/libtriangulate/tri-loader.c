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

TriInputFormat
_tri_ingest_sniff_format (const char *path,
                          const char *data,
                          gsize       len)
{
  return TRI_INPUT_FORMAT_TEXT;
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

  decoded = tri_text_decode (data, len, NULL, &charset, &decoded_len, &decoded_map, error);
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

/**
 * tri_load_bytes:
 * @path: the path the bytes were read from, for the report and errors
 * @bytes: the file's contents
 * @error: return location for an error naming the reason
 *
 * Reads one file's bytes into articles (a scraper export can hold many).
 *
 * Returns: (transfer full) (element-type TriArticle): the articles
 */
GPtrArray *
tri_load_bytes (const char  *path,
                GBytes      *bytes,
                GError     **error)
{
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *id = tri_article_id_for_path (path);
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  TriArticle *article;

  if (len > max_file_size)
    {
      g_set_error (error, TRI_ERROR, TRI_ERROR_TOO_LARGE,
                   "file too large: %" G_GSIZE_FORMAT " bytes, the limit is %" G_GSIZE_FORMAT,
                   len, max_file_size);
      return NULL;
    }

  switch (_tri_ingest_sniff_format (path, data, len))
    {
    case TRI_INPUT_FORMAT_TEXT:
    case TRI_INPUT_FORMAT_HTML:
    case TRI_INPUT_FORMAT_JSON:
    default:
      article = _tri_ingest_text (id, path, bytes, error);
      break;
    }
  if (article == NULL)
    return NULL;
  g_ptr_array_add (articles, article);
  return g_steal_pointer (&articles);
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
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = g_file_get_path (file);
  goffset size;

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
  /* Read at most one byte past the limit: the file may have grown. */
  bytes = g_input_stream_read_bytes (G_INPUT_STREAM (stream), max_file_size + 1, cancellable, error);
  if (bytes == NULL)
    return NULL;

  return tri_load_bytes (path, bytes, error);
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
