/* tri-ingest-private.h: readers of the formats researchers bring
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tri-article-private.h"

G_BEGIN_DECLS

TriInputFormat  _tri_ingest_sniff_format (const char  *path,
                                          const char  *data,
                                          gsize        len);
TriArticle     *_tri_ingest_text         (const char  *id,
                                          const char  *path,
                                          GBytes      *bytes,
                                          GError     **error);

G_END_DECLS
