/* tri-export.h
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
#include "tri-cluster.h"

G_BEGIN_DECLS

char *tri_export_csv       (GPtrArray *articles,
                            GPtrArray *clusters,
                            gsize     *length);
char *tri_export_geojson   (GPtrArray *articles,
                            GPtrArray *clusters,
                            gboolean   pretty,
                            gsize     *length);
char *tri_export_timeline  (GPtrArray *articles,
                            GPtrArray *clusters,
                            gboolean   pretty,
                            gsize     *length);

G_END_DECLS
