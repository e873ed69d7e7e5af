/* cli-private.h
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <triangulate.h>

G_BEGIN_DECLS

enum {
  CLI_EXIT_OK = 0,
  CLI_EXIT_FAILURE = 1,
  CLI_EXIT_USAGE = 2,
};

int        cli_extract          (int            argc,
                                 char          *argv[]);
int        cli_project          (int            argc,
                                 char          *argv[]);
gboolean   cli_write_format     (TriCorpus     *corpus,
                                 const char    *format,
                                 gboolean       pretty,
                                 GError       **error);
TriCorpus *cli_load_corpus      (char         **paths,
                                 gboolean       progress);

G_END_DECLS
