/* tri-map-view-private.h
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tri-basemap-layer.h"
#include "tri-map-view.h"
#include "tri-marker-layer.h"

G_BEGIN_DECLS

ShumateMap      *_tri_map_view_get_map           (TriMapView *self);
TriBasemapLayer *_tri_map_view_get_basemap_layer (TriMapView *self);
TriMarkerLayer  *_tri_map_view_get_marker_layer  (TriMapView *self);
ShumateLicense  *_tri_map_view_get_license       (TriMapView *self);

G_END_DECLS
