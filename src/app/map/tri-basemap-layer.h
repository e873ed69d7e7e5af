/* tri-basemap-layer.h
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <shumate/shumate.h>

G_BEGIN_DECLS

#define TRI_TYPE_BASEMAP_LAYER (tri_basemap_layer_get_type ())

G_DECLARE_FINAL_TYPE (TriBasemapLayer, tri_basemap_layer, TRI, BASEMAP_LAYER, ShumateLayer)

/**
 * TriBasemapObstaclesFunc:
 * @width: the layer's width
 * @height: the layer's height
 * @user_data: the data given with the function
 *
 * Tells where the layers above draw things that labels must not cover.
 *
 * Returns: (transfer none) (element-type graphene_rect_t): rectangles in
 *   the layer's coordinates
 */
typedef GArray *(*TriBasemapObstaclesFunc) (double   width,
                                            double   height,
                                            gpointer user_data);

TriBasemapLayer *tri_basemap_layer_new          (ShumateViewport *viewport);
gboolean         tri_basemap_layer_get_dark     (TriBasemapLayer *self);
void             tri_basemap_layer_set_dark     (TriBasemapLayer *self,
                                                 gboolean         dark);
const char      *tri_basemap_layer_get_language (TriBasemapLayer *self);
void             tri_basemap_layer_set_language (TriBasemapLayer *self,
                                                 const char      *language);
gboolean         tri_basemap_layer_is_loaded    (TriBasemapLayer *self);
gboolean         tri_basemap_layer_is_land      (TriBasemapLayer *self,
                                                 double           latitude,
                                                 double           longitude);
const char      *tri_basemap_layer_get_country_name (TriBasemapLayer *self,
                                                     guint            numeric_code);
guint            tri_basemap_layer_get_n_drawn_labels (TriBasemapLayer *self);
gboolean         tri_basemap_layer_get_drawn_label    (TriBasemapLayer *self,
                                                       guint            index,
                                                       graphene_rect_t *rect);
guint            tri_basemap_layer_get_n_geometry_renders (TriBasemapLayer *self);

typedef enum
{
  TRI_BASEMAP_CACHE_AUTO,
  TRI_BASEMAP_CACHE_ALWAYS,
  TRI_BASEMAP_CACHE_NEVER,
} TriBasemapCachePolicy;

void             _tri_basemap_layer_set_cache_policy (TriBasemapLayer       *self,
                                                      TriBasemapCachePolicy  policy);
void             tri_basemap_layer_set_obstacles_func (TriBasemapLayer         *self,
                                                       TriBasemapObstaclesFunc  func,
                                                       gpointer                 user_data);
void             tri_basemap_layer_get_land_color  (TriBasemapLayer *self,
                                                    GdkRGBA         *color);
void             tri_basemap_layer_get_water_color (TriBasemapLayer *self,
                                                    GdkRGBA         *color);

G_END_DECLS
