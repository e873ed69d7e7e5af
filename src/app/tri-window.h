/* tri-window.h
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <triangulate.h>

#include "tri-claims-list.h"
#include "tri-claims-model.h"
#include "tri-project-session.h"
#include "tri-source-view.h"
#include "tri-timeline.h"

G_BEGIN_DECLS

#define TRI_TYPE_WINDOW (tri_window_get_type ())

G_DECLARE_FINAL_TYPE (TriWindow, tri_window, TRI, WINDOW, AdwApplicationWindow)

TriWindow      *tri_window_new              (GtkApplication *application);
void            tri_window_open             (TriWindow      *self,
                                             GFile         **files,
                                             guint           n_files);
TriCorpus      *tri_window_get_corpus       (TriWindow      *self);
TriClaimsModel *tri_window_get_claims_model (TriWindow      *self);
TriTimeline    *tri_window_get_timeline     (TriWindow      *self);
TriSourceView  *tri_window_get_source_view  (TriWindow      *self);
GtkWidget      *tri_window_get_map          (TriWindow      *self);
TriClaimsList  *tri_window_get_claims_list  (TriWindow      *self);
GtkListView    *tri_window_get_sources_list (TriWindow      *self);
TriClaimItem   *tri_window_get_selected_claim (TriWindow    *self);
void            tri_window_select_place     (TriWindow      *self,
                                             const char     *place_id);
void            tri_window_set_search       (TriWindow      *self,
                                             const char     *text);
guint           tri_window_get_n_toasts_shown (TriWindow    *self);
TriProjectSession *tri_window_get_session   (TriWindow      *self);
void            tri_window_open_project     (TriWindow      *self,
                                             GFile          *file);
void            tri_window_save_project_as  (TriWindow      *self,
                                             GFile          *file);
gboolean        tri_window_offer_recovery   (TriWindow      *self);

G_END_DECLS
