/* tri-stories.c: pages that hold several stories
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-stories"

#include "config.h"

#include "tri-segment-private.h"

void
_tri_stories_detect (TriArticle *article)
{
  gsize len;
  GArray *stories = _tri_article_get_stories (article);

  tri_article_get_text (article, &len);
  g_array_set_size (stories, 0);
  _tri_article_add_story (article, _tri_article_get_body_start (article), len,
                          tri_article_get_title (article));
  if (_tri_article_get_published_day (article) > 0)
    _tri_article_set_story_reference (article, 0, _tri_article_get_published_day (article),
                                      tri_article_get_published_source (article));
}
