/* test-export.c: claims as CSV, GeoJSON and a TimelineJS timeline
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "claims-fixtures.h"
#include "tri-export.h"

typedef struct
{
  GPtrArray *articles;
  GPtrArray *clusters;
  guint      n_claims;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  TriArticle *a = fixture_article ("a",
      "Mỹ duy trì khoảng 2.500 binh sĩ ở Iraq, theo \"Reuters\".\n"
      "Hôm 20/1/2024, rocket tấn công căn cứ Al-Asad.\n");
  TriArticle *b = fixture_article ("b",
      "About 2,500 US troops are stationed in Iraq.\n"
      "The talks, which began on 27 January 2024, went well.\n");

  fixture_quantity (a, "khoảng 2.500 binh sĩ", 0, 2500, TRI_QUALIFIER_APPROX, "troops");
  fixture_place (a, "Iraq", 0, "iraq", 33.04, 43.74);
  fixture_time (a, "20/1/2024", 0, 2024, 1, 20, FALSE);
  fixture_place (a, "Al-Asad", 0, "al-asad-air-base", 33.7856, 42.4412);
  fixture_quantity (b, "About 2,500 US troops", 0, 2500, TRI_QUALIFIER_APPROX, "troops");
  fixture_place (b, "Iraq", 0, "iraq", 33.04, 43.74);
  fixture_time (b, "27 January 2024", 0, 2024, 1, 27, FALSE);

  f->articles = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (f->articles, a);
  g_ptr_array_add (f->articles, b);
  f->n_claims = fixture_claims (a)->len + fixture_claims (b)->len;
  f->clusters = _tri_claims_cluster (f->articles);
  g_assert_cmpuint (f->n_claims, >=, 3);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_pointer (&f->clusters, g_ptr_array_unref);
  g_clear_pointer (&f->articles, g_ptr_array_unref);
}

/* A small RFC 4180 reader: rows of fields. */
static GPtrArray *
read_csv (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  gboolean quoted = FALSE;

  for (const char *p = text; *p; p++)
    {
      if (quoted)
        {
          if (*p == '"' && p[1] == '"')
            {
              g_string_append_c (field, '"');
              p++;
            }
          else if (*p == '"')
            quoted = FALSE;
          else
            g_string_append_c (field, *p);
        }
      else if (*p == '"')
        quoted = TRUE;
      else if (*p == ',')
        {
          g_ptr_array_add (row, g_string_free (field, FALSE));
          field = g_string_new (NULL);
        }
      else if (*p == '\r' && p[1] == '\n')
        {
          p++;
          g_ptr_array_add (row, g_string_free (field, FALSE));
          field = g_string_new (NULL);
          g_ptr_array_add (rows, row);
          row = g_ptr_array_new_with_free_func (g_free);
        }
      else
        g_string_append_c (field, *p);
    }
  g_assert_false (quoted);
  g_assert_cmpuint (field->len, ==, 0);
  g_assert_cmpuint (row->len, ==, 0);
  g_string_free (field, TRUE);
  g_ptr_array_unref (row);
  return rows;
}

static int
column (GPtrArray  *header,
        const char *name)
{
  for (guint i = 0; i < header->len; i++)
    if (g_strcmp0 (g_ptr_array_index (header, i), name) == 0)
      return i;
  g_assert_not_reached ();
  return -1;
}

static void
test_csv (Fixture       *f,
          gconstpointer  data)
{
  gsize len = 0;
  g_autofree char *csv = tri_export_csv (f->articles, f->clusters, &len);
  g_autoptr(GPtrArray) rows = read_csv (csv);
  GPtrArray *header;
  int verdict, cluster, text, type, start, end, article;
  gboolean corroborated = FALSE;

  g_assert_cmpuint (len, ==, strlen (csv));
  g_assert_cmpuint (rows->len, ==, f->n_claims + 1);
  header = g_ptr_array_index (rows, 0);
  verdict = column (header, "verdict");
  cluster = column (header, "cluster");
  text = column (header, "text");
  type = column (header, "type");
  start = column (header, "start");
  end = column (header, "end");
  article = column (header, "article");
  for (guint i = 1; i < rows->len; i++)
    {
      GPtrArray *row = g_ptr_array_index (rows, i);
      const char *v;
      TriArticle *a;
      gsize alen;
      guint64 s, e;
      GBytes *orig;

      g_assert_cmpuint (row->len, ==, header->len);
      v = g_ptr_array_index (row, verdict);
      g_assert_true (g_str_equal (v, "corroborated") || g_str_equal (v, "conflicting") ||
                     g_str_equal (v, "single_source"));
      g_assert_true (g_str_has_prefix (g_ptr_array_index (row, cluster), "k"));
      g_assert_cmpstr (g_ptr_array_index (row, type), !=, "");
      /* Offsets point into the original file at the quoted text. */
      a = g_str_equal (g_ptr_array_index (row, article), "a") ? g_ptr_array_index (f->articles, 0)
                                                              : g_ptr_array_index (f->articles, 1);
      orig = tri_article_get_original (a);
      s = g_ascii_strtoull (g_ptr_array_index (row, start), NULL, 10);
      e = g_ascii_strtoull (g_ptr_array_index (row, end), NULL, 10);
      alen = g_bytes_get_size (orig);
      g_assert_cmpuint (e, <=, alen);
      g_assert_cmpuint (s, <, e);
      g_assert_cmpint (strncmp ((const char *) g_bytes_get_data (orig, NULL) + s,
                                g_ptr_array_index (row, text), e - s), ==, 0);
      if (g_str_equal (g_ptr_array_index (row, type), "troop_presence"))
        corroborated |= g_str_equal (v, "corroborated");
    }
  g_assert_true (corroborated);
}

static void
test_geojson (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *text = tri_export_geojson (f->articles, f->clusters, FALSE, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonArray *features;
  guint with_place = 0;

  for (guint i = 0; i < f->articles->len; i++)
    {
      GPtrArray *claims = _tri_article_get_claims (g_ptr_array_index (f->articles, i));

      for (guint j = 0; j < claims->len; j++)
        with_place += tri_claim_get_place (g_ptr_array_index (claims, j)) != NULL;
    }

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "type"), ==, "FeatureCollection");
  features = json_object_get_array_member (root, "features");
  g_assert_cmpuint (json_array_get_length (features), ==, with_place);
  g_assert_cmpuint (with_place, >=, 3);
  for (guint i = 0; i < json_array_get_length (features); i++)
    {
      JsonObject *feat = json_array_get_object_element (features, i);
      JsonObject *geom = json_object_get_object_member (feat, "geometry");
      JsonObject *props = json_object_get_object_member (feat, "properties");
      JsonArray *coords = json_object_get_array_member (geom, "coordinates");
      JsonArray *sources = json_object_get_array_member (props, "sources");
      double lon, lat;

      g_assert_cmpstr (json_object_get_string_member (feat, "type"), ==, "Feature");
      g_assert_cmpstr (json_object_get_string_member (geom, "type"), ==, "Point");
      g_assert_cmpuint (json_array_get_length (coords), ==, 2);
      lon = json_array_get_double_element (coords, 0);
      lat = json_array_get_double_element (coords, 1);
      g_assert_cmpfloat (lon, >=, -180);
      g_assert_cmpfloat (lon, <=, 180);
      g_assert_cmpfloat (lat, >=, -90);
      g_assert_cmpfloat (lat, <=, 90);
      /* Longitude first: Iraq is east of its latitude. */
      g_assert_cmpfloat (lon, >, lat);
      g_assert_true (json_object_has_member (props, "verdict"));
      g_assert_true (json_object_has_member (props, "start_date"));
      g_assert_true (json_object_has_member (props, "end_date"));
      g_assert_cmpuint (json_array_get_length (sources), >=, 1);
      g_assert_nonnull (json_object_get_string_member (props, "claim"));
    }
}

static void
test_timeline (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *text = tri_export_timeline (f->articles, f->clusters, TRUE, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonArray *events;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_true (json_object_has_member (root, "title"));
  events = json_object_get_array_member (root, "events");
  g_assert_cmpuint (json_array_get_length (events), >=, 2);
  for (guint i = 0; i < json_array_get_length (events); i++)
    {
      JsonObject *ev = json_array_get_object_element (events, i);
      JsonObject *start = json_object_get_object_member (ev, "start_date");
      JsonObject *txt = json_object_get_object_member (ev, "text");

      g_assert_cmpint (json_object_get_int_member (start, "year"), ==, 2024);
      g_assert_nonnull (json_object_get_string_member (txt, "headline"));
      g_assert_nonnull (json_object_get_string_member (ev, "group"));
    }
}

static void
test_empty (void)
{
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  g_autofree char *csv = tri_export_csv (none, NULL, NULL);
  g_autofree char *geo = tri_export_geojson (none, NULL, FALSE, NULL);
  g_autofree char *tl = tri_export_timeline (none, NULL, FALSE, NULL);

  g_assert_true (g_str_has_prefix (csv, "claim,article,"));
  g_assert_cmpstr (geo, ==, "{\"type\":\"FeatureCollection\",\"features\":[]}");
  g_assert_nonnull (strstr (tl, "\"events\":[]"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tri/export/empty", test_empty);
  g_test_add ("/tri/export/csv", Fixture, NULL, fixture_setup, test_csv, fixture_teardown);
  g_test_add ("/tri/export/geojson", Fixture, NULL, fixture_setup, test_geojson, fixture_teardown);
  g_test_add ("/tri/export/timeline", Fixture, NULL, fixture_setup, test_timeline, fixture_teardown);

  return g_test_run ();
}
