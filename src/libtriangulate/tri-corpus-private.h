/* tri-corpus-private.h
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tri-corpus.h"
#include "tri-article-private.h"

G_BEGIN_DECLS

GPtrArray *_tri_corpus_get_articles (TriCorpus *self);
GPtrArray *_tri_corpus_get_clusters (TriCorpus *self);

G_END_DECLS
