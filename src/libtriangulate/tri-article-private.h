/* tri-article-private.h: what the pipeline's stages may change
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tri-article.h"
#include "tri-offset-map.h"

G_BEGIN_DECLS

typedef struct
{
  guint          start;
  guint          end;
  char          *title;
  guint32        reference;          /* GDate Julian day, 0 when unknown */
  TriDateSource  reference_source;
  char          *reference_iso;
} TriStory;

typedef struct
{
  guint       start;
  guint       end;
  const char *why;                   /* interned */
} TriBoilerplate;

TriArticle *_tri_article_new                (const char     *id,
                                             const char     *path,
                                             GBytes         *original,
                                             TriInputFormat  format);
void        _tri_article_set_id             (TriArticle     *self,
                                             const char     *id);
void        _tri_article_set_text           (TriArticle     *self,
                                             char           *text,
                                             gsize           len,
                                             TriOffsetMap   *map);
void        _tri_article_set_charset        (TriArticle     *self,
                                             const char     *charset);
void        _tri_article_set_language       (TriArticle     *self,
                                             const char     *language);
void        _tri_article_set_title          (TriArticle     *self,
                                             const char     *title);
void        _tri_article_set_outlet         (TriArticle     *self,
                                             const char     *outlet);
void        _tri_article_set_url            (TriArticle     *self,
                                             const char     *url);
void        _tri_article_set_published_bounds (TriArticle   *self,
                                             const char     *earliest,
                                             const char     *latest);
guint32     _tri_article_get_published_day  (TriArticle     *self);
void        _tri_article_set_body_start     (TriArticle     *self,
                                             guint           offset);
guint       _tri_article_get_body_start     (TriArticle     *self);
GArray     *_tri_article_get_stories        (TriArticle     *self);
void        _tri_article_add_story          (TriArticle     *self,
                                             guint           start,
                                             guint           end,
                                             const char     *title);
void        _tri_article_set_story_reference (TriArticle    *self,
                                             guint           index,
                                             guint32         julian_day,
                                             TriDateSource   source);
const TriStory *_tri_article_story_at       (TriArticle     *self,
                                             guint           offset);
GArray     *_tri_article_get_boilerplate    (TriArticle     *self);
void        _tri_article_add_boilerplate    (TriArticle     *self,
                                             guint           start,
                                             guint           end,
                                             const char     *why);
GArray     *_tri_article_get_sentences      (TriArticle     *self);
void        _tri_article_add_mention        (TriArticle     *self,
                                             TriMention     *mention);
void        _tri_article_sort_mentions      (TriArticle     *self);
void        _tri_article_add_cite           (TriArticle     *self,
                                             const char     *who);
void        _tri_article_set_claims         (TriArticle     *self,
                                             GPtrArray      *claims);
GPtrArray  *_tri_article_get_claims         (TriArticle     *self);

G_END_DECLS
