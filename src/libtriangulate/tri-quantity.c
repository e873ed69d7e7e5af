/* tri-quantity.c: counted amounts ("khoảng 2.500 lính Mỹ", "more than 150
 * attacks") in a text
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-quantity"

#include "config.h"

#include <math.h>
#include <string.h>

#include <unicode/unum.h>
#include <unicode/ustring.h>

#include "tri-article-private.h"
#include "tri-data.h"
#include "tri-quantity-private.h"

/* How it works.  A sentence is cut into words, numbers written in digits
 * and single punctuation marks.  At each word the scanner tries the shape
 *
 *   [qualifier] [range_from] [currency] NUMBER [range_to NUMBER]
 *   [qualifier_after] [of] [owner|modifier]* UNIT [possessive OWNER]
 *   [aux* CASUALTY] [qualifier_after]
 *
 * where every word list comes from data/lexicons/quantity-LANG.tsv, and
 * NUMBER is digits parsed by ICU for the language's locale, number words
 * ("hai mươi lăm", "two dozen") or a vague amount ("hàng trăm").  Fractions
 * ("1/3", "một phần ba", "a third") and percentages stand without a unit.
 *
 * Choices (the lexicons' headers say more):
 * - A number with no counted thing is not reported: alone it is more often
 *   a date, a time, a year, a rank or a code than a count.  It is when it
 *   follows a quantity after a join word ("2,500 troops in Iraq and about
 *   900 in Syria") or a count named earlier ("the number of US troops … is
 *   about 2,500"): then it counts the same thing.
 * - Durations and times ("12 tháng", "2 giờ") have no unit here: the time
 *   tagger owns them.  Digits after a date word ("hôm 18/1", "năm 2014"),
 *   inside codes ("F-16") and dates ("27/9/2024", "7-10-2023") are skipped.
 * - "gần"/"nearly" are approx: the figure is close to the one written.
 * - "một"/"a" alone are articles, not counts.
 * - Vague amounts keep an order of magnitude ("hàng trăm" = 100, at_least,
 *   vague); "nhiều", "hàng loạt", "many" have none and are not reported.
 * - A casualty word after counted people makes the unit "killed" or
 *   "injured"; the owner is kept ("3 binh sĩ Mỹ thiệt mạng"). */

/* A piece of text read at once: no quantity is longer. */
#define MAX_PIECE 8192
#define MAX_PIECE_TOKENS (MAX_PIECE + 16)

typedef enum
{
  T_DIGIT,
  T_AFTER_TENS,
  T_TENS,
  T_HUNDRED,
  T_SCALE,
  T_HALF,
  T_CONNECTOR,
  T_VAGUE,
  T_FRACTION_SEP,
  T_DENOMINATOR,
  T_FRACTION,
  T_PERCENT,
  T_QUALIFIER,
  T_QUALIFIER_AFTER,
  T_RANGE_FROM,
  T_RANGE_TO,
  T_OF,
  T_CLASSIFIER,
  T_MODIFIER,
  T_UNIT,
  T_CURRENCY_BEFORE,
  T_OWNER,
  T_POSSESSIVE,
  T_AUX,
  T_CASUALTY,
  T_CASUALTY_BEFORE,
  T_DATE_CUE,
  T_JOIN,
  T_FOLLOW,
  T_SLASH_FRACTION,
  T_COUNT_OF,
  T_COUNT_NOUN,
  N_TYPES
} EntryType;

static const char *const type_names[N_TYPES] = {
  "digit", "after_tens", "tens", "hundred", "scale", "half", "connector",
  "vague", "fraction_sep", "denominator", "fraction", "percent", "qualifier",
  "qualifier_after", "range_from", "range_to", "of", "classifier", "modifier",
  "unit", "currency_before", "owner", "possessive", "aux", "casualty",
  "casualty_before", "date_cue", "join", "follow", "slash_fraction",
  "count_of", "count_noun",
};

typedef enum
{
  F_ARTICLE        = 1 << 0,
  F_FIRST          = 1 << 1,
  F_NOT_AFTER_TENS = 1 << 2,
  F_NEEDS_SCALE    = 1 << 3,
  F_VAGUE          = 1 << 4,
  F_BETWEEN        = 1 << 5,
  F_DIGITS         = 1 << 6,
  F_PERSON         = 1 << 7,
  F_BEFORE         = 1 << 8,
  F_AFTER          = 1 << 9,
  F_YEAR           = 1 << 10,
  F_AFTER_SEP      = 1 << 11,
  F_BARE           = 1 << 12,
  F_CAPITAL        = 1 << 13,   /* set by the loader: phrase starts upper case */
} EntryFlags;

static const struct { const char *name; EntryFlags flag; } flag_names[] = {
  { "article", F_ARTICLE },
  { "first", F_FIRST },
  { "not_after_tens", F_NOT_AFTER_TENS },
  { "needs_scale", F_NEEDS_SCALE },
  { "vague", F_VAGUE },
  { "between", F_BETWEEN },
  { "digits", F_DIGITS },
  { "person", F_PERSON },
  { "before", F_BEFORE },
  { "after", F_AFTER },
  { "year", F_YEAR },
  { "after_sep", F_AFTER_SEP },
  { "bare", F_BARE },
};

typedef struct
{
  EntryType     type;
  guint         n_words;
  char        **words;          /* case-folded keys */
  double        value;
  const char   *id;             /* interned; NULL for "-" */
  TriQualifier  qualifier;
  gboolean      has_qualifier;
  guint         flags;
} Entry;

typedef struct
{
  char       *language;
  GHashTable *by_first;         /* first word → GPtrArray of Entry, longest first */
  GPtrArray  *entries;          /* owns the entries */
  GPtrArray  *by_type[N_TYPES]; /* borrowed */
  gunichar    group_sep;
  gunichar    decimal_sep;
} Lexicon;

typedef enum
{
  TOK_WORD,
  TOK_NUMBER,
  TOK_PUNCT,
} TokenKind;

typedef struct
{
  GPtrArray *cands;             /* the lexicon's entries starting with it */
  guint     start;
  guint     end;
  guint     key;                /* offset into Scanner.keys */
  TokenKind kind : 8;
  guint     space_before : 1;
  guint     capital : 1;
} Token;

typedef struct
{
  const Lexicon *lex;
  const char    *text;
  GArray        *tokens;
  GString       *keys;
  guint          n;
} Scanner;

typedef struct
{
  guint         end;            /* token after the last one */
  double        value;
  double        scale;          /* multiplier word at its end, 1 if none */
  TriQualifier  qualifier;      /* implied by a vague amount */
  guint         digits : 1;     /* begins with a digit token */
  guint         vague : 1;
  guint         article_only : 1;
  guint         integer : 1;
} Number;

typedef struct
{
  guint         first;
  guint         end;
  double        number;
  double        number_max;
  TriQualifier  qualifier;
  const char   *unit;
  const char   *owner;
  gboolean      vague;
} Quantity;

/* What a number with no unit of its own may count: the quantity just
 * before it ("2,500 troops in Iraq and 900 in Syria", after a join word),
 * or a count named earlier in the sentence ("the number of US troops …
 * is about 2,500"). */
typedef struct
{
  const char *unit;
  const char *owner;
  guint       end;
  gboolean    needs_join;
} Context;

static void
entry_free (gpointer data)
{
  Entry *e = data;

  g_strfreev (e->words);
  g_free (e);
}

static void
lexicon_free (Lexicon *lex)
{
  g_free (lex->language);
  g_hash_table_unref (lex->by_first);
  for (guint t = 0; t < N_TYPES; t++)
    g_ptr_array_unref (lex->by_type[t]);
  g_ptr_array_unref (lex->entries);
  g_free (lex);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Lexicon, lexicon_free)

/* Tokens */

static inline gboolean
is_word_char (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isalnum (c);
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

static inline gboolean
is_space (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isspace (c);
  return g_unichar_isspace (c) || c == 0x00A0 || c == 0x202F || c == 0x200B;
}

/* The next character, or (gunichar) -1 when the bytes are not UTF-8. */
static inline gunichar
next_char (const char *p,
           const char *stop)
{
  if ((guchar) *p < 0x80)
    return (guchar) *p;
  return g_utf8_get_char_validated (p, stop - p);
}

static gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019;
}

/* Text is NFC: without capitals, a word is its own key. */
static gboolean
has_upper (const char *s,
           gsize       len)
{
  const char *end = s + len;

  for (const char *p = s; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0x80 ? g_unichar_tolower (c) != c : g_ascii_isupper (c))
        return TRUE;
    }
  return FALSE;
}

static void
add_key (GString    *keys,
         Token      *tok,
         const char *text)
{
  const char *s = text + tok->start;
  gsize len = tok->end - tok->start;
  gboolean ascii = TRUE;

  tok->key = keys->len;
  for (gsize i = 0; i < len; i++)
    if ((guchar) s[i] >= 0x80)
      {
        ascii = FALSE;
        break;
      }

  if (ascii)
    {
      for (gsize i = 0; i < len; i++)
        g_string_append_c (keys, g_ascii_tolower (s[i]));
    }
  else if (!has_upper (s, len))
    g_string_append_len (keys, s, len);
  else
    {
      g_autofree char *folded = g_utf8_casefold (s, len);
      g_autofree char *nfc = g_utf8_normalize (folded, -1, G_NORMALIZE_NFC);

      g_string_append (keys, nfc != NULL ? nfc : folded);
    }
  g_string_append_c (keys, '\0');
}

/* Cuts text[start, end) into tokens; offsets stay relative to text. */
static void
tokenize (const char *text,
          guint       start,
          guint       end,
          GArray     *tokens,
          GString    *keys)
{
  const char *p = text + start;
  const char *stop = text + end;
  gboolean space = TRUE;

  while (p < stop && tokens->len < MAX_PIECE_TOKENS)
    {
      gunichar c = next_char (p, stop);
      Token tok = { 0, };
      const char *q;

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          p++;
          space = TRUE;
          continue;
        }
      if (is_space (c))
        {
          p = g_utf8_next_char (p);
          space = TRUE;
          continue;
        }

      tok.start = p - text;
      tok.space_before = space;
      space = FALSE;

      if (c < 0x80 && g_ascii_isdigit (c))
        {
          /* Digits, with inner separators followed by a digit. */
          q = p;
          while (q < stop && g_ascii_isdigit (*q))
            q++;
          while (q + 1 < stop && (*q == '.' || *q == ',') && g_ascii_isdigit (q[1]))
            {
              q++;
              while (q < stop && g_ascii_isdigit (*q))
                q++;
            }
          tok.kind = TOK_NUMBER;
          /* Glued to letters and digits ("46E5"): a word.  Glued to letters
           * only ("1.5bn", "10X", "1st"), the letters are a word of their
           * own, which parse_number() accepts only as a multiplier. */
          if (q < stop)
            {
              gunichar d = next_char (q, stop);

              if (d != (gunichar) -1 && d != (gunichar) -2 && is_word_char (d))
                {
                  const char *r = q;
                  gboolean digits = FALSE;

                  while (r < stop)
                    {
                      d = next_char (r, stop);
                      if (d == (gunichar) -1 || d == (gunichar) -2 || !is_word_char (d))
                        break;
                      if (d < 0x80 && g_ascii_isdigit (d))
                        digits = TRUE;
                      r = g_utf8_next_char (r);
                    }
                  if (digits)
                    {
                      tok.kind = TOK_WORD;
                      q = r;
                    }
                }
            }
        }
      else if (is_word_char (c))
        {
          tok.kind = TOK_WORD;
          tok.capital = c < 0x80 ? g_ascii_isupper (c) : g_unichar_isupper (c);
          q = g_utf8_next_char (p);
          while (q < stop)
            {
              gunichar d = next_char (q, stop);

              if (d == (gunichar) -1 || d == (gunichar) -2)
                break;
              if (is_apostrophe (d))
                {
                  const char *r = g_utf8_next_char (q);
                  gunichar f = r < stop ? g_utf8_get_char_validated (r, stop - r) : 0;

                  if (f == (gunichar) -1 || f == (gunichar) -2 || !g_unichar_isalpha (f))
                    break;
                }
              else if (!is_word_char (d))
                break;
              q = g_utf8_next_char (q);
            }
        }
      else
        {
          tok.kind = TOK_PUNCT;
          q = g_utf8_next_char (p);
        }

      tok.end = q - text;
      add_key (keys, &tok, text);
      g_array_append_val (tokens, tok);
      p = q;
    }
}

static inline const Token *
token_at (const Scanner *s,
          guint          i)
{
  return &g_array_index (s->tokens, Token, i);
}

static inline const char *
key_at (const Scanner *s,
        guint          i)
{
  return s->keys->str + token_at (s, i)->key;
}

/* Whether token i directly touches the one before it (no space). */
static inline gboolean
glued (const Scanner *s,
       guint          i)
{
  return i < s->n && i > 0 && !token_at (s, i)->space_before;
}

static gboolean
is_punct (const Scanner *s,
          guint          i,
          const char    *chars)
{
  const char *k;

  if (i >= s->n || token_at (s, i)->kind != TOK_PUNCT)
    return FALSE;
  k = key_at (s, i);
  return k[0] != '\0' && k[1] == '\0' && strchr (chars, k[0]) != NULL;
}

static gboolean
entry_matches_at (const Scanner *s,
                  const Entry   *e,
                  guint          i)
{
  if (i + e->n_words > s->n)
    return FALSE;
  if ((e->flags & F_CAPITAL) && !token_at (s, i)->capital)
    return FALSE;
  for (guint w = 0; w < e->n_words; w++)
    if (strcmp (key_at (s, i + w), e->words[w]) != 0)
      return FALSE;
  return TRUE;
}

/* The longest entry of @type starting at token @i. */
static const Entry *
match (const Scanner *s,
       guint          i,
       EntryType      type,
       guint         *len)
{
  GPtrArray *cands;

  if (i >= s->n)
    return NULL;
  cands = token_at (s, i)->cands;
  if (cands == NULL)
    return NULL;
  for (guint c = 0; c < cands->len; c++)
    {
      const Entry *e = g_ptr_array_index (cands, c);

      if (e->type == type && entry_matches_at (s, e, i))
        {
          *len = e->n_words;
          return e;
        }
    }
  return NULL;
}

/* The longest entry of @type ending just before token @i. */
static const Entry *
match_before (const Scanner *s,
              guint          i,
              EntryType      type)
{
  GPtrArray *list = s->lex->by_type[type];
  const Entry *best = NULL;

  for (guint c = 0; c < list->len; c++)
    {
      const Entry *e = g_ptr_array_index (list, c);

      if (e->n_words <= i && entry_matches_at (s, e, i - e->n_words)
          && (best == NULL || e->n_words > best->n_words))
        best = e;
    }
  return best;
}

/* Numbers in digits */

typedef struct
{
  char           *locale;
  UNumberFormat  *format;
} CachedFormat;

static void
cached_formats_free (gpointer data)
{
  GPtrArray *formats = data;

  g_ptr_array_unref (formats);
}

static void
cached_format_free (gpointer data)
{
  CachedFormat *cf = data;

  g_free (cf->locale);
  if (cf->format != NULL)
    unum_close (cf->format);
  g_free (cf);
}

/* UNumberFormat is not thread-safe: one per thread and per locale. */
static GPrivate number_formats = G_PRIVATE_INIT (cached_formats_free);

static UNumberFormat *
get_number_format (const char *locale)
{
  GPtrArray *formats = g_private_get (&number_formats);
  CachedFormat *cf;
  UErrorCode e = U_ZERO_ERROR;

  if (formats == NULL)
    {
      formats = g_ptr_array_new_with_free_func (cached_format_free);
      g_private_set (&number_formats, formats);
    }
  for (guint i = 0; i < formats->len; i++)
    {
      cf = g_ptr_array_index (formats, i);
      if (strcmp (cf->locale, locale) == 0)
        return cf->format;
    }

  cf = g_new0 (CachedFormat, 1);
  cf->locale = g_strdup (locale);
  cf->format = unum_open (UNUM_DECIMAL, NULL, 0, locale, NULL, &e);
  if (U_FAILURE (e))
    {
      g_debug ("No number format for %s: %s", locale, u_errorName (e));
      cf->format = NULL;
    }
  g_ptr_array_add (formats, cf);
  return cf->format;
}

static gunichar
format_symbol (UNumberFormat         *format,
               UNumberFormatSymbol    symbol,
               gunichar               fallback)
{
  UChar buf[8];
  UErrorCode e = U_ZERO_ERROR;
  int32_t len = unum_getSymbol (format, symbol, buf, G_N_ELEMENTS (buf), &e);

  if (U_FAILURE (e) || len != 1)
    return fallback;
  return buf[0];
}

/* Whether the digits look like a number of the locale: groups of three
 * after the first, one decimal mark.  "2.5" in Vietnamese and "27.9.2024"
 * are not numbers. */
static gboolean
digits_well_formed (const Lexicon *lex,
                    const char    *s,
                    gsize          len,
                    gboolean      *integer)
{
  gsize i = 0, run = 0;
  guint groups = 0;
  gboolean decimal = FALSE;

  *integer = TRUE;
  for (i = 0; i < len; i++)
    {
      gunichar c = (guchar) s[i];

      if (g_ascii_isdigit (c))
        {
          run++;
          continue;
        }
      if (decimal)
        return FALSE;
      if (c == lex->group_sep)
        {
          if (run == 0 || (groups == 0 && run > 3) || (groups > 0 && run != 3))
            return FALSE;
          groups++;
        }
      else if (c == lex->decimal_sep)
        {
          if (run == 0 || (groups > 0 && run != 3))
            return FALSE;
          decimal = TRUE;
          *integer = FALSE;
        }
      else
        return FALSE;
      run = 0;
    }
  if (run == 0)
    return FALSE;
  if (groups > 0 && !decimal && run != 3)
    return FALSE;
  return TRUE;
}

static gboolean
parse_digits (const Lexicon *lex,
              const char    *s,
              gsize          len,
              double        *value,
              gboolean      *integer)
{
  UNumberFormat *format;
  UChar buf[64];
  int32_t pos = 0;
  UErrorCode e = U_ZERO_ERROR;
  gboolean plain = TRUE;
  double v;

  if (len == 0 || len >= G_N_ELEMENTS (buf))
    return FALSE;
  if (!digits_well_formed (lex, s, len, integer))
    return FALSE;

  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (s[i]))
      plain = FALSE;
  if (plain && len < 16)
    {
      /* Digits only: no locale in them. */
      *value = g_ascii_strtod (s, NULL);
      return TRUE;
    }

  format = get_number_format (lex->language);
  if (format == NULL)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    buf[i] = (UChar) (guchar) s[i];
  v = unum_parseDouble (format, buf, len, &pos, &e);
  if (U_FAILURE (e) || pos != (int32_t) len)
    return FALSE;
  *value = v;
  return TRUE;
}

/* Numbers */

static gboolean
is_year_like (const Scanner *s,
              guint          i)
{
  const Token *tok = token_at (s, i);
  const char *k = key_at (s, i);
  guint64 y;

  if (tok->kind != TOK_NUMBER || tok->end - tok->start != 4)
    return FALSE;
  for (guint c = 0; c < 4; c++)
    if (!g_ascii_isdigit (k[c]))
      return FALSE;
  y = g_ascii_strtoull (k, NULL, 10);
  return y >= 1000 && y <= 2199;
}

/* A glued hyphen between two number words ("twenty-five"). */
static gboolean
is_joiner (const Scanner *s,
           guint          i)
{
  return is_punct (s, i, "-") && glued (s, i) && glued (s, i + 1)
         && token_at (s, i + 1)->kind == TOK_WORD;
}

static gboolean
parse_number (const Scanner *s,
              guint          i,
              Number        *n)
{
  const Entry *e;
  guint len;
  guint j = i;
  double last_mul = 1;

  memset (n, 0, sizeof *n);
  n->scale = 1;
  n->qualifier = TRI_QUALIFIER_EXACT;
  n->integer = TRUE;
  if (i >= s->n)
    return FALSE;

  if (token_at (s, i)->kind == TOK_NUMBER)
    {
      const Token *tok = token_at (s, i);
      gboolean integer;

      if (!parse_digits (s->lex, s->text + tok->start, tok->end - tok->start,
                         &n->value, &integer))
        return FALSE;
      n->digits = TRUE;
      n->integer = integer;
      j = i + 1;
      /* "2,5 triệu", "1.5 million", "3 nghìn tỷ", "2 dozen" */
      while ((e = match (s, j, T_SCALE, &len)) != NULL
             || (e = match (s, j, T_HUNDRED, &len)) != NULL)
        {
          n->value *= e->value;
          n->scale *= e->value;
          last_mul = e->value;
          j += len;
        }
      if (last_mul > 1 && (e = match (s, j, T_HALF, &len)) != NULL)
        {
          n->value += last_mul * e->value;
          j += len;
        }
      /* "10X", "1st", "9h": not a count */
      if (j < s->n && glued (s, j) && token_at (s, j)->kind == TOK_WORD)
        return FALSE;
      n->end = j;
      return n->value > 0;
    }

  if ((e = match (s, i, T_VAGUE, &len)) != NULL)
    {
      gboolean scaled = FALSE;

      n->value = e->value;
      n->vague = TRUE;
      n->qualifier = e->qualifier;
      j = i + len;
      for (;;)
        {
          const Entry *m;

          if ((m = match (s, j, T_TENS, &len)) != NULL
              || (m = match (s, j, T_HUNDRED, &len)) != NULL
              || (m = match (s, j, T_SCALE, &len)) != NULL)
            {
              n->value *= m->value;
              n->scale *= m->value;
              j += len;
              scaled = TRUE;
              continue;
            }
          break;
        }
      if ((e->flags & F_NEEDS_SCALE) && !scaled)
        return FALSE;
      n->end = j;
      return TRUE;
    }

  /* Number words: total (done scales) + group (hundreds) + small (< 100). */
  {
    double total = 0, group = 0, small = 0, last_scale = 0;
    guint words = 0;
    gboolean non_article = FALSE;
    EntryType last = N_TYPES;

    while (j < s->n)
      {
        if (words > 0 && is_joiner (s, j))
          {
            j++;
            continue;
          }
        if ((e = match (s, j, T_DIGIT, &len)) != NULL)
          {
            if ((e->flags & F_FIRST) && words > 0)
              break;
            if (small == 0 && (last != T_DIGIT && last != T_AFTER_TENS))
              small = e->value;
            else if (small >= 10 && small < 100 && fmod (small, 10) == 0 && e->value < 10
                     && !(e->flags & F_NOT_AFTER_TENS)
                     && (last == T_DIGIT || last == T_TENS))
              small += e->value;
            else
              break;
            if (!(e->flags & F_ARTICLE))
              non_article = TRUE;
            last = T_DIGIT;
          }
        else if (words > 0 && small >= 10 && small < 100 && fmod (small, 10) == 0
                 && (e = match (s, j, T_AFTER_TENS, &len)) != NULL)
          {
            small += e->value;
            non_article = TRUE;
            last = T_AFTER_TENS;
          }
        else if (words > 0 && small > 0 && small < 10 && last == T_DIGIT
                 && (e = match (s, j, T_TENS, &len)) != NULL)
          {
            small *= e->value;
            last_mul = e->value;
            non_article = TRUE;
            last = T_TENS;
          }
        else if (words > 0 && small > 0 && small < 100
                 && (e = match (s, j, T_HUNDRED, &len)) != NULL)
          {
            group += small * e->value;
            small = 0;
            last_mul = e->value;
            non_article = TRUE;
            last = T_HUNDRED;
          }
        else if (words > 0 && (e = match (s, j, T_SCALE, &len)) != NULL)
          {
            double x = group + small;

            if (x > 0 && (last_scale == 0 || e->value < last_scale))
              total += x * e->value;
            else if (x == 0 && total > 0 && e->value > last_scale)
              total *= e->value;
            else
              break;
            group = small = 0;
            last_scale = last_mul = e->value;
            non_article = TRUE;
            last = T_SCALE;
          }
        else if (words > 0 && last_mul > 1 && (last == T_SCALE || last == T_HUNDRED)
                 && (e = match (s, j, T_HALF, &len)) != NULL)
          {
            if (last == T_SCALE)
              total += last_mul * e->value;
            else
              group += last_mul * e->value;
            last = T_HALF;
            j += len;
            words++;
            break;
          }
        else if (words > 0 && (e = match (s, j, T_CONNECTOR, &len)) != NULL)
          {
            guint l2;

            if (match (s, j + len, T_DIGIT, &l2) == NULL)
              break;
            j += len;
            continue;
          }
        else
          break;
        j += len;
        words++;
      }

    if (words == 0)
      return FALSE;
    n->value = total + group + small;
    n->end = j;
    n->article_only = !non_article;
    if (last == T_SCALE || last == T_HUNDRED)
      n->scale = last_mul;
    return n->value > 0;
  }
}

/* Quantities */

/* Token i goes on with a date: "-2023" after "7-10", "/2024" after "27/9". */
static gboolean
date_continues (const Scanner *s,
                guint          i)
{
  return glued (s, i) && is_punct (s, i, "-/.") && glued (s, i + 1)
         && token_at (s, i + 1)->kind == TOK_NUMBER;
}

/* Token i is a number written as part of a date, a code or a time:
 * "F-16", "27/9", "10:30". */
static gboolean
in_code (const Scanner *s,
         guint          i)
{
  if (glued (s, i) && is_punct (s, i - 1, "-/.:") && glued (s, i - 1)
      && token_at (s, i - 2)->kind != TOK_PUNCT)
    return TRUE;
  if (glued (s, i + 1) && is_punct (s, i + 1, ":") && glued (s, i + 2)
      && token_at (s, i + 2)->kind == TOK_NUMBER)
    return TRUE;
  return FALSE;
}

static gboolean
after_date_cue (const Scanner *s,
                guint          i,
                guint          number)
{
  const Entry *e = match_before (s, i, T_DATE_CUE);

  if (e == NULL)
    return FALSE;
  if (e->flags & F_YEAR)
    return is_year_like (s, number);
  return TRUE;
}

/* A unit at token u, perhaps after a measure word; its end in *end. */
static const Entry *
match_unit (const Scanner *s,
            guint          u,
            guint         *end)
{
  const Entry *direct, *after_classifier = NULL;
  guint len = 0, clen = 0, len2 = 0;

  direct = match (s, u, T_UNIT, &len);
  if (match (s, u, T_CLASSIFIER, &clen) != NULL)
    after_classifier = match (s, u + clen, T_UNIT, &len2);
  if (after_classifier != NULL && clen + len2 > (direct != NULL ? len : 0))
    {
      *end = u + clen + len2;
      return after_classifier->id != NULL ? after_classifier : NULL;
    }
  if (direct != NULL)
    {
      *end = u + len;
      return direct->id != NULL ? direct : NULL;
    }
  return NULL;
}

static gboolean
make_fraction (guint          first,
               guint          end,
               const Entry   *e,
               gboolean       qualified,
               TriQualifier   qualifier,
               Quantity      *q)
{
  q->first = first;
  q->end = end;
  q->number = q->number_max = e->value;
  q->qualifier = qualified && qualifier != TRI_QUALIFIER_EXACT ? qualifier : e->qualifier;
  q->unit = g_intern_static_string ("fraction");
  q->owner = NULL;
  q->vague = (e->flags & F_VAGUE) != 0;
  return TRUE;
}

/* Whether a number with no unit at tokens [first, end) counts what
 * @ctx names. */
static gboolean
inherits (const Scanner *s,
          guint          first,
          guint          end,
          const Context *ctx)
{
  guint len;

  if (ctx == NULL || ctx->unit == NULL || first < ctx->end
      || first - ctx->end > (ctx->needs_join ? 24 : 16))
    return FALSE;
  if (strcmp (ctx->unit, "fraction") == 0 || strcmp (ctx->unit, "percent") == 0)
    return FALSE;
  if (ctx->needs_join && match_before (s, first, T_JOIN) == NULL)
    return FALSE;
  return end >= s->n || match (s, end, T_FOLLOW, &len) != NULL;
}

/* A count named without a number: "số lính Mỹ", "the number of US
 * troops", "troop levels". */
static gboolean
match_count (const Scanner *s,
             guint          i,
             Context       *ctx)
{
  const Entry *e;
  guint len, k, o;
  const char *owner = NULL;

  if ((e = match (s, i, T_COUNT_NOUN, &len)) != NULL && e->id != NULL)
    {
      const Entry *before = match_before (s, i, T_OWNER);

      if (before != NULL && (before->flags & F_BEFORE))
        owner = before->id;
      ctx->unit = e->id;
      k = i + len;
    }
  else if (match (s, i, T_COUNT_OF, &len) != NULL)
    {
      const Entry *unit_entry;
      guint uend;

      k = i + len;
      for (guint m = 0; m < 3; m++)
        {
          if ((e = match (s, k, T_OWNER, &len)) != NULL && (e->flags & F_BEFORE))
            {
              owner = e->id;
              k += len;
            }
          else if (match (s, k, T_MODIFIER, &len) != NULL)
            k += len;
          else
            break;
        }
      unit_entry = match_unit (s, k, &uend);
      if (unit_entry == NULL)
        return FALSE;
      ctx->unit = unit_entry->id;
      k = uend;
      /* "số binh sĩ thiệt mạng": the owner comes first, then the casualty */
      if (unit_entry->flags & F_PERSON)
        {
          guint c = k;

          if (owner == NULL && (e = match (s, c, T_OWNER, &len)) != NULL && (e->flags & F_AFTER))
            {
              owner = e->id;
              c += len;
            }
          for (guint a = 0; a < 4; a++)
            {
              if ((e = match (s, c, T_CASUALTY, &len)) != NULL && e->id != NULL)
                {
                  ctx->unit = e->id;
                  k = c + len;
                  break;
                }
              if ((e = match (s, c, T_AUX, &len)) == NULL)
                break;
              c += len;
            }
        }
    }
  else
    return FALSE;

  o = k;
  if (match (s, o, T_POSSESSIVE, &len) != NULL)
    o += len;
  if (owner == NULL && (e = match (s, o, T_OWNER, &len)) != NULL && (e->flags & F_AFTER))
    {
      owner = e->id;
      k = o + len;
    }
  ctx->owner = owner;
  ctx->end = k;
  ctx->needs_join = FALSE;
  return TRUE;
}

static gboolean
try_quantity (const Scanner *s,
              guint          i,
              const Context *ctx,
              Quantity      *q)
{
  const Entry *e, *unit_entry = NULL;
  guint len, j = i, k, first = i, number_start;
  TriQualifier qualifier = TRI_QUALIFIER_EXACT;
  gboolean qualified = FALSE, from = FALSE, range = FALSE;
  guint from_flags = 0;
  const char *unit = NULL, *owner = NULL;
  Number lo, hi;
  double low, high;

  memset (q, 0, sizeof *q);

  if ((e = match (s, j, T_FRACTION, &len)) != NULL)
    return make_fraction (i, j + len, e, FALSE, qualifier, q);

  if ((e = match (s, j, T_QUALIFIER, &len)) != NULL)
    {
      qualifier = e->qualifier;
      qualified = TRUE;
      j += len;
      if ((e = match (s, j, T_FRACTION, &len)) != NULL)
        return make_fraction (i, j + len, e, TRUE, qualifier, q);
    }

  if ((e = match (s, j, T_RANGE_FROM, &len)) != NULL)
    {
      Number probe;

      if (parse_number (s, j + len, &probe)
          || (match (s, j + len, T_CURRENCY_BEFORE, &len) != NULL
              && parse_number (s, j + e->n_words + len, &probe)))
        {
          from = TRUE;
          from_flags = e->flags;
          j += e->n_words;
        }
    }

  number_start = j;
  if ((e = match (s, j, T_CURRENCY_BEFORE, &len)) != NULL)
    {
      unit = e->id;
      j += len;
    }

  if (!parse_number (s, j, &lo))
    return FALSE;
  if (lo.digits)
    {
      if (in_code (s, j) || after_date_cue (s, i, j))
        return FALSE;
    }
  k = lo.end;

  /* "1/3": a fraction when proper and not a day and month. */
  if (lo.digits && lo.integer && lo.scale == 1 && is_punct (s, k, "/") && glued (s, k)
      && glued (s, k + 1) && k + 1 < s->n && token_at (s, k + 1)->kind == TOK_NUMBER)
    {
      Number den;

      if (!parse_number (s, k + 1, &den) || !den.integer || den.scale != 1)
        return FALSE;
      if (date_continues (s, k + 2)
          || (glued (s, k + 2) && token_at (s, k + 2)->kind != TOK_PUNCT))
        return FALSE;
      if (lo.value < 1 || lo.value >= den.value || den.value > 100 || unit != NULL)
        return FALSE;
      /* Slashes write dates too ("9/11", "on 1/3"): a fraction needs a
       * qualifier or "of" after it, or a language that allows it bare
       * before a word (Vietnamese writes day/month, after a date word). */
      if (!qualified && match (s, k + 2, T_OF, &len) == NULL)
        {
          const Entry *rule = match (s, k, T_SLASH_FRACTION, &len);

          if (rule == NULL || !(rule->flags & F_BARE)
              || k + 2 >= s->n || token_at (s, k + 2)->kind != TOK_WORD)
            return FALSE;
        }
      q->first = first;
      q->end = k + 2;
      q->number = q->number_max = lo.value / den.value;
      q->qualifier = qualifier;
      q->unit = g_intern_static_string ("fraction");
      return TRUE;
    }
  if (is_punct (s, k, "/:") && glued (s, k) && glued (s, k + 1))
    return FALSE;

  if (unit == NULL && (e = match (s, k, T_PERCENT, &len)) != NULL)
    {
      q->first = first;
      q->end = k + len;
      q->number = q->number_max = lo.value;
      q->qualifier = qualified ? qualifier : lo.qualifier;
      q->unit = g_intern_static_string ("percent");
      q->vague = lo.vague;
      return TRUE;
    }

  /* "một phần ba", "hai phần năm" */
  if (unit == NULL && !lo.vague && (e = match (s, k, T_FRACTION_SEP, &len)) != NULL)
    {
      Number den;
      const Entry *d;
      guint dlen;

      if ((d = match (s, k + len, T_DENOMINATOR, &dlen)) != NULL)
        {
          den.value = d->value;
          den.end = k + len + dlen;
          den.vague = FALSE;
        }
      else if (!parse_number (s, k + len, &den))
        den.value = 0;
      if (den.value > lo.value && !den.vague)
        {
          q->first = first;
          q->end = den.end;
          q->number = q->number_max = lo.value / den.value;
          q->qualifier = qualifier;
          q->unit = g_intern_static_string ("fraction");
          return TRUE;
        }
    }

  /* "a third", "two-thirds" */
  if (unit == NULL && !lo.digits && !lo.vague)
    {
      guint d = is_joiner (s, k) ? k + 1 : k;

      if ((e = match (s, d, T_DENOMINATOR, &len)) != NULL && !(e->flags & F_AFTER_SEP)
          && e->value > lo.value)
        {
          q->first = first;
          q->end = d + len;
          q->number = q->number_max = lo.value / e->value;
          q->qualifier = qualifier;
          q->unit = g_intern_static_string ("fraction");
          return TRUE;
        }
    }

  low = high = lo.value;

  /* Ranges: "250 - 350", "từ 250 đến 350", "between 250 and 350" */
  if ((e = match (s, k, T_RANGE_TO, &len)) != NULL && !lo.vague)
    {
      gboolean ok = TRUE;
      gboolean digits_only = (e->flags & F_DIGITS) != 0;

      if ((e->flags & F_BETWEEN) && !(from && (from_flags & F_BETWEEN)))
        ok = FALSE;
      if (digits_only && !lo.digits)
        ok = FALSE;
      guint h = k + len, clen;
      const Entry *c;

      /* "between $2 million and $3 million" */
      if (unit != NULL && (c = match (s, h, T_CURRENCY_BEFORE, &clen)) != NULL && c->id == unit)
        h += clen;
      if (ok && parse_number (s, h, &hi) && !hi.vague && (!digits_only || hi.digits))
        {
          double l = lo.value;

          if (lo.scale == 1 && hi.scale > 1 && l * hi.scale <= hi.value)
            l *= hi.scale;
          if (digits_only)
            {
              /* "27-1", "7-10-2023", "10-2023": dates */
              if (hi.value <= l || (is_year_like (s, h) && l <= 31))
                return FALSE;
              if (date_continues (s, hi.end))
                return FALSE;
            }
          if (hi.value > l)
            {
              range = TRUE;
              low = l;
              high = hi.value;
              k = hi.end;
            }
        }
      else if (digits_only && glued (s, k) && glued (s, k + 1)
               && token_at (s, k + 1)->kind == TOK_NUMBER)
        return FALSE;
    }
  if (from && !range && !qualified)
    first = number_start;

  if (!qualified)
    qualifier = lo.vague ? lo.qualifier : TRI_QUALIFIER_EXACT;

  if ((e = match (s, k, T_QUALIFIER_AFTER, &len)) != NULL)
    {
      if (!qualified)
        qualifier = e->qualifier;
      k += len;
    }

  if (unit == NULL)
    {
      guint u = k, uend = 0;
      const char *owner_before = NULL;

      if (lo.vague && match (s, u, T_OF, &len) != NULL)
        u += len;
      for (guint m = 0; m < 3; m++)
        {
          if ((e = match (s, u, T_OWNER, &len)) != NULL && (e->flags & F_BEFORE))
            {
              owner_before = e->id;
              u += len;
            }
          else if ((e = match (s, u, T_MODIFIER, &len)) != NULL)
            u += len;
          else
            break;
        }
      unit_entry = match_unit (s, u, &uend);
      if (unit_entry != NULL)
        {
          unit = unit_entry->id;
          owner = owner_before;
          k = uend;
        }
    }

  if (lo.article_only && !range)
    return FALSE;
  if (unit == NULL && !lo.vague && inherits (s, first, k, ctx))
    {
      unit = ctx->unit;
      owner = ctx->owner;
    }
  if (unit == NULL)
    return FALSE;

  if (unit_entry != NULL)
    {
      guint o = k;

      if (match (s, o, T_POSSESSIVE, &len) != NULL)
        o += len;
      if (owner == NULL && (e = match (s, o, T_OWNER, &len)) != NULL && (e->flags & F_AFTER))
        {
          owner = e->id;
          k = o + len;
        }

      if (unit_entry->flags & F_PERSON)
        {
          guint c = k;
          gboolean changed = FALSE;

          /* "bị thương" is a casualty word, "bị giết" aux + casualty */
          for (guint a = 0; a < 4; a++)
            {
              if ((e = match (s, c, T_CASUALTY, &len)) != NULL && e->id != NULL)
                {
                  unit = e->id;
                  k = c + len;
                  changed = TRUE;
                  break;
                }
              if ((e = match (s, c, T_AUX, &len)) == NULL)
                break;
              c += len;
            }
          if (!changed && (e = match_before (s, first, T_CASUALTY_BEFORE)) != NULL
              && e->id != NULL)
            unit = e->id;
        }
    }

  if ((e = match (s, k, T_QUALIFIER_AFTER, &len)) != NULL)
    {
      if (!qualified && qualifier == TRI_QUALIFIER_EXACT)
        qualifier = e->qualifier;
      k += len;
    }

  q->first = first;
  q->end = k;
  q->number = low;
  q->number_max = high;
  q->qualifier = qualifier;
  q->unit = unit;
  q->owner = owner;
  q->vague = lo.vague;
  return TRUE;
}

/* Lexicons */

static gboolean
parse_qualifier (const char   *nick,
                 TriQualifier *out)
{
  static const struct { const char *nick; TriQualifier q; } names[] = {
    { "exact", TRI_QUALIFIER_EXACT },
    { "approx", TRI_QUALIFIER_APPROX },
    { "more_than", TRI_QUALIFIER_MORE_THAN },
    { "less_than", TRI_QUALIFIER_LESS_THAN },
    { "at_least", TRI_QUALIFIER_AT_LEAST },
    { "at_most", TRI_QUALIFIER_AT_MOST },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (strcmp (nick, names[i].nick) == 0)
      {
        *out = names[i].q;
        return TRUE;
      }
  return FALSE;
}

static gboolean
is_numeric_type (EntryType type)
{
  switch (type)
    {
    case T_DIGIT:
    case T_AFTER_TENS:
    case T_TENS:
    case T_HUNDRED:
    case T_SCALE:
    case T_HALF:
    case T_VAGUE:
    case T_DENOMINATOR:
    case T_FRACTION:
      return TRUE;
    case T_CONNECTOR:
    case T_FRACTION_SEP:
    case T_PERCENT:
    case T_QUALIFIER:
    case T_QUALIFIER_AFTER:
    case T_RANGE_FROM:
    case T_RANGE_TO:
    case T_OF:
    case T_CLASSIFIER:
    case T_MODIFIER:
    case T_UNIT:
    case T_CURRENCY_BEFORE:
    case T_OWNER:
    case T_POSSESSIVE:
    case T_AUX:
    case T_CASUALTY:
    case T_CASUALTY_BEFORE:
    case T_COUNT_NOUN:
    case T_DATE_CUE:
    case T_JOIN:
    case T_FOLLOW:
    case T_SLASH_FRACTION:
    case T_COUNT_OF:
    case N_TYPES:
    default:
      return FALSE;
    }
}

static gboolean
is_id_type (EntryType type)
{
  return type == T_UNIT || type == T_CURRENCY_BEFORE || type == T_OWNER
         || type == T_CASUALTY || type == T_CASUALTY_BEFORE || type == T_COUNT_NOUN;
}

static int
compare_longest_first (gconstpointer a,
                       gconstpointer b)
{
  const Entry *ea = *(const Entry * const *) a;
  const Entry *eb = *(const Entry * const *) b;

  return (int) eb->n_words - (int) ea->n_words;
}

static gboolean
parse_line (Lexicon     *lex,
            const char  *path,
            guint        lineno,
            char        *line,
            GArray      *tokens,
            GString     *keys)
{
  g_auto(GStrv) cols = g_strsplit (line, "\t", -1);
  guint ncols = g_strv_length (cols);
  g_autoptr(GPtrArray) words = NULL;
  Entry *e;
  int type = -1;
  gunichar first;

  if (ncols < 2 || ncols > 4)
    {
      g_warning ("%s:%u: expected 2 to 4 tab-separated columns", path, lineno);
      return FALSE;
    }
  for (guint t = 0; t < N_TYPES; t++)
    if (strcmp (cols[0], type_names[t]) == 0)
      type = t;
  if (type < 0)
    {
      g_warning ("%s:%u: unknown type “%s”", path, lineno, cols[0]);
      return FALSE;
    }

  e = g_new0 (Entry, 1);
  e->type = type;
  e->qualifier = TRI_QUALIFIER_EXACT;
  g_ptr_array_add (lex->entries, e);

  if (ncols >= 3 && strcmp (cols[2], "-") != 0 && cols[2][0] != '\0')
    {
      if (is_numeric_type (type))
        {
          char *end = NULL;

          e->value = g_ascii_strtod (cols[2], &end);
          if (end == cols[2] || *end != '\0')
            {
              g_warning ("%s:%u: “%s” is not a number", path, lineno, cols[2]);
              return FALSE;
            }
        }
      else if (type == T_QUALIFIER || type == T_QUALIFIER_AFTER)
        {
          if (!parse_qualifier (cols[2], &e->qualifier))
            {
              g_warning ("%s:%u: unknown qualifier “%s”", path, lineno, cols[2]);
              return FALSE;
            }
          e->has_qualifier = TRUE;
        }
      else if (is_id_type (type))
        e->id = g_intern_string (cols[2]);
    }
  else if (type == T_QUALIFIER || type == T_QUALIFIER_AFTER || is_numeric_type (type))
    {
      if (type != T_CONNECTOR)
        {
          g_warning ("%s:%u: “%s” needs a value", path, lineno, cols[1]);
          return FALSE;
        }
    }

  if (ncols >= 4)
    {
      g_auto(GStrv) flags = g_strsplit (cols[3], ",", -1);

      for (guint f = 0; flags[f] != NULL; f++)
        {
          const char *name = g_strstrip (flags[f]);
          gboolean known = FALSE;

          if (*name == '\0')
            continue;
          if (parse_qualifier (name, &e->qualifier))
            {
              e->has_qualifier = TRUE;
              continue;
            }
          for (guint n = 0; n < G_N_ELEMENTS (flag_names); n++)
            if (strcmp (name, flag_names[n].name) == 0)
              {
                e->flags |= flag_names[n].flag;
                known = TRUE;
              }
          if (!known)
            {
              g_warning ("%s:%u: unknown flag “%s”", path, lineno, name);
              return FALSE;
            }
        }
    }

  /* The phrase's words, cut and folded as the text's are. */
  g_array_set_size (tokens, 0);
  g_string_truncate (keys, 0);
  tokenize (cols[1], 0, strlen (cols[1]), tokens, keys);
  if (tokens->len == 0)
    {
      g_warning ("%s:%u: empty phrase", path, lineno);
      return FALSE;
    }
  words = g_ptr_array_new ();
  for (guint w = 0; w < tokens->len; w++)
    g_ptr_array_add (words, g_strdup (keys->str + g_array_index (tokens, Token, w).key));
  g_ptr_array_add (words, NULL);
  e->n_words = tokens->len;
  e->words = (char **) g_ptr_array_free (g_steal_pointer (&words), FALSE);

  first = g_utf8_get_char (cols[1]);
  if (g_unichar_isupper (first))
    e->flags |= F_CAPITAL;

  {
    GPtrArray *list = g_hash_table_lookup (lex->by_first, e->words[0]);

    if (list == NULL)
      {
        list = g_ptr_array_new ();
        g_hash_table_insert (lex->by_first, g_strdup (e->words[0]), list);
      }
    g_ptr_array_add (list, e);
    g_ptr_array_add (lex->by_type[type], e);
  }
  return TRUE;
}

static Lexicon *
lexicon_load (const char *language)
{
  g_autoptr(Lexicon) lex = g_new0 (Lexicon, 1);
  g_autofree char *relative = g_strdup_printf ("lexicons/quantity-%s.tsv", language);
  g_autoptr(GArray) tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  g_autoptr(GString) keys = g_string_new (NULL);
  g_auto(GStrv) lines = tri_data_read_lines (relative);
  UNumberFormat *format;
  GHashTableIter iter;
  gpointer value;

  lex->language = g_strdup (language);
  lex->entries = g_ptr_array_new_with_free_func (entry_free);
  lex->by_first = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) g_ptr_array_unref);
  for (guint t = 0; t < N_TYPES; t++)
    lex->by_type[t] = g_ptr_array_new ();
  lex->group_sep = ',';
  lex->decimal_sep = '.';

  if (lines == NULL)
    {
      g_debug ("No quantity lexicon for “%s”", language);
      return NULL;
    }

  for (guint l = 0; lines[l] != NULL; l++)
    if (!tri_data_is_comment (lines[l]))
      parse_line (lex, relative, l + 1, lines[l], tokens, keys);

  g_hash_table_iter_init (&iter, lex->by_first);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_sort (value, compare_longest_first);

  format = get_number_format (language);
  if (format != NULL)
    {
      lex->group_sep = format_symbol (format, UNUM_GROUPING_SEPARATOR_SYMBOL, ',');
      lex->decimal_sep = format_symbol (format, UNUM_DECIMAL_SEPARATOR_SYMBOL, '.');
    }
  return g_steal_pointer (&lex);
}

/* Lexicons are loaded once and kept for the life of the process; they are
 * read-only afterwards, so threads share them. */
static const Lexicon *
get_lexicon (const char *language)
{
  static GMutex lock;
  static GHashTable *lexicons;
  g_autofree char *lang = NULL;
  const Lexicon *lex;
  gsize n;

  if (language == NULL)
    return NULL;
  n = strcspn (language, "-_@.");
  if (n == 0 || n > 8)
    return NULL;
  lang = g_ascii_strdown (language, n);

  g_mutex_lock (&lock);
  if (lexicons == NULL)
    lexicons = g_hash_table_new (g_str_hash, g_str_equal);
  if (!g_hash_table_lookup_extended (lexicons, lang, NULL, (gpointer *) &lex))
    {
      lex = lexicon_load (lang);
      g_hash_table_insert (lexicons, g_strdup (lang), (gpointer) lex);
    }
  g_mutex_unlock (&lock);
  return lex;
}

/* Scanning */

static void
scanner_init (Scanner       *s,
              const Lexicon *lex,
              const char    *text)
{
  s->lex = lex;
  s->text = text;
  s->tokens = g_array_sized_new (FALSE, FALSE, sizeof (Token), 256);
  s->keys = g_string_sized_new (1024);
  s->n = 0;
}

static void
scanner_clear (Scanner *s)
{
  g_clear_pointer (&s->tokens, g_array_unref);
  if (s->keys != NULL)
    g_string_free (g_steal_pointer (&s->keys), TRUE);
}

static void
scanner_load (Scanner *s,
              guint    start,
              guint    end)
{
  g_array_set_size (s->tokens, 0);
  g_string_truncate (s->keys, 0);
  tokenize (s->text, start, end, s->tokens, s->keys);
  s->n = s->tokens->len;
  for (guint i = 0; i < s->n; i++)
    {
      Token *tok = &g_array_index (s->tokens, Token, i);

      tok->cands = tok->kind == TOK_NUMBER
                   ? NULL : g_hash_table_lookup (s->lex->by_first, s->keys->str + tok->key);
    }
}

static TriMention *
quantity_to_mention (const Scanner  *s,
                     const Quantity *q)
{
  TriMention *m = tri_mention_new (TRI_MENTION_QUANTITY,
                                   token_at (s, q->first)->start,
                                   token_at (s, q->end - 1)->end);

  m->number = q->number;
  m->number_max = q->number_max;
  m->qualifier = q->qualifier;
  m->unit = q->unit;
  m->owner = q->owner;
  m->vague = q->vague;
  return m;
}

static void
scan_piece (Scanner   *s,
            guint      start,
            guint      end,
            guint      sentence,
            GPtrArray *out)
{
  guint i = 0;
  Quantity q;
  Context ctx = { NULL, NULL, 0, FALSE }, count;

  scanner_load (s, start, end);
  while (i < s->n)
    {
      /* Every quantity starts with digits or a word of the lexicon. */
      if (token_at (s, i)->cands == NULL && token_at (s, i)->kind != TOK_NUMBER)
        {
          i++;
          continue;
        }
      if (try_quantity (s, i, &ctx, &q) && q.end > q.first)
        {
          TriMention *m = quantity_to_mention (s, &q);

          m->sentence = sentence;
          g_ptr_array_add (out, m);
          i = q.end;
          ctx.unit = q.unit;
          ctx.owner = q.owner;
          ctx.end = q.end;
          ctx.needs_join = TRUE;
        }
      else
        {
          if (match_count (s, i, &count))
            ctx = count;
          i++;
        }
    }
}

/* Adds the quantities in text[start, end) to @out.  A quantity never
 * crosses a line, so long spans are read line by line, and an overlong
 * line in pieces cut at a space. */
static void
scan_span (Scanner   *s,
           guint      start,
           guint      end,
           guint      sentence,
           GPtrArray *out)
{
  const char *text = s->text;

  while (start < end)
    {
      guint limit = MIN (end - start, MAX_PIECE + 1);
      const char *nl = memchr (text + start, '\n', limit);
      guint stop = nl != NULL ? (guint) (nl - text) : start + limit;

      if (stop - start > MAX_PIECE)
        {
          stop = start + MAX_PIECE;
          while (stop < end && text[stop] != ' ' && text[stop] != '\n')
            stop++;
        }
      if (stop > start)
        scan_piece (s, start, stop, sentence, out);
      start = stop + (stop < end && (text[stop] == '\n' || text[stop] == ' ') ? 1 : 0);
    }
}

/**
 * tri_quantities_find:
 * @language: the text's language ("vi", "en")
 * @text: UTF-8 text, preferably NFC
 * @len: its length in bytes, or -1 if nul-terminated
 *
 * Finds the counted amounts in @text: the number, its qualifier, what is
 * counted and whose.  A language without a lexicon has none.
 *
 * Returns: (transfer full) (element-type TriMention): quantity mentions
 *   with byte offsets into @text, in order
 */
GPtrArray *
tri_quantities_find (const char *language,
                     const char *text,
                     gssize      len)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) tri_mention_unref);
  const Lexicon *lex;
  Scanner s;

  g_return_val_if_fail (text != NULL, out);

  if (len < 0)
    len = strlen (text);
  lex = get_lexicon (language);
  if (lex == NULL || len == 0 || len > G_MAXUINT)
    return out;

  scanner_init (&s, lex, text);
  scan_span (&s, 0, len, 0, out);
  scanner_clear (&s);
  return out;
}

/**
 * tri_quantity_parse_number:
 * @language: the text's language
 * @text: a number, in digits or words ("2.500", "hai mươi lăm", "a dozen")
 * @len: its length in bytes, or -1 if nul-terminated
 * @value: (out): the number
 *
 * Returns: %TRUE if the whole of @text is one number
 */
gboolean
tri_quantity_parse_number (const char *language,
                           const char *text,
                           gssize      len,
                           double     *value)
{
  const Lexicon *lex;
  Scanner s;
  Number n;
  gboolean ok;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  if (len < 0)
    len = strlen (text);
  lex = get_lexicon (language);
  if (lex == NULL || len == 0 || len > G_MAXUINT)
    return FALSE;

  scanner_init (&s, lex, text);
  scanner_load (&s, 0, len);
  ok = parse_number (&s, 0, &n) && n.end == s.n && !n.article_only;
  if (ok)
    *value = n.value;
  scanner_clear (&s);
  return ok;
}

/**
 * _tri_quantities_tag_article:
 * @article: a segmented article
 *
 * Adds a quantity mention for each counted amount in the article's
 * sentences (which leave out boilerplate).
 */
void
_tri_quantities_tag_article (TriArticle *article)
{
  const Lexicon *lex;
  GArray *sentences;
  const char *text;
  gsize len;
  g_autoptr(GPtrArray) found = NULL;
  Scanner s;

  g_return_if_fail (TRI_IS_ARTICLE (article));

  lex = get_lexicon (tri_article_get_language (article));
  sentences = _tri_article_get_sentences (article);
  text = tri_article_get_text (article, &len);
  if (lex == NULL || sentences == NULL || text == NULL)
    return;

  found = g_ptr_array_new_with_free_func ((GDestroyNotify) tri_mention_unref);
  scanner_init (&s, lex, text);
  for (guint i = 0; i < sentences->len; i++)
    {
      const TriSpan *span = &g_array_index (sentences, TriSpan, i);

      if (span->end <= span->start || span->end > len)
        continue;
      scan_span (&s, span->start, span->end, i, found);
    }
  scanner_clear (&s);

  for (guint i = 0; i < found->len; i++)
    _tri_article_add_mention (article, tri_mention_ref (g_ptr_array_index (found, i)));
}
