/* tri-data.c
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-data"

#include "config.h"

#include <string.h>

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

/**
 * tri_data_read_lines:
 * @relative_path: a data file, relative to tri_data_dir()
 *
 * Reads a data file's lines, without their line endings ("\n" or
 * "\r\n"). Every line is kept, so that index + 1 is its line number.
 *
 * Returns: (transfer full) (nullable): the lines, or %NULL when the file
 *   is missing or cannot be read
 */
char **
tri_data_read_lines (const char *relative_path)
{
  g_autofree char *path = tri_data_find (relative_path);
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GError) error = NULL;
  gsize len = 0;
  gsize start = 0;

  if (path == NULL)
    {
      g_debug ("no data file %s", relative_path);
      return NULL;
    }
  if (!g_file_get_contents (path, &contents, &len, &error))
    {
      /* Found but unreadable: a broken installation. */
      g_warning ("Cannot read %s: %s", path, error->message);
      return NULL;
    }
  /* Cut by hand: g_strsplit() on a large file is quadratic under
   * AddressSanitizer's strstr(). */
  lines = g_ptr_array_new ();
  for (gsize i = 0; i <= len; i++)
    if (i == len || contents[i] == '\n')
      {
        gsize end = i > start && contents[i - 1] == '\r' ? i - 1 : i;

        g_ptr_array_add (lines, g_strndup (contents + start, end - start));
        start = i + 1;
      }
  g_ptr_array_add (lines, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&lines), FALSE);
}

/**
 * tri_data_is_comment:
 * @line: a line of a data file
 *
 * Returns: whether @line holds no data: empty, blank, or a "#" comment
 */
gboolean
tri_data_is_comment (const char *line)
{
  line += strspn (line, " \t");
  return *line == '\0' || *line == '#';
}
