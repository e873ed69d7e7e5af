/* cli-project.c: triangulate-cli project
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "triangulate-cli"

#include "config.h"

#include <stdio.h>

#include "cli-private.h"

int
cli_project (int   argc,
             char *argv[])
{
  fprintf (stderr, "triangulate-cli project: project files are not available in this build\n");
  return CLI_EXIT_USAGE;
}
