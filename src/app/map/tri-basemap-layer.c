/* tri-basemap-layer.c
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-basemap-layer"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#include <unicode/uloc.h>
#include <unicode/uregion.h>

#include <triangulate.h>

#include "tri-basemap-layer.h"
#include "tri-map-geo-private.h"

/* The offline basemap: sea, land, coastlines, country borders and labels,
 * drawn from Natural Earth data that data/basemap/generate.py pre-projects
 * to normalized Web Mercator (world.bin) plus a label list (labels.tsv).
 *
 * Level of detail: the 1:110m set below zoom 3, the 1:50m set from there.
 * Each frame culls rings by their bounding box, drops points closer than
 * half a pixel to the previous one, and collapses runs of points that lie
 * off screen on the same side (which cannot change what is visible), so a
 * frame costs about as much as what it shows. */

#define LOD_SWITCH_ZOOM 3.0

enum { LOD_110M, LOD_50M, N_LODS };
enum { KIND_LAND, KIND_BORDER, N_KINDS };

typedef struct
{
  guint first;
  guint n;
  float x0, y0, x1, y1;
} Part;

typedef struct
{
  guint  n_parts;
  guint  n_points;
  Part  *parts;
  float *xy;
} Section;

typedef enum
{
  LABEL_COUNTRY,
  LABEL_CAPITAL,
  LABEL_CITY,
  LABEL_PROVINCE,
} LabelKind;

typedef struct
{
  LabelKind    kind;
  int          min_zoom;
  int          rank;
  guint        order;
  guint        numeric;
  double       x, y;
  char        *name_en;
  char        *name_vi;
  PangoLayout *layout;
  int          width, height;
} Label;

typedef struct
{
  GdkRGBA water;
  GdkRGBA land;
  GdkRGBA coast;
  GdkRGBA border;
  GdkRGBA halo;
  GdkRGBA country_text;
  GdkRGBA province_text;
  GdkRGBA city_text;
  GdkRGBA city_dot;
} Palette;

struct _TriBasemapLayer
{
  ShumateLayer  parent_instance;

  Section       sections[N_LODS][N_KINDS];
  GArray       *labels;        /* Label */
  GHashTable   *country_names; /* numeric code → localized name */
  GArray       *placed;        /* graphene_rect_t, scratch for one frame */
  char         *language;
  TriBasemapObstaclesFunc obstacles_func;
  gpointer      obstacles_data;
  guint         n_drawn_labels;
  GArray       *drawn_rects;   /* graphene_rect_t of the labels drawn */

  /* Land and borders drawn for a larger area than the widget, reused while
   * the map is dragged at the same zoom */
  GdkTexture   *cache;
  double        cache_zoom;
  double        cache_x0, cache_y0; /* world pixels of its top-left corner */
  double        cache_width, cache_height;
  int           cache_scale;
  gboolean      cache_dark;
  guint         n_cache_renders;
  double        last_zoom;
  TriBasemapCachePolicy cache_policy;

  /* Land and borders as last drawn directly, with the view they were drawn
   * for: a layer redrawn for its labels (the markers moved) hands GTK the
   * same node again, so that GTK sees nothing under them changed and
   * repaints only what did instead of every coastline and border */
  GskRenderNode *geometry_node;
  TriMapTransform geometry_t;
  double        geometry_width, geometry_height;
  gboolean      geometry_dark;

  guint         dark : 1;
  guint         loaded : 1;
};

G_DEFINE_FINAL_TYPE (TriBasemapLayer, tri_basemap_layer, SHUMATE_TYPE_LAYER)

enum {
  PROP_0,
  PROP_DARK,
  PROP_LANGUAGE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static const Palette light_palette = {
  .water = { 0.690f, 0.816f, 0.906f, 1.f },         /* #b0d0e7 */
  .land = { 0.976f, 0.973f, 0.965f, 1.f },          /* #f9f8f6 */
  .coast = { 0.490f, 0.651f, 0.776f, 1.f },         /* #7da6c6 */
  .border = { 0.604f, 0.600f, 0.588f, 1.f },        /* #9a9996 */
  .halo = { 0.976f, 0.973f, 0.965f, 0.7f },
  .country_text = { 0.369f, 0.361f, 0.392f, 1.f },  /* #5e5c64 */
  .province_text = { 0.467f, 0.463f, 0.482f, 1.f }, /* #77767b */
  .city_text = { 0.239f, 0.220f, 0.275f, 1.f },     /* #3d3846 */
  .city_dot = { 0.239f, 0.220f, 0.275f, 1.f },      /* #3d3846 */
};

static const Palette dark_palette = {
  .water = { 0.086f, 0.153f, 0.231f, 1.f },         /* #16273b */
  .land = { 0.196f, 0.196f, 0.212f, 1.f },          /* #323236 */
  .coast = { 0.275f, 0.416f, 0.553f, 1.f },         /* #466a8d */
  .border = { 0.467f, 0.463f, 0.482f, 1.f },        /* #77767b */
  .halo = { 0.196f, 0.196f, 0.212f, 0.7f },
  .country_text = { 0.753f, 0.749f, 0.737f, 1.f },  /* #c0bfbc */
  .province_text = { 0.604f, 0.600f, 0.588f, 1.f }, /* #9a9996 */
  .city_text = { 0.871f, 0.867f, 0.855f, 1.f },     /* #deddda */
  .city_dot = { 0.871f, 0.867f, 0.855f, 1.f },      /* #deddda */
};

static void
label_clear (gpointer data)
{
  Label *label = data;

  g_clear_pointer (&label->name_en, g_free);
  g_clear_pointer (&label->name_vi, g_free);
  g_clear_object (&label->layout);
}

/* Loading */

static gboolean
read_u32 (const guint8 **p,
          const guint8  *end,
          guint         *out)
{
  guint32 v;

  if ((gsize) (end - *p) < sizeof v)
    return FALSE;
  memcpy (&v, *p, sizeof v);
  *p += sizeof v;
  *out = GUINT32_FROM_LE (v);
  return TRUE;
}

static void
read_floats (const guint8 *p,
             float        *out,
             gsize         n)
{
  memcpy (out, p, n * sizeof (float));
#if G_BYTE_ORDER == G_BIG_ENDIAN
  for (gsize i = 0; i < n; i++)
    {
      guint32 v;

      memcpy (&v, &out[i], sizeof v);
      v = GUINT32_SWAP_LE_BE (v);
      memcpy (&out[i], &v, sizeof v);
    }
#endif
}

static gboolean
parse_world (TriBasemapLayer *self,
             const guint8    *p,
             const guint8    *end)
{
  guint n_sections;

  if ((gsize) (end - p) < 8 || memcmp (p, "TRIBASE1", 8) != 0)
    return FALSE;
  p += 8;
  if (!read_u32 (&p, end, &n_sections))
    return FALSE;

  for (guint s = 0; s < n_sections; s++)
    {
      guint lod, kind, n_parts, n_points;
      Section *section;

      if (!read_u32 (&p, end, &lod) || !read_u32 (&p, end, &kind) ||
          !read_u32 (&p, end, &n_parts) || !read_u32 (&p, end, &n_points) ||
          lod >= N_LODS || kind >= N_KINDS ||
          n_parts > G_MAXUINT / 24 || n_points > G_MAXUINT / 8 ||
          (gsize) (end - p) < (gsize) n_parts * 24 + (gsize) n_points * 8)
        return FALSE;

      section = &self->sections[lod][kind];
      if (section->parts != NULL)
        return FALSE;
      section->n_parts = n_parts;
      section->n_points = n_points;
      section->parts = g_new (Part, n_parts);
      section->xy = g_new (float, (gsize) n_points * 2);

      for (guint i = 0; i < n_parts; i++)
        {
          Part *part = &section->parts[i];
          float bbox[4];

          read_u32 (&p, end, &part->first);
          read_u32 (&p, end, &part->n);
          read_floats (p, bbox, 4);
          p += sizeof bbox;
          part->x0 = bbox[0];
          part->y0 = bbox[1];
          part->x1 = bbox[2];
          part->y1 = bbox[3];
          if (part->n == 0 || part->first > n_points || part->n > n_points - part->first)
            return FALSE;
        }

      read_floats (p, section->xy, (gsize) n_points * 2);
      p += (gsize) n_points * 8;
    }

  for (guint lod = 0; lod < N_LODS; lod++)
    for (guint kind = 0; kind < N_KINDS; kind++)
      if (self->sections[lod][kind].parts == NULL)
        return FALSE;

  return TRUE;
}

static gboolean
load_world (TriBasemapLayer  *self,
            const char       *path,
            GError          **error)
{
  g_autoptr(GMappedFile) file = NULL;
  const guint8 *contents;

  file = g_mapped_file_new (path, FALSE, error);
  if (file == NULL)
    return FALSE;

  contents = (const guint8 *) g_mapped_file_get_contents (file);
  if (!parse_world (self, contents, contents + g_mapped_file_get_length (file)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s is not a valid basemap file", path);
      return FALSE;
    }

  return TRUE;
}

static int
label_kind_rank (LabelKind kind,
                 int       min_zoom)
{
  switch (kind)
    {
    case LABEL_COUNTRY:
      return 0;
    case LABEL_CAPITAL:
      return 1;
    case LABEL_CITY:
      return min_zoom <= 5 ? 2 : 4;
    case LABEL_PROVINCE:
      return 3;
    default:
      g_assert_not_reached ();
    }
}

static int
compare_labels (gconstpointer a,
                gconstpointer b)
{
  const Label *la = a, *lb = b;

  if (la->rank != lb->rank)
    return la->rank < lb->rank ? -1 : 1;
  if (la->min_zoom != lb->min_zoom)
    return la->min_zoom < lb->min_zoom ? -1 : 1;
  return la->order < lb->order ? -1 : (la->order > lb->order);
}

static gboolean
load_labels (TriBasemapLayer  *self,
             const char       *path,
             GError          **error)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents (path, &contents, NULL, error))
    return FALSE;

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cols = NULL;
      Label label = { 0 };
      double lat, lon;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;

      cols = g_strsplit (lines[i], "\t", -1);
      if (g_strv_length (cols) < 8)
        continue;

      if (g_str_equal (cols[0], "country"))
        label.kind = LABEL_COUNTRY;
      else if (g_str_equal (cols[0], "capital"))
        label.kind = LABEL_CAPITAL;
      else if (g_str_equal (cols[0], "city"))
        label.kind = LABEL_CITY;
      else if (g_str_equal (cols[0], "province"))
        label.kind = LABEL_PROVINCE;
      else
        continue;

      if (label.kind == LABEL_COUNTRY)
        label.numeric = (guint) g_ascii_strtoull (cols[1], NULL, 10);
      label.min_zoom = (int) g_ascii_strtoll (cols[3], NULL, 10);
      lat = g_ascii_strtod (cols[4], NULL);
      lon = g_ascii_strtod (cols[5], NULL);
      tri_map_project (lat, lon, &label.x, &label.y);
      label.name_en = g_strdup (cols[6]);
      label.name_vi = cols[7][0] != '\0' ? g_strdup (cols[7]) : NULL;
      label.rank = label_kind_rank (label.kind, label.min_zoom);
      label.order = self->labels->len;
      g_array_append_val (self->labels, label);
    }

  g_array_sort (self->labels, compare_labels);

  return TRUE;
}

static void
tri_basemap_layer_load (TriBasemapLayer *self)
{
  g_autofree char *world = tri_data_find ("basemap/world.bin");
  g_autofree char *labels = tri_data_find ("basemap/labels.tsv");
  g_autoptr(GError) error = NULL;

  if (world == NULL || !load_world (self, world, &error))
    {
      g_message ("No offline basemap: %s",
                 error ? error->message : "basemap/world.bin not found");
      for (guint lod = 0; lod < N_LODS; lod++)
        for (guint kind = 0; kind < N_KINDS; kind++)
          {
            g_clear_pointer (&self->sections[lod][kind].parts, g_free);
            g_clear_pointer (&self->sections[lod][kind].xy, g_free);
            self->sections[lod][kind].n_parts = 0;
            self->sections[lod][kind].n_points = 0;
          }
      return;
    }

  self->loaded = TRUE;
  g_clear_pointer (&self->geometry_node, gsk_render_node_unref);

  if (labels == NULL || !load_labels (self, labels, &error))
    g_message ("No basemap labels: %s",
               error ? error->message : "basemap/labels.tsv not found");
}

/* Names */

static char *
default_language (void)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_str_equal (names[i], "C") || g_str_equal (names[i], "POSIX"))
        continue;
      return g_strndup (names[i], strcspn (names[i], ".@"));
    }

  return g_strdup ("en");
}

static char *
icu_country_name (guint       numeric,
                  const char *language)
{
  UErrorCode status = U_ZERO_ERROR;
  const URegion *region;
  const char *code;
  char locale[16];
  UChar buf[128];
  int32_t len;

  region = uregion_getRegionFromNumericCode ((int32_t) numeric, &status);
  if (U_FAILURE (status) || region == NULL)
    return NULL;

  code = uregion_getRegionCode (region);
  if (code == NULL || strlen (code) != 2)
    return NULL;

  g_snprintf (locale, sizeof locale, "und_%s", code);
  len = uloc_getDisplayCountry (locale, language, buf, G_N_ELEMENTS (buf), &status);
  if (U_FAILURE (status) || len <= 0 || len >= (int32_t) G_N_ELEMENTS (buf))
    return NULL;

  /* ICU answers with the code itself when it has no name. */
  if (len == 2 && buf[0] == (UChar) code[0] && buf[1] == (UChar) code[1])
    return NULL;

  return g_utf16_to_utf8 ((const gunichar2 *) buf, len, NULL, NULL, NULL);
}

static const char *
country_name (TriBasemapLayer *self,
              guint            numeric,
              const char      *fallback)
{
  const char *name;
  char *found;

  name = g_hash_table_lookup (self->country_names, GUINT_TO_POINTER (numeric));
  if (name != NULL)
    return name;

  found = icu_country_name (numeric, self->language);
  if (found == NULL)
    found = g_strdup (fallback ? fallback : "");
  g_hash_table_insert (self->country_names, GUINT_TO_POINTER (numeric), found);

  return found;
}

static const char *
label_text (TriBasemapLayer *self,
            Label           *label)
{
  if (label->kind == LABEL_COUNTRY)
    return country_name (self, label->numeric, label->name_en);

  if (label->name_vi != NULL && g_str_has_prefix (self->language, "vi"))
    return label->name_vi;

  return label->name_en;
}

static void
drop_layouts (TriBasemapLayer *self)
{
  for (guint i = 0; self->labels != NULL && i < self->labels->len; i++)
    g_clear_object (&g_array_index (self->labels, Label, i).layout);
}

static PangoLayout *
label_layout (TriBasemapLayer *self,
              Label           *label)
{
  PangoAttrList *attrs;
  PangoRectangle ink, logical;
  g_autofree char *upper = NULL;
  const char *text;

  if (label->layout != NULL)
    return label->layout;

  text = label_text (self, label);
  attrs = pango_attr_list_new ();

  switch (label->kind)
    {
    case LABEL_COUNTRY:
      upper = g_utf8_strup (text, -1);
      text = upper;
      pango_attr_list_insert (attrs, pango_attr_size_new (8.5 * PANGO_SCALE));
      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_SEMIBOLD));
      pango_attr_list_insert (attrs, pango_attr_letter_spacing_new (1.2 * PANGO_SCALE));
      break;
    case LABEL_CAPITAL:
      pango_attr_list_insert (attrs, pango_attr_size_new (9 * PANGO_SCALE));
      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_SEMIBOLD));
      break;
    case LABEL_CITY:
      pango_attr_list_insert (attrs, pango_attr_size_new (8.5 * PANGO_SCALE));
      break;
    case LABEL_PROVINCE:
      pango_attr_list_insert (attrs, pango_attr_size_new (8 * PANGO_SCALE));
      pango_attr_list_insert (attrs, pango_attr_style_new (PANGO_STYLE_ITALIC));
      break;
    default:
      g_assert_not_reached ();
    }

  label->layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  pango_layout_set_attributes (label->layout, attrs);
  pango_attr_list_unref (attrs);

  pango_layout_get_pixel_extents (label->layout, &ink, &logical);
  label->width = logical.width;
  label->height = logical.height;

  return label->layout;
}

/* Drawing */

typedef struct
{
  cairo_t *cr;
  double   x0, y0, x1, y1; /* the visible area, grown by a margin */
  double   tol2;           /* squared distance under which points merge */
  double   lx, ly;         /* last point emitted */
  int      lc;
  double   px, py;         /* a point waiting to be emitted */
  int      pc;
  gboolean pending;
} PathBuilder;

static inline int
outcode (const PathBuilder *pb,
         double             x,
         double             y)
{
  int code = 0;

  if (x < pb->x0)
    code |= 1;
  else if (x > pb->x1)
    code |= 2;
  if (y < pb->y0)
    code |= 4;
  else if (y > pb->y1)
    code |= 8;

  return code;
}

static inline void
path_begin (PathBuilder *pb,
            double       x,
            double       y)
{
  cairo_move_to (pb->cr, x, y);
  pb->lx = x;
  pb->ly = y;
  pb->lc = outcode (pb, x, y);
  pb->pending = FALSE;
}

static inline void
path_add (PathBuilder *pb,
          double       x,
          double       y)
{
  int code = outcode (pb, x, y);

  if (pb->pending)
    {
      double dx = pb->px - pb->lx;
      double dy = pb->py - pb->ly;

      /* Drop the waiting point if it and its neighbours are all beyond the
       * same edge (the shortcut stays beyond that edge, out of sight), or
       * if it is too close to the last point drawn. */
      if ((pb->lc & pb->pc & code) != 0 || dx * dx + dy * dy < pb->tol2)
        {
          pb->px = x;
          pb->py = y;
          pb->pc = code;
          return;
        }

      cairo_line_to (pb->cr, pb->px, pb->py);
      pb->lx = pb->px;
      pb->ly = pb->py;
      pb->lc = pb->pc;
    }

  pb->px = x;
  pb->py = y;
  pb->pc = code;
  pb->pending = TRUE;
}

static inline void
path_end (PathBuilder *pb,
          gboolean     close)
{
  if (pb->pending)
    cairo_line_to (pb->cr, pb->px, pb->py);
  if (close)
    cairo_close_path (pb->cr);
}

static guint
add_section (PathBuilder           *pb,
             const Section         *section,
             const TriMapTransform *t,
             double                 vx0,
             double                 vy0,
             double                 vx1,
             double                 vy1,
             gboolean               close)
{
  guint n_parts = 0;

  for (guint i = 0; i < section->n_parts; i++)
    {
      const Part *part = &section->parts[i];
      const float *xy = &section->xy[(gsize) part->first * 2];
      double x, y;

      if (part->x1 < vx0 || part->x0 > vx1 || part->y1 < vy0 || part->y0 > vy1)
        continue;

      n_parts++;
      tri_map_transform_world (t, xy[0] * t->world, xy[1] * t->world, &x, &y);
      path_begin (pb, x, y);
      for (guint j = 1; j < part->n; j++)
        {
          tri_map_transform_world (t, xy[2 * j] * t->world, xy[2 * j + 1] * t->world, &x, &y);
          path_add (pb, x, y);
        }
      path_end (pb, close);
    }

  return n_parts;
}

static gboolean
rect_is_free (GArray                *placed,
              const graphene_rect_t *rect)
{
  for (guint i = 0; i < placed->len; i++)
    if (graphene_rect_intersection (&g_array_index (placed, graphene_rect_t, i), rect, NULL))
      return FALSE;

  return TRUE;
}

typedef struct
{
  Label *label;
  double x, y;   /* where the text's top-left corner goes */
  double ax, ay; /* the anchor (city dot) */
} PlacedLabel;

/* Tries the places a label may go: a city's name right of its dot, else
 * left, above or below; an area's name centred, else a line lower or
 * higher. */
static gboolean
place_label (TriBasemapLayer *self,
             Label           *label,
             double           ax,
             double           ay,
             double           width,
             double           height,
             PlacedLabel     *placed,
             graphene_rect_t *rect)
{
  double w = label->width, h = label->height;
  double xs[4], ys[4];
  guint n;

  if (label->kind == LABEL_CITY || label->kind == LABEL_CAPITAL)
    {
      xs[0] = ax + 5;         ys[0] = ay - h / 2;
      xs[1] = ax - 5 - w;     ys[1] = ay - h / 2;
      xs[2] = ax - w / 2;     ys[2] = ay - 3 - h;
      xs[3] = ax - w / 2;     ys[3] = ay + 3;
      n = 4;
    }
  else
    {
      xs[0] = ax - w / 2;     ys[0] = ay - h / 2;
      xs[1] = ax - w / 2;     ys[1] = ay + h / 2 + 2;
      xs[2] = ax - w / 2;     ys[2] = ay - 1.5 * h - 2;
      n = 3;
    }

  for (guint i = 0; i < n; i++)
    {
      graphene_rect_init (rect, xs[i] - 2, ys[i] - 1, w + 4, h + 2);

      if (rect->origin.x < 0 || rect->origin.y < 0 ||
          rect->origin.x + rect->size.width > width ||
          rect->origin.y + rect->size.height > height)
        continue;

      /* The dot itself must be clear too */
      if (label->kind == LABEL_CITY || label->kind == LABEL_CAPITAL)
        {
          graphene_rect_t dot = GRAPHENE_RECT_INIT (ax - 3, ay - 3, 6, 6);

          if (!rect_is_free (self->placed, &dot))
            return FALSE;
        }

      if (!rect_is_free (self->placed, rect))
        continue;

      placed->x = xs[i];
      placed->y = ys[i];
      return TRUE;
    }

  return FALSE;
}

static void
append_dot (GtkSnapshot   *snapshot,
            double         x,
            double         y,
            double         r,
            const GdkRGBA *color)
{
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (x - r, y - r, 2 * r, 2 * r);
  GskRoundedRect rr;

  gsk_rounded_rect_init_from_rect (&rr, &bounds, r);
  gtk_snapshot_push_rounded_clip (snapshot, &rr);
  gtk_snapshot_append_color (snapshot, color, &bounds);
  gtk_snapshot_pop (snapshot);
}

/* Land, coastlines and borders for a widget of @width x @height that @t
 * maps the world onto */
static void
draw_geometry (TriBasemapLayer       *self,
               cairo_t               *cr,
               const TriMapTransform *t,
               double                 width,
               double                 height)
{
  const Palette *palette = self->dark ? &dark_palette : &light_palette;
  PathBuilder pb = { 0 };
  double vx0, vy0, vx1, vy1;
  const Section *land, *borders;
  int lod;

  tri_map_transform_visible (t, 4.0, &vx0, &vy0, &vx1, &vy1);
  vx0 /= t->world;
  vx1 /= t->world;
  vy0 /= t->world;
  vy1 /= t->world;

  lod = t->zoom < LOD_SWITCH_ZOOM ? LOD_110M : LOD_50M;
  land = &self->sections[lod][KIND_LAND];
  borders = &self->sections[lod][KIND_BORDER];

  pb.cr = cr;
  pb.x0 = -8;
  pb.y0 = -8;
  pb.x1 = width + 8;
  pb.y1 = height + 8;
  pb.tol2 = 0.5 * 0.5;

  /* Land, with its coastline */
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  add_section (&pb, land, t, vx0, vy0, vx1, vy1, TRUE);
  gdk_cairo_set_source_rgba (cr, &palette->land);
  cairo_fill_preserve (cr);
  gdk_cairo_set_source_rgba (cr, &palette->coast);
  cairo_set_line_width (cr, t->zoom < 4 ? 0.6 : 0.9);
  cairo_stroke (cr);

  /* Country borders */
  cairo_new_path (cr);
  add_section (&pb, borders, t, vx0, vy0, vx1, vy1, FALSE);
  gdk_cairo_set_source_rgba (cr, &palette->border);
  cairo_set_line_width (cr, t->zoom < 4 ? 0.7 : 1.1);
  cairo_stroke (cr);
}

static gboolean
use_geometry_cache (TriBasemapLayer *self)
{
  GtkNative *native;
  GskRenderer *renderer;

  if (self->cache_policy != TRI_BASEMAP_CACHE_AUTO)
    return self->cache_policy == TRI_BASEMAP_CACHE_ALWAYS;

  native = gtk_widget_get_native (GTK_WIDGET (self));
  renderer = native != NULL ? gtk_native_get_renderer (native) : NULL;

  return renderer != NULL && !GSK_IS_CAIRO_RENDERER (renderer);
}

/**
 * _tri_basemap_layer_set_cache_policy:
 * @self: a #TriBasemapLayer
 * @policy: when to keep land and borders in a texture while dragging
 *
 * For tests and benchmarks: by default the texture is used with GPU
 * renderers only.
 */
void
_tri_basemap_layer_set_cache_policy (TriBasemapLayer       *self,
                                     TriBasemapCachePolicy  policy)
{
  g_return_if_fail (TRI_IS_BASEMAP_LAYER (self));

  self->cache_policy = policy;
  g_clear_object (&self->cache);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Draws the geometry from a texture that covers the widget and a margin
 * around it, drawing it again only when the zoom or the style changes or
 * the map was dragged past the margin.  A drag then costs one texture node
 * instead of rasterizing thousands of points. */
static void
append_cached_geometry (TriBasemapLayer       *self,
                        GtkSnapshot           *snapshot,
                        const TriMapTransform *t,
                        double                 width,
                        double                 height)
{
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  double left = t->cx - t->half_w, top = t->cy - t->half_h;
  double dx, dy;

  if (self->cache == NULL ||
      self->cache_zoom != t->zoom ||
      self->cache_dark != self->dark ||
      self->cache_scale != scale ||
      left < self->cache_x0 || top < self->cache_y0 ||
      left + width > self->cache_x0 + self->cache_width ||
      top + height > self->cache_y0 + self->cache_height)
    {
      double margin = scale > 1 ? 128 : 256;
      TriMapTransform ct = *t;
      cairo_surface_t *surface;
      cairo_t *cr;
      g_autoptr(GBytes) bytes = NULL;
      int pw, ph;

      /* Whole pixels, so that the texture lands on the pixel grid */
      self->cache_x0 = floor (left - margin);
      self->cache_y0 = floor (top - margin);
      self->cache_width = ceil (width + 2 * margin);
      self->cache_height = ceil (height + 2 * margin);
      ct.half_w = t->cx - self->cache_x0;
      ct.half_h = t->cy - self->cache_y0;

      pw = (int) self->cache_width * scale;
      ph = (int) self->cache_height * scale;
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pw, ph);
      cr = cairo_create (surface);
      cairo_scale (cr, scale, scale);
      draw_geometry (self, cr, &ct, self->cache_width, self->cache_height);
      cairo_destroy (cr);
      cairo_surface_flush (surface);

      bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                           (gsize) cairo_image_surface_get_stride (surface) * ph);
      g_clear_object (&self->cache);
      self->cache = gdk_memory_texture_new (pw, ph, GDK_MEMORY_DEFAULT, bytes,
                                            cairo_image_surface_get_stride (surface));
      cairo_surface_destroy (surface);

      self->cache_zoom = t->zoom;
      self->cache_dark = self->dark;
      self->cache_scale = scale;
      self->n_cache_renders++;
    }

  dx = round ((self->cache_x0 - left) * scale) / scale;
  dy = round ((self->cache_y0 - top) * scale) / scale;
  gtk_snapshot_append_texture (snapshot, self->cache,
                               &GRAPHENE_RECT_INIT (dx, dy, self->cache_width, self->cache_height));
}

static gboolean
same_view (TriBasemapLayer       *self,
           const TriMapTransform *t,
           double                 width,
           double                 height)
{
  const TriMapTransform *g = &self->geometry_t;

  return g->world == t->world && g->cx == t->cx && g->cy == t->cy &&
         g->cos_r == t->cos_r && g->sin_r == t->sin_r && g->zoom == t->zoom &&
         self->geometry_width == width && self->geometry_height == height &&
         self->geometry_dark == self->dark;
}

static void
tri_basemap_layer_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  TriBasemapLayer *self = (TriBasemapLayer *) widget;
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  const Palette *palette = self->dark ? &dark_palette : &light_palette;
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  g_autoptr(GArray) shown = NULL;
  TriMapTransform t;

  self->n_drawn_labels = 0;

  if (width <= 0 || height <= 0)
    return;

  gtk_snapshot_append_color (snapshot, &palette->water,
                             &GRAPHENE_RECT_INIT (0, 0, width, height));

  if (!self->loaded || !tri_map_transform_init (&t, viewport, width, height))
    return;

  /* While the zoom changes (pinch, animation) every frame is new: draw
   * directly; once it holds, draw a larger area once and slide it.  The
   * cairo renderer converts textures on every frame, so with it drawing
   * directly is cheaper anyway. */
  if (t.rotated || t.zoom != self->last_zoom || !use_geometry_cache (self))
    {
      if (self->geometry_node == NULL || !same_view (self, &t, width, height))
        {
          int scale = gtk_widget_get_scale_factor (widget);
          cairo_surface_t *image;
          cairo_t *cr;

          /* Rasterised once: a node that replays paths would draw every
           * coastline again wherever anything above it changes */
          image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, ceil (width * scale),
                                              ceil (height * scale));
          cairo_surface_set_device_scale (image, scale, scale);
          cr = cairo_create (image);
          draw_geometry (self, cr, &t, width, height);
          cairo_destroy (cr);

          g_clear_pointer (&self->geometry_node, gsk_render_node_unref);
          self->geometry_node = gsk_cairo_node_new (&GRAPHENE_RECT_INIT (0, 0, width, height));
          cr = gsk_cairo_node_get_draw_context (self->geometry_node);
          cairo_set_source_surface (cr, image, 0, 0);
          cairo_paint (cr);
          cairo_destroy (cr);
          cairo_surface_destroy (image);
          self->geometry_t = t;
          self->geometry_width = width;
          self->geometry_height = height;
          self->geometry_dark = self->dark;
        }
      gtk_snapshot_append_node (snapshot, self->geometry_node);
      self->last_zoom = t.zoom;
    }
  else
    {
      append_cached_geometry (self, snapshot, &t, width, height);
    }

  /* Labels: the most important first, each where it does not collide
   * with another or with what the layers above draw */
  shown = g_array_new (FALSE, FALSE, sizeof (PlacedLabel));
  g_array_set_size (self->placed, 0);
  g_array_set_size (self->drawn_rects, 0);
  if (self->obstacles_func != NULL)
    {
      GArray *obstacles = self->obstacles_func (width, height, self->obstacles_data);

      if (obstacles != NULL)
        g_array_append_vals (self->placed, obstacles->data, obstacles->len);
    }
  for (guint i = 0; self->labels != NULL && i < self->labels->len; i++)
    {
      Label *label = &g_array_index (self->labels, Label, i);
      PlacedLabel placed = { label };
      graphene_rect_t rect;
      double ax, ay;

      if (label->min_zoom > t.zoom + 0.25)
        continue;

      tri_map_transform_world (&t, label->x * t.world, label->y * t.world, &ax, &ay);
      if (ax < -100 || ay < -20 || ax > width + 100 || ay > height + 20)
        continue;

      label_layout (self, label);
      placed.ax = ax;
      placed.ay = ay;
      if (!place_label (self, label, ax, ay, width, height, &placed, &rect))
        continue;

      g_array_append_val (self->placed, rect);
      g_array_append_val (self->drawn_rects, rect);
      g_array_append_val (shown, placed);
    }

  /* City dots */
  for (guint i = 0; i < shown->len; i++)
    {
      PlacedLabel *placed = &g_array_index (shown, PlacedLabel, i);
      gboolean capital = placed->label->kind == LABEL_CAPITAL;
      double x = round (placed->ax * 2) / 2, y = round (placed->ay * 2) / 2;

      if (placed->label->kind != LABEL_CITY && !capital)
        continue;

      append_dot (snapshot, x, y, capital ? 4.0 : 3.2, &palette->halo);
      append_dot (snapshot, x, y, capital ? 3.0 : 2.2, &palette->city_dot);
      if (capital)
        append_dot (snapshot, x, y, 1.2, &palette->land);
    }

  if (shown->len == 0)
    return;

  /* The text, with a halo in the land colour so that it stays readable
   * over borders and coasts: the layout drawn around itself, then on top
   * (plain text nodes, cheap with every renderer, unlike blurred shadows) */
  for (guint i = 0; i < shown->len; i++)
    {
      static const float offsets[8][2] = {
        { -1, -1 }, { 0, -1 }, { 1, -1 }, { -1, 0 }, { 1, 0 }, { -1, 1 }, { 0, 1 }, { 1, 1 },
      };
      PlacedLabel *placed = &g_array_index (shown, PlacedLabel, i);
      const GdkRGBA *color;
      double x = round (placed->x), y = round (placed->y);

      switch (placed->label->kind)
        {
        case LABEL_COUNTRY:
          color = &palette->country_text;
          break;
        case LABEL_PROVINCE:
          color = &palette->province_text;
          break;
        case LABEL_CAPITAL:
        case LABEL_CITY:
          color = &palette->city_text;
          break;
        default:
          g_assert_not_reached ();
        }

      for (guint k = 0; k < G_N_ELEMENTS (offsets); k++)
        {
          gtk_snapshot_save (snapshot);
          gtk_snapshot_translate (snapshot,
                                  &GRAPHENE_POINT_INIT (x + offsets[k][0], y + offsets[k][1]));
          gtk_snapshot_append_layout (snapshot, placed->label->layout, &palette->halo);
          gtk_snapshot_restore (snapshot);
        }

      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
      gtk_snapshot_append_layout (snapshot, placed->label->layout, color);
      gtk_snapshot_restore (snapshot);
    }

  self->n_drawn_labels = shown->len;
}

static void
tri_basemap_layer_css_changed (GtkWidget         *widget,
                               GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (tri_basemap_layer_parent_class)->css_changed (widget, change);

  /* Fonts may have changed */
  drop_layouts (TRI_BASEMAP_LAYER (widget));
}

static void
on_viewport_changed (TriBasemapLayer *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
tri_basemap_layer_constructed (GObject *object)
{
  TriBasemapLayer *self = (TriBasemapLayer *)object;
  ShumateViewport *viewport;

  G_OBJECT_CLASS (tri_basemap_layer_parent_class)->constructed (object);

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
tri_basemap_layer_finalize (GObject *object)
{
  TriBasemapLayer *self = (TriBasemapLayer *)object;

  for (guint lod = 0; lod < N_LODS; lod++)
    for (guint kind = 0; kind < N_KINDS; kind++)
      {
        g_clear_pointer (&self->sections[lod][kind].parts, g_free);
        g_clear_pointer (&self->sections[lod][kind].xy, g_free);
      }
  g_clear_pointer (&self->labels, g_array_unref);
  g_clear_pointer (&self->placed, g_array_unref);
  g_clear_pointer (&self->drawn_rects, g_array_unref);
  g_clear_pointer (&self->country_names, g_hash_table_unref);
  g_clear_pointer (&self->language, g_free);

  G_OBJECT_CLASS (tri_basemap_layer_parent_class)->finalize (object);
}

static void
tri_basemap_layer_dispose (GObject *object)
{
  drop_layouts (TRI_BASEMAP_LAYER (object));
  g_clear_object (&TRI_BASEMAP_LAYER (object)->cache);
  g_clear_pointer (&TRI_BASEMAP_LAYER (object)->geometry_node, gsk_render_node_unref);

  G_OBJECT_CLASS (tri_basemap_layer_parent_class)->dispose (object);
}

static void
tri_basemap_layer_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TriBasemapLayer *self = TRI_BASEMAP_LAYER (object);

  switch (prop_id)
    {
    case PROP_DARK:
      g_value_set_boolean (value, tri_basemap_layer_get_dark (self));
      break;
    case PROP_LANGUAGE:
      g_value_set_string (value, tri_basemap_layer_get_language (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tri_basemap_layer_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  TriBasemapLayer *self = TRI_BASEMAP_LAYER (object);

  switch (prop_id)
    {
    case PROP_DARK:
      tri_basemap_layer_set_dark (self, g_value_get_boolean (value));
      break;
    case PROP_LANGUAGE:
      tri_basemap_layer_set_language (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tri_basemap_layer_class_init (TriBasemapLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = tri_basemap_layer_constructed;
  object_class->dispose = tri_basemap_layer_dispose;
  object_class->finalize = tri_basemap_layer_finalize;
  object_class->get_property = tri_basemap_layer_get_property;
  object_class->set_property = tri_basemap_layer_set_property;

  widget_class->snapshot = tri_basemap_layer_snapshot;
  widget_class->css_changed = tri_basemap_layer_css_changed;

  /**
   * TriBasemapLayer:dark:
   *
   * Whether to draw with the dark palette.
   */
  properties [PROP_DARK] =
    g_param_spec_boolean ("dark", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * TriBasemapLayer:language:
   *
   * The language of the labels, as a locale name ("vi", "en_GB").  Defaults
   * to the user interface's language.
   */
  properties [PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "tri-basemap-layer");
}

static void
tri_basemap_layer_init (TriBasemapLayer *self)
{
  self->labels = g_array_new (FALSE, TRUE, sizeof (Label));
  g_array_set_clear_func (self->labels, label_clear);
  self->placed = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  self->drawn_rects = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  self->country_names = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->language = default_language ();

  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);

  tri_basemap_layer_load (self);
}

/**
 * tri_basemap_layer_new:
 * @viewport: the map's viewport
 *
 * Creates the offline basemap layer.  The viewport's reference map source
 * gives the projection (see tri_offline_source_new()).
 *
 * Returns: (transfer full): a new #TriBasemapLayer
 */
TriBasemapLayer *
tri_basemap_layer_new (ShumateViewport *viewport)
{
  g_return_val_if_fail (SHUMATE_IS_VIEWPORT (viewport), NULL);

  return g_object_new (TRI_TYPE_BASEMAP_LAYER,
                       "viewport", viewport,
                       NULL);
}

gboolean
tri_basemap_layer_get_dark (TriBasemapLayer *self)
{
  g_return_val_if_fail (TRI_IS_BASEMAP_LAYER (self), FALSE);

  return self->dark;
}

void
tri_basemap_layer_set_dark (TriBasemapLayer *self,
                            gboolean         dark)
{
  g_return_if_fail (TRI_IS_BASEMAP_LAYER (self));

  dark = !!dark;
  if (self->dark == dark)
    return;

  self->dark = dark;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DARK]);
}

const char *
tri_basemap_layer_get_language (TriBasemapLayer *self)
{
  g_return_val_if_fail (TRI_IS_BASEMAP_LAYER (self), NULL);

  return self->language;
}

/**
 * tri_basemap_layer_set_language:
 * @self: a #TriBasemapLayer
 * @language: (nullable): a locale name, or %NULL for the user interface's
 *
 * Sets the language of the labels.
 */
void
tri_basemap_layer_set_language (TriBasemapLayer *self,
                                const char      *language)
{
  g_autofree char *lang = NULL;

  g_return_if_fail (TRI_IS_BASEMAP_LAYER (self));

  lang = language != NULL && *language != '\0' ? g_strdup (language) : default_language ();
  if (g_strcmp0 (self->language, lang) == 0)
    return;

  g_free (self->language);
  self->language = g_steal_pointer (&lang);
  g_hash_table_remove_all (self->country_names);
  drop_layouts (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LANGUAGE]);
}

/**
 * tri_basemap_layer_is_loaded:
 * @self: a #TriBasemapLayer
 *
 * Returns: whether the basemap data could be read
 */
gboolean
tri_basemap_layer_is_loaded (TriBasemapLayer *self)
{
  g_return_val_if_fail (TRI_IS_BASEMAP_LAYER (self), FALSE);

  return self->loaded;
}

/**
 * tri_basemap_layer_is_land:
 * @self: a #TriBasemapLayer
 * @latitude: degrees
 * @longitude: degrees
 *
 * Tells whether a point is on land in the detailed (1:50m) data.
 *
 * Returns: %TRUE on land
 */
gboolean
tri_basemap_layer_is_land (TriBasemapLayer *self,
                           double           latitude,
                           double           longitude)
{
  const Section *land;
  gboolean inside = FALSE;
  double x, y;

  g_return_val_if_fail (TRI_IS_BASEMAP_LAYER (self), FALSE);

  tri_map_project (latitude, longitude, &x, &y);
  land = &self->sections[LOD_50M][KIND_LAND];

  for (guint i = 0; i < land->n_parts; i++)
    {
      const Part *part = &land->parts[i];
      const float *xy = &land->xy[(gsize) part->first * 2];

      if (x < part->x0 || x > part->x1 || y < part->y0 || y > part->y1)
        continue;

      /* Even-odd crossing test over the ring */
      for (guint j = 0, k = part->n - 1; j < part->n; k = j++)
        {
          double xj = xy[2 * j], yj = xy[2 * j + 1];
          double xk = xy[2 * k], yk = xy[2 * k + 1];

          if ((yj > y) != (yk > y) && x < (xk - xj) * (y - yj) / (yk - yj) + xj)
            inside = !inside;
        }
    }

  return inside;
}

/**
 * tri_basemap_layer_get_country_name:
 * @self: a #TriBasemapLayer
 * @numeric_code: an ISO 3166-1 numeric code (368 for Iraq)
 *
 * Returns: (nullable): the country's name in the layer's language, as it
 *   is drawn, or %NULL if the basemap has no such country
 */
const char *
tri_basemap_layer_get_country_name (TriBasemapLayer *self,
                                    guint            numeric_code)
{
  g_return_val_if_fail (TRI_IS_BASEMAP_LAYER (self), NULL);

  for (guint i = 0; i < self->labels->len; i++)
    {
      Label *label = &g_array_index (self->labels, Label, i);

      if (label->kind == LABEL_COUNTRY && label->numeric == numeric_code)
        return country_name (self, numeric_code, label->name_en);
    }

  return NULL;
}

/**
 * tri_basemap_layer_set_obstacles_func:
 * @self: a #TriBasemapLayer
 * @func: (nullable): where not to put labels
 * @user_data: data for @func, which must outlive the layer or be unset
 *
 * Keeps labels clear of what the layers above draw (markers).
 */
void
tri_basemap_layer_set_obstacles_func (TriBasemapLayer         *self,
                                      TriBasemapObstaclesFunc  func,
                                      gpointer                 user_data)
{
  g_return_if_fail (TRI_IS_BASEMAP_LAYER (self));

  self->obstacles_func = func;
  self->obstacles_data = user_data;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * tri_basemap_layer_get_n_drawn_labels:
 * @self: a #TriBasemapLayer
 *
 * Returns: how many labels the last frame drew
 */
guint
tri_basemap_layer_get_n_drawn_labels (TriBasemapLayer *self)
{
  g_return_val_if_fail (TRI_IS_BASEMAP_LAYER (self), 0);

  return self->n_drawn_labels;
}

/**
 * tri_basemap_layer_get_drawn_label:
 * @self: a #TriBasemapLayer
 * @index: which of the labels the last frame drew
 * @rect: (out): the area it took, in the layer's coordinates
 *
 * Returns: %FALSE if @index is out of range
 */
gboolean
tri_basemap_layer_get_drawn_label (TriBasemapLayer *self,
                                   guint            index,
                                   graphene_rect_t *rect)
{
  g_return_val_if_fail (TRI_IS_BASEMAP_LAYER (self), FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  if (index >= self->drawn_rects->len || index >= self->n_drawn_labels)
    return FALSE;
  *rect = g_array_index (self->drawn_rects, graphene_rect_t, index);
  return TRUE;
}

/**
 * tri_basemap_layer_get_n_geometry_renders:
 * @self: a #TriBasemapLayer
 *
 * Returns: how many times land and borders were rasterized into the cache
 */
guint
tri_basemap_layer_get_n_geometry_renders (TriBasemapLayer *self)
{
  g_return_val_if_fail (TRI_IS_BASEMAP_LAYER (self), 0);

  return self->n_cache_renders;
}

void
tri_basemap_layer_get_land_color (TriBasemapLayer *self,
                                  GdkRGBA         *color)
{
  g_return_if_fail (TRI_IS_BASEMAP_LAYER (self));

  *color = (self->dark ? &dark_palette : &light_palette)->land;
}

void
tri_basemap_layer_get_water_color (TriBasemapLayer *self,
                                   GdkRGBA         *color)
{
  g_return_if_fail (TRI_IS_BASEMAP_LAYER (self));

  *color = (self->dark ? &dark_palette : &light_palette)->water;
}
