/* test-claim-row.c
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "map-test-util.h"
#include "tri-claim-row.h"

/* One claim in the list, under Xvfb: what it shows, and that its height
 * follows its texts and its width. */

static TriClaimItem *
make_item (void)
{
  TriClaimItem *item = tri_claim_item_new ("c1", "About 2,500 US troops remain at Harir air base in Erbil, "
                                                 "in the Kurdistan Region, officials told Reuters.");
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 18, 1, 2026);
  item->day_first = item->day_last = g_date_get_julian (&date);
  item->n_sources = 2;
  item->verdict = TRI_VERDICT_CORROBORATED;
  tri_claim_item_add_place (item, "harir", "Harir Air Base", 36.5, 44.3, TRUE);
  return item;
}

static int
height_for (GtkWidget *row,
            int        width)
{
  int height;

  gtk_widget_measure (row, GTK_ORIENTATION_VERTICAL, width, &height, NULL, NULL, NULL);
  return height;
}

static void
test_shows_item (void)
{
  g_autoptr(TriClaimItem) item = make_item ();
  TriClaimRow *row = TRI_CLAIM_ROW (tri_claim_row_new ());
  GtkWindow *window = map_test_window (GTK_WIDGET (row), 360, 200);
  int plain, narrow, with_note;

  g_object_add_weak_pointer (G_OBJECT (row), (gpointer *) &row);
  tri_claim_row_set_item (row, item);
  map_test_settle (GTK_WIDGET (window));

  g_assert_true (tri_claim_row_get_item (row) == item);
  g_assert_cmpstr (tri_claim_row_get_text (row, "badge"), ==, tri_verdict_to_label (TRI_VERDICT_CORROBORATED));
  g_assert_nonnull (strstr (tri_claim_row_get_text (row, "sources"), "2"));
  g_assert_cmpstr (tri_claim_row_get_text (row, "summary"), ==, item->summary);
  g_assert_cmpstr (tri_claim_row_get_text (row, "places"), ==, "Harir Air Base");
  g_assert_nonnull (tri_claim_row_get_text (row, "date"));
  g_assert_nonnull (strstr (tri_claim_row_get_text (row, "date"), "2026"));
  g_assert_null (tri_claim_row_get_text (row, "note"));
  g_assert_null (tri_claim_row_get_text (row, "difference"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "hidden-claim"));

  /* Narrower, the summary wraps onto more lines, up to three */
  plain = height_for (GTK_WIDGET (row), 360);
  narrow = height_for (GTK_WIDGET (row), 160);
  g_assert_cmpint (narrow, >=, plain);
  g_assert_cmpint (narrow, >, height_for (GTK_WIDGET (row), 1200));
  g_assert_cmpint (height_for (GTK_WIDGET (row), 40), <=, narrow + 2 * 40);

  /* However long, a summary takes three lines at most (the rest is
   * ellipsized, not drawn over the next row) */
  {
    g_autoptr(GString) longer = g_string_new (NULL);
    g_autoptr(TriClaimItem) other = NULL;

    while (longer->len < 3000)
      g_string_append (longer, item->summary);
    other = tri_claim_item_new ("c2", longer->str);
    other->n_sources = 1;
    tri_claim_item_add_place (other, "harir", "Harir Air Base", 36.5, 44.3, TRUE);
    tri_claim_row_set_item (row, other);
    g_assert_cmpint (height_for (GTK_WIDGET (row), 160), ==, narrow);
    tri_claim_row_set_item (row, item);
    g_assert_cmpint (height_for (GTK_WIDGET (row), 160), ==, narrow);
  }

  /* The researcher's word shows once the item is bound again */
  tri_claim_item_set_note (item, "Check with the ministry");
  tri_claim_item_set_user_verdict (item, TRUE, TRI_VERDICT_CONFLICTING);
  tri_claim_item_set_hidden (item, TRUE);
  tri_claim_row_set_item (row, item);
  map_test_settle (GTK_WIDGET (window));
  g_assert_cmpstr (tri_claim_row_get_text (row, "note"), ==, "Check with the ministry");
  g_assert_nonnull (strstr (tri_claim_row_get_text (row, "badge"), tri_verdict_to_label (TRI_VERDICT_CONFLICTING)));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "hidden-claim"));
  with_note = height_for (GTK_WIDGET (row), 360);
  g_assert_cmpint (with_note, >, plain);

  /* A note typed on several lines is shown as one paragraph, in the
   * lines the row gives it */
  tri_claim_item_set_note (item, "Check\nwith\u2028the\r\nministry");
  tri_claim_row_set_item (row, item);
  g_assert_cmpint (height_for (GTK_WIDGET (row), 360), ==, with_note);
  g_assert_cmpstr (tri_claim_row_get_text (row, "note"), ==, "Check with the  ministry");
  tri_claim_item_set_note (item, "Check with the ministry");
  tri_claim_row_set_item (row, item);

  /* A larger font (the theme, or text scaling) lays the texts out again */
  {
    g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();
    int larger;

    gtk_css_provider_load_from_data (provider, "claimrow { font-size: 24px; }", -1);
    gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                GTK_STYLE_PROVIDER (provider),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
    map_test_settle (GTK_WIDGET (window));
    larger = height_for (GTK_WIDGET (row), 360);
    g_assert_cmpint (larger, >, with_note);
    gtk_style_context_remove_provider_for_display (gdk_display_get_default (),
                                                   GTK_STYLE_PROVIDER (provider));
    map_test_settle (GTK_WIDGET (window));
    g_assert_cmpint (height_for (GTK_WIDGET (row), 360), ==, with_note);
  }

  /* Unbound, it lets the item go */
  tri_claim_row_set_item (row, NULL);
  g_assert_null (tri_claim_row_get_item (row));

  gtk_window_destroy (window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_null (row);
}

int
main (int   argc,
      char *argv[])
{
  if (!map_test_init (&argc, &argv))
    return map_test_skip_status;

  g_test_add_func ("/app/claim-row/shows-item", test_shows_item);

  return g_test_run ();
}
