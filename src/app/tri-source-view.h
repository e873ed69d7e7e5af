/* tri-source-view.h: the article text, or a cluster's sentences side by side
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "tri-claim-item.h"

G_BEGIN_DECLS

#define TRI_TYPE_SOURCE_VIEW (tri_source_view_get_type ())

G_DECLARE_FINAL_TYPE (TriSourceView, tri_source_view, TRI, SOURCE_VIEW, GtkWidget)

GtkWidget     *tri_source_view_new           (void);
void           tri_source_view_show_article  (TriSourceView *self,
                                              TriArticle    *article,
                                              guint          start,
                                              guint          end);
void           tri_source_view_show_item     (TriSourceView *self,
                                              TriClaimItem  *item);
void           tri_source_view_clear         (TriSourceView *self);
TriArticle    *tri_source_view_get_article   (TriSourceView *self);
TriClaimItem  *tri_source_view_get_item      (TriSourceView *self);
char          *tri_source_view_dup_highlight (TriSourceView *self);
gboolean       tri_source_view_is_comparing  (TriSourceView *self);
GtkTextBuffer *tri_source_view_get_buffer    (TriSourceView *self);

G_END_DECLS
