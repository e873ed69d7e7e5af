/* tri-claims-model.h: what the window shows, filtered and sorted
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <triangulate.h>

#include "tri-claim-item.h"

G_BEGIN_DECLS

typedef enum /*< prefix=TRI_CLAIMS_SORT >*/
{
  TRI_CLAIMS_SORT_DATE,
  TRI_CLAIMS_SORT_PLACE,
  TRI_CLAIMS_SORT_SOURCES,
} TriClaimsSort;

/* A place with the claims at it in the current range, for the map. */
typedef struct
{
  const char *id;        /* interned */
  const char *name;      /* interned */
  double      lat;
  double      lon;
  gboolean    always_label;
  guint       counts[TRI_N_VERDICTS];
} TriPlaceCount;

/* One dated item, for the timeline's histogram. */
typedef struct
{
  guint32 first;
  guint32 last;
  guint8  fuzzy;
  guint8  verdict;
  guint8  in_filter;    /* passes the filters other than the range */
} TriTimelineEvent;

#define TRI_TYPE_CLAIMS_MODEL (tri_claims_model_get_type ())

G_DECLARE_FINAL_TYPE (TriClaimsModel, tri_claims_model, TRI, CLAIMS_MODEL, GObject)

TriClaimsModel *tri_claims_model_new                (void);
TriCorpus      *tri_claims_model_get_corpus         (TriClaimsModel *self);
void            tri_claims_model_set_corpus         (TriClaimsModel *self,
                                                     TriCorpus      *corpus);
void            tri_claims_model_rebuild            (TriClaimsModel *self);
gboolean        tri_claims_model_get_busy           (TriClaimsModel *self);
void            tri_claims_model_set_items          (TriClaimsModel *self,
                                                     GPtrArray      *items);
GPtrArray      *tri_claims_model_get_all            (TriClaimsModel *self);
guint           tri_claims_model_get_n_all          (TriClaimsModel *self);
void            tri_claims_model_set_range          (TriClaimsModel *self,
                                                     guint32         first,
                                                     guint32         last);
void            tri_claims_model_get_range          (TriClaimsModel *self,
                                                     guint32        *first,
                                                     guint32        *last);
void            tri_claims_model_get_extent         (TriClaimsModel *self,
                                                     guint32        *first,
                                                     guint32        *last);
void            tri_claims_model_set_search         (TriClaimsModel *self,
                                                     const char     *text);
void            tri_claims_model_set_verdict_filter (TriClaimsModel *self,
                                                     int             verdict);
void            tri_claims_model_set_type_filter    (TriClaimsModel *self,
                                                     const char     *type);
void            tri_claims_model_set_article_filter (TriClaimsModel *self,
                                                     TriArticle     *article);
TriArticle     *tri_claims_model_get_article_filter (TriClaimsModel *self);
void            tri_claims_model_set_place_filter   (TriClaimsModel *self,
                                                     const char     *place_id);
const char     *tri_claims_model_get_place_filter   (TriClaimsModel *self);
void            tri_claims_model_set_show_hidden    (TriClaimsModel *self,
                                                     gboolean        show_hidden);
void            tri_claims_model_set_sort           (TriClaimsModel *self,
                                                     TriClaimsSort   sort);
void            tri_claims_model_refilter           (TriClaimsModel *self);
GArray         *tri_claims_model_get_places         (TriClaimsModel *self);
GArray         *tri_claims_model_get_events         (TriClaimsModel *self);
guint           tri_claims_model_get_events_serial  (TriClaimsModel *self);
GStrv           tri_claims_model_dup_types          (TriClaimsModel *self);
guint           tri_claims_model_find               (TriClaimsModel *self,
                                                     TriClaimItem   *item);
guint           tri_claims_model_find_place         (TriClaimsModel *self,
                                                     const char     *place_id);

G_END_DECLS
