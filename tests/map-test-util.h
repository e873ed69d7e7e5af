/* map-test-util.h: shared by the map's widget tests and benchmark
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>
#include <adwaita.h>
#include <locale.h>
#include <math.h>
#include <stdlib.h>

/* What main() returns when there is no display: 77 (skipped) for meson's
 * exit-code protocol; under TAP a "1..0 # SKIP" plan says it, and the exit
 * status must be 0 (meson counts any other as an error) */
static int map_test_skip_status = 77;

/* Starts GTK for a widget test, or says why it cannot (no display), in
 * which case the caller returns map_test_skip_status.  Sets the
 * environment that headless GTK 4.8 needs (PLATFORM-NOTES §3.3): no
 * accessibility bus, the cairo renderer for deterministic pixels. */
static inline gboolean
map_test_init (int    *argc,
               char ***argv)
{
  g_setenv ("GTK_A11Y", "none", TRUE);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  g_setenv ("NO_AT_BRIDGE", "1", TRUE);
  g_setenv ("ADW_DISABLE_PORTAL", "1", TRUE);

  for (int i = 1; i < *argc; i++)
    if (g_strcmp0 ((*argv)[i], "--tap") == 0)
      map_test_skip_status = 0;

  /* What gtk_test_init() does, but without aborting when there is no
   * display */
  g_test_init (argc, argv, NULL);
  gtk_disable_setlocale ();
  setlocale (LC_ALL, "C.UTF-8");

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display (run under xvfb-run)\n");
      return FALSE;
    }

  adw_init ();

  return TRUE;
}

/* Puts @child in a window of the given size and waits until it is drawn. */
static inline GtkWindow *
map_test_window (GtkWidget *child,
                 int        width,
                 int        height)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, width, height);
  gtk_window_set_child (window, child);
  gtk_window_present (window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  gdk_display_sync (gdk_display_get_default ());

  return window;
}

/* Lets pending layout and draws happen. */
static inline void
map_test_settle (GtkWidget *widget)
{
  for (guint i = 0; i < 5; i++)
    {
      gtk_widget_queue_draw (widget);
      gtk_test_widget_wait_for_draw (widget);
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }
}

/* Renders @widget with the cairo renderer (PLATFORM-NOTES §3.3). */
static inline GdkTexture *
map_test_render (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderer) renderer = gsk_cairo_renderer_new ();
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GError) error = NULL;
  GdkTexture *texture;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (!gsk_renderer_realize (renderer, NULL, &error))
    g_error ("Cannot realize the cairo renderer: %s", error->message);

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);

  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  gsk_renderer_unrealize (renderer);

  return texture;
}

typedef struct
{
  int     width, height;
  guchar *data;        /* B G R A, premultiplied (cairo's ARGB32 in memory) */
  gsize   stride;
} MapTestPixels;

static inline MapTestPixels *
map_test_pixels_new (GdkTexture *texture)
{
  MapTestPixels *pixels = g_new0 (MapTestPixels, 1);

  pixels->width = gdk_texture_get_width (texture);
  pixels->height = gdk_texture_get_height (texture);
  pixels->stride = (gsize) pixels->width * 4;
  pixels->data = g_malloc (pixels->stride * pixels->height);
  gdk_texture_download (texture, pixels->data, pixels->stride);

  return pixels;
}

static inline void
map_test_pixels_free (MapTestPixels *pixels)
{
  g_free (pixels->data);
  g_free (pixels);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MapTestPixels, map_test_pixels_free)

static inline void
map_test_pixel (MapTestPixels *pixels,
                int            x,
                int            y,
                GdkRGBA       *color)
{
  const guchar *p;

  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, pixels->width);
  g_assert_cmpint (y, <, pixels->height);

  p = pixels->data + (gsize) y * pixels->stride + (gsize) x * 4;
  color->alpha = p[3] / 255.f;
  color->red = color->alpha > 0 ? p[2] / 255.f / color->alpha : 0;
  color->green = color->alpha > 0 ? p[1] / 255.f / color->alpha : 0;
  color->blue = color->alpha > 0 ? p[0] / 255.f / color->alpha : 0;
}

static inline gboolean
map_test_colors_close (const GdkRGBA *a,
                       const GdkRGBA *b,
                       double         tolerance)
{
  return fabs (a->red - b->red) <= tolerance &&
         fabs (a->green - b->green) <= tolerance &&
         fabs (a->blue - b->blue) <= tolerance;
}

/* The first event controller of @type on @widget, to drive it as events
 * would (PLATFORM-NOTES §3.3). */
static inline GtkEventController *
map_test_find_controller (GtkWidget *widget,
                          GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return GTK_EVENT_CONTROLLER (controller);
    }

  return NULL;
}

/* Saves a picture of a test under the build folder, to look at. */
static inline void
map_test_save (GdkTexture *texture,
               const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);

  if (!gdk_texture_save_to_png (texture, path))
    g_test_message ("Could not save %s", path);
  else
    g_test_message ("Saved %s", path);
}
