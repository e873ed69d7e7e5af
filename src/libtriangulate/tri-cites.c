/* tri-cites.c: the agencies and outlets an article credits
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-cites"

#include "config.h"

#include <string.h>

#include "tri-data.h"
#include "tri-segment-private.h"

/* Copies of one wire story should later count as one source, so each
 * article lists whom it credits: the agency in a photo credit ("Ảnh:
 * Reuters"), in a dateline ("(AFP) -"), or next to an attribution cue
 * ("theo Bloomberg", "told AFP", "Reuters reported"). Names and cues are
 * in data/lexicons/agencies.tsv. */

typedef struct
{
  char *written;
  char *canonical;
} Agency;

typedef struct
{
  GPtrArray *agencies;   /* Agency, longest first */
  GPtrArray *before;     /* char *, cues written before a name */
  GPtrArray *after;      /* char *, cues written after a name */
} Lexicon;

static void
agency_free (gpointer data)
{
  Agency *a = data;

  g_free (a->written);
  g_free (a->canonical);
  g_free (a);
}

static int
compare_agency_length (gconstpointer a,
                       gconstpointer b)
{
  const Agency *x = *(Agency * const *) a;
  const Agency *y = *(Agency * const *) b;

  return (int) strlen (y->written) - (int) strlen (x->written);
}

static const Lexicon *
lexicon (void)
{
  static Lexicon *lex;

  if (g_once_init_enter (&lex))
    {
      Lexicon *l = g_new0 (Lexicon, 1);
      g_auto(GStrv) lines = tri_data_read_lines ("lexicons/agencies.tsv");

      l->agencies = g_ptr_array_new_with_free_func (agency_free);
      l->before = g_ptr_array_new_with_free_func (g_free);
      l->after = g_ptr_array_new_with_free_func (g_free);
      if (lines != NULL)
        {
          for (guint i = 0; lines[i]; i++)
            {
              g_auto(GStrv) f = NULL;

              if (tri_data_is_comment (lines[i]))
                continue;
              f = g_strsplit (lines[i], "\t", 3);
              if (g_strv_length (f) < 3 || *f[1] == '\0' || *f[2] == '\0')
                continue;
              if (g_str_equal (f[0], "agency"))
                {
                  Agency *a = g_new0 (Agency, 1);

                  a->written = g_strdup (f[1]);
                  a->canonical = g_strdup (g_strstrip (f[2]));
                  g_ptr_array_add (l->agencies, a);
                }
              else if (g_str_equal (f[0], "before"))
                g_ptr_array_add (l->before, g_strdup (g_strstrip (f[2])));
              else if (g_str_equal (f[0], "after"))
                g_ptr_array_add (l->after, g_strdup (g_strstrip (f[2])));
            }
        }
      g_ptr_array_sort (l->agencies, compare_agency_length);
      g_once_init_leave (&lex, l);
    }
  return lex;
}

static gboolean
is_word_char_before (const char *text,
                     gsize       at)
{
  const char *prev;

  if (at == 0)
    return FALSE;
  prev = g_utf8_find_prev_char (text, text + at);
  return prev != NULL && g_unichar_isalnum (g_utf8_get_char (prev));
}

static gboolean
is_word_char_at (const char *text,
                 gsize       len,
                 gsize       at)
{
  return at < len && g_unichar_isalnum (g_utf8_get_char_validated (text + at, len - at));
}

/* Whether a cue ends right before @at (spaces between allowed). */
static gboolean
cue_before (const char *text,
            gsize       line_start,
            gsize       at,
            GPtrArray  *cues)
{
  gsize e = at;

  while (e > line_start && text[e - 1] == ' ')
    e--;
  if (e > line_start && (text[e - 1] == '(' || text[e - 1] == ':'))
    return TRUE;
  for (guint i = 0; i < cues->len; i++)
    {
      const char *cue = g_ptr_array_index (cues, i);
      gsize n = strlen (cue);

      if (e >= line_start + n && memcmp (text + e - n, cue, n) == 0 &&
          !is_word_char_before (text, e - n))
        return TRUE;
    }
  return FALSE;
}

static gboolean
cue_after (const char *text,
           gsize       len,
           gsize       at,
           GPtrArray  *cues)
{
  gsize s = at;

  while (s < len && text[s] == ' ')
    s++;
  if (s < len && text[s] == ')')
    return TRUE;
  for (guint i = 0; i < cues->len; i++)
    {
      const char *cue = g_ptr_array_index (cues, i);
      gsize n = strlen (cue);

      if (s + n <= len && memcmp (text + s, cue, n) == 0 && !is_word_char_at (text, len, s + n))
        return TRUE;
    }
  return FALSE;
}

/* The boilerplate block holding [start, end), or NULL. */
static const TriBoilerplate *
block_at (GArray *boilerplate,
          guint   start,
          guint   end)
{
  guint lo = 0, hi = boilerplate->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      const TriBoilerplate *b = &g_array_index (boilerplate, TriBoilerplate, mid);

      if (b->end <= start)
        lo = mid + 1;
      else if (b->start >= end)
        hi = mid;
      else
        return b;
    }
  return NULL;
}

void
_tri_cites_detect (TriArticle *article)
{
  gsize len;
  const char *text = tri_article_get_text (article, &len);
  const Lexicon *lex = lexicon ();
  GArray *boilerplate = _tri_article_get_boilerplate (article);
  guint body = _tri_article_get_body_start (article);
  const char *credit = g_intern_static_string ("image credit");
  g_autoptr(GHashTable) cited = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < lex->agencies->len; i++)
    {
      const Agency *a = g_ptr_array_index (lex->agencies, i);
      gsize n = strlen (a->written);
      gsize from = body;
      const char *hit;

      /* Once credited, an agency needs no more looking for. */
      if (g_hash_table_contains (cited, a->canonical))
        continue;
      while (from < len && (hit = _tri_memmem (text + from, len - from, a->written, n)) != NULL)
        {
          gsize at = hit - text;
          const TriBoilerplate *blk;
          gsize line_start = at;

          from = at + n;
          if (is_word_char_before (text, at) || is_word_char_at (text, len, at + n))
            continue;
          blk = block_at (boilerplate, at, at + n);
          if (blk != NULL && blk->why != credit)
            continue;
          while (line_start > body && text[line_start - 1] != '\n' && at - line_start < 64)
            line_start--;
          if (blk != NULL || cue_before (text, line_start, at, lex->before) ||
              cue_after (text, len, at + n, lex->after))
            {
              _tri_article_add_cite (article, a->canonical);
              g_hash_table_add (cited, a->canonical);
              break;
            }
        }
    }
}
