/* tri-claims-cluster.c: claims of many articles into clusters with verdicts
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-claims"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tri-claims-private.h"

/* States hold for a while: "2,500 troops" as of January and as of March
 * are the same fact. */
#define STATE_SLACK_DAYS 180
/* How many years apart an inferred year may be from the one it meets. */
#define MAX_YEAR_SHIFT 3
/* A claim is compared with at most this many members of a cluster. */
#define MAX_COMPARED 4
/* The most months one claim is looked up or filed under. */
#define MAX_BUCKETS 160
/* A claim without a time looks at most at this many clusters of its block. */
#define MAX_UNTIMED_CANDIDATES 256
/* Sentences this similar (word pairs, Jaccard) are copies. */
#define COPY_SIMILARITY 0.8

typedef enum
{
  CMP_DIFFERENT,
  CMP_SAME,
  CMP_CONFLICT,
} CmpResult;

typedef struct
{
  GPtrArray *members;           /* TriClaim, borrowed */
  guint      stamp;
  guint      matched;
  guint      conflicts;
  guint      order;
  /* The days the members cover, to turn most claims away without
   * touching the members: valid when every member has a written date. */
  guint32    day_lo;
  guint32    day_hi;
  gboolean   loose;             /* some member is undated or inferred */
  gpointer   blocks[6];         /* the blocks it is filed in */
  guint      n_blocks;
} Build;

typedef struct
{
  const char *type;
  const char *root;
} BlockKey;

typedef struct
{
  BlockKey    key;
  GHashTable *years;            /* month (year × 12 + month) → GPtrArray of Build */
  GPtrArray  *untimed;          /* Build */
  GPtrArray  *all;              /* Build */
} Block;

static guint
block_key_hash (gconstpointer p)
{
  const BlockKey *k = p;

  return g_direct_hash (k->type) * 31 + g_direct_hash (k->root);
}

static gboolean
block_key_equal (gconstpointer a,
                 gconstpointer b)
{
  const BlockKey *x = a, *y = b;

  return x->type == y->type && x->root == y->root;
}

static void
block_free (Block *b)
{
  g_hash_table_unref (b->years);
  g_ptr_array_unref (b->untimed);
  g_ptr_array_unref (b->all);
  g_free (b);
}

static void
build_free (Build *b)
{
  g_ptr_array_unref (b->members);
  g_free (b);
}

/* Time buckets are months. */
static guint
bucket_of (guint32 julian)
{
  GDate d;

  if (julian == 0 || !g_date_valid_julian (julian))
    return 0;
  g_date_clear (&d, 1);
  g_date_set_julian (&d, julian);
  return g_date_get_year (&d) * 12 + g_date_get_month (&d) - 1;
}

static guint32
shift_years (guint32 julian,
             int     years)
{
  GDate d;

  if (julian == 0 || years == 0)
    return julian;
  g_date_clear (&d, 1);
  g_date_set_julian (&d, julian);
  if (years > 0)
    g_date_add_years (&d, years);
  else if ((guint) -years < g_date_get_year (&d))
    g_date_subtract_years (&d, -years);
  return g_date_get_julian (&d);
}

static gboolean
intervals_overlap (guint32 a0,
                   guint32 a1,
                   guint32 b0,
                   guint32 b1,
                   guint32 slack)
{
  a0 = a0 > slack ? a0 - slack : 1;
  b0 = b0 > slack ? b0 - slack : 1;
  return a0 <= b1 + slack && b0 <= a1 + slack;
}

/* Whether @a and @b overlap in time; *shift is how many years @a's
 * inferred year must move to meet @b (0 when they meet as they are). */
static gboolean
times_meet (const TriClaim *a,
            const TriClaim *b,
            guint32         slack,
            int            *shift)
{
  *shift = 0;
  if (intervals_overlap (a->day_first, a->day_last, b->day_first, b->day_last, slack))
    return TRUE;
  if ((a->time_inferred || b->time_inferred) &&
      a->time_precision <= TRI_PRECISION_MONTH && b->time_precision <= TRI_PRECISION_MONTH &&
      a->time_precision != TRI_PRECISION_NONE && b->time_precision != TRI_PRECISION_NONE)
    {
      for (int k = 1; k <= MAX_YEAR_SHIFT; k++)
        for (int sign = -1; sign <= 1; sign += 2)
          {
            int years = k * sign;

            if (intervals_overlap (shift_years (a->day_first, years),
                                   shift_years (a->day_last, years),
                                   b->day_first, b->day_last, 0))
              {
                *shift = years;
                return TRUE;
              }
          }
    }
  return FALSE;
}

static gboolean
entities_meet (const char * const *a,
               guint               na,
               const char * const *b,
               guint               nb,
               gboolean            places,
               gboolean           *equal)
{
  gboolean meet = FALSE;

  *equal = FALSE;
  for (guint i = 0; i < na; i++)
    for (guint j = 0; j < nb; j++)
      {
        if (a[i] == b[j])
          {
            *equal = TRUE;
            meet = TRUE;
          }
        else if (places ? (_tri_place_is_within_interned (a[i], b[j]) ||
                           _tri_place_is_within_interned (b[j], a[i]))
                        : (_tri_actor_is_within_interned (a[i], b[j]) ||
                           _tri_actor_is_within_interned (b[j], a[i])))
          meet = TRUE;
      }
  return meet;
}

static gboolean
share_entity (const char * const *a,
              guint               na,
              const char * const *b,
              guint               nb)
{
  for (guint i = 0; i < na; i++)
    for (guint j = 0; j < nb; j++)
      if (a[i] == b[j])
        return TRUE;
  return FALSE;
}

/* Cheap tests first (type, time, quantity, all inside the claims), the
 * nesting of places and actors last. */
static CmpResult
compare_claims (const TriClaimType *t,
                const TriClaim     *a,
                const TriClaim     *b,
                guint              *matched,
                guint              *conflicts)
{
  gboolean place_equal, unused;
  int shift;

  *matched = TRI_FIELD_TYPE;
  *conflicts = 0;
  if (a->type != b->type)
    return CMP_DIFFERENT;

  if (a->n_places && b->n_places)
    place_equal = share_entity (a->places, a->n_places, b->places, b->n_places);
  else
    place_equal = !a->n_places && !b->n_places;

  /* A story cannot tell of a past event that happened after it was
   * written; but of an event that happens once, a later date elsewhere
   * is what the sources dispute. */
  if (t && !t->state && !t->descriptor && !t->once &&
      ((!a->day_first && b->day_first && a->reference_day && a->modality != TRI_MODALITY_FUTURE &&
        a->reference_day < b->day_first) ||
       (!b->day_first && a->day_first && b->reference_day && b->modality != TRI_MODALITY_FUTURE &&
        b->reference_day < a->day_first)))
    return CMP_DIFFERENT;

  if (a->day_first && b->day_first)
    {
      guint32 slack = t && t->state ? STATE_SLACK_DAYS : 0;

      if (times_meet (a, b, slack, &shift))
        *matched |= TRI_FIELD_TIME;
      else if ((t && t->once && (t->once_window == 0 || times_meet (a, b, t->once_window, &shift))) ||
               (a->once && b->once))
        *conflicts |= TRI_FIELD_TIME;
      else
        return CMP_DIFFERENT;
    }

  if (a->has_quantity != b->has_quantity)
    return CMP_DIFFERENT;
  if (a->has_quantity)
    {
      double alo, ahi, blo, bhi;

      if (a->unit != b->unit)
        return CMP_DIFFERENT;
      tri_claim_get_range (a, &alo, &ahi);
      tri_claim_get_range (b, &blo, &bhi);
      if (alo <= bhi && blo <= ahi)
        *matched |= TRI_FIELD_QUANTITY;
      else if (place_equal)
        *conflicts |= TRI_FIELD_QUANTITY;
      else
        return CMP_DIFFERENT;
    }

  if (a->object && b->object)
    {
      if (a->object == b->object)
        *matched |= TRI_FIELD_OBJECT;
      else
        *conflicts |= TRI_FIELD_OBJECT;
    }
  /* "Did not withdraw" contradicts "withdrew" only about the same time. */
  if (a->polarity != b->polarity)
    {
      if ((*matched & TRI_FIELD_TIME) || (!a->day_first && !b->day_first))
        *conflicts |= TRI_FIELD_POLARITY;
      else
        return CMP_DIFFERENT;
    }

  if (a->n_actors && b->n_actors)
    {
      if (!share_entity (a->actors, a->n_actors, b->actors, b->n_actors) &&
          !entities_meet (a->actors, a->n_actors, b->actors, b->n_actors, FALSE, &unused))
        return CMP_DIFFERENT;
      *matched |= TRI_FIELD_ACTOR;
    }
  if (a->n_places && b->n_places)
    {
      if (!place_equal &&
          !entities_meet (a->places, a->n_places, b->places, b->n_places, TRUE, &unused))
        return CMP_DIFFERENT;
      *matched |= TRI_FIELD_PLACE;
    }

  if (t && t->n_needs)
    {
      gboolean ok = FALSE;

      guint have = *matched;

      /* Two dates of one once-only event at the same place: the time is
       * what they dispute, so it counts as shared for what they need. */
      if ((*conflicts & TRI_FIELD_TIME) && (*matched & TRI_FIELD_PLACE))
        have |= TRI_FIELD_TIME;
      for (guint i = 0; i < t->n_needs && !ok; i++)
        ok = (have & t->needs[i]) == t->needs[i];
      if (!ok)
        return CMP_DIFFERENT;
    }
  return *conflicts ? CMP_CONFLICT : CMP_SAME;
}

/* Compares @claim with a cluster's members: the first few and the last. */
static CmpResult
compare_with_build (const TriClaimType *t,
                    const TriClaim     *claim,
                    Build              *b,
                    guint              *matched,
                    guint              *conflicts)
{
  CmpResult result = CMP_SAME;
  guint n = b->members->len;

  *matched = 0;
  *conflicts = 0;
  if (!b->loose && claim->day_first && !claim->time_inferred &&
      !(t && t->once && t->once_window == 0) && !claim->once &&
      !intervals_overlap (claim->day_first, claim->day_last, b->day_lo, b->day_hi,
                          t && t->once ? t->once_window : t && t->state ? STATE_SLACK_DAYS : 0))
    return CMP_DIFFERENT;
  for (guint i = 0; i < n; i++)
    {
      guint m, c;
      CmpResult r;

      if (i >= MAX_COMPARED && i != n - 1)
        continue;
      r = compare_claims (t, claim, g_ptr_array_index (b->members, i), &m, &c);
      if (r == CMP_DIFFERENT)
        return CMP_DIFFERENT;
      if (r == CMP_CONFLICT)
        result = CMP_CONFLICT;
      *matched |= m;
      *conflicts |= c;
    }
  return result;
}

static void
consider (GPtrArray          *candidates,
          guint               stamp,
          Build              *b)
{
  if (b->stamp == stamp)
    return;
  b->stamp = stamp;
  g_ptr_array_add (candidates, b);
}

static void
register_years (Block     *block,
                Build     *b,
                guint      y1,
                guint      y2)
{
  for (guint y = y1; y <= y2; y++)
    {
      GPtrArray *list = g_hash_table_lookup (block->years, GUINT_TO_POINTER (y));

      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (block->years, GUINT_TO_POINTER (y), list);
        }
      if (list->len == 0 || g_ptr_array_index (list, list->len - 1) != b)
        g_ptr_array_add (list, b);
    }
}

/* Stands for "any place" in the key of a type's block of all clusters. */
static const char any_place[] = "*";
#define ANY_PLACE any_place

static Block *
get_block (GHashTable *blocks,
           const char *type,
           const char *root)
{
  BlockKey key = { type, root };
  Block *block = g_hash_table_lookup (blocks, &key);

  if (block == NULL)
    {
      block = g_new0 (Block, 1);
      block->key = key;
      block->years = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
      block->untimed = g_ptr_array_new ();
      block->all = g_ptr_array_new ();
      g_hash_table_insert (blocks, &block->key, block);
    }
  return block;
}

static void
add_recent (GPtrArray *candidates,
            guint      stamp,
            GPtrArray *list)
{
  for (guint j = list->len > MAX_UNTIMED_CANDIDATES ? list->len - MAX_UNTIMED_CANDIDATES : 0;
       j < list->len; j++)
    consider (candidates, stamp, g_ptr_array_index (list, j));
}

/* A timed claim meets the clusters of its years and the untimed ones; an
 * untimed one (or a once-only fact) the most recent clusters of the block. */
static void
collect_candidates (GPtrArray *candidates,
                    guint      stamp,
                    Block     *block,
                    gboolean   timed,
                    guint      y1,
                    guint      y2)
{
  if (!timed)
    {
      add_recent (candidates, stamp, block->all);
      return;
    }
  for (guint y = y1; y <= y2; y++)
    {
      GPtrArray *list = g_hash_table_lookup (block->years, GUINT_TO_POINTER (y));

      if (list != NULL)
        add_recent (candidates, stamp, list);
    }
  add_recent (candidates, stamp, block->untimed);
}

/* Files @b in @block, under the months of @claim or as untimed. */
static void
register_claim (Block    *block,
                Build    *b,
                TriClaim *claim)
{
  gboolean known = FALSE;

  for (guint i = 0; i < b->n_blocks && !known; i++)
    known = b->blocks[i] == block;
  if (!known)
    {
      g_ptr_array_add (block->all, b);
      if (b->n_blocks < G_N_ELEMENTS (b->blocks))
        b->blocks[b->n_blocks++] = block;
    }
  if (claim->day_first)
    {
      guint first = bucket_of (claim->day_first);
      guint last = MIN (bucket_of (claim->day_last), first + MAX_BUCKETS);

      register_years (block, b, first, last);
    }
  else if (block->untimed->len == 0 ||
           g_ptr_array_index (block->untimed, block->untimed->len - 1) != b)
    g_ptr_array_add (block->untimed, b);
}

static char *
format_number (double v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (isinf (v))
    return g_strdup ("∞");
  return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.6g", v));
}

static char *
format_quantity (const TriClaim *c)
{
  g_autofree char *n = format_number (c->number);
  const char *q;

  switch (c->qualifier)
    {
    case TRI_QUALIFIER_APPROX: q = "about "; break;
    case TRI_QUALIFIER_MORE_THAN: q = "more than "; break;
    case TRI_QUALIFIER_LESS_THAN: q = "less than "; break;
    case TRI_QUALIFIER_AT_LEAST: q = "at least "; break;
    case TRI_QUALIFIER_AT_MOST: q = "at most "; break;
    case TRI_QUALIFIER_EXACT:
    default: q = ""; break;
    }
  if (c->number_max > c->number)
    {
      g_autofree char *m = format_number (c->number_max);

      return g_strdup_printf ("%s%s–%s", q, n, m);
    }
  return g_strconcat (q, n, NULL);
}

static void
add_differences (TriCluster *cluster,
                 guint       conflicts)
{
  for (guint f = TRI_FIELD_ACTOR; f <= TRI_FIELD_POLARITY; f <<= 1)
    {
      if (!(conflicts & f))
        continue;
      for (guint i = 0; i < cluster->claims->len; i++)
        {
          const TriClaim *c = g_ptr_array_index (cluster->claims, i);

          switch ((TriField) f)
            {
            case TRI_FIELD_QUANTITY:
              if (c->has_quantity)
                {
                  g_autofree char *v = format_number (c->number);

                  tri_cluster_add_difference (cluster, f, v);
                }
              break;
            case TRI_FIELD_TIME:
              if (c->time_value)
                tri_cluster_add_difference (cluster, f, c->time_value);
              break;
            case TRI_FIELD_OBJECT:
              if (c->object)
                tri_cluster_add_difference (cluster, f, c->object);
              break;
            case TRI_FIELD_POLARITY:
              tri_cluster_add_difference (cluster, f, tri_polarity_to_string (c->polarity));
              break;
            case TRI_FIELD_TYPE:
            case TRI_FIELD_ACTOR:
            case TRI_FIELD_PLACE:
            default:
              break;
            }
        }
    }
}

static void
make_summary (TriCluster *cluster)
{
  const TriClaim *best = NULL;
  guint best_score = 0;
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < cluster->claims->len; i++)
    {
      const TriClaim *c = g_ptr_array_index (cluster->claims, i);
      guint score = (c->n_actors > 0) + (c->n_places > 0) + (c->day_first > 0) +
                    c->has_quantity + (c->object != NULL) + 1;

      if (score > best_score)
        {
          best = c;
          best_score = score;
        }
    }
  g_string_append (s, best->type);
  if (best->n_actors)
    g_string_append_printf (s, ": %s", best->actors[0]);
  if (best->object)
    g_string_append_printf (s, " against %s", best->object);
  if (best->has_quantity)
    {
      g_autofree char *q = format_quantity (best);

      g_string_append_printf (s, ", %s%s%s", q, best->unit ? " " : "", best->unit ? best->unit : "");
    }
  if (best->n_places)
    g_string_append_printf (s, " in %s", best->places[0]);
  if (best->time_value)
    g_string_append_printf (s, ", %s %s",
                            best->time_role == TRI_TIME_ROLE_SINCE ? "since" :
                            best->time_role == TRI_TIME_ROLE_AS_OF ? "as of" : "on",
                            best->time_value);
  g_string_append_printf (s, " (%u source%s", cluster->n_sources, cluster->n_sources == 1 ? "" : "s");
  if (cluster->differences)
    {
      for (guint i = 0; i < cluster->differences->len; i++)
        {
          const TriDifference *d = &g_array_index (cluster->differences, TriDifference, i);
          g_autofree char *joined = g_strjoinv (" vs ", d->values);

          g_string_append_printf (s, "; %s differs: %s", tri_field_to_string (d->field), joined);
        }
    }
  g_string_append_c (s, ')');
  cluster->summary = g_string_free (s, FALSE);
}

/* Independence. */

static GHashTable *
word_pairs (TriArticle *article,
            guint       sentence)
{
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) words = NULL;
  g_autofree char *text = NULL;
  g_autofree char *lower = NULL;
  guint start, end;

  if (!tri_article_get_sentence (article, sentence, &start, &end))
    return set;
  text = tri_article_dup_span (article, start, end);
  lower = g_utf8_strdown (text, -1);
  for (char *p = lower; *p; p++)
    if (g_ascii_ispunct (*p))
      *p = ' ';
  words = g_strsplit_set (lower, " \t\n", -1);
  for (guint i = 0, prev = G_MAXUINT; words[i]; i++)
    {
      if (words[i][0] == '\0')
        continue;
      if (prev != G_MAXUINT)
        g_hash_table_add (set, g_strconcat (words[prev], " ", words[i], NULL));
      prev = i;
    }
  return set;
}

static double
jaccard (GHashTable *a,
         GHashTable *b)
{
  GHashTableIter iter;
  gpointer key;
  guint common = 0, total;

  if (g_hash_table_size (a) == 0 || g_hash_table_size (b) == 0)
    return 0;
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    common += g_hash_table_contains (b, key);
  total = g_hash_table_size (a) + g_hash_table_size (b) - common;
  return (double) common / total;
}

static guint
uf_find (guint *parent,
         guint  i)
{
  while (parent[i] != i)
    i = parent[i] = parent[parent[i]];
  return i;
}

static const char *
shared_cite (TriArticle *a,
             TriArticle *b)
{
  const char * const *ca = tri_article_get_cites (a);
  const char * const *cb = tri_article_get_cites (b);

  for (guint i = 0; ca && ca[i]; i++)
    if (cb && g_strv_contains (cb, ca[i]))
      return ca[i];
  return NULL;
}

static void
judge_independence (TriCluster *cluster,
                    GHashTable *articles)
{
  guint n = cluster->articles->len;
  g_autofree guint *parent = g_new (guint, MAX (n, 1));
  g_autoptr(GString) notes = NULL;
  guint sources = 0;

  for (guint i = 0; i < n; i++)
    parent[i] = i;
  for (guint i = 0; articles && i < n; i++)
    for (guint j = i + 1; j < n; j++)
      {
        TriArticle *ai = g_hash_table_lookup (articles, g_ptr_array_index (cluster->articles, i));
        TriArticle *aj = g_hash_table_lookup (articles, g_ptr_array_index (cluster->articles, j));
        const char *cite;
        const char *why = NULL;
        g_autofree char *owned = NULL;

        if (ai == NULL || aj == NULL)
          continue;
        cite = shared_cite (ai, aj);
        if (cite != NULL)
          why = owned = g_strdup_printf ("both credit %s", cite);
        for (guint x = 0; why == NULL && x < cluster->claims->len; x++)
          {
            const TriClaim *cx = g_ptr_array_index (cluster->claims, x);
            g_autoptr(GHashTable) px = NULL;

            if (cx->article != g_ptr_array_index (cluster->articles, i))
              continue;
            px = word_pairs (ai, cx->sentence);
            for (guint y = 0; why == NULL && y < cluster->claims->len; y++)
              {
                const TriClaim *cy = g_ptr_array_index (cluster->claims, y);
                g_autoptr(GHashTable) py = NULL;

                if (cy->article != g_ptr_array_index (cluster->articles, j))
                  continue;
                py = word_pairs (aj, cy->sentence);
                if (jaccard (px, py) >= COPY_SIMILARITY)
                  why = "near-identical sentences";
              }
          }
        if (why != NULL)
          {
            if (notes == NULL)
              notes = g_string_new (NULL);
            else
              g_string_append (notes, "; ");
            g_string_append_printf (notes, "%s and %s count as one source (%s)",
                                    (const char *) g_ptr_array_index (cluster->articles, i),
                                    (const char *) g_ptr_array_index (cluster->articles, j), why);
            parent[uf_find (parent, i)] = uf_find (parent, j);
          }
      }
  for (guint i = 0; i < n; i++)
    sources += uf_find (parent, i) == i;
  cluster->n_sources = sources;
  if (notes != NULL)
    cluster->independence = g_string_free (g_steal_pointer (&notes), FALSE);
}

/**
 * _tri_claims_cluster_claims:
 * @claims: (element-type TriClaim): the claims to group
 * @articles: (nullable): article id (interned) → #TriArticle, for
 *   independence
 *
 * Blocks the claims by type × the country of their place, then by year,
 * and puts each into the best-matching cluster of its block, or a new one.
 *
 * Returns: (transfer full) (element-type TriCluster): the clusters; every
 *   claim is in exactly one
 */
GPtrArray *
_tri_claims_cluster_claims (GPtrArray  *claims,
                            GHashTable *articles)
{
  g_autoptr(GHashTable) blocks = g_hash_table_new_full (block_key_hash, block_key_equal, NULL,
                                                        (GDestroyNotify) block_free);
  g_autoptr(GPtrArray) builds = g_ptr_array_new_with_free_func ((GDestroyNotify) build_free);
  g_autoptr(GPtrArray) candidates = g_ptr_array_new ();
  GPtrArray *clusters;
  const TriClaimType *last_type = NULL;
  const char *last_type_name = NULL;

  g_return_val_if_fail (claims != NULL, NULL);

  for (guint i = 0; i < claims->len; i++)
    {
      TriClaim *claim = g_ptr_array_index (claims, i);
      const TriClaimType *t;
      Block *own[TRI_CLAIM_MAX_ENTITIES + 1];
      guint n_own;
      Block *wide, *placeless;
      gboolean timed;
      Build *best = NULL;
      guint best_score = 0, best_matched = 0, best_conflicts = 0;
      guint y1 = 0, y2 = 0;
      guint stamp = i + 1;

      if (claim->type != last_type_name)
        {
          last_type_name = claim->type;
          last_type = _tri_claim_type_lookup (claim->type);
        }
      t = last_type;

      /* The claim's blocks: one per country its places are in. Claims
       * with no place meet every cluster of their type, through a block
       * that holds them all; placed claims also meet the placeless. */
      n_own = 0;
      for (guint p = 0; p < MAX (claim->n_places, 1) && !(t && t->descriptor); p++)
        {
          const char *root = p < claim->n_places ? _tri_place_get_root (claim->places[p]) : NULL;
          Block *b;

          if (root == NULL)
            continue;
          b = get_block (blocks, claim->type, g_intern_string (root));
          for (guint q = 0; q < n_own && b; q++)
            if (own[q] == b)
              b = NULL;
          if (b != NULL)
            own[n_own++] = b;
        }
      wide = get_block (blocks, claim->type, ANY_PLACE);
      placeless = get_block (blocks, claim->type, NULL);
      if (n_own == 0)
        own[n_own++] = placeless;

      /* Candidates: clusters of the claim's months (wider for states and
       * inferred years), the untimed ones, and for an untimed claim the
       * most recent of the block. */
      g_ptr_array_set_size (candidates, 0);
      /* A fact that happens once meets every cluster of its block, or
       * those of the months its window reaches */
      timed = claim->day_first && !(t && t->once && t->once_window == 0) && !claim->once;
      if (timed)
        {
          guint pad = claim->time_inferred ? 12 * MAX_YEAR_SHIFT + 1
                      : (t && t->once) ? t->once_window / 28 + 1
                      : (t && t->state) ? 7 : 0;

          y1 = bucket_of (claim->day_first);
          y2 = bucket_of (claim->day_last);
          y1 = y1 > pad ? y1 - pad : 0;
          y2 += pad;
          if (y2 - y1 > MAX_BUCKETS)
            y1 = y2 - MAX_BUCKETS;
        }
      if (own[0] != placeless)
        {
          for (guint q = 0; q < n_own; q++)
            collect_candidates (candidates, stamp, own[q], timed, y1, y2);
          collect_candidates (candidates, stamp, placeless, timed, y1, y2);
        }
      else
        collect_candidates (candidates, stamp, wide, timed, y1, y2);

      for (guint j = 0; j < candidates->len; j++)
        {
          Build *b = g_ptr_array_index (candidates, j);
          guint matched, conflicts, score;
          CmpResult r = compare_with_build (t, claim, b, &matched, &conflicts);

          if (r == CMP_DIFFERENT)
            continue;
          score = 2 * __builtin_popcount (matched) + (r == CMP_SAME ? 1 : 0);
          if (score > best_score)
            {
              best = b;
              best_score = score;
              best_matched = matched;
              best_conflicts = conflicts;
            }
        }

      if (best == NULL)
        {
          best = g_new0 (Build, 1);
          best->members = g_ptr_array_new ();
          best->order = builds->len;
          g_ptr_array_add (builds, best);
        }
      else
        {
          best->matched |= best_matched;
          best->conflicts |= best_conflicts;
        }
      g_ptr_array_add (best->members, claim);
      if (!claim->day_first || claim->time_inferred)
        best->loose = TRUE;
      else if (best->members->len == 1)
        {
          best->day_lo = claim->day_first;
          best->day_hi = claim->day_last;
        }
      else
        {
          best->day_lo = MIN (best->day_lo, claim->day_first);
          best->day_hi = MAX (best->day_hi, claim->day_last);
        }
      for (guint q = 0; q < n_own; q++)
        register_claim (own[q], best, claim);
      if (own[0] != wide)
        register_claim (wide, best, claim);
    }

  clusters = g_ptr_array_new_full (builds->len, (GDestroyNotify) tri_cluster_unref);
  for (guint i = 0; i < builds->len; i++)
    {
      Build *b = g_ptr_array_index (builds, i);
      char id[32];
      TriCluster *cluster;

      g_snprintf (id, sizeof id, "k%u", i + 1);
      cluster = tri_cluster_new (id);
      for (guint j = 0; j < b->members->len; j++)
        tri_cluster_add_claim (cluster, g_ptr_array_index (b->members, j));
      cluster->matched = b->members->len > 1 ? b->matched : 0;
      judge_independence (cluster, articles);
      if (b->conflicts)
        {
          cluster->verdict = TRI_VERDICT_CONFLICTING;
          add_differences (cluster, b->conflicts);
        }
      else if (cluster->n_sources >= 2)
        cluster->verdict = TRI_VERDICT_CORROBORATED;
      else
        cluster->verdict = TRI_VERDICT_SINGLE_SOURCE;
      make_summary (cluster);
      g_ptr_array_add (clusters, cluster);
    }
  return clusters;
}

/* Dates that travel. */

/* How sure the year of @claim's time is: 3 written, 2 inferred from a
 * dated article, 1 inferred from the story, 0 guessed. */
static guint
year_confidence (const TriClaim *claim,
                 GHashTable     *articles)
{
  TriArticle *article;
  const TriStory *story;
  TriDateSource src;

  if (!claim->time_inferred)
    return 3;
  article = g_hash_table_lookup (articles, claim->article);
  if (article == NULL)
    return 0;
  src = tri_article_get_published_source (article);
  if (src == TRI_DATE_SOURCE_HEADER || src == TRI_DATE_SOURCE_USER)
    return 2;
  story = _tri_article_story_at (article, claim->start);
  if (story != NULL && story->reference != 0)
    return story->reference_source == TRI_DATE_SOURCE_HEADER ||
           story->reference_source == TRI_DATE_SOURCE_USER ? 2 : 1;
  return 0;
}

static void
shift_mention (TriMention *m,
               int         years)
{
  m->day_first = shift_years (m->day_first, years);
  m->day_last = shift_years (m->day_last, years);
  if (m->value != NULL && strlen (m->value) >= 4 && g_ascii_isdigit (m->value[0]))
    {
      char year[8];
      int y = atoi (m->value) + years;
      g_autofree char *value = NULL;

      if (y < 1 || y > 9999)
        return;
      g_snprintf (year, sizeof year, "%04d", y);
      value = g_strconcat (year, m->value + 4, NULL);
      tri_mention_set_value (m, value);
    }
}

/* Moves every inferred date of the story of @recipient by @years. */
static void
shift_story (TriArticle *article,
             guint       offset,
             int         years,
             GPtrArray  *claims)
{
  const TriStory *story = _tri_article_story_at (article, offset);
  guint start = story ? story->start : 0;
  guint end = story ? story->end : G_MAXUINT;
  GPtrArray *mentions = tri_article_get_mentions (article);

  for (guint i = 0; i < mentions->len; i++)
    {
      TriMention *m = g_ptr_array_index (mentions, i);

      if (m->kind == TRI_MENTION_TIME && m->inferred && m->start >= start && m->start < end)
        shift_mention (m, years);
    }
  for (guint i = 0; claims && i < claims->len; i++)
    {
      TriClaim *c = g_ptr_array_index (claims, i);

      if (!c->time_inferred || c->start < start || c->start >= end)
        continue;
      if (c->time_mention >= 0)
        {
          TriMention *m = g_ptr_array_index (mentions, c->mentions[c->time_mention]);
          guint32 last = c->time_role == TRI_TIME_ROLE_SINCE ? MAX (c->day_last, m->day_last)
                                                             : m->day_last;

          tri_claim_set_time (c, m->value, m->precision, m->day_first, last);
        }
    }
}

static guint32
parse_iso_day (const char *iso)
{
  int y = 0, m = 1, d = 1;
  int n;

  if (iso == NULL)
    return 0;
  n = sscanf (iso, "%d-%d-%d", &y, &m, &d);
  if (n < 1 || !g_date_valid_dmy (d, m, y))
    return 0;
  {
    GDate date;

    g_date_clear (&date, 1);
    g_date_set_dmy (&date, d, m, y);
    return g_date_get_julian (&date);
  }
}

static char *
julian_to_iso (guint32 julian)
{
  GDate d;

  if (julian == 0)
    return NULL;
  g_date_clear (&d, 1);
  g_date_set_julian (&d, julian);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&d), g_date_get_month (&d),
                          g_date_get_day (&d));
}

static void
travel_dates (GPtrArray  *clusters,
              GHashTable *articles)
{
  g_autoptr(GHashTable) shifted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < clusters->len; i++)
    {
      TriCluster *cluster = g_ptr_array_index (clusters, i);

      if (cluster->articles->len < 2)
        continue;
      for (guint j = 0; j < cluster->claims->len; j++)
        {
          TriClaim *c = g_ptr_array_index (cluster->claims, j);
          TriArticle *article = g_hash_table_lookup (articles, c->article);
          guint conf = year_confidence (c, articles);
          const TriClaim *donor = NULL;
          const TriClaimType *t;
          guint donor_conf = conf;
          int donor_shift = 0;

          if (article == NULL || !c->day_first)
            continue;
          for (guint k = 0; k < cluster->claims->len; k++)
            {
              const TriClaim *d = g_ptr_array_index (cluster->claims, k);
              guint dc;
              int shift;

              if (d->article == c->article || !d->day_first)
                continue;
              dc = year_confidence (d, articles);
              if (dc > donor_conf && times_meet (c, d, 0, &shift))
                {
                  donor = d;
                  donor_conf = dc;
                  donor_shift = shift;
                }
            }
          if (donor == NULL)
            continue;

          /* An inferred year moves to the one a surer source gives. */
          if (c->time_inferred && donor_shift != 0)
            {
              const TriStory *story = _tri_article_story_at (article, c->start);
              g_autofree char *key = g_strdup_printf ("%s@%u", c->article, story ? story->start : 0);

              if (!g_hash_table_contains (shifted, key))
                {
                  g_debug ("%s: dates of the story move %+d years after %s", c->id, donor_shift,
                           donor->id);
                  shift_story (article, c->start, donor_shift, _tri_article_get_claims (article));
                  g_hash_table_add (shifted, g_steal_pointer (&key));
                }
            }

          /* An undated article that tells of a past event was published
           * after it; one that announces it, before. */
          t = _tri_claim_type_lookup (c->type);
          if (t != NULL && !t->state && !t->descriptor && donor_conf >= 2 &&
              tri_article_get_published_source (article) != TRI_DATE_SOURCE_HEADER &&
              tri_article_get_published_source (article) != TRI_DATE_SOURCE_USER)
            {
              guint32 earliest = parse_iso_day (tri_article_get_published_earliest (article));
              guint32 latest = parse_iso_day (tri_article_get_published_latest (article));
              g_autofree char *e = NULL;
              g_autofree char *l = NULL;

              if (c->modality == TRI_MODALITY_FUTURE)
                latest = latest ? MIN (latest, donor->day_last) : donor->day_last;
              else
                earliest = MAX (earliest, donor->day_first);
              if (latest && earliest > latest)
                continue;
              e = julian_to_iso (earliest);
              l = julian_to_iso (latest);
              _tri_article_set_published_bounds (article, e, l);
            }
        }
    }
}

/**
 * _tri_claims_cluster:
 * @articles: (element-type TriArticle): analysed articles
 *
 * Returns: (transfer full) (element-type TriCluster): the clusters of all
 *   their claims
 */
GPtrArray *
_tri_claims_cluster (GPtrArray *articles)
{
  g_autoptr(GPtrArray) claims = g_ptr_array_new ();
  g_autoptr(GHashTable) by_id = g_hash_table_new (NULL, NULL);
  GPtrArray *clusters;

  g_return_val_if_fail (articles != NULL, NULL);

  for (guint i = 0; i < articles->len; i++)
    {
      TriArticle *article = g_ptr_array_index (articles, i);
      GPtrArray *mine = _tri_article_get_claims (article);

      g_hash_table_insert (by_id, (gpointer) g_intern_string (tri_article_get_id (article)), article);
      for (guint j = 0; mine && j < mine->len; j++)
        g_ptr_array_add (claims, g_ptr_array_index (mine, j));
    }
  clusters = _tri_claims_cluster_claims (claims, by_id);
  travel_dates (clusters, by_id);
  return clusters;
}
