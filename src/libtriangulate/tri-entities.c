/* tri-entities.c: places and actors in an article's text
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-entities"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "tri-article-private.h"
#include "tri-entities-private.h"
#include "tri-fold.h"
#include "tri-gazetteer-private.h"

/* How the tagger reads names, in order:
 *
 * 1. Scan.  The text is folded into tokens once; at each token the name
 *    index gives every name that starts there, and the longest one whose
 *    spelling fits the text wins (a capital where the name has one, capitals
 *    throughout for "US"-like abbreviations).  Names never overlap: in "Bộ
 *    Quốc phòng Iraq" the ministry is named, not Iraq, and its country is
 *    the actor's.
 *
 * 2. Resolve each name.  One-word city names that are common words of the
 *    article's language, and weak names ("Anh", "Nga"), need support.  A
 *    city name glued to an unknown capitalised word is part of someone's
 *    name ("Lloyd Austin").  Among the places a name may be, the cues around
 *    it ("căn cứ", "tỉnh", "air base") choose the kind; then places near the
 *    other places of the article win ("Harir" with "Erbil" is the base);
 *    then countries, regions, provinces and big cities.  A person's one-word
 *    alias that is also a place ("Assad", "Al-Asad") is the person only
 *    with a title before it or the full name elsewhere in the article.
 *
 * 3. Metonyms.  A country or a capital followed by a verb of saying or
 *    deciding ("Tehran said", "Washington và Baghdad đã ra tuyên bố") stands
 *    for its government: the place is marked, and the government is also
 *    reported as an actor.
 *
 * 4. People.  A person's surname alone refers back to the full name seen
 *    earlier; capitalised names after a title, or before a verb of saying,
 *    that are in no list become candidate actors.
 *
 * English adjectives ("Iraqi", "Iranian") are not places: tokens are whole
 * words, so "Iran" never matches inside "Iranian", and the adjectives appear
 * only inside actor names ("Iraqi forces"). */

#define MAX_LENGTHS  TRI_NAME_MAX_TOKENS
#define MAX_CUE_TOKENS 6

typedef struct
{
  guint    first;          /* first token */
  guint    n;              /* tokens */
  guint32  key;            /* in the name index */
  guint    values;         /* first candidate value, in Tagger.values */
  guint    n_values;
  gint     place;          /* chosen place index, or -1 */
  gint     actor;          /* chosen actor index, or -1 */
  gboolean metonym;
} Match;

typedef struct
{
  TriGazetteer         *gz;
  const TriNameMatcher *names;
  const TriNameMatcher *cues;
  TriLanguage           language;
  TriFoldedText         text;
  GArray               *matches;       /* Match */
  GArray               *values;        /* guint32: candidates of all matches */
  gint                 *owner;         /* per token: index of the match covering it, or -1 */
  guint8               *title_case;    /* per token: in a sentence written in title case */
  guint8               *title_cue;     /* per token: part of a title ("Thủ tướng") */
  GHashTable           *full_names;    /* actor index + 1 named in full in the text */
} Tagger;

static const TriToken *
token (Tagger *t,
       guint   i)
{
  return &g_array_index (t->text.tokens, TriToken, i);
}

static guint
n_tokens (Tagger *t)
{
  return t->text.tokens->len;
}

static Match *
match_at (Tagger *t,
          guint   index)
{
  return &g_array_index (t->matches, Match, index);
}

static gboolean
is_place_value (guint32 value)
{
  return (value & TRI_NAME_ACTOR) == 0;
}

static TriPlace *
value_place (Tagger  *t,
             guint32  value)
{
  return _tri_gazetteer_get_place (t->gz, TRI_NAME_INDEX (value));
}

static TriActor *
value_actor (Tagger  *t,
             guint32  value)
{
  return _tri_gazetteer_get_actor (t->gz, TRI_NAME_INDEX (value));
}

/* ---------------------------------------------------------------------- */
/* Cues                                                                   */

static gboolean
cue_applies (Tagger       *t,
             guint32       value,
             TriCueType    type,
             const TriCue **cue_out)
{
  const TriCue *cue = _tri_gazetteer_get_cue (t->gz, value);

  if (cue->type != type)
    return FALSE;
  if (cue->language != TRI_LANGUAGE_ANY && t->language != TRI_LANGUAGE_ANY &&
      cue->language != t->language)
    return FALSE;
  if (cue_out != NULL)
    *cue_out = cue;
  return TRUE;
}

/* Whether the cue phrase @key, found at tokens [@first, @first + @n), is
 * one of @type here. */
static gboolean
key_has_cue (Tagger        *t,
             guint32        key,
             guint          first,
             guint          n,
             TriCueType     type,
             const TriCue **cue_out)
{
  guint n_values;
  const guint32 *values = _tri_name_matcher_get_values (t->cues, key, &n_values);
  g_autofree char *words = NULL;

  for (guint i = 0; i < n_values; i++)
    {
      const TriCue *cue;

      if (!cue_applies (t, values[i], type, &cue))
        continue;
      if (cue->words != NULL)
        {
          if (words == NULL)
            words = _tri_folded_text_dup_words (&t->text, first, n);
          if (strcmp (words, cue->words) != 0)
            continue;
        }
      if (cue_out != NULL)
        *cue_out = cue;
      return TRUE;
    }
  return FALSE;
}

/* A cue phrase of @type that ends just before token @i (and is joined to
 * it, unless @loose): returns its length in tokens, or 0. */
static guint
cue_before (Tagger        *t,
            guint          i,
            TriCueType     type,
            gboolean       loose,
            const TriCue **cue)
{
  if (i == 0 || (token (t, i)->flags & TRI_TOKEN_EXCLUDED))
    return 0;
  if (!loose && !(token (t, i)->flags & TRI_TOKEN_JOINED))
    return 0;
  if (loose && (token (t, i)->flags & TRI_TOKEN_SENTENCE_START))
    return 0;

  for (guint n = MIN (i, MAX_CUE_TOKENS); n > 0; n--)
    {
      guint32 key;
      gboolean joined = TRUE;

      for (guint k = i - n + 1; k < i; k++)
        joined &= (token (t, k)->flags & TRI_TOKEN_JOINED) != 0;
      if (joined && _tri_name_matcher_lookup (t->cues, &t->text, i - n, n, &key) &&
          key_has_cue (t, key, i - n, n, type, cue))
        return n;
    }
  return 0;
}

/* A cue phrase of @type that starts at token @i: returns its length in
 * tokens, or 0. */
static guint
cue_at (Tagger        *t,
        guint          i,
        TriCueType     type,
        const TriCue **cue)
{
  guint lengths[MAX_CUE_TOKENS];
  guint32 keys[MAX_CUE_TOKENS];
  guint found;

  if (i >= n_tokens (t) || (token (t, i)->flags & (TRI_TOKEN_EXCLUDED | TRI_TOKEN_SENTENCE_START)))
    return 0;
  found = _tri_name_matcher_find_at (t->cues, &t->text, i, lengths, keys, MAX_CUE_TOKENS);
  while (found-- > 0)
    if (key_has_cue (t, keys[found], i, lengths[found], type, cue))
      return lengths[found];
  return 0;
}

/* Whether the one token @i is a word of @type (stop, weak, particle). */
static gboolean
token_is_cue (Tagger     *t,
              guint       i,
              TriCueType  type)
{
  guint32 key;

  return _tri_name_matcher_lookup (t->cues, &t->text, i, 1, &key) &&
         key_has_cue (t, key, i, 1, type, NULL);
}

/* After the subject at tokens [.., @end): skip "đã", "has" and the like, and
 * say whether a verb of saying or deciding follows in the same clause. */
static gboolean
verb_follows (Tagger *t,
              guint   end)
{
  guint j = end;

  if (j < n_tokens (t) && !(token (t, j)->flags & TRI_TOKEN_JOINED))
    return FALSE;
  for (guint skipped = 0; skipped < 3; skipped++)
    {
      guint n = cue_at (t, j, TRI_CUE_AUX, NULL);

      if (n == 0)
        break;
      j += n;
    }
  return cue_at (t, j, TRI_CUE_SPEECH, NULL) > 0;
}

/* ---------------------------------------------------------------------- */
/* Scan                                                                   */

static gboolean
spelling_fits (Tagger  *t,
               guint32  value,
               guint    first,
               guint    n)
{
  const TriToken *head = token (t, first);

  /* A name written with a capital needs one in the text: on its first
   * word, or on a later one ("chính phủ Iraq" for "Chính phủ Iraq"). */
  if (!(value & TRI_NAME_LOWER_OK))
    {
      gboolean capital = FALSE;

      for (guint i = first; i < first + n && !capital; i++)
        capital = (token (t, i)->flags & (TRI_TOKEN_CAPITALIZED | TRI_TOKEN_CASELESS)) != 0;
      if (!capital)
        return FALSE;
      if (n == 1 && !(head->flags & (TRI_TOKEN_CAPITALIZED | TRI_TOKEN_CASELESS)))
        return FALSE;
    }

  /* A short word in capitals is an abbreviation: "UAV" is no town "Uav". */
  if (n == 1 && (head->flags & TRI_TOKEN_ALL_CAPS) && head->flen <= 3 &&
      !(value & TRI_NAME_UPPER))
    return FALSE;

  if (!(value & TRI_NAME_MIXED_OK))
    {
      for (guint i = first; i < first + n; i++)
        {
          const TriToken *tok = token (t, i);

          if (tok->flags & TRI_TOKEN_NUMERIC)
            continue;
          if (!(tok->flags & TRI_TOKEN_ALL_CAPS) &&
              !((tok->flags & TRI_TOKEN_CAPITALIZED) && tok->flen == 1))
            return FALSE;
        }
    }
  return TRUE;
}

static void
scan (Tagger *t)
{
  guint lengths[MAX_LENGTHS];
  guint32 keys[MAX_LENGTHS];

  for (guint i = 0; i < n_tokens (t); i++)
    {
      guint found;

      if (token (t, i)->flags & TRI_TOKEN_EXCLUDED)
        continue;
      found = _tri_name_matcher_find_at (t->names, &t->text, i, lengths, keys, MAX_LENGTHS);

      while (found-- > 0)
        {
          guint n = lengths[found];
          guint n_values;
          const guint32 *values = _tri_name_matcher_get_values (t->names, keys[found], &n_values);
          Match match = { i, n, keys[found], t->values->len, 0, -1, -1, FALSE };
          gboolean excluded = FALSE;

          for (guint k = i; k < i + n; k++)
            excluded |= (token (t, k)->flags & TRI_TOKEN_EXCLUDED) != 0;
          if (excluded)
            continue;

          for (guint v = 0; v < n_values; v++)
            {
              if (spelling_fits (t, values[v], i, n))
                {
                  g_array_append_val (t->values, values[v]);
                  match.n_values++;
                }
            }
          if (match.n_values == 0)
            continue;

          g_array_append_val (t->matches, match);
          for (guint k = i; k < i + n; k++)
            t->owner[k] = t->matches->len - 1;
          i += n - 1;
          break;
        }
    }
}

/* ---------------------------------------------------------------------- */
/* Resolution                                                             */

static void
mark_title_case (Tagger *t)
{
  guint start = 0;

  /* Headlines in English capitalise every word, so capitals there say
   * nothing about names. */
  if (t->language == TRI_LANGUAGE_VI)
    return;
  for (guint i = 0; i <= n_tokens (t); i++)
    {
      if (i == n_tokens (t) || (i > start && (token (t, i)->flags & TRI_TOKEN_SENTENCE_START)))
        {
          guint words = 0, capitalised = 0;

          for (guint k = start; k < i; k++)
            {
              const TriToken *tok = token (t, k);

              if (tok->flen < 4 || (tok->flags & TRI_TOKEN_NUMERIC))
                continue;
              words++;
              capitalised += (tok->flags & TRI_TOKEN_CAPITALIZED) != 0;
            }
          if (words >= 3 && capitalised * 4 >= words * 3)
            memset (t->title_case + start, 1, i - start);
          start = i;
        }
    }
}

static void
mark_title_cues (Tagger *t)
{
  for (guint i = 0; i < n_tokens (t); i++)
    {
      guint n;

      if (t->owner[i] >= 0)
        continue;
      n = cue_at (t, i, TRI_CUE_TITLE, NULL);
      if (n == 0 && (token (t, i)->flags & TRI_TOKEN_SENTENCE_START))
        {
          /* cue_at() skips sentence starts; titles often begin one. */
          guint lengths[MAX_CUE_TOKENS];
          guint32 keys[MAX_CUE_TOKENS];
          guint found = _tri_name_matcher_find_at (t->cues, &t->text, i, lengths, keys,
                                                   MAX_CUE_TOKENS);

          while (found-- > 0 && n == 0)
            if (key_has_cue (t, keys[found], i, lengths[found], TRI_CUE_TITLE, NULL))
              n = lengths[found];
        }
      for (guint k = i; k < i + n && k < n_tokens (t); k++)
        if (t->owner[k] < 0)
          t->title_cue[k] = 1;
      if (n > 0)
        i += n - 1;
    }
}

/* A title ends just before token @i, maybe with a country or another name
 * between them ("Thủ tướng Iraq Mohammed …"). */
static gboolean
title_before (Tagger *t,
              guint   i)
{
  if (i == 0 || (token (t, i)->flags & TRI_TOKEN_SENTENCE_START))
    return FALSE;
  if (t->title_cue[i - 1])
    return TRUE;
  if (t->owner[i - 1] >= 0)
    {
      const Match *m = match_at (t, t->owner[i - 1]);

      if (m->first > 0 && m->place >= 0 && t->title_cue[m->first - 1] &&
          (token (t, m->first)->flags & TRI_TOKEN_JOINED))
        return TRUE;
    }
  return FALSE;
}

/* A capitalised word next to token @i that no list knows: the name there
 * is likely part of a longer name, a person's ("Lloyd Austin"). */
static gboolean
unknown_capital (Tagger *t,
                 guint   i)
{
  const TriToken *tok;

  if (i >= n_tokens (t) || t->owner[i] >= 0 || t->title_cue[i] || t->title_case[i])
    return FALSE;
  tok = token (t, i);
  if (!(tok->flags & TRI_TOKEN_CAPITALIZED) || (tok->flags & TRI_TOKEN_EXCLUDED))
    return FALSE;
  /* "Erbil Province", "Mosul Dam": words the cues know describe places. */
  if (token_is_cue (t, i, TRI_CUE_AFTER) || token_is_cue (t, i, TRI_CUE_BEFORE))
    return FALSE;
  return TRUE;
}

static gboolean
glued_to_unknown_name (Tagger      *t,
                       const Match *m)
{
  guint last = m->first + m->n - 1;

  if (t->title_case[m->first])
    return FALSE;
  /* The word before, when it is not where a sentence starts (there
   * "Tại Mosul" is common). */
  if (m->first > 0 && (token (t, m->first)->flags & TRI_TOKEN_JOINED) &&
      !(token (t, m->first - 1)->flags & TRI_TOKEN_SENTENCE_START) &&
      unknown_capital (t, m->first - 1))
    return TRUE;
  if (last + 1 < n_tokens (t) && (token (t, last + 1)->flags & TRI_TOKEN_JOINED) &&
      unknown_capital (t, last + 1))
    return TRUE;
  return FALSE;
}

static int
kind_prior (const TriPlace *place)
{
  switch (tri_place_get_kind (place))
    {
    case TRI_PLACE_KIND_COUNTRY:
      return 90;
    case TRI_PLACE_KIND_REGION:
      /* All curated, and named so by the press ("Trường Sa" is the
       * Spratlys, not Changsha). */
      return 75;
    case TRI_PLACE_KIND_ADMIN1:
      return 50;
    case TRI_PLACE_KIND_AIR_BASE:
    case TRI_PLACE_KIND_MILITARY_BASE:
    case TRI_PLACE_KIND_AIRPORT:
    case TRI_PLACE_KIND_FACILITY:
      /* Curated sites beat villages of the same name, lose to towns. */
      return 40;
    case TRI_PLACE_KIND_CITY:
    default:
      return 20 + (int) (6 * log10 (1.0 + tri_place_get_population (place))) +
             (tri_place_is_capital (place) ? 15 : 0);
    }
}

/* Whether a one-word place name is a common word here and lacks support. */
static gboolean
common_word (Tagger      *t,
             const Match *m,
             TriPlace    *place)
{
  const TriToken *tok = token (t, m->first);
  guint32 key;

  if (m->n != 1)
    return FALSE;

  /* "More than 100 …" is not Moore, Oklahoma: at the start of an English
   * sentence a one-word town must be spelled as its name, not only match
   * it once doubled letters are folded away. */
  if (t->language != TRI_LANGUAGE_VI && (tok->flags & TRI_TOKEN_SENTENCE_START) &&
      tri_place_get_kind (place) == TRI_PLACE_KIND_CITY)
    {
      g_autofree char *written = tri_text_fold (t->text.text + tok->start, tok->end - tok->start);
      g_autofree char *name = tri_text_fold (tri_place_get_name (place), -1);

      if (g_strcmp0 (written, name) != 0)
        return TRUE;
    }

  if (!_tri_name_matcher_lookup (t->cues, &t->text, m->first, 1, &key))
    return FALSE;

  if (key_has_cue (t, key, m->first, 1, TRI_CUE_WEAK, NULL) &&
      ((tok->flags & TRI_TOKEN_SENTENCE_START) || glued_to_unknown_name (t, m) ||
       !_tri_gazetteer_is_weak_spelling (t->gz, t->text.text + tok->core, tok->end - tok->core)))
    return TRUE;

  if ((tri_place_get_kind (place) == TRI_PLACE_KIND_CITY ||
       tri_place_get_kind (place) == TRI_PLACE_KIND_ADMIN1) &&
      key_has_cue (t, key, m->first, 1, TRI_CUE_STOP, NULL))
    {
      /* A Vietnamese capitalised syllable is part of a proper name or starts
       * a sentence: never a foreign town.  An English capitalised word in
       * mid-sentence is a name, at the start of one it may be any word. */
      if (t->language == TRI_LANGUAGE_VI)
        return g_strcmp0 (tri_place_get_country (place), "VN") != 0;
      return (tok->flags & TRI_TOKEN_SENTENCE_START) || t->title_case[m->first];
    }
  return FALSE;
}

/* The kinds of place the words around a match point to; @primary gets the
 * kind each cue names first ("sân bay": airport, then air base). */
static guint16
context_kinds (Tagger      *t,
               const Match *m,
               guint16     *primary)
{
  const TriCue *cue = NULL;
  guint16 kinds = 0;
  guint16 first = 0;

  if (cue_before (t, m->first, TRI_CUE_BEFORE, FALSE, &cue) > 0)
    {
      kinds |= cue->kinds;
      first |= 1 << cue->primary;
    }
  if (cue_at (t, m->first + m->n, TRI_CUE_AFTER, &cue) > 0 &&
      (token (t, m->first + m->n)->flags & TRI_TOKEN_JOINED))
    {
      kinds |= cue->kinds;
      first |= 1 << cue->primary;
    }
  if (primary != NULL)
    *primary = first;
  return kinds;
}

static gboolean
supported_person (Tagger      *t,
                  const Match *m,
                  guint32      value)
{
  if (!(value & TRI_NAME_SURNAME))
    return TRUE;
  return title_before (t, m->first) ||
         g_hash_table_contains (t->full_names, GUINT_TO_POINTER (TRI_NAME_INDEX (value) + 1));
}

/* The best place a match may be, before looking at the other places. */
static gint
best_place (Tagger     *t,
            guint       index,
            GHashTable *anchors,
            GPtrArray  *anchor_places)
{
  const Match *m = match_at (t, index);
  const guint32 *values = &g_array_index (t->values, guint32, m->values);
  guint16 primary;
  guint16 kinds = context_kinds (t, m, &primary);
  gint best = -1;
  double best_score = -G_MAXDOUBLE;
  guint n_places = 0;

  /* Most names have one candidate: no need to weigh it against others. */
  for (guint v = 0; v < m->n_values; v++)
    n_places += is_place_value (values[v]);
  if (n_places <= 1)
    anchor_places = NULL;

  for (guint v = 0; v < m->n_values; v++)
    {
      TriPlace *place;
      double score;

      if (!is_place_value (values[v]))
        continue;
      place = value_place (t, values[v]);
      if (common_word (t, m, place))
        continue;

      score = kind_prior (place);
      if (kinds != 0)
        {
          guint16 bit = 1 << tri_place_get_kind (place);

          score += (primary & bit) ? 100 : (kinds & bit) ? 90 : -10;
        }

      /* Near the article's other places: inside one of them, or close to
       * one.  Anchors exclude this match's own candidates. */
      for (guint a = 0; anchor_places != NULL && a < anchor_places->len; a++)
        {
          TriPlace *anchor = g_ptr_array_index (anchor_places, a);
          double d;

          if (anchor == place ||
              GPOINTER_TO_UINT (g_hash_table_lookup (anchors, anchor)) == index + 1)
            continue;
          if (tri_gazetteer_is_within (t->gz, tri_place_get_id (place), tri_place_get_id (anchor)) &&
              tri_place_get_kind (anchor) != TRI_PLACE_KIND_REGION)
            score += tri_place_get_kind (anchor) == TRI_PLACE_KIND_COUNTRY ? 10 : 25;
          d = tri_place_distance_km (place, anchor);
          if (d < 300)
            score += 15 * (1 - d / 300);
        }

      if (score > best_score)
        {
          best_score = score;
          best = TRI_NAME_INDEX (values[v]);
        }
    }
  return best;
}

/* Matches that turned out to name nothing free their tokens, for
 * candidate names. */
static void
free_dropped (Tagger *t)
{
  for (guint i = 0; i < t->matches->len; i++)
    {
      Match *m = match_at (t, i);

      if (m->place < 0 && m->actor < 0)
        for (guint k = m->first; k < m->first + m->n; k++)
          if (t->owner[k] == (gint) i)
            t->owner[k] = -1;
    }
}

static void
resolve (Tagger *t)
{
  g_autoptr(GHashTable) anchors = g_hash_table_new (NULL, NULL);   /* place → match + 1 */
  g_autoptr(GPtrArray) anchor_places = g_ptr_array_new ();

  /* Full names of people, for their surnames later. */
  for (guint i = 0; i < t->matches->len; i++)
    {
      Match *m = match_at (t, i);
      const guint32 *values = &g_array_index (t->values, guint32, m->values);

      for (guint v = 0; v < m->n_values; v++)
        if (!is_place_value (values[v]) && !(values[v] & TRI_NAME_SURNAME) &&
            tri_actor_get_kind (value_actor (t, values[v])) == TRI_ACTOR_KIND_PERSON)
          g_hash_table_add (t->full_names, GUINT_TO_POINTER (TRI_NAME_INDEX (values[v]) + 1));
    }

  /* First pass: each match on its own; its choice anchors the others. */
  for (guint i = 0; i < t->matches->len; i++)
    {
      gint place = best_place (t, i, anchors, NULL);

      if (place >= 0)
        {
          TriPlace *p = _tri_gazetteer_get_place (t->gz, place);

          if (!g_hash_table_contains (anchors, p))
            {
              g_hash_table_insert (anchors, p, GUINT_TO_POINTER (i + 1));
              g_ptr_array_add (anchor_places, p);
            }
        }
    }

  /* Second pass: with the article's places known. */
  for (guint i = 0; i < t->matches->len; i++)
    {
      Match *m = match_at (t, i);
      const guint32 *values = &g_array_index (t->values, guint32, m->values);
      gint place = best_place (t, i, anchors, anchor_places);
      gint person = -1;
      gint actor = -1;

      for (guint v = 0; v < m->n_values; v++)
        {
          TriActor *a;

          if (is_place_value (values[v]))
            continue;
          a = value_actor (t, values[v]);
          if (tri_actor_get_kind (a) == TRI_ACTOR_KIND_PERSON)
            {
              /* A surname that is also a place ("Assad", "Al-Asad") needs
               * a title or the full name; one that is only a town
               * elsewhere ("Obama") wins unless a cue says place. */
              if (supported_person (t, m, values[v]))
                person = TRI_NAME_INDEX (values[v]);
              else if (place >= 0 &&
                       tri_place_get_kind (_tri_gazetteer_get_place (t->gz, place)) == TRI_PLACE_KIND_CITY &&
                       context_kinds (t, m, NULL) == 0)
                person = TRI_NAME_INDEX (values[v]);
              else if (place < 0)
                person = TRI_NAME_INDEX (values[v]);
            }
          else if (actor < 0)
            actor = TRI_NAME_INDEX (values[v]);
        }

      if (person >= 0)
        {
          m->actor = person;
          m->place = -1;
          continue;
        }
      m->actor = actor;

      /* "Hamas" is the group, not a German town named so in some
       * language; an embassy or a base is both an actor and a place. */
      if (actor >= 0 && place >= 0 &&
          tri_place_get_kind (_tri_gazetteer_get_place (t->gz, place)) == TRI_PLACE_KIND_CITY)
        place = -1;

      m->place = place;
    }

  free_dropped (t);

  /* A town name inside a longer capitalised name is part of that name
   * ("Lloyd Austin", "Trần Văn Vinh"); known once the common words around
   * it were dropped. */
  for (guint i = 0; i < t->matches->len; i++)
    {
      Match *m = match_at (t, i);

      if (m->place >= 0 && m->actor < 0 &&
          tri_place_get_kind (_tri_gazetteer_get_place (t->gz, m->place)) == TRI_PLACE_KIND_CITY &&
          glued_to_unknown_name (t, m))
        m->place = -1;
    }

  free_dropped (t);
}

static gboolean
is_metonym_place (Tagger      *t,
                  const Match *m)
{
  TriPlace *place;

  if (m->place < 0 || m->actor >= 0)
    return FALSE;
  place = _tri_gazetteer_get_place (t->gz, m->place);
  return tri_place_get_kind (place) == TRI_PLACE_KIND_COUNTRY || tri_place_is_capital (place);
}

/* A country or capital as the subject of a verb of saying or deciding,
 * alone or joined to others by "và", "and". */
static gboolean
subject_of_verb (Tagger *t,
                 guint   index,
                 guint   depth)
{
  const Match *m = match_at (t, index);
  guint end = m->first + m->n;
  guint n;

  if (!is_metonym_place (t, m) || depth > 4)
    return FALSE;
  /* "quan chức Iraq khẳng định": officials speak, Iraq only says whose. */
  if (cue_before (t, m->first, TRI_CUE_HEAD, FALSE, NULL) > 0 ||
      cue_before (t, m->first, TRI_CUE_TITLE, FALSE, NULL) > 0)
    return FALSE;
  if (verb_follows (t, end))
    return TRUE;
  n = cue_at (t, end, TRI_CUE_CONJ, NULL);
  if (n > 0 && end + n < n_tokens (t) && t->owner[end + n] >= 0 &&
      match_at (t, t->owner[end + n])->first == end + n &&
      (token (t, end + n)->flags & TRI_TOKEN_JOINED))
    return subject_of_verb (t, t->owner[end + n], depth + 1);
  return FALSE;
}

static void
find_metonyms (Tagger *t)
{
  for (guint i = 0; i < t->matches->len; i++)
    match_at (t, i)->metonym = subject_of_verb (t, i, 0);
}

/* ---------------------------------------------------------------------- */
/* People                                                                 */

/* A surname alone after the full name: "Singh said" after "Sabrina Singh".
 * Builds matches for free capitalised tokens and takes over one-word
 * city matches. */
static void
resolve_surnames (Tagger *t)
{
  g_autoptr(GHashTable) surnames = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_matches = t->matches->len;

  for (guint i = 0; i < n_matches; i++)
    {
      const Match *m = match_at (t, i);
      const TriToken *last;

      if (m->actor < 0 || m->n < 2 ||
          tri_actor_get_kind (_tri_gazetteer_get_actor (t->gz, m->actor)) != TRI_ACTOR_KIND_PERSON)
        continue;
      last = token (t, m->first + m->n - 1);
      g_hash_table_replace (surnames, g_strndup (t->text.folded->str + last->fstart, last->flen),
                            GINT_TO_POINTER (m->actor + 1));
    }
  if (g_hash_table_size (surnames) == 0)
    return;

  for (guint i = 0; i < n_tokens (t); i++)
    {
      const TriToken *tok = token (t, i);
      g_autofree char *folded = NULL;
      gpointer actor;
      Match *owner = t->owner[i] >= 0 ? match_at (t, t->owner[i]) : NULL;

      if (!(tok->flags & TRI_TOKEN_CAPITALIZED) || (tok->flags & TRI_TOKEN_EXCLUDED))
        continue;
      if (owner != NULL &&
          (owner->n != 1 || owner->place < 0 ||
           tri_place_get_kind (_tri_gazetteer_get_place (t->gz, owner->place)) != TRI_PLACE_KIND_CITY))
        continue;
      folded = g_strndup (t->text.folded->str + tok->fstart, tok->flen);
      if ((actor = g_hash_table_lookup (surnames, folded)) == NULL)
        continue;

      if (owner != NULL)
        {
          owner->place = -1;
          owner->actor = GPOINTER_TO_INT (actor) - 1;
        }
      else
        {
          Match m = { i, 1, 0, 0, 0, -1, GPOINTER_TO_INT (actor) - 1, FALSE };

          g_array_append_val (t->matches, m);
          t->owner[i] = t->matches->len - 1;
        }
    }
}

static gboolean
run_token (Tagger *t,
           guint   i)
{
  const TriToken *tok = token (t, i);

  return t->owner[i] < 0 && !t->title_cue[i] &&
         (tok->flags & TRI_TOKEN_CAPITALIZED) &&
         !(tok->flags & (TRI_TOKEN_EXCLUDED | TRI_TOKEN_NUMERIC));
}

/* Capitalised names that no list has, where the text says they are names
 * of someone: after a title, or before a verb of saying; in English also
 * any run of two or more in mid-sentence. */
static void
find_candidates (Tagger    *t,
                 GPtrArray *out,
                 gboolean   emit)
{
  for (guint i = 0; i < n_tokens (t); i++)
    {
      guint end = i + 1;
      gboolean accept;

      if (!run_token (t, i))
        continue;
      while (end < n_tokens (t) && (token (t, end)->flags & TRI_TOKEN_JOINED))
        {
          if (run_token (t, end))
            end++;
          else if (end + 1 < n_tokens (t) && t->owner[end] < 0 &&
                   token_is_cue (t, end, TRI_CUE_PARTICLE) &&
                   (token (t, end + 1)->flags & TRI_TOKEN_JOINED) && run_token (t, end + 1))
            end += 2;
          else
            break;
        }

      /* "Ain al-Asad Air Base": the words after a place that say what
       * kind of place it is are not a name of their own. */
      if (i > 0 && t->owner[i - 1] >= 0 && cue_at (t, i, TRI_CUE_AFTER, NULL) >= end - i)
        {
          i = end - 1;
          continue;
        }
      accept = title_before (t, i) ||
               (end - i >= 2 && verb_follows (t, end)) ||
               (t->language != TRI_LANGUAGE_VI && end - i >= 2 &&
                !(token (t, i)->flags & TRI_TOKEN_SENTENCE_START) && !t->title_case[i]);

      if (accept && emit)
        {
          const TriToken *first = token (t, i);
          const TriToken *last = token (t, end - 1);
          TriMention *mention = tri_mention_new (TRI_MENTION_ACTOR, first->start, last->end);
          g_autofree char *name = g_strndup (t->text.text + first->start, last->end - first->start);

          mention->candidate = TRUE;
          tri_mention_set_name (mention, name);
          g_ptr_array_add (out, mention);
        }
      i = end - 1;
    }
}

/* ---------------------------------------------------------------------- */
/* Output                                                                 */

static void
emit (Tagger         *t,
      TriEntityKinds  kinds,
      GPtrArray      *out)
{
  for (guint i = 0; i < t->matches->len; i++)
    {
      const Match *m = match_at (t, i);
      guint start = token (t, m->first)->start;
      guint end = token (t, m->first + m->n - 1)->end;

      if ((kinds & TRI_ENTITIES_PLACES) && m->place >= 0)
        {
          TriPlace *place = _tri_gazetteer_get_place (t->gz, m->place);
          TriMention *mention = tri_mention_new (TRI_MENTION_PLACE, start, end);

          mention->entity = g_intern_string (tri_place_get_id (place));
          tri_mention_set_name (mention, tri_place_get_name (place));
          mention->lat = tri_place_get_latitude (place);
          mention->lon = tri_place_get_longitude (place);
          mention->metonym = m->metonym;
          g_ptr_array_add (out, mention);
        }

      if (kinds & TRI_ENTITIES_ACTORS)
        {
          TriActor *actor = NULL;

          if (m->actor >= 0)
            actor = _tri_gazetteer_get_actor (t->gz, m->actor);
          else if (m->metonym)
            actor = _tri_gazetteer_get_government (
              t->gz, tri_place_get_country (_tri_gazetteer_get_place (t->gz, m->place)));

          if (actor != NULL)
            {
              TriMention *mention = tri_mention_new (TRI_MENTION_ACTOR, start, end);

              mention->entity = g_intern_string (tri_actor_get_id (actor));
              tri_mention_set_name (mention, tri_actor_get_name (actor));
              g_ptr_array_add (out, mention);
            }
        }
    }

  find_candidates (t, out, (kinds & TRI_ENTITIES_ACTORS) != 0);
}

static int
compare_mentions (gconstpointer a,
                  gconstpointer b)
{
  const TriMention *x = *(TriMention * const *) a;
  const TriMention *y = *(TriMention * const *) b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return (int) x->kind - (int) y->kind;
}

static int
compare_spans (const void *a,
               const void *b)
{
  const TriSpan *x = a, *y = b;

  return x->start < y->start ? -1 : x->start > y->start;
}

/**
 * _tri_entities_tag_text:
 * @gazetteer: the names to look for
 * @text: NFC UTF-8 text
 * @len: its length in bytes
 * @language: (nullable): its BCP 47 language ("vi", "en")
 * @excluded: (array length=n_excluded) (nullable): byte ranges to skip
 *   (boilerplate, time expressions), in any order
 * @n_excluded: their number
 * @kinds: places, actors or both
 *
 * Returns: (transfer full) (element-type TriMention): the place and actor
 *   mentions, by position; unknown names never fail, they are candidates
 *   or nothing
 */
GPtrArray *
_tri_entities_tag_text (TriGazetteer   *gazetteer,
                        const char     *text,
                        gsize           len,
                        const char     *language,
                        const TriSpan  *excluded,
                        guint           n_excluded,
                        TriEntityKinds  kinds)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) tri_mention_unref);
  Tagger t = { 0, };
  guint n;

  g_return_val_if_fail (TRI_IS_GAZETTEER (gazetteer), out);
  g_return_val_if_fail (text != NULL || len == 0, out);

  t.gz = gazetteer;
  t.names = _tri_gazetteer_get_names (gazetteer);
  t.cues = _tri_gazetteer_get_cues (gazetteer);
  t.language = _tri_language_from_string (language);
  _tri_folded_text_init (&t.text, text, len);
  n = n_tokens (&t);
  t.matches = g_array_new (FALSE, FALSE, sizeof (Match));
  t.values = g_array_new (FALSE, FALSE, sizeof (guint32));
  t.owner = g_new (gint, n + 1);
  t.title_case = g_new0 (guint8, n + 1);
  t.title_cue = g_new0 (guint8, n + 1);
  t.full_names = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < n; i++)
    t.owner[i] = -1;

  /* Ranges and tokens both in order: one pass over each */
  if (n_excluded > 0)
    {
      g_autofree TriSpan *ranges = g_memdup2 (excluded, n_excluded * sizeof (TriSpan));
      guint e = 0;

      qsort (ranges, n_excluded, sizeof (TriSpan), compare_spans);
      for (guint i = 0; i < n; i++)
        {
          TriToken *tok = &g_array_index (t.text.tokens, TriToken, i);
          const TriToken *prev = i > 0 ? &g_array_index (t.text.tokens, TriToken, i - 1) : NULL;
          guint from = prev ? prev->end : tok->start;

          while (e < n_excluded && ranges[e].end <= from)
            e++;
          for (guint f = e; f < n_excluded && ranges[f].start < tok->end; f++)
            {
              if (tok->start < ranges[f].end && ranges[f].start < tok->end)
                tok->flags |= TRI_TOKEN_EXCLUDED;
              /* No name reaches across an excluded range, even one that
               * holds only the space between two words. */
              if (prev != NULL && prev->end < ranges[f].end && ranges[f].start < tok->start)
                tok->flags &= ~TRI_TOKEN_JOINED;
            }
        }
    }

  scan (&t);
  mark_title_case (&t);
  mark_title_cues (&t);
  resolve (&t);
  find_metonyms (&t);
  resolve_surnames (&t);
  emit (&t, kinds, out);
  g_ptr_array_sort (out, compare_mentions);

  _tri_folded_text_clear (&t.text);
  g_array_unref (t.matches);
  g_array_unref (t.values);
  g_free (t.owner);
  g_free (t.title_case);
  g_free (t.title_cue);
  g_hash_table_unref (t.full_names);
  return out;
}

static void
tag_article (TriGazetteer   *gazetteer,
             TriArticle     *article,
             TriEntityKinds  kinds)
{
  g_autoptr(GPtrArray) mentions = NULL;
  g_autoptr(GArray) excluded = g_array_new (FALSE, FALSE, sizeof (TriSpan));
  GArray *boilerplate = _tri_article_get_boilerplate (article);
  const char *text;
  gsize len;

  GPtrArray *found = tri_article_get_mentions (article);

  for (guint i = 0; boilerplate != NULL && i < boilerplate->len; i++)
    {
      const TriBoilerplate *b = &g_array_index (boilerplate, TriBoilerplate, i);
      TriSpan span = { b->start, b->end };

      g_array_append_val (excluded, span);
    }
  /* A time expression names no place: "In March last year" is no town
   * called March */
  for (guint i = 0; found != NULL && i < found->len; i++)
    {
      const TriMention *m = g_ptr_array_index (found, i);
      TriSpan span = { m->start, m->end };

      if (m->kind == TRI_MENTION_TIME)
        g_array_append_val (excluded, span);
    }

  text = tri_article_get_text (article, &len);
  mentions = _tri_entities_tag_text (gazetteer, text, len, tri_article_get_language (article),
                                     (const TriSpan *) (gpointer) excluded->data, excluded->len,
                                     kinds);
  for (guint i = 0; i < mentions->len; i++)
    {
      TriMention *mention = g_ptr_array_index (mentions, i);

      mention->sentence = tri_article_find_sentence (article, mention->start);
      _tri_article_add_mention (article, tri_mention_ref (mention));
    }
}

/**
 * _tri_places_tag_article:
 * @gazetteer: (nullable): the gazetteer, or %NULL for the default one
 * @article: an article with its text, language and boilerplate set
 *
 * Adds the article's place mentions, outside its boilerplate.
 */
void
_tri_places_tag_article (TriGazetteer *gazetteer,
                         TriArticle   *article)
{
  g_return_if_fail (gazetteer == NULL || TRI_IS_GAZETTEER (gazetteer));
  g_return_if_fail (TRI_IS_ARTICLE (article));

  tag_article (gazetteer != NULL ? gazetteer : tri_gazetteer_get_default (), article,
               TRI_ENTITIES_PLACES);
}

/**
 * _tri_actors_tag_article:
 * @gazetteer: (nullable): the gazetteer, or %NULL for the default one
 * @article: an article with its text, language and boilerplate set
 *
 * Adds the article's actor mentions, outside its boilerplate: known actors,
 * the governments that capitals stand for, and candidate names.
 */
void
_tri_actors_tag_article (TriGazetteer *gazetteer,
                         TriArticle   *article)
{
  g_return_if_fail (gazetteer == NULL || TRI_IS_GAZETTEER (gazetteer));
  g_return_if_fail (TRI_IS_ARTICLE (article));

  tag_article (gazetteer != NULL ? gazetteer : tri_gazetteer_get_default (), article,
               TRI_ENTITIES_ACTORS);
}
