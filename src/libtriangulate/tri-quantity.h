/* tri-quantity.h: counted amounts in a text
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

#include "tri-mention.h"

G_BEGIN_DECLS

GPtrArray *tri_quantities_find        (const char *language,
                                       const char *text,
                                       gssize      len);
gboolean   tri_quantity_parse_number  (const char *language,
                                       const char *text,
                                       gssize      len,
                                       double     *value);

G_END_DECLS
