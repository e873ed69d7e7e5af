/* tri-loader.h: reading files into articles
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(TRIANGULATE_INSIDE) && !defined(TRIANGULATE_COMPILATION)
# error "Only <triangulate.h> can be included directly."
#endif

#include <gio/gio.h>

#include "tri-types.h"

G_BEGIN_DECLS

#define TRI_DEFAULT_MAX_FILE_SIZE (64 * 1024 * 1024)

gsize      tri_get_max_file_size (void);
void       tri_set_max_file_size (gsize          max_size);
GPtrArray *tri_load_file         (GFile         *file,
                                  GCancellable  *cancellable,
                                  GError       **error);
GPtrArray *tri_load_bytes        (const char    *path,
                                  GBytes        *bytes,
                                  GError       **error);
GPtrArray *tri_load_file_full    (GFile         *file,
                                  GCancellable  *cancellable,
                                  GPtrArray    **warnings,
                                  GError       **error);
GPtrArray *tri_load_bytes_full   (const char    *path,
                                  GBytes        *bytes,
                                  GPtrArray    **warnings,
                                  GError       **error);
char      *tri_article_id_for_path (const char  *path);

G_END_DECLS
