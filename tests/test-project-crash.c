/* test-project-crash.c: kill a writer at random moments, lose nothing
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <triangulate.h>
#include "project-test-util.h"
#include "tri-project-private.h"

#define N_KILLS 100

static void
write_all (int         fd,
           const char *line)
{
  gsize len = strlen (line);

  while (len > 0)
    {
      gssize n = write (fd, line, len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        _exit (4);
      line += n;
      len -= n;
    }
}

/* The child: imports articles and records decisions until it is killed,
 * confirming each one on @fd once it is committed. */
G_GNUC_NORETURN static void
run_child (const char *path,
           int         fd,
           guint       round,
           gboolean    working_copy)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  TriProject *project;

  project = tri_project_open (file, working_copy ? TRI_PROJECT_WORKING_COPY : TRI_PROJECT_FLAGS_NONE,
                              NULL, &error);
  if (project == NULL)
    {
      g_printerr ("child: %s\n", error->message);
      _exit (3);
    }

  /* Load the analysis data once, then tell the parent we are writing. */
  {
    g_autoptr(TriArticle) warm = tri_article_new_from_text ("warm-up", "Khởi động.\n", -1, NULL);

    if (warm != NULL)
      tri_article_analyze (warm);
  }
  write_all (fd, "S\n");

  for (guint k = 0;; k++)
    {
      char line[128];

      if (k % 2 == 0)
        {
          g_autofree char *name = g_strdup_printf ("/crash/r%u-a%u.txt", round, k);
          g_autofree char *text = g_strdup_printf ("Vòng %u, bài %u: quân đội rút khỏi căn cứ "
                                                   "lúc %u giờ.\nHọ nói %u binh sĩ ở lại.\n",
                                                   round, k, k % 24, 100 + k);
          g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&text), strlen (text));
          g_autoptr(GPtrArray) articles = NULL;

          articles = tri_project_add_bytes (project, name, bytes, &error);
          if (articles == NULL)
            {
              g_printerr ("child: %s\n", error->message);
              _exit (5);
            }
          g_snprintf (line, sizeof line, "A r%u-a%u\n", round, k);
        }
      else
        {
          g_autofree char *key = g_strdup_printf ("r%u-n%u", round, k);

          if (!tri_project_set_note (project, key, "ghi chú sau khi đọc", &error) ||
              !tri_project_set_verdict (project, key, "conflicting", &error))
            {
              g_printerr ("child: %s\n", error->message);
              _exit (6);
            }
          g_snprintf (line, sizeof line, "N %s\n", key);
        }
      write_all (fd, line);
    }
}

static gint64
count (sqlite3    *db,
       const char *sql,
       const char *key)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (key != NULL)
    sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

/* Every confirmed action is in the database at @path, and it is sound. */
static void
check_database (const char *path,
                GPtrArray  *confirmed)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_true (_tri_project_register_tokenizer (db));
  sqlite3_busy_timeout (db, 5000);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO article_text (article_text, rank)"
                                     " VALUES ('integrity-check', 1)", NULL, NULL, NULL), ==, SQLITE_OK);

  for (guint i = 0; i < confirmed->len; i++)
    {
      const char *line = g_ptr_array_index (confirmed, i);

      if (line[0] == 'A')
        {
          g_assert_cmpint (count (db, "SELECT count(*) FROM articles WHERE article_id = ?1", line + 2), ==, 1);
          g_assert_cmpint (count (db, "SELECT count(*) FROM files f JOIN articles a ON a.file_id = f.id"
                                      " WHERE a.article_id = ?1 AND length (f.original) > 0",
                                  line + 2), ==, 1);
        }
      else
        {
          g_assert_cmpint (count (db, "SELECT count(*) FROM notes WHERE target = ?1", line + 2), ==, 1);
          g_assert_cmpint (count (db, "SELECT count(*) FROM verdicts WHERE cluster_key = ?1", line + 2), ==, 1);
        }
    }
  g_assert_cmpint (count (db, "SELECT count(*) FROM articles a LEFT JOIN article_text t"
                              " ON t.rowid = a.id WHERE t.rowid IS NULL", NULL), ==, 0);
  sqlite3_close (db);
}

static GPtrArray *
read_confirmations (int fd)
{
  g_autoptr(GString) all = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  char buf[4096];
  gssize n;

  while ((n = read (fd, buf, sizeof buf)) != 0)
    {
      if (n < 0 && errno == EINTR)
        continue;
      g_assert_cmpint (n, >, 0);
      g_string_append_len (all, buf, n);
    }
  lines = g_strsplit (all->str, "\n", -1);
  /* The last line is complete only if it ends in a newline: a line is
   * written with one write(), so a kill cannot cut it. */
  for (guint i = 0; lines[i] && lines[i][0]; i++)
    g_ptr_array_add (out, g_strdup (lines[i]));
  return out;
}

static void
test_crash (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tri-crash-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "crash.triangulate", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TriProject) project = NULL;
  guint total = 0, n_working = 0;

  g_assert_no_error (error);
  project = tri_project_new (file, TRI_PROJECT_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (tri_project_close (project, NULL));
  g_clear_object (&project);

  for (guint round = 0; round < N_KILLS; round++)
    {
      g_autoptr(GPtrArray) confirmed = NULL;
      gboolean working_copy = round % 4 == 3;
      int fds[2];
      int status;
      pid_t pid;

      g_assert_cmpint (pipe (fds), ==, 0);
      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          close (fds[0]);
          run_child (path, fds[1], round, working_copy);
        }
      close (fds[1]);
      /* Most kills land while the child writes; some while it opens. */
      if (round % 5 != 0)
        {
          char c[2];

          g_assert_cmpint (read (fds[0], c, 2), ==, 2);
          g_assert_true (c[0] == 'S');
        }
      g_usleep (g_test_rand_int_range (0, 60000));
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      if (!WIFSIGNALED (status))
        g_error ("the child exited by itself with status %d", WEXITSTATUS (status));
      confirmed = read_confirmations (fds[0]);
      close (fds[0]);
      total += confirmed->len;

      if (working_copy)
        {
          g_autoptr(GPtrArray) recoverable = tri_project_list_recoverable ();

          if (confirmed->len > 0)
            {
              g_autofree char *working_path = NULL;

              g_assert_cmpuint (recoverable->len, ==, 1);
              project = tri_project_recover (g_ptr_array_index (recoverable, 0), &error);
              g_assert_no_error (error);
              g_assert_true (g_file_equal (tri_project_get_file (project), file));
              working_path = g_file_get_path (_tri_project_get_working_file (project));
              check_database (working_path, confirmed);
              g_assert_true (tri_project_close (project, NULL));
              g_clear_object (&project);
              n_working++;
            }
          for (guint i = 0; i < recoverable->len; i++)
            g_assert_true (tri_project_discard_recoverable (g_ptr_array_index (recoverable, i), NULL));
        }
      else
        {
          /* Opening rolls back what the kill interrupted. */
          project = tri_project_open (file, TRI_PROJECT_FLAGS_NONE, NULL, &error);
          g_assert_no_error (error);
          g_assert_true (tri_project_close (project, NULL));
          g_clear_object (&project);
          check_database (path, confirmed);
        }
    }
  g_test_message ("%u confirmed actions over %u kills, %u of them in working copies",
                  total, N_KILLS, n_working);
  g_assert_cmpuint (total, >, 0);

  {
    g_autofree char *journal = g_strconcat (path, "-journal", NULL);

    g_unlink (journal);
    g_unlink (path);
    g_rmdir (dir);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = make_data_home ("tri-crash-data-XXXXXX");
  int ret;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tri/project-crash/kill", test_crash);

  ret = g_test_run ();
  remove_data_home (data_home);
  return ret;
}
