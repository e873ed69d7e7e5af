/* bench-map.c: redraw time of the map with 100k markers
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "map-test-util.h"
#include "tri-map-view-private.h"

#include <time.h>

#define N_MARKERS 100000
#define N_FRAMES  60

/* CPU time of this thread in microseconds: the figures should not depend
 * on what else the machine is doing */
static gint64
now_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a, db = *(const double *) b;

  return da < db ? -1 : da > db;
}

static double
median (GArray *times)
{
  g_array_sort (times, compare_doubles);
  return g_array_index (times, double, times->len / 2);
}

static double
percentile (GArray *times,
            double  p)
{
  g_array_sort (times, compare_doubles);
  return g_array_index (times, double, MIN (times->len - 1, (guint) (times->len * p)));
}

static GPtrArray *
synthetic_markers (guint n)
{
  GPtrArray *markers = g_ptr_array_new_with_free_func ((GDestroyNotify) tri_map_marker_free);
  GRand *rand = g_rand_new_with_seed (7);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("place-%u", i);
      /* Most in and around Iraq, some across the wider region */
      double spread = i % 10 == 0 ? 15.0 : 4.0;
      TriMapMarker *m = tri_map_marker_new (id, id,
                                            33.3 + g_rand_double_range (rand, -spread, spread),
                                            43.7 + g_rand_double_range (rand, -spread, spread));

      m->n_corroborated = g_rand_int_range (rand, 0, 4);
      m->n_conflicting = g_rand_int_range (rand, 0, 3);
      m->n_single = g_rand_int_range (rand, 1, 5);
      m->always_label = i < 3;
      g_ptr_array_add (markers, m);
    }

  g_rand_free (rand);

  return markers;
}

/* Time one layer's snapshot (building the render nodes), and optionally
 * its rasterization by @renderer */
static double
time_snapshot (GtkWidget   *layer,
               GskRenderer *renderer,
               double      *render_ms)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  gint64 start = now_us ();
  double ms;

  GTK_WIDGET_GET_CLASS (layer)->snapshot (layer, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  ms = (now_us () - start) / 1000.0;

  if (renderer != NULL && node != NULL)
    {
      g_autoptr(GdkTexture) texture = NULL;

      start = now_us ();
      texture = gsk_renderer_render_texture (renderer, node,
                                             &GRAPHENE_RECT_INIT (0, 0,
                                                                  gtk_widget_get_width (layer),
                                                                  gtk_widget_get_height (layer)));
      *render_ms = (now_us () - start) / 1000.0;
    }

  return ms;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) markers = NULL;
  g_autoptr(GArray) marker_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) basemap_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) frame_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cold_marker_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) marker_render_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) basemap_render_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GskRenderer) renderer = NULL;
  GtkWindow *window;
  TriMapView *view;
  TriMarkerLayer *layer;
  ShumateMap *map;
  gint64 start;
  double set_ms;
  guint n_drawn, n_clusters;

  if (!map_test_init (&argc, &argv))
    return map_test_skip_status;

  view = TRI_MAP_VIEW (tri_map_view_new ());
  window = map_test_window (GTK_WIDGET (view), 1280, 800);
  layer = _tri_map_view_get_marker_layer (view);
  map = _tri_map_view_get_map (view);

  markers = synthetic_markers (N_MARKERS);
  start = now_us ();
  tri_map_view_set_markers (view, markers);
  set_ms = (now_us () - start) / 1000.0;
  map_test_settle (GTK_WIDGET (view));

  renderer = gsk_cairo_renderer_new ();
  gsk_renderer_realize (renderer, NULL, NULL);

  /* Twice over the same path: the first time bubble textures are drawn
   * as new looks appear ("cold"), the second time they are reused, as
   * when a researcher moves about the map ("warm") */
  for (guint i = 0; i < 2 * N_FRAMES; i++)
    {
      /* A drag across Iraq and a zoom sweep from 4 to 8 */
      double zoom = 4.0 + 4.0 * (i % N_FRAMES) / N_FRAMES;
      double lon = 40.0 + 8.0 * (i % N_FRAMES) / N_FRAMES;
      GArray *marker_out = i < N_FRAMES ? cold_marker_times : marker_times;
      double t, r = 0;

      tri_map_view_center_on (view, 33.3, lon, zoom);

      t = time_snapshot (GTK_WIDGET (layer), renderer, &r);
      g_array_append_val (marker_out, t);
      g_array_append_val (marker_render_times, r);
      t = time_snapshot (GTK_WIDGET (_tri_map_view_get_basemap_layer (view)), renderer, &r);
      g_array_append_val (basemap_times, t);
      g_array_append_val (basemap_render_times, r);

      /* The whole map, snapshot and rasterized with the cairo renderer
       * (software: a GL renderer does the second half on the GPU) */
      {
        GtkSnapshot *snapshot = gtk_snapshot_new ();
        g_autoptr(GskRenderNode) node = NULL;
        g_autoptr(GdkTexture) texture = NULL;
        int w = gtk_widget_get_width (GTK_WIDGET (map));
        int h = gtk_widget_get_height (GTK_WIDGET (map));

        /* The map's own snapshot snapshots its layers (the basemap and
         * markers were invalidated by the move) */
        tri_map_view_center_on (view, 33.3, lon + 0.01, zoom);
        start = now_us ();
        GTK_WIDGET_GET_CLASS (map)->snapshot (GTK_WIDGET (map), snapshot);
        node = gtk_snapshot_free_to_node (snapshot);
        texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, w, h));
        t = (now_us () - start) / 1000.0;
        g_array_append_val (frame_times, t);
      }
    }

  n_drawn = tri_marker_layer_get_n_drawn (layer, &n_clusters);

  /* A drag across Iraq at zoom 6, the commonest move */
  {
    g_autoptr(GArray) drag_basemap = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr(GArray) drag_markers = g_array_new (FALSE, FALSE, sizeof (double));
    GtkWidget *basemap = GTK_WIDGET (_tri_map_view_get_basemap_layer (view));
    guint renders_before;

    /* As with a GPU renderer, which the app normally has */
    _tri_basemap_layer_set_cache_policy (TRI_BASEMAP_LAYER (basemap), TRI_BASEMAP_CACHE_ALWAYS);
    renders_before = tri_basemap_layer_get_n_geometry_renders (TRI_BASEMAP_LAYER (basemap));

    for (guint i = 0; i < N_FRAMES; i++)
      {
        double t;

        tri_map_view_center_on (view, 33.3 + 0.02 * i, 40.0 + 0.1 * i, 6.0);
        t = time_snapshot (basemap, NULL, NULL);
        g_array_append_val (drag_basemap, t);
        t = time_snapshot (GTK_WIDGET (layer), NULL, NULL);
        g_array_append_val (drag_markers, t);
      }

    g_print ("drag at zoom 6, %u frames:\n", N_FRAMES);
    g_print ("  basemap layer snapshot, land kept in a texture (GPU renderers): "
             "median %.2f ms, p90 %.2f ms (land drawn %u times)\n",
             median (drag_basemap), percentile (drag_basemap, 0.9),
             tri_basemap_layer_get_n_geometry_renders (TRI_BASEMAP_LAYER (basemap)) - renders_before);
    g_print ("  marker layer snapshot: median %.2f ms, p90 %.2f ms\n",
             median (drag_markers), percentile (drag_markers, 0.9));
  }

  g_print ("zoom sweep: %u markers, 2 x %u frames at 1280x800, zoom 4 to 8 over Iraq (thread CPU time)\n",
           N_MARKERS, N_FRAMES);
  g_print ("  set_markers (copy + project): %.1f ms\n", set_ms);
  g_print ("  marker layer snapshot, cold (cull + cluster + nodes + new bubble textures): "
           "median %.2f ms, p90 %.2f ms\n",
           median (cold_marker_times), percentile (cold_marker_times, 0.9));
  g_print ("  marker layer snapshot, warm (cull + cluster + nodes): median %.2f ms, p90 %.2f ms "
           "(last frame: %u bubbles, %u clusters)\n",
           median (marker_times), percentile (marker_times, 0.9), n_drawn, n_clusters);
  g_print ("  marker layer cairo (software) render: median %.2f ms\n", median (marker_render_times));
  g_print ("  basemap layer snapshot: median %.2f ms, p90 %.2f ms\n",
           median (basemap_times), percentile (basemap_times, 0.9));
  g_print ("  basemap layer cairo (software) render: median %.2f ms\n", median (basemap_render_times));
  g_print ("  whole map snapshot + cairo (software) render: median %.2f ms, p90 %.2f ms\n",
           median (frame_times), percentile (frame_times, 0.9));
  g_print ("  target: marker redraw <= 8 ms median: %s\n",
           median (marker_times) <= 8.0 ? "met" : "NOT met");

  gsk_renderer_unrealize (renderer);
  gtk_window_destroy (window);

  return 0;
}
