/* tri-boilerplate.c: navigation, related-article lists and credits
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-boilerplate"

#include "config.h"

#include "tri-segment-private.h"

void
_tri_boilerplate_detect (TriArticle *article)
{
  g_array_set_size (_tri_article_get_boilerplate (article), 0);
}
