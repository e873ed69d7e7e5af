/* cli-extract.c: triangulate-cli extract
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "triangulate-cli"

#include "config.h"

#include <stdio.h>
#include <unistd.h>

#include "cli-private.h"

typedef struct
{
  GMainLoop *loop;
  gboolean   progress;
  guint      total;
} LoadState;

static void
on_progress (TriCorpus  *corpus,
             GParamSpec *pspec,
             LoadState  *state)
{
  if (state->progress)
    fprintf (stderr, "\rReading %u/%u files…",
             (guint) (tri_corpus_get_progress (corpus) * state->total + 0.5), state->total);
}

static void
on_load_error (TriCorpus  *corpus,
               const char *path,
               const char *message,
               LoadState  *state)
{
  if (state->progress)
    fputc ('\n', stderr);
  fprintf (stderr, "triangulate-cli: %s: %s\n", path, message);
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  LoadState *state = user_data;
  g_autoptr(GError) error = NULL;

  if (!tri_corpus_load_finish (TRI_CORPUS (source), result, &error))
    fprintf (stderr, "triangulate-cli: %s\n", error->message);
  g_main_loop_quit (state->loop);
}

/* Reads the files and folders in @paths into a new corpus. Unreadable
 * files are reported on standard error and listed in the corpus' errors. */
TriCorpus *
cli_load_corpus (char     **paths,
                 gboolean   progress)
{
  g_autoptr(TriCorpus) corpus = tri_corpus_new ();
  g_autoptr(GPtrArray) roots = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  LoadState state = { loop, progress, 0 };

  for (guint i = 0; paths[i]; i++)
    {
      g_autoptr(GFile) root = g_file_new_for_commandline_arg (paths[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(GListModel) found = NULL;

      /* A folder that cannot be listed is one error; the rest go on. */
      found = tri_collect_files (&root, 1, NULL, &error);
      if (found == NULL)
        {
          fprintf (stderr, "triangulate-cli: %s: %s\n", paths[i], error->message);
          g_ptr_array_add (roots, g_object_ref (root));
          continue;
        }
      for (guint j = 0; j < g_list_model_get_n_items (found); j++)
        g_ptr_array_add (files, g_list_model_get_item (found, j));
    }
  /* Unlistable folders go through the loader too, so the report lists them. */
  for (guint i = 0; i < roots->len; i++)
    g_ptr_array_add (files, g_object_ref (g_ptr_array_index (roots, i)));

  state.total = files->len;
  g_signal_connect (corpus, "notify::progress", G_CALLBACK (on_progress), &state);
  g_signal_connect (corpus, "load-error", G_CALLBACK (on_load_error), &state);
  tri_corpus_load_async (corpus, (GFile **) files->pdata, files->len, NULL, on_loaded, &state);
  g_main_loop_run (loop);
  if (progress)
    fputc ('\n', stderr);
  g_signal_handlers_disconnect_by_data (corpus, &state);

  return g_steal_pointer (&corpus);
}

gboolean
cli_write_format (TriCorpus   *corpus,
                  const char  *format,
                  gboolean     pretty,
                  GError     **error)
{
  g_autofree char *out = NULL;
  GPtrArray *articles = tri_corpus_get_articles (corpus);
  GPtrArray *clusters = tri_corpus_get_clusters (corpus);
  gsize len = 0;

  if (g_strcmp0 (format, "json") == 0)
    out = tri_report_to_json (corpus, pretty, &len);
  else if (g_strcmp0 (format, "csv") == 0)
    {
      out = tri_export_csv (articles, clusters, &len);
      /* The rows end in CRLF already. */
      if (fwrite (out, 1, len, stdout) != len || fflush (stdout) != 0)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "cannot write to standard output");
          return FALSE;
        }
      return TRUE;
    }
  else if (g_strcmp0 (format, "geojson") == 0)
    {
      out = tri_export_geojson (articles, clusters, pretty, &len);
    }
  else if (g_strcmp0 (format, "timeline") == 0)
    {
      out = tri_export_timeline (articles, clusters, pretty, &len);
    }
  else
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "unknown format “%s” (json, csv, geojson, timeline)", format);
      return FALSE;
    }

  if (fwrite (out, 1, len, stdout) != len || fputc ('\n', stdout) == EOF || fflush (stdout) != 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "cannot write to standard output");
      return FALSE;
    }
  return TRUE;
}

int
cli_extract (int   argc,
             char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TriCorpus) corpus = NULL;
  g_auto(GStrv) paths = NULL;
  g_autofree char *format = NULL;
  gboolean json = FALSE, pretty = FALSE, quiet = FALSE;
  gint64 max_size = 0;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print the JSON report (the default)", NULL },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, "Output format: json, csv, geojson or timeline", "FORMAT" },
    { "pretty", 'p', 0, G_OPTION_ARG_NONE, &pretty, "Indent the JSON", NULL },
    { "max-size", 0, 0, G_OPTION_ARG_INT64, &max_size, "Largest file to read, in bytes (default 64 MiB)", "BYTES" },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, "No progress line", NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &paths, NULL, "FILE|FOLDER…" },
    { NULL }
  };

  context = g_option_context_new ("FILE|FOLDER… — print what the articles say, and how their claims cross-reference");
  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_description (context,
    "Folders are read recursively (.txt, .html, .htm, .json, .jsonl).\n"
    "Offsets in the report are byte offsets into the files as read from disk.\n"
    "Exit status: 0 on success, 1 when no file could be processed, 2 on a usage error.");

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "triangulate-cli extract: %s\n", error->message);
      return CLI_EXIT_USAGE;
    }
  if (paths == NULL || paths[0] == NULL)
    {
      fprintf (stderr, "triangulate-cli extract: no file given\n");
      return CLI_EXIT_USAGE;
    }
  if (json && format != NULL && g_strcmp0 (format, "json") != 0)
    {
      fprintf (stderr, "triangulate-cli extract: --json and --format %s contradict each other\n", format);
      return CLI_EXIT_USAGE;
    }
  if (format == NULL)
    format = g_strdup ("json");
  if (!g_strv_contains ((const char * const[]) { "json", "csv", "geojson", "timeline", NULL }, format))
    {
      fprintf (stderr, "triangulate-cli extract: unknown format “%s” (json, csv, geojson, timeline)\n", format);
      return CLI_EXIT_USAGE;
    }
  if (max_size < 0)
    {
      fprintf (stderr, "triangulate-cli extract: --max-size must be positive\n");
      return CLI_EXIT_USAGE;
    }
  if (max_size > 0)
    tri_set_max_file_size (max_size);

  corpus = cli_load_corpus (paths, !quiet && isatty (STDERR_FILENO));

  if (!cli_write_format (corpus, format, pretty, &error))
    {
      fprintf (stderr, "triangulate-cli extract: %s\n", error->message);
      return CLI_EXIT_FAILURE;
    }

  return g_list_model_get_n_items (G_LIST_MODEL (corpus)) > 0 ? CLI_EXIT_OK : CLI_EXIT_FAILURE;
}
