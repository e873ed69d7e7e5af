/* test-corpus.c
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include <triangulate.h>
#if HAVE_GLIB_TESTING
# include <libglib-testing/signal-logger.h>
#endif

typedef struct
{
  char *dir;
  GPtrArray *files;
} Fixture;

static void
write_file (Fixture    *f,
            const char *name,
            const char *data,
            gssize      len)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);
  g_ptr_array_add (f->files, g_file_new_for_path (path));
}

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("tri-corpus-XXXXXX", &error);
  g_assert_no_error (error);
  f->files = g_ptr_array_new_with_free_func (g_object_unref);

  /* Ten good files and two bad ones, interleaved. */
  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *name = g_strdup_printf ("a%02u.txt", i);
      g_autofree char *text = g_strdup_printf ("date 2026-01-%02u\n\nBài số %u. Quân đội Mỹ rời căn cứ.\n", i + 1, i);

      write_file (f, name, text, -1);
      if (i == 3)
        write_file (f, "bad-utf8.txt", "Bad \xFF byte.\n", -1);
      if (i == 6)
        write_file (f, "empty.txt", "", 0);
    }
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GFile) dir = g_file_new_for_path (f->dir);
  g_autoptr(GFileEnumerator) en = g_file_enumerate_children (dir, "standard::name", 0, NULL, NULL);
  GFile *child;

  while (g_file_enumerator_iterate (en, NULL, &child, NULL, NULL) && child)
    g_file_delete (child, NULL, NULL);
  g_file_delete (dir, NULL, NULL);
  g_ptr_array_unref (f->files);
  g_free (f->dir);
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (tri_corpus_load_finish (TRI_CORPUS (source), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
assert_order (TriCorpus *corpus)
{
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (corpus)), ==, 10);
  for (guint i = 0; i < 10; i++)
    {
      g_autoptr(TriArticle) article = g_list_model_get_item (G_LIST_MODEL (corpus), i);
      g_autofree char *id = g_strdup_printf ("a%02u", i);

      g_assert_cmpstr (tri_article_get_id (article), ==, id);
    }
}

static void
test_load_async (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(TriCorpus) corpus = tri_corpus_new ();
  gboolean done = FALSE;
  GPtrArray *errors;
#if HAVE_GLIB_TESTING
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();

  gt_signal_logger_connect (logger, corpus, "items-changed");
#endif

  tri_corpus_load_async (corpus, (GFile **) f->files->pdata, f->files->len, NULL, on_loaded, &done);
  /* Nothing is added before the main loop runs: the caller never blocks. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (corpus)), ==, 0);
  g_assert_true (tri_corpus_get_loading (corpus));
  while (!done)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (tri_corpus_get_loading (corpus));
  g_assert_cmpfloat (tri_corpus_get_progress (corpus), ==, 1.0);
  assert_order (corpus);

  errors = tri_corpus_get_errors (corpus);
  g_assert_cmpuint (errors->len, ==, 2);
  g_assert_true (g_str_has_suffix (((TriLoadError *) errors->pdata[0])->path, "bad-utf8.txt"));
  g_assert_nonnull (strstr (((TriLoadError *) errors->pdata[0])->message, "UTF-8"));
  g_assert_true (g_str_has_suffix (((TriLoadError *) errors->pdata[1])->path, "empty.txt"));

#if HAVE_GLIB_TESTING
  /* One emission per good file, each appending one item at the end. */
  for (guint i = 0; i < 10; i++)
    {
      guint position, removed, added;

      gt_signal_logger_assert_emission_pop (logger, corpus, "items-changed", &position, &removed, &added);
      g_assert_cmpuint (position, ==, i);
      g_assert_cmpuint (removed, ==, 0);
      g_assert_cmpuint (added, ==, 1);
    }
  gt_signal_logger_assert_no_emissions (logger);
#endif
}

static void
test_load_sync (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(TriCorpus) corpus = tri_corpus_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (tri_corpus_load (corpus, (GFile **) f->files->pdata, f->files->len, NULL, &error));
  g_assert_no_error (error);
  assert_order (corpus);
  g_assert_cmpuint (tri_corpus_get_errors (corpus)->len, ==, 2);
  g_assert_nonnull (tri_corpus_lookup (corpus, "a05"));
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(TriCorpus) corpus = tri_corpus_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (tri_corpus_load (corpus, (GFile **) f->files->pdata, f->files->len, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (corpus)), ==, 0);
}

static void
test_collect_folder (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GFile) dir = g_file_new_for_path (f->dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) files = NULL;
  g_autofree char *sub = g_build_filename (f->dir, "sub", NULL);
  g_autofree char *nested = g_build_filename (sub, "z.txt", NULL);
  g_autofree char *skipped = g_build_filename (f->dir, "notes.odt", NULL);
  g_autoptr(GFile) last = NULL;

  g_mkdir (sub, 0700);
  g_file_set_contents (nested, "Nested article text.", -1, NULL);
  g_file_set_contents (skipped, "x", -1, NULL);

  files = tri_collect_files (&dir, 1, NULL, &error);
  g_assert_no_error (error);
  /* 12 top-level .txt files, sorted, then the sub-folder's. */
  g_assert_cmpuint (g_list_model_get_n_items (files), ==, 13);
  last = g_list_model_get_item (files, 12);
  {
    g_autofree char *path = g_file_get_path (last);

    g_assert_cmpstr (path, ==, nested);
  }

  g_unlink (nested);
  g_unlink (skipped);
  g_rmdir (sub);
}

static void
test_duplicate_ids (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(TriCorpus) corpus = tri_corpus_new ();
  g_autoptr(TriArticle) a = tri_article_new_from_text ("same", "One text here.", -1, NULL);
  g_autoptr(TriArticle) b = tri_article_new_from_text ("same", "Another text here.", -1, NULL);

  tri_corpus_add (corpus, a);
  tri_corpus_add (corpus, b);
  g_assert_cmpstr (tri_article_get_id (b), ==, "same~2");
  g_assert_true (tri_corpus_lookup (corpus, "same~2") == b);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/tri/corpus/load-async", Fixture, NULL, setup, test_load_async, teardown);
  g_test_add ("/tri/corpus/load-sync", Fixture, NULL, setup, test_load_sync, teardown);
  g_test_add ("/tri/corpus/cancel", Fixture, NULL, setup, test_cancel, teardown);
  g_test_add ("/tri/corpus/collect-folder", Fixture, NULL, setup, test_collect_folder, teardown);
  g_test_add ("/tri/corpus/duplicate-ids", Fixture, NULL, setup, test_duplicate_ids, teardown);

  return g_test_run ();
}
