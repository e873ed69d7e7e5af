/* test-basemap.c: the offline basemap layer
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <unicode/uloc.h>

#include "map-test-util.h"
#include "tri-basemap-layer.h"
#include "tri-map-geo-private.h"
#include "tri-offline-source.h"

typedef struct
{
  GtkWindow        *window;
  ShumateMap       *map;
  ShumateViewport  *viewport;
  ShumateMapSource *source;
  TriBasemapLayer  *layer;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->map = shumate_map_new ();
  fixture->viewport = shumate_map_get_viewport (fixture->map);
  fixture->source = tri_offline_source_new ();
  shumate_viewport_set_reference_map_source (fixture->viewport, fixture->source);
  shumate_viewport_set_min_zoom_level (fixture->viewport, 2);
  shumate_viewport_set_max_zoom_level (fixture->viewport, 12);
  fixture->layer = tri_basemap_layer_new (fixture->viewport);
  shumate_map_add_layer (fixture->map, SHUMATE_LAYER (fixture->layer));
  g_object_add_weak_pointer (G_OBJECT (fixture->layer), (gpointer *) &fixture->layer);

  shumate_map_center_on (fixture->map, 33.3, 43.7);
  shumate_viewport_set_zoom_level (fixture->viewport, 5);
  fixture->window = map_test_window (GTK_WIDGET (fixture->map), 800, 600);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  gtk_window_destroy (fixture->window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_null (fixture->layer);
  g_assert_finalize_object (fixture->source);
}

static void
test_load (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_assert_true (tri_basemap_layer_is_loaded (fixture->layer));

  /* Land */
  g_assert_true (tri_basemap_layer_is_land (fixture->layer, 33.34, 44.40));  /* Baghdad */
  g_assert_true (tri_basemap_layer_is_land (fixture->layer, 33.79, 42.44));  /* Al-Asad */
  g_assert_true (tri_basemap_layer_is_land (fixture->layer, 36.54, 44.35));  /* Harir */
  g_assert_true (tri_basemap_layer_is_land (fixture->layer, 29.37, 47.98));  /* Kuwait City */
  g_assert_true (tri_basemap_layer_is_land (fixture->layer, 21.0, 105.8));   /* Hanoi */
  g_assert_true (tri_basemap_layer_is_land (fixture->layer, -17.8, 178.0));  /* Fiji */

  /* Water */
  g_assert_false (tri_basemap_layer_is_land (fixture->layer, 33.5, 30.0));   /* Mediterranean */
  g_assert_false (tri_basemap_layer_is_land (fixture->layer, 27.0, 51.0));   /* Persian Gulf */
  g_assert_false (tri_basemap_layer_is_land (fixture->layer, 42.0, 50.5));   /* Caspian Sea */
  g_assert_false (tri_basemap_layer_is_land (fixture->layer, 43.0, 34.0));   /* Black Sea */
  g_assert_false (tri_basemap_layer_is_land (fixture->layer, 0.0, -30.0));   /* Atlantic */
}

static void
test_country_names (Fixture       *fixture,
                    gconstpointer  user_data)
{
  UChar buf[64];
  UErrorCode status = U_ZERO_ERROR;
  int32_t len;
  g_autofree char *expected_vi = NULL;

  tri_basemap_layer_set_language (fixture->layer, "en");
  g_assert_cmpstr (tri_basemap_layer_get_language (fixture->layer), ==, "en");
  g_assert_cmpstr (tri_basemap_layer_get_country_name (fixture->layer, 368), ==, "Iraq");
  g_assert_cmpstr (tri_basemap_layer_get_country_name (fixture->layer, 792), ==, "Turkey");

  /* Whatever ICU calls Iraq in Vietnamese (CLDR: "I-rắc") */
  len = uloc_getDisplayCountry ("und_IQ", "vi", buf, G_N_ELEMENTS (buf), &status);
  g_assert_true (U_SUCCESS (status));
  expected_vi = g_utf16_to_utf8 ((const gunichar2 *) buf, len, NULL, NULL, NULL);

  tri_basemap_layer_set_language (fixture->layer, "vi");
  g_assert_cmpstr (tri_basemap_layer_get_country_name (fixture->layer, 368), ==, expected_vi);
  /* CLDR calls Turkey "Thổ Nhĩ Kỳ" */
  g_assert_true (g_str_has_prefix (tri_basemap_layer_get_country_name (fixture->layer, 792), "Th"));

  g_assert_null (tri_basemap_layer_get_country_name (fixture->layer, 999));
}

/* Our Mercator must agree with libshumate's to the pixel */
static void
test_projection (Fixture       *fixture,
                 gconstpointer  user_data)
{
  static const double places[][2] = {
    { 33.34, 44.40 }, { 36.54, 44.35 }, { 30.0, 35.0 }, { 40.0, 50.0 }, { 25.0, 40.0 },
  };
  GtkWidget *widget = GTK_WIDGET (fixture->layer);

  for (double zoom = 2; zoom <= 12; zoom += 1.25)
    {
      TriMapTransform t;

      shumate_viewport_set_zoom_level (fixture->viewport, zoom);
      g_assert_true (tri_map_transform_init (&t, fixture->viewport,
                                             gtk_widget_get_width (widget),
                                             gtk_widget_get_height (widget)));

      for (guint i = 0; i < G_N_ELEMENTS (places); i++)
        {
          double sx, sy, x, y, px, py;

          shumate_viewport_location_to_widget_coords (fixture->viewport, widget,
                                                      places[i][0], places[i][1], &sx, &sy);
          tri_map_project (places[i][0], places[i][1], &x, &y);
          tri_map_transform_world (&t, x * t.world, y * t.world, &px, &py);
          g_assert_cmpfloat_with_epsilon (px, sx, 0.01);
          g_assert_cmpfloat_with_epsilon (py, sy, 0.01);
        }
    }
}

static void
assert_pixel (MapTestPixels   *pixels,
              ShumateViewport *viewport,
              GtkWidget       *widget,
              double           lat,
              double           lon,
              const GdkRGBA   *expected,
              const char      *what)
{
  GdkRGBA color;
  double x, y;

  shumate_viewport_location_to_widget_coords (viewport, widget, lat, lon, &x, &y);
  map_test_pixel (pixels, (int) x, (int) y, &color);
  if (!map_test_colors_close (&color, expected, 0.02))
    g_error ("%s (%.2f, %.2f) at %d,%d is %s, expected %s",
             what, lat, lon, (int) x, (int) y,
             gdk_rgba_to_string (&color), gdk_rgba_to_string (expected));
}

static void
test_render (Fixture       *fixture,
             gconstpointer  user_data)
{
  GtkWidget *widget = GTK_WIDGET (fixture->map);
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(MapTestPixels) pixels = NULL;
  GdkRGBA land, water;

  tri_basemap_layer_set_language (fixture->layer, "en");
  map_test_settle (widget);
  texture = map_test_render (widget);
  map_test_save (texture, "test-basemap-light.png");
  pixels = map_test_pixels_new (texture);

  tri_basemap_layer_get_land_color (fixture->layer, &land);
  tri_basemap_layer_get_water_color (fixture->layer, &water);

  assert_pixel (pixels, fixture->viewport, widget, 32.0, 45.5, &land, "southern Iraq");
  assert_pixel (pixels, fixture->viewport, widget, 31.0, 40.0, &land, "western desert");
  assert_pixel (pixels, fixture->viewport, widget, 34.5, 52.0, &land, "Iran");
  assert_pixel (pixels, fixture->viewport, widget, 33.5, 31.0, &water, "Mediterranean");
  assert_pixel (pixels, fixture->viewport, widget, 27.0, 51.5, &water, "Persian Gulf");
  assert_pixel (pixels, fixture->viewport, widget, 41.5, 51.0, &water, "Caspian Sea");

  /* Country labels were placed */
  g_assert_cmpuint (tri_basemap_layer_get_n_drawn_labels (fixture->layer), >=, 6);

  /* Dark */
  g_clear_pointer (&pixels, map_test_pixels_free);
  g_clear_object (&texture);
  tri_basemap_layer_set_dark (fixture->layer, TRUE);
  map_test_settle (widget);
  texture = map_test_render (widget);
  map_test_save (texture, "test-basemap-dark.png");
  pixels = map_test_pixels_new (texture);
  tri_basemap_layer_get_land_color (fixture->layer, &land);
  tri_basemap_layer_get_water_color (fixture->layer, &water);
  assert_pixel (pixels, fixture->viewport, widget, 32.0, 45.5, &land, "southern Iraq (dark)");
  assert_pixel (pixels, fixture->viewport, widget, 33.5, 31.0, &water, "Mediterranean (dark)");
}

/* Rings that cross the antimeridian (Fiji, Chukotka) must not draw lines
 * across the world */
static void
test_antimeridian (Fixture       *fixture,
                   gconstpointer  user_data)
{
  GtkWidget *widget = GTK_WIDGET (fixture->map);
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(MapTestPixels) pixels = NULL;
  GdkRGBA water;

  shumate_map_center_on (fixture->map, 0, 0);
  shumate_viewport_set_zoom_level (fixture->viewport, 2);
  map_test_settle (widget);
  texture = map_test_render (widget);
  map_test_save (texture, "test-basemap-world.png");
  pixels = map_test_pixels_new (texture);
  tri_basemap_layer_get_water_color (fixture->layer, &water);

  assert_pixel (pixels, fixture->viewport, widget, -17.0, -20.0, &water, "South Atlantic at Fiji's latitude");
  assert_pixel (pixels, fixture->viewport, widget, -17.0, 80.0, &water, "Indian Ocean at Fiji's latitude");
  assert_pixel (pixels, fixture->viewport, widget, -40.0, -100.0, &water, "South Pacific");
}

static void
test_level_of_detail (Fixture       *fixture,
                      gconstpointer  user_data)
{
  GtkWidget *widget = GTK_WIDGET (fixture->map);
  guint at_3, at_7;

  shumate_viewport_set_zoom_level (fixture->viewport, 3);
  map_test_settle (widget);
  at_3 = tri_basemap_layer_get_n_drawn_labels (fixture->layer);

  shumate_map_center_on (fixture->map, 33.3, 44.4);
  shumate_viewport_set_zoom_level (fixture->viewport, 7);
  map_test_settle (widget);
  at_7 = tri_basemap_layer_get_n_drawn_labels (fixture->layer);

  g_test_message ("labels at zoom 3: %u, at zoom 7 over Baghdad: %u", at_3, at_7);
  g_assert_cmpuint (at_3, >, 0);
  g_assert_cmpuint (at_7, >, 0);

  {
    g_autoptr(GdkTexture) texture = map_test_render (widget);

    map_test_save (texture, "test-basemap-zoom7.png");
  }
}

/* Two frames of the layer itself (the first at a new zoom draws directly) */
static void
settle_layer (Fixture *fixture)
{
  for (guint i = 0; i < 2; i++)
    {
      gtk_widget_queue_draw (GTK_WIDGET (fixture->layer));
      map_test_settle (GTK_WIDGET (fixture->map));
    }
}

/* Dragging at one zoom reuses the land drawn around the view; zooming or
 * dragging far draws it again */
static void
test_drag_cache (Fixture       *fixture,
                 gconstpointer  user_data)
{
  GtkWidget *widget = GTK_WIDGET (fixture->map);
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(MapTestPixels) pixels = NULL;
  GdkRGBA land, water;
  guint before;

  _tri_basemap_layer_set_cache_policy (fixture->layer, TRI_BASEMAP_CACHE_ALWAYS);
  settle_layer (fixture);
  before = tri_basemap_layer_get_n_geometry_renders (fixture->layer);
  g_assert_cmpuint (before, >, 0);

  shumate_map_center_on (fixture->map, 33.3, 44.5);   /* about 18 px east */
  settle_layer (fixture);
  g_assert_cmpuint (tri_basemap_layer_get_n_geometry_renders (fixture->layer), ==, before);

  /* Still right where it is drawn from the cache */
  texture = map_test_render (widget);
  pixels = map_test_pixels_new (texture);
  tri_basemap_layer_get_land_color (fixture->layer, &land);
  tri_basemap_layer_get_water_color (fixture->layer, &water);
  assert_pixel (pixels, fixture->viewport, widget, 32.0, 45.5, &land, "southern Iraq (moved)");
  assert_pixel (pixels, fixture->viewport, widget, 33.5, 31.0, &water, "Mediterranean (moved)");

  shumate_map_center_on (fixture->map, 10.0, 10.0);
  settle_layer (fixture);
  g_assert_cmpuint (tri_basemap_layer_get_n_geometry_renders (fixture->layer), >, before);

  before = tri_basemap_layer_get_n_geometry_renders (fixture->layer);
  shumate_viewport_set_zoom_level (fixture->viewport, 6);
  settle_layer (fixture);
  g_assert_cmpuint (tri_basemap_layer_get_n_geometry_renders (fixture->layer), >, before);
}

int
main (int   argc,
      char *argv[])
{
  if (!map_test_init (&argc, &argv))
    return map_test_skip_status;

  g_test_add ("/app/basemap/load", Fixture, NULL,
              fixture_set_up, test_load, fixture_tear_down);
  g_test_add ("/app/basemap/country-names", Fixture, NULL,
              fixture_set_up, test_country_names, fixture_tear_down);
  g_test_add ("/app/basemap/projection", Fixture, NULL,
              fixture_set_up, test_projection, fixture_tear_down);
  g_test_add ("/app/basemap/render", Fixture, NULL,
              fixture_set_up, test_render, fixture_tear_down);
  g_test_add ("/app/basemap/antimeridian", Fixture, NULL,
              fixture_set_up, test_antimeridian, fixture_tear_down);
  g_test_add ("/app/basemap/level-of-detail", Fixture, NULL,
              fixture_set_up, test_level_of_detail, fixture_tear_down);
  g_test_add ("/app/basemap/drag-cache", Fixture, NULL,
              fixture_set_up, test_drag_cache, fixture_tear_down);

  return g_test_run ();
}
