/* tri-claims-private.h: claims and cross-referencing stage
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tri-article-private.h"
#include "tri-claim.h"
#include "tri-cluster.h"

G_BEGIN_DECLS

/* What claims-types.tsv says about one claim type. */
typedef struct
{
  const char *type;             /* interned */
  gboolean    state;
  gboolean    descriptor;
  gboolean    once;
  guint       once_window;      /* days; 0: any two dates conflict */
  guint       args;             /* TriField flags */
  guint       needs[4];         /* alternatives, each TriField flags */
  guint       n_needs;
  const char *units[4];         /* interned */
  guint       n_units;
  const char *through;          /* interned type, or NULL */
} TriClaimType;

const TriClaimType *_tri_claim_type_lookup       (const char  *type);

/* Places nest (Al-Asad is in Anbar is in Iraq); actors too (a ministry
 * belongs to its government). */
gboolean            _tri_place_is_within         (const char  *child,
                                                  const char  *ancestor);
const char         *_tri_place_get_root          (const char  *place);
gboolean            _tri_actor_is_within         (const char  *child,
                                                  const char  *ancestor);
const char         *_tri_actor_get_kind          (const char  *actor);
gboolean            _tri_place_is_within_interned (const char *child,
                                                  const char  *ancestor);
gboolean            _tri_actor_is_within_interned (const char *child,
                                                  const char  *ancestor);

/* Finds the claims of one analysed article and stores them on it. */
void                _tri_claims_extract          (TriArticle  *article);

/* Groups the claims of @articles into clusters (TriCluster), gives them
 * verdicts, lets dates travel between corroborating claims and tightens
 * undated articles' publication bounds. */
GPtrArray          *_tri_claims_cluster          (GPtrArray   *articles);

/* The clustering alone, for claims without articles (benchmarks, tests):
 * @articles may be NULL, then every article id is its own source. */
GPtrArray          *_tri_claims_cluster_claims   (GPtrArray   *claims,
                                                  GHashTable  *articles);

G_END_DECLS
