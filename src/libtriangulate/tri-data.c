/* tri-data.c
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-data"

#include "config.h"

#include "tri-data.h"

/* A program running from the build tree reads the data of its source tree,
 * so that a fresh build works without installing; an installed one reads
 * the installed data. $TRIANGULATE_DATA_DIR overrides both. */
static gboolean
running_uninstalled (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);

  return exe != NULL && g_str_has_prefix (exe, TRI_BUILD_ROOT G_DIR_SEPARATOR_S);
}

/**
 * tri_data_dir:
 *
 * Returns: the folder holding lexicons, the gazetteer and the other data
 */
const char *
tri_data_dir (void)
{
  static char *dir;

  if (g_once_init_enter (&dir))
    {
      const char *env = g_getenv ("TRIANGULATE_DATA_DIR");
      char *found;

      if (env != NULL && *env != '\0')
        found = g_strdup (env);
      else if (running_uninstalled () || !g_file_test (PKGDATADIR, G_FILE_TEST_IS_DIR))
        found = g_strdup (TRI_SOURCE_DATADIR);
      else
        found = g_strdup (PKGDATADIR);
      g_once_init_leave (&dir, found);
    }
  return dir;
}

/**
 * tri_data_find:
 * @relative_path: a path below the data folder, such as "lexicons/time-vi.tsv"
 *
 * Returns: (transfer full) (nullable): the absolute path, or %NULL if there is
 *   no such file
 */
char *
tri_data_find (const char *relative_path)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (relative_path != NULL, NULL);

  path = g_build_filename (tri_data_dir (), relative_path, NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return NULL;
  return g_steal_pointer (&path);
}

/**
 * tri_data_user_dir:
 *
 * Returns: (transfer full): the folder of the researcher's own entries
 *   (places.tsv, actors.tsv), which may not exist
 */
char *
tri_data_user_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "triangulate", NULL);
}
