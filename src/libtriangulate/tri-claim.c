/* tri-claim.c
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-claim"

#include "config.h"

#include <math.h>

#include "tri-claim.h"

G_DEFINE_BOXED_TYPE (TriClaim, tri_claim, tri_claim_ref, tri_claim_unref)

/**
 * tri_claim_new:
 * @article: (nullable): id of the article that states the claim
 * @index: the claim's number in its article
 * @type: claim type
 * @start: first byte of the clause in the normalised text
 * @end: byte after the clause
 *
 * Returns: (transfer full): a new affirmed, asserted claim with nothing
 *   else set
 */
TriClaim *
tri_claim_new (const char *article,
               guint       index,
               const char *type,
               guint       start,
               guint       end)
{
  TriClaim *self;

  g_return_val_if_fail (type != NULL, NULL);
  g_return_val_if_fail (start <= end, NULL);

  self = g_new0 (TriClaim, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->article = article ? g_intern_string (article) : NULL;
  self->id = g_strdup_printf ("%s#%u", article ? article : "", index);
  self->type = g_intern_string (type);
  self->start = start;
  self->end = end;
  self->time_mention = -1;
  return self;
}

/**
 * tri_claim_ref:
 * @self: a #TriClaim
 *
 * Returns: (transfer full): @self
 */
TriClaim *
tri_claim_ref (TriClaim *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

/**
 * tri_claim_unref:
 * @self: (transfer full): a #TriClaim
 */
void
tri_claim_unref (TriClaim *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_free (self->id);
      g_free (self);
    }
}

/**
 * tri_claim_get_place:
 * @self: a #TriClaim
 *
 * Returns: (nullable): the main place's gazetteer id
 */
const char *
tri_claim_get_place (const TriClaim *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->n_places ? self->places[0] : NULL;
}

/**
 * tri_claim_get_actor:
 * @self: a #TriClaim
 *
 * Returns: (nullable): the main actor's id
 */
const char *
tri_claim_get_actor (const TriClaim *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->n_actors ? self->actors[0] : NULL;
}

static void
add_entity (const char **set,
            guint8      *n,
            const char  *id)
{
  id = g_intern_string (id);
  for (guint i = 0; i < *n; i++)
    if (set[i] == id)
      return;
  if (*n < TRI_CLAIM_MAX_ENTITIES)
    set[(*n)++] = id;
}

/**
 * tri_claim_add_place:
 * @self: a #TriClaim
 * @place: a gazetteer id
 *
 * Adds @place unless it is there already or the claim is full.
 */
void
tri_claim_add_place (TriClaim   *self,
                     const char *place)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (place != NULL);
  add_entity (self->places, &self->n_places, place);
}

/**
 * tri_claim_add_actor:
 * @self: a #TriClaim
 * @actor: an actor id
 *
 * Adds @actor unless it is there already or the claim is full.
 */
void
tri_claim_add_actor (TriClaim   *self,
                     const char *actor)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (actor != NULL);
  add_entity (self->actors, &self->n_actors, actor);
}

/**
 * tri_claim_add_mention:
 * @self: a #TriClaim
 * @index: index of a mention of the claim's article
 */
void
tri_claim_add_mention (TriClaim *self,
                       guint     index)
{
  g_return_if_fail (self != NULL);

  for (guint i = 0; i < self->n_mentions; i++)
    if (self->mentions[i] == index)
      return;
  if (self->n_mentions < TRI_CLAIM_MAX_MENTIONS)
    self->mentions[self->n_mentions++] = index;
}

/**
 * tri_claim_set_time:
 * @self: a #TriClaim
 * @value: (nullable): ISO 8601 value at its precision
 * @precision: its precision
 * @day_first: first day (GDate Julian), or 0
 * @day_last: last day, inclusive, or 0
 */
void
tri_claim_set_time (TriClaim     *self,
                    const char   *value,
                    TriPrecision  precision,
                    guint32       day_first,
                    guint32       day_last)
{
  g_return_if_fail (self != NULL);

  self->time_value = value ? g_intern_string (value) : NULL;
  self->time_precision = precision;
  self->day_first = day_first;
  self->day_last = MAX (day_first, day_last);
}

/**
 * tri_claim_set_quantity:
 * @self: a #TriClaim
 * @number: the quantity or the low end of its range
 * @number_max: the high end, or @number
 * @qualifier: how exact it is
 * @unit: (nullable): its unit
 */
void
tri_claim_set_quantity (TriClaim     *self,
                        double        number,
                        double        number_max,
                        TriQualifier  qualifier,
                        const char   *unit)
{
  g_return_if_fail (self != NULL);

  self->has_quantity = TRUE;
  self->number = number;
  self->number_max = MAX (number, number_max);
  self->qualifier = qualifier;
  self->unit = unit ? g_intern_string (unit) : NULL;
}

/**
 * tri_claim_get_range:
 * @self: a #TriClaim with a quantity
 * @low: (out): lowest value the qualified quantity allows
 * @high: (out): highest value it allows
 *
 * "About 2,500" allows 10% either way; "more than 150" anything above 150.
 */
void
tri_claim_get_range (const TriClaim *self,
                     double         *low,
                     double         *high)
{
  double lo, hi;

  g_return_if_fail (self != NULL);

  lo = self->number;
  hi = MAX (self->number, self->number_max);
  switch (self->qualifier)
    {
    case TRI_QUALIFIER_APPROX:
      lo -= fabs (lo) * 0.1;
      hi += fabs (hi) * 0.1;
      break;
    case TRI_QUALIFIER_MORE_THAN:
    case TRI_QUALIFIER_AT_LEAST:
      hi = INFINITY;
      break;
    case TRI_QUALIFIER_LESS_THAN:
    case TRI_QUALIFIER_AT_MOST:
      lo = 0;
      break;
    case TRI_QUALIFIER_EXACT:
    default:
      break;
    }
  *low = lo;
  *high = hi;
}

const char *
tri_polarity_to_string (TriPolarity polarity)
{
  return polarity == TRI_POLARITY_NEGATED ? "negated" : "affirmed";
}

const char *
tri_modality_to_string (TriModality modality)
{
  switch (modality)
    {
    case TRI_MODALITY_REPORTED: return "reported";
    case TRI_MODALITY_FUTURE: return "future";
    case TRI_MODALITY_POSSIBLE: return "possible";
    case TRI_MODALITY_ASSERTED:
    default: return "asserted";
    }
}

const char *
tri_time_role_to_string (TriTimeRole role)
{
  switch (role)
    {
    case TRI_TIME_ROLE_AT: return "at";
    case TRI_TIME_ROLE_AS_OF: return "as_of";
    case TRI_TIME_ROLE_SINCE: return "since";
    case TRI_TIME_ROLE_NONE:
    default: return NULL;
    }
}
