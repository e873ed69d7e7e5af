/* tri-project-private.h: what tests need to look inside project files
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "tri-project.h"

G_BEGIN_DECLS

/* The cache of extraction results is valid for this library version and
 * this layout of the cached data, never for another. Whoever adds a field
 * to TriMention or TriClaim adds it to the cache in tri-project.c and bumps
 * this; /tri/project/cache-fidelity fails until then. */
#define TRI_PROJECT_CACHE_FORMAT 3

gboolean  _tri_project_create_with_schema (const char   *path,
                                           guint         version,
                                           GError      **error);
gboolean  _tri_project_register_tokenizer (sqlite3      *db);
char     *_tri_project_fold_query         (const char   *query);
char     *_tri_project_cache_tag          (void);
GFile    *_tri_project_get_working_file   (TriProject   *self);

G_END_DECLS
