/* tri-data.h: where the library's data files are
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(TRIANGULATE_INSIDE) && !defined(TRIANGULATE_COMPILATION)
# error "Only <triangulate.h> can be included directly."
#endif

#include <glib.h>

G_BEGIN_DECLS

const char *tri_data_dir      (void);
char       *tri_data_find     (const char *relative_path);
char       *tri_data_user_dir (void);
char      **tri_data_read_lines (const char *relative_path);
gboolean    tri_data_is_comment (const char *line);

G_END_DECLS
