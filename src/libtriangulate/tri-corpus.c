/* tri-corpus.c
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-corpus"

#include "config.h"

#include "tri-analysis.h"
#include "tri-article-private.h"
#include "tri-corpus.h"
#include "tri-loader.h"

G_DEFINE_BOXED_TYPE (TriLoadError, tri_load_error, tri_load_error_copy, tri_load_error_free)

TriLoadError *
tri_load_error_copy (const TriLoadError *error)
{
  TriLoadError *copy = g_new0 (TriLoadError, 1);

  copy->path = g_strdup (error->path);
  copy->message = g_strdup (error->message);
  return copy;
}

void
tri_load_error_free (TriLoadError *error)
{
  if (error == NULL)
    return;
  g_free (error->path);
  g_free (error->message);
  g_free (error);
}

/* The articles of a study, in the order their files were given, and what
 * cross-referencing them found. Loading reads and analyses files on worker
 * threads and adds each file's articles on the main context, in order. */
struct _TriCorpus
{
  GObject    parent_instance;

  GPtrArray *articles;
  GHashTable *by_id;
  GPtrArray *errors;
  GPtrArray *clusters;

  guint      n_loading;
  guint      n_loaded;
  guint      n_total;
};

static void tri_corpus_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TriCorpus, tri_corpus, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, tri_corpus_list_model_init))

enum {
  PROP_0,
  PROP_LOADING,
  PROP_PROGRESS,
  PROP_N_ITEMS,
  N_PROPS
};

enum {
  LOAD_ERROR,
  CLUSTERS_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static GType
tri_corpus_get_item_type (GListModel *model)
{
  return TRI_TYPE_ARTICLE;
}

static guint
tri_corpus_get_n_items (GListModel *model)
{
  return TRI_CORPUS (model)->articles->len;
}

static gpointer
tri_corpus_get_item (GListModel *model,
                     guint       position)
{
  TriCorpus *self = TRI_CORPUS (model);

  if (position >= self->articles->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->articles, position));
}

static void
tri_corpus_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = tri_corpus_get_item_type;
  iface->get_n_items = tri_corpus_get_n_items;
  iface->get_item = tri_corpus_get_item;
}

static void
tri_corpus_finalize (GObject *object)
{
  TriCorpus *self = (TriCorpus *)object;

  g_clear_pointer (&self->articles, g_ptr_array_unref);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->errors, g_ptr_array_unref);
  g_clear_pointer (&self->clusters, g_ptr_array_unref);

  G_OBJECT_CLASS (tri_corpus_parent_class)->finalize (object);
}

static void
tri_corpus_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  TriCorpus *self = TRI_CORPUS (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, tri_corpus_get_loading (self));
      break;
    case PROP_PROGRESS:
      g_value_set_double (value, tri_corpus_get_progress (self));
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->articles->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tri_corpus_class_init (TriCorpusClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tri_corpus_finalize;
  object_class->get_property = tri_corpus_get_property;

  properties [PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties [PROP_PROGRESS] =
    g_param_spec_double ("progress", NULL, NULL, 0.0, 1.0, 0.0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties [PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TriCorpus::load-error:
   * @self: the corpus
   * @path: the file
   * @message: why it could not be read
   *
   * A file could not be read. The others are still loaded.
   */
  signals [LOAD_ERROR] =
    g_signal_new ("load-error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  /**
   * TriCorpus::clusters-changed:
   * @self: the corpus
   *
   * Cross-referencing finished with new clusters.
   */
  signals [CLUSTERS_CHANGED] =
    g_signal_new ("clusters-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
tri_corpus_init (TriCorpus *self)
{
  self->articles = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->errors = g_ptr_array_new_with_free_func ((GDestroyNotify) tri_load_error_free);
}

TriCorpus *
tri_corpus_new (void)
{
  return g_object_new (TRI_TYPE_CORPUS, NULL);
}

/* Ids must be unique within a corpus: a second "article" becomes
 * "article~2". */
static void
add_article (TriCorpus  *self,
             TriArticle *article)
{
  const char *id = tri_article_get_id (article);

  if (g_hash_table_contains (self->by_id, id))
    {
      for (guint n = 2;; n++)
        {
          g_autofree char *alt = g_strdup_printf ("%s~%u", id, n);

          if (!g_hash_table_contains (self->by_id, alt))
            {
              _tri_article_set_id (article, alt);
              break;
            }
        }
    }
  g_ptr_array_add (self->articles, g_object_ref (article));
  g_hash_table_insert (self->by_id, (gpointer) tri_article_get_id (article), article);
}

/**
 * tri_corpus_add:
 * @self: a #TriCorpus
 * @article: an analysed article
 *
 * Adds @article at the end. Call tri_corpus_cross_reference() after adding.
 */
void
tri_corpus_add (TriCorpus  *self,
                TriArticle *article)
{
  g_return_if_fail (TRI_IS_CORPUS (self));
  g_return_if_fail (TRI_IS_ARTICLE (article));

  add_article (self, article);
  g_list_model_items_changed (G_LIST_MODEL (self), self->articles->len - 1, 0, 1);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_ITEMS]);
}

/**
 * tri_corpus_lookup:
 * @self: a #TriCorpus
 * @id: an article id
 *
 * Returns: (transfer none) (nullable): the article with that id
 */
TriArticle *
tri_corpus_lookup (TriCorpus  *self,
                   const char *id)
{
  g_return_val_if_fail (TRI_IS_CORPUS (self), NULL);
  return g_hash_table_lookup (self->by_id, id);
}

gboolean
tri_corpus_get_loading (TriCorpus *self)
{
  g_return_val_if_fail (TRI_IS_CORPUS (self), FALSE);
  return self->n_loading > 0;
}

double
tri_corpus_get_progress (TriCorpus *self)
{
  g_return_val_if_fail (TRI_IS_CORPUS (self), 0.0);
  if (self->n_total == 0)
    return 1.0;
  return (double) self->n_loaded / self->n_total;
}

/**
 * tri_corpus_get_errors:
 * @self: a #TriCorpus
 *
 * Returns: (transfer none) (element-type TriLoadError): the files that could
 *   not be read, with the reasons
 */
GPtrArray *
tri_corpus_get_errors (TriCorpus *self)
{
  g_return_val_if_fail (TRI_IS_CORPUS (self), NULL);
  return self->errors;
}

/**
 * tri_corpus_get_articles:
 * @self: a #TriCorpus
 *
 * The same articles as the list model, as an array for code that walks
 * them often.
 *
 * Returns: (transfer none) (element-type TriArticle): the articles
 */
GPtrArray *
tri_corpus_get_articles (TriCorpus *self)
{
  g_return_val_if_fail (TRI_IS_CORPUS (self), NULL);
  return self->articles;
}

/**
 * tri_corpus_get_clusters:
 * @self: a #TriCorpus
 *
 * Returns: (transfer none) (nullable) (element-type TriCluster): the
 *   clusters of the last cross-referencing, or %NULL before it ran
 */
GPtrArray *
tri_corpus_get_clusters (TriCorpus *self)
{
  g_return_val_if_fail (TRI_IS_CORPUS (self), NULL);
  return self->clusters;
}


static void
set_clusters (TriCorpus *self,
              GPtrArray *clusters)
{
  g_clear_pointer (&self->clusters, g_ptr_array_unref);
  self->clusters = clusters;
  g_signal_emit (self, signals [CLUSTERS_CHANGED], 0);
}

/**
 * tri_corpus_cross_reference:
 * @self: a #TriCorpus
 *
 * Groups the claims of all articles into clusters and gives them verdicts.
 */
void
tri_corpus_cross_reference (TriCorpus *self)
{
  g_return_if_fail (TRI_IS_CORPUS (self));

  set_clusters (self, tri_cross_reference (self->articles));
}

/* Loading. */

typedef struct
{
  GPtrArray *articles;
  GPtrArray *warnings;           /* of GError: records that could not be read */
  GError    *error;
  char      *path;
  gboolean   done;
} Slot;

typedef struct
{
  TriCorpus     *corpus;
  GMainContext  *context;
  GPtrArray     *files;
  Slot          *slots;
  guint          n_slots;
  GMutex         mutex;
  GCond          cond;
  GCancellable  *cancellable;
  GPtrArray     *snapshot;       /* articles already in the corpus */
  GPtrArray     *all;            /* snapshot plus the new ones */
  GPtrArray     *clusters;
} LoadJob;

static void
load_job_free (LoadJob *job)
{
  for (guint i = 0; i < job->n_slots; i++)
    {
      g_clear_pointer (&job->slots[i].articles, g_ptr_array_unref);
      g_clear_pointer (&job->slots[i].warnings, g_ptr_array_unref);
      g_clear_error (&job->slots[i].error);
      g_free (job->slots[i].path);
    }
  g_free (job->slots);
  g_clear_pointer (&job->files, g_ptr_array_unref);
  g_clear_pointer (&job->snapshot, g_ptr_array_unref);
  g_clear_pointer (&job->all, g_ptr_array_unref);
  g_clear_pointer (&job->clusters, g_ptr_array_unref);
  g_clear_object (&job->cancellable);
  g_clear_object (&job->corpus);
  g_clear_pointer (&job->context, g_main_context_unref);
  g_mutex_clear (&job->mutex);
  g_cond_clear (&job->cond);
  g_free (job);
}

static LoadJob *
load_job_new (TriCorpus     *corpus,
              GFile        **files,
              guint          n_files,
              GCancellable  *cancellable)
{
  LoadJob *job = g_new0 (LoadJob, 1);

  job->corpus = g_object_ref (corpus);
  job->context = g_main_context_ref_thread_default ();
  job->files = g_ptr_array_new_full (n_files, g_object_unref);
  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (job->files, g_object_ref (files[i]));
  job->n_slots = n_files;
  job->slots = g_new0 (Slot, n_files);
  job->cancellable = cancellable ? g_object_ref (cancellable) : NULL;
  job->snapshot = g_ptr_array_copy (corpus->articles, (GCopyFunc) g_object_ref, NULL);
  g_ptr_array_set_free_func (job->snapshot, g_object_unref);
  job->all = g_ptr_array_copy (job->snapshot, (GCopyFunc) g_object_ref, NULL);
  g_ptr_array_set_free_func (job->all, g_object_unref);
  g_mutex_init (&job->mutex);
  g_cond_init (&job->cond);
  return job;
}

static void
load_worker (gpointer data,
             gpointer user_data)
{
  LoadJob *job = user_data;
  guint i = GPOINTER_TO_UINT (data) - 1;
  GFile *file = g_ptr_array_index (job->files, i);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autofree char *path = g_file_get_path (file);

  if (path == NULL)
    path = g_file_get_uri (file);

  if (!g_cancellable_set_error_if_cancelled (job->cancellable, &error))
    articles = tri_load_file_full (file, job->cancellable, &warnings, &error);
  if (articles != NULL)
    for (guint j = 0; j < articles->len; j++)
      tri_article_analyze (g_ptr_array_index (articles, j));

  g_mutex_lock (&job->mutex);
  job->slots[i].articles = g_steal_pointer (&articles);
  job->slots[i].warnings = g_steal_pointer (&warnings);
  job->slots[i].error = g_steal_pointer (&error);
  job->slots[i].path = g_steal_pointer (&path);
  job->slots[i].done = TRUE;
  g_cond_broadcast (&job->cond);
  g_mutex_unlock (&job->mutex);
}

typedef struct
{
  TriCorpus *corpus;
  GPtrArray *articles;
  GPtrArray *warnings;
  char      *path;
  char      *message;
} Publish;

static void
publish_free (Publish *p)
{
  g_clear_object (&p->corpus);
  g_clear_pointer (&p->articles, g_ptr_array_unref);
  g_clear_pointer (&p->warnings, g_ptr_array_unref);
  g_free (p->path);
  g_free (p->message);
  g_free (p);
}

static void
add_error (TriCorpus  *self,
           const char *path,
           const char *message)
{
  TriLoadError err = { (char *) path, (char *) message };

  g_ptr_array_add (self->errors, tri_load_error_copy (&err));
  g_signal_emit (self, signals [LOAD_ERROR], 0, path, message);
}

static gboolean
publish_on_main (gpointer data)
{
  Publish *p = data;
  TriCorpus *self = p->corpus;

  if (p->articles != NULL && p->articles->len > 0)
    {
      guint before = self->articles->len;

      for (guint i = 0; i < p->articles->len; i++)
        add_article (self, g_ptr_array_index (p->articles, i));
      g_list_model_items_changed (G_LIST_MODEL (self), before, 0, p->articles->len);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_ITEMS]);
    }
  /* A scraper export can lose some records and keep others: one error
   * each, naming its line. */
  for (guint i = 0; p->warnings != NULL && i < p->warnings->len; i++)
    add_error (self, p->path, ((GError *) g_ptr_array_index (p->warnings, i))->message);
  if (p->message != NULL)
    add_error (self, p->path, p->message);
  self->n_loaded++;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PROGRESS]);
  return G_SOURCE_REMOVE;
}

/* Runs the pool and hands each file's result, in order, to @publish: on
 * the calling thread for a synchronous load, through the main context for
 * an asynchronous one. */
static void
load_job_run (LoadJob  *job,
              gboolean  via_context)
{
  GThreadPool *pool;
  guint threads = MAX (1, MIN (g_get_num_processors (), job->n_slots));

  pool = g_thread_pool_new (load_worker, job, threads, FALSE, NULL);
  for (guint i = 0; i < job->n_slots; i++)
    g_thread_pool_push (pool, GUINT_TO_POINTER (i + 1), NULL);

  for (guint i = 0; i < job->n_slots; i++)
    {
      Publish *p = g_new0 (Publish, 1);
      Slot *slot = &job->slots[i];

      g_mutex_lock (&job->mutex);
      while (!slot->done)
        g_cond_wait (&job->cond, &job->mutex);
      g_mutex_unlock (&job->mutex);

      p->corpus = g_object_ref (job->corpus);
      p->path = g_strdup (slot->path);
      if (slot->articles)
        {
          p->articles = g_ptr_array_ref (slot->articles);
          for (guint j = 0; j < slot->articles->len; j++)
            g_ptr_array_add (job->all, g_object_ref (g_ptr_array_index (slot->articles, j)));
        }
      if (slot->warnings)
        p->warnings = g_ptr_array_ref (slot->warnings);
      if (slot->error)
        p->message = g_strdup (slot->error->message);

      if (via_context)
        g_main_context_invoke_full (job->context, G_PRIORITY_DEFAULT, publish_on_main,
                                    p, (GDestroyNotify) publish_free);
      else
        {
          publish_on_main (p);
          publish_free (p);
        }
    }

  g_thread_pool_free (pool, FALSE, TRUE);

  if (!g_cancellable_is_cancelled (job->cancellable))
    job->clusters = tri_cross_reference (job->all);
}

static void
begin_loading (TriCorpus *self,
               guint      n_files)
{
  if (self->n_loading++ == 0)
    {
      self->n_loaded = 0;
      self->n_total = 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LOADING]);
    }
  self->n_total += n_files;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PROGRESS]);
}

static void
end_loading (TriCorpus *self,
             LoadJob   *job)
{
  if (job->clusters != NULL)
    set_clusters (self, g_steal_pointer (&job->clusters));
  if (--self->n_loading == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LOADING]);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  load_job_run (task_data, TRUE);
  g_task_return_boolean (task, TRUE);
}

/**
 * tri_corpus_load_async:
 * @self: a #TriCorpus
 * @files: (array length=n_files): files to read
 * @n_files: their number
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when every file is read and cross-referenced
 * @user_data: data for @callback
 *
 * Reads and analyses @files on worker threads. Articles are added on the
 * caller's main context in the order of @files; a file that cannot be read
 * emits #TriCorpus::load-error and the others go on.
 */
void
tri_corpus_load_async (TriCorpus            *self,
                       GFile               **files,
                       guint                 n_files,
                       GCancellable         *cancellable,
                       GAsyncReadyCallback   callback,
                       gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (TRI_IS_CORPUS (self));
  g_return_if_fail (files != NULL || n_files == 0);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, tri_corpus_load_async);
  g_task_set_task_data (task, load_job_new (self, files, n_files, cancellable),
                        (GDestroyNotify) load_job_free);
  begin_loading (self, n_files);
  g_task_run_in_thread (task, load_thread);
}

/**
 * tri_corpus_load_finish:
 * @self: a #TriCorpus
 * @result: the result
 * @error: set when the load was cancelled
 *
 * Returns: %TRUE unless cancelled; unreadable files are in
 *   tri_corpus_get_errors()
 */
gboolean
tri_corpus_load_finish (TriCorpus     *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  GTask *task = G_TASK (result);
  gboolean ok;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  /* Every publish_on_main() was queued before the task returned, so they
   * have all run by now. */
  end_loading (self, g_task_get_task_data (task));
  ok = g_task_propagate_boolean (task, error);
  if (ok && g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    ok = !g_cancellable_set_error_if_cancelled (g_task_get_cancellable (task), error);
  return ok;
}

/**
 * tri_corpus_load:
 * @self: a #TriCorpus
 * @files: (array length=n_files): files to read
 * @n_files: their number
 * @cancellable: (nullable): a #GCancellable
 * @error: set when cancelled
 *
 * Like tri_corpus_load_async(), but blocks; still uses worker threads.
 *
 * Returns: %TRUE unless cancelled
 */
gboolean
tri_corpus_load (TriCorpus     *self,
                 GFile        **files,
                 guint          n_files,
                 GCancellable  *cancellable,
                 GError       **error)
{
  LoadJob *job;

  g_return_val_if_fail (TRI_IS_CORPUS (self), FALSE);

  job = load_job_new (self, files, n_files, cancellable);
  begin_loading (self, n_files);
  load_job_run (job, FALSE);
  end_loading (self, job);
  load_job_free (job);
  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}

static const char *const readable_suffixes[] = {
  ".txt", ".text", ".html", ".htm", ".xhtml", ".json", ".jsonl", ".ndjson", NULL
};

static gboolean
is_readable_name (const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);

  if (name[0] == '.')
    return FALSE;
  for (guint i = 0; readable_suffixes[i]; i++)
    if (g_str_has_suffix (lower, readable_suffixes[i]))
      return TRUE;
  return FALSE;
}

static int
compare_files (gconstpointer a,
               gconstpointer b)
{
  g_autofree char *x = g_file_get_path (*(GFile * const *) a);
  g_autofree char *y = g_file_get_path (*(GFile * const *) b);

  return g_strcmp0 (x, y);
}

static gboolean
collect_dir (GFile         *dir,
             GPtrArray     *out,
             guint          depth,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GFileEnumerator) en = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) subdirs = g_ptr_array_new_with_free_func (g_object_unref);

  if (depth > 32)
    return TRUE;

  en = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                  G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, cancellable, error);
  if (en == NULL)
    return FALSE;

  for (;;)
    {
      GFileInfo *info;
      GFile *child;

      if (!g_file_enumerator_iterate (en, &info, &child, cancellable, error))
        return FALSE;
      if (info == NULL)
        break;
      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        {
          if (g_file_info_get_name (info)[0] != '.')
            g_ptr_array_add (subdirs, g_object_ref (child));
        }
      else if (is_readable_name (g_file_info_get_name (info)))
        g_ptr_array_add (found, g_object_ref (child));
    }

  g_ptr_array_sort (found, compare_files);
  g_ptr_array_sort (subdirs, compare_files);
  for (guint i = 0; i < found->len; i++)
    g_ptr_array_add (out, g_object_ref (g_ptr_array_index (found, i)));
  for (guint i = 0; i < subdirs->len; i++)
    if (!collect_dir (g_ptr_array_index (subdirs, i), out, depth + 1, cancellable, error))
      return FALSE;
  return TRUE;
}

/**
 * tri_collect_files:
 * @roots: (array length=n_roots): files and folders
 * @n_roots: their number
 * @cancellable: (nullable): a #GCancellable
 * @error: set if a folder cannot be listed
 *
 * Expands folders, recursively and sorted by name, into the article files
 * they hold (.txt, .text, .html, .htm, .json, .jsonl). Files named directly
 * are kept whatever their name, so that a bad one is reported, not skipped.
 *
 * Returns: (transfer full): a list of #GFile
 */
GListModel *
tri_collect_files (GFile        **roots,
                   guint          n_roots,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListStore) store = g_list_store_new (G_TYPE_FILE);

  for (guint i = 0; i < n_roots; i++)
    {
      if (g_file_query_file_type (roots[i], G_FILE_QUERY_INFO_NONE, cancellable) == G_FILE_TYPE_DIRECTORY)
        {
          if (!collect_dir (roots[i], out, 0, cancellable, error))
            return NULL;
        }
      else
        g_ptr_array_add (out, g_object_ref (roots[i]));
    }
  g_list_store_splice (store, 0, 0, out->pdata, out->len);
  return G_LIST_MODEL (g_steal_pointer (&store));
}
