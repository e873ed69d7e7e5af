/* tri-project-session.h: the project the window works in
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <triangulate.h>

#include "tri-claim-item.h"
#include "tri-claims-model.h"

G_BEGIN_DECLS

#define TRI_RECENT_PROJECTS_MAX 8

#define TRI_TYPE_PROJECT_SESSION (tri_project_session_get_type ())

G_DECLARE_FINAL_TYPE (TriProjectSession, tri_project_session, TRI, PROJECT_SESSION, GObject)

TriProjectSession *tri_project_session_new                  (GSettings          *settings);
TriProject        *tri_project_session_get_project          (TriProjectSession  *self);
char              *tri_project_session_dup_title            (TriProjectSession  *self);
gboolean           tri_project_session_get_untitled         (TriProjectSession  *self);
gboolean           tri_project_session_get_private_copies   (TriProjectSession  *self);
void               tri_project_session_set_private_copies   (TriProjectSession  *self,
                                                             gboolean            private_copies);
gboolean           tri_project_session_start_untitled       (TriProjectSession  *self,
                                                             GError            **error);
void               tri_project_session_open_async           (TriProjectSession  *self,
                                                             GFile              *file,
                                                             GFile              *working_copy,
                                                             GCancellable       *cancellable,
                                                             GAsyncReadyCallback callback,
                                                             gpointer            user_data);
TriCorpus         *tri_project_session_open_finish          (TriProjectSession  *self,
                                                             GAsyncResult       *result,
                                                             GError            **error);
void               tri_project_session_reload_async         (TriProjectSession  *self,
                                                             GCancellable       *cancellable,
                                                             GAsyncReadyCallback callback,
                                                             gpointer            user_data);
void               tri_project_session_add_articles_async   (TriProjectSession  *self,
                                                             GPtrArray          *articles,
                                                             GCancellable       *cancellable,
                                                             GAsyncReadyCallback callback,
                                                             gpointer            user_data);
GPtrArray         *tri_project_session_add_articles_finish  (TriProjectSession  *self,
                                                             GAsyncResult       *result,
                                                             GError            **error);
void               tri_project_session_save_as_async        (TriProjectSession  *self,
                                                             GFile              *file,
                                                             GCancellable       *cancellable,
                                                             GAsyncReadyCallback callback,
                                                             gpointer            user_data);
gboolean           tri_project_session_save_as_finish       (TriProjectSession  *self,
                                                             GAsyncResult       *result,
                                                             GError            **error);
gboolean           tri_project_session_save                 (TriProjectSession  *self,
                                                             GError            **error);
gboolean           tri_project_session_close                (TriProjectSession  *self,
                                                             GError            **error);

GStrv              tri_project_session_dup_recent           (TriProjectSession  *self);
GPtrArray         *tri_project_session_list_recoverable     (TriProjectSession  *self);

char              *tri_project_session_dup_item_key         (TriProjectSession  *self,
                                                             TriClaimItem       *item,
                                                             TriDecisionKind     kind);
gboolean           tri_project_session_set_verdict          (TriProjectSession  *self,
                                                             TriClaimItem       *item,
                                                             gboolean            overridden,
                                                             TriVerdict          verdict,
                                                             GError            **error);
gboolean           tri_project_session_set_hidden           (TriProjectSession  *self,
                                                             TriClaimItem       *item,
                                                             gboolean            hidden,
                                                             GError            **error);
void               tri_project_session_set_note             (TriProjectSession  *self,
                                                             TriClaimItem       *item,
                                                             const char         *text);
gboolean           tri_project_session_set_published        (TriProjectSession  *self,
                                                             TriArticle         *article,
                                                             const char         *iso_date,
                                                             GError            **error);
gboolean           tri_project_session_flush                (TriProjectSession  *self,
                                                             GError            **error);
gboolean           tri_project_session_apply                (TriProjectSession  *self,
                                                             GPtrArray          *items);
gboolean           tri_project_session_undo                 (TriProjectSession  *self,
                                                             GError            **error);
gboolean           tri_project_session_redo                 (TriProjectSession  *self,
                                                             GError            **error);

G_END_DECLS
