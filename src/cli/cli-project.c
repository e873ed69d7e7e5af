/* cli-project.c: triangulate-cli project
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "triangulate-cli"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cli-private.h"

static void
print_project_usage (FILE *out)
{
  fprintf (out,
           "Usage:\n"
           "  triangulate-cli project new FILE\n"
           "  triangulate-cli project add FILE ARTICLE|FOLDER…\n"
           "  triangulate-cli project info FILE\n"
           "  triangulate-cli project export FILE [--format json|csv|geojson|timeline] [--pretty]\n"
           "  triangulate-cli project search FILE QUERY…\n"
           "  triangulate-cli project place FILE ID NAME LATITUDE LONGITUDE | FILE ID --remove\n"
           "  triangulate-cli project actor FILE ID NAME [KIND] | FILE ID --remove\n"
           "\n"
           "A project file (.triangulate) keeps the articles, what was found in them and the\n"
           "researcher's decisions. The app may have the same file open meanwhile.\n"
           "Export applies the decisions: a verdict the researcher gave replaces the computed\n"
           "one (kept as computed_verdict), notes are included, hidden clusters and their\n"
           "claims are left out, and publication dates the researcher set are used.\n"
           "Search ignores diacritics: “da nang” finds “Đà Nẵng”; quote a \"phrase\".\n"
           "Place and actor add the researcher's own entries, found in the articles by NAME:\n"
           "an ID the gazetteer knows is corrected (\"baghdad\"), a new one added. Articles\n"
           "are analysed again with them when next read. KIND is one of\n"
           "government, ministry, military, coalition, militia, group, organization,\n"
           "person, agency, media. Coordinates are decimal degrees (33.34 44.40).\n"
           "\n"
           "Exit status: 0 on success, 1 when the project or every article failed, 2 on a usage error.\n");
}

/* Prints @error for the project @command; returns the failure exit status. */
static int
project_fail (const char   *command,
              const GError *error)
{
  fprintf (stderr, "triangulate-cli project %s: %s\n", command, error->message);
  return CLI_EXIT_FAILURE;
}

static TriProject *
open_project (const char      *command,
              const char      *path,
              TriProjectFlags  flags)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  TriProject *project;

  project = tri_project_open (file, flags, NULL, &error);
  if (project == NULL)
    fprintf (stderr, "triangulate-cli project %s: %s\n", command, error->message);
  return project;
}

static int
project_new (int   argc,
             char *argv[])
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(TriProject) project = NULL;
  g_autoptr(GError) error = NULL;

  if (argc != 2)
    {
      fprintf (stderr, "triangulate-cli project new: give one FILE\n");
      return CLI_EXIT_USAGE;
    }
  file = g_file_new_for_commandline_arg (argv[1]);
  project = tri_project_new (file, TRI_PROJECT_FLAGS_NONE, &error);
  if (project == NULL)
    return project_fail ("new", error);
  if (!tri_project_close (project, &error))
    return project_fail ("new", error);
  return CLI_EXIT_OK;
}

static int
project_add (int   argc,
             char *argv[])
{
  g_autoptr(TriProject) project = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_articles = 0, n_files = 0, n_failed = 0, n_known = 0;

  if (argc < 3)
    {
      fprintf (stderr, "triangulate-cli project add: give the project FILE and ARTICLE files or folders\n");
      return CLI_EXIT_USAGE;
    }
  project = open_project ("add", argv[1], TRI_PROJECT_FLAGS_NONE);
  if (project == NULL)
    return CLI_EXIT_FAILURE;

  for (int i = 2; i < argc; i++)
    {
      g_autoptr(GFile) root = g_file_new_for_commandline_arg (argv[i]);
      g_autoptr(GListModel) found = NULL;
      g_autoptr(GError) error = NULL;

      found = tri_collect_files (&root, 1, NULL, &error);
      if (found == NULL)
        {
          fprintf (stderr, "triangulate-cli: %s: %s\n", argv[i], error->message);
          n_failed++;
          continue;
        }
      for (guint j = 0; j < g_list_model_get_n_items (found); j++)
        g_ptr_array_add (files, g_list_model_get_item (found, j));
    }

  /* Read and analysed in parallel, stored a batch per transaction: what
   * was added stays added. Files that cannot be read are reported. */
  {
    g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func ((GDestroyNotify) tri_load_error_free);
    g_autoptr(GPtrArray) articles = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

    articles = tri_project_add_files (project, (GFile **) files->pdata, files->len, errors, NULL, &error);
    if (articles == NULL)
      return project_fail ("add", error);
    for (guint i = 0; i < errors->len; i++)
      {
        const TriLoadError *e = g_ptr_array_index (errors, i);

        if (strstr (e->message, "already in the project") != NULL)
          {
            fprintf (stderr, "triangulate-cli: %s\n", e->message);
            n_known++;
          }
        else
          {
            fprintf (stderr, "triangulate-cli: %s: %s\n", e->path, e->message);
            n_failed++;
          }
      }
    n_articles = articles->len;
    for (guint i = 0; i < articles->len; i++)
      g_hash_table_add (seen, (gpointer) tri_article_get_path (g_ptr_array_index (articles, i)));
    n_files = g_hash_table_size (seen);
  }

  fprintf (stderr, "Added %u article%s from %u file%s", n_articles, n_articles == 1 ? "" : "s",
           n_files, n_files == 1 ? "" : "s");
  if (n_known > 0)
    fprintf (stderr, "; %u already in the project", n_known);
  if (n_failed > 0)
    fprintf (stderr, "; %u could not be read", n_failed);
  fprintf (stderr, ".\n");

  if (!tri_project_close (project, NULL))
    return CLI_EXIT_FAILURE;
  return (n_files > 0 || n_failed == 0) ? CLI_EXIT_OK : CLI_EXIT_FAILURE;
}

static int
project_info (int   argc,
              char *argv[])
{
  static const char * const kinds[] = {
    [TRI_DECISION_VERDICT] = "Verdict overrides",
    [TRI_DECISION_PUBLISHED] = "Publication dates",
    [TRI_DECISION_HIDDEN_CLAIM] = "Hidden claims",
    [TRI_DECISION_NOTE] = "Notes",
    [TRI_DECISION_PLACE] = "Own places",
    [TRI_DECISION_ACTOR] = "Own actors",
  };
  g_autoptr(TriProject) project = NULL;
  g_autofree char *parse_name = NULL;
  guint n_articles;

  if (argc != 2)
    {
      fprintf (stderr, "triangulate-cli project info: give one FILE\n");
      return CLI_EXIT_USAGE;
    }
  project = open_project ("info", argv[1], TRI_PROJECT_READ_ONLY);
  if (project == NULL)
    return CLI_EXIT_FAILURE;

  parse_name = g_file_get_parse_name (tri_project_get_file (project));
  n_articles = tri_project_get_n_articles (project);
  printf ("Project: %s\n", parse_name);
  printf ("Files: %u\n", tri_project_get_n_files (project));
  printf ("Articles: %u\n", n_articles);
  printf ("Extraction results for triangulate %s: %u of %u\n", TRI_VERSION_S,
          tri_project_get_n_cached (project), n_articles);
  for (guint k = TRI_DECISION_VERDICT; k <= TRI_DECISION_ACTOR; k++)
    printf ("%s: %u\n", kinds[k], tri_project_count_decisions (project, k));
  return CLI_EXIT_OK;
}

static int
project_export (int   argc,
                char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TriProject) project = NULL;
  g_autoptr(TriCorpus) corpus = NULL;
  g_autofree char *format = NULL;
  gboolean pretty = FALSE;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, "Output format: json, csv, geojson or timeline", "FORMAT" },
    { "pretty", 'p', 0, G_OPTION_ARG_NONE, &pretty, "Indent the JSON", NULL },
    { NULL }
  };

  context = g_option_context_new ("FILE — print the report of a project's articles");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "triangulate-cli project export: %s\n", error->message);
      return CLI_EXIT_USAGE;
    }
  if (argc != 2)
    {
      fprintf (stderr, "triangulate-cli project export: give one FILE\n");
      return CLI_EXIT_USAGE;
    }
  if (format == NULL)
    format = g_strdup ("json");
  if (!g_strv_contains ((const char * const[]) { "json", "csv", "geojson", "timeline", NULL }, format))
    {
      fprintf (stderr, "triangulate-cli project export: unknown format “%s” (json, csv, geojson, timeline)\n",
               format);
      return CLI_EXIT_USAGE;
    }

  project = open_project ("export", argv[1], TRI_PROJECT_READ_ONLY);
  if (project == NULL)
    return CLI_EXIT_FAILURE;
  corpus = tri_project_load_corpus (project, NULL, &error);
  if (corpus == NULL)
    return project_fail ("export", error);
  tri_corpus_cross_reference (corpus);
  /* The report is the researcher's: their verdicts and notes, without the
   * claims they hid (listed in the JSON's "hidden_claims"). */
  tri_project_apply_decisions (project, corpus);
  if (!cli_write_format (corpus, format, pretty, &error))
    return project_fail ("export", error);
  return CLI_EXIT_OK;
}

static int
project_search (int   argc,
                char *argv[])
{
  g_autoptr(TriProject) project = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *query = NULL;

  if (argc < 3)
    {
      fprintf (stderr, "triangulate-cli project search: give the project FILE and a QUERY\n");
      return CLI_EXIT_USAGE;
    }
  project = open_project ("search", argv[1], TRI_PROJECT_READ_ONLY);
  if (project == NULL)
    return CLI_EXIT_FAILURE;

  query = g_strjoinv (" ", argv + 2);
  hits = tri_project_search (project, query, 0, &error);
  if (hits == NULL)
    return project_fail ("search", error);
  for (guint i = 0; i < hits->len; i++)
    {
      const TriSearchHit *hit = g_ptr_array_index (hits, i);

      g_strdelimit (hit->snippet, "\n\t\r", ' ');
      printf ("%s\t%s\n", hit->article, hit->snippet);
    }
  return CLI_EXIT_OK;
}

/* Decimal degrees as written in C, whatever the locale */
static gboolean
parse_degrees (const char *text,
               double     *value)
{
  char *end = NULL;

  *value = g_ascii_strtod (text, &end);
  return end != text && *end == '\0' && isfinite (*value);
}

static int
project_place (int   argc,
               char *argv[])
{
  g_autoptr(TriProject) project = NULL;
  g_autoptr(GError) error = NULL;
  gboolean remove = argc == 4 && g_str_equal (argv[3], "--remove");
  double lat = 0, lon = 0;

  if (!remove && argc != 6)
    {
      fprintf (stderr, "triangulate-cli project place: give the project FILE, a place ID, and its NAME, "
               "LATITUDE and LONGITUDE, or --remove\n");
      return CLI_EXIT_USAGE;
    }
  if (!remove && (!parse_degrees (argv[4], &lat) || !parse_degrees (argv[5], &lon)))
    {
      fprintf (stderr, "triangulate-cli project place: “%s %s” is not a latitude and a longitude "
               "in decimal degrees (33.34 44.40)\n", argv[4], argv[5]);
      return CLI_EXIT_USAGE;
    }

  project = open_project ("place", argv[1], TRI_PROJECT_FLAGS_NONE);
  if (project == NULL)
    return CLI_EXIT_FAILURE;
  if (!tri_project_set_place (project, argv[2], remove ? NULL : argv[3], lat, lon, &error) ||
      !tri_project_close (project, &error))
    return project_fail ("place", error);
  return CLI_EXIT_OK;
}

static int
project_actor (int   argc,
               char *argv[])
{
  g_autoptr(TriProject) project = NULL;
  g_autoptr(GError) error = NULL;
  gboolean remove = argc == 4 && g_str_equal (argv[3], "--remove");

  if (!remove && argc != 4 && argc != 5)
    {
      fprintf (stderr, "triangulate-cli project actor: give the project FILE, an actor ID, and its NAME "
               "and KIND, or --remove\n");
      return CLI_EXIT_USAGE;
    }

  project = open_project ("actor", argv[1], TRI_PROJECT_FLAGS_NONE);
  if (project == NULL)
    return CLI_EXIT_FAILURE;
  if (!tri_project_set_actor (project, argv[2], remove ? NULL : argv[3], argc == 5 ? argv[4] : NULL, &error) ||
      !tri_project_close (project, &error))
    return project_fail ("actor", error);
  return CLI_EXIT_OK;
}

int
cli_project (int   argc,
             char *argv[])
{
  static const struct {
    const char *name;
    int (*run) (int, char **);
  } commands[] = {
    { "new", project_new },
    { "add", project_add },
    { "info", project_info },
    { "export", project_export },
    { "search", project_search },
    { "place", project_place },
    { "actor", project_actor },
  };

  if (argc < 2)
    {
      print_project_usage (stderr);
      return CLI_EXIT_USAGE;
    }
  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") || g_str_equal (argv[1], "help"))
    {
      print_project_usage (stdout);
      return CLI_EXIT_OK;
    }
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      return commands[i].run (argc - 1, argv + 1);

  fprintf (stderr, "triangulate-cli project: unknown command “%s”\n\n", argv[1]);
  print_project_usage (stderr);
  return CLI_EXIT_USAGE;
}
