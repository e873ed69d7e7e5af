/* tri-cluster.h
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(TRIANGULATE_INSIDE) && !defined(TRIANGULATE_COMPILATION)
# error "Only <triangulate.h> can be included directly."
#endif

#include "tri-claim.h"

G_BEGIN_DECLS

#define TRI_TYPE_CLUSTER (tri_cluster_get_type ())

typedef struct _TriCluster TriCluster;

typedef enum /*< prefix=TRI_VERDICT >*/
{
  TRI_VERDICT_SINGLE_SOURCE,
  TRI_VERDICT_CORROBORATED,
  TRI_VERDICT_CONFLICTING,
} TriVerdict;

/* The fields two claims are compared on. */
typedef enum /*< flags,prefix=TRI_FIELD >*/
{
  TRI_FIELD_TYPE     = 1 << 0,
  TRI_FIELD_ACTOR    = 1 << 1,
  TRI_FIELD_PLACE    = 1 << 2,
  TRI_FIELD_TIME     = 1 << 3,
  TRI_FIELD_QUANTITY = 1 << 4,
  TRI_FIELD_OBJECT   = 1 << 5,
  TRI_FIELD_POLARITY = 1 << 6,
} TriField;

#define TRI_N_FIELDS 7

/**
 * TriDifference:
 * @field: the field the claims disagree on
 * @values: (array zero-terminated=1): the distinct values they give
 */
typedef struct
{
  TriField  field;
  char    **values;
} TriDifference;

/**
 * TriCluster:
 * @id: "k<n>"
 * @claims: (element-type TriClaim): the claims about one fact
 * @articles: (element-type utf8): interned ids of their articles, in order
 * @verdict: corroborated, conflicting or single_source
 * @summary: a one-line description of the fact
 * @differences: (element-type TriDifference): what the claims disagree on
 * @matched: #TriField flags the claims agree on
 * @n_sources: how many independent sources state the fact
 * @independence: (nullable): why some articles count as one source
 * @key: the cluster's stable key: the id of its anchor claim, the first in
 *   (article id, claim number) order. Unlike @id ("k<n>", numbered in
 *   order) it does not change when articles are added elsewhere; the
 *   researcher's decisions about the cluster are stored under a claim id
 *   and apply to whichever cluster holds that claim
 * @overridden: whether the researcher gave the verdict (@user_verdict)
 * @user_verdict: the researcher's verdict, when @overridden
 * @hidden: whether the researcher hid the cluster; exports leave it out
 * @note: (nullable): the researcher's note on the cluster
 */
struct _TriCluster
{
  char       *id;
  GPtrArray  *claims;
  GPtrArray  *articles;
  TriVerdict  verdict;
  char       *summary;
  GArray     *differences;
  guint       matched;
  guint       n_sources;
  char       *independence;
  char       *key;
  gboolean    overridden;
  TriVerdict  user_verdict;
  gboolean    hidden;
  char       *note;

  /*< private >*/
  gatomicrefcount ref_count;
};

GType        tri_cluster_get_type        (void) G_GNUC_CONST;
TriCluster  *tri_cluster_new             (const char  *id);
TriCluster  *tri_cluster_ref             (TriCluster  *self);
void         tri_cluster_unref           (TriCluster  *self);
void         tri_cluster_add_claim       (TriCluster  *self,
                                          TriClaim    *claim);
void         tri_cluster_add_difference  (TriCluster  *self,
                                          TriField     field,
                                          const char  *value);
const TriDifference *tri_cluster_get_difference (TriCluster *self,
                                          TriField     field);
TriVerdict   tri_cluster_get_verdict     (const TriCluster *self);
int          tri_claim_id_compare        (const char  *a,
                                          const char  *b);
const char  *tri_verdict_to_string       (TriVerdict   verdict);
gboolean     tri_verdict_from_string     (const char  *text,
                                          TriVerdict  *verdict);
const char  *tri_field_to_string         (TriField     field);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TriCluster, tri_cluster_unref)

G_END_DECLS
