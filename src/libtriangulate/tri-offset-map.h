/* tri-offset-map.h: maps offsets of a derived text back to its source
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Each stage that rewrites text (decoding, HTML extraction, NFC) records
 * runs: a stretch of the new text and the stretch of its input it came from.
 * Runs of equal length map byte for byte; others map to their edges. Maps
 * chain, so a lookup walks down to the bytes on disk. */
typedef struct _TriOffsetMap TriOffsetMap;

TriOffsetMap *tri_offset_map_new     (TriOffsetMap *next);
void          tri_offset_map_free    (TriOffsetMap *self);
void          tri_offset_map_add     (TriOffsetMap *self,
                                      gsize         dst,
                                      gsize         dst_len,
                                      gsize         src,
                                      gsize         src_len);
gboolean      tri_offset_map_is_identity (const TriOffsetMap *self);
gsize         tri_offset_map_start   (const TriOffsetMap *self,
                                      gsize               offset);
gsize         tri_offset_map_end     (const TriOffsetMap *self,
                                      gsize               offset);
gsize         tri_offset_map_memory  (const TriOffsetMap *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TriOffsetMap, tri_offset_map_free)

G_END_DECLS
