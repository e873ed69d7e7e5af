/* tri-claims.c: sentences and clauses into claims
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-claims"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "tri-claims-private.h"
#include "tri-data.h"

/* How far before a trigger a negation or a modal word may stand. */
#define SCOPE_BYTES 40
/* How close "kể từ" must stand before its time. */
#define SINCE_GAP 12
/* How far after a trigger a modal or a negation may stand. */
#define AFTER_BYTES 8
/* How many mentions a backward search looks at, at most. */
#define SCAN_LIMIT 256

typedef enum
{
  LEX_TRIGGER,
  LEX_SAY,
  LEX_ACCORDING,
  LEX_NEGATION,
  LEX_NOT_NEGATION,
  LEX_FUTURE,
  LEX_POSSIBLE,
  LEX_SINCE,
  LEX_NOW,
  LEX_OBJECT,
  LEX_CLAUSE,
  LEX_PROPORTION,
  LEX_AT,
  LEX_ANAPHOR,
  LEX_ONCE,
  LEX_FORCES,
  LEX_TOPIC,
  LEX_THEN,
  LEX_WHEN,
  LEX_VAGUE,
  LEX_RECIPIENT,
  LEX_NOT_TRIGGER,
  N_LEX
} LexKind;

static const char *lex_names[N_LEX] = {
  "trigger", "say", "according", "negation", "not-negation", "future",
  "possible", "since", "now", "object", "clause", "proportion", "at",
  "anaphor", "once", "forces", "topic", "then", "when", "vague", "recipient",
  "not-trigger",
};

typedef struct
{
  LexKind     kind;
  char       *phrase;           /* lower case */
  gsize       len;
  const char *value;            /* interned */
  const char *value2;           /* interned: "topic", the governing type */
  double      lo;
  double      hi;
} LexEntry;

typedef struct
{
  guint           start;
  guint           end;
  const LexEntry *entry;
} Hit;

/* Entities: parents and countries of places and actors. */
typedef struct
{
  const char *parent;           /* interned */
  const char *country;          /* interned ISO code */
  const char *kind;             /* interned */
} Entity;

static GMutex      data_lock;
static GStringChunk *strings;   /* ids, parents, countries and kinds */
static GHashTable *lexicons;    /* language → GArray of LexEntry */
static GHashTable *types;       /* interned type → TriClaimType */
static GHashTable *places;      /* interned id → Entity */
static GHashTable *countries;   /* ISO code → interned country place id */
static GHashTable *actors;      /* interned id → Entity */
static GHashTable *actor_names; /* lower-case name → interned id */

static char *
lower_same_length (const char *text,
                   gsize       len)
{
  char *out = g_malloc (len + 1);
  const char *p = text;
  char *o = out;

  while (p < text + len)
    {
      const char *next = g_utf8_next_char (p);
      gunichar c = g_utf8_get_char_validated (p, next - p);
      char buf[6];
      int n;

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          memcpy (o, p, next - p);
          o += next - p;
          p = next;
          continue;
        }
      n = g_unichar_to_utf8 (g_unichar_tolower (c), buf);
      if (n == next - p)
        memcpy (o, buf, n);
      else
        memcpy (o, p, next - p);
      o += next - p;
      p = next;
    }
  *o = '\0';
  return out;
}

static void
lex_entry_clear (gpointer data)
{
  g_free (((LexEntry *) data)->phrase);
}

static GArray *
load_lexicon (const char *language)
{
  g_autofree char *relative = g_strdup_printf ("lexicons/claims-%s.tsv", language);
  g_auto(GStrv) lines = tri_data_read_lines (relative);
  GArray *entries = g_array_new (FALSE, TRUE, sizeof (LexEntry));

  g_array_set_clear_func (entries, lex_entry_clear);
  for (guint i = 0; lines && lines[i]; i++)
    {
      g_auto(GStrv) cols = NULL;
      LexEntry e = { 0 };
      guint n;

      if (tri_data_is_comment (lines[i]))
        continue;
      cols = g_strsplit (lines[i], "\t", -1);
      n = g_strv_length (cols);
      if (n < 2 || cols[1][0] == '\0')
        continue;
      for (e.kind = 0; e.kind < N_LEX; e.kind++)
        if (strcmp (cols[0], lex_names[e.kind]) == 0)
          break;
      if (e.kind == N_LEX)
        {
          g_debug ("%s: unknown kind %s", relative, cols[0]);
          continue;
        }
      {
        g_autofree char *nfc = g_utf8_normalize (g_strstrip (cols[1]), -1, G_NORMALIZE_NFC);

        e.phrase = lower_same_length (nfc, strlen (nfc));
      }
      e.len = strlen (e.phrase);
      if (n > 2 && cols[2][0])
        e.value = g_intern_string (g_strstrip (cols[2]));
      if (n > 3 && cols[3][0])
        e.value2 = g_intern_string (g_strstrip (cols[3]));
      if (e.kind == LEX_PROPORTION)
        {
          e.lo = n > 2 ? g_ascii_strtod (cols[2], NULL) : 0;
          e.hi = n > 3 ? g_ascii_strtod (cols[3], NULL) : e.lo;
        }
      g_array_append_val (entries, e);
    }
  return entries;
}

static guint
fields_from_letters (const char *s)
{
  guint f = 0;

  for (; s && *s; s++)
    switch (*s)
      {
      case 'a': f |= TRI_FIELD_ACTOR; break;
      case 'p': f |= TRI_FIELD_PLACE; break;
      case 't': f |= TRI_FIELD_TIME; break;
      case 'q': f |= TRI_FIELD_QUANTITY; break;
      case 'o': f |= TRI_FIELD_OBJECT; break;
      default: break;
      }
  return f;
}

static void
load_types (void)
{
  g_auto(GStrv) lines = tri_data_read_lines ("lexicons/claims-types.tsv");

  types = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  for (guint i = 0; lines && lines[i]; i++)
    {
      g_auto(GStrv) cols = NULL;
      g_auto(GStrv) needs = NULL;
      g_auto(GStrv) units = NULL;
      TriClaimType *t;

      if (tri_data_is_comment (lines[i]))
        continue;
      cols = g_strsplit (lines[i], "\t", -1);
      if (g_strv_length (cols) < 6)
        continue;
      t = g_new0 (TriClaimType, 1);
      t->type = g_intern_string (cols[0]);
      t->state = strcmp (cols[1], "state") == 0;
      t->descriptor = strcmp (cols[1], "descriptor") == 0;
      t->args = fields_from_letters (cols[2]);
      /* "yes", or how many days apart two dates of it still conflict */
      t->once = strcmp (cols[3], "yes") == 0 || g_ascii_isdigit (cols[3][0]);
      t->once_window = g_ascii_isdigit (cols[3][0]) ? (guint) g_ascii_strtoull (cols[3], NULL, 10) : 0;
      needs = g_strsplit (cols[4], "|", 4);
      for (guint j = 0; needs[j]; j++)
        if (strcmp (needs[j], "-") != 0)
          t->needs[t->n_needs++] = fields_from_letters (needs[j]);
      units = g_strsplit (g_strstrip (cols[5]), ",", 4);
      for (guint j = 0; units[j]; j++)
        if (strcmp (units[j], "-") != 0 && units[j][0])
          t->units[t->n_units++] = g_intern_string (units[j]);
      if (cols[6] != NULL && strcmp (g_strstrip (cols[6]), "-") != 0 && cols[6][0])
        t->through = g_intern_string (cols[6]);
      g_hash_table_insert (types, (gpointer) t->type, t);
    }
}

static void
load_entities (const char *relative,
               GHashTable *table,
               guint       country_col,
               guint       parent_col,
               gboolean    is_actor)
{
  g_auto(GStrv) lines = tri_data_read_lines (relative);

  for (guint i = 0; lines && lines[i]; i++)
    {
      g_auto(GStrv) cols = NULL;
      Entity *e;
      guint n;

      if (tri_data_is_comment (lines[i]))
        continue;
      cols = g_strsplit (lines[i], "\t", -1);
      n = g_strv_length (cols);
      if (n <= country_col)
        continue;
      /* facilities.tsv amends generated rows with references ("parent
       * admin1:IQ.01"); places.tsv already holds them resolved. */
      if (!is_actor && g_hash_table_contains (table, cols[0]) &&
          (cols[1][0] == '\0' || (n > parent_col && strchr (cols[parent_col], ':') != NULL)))
        continue;
      e = g_new0 (Entity, 1);
      e->kind = g_string_chunk_insert_const (strings, cols[1]);
      e->country = cols[country_col][0] ? g_string_chunk_insert_const (strings, cols[country_col]) : NULL;
      if (n > parent_col && g_strstrip (cols[parent_col])[0])
        e->parent = g_string_chunk_insert_const (strings, cols[parent_col]);
      g_hash_table_replace (table, g_string_chunk_insert_const (strings, cols[0]), e);
      if (!is_actor && strcmp (cols[1], "country") == 0 && e->country)
        g_hash_table_replace (countries, (gpointer) e->country,
                              g_string_chunk_insert_const (strings, cols[0]));
      if (is_actor)
        {
          g_auto(GStrv) aliases = n > 5 ? g_strsplit (cols[5], "|", -1) : NULL;
          const char *id = g_string_chunk_insert_const (strings, cols[0]);
          const char *names[] = { cols[2], cols[3] };

          for (guint j = 0; j < G_N_ELEMENTS (names); j++)
            if (names[j][0])
              g_hash_table_insert (actor_names, lower_same_length (names[j], strlen (names[j])),
                                   (gpointer) id);
          for (guint j = 0; aliases && aliases[j]; j++)
            if (aliases[j][0])
              g_hash_table_insert (actor_names, lower_same_length (aliases[j], strlen (aliases[j])),
                                   (gpointer) id);
        }
    }
}

static void
ensure_data (void)
{
  if (types != NULL)
    return;
  lexicons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);
  strings = g_string_chunk_new (64 * 1024);
  places = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  countries = g_hash_table_new (g_str_hash, g_str_equal);
  actors = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  actor_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  /* places.tsv / facilities.tsv: id kind name_en name_vi lat lon country parent … */
  load_entities ("gazetteer/places.tsv", places, 6, 7, FALSE);
  load_entities ("gazetteer/facilities.tsv", places, 6, 7, FALSE);
  /* actors.tsv: id kind name_en name_vi country aliases parent */
  load_entities ("actors/actors.tsv", actors, 4, 6, TRUE);
  load_types ();
}

static GArray *
get_lexicon (const char *language)
{
  GArray *lex;

  if (language == NULL || (strcmp (language, "vi") != 0 && strcmp (language, "en") != 0))
    language = "en";
  lex = g_hash_table_lookup (lexicons, language);
  if (lex == NULL)
    {
      lex = load_lexicon (language);
      g_hash_table_insert (lexicons, g_strdup (language), lex);
    }
  return lex;
}

/* The tables are only written once, under the lock; afterwards they are
 * read without it. */
static void
ensure_data_locked (void)
{
  static gsize loaded = 0;

  if (g_once_init_enter (&loaded))
    {
      g_mutex_lock (&data_lock);
      ensure_data ();
      g_mutex_unlock (&data_lock);
      g_once_init_leave (&loaded, 1);
    }
}

/**
 * _tri_claim_type_lookup:
 * @type: a claim type
 *
 * Returns: (nullable): what the data says about @type
 */
const TriClaimType *
_tri_claim_type_lookup (const char *type)
{
  ensure_data_locked ();
  return g_hash_table_lookup (types, g_intern_string (type));
}

/* Equal ids are often the same pointer: claims intern theirs. */
static gboolean
entity_is_within (GHashTable *table,
                  const char *child,
                  const char *ancestor)
{
  const Entity *e, *a;

  if (child == ancestor)
    return TRUE;
  ensure_data_locked ();
  a = g_hash_table_lookup (table, ancestor);
  for (guint depth = 0; depth < 16 && child != NULL; depth++)
    {
      if (depth > 0 && strcmp (child, ancestor) == 0)
        return TRUE;
      e = g_hash_table_lookup (table, child);
      if (e == NULL)
        break;
      /* A place in a country is within that country even when the chain
       * of parents stops short of it (both strings come from the chunk). */
      if (a != NULL && a->country != NULL && e->country == a->country &&
          (strcmp (a->kind, "country") == 0 || strcmp (a->kind, "government") == 0))
        return TRUE;
      child = e->parent;
    }
  return FALSE;
}

gboolean
_tri_place_is_within (const char *child,
                      const char *ancestor)
{
  ensure_data_locked ();
  return entity_is_within (places, child, ancestor);
}

gboolean
_tri_actor_is_within (const char *child,
                      const char *ancestor)
{
  ensure_data_locked ();
  return entity_is_within (actors, child, ancestor);
}

/* Same, for interned ids: no locking, no interning. */
gboolean
_tri_place_is_within_interned (const char *child,
                               const char *ancestor)
{
  return entity_is_within (places, child, ancestor);
}

gboolean
_tri_actor_is_within_interned (const char *child,
                               const char *ancestor)
{
  return entity_is_within (actors, child, ancestor);
}

/* The country a place is in, as a gazetteer id; the place itself when
 * unknown. Used as a blocking key. */
const char *
_tri_place_get_root (const char *place)
{
  const Entity *e;
  const char *root;

  if (place == NULL)
    return NULL;
  ensure_data_locked ();
  e = g_hash_table_lookup (places, place);
  root = e && e->country ? g_hash_table_lookup (countries, e->country) : NULL;
  if (root == NULL && e != NULL && strcmp (e->kind, "region") == 0)
    return NULL;
  return root ? root : place;
}

const char *
_tri_actor_get_kind (const char *actor)
{
  const Entity *e;

  ensure_data_locked ();
  e = g_hash_table_lookup (actors, actor);
  return e ? e->kind : NULL;
}

/* Extraction. */

static gboolean
is_word_char (const char *text,
              gsize       len,
              gssize      offset)
{
  gunichar c;

  if (offset < 0 || (gsize) offset >= len)
    return FALSE;
  c = g_utf8_get_char (text + offset);
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

static gboolean
word_before_is_char (const char *text,
                     gsize       len,
                     guint       offset)
{
  const char *prev;

  if (offset == 0)
    return FALSE;
  prev = g_utf8_find_prev_char (text, text + offset);
  return prev != NULL && is_word_char (text, len, prev - text);
}

static int
compare_hits (gconstpointer a,
              gconstpointer b)
{
  const Hit *x = a, *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return (int) y->end - (int) x->end;
}

/* Every whole-word occurrence of every entry in @lower[start, end);
 * a hit inside a longer one is dropped. */
static GArray *
find_hits (GArray     *lexicon,
           const char *lower,
           gsize       len,
           guint       start,
           guint       end)
{
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (Hit));
  GArray *hits = g_array_new (FALSE, FALSE, sizeof (Hit));
  g_autofree char *window = g_strndup (lower + start, end - start);

  for (guint i = 0; i < lexicon->len; i++)
    {
      const LexEntry *e = &g_array_index (lexicon, LexEntry, i);
      const char *p = window;

      while ((p = strstr (p, e->phrase)) != NULL)
        {
          guint s = start + (p - window);
          guint t = s + e->len;

          if (!word_before_is_char (lower, len, s) && !is_word_char (lower, len, t))
            {
              Hit h = { s, t, e };

              g_array_append_val (all, h);
            }
          p += 1;
        }
    }
  g_array_sort (all, compare_hits);
  /* Sorted by start, longest first: a hit lies inside a longer one iff
   * the earlier hit reaching furthest ends after it, or ends with it but
   * starts before.  One pass keeps this linear in the number of hits. */
  {
    guint far_start = 0, far_end = 0;
    gboolean any = FALSE;

    for (guint i = 0; i < all->len; i++)
      {
        const Hit *h = &g_array_index (all, Hit, i);
        gboolean inside = FALSE;

        /* Place words only cue: "a third of Iraq" keeps its "of". */
        if (any && h->entry->kind != LEX_AT)
          inside = far_end > h->end || (far_end == h->end && far_start < h->start);
        if (!any || h->end > far_end)
          {
            far_start = h->start;
            far_end = h->end;
            any = TRUE;
          }
        /* Phrases that only hide the words inside them ("keep
         * supporting" is no "keep") */
        if (!inside && h->entry->kind != LEX_NOT_NEGATION && h->entry->kind != LEX_NOT_TRIGGER)
          g_array_append_val (hits, *h);
      }
  }
  return hits;
}

typedef struct
{
  TriArticle  *article;
  const char  *text;
  const char  *lower;
  gsize        len;
  GPtrArray   *mentions;
  GArray      *hits;            /* of the sentence */
  guint        sentence;
  guint        sent_start;
  guint        sent_end;
  guint        m_first;         /* mentions of the sentence: [m_first, m_last) */
  guint        m_last;
} Sentence;

typedef struct
{
  guint               pos;      /* where the anchor stands */
  guint               end;
  const TriClaimType *type;
  gint                quantity; /* mention index, or -1 */
  const LexEntry     *proportion;
  guint               prop_start;
} Anchor;

static TriMention *
mention_at (Sentence *s,
            guint     i)
{
  return g_ptr_array_index (s->mentions, i);
}

/* The number of the sentence's hits that start before @pos (hits are
 * sorted by start). */
static guint
hits_before (Sentence *s,
             guint     pos)
{
  guint lo = 0, hi = s->hits->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (s->hits, Hit, mid).start < pos)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* The first mention of the sentence that starts at or after @pos
 * (mentions are sorted by start), or m_last. */
static guint
mention_from (Sentence *s,
              guint     pos)
{
  guint lo = s->m_first, hi = s->m_last;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (mention_at (s, mid)->start < pos)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static gboolean
type_accepts_unit (const TriClaimType *t,
                   const char         *unit)
{
  if (!(t->args & TRI_FIELD_QUANTITY))
    return FALSE;
  if (t->n_units == 0)
    return TRUE;
  for (guint i = 0; i < t->n_units; i++)
    if (t->units[i] == unit)
      return TRUE;
  return FALSE;
}

static const TriClaimType *
type_implied_by_unit (const char *unit)
{
  GHashTableIter iter;
  gpointer value;

  if (unit == NULL)
    return NULL;
  unit = g_intern_string (unit);
  g_hash_table_iter_init (&iter, types);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      const TriClaimType *t = value;

      for (guint i = 0; i < t->n_units; i++)
        if (t->units[i] == unit)
          return t;
    }
  return NULL;
}

static gboolean
is_break_char (gunichar c)
{
  return c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == '"' ||
         c == 0x201C || c == 0x201D || c == 0x2018 || c == 0x2019 || c == '[' || c == ']';
}

static gboolean
is_dash (gunichar c)
{
  return c == '-' || c == 0x2013 || c == 0x2014;
}

/* Whether [start, end) holds a trigger or a quantity. */
static gboolean
span_has_anchor (Sentence *s,
                 guint     start,
                 guint     end)
{
  for (guint i = 0; i < s->hits->len; i++)
    {
      const Hit *h = &g_array_index (s->hits, Hit, i);

      if (h->entry->kind == LEX_TRIGGER && h->start >= start && h->end <= end)
        return TRUE;
    }
  for (guint i = s->m_first; i < s->m_last; i++)
    {
      TriMention *m = mention_at (s, i);

      if (m->kind == TRI_MENTION_QUANTITY && m->start >= start && m->end <= end &&
          type_implied_by_unit (m->unit) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* Cuts the sentence into clauses: at commas, semicolons, brackets, quotes
 * and spaced dashes always; at a conjunction when both sides state
 * something of their own. A break never falls inside a mention. */
static GArray *
split_clauses (Sentence *s)
{
  g_autoptr(GArray) cuts = g_array_new (FALSE, FALSE, sizeof (guint) * 2);
  GArray *clauses = g_array_new (FALSE, FALSE, sizeof (TriSpan));
  guint start = s->sent_start;

  for (const char *p = s->text + s->sent_start; p < s->text + s->sent_end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      guint off = p - s->text;
      gboolean cut = FALSE;
      guint after = off + g_unichar_to_utf8 (c, NULL);

      if (is_break_char (c))
        cut = TRUE;
      else if (is_dash (c) && off > 0 && s->text[off - 1] == ' ' && s->text[after] == ' ')
        cut = TRUE;
      if (cut)
        {
          for (guint i = s->m_first; i < s->m_last && cut; i++)
            {
              TriMention *m = mention_at (s, i);

              if (m->start < off && m->end > off)
                cut = FALSE;
            }
        }
      if (cut)
        {
          guint pair[2] = { off, after };

          g_array_append_val (cuts, pair);
        }
    }
  {
    guint pair[2] = { s->sent_end, s->sent_end };

    g_array_append_val (cuts, pair);
  }

  for (guint i = 0; i < cuts->len; i++)
    {
      guint *pair = (guint *) (cuts->data + i * sizeof (guint) * 2);
      guint end = pair[0];
      guint piece = start;

      /* Conjunctions inside the piece. */
      for (guint j = 0; j < s->hits->len; j++)
        {
          const Hit *h = &g_array_index (s->hits, Hit, j);
          guint next_conj = end;

          if (h->entry->kind != LEX_CLAUSE || h->start <= piece || h->end >= end)
            continue;
          for (guint k = j + 1; k < s->hits->len; k++)
            {
              const Hit *n = &g_array_index (s->hits, Hit, k);

              if (n->entry->kind == LEX_CLAUSE && n->start > h->end && n->start < end)
                {
                  next_conj = n->start;
                  break;
                }
            }
          if (span_has_anchor (s, piece, h->start) && span_has_anchor (s, h->end, next_conj))
            {
              TriSpan span = { piece, h->start };

              g_array_append_val (clauses, span);
              piece = h->end;
            }
        }
      if (end > piece)
        {
          TriSpan span = { piece, end };

          g_array_append_val (clauses, span);
        }
      start = pair[1];
    }
  return clauses;
}

static void
trim_span (const char *text,
           guint      *start,
           guint      *end)
{
  while (*start < *end)
    {
      gunichar c = g_utf8_get_char (text + *start);

      if (!g_unichar_isspace (c) && !is_break_char (c) && !is_dash (c) && c != '.')
        break;
      *start = g_utf8_next_char (text + *start) - text;
    }
  while (*end > *start)
    {
      const char *prev = g_utf8_find_prev_char (text, text + *end);
      gunichar c = g_utf8_get_char (prev);

      if (!g_unichar_isspace (c) && !is_break_char (c) && !is_dash (c) && c != '.')
        break;
      *end = prev - text;
    }
}

/* The nearest mention of @kind before @before, at or after @floor. */
static gint
nearest_before (Sentence       *s,
                TriMentionKind  kind,
                guint           floor,
                guint           before,
                gboolean        metonyms_as_actors)
{
  /* Mentions are sorted by start: the last one that ends before @before
   * starts before it, so scan back from there (bounded, to stay linear on
   * pathological sentences). */
  guint scanned = 0;

  for (guint i = mention_from (s, before); i-- > s->m_first && scanned++ < SCAN_LIMIT;)
    {
      TriMention *m = mention_at (s, i);
      gboolean ok = m->kind == kind;

      if (m->start < floor)
        break;

      if (metonyms_as_actors && kind == TRI_MENTION_ACTOR)
        ok = ok || (m->kind == TRI_MENTION_PLACE && m->metonym);
      if (kind == TRI_MENTION_PLACE && m->metonym)
        ok = FALSE;
      if (ok && m->entity == NULL && kind != TRI_MENTION_TIME)
        ok = FALSE;
      if (ok && kind == TRI_MENTION_TIME && m->day_first == 0)
        ok = FALSE;
      if (ok && m->start >= floor && m->end <= before)
        return i;
    }
  return -1;
}

static gint
next_time_after (Sentence   *s,
                 guint       from,
                 const char *through)
{
  for (guint i = mention_from (s, from); i < s->m_last; i++)
    {
      TriMention *m = mention_at (s, i);

      if (m->kind != TRI_MENTION_TIME || m->day_first == 0 || m->start < from)
        continue;
      for (guint j = hits_before (s, from); j < s->hits->len; j++)
        {
          const Hit *h = &g_array_index (s->hits, Hit, j);

          if (h->start >= m->start)
            break;
          if (h->entry->kind == LEX_TRIGGER && h->start >= from && h->start < m->start &&
              h->entry->value != through)
            return -1;
        }
      for (guint j = mention_from (s, from); j < i; j++)
        {
          TriMention *q = mention_at (s, j);

          if (q->kind == TRI_MENTION_QUANTITY && q->start >= from && q->start < m->start &&
              type_implied_by_unit (q->unit) != NULL)
            return -1;
        }
      return i;
    }
  return -1;
}

/* How far after a claim's region its "when" may stand. */
#define WHEN_GAP 12

/* The first time in the "when" clause right after @from, or -1. */
static gint
when_clause_time (Sentence *s,
                  guint     from)
{
  for (guint j = hits_before (s, from); j < s->hits->len; j++)
    {
      const Hit *h = &g_array_index (s->hits, Hit, j);

      if (h->start < from)
        continue;
      if (h->start - from > WHEN_GAP)
        break;
      if (h->entry->kind != LEX_WHEN)
        continue;
      for (guint i = mention_from (s, h->end); i < s->m_last; i++)
        {
          TriMention *m = mention_at (s, i);

          if (m->kind == TRI_MENTION_TIME && m->day_first != 0 && m->start >= h->end &&
              m->precision != TRI_PRECISION_DURATION)
            return i;
        }
      break;
    }
  return -1;
}

/* Whether [@start, @end) lies in a time mention ("last week"). */
static gboolean
inside_time (Sentence *s,
             guint     start,
             guint     end)
{
  guint k = mention_from (s, end);

  for (guint scanned = 0; k-- > s->m_first && scanned < 8; scanned++)
    {
      TriMention *m = mention_at (s, k);

      if (m->kind == TRI_MENTION_TIME && m->start <= start && m->end >= end)
        return TRUE;
    }
  return FALSE;
}

/* Whether the sentence before names @place (an interned id). */
static gboolean
previous_sentence_names (Sentence   *s,
                         const char *place)
{
  guint pstart, pend, scanned = 0;

  if (s->sentence == 0 || !tri_article_get_sentence (s->article, s->sentence - 1, &pstart, &pend))
    return FALSE;
  for (guint i = s->m_first; i-- > 0 && scanned++ < SCAN_LIMIT;)
    {
      TriMention *m = mention_at (s, i);

      if (m->start < pstart)
        break;
      if (m->kind == TRI_MENTION_PLACE && m->entity == place && m->end <= pend)
        return TRUE;
    }
  return FALSE;
}

/* The last dated time of the sentence before, in the same story. */
static gint
previous_sentence_time (Sentence *s)
{
  guint pstart, pend;

  if (s->sentence == 0 || !tri_article_get_sentence (s->article, s->sentence - 1, &pstart, &pend))
    return -1;
  if (_tri_article_story_at (s->article, pstart) != _tri_article_story_at (s->article, s->sent_start))
    return -1;
  for (guint i = s->m_first; i-- > 0;)
    {
      TriMention *m = mention_at (s, i);

      if (m->start < pstart)
        break;
      if (m->kind == TRI_MENTION_TIME && m->day_first != 0 && m->end <= pend &&
          m->precision != TRI_PRECISION_DURATION)
        return i;
    }
  return -1;
}

static const char *
resolve_object (Sentence *s,
                guint     from,
                guint     limit)
{
  const char *p = s->text + from;
  guint words = 0;
  const char *best = NULL;
  guint cap_end = 0;

  while (p < s->text + limit && *p == ' ')
    p++;
  if (p >= s->text + limit)
    return NULL;
  /* An actor the tagger found right there. */
  for (guint i = s->m_first; i < s->m_last; i++)
    {
      TriMention *m = mention_at (s, i);

      if ((m->kind == TRI_MENTION_ACTOR || m->kind == TRI_MENTION_PLACE) &&
          m->start == (guint) (p - s->text) && m->entity)
        return m->entity;
    }
  if (!g_unichar_isupper (g_utf8_get_char (p)))
    return NULL;
  /* The longest run of up to six words that names a known actor. */
  for (const char *q = p; q <= s->text + limit && words < 6; q = g_utf8_next_char (q))
    {
      gunichar c = q < s->text + limit ? g_utf8_get_char (q) : ' ';

      if (c == ' ' || is_break_char (c) || c == '.' || q == s->text + limit)
        {
          g_autofree char *key = g_strndup (s->lower + (p - s->text), q - p);
          const char *id = g_hash_table_lookup (actor_names, key);

          words++;
          if (id != NULL)
            best = id;
          if (cap_end == 0 && q + 1 < s->text + limit && !g_unichar_isupper (g_utf8_get_char (q + 1)))
            cap_end = q - s->text;
          if (c != ' ' || q == s->text + limit)
            {
              if (cap_end == 0)
                cap_end = q - s->text;
              break;
            }
        }
    }
  if (best != NULL)
    return best;
  if (cap_end == 0)
    cap_end = MIN (limit, (guint) (p - s->text) + 40);
  {
    g_autofree char *name = g_strndup (s->lower + (p - s->text), cap_end - (p - s->text));

    return g_intern_string (g_strstrip (name));
  }
}

static void
set_time_from_mention (TriClaim   *claim,
                       TriMention *m,
                       guint       index)
{
  tri_claim_set_time (claim, m->value, m->precision, m->day_first, m->day_last);
  claim->time_modifier = m->modifier;
  claim->time_inferred = m->inferred;
  claim->time_mention = claim->n_mentions;
  tri_claim_add_mention (claim, index);
  if (claim->time_mention >= claim->n_mentions)
    claim->time_mention = -1;
}

static guint32
reference_day (Sentence *s,
               guint     offset,
               gboolean *inferred)
{
  const TriStory *story = _tri_article_story_at (s->article, offset);

  *inferred = TRUE;
  if (story != NULL && story->reference != 0)
    {
      *inferred = story->reference_source != TRI_DATE_SOURCE_HEADER &&
                  story->reference_source != TRI_DATE_SOURCE_USER;
      return story->reference;
    }
  if (_tri_article_get_published_day (s->article) != 0)
    {
      TriDateSource src = tri_article_get_published_source (s->article);

      *inferred = src != TRI_DATE_SOURCE_HEADER && src != TRI_DATE_SOURCE_USER;
      return _tri_article_get_published_day (s->article);
    }
  return 0;
}

/* Whether time mention @m begins after the story's date: a plan ("by
 * September 2026") is no narrative's time to carry into the next
 * sentence. */
static gboolean
after_reference (Sentence         *s,
                 const TriMention *m)
{
  gboolean inferred;
  guint32 ref = reference_day (s, m->start, &inferred);

  return ref != 0 && m->day_first > ref;
}

/* Whether a hit of @kind (whose value is @value, unless %NULL) starts at
 * or after @floor and ends at most @scope bytes before @pos. */
static gboolean
hit_valued_before (Sentence   *s,
                   LexKind     kind,
                   const char *value,
                   guint       floor,
                   guint       pos,
                   guint       scope)
{
  for (guint i = 0; i < s->hits->len; i++)
    {
      const Hit *h = &g_array_index (s->hits, Hit, i);

      if (h->entry->kind == kind && h->start >= floor && h->end <= pos &&
          pos - h->end <= scope && (value == NULL || h->entry->value == value))
        return TRUE;
    }
  return FALSE;
}

static gboolean
hit_before (Sentence *s,
            LexKind   kind,
            guint     floor,
            guint     pos,
            guint     scope)
{
  return hit_valued_before (s, kind, NULL, floor, pos, scope);
}

/* A word of @kind just before the anchor, or right after it ("the talks
 * may resume", "troops did not leave"). */
static gboolean
hit_near (Sentence     *s,
          LexKind       kind,
          guint         clause_start,
          guint         clause_end,
          const Anchor *a)
{
  /* Back from the anchor; a verb of saying or a conjunction between
   * takes the word for itself ("did not confirm the number of troops who
   * left", "không xác nhận việc rút quân"). */
  for (guint i = hits_before (s, a->pos); i-- > 0;)
    {
      const Hit *h = &g_array_index (s->hits, Hit, i);

      if (h->end > a->pos || h->start < clause_start)
        continue;
      if (a->pos - h->end > SCOPE_BYTES)
        break;
      if (h->entry->kind == kind)
        return TRUE;
      if (h->entry->kind == LEX_SAY || h->entry->kind == LEX_CLAUSE)
        break;
    }
  for (guint i = 0; i < s->hits->len; i++)
    {
      const Hit *h = &g_array_index (s->hits, Hit, i);

      if (h->start < a->end || h->end > clause_end || h->start - a->end > AFTER_BYTES)
        continue;
      /* "confirmed the withdrawal but gave no details": a conjunction
       * between them ends what the word after the trigger can reach. */
      if (h->entry->kind == LEX_CLAUSE)
        return FALSE;
      if (h->entry->kind == kind)
        return TRUE;
    }
  return FALSE;
}

/* "talks on ending the mission", "đàm phán về việc chấm dứt sứ mệnh":
 * the trigger is what the talks are about, not something that happened.
 * A "topic" entry names the marker, the modality it gives and the type of
 * trigger it must follow closely. */
#define TOPIC_BEFORE_GAP 3
#define TOPIC_AFTER_GAP  24

static void
topic_modality (Sentence     *s,
                const Anchor *a,
                TriClaim     *claim)
{
  for (guint i = hits_before (s, a->pos); i-- > 0;)
    {
      const Hit *h = &g_array_index (s->hits, Hit, i);

      if (h->end > a->pos)
        continue;
      if (a->pos - h->end > TOPIC_AFTER_GAP)
        break;
      if (h->entry->kind == LEX_TOPIC && h->entry->value2 != NULL &&
          hit_valued_before (s, LEX_TRIGGER, h->entry->value2, 0, h->start, TOPIC_BEFORE_GAP))
        {
          claim->modality = g_strcmp0 (h->entry->value, "future") == 0
                            ? TRI_MODALITY_FUTURE : TRI_MODALITY_POSSIBLE;
          return;
        }
    }
}

/* How far after "according to", "theo" its source may begin ("theo các
 * quan chức Mỹ", "according to the Pentagon"). */
#define ACCORDING_GAP 8

/* How far before its verb of saying a speaker may stand ("Iraq's defence
 * ministry said", "the Pentagon, in a statement, said"). */
#define SPEAKER_GAP 48

/* Whether a word of @kind starts in [@from, @to) */
static gboolean
hit_starts_in (Sentence *s,
               LexKind   kind,
               guint     from,
               guint     to)
{
  for (guint j = hits_before (s, from); j < s->hits->len; j++)
    {
      const Hit *h = &g_array_index (s->hits, Hit, j);

      if (h->start >= to)
        break;
      if (h->entry->kind == kind)
        return TRUE;
    }
  return FALSE;
}

/* Whether the words from @from to @to hold no clause break (a
 * conjunction, a semicolon): a speaker after the verb of saying comes
 * right after it ("said the ministry") or after an opening phrase ("Trong
 * một tuyên bố đăng ngày 26/1, Lực lượng …"), not in the next clause ("he
 * added, and will keep supporting Peshmerga forces"). */
static gboolean
same_clause (Sentence *s,
             guint     from,
             guint     to)
{
  for (guint p = from; p < to; p++)
    if (s->text[p] == ';')
      return FALSE;
  return !hit_starts_in (s, LEX_CLAUSE, from, to);
}

/* How far after a name a claim word makes it the subject of what is
 * said */
#define SUBJECT_GAP 24

static void
fill_attribution (Sentence *s,
                  TriClaim *claim)
{
  /* "according to X" names the source outright: it wins over a verb of
   * saying elsewhere in the sentence ("… when the plan was announced in
   * 2024, according to the Pentagon"). */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < s->hits->len; i++)
      {
        const Hit *h = &g_array_index (s->hits, Hit, i);
        gint who = -1;

        if (pass == 1 && h->entry->kind == LEX_SAY)
          {
            /* A claim word between a name and its verb of saying makes
             * the name that claim's subject, not the speaker ("The United
             * States has not withdrawn from Harir, he added"); one right
             * after a name that follows the verb, the subject of what is
             * said ("Ông nói Washington không rút quân"). */
            who = nearest_before (s, TRI_MENTION_ACTOR, s->sent_start, h->start, FALSE);
            if (who >= 0 && (h->start - mention_at (s, who)->end > SPEAKER_GAP ||
                             hit_starts_in (s, LEX_TRIGGER, mention_at (s, who)->end, h->start)))
              who = -1;
            if (who < 0)
              {
                for (guint j = s->m_first; j < s->m_last; j++)
                  {
                    TriMention *m = mention_at (s, j);

                    if (m->kind == TRI_MENTION_ACTOR && m->entity && m->start >= h->end &&
                        m->start - h->end <= SCOPE_BYTES && same_clause (s, h->end, m->start) &&
                        !hit_starts_in (s, LEX_TRIGGER, m->end, MIN (m->end + SUBJECT_GAP, s->sent_end)))
                      {
                        who = j;
                        break;
                      }
                  }
              }
          }
        else if (pass == 0 && h->entry->kind == LEX_ACCORDING)
          {
            for (guint j = s->m_first; j < s->m_last; j++)
              {
                TriMention *m = mention_at (s, j);

                if ((m->kind == TRI_MENTION_ACTOR || (m->kind == TRI_MENTION_PLACE && m->metonym)) &&
                    m->entity && m->start >= h->end && m->start - h->end <= ACCORDING_GAP)
                  {
                    who = j;
                    break;
                  }
              }
            /* "theo" is also "following": only a named source makes it
             * an attribution. */
            if (who < 0)
              continue;
          }
        else
          continue;

        if (claim->modality == TRI_MODALITY_ASSERTED)
          claim->modality = TRI_MODALITY_REPORTED;
        if (who >= 0 && claim->attributed_to == NULL)
          {
            claim->attributed_to = mention_at (s, who)->entity;
            tri_claim_add_mention (claim, who);
          }
      }
}

static gboolean
is_country (const char *place)
{
  const Entity *e = place ? g_hash_table_lookup (places, place) : NULL;

  return e != NULL && strcmp (e->kind, "country") == 0;
}

/* Whether a "to whom" word ("cho", "to") stands just before mention @m,
 * maybe with "the" between: "bàn giao căn cứ cho lực lượng Iraq", "handed
 * the base to Iraqi forces" name who receives, not who acts. */
static gboolean
is_recipient (Sentence         *s,
              const TriMention *m)
{
  for (guint j = hits_before (s, m->start); j-- > 0;)
    {
      const Hit *h = &g_array_index (s->hits, Hit, j);
      const char *gap;
      gsize n;

      if (h->end > m->start)
        continue;
      if (m->start - h->end > 5)
        break;
      if (h->entry->kind != LEX_RECIPIENT)
        continue;
      gap = s->lower + h->end;
      n = m->start - h->end;
      while (n > 0 && *gap == ' ')
        gap++, n--;
      while (n > 0 && gap[n - 1] == ' ')
        n--;
      return n == 0 || (n == 3 && memcmp (gap, "the", 3) == 0);
    }
  return FALSE;
}

/* Whether a "where" word ("ở", "tại", "in", "at") stands just before the
 * place mention @i, with no other place between. */
static gboolean
is_locative (Sentence *s,
             guint     i)
{
  TriMention *m = mention_at (s, i);

  /* "ở Syria và Iraq": the second place shares the first one's word. */
  for (guint k = i; k-- > s->m_first;)
    {
      TriMention *prev = mention_at (s, k);

      if (prev->kind != TRI_MENTION_PLACE)
        continue;
      if (prev->end > m->start || m->start - prev->end > 6)
        break;
      if (g_str_has_prefix (s->lower + prev->end, " và ") ||
          g_str_has_prefix (s->lower + prev->end, " and ") ||
          g_str_has_prefix (s->lower + prev->end, " or ") ||
          g_str_has_prefix (s->lower + prev->end, " hoặc "))
        return is_locative (s, k);
      break;
    }

  /* The nearest "where" word before the place: "in Iraq and about 900 in
   * Syria" gives Syria its own "in", not Iraq's. */
  {
    const Hit *at = NULL;

    for (guint j = hits_before (s, m->start); j-- > 0;)
      {
        const Hit *h = &g_array_index (s->hits, Hit, j);

        if (h->start + 64 < m->start)
          break;
        if (h->entry->kind == LEX_AT && h->end <= m->start && m->start - h->end <= 24 &&
            (at == NULL || h->end > at->end))
          at = h;
      }
    if (at == NULL)
      return FALSE;
    /* "in January 2020 after a US drone strike": a date, a clause word or
     * a trigger between the word and the place cuts them apart. */
    for (guint k = i; k-- > s->m_first;)
      {
        TriMention *o = mention_at (s, k);

        if (o->end <= at->end)
          break;
        if (o->start >= at->end && o->end <= m->start)
          return FALSE;
      }
    for (guint j = hits_before (s, m->start); j-- > 0;)
      {
        const Hit *h = &g_array_index (s->hits, Hit, j);

        if (h->start < at->end)
          break;
        if (h->entry->kind == LEX_CLAUSE || h->entry->kind == LEX_TRIGGER)
          return FALSE;
      }
    /* "căn cứ Victory gần sân bay Baghdad", "Camp Tamarisk near
     * Baghdad": a place after "near" only tells where the place named
     * just before it lies */
    if (g_strcmp0 (at->entry->value, "near") == 0)
      for (guint k = i; k-- > s->m_first;)
        {
          TriMention *o = mention_at (s, k);

          if (o->end <= at->start && at->start - o->end <= 3 && o->kind == TRI_MENTION_PLACE)
            return FALSE;
          if (o->end + 3 < at->start)
            break;
        }
    return TRUE;
  }
}

/* Whether mention @i is what a claim is against ("chống IS", "liên minh
 * chống Nhà nước Hồi giáo (IS)"): then it is no one's subject. */
static gboolean
is_object_mention (Sentence *s,
                   guint     i)
{
  TriMention *m = mention_at (s, i);

  for (guint j = 0; j < s->hits->len; j++)
    {
      const Hit *h = &g_array_index (s->hits, Hit, j);
      gboolean marker = h->entry->kind == LEX_OBJECT;

      if (h->entry->kind == LEX_TRIGGER)
        {
          const TriClaimType *t = g_hash_table_lookup (types, h->entry->value);

          marker = t != NULL && t->descriptor;
        }
      if (marker && h->end <= m->start && m->start - h->end <= 3)
        return TRUE;
    }
  /* "(IS)" right after an object. */
  if (i > s->m_first)
    {
      TriMention *prev = mention_at (s, i - 1);

      if (prev->end <= m->start && m->start - prev->end <= 3 && m->start > 0 &&
          s->text[m->start - 1] == '(')
        return is_object_mention (s, i - 1);
    }
  return FALSE;
}

/* When an anaphor ("the base") stands in [@start, @end) with no place
 * named right after it, the facility last named before it in the article
 * (within a few sentences' worth of mentions), else NULL. */
static const char *
anaphoric_facility (Sentence *s,
                    guint     start,
                    guint     end)
{
  const Hit *ana = NULL;
  guint scanned = 0;

  for (guint j = hits_before (s, start); j < s->hits->len; j++)
    {
      const Hit *h = &g_array_index (s->hits, Hit, j);

      if (h->start >= end)
        break;
      if (h->entry->kind == LEX_ANAPHOR && h->end <= end)
        {
          guint k = mention_from (s, h->start);

          /* "the base in Anbar" is still the base; "căn cứ không quân
           * Harir" names its own. */
          if (k < s->m_last && mention_at (s, k)->start < h->end + 3 &&
              mention_at (s, k)->kind == TRI_MENTION_PLACE &&
              !is_country (mention_at (s, k)->entity) &&
              !g_str_has_prefix (s->lower + h->end, " in ") &&
              !g_str_has_prefix (s->lower + h->end, " ở "))
            continue;
          ana = h;
          break;
        }
    }
  if (ana == NULL)
    return NULL;
  /* The base the article names most often before it; on a tie, the one
   * it named first (the story's subject, not a passing comparison). */
  {
    g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
    const char *best = NULL;
    guint best_count = 0;

    for (guint i = mention_from (s, ana->start); i-- > 0 && scanned++ < SCAN_LIMIT;)
      {
        TriMention *m = mention_at (s, i);
        const Entity *e;
        guint c;

        if (m->kind != TRI_MENTION_PLACE || m->entity == NULL || m->metonym)
          continue;
        e = g_hash_table_lookup (places, m->entity);
        if (e == NULL || e->kind == NULL ||
            (strstr (e->kind, "base") == NULL && strcmp (e->kind, "facility") != 0))
          continue;
        c = GPOINTER_TO_UINT (g_hash_table_lookup (counts, m->entity)) + 1;
        g_hash_table_insert (counts, (gpointer) m->entity, GUINT_TO_POINTER (c));
        /* Scanning backwards: >= lets the earlier mention win a tie. */
        if (c >= best_count)
          {
            best = m->entity;
            best_count = c;
          }
      }
    return best;
  }
}

static gboolean
is_place (Sentence *s,
          guint     i)
{
  TriMention *m = mention_at (s, i);

  if (m->kind != TRI_MENTION_PLACE || m->metonym || m->entity == NULL)
    return FALSE;
  /* "in March 2023": a place name inside a date is the date's. */
  for (guint k = i > s->m_first + 2 ? i - 2 : s->m_first; k < s->m_last && k <= i + 2; k++)
    {
      TriMention *o = mention_at (s, k);

      if (o->kind == TRI_MENTION_TIME && o->start < m->end && m->start < o->end)
        return FALSE;
    }
  if (!is_country (m->entity))
    return TRUE;
  /* "attacks on US and coalition forces": a country that qualifies the
   * forces a claim is about is whose they are, not where it happens. */
  for (guint j = hits_before (s, m->end); j < s->hits->len; j++)
    {
      const Hit *h = &g_array_index (s->hits, Hit, j);

      if (h->start > m->end + 24)
        break;
      if (h->entry->kind == LEX_FORCES)
        {
          guint k = mention_from (s, m->end);

          if (k >= s->m_last || mention_at (s, k)->start >= h->end)
            return FALSE;
        }
      if (h->entry->kind == LEX_CLAUSE && h->start > m->end + 6)
        break;
    }
  return is_locative (s, i);
}

/* Whether mention @i is who says the sentence ("Bộ Quốc phòng Iraq hôm
 * 18/1 cho biết…"): the speaker is attributed_to, not the actor. */
static gboolean
is_speaker (Sentence *s,
            guint     i)
{
  TriMention *m = mention_at (s, i);

  for (guint j = 0; j < s->hits->len; j++)
    {
      const Hit *h = &g_array_index (s->hits, Hit, j);

      if (h->entry->kind != LEX_SAY || h->start < m->end || h->start - m->end > 30)
        continue;
      for (guint k = i + 1; k < s->m_last; k++)
        {
          TriMention *o = mention_at (s, k);

          if (o->start >= h->start)
            break;
          if (o->kind == TRI_MENTION_ACTOR || o->kind == TRI_MENTION_PLACE)
            return FALSE;
        }
      return TRUE;
    }
  return FALSE;
}

static gboolean
is_actor (Sentence *s,
          guint     i)
{
  TriMention *m = mention_at (s, i);

  if (m->entity == NULL || is_speaker (s, i))
    return FALSE;
  if (m->kind == TRI_MENTION_ACTOR)
    return !is_object_mention (s, i);
  if (m->kind == TRI_MENTION_PLACE && (m->metonym || (is_country (m->entity) && !is_locative (s, i))))
    {
      /* "Washington declared": when the actor lexicon names who the
       * capital stands for, that actor speaks, not the city. */
      for (guint j = i > s->m_first ? i - 1 : i; j < s->m_last && j <= i + 1; j++)
        {
          TriMention *o = mention_at (s, j);

          if (j != i && o->kind == TRI_MENTION_ACTOR && o->entity &&
              o->start == m->start && o->end == m->end)
            return FALSE;
        }
      return !is_object_mention (s, i);
    }
  return FALSE;
}

static const char *
intern_or_null (const char *s)
{
  return s ? g_intern_string (s) : NULL;
}

/* How far after its conjunction the claim word of a coordinated verb
 * stands ("và đã bàn giao", "and then handed") */
#define COORDINATED_VERB_GAP 12

/* The subject a coordinated clause shares: "Quân đội Mỹ … đã rút quân
 * và bàn giao căn cứ cho Iraq", "US forces left the base and handed it
 * to Iraq".  For a clause that opens with a coordinating conjunction
 * (a "clause" word valued "and") followed at once by its claim word at
 * @anchor (a verb, not a new subject: "và liên minh do Washington thành
 * lập"), the first actor of the sentence when it stands before the
 * sentence's first claim word and is not a source ("theo …", "… said");
 * -1 when there is none. */
static int
shared_subject (Sentence *s,
                guint     clause_start,
                guint     anchor)
{
  guint first_trigger = G_MAXUINT;
  gboolean coordinated = FALSE;

  for (guint j = 0; j < s->hits->len; j++)
    {
      const Hit *h = &g_array_index (s->hits, Hit, j);

      /* The clause starts at its conjunction, or just after it */
      if (h->entry->kind == LEX_CLAUSE && g_strcmp0 (h->entry->value, "and") == 0 &&
          (h->start == clause_start || (h->end <= clause_start && clause_start - h->end <= 1)) &&
          anchor >= h->end && anchor - h->end <= COORDINATED_VERB_GAP)
        coordinated = TRUE;
      if (h->entry->kind == LEX_TRIGGER && h->start >= s->sent_start)
        first_trigger = MIN (first_trigger, h->start);
    }
  if (!coordinated)
    return -1;

  for (guint i = mention_from (s, s->sent_start); i < s->m_last; i++)
    {
      TriMention *m = mention_at (s, i);

      if (m->start >= first_trigger || m->start >= clause_start)
        break;
      if (!is_actor (s, i))
        continue;
      if (hit_before (s, LEX_ACCORDING, s->sent_start, m->start, G_MAXUINT) ||
          hit_before (s, LEX_SAY, s->sent_start, m->start, G_MAXUINT))
        return -1;
      return i;
    }
  return -1;
}

static TriClaim *
build_claim (Sentence     *s,
             const Anchor *a,
             guint         clause_start,
             guint         clause_end,
             guint         region_start,
             guint         region_end,
             guint         index)
{
  const TriClaimType *t = a->type;
  TriClaim *claim;
  guint start = region_start, end = region_end;
  gint time_index = -1;

  if (a->quantity >= 0)
    start = MIN (start, mention_at (s, a->quantity)->start);
  trim_span (s->text, &start, &end);
  if (end <= start)
    {
      start = region_start;
      end = region_end;
    }
  claim = tri_claim_new (tri_article_get_id (s->article), index, t->type, start, end);
  claim->sentence = s->sentence;
  {
    gboolean unused;

    claim->reference_day = reference_day (s, start, &unused);
  }

  /* Quantity. */
  if (t->args & TRI_FIELD_QUANTITY)
    {
      gint q = a->quantity;

      for (guint i = mention_from (s, region_start); i < s->m_last && q < 0; i++)
        {
          TriMention *m = mention_at (s, i);

          if (m->start >= region_end)
            break;
          if (m->kind == TRI_MENTION_QUANTITY && m->start >= region_start && m->end <= region_end &&
              m->unit != NULL && type_accepts_unit (t, g_intern_string (m->unit)) &&
              type_implied_by_unit (m->unit) == NULL)
            q = i;
        }
      if (q >= 0)
        {
          TriMention *m = mention_at (s, q);

          tri_claim_set_quantity (claim, m->number, m->number_max, m->qualifier, m->unit);
          tri_claim_add_mention (claim, q);
          if (m->owner != NULL && (t->args & TRI_FIELD_ACTOR))
            tri_claim_add_actor (claim, m->owner);
        }
      else
        {
          for (guint i = 0; i < s->hits->len; i++)
            {
              const Hit *h = &g_array_index (s->hits, Hit, i);

              if (h->entry->kind == LEX_PROPORTION && h->start >= region_start &&
                  h->end <= region_end && type_accepts_unit (t, g_intern_static_string ("fraction")))
                {
                  tri_claim_set_quantity (claim, h->entry->lo, h->entry->hi,
                                          h->entry->lo < h->entry->hi ? TRI_QUALIFIER_AT_LEAST
                                                                      : TRI_QUALIFIER_APPROX,
                                          "fraction");
                  if (h->entry->lo < h->entry->hi)
                    claim->qualifier = TRI_QUALIFIER_EXACT;
                  break;
                }
            }
        }
    }

  /* Places: where the claim happens, after "ở", "tại", "in"…; a country
   * named without one ("Mỹ duy trì…", "US troops") is an actor. */
  if (t->args & TRI_FIELD_PLACE)
    {
      for (int pass = 0; pass < 2 && claim->n_places == 0; pass++)
        for (guint i = mention_from (s, region_start); i < s->m_last; i++)
          {
            TriMention *m = mention_at (s, i);

            if (m->start >= region_end)
              break;
            if (m->start < region_start || m->end > region_end || !is_place (s, i) ||
                (pass == 0 && !is_locative (s, i)))
              continue;
            tri_claim_add_place (claim, m->entity);
            tri_claim_add_mention (claim, i);
          }
      /* The nearest place before the region in the sentence. */
      guint scanned = 0;

      for (guint i = mention_from (s, region_start);
           claim->n_places == 0 && i-- > s->m_first && scanned++ < SCAN_LIMIT;)
        {
          TriMention *m = mention_at (s, i);

          if (m->end <= region_start && is_place (s, i) && is_locative (s, i))
            {
              tri_claim_add_place (claim, m->entity);
              tri_claim_add_mention (claim, i);
            }
        }
    }

  /* "left Al-Asad air base in western Iraq": the more precise place that
   * lies within the one found wins. */
  if ((t->args & TRI_FIELD_PLACE) && claim->n_places == 1)
    for (guint i = mention_from (s, region_start); i < s->m_last; i++)
      {
        TriMention *m = mention_at (s, i);

        if (m->start >= region_end)
          break;
        if (m->end <= region_end && is_place (s, i) && m->entity != claim->places[0] &&
            _tri_place_is_within (m->entity, claim->places[0]))
          {
            claim->places[0] = m->entity;
            tri_claim_add_mention (claim, i);
          }
      }

  /* "the base", "tại căn cứ": a base named earlier in the article, when
   * the clause names no place or only one that contains that base. */
  if ((t->args & TRI_FIELD_PLACE) && claim->n_places <= 1)
    {
      const char *base = anaphoric_facility (s, region_start, region_end);

      if (base != NULL &&
          (claim->n_places == 0 || _tri_place_is_within (base, claim->places[0])))
        {
          claim->n_places = 0;
          tri_claim_add_place (claim, base);
        }
    }

  /* Actors: the quantity's owner, then who stands before the anchor in
   * its region, then earlier in the clause, then after the anchor. */
  if (t->args & TRI_FIELD_ACTOR)
    {
      for (int pass = 0; pass < 3 && claim->n_actors == 0; pass++)
        for (guint i = mention_from (s, MIN (clause_start, region_start)); i < s->m_last; i++)
          {
            TriMention *m = mention_at (s, i);
            gboolean ok;

            if (m->start >= region_end)
              break;
            if (!is_actor (s, i))
              continue;
            switch (pass)
              {
              case 0:
                ok = m->start >= region_start && m->start < a->pos;
                break;
              case 1:
                ok = m->start >= clause_start && m->end <= region_start;
                break;
              default:
                /* "bị IS tấn công", "attacked by militias": close by,
                 * unless it is who receives ("handed … to Iraqi forces") */
                ok = m->start >= a->end && m->end <= region_end &&
                     m->start - a->end <= SCOPE_BYTES && !is_recipient (s, m);
                break;
              }
            if (!ok)
              continue;
            tri_claim_add_actor (claim, m->entity);
            tri_claim_add_mention (claim, i);
          }
      if (claim->n_actors == 0)
        {
          int subject = shared_subject (s, clause_start, a->pos);

          if (subject >= 0)
            {
              tri_claim_add_actor (claim, mention_at (s, subject)->entity);
              tri_claim_add_mention (claim, subject);
            }
        }
    }

  /* Time: in the region, else the nearest before it in the sentence; a
   * state without one holds as of the story's date. */
  if (t->args & TRI_FIELD_TIME)
    {
      for (guint i = mention_from (s, region_start); i < s->m_last && time_index < 0; i++)
        {
          TriMention *m = mention_at (s, i);

          if (m->start >= region_end)
            break;
          if (m->kind == TRI_MENTION_TIME && m->day_first != 0 &&
              m->start >= region_start && m->end <= region_end)
            time_index = i;
        }
      if (time_index < 0)
        time_index = nearest_before (s, TRI_MENTION_TIME, s->sent_start, region_start, FALSE);
      /* "… at that time": the time the sentence before gave. */
      if (time_index < 0 && hit_before (s, LEX_THEN, s->sent_start, s->sent_end, G_MAXUINT))
        time_index = previous_sentence_time (s);
      /* An event's time may come in a later clause ("the talks, which
       * began on 27 January, …") when no other claim stands between. */
      if (time_index < 0 && !t->state)
        time_index = next_time_after (s, region_end, t->through);
      /* "2,500 troops were in Iraq when the plan was announced in
       * September 2024": a state holds at the time of its "when" clause. */
      if (time_index < 0 && t->state)
        time_index = when_clause_time (s, region_end);
      if (time_index >= 0)
        {
          TriMention *m = mention_at (s, time_index);

          set_time_from_mention (claim, m, time_index);
          claim->time_role = t->state ? TRI_TIME_ROLE_AS_OF : TRI_TIME_ROLE_AT;
          /* "since December 2021, when it declared the end of its
           * mission": "since" starts a state; an event happened then. */
          if (t->state && hit_before (s, LEX_SINCE, s->sent_start, m->start, SINCE_GAP))
            {
              gboolean inferred;
              guint32 ref = reference_day (s, m->start, &inferred);

              claim->time_role = TRI_TIME_ROLE_SINCE;
              if (ref > claim->day_last)
                claim->day_last = ref;
            }
        }
      else if (hit_before (s, LEX_VAGUE, s->sent_start, s->sent_end, G_MAXUINT))
        {
          /* "in recent years": a time too vague to date, and no other
           * sentence's date is this one's. */
        }
      else if (!t->state && !t->descriptor && claim->n_places > 0 &&
               (time_index = previous_sentence_time (s)) >= 0 &&
               previous_sentence_names (s, claim->places[0]))
        {
          /* "… left Al-Asad on Saturday.  The base was handed over to …":
           * an undated event at the place the sentence before dated. */
          set_time_from_mention (claim, mention_at (s, time_index), time_index);
          claim->time_role = TRI_TIME_ROLE_AT;
        }
      else if (t->state && !hit_before (s, LEX_NOW, clause_start, region_end, G_MAXUINT) &&
               (time_index = previous_sentence_time (s)) >= 0 &&
               !after_reference (s, mention_at (s, time_index)))
        {
          /* A narrative carries its time on ("Since 2003 … At the peak,
           * the US had 170,000 troops"). */
          set_time_from_mention (claim, mention_at (s, time_index), time_index);
          claim->time_role = TRI_TIME_ROLE_AS_OF;
        }
      else if (t->state)
        {
          gboolean inferred;
          guint32 ref = reference_day (s, start, &inferred);

          if (ref != 0)
            {
              GDate d;
              char iso[16];

              g_date_clear (&d, 1);
              g_date_set_julian (&d, ref);
              g_snprintf (iso, sizeof iso, "%04u-%02u-%02u", g_date_get_year (&d),
                          g_date_get_month (&d), g_date_get_day (&d));
              tri_claim_set_time (claim, iso, TRI_PRECISION_DAY, ref, ref);
              claim->time_inferred = inferred;
              claim->time_role = TRI_TIME_ROLE_AS_OF;
            }
        }
    }

  /* Object: after the descriptor, or after an object word in the region. */
  if (t->descriptor)
    claim->object = intern_or_null (resolve_object (s, a->end, clause_end));
  else if (t->args & TRI_FIELD_OBJECT)
    {
      for (guint i = 0; i < s->hits->len; i++)
        {
          const Hit *h = &g_array_index (s->hits, Hit, i);

          if (h->entry->kind == LEX_OBJECT && h->start >= a->end && h->end <= region_end)
            {
              claim->object = intern_or_null (resolve_object (s, h->end, region_end));
              break;
            }
        }
    }

  /* "the last advisers left", "lần cuối": an event that happens once. */
  if (!t->state && !t->descriptor)
    for (guint j = hits_before (s, region_start); j < s->hits->len; j++)
      {
        const Hit *h = &g_array_index (s->hits, Hit, j);

        if (h->start >= region_end)
          break;
        if (h->entry->kind == LEX_ONCE && h->end <= region_end &&
            !inside_time (s, h->start, h->end))
          {
            claim->once = TRUE;
            break;
          }
      }

  /* Polarity and modality: words just before the anchor in its clause. */
  if (hit_near (s, LEX_NEGATION, clause_start, clause_end, a))
    claim->polarity = TRI_POLARITY_NEGATED;
  if (hit_near (s, LEX_POSSIBLE, clause_start, clause_end, a))
    claim->modality = TRI_MODALITY_POSSIBLE;
  else if (hit_near (s, LEX_FUTURE, clause_start, clause_end, a))
    claim->modality = TRI_MODALITY_FUTURE;
  else
    topic_modality (s, a, claim);
  fill_attribution (s, claim);

  return claim;
}

static int
compare_anchors (gconstpointer a,
                 gconstpointer b)
{
  const Anchor *x = a, *y = b;

  return x->pos < y->pos ? -1 : x->pos > y->pos ? 1 : 0;
}

static void
extract_clause (Sentence  *s,
                guint      cstart,
                guint      cend,
                GPtrArray *claims)
{
  g_autoptr(GArray) anchors = g_array_new (FALSE, FALSE, sizeof (Anchor));
  g_autoptr(GArray) used = g_array_new (FALSE, TRUE, sizeof (gboolean));

  g_array_set_size (used, s->m_last - s->m_first);

  for (guint i = 0; i < s->hits->len; i++)
    {
      const Hit *h = &g_array_index (s->hits, Hit, i);
      const TriClaimType *t;
      Anchor a = { h->start, h->end, NULL, -1, NULL, 0 };

      if (h->entry->kind != LEX_TRIGGER || h->start < cstart || h->end > cend)
        continue;
      t = g_hash_table_lookup (types, h->entry->value);
      if (t == NULL)
        continue;
      a.type = t;
      /* "remain deployed": one claim, not two. */
      if (anchors->len > 0)
        {
          Anchor *prev = &g_array_index (anchors, Anchor, anchors->len - 1);

          if (prev->type == t && !span_has_anchor (s, prev->end, a.pos))
            {
              prev->end = MAX (prev->end, a.end);
              continue;
            }
        }
      g_array_append_val (anchors, a);
    }

  /* Each trigger that takes a counted quantity gets the nearest one. */
  for (guint i = 0; i < anchors->len; i++)
    {
      Anchor *a = &g_array_index (anchors, Anchor, i);
      guint best_dist = G_MAXUINT;

      for (guint j = s->m_first; j < s->m_last; j++)
        {
          TriMention *m = mention_at (s, j);
          guint dist;

          if (m->kind != TRI_MENTION_QUANTITY || m->start < cstart || m->end > cend ||
              g_array_index (used, gboolean, j - s->m_first) || m->unit == NULL ||
              type_implied_by_unit (m->unit) == NULL ||
              !type_accepts_unit (a->type, g_intern_string (m->unit)))
            continue;
          dist = m->end <= a->pos ? a->pos - m->end : m->start >= a->end ? m->start - a->end : 0;
          if (dist < best_dist)
            {
              best_dist = dist;
              a->quantity = j;
            }
        }
      if (a->quantity >= 0)
        g_array_index (used, gboolean, a->quantity - s->m_first) = TRUE;
    }

  /* A counted quantity no trigger took states a claim of its own. */
  for (guint j = s->m_first; j < s->m_last; j++)
    {
      TriMention *m = mention_at (s, j);
      const TriClaimType *t;

      if (m->kind != TRI_MENTION_QUANTITY || m->start < cstart || m->end > cend ||
          g_array_index (used, gboolean, j - s->m_first) || m->vague)
        continue;
      t = type_implied_by_unit (m->unit);
      if (t != NULL)
        {
          Anchor a = { m->start, m->end, t, j, NULL, 0 };

          g_array_append_val (anchors, a);
        }
    }

  g_array_sort (anchors, compare_anchors);
  for (guint i = 0; i < anchors->len; i++)
    {
      const Anchor *a = &g_array_index (anchors, Anchor, i);
      guint rstart = i == 0 ? cstart : a->pos;
      guint rend = i + 1 < anchors->len ? g_array_index (anchors, Anchor, i + 1).pos : cend;

      g_ptr_array_add (claims, build_claim (s, a, cstart, cend, rstart, MAX (rend, a->end),
                                            claims->len));
    }
}

static void
extract_sentence (Sentence  *s,
                  GPtrArray *claims)
{
  g_autoptr(GArray) clauses = split_clauses (s);
  guint before = claims->len;

  for (guint i = 0; i < clauses->len; i++)
    {
      TriSpan *c = &g_array_index (clauses, TriSpan, i);
      guint cs = c->start, ce = c->end;

      trim_span (s->text, &cs, &ce);
      if (ce > cs)
        extract_clause (s, cs, ce, claims);
    }

  /* A sentence that only reports what someone said is a statement. */
  if (claims->len == before)
    {
      const TriClaimType *t = g_hash_table_lookup (types, g_intern_static_string ("statement"));

      for (guint i = 0; t && i < s->hits->len; i++)
        {
          const Hit *h = &g_array_index (s->hits, Hit, i);
          gint who;

          if (h->entry->kind != LEX_SAY)
            continue;
          who = nearest_before (s, TRI_MENTION_ACTOR, s->sent_start, h->start, FALSE);
          if (who >= 0)
            {
              Anchor a = { h->start, h->end, t, -1, NULL, 0 };
              TriClaim *claim = build_claim (s, &a, s->sent_start, s->sent_end,
                                             s->sent_start, s->sent_end, claims->len);

              claim->modality = TRI_MODALITY_REPORTED;
              g_ptr_array_add (claims, claim);
            }
          break;
        }
    }
}

/**
 * _tri_claims_extract:
 * @article: an article whose mentions are tagged and sorted
 *
 * Turns every sentence or clause that states something into a claim and
 * stores the claims on @article.
 */
void
_tri_claims_extract (TriArticle *article)
{
  g_autoptr(GPtrArray) claims = g_ptr_array_new_with_free_func ((GDestroyNotify) tri_claim_unref);
  g_autofree char *lower = NULL;
  GPtrArray *mentions;
  GArray *lexicon;
  const char *text;
  gsize len;
  guint m = 0;

  g_return_if_fail (TRI_IS_ARTICLE (article));

  text = tri_article_get_text (article, &len);
  mentions = tri_article_get_mentions (article);
  if (text == NULL)
    {
      _tri_article_set_claims (article, g_steal_pointer (&claims));
      return;
    }
  lower = lower_same_length (text, len);

  ensure_data_locked ();
  g_mutex_lock (&data_lock);
  lexicon = get_lexicon (tri_article_get_language (article));
  g_mutex_unlock (&data_lock);
  for (guint i = 0; i < tri_article_get_n_sentences (article); i++)
    {
      Sentence s = { article, text, lower, len, mentions, NULL, i, 0, 0, 0, 0 };

      tri_article_get_sentence (article, i, &s.sent_start, &s.sent_end);
      if (s.sent_end > len || s.sent_end <= s.sent_start ||
          !tri_article_is_content (article, s.sent_start, s.sent_end))
        continue;
      while (m < mentions->len &&
             ((TriMention *) g_ptr_array_index (mentions, m))->start < s.sent_start)
        m++;
      s.m_first = m;
      s.m_last = m;
      while (s.m_last < mentions->len &&
             ((TriMention *) g_ptr_array_index (mentions, s.m_last))->start < s.sent_end)
        s.m_last++;
      s.hits = find_hits (lexicon, lower, len, s.sent_start, s.sent_end);
      extract_sentence (&s, claims);
      g_array_unref (s.hits);
    }

  _tri_article_set_claims (article, g_steal_pointer (&claims));
}
