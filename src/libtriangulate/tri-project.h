/* tri-project.h: a researcher's work in one SQLite file
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(TRIANGULATE_INSIDE) && !defined(TRIANGULATE_COMPILATION)
# error "Only <triangulate.h> can be included directly."
#endif

#include <gio/gio.h>

#include "tri-corpus.h"

G_BEGIN_DECLS

/**
 * TRI_PROJECT_APPLICATION_ID:
 *
 * The `PRAGMA application_id` of a project file: "TRI1", big-endian at
 * byte 68 of the file, where the shared MIME database looks for it.
 */
#define TRI_PROJECT_APPLICATION_ID 0x54524931

/**
 * TRI_PROJECT_SCHEMA_VERSION:
 *
 * The newest schema (`PRAGMA user_version`) this library knows. Older files
 * are migrated when opened for writing; newer ones are refused.
 */
#define TRI_PROJECT_SCHEMA_VERSION 2

/**
 * TriProjectFlags:
 * @TRI_PROJECT_FLAGS_NONE: open the file itself, for reading and writing
 *   (the command line; an unsandboxed app)
 * @TRI_PROJECT_READ_ONLY: never write to the file: no migration, no cache
 *   update, every change refused
 * @TRI_PROJECT_WORKING_COPY: work on a private copy in the user data
 *   folder, with a write-ahead log; tri_project_save() writes the file
 *   atomically (the Flatpak app: portals cannot host SQLite)
 *
 * How a project file is opened.
 */
typedef enum /*< flags,prefix=TRI_PROJECT >*/
{
  TRI_PROJECT_FLAGS_NONE   = 0,
  TRI_PROJECT_READ_ONLY    = 1 << 0,
  TRI_PROJECT_WORKING_COPY = 1 << 1,
} TriProjectFlags;

/**
 * TriDecisionKind:
 * @TRI_DECISION_VERDICT: a verdict override, keyed by a stable cluster key
 * @TRI_DECISION_PUBLISHED: an article's publication date, keyed by article id
 * @TRI_DECISION_HIDDEN_CLAIM: a hidden claim, keyed by claim key
 * @TRI_DECISION_NOTE: a note on an article, claim or cluster, keyed by its key
 * @TRI_DECISION_PLACE: the researcher's own gazetteer entry, keyed by place id
 * @TRI_DECISION_ACTOR: the researcher's own actor entry, keyed by actor id
 *
 * The kinds of decisions a researcher records; each can be undone.
 */
typedef enum /*< prefix=TRI_DECISION >*/
{
  TRI_DECISION_VERDICT,
  TRI_DECISION_PUBLISHED,
  TRI_DECISION_HIDDEN_CLAIM,
  TRI_DECISION_NOTE,
  TRI_DECISION_PLACE,
  TRI_DECISION_ACTOR,
} TriDecisionKind;

#define TRI_TYPE_SEARCH_HIT (tri_search_hit_get_type ())

/**
 * TriSearchHit:
 * @article: the article id
 * @title: (nullable): its title
 * @snippet: the text around the match, matches between `[` and `]`
 *
 * One article found by tri_project_search().
 */
typedef struct
{
  char *article;
  char *title;
  char *snippet;
} TriSearchHit;

GType         tri_search_hit_get_type (void) G_GNUC_CONST;
TriSearchHit *tri_search_hit_copy     (const TriSearchHit *hit);
void          tri_search_hit_free     (TriSearchHit       *hit);

#define TRI_TYPE_PROJECT (tri_project_get_type ())

G_DECLARE_FINAL_TYPE (TriProject, tri_project, TRI, PROJECT, GObject)

TriProject  *tri_project_new                (GFile                *file,
                                             TriProjectFlags       flags,
                                             GError              **error);
TriProject  *tri_project_open               (GFile                *file,
                                             TriProjectFlags       flags,
                                             GCancellable         *cancellable,
                                             GError              **error);
void         tri_project_open_async         (GFile                *file,
                                             TriProjectFlags       flags,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
TriProject  *tri_project_open_finish        (GAsyncResult         *result,
                                             GError              **error);
gboolean     tri_project_close              (TriProject           *self,
                                             GError              **error);

GFile       *tri_project_get_file           (TriProject           *self);
GFile       *tri_project_get_working_copy   (TriProject           *self);
TriProjectFlags tri_project_get_flags       (TriProject           *self);
gboolean     tri_project_get_modified       (TriProject           *self);
guint        tri_project_get_n_articles     (TriProject           *self);
guint        tri_project_get_n_files        (TriProject           *self);
guint        tri_project_get_n_cached       (TriProject           *self);
guint        tri_project_count_decisions    (TriProject           *self,
                                             TriDecisionKind       kind);

gboolean     tri_project_save               (TriProject           *self,
                                             GCancellable         *cancellable,
                                             GError              **error);
gboolean     tri_project_save_as            (TriProject           *self,
                                             GFile                *target,
                                             GCancellable         *cancellable,
                                             GError              **error);
void         tri_project_save_as_async      (TriProject           *self,
                                             GFile                *target,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gboolean     tri_project_save_as_finish     (TriProject           *self,
                                             GAsyncResult         *result,
                                             GError              **error);
gboolean     tri_project_backup             (TriProject           *self,
                                             GFile                *target,
                                             GCancellable         *cancellable,
                                             GError              **error);

GPtrArray   *tri_project_list_recoverable   (void);
TriProject  *tri_project_recover            (GFile                *working_copy,
                                             GError              **error);
gboolean     tri_project_discard_recoverable (GFile               *working_copy,
                                             GError              **error);

GPtrArray   *tri_project_add_bytes          (TriProject           *self,
                                             const char           *path,
                                             GBytes               *bytes,
                                             GError              **error);
GPtrArray   *tri_project_add_file           (TriProject           *self,
                                             GFile                *file,
                                             GCancellable         *cancellable,
                                             GError              **error);
GPtrArray   *tri_project_add_files          (TriProject           *self,
                                             GFile               **files,
                                             guint                 n_files,
                                             GPtrArray            *errors,
                                             GCancellable         *cancellable,
                                             GError              **error);
void         tri_project_add_files_async    (TriProject           *self,
                                             GFile               **files,
                                             guint                 n_files,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
void         tri_project_add_articles_async (TriProject           *self,
                                             GPtrArray            *articles,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
GPtrArray   *tri_project_add_files_finish   (TriProject           *self,
                                             GAsyncResult         *result,
                                             GPtrArray           **errors,
                                             GError              **error);
TriCorpus   *tri_project_load_corpus        (TriProject           *self,
                                             GCancellable         *cancellable,
                                             GError              **error);
void         tri_project_load_corpus_async  (TriProject           *self,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
TriCorpus   *tri_project_load_corpus_finish (TriProject           *self,
                                             GAsyncResult         *result,
                                             GError              **error);
GPtrArray   *tri_project_search             (TriProject           *self,
                                             const char           *query,
                                             guint                 limit,
                                             GError              **error);

gboolean     tri_project_set_verdict        (TriProject           *self,
                                             const char           *cluster_key,
                                             const char           *verdict,
                                             GError              **error);
char        *tri_project_dup_verdict        (TriProject           *self,
                                             const char           *cluster_key);
gboolean     tri_project_set_published      (TriProject           *self,
                                             const char           *article_id,
                                             const char           *iso_date,
                                             GError              **error);
char        *tri_project_dup_published      (TriProject           *self,
                                             const char           *article_id);
gboolean     tri_project_set_claim_hidden   (TriProject           *self,
                                             const char           *claim_key,
                                             gboolean              hidden,
                                             GError              **error);
gboolean     tri_project_get_claim_hidden   (TriProject           *self,
                                             const char           *claim_key);
gboolean     tri_project_set_note           (TriProject           *self,
                                             const char           *target,
                                             const char           *text,
                                             GError              **error);
char        *tri_project_dup_note           (TriProject           *self,
                                             const char           *target);
gboolean     tri_project_set_place          (TriProject           *self,
                                             const char           *place_id,
                                             const char           *name,
                                             double                lat,
                                             double                lon,
                                             GError              **error);
gboolean     tri_project_get_place          (TriProject           *self,
                                             const char           *place_id,
                                             char                **name,
                                             double               *lat,
                                             double               *lon);
gboolean     tri_project_set_actor          (TriProject           *self,
                                             const char           *actor_id,
                                             const char           *name,
                                             const char           *kind,
                                             GError              **error);
gboolean     tri_project_get_actor          (TriProject           *self,
                                             const char           *actor_id,
                                             char                **name,
                                             char                **kind);
GStrv        tri_project_list_decisions     (TriProject           *self,
                                             TriDecisionKind       kind);
GHashTable  *tri_project_dup_decisions      (TriProject           *self,
                                             TriDecisionKind       kind);
guint        tri_project_apply_decisions    (TriProject           *self,
                                             TriCorpus            *corpus);

gboolean     tri_project_get_can_undo       (TriProject           *self);
gboolean     tri_project_get_can_redo       (TriProject           *self);
gboolean     tri_project_undo               (TriProject           *self,
                                             GError              **error);
gboolean     tri_project_redo               (TriProject           *self,
                                             GError              **error);

gboolean     tri_project_set_view_state     (TriProject           *self,
                                             const char           *key,
                                             const char           *value,
                                             GError              **error);
char        *tri_project_dup_view_state     (TriProject           *self,
                                             const char           *key);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TriSearchHit, tri_search_hit_free)

G_END_DECLS
