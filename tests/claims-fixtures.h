/* claims-fixtures.h: articles with hand-placed mentions for the claims tests
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <string.h>

#include "tri-article-private.h"
#include "tri-claims-private.h"
#include "tri-loader.h"

static inline TriArticle *
fixture_article (const char *id,
                 const char *text)
{
  g_autoptr(GError) error = NULL;
  TriArticle *article = tri_article_new_from_text (id, text, -1, &error);

  g_assert_no_error (error);
  g_assert_nonnull (article);
  return article;
}

/* The @nth (from 0) occurrence of @needle in the article's text. */
static inline guint
fixture_find (TriArticle *article,
              const char *needle,
              guint       nth)
{
  const char *text = tri_article_get_text (article, NULL);
  const char *p = text;

  for (guint i = 0; ; i++)
    {
      p = strstr (p, needle);
      g_assert_nonnull (p);
      if (i == nth)
        break;
      p++;
    }
  return p - text;
}

static inline TriMention *
fixture_mention (TriArticle     *article,
                 TriMentionKind  kind,
                 const char     *needle,
                 guint           nth)
{
  guint start = fixture_find (article, needle, nth);
  TriMention *m = tri_mention_new (kind, start, start + strlen (needle));

  m->sentence = tri_article_find_sentence (article, start);
  _tri_article_add_mention (article, m);    /* takes it */
  return m;
}

static inline guint32
fixture_julian (int y, int mo, int d)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, mo, y);
  return g_date_get_julian (&date);
}

/* A day, or with @day 0 a month, or with @month 0 a year. */
static inline TriMention *
fixture_time (TriArticle *article,
              const char *needle,
              guint       nth,
              int         year,
              int         month,
              int         day,
              gboolean    inferred)
{
  TriMention *m = fixture_mention (article, TRI_MENTION_TIME, needle, nth);
  g_autofree char *value = NULL;

  if (day)
    {
      value = g_strdup_printf ("%04d-%02d-%02d", year, month, day);
      m->precision = TRI_PRECISION_DAY;
      m->day_first = m->day_last = fixture_julian (year, month, day);
    }
  else if (month)
    {
      value = g_strdup_printf ("%04d-%02d", year, month);
      m->precision = TRI_PRECISION_MONTH;
      m->day_first = fixture_julian (year, month, 1);
      m->day_last = fixture_julian (year, month, g_date_get_days_in_month (month, year));
    }
  else
    {
      value = g_strdup_printf ("%04d", year);
      m->precision = TRI_PRECISION_YEAR;
      m->day_first = fixture_julian (year, 1, 1);
      m->day_last = fixture_julian (year, 12, 31);
    }
  tri_mention_set_value (m, value);
  m->inferred = inferred;
  return m;
}

static inline TriMention *
fixture_quantity (TriArticle   *article,
                  const char   *needle,
                  guint         nth,
                  double        number,
                  TriQualifier  qualifier,
                  const char   *unit)
{
  TriMention *m = fixture_mention (article, TRI_MENTION_QUANTITY, needle, nth);

  m->number = m->number_max = number;
  m->qualifier = qualifier;
  m->unit = g_intern_string (unit);
  return m;
}

static inline TriMention *
fixture_place (TriArticle *article,
               const char *needle,
               guint       nth,
               const char *id,
               double      lat,
               double      lon)
{
  TriMention *m = fixture_mention (article, TRI_MENTION_PLACE, needle, nth);

  m->entity = g_intern_string (id);
  tri_mention_set_name (m, needle);
  m->lat = lat;
  m->lon = lon;
  return m;
}

static inline TriMention *
fixture_actor (TriArticle *article,
               const char *needle,
               guint       nth,
               const char *id)
{
  TriMention *m = fixture_mention (article, TRI_MENTION_ACTOR, needle, nth);

  m->entity = g_intern_string (id);
  tri_mention_set_name (m, needle);
  return m;
}

/* Sorts the mentions and extracts the claims, as tri_article_analyze()
 * does after its taggers. */
static inline GPtrArray *
fixture_claims (TriArticle *article)
{
  _tri_article_sort_mentions (article);
  _tri_claims_extract (article);
  return _tri_article_get_claims (article);
}

static inline TriClaim *
fixture_claim_of_type (TriArticle *article,
                       const char *type,
                       guint       nth)
{
  GPtrArray *claims = _tri_article_get_claims (article);

  for (guint i = 0; claims && i < claims->len; i++)
    {
      TriClaim *c = g_ptr_array_index (claims, i);

      if (g_strcmp0 (c->type, type) == 0 && nth-- == 0)
        return c;
    }
  return NULL;
}

/* The cluster that holds @claim. */
static inline TriCluster *
fixture_cluster_of (GPtrArray *clusters,
                    TriClaim  *claim)
{
  for (guint i = 0; i < clusters->len; i++)
    {
      TriCluster *k = g_ptr_array_index (clusters, i);

      if (g_ptr_array_find (k->claims, claim, NULL))
        return k;
    }
  return NULL;
}
