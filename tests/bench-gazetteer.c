/* bench-gazetteer.c: how fast the gazetteer finds names, and what it weighs
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "tri-data.h"
#include "tri-entities-private.h"
#include "tri-gazetteer-private.h"

/* A look-up is one question to the name index: "which names start at this
 * token?", answered by walking the n-gram hash until no name can go on.
 * The target (issue 5) is 5 million a second over folded text on one core,
 * with the whole gazetteer in at most 64 MB. */

#define CORPUS_BYTES (4 * 1024 * 1024)
#define MIN_SECONDS  1.0

/* Rates are per second of this thread's CPU time: "on one core", whatever
 * else the machine runs (CI shares its cores). */
static double
cpu_seconds (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static gsize
rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  line = strstr (status, "VmRSS:");
  return line != NULL ? g_ascii_strtoull (line + 6, NULL, 10) : 0;
}

/* The example articles of the data folder, over and over; @articles gets
 * them one by one. */
static GString *
make_corpus (GPtrArray *articles)
{
  g_autofree char *dir_path = tri_data_find ("examples");
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GString) sample = g_string_new (NULL);
  GString *corpus = g_string_sized_new (CORPUS_BYTES + 4096);
  const char *name;

  if (dir_path != NULL && (dir = g_dir_open (dir_path, 0, NULL)) != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = g_build_filename (dir_path, name, NULL);
        g_autofree char *contents = NULL;

        if (g_str_has_suffix (name, ".txt") && g_file_get_contents (path, &contents, NULL, NULL))
          {
            g_string_append_printf (sample, "%s\n\n", contents);
            g_ptr_array_add (articles, g_steal_pointer (&contents));
          }
      }
  if (sample->len == 0)
    {
      g_string_append (sample, "Lính Mỹ rời căn cứ Ain al-Assad ở tỉnh Anbar, miền tây Iraq. "
                               "US troops remain at Harir air base in Erbil, officials said.\n");
      g_ptr_array_add (articles, g_strdup (sample->str));
    }
  while (corpus->len < CORPUS_BYTES)
    g_string_append_len (corpus, sample->str, sample->len);
  return corpus;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *places = tri_data_find ("gazetteer/places.tsv");
  g_autofree char *actors = tri_data_find ("actors/actors.tsv");
  g_autofree char *cues = tri_data_find ("gazetteer/cues.tsv");
  g_autofree char *stopwords = tri_data_find ("gazetteer/stopwords.tsv");
  g_autoptr(TriGazetteer) gz = NULL;
  g_autoptr(GString) corpus = NULL;
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  guint64 bytes = 0;
  const TriNameMatcher *names;
  TriFoldedText folded;
  gsize rss_before, rss_after;
  double start;
  double seconds;
  guint64 lookups = 0, found = 0;
  guint rounds = 0;

  if (places == NULL || actors == NULL || cues == NULL)
    {
      g_printerr ("bench-gazetteer: no gazetteer data (set TRIANGULATE_DATA_DIR)\n");
      return 1;
    }

  corpus = make_corpus (articles);

  rss_before = rss_kb ();
  start = cpu_seconds ();
  gz = tri_gazetteer_new_from_files (places, actors, cues, &error);
  if (gz != NULL && stopwords != NULL)
    tri_gazetteer_load_file (gz, TRI_GAZETTEER_FILE_CUES, stopwords, &error);
  if (error != NULL)
    {
      g_printerr ("bench-gazetteer: %s\n", error->message);
      return 1;
    }
  seconds = cpu_seconds () - start;
  rss_after = rss_kb ();
  names = _tri_gazetteer_get_names (gz);

  printf ("gazetteer: %u places, %u actors, %u keys\n", tri_gazetteer_get_n_places (gz),
          tri_gazetteer_get_n_actors (gz), _tri_name_matcher_get_n_keys (names));
  printf ("load: %.0f ms of CPU\n", seconds * 1000);
  printf ("memory of the loaded gazetteer: %.1f MB (RSS %.1f → %.1f MB; index %.1f MB)\n",
          (rss_after - rss_before) / 1024.0, rss_before / 1024.0, rss_after / 1024.0,
          _tri_gazetteer_get_index_size (gz) / (1024.0 * 1024.0));

  /* Folding, once: the matcher works on folded text. */
  start = cpu_seconds ();
  _tri_folded_text_init (&folded, corpus->str, corpus->len);
  seconds = cpu_seconds () - start;
  printf ("folding: %.1f MB/s (%u tokens in %.1f MB)\n", corpus->len / seconds / 1e6,
          folded.tokens->len, corpus->len / 1e6);

  /* Look-ups over the folded text. */
  start = cpu_seconds ();
  do
    {
      guint lengths[TRI_NAME_MAX_TOKENS];
      guint32 keys[TRI_NAME_MAX_TOKENS];

      for (guint i = 0; i < folded.tokens->len; i++)
        found += _tri_name_matcher_find_at (names, &folded, i, lengths, keys, TRI_NAME_MAX_TOKENS);
      lookups += folded.tokens->len;
      rounds++;
      seconds = cpu_seconds () - start;
    }
  while (seconds < MIN_SECONDS);
  printf ("look-ups: %.2f million/s (%" G_GUINT64_FORMAT " in %.2f s, %" G_GUINT64_FORMAT
          " names found)\n", lookups / seconds / 1e6, lookups, seconds, found / rounds);
  _tri_folded_text_clear (&folded);

  /* The whole tagger, article by article: folding, look-ups, cues,
   * disambiguation, candidates. */
  start = cpu_seconds ();
  rounds = 0;
  found = 0;
  do
    {
      for (guint i = 0; i < articles->len; i++)
        {
          const char *text = g_ptr_array_index (articles, i);
          g_autoptr(GPtrArray) mentions = NULL;

          mentions = _tri_entities_tag_text (gz, text, strlen (text), "vi", NULL, 0,
                                             TRI_ENTITIES_PLACES | TRI_ENTITIES_ACTORS);
          found += mentions->len;
          bytes += strlen (text);
        }
      rounds++;
      seconds = cpu_seconds () - start;
    }
  while (seconds < MIN_SECONDS);
  printf ("tagging: %.1f MB/s, %.0f articles/s (%u articles, %" G_GUINT64_FORMAT " mentions)\n",
          bytes / seconds / 1e6, rounds * articles->len / seconds, articles->len,
          found / rounds);

  return 0;
}
