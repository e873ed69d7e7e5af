/* tri-mention.c
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-mention"

#include "config.h"

#include "tri-mention.h"

G_DEFINE_BOXED_TYPE (TriMention, tri_mention, tri_mention_ref, tri_mention_unref)

G_DEFINE_QUARK (tri-error-quark, tri_error)

/**
 * tri_mention_new:
 * @kind: what was found
 * @start: first byte in the normalised text
 * @end: byte after the last one
 *
 * Returns: (transfer full): a new mention with every other field zero
 */
TriMention *
tri_mention_new (TriMentionKind kind,
                 guint          start,
                 guint          end)
{
  TriMention *self;

  g_return_val_if_fail (start <= end, NULL);

  self = g_new0 (TriMention, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->kind = kind;
  self->start = start;
  self->end = end;
  return self;
}

/**
 * tri_mention_ref:
 * @self: a #TriMention
 *
 * Returns: (transfer full): @self
 */
TriMention *
tri_mention_ref (TriMention *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

/**
 * tri_mention_unref:
 * @self: (transfer full): a #TriMention
 */
void
tri_mention_unref (TriMention *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_free (self->value);
      g_free (self->name);
      g_free (self);
    }
}

/**
 * tri_mention_set_value:
 * @self: a #TriMention
 * @value: (nullable): the new time value
 */
void
tri_mention_set_value (TriMention *self,
                       const char *value)
{
  g_return_if_fail (self != NULL);

  g_free (self->value);
  self->value = g_strdup (value);
}

/**
 * tri_mention_set_name:
 * @self: a #TriMention
 * @name: (nullable): the canonical name
 */
void
tri_mention_set_name (TriMention *self,
                      const char *name)
{
  g_return_if_fail (self != NULL);

  g_free (self->name);
  self->name = g_strdup (name);
}

const char *
tri_mention_kind_to_string (TriMentionKind kind)
{
  switch (kind)
    {
    case TRI_MENTION_TIME: return "time";
    case TRI_MENTION_QUANTITY: return "quantity";
    case TRI_MENTION_PLACE: return "place";
    case TRI_MENTION_ACTOR: return "actor";
    default: g_return_val_if_reached (NULL);
    }
}

const char *
tri_precision_to_string (TriPrecision precision)
{
  switch (precision)
    {
    case TRI_PRECISION_NONE: return NULL;
    case TRI_PRECISION_DAY: return "day";
    case TRI_PRECISION_WEEK: return "week";
    case TRI_PRECISION_MONTH: return "month";
    case TRI_PRECISION_QUARTER: return "quarter";
    case TRI_PRECISION_YEAR: return "year";
    case TRI_PRECISION_DECADE: return "decade";
    case TRI_PRECISION_DURATION: return "duration";
    case TRI_PRECISION_VAGUE: return "vague";
    default: g_return_val_if_reached (NULL);
    }
}

const char *
tri_time_modifier_to_string (TriTimeModifier modifier)
{
  switch (modifier)
    {
    case TRI_TIME_MODIFIER_NONE: return NULL;
    case TRI_TIME_MODIFIER_START: return "start";
    case TRI_TIME_MODIFIER_MID: return "mid";
    case TRI_TIME_MODIFIER_END: return "end";
    case TRI_TIME_MODIFIER_APPROX: return "approx";
    default: g_return_val_if_reached (NULL);
    }
}

const char *
tri_qualifier_to_string (TriQualifier qualifier)
{
  switch (qualifier)
    {
    case TRI_QUALIFIER_EXACT: return "exact";
    case TRI_QUALIFIER_APPROX: return "approx";
    case TRI_QUALIFIER_MORE_THAN: return "more_than";
    case TRI_QUALIFIER_LESS_THAN: return "less_than";
    case TRI_QUALIFIER_AT_LEAST: return "at_least";
    case TRI_QUALIFIER_AT_MOST: return "at_most";
    default: g_return_val_if_reached (NULL);
    }
}

const char *
tri_date_source_to_string (TriDateSource source)
{
  switch (source)
    {
    case TRI_DATE_SOURCE_UNKNOWN: return "unknown";
    case TRI_DATE_SOURCE_HEADER: return "header";
    case TRI_DATE_SOURCE_INFERRED: return "inferred";
    case TRI_DATE_SOURCE_USER: return "user";
    default: g_return_val_if_reached (NULL);
    }
}
