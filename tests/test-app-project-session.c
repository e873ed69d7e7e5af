/* test-app-project-session.c: the window's project, without a display
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "project-test-util.h"
#include "tri-project-session.h"

#define SETTINGS_SCHEMA_ID "io.github.triangulate.Triangulate"

typedef struct
{
  char              *dir;
  GSettings         *settings;
  TriProjectSession *session;
} Fixture;

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("tri-session-XXXXXX", &error);
  g_assert_no_error (error);
  f->settings = g_settings_new (SETTINGS_SCHEMA_ID);
  g_settings_reset (f->settings, "recent-projects");
  f->session = tri_project_session_new (f->settings);
  g_assert_true (tri_project_session_start_untitled (f->session, &error));
  g_assert_no_error (error);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GPtrArray) left = NULL;

  g_assert_true (tri_project_session_close (f->session, NULL));
  g_assert_finalize_object (f->session);
  g_clear_object (&f->settings);
  /* What a test left to recover is not the next test's. */
  left = tri_project_list_recoverable ();
  for (guint i = 0; i < left->len; i++)
    tri_project_discard_recoverable (g_ptr_array_index (left, i), NULL);
  remove_data_home (f->dir);
  g_free (f->dir);
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_for (GAsyncResult **result)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (60, timeout_cb, &timed_out);

  while (*result == NULL && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
}

static void
store_result (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* A row of two claims of two articles, as the claims model makes it. */
static TriClaimItem *
make_item (const char *id,
           const char *key,
           const char *claim_a,
           const char *claim_b)
{
  TriClaimItem *item = tri_claim_item_new (id, "2,500 troops remain");

  item->key = g_strdup (key);
  item->claims = g_new0 (char *, 3);
  item->claims[0] = g_strdup (claim_a);
  item->claims[1] = g_strdup (claim_b);
  return item;
}

static void
add_article (Fixture    *f,
             const char *name)
{
  g_autoptr(GError) error = NULL;
  static const char text[] = "American commanders said on Monday that 2,500 soldiers would remain in Iraq.\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(GPtrArray) added = NULL;

  added = tri_project_add_bytes (tri_project_session_get_project (f->session), name, bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (added->len, ==, 1);
}

/* An empty untitled project leaves nothing behind; one with work in it
 * is offered for recovery, and recovers with its articles. */
static void
test_untitled (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) working = NULL;
  g_autoptr(GPtrArray) recoverable = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(TriCorpus) corpus = NULL;
  g_autofree char *title = tri_project_session_dup_title (f->session);
  TriProject *project = tri_project_session_get_project (f->session);

  g_assert_nonnull (project);
  g_assert_true (tri_project_session_get_untitled (f->session));
  g_assert_cmpstr (title, ==, "Untitled Project");
  working = g_object_ref (tri_project_get_working_copy (project));
  g_assert_true (g_file_query_exists (working, NULL));

  /* Empty: deleted when another project starts. */
  g_assert_true (tri_project_session_start_untitled (f->session, &error));
  g_assert_false (g_file_query_exists (working, NULL));
  g_clear_object (&working);

  add_article (f, "/news/report.txt");
  working = g_object_ref (tri_project_get_working_copy (tri_project_session_get_project (f->session)));
  g_assert_true (tri_project_session_start_untitled (f->session, &error));
  g_assert_true (g_file_query_exists (working, NULL));

  recoverable = tri_project_session_list_recoverable (f->session);
  g_assert_cmpuint (recoverable->len, ==, 1);
  g_assert_true (g_file_equal (g_ptr_array_index (recoverable, 0), working));

  tri_project_session_open_async (f->session, NULL, working, NULL, store_result, &result);
  wait_for (&result);
  corpus = tri_project_session_open_finish (f->session, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (corpus)), ==, 1);
  g_assert_nonnull (tri_corpus_get_clusters (corpus));
  g_assert_true (g_file_equal (tri_project_get_working_copy (tri_project_session_get_project (f->session)),
                               working));
}

/* A decision about a row is kept under a claim id and follows that claim
 * into whichever row holds it after the clusters change. */
static void
test_stable_keys (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TriClaimItem) before = make_item ("k3", "b#2", "b#2", "c#1");
  g_autoptr(TriClaimItem) after = make_item ("k1", "a#1", "a#1", "b#2");
  g_autoptr(TriClaimItem) other = make_item ("k2", "c#1", "c#1", NULL);
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  g_auto(GStrv) keys = NULL;
  TriProject *project = tri_project_session_get_project (f->session);

  g_assert_true (tri_project_session_set_verdict (f->session, before, TRUE, TRI_VERDICT_CONFLICTING, &error));
  g_assert_no_error (error);
  g_assert_true (before->overridden);
  g_assert_cmpint (tri_claim_item_get_verdict (before), ==, TRI_VERDICT_CONFLICTING);

  /* An article came, the clusters were renumbered: b#2 is in k1 now. */
  g_ptr_array_add (items, after);
  g_ptr_array_add (items, other);
  g_assert_true (tri_project_session_apply (f->session, items));
  g_assert_true (after->overridden);
  g_assert_cmpint (after->user_verdict, ==, TRI_VERDICT_CONFLICTING);
  g_assert_false (other->overridden);
  g_assert_false (tri_project_session_apply (f->session, items));

  /* Changed again: still one decision, under the claim that has it. */
  g_assert_true (tri_project_session_set_verdict (f->session, after, TRUE, TRI_VERDICT_CORROBORATED, &error));
  keys = tri_project_list_decisions (project, TRI_DECISION_VERDICT);
  g_assert_cmpuint (g_strv_length (keys), ==, 1);
  g_assert_cmpstr (keys[0], ==, "b#2");

  /* Undo brings the earlier verdict back to the row. */
  g_assert_true (tri_project_session_undo (f->session, &error));
  g_assert_no_error (error);
  tri_project_session_apply (f->session, items);
  g_assert_cmpint (tri_claim_item_get_verdict (after), ==, TRI_VERDICT_CONFLICTING);
  g_assert_true (tri_project_session_undo (f->session, &error));
  tri_project_session_apply (f->session, items);
  g_assert_false (after->overridden);
  g_assert_true (tri_project_session_redo (f->session, &error));
  tri_project_session_apply (f->session, items);
  g_assert_cmpint (tri_claim_item_get_verdict (after), ==, TRI_VERDICT_CONFLICTING);

  /* Hidden and shown again: no claim of the row keeps it hidden. */
  g_assert_true (tri_project_session_set_hidden (f->session, other, TRUE, &error));
  g_assert_true (tri_project_get_claim_hidden (project, "c#1"));
  g_assert_true (tri_project_session_set_hidden (f->session, before, FALSE, &error));
  g_assert_false (tri_project_get_claim_hidden (project, "c#1"));
  g_assert_false (before->hidden);
}

/* A note is one decision once the typing pauses, not one per key. */
static void
test_note_is_one_decision (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TriClaimItem) item = make_item ("k1", "a#1", "a#1", "b#2");
  g_autoptr(TriClaimItem) other = make_item ("k2", "c#1", "c#1", NULL);
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  g_autofree char *note = NULL;
  g_autofree char *other_note = NULL;
  TriProject *project = tri_project_session_get_project (f->session);
  const char *typed[] = { "X", "Xe", "Xem", "Xem lại", NULL };
  gboolean waited = FALSE;

  g_ptr_array_add (items, item);
  for (guint i = 0; typed[i]; i++)
    tri_project_session_set_note (f->session, item, typed[i]);
  g_assert_cmpstr (item->note, ==, "Xem lại");
  g_assert_null (tri_project_dup_note (project, "a#1"));
  g_assert_false (tri_project_get_can_undo (project));
  /* Applying the project's decisions leaves the typing alone. */
  tri_project_session_apply (f->session, items);
  g_assert_cmpstr (item->note, ==, "Xem lại");

  g_timeout_add (2000, timeout_cb, &waited);
  while (!waited)
    g_main_context_iteration (NULL, TRUE);
  note = tri_project_dup_note (project, "a#1");
  g_assert_cmpstr (note, ==, "Xem lại");

  /* Typing in another row writes the first note at once. */
  tri_project_session_set_note (f->session, item, "Xem lại sau");
  tri_project_session_set_note (f->session, other, "Khác");
  g_clear_pointer (&note, g_free);
  note = tri_project_dup_note (project, "a#1");
  g_assert_cmpstr (note, ==, "Xem lại sau");
  g_assert_true (tri_project_session_flush (f->session, &error));
  other_note = tri_project_dup_note (project, "c#1");
  g_assert_cmpstr (other_note, ==, "Khác");

  /* Three notes written, three undone. */
  for (guint i = 0; i < 3; i++)
    g_assert_true (tri_project_session_undo (f->session, &error));
  g_assert_false (tri_project_get_can_undo (project));
  tri_project_session_apply (f->session, items);
  g_assert_null (item->note);
}

/* A file opened through a private copy gets the decisions when it is
 * saved; recent projects list it once, newest first. */
static void
test_private_copy_and_recent (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "study.triangulate", NULL);
  g_autofree char *path2 = g_build_filename (f->dir, "other.triangulate", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) file2 = g_file_new_for_path (path2);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) result2 = NULL;
  g_autoptr(GAsyncResult) saved = NULL;
  g_autoptr(TriCorpus) corpus = NULL;
  g_autoptr(TriCorpus) corpus2 = NULL;
  g_autoptr(TriClaimItem) item = make_item ("k1", "a#1", "a#1", NULL);
  g_autoptr(TriProject) check = NULL;
  g_autofree char *verdict = NULL;
  g_autofree char *title = NULL;
  g_auto(GStrv) recent = NULL;
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *uri2 = g_file_get_uri (file2);

  /* Saved as a file (an untitled project with an article) */
  add_article (f, "/news/report.txt");
  tri_project_session_save_as_async (f->session, file, NULL, store_result, &saved);
  wait_for (&saved);
  g_assert_true (tri_project_session_save_as_finish (f->session, saved, &error));
  g_assert_no_error (error);
  title = tri_project_session_dup_title (f->session);
  g_assert_cmpstr (title, ==, "study");
  g_assert_false (tri_project_session_get_untitled (f->session));
  g_clear_object (&saved);
  tri_project_session_save_as_async (f->session, file2, NULL, store_result, &saved);
  wait_for (&saved);
  g_assert_true (tri_project_session_save_as_finish (f->session, saved, &error));

  tri_project_session_set_private_copies (f->session, TRUE);
  tri_project_session_open_async (f->session, file, NULL, NULL, store_result, &result);
  wait_for (&result);
  corpus = tri_project_session_open_finish (f->session, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (corpus)), ==, 1);
  g_assert_nonnull (tri_project_get_working_copy (tri_project_session_get_project (f->session)));

  g_assert_true (tri_project_session_set_verdict (f->session, item, TRUE, TRI_VERDICT_CORROBORATED, &error));
  /* Not in the user's file until saved */
  check = tri_project_open (file, TRI_PROJECT_READ_ONLY, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (tri_project_dup_verdict (check, "a#1"));
  g_clear_object (&check);
  g_assert_true (tri_project_session_save (f->session, &error));
  g_assert_no_error (error);
  check = tri_project_open (file, TRI_PROJECT_READ_ONLY, NULL, &error);
  g_assert_no_error (error);
  verdict = tri_project_dup_verdict (check, "a#1");
  g_assert_cmpstr (verdict, ==, "corroborated");
  g_clear_object (&check);

  /* Opening the other one closes (and saves) this one. */
  tri_project_session_open_async (f->session, file2, NULL, NULL, store_result, &result2);
  wait_for (&result2);
  corpus2 = tri_project_session_open_finish (f->session, result2, &error);
  g_assert_no_error (error);

  recent = tri_project_session_dup_recent (f->session);
  g_assert_cmpuint (g_strv_length (recent), ==, 2);
  g_assert_cmpstr (recent[0], ==, uri2);
  g_assert_cmpstr (recent[1], ==, uri);
  g_unlink (path2);
  g_strfreev (recent);
  recent = tri_project_session_dup_recent (f->session);
  g_assert_cmpuint (g_strv_length (recent), ==, 1);
  g_assert_cmpstr (recent[0], ==, uri);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = make_data_home ("tri-session-data-XXXXXX");
  int status;

  g_test_init (&argc, &argv, NULL);
  g_test_add ("/app/project-session/untitled", Fixture, NULL, setup, test_untitled, teardown);
  g_test_add ("/app/project-session/stable-keys", Fixture, NULL, setup, test_stable_keys, teardown);
  g_test_add ("/app/project-session/note-is-one-decision", Fixture, NULL, setup, test_note_is_one_decision,
              teardown);
  g_test_add ("/app/project-session/private-copy-and-recent", Fixture, NULL, setup,
              test_private_copy_and_recent, teardown);
  status = g_test_run ();
  remove_data_home (data_home);
  return status;
}
