/* tri-map-geo-private.h
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <math.h>
#include <shumate/shumate.h>

G_BEGIN_DECLS

/* Web Mercator helpers shared by the map layers.  Points are kept in
 * normalized Mercator coordinates: x and y in [0, 1], y growing southwards,
 * so that a point's widget position at any zoom is a multiply and an add. */

#define TRI_MAP_MAX_LATITUDE 85.05112878

static inline void
tri_map_project (double  latitude,
                 double  longitude,
                 double *x,
                 double *y)
{
  double s;

  latitude = CLAMP (latitude, -TRI_MAP_MAX_LATITUDE, TRI_MAP_MAX_LATITUDE);
  s = sin (latitude * G_PI / 180.0);
  *x = (longitude + 180.0) / 360.0;
  *y = 0.5 - log ((1.0 + s) / (1.0 - s)) / (4.0 * G_PI);
}

static inline void
tri_map_unproject (double  x,
                   double  y,
                   double *latitude,
                   double *longitude)
{
  *longitude = x * 360.0 - 180.0;
  *latitude = atan (sinh (G_PI * (1.0 - 2.0 * y))) * 180.0 / G_PI;
}

/* From normalized Mercator to a widget's coordinates for one frame. */
typedef struct
{
  double world;          /* size of the world in pixels at this zoom */
  double cx, cy;         /* the centre, in world pixels */
  double half_w, half_h; /* half the widget's size */
  double cos_r, sin_r;   /* the viewport's rotation */
  double zoom;
  gboolean rotated;
} TriMapTransform;

static inline gboolean
tri_map_transform_init (TriMapTransform *t,
                        ShumateViewport *viewport,
                        double           width,
                        double           height)
{
  ShumateMapSource *ref;
  double tile_size = 256.0;
  double x, y, rotation;

  ref = shumate_viewport_get_reference_map_source (viewport);
  if (ref != NULL)
    tile_size = shumate_map_source_get_tile_size (ref);

  t->zoom = shumate_viewport_get_zoom_level (viewport);
  t->world = tile_size * exp2 (t->zoom);
  tri_map_project (shumate_location_get_latitude (SHUMATE_LOCATION (viewport)),
                   shumate_location_get_longitude (SHUMATE_LOCATION (viewport)),
                   &x, &y);
  t->cx = x * t->world;
  t->cy = y * t->world;
  t->half_w = width / 2.0;
  t->half_h = height / 2.0;
  rotation = shumate_viewport_get_rotation (viewport);
  t->rotated = rotation != 0.0;
  t->cos_r = cos (rotation);
  t->sin_r = sin (rotation);

  return ref != NULL && width > 0 && height > 0;
}

/* Widget coordinates of a point given in world pixels. */
static inline void
tri_map_transform_world (const TriMapTransform *t,
                         double                 wx,
                         double                 wy,
                         double                *px,
                         double                *py)
{
  double dx = wx - t->cx;
  double dy = wy - t->cy;

  if (t->rotated)
    {
      double rx = t->cos_r * dx - t->sin_r * dy;
      double ry = t->sin_r * dx + t->cos_r * dy;

      dx = rx;
      dy = ry;
    }

  *px = dx + t->half_w;
  *py = dy + t->half_h;
}

/* The world-pixel rectangle that covers the widget, whatever the rotation,
 * grown by @margin pixels on every side. */
static inline void
tri_map_transform_visible (const TriMapTransform *t,
                           double                 margin,
                           double                *x0,
                           double                *y0,
                           double                *x1,
                           double                *y1)
{
  double hw = t->half_w, hh = t->half_h;

  if (t->rotated)
    hw = hh = sqrt (hw * hw + hh * hh);

  *x0 = t->cx - hw - margin;
  *x1 = t->cx + hw + margin;
  *y0 = t->cy - hh - margin;
  *y1 = t->cy + hh + margin;
}

G_END_DECLS
