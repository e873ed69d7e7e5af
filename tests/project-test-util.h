/* project-test-util.h: a private data folder and a project file for the
 * project tests
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <glib/gstdio.h>

#include <gio/gio.h>

/* Removes @path and all below it, files a test made read-only too. */
static void
remove_data_home (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_unlink (path);
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_data_home (child);
      else
        {
          g_chmod (child, 0644);
          g_unlink (child);
        }
    }
  g_rmdir (path);
}

/* Working copies and backups go to a data folder of our own (not
 * G_TEST_OPTION_ISOLATE_DIRS, which leaks under AddressSanitizer). Call
 * before g_test_init(); remove the folder with remove_data_home(). */
static char *
make_data_home (const char *tmpl)
{
  char *data_home = g_dir_make_tmp (tmpl, NULL);

  g_assert_nonnull (data_home);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  return data_home;
}

/* A temporary folder with a project file's name in it, for g_test_add() */
typedef struct
{
  char  *dir;
  char  *path;
  GFile *file;
} ProjectFileFixture;

static inline void
project_file_setup (ProjectFileFixture *f,
                    gconstpointer       data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("tri-project-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "study.triangulate", NULL);
  f->file = g_file_new_for_path (f->path);
}

static inline void
project_file_teardown (ProjectFileFixture *f,
                       gconstpointer       data)
{
  remove_data_home (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_clear_object (&f->file);
}
