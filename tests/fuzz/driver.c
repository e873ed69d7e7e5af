/* driver.c: runs a harness over files, for builds without libFuzzer
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>
#include <stdio.h>

#include "fuzz.h"

static int
run_path (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, &error);
      const char *name;
      int n = 0;

      if (dir == NULL)
        {
          fprintf (stderr, "%s\n", error->message);
          return -1;
        }
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          n += run_path (child);
        }
      return n;
    }

  if (!g_file_get_contents (path, &contents, &len, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return -1;
    }
  LLVMFuzzerTestOneInput ((const uint8_t *) contents, len);
  return 1;
}

int
main (int   argc,
      char *argv[])
{
  int n = 0;

  for (int i = 1; i < argc; i++)
    {
      int r = run_path (argv[i]);

      if (r < 0)
        return 1;
      n += r;
    }
  printf ("1..1\nok 1 - %d inputs ran without a crash\n", n);
  return 0;
}
