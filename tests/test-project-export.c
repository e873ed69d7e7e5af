/* test-project-export.c: `project export` applies the researcher's decisions
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/wait.h>

#include <triangulate.h>
#include "project-test-util.h"

typedef ProjectFileFixture Fixture;

/* The CLI's standard output for `project export PATH --format FORMAT`. */
static char *
export (const char *path,
        const char *format)
{
  const char *argv[] = { g_getenv ("TRIANGULATE_CLI"), "project", "export", path, "--format", format, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_nonnull (argv[0]);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_error ("project export failed: %s", err);
  return out;
}

static JsonNode *
export_json (const char *path,
             const char *format)
{
  g_autofree char *out = export (path, format);
  g_autoptr(GError) error = NULL;
  JsonNode *root = json_from_string (out, &error);

  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  return root;
}

static GFile *
example (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("TRIANGULATE_DATA_DIR"), "examples", name, NULL);

  return g_file_new_for_path (path);
}

static JsonObject *
find_member (JsonArray  *array,
             const char *member,
             const char *value)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *o = json_array_get_object_element (array, i);

      if (g_strcmp0 (json_object_get_string_member_with_default (o, member, NULL), value) == 0)
        return o;
    }
  return NULL;
}

/* The cluster of the report that holds @claim, or NULL. */
static JsonObject *
cluster_with_claim (JsonArray  *clusters,
                    const char *claim)
{
  for (guint i = 0; i < json_array_get_length (clusters); i++)
    {
      JsonObject *k = json_array_get_object_element (clusters, i);
      JsonArray *claims = json_object_get_array_member (k, "claims");

      for (guint j = 0; j < json_array_get_length (claims); j++)
        if (g_str_equal (json_array_get_string_element (claims, j), claim))
          return k;
    }
  return NULL;
}

static gboolean
array_has_string (JsonArray  *array,
                  const char *s)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (g_strcmp0 (json_array_get_string_element (array, i), s) == 0)
      return TRUE;
  return FALSE;
}

static const char *
other_verdict (TriVerdict verdict)
{
  return tri_verdict_to_string (verdict == TRI_VERDICT_CONFLICTING ? TRI_VERDICT_CORROBORATED
                                                                   : TRI_VERDICT_CONFLICTING);
}

static void
test_export_applies_decisions (Fixture       *f,
                               gconstpointer  data)
{
  const char *names[] = { "en-advisers-leave.txt", "en-talks-begin.txt", "vi-dam-phan-2024.txt",
                          "vi-rut-khoi-al-asad.txt" };
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autoptr(TriProject) project = NULL;
  g_autoptr(TriCorpus) corpus = NULL;
  g_autoptr(GPtrArray) added = NULL;
  g_autoptr(GPtrArray) hidden_claims = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) geojson = NULL;
  g_autoptr(JsonNode) timeline = NULL;
  g_autoptr(JsonNode) again = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *verdict_key = NULL;
  g_autofree char *note_key = NULL;
  g_autofree char *hidden_key = NULL;
  g_autofree char *hidden_id = NULL;
  g_autofree char *dated = NULL;
  const char *override = NULL;
  const char *computed = NULL;
  GPtrArray *clusters;
  JsonObject *obj, *k;
  JsonArray *array;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_ptr_array_add (files, example (names[i]));
  project = tri_project_new (f->file, TRI_PROJECT_FLAGS_NONE, &error);
  g_assert_no_error (error);
  added = tri_project_add_files (project, (GFile **) files->pdata, files->len, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (added->len, ==, G_N_ELEMENTS (names));

  corpus = tri_project_load_corpus (project, NULL, &error);
  g_assert_no_error (error);
  tri_corpus_cross_reference (corpus);
  clusters = tri_corpus_get_clusters (corpus);
  g_assert_nonnull (clusters);
  g_assert_cmpuint (clusters->len, >=, 3);

  /* Three clusters, one decision each; the keys are claim ids. */
  for (guint i = 0; i < 3; i++)
    {
      TriCluster *cluster = g_ptr_array_index (clusters, i);

      g_assert_nonnull (cluster->key);
      g_assert_nonnull (strchr (cluster->key, '#'));
    }
  {
    TriCluster *a = g_ptr_array_index (clusters, 0);
    TriCluster *b = g_ptr_array_index (clusters, 1);
    TriCluster *c = g_ptr_array_index (clusters, 2);

    verdict_key = g_strdup (a->key);
    computed = tri_verdict_to_string (a->verdict);
    override = other_verdict (a->verdict);
    note_key = g_strdup (b->key);
    hidden_key = g_strdup (c->key);
    hidden_id = g_strdup (c->id);
    for (guint j = 0; j < c->claims->len; j++)
      g_ptr_array_add (hidden_claims, g_strdup (((TriClaim *) g_ptr_array_index (c->claims, j))->id));
  }
  g_assert_true (tri_project_set_verdict (project, verdict_key, override, &error));
  g_assert_true (tri_project_set_note (project, note_key, "Kiểm tra lại với nguồn gốc", &error));
  g_assert_true (tri_project_set_claim_hidden (project, hidden_key, TRUE, &error));
  dated = g_strdup (tri_article_get_id (g_ptr_array_index (added, 0)));
  g_assert_true (tri_project_set_published (project, dated, "2019-03-05", &error));
  g_assert_true (tri_project_set_note (project, dated, "Nguồn thứ cấp, cần đối chiếu", &error));
  g_assert_no_error (error);
  g_assert_true (tri_project_close (project, &error));
  g_assert_no_error (error);

  /* JSON */
  root = export_json (f->path, "json");
  obj = json_node_get_object (root);
  array = json_object_get_array_member (obj, "clusters");
  k = find_member (array, "key", verdict_key);
  g_assert_nonnull (k);
  g_assert_cmpstr (json_object_get_string_member (k, "verdict"), ==, override);
  g_assert_cmpstr (json_object_get_string_member (k, "computed_verdict"), ==, computed);
  g_assert_true (json_object_get_boolean_member (k, "overridden"));
  k = find_member (array, "key", note_key);
  g_assert_nonnull (k);
  g_assert_cmpstr (json_object_get_string_member (k, "note"), ==, "Kiểm tra lại với nguồn gốc");
  g_assert_false (json_object_get_boolean_member (k, "overridden"));
  g_assert_cmpstr (json_object_get_string_member (k, "verdict"), ==,
                   json_object_get_string_member (k, "computed_verdict"));
  /* Hidden: left out, with its claims, which are listed. */
  g_assert_null (find_member (array, "key", hidden_key));
  g_assert_null (find_member (array, "id", hidden_id));
  for (guint i = 0; i < hidden_claims->len; i++)
    {
      const char *id = g_ptr_array_index (hidden_claims, i);

      g_assert_null (find_member (json_object_get_array_member (obj, "claims"), "id", id));
      g_assert_true (array_has_string (json_object_get_array_member (obj, "hidden_claims"), id));
    }
  k = find_member (json_object_get_array_member (obj, "articles"), "id", dated);
  g_assert_nonnull (k);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (k, "published"), "value"),
                   ==, "2019-03-05");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (k, "published"), "source"),
                   ==, "user");
  /* A note on a whole article goes with the article */
  g_assert_cmpstr (json_object_get_string_member (k, "note"), ==, "Nguồn thứ cấp, cần đối chiếu");
  array = json_object_get_array_member (obj, "articles");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *a = json_array_get_object_element (array, i);

      if (g_strcmp0 (json_object_get_string_member (a, "id"), dated) != 0)
        g_assert_null (json_object_get_string_member (a, "note"));
    }

  /* CSV: the same verdicts and the same claims left out. */
  csv = export (f->path, "csv");
  {
    g_auto(GStrv) lines = g_strsplit (csv, "\r\n", -1);
    guint n_override = 0;

    guint n_article_note = 0;

    g_assert_true (g_str_has_suffix (lines[0], ",cluster_key,computed_verdict,note,article_note"));
    for (guint i = 1; lines[i] && *lines[i]; i++)
      {
        g_autofree char *prefix = NULL;

        for (guint h = 0; h < hidden_claims->len; h++)
          {
            g_autofree char *start = g_strconcat ((char *) g_ptr_array_index (hidden_claims, h), ",", NULL);

            g_assert_false (g_str_has_prefix (lines[i], start));
          }
        if (g_str_has_suffix (lines[i], ",Nguồn thứ cấp, cần đối chiếu\"") ||
            g_str_has_suffix (lines[i], ",\"Nguồn thứ cấp, cần đối chiếu\""))
          n_article_note++;
        prefix = g_strdup_printf (",%s,%s", verdict_key, computed);
        if (strstr (lines[i], prefix) != NULL)
          {
            g_autofree char *cols = g_strdup_printf (",%s,", override);

            g_assert_nonnull (strstr (lines[i], cols));
            n_override++;
          }
      }
    g_assert_cmpuint (n_override, >=, 1);
    g_assert_cmpuint (n_article_note, >=, 1);
  }

  /* GeoJSON and the timeline */
  geojson = export_json (f->path, "geojson");
  array = json_object_get_array_member (json_node_get_object (geojson), "features");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *p = json_object_get_object_member (json_array_get_object_element (array, i), "properties");
      const char *claim = json_object_get_string_member (p, "claim");

      for (guint h = 0; h < hidden_claims->len; h++)
        g_assert_cmpstr (claim, !=, g_ptr_array_index (hidden_claims, h));
      g_assert_cmpstr (json_object_get_string_member (p, "article_note"), ==,
                       g_strcmp0 (json_object_get_string_member (p, "article"), dated) == 0
                       ? "Nguồn thứ cấp, cần đối chiếu" : NULL);
      if (g_strcmp0 (json_object_get_string_member (p, "cluster_key"), verdict_key) == 0)
        {
          g_assert_cmpstr (json_object_get_string_member (p, "verdict"), ==, override);
          g_assert_cmpstr (json_object_get_string_member (p, "computed_verdict"), ==, computed);
        }
    }
  timeline = export_json (f->path, "timeline");
  array = json_object_get_array_member (json_node_get_object (timeline), "events");
  g_assert_null (find_member (array, "unique_id", hidden_id));

  /* Adding an article renumbers clusters; the decisions stay with their
   * claims. */
  g_clear_object (&project);
  project = tri_project_open (f->file, TRI_PROJECT_FLAGS_NONE, NULL, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GFile) more = example ("vi-tuyen-bo-chung-2024.txt");
    g_autoptr(GPtrArray) more_added = tri_project_add_file (project, more, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (more_added->len, ==, 1);
  }
  g_assert_true (tri_project_close (project, &error));
  again = export_json (f->path, "json");
  obj = json_node_get_object (again);
  array = json_object_get_array_member (obj, "clusters");
  k = cluster_with_claim (array, verdict_key);
  g_assert_nonnull (k);
  g_assert_cmpstr (json_object_get_string_member (k, "verdict"), ==, override);
  k = cluster_with_claim (array, note_key);
  g_assert_nonnull (k);
  g_assert_cmpstr (json_object_get_string_member (k, "note"), ==, "Kiểm tra lại với nguồn gốc");
  g_assert_null (cluster_with_claim (array, hidden_key));
  {
    guint n_overridden = 0;

    for (guint i = 0; i < json_array_get_length (array); i++)
      n_overridden += json_object_get_boolean_member (json_array_get_object_element (array, i), "overridden");
    g_assert_cmpuint (n_overridden, ==, 1);
  }
}

/* Runs the CLI with @args after its path; returns its exit status. */
static int
run_cli (const char * const *args)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL, *err = NULL;
  int status = 0;

  g_assert_nonnull (g_getenv ("TRIANGULATE_CLI"));
  g_strv_builder_add (builder, g_getenv ("TRIANGULATE_CLI"));
  g_strv_builder_addv (builder, (const char **) args);
  argv = g_strv_builder_end (builder);
  g_spawn_sync (NULL, argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  if (WEXITSTATUS (status) != 0)
    g_assert_true (strstr (err, "triangulate-cli project") != NULL);
  return WEXITSTATUS (status);
}

/* `project place` and `project actor`: the researcher's own entries, used
 * in the export of articles added before them; bad coordinates and kinds
 * are usage errors that change nothing. */
static void
test_own_entries (Fixture       *f,
                  gconstpointer  data)
{
  static const char text[] =
    "date 2026-02-03\ntitle Camp report\n\n"
    "Fighters of the Morning Star Brigade left Camp Tamarisk on Monday, officials said.\n";
  g_autoptr(TriProject) project = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *features;
  JsonObject *camp = NULL;

  project = tri_project_new (f->file, TRI_PROJECT_FLAGS_NONE, &error);
  g_assert_no_error (error);
  articles = tri_project_add_bytes (project, "camp.txt", bytes, &error);
  g_assert_no_error (error);
  g_assert_true (tri_project_close (project, &error));

  g_assert_cmpint (run_cli ((const char *[]) { "project", "place", f->path, "own-camp", "Camp Tamarisk",
                                               "33.25", "-44.1x", NULL }), ==, 2);
  g_assert_cmpint (run_cli ((const char *[]) { "project", "actor", f->path, "own-msb",
                                               "Morning Star Brigade", "force", NULL }), ==, 1);
  g_assert_cmpint (run_cli ((const char *[]) { "project", "place", f->path, "own-camp", "Camp Tamarisk",
                                               "33.25", "44.1", NULL }), ==, 0);
  g_assert_cmpint (run_cli ((const char *[]) { "project", "actor", f->path, "own-msb",
                                               "Morning Star Brigade", "militia", NULL }), ==, 0);

  root = export_json (f->path, "geojson");
  features = json_object_get_array_member (json_node_get_object (root), "features");
  for (guint i = 0; i < json_array_get_length (features) && camp == NULL; i++)
    {
      JsonObject *feature = json_array_get_object_element (features, i);
      JsonObject *properties = json_object_get_object_member (feature, "properties");

      if (g_strcmp0 (json_object_get_string_member_with_default (properties, "place", NULL), "own-camp") == 0)
        camp = feature;
    }
  g_assert_nonnull (camp);
  {
    JsonObject *properties = json_object_get_object_member (camp, "properties");
    JsonArray *coordinates = json_object_get_array_member (json_object_get_object_member (camp, "geometry"),
                                                           "coordinates");

    g_assert_cmpstr (json_object_get_string_member (properties, "place_name"), ==, "Camp Tamarisk");
    g_assert_cmpstr (json_object_get_string_member (properties, "actor"), ==, "own-msb");
    g_assert_cmpfloat_with_epsilon (json_array_get_double_element (coordinates, 0), 44.1, 1e-9);
    g_assert_cmpfloat_with_epsilon (json_array_get_double_element (coordinates, 1), 33.25, 1e-9);
  }

  /* Removed: the claim has no place of the researcher's any more */
  g_assert_cmpint (run_cli ((const char *[]) { "project", "place", f->path, "own-camp", "--remove", NULL }), ==, 0);
  g_clear_pointer (&root, json_node_unref);
  root = export_json (f->path, "geojson");
  features = json_object_get_array_member (json_node_get_object (root), "features");
  for (guint i = 0; i < json_array_get_length (features); i++)
    {
      JsonObject *properties = json_object_get_object_member (json_array_get_object_element (features, i),
                                                              "properties");

      g_assert_cmpstr (json_object_get_string_member_with_default (properties, "place", NULL), !=, "own-camp");
    }
}

/* The key is the first claim in (article, number) order, whatever order
 * the claims came in. */
static void
test_cluster_key_order (void)
{
  const struct { const char *article; guint n; } claims[] = { { "b", 2 }, { "a", 10 }, { "a", 9 }, { "ab", 1 } };
  g_autoptr(TriCluster) forward = tri_cluster_new ("k1");
  g_autoptr(TriCluster) backward = tri_cluster_new ("k7");

  for (guint i = 0; i < G_N_ELEMENTS (claims); i++)
    {
      TriClaim *c = tri_claim_new (claims[i].article, claims[i].n, "attack", 0, 1);
      TriClaim *d = tri_claim_new (claims[G_N_ELEMENTS (claims) - 1 - i].article,
                                   claims[G_N_ELEMENTS (claims) - 1 - i].n, "attack", 0, 1);

      tri_cluster_add_claim (forward, c);
      tri_cluster_add_claim (backward, d);
      tri_claim_unref (c);
      tri_claim_unref (d);
    }
  g_assert_cmpstr (forward->key, ==, backward->key);
  g_assert_cmpstr (forward->key, ==, ((TriClaim *) g_ptr_array_index (forward->claims, 2))->id);
  g_assert_cmpint (tri_claim_id_compare ("a#9", "a#10"), <, 0);
  g_assert_cmpint (tri_claim_id_compare ("a#10", "ab#1"), <, 0);
  g_assert_cmpint (tri_claim_id_compare ("a#3", "a#3"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = make_data_home ("tri-export-data-XXXXXX");
  int status;

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/tri/project/cluster-key-order", test_cluster_key_order);
  g_test_add ("/tri/project/export-applies-decisions", Fixture, NULL, project_file_setup,
              test_export_applies_decisions, project_file_teardown);
  g_test_add ("/tri/project/own-entries-cli", Fixture, NULL, project_file_setup,
              test_own_entries, project_file_teardown);
  status = g_test_run ();
  remove_data_home (data_home);
  return status;
}
