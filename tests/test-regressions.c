/* test-regressions.c: one test per fuzzing finding (issue 10), each on
 * the input the fuzzer found, kept in tests/fuzz/crashers/<harness>/.
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <triangulate.h>

#include "fuzz/fuzz.h"
#include "tri-entities-private.h"
#include "tri-ingest-private.h"

/* Findings whose fix is in the report of issue 10 and not yet applied to
 * the file that holds the bug: their test runs, and a failure is marked
 * incomplete (TODO) instead of failing the suite. Remove a name once its
 * fix lands; from then on the test guards it like any other. */
static const char *const pending[] = {
  NULL
};

static GBytes *
crasher (const char *harness,
         const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fuzz", "crashers", harness, name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, len);
}

/* squeeze() read out->len after g_steal_pointer (&out) had set out to
 * NULL: argument order decides, and clang's order crashed on every page
 * with a <title> (tri-html.c). */
static void
html_title_squeeze (void)
{
  g_autoptr(GBytes) bytes = crasher ("fuzz-html", "squeeze-null-title.html");
  g_autoptr(GError) error = NULL;
  g_autoptr(TriHtmlPage) page = NULL;
  gsize len;
  const char *html = g_bytes_get_data (bytes, &len);

  page = _tri_html_extract (html, len, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (page);
  g_assert_cmpstr (page->title, ==, "x");
}

/* json-glib quotes the string it could not read, decoded, and a lone
 * "\ud800" decodes to bytes that are not UTF-8: the error put them in the
 * report (tri-json-input.c). */
static void
json_parse_error_utf8 (void)
{
  g_autoptr(GBytes) file = crasher ("fuzz-json", "invalid-utf8-in-parse-error");
  g_autoptr(GBytes) bytes = g_bytes_new_from_bytes (file, 1, g_bytes_get_size (file) - 1);
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = _tri_ingest_json ("x.json", bytes, FALSE, warnings, &error);

  g_assert_null (articles);
  g_assert_error (error, TRI_ERROR, TRI_ERROR_PARSE);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

/* The articles of a fuzz-json crasher read as JSON Lines, as the harness
 * reads it (its first byte picks the format); @bytes: what was read */
static GPtrArray *
json_crasher_articles (const char  *name,
                       GBytes     **bytes)
{
  g_autoptr(GBytes) file = crasher ("fuzz-json", name);
  g_autoptr(GBytes) input = g_bytes_new_from_bytes (file, 1, g_bytes_get_size (file) - 1);
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autoptr(GError) error = NULL;
  GPtrArray *articles = _tri_ingest_json ("x.jsonl", input, TRUE, warnings, &error);

  g_assert_no_error (error);
  g_assert_nonnull (articles);
  if (bytes != NULL)
    *bytes = g_steal_pointer (&input);
  return articles;
}

/* A "\u" not followed by four hex digits added nothing to the text but
 * gave the offset map a byte of it, overlapping the run before: a critical
 * in tri_offset_map_add and offsets off by one after it (tri-json-input.c,
 * decode_string). */
static void
json_bad_u_escape (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) articles = json_crasher_articles ("bad-u-escape-offset-map", &bytes);

  for (guint i = 0; i < articles->len; i++)
    {
      TriArticle *article = g_ptr_array_index (articles, i);
      gsize len;
      const char *text = tri_article_get_text (article, &len);

      g_assert_true (g_utf8_validate_len (text, len, NULL));
      g_assert_cmpuint (tri_article_to_source_offset (article, len, TRUE), <=, g_bytes_get_size (bytes));
    }
}

/* "the next 0 years" was anchored as [reference, reference − 1]: an
 * inverted range of days (tri-time.c, set_duration; fixed by its owner). */
static void
time_zero_duration (void)
{
  static const char *const files[] = { "zero-duration-inverted-days", "zero-duration-inverted-days-vi" };

  for (guint f = 0; f < G_N_ELEMENTS (files); f++)
    {
      g_autoptr(GBytes) bytes = crasher ("fuzz-time", files[f]);
      gsize len;
      const guint8 *data = g_bytes_get_data (bytes, &len);
      g_autofree char *text = g_strndup ((const char *) data + 5, len - 5);
      g_autoptr(GPtrArray) mentions = NULL;

      /* The harness's first five bytes: the reference date and the language. */
      mentions = tri_time_tag (text, -1, data[4] & 1 ? "en" : "vi",
                               data[4] & 1 ? "2024-01-27" : "2026-01-19", FALSE);
      for (guint i = 0; i < mentions->len; i++)
        {
          TriMention *m = g_ptr_array_index (mentions, i);

          g_assert_true ((m->day_first == 0) == (m->day_last == 0));
          g_assert_cmpuint (m->day_first, <=, m->day_last);
        }
    }
}

/* json-glib's scanner reads "\\201" in a string as the byte 0x81, so a
 * title it gave was not UTF-8 (tri-json-input.c, string_member). */
static void
json_octal_escape_title (void)
{
  g_autoptr(GPtrArray) articles = json_crasher_articles ("octal-escape-title-not-utf8", NULL);

  for (guint i = 0; i < articles->len; i++)
    {
      TriArticle *article = g_ptr_array_index (articles, i);
      const char *title = tri_article_get_title (article);

      g_assert_true (title == NULL || g_utf8_validate (title, -1, NULL));
      g_assert_true (g_utf8_validate (tri_article_get_id (article), -1, NULL));
    }
}

/* "q2/00": a quarter of the year 0, outside GDate's calendar, went to
 * g_date_get_days_in_month(): a critical (tri-time.c, days_in_month).
 * The crasher is replayed as fuzz-time reads it: bytes 0–3 the reference
 * day, byte 4 the language and whether the reference is inferred. */
static void
time_year_zero_quarter (void)
{
  static const char *const languages[] = { "vi", "en", NULL, "fr" };
  g_autoptr(GBytes) bytes = crasher ("fuzz-time", "quarter-of-year-zero");
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);
  guint year = ((guint) data[0] << 8 | data[1]) % 10000;
  guint month = data[2] % 12 + 1;
  guint day = data[3] % g_date_get_days_in_month (month, year == 0 ? 2000 : year) + 1;
  g_autofree char *reference = g_strdup_printf ("%04u-%02u-%02u", year, month, day);
  gsize text_len;
  g_autofree char *text = fuzz_text (data + 5, len - 5, &text_len);
  g_autoptr(GPtrArray) mentions = NULL;

  mentions = tri_time_tag (text, text_len, languages[data[4] & 3], year ? reference : NULL,
                           (data[4] >> 2) & 1);
  for (guint i = 0; i < mentions->len; i++)
    {
      TriMention *m = g_ptr_array_index (mentions, i);

      g_assert_true ((m->day_first == 0) == (m->day_last == 0));
    }
}

/* A boilerplate range that held only the spaces between "Mohammed" and
 * "Shia al-Sudani" excluded no token, so the name was found across it
 * (tri-entities.c: the token after such a range is no longer joined). */
static void
gazetteer_name_across_excluded (void)
{
  const char *text = "Thủ tướng Mohammed                                Shia al-Sudani nói.";
  const char *gap = strstr (text, "      ");
  TriSpan excluded = { gap - text + 2, gap - text + 30 };
  g_autoptr(GPtrArray) mentions = NULL;

  mentions = _tri_entities_tag_text (tri_gazetteer_get_default (), text, strlen (text), "vi",
                                     &excluded, 1, TRI_ENTITIES_PLACES | TRI_ENTITIES_ACTORS);
  for (guint i = 0; i < mentions->len; i++)
    {
      TriMention *m = g_ptr_array_index (mentions, i);

      g_assert_true (m->end <= excluded.start || m->start >= excluded.end);
    }
}

/* The small project fuzz-project makes, with a crasher's patches applied
 * (every 4 bytes: a 24-bit offset and a byte), opened as the harness
 * opens it. */
static TriProject *
open_patched_project (const char  *name,
                      char       **dir_out,
                      GError     **error)
{
  static const TriProjectFlags modes[] = {
    TRI_PROJECT_FLAGS_NONE, TRI_PROJECT_READ_ONLY, TRI_PROJECT_WORKING_COPY, TRI_PROJECT_READ_ONLY,
  };
  g_autoptr(GBytes) patches = crasher ("fuzz-project", name);
  const char *text = "date 2026-01-19\n\nHôm 18/1, khoảng 2.500 binh sĩ Mỹ rời căn cứ ở Iraq.\n";
  g_autoptr(GError) local = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tri-regression-XXXXXX", &local);
  g_autofree char *path = g_build_filename (dir, "fuzz.triangulate", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TriProject) project = NULL;
  g_autoptr(GBytes) article = g_bytes_new_static (text, strlen (text));
  g_autoptr(GPtrArray) articles = NULL;
  g_autofree guint8 *contents = NULL;
  gsize len, n_patches;
  const guint8 *p = g_bytes_get_data (patches, &n_patches);

  g_assert_no_error (local);
  project = tri_project_new (file, TRI_PROJECT_FLAGS_NONE, &local);
  g_assert_no_error (local);
  articles = tri_project_add_bytes (project, "/news/a.txt", article, &local);
  g_assert_no_error (local);
  g_assert_true (tri_project_set_note (project, "a", "ghi chú", &local));
  g_assert_true (tri_project_set_verdict (project, "k", "corroborated", &local));
  g_assert_true (tri_project_close (project, &local));
  g_clear_object (&project);

  g_file_get_contents (path, (char **) &contents, &len, &local);
  g_assert_no_error (local);
  for (gsize i = 1; i + 4 <= n_patches; i += 4)
    contents[(((gsize) p[i] << 16) | (p[i + 1] << 8) | p[i + 2]) % len] = p[i + 3];
  g_file_set_contents (path, (const char *) contents, len, &local);
  g_assert_no_error (local);

  *dir_out = g_steal_pointer (&dir);
  return tri_project_open (file, modes[p[0] & 3], NULL, error);
}

/* SQLite's error quoted the damaged schema's SQL, bytes that are not
 * UTF-8, and tri_project_open() put it in its error as it was
 * (tri-project.c). */
static void
project_schema_error_utf8 (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(TriProject) project = open_patched_project ("schema-error-not-utf8", &dir, &error);

  if (project == NULL)
    {
      g_test_message ("%s", error->message);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
    }
}

/* An article whose stored bytes no longer read (a damaged project) was
 * dropped with a g_warning: fatal in tests, unseen by the user. It must be
 * one of the corpus' errors, naming the file (tri-project.c,
 * run_file_job). */
static void
project_unreadable_article (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(TriProject) project = open_patched_project ("stored-article-unreadable-warning", &dir, &error);
  g_autoptr(TriCorpus) corpus = NULL;
  GPtrArray *errors;

  g_assert_no_error (error);
  corpus = tri_project_load_corpus (project, NULL, &error);
  g_assert_no_error (error);
  errors = tri_corpus_get_errors (corpus);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (corpus)) + errors->len, ==, 1);
  if (errors->len == 1)
    g_assert_cmpstr (((TriLoadError *) g_ptr_array_index (errors, 0))->path, ==, "/news/a.txt");
}

/* The cache of extraction results is read from the file: a damaged
 * publication date in it went to tri_article_set_published(), which warns
 * (tri-project.c, restore_analysis). */
static void
project_cached_date (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(TriProject) project = open_patched_project ("cached-published-not-a-date", &dir, &error);
  g_autoptr(TriCorpus) corpus = NULL;

  if (project == NULL)
    return;
  corpus = tri_project_load_corpus (project, NULL, &error);
  g_assert_true (corpus != NULL || error != NULL);
}

/* A decision's text in a damaged file is not always UTF-8, and
 * read_decision() gave it to g_variant_new_string(): a critical
 * (tri-project.c). */
static void
project_decision_text (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(TriProject) project = open_patched_project ("decision-text-not-utf8", &dir, &error);
  g_autofree char *note = NULL;

  if (project == NULL)
    return;
  note = tri_project_dup_note (project, "a");
  g_assert_true (note == NULL || g_utf8_validate (note, -1, NULL));
}

/* A header byte that forbids writing (SQLite's write version) made
 * SQLite refuse the journal-mode change with "attempt to write a readonly
 * database", and the error did not name the file (tri-project.c,
 * open_validated). The file must also be left as it was. */
static void
project_readonly_header (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(TriProject) project = open_patched_project ("readonly-header-error-unnamed", &dir, &error);

  if (project == NULL)
    {
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, "fuzz.triangulate"));
    }
}

/* Runs a test in a child process, so that a crash is reported as a test
 * failure; a failing test whose fix is still pending is marked TODO. */
static void
run_isolated (gconstpointer data)
{
  GTestFunc func = (GTestFunc) data;
  const char *path = g_test_get_path ();

  if (g_test_subprocess ())
    {
      func ();
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  if (!g_test_trap_has_passed () && g_strv_contains (pending, path))
    {
      g_test_incomplete ("the fix is in the report of issue 10 and not applied yet");
      return;
    }
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  /* Working copies of projects go to a folder of this run, never the
   * user's (not G_TEST_OPTION_ISOLATE_DIRS: GLib keeps the strings of each
   * test's folders alive on purpose, which LeakSanitizer reports). */
  if (g_getenv ("TRI_REGRESSIONS_DIR") == NULL)
    {
      g_autofree char *dir = g_dir_make_tmp ("tri-regressions-XXXXXX", NULL);

      g_assert_nonnull (dir);
      g_setenv ("TRI_REGRESSIONS_DIR", dir, TRUE);
      g_setenv ("XDG_DATA_HOME", dir, TRUE);
      g_setenv ("XDG_CACHE_HOME", dir, TRUE);
      g_setenv ("XDG_CONFIG_HOME", dir, TRUE);
      g_setenv ("XDG_STATE_HOME", dir, TRUE);
    }
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/tri/regressions/html/title-squeeze", html_title_squeeze, run_isolated);
  g_test_add_data_func ("/tri/regressions/json/parse-error-utf8", json_parse_error_utf8, run_isolated);
  g_test_add_data_func ("/tri/regressions/json/bad-u-escape", json_bad_u_escape, run_isolated);
  g_test_add_data_func ("/tri/regressions/time/zero-duration", time_zero_duration, run_isolated);
  g_test_add_data_func ("/tri/regressions/json/octal-escape-title", json_octal_escape_title,
                        run_isolated);
  g_test_add_data_func ("/tri/regressions/time/year-zero-quarter", time_year_zero_quarter,
                        run_isolated);
  g_test_add_data_func ("/tri/regressions/gazetteer/name-across-excluded",
                        gazetteer_name_across_excluded, run_isolated);
  g_test_add_data_func ("/tri/regressions/project/schema-error-utf8", project_schema_error_utf8,
                        run_isolated);
  g_test_add_data_func ("/tri/regressions/project/unreadable-article", project_unreadable_article,
                        run_isolated);
  g_test_add_data_func ("/tri/regressions/project/cached-date", project_cached_date, run_isolated);
  g_test_add_data_func ("/tri/regressions/project/decision-text", project_decision_text, run_isolated);
  g_test_add_data_func ("/tri/regressions/project/readonly-header", project_readonly_header,
                        run_isolated);

  return g_test_run ();
}
