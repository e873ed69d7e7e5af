/* tri-claim.h
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(TRIANGULATE_INSIDE) && !defined(TRIANGULATE_COMPILATION)
# error "Only <triangulate.h> can be included directly."
#endif

#include "tri-types.h"

G_BEGIN_DECLS

#define TRI_TYPE_CLAIM (tri_claim_get_type ())

/* How many places and actors one claim keeps. */
#define TRI_CLAIM_MAX_ENTITIES 4
/* How many mentions one claim records as its evidence. */
#define TRI_CLAIM_MAX_MENTIONS 8

typedef struct _TriClaim TriClaim;

typedef enum /*< prefix=TRI_POLARITY >*/
{
  TRI_POLARITY_AFFIRMED,
  TRI_POLARITY_NEGATED,
} TriPolarity;

typedef enum /*< prefix=TRI_MODALITY >*/
{
  TRI_MODALITY_ASSERTED,
  TRI_MODALITY_REPORTED,
  TRI_MODALITY_FUTURE,
  TRI_MODALITY_POSSIBLE,
} TriModality;

/* What the claim's time says: when an event happened, or as of when (or
 * since when) a state holds. */
typedef enum /*< prefix=TRI_TIME_ROLE >*/
{
  TRI_TIME_ROLE_NONE,
  TRI_TIME_ROLE_AT,
  TRI_TIME_ROLE_AS_OF,
  TRI_TIME_ROLE_SINCE,
} TriTimeRole;

/**
 * TriClaim:
 * @id: "<article>#<n>"
 * @article: (nullable): interned id of the article that states it
 * @start: first byte of the clause in the article's normalised text
 * @end: byte after the clause
 * @sentence: index of the sentence
 * @type: interned claim type (troop_presence, withdrawal, attack, …)
 * @places: interned gazetteer ids, the main one first
 * @actors: interned actor ids, the main one first
 * @time_value: (nullable): interned ISO 8601 value at its precision
 * @time_precision: precision of @time_value
 * @time_modifier: start, mid, end or approx
 * @time_role: event time, state "as of" or state "since"
 * @time_inferred: whether the year was reasoned out, not written
 * @day_first: first day (GDate Julian) the time covers, 0 when none
 * @day_last: last day, inclusive; for "since" the reference day
 * @has_quantity: whether @number… are set
 * @number: the quantity, or the low end of a range
 * @number_max: the high end of a range, or @number
 * @qualifier: exact, approx, more_than, …
 * @unit: (nullable): interned unit (troops, attacks, fraction, …)
 * @attributed_to: (nullable): interned id (or folded name) of who the
 *   article says said it
 * @polarity: affirmed or negated
 * @modality: asserted, reported, future or possible
 * @once: whether the claim tells of something that happens only once
 *   ("the last advisers left"): two dates for it conflict
 * @object: (nullable): interned id (or folded name) of what the claim is
 *   against or about ("liên minh chống IS": islamic-state)
 * @mentions: indexes into tri_article_get_mentions() of the evidence
 * @reference_day: the day (GDate Julian) the claim's story was written,
 *   0 when unknown: a past event it tells of happened before
 */
struct _TriClaim
{
  char            *id;
  const char      *article;
  guint            start;
  guint            end;
  guint            sentence;
  const char      *type;

  const char      *places[TRI_CLAIM_MAX_ENTITIES];
  guint8           n_places;
  const char      *actors[TRI_CLAIM_MAX_ENTITIES];
  guint8           n_actors;

  const char      *time_value;
  TriPrecision     time_precision;
  TriTimeModifier  time_modifier;
  TriTimeRole      time_role;
  gboolean         time_inferred;
  guint32          day_first;
  guint32          day_last;

  gboolean         has_quantity;
  double           number;
  double           number_max;
  TriQualifier     qualifier;
  const char      *unit;

  const char      *attributed_to;
  TriPolarity      polarity;
  TriModality      modality;
  gboolean         once;
  const char      *object;

  guint            mentions[TRI_CLAIM_MAX_MENTIONS];
  guint8           n_mentions;
  /* Index into @mentions of the time mention, or -1. */
  gint8            time_mention;
  guint32          reference_day;

  /*< private >*/
  gatomicrefcount  ref_count;
};

GType        tri_claim_get_type          (void) G_GNUC_CONST;
TriClaim    *tri_claim_new               (const char  *article,
                                          guint        index,
                                          const char  *type,
                                          guint        start,
                                          guint        end);
TriClaim    *tri_claim_ref               (TriClaim    *self);
void         tri_claim_unref             (TriClaim    *self);
const char  *tri_claim_get_place         (const TriClaim *self);
const char  *tri_claim_get_actor         (const TriClaim *self);
void         tri_claim_add_place         (TriClaim    *self,
                                          const char  *place);
void         tri_claim_add_actor         (TriClaim    *self,
                                          const char  *actor);
void         tri_claim_add_mention       (TriClaim    *self,
                                          guint        index);
void         tri_claim_set_time          (TriClaim    *self,
                                          const char  *value,
                                          TriPrecision precision,
                                          guint32      day_first,
                                          guint32      day_last);
void         tri_claim_set_quantity      (TriClaim    *self,
                                          double       number,
                                          double       number_max,
                                          TriQualifier qualifier,
                                          const char  *unit);
void         tri_claim_get_range         (const TriClaim *self,
                                          double      *low,
                                          double      *high);
const char  *tri_polarity_to_string      (TriPolarity  polarity);
const char  *tri_modality_to_string      (TriModality  modality);
const char  *tri_time_role_to_string     (TriTimeRole  role);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TriClaim, tri_claim_unref)

G_END_DECLS
