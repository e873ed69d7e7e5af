/* tri-claim-item.h: one row of the claims list
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <triangulate.h>

G_BEGIN_DECLS

/* TriVerdict comes from the core's tri-cluster.h. */
#define TRI_N_VERDICTS 3

/* A place a claim is about, as the map draws it. */
typedef struct
{
  const char *id;        /* interned */
  char       *name;
  double      lat;
  double      lon;
  gboolean    always_label;
} TriItemPlace;

/* One source's statement of a claim: the sentence in its article. */
typedef struct
{
  TriArticle *article;
  guint       start;     /* byte offsets into the article's NFC text */
  guint       end;
  char       *text;
} TriItemSource;

#define TRI_TYPE_CLAIM_ITEM (tri_claim_item_get_type ())

G_DECLARE_FINAL_TYPE (TriClaimItem, tri_claim_item, TRI, CLAIM_ITEM, GObject)

/* App-internal: the fields are read directly by the model and the views. */
struct _TriClaimItem
{
  GObject     parent_instance;

  char       *id;
  char       *summary;
  const char *type;        /* interned; "mention" before claims exist */
  TriVerdict  verdict;     /* as cross-referencing found it */
  char       *differences; /* "2,500 vs 900", or NULL */
  char       *why;         /* why the verdict, or NULL */
  guint       n_sources;   /* independent articles */
  GArray     *places;      /* TriItemPlace */
  GPtrArray  *sources;     /* TriItemSource */
  guint32     day_first;   /* GDate Julian days, 0 when unknown */
  guint32     day_last;
  gboolean    fuzzy;       /* inferred, vague or only the publication date */
  char       *search_key;  /* folded summary, places and outlets */
  char       *key;         /* stable: the cluster's key, or NULL (use id) */
  GStrv       claims;      /* the ids of the cluster's claims, or NULL */

  /* The researcher's word. */
  gboolean    hidden;
  gboolean    overridden;
  TriVerdict  user_verdict;
  char       *note;
};

TriClaimItem *tri_claim_item_new               (const char   *id,
                                                const char   *summary);
void          tri_claim_item_add_place         (TriClaimItem *self,
                                                const char   *id,
                                                const char   *name,
                                                double        lat,
                                                double        lon,
                                                gboolean      always_label);
gboolean      tri_claim_item_has_place         (TriClaimItem *self,
                                                const char   *place_id);
void          tri_claim_item_add_source        (TriClaimItem *self,
                                                TriArticle   *article,
                                                guint         start,
                                                guint         end);
gboolean      tri_claim_item_has_article       (TriClaimItem *self,
                                                TriArticle   *article);
gboolean      tri_claim_item_has_key           (TriClaimItem *self,
                                                const char   *key);
void          tri_claim_item_finish            (TriClaimItem *self);
TriVerdict    tri_claim_item_get_verdict       (TriClaimItem *self);
void          tri_claim_item_set_user_verdict  (TriClaimItem *self,
                                                gboolean      overridden,
                                                TriVerdict    verdict);
void          tri_claim_item_set_hidden        (TriClaimItem *self,
                                                gboolean      hidden);
void          tri_claim_item_set_note          (TriClaimItem *self,
                                                const char   *note);
const char   *tri_claim_item_get_place_name    (TriClaimItem *self);
char         *tri_claim_item_format_date       (TriClaimItem *self);

char         *tri_search_fold                  (const char   *text,
                                                gssize        len);
const char   *tri_claim_type_to_label          (const char   *type);
const char   *tri_verdict_to_label             (TriVerdict    verdict);
const char   *tri_verdict_to_css_class         (TriVerdict    verdict);
char         *tri_format_julian_day            (guint32       day,
                                                TriPrecision  precision);

G_END_DECLS
