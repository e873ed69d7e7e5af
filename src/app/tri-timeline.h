/* tri-timeline.h: histogram of claims over time, with a range selector
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TRI_TYPE_TIMELINE (tri_timeline_get_type ())

G_DECLARE_FINAL_TYPE (TriTimeline, tri_timeline, TRI, TIMELINE, GtkWidget)

GtkWidget *tri_timeline_new            (void);
void       tri_timeline_set_events     (TriTimeline *self,
                                        GArray      *events);
void       tri_timeline_set_extent     (TriTimeline *self,
                                        guint32      first,
                                        guint32      last);
void       tri_timeline_set_range      (TriTimeline *self,
                                        guint32      first,
                                        guint32      last);
guint32    tri_timeline_get_range_first (TriTimeline *self);
guint32    tri_timeline_get_range_last  (TriTimeline *self);
void       tri_timeline_zoom           (TriTimeline *self,
                                        double       factor,
                                        double       anchor);
guint      tri_timeline_get_unit_days  (TriTimeline *self);
guint      tri_timeline_get_n_bins     (TriTimeline *self);
gboolean   tri_timeline_get_playing    (TriTimeline *self);
void       tri_timeline_set_playing    (TriTimeline *self,
                                        gboolean     playing);
void       tri_timeline_set_play_speed (TriTimeline *self,
                                        double       speed);
void       tri_timeline_step           (TriTimeline *self,
                                        int          units);

G_END_DECLS
