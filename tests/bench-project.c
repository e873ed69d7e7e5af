/* bench-project.c: import 10,000 articles, then reopen the project
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <triangulate.h>

/* Synthetic articles, a few paragraphs each, in our own words. */
static char *
make_article (guint i)
{
  static const char * const places[] = { "Baghdad", "Erbil", "Anbar", "Đà Nẵng", "Basra" };

  return g_strdup_printf ("Bản tin số %u\n\n"
                          "Ngày %u tháng %u năm 2021, quân đội Mỹ cho biết khoảng %u binh sĩ "
                          "sẽ ở lại %s để huấn luyện lực lượng địa phương.\n"
                          "Một quan chức nói thêm rằng %u cố vấn khác sẽ rời đi trước cuối năm.\n"
                          "Report %u: on %u December 2021 officials said %u troops would remain "
                          "at two bases near %s, while %u advisers would leave.\n",
                          i, 1 + i % 28, 1 + i % 12, 1000 + i % 3000, places[i % 5],
                          200 + i % 700, i, 1 + i % 28, 2000 + i % 1000, places[(i + 2) % 5],
                          100 + i % 400);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tri-bench-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "bench.triangulate", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TriProject) project = NULL;
  g_autoptr(TriCorpus) corpus = NULL;
  guint n = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 10000;
  gint64 t0, t_import, t_open, t_list, t_ready, t_reanalyse;
  GStatBuf st;
  guint n_cached;

  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", dir, TRUE);

  /* The articles as files, then imported as the command line does. */
  {
    g_autofree char *folder = g_build_filename (dir, "articles", NULL);
    g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
    g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func ((GDestroyNotify) tri_load_error_free);
    g_autoptr(GPtrArray) added = NULL;

    g_mkdir (folder, 0755);
    for (guint i = 0; i < n; i++)
      {
        g_autofree char *name = g_strdup_printf ("%s/article-%05u.txt", folder, i);
        g_autofree char *text = make_article (i);

        g_assert_true (g_file_set_contents (name, text, -1, NULL));
        g_ptr_array_add (files, g_file_new_for_path (name));
      }

    project = tri_project_new (file, TRI_PROJECT_FLAGS_NONE, &error);
    g_assert_no_error (error);
    t0 = g_get_monotonic_time ();
    added = tri_project_add_files (project, (GFile **) files->pdata, files->len, errors, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (errors->len, ==, 0);
    g_assert_cmpuint (added->len, ==, n);
    t_import = g_get_monotonic_time () - t0;
  }
  g_assert_true (tri_project_close (project, NULL));
  g_clear_object (&project);
  g_assert_cmpint (g_stat (path, &st), ==, 0);

  /* Reopen: validation (quick_check) included; the app's first frame
   * needs the project open and its article count. */
  t0 = g_get_monotonic_time ();
  project = tri_project_open (file, TRI_PROJECT_FLAGS_NONE, NULL, &error);
  g_assert_no_error (error);
  t_open = g_get_monotonic_time () - t0;
  g_assert_cmpuint (tri_project_get_n_articles (project), ==, n);
  t_list = g_get_monotonic_time () - t0;
  n_cached = tri_project_get_n_cached (project);

  /* Every article rebuilt from its bytes, results from the cache. */
  t0 = g_get_monotonic_time ();
  corpus = tri_project_load_corpus (project, NULL, &error);
  g_assert_no_error (error);
  t_ready = g_get_monotonic_time () - t0;
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (corpus)), ==, n);
  g_clear_object (&corpus);
  g_assert_true (tri_project_close (project, NULL));
  g_clear_object (&project);

  /* For comparison: the same without a cache (another library version). */
  {
    sqlite3 *db = NULL;

    sqlite3_open (path, &db);
    sqlite3_exec (db, "UPDATE meta SET value = 'old' WHERE key = 'cache'", NULL, NULL, NULL);
    sqlite3_close (db);
  }
  project = tri_project_open (file, TRI_PROJECT_FLAGS_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tri_project_get_n_cached (project), ==, 0);
  t0 = g_get_monotonic_time ();
  corpus = tri_project_load_corpus (project, NULL, &error);
  g_assert_no_error (error);
  t_reanalyse = g_get_monotonic_time () - t0;
  g_clear_object (&corpus);
  g_clear_object (&project);

  printf ("articles: %u\n", n);
  printf ("file size: %.1f MiB\n", st.st_size / 1048576.0);
  printf ("import: %.2f s (%.0f articles/s, read and analysed in parallel, 64 files a transaction)\n",
          t_import / 1e6, n / (t_import / 1e6));
  printf ("reopen (validate + open): %.3f s\n", t_open / 1e6);
  printf ("reopen to first frame (open + article count): %.3f s (target <= 1 s)\n", t_list / 1e6);
  printf ("all articles ready from the cache (%u of %u cached): %.3f s\n", n_cached, n, t_ready / 1e6);
  printf ("all articles ready, analysing again: %.3f s\n", t_reanalyse / 1e6);

  {
    g_autofree char *working = g_build_filename (dir, "triangulate", NULL);
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", dir);

    (void) working;
    if (system (cmd) != 0)
      g_warning ("cannot remove %s", dir);
  }
  return t_list <= 1000000 ? 0 : 1;
}
