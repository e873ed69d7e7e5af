/* tri-claims-model.c
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-claims-model"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "tri-claims-model.h"

/* The window's view model: every claim (or, before claims exist, every
 * sentence that names a place or a time) as a TriClaimItem, and the ones
 * that pass the filters as a GListModel. It also counts claims per place
 * for the map and lists dates for the timeline. Filtering is one pass over
 * an array that is kept sorted, so a range change costs O(n) and no
 * allocation. No GTK here: tests drive it without a display. */

struct _TriClaimsModel
{
  GObject        parent_instance;

  TriCorpus     *corpus;
  guint          rebuild_source;
  guint          generation;
  gboolean       running;
  gboolean       again;

  GPtrArray     *all;        /* TriClaimItem, sorted */
  GArray        *visible_idx;/* indices in all of the items shown */
  guint          events_serial;
  GArray        *places;     /* TriPlaceCount, those with claims shown */
  GArray        *events;     /* TriTimelineEvent, parallel to all */

  /* Every place of every item once, and per item (parallel to all) where
   * its places start in place_slots: a range change counts claims per
   * place with array increments over contiguous memory, no lookups. */
  GArray        *place_table;/* TriPlaceCount, counts unused */
  GArray        *place_start;/* guint, all->len + 1 entries */
  GArray        *place_slots;/* guint, indices into place_table */
  GArray        *place_counts;/* guint[TRI_N_VERDICTS] per place_table entry */
  GArray        *in_place;   /* guint8 per item: passes the place filter */

  guint32        range_first;
  guint32        range_last;
  guint32        extent_first;
  guint32        extent_last;
  char          *search;     /* folded */
  int            verdict;    /* -1: any */
  const char    *type;       /* interned, NULL: any */
  TriArticle    *article;
  const char    *place;      /* interned, NULL: any */
  gboolean       show_hidden;
  TriClaimsSort  sort;
  gboolean       reordered;  /* all was sorted again since the last filter */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TriClaimsModel, tri_claims_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_N_ITEMS,
  PROP_N_ALL,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static GType
get_item_type (GListModel *model)
{
  return TRI_TYPE_CLAIM_ITEM;
}

#define VISIBLE(self, i) \
  ((TriClaimItem *) g_ptr_array_index ((self)->all, g_array_index ((self)->visible_idx, guint, (i))))

static guint
get_n_items (GListModel *model)
{
  return TRI_CLAIMS_MODEL (model)->visible_idx->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  TriClaimsModel *self = TRI_CLAIMS_MODEL (model);

  if (position >= self->visible_idx->len)
    return NULL;
  return g_object_ref (VISIBLE (self, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
tri_claims_model_dispose (GObject *object)
{
  TriClaimsModel *self = (TriClaimsModel *)object;

  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  if (self->corpus != NULL)
    g_signal_handlers_disconnect_by_data (self->corpus, self);
  g_clear_object (&self->corpus);
  g_clear_object (&self->article);

  G_OBJECT_CLASS (tri_claims_model_parent_class)->dispose (object);
}

static void
tri_claims_model_finalize (GObject *object)
{
  TriClaimsModel *self = (TriClaimsModel *)object;

  g_clear_pointer (&self->visible_idx, g_array_unref);
  g_clear_pointer (&self->all, g_ptr_array_unref);
  g_clear_pointer (&self->places, g_array_unref);
  g_clear_pointer (&self->place_table, g_array_unref);
  g_clear_pointer (&self->place_start, g_array_unref);
  g_clear_pointer (&self->place_slots, g_array_unref);
  g_clear_pointer (&self->place_counts, g_array_unref);
  g_clear_pointer (&self->in_place, g_array_unref);
  g_clear_pointer (&self->events, g_array_unref);
  g_clear_pointer (&self->search, g_free);

  G_OBJECT_CLASS (tri_claims_model_parent_class)->finalize (object);
}

static void
tri_claims_model_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TriClaimsModel *self = TRI_CLAIMS_MODEL (object);

  switch (prop_id)
    {
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->visible_idx->len);
      break;
    case PROP_N_ALL:
      g_value_set_uint (value, self->all->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tri_claims_model_class_init (TriClaimsModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tri_claims_model_dispose;
  object_class->finalize = tri_claims_model_finalize;
  object_class->get_property = tri_claims_model_get_property;

  properties [PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties [PROP_N_ALL] =
    g_param_spec_uint ("n-all", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TriClaimsModel::changed:
   * @rebuilt: whether the items themselves changed, not only the filter
   *
   * The visible items, the place counts or the events changed.
   */
  signals [CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
}

static void
tri_claims_model_init (TriClaimsModel *self)
{
  self->all = g_ptr_array_new_with_free_func (g_object_unref);
  self->visible_idx = g_array_new (FALSE, FALSE, sizeof (guint));
  self->places = g_array_new (FALSE, TRUE, sizeof (TriPlaceCount));
  self->place_table = g_array_new (FALSE, TRUE, sizeof (TriPlaceCount));
  self->place_start = g_array_new (FALSE, TRUE, sizeof (guint));
  self->place_slots = g_array_new (FALSE, TRUE, sizeof (guint));
  self->place_counts = g_array_new (FALSE, TRUE, sizeof (guint));
  self->in_place = g_array_new (FALSE, TRUE, sizeof (guint8));
  self->events = g_array_new (FALSE, TRUE, sizeof (TriTimelineEvent));
  self->verdict = -1;
}

TriClaimsModel *
tri_claims_model_new (void)
{
  return g_object_new (TRI_TYPE_CLAIMS_MODEL, NULL);
}

/* Sorting */

static int
compare_date (gconstpointer a,
              gconstpointer b)
{
  const TriClaimItem *x = *(TriClaimItem * const *) a;
  const TriClaimItem *y = *(TriClaimItem * const *) b;
  guint32 dx = x->day_first ? x->day_first : G_MAXUINT32;
  guint32 dy = y->day_first ? y->day_first : G_MAXUINT32;

  if (dx != dy)
    return dx < dy ? -1 : 1;
  return g_strcmp0 (x->id, y->id);
}

static int
compare_place (gconstpointer a,
               gconstpointer b)
{
  TriClaimItem *x = *(TriClaimItem * const *) a;
  TriClaimItem *y = *(TriClaimItem * const *) b;
  const char *px = tri_claim_item_get_place_name (x);
  const char *py = tri_claim_item_get_place_name (y);
  int r;

  if (px == NULL || py == NULL)
    r = (px == NULL) - (py == NULL);
  else
    r = g_utf8_collate (px, py);
  return r != 0 ? r : compare_date (a, b);
}

static int
compare_sources (gconstpointer a,
                 gconstpointer b)
{
  const TriClaimItem *x = *(TriClaimItem * const *) a;
  const TriClaimItem *y = *(TriClaimItem * const *) b;

  if (x->n_sources != y->n_sources)
    return x->n_sources > y->n_sources ? -1 : 1;
  return compare_date (a, b);
}

static void
sort_all (TriClaimsModel *self)
{
  switch (self->sort)
    {
    case TRI_CLAIMS_SORT_PLACE:
      g_ptr_array_sort (self->all, compare_place);
      break;
    case TRI_CLAIMS_SORT_SOURCES:
      g_ptr_array_sort (self->all, compare_sources);
      break;
    case TRI_CLAIMS_SORT_DATE:
    default:
      g_ptr_array_sort (self->all, compare_date);
      break;
    }
}

/* Filtering */

static gboolean
passes_other_filters (TriClaimsModel *self,
                      TriClaimItem   *item)
{
  if (item->hidden && !self->show_hidden)
    return FALSE;
  if (self->verdict >= 0 && (int) tri_claim_item_get_verdict (item) != self->verdict)
    return FALSE;
  if (self->type != NULL && item->type != self->type)
    return FALSE;
  if (self->article != NULL && !tri_claim_item_has_article (item, self->article))
    return FALSE;
  if (self->search != NULL
      && (item->search_key == NULL || strstr (item->search_key, self->search) == NULL))
    return FALSE;
  return TRUE;
}

static inline gboolean
in_range (TriClaimsModel         *self,
          const TriTimelineEvent *event)
{
  /* Undated claims are never hidden by the range: unknown is not absent. */
  if (event->first == 0)
    return TRUE;
  if (self->range_first != 0 && event->last < self->range_first)
    return FALSE;
  if (self->range_last != 0 && event->first > self->range_last)
    return FALSE;
  return TRUE;
}

/* Lists the places of every item in the order of all, once per sort or
 * set of items (interning ids makes them comparable by pointer). */
static void
index_places (TriClaimsModel *self)
{
  g_autoptr(GHashTable) slot_of = g_hash_table_new (NULL, NULL);
  g_array_set_size (self->place_table, 0);
  g_array_set_size (self->place_start, 0);
  g_array_set_size (self->place_slots, 0);
  for (guint i = 0; i < self->all->len; i++)
    {
      TriClaimItem *item = g_ptr_array_index (self->all, i);

      g_array_append_val (self->place_start, self->place_slots->len);
      for (guint p = 0; p < item->places->len; p++)
        {
          TriItemPlace *place = &g_array_index (item->places, TriItemPlace, p);
          gpointer value;
          guint slot;

          if (g_hash_table_lookup_extended (slot_of, place->id, NULL, &value))
            slot = GPOINTER_TO_UINT (value);
          else
            {
              TriPlaceCount fresh = { place->id, g_intern_string (place->name), place->lat,
                                      place->lon, place->always_label, { 0 } };

              slot = self->place_table->len;
              g_array_append_val (self->place_table, fresh);
              g_hash_table_insert (slot_of, (gpointer) place->id, GUINT_TO_POINTER (slot));
            }
          g_array_append_val (self->place_slots, slot);
        }
    }
  g_array_append_val (self->place_start, self->place_slots->len);
  g_array_set_size (self->place_counts, self->place_table->len * TRI_N_VERDICTS);
  g_array_set_size (self->in_place, self->all->len);
}

/* Replaces @removed shown items at @position by @added ones from @from,
 * then says so: the model reads as the list expects at each signal. */
static void
splice (TriClaimsModel *self,
        guint           position,
        guint           removed,
        const guint    *from,
        guint           added)
{
  if (removed == 0 && added == 0)
    return;
  if (removed > 0)
    g_array_remove_range (self->visible_idx, position, removed);
  if (added > 0)
    g_array_insert_vals (self->visible_idx, position, from, added);
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

typedef struct
{
  guint old_pos, removed;
  guint new_pos, added;
} Hunk;

/* Hunks closer than this are told as one: fewer signals, for a few items
 * removed and added again */
#define COALESCE  64
#define MAX_HUNKS 32

/* Tells the list what changed between the shown items and @new with few
 * and small items-changed. Both are increasing indices into @all, so the
 * items they share are their intersection, found by one merge. A range
 * that slides drops items near the front and adds some at the end: that
 * is two signals, and the rows in between are left alone. GTK 4.8's list
 * looks at every item added when the rows in view are removed, so a
 * single signal replacing the whole list would cost O(n) there.
 * After a sort the indices mean other items: everything is replaced. */
static void
emit_changes (TriClaimsModel *self,
              GArray         *new)
{
  GArray *old = self->visible_idx;
  const guint *o = (const guint *) old->data;
  const guint *n = (const guint *) new->data;
  g_autoptr(GArray) hunks = g_array_new (FALSE, FALSE, sizeof (Hunk));
  guint i = 0, j = 0;

  if (self->reordered)
    {
      self->reordered = FALSE;
      splice (self, 0, old->len, n, new->len);
      return;
    }

  while (i < old->len || j < new->len)
    {
      Hunk hunk = { i, 0, j, 0 };

      if (i < old->len && j < new->len && o[i] == n[j])
        {
          i++;
          j++;
          continue;
        }
      while (i < old->len || j < new->len)
        {
          if (i < old->len && j < new->len && o[i] == n[j])
            break;
          if (j >= new->len || (i < old->len && o[i] < n[j]))
            i++;
          else
            j++;
        }
      if (hunks->len > 0)
        {
          Hunk *last = &g_array_index (hunks, Hunk, hunks->len - 1);

          if (hunk.old_pos - (last->old_pos + last->removed) < COALESCE)
            {
              last->removed = i - last->old_pos;
              last->added = j - last->new_pos;
              continue;
            }
        }
      hunk.removed = i - hunk.old_pos;
      hunk.added = j - hunk.new_pos;
      g_array_append_val (hunks, hunk);
    }

  if (hunks->len > MAX_HUNKS)
    {
      Hunk *first = &g_array_index (hunks, Hunk, 0);
      Hunk *last = &g_array_index (hunks, Hunk, hunks->len - 1);

      first->removed = last->old_pos + last->removed - first->old_pos;
      first->added = last->new_pos + last->added - first->new_pos;
      g_array_set_size (hunks, 1);
    }

  /* From the back, so that the positions of the hunks before still hold */
  for (guint h = hunks->len; h > 0; h--)
    {
      const Hunk *hunk = &g_array_index (hunks, Hunk, h - 1);

      splice (self, hunk->old_pos, hunk->removed, n + hunk->new_pos, hunk->added);
    }
}

static void
refilter_full (TriClaimsModel *self,
               gboolean        range_only)
{
  guint old_len = self->visible_idx->len;
  g_autoptr(GArray) new = g_array_sized_new (FALSE, FALSE, sizeof (guint), old_len);
  const guint *start, *slots;
  guint *counts;
  guint8 *in_place;

  if (self->place_start->len != self->all->len + 1)
    index_places (self);
  if (!range_only || self->events->len != self->all->len)
    {
      range_only = FALSE;
      g_array_set_size (self->events, self->all->len);
    }

  /* The filters other than the range are cached in the events. */
  if (!range_only)
    {
      in_place = (guint8 *) self->in_place->data;
      for (guint i = 0; i < self->all->len; i++)
        {
          TriClaimItem *item = g_ptr_array_index (self->all, i);
          TriTimelineEvent *event = &g_array_index (self->events, TriTimelineEvent, i);

          event->first = item->day_first;
          event->last = item->day_last;
          event->fuzzy = item->fuzzy;
          event->verdict = tri_claim_item_get_verdict (item);
          event->in_filter = passes_other_filters (self, item);
          in_place[i] = self->place == NULL || tri_claim_item_has_place (item, self->place);
        }
    }

  /* From here on only the events and the place index are read: a range
   * change does not touch the items themselves. */
  if (self->place_counts->len > 0)
    memset (self->place_counts->data, 0, self->place_counts->len * sizeof (guint));
  counts = (guint *) self->place_counts->data;
  start = (const guint *) self->place_start->data;
  slots = (const guint *) self->place_slots->data;
  in_place = (guint8 *) self->in_place->data;
  for (guint i = 0; i < self->events->len; i++)
    {
      const TriTimelineEvent *event = &g_array_index (self->events, TriTimelineEvent, i);

      if (!event->in_filter || !in_range (self, event))
        continue;
      /* The map shows every place in range; the place filter narrows the list. */
      for (guint k = start[i]; k < start[i + 1]; k++)
        counts[slots[k] * TRI_N_VERDICTS + event->verdict]++;
      if (in_place[i])
        g_array_append_val (new, i);
    }

  g_array_set_size (self->places, 0);
  for (guint p = 0; p < self->place_table->len; p++)
    {
      const guint *c = &counts[p * TRI_N_VERDICTS];
      TriPlaceCount count = g_array_index (self->place_table, TriPlaceCount, p);
      guint total = 0;

      for (guint v = 0; v < TRI_N_VERDICTS; v++)
        total += count.counts[v] = c[v];
      if (total > 0)
        g_array_append_val (self->places, count);
    }

  if (!range_only)
    self->events_serial++;
  emit_changes (self, new);
  if (old_len != self->visible_idx->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_ITEMS]);
  g_signal_emit (self, signals [CHANGED], 0, FALSE);
}

/**
 * tri_claims_model_refilter:
 * @self: a #TriClaimsModel
 *
 * Applies the filters again; emits items-changed and #TriClaimsModel::changed.
 */
void
tri_claims_model_refilter (TriClaimsModel *self)
{
  g_return_if_fail (TRI_IS_CLAIMS_MODEL (self));

  refilter_full (self, FALSE);
}

/**
 * tri_claims_model_get_events_serial:
 * @self: a #TriClaimsModel
 *
 * Returns: a number that changes whenever the events do (a change of the
 *   range alone leaves them as they are)
 */
guint
tri_claims_model_get_events_serial (TriClaimsModel *self)
{
  g_return_val_if_fail (TRI_IS_CLAIMS_MODEL (self), 0);
  return self->events_serial;
}

static void
update_extent (TriClaimsModel *self)
{
  self->extent_first = 0;
  self->extent_last = 0;
  for (guint i = 0; i < self->all->len; i++)
    {
      TriClaimItem *item = g_ptr_array_index (self->all, i);

      if (item->day_first == 0)
        continue;
      if (self->extent_first == 0 || item->day_first < self->extent_first)
        self->extent_first = item->day_first;
      if (item->day_last > self->extent_last)
        self->extent_last = item->day_last;
    }
}

/**
 * tri_claims_model_set_items:
 * @self: a #TriClaimsModel
 * @items: (element-type TriClaimItem): the items
 *
 * Replaces every item (the corpus is ignored until the next rebuild).
 */
void
tri_claims_model_set_items (TriClaimsModel *self,
                            GPtrArray      *items)
{
  guint old_len;

  g_return_if_fail (TRI_IS_CLAIMS_MODEL (self));
  g_return_if_fail (items != NULL);

  old_len = self->visible_idx->len;
  g_array_set_size (self->visible_idx, 0);
  g_ptr_array_set_size (self->all, 0);
  for (guint i = 0; i < items->len; i++)
    g_ptr_array_add (self->all, g_object_ref (g_ptr_array_index (items, i)));
  sort_all (self);
  index_places (self);
  update_extent (self);
  /* The old items are gone: the list must drop them all. */
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_ALL]);
  tri_claims_model_refilter (self);
  g_signal_emit (self, signals [CHANGED], 0, TRUE);
}

/* Building items from the corpus */

static guint32
parse_iso_day (const char *iso,
               guint32    *last)
{
  int y = 0, m = 0, d = 0;
  int n;
  GDate date;

  *last = 0;
  if (iso == NULL)
    return 0;
  n = sscanf (iso, "%d-%d-%d", &y, &m, &d);
  if (n < 1 || y < 1 || y > 9999)
    return 0;
  g_date_clear (&date, 1);
  if (n == 1)
    {
      g_date_set_dmy (&date, 1, 1, y);
      *last = g_date_get_julian (&date) + (g_date_is_leap_year (y) ? 365 : 364);
      return g_date_get_julian (&date);
    }
  if (m < 1 || m > 12)
    return 0;
  if (n == 2)
    {
      g_date_set_dmy (&date, 1, m, y);
      *last = g_date_get_julian (&date) + g_date_get_days_in_month (m, y) - 1;
      return g_date_get_julian (&date);
    }
  if (!g_date_valid_dmy (d, m, y))
    return 0;
  g_date_set_dmy (&date, d, m, y);
  *last = g_date_get_julian (&date);
  return *last;
}

/* Places come from the core: the tagger's place mentions and the
 * gazetteer's entries, looked up by id. */
static const char *
place_display_name (const TriPlace *place)
{
  const char * const *langs = g_get_language_names ();
  const char *name_vi = tri_place_get_name_vi (place);

  for (guint i = 0; langs[i]; i++)
    {
      if (g_str_has_prefix (langs[i], "vi") && name_vi != NULL && *name_vi != '\0')
        return name_vi;
      if (g_str_has_prefix (langs[i], "en") || g_str_equal (langs[i], "C"))
        break;
    }
  return tri_place_get_name (place);
}

/* Bases, airports and capitals are the landmarks of a story about troops:
 * they keep their labels at every zoom level. */
static gboolean
place_always_label (const TriPlace *place)
{
  switch (tri_place_get_kind (place))
    {
    case TRI_PLACE_KIND_AIR_BASE:
    case TRI_PLACE_KIND_MILITARY_BASE:
    case TRI_PLACE_KIND_AIRPORT:
      return TRUE;
    case TRI_PLACE_KIND_REGION:
    case TRI_PLACE_KIND_COUNTRY:
    case TRI_PLACE_KIND_ADMIN1:
    case TRI_PLACE_KIND_CITY:
    case TRI_PLACE_KIND_FACILITY:
    default:
      return tri_place_is_capital (place);
    }
}

static void
add_place_mention (TriClaimItem *item,
                   TriGazetteer *gazetteer,
                   TriMention   *mention)
{
  const TriPlace *known = tri_gazetteer_lookup_id (gazetteer, mention->entity);
  const char *name = mention->name;

  if (mention->entity == NULL || (mention->lat == 0.0 && mention->lon == 0.0))
    return;
  if (known != NULL)
    name = place_display_name (known);
  tri_claim_item_add_place (item, mention->entity, name, mention->lat, mention->lon,
                            known != NULL && place_always_label (known));
}

/* The place mentions inside [start, end) of @article. */
static void
add_span_places (TriClaimItem *item,
                 TriGazetteer *gazetteer,
                 TriArticle   *article,
                 guint         start,
                 guint         end)
{
  GPtrArray *mentions = tri_article_get_mentions (article);

  for (guint j = 0; mentions != NULL && j < mentions->len; j++)
    {
      TriMention *mention = g_ptr_array_index (mentions, j);

      if (mention->start >= end)
        break;
      if (mention->kind == TRI_MENTION_PLACE && mention->start >= start)
        add_place_mention (item, gazetteer, mention);
    }
}

static void
add_article_items (GPtrArray    *items,
                   TriArticle   *article,
                   TriGazetteer *gazetteer,
                   GHashTable   *covered)
{
  GPtrArray *mentions = tri_article_get_mentions (article);
  guint n_sentences = tri_article_get_n_sentences (article);
  guint32 pub_last = 0;
  guint32 pub_first = parse_iso_day (tri_article_get_published (article), &pub_last);
  guint m = 0;

  for (guint s = 0; s < n_sentences; s++)
    {
      g_autoptr(TriClaimItem) item = NULL;
      g_autofree char *id = NULL;
      g_autofree char *text = NULL;
      TriMention *time = NULL;
      guint start, end;

      if (!tri_article_get_sentence (article, s, &start, &end))
        continue;
      if (!tri_article_is_content (article, start, end))
        continue;
      id = g_strdup_printf ("%s#s%u", tri_article_get_id (article), s);
      if (covered != NULL && g_hash_table_contains (covered, id))
        continue;
      text = tri_article_dup_span (article, start, end);
      if (text == NULL)
        continue;
      g_strstrip (text);
      item = tri_claim_item_new (id, text);

      /* Mentions are sorted by offset. */
      while (mentions != NULL && m < mentions->len
             && ((TriMention *) g_ptr_array_index (mentions, m))->start < start)
        m++;
      for (guint j = m; mentions != NULL && j < mentions->len; j++)
        {
          TriMention *mention = g_ptr_array_index (mentions, j);

          if (mention->start >= end)
            break;
          if (mention->kind == TRI_MENTION_PLACE)
            add_place_mention (item, gazetteer, mention);
          else if (mention->kind == TRI_MENTION_TIME && time == NULL && mention->day_first != 0
                   && mention->precision != TRI_PRECISION_DURATION)
            time = mention;
        }
      if (time == NULL && item->places->len == 0)
        continue;

      if (time != NULL)
        {
          item->day_first = time->day_first;
          item->day_last = MAX (time->day_last, time->day_first);
          item->fuzzy = time->inferred || time->precision == TRI_PRECISION_VAGUE
                        || time->precision == TRI_PRECISION_DECADE
                        || time->modifier == TRI_TIME_MODIFIER_APPROX;
        }
      else
        {
          /* No date in the sentence: the publication date bounds it. */
          item->day_first = pub_first;
          item->day_last = MAX (pub_last, pub_first);
          item->fuzzy = TRUE;
        }
      tri_claim_item_add_source (item, article, start, end);
      tri_claim_item_finish (item);
      g_ptr_array_add (items, g_steal_pointer (&item));
    }
}

/* Claims and clusters, once the core has them. */


static char *
format_value (const char *value)
{
  char *end = NULL;
  double number;

  if (value == NULL)
    return g_strdup ("?");
  number = g_ascii_strtod (value, &end);
  if (end != value && *end == '\0' && number == (gint64) number && ABS (number) >= 1000)
    return g_strdup_printf ("%'" G_GINT64_FORMAT, (gint64) number);
  return g_strdup (value);
}

static char *
format_differences (TriCluster *cluster)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; cluster->differences != NULL && i < cluster->differences->len; i++)
    {
      const TriDifference *difference = &g_array_index (cluster->differences, TriDifference, i);

      if (difference->values == NULL || difference->values[0] == NULL)
        continue;
      if (out->len > 0)
        g_string_append (out, "; ");
      for (guint j = 0; difference->values[j]; j++)
        {
          g_autofree char *value = format_value (difference->values[j]);

          if (j > 0)
            /* Translators: between two values sources disagree on, "2,500 vs 900" */
            g_string_append (out, _(" vs "));
          g_string_append (out, value);
        }
    }
  return out->len > 0 ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}

static char *
explain_verdict (TriCluster *cluster)
{
  g_autoptr(GString) why = g_string_new (NULL);

  switch (cluster->verdict)
    {
    case TRI_VERDICT_CORROBORATED:
      g_string_append_printf (why, g_dngettext (GETTEXT_PACKAGE,
                                                "Corroborated: %u independent source agrees.",
                                                "Corroborated: %u independent sources agree.",
                                                cluster->n_sources), cluster->n_sources);
      break;
    case TRI_VERDICT_CONFLICTING:
      g_string_append (why, _("Conflicting: the sources disagree on a value."));
      break;
    case TRI_VERDICT_SINGLE_SOURCE:
    default:
      g_string_append (why, _("Single source: no other independent source states this."));
      break;
    }
  if (cluster->independence != NULL)
    {
      g_string_append_c (why, ' ');
      g_string_append (why, cluster->independence);
    }
  return g_string_free (g_steal_pointer (&why), FALSE);
}

static void
add_place_id (TriClaimItem *item,
              TriGazetteer *gazetteer,
              const char   *place_id)
{
  const TriPlace *place = tri_gazetteer_lookup_id (gazetteer, place_id);

  if (place == NULL)
    return;
  tri_claim_item_add_place (item, tri_place_get_id (place), place_display_name (place),
                            tri_place_get_latitude (place), tri_place_get_longitude (place),
                            place_always_label (place));
}

static TriClaimItem *
item_from_cluster (GHashTable   *by_id,
                   TriCluster   *cluster,
                   TriGazetteer *gazetteer)
{
  g_autoptr(TriClaimItem) item = NULL;
  const char *summary = cluster->summary;
  gboolean all_fuzzy = TRUE;
  g_autofree char *first_text = NULL;

  if (cluster->claims == NULL || cluster->claims->len == 0)
    return NULL;

  item = tri_claim_item_new (cluster->id, NULL);
  item->key = g_strdup (cluster->key);
  item->claims = g_new0 (char *, cluster->claims->len + 1);
  for (guint i = 0; i < cluster->claims->len; i++)
    item->claims[i] = g_strdup (((TriClaim *) g_ptr_array_index (cluster->claims, i))->id);
  item->verdict = cluster->verdict;
  item->differences = format_differences (cluster);
  item->why = explain_verdict (cluster);

  for (guint i = 0; i < cluster->claims->len; i++)
    {
      TriClaim *claim = g_ptr_array_index (cluster->claims, i);
      TriArticle *article = claim->article ? g_hash_table_lookup (by_id, claim->article) : NULL;

      if (i == 0)
        item->type = g_intern_string (claim->type);
      for (guint p = 0; p < claim->n_places; p++)
        add_place_id (item, gazetteer, claim->places[p]);
      if (claim->day_first != 0)
        {
          if (item->day_first == 0 || claim->day_first < item->day_first)
            item->day_first = claim->day_first;
          item->day_last = MAX (item->day_last, MAX (claim->day_last, claim->day_first));
          if (!claim->time_inferred && claim->time_precision != TRI_PRECISION_VAGUE
              && claim->time_modifier != TRI_TIME_MODIFIER_APPROX)
            all_fuzzy = FALSE;
        }
      if (article != NULL)
        {
          guint start = claim->start, end = claim->end;
          guint s = tri_article_find_sentence (article, claim->start);
          gboolean seen = FALSE;

          /* Show the whole sentence the claim is in, once. */
          if (s != G_MAXUINT)
            tri_article_get_sentence (article, s, &start, &end);
          for (guint k = 0; k < item->sources->len && !seen; k++)
            {
              TriItemSource *source = g_ptr_array_index (item->sources, k);

              seen = source->article == article && source->start == start;
            }
          if (!seen)
            tri_claim_item_add_source (item, article, start, end);
        }
    }
  if (item->sources->len == 0)
    return NULL;
  if (item->day_first == 0)
    {
      TriItemSource *source = g_ptr_array_index (item->sources, 0);
      guint32 last;

      item->day_first = parse_iso_day (tri_article_get_published (source->article), &last);
      item->day_last = MAX (last, item->day_first);
    }
  item->fuzzy = all_fuzzy;
  /* Places the claims did not resolve: the place mentions of their sentences. */
  if (item->places->len == 0)
    for (guint i = 0; i < item->sources->len; i++)
      {
        TriItemSource *source = g_ptr_array_index (item->sources, i);

        add_span_places (item, gazetteer, source->article, source->start, source->end);
      }
  /* The row shows what a source said, in its words; the cluster's own
   * summary is terse and English, so it goes into the search key. */
  first_text = g_strdup (((TriItemSource *) g_ptr_array_index (item->sources, 0))->text);
  g_free (item->summary);
  item->summary = g_strdup (first_text ? first_text : summary);
  tri_claim_item_finish (item);
  /* The sentences are searched too, in their own language. */
  {
    g_autoptr(GString) key = g_string_new (item->search_key);

    if (summary != NULL)
      {
        g_autofree char *folded = tri_search_fold (summary, -1);

        g_string_append_c (key, '\n');
        g_string_append (key, folded);
      }

    for (guint i = 0; i < item->sources->len; i++)
      {
        TriItemSource *source = g_ptr_array_index (item->sources, i);
        g_autofree char *folded = tri_search_fold (source->text, -1);

        g_string_append_c (key, '\n');
        g_string_append (key, folded);
      }
    g_free (item->search_key);
    item->search_key = g_string_free (g_steal_pointer (&key), FALSE);
  }
  if (cluster->n_sources > 0)
    item->n_sources = cluster->n_sources;
  return g_steal_pointer (&item);
}

/* Builds the items from a snapshot of the articles and clusters. Reads
 * them only, so it runs on a worker thread. */
static GPtrArray *
build_items (GPtrArray *articles,
             GPtrArray *clusters)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);
  TriGazetteer *gazetteer = tri_gazetteer_get_default ();
  g_autoptr(GHashTable) covered = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < articles->len; i++)
    {
      TriArticle *article = g_ptr_array_index (articles, i);

      g_hash_table_insert (by_id, (gpointer) tri_article_get_id (article), article);
    }

  if (clusters != NULL && clusters->len > 0)
    {
      covered = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; i < clusters->len; i++)
        {
          TriCluster *cluster = g_ptr_array_index (clusters, i);
          TriClaimItem *item = item_from_cluster (by_id, cluster, gazetteer);

          if (item != NULL)
            g_ptr_array_add (items, item);
          for (guint j = 0; cluster->claims != NULL && j < cluster->claims->len; j++)
            {
              TriClaim *claim = g_ptr_array_index (cluster->claims, j);

              if (claim->article != NULL)
                g_hash_table_add (covered, g_strdup_printf ("%s#s%u", claim->article, claim->sentence));
            }
        }
    }

  /* Sentences that name a place or a time and that no claim covers (all of
   * them before claims exist): the map shows every place mentioned. */
  for (guint i = 0; i < articles->len; i++)
    add_article_items (items, g_ptr_array_index (articles, i), gazetteer, covered);
  return items;
}

static GPtrArray *
snapshot_articles (TriClaimsModel *self)
{
  GPtrArray *articles = g_ptr_array_new_with_free_func (g_object_unref);

  if (self->corpus != NULL)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->corpus));

      for (guint i = 0; i < n; i++)
        g_ptr_array_add (articles, g_list_model_get_item (G_LIST_MODEL (self->corpus), i));
    }
  return articles;
}

static GPtrArray *
snapshot_clusters (TriClaimsModel *self)
{
  GPtrArray *clusters = self->corpus ? tri_corpus_get_clusters (self->corpus) : NULL;

  return clusters ? g_ptr_array_ref (clusters) : NULL;
}

/* Keeps the researcher's word across rebuilds, then shows @items. */
static void
take_items (TriClaimsModel *self,
            GPtrArray      *items)
{
  g_autoptr(GHashTable) old = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < self->all->len; i++)
    {
      TriClaimItem *item = g_ptr_array_index (self->all, i);

      if (item->hidden || item->overridden || item->note != NULL)
        g_hash_table_insert (old, item->id, item);
    }
  for (guint i = 0; i < items->len; i++)
    {
      TriClaimItem *item = g_ptr_array_index (items, i);
      TriClaimItem *before = g_hash_table_lookup (old, item->id);

      if (before == NULL)
        continue;
      item->hidden = before->hidden;
      item->overridden = before->overridden;
      item->user_verdict = before->user_verdict;
      item->note = g_strdup (before->note);
    }
  tri_claims_model_set_items (self, items);
}

/**
 * tri_claims_model_rebuild:
 * @self: a #TriClaimsModel
 *
 * Builds the items again from the corpus, now, keeping the researcher's
 * overrides of items whose ids survive.
 */
void
tri_claims_model_rebuild (TriClaimsModel *self)
{
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GPtrArray) clusters = NULL;
  g_autoptr(GPtrArray) items = NULL;

  g_return_if_fail (TRI_IS_CLAIMS_MODEL (self));

  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  self->generation++;
  articles = snapshot_articles (self);
  clusters = snapshot_clusters (self);
  items = build_items (articles, clusters);
  take_items (self, items);
}

typedef struct
{
  GPtrArray *articles;
  GPtrArray *clusters;
  guint      generation;
} Rebuild;

static void
rebuild_free (Rebuild *rebuild)
{
  g_clear_pointer (&rebuild->articles, g_ptr_array_unref);
  g_clear_pointer (&rebuild->clusters, g_ptr_array_unref);
  g_free (rebuild);
}

static void
rebuild_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Rebuild *rebuild = task_data;

  g_task_return_pointer (task, build_items (rebuild->articles, rebuild->clusters),
                         (GDestroyNotify) g_ptr_array_unref);
}

static void queue_rebuild (TriClaimsModel *self);

static void
rebuild_done (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  TriClaimsModel *self = TRI_CLAIMS_MODEL (object);
  Rebuild *rebuild = g_task_get_task_data (G_TASK (result));
  g_autoptr(GPtrArray) items = g_task_propagate_pointer (G_TASK (result), NULL);

  self->running = FALSE;
  /* A synchronous rebuild came in between: this one is stale. */
  if (items != NULL && rebuild->generation == self->generation)
    take_items (self, items);
  if (self->again)
    {
      self->again = FALSE;
      queue_rebuild (self);
    }
}

static gboolean
rebuild_cb (gpointer data)
{
  TriClaimsModel *self = data;
  g_autoptr(GTask) task = NULL;
  Rebuild *rebuild;

  self->rebuild_source = 0;
  if (self->running)
    {
      self->again = TRUE;
      return G_SOURCE_REMOVE;
    }
  rebuild = g_new0 (Rebuild, 1);
  rebuild->articles = snapshot_articles (self);
  rebuild->clusters = snapshot_clusters (self);
  rebuild->generation = ++self->generation;
  self->running = TRUE;
  task = g_task_new (self, NULL, rebuild_done, NULL);
  g_task_set_source_tag (task, rebuild_cb);
  g_task_set_task_data (task, rebuild, (GDestroyNotify) rebuild_free);
  g_task_run_in_thread (task, rebuild_thread);
  return G_SOURCE_REMOVE;
}

static void
queue_rebuild (TriClaimsModel *self)
{
  /* Loading adds articles one file at a time: rebuild once per burst, on
   * a worker thread. */
  if (self->rebuild_source == 0)
    self->rebuild_source = g_timeout_add_full (G_PRIORITY_DEFAULT_IDLE, 50, rebuild_cb, self, NULL);
}

/**
 * tri_claims_model_get_busy:
 * @self: a #TriClaimsModel
 *
 * Returns: whether the items are about to change (a rebuild is queued or
 *   running)
 */
gboolean
tri_claims_model_get_busy (TriClaimsModel *self)
{
  g_return_val_if_fail (TRI_IS_CLAIMS_MODEL (self), FALSE);
  return self->rebuild_source != 0 || self->running || self->again;
}

static void
on_corpus_items_changed (TriClaimsModel *self,
                         guint           position,
                         guint           removed,
                         guint           added,
                         GListModel     *corpus)
{
  queue_rebuild (self);
}

TriCorpus *
tri_claims_model_get_corpus (TriClaimsModel *self)
{
  g_return_val_if_fail (TRI_IS_CLAIMS_MODEL (self), NULL);
  return self->corpus;
}

void
tri_claims_model_set_corpus (TriClaimsModel *self,
                             TriCorpus      *corpus)
{
  g_return_if_fail (TRI_IS_CLAIMS_MODEL (self));
  g_return_if_fail (!corpus || TRI_IS_CORPUS (corpus));

  if (self->corpus == corpus)
    return;
  if (self->corpus != NULL)
    g_signal_handlers_disconnect_by_data (self->corpus, self);
  g_set_object (&self->corpus, corpus);
  if (corpus != NULL)
    {
      g_signal_connect_object (corpus, "items-changed",
                               G_CALLBACK (on_corpus_items_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (corpus, "clusters-changed",
                               G_CALLBACK (queue_rebuild), self, G_CONNECT_SWAPPED);
    }
  tri_claims_model_rebuild (self);
}

GPtrArray *
tri_claims_model_get_all (TriClaimsModel *self)
{
  g_return_val_if_fail (TRI_IS_CLAIMS_MODEL (self), NULL);
  return self->all;
}

guint
tri_claims_model_get_n_all (TriClaimsModel *self)
{
  g_return_val_if_fail (TRI_IS_CLAIMS_MODEL (self), 0);
  return self->all->len;
}

/* Filters */

void
tri_claims_model_set_range (TriClaimsModel *self,
                            guint32         first,
                            guint32         last)
{
  g_return_if_fail (TRI_IS_CLAIMS_MODEL (self));

  if (self->range_first == first && self->range_last == last)
    return;
  self->range_first = first;
  self->range_last = last;
  refilter_full (self, TRUE);
}

void
tri_claims_model_get_range (TriClaimsModel *self,
                            guint32        *first,
                            guint32        *last)
{
  g_return_if_fail (TRI_IS_CLAIMS_MODEL (self));

  if (first != NULL)
    *first = self->range_first;
  if (last != NULL)
    *last = self->range_last;
}

void
tri_claims_model_get_extent (TriClaimsModel *self,
                             guint32        *first,
                             guint32        *last)
{
  g_return_if_fail (TRI_IS_CLAIMS_MODEL (self));

  if (first != NULL)
    *first = self->extent_first;
  if (last != NULL)
    *last = self->extent_last;
}

void
tri_claims_model_set_search (TriClaimsModel *self,
                             const char     *text)
{
  g_autofree char *folded = NULL;

  g_return_if_fail (TRI_IS_CLAIMS_MODEL (self));

  if (text != NULL)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (text));

      if (*stripped != '\0')
        folded = g_strstrip (tri_search_fold (stripped, -1));
      if (folded != NULL && *folded == '\0')
        g_clear_pointer (&folded, g_free);
    }
  if (g_strcmp0 (folded, self->search) == 0)
    return;
  g_free (self->search);
  self->search = g_steal_pointer (&folded);
  tri_claims_model_refilter (self);
}

void
tri_claims_model_set_verdict_filter (TriClaimsModel *self,
                                     int             verdict)
{
  g_return_if_fail (TRI_IS_CLAIMS_MODEL (self));
  g_return_if_fail (verdict >= -1 && verdict < TRI_N_VERDICTS);

  if (self->verdict == verdict)
    return;
  self->verdict = verdict;
  tri_claims_model_refilter (self);
}

void
tri_claims_model_set_type_filter (TriClaimsModel *self,
                                  const char     *type)
{
  g_return_if_fail (TRI_IS_CLAIMS_MODEL (self));

  type = g_intern_string (type);
  if (self->type == type)
    return;
  self->type = type;
  tri_claims_model_refilter (self);
}

void
tri_claims_model_set_article_filter (TriClaimsModel *self,
                                     TriArticle     *article)
{
  g_return_if_fail (TRI_IS_CLAIMS_MODEL (self));

  if (g_set_object (&self->article, article))
    tri_claims_model_refilter (self);
}

TriArticle *
tri_claims_model_get_article_filter (TriClaimsModel *self)
{
  g_return_val_if_fail (TRI_IS_CLAIMS_MODEL (self), NULL);
  return self->article;
}

void
tri_claims_model_set_place_filter (TriClaimsModel *self,
                                   const char     *place_id)
{
  g_return_if_fail (TRI_IS_CLAIMS_MODEL (self));

  place_id = g_intern_string (place_id);
  if (self->place == place_id)
    return;
  self->place = place_id;
  tri_claims_model_refilter (self);
}

const char *
tri_claims_model_get_place_filter (TriClaimsModel *self)
{
  g_return_val_if_fail (TRI_IS_CLAIMS_MODEL (self), NULL);
  return self->place;
}

void
tri_claims_model_set_show_hidden (TriClaimsModel *self,
                                  gboolean        show_hidden)
{
  g_return_if_fail (TRI_IS_CLAIMS_MODEL (self));

  if (self->show_hidden == !!show_hidden)
    return;
  self->show_hidden = !!show_hidden;
  tri_claims_model_refilter (self);
}

void
tri_claims_model_set_sort (TriClaimsModel *self,
                           TriClaimsSort   sort)
{
  g_return_if_fail (TRI_IS_CLAIMS_MODEL (self));

  if (self->sort == sort)
    return;
  self->sort = sort;
  sort_all (self);
  self->reordered = TRUE;
  index_places (self);
  tri_claims_model_refilter (self);
}

/**
 * tri_claims_model_get_places:
 * @self: a #TriClaimsModel
 *
 * Returns: (transfer none) (element-type TriPlaceCount): the places with
 *   claims in the range that pass the filters, in no particular order
 */
GArray *
tri_claims_model_get_places (TriClaimsModel *self)
{
  g_return_val_if_fail (TRI_IS_CLAIMS_MODEL (self), NULL);
  return self->places;
}

/**
 * tri_claims_model_get_events:
 * @self: a #TriClaimsModel
 *
 * Returns: (transfer none) (element-type TriTimelineEvent): one per item
 */
GArray *
tri_claims_model_get_events (TriClaimsModel *self)
{
  g_return_val_if_fail (TRI_IS_CLAIMS_MODEL (self), NULL);
  return self->events;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/**
 * tri_claims_model_dup_types:
 * @self: a #TriClaimsModel
 *
 * Returns: (transfer full): the claim types present, sorted
 */
GStrv
tri_claims_model_dup_types (TriClaimsModel *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) types = g_ptr_array_new ();
  GStrv result;

  g_return_val_if_fail (TRI_IS_CLAIMS_MODEL (self), NULL);

  for (guint i = 0; i < self->all->len; i++)
    {
      TriClaimItem *item = g_ptr_array_index (self->all, i);

      if (g_hash_table_add (seen, (gpointer) item->type))
        g_ptr_array_add (types, (gpointer) item->type);
    }
  g_ptr_array_sort (types, compare_strings);
  g_ptr_array_add (types, NULL);
  result = g_strdupv ((char **) types->pdata);
  return result;
}

guint
tri_claims_model_find (TriClaimsModel *self,
                       TriClaimItem   *item)
{
  guint index;

  g_return_val_if_fail (TRI_IS_CLAIMS_MODEL (self), G_MAXUINT);

  if (item == NULL)
    return G_MAXUINT;
  for (index = 0; index < self->visible_idx->len; index++)
    if (VISIBLE (self, index) == item)
      return index;
  return G_MAXUINT;
}

/* The first visible item at @place_id, or G_MAXUINT. */
guint
tri_claims_model_find_place (TriClaimsModel *self,
                             const char     *place_id)
{
  g_return_val_if_fail (TRI_IS_CLAIMS_MODEL (self), G_MAXUINT);

  for (guint i = 0; i < self->visible_idx->len; i++)
    if (tri_claim_item_has_place (VISIBLE (self, i), place_id))
      return i;
  return G_MAXUINT;
}
