/* tri-map-view.c
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-map-view"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>
#include <shumate/shumate.h>

#include "tri-basemap-layer.h"
#include "tri-map-geo-private.h"
#include "tri-map-resources.h"
#include "tri-map-view-private.h"
#include "tri-marker-layer.h"
#include "tri-offline-source.h"
#include "tri-tile-source.h"

/* The map pane: a ShumateMap whose layers are the offline basemap (or
 * OpenStreetMap tiles over it), and the places with claims; a legend, zoom
 * buttons, a scale and the attribution float over it.
 *
 * Keyboard: the view is one focus stop.  Arrows pan, +/- zoom, Home goes
 * back to the default view, Tab and Shift+Tab walk through the markers in
 * the order they were given (and then leave the map), Enter or Space
 * activates the focused marker. */

#define DEFAULT_LATITUDE  33.3
#define DEFAULT_LONGITUDE 43.7
#define DEFAULT_ZOOM      5.0
#define PAN_STEP          96.0
#define CLICK_SLOP        8.0

#define OFFLINE_MAX_ZOOM 12
#define ONLINE_MAX_ZOOM  19
#define MIN_ZOOM         2

struct _TriMapView
{
  GtkWidget          parent_instance;

  /* Template widgets */
  GtkDrawingArea    *swatch_conflicting;
  GtkDrawingArea    *swatch_corroborated;
  GtkDrawingArea    *swatch_single;
  GtkWidget         *legend;
  ShumateLicense    *license;
  ShumateMap        *map;
  GtkWidget         *overlay;
  ShumateScale      *scale;
  GtkWidget         *zoom_box;

  /* Owned */
  ShumateMapSource  *offline_source;
  TriBasemapLayer   *basemap_layer;
  TriMarkerLayer    *marker_layer;
  TriTileSource     *tile_source;
  ShumateMapSource  *online_source;
  ShumateMapLayer   *online_layer;
  char              *basemap;
  char              *tile_url_template;
  GArray            *obstacles;  /* graphene_rect_t, for the basemap's labels */

  double             press_x, press_y;
  guint              dark : 1;
};

G_DEFINE_FINAL_TYPE (TriMapView, tri_map_view, GTK_TYPE_WIDGET)

G_DEFINE_BOXED_TYPE (TriMapMarker, tri_map_marker, tri_map_marker_copy, tri_map_marker_free)

enum {
  PROP_0,
  PROP_BASEMAP,
  PROP_TILE_URL_TEMPLATE,
  N_PROPS
};

enum {
  MARKER_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

/* TriMapMarker */

/**
 * tri_map_marker_new:
 * @id: the place id
 * @name: (nullable): the name to show, or %NULL to show the id
 * @lat: latitude in degrees
 * @lon: longitude in degrees
 *
 * Returns: (transfer full): a new #TriMapMarker with no claims
 */
TriMapMarker *
tri_map_marker_new (const char *id,
                    const char *name,
                    double      lat,
                    double      lon)
{
  TriMapMarker *marker;

  g_return_val_if_fail (id != NULL, NULL);

  marker = g_new0 (TriMapMarker, 1);
  marker->id = g_strdup (id);
  marker->name = g_strdup (name);
  marker->lat = lat;
  marker->lon = lon;

  return marker;
}

TriMapMarker *
tri_map_marker_copy (const TriMapMarker *marker)
{
  TriMapMarker *copy;

  g_return_val_if_fail (marker != NULL, NULL);

  copy = g_memdup2 (marker, sizeof *marker);
  copy->id = g_strdup (marker->id);
  copy->name = g_strdup (marker->name);

  return copy;
}

void
tri_map_marker_free (TriMapMarker *marker)
{
  if (marker == NULL)
    return;

  g_free (marker->id);
  g_free (marker->name);
  g_free (marker);
}

/**
 * tri_map_setup_user_agent:
 *
 * Tells libshumate who we are, once.  Our own tile source sets its
 * User-Agent itself: libshumate 1.0's downloader ignores this one.
 */
void
tri_map_setup_user_agent (void)
{
  static gsize done;

  if (g_once_init_enter (&done))
    {
      shumate_set_user_agent (tri_tile_source_get_user_agent ());
      g_once_init_leave (&done, 1);
    }
}

/* Helpers */

static ShumateViewport *
get_viewport (TriMapView *self)
{
  return shumate_map_get_viewport (self->map);
}

static GArray *
basemap_obstacles (double   width,
                   double   height,
                   gpointer user_data)
{
  TriMapView *self = user_data;
  GArray *markers = tri_marker_layer_get_obstacles (self->marker_layer, width, height);
  GtkWidget *overlays[] = { self->legend, self->zoom_box, GTK_WIDGET (self->scale),
                            GTK_WIDGET (self->license) };

  /* The cards floating over the map hide what is under them: no label
   * goes there, so that none is cut or shows through the attribution */
  g_array_set_size (self->obstacles, 0);
  if (markers != NULL)
    g_array_append_vals (self->obstacles, markers->data, markers->len);
  for (guint i = 0; i < G_N_ELEMENTS (overlays); i++)
    {
      graphene_rect_t bounds;

      if (overlays[i] != NULL && gtk_widget_get_visible (overlays[i])
          && gtk_widget_compute_bounds (overlays[i], GTK_WIDGET (self->basemap_layer), &bounds))
        g_array_append_val (self->obstacles, bounds);
    }
  return self->obstacles;
}

/* The basemap keeps its labels clear of the markers: redraw it with them */
static void
markers_changed (TriMapView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self->marker_layer));
  gtk_widget_queue_draw (GTK_WIDGET (self->basemap_layer));
}

static void
update_accessible_description (TriMapView *self)
{
  int focused = tri_marker_layer_get_focused (self->marker_layer);
  g_autofree char *text = NULL;

  if (focused >= 0)
    {
      const TriMapMarker *marker = tri_marker_layer_get_marker (self->marker_layer, focused);

      /* Translators: the marker that has the keyboard focus on the map */
      text = g_strdup_printf (_("%s: %u corroborated, %u conflicting, %u single source"),
                              marker->name ? marker->name : marker->id,
                              marker->n_corroborated, marker->n_conflicting, marker->n_single);
    }
  else
    {
      guint n = tri_marker_layer_get_n_markers (self->marker_layer);

      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u place with claims. Press Tab to go through them.",
                                           "%u places with claims. Press Tab to go through them.",
                                           n),
                              n);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
}

static gboolean
marker_is_visible (TriMapView         *self,
                   const TriMapMarker *marker)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self->map));
  double height = gtk_widget_get_height (GTK_WIDGET (self->map));
  TriMapTransform t;
  double x, y, px, py;

  if (!tri_map_transform_init (&t, get_viewport (self), width, height))
    return TRUE;

  tri_map_project (marker->lat, marker->lon, &x, &y);
  tri_map_transform_world (&t, x * t.world, y * t.world, &px, &py);

  return px >= 24 && py >= 24 && px <= width - 24 && py <= height - 24;
}

static void
ensure_marker_visible (TriMapView *self,
                       int         index)
{
  const TriMapMarker *marker;

  if (index < 0)
    return;

  marker = tri_marker_layer_get_marker (self->marker_layer, index);
  if (marker != NULL && !marker_is_visible (self, marker))
    shumate_map_center_on (self->map, marker->lat, marker->lon);
}

static void
set_focused_marker (TriMapView *self,
                    int         index)
{
  tri_marker_layer_set_focused (self->marker_layer, index,
                                gtk_widget_has_focus (GTK_WIDGET (self)));
  markers_changed (self);
  ensure_marker_visible (self, index);
  update_accessible_description (self);
}

static void
activate_marker (TriMapView *self,
                 int         index)
{
  const TriMapMarker *marker = tri_marker_layer_get_marker (self->marker_layer, index);
  g_autofree char *id = NULL;

  if (marker == NULL)
    return;

  id = g_strdup (marker->id);
  tri_marker_layer_set_selected (self->marker_layer, index);
  markers_changed (self);
  g_signal_emit (self, signals [MARKER_ACTIVATED], 0, id);
}

static void
set_zoom (TriMapView *self,
          double      zoom)
{
  ShumateViewport *viewport = get_viewport (self);

  zoom = CLAMP (zoom,
                shumate_viewport_get_min_zoom_level (viewport),
                shumate_viewport_get_max_zoom_level (viewport));
  shumate_viewport_set_zoom_level (viewport, zoom);
}

/* Basemaps */

static void
apply_basemap (TriMapView *self)
{
  ShumateViewport *viewport = get_viewport (self);
  gboolean online = g_strcmp0 (self->basemap, "openstreetmap") == 0;

  if (self->online_layer != NULL)
    {
      shumate_map_remove_layer (self->map, SHUMATE_LAYER (self->online_layer));
      self->online_layer = NULL;
    }
  if (self->online_source != NULL)
    {
      shumate_license_remove_map_source (self->license, self->online_source);
      g_clear_object (&self->online_source);
    }
  g_clear_object (&self->tile_source);
  shumate_license_remove_map_source (self->license, self->offline_source);

  if (online)
    {
      tri_map_setup_user_agent ();
      self->tile_source = tri_tile_source_new (self->tile_url_template, NULL);
      self->online_source = tri_tile_source_new_map_source (self->tile_source);
      self->online_layer = shumate_map_layer_new (self->online_source, viewport);
      /* Over the offline basemap, which shows wherever a tile is missing */
      shumate_map_insert_layer_above (self->map, SHUMATE_LAYER (self->online_layer),
                                      SHUMATE_LAYER (self->basemap_layer));
      shumate_viewport_set_reference_map_source (viewport, self->online_source);
      shumate_viewport_set_max_zoom_level (viewport, ONLINE_MAX_ZOOM);
      shumate_license_append_map_source (self->license, self->online_source);
    }
  else
    {
      shumate_viewport_set_reference_map_source (viewport, self->offline_source);
      shumate_viewport_set_max_zoom_level (viewport, OFFLINE_MAX_ZOOM);
      set_zoom (self, shumate_viewport_get_zoom_level (viewport));
      shumate_license_append_map_source (self->license, self->offline_source);
    }

  gtk_widget_queue_draw (GTK_WIDGET (self->basemap_layer));
  gtk_widget_queue_draw (GTK_WIDGET (self->marker_layer));
}

/* Style */

static void
on_dark_changed (TriMapView      *self,
                 GParamSpec      *pspec,
                 AdwStyleManager *style_manager)
{
  self->dark = adw_style_manager_get_dark (style_manager);
  tri_basemap_layer_set_dark (self->basemap_layer, self->dark);
  tri_marker_layer_set_dark (self->marker_layer, self->dark);
  gtk_widget_queue_draw (GTK_WIDGET (self->swatch_corroborated));
  gtk_widget_queue_draw (GTK_WIDGET (self->swatch_conflicting));
  gtk_widget_queue_draw (GTK_WIDGET (self->swatch_single));
}

static void
draw_swatch (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  TriMapView *self = g_object_get_data (G_OBJECT (area), "tri-map-view");
  guint verdict = GPOINTER_TO_UINT (user_data);
  GdkRGBA color;

  tri_marker_verdict_color (verdict, self != NULL && self->dark, &color);
  cairo_arc (cr, width / 2.0, height / 2.0, MIN (width, height) / 2.0 - 0.5, 0, 2 * G_PI);
  gdk_cairo_set_source_rgba (cr, &color);
  cairo_fill (cr);
}

static void
load_css (void)
{
  static GtkCssProvider *provider;
  GdkDisplay *display = gdk_display_get_default ();

  if (provider != NULL || display == NULL)
    return;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider,
                                       "/io/github/triangulate/Triangulate/map/style.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

/* Input */

static void
on_click_pressed (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  TriMapView      *self)
{
  self->press_x = x;
  self->press_y = y;

  if (!gtk_widget_has_focus (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self));
}

static gboolean
hit_test (TriMapView   *self,
          double        x,
          double        y,
          TriMarkerHit *hit)
{
  graphene_point_t point;

  if (!gtk_widget_compute_point (GTK_WIDGET (self), GTK_WIDGET (self->marker_layer),
                                 &GRAPHENE_POINT_INIT (x, y), &point))
    return FALSE;

  return tri_marker_layer_hit_test (self->marker_layer, point.x, point.y, hit);
}

static void
on_click_released (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   TriMapView      *self)
{
  TriMarkerHit hit;

  if (n_press != 1 || hypot (x - self->press_x, y - self->press_y) > CLICK_SLOP)
    return;

  if (!hit_test (self, x, y, &hit))
    return;

  if (hit.marker >= 0)
    {
      tri_marker_layer_set_focused (self->marker_layer, hit.marker, FALSE);
      activate_marker (self, hit.marker);
    }
  else
    {
      ShumateViewport *viewport = get_viewport (self);
      double zoom = MIN (shumate_viewport_get_zoom_level (viewport) + 2,
                         shumate_viewport_get_max_zoom_level (viewport));

      shumate_map_go_to_full (self->map, hit.latitude, hit.longitude, zoom);
    }
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           TriMapView               *self)
{
  gboolean over = hit_test (self, x, y, NULL);

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self->marker_layer), over ? "pointer" : NULL);
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TriMapView *self = TRI_MAP_VIEW (widget);

  set_zoom (self, floor (shumate_viewport_get_zoom_level (get_viewport (self)) + 1.0 + 1e-6));
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  TriMapView *self = TRI_MAP_VIEW (widget);

  set_zoom (self, ceil (shumate_viewport_get_zoom_level (get_viewport (self)) - 1.0 - 1e-6));
}

static void
pan_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  TriMapView *self = TRI_MAP_VIEW (widget);
  ShumateViewport *viewport = get_viewport (self);
  double width = gtk_widget_get_width (GTK_WIDGET (self->map));
  double height = gtk_widget_get_height (GTK_WIDGET (self->map));
  double lat, lon;
  int dx, dy;

  g_variant_get (parameter, "(ii)", &dx, &dy);
  if (width <= 0 || height <= 0 || shumate_viewport_get_reference_map_source (viewport) == NULL)
    return;

  shumate_viewport_widget_coords_to_location (viewport, GTK_WIDGET (self->map),
                                              width / 2 + dx * PAN_STEP,
                                              height / 2 + dy * PAN_STEP,
                                              &lat, &lon);
  shumate_map_center_on (self->map, lat, lon);
}

static void
reset_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  tri_map_view_center_on (TRI_MAP_VIEW (widget), DEFAULT_LATITUDE, DEFAULT_LONGITUDE, DEFAULT_ZOOM);
}

static void
activate_focused_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  TriMapView *self = TRI_MAP_VIEW (widget);
  int focused = tri_marker_layer_get_focused (self->marker_layer);

  if (focused >= 0)
    activate_marker (self, focused);
}

static gboolean
tri_map_view_focus (GtkWidget        *widget,
                    GtkDirectionType  direction)
{
  TriMapView *self = TRI_MAP_VIEW (widget);
  int n = tri_marker_layer_get_n_markers (self->marker_layer);
  int focused = tri_marker_layer_get_focused (self->marker_layer);

  if (!gtk_widget_has_focus (widget))
    {
      /* Focus comes in: the map itself first */
      gtk_widget_grab_focus (widget);
      set_focused_marker (self, -1);
      return TRUE;
    }

  switch (direction)
    {
    case GTK_DIR_TAB_FORWARD:
      if (focused + 1 < n)
        {
          set_focused_marker (self, focused + 1);
          return TRUE;
        }
      set_focused_marker (self, -1);
      return FALSE;

    case GTK_DIR_TAB_BACKWARD:
      if (focused >= 0)
        {
          set_focused_marker (self, focused - 1);
          return TRUE;
        }
      return FALSE;

    case GTK_DIR_UP:
    case GTK_DIR_DOWN:
    case GTK_DIR_LEFT:
    case GTK_DIR_RIGHT:
    default:
      /* Arrows pan the map (key bindings); they don't move focus away */
      return TRUE;
    }
}

static void
on_focus_changed (TriMapView *self)
{
  tri_marker_layer_set_focused (self->marker_layer,
                                tri_marker_layer_get_focused (self->marker_layer),
                                gtk_widget_has_focus (GTK_WIDGET (self)));
}

/* GObject */

static void
tri_map_view_dispose (GObject *object)
{
  TriMapView *self = (TriMapView *)object;

  if (self->basemap_layer != NULL)
    tri_basemap_layer_set_obstacles_func (self->basemap_layer, NULL, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), TRI_TYPE_MAP_VIEW);

  self->online_layer = NULL;
  self->basemap_layer = NULL;
  self->marker_layer = NULL;
  g_clear_object (&self->online_source);
  g_clear_object (&self->tile_source);
  g_clear_object (&self->offline_source);

  G_OBJECT_CLASS (tri_map_view_parent_class)->dispose (object);
}

static void
tri_map_view_finalize (GObject *object)
{
  TriMapView *self = (TriMapView *)object;

  g_clear_pointer (&self->basemap, g_free);
  g_clear_pointer (&self->tile_url_template, g_free);
  g_clear_pointer (&self->obstacles, g_array_unref);

  G_OBJECT_CLASS (tri_map_view_parent_class)->finalize (object);
}

static void
tri_map_view_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  TriMapView *self = TRI_MAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_BASEMAP:
      g_value_set_string (value, tri_map_view_get_basemap (self));
      break;
    case PROP_TILE_URL_TEMPLATE:
      g_value_set_string (value, self->tile_url_template);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tri_map_view_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  TriMapView *self = TRI_MAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_BASEMAP:
      tri_map_view_set_basemap (self, g_value_get_string (value));
      break;
    case PROP_TILE_URL_TEMPLATE:
      {
        const char *url = g_value_get_string (value);

        if (url == NULL || *url == '\0')
          url = TRI_TILE_SOURCE_DEFAULT_URL;
        if (g_strcmp0 (url, self->tile_url_template) == 0)
          break;
        g_free (self->tile_url_template);
        self->tile_url_template = g_strdup (url);
        if (self->online_layer != NULL)
          apply_basemap (self);
        g_object_notify_by_pspec (object, pspec);
      }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tri_map_view_class_init (TriMapViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tri_map_view_dispose;
  object_class->finalize = tri_map_view_finalize;
  object_class->get_property = tri_map_view_get_property;
  object_class->set_property = tri_map_view_set_property;

  widget_class->focus = tri_map_view_focus;

  /**
   * TriMapView:basemap:
   *
   * What is under the markers: "offline" (the built-in Natural Earth map,
   * no network) or "openstreetmap" (tiles from #TriMapView:tile-url-template,
   * with the offline map showing where tiles are missing).
   */
  properties [PROP_BASEMAP] =
    g_param_spec_string ("basemap", NULL, NULL,
                         "offline",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * TriMapView:tile-url-template:
   *
   * The address of online tiles, with {z}, {x} and {y}.
   */
  properties [PROP_TILE_URL_TEMPLATE] =
    g_param_spec_string ("tile-url-template", NULL, NULL,
                         TRI_TILE_SOURCE_DEFAULT_URL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TriMapView::marker-activated:
   * @self: a #TriMapView
   * @place_id: the place id of the marker
   *
   * A marker was clicked, or activated with the keyboard.
   */
  signals [MARKER_ACTIVATED] =
    g_signal_new ("marker-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  tri_map_register_resource ();
  g_type_ensure (SHUMATE_TYPE_MAP);
  g_type_ensure (SHUMATE_TYPE_SCALE);
  g_type_ensure (SHUMATE_TYPE_LICENSE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/triangulate/Triangulate/map/tri-map-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TriMapView, legend);
  gtk_widget_class_bind_template_child (widget_class, TriMapView, license);
  gtk_widget_class_bind_template_child (widget_class, TriMapView, map);
  gtk_widget_class_bind_template_child (widget_class, TriMapView, overlay);
  gtk_widget_class_bind_template_child (widget_class, TriMapView, scale);
  gtk_widget_class_bind_template_child (widget_class, TriMapView, swatch_conflicting);
  gtk_widget_class_bind_template_child (widget_class, TriMapView, swatch_corroborated);
  gtk_widget_class_bind_template_child (widget_class, TriMapView, swatch_single);
  gtk_widget_class_bind_template_child (widget_class, TriMapView, zoom_box);

  gtk_widget_class_install_action (widget_class, "map.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "map.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "map.pan", "(ii)", pan_action);
  gtk_widget_class_install_action (widget_class, "map.reset", NULL, reset_action);
  gtk_widget_class_install_action (widget_class, "map.activate-marker", NULL,
                                   activate_focused_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, 0, "map.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, 0, "map.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, 0, "map.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, 0, "map.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, 0, "map.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "map.pan", "(ii)", -1, 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "map.pan", "(ii)", 1, 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0, "map.pan", "(ii)", 0, -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0, "map.pan", "(ii)", 0, 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Left, 0, "map.pan", "(ii)", -1, 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Right, 0, "map.pan", "(ii)", 1, 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Up, 0, "map.pan", "(ii)", 0, -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Down, 0, "map.pan", "(ii)", 0, 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "map.reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "map.activate-marker", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "map.activate-marker", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "map.activate-marker", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "tri-map-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
tri_map_view_init (TriMapView *self)
{
  ShumateViewport *viewport;
  AdwStyleManager *style_manager;
  GtkGesture *click;
  GtkEventController *motion;
  GtkEventController *focus;

  gtk_widget_init_template (GTK_WIDGET (self));

  load_css ();

  self->basemap = g_strdup ("offline");
  self->obstacles = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  self->tile_url_template = g_strdup (TRI_TILE_SOURCE_DEFAULT_URL);

  viewport = get_viewport (self);
  self->offline_source = tri_offline_source_new ();
  shumate_viewport_set_reference_map_source (viewport, self->offline_source);
  shumate_viewport_set_min_zoom_level (viewport, MIN_ZOOM);
  shumate_viewport_set_max_zoom_level (viewport, OFFLINE_MAX_ZOOM);

  self->basemap_layer = tri_basemap_layer_new (viewport);
  shumate_map_add_layer (self->map, SHUMATE_LAYER (self->basemap_layer));
  self->marker_layer = tri_marker_layer_new (viewport);
  shumate_map_add_layer (self->map, SHUMATE_LAYER (self->marker_layer));
  tri_basemap_layer_set_obstacles_func (self->basemap_layer, basemap_obstacles, self);

  shumate_scale_set_viewport (self->scale, viewport);
  shumate_license_append_map_source (self->license, self->offline_source);

  g_object_set_data (G_OBJECT (self->swatch_corroborated), "tri-map-view", self);
  g_object_set_data (G_OBJECT (self->swatch_conflicting), "tri-map-view", self);
  g_object_set_data (G_OBJECT (self->swatch_single), "tri-map-view", self);
  gtk_drawing_area_set_draw_func (self->swatch_corroborated, draw_swatch, GUINT_TO_POINTER (0), NULL);
  gtk_drawing_area_set_draw_func (self->swatch_conflicting, draw_swatch, GUINT_TO_POINTER (1), NULL);
  gtk_drawing_area_set_draw_func (self->swatch_single, draw_swatch, GUINT_TO_POINTER (2), NULL);

  style_manager = adw_style_manager_get_default ();
  g_signal_connect_object (style_manager, "notify::dark",
                           G_CALLBACK (on_dark_changed), self, G_CONNECT_SWAPPED);
  on_dark_changed (self, NULL, style_manager);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect (click, "pressed", G_CALLBACK (on_click_pressed), self);
  g_signal_connect (click, "released", G_CALLBACK (on_click_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "enter", G_CALLBACK (on_focus_changed), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_focus_changed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Map"),
                                  -1);
  update_accessible_description (self);

  shumate_map_center_on (self->map, DEFAULT_LATITUDE, DEFAULT_LONGITUDE);
  shumate_viewport_set_zoom_level (viewport, DEFAULT_ZOOM);
}

/**
 * tri_map_view_new:
 *
 * Returns: (transfer full): a new #TriMapView centred on Iraq
 */
GtkWidget *
tri_map_view_new (void)
{
  return g_object_new (TRI_TYPE_MAP_VIEW, NULL);
}

/**
 * tri_map_view_set_markers:
 * @self: a #TriMapView
 * @markers: (nullable) (element-type TriMapMarker) (transfer none): the
 *   places to show; the view keeps copies
 *
 * Replaces the markers.  The selection is kept if its place is still there.
 */
void
tri_map_view_set_markers (TriMapView *self,
                          GPtrArray  *markers)
{
  g_return_if_fail (TRI_IS_MAP_VIEW (self));

  tri_marker_layer_set_markers (self->marker_layer, markers);
  markers_changed (self);
  gtk_widget_set_visible (self->legend, tri_marker_layer_get_n_markers (self->marker_layer) > 0);
  update_accessible_description (self);
}

guint
tri_map_view_get_n_markers (TriMapView *self)
{
  g_return_val_if_fail (TRI_IS_MAP_VIEW (self), 0);

  return tri_marker_layer_get_n_markers (self->marker_layer);
}

/**
 * tri_map_view_get_marker:
 * @self: a #TriMapView
 * @index: which
 *
 * Returns: (transfer none) (nullable): the marker, or %NULL if @index is
 *   out of range
 */
const TriMapMarker *
tri_map_view_get_marker (TriMapView *self,
                         guint       index)
{
  g_return_val_if_fail (TRI_IS_MAP_VIEW (self), NULL);

  return tri_marker_layer_get_marker (self->marker_layer, index);
}

/**
 * tri_map_view_select:
 * @self: a #TriMapView
 * @place_id: (nullable): a place id, or %NULL to select nothing
 *
 * Highlights a marker (and brings it into view) without emitting
 * #TriMapView::marker-activated.
 */
void
tri_map_view_select (TriMapView *self,
                     const char *place_id)
{
  int index;

  g_return_if_fail (TRI_IS_MAP_VIEW (self));

  index = tri_marker_layer_find (self->marker_layer, place_id);
  tri_marker_layer_set_selected (self->marker_layer, index);
  markers_changed (self);
  ensure_marker_visible (self, index);
}

/**
 * tri_map_view_center_on:
 * @self: a #TriMapView
 * @lat: latitude in degrees
 * @lon: longitude in degrees
 * @zoom: zoom level, or 0 or less to keep the current one
 *
 * Moves the map at once, without animation.
 */
void
tri_map_view_center_on (TriMapView *self,
                        double      lat,
                        double      lon,
                        double      zoom)
{
  g_return_if_fail (TRI_IS_MAP_VIEW (self));

  if (zoom > 0)
    set_zoom (self, zoom);
  shumate_map_center_on (self->map, lat, lon);
}

const char *
tri_map_view_get_basemap (TriMapView *self)
{
  g_return_val_if_fail (TRI_IS_MAP_VIEW (self), NULL);

  return self->basemap;
}

/**
 * tri_map_view_set_basemap:
 * @self: a #TriMapView
 * @basemap: (nullable): "offline" or "openstreetmap"; %NULL means "offline"
 *
 * Chooses what the map shows under the markers.
 */
void
tri_map_view_set_basemap (TriMapView *self,
                          const char *basemap)
{
  g_return_if_fail (TRI_IS_MAP_VIEW (self));

  if (basemap == NULL)
    basemap = "offline";

  if (!g_str_equal (basemap, "offline") && !g_str_equal (basemap, "openstreetmap"))
    {
      g_warning ("Unknown basemap “%s”", basemap);
      return;
    }

  if (g_strcmp0 (self->basemap, basemap) == 0)
    return;

  g_free (self->basemap);
  self->basemap = g_strdup (basemap);
  apply_basemap (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BASEMAP]);
}

ShumateMap *
_tri_map_view_get_map (TriMapView *self)
{
  g_return_val_if_fail (TRI_IS_MAP_VIEW (self), NULL);

  return self->map;
}

TriBasemapLayer *
_tri_map_view_get_basemap_layer (TriMapView *self)
{
  g_return_val_if_fail (TRI_IS_MAP_VIEW (self), NULL);

  return self->basemap_layer;
}

TriMarkerLayer *
_tri_map_view_get_marker_layer (TriMapView *self)
{
  g_return_val_if_fail (TRI_IS_MAP_VIEW (self), NULL);

  return self->marker_layer;
}

ShumateLicense *
_tri_map_view_get_license (TriMapView *self)
{
  g_return_val_if_fail (TRI_IS_MAP_VIEW (self), NULL);

  return self->license;
}
