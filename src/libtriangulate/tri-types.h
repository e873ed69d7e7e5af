/* tri-types.h
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(TRIANGULATE_INSIDE) && !defined(TRIANGULATE_COMPILATION)
# error "Only <triangulate.h> can be included directly."
#endif

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _TriArticle TriArticle;
typedef struct _TriCorpus  TriCorpus;
typedef struct _TriMention TriMention;

/**
 * TriSpan:
 * @start: first byte, into the article's normalised text
 * @end: byte after the last one
 *
 * A half-open byte range of an article's normalised (NFC) text.
 */
typedef struct
{
  guint start;
  guint end;
} TriSpan;

/**
 * TriMentionKind:
 * @TRI_MENTION_TIME: a date, period or duration
 * @TRI_MENTION_QUANTITY: a counted amount
 * @TRI_MENTION_PLACE: a place from the gazetteer
 * @TRI_MENTION_ACTOR: a person, government, force or group
 */
typedef enum /*< prefix=TRI_MENTION >*/
{
  TRI_MENTION_TIME,
  TRI_MENTION_QUANTITY,
  TRI_MENTION_PLACE,
  TRI_MENTION_ACTOR,
} TriMentionKind;

/**
 * TriPrecision:
 * @TRI_PRECISION_NONE: not a time
 * @TRI_PRECISION_DAY: a calendar day
 * @TRI_PRECISION_WEEK: an ISO week, or part of one
 * @TRI_PRECISION_MONTH: a calendar month
 * @TRI_PRECISION_QUARTER: a quarter of a year
 * @TRI_PRECISION_YEAR: a calendar year
 * @TRI_PRECISION_DECADE: a decade
 * @TRI_PRECISION_DURATION: a length of time, not a point in it
 * @TRI_PRECISION_VAGUE: a time too vague to place ("recently")
 */
typedef enum /*< prefix=TRI_PRECISION >*/
{
  TRI_PRECISION_NONE,
  TRI_PRECISION_DAY,
  TRI_PRECISION_WEEK,
  TRI_PRECISION_MONTH,
  TRI_PRECISION_QUARTER,
  TRI_PRECISION_YEAR,
  TRI_PRECISION_DECADE,
  TRI_PRECISION_DURATION,
  TRI_PRECISION_VAGUE,
} TriPrecision;

/**
 * TriTimeModifier:
 * @TRI_TIME_MODIFIER_NONE: the whole period
 * @TRI_TIME_MODIFIER_START: its beginning ("đầu năm", "early")
 * @TRI_TIME_MODIFIER_MID: its middle ("giữa tháng", "mid-")
 * @TRI_TIME_MODIFIER_END: its end ("cuối năm", "late")
 * @TRI_TIME_MODIFIER_APPROX: around it ("khoảng", "around")
 */
typedef enum /*< prefix=TRI_TIME_MODIFIER >*/
{
  TRI_TIME_MODIFIER_NONE,
  TRI_TIME_MODIFIER_START,
  TRI_TIME_MODIFIER_MID,
  TRI_TIME_MODIFIER_END,
  TRI_TIME_MODIFIER_APPROX,
} TriTimeModifier;

/**
 * TriQualifier:
 * @TRI_QUALIFIER_EXACT: as written
 * @TRI_QUALIFIER_APPROX: about
 * @TRI_QUALIFIER_MORE_THAN: more than
 * @TRI_QUALIFIER_LESS_THAN: fewer than
 * @TRI_QUALIFIER_AT_LEAST: at least
 * @TRI_QUALIFIER_AT_MOST: at most, up to
 */
typedef enum /*< prefix=TRI_QUALIFIER >*/
{
  TRI_QUALIFIER_EXACT,
  TRI_QUALIFIER_APPROX,
  TRI_QUALIFIER_MORE_THAN,
  TRI_QUALIFIER_LESS_THAN,
  TRI_QUALIFIER_AT_LEAST,
  TRI_QUALIFIER_AT_MOST,
} TriQualifier;

/**
 * TriDateSource:
 * @TRI_DATE_SOURCE_UNKNOWN: nobody knows
 * @TRI_DATE_SOURCE_HEADER: written in the file's metadata
 * @TRI_DATE_SOURCE_INFERRED: reasoned out from the text
 * @TRI_DATE_SOURCE_USER: set by the researcher
 */
typedef enum /*< prefix=TRI_DATE_SOURCE >*/
{
  TRI_DATE_SOURCE_UNKNOWN,
  TRI_DATE_SOURCE_HEADER,
  TRI_DATE_SOURCE_INFERRED,
  TRI_DATE_SOURCE_USER,
} TriDateSource;

/**
 * TriInputFormat:
 * @TRI_INPUT_FORMAT_TEXT: plain or scraped text
 * @TRI_INPUT_FORMAT_HTML: a saved web page
 * @TRI_INPUT_FORMAT_JSON: one scraper export object
 */
typedef enum /*< prefix=TRI_INPUT_FORMAT >*/
{
  TRI_INPUT_FORMAT_TEXT,
  TRI_INPUT_FORMAT_HTML,
  TRI_INPUT_FORMAT_JSON,
} TriInputFormat;

/**
 * TriError:
 * @TRI_ERROR_NOT_TEXT: the file is binary
 * @TRI_ERROR_INVALID_ENCODING: the bytes are not valid in their encoding
 * @TRI_ERROR_EMPTY: nothing to read
 * @TRI_ERROR_TOO_LARGE: over the size limit
 * @TRI_ERROR_NO_CONTENT: no article body could be found
 * @TRI_ERROR_PARSE: a structured file is malformed
 * @TRI_ERROR_PROJECT: a project file is unusable
 */
typedef enum /*< prefix=TRI_ERROR >*/
{
  TRI_ERROR_NOT_TEXT,
  TRI_ERROR_INVALID_ENCODING,
  TRI_ERROR_EMPTY,
  TRI_ERROR_TOO_LARGE,
  TRI_ERROR_NO_CONTENT,
  TRI_ERROR_PARSE,
  TRI_ERROR_PROJECT,
} TriError;

#define TRI_ERROR (tri_error_quark ())
GQuark tri_error_quark (void);

G_END_DECLS
