/* tri-tile-source.h
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <shumate/shumate.h>

G_BEGIN_DECLS

#define TRI_TYPE_TILE_SOURCE (tri_tile_source_get_type ())

G_DECLARE_FINAL_TYPE (TriTileSource, tri_tile_source, TRI, TILE_SOURCE, ShumateDataSource)

#define TRI_TILE_SOURCE_DEFAULT_URL "https://tile.openstreetmap.org/{z}/{x}/{y}.png"

TriTileSource    *tri_tile_source_new              (const char    *url_template,
                                                    const char    *cache_dir);
const char       *tri_tile_source_get_url_template (TriTileSource *self);
const char       *tri_tile_source_get_cache_dir    (TriTileSource *self);
GTimeSpan         tri_tile_source_get_max_age      (TriTileSource *self);
void              tri_tile_source_set_max_age      (TriTileSource *self,
                                                    GTimeSpan      max_age);
char             *tri_tile_source_build_url        (TriTileSource *self,
                                                    int            x,
                                                    int            y,
                                                    int            zoom_level);
const char       *tri_tile_source_get_user_agent   (void);
ShumateMapSource *tri_tile_source_new_map_source   (TriTileSource *self);

G_END_DECLS
