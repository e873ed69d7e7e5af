/* tri-name-matcher.c: folded n-gram index of names
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-name-matcher"

#include "config.h"

#include <string.h>

#include "tri-name-matcher-private.h"

/* Names are matched over folded text, token by token.  A name of n tokens
 * is one key, the folded tokens joined by single spaces; its first 1…n-1
 * tokens are also entered, as prefixes, so a scan starting at a token stops
 * as soon as no name can continue.  One open-addressing hash table holds
 * both.  The n-gram hash is built token by token from per-token hashes
 * computed once while folding, so each step of a scan costs one probe and,
 * on a hit, one memcmp. */

/* ---------------------------------------------------------------------- */
/* Folding                                                                */

enum
{
  CHAR_SEPARATOR,
  CHAR_LETTER,      /* letters and digits: part of a token */
  CHAR_SKIP,        /* combining marks, tatweel: part of a token, dropped */
  CHAR_APOSTROPHE,  /* dropped inside a word ("Shia'", "Ma’an"), else a separator */
  CHAR_HYPHEN,
  CHAR_SPACE,
  CHAR_NEWLINE,
  CHAR_DOT,
  CHAR_STOP,        /* ends a sentence: ! ? */
};

/* One entry per code point below TABLE_SIZE: the folded code point in the
 * low 21 bits, the class above it, and whether the original is upper case. */
#define TABLE_SIZE  0x2100
#define CLASS_SHIFT 21
#define CLASS_MASK  0xF
#define UPPER_BIT   (1u << 26)

static guint32 *fold_table;

static gunichar
fold_special (gunichar c)
{
  switch (c)
    {
    case 0x0110: case 0x0111: return 'd';   /* Đ đ: no decomposition */
    case 0x00D0: case 0x00F0: return 'd';   /* Ð ð */
    case 0x00D8: case 0x00F8: return 'o';   /* Ø ø */
    case 0x0141: case 0x0142: return 'l';   /* Ł ł */
    case 0x0126: case 0x0127: return 'h';   /* Ħ ħ */
    case 0x0131: return 'i';                /* dotless ı */
    case 0x00DF: return 's';                /* ß */
    case 0x00C6: case 0x00E6: return 'a';   /* Æ æ */
    case 0x0152: case 0x0153: return 'o';   /* Œ œ */
    case 0x00DE: case 0x00FE: return 't';   /* Þ þ */
    /* Arabic: one letter for the alef, yeh, teh marbuta and kaf variants
     * that spellings of one name disagree on. */
    case 0x0622: case 0x0623: case 0x0625: case 0x0671: return 0x0627;
    case 0x0629: return 0x0647;
    case 0x0649: case 0x06CC: case 0x06D2: return 0x064A;
    case 0x06A9: return 0x0643;
    default: return 0;
    }
}

static guint32
classify (gunichar c)
{
  gunichar folded;
  gunichar decomposition[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  guint32 upper = (g_unichar_isupper (c) || g_unichar_istitle (c)) ? UPPER_BIT : 0;

  switch (c)
    {
    case '\'': case '`': case 0x2018: case 0x2019: case 0x02BC: case 0x02BB:
    case 0x02BF: case 0x02BE:
      return (guint32) CHAR_APOSTROPHE << CLASS_SHIFT;
    case '-': case 0x2010: case 0x2011:
      return (guint32) CHAR_HYPHEN << CLASS_SHIFT;
    case ' ': case '\t': case 0x00A0: case 0x202F: case 0x2009:
      return (guint32) CHAR_SPACE << CLASS_SHIFT;
    case '\n': case '\r': case 0x2028: case 0x2029:
      return (guint32) CHAR_NEWLINE << CLASS_SHIFT;
    case '.':
      return (guint32) CHAR_DOT << CLASS_SHIFT;
    case '!': case '?':
      return (guint32) CHAR_STOP << CLASS_SHIFT;
    case 0x0640:  /* tatweel */
      return (guint32) CHAR_SKIP << CLASS_SHIFT;
    default:
      break;
    }

  if (g_unichar_ismark (c))
    return (guint32) CHAR_SKIP << CLASS_SHIFT;
  if (!g_unichar_isalnum (c))
    return (guint32) CHAR_SEPARATOR << CLASS_SHIFT;

  if (c >= 0x0660 && c <= 0x0669)
    folded = '0' + (c - 0x0660);
  else if (c >= 0x06F0 && c <= 0x06F9)
    folded = '0' + (c - 0x06F0);
  else if ((folded = fold_special (c)) == 0)
    {
      gsize n = g_unichar_fully_decompose (c, FALSE, decomposition,
                                           G_N_ELEMENTS (decomposition));

      folded = g_unichar_tolower (n > 0 ? decomposition[0] : c);
      if (fold_special (folded) != 0)
        folded = fold_special (folded);
    }

  return folded | ((guint32) CHAR_LETTER << CLASS_SHIFT) | upper;
}

static void
ensure_fold_table (void)
{
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      guint32 *table = g_new (guint32, TABLE_SIZE);

      for (gunichar c = 0; c < TABLE_SIZE; c++)
        table[c] = classify (c);
      fold_table = table;
      g_once_init_leave (&initialized, 1);
    }
}

static inline guint32
lookup_char (gunichar c)
{
  if (G_LIKELY (c < TABLE_SIZE))
    return fold_table[c];
  if (c >= 0xD800 && c < 0xE000)
    return (guint32) CHAR_SEPARATOR << CLASS_SHIFT;
  return classify (c);
}

static inline guint32
hash_bytes (const char *s,
            gsize       len)
{
  guint32 h = 2166136261u;

  for (gsize i = 0; i < len; i++)
    h = (h ^ (guchar) s[i]) * 16777619u;
  return h;
}

/* The hash of a sequence of tokens, extended one token at a time. */
#define NGRAM_SEED 0x9747b28cu

static inline guint32
ngram_extend (guint32 h,
              guint32 token_hash)
{
  h ^= token_hash + 0x9e3779b9u + (h << 6) + (h >> 2);
  return h != 0 ? h : 1;
}

typedef enum
{
  SEP_NONE,      /* start of text */
  SEP_SPACE,     /* spaces or tabs only */
  SEP_HYPHEN,    /* one hyphen, no spaces */
  SEP_DOT,       /* a dot, maybe a space: "U.S." or "St. Louis" */
  SEP_BREAK,     /* anything else */
} SepKind;

typedef struct
{
  TriFoldedText *out;
  TriToken       token;
  gboolean       in_token;
  gboolean       pending_apostrophe;
  guint          n_letters;
  guint          n_upper;
  guint          n_digits;
  gboolean       first_letter_seen;
  gunichar       last_folded;
  /* Between tokens. */
  SepKind        sep;
  gboolean       sep_sentence;  /* a sentence end (". ", "!", newline) was seen */
  guint          sep_chars;
  /* An "al"/"el" token waiting to see whether a name follows it. */
  gboolean       have_article;
  TriToken       article;
  gboolean       article_hyphen_only;
} Folder;

static gboolean
is_article (const char *folded,
            guint       len,
            SepKind     sep)
{
  static const char * const hyphenated[] = {
    "ad", "ar", "as", "ash", "at", "az", "an", "adh", "ath", "el", "ed", "er", "es", "et",
    "ez", "en", "ul", "ud", "ur", "us",
  };

  /* "al" goes with a space or a hyphen ("Al Asad", "al-Asad"); the
   * assimilated forms only with a hyphen, because "as", "at", "an", "el"
   * are words of English or Spanish on their own. */
  if (len == 2 && memcmp (folded, "al", 2) == 0)
    return sep == SEP_SPACE || sep == SEP_HYPHEN;
  if (sep != SEP_HYPHEN || len > 3)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (hyphenated); i++)
    if (strlen (hyphenated[i]) == len && memcmp (folded, hyphenated[i], len) == 0)
      return TRUE;
  return FALSE;
}

static void
finish_token (Folder *f)
{
  TriToken *t = &f->token;
  GString *folded = f->out->folded;
  const char *text;

  if (!f->in_token)
    return;
  f->in_token = FALSE;
  f->pending_apostrophe = FALSE;

  /* Tokens start with a letter, so the folded form is never empty; an
   * apostrophe at the end of a word ("Shia'") was dropped. */
  t->flen = folded->len - t->fstart;
  text = folded->str + t->fstart;
  t->hash = hash_bytes (text, t->flen);
  if (f->n_upper > 0 && f->n_upper == f->n_letters && f->n_letters >= 2)
    t->flags |= TRI_TOKEN_ALL_CAPS;
  if (f->n_digits > 0 && f->n_letters == 0)
    t->flags |= TRI_TOKEN_NUMERIC;
  g_array_append_val (f->out->tokens, *t);
}

static void
start_token (Folder   *f,
             guint32   offset,
             gboolean  upper,
             gboolean  caseless)
{
  GString *folded = f->out->folded;
  TriToken *t = &f->token;
  guint n = f->out->tokens->len;

  /* Decide about the article before this token: fold it into this one, or
   * keep it as a token of its own. */
  if (n > 0)
    {
      TriToken *prev = &g_array_index (f->out->tokens, TriToken, n - 1);

      if (!f->sep_sentence && (prev->flags & TRI_TOKEN_ARTICLE) == 0 &&
          prev->end == offset - f->sep_chars &&
          is_article (folded->str + prev->fstart, prev->flen, f->sep))
        {
          guint32 start = prev->start;
          guint16 prev_flags = prev->flags;

          g_string_truncate (folded, prev->fstart);
          g_array_set_size (f->out->tokens, n - 1);
          memset (t, 0, sizeof *t);
          t->start = start;
          t->flags = TRI_TOKEN_ARTICLE | (prev_flags & (TRI_TOKEN_JOINED | TRI_TOKEN_SENTENCE_START));
          goto started;
        }
    }

  memset (t, 0, sizeof *t);
  t->start = offset;
  if (n > 0)
    {
      TriToken *prev = &g_array_index (f->out->tokens, TriToken, n - 1);
      /* An initial's dot joins: "U.S.", "John Q. Public", "W. Bush". */
      gboolean initial = f->sep == SEP_DOT && prev->flen == 1 &&
                         (prev->flags & TRI_TOKEN_CAPITALIZED);

      if (initial || (!f->sep_sentence && (f->sep == SEP_SPACE || f->sep == SEP_HYPHEN ||
                                           (f->sep == SEP_DOT && prev->flen == 1))))
        t->flags |= TRI_TOKEN_JOINED;
      /* "Gen. Dan Caine", "TP. Hồ Chí Minh": a dot after a short capitalised
       * token is an abbreviation, not a sentence end. */
      if (f->sep_sentence && !(f->sep == SEP_DOT && prev->flen <= 3 &&
                               (prev->flags & TRI_TOKEN_CAPITALIZED)))
        t->flags |= TRI_TOKEN_SENTENCE_START;
    }
  else
    t->flags |= TRI_TOKEN_SENTENCE_START;
  if (folded->len > 0)
    g_string_append_c (folded, ' ');

started:
  t->core = offset;
  t->fstart = folded->len;
  if (upper)
    t->flags |= TRI_TOKEN_CAPITALIZED;
  if (caseless)
    t->flags |= TRI_TOKEN_CASELESS;
  f->in_token = TRUE;
  f->pending_apostrophe = FALSE;
  f->n_letters = f->n_upper = f->n_digits = 0;
  f->last_folded = 0;
  f->sep = SEP_NONE;
  f->sep_sentence = FALSE;
  f->sep_chars = 0;
}

static inline void
append_folded (Folder   *f,
               gunichar  c)
{
  GString *folded = f->out->folded;

  /* Doubled Latin letters are single: Assad = Asad, Hassan = Hasan,
   * Fallujah = Falujah.  Not digits. */
  if (c < 0x80)
    {
      if (c == f->last_folded && c >= 'a' && c <= 'z')
        return;
      g_string_append_c (folded, (char) c);
    }
  else
    g_string_append_unichar (folded, c);
  f->last_folded = c;
}

static void
add_separator (Folder *f,
               guint   cls,
               guint   n_bytes)
{
  SepKind kind;

  f->sep_chars += n_bytes;
  switch (cls)
    {
    case CHAR_SPACE:
      kind = SEP_SPACE;
      break;
    case CHAR_HYPHEN:
      kind = SEP_HYPHEN;
      break;
    case CHAR_DOT:
      kind = SEP_DOT;
      break;
    case CHAR_NEWLINE:
    case CHAR_STOP:
      f->sep_sentence = TRUE;
      kind = SEP_BREAK;
      break;
    default:
      kind = SEP_BREAK;
      break;
    }

  if (f->sep == SEP_NONE)
    f->sep = kind;
  else if (f->sep == SEP_DOT && kind == SEP_SPACE)
    {
      /* ". " ends a sentence unless the word before was an abbreviation;
       * the next token decides. */
      f->sep_sentence = TRUE;
    }
  else if (f->sep != kind || kind != SEP_SPACE)
    f->sep = SEP_BREAK;
}

static void fold_into (TriFoldedText *self,
                       const char    *text,
                       gsize          len);

/**
 * _tri_folded_text_reset:
 * @self: a #TriFoldedText, initialised or zero-filled
 * @text: UTF-8 text
 * @len: its length in bytes
 *
 * Folds @text into @self, reusing its buffers.
 */
void
_tri_folded_text_reset (TriFoldedText *self,
                        const char    *text,
                        gsize          len)
{
  fold_into (self, text, len);
}

/**
 * _tri_folded_text_init:
 * @self: an uninitialised #TriFoldedText
 * @text: UTF-8 text (invalid sequences are separators)
 * @len: its length in bytes
 *
 * Cuts @text into tokens and folds them.  @text must outlive @self.
 */
void
_tri_folded_text_init (TriFoldedText *self,
                       const char    *text,
                       gsize          len)
{
  self->folded = NULL;
  self->tokens = NULL;
  fold_into (self, text, len);
}

/* Folds @text into @self, reusing its buffers when it has some. */
static void
fold_into (TriFoldedText *self,
           const char    *text,
           gsize          len)
{
  Folder f = { 0, };
  const char *p = text;
  const char *end = text + len;

  ensure_fold_table ();

  self->text = text;
  self->len = len;
  if (self->folded == NULL)
    {
      self->folded = g_string_sized_new (len + 16);
      self->tokens = g_array_sized_new (FALSE, FALSE, sizeof (TriToken), len / 5 + 8);
    }
  else
    {
      g_string_truncate (self->folded, 0);
      g_array_set_size (self->tokens, 0);
    }
  f.out = self;
  f.sep = SEP_NONE;
  f.sep_sentence = TRUE;

  while (p < end)
    {
      gunichar c;
      guint32 entry;
      guint cls;
      guint n_bytes;
      const char *next;

      if ((guchar) *p < 0x80)
        {
          c = (guchar) *p;
          next = p + 1;
        }
      else
        {
          c = g_utf8_get_char_validated (p, end - p);
          if (c == (gunichar) -1 || c == (gunichar) -2)
            {
              if (f.in_token)
                finish_token (&f);
              add_separator (&f, CHAR_SEPARATOR, 1);
              p++;
              continue;
            }
          next = g_utf8_next_char (p);
        }
      n_bytes = next - p;

      entry = lookup_char (c);
      cls = (entry >> CLASS_SHIFT) & CLASS_MASK;

      if (f.in_token && f.pending_apostrophe && cls != CHAR_LETTER && cls != CHAR_SKIP)
        {
          /* The apostrophe ended the word after all. */
          f.pending_apostrophe = FALSE;
        }

      switch (cls)
        {
        case CHAR_LETTER:
          {
            gunichar folded = entry & 0x1FFFFF;
            gboolean upper = (entry & UPPER_BIT) != 0;

            if (!f.in_token)
              {
                gboolean caseless = !upper && g_unichar_tolower (c) == c &&
                                    g_unichar_toupper (c) == c &&
                                    !g_unichar_isdigit (c);

                start_token (&f, p - text, upper, caseless);
              }
            f.pending_apostrophe = FALSE;
            if (g_unichar_isdigit (c))
              f.n_digits++;
            else
              {
                f.n_letters++;
                if (upper)
                  f.n_upper++;
              }
            append_folded (&f, folded);
            f.token.end = next - text;
          }
          break;

        case CHAR_SKIP:
          if (f.in_token)
            f.token.end = next - text;
          break;

        case CHAR_APOSTROPHE:
          /* English possessive: "Iraq's", "al-Sudani’s" end the name. */
          if (f.in_token && !f.pending_apostrophe && next < end && (*next == 's' || *next == 'S') &&
              (next + 1 == end || !g_unichar_isalnum (g_utf8_get_char_validated (next + 1, end - next - 1))))
            {
              /* …joined to what follows, like a space: "Iraq's Defence
               * Ministry" is a name. */
              finish_token (&f);
              add_separator (&f, CHAR_SPACE, n_bytes + 1);
              p = next + 1;
              continue;
            }
          if (f.in_token && !f.pending_apostrophe)
            {
              /* Inside a word, or closing it ("Shia'"): not a break.  A
               * following letter continues the word, and is not a doubled
               * letter ("Ma’an" keeps both a's). */
              f.pending_apostrophe = TRUE;
              f.last_folded = 0;
              break;
            }
          if (f.in_token)
            finish_token (&f);
          add_separator (&f, CHAR_SEPARATOR, n_bytes);
          break;

        default:
          if (f.in_token)
            finish_token (&f);
          add_separator (&f, cls, n_bytes);
          break;
        }

      p = next;
    }

  if (f.in_token)
    finish_token (&f);
}

void
_tri_folded_text_clear (TriFoldedText *self)
{
  if (self->folded != NULL)
    g_string_free (self->folded, TRUE);
  if (self->tokens != NULL)
    g_array_unref (self->tokens);
  self->folded = NULL;
  self->tokens = NULL;
}

/**
 * _tri_folded_text_dup_words:
 * @self: folded text
 * @first: a token
 * @n_tokens: how many
 *
 * The tokens as written, lower case but with their diacritics, one space
 * apart: for comparing words whose diacritics matter ("tướng", general,
 * and "tưởng", to believe).
 *
 * Returns: (transfer full): the words
 */
char *
_tri_folded_text_dup_words (const TriFoldedText *self,
                            guint                first,
                            guint                n_tokens)
{
  g_autoptr(GString) words = g_string_new (NULL);

  for (guint i = first; i < first + n_tokens && i < self->tokens->len; i++)
    {
      const TriToken *t = &g_array_index (self->tokens, TriToken, i);
      g_autofree char *lower = g_utf8_casefold (self->text + t->core, t->end - t->core);

      if (i > first)
        g_string_append_c (words, ' ');
      g_string_append (words, lower);
    }
  return g_string_free (g_steal_pointer (&words), FALSE);
}

/**
 * _tri_fold_name:
 * @name: a name
 * @len: its length, or -1 if nul-terminated
 * @n_tokens: (out) (optional): how many tokens it has
 *
 * Returns: (transfer full): the folded name, its tokens one space apart
 *   ("Ain al-Assad" → "ain asad"); empty if it has no letters
 */
char *
_tri_fold_name (const char *name,
                gssize      len,
                guint      *n_tokens)
{
  TriFoldedText folded;
  char *result;

  if (len < 0)
    len = strlen (name);
  _tri_folded_text_init (&folded, name, len);
  if (n_tokens != NULL)
    *n_tokens = folded.tokens->len;
  result = g_strndup (folded.folded->str, folded.folded->len);
  _tri_folded_text_clear (&folded);
  return result;
}

/* ---------------------------------------------------------------------- */
/* The index                                                              */

enum
{
  KEY_FULL   = 1 << 0,
  KEY_PREFIX = 1 << 1,
};

typedef struct
{
  guint32 text;       /* offset into pool */
  guint16 len;
  guint8  n_tokens;
  guint8  flags;
  guint32 n_values;
  guint32 value;      /* the value when n_values == 1, else an index into multi */
} Key;

typedef struct
{
  guint32 hash;       /* 0: empty */
  guint32 key;        /* index into keys */
} Slot;

struct _TriNameMatcher
{
  GByteArray *pool;
  GArray     *keys;     /* Key */
  GPtrArray  *multi;    /* guint32 arrays of values, for keys with several */
  Slot       *slots;
  guint       n_slots;  /* a power of two */
  guint       n_used;
  TriFoldedText scratch; /* reused by _tri_name_matcher_add() */
  /* One bit per hash of a first token of some name: most tokens of a text
   * start no name, and this answers them from a table small enough for the
   * cache, without touching the hash table. */
  guint64    *first_tokens;
};

#define FILTER_BITS (1u << 21)

static inline guint
filter_bit (guint32 hash)
{
  return (hash * 0x9e3779b1u) >> (32 - 21);
}

TriNameMatcher *
_tri_name_matcher_new (void)
{
  TriNameMatcher *self = g_new0 (TriNameMatcher, 1);

  ensure_fold_table ();
  self->pool = g_byte_array_new ();
  self->keys = g_array_new (FALSE, FALSE, sizeof (Key));
  self->multi = g_ptr_array_new_with_free_func (g_free);
  self->n_slots = 1024;
  self->slots = g_new0 (Slot, self->n_slots);
  self->first_tokens = g_new0 (guint64, FILTER_BITS / 64);
  return self;
}

void
_tri_name_matcher_free (TriNameMatcher *self)
{
  if (self == NULL)
    return;
  g_byte_array_unref (self->pool);
  g_array_unref (self->keys);
  g_ptr_array_unref (self->multi);
  g_free (self->slots);
  g_free (self->first_tokens);
  _tri_folded_text_clear (&self->scratch);
  g_free (self);
}

static inline guint
slot_index (guint32 hash,
            guint   n_slots)
{
  hash ^= hash >> 16;
  hash *= 0x85ebca6bu;
  hash ^= hash >> 13;
  return hash & (n_slots - 1);
}

static inline gint64
find_key (const TriNameMatcher *self,
          guint32               hash,
          const char           *text,
          gsize                 len)
{
  guint mask = self->n_slots - 1;

  for (guint i = slot_index (hash, self->n_slots);; i = (i + 1) & mask)
    {
      const Slot *slot = &self->slots[i];
      const Key *key;

      if (slot->hash == 0)
        return -1;
      if (slot->hash != hash)
        continue;
      key = &g_array_index (self->keys, Key, slot->key);
      if (key->len == len && memcmp (self->pool->data + key->text, text, len) == 0)
        return slot->key;
    }
}

static void
grow (TriNameMatcher *self)
{
  guint n_slots = self->n_slots * 2;
  Slot *slots = g_new0 (Slot, n_slots);

  for (guint i = 0; i < self->n_slots; i++)
    {
      const Slot *slot = &self->slots[i];
      guint j;

      if (slot->hash == 0)
        continue;
      for (j = slot_index (slot->hash, n_slots); slots[j].hash != 0; j = (j + 1) & (n_slots - 1))
        ;
      slots[j] = *slot;
    }
  g_free (self->slots);
  self->slots = slots;
  self->n_slots = n_slots;
}

static guint
intern_key (TriNameMatcher *self,
            guint32         hash,
            const char     *text,
            gsize           len,
            guint           n_tokens,
            guint           flags)
{
  gint64 found = find_key (self, hash, text, len);
  Key key = { 0, };
  guint i;

  if (found >= 0)
    {
      g_array_index (self->keys, Key, found).flags |= flags;
      return found;
    }

  if ((self->n_used + 1) * 2 > self->n_slots)
    grow (self);

  key.text = self->pool->len;
  key.len = len;
  key.n_tokens = n_tokens;
  key.flags = flags;
  g_byte_array_append (self->pool, (const guint8 *) text, len);
  g_array_append_val (self->keys, key);

  for (i = slot_index (hash, self->n_slots); self->slots[i].hash != 0; i = (i + 1) & (self->n_slots - 1))
    ;
  self->slots[i].hash = hash;
  self->slots[i].key = self->keys->len - 1;
  self->n_used++;
  return self->keys->len - 1;
}

static void
add_value (TriNameMatcher *self,
           guint           index,
           guint32         value,
           guint32         merge_mask)
{
  Key *key = &g_array_index (self->keys, Key, index);
  guint32 *values;

  if (key->n_values == 0)
    {
      key->n_values = 1;
      key->value = value;
      return;
    }

  values = key->n_values == 1 ? &key->value : g_ptr_array_index (self->multi, key->value);
  for (guint i = 0; i < key->n_values; i++)
    {
      /* Another spelling of the same entry: merge its bits in. */
      if ((values[i] & merge_mask) == (value & merge_mask))
        {
          values[i] |= value;
          return;
        }
    }

  if (key->n_values == 1)
    {
      guint32 *array = g_new (guint32, 2);

      array[0] = key->value;
      array[1] = value;
      g_ptr_array_add (self->multi, array);
      key->value = self->multi->len - 1;
    }
  else
    {
      guint32 **slot = (guint32 **) &g_ptr_array_index (self->multi, key->value);

      *slot = g_renew (guint32, *slot, key->n_values + 1);
      (*slot)[key->n_values] = value;
    }
  key->n_values++;
}

static guint
add_tokens (TriNameMatcher      *self,
            const TriFoldedText *folded,
            guint32              value,
            guint32              merge_mask)
{
  guint n = folded->tokens->len;
  guint32 hash = NGRAM_SEED;
  guint index = 0;

  if (n == 0 || n > TRI_NAME_MAX_TOKENS)
    return 0;

  for (guint i = 0; i < n; i++)
    {
      const TriToken *t = &g_array_index (folded->tokens, TriToken, i);
      gsize len = t->fstart + t->flen;

      hash = ngram_extend (hash, t->hash);
      if (len > G_MAXUINT16)
        return 0;
      if (i == 0)
        self->first_tokens[filter_bit (hash) / 64] |= G_GUINT64_CONSTANT (1) << (filter_bit (hash) % 64);
      index = intern_key (self, hash, folded->folded->str, len, i + 1,
                          i + 1 < n ? KEY_PREFIX : KEY_FULL);
    }
  add_value (self, index, value, merge_mask);
  return n;
}

/**
 * _tri_name_matcher_add:
 * @self: a #TriNameMatcher
 * @name: a name as written ("Ain al-Assad")
 * @value: what it stands for, opaque to the matcher
 * @merge_mask: bits of @value that identify an entry: a value equal to an
 *   existing one of the same key under this mask is or-ed into it
 *
 * Returns: the number of tokens of @name, or 0 if it has no letters or too
 *   many tokens and was not added
 */
guint
_tri_name_matcher_add (TriNameMatcher *self,
                       const char     *name,
                       guint32         value,
                       guint32         merge_mask)
{
  fold_into (&self->scratch, name, strlen (name));
  return add_tokens (self, &self->scratch, value, merge_mask);
}

/**
 * _tri_name_matcher_add_folded:
 * @self: a #TriNameMatcher
 * @name: a name folded by _tri_folded_text_reset()
 * @value: what it stands for
 * @merge_mask: as for _tri_name_matcher_add()
 *
 * Returns: %FALSE if @name has no tokens or too many
 */
gboolean
_tri_name_matcher_add_folded (TriNameMatcher      *self,
                              const TriFoldedText *name,
                              guint32              value,
                              guint32              merge_mask)
{
  return add_tokens (self, name, value, merge_mask) > 0;
}

/**
 * _tri_name_matcher_find_at:
 * @self: a #TriNameMatcher
 * @text: folded text
 * @first: index of the token to start at
 * @lengths: (out caller-allocates): the token count of each name found
 * @keys: (out caller-allocates): the key of each name found
 * @max_matches: room in @lengths and @keys
 *
 * Finds the names that start at token @first and run over joined tokens,
 * shortest first.
 *
 * Returns: how many were found
 */
guint
_tri_name_matcher_find_at (const TriNameMatcher *self,
                           const TriFoldedText  *text,
                           guint                 first,
                           guint                *lengths,
                           guint32              *keys,
                           guint                 max_matches)
{
  const TriToken *tokens = (const TriToken *) (gpointer) text->tokens->data;
  guint n_tokens = text->tokens->len;
  const char *folded = text->folded->str;
  guint32 hash = NGRAM_SEED;
  guint found = 0;

  for (guint i = first; i < n_tokens && i - first < TRI_NAME_MAX_TOKENS; i++)
    {
      const TriToken *t = &tokens[i];
      gint64 index;
      const Key *key;

      if (i > first && !(t->flags & TRI_TOKEN_JOINED))
        break;
      hash = ngram_extend (hash, t->hash);
      if (i == first &&
          !(self->first_tokens[filter_bit (hash) / 64] & (G_GUINT64_CONSTANT (1) << (filter_bit (hash) % 64))))
        break;
      index = find_key (self, hash, folded + tokens[first].fstart,
                        t->fstart + t->flen - tokens[first].fstart);
      if (index < 0)
        break;
      key = &g_array_index (self->keys, Key, index);
      if ((key->flags & KEY_FULL) && key->n_values > 0 && found < max_matches)
        {
          lengths[found] = i - first + 1;
          keys[found] = index;
          found++;
        }
      if (!(key->flags & KEY_PREFIX))
        break;
    }

  return found;
}

/**
 * _tri_name_matcher_lookup:
 *
 * Looks up exactly the @n_tokens tokens from @first, joined or not.
 *
 * Returns: %TRUE if they are a name, with its key in @key
 */
gboolean
_tri_name_matcher_lookup (const TriNameMatcher *self,
                          const TriFoldedText  *text,
                          guint                 first,
                          guint                 n_tokens,
                          guint32              *key)
{
  const TriToken *tokens = (const TriToken *) (gpointer) text->tokens->data;
  guint32 hash = NGRAM_SEED;
  const TriToken *last;
  gint64 index;

  if (n_tokens == 0 || first + n_tokens > text->tokens->len)
    return FALSE;
  for (guint i = first; i < first + n_tokens; i++)
    hash = ngram_extend (hash, tokens[i].hash);
  last = &tokens[first + n_tokens - 1];
  index = find_key (self, hash, text->folded->str + tokens[first].fstart,
                    last->fstart + last->flen - tokens[first].fstart);
  if (index < 0)
    return FALSE;
  if (!(g_array_index (self->keys, Key, index).flags & KEY_FULL))
    return FALSE;
  if (key != NULL)
    *key = index;
  return TRUE;
}

/**
 * _tri_name_matcher_lookup_name:
 *
 * Returns: the key of @name, or %G_MAXUINT32 if it is not in the index
 */
guint32
_tri_name_matcher_lookup_name (const TriNameMatcher *self,
                               const char           *name)
{
  TriFoldedText folded;
  guint32 key = G_MAXUINT32;

  _tri_folded_text_init (&folded, name, strlen (name));
  if (!_tri_name_matcher_lookup (self, &folded, 0, folded.tokens->len, &key))
    key = G_MAXUINT32;
  _tri_folded_text_clear (&folded);
  return key;
}

const guint32 *
_tri_name_matcher_get_values (const TriNameMatcher *self,
                              guint32               index,
                              guint                *n_values)
{
  const Key *key;

  g_return_val_if_fail (index < self->keys->len, NULL);

  key = &g_array_index (self->keys, Key, index);
  *n_values = key->n_values;
  if (key->n_values <= 1)
    return &key->value;
  return g_ptr_array_index (self->multi, key->value);
}

guint
_tri_name_matcher_get_n_keys (const TriNameMatcher *self)
{
  return self->keys->len;
}

/* What the index takes in memory, for the benchmark. */
gsize
_tri_name_matcher_get_size (const TriNameMatcher *self)
{
  gsize size = sizeof *self;

  size += self->pool->len;
  size += self->keys->len * sizeof (Key);
  size += self->n_slots * sizeof (Slot);
  size += FILTER_BITS / 8;
  for (guint i = 0; i < self->multi->len; i++)
    size += 4 * sizeof (guint32);
  return size;
}
