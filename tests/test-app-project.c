/* test-app-project.c: the window's decisions outlive the window
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "project-test-util.h"
#include "tri-window.h"

/* Under Xvfb (tests/meson.build): the sample corpus in a new project, a
 * verdict override and a note through the window's widgets, Save As,
 * close, reopen. */

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
project_ready (TriWindow *window,
               guint      n_articles)
{
  TriCorpus *corpus = tri_window_get_corpus (window);
  TriProject *project = tri_project_session_get_project (tri_window_get_session (window));

  return g_list_model_get_n_items (G_LIST_MODEL (corpus)) > 0
         && !tri_corpus_get_loading (corpus)
         && !tri_claims_model_get_busy (tri_window_get_claims_model (window))
         && tri_claims_model_get_n_all (tri_window_get_claims_model (window)) > 0
         && project != NULL && tri_project_get_n_articles (project) == n_articles;
}

/* Spins until the window shows @n_articles that its project holds. */
static void
wait_ready (TriWindow *window,
            guint      n_articles)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (240, timeout_cb, &timed_out);

  while (!timed_out && !project_ready (window, n_articles))
    g_main_context_iteration (NULL, TRUE);
  if (timed_out)
    {
      TriProject *project = tri_project_session_get_project (tri_window_get_session (window));

      g_test_message ("%u articles shown, %u in the project, %u rows, %u toasts",
                      g_list_model_get_n_items (G_LIST_MODEL (tri_window_get_corpus (window))),
                      project ? tri_project_get_n_articles (project) : 0,
                      tri_claims_model_get_n_all (tri_window_get_claims_model (window)),
                      tri_window_get_n_toasts_shown (window));
    }
  g_assert_false (timed_out);
  g_source_remove (id);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
}

static void
spin (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static TriWindow *
new_window (void)
{
  TriWindow *window = tri_window_new (NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
close_window (TriWindow *window)
{
  gtk_window_close (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* The visible row holding @claim, selected, or NULL. */
static TriClaimItem *
select_claim (TriWindow  *window,
              const char *claim)
{
  GListModel *list = G_LIST_MODEL (tri_claims_list_get_model (tri_window_get_claims_list (window)));

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(TriClaimItem) item = g_list_model_get_item (list, i);

      if (item->claims != NULL && g_strv_contains ((const char * const *) item->claims, claim))
        {
          gtk_selection_model_select_item (GTK_SELECTION_MODEL (list), i, TRUE);
          g_assert_true (tri_window_get_selected_claim (window) == item);
          return item;
        }
    }
  return NULL;
}

static void
test_decisions_survive (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tri-app-project-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "study.triangulate", NULL);
  g_autofree char *examples = g_build_filename (g_getenv ("TRIANGULATE_DATA_DIR"), "examples", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) root = g_file_new_for_path (examples);
  g_autofree char *claim = NULL;
  g_autofree char *title = NULL;
  g_autofree char *stored = NULL;
  TriWindow *window;
  TriClaimItem *item = NULL;
  GtkDropDown *override;
  GtkEditable *note;
  GListModel *list;
  TriVerdict first, second;
  gint64 start;

  g_assert_no_error (error);

  /* A new project with the sample articles */
  window = new_window ();
  g_assert_true (tri_project_session_get_untitled (tri_window_get_session (window)));
  tri_window_open (window, &root, 1);
  wait_ready (window, 5);
  tri_window_save_project_as (window, file);
  {
    gboolean timed_out = FALSE;
    guint id = g_timeout_add_seconds (60, timeout_cb, &timed_out);

    while (!timed_out && tri_project_session_get_untitled (tri_window_get_session (window)))
      g_main_context_iteration (NULL, TRUE);
    g_assert_false (timed_out);
    g_source_remove (id);
  }
  g_assert_true (g_file_query_exists (file, NULL));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "study");

  /* A row of a cluster, with a verdict other than the computed one */
  list = G_LIST_MODEL (tri_claims_list_get_model (tri_window_get_claims_list (window)));
  for (guint i = 0; i < g_list_model_get_n_items (list) && claim == NULL; i++)
    {
      g_autoptr(TriClaimItem) row = g_list_model_get_item (list, i);

      if (row->claims != NULL)
        claim = g_strdup (row->claims[0]);
    }
  g_assert_nonnull (claim);
  item = select_claim (window, claim);
  g_assert_nonnull (item);
  first = item->verdict == TRI_VERDICT_CONFLICTING ? TRI_VERDICT_CORROBORATED : TRI_VERDICT_CONFLICTING;
  second = first == TRI_VERDICT_CONFLICTING ? TRI_VERDICT_SINGLE_SOURCE : TRI_VERDICT_CONFLICTING;

  override = GTK_DROP_DOWN (gtk_widget_get_template_child (GTK_WIDGET (window), TRI_TYPE_WINDOW,
                                                           "override_dropdown"));
  note = GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (window), TRI_TYPE_WINDOW, "note_entry"));
  gtk_drop_down_set_selected (override, first + 1);
  item = tri_window_get_selected_claim (window);
  g_assert_true (item->overridden);
  g_assert_cmpint (tri_claim_item_get_verdict (item), ==, first);
  gtk_editable_set_text (note, "Kiểm tra với nguồn khác");
  g_assert_cmpstr (item->note, ==, "Kiểm tra với nguồn khác");
  spin (1500);
  stored = tri_project_dup_note (tri_project_session_get_project (tri_window_get_session (window)), claim);
  g_assert_cmpstr (stored, ==, "Kiểm tra với nguồn khác");

  /* Undo brings the previous verdict back, in the row and the dropdown */
  gtk_drop_down_set_selected (override, second + 1);
  g_assert_cmpint (tri_claim_item_get_verdict (tri_window_get_selected_claim (window)), ==, second);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  item = tri_window_get_selected_claim (window);
  g_assert_nonnull (item);
  g_assert_true (item->overridden);
  g_assert_cmpint (tri_claim_item_get_verdict (item), ==, first);
  g_assert_cmpuint (gtk_drop_down_get_selected (override), ==, first + 1);
  g_assert_cmpstr (gtk_editable_get_text (note), ==, "Kiểm tra với nguồn khác");
  close_window (window);

  /* Reopened, from the extraction cache: the same decisions */
  window = new_window ();
  start = g_get_monotonic_time ();
  tri_window_open_project (window, file);
  wait_ready (window, 5);
  g_test_message ("reopened with its rows and decisions in %.0f ms",
                  (g_get_monotonic_time () - start) / 1000.0);
  title = g_strdup (gtk_window_get_title (GTK_WINDOW (window)));
  g_assert_cmpstr (title, ==, "study");
  item = select_claim (window, claim);
  g_assert_nonnull (item);
  g_assert_true (item->overridden);
  g_assert_cmpint (tri_claim_item_get_verdict (item), ==, first);
  g_assert_cmpstr (item->note, ==, "Kiểm tra với nguồn khác");
  g_assert_cmpuint (gtk_drop_down_get_selected (override = GTK_DROP_DOWN (gtk_widget_get_template_child (
                      GTK_WIDGET (window), TRI_TYPE_WINDOW, "override_dropdown"))), ==, first + 1);
  /* Undo history is the session's: nothing to undo after reopening. */
  g_assert_false (tri_project_get_can_undo (tri_project_session_get_project (tri_window_get_session (window))));
  close_window (window);

  g_unlink (path);
  g_rmdir (dir);
}

/* A crash leaves the untitled project; the next window offers it. */
static void
test_recovery_offered (void)
{
  g_autofree char *examples = g_build_filename (g_getenv ("TRIANGULATE_DATA_DIR"), "examples", NULL);
  g_autoptr(GFile) root = g_file_new_for_path (examples);
  g_autoptr(GPtrArray) left = NULL;
  TriWindow *window = new_window ();
  TriWindow *second;

  tri_window_open (window, &root, 1);
  wait_ready (window, 5);
  /* Closed with articles in it: kept for recovery, like after a crash. */
  close_window (window);

  second = new_window ();
  g_assert_true (tri_window_offer_recovery (second));
  gtk_widget_activate_action (GTK_WIDGET (second), "win.recover-project", NULL);
  wait_ready (second, 5);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tri_window_get_corpus (second))), ==, 5);
  g_assert_false (tri_window_offer_recovery (second));
  close_window (second);

  left = tri_project_list_recoverable ();
  for (guint i = 0; i < left->len; i++)
    tri_project_discard_recoverable (g_ptr_array_index (left, i), NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;
  int status;

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP no display (run under xvfb-run)\n");
      return 77;
    }

  data_home = make_data_home ("tri-app-project-data-XXXXXX");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/app/project/decisions-survive", test_decisions_survive);
  g_test_add_func ("/app/project/recovery-offered", test_recovery_offered);

  status = g_test_run ();
  remove_data_home (data_home);
  return status;
}
