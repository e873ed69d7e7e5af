/* test-cli.c: triangulate-cli as a script sees it
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

typedef struct
{
  int       status;
  char     *out;
  char     *err;
  JsonNode *root;
} Run;

static void
run_clear (Run *r)
{
  g_clear_pointer (&r->out, g_free);
  g_clear_pointer (&r->err, g_free);
  g_clear_pointer (&r->root, json_node_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_cli (Run                *r,
         const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("TRIANGULATE_CLI");

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (gpointer) cli);
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &r->out, &r->err, &r->status, &error);
  g_assert_no_error (error);
  r->status = WIFEXITED (r->status) ? WEXITSTATUS (r->status) : -1;
}

static JsonObject *
parse_report (Run *r)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *obj;

  json_parser_load_from_data (parser, r->out, -1, &error);
  g_assert_no_error (error);
  r->root = json_node_copy (json_parser_get_root (parser));
  g_assert_true (JSON_NODE_HOLDS_OBJECT (r->root));
  obj = json_node_get_object (r->root);
  g_assert_cmpint (json_object_get_int_member (obj, "version"), ==, 1);
  for (guint i = 0; i < 5; i++)
    {
      const char *member = (const char *[]) { "articles", "mentions", "claims", "clusters", "errors" }[i];

      g_assert_true (json_object_has_member (obj, member));
      g_assert_true (JSON_NODE_HOLDS_ARRAY (json_object_get_member (obj, member)));
    }
  return obj;
}

static char *
example (const char *name)
{
  return g_build_filename (g_getenv ("TRIANGULATE_DATA_DIR"), "examples", name, NULL);
}

static void
test_help_version (void)
{
  g_auto(Run) help = { 0 };
  g_auto(Run) version = { 0 };
  g_auto(Run) extract_help = { 0 };

  run_cli (&help, (const char *[]) { "--help", NULL });
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "extract"));

  run_cli (&version, (const char *[]) { "--version", NULL });
  g_assert_cmpint (version.status, ==, 0);
  g_assert_true (g_str_has_prefix (version.out, "triangulate-cli "));

  run_cli (&extract_help, (const char *[]) { "extract", "--help", NULL });
  g_assert_cmpint (extract_help.status, ==, 0);
  g_assert_nonnull (strstr (extract_help.out, "--format"));
}

static void
test_usage_errors (void)
{
  g_auto(Run) none = { 0 };
  g_auto(Run) bogus = { 0 };
  g_auto(Run) nofile = { 0 };
  g_auto(Run) badformat = { 0 };

  run_cli (&none, (const char *[]) { NULL });
  g_assert_cmpint (none.status, ==, 2);
  run_cli (&bogus, (const char *[]) { "frobnicate", NULL });
  g_assert_cmpint (bogus.status, ==, 2);
  run_cli (&nofile, (const char *[]) { "extract", "--json", NULL });
  g_assert_cmpint (nofile.status, ==, 2);
  run_cli (&badformat, (const char *[]) { "extract", "--format", "xml", "x.txt", NULL });
  g_assert_cmpint (badformat.status, ==, 2);
}

static void
test_examples (void)
{
  g_auto(Run) r = { 0 };
  g_autofree char *dir = example ("");
  JsonObject *report;
  JsonArray *articles;

  run_cli (&r, (const char *[]) { "extract", "--json", dir, NULL });
  g_assert_cmpint (r.status, ==, 0);
  report = parse_report (&r);
  articles = json_object_get_array_member (report, "articles");
  g_assert_cmpuint (json_array_get_length (articles), >=, 4);
  for (guint i = 0; i < json_array_get_length (articles); i++)
    {
      JsonObject *a = json_array_get_object_element (articles, i);
      JsonObject *pub = json_object_get_object_member (a, "published");

      g_assert_nonnull (json_object_get_string_member (a, "id"));
      g_assert_true (g_strv_contains ((const char *[]) { "vi", "en", NULL },
                                      json_object_get_string_member (a, "language")));
      g_assert_cmpstr (json_object_get_string_member (pub, "source"), ==, "header");
      g_assert_cmpint (json_object_get_int_member (a, "sentences"), >, 2);
    }
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (report, "errors")), ==, 0);
}

static void
test_bad_file_does_not_stop_others (void)
{
  g_auto(Run) r = { 0 };
  g_autofree char *good = example ("");
  g_autofree char *tmp = NULL;
  g_autofree char *bad = NULL;
  g_autofree char *missing = NULL;
  JsonObject *report;
  JsonArray *errors;

  tmp = g_dir_make_tmp ("tri-cli-XXXXXX", NULL);
  bad = g_build_filename (tmp, "bad.txt", NULL);
  missing = g_build_filename (tmp, "missing.txt", NULL);
  g_file_set_contents (bad, "ok \xC0\xAF overlong\n", -1, NULL);

  run_cli (&r, (const char *[]) { "extract", "--json", "--quiet", bad, missing, good, NULL });
  g_assert_cmpint (r.status, ==, 0);
  report = parse_report (&r);
  errors = json_object_get_array_member (report, "errors");
  g_assert_cmpuint (json_array_get_length (errors), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (errors, 0), "path"), ==, bad);
  g_assert_nonnull (strstr (r.err, bad));
  g_assert_nonnull (strstr (r.err, "UTF-8"));
  g_assert_nonnull (strstr (r.err, missing));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (report, "articles")), >=, 4);

  g_unlink (bad);
  g_rmdir (tmp);
}

static void
test_nothing_readable (void)
{
  g_auto(Run) r = { 0 };

  run_cli (&r, (const char *[]) { "extract", "--json", "/nonexistent/file.txt", NULL });
  g_assert_cmpint (r.status, ==, 1);
  parse_report (&r);
}

/* The seeds of ../shared, when present: five articles, one header date. */
static void
test_seeds (void)
{
  g_autofree char *dir = g_build_filename (g_getenv ("TRIANGULATE_SHARED_DIR"), "corpus", "seeds", NULL);
  g_auto(Run) r = { 0 };
  JsonObject *report;
  JsonArray *articles;

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("../shared is not there");
      return;
    }

  run_cli (&r, (const char *[]) { "extract", "--json", dir, NULL });
  g_assert_cmpint (r.status, ==, 0);
  report = parse_report (&r);
  articles = json_object_get_array_member (report, "articles");
  g_assert_cmpuint (json_array_get_length (articles), ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      JsonObject *a = json_array_get_object_element (articles, i);
      JsonObject *pub = json_object_get_object_member (a, "published");

      if (g_str_has_prefix (json_object_get_string_member (a, "id"), "000_"))
        {
          g_assert_cmpstr (json_object_get_string_member (pub, "value"), ==, "2026-01-19");
          g_assert_cmpstr (json_object_get_string_member (pub, "source"), ==, "header");
        }
      else
        g_assert_cmpstr (json_object_get_string_member (pub, "source"), !=, "header");
      g_assert_cmpstr (json_object_get_string_member (a, "language"), ==, "vi");
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/help-version", test_help_version);
  g_test_add_func ("/cli/usage-errors", test_usage_errors);
  g_test_add_func ("/cli/examples", test_examples);
  g_test_add_func ("/cli/bad-file-does-not-stop-others", test_bad_file_does_not_stop_others);
  g_test_add_func ("/cli/nothing-readable", test_nothing_readable);
  g_test_add_func ("/cli/seeds", test_seeds);

  return g_test_run ();
}
