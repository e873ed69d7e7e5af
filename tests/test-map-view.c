/* test-map-view.c: the map pane (markers, clusters, clicks, keyboard,
 * basemaps), rendered offline under Xvfb
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "map-test-util.h"
#include "tri-map-view-private.h"

typedef struct
{
  GtkWindow  *window;
  TriMapView *view;
  GPtrArray  *activated;
} Fixture;

static GPtrArray *
story_markers (void)
{
  GPtrArray *markers = g_ptr_array_new_with_free_func ((GDestroyNotify) tri_map_marker_free);
  TriMapMarker *m;

  m = tri_map_marker_new ("al-asad-air-base", "Al-Asad", 33.7856, 42.4412);
  m->n_corroborated = 4;
  m->n_conflicting = 2;
  m->n_single = 1;
  m->always_label = TRUE;
  g_ptr_array_add (markers, m);

  m = tri_map_marker_new ("harir-air-base", "Harir", 36.5369, 44.3513);
  m->n_conflicting = 1;
  m->n_single = 2;
  m->always_label = TRUE;
  g_ptr_array_add (markers, m);

  m = tri_map_marker_new ("baghdad", "Baghdad", 33.34058, 44.40088);
  m->n_corroborated = 3;
  m->always_label = TRUE;
  g_ptr_array_add (markers, m);

  return markers;
}

static void
on_marker_activated (TriMapView *view,
                     const char *place_id,
                     Fixture    *fixture)
{
  g_ptr_array_add (fixture->activated, g_strdup (place_id));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_LIGHT);

  fixture->activated = g_ptr_array_new_with_free_func (g_free);
  fixture->view = TRI_MAP_VIEW (tri_map_view_new ());
  g_object_add_weak_pointer (G_OBJECT (fixture->view), (gpointer *) &fixture->view);
  g_signal_connect (fixture->view, "marker-activated",
                    G_CALLBACK (on_marker_activated), fixture);
  fixture->window = map_test_window (GTK_WIDGET (fixture->view), 900, 700);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  gtk_window_destroy (fixture->window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_null (fixture->view);
  g_ptr_array_unref (fixture->activated);
}

static void
test_markers (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(GPtrArray) markers = story_markers ();
  const TriMapMarker *got;

  g_assert_cmpuint (tri_map_view_get_n_markers (fixture->view), ==, 0);
  tri_map_view_set_markers (fixture->view, markers);
  g_assert_cmpuint (tri_map_view_get_n_markers (fixture->view), ==, 3);

  /* The view keeps copies */
  ((TriMapMarker *) markers->pdata[2])->n_corroborated = 99;
  got = tri_map_view_get_marker (fixture->view, 2);
  g_assert_nonnull (got);
  g_assert_cmpstr (got->id, ==, "baghdad");
  g_assert_cmpstr (got->name, ==, "Baghdad");
  g_assert_cmpuint (got->n_corroborated, ==, 3);
  g_assert_true (got->always_label);
  g_assert_null (tri_map_view_get_marker (fixture->view, 3));

  /* Set again: new counts, and a marker that changed at an index */
  ((TriMapMarker *) markers->pdata[0])->n_single = 5;
  g_free (((TriMapMarker *) markers->pdata[1])->name);
  ((TriMapMarker *) markers->pdata[1])->name = g_strdup ("Harir Air Base");
  tri_map_view_set_markers (fixture->view, markers);
  g_assert_cmpuint (tri_map_view_get_marker (fixture->view, 0)->n_single, ==, 5);
  g_assert_cmpstr (tri_map_view_get_marker (fixture->view, 1)->name, ==, "Harir Air Base");
  g_assert_cmpuint (tri_map_view_get_marker (fixture->view, 2)->n_corroborated, ==, 99);
  g_ptr_array_remove_index (markers, 0);
  tri_map_view_set_markers (fixture->view, markers);
  g_assert_cmpuint (tri_map_view_get_n_markers (fixture->view), ==, 2);
  g_assert_cmpstr (tri_map_view_get_marker (fixture->view, 0)->id, ==, "harir-air-base");
  g_assert_cmpstr (tri_map_view_get_marker (fixture->view, 1)->id, ==, "baghdad");

  tri_map_view_set_markers (fixture->view, NULL);
  g_assert_cmpuint (tri_map_view_get_n_markers (fixture->view), ==, 0);
}

/* Names stay readable: with more labelled markers at one place than a
 * name has places to go, the names drawn do not overlap one another, and
 * no basemap label goes under the attribution. */
static void
test_labels_readable (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GPtrArray) markers = g_ptr_array_new_with_free_func ((GDestroyNotify) tri_map_marker_free);
  TriMarkerLayer *layer = _tri_map_view_get_marker_layer (fixture->view);
  GtkWidget *license = GTK_WIDGET (_tri_map_view_get_license (fixture->view));
  GtkWidget *widget = GTK_WIDGET (layer);
  graphene_rect_t corner;
  GArray *obstacles;
  guint n_drawn, n_names;

  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *id = g_strdup_printf ("place-%u", i);
      g_autofree char *name = g_strdup_printf ("A rather long place name %u", i);
      TriMapMarker *m = tri_map_marker_new (id, name, 33.3, 44.4);

      m->n_corroborated = 1 + i;
      m->always_label = TRUE;
      g_ptr_array_add (markers, m);
    }
  tri_map_view_set_markers (fixture->view, markers);
  tri_map_view_center_on (fixture->view, 33.3, 44.4, 6);
  map_test_settle (GTK_WIDGET (fixture->window));

  n_drawn = tri_marker_layer_get_n_drawn (layer, NULL);
  g_assert_cmpuint (n_drawn, ==, 6);
  /* The obstacles are the names drawn, then the bubbles */
  obstacles = tri_marker_layer_get_obstacles (layer, gtk_widget_get_width (widget),
                                              gtk_widget_get_height (widget));
  g_assert_cmpuint (obstacles->len, >=, n_drawn);
  n_names = obstacles->len - n_drawn;
  g_assert_cmpuint (n_names, >, 0);
  g_assert_cmpuint (n_names, <, n_drawn);
  for (guint i = 0; i < n_names; i++)
    for (guint j = i + 1; j < n_names; j++)
      g_assert_false (graphene_rect_intersection (&g_array_index (obstacles, graphene_rect_t, i),
                                                  &g_array_index (obstacles, graphene_rect_t, j),
                                                  NULL));

  /* The attribution's corner is kept free of basemap labels */
  g_assert_true (gtk_widget_compute_bounds (license, widget, &corner));
  g_assert_cmpfloat (corner.size.width, >, 0);
  {
    TriBasemapLayer *basemap = _tri_map_view_get_basemap_layer (fixture->view);

    g_assert_cmpuint (tri_basemap_layer_get_n_drawn_labels (basemap), >, 0);
    for (guint i = 0; i < tri_basemap_layer_get_n_drawn_labels (basemap); i++)
      {
        graphene_rect_t rect;

        g_assert_true (tri_basemap_layer_get_drawn_label (basemap, i, &rect));
        g_assert_false (graphene_rect_intersection (&rect, &corner, NULL));
      }
  }
}

static void
test_marker_boxed (void)
{
  g_autoptr(TriMapMarker) marker = tri_map_marker_new ("x", NULL, 1.5, 2.5);
  g_autoptr(TriMapMarker) copy = NULL;
  GValue value = G_VALUE_INIT;

  marker->n_single = 7;
  copy = tri_map_marker_copy (marker);
  g_assert_cmpstr (copy->id, ==, "x");
  g_assert_null (copy->name);
  g_assert_cmpfloat (copy->lat, ==, 1.5);
  g_assert_cmpuint (copy->n_single, ==, 7);
  g_assert_true (copy->id != marker->id);

  g_value_init (&value, TRI_TYPE_MAP_MARKER);
  g_value_set_boxed (&value, marker);
  g_assert_cmpstr (((TriMapMarker *) g_value_get_boxed (&value))->id, ==, "x");
  g_value_unset (&value);
}

static void
test_default_view (Fixture       *fixture,
                   gconstpointer  user_data)
{
  ShumateMap *map = _tri_map_view_get_map (fixture->view);
  ShumateViewport *viewport = shumate_map_get_viewport (map);
  g_autofree char *basemap = NULL;

  g_assert_cmpfloat_with_epsilon (shumate_location_get_latitude (SHUMATE_LOCATION (viewport)), 33.3, 0.01);
  g_assert_cmpfloat_with_epsilon (shumate_location_get_longitude (SHUMATE_LOCATION (viewport)), 43.7, 0.01);
  g_assert_cmpfloat (shumate_viewport_get_zoom_level (viewport), ==, 5.0);
  g_assert_cmpstr (tri_map_view_get_basemap (fixture->view), ==, "offline");
  g_object_get (fixture->view, "basemap", &basemap, NULL);
  g_assert_cmpstr (basemap, ==, "offline");
  g_assert_cmpstr (shumate_map_source_get_id (shumate_viewport_get_reference_map_source (viewport)),
                   ==, "triangulate-offline");
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (fixture->view)));
}

static void
assert_pixel_near (MapTestPixels *pixels,
                   double         x,
                   double         y,
                   const GdkRGBA *expected,
                   const char    *what)
{
  GdkRGBA color;

  map_test_pixel (pixels, (int) x, (int) y, &color);
  if (!map_test_colors_close (&color, expected, 0.06))
    g_error ("%s at %d,%d is %s, expected %s", what, (int) x, (int) y,
             gdk_rgba_to_string (&color), gdk_rgba_to_string (expected));
}

/* A point on a marker's ring, at an angle clockwise from the top */
static void
assert_ring (MapTestPixels          *pixels,
             const graphene_point_t *centre,
             double                  r,
             double                  degrees,
             const GdkRGBA          *expected,
             const char             *what)
{
  double a = degrees * G_PI / 180.0;
  double ring = r - 2.0;

  assert_pixel_near (pixels, centre->x + ring * sin (a), centre->y - ring * cos (a), expected, what);
}

static void
render_and_check (Fixture    *fixture,
                  gboolean    dark,
                  const char *png)
{
  TriMarkerLayer *markers = _tri_map_view_get_marker_layer (fixture->view);
  TriBasemapLayer *basemap = _tri_map_view_get_basemap_layer (fixture->view);
  ShumateViewport *viewport = shumate_map_get_viewport (_tri_map_view_get_map (fixture->view));
  GtkWidget *widget = GTK_WIDGET (fixture->view);
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(MapTestPixels) pixels = NULL;
  GdkRGBA land, water, green, red, grey;
  double x, y, r;
  graphene_point_t p;

  map_test_settle (widget);
  texture = map_test_render (widget);
  map_test_save (texture, png);
  pixels = map_test_pixels_new (texture);

  g_assert_cmpint (tri_basemap_layer_get_dark (basemap), ==, dark);
  tri_basemap_layer_get_land_color (basemap, &land);
  tri_basemap_layer_get_water_color (basemap, &water);
  tri_marker_verdict_color (0, dark, &green);
  tri_marker_verdict_color (1, dark, &red);
  tri_marker_verdict_color (2, dark, &grey);

  /* Land and sea where they should be, away from the markers */
  shumate_viewport_location_to_widget_coords (viewport, GTK_WIDGET (markers), 31.0, 40.0, &x, &y);
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (markers), widget, &GRAPHENE_POINT_INIT (x, y), &p));
  assert_pixel_near (pixels, p.x, p.y, &land, "Iraq's western desert");
  shumate_viewport_location_to_widget_coords (viewport, GTK_WIDGET (markers), 33.5, 31.0, &x, &y);
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (markers), widget, &GRAPHENE_POINT_INIT (x, y), &p));
  assert_pixel_near (pixels, p.x, p.y, &water, "Mediterranean");

  /* The three markers, each on its own */
  g_assert_cmpuint (tri_marker_layer_get_n_drawn (markers, NULL), ==, 3);

  /* Baghdad: all corroborated, so its ring is green all round */
  g_assert_true (tri_marker_layer_get_drawn_position (markers, 2, &x, &y, &r));
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (markers), widget, &GRAPHENE_POINT_INIT (x, y), &p));
  assert_ring (pixels, &p, r, 0, &green, "Baghdad's ring (top)");
  assert_ring (pixels, &p, r, 180, &green, "Baghdad's ring (bottom)");
  assert_ring (pixels, &p, r, 270, &green, "Baghdad's ring (left)");

  /* Harir: 1 conflicting then 2 single source, clockwise from the top */
  g_assert_true (tri_marker_layer_get_drawn_position (markers, 1, &x, &y, &r));
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (markers), widget, &GRAPHENE_POINT_INIT (x, y), &p));
  assert_ring (pixels, &p, r, 60, &red, "Harir's ring (conflicting)");
  assert_ring (pixels, &p, r, 240, &grey, "Harir's ring (single source)");

  /* Al-Asad: 4 corroborated, 2 conflicting, 1 single source */
  g_assert_true (tri_marker_layer_get_drawn_position (markers, 0, &x, &y, &r));
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (markers), widget, &GRAPHENE_POINT_INIT (x, y), &p));
  assert_ring (pixels, &p, r, 100, &green, "Al-Asad's ring (corroborated)");
  assert_ring (pixels, &p, r, 257, &red, "Al-Asad's ring (conflicting)");
  assert_ring (pixels, &p, r, 335, &grey, "Al-Asad's ring (single source)");
}

static void
test_render (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(GPtrArray) markers = story_markers ();

  tri_basemap_layer_set_language (_tri_map_view_get_basemap_layer (fixture->view), "en");
  tri_map_view_set_markers (fixture->view, markers);
  render_and_check (fixture, FALSE, "test-map-view-light.png");

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  render_and_check (fixture, TRUE, "test-map-view-dark.png");

  /* Vietnamese labels, selection */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_LIGHT);
  tri_basemap_layer_set_language (_tri_map_view_get_basemap_layer (fixture->view), "vi");
  tri_map_view_select (fixture->view, "al-asad-air-base");
  render_and_check (fixture, FALSE, "test-map-view-vi-selected.png");
}

static GPtrArray *
crowd_markers (guint  n,
               double lat,
               double lon,
               double spread)
{
  GPtrArray *markers = g_ptr_array_new_with_free_func ((GDestroyNotify) tri_map_marker_free);
  GRand *rand = g_rand_new_with_seed (42);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("p%u", i);
      TriMapMarker *m = tri_map_marker_new (id, id,
                                            lat + g_rand_double_range (rand, -spread, spread),
                                            lon + g_rand_double_range (rand, -spread, spread));

      m->n_corroborated = g_rand_int_range (rand, 0, 3);
      m->n_conflicting = g_rand_int_range (rand, 0, 2);
      m->n_single = 1 + g_rand_int_range (rand, 0, 3);
      g_ptr_array_add (markers, m);
    }

  g_rand_free (rand);

  return markers;
}

static void
test_clusters (Fixture       *fixture,
               gconstpointer  user_data)
{
  TriMarkerLayer *layer = _tri_map_view_get_marker_layer (fixture->view);
  g_autoptr(GPtrArray) markers = crowd_markers (300, 34.0, 43.0, 1.0);
  guint n_drawn, n_clusters, n_drawn_close, n_clusters_close;
  TriMarkerHit hit = { 0 };
  double x, y;

  tri_map_view_set_markers (fixture->view, markers);

  tri_map_view_center_on (fixture->view, 34.0, 43.0, 5);
  map_test_settle (GTK_WIDGET (fixture->view));
  n_drawn = tri_marker_layer_get_n_drawn (layer, &n_clusters);
  g_test_message ("zoom 5: %u bubbles, %u clusters", n_drawn, n_clusters);
  g_assert_cmpuint (n_drawn, <, 20);
  g_assert_cmpuint (n_clusters, >=, 1);

  /* A cluster under the pointer tells how many markers it holds */
  shumate_viewport_location_to_widget_coords (shumate_map_get_viewport (_tri_map_view_get_map (fixture->view)),
                                              GTK_WIDGET (layer), 34.0, 43.0, &x, &y);
  g_assert_true (tri_marker_layer_hit_test (layer, x, y, &hit));
  g_assert_cmpint (hit.marker, ==, -1);
  g_assert_cmpuint (hit.n_markers, >, 1);

  tri_map_view_center_on (fixture->view, 34.0, 43.0, 10);
  map_test_settle (GTK_WIDGET (fixture->view));
  n_drawn_close = tri_marker_layer_get_n_drawn (layer, &n_clusters_close);
  g_test_message ("zoom 10: %u bubbles, %u clusters", n_drawn_close, n_clusters_close);
  g_assert_cmpuint (n_drawn_close - n_clusters_close, >, 0);

  {
    g_autoptr(GdkTexture) texture = NULL;

    tri_map_view_center_on (fixture->view, 34.0, 43.0, 6);
    map_test_settle (GTK_WIDGET (fixture->view));
    texture = map_test_render (GTK_WIDGET (fixture->view));
    map_test_save (texture, "test-map-view-clusters.png");
  }
}

static void
click_at (Fixture *fixture,
          double   x,
          double   y)
{
  GtkGesture *click = GTK_GESTURE (map_test_find_controller (GTK_WIDGET (fixture->view), GTK_TYPE_GESTURE_CLICK));

  g_assert_nonnull (click);
  g_signal_emit_by_name (click, "pressed", 1, x, y);
  g_signal_emit_by_name (click, "released", 1, x, y);
}

static void
test_click (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(GPtrArray) markers = story_markers ();
  TriMarkerLayer *layer = _tri_map_view_get_marker_layer (fixture->view);
  ShumateViewport *viewport = shumate_map_get_viewport (_tri_map_view_get_map (fixture->view));
  graphene_point_t p;
  double x, y, zoom;

  tri_map_view_set_markers (fixture->view, markers);
  map_test_settle (GTK_WIDGET (fixture->view));

  /* On Harir */
  g_assert_true (tri_marker_layer_get_drawn_position (layer, 1, &x, &y, NULL));
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (layer), GTK_WIDGET (fixture->view),
                                           &GRAPHENE_POINT_INIT (x, y), &p));
  click_at (fixture, p.x, p.y);
  g_assert_cmpuint (fixture->activated->len, ==, 1);
  g_assert_cmpstr (fixture->activated->pdata[0], ==, "harir-air-base");
  g_assert_cmpint (tri_marker_layer_get_selected (layer), ==, 1);

  /* Next to it, on the map: nothing */
  click_at (fixture, p.x + 60, p.y + 60);
  g_assert_cmpuint (fixture->activated->len, ==, 1);

  /* A drag that ends on a marker is not a click */
  {
    GtkGesture *click = GTK_GESTURE (map_test_find_controller (GTK_WIDGET (fixture->view), GTK_TYPE_GESTURE_CLICK));

    g_signal_emit_by_name (click, "pressed", 1, p.x + 40, p.y);
    g_signal_emit_by_name (click, "released", 1, p.x, p.y);
    g_assert_cmpuint (fixture->activated->len, ==, 1);
  }

  /* A cluster zooms in */
  {
    g_autoptr(GPtrArray) crowd = crowd_markers (50, 30.0, 47.0, 0.3);
    gint64 deadline;

    tri_map_view_set_markers (fixture->view, crowd);
    tri_map_view_center_on (fixture->view, 30.0, 47.0, 5);
    map_test_settle (GTK_WIDGET (fixture->view));
    shumate_viewport_location_to_widget_coords (viewport, GTK_WIDGET (layer), 30.0, 47.0, &x, &y);
    g_assert_true (gtk_widget_compute_point (GTK_WIDGET (layer), GTK_WIDGET (fixture->view),
                                             &GRAPHENE_POINT_INIT (x, y), &p));
    click_at (fixture, p.x, p.y);
    g_assert_cmpuint (fixture->activated->len, ==, 1);

    deadline = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;
    while (shumate_viewport_get_zoom_level (viewport) < 6.999 && g_get_monotonic_time () < deadline)
      g_main_context_iteration (NULL, TRUE);
    zoom = shumate_viewport_get_zoom_level (viewport);
    g_assert_cmpfloat_with_epsilon (zoom, 7.0, 0.01);
  }
}

static void
test_select (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(GPtrArray) markers = story_markers ();
  TriMarkerLayer *layer = _tri_map_view_get_marker_layer (fixture->view);
  ShumateViewport *viewport = shumate_map_get_viewport (_tri_map_view_get_map (fixture->view));

  tri_map_view_set_markers (fixture->view, markers);

  tri_map_view_select (fixture->view, "baghdad");
  g_assert_cmpint (tri_marker_layer_get_selected (layer), ==, 2);
  g_assert_cmpuint (fixture->activated->len, ==, 0);

  tri_map_view_select (fixture->view, "nowhere");
  g_assert_cmpint (tri_marker_layer_get_selected (layer), ==, -1);

  /* A selected marker off screen is brought into view */
  tri_map_view_center_on (fixture->view, 10.0, 10.0, 6);
  map_test_settle (GTK_WIDGET (fixture->view));
  tri_map_view_select (fixture->view, "harir-air-base");
  g_assert_cmpfloat_with_epsilon (shumate_location_get_latitude (SHUMATE_LOCATION (viewport)), 36.5369, 0.01);
  g_assert_cmpfloat_with_epsilon (shumate_location_get_longitude (SHUMATE_LOCATION (viewport)), 44.3513, 0.01);

  /* The selection survives new markers that still hold the place */
  tri_map_view_set_markers (fixture->view, markers);
  g_assert_cmpint (tri_marker_layer_get_selected (layer), ==, 1);

  tri_map_view_select (fixture->view, NULL);
  g_assert_cmpint (tri_marker_layer_get_selected (layer), ==, -1);
}

static void
test_keyboard (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(GPtrArray) markers = story_markers ();
  GtkWidget *widget = GTK_WIDGET (fixture->view);
  TriMarkerLayer *layer = _tri_map_view_get_marker_layer (fixture->view);
  ShumateViewport *viewport = shumate_map_get_viewport (_tri_map_view_get_map (fixture->view));
  double lon;

  tri_map_view_set_markers (fixture->view, markers);

  /* Zoom and pan */
  g_assert_true (gtk_widget_activate_action (widget, "map.zoom-in", NULL));
  g_assert_cmpfloat (shumate_viewport_get_zoom_level (viewport), ==, 6.0);
  g_assert_true (gtk_widget_activate_action (widget, "map.zoom-out", NULL));
  g_assert_true (gtk_widget_activate_action (widget, "map.zoom-out", NULL));
  g_assert_cmpfloat (shumate_viewport_get_zoom_level (viewport), ==, 4.0);

  lon = shumate_location_get_longitude (SHUMATE_LOCATION (viewport));
  g_assert_true (gtk_widget_activate_action (widget, "map.pan", "(ii)", 1, 0));
  g_assert_cmpfloat (shumate_location_get_longitude (SHUMATE_LOCATION (viewport)), >, lon + 1.0);
  g_assert_true (gtk_widget_activate_action (widget, "map.reset", NULL));
  g_assert_cmpfloat_with_epsilon (shumate_location_get_longitude (SHUMATE_LOCATION (viewport)), 43.7, 0.01);
  g_assert_cmpfloat (shumate_viewport_get_zoom_level (viewport), ==, 5.0);

  /* Zoom stays within the offline map's range */
  for (guint i = 0; i < 20; i++)
    gtk_widget_activate_action (widget, "map.zoom-in", NULL);
  g_assert_cmpfloat (shumate_viewport_get_zoom_level (viewport), ==, 12.0);
  gtk_widget_activate_action (widget, "map.reset", NULL);

  /* Tab walks through the markers, then leaves */
  gtk_window_set_focus (fixture->window, NULL);
  g_assert_true (gtk_widget_child_focus (widget, GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_widget_has_focus (widget));
  g_assert_cmpint (tri_marker_layer_get_focused (layer), ==, -1);
  for (int i = 0; i < 3; i++)
    {
      g_assert_true (gtk_widget_child_focus (widget, GTK_DIR_TAB_FORWARD));
      g_assert_cmpint (tri_marker_layer_get_focused (layer), ==, i);
    }
  g_assert_true (gtk_widget_child_focus (widget, GTK_DIR_TAB_BACKWARD));
  g_assert_cmpint (tri_marker_layer_get_focused (layer), ==, 1);

  /* Enter activates the focused marker */
  g_assert_true (gtk_widget_activate_action (widget, "map.activate-marker", NULL));
  g_assert_cmpuint (fixture->activated->len, ==, 1);
  g_assert_cmpstr (fixture->activated->pdata[0], ==, "harir-air-base");
  g_assert_cmpint (tri_marker_layer_get_selected (layer), ==, 1);

  g_assert_true (gtk_widget_child_focus (widget, GTK_DIR_TAB_FORWARD));
  g_assert_cmpint (tri_marker_layer_get_focused (layer), ==, 2);
  g_assert_false (gtk_widget_child_focus (widget, GTK_DIR_TAB_FORWARD));
  g_assert_cmpint (tri_marker_layer_get_focused (layer), ==, -1);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    data)
{
  (*(guint *) data)++;
}

static void
test_basemap_property (Fixture       *fixture,
                       gconstpointer  user_data)
{
  ShumateViewport *viewport = shumate_map_get_viewport (_tri_map_view_get_map (fixture->view));
  guint notified = 0;

  /* Nowhere to connect to: no tile may come from the network in a test */
  g_object_set (fixture->view, "tile-url-template", "http://127.0.0.1:9/{z}/{x}/{y}.png", NULL);
  g_signal_connect (fixture->view, "notify::basemap", G_CALLBACK (count_notify), &notified);

  tri_map_view_set_basemap (fixture->view, "openstreetmap");
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (g_str_has_prefix (g_get_user_cache_dir (), g_get_tmp_dir ()));
  g_assert_cmpstr (tri_map_view_get_basemap (fixture->view), ==, "openstreetmap");
  g_assert_cmpstr (shumate_map_source_get_id (shumate_viewport_get_reference_map_source (viewport)),
                   ==, "openstreetmap");
  g_assert_cmpstr (shumate_map_source_get_license (shumate_viewport_get_reference_map_source (viewport)),
                   ==, "© OpenStreetMap contributors");
  g_assert_cmpuint (shumate_viewport_get_max_zoom_level (viewport), ==, 19);
  map_test_settle (GTK_WIDGET (fixture->view));

  tri_map_view_set_basemap (fixture->view, "openstreetmap");
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (g_str_has_prefix (g_get_user_cache_dir (), g_get_tmp_dir ()));

  tri_map_view_set_basemap (fixture->view, "offline");
  g_assert_cmpuint (notified, ==, 2);
  g_assert_cmpstr (shumate_map_source_get_id (shumate_viewport_get_reference_map_source (viewport)),
                   ==, "triangulate-offline");
  g_assert_cmpuint (shumate_viewport_get_max_zoom_level (viewport), ==, 12);

  g_test_expect_message ("tri-map-view", G_LOG_LEVEL_WARNING, "*Unknown basemap*");
  tri_map_view_set_basemap (fixture->view, "satellite");
  g_test_assert_expected_messages ();
  g_assert_cmpstr (tri_map_view_get_basemap (fixture->view), ==, "offline");
  g_assert_cmpuint (notified, ==, 2);

  g_signal_handlers_disconnect_by_func (fixture->view, count_notify, &notified);
}

static void
remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children = NULL;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (children != NULL)
    {
      GFile *child = NULL;

      if (!g_file_enumerator_iterate (children, NULL, &child, NULL, NULL) || child == NULL)
        break;
      remove_tree (child);
    }

  g_file_delete (file, NULL, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *cache = NULL;
  g_autoptr(GFile) cache_file = NULL;
  int status;

  /* The online basemap's tile cache goes to a folder of our own */
  cache = g_dir_make_tmp ("tri-map-view-XXXXXX", NULL);
  g_assert_nonnull (cache);
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  cache_file = g_file_new_for_path (cache);

  if (!map_test_init (&argc, &argv))
    {
      remove_tree (cache_file);
      return map_test_skip_status;
    }

  g_test_add_func ("/app/map-view/marker-boxed", test_marker_boxed);
  g_test_add ("/app/map-view/labels-readable", Fixture, NULL,
              fixture_set_up, test_labels_readable, fixture_tear_down);
  g_test_add ("/app/map-view/markers", Fixture, NULL,
              fixture_set_up, test_markers, fixture_tear_down);
  g_test_add ("/app/map-view/default-view", Fixture, NULL,
              fixture_set_up, test_default_view, fixture_tear_down);
  g_test_add ("/app/map-view/render", Fixture, NULL,
              fixture_set_up, test_render, fixture_tear_down);
  g_test_add ("/app/map-view/clusters", Fixture, NULL,
              fixture_set_up, test_clusters, fixture_tear_down);
  g_test_add ("/app/map-view/click", Fixture, NULL,
              fixture_set_up, test_click, fixture_tear_down);
  g_test_add ("/app/map-view/select", Fixture, NULL,
              fixture_set_up, test_select, fixture_tear_down);
  g_test_add ("/app/map-view/keyboard", Fixture, NULL,
              fixture_set_up, test_keyboard, fixture_tear_down);
  g_test_add ("/app/map-view/basemap", Fixture, NULL,
              fixture_set_up, test_basemap_property, fixture_tear_down);

  status = g_test_run ();
  remove_tree (cache_file);

  return status;
}
