/* tri-fold.h: search and matching keys
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

char *tri_text_fold (const char *text,
                     gssize      len);

G_END_DECLS
