/* tri-claims-list.c: the list of claims, one row per claim in view
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-claims-list"

#include "config.h"

#include <math.h>

#include "tri-claim-row.h"
#include "tri-claims-list.h"

/* GTK 4.8's list views keep row widgets alive around an anchor (about 30
 * for a grid, 200 for a list) and, when the items under the anchor are
 * removed, destroy them all and build new ones. A time range that slides
 * removes the claims at the top of the list at every step, so each step
 * cost thirty new rows, most of them out of view. This list has a row
 * for each claim in view (and keeps the ones that scroll out, to reuse),
 * and gives its rows other claims as the list scrolls or changes.
 *
 * Where the list is scrolled to is an item and how far the view starts
 * into it (the anchor), so that a change above the view does not move
 * what is shown. Rows in view are measured; for the scroll bar, the rows
 * out of view count as the mean height of those measured. */

typedef struct
{
  TriClaimRow *row;
  guint        position;  /* the claim it shows; G_MAXUINT: none, or changed */
  guint        layout;    /* the last layout that placed it */
  int          width;     /* it was measured at */
  int          height;
  int          y;
  int          selected;  /* as last told to assistive technologies; -1: not yet */
} Slot;

struct _TriClaimsList
{
  GtkWidget            parent_instance;

  GtkSingleSelection  *model;
  GtkAdjustment       *adjustment[2];
  GtkScrollablePolicy  policy[2];

  guint                anchor;         /* the claim at the top of the view */
  double               anchor_offset;  /* how far the view starts into it */
  double               value;          /* the adjustment's value, as last set */
  double               estimate;       /* the height of a row not measured */

  /* The rows: in view, the first n_shown slots in order, from the claim
   * at position first_shown */
  GArray              *slots;
  guint                n_shown;
  guint                first_shown;
  guint                layout;

  TriClaimRow         *probe;          /* measures claims out of view */
  guint                cursor;         /* the keyboard's position */
};

enum {
  PROP_0,
  PROP_MODEL,
  N_PROPS,

  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

static GParamSpec *properties [N_PROPS];

G_DEFINE_FINAL_TYPE_WITH_CODE (TriClaimsList, tri_claims_list, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

static guint
n_items (TriClaimsList *self)
{
  return self->model ? g_list_model_get_n_items (G_LIST_MODEL (self->model)) : 0;
}

static int
measure_row (TriClaimRow *row,
             int          width)
{
  int height;

  gtk_widget_measure (GTK_WIDGET (row), GTK_ORIENTATION_VERTICAL, width, &height, NULL, NULL, NULL);
  return height;
}

/* The height of the claim at @position at @width: from its row if it has
 * one, else from the probe */
static int
height_at (TriClaimsList *self,
           guint          position,
           int            width)
{
  g_autoptr(TriClaimItem) item = NULL;

  for (guint i = 0; i < self->slots->len; i++)
    {
      Slot *slot = &g_array_index (self->slots, Slot, i);

      if (slot->position != position)
        continue;
      if (slot->width != width)
        {
          slot->height = measure_row (slot->row, width);
          slot->width = width;
        }
      return slot->height;
    }

  item = g_list_model_get_item (G_LIST_MODEL (self->model), position);
  if (tri_claim_row_get_item (self->probe) != item)
    tri_claim_row_set_item (self->probe, item);
  return measure_row (self->probe, width);
}

/* Lays the rows out again. As a resize, not only an allocation: the
 * rows are given their claims while the list is allocated, and a row
 * given a claim asks for a resize, which marks the list's ancestors. In
 * a resize they are being allocated then, and done with it after; a
 * mere allocation walks past them, leaving them marked for the frame's
 * drawing (GTK warns of drawing a widget without an allocation). */
static void
relayout (TriClaimsList *self)
{
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* A row for the claim at @position in this layout: the one that shows it
 * already, else the one whose claim is farthest from it (the least likely
 * to come back into view), else a new one */
static guint
take_row (TriClaimsList *self,
          guint          position)
{
  g_autoptr(TriClaimItem) item = NULL;
  guint best = G_MAXUINT;
  guint64 best_distance = 0;
  Slot *slot;

  for (guint i = 0; i < self->slots->len; i++)
    {
      Slot *s = &g_array_index (self->slots, Slot, i);
      guint64 distance;

      if (s->layout == self->layout)
        continue;
      if (s->position == position)
        {
          s->layout = self->layout;
          return i;
        }
      distance = s->position == G_MAXUINT ? G_MAXUINT64
                 : (guint64) ABS ((gint64) s->position - (gint64) position);
      if (best == G_MAXUINT || distance > best_distance)
        {
          best = i;
          best_distance = distance;
        }
    }

  if (best == G_MAXUINT)
    {
      Slot fresh = { TRI_CLAIM_ROW (tri_claim_row_new ()), G_MAXUINT, 0, -1, 0, 0, -1 };

      gtk_widget_set_parent (GTK_WIDGET (fresh.row), GTK_WIDGET (self));
      g_array_append_val (self->slots, fresh);
      best = self->slots->len - 1;
    }

  slot = &g_array_index (self->slots, Slot, best);
  item = g_list_model_get_item (G_LIST_MODEL (self->model), position);
  tri_claim_row_set_item (slot->row, item);
  slot->position = position;
  slot->layout = self->layout;
  slot->width = -1;
  return best;
}

static void
update_row_states (TriClaimsList *self)
{
  gboolean focus = gtk_widget_has_visible_focus (GTK_WIDGET (self));

  if (self->model == NULL)
    return;
  for (guint i = 0; i < self->n_shown; i++)
    {
      Slot *slot = &g_array_index (self->slots, Slot, i);
      GtkWidget *row = GTK_WIDGET (slot->row);
      gboolean selected = gtk_selection_model_is_selected (GTK_SELECTION_MODEL (self->model),
                                                           slot->position);

      if (selected)
        gtk_widget_set_state_flags (row, GTK_STATE_FLAG_SELECTED, FALSE);
      else
        gtk_widget_unset_state_flags (row, GTK_STATE_FLAG_SELECTED);
      if (focus && slot->position == self->cursor)
        gtk_widget_set_state_flags (row, GTK_STATE_FLAG_FOCUSED | GTK_STATE_FLAG_FOCUS_VISIBLE, FALSE);
      else
        gtk_widget_unset_state_flags (row, GTK_STATE_FLAG_FOCUSED | GTK_STATE_FLAG_FOCUS_VISIBLE);
      if (slot->selected != selected)
        {
          gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_SELECTED, selected, -1);
          slot->selected = selected;
        }
    }
}

static void
configure_adjustments (TriClaimsList *self,
                       int            width,
                       int            height,
                       double         bottom)
{
  GtkAdjustment *h = self->adjustment[GTK_ORIENTATION_HORIZONTAL];
  GtkAdjustment *v = self->adjustment[GTK_ORIENTATION_VERTICAL];
  guint after = n_items (self) - MIN (n_items (self), self->first_shown + self->n_shown);
  double value = self->anchor * self->estimate + self->anchor_offset;
  double upper = value + MAX (bottom, height) + after * self->estimate;

  if (h != NULL)
    gtk_adjustment_configure (h, 0, 0, width, width * 0.1, width * 0.9, width);
  if (v != NULL)
    {
      self->value = value;
      gtk_adjustment_configure (v, value, 0, upper, MAX (20, self->estimate / 2),
                                height * 0.9, height);
    }
}

/* Lays out the rows in view from the anchor; if the list ends above the
 * bottom of the view, scrolls back so that it ends there */
static void
tri_claims_list_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  TriClaimsList *self = TRI_CLAIMS_LIST (widget);
  g_autoptr(GArray) shown = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) slots = NULL;
  guint n = n_items (self);
  double y, bottom = 0, total = 0;

  self->layout++;
  if (n > 0)
    {
      guint position;

      self->anchor = MIN (self->anchor, n - 1);
      y = -self->anchor_offset;
      for (position = self->anchor; position < n && y < height; position++)
        {
          guint i = take_row (self, position);
          Slot *slot = &g_array_index (self->slots, Slot, i);

          if (slot->width != width)
            {
              slot->height = measure_row (slot->row, width);
              slot->width = width;
            }
          g_array_append_val (shown, i);
          y += slot->height;
        }

      if (y < height && (self->anchor > 0 || self->anchor_offset > 0))
        {
          self->anchor_offset -= height - y;
          while (self->anchor_offset < 0 && self->anchor > 0)
            {
              guint i = take_row (self, --self->anchor);
              Slot *slot = &g_array_index (self->slots, Slot, i);

              if (slot->width != width)
                {
                  slot->height = measure_row (slot->row, width);
                  slot->width = width;
                }
              g_array_prepend_val (shown, i);
              self->anchor_offset += slot->height;
            }
          self->anchor_offset = MAX (self->anchor_offset, 0);
        }
    }

  /* The rows in view first, in order, then the spare ones */
  slots = g_array_sized_new (FALSE, FALSE, sizeof (Slot), self->slots->len);
  for (guint k = 0; k < shown->len; k++)
    g_array_append_val (slots, g_array_index (self->slots, Slot, g_array_index (shown, guint, k)));
  for (guint i = 0; i < self->slots->len; i++)
    if (g_array_index (self->slots, Slot, i).layout != self->layout)
      g_array_append_val (slots, g_array_index (self->slots, Slot, i));
  g_array_unref (self->slots);
  self->slots = g_steal_pointer (&slots);
  self->n_shown = shown->len;
  self->first_shown = self->anchor;

  y = -self->anchor_offset;
  for (guint i = 0; i < self->slots->len; i++)
    {
      Slot *slot = &g_array_index (self->slots, Slot, i);
      GtkWidget *row = GTK_WIDGET (slot->row);

      if (i >= self->n_shown)
        {
          gtk_widget_set_child_visible (row, FALSE);
          continue;
        }
      /* In order for assistive technologies and keyboard focus */
      if (i > 0 && gtk_widget_get_prev_sibling (row) != GTK_WIDGET (g_array_index (self->slots, Slot, i - 1).row))
        gtk_widget_insert_after (row, widget, GTK_WIDGET (g_array_index (self->slots, Slot, i - 1).row));
      gtk_widget_set_child_visible (row, TRUE);
      slot->y = (int) floor (y);
      gtk_widget_allocate (row, width, slot->height, -1,
                           gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (0, slot->y)));
      y += slot->height;
      total += slot->height;
    }
  bottom = y;

  if (self->n_shown > 0)
    {
      double mean = total / self->n_shown;

      self->estimate = self->estimate > 0 ? 0.7 * self->estimate + 0.3 * mean : mean;
    }
  configure_adjustments (self, width, height, bottom);
  update_row_states (self);
}

static void
tri_claims_list_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  TriClaimsList *self = TRI_CLAIMS_LIST (widget);

  /* As wide as a row asks; as tall as it is given, being scrolled */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    gtk_widget_measure (GTK_WIDGET (self->probe), orientation, -1, minimum, natural, NULL, NULL);
  else
    *minimum = *natural = 0;
}

/* Scrolling */

static void
scroll_by (TriClaimsList *self,
           double         delta,
           int            width)
{
  guint n = n_items (self);

  if (n == 0)
    return;
  self->anchor = MIN (self->anchor, n - 1);
  self->anchor_offset += delta;
  while (self->anchor_offset < 0 && self->anchor > 0)
    self->anchor_offset += height_at (self, --self->anchor, width);
  self->anchor_offset = MAX (self->anchor_offset, 0);
  while (self->anchor + 1 < n)
    {
      int height = height_at (self, self->anchor, width);

      if (self->anchor_offset < height)
        break;
      self->anchor_offset -= height;
      self->anchor++;
    }
}

static void
on_value_changed (GtkAdjustment *adjustment,
                  TriClaimsList *self)
{
  double value = gtk_adjustment_get_value (adjustment);
  double delta = value - self->value;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  guint n = n_items (self);

  if (delta == 0 || n == 0)
    return;

  /* Near: move by the rows' real heights. Far (the scroll bar dragged):
   * go where the estimate puts that value. */
  if (width > 0 && fabs (delta) <= 2 * gtk_adjustment_get_page_size (adjustment))
    scroll_by (self, delta, width);
  else
    {
      double estimate = MAX (1, self->estimate);

      self->anchor = (guint) MIN (floor (value / estimate), n - 1);
      self->anchor_offset = MAX (0, value - self->anchor * estimate);
      if (width > 0)
        scroll_by (self, 0, width);
    }
  self->value = value;
  relayout (self);
}

/**
 * tri_claims_list_scroll_to:
 * @self: a #TriClaimsList
 * @position: a claim's position in the model
 *
 * Scrolls so that the claim at @position is in view, as little as that
 * takes: not at all if it is.
 */
void
tri_claims_list_scroll_to (TriClaimsList *self,
                           guint          position)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  int row_height;

  g_return_if_fail (TRI_IS_CLAIMS_LIST (self));

  if (position >= n_items (self))
    return;

  if (width <= 0 || height <= 0 || position <= self->anchor)
    {
      self->anchor = position;
      self->anchor_offset = 0;
      relayout (self);
      return;
    }

  for (guint i = 0; i < self->n_shown; i++)
    {
      const Slot *slot = &g_array_index (self->slots, Slot, i);

      if (slot->position == position && slot->y >= 0 && slot->y + slot->height <= height)
        return;
    }

  /* Below the view: show it at the bottom */
  row_height = height_at (self, position, width);
  self->anchor = position;
  self->anchor_offset = 0;
  scroll_by (self, row_height - height, width);
  relayout (self);
}

/* Input */

static guint
position_at (TriClaimsList *self,
             double         y)
{
  for (guint i = 0; i < self->n_shown; i++)
    {
      const Slot *slot = &g_array_index (self->slots, Slot, i);

      if (y >= slot->y && y < slot->y + slot->height)
        return slot->position;
    }
  return G_MAXUINT;
}

static void
move_cursor (TriClaimsList *self,
             guint          position)
{
  self->cursor = position;
  gtk_single_selection_set_selected (self->model, position);
  tri_claims_list_scroll_to (self, position);
  update_row_states (self);
}

static void
on_pressed (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            TriClaimsList   *self)
{
  guint position = position_at (self, y);

  if (position == G_MAXUINT)
    return;
  if (gtk_widget_get_focus_on_click (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self));
  move_cursor (self, position);
}

/* The keyboard moves the selection: "up", "down", "page-up",
 * "page-down", "home" or "end" */
static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TriClaimsList *self = TRI_CLAIMS_LIST (widget);
  const char *where = g_variant_get_string (parameter, NULL);
  guint n = n_items (self);
  guint selected, current, page, target;

  if (n == 0)
    return;

  selected = gtk_single_selection_get_selected (self->model);
  current = self->cursor < n ? self->cursor
            : selected < n ? selected
            : MIN (self->first_shown, n - 1);
  page = MAX (2, self->n_shown) - 1;

  if (g_str_equal (where, "up"))
    target = current > 0 ? current - 1 : 0;
  else if (g_str_equal (where, "down"))
    target = MIN (current + 1, n - 1);
  else if (g_str_equal (where, "page-up"))
    target = current > page ? current - page : 0;
  else if (g_str_equal (where, "page-down"))
    target = MIN (current + page, n - 1);
  else if (g_str_equal (where, "home"))
    target = 0;
  else if (g_str_equal (where, "end"))
    target = n - 1;
  else
    g_return_if_reached ();

  move_cursor (self, target);
}

/* Model */

static void
on_items_changed (GListModel    *model,
                  guint          position,
                  guint          removed,
                  guint          added,
                  TriClaimsList *self)
{
  /* Rows keep the claims that stay and move with them; those of the
   * claims replaced are told their new ones at the next layout, as are
   * the claims changed in place (removed and added again). */
  for (guint i = 0; i < self->slots->len; i++)
    {
      Slot *slot = &g_array_index (self->slots, Slot, i);

      if (slot->position == G_MAXUINT || slot->position < position)
        continue;
      if (slot->position >= position + removed)
        slot->position = slot->position - removed + added;
      else
        slot->position = G_MAXUINT;
    }

  if (self->anchor >= position + removed)
    self->anchor = self->anchor - removed + added;
  else if (self->anchor >= position)
    {
      self->anchor = position;
      self->anchor_offset = 0;
    }

  if (self->cursor != G_MAXUINT && self->cursor >= position)
    self->cursor = self->cursor >= position + removed ? self->cursor - removed + added : G_MAXUINT;

  tri_claim_row_set_item (self->probe, NULL);
  relayout (self);
}

static void
on_selection_changed (GtkSelectionModel *model,
                      guint              position,
                      guint              n,
                      TriClaimsList     *self)
{
  guint selected = gtk_single_selection_get_selected (self->model);

  if (selected != GTK_INVALID_LIST_POSITION)
    self->cursor = selected;
  update_row_states (self);
}

GtkSingleSelection *
tri_claims_list_get_model (TriClaimsList *self)
{
  g_return_val_if_fail (TRI_IS_CLAIMS_LIST (self), NULL);
  return self->model;
}

void
tri_claims_list_set_model (TriClaimsList      *self,
                           GtkSingleSelection *model)
{
  g_return_if_fail (TRI_IS_CLAIMS_LIST (self));
  g_return_if_fail (model == NULL || GTK_IS_SINGLE_SELECTION (model));

  if (self->model == model)
    return;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_set_object (&self->model, model);
  if (model != NULL)
    {
      g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), self);
      g_signal_connect (model, "selection-changed", G_CALLBACK (on_selection_changed), self);
    }

  for (guint i = 0; i < self->slots->len; i++)
    {
      Slot *slot = &g_array_index (self->slots, Slot, i);

      tri_claim_row_set_item (slot->row, NULL);
      slot->position = G_MAXUINT;
    }
  tri_claim_row_set_item (self->probe, NULL);
  self->anchor = 0;
  self->anchor_offset = 0;
  self->cursor = G_MAXUINT;
  relayout (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MODEL]);
}

/* GObject */

static void
set_adjustment (TriClaimsList  *self,
                GtkOrientation  orientation,
                GtkAdjustment  *adjustment)
{
  if (self->adjustment[orientation] == adjustment && adjustment != NULL)
    return;

  if (self->adjustment[orientation] != NULL)
    g_signal_handlers_disconnect_by_data (self->adjustment[orientation], self);
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  g_set_object (&self->adjustment[orientation], adjustment);
  if (orientation == GTK_ORIENTATION_VERTICAL)
    g_signal_connect (adjustment, "value-changed", G_CALLBACK (on_value_changed), self);
  relayout (self);
}

static void
tri_claims_list_state_flags_changed (GtkWidget     *widget,
                                     GtkStateFlags  previous)
{
  GTK_WIDGET_CLASS (tri_claims_list_parent_class)->state_flags_changed (widget, previous);

  /* The cursor's row shows the list's keyboard focus */
  update_row_states (TRI_CLAIMS_LIST (widget));
}

static void
tri_claims_list_dispose (GObject *object)
{
  TriClaimsList *self = (TriClaimsList *)object;

  tri_claims_list_set_model (self, NULL);
  if (self->slots != NULL)
    {
      for (guint i = 0; i < self->slots->len; i++)
        gtk_widget_unparent (GTK_WIDGET (g_array_index (self->slots, Slot, i).row));
      g_array_set_size (self->slots, 0);
    }
  self->n_shown = 0;
  if (self->probe != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->probe));
      self->probe = NULL;
    }
  for (guint o = 0; o < 2; o++)
    if (self->adjustment[o] != NULL)
      {
        g_signal_handlers_disconnect_by_data (self->adjustment[o], self);
        g_clear_object (&self->adjustment[o]);
      }

  G_OBJECT_CLASS (tri_claims_list_parent_class)->dispose (object);
}

static void
tri_claims_list_finalize (GObject *object)
{
  TriClaimsList *self = (TriClaimsList *)object;

  g_clear_pointer (&self->slots, g_array_unref);

  G_OBJECT_CLASS (tri_claims_list_parent_class)->finalize (object);
}

static void
tri_claims_list_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  TriClaimsList *self = TRI_CLAIMS_LIST (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->adjustment[GTK_ORIENTATION_HORIZONTAL]);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->adjustment[GTK_ORIENTATION_VERTICAL]);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->policy[GTK_ORIENTATION_HORIZONTAL]);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->policy[GTK_ORIENTATION_VERTICAL]);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tri_claims_list_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  TriClaimsList *self = TRI_CLAIMS_LIST (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      tri_claims_list_set_model (self, g_value_get_object (value));
      break;
    case PROP_HADJUSTMENT:
      set_adjustment (self, GTK_ORIENTATION_HORIZONTAL, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, GTK_ORIENTATION_VERTICAL, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
    case PROP_VSCROLL_POLICY:
      {
        GtkOrientation o = prop_id == PROP_HSCROLL_POLICY ? GTK_ORIENTATION_HORIZONTAL
                                                          : GTK_ORIENTATION_VERTICAL;

        if (self->policy[o] != (GtkScrollablePolicy) g_value_get_enum (value))
          {
            self->policy[o] = g_value_get_enum (value);
            g_object_notify_by_pspec (object, pspec);
          }
      }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tri_claims_list_class_init (TriClaimsListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tri_claims_list_dispose;
  object_class->finalize = tri_claims_list_finalize;
  object_class->get_property = tri_claims_list_get_property;
  object_class->set_property = tri_claims_list_set_property;
  widget_class->measure = tri_claims_list_measure;
  widget_class->size_allocate = tri_claims_list_size_allocate;
  widget_class->state_flags_changed = tri_claims_list_state_flags_changed;

  /**
   * TriClaimsList:model:
   *
   * The claims, and which is selected.
   */
  properties [PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, GTK_TYPE_SINGLE_SELECTION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  gtk_widget_class_install_action (widget_class, "list.move", "s", move_action);
  {
    static const struct { guint key; const char *where; } keys[] = {
      { GDK_KEY_Up, "up" }, { GDK_KEY_KP_Up, "up" },
      { GDK_KEY_Down, "down" }, { GDK_KEY_KP_Down, "down" },
      { GDK_KEY_Page_Up, "page-up" }, { GDK_KEY_KP_Page_Up, "page-up" },
      { GDK_KEY_Page_Down, "page-down" }, { GDK_KEY_KP_Page_Down, "page-down" },
      { GDK_KEY_Home, "home" }, { GDK_KEY_KP_Home, "home" },
      { GDK_KEY_End, "end" }, { GDK_KEY_KP_End, "end" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
      gtk_widget_class_add_binding_action (widget_class, keys[i].key, 0, "list.move", "s", keys[i].where);
  }

  gtk_widget_class_set_css_name (widget_class, "claimslist");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LIST);
}

static void
tri_claims_list_init (TriClaimsList *self)
{
  GtkGesture *click;

  self->slots = g_array_new (FALSE, FALSE, sizeof (Slot));
  self->cursor = G_MAXUINT;

  self->probe = TRI_CLAIM_ROW (tri_claim_row_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->probe), GTK_WIDGET (self));
  gtk_widget_set_child_visible (GTK_WIDGET (self->probe), FALSE);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_add_css_class (GTK_WIDGET (self), "view");

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

GtkWidget *
tri_claims_list_new (void)
{
  return g_object_new (TRI_TYPE_CLAIMS_LIST, NULL);
}
