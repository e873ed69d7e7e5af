/* test-hostile.c: a folder of hostile files through the CLI and the
 * corpus loader the app uses — no crash, one clear error per bad file,
 * every good file read.
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

typedef enum { GOOD, BAD, EITHER } Expect;

typedef struct
{
  char      *dir;
  GPtrArray *names;
  GArray    *expect;
} Fixture;

static void
add (Fixture    *f,
     const char *name,
     Expect      expect,
     const char *data,
     gssize      len)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);
  g_ptr_array_add (f->names, g_strdup (name));
  g_array_append_val (f->expect, expect);
}

static void
add_string (Fixture    *f,
            const char *name,
            Expect      expect,
            GString    *s)
{
  add (f, name, expect, s->str, s->len);
}

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) s = g_string_new (NULL);
  static const guint8 png[] = { 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R', 0, 0, 1, 0 };
  /* UTF-16LE with a BOM and an unpaired high surrogate. */
  static const guint8 lone_surrogate[] = { 0xFF, 0xFE, 'H', 0, 'i', 0, 0x3D, 0xD8, ' ', 0, 'x', 0 };
  static const guint8 odd_utf16[] = { 0xFF, 0xFE, 'H', 0, 'i', 0, '.' };

  f->dir = g_dir_make_tmp ("tri-hostile-XXXXXX", &error);
  g_assert_no_error (error);
  f->names = g_ptr_array_new_with_free_func (g_free);
  f->expect = g_array_new (FALSE, FALSE, sizeof (Expect));

  add (f, "good-vi.txt", GOOD,
       "date 2026-01-19\n\nBộ Quốc phòng Iraq hôm 18/1 cho biết cố vấn Mỹ đã rời căn cứ Al-Asad.\n", -1);
  add (f, "nul-bytes.txt", BAD, "Some text\0with a NUL byte.\n", 27);
  add (f, "invalid-utf8.txt", BAD, "Quân đội \xff\xfe Mỹ.\n", 19);
  add (f, "overlong-utf8.txt", BAD, "Slash \xc0\xaf here.\n", 15);
  add (f, "lone-surrogate.txt", BAD, (const char *) lone_surrogate, sizeof lone_surrogate);
  add (f, "truncated-utf16.txt", BAD, (const char *) odd_utf16, sizeof odd_utf16);
  add (f, "empty.txt", BAD, "", 0);
  add (f, "only-space.txt", BAD, " \n\t\n  \n", 7);
  add (f, "image.txt", BAD, (const char *) png, sizeof png);
  add (f, "mixed-endings.txt", GOOD, "First line.\r\nSecond line.\rThird line.\nFourth.\r\n", 47);
  add (f, "arabic.txt", GOOD,
       "قالت وزارة الدفاع العراقية إن آخر المستشارين الأمريكيين غادروا قاعدة عين الأسد. "
       "Al-Asad is in Anbar.\n", -1);

  /* One line of 4 MB with no full stop: nothing may be quadratic in it. */
  g_string_truncate (s, 0);
  while (s->len < 4 * 1024 * 1024)
    g_string_append (s, "khoảng 2.500 binh sĩ Mỹ ở Iraq hôm 18/1 ");
  add_string (f, "huge-line.txt", GOOD, s);

  /* A million short lines. */
  g_string_truncate (s, 0);
  for (guint i = 0; i < 1000000; i++)
    g_string_append (s, "Dòng.\n");
  add_string (f, "million-lines.txt", GOOD, s);

  /* HTML nested 100,000 deep. */
  g_string_truncate (s, 0);
  g_string_append (s, "<html><body>");
  for (guint i = 0; i < 100000; i++)
    g_string_append (s, "<div>");
  g_string_append (s, "<p>Deep text about troops in Iraq.</p>");
  add_string (f, "deep.html", EITHER, s);

  add (f, "broken.jsonl", EITHER, "{\"text\": \"Good line about Iraq.\"}\n{\"text\": \"unterminated\n", -1);
  add (f, "not-json.json", BAD, "{{{{ this is not json", 21);
  add (f, "good-en.txt", GOOD, "date 2024-01-27\n\nIraq and the United States began talks on Saturday.\n", -1);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  for (guint i = 0; i < f->names->len; i++)
    {
      g_autofree char *path = g_build_filename (f->dir, g_ptr_array_index (f->names, i), NULL);

      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_ptr_array_unref (f->names);
  g_array_unref (f->expect);
  g_free (f->dir);
}

static gboolean
ends_with_name (const char *path,
                const char *name)
{
  g_autofree char *base = g_path_get_basename (path);

  return g_str_equal (base, name);
}

/* Checks the outcome for every file: BAD ones have exactly one error that
 * names them; GOOD ones have an article and no error. */
static void
check (Fixture           *f,
       const char *const *article_paths,
       const char *const *error_paths,
       const char *const *error_messages)
{
  for (guint i = 0; i < f->names->len; i++)
    {
      const char *name = g_ptr_array_index (f->names, i);
      Expect expect = g_array_index (f->expect, Expect, i);
      guint n_errors = 0, n_articles = 0;

      for (guint j = 0; error_paths[j]; j++)
        if (ends_with_name (error_paths[j], name))
          {
            n_errors++;
            g_assert_cmpuint (strlen (error_messages[j]), >, 5);
          }
      for (guint j = 0; article_paths[j]; j++)
        if (ends_with_name (article_paths[j], name))
          n_articles++;

      g_test_message ("%s: %u articles, %u errors", name, n_articles, n_errors);
      switch (expect)
        {
        case GOOD:
          g_assert_cmpuint (n_errors, ==, 0);
          g_assert_cmpuint (n_articles, >=, 1);
          break;
        case BAD:
          g_assert_cmpuint (n_errors, ==, 1);
          g_assert_cmpuint (n_articles, ==, 0);
          break;
        case EITHER:
        default:
          g_assert_cmpuint (n_errors + n_articles, >=, 1);
          break;
        }
    }
}

static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  const char *cli = g_getenv ("TRIANGULATE_CLI");
  const char *argv[] = { cli, "extract", "--json", "--quiet", f->dir, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) article_paths = g_ptr_array_new ();
  g_autoptr(GPtrArray) error_paths = g_ptr_array_new ();
  g_autoptr(GPtrArray) error_messages = g_ptr_array_new ();
  JsonObject *report;
  JsonArray *articles, *errors;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);

  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  report = json_node_get_object (json_parser_get_root (parser));
  articles = json_object_get_array_member (report, "articles");
  errors = json_object_get_array_member (report, "errors");
  for (guint i = 0; i < json_array_get_length (articles); i++)
    g_ptr_array_add (article_paths, (gpointer) json_object_get_string_member (json_array_get_object_element (articles, i), "path"));
  for (guint i = 0; i < json_array_get_length (errors); i++)
    {
      JsonObject *e = json_array_get_object_element (errors, i);

      g_ptr_array_add (error_paths, (gpointer) json_object_get_string_member (e, "path"));
      g_ptr_array_add (error_messages, (gpointer) json_object_get_string_member (e, "message"));
      /* Standard error names the file too. */
      g_assert_nonnull (strstr (err, json_object_get_string_member (e, "path")));
    }
  g_ptr_array_add (article_paths, NULL);
  g_ptr_array_add (error_paths, NULL);
  g_ptr_array_add (error_messages, NULL);
  check (f, (const char *const *) article_paths->pdata, (const char *const *) error_paths->pdata,
         (const char *const *) error_messages->pdata);
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  gboolean *done = user_data;

  g_assert_true (tri_corpus_load_finish (TRI_CORPUS (source), result, NULL));
  *done = TRUE;
}

/* The app reads files through tri_corpus_load_async(). */
static void
test_corpus_loader (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(TriCorpus) corpus = tri_corpus_new ();
  g_autoptr(GFile) dir = g_file_new_for_path (f->dir);
  g_autoptr(GListModel) files = tri_collect_files (&dir, 1, NULL, NULL);
  g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) article_paths = g_ptr_array_new ();
  g_autoptr(GPtrArray) error_paths = g_ptr_array_new ();
  g_autoptr(GPtrArray) error_messages = g_ptr_array_new ();
  GPtrArray *errors;
  gboolean done = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    g_ptr_array_add (array, g_list_model_get_item (files, i));
  tri_corpus_load_async (corpus, (GFile **) array->pdata, array->len, NULL, on_loaded, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (corpus)); i++)
    {
      g_autoptr(TriArticle) article = g_list_model_get_item (G_LIST_MODEL (corpus), i);

      g_ptr_array_add (article_paths, (gpointer) tri_article_get_path (article));
    }
  errors = tri_corpus_get_errors (corpus);
  for (guint i = 0; i < errors->len; i++)
    {
      TriLoadError *e = g_ptr_array_index (errors, i);

      g_ptr_array_add (error_paths, e->path);
      g_ptr_array_add (error_messages, e->message);
    }
  g_ptr_array_add (article_paths, NULL);
  g_ptr_array_add (error_paths, NULL);
  g_ptr_array_add (error_messages, NULL);
  check (f, (const char *const *) article_paths->pdata, (const char *const *) error_paths->pdata,
         (const char *const *) error_messages->pdata);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/tri/hostile/cli", Fixture, NULL, setup, test_cli, teardown);
  g_test_add ("/tri/hostile/corpus-loader", Fixture, NULL, setup, test_corpus_loader, teardown);

  return g_test_run ();
}
