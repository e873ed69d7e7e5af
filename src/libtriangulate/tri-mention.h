/* tri-mention.h
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

#define TRI_TYPE_MENTION (tri_mention_get_type ())

/**
 * TriMention:
 * @kind: what was found
 * @start: first byte in the article's normalised text
 * @end: byte after the last one
 * @sentence: index of the sentence it is in
 * @value: (nullable): time: ISO 8601 prefix at its precision ("2026-01-18",
 *   "2021-12", "2026-W03-WE") or a duration ("P2Y")
 * @precision: time: how precise @value is
 * @modifier: time: start, middle or end of the period, or approximate
 * @inferred: time: the year (or more) was reasoned out, not written
 * @day_first: time: first day covered, as a GDate Julian day (0 if none)
 * @day_last: time: last day covered, inclusive (0 if none)
 * @number: quantity: the value (the low end of a range)
 * @number_max: quantity: the high end of a range, else equal to @number
 * @qualifier: quantity: about, more than…
 * @unit: (nullable): quantity: what is counted ("troops", "attacks"), interned
 * @owner: (nullable): quantity: whose ("united-states"), interned
 * @vague: quantity: a vague amount ("hundreds")
 * @entity: (nullable): place or actor: gazetteer or actor id, interned;
 *   %NULL for an unknown (candidate) actor
 * @name: (nullable): place or actor: canonical name
 * @lat: place: latitude
 * @lon: place: longitude
 * @metonym: place: stands for a government ("Washington said")
 * @candidate: actor: a capitalised name not in the actor list
 *
 * Something found in an article's text. Which fields mean something depends
 * on @kind; the others are zero.
 */
struct _TriMention
{
  TriMentionKind  kind;
  guint           start;
  guint           end;
  guint           sentence;

  char           *value;
  TriPrecision    precision;
  TriTimeModifier modifier;
  gboolean        inferred;
  guint32         day_first;
  guint32         day_last;

  double          number;
  double          number_max;
  TriQualifier    qualifier;
  const char     *unit;
  const char     *owner;
  gboolean        vague;

  const char     *entity;
  char           *name;
  double          lat;
  double          lon;
  gboolean        metonym;
  gboolean        candidate;

  /*< private >*/
  gatomicrefcount ref_count;
};

GType        tri_mention_get_type          (void) G_GNUC_CONST;
TriMention  *tri_mention_new               (TriMentionKind  kind,
                                            guint           start,
                                            guint           end);
TriMention  *tri_mention_ref               (TriMention     *self);
void         tri_mention_unref             (TriMention     *self);
void         tri_mention_set_value         (TriMention     *self,
                                            const char     *value);
void         tri_mention_set_name          (TriMention     *self,
                                            const char     *name);

const char  *tri_mention_kind_to_string    (TriMentionKind  kind);
const char  *tri_precision_to_string       (TriPrecision    precision);
const char  *tri_time_modifier_to_string   (TriTimeModifier modifier);
const char  *tri_qualifier_to_string       (TriQualifier    qualifier);
const char  *tri_date_source_to_string     (TriDateSource   source);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TriMention, tri_mention_unref)

G_END_DECLS
