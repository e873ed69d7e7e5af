/* test-cluster.c: claims of several articles into clusters with verdicts
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "claims-fixtures.h"

typedef struct
{
  GPtrArray *articles;
  GPtrArray *clusters;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->articles = g_ptr_array_new_with_free_func (g_object_unref);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_pointer (&f->clusters, g_ptr_array_unref);
  g_clear_pointer (&f->articles, g_ptr_array_unref);
}

static TriArticle *
add_article (Fixture    *f,
             const char *id,
             const char *text)
{
  TriArticle *a = fixture_article (id, text);

  g_ptr_array_add (f->articles, a);
  return a;
}

static void
cluster (Fixture *f)
{
  for (guint i = 0; i < f->articles->len; i++)
    fixture_claims (g_ptr_array_index (f->articles, i));
  g_clear_pointer (&f->clusters, g_ptr_array_unref);
  f->clusters = _tri_claims_cluster (f->articles);

  /* Every claim is in exactly one cluster. */
  for (guint i = 0; i < f->articles->len; i++)
    {
      GPtrArray *claims = _tri_article_get_claims (g_ptr_array_index (f->articles, i));

      for (guint j = 0; j < claims->len; j++)
        {
          guint n = 0;

          for (guint k = 0; k < f->clusters->len; k++)
            n += g_ptr_array_find (((TriCluster *) g_ptr_array_index (f->clusters, k))->claims,
                                   g_ptr_array_index (claims, j), NULL);
          g_assert_cmpuint (n, ==, 1);
        }
    }
}

static TriArticle *
troops_article (Fixture    *f,
                const char *id,
                const char *text,
                const char *quantity,
                double      number,
                TriQualifier qualifier,
                const char *place,
                const char *place_id)
{
  TriArticle *a = add_article (f, id, text);

  fixture_quantity (a, quantity, 0, number, qualifier, "troops");
  fixture_place (a, place, 0, place_id, 33.0, 43.7);
  return a;
}

static void
test_corroborated (Fixture       *f,
                   gconstpointer  data)
{
  TriArticle *a = troops_article (f, "a", "Mỹ vẫn duy trì khoảng 2.500 binh sĩ ở Iraq.\n",
                                  "khoảng 2.500 binh sĩ", 2500, TRI_QUALIFIER_APPROX, "Iraq", "iraq");
  TriArticle *b = troops_article (f, "b", "Some 2,500 American troops remain deployed in Iraq today.\n",
                                  "2,500 American troops", 2500, TRI_QUALIFIER_EXACT, "Iraq", "iraq");
  TriCluster *k;

  cluster (f);
  k = fixture_cluster_of (f->clusters, fixture_claim_of_type (a, "troop_presence", 0));
  g_assert_nonnull (k);
  g_assert_true (k == fixture_cluster_of (f->clusters, fixture_claim_of_type (b, "troop_presence", 0)));
  g_assert_cmpint (k->verdict, ==, TRI_VERDICT_CORROBORATED);
  g_assert_cmpuint (k->n_sources, ==, 2);
  g_assert_cmpuint (k->articles->len, ==, 2);
  g_assert_true (k->matched & TRI_FIELD_QUANTITY);
  g_assert_true (k->matched & TRI_FIELD_PLACE);
  g_assert_null (k->differences);
  g_assert_nonnull (strstr (k->summary, "troop_presence"));
  g_assert_nonnull (strstr (k->summary, "2 sources"));
}

static void
test_conflicting_quantity (Fixture       *f,
                           gconstpointer  data)
{
  TriArticle *a = troops_article (f, "a", "Mỹ duy trì khoảng 2.500 binh sĩ ở Iraq.\n",
                                  "khoảng 2.500 binh sĩ", 2500, TRI_QUALIFIER_APPROX, "Iraq", "iraq");
  TriArticle *b = troops_article (f, "b", "Only 900 US troops are stationed in Iraq.\n",
                                  "900 US troops", 900, TRI_QUALIFIER_EXACT, "Iraq", "iraq");
  TriCluster *k;
  const TriDifference *d;

  cluster (f);
  k = fixture_cluster_of (f->clusters, fixture_claim_of_type (a, "troop_presence", 0));
  g_assert_true (k == fixture_cluster_of (f->clusters, fixture_claim_of_type (b, "troop_presence", 0)));
  g_assert_cmpint (k->verdict, ==, TRI_VERDICT_CONFLICTING);
  d = tri_cluster_get_difference (k, TRI_FIELD_QUANTITY);
  g_assert_nonnull (d);
  g_assert_cmpuint (g_strv_length (d->values), ==, 2);
  g_assert_true (g_strv_contains ((const char * const *) d->values, "2500"));
  g_assert_true (g_strv_contains ((const char * const *) d->values, "900"));
  g_assert_true (k->matched & TRI_FIELD_PLACE);
}

/* Troops in Iraq and troops in Syria are two facts, not a conflict. */
static void
test_different_places (Fixture       *f,
                       gconstpointer  data)
{
  TriArticle *a = troops_article (f, "a", "Mỹ có 2.500 binh sĩ ở Iraq.\n",
                                  "2.500 binh sĩ", 2500, TRI_QUALIFIER_EXACT, "Iraq", "iraq");
  TriArticle *b = troops_article (f, "b", "The US has 900 troops in Syria.\n",
                                  "900 troops", 900, TRI_QUALIFIER_EXACT, "Syria", "syria");
  TriCluster *ka, *kb;

  cluster (f);
  ka = fixture_cluster_of (f->clusters, fixture_claim_of_type (a, "troop_presence", 0));
  kb = fixture_cluster_of (f->clusters, fixture_claim_of_type (b, "troop_presence", 0));
  g_assert_true (ka != kb);
  g_assert_cmpint (ka->verdict, ==, TRI_VERDICT_SINGLE_SOURCE);
  g_assert_cmpint (kb->verdict, ==, TRI_VERDICT_SINGLE_SOURCE);
  g_assert_cmpuint (ka->n_sources, ==, 1);
}

/* A story written in March cannot tell of a withdrawal in May. */
static void
test_reported_before (Fixture       *f,
                      gconstpointer  data)
{
  TriArticle *a = add_article (f, "a", "US troops withdrew from Syria on 3 May 2024.\n");
  TriArticle *b = add_article (f, "b", "US troops withdrew from Syria.\n");
  TriArticle *c = add_article (f, "c", "US troops withdrew from Syria, officials said.\n");

  tri_article_set_published (b, "2024-03-01", TRI_DATE_SOURCE_HEADER);
  tri_article_set_published (c, "2024-05-04", TRI_DATE_SOURCE_HEADER);
  fixture_place (a, "Syria", 0, "syria", 35.0, 38.5);
  fixture_time (a, "3 May 2024", 0, 2024, 5, 3, FALSE);
  fixture_place (b, "Syria", 0, "syria", 35.0, 38.5);
  fixture_place (c, "Syria", 0, "syria", 35.0, 38.5);
  fixture_actor (a, "US troops", 0, "us-armed-forces");
  fixture_actor (b, "US troops", 0, "us-armed-forces");
  fixture_actor (c, "US troops", 0, "us-armed-forces");
  cluster (f);
  g_assert_true (fixture_cluster_of (f->clusters, fixture_claim_of_type (a, "withdrawal", 0)) !=
                 fixture_cluster_of (f->clusters, fixture_claim_of_type (b, "withdrawal", 0)));
  g_assert_true (fixture_cluster_of (f->clusters, fixture_claim_of_type (a, "withdrawal", 0)) ==
                 fixture_cluster_of (f->clusters, fixture_claim_of_type (c, "withdrawal", 0)));
}

/* An attack on Al-Asad is an attack in Anbar, in Iraq. */
static void
test_places_nest (Fixture       *f,
                  gconstpointer  data)
{
  TriArticle *a = add_article (f, "a", "Rockets struck Al-Asad on 20 January 2024.\n");
  TriArticle *b = add_article (f, "b", "Căn cứ ở Iraq bị tấn công ngày 20/1/2024.\n");
  TriCluster *k;

  fixture_place (a, "Al-Asad", 0, "al-asad-air-base", 33.8, 42.4);
  fixture_time (a, "20 January 2024", 0, 2024, 1, 20, FALSE);
  fixture_place (b, "Iraq", 0, "iraq", 33.0, 43.7);
  fixture_time (b, "20/1/2024", 0, 2024, 1, 20, FALSE);
  cluster (f);
  k = fixture_cluster_of (f->clusters, fixture_claim_of_type (a, "attack", 0));
  g_assert_nonnull (k);
  g_assert_true (k == fixture_cluster_of (f->clusters, fixture_claim_of_type (b, "attack", 0)));
  g_assert_cmpint (k->verdict, ==, TRI_VERDICT_CORROBORATED);
  g_assert_true (k->matched & TRI_FIELD_TIME);
}

/* "Coalition against IS" and, by a slip, "against Israel": same fact,
 * different object. */
static void
test_conflicting_object (Fixture       *f,
                         gconstpointer  data)
{
  TriArticle *a = add_article (f, "a", "Đức là thành viên liên minh chống IS.\n");
  TriArticle *b = add_article (f, "b", "Germany remains part of the coalition against ISIS.\n");
  TriArticle *c = add_article (f, "c", "Ý vẫn tham gia liên minh chống Israel.\n");
  TriCluster *k;
  const TriDifference *d;

  cluster (f);
  k = fixture_cluster_of (f->clusters, fixture_claim_of_type (a, "alliance", 0));
  g_assert_nonnull (k);
  g_assert_true (k == fixture_cluster_of (f->clusters, fixture_claim_of_type (b, "alliance", 0)));
  g_assert_true (k == fixture_cluster_of (f->clusters, fixture_claim_of_type (c, "alliance", 0)));
  g_assert_cmpint (k->verdict, ==, TRI_VERDICT_CONFLICTING);
  d = tri_cluster_get_difference (k, TRI_FIELD_OBJECT);
  g_assert_nonnull (d);
  g_assert_true (g_strv_contains ((const char * const *) d->values, "islamic-state"));
  g_assert_cmpuint (g_strv_length (d->values), ==, 2);
}

/* "Phần lớn lãnh thổ" (most of the territory) and "a third" cannot both
 * be right. */
static void
test_conflicting_share (Fixture       *f,
                        gconstpointer  data)
{
  TriArticle *a = add_article (f, "a", "Năm 2014, nhóm phiến quân kiểm soát phần lớn lãnh thổ Iraq.\n");
  TriArticle *b = add_article (f, "b", "In 2014 the militants controlled about a third of Iraq.\n");
  TriCluster *k;

  fixture_time (a, "Năm 2014", 0, 2014, 0, 0, FALSE);
  fixture_place (a, "Iraq", 0, "iraq", 33.0, 43.7);
  fixture_time (b, "2014", 0, 2014, 0, 0, FALSE);
  fixture_quantity (b, "about a third", 0, 1.0 / 3, TRI_QUALIFIER_APPROX, "fraction");
  fixture_place (b, "Iraq", 0, "iraq", 33.0, 43.7);
  cluster (f);
  k = fixture_cluster_of (f->clusters, fixture_claim_of_type (a, "territorial_control", 0));
  g_assert_nonnull (k);
  g_assert_true (k == fixture_cluster_of (f->clusters, fixture_claim_of_type (b, "territorial_control", 0)));
  g_assert_cmpint (k->verdict, ==, TRI_VERDICT_CONFLICTING);
  g_assert_nonnull (tri_cluster_get_difference (k, TRI_FIELD_QUANTITY));
}

/* Two dates for a founding conflict; opposite polarity conflicts. */
static void
test_conflicting_date_polarity (Fixture       *f,
                                gconstpointer  data)
{
  TriArticle *a = add_article (f, "a", "The coalition was founded in 2014.\n");
  TriArticle *b = add_article (f, "b", "The coalition was founded in 2016.\n");
  TriArticle *c = add_article (f, "c", "Officials said US troops withdrew from Syria on 3 May 2024.\n");
  TriArticle *d = add_article (f, "d", "US troops did not withdraw from Syria on 3 May 2024.\n");
  TriCluster *k;

  fixture_actor (a, "The coalition", 0, "us-led-coalition");
  fixture_time (a, "2014", 0, 2014, 0, 0, FALSE);
  fixture_actor (b, "The coalition", 0, "us-led-coalition");
  fixture_time (b, "2016", 0, 2016, 0, 0, FALSE);
  fixture_place (c, "Syria", 0, "syria", 35.0, 38.5);
  fixture_time (c, "3 May 2024", 0, 2024, 5, 3, FALSE);
  fixture_place (d, "Syria", 0, "syria", 35.0, 38.5);
  fixture_time (d, "3 May 2024", 0, 2024, 5, 3, FALSE);
  cluster (f);

  k = fixture_cluster_of (f->clusters, fixture_claim_of_type (a, "founding", 0));
  g_assert_true (k == fixture_cluster_of (f->clusters, fixture_claim_of_type (b, "founding", 0)));
  g_assert_cmpint (k->verdict, ==, TRI_VERDICT_CONFLICTING);
  g_assert_nonnull (tri_cluster_get_difference (k, TRI_FIELD_TIME));

  k = fixture_cluster_of (f->clusters, fixture_claim_of_type (c, "withdrawal", 0));
  g_assert_true (k == fixture_cluster_of (f->clusters, fixture_claim_of_type (d, "withdrawal", 0)));
  g_assert_cmpint (k->verdict, ==, TRI_VERDICT_CONFLICTING);
  g_assert_nonnull (tri_cluster_get_difference (k, TRI_FIELD_POLARITY));
}

/* A wire story copied word for word, and two articles crediting the same
 * agency, are one source each. */
static void
test_independence (Fixture       *f,
                   gconstpointer  data)
{
  const char *wire = "Militants fired two rockets at the Ain al-Asad base on 12 March 2024, officials said.\n";
  TriArticle *a = fixture_article ("a", wire);
  TriArticle *b = fixture_article ("b", wire);
  TriArticle *c = fixture_article ("c", "Hai quả rocket tấn công căn cứ Ain al-Asad ngày 12/3/2024.\n");
  TriArticle *d = fixture_article ("d", "A drone attack hit Ain al-Asad on 12 March 2024.\n");
  TriArticle *all[] = { a, b, c, d };
  TriCluster *k;

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    {
      fixture_place (all[i], "Ain al-Asad", 0, "al-asad-air-base", 33.8, 42.4);
      fixture_time (all[i], i == 2 ? "12/3/2024" : "12 March 2024", 0, 2024, 3, 12, FALSE);
    }

  /* a and b: one wire story printed twice. */
  g_ptr_array_add (f->articles, g_object_ref (a));
  g_ptr_array_add (f->articles, g_object_ref (b));
  cluster (f);
  k = fixture_cluster_of (f->clusters, fixture_claim_of_type (a, "attack", 0));
  g_assert_nonnull (k);
  g_assert_cmpuint (k->articles->len, ==, 2);
  g_assert_true (k == fixture_cluster_of (f->clusters, fixture_claim_of_type (b, "attack", 0)));
  g_assert_cmpuint (k->n_sources, ==, 1);
  g_assert_cmpint (k->verdict, ==, TRI_VERDICT_SINGLE_SOURCE);
  g_assert_nonnull (k->independence);
  g_assert_nonnull (strstr (k->independence, "near-identical"));

  /* c and d tell it in their own words, but both credit AFP. */
  g_ptr_array_set_size (f->articles, 0);
  g_ptr_array_add (f->articles, g_object_ref (c));
  g_ptr_array_add (f->articles, g_object_ref (d));
  _tri_article_add_cite (c, "AFP");
  _tri_article_add_cite (d, "AFP");
  cluster (f);
  k = fixture_cluster_of (f->clusters, fixture_claim_of_type (c, "attack", 0));
  g_assert_true (k == fixture_cluster_of (f->clusters, fixture_claim_of_type (d, "attack", 0)));
  g_assert_cmpuint (k->n_sources, ==, 1);
  g_assert_cmpint (k->verdict, ==, TRI_VERDICT_SINGLE_SOURCE);
  g_assert_nonnull (strstr (k->independence, "AFP"));

  /* With the wire story too: two independent sources. */
  g_ptr_array_add (f->articles, g_object_ref (a));
  g_ptr_array_add (f->articles, g_object_ref (b));
  cluster (f);
  k = fixture_cluster_of (f->clusters, fixture_claim_of_type (a, "attack", 0));
  g_assert_cmpuint (k->articles->len, ==, 4);
  g_assert_cmpuint (k->n_sources, ==, 2);
  g_assert_cmpint (k->verdict, ==, TRI_VERDICT_CORROBORATED);

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    g_object_unref (all[i]);
}

/* An undated article's "ngày 27/1", guessed in the wrong year, takes the
 * year of a dated article's account of the same talks; so do the other
 * inferred dates of its story, and its publication date is bounded. */
static void
test_date_travel (Fixture       *f,
                  gconstpointer  data)
{
  TriArticle *dated = add_article (f, "dated",
      "Iraq and the United States opened talks on 27 January 2024 about the coalition.\n");
  TriArticle *undated = add_article (f, "undated",
      "Ngày 27/1, Iraq và Mỹ đã bắt đầu đàm phán về liên minh.\n"
      "Trước đó, hôm 24/1, một căn cứ bị tấn công.\n");
  TriArticle *future = add_article (f, "future",
      "Từ ngày 27/1, Mỹ sẽ làm việc với Iraq về tương lai của liên minh.\n");
  TriMention *talks, *before;
  TriCluster *k;

  tri_article_set_published (dated, "2024-01-28", TRI_DATE_SOURCE_HEADER);
  fixture_actor (dated, "Iraq", 0, "iraq-government");
  fixture_actor (dated, "the United States", 0, "united-states");
  fixture_time (dated, "27 January 2024", 0, 2024, 1, 27, FALSE);

  talks = fixture_time (undated, "Ngày 27/1", 0, 2026, 1, 27, TRUE);
  before = fixture_time (undated, "hôm 24/1", 0, 2026, 1, 24, TRUE);
  fixture_actor (undated, "Iraq", 0, "iraq-government");
  fixture_actor (undated, "Mỹ", 0, "united-states");

  fixture_time (future, "ngày 27/1", 0, 2025, 1, 27, TRUE);
  fixture_actor (future, "Mỹ", 0, "united-states");
  fixture_actor (future, "Iraq", 0, "iraq-government");
  cluster (f);

  k = fixture_cluster_of (f->clusters, fixture_claim_of_type (dated, "negotiation", 0));
  g_assert_nonnull (k);
  g_assert_true (k == fixture_cluster_of (f->clusters, fixture_claim_of_type (undated, "negotiation", 0)));
  g_assert_true (k == fixture_cluster_of (f->clusters, fixture_claim_of_type (future, "negotiation", 0)));
  g_assert_cmpint (k->verdict, ==, TRI_VERDICT_CORROBORATED);

  g_assert_cmpstr (talks->value, ==, "2024-01-27");
  g_assert_cmpuint (talks->day_first, ==, fixture_julian (2024, 1, 27));
  g_assert_cmpstr (before->value, ==, "2024-01-24");
  g_assert_cmpstr (fixture_claim_of_type (undated, "negotiation", 0)->time_value, ==, "2024-01-27");
  g_assert_cmpstr (tri_article_get_published_earliest (undated), ==, "2024-01-27");
  g_assert_cmpstr (tri_article_get_published_latest (future), ==, "2024-01-27");
  /* A written year never moves. */
  g_assert_cmpstr (fixture_claim_of_type (dated, "negotiation", 0)->time_value, ==, "2024-01-27");
}

static void
test_boxed (void)
{
  g_autoptr(TriCluster) k = tri_cluster_new ("k1");
  g_autoptr(TriClaim) c = tri_claim_new ("a", 0, "attack", 0, 4);

  tri_cluster_add_claim (k, c);
  tri_cluster_add_claim (k, c);
  g_assert_cmpuint (k->claims->len, ==, 2);
  g_assert_cmpuint (k->articles->len, ==, 1);
  tri_cluster_add_difference (k, TRI_FIELD_TIME, "2014");
  tri_cluster_add_difference (k, TRI_FIELD_TIME, "2014");
  tri_cluster_add_difference (k, TRI_FIELD_TIME, "2015");
  g_assert_cmpuint (g_strv_length (tri_cluster_get_difference (k, TRI_FIELD_TIME)->values), ==, 2);
  g_assert_null (tri_cluster_get_difference (k, TRI_FIELD_OBJECT));
  g_assert_cmpstr (tri_verdict_to_string (k->verdict), ==, "single_source");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tri/cluster/boxed", test_boxed);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/tri/cluster/corroborated", test_corroborated);
  ADD ("/tri/cluster/conflicting-quantity", test_conflicting_quantity);
  ADD ("/tri/cluster/different-places", test_different_places);
  ADD ("/tri/cluster/places-nest", test_places_nest);
  ADD ("/tri/cluster/reported-before", test_reported_before);
  ADD ("/tri/cluster/conflicting-object", test_conflicting_object);
  ADD ("/tri/cluster/conflicting-share", test_conflicting_share);
  ADD ("/tri/cluster/conflicting-date-polarity", test_conflicting_date_polarity);
  ADD ("/tri/cluster/independence", test_independence);
  ADD ("/tri/cluster/date-travel", test_date_travel);
#undef ADD

  return g_test_run ();
}
