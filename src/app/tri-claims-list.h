/* tri-claims-list.h: the list of claims, one row per claim in view
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TRI_TYPE_CLAIMS_LIST (tri_claims_list_get_type ())

G_DECLARE_FINAL_TYPE (TriClaimsList, tri_claims_list, TRI, CLAIMS_LIST, GtkWidget)

GtkWidget          *tri_claims_list_new         (void);
GtkSingleSelection *tri_claims_list_get_model   (TriClaimsList      *self);
void                tri_claims_list_set_model   (TriClaimsList      *self,
                                                 GtkSingleSelection *model);
void                tri_claims_list_scroll_to   (TriClaimsList      *self,
                                                 guint               position);

G_END_DECLS
