/* test-claims.c: sentences and clauses into claims
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "claims-fixtures.h"

static char *
claim_text (TriArticle     *article,
            const TriClaim *claim)
{
  return tri_article_dup_span (article, claim->start, claim->end);
}

/* Two troop counts in one sentence, joined by "và", are two claims, each
 * with its own place and a clause of its own. */
static void
test_two_clauses (void)
{
  g_autoptr(TriArticle) a = fixture_article ("vi-two",
      "Hiện Mỹ có khoảng 3.000 binh sĩ đồn trú ở Kuwait và 1.200 binh sĩ ở Jordan.\n");
  GPtrArray *claims;
  TriClaim *first, *second;
  g_autofree char *t1 = NULL;
  g_autofree char *t2 = NULL;

  fixture_place (a, "Mỹ", 0, "united-states", 39.8, -98.5)->metonym = TRUE;
  fixture_quantity (a, "khoảng 3.000 binh sĩ", 0, 3000, TRI_QUALIFIER_APPROX, "troops");
  fixture_place (a, "Kuwait", 0, "kuwait", 29.3, 47.6);
  fixture_quantity (a, "1.200 binh sĩ", 0, 1200, TRI_QUALIFIER_EXACT, "troops");
  fixture_place (a, "Jordan", 0, "jordan", 31.2, 36.8);
  claims = fixture_claims (a);

  g_assert_cmpuint (claims->len, ==, 2);
  first = g_ptr_array_index (claims, 0);
  second = g_ptr_array_index (claims, 1);
  g_assert_cmpstr (first->type, ==, "troop_presence");
  g_assert_cmpstr (second->type, ==, "troop_presence");
  g_assert_cmpstr (first->id, ==, "vi-two#0");
  g_assert_cmpfloat (first->number, ==, 3000);
  g_assert_cmpint (first->qualifier, ==, TRI_QUALIFIER_APPROX);
  g_assert_cmpstr (tri_claim_get_place (first), ==, "kuwait");
  g_assert_cmpstr (tri_claim_get_actor (first), ==, "united-states");
  g_assert_cmpfloat (second->number, ==, 1200);
  g_assert_cmpstr (tri_claim_get_place (second), ==, "jordan");
  g_assert_cmpuint (first->end, <=, second->start);
  t1 = claim_text (a, first);
  t2 = claim_text (a, second);
  g_assert_nonnull (strstr (t1, "Kuwait"));
  g_assert_null (strstr (t1, "Jordan"));
  g_assert_nonnull (strstr (t2, "Jordan"));
  g_assert_cmpint (first->polarity, ==, TRI_POLARITY_AFFIRMED);
  g_assert_cmpint (first->modality, ==, TRI_MODALITY_ASSERTED);
  /* A state without a time of its own: no article date, so none. */
  g_assert_cmpint (first->time_role, ==, TRI_TIME_ROLE_NONE);
}

static void
test_negation_attribution (void)
{
  g_autoptr(TriArticle) a = fixture_article ("vi-neg",
      "Bộ Quốc phòng Mỹ cho biết quân đội Mỹ chưa rút quân khỏi Syria.\n");
  TriClaim *c;

  fixture_actor (a, "Bộ Quốc phòng Mỹ", 0, "us-department-of-defense");
  fixture_actor (a, "quân đội Mỹ", 0, "us-military");
  fixture_place (a, "Syria", 0, "syria", 35.0, 38.5);
  fixture_claims (a);

  c = fixture_claim_of_type (a, "withdrawal", 0);
  g_assert_nonnull (c);
  g_assert_cmpint (c->polarity, ==, TRI_POLARITY_NEGATED);
  g_assert_cmpint (c->modality, ==, TRI_MODALITY_REPORTED);
  g_assert_cmpstr (c->attributed_to, ==, "us-department-of-defense");
  g_assert_cmpstr (tri_claim_get_place (c), ==, "syria");
  g_assert_true (g_strv_contains ((const char * const *) c->actors, "us-military") ||
                 g_strcmp0 (c->actors[0], "us-military") == 0 ||
                 g_strcmp0 (c->actors[1], "us-military") == 0);
}

/* "không" inside "không kích" (air strike) is no negation. */
static void
test_not_negation (void)
{
  g_autoptr(TriArticle) a = fixture_article ("vi-strike",
      "Máy bay Mỹ không kích một kho vũ khí gần Baghdad.\n");
  TriClaim *c;

  fixture_place (a, "Baghdad", 0, "baghdad", 33.3, 44.4);
  fixture_claims (a);
  c = fixture_claim_of_type (a, "attack", 0);
  g_assert_nonnull (c);
  g_assert_cmpint (c->polarity, ==, TRI_POLARITY_AFFIRMED);
}

/* "máy bay không người lái" is a drone; "không nêu" after "but" belongs
 * to another verb. */
static void
test_drone_and_but_not (void)
{
  g_autoptr(TriArticle) a = fixture_article ("vi-drone",
      "Một máy bay không người lái đã tấn công căn cứ gần Baghdad.\n"
      "CENTCOM xác nhận việc rút quân nhưng không nêu thêm chi tiết.\n");
  TriClaim *c;

  fixture_place (a, "Baghdad", 0, "baghdad", 33.3, 44.4);
  fixture_claims (a);
  c = fixture_claim_of_type (a, "attack", 0);
  g_assert_nonnull (c);
  g_assert_cmpint (c->polarity, ==, TRI_POLARITY_AFFIRMED);
  c = fixture_claim_of_type (a, "withdrawal", 0);
  g_assert_nonnull (c);
  g_assert_cmpint (c->polarity, ==, TRI_POLARITY_AFFIRMED);
}

/* A capital that stands for its government: the actor the lexicon gives
 * for it acts, not the city. */
static void
test_metonym_actor (void)
{
  g_autoptr(TriArticle) a = fixture_article ("vi-metonym",
      "Washington đã rút quân khỏi căn cứ gần Baghdad.\n");
  TriMention *m;
  TriClaim *c;

  m = fixture_place (a, "Washington", 0, "washington", 38.9, -77.0);
  m->metonym = TRUE;
  fixture_actor (a, "Washington", 0, "united-states");
  fixture_place (a, "Baghdad", 0, "baghdad", 33.3, 44.4);
  fixture_claims (a);
  c = fixture_claim_of_type (a, "withdrawal", 0);
  g_assert_nonnull (c);
  g_assert_cmpuint (c->n_actors, ==, 1);
  g_assert_cmpstr (c->actors[0], ==, "united-states");
}

/* "vào thời điểm đó": the time the sentence before gave. */
static void
test_then (void)
{
  g_autoptr(TriArticle) a = fixture_article ("vi-then",
      "Tháng 9/2024, hai nước nhất trí về lộ trình.\n"
      "Khoảng 2.500 binh sĩ Mỹ vẫn còn ở Iraq vào thời điểm đó.\n");
  TriClaim *c;

  fixture_time (a, "Tháng 9/2024", 0, 2024, 9, 0, FALSE);
  fixture_quantity (a, "Khoảng 2.500 binh sĩ", 0, 2500, TRI_QUALIFIER_APPROX, "troops");
  fixture_place (a, "Iraq", 0, "iraq", 33.0, 44.0);
  fixture_claims (a);
  c = fixture_claim_of_type (a, "troop_presence", 0);
  g_assert_nonnull (c);
  g_assert_cmpstr (c->time_value, ==, "2024-09");
}

/* What talks are about has not happened; what is agreed comes later. */
static void
test_topic (void)
{
  g_autoptr(TriArticle) vi = fixture_article ("vi-topic",
      "Iraq và Mỹ bắt đầu đàm phán về việc chấm dứt sứ mệnh của liên minh.\n"
      "Hai bên thỏa thuận về việc rút quân khỏi Baghdad.\n"
      "Liên minh đã chấm dứt sứ mệnh ở Iraq.\n");
  g_autoptr(TriArticle) en = fixture_article ("en-topic",
      "Iraq and the United States held talks on the withdrawal of US troops.\n"
      "The coalition withdrew its troops from Baghdad.\n");
  TriClaim *c;

  fixture_place (vi, "Baghdad", 0, "baghdad", 33.3, 44.4);
  fixture_claims (vi);
  c = fixture_claim_of_type (vi, "mission_end", 0);
  g_assert_nonnull (c);
  g_assert_cmpint (c->modality, ==, TRI_MODALITY_POSSIBLE);
  c = fixture_claim_of_type (vi, "withdrawal", 0);
  g_assert_nonnull (c);
  g_assert_cmpint (c->modality, ==, TRI_MODALITY_FUTURE);
  /* The same trigger with no talks before it is asserted. */
  c = fixture_claim_of_type (vi, "mission_end", 1);
  g_assert_nonnull (c);
  g_assert_cmpint (c->modality, ==, TRI_MODALITY_ASSERTED);

  fixture_place (en, "Baghdad", 0, "baghdad", 33.3, 44.4);
  fixture_claims (en);
  c = fixture_claim_of_type (en, "withdrawal", 0);
  g_assert_nonnull (c);
  g_assert_cmpint (c->modality, ==, TRI_MODALITY_POSSIBLE);
  c = fixture_claim_of_type (en, "withdrawal", 1);
  g_assert_nonnull (c);
  g_assert_cmpint (c->modality, ==, TRI_MODALITY_ASSERTED);
}

static void
test_modality (void)
{
  g_autoptr(TriArticle) en = fixture_article ("en-future",
      "Washington will withdraw its advisers from Baghdad in September.\n"
      "Officials said the talks may resume in Erbil.\n");
  TriClaim *c;

  fixture_actor (en, "Washington", 0, "united-states");
  fixture_place (en, "Baghdad", 0, "baghdad", 33.3, 44.4);
  fixture_time (en, "September", 0, 2025, 9, 0, TRUE);
  fixture_place (en, "Erbil", 0, "erbil", 36.2, 44.0);
  fixture_claims (en);

  c = fixture_claim_of_type (en, "withdrawal", 0);
  g_assert_nonnull (c);
  g_assert_cmpint (c->modality, ==, TRI_MODALITY_FUTURE);
  g_assert_cmpstr (c->time_value, ==, "2025-09");
  g_assert_cmpint (c->time_role, ==, TRI_TIME_ROLE_AT);
  g_assert_true (c->time_inferred);
  g_assert_cmpstr (tri_claim_get_actor (c), ==, "united-states");

  c = fixture_claim_of_type (en, "negotiation", 0);
  g_assert_nonnull (c);
  g_assert_cmpint (c->modality, ==, TRI_MODALITY_POSSIBLE);
}

/* Whom a coalition is against is the object; names resolve through the
 * actor list, so "ISIS" and "Nhà nước Hồi giáo" are one object. */
static void
test_object (void)
{
  g_autoptr(TriArticle) en = fixture_article ("en-object",
      "Canada joined the coalition against ISIS in 2015.\n");
  g_autoptr(TriArticle) vi = fixture_article ("vi-object",
      "Úc tham gia liên minh quốc tế chống Nhà nước Hồi giáo từ năm 2014.\n"
      "Một tờ báo viết nhầm là liên minh chống Hamas.\n");
  TriClaim *c;

  fixture_claims (en);
  c = fixture_claim_of_type (en, "alliance", 0);
  g_assert_nonnull (c);
  g_assert_cmpstr (c->object, ==, "islamic-state");

  fixture_claims (vi);
  c = fixture_claim_of_type (vi, "alliance", 0);
  g_assert_nonnull (c);
  g_assert_cmpstr (c->object, ==, "islamic-state");
  c = fixture_claim_of_type (vi, "alliance", 1);
  g_assert_nonnull (c);
  g_assert_cmpstr (c->object, !=, "islamic-state");
}

/* "Kể từ tháng 3/2020" starts a state; the state's count is not an event. */
static void
test_since_state (void)
{
  g_autoptr(TriArticle) a = fixture_article ("vi-since",
      "Kể từ tháng 3/2020, Pháp duy trì khoảng 600 binh sĩ tại Mali.\n");
  TriClaim *c;

  fixture_time (a, "tháng 3/2020", 0, 2020, 3, 0, FALSE);
  fixture_actor (a, "Pháp", 0, "france-government");
  fixture_quantity (a, "khoảng 600 binh sĩ", 0, 600, TRI_QUALIFIER_APPROX, "troops");
  fixture_place (a, "Mali", 0, "mali", 17.3, -3.5);
  fixture_claims (a);

  c = fixture_claim_of_type (a, "troop_presence", 0);
  g_assert_nonnull (c);
  g_assert_cmpint (c->time_role, ==, TRI_TIME_ROLE_SINCE);
  g_assert_cmpstr (c->time_value, ==, "2020-03");
  g_assert_cmpstr (tri_claim_get_place (c), ==, "mali");
  g_assert_cmpstr (tri_claim_get_actor (c), ==, "france-government");
  g_assert_cmpint (c->time_mention, >=, 0);
}

/* A state without a time holds as of the article's date. */
static void
test_as_of_publication (void)
{
  g_autoptr(TriArticle) a = fixture_article ("en-asof",
      "About 900 US troops are stationed in Syria.\n");
  TriClaim *c;

  tri_article_set_published (a, "2024-02-03", TRI_DATE_SOURCE_HEADER);
  fixture_quantity (a, "About 900 US troops", 0, 900, TRI_QUALIFIER_APPROX, "troops");
  fixture_place (a, "Syria", 0, "syria", 35.0, 38.5);
  fixture_claims (a);

  c = fixture_claim_of_type (a, "troop_presence", 0);
  g_assert_nonnull (c);
  g_assert_cmpint (c->time_role, ==, TRI_TIME_ROLE_AS_OF);
  g_assert_cmpstr (c->time_value, ==, "2024-02-03");
  g_assert_false (c->time_inferred);
  g_assert_cmpint (c->time_mention, ==, -1);
}

static void
test_statement (void)
{
  g_autoptr(TriArticle) a = fixture_article ("en-said",
      "The ministry said the situation was calm.\n");
  TriClaim *c;

  fixture_actor (a, "The ministry", 0, "iraq-ministry-of-defence");
  fixture_claims (a);
  c = fixture_claim_of_type (a, "statement", 0);
  g_assert_nonnull (c);
  g_assert_cmpstr (c->attributed_to, ==, "iraq-ministry-of-defence");
  g_assert_cmpint (c->modality, ==, TRI_MODALITY_REPORTED);
}

/* A country named without "ở"/"in" is who acts; after it, where. The
 * one who says it is attributed_to, not the actor. */
static void
test_actor_or_place (void)
{
  g_autoptr(TriArticle) a = fixture_article ("vi-where",
      "Bộ Quốc phòng Iraq hôm 3/2 cho biết Pháp vẫn duy trì 300 binh sĩ tại Iraq.\n");
  TriClaim *c;

  fixture_actor (a, "Bộ Quốc phòng Iraq", 0, "iraq-ministry-of-defence");
  fixture_time (a, "hôm 3/2", 0, 2025, 2, 3, FALSE);
  fixture_place (a, "Pháp", 0, "france", 46.0, 2.0);
  fixture_quantity (a, "300 binh sĩ", 0, 300, TRI_QUALIFIER_EXACT, "troops");
  fixture_place (a, "Iraq", 1, "iraq", 33.0, 43.7);
  fixture_claims (a);

  c = fixture_claim_of_type (a, "troop_presence", 0);
  g_assert_nonnull (c);
  g_assert_cmpuint (c->n_places, ==, 1);
  g_assert_cmpstr (tri_claim_get_place (c), ==, "iraq");
  g_assert_cmpuint (c->n_actors, ==, 1);
  g_assert_cmpstr (tri_claim_get_actor (c), ==, "france");
  g_assert_cmpstr (c->attributed_to, ==, "iraq-ministry-of-defence");
  g_assert_cmpint (c->modality, ==, TRI_MODALITY_REPORTED);
}

static void
test_nothing (void)
{
  g_autoptr(TriArticle) a = fixture_article ("en-none", "The weather was fine.\n");
  GPtrArray *claims = fixture_claims (a);

  g_assert_nonnull (claims);
  g_assert_cmpuint (claims->len, ==, 0);
}

static void
test_boxed (void)
{
  g_autoptr(TriClaim) c = tri_claim_new ("a", 3, "attack", 1, 5);
  g_autoptr(TriClaim) copy = g_boxed_copy (TRI_TYPE_CLAIM, c);
  double lo, hi;

  g_assert_true (copy == c);
  g_boxed_free (TRI_TYPE_CLAIM, copy);
  copy = NULL;
  g_assert_cmpstr (c->id, ==, "a#3");
  for (guint i = 0; i < TRI_CLAIM_MAX_ENTITIES + 2; i++)
    {
      g_autofree char *p = g_strdup_printf ("p%u", i);

      tri_claim_add_place (c, p);
      tri_claim_add_place (c, p);
    }
  g_assert_cmpuint (c->n_places, ==, TRI_CLAIM_MAX_ENTITIES);
  tri_claim_set_quantity (c, 150, 150, TRI_QUALIFIER_MORE_THAN, "attacks");
  tri_claim_get_range (c, &lo, &hi);
  g_assert_cmpfloat (lo, ==, 150);
  g_assert_true (hi > 1e300);
  tri_claim_set_quantity (c, 2500, 2500, TRI_QUALIFIER_APPROX, "troops");
  tri_claim_get_range (c, &lo, &hi);
  g_assert_cmpfloat (lo, ==, 2250);
  g_assert_cmpfloat (hi, ==, 2750);
  g_assert_cmpuint (sizeof (TriClaim), <=, 512);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tri/claim/boxed", test_boxed);
  g_test_add_func ("/tri/claims/two-clauses", test_two_clauses);
  g_test_add_func ("/tri/claims/negation-attribution", test_negation_attribution);
  g_test_add_func ("/tri/claims/not-negation", test_not_negation);
  g_test_add_func ("/tri/claims/drone-and-but-not", test_drone_and_but_not);
  g_test_add_func ("/tri/claims/topic", test_topic);
  g_test_add_func ("/tri/claims/then", test_then);
  g_test_add_func ("/tri/claims/metonym-actor", test_metonym_actor);
  g_test_add_func ("/tri/claims/modality", test_modality);
  g_test_add_func ("/tri/claims/object", test_object);
  g_test_add_func ("/tri/claims/since-state", test_since_state);
  g_test_add_func ("/tri/claims/as-of-publication", test_as_of_publication);
  g_test_add_func ("/tri/claims/statement", test_statement);
  g_test_add_func ("/tri/claims/actor-or-place", test_actor_or_place);
  g_test_add_func ("/tri/claims/nothing", test_nothing);

  return g_test_run ();
}
