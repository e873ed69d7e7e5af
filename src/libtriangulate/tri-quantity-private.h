/* tri-quantity-private.h: the quantity stage of the pipeline
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tri-article.h"
#include "tri-quantity.h"

G_BEGIN_DECLS

void _tri_quantities_tag_article (TriArticle *article);

G_END_DECLS
