/* tri-project-session.c: the project the window works in
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-project-session"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tri-project-session.h"

/* The window always works in a project, so nothing the researcher does is
 * lost: an untitled one lives in a working copy in the user data folder
 * until it is saved as a file. Every decision is its own transaction in
 * the project (TriProject does that); a note is written once the typing
 * pauses. Inside a sandbox, files are worked on in private copies that are
 * written back to the user's file on a timer and at close.
 *
 * Decisions about a claims list row (a cluster) are stored under a claim
 * id: the one that already holds a decision of that kind, else the
 * cluster's key (its first claim). They apply to whichever row holds that
 * claim, so adding articles, which renumbers the clusters, keeps them. */

#define NOTE_DELAY_MS     700
#define AUTOSAVE_SECONDS  30

struct _TriProjectSession
{
  GObject      parent_instance;

  GSettings   *settings;
  TriProject  *project;
  gboolean     private_copies;

  /* The note being typed, written after a pause */
  char        *note_key;
  char        *note_text;
  guint        note_source;

  guint        autosave_source;
};

G_DEFINE_FINAL_TYPE (TriProjectSession, tri_project_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_TITLE,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_PRIVATE_COPIES,
  N_PROPS
};

enum {
  DECISION_CHANGED,
  MESSAGE,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

TriProjectSession *
tri_project_session_new (GSettings *settings)
{
  TriProjectSession *self = g_object_new (TRI_TYPE_PROJECT_SESSION, NULL);

  g_return_val_if_fail (!settings || G_IS_SETTINGS (settings), self);

  self->settings = settings ? g_object_ref (settings) : NULL;
  return self;
}

TriProject *
tri_project_session_get_project (TriProjectSession *self)
{
  g_return_val_if_fail (TRI_IS_PROJECT_SESSION (self), NULL);
  return self->project;
}

gboolean
tri_project_session_get_untitled (TriProjectSession *self)
{
  g_return_val_if_fail (TRI_IS_PROJECT_SESSION (self), TRUE);
  return self->project == NULL || tri_project_get_file (self->project) == NULL;
}

/**
 * tri_project_session_dup_title:
 * @self: a #TriProjectSession
 *
 * Returns: (transfer full): the project's name, for the window title
 */
char *
tri_project_session_dup_title (TriProjectSession *self)
{
  g_autofree char *name = NULL;
  GFile *file;

  g_return_val_if_fail (TRI_IS_PROJECT_SESSION (self), NULL);

  file = self->project ? tri_project_get_file (self->project) : NULL;
  if (file == NULL)
    return g_strdup (_("Untitled Project"));
  name = g_file_get_basename (file);
  if (name != NULL && g_str_has_suffix (name, ".triangulate") && strlen (name) > strlen (".triangulate"))
    name[strlen (name) - strlen (".triangulate")] = '\0';
  return g_steal_pointer (&name);
}

gboolean
tri_project_session_get_private_copies (TriProjectSession *self)
{
  g_return_val_if_fail (TRI_IS_PROJECT_SESSION (self), FALSE);
  return self->private_copies;
}

/* Whether files are opened through private working copies: in a sandbox,
 * where the user's file comes through a portal that cannot host SQLite. */
void
tri_project_session_set_private_copies (TriProjectSession *self,
                                        gboolean           private_copies)
{
  g_return_if_fail (TRI_IS_PROJECT_SESSION (self));

  if (self->private_copies == !!private_copies)
    return;
  self->private_copies = !!private_copies;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PRIVATE_COPIES]);
}

/* Recent projects: a GSettings list of URIs, newest first. */

static void
add_recent (TriProjectSession *self,
            GFile             *file)
{
  g_auto(GStrv) old = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) list = NULL;
  g_autofree char *uri = NULL;
  guint n = 1;

  if (self->settings == NULL || file == NULL)
    return;
  uri = g_file_get_uri (file);
  old = g_settings_get_strv (self->settings, "recent-projects");
  builder = g_strv_builder_new ();
  g_strv_builder_add (builder, uri);
  for (guint i = 0; old[i] && n < TRI_RECENT_PROJECTS_MAX; i++)
    if (!g_str_equal (old[i], uri))
      {
        g_strv_builder_add (builder, old[i]);
        n++;
      }
  list = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-projects", (const char * const *) list);
}

/**
 * tri_project_session_dup_recent:
 * @self: a #TriProjectSession
 *
 * Returns: (transfer full): the URIs of the recent projects that still
 *   exist, newest first
 */
GStrv
tri_project_session_dup_recent (TriProjectSession *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) list = NULL;

  g_return_val_if_fail (TRI_IS_PROJECT_SESSION (self), NULL);

  if (self->settings != NULL)
    list = g_settings_get_strv (self->settings, "recent-projects");
  for (guint i = 0; list && list[i]; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (list[i]);

      if (g_file_query_exists (file, NULL))
        g_strv_builder_add (builder, list[i]);
    }
  return g_strv_builder_end (builder);
}

/* The current project */

static void
on_decision_changed (TriProjectSession *self,
                     guint              kind,
                     const char        *key,
                     TriProject        *project)
{
  g_signal_emit (self, signals [DECISION_CHANGED], 0, kind, key);
}

static void
on_project_notify (TriProjectSession *self,
                   GParamSpec        *pspec,
                   TriProject        *project)
{
  if (g_str_equal (pspec->name, "can-undo"))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAN_UNDO]);
  else if (g_str_equal (pspec->name, "can-redo"))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAN_REDO]);
  else if (g_str_equal (pspec->name, "file"))
    {
      add_recent (self, tri_project_get_file (project));
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TITLE]);
    }
}

static gboolean
autosave_cb (gpointer data)
{
  TriProjectSession *self = data;
  g_autoptr(GError) error = NULL;

  if (!tri_project_session_save (self, &error))
    g_signal_emit (self, signals [MESSAGE], 0, error->message);
  return G_SOURCE_CONTINUE;
}

static gboolean
project_is_empty (TriProject *project)
{
  if (tri_project_get_n_articles (project) > 0)
    return FALSE;
  for (guint k = TRI_DECISION_VERDICT; k <= TRI_DECISION_ACTOR; k++)
    if (tri_project_count_decisions (project, k) > 0)
      return FALSE;
  return TRUE;
}

/* Writes what is pending, saves a private copy to its file and closes. An
 * untitled project with something in it stays in its working copy, which
 * the next start offers to recover; an empty one is deleted. */
static gboolean
close_project (TriProjectSession  *self,
               GError            **error)
{
  g_autoptr(TriProject) project = NULL;
  g_autoptr(GFile) working = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean discard;

  if (self->project == NULL)
    return TRUE;
  tri_project_session_flush (self, &local_error);
  if (local_error == NULL)
    tri_project_session_save (self, &local_error);
  g_clear_handle_id (&self->autosave_source, g_source_remove);
  project = g_steal_pointer (&self->project);
  g_signal_handlers_disconnect_by_data (project, self);
  discard = tri_project_get_file (project) == NULL && project_is_empty (project);
  if (tri_project_get_working_copy (project) != NULL)
    working = g_object_ref (tri_project_get_working_copy (project));
  if (!tri_project_close (project, local_error ? NULL : &local_error))
    discard = FALSE;
  if (discard && working != NULL)
    tri_project_discard_recoverable (working, NULL);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

static void
set_project (TriProjectSession *self,
             TriProject        *project)
{
  g_autoptr(GError) error = NULL;

  if (self->project == project)
    return;
  if (!close_project (self, &error))
    g_signal_emit (self, signals [MESSAGE], 0, error->message);
  self->project = g_object_ref (project);
  g_signal_connect_object (project, "decision-changed", G_CALLBACK (on_decision_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (project, "notify", G_CALLBACK (on_project_notify), self, G_CONNECT_SWAPPED);
  if (tri_project_get_working_copy (project) != NULL)
    self->autosave_source = g_timeout_add_seconds (AUTOSAVE_SECONDS, autosave_cb, self);
  add_recent (self, tri_project_get_file (project));

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PROJECT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TITLE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAN_REDO]);
}

/**
 * tri_project_session_start_untitled:
 * @self: a #TriProjectSession
 * @error: return location for an error
 *
 * Closes the current project and starts an untitled one, in a working copy.
 *
 * Returns: %TRUE on success
 */
gboolean
tri_project_session_start_untitled (TriProjectSession  *self,
                                    GError            **error)
{
  g_autoptr(TriProject) project = NULL;

  g_return_val_if_fail (TRI_IS_PROJECT_SESSION (self), FALSE);

  project = tri_project_new (NULL, TRI_PROJECT_WORKING_COPY, error);
  if (project == NULL)
    return FALSE;
  set_project (self, project);
  return TRUE;
}

/**
 * tri_project_session_save:
 * @self: a #TriProjectSession
 * @error: return location for an error
 *
 * Writes a private copy back to the user's file when it has changes; a
 * file opened directly has every decision in it already.
 *
 * Returns: %TRUE on success
 */
gboolean
tri_project_session_save (TriProjectSession  *self,
                          GError            **error)
{
  g_return_val_if_fail (TRI_IS_PROJECT_SESSION (self), FALSE);

  if (self->project == NULL || tri_project_get_file (self->project) == NULL
      || !tri_project_get_modified (self->project))
    return TRUE;
  return tri_project_save (self->project, NULL, error);
}

gboolean
tri_project_session_close (TriProjectSession  *self,
                           GError            **error)
{
  g_return_val_if_fail (TRI_IS_PROJECT_SESSION (self), FALSE);

  if (self->project == NULL)
    return TRUE;
  if (!close_project (self, error))
    return FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PROJECT]);
  return TRUE;
}

/**
 * tri_project_session_list_recoverable:
 * @self: a #TriProjectSession
 *
 * Returns: (transfer full) (element-type GFile): working copies left by a
 *   crash or by an untitled project, other than the current one
 */
GPtrArray *
tri_project_session_list_recoverable (TriProjectSession *self)
{
  GPtrArray *list = tri_project_list_recoverable ();
  GFile *mine = self->project ? tri_project_get_working_copy (self->project) : NULL;

  for (guint i = list->len; mine != NULL && i > 0; i--)
    if (g_file_equal (g_ptr_array_index (list, i - 1), mine))
      g_ptr_array_remove_index (list, i - 1);
  return list;
}

/* Opening: the project, its corpus from the extraction cache, then the
 * cross-referencing, off the main thread. */

typedef struct
{
  TriProject *project;
  TriCorpus  *corpus;
} OpenData;

static void
open_data_free (OpenData *data)
{
  g_clear_object (&data->project);
  g_clear_object (&data->corpus);
  g_free (data);
}

static void
cross_reference_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  OpenData *data = task_data;

  /* Nothing is connected to the new corpus yet: its signal is harmless
   * here. */
  tri_corpus_cross_reference (data->corpus);
  if (g_task_return_error_if_cancelled (task))
    return;
  g_task_return_pointer (task, g_object_ref (data->corpus), g_object_unref);
}

static void
corpus_loaded (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  OpenData *data = g_task_get_task_data (task);
  GError *error = NULL;

  data->corpus = tri_project_load_corpus_finish (TRI_PROJECT (object), result, &error);
  if (data->corpus == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_run_in_thread (task, cross_reference_thread);
}

static void
load_project_corpus (GTask *task)
{
  OpenData *data = g_task_get_task_data (task);

  tri_project_load_corpus_async (data->project, g_task_get_cancellable (task), corpus_loaded, task);
}

static void
project_opened (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GTask *task = user_data;
  OpenData *data = g_task_get_task_data (task);
  GError *error = NULL;

  data->project = tri_project_open_finish (result, &error);
  if (data->project == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  load_project_corpus (task);
}

/**
 * tri_project_session_open_async:
 * @self: a #TriProjectSession
 * @file: (nullable): a project file
 * @working_copy: (nullable): or a working copy to recover
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the corpus
 * @user_data: for @callback
 *
 * Opens @file (or recovers @working_copy) and loads its articles from the
 * extraction cache, cross-referenced. The project becomes the session's
 * in tri_project_session_open_finish(), once it is ready to show.
 */
void
tri_project_session_open_async (TriProjectSession   *self,
                                GFile               *file,
                                GFile               *working_copy,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GTask *task;
  OpenData *data;

  g_return_if_fail (TRI_IS_PROJECT_SESSION (self));
  g_return_if_fail (G_IS_FILE (file) != G_IS_FILE (working_copy));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, tri_project_session_open_async);
  data = g_new0 (OpenData, 1);
  g_task_set_task_data (task, data, (GDestroyNotify) open_data_free);

  if (working_copy != NULL)
    {
      GError *error = NULL;

      /* Opens and validates one local file: quick enough here. */
      data->project = tri_project_recover (working_copy, &error);
      if (data->project == NULL)
        {
          g_task_return_error (task, error);
          g_object_unref (task);
          return;
        }
      load_project_corpus (task);
      return;
    }
  tri_project_open_async (file, self->private_copies ? TRI_PROJECT_WORKING_COPY : TRI_PROJECT_FLAGS_NONE,
                          cancellable, project_opened, task);
}

/**
 * tri_project_session_open_finish:
 * @self: a #TriProjectSession
 * @result: the result
 * @error: return location for an error
 *
 * Makes the opened project the session's, closing the one before.
 *
 * Returns: (transfer full): the corpus of the project's articles
 */
TriCorpus *
tri_project_session_open_finish (TriProjectSession  *self,
                                 GAsyncResult       *result,
                                 GError            **error)
{
  OpenData *data;
  TriCorpus *corpus;

  g_return_val_if_fail (TRI_IS_PROJECT_SESSION (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  data = g_task_get_task_data (G_TASK (result));
  corpus = g_task_propagate_pointer (G_TASK (result), error);
  if (corpus != NULL)
    set_project (self, data->project);
  else if (data->project != NULL && data->project != self->project)
    tri_project_close (data->project, NULL);
  return corpus;
}

/**
 * tri_project_session_reload_async:
 * @self: a #TriProjectSession
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the corpus
 * @user_data: for @callback
 *
 * Loads the current project's articles again (from the extraction cache),
 * for instance after an undone publication date. Finish with
 * tri_project_session_open_finish().
 */
void
tri_project_session_reload_async (TriProjectSession   *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GTask *task;
  OpenData *data;

  g_return_if_fail (TRI_IS_PROJECT_SESSION (self));
  g_return_if_fail (self->project != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, tri_project_session_open_async);
  data = g_new0 (OpenData, 1);
  data->project = g_object_ref (self->project);
  g_task_set_task_data (task, data, (GDestroyNotify) open_data_free);
  load_project_corpus (task);
}

/* Adding articles: the window shows them as it reads them, then the
 * project stores them, analysis and all, on a worker thread. */

static void
articles_added (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  GPtrArray *added;

  /* Unreadable files: the window reported them as it read them. */
  added = tri_project_add_files_finish (TRI_PROJECT (object), result, NULL, &error);
  if (added == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, added, (GDestroyNotify) g_ptr_array_unref);
}

/**
 * tri_project_session_add_articles_async:
 * @self: a #TriProjectSession
 * @articles: (element-type TriArticle): analysed articles, every article
 *   of each of their files
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when they are in the project
 * @user_data: for @callback
 *
 * Stores @articles in the project without analysing them again (unless
 * an id is taken there, see tri_project_add_articles_async()).
 */
void
tri_project_session_add_articles_async (TriProjectSession   *self,
                                        GPtrArray           *articles,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (TRI_IS_PROJECT_SESSION (self));
  g_return_if_fail (articles != NULL);
  g_return_if_fail (self->project != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, tri_project_session_add_articles_async);
  tri_project_add_articles_async (self->project, articles, cancellable, articles_added, task);
}

/**
 * tri_project_session_add_articles_finish:
 * @self: a #TriProjectSession
 * @result: the result
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type TriArticle): the articles stored,
 *   with the ids the project gave them
 */
GPtrArray *
tri_project_session_add_articles_finish (TriProjectSession  *self,
                                         GAsyncResult       *result,
                                         GError            **error)
{
  g_return_val_if_fail (TRI_IS_PROJECT_SESSION (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Save As */

static void
saved_as (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!tri_project_save_as_finish (TRI_PROJECT (object), result, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
tri_project_session_save_as_async (TriProjectSession   *self,
                                   GFile               *file,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (TRI_IS_PROJECT_SESSION (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->project != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, tri_project_session_save_as_async);
  tri_project_session_flush (self, NULL);
  tri_project_save_as_async (self->project, file, cancellable, saved_as, task);
}

gboolean
tri_project_session_save_as_finish (TriProjectSession  *self,
                                    GAsyncResult       *result,
                                    GError            **error)
{
  g_return_val_if_fail (TRI_IS_PROJECT_SESSION (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Decisions */

static gboolean
has_decision (TriProject      *project,
              TriDecisionKind  kind,
              const char      *key)
{
  g_autofree char *value = NULL;

  switch (kind)
    {
    case TRI_DECISION_VERDICT:
      value = tri_project_dup_verdict (project, key);
      return value != NULL;
    case TRI_DECISION_NOTE:
      value = tri_project_dup_note (project, key);
      return value != NULL;
    case TRI_DECISION_HIDDEN_CLAIM:
      return tri_project_get_claim_hidden (project, key);
    case TRI_DECISION_PUBLISHED:
    case TRI_DECISION_PLACE:
    case TRI_DECISION_ACTOR:
    default:
      g_return_val_if_reached (FALSE);
    }
}

/**
 * tri_project_session_dup_item_key:
 * @self: a #TriProjectSession
 * @item: a claims list row
 * @kind: a verdict, note or hidden claim
 *
 * Returns: (transfer full): the key a decision of @kind about @item is
 *   stored under: the claim of @item that holds one already, else the
 *   row's stable key
 */
char *
tri_project_session_dup_item_key (TriProjectSession *self,
                                  TriClaimItem      *item,
                                  TriDecisionKind    kind)
{
  const char *key;

  g_return_val_if_fail (TRI_IS_PROJECT_SESSION (self), NULL);
  g_return_val_if_fail (TRI_IS_CLAIM_ITEM (item), NULL);

  key = item->key ? item->key : item->id;
  if (self->project == NULL || has_decision (self->project, kind, key))
    return g_strdup (key);
  for (guint i = 0; item->claims && item->claims[i]; i++)
    if (has_decision (self->project, kind, item->claims[i]))
      return g_strdup (item->claims[i]);
  return g_strdup (key);
}

static gboolean
check_project (TriProjectSession  *self,
               GError            **error)
{
  if (self->project != NULL)
    return TRUE;
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, _("No project is open"));
  return FALSE;
}

gboolean
tri_project_session_set_verdict (TriProjectSession  *self,
                                 TriClaimItem       *item,
                                 gboolean            overridden,
                                 TriVerdict          verdict,
                                 GError            **error)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (TRI_IS_PROJECT_SESSION (self), FALSE);
  g_return_val_if_fail (TRI_IS_CLAIM_ITEM (item), FALSE);

  if (!check_project (self, error))
    return FALSE;
  key = tri_project_session_dup_item_key (self, item, TRI_DECISION_VERDICT);
  if (!tri_project_set_verdict (self->project, key, overridden ? tri_verdict_to_string (verdict) : NULL,
                                error))
    return FALSE;
  tri_claim_item_set_user_verdict (item, overridden, verdict);
  return TRUE;
}

gboolean
tri_project_session_set_hidden (TriProjectSession  *self,
                                TriClaimItem       *item,
                                gboolean            hidden,
                                GError            **error)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (TRI_IS_PROJECT_SESSION (self), FALSE);
  g_return_val_if_fail (TRI_IS_CLAIM_ITEM (item), FALSE);

  if (!check_project (self, error))
    return FALSE;
  key = tri_project_session_dup_item_key (self, item, TRI_DECISION_HIDDEN_CLAIM);
  if (!tri_project_set_claim_hidden (self->project, key, hidden, error))
    return FALSE;
  /* Shown again: no claim of the row may keep it hidden. */
  for (guint i = 0; !hidden && item->claims && item->claims[i]; i++)
    if (tri_project_get_claim_hidden (self->project, item->claims[i])
        && !tri_project_set_claim_hidden (self->project, item->claims[i], FALSE, error))
      return FALSE;
  tri_claim_item_set_hidden (item, hidden);
  return TRUE;
}

static gboolean
note_timeout (gpointer data)
{
  TriProjectSession *self = data;
  g_autoptr(GError) error = NULL;

  self->note_source = 0;
  if (!tri_project_session_flush (self, &error))
    g_signal_emit (self, signals [MESSAGE], 0, error->message);
  return G_SOURCE_REMOVE;
}

/**
 * tri_project_session_set_note:
 * @self: a #TriProjectSession
 * @item: a claims list row
 * @text: (nullable): its note, as typed so far
 *
 * Sets the row's note now and writes it to the project once the typing
 * pauses (or at tri_project_session_flush()), as one decision.
 */
void
tri_project_session_set_note (TriProjectSession *self,
                              TriClaimItem      *item,
                              const char        *text)
{
  g_autofree char *key = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (TRI_IS_PROJECT_SESSION (self));
  g_return_if_fail (TRI_IS_CLAIM_ITEM (item));

  key = tri_project_session_dup_item_key (self, item, TRI_DECISION_NOTE);
  if (self->note_key != NULL && !g_str_equal (self->note_key, key)
      && !tri_project_session_flush (self, &error))
    g_signal_emit (self, signals [MESSAGE], 0, error->message);
  g_free (self->note_key);
  self->note_key = g_steal_pointer (&key);
  g_free (self->note_text);
  self->note_text = g_strdup (text);
  tri_claim_item_set_note (item, text);
  g_clear_handle_id (&self->note_source, g_source_remove);
  self->note_source = g_timeout_add (NOTE_DELAY_MS, note_timeout, self);
}

/**
 * tri_project_session_flush:
 * @self: a #TriProjectSession
 * @error: return location for an error
 *
 * Writes the note being typed now.
 *
 * Returns: %TRUE on success
 */
gboolean
tri_project_session_flush (TriProjectSession  *self,
                           GError            **error)
{
  g_autofree char *key = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (TRI_IS_PROJECT_SESSION (self), FALSE);

  g_clear_handle_id (&self->note_source, g_source_remove);
  if (self->note_key == NULL)
    return TRUE;
  key = g_steal_pointer (&self->note_key);
  text = g_steal_pointer (&self->note_text);
  if (!check_project (self, error))
    return FALSE;
  return tri_project_set_note (self->project, key, text, error);
}

gboolean
tri_project_session_set_published (TriProjectSession  *self,
                                   TriArticle         *article,
                                   const char         *iso_date,
                                   GError            **error)
{
  g_return_val_if_fail (TRI_IS_PROJECT_SESSION (self), FALSE);
  g_return_val_if_fail (TRI_IS_ARTICLE (article), FALSE);

  if (!check_project (self, error))
    return FALSE;
  return tri_project_set_published (self->project, tri_article_get_id (article), iso_date, error);
}

static const char *
item_decision (TriClaimItem *item,
               GHashTable   *map)
{
  const char *value = g_hash_table_lookup (map, item->key ? item->key : item->id);

  for (guint i = 0; value == NULL && item->claims && item->claims[i]; i++)
    value = g_hash_table_lookup (map, item->claims[i]);
  return value;
}

/**
 * tri_project_session_apply:
 * @self: a #TriProjectSession
 * @items: (element-type TriClaimItem): claims list rows
 *
 * Gives @items the project's verdicts, notes and hidden flags, and takes
 * away those the project no longer has (after an undo). A note being
 * typed is left as it is.
 *
 * Returns: whether an item changed
 */
gboolean
tri_project_session_apply (TriProjectSession *self,
                           GPtrArray         *items)
{
  g_autoptr(GHashTable) verdicts = NULL;
  g_autoptr(GHashTable) notes = NULL;
  g_autoptr(GHashTable) hidden = NULL;
  gboolean changed = FALSE;

  g_return_val_if_fail (TRI_IS_PROJECT_SESSION (self), FALSE);
  g_return_val_if_fail (items != NULL, FALSE);

  if (self->project == NULL)
    return FALSE;
  verdicts = tri_project_dup_decisions (self->project, TRI_DECISION_VERDICT);
  notes = tri_project_dup_decisions (self->project, TRI_DECISION_NOTE);
  hidden = tri_project_dup_decisions (self->project, TRI_DECISION_HIDDEN_CLAIM);
  for (guint i = 0; i < items->len; i++)
    {
      TriClaimItem *item = g_ptr_array_index (items, i);
      TriVerdict verdict = TRI_VERDICT_SINGLE_SOURCE;
      gboolean overridden = tri_verdict_from_string (item_decision (item, verdicts), &verdict);
      gboolean is_hidden = item_decision (item, hidden) != NULL;
      gboolean was_overridden = item->overridden;
      TriVerdict was_verdict = item->user_verdict;
      gboolean was_hidden = item->hidden;

      tri_claim_item_set_user_verdict (item, overridden, verdict);
      tri_claim_item_set_hidden (item, is_hidden);
      changed |= was_overridden != item->overridden || was_verdict != item->user_verdict
                 || was_hidden != item->hidden;
      if (self->note_key == NULL || !tri_claim_item_has_key (item, self->note_key))
        {
          const char *note = item_decision (item, notes);

          changed |= g_strcmp0 (note, item->note) != 0;
          tri_claim_item_set_note (item, note);
        }
    }
  return changed;
}

/**
 * tri_project_session_undo:
 * @self: a #TriProjectSession
 * @error: return location for an error
 *
 * Undoes the researcher's last decision (writing a note being typed
 * first, so that it is what is undone).
 *
 * Returns: %TRUE when undone
 */
gboolean
tri_project_session_undo (TriProjectSession  *self,
                          GError            **error)
{
  g_return_val_if_fail (TRI_IS_PROJECT_SESSION (self), FALSE);

  if (!check_project (self, error) || !tri_project_session_flush (self, error))
    return FALSE;
  return tri_project_undo (self->project, error);
}

gboolean
tri_project_session_redo (TriProjectSession  *self,
                          GError            **error)
{
  g_return_val_if_fail (TRI_IS_PROJECT_SESSION (self), FALSE);

  if (!check_project (self, error) || !tri_project_session_flush (self, error))
    return FALSE;
  return tri_project_redo (self->project, error);
}

/* GObject */

static void
tri_project_session_dispose (GObject *object)
{
  TriProjectSession *self = (TriProjectSession *)object;

  close_project (self, NULL);
  g_clear_handle_id (&self->note_source, g_source_remove);
  g_clear_handle_id (&self->autosave_source, g_source_remove);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (tri_project_session_parent_class)->dispose (object);
}

static void
tri_project_session_finalize (GObject *object)
{
  TriProjectSession *self = (TriProjectSession *)object;

  g_clear_pointer (&self->note_key, g_free);
  g_clear_pointer (&self->note_text, g_free);

  G_OBJECT_CLASS (tri_project_session_parent_class)->finalize (object);
}

static void
tri_project_session_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  TriProjectSession *self = TRI_PROJECT_SESSION (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_TITLE:
      g_value_take_string (value, tri_project_session_dup_title (self));
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, self->project && tri_project_get_can_undo (self->project));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, self->project && tri_project_get_can_redo (self->project));
      break;
    case PROP_PRIVATE_COPIES:
      g_value_set_boolean (value, self->private_copies);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tri_project_session_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  TriProjectSession *self = TRI_PROJECT_SESSION (object);

  switch (prop_id)
    {
    case PROP_PRIVATE_COPIES:
      tri_project_session_set_private_copies (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tri_project_session_class_init (TriProjectSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tri_project_session_dispose;
  object_class->finalize = tri_project_session_finalize;
  object_class->get_property = tri_project_session_get_property;
  object_class->set_property = tri_project_session_set_property;

  properties [PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, TRI_TYPE_PROJECT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties [PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties [PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties [PROP_PRIVATE_COPIES] =
    g_param_spec_boolean ("private-copies", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TriProjectSession::decision-changed:
   * @self: the session
   * @kind: a #TriDecisionKind
   * @key: what it is about
   *
   * A decision was made, undone or redone.
   */
  signals [DECISION_CHANGED] =
    g_signal_new ("decision-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_STRING);
  /**
   * TriProjectSession::message:
   * @self: the session
   * @text: what went wrong in the background (an autosave, a note)
   */
  signals [MESSAGE] =
    g_signal_new ("message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
tri_project_session_init (TriProjectSession *self)
{
  /* A sandbox reaches the user's files through portals. */
  self->private_copies = g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS);
}
