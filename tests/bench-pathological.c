/* bench-pathological.c: time per MB must stay flat from 1 MB to 64 MB of
 * one pathological line, through reading and every analysis stage.
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <triangulate.h>

/* Each pattern is repeated, with no line break, to the size wanted. */
static const struct { const char *name; const char *unit; gboolean header; } patterns[] = {
  { "dates and numbers", "hôm 18/1 khoảng 2.500 binh sĩ Mỹ tại căn cứ Al-Asad, ", TRUE },
  { "no sentence end", "ngày tháng năm liên minh chống IS ", TRUE },
  { "digits and dots", "1.2.3.4.5.6.7.8.9.0/1/2-3-4 ", TRUE },
  { "open quotes", "“Iraq \"năm 2024 “không ", TRUE },
  { "capitalised words", "Mohammed Shia Al Sudani Washington Baghdad Tehran ", TRUE },
  /* No date header: the publication date is reasoned out, and each
   * written date is a candidate dateline. */
  { "full dates, no header", "Hôm 19/1/2026 có tin. ", FALSE },
};

static double
run_once (const char *unit,
          gboolean    header,
          gsize       size)
{
  g_autoptr(GString) s = g_string_sized_new (size + 64);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GError) error = NULL;
  gint64 t0;

  if (header)
    g_string_append (s, "date 2026-01-19\n");
  while (s->len < size)
    g_string_append (s, unit);
  bytes = g_string_free_to_bytes (g_steal_pointer (&s));

  t0 = g_get_monotonic_time ();
  articles = tri_load_bytes ("bench.txt", bytes, &error);
  if (articles == NULL)
    {
      printf ("  (not read: %s)\n", error->message);
      return -1;
    }
  if (articles != NULL)
    for (guint i = 0; i < articles->len; i++)
      tri_article_analyze (g_ptr_array_index (articles, i));
  return (g_get_monotonic_time () - t0) / 1e6;
}

int
main (int   argc,
      char *argv[])
{
  gsize max_mb = argc > 1 ? g_ascii_strtoull (argv[1], NULL, 10) : 64;
  gboolean flat = TRUE;

  /* One line per size as it is measured, even into a file or a pipe. */
  setvbuf (stdout, NULL, _IOLBF, 0);
  /* 64 MB of text plus the date line is just over the default limit. */
  tri_set_max_file_size (G_MAXSIZE);
  printf ("%-20s %6s %10s %10s\n", "pattern", "MB", "seconds", "s/MB");
  for (guint p = 0; p < G_N_ELEMENTS (patterns); p++)
    {
      double first = 0;

      /* bench-pathological [MAX_MB [PATTERN]]: one pattern, by number. */
      if (argc > 2 && p != g_ascii_strtoull (argv[2], NULL, 10))
        continue;

      for (gsize mb = 1; mb <= max_mb; mb *= 4)
        {
          double t = run_once (patterns[p].unit, patterns[p].header, mb * 1024 * 1024);
          double per = t / mb;

          if (t < 0)
            {
              flat = FALSE;
              break;
            }

          if (mb == 1)
            first = per;
          printf ("%-20s %6" G_GSIZE_FORMAT " %10.3f %10.4f%s\n", patterns[p].name, mb, t, per,
                  per > 3 * first + 0.01 ? "  ← grows" : "");
          if (per > 3 * first + 0.01)
            flat = FALSE;
        }
    }
  printf ("time per MB %s\n", flat ? "flat" : "NOT flat");
  return 0;
}
