/* tri-time-infer.c: reference dates and publication bounds
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

#define G_LOG_DOMAIN "tri-time-infer"

#include "config.h"

#include <string.h>

#include "tri-data.h"
#include "tri-text.h"
#include "tri-time-private.h"

/* How a story with no publication date gets its reference date:
 *
 *  1. L, the earliest the story can be: the latest date written with its
 *     year in a sentence that is not about the future ("năm 2024",
 *     "ngày 7-10-2023") and is not a deadline ("cho đến năm 2030"), and
 *     the start of the terms of the office-holders it names with their
 *     titles ("Thủ tướng Iraq … al-Sudani").
 *  2. A year from relative words: "giữa tháng 10 năm ngoái" next to a
 *     written "tháng 10-2023" puts the story in 2024.
 *  3. U, a near upper bound: the newest reference date of the other
 *     stories on the same page (a page's related stories are rarely newer
 *     than its main one), and the end of the office-holders' terms.
 *  4. Bare days ("27/9", "hôm 23/1") take the year that fits: with a near
 *     bound, the latest on or before it (and after L when possible);
 *     else the earliest on or after L.
 *  5. The reference is the latest of L and the bare days in the past;
 *     with no clue at all, the page's other story's reference.
 *
 * The hits found here are kept on the article (object data) for
 * _tri_time_tag_article(), which anchors them, so the text is read once. */

#define HITS_KEY "tri-time-hits"

typedef struct
{
  char    *actor;
  char    *titles[2];         /* folded */
  guint32  start;
  guint32  end;               /* 0 while in office */
} Term;

typedef struct
{
  GArray     *terms;          /* Term */
  GHashTable *names;          /* actor → GPtrArray of folded names */
} Terms;

static char *
fold (const char *text)
{
  char *f = tri_text_fold (text, -1);

  if (f == NULL)
    f = g_utf8_strdown (text, -1);
  for (char *p = f; *p; p++)
    if (*p == '-' || *p == '\'' || *p == '.')
      *p = ' ';
  return f;
}

static void
add_name (GHashTable *names,
          const char *actor,
          const char *name)
{
  GPtrArray *list;
  char *f;

  if (name == NULL || strlen (name) < 3)
    return;
  list = g_hash_table_lookup (names, actor);
  if (list == NULL)
    {
      list = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (names, g_strdup (actor), list);
    }
  f = fold (name);
  g_strstrip (f);
  g_ptr_array_add (list, f);
  /* "al-Sudani" after the title */
  if (g_str_has_prefix (f, "al "))
    g_ptr_array_add (list, g_strdup (f + 3));
}

static Terms *
terms_load (void)
{
  Terms *self = g_new0 (Terms, 1);
  g_auto(GStrv) term_lines = tri_data_read_lines ("actors/terms.tsv");
  g_auto(GStrv) actor_lines = tri_data_read_lines ("actors/actors.tsv");

  self->terms = g_array_new (FALSE, TRUE, sizeof (Term));
  self->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) g_ptr_array_unref);

  if (term_lines != NULL)
    {
      char **lines = term_lines;

      for (guint i = 0; lines[i]; i++)
        {
          g_auto(GStrv) f = NULL;
          g_auto(GStrv) titles = NULL;
          Term term = { 0 };

          if (tri_data_is_comment (lines[i]))
            continue;
          f = g_strsplit (lines[i], "\t", -1);
          if (g_strv_length (f) < 4)
            continue;
          titles = g_strsplit (f[1], "|", 2);
          term.actor = g_strdup (f[0]);
          term.titles[0] = titles[0] && titles[0][0] ? fold (titles[0]) : NULL;
          term.titles[1] = titles[0] && titles[1] && titles[1][0] ? fold (titles[1]) : NULL;
          term.start = _tri_time_parse_iso (f[3], FALSE);
          term.end = f[4] ? _tri_time_parse_iso (g_strstrip (f[4]), TRUE) : 0;
          g_array_append_val (self->terms, term);
        }
    }
  if (actor_lines != NULL)
    {
      char **lines = actor_lines;

      for (guint i = 0; lines[i]; i++)
        {
          g_auto(GStrv) f = NULL;

          if (tri_data_is_comment (lines[i]))
            continue;
          f = g_strsplit (lines[i], "\t", -1);
          if (g_strv_length (f) < 6 || !g_str_equal (f[1], "person"))
            continue;
          add_name (self->names, f[0], f[2]);
          add_name (self->names, f[0], f[3]);
          {
            g_auto(GStrv) aliases = g_strsplit (f[5], "|", -1);

            for (guint a = 0; aliases[a]; a++)
              add_name (self->names, f[0], aliases[a]);
          }
        }
    }
  return self;
}

static Terms *
terms_get (void)
{
  static Terms *terms;

  if (g_once_init_enter (&terms))
    g_once_init_leave (&terms, terms_load ());
  return terms;
}

static gboolean
name_follows (GPtrArray  *names,
              const char *p)
{
  while (*p == ' ' || *p == ',')
    p++;
  for (guint i = 0; names && i < names->len; i++)
    {
      const char *n = g_ptr_array_index (names, i);
      gsize len = strlen (n);

      if (strncmp (p, n, len) == 0 && !g_ascii_isalnum (p[len]))
        return TRUE;
    }
  return FALSE;
}

/* _tri_time_office_bounds:
 * @text: an article's text
 * @len: its length
 * @earliest: (out): the latest start of a term of an office-holder named
 *   with the title, 0 if none
 * @latest: (out): the earliest end of such a term, 0 if none
 *
 * Reads "Tổng thống Mỹ Joe Biden", "Iraqi Prime Minister Mohammed Shia
 * al-Sudani": the text was written while they held the office (not after
 * "cựu" or "former").
 */
void
_tri_time_office_bounds (const char *text,
                         gsize       len,
                         guint32    *earliest,
                         guint32    *latest)
{
  Terms *terms = terms_get ();
  g_autofree char *raw = g_strndup (text, len);
  g_autofree char *folded = fold (raw);

  *earliest = 0;
  *latest = 0;
  for (guint i = 0; i < terms->terms->len; i++)
    {
      const Term *term = &g_array_index (terms->terms, Term, i);
      GPtrArray *names = g_hash_table_lookup (terms->names, term->actor);

      for (guint k = 0; k < 2; k++)
        {
          const char *title = term->titles[k];
          const char *p = folded;

          if (title == NULL || names == NULL)
            continue;
          while ((p = strstr (p, title)) != NULL)
            {
              gboolean former = (p - folded >= 4 && strncmp (p - 4, "cuu ", 4) == 0)
                                || (p - folded >= 7 && strncmp (p - 7, "former ", 7) == 0);

              if (!former && (p == folded || !g_ascii_isalnum (p[-1]))
                  && name_follows (names, p + strlen (title)))
                {
                  *earliest = MAX (*earliest, term->start);
                  if (term->end != 0)
                    *latest = *latest ? MIN (*latest, term->end) : term->end;
                  break;
                }
              p += strlen (title);
            }
        }
    }
}

/* The office bounds of an article, computed once (folding the text is the
 * slow part) and kept with the hits. */
#define OFFICE_KEY "tri-time-office"

static void
article_office_bounds (TriArticle *article,
                       const char *text,
                       gsize       len,
                       guint32    *earliest,
                       guint32    *latest)
{
  guint32 *bounds = g_object_get_data (G_OBJECT (article), OFFICE_KEY);

  if (bounds == NULL)
    {
      bounds = g_new0 (guint32, 2);
      _tri_time_office_bounds (text, len, &bounds[0], &bounds[1]);
      g_object_set_data_full (G_OBJECT (article), OFFICE_KEY, bounds, g_free);
    }
  *earliest = bounds[0];
  *latest = bounds[1];
}

static GArray *
scan_article (TriArticle *article)
{
  TriTimeLexicon *lexicon = _tri_time_lexicon_get (tri_article_get_language (article));
  GArray *sentences = _tri_article_get_sentences (article);
  GArray *hits = g_array_new (FALSE, FALSE, sizeof (TriTimeHit));
  const char *text = tri_article_get_text (article, NULL);

  for (guint i = 0; i < sentences->len; i++)
    {
      const TriSpan *span = &g_array_index (sentences, TriSpan, i);

      _tri_time_scan (lexicon, text, span->start, span->end, i, hits);
    }
  return hits;
}

static GArray *
get_hits (TriArticle *article)
{
  GArray *hits = g_object_get_data (G_OBJECT (article), HITS_KEY);

  if (hits == NULL)
    {
      hits = scan_article (article);
      g_object_set_data_full (G_OBJECT (article), HITS_KEY, hits, (GDestroyNotify) g_array_unref);
    }
  return hits;
}

static guint
story_index (TriArticle *article,
             guint       offset)
{
  GArray *stories = _tri_article_get_stories (article);

  for (guint i = 0; i < stories->len; i++)
    {
      const TriStory *story = &g_array_index (stories, TriStory, i);

      if (offset >= story->start && offset < story->end)
        return i;
    }
  return 0;
}

/* The first and last day of an explicit hit, without a reference. */
static gboolean
explicit_days (const TriTimeHit *hit,
               guint32          *first,
               guint32          *last)
{
  g_autoptr(TriMention) m = NULL;
  TriTimeHit h = *hit;

  if (!hit->explicit_year || hit->duration || hit->relative
      || hit->precision == TRI_PRECISION_DECADE)
    return FALSE;
  m = tri_mention_new (TRI_MENTION_TIME, hit->start, hit->end);
  if (!_tri_time_resolve (&h, NULL, m) || m->day_first == 0)
    return FALSE;
  *first = m->day_first;
  *last = m->day_last;
  return TRUE;
}

static gboolean
is_bare_day (const TriTimeHit *h)
{
  return h->relative && h->precision == TRI_PRECISION_DAY && !h->rel_unit && !h->weekday
         && !h->explicit_year && h->month > 0 && h->day > 0;
}

/* How many days before the latest date written in full a bare day may
 * fall and still be taken as just before it. */
#define DAY_BEFORE_WRITTEN 45

static guint32
pick (int      month,
      int      day,
      guint32  lower,
      gboolean lower_is_day,
      guint32  upper,
      gboolean near_upper)
{
  GDate date;
  int ly, uy;

  g_date_clear (&date, 1);
  if (upper != 0 && near_upper)
    {
      g_date_set_julian (&date, upper);
      uy = g_date_get_year (&date);
      for (int y = uy; y >= uy - 8; y--)
        {
          guint32 j;

          if (!g_date_valid_dmy (day, month, y))
            continue;
          j = _tri_time_julian (y, month, day);
          if (j <= upper)
            return j;
        }
      return 0;
    }
  /* The latest date written in full is often the article's own day: a
   * bare "17/1" a few days before a written "19/1/2026" is in 2026, not
   * a year after it. */
  if (lower != 0 && upper == 0 && lower_is_day)
    {
      g_date_set_julian (&date, lower);
      ly = g_date_get_year (&date);
      for (int y = ly; y >= ly - 1; y--)
        {
          guint32 j;

          if (!g_date_valid_dmy (day, month, y))
            continue;
          j = _tri_time_julian (y, month, day);
          if (j <= lower)
            {
              if (lower - j <= DAY_BEFORE_WRITTEN)
                return j;
              break;
            }
        }
    }
  if (lower != 0)
    {
      g_date_set_julian (&date, lower);
      ly = g_date_get_year (&date);
      for (int y = ly; y <= ly + 8; y++)
        {
          guint32 j;

          if (!g_date_valid_dmy (day, month, y))
            continue;
          j = _tri_time_julian (y, month, day);
          if (j >= lower)
            return upper == 0 || j <= upper ? j : 0;
        }
    }
  return 0;
}

/* Datelines. */

static char *iso (guint32 j);

/* How many lines from a story's start its dateline may stand, and how
 * long it may be. */
#define DATELINE_LINES     6
#define DATELINE_MAX_BYTES 160

static GHashTable *
dateline_words (void)
{
  static GHashTable *words;

  if (g_once_init_enter (&words))
    {
      GHashTable *w = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_auto(GStrv) lines = tri_data_read_lines ("lexicons/dateline.txt");

      for (guint i = 0; lines && lines[i]; i++)
        if (!tri_data_is_comment (lines[i]))
          g_hash_table_add (w, g_strdup (g_strstrip (lines[i])));
      g_once_init_leave (&words, w);
    }
  return words;
}

/* Whether what stands on a line beside its date is only what datelines
 * carry: a weekday, a time of day and zone, separators, "cập nhật lúc". */
static gboolean
only_dateline_words (const char *text,
                     gsize       len)
{
  g_autofree char *folded = tri_text_fold (text, len);
  GHashTable *words = dateline_words ();
  const char *p = folded;

  while (*p)
    {
      const char *w = p;
      gsize n;

      if (!g_ascii_isalnum (*p))
        {
          /* Letters of other scripts are words we do not know. */
          if ((guchar) *p >= 0x80)
            return FALSE;
          p++;
          continue;
        }
      while (g_ascii_isalnum (*p))
        p++;
      n = p - w;
      if (g_ascii_isdigit (*w))
        {
          gboolean digits = TRUE;

          for (gsize k = 0; k < n; k++)
            digits = digits && g_ascii_isdigit (w[k]);
          /* 08:15, 8h15, GMT+7 */
          if (digits && n <= 2)
            continue;
          if (n <= 5 && (w[1] == 'h' || w[2] == 'h'))
            continue;
          return FALSE;
        }
      {
        g_autofree char *word = g_ascii_strdown (w, n);

        if (!g_hash_table_contains (words, word))
          return FALSE;
      }
    }
  return TRUE;
}

/* How long the place of a wire dateline may be ("WASHINGTON, ", "Erbil,
 * Iraq, "), and the agency after its date ("(AP)") */
#define WIRE_PLACE_MAX_BYTES  48
#define WIRE_AGENCY_MAX_BYTES 24

/* A wire dateline opens the first paragraph: "BAGHDAD, Jan. 17, 2026 —
 * The United States…". Before the date, one to four capitalised words and
 * a comma (the place, maybe its country too); after it, maybe the agency
 * in brackets, then a dash and the story. */
static gboolean
is_wire_dateline (const char *line,
                  gsize       date_start,
                  gsize       date_end,
                  gsize       line_len)
{
  const char *p = line, *place_end = line + date_start;
  const char *q = line + date_end, *end = line + line_len;
  guint words = 0;

  if (date_start == 0 || date_start > WIRE_PLACE_MAX_BYTES)
    return FALSE;
  while (place_end > line && place_end[-1] == ' ')
    place_end--;
  if (place_end == line || place_end[-1] != ',')
    return FALSE;

  /* The place: capitalised words, separated by spaces or commas */
  while (p < place_end - 1)
    {
      gunichar c = g_utf8_get_char (p);

      if (c == ' ' || c == ',')
        {
          p = g_utf8_next_char (p);
          continue;
        }
      if (!g_unichar_isupper (c))
        return FALSE;
      words++;
      while (p < place_end - 1 && *p != ' ' && *p != ',')
        {
          c = g_utf8_get_char (p);
          if (!g_unichar_isalpha (c) && c != '.' && c != '-' && c != '\'' && c != 0x2019)
            return FALSE;
          p = g_utf8_next_char (p);
        }
    }
  if (words == 0 || words > 4)
    return FALSE;

  /* The agency, then the dash */
  while (q < end && *q == ' ')
    q++;
  if (q < end && *q == '(')
    {
      const char *close = memchr (q, ')', MIN ((gsize) (end - q), WIRE_AGENCY_MAX_BYTES));

      if (close == NULL)
        return FALSE;
      q = close + 1;
      while (q < end && *q == ' ')
        q++;
    }
  if (q < end && *q == '-')
    q++;
  else if (end - q >= 3 && (memcmp (q, "\u2014", 3) == 0 || memcmp (q, "\u2013", 3) == 0))
    q += 3;
  else
    return FALSE;
  return q < end && *q == ' ';
}

/* A page pasted as text keeps its dateline ("Thứ hai, 19/1/2026 - 08:15")
 * on a line of its own near the top, or a wire story opens with one
 * ("BAGHDAD, Jan. 17, 2026 — "): the page's own date, as good as a
 * header. The first story's dateline dates the article. */
static void
read_datelines (TriArticle *article,
                GArray     *hits)
{
  GArray *stories = _tri_article_get_stories (article);
  gsize len;
  const char *text = tri_article_get_text (article, &len);
  guint i = 0;

  for (guint s = 0; s < stories->len; s++)
    {
      const TriStory *story = &g_array_index (stories, TriStory, s);
      gsize line_start = story->start;

      if (story->reference != 0)
        continue;
      /* Line by line from the story's start: only a short line near the
       * top can be a dateline, so each hit is looked at once. */
      for (guint lines = 0; lines < DATELINE_LINES && line_start < story->end; )
        {
          const char *eol = memchr (text + line_start, '\n', story->end - line_start);
          gsize line_end = eol ? (gsize) (eol - text) : story->end;
          gboolean found = FALSE;

          while (i < hits->len && g_array_index (hits, TriTimeHit, i).start < line_start)
            i++;
          for (; i < hits->len && !found; i++)
            {
              const TriTimeHit *h = &g_array_index (hits, TriTimeHit, i);
              guint32 first, last;

              if (h->start >= line_end)
                break;
              if (h->end > line_end || h->precision != TRI_PRECISION_DAY || h->future ||
                  !explicit_days (h, &first, &last) || first != last)
                continue;
              if (!(line_end - line_start <= DATELINE_MAX_BYTES &&
                    only_dateline_words (text + line_start, h->start - line_start) &&
                    only_dateline_words (text + h->end, line_end - h->end)) &&
                  !(h->explicit_year &&
                    is_wire_dateline (text + line_start, h->start - line_start, h->end - line_start,
                                      line_end - line_start)))
                continue;
              if (s == 0)
                {
                  g_autofree char *day = iso (first);

                  tri_article_set_published (article, day, TRI_DATE_SOURCE_HEADER);
                }
              _tri_article_set_story_reference (article, s, first, TRI_DATE_SOURCE_HEADER);
              found = TRUE;
            }
          if (found)
            break;
          if (line_end > line_start)
            lines++;
          line_start = line_end + 1;
        }
    }
}

/* _tri_time_infer_references:
 * @article: a segmented article
 *
 * Gives each story with no reference date one reasoned out from its own
 * text (TRI_DATE_SOURCE_INFERRED).
 */
void
_tri_time_infer_references (TriArticle *article)
{
  GArray *stories = _tri_article_get_stories (article);
  GArray *hits;
  gsize len;
  const char *text;
  guint32 office_lo = 0, office_hi = 0;
  gboolean need = FALSE;

  g_return_if_fail (TRI_IS_ARTICLE (article));

  if (tri_article_get_published_source (article) == TRI_DATE_SOURCE_UNKNOWN)
    read_datelines (article, get_hits (article));
  for (guint s = 0; s < stories->len; s++)
    if (g_array_index (stories, TriStory, s).reference == 0)
      need = TRUE;
  if (!need)
    return;

  text = tri_article_get_text (article, &len);
  hits = get_hits (article);
  article_office_bounds (article, text, len, &office_lo, &office_hi);

  /* Stories in order; later ones lean on the earlier ones' references. */
  for (guint s = 0; s < stories->len; s++)
    {
      const TriStory *story = &g_array_index (stories, TriStory, s);
      guint32 lower = office_lo, upper = office_hi, near = 0, ref = 0, latest_bare = 0;
      gboolean lower_is_day = FALSE;
      int clue_year = 0;

      if (story->reference != 0)
        continue;

      /* The page's newest dated story */
      for (guint o = 0; o < stories->len; o++)
        {
          const TriStory *os = &g_array_index (stories, TriStory, o);

          if (o != s)
            near = MAX (near, os->reference);
        }

      for (guint i = 0; i < hits->len; i++)
        {
          const TriTimeHit *h = &g_array_index (hits, TriTimeHit, i);
          guint32 first, last;

          if (story_index (article, h->start) != s)
            continue;
          if (!h->future && !h->until && explicit_days (h, &first, &last) && first >= lower)
            {
              lower = first;
              lower_is_day = first == last;
            }
          /* "tháng 10 năm ngoái" and a written "tháng 10/2023" */
          if (h->has_year_offset && h->month > 0)
            for (guint k = 0; k < hits->len; k++)
              {
                const TriTimeHit *x = &g_array_index (hits, TriTimeHit, k);

                if (x->explicit_year && x->month == h->month && x->year > 0
                    && x->precision == TRI_PRECISION_MONTH)
                  clue_year = x->year - h->year_offset;
              }
        }
      if (clue_year > 0)
        {
          lower = MAX (lower, _tri_time_julian (clue_year, 1, 1));
          upper = upper ? MIN (upper, _tri_time_julian (clue_year, 12, 31))
                        : _tri_time_julian (clue_year, 12, 31);
        }
      if (upper != 0 && lower > upper)
        upper = 0;

      for (guint i = 0; i < hits->len; i++)
        {
          const TriTimeHit *h = &g_array_index (hits, TriTimeHit, i);
          guint32 j;

          if (story_index (article, h->start) != s || !is_bare_day (h) || h->future)
            continue;
          if (near != 0)
            j = pick (h->month, h->day, lower, lower_is_day, upper ? MIN (upper, near) : near, TRUE);
          else
            j = pick (h->month, h->day, lower, lower_is_day, upper, FALSE);
          if (j == 0 && upper != 0)
            j = pick (h->month, h->day, 0, FALSE, upper, TRUE);
          latest_bare = MAX (latest_bare, j);
        }

      if (latest_bare != 0)
        ref = MAX (latest_bare, lower);
      else if (near != 0)
        ref = near;
      else
        ref = lower;
      if (ref != 0)
        _tri_article_set_story_reference (article, s, ref, TRI_DATE_SOURCE_INFERRED);
    }
}

/* _tri_time_tag_article:
 * @article: a segmented article whose stories have their reference dates
 *
 * Adds a time mention for each time expression in the article's sentences.
 */
void
_tri_time_tag_article (TriArticle *article)
{
  GArray *hits;

  g_return_if_fail (TRI_IS_ARTICLE (article));

  hits = get_hits (article);
  for (guint i = 0; i < hits->len; i++)
    {
      const TriTimeHit *h = &g_array_index (hits, TriTimeHit, i);
      const TriStory *story = _tri_article_story_at (article, h->start);
      TriTimeContext context = { 0, FALSE };
      TriMention *m;

      if (story != NULL)
        {
          context.reference = story->reference;
          context.reference_inferred = story->reference_source != TRI_DATE_SOURCE_HEADER
                                       && story->reference_source != TRI_DATE_SOURCE_USER;
        }
      m = _tri_time_hit_to_mention (h, &context);
      if (m != NULL)
        _tri_article_add_mention (article, m);
    }
}

static char *
iso (guint32 j)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, j);
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
}

/* The hit that became mention @m, or NULL. Hits are in text order (one
 * scan of the sentences in order): a binary search, not a walk over all of
 * them for every mention. */
static const TriTimeHit *
hit_of (GArray           *hits,
        const TriMention *m)
{
  guint lo = 0, hi = hits->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (hits, TriTimeHit, mid).start < m->start)
        lo = mid + 1;
      else
        hi = mid;
    }
  for (; lo < hits->len && g_array_index (hits, TriTimeHit, lo).start == m->start; lo++)
    if (g_array_index (hits, TriTimeHit, lo).end == m->end)
      return &g_array_index (hits, TriTimeHit, lo);
  return NULL;
}

/* _tri_time_infer_publication:
 * @article: a tagged article
 *
 * For an article with no publication date, sets bounds on it: not before
 * the latest date it gives for something past (written or reasoned out),
 * within the terms of the office-holders it names, and not after a date
 * written with its year in a sentence about the future. When the bounds
 * meet, the day becomes the article's inferred publication date.
 */
void
_tri_time_infer_publication (TriArticle *article)
{
  GArray *hits;
  GPtrArray *mentions;
  guint32 earliest = 0, latest = 0, future_last = 0, office_lo, office_hi;
  const char *text;
  gsize len;
  g_autofree char *lo = NULL;
  g_autofree char *hi = NULL;

  g_return_if_fail (TRI_IS_ARTICLE (article));

  if (tri_article_get_published_source (article) == TRI_DATE_SOURCE_HEADER
      || tri_article_get_published_source (article) == TRI_DATE_SOURCE_USER)
    {
      g_object_set_data (G_OBJECT (article), HITS_KEY, NULL);
      g_object_set_data (G_OBJECT (article), OFFICE_KEY, NULL);
      return;
    }

  hits = get_hits (article);
  mentions = tri_article_get_mentions (article);
  for (guint i = 0; i < mentions->len; i++)
    {
      const TriMention *m = g_ptr_array_index (mentions, i);
      const TriTimeHit *h;
      gboolean future = FALSE, written = FALSE;

      if (m->kind != TRI_MENTION_TIME || m->day_first == 0
          || m->precision == TRI_PRECISION_DURATION || m->precision == TRI_PRECISION_DECADE)
        continue;
      if ((h = hit_of (hits, m)) != NULL)
        {
          future = h->future || h->until;
          written = h->explicit_year;
        }
      if (!future)
        earliest = MAX (earliest, m->day_first);
      else if (written)
        /* "sẽ kết thúc vào tháng 9/2025" was written before it ended; a
         * future day whose year was reasoned out from a lower bound says
         * nothing sure. */
        future_last = future_last ? MIN (future_last, m->day_last) : m->day_last;
    }

  text = tri_article_get_text (article, &len);
  article_office_bounds (article, text, len, &office_lo, &office_hi);
  earliest = MAX (earliest, office_lo);
  latest = office_hi;
  if (future_last != 0 && future_last >= earliest && (latest == 0 || future_last < latest))
    latest = future_last;
  if (latest != 0 && latest < earliest)
    latest = 0;

  lo = earliest ? iso (earliest) : NULL;
  hi = latest ? iso (latest) : NULL;
  _tri_article_set_published_bounds (article, lo, hi);
  if (earliest != 0 && earliest == latest)
    tri_article_set_published (article, lo, TRI_DATE_SOURCE_INFERRED);

  g_object_set_data (G_OBJECT (article), HITS_KEY, NULL);
  g_object_set_data (G_OBJECT (article), OFFICE_KEY, NULL);
}
