/* tri-offline-source.h
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <shumate/shumate.h>

G_BEGIN_DECLS

#define TRI_TYPE_OFFLINE_SOURCE (tri_offline_source_get_type ())

G_DECLARE_FINAL_TYPE (TriOfflineSource, tri_offline_source, TRI, OFFLINE_SOURCE, ShumateMapSource)

ShumateMapSource *tri_offline_source_new (void);

G_END_DECLS
