/* tri-ingest-private.h: readers of the formats researchers bring
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tri-article-private.h"

G_BEGIN_DECLS

TriInputFormat  _tri_ingest_sniff_format (const char  *path,
                                          const char  *data,
                                          gsize        len);
TriArticle     *_tri_ingest_text         (const char  *id,
                                          const char  *path,
                                          GBytes      *bytes,
                                          GError     **error);
TriArticle     *_tri_ingest_html         (const char  *id,
                                          const char  *path,
                                          GBytes      *bytes,
                                          GError     **error);
GPtrArray      *_tri_ingest_json         (const char  *path,
                                          GBytes      *bytes,
                                          gboolean     lines,
                                          GPtrArray   *warnings,
                                          GError     **error);
#define TRI_JSON_MAX_DEPTH 128
gboolean        _tri_json_too_deep       (const char  *data,
                                          gsize        len,
                                          guint        max_depth);

/* tri-charset.c: bytes in any encoding to UTF-8, offsets kept. */
char           *_tri_charset_decode      (const char    *data,
                                          gsize          len,
                                          const char    *declared,
                                          char         **charset_out,
                                          gsize         *out_len,
                                          TriOffsetMap **map_out,
                                          GError       **error);
char           *_tri_charset_sniff_html  (const char    *data,
                                          gsize          len);
const char     *_tri_charset_guess       (const char    *data,
                                          gsize          len);

/* tri-html.c */
typedef struct
{
  char         *text;       /* blocks of the article, blank lines between */
  gsize         len;
  TriOffsetMap *map;        /* text → the page's bytes (chained) */
  char         *title;
  char         *outlet;
  char         *url;
  char         *published;  /* YYYY-MM-DD, or NULL */
  char         *language;   /* from <html lang>, or NULL */
} TriHtmlPage;

TriHtmlPage    *_tri_html_extract        (const char    *html,
                                          gsize          len,
                                          TriOffsetMap  *below,
                                          GError       **error);
void            _tri_html_page_free      (TriHtmlPage   *page);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TriHtmlPage, _tri_html_page_free)

G_END_DECLS
