/* main.c: triangulate-cli
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "triangulate-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <unistd.h>

#include "cli-private.h"

static void
print_usage (FILE *out)
{
  fprintf (out,
           "Usage:\n"
           "  triangulate-cli extract [OPTION…] FILE|FOLDER…\n"
           "  triangulate-cli project COMMAND FILE [ARGUMENT…]\n"
           "  triangulate-cli --version\n"
           "\n"
           "Reads news articles, finds their dates, quantities, places, actors and claims,\n"
           "and cross-references the claims across articles.\n"
           "\n"
           "Commands:\n"
           "  extract   Print the report of the given articles (see 'extract --help')\n"
           "  project   Create, fill, search and export project files (see 'project --help')\n"
           "\n"
           "Exit status: 0 on success, 1 when no file could be processed, 2 on a usage error.\n");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("triangulate-cli");

  if (argc < 2)
    {
      print_usage (stderr);
      return CLI_EXIT_USAGE;
    }

  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") || g_str_equal (argv[1], "help"))
    {
      print_usage (stdout);
      return CLI_EXIT_OK;
    }
  if (g_str_equal (argv[1], "--version") || g_str_equal (argv[1], "-V"))
    {
      printf ("triangulate-cli %s\n", PACKAGE_VERSION);
      return CLI_EXIT_OK;
    }
  if (g_str_equal (argv[1], "extract"))
    return cli_extract (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "project"))
    return cli_project (argc - 1, argv + 1);

  fprintf (stderr, "triangulate-cli: unknown command “%s”\n\n", argv[1]);
  print_usage (stderr);
  return CLI_EXIT_USAGE;
}
