/* tri-claim-row.c
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-claim-row"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tri-claim-row.h"

/* One claim in the claims list: the verdict badge (a label, so that the
 * theme styles it), then the claim's type and sources and its date on the
 * first line, the summary (at most three lines), what the sources differ
 * on (two), its places (one) and the researcher's note (two).
 *
 * The texts are Pango layouts of this one widget rather than six labels.
 * A range change rebinds every row the list keeps (about thirty, most of
 * them out of view), and the list measures each at two widths: shaping
 * their texts for that cost more than the rest of the change. So the
 * height is reckoned from the texts' lengths and the fonts' line heights,
 * without shaping, and each text is given that many lines, ellipsized:
 * it never overflows its row. Only the rows drawn, those in view, shape
 * their texts. */

#define SPACING 3   /* between the lines */
#define GAP     6   /* between the badge, the sources and the date */

/* A text wraps to about this much more than its length over the width:
 * the words that do not fit at the ends of lines */
#define WRAP_SLACK 1.1

typedef enum
{
  PART_SOURCES,
  PART_DATE,
  PART_SUMMARY,
  PART_DIFFERENCE,
  PART_PLACES,
  PART_NOTE,
  N_PARTS
} Part;

static const char * const part_names[N_PARTS] = {
  "sources", "date", "summary", "difference", "places", "note",
};

/* Lines each text may take, from the summary on */
static const int max_lines[N_PARTS] = { 1, 1, 3, 2, 1, 2 };

struct _TriClaimRow
{
  GtkWidget     parent_instance;

  GtkWidget    *badge;
  TriClaimItem *item;
  PangoLayout  *layouts[N_PARTS];
  gboolean      shown[N_PARTS];
  int           n_chars[N_PARTS];

  /* Per font: the height of a line and the width of a character of each
   * text's style, and the badge's height (pixels) */
  gboolean      have_metrics;
  int           line_height[N_PARTS];
  double        part_char_width[N_PARTS];
  int           badge_height;
  int           char_width;    /* approximate, for the width requests */

  /* The lines given to each text at this width */
  int           width;
  int           lines[N_PARTS];
  int           first_line;

  /* The layouts were wrapped for this width */
  int           laid_out_width;
  int           badge_width;
  int           date_width;
  PangoFontDescription *font;  /* the layouts were made for */
};

G_DEFINE_FINAL_TYPE (TriClaimRow, tri_claim_row, GTK_TYPE_WIDGET)

GtkWidget *
tri_claim_row_new (void)
{
  return g_object_new (TRI_TYPE_CLAIM_ROW, NULL);
}

static void
invalidate (TriClaimRow *self)
{
  self->width = -1;
  self->laid_out_width = -1;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* @text as one paragraph: Pango limits the lines of each paragraph, and
 * a second one (a note typed on two lines) would run over the row */
static char *
one_paragraph (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n' || c == '\r' || c == '\v' || c == '\f' || c == 0x85 ||
          c == 0x2028 || c == 0x2029)
        g_string_append_c (out, ' ');
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  return g_string_free (out, FALSE);
}

static void
set_part (TriClaimRow *self,
          Part         part,
          const char  *text)
{
  g_autofree char *flat = NULL;

  self->shown[part] = text != NULL && *text != '\0';
  if (self->shown[part])
    text = flat = one_paragraph (text);
  self->n_chars[part] = self->shown[part] ? (int) g_utf8_strlen (text, -1) : 0;
  pango_layout_set_text (self->layouts[part], self->shown[part] ? text : "", -1);
}

/* Written for the measure: the tallest marks Vietnamese puts above and
 * below letters, and a claim's mix of words, numbers and names */
static const char line_sample[] = "ẤỴỹgjÁ|";
static const char width_sample[] =
  "Khoảng 2.500 binh sĩ Mỹ vẫn ở lại căn cứ Ain al-Asad, theo Bộ Quốc phòng. "
  "About 900 US troops remain at Harir air base in Erbil, officials said on 18 January.";

/* The last font's metrics, shared by every row: the list replaces rows
 * as often as it rebinds them */
static struct
{
  PangoFontDescription *font;
  int                   line_height[N_PARTS];
  double                char_width[N_PARTS];
  int                   badge_height;
  int                   mean_char_width;
} shared_metrics;

/* The line height and mean character width of each text's style, from
 * samples shaped once per font, and the font's approximate character
 * width for the width requests. */
static void
ensure_metrics (TriClaimRow *self)
{
  PangoContext *context;
  const PangoFontDescription *font;
  PangoFontMetrics *metrics;

  if (self->have_metrics)
    return;

  context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  font = pango_context_get_font_description (context);
  if (shared_metrics.font != NULL && pango_font_description_equal (font, shared_metrics.font))
    {
      memcpy (self->line_height, shared_metrics.line_height, sizeof self->line_height);
      memcpy (self->part_char_width, shared_metrics.char_width, sizeof self->part_char_width);
      self->badge_height = shared_metrics.badge_height;
      self->char_width = shared_metrics.mean_char_width;
      self->have_metrics = TRUE;
      return;
    }

  for (Part part = 0; part < N_PARTS; part++)
    {
      PangoLayout *sample = pango_layout_copy (self->layouts[part]);
      int width, height;

      pango_layout_set_width (sample, -1);
      pango_layout_set_height (sample, -1);
      pango_layout_set_text (sample, line_sample, -1);
      pango_layout_get_pixel_size (sample, NULL, &height);
      self->line_height[part] = height;
      pango_layout_set_text (sample, width_sample, -1);
      pango_layout_get_pixel_size (sample, &width, NULL);
      self->part_char_width[part] = MAX (1.0, width / (double) g_utf8_strlen (width_sample, -1));
      g_object_unref (sample);
    }

  gtk_widget_measure (self->badge, GTK_ORIENTATION_VERTICAL, -1, NULL, &self->badge_height, NULL, NULL);
  metrics = pango_context_get_metrics (context, NULL, NULL);
  self->char_width = MAX (1, PANGO_PIXELS (pango_font_metrics_get_approximate_char_width (metrics)));
  pango_font_metrics_unref (metrics);
  self->have_metrics = TRUE;

  g_clear_pointer (&shared_metrics.font, pango_font_description_free);
  shared_metrics.font = pango_font_description_copy (font);
  memcpy (shared_metrics.line_height, self->line_height, sizeof self->line_height);
  memcpy (shared_metrics.char_width, self->part_char_width, sizeof self->part_char_width);
  shared_metrics.badge_height = self->badge_height;
  shared_metrics.mean_char_width = self->char_width;
}

/* The lines each text gets at @width, from its length: enough for it
 * (up to its most), or one more than it needs when the words fall
 * badly, never fewer than it has room for in a row the same height. */
static void
lines_for_width (TriClaimRow *self,
                 int          width)
{
  if (self->width == width)
    return;

  ensure_metrics (self);
  for (Part part = PART_SUMMARY; part < N_PARTS; part++)
    {
      double length = self->n_chars[part] * self->part_char_width[part] * WRAP_SLACK;

      self->lines[part] = self->shown[part] ? CLAMP ((int) ceil (length / MAX (1, width)), 1,
                                                     max_lines[part]) : 0;
    }
  self->first_line = MAX (self->badge_height,
                          MAX (self->line_height[PART_SOURCES], self->line_height[PART_DATE]));
  self->width = width;
}

static int
height_for_width (TriClaimRow *self,
                  int          width)
{
  int height;

  lines_for_width (self, width);
  height = self->first_line;
  for (Part part = PART_SUMMARY; part < N_PARTS; part++)
    if (self->shown[part])
      height += SPACING + self->lines[part] * self->line_height[part];
  return height;
}

/* Wraps the texts for @width in the lines they were given: shapes them
 * (the first time after a change). Only for a row that is drawn. */
static void
layout_for_width (TriClaimRow *self,
                  int          width)
{
  int sources_width, date_height;

  lines_for_width (self, width);
  if (self->laid_out_width == width)
    return;

  gtk_widget_measure (self->badge, GTK_ORIENTATION_HORIZONTAL, -1,
                      NULL, &self->badge_width, NULL, NULL);
  pango_layout_get_pixel_size (self->layouts[PART_DATE], &self->date_width, &date_height);
  sources_width = MAX (0, width - self->badge_width - self->date_width - 2 * GAP);
  pango_layout_set_width (self->layouts[PART_SOURCES], sources_width * PANGO_SCALE);
  for (Part part = PART_SUMMARY; part < N_PARTS; part++)
    {
      pango_layout_set_width (self->layouts[part], MAX (1, width) * PANGO_SCALE);
      pango_layout_set_height (self->layouts[part], -MAX (1, self->lines[part]));
    }
  self->laid_out_width = width;
}

static void
tri_claim_row_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  TriClaimRow *self = TRI_CLAIM_ROW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* What the summary label asked for: 20 characters, 40 at most */
      ensure_metrics (self);
      *minimum = 20 * self->char_width;
      *natural = 40 * self->char_width;
    }
  else
    {
      /* Without a width, the one the row has, rather than lay the texts
       * out again for another */
      if (for_size < 0 && self->width > 0)
        for_size = self->width;
      else if (for_size < 0)
        {
          ensure_metrics (self);
          for_size = 40 * self->char_width;
        }
      *minimum = *natural = height_for_width (self, for_size);
    }
}

static GtkSizeRequestMode
tri_claim_row_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
tri_claim_row_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  TriClaimRow *self = TRI_CLAIM_ROW (widget);
  graphene_point_t at;

  int badge_width;

  lines_for_width (self, width);
  gtk_widget_measure (self->badge, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &badge_width, NULL, NULL);
  at = GRAPHENE_POINT_INIT (0, (self->first_line - self->badge_height) / 2);
  gtk_widget_allocate (self->badge, badge_width, self->badge_height, -1,
                       gsk_transform_translate (NULL, &at));
}

static void
append_layout (GtkSnapshot   *snapshot,
               PangoLayout   *layout,
               int            x,
               int            y,
               const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
tri_claim_row_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  TriClaimRow *self = TRI_CLAIM_ROW (widget);
  int width = gtk_widget_get_width (widget);
  GtkStyleContext *context;
  GdkRGBA fg, dim, accent;
  int y;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  context = gtk_widget_get_style_context (widget);
  gtk_style_context_get_color (context, &fg);
  if (!gtk_style_context_lookup_color (context, "accent_color", &accent))
    accent = fg;
  G_GNUC_END_IGNORE_DEPRECATIONS
  /* Adwaita's dim-label */
  dim = fg;
  dim.alpha *= 0.55f;

  layout_for_width (self, width);
  gtk_widget_snapshot_child (widget, self->badge, snapshot);
  append_layout (snapshot, self->layouts[PART_SOURCES], self->badge_width + GAP,
                 (self->first_line - self->line_height[PART_SOURCES]) / 2, &fg);
  append_layout (snapshot, self->layouts[PART_DATE], width - self->date_width,
                 (self->first_line - self->line_height[PART_DATE]) / 2, &dim);

  y = self->first_line;
  for (Part part = PART_SUMMARY; part < N_PARTS; part++)
    {
      if (!self->shown[part])
        continue;
      y += SPACING;
      append_layout (snapshot, self->layouts[part], 0, y,
                     part == PART_PLACES ? &dim : part == PART_NOTE ? &accent : &fg);
      y += self->lines[part] * self->line_height[part];
    }
}

static void
tri_claim_row_css_changed (GtkWidget         *widget,
                           GtkCssStyleChange *change)
{
  TriClaimRow *self = TRI_CLAIM_ROW (widget);
  const PangoFontDescription *font;

  GTK_WIDGET_CLASS (tri_claim_row_parent_class)->css_changed (widget, change);

  /* Hover and selection change the style too, but only a new font (the
   * parent updated the widget's Pango context) needs the texts laid out
   * again; the colours are read when drawing */
  font = pango_context_get_font_description (gtk_widget_get_pango_context (widget));
  if (self->font != NULL && pango_font_description_equal (font, self->font))
    {
      gtk_widget_queue_draw (widget);
      return;
    }
  g_clear_pointer (&self->font, pango_font_description_free);
  self->font = pango_font_description_copy (font);
  for (Part part = 0; part < N_PARTS; part++)
    pango_layout_context_changed (self->layouts[part]);
  self->have_metrics = FALSE;
  invalidate (self);
}

static void
tri_claim_row_dispose (GObject *object)
{
  TriClaimRow *self = (TriClaimRow *)object;

  g_clear_pointer (&self->badge, gtk_widget_unparent);
  g_clear_object (&self->item);
  for (Part part = 0; part < N_PARTS; part++)
    g_clear_object (&self->layouts[part]);

  G_OBJECT_CLASS (tri_claim_row_parent_class)->dispose (object);
}

static void
tri_claim_row_finalize (GObject *object)
{
  TriClaimRow *self = (TriClaimRow *)object;

  g_clear_pointer (&self->font, pango_font_description_free);

  G_OBJECT_CLASS (tri_claim_row_parent_class)->finalize (object);
}

static void
tri_claim_row_class_init (TriClaimRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tri_claim_row_dispose;
  object_class->finalize = tri_claim_row_finalize;
  widget_class->measure = tri_claim_row_measure;
  widget_class->get_request_mode = tri_claim_row_get_request_mode;
  widget_class->size_allocate = tri_claim_row_size_allocate;
  widget_class->snapshot = tri_claim_row_snapshot;
  widget_class->css_changed = tri_claim_row_css_changed;

  gtk_widget_class_set_css_name (widget_class, "claimrow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LIST_ITEM);
}

static PangoLayout *
new_layout (TriClaimRow *self,
            gboolean     caption,
            PangoWeight  weight,
            PangoStyle   style)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  PangoAttrList *attrs = pango_attr_list_new ();

  /* Adwaita's .caption is 9 pt */
  if (caption)
    pango_attr_list_insert (attrs, pango_attr_size_new (9 * PANGO_SCALE));
  if (weight != PANGO_WEIGHT_NORMAL)
    pango_attr_list_insert (attrs, pango_attr_weight_new (weight));
  if (style != PANGO_STYLE_NORMAL)
    pango_attr_list_insert (attrs, pango_attr_style_new (style));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  return layout;
}

static void
tri_claim_row_init (TriClaimRow *self)
{
  self->width = -1;
  self->badge = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->badge, "verdict-badge");
  gtk_widget_set_parent (self->badge, GTK_WIDGET (self));

  self->layouts[PART_SOURCES] = new_layout (self, TRUE, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL);
  pango_layout_set_ellipsize (self->layouts[PART_SOURCES], PANGO_ELLIPSIZE_END);
  self->layouts[PART_DATE] = new_layout (self, TRUE, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL);

  self->layouts[PART_SUMMARY] = new_layout (self, FALSE, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL);
  self->layouts[PART_DIFFERENCE] = new_layout (self, FALSE, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL);
  self->layouts[PART_PLACES] = new_layout (self, TRUE, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL);
  self->layouts[PART_NOTE] = new_layout (self, FALSE, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC);
  /* Each in the lines lines_for_width() gives it, ellipsized */
  for (Part part = PART_SUMMARY; part < N_PARTS; part++)
    {
      pango_layout_set_wrap (self->layouts[part], PANGO_WRAP_WORD_CHAR);
      pango_layout_set_ellipsize (self->layouts[part], PANGO_ELLIPSIZE_END);
    }
}

/**
 * tri_claim_row_set_item:
 * @self: a #TriClaimRow
 * @item: (nullable): the claim to show
 *
 * Shows @item, or nothing.
 */
void
tri_claim_row_set_item (TriClaimRow  *self,
                        TriClaimItem *item)
{
  TriVerdict verdict;
  g_autofree char *date = NULL;
  g_autofree char *sources = NULL;
  g_autofree char *line = NULL;
  g_autofree char *badge = NULL;
  g_autofree char *accessible = NULL;
  g_autoptr(GString) places = NULL;

  g_return_if_fail (TRI_IS_CLAIM_ROW (self));
  g_return_if_fail (item == NULL || TRI_IS_CLAIM_ITEM (item));

  /* The same item again too: its note or verdict may have changed */
  g_set_object (&self->item, item);
  if (item == NULL)
    return;

  verdict = tri_claim_item_get_verdict (item);
  for (guint v = 0; v < TRI_N_VERDICTS; v++)
    gtk_widget_remove_css_class (self->badge, tri_verdict_to_css_class (v));
  gtk_widget_add_css_class (self->badge, tri_verdict_to_css_class (verdict));
  if (item->overridden)
    /* Translators: a verdict the researcher chose */
    badge = g_strdup_printf (_("%s (yours)"), tri_verdict_to_label (verdict));
  gtk_label_set_text (GTK_LABEL (self->badge), badge ? badge : tri_verdict_to_label (verdict));

  sources = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u source", "%u sources",
                                          item->n_sources),
                             item->n_sources);
  /* Translators: claim type and number of sources, "Attack · 2 sources" */
  line = g_strdup_printf (_("%s · %s"), tri_claim_type_to_label (item->type), sources);
  set_part (self, PART_SOURCES, line);
  date = tri_claim_item_format_date (item);
  set_part (self, PART_DATE, date ? date : _("date unknown"));
  set_part (self, PART_SUMMARY, item->summary);
  set_part (self, PART_DIFFERENCE, item->differences);

  places = g_string_new (NULL);
  for (guint i = 0; i < item->places->len; i++)
    {
      if (i > 0)
        g_string_append (places, ", ");
      g_string_append (places, g_array_index (item->places, TriItemPlace, i).name);
    }
  set_part (self, PART_PLACES, places->str);
  set_part (self, PART_NOTE, item->note);

  if (item->hidden)
    gtk_widget_add_css_class (GTK_WIDGET (self), "hidden-claim");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "hidden-claim");

  accessible = g_strdup_printf ("%s, %s, %s: %s", tri_verdict_to_label (verdict), sources,
                                date ? date : _("date unknown"), item->summary);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);

  invalidate (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

TriClaimItem *
tri_claim_row_get_item (TriClaimRow *self)
{
  g_return_val_if_fail (TRI_IS_CLAIM_ROW (self), NULL);
  return self->item;
}

/**
 * tri_claim_row_get_text:
 * @self: a #TriClaimRow
 * @part: "badge", "sources", "date", "summary", "difference", "places" or "note"
 *
 * Returns: (nullable): the text the row shows there, or %NULL if that
 *   part is not shown
 */
const char *
tri_claim_row_get_text (TriClaimRow *self,
                        const char  *part)
{
  g_return_val_if_fail (TRI_IS_CLAIM_ROW (self), NULL);
  g_return_val_if_fail (part != NULL, NULL);

  if (g_str_equal (part, "badge"))
    return gtk_label_get_text (GTK_LABEL (self->badge));
  for (Part p = 0; p < N_PARTS; p++)
    if (g_str_equal (part, part_names[p]))
      return self->shown[p] ? pango_layout_get_text (self->layouts[p]) : NULL;
  g_return_val_if_reached (NULL);
}
