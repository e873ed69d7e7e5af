/* tri-timeline.c
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-timeline"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "tri-claim-item.h"
#include "tri-claims-model.h"
#include "tri-timeline.h"

/* A histogram of dated claims along the bottom of the window. The time
 * unit follows the zoom, from decades to days. Two handles select a
 * range; dragging between them moves both. Claims whose dates are vague,
 * inferred or only their article's publication date are stacked on top,
 * hatched. Keyboard: Left/Right move the start, Shift+Left/Right the end,
 * Ctrl+Left/Right the whole range, plus/minus zoom, Home resets. */

#define MIN_BIN_WIDTH  6.0
#define AXIS_HEIGHT    18.0
#define HANDLE_GRAB    10.0
#define PAD            8.0
#define TILE_WIDTH     64.0

static const guint units[] = { 1, 7, 30, 91, 365, 3652, 36524 };

struct _TriTimeline
{
  GtkWidget  parent_instance;

  GArray    *events;          /* TriTimelineEvent, shared with the model */
  guint32    extent_first;
  guint32    extent_last;
  double     view_first;      /* Julian days, fractional while zooming */
  double     view_last;
  guint32    range_first;
  guint32    range_last;

  /* histogram cache */
  gboolean   dirty;
  guint      unit;
  double     origin;
  GArray    *exact;           /* guint per bin */
  GArray    *fuzzy;
  guint      max_count;
  guint      serial;          /* of the bins, bumped by recompute() */

  /* The histogram and its axis as drawn for these bins, size and colours,
   * at full strength (in the range) and faded (outside it). Moving a
   * handle only clips them differently and moves the handles: GTK is
   * handed the same nodes and repaints little. */
  GskRenderNode *shown_node;
  GskRenderNode *faded_node;
  guint      node_serial;
  int        node_width, node_height, node_scale;
  GdkRGBA    node_fg, node_accent;

  /* dragging */
  int        drag_what;       /* 0 none, 1 start, 2 end, 3 both */
  double     drag_x;
  guint32    drag_first;
  guint32    drag_last;
  gboolean   focus_end;

  guint      play_source;
  double     play_speed;
};

G_DEFINE_FINAL_TYPE (TriTimeline, tri_timeline, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_RANGE_FIRST,
  PROP_RANGE_LAST,
  PROP_PLAYING,
  N_PROPS
};

enum {
  RANGE_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

GtkWidget *
tri_timeline_new (void)
{
  return g_object_new (TRI_TYPE_TIMELINE, NULL);
}

/* Geometry */

static void
plot_bounds (TriTimeline *self,
             double      *x0,
             double      *x1)
{
  *x0 = PAD;
  *x1 = MAX (PAD + 1, gtk_widget_get_width (GTK_WIDGET (self)) - PAD);
}

static double
day_to_x (TriTimeline *self,
          double       day)
{
  double x0, x1;

  plot_bounds (self, &x0, &x1);
  if (self->view_last <= self->view_first)
    return x0;
  return x0 + (day - self->view_first) / (self->view_last - self->view_first) * (x1 - x0);
}

static double
x_to_day (TriTimeline *self,
          double       x)
{
  double x0, x1;

  plot_bounds (self, &x0, &x1);
  return self->view_first + (x - x0) / (x1 - x0) * (self->view_last - self->view_first);
}

static void
choose_unit (TriTimeline *self)
{
  double x0, x1;
  double span = self->view_last - self->view_first;
  guint max_bins;

  plot_bounds (self, &x0, &x1);
  max_bins = MAX (4, (guint) ((x1 - x0) / MIN_BIN_WIDTH));
  self->unit = units[G_N_ELEMENTS (units) - 1];
  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    if (span / units[i] <= max_bins)
      {
        self->unit = units[i];
        break;
      }
}

static void
recompute (TriTimeline *self)
{
  guint n_bins;

  self->dirty = FALSE;
  self->serial++;
  choose_unit (self);
  self->origin = floor (self->view_first / self->unit) * self->unit;
  n_bins = (guint) ceil ((self->view_last - self->origin) / self->unit) + 1;
  g_array_set_size (self->exact, 0);
  g_array_set_size (self->fuzzy, 0);
  g_array_set_size (self->exact, n_bins);
  g_array_set_size (self->fuzzy, n_bins);
  self->max_count = 0;

  if (self->events == NULL)
    return;

  for (guint i = 0; i < self->events->len; i++)
    {
      const TriTimelineEvent *event = &g_array_index (self->events, TriTimelineEvent, i);
      double mid;
      gint64 bin;
      guint *counts;

      if (event->first == 0 || !event->in_filter)
        continue;
      mid = (event->first + (double) event->last) / 2.0;
      bin = (gint64) floor ((mid - self->origin) / self->unit);
      if (bin < 0 || bin >= n_bins)
        continue;
      /* A date vaguer than the unit cannot be placed in one bin. */
      if (event->fuzzy || event->last - event->first >= self->unit)
        counts = &g_array_index (self->fuzzy, guint, bin);
      else
        counts = &g_array_index (self->exact, guint, bin);
      (*counts)++;
    }
  for (guint b = 0; b < n_bins; b++)
    self->max_count = MAX (self->max_count,
                           g_array_index (self->exact, guint, b) + g_array_index (self->fuzzy, guint, b));
}

/* Labels and accessibility */

static char *
format_day (guint32 day,
            guint   unit)
{
  return tri_format_julian_day (day, unit >= 365 ? TRI_PRECISION_YEAR
                                     : unit >= 30 ? TRI_PRECISION_MONTH
                                     : TRI_PRECISION_DAY);
}

static char *
range_text (TriTimeline *self)
{
  g_autofree char *a = format_day (self->range_first, 1);
  g_autofree char *b = format_day (self->range_last, 1);

  if (a == NULL || b == NULL)
    return g_strdup (_("No dates"));
  /* Translators: the selected time range, e.g. "1 Jan 2024 to 18 Jan 2026" */
  return g_strdup_printf (_("%s to %s"), a, b);
}

static void
update_accessible (TriTimeline *self)
{
  g_autofree char *text = range_text (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, text,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MIN, (double) self->extent_first,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MAX, (double) self->extent_last,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, (double) self->range_first,
                                  -1);
}

/* The tooltip says the range when asked: setting its text at every
 * change would ask the X server where the pointer is, each frame of a
 * drag or of playback */
static gboolean
tri_timeline_query_tooltip (GtkWidget  *widget,
                            int         x,
                            int         y,
                            gboolean    keyboard_mode,
                            GtkTooltip *tooltip)
{
  g_autofree char *text = range_text (TRI_TIMELINE (widget));

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* Range */

static void
set_range_internal (TriTimeline *self,
                    guint32      first,
                    guint32      last,
                    gboolean     emit)
{
  if (first > last)
    {
      guint32 t = first;
      first = last;
      last = t;
    }
  if (self->extent_first != 0)
    {
      first = CLAMP (first, self->extent_first, self->extent_last);
      last = CLAMP (last, self->extent_first, self->extent_last);
    }
  if (first == self->range_first && last == self->range_last)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  if (first != self->range_first)
    {
      self->range_first = first;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_RANGE_FIRST]);
    }
  if (last != self->range_last)
    {
      self->range_last = last;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_RANGE_LAST]);
    }
  g_object_thaw_notify (G_OBJECT (self));
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (emit)
    g_signal_emit (self, signals [RANGE_CHANGED], 0);
}

void
tri_timeline_set_range (TriTimeline *self,
                        guint32      first,
                        guint32      last)
{
  g_return_if_fail (TRI_IS_TIMELINE (self));

  if (first == 0)
    first = self->extent_first;
  if (last == 0)
    last = self->extent_last;
  set_range_internal (self, first, last, TRUE);
}

guint32
tri_timeline_get_range_first (TriTimeline *self)
{
  g_return_val_if_fail (TRI_IS_TIMELINE (self), 0);
  return self->range_first;
}

guint32
tri_timeline_get_range_last (TriTimeline *self)
{
  g_return_val_if_fail (TRI_IS_TIMELINE (self), 0);
  return self->range_last;
}

/**
 * tri_timeline_set_events:
 * @self: a #TriTimeline
 * @events: (element-type TriTimelineEvent) (nullable): the dated claims;
 *   the timeline keeps a reference and rereads it on every call
 */
void
tri_timeline_set_events (TriTimeline *self,
                         GArray      *events)
{
  g_return_if_fail (TRI_IS_TIMELINE (self));

  if (events != self->events)
    {
      g_clear_pointer (&self->events, g_array_unref);
      self->events = events ? g_array_ref (events) : NULL;
    }
  self->dirty = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
tri_timeline_set_extent (TriTimeline *self,
                         guint32      first,
                         guint32      last)
{
  gboolean was_full;
  double pad;

  g_return_if_fail (TRI_IS_TIMELINE (self));

  if (first == self->extent_first && last == self->extent_last)
    return;
  was_full = self->range_first == self->extent_first && self->range_last == self->extent_last;
  self->extent_first = first;
  self->extent_last = MAX (first, last);
  pad = MAX (15.0, (self->extent_last - self->extent_first) * 0.03);
  self->view_first = first ? first - pad : 0;
  self->view_last = first ? self->extent_last + pad : 0;
  self->dirty = TRUE;
  if (was_full || self->range_first == 0)
    set_range_internal (self, first, self->extent_last, TRUE);
  else
    set_range_internal (self, self->range_first, self->range_last, TRUE);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
tri_timeline_zoom (TriTimeline *self,
                   double       factor,
                   double       anchor_day)
{
  double first, last, min_span = 14, max_span;

  g_return_if_fail (TRI_IS_TIMELINE (self));
  g_return_if_fail (factor > 0);

  if (self->extent_first == 0)
    return;
  first = anchor_day - (anchor_day - self->view_first) * factor;
  last = anchor_day + (self->view_last - anchor_day) * factor;
  max_span = MAX (60.0, (self->extent_last - self->extent_first) * 1.5);
  if (last - first < min_span || last - first > max_span)
    return;
  self->view_first = first;
  self->view_last = last;
  self->dirty = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
tri_timeline_get_unit_days (TriTimeline *self)
{
  g_return_val_if_fail (TRI_IS_TIMELINE (self), 0);
  if (self->dirty)
    recompute (self);
  return self->unit;
}

guint
tri_timeline_get_n_bins (TriTimeline *self)
{
  g_return_val_if_fail (TRI_IS_TIMELINE (self), 0);
  if (self->dirty)
    recompute (self);
  return self->exact->len;
}

/* Moves the range by whole units: the keyboard and the play button. */
void
tri_timeline_step (TriTimeline *self,
                   int          n)
{
  gint64 delta, first, last;

  g_return_if_fail (TRI_IS_TIMELINE (self));

  if (self->extent_first == 0)
    return;
  if (self->dirty)
    recompute (self);
  delta = (gint64) n * self->unit;
  if (delta > 0)
    delta = MIN (delta, (gint64) self->extent_last - self->range_last);
  else
    delta = MAX (delta, (gint64) self->extent_first - self->range_first);
  first = self->range_first + delta;
  last = self->range_last + delta;
  set_range_internal (self, first, last, TRUE);
}

/* Playing */

static gboolean
play_tick (gpointer data)
{
  TriTimeline *self = data;

  if (self->range_last >= self->extent_last)
    {
      tri_timeline_set_playing (self, FALSE);
      return G_SOURCE_REMOVE;
    }
  tri_timeline_step (self, 1);
  return G_SOURCE_CONTINUE;
}

gboolean
tri_timeline_get_playing (TriTimeline *self)
{
  g_return_val_if_fail (TRI_IS_TIMELINE (self), FALSE);
  return self->play_source != 0;
}

void
tri_timeline_set_playing (TriTimeline *self,
                          gboolean     playing)
{
  g_return_if_fail (TRI_IS_TIMELINE (self));

  if (playing == (self->play_source != 0))
    return;
  if (playing)
    {
      if (self->extent_first == 0)
        return;
      if (self->dirty)
        recompute (self);
      /* Play a window of one tenth of the whole, or the range chosen. */
      if (self->range_last >= self->extent_last)
        {
          guint32 width = self->range_last - self->range_first;

          if (width >= self->extent_last - self->extent_first)
            width = MAX (self->unit, (self->extent_last - self->extent_first) / 10);
          set_range_internal (self, self->extent_first, self->extent_first + width, TRUE);
        }
      self->play_source = g_timeout_add ((guint) (400 / self->play_speed), play_tick, self);
    }
  else
    g_clear_handle_id (&self->play_source, g_source_remove);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PLAYING]);
}

void
tri_timeline_set_play_speed (TriTimeline *self,
                             double       speed)
{
  g_return_if_fail (TRI_IS_TIMELINE (self));
  self->play_speed = CLAMP (speed, 0.1, 100.0);
}

/* Drawing */

static void
hatch (cairo_t *cr,
       double   x,
       double   y,
       double   w,
       double   h)
{
  cairo_save (cr);
  cairo_rectangle (cr, x, y, w, h);
  cairo_clip (cr);
  cairo_set_line_width (cr, 1.0);
  for (double d = -h; d < w; d += 4)
    {
      cairo_move_to (cr, x + d, y + h);
      cairo_line_to (cr, x + d + h, y);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
  cairo_rectangle (cr, x + 0.5, y + 0.5, MAX (0, w - 1), MAX (0, h - 1));
  cairo_stroke (cr);
}

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
static void
lookup_color (GtkWidget  *widget,
              const char *name,
              GdkRGBA    *color,
              const char *fallback)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);

  if (!gtk_style_context_lookup_color (context, name, color))
    gdk_rgba_parse (color, fallback);
}
G_GNUC_END_IGNORE_DEPRECATIONS

static void
draw_axis (TriTimeline *self,
           cairo_t     *cr,
           double       height,
           GdkRGBA     *fg)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  double last_end = -1e9;
  guint label_unit = self->unit <= 7 ? 30 : self->unit <= 91 ? 365 : self->unit <= 365 ? 3652 : 36524;
  GDate date;
  int y0, y1;

  if (self->unit == 1)
    label_unit = 7;
  g_date_clear (&date, 1);
  g_date_set_julian (&date, (guint32) MAX (1.0, self->view_first));
  y0 = g_date_get_year (&date);
  g_date_set_julian (&date, (guint32) MAX (1.0, self->view_last));
  y1 = g_date_get_year (&date);

  cairo_set_source_rgba (cr, fg->red, fg->green, fg->blue, 0.7);
  for (int year = y0; year <= y1; year++)
    for (int month = 1; month <= 12; month++)
      for (int day = 1; day <= 28; day += 7)
        {
          g_autofree char *text = NULL;
          double x;
          int w, h;

          if (label_unit >= 365 && (month != 1 || day != 1))
            continue;
          if (label_unit == 3652 && year % 10 != 0)
            continue;
          if (label_unit == 36524 && year % 100 != 0)
            continue;
          if (label_unit == 30 && day != 1)
            continue;
          g_date_set_dmy (&date, day, month, year);
          x = day_to_x (self, g_date_get_julian (&date));
          if (x < PAD || x > gtk_widget_get_width (GTK_WIDGET (self)) - PAD)
            continue;
          text = tri_format_julian_day (g_date_get_julian (&date),
                                        label_unit >= 365 ? TRI_PRECISION_YEAR
                                        : label_unit >= 30 ? TRI_PRECISION_MONTH
                                        : TRI_PRECISION_DAY);
          pango_layout_set_text (layout, text, -1);
          pango_layout_get_pixel_size (layout, &w, &h);
          if (x - 2 < last_end || x + 2 + w > gtk_widget_get_width (GTK_WIDGET (self)))
            continue;
          cairo_rectangle (cr, floor (x), height - AXIS_HEIGHT, 1, 4);
          cairo_fill (cr);
          cairo_move_to (cr, x + 2, height - AXIS_HEIGHT + 2);
          pango_cairo_show_layout (cr, layout);
          last_end = x + 2 + w + 8;
        }
  g_object_unref (layout);
}

/* The bars and the axis, their alpha scaled by @strength */
static void
draw_histogram (TriTimeline   *self,
                cairo_t       *cr,
                double         height,
                double         strength,
                const GdkRGBA *fg,
                const GdkRGBA *accent)
{
  double plot_h = height - AXIS_HEIGHT - 4;
  double width = gtk_widget_get_width (GTK_WIDGET (self));

  for (guint b = 0; b < self->exact->len; b++)
    {
      guint exact = g_array_index (self->exact, guint, b);
      guint fuzzy = g_array_index (self->fuzzy, guint, b);
      double day = self->origin + (double) b * self->unit;
      double x = day_to_x (self, day);
      double w = day_to_x (self, day + self->unit) - x;
      double he = self->max_count ? plot_h * exact / self->max_count : 0;
      double hf = self->max_count ? plot_h * fuzzy / self->max_count : 0;

      if (exact == 0 && fuzzy == 0)
        continue;
      w = MAX (1.0, w - 1.0);
      if (exact > 0)
        {
          cairo_set_source_rgba (cr, accent->red, accent->green, accent->blue, strength);
          cairo_rectangle (cr, x, plot_h - he + 2, w, he);
          cairo_fill (cr);
        }
      if (fuzzy > 0)
        {
          cairo_set_source_rgba (cr, accent->red, accent->green, accent->blue, 0.6 * strength);
          hatch (cr, x, plot_h - he - hf + 2, w, hf);
        }
    }

  /* Baseline and axis */
  cairo_set_source_rgba (cr, fg->red, fg->green, fg->blue, 0.3);
  cairo_rectangle (cr, PAD, plot_h + 2, width - 2 * PAD, 1);
  cairo_fill (cr);
  draw_axis (self, cr, height, (GdkRGBA *) fg);
}

/* A node showing what @strength of the histogram draws, rasterised once:
 * a node of paths would be drawn again path by path at every frame. */
static GskRenderNode *
histogram_node (TriTimeline   *self,
                int            width,
                int            height,
                int            scale,
                double         strength,
                const GdkRGBA *fg,
                const GdkRGBA *accent)
{
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale,
                                                       height * scale);
  GskRenderNode *node = gsk_cairo_node_new (&GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_t *cr;

  cairo_surface_set_device_scale (image, scale, scale);
  cr = cairo_create (image);
  draw_histogram (self, cr, height, strength, fg, accent);
  cairo_destroy (cr);

  cr = gsk_cairo_node_get_draw_context (node);
  cairo_set_source_surface (cr, image, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (image);
  return node;
}

static void
ensure_histogram_nodes (TriTimeline   *self,
                        double         width,
                        double         height,
                        const GdkRGBA *fg,
                        const GdkRGBA *accent)
{
  int w = (int) ceil (width), h = (int) ceil (height);
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));

  if (self->shown_node != NULL && self->node_serial == self->serial &&
      self->node_width == w && self->node_height == h && self->node_scale == scale &&
      gdk_rgba_equal (&self->node_fg, fg) && gdk_rgba_equal (&self->node_accent, accent))
    return;

  g_clear_pointer (&self->shown_node, gsk_render_node_unref);
  g_clear_pointer (&self->faded_node, gsk_render_node_unref);
  self->shown_node = histogram_node (self, w, h, scale, 1.0, fg, accent);
  self->faded_node = histogram_node (self, w, h, scale, 0.35, fg, accent);
  self->node_serial = self->serial;
  self->node_width = w;
  self->node_height = h;
  self->node_scale = scale;
  self->node_fg = *fg;
  self->node_accent = *accent;
}

static void
append_clipped (GtkSnapshot   *snapshot,
                GskRenderNode *node,
                double         x,
                double         width,
                double         height)
{
  if (width <= 0)
    return;
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (x, 0, width, height));
  gtk_snapshot_append_node (snapshot, node);
  gtk_snapshot_pop (snapshot);
}

static void
tri_timeline_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  TriTimeline *self = TRI_TIMELINE (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  double plot_h = height - AXIS_HEIGHT - 4;
  GdkRGBA fg, accent, dim;
  cairo_t *cr;
  double rx0, rx1;

  if (width <= 2 * PAD || height <= AXIS_HEIGHT + 8)
    return;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  lookup_color (widget, "accent_color", &accent, "#3584e4");
  dim = fg;
  dim.alpha = 0.12f;

  if (self->extent_first == 0)
    {
      PangoLayout *layout = gtk_widget_create_pango_layout (widget, _("No dates yet"));
      int w, h;

      cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
      pango_layout_get_pixel_size (layout, &w, &h);
      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.55);
      cairo_move_to (cr, (width - w) / 2, (height - h) / 2);
      pango_cairo_show_layout (cr, layout);
      g_object_unref (layout);
      cairo_destroy (cr);
      return;
    }

  if (self->dirty)
    recompute (self);
  ensure_histogram_nodes (self, width, height, &fg, &accent);

  /* The range at full strength, the rest faded and dimmed, tile by
   * tile: a range change leaves the nodes of the tiles that the range's
   * ends do not cross as they were, so that GSK's diff redraws those
   * few tiles rather than the whole width */
  rx0 = CLAMP (day_to_x (self, self->range_first), 0, width);
  rx1 = CLAMP (day_to_x (self, self->range_last + 1), 0, width);
  for (double tx0 = 0; tx0 < width; tx0 += TILE_WIDTH)
    {
      double tx1 = MIN (width, tx0 + TILE_WIDTH);
      double a = CLAMP (rx0, tx0, tx1), b = CLAMP (rx1, tx0, tx1);

      append_clipped (snapshot, self->faded_node, tx0, a - tx0, height);
      append_clipped (snapshot, self->shown_node, a, b - a, height);
      append_clipped (snapshot, self->faded_node, b, tx1 - b, height);
      if (a > tx0)
        gtk_snapshot_append_color (snapshot, &dim, &GRAPHENE_RECT_INIT (tx0, 0, a - tx0, plot_h + 2));
      if (tx1 > b)
        gtk_snapshot_append_color (snapshot, &dim, &GRAPHENE_RECT_INIT (b, 0, tx1 - b, plot_h + 2));
    }

  /* Handles, those in view */
  for (int i = 0; i < 2; i++)
    {
      double x = floor (day_to_x (self, i == 0 ? self->range_first : self->range_last + 1));
      gboolean focused = gtk_widget_has_focus (widget) && (i == 1) == self->focus_end;
      double r = focused ? 7 : 5;
      GdkRGBA bar = fg, ring = { 1, 1, 1, 0.9f };
      GskRoundedRect knob, outer;
      float ring_width[4] = { 1.5f, 1.5f, 1.5f, 1.5f };
      GdkRGBA ring_colors[4] = { ring, ring, ring, ring };

      if (x < 0 || x > width)
        continue;
      bar.alpha = 0.8f;
      gtk_snapshot_append_color (snapshot, &bar, &GRAPHENE_RECT_INIT (x - 1, 0, 2, plot_h + 2));
      gsk_rounded_rect_init_from_rect (&knob, &GRAPHENE_RECT_INIT (x - r, plot_h / 2 - r, 2 * r, 2 * r), r);
      gtk_snapshot_push_rounded_clip (snapshot, &knob);
      gtk_snapshot_append_color (snapshot, &accent, &knob.bounds);
      gtk_snapshot_pop (snapshot);
      /* The outline straddles the edge, as the stroke did */
      gsk_rounded_rect_init_from_rect (&outer, &GRAPHENE_RECT_INIT (x - r - 0.75, plot_h / 2 - r - 0.75,
                                                                   2 * r + 1.5, 2 * r + 1.5), r + 0.75);
      gtk_snapshot_append_border (snapshot, &outer, ring_width, ring_colors);
    }
}

static void
tri_timeline_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 120;
      *natural = 600;
    }
  else
    {
      *minimum = 56;
      *natural = 80;
    }
}

static void
tri_timeline_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  TRI_TIMELINE (widget)->dirty = TRUE;
}

/* Input */

static void
drag_begin (GtkGestureDrag *gesture,
            double          x,
            double          y,
            TriTimeline    *self)
{
  double rx0 = day_to_x (self, self->range_first);
  double rx1 = day_to_x (self, self->range_last + 1);

  gtk_widget_grab_focus (GTK_WIDGET (self));
  self->drag_x = x;
  self->drag_first = self->range_first;
  self->drag_last = self->range_last;
  if (self->extent_first == 0)
    self->drag_what = 0;
  else if (fabs (x - rx0) <= HANDLE_GRAB)
    self->drag_what = 1;
  else if (fabs (x - rx1) <= HANDLE_GRAB)
    self->drag_what = 2;
  else if (x > rx0 && x < rx1)
    self->drag_what = 3;
  else
    {
      /* A click outside moves the nearer handle there. */
      guint32 day = (guint32) MAX (1.0, x_to_day (self, x));

      self->drag_what = fabs (x - rx0) < fabs (x - rx1) ? 1 : 2;
      if (self->drag_what == 1)
        set_range_internal (self, day, self->range_last, TRUE);
      else
        set_range_internal (self, self->range_first, day, TRUE);
      self->drag_first = self->range_first;
      self->drag_last = self->range_last;
    }
  self->focus_end = self->drag_what == 2;
}

static void
drag_update (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             TriTimeline    *self)
{
  double days = x_to_day (self, self->drag_x + dx) - x_to_day (self, self->drag_x);
  gint64 first = self->drag_first, last = self->drag_last;

  switch (self->drag_what)
    {
    case 1:
      first = MIN ((gint64) (self->drag_first + days), (gint64) self->range_last);
      break;
    case 2:
      last = MAX ((gint64) (self->drag_last + days), (gint64) self->range_first);
      break;
    case 3:
      days = CLAMP (days, (double) self->extent_first - self->drag_first,
                    (double) self->extent_last - self->drag_last);
      first += (gint64) days;
      last += (gint64) days;
      break;
    default:
      return;
    }
  set_range_internal (self, (guint32) MAX (1, first), (guint32) MAX (1, last), TRUE);
}

static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           TriTimeline              *self)
{
  double x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
  GdkEvent *event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (controller));
  double ex, ey;

  if (event != NULL && gdk_event_get_position (event, &ex, &ey))
    x = ex;
  if (dy == 0)
    return FALSE;
  tri_timeline_zoom (self, dy > 0 ? 1.25 : 0.8, x_to_day (self, x));
  return TRUE;
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                TriTimeline           *self)
{
  int dir = 0;

  if (self->dirty)
    recompute (self);
  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      dir = -1;
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      dir = 1;
      break;
    case GDK_KEY_plus:
    case GDK_KEY_equal:
    case GDK_KEY_KP_Add:
      tri_timeline_zoom (self, 0.8, (self->range_first + self->range_last) / 2.0);
      return TRUE;
    case GDK_KEY_minus:
    case GDK_KEY_KP_Subtract:
      tri_timeline_zoom (self, 1.25, (self->range_first + self->range_last) / 2.0);
      return TRUE;
    case GDK_KEY_Home:
      self->view_first = self->view_last = 0;
      {
        guint32 f = self->extent_first, l = self->extent_last;

        self->extent_first = self->extent_last = 0;
        tri_timeline_set_extent (self, f, l);
        set_range_internal (self, f, l, TRUE);
      }
      return TRUE;
    default:
      return FALSE;
    }

  if (state & GDK_CONTROL_MASK)
    tri_timeline_step (self, dir);
  else if (state & GDK_SHIFT_MASK)
    {
      self->focus_end = TRUE;
      set_range_internal (self, self->range_first,
                          MAX ((gint64) self->range_first, (gint64) self->range_last + dir * (gint64) self->unit),
                          TRUE);
    }
  else
    {
      self->focus_end = FALSE;
      set_range_internal (self,
                          MIN ((gint64) self->range_last, MAX (1, (gint64) self->range_first + dir * (gint64) self->unit)),
                          self->range_last, TRUE);
    }
  return TRUE;
}

/* GObject */

static void
tri_timeline_dispose (GObject *object)
{
  TriTimeline *self = (TriTimeline *)object;

  g_clear_handle_id (&self->play_source, g_source_remove);

  G_OBJECT_CLASS (tri_timeline_parent_class)->dispose (object);
}

static void
tri_timeline_finalize (GObject *object)
{
  TriTimeline *self = (TriTimeline *)object;

  g_clear_pointer (&self->events, g_array_unref);
  g_clear_pointer (&self->exact, g_array_unref);
  g_clear_pointer (&self->fuzzy, g_array_unref);
  g_clear_pointer (&self->shown_node, gsk_render_node_unref);
  g_clear_pointer (&self->faded_node, gsk_render_node_unref);

  G_OBJECT_CLASS (tri_timeline_parent_class)->finalize (object);
}

static void
tri_timeline_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  TriTimeline *self = TRI_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_RANGE_FIRST:
      g_value_set_uint (value, self->range_first);
      break;
    case PROP_RANGE_LAST:
      g_value_set_uint (value, self->range_last);
      break;
    case PROP_PLAYING:
      g_value_set_boolean (value, tri_timeline_get_playing (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tri_timeline_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  TriTimeline *self = TRI_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_PLAYING:
      tri_timeline_set_playing (self, g_value_get_boolean (value));
      break;
    case PROP_RANGE_FIRST:
    case PROP_RANGE_LAST:
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tri_timeline_class_init (TriTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tri_timeline_dispose;
  object_class->finalize = tri_timeline_finalize;
  object_class->get_property = tri_timeline_get_property;
  object_class->set_property = tri_timeline_set_property;

  widget_class->snapshot = tri_timeline_snapshot;
  widget_class->measure = tri_timeline_measure;
  widget_class->size_allocate = tri_timeline_size_allocate;
  widget_class->query_tooltip = tri_timeline_query_tooltip;

  properties [PROP_RANGE_FIRST] =
    g_param_spec_uint ("range-first", NULL, NULL, 0, G_MAXUINT32, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties [PROP_RANGE_LAST] =
    g_param_spec_uint ("range-last", NULL, NULL, 0, G_MAXUINT32, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties [PROP_PLAYING] =
    g_param_spec_boolean ("playing", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TriTimeline::range-changed:
   *
   * The selected range changed (by the user, playing or a setter).
   */
  signals [RANGE_CHANGED] =
    g_signal_new ("range-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_css_name (widget_class, "timeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_SLIDER);
}

static void
tri_timeline_init (TriTimeline *self)
{
  GtkGesture *drag;
  GtkEventController *scroll, *key;

  self->exact = g_array_new (FALSE, TRUE, sizeof (guint));
  self->fuzzy = g_array_new (FALSE, TRUE, sizeof (guint));
  self->dirty = TRUE;
  self->unit = 30;
  self->play_speed = 1.0;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);

  drag = gtk_gesture_drag_new ();
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);

  key = gtk_event_controller_key_new ();
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Time range"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Left and Right move the start, Shift with Left and Right moves the end, Control with Left and Right moves both"),
                                  -1);
}
