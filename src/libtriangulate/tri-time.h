/* tri-time.h: times in text — tagging and display
 *
 * Copyright 2026 The Triangulate authors
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(TRIANGULATE_INSIDE) && !defined(TRIANGULATE_COMPILATION)
# error "Only <triangulate.h> can be included directly."
#endif

#include "tri-mention.h"
#include "tri-types.h"

G_BEGIN_DECLS

GPtrArray *tri_time_tag        (const char      *text,
                                gssize           len,
                                const char      *language,
                                const char      *reference,
                                gboolean         reference_inferred);
char      *tri_time_format     (const char      *value,
                                TriPrecision     precision,
                                TriTimeModifier  modifier,
                                const char      *locale);

G_END_DECLS
