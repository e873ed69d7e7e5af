/* test-timeline.c
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "map-test-util.h"
#include "tri-claims-model.h"
#include "tri-timeline.h"

/* The timeline under Xvfb: what a range change redraws.  GSK redraws
 * what differs between two frames' nodes; a range change must leave the
 * nodes away from the range's ends as they were, or every frame of a
 * drag redraws the whole width. */

#define WIDTH 800

typedef struct
{
  GskRenderNodeType type;
  graphene_rect_t   bounds;
  graphene_rect_t   clip;       /* clip nodes */
  GskRenderNode    *child;      /* clip nodes */
  GdkRGBA           color;      /* color nodes */
} Drawn;

static GskRenderNode *
snapshot_widget (GtkWidget *widget)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  return gtk_snapshot_free_to_node (snapshot);
}

static GArray *
flatten (GskRenderNode *node)
{
  GArray *drawn = g_array_new (FALSE, TRUE, sizeof (Drawn));
  guint n = gsk_render_node_get_node_type (node) == GSK_CONTAINER_NODE
            ? gsk_container_node_get_n_children (node) : 1;

  for (guint i = 0; i < n; i++)
    {
      GskRenderNode *child = n == 1 && gsk_render_node_get_node_type (node) != GSK_CONTAINER_NODE
                             ? node : gsk_container_node_get_child (node, i);
      Drawn d = { gsk_render_node_get_node_type (child) };

      gsk_render_node_get_bounds (child, &d.bounds);
      if (d.type == GSK_CLIP_NODE)
        {
          d.clip = *gsk_clip_node_get_clip (child);
          d.child = gsk_clip_node_get_child (child);
        }
      else if (d.type == GSK_COLOR_NODE)
        d.color = *gsk_color_node_get_color (child);
      g_array_append_val (drawn, d);
    }

  return drawn;
}

/* The same drawing, as GSK's diff sees it: for clip nodes the same clip
 * around the very same child, for colour nodes the same colour in the
 * same place; the handles (rounded clips and borders) by where they are */
static gboolean
drawn_equal (const Drawn *a,
             const Drawn *b)
{
  if (a->type != b->type || !graphene_rect_equal (&a->bounds, &b->bounds))
    return FALSE;
  if (a->type == GSK_CLIP_NODE)
    return graphene_rect_equal (&a->clip, &b->clip) && a->child == b->child;
  if (a->type == GSK_COLOR_NODE)
    return gdk_rgba_equal (&a->color, &b->color);
  return TRUE;
}

/* How much of the width the nodes of @after that @before does not have
 * cover, in pixels: the union of their spans along x */
static double
changed_width (GArray *before,
               GArray *after)
{
  g_autofree gboolean *covered = g_new0 (gboolean, WIDTH);
  guint n = 0;

  for (guint i = 0; i < after->len; i++)
    {
      const Drawn *d = &g_array_index (after, Drawn, i);
      gboolean kept = FALSE;

      for (guint j = 0; j < before->len && !kept; j++)
        kept = drawn_equal (d, &g_array_index (before, Drawn, j));
      if (kept)
        continue;
      for (int x = MAX (0, (int) floor (d->bounds.origin.x));
           x < MIN (WIDTH, (int) ceil (d->bounds.origin.x + d->bounds.size.width)); x++)
        covered[x] = TRUE;
    }
  for (guint x = 0; x < WIDTH; x++)
    n += covered[x];

  return n;
}

static void
test_range_change_is_local (void)
{
  TriTimeline *timeline = TRI_TIMELINE (tri_timeline_new ());
  g_autoptr(GArray) events = g_array_new (FALSE, TRUE, sizeof (TriTimelineEvent));
  g_autoptr(GArray) before = NULL;
  g_autoptr(GArray) after = NULL;
  g_autoptr(GskRenderNode) node_before = NULL;
  g_autoptr(GskRenderNode) node_after = NULL;
  GtkWindow *window;
  GDate date;
  guint32 base;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, 1, 2006);
  base = g_date_get_julian (&date);

  /* Twenty years of claims, some every week */
  for (guint day = 0; day < 20 * 365; day += 7)
    {
      TriTimelineEvent event = { base + day, base + day, day % 5 == 0, day % 3, TRUE };

      g_array_append_val (events, event);
    }
  tri_timeline_set_extent (timeline, base, base + 20 * 365);
  tri_timeline_set_events (timeline, events);
  tri_timeline_set_range (timeline, base + 5 * 365, base + 8 * 365);

  window = map_test_window (GTK_WIDGET (timeline), WIDTH, 90);
  map_test_settle (GTK_WIDGET (window));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (timeline)), ==, WIDTH);

  node_before = snapshot_widget (GTK_WIDGET (timeline));
  before = flatten (node_before);

  /* A step of a drag: both ends move by a month */
  tri_timeline_set_range (timeline, base + 5 * 365 + 30, base + 8 * 365 + 30);
  map_test_settle (GTK_WIDGET (window));
  node_after = snapshot_widget (GTK_WIDGET (timeline));
  after = flatten (node_after);

  /* Two ends, each crossing at most into a neighbouring tile, with its
   * handle: far less than the 800 pixels of the whole width */
  g_assert_cmpfloat (changed_width (before, after), >, 0);
  g_assert_cmpfloat (changed_width (before, after), <=, 4 * 64 + 2 * 16);

  /* Nothing changed: nothing to redraw */
  g_clear_pointer (&before, g_array_unref);
  before = g_steal_pointer (&after);
  g_clear_pointer (&node_before, gsk_render_node_unref);
  node_before = g_steal_pointer (&node_after);
  node_after = snapshot_widget (GTK_WIDGET (timeline));
  after = flatten (node_after);
  g_assert_cmpfloat (changed_width (before, after), ==, 0);

  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  if (!map_test_init (&argc, &argv))
    return map_test_skip_status;

  g_test_add_func ("/app/timeline/range-change-is-local", test_range_change_is_local);

  return g_test_run ();
}
