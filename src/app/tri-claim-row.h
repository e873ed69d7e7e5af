/* tri-claim-row.h: one claim in the claims list
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "tri-claim-item.h"

G_BEGIN_DECLS

#define TRI_TYPE_CLAIM_ROW (tri_claim_row_get_type ())

G_DECLARE_FINAL_TYPE (TriClaimRow, tri_claim_row, TRI, CLAIM_ROW, GtkWidget)

GtkWidget    *tri_claim_row_new         (void);
void          tri_claim_row_set_item    (TriClaimRow  *self,
                                         TriClaimItem *item);
TriClaimItem *tri_claim_row_get_item    (TriClaimRow  *self);
const char   *tri_claim_row_get_text    (TriClaimRow  *self,
                                         const char   *part);

G_END_DECLS
