/* test-data.c: reading the library's data files
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "tri-data.h"

static char *data_dir;

static void
test_read_lines (void)
{
  g_autofree char *dir = g_build_filename (data_dir, "lexicons", NULL);
  g_autofree char *path = g_build_filename (dir, "sample.tsv", NULL);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (path, "# comment\r\nfirst\tone\r\n\n   \nsecond\ttwo", -1, &error);
  g_assert_no_error (error);

  lines = tri_data_read_lines ("lexicons/sample.tsv");
  g_assert_nonnull (lines);
  /* Every line is kept, without its ending: index + 1 is its number. */
  g_assert_cmpuint (g_strv_length (lines), ==, 5);
  g_assert_cmpstr (lines[0], ==, "# comment");
  g_assert_cmpstr (lines[1], ==, "first\tone");
  g_assert_cmpstr (lines[2], ==, "");
  g_assert_cmpstr (lines[4], ==, "second\ttwo");

  g_assert_true (tri_data_is_comment (lines[0]));
  g_assert_false (tri_data_is_comment (lines[1]));
  g_assert_true (tri_data_is_comment (lines[2]));
  g_assert_true (tri_data_is_comment (lines[3]));
  g_assert_true (tri_data_is_comment ("  # indented"));
  g_assert_false (tri_data_is_comment ("a # not a comment"));
}

static void
test_missing (void)
{
  g_assert_null (tri_data_find ("lexicons/no-such-file.tsv"));
  g_assert_null (tri_data_read_lines ("lexicons/no-such-file.tsv"));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  data_dir = g_dir_make_tmp ("tri-data-XXXXXX", NULL);
  g_assert_nonnull (data_dir);
  /* Before anything asks where the data is: the answer is kept. */
  g_setenv ("TRIANGULATE_DATA_DIR", data_dir, TRUE);

  g_test_add_func ("/tri/data/read-lines", test_read_lines);
  g_test_add_func ("/tri/data/missing", test_missing);
  ret = g_test_run ();

  {
    g_autofree char *file = g_build_filename (data_dir, "lexicons", "sample.tsv", NULL);
    g_autofree char *dir = g_build_filename (data_dir, "lexicons", NULL);

    g_unlink (file);
    g_rmdir (dir);
    g_rmdir (data_dir);
  }
  g_free (data_dir);
  return ret;
}
