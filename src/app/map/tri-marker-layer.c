/* tri-marker-layer.c
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-marker-layer"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tri-map-geo-private.h"
#include "tri-marker-layer.h"

/* Places with claims, drawn in one snapshot rather than one widget each
 * (libshumate 1.0 lays out every ShumateMarker on every frame).
 *
 * A marker is a ring split by the verdicts of its claims (corroborated,
 * conflicting, single source) around the number of claims; its size grows
 * with the logarithm of that number.  Markers are grouped on a grid of
 * CELL_SIZE pixels in world coordinates (so groups do not flicker while
 * the map is dragged), neighbouring groups that would overlap are merged,
 * and a group of more than one marker is drawn as a cluster bubble.
 * Markers that are always labelled, selected or focused never join a
 * cluster.  Only markers inside the widget (plus a margin) are visited
 * beyond one bounds check, so a frame costs O(markers) cheap arithmetic
 * plus O(visible bubbles) drawing.
 *
 * Each bubble's look (size, verdict arcs to 1/48 of a turn, cluster or
 * not, style) is drawn once with cairo into an image and reused; the
 * bubbles, numbers and names then go to the map as one cairo node (see
 * tri_marker_layer_snapshot()).
 * Names go right of their marker, or left, below or above, wherever they
 * cover no other bubble or name; the basemap asks for these rectangles
 * (tri_marker_layer_get_obstacles()) to keep its own labels clear, and the
 * layout is computed once per frame for both. */

#define CELL_SIZE  64.0
#define MAX_RADIUS 30.0

enum { VERDICT_CORROBORATED, VERDICT_CONFLICTING, VERDICT_SINGLE, N_VERDICTS };

/* What a frame needs of a marker, packed so that the pass over all of
 * them reads memory in order */
typedef struct
{
  double x, y;               /* normalized Mercator */
  guint  counts[N_VERDICTS];
  guint  always_label;
} MarkerPos;

/* A marker's id and name, interned: a caller that passes interned
 * strings again (the window does) is recognised by pointer, without
 * reading strings scattered over memory */
typedef struct
{
  const char *id;
  const char *name;
} MarkerKey;

typedef struct
{
  double wx, wy;     /* sums of world coordinates */
  guint  n_markers;
  guint  first;      /* a marker of the group */
  guint  counts[N_VERDICTS];
  int    cell;
  int    merged_into;
} Group;

typedef struct
{
  float  px, py, r;
  int    marker;     /* -1: a cluster */
  guint  n_markers;
  guint  counts[N_VERDICTS];
  double wx, wy;     /* centre in world pixels */
  guint  total;
  guint  priority;
  gboolean named;    /* its name is drawn, at lx, ly */
  float  lx, ly;     /* top-left corner of the name */
} Item;

typedef struct
{
  double zoom, lat, lon, rotation, width, height;
  guint  generation;
} FrameKey;

struct _TriMarkerLayer
{
  ShumateLayer  parent_instance;

  GPtrArray    *markers;     /* TriMapMarker */
  GArray       *positions;   /* MarkerPos */
  GArray       *keys;        /* MarkerKey, parallel to markers */
  GHashTable   *count_layouts;
  GHashTable   *name_layouts; /* marker index → PangoLayout */
  GHashTable   *sprites;      /* sprite key → cairo image surface */

  /* Scratch for one frame, and what it drew (for hit tests) */
  GArray       *grid;
  GArray       *groups;
  GArray       *items;
  GArray       *obstacles;   /* graphene_rect_t: bubbles and names */
  TriMapTransform transform;
  FrameKey      key;
  guint         generation;
  gboolean      items_valid;

  int           selected;
  int           focused;
  guint         n_clusters;
  int           sprite_scale;
  guint         show_focus : 1;
  guint         dark : 1;
};

G_DEFINE_FINAL_TYPE (TriMarkerLayer, tri_marker_layer, SHUMATE_TYPE_LAYER)

/**
 * tri_marker_verdict_color:
 * @verdict: 0 corroborated, 1 conflicting, 2 single source
 * @dark: whether for the dark style
 * @color: (out): the colour
 *
 * Gets the colour that the map gives a verdict, for legends.
 */
void
tri_marker_verdict_color (guint     verdict,
                          gboolean  dark,
                          GdkRGBA  *color)
{
  static const GdkRGBA light_colors[N_VERDICTS] = {
    { 0.149f, 0.635f, 0.412f, 1.f }, /* #26a269 */
    { 0.878f, 0.106f, 0.141f, 1.f }, /* #e01b24 */
    { 0.467f, 0.463f, 0.482f, 1.f }, /* #77767b */
  };
  static const GdkRGBA dark_colors[N_VERDICTS] = {
    { 0.200f, 0.820f, 0.478f, 1.f }, /* #33d17a */
    { 0.965f, 0.380f, 0.318f, 1.f }, /* #f66151 */
    { 0.604f, 0.600f, 0.588f, 1.f }, /* #9a9996 */
  };

  g_return_if_fail (verdict < N_VERDICTS);
  g_return_if_fail (color != NULL);

  *color = dark ? dark_colors[verdict] : light_colors[verdict];
}

static inline double
radius_for (guint total)
{
  return CLAMP (8.0 + 3.0 * log2 (1.0 + total), 9.0, MAX_RADIUS);
}

static PangoLayout *
count_layout (TriMarkerLayer *self,
              guint           total)
{
  PangoLayout *layout;
  PangoAttrList *attrs;
  char text[16];

  layout = g_hash_table_lookup (self->count_layouts, GUINT_TO_POINTER (total));
  if (layout != NULL)
    return layout;

  if (g_hash_table_size (self->count_layouts) > 1024)
    g_hash_table_remove_all (self->count_layouts);

  if (total < 10000)
    g_snprintf (text, sizeof text, "%u", total);
  else
    g_snprintf (text, sizeof text, "%uk", total / 1000);

  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  attrs = pango_attr_list_new ();
  pango_attr_list_insert (attrs, pango_attr_size_new ((total < 100 ? 9 : 8) * PANGO_SCALE));
  pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  g_hash_table_insert (self->count_layouts, GUINT_TO_POINTER (total), layout);

  return layout;
}

static PangoLayout *
name_layout (TriMarkerLayer *self,
             guint           index)
{
  const TriMapMarker *marker = g_ptr_array_index (self->markers, index);
  PangoLayout *layout;
  PangoAttrList *attrs;

  layout = g_hash_table_lookup (self->name_layouts, GUINT_TO_POINTER (index));
  if (layout != NULL)
    return layout;

  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self),
                                           marker->name ? marker->name : marker->id);
  attrs = pango_attr_list_new ();
  pango_attr_list_insert (attrs, pango_attr_size_new (10 * PANGO_SCALE));
  pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  g_hash_table_insert (self->name_layouts, GUINT_TO_POINTER (index), layout);

  return layout;
}

static void
drop_layouts (TriMarkerLayer *self)
{
  g_hash_table_remove_all (self->count_layouts);
  g_hash_table_remove_all (self->name_layouts);
}

/* Grouping */

static inline void
group_add (Group           *group,
           const MarkerPos *pos,
           double           wx,
           double           wy)
{
  group->wx += wx;
  group->wy += wy;
  group->n_markers++;
  group->counts[VERDICT_CORROBORATED] += pos->counts[VERDICT_CORROBORATED];
  group->counts[VERDICT_CONFLICTING] += pos->counts[VERDICT_CONFLICTING];
  group->counts[VERDICT_SINGLE] += pos->counts[VERDICT_SINGLE];
}

static void
group_merge (Group *into,
             Group *from)
{
  into->wx += from->wx;
  into->wy += from->wy;
  into->n_markers += from->n_markers;
  for (guint v = 0; v < N_VERDICTS; v++)
    into->counts[v] += from->counts[v];
  from->n_markers = 0;
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const Item *ia = a, *ib = b;

  if (ia->priority != ib->priority)
    return ia->priority < ib->priority ? -1 : 1;
  if (ia->total != ib->total)
    return ia->total < ib->total ? -1 : 1;
  return ia->marker < ib->marker ? -1 : (ia->marker > ib->marker);
}

static void
add_item (TriMarkerLayer *self,
          double          wx,
          double          wy,
          int             marker,
          guint           n_markers,
          const guint    *counts)
{
  Item item = { 0 };
  double px, py;

  tri_map_transform_world (&self->transform, wx, wy, &px, &py);
  item.px = px;
  item.py = py;
  item.marker = marker;
  item.n_markers = n_markers;
  item.wx = wx;
  item.wy = wy;
  for (guint v = 0; v < N_VERDICTS; v++)
    {
      item.counts[v] = counts[v];
      item.total += counts[v];
    }
  item.r = radius_for (item.total) + (marker < 0 ? 3.0 : 0.0);

  if (marker >= 0)
    {
      const TriMapMarker *m = g_ptr_array_index (self->markers, marker);

      if (marker == self->focused)
        item.priority = 4;
      else if (marker == self->selected)
        item.priority = 3;
      else if (m->always_label)
        item.priority = 2;
      else
        item.priority = 1;
    }

  g_array_append_val (self->items, item);
}

static void
compute_items (TriMarkerLayer *self,
               double          width,
               double          height)
{
  TriMapTransform *t = &self->transform;
  double vx0, vy0, vx1, vy1;
  int gx0, gy0, cols, rows;

  g_array_set_size (self->items, 0);
  g_array_set_size (self->groups, 0);
  self->n_clusters = 0;

  if (self->markers->len == 0)
    return;

  tri_map_transform_visible (t, MAX_RADIUS + 8, &vx0, &vy0, &vx1, &vy1);
  gx0 = (int) floor (vx0 / CELL_SIZE);
  gy0 = (int) floor (vy0 / CELL_SIZE);
  cols = (int) floor (vx1 / CELL_SIZE) - gx0 + 1;
  rows = (int) floor (vy1 / CELL_SIZE) - gy0 + 1;
  g_array_set_size (self->grid, cols * rows);
  memset (self->grid->data, 0xff, sizeof (int) * cols * rows);

  for (guint i = 0; i < self->markers->len; i++)
    {
      const MarkerPos *pos = &g_array_index (self->positions, MarkerPos, i);
      double wx = pos->x * t->world;
      double wy = pos->y * t->world;
      int cell, *slot;
      Group *group;

      if (wx < vx0 || wx > vx1 || wy < vy0 || wy > vy1)
        continue;

      if (pos->always_label || (int) i == self->selected || (int) i == self->focused)
        {
          add_item (self, wx, wy, i, 1, pos->counts);
          continue;
        }

      cell = ((int) floor (wy / CELL_SIZE) - gy0) * cols + ((int) floor (wx / CELL_SIZE) - gx0);
      if (cell < 0 || cell >= cols * rows)
        continue;

      slot = &g_array_index (self->grid, int, cell);
      if (*slot < 0)
        {
          Group new_group = { 0 };

          new_group.first = i;
          new_group.cell = cell;
          new_group.merged_into = -1;
          *slot = self->groups->len;
          g_array_append_val (self->groups, new_group);
        }

      group = &g_array_index (self->groups, Group, *slot);
      group_add (group, pos, wx, wy);
    }

  /* Merge groups whose bubbles would overlap, a few passes since merged
   * groups move; the grid bounds their number by the widget's area */
  for (guint pass = 0; pass < 4; pass++)
    {
      gboolean merged = FALSE;

      for (guint g = 0; g < self->groups->len; g++)
        {
          Group *group = &g_array_index (self->groups, Group, g);
          double gx, gy, gr;

          if (group->n_markers == 0)
            continue;

          gx = group->wx / group->n_markers;
          gy = group->wy / group->n_markers;
          gr = radius_for (group->counts[0] + group->counts[1] + group->counts[2]) +
               (group->n_markers > 1 ? 3.0 : 0.0);

          for (guint h = g + 1; h < self->groups->len; h++)
            {
              Group *other = &g_array_index (self->groups, Group, h);
              double dx, dy, reach;

              if (other->n_markers == 0)
                continue;

              dx = gx - other->wx / other->n_markers;
              dy = gy - other->wy / other->n_markers;
              if (fabs (dx) > 2 * MAX_RADIUS + 6 || fabs (dy) > 2 * MAX_RADIUS + 6)
                continue;

              reach = gr + radius_for (other->counts[0] + other->counts[1] + other->counts[2]) +
                      (other->n_markers > 1 ? 3.0 : 0.0);
              if (dx * dx + dy * dy < reach * reach)
                {
                  group_merge (group, other);
                  gx = group->wx / group->n_markers;
                  gy = group->wy / group->n_markers;
                  gr = radius_for (group->counts[0] + group->counts[1] + group->counts[2]) + 3.0;
                  merged = TRUE;
                }
            }
        }

      if (!merged)
        break;
    }

  for (guint g = 0; g < self->groups->len; g++)
    {
      const Group *group = &g_array_index (self->groups, Group, g);

      if (group->n_markers == 0)
        continue;

      if (group->n_markers == 1)
        {
          add_item (self, group->wx, group->wy, group->first, 1, group->counts);
        }
      else
        {
          add_item (self, group->wx / group->n_markers, group->wy / group->n_markers,
                    -1, group->n_markers, group->counts);
          self->n_clusters++;
        }
    }

  g_array_sort (self->items, compare_items);
}

static void
invalidate (TriMarkerLayer *self)
{
  self->generation++;
  self->items_valid = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
rect_hits_items (TriMarkerLayer        *self,
                 const graphene_rect_t *rect,
                 guint                  except)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      const Item *item = &g_array_index (self->items, Item, i);
      double nx, ny;

      if (i == except)
        continue;

      /* Distance from the circle's centre to the rectangle */
      nx = CLAMP (item->px, rect->origin.x, rect->origin.x + rect->size.width);
      ny = CLAMP (item->py, rect->origin.y, rect->origin.y + rect->size.height);
      if ((nx - item->px) * (nx - item->px) + (ny - item->py) * (ny - item->py) < item->r * item->r)
        return TRUE;
    }

  return FALSE;
}

/* Puts each name on the right of its marker, or else on the left, below or
 * above, wherever it covers no other bubble and no other name. */
static void
place_labels (TriMarkerLayer *self)
{
  g_array_set_size (self->obstacles, 0);

  for (guint i = self->items->len; i > 0; i--)
    {
      Item *item = &g_array_index (self->items, Item, i - 1);
      PangoLayout *layout;
      PangoRectangle logical;
      graphene_rect_t candidates[4];
      guint chosen = 0;
      double w, h;

      if (item->priority < 2)
        continue;

      layout = name_layout (self, item->marker);
      pango_layout_get_pixel_extents (layout, NULL, &logical);
      w = logical.width;
      h = logical.height;

      graphene_rect_init (&candidates[0], item->px + item->r + 4, item->py - h / 2, w, h);
      graphene_rect_init (&candidates[1], item->px - item->r - 4 - w, item->py - h / 2, w, h);
      graphene_rect_init (&candidates[2], item->px - w / 2, item->py + item->r + 2, w, h);
      graphene_rect_init (&candidates[3], item->px - w / 2, item->py - item->r - 2 - h, w, h);

      item->named = FALSE;
      for (guint c = 0; c < G_N_ELEMENTS (candidates); c++)
        {
          gboolean free = !rect_hits_items (self, &candidates[c], i - 1);

          for (guint k = 0; free && k < self->obstacles->len; k++)
            free = !graphene_rect_intersection (&g_array_index (self->obstacles, graphene_rect_t, k),
                                                &candidates[c], NULL);
          if (free)
            {
              chosen = c;
              item->named = TRUE;
              break;
            }
        }

      /* A name with no free place would be unreadable and hide another:
       * leave it to the tooltip, unless the researcher picked the marker */
      if (!item->named && item->priority < 3)
        continue;
      item->named = TRUE;
      item->lx = candidates[chosen].origin.x;
      item->ly = candidates[chosen].origin.y;
      g_array_append_val (self->obstacles, candidates[chosen]);
    }

  for (guint i = 0; i < self->items->len; i++)
    {
      const Item *item = &g_array_index (self->items, Item, i);
      graphene_rect_t rect = GRAPHENE_RECT_INIT (item->px - item->r, item->py - item->r,
                                                 2 * item->r, 2 * item->r);

      g_array_append_val (self->obstacles, rect);
    }
}

/* Groups and places the markers for the viewport as it is now, unless
 * that was done already for this frame. */
static gboolean
ensure_items (TriMarkerLayer *self,
              double          width,
              double          height)
{
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  FrameKey key;

  if (!tri_map_transform_init (&self->transform, viewport, width, height))
    {
      g_array_set_size (self->items, 0);
      g_array_set_size (self->obstacles, 0);
      self->n_clusters = 0;
      self->items_valid = FALSE;
      return FALSE;
    }

  /* Compared with memcmp: the padding must be zero too */
  memset (&key, 0, sizeof key);
  key.zoom = self->transform.zoom;
  key.lat = shumate_location_get_latitude (SHUMATE_LOCATION (viewport));
  key.lon = shumate_location_get_longitude (SHUMATE_LOCATION (viewport));
  key.rotation = shumate_viewport_get_rotation (viewport);
  key.width = width;
  key.height = height;
  key.generation = self->generation;

  if (self->items_valid && memcmp (&key, &self->key, sizeof key) == 0)
    return TRUE;

  compute_items (self, width, height);
  place_labels (self);
  self->key = key;
  self->items_valid = TRUE;

  return TRUE;
}

/**
 * tri_marker_layer_get_obstacles:
 * @self: a #TriMarkerLayer
 * @width: the layer's width
 * @height: the layer's height
 *
 * Where this frame's bubbles and names go, so that the basemap can keep
 * its own labels clear of them.
 *
 * Returns: (transfer none) (element-type graphene_rect_t): rectangles in
 *   the layer's coordinates
 */
GArray *
tri_marker_layer_get_obstacles (TriMarkerLayer *self,
                                double          width,
                                double          height)
{
  g_return_val_if_fail (TRI_IS_MARKER_LAYER (self), NULL);

  ensure_items (self, width, height);

  return self->obstacles;
}

/* Drawing */

static void
stroke_circle (cairo_t       *cr,
               double         x,
               double         y,
               double         r,
               double         width,
               const GdkRGBA *color)
{
  cairo_new_path (cr);
  cairo_arc (cr, x, y, r - width / 2, 0, 2 * G_PI);
  cairo_set_line_width (cr, width);
  gdk_cairo_set_source_rgba (cr, color);
  cairo_stroke (cr);
}

/* The look of a bubble, as a key: its radius, whether a cluster, the
 * style, and where the verdicts' arcs end, in 1/48 of a turn */
static gint64
sprite_key (TriMarkerLayer *self,
            const Item     *item)
{
  gint64 key = (gint64) lround (item->r);
  guint a = 0, b = 0;

  if (item->total > 0)
    {
      a = (guint) lround (48.0 * item->counts[VERDICT_CORROBORATED] / item->total);
      b = (guint) lround (48.0 * (item->counts[VERDICT_CORROBORATED] +
                                  item->counts[VERDICT_CONFLICTING]) / item->total);
      /* Keep a sliver of every verdict that is there */
      if (item->counts[VERDICT_CORROBORATED] > 0)
        a = MAX (a, 1);
      if (item->counts[VERDICT_CONFLICTING] > 0)
        b = MAX (b, a + 1);
      if (item->counts[VERDICT_SINGLE] > 0)
        b = MIN (b, 47);
      else
        b = 48;
    }

  key = (key << 8) | a;
  key = (key << 8) | b;
  key = (key << 1) | (item->total == 0);
  key = (key << 1) | (item->marker < 0);
  key = (key << 1) | self->dark;

  return key;
}

static void
draw_sprite_ring (TriMarkerLayer *self,
                  cairo_t        *cr,
                  double          c,
                  double          r,
                  double          width,
                  const guint    *ends,
                  gboolean        empty,
                  double          alpha)
{
  double start = 0;

  cairo_set_line_width (cr, width);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);

  for (guint v = 0; v < N_VERDICTS; v++)
    {
      GdkRGBA color;
      double end = empty ? (v == VERDICT_SINGLE ? 48 : 0) : ends[v];

      if (end <= start)
        continue;

      tri_marker_verdict_color (v, self->dark, &color);
      color.alpha *= alpha;
      gdk_cairo_set_source_rgba (cr, &color);
      cairo_new_path (cr);
      cairo_arc (cr, c, c, r - width / 2,
                 -G_PI / 2 + 2 * G_PI * start / 48, -G_PI / 2 + 2 * G_PI * end / 48);
      cairo_stroke (cr);
      start = end;
    }
}

static cairo_surface_t *
bubble_sprite (TriMarkerLayer *self,
               const Item     *item,
               const GdkRGBA  *surface_color,
               const GdkRGBA  *outline,
               const GdkRGBA  *shadow)
{
  gint64 key = sprite_key (self, item);
  cairo_surface_t *surface;
  cairo_t *cr;
  guint ends[N_VERDICTS];
  gboolean empty = item->total == 0;
  double r = lround (item->r);
  double ring = MAX (3.5, r * 0.3);
  double c;
  int size, pixels;

  surface = g_hash_table_lookup (self->sprites, &key);
  if (surface != NULL)
    return surface;

  if (g_hash_table_size (self->sprites) > 2048)
    g_hash_table_remove_all (self->sprites);

  ends[VERDICT_CORROBORATED] = (key >> 11) & 0xff;
  ends[VERDICT_CONFLICTING] = (key >> 3) & 0xff;
  ends[VERDICT_SINGLE] = 48;

  size = 2 * (int) ceil (r + 3);
  pixels = size * self->sprite_scale;
  c = size / 2.0;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pixels, pixels);
  cairo_surface_set_device_scale (surface, self->sprite_scale, self->sprite_scale);
  cr = cairo_create (surface);

  /* Shadow, then the disc and its ring */
  cairo_arc (cr, c, c + 1.0, r + 1.0, 0, 2 * G_PI);
  gdk_cairo_set_source_rgba (cr, shadow);
  cairo_fill (cr);

  if (item->marker < 0)
    {
      /* A cluster: a pale halo in the colours of its mix */
      draw_sprite_ring (self, cr, c, r, 3.0, ends, empty, 0.4);
      r -= 3.0;
      ring = MAX (3.5, r * 0.3);
    }

  cairo_new_path (cr);
  cairo_arc (cr, c, c, r, 0, 2 * G_PI);
  gdk_cairo_set_source_rgba (cr, surface_color);
  cairo_fill (cr);
  draw_sprite_ring (self, cr, c, r, ring, ends, empty, 1.0);

  cairo_new_path (cr);
  cairo_arc (cr, c, c, r, 0, 2 * G_PI);
  cairo_set_line_width (cr, 1.0);
  gdk_cairo_set_source_rgba (cr, outline);
  cairo_stroke (cr);

  cairo_destroy (cr);
  cairo_surface_flush (surface);

  g_hash_table_insert (self->sprites, g_memdup2 (&key, sizeof key), surface);

  return surface;
}

/* Text with a halo: the layout drawn around itself in the halo colour, then
 * on top (cheaper than a blurred shadow) */
static void
show_text (cairo_t       *cr,
           PangoLayout   *layout,
           double         x,
           double         y,
           const GdkRGBA *color,
           const GdkRGBA *halo)
{
  static const double offsets[8][2] = {
    { -1, -1 }, { 0, -1 }, { 1, -1 }, { -1, 0 }, { 1, 0 }, { -1, 1 }, { 0, 1 }, { 1, 1 },
  };

  x = round (x);
  y = round (y);

  if (halo != NULL)
    {
      gdk_cairo_set_source_rgba (cr, halo);
      for (guint i = 0; i < G_N_ELEMENTS (offsets); i++)
        {
          cairo_move_to (cr, x + offsets[i][0], y + offsets[i][1]);
          pango_cairo_show_layout (cr, layout);
        }
    }

  gdk_cairo_set_source_rgba (cr, color);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

typedef struct
{
  GdkRGBA surface, outline, text, halo, accent, shadow;
} MarkerColors;

static void
marker_colors (TriMarkerLayer *self,
               MarkerColors   *colors)
{
  if (self->dark)
    {
      colors->surface = (GdkRGBA) { 0.188f, 0.188f, 0.188f, 1.f };
      colors->outline = (GdkRGBA) { 0.118f, 0.118f, 0.118f, 0.9f };
      colors->text = (GdkRGBA) { 1.f, 1.f, 1.f, 1.f };
      colors->halo = (GdkRGBA) { 0.118f, 0.118f, 0.118f, 0.6f };
      colors->accent = (GdkRGBA) { 0.471f, 0.682f, 0.929f, 1.f }; /* #78aeed */
      colors->shadow = (GdkRGBA) { 0.f, 0.f, 0.f, 0.45f };
    }
  else
    {
      colors->surface = (GdkRGBA) { 1.f, 1.f, 1.f, 1.f };
      colors->outline = (GdkRGBA) { 1.f, 1.f, 1.f, 0.95f };
      colors->text = (GdkRGBA) { 0.141f, 0.122f, 0.192f, 1.f };
      colors->halo = (GdkRGBA) { 1.f, 1.f, 1.f, 0.6f };
      colors->accent = (GdkRGBA) { 0.208f, 0.518f, 0.894f, 1.f }; /* #3584e4 */
      colors->shadow = (GdkRGBA) { 0.f, 0.f, 0.f, 0.18f };
    }
}

/* What the markers cover: the bubbles with their rings of selection and
 * focus, and the names with their halos */
static gboolean
markers_extent (TriMarkerLayer  *self,
                graphene_rect_t *extent)
{
  gboolean any = FALSE;

  for (guint i = 0; i < self->items->len; i++)
    {
      const Item *item = &g_array_index (self->items, Item, i);
      double half = ceil (item->r + 3) + 1 + (item->marker >= 0 ? 8.0 : 0.0);
      graphene_rect_t rect = GRAPHENE_RECT_INIT (round (item->px) - half, round (item->py) - half,
                                                 2 * half, 2 * half);

      if (item->priority >= 2 && item->named)
        {
          PangoRectangle logical;
          graphene_rect_t name;

          pango_layout_get_pixel_extents (name_layout (self, item->marker), NULL, &logical);
          graphene_rect_init (&name, round (item->lx) - 2, round (item->ly) - 2,
                              logical.width + 4, logical.height + 4);
          graphene_rect_union (&rect, &name, &rect);
        }

      if (any)
        graphene_rect_union (extent, &rect, extent);
      else
        *extent = rect;
      any = TRUE;
    }

  return any;
}

static void
draw_markers (TriMarkerLayer *self,
              cairo_t        *cr)
{
  MarkerColors colors;

  marker_colors (self, &colors);

  /* The bubbles, each with its number, so that a bubble drawn over
   * another hides that one's number rather than mixing the digits */
  for (guint i = 0; i < self->items->len; i++)
    {
      const Item *item = &g_array_index (self->items, Item, i);
      cairo_surface_t *sprite = bubble_sprite (self, item, &colors.surface, &colors.outline, &colors.shadow);
      double size = (double) cairo_image_surface_get_width (sprite) / self->sprite_scale;
      PangoLayout *layout = count_layout (self, item->total);
      PangoRectangle logical;

      cairo_set_source_surface (cr, sprite, round (item->px) - size / 2, round (item->py) - size / 2);
      cairo_paint (cr);

      if (item->marker >= 0 && item->marker == self->selected)
        stroke_circle (cr, round (item->px), round (item->py), item->r + 4.0, 2.5, &colors.accent);
      if (item->marker >= 0 && item->marker == self->focused && self->show_focus)
        stroke_circle (cr, round (item->px), round (item->py), item->r + 7.5, 2.0, &colors.accent);

      pango_layout_get_pixel_extents (layout, NULL, &logical);
      show_text (cr, layout,
                 item->px - logical.width / 2.0 - logical.x,
                 item->py - logical.height / 2.0 - logical.y,
                 &colors.text, NULL);
    }

  /* Names of the places that are always labelled, selected or focused */
  for (guint i = 0; i < self->items->len; i++)
    {
      const Item *item = &g_array_index (self->items, Item, i);

      if (item->priority < 2 || !item->named)
        continue;

      show_text (cr, name_layout (self, item->marker), item->lx, item->ly,
                 item->marker == self->selected ? &colors.accent : &colors.text, &colors.halo);
    }
}

/* The markers go to the map as one cairo node the size of their extent,
 * drawn straight with cairo from sprites kept as image surfaces.  When
 * the range changes every bubble's count changes with it; as nodes of
 * their own, the bubbles and numbers scattered over the map made more
 * rectangles than GSK's diff keeps (30), and it gave up and drew the
 * whole window part again; as textures, each was converted again on
 * every frame by the cairo renderer.  One node is one rectangle. */
static void
tri_marker_layer_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  TriMarkerLayer *self = (TriMarkerLayer *) widget;
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  int scale = gtk_widget_get_scale_factor (widget);
  graphene_rect_t extent;
  cairo_t *cr;

  if (!ensure_items (self, width, height) || self->items->len == 0)
    return;

  if (scale != self->sprite_scale)
    {
      g_hash_table_remove_all (self->sprites);
      self->sprite_scale = scale;
    }

  if (!markers_extent (self, &extent) ||
      !graphene_rect_intersection (&extent, &GRAPHENE_RECT_INIT (0, 0, width, height), &extent))
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &extent);
  draw_markers (self, cr);
  cairo_destroy (cr);
}

static void
tri_marker_layer_css_changed (GtkWidget         *widget,
                              GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (tri_marker_layer_parent_class)->css_changed (widget, change);

  drop_layouts (TRI_MARKER_LAYER (widget));
  invalidate (TRI_MARKER_LAYER (widget));
}

static gboolean
tri_marker_layer_query_tooltip (GtkWidget  *widget,
                                int         x,
                                int         y,
                                gboolean    keyboard_mode,
                                GtkTooltip *tooltip)
{
  TriMarkerLayer *self = TRI_MARKER_LAYER (widget);
  g_autofree char *text = NULL;
  const Item *item = NULL;

  if (keyboard_mode)
    {
      for (guint i = 0; i < self->items->len && self->focused >= 0; i++)
        if (g_array_index (self->items, Item, i).marker == self->focused)
          item = &g_array_index (self->items, Item, i);
    }
  else
    {
      for (guint i = self->items->len; i > 0; i--)
        {
          const Item *it = &g_array_index (self->items, Item, i - 1);
          double dx = x - it->px, dy = y - it->py;

          if (dx * dx + dy * dy <= (it->r + 2) * (it->r + 2))
            {
              item = it;
              break;
            }
        }
    }

  if (item == NULL)
    return FALSE;

  if (item->marker >= 0)
    {
      const TriMapMarker *marker = g_ptr_array_index (self->markers, item->marker);

      /* Translators: a place on the map, then its claims by verdict */
      text = g_strdup_printf (_("%s\n%u corroborated · %u conflicting · %u single source"),
                              marker->name ? marker->name : marker->id,
                              item->counts[VERDICT_CORROBORATED],
                              item->counts[VERDICT_CONFLICTING],
                              item->counts[VERDICT_SINGLE]);
    }
  else
    {
      g_autofree char *places = NULL;

      places = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u place", "%u places",
                                             item->n_markers),
                                item->n_markers);
      /* Translators: a group of places on the map, then its claims by verdict */
      text = g_strdup_printf (_("%s\n%u corroborated · %u conflicting · %u single source\nClick to zoom in"),
                              places,
                              item->counts[VERDICT_CORROBORATED],
                              item->counts[VERDICT_CONFLICTING],
                              item->counts[VERDICT_SINGLE]);
    }

  gtk_tooltip_set_text (tooltip, text);

  return TRUE;
}

static void
on_viewport_changed (TriMarkerLayer *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
tri_marker_layer_constructed (GObject *object)
{
  TriMarkerLayer *self = (TriMarkerLayer *)object;
  ShumateViewport *viewport;

  G_OBJECT_CLASS (tri_marker_layer_parent_class)->constructed (object);

  viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  if (viewport != NULL)
    {
      g_signal_connect_object (viewport, "notify::latitude",
                               G_CALLBACK (on_viewport_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (viewport, "notify::longitude",
                               G_CALLBACK (on_viewport_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (viewport, "notify::zoom-level",
                               G_CALLBACK (on_viewport_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (viewport, "notify::rotation",
                               G_CALLBACK (on_viewport_changed), self, G_CONNECT_SWAPPED);
    }
}

static void
tri_marker_layer_dispose (GObject *object)
{
  TriMarkerLayer *self = (TriMarkerLayer *)object;

  g_clear_pointer (&self->count_layouts, g_hash_table_unref);
  g_clear_pointer (&self->sprites, g_hash_table_unref);
  g_clear_pointer (&self->name_layouts, g_hash_table_unref);

  G_OBJECT_CLASS (tri_marker_layer_parent_class)->dispose (object);
}

static void
tri_marker_layer_finalize (GObject *object)
{
  TriMarkerLayer *self = (TriMarkerLayer *)object;

  g_clear_pointer (&self->markers, g_ptr_array_unref);
  g_clear_pointer (&self->positions, g_array_unref);
  g_clear_pointer (&self->keys, g_array_unref);
  g_clear_pointer (&self->grid, g_array_unref);
  g_clear_pointer (&self->groups, g_array_unref);
  g_clear_pointer (&self->items, g_array_unref);
  g_clear_pointer (&self->obstacles, g_array_unref);

  G_OBJECT_CLASS (tri_marker_layer_parent_class)->finalize (object);
}

static void
tri_marker_layer_class_init (TriMarkerLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = tri_marker_layer_constructed;
  object_class->dispose = tri_marker_layer_dispose;
  object_class->finalize = tri_marker_layer_finalize;

  widget_class->snapshot = tri_marker_layer_snapshot;
  widget_class->css_changed = tri_marker_layer_css_changed;
  widget_class->query_tooltip = tri_marker_layer_query_tooltip;

  gtk_widget_class_set_css_name (widget_class, "tri-marker-layer");
}

static void
tri_marker_layer_init (TriMarkerLayer *self)
{
  self->markers = g_ptr_array_new_with_free_func ((GDestroyNotify) tri_map_marker_free);
  self->keys = g_array_new (FALSE, TRUE, sizeof (MarkerKey));
  self->positions = g_array_new (FALSE, FALSE, sizeof (MarkerPos));
  self->count_layouts = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  self->sprites = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                         (GDestroyNotify) cairo_surface_destroy);
  self->name_layouts = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  self->grid = g_array_new (FALSE, FALSE, sizeof (int));
  self->groups = g_array_new (FALSE, FALSE, sizeof (Group));
  self->items = g_array_new (FALSE, FALSE, sizeof (Item));
  self->obstacles = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  self->selected = -1;
  self->focused = -1;

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
}

/**
 * tri_marker_layer_new:
 * @viewport: the map's viewport
 *
 * Returns: (transfer full): a new #TriMarkerLayer
 */
TriMarkerLayer *
tri_marker_layer_new (ShumateViewport *viewport)
{
  g_return_val_if_fail (SHUMATE_IS_VIEWPORT (viewport), NULL);

  return g_object_new (TRI_TYPE_MARKER_LAYER,
                       "viewport", viewport,
                       NULL);
}

/**
 * tri_marker_layer_set_markers:
 * @self: a #TriMarkerLayer
 * @markers: (nullable) (element-type TriMapMarker) (transfer none): the markers
 *
 * Replaces the markers with copies of @markers.  Selection and focus are
 * kept when their place is still there.
 */
void
tri_marker_layer_set_markers (TriMarkerLayer *self,
                              GPtrArray      *markers)
{
  g_autofree char *selected_id = NULL;
  g_autofree char *focused_id = NULL;
  guint n = markers ? markers->len : 0;

  g_return_if_fail (TRI_IS_MARKER_LAYER (self));

  if (self->selected >= 0)
    selected_id = g_strdup (((TriMapMarker *) g_ptr_array_index (self->markers, self->selected))->id);
  if (self->focused >= 0)
    focused_id = g_strdup (((TriMapMarker *) g_ptr_array_index (self->markers, self->focused))->id);

  /* A range change mostly changes counts: keep the copies (and the name
   * layouts) of markers that stay at their index */
  for (guint i = n; i < self->markers->len; i++)
    g_hash_table_remove (self->name_layouts, GUINT_TO_POINTER (i));
  if (self->markers->len > n)
    g_ptr_array_set_size (self->markers, n);
  g_array_set_size (self->positions, n);
  g_array_set_size (self->keys, n);

  for (guint i = 0; i < n; i++)
    {
      const TriMapMarker *marker = g_ptr_array_index (markers, i);
      MarkerPos *pos = &g_array_index (self->positions, MarkerPos, i);
      MarkerKey *key = &g_array_index (self->keys, MarkerKey, i);
      TriMapMarker *kept = i < self->markers->len ? g_ptr_array_index (self->markers, i) : NULL;

      if (kept != NULL
          && (key->id == marker->id || g_str_equal (kept->id, marker->id))
          && (key->name == marker->name || g_strcmp0 (kept->name, marker->name) == 0)
          && kept->lat == marker->lat && kept->lon == marker->lon)
        {
          kept->n_corroborated = marker->n_corroborated;
          kept->n_conflicting = marker->n_conflicting;
          kept->n_single = marker->n_single;
          kept->always_label = marker->always_label;
        }
      else
        {
          g_hash_table_remove (self->name_layouts, GUINT_TO_POINTER (i));
          if (kept != NULL)
            {
              tri_map_marker_free (kept);
              g_ptr_array_index (self->markers, i) = tri_map_marker_copy (marker);
            }
          else
            g_ptr_array_add (self->markers, tri_map_marker_copy (marker));
          key->id = g_intern_string (marker->id);
          key->name = g_intern_string (marker->name);
        }
      tri_map_project (marker->lat, marker->lon, &pos->x, &pos->y);
      pos->counts[VERDICT_CORROBORATED] = marker->n_corroborated;
      pos->counts[VERDICT_CONFLICTING] = marker->n_conflicting;
      pos->counts[VERDICT_SINGLE] = marker->n_single;
      pos->always_label = !!marker->always_label;
    }

  self->selected = selected_id ? tri_marker_layer_find (self, selected_id) : -1;
  self->focused = focused_id ? tri_marker_layer_find (self, focused_id) : -1;

  invalidate (self);
}

guint
tri_marker_layer_get_n_markers (TriMarkerLayer *self)
{
  g_return_val_if_fail (TRI_IS_MARKER_LAYER (self), 0);

  return self->markers->len;
}

const TriMapMarker *
tri_marker_layer_get_marker (TriMarkerLayer *self,
                             guint           index)
{
  g_return_val_if_fail (TRI_IS_MARKER_LAYER (self), NULL);

  if (index >= self->markers->len)
    return NULL;

  return g_ptr_array_index (self->markers, index);
}

/**
 * tri_marker_layer_find:
 * @self: a #TriMarkerLayer
 * @place_id: (nullable): a place id
 *
 * Returns: the index of the marker of @place_id, or -1
 */
int
tri_marker_layer_find (TriMarkerLayer *self,
                       const char     *place_id)
{
  g_return_val_if_fail (TRI_IS_MARKER_LAYER (self), -1);

  if (place_id == NULL)
    return -1;

  for (guint i = 0; i < self->markers->len; i++)
    if (g_strcmp0 (((TriMapMarker *) g_ptr_array_index (self->markers, i))->id, place_id) == 0)
      return i;

  return -1;
}

void
tri_marker_layer_set_selected (TriMarkerLayer *self,
                               int             index)
{
  g_return_if_fail (TRI_IS_MARKER_LAYER (self));
  g_return_if_fail (index < (int) self->markers->len);

  index = MAX (index, -1);
  if (self->selected == index)
    return;

  self->selected = index;
  invalidate (self);
}

int
tri_marker_layer_get_selected (TriMarkerLayer *self)
{
  g_return_val_if_fail (TRI_IS_MARKER_LAYER (self), -1);

  return self->selected;
}

void
tri_marker_layer_set_focused (TriMarkerLayer *self,
                              int             index,
                              gboolean        show_ring)
{
  g_return_if_fail (TRI_IS_MARKER_LAYER (self));
  g_return_if_fail (index < (int) self->markers->len);

  index = MAX (index, -1);
  show_ring = !!show_ring;
  if (self->focused == index && self->show_focus == show_ring)
    return;

  self->focused = index;
  self->show_focus = show_ring;
  invalidate (self);
}

int
tri_marker_layer_get_focused (TriMarkerLayer *self)
{
  g_return_val_if_fail (TRI_IS_MARKER_LAYER (self), -1);

  return self->focused;
}

void
tri_marker_layer_set_dark (TriMarkerLayer *self,
                           gboolean        dark)
{
  g_return_if_fail (TRI_IS_MARKER_LAYER (self));

  dark = !!dark;
  if (self->dark == dark)
    return;

  self->dark = dark;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * tri_marker_layer_hit_test:
 * @self: a #TriMarkerLayer
 * @x: x in the layer's coordinates
 * @y: y in the layer's coordinates
 * @hit: (out) (optional): what is there
 *
 * Finds the topmost bubble that the last frame drew at a point.
 *
 * Returns: %TRUE if there is one
 */
gboolean
tri_marker_layer_hit_test (TriMarkerLayer *self,
                           double          x,
                           double          y,
                           TriMarkerHit   *hit)
{
  g_return_val_if_fail (TRI_IS_MARKER_LAYER (self), FALSE);

  for (guint i = self->items->len; i > 0; i--)
    {
      const Item *item = &g_array_index (self->items, Item, i - 1);
      double dx = x - item->px, dy = y - item->py;
      double reach = item->r + 2.0;

      if (dx * dx + dy * dy > reach * reach)
        continue;

      if (hit != NULL)
        {
          hit->marker = item->marker;
          hit->n_markers = item->n_markers;
          tri_map_unproject (item->wx / self->transform.world, item->wy / self->transform.world,
                             &hit->latitude, &hit->longitude);
        }
      return TRUE;
    }

  return FALSE;
}

/**
 * tri_marker_layer_get_n_drawn:
 * @self: a #TriMarkerLayer
 * @n_clusters: (out) (optional): how many of them are clusters
 *
 * Returns: how many bubbles the last frame drew
 */
guint
tri_marker_layer_get_n_drawn (TriMarkerLayer *self,
                              guint          *n_clusters)
{
  g_return_val_if_fail (TRI_IS_MARKER_LAYER (self), 0);

  if (n_clusters != NULL)
    *n_clusters = self->n_clusters;

  return self->items->len;
}

/**
 * tri_marker_layer_get_drawn_position:
 * @self: a #TriMarkerLayer
 * @index: a marker
 * @x: (out) (optional): the centre
 * @y: (out) (optional): the centre
 * @radius: (out) (optional): the radius
 *
 * Returns: %TRUE if the last frame drew the marker on its own (not
 *   culled, not in a cluster)
 */
gboolean
tri_marker_layer_get_drawn_position (TriMarkerLayer *self,
                                     guint           index,
                                     double         *x,
                                     double         *y,
                                     double         *radius)
{
  g_return_val_if_fail (TRI_IS_MARKER_LAYER (self), FALSE);

  for (guint i = 0; i < self->items->len; i++)
    {
      const Item *item = &g_array_index (self->items, Item, i);

      if (item->marker != (int) index)
        continue;

      if (x != NULL)
        *x = item->px;
      if (y != NULL)
        *y = item->py;
      if (radius != NULL)
        *radius = item->r;
      return TRUE;
    }

  return FALSE;
}
