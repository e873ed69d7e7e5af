/* tri-entities-private.h: places and actors in an article's text
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tri-article.h"
#include "tri-gazetteer.h"
#include "tri-mention.h"
#include "tri-types.h"

G_BEGIN_DECLS

typedef enum
{
  TRI_ENTITIES_PLACES = 1 << 0,
  TRI_ENTITIES_ACTORS = 1 << 1,
} TriEntityKinds;

GPtrArray *_tri_entities_tag_text   (TriGazetteer   *gazetteer,
                                     const char     *text,
                                     gsize           len,
                                     const char     *language,
                                     const TriSpan  *excluded,
                                     guint           n_excluded,
                                     TriEntityKinds  kinds);
void       _tri_places_tag_article  (TriGazetteer   *gazetteer,
                                     TriArticle     *article);
void       _tri_actors_tag_article  (TriGazetteer   *gazetteer,
                                     TriArticle     *article);

G_END_DECLS
