/* tri-source-view.c
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-source-view"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "tri-source-view.h"

/* The bottom pane. One source: its article's text with the claim's
 * sentence highlighted, mentions styled by kind and boilerplate greyed
 * out. A claim that several sources state: one column per source with its
 * outlet, date and sentence, and why the verdict is what it is. */

struct _TriSourceView
{
  GtkWidget      parent_instance;

  /* children */
  GtkWidget     *box;
  GtkLabel      *heading;
  GtkStack      *stack;
  GtkTextView   *text_view;
  GtkBox        *columns;
  GtkLabel      *why;

  /* owned */
  TriArticle    *article;
  TriClaimItem  *item;
  guint          hl_start;
  guint          hl_end;
  guint          scroll_source;
};

G_DEFINE_FINAL_TYPE (TriSourceView, tri_source_view, GTK_TYPE_WIDGET)

GtkWidget *
tri_source_view_new (void)
{
  return g_object_new (TRI_TYPE_SOURCE_VIEW, NULL);
}

static char *
format_published (TriArticle *article)
{
  const char *published = tri_article_get_published (article);
  TriDateSource source = tri_article_get_published_source (article);
  g_autofree char *text = NULL;
  int y = 0, m = 0, d = 0;
  GDate date;

  if (published == NULL || sscanf (published, "%d-%d-%d", &y, &m, &d) < 1 || y < 1)
    return g_strdup (_("date unknown"));
  g_date_clear (&date, 1);
  if (m >= 1 && m <= 12 && d >= 1 && g_date_valid_dmy (d, m, y))
    {
      g_date_set_dmy (&date, d, m, y);
      text = tri_format_julian_day (g_date_get_julian (&date), TRI_PRECISION_DAY);
    }
  else if (m >= 1 && m <= 12)
    {
      g_date_set_dmy (&date, 1, m, y);
      text = tri_format_julian_day (g_date_get_julian (&date), TRI_PRECISION_MONTH);
    }
  else
    {
      g_date_set_dmy (&date, 1, 1, y);
      text = tri_format_julian_day (g_date_get_julian (&date), TRI_PRECISION_YEAR);
    }
  if (source == TRI_DATE_SOURCE_INFERRED)
    /* Translators: a publication date worked out from the text */
    return g_strdup_printf (_("≈ %s (inferred)"), text);
  if (source == TRI_DATE_SOURCE_USER)
    /* Translators: a publication date the researcher set */
    return g_strdup_printf (_("%s (set by you)"), text);
  return g_steal_pointer (&text);
}

static const char *
outlet_of (TriArticle *article)
{
  const char *outlet = tri_article_get_outlet (article);

  return outlet != NULL ? outlet : tri_article_get_id (article);
}

static void
get_iter (GtkTextBuffer *buffer,
          const char    *text,
          gsize          len,
          guint          byte,
          GtkTextIter   *iter)
{
  byte = MIN (byte, len);
  gtk_text_buffer_get_iter_at_offset (buffer, iter, g_utf8_pointer_to_offset (text, text + byte));
}

static const char *
tag_for_kind (TriMentionKind kind)
{
  switch (kind)
    {
    case TRI_MENTION_TIME:
      return "time";
    case TRI_MENTION_QUANTITY:
      return "quantity";
    case TRI_MENTION_PLACE:
      return "place";
    case TRI_MENTION_ACTOR:
      return "actor";
    default:
      return NULL;
    }
}

static gboolean
scroll_to_highlight (gpointer data)
{
  TriSourceView *self = data;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextMark *mark = gtk_text_buffer_get_mark (buffer, "highlight");

  if (mark != NULL)
    gtk_text_view_scroll_to_mark (self->text_view, mark, 0.1, TRUE, 0.0, 0.3);
  self->scroll_source = 0;
  return G_SOURCE_REMOVE;
}

/**
 * tri_source_view_show_article:
 * @self: a #TriSourceView
 * @article: the article
 * @start: start of the sentence to highlight (byte offset in the NFC text)
 * @end: its end; equal to @start for none
 */
void
tri_source_view_show_article (TriSourceView *self,
                              TriArticle    *article,
                              guint          start,
                              guint          end)
{
  GtkTextBuffer *buffer;
  const char *text;
  gsize len = 0;
  GPtrArray *mentions;
  GtkTextIter a, b;
  g_autofree char *date = NULL;
  g_autofree char *heading = NULL;
  const char *title;

  g_return_if_fail (TRI_IS_SOURCE_VIEW (self));
  g_return_if_fail (TRI_IS_ARTICLE (article));

  buffer = gtk_text_view_get_buffer (self->text_view);
  if (self->article != article)
    {
      g_set_object (&self->article, article);
      text = tri_article_get_text (article, &len);
      gtk_text_buffer_set_text (buffer, text ? text : "", text ? (int) len : 0);

      for (guint i = 0; i < tri_article_get_n_boilerplate (article); i++)
        {
          guint bs, be;

          if (!tri_article_get_boilerplate (article, i, &bs, &be, NULL))
            continue;
          get_iter (buffer, text, len, bs, &a);
          get_iter (buffer, text, len, be, &b);
          gtk_text_buffer_apply_tag_by_name (buffer, "boilerplate", &a, &b);
        }
      mentions = tri_article_get_mentions (article);
      for (guint i = 0; mentions != NULL && i < mentions->len; i++)
        {
          TriMention *mention = g_ptr_array_index (mentions, i);
          const char *tag = tag_for_kind (mention->kind);

          if (tag == NULL || mention->end <= mention->start)
            continue;
          get_iter (buffer, text, len, mention->start, &a);
          get_iter (buffer, text, len, mention->end, &b);
          gtk_text_buffer_apply_tag_by_name (buffer, tag, &a, &b);
        }
    }
  else
    text = tri_article_get_text (article, &len);

  gtk_text_buffer_get_bounds (buffer, &a, &b);
  gtk_text_buffer_remove_tag_by_name (buffer, "highlight", &a, &b);
  self->hl_start = start;
  self->hl_end = end;
  if (end > start)
    {
      get_iter (buffer, text, len, start, &a);
      get_iter (buffer, text, len, end, &b);
      gtk_text_buffer_apply_tag_by_name (buffer, "highlight", &a, &b);
      gtk_text_buffer_place_cursor (buffer, &a);
      if (gtk_text_buffer_get_mark (buffer, "highlight") != NULL)
        gtk_text_buffer_move_mark_by_name (buffer, "highlight", &a);
      else
        gtk_text_buffer_create_mark (buffer, "highlight", &a, TRUE);
      if (self->scroll_source == 0)
        self->scroll_source = g_idle_add (scroll_to_highlight, self);
    }

  title = tri_article_get_title (article);
  date = format_published (article);
  heading = g_strdup_printf ("%s · %s%s%s", outlet_of (article), date,
                             title ? " · " : "", title ? title : "");
  gtk_label_set_text (self->heading, heading);
  gtk_stack_set_visible_child_name (self->stack, "article");
}

static void
clear_columns (TriSourceView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->columns))))
    gtk_box_remove (self->columns, child);
}

void
tri_source_view_show_item (TriSourceView *self,
                           TriClaimItem  *item)
{
  g_return_if_fail (TRI_IS_SOURCE_VIEW (self));
  g_return_if_fail (!item || TRI_IS_CLAIM_ITEM (item));

  g_set_object (&self->item, item);
  if (item == NULL || item->sources->len == 0)
    {
      tri_source_view_clear (self);
      return;
    }

  if (item->sources->len == 1)
    {
      TriItemSource *source = g_ptr_array_index (item->sources, 0);

      tri_source_view_show_article (self, source->article, source->start, source->end);
      return;
    }

  /* Several sources: side by side. */
  clear_columns (self);
  for (guint i = 0; i < item->sources->len; i++)
    {
      TriItemSource *source = g_ptr_array_index (item->sources, i);
      GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
      GtkWidget *outlet = gtk_label_new (outlet_of (source->article));
      g_autofree char *date_text = format_published (source->article);
      GtkWidget *date = gtk_label_new (date_text);
      GtkWidget *sentence = gtk_label_new (source->text);

      gtk_widget_add_css_class (column, "card");
      gtk_widget_add_css_class (column, "source-column");
      gtk_widget_set_size_request (column, 260, -1);
      gtk_widget_set_hexpand (column, TRUE);
      gtk_widget_add_css_class (outlet, "heading");
      gtk_label_set_xalign (GTK_LABEL (outlet), 0);
      gtk_widget_add_css_class (date, "dim-label");
      gtk_label_set_xalign (GTK_LABEL (date), 0);
      gtk_label_set_wrap (GTK_LABEL (sentence), TRUE);
      gtk_label_set_xalign (GTK_LABEL (sentence), 0);
      gtk_label_set_selectable (GTK_LABEL (sentence), TRUE);
      gtk_box_append (GTK_BOX (column), outlet);
      gtk_box_append (GTK_BOX (column), date);
      gtk_box_append (GTK_BOX (column), sentence);
      gtk_box_append (self->columns, column);
    }
  gtk_label_set_text (self->why, item->why ? item->why : "");
  gtk_widget_set_visible (GTK_WIDGET (self->why), item->why != NULL);
  {
    g_autofree char *heading =
      g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u source", "%s · %u sources", item->n_sources),
                       tri_verdict_to_label (tri_claim_item_get_verdict (item)), item->n_sources);

    gtk_label_set_text (self->heading, heading);
  }
  gtk_stack_set_visible_child_name (self->stack, "compare");
}

void
tri_source_view_clear (TriSourceView *self)
{
  g_return_if_fail (TRI_IS_SOURCE_VIEW (self));

  g_clear_object (&self->article);
  g_clear_object (&self->item);
  self->hl_start = self->hl_end = 0;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), "", 0);
  clear_columns (self);
  gtk_label_set_text (self->heading, _("Select a claim or a source to read it here"));
  gtk_stack_set_visible_child_name (self->stack, "article");
}

TriArticle *
tri_source_view_get_article (TriSourceView *self)
{
  g_return_val_if_fail (TRI_IS_SOURCE_VIEW (self), NULL);
  return self->article;
}

TriClaimItem *
tri_source_view_get_item (TriSourceView *self)
{
  g_return_val_if_fail (TRI_IS_SOURCE_VIEW (self), NULL);
  return self->item;
}

gboolean
tri_source_view_is_comparing (TriSourceView *self)
{
  g_return_val_if_fail (TRI_IS_SOURCE_VIEW (self), FALSE);
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "compare") == 0;
}

GtkTextBuffer *
tri_source_view_get_buffer (TriSourceView *self)
{
  g_return_val_if_fail (TRI_IS_SOURCE_VIEW (self), NULL);
  return gtk_text_view_get_buffer (self->text_view);
}

/**
 * tri_source_view_dup_highlight:
 * @self: a #TriSourceView
 *
 * Returns: (transfer full) (nullable): the highlighted text
 */
char *
tri_source_view_dup_highlight (TriSourceView *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter a, b;
  GtkTextTag *tag;

  g_return_val_if_fail (TRI_IS_SOURCE_VIEW (self), NULL);

  buffer = gtk_text_view_get_buffer (self->text_view);
  tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "highlight");
  gtk_text_buffer_get_start_iter (buffer, &a);
  if (!gtk_text_iter_starts_tag (&a, tag) && !gtk_text_iter_forward_to_tag_toggle (&a, tag))
    return NULL;
  b = a;
  gtk_text_iter_forward_to_tag_toggle (&b, tag);
  return gtk_text_buffer_get_text (buffer, &a, &b, FALSE);
}

static void
tri_source_view_dispose (GObject *object)
{
  TriSourceView *self = (TriSourceView *)object;

  g_clear_handle_id (&self->scroll_source, g_source_remove);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->article);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (tri_source_view_parent_class)->dispose (object);
}

static void
tri_source_view_class_init (TriSourceViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tri_source_view_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sourceview");
}

static void
tri_source_view_init (TriSourceView *self)
{
  GtkTextBuffer *buffer;
  GtkWidget *scroller, *compare_scroller, *compare_box;

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->heading = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->heading, 0);
  gtk_label_set_ellipsize (self->heading, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (self->heading), "source-heading");
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->heading));

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->stack));

  self->text_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_editable (self->text_view, FALSE);
  gtk_text_view_set_cursor_visible (self->text_view, FALSE);
  gtk_text_view_set_wrap_mode (self->text_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (self->text_view, 12);
  gtk_text_view_set_right_margin (self->text_view, 12);
  gtk_text_view_set_top_margin (self->text_view, 6);
  gtk_text_view_set_bottom_margin (self->text_view, 12);
  gtk_text_view_set_pixels_below_lines (self->text_view, 2);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Article text"), -1);
  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_create_tag (buffer, "boilerplate", "foreground-rgba", &(GdkRGBA) { 0.5, 0.5, 0.5, 0.7 },
                              "scale", 0.9, NULL);
  gtk_text_buffer_create_tag (buffer, "highlight", "background-rgba", &(GdkRGBA) { 0.97, 0.83, 0.18, 0.4 },
                              NULL);
  gtk_text_buffer_create_tag (buffer, "place", "underline", PANGO_UNDERLINE_SINGLE,
                              "underline-rgba", &(GdkRGBA) { 0.21, 0.52, 0.89, 1 }, NULL);
  gtk_text_buffer_create_tag (buffer, "time", "underline", PANGO_UNDERLINE_DOUBLE,
                              "underline-rgba", &(GdkRGBA) { 0.90, 0.38, 0.0, 1 }, NULL);
  gtk_text_buffer_create_tag (buffer, "quantity", "weight", PANGO_WEIGHT_BOLD, NULL);
  gtk_text_buffer_create_tag (buffer, "actor", "style", PANGO_STYLE_ITALIC, NULL);

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->text_view));
  gtk_stack_add_named (self->stack, scroller, "article");

  compare_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  self->columns = GTK_BOX (gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12));
  gtk_widget_set_margin_start (GTK_WIDGET (self->columns), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->columns), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self->columns), 6);
  gtk_box_set_homogeneous (self->columns, TRUE);
  gtk_box_append (GTK_BOX (compare_box), GTK_WIDGET (self->columns));
  self->why = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->why, TRUE);
  gtk_label_set_xalign (self->why, 0);
  gtk_widget_set_margin_start (GTK_WIDGET (self->why), 12);
  gtk_widget_add_css_class (GTK_WIDGET (self->why), "dim-label");
  gtk_box_append (GTK_BOX (compare_box), GTK_WIDGET (self->why));
  compare_scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (compare_scroller), compare_box);
  gtk_stack_add_named (self->stack, compare_scroller, "compare");

  tri_source_view_clear (self);
}
