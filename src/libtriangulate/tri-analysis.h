/* tri-analysis.h: from segmented articles to mentions, claims and clusters
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(TRIANGULATE_INSIDE) && !defined(TRIANGULATE_COMPILATION)
# error "Only <triangulate.h> can be included directly."
#endif

#include "tri-article.h"
#include "tri-gazetteer.h"

G_BEGIN_DECLS

void       tri_article_analyze      (TriArticle   *article);
void       tri_article_analyze_with (TriArticle   *article,
                                     TriGazetteer *gazetteer);
GPtrArray *tri_cross_reference      (GPtrArray    *articles);

G_END_DECLS
