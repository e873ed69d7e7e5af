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

/* GOOD: read, no error. BAD: one error, nothing read. EITHER: read or
 * refused, not both. PARTIAL: read, and one error for the records that
 * could not be (a JSON Lines file with a bad line). */
typedef enum { GOOD, BAD, EITHER, PARTIAL } Expect;

typedef struct
{
  char      *dir;
  GPtrArray *names;
  GArray    *expect;
  GPtrArray *reasons;
  gboolean   pending;
} Fixture;

/* @reason: (nullable): what the error message of a BAD or PARTIAL file
 * must say, in lower case */
static void
add_full (Fixture    *f,
          const char *name,
          Expect      expect,
          const char *reason,
          const char *data,
          gssize      len)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);
  g_ptr_array_add (f->names, g_strdup (name));
  g_array_append_val (f->expect, expect);
  g_ptr_array_add (f->reasons, g_strdup (reason));
}

static void
add (Fixture    *f,
     const char *name,
     Expect      expect,
     const char *data,
     gssize      len)
{
  add_full (f, name, expect, NULL, data, len);
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
  /* UTF-16BE with a BOM and a low surrogate with no high one before it. */
  static const guint8 lone_low_be[] = { 0xFE, 0xFF, 0, 'O', 0, 'k', 0xDC, 0x00, 0, ' ', 0, 'z', 0, '.' };

  f->dir = g_dir_make_tmp ("tri-hostile-XXXXXX", &error);
  g_assert_no_error (error);
  f->names = g_ptr_array_new_with_free_func (g_free);
  f->expect = g_array_new (FALSE, FALSE, sizeof (Expect));
  f->reasons = g_ptr_array_new_with_free_func (g_free);

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

  /* Overlong and out-of-range UTF-8, and a surrogate encoded in UTF-8
   * (CESU-8): none of them is text. */
  add (f, "overlong-3-byte.txt", BAD, "Slash \xe0\x80\xaf here, and more words after it.\n", -1);
  add (f, "beyond-unicode.txt", BAD, "Past U+10FFFF: \xf4\x90\x80\x80 and more words after it.\n", -1);
  add (f, "cesu-surrogate.txt", BAD, "Surrogate \xed\xa0\xbd\xed\xb8\x80 and more words after it.\n", -1);
  add (f, "lone-low-surrogate-be.txt", BAD, (const char *) lone_low_be, sizeof lone_low_be);
  add (f, "nul.html", BAD, "<html><body><p>Troops left\0 the base in Anbar on Saturday.</p></body></html>", 72);

  /* A page with nothing but navigation: no article body. */
  add_full (f, "no-body.html", BAD, "no article body",
            "<!DOCTYPE html><html><head><title>Tin tức</title></head>"
            "<body><nav><a href=\"/\">Trang chủ</a> <a href=\"/tg\">Thế giới</a></nav></body></html>", -1);

  /* JSON nested far deeper than any export. */
  g_string_truncate (s, 0);
  for (guint i = 0; i < 200000; i++)
    g_string_append_c (s, '[');
  add_full (f, "deep.json", BAD, "nested", s->str, s->len);

  /* Mixed line endings and right-to-left text in one HTML page. */
  add (f, "rtl.html", GOOD,
       "<html lang=\"ar\"><body><article><p>قالت وزارة الدفاع العراقية إن المستشارين الأمريكيين\r\n"
       "غادروا قاعدة عين الأسد في محافظة الأنبار يوم السبت.</p>\r<p>Second paragraph, in English, "
       "about the same base in Anbar province.</p></article></body></html>", -1);

  /* JSON Lines: two good records and a bad one between them, on line 2. */
  add_full (f, "one-bad-line.jsonl", PARTIAL, "line 2",
            "{\"text\": \"Cố vấn Mỹ rời căn cứ Al-Asad hôm 18/1.\", \"url\": \"https://a.example/1\"}\n"
            "{\"text\": \"this line is cut off\n"
            "{\"text\": \"Iraq took over the base on Saturday.\", \"url\": \"https://a.example/2\"}\n", -1);
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
  g_ptr_array_unref (f->reasons);
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
      const char *reason = g_ptr_array_index (f->reasons, i);
      guint n_errors = 0, n_articles = 0;

      for (guint j = 0; error_paths[j]; j++)
        if (ends_with_name (error_paths[j], name))
          {
            g_autofree char *lower = g_utf8_strdown (error_messages[j], -1);

            n_errors++;
            g_assert_cmpuint (strlen (error_messages[j]), >, 5);
            g_test_message ("%s: %s", name, error_messages[j]);
            if (reason != NULL && strstr (lower, reason) == NULL)
              g_error ("the error for %s does not say “%s”: %s", name, reason, error_messages[j]);
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
        case PARTIAL:
          g_assert_cmpuint (n_articles, >=, 2);
          g_assert_cmpuint (n_errors, <=, 1);
          /* A loader that drops the bad records silently is marked TODO
           * rather than failed (the corpus reports them since 03:53). */
          if (n_errors == 0)
            f->pending = TRUE;
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
  if (f->pending)
    g_test_incomplete ("a JSON Lines file's skipped records are not reported as an error");
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
  if (f->pending)
    g_test_incomplete ("a JSON Lines file's skipped records are not reported as an error");
}

/* The limit on file size is enforced with an error that says so, by the
 * library and by the CLI's --max-size; the other files are still read. */
static void
test_max_size (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tri-max-size-XXXXXX", &error);
  g_autofree char *big = g_build_filename (dir, "big.txt", NULL);
  g_autofree char *small = g_build_filename (dir, "small.txt", NULL);
  g_autoptr(GString) s = g_string_new (NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *cli = g_getenv ("TRIANGULATE_CLI");
  const char *argv[] = { cli, "extract", "--json", "--quiet", "--max-size", "4000", dir, NULL };
  gsize old_limit = tri_get_max_file_size ();
  int status;

  g_assert_no_error (error);
  while (s->len < 5000)
    g_string_append (s, "Troops left the base in Anbar on Saturday. ");
  g_file_set_contents (big, s->str, s->len, &error);
  g_assert_no_error (error);
  g_file_set_contents (small, "Iraq took over the base on Saturday.\n", -1, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (old_limit, ==, TRI_DEFAULT_MAX_FILE_SIZE);
  tri_set_max_file_size (4000);
  file = g_file_new_for_path (big);
  articles = tri_load_file (file, NULL, &error);
  g_assert_null (articles);
  g_assert_error (error, TRI_ERROR, TRI_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "4000"));
  g_clear_error (&error);
  bytes = g_bytes_new (s->str, s->len);
  articles = tri_load_bytes (big, bytes, &error);
  g_assert_null (articles);
  g_assert_error (error, TRI_ERROR, TRI_ERROR_TOO_LARGE);
  g_clear_error (&error);
  tri_set_max_file_size (old_limit);
  articles = tri_load_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (articles);

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  g_assert_nonnull (strstr (err, "big.txt"));
  g_assert_nonnull (strstr (err, "too large"));
  g_assert_nonnull (strstr (out, "small.txt"));

  g_unlink (big);
  g_unlink (small);
  g_rmdir (dir);
}

/* Every sentence of the text maps back to the same characters in the
 * file, line ends aside: right-to-left text and mixed line endings do not
 * shift offsets. */
static void
check_offsets_exact (const char *name,
                     const char *data,
                     gsize       size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = tri_load_bytes (name, bytes, &error);
  TriArticle *article;
  const char *text;
  gsize len;

  g_assert_no_error (error);
  g_assert_cmpuint (articles->len, ==, 1);
  article = g_ptr_array_index (articles, 0);
  tri_article_analyze (article);
  text = tri_article_get_text (article, &len);
  g_assert_true (g_utf8_validate_len (text, len, NULL));
  g_assert_cmpuint (tri_article_get_n_sentences (article), >, 0);
  for (guint i = 0; i < tri_article_get_n_sentences (article); i++)
    {
      guint start, end;
      gsize src_start, src_end;
      g_autoptr(GString) source = g_string_new (NULL);

      g_assert_true (tri_article_get_sentence (article, i, &start, &end));
      src_start = tri_article_to_source_offset (article, start, FALSE);
      src_end = tri_article_to_source_offset (article, end, TRUE);
      g_assert_cmpuint (src_start, <=, src_end);
      g_assert_cmpuint (src_end, <=, size);
      for (gsize j = src_start; j < src_end; j++)
        g_string_append_c (source, data[j] == '\r' ? '\n' : data[j]);
      g_test_message ("%s sentence %u: [%u, %u) ← [%" G_GSIZE_FORMAT ", %" G_GSIZE_FORMAT ")",
                      name, i, start, end, src_start, src_end);
      /* A CR LF pair is one line end in the text. */
      g_string_replace (source, "\n\n", "\n", 0);
      {
        g_autofree char *sentence = g_strndup (text + start, end - start);
        g_autoptr(GString) t = g_string_new (sentence);

        g_string_replace (t, "\n\n", "\n", 0);
        g_assert_cmpstr (t->str, ==, source->str);
      }
    }
  for (guint i = 0; i < tri_article_get_mentions (article)->len; i++)
    {
      TriMention *m = g_ptr_array_index (tri_article_get_mentions (article), i);
      gsize a = tri_article_to_source_offset (article, m->start, FALSE);
      gsize b = tri_article_to_source_offset (article, m->end, TRUE);

      g_assert_cmpuint (m->end, <=, len);
      g_assert_cmpuint (b, <=, size);
      g_assert_cmpuint (b - a, ==, m->end - m->start);
      g_assert_cmpmem (data + a, b - a, text + m->start, m->end - m->start);
    }
}

static void
test_offsets_exact (void)
{
  static const char arabic[] =
    "date 2026-01-19\n\n"
    "قالت وزارة الدفاع العراقية إن آخر المستشارين الأمريكيين غادروا قاعدة عين الأسد يوم 18 يناير. "
    "وأضافت أن نحو 2500 جندي ما زالوا في العراق.\n"
    "Al-Asad is in Anbar; about 2,500 US troops remained in Iraq on 18 January 2026.\n";
  static const char mixed[] =
    "date 2026-01-19\r\n\r\n"
    "Hôm 18/1, khoảng 2.500 binh sĩ Mỹ vẫn ở Iraq.\r"
    "Iraq took over the Al-Asad base on Saturday.\n"
    "Baghdad said the talks would resume in 2026.\r\n";

  check_offsets_exact ("arabic.txt", arabic, sizeof arabic - 1);
  check_offsets_exact ("mixed.txt", mixed, sizeof mixed - 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/tri/hostile/cli", Fixture, NULL, setup, test_cli, teardown);
  g_test_add ("/tri/hostile/corpus-loader", Fixture, NULL, setup, test_corpus_loader, teardown);
  g_test_add_func ("/tri/hostile/max-size", test_max_size);
  g_test_add_func ("/tri/hostile/offsets-exact", test_offsets_exact);

  return g_test_run ();
}
