/* tri-time.c: the temporal tagger
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

#define G_LOG_DOMAIN "tri-time"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tri-data.h"
#include "tri-time-private.h"

/* One pass per sentence: a tokenizer cuts it into numbers, words and
 * punctuation, lower-casing and looking up a word only when its first two
 * bytes can begin a lexicon word (a 64 Kib bit set); then a small
 * hand-written grammar is tried at every token that is a number or a
 * lexicon word, each rule first checking a bit mask of the categories the
 * token can start. No regular expressions. The language's words are in
 * data/lexicons/time-LANG.tsv.
 *
 * What the mentions mean:
 *  - a date, month, quarter, year or decade covers its days, narrowed by a
 *    modifier: start / mid / end are the first, middle and last third of a
 *    month (days 1–10, 11–20, 21–end), or of a year (Jan–Apr, May–Aug,
 *    Sep–Dec), or of a decade (years 0–2, 3–6, 7–9); approx keeps the period.
 *  - "từ X đến Y", "since X", "until X", "by X" give a mention for each X and
 *    Y with X's own period: the lead words are not part of the mention.
 *  - a duration ("P12M") covers no days (day_first = day_last = 0) unless it
 *    is anchored to the reference: "12 tháng tới" / "the next 12 months"
 *    covers [reference, reference + 12 months), "hai năm qua" / "the past two
 *    years" covers (reference − 2 years, reference]. "3 năm trước" / "three
 *    years ago" is a point: the year (month, week, day) that far back.
 *  - a date that needs the reference date (bare "27/9", "hôm qua", "thứ
 *    Bảy") is marked inferred when the reference itself was inferred; with
 *    no reference at all a bare day is given as "--09-27" (ISO 8601 without
 *    the year), a bare month as "--09", and a relative word has no value.
 *    An inferred reference is only a lower bound of the publication day, so
 *    a day or a week counted from it ("hôm qua", "tuần trước", "thứ Bảy")
 *    has no value either (precision vague; day_first … day_last is the day
 *    or week as computed, widened by two weeks), while months and years
 *    ("tháng trước", "năm ngoái") keep theirs.
 *  - bare days and months take the year that fits the reference: the
 *    latest on or before it (three days' grace) in the past, the earliest
 *    from three days before it on in a sentence about the future ("sẽ",
 *    "will"); "hôm" always looks back. A bare day just before a date with
 *    its year shares that year ("từ 20/12 đến 5/1/2024").
 */

typedef enum
{
  CAT_MONTH,
  CAT_WEEKDAY,
  CAT_LEAD_DAY,
  CAT_LEAD_MONTH,
  CAT_LEAD_YEAR,
  CAT_LEAD_DECADE,
  CAT_LEAD_QUARTER,
  CAT_ORDINAL,
  CAT_MOD,
  CAT_REL,
  CAT_NUMBER,
  CAT_UNIT,
  CAT_DUR_LEAD,
  CAT_DIR_FORWARD,
  CAT_DIR_BACK,
  CAT_AGO,
  CAT_YEAR_CUE,
  CAT_FUTURE,
  CAT_PAST,
  CAT_FORMAT,
  CAT_CONJ,
  CAT_UNTIL,
  N_CATS
} Cat;

static const char * const cat_names[N_CATS] = {
  "month", "weekday", "lead-day", "lead-month", "lead-year", "lead-decade",
  "lead-quarter", "ordinal", "mod", "rel", "number", "unit", "dur-lead",
  "dir-forward", "dir-back", "ago", "year-cue", "future", "past", "format", "conj", "until",
};

typedef struct
{
  Cat    cat;
  guint  n_words;
  char **words;
  int    value;
  int    value2;
} Entry;

enum { FORMAT_START, FORMAT_MID, FORMAT_END, FORMAT_APPROX, FORMAT_DECADE, FORMAT_YEAR, N_FORMATS };

struct _TriTimeLexicon
{
  char       *language;
  GHashTable *first;          /* first word → FirstWord */
  GPtrArray  *entries;
  char       *formats[N_FORMATS];
  /* Bit sets of the first two bytes of lexicon words, as written in lower
   * case or capitalised: a word of the text is only lower-cased when it
   * may be in a phrase, and only looked up when it may start one. */
  guint8      any_pairs[65536 / 8];
  guint8      first_pairs[65536 / 8];
  struct _Slot *slots;        /* first words, open addressing */
  guint       slot_mask;
};

typedef struct _Slot
{
  const char       *key;
  gsize             len;
  guint32           hash;
  struct _FirstWord *fw;
} Slot;

typedef struct _FirstWord
{
  GPtrArray *entries;         /* Entry, longest first */
  guint32    cats;            /* the categories of the entries, a bit each */
} FirstWord;

static void
first_word_free (gpointer data)
{
  FirstWord *fw = data;

  g_ptr_array_unref (fw->entries);
  g_free (fw);
}

static inline guint32
fnv1a (const char *s,
       gsize       len)
{
  guint32 h = 2166136261u;

  for (gsize i = 0; i < len; i++)
    h = (h ^ (guchar) s[i]) * 16777619u;
  return h;
}

static inline guint
pair_of (const guchar *w,
         gsize         len)
{
  return ((guint) w[0] << 8) | (len > 1 ? w[1] : 0);
}

static inline gboolean
pair_in (const guint8 *set,
         guint         pair)
{
  return (set[pair >> 3] >> (pair & 7)) & 1;
}

static void
entry_free (gpointer data)
{
  Entry *e = data;

  g_strfreev (e->words);
  g_free (e);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *x = *(const Entry **) a, *y = *(const Entry **) b;

  return (int) y->n_words - (int) x->n_words;
}

static int
parse_value (Cat         cat,
             const char *text,
             int        *value2)
{
  *value2 = 0;
  switch (cat)
    {
    case CAT_MOD:
      if (g_str_equal (text, "start"))
        return TRI_TIME_MODIFIER_START;
      if (g_str_equal (text, "mid"))
        return TRI_TIME_MODIFIER_MID;
      if (g_str_equal (text, "end"))
        return TRI_TIME_MODIFIER_END;
      return TRI_TIME_MODIFIER_APPROX;
    case CAT_REL:
      {
        g_auto(GStrv) parts = g_strsplit (text, " ", 2);
        int unit = 0;

        if (g_str_equal (parts[0], "day"))
          unit = 'd';
        else if (g_str_equal (parts[0], "week"))
          unit = 'w';
        else if (g_str_equal (parts[0], "weekend"))
          unit = 'e';
        else if (g_str_equal (parts[0], "month"))
          unit = 'm';
        else if (g_str_equal (parts[0], "year"))
          unit = 'y';
        *value2 = parts[1] ? atoi (parts[1]) : 0;
        return unit;
      }
    case CAT_UNIT:
      return text[0];
    case CAT_LEAD_DAY:
      return g_str_equal (text, "past");
    case CAT_DUR_LEAD:
      return g_str_equal (text, "approx");
    case CAT_MONTH:
    case CAT_WEEKDAY:
    case CAT_LEAD_MONTH:
    case CAT_LEAD_YEAR:
    case CAT_LEAD_DECADE:
    case CAT_LEAD_QUARTER:
    case CAT_ORDINAL:
    case CAT_NUMBER:
    case CAT_DIR_FORWARD:
    case CAT_DIR_BACK:
    case CAT_AGO:
    case CAT_YEAR_CUE:
    case CAT_FUTURE:
    case CAT_PAST:
    case CAT_FORMAT:
    case CAT_CONJ:
    case CAT_UNTIL:
    case N_CATS:
    default:
      return atoi (text);
    }
}

/* Adds the first two bytes of @word, lower case and capitalised, to @set. */
static void
add_pair (guint8     *set,
          const char *word)
{
  gunichar c = g_utf8_get_char (word);
  const char *rest = g_utf8_next_char (word);
  gunichar variants[3] = { c, g_unichar_toupper (c), g_unichar_totitle (c) };

  for (guint v = 0; v < G_N_ELEMENTS (variants); v++)
    {
      char buf[16];
      int n = g_unichar_to_utf8 (variants[v], buf);
      guint pair;

      if (n == 1)
        buf[n++] = rest[0];
      pair = pair_of ((const guchar *) buf, strlen (word) > 1 ? 2 : 1);
      set[pair >> 3] |= 1 << (pair & 7);
      /* in capitals: "III", "Q" */
      if (n == 2 && buf[1] >= 'a' && buf[1] <= 'z')
        {
          buf[1] = g_ascii_toupper (buf[1]);
          pair = pair_of ((const guchar *) buf, 2);
          set[pair >> 3] |= 1 << (pair & 7);
        }
    }
}

static TriTimeLexicon *
lexicon_load (const char *language)
{
  TriTimeLexicon *self = g_new0 (TriTimeLexicon, 1);
  g_autofree char *name = g_strdup_printf ("lexicons/time-%s.tsv", language);
  g_auto(GStrv) lines = tri_data_read_lines (name);

  self->language = g_strdup (language);
  self->first = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, first_word_free);
  self->entries = g_ptr_array_new_with_free_func (entry_free);

  if (lines == NULL)
    {
      g_debug ("No time lexicon for %s", language);
      return self;
    }

  for (guint i = 0; lines[i]; i++)
    {
      g_auto(GStrv) fields = NULL;
      g_autofree char *phrase = NULL;
      Entry *e;
      FirstWord *fw;
      int cat = -1;

      if (tri_data_is_comment (lines[i]))
        continue;
      fields = g_strsplit (lines[i], "\t", 3);
      if (g_strv_length (fields) < 3)
        continue;
      g_strstrip (fields[2]);
      for (int c = 0; c < N_CATS; c++)
        if (g_str_equal (fields[0], cat_names[c]))
          cat = c;
      if (cat < 0)
        {
          g_debug ("Unknown category %s in %s", fields[0], name);
          continue;
        }
      if (cat == CAT_FORMAT)
        {
          static const char * const names[N_FORMATS] = { "start", "mid", "end", "approx", "decade", "year" };

          for (guint f = 0; f < N_FORMATS; f++)
            if (g_str_equal (fields[1], names[f]))
              {
                g_free (self->formats[f]);
                self->formats[f] = g_strdup (fields[2]);
              }
          continue;
        }

      phrase = g_utf8_strdown (fields[1], -1);
      e = g_new0 (Entry, 1);
      e->cat = cat;
      e->words = g_strsplit (phrase, " ", -1);
      e->n_words = g_strv_length (e->words);
      e->value = parse_value (cat, fields[2], &e->value2);
      if (e->n_words == 0)
        {
          entry_free (e);
          continue;
        }
      g_ptr_array_add (self->entries, e);
      fw = g_hash_table_lookup (self->first, e->words[0]);
      if (fw == NULL)
        {
          fw = g_new0 (FirstWord, 1);
          fw->entries = g_ptr_array_new ();
          g_hash_table_insert (self->first, g_strdup (e->words[0]), fw);
        }
      g_ptr_array_add (fw->entries, e);
      fw->cats |= 1u << cat;
      add_pair (self->first_pairs, e->words[0]);
      for (guint w = 0; w < e->n_words; w++)
        add_pair (self->any_pairs, e->words[w]);
    }

  {
    GHashTableIter iter;
    gpointer value;

    gpointer key;
    guint size = 64;

    while (size < 4 * g_hash_table_size (self->first))
      size *= 2;
    self->slots = g_new0 (Slot, size);
    self->slot_mask = size - 1;
    g_hash_table_iter_init (&iter, self->first);
    while (g_hash_table_iter_next (&iter, &key, &value))
      {
        gsize len = strlen (key);
        guint32 h = fnv1a (key, len);
        guint i = h & self->slot_mask;

        g_ptr_array_sort (((FirstWord *) value)->entries, compare_entries);
        while (self->slots[i].key != NULL)
          i = (i + 1) & self->slot_mask;
        self->slots[i] = (Slot) { key, len, h, value };
      }
  }

  return self;
}

/* _tri_time_lexicon_get:
 * @language: a BCP 47 language code ("vi", "en")
 *
 * Returns: (transfer none): the time words of @language, loaded once
 * and kept for the life of the process. Unknown languages read as English.
 */
TriTimeLexicon *
_tri_time_lexicon_get (const char *language)
{
  static GMutex lock;
  static GHashTable *lexicons;
  TriTimeLexicon *lexicon;
  char lang[4] = "en";

  if (language != NULL && language[0] && language[1] && (language[2] == '\0' || language[2] == '-'
                                                         || language[2] == '_'))
    {
      lang[0] = g_ascii_tolower (language[0]);
      lang[1] = g_ascii_tolower (language[1]);
    }
  if (!g_str_equal (lang, "vi"))
    lang[0] = 'e', lang[1] = 'n';

  g_mutex_lock (&lock);
  if (lexicons == NULL)
    lexicons = g_hash_table_new (g_str_hash, g_str_equal);
  lexicon = g_hash_table_lookup (lexicons, lang);
  if (lexicon == NULL)
    {
      lexicon = lexicon_load (lang);
      g_hash_table_insert (lexicons, lexicon->language, lexicon);
    }
  g_mutex_unlock (&lock);

  return lexicon;
}

/* A display template of the lexicon: start, mid, end, approx, decade, year. */
const char *
_tri_time_lexicon_format (TriTimeLexicon *lexicon,
                          guint           which)
{
  return which < N_FORMATS ? lexicon->formats[which] : NULL;
}

/* Tokens */

typedef enum
{
  TOK_WORD,
  TOK_NUM,
  TOK_PUNCT,
} TokKind;

typedef struct
{
  guint      start;
  guint      end;
  guint8     kind;
  guint8     space_before;
  guint8     upper;           /* word: starts with a capital */
  guint8     nparts;          /* number: 1–3 parts, 0 for anything longer */
  char       punct;           /* punctuation: the ASCII byte, or '?' */
  char       seps[2];
  guint8     plen[3];
  char       suffix[3];       /* number: letters glued after it ("s", "th") */
  int        parts[3];
  guint      word;            /* word: offset of its lower-case form in the arena, or NO_WORD */
  guint32    cats;            /* word: the categories of the entries it starts */
  GPtrArray *entries;         /* word: lexicon entries it starts, or NULL */
} Tok;

#define NO_WORD G_MAXUINT

typedef struct
{
  TriTimeLexicon *lex;
  const char     *text;
  Tok            *toks;
  guint           n;
  GString        *arena;
  gboolean        future;
  gboolean        english;
  gboolean        any;            /* a number or a lexicon word was seen */
  guint           last_next;      /* the token after the last hit */
  gboolean        last_was_year;  /* the last hit was a year */
  gboolean        maybe_future;   /* a word that can start a future marker */
} Scan;

/* Byte classes of ASCII */
enum { C_LETTER, C_DIGIT, C_SPACE, C_PUNCT };

static const guint8 ascii_class[128] = {
  ['\t'] = C_SPACE, ['\n'] = C_SPACE, ['\v'] = C_SPACE, ['\f'] = C_SPACE, ['\r'] = C_SPACE,
  [' '] = C_SPACE,
  ['0'] = C_DIGIT, ['1'] = C_DIGIT, ['2'] = C_DIGIT, ['3'] = C_DIGIT, ['4'] = C_DIGIT,
  ['5'] = C_DIGIT, ['6'] = C_DIGIT, ['7'] = C_DIGIT, ['8'] = C_DIGIT, ['9'] = C_DIGIT,
  ['!'] = C_PUNCT, ['"'] = C_PUNCT, ['#'] = C_PUNCT, ['$'] = C_PUNCT, ['%'] = C_PUNCT,
  ['&'] = C_PUNCT, ['\''] = C_PUNCT, ['('] = C_PUNCT, [')'] = C_PUNCT, ['*'] = C_PUNCT,
  ['+'] = C_PUNCT, [','] = C_PUNCT, ['-'] = C_PUNCT, ['.'] = C_PUNCT, ['/'] = C_PUNCT,
  [':'] = C_PUNCT, [';'] = C_PUNCT, ['<'] = C_PUNCT, ['='] = C_PUNCT, ['>'] = C_PUNCT,
  ['?'] = C_PUNCT, ['@'] = C_PUNCT, ['['] = C_PUNCT, ['\\'] = C_PUNCT, [']'] = C_PUNCT,
  ['^'] = C_PUNCT, ['_'] = C_PUNCT, ['`'] = C_PUNCT, ['{'] = C_PUNCT, ['|'] = C_PUNCT,
  ['}'] = C_PUNCT, ['~'] = C_PUNCT, [0] = C_SPACE,
  [1] = C_PUNCT, [2] = C_PUNCT, [3] = C_PUNCT, [4] = C_PUNCT, [5] = C_PUNCT, [6] = C_PUNCT,
  [7] = C_PUNCT, [8] = C_PUNCT, [14] = C_PUNCT, [15] = C_PUNCT, [16] = C_PUNCT,
  [17] = C_PUNCT, [18] = C_PUNCT, [19] = C_PUNCT, [20] = C_PUNCT, [21] = C_PUNCT,
  [22] = C_PUNCT, [23] = C_PUNCT, [24] = C_PUNCT, [25] = C_PUNCT, [26] = C_PUNCT,
  [27] = C_PUNCT, [28] = C_PUNCT, [29] = C_PUNCT, [30] = C_PUNCT, [31] = C_PUNCT,
  [127] = C_PUNCT,
};

/* The class of the character at @p and its length in bytes. Outside ASCII:
 * no-break and other spaces, general punctuation (U+2010–U+206F), « » ·
 * and full-width marks; everything else is a letter. */
static inline guint
class_at (const guchar *p,
          const guchar *end,
          guint        *len)
{
  guchar c = *p;

  if (c < 0x80)
    {
      *len = 1;
      return ascii_class[c];
    }
  if (c == 0xC2 && p + 1 < end)
    {
      *len = 2;
      if (p[1] == 0xA0)
        return C_SPACE;
      if (p[1] == 0xAB || p[1] == 0xBB || p[1] == 0xB7)
        return C_PUNCT;
      return C_LETTER;
    }
  if (c == 0xE2 && p + 2 < end && (p[1] == 0x80 || p[1] == 0x81))
    {
      *len = 3;
      return p[1] == 0x80 && p[2] <= 0x8B ? C_SPACE : C_PUNCT;
    }
  if (c == 0xEF && p + 2 < end && p[1] == 0xBC)
    {
      *len = 3;
      return C_PUNCT;
    }
  *len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  if (p + *len > end)
    *len = end - p;
  return C_LETTER;
}

static FirstWord *
lexicon_lookup (TriTimeLexicon *lex,
                const char     *word,
                gsize           len)
{
  guint32 h = fnv1a (word, len);

  for (guint i = h & lex->slot_mask;; i = (i + 1) & lex->slot_mask)
    {
      const Slot *slot = &lex->slots[i];

      if (slot->key == NULL)
        return NULL;
      if (slot->hash == h && slot->len == len && memcmp (slot->key, word, len) == 0)
        return slot->fw;
    }
}

/* Lower-cases the word [w, end) into @out (room for 4 bytes per byte);
 * Vietnamese capitals have fast paths. Returns the length. */
static inline guint
lower_word (const guchar *w,
            const guchar *end,
            char         *out)
{
  guint n = 0;

  while (w < end)
    {
      guchar c = *w;

      if (c < 0x80)
        {
          out[n++] = (c >= 'A' && c <= 'Z') ? c | 0x20 : c;
          w++;
        }
      else if (c == 0xC3 && w + 1 < end && w[1] >= 0x80 && w[1] <= 0x9E && w[1] != 0x97)
        {
          out[n++] = c;
          out[n++] = w[1] + 0x20;
          w += 2;
        }
      else if ((c == 0xC4 || c == 0xC5 || c == 0xC6) && w + 1 < end
               && ((c != 0xC6 && !(w[1] & 1)) || (c == 0xC6 && (w[1] == 0xA0 || w[1] == 0xAF))))
        {
          /* Ā…ķ, Ŋ…ŷ: even capitals; Ơ, Ư */
          out[n++] = c;
          out[n++] = w[1] + 1;
          w += 2;
        }
      else if (c == 0xE1 && w + 2 < end && (w[1] == 0xBA || w[1] == 0xBB)
               && (w[1] == 0xBB || w[2] >= 0xA0))
        {
          /* Ạ…Ỹ (U+1EA0–U+1EF9): even capitals */
          out[n++] = c;
          out[n++] = w[1];
          out[n++] = w[2] | 1;
          w += 3;
        }
      else
        {
          const char *next = g_utf8_find_next_char ((const char *) w, (const char *) end);
          gunichar u = g_utf8_get_char_validated ((const char *) w, end - w);

          if (u == (gunichar) -1 || u == (gunichar) -2)
            out[n++] = c;
          else
            n += g_unichar_to_utf8 (g_unichar_tolower (u), out + n);
          w = next ? (const guchar *) next : end;
        }
    }
  return n;
}

/* A growing array of tokens, reused from sentence to sentence. */
typedef struct
{
  Tok   *data;
  guint  len;
  guint  cap;
} Toks;

static inline Tok *
push_tok (Toks *toks)
{
  if (G_UNLIKELY (toks->len == toks->cap))
    {
      toks->cap = MAX (128, toks->cap * 2);
      toks->data = g_renew (Tok, toks->data, toks->cap);
    }
  return &toks->data[toks->len++];
}

static void
tokenize (Scan   *s,
          guint   start,
          guint   end,
          Toks   *toks)
{
  const guchar *text = (const guchar *) s->text;
  const guchar *lim = text + end;
  const guchar *p = text + start;
  gboolean space = TRUE;

  while (p < lim)
    {
      Tok *t;
      guint len;
      guint cls = class_at (p, lim, &len);

      if (cls == C_SPACE)
        {
          p += len;
          space = TRUE;
          continue;
        }

      t = push_tok (toks);
      memset (t, 0, sizeof *t);
      t->start = p - text;
      t->space_before = space;
      t->word = NO_WORD;
      space = FALSE;

      if (cls == C_DIGIT)
        {
          guint k = 0;

          s->any = TRUE;
          t->kind = TOK_NUM;
          for (;;)
            {
              int v = 0;
              guint digits = 0;

              while (p < lim && *p >= '0' && *p <= '9')
                {
                  if (digits < 9)
                    v = v * 10 + (*p - '0');
                  digits++;
                  p++;
                }
              if (k < 3)
                {
                  t->parts[k] = v;
                  t->plen[k] = MIN (digits, 255);
                }
              k++;
              if (p + 1 < lim && (*p == '/' || *p == '-' || *p == '.') && p[1] >= '0' && p[1] <= '9')
                {
                  if (k < 3)
                    t->seps[k - 1] = *p;
                  p++;
                  continue;
                }
              break;
            }
          t->nparts = k <= 3 ? k : 0;
          /* Letters glued to the number: "1990s", "18th", "5km". */
          {
            guint sl = 0;

            while (p < lim && *p < 0x80 && g_ascii_isalpha (*p))
              {
                if (sl < 2)
                  t->suffix[sl] = *p | 0x20;
                sl++;
                p++;
              }
            if (sl > 2)
              t->nparts = 0, t->suffix[0] = '?';
            if (p < lim && *p >= 0x80 && class_at (p, lim, &len) == C_LETTER)
              t->nparts = 0;
          }
          t->end = p - text;
          continue;
        }

      if (cls == C_PUNCT)
        {
          t->kind = TOK_PUNCT;
          t->punct = *p < 0x80 ? (char) *p : '?';
          p += len;
          t->end = p - text;
          continue;
        }

      /* A word: letters up to a space, a digit or punctuation. */
      {
        const guchar *w = p;
        guint pair;

        p += len;
        while (p < lim)
          {
            if (*p < 0x80)
              {
                if (ascii_class[*p] != C_LETTER)
                  break;
                p++;
              }
            else if (class_at (p, lim, &len) == C_LETTER)
              p += len;
            else
              break;
          }
        t->kind = TOK_WORD;
        t->end = p - text;
        pair = pair_of (w, p - w);
        if (pair_in (s->lex->any_pairs, pair) && p - w < 64)
          {
            t->upper = (*w >= 'A' && *w <= 'Z')
                       || (*w >= 0x80 && g_unichar_isupper (g_utf8_get_char ((const char *) w)));
            gsize at = s->arena->len;
            guint n;

            g_string_set_size (s->arena, at + 4 * (p - w) + 1);
            n = lower_word (w, p, s->arena->str + at);
            s->arena->str[at + n] = '\0';
            g_string_set_size (s->arena, at + n + 1);
            t->word = at;
            if (pair_in (s->lex->first_pairs, pair))
              {
                FirstWord *fw = lexicon_lookup (s->lex, s->arena->str + at, n);

                if (fw != NULL)
                  {
                    t->entries = fw->entries;
                    t->cats = fw->cats;
                    s->any = TRUE;
                    if (fw->cats & (1u << CAT_FUTURE))
                      s->maybe_future = TRUE;
                  }
              }
          }
      }
    }
}

static inline const char *
tok_word (Scan       *s,
          const Tok  *t)
{
  return t->word != NO_WORD ? s->arena->str + t->word : "";
}

static guint match_entries (Scan *s, guint i, Cat cat, const Entry **out);

/* The longest entry of @cat that starts at token @i; returns the number of
 * tokens it spans, or 0. */
static inline guint
match (Scan          *s,
       guint          i,
       Cat            cat,
       const Entry  **out)
{
  if (i >= s->n || !(s->toks[i].cats & (1u << cat)))
    return 0;
  return match_entries (s, i, cat, out);
}

static guint
match_entries (Scan          *s,
               guint          i,
               Cat            cat,
               const Entry  **out)
{
  const Tok *t = &s->toks[i];

  for (guint k = 0; k < t->entries->len; k++)
    {
      const Entry *e = g_ptr_array_index (t->entries, k);
      gboolean ok = TRUE;

      if (e->cat != cat)
        continue;
      if (i + e->n_words > s->n)
        continue;
      for (guint w = 1; w < e->n_words && ok; w++)
        {
          const Tok *u = &s->toks[i + w];

          if (u->kind == TOK_WORD)
            ok = u->word != NO_WORD && strcmp (tok_word (s, u), e->words[w]) == 0;
          else if (u->kind == TOK_NUM && u->nparts == 1 && u->suffix[0] == 0)
            {
              char buf[16];

              g_snprintf (buf, sizeof buf, "%d", u->parts[0]);
              ok = g_str_equal (buf, e->words[w]);
            }
          else
            ok = FALSE;
        }
      if (ok)
        {
          if (out)
            *out = e;
          return e->n_words;
        }
    }
  return 0;
}

static inline gboolean
is_cat (Scan *s,
        guint i,
        Cat   cat)
{
  return match (s, i, cat, NULL) > 0;
}

static inline const Tok *
tok_at (Scan  *s,
        guint  i)
{
  return i < s->n ? &s->toks[i] : NULL;
}

static inline gboolean
is_simple_num (const Tok *t)
{
  return t != NULL && t->kind == TOK_NUM && t->nparts == 1 && t->suffix[0] == 0;
}

/* "18th", "1st", "2nd", "3rd" */
static inline gboolean
is_ordinal_num (const Tok *t)
{
  return t != NULL && t->kind == TOK_NUM && t->nparts == 1 && t->plen[0] <= 2
         && (strncmp (t->suffix, "th", 2) == 0 || strncmp (t->suffix, "st", 2) == 0
             || strncmp (t->suffix, "nd", 2) == 0 || strncmp (t->suffix, "rd", 2) == 0);
}

static inline gboolean
is_year_num (const Tok *t)
{
  return is_simple_num (t) && t->plen[0] == 4 && t->parts[0] >= 1000 && t->parts[0] <= 2199;
}

static inline gboolean
is_punct (const Tok *t,
          char       c)
{
  return t != NULL && t->kind == TOK_PUNCT && t->punct == c;
}

static inline gboolean
valid_day_month (int d,
                 int m)
{
  static const int max[] = { 0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

  return m >= 1 && m <= 12 && d >= 1 && d <= max[m];
}

static inline gboolean
valid_date (int y,
            int m,
            int d)
{
  return y >= 1 && y <= 9999 && valid_day_month (d, m) && g_date_valid_dmy (d, m, y);
}

/* A day: "27/1", "27-1", "7-10-2023", "27/9/2024", "7.10.2023". */
static gboolean
num_day (const Tok  *t,
         gboolean    lead,
         TriTimeHit *h)
{
  if (t == NULL || t->kind != TOK_NUM || t->suffix[0] != 0)
    return FALSE;
  if (t->nparts == 3 && t->plen[0] <= 2 && t->plen[1] <= 2 && t->plen[2] == 4
      && t->seps[0] == t->seps[1]
      && valid_date (t->parts[2], t->parts[1], t->parts[0]))
    {
      h->day = t->parts[0];
      h->month = t->parts[1];
      h->year = t->parts[2];
      h->explicit_year = TRUE;
      h->precision = TRI_PRECISION_DAY;
      return TRUE;
    }
  if (t->nparts == 2 && t->plen[0] <= 2 && t->plen[1] <= 2 && t->seps[0] != '.'
      && valid_day_month (t->parts[0], t->parts[1]))
    {
      /* Without a lead word, "1/3" and "2/5" are fractions and "2-1" is a
       * score or a range; only "d/m" with a day past the month's number
       * or a two-digit day passes. */
      if (!lead)
        {
          if (t->seps[0] != '/')
            return FALSE;
          if (t->parts[0] < t->parts[1] && t->plen[0] == 1)
            return FALSE;
        }
      h->day = t->parts[0];
      h->month = t->parts[1];
      h->relative = TRUE;
      h->precision = TRI_PRECISION_DAY;
      return TRUE;
    }
  return FALSE;
}

/* ISO 8601: "2024-09-27". */
static gboolean
num_iso (const Tok  *t,
         TriTimeHit *h)
{
  if (t == NULL || t->kind != TOK_NUM || t->nparts != 3 || t->suffix[0] != 0)
    return FALSE;
  if (t->plen[0] == 4 && t->plen[1] == 2 && t->plen[2] == 2 && t->seps[0] == '-'
      && t->seps[1] == '-' && valid_date (t->parts[0], t->parts[1], t->parts[2]))
    {
      h->year = t->parts[0];
      h->month = t->parts[1];
      h->day = t->parts[2];
      h->explicit_year = TRUE;
      h->precision = TRI_PRECISION_DAY;
      return TRUE;
    }
  return FALSE;
}

/* A year after a day or a month: "năm 2024", ", 2024", "2024". Returns the
 * index after it, or @i. */
static guint
trailing_year (Scan       *s,
               guint       i,
               TriTimeHit *h)
{
  guint k;

  if ((k = match (s, i, CAT_LEAD_YEAR, NULL)) && is_year_num (tok_at (s, i + k)))
    {
      h->year = s->toks[i + k].parts[0];
      h->explicit_year = TRUE;
      return i + k + 1;
    }
  if (is_punct (tok_at (s, i), ',') && is_year_num (tok_at (s, i + 1)))
    {
      h->year = s->toks[i + 1].parts[0];
      h->explicit_year = TRUE;
      return i + 2;
    }
  if (is_year_num (tok_at (s, i)))
    {
      h->year = s->toks[i].parts[0];
      h->explicit_year = TRUE;
      return i + 1;
    }
  if (s->english && (k = match (s, i, CAT_YEAR_CUE, NULL)) == 1
      && g_str_equal (tok_word (s, &s->toks[i]), "of") && is_year_num (tok_at (s, i + 1)))
    {
      h->year = s->toks[i + 1].parts[0];
      h->explicit_year = TRUE;
      return i + 2;
    }
  return i;
}

/* A relative year after a month: "tháng 10 năm ngoái". */
static guint
trailing_rel_year (Scan       *s,
                   guint       i,
                   TriTimeHit *h)
{
  const Entry *e;
  guint k;

  if ((k = match (s, i, CAT_REL, &e)) && e->value == 'y')
    {
      h->has_year_offset = TRUE;
      h->year_offset = e->value2;
      h->relative = TRUE;
      return i + k;
    }
  return i;
}

/* "thứ Bảy", "Saturday"; the Vietnamese "thứ hai" is also "second", so
 * a weekday in words must be capitalised there. */
static guint
weekday_at (Scan  *s,
            guint  i,
            int   *weekday)
{
  const Entry *e;
  guint k = match (s, i, CAT_WEEKDAY, &e);

  if (k == 0)
    return 0;
  if (k == 2)
    {
      const Tok *second = &s->toks[i + 1];

      if (second->kind == TOK_WORD && !second->upper)
        return 0;
      if (second->kind == TOK_NUM)
        return 0;             /* "thứ 7" only after a day word */
    }
  else if (!s->toks[i].upper && s->english)
    return 0;
  *weekday = e->value;
  return k;
}

static guint
weekday_digits_at (Scan  *s,
                   guint  i,
                   int   *weekday)
{
  const Entry *e;
  guint k = match (s, i, CAT_WEEKDAY, &e);

  if (k == 0)
    return 0;
  *weekday = e->value;
  return k;
}

static gboolean parse_date (Scan *s, guint i, gboolean after_mod, TriTimeHit *h, guint *next);

/* Month name, as in English "January 18, 2026", "Jan. 18", "October 2023". */
static gboolean
parse_month_name (Scan       *s,
                  guint       i,
                  TriTimeHit *h,
                  guint      *next)
{
  const Entry *e;
  guint k = match (s, i, CAT_MONTH, &e);
  guint j;
  const Tok *t;

  if (k == 0)
    return FALSE;
  if (s->english && !s->toks[i].upper)
    return FALSE;
  h->month = e->value;
  j = i + k;
  if (is_punct (tok_at (s, j), '.') && !s->toks[j].space_before)
    j++;
  t = tok_at (s, j);
  if (is_simple_num (t) || is_ordinal_num (t))
    {
      if (t->plen[0] <= 2 && valid_day_month (t->parts[0], h->month))
        {
          guint after;

          h->day = t->parts[0];
          h->precision = TRI_PRECISION_DAY;
          after = trailing_year (s, j + 1, h);
          if (after == j + 1)
            h->relative = TRUE;
          *next = after;
          return TRUE;
        }
      if (is_year_num (t))
        {
          h->year = t->parts[0];
          h->explicit_year = TRUE;
          h->precision = TRI_PRECISION_MONTH;
          *next = j + 1;
          return TRUE;
        }
      /* "February 30": no such day */
      return FALSE;
    }
  if ((j = trailing_year (s, j, h)) != i + k && h->explicit_year)
    {
      h->precision = TRI_PRECISION_MONTH;
      *next = j;
      return TRUE;
    }
  /* A bare month name: "in May" is risky ("may"), so only capitalised and
   * not May alone. */
  if (s->english && h->month == 5 && k == 1 && g_str_equal (tok_word (s, &s->toks[i]), "may"))
    return FALSE;
  h->precision = TRI_PRECISION_MONTH;
  h->relative = TRUE;
  *next = i + k;
  if ((j = trailing_rel_year (s, i + k, h)) != i + k)
    {
      *next = j;
      return TRUE;
    }
  if (is_punct (tok_at (s, *next), '.') && !s->toks[*next].space_before
      && k == 1 && strlen (e->words[0]) <= 4 && *next + 1 < s->n)
    (*next)++;
  return TRUE;
}

static void
set_quarter_year (Scan       *s,
                  guint      *j,
                  TriTimeHit *h)
{
  guint after;

  if ((is_punct (tok_at (s, *j), '/') || is_punct (tok_at (s, *j), '-'))
      && is_year_num (tok_at (s, *j + 1)))
    {
      h->year = s->toks[*j + 1].parts[0];
      h->explicit_year = TRUE;
      *j += 2;
      return;
    }
  after = trailing_year (s, *j, h);
  if (after != *j)
    {
      *j = after;
      return;
    }
  after = trailing_rel_year (s, *j, h);
  if (after != *j)
    {
      *j = after;
      return;
    }
  h->relative = TRUE;
}

/* Dates, months, quarters, years and decades at token @i. */
static gboolean
parse_date (Scan       *s,
            guint       i,
            gboolean    after_mod,
            TriTimeHit *h,
            guint      *next)
{
  const Tok *t = tok_at (s, i);
  const Entry *e;
  guint k;

  if (t == NULL)
    return FALSE;

  if (t->kind == TOK_NUM)
    {
      const Tok *u;

      if (num_iso (t, h))
        {
          *next = i + 1;
          return TRUE;
        }
      /* "27/9/2024", bare "18/1". */
      if (t->nparts >= 2 && num_day (t, FALSE, h))
        {
          *next = i + 1;
          return TRUE;
        }
      /* "1990s", "90s" */
      if (t->nparts == 1 && t->suffix[0] == 's' && t->suffix[1] == 0
          && ((t->plen[0] == 4 && t->parts[0] % 10 == 0 && t->parts[0] >= 1000)
              || (t->plen[0] == 2 && t->parts[0] % 10 == 0)))
        {
          int v = t->parts[0];

          if (t->plen[0] == 2)
            v = v >= 30 ? 1900 + v : 2000 + v;
          h->decade = v / 10;
          h->explicit_year = TRUE;
          h->precision = TRI_PRECISION_DECADE;
          *next = i + 1;
          return TRUE;
        }
      if (is_simple_num (t) && t->plen[0] <= 2)
        {
          /* "18 January 2026", "5 tháng 1 năm 2024" */
          if ((k = match (s, i + 1, CAT_MONTH, &e)) && valid_day_month (t->parts[0], e->value)
              && (!s->english || s->toks[i + 1].upper))
            {
              guint j = i + 1 + k;

              h->day = t->parts[0];
              h->month = e->value;
              h->precision = TRI_PRECISION_DAY;
              if (is_punct (tok_at (s, j), '.') && !s->toks[j].space_before)
                j++;
              *next = trailing_year (s, j, h);
              if (!h->explicit_year)
                h->relative = TRUE;
              return TRUE;
            }
          if ((k = match (s, i + 1, CAT_LEAD_MONTH, NULL)) && !s->english
              && (u = tok_at (s, i + 1 + k)) != NULL && u->kind == TOK_NUM
              && u->nparts == 1 && u->suffix[0] == 0
              && valid_day_month (t->parts[0], u->parts[0]))
            {
              h->day = t->parts[0];
              h->month = u->parts[0];
              h->precision = TRI_PRECISION_DAY;
              *next = trailing_year (s, i + 2 + k, h);
              if (!h->explicit_year)
                h->relative = TRUE;
              return TRUE;
            }
        }
      /* A bare year after a modifier: "late 2017", "cuối 2017". */
      if (after_mod && is_year_num (t))
        {
          h->year = t->parts[0];
          h->explicit_year = TRUE;
          h->precision = TRI_PRECISION_YEAR;
          *next = i + 1;
          return TRUE;
        }
      return FALSE;
    }

  if (t->kind != TOK_WORD || t->entries == NULL)
    return FALSE;

  /* "ngày 27/1", "hôm 23/1", "ngày 27 tháng 1 năm 2024", "hôm thứ Bảy" */
  if ((k = match (s, i, CAT_LEAD_DAY, &e)))
    {
      gboolean past = e->value;
      const Tok *u = tok_at (s, i + k);
      int wd;
      guint w;

      if (u && u->kind == TOK_NUM)
        {
          if (num_day (u, TRUE, h))
            {
              h->past = past;
              *next = i + k + 1;
              return TRUE;
            }
          if (is_simple_num (u) && u->plen[0] <= 2
              && parse_date (s, i + k, FALSE, h, next) && h->precision == TRI_PRECISION_DAY)
            {
              h->past = past;
              return TRUE;
            }
          memset (h, 0, sizeof *h);
          return FALSE;
        }
      if ((w = weekday_digits_at (s, i + k, &wd)))
        {
          guint j = i + k + w, lead_len = k;

          if (is_punct (tok_at (s, j), ','))
            j++;
          if (tok_at (s, j) && s->toks[j].kind == TOK_NUM && num_day (&s->toks[j], TRUE, h))
            {
              *next = j + 1;
              h->past = past;
              return TRUE;
            }
          memset (h, 0, sizeof *h);
          if ((k = match (s, j, CAT_LEAD_DAY, NULL)) && tok_at (s, j + k)
              && num_day (&s->toks[j + k], TRUE, h))
            {
              *next = j + k + 1;
              h->past = past;
              return TRUE;
            }
          memset (h, 0, sizeof *h);
          h->weekday = wd;
          h->relative = TRUE;
          h->past = past;
          h->precision = TRI_PRECISION_DAY;
          *next = i + lead_len + w;
          return TRUE;
        }
    }

  /* "tháng 12/2021", "tháng 9-2025", "tháng 10 năm ngoái", "tháng 12" */
  if ((k = match (s, i, CAT_LEAD_MONTH, NULL)))
    {
      const Tok *u = tok_at (s, i + k);

      if (u && u->kind == TOK_NUM && u->suffix[0] == 0)
        {
          if (u->nparts == 2 && u->plen[0] <= 2 && u->plen[1] == 4
              && u->parts[0] >= 1 && u->parts[0] <= 12 && u->parts[1] >= 1000 && u->parts[1] <= 2199)
            {
              h->month = u->parts[0];
              h->year = u->parts[1];
              h->explicit_year = TRUE;
              h->precision = TRI_PRECISION_MONTH;
              *next = i + k + 1;
              return TRUE;
            }
          if (u->nparts == 1 && u->plen[0] <= 2 && u->parts[0] >= 1 && u->parts[0] <= 12)
            {
              guint j = i + k + 1, after;

              h->month = u->parts[0];
              h->precision = TRI_PRECISION_MONTH;
              after = trailing_year (s, j, h);
              if (after == j)
                after = trailing_rel_year (s, j, h);
              if (after == j)
                h->relative = TRUE;
              *next = after;
              return TRUE;
            }
        }
    }

  /* "tháng giêng", "January 18" */
  if (parse_month_name (s, i, h, next))
    return TRUE;
  memset (h, 0, sizeof *h);

  /* "năm 2014" */
  if ((k = match (s, i, CAT_LEAD_YEAR, NULL)) && is_year_num (tok_at (s, i + k)))
    {
      h->year = s->toks[i + k].parts[0];
      h->explicit_year = TRUE;
      h->precision = TRI_PRECISION_YEAR;
      *next = i + k + 1;
      return TRUE;
    }

  /* "thập niên 1990", "thập niên 90", "những năm 1990" */
  if ((k = match (s, i, CAT_LEAD_DECADE, NULL)))
    {
      const Tok *u = tok_at (s, i + k);

      if (u && u->kind == TOK_NUM && u->nparts == 1 && (u->suffix[0] == 0 || u->suffix[0] == 's')
          && u->parts[0] % 10 == 0 && (u->plen[0] == 4 || u->plen[0] == 2))
        {
          int v = u->parts[0];

          if (u->plen[0] == 2)
            v = v >= 30 ? 1900 + v : 2000 + v;
          if (v >= 1000 && v <= 2190)
            {
              h->decade = v / 10;
              h->explicit_year = u->plen[0] == 4;
              h->relative = FALSE;
              h->precision = TRI_PRECISION_DECADE;
              *next = i + k + 1;
              return TRUE;
            }
        }
    }

  /* "quý 3/2025", "quý III/2025", "quý 3 năm 2025", "Q3 2025" */
  if ((k = match (s, i, CAT_LEAD_QUARTER, NULL)))
    {
      const Tok *u = tok_at (s, i + k);
      guint j = i + k + 1;
      const Entry *o;
      guint ko;

      if (s->english && !g_str_equal (tok_word (s, t), "q"))
        return FALSE;
      if (u && u->kind == TOK_NUM && u->suffix[0] == 0 && u->nparts == 2 && u->plen[0] == 1
          && u->seps[0] != '.' && u->parts[0] >= 1 && u->parts[0] <= 4 && u->plen[1] == 4
          && (!s->english || !u->space_before))
        {
          h->quarter = u->parts[0];
          h->year = u->parts[1];
          h->explicit_year = TRUE;
          h->precision = TRI_PRECISION_QUARTER;
          *next = j;
          return TRUE;
        }
      if (is_simple_num (u) && u->plen[0] == 1 && u->parts[0] >= 1 && u->parts[0] <= 4
          && (!s->english || !u->space_before))
        {
          h->quarter = u->parts[0];
          h->precision = TRI_PRECISION_QUARTER;
          set_quarter_year (s, &j, h);
          *next = j;
          return TRUE;
        }
      if (!s->english && (ko = match (s, i + k, CAT_ORDINAL, &o)))
        {
          j = i + k + ko;
          h->quarter = o->value;
          h->precision = TRI_PRECISION_QUARTER;
          set_quarter_year (s, &j, h);
          *next = j;
          return TRUE;
        }
      return FALSE;
    }

  /* "the third quarter of 2025" */
  if (s->english && (k = match (s, i, CAT_ORDINAL, &e))
      && tok_at (s, i + k) && s->toks[i + k].kind == TOK_WORD
      && g_str_equal (tok_word (s, &s->toks[i + k]), "quarter"))
    {
      guint j = i + k + 1;

      h->quarter = e->value;
      h->precision = TRI_PRECISION_QUARTER;
      set_quarter_year (s, &j, h);
      *next = j;
      return TRUE;
    }

  return FALSE;
}

/* "trong 12 tháng tới", "hơn hai thập niên", "for two decades", "the past
 * three years", "ba năm trước", "two years ago". */
static gboolean
parse_duration (Scan       *s,
                guint       i,
                TriTimeHit *h,
                guint      *next)
{
  const Entry *e;
  guint j = i, k;
  int n = -1;

  while ((k = match (s, j, CAT_DUR_LEAD, &e)))
    {
      if (e->value)
        h->modifier = TRI_TIME_MODIFIER_APPROX;
      j += k;
    }
  if ((k = match (s, j, CAT_DIR_FORWARD, NULL)) && s->english)
    h->dur_dir = 1, j += k;
  else if ((k = match (s, j, CAT_DIR_BACK, NULL)) && s->english)
    h->dur_dir = -1, j += k;

  if (is_simple_num (tok_at (s, j)) && s->toks[j].plen[0] <= 3)
    {
      /* "10:45 ngày 20 tháng 1": minutes of a time of day, not 45 days */
      if (j > 0 && !s->toks[j].space_before && s->toks[j - 1].kind == TOK_PUNCT &&
          s->toks[j - 1].punct == ':')
        return FALSE;
      n = s->toks[j].parts[0];
      j++;
    }
  else if ((k = match (s, j, CAT_NUMBER, &e)))
    {
      n = e->value;
      j += k;
    }
  else if (h->dur_dir != 0 && (k = match (s, j, CAT_UNIT, &e)))
    n = 1;                    /* "the past year" */
  if (n < 0)
    return FALSE;

  if (!(k = match (s, j, CAT_UNIT, &e)))
    return FALSE;
  /* "5 tháng 1", "năm 2024": a date, not a duration */
  if (tok_at (s, j + k) && s->toks[j + k].kind == TOK_NUM && (e->value == 'M' || e->value == 'Y'))
    return FALSE;
  h->dur_unit = e->value;
  h->dur_n = n;
  j += k;
  if (h->dur_dir == 0)
    {
      if ((k = match (s, j, CAT_DIR_FORWARD, NULL)) && !s->english)
        h->dur_dir = 1, j += k;
      else if ((k = match (s, j, CAT_DIR_BACK, NULL)) && !s->english)
        h->dur_dir = -1, j += k;
      else if ((k = match (s, j, CAT_AGO, NULL)))
        h->dur_dir = 2, j += k;
    }
  h->duration = TRUE;
  h->precision = TRI_PRECISION_DURATION;
  *next = j;
  return TRUE;
}

static gboolean
parse_at (Scan       *s,
          guint       i,
          TriTimeHit *h,
          guint      *first,
          guint      *next)
{
  const Tok *t = &s->toks[i];
  const Entry *e;
  guint k;
  int wd;

  *first = i;

  if (t->kind == TOK_WORD && t->entries != NULL)
    {
      /* "hôm qua", "last week", "cuối tuần qua" */
      if ((k = match (s, i, CAT_REL, &e)))
        {
          /* "năm trước" after a number is "… years ago", read below */
          h->rel_unit = e->value;
          h->rel_offset = e->value2;
          h->relative = TRUE;
          switch (e->value)
            {
            case 'd': h->precision = TRI_PRECISION_DAY; break;
            case 'w': case 'e': h->precision = TRI_PRECISION_WEEK; break;
            case 'm': h->precision = TRI_PRECISION_MONTH; break;
            default: h->precision = TRI_PRECISION_YEAR; break;
            }
          *next = i + k;
          return TRUE;
        }

      /* a modifier, then a date: "cuối năm 2017", "mid-October 2023" */
      if ((k = match (s, i, CAT_MOD, &e)))
        {
          guint j = i + k;
          TriTimeModifier mod = e->value;

          if (is_punct (tok_at (s, j), '-') && !s->toks[j].space_before)
            j++;
          /* "around 2014." is a year, "about 2000 troops" is not */
          gboolean bare_year = mod != TRI_TIME_MODIFIER_APPROX
                               || (tok_at (s, j + 1) == NULL || s->toks[j + 1].kind == TOK_PUNCT);

          if (parse_date (s, j, bare_year, h, next)
              && (h->precision != TRI_PRECISION_DAY || mod == TRI_TIME_MODIFIER_APPROX))
            {
              h->modifier = mod;
              return TRUE;
            }
          memset (h, 0, sizeof *h);
          /* "cuối tuần trước" is in the rel list; "đầu tháng này", "late last year" */
          if ((k = match (s, j, CAT_REL, &e)) && e->value != 'd')
            {
              h->rel_unit = e->value;
              h->rel_offset = e->value2;
              h->relative = TRUE;
              h->modifier = mod;
              h->precision = e->value == 'm' ? TRI_PRECISION_MONTH
                             : e->value == 'y' ? TRI_PRECISION_YEAR : TRI_PRECISION_WEEK;
              *next = j + k;
              return TRUE;
            }
          memset (h, 0, sizeof *h);
        }

      /* "between 2014 and 2017", "năm 2003 và 2011" */
      if (s->last_was_year && s->last_next == i && (k = match (s, i, CAT_CONJ, NULL))
          && is_year_num (tok_at (s, i + k)))
        {
          h->year = s->toks[i + k].parts[0];
          h->explicit_year = TRUE;
          h->precision = TRI_PRECISION_YEAR;
          *first = i + k;
          *next = i + k + 1;
          return TRUE;
        }

      /* "in 2014", "từ 2003 đến 2011": the cue is not part of the mention */
      if ((k = match (s, i, CAT_YEAR_CUE, NULL)) && is_year_num (tok_at (s, i + k))
          && !is_cat (s, i + k + 1, CAT_UNIT))
        {
          h->year = s->toks[i + k].parts[0];
          h->explicit_year = TRUE;
          h->precision = TRI_PRECISION_YEAR;
          *first = i + k;
          *next = i + k + 1;
          return TRUE;
        }
    }

  if (parse_date (s, i, FALSE, h, next))
    return TRUE;
  memset (h, 0, sizeof *h);

  if (parse_duration (s, i, h, next))
    return TRUE;
  memset (h, 0, sizeof *h);

  /* "thứ Bảy", "on Tuesday", "Tuesday, Jan. 18" */
  if ((k = weekday_at (s, i, &wd)))
    {
      guint j = i + k, lead;

      if (is_punct (tok_at (s, j), ','))
        j++;
      if (parse_date (s, j, FALSE, h, next) && h->precision == TRI_PRECISION_DAY)
        return TRUE;
      memset (h, 0, sizeof *h);
      if ((lead = match (s, j, CAT_LEAD_DAY, NULL)) && tok_at (s, j + lead)
          && num_day (&s->toks[j + lead], TRUE, h))
        {
          *next = j + lead + 1;
          return TRUE;
        }
      memset (h, 0, sizeof *h);
      h->weekday = wd;
      h->relative = TRUE;
      h->precision = TRI_PRECISION_DAY;
      *next = i + k;
      /* "thứ Bảy tuần trước", "Saturday last week": that week's day. */
      if ((lead = match (s, i + k, CAT_REL, &e)) && e->value == 'w')
        {
          h->week_offset = e->value2;
          h->has_week_offset = TRUE;
          *next = i + k + lead;
        }
      return TRUE;
    }

  return FALSE;
}

static inline gboolean
is_year_range (const Tok *t)
{
  return t != NULL && t->kind == TOK_NUM && t->nparts == 2 && t->suffix[0] == 0
         && t->seps[0] == '-' && t->plen[0] == 4 && t->plen[1] == 4
         && t->parts[0] >= 1000 && t->parts[1] <= 2199 && t->parts[0] < t->parts[1]
         && t->parts[1] - t->parts[0] <= 100;
}

/* "2003-2011", "năm 2020-2021", "giai đoạn 2021-2025": a year for each end,
 * each with its own span. */
static gboolean
year_range (Scan   *s,
            guint   i,
            GArray *hits,
            guint   sentence,
            guint  *next)
{
  guint k = 0;
  const Tok *t;
  TriTimeHit h;

  if (!is_year_range (&s->toks[i]))
    {
      k = match (s, i, CAT_LEAD_YEAR, NULL);
      if (k == 0 || !is_year_range (tok_at (s, i + k)))
        return FALSE;
    }
  t = &s->toks[i + k];
  memset (&h, 0, sizeof h);
  h.explicit_year = TRUE;
  h.precision = TRI_PRECISION_YEAR;
  h.sentence = sentence;
  h.future = s->future;

  h.start = s->toks[i].start;
  h.end = t->start + 4;
  h.year = t->parts[0];
  g_array_append_val (hits, h);
  h.start = t->start + 5;
  h.end = t->end;
  h.year = t->parts[1];
  g_array_append_val (hits, h);

  s->last_next = *next = i + k + 1;
  s->last_was_year = TRUE;
  return TRUE;
}

/* "tháng 5 và tháng 6/2024", "from March to May 2024", "từ 20/12 đến
 * 5/1/2024": a bare day or month just before one with its year takes
 * that year (the year before when its month comes later). */
static void
borrow_years (GArray     *hits,
              guint       from,
              const char *text)
{
  for (guint i = from; i + 1 < hits->len; i++)
    {
      TriTimeHit *a = &g_array_index (hits, TriTimeHit, i);
      const TriTimeHit *b = &g_array_index (hits, TriTimeHit, i + 1);

      if (!a->relative || a->rel_unit || a->weekday || a->has_year_offset || a->explicit_year
          || a->month == 0 || (a->precision != TRI_PRECISION_DAY && a->precision != TRI_PRECISION_MONTH))
        continue;
      if (!b->explicit_year || b->month == 0 || b->start < a->end || b->start - a->end > 16
          || memchr (text + a->end, ',', b->start - a->end) != NULL)
        continue;
      a->year = a->month <= b->month ? b->year : b->year - 1;
      a->explicit_year = TRUE;
      a->relative = FALSE;
    }
}

/* The categories a time expression can begin with; a word in none of them
 * ("đã", "ago") is skipped at once. */
#define STARTERS ((1u << CAT_MONTH) | (1u << CAT_WEEKDAY) | (1u << CAT_LEAD_DAY)          \
                  | (1u << CAT_LEAD_MONTH) | (1u << CAT_LEAD_YEAR) | (1u << CAT_LEAD_DECADE) \
                  | (1u << CAT_LEAD_QUARTER) | (1u << CAT_ORDINAL) | (1u << CAT_MOD)         \
                  | (1u << CAT_REL) | (1u << CAT_NUMBER) | (1u << CAT_DUR_LEAD)              \
                  | (1u << CAT_DIR_FORWARD) | (1u << CAT_DIR_BACK) | (1u << CAT_YEAR_CUE)    \
                  | (1u << CAT_CONJ))

/* Buffers a thread reuses from sentence to sentence. */
typedef struct
{
  Toks     toks;
  GString *arena;
} Scratch;

static void
scratch_free (gpointer data)
{
  Scratch *scratch = data;

  g_free (scratch->toks.data);
  g_string_free (scratch->arena, TRUE);
  g_free (scratch);
}

static GPrivate scratch_key = G_PRIVATE_INIT (scratch_free);

static Scratch *
scratch_get (void)
{
  Scratch *scratch = g_private_get (&scratch_key);

  if (scratch == NULL)
    {
      scratch = g_new0 (Scratch, 1);
      scratch->arena = g_string_sized_new (1024);
      g_private_set (&scratch_key, scratch);
    }
  return scratch;
}

/* _tri_time_scan:
 * @lexicon: the language's words
 * @text: the article's text
 * @start: first byte of the stretch to read (a sentence)
 * @end: the byte after it
 * @sentence: the sentence's index, copied to the hits
 * @hits: (element-type TriTimeHit): where the hits go, unanchored
 *
 * Finds the time expressions of one sentence.
 */
void
_tri_time_scan (TriTimeLexicon *lexicon,
                const char     *text,
                guint           start,
                guint           end,
                guint           sentence,
                GArray         *hits)
{
  Scan s = { lexicon, text, NULL, 0, NULL, FALSE, FALSE, FALSE, FALSE };
  Scratch *scratch = scratch_get ();
  Toks *toks = &scratch->toks;
  guint first_hit;
  toks->len = 0;
  g_string_truncate (scratch->arena, 0);
  s.arena = scratch->arena;
  s.english = !g_str_equal (lexicon->language, "vi");
  tokenize (&s, start, end, toks);
  s.toks = toks->data;
  s.n = toks->len;

  if (!s.any)
    return;
  first_hit = hits->len;
  for (guint i = 0; s.maybe_future && i < s.n && !s.future; i++)
    if (is_cat (&s, i, CAT_FUTURE))
      s.future = TRUE;

  for (guint i = 0; i < s.n;)
    {
      const Tok *t = &s.toks[i];
      TriTimeHit h;
      guint first, next;

      if (t->kind == TOK_PUNCT || (t->kind == TOK_WORD && !(t->cats & STARTERS)))
        {
          i++;
          continue;
        }
      memset (&h, 0, sizeof h);
      if (year_range (&s, i, hits, sentence, &next))
        {
          i = next;
          continue;
        }
      if (parse_at (&s, i, &h, &first, &next) && next > first)
        {
          h.start = s.toks[first].start;
          h.end = s.toks[next - 1].end;
          h.sentence = sentence;
          h.future = s.future && !h.past;
          /* "cho đến (ít nhất là) tháng 9/2026", "until 2026" */
          for (guint b = first > 4 ? first - 4 : 0; b < first; b++)
            {
              const Entry *e;

              if (match (&s, b, CAT_UNTIL, &e) && b + e->n_words + e->value >= first)
                h.until = TRUE;
            }
          s.last_next = next;
          s.last_was_year = h.precision == TRI_PRECISION_YEAR && h.explicit_year && !h.duration;
          g_array_append_val (hits, h);
          i = next;
        }
      else
        {
          /* skip the whole number, or the word */
          i++;
        }
    }

  borrow_years (hits, first_hit, s.text);
}

/* Anchoring */

static guint32
julian (int y,
        int m,
        int d)
{
  GDate date;

  if (!valid_date (y, m, d))
    return 0;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return g_date_get_julian (&date);
}

/* The GDate Julian day of a date, 0 when there is no such date. */
guint32
_tri_time_julian (int year,
                  int month,
                  int day)
{
  return julian (year, month, day);
}

static void
dmy (guint32  j,
     int     *y,
     int     *m,
     int     *d)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, j);
  *y = g_date_get_year (&date);
  *m = g_date_get_month (&date);
  *d = g_date_get_day (&date);
}

/* 0 outside the calendar GDate knows: julian() then gives 0 too. */
static int
days_in_month (int y,
               int m)
{
  if (!g_date_valid_year (y) || !g_date_valid_month (m))
    return 0;
  return g_date_get_days_in_month (m, y);
}

/* The Monday of the ISO week holding @j, and that week's year and number. */
static guint32
iso_week (guint32  j,
          int     *week_year,
          int     *week)
{
  GDate date;
  guint32 monday;
  int y, m, d;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, j);
  monday = j - (g_date_get_weekday (&date) - 1);
  dmy (monday + 3, &y, &m, &d);
  *week_year = y;
  *week = (int) ((monday + 3 - julian (y, 1, 1)) / 7) + 1;
  return monday;
}

static guint32
add_months (guint32 j,
            int     months)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, j);
  if (months >= 0)
    g_date_add_months (&date, months);
  else
    g_date_subtract_months (&date, -months);
  return g_date_get_julian (&date);
}

static void
narrow (guint32         *first,
        guint32         *last,
        TriTimeModifier  mod,
        TriPrecision     precision)
{
  guint32 a = *first, b = *last;
  int y, m, d;

  if (mod == TRI_TIME_MODIFIER_NONE || mod == TRI_TIME_MODIFIER_APPROX || a == 0)
    return;
  dmy (a, &y, &m, &d);
  switch (precision)
    {
    case TRI_PRECISION_MONTH:
      if (mod == TRI_TIME_MODIFIER_START)
        b = julian (y, m, 10);
      else if (mod == TRI_TIME_MODIFIER_MID)
        a = julian (y, m, 11), b = julian (y, m, 20);
      else
        a = julian (y, m, 21);
      break;
    case TRI_PRECISION_YEAR:
      if (mod == TRI_TIME_MODIFIER_START)
        b = julian (y, 4, 30);
      else if (mod == TRI_TIME_MODIFIER_MID)
        a = julian (y, 5, 1), b = julian (y, 8, 31);
      else
        a = julian (y, 9, 1);
      break;
    case TRI_PRECISION_DECADE:
      if (mod == TRI_TIME_MODIFIER_START)
        b = julian (y + 2, 12, 31);
      else if (mod == TRI_TIME_MODIFIER_MID)
        a = julian (y + 3, 1, 1), b = julian (y + 6, 12, 31);
      else
        a = julian (y + 7, 1, 1);
      break;
    case TRI_PRECISION_WEEK:
    case TRI_PRECISION_QUARTER:
      if (mod == TRI_TIME_MODIFIER_START)
        b = a + (b - a) / 3;
      else if (mod == TRI_TIME_MODIFIER_MID)
        a = a + (b - a) / 3, b = a + (b - a) / 2 + 1;
      else
        a = b - (b - a) / 3;
      break;
    case TRI_PRECISION_NONE:
    case TRI_PRECISION_DAY:
    case TRI_PRECISION_DURATION:
    case TRI_PRECISION_VAGUE:
    default:
      break;
    }
  *first = a;
  *last = b;
}

/* Picks the year for a bare month and day: the latest one on or before the
 * reference (a few days' grace) for the past, the earliest one on or after
 * it for the future. */
static int
pick_year (int       month,
           int       day,
           guint32   ref,
           gboolean  future,
           gboolean  past)
{
  int ry, rm, rd, best = 0;

  dmy (ref, &ry, &rm, &rd);
  if (future && !past)
    {
      for (int y = ry - 1; y <= ry + 8; y++)
        {
          guint32 j = julian (y, month, day);

          if (j != 0 && j + 3 >= ref)
            return y;
        }
      return 0;
    }
  for (int y = ry + 1; y >= ry - 8; y--)
    {
      guint32 j = julian (y, month, day);

      if (j != 0 && j <= ref + (past ? 0 : 3))
        {
          best = y;
          break;
        }
    }
  return best;
}

/* Writes @v with at least @width digits at @p; returns the end. */
static inline char *
put_int (char *p,
         int   v,
         int   width)
{
  char tmp[12];
  int n = 0;

  if (v < 0)
    {
      *p++ = '-';
      v = -v;
    }
  do
    {
      tmp[n++] = '0' + v % 10;
      v /= 10;
    }
  while (v > 0);
  while (n < width)
    tmp[n++] = '0';
  while (n > 0)
    *p++ = tmp[--n];
  return p;
}

/* Sets the value and days of a dated hit; FALSE when it falls outside the
 * calendar GDate knows (years 1–9999 here). */
static gboolean
set_period (TriMention  *m,
            TriTimeHit  *h)
{
  char *p;
  char buf[32];
  guint32 a = 0, b = 0;

  switch (h->precision)
    {
    case TRI_PRECISION_DAY:
      if (h->year < 1 || h->year > 9999)
        return FALSE;
      p = put_int (buf, h->year, 4);
      *p++ = '-';
      p = put_int (p, h->month, 2);
      *p++ = '-';
      p = put_int (p, h->day, 2);
      *p = '\0';
      a = b = julian (h->year, h->month, h->day);
      break;
    case TRI_PRECISION_MONTH:
      p = put_int (buf, h->year, 4);
      *p++ = '-';
      p = put_int (p, h->month, 2);
      *p = '\0';
      a = julian (h->year, h->month, 1);
      b = julian (h->year, h->month, days_in_month (h->year, h->month));
      break;
    case TRI_PRECISION_QUARTER:
      g_snprintf (buf, sizeof buf, "%04d-Q%d", h->year, h->quarter);
      a = julian (h->year, h->quarter * 3 - 2, 1);
      b = julian (h->year, h->quarter * 3, days_in_month (h->year, h->quarter * 3));
      break;
    case TRI_PRECISION_YEAR:
      p = put_int (buf, h->year, 4);
      *p = '\0';
      a = julian (h->year, 1, 1);
      b = julian (h->year, 12, 31);
      break;
    case TRI_PRECISION_DECADE:
      g_snprintf (buf, sizeof buf, "%03d", h->decade);
      a = julian (h->decade * 10, 1, 1);
      b = julian (h->decade * 10 + 9, 12, 31);
      break;
    case TRI_PRECISION_WEEK:
      {
        int wy, wn;
        guint32 day = julian (h->year, h->month, h->day);
        guint32 monday;

        if (day < 8 || h->year > 9998)
          return FALSE;
        monday = iso_week (day, &wy, &wn);

        if (h->rel_unit == 'e')
          {
            g_snprintf (buf, sizeof buf, "%04d-W%02d-WE", wy, wn);
            a = monday + 5;
            b = monday + 6;
          }
        else
          {
            g_snprintf (buf, sizeof buf, "%04d-W%02d", wy, wn);
            a = monday;
            b = monday + 6;
          }
      }
      break;
    case TRI_PRECISION_NONE:
    case TRI_PRECISION_DURATION:
    case TRI_PRECISION_VAGUE:
    default:
      return FALSE;
    }
  if (a == 0 || b == 0)
    return FALSE;
  narrow (&a, &b, h->modifier, h->precision);
  tri_mention_set_value (m, buf);
  m->day_first = a;
  m->day_last = b;
  return TRUE;
}

static void
set_duration (TriMention *m,
              TriTimeHit *h,
              guint32     ref)
{
  char buf[32];
  int n = h->dur_n;
  char unit = h->dur_unit;

  if (unit == 'X')
    n *= 10, unit = 'Y';
  else if (unit == 'C')
    n *= 100, unit = 'Y';
  if (unit == 'H')
    g_snprintf (buf, sizeof buf, "PT%dH", n);
  else if (unit == 'N')
    g_snprintf (buf, sizeof buf, "PT%dM", n);
  else
    g_snprintf (buf, sizeof buf, "P%d%c", n, unit);
  tri_mention_set_value (m, buf);
  m->precision = TRI_PRECISION_DURATION;

  if (ref != 0 && (h->dur_dir == 1 || h->dur_dir == -1) && strchr ("YMWD", unit) && n >= 1
      && n <= 1000)
    {
      guint32 other;

      switch (unit)
        {
        case 'Y': other = add_months (ref, h->dur_dir * 12 * n); break;
        case 'M': other = add_months (ref, h->dur_dir * n); break;
        case 'W': other = ref + h->dur_dir * 7 * n; break;
        default: other = ref + h->dur_dir * n; break;
        }
      if (h->dur_dir > 0)
        m->day_first = ref, m->day_last = other - 1;
      else
        m->day_first = other + 1, m->day_last = ref;
    }
}

/* An inferred reference is a lower bound of the publication date, often
 * by days or weeks: "hôm qua", "tuần trước" or "thứ Bảy" counted from it
 * cannot be dated. Such a mention keeps no value (precision vague) and
 * covers from its day as computed to two weeks later. Months and years
 * counted from it ("năm ngoái") are dated. */
static void
vague_if_inferred (TriMention           *m,
                   const TriTimeContext *context)
{
  if (!context->reference_inferred)
    return;
  tri_mention_set_value (m, NULL);
  m->precision = TRI_PRECISION_VAGUE;
  m->modifier = TRI_TIME_MODIFIER_NONE;
  if (m->day_last)
    m->day_last += 14;
}

/* Fills in the year and what else the reference gives; FALSE when the hit
 * needs a reference it does not have. */
gboolean
_tri_time_resolve (TriTimeHit           *h,
                   const TriTimeContext *context,
                   TriMention           *m)
{
  guint32 ref = context ? context->reference : 0;
  int ry = 0, rm = 0, rd = 0;

  if (ref)
    dmy (ref, &ry, &rm, &rd);
  /* Counting from a reference at the edges of the calendar would leave it */
  if (ry < 1100 || ry > 8900)
    ref = 0, ry = rm = rd = 0;

  m->precision = h->precision;
  m->modifier = h->modifier;
  m->inferred = FALSE;

  if (h->duration)
    {
      if (h->dur_dir == 2 && ref && h->dur_n >= 1)
        {
          guint32 j;
          int n = h->dur_n;

          switch (h->dur_unit)
            {
            case 'Y': case 'X': case 'C':
              n *= h->dur_unit == 'X' ? 10 : h->dur_unit == 'C' ? 100 : 1;
              h->year = ry - n;
              h->precision = TRI_PRECISION_YEAR;
              break;
            case 'M':
              j = add_months (ref, -n);
              dmy (j, &h->year, &h->month, &h->day);
              h->precision = TRI_PRECISION_MONTH;
              break;
            case 'W':
              dmy (ref - 7 * n, &h->year, &h->month, &h->day);
              h->precision = TRI_PRECISION_WEEK;
              break;
            case 'D':
              dmy (ref - n, &h->year, &h->month, &h->day);
              h->precision = TRI_PRECISION_DAY;
              break;
            default:
              set_duration (m, h, ref);
              return TRUE;
            }
          if (h->dur_unit == 'X' || h->dur_unit == 'C' || h->modifier == TRI_TIME_MODIFIER_APPROX)
            h->modifier = TRI_TIME_MODIFIER_APPROX;
          m->modifier = h->modifier;
          m->precision = h->precision;
          m->inferred = context->reference_inferred;
          return set_period (m, h);
        }
      set_duration (m, h, ref);
      return TRUE;
    }

  if (h->rel_unit)
    {
      guint32 j;

      if (!ref)
        return FALSE;
      switch (h->rel_unit)
        {
        case 'd':
          dmy (ref + h->rel_offset, &h->year, &h->month, &h->day);
          break;
        case 'w':
        case 'e':
          dmy (ref + 7 * h->rel_offset, &h->year, &h->month, &h->day);
          break;
        case 'm':
          j = add_months (julian (ry, rm, 1), h->rel_offset);
          dmy (j, &h->year, &h->month, &h->day);
          break;
        default:
          h->year = ry + h->rel_offset;
          break;
        }
      m->inferred = context->reference_inferred;
      if (!set_period (m, h))
        return FALSE;
      if (h->rel_unit != 'm' && h->rel_unit != 'y')
        vague_if_inferred (m, context);
      return TRUE;
    }

  if (h->weekday)
    {
      GDate date;
      int wd, delta;

      if (!ref)
        return FALSE;
      g_date_clear (&date, 1);
      g_date_set_julian (&date, ref);
      wd = g_date_get_weekday (&date);
      if (h->has_week_offset)
        delta = 7 * h->week_offset + h->weekday - wd;
      else if (h->future && !h->past)
        {
          delta = (h->weekday - wd + 7) % 7;
          if (delta == 0)
            delta = 7;
        }
      else
        delta = -((wd - h->weekday + 7) % 7);
      dmy (ref + delta, &h->year, &h->month, &h->day);
      m->precision = TRI_PRECISION_DAY;
      m->inferred = context->reference_inferred;
      if (!set_period (m, h))
        return FALSE;
      vague_if_inferred (m, context);
      return TRUE;
    }

  /* "March last year" with no reference keeps its month ("--03"), as
   * "last March" does, below; "last year" alone says nothing */
  if (h->has_year_offset && ref)
    {
      h->year = ry + h->year_offset;
      m->inferred = context->reference_inferred;
      return set_period (m, h);
    }

  if (!h->explicit_year && h->precision != TRI_PRECISION_DECADE)
    {
      char buf[16];

      if (ref)
        {
          int y = 0;

          switch (h->precision)
            {
            case TRI_PRECISION_DAY:
              y = pick_year (h->month, h->day, ref, h->future, h->past);
              break;
            case TRI_PRECISION_MONTH:
              if (h->future && !h->past)
                {
                  /* the first month of that name not over yet */
                  for (y = ry; y <= 9999 && julian (y, h->month, days_in_month (y, h->month)) < ref; y++)
                    ;
                }
              else
                y = pick_year (h->month, 1, ref, FALSE, h->past);
              break;
            case TRI_PRECISION_QUARTER:
              if (h->future && !h->past)
                {
                  int last = h->quarter * 3;

                  for (y = ry; y <= 9999 && julian (y, last, days_in_month (y, last)) < ref; y++)
                    ;
                }
              else
                y = pick_year (h->quarter * 3 - 2, 1, ref, FALSE, h->past);
              break;
            case TRI_PRECISION_NONE:
            case TRI_PRECISION_WEEK:
            case TRI_PRECISION_YEAR:
            case TRI_PRECISION_DECADE:
            case TRI_PRECISION_DURATION:
            case TRI_PRECISION_VAGUE:
            default:
              break;
            }
          if (y)
            {
              h->year = y;
              m->inferred = context->reference_inferred;
              return set_period (m, h);
            }
        }
      /* No reference: ISO 8601's "--MM-DD" */
      if (h->precision == TRI_PRECISION_DAY)
        g_snprintf (buf, sizeof buf, "--%02d-%02d", h->month, h->day);
      else if (h->precision == TRI_PRECISION_MONTH)
        g_snprintf (buf, sizeof buf, "--%02d", h->month);
      else
        return FALSE;
      tri_mention_set_value (m, buf);
      return TRUE;
    }

  return set_period (m, h);
}

/* _tri_time_hit_to_mention:
 * @hit: a hit of _tri_time_scan()
 * @context: (nullable): the reference date
 *
 * Returns: (transfer full) (nullable): the hit as a time mention, anchored,
 *   or %NULL when it cannot be placed (a relative word with no reference).
 */
TriMention *
_tri_time_hit_to_mention (const TriTimeHit     *hit,
                          const TriTimeContext *context)
{
  g_autoptr(TriMention) m = tri_mention_new (TRI_MENTION_TIME, hit->start, hit->end);
  TriTimeHit h = *hit;

  m->sentence = hit->sentence;
  if (!_tri_time_resolve (&h, context, m))
    return NULL;
  return g_steal_pointer (&m);
}

guint32
_tri_time_parse_iso (const char *iso,
                     gboolean    last)
{
  int y = 0, m = 0, d = 0;
  int n;

  if (iso == NULL)
    return 0;
  n = sscanf (iso, "%d-%d-%d", &y, &m, &d);
  if (n < 1 || y < 1)
    return 0;
  if (n < 2)
    m = last ? 12 : 1;
  if (n < 3)
    d = last ? days_in_month (y, m) : 1;
  return julian (y, m, d);
}

/**
 * tri_time_tag:
 * @text: UTF-8 text, NFC
 * @len: its length in bytes, or -1 when nul-terminated
 * @language: (nullable): "vi" or "en"
 * @reference: (nullable): the reference date, YYYY-MM-DD
 * @reference_inferred: whether the reference date was reasoned out
 *
 * Finds the time expressions in @text, read as one sentence per line.
 *
 * Returns: (transfer full) (element-type TriMention): the time mentions
 */
GPtrArray *
tri_time_tag (const char *text,
              gssize      len,
              const char *language,
              const char *reference,
              gboolean    reference_inferred)
{
  TriTimeLexicon *lexicon = _tri_time_lexicon_get (language);
  TriTimeContext context = { _tri_time_parse_iso (reference, FALSE), reference_inferred };
  g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (TriTimeHit));
  GPtrArray *mentions = g_ptr_array_new_with_free_func ((GDestroyNotify) tri_mention_unref);
  guint start = 0, sentence = 0;

  g_return_val_if_fail (text != NULL, mentions);

  if (len < 0)
    len = strlen (text);

  while (start < (guint) len)
    {
      const char *nl = memchr (text + start, '\n', len - start);
      guint end = nl ? (guint) (nl - text) : (guint) len;

      _tri_time_scan (lexicon, text, start, end, sentence++, hits);
      start = end + 1;
    }

  for (guint i = 0; i < hits->len; i++)
    {
      TriMention *m = _tri_time_hit_to_mention (&g_array_index (hits, TriTimeHit, i), &context);

      if (m != NULL)
        g_ptr_array_add (mentions, m);
    }
  return mentions;
}
