/* test-project.c
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include <triangulate.h>
#include "project-test-util.h"
#include "tri-project-private.h"

/* Test articles, written for these tests. */
static const char article_vi[] =
  "Quân đội Mỹ hoàn tất việc rút lực lượng chiến đấu khỏi Iraq.\n"
  "Ông Nguyễn Văn Bình cho biết khoảng 2.500 binh sĩ vẫn ở lại để huấn luyện.\n"
  "Một đoàn đại biểu từ Đà Nẵng đã theo dõi sự kiện này.\n";
static const char article_en[] =
  "American commanders said on Monday that 2,500 soldiers would remain in Iraq.\n"
  "The advisers will train local forces at two bases.\n";

typedef ProjectFileFixture Fixture;

static char *
checksum_file (const char *path)
{
  g_autofree char *data = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, len);
}

static sqlite3 *
raw_open (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_true (_tri_project_register_tokenizer (db));
  return db;
}

static gint64
raw_int (sqlite3    *db,
         const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 v;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  v = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return v;
}

static char *
raw_text (sqlite3    *db,
          const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *v = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    v = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return v;
}

static void
raw_exec (sqlite3    *db,
          const char *sql)
{
  char *msg = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &msg) != SQLITE_OK)
    g_error ("%s: %s", sql, msg);
}

static TriProject *
new_project (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  TriProject *project = tri_project_new (f->file, TRI_PROJECT_FLAGS_NONE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (project);
  return project;
}

static TriProject *
reopen (Fixture         *f,
        TriProjectFlags  flags)
{
  g_autoptr(GError) error = NULL;
  TriProject *project = tri_project_open (f->file, flags, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (project);
  return project;
}

static void
add_text (TriProject *project,
          const char *path,
          const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GError) error = NULL;

  articles = tri_project_add_bytes (project, path, bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (articles->len, ==, 1);
}

static void
test_schema (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(TriProject) project = new_project (f);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *mode = NULL;
  gsize len;
  sqlite3 *db;

  g_assert_true (tri_project_get_file (project) == f->file);
  g_assert_false (tri_project_get_modified (project));
  g_assert_cmpuint (tri_project_get_n_articles (project), ==, 0);
  g_assert_true (tri_project_close (project, &error));
  g_assert_no_error (error);

  /* "TRI1" at byte 68, where the MIME magic looks. */
  g_assert_true (g_file_get_contents (f->path, &contents, &len, NULL));
  g_assert_cmpuint (len, >=, 100);
  g_assert_cmpmem (contents + 68, 4, "TRI1", 4);

  db = raw_open (f->path);
  g_assert_cmpint (raw_int (db, "PRAGMA application_id"), ==, TRI_PROJECT_APPLICATION_ID);
  g_assert_cmpint (raw_int (db, "PRAGMA user_version"), ==, TRI_PROJECT_SCHEMA_VERSION);
  mode = raw_text (db, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "delete");
  for (guint i = 0; i < 8; i++)
    {
      static const char * const tables[] = {
        "files", "articles", "extraction_cache", "verdicts", "published_dates",
        "hidden_claims", "notes", "view_state",
      };
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM sqlite_schema WHERE name = '%s'",
                                              tables[i]);

      g_assert_cmpint (raw_int (db, sql), ==, 1);
    }
  sqlite3_close (db);

  /* A second "new" never overwrites. */
  g_assert_null (tri_project_new (f->file, TRI_PROJECT_FLAGS_NONE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);

  g_assert_finalize_object (g_steal_pointer (&project));
}

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           guint      *count)
{
  (*count)++;
}

static void
test_decisions (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(TriProject) project = new_project (f);
  g_autoptr(GError) error = NULL;
  g_autofree char *verdict = NULL, *date = NULL, *note = NULL, *name = NULL, *kind = NULL;
  g_autofree char *view = NULL;
  g_auto(GStrv) keys = NULL;
  double lat = 0, lon = 0;
  guint undo_notified = 0;

  g_signal_connect (project, "notify::can-undo", G_CALLBACK (on_notify), &undo_notified);
  g_assert_false (tri_project_get_can_undo (project));
  g_assert_true (tri_project_set_verdict (project, "cluster:troops:2500", "conflicting", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (undo_notified, ==, 1);
  g_assert_true (tri_project_get_can_undo (project));
  g_assert_true (tri_project_set_published (project, "article-1", "2021-12-09", &error));
  g_assert_true (tri_project_set_claim_hidden (project, "claim:article-1:3", TRUE, &error));
  g_assert_true (tri_project_set_note (project, "article-1", "Check against the ministry’s figure.", &error));
  g_assert_true (tri_project_set_place (project, "vn-da-nang-airbase", "Sân bay Đà Nẵng", 16.04, 108.2, &error));
  g_assert_true (tri_project_set_actor (project, "iq-pmf", "Popular Mobilisation Forces", "militia", &error));
  g_assert_true (tri_project_set_view_state (project, "pane", "map", &error));
  g_assert_no_error (error);
  g_assert_false (tri_project_set_place (project, "nowhere", "Nowhere", 95, 0, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_signal_handlers_disconnect_by_data (project, &undo_notified);
  g_assert_true (tri_project_close (project, NULL));
  g_clear_object (&project);

  /* Everything is in the file. */
  project = reopen (f, TRI_PROJECT_FLAGS_NONE);
  verdict = tri_project_dup_verdict (project, "cluster:troops:2500");
  g_assert_cmpstr (verdict, ==, "conflicting");
  date = tri_project_dup_published (project, "article-1");
  g_assert_cmpstr (date, ==, "2021-12-09");
  g_assert_true (tri_project_get_claim_hidden (project, "claim:article-1:3"));
  g_assert_false (tri_project_get_claim_hidden (project, "claim:article-1:4"));
  note = tri_project_dup_note (project, "article-1");
  g_assert_cmpstr (note, ==, "Check against the ministry’s figure.");
  g_assert_true (tri_project_get_place (project, "vn-da-nang-airbase", &name, &lat, &lon));
  g_assert_cmpstr (name, ==, "Sân bay Đà Nẵng");
  g_assert_cmpfloat_with_epsilon (lat, 16.04, 1e-9);
  g_assert_cmpfloat_with_epsilon (lon, 108.2, 1e-9);
  g_clear_pointer (&name, g_free);
  g_assert_true (tri_project_get_actor (project, "iq-pmf", &name, &kind));
  g_assert_cmpstr (name, ==, "Popular Mobilisation Forces");
  g_assert_cmpstr (kind, ==, "militia");
  view = tri_project_dup_view_state (project, "pane");
  g_assert_cmpstr (view, ==, "map");
  keys = tri_project_list_decisions (project, TRI_DECISION_NOTE);
  g_assert_cmpuint (g_strv_length (keys), ==, 1);
  g_assert_cmpuint (tri_project_count_decisions (project, TRI_DECISION_PLACE), ==, 1);

  /* The undo stack belongs to a session. */
  g_assert_false (tri_project_get_can_undo (project));
  g_assert_true (tri_project_set_verdict (project, "cluster:troops:2500", "corroborated", &error));
  g_assert_true (tri_project_set_verdict (project, "cluster:troops:2500", NULL, &error));
  g_assert_null (tri_project_dup_verdict (project, "cluster:troops:2500"));
  g_assert_true (tri_project_undo (project, &error));
  g_clear_pointer (&verdict, g_free);
  verdict = tri_project_dup_verdict (project, "cluster:troops:2500");
  g_assert_cmpstr (verdict, ==, "corroborated");
  g_assert_true (tri_project_undo (project, &error));
  g_clear_pointer (&verdict, g_free);
  verdict = tri_project_dup_verdict (project, "cluster:troops:2500");
  g_assert_cmpstr (verdict, ==, "conflicting");
  g_assert_false (tri_project_get_can_undo (project));
  g_assert_true (tri_project_get_can_redo (project));
  g_assert_false (tri_project_undo (project, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_true (tri_project_redo (project, &error));
  g_clear_pointer (&verdict, g_free);
  verdict = tri_project_dup_verdict (project, "cluster:troops:2500");
  g_assert_cmpstr (verdict, ==, "corroborated");
  /* A new decision drops what could be redone. */
  g_assert_true (tri_project_set_claim_hidden (project, "claim:article-1:3", FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (tri_project_get_can_redo (project));
  g_assert_true (tri_project_undo (project, &error));
  g_assert_true (tri_project_get_claim_hidden (project, "claim:article-1:3"));

  g_assert_finalize_object (g_steal_pointer (&project));
}

static void
test_articles (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(TriProject) project = new_project (f);
  g_autoptr(TriCorpus) corpus = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static (article_vi, strlen (article_vi));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) again = NULL;
  TriArticle *a, *b;
  guint n_cached;
  sqlite3 *db;

  add_text (project, "/news/rut-quan.txt", article_vi);
  add_text (project, "/news/troops.txt", article_en);
  /* The same bytes twice are refused; another file with the same name gets
   * another id. */
  again = tri_project_add_bytes (project, "/elsewhere/copy.txt", bytes, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_assert_null (again);
  g_clear_error (&error);
  add_text (project, "/other/troops.txt", "A different text about the bases, in English.\n");
  g_assert_cmpuint (tri_project_get_n_articles (project), ==, 3);
  g_assert_cmpuint (tri_project_get_n_files (project), ==, 3);
  n_cached = tri_project_get_n_cached (project);
  g_assert_cmpuint (n_cached, ==, 3);
  g_assert_true (tri_project_set_published (project, "troops", "2021-12-13", &error));
  g_assert_true (tri_project_close (project, NULL));
  g_clear_object (&project);

  project = reopen (f, TRI_PROJECT_READ_ONLY);
  corpus = tri_project_load_corpus (project, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (corpus)), ==, 3);
  a = tri_corpus_lookup (corpus, "rut-quan");
  g_assert_nonnull (a);
  g_assert_cmpstr (tri_article_get_text (a, NULL), ==, article_vi);
  b = tri_corpus_lookup (corpus, "troops");
  g_assert_nonnull (b);
  g_assert_cmpstr (tri_article_get_published (b), ==, "2021-12-13");
  g_assert_cmpint (tri_article_get_published_source (b), ==, TRI_DATE_SOURCE_USER);
  g_assert_nonnull (tri_corpus_lookup (corpus, "troops~2"));
  g_assert_finalize_object (g_steal_pointer (&corpus));
  g_assert_true (tri_project_close (project, NULL));
  g_clear_object (&project);

  /* Results of another version are thrown away, then recomputed. */
  db = raw_open (f->path);
  raw_exec (db, "UPDATE extraction_cache SET version = '0.0.1/1';"
                "UPDATE meta SET value = '0.0.1/1' WHERE key = 'cache'");
  sqlite3_close (db);
  project = reopen (f, TRI_PROJECT_READ_ONLY);
  g_assert_cmpuint (tri_project_get_n_cached (project), ==, 0);
  g_clear_object (&project);
  project = reopen (f, TRI_PROJECT_FLAGS_NONE);
  g_assert_cmpuint (tri_project_get_n_cached (project), ==, 0);
  db = raw_open (f->path);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM extraction_cache"), ==, 0);
  sqlite3_close (db);
  corpus = tri_project_load_corpus (project, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (corpus)), ==, 3);
  g_assert_cmpuint (tri_project_get_n_cached (project), ==, n_cached);
  g_assert_finalize_object (g_steal_pointer (&corpus));
  g_assert_finalize_object (g_steal_pointer (&project));
}

static GPtrArray *
search (TriProject *project,
        const char *query)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *hits = tri_project_search (project, query, 10, &error);

  g_assert_no_error (error);
  g_assert_nonnull (hits);
  return hits;
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(TriProject) project = new_project (f);
  static const char * const vietnamese[] = {
    "nguyen", "da nang", "quan doi", "Đà Nẵng", "ĐÀ NẴNG", "\"da nang\"", "nguyễn", "binh si",
  };

  add_text (project, "/news/rut-quan.txt", article_vi);
  add_text (project, "/news/troops.txt", article_en);

  for (guint i = 0; i < G_N_ELEMENTS (vietnamese); i++)
    {
      g_autoptr(GPtrArray) hits = search (project, vietnamese[i]);
      const TriSearchHit *hit;

      g_test_message ("query %s", vietnamese[i]);
      g_assert_cmpuint (hits->len, ==, 1);
      hit = g_ptr_array_index (hits, 0);
      g_assert_cmpstr (hit->article, ==, "rut-quan");
      g_assert_nonnull (strchr (hit->snippet, '['));
    }

  {
    g_autoptr(GPtrArray) hits = search (project, "da nang");
    const TriSearchHit *hit = g_ptr_array_index (hits, 0);

    /* The snippet keeps the real letters. */
    g_assert_nonnull (strstr (hit->snippet, "[Đà] [Nẵng]"));
  }
  {
    g_autoptr(GPtrArray) hits = search (project, "soldiers iraq");

    g_assert_cmpuint (hits->len, ==, 1);
    g_assert_cmpstr (((TriSearchHit *) g_ptr_array_index (hits, 0))->article, ==, "troops");
  }
  {
    g_autoptr(GPtrArray) hits = search (project, "iraq");

    g_assert_cmpuint (hits->len, ==, 2);
  }
  {
    /* FTS operators are words here, and nothing is injected. */
    g_autoptr(GPtrArray) hits = search (project, "NOT \"da OR *");

    g_assert_cmpuint (hits->len, ==, 0);
  }
  {
    g_autoptr(GPtrArray) hits = search (project, "   ");

    g_assert_cmpuint (hits->len, ==, 0);
  }

  g_assert_finalize_object (g_steal_pointer (&project));
}

static void
test_migration (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TriProject) project = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(TriCorpus) corpus = NULL;
  g_autofree char *backups = g_build_filename (g_get_user_data_dir (), "triangulate", "backups", NULL);
  g_autofree char *sum = NULL, *sum_after = NULL;
  g_autoptr(GDir) dir = NULL;
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db;

  /* A file as the first version wrote it, with one article and a note. */
  g_assert_true (_tri_project_create_with_schema (f->path, 1, &error));
  g_assert_no_error (error);
  db = raw_open (f->path);
  g_assert_cmpint (raw_int (db, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM sqlite_schema WHERE name = 'article_text'"), ==, 0);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO files (id, path, original, sha256, added)"
                                           " VALUES (1, '/news/rut-quan.txt', ?1, 'x', 0)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_blob (stmt, 1, article_vi, strlen (article_vi), SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  raw_exec (db, "INSERT INTO articles (article_id, file_id, position, added) VALUES ('rut-quan', 1, 0, 0);"
                "INSERT INTO notes (target, text, changed) VALUES ('rut-quan', 'ghi chú', 0)");
  sqlite3_close (db);
  sum = checksum_file (f->path);

  /* Read-only: served as it is, not migrated. */
  project = reopen (f, TRI_PROJECT_READ_ONLY);
  g_assert_null (tri_project_search (project, "nguyen", 0, &error));
  g_assert_error (error, TRI_ERROR, TRI_ERROR_PROJECT);
  g_clear_error (&error);
  g_clear_object (&project);
  sum_after = checksum_file (f->path);
  g_assert_cmpstr (sum, ==, sum_after);

  project = reopen (f, TRI_PROJECT_FLAGS_NONE);
  hits = search (project, "da nang");
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpstr (((TriSearchHit *) g_ptr_array_index (hits, 0))->article, ==, "rut-quan");
  g_assert_true (tri_project_get_modified (project) == FALSE);
  {
    g_autofree char *note = tri_project_dup_note (project, "rut-quan");

    g_assert_cmpstr (note, ==, "ghi chú");
  }
  corpus = tri_project_load_corpus (project, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (corpus)), ==, 1);
  g_assert_cmpuint (tri_project_get_n_cached (project), ==, 1);
  g_assert_finalize_object (g_steal_pointer (&corpus));
  g_assert_finalize_object (g_steal_pointer (&project));

  db = raw_open (f->path);
  g_assert_cmpint (raw_int (db, "PRAGMA user_version"), ==, TRI_PROJECT_SCHEMA_VERSION);
  sqlite3_close (db);

  /* The file as it was before the migration is kept. */
  dir = g_dir_open (backups, 0, &error);
  g_assert_no_error (error);
  {
    const char *name = g_dir_read_name (dir);
    g_autofree char *path = NULL;

    g_assert_nonnull (name);
    g_assert_true (g_str_has_prefix (name, "study.triangulate.v1-"));
    path = g_build_filename (backups, name, NULL);
    db = raw_open (path);
    g_assert_cmpint (raw_int (db, "PRAGMA user_version"), ==, 1);
    g_assert_cmpint (raw_int (db, "SELECT count(*) FROM articles"), ==, 1);
    sqlite3_close (db);
  }
}

/* Writes a project with enough articles for several pages. */
static void
make_full_project (Fixture *f)
{
  g_autoptr(TriProject) project = new_project (f);

  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *path = g_strdup_printf ("/news/%u.txt", i);
      g_autofree char *text = g_strdup_printf ("%sBài viết số %u.\n", article_vi, i);

      add_text (project, path, text);
    }
  g_assert_true (tri_project_set_note (project, "0", "first", NULL));
  g_assert_true (tri_project_close (project, NULL));
}

static void
assert_refused (Fixture    *f,
                const char *expect)
{
  g_autofree char *before = checksum_file (f->path);
  g_autofree char *after = NULL;
  g_autofree char *journal = g_strconcat (f->path, "-journal", NULL);
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  static const TriProjectFlags modes[] = {
    TRI_PROJECT_FLAGS_NONE, TRI_PROJECT_READ_ONLY, TRI_PROJECT_WORKING_COPY,
  };

  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TriProject) project = tri_project_open (f->file, modes[i], NULL, &error);

      g_assert_null (project);
      g_assert_error (error, TRI_ERROR, TRI_ERROR_PROJECT);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, expect));
      g_assert_nonnull (strstr (error->message, f->path));
    }
  after = checksum_file (f->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));

  /* No working copy is left behind. */
  {
    g_autoptr(GPtrArray) left = tri_project_list_recoverable ();
    g_autofree char *working = g_build_filename (g_get_user_data_dir (), "triangulate", "working", NULL);
    g_autoptr(GDir) dir = g_dir_open (working, 0, NULL);

    g_assert_cmpuint (left->len, ==, 0);
    g_assert_null (dir ? g_dir_read_name (dir) : NULL);
  }
}

static void
rewrite (const char *path,
         gsize       offset,
         const char *data,
         gsize       len)
{
  FILE *fp = g_fopen (path, "r+b");

  g_assert_nonnull (fp);
  g_assert_cmpint (fseek (fp, offset, SEEK_SET), ==, 0);
  g_assert_cmpuint (fwrite (data, 1, len, fp), ==, len);
  fclose (fp);
}

static void
test_refuse_corrupt (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *garbage = g_malloc (4096);
  sqlite3 *db;
  gint64 page_size;

  make_full_project (f);
  db = raw_open (f->path);
  page_size = raw_int (db, "PRAGMA page_size");
  g_assert_cmpint (raw_int (db, "PRAGMA page_count"), >, 4);
  sqlite3_close (db);

  /* Scribble over the third page: a b-tree page. */
  memset (garbage, 0x5a, 4096);
  rewrite (f->path, page_size * 2 + 8, garbage, MIN (page_size - 8, 4096));
  assert_refused (f, "damaged");
}

static void
test_refuse_truncated (Fixture       *f,
                       gconstpointer  data)
{
  GStatBuf st;

  make_full_project (f);
  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (truncate (f->path, st.st_size / 2), ==, 0);
  assert_refused (f, "truncated");

  g_assert_cmpint (truncate (f->path, 60), ==, 0);
  assert_refused (f, "truncated");
}

static void
put_be32 (guchar  *p,
          guint32  v)
{
  p[0] = v >> 24;
  p[1] = v >> 16;
  p[2] = v >> 8;
  p[3] = v;
}

/* A process killed while committing can leave page 1 (with the new page
 * count) written before the pages that extend the file, next to the hot
 * journal that undoes it. Such a file is not truncated: SQLite rolls it
 * back on open. Build that state by hand: a rollback journal holding the
 * original page 1, and a page 1 claiming five more pages than the file has. */
static void
test_hot_journal (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(TriProject) project = NULL;
  g_autofree char *journal = g_strconcat (f->path, "-journal", NULL);
  g_autofree char *before = NULL;
  g_autofree guchar *page = NULL;
  g_autoptr(GError) error = NULL;
  const guint32 sector = 512, nonce = 0x1234567;
  guint32 page_size, n_pages, cksum;
  g_autoptr(GByteArray) log = g_byte_array_new ();
  guchar head[28] = { 0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7 };
  guchar word[4];
  sqlite3 *db;
  FILE *fp;

  make_full_project (f);
  db = raw_open (f->path);
  page_size = raw_int (db, "PRAGMA page_size");
  n_pages = raw_int (db, "PRAGMA page_count");
  sqlite3_close (db);
  before = checksum_file (f->path);

  page = g_malloc (page_size);
  fp = g_fopen (f->path, "rb");
  g_assert_nonnull (fp);
  g_assert_cmpuint (fread (page, 1, page_size, fp), ==, page_size);
  fclose (fp);

  /* Journal header (one sector), then one record: page number, the
   * original page and SQLite's sparse checksum of it. */
  put_be32 (head + 8, 1);
  put_be32 (head + 12, nonce);
  put_be32 (head + 16, n_pages);
  put_be32 (head + 20, sector);
  put_be32 (head + 24, page_size);
  g_byte_array_append (log, head, sizeof head);
  g_byte_array_set_size (log, sector);
  memset (log->data + sizeof head, 0, sector - sizeof head);
  put_be32 (word, 1);
  g_byte_array_append (log, word, 4);
  g_byte_array_append (log, page, page_size);
  cksum = nonce;
  for (gint i = page_size - 200; i > 0; i -= 200)
    cksum += page[i];
  put_be32 (word, cksum);
  g_byte_array_append (log, word, 4);
  g_assert_true (g_file_set_contents (journal, (const char *) log->data, log->len, NULL));

  put_be32 (word, n_pages + 5);
  rewrite (f->path, 28, (const char *) word, 4);

  project = tri_project_open (f->file, TRI_PROJECT_FLAGS_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (project);
  g_assert_true (tri_project_close (project, NULL));
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
  {
    g_autofree char *after = checksum_file (f->path);

    g_assert_cmpstr (before, ==, after);
  }

  /* Without the journal the same header is damage. */
  rewrite (f->path, 28, (const char *) word, 4);
  assert_refused (f, "truncated");
}

static void
test_refuse_foreign (Fixture       *f,
                     gconstpointer  data)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  raw_exec (db, "PRAGMA application_id = 1196444237;"  /* "GPKG" */
                "CREATE TABLE gpkg_contents (table_name TEXT)");
  sqlite3_close (db);
  assert_refused (f, "another application");

  /* An SQLite file with no application id is foreign too. */
  g_unlink (f->path);
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  raw_exec (db, "CREATE TABLE t (x)");
  sqlite3_close (db);
  assert_refused (f, "another application");

  /* Not SQLite at all, or nothing. */
  g_assert_true (g_file_set_contents (f->path, "Quân đội Mỹ\n", -1, NULL));
  assert_refused (f, "not an SQLite database");
  g_assert_true (g_file_set_contents (f->path, "", 0, NULL));
  assert_refused (f, "empty");
}

static void
test_refuse_newer (Fixture       *f,
                   gconstpointer  data)
{
  sqlite3 *db;

  make_full_project (f);
  db = raw_open (f->path);
  raw_exec (db, "PRAGMA user_version = 99");
  sqlite3_close (db);
  assert_refused (f, "newer version");
}

static void
test_refuse_read_only (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TriProject) project = NULL;
  g_autofree char *before = NULL, *after = NULL;
  g_autofree char *note = NULL;

  make_full_project (f);
  g_assert_cmpint (g_chmod (f->path, 0444), ==, 0);
  before = checksum_file (f->path);

  project = tri_project_open (f->file, TRI_PROJECT_FLAGS_NONE, NULL, &error);
  g_assert_null (project);
  g_assert_error (error, TRI_ERROR, TRI_ERROR_PROJECT);
  g_assert_nonnull (strstr (error->message, "read-only"));
  g_clear_error (&error);

  /* Read-only mode reads it, and refuses every change. */
  project = reopen (f, TRI_PROJECT_READ_ONLY);
  g_assert_cmpuint (tri_project_get_n_articles (project), ==, 20);
  note = tri_project_dup_note (project, "0");
  g_assert_cmpstr (note, ==, "first");
  g_assert_false (tri_project_set_note (project, "0", "second", &error));
  g_assert_error (error, TRI_ERROR, TRI_ERROR_PROJECT);
  g_clear_error (&error);
  g_assert_finalize_object (g_steal_pointer (&project));

  after = checksum_file (f->path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_working_copy (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(TriProject) project = NULL;
  g_autoptr(TriProject) direct = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) recoverable = NULL;
  g_autofree char *before = NULL, *after = NULL, *note = NULL;
  g_autofree char *copy_path = g_build_filename (f->dir, "copy.triangulate", NULL);
  g_autoptr(GFile) copy = g_file_new_for_path (copy_path);
  GFile *working;

  make_full_project (f);
  before = checksum_file (f->path);

  project = reopen (f, TRI_PROJECT_WORKING_COPY);
  working = _tri_project_get_working_file (project);
  g_assert_nonnull (working);
  g_assert_false (g_file_equal (working, f->file));
  g_assert_false (tri_project_get_modified (project));
  g_assert_true (tri_project_set_note (project, "0", "changed in the copy", &error));
  g_assert_no_error (error);
  g_assert_true (tri_project_get_modified (project));
  add_text (project, "/news/troops.txt", article_en);

  /* The user's file is untouched until saved. */
  after = checksum_file (f->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_true (tri_project_save (project, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (tri_project_get_modified (project));

  direct = reopen (f, TRI_PROJECT_READ_ONLY);
  note = tri_project_dup_note (direct, "0");
  g_assert_cmpstr (note, ==, "changed in the copy");
  g_assert_cmpuint (tri_project_get_n_articles (direct), ==, 21);
  g_clear_object (&direct);
  {
    sqlite3 *db = raw_open (f->path);
    g_autofree char *mode = raw_text (db, "PRAGMA journal_mode");

    g_assert_cmpstr (mode, ==, "delete");
    sqlite3_close (db);
  }

  /* Someone else changed the file: saving over it is refused. */
  g_assert_true (tri_project_set_note (project, "1", "second", &error));
  {
    g_autoptr(TriProject) other = reopen (f, TRI_PROJECT_FLAGS_NONE);

    g_usleep (50 * 1000);
    g_assert_true (tri_project_set_note (other, "2", "from the command line", &error));
  }
  g_assert_false (tri_project_save (project, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  g_clear_error (&error);

  /* Save as: a new file, which the project now saves to. */
  g_assert_true (tri_project_save_as (project, copy, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_equal (tri_project_get_file (project), copy));
  g_assert_false (tri_project_get_modified (project));

  /* Closed with changes: the working copy can be recovered. */
  g_assert_true (tri_project_set_note (project, "3", "unsaved", &error));
  g_assert_true (tri_project_close (project, &error));
  g_assert_finalize_object (g_steal_pointer (&project));
  recoverable = tri_project_list_recoverable ();
  g_assert_cmpuint (recoverable->len, ==, 1);
  project = tri_project_recover (g_ptr_array_index (recoverable, 0), &error);
  g_assert_no_error (error);
  g_assert_true (g_file_equal (tri_project_get_file (project), copy));
  g_assert_true (tri_project_get_modified (project));
  g_clear_pointer (&note, g_free);
  note = tri_project_dup_note (project, "3");
  g_assert_cmpstr (note, ==, "unsaved");
  g_assert_true (tri_project_save (project, NULL, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (g_steal_pointer (&project));
  g_clear_pointer (&recoverable, g_ptr_array_unref);
  recoverable = tri_project_list_recoverable ();
  g_assert_cmpuint (recoverable->len, ==, 0);

  /* Untitled. */
  project = tri_project_new (NULL, TRI_PROJECT_WORKING_COPY, &error);
  g_assert_no_error (error);
  g_assert_null (tri_project_get_file (project));
  g_assert_true (tri_project_get_modified (project));
  g_assert_false (tri_project_save (project, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED);
  g_clear_error (&error);
  g_assert_true (tri_project_close (project, NULL));
  g_assert_finalize_object (g_steal_pointer (&project));
  g_clear_pointer (&recoverable, g_ptr_array_unref);
  recoverable = tri_project_list_recoverable ();
  g_assert_cmpuint (recoverable->len, ==, 1);
  g_assert_true (tri_project_discard_recoverable (g_ptr_array_index (recoverable, 0), &error));
  g_clear_pointer (&recoverable, g_ptr_array_unref);
  recoverable = tri_project_list_recoverable ();
  g_assert_cmpuint (recoverable->len, ==, 0);
}

static void
on_async (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* tri_project_load_corpus_async(), waited for */
static TriCorpus *
load_corpus_async (TriProject *project)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  TriCorpus *corpus;

  tri_project_load_corpus_async (project, NULL, on_async, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  corpus = tri_project_load_corpus_finish (project, result, &error);
  g_assert_no_error (error);
  return corpus;
}

static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(TriProject) project = NULL;
  g_autoptr(TriCorpus) corpus = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *copy_path = g_build_filename (f->dir, "saved-as.triangulate", NULL);
  g_autoptr(GFile) copy = g_file_new_for_path (copy_path);
  GAsyncResult *result = NULL;

  make_full_project (f);
  tri_project_open_async (f->file, TRI_PROJECT_WORKING_COPY, NULL, on_async, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  project = tri_project_open_finish (result, &error);
  g_assert_no_error (error);
  g_clear_object (&result);

  corpus = load_corpus_async (project);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (corpus)), ==, 20);

  tri_project_save_as_async (project, copy, NULL, on_async, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (tri_project_save_as_finish (project, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_true (g_file_equal (tri_project_get_file (project), copy));
  g_assert_finalize_object (g_steal_pointer (&project));

  project = tri_project_open (copy, TRI_PROJECT_READ_ONLY, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tri_project_get_n_articles (project), ==, 20);
  g_assert_finalize_object (g_steal_pointer (&project));
  g_assert_finalize_object (g_steal_pointer (&corpus));
}

/* Adding on worker threads, with a connection of their own, while this
 * thread records decisions in the same working copy. */
static void
test_add_files_async (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(TriProject) project = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) added = NULL;
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *broken = g_build_filename (f->dir, "broken.txt", NULL);
  GAsyncResult *result = NULL;
  guint n_decisions = 0;

  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s/a%02u.txt", f->dir, i);
      g_autofree char *text = g_strdup_printf ("Report %u\n\nOn %u March 2021 officials said %u soldiers "
                                               "would remain in Baghdad.\n", i, 1 + i % 28, 100 + i);

      g_assert_true (g_file_set_contents (name, text, -1, NULL));
      g_ptr_array_add (files, g_file_new_for_path (name));
    }
  g_assert_true (g_file_set_contents (broken, "Bad \xff byte\n", -1, NULL));
  g_ptr_array_add (files, g_file_new_for_path (broken));

  project = tri_project_new (f->file, TRI_PROJECT_WORKING_COPY, &error);
  g_assert_no_error (error);
  g_assert_true (tri_project_save (project, NULL, &error));
  g_assert_false (tri_project_get_modified (project));
  tri_project_add_files_async (project, (GFile **) files->pdata, files->len, NULL, on_async, &result);
  while (result == NULL)
    {
      g_autofree char *key = g_strdup_printf ("a%02u#1", n_decisions);

      g_assert_true (tri_project_set_verdict (project, key, "corroborated", &error));
      g_assert_no_error (error);
      n_decisions++;
      g_main_context_iteration (NULL, FALSE);
    }
  added = tri_project_add_files_finish (project, result, &errors, &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpuint (added->len, ==, 40);
  g_assert_cmpuint (errors->len, ==, 1);
  g_assert_cmpuint (tri_project_get_n_articles (project), ==, 40);
  g_assert_cmpuint (tri_project_count_decisions (project, TRI_DECISION_VERDICT), ==, n_decisions);
  /* The articles are the working copy's changes too. */
  g_assert_true (tri_project_get_modified (project));
  g_unlink (broken);

  /* Articles read and analysed already are stored as they are; a file
   * that is in the project already is skipped. */
  {
    g_autoptr(TriCorpus) corpus = tri_corpus_new ();
    g_autoptr(GPtrArray) stored = NULL;
    g_autoptr(GFile) working = g_object_ref (tri_project_get_working_copy (project));
    g_autofree char *name = g_build_filename (f->dir, "b00.txt", NULL);
    GFile *both[2];

    g_assert_true (g_file_set_contents (name, "Report B\n\nOn 2 May 2022 officials said 300 soldiers "
                                        "left Erbil.\n", -1, NULL));
    both[0] = g_ptr_array_index (files, 0);
    both[1] = g_file_new_for_path (name);
    g_assert_true (tri_corpus_load (corpus, both, 2, NULL, &error));
    g_object_unref (both[1]);
    tri_project_add_articles_async (project, tri_corpus_get_articles (corpus), NULL, on_async, &result);
    while (result == NULL)
      g_main_context_iteration (NULL, TRUE);
    stored = tri_project_add_files_finish (project, result, NULL, &error);
    g_assert_no_error (error);
    g_clear_object (&result);
    g_assert_cmpuint (stored->len, ==, 1);
    g_assert_true (g_ptr_array_index (stored, 0) == tri_corpus_lookup (corpus, "b00"));
    g_assert_cmpuint (tri_project_get_n_articles (project), ==, 41);
    g_assert_cmpuint (tri_project_get_n_cached (project), ==, 41);

    g_assert_true (tri_project_close (project, &error));
    g_assert_true (tri_project_discard_recoverable (working, &error));
    g_assert_no_error (error);
  }
}

static void
on_exited (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  gboolean *exited = user_data;

  g_assert_true (g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL));
  *exited = TRUE;
}

/* The command line adds articles while this process records decisions in
 * the same file. */
static void
test_concurrent (Fixture       *f,
                 gconstpointer  data)
{
  const char *cli = g_getenv ("TRIANGULATE_CLI");
  g_autoptr(TriProject) project = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GStrvBuilder) argv_builder = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;
  g_autofree char *folder = g_build_filename (f->dir, "articles", NULL);
  guint n_decisions = 0;
  gboolean exited = FALSE;
  sqlite3 *db;

  if (cli == NULL)
    {
      g_test_skip ("TRIANGULATE_CLI is not set");
      return;
    }

  g_mkdir (folder, 0755);
  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s/bai-%02u.txt", folder, i);
      g_autofree char *text = g_strdup_printf ("%sĐây là bài số %u.\n", article_vi, i);

      g_assert_true (g_file_set_contents (name, text, -1, NULL));
    }
  project = new_project (f);

  g_strv_builder_add_many (argv_builder, cli, "project", "add", f->path, folder, NULL);
  argv = g_strv_builder_end (argv_builder);
  proc = g_subprocess_newv ((const char * const *) argv, G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);

  g_subprocess_wait_async (proc, NULL, on_exited, &exited);
  while (!exited || n_decisions < 50)
    {
      g_autofree char *key = g_strdup_printf ("cluster:%u", n_decisions);

      g_assert_true (tri_project_set_verdict (project, key, "conflicting", &error));
      g_assert_no_error (error);
      n_decisions++;
      g_main_context_iteration (NULL, FALSE);
      /* A fast researcher, not a tight loop: one writer that never lets
       * go of the lock starves the other past its busy timeout. */
      g_usleep (2000);
      if (n_decisions > 100000)
        break;
    }
  {
    g_autoptr(GBytes) err = NULL;

    g_subprocess_communicate (proc, NULL, NULL, NULL, &err, &error);
    g_assert_no_error (error);
    g_test_message ("%.*s", (int) g_bytes_get_size (err), (const char *) g_bytes_get_data (err, NULL));
  }
  g_assert_cmpint (g_subprocess_get_exit_status (proc), ==, 0);
  g_test_message ("%u decisions while the CLI added 60 files", n_decisions);

  g_assert_cmpuint (tri_project_get_n_articles (project), ==, 60);
  g_assert_cmpuint (tri_project_count_decisions (project, TRI_DECISION_VERDICT), ==, n_decisions);
  g_assert_true (tri_project_close (project, NULL));

  db = raw_open (f->path);
  {
    g_autofree char *check = raw_text (db, "PRAGMA integrity_check");

    g_assert_cmpstr (check, ==, "ok");
  }
  sqlite3_close (db);
}

static char *
report_of (TriProject *project)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TriCorpus) corpus = tri_project_load_corpus (project, NULL, &error);

  g_assert_no_error (error);
  tri_corpus_cross_reference (corpus);
  return tri_report_to_json (corpus, TRUE, NULL);
}

/* What the cache gives back is what analysis finds, on real pages. */
static void
test_cache_fidelity (Fixture       *f,
                     gconstpointer  data)
{
  const char *shared = g_getenv ("TRIANGULATE_SHARED_DIR");
  g_autofree char *seeds = shared ? g_build_filename (shared, "corpus", "seeds", NULL) : NULL;
  g_autoptr(TriProject) project = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) added = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *cached = NULL, *fresh = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  sqlite3 *db;

  if (seeds == NULL || !g_file_test (seeds, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("TRIANGULATE_SHARED_DIR has no corpus/seeds");
      return;
    }
  dir = g_dir_open (seeds, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".txt"))
      {
        g_autofree char *path = g_build_filename (seeds, name, NULL);

        g_ptr_array_add (files, g_file_new_for_path (path));
      }
  g_assert_cmpuint (files->len, >, 0);

  project = new_project (f);
  added = tri_project_add_files (project, (GFile **) files->pdata, files->len, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tri_project_get_n_cached (project), ==, added->len);
  g_clear_object (&project);

  project = reopen (f, TRI_PROJECT_READ_ONLY);
  cached = report_of (project);
  g_clear_object (&project);

  db = raw_open (f->path);
  raw_exec (db, "UPDATE meta SET value = 'older' WHERE key = 'cache'");
  sqlite3_close (db);
  project = reopen (f, TRI_PROJECT_FLAGS_NONE);
  g_assert_cmpuint (tri_project_get_n_cached (project), ==, 0);
  fresh = report_of (project);
  g_assert_cmpuint (tri_project_get_n_cached (project), ==, added->len);
  if (g_strcmp0 (cached, fresh) != 0)
    {
      g_auto(GStrv) a = g_strsplit (cached, "\n", -1);
      g_auto(GStrv) b = g_strsplit (fresh, "\n", -1);
      guint i;

      for (i = 0; a[i] && b[i] && g_str_equal (a[i], b[i]); i++)
        ;
      g_test_message ("line %u: cached %s, analysed %s", i + 1, a[i] ? a[i] : "(end)",
                      b[i] ? b[i] : "(end)");
      g_test_fail_printf ("the report from the cache differs from a fresh analysis");
      return;
    }
  g_assert_nonnull (strstr (fresh, "\"claims\""));
}

static void
test_fold_query (void)
{
  static const struct { const char *in; const char *out; } cases[] = {
    { "da nang", "\"da\" \"nang\"" },
    { "\"da nang\" quan", "\"da nang\" \"quan\"" },
    { "a\"b", "\"a\" \"b\"" },
    { "NOT *", "\"NOT\" \"*\"" },
    { "\"unterminated", "\"unterminated\"" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = _tri_project_fold_query (cases[i].in);

      g_assert_cmpstr (out, ==, cases[i].out);
    }
  g_assert_null (_tri_project_fold_query (""));
  g_assert_null (_tri_project_fold_query ("  \"\" "));
}

#define ADD(path, func) g_test_add (path, Fixture, NULL, project_file_setup, func, project_file_teardown)

/* The first mention of @entity in the corpus' articles, all of which must
 * have one when @everywhere */
static const TriMention *
find_entity (TriCorpus  *corpus,
             const char *entity,
             gboolean    everywhere)
{
  GPtrArray *articles = tri_corpus_get_articles (corpus);
  const TriMention *found = NULL;

  for (guint i = 0; i < articles->len; i++)
    {
      GPtrArray *mentions = tri_article_get_mentions (g_ptr_array_index (articles, i));
      const TriMention *here = NULL;

      for (guint j = 0; j < mentions->len && here == NULL; j++)
        {
          const TriMention *m = g_ptr_array_index (mentions, j);

          if (g_strcmp0 (m->entity, entity) == 0)
            here = m;
        }
      if (everywhere && here == NULL)
        return NULL;
      if (found == NULL)
        found = here;
    }
  return found;
}

/* The researcher's own places and actors are found in the articles: at
 * once in those added after the entry, in those added before when the
 * project is loaded again (their cached analysis is stale); an id the
 * gazetteer knows is corrected; removing or undoing an entry takes it out
 * again. */
static void
test_own_entries (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(TriProject) project = new_project (f);
  g_autoptr(TriCorpus) corpus = NULL;
  g_autoptr(GError) error = NULL;
  const TriMention *m;

  add_text (project, "/reports/before.txt",
            "date 2026-02-03\ntitle Camp report\n\n"
            "Fighters of the Morning Star Brigade left Camp Tamarisk near Baghdad on Monday, "
            "officials said.\n");
  corpus = tri_project_load_corpus (project, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (find_entity (corpus, "own-camp-tamarisk", FALSE));
  m = find_entity (corpus, "baghdad", TRUE);
  g_assert_nonnull (m);
  g_assert_cmpfloat_with_epsilon (m->lat, 33.34, 0.01);
  g_clear_object (&corpus);

  g_assert_true (tri_project_set_place (project, "own-camp-tamarisk", "Camp Tamarisk", 33.25, 44.1, &error));
  g_assert_true (tri_project_set_actor (project, "own-morning-star", "Morning Star Brigade", "militia", &error));
  g_assert_true (tri_project_set_place (project, "baghdad", "Baghdad", 33.5, 44.5, &error));
  g_assert_no_error (error);
  g_assert_false (tri_project_set_actor (project, "own-other", "Other", "force", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (tri_project_set_place (project, "own-blank", " \t", 30, 40, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (tri_project_set_actor (project, "own-blank", "", NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  add_text (project, "/reports/after.txt",
            "date 2026-02-04\ntitle Camp report, the day after\n\n"
            "The Morning Star Brigade returned to Camp Tamarisk outside Baghdad on Tuesday, "
            "a spokesman said.\n");

  /* Both articles, the one analysed before the entries too */
  corpus = tri_project_load_corpus (project, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tri_corpus_get_articles (corpus)->len, ==, 2);
  m = find_entity (corpus, "own-camp-tamarisk", TRUE);
  g_assert_nonnull (m);
  g_assert_cmpint (m->kind, ==, TRI_MENTION_PLACE);
  g_assert_cmpfloat_with_epsilon (m->lat, 33.25, 1e-9);
  g_assert_cmpfloat_with_epsilon (m->lon, 44.1, 1e-9);
  m = find_entity (corpus, "own-morning-star", TRUE);
  g_assert_nonnull (m);
  g_assert_cmpint (m->kind, ==, TRI_MENTION_ACTOR);
  m = find_entity (corpus, "baghdad", TRUE);
  g_assert_nonnull (m);
  g_assert_cmpfloat_with_epsilon (m->lat, 33.5, 1e-9);
  g_clear_object (&corpus);

  /* Kept in the file, and used by a loader on a thread of its own */
  g_assert_true (tri_project_close (project, NULL));
  g_clear_object (&project);
  project = reopen (f, TRI_PROJECT_FLAGS_NONE);
  corpus = load_corpus_async (project);
  g_assert_nonnull (find_entity (corpus, "own-camp-tamarisk", TRUE));
  g_clear_object (&corpus);

  /* Removed: gone from both; undone: back */
  g_assert_true (tri_project_set_place (project, "own-camp-tamarisk", NULL, 0, 0, &error));
  g_assert_no_error (error);
  corpus = tri_project_load_corpus (project, NULL, &error);
  g_assert_null (find_entity (corpus, "own-camp-tamarisk", FALSE));
  g_assert_nonnull (find_entity (corpus, "own-morning-star", TRUE));
  g_clear_object (&corpus);
  g_assert_true (tri_project_undo (project, &error));
  corpus = tri_project_load_corpus (project, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (find_entity (corpus, "own-camp-tamarisk", TRUE));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = make_data_home ("tri-project-data-XXXXXX");
  int ret;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tri/project/fold-query", test_fold_query);
  ADD ("/tri/project/schema", test_schema);
  ADD ("/tri/project/decisions", test_decisions);
  ADD ("/tri/project/own-entries", test_own_entries);
  ADD ("/tri/project/articles", test_articles);
  ADD ("/tri/project/search", test_search);
  ADD ("/tri/project/cache-fidelity", test_cache_fidelity);
  ADD ("/tri/project/migration", test_migration);
  ADD ("/tri/project/refuse/corrupt", test_refuse_corrupt);
  ADD ("/tri/project/refuse/truncated", test_refuse_truncated);
  ADD ("/tri/project/hot-journal", test_hot_journal);
  ADD ("/tri/project/refuse/foreign", test_refuse_foreign);
  ADD ("/tri/project/refuse/newer", test_refuse_newer);
  ADD ("/tri/project/refuse/read-only", test_refuse_read_only);
  ADD ("/tri/project/working-copy", test_working_copy);
  ADD ("/tri/project/async", test_async);
  ADD ("/tri/project/add-files-async", test_add_files_async);
  ADD ("/tri/project/concurrent", test_concurrent);

  ret = g_test_run ();
  remove_data_home (data_home);
  return ret;
}
