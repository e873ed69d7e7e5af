/* project-test-util.h: a private data folder for the project tests
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <glib/gstdio.h>

static void
remove_data_home (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_data_home (child);
      else
        g_unlink (child);
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
