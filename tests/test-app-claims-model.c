/* test-app-claims-model.c
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "tri-claims-model.h"

/* The window's view model, without a display. */

static guint32
julian (int y,
        int m,
        int d)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return g_date_get_julian (&date);
}

static TriCorpus *
load_examples (void)
{
  const char *data = g_getenv ("TRIANGULATE_DATA_DIR");
  g_autofree char *dir = g_build_filename (data ? data : TRI_SOURCE_DATADIR, "examples", NULL);
  g_autoptr(GFile) root = g_file_new_for_path (dir);
  g_autoptr(GListModel) files = NULL;
  g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  TriCorpus *corpus = tri_corpus_new ();

  files = tri_collect_files (&root, 1, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    g_ptr_array_add (array, g_list_model_get_item (files, i));
  g_assert_cmpuint (array->len, >=, 4);
  tri_corpus_load (corpus, (GFile **) array->pdata, array->len, NULL, &error);
  g_assert_no_error (error);
  return corpus;
}

static const TriPlaceCount *
find_place (TriClaimsModel *model,
            const char     *prefix)
{
  GArray *places = tri_claims_model_get_places (model);

  for (guint i = 0; i < places->len; i++)
    if (g_str_has_prefix (g_array_index (places, TriPlaceCount, i).id, prefix))
      return &g_array_index (places, TriPlaceCount, i);
  return NULL;
}

static guint
place_total (const TriPlaceCount *count)
{
  return count ? count->counts[0] + count->counts[1] + count->counts[2] : 0;
}

static void
test_sample_places (void)
{
  g_autoptr(TriCorpus) corpus = load_examples ();
  g_autoptr(TriClaimsModel) model = tri_claims_model_new ();
  const TriPlaceCount *asad, *harir, *baghdad;

  tri_claims_model_set_corpus (model, corpus);
  g_assert_cmpuint (tri_claims_model_get_n_all (model), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==,
                    tri_claims_model_get_n_all (model));
  for (guint i = 0; i < tri_claims_model_get_places (model)->len; i++)
    {
      TriPlaceCount *count = &g_array_index (tri_claims_model_get_places (model), TriPlaceCount, i);

      g_test_message ("place %s (%s): %u %u %u", count->id, count->name,
                      count->counts[0], count->counts[1], count->counts[2]);
    }
  for (guint i = 0; i < tri_claims_model_get_n_all (model); i++)
    {
      TriClaimItem *item = g_ptr_array_index (tri_claims_model_get_all (model), i);

      g_autoptr(GString) places = g_string_new (NULL);

      for (guint j = 0; j < item->places->len; j++)
        g_string_append_printf (places, "%s ", g_array_index (item->places, TriItemPlace, j).id);
      g_test_message ("item %s [%s] %u-%u {%s} %s", item->id, item->type, item->day_first, item->day_last,
                      places->str, item->summary);
    }

  asad = find_place (model, "al-asad");
  harir = find_place (model, "harir");
  baghdad = find_place (model, "baghdad");
  g_assert_nonnull (asad);
  g_assert_nonnull (harir);
  g_assert_nonnull (baghdad);
  g_assert_true (asad->always_label);
  g_assert_true (harir->always_label);
  g_assert_true (baghdad->always_label);
  g_assert_cmpfloat_with_epsilon (asad->lat, 33.79, 0.1);
  g_assert_cmpfloat_with_epsilon (asad->lon, 42.44, 0.1);
  g_assert_cmpuint (place_total (asad), >=, 1);
}

/* Moving the range from before to after the handover changes what is at
 * Al-Asad. */
static void
test_sample_range (void)
{
  g_autoptr(TriCorpus) corpus = load_examples ();
  g_autoptr(TriClaimsModel) model = tri_claims_model_new ();
  guint32 first, last;
  guint n_all, n_before, n_after;
  guint asad_before, asad_after;

  tri_claims_model_set_corpus (model, corpus);
  n_all = g_list_model_get_n_items (G_LIST_MODEL (model));
  tri_claims_model_get_extent (model, &first, &last);
  g_assert_cmpuint (first, >, 0);
  g_assert_cmpuint (first, <, julian (2026, 1, 18));
  g_assert_cmpuint (last, >=, julian (2026, 1, 18));

  tri_claims_model_set_range (model, julian (2023, 1, 1), julian (2025, 12, 31));
  n_before = g_list_model_get_n_items (G_LIST_MODEL (model));
  asad_before = place_total (find_place (model, "al-asad"));

  tri_claims_model_set_range (model, julian (2026, 1, 1), julian (2026, 12, 31));
  n_after = g_list_model_get_n_items (G_LIST_MODEL (model));
  asad_after = place_total (find_place (model, "al-asad"));

  g_assert_cmpuint (n_before, <, n_all);
  g_assert_cmpuint (n_after, <, n_all);
  g_assert_cmpuint (n_before, >, 0);
  g_assert_cmpuint (n_after, >, 0);
  g_assert_cmpuint (asad_after, >, 0);
  /* The items at Al-Asad differ on either side of 18 January 2026. */
  for (guint i = 0; i < n_after; i++)
    {
      g_autoptr(TriClaimItem) item = g_list_model_get_item (G_LIST_MODEL (model), i);

      g_assert_cmpuint (item->day_last, >=, julian (2026, 1, 1));
    }
  (void) asad_before;

  tri_claims_model_set_range (model, 0, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n_all);
}

static void
test_search_folds (void)
{
  g_autoptr(TriCorpus) corpus = load_examples ();
  g_autoptr(TriClaimsModel) model = tri_claims_model_new ();
  guint n;

  tri_claims_model_set_corpus (model, corpus);

  tri_claims_model_set_search (model, "ain al assad");
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_assert_cmpuint (n, >, 0);

  tri_claims_model_set_search (model, "AIN AL-ASSAD");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n);

  /* Vietnamese without its marks, đ included */
  tri_claims_model_set_search (model, "bo quoc phong");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), >, 0);
  tri_claims_model_set_search (model, "Bộ Quốc phòng");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), >, 0);
  tri_claims_model_set_search (model, "don tru");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), >, 0);

  tri_claims_model_set_search (model, "zzzz no such thing");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);

  tri_claims_model_set_search (model, "  ");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==,
                    tri_claims_model_get_n_all (model));
}

/* Synthetic items */

static GPtrArray *
make_items (guint n)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);
  guint32 base = julian (2020, 1, 1);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("c%u", i);
      g_autofree char *summary = g_strdup_printf ("Claim number %u at Đà Nẵng", i);
      TriClaimItem *item = tri_claim_item_new (id, summary);

      item->day_first = base + i;
      item->day_last = base + i;
      item->verdict = i % 3;
      item->n_sources = 1 + i % 4;
      tri_claim_item_add_place (item, i % 2 ? "odd-place" : "even-place",
                                i % 2 ? "Odd" : "Even", 10, 20, FALSE);
      tri_claim_item_finish (item);
      item->n_sources = 1 + i % 4;
      g_ptr_array_add (items, item);
    }
  return items;
}

static void
test_synthetic_filters (void)
{
  g_autoptr(TriClaimsModel) model = tri_claims_model_new ();
  g_autoptr(GPtrArray) items = make_items (300);
  guint32 base = julian (2020, 1, 1);
  const TriPlaceCount *odd;

  tri_claims_model_set_items (model, items);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 300);
  g_assert_cmpuint (tri_claims_model_get_events (model)->len, ==, 300);

  /* Range: inclusive on both ends */
  tri_claims_model_set_range (model, base + 10, base + 19);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 10);
  odd = find_place (model, "odd-place");
  g_assert_nonnull (odd);
  g_assert_cmpuint (place_total (odd), ==, 5);

  /* Place filter narrows the list, not the markers */
  tri_claims_model_set_place_filter (model, "odd-place");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 5);
  g_assert_nonnull (find_place (model, "even-place"));
  g_assert_cmpuint (tri_claims_model_find_place (model, "odd-place"), ==, 0);
  tri_claims_model_set_place_filter (model, NULL);

  /* Verdict */
  tri_claims_model_set_range (model, 0, 0);
  tri_claims_model_set_verdict_filter (model, TRI_VERDICT_CONFLICTING);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 100);
  tri_claims_model_set_verdict_filter (model, -1);

  /* Hidden, and the researcher's verdict */
  tri_claim_item_set_hidden (g_ptr_array_index (items, 0), TRUE);
  tri_claim_item_set_user_verdict (g_ptr_array_index (items, 1), TRUE, TRI_VERDICT_CONFLICTING);
  tri_claims_model_refilter (model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 299);
  tri_claims_model_set_verdict_filter (model, TRI_VERDICT_CONFLICTING);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 101);
  tri_claims_model_set_verdict_filter (model, -1);
  tri_claims_model_set_show_hidden (model, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 300);

  /* Search folds the diacritics of the items too */
  tri_claims_model_set_search (model, "da nang");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 300);
  tri_claims_model_set_search (model, "number 299 ");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  tri_claims_model_set_search (model, NULL);
}

/* items-changed must add up: a list view asserts on a wrong count. The
 * shadow list mirrors the model through the signal alone. */
static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GPtrArray  *shadow)
{
  g_assert_cmpuint (position + removed, <=, shadow->len);
  g_ptr_array_remove_range (shadow, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (shadow, position + i, g_list_model_get_item (model, position + i));
}

static void
assert_mirrors (GListModel *model,
                GPtrArray  *shadow)
{
  g_assert_cmpuint (shadow->len, ==, g_list_model_get_n_items (model));
  for (guint i = 0; i < shadow->len; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      g_assert_true (item == g_ptr_array_index (shadow, i));
    }
}

static void
test_items_changed_adds_up (void)
{
  g_autoptr(TriClaimsModel) model = tri_claims_model_new ();
  g_autoptr(GPtrArray) items = make_items (500);
  g_autoptr(GPtrArray) shadow = g_ptr_array_new_with_free_func (g_object_unref);
  guint32 base = julian (2020, 1, 1);
  GRand *rand = g_rand_new_with_seed (3);

  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), shadow);
  tri_claims_model_set_items (model, items);
  assert_mirrors (G_LIST_MODEL (model), shadow);
  for (guint run = 0; run < 200; run++)
    {
      guint32 a = base + g_rand_int_range (rand, -20, 520);
      guint32 b = a + g_rand_int_range (rand, 0, 200);

      if (run % 7 == 0)
        tri_claims_model_set_verdict_filter (model, g_rand_int_range (rand, -1, 3));
      if (run % 11 == 0)
        tri_claims_model_set_place_filter (model, run % 2 ? "odd-place" : NULL);
      if (run % 13 == 0)
        tri_claims_model_set_sort (model, g_rand_int_range (rand, 0, 3));
      tri_claims_model_set_range (model, a, b);
      assert_mirrors (G_LIST_MODEL (model), shadow);
    }
  tri_claims_model_set_items (model, items);
  assert_mirrors (G_LIST_MODEL (model), shadow);
  g_signal_handlers_disconnect_by_data (model, shadow);
  g_rand_free (rand);
}

/* A new sort order reaches the list, also when the same items are shown:
 * the shown indices stay the same, the items at them do not. */
static void
test_sort_reaches_list (void)
{
  g_autoptr(TriClaimsModel) model = tri_claims_model_new ();
  g_autoptr(GPtrArray) items = make_items (50);
  g_autoptr(GPtrArray) shadow = g_ptr_array_new_with_free_func (g_object_unref);

  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), shadow);
  tri_claims_model_set_items (model, items);
  assert_mirrors (G_LIST_MODEL (model), shadow);
  tri_claims_model_set_sort (model, TRI_CLAIMS_SORT_SOURCES);
  assert_mirrors (G_LIST_MODEL (model), shadow);
  tri_claims_model_set_sort (model, TRI_CLAIMS_SORT_DATE);
  assert_mirrors (G_LIST_MODEL (model), shadow);
  g_signal_handlers_disconnect_by_data (model, shadow);
}

static void
test_synthetic_sort (void)
{
  g_autoptr(TriClaimsModel) model = tri_claims_model_new ();
  g_autoptr(GPtrArray) items = make_items (40);
  guint last_sources = G_MAXUINT;
  guint32 last_day = 0;

  tri_claims_model_set_items (model, items);
  for (guint i = 0; i < 40; i++)
    {
      g_autoptr(TriClaimItem) item = g_list_model_get_item (G_LIST_MODEL (model), i);

      g_assert_cmpuint (item->day_first, >=, last_day);
      last_day = item->day_first;
    }

  tri_claims_model_set_sort (model, TRI_CLAIMS_SORT_SOURCES);
  for (guint i = 0; i < 40; i++)
    {
      g_autoptr(TriClaimItem) item = g_list_model_get_item (G_LIST_MODEL (model), i);

      g_assert_cmpuint (item->n_sources, <=, last_sources);
      last_sources = item->n_sources;
    }

  tri_claims_model_set_sort (model, TRI_CLAIMS_SORT_PLACE);
  {
    g_autoptr(TriClaimItem) first = g_list_model_get_item (G_LIST_MODEL (model), 0);
    g_autoptr(TriClaimItem) last = g_list_model_get_item (G_LIST_MODEL (model), 39);

    g_assert_cmpstr (tri_claim_item_get_place_name (first), ==, "Even");
    g_assert_cmpstr (tri_claim_item_get_place_name (last), ==, "Odd");
  }
}

/* The researcher's word survives a rebuild of the items. */
static void
test_overrides_survive_rebuild (void)
{
  g_autoptr(TriCorpus) corpus = load_examples ();
  g_autoptr(TriClaimsModel) model = tri_claims_model_new ();
  g_autoptr(TriClaimItem) item = NULL;
  g_autofree char *id = NULL;
  gboolean found = FALSE;

  tri_claims_model_set_corpus (model, corpus);
  item = g_list_model_get_item (G_LIST_MODEL (model), 0);
  id = g_strdup (item->id);
  tri_claim_item_set_note (item, "check with the ministry");
  tri_claim_item_set_user_verdict (item, TRUE, TRI_VERDICT_CONFLICTING);
  tri_claims_model_rebuild (model);

  for (guint i = 0; i < tri_claims_model_get_n_all (model); i++)
    {
      TriClaimItem *again = g_ptr_array_index (tri_claims_model_get_all (model), i);

      if (g_strcmp0 (again->id, id) != 0)
        continue;
      found = TRUE;
      g_assert_true (again != item);
      g_assert_cmpstr (again->note, ==, "check with the ministry");
      g_assert_cmpint (tri_claim_item_get_verdict (again), ==, TRI_VERDICT_CONFLICTING);
    }
  g_assert_true (found);
}

/* Every place the model shows is one the core's gazetteer knows, at the
 * gazetteer's position: the app has no place matching of its own. */
static void
test_places_from_core (void)
{
  g_autoptr(TriCorpus) corpus = load_examples ();
  g_autoptr(TriClaimsModel) model = tri_claims_model_new ();
  TriGazetteer *gazetteer = tri_gazetteer_get_default ();
  GArray *places;

  tri_claims_model_set_corpus (model, corpus);
  places = tri_claims_model_get_places (model);
  g_assert_cmpuint (places->len, >, 0);
  for (guint i = 0; i < places->len; i++)
    {
      TriPlaceCount *count = &g_array_index (places, TriPlaceCount, i);
      TriPlace *place = tri_gazetteer_lookup_id (gazetteer, count->id);

      g_assert_nonnull (place);
      g_assert_cmpfloat_with_epsilon (count->lat, tri_place_get_latitude (place), 1e-6);
      g_assert_cmpfloat_with_epsilon (count->lon, tri_place_get_longitude (place), 1e-6);
    }
  g_assert_nonnull (tri_gazetteer_lookup_id (gazetteer, "harir-air-base"));
  g_assert_null (tri_gazetteer_lookup_id (gazetteer, "no-such-place"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/app/claims-model/sample-places", test_sample_places);
  g_test_add_func ("/app/claims-model/sample-range", test_sample_range);
  g_test_add_func ("/app/claims-model/search-folds", test_search_folds);
  g_test_add_func ("/app/claims-model/synthetic-filters", test_synthetic_filters);
  g_test_add_func ("/app/claims-model/synthetic-sort", test_synthetic_sort);
  g_test_add_func ("/app/claims-model/items-changed-adds-up", test_items_changed_adds_up);
  g_test_add_func ("/app/claims-model/sort-reaches-list", test_sort_reaches_list);
  g_test_add_func ("/app/claims-model/overrides-survive-rebuild", test_overrides_survive_rebuild);
  g_test_add_func ("/app/claims-model/places-from-core", test_places_from_core);

  return g_test_run ();
}
