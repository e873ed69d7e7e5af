/* tri-map-view.h
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/**
 * TriMapMarker:
 * @id: place id (gazetteer id), used by "marker-activated" and select
 * @name: display name
 * @lat: latitude in degrees
 * @lon: longitude in degrees
 * @n_corroborated: number of corroborated claims at this place
 * @n_conflicting: number of conflicting claims at this place
 * @n_single: number of single-source claims at this place
 * @always_label: draw the name at every zoom level
 *
 * One place on the map, sized by its claim count and coloured by the
 * verdict mix of its claims.
 */
typedef struct
{
  char     *id;
  char     *name;
  double    lat;
  double    lon;
  guint     n_corroborated;
  guint     n_conflicting;
  guint     n_single;
  gboolean  always_label;
} TriMapMarker;

#define TRI_TYPE_MAP_MARKER (tri_map_marker_get_type ())

GType         tri_map_marker_get_type (void) G_GNUC_CONST;
TriMapMarker *tri_map_marker_new      (const char         *id,
                                       const char         *name,
                                       double              lat,
                                       double              lon);
TriMapMarker *tri_map_marker_copy     (const TriMapMarker *marker);
void          tri_map_marker_free     (TriMapMarker       *marker);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TriMapMarker, tri_map_marker_free)

/**
 * TriMapView:
 *
 * The map pane.  Property "basemap" (string, "offline" or "openstreetmap",
 * default "offline"); property "tile-url-template" (string, the online
 * tiles' address); signal "marker-activated" (const char *place_id), when a
 * marker is clicked or activated from the keyboard.
 */
#define TRI_TYPE_MAP_VIEW (tri_map_view_get_type ())

G_DECLARE_FINAL_TYPE (TriMapView, tri_map_view, TRI, MAP_VIEW, GtkWidget)

GtkWidget          *tri_map_view_new           (void);
void                tri_map_view_set_markers   (TriMapView *self,
                                                GPtrArray  *markers);
guint               tri_map_view_get_n_markers (TriMapView *self);
const TriMapMarker *tri_map_view_get_marker    (TriMapView *self,
                                                guint       index);
void                tri_map_view_select        (TriMapView *self,
                                                const char *place_id);
void                tri_map_view_center_on     (TriMapView *self,
                                                double      lat,
                                                double      lon,
                                                double      zoom);
const char         *tri_map_view_get_basemap   (TriMapView *self);
void                tri_map_view_set_basemap   (TriMapView *self,
                                                const char *basemap);

void                tri_map_setup_user_agent   (void);

G_END_DECLS
