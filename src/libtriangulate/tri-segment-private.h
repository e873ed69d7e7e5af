/* tri-segment-private.h: the stages that cut an article into parts
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tri-article-private.h"

G_BEGIN_DECLS

/* In order: metadata header → language → boilerplate → stories →
 * sentences. Each stage reads what the earlier ones set. */
void        _tri_segment_article      (TriArticle *article);

void        _tri_header_read          (TriArticle *article);
const char *_tri_language_detect      (const char *text,
                                       gsize       len);
void        _tri_boilerplate_detect   (TriArticle *article);
void        _tri_stories_detect       (TriArticle *article);
void        _tri_sentences_split      (TriArticle *article);
gboolean    _tri_parse_iso_date       (const char *text,
                                       int        *year,
                                       int        *month,
                                       int        *day);

G_END_DECLS
