/* tri-sentences.c: sentence boundaries
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-sentences"

#include "config.h"

#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include "tri-data.h"
#include "tri-segment-private.h"

/* ICU splits after "TP." and "GS." (it has no Vietnamese rules) and inside
 * quoted speech; both are mended here. Numbers like "2.500" and dates like
 * "18/1" have no space after the dot, so ICU keeps them whole. */

static GHashTable *
abbreviations (void)
{
  static GHashTable *table;

  if (g_once_init_enter (&table))
    {
      GHashTable *t = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_auto(GStrv) lines = tri_data_read_lines ("lexicons/abbreviations.txt");

      if (lines != NULL)
        {
          for (guint i = 0; lines[i]; i++)
            {
              char *line = g_strstrip (lines[i]);

              if (*line && *line != '#')
                g_hash_table_add (t, g_strdup (line));
            }
        }
      g_once_init_leave (&table, t);
    }
  return table;
}

typedef struct
{
  char             *locale;
  UBreakIterator   *bi;
  UText            *ut;
} Breaker;

static void
breaker_free (gpointer data)
{
  Breaker *b = data;

  if (b->bi)
    ubrk_close (b->bi);
  if (b->ut)
    utext_close (b->ut);
  g_free (b->locale);
  g_free (b);
}

/* Break iterators are not thread-safe: keep one per thread. */
static GPrivate breaker_key = G_PRIVATE_INIT (breaker_free);

static Breaker *
get_breaker (const char *language)
{
  Breaker *b = g_private_get (&breaker_key);
  UErrorCode e = U_ZERO_ERROR;

  if (b != NULL && g_strcmp0 (b->locale, language) == 0)
    return b;
  if (b == NULL)
    {
      b = g_new0 (Breaker, 1);
      g_private_set (&breaker_key, b);
    }
  if (b->bi)
    ubrk_close (b->bi);
  g_free (b->locale);
  b->locale = g_strdup (language);
  b->bi = ubrk_open (UBRK_SENTENCE, language, NULL, 0, &e);
  if (U_FAILURE (e))
    {
      e = U_ZERO_ERROR;
      b->bi = ubrk_open (UBRK_SENTENCE, "", NULL, 0, &e);
    }
  return b;
}

/* The last word before @end (exclusive), after trailing spaces, with its
 * final dot, e.g. "TP." — or NULL when it does not end in a dot. */
static gboolean
ends_with_abbreviation (const char *text,
                        gsize       start,
                        gsize       end)
{
  gsize e = end, s;
  g_autofree char *word = NULL;

  while (e > start && g_ascii_isspace (text[e - 1]))
    e--;
  if (e == start || text[e - 1] != '.')
    return FALSE;
  s = e - 1;
  /* Abbreviations are short: look back a few bytes only. */
  while (s > start && e - s < 24 && !g_ascii_isspace (text[s - 1]) && text[s - 1] != '(' &&
         text[s - 1] != '"')
    s--;
  if (e - s >= 24)
    return FALSE;
  word = g_strndup (text + s, e - s);
  if (g_hash_table_contains (abbreviations (), word))
    return TRUE;
  /* An initial: "J. Smith". */
  return g_utf8_strlen (word, -1) == 2 && g_unichar_isupper (g_utf8_get_char (word));
}

/* Whether a quotation is open: counts kept as the text is read, so each
 * byte is looked at once however many boundaries ICU proposes. */
typedef struct
{
  gsize pos;
  guint straight;
  int   curly;
} QuoteState;

static void
quote_reset (QuoteState *q,
             gsize       at)
{
  q->pos = at;
  q->straight = 0;
  q->curly = 0;
}

static gboolean
inside_quote (QuoteState *q,
              const char *text,
              gsize       end)
{
  const char *p = text + q->pos;

  for (; p < text + end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '"')
        q->straight++;
      else if (c == 0x201C || c == 0x00AB)
        q->curly++;
      else if ((c == 0x201D || c == 0x00BB) && q->curly > 0)
        q->curly--;
    }
  q->pos = p - text;
  return (q->straight % 2) == 1 || q->curly > 0;
}

/* No sentence is longer than this: a "sentence" of megabytes (a page with
 * no full stop) is cut at white space, so that no later stage spends
 * quadratic time in one. */
#define MAX_SENTENCE 4096

static void add_one_sentence (GArray     *sentences,
                              const char *text,
                              gsize       start,
                              gsize       end);

static void
add_sentence (GArray     *sentences,
              const char *text,
              gsize       start,
              gsize       end)
{
  while (end - start > MAX_SENTENCE)
    {
      gsize cut = start + MAX_SENTENCE;

      while (cut > start + MAX_SENTENCE / 2 && !g_ascii_isspace (text[cut]))
        cut--;
      if (!g_ascii_isspace (text[cut]))
        {
          cut = start + MAX_SENTENCE;
          while (cut > start && ((guchar) text[cut] & 0xC0) == 0x80)
            cut--;
        }
      if (cut <= start)
        break;
      add_one_sentence (sentences, text, start, cut);
      start = cut;
    }
  add_one_sentence (sentences, text, start, end);
}

static void
add_one_sentence (GArray     *sentences,
                  const char *text,
                  gsize       start,
                  gsize       end)
{
  TriSpan span;

  while (start < end && g_ascii_isspace (text[start]))
    start++;
  while (end > start && g_ascii_isspace (text[end - 1]))
    end--;
  if (start == end)
    return;
  /* Punctuation left over from a cut credit is not a sentence. */
  {
    gboolean has_word = FALSE;

    for (const char *p = text + start; p < text + end && !has_word; p = g_utf8_next_char (p))
      has_word = g_unichar_isalnum (g_utf8_get_char (p));
    if (!has_word)
      return;
  }
  span.start = start;
  span.end = end;
  g_array_append_val (sentences, span);
}

/* Splits one line (a paragraph of scraped text). */
static void
split_paragraph (Breaker    *b,
                 const char *text,
                 gsize       start,
                 gsize       end,
                 GArray     *sentences)
{
  UErrorCode e = U_ZERO_ERROR;
  gsize sentence_start = start;
  int32_t pos;
  QuoteState quotes;

  quote_reset (&quotes, start);

  b->ut = utext_openUTF8 (b->ut, text + start, end - start, &e);
  if (U_FAILURE (e) || b->bi == NULL)
    {
      add_sentence (sentences, text, start, end);
      return;
    }
  ubrk_setUText (b->bi, b->ut, &e);
  if (U_FAILURE (e))
    {
      add_sentence (sentences, text, start, end);
      return;
    }

  ubrk_first (b->bi);
  while ((pos = ubrk_next (b->bi)) != UBRK_DONE)
    {
      gsize at = start + pos;

      if (at >= end)
        break;
      if (inside_quote (&quotes, text, at) ||
          ends_with_abbreviation (text, sentence_start, at))
        continue;
      add_sentence (sentences, text, sentence_start, at);
      sentence_start = at;
      quote_reset (&quotes, at);
    }
  add_sentence (sentences, text, sentence_start, end);
}

void
_tri_sentences_split (TriArticle *article)
{
  gsize len;
  const char *text = tri_article_get_text (article, &len);
  GArray *sentences = _tri_article_get_sentences (article);
  GArray *boilerplate = _tri_article_get_boilerplate (article);
  Breaker *b = get_breaker (tri_article_get_language (article));
  gsize pos = _tri_article_get_body_start (article);
  guint next_block = 0;

  g_array_set_size (sentences, 0);

  while (pos < len)
    {
      const char *eol = memchr (text + pos, '\n', len - pos);
      gsize line_end = eol ? (gsize) (eol - text) : len;
      gsize s = pos;

      /* Cut boilerplate blocks out of the line. */
      while (s < line_end)
        {
          gsize e = line_end;

          while (next_block < boilerplate->len &&
                 g_array_index (boilerplate, TriBoilerplate, next_block).end <= s)
            next_block++;
          if (next_block < boilerplate->len)
            {
              const TriBoilerplate *blk = &g_array_index (boilerplate, TriBoilerplate, next_block);

              if (blk->start <= s)
                {
                  s = MIN (blk->end, line_end);
                  continue;
                }
              if (blk->start < e)
                e = blk->start;
            }
          split_paragraph (b, text, s, e, sentences);
          s = e;
        }
      pos = line_end + 1;
    }
}
