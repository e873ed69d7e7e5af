/* test-claims-en.c: claims and clusters through the whole pipeline, on
 * English (and some Vietnamese) articles written for these tests
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "triangulate.h"
#include "tri-article-private.h"
#include "tri-claims-private.h"

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

static void
add (Fixture    *f,
     const char *id,
     const char *text)
{
  g_autoptr(GError) error = NULL;
  TriArticle *a = tri_article_new_from_text (id, text, -1, &error);

  g_assert_no_error (error);
  g_assert_nonnull (a);
  tri_article_analyze (a);
  g_ptr_array_add (f->articles, a);
}

static void
cluster (Fixture *f)
{
  g_clear_pointer (&f->clusters, g_ptr_array_unref);
  f->clusters = _tri_claims_cluster (f->articles);
}

/* The claim of article @id whose type is @type and whose text holds
 * @needle. */
static TriClaim *
claim (Fixture    *f,
       const char *id,
       const char *type,
       const char *needle)
{
  for (guint i = 0; i < f->articles->len; i++)
    {
      TriArticle *a = g_ptr_array_index (f->articles, i);
      GPtrArray *claims;
      const char *text;

      if (strcmp (tri_article_get_id (a), id) != 0)
        continue;
      text = tri_article_get_text (a, NULL);
      claims = _tri_article_get_claims (a);
      for (guint j = 0; claims && j < claims->len; j++)
        {
          TriClaim *c = g_ptr_array_index (claims, j);
          g_autofree char *span = g_strndup (text + c->start, c->end - c->start);

          if (strcmp (c->type, type) == 0 && strstr (span, needle) != NULL)
            return c;
        }
    }
  g_error ("no %s claim with “%s” in %s", type, needle, id);
  return NULL;
}

static TriCluster *
cluster_of (Fixture  *f,
            TriClaim *c)
{
  for (guint k = 0; k < f->clusters->len; k++)
    {
      TriCluster *cl = g_ptr_array_index (f->clusters, k);

      if (g_ptr_array_find (cl->claims, c, NULL))
        return cl;
    }
  g_assert_not_reached ();
  return NULL;
}

static const TriDifference *
difference (TriCluster *cl,
            TriField    field)
{
  for (guint i = 0; cl->differences && i < cl->differences->len; i++)
    {
      const TriDifference *d = &g_array_index (cl->differences, TriDifference, i);

      if (d->field == field)
        return d;
    }
  return NULL;
}

static const char *first_en =
  "date 2025-03-04\ntitle Coalition roundup\n\n"
  "Roughly 3,000 American troops are stationed in Kuwait and roughly 1,200 in Jordan, officials said.\n\n"
  "The final French trainers departed Harir air base on Monday, the army said.\n\n"
  "Militias fired rockets at the base in March 2023 after a Turkish drone strike near Erbil.\n\n"
  "The group is a coalition against Islamic State.\n\n"
  "Germany has pulled out its last soldiers from Jordan.\n";

static const char *second_en =
  "date 2025-03-05\ntitle Region briefing\n\n"
  "About 3,000 US soldiers are deployed in Kuwait and about 1,200 in Jordan.\n\n"
  "The last French trainers left Harir air base on Sunday, a spokesman said.\n\n"
  "The group is a coalition against Israel.\n\n"
  "Germany has not pulled out its soldiers from Jordan.\n";

static const char *wire_en =
  "date 2025-03-05\ntitle Wire copy\n\n"
  "Some 5,000 US soldiers are deployed in Kuwait, a senator claimed.\n\n"
  "Italy handed over control of the Baghdad airport to Iraqi forces on Tuesday, according to Reuters.\n";

/* Every verdict, on English articles. */
static void
test_verdicts_en (Fixture       *f,
                  gconstpointer  data)
{
  TriCluster *cl;
  const TriDifference *d;

  add (f, "first", first_en);
  add (f, "second", second_en);
  add (f, "wire-a", wire_en);
  add (f, "wire-b", wire_en);
  cluster (f);

  /* Coordinated quantities keep their own places: Jordan corroborated. */
  g_assert_cmpstr (claim (f, "first", "troop_presence", "1,200")->places[0], ==, "jordan");
  cl = cluster_of (f, claim (f, "first", "troop_presence", "1,200"));
  g_assert_cmpint (cl->verdict, ==, TRI_VERDICT_CORROBORATED);
  g_assert_true (g_ptr_array_find (cl->claims, claim (f, "second", "troop_presence", "1,200"), NULL));
  g_assert_null (difference (cl, TRI_FIELD_QUANTITY));

  /* Quantity: 3,000 against 5,000 in Kuwait, never against Jordan's 1,200. */
  cl = cluster_of (f, claim (f, "first", "troop_presence", "3,000"));
  g_assert_cmpint (cl->verdict, ==, TRI_VERDICT_CONFLICTING);
  d = difference (cl, TRI_FIELD_QUANTITY);
  g_assert_nonnull (d);
  g_assert_true (g_strv_contains ((const char * const *) d->values, "3000"));
  g_assert_true (g_strv_contains ((const char * const *) d->values, "5000"));
  g_assert_false (g_strv_contains ((const char * const *) d->values, "1200"));

  /* Date: the last trainers left once, on two different days. */
  g_assert_true (claim (f, "first", "withdrawal", "Harir")->once);
  cl = cluster_of (f, claim (f, "first", "withdrawal", "Harir"));
  g_assert_cmpint (cl->verdict, ==, TRI_VERDICT_CONFLICTING);
  g_assert_true (g_ptr_array_find (cl->claims, claim (f, "second", "withdrawal", "Harir"), NULL));
  d = difference (cl, TRI_FIELD_TIME);
  g_assert_nonnull (d);
  g_assert_true (g_strv_contains ((const char * const *) d->values, "2025-03-03"));
  g_assert_true (g_strv_contains ((const char * const *) d->values, "2025-03-02"));

  /* Polarity. */
  cl = cluster_of (f, claim (f, "first", "withdrawal", "Germany"));
  g_assert_cmpint (cl->verdict, ==, TRI_VERDICT_CONFLICTING);
  g_assert_nonnull (difference (cl, TRI_FIELD_POLARITY));

  /* Object. */
  cl = cluster_of (f, claim (f, "first", "alliance", "coalition"));
  g_assert_cmpint (cl->verdict, ==, TRI_VERDICT_CONFLICTING);
  g_assert_nonnull (difference (cl, TRI_FIELD_OBJECT));

  /* Independence: two copies of one wire story are one source. */
  cl = cluster_of (f, claim (f, "wire-a", "handover", "Italy"));
  g_assert_cmpuint (cl->claims->len, ==, 2);
  g_assert_cmpuint (cl->n_sources, ==, 1);
  g_assert_cmpint (cl->verdict, ==, TRI_VERDICT_SINGLE_SOURCE);

  /* Single source. */
  cl = cluster_of (f, claim (f, "first", "attack", "rockets"));
  g_assert_cmpint (cl->verdict, ==, TRI_VERDICT_SINGLE_SOURCE);
}

/* English triggers and their inflections make the right types. */
static void
test_types_en (Fixture       *f,
               gconstpointer  data)
{
  add (f, "types",
       "date 2025-06-10\ntitle Types\n\n"
       "The last Spanish engineers left Erbil on Friday, the defence ministry said.\n\n"
       "Control of the camp was handed over to Kurdish forces.\n\n"
       "Baghdad and Ankara began talks on water sharing.\n\n"
       "The coalition began pulling out of two more bases last week.\n\n"
       "Britain keeps 400 troops in Iraq.\n\n"
       "Militants seized two villages near Kirkuk.\n");
  g_assert_nonnull (claim (f, "types", "withdrawal", "left Erbil"));
  g_assert_cmpstr (claim (f, "types", "withdrawal", "left Erbil")->places[0], ==, "erbil");
  g_assert_nonnull (claim (f, "types", "handover", "handed over"));
  g_assert_nonnull (claim (f, "types", "negotiation", "began talks"));
  g_assert_nonnull (claim (f, "types", "withdrawal", "pulling out"));
  g_assert_nonnull (claim (f, "types", "troop_presence", "keeps 400"));
  g_assert_nonnull (claim (f, "types", "territorial_control", "seized"));
  /* "last" in a date does not make an event once-only. */
  g_assert_true (claim (f, "types", "withdrawal", "left Erbil")->once);
  g_assert_false (claim (f, "types", "withdrawal", "pulling out")->once);

  /* "pulled … out of": a withdrawal, not a count of troops present */
  {
    TriClaim *c;

    add (f, "pulled",
         "date 2026-02-02\ntitle Pulled\n\n"
         "The United States pulled some 2,500 soldiers out of Ain al-Asad air base last month.\n");
    c = claim (f, "pulled", "withdrawal", "pulled");
    g_assert_true (c->has_quantity);
    g_assert_cmpfloat (c->number, ==, 2500);
    g_assert_cmpstr (c->time_value, ==, "2026-01");
  }
}

/* The place of an attack is where it hits, not a country named nearby;
 * "the base" is the base the article is about; an event told after
 * "since" happened then. */
static void
test_places_en (Fixture       *f,
                gconstpointer  data)
{
  TriClaim *c;

  add (f, "places",
       "date 2025-06-10\ntitle Places\n\n"
       "Engineers finished the runway at Harir air base last year.\n\n"
       "Militias fired rockets at the base in May 2024 after a US drone strike near Kirkuk.\n\n"
       "Britain has kept 400 troops in Iraq since March 2022, when it declared the end of its combat mission.\n\n"
       "There were 40 attacks on US and allied forces in Syria in 2024.\n");
  c = claim (f, "places", "attack", "rockets");
  g_assert_cmpuint (c->n_places, ==, 1);
  g_assert_cmpstr (c->places[0], ==, "harir-air-base");
  c = claim (f, "places", "attack", "drone strike");
  g_assert_true (c->n_places == 0 || strcmp (c->places[0], "united-states") != 0);
  /* A country whose forces are hit is not where the attacks happen. */
  c = claim (f, "places", "attack", "40 attacks");
  g_assert_cmpuint (c->n_places, ==, 1);
  g_assert_cmpstr (c->places[0], ==, "syria");
  c = claim (f, "places", "mission_end", "combat mission");
  g_assert_cmpstr (c->time_value, ==, "2022-03");
  g_assert_cmpint (c->time_role, ==, TRI_TIME_ROLE_AT);
}

/* Vietnamese coordinated quantities keep their own places too. */
static void
test_coordinated_vi (Fixture       *f,
                     gconstpointer  data)
{
  TriCluster *cl;

  add (f, "vi-a",
       "date 2025-03-04\ntitle A\n\n"
       "Khoảng 3.000 binh sĩ Mỹ đồn trú ở Kuwait và khoảng 1.200 binh sĩ Mỹ ở Jordan.\n");
  add (f, "vi-b",
       "date 2025-03-05\ntitle B\n\n"
       "Mỹ hiện triển khai khoảng 3.000 binh sĩ ở Kuwait và khoảng 1.200 binh sĩ ở Jordan.\n");
  cluster (f);
  g_assert_cmpstr (claim (f, "vi-a", "troop_presence", "1.200")->places[0], ==, "jordan");
  g_assert_cmpstr (claim (f, "vi-b", "troop_presence", "1.200")->places[0], ==, "jordan");
  cl = cluster_of (f, claim (f, "vi-a", "troop_presence", "1.200"));
  g_assert_cmpint (cl->verdict, ==, TRI_VERDICT_CORROBORATED);
  cl = cluster_of (f, claim (f, "vi-a", "troop_presence", "3.000"));
  g_assert_cmpint (cl->verdict, ==, TRI_VERDICT_CORROBORATED);
}

/* Who says so, what a "not" belongs to, and when a state held, in a
 * wire story's sentences. */
static void
test_attribution_en (Fixture       *f,
                     gconstpointer  data)
{
  TriClaim *c;

  add (f, "wire",
       "date 2026-01-18\ntitle Handover\n\n"
       "Some 2,500 U.S. troops were stationed in Iraq when the withdrawal plan was announced "
       "in September 2024, according to the Pentagon.\n\n"
       "The last American military advisers left Ain al-Asad air base in Anbar province on "
       "Saturday after a long handover, officials said.\n\n"
       "Washington did not confirm the number of troops who left the base.\n");

  /* "according to" names the source, whatever verb of saying stands before. */
  c = claim (f, "wire", "troop_presence", "2,500");
  g_assert_cmpstr (c->attributed_to, ==, "us-department-of-defense");
  /* The time of the "when" clause. */
  g_assert_cmpstr (c->time_value, ==, "2024-09");

  /* "officials said": no named speaker, and the subject far before the
   * verb is not one. */
  c = claim (f, "wire", "withdrawal", "advisers left");
  g_assert_cmpint (c->modality, ==, TRI_MODALITY_REPORTED);
  g_assert_null (c->attributed_to);

  /* The present tense holds as the story is written, whatever date the
   * sentence before gave. */
  add (f, "present",
       "date 2026-01-19\ntitle Present\n\n"
       "The last advisers left Ain al-Asad air base on January 17.\n\n"
       "About 2,500 US troops remain in Iraq.\n");
  c = claim (f, "present", "troop_presence", "2,500");
  g_assert_cmpstr (c->time_value, ==, "2026-01-19");

  /* A plan's date is no narrative's: the state holds now. */
  add (f, "plan",
       "date 2026-01-19\ntitle Plan\n\n"
       "The coalition will end its mission in the Kurdistan region by September 2026.\n\n"
       "About 2,000 US troops remain in Iraq.\n");
  c = claim (f, "plan", "troop_presence", "2,000");
  g_assert_cmpstr (c->time_value, ==, "2026-01-19");

  /* A count of the dead is the casualties claim's quantity. */
  add (f, "dead",
       "date 2024-01-29\ntitle Tower 22\n\n"
       "Three US soldiers were killed in a drone attack on Sunday.\n");
  c = claim (f, "dead", "casualties", "killed");
  g_assert_true (c->has_quantity);
  g_assert_cmpfloat (c->number, ==, 3);

  /* "not" belongs to "confirm", not to "left". */
  c = claim (f, "wire", "withdrawal", "who left");
  g_assert_cmpint (c->polarity, ==, TRI_POLARITY_AFFIRMED);
}

/* Ways Vietnamese reports put it: "tại đây" is the base named before,
 * "rút hoàn toàn", "tiếp nhận", "vẫn còn ở". */
static void
test_phrasing_vi (Fixture       *f,
                  gconstpointer  data)
{
  TriClaim *c;

  add (f, "vi",
       "date 2026-01-20\ntitle Al-Asad\n\n"
       "Ngày 18/1, những binh sĩ Mỹ cuối cùng đã rời căn cứ Al-Asad.\n\n"
       "Hơn 2.000 binh sĩ Mỹ từng đồn trú tại đây vào năm 2020.\n\n"
       "Thứ Bảy tuần trước, Bộ Quốc phòng Iraq đã tiếp nhận toàn bộ cơ sở.\n\n"
       "Lực lượng Mỹ sẽ rút hoàn toàn khỏi Iraq vào cuối năm nay.\n");

  c = claim (f, "vi", "troop_presence", "tại đây");
  g_assert_cmpstr (c->places[0], ==, "al-asad-air-base");
  g_assert_cmpstr (c->time_value, ==, "2020");
  c = claim (f, "vi", "handover", "tiếp nhận");
  g_assert_cmpstr (c->time_value, ==, "2026-01-17");
  c = claim (f, "vi", "withdrawal", "rút hoàn toàn");
  g_assert_cmpint (c->modality, ==, TRI_MODALITY_FUTURE);
  g_assert_cmpstr (c->places[0], ==, "iraq");

  /* Too vague to date, it takes no other sentence's date; "theo các
   * quan chức Mỹ" names its source past the article word. */
  add (f, "vi-vague",
       "date 2026-01-20\ntitle Harir\n\n"
       "Ngày 18/1, cố vấn Mỹ rời căn cứ Al-Asad.\n\n"
       "Khoảng 2.500 binh sĩ Mỹ từng hiện diện ở Iraq trong những năm gần đây.\n\n"
       "Lực lượng Mỹ vẫn đồn trú tại căn cứ Harir, theo các quan chức Mỹ.\n");
  c = claim (f, "vi-vague", "troop_presence", "2.500");
  g_assert_null (c->time_value);
  c = claim (f, "vi-vague", "troop_presence", "Harir");
  g_assert_cmpstr (c->attributed_to, ==, "united-states");
}

/* The dead of one attack counted differently: a conflict, across
 * languages; the count takes the attack's date. */
static void
test_casualties_conflict (Fixture       *f,
                          gconstpointer  data)
{
  TriCluster *cl;
  const TriDifference *d;

  add (f, "three",
       "date 2024-01-29\ntitle Tower 22\n\n"
       "Three US soldiers were killed in a drone attack on Tower 22 in Jordan in January 2024.\n");
  add (f, "ba",
       "date 2024-01-30\ntitle Tháp 22\n\n"
       "Ba binh sĩ Mỹ thiệt mạng trong vụ tấn công vào Tháp 22 ở Jordan hồi tháng 1/2024.\n");
  add (f, "four",
       "date 2024-01-29\ntitle Tower 22\n\n"
       "Four US service members were killed in the attack on Tower 22 in January 2024, officials said.\n");
  cluster (f);

  g_assert_cmpstr (claim (f, "three", "casualties", "killed")->time_value, ==, "2024-01");
  cl = cluster_of (f, claim (f, "three", "casualties", "killed"));
  g_assert_true (g_ptr_array_find (cl->claims, claim (f, "ba", "casualties", "thiệt mạng"), NULL));
  g_assert_true (g_ptr_array_find (cl->claims, claim (f, "four", "casualties", "killed"), NULL));
  g_assert_cmpint (cl->verdict, ==, TRI_VERDICT_CONFLICTING);
  d = difference (cl, TRI_FIELD_QUANTITY);
  g_assert_nonnull (d);
  g_assert_true (g_strv_contains ((const char * const *) d->values, "3"));
  g_assert_true (g_strv_contains ((const char * const *) d->values, "4"));
}

/* One handover told with two dates: a conflict. The Vietnamese clause
 * "và bàn giao … cho lực lượng an ninh Iraq" shares the sentence's
 * subject, and whom the base went to ("cho …", "to …") is not who handed
 * it over; the wire story is dated by its dateline. */
static void
test_handover_dates (Fixture       *f,
                     gconstpointer  data)
{
  TriClaim *vi, *en;
  TriCluster *cl;
  const TriDifference *d;

  add (f, "vi",
       "date 2026-01-19\ntitle Harir\n\n"
       "Quân đội Mỹ ngày 18/1 đã rút những binh sĩ cuối cùng khỏi căn cứ không quân Harir "
       "và bàn giao căn cứ này cho lực lượng an ninh Iraq.\n");
  add (f, "en",
       "title Harir\n\n"
       "ERBIL, Iraq, Jan. 17, 2026 — The United States military on Saturday handed Harir air base "
       "to Iraqi forces, a Kurdish official said.\n");
  cluster (f);

  vi = claim (f, "vi", "handover", "bàn giao");
  en = claim (f, "en", "handover", "handed");
  g_assert_cmpuint (vi->n_actors, ==, 1);
  g_assert_cmpstr (vi->actors[0], ==, "us-armed-forces");
  g_assert_cmpstr (vi->time_value, ==, "2026-01-18");
  g_assert_cmpuint (en->n_actors, ==, 1);
  g_assert_cmpstr (en->actors[0], !=, "iraqi-security-forces");
  g_assert_cmpstr (en->time_value, ==, "2026-01-17");

  cl = cluster_of (f, vi);
  g_assert_true (g_ptr_array_find (cl->claims, en, NULL));
  g_assert_cmpint (cl->verdict, ==, TRI_VERDICT_CONFLICTING);
  d = difference (cl, TRI_FIELD_TIME);
  g_assert_nonnull (d);
  g_assert_true (g_strv_contains ((const char * const *) d->values, "2026-01-18"));
  g_assert_true (g_strv_contains ((const char * const *) d->values, "2026-01-17"));

  /* A handover of the same base a year later is another one (the type's
   * window is 60 days): no conflict with these */
  add (f, "later",
       "date 2027-02-21\ntitle Harir again\n\n"
       "The United States military handed Harir air base to Iraqi forces on 20 February 2027.\n");
  cluster (f);
  cl = cluster_of (f, claim (f, "later", "handover", "handed"));
  g_assert_false (g_ptr_array_find (cl->claims, claim (f, "vi", "handover", "bàn giao"), NULL));
  g_assert_cmpint (cluster_of (f, claim (f, "vi", "handover", "bàn giao"))->verdict, ==, TRI_VERDICT_CONFLICTING);
}

/* Who says so stands by the verb of saying, not in the next clause nor
 * as the subject of what is said; a
 * state word that only says how something goes on ("keep supporting",
 * "remains committed") states no presence of troops. */
static void
test_next_clause (Fixture       *f,
                  gconstpointer  data)
{
  GPtrArray *claims;
  TriClaim *c;

  add (f, "kurdistan",
       "date 2026-01-20\ntitle Kurdistan\n\n"
       "The United States has not withdrawn from Harir air base, he added, and will keep supporting "
       "Peshmerga forces.\n\n"
       "Washington remains committed to the security of Iraq, the State Department said.\n");

  c = claim (f, "kurdistan", "withdrawal", "withdrawn");
  g_assert_cmpint (c->polarity, ==, TRI_POLARITY_NEGATED);
  g_assert_null (c->attributed_to);
  g_assert_cmpint (c->modality, ==, TRI_MODALITY_REPORTED);

  claims = _tri_article_get_claims (g_ptr_array_index (f->articles, 0));
  for (guint i = 0; i < claims->len; i++)
    g_assert_cmpstr (((TriClaim *) g_ptr_array_index (claims, i))->type, !=, "troop_presence");

  /* The name right after the verb of saying is whom the words are about:
   * "nói Washington không rút quân" is the US not withdrawing, said by
   * someone unnamed ("Ông") */
  add (f, "harir",
       "date 2026-01-20\ntitle Harir\n\n"
       "Ông nói Washington không rút quân khỏi căn cứ Harir.\n");
  c = claim (f, "harir", "withdrawal", "rút quân");
  g_assert_cmpint (c->polarity, ==, TRI_POLARITY_NEGATED);
  g_assert_cmpuint (c->n_actors, ==, 1);
  g_assert_cmpstr (c->actors[0], ==, "united-states");
  g_assert_null (c->attributed_to);
  g_assert_cmpint (c->modality, ==, TRI_MODALITY_REPORTED);
}

/* A place after "near", "gần" only tells where the place before it lies:
 * the claim happens at the base, not at the airport or the city. */
static void
test_near (Fixture       *f,
           gconstpointer  data)
{
  TriClaim *c;

  add (f, "victory",
       "date 2026-01-21\ntitle Victory\n\n"
       "Hàng trăm cố vấn quân sự đã rời căn cứ Victory gần sân bay quốc tế Baghdad hồi cuối năm 2025.\n");
  add (f, "harir",
       "date 2026-01-21\ntitle Harir\n\n"
       "About 200 US advisers are stationed at Harir air base near Erbil.\n");

  c = claim (f, "victory", "withdrawal", "rời căn cứ");
  g_assert_cmpuint (c->n_places, >=, 1);
  g_assert_cmpstr (c->places[0], ==, "victory-base-complex");
  c = claim (f, "harir", "troop_presence", "stationed");
  g_assert_cmpuint (c->n_places, ==, 1);
  g_assert_cmpstr (c->places[0], ==, "harir-air-base");
}

/* Whom an attack targets is not who attacks ("attacks on US forces",
 * "tấn công vào quân đội Mỹ"); "and handed it" shares its sentence's
 * subject in English too. */
static void
test_targets (Fixture       *f,
              gconstpointer  data)
{
  TriClaim *c;

  add (f, "attacks",
       "date 2026-01-23\ntitle Attacks\n\n"
       "The group has carried out more than 170 attacks on US forces since October 2023.\n\n"
       "American forces left Ain al-Asad air base on January 18 and handed it to the Iraqi army.\n");
  add (f, "tan-cong",
       "date 2026-01-23\ntitle Tấn công\n\n"
       "Đã có hơn 170 cuộc tấn công vào quân đội Mỹ ở Iraq kể từ tháng 10/2023.\n");

  c = claim (f, "attacks", "attack", "170 attacks");
  g_assert_cmpuint (c->n_actors, ==, 0);
  c = claim (f, "tan-cong", "attack", "tấn công");
  g_assert_cmpuint (c->n_actors, ==, 0);
  c = claim (f, "attacks", "handover", "handed");
  g_assert_cmpuint (c->n_actors, ==, 1);
  g_assert_cmpstr (c->actors[0], ==, "us-armed-forces");
}

/* A verb of saying denied with what it would say ("has not announced
 * any withdrawal", "chưa công bố bất kỳ kế hoạch rút quân nào") denies
 * the claim; one denied on its own ("did not confirm the number of troops
 * who left") leaves what happened as it was. */
static void
test_denied_saying (Fixture       *f,
                    gconstpointer  data)
{
  add (f, "france",
       "date 2026-02-02\ntitle France\n\n"
       "France has not announced any withdrawal, a French defence ministry spokesperson said.\n\n"
       "The Pentagon did not confirm the number of troops who left the base.\n");
  add (f, "phap",
       "date 2026-02-02\ntitle Pháp\n\n"
       "Pháp chưa công bố bất kỳ kế hoạch rút quân nào khỏi Iraq.\n");

  g_assert_cmpint (claim (f, "france", "withdrawal", "announced")->polarity, ==, TRI_POLARITY_NEGATED);
  g_assert_cmpint (claim (f, "france", "withdrawal", "left")->polarity, ==, TRI_POLARITY_AFFIRMED);
  g_assert_cmpint (claim (f, "phap", "withdrawal", "rút quân")->polarity, ==, TRI_POLARITY_NEGATED);
}

/* A very long sentence of many clauses still gives every clause its own
 * claim (the per-sentence work no longer scans the whole sentence for
 * each anchor; the benchmark times it). */
static void
test_long_sentence (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new ("date 2025-03-04\ntitle Long\n\n");
  GPtrArray *claims;

  for (guint i = 0; i < 400; i++)
    g_string_append_printf (text, "about %u troops are deployed in Kuwait and ", 100 + i);
  g_string_append (text, "none in Oman.\n");
  add (f, "long", text->str);
  claims = _tri_article_get_claims (g_ptr_array_index (f->articles, 0));
  g_assert_nonnull (claims);
  g_assert_cmpuint (claims->len, >=, 400);
  g_assert_cmpstr (((TriClaim *) g_ptr_array_index (claims, 399))->places[0], ==, "kuwait");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/tri/claims-en/verdicts", Fixture, NULL, fixture_setup, test_verdicts_en, fixture_teardown);
  g_test_add ("/tri/claims-en/types", Fixture, NULL, fixture_setup, test_types_en, fixture_teardown);
  g_test_add ("/tri/claims-en/places", Fixture, NULL, fixture_setup, test_places_en, fixture_teardown);
  g_test_add ("/tri/claims-en/coordinated-vi", Fixture, NULL, fixture_setup, test_coordinated_vi, fixture_teardown);
  g_test_add ("/tri/claims-en/attribution", Fixture, NULL, fixture_setup, test_attribution_en, fixture_teardown);
  g_test_add ("/tri/claims-en/phrasing-vi", Fixture, NULL, fixture_setup, test_phrasing_vi, fixture_teardown);
  g_test_add ("/tri/claims-en/casualties-conflict", Fixture, NULL, fixture_setup, test_casualties_conflict, fixture_teardown);
  g_test_add ("/tri/claims-en/handover-dates", Fixture, NULL, fixture_setup, test_handover_dates, fixture_teardown);
  g_test_add ("/tri/claims-en/next-clause", Fixture, NULL, fixture_setup, test_next_clause, fixture_teardown);
  g_test_add ("/tri/claims-en/near", Fixture, NULL, fixture_setup, test_near, fixture_teardown);
  g_test_add ("/tri/claims-en/targets", Fixture, NULL, fixture_setup, test_targets, fixture_teardown);
  g_test_add ("/tri/claims-en/denied-saying", Fixture, NULL, fixture_setup, test_denied_saying, fixture_teardown);
  g_test_add ("/tri/claims-en/long-sentence", Fixture, NULL, fixture_setup, test_long_sentence, fixture_teardown);

  return g_test_run ();
}
