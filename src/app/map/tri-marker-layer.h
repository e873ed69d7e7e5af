/* tri-marker-layer.h
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <shumate/shumate.h>

#include "tri-map-view.h"

G_BEGIN_DECLS

#define TRI_TYPE_MARKER_LAYER (tri_marker_layer_get_type ())

G_DECLARE_FINAL_TYPE (TriMarkerLayer, tri_marker_layer, TRI, MARKER_LAYER, ShumateLayer)

/**
 * TriMarkerHit:
 * @marker: index of the marker hit, or -1 for a cluster
 * @n_markers: number of markers under the bubble
 * @latitude: the bubble's centre
 * @longitude: the bubble's centre
 *
 * What is drawn at a point of the layer.
 */
typedef struct
{
  int    marker;
  guint  n_markers;
  double latitude;
  double longitude;
} TriMarkerHit;

TriMarkerLayer     *tri_marker_layer_new            (ShumateViewport *viewport);
void                tri_marker_layer_set_markers    (TriMarkerLayer  *self,
                                                     GPtrArray       *markers);
guint               tri_marker_layer_get_n_markers  (TriMarkerLayer  *self);
const TriMapMarker *tri_marker_layer_get_marker     (TriMarkerLayer  *self,
                                                     guint            index);
int                 tri_marker_layer_find           (TriMarkerLayer  *self,
                                                     const char      *place_id);
void                tri_marker_layer_set_selected   (TriMarkerLayer  *self,
                                                     int              index);
int                 tri_marker_layer_get_selected   (TriMarkerLayer  *self);
void                tri_marker_layer_set_focused    (TriMarkerLayer  *self,
                                                     int              index,
                                                     gboolean         show_ring);
int                 tri_marker_layer_get_focused    (TriMarkerLayer  *self);
void                tri_marker_layer_set_dark       (TriMarkerLayer  *self,
                                                     gboolean         dark);
gboolean            tri_marker_layer_hit_test       (TriMarkerLayer  *self,
                                                     double           x,
                                                     double           y,
                                                     TriMarkerHit    *hit);
guint               tri_marker_layer_get_n_drawn    (TriMarkerLayer  *self,
                                                     guint           *n_clusters);
gboolean            tri_marker_layer_get_drawn_position (TriMarkerLayer *self,
                                                         guint           index,
                                                         double         *x,
                                                         double         *y,
                                                         double         *radius);
GArray             *tri_marker_layer_get_obstacles  (TriMarkerLayer  *self,
                                                     double           width,
                                                     double           height);
void                tri_marker_verdict_color        (guint            verdict,
                                                     gboolean         dark,
                                                     GdkRGBA         *color);

G_END_DECLS
