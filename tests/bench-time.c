/* bench-time.c: how fast the temporal tagger reads
 *
 * Copyright 2026 The Triangulate authors
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <time.h>

#include "tri-data.h"
#include "tri-time-private.h"

/* Builds a corpus of about 32 MB per language from the sample articles in
 * data/examples/ and tags it, one line per sentence, on one thread. */

static GString *
build_corpus (const char *prefix,
              gsize       size)
{
  g_autofree char *dir = tri_data_find ("examples");
  g_autoptr(GDir) d = dir ? g_dir_open (dir, 0, NULL) : NULL;
  g_autoptr(GString) samples = g_string_new (NULL);
  GString *corpus;
  const char *name;

  while (d && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;

      if (g_str_has_prefix (name, prefix) && g_file_get_contents (path, &contents, NULL, NULL))
        {
          g_autofree char *nfc = g_utf8_normalize (contents, -1, G_NORMALIZE_NFC);

          g_string_append (samples, nfc);
          g_string_append_c (samples, '\n');
        }
    }
  corpus = g_string_sized_new (size + samples->len);
  while (samples->len > 0 && corpus->len < size)
    g_string_append_len (corpus, samples->str, samples->len);
  return corpus;
}

/* CPU time of this thread, in seconds: the figure per core, whatever else
 * the machine is doing. */
static double
thread_seconds (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void
bench (const char *language)
{
  g_autofree char *prefix = g_strconcat (language, "-", NULL);
  GString *corpus = build_corpus (prefix, 32 * 1024 * 1024);
  double best = 0, best_wall = 0;
  guint n_mentions = 0;

  if (corpus->len == 0)
    {
      g_print ("# no %s samples\n", language);
      g_string_free (corpus, TRUE);
      return;
    }

  /* warm up: load the lexicon */
  g_ptr_array_unref (tri_time_tag ("x", -1, language, NULL, FALSE));

  for (guint run = 0; run < 3; run++)
    {
      gint64 t0 = g_get_monotonic_time ();
      double c0 = thread_seconds ();
      g_autoptr(GPtrArray) mentions = tri_time_tag (corpus->str, corpus->len, language,
                                                    "2026-01-19", FALSE);
      double cpu = thread_seconds () - c0;
      double wall = (g_get_monotonic_time () - t0) / 1e6;

      best = MAX (best, corpus->len / 1e6 / cpu);
      best_wall = MAX (best_wall, corpus->len / 1e6 / wall);
      n_mentions = mentions->len;
    }
  g_print ("time-%s: %.1f MB/s per core (CPU time; %.1f MB/s wall clock), %.1f MB, "
           "%u mentions, best of 3, one thread\n",
           language, best, best_wall, corpus->len / 1e6, n_mentions);
  g_string_free (corpus, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  bench ("vi");
  bench ("en");
  return 0;
}
