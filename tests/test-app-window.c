/* test-app-window.c
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "map-test-util.h"
#include "project-test-util.h"
#include "tri-window.h"
#include "tri-text.h"
#if HAVE_TRI_MAP_VIEW
# include "tri-map-view.h"
# include "tri-map-view-private.h"
#endif

/* The window on the sample corpus, under Xvfb (tests/meson.build runs it
 * through xvfb-run with GTK_A11Y=none). */

typedef struct
{
  TriWindow *window;
} Fixture;

static guint32
julian (int y,
        int m,
        int d)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return g_date_get_julian (&date);
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Spins the main loop until @model has items and the corpus is loaded. */
static void
wait_loaded (TriWindow *window)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (240, timeout_cb, &timed_out);
  TriCorpus *corpus = tri_window_get_corpus (window);
  TriClaimsModel *model = tri_window_get_claims_model (window);

  while (!timed_out
         && (g_list_model_get_n_items (G_LIST_MODEL (corpus)) == 0
             || tri_corpus_get_loading (corpus)
             || tri_claims_model_get_busy (model)))
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
}

static void
open_examples (TriWindow *window)
{
  const char *data = g_getenv ("TRIANGULATE_DATA_DIR");
  g_autofree char *dir = g_build_filename (data ? data : TRI_SOURCE_DATADIR, "examples", NULL);
  g_autoptr(GFile) root = g_file_new_for_path (dir);

  tri_window_open (window, &root, 1);
}

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  f->window = tri_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (f->window));
  open_examples (f->window);
  wait_loaded (f->window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

G_GNUC_UNUSED static gboolean
has_marker (GtkWidget  *map,
            const char *prefix,
            guint      *count)
{
#if HAVE_TRI_MAP_VIEW
  for (guint i = 0; i < tri_map_view_get_n_markers (TRI_MAP_VIEW (map)); i++)
    {
      const TriMapMarker *marker = tri_map_view_get_marker (TRI_MAP_VIEW (map), i);

      if (g_str_has_prefix (marker->id, prefix))
        {
          if (count != NULL)
            *count = marker->n_corroborated + marker->n_conflicting + marker->n_single;
          g_assert_true (marker->always_label);
          return TRUE;
        }
    }
#endif
  return FALSE;
}

/* Issue 2: the window opens on the sample corpus and shows the map with
 * the three markers. */
static void
test_smoke (Fixture       *f,
            gconstpointer  data)
{
  GtkWidget *map = tri_window_get_map (f->window);

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (f->window)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tri_window_get_corpus (f->window))), >=, 4);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tri_window_get_claims_model (f->window))), >, 0);
  g_assert_true (gtk_widget_get_mapped (map));
  g_assert_cmpint (gtk_widget_get_width (map), >, 100);
#if HAVE_TRI_MAP_VIEW
  g_assert_true (TRI_IS_MAP_VIEW (map));
  g_assert_true (has_marker (map, "al-asad", NULL));
  g_assert_true (has_marker (map, "harir", NULL));
  g_assert_true (has_marker (map, "baghdad", NULL));
#else
  g_test_incomplete ("built without the map (src/app/map)");
#endif
  /* The timeline has a histogram */
  g_assert_cmpuint (tri_timeline_get_n_bins (tri_window_get_timeline (f->window)), >, 1);
}

/* The range filters the list and the markers. */
static void
test_range_filters (Fixture       *f,
                    gconstpointer  data)
{
  TriTimeline *timeline = tri_window_get_timeline (f->window);
  GListModel *model = G_LIST_MODEL (tri_window_get_claims_model (f->window));
  GListModel *list = G_LIST_MODEL (tri_claims_list_get_model (tri_window_get_claims_list (f->window)));
  guint n_all = g_list_model_get_n_items (model);
  guint n_before, n_after;

  tri_timeline_set_range (timeline, julian (2023, 6, 1), julian (2025, 12, 31));
  n_before = g_list_model_get_n_items (list);
  g_assert_cmpuint (n_before, <, n_all);
  g_assert_cmpuint (n_before, >, 0);
  for (guint i = 0; i < n_before; i++)
    {
      g_autoptr(TriClaimItem) item = g_list_model_get_item (list, i);

      g_assert_true (item->day_first == 0 || item->day_first <= julian (2025, 12, 31));
    }
#if HAVE_TRI_MAP_VIEW
  g_assert_false (has_marker (tri_window_get_map (f->window), "harir", NULL));
#endif

  tri_timeline_set_range (timeline, julian (2026, 1, 1), julian (2026, 12, 31));
  n_after = g_list_model_get_n_items (list);
  g_assert_cmpuint (n_after, <, n_all);
  g_assert_cmpuint (n_after, >, 0);
#if HAVE_TRI_MAP_VIEW
  g_assert_true (has_marker (tri_window_get_map (f->window), "harir", NULL));
  g_assert_true (has_marker (tri_window_get_map (f->window), "al-asad", NULL));
#endif
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));

  /* The keyboard moves the range too */
  gtk_widget_grab_focus (GTK_WIDGET (timeline));
  tri_timeline_step (timeline, -1);
  g_assert_cmpuint (tri_timeline_get_range_first (timeline), <, julian (2026, 1, 1));
}

static guint
n_rows_drawn (GtkWidget *list)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += gtk_widget_get_mapped (child);
  return n;
}

/* A long list scrolled to its last claim, then a range that leaves the
 * rows in view out: the list shows the rows that remain (GTK 4.8 left it
 * blank, its rows placed around an anchor outside the viewport). */
static void
test_range_keeps_rows (Fixture       *f,
                       gconstpointer  data)
{
  TriClaimsModel *model = tri_window_get_claims_model (f->window);
  GtkWidget *list = GTK_WIDGET (tri_window_get_claims_list (f->window));
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint32 base = julian (2010, 1, 1);
  guint n;

  for (guint i = 0; i < 5000; i++)
    {
      g_autofree char *id = g_strdup_printf ("c%u", i);
      g_autofree char *summary = g_strdup_printf ("Claim number %u about the base", i);
      TriClaimItem *item = tri_claim_item_new (id, summary);

      item->day_first = item->day_last = base + i;
      item->n_sources = 1;
      g_ptr_array_add (items, item);
    }
  tri_claims_model_set_items (model, items);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));

  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_assert_cmpuint (n, ==, 5000);
  gtk_single_selection_set_selected (tri_claims_list_get_model (TRI_CLAIMS_LIST (list)), n - 1);
  tri_claims_list_scroll_to (TRI_CLAIMS_LIST (list), n - 1);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_cmpuint (n_rows_drawn (list), >, 0);

  for (guint run = 0; run < 3; run++)
    {
      tri_timeline_set_range (tri_window_get_timeline (f->window), base + run * 90, base + 1000 + run * 90);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1001);
      gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
      gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
      g_assert_cmpuint (n_rows_drawn (list), >, 0);
    }
}

/* Selecting on the map selects in the list and the source view. */
static void
test_map_selects (Fixture       *f,
                  gconstpointer  data)
{
  GtkWidget *map = tri_window_get_map (f->window);
  TriClaimItem *selected;
  g_autofree char *highlight = NULL;
  g_autofree char *folded = NULL;

#if HAVE_TRI_MAP_VIEW
  g_signal_emit_by_name (map, "marker-activated", "harir-air-base");
#else
  (void) map;
  tri_window_select_place (f->window, "harir-air-base");
#endif
  selected = tri_window_get_selected_claim (f->window);
  g_assert_nonnull (selected);
  g_assert_true (tri_claim_item_has_place (selected, "harir-air-base"));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (tri_window_get_claims_model (f->window))); i++)
    {
      g_autoptr(TriClaimItem) item = g_list_model_get_item (G_LIST_MODEL (tri_window_get_claims_model (f->window)), i);

      g_assert_true (tri_claim_item_has_place (item, "harir-air-base"));
    }

  highlight = tri_source_view_dup_highlight (tri_window_get_source_view (f->window));
  if (tri_source_view_is_comparing (tri_window_get_source_view (f->window)))
    g_assert_cmpuint (((TriClaimItem *) tri_source_view_get_item (tri_window_get_source_view (f->window)))->sources->len, >, 1);
  else
    {
      g_assert_nonnull (highlight);
      folded = tri_text_fold (highlight, -1);
      g_assert_nonnull (strstr (folded, "harir"));
    }
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));

  /* Clearing the place shows every claim again */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.clear-place", NULL);
  g_assert_null (tri_claims_model_get_place_filter (tri_window_get_claims_model (f->window)));
}

/* Search ignores diacritics. */
static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  GListModel *list = G_LIST_MODEL (tri_claims_list_get_model (tri_window_get_claims_list (f->window)));
  guint n_all = g_list_model_get_n_items (list);
  guint n;

  tri_window_set_search (f->window, "ain al assad");
  n = g_list_model_get_n_items (list);

  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (n, <, n_all);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TriClaimItem) item = g_list_model_get_item (list, i);

      g_assert_nonnull (strstr (item->search_key, "ain al"));
    }
  tri_window_set_search (f->window, "quoc phong");
  g_assert_cmpuint (g_list_model_get_n_items (list), >, 0);
  tri_window_set_search (f->window, "");
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, n_all);
}

/* The researcher's word: hide, override, note. */
static void
test_researcher (Fixture       *f,
                 gconstpointer  data)
{
  GListModel *list = G_LIST_MODEL (tri_claims_list_get_model (tri_window_get_claims_list (f->window)));
  guint n_all = g_list_model_get_n_items (list);
  g_autoptr(TriClaimItem) item = g_list_model_get_item (list, 0);

  gtk_selection_model_select_item (GTK_SELECTION_MODEL (list), 0, TRUE);
  g_assert_true (tri_window_get_selected_claim (f->window) == item);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.hide-claim", NULL);
  g_assert_true (item->hidden);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, n_all - 1);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.unhide-last", NULL);
  g_assert_false (item->hidden);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, n_all);
}

/* Loading does not block the main loop: a 5 ms ticker keeps ticking while
 * 300 files load, with no gap of a second. */
typedef struct
{
  TriCorpus *corpus;
  gint64     last;
  gint64     max_gap;
  guint      ticks;
  guint      ticks_loading;
} Ticker;

static gboolean
tick (gpointer data)
{
  Ticker *t = data;
  gint64 now = g_get_monotonic_time ();

  if (t->last != 0)
    t->max_gap = MAX (t->max_gap, now - t->last);
  t->last = now;
  t->ticks++;
  if (tri_corpus_get_loading (t->corpus))
    t->ticks_loading++;
  return G_SOURCE_CONTINUE;
}

static void
test_no_blocking (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tri-app-XXXXXX", &error);
  g_autoptr(GFile) root = NULL;
  TriWindow *window;
  Ticker ticker = { 0 };
  guint id;

  g_assert_no_error (error);
  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/a%03u.txt", dir, i);
      g_autofree char *text =
        g_strdup_printf ("date 2025-%02u-%02u\ntitle Report %u\n\n"
                         "About %u soldiers stayed at Harir air base in Erbil on %u March 2025, officials said. "
                         "Drones attacked Ain al-Asad air base in Anbar. Lính Mỹ rời căn cứ ở Baghdad.\n",
                         1 + i % 12, 1 + i % 28, i, 100 + i, 1 + i % 28);

      g_file_set_contents (path, text, -1, &error);
      g_assert_no_error (error);
    }
  root = g_file_new_for_path (dir);

  window = tri_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  ticker.corpus = tri_window_get_corpus (window);
  id = g_timeout_add (5, tick, &ticker);
  tri_window_open (window, &root, 1);
  /* It returns at once: nothing is read yet. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tri_window_get_corpus (window))), ==, 0);
  wait_loaded (window);
  g_source_remove (id);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tri_window_get_corpus (window))), ==, 300);
  /* The main loop ran while the files were being read. No bound on the
   * gaps here (no timing assertions in unit tests): they are printed. */
  g_test_message ("%u ticks (%u while loading), longest gap %" G_GINT64_FORMAT " ms",
                  ticker.ticks, ticker.ticks_loading, ticker.max_gap / 1000);
  g_assert_cmpuint (ticker.ticks_loading, >=, 2);

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/a%03u.txt", dir, i);

      g_unlink (path);
    }
  g_rmdir (dir);
}

/* A file that cannot be read is a toast that names it. */
static void
test_load_error_toast (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tri-app-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "broken.txt", NULL);
  g_autoptr(GFile) file = NULL;
  TriWindow *window;
  gboolean done = FALSE;
  guint id;

  g_file_set_contents (path, "Bad \xff byte\n", -1, &error);
  g_assert_no_error (error);
  file = g_file_new_for_path (path);
  window = tri_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  tri_window_open (window, &file, 1);
  id = g_timeout_add_seconds (10, timeout_cb, &done);
  while (!done && tri_window_get_n_toasts_shown (window) == 0)
    g_main_context_iteration (NULL, TRUE);
  /* Not left to fire into a later test's stack. */
  if (!done)
    g_source_remove (id);
  g_assert_cmpuint (tri_window_get_n_toasts_shown (window), ==, 1);
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_unlink (path);
  g_rmdir (dir);
}

/* Mean luminance of a box of @pixels, clipped to the picture */
static double
mean_luminance (MapTestPixels *pixels,
                int            x0,
                int            y0,
                int            x1,
                int            y1)
{
  double sum = 0;
  guint n = 0;

  for (int y = MAX (y0, 0); y < MIN (y1, pixels->height); y++)
    for (int x = MAX (x0, 0); x < MIN (x1, pixels->width); x++)
      {
        GdkRGBA c;

        map_test_pixel (pixels, x, y, &c);
        sum += 0.2126 * c.red + 0.7152 * c.green + 0.0722 * c.blue;
        n++;
      }
  g_assert_cmpuint (n, >, 0);
  return sum / n;
}

typedef struct
{
  double text;     /* luminance of the window's text colour */
  double map;      /* of the whole map */
  double marker;   /* of the first marker's bubble */
} Looks;

static void
measure_looks (TriWindow *window,
               Looks     *looks)
{
  GtkWidget *map = tri_window_get_map (window);
  GdkRGBA fg;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(MapTestPixels) pixels = NULL;

  map_test_settle (GTK_WIDGET (window));
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (window)), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  looks->text = 0.2126 * fg.red + 0.7152 * fg.green + 0.0722 * fg.blue;

  texture = map_test_render (map);
  pixels = map_test_pixels_new (texture);
  looks->map = mean_luminance (pixels, 0, 0, pixels->width, pixels->height);
  looks->marker = -1;
#if HAVE_TRI_MAP_VIEW
  {
    TriMarkerLayer *layer = _tri_map_view_get_marker_layer (TRI_MAP_VIEW (map));
    double x, y, r;

    g_assert_cmpuint (tri_marker_layer_get_n_drawn (layer, NULL), >, 0);
    g_assert_true (tri_marker_layer_get_drawn_position (layer, 0, &x, &y, &r));
    /* The bubble's face, between its number and its ring */
    looks->marker = mean_luminance (pixels, x - r * 0.6, y - r * 0.6, x + r * 0.6, y + r * 0.6);
  }
#endif
}

/* With the colour scheme forced dark, the window, the basemap and the
 * markers take their dark colours, and go back when it is light again. */
static void
test_dark_mode (Fixture       *f,
                gconstpointer  data)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  Looks light, dark, back;

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  measure_looks (f->window, &light);
  g_assert_false (adw_style_manager_get_dark (manager));

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  measure_looks (f->window, &dark);
  g_assert_true (adw_style_manager_get_dark (manager));
  g_test_message ("luminance light/dark: text %.2f/%.2f, map %.2f/%.2f, marker %.2f/%.2f",
                  light.text, dark.text, light.map, dark.map, light.marker, dark.marker);

  /* Light text on a dark window, a dark map */
  g_assert_cmpfloat (light.text, <, 0.5);
  g_assert_cmpfloat (dark.text, >, 0.5);
  g_assert_cmpfloat (dark.map, <, light.map - 0.25);
#if HAVE_TRI_MAP_VIEW
  g_assert_true (tri_basemap_layer_get_dark (_tri_map_view_get_basemap_layer (TRI_MAP_VIEW (tri_window_get_map (f->window)))));
  g_assert_cmpfloat (dark.marker, <, light.marker - 0.25);
#endif

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
  measure_looks (f->window, &back);
  g_assert_false (adw_style_manager_get_dark (manager));
  g_assert_cmpfloat (fabs (back.map - light.map), <, 0.02);
#if HAVE_TRI_MAP_VIEW
  g_assert_false (tri_basemap_layer_get_dark (_tri_map_view_get_basemap_layer (TRI_MAP_VIEW (tri_window_get_map (f->window)))));
#endif
}

static gboolean
drop_files (TriWindow *window,
            GFile    **files,
            guint      n_files)
{
  GtkDropTarget *target = GTK_DROP_TARGET (map_test_find_controller (GTK_WIDGET (window), GTK_TYPE_DROP_TARGET));
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  g_assert_nonnull (target);
  g_assert_true (g_type_is_a (GDK_TYPE_FILE_LIST, gtk_drop_target_get_gtypes (target, NULL)[0]));
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_array (files, n_files));
  g_signal_emit_by_name (target, "drop", &value, 100.0, 100.0, &accepted);
  return accepted;
}

/* Files dropped on the window are read into its corpus, and the window
 * leaves its empty page. */
static void
test_drop_files (void)
{
  const char *data = g_getenv ("TRIANGULATE_DATA_DIR");
  const char *names[] = { "en-advisers-leave.txt", "vi-rut-khoi-al-asad.txt" };
  GFile *files[G_N_ELEMENTS (names)];
  TriWindow *window = tri_window_new (NULL);
  TriCorpus *corpus = tri_window_get_corpus (window);

  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (corpus)), ==, 0);

  /* Nothing dropped, nothing taken */
  g_assert_false (drop_files (window, NULL, 0));

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (data ? data : TRI_SOURCE_DATADIR, "examples",
                                                names[i], NULL);

      files[i] = g_file_new_for_path (path);
    }
  g_assert_true (drop_files (window, files, G_N_ELEMENTS (files)));
  wait_loaded (window);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (corpus)), ==, G_N_ELEMENTS (names));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(TriArticle) article = g_list_model_get_item (G_LIST_MODEL (corpus), i);
      g_autofree char *base = g_path_get_basename (tri_article_get_path (article));

      g_assert_true (g_strv_contains (names, base));
    }
  g_assert_cmpuint (tri_claims_model_get_n_all (tri_window_get_claims_model (window)), >, 0);

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    g_object_unref (files[i]);
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;
  int status;

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP no display (run under xvfb-run)\n");
      return 77;
    }

  /* The windows' untitled projects live in the user data folder. */
  data_home = make_data_home ("tri-app-data-XXXXXX");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/app/window/smoke", Fixture, NULL, setup, test_smoke, teardown);
  g_test_add ("/app/window/range-filters", Fixture, NULL, setup, test_range_filters, teardown);
  g_test_add ("/app/window/range-keeps-rows", Fixture, NULL, setup, test_range_keeps_rows, teardown);
  g_test_add ("/app/window/map-selects", Fixture, NULL, setup, test_map_selects, teardown);
  g_test_add ("/app/window/search-ignores-diacritics", Fixture, NULL, setup, test_search, teardown);
  g_test_add ("/app/window/researcher", Fixture, NULL, setup, test_researcher, teardown);
  g_test_add_func ("/app/window/load-does-not-block", test_no_blocking);
  g_test_add_func ("/app/window/load-error-toast", test_load_error_toast);
  g_test_add ("/app/window/dark-mode", Fixture, NULL, setup, test_dark_mode, teardown);
  g_test_add_func ("/app/window/drop-files", test_drop_files);

  status = g_test_run ();
  remove_data_home (data_home);
  return status;
}
