/* tri-article.h
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(TRIANGULATE_INSIDE) && !defined(TRIANGULATE_COMPILATION)
# error "Only <triangulate.h> can be included directly."
#endif

#include <gio/gio.h>

#include "tri-mention.h"
#include "tri-types.h"

G_BEGIN_DECLS

#define TRI_TYPE_ARTICLE (tri_article_get_type ())

G_DECLARE_FINAL_TYPE (TriArticle, tri_article, TRI, ARTICLE, GObject)

TriArticle     *tri_article_new_from_bytes         (const char    *id,
                                                    const char    *path,
                                                    GBytes        *bytes,
                                                    GError       **error);
TriArticle     *tri_article_new_from_text          (const char    *id,
                                                    const char    *text,
                                                    gssize         len,
                                                    GError       **error);
const char     *tri_article_get_id                 (TriArticle    *self);
const char     *tri_article_get_path               (TriArticle    *self);
TriInputFormat  tri_article_get_format             (TriArticle    *self);
const char     *tri_article_get_charset            (TriArticle    *self);
GBytes         *tri_article_get_original           (TriArticle    *self);
const char     *tri_article_get_text               (TriArticle    *self,
                                                    gsize         *len);
const char     *tri_article_get_language           (TriArticle    *self);
const char     *tri_article_get_title              (TriArticle    *self);
const char     *tri_article_get_outlet             (TriArticle    *self);
const char     *tri_article_get_url                (TriArticle    *self);
const char     *tri_article_get_note               (TriArticle    *self);
void            tri_article_set_note               (TriArticle    *self,
                                                    const char    *note);
const char     *tri_article_get_published          (TriArticle    *self);
TriDateSource   tri_article_get_published_source   (TriArticle    *self);
const char     *tri_article_get_published_earliest (TriArticle    *self);
const char     *tri_article_get_published_latest   (TriArticle    *self);
void            tri_article_set_published          (TriArticle    *self,
                                                    const char    *iso_date,
                                                    TriDateSource  source);
guint           tri_article_get_n_sentences        (TriArticle    *self);
gboolean        tri_article_get_sentence           (TriArticle    *self,
                                                    guint          index,
                                                    guint         *start,
                                                    guint         *end);
guint           tri_article_find_sentence          (TriArticle    *self,
                                                    guint          offset);
guint           tri_article_get_n_stories          (TriArticle    *self);
gboolean        tri_article_get_story              (TriArticle    *self,
                                                    guint          index,
                                                    guint         *start,
                                                    guint         *end,
                                                    const char   **title,
                                                    const char   **reference_date);
guint           tri_article_get_n_boilerplate      (TriArticle    *self);
gboolean        tri_article_get_boilerplate        (TriArticle    *self,
                                                    guint          index,
                                                    guint         *start,
                                                    guint         *end,
                                                    const char   **why);
gboolean        tri_article_is_content             (TriArticle    *self,
                                                    guint          start,
                                                    guint          end);
GPtrArray      *tri_article_get_mentions           (TriArticle    *self);
const char * const *tri_article_get_cites          (TriArticle    *self);
gsize           tri_article_to_source_offset       (TriArticle    *self,
                                                    gsize          offset,
                                                    gboolean       is_end);
char           *tri_article_dup_span               (TriArticle    *self,
                                                    guint          start,
                                                    guint          end);

G_END_DECLS
