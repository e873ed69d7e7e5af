/* tri-report.c
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-report"

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "tri-claims-private.h"
#include "tri-corpus.h"
#include "tri-report-private.h"

static void
add_nullable_string (JsonBuilder *b,
                     const char  *member,
                     const char  *value)
{
  json_builder_set_member_name (b, member);
  if (value != NULL)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
add_span (JsonBuilder *b,
          TriArticle  *article,
          guint        start,
          guint        end)
{
  json_builder_set_member_name (b, "start");
  json_builder_add_int_value (b, tri_article_to_source_offset (article, start, FALSE));
  json_builder_set_member_name (b, "end");
  json_builder_add_int_value (b, tri_article_to_source_offset (article, end, TRUE));
}

/* Paths below the current folder are reported relative to it, as a
 * researcher typed them; others stay absolute. */
static const char *
display_path (const char *path,
              const char *cwd)
{
  gsize n = strlen (cwd);

  if (path != NULL && strncmp (path, cwd, n) == 0 && path[n] == G_DIR_SEPARATOR && path[n + 1])
    return path + n + 1;
  return path;
}

static void
add_article (JsonBuilder *b,
             TriArticle  *article,
             const char  *cwd)
{
  const char * const *cites;

  json_builder_begin_object (b);
  add_nullable_string (b, "id", tri_article_get_id (article));
  add_nullable_string (b, "path", display_path (tri_article_get_path (article), cwd));
  add_nullable_string (b, "language", tri_article_get_language (article));
  add_nullable_string (b, "title", tri_article_get_title (article));
  add_nullable_string (b, "outlet", tri_article_get_outlet (article));
  add_nullable_string (b, "url", tri_article_get_url (article));
  add_nullable_string (b, "note", tri_article_get_note (article));
  add_nullable_string (b, "charset", tri_article_get_charset (article));
  add_nullable_string (b, "format", (const char *[]) { "text", "html", "json" }[tri_article_get_format (article)]);

  json_builder_set_member_name (b, "published");
  json_builder_begin_object (b);
  add_nullable_string (b, "value", tri_article_get_published (article));
  add_nullable_string (b, "source", tri_date_source_to_string (tri_article_get_published_source (article)));
  add_nullable_string (b, "earliest", tri_article_get_published_earliest (article));
  add_nullable_string (b, "latest", tri_article_get_published_latest (article));
  json_builder_end_object (b);

  json_builder_set_member_name (b, "stories");
  json_builder_begin_array (b);
  for (guint i = 0; i < tri_article_get_n_stories (article); i++)
    {
      guint start, end;
      const char *title, *reference;

      tri_article_get_story (article, i, &start, &end, &title, &reference);
      json_builder_begin_object (b);
      add_span (b, article, start, end);
      add_nullable_string (b, "title", title);
      add_nullable_string (b, "reference_date", reference);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "boilerplate");
  json_builder_begin_array (b);
  for (guint i = 0; i < tri_article_get_n_boilerplate (article); i++)
    {
      guint start, end;
      const char *why;

      tri_article_get_boilerplate (article, i, &start, &end, &why);
      json_builder_begin_object (b);
      add_span (b, article, start, end);
      add_nullable_string (b, "why", why);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "sentences");
  json_builder_add_int_value (b, tri_article_get_n_sentences (article));

  json_builder_set_member_name (b, "cites");
  json_builder_begin_array (b);
  cites = tri_article_get_cites (article);
  for (guint i = 0; cites[i]; i++)
    json_builder_add_string_value (b, cites[i]);
  json_builder_end_array (b);

  json_builder_end_object (b);
}

static void
add_mention (JsonBuilder *b,
             TriArticle  *article,
             TriMention  *m)
{
  g_autofree char *text = tri_article_dup_span (article, m->start, m->end);

  json_builder_begin_object (b);
  add_nullable_string (b, "article", tri_article_get_id (article));
  add_nullable_string (b, "kind", tri_mention_kind_to_string (m->kind));
  add_span (b, article, m->start, m->end);
  add_nullable_string (b, "text", text);

  switch (m->kind)
    {
    case TRI_MENTION_TIME:
      add_nullable_string (b, "value", m->value);
      add_nullable_string (b, "precision", tri_precision_to_string (m->precision));
      add_nullable_string (b, "modifier", tri_time_modifier_to_string (m->modifier));
      json_builder_set_member_name (b, "inferred");
      json_builder_add_boolean_value (b, m->inferred);
      break;

    case TRI_MENTION_QUANTITY:
      json_builder_set_member_name (b, "value");
      json_builder_add_double_value (b, m->number);
      if (m->number_max > m->number)
        {
          json_builder_set_member_name (b, "max");
          json_builder_add_double_value (b, m->number_max);
        }
      add_nullable_string (b, "qualifier", tri_qualifier_to_string (m->qualifier));
      add_nullable_string (b, "unit", m->unit);
      add_nullable_string (b, "owner", m->owner);
      json_builder_set_member_name (b, "vague");
      json_builder_add_boolean_value (b, m->vague);
      break;

    case TRI_MENTION_PLACE:
      add_nullable_string (b, "place", m->entity);
      add_nullable_string (b, "name", m->name);
      json_builder_set_member_name (b, "lat");
      json_builder_add_double_value (b, m->lat);
      json_builder_set_member_name (b, "lon");
      json_builder_add_double_value (b, m->lon);
      json_builder_set_member_name (b, "metonym");
      json_builder_add_boolean_value (b, m->metonym);
      break;

    case TRI_MENTION_ACTOR:
      add_nullable_string (b, "actor", m->entity);
      add_nullable_string (b, "name", m->name);
      json_builder_set_member_name (b, "candidate");
      json_builder_add_boolean_value (b, m->candidate);
      break;

    default:
      g_assert_not_reached ();
    }
  json_builder_end_object (b);
}

/* Builds the whole report as a JSON tree. */
JsonNode *
_tri_report_build (TriCorpus *corpus)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  GPtrArray *articles = tri_corpus_get_articles (corpus);
  GPtrArray *errors = tri_corpus_get_errors (corpus);
  g_autofree char *cwd = g_get_current_dir ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "version");
  json_builder_add_int_value (b, TRI_REPORT_VERSION);
  json_builder_set_member_name (b, "generator");
  json_builder_add_string_value (b, "triangulate " PACKAGE_VERSION);

  json_builder_set_member_name (b, "articles");
  json_builder_begin_array (b);
  for (guint i = 0; i < articles->len; i++)
    add_article (b, g_ptr_array_index (articles, i), cwd);
  json_builder_end_array (b);

  json_builder_set_member_name (b, "mentions");
  json_builder_begin_array (b);
  for (guint i = 0; i < articles->len; i++)
    {
      TriArticle *article = g_ptr_array_index (articles, i);
      GPtrArray *mentions = tri_article_get_mentions (article);

      for (guint j = 0; j < mentions->len; j++)
        add_mention (b, article, g_ptr_array_index (mentions, j));
    }
  json_builder_end_array (b);

  _tri_report_add_claims (b, corpus);

  json_builder_set_member_name (b, "errors");
  json_builder_begin_array (b);
  for (guint i = 0; i < errors->len; i++)
    {
      const TriLoadError *err = g_ptr_array_index (errors, i);

      json_builder_begin_object (b);
      add_nullable_string (b, "path", display_path (err->path, cwd));
      add_nullable_string (b, "message", err->message);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_end_object (b);
  return json_builder_get_root (b);
}

/* Claims and clusters; the cross-referencing stage fills them in. */
static void
add_claim (JsonBuilder *b,
           TriArticle  *article,
           TriClaim    *c)
{
  g_autofree char *text = tri_article_dup_span (article, c->start, c->end);

  json_builder_begin_object (b);
  add_nullable_string (b, "id", c->id);
  add_nullable_string (b, "article", c->article);
  add_span (b, article, c->start, c->end);
  add_nullable_string (b, "text", text);
  add_nullable_string (b, "type", c->type);
  add_nullable_string (b, "actor", tri_claim_get_actor (c));
  add_nullable_string (b, "place", tri_claim_get_place (c));
  if (c->n_actors > 1 || c->n_places > 1)
    {
      json_builder_set_member_name (b, "actors");
      json_builder_begin_array (b);
      for (guint i = 0; i < c->n_actors; i++)
        json_builder_add_string_value (b, c->actors[i]);
      json_builder_end_array (b);
      json_builder_set_member_name (b, "places");
      json_builder_begin_array (b);
      for (guint i = 0; i < c->n_places; i++)
        json_builder_add_string_value (b, c->places[i]);
      json_builder_end_array (b);
    }

  json_builder_set_member_name (b, "time");
  if (c->time_value != NULL || c->day_first != 0)
    {
      json_builder_begin_object (b);
      add_nullable_string (b, "value", c->time_value);
      add_nullable_string (b, "precision", tri_precision_to_string (c->time_precision));
      add_nullable_string (b, "modifier", tri_time_modifier_to_string (c->time_modifier));
      add_nullable_string (b, "role", tri_time_role_to_string (c->time_role));
      json_builder_set_member_name (b, "inferred");
      json_builder_add_boolean_value (b, c->time_inferred);
      json_builder_end_object (b);
    }
  else
    json_builder_add_null_value (b);

  json_builder_set_member_name (b, "quantity");
  if (c->has_quantity)
    {
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "value");
      json_builder_add_double_value (b, c->number);
      if (c->number_max > c->number)
        {
          json_builder_set_member_name (b, "max");
          json_builder_add_double_value (b, c->number_max);
        }
      add_nullable_string (b, "qualifier", tri_qualifier_to_string (c->qualifier));
      add_nullable_string (b, "unit", c->unit);
      json_builder_end_object (b);
    }
  else
    json_builder_add_null_value (b);

  add_nullable_string (b, "attributed_to", c->attributed_to);
  add_nullable_string (b, "polarity", tri_polarity_to_string (c->polarity));
  add_nullable_string (b, "modality", tri_modality_to_string (c->modality));
  add_nullable_string (b, "object", c->object);
  json_builder_end_object (b);
}

static void
add_cluster (JsonBuilder *b,
             TriCluster  *k)
{
  json_builder_begin_object (b);
  add_nullable_string (b, "id", k->id);
  json_builder_set_member_name (b, "claims");
  json_builder_begin_array (b);
  for (guint i = 0; i < k->claims->len; i++)
    json_builder_add_string_value (b, ((TriClaim *) g_ptr_array_index (k->claims, i))->id);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "articles");
  json_builder_begin_array (b);
  for (guint i = 0; i < k->articles->len; i++)
    json_builder_add_string_value (b, g_ptr_array_index (k->articles, i));
  json_builder_end_array (b);
  add_nullable_string (b, "key", k->key);
  add_nullable_string (b, "verdict", tri_verdict_to_string (tri_cluster_get_verdict (k)));
  add_nullable_string (b, "computed_verdict", tri_verdict_to_string (k->verdict));
  json_builder_set_member_name (b, "overridden");
  json_builder_add_boolean_value (b, k->overridden);
  add_nullable_string (b, "note", k->note);
  add_nullable_string (b, "summary", k->summary);

  json_builder_set_member_name (b, "differences");
  json_builder_begin_array (b);
  for (guint i = 0; k->differences && i < k->differences->len; i++)
    {
      const TriDifference *d = &g_array_index (k->differences, TriDifference, i);

      json_builder_begin_object (b);
      add_nullable_string (b, "field", tri_field_to_string (d->field));
      json_builder_set_member_name (b, "values");
      json_builder_begin_array (b);
      for (guint j = 0; d->values[j]; j++)
        {
          char *end = NULL;
          double v = g_ascii_strtod (d->values[j], &end);

          if (d->field == TRI_FIELD_QUANTITY && end && *end == '\0')
            json_builder_add_double_value (b, v);
          else
            json_builder_add_string_value (b, d->values[j]);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "matched");
  json_builder_begin_array (b);
  for (guint f = 1; f < (1u << TRI_N_FIELDS); f <<= 1)
    if (k->matched & f)
      json_builder_add_string_value (b, tri_field_to_string (f));
  json_builder_end_array (b);
  json_builder_set_member_name (b, "independent_sources");
  json_builder_add_int_value (b, k->n_sources);
  add_nullable_string (b, "independence", k->independence);
  json_builder_end_object (b);
}

/* Clusters the researcher hid are left out with their claims; their
 * claims' ids are listed in "hidden_claims". */
void
_tri_report_add_claims (JsonBuilder *b,
                        TriCorpus   *corpus)
{
  GPtrArray *articles = tri_corpus_get_articles (corpus);
  GPtrArray *clusters = tri_corpus_get_clusters (corpus);
  g_autoptr(GHashTable) hidden = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) hidden_ids = g_ptr_array_new ();

  for (guint i = 0; clusters && i < clusters->len; i++)
    {
      TriCluster *k = g_ptr_array_index (clusters, i);

      for (guint j = 0; k->hidden && j < k->claims->len; j++)
        g_hash_table_add (hidden, g_ptr_array_index (k->claims, j));
    }

  json_builder_set_member_name (b, "claims");
  json_builder_begin_array (b);
  for (guint i = 0; i < articles->len; i++)
    {
      TriArticle *article = g_ptr_array_index (articles, i);
      GPtrArray *claims = _tri_article_get_claims (article);

      for (guint j = 0; claims && j < claims->len; j++)
        {
          TriClaim *claim = g_ptr_array_index (claims, j);

          if (g_hash_table_contains (hidden, claim))
            g_ptr_array_add (hidden_ids, claim->id);
          else
            add_claim (b, article, claim);
        }
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "clusters");
  json_builder_begin_array (b);
  for (guint i = 0; clusters && i < clusters->len; i++)
    if (!((TriCluster *) g_ptr_array_index (clusters, i))->hidden)
      add_cluster (b, g_ptr_array_index (clusters, i));
  json_builder_end_array (b);
  json_builder_set_member_name (b, "hidden_claims");
  json_builder_begin_array (b);
  for (guint i = 0; i < hidden_ids->len; i++)
    json_builder_add_string_value (b, g_ptr_array_index (hidden_ids, i));
  json_builder_end_array (b);
}

/**
 * tri_report_to_json:
 * @corpus: a loaded corpus
 * @pretty: whether to indent
 * @length: (out) (optional): length of the result
 *
 * Returns: (transfer full): the report, version %TRI_REPORT_VERSION
 */
char *
tri_report_to_json (TriCorpus *corpus,
                    gboolean   pretty,
                    gsize     *length)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonGenerator) gen = json_generator_new ();

  g_return_val_if_fail (TRI_IS_CORPUS (corpus), NULL);

  root = _tri_report_build (corpus);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, pretty);
  return json_generator_to_data (gen, length);
}
