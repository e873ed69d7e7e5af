/* tri-segment-private.h: the stages that cut an article into parts
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tri-article-private.h"

G_BEGIN_DECLS

/* In order: metadata header → language → boilerplate → stories →
 * sentences. Each stage reads what the earlier ones set. */
void        _tri_segment_article      (TriArticle *article);

void        _tri_header_read          (TriArticle *article);
const char *_tri_language_detect      (const char *text,
                                       gsize       len);
void        _tri_boilerplate_detect   (TriArticle *article);
void        _tri_stories_detect       (TriArticle *article);
void        _tri_sentences_split      (TriArticle *article);
void        _tri_cites_detect         (TriArticle *article);
void        _tri_title_detect         (TriArticle *article);
gboolean    _tri_parse_iso_date       (const char *text,
                                       int        *year,
                                       int        *month,
                                       int        *day);

/* One line of text, as the line-based stages see it. */
typedef struct
{
  guint    start;      /* first byte after leading blanks */
  guint    end;        /* byte after the last non-blank one */
  guint    line_end;   /* the newline (or the end of the text) */
  guint    words;
  guint    chars;
  guint    headline : 1;   /* short, no sentence-final punctuation */
  guint    prose : 1;      /* ends like a sentence, or is long */
  guint    blank : 1;
  guint    junk : 1;       /* inside a boilerplate block */
  guint    partial : 1;    /* touches a boilerplate block */
} TriLine;

GArray     *_tri_lines_scan           (const char *text,
                                       gsize       len,
                                       guint       from);
gboolean    _tri_is_headline_like     (const char *text,
                                       gsize       len,
                                       guint      *words);
const char *_tri_memmem               (const char *haystack,
                                       gsize       haystack_len,
                                       const char *needle,
                                       gsize       needle_len);
gboolean    _tri_is_truncated         (const char *text,
                                       gsize       len);

typedef enum
{
  TRI_LABEL_LIST,
  TRI_LABEL_LINE,
  TRI_LABEL_CREDIT,
} TriLabelScope;

typedef struct
{
  char          *folded;     /* tri_text_fold()ed label: ASCII, lower case */
  char          *casefolded; /* g_utf8_casefold()ed, diacritics kept */
  char          *lower;      /* g_utf8_strdown()ed */
  char          *text;       /* as written in the data file */
  TriLabelScope  scope;
  const char    *why;        /* interned */
} TriLabel;

GPtrArray  *_tri_boilerplate_labels   (const char *language);

G_END_DECLS
