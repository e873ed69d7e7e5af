/* tri-text.h: from bytes on disk to normalised UTF-8, keeping offsets
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "tri-fold.h"
#include "tri-offset-map.h"

G_BEGIN_DECLS

char     *tri_text_decode      (const char    *data,
                                gsize          len,
                                const char    *charset,
                                char         **charset_out,
                                gsize         *out_len,
                                TriOffsetMap **map_out,
                                GError       **error);
char     *tri_text_normalize   (const char    *text,
                                gsize          len,
                                gsize         *out_len,
                                TriOffsetMap  *below,
                                TriOffsetMap **map_out);
gboolean  tri_text_is_binary   (const char    *data,
                                gsize          len);
void      tri_text_line_column (const char    *data,
                                gsize          offset,
                                guint         *line,
                                guint         *column);

G_END_DECLS
