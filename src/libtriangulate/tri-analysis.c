/* tri-analysis.c: the order of the extraction stages
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-analysis"

#include "config.h"

#include "tri-analysis.h"
#include "tri-article-private.h"
#include "tri-claims-private.h"
#include "tri-entities-private.h"
#include "tri-quantity-private.h"
#include "tri-time-private.h"

/**
 * tri_article_analyze:
 * @article: a segmented article
 *
 * Finds the article's mentions (times, quantities, places, actors) in its
 * sentences, then its claims, with the shared gazetteer. Safe to call from
 * a worker thread, one thread per article.
 */
void
tri_article_analyze (TriArticle *article)
{
  tri_article_analyze_with (article, NULL);
}

/**
 * tri_article_analyze_with:
 * @article: a segmented article
 * @gazetteer: (nullable): the places and actors to find, or %NULL for the
 *   shared gazetteer
 *
 * As tri_article_analyze(), with a gazetteer of its own: a project's, with
 * the researcher's places and actors.  The gazetteer is only read, so
 * threads may share it.
 */
void
tri_article_analyze_with (TriArticle   *article,
                          TriGazetteer *gazetteer)
{
  g_return_if_fail (TRI_IS_ARTICLE (article));
  g_return_if_fail (gazetteer == NULL || TRI_IS_GAZETTEER (gazetteer));

  _tri_time_infer_references (article);
  _tri_time_tag_article (article);
  _tri_time_infer_publication (article);
  _tri_quantities_tag_article (article);
  _tri_places_tag_article (gazetteer, article);
  _tri_actors_tag_article (gazetteer, article);
  _tri_article_sort_mentions (article);
  _tri_claims_extract (article);
}

/**
 * tri_cross_reference:
 * @articles: (element-type TriArticle): analysed articles
 *
 * Returns: (transfer full) (element-type TriCluster): the clusters of claims
 */
GPtrArray *
tri_cross_reference (GPtrArray *articles)
{
  g_return_val_if_fail (articles != NULL, NULL);

  return _tri_claims_cluster (articles);
}
