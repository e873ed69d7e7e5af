/* tri-export.c: claims and clusters as CSV, GeoJSON and a TimelineJS timeline
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-export"

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "tri-claims-private.h"
#include "tri-export.h"

typedef struct
{
  GHashTable *articles;         /* interned id → TriArticle */
  GHashTable *cluster_of;       /* TriClaim → TriCluster */
} Index;

static void
index_init (Index     *idx,
            GPtrArray *articles,
            GPtrArray *clusters)
{
  idx->articles = g_hash_table_new (NULL, NULL);
  idx->cluster_of = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < articles->len; i++)
    {
      TriArticle *a = g_ptr_array_index (articles, i);

      g_hash_table_insert (idx->articles, (gpointer) g_intern_string (tri_article_get_id (a)), a);
    }
  for (guint i = 0; clusters && i < clusters->len; i++)
    {
      TriCluster *c = g_ptr_array_index (clusters, i);

      for (guint j = 0; j < c->claims->len; j++)
        g_hash_table_insert (idx->cluster_of, g_ptr_array_index (c->claims, j), c);
    }
}

static void
index_clear (Index *idx)
{
  g_clear_pointer (&idx->articles, g_hash_table_unref);
  g_clear_pointer (&idx->cluster_of, g_hash_table_unref);
}

static char *
julian_iso (guint32 julian)
{
  GDate d;

  if (julian == 0 || !g_date_valid_julian (julian))
    return NULL;
  g_date_clear (&d, 1);
  g_date_set_julian (&d, julian);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&d), g_date_get_month (&d),
                          g_date_get_day (&d));
}

static char *
claim_text (TriArticle     *article,
            const TriClaim *claim)
{
  if (article == NULL)
    return g_strdup ("");
  return tri_article_dup_span (article, claim->start, claim->end);
}

static void
csv_field (GString    *out,
           const char *value)
{
  if (value == NULL)
    value = "";
  if (strpbrk (value, ",\"\r\n") != NULL)
    {
      g_string_append_c (out, '"');
      for (const char *p = value; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    g_string_append (out, value);
}

static const char * const csv_columns[] = {
  "claim", "article", "start", "end", "type", "actor", "place", "time", "precision",
  "time_role", "quantity", "quantity_max", "qualifier", "unit", "attributed_to", "polarity",
  "modality", "object", "cluster", "verdict", "sources", "text",
  "cluster_key", "computed_verdict", "note", "article_note",
};

/**
 * tri_export_csv:
 * @articles: (element-type TriArticle): the analysed articles
 * @clusters: (element-type TriCluster) (nullable): their clusters
 * @length: (out) (optional): length of the result
 *
 * One row per claim, with its cluster and verdict (RFC 4180, a header
 * row, CRLF line ends). Offsets are bytes of the original files. The
 * verdict is the researcher's when they gave one (computed_verdict is
 * the cross-referencing's), note is theirs on the cluster, article_note on
 * the claim's article; claims of hidden clusters are left out.
 *
 * Returns: (transfer full): the CSV text
 */
char *
tri_export_csv (GPtrArray *articles,
                GPtrArray *clusters,
                gsize     *length)
{
  GString *out = g_string_new (NULL);
  Index idx;

  g_return_val_if_fail (articles != NULL, NULL);

  index_init (&idx, articles, clusters);
  for (guint i = 0; i < G_N_ELEMENTS (csv_columns); i++)
    {
      if (i)
        g_string_append_c (out, ',');
      g_string_append (out, csv_columns[i]);
    }
  g_string_append (out, "\r\n");

  for (guint i = 0; i < articles->len; i++)
    {
      TriArticle *article = g_ptr_array_index (articles, i);
      GPtrArray *claims = _tri_article_get_claims (article);

      for (guint j = 0; claims && j < claims->len; j++)
        {
          const TriClaim *c = g_ptr_array_index (claims, j);
          TriCluster *k = g_hash_table_lookup (idx.cluster_of, c);
          char start[24], end[24], num[G_ASCII_DTOSTR_BUF_SIZE], max[G_ASCII_DTOSTR_BUF_SIZE];
          char sources[16];
          g_autofree char *text = claim_text (article, c);
          const char *row[G_N_ELEMENTS (csv_columns)];

          if (k != NULL && k->hidden)
            continue;
          g_snprintf (start, sizeof start, "%" G_GSIZE_FORMAT,
                      tri_article_to_source_offset (article, c->start, FALSE));
          g_snprintf (end, sizeof end, "%" G_GSIZE_FORMAT,
                      tri_article_to_source_offset (article, c->end, TRUE));
          g_ascii_formatd (num, sizeof num, "%.6g", c->number);
          g_ascii_formatd (max, sizeof max, "%.6g", c->number_max);
          g_snprintf (sources, sizeof sources, "%u", k ? k->n_sources : 1);
          row[0] = c->id;
          row[1] = c->article;
          row[2] = start;
          row[3] = end;
          row[4] = c->type;
          row[5] = tri_claim_get_actor (c);
          row[6] = tri_claim_get_place (c);
          row[7] = c->time_value;
          row[8] = c->time_value ? tri_precision_to_string (c->time_precision) : NULL;
          row[9] = tri_time_role_to_string (c->time_role);
          row[10] = c->has_quantity ? num : NULL;
          row[11] = c->has_quantity && c->number_max > c->number ? max : NULL;
          row[12] = c->has_quantity ? tri_qualifier_to_string (c->qualifier) : NULL;
          row[13] = c->unit;
          row[14] = c->attributed_to;
          row[15] = tri_polarity_to_string (c->polarity);
          row[16] = tri_modality_to_string (c->modality);
          row[17] = c->object;
          row[18] = k ? k->id : NULL;
          row[19] = k ? tri_verdict_to_string (tri_cluster_get_verdict (k)) : NULL;
          row[20] = sources;
          row[21] = text;
          row[22] = k ? k->key : NULL;
          row[23] = k ? tri_verdict_to_string (k->verdict) : NULL;
          row[24] = k ? k->note : NULL;
          row[25] = tri_article_get_note (article);
          for (guint f = 0; f < G_N_ELEMENTS (row); f++)
            {
              if (f)
                g_string_append_c (out, ',');
              csv_field (out, row[f]);
            }
          g_string_append (out, "\r\n");
        }
    }
  index_clear (&idx);
  if (length)
    *length = out->len;
  return g_string_free (out, FALSE);
}

static char *
to_json (JsonBuilder *b,
         gboolean     pretty,
         gsize       *length)
{
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (b);

  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, pretty);
  return json_generator_to_data (gen, length);
}

static void
add_string (JsonBuilder *b,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (b, member);
  if (value)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

/* The place mention a claim names first. */
static TriMention *
claim_place_mention (TriArticle     *article,
                     const TriClaim *c)
{
  GPtrArray *mentions;
  const char *place = tri_claim_get_place (c);

  if (article == NULL || place == NULL)
    return NULL;
  mentions = tri_article_get_mentions (article);
  for (guint i = 0; i < c->n_mentions; i++)
    {
      TriMention *m;

      if (c->mentions[i] >= mentions->len)
        continue;
      m = g_ptr_array_index (mentions, c->mentions[i]);
      if (m->kind == TRI_MENTION_PLACE && g_strcmp0 (m->entity, place) == 0)
        return m;
    }
  return NULL;
}

/**
 * tri_export_geojson:
 * @articles: (element-type TriArticle): the analysed articles
 * @clusters: (element-type TriCluster) (nullable): their clusters
 * @pretty: whether to indent
 * @length: (out) (optional): length of the result
 *
 * A GeoJSON FeatureCollection (RFC 7946) with one Point feature per claim
 * that has a place; its properties hold the claim, its time interval, its
 * cluster, verdict (the researcher's when they gave one, computed_verdict
 * the cross-referencing's), note, the note on its article (article_note)
 * and sources. Claims of hidden clusters are left out.
 *
 * Returns: (transfer full): the GeoJSON text
 */
char *
tri_export_geojson (GPtrArray *articles,
                    GPtrArray *clusters,
                    gboolean   pretty,
                    gsize     *length)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  Index idx;

  g_return_val_if_fail (articles != NULL, NULL);

  index_init (&idx, articles, clusters);
  json_builder_begin_object (b);
  add_string (b, "type", "FeatureCollection");
  json_builder_set_member_name (b, "features");
  json_builder_begin_array (b);
  for (guint i = 0; i < articles->len; i++)
    {
      TriArticle *article = g_ptr_array_index (articles, i);
      GPtrArray *claims = _tri_article_get_claims (article);

      for (guint j = 0; claims && j < claims->len; j++)
        {
          const TriClaim *c = g_ptr_array_index (claims, j);
          TriCluster *k = g_hash_table_lookup (idx.cluster_of, c);
          TriMention *place = claim_place_mention (article, c);
          g_autofree char *text = NULL;
          g_autofree char *from = NULL;
          g_autofree char *to = NULL;

          if (place == NULL || (place->lat == 0 && place->lon == 0) || (k != NULL && k->hidden))
            continue;
          text = claim_text (article, c);
          from = julian_iso (c->day_first);
          to = julian_iso (c->day_last);

          json_builder_begin_object (b);
          add_string (b, "type", "Feature");
          add_string (b, "id", c->id);
          json_builder_set_member_name (b, "geometry");
          json_builder_begin_object (b);
          add_string (b, "type", "Point");
          json_builder_set_member_name (b, "coordinates");
          json_builder_begin_array (b);
          json_builder_add_double_value (b, place->lon);
          json_builder_add_double_value (b, place->lat);
          json_builder_end_array (b);
          json_builder_end_object (b);

          json_builder_set_member_name (b, "properties");
          json_builder_begin_object (b);
          add_string (b, "claim", c->id);
          add_string (b, "article", c->article);
          add_string (b, "type", c->type);
          add_string (b, "place", tri_claim_get_place (c));
          add_string (b, "place_name", place->name);
          add_string (b, "actor", tri_claim_get_actor (c));
          add_string (b, "time", c->time_value);
          add_string (b, "time_role", tri_time_role_to_string (c->time_role));
          add_string (b, "start_date", from);
          add_string (b, "end_date", to);
          if (c->has_quantity)
            {
              json_builder_set_member_name (b, "quantity");
              json_builder_add_double_value (b, c->number);
              add_string (b, "unit", c->unit);
            }
          add_string (b, "cluster", k ? k->id : NULL);
          add_string (b, "cluster_key", k ? k->key : NULL);
          add_string (b, "verdict", k ? tri_verdict_to_string (tri_cluster_get_verdict (k)) : NULL);
          add_string (b, "computed_verdict", k ? tri_verdict_to_string (k->verdict) : NULL);
          add_string (b, "note", k ? k->note : NULL);
          add_string (b, "article_note", tri_article_get_note (article));
          add_string (b, "summary", k ? k->summary : NULL);
          json_builder_set_member_name (b, "sources");
          json_builder_begin_array (b);
          if (k != NULL)
            for (guint a = 0; a < k->articles->len; a++)
              json_builder_add_string_value (b, g_ptr_array_index (k->articles, a));
          else
            json_builder_add_string_value (b, c->article);
          json_builder_end_array (b);
          json_builder_set_member_name (b, "independent_sources");
          json_builder_add_int_value (b, k ? k->n_sources : 1);
          add_string (b, "text", text);
          json_builder_end_object (b);
          json_builder_end_object (b);
        }
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  index_clear (&idx);
  return to_json (b, pretty, length);
}

static void
add_timeline_date (JsonBuilder *b,
                   const char  *member,
                   guint32      julian,
                   TriPrecision precision)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_julian (&d, julian);
  json_builder_set_member_name (b, member);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "year");
  json_builder_add_int_value (b, g_date_get_year (&d));
  if (precision <= TRI_PRECISION_MONTH || precision == TRI_PRECISION_DURATION)
    {
      json_builder_set_member_name (b, "month");
      json_builder_add_int_value (b, g_date_get_month (&d));
    }
  if (precision == TRI_PRECISION_DAY || precision == TRI_PRECISION_WEEK)
    {
      json_builder_set_member_name (b, "day");
      json_builder_add_int_value (b, g_date_get_day (&d));
    }
  json_builder_end_object (b);
}

/**
 * tri_export_timeline:
 * @articles: (element-type TriArticle): the analysed articles
 * @clusters: (element-type TriCluster): their clusters
 * @pretty: whether to indent
 * @length: (out) (optional): length of the result
 *
 * A TimelineJS 3 JSON document: one event per cluster with a date, grouped
 * by verdict (the researcher's when they gave one), its text the
 * researcher's note and quotes of the claims. Hidden clusters are left out.
 *
 * Returns: (transfer full): the JSON text
 */
char *
tri_export_timeline (GPtrArray *articles,
                     GPtrArray *clusters,
                     gboolean   pretty,
                     gsize     *length)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  Index idx;

  g_return_val_if_fail (articles != NULL, NULL);

  index_init (&idx, articles, clusters);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "title");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "text");
  json_builder_begin_object (b);
  add_string (b, "headline", "Triangulate");
  {
    g_autofree char *t = g_strdup_printf ("%u articles, %u clusters", articles->len,
                                          clusters ? clusters->len : 0);
    add_string (b, "text", t);
  }
  json_builder_end_object (b);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "events");
  json_builder_begin_array (b);
  for (guint i = 0; clusters && i < clusters->len; i++)
    {
      TriCluster *k = g_ptr_array_index (clusters, i);
      guint32 first = 0, last = 0;
      TriPrecision precision = TRI_PRECISION_YEAR;
      GString *text = g_string_new (NULL);
      g_autofree char *body = NULL;

      if (k->hidden)
        {
          g_string_free (text, TRUE);
          continue;
        }
      if (k->note != NULL)
        {
          g_autofree char *escaped = g_markup_escape_text (k->note, -1);

          g_string_append_printf (text, "<p><em>%s</em></p>", escaped);
        }
      for (guint j = 0; j < k->claims->len; j++)
        {
          const TriClaim *c = g_ptr_array_index (k->claims, j);
          TriArticle *article = g_hash_table_lookup (idx.articles, c->article);
          g_autofree char *quote = claim_text (article, c);
          g_autofree char *escaped = g_markup_escape_text (quote, -1);

          if (c->day_first && (first == 0 || c->day_first < first))
            {
              first = c->day_first;
              precision = c->time_precision;
            }
          if (c->day_last > last)
            last = c->day_last;
          g_string_append_printf (text, "<p>%s: “%s”</p>", c->article ? c->article : "", escaped);
        }
      if (first == 0)
        {
          g_string_free (text, TRUE);
          continue;
        }
      body = g_string_free (text, FALSE);
      json_builder_begin_object (b);
      add_string (b, "unique_id", k->id);
      add_timeline_date (b, "start_date", first, precision);
      if (last > first)
        add_timeline_date (b, "end_date", last, precision);
      json_builder_set_member_name (b, "text");
      json_builder_begin_object (b);
      add_string (b, "headline", k->summary);
      add_string (b, "text", body);
      json_builder_end_object (b);
      add_string (b, "group", tri_verdict_to_string (tri_cluster_get_verdict (k)));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  index_clear (&idx);
  return to_json (b, pretty, length);
}
