/* tri-time-private.h: the time stage of the pipeline
 *
 * Copyright 2026 The Triangulate authors
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tri-article-private.h"
#include "tri-time.h"

G_BEGIN_DECLS

typedef struct _TriTimeLexicon TriTimeLexicon;

/* What the tagger knows when it reads a stretch of text. */
typedef struct
{
  guint32  reference;          /* GDate Julian day; 0 when unknown */
  gboolean reference_inferred; /* the reference was reasoned out */
} TriTimeContext;

/* One time expression, before and after it is anchored. */
typedef struct
{
  guint           start;
  guint           end;
  guint           sentence;
  TriPrecision    precision;
  TriTimeModifier modifier;
  gboolean        future;      /* in a sentence about the future */
  gboolean        past;        /* said to be before the reference ("hôm") */
  gboolean        until;       /* a deadline: "cho đến tháng 9/2026", "until 2026" */
  gboolean        explicit_year; /* the year was written */
  gboolean        duration;
  gboolean        relative;    /* needs the reference (a relative word or a bare date) */
  int             year;        /* as written or resolved; 0 when unknown */
  int             month;
  int             day;
  int             quarter;
  int             decade;      /* 199 for the 1990s */
  int             weekday;     /* 1 Monday … 7 Sunday, bare weekday */
  int             week_offset; /* "thứ Bảy tuần trước": the weekday of that week */
  gboolean        has_week_offset;
  int             rel_unit;    /* 'd' 'w' 'e' (weekend) 'm' 'y', 0 if none */
  int             rel_offset;
  int             year_offset; /* "tháng 10 năm ngoái": month + relative year */
  gboolean        has_year_offset;
  int             dur_n;       /* duration: count and unit (Y M W D H N) */
  char            dur_unit;
  int             dur_dir;     /* +1 forward, -1 back, 2 ago, 0 none */
} TriTimeHit;

TriTimeLexicon *_tri_time_lexicon_get      (const char      *language);
void            _tri_time_scan             (TriTimeLexicon  *lexicon,
                                            const char      *text,
                                            guint            start,
                                            guint            end,
                                            guint            sentence,
                                            GArray          *hits);
const char     *_tri_time_lexicon_format   (TriTimeLexicon  *lexicon,
                                            guint            which);
gboolean        _tri_time_resolve          (TriTimeHit      *hit,
                                            const TriTimeContext *context,
                                            TriMention      *mention);
TriMention     *_tri_time_hit_to_mention   (const TriTimeHit *hit,
                                            const TriTimeContext *context);
guint32         _tri_time_julian           (int              year,
                                            int              month,
                                            int              day);
guint32         _tri_time_parse_iso        (const char      *iso,
                                            gboolean         last);

void            _tri_time_office_bounds    (const char      *text,
                                            gsize            len,
                                            guint32         *earliest,
                                            guint32         *latest);

void            _tri_time_infer_references (TriArticle      *article);
void            _tri_time_tag_article      (TriArticle      *article);
void            _tri_time_infer_publication (TriArticle     *article);

G_END_DECLS
