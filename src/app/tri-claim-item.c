/* tri-claim-item.c
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-claim-item"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tri-claim-item.h"

G_DEFINE_FINAL_TYPE (TriClaimItem, tri_claim_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_HIDDEN,
  PROP_NOTE,
  PROP_VERDICT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
clear_place (gpointer data)
{
  TriItemPlace *place = data;

  g_clear_pointer (&place->name, g_free);
}

static void
source_free (gpointer data)
{
  TriItemSource *source = data;

  g_clear_object (&source->article);
  g_free (source->text);
  g_free (source);
}

static void
tri_claim_item_finalize (GObject *object)
{
  TriClaimItem *self = (TriClaimItem *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->differences, g_free);
  g_clear_pointer (&self->why, g_free);
  g_clear_pointer (&self->places, g_array_unref);
  g_clear_pointer (&self->sources, g_ptr_array_unref);
  g_clear_pointer (&self->search_key, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->key, g_free);
  g_clear_pointer (&self->claims, g_strfreev);

  G_OBJECT_CLASS (tri_claim_item_parent_class)->finalize (object);
}

static void
tri_claim_item_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  TriClaimItem *self = TRI_CLAIM_ITEM (object);

  switch (prop_id)
    {
    case PROP_HIDDEN:
      g_value_set_boolean (value, self->hidden);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    case PROP_VERDICT:
      g_value_set_int (value, tri_claim_item_get_verdict (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tri_claim_item_class_init (TriClaimItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tri_claim_item_finalize;
  object_class->get_property = tri_claim_item_get_property;

  properties [PROP_HIDDEN] =
    g_param_spec_boolean ("hidden", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties [PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties [PROP_VERDICT] =
    g_param_spec_int ("verdict", NULL, NULL, 0, TRI_N_VERDICTS - 1, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tri_claim_item_init (TriClaimItem *self)
{
  self->places = g_array_new (FALSE, TRUE, sizeof (TriItemPlace));
  g_array_set_clear_func (self->places, clear_place);
  self->sources = g_ptr_array_new_with_free_func (source_free);
  self->type = g_intern_static_string ("mention");
}

TriClaimItem *
tri_claim_item_new (const char *id,
                    const char *summary)
{
  TriClaimItem *self = g_object_new (TRI_TYPE_CLAIM_ITEM, NULL);

  self->id = g_strdup (id);
  self->summary = g_strdup (summary);
  return self;
}

gboolean
tri_claim_item_has_place (TriClaimItem *self,
                          const char   *place_id)
{
  g_return_val_if_fail (TRI_IS_CLAIM_ITEM (self), FALSE);

  place_id = g_intern_string (place_id);
  for (guint i = 0; i < self->places->len; i++)
    if (g_array_index (self->places, TriItemPlace, i).id == place_id)
      return TRUE;
  return FALSE;
}

void
tri_claim_item_add_place (TriClaimItem *self,
                          const char   *id,
                          const char   *name,
                          double        lat,
                          double        lon,
                          gboolean      always_label)
{
  TriItemPlace place = { 0 };

  g_return_if_fail (TRI_IS_CLAIM_ITEM (self));
  g_return_if_fail (id != NULL);

  if (tri_claim_item_has_place (self, id))
    return;
  place.id = g_intern_string (id);
  place.name = g_strdup (name ? name : id);
  place.lat = lat;
  place.lon = lon;
  place.always_label = always_label;
  g_array_append_val (self->places, place);
}

gboolean
tri_claim_item_has_article (TriClaimItem *self,
                            TriArticle   *article)
{
  g_return_val_if_fail (TRI_IS_CLAIM_ITEM (self), FALSE);

  for (guint i = 0; i < self->sources->len; i++)
    if (((TriItemSource *) g_ptr_array_index (self->sources, i))->article == article)
      return TRUE;
  return FALSE;
}

/**
 * tri_claim_item_has_key:
 * @self: a #TriClaimItem
 * @key: a decision's key
 *
 * Returns: whether a decision stored under @key is about this row: its
 *   own key, or (for a cluster) one of its claims'
 */
gboolean
tri_claim_item_has_key (TriClaimItem *self,
                        const char   *key)
{
  g_return_val_if_fail (TRI_IS_CLAIM_ITEM (self), FALSE);

  if (g_strcmp0 (self->key ? self->key : self->id, key) == 0)
    return TRUE;
  return self->claims != NULL && key != NULL &&
         g_strv_contains ((const char * const *) self->claims, key);
}

void
tri_claim_item_add_source (TriClaimItem *self,
                           TriArticle   *article,
                           guint         start,
                           guint         end)
{
  TriItemSource *source;

  g_return_if_fail (TRI_IS_CLAIM_ITEM (self));
  g_return_if_fail (TRI_IS_ARTICLE (article));

  source = g_new0 (TriItemSource, 1);
  source->article = g_object_ref (article);
  source->start = start;
  source->end = end;
  source->text = tri_article_dup_span (article, start, end);
  if (source->text != NULL)
    g_strstrip (source->text);
  g_ptr_array_add (self->sources, source);
}

/* Counts the independent sources and builds the search key. Call once
 * the places and sources are in. */
void
tri_claim_item_finish (TriClaimItem *self)
{
  g_autoptr(GString) key = g_string_new (self->summary);
  g_autoptr(GHashTable) outlets = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_if_fail (TRI_IS_CLAIM_ITEM (self));

  for (guint i = 0; i < self->places->len; i++)
    {
      g_string_append_c (key, '\n');
      g_string_append (key, g_array_index (self->places, TriItemPlace, i).name);
    }
  for (guint i = 0; i < self->sources->len; i++)
    {
      TriItemSource *source = g_ptr_array_index (self->sources, i);
      const char *outlet = tri_article_get_outlet (source->article);
      const char *title = tri_article_get_title (source->article);

      if (outlet == NULL)
        outlet = tri_article_get_id (source->article);
      g_hash_table_add (outlets, (gpointer) outlet);
      g_string_append_c (key, '\n');
      g_string_append (key, outlet);
      if (title != NULL)
        {
          g_string_append_c (key, '\n');
          g_string_append (key, title);
        }
    }
  self->n_sources = MAX (1, g_hash_table_size (outlets));
  g_free (self->search_key);
  self->search_key = tri_search_fold (key->str, key->len);
}

/**
 * tri_search_fold:
 * @text: text
 * @len: its length in bytes, or -1
 *
 * Folds @text for searching: no case, no diacritics (đ is d), and every
 * run of punctuation or space one space, so "ain al assad" finds
 * "Ain al-Assad".
 *
 * Returns: (transfer full): the key
 */
char *
tri_search_fold (const char *text,
                 gssize      len)
{
  g_autofree char *folded = tri_text_fold (text, len);
  char *out, *q;
  gboolean space = TRUE;

  if (folded == NULL)
    return g_strdup ("");
  out = q = g_malloc (strlen (folded) + 2);
  for (const char *p = folded; *p; p++)
    {
      if (g_ascii_isalnum (*p) || (guchar) *p >= 0x80)
        {
          *q++ = *p;
          space = FALSE;
        }
      else if (*p == '\n')
        {
          *q++ = '\n';
          space = TRUE;
        }
      else if (!space)
        {
          *q++ = ' ';
          space = TRUE;
        }
    }
  *q = '\0';
  return out;
}

TriVerdict
tri_claim_item_get_verdict (TriClaimItem *self)
{
  g_return_val_if_fail (TRI_IS_CLAIM_ITEM (self), TRI_VERDICT_SINGLE_SOURCE);

  return self->overridden ? self->user_verdict : self->verdict;
}

void
tri_claim_item_set_user_verdict (TriClaimItem *self,
                                 gboolean      overridden,
                                 TriVerdict    verdict)
{
  g_return_if_fail (TRI_IS_CLAIM_ITEM (self));
  g_return_if_fail (verdict < TRI_N_VERDICTS);

  if (self->overridden == !!overridden && self->user_verdict == verdict)
    return;
  self->overridden = !!overridden;
  self->user_verdict = verdict;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_VERDICT]);
}

void
tri_claim_item_set_hidden (TriClaimItem *self,
                           gboolean      hidden)
{
  g_return_if_fail (TRI_IS_CLAIM_ITEM (self));

  if (self->hidden == !!hidden)
    return;
  self->hidden = !!hidden;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_HIDDEN]);
}

void
tri_claim_item_set_note (TriClaimItem *self,
                         const char   *note)
{
  g_return_if_fail (TRI_IS_CLAIM_ITEM (self));

  if (note != NULL && note[0] == '\0')
    note = NULL;
  if (g_strcmp0 (self->note, note) == 0)
    return;
  g_free (self->note);
  self->note = g_strdup (note);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NOTE]);
}

const char *
tri_claim_item_get_place_name (TriClaimItem *self)
{
  g_return_val_if_fail (TRI_IS_CLAIM_ITEM (self), NULL);

  if (self->places->len == 0)
    return NULL;
  return g_array_index (self->places, TriItemPlace, 0).name;
}

char *
tri_format_julian_day (guint32      day,
                       TriPrecision precision)
{
  GDate date;
  g_autoptr(GDateTime) dt = NULL;
  const char *format;

  if (day == 0 || !g_date_valid_julian (day))
    return NULL;
  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  dt = g_date_time_new_utc (g_date_get_year (&date), g_date_get_month (&date),
                            g_date_get_day (&date), 0, 0, 0);
  if (dt == NULL)
    return NULL;

  switch (precision)
    {
    case TRI_PRECISION_YEAR:
    case TRI_PRECISION_DECADE:
      /* Translators: a date with only a year, see g_date_time_format() */
      format = C_("date format", "%Y");
      break;
    case TRI_PRECISION_MONTH:
    case TRI_PRECISION_QUARTER:
      /* Translators: a month and year, see g_date_time_format() */
      format = C_("date format", "%B %Y");
      break;
    case TRI_PRECISION_NONE:
    case TRI_PRECISION_DAY:
    case TRI_PRECISION_WEEK:
    case TRI_PRECISION_DURATION:
    case TRI_PRECISION_VAGUE:
    default:
      /* Translators: a full date, see g_date_time_format() */
      format = C_("date format", "%-d %b %Y");
      break;
    }
  return g_date_time_format (dt, format);
}

/* "18 Jan 2026", "≈ 18 Jan 2026" when fuzzy, "Jan 2024 – Sep 2025" for a
 * span, NULL when unknown. */
char *
tri_claim_item_format_date (TriClaimItem *self)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  TriPrecision precision = TRI_PRECISION_DAY;

  g_return_val_if_fail (TRI_IS_CLAIM_ITEM (self), NULL);

  if (self->day_first == 0)
    return NULL;
  if (self->day_last > self->day_first + 27 && self->day_last <= self->day_first + 31)
    precision = TRI_PRECISION_MONTH;
  else if (self->day_last >= self->day_first + 364 && self->day_last <= self->day_first + 366)
    precision = TRI_PRECISION_YEAR;
  first = tri_format_julian_day (self->day_first, precision);
  if (self->day_last > self->day_first && precision == TRI_PRECISION_DAY)
    last = tri_format_julian_day (self->day_last, precision);
  if (last != NULL)
    return g_strdup_printf ("%s%s – %s", self->fuzzy ? "≈ " : "", first, last);
  return g_strdup_printf ("%s%s", self->fuzzy ? "≈ " : "", first);
}

/* Labels for the claim types of data/lexicons/claims-types.tsv; a type
 * not listed here shows as its id with spaces. */
const char *
tri_claim_type_to_label (const char *type)
{
  static const struct { const char *type; const char *label; } labels[] = {
    { "troop_presence", NC_("claim type", "Troop presence") },
    { "withdrawal", NC_("claim type", "Withdrawal") },
    { "attack", NC_("claim type", "Attack") },
    { "casualties", NC_("claim type", "Casualties") },
    { "negotiation", NC_("claim type", "Negotiation") },
    { "agreement", NC_("claim type", "Agreement") },
    { "handover", NC_("claim type", "Handover") },
    { "mission_end", NC_("claim type", "End of mission") },
    { "statement", NC_("claim type", "Statement") },
    { "founding", NC_("claim type", "Founding") },
    { "territorial_control", NC_("claim type", "Territorial control") },
    { "alliance", NC_("claim type", "Alliance") },
    { "mention", NC_("claim type", "Other mention") },
  };

  if (type == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (type, labels[i].type))
      return g_dpgettext2 (GETTEXT_PACKAGE, "claim type", labels[i].label);
  return type;
}

const char *
tri_verdict_to_label (TriVerdict verdict)
{
  switch (verdict)
    {
    case TRI_VERDICT_CORROBORATED:
      return _("Corroborated");
    case TRI_VERDICT_CONFLICTING:
      return _("Conflicting");
    case TRI_VERDICT_SINGLE_SOURCE:
      return _("Single source");
    default:
      return NULL;
    }
}

const char *
tri_verdict_to_css_class (TriVerdict verdict)
{
  switch (verdict)
    {
    case TRI_VERDICT_CORROBORATED:
      return "corroborated";
    case TRI_VERDICT_CONFLICTING:
      return "conflicting";
    case TRI_VERDICT_SINGLE_SOURCE:
      return "single-source";
    default:
      return NULL;
    }
}
