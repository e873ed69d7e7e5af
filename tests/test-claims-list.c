/* test-claims-list.c
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "map-test-util.h"
#include "tri-claim-row.h"
#include "tri-claims-list.h"

/* The claims list under Xvfb: rows only for the claims in view, in order
 * and for the right claims, through scrolling, changes to the list, the
 * keyboard and the selection. */

#define N_CLAIMS 1000

typedef struct
{
  GListStore         *store;
  GtkSingleSelection *selection;
  TriClaimsList      *list;
  GtkAdjustment      *adjustment;
  GtkWindow          *window;
} Fixture;

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  f->store = g_list_store_new (TRI_TYPE_CLAIM_ITEM);
  for (guint i = 0; i < N_CLAIMS; i++)
    {
      g_autofree char *id = g_strdup_printf ("c%u", i);
      /* Rows of different heights: one, two or three lines of summary */
      g_autofree char *summary =
        g_strdup_printf ("Claim %u%s", i, i % 3 == 0 ? "" : i % 3 == 1
                         ? ", with a longer summary that needs a second line at this width"
                         : ", with a summary so long that it needs a second and then a third "
                           "line at this width, and more words than fit");
      g_autoptr(TriClaimItem) item = tri_claim_item_new (id, summary);

      item->n_sources = 1;
      g_list_store_append (f->store, item);
    }
  f->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (f->store)));
  gtk_single_selection_set_autoselect (f->selection, FALSE);
  gtk_single_selection_set_can_unselect (f->selection, TRUE);
  gtk_single_selection_set_selected (f->selection, GTK_INVALID_LIST_POSITION);

  f->list = TRI_CLAIMS_LIST (tri_claims_list_new ());
  tri_claims_list_set_model (f->list, f->selection);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (f->list));
  f->adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  f->window = map_test_window (scrolled, 400, 300);
  map_test_settle (GTK_WIDGET (f->window));
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  gtk_window_destroy (f->window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&f->selection);
  g_clear_object (&f->store);
}

static void
settle (Fixture *f)
{
  map_test_settle (GTK_WIDGET (f->window));
}

typedef struct
{
  TriClaimRow *row;
  guint        position;
  double       top, bottom;
} Shown;

/* The rows drawn, top to bottom, each checked to show the claim at its
 * place in the model: no row shows a claim twice or a claim gone */
static GArray *
shown_rows (Fixture *f)
{
  GArray *shown = g_array_new (FALSE, FALSE, sizeof (Shown));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (f->store));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (f->list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      graphene_rect_t bounds;
      Shown row;

      if (!gtk_widget_get_mapped (child))
        continue;
      g_assert_true (TRI_IS_CLAIM_ROW (child));
      g_assert_true (gtk_widget_compute_bounds (child, GTK_WIDGET (f->list), &bounds));
      row.row = TRI_CLAIM_ROW (child);
      row.top = bounds.origin.y;
      row.bottom = bounds.origin.y + bounds.size.height;
      row.position = G_MAXUINT;
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(TriClaimItem) item = g_list_model_get_item (G_LIST_MODEL (f->store), i);

          if (item == tri_claim_row_get_item (row.row))
            row.position = i;
        }
      g_assert_cmpuint (row.position, !=, G_MAXUINT);
      g_array_append_val (shown, row);
    }

  /* In order (the widgets, for assistive technologies, as on screen),
   * one after the other, filling the view */
  for (guint i = 1; i < shown->len; i++)
    {
      const Shown *a = &g_array_index (shown, Shown, i - 1), *b = &g_array_index (shown, Shown, i);

      g_assert_cmpuint (b->position, ==, a->position + 1);
      g_assert_cmpfloat (fabs (b->top - a->bottom), <, 1.0);
    }
  if (shown->len > 0)
    {
      g_assert_cmpfloat (g_array_index (shown, Shown, 0).top, <=, 0);
      g_assert_true (g_array_index (shown, Shown, shown->len - 1).bottom >= gtk_widget_get_height (GTK_WIDGET (f->list)) ||
                     g_array_index (shown, Shown, shown->len - 1).position == n - 1);
    }
  return shown;
}

static guint
n_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

static gboolean
fully_shown (Fixture *f,
             GArray  *shown,
             guint    position)
{
  for (guint i = 0; i < shown->len; i++)
    {
      const Shown *row = &g_array_index (shown, Shown, i);

      if (row->position == position)
        return row->top >= 0 && row->bottom <= gtk_widget_get_height (GTK_WIDGET (f->list)) + 0.5;
    }
  return FALSE;
}

/* A thousand claims, a handful of rows */
static void
test_rows_in_view (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GArray) shown = shown_rows (f);

  g_assert_cmpuint (shown->len, >, 2);
  g_assert_cmpuint (g_array_index (shown, Shown, 0).position, ==, 0);
  g_assert_cmpfloat (g_array_index (shown, Shown, 0).top, ==, 0);
  /* The rows shown, one that measures claims out of view, and a few to spare */
  g_assert_cmpuint (n_children (GTK_WIDGET (f->list)), <=, shown->len + 4);
  g_assert_cmpfloat (gtk_adjustment_get_upper (f->adjustment), >, 10 * gtk_adjustment_get_page_size (f->adjustment));
  g_assert_true (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (f->list)) == GTK_ACCESSIBLE_ROLE_LIST);
  g_assert_true (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (g_array_index (shown, Shown, 0).row))
                 == GTK_ACCESSIBLE_ROLE_LIST_ITEM);
}

static void
test_scroll (Fixture       *f,
             gconstpointer  data)
{
  GArray *shown;
  double upper, page;

  /* A little: the rows move by as much */
  gtk_adjustment_set_value (f->adjustment, 25);
  settle (f);
  shown = shown_rows (f);
  g_assert_cmpuint (g_array_index (shown, Shown, 0).position, ==, 0);
  g_assert_cmpfloat (fabs (g_array_index (shown, Shown, 0).top + 25), <, 1.0);
  g_array_unref (shown);

  /* A page and a half, past the rows that were in view */
  page = gtk_adjustment_get_page_size (f->adjustment);
  gtk_adjustment_set_value (f->adjustment, gtk_adjustment_get_value (f->adjustment) + 1.5 * page);
  settle (f);
  shown = shown_rows (f);
  g_assert_cmpuint (g_array_index (shown, Shown, 0).position, >, 2);
  g_array_unref (shown);

  /* Halfway along the scroll bar: about halfway down the list */
  upper = gtk_adjustment_get_upper (f->adjustment);
  gtk_adjustment_set_value (f->adjustment, upper / 2);
  settle (f);
  shown = shown_rows (f);
  g_assert_cmpuint (g_array_index (shown, Shown, 0).position, >, N_CLAIMS * 0.4);
  g_assert_cmpuint (g_array_index (shown, Shown, 0).position, <, N_CLAIMS * 0.6);
  g_array_unref (shown);

  /* The end: the last claim at the bottom, not beyond */
  gtk_adjustment_set_value (f->adjustment, gtk_adjustment_get_upper (f->adjustment));
  settle (f);
  shown = shown_rows (f);
  g_assert_cmpuint (g_array_index (shown, Shown, shown->len - 1).position, ==, N_CLAIMS - 1);
  g_assert_cmpfloat (fabs (g_array_index (shown, Shown, shown->len - 1).bottom -
                           gtk_widget_get_height (GTK_WIDGET (f->list))), <, 1.0);
  g_assert_cmpfloat (gtk_adjustment_get_value (f->adjustment) + gtk_adjustment_get_page_size (f->adjustment),
                     ==, gtk_adjustment_get_upper (f->adjustment));
  g_array_unref (shown);

  /* And back to the top */
  gtk_adjustment_set_value (f->adjustment, 0);
  settle (f);
  shown = shown_rows (f);
  g_assert_cmpuint (g_array_index (shown, Shown, 0).position, ==, 0);
  g_assert_cmpfloat (g_array_index (shown, Shown, 0).top, ==, 0);
  g_array_unref (shown);
}

/* Claims removed above the view leave it as it was; claims removed in
 * view give way to those that follow; a claim changed in place is shown
 * changed */
static void
test_changes (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(TriClaimItem) top = NULL;
  g_autoptr(TriClaimItem) follower = NULL;
  GArray *shown;
  double top_y;
  guint position;

  tri_claims_list_scroll_to (f->list, 500);
  settle (f);
  shown = shown_rows (f);
  g_assert_true (fully_shown (f, shown, 500));
  position = g_array_index (shown, Shown, 0).position;
  top = g_object_ref (tri_claim_row_get_item (g_array_index (shown, Shown, 0).row));
  top_y = g_array_index (shown, Shown, 0).top;
  g_array_unref (shown);

  g_list_store_splice (f->store, 0, 10, NULL, 0);
  settle (f);
  shown = shown_rows (f);
  g_assert_true (tri_claim_row_get_item (g_array_index (shown, Shown, 0).row) == top);
  g_assert_cmpuint (g_array_index (shown, Shown, 0).position, ==, position - 10);
  g_assert_cmpfloat (g_array_index (shown, Shown, 0).top, ==, top_y);
  g_array_unref (shown);

  /* The claims in view, and more, removed */
  position -= 10;
  follower = g_list_model_get_item (G_LIST_MODEL (f->store), position + 40);
  g_list_store_splice (f->store, position, 40, NULL, 0);
  settle (f);
  shown = shown_rows (f);
  g_assert_true (tri_claim_row_get_item (g_array_index (shown, Shown, 0).row) == follower);
  g_assert_cmpfloat (g_array_index (shown, Shown, 0).top, ==, 0);

  /* A note added: the claim is replaced by itself */
  {
    TriClaimRow *row = g_array_index (shown, Shown, 1).row;
    guint at = g_array_index (shown, Shown, 1).position;
    g_autoptr(TriClaimItem) item = g_list_model_get_item (G_LIST_MODEL (f->store), at);

    g_assert_null (tri_claim_row_get_text (row, "note"));
    tri_claim_item_set_note (item, "Ask the ministry");
    g_list_store_splice (f->store, at, 1, (gpointer *) &item, 1);
    settle (f);
    g_array_unref (shown);
    shown = shown_rows (f);
    g_assert_cmpuint (g_array_index (shown, Shown, 1).position, ==, at);
    g_assert_cmpstr (tri_claim_row_get_text (g_array_index (shown, Shown, 1).row, "note"), ==,
                     "Ask the ministry");
  }
  g_array_unref (shown);

  /* All gone, then back */
  g_list_store_remove_all (f->store);
  settle (f);
  shown = shown_rows (f);
  g_assert_cmpuint (shown->len, ==, 0);
  g_array_unref (shown);
  g_list_store_append (f->store, top);
  settle (f);
  shown = shown_rows (f);
  g_assert_cmpuint (shown->len, ==, 1);
  g_array_unref (shown);
}

static void
test_keyboard_and_selection (Fixture       *f,
                             gconstpointer  data)
{
  GtkWidget *list = GTK_WIDGET (f->list);
  GArray *shown;
  guint page;

  g_assert_true (gtk_widget_activate_action (list, "list.move", "s", "down"));
  g_assert_cmpuint (gtk_single_selection_get_selected (f->selection), ==, 1);
  settle (f);
  shown = shown_rows (f);
  for (guint i = 0; i < shown->len; i++)
    g_assert_cmpint (!!(gtk_widget_get_state_flags (GTK_WIDGET (g_array_index (shown, Shown, i).row))
                        & GTK_STATE_FLAG_SELECTED), ==, g_array_index (shown, Shown, i).position == 1);
  page = shown->len;
  g_array_unref (shown);

  gtk_widget_activate_action (list, "list.move", "s", "end");
  settle (f);
  g_assert_cmpuint (gtk_single_selection_get_selected (f->selection), ==, N_CLAIMS - 1);
  shown = shown_rows (f);
  g_assert_true (fully_shown (f, shown, N_CLAIMS - 1));
  g_array_unref (shown);

  gtk_widget_activate_action (list, "list.move", "s", "page-up");
  settle (f);
  g_assert_cmpuint (gtk_single_selection_get_selected (f->selection), <, N_CLAIMS - 1);
  g_assert_cmpuint (gtk_single_selection_get_selected (f->selection), >=, N_CLAIMS - 1 - page);
  shown = shown_rows (f);
  g_assert_true (fully_shown (f, shown, gtk_single_selection_get_selected (f->selection)));
  g_array_unref (shown);

  gtk_widget_activate_action (list, "list.move", "s", "up");
  g_assert_cmpuint (gtk_single_selection_get_selected (f->selection), <, N_CLAIMS - 2);

  gtk_widget_activate_action (list, "list.move", "s", "home");
  settle (f);
  g_assert_cmpuint (gtk_single_selection_get_selected (f->selection), ==, 0);
  shown = shown_rows (f);
  g_assert_cmpuint (g_array_index (shown, Shown, 0).position, ==, 0);
  g_assert_cmpfloat (g_array_index (shown, Shown, 0).top, ==, 0);
  g_array_unref (shown);

  /* Selected elsewhere (the map, the search), and scrolled to */
  gtk_single_selection_set_selected (f->selection, 700);
  tri_claims_list_scroll_to (f->list, 700);
  settle (f);
  shown = shown_rows (f);
  g_assert_true (fully_shown (f, shown, 700));
  g_array_unref (shown);
  /* Already in view: it stays where it is */
  {
    double value = gtk_adjustment_get_value (f->adjustment);

    tri_claims_list_scroll_to (f->list, 700);
    settle (f);
    g_assert_cmpfloat (gtk_adjustment_get_value (f->adjustment), ==, value);
  }
  gtk_widget_activate_action (list, "list.move", "s", "down");
  g_assert_cmpuint (gtk_single_selection_get_selected (f->selection), ==, 701);
}

int
main (int   argc,
      char *argv[])
{
  if (!map_test_init (&argc, &argv))
    return map_test_skip_status;

  g_test_add ("/app/claims-list/rows-in-view", Fixture, NULL, setup, test_rows_in_view, teardown);
  g_test_add ("/app/claims-list/scroll", Fixture, NULL, setup, test_scroll, teardown);
  g_test_add ("/app/claims-list/changes", Fixture, NULL, setup, test_changes, teardown);
  g_test_add ("/app/claims-list/keyboard-and-selection", Fixture, NULL, setup,
              test_keyboard_and_selection, teardown);

  return g_test_run ();
}
