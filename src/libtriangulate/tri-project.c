/* tri-project.c: a researcher's work in one SQLite file
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-project"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tri-analysis.h"
#include "tri-article-private.h"
#include "tri-claim.h"
#include "tri-cluster.h"
#include "tri-gazetteer-private.h"
#include "tri-loader.h"
#include "tri-project-private.h"
#include "tri-version.h"

/* A project file is an SQLite database:
 *
 *  - files: the bytes of every file the researcher added, as read;
 *  - articles: the articles read from them (a scraper export holds many),
 *    with the ids they were given, unique in the project;
 *  - extraction_cache: what analysis found in each article (mentions,
 *    cites, dates, claims), tagged with the library version, so that
 *    reopening needs no re-extraction; an entry of another version is
 *    never read, and the cache is emptied when a new version opens the
 *    file for writing;
 *  - the researcher's decisions (verdicts, publication dates, hidden
 *    claims, notes, own places and actors), each one a transaction;
 *  - view_state: where the app was;
 *  - article_text (schema 2): FTS5 over titles and text.
 *
 * Files are validated read-only (header, quick_check, application id,
 * schema version) before anything opens them for writing, so a corrupt,
 * foreign, newer or read-only file is never written to. */

#define BUSY_TIMEOUT_MS 10000
#define BACKUP_PAGES 256
#define ADD_BATCH 64

/* The first schema. Kept as it was so that migrations can be tested. */
static const char schema_v1[] =
  "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;\n"
  "CREATE TABLE files (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  path TEXT NOT NULL,\n"
  "  original BLOB NOT NULL,\n"
  "  sha256 TEXT NOT NULL UNIQUE,\n"
  "  added INTEGER NOT NULL);\n"
  "CREATE TABLE articles (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  article_id TEXT NOT NULL UNIQUE,\n"
  "  file_id INTEGER NOT NULL REFERENCES files (id) ON DELETE CASCADE,\n"
  "  position INTEGER NOT NULL,\n"
  "  title TEXT,\n"
  "  outlet TEXT,\n"
  "  url TEXT,\n"
  "  language TEXT,\n"
  "  published TEXT,\n"
  "  added INTEGER NOT NULL,\n"
  "  UNIQUE (file_id, position));\n"
  "CREATE TABLE extraction_cache (\n"
  "  article INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,\n"
  "  version TEXT NOT NULL,\n"
  "  data BLOB NOT NULL);\n"
  "CREATE TABLE verdicts (cluster_key TEXT PRIMARY KEY, verdict TEXT NOT NULL,\n"
  "  changed INTEGER NOT NULL);\n"
  "CREATE TABLE published_dates (article_id TEXT PRIMARY KEY, date TEXT NOT NULL,\n"
  "  changed INTEGER NOT NULL);\n"
  "CREATE TABLE hidden_claims (claim_key TEXT PRIMARY KEY, changed INTEGER NOT NULL);\n"
  "CREATE TABLE notes (target TEXT PRIMARY KEY, text TEXT NOT NULL,\n"
  "  changed INTEGER NOT NULL);\n"
  "CREATE TABLE places (place_id TEXT PRIMARY KEY, name TEXT NOT NULL,\n"
  "  lat REAL NOT NULL, lon REAL NOT NULL, changed INTEGER NOT NULL);\n"
  "CREATE TABLE actors (actor_id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL,\n"
  "  changed INTEGER NOT NULL);\n"
  "CREATE TABLE view_state (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;\n";

/* Schema 2: full-text search. Rows are filled from the stored files. */
static const char schema_v2[] =
  "CREATE VIRTUAL TABLE article_text USING fts5 (title, body,\n"
  "  tokenize = 'tri remove_diacritics 2');\n";

typedef struct
{
  const char *table;
  const char *key_column;
  const char *columns;       /* NULL: the row's presence is the decision */
  const char *type;          /* of the value, a GVariant tuple */
} DecisionTable;

static const DecisionTable decision_tables[] = {
  [TRI_DECISION_VERDICT] = { "verdicts", "cluster_key", "verdict", "(s)" },
  [TRI_DECISION_PUBLISHED] = { "published_dates", "article_id", "date", "(s)" },
  [TRI_DECISION_HIDDEN_CLAIM] = { "hidden_claims", "claim_key", NULL, "()" },
  [TRI_DECISION_NOTE] = { "notes", "target", "text", "(s)" },
  [TRI_DECISION_PLACE] = { "places", "place_id", "name, lat, lon", "(sdd)" },
  [TRI_DECISION_ACTOR] = { "actors", "actor_id", "name, kind", "(ss)" },
};

typedef struct
{
  TriDecisionKind  kind;
  char            *key;
  GVariant        *before;   /* NULL: there was no such decision */
  GVariant        *after;
} Change;

static void
change_free (Change *change)
{
  g_free (change->key);
  g_clear_pointer (&change->before, g_variant_unref);
  g_clear_pointer (&change->after, g_variant_unref);
  g_free (change);
}

struct _TriProject
{
  GObject          parent_instance;

  sqlite3         *db;
  GFile           *file;       /* the user's file; NULL while untitled */
  GFile           *working;    /* the private working copy, or NULL */
  GFile           *sidecar;    /* what the working copy belongs to */
  char            *etag;       /* of the user's file when it was copied */
  TriProjectFlags  flags;
  gboolean         modified;
  gboolean         closed;
  guint            schema;

  GPtrArray       *undo;       /* Change */
  GPtrArray       *redo;

  /* What articles are analysed with: NULL for the shared gazetteer, or
   * one with the researcher's own places and actors */
  TriGazetteer    *gazetteer;
  gboolean         gazetteer_ready;
};

G_DEFINE_FINAL_TYPE (TriProject, tri_project, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FILE,
  PROP_MODIFIED,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

enum {
  DECISION_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

G_DEFINE_BOXED_TYPE (TriSearchHit, tri_search_hit, tri_search_hit_copy, tri_search_hit_free)

TriSearchHit *
tri_search_hit_copy (const TriSearchHit *hit)
{
  TriSearchHit *copy = g_new0 (TriSearchHit, 1);

  copy->article = g_strdup (hit->article);
  copy->title = g_strdup (hit->title);
  copy->snippet = g_strdup (hit->snippet);
  return copy;
}

void
tri_search_hit_free (TriSearchHit *hit)
{
  if (hit == NULL)
    return;
  g_free (hit->article);
  g_free (hit->title);
  g_free (hit->snippet);
  g_free (hit);
}

/* SQLite helpers. */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

static char *
display_name (const char *path)
{
  return g_filename_display_name (path);
}

/* SQLite's messages quote the file: the SQL of a damaged schema, names of
 * tables. Those bytes are not always UTF-8, and an error is shown as text. */
static char *
db_message (const char *message)
{
  return g_utf8_make_valid (message ? message : "", -1);
}

static gboolean
set_db_error (GError     **error,
              sqlite3     *db,
              const char  *what)
{
  g_autofree char *reason = db_message (db ? sqlite3_errmsg (db) : "out of memory");

  g_set_error (error, TRI_ERROR, TRI_ERROR_PROJECT, "%s: %s", what, reason);
  return FALSE;
}

static gboolean
exec_sql (sqlite3     *db,
          const char  *sql,
          GError     **error)
{
  char *msg = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &msg) != SQLITE_OK)
    {
      g_autofree char *reason = db_message (msg ? msg : sqlite3_errmsg (db));

      g_set_error_literal (error, TRI_ERROR, TRI_ERROR_PROJECT, reason);
      sqlite3_free (msg);
      return FALSE;
    }
  return TRUE;
}

static sqlite3_stmt *
prepare (sqlite3     *db,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      set_db_error (error, db, "cannot read the project");
      sqlite3_finalize (stmt);
      return NULL;
    }
  return stmt;
}

/* Runs @stmt, which returns no rows, and finalizes it. */
static gboolean
step_done (sqlite3       *db,
           sqlite3_stmt  *stmt,
           const char    *what,
           GError       **error)
{
  gboolean ok = sqlite3_step (stmt) == SQLITE_DONE;

  if (!ok)
    set_db_error (error, db, what);
  sqlite3_finalize (stmt);
  return ok;
}

static void
rollback (sqlite3 *db)
{
  if (!sqlite3_get_autocommit (db))
    sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
}

static gint64
query_int (sqlite3    *db,
           const char *sql,
           gint64      fallback)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  return fallback;
}

static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

/* FTS5 tokenizer "tri": unicode61 (with its arguments), then đ → d, so that
 * "da nang" finds "Đà Nẵng" (PLATFORM-NOTES §4.5). The text stays as it
 * was: snippets show the real letters. Queries go through it too. */

typedef struct
{
  fts5_tokenizer  inner_class;
  Fts5Tokenizer  *inner;
} TriTokenizer;

typedef struct
{
  void *ctx;
  int (*token) (void *, int, const char *, int, int, int);
} TokenState;

static int
tri_tokenizer_create (void           *user_data,
                      const char    **args,
                      int             n_args,
                      Fts5Tokenizer **out)
{
  fts5_api *api = user_data;
  TriTokenizer *tok = g_new0 (TriTokenizer, 1);
  void *inner_data = NULL;
  int rc;

  rc = api->xFindTokenizer (api, "unicode61", &inner_data, &tok->inner_class);
  if (rc == SQLITE_OK)
    rc = tok->inner_class.xCreate (inner_data, args, n_args, &tok->inner);
  if (rc != SQLITE_OK)
    {
      g_free (tok);
      return rc;
    }
  *out = (Fts5Tokenizer *) tok;
  return SQLITE_OK;
}

static void
tri_tokenizer_delete (Fts5Tokenizer *tokenizer)
{
  TriTokenizer *tok = (TriTokenizer *) tokenizer;

  tok->inner_class.xDelete (tok->inner);
  g_free (tok);
}

static int
fold_token (void       *data,
            int         flags,
            const char *token,
            int         n_token,
            int         start,
            int         end)
{
  TokenState *state = data;
  g_autofree char *heap = NULL;
  char stack[128];
  char *buf;
  int n = 0;

  if (memchr (token, 0xc4, n_token) == NULL)
    return state->token (state->ctx, flags, token, n_token, start, end);

  buf = n_token <= (int) sizeof stack ? stack : (heap = g_malloc (n_token));
  for (int i = 0; i < n_token; i++)
    {
      if (i + 1 < n_token && (guchar) token[i] == 0xc4 &&
          ((guchar) token[i + 1] == 0x91 || (guchar) token[i + 1] == 0x90))
        {
          buf[n++] = 'd';
          i++;
        }
      else
        buf[n++] = token[i];
    }
  return state->token (state->ctx, flags, buf, n, start, end);
}

static int
tri_tokenizer_tokenize (Fts5Tokenizer *tokenizer,
                        void          *ctx,
                        int            flags,
                        const char    *text,
                        int            n_text,
                        int          (*token) (void *, int, const char *, int, int, int))
{
  TriTokenizer *tok = (TriTokenizer *) tokenizer;
  TokenState state = { ctx, token };

  return tok->inner_class.xTokenize (tok->inner, &state, flags, text, n_text, fold_token);
}

/* Every connection to a project registers the tokenizer before it touches
 * the search index. */
gboolean
_tri_project_register_tokenizer (sqlite3 *db)
{
  fts5_api *api = NULL;
  sqlite3_stmt *stmt = NULL;
  fts5_tokenizer tokenizer = { tri_tokenizer_create, tri_tokenizer_delete, tri_tokenizer_tokenize };

  if (sqlite3_prepare_v2 (db, "SELECT fts5(?1)", -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;
  sqlite3_bind_pointer (stmt, 1, (void *) &api, "fts5_api_ptr", NULL);
  sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (api == NULL || api->iVersion < 2)
    return FALSE;
  return api->xCreateTokenizer (api, "tri", api, &tokenizer, NULL) == SQLITE_OK;
}

/* A researcher's words as an FTS5 query: each word, or each "quoted
 * phrase", must be there. No operator syntax gets through. */
char *
_tri_project_fold_query (const char *query)
{
  GString *out = g_string_new (NULL);
  const char *p = query;

  while (*p)
    {
      const char *start, *end;

      while (g_ascii_isspace (*p))
        p++;
      if (*p == '\0')
        break;
      if (*p == '"')
        {
          start = ++p;
          end = strchr (p, '"');
          if (end == NULL)
            end = p + strlen (p);
          p = *end ? end + 1 : end;
        }
      else
        {
          start = p;
          while (*p && !g_ascii_isspace (*p) && *p != '"')
            p++;
          end = p;
        }
      if (end == start)
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append_c (out, '"');
      for (const char *q = start; q < end; q++)
        {
          if (*q == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *q);
        }
      g_string_append_c (out, '"');
    }
  return g_string_free (out, out->len == 0);
}

/* Opening and validating. */

static guint32
read_be32 (const guchar *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static gboolean
has_pending_log (const char *path)
{
  static const char * const suffixes[] = { "-journal", "-wal" };

  for (gsize i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *log = g_strconcat (path, suffixes[i], NULL);
      GStatBuf st;

      if (g_stat (log, &st) == 0 && st.st_size > 0)
        return TRUE;
    }
  return FALSE;
}

/* Reads the 100-byte header without SQLite, so that a foreign or newer
 * file is refused before anything opens it. */
static gboolean
check_header (const char  *path,
              GError     **error)
{
  g_autofree char *name = display_name (path);
  guchar header[100];
  GStatBuf st;
  FILE *f;
  gsize n;
  guint32 app_id, version, page_size, n_pages;

  if (g_stat (path, &st) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   "Cannot open “%s”: %s", name, g_strerror (saved));
      return FALSE;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, TRI_ERROR, TRI_ERROR_PROJECT, "“%s” is not a file", name);
      return FALSE;
    }
  if (st.st_size == 0)
    {
      g_set_error (error, TRI_ERROR, TRI_ERROR_PROJECT,
                   "“%s” is empty: it is not a Triangulate project", name);
      return FALSE;
    }

  f = g_fopen (path, "rb");
  if (f == NULL)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   "Cannot open “%s”: %s", name, g_strerror (saved));
      return FALSE;
    }
  n = fread (header, 1, sizeof header, f);
  fclose (f);

  if (n < 16 || memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, TRI_ERROR, TRI_ERROR_PROJECT,
                   "“%s” is not a Triangulate project (it is not an SQLite database)", name);
      return FALSE;
    }
  if (n < sizeof header)
    {
      g_set_error (error, TRI_ERROR, TRI_ERROR_PROJECT,
                   "“%s” is damaged: the file is truncated", name);
      return FALSE;
    }

  app_id = read_be32 (header + 68);
  version = read_be32 (header + 60);
  if (app_id != TRI_PROJECT_APPLICATION_ID)
    {
      g_set_error (error, TRI_ERROR, TRI_ERROR_PROJECT,
                   "“%s” is not a Triangulate project: it belongs to another application "
                   "(application id 0x%08x)", name, app_id);
      return FALSE;
    }
  if (version > TRI_PROJECT_SCHEMA_VERSION)
    {
      g_set_error (error, TRI_ERROR, TRI_ERROR_PROJECT,
                   "“%s” was saved by a newer version of Triangulate (project format %u, "
                   "this version reads up to %u): update Triangulate to open it",
                   name, version, TRI_PROJECT_SCHEMA_VERSION);
      return FALSE;
    }

  page_size = (header[16] << 8) | header[17];
  if (page_size == 1)
    page_size = 65536;
  n_pages = read_be32 (header + 28);
  /* The page count is valid when the change counter matches it, and only
   * once SQLite has recovered: a process killed while committing or
   * checkpointing can leave page 1 written before the pages that extend
   * the file, with a hot journal or WAL that completes or undoes it. */
  if (!has_pending_log (path) &&
      read_be32 (header + 92) == read_be32 (header + 24) && n_pages > 0 &&
      (goffset) st.st_size < (goffset) page_size * n_pages)
    {
      g_set_error (error, TRI_ERROR, TRI_ERROR_PROJECT,
                   "“%s” is damaged: the file is truncated (%" G_GOFFSET_FORMAT " of %"
                   G_GOFFSET_FORMAT " bytes)", name, (goffset) st.st_size,
                   (goffset) page_size * n_pages);
      return FALSE;
    }
  return TRUE;
}

static gboolean
is_writable (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  GStatBuf st;

  /* access() says yes to root whatever the mode: look at the bits too. */
  if (g_stat (path, &st) != 0 || (st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0)
    return FALSE;
  return g_access (path, W_OK) == 0 && g_access (dir, W_OK) == 0;
}

static sqlite3 *
open_connection (const char  *path,
                 int          open_flags,
                 GError     **error)
{
  sqlite3 *db = NULL;

  if (sqlite3_open_v2 (path, &db, open_flags | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
    {
      g_autofree char *name = display_name (path);
      g_autofree char *what = g_strdup_printf ("Cannot open “%s”", name);

      set_db_error (error, db, what);
      sqlite3_close (db);
      return NULL;
    }
  sqlite3_extended_result_codes (db, TRUE);
  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
  if (!_tri_project_register_tokenizer (db))
    {
      set_db_error (error, db, "SQLite lacks FTS5");
      sqlite3_close (db);
      return NULL;
    }
  return db;
}

/* Checks an open database: readable, not corrupt, ours, not newer. */
static gboolean
check_database (sqlite3     *db,
                const char  *path,
                int         *rc_out,
                GError     **error)
{
  g_autofree char *name = display_name (path);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 app_id, version;
  int rc;

  *rc_out = SQLITE_OK;
  rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      g_autofree char *reason = db_message (sqlite3_errmsg (db));

      *rc_out = sqlite3_extended_errcode (db);
      g_set_error (error, TRI_ERROR, TRI_ERROR_PROJECT, "“%s” cannot be read: %s", name, reason);
      return FALSE;
    }
  if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
    {
      g_autofree char *report = db_message ((const char *) sqlite3_column_text (stmt, 0));
      g_auto(GStrv) lines = g_strsplit (report, "\n", 3);

      /* The first line names the database, the second the damage. */
      g_set_error (error, TRI_ERROR, TRI_ERROR_PROJECT, "“%s” is damaged (%s)", name,
                   lines[0] && lines[1] ? lines[1] : lines[0] ? lines[0] : "");
      *rc_out = SQLITE_CORRUPT;
      return FALSE;
    }

  app_id = query_int (db, "PRAGMA application_id", -1);
  version = query_int (db, "PRAGMA user_version", -1);
  if (app_id != TRI_PROJECT_APPLICATION_ID)
    {
      g_set_error (error, TRI_ERROR, TRI_ERROR_PROJECT,
                   "“%s” is not a Triangulate project: it belongs to another application", name);
      return FALSE;
    }
  if (version > TRI_PROJECT_SCHEMA_VERSION)
    {
      g_set_error (error, TRI_ERROR, TRI_ERROR_PROJECT,
                   "“%s” was saved by a newer version of Triangulate (project format %"
                   G_GINT64_FORMAT "): update Triangulate to open it", name, version);
      return FALSE;
    }
  if (version < 1)
    {
      g_set_error (error, TRI_ERROR, TRI_ERROR_PROJECT,
                   "“%s” is not a Triangulate project: it has no tables", name);
      return FALSE;
    }
  return TRUE;
}

char *
_tri_project_cache_tag (void)
{
  return g_strdup_printf ("%s/%d", TRI_VERSION_S, TRI_PROJECT_CACHE_FORMAT);
}

/* The cache: what tri_article_analyze() found, as a GVariant. */

#define MENTION_TYPE "(uuuumsuubuuddumsmsbmsmsddbb)"
#define CLAIM_TYPE "(suuusasasmsuuubuubddumsmsuumsauiu)"
#define CACHE_TYPE "(a" MENTION_TYPE "asa(uuu)(msumsms)a" CLAIM_TYPE ")"

static void
add_claim (GVariantBuilder *b,
           const TriClaim  *c)
{
  GVariantBuilder places, actors, mentions;

  g_variant_builder_init (&places, G_VARIANT_TYPE ("as"));
  for (guint i = 0; i < c->n_places && i < TRI_CLAIM_MAX_ENTITIES; i++)
    g_variant_builder_add (&places, "s", c->places[i]);
  g_variant_builder_init (&actors, G_VARIANT_TYPE ("as"));
  for (guint i = 0; i < c->n_actors && i < TRI_CLAIM_MAX_ENTITIES; i++)
    g_variant_builder_add (&actors, "s", c->actors[i]);
  g_variant_builder_init (&mentions, G_VARIANT_TYPE ("au"));
  for (guint i = 0; i < c->n_mentions && i < TRI_CLAIM_MAX_MENTIONS; i++)
    g_variant_builder_add (&mentions, "u", c->mentions[i]);

  g_variant_builder_add (b, CLAIM_TYPE,
                         c->id ? c->id : "", c->start, c->end, c->sentence, c->type,
                         &places, &actors,
                         c->time_value, c->time_precision, c->time_modifier, c->time_role,
                         c->time_inferred, c->day_first, c->day_last,
                         c->has_quantity, c->number, c->number_max, c->qualifier, c->unit,
                         c->attributed_to, c->polarity, c->modality, c->object,
                         &mentions, (gint32) c->time_mention, c->reference_day);
}

static GPtrArray *
restore_claims (TriArticle *article,
                GVariant   *claims)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) tri_claim_unref);
  const char *article_id = tri_article_get_id (article);

  for (gsize i = 0; i < g_variant_n_children (claims); i++)
    {
      g_autoptr(GVariant) v = g_variant_get_child_value (claims, i);
      g_autoptr(GVariantIter) places = NULL;
      g_autoptr(GVariantIter) actors = NULL;
      g_autoptr(GVariantIter) mentions = NULL;
      const char *id, *type, *time_value, *unit, *attributed_to, *object, *s;
      guint32 start, end, sentence, precision, modifier, role, day_first, day_last;
      guint32 qualifier, polarity, modality, u, reference_day;
      gboolean inferred, has_quantity;
      double number, number_max;
      gint32 time_mention;
      TriClaim *c;

      g_variant_get (v, "(&suuu&sasasm&suuubuubddum&sm&suum&sauiu)",
                     &id, &start, &end, &sentence, &type, &places, &actors,
                     &time_value, &precision, &modifier, &role, &inferred, &day_first, &day_last,
                     &has_quantity, &number, &number_max, &qualifier, &unit,
                     &attributed_to, &polarity, &modality, &object, &mentions, &time_mention,
                     &reference_day);
      if (start > end)
        continue;
      c = tri_claim_new (article_id, i, type, start, end);
      g_free (c->id);
      c->id = g_strdup (id);
      c->sentence = sentence;
      while (c->n_places < TRI_CLAIM_MAX_ENTITIES && g_variant_iter_next (places, "&s", &s))
        c->places[c->n_places++] = g_intern_string (s);
      while (c->n_actors < TRI_CLAIM_MAX_ENTITIES && g_variant_iter_next (actors, "&s", &s))
        c->actors[c->n_actors++] = g_intern_string (s);
      c->time_value = time_value ? g_intern_string (time_value) : NULL;
      c->time_precision = precision;
      c->time_modifier = modifier;
      c->time_role = role;
      c->time_inferred = inferred;
      c->day_first = day_first;
      c->day_last = day_last;
      c->has_quantity = has_quantity;
      c->number = number;
      c->number_max = number_max;
      c->qualifier = qualifier;
      c->unit = unit ? g_intern_string (unit) : NULL;
      c->attributed_to = attributed_to ? g_intern_string (attributed_to) : NULL;
      c->polarity = polarity;
      c->modality = modality;
      c->object = object ? g_intern_string (object) : NULL;
      while (c->n_mentions < TRI_CLAIM_MAX_MENTIONS && g_variant_iter_next (mentions, "u", &u))
        c->mentions[c->n_mentions++] = u;
      c->time_mention = time_mention >= 0 && time_mention < c->n_mentions ? time_mention : -1;
      c->reference_day = reference_day;
      g_ptr_array_add (out, c);
    }
  return out;
}

static GVariant *
serialize_analysis (TriArticle *article)
{
  GPtrArray *mentions = tri_article_get_mentions (article);
  GPtrArray *claims = _tri_article_get_claims (article);
  GArray *stories = _tri_article_get_stories (article);
  const char * const *cites = tri_article_get_cites (article);
  GVariantBuilder b;

  g_variant_builder_init (&b, G_VARIANT_TYPE (CACHE_TYPE));
  g_variant_builder_open (&b, G_VARIANT_TYPE ("a" MENTION_TYPE));
  for (guint i = 0; i < mentions->len; i++)
    {
      TriMention *m = g_ptr_array_index (mentions, i);

      g_variant_builder_add (&b, MENTION_TYPE,
                             m->kind, m->start, m->end, m->sentence,
                             m->value, m->precision, m->modifier, m->inferred,
                             m->day_first, m->day_last,
                             m->number, m->number_max, m->qualifier, m->unit, m->owner, m->vague,
                             m->entity, m->name, m->lat, m->lon, m->metonym, m->candidate);
    }
  g_variant_builder_close (&b);
  g_variant_builder_open (&b, G_VARIANT_TYPE ("as"));
  for (guint i = 0; cites[i]; i++)
    g_variant_builder_add (&b, "s", cites[i]);
  g_variant_builder_close (&b);
  g_variant_builder_open (&b, G_VARIANT_TYPE ("a(uuu)"));
  for (guint i = 0; i < stories->len; i++)
    {
      const TriStory *story = &g_array_index (stories, TriStory, i);

      if (story->reference != 0)
        g_variant_builder_add (&b, "(uuu)", i, story->reference, story->reference_source);
    }
  g_variant_builder_close (&b);
  g_variant_builder_add (&b, "(msumsms)",
                         tri_article_get_published (article),
                         tri_article_get_published_source (article),
                         tri_article_get_published_earliest (article),
                         tri_article_get_published_latest (article));
  g_variant_builder_open (&b, G_VARIANT_TYPE ("a" CLAIM_TYPE));
  for (guint i = 0; claims != NULL && i < claims->len; i++)
    add_claim (&b, g_ptr_array_index (claims, i));
  g_variant_builder_close (&b);
  return g_variant_ref_sink (g_variant_builder_end (&b));
}

static GBytes *
cache_bytes (TriArticle *article)
{
  g_autoptr(GVariant) v = serialize_analysis (article);

  return g_variant_get_data_as_bytes (v);
}

/* YYYY-MM-DD naming a real day, as tri_article_set_published() wants. */
static gboolean
is_iso_day (const char *iso)
{
  int y, m, d;
  char tail;

  return sscanf (iso, "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3 &&
         y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= 31 &&
         g_date_valid_dmy (d, m, y);
}

/* Gives @article the analysis in @data; %FALSE, and @article unchanged,
 * when @data does not fit it. */
static gboolean
restore_analysis (TriArticle   *article,
                  GBytes       *data)
{
  g_autoptr(GVariant) v = g_variant_new_from_bytes (G_VARIANT_TYPE (CACHE_TYPE), data, FALSE);
  g_autoptr(GVariant) mentions = NULL;
  g_autoptr(GVariant) cites = NULL;
  g_autoptr(GVariant) refs = NULL;
  g_autoptr(GVariant) claims = NULL;
  g_autoptr(GPtrArray) found = NULL;
  GArray *stories = _tri_article_get_stories (article);
  gsize text_len;
  GVariantIter iter;
  const char *published, *earliest, *latest;
  guint32 published_source;

  /* Untrusted data is safe to read: GVariant gives defaults for what does
   * not parse; the spans are checked below. */
  tri_article_get_text (article, &text_len);
  mentions = g_variant_get_child_value (v, 0);
  cites = g_variant_get_child_value (v, 1);
  refs = g_variant_get_child_value (v, 2);
  claims = g_variant_get_child_value (v, 4);

  /* The mentions first, all checked before the article changes. */
  found = g_ptr_array_new_with_free_func ((GDestroyNotify) tri_mention_unref);
  g_variant_iter_init (&iter, mentions);
  for (;;)
    {
      guint32 kind, start, end, sentence, precision, modifier, qualifier;
      guint32 day_first, day_last;
      gboolean inferred, vague, metonym, candidate;
      const char *value, *unit, *owner, *entity, *name;
      double number, number_max, lat, lon;
      TriMention *m;

      if (!g_variant_iter_next (&iter, "(uuuum&suubuuddum&sm&sbm&sm&sddbb)",
                                &kind, &start, &end, &sentence, &value, &precision, &modifier,
                                &inferred, &day_first, &day_last, &number, &number_max,
                                &qualifier, &unit, &owner, &vague, &entity, &name, &lat, &lon,
                                &metonym, &candidate))
        break;
      if (kind > TRI_MENTION_ACTOR || start > end || end > text_len)
        return FALSE;
      m = tri_mention_new (kind, start, end);
      m->sentence = sentence;
      tri_mention_set_value (m, value);
      m->precision = precision;
      m->modifier = modifier;
      m->inferred = inferred;
      m->day_first = day_first;
      m->day_last = day_last;
      m->number = number;
      m->number_max = number_max;
      m->qualifier = qualifier;
      m->unit = unit ? g_intern_string (unit) : NULL;
      m->owner = owner ? g_intern_string (owner) : NULL;
      m->vague = vague;
      m->entity = entity ? g_intern_string (entity) : NULL;
      tri_mention_set_name (m, name);
      m->lat = lat;
      m->lon = lon;
      m->metonym = metonym;
      m->candidate = candidate;
      g_ptr_array_add (found, m);
    }
  for (guint i = 0; i < found->len; i++)
    _tri_article_add_mention (article, tri_mention_ref (g_ptr_array_index (found, i)));
  _tri_article_sort_mentions (article);

  for (gsize i = 0; i < g_variant_n_children (cites); i++)
    {
      const char *who = NULL;

      g_variant_get_child (cites, i, "&s", &who);
      _tri_article_add_cite (article, who);
    }

  g_variant_iter_init (&iter, refs);
  for (;;)
    {
      guint32 index, day, source;

      if (!g_variant_iter_next (&iter, "(uuu)", &index, &day, &source))
        break;
      if (index < stories->len)
        _tri_article_set_story_reference (article, index, day, source);
    }

  g_variant_get_child (v, 3, "(m&sum&sm&s)", &published, &published_source, &earliest, &latest);
  /* The cache is read from the file: a damaged date is dropped, not
   * passed on (tri_article_set_published warns about it). */
  if (published != NULL && is_iso_day (published))
    tri_article_set_published (article, published, published_source);
  _tri_article_set_published_bounds (article, earliest, latest);

  _tri_article_set_claims (article, restore_claims (article, claims));
  return TRUE;
}

/* Schema and migrations. */

static gboolean
index_file_articles (sqlite3       *db,
                     sqlite3_stmt  *files,
                     sqlite3_stmt  *arts,
                     sqlite3_stmt  *insert,
                     GError       **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (sqlite3_column_blob (files, 2),
                                         sqlite3_column_bytes (files, 2));
  g_autoptr(GPtrArray) articles = NULL;

  articles = tri_load_bytes ((const char *) sqlite3_column_text (files, 1), bytes, NULL);
  if (articles == NULL)
    return TRUE;
  sqlite3_reset (arts);
  sqlite3_bind_int64 (arts, 1, sqlite3_column_int64 (files, 0));
  while (sqlite3_step (arts) == SQLITE_ROW)
    {
      gint64 position = sqlite3_column_int64 (arts, 1);
      TriArticle *article;
      const char *text;
      gsize len;

      if (position < 0 || position >= articles->len)
        continue;
      article = g_ptr_array_index (articles, position);
      text = tri_article_get_text (article, &len);
      sqlite3_reset (insert);
      sqlite3_bind_int64 (insert, 1, sqlite3_column_int64 (arts, 0));
      sqlite3_bind_text (insert, 2, tri_article_get_title (article), -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 3, text, len, SQLITE_STATIC);
      if (sqlite3_step (insert) != SQLITE_DONE)
        return set_db_error (error, db, "cannot index the articles");
    }
  return TRUE;
}

/* Schema 2: the search index, from the stored files. */
static gboolean
fill_article_text (sqlite3  *db,
                   GError  **error)
{
  g_autoptr(sqlite3_stmt) files = NULL;
  g_autoptr(sqlite3_stmt) arts = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  int rc;

  files = prepare (db, "SELECT id, path, original FROM files ORDER BY id", error);
  if (files == NULL)
    return FALSE;
  arts = prepare (db, "SELECT id, position FROM articles WHERE file_id = ?1", error);
  if (arts == NULL)
    return FALSE;
  insert = prepare (db, "INSERT INTO article_text (rowid, title, body) VALUES (?1, ?2, ?3)", error);
  if (insert == NULL)
    return FALSE;

  while ((rc = sqlite3_step (files)) == SQLITE_ROW)
    if (!index_file_articles (db, files, arts, insert, error))
      return FALSE;
  if (rc != SQLITE_DONE)
    return set_db_error (error, db, "cannot read the articles");
  return TRUE;
}

/* Brings @db from schema @from to @to, in the open transaction. */
static gboolean
migrate (sqlite3  *db,
         guint     from,
         guint     to,
         GError  **error)
{
  g_autofree char *pragma = NULL;

  for (guint v = from + 1; v <= to; v++)
    {
      switch (v)
        {
        case 1:
          if (!exec_sql (db, schema_v1, error))
            return FALSE;
          break;
        case 2:
          if (!exec_sql (db, schema_v2, error) || !fill_article_text (db, error))
            return FALSE;
          break;
        default:
          g_assert_not_reached ();
        }
    }
  pragma = g_strdup_printf ("PRAGMA user_version = %u", to);
  return exec_sql (db, pragma, error);
}

static gboolean
create_schema (sqlite3  *db,
               guint     version,
               GError  **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *created = g_date_time_format_iso8601 (now);
  g_autofree char *pragma = NULL;
  char *sql;
  gboolean ok;

  pragma = g_strdup_printf ("PRAGMA application_id = %d", (gint32) TRI_PROJECT_APPLICATION_ID);
  if (!exec_sql (db, pragma, error) || !exec_sql (db, "BEGIN IMMEDIATE", error))
    return FALSE;
  sql = sqlite3_mprintf ("INSERT INTO meta (key, value) VALUES ('created', %Q), "
                         "('generator', 'triangulate %q')", created, TRI_VERSION_S);
  ok = migrate (db, 0, version, error) && exec_sql (db, sql, error) &&
       exec_sql (db, "COMMIT", error);
  sqlite3_free (sql);
  if (!ok)
    rollback (db);
  return ok;
}

gboolean
_tri_project_create_with_schema (const char  *path,
                                 guint        version,
                                 GError     **error)
{
  sqlite3 *db;
  gboolean ok;

  g_return_val_if_fail (version >= 1 && version <= TRI_PROJECT_SCHEMA_VERSION, FALSE);

  db = open_connection (path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, error);
  if (db == NULL)
    return FALSE;
  ok = create_schema (db, version, error);
  sqlite3_close (db);
  return ok;
}

/* Copies @db into a new file at @tmp_path with the backup API, a few
 * pages at a time, then makes it a self-contained rollback-journal file
 * and checks it. */
static gboolean
backup_to_path (sqlite3       *db,
                const char    *tmp_path,
                GCancellable  *cancellable,
                GError       **error)
{
  sqlite3 *dst;
  sqlite3_backup *backup;
  int rc, rc_check;
  gboolean ok;

  g_unlink (tmp_path);
  dst = open_connection (tmp_path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, error);
  if (dst == NULL)
    return FALSE;
  backup = sqlite3_backup_init (dst, "main", db, "main");
  if (backup == NULL)
    {
      set_db_error (error, dst, "cannot copy the project");
      sqlite3_close (dst);
      g_unlink (tmp_path);
      return FALSE;
    }
  do
    {
      if (g_cancellable_is_cancelled (cancellable))
        break;
      rc = sqlite3_backup_step (backup, BACKUP_PAGES);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        sqlite3_sleep (10);
    }
  while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish (backup);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    ok = FALSE;
  else if (rc != SQLITE_DONE)
    ok = set_db_error (error, dst, "cannot copy the project");
  else
    ok = exec_sql (dst, "PRAGMA journal_mode = DELETE", error) &&
         check_database (dst, tmp_path, &rc_check, error);
  sqlite3_close (dst);
  if (!ok)
    g_unlink (tmp_path);
  return ok;
}

static char *
private_dir (const char *which)
{
  char *dir = g_build_filename (g_get_user_data_dir (), "triangulate", which, NULL);

  g_mkdir_with_parents (dir, 0700);
  return dir;
}

/* Streams the file at @tmp_path into @target, atomically: GIO writes a
 * temporary file beside it and renames it. */
static gboolean
replace_with (GFile         *target,
              const char    *tmp_path,
              const char    *etag,
              char         **new_etag,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GFile) tmp = g_file_new_for_path (tmp_path);
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GFileOutputStream) out = NULL;

  in = g_file_read (tmp, cancellable, error);
  if (in == NULL)
    return FALSE;
  out = g_file_replace (target, etag, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                        cancellable, error);
  if (out == NULL)
    return FALSE;
  if (g_output_stream_splice (G_OUTPUT_STREAM (out), G_INPUT_STREAM (in),
                              G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE, cancellable, error) < 0)
    {
      g_output_stream_close (G_OUTPUT_STREAM (out), NULL, NULL);
      return FALSE;
    }
  if (!g_output_stream_close (G_OUTPUT_STREAM (out), cancellable, error))
    return FALSE;
  if (new_etag != NULL)
    *new_etag = g_file_output_stream_get_etag (out);
  return TRUE;
}

/* Writes a complete copy of the database at @db_path to @target. */
static gboolean
write_copy (const char    *db_path,
            GFile         *target,
            const char    *etag,
            char         **new_etag,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autofree char *dir = private_dir ("working");
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *tmp_name = g_strdup_printf ("%s-%d.save.tmp", uuid, (int) getpid ());
  g_autofree char *tmp_path = g_build_filename (dir, tmp_name, NULL);
  sqlite3 *src;
  gboolean ok;

  src = open_connection (db_path, SQLITE_OPEN_READONLY, error);
  if (src == NULL)
    return FALSE;
  ok = backup_to_path (src, tmp_path, cancellable, error);
  sqlite3_close (src);
  if (ok)
    ok = replace_with (target, tmp_path, etag, new_etag, cancellable, error);
  g_unlink (tmp_path);
  return ok;
}

/* Before a migration, the file as it was goes to the backups folder. */
static gboolean
keep_last_known_good (sqlite3     *db,
                      const char  *path,
                      guint        version,
                      GError     **error)
{
  g_autofree char *dir = private_dir ("backups");
  g_autofree char *base = g_path_get_basename (path);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%S");
  g_autofree char *name = g_strdup_printf ("%s.v%u-%s.bak", base, version, stamp);
  g_autofree char *dest = g_build_filename (dir, name, NULL);

  return backup_to_path (db, dest, NULL, error);
}

static const char *
db_path (TriProject *self)
{
  return sqlite3_db_filename (self->db, "main");
}

/* Results of another version are never mixed with ours: a version that
 * opens the file for writing empties the cache of the others. */
static gboolean
claim_cache (sqlite3  *db,
             GError  **error)
{
  g_autofree char *tag = _tri_project_cache_tag ();
  g_autoptr(sqlite3_stmt) stmt = prepare (db, "SELECT value FROM meta WHERE key = 'cache'", error);
  char *sql;
  gboolean ok;

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW &&
      g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), tag) == 0)
    return TRUE;
  sql = sqlite3_mprintf ("BEGIN IMMEDIATE; DELETE FROM extraction_cache;"
                         "INSERT OR REPLACE INTO meta (key, value) VALUES ('cache', %Q);"
                         "COMMIT", tag);
  ok = exec_sql (db, sql, error);
  sqlite3_free (sql);
  if (!ok)
    rollback (db);
  return ok;
}

/* Makes @db, open for writing, current: journal, schema, cache. */
static gboolean
prepare_for_writing (sqlite3          *db,
                     const char       *path,
                     TriProjectFlags   flags,
                     GError          **error)
{
  gint64 version;

  if (!exec_sql (db, (flags & TRI_PROJECT_WORKING_COPY) ?
                 "PRAGMA journal_mode = WAL" : "PRAGMA journal_mode = DELETE", error) ||
      !exec_sql (db, "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON", error))
    return FALSE;

  version = query_int (db, "PRAGMA user_version", 0);
  if (version < TRI_PROJECT_SCHEMA_VERSION)
    {
      if (!(flags & TRI_PROJECT_WORKING_COPY) &&
          !keep_last_known_good (db, path, version, error))
        return FALSE;
      if (!exec_sql (db, "BEGIN IMMEDIATE", error))
        return FALSE;
      if (!migrate (db, version, TRI_PROJECT_SCHEMA_VERSION, error) ||
          !exec_sql (db, "COMMIT", error))
        {
          rollback (db);
          return FALSE;
        }
      g_debug ("%s: migrated from project format %" G_GINT64_FORMAT, path, version);
    }
  return claim_cache (db, error);
}

/* Opens @path: validates it read-only, then, unless @flags say read-only,
 * opens it for writing and brings its schema up to date. */
static sqlite3 *
open_validated (const char       *path,
                TriProjectFlags   flags,
                guint            *schema_out,
                GError          **error)
{
  g_autofree char *name = display_name (path);
  g_autoptr(GError) check_error = NULL;
  sqlite3 *db;
  gboolean read_only = (flags & TRI_PROJECT_READ_ONLY) != 0;
  gboolean needs_recovery = FALSE;
  int rc = SQLITE_OK;

  if (!check_header (path, error))
    return NULL;

  db = open_connection (path, SQLITE_OPEN_READONLY, error);
  if (db == NULL)
    return NULL;
  if (!check_database (db, path, &rc, &check_error))
    {
      /* A crash left a hot journal: SQLite rolls it back when the file is
       * opened for writing. The header was ours. */
      if (rc == SQLITE_READONLY_ROLLBACK || rc == SQLITE_READONLY_RECOVERY ||
          rc == SQLITE_READONLY_CANTINIT || rc == SQLITE_CANTOPEN)
        needs_recovery = TRUE;
      if (!needs_recovery || read_only)
        {
          sqlite3_close (db);
          g_propagate_error (error, g_steal_pointer (&check_error));
          return NULL;
        }
    }

  if (read_only)
    {
      exec_sql (db, "PRAGMA query_only = ON", NULL);
      *schema_out = query_int (db, "PRAGMA user_version", 0);
      return db;
    }
  sqlite3_close (db);

  if (!is_writable (path))
    {
      g_set_error (error, TRI_ERROR, TRI_ERROR_PROJECT,
                   "“%s” is read-only: Triangulate cannot save to it. Make a copy you can "
                   "change, or open it read-only", name);
      return NULL;
    }

  db = open_connection (path, SQLITE_OPEN_READWRITE, error);
  if (db == NULL)
    return NULL;
  if (needs_recovery && !check_database (db, path, &rc, error))
    {
      sqlite3_close (db);
      return NULL;
    }
  if (!prepare_for_writing (db, path, flags, error))
    {
      /* SQLite's own words ("attempt to write a readonly database", for a
       * header that forbids writing) do not say which file. */
      g_prefix_error (error, "“%s” cannot be opened for writing: ", name);
      sqlite3_close (db);
      return NULL;
    }
  *schema_out = TRI_PROJECT_SCHEMA_VERSION;
  return db;
}

/* Working copies. */

static gboolean
process_alive (gint64 pid)
{
  if (pid <= 0)
    return FALSE;
  return kill ((pid_t) pid, 0) == 0 || errno == EPERM;
}

static gboolean
write_sidecar (TriProject  *self,
               GError     **error)
{
  g_autoptr(GKeyFile) kf = g_key_file_new ();
  g_autofree char *uri = self->file ? g_file_get_uri (self->file) : NULL;
  g_autofree char *path = g_file_get_path (self->sidecar);

  g_key_file_set_string (kf, "Working Copy", "Target", uri ? uri : "");
  g_key_file_set_string (kf, "Working Copy", "ETag", self->etag ? self->etag : "");
  g_key_file_set_int64 (kf, "Working Copy", "Pid", self->closed ? 0 : getpid ());
  g_key_file_set_string (kf, "Working Copy", "Host", g_get_host_name ());
  g_key_file_set_boolean (kf, "Working Copy", "Modified", self->modified);
  return g_key_file_save_to_file (kf, path, error);
}

static void
set_modified (TriProject *self,
              gboolean    modified)
{
  if (self->modified == modified)
    return;
  self->modified = modified;
  if (self->working != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!write_sidecar (self, &error))
        g_warning ("Cannot record the working copy's state: %s", error->message);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MODIFIED]);
}

static GFile *
sidecar_for (GFile *working)
{
  g_autofree char *path = g_file_get_path (working);
  g_autofree char *ini = g_strconcat (path, ".ini", NULL);

  return g_file_new_for_path (ini);
}

static void
delete_working_files (GFile *working)
{
  g_autofree char *path = g_file_get_path (working);
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal", ".ini" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *p = g_strconcat (path, suffixes[i], NULL);

      g_unlink (p);
    }
}

static GFile *
new_working_file (void)
{
  g_autofree char *dir = private_dir ("working");
  g_autofree char *uuid = g_uuid_string_random ();
  /* The pid too: a forked child has its parent's random state. */
  g_autofree char *name = g_strdup_printf ("%s-%d.triangulate", uuid, (int) getpid ());
  g_autofree char *path = g_build_filename (dir, name, NULL);

  return g_file_new_for_path (path);
}

/* GObject. */

static void
tri_project_finalize (GObject *object)
{
  TriProject *self = (TriProject *)object;

  tri_project_close (self, NULL);
  g_clear_object (&self->file);
  g_clear_object (&self->working);
  g_clear_object (&self->sidecar);
  g_clear_pointer (&self->etag, g_free);
  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);
  g_clear_object (&self->gazetteer);

  G_OBJECT_CLASS (tri_project_parent_class)->finalize (object);
}

static void
tri_project_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  TriProject *self = TRI_PROJECT (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, tri_project_get_file (self));
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, tri_project_get_modified (self));
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, tri_project_get_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, tri_project_get_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tri_project_class_init (TriProjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tri_project_finalize;
  object_class->get_property = tri_project_get_property;

  /**
   * TriProject:file:
   *
   * The user's project file; %NULL for an untitled working copy.
   */
  properties [PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * TriProject:modified:
   *
   * Whether the working copy has changes the user's file lacks. Always
   * %FALSE when the file is opened directly: every action is saved.
   */
  properties [PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * TriProject:can-undo:
   *
   * Whether tri_project_undo() has a decision to undo.
   */
  properties [PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * TriProject:can-redo:
   *
   * Whether tri_project_redo() has a decision to make again.
   */
  properties [PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TriProject::decision-changed:
   * @self: the project
   * @kind: a #TriDecisionKind
   * @key: the cluster key, article id… the decision is about
   *
   * A decision was made, changed, undone or redone.
   */
  signals [DECISION_CHANGED] =
    g_signal_new ("decision-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_STRING);
}

static void
tri_project_init (TriProject *self)
{
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) change_free);
  self->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) change_free);
}

static gboolean
check_writable (TriProject  *self,
                GError     **error)
{
  if (self->db == NULL)
    {
      g_set_error_literal (error, TRI_ERROR, TRI_ERROR_PROJECT, "the project is closed");
      return FALSE;
    }
  if (self->flags & TRI_PROJECT_READ_ONLY)
    {
      g_set_error_literal (error, TRI_ERROR, TRI_ERROR_PROJECT,
                           "the project is open read-only");
      return FALSE;
    }
  return TRUE;
}

/**
 * tri_project_new:
 * @file: (nullable): where the project will be saved; may be %NULL with
 *   %TRI_PROJECT_WORKING_COPY (an untitled project)
 * @flags: %TRI_PROJECT_FLAGS_NONE to create @file itself, or
 *   %TRI_PROJECT_WORKING_COPY to create a working copy that
 *   tri_project_save() writes to @file
 * @error: return location for an error
 *
 * Creates an empty project. An existing @file is never overwritten here.
 *
 * Returns: (transfer full): the project, or %NULL
 */
TriProject *
tri_project_new (GFile            *file,
                 TriProjectFlags   flags,
                 GError          **error)
{
  g_autoptr(TriProject) self = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (file != NULL || (flags & TRI_PROJECT_WORKING_COPY), NULL);
  g_return_val_if_fail (!(flags & TRI_PROJECT_READ_ONLY), NULL);

  self = g_object_new (TRI_TYPE_PROJECT, NULL);
  self->flags = flags;
  self->file = file ? g_object_ref (file) : NULL;

  if (flags & TRI_PROJECT_WORKING_COPY)
    {
      self->working = new_working_file ();
      self->sidecar = sidecar_for (self->working);
      self->modified = TRUE;
      if (!write_sidecar (self, error))
        return NULL;
      path = g_file_get_path (self->working);
    }
  else
    {
      path = g_file_get_path (file);
      if (path == NULL)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               "a project opened directly must be a local file");
          return NULL;
        }
      if (g_file_test (path, G_FILE_TEST_EXISTS))
        {
          g_autofree char *name = display_name (path);

          g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS, "“%s” already exists", name);
          return NULL;
        }
    }

  if (!_tri_project_create_with_schema (path, TRI_PROJECT_SCHEMA_VERSION, error))
    {
      g_unlink (path);
      if (self->working != NULL)
        delete_working_files (self->working);
      return NULL;
    }
  self->db = open_validated (path, flags, &self->schema, error);
  if (self->db == NULL)
    return NULL;
  return g_steal_pointer (&self);
}

/* A message about our working copy, about the user's file instead. */
static void
propagate_for_user (GError     **error,
                    GError      *local_error,
                    const char  *copy_path,
                    GFile       *file)
{
  g_autofree char *user_path = g_file_get_parse_name (file);
  g_autofree char *copy_name = display_name (copy_path);
  g_autofree char *quoted = g_strdup_printf ("“%s”", copy_name);
  g_autofree char *users = g_strdup_printf ("“%s”", user_path);
  g_auto(GStrv) parts = g_strsplit (local_error->message, quoted, -1);

  g_free (local_error->message);
  local_error->message = g_strjoinv (users, parts);
  g_propagate_error (error, local_error);
}

static gboolean
open_working_copy (TriProject    *self,
                   GFile         *file,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *path = NULL;
  GError *local_error = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE, G_FILE_QUERY_INFO_NONE,
                            cancellable, error);
  if (info == NULL)
    return FALSE;
  self->etag = g_strdup (g_file_info_get_etag (info));
  self->working = new_working_file ();
  self->sidecar = sidecar_for (self->working);
  /* The sidecar first: a working copy without one would be orphaned by a
   * crash during the copy. */
  if (!write_sidecar (self, error) ||
      !g_file_copy (file, self->working, G_FILE_COPY_NONE, cancellable, NULL, NULL, error))
    {
      delete_working_files (self->working);
      return FALSE;
    }
  path = g_file_get_path (self->working);
  self->db = open_validated (path, self->flags, &self->schema, &local_error);
  if (self->db == NULL)
    {
      delete_working_files (self->working);
      propagate_for_user (error, local_error, path, file);
      return FALSE;
    }
  return TRUE;
}

/**
 * tri_project_open:
 * @file: a project file
 * @flags: how to open it
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error: %TRI_ERROR_PROJECT with a message
 *   for the researcher when the file is corrupt, truncated, foreign, from a
 *   newer version or read-only
 *
 * Opens a project. The file is checked read-only first and is never written
 * to when it is refused. With %TRI_PROJECT_WORKING_COPY, @file is copied to
 * a private working copy (which works through the document portal) and
 * only tri_project_save() writes to it again. Otherwise an older file is
 * migrated in place, after a copy of it is kept in the backups folder.
 *
 * Returns: (transfer full): the project, or %NULL
 */
TriProject *
tri_project_open (GFile            *file,
                  TriProjectFlags   flags,
                  GCancellable     *cancellable,
                  GError          **error)
{
  g_autoptr(TriProject) self = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (!((flags & TRI_PROJECT_READ_ONLY) && (flags & TRI_PROJECT_WORKING_COPY)), NULL);

  self = g_object_new (TRI_TYPE_PROJECT, NULL);
  self->flags = flags;
  self->file = g_object_ref (file);

  if (flags & TRI_PROJECT_WORKING_COPY)
    return open_working_copy (self, file, cancellable, error) ? g_steal_pointer (&self) : NULL;

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           "a project opened directly must be a local file; use a working copy");
      return NULL;
    }
  self->db = open_validated (path, flags, &self->schema, error);
  if (self->db == NULL)
    return NULL;
  return g_steal_pointer (&self);
}

typedef struct
{
  GFile           *file;
  TriProjectFlags  flags;
} OpenData;

static void
open_data_free (OpenData *data)
{
  g_clear_object (&data->file);
  g_free (data);
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OpenData *data = task_data;
  GError *error = NULL;
  TriProject *project = tri_project_open (data->file, data->flags, cancellable, &error);

  if (project == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, project, g_object_unref);
}

/**
 * tri_project_open_async:
 * @file: a project file
 * @flags: how to open it
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the project is open, or could not be
 * @user_data: for @callback
 *
 * Opens a project on a worker thread; see tri_project_open().
 */
void
tri_project_open_async (GFile               *file,
                        TriProjectFlags      flags,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  OpenData *data;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, tri_project_open_async);
  data = g_new0 (OpenData, 1);
  data->file = g_object_ref (file);
  data->flags = flags;
  g_task_set_task_data (task, data, (GDestroyNotify) open_data_free);
  g_task_run_in_thread (task, open_thread);
}

/**
 * tri_project_open_finish:
 * @result: the result given to the callback
 * @error: return location for an error
 *
 * Returns: (transfer full): the project, or %NULL
 */
TriProject *
tri_project_open_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == tri_project_open_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * tri_project_close:
 * @self: a #TriProject
 * @error: return location for an error
 *
 * Closes the database. A working copy without unsaved changes is deleted;
 * one with changes is kept, and tri_project_list_recoverable() offers it
 * again until it is saved or discarded. Called by finalize too.
 *
 * Returns: %TRUE when closed cleanly
 */
gboolean
tri_project_close (TriProject  *self,
                   GError     **error)
{
  int rc;

  g_return_val_if_fail (TRI_IS_PROJECT (self), FALSE);

  if (self->db == NULL)
    return TRUE;
  if (self->working != NULL && self->modified)
    exec_sql (self->db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL);
  rc = sqlite3_close (self->db);
  self->db = NULL;
  self->closed = TRUE;
  if (rc != SQLITE_OK)
    {
      g_set_error (error, TRI_ERROR, TRI_ERROR_PROJECT, "cannot close the project: %s",
                   sqlite3_errstr (rc));
      return FALSE;
    }
  if (self->working != NULL)
    {
      if (!self->modified)
        delete_working_files (self->working);
      else
        write_sidecar (self, NULL);       /* Pid 0: recoverable now */
    }
  return TRUE;
}

/**
 * tri_project_get_file:
 * @self: a #TriProject
 *
 * Returns: (transfer none) (nullable): the user's project file
 */
GFile *
tri_project_get_file (TriProject *self)
{
  g_return_val_if_fail (TRI_IS_PROJECT (self), NULL);
  return self->file;
}

/**
 * tri_project_get_working_copy:
 * @self: a #TriProject
 *
 * Returns: (transfer none) (nullable): the private working copy, for
 *   tri_project_discard_recoverable() after closing without saving
 */
GFile *
tri_project_get_working_copy (TriProject *self)
{
  g_return_val_if_fail (TRI_IS_PROJECT (self), NULL);
  return self->working;
}

GFile *
_tri_project_get_working_file (TriProject *self)
{
  return self->working;
}

TriProjectFlags
tri_project_get_flags (TriProject *self)
{
  g_return_val_if_fail (TRI_IS_PROJECT (self), 0);
  return self->flags;
}

gboolean
tri_project_get_modified (TriProject *self)
{
  g_return_val_if_fail (TRI_IS_PROJECT (self), FALSE);
  return self->modified;
}

guint
tri_project_get_n_articles (TriProject *self)
{
  g_return_val_if_fail (TRI_IS_PROJECT (self), 0);
  g_return_val_if_fail (self->db != NULL, 0);
  return query_int (self->db, "SELECT count(*) FROM articles", 0);
}

guint
tri_project_get_n_files (TriProject *self)
{
  g_return_val_if_fail (TRI_IS_PROJECT (self), 0);
  g_return_val_if_fail (self->db != NULL, 0);
  return query_int (self->db, "SELECT count(*) FROM files", 0);
}

/**
 * tri_project_get_n_cached:
 * @self: a #TriProject
 *
 * Returns: how many articles have extraction results of this library
 *   version, which load without analysing them again
 */
guint
tri_project_get_n_cached (TriProject *self)
{
  g_autofree char *tag = _tri_project_cache_tag ();
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (TRI_IS_PROJECT (self), 0);
  g_return_val_if_fail (self->db != NULL, 0);

  stmt = prepare (self->db, "SELECT count(*) FROM extraction_cache WHERE version = ?1", NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, tag, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  return sqlite3_column_int (stmt, 0);
}

guint
tri_project_count_decisions (TriProject      *self,
                             TriDecisionKind  kind)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (TRI_IS_PROJECT (self), 0);
  g_return_val_if_fail (kind <= TRI_DECISION_ACTOR, 0);
  g_return_val_if_fail (self->db != NULL, 0);

  sql = g_strdup_printf ("SELECT count(*) FROM %s", decision_tables[kind].table);
  return query_int (self->db, sql, 0);
}

/* Saving. */

/**
 * tri_project_save:
 * @self: a #TriProject
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error; %G_IO_ERROR_WRONG_ETAG when the
 *   file changed on disk since it was opened or saved
 *
 * Writes the working copy to the user's file, atomically. A project opened
 * directly is always saved: this does nothing.
 *
 * Returns: %TRUE on success
 */
gboolean
tri_project_save (TriProject    *self,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autofree char *etag = NULL;

  g_return_val_if_fail (TRI_IS_PROJECT (self), FALSE);

  if (!check_writable (self, error))
    return FALSE;
  if (self->working == NULL)
    return TRUE;
  if (self->file == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                           "the project has no file yet: save it as a new file");
      return FALSE;
    }
  if (!write_copy (db_path (self), self->file, self->etag, &etag, cancellable, error))
    return FALSE;
  g_free (self->etag);
  self->etag = g_steal_pointer (&etag);
  if (!self->modified)
    write_sidecar (self, NULL);
  set_modified (self, FALSE);
  return TRUE;
}

/**
 * tri_project_backup:
 * @self: a #TriProject
 * @target: where to write the copy
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Writes a complete, self-contained copy of the project to @target with
 * the SQLite backup API, atomically. The project stays where it is.
 *
 * Returns: %TRUE on success
 */
gboolean
tri_project_backup (TriProject    *self,
                    GFile         *target,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_return_val_if_fail (TRI_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (target), FALSE);
  g_return_val_if_fail (self->db != NULL, FALSE);

  return write_copy (db_path (self), target, NULL, NULL, cancellable, error);
}

/* Takes @etag. */
static gboolean
switch_to (TriProject  *self,
           GFile       *target,
           char        *etag,
           GError     **error)
{
  if (self->working != NULL)
    {
      g_set_object (&self->file, target);
      g_free (self->etag);
      self->etag = etag;
      write_sidecar (self, NULL);
      set_modified (self, FALSE);
    }
  else
    {
      g_autofree char *path = g_file_get_path (target);
      sqlite3 *db;

      g_free (etag);
      if (path == NULL)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               "a project opened directly must be a local file");
          return FALSE;
        }
      db = open_validated (path, self->flags, &self->schema, error);
      if (db == NULL)
        return FALSE;
      sqlite3_close (self->db);
      self->db = db;
      g_set_object (&self->file, target);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FILE]);
  return TRUE;
}

/**
 * tri_project_save_as:
 * @self: a #TriProject
 * @target: the new project file
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Writes the project to @target (backup API, then an atomic replace) and
 * makes @target the project's file.
 *
 * Returns: %TRUE on success
 */
gboolean
tri_project_save_as (TriProject    *self,
                     GFile         *target,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autofree char *etag = NULL;

  g_return_val_if_fail (TRI_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (target), FALSE);

  if (!check_writable (self, error))
    return FALSE;
  if (!write_copy (db_path (self), target, NULL, &etag, cancellable, error))
    return FALSE;
  return switch_to (self, target, g_steal_pointer (&etag), error);
}

typedef struct
{
  char  *db_path;
  GFile *target;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_free (data->db_path);
  g_clear_object (&data->target);
  g_free (data);
}

static void
save_as_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  SaveData *data = task_data;
  GError *error = NULL;
  char *etag = NULL;

  if (!write_copy (data->db_path, data->target, NULL, &etag, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, etag ? etag : g_strdup (""), g_free);
}

/**
 * tri_project_save_as_async:
 * @self: a #TriProject
 * @target: the new project file
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: for @callback
 *
 * Like tri_project_save_as(), copying on a worker thread with a connection
 * of its own, so a large project does not block the interface.
 */
void
tri_project_save_as_async (TriProject          *self,
                           GFile               *target,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SaveData *data;

  g_return_if_fail (TRI_IS_PROJECT (self));
  g_return_if_fail (G_IS_FILE (target));
  g_return_if_fail (self->db != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, tri_project_save_as_async);
  data = g_new0 (SaveData, 1);
  data->db_path = g_strdup (db_path (self));
  data->target = g_object_ref (target);
  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);
  g_task_run_in_thread (task, save_as_thread);
}

/**
 * tri_project_save_as_finish:
 * @self: a #TriProject
 * @result: the result given to the callback
 * @error: return location for an error
 *
 * Makes the new file the project's file.
 *
 * Returns: %TRUE on success
 */
gboolean
tri_project_save_as_finish (TriProject    *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  SaveData *data;
  char *etag;

  g_return_val_if_fail (TRI_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  etag = g_task_propagate_pointer (G_TASK (result), error);
  if (etag == NULL)
    return FALSE;
  data = g_task_get_task_data (G_TASK (result));
  return switch_to (self, data->target, etag, error);
}

/**
 * tri_project_list_recoverable:
 *
 * Finds the working copies with unsaved changes that no running process
 * has open: what a crash (or a close without saving) left. Working copies
 * without changes are deleted.
 *
 * Returns: (transfer full) (element-type GFile): the working copies, for
 *   tri_project_recover() or tri_project_discard_recoverable()
 */
GPtrArray *
tri_project_list_recoverable (void)
{
  g_autofree char *dir_path = private_dir ("working");
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return g_steal_pointer (&out);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autoptr(GKeyFile) kf = g_key_file_new ();
      g_autofree char *ini = NULL;
      g_autofree char *host = NULL;
      g_autofree char *db = NULL;
      g_autoptr(GFile) working = NULL;
      gboolean here;
      gint64 pid;

      if (!g_str_has_suffix (name, ".triangulate.ini"))
        continue;
      ini = g_build_filename (dir_path, name, NULL);
      db = g_strndup (ini, strlen (ini) - strlen (".ini"));
      working = g_file_new_for_path (db);
      if (!g_key_file_load_from_file (kf, ini, G_KEY_FILE_NONE, NULL))
        continue;
      pid = g_key_file_get_int64 (kf, "Working Copy", "Pid", NULL);
      host = g_key_file_get_string (kf, "Working Copy", "Host", NULL);
      here = g_strcmp0 (host, g_get_host_name ()) == 0;
      if (here && (pid == getpid () || process_alive (pid)))
        continue;
      if (!g_file_test (db, G_FILE_TEST_EXISTS) ||
          !g_key_file_get_boolean (kf, "Working Copy", "Modified", NULL))
        {
          delete_working_files (working);
          continue;
        }
      g_ptr_array_add (out, g_steal_pointer (&working));
    }
  return g_steal_pointer (&out);
}

/**
 * tri_project_recover:
 * @working_copy: a file from tri_project_list_recoverable()
 * @error: return location for an error
 *
 * Opens a working copy left by a crash. Its #TriProject:file is the file it
 * was a copy of (or %NULL), and it is #TriProject:modified.
 *
 * Returns: (transfer full): the project, or %NULL
 */
TriProject *
tri_project_recover (GFile   *working_copy,
                     GError **error)
{
  g_autoptr(TriProject) self = NULL;
  g_autoptr(GKeyFile) kf = g_key_file_new ();
  g_autofree char *path = NULL;
  g_autofree char *ini = NULL;
  g_autofree char *target = NULL;
  g_autofree char *etag = NULL;

  g_return_val_if_fail (G_IS_FILE (working_copy), NULL);

  self = g_object_new (TRI_TYPE_PROJECT, NULL);
  self->flags = TRI_PROJECT_WORKING_COPY;
  self->working = g_object_ref (working_copy);
  self->sidecar = sidecar_for (working_copy);
  path = g_file_get_path (working_copy);
  ini = g_file_get_path (self->sidecar);
  if (!g_key_file_load_from_file (kf, ini, G_KEY_FILE_NONE, error))
    return NULL;
  target = g_key_file_get_string (kf, "Working Copy", "Target", NULL);
  etag = g_key_file_get_string (kf, "Working Copy", "ETag", NULL);
  if (target != NULL && *target)
    self->file = g_file_new_for_uri (target);
  if (etag != NULL && *etag)
    self->etag = g_steal_pointer (&etag);

  self->db = open_validated (path, self->flags, &self->schema, error);
  if (self->db == NULL)
    return NULL;
  self->modified = TRUE;
  if (!write_sidecar (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

/**
 * tri_project_discard_recoverable:
 * @working_copy: a file from tri_project_list_recoverable() or
 *   tri_project_get_working_copy()
 * @error: return location for an error
 *
 * Deletes a working copy and its unsaved changes.
 *
 * Returns: %TRUE on success
 */
gboolean
tri_project_discard_recoverable (GFile   *working_copy,
                                 GError **error)
{
  g_autofree char *dir = private_dir ("working");
  g_autofree char *path = NULL;

  g_return_val_if_fail (G_IS_FILE (working_copy), FALSE);

  path = g_file_get_path (working_copy);
  if (path == NULL || !g_str_has_prefix (path, dir))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           "not a working copy");
      return FALSE;
    }
  delete_working_files (working_copy);
  return TRUE;
}

/* Articles. */

static char *
unique_article_id (sqlite3    *db,
                   const char *id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  char *candidate = g_strdup (id);

  if (sqlite3_prepare_v2 (db, "SELECT 1 FROM articles WHERE article_id = ?1", -1, &stmt, NULL) != SQLITE_OK)
    return candidate;
  for (guint n = 2;; n++)
    {
      gboolean taken;

      sqlite3_bind_text (stmt, 1, candidate, -1, SQLITE_STATIC);
      taken = sqlite3_step (stmt) == SQLITE_ROW;
      sqlite3_reset (stmt);
      if (!taken)
        break;
      g_free (candidate);
      candidate = g_strdup_printf ("%s~%u", id, n);
    }
  return candidate;
}

/* Ids unique in the project and among the articles in @taken, before the
 * analysis, which uses them. */
static void
assign_ids (TriProject *self,
            GPtrArray  *articles,
            GHashTable *taken)
{
  for (guint i = 0; i < articles->len; i++)
    {
      TriArticle *article = g_ptr_array_index (articles, i);
      g_autofree char *base = g_strdup (tri_article_get_id (article));
      g_autofree char *id = unique_article_id (self->db, base);

      for (guint n = 2; g_hash_table_contains (taken, id); n++)
        {
          g_autofree char *alt = g_strdup_printf ("%s~%u", base, n);

          g_free (id);
          id = unique_article_id (self->db, alt);
        }
      _tri_article_set_id (article, id);
      g_hash_table_add (taken, g_steal_pointer (&id));
    }
}

static void
apply_user_published (sqlite3    *db,
                      TriArticle *article)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = prepare (db, "SELECT date FROM published_dates WHERE article_id = ?1", NULL);
  if (stmt == NULL)
    return;
  sqlite3_bind_text (stmt, 1, tri_article_get_id (article), -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    tri_article_set_published (article, (const char *) sqlite3_column_text (stmt, 0),
                               TRI_DATE_SOURCE_USER);
}

/* The rows of one file and its analysed @articles, in the open
 * transaction. */
static gboolean
insert_articles (TriProject  *self,
                 const char  *path,
                 GBytes      *bytes,
                 GPtrArray   *articles,
                 GError     **error)
{
  g_autofree char *sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  g_autofree char *tag = _tri_project_cache_tag ();
  g_autoptr(sqlite3_stmt) known = NULL;
  sqlite3_stmt *stmt;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 file_id;
  gsize len;
  const void *data = g_bytes_get_data (bytes, &len);

  known = prepare (self->db, "SELECT path FROM files WHERE sha256 = ?1", error);
  if (known == NULL)
    return FALSE;
  sqlite3_bind_text (known, 1, sha, -1, SQLITE_STATIC);
  if (sqlite3_step (known) == SQLITE_ROW)
    {
      g_autofree char *name = display_name (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   "%s is already in the project (as %s)", name, sqlite3_column_text (known, 0));
      return FALSE;
    }

  stmt = prepare (self->db, "INSERT INTO files (path, original, sha256, added) VALUES (?1, ?2, ?3, ?4)",
                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, path, -1, SQLITE_STATIC);
  sqlite3_bind_blob64 (stmt, 2, data ? data : "", len, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, sha, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, now);
  if (!step_done (self->db, stmt, "cannot store the file", error))
    return FALSE;
  file_id = sqlite3_last_insert_rowid (self->db);

  for (guint i = 0; i < articles->len; i++)
    {
      TriArticle *article = g_ptr_array_index (articles, i);
      g_autofree char *id = unique_article_id (self->db, tri_article_get_id (article));
      g_autoptr(GBytes) cache = NULL;
      gint64 rowid;
      const char *text;
      const void *cache_data;
      gsize text_len, cache_len;

      /* The id was made unique before the analysis; another program took
       * it since. */
      if (g_strcmp0 (id, tri_article_get_id (article)) != 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                       "another program added an article named “%s” meanwhile: add it again",
                       tri_article_get_id (article));
          return FALSE;
        }
      stmt = prepare (self->db,
                      "INSERT INTO articles (article_id, file_id, position, title, outlet, url,"
                      " language, published, added) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                      error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, file_id);
      sqlite3_bind_int (stmt, 3, i);
      sqlite3_bind_text (stmt, 4, tri_article_get_title (article), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, tri_article_get_outlet (article), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, tri_article_get_url (article), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 7, tri_article_get_language (article), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 8, tri_article_get_published (article), -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 9, now);
      if (!step_done (self->db, stmt, "cannot store the article", error))
        return FALSE;
      rowid = sqlite3_last_insert_rowid (self->db);

      text = tri_article_get_text (article, &text_len);
      stmt = prepare (self->db, "INSERT INTO article_text (rowid, title, body) VALUES (?1, ?2, ?3)",
                      error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, rowid);
      sqlite3_bind_text (stmt, 2, tri_article_get_title (article), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, text, text_len, SQLITE_STATIC);
      if (!step_done (self->db, stmt, "cannot index the article", error))
        return FALSE;

      cache = cache_bytes (article);
      cache_data = g_bytes_get_data (cache, &cache_len);
      stmt = prepare (self->db,
                      "INSERT INTO extraction_cache (article, version, data) VALUES (?1, ?2, ?3)",
                      error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, rowid);
      sqlite3_bind_text (stmt, 2, tag, -1, SQLITE_STATIC);
      sqlite3_bind_blob64 (stmt, 3, cache_data ? cache_data : "", cache_len, SQLITE_STATIC);
      if (!step_done (self->db, stmt, "cannot store the extraction results", error))
        return FALSE;
    }
  return TRUE;
}

/* Stores one file and its analysed @articles: in a transaction of its
 * own, or in a savepoint of a batch's. */
static gboolean
store_articles (TriProject  *self,
                const char  *path,
                GBytes      *bytes,
                GPtrArray   *articles,
                gboolean     in_batch,
                GError     **error)
{
  if (!exec_sql (self->db, in_batch ? "SAVEPOINT file" : "BEGIN IMMEDIATE", error))
    return FALSE;
  if (!insert_articles (self, path, bytes, articles, error) ||
      !exec_sql (self->db, in_batch ? "RELEASE file" : "COMMIT", error))
    {
      if (in_batch)
        sqlite3_exec (self->db, "ROLLBACK TO file; RELEASE file", NULL, NULL, NULL);
      else
        rollback (self->db);
      return FALSE;
    }

  for (guint i = 0; i < articles->len; i++)
    apply_user_published (self->db, g_ptr_array_index (articles, i));
  if (!in_batch)
    set_modified (self, TRUE);
  return TRUE;
}

/* The researcher's own places and actors, on top of the shared gazetteer.
 * A place or actor id the gazetteer knows is a correction: what the
 * researcher did not give (kind, country, parent, other names) stays. */
static TriGazetteer *
build_gazetteer (sqlite3 *db)
{
  g_autoptr(sqlite3_stmt) places = prepare (db, "SELECT place_id, name, lat, lon FROM places", NULL);
  g_autoptr(sqlite3_stmt) actors = prepare (db, "SELECT actor_id, name, kind FROM actors", NULL);
  g_autoptr(TriGazetteer) gazetteer = NULL;

  if (places == NULL || actors == NULL)
    return NULL;

  while (sqlite3_step (places) == SQLITE_ROW)
    {
      const char *id = (const char *) sqlite3_column_text (places, 0);
      const char *name = (const char *) sqlite3_column_text (places, 1);
      g_autoptr(TriPlace) place = NULL;
      TriPlace *known;

      if (id == NULL || *id == '\0' || name == NULL || *name == '\0')
        continue;
      if (gazetteer == NULL)
        gazetteer = tri_gazetteer_new_default ();
      known = tri_gazetteer_lookup_id (gazetteer, id);
      place = _tri_place_new_full (id, known ? tri_place_get_kind (known) : TRI_PLACE_KIND_FACILITY,
                                   name, known ? tri_place_get_name_vi (known) : NULL,
                                   sqlite3_column_double (places, 2), sqlite3_column_double (places, 3),
                                   known ? tri_place_get_country (known) : NULL,
                                   known ? tri_place_get_parent (known) : NULL,
                                   known ? tri_place_get_population (known) : 0,
                                   known ? tri_place_is_capital (known) : FALSE);
      tri_gazetteer_add_place (gazetteer, place, NULL);
    }

  while (sqlite3_step (actors) == SQLITE_ROW)
    {
      const char *id = (const char *) sqlite3_column_text (actors, 0);
      const char *name = (const char *) sqlite3_column_text (actors, 1);
      const char *kind_name = (const char *) sqlite3_column_text (actors, 2);
      g_autoptr(TriActor) actor = NULL;
      TriActor *known;
      TriActorKind kind;

      if (id == NULL || *id == '\0' || name == NULL || *name == '\0')
        continue;
      if (gazetteer == NULL)
        gazetteer = tri_gazetteer_new_default ();
      known = tri_gazetteer_lookup_actor (gazetteer, id);
      if (!tri_actor_kind_from_string (kind_name, &kind))
        kind = known ? tri_actor_get_kind (known) : TRI_ACTOR_KIND_GROUP;
      actor = tri_actor_new (id, kind, name, known ? tri_actor_get_name_vi (known) : NULL,
                             known ? tri_actor_get_country (known) : NULL,
                             known ? tri_actor_get_parent (known) : NULL);
      tri_gazetteer_add_actor (gazetteer, actor, NULL);
    }

  return g_steal_pointer (&gazetteer);
}

/* Built at the first analysis after the entries change */
static TriGazetteer *
project_gazetteer (TriProject *self)
{
  if (!self->gazetteer_ready && self->db != NULL)
    {
      g_clear_object (&self->gazetteer);
      self->gazetteer = build_gazetteer (self->db);
      self->gazetteer_ready = TRUE;
    }
  return self->gazetteer;
}

static GPtrArray *
add_articles (TriProject  *self,
              const char  *path,
              GBytes      *bytes,
              GPtrArray   *articles,
              GError     **error)
{
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  assign_ids (self, articles, taken);
  for (guint i = 0; i < articles->len; i++)
    tri_article_analyze_with (g_ptr_array_index (articles, i), project_gazetteer (self));
  if (!store_articles (self, path, bytes, articles, FALSE, error))
    return NULL;
  return g_ptr_array_ref (articles);
}

/**
 * tri_project_add_bytes:
 * @self: a #TriProject
 * @path: the path the bytes were read from
 * @bytes: a file's contents
 * @error: return location for an error; %G_IO_ERROR_EXISTS when the same
 *   bytes are already in the project
 *
 * Reads, analyses and stores the articles of one file, in one transaction.
 * Each article gets an id unique in the project.
 *
 * Returns: (transfer full) (element-type TriArticle): the analysed articles
 */
GPtrArray *
tri_project_add_bytes (TriProject  *self,
                       const char  *path,
                       GBytes      *bytes,
                       GError     **error)
{
  g_autoptr(GPtrArray) articles = NULL;

  g_return_val_if_fail (TRI_IS_PROJECT (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (bytes != NULL, NULL);

  if (!check_writable (self, error))
    return NULL;
  articles = tri_load_bytes (path, bytes, error);
  if (articles == NULL)
    return NULL;
  return add_articles (self, path, bytes, articles, error);
}

/**
 * tri_project_add_file:
 * @self: a #TriProject
 * @file: an article file
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error naming the reason
 *
 * Like tri_project_add_bytes(), reading @file.
 *
 * Returns: (transfer full) (element-type TriArticle): the analysed articles
 */
GPtrArray *
tri_project_add_file (TriProject    *self,
                      GFile         *file,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(GPtrArray) articles = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (TRI_IS_PROJECT (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!check_writable (self, error))
    return NULL;
  articles = tri_load_file (file, cancellable, error);
  if (articles == NULL)
    return NULL;
  path = g_file_get_path (file);
  if (path == NULL)
    path = g_file_get_uri (file);
  return add_articles (self, path, tri_article_get_original (g_ptr_array_index (articles, 0)),
                       articles, error);
}

/* Adding many files: read and analysed on worker threads, stored in
 * batches. */

typedef struct
{
  GFile     *file;
  char      *path;
  GPtrArray *articles;
  GError    *error;
} AddJob;

static void
add_job_clear (AddJob *job)
{
  g_clear_object (&job->file);
  g_clear_pointer (&job->path, g_free);
  g_clear_pointer (&job->articles, g_ptr_array_unref);
  g_clear_error (&job->error);
}

static void
add_job_load (gpointer data,
              gpointer user_data)
{
  AddJob *job = data;

  job->articles = tri_load_file (job->file, user_data, &job->error);
}

static void
add_job_analyze (gpointer data,
                 gpointer user_data)
{
  AddJob *job = data;

  for (guint i = 0; job->articles != NULL && i < job->articles->len; i++)
    tri_article_analyze_with (g_ptr_array_index (job->articles, i), user_data);
}

static void
run_parallel (gpointer  *jobs,
              guint      n_jobs,
              GFunc      func,
              gpointer   user_data)
{
  guint n_threads = MAX (1, MIN (g_get_num_processors (), 8));
  GThreadPool *pool;

  if (n_threads == 1 || n_jobs < 2)
    {
      for (guint i = 0; i < n_jobs; i++)
        func (jobs[i], user_data);
      return;
    }
  pool = g_thread_pool_new (func, user_data, n_threads, FALSE, NULL);
  for (guint i = 0; i < n_jobs; i++)
    g_thread_pool_push (pool, jobs[i], NULL);
  g_thread_pool_free (pool, FALSE, TRUE);
}

static void
add_load_error (GPtrArray  *errors,
                const char *path,
                GError     *error)
{
  TriLoadError e = { (char *) path, error->message };

  if (errors != NULL)
    g_ptr_array_add (errors, tri_load_error_copy (&e));
}

/* Stores the loaded and analysed @jobs in one transaction. */
static gboolean
store_batch (TriProject  *self,
             AddJob      *jobs,
             guint        n_jobs,
             GPtrArray   *added,
             GPtrArray   *errors,
             GError     **error)
{
  gboolean any = FALSE;

  if (!exec_sql (self->db, "BEGIN IMMEDIATE", error))
    return FALSE;
  for (guint i = 0; i < n_jobs; i++)
    {
      AddJob *job = &jobs[i];

      if (job->articles != NULL)
        {
          GBytes *bytes = tri_article_get_original (g_ptr_array_index (job->articles, 0));

          if (store_articles (self, job->path, bytes, job->articles, TRUE, &job->error))
            {
              for (guint j = 0; j < job->articles->len; j++)
                g_ptr_array_add (added, g_object_ref (g_ptr_array_index (job->articles, j)));
              any = TRUE;
            }
        }
      if (job->error != NULL)
        add_load_error (errors, job->path, job->error);
    }
  if (!exec_sql (self->db, "COMMIT", error))
    {
      rollback (self->db);
      return FALSE;
    }
  if (any)
    set_modified (self, TRUE);
  return TRUE;
}

/**
 * tri_project_add_files:
 * @self: a #TriProject
 * @files: (array length=n_files): article files (not folders: see
 *   tri_collect_files())
 * @n_files: their number
 * @errors: (nullable) (element-type TriLoadError): where to add the files
 *   that could not be added, with the reasons; the others are still added
 * @cancellable: (nullable): a #GCancellable; what was stored stays stored
 * @error: return location for an error that stopped the import
 *
 * Adds many files: they are read and analysed on worker threads and stored
 * a batch at a time, each batch one transaction, so that an import of
 * thousands of files neither waits for a disk flush per file nor loses
 * more than one batch in a crash.
 *
 * Returns: (transfer full) (element-type TriArticle): the articles added,
 *   or %NULL when the project could not be written
 */
GPtrArray *
tri_project_add_files (TriProject    *self,
                       GFile        **files,
                       guint          n_files,
                       GPtrArray     *errors,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (TRI_IS_PROJECT (self), NULL);
  g_return_val_if_fail (files != NULL || n_files == 0, NULL);

  if (!check_writable (self, error))
    return NULL;

  for (guint first = 0; first < n_files; first += ADD_BATCH)
    {
      guint n = MIN (ADD_BATCH, n_files - first);
      g_autofree AddJob *jobs = g_new0 (AddJob, n);
      g_autofree gpointer *ptrs = g_new0 (gpointer, n);
      g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      gboolean ok;

      if (g_cancellable_is_cancelled (cancellable))
        break;
      for (guint i = 0; i < n; i++)
        {
          jobs[i].file = g_object_ref (files[first + i]);
          jobs[i].path = g_file_get_path (jobs[i].file);
          if (jobs[i].path == NULL)
            jobs[i].path = g_file_get_uri (jobs[i].file);
          ptrs[i] = &jobs[i];
        }
      run_parallel (ptrs, n, add_job_load, cancellable);
      for (guint i = 0; i < n; i++)
        if (jobs[i].articles != NULL)
          assign_ids (self, jobs[i].articles, taken);
      run_parallel (ptrs, n, add_job_analyze, project_gazetteer (self));

      ok = store_batch (self, jobs, n, added, errors, error);
      for (guint i = 0; i < n; i++)
        add_job_clear (&jobs[i]);
      if (!ok)
        return NULL;
    }
  return g_steal_pointer (&added);
}

typedef struct
{
  char       *path;
  guint       schema;
  GPtrArray  *files;        /* GFile, or TriArticle for add_articles */
  GPtrArray  *errors;
} AddData;

static void
add_data_free (AddData *data)
{
  g_free (data->path);
  g_clear_pointer (&data->files, g_ptr_array_unref);
  g_clear_pointer (&data->errors, g_ptr_array_unref);
  g_free (data);
}

static void
add_files_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  AddData *data = task_data;
  g_autoptr(TriProject) shadow = g_object_new (TRI_TYPE_PROJECT, NULL);
  GError *error = NULL;
  GPtrArray *added;

  /* A connection of its own, in a project of its own: a connection is
   * never shared between threads, and the main thread goes on making
   * decisions (WAL or a busy timeout lets them wait for each other). */
  shadow->db = open_connection (data->path, SQLITE_OPEN_READWRITE, &error);
  if (shadow->db == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  shadow->schema = data->schema;
  added = tri_project_add_files (shadow, (GFile **) data->files->pdata, data->files->len, data->errors,
                                 cancellable, &error);
  tri_project_close (shadow, NULL);
  if (added == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, added, (GDestroyNotify) g_ptr_array_unref);
}

/**
 * tri_project_add_files_async:
 * @self: a #TriProject
 * @files: (array length=n_files): article files (not folders)
 * @n_files: their number
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when they are stored
 * @user_data: for @callback
 *
 * Like tri_project_add_files(), on worker threads with a database
 * connection of their own, so that the caller can go on using @self.
 */
void
tri_project_add_files_async (TriProject          *self,
                             GFile              **files,
                             guint                n_files,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  AddData *data;

  g_return_if_fail (TRI_IS_PROJECT (self));
  g_return_if_fail (files != NULL || n_files == 0);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, tri_project_add_files_async);
  if (!check_writable (self, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  data = g_new0 (AddData, 1);
  data->path = g_strdup (db_path (self));
  data->schema = self->schema;
  data->files = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (data->files, g_object_ref (files[i]));
  data->errors = g_ptr_array_new_with_free_func ((GDestroyNotify) tri_load_error_free);
  g_task_set_task_data (task, data, (GDestroyNotify) add_data_free);
  g_task_run_in_thread (task, add_files_thread);
}

/**
 * tri_project_add_files_finish:
 * @self: a #TriProject
 * @result: the result given to the callback
 * @errors: (out) (optional) (transfer full) (element-type TriLoadError):
 *   the files that could not be added, with the reasons
 * @error: return location for an error that stopped the import
 *
 * Returns: (transfer full) (element-type TriArticle): the articles added,
 *   or %NULL
 */
GPtrArray *
tri_project_add_files_finish (TriProject    *self,
                              GAsyncResult  *result,
                              GPtrArray    **errors,
                              GError       **error)
{
  AddData *data;
  GPtrArray *added;

  g_return_val_if_fail (TRI_IS_PROJECT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  data = g_task_get_task_data (G_TASK (result));
  added = g_task_propagate_pointer (G_TASK (result), error);
  if (errors != NULL)
    *errors = data ? g_ptr_array_ref (data->errors) : NULL;
  if (added != NULL && added->len > 0)
    set_modified (self, TRUE);
  return added;
}

static void
add_analysed_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  AddData *data = task_data;
  g_autoptr(TriProject) shadow = g_object_new (TRI_TYPE_PROJECT, NULL);
  g_autoptr(GPtrArray) stored = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) by_path = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GError *error = NULL;

  shadow->db = open_connection (data->path, SQLITE_OPEN_READWRITE, &error);
  if (shadow->db == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  shadow->schema = data->schema;

  /* One group per file, its articles in the order it holds them. */
  for (guint i = 0; i < data->files->len; i++)
    {
      TriArticle *article = g_ptr_array_index (data->files, i);
      const char *path = tri_article_get_path (article);
      GPtrArray *group;

      if (path == NULL)
        continue;
      group = g_hash_table_lookup (by_path, path);
      if (group == NULL)
        {
          group = g_ptr_array_new ();
          g_hash_table_insert (by_path, (gpointer) path, group);
          g_ptr_array_add (groups, group);
        }
      g_ptr_array_add (group, article);
    }

  for (guint i = 0; i < groups->len && !g_cancellable_is_cancelled (cancellable); i++)
    {
      GPtrArray *group = g_ptr_array_index (groups, i);
      TriArticle *first = g_ptr_array_index (group, 0);
      const char *path = tri_article_get_path (first);
      GBytes *bytes = tri_article_get_original (first);
      g_autoptr(GError) local_error = NULL;

      if (bytes == NULL)
        continue;
      if (store_articles (shadow, path, bytes, group, FALSE, &local_error))
        {
          for (guint j = 0; j < group->len; j++)
            g_ptr_array_add (stored, g_object_ref (g_ptr_array_index (group, j)));
          continue;
        }
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_BUSY))
        {
          /* An id the project has already: the articles get new ids, and
           * their claims with them, so they are analysed again. */
          g_autoptr(GPtrArray) fresh = NULL;

          g_clear_error (&local_error);
          fresh = tri_project_add_bytes (shadow, path, bytes, &local_error);
          if (fresh != NULL)
            g_ptr_array_extend (stored, fresh, (GCopyFunc) g_object_ref, NULL);
        }
      if (local_error != NULL && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        add_load_error (data->errors, path, local_error);
    }
  tri_project_close (shadow, NULL);
  g_task_return_pointer (task, g_steal_pointer (&stored), (GDestroyNotify) g_ptr_array_unref);
}

/**
 * tri_project_add_articles_async:
 * @self: a #TriProject
 * @articles: (element-type TriArticle): analysed articles, as
 *   tri_corpus_load() read them: every article of each file, in order
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when they are stored
 * @user_data: for @callback
 *
 * Stores articles that were read and analysed already (for a window that
 * shows them first), each file in its own transaction, on a worker thread
 * with a database connection of its own. Their analysis is stored as it
 * is, unless an article's id is taken in the project: then the file is
 * read and analysed again, with new ids. Files already in the project are
 * skipped. Finish with tri_project_add_files_finish().
 */
void
tri_project_add_articles_async (TriProject          *self,
                                GPtrArray           *articles,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  AddData *data;

  g_return_if_fail (TRI_IS_PROJECT (self));
  g_return_if_fail (articles != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, tri_project_add_files_async);
  if (!check_writable (self, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  data = g_new0 (AddData, 1);
  data->path = g_strdup (db_path (self));
  data->schema = self->schema;
  data->files = g_ptr_array_copy (articles, (GCopyFunc) g_object_ref, NULL);
  g_ptr_array_set_free_func (data->files, g_object_unref);
  data->errors = g_ptr_array_new_with_free_func ((GDestroyNotify) tri_load_error_free);
  g_task_set_task_data (task, data, (GDestroyNotify) add_data_free);
  g_task_run_in_thread (task, add_analysed_thread);
}

/* Loading the articles back. */

typedef struct
{
  gint64      rowid;
  char       *id;
  guint       position;
  GBytes     *cache;       /* NULL: analyse again */
  char       *user_date;
} ArticleRow;

typedef struct
{
  char       *path;
  GBytes     *bytes;
  GArray     *rows;        /* ArticleRow */
  GPtrArray  *articles;    /* the result */
  GPtrArray  *new_cache;   /* GBytes or NULL, parallel to rows */
  GError     *error;       /* the stored bytes could not be read again */
} FileJob;

static void
article_row_clear (ArticleRow *row)
{
  g_free (row->id);
  g_clear_pointer (&row->cache, g_bytes_unref);
  g_free (row->user_date);
}

static void
file_job_free (FileJob *job)
{
  g_free (job->path);
  g_clear_pointer (&job->bytes, g_bytes_unref);
  g_clear_pointer (&job->rows, g_array_unref);
  g_clear_pointer (&job->articles, g_ptr_array_unref);
  g_clear_pointer (&job->new_cache, g_ptr_array_unref);
  g_clear_error (&job->error);
  g_free (job);
}

static GPtrArray *
read_jobs (sqlite3  *db,
           GError  **error)
{
  g_autoptr(GPtrArray) jobs = g_ptr_array_new_with_free_func ((GDestroyNotify) file_job_free);
  g_autofree char *tag = _tri_project_cache_tag ();
  g_autoptr(sqlite3_stmt) stmt = NULL;
  FileJob *job = NULL;
  gint64 last_file = -1;
  int rc;

  stmt = prepare (db,
                  "SELECT f.id, f.path, f.original, a.id, a.article_id, a.position,"
                  " c.data, p.date"
                  " FROM articles a JOIN files f ON f.id = a.file_id"
                  " LEFT JOIN extraction_cache c ON c.article = a.id AND c.version = ?1"
                  " LEFT JOIN published_dates p ON p.article_id = a.article_id"
                  " ORDER BY f.id, a.position", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, tag, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 file_id = sqlite3_column_int64 (stmt, 0);
      ArticleRow row = { 0, };

      if (file_id != last_file)
        {
          job = g_new0 (FileJob, 1);
          job->path = dup_column (stmt, 1);
          job->bytes = g_bytes_new (sqlite3_column_blob (stmt, 2), sqlite3_column_bytes (stmt, 2));
          job->rows = g_array_new (FALSE, TRUE, sizeof (ArticleRow));
          g_array_set_clear_func (job->rows, (GDestroyNotify) article_row_clear);
          g_ptr_array_add (jobs, job);
          last_file = file_id;
        }
      row.rowid = sqlite3_column_int64 (stmt, 3);
      row.id = dup_column (stmt, 4);
      row.position = sqlite3_column_int (stmt, 5);
      if (sqlite3_column_type (stmt, 6) == SQLITE_BLOB)
        row.cache = g_bytes_new (sqlite3_column_blob (stmt, 6), sqlite3_column_bytes (stmt, 6));
      row.user_date = dup_column (stmt, 7);
      g_array_append_val (job->rows, row);
    }
  if (rc != SQLITE_DONE)
    {
      set_db_error (error, db, "cannot read the articles");
      return NULL;
    }
  return g_steal_pointer (&jobs);
}

/* Rebuilds a file's articles from its bytes; uses the cache, or analyses. */
static void
run_file_job (gpointer data,
              gpointer user_data)
{
  FileJob *job = data;
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GError) error = NULL;

  job->articles = g_ptr_array_new_with_free_func (g_object_unref);
  job->new_cache = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  articles = tri_load_bytes (job->path, job->bytes, &error);
  if (articles == NULL)
    {
      /* A damaged project: the file is reported with the corpus' errors
       * (a warning here was fatal in tests, and the user never saw it). */
      job->error = g_steal_pointer (&error);
      return;
    }
  for (guint i = 0; i < job->rows->len; i++)
    {
      ArticleRow *row = &g_array_index (job->rows, ArticleRow, i);
      TriArticle *article;
      GBytes *fresh = NULL;

      if (row->position >= articles->len)
        {
          g_ptr_array_add (job->new_cache, NULL);
          continue;
        }
      article = g_ptr_array_index (articles, row->position);
      _tri_article_set_id (article, row->id);
      if (row->cache == NULL || !restore_analysis (article, row->cache))
        {
          tri_article_analyze_with (article, user_data);
          fresh = cache_bytes (article);
        }
      g_ptr_array_add (job->new_cache, fresh);
      if (row->user_date != NULL)
        tri_article_set_published (article, row->user_date, TRI_DATE_SOURCE_USER);
      g_ptr_array_add (job->articles, g_object_ref (article));
    }
}

/* What had to be analysed again goes into the cache, in one transaction. */
static void
store_new_cache (sqlite3   *db,
                 GPtrArray *jobs)
{
  g_autofree char *tag = _tri_project_cache_tag ();
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean any = FALSE;

  for (guint i = 0; i < jobs->len && !any; i++)
    {
      FileJob *job = g_ptr_array_index (jobs, i);

      for (guint j = 0; j < job->new_cache->len && !any; j++)
        any = g_ptr_array_index (job->new_cache, j) != NULL;
    }
  if (!any || !exec_sql (db, "BEGIN IMMEDIATE", NULL))
    return;
  stmt = prepare (db, "INSERT OR REPLACE INTO extraction_cache (article, version, data)"
                  " VALUES (?1, ?2, ?3)", NULL);
  for (guint i = 0; stmt != NULL && i < jobs->len; i++)
    {
      FileJob *job = g_ptr_array_index (jobs, i);

      for (guint j = 0; j < job->new_cache->len; j++)
        {
          GBytes *bytes = g_ptr_array_index (job->new_cache, j);
          const void *data;
          gsize len;

          if (bytes == NULL)
            continue;
          data = g_bytes_get_data (bytes, &len);
          sqlite3_bind_int64 (stmt, 1, g_array_index (job->rows, ArticleRow, j).rowid);
          sqlite3_bind_text (stmt, 2, tag, -1, SQLITE_STATIC);
          sqlite3_bind_blob64 (stmt, 3, data ? data : "", len, SQLITE_STATIC);
          sqlite3_step (stmt);
          sqlite3_reset (stmt);
        }
    }
  if (!exec_sql (db, "COMMIT", NULL))
    rollback (db);
}

static TriCorpus *
load_corpus (sqlite3       *db,
             TriGazetteer  *gazetteer,
             gboolean       read_only,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GPtrArray) jobs = read_jobs (db, error);
  g_autoptr(TriCorpus) corpus = NULL;

  if (jobs == NULL)
    return NULL;
  run_parallel (jobs->pdata, jobs->len, run_file_job, gazetteer);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (!read_only)
    store_new_cache (db, jobs);

  corpus = tri_corpus_new ();
  for (guint i = 0; i < jobs->len; i++)
    {
      FileJob *job = g_ptr_array_index (jobs, i);

      for (guint j = 0; j < job->articles->len; j++)
        tri_corpus_add (corpus, g_ptr_array_index (job->articles, j));
      if (job->error != NULL)
        add_load_error (tri_corpus_get_errors (corpus), job->path, job->error);
    }
  return g_steal_pointer (&corpus);
}

/**
 * tri_project_load_corpus:
 * @self: a #TriProject
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Rebuilds the project's articles from their stored bytes, in the order
 * they were added, with their extraction results from the cache when this
 * library version made them (analysing them again otherwise, and caching
 * the results unless the project is read-only), and the publication dates
 * the researcher set. Call tri_corpus_cross_reference() on the result.
 *
 * Returns: (transfer full): a corpus of the articles
 */
TriCorpus *
tri_project_load_corpus (TriProject    *self,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_return_val_if_fail (TRI_IS_PROJECT (self), NULL);

  if (self->db == NULL)
    {
      g_set_error_literal (error, TRI_ERROR, TRI_ERROR_PROJECT, "the project is closed");
      return NULL;
    }
  return load_corpus (self->db, project_gazetteer (self), self->flags & TRI_PROJECT_READ_ONLY,
                      cancellable, error);
}

typedef struct
{
  char         *path;
  gboolean      read_only;
  gboolean      gazetteer_ready;
  TriGazetteer *gazetteer;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_free (data->path);
  g_clear_object (&data->gazetteer);
  g_free (data);
}

static void
load_corpus_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  LoadData *data = task_data;
  GError *error = NULL;
  sqlite3 *db;
  TriCorpus *corpus;

  /* A connection of our own: the main thread may go on making decisions. */
  db = open_connection (data->path, data->read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE,
                        &error);
  if (db == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* Building a gazetteer reads the library's data: here, not on the
   * main thread */
  if (!data->gazetteer_ready)
    data->gazetteer = build_gazetteer (db);
  corpus = load_corpus (db, data->gazetteer, data->read_only, cancellable, &error);
  sqlite3_close (db);
  if (corpus == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, corpus, g_object_unref);
}

/**
 * tri_project_load_corpus_async:
 * @self: a #TriProject
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the corpus
 * @user_data: for @callback
 *
 * Like tri_project_load_corpus(), on worker threads.
 */
void
tri_project_load_corpus_async (TriProject          *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_return_if_fail (TRI_IS_PROJECT (self));
  g_return_if_fail (self->db != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, tri_project_load_corpus_async);
  data = g_new0 (LoadData, 1);
  data->path = g_strdup (db_path (self));
  data->read_only = (self->flags & TRI_PROJECT_READ_ONLY) != 0;
  data->gazetteer_ready = self->gazetteer_ready;
  data->gazetteer = self->gazetteer ? g_object_ref (self->gazetteer) : NULL;
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_corpus_thread);
}

/**
 * tri_project_load_corpus_finish:
 * @self: a #TriProject
 * @result: the result given to the callback
 * @error: return location for an error
 *
 * Returns: (transfer full): a corpus of the articles
 */
TriCorpus *
tri_project_load_corpus_finish (TriProject    *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (TRI_IS_PROJECT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * tri_project_search:
 * @self: a #TriProject
 * @query: words to find, or "quoted phrases"; diacritics and đ are ignored
 * @limit: the most hits to return, 0 for all
 * @error: return location for an error
 *
 * Finds the articles holding all the words of @query, best first.
 *
 * Returns: (transfer full) (element-type TriSearchHit): the hits
 */
GPtrArray *
tri_project_search (TriProject  *self,
                    const char  *query,
                    guint        limit,
                    GError     **error)
{
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify) tri_search_hit_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *match = NULL;
  int rc;

  g_return_val_if_fail (TRI_IS_PROJECT (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (self->db != NULL, NULL);

  if (self->schema < 2)
    {
      g_set_error_literal (error, TRI_ERROR, TRI_ERROR_PROJECT,
                           "this project has no search index yet: open it for writing once "
                           "to update it");
      return NULL;
    }
  match = _tri_project_fold_query (query);
  if (match == NULL)
    return g_steal_pointer (&hits);

  stmt = prepare (self->db,
                  "SELECT a.article_id, a.title,"
                  " snippet (article_text, 1, '[', ']', '…', 12)"
                  " FROM article_text JOIN articles a ON a.id = article_text.rowid"
                  " WHERE article_text MATCH ?1 ORDER BY rank LIMIT ?2", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, limit ? (gint64) limit : -1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TriSearchHit *hit = g_new0 (TriSearchHit, 1);

      hit->article = dup_column (stmt, 0);
      hit->title = dup_column (stmt, 1);
      hit->snippet = dup_column (stmt, 2);
      g_ptr_array_add (hits, hit);
    }
  if (rc != SQLITE_DONE)
    {
      set_db_error (error, self->db, "cannot search");
      return NULL;
    }
  return g_steal_pointer (&hits);
}

/* Decisions. */

static GVariant *
read_decision (sqlite3         *db,
               TriDecisionKind  kind,
               const char      *key)
{
  const DecisionTable *t = &decision_tables[kind];
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s WHERE %s = ?1",
                                          t->columns ? t->columns : "1", t->table, t->key_column);
  g_autoptr(sqlite3_stmt) stmt = prepare (db, sql, NULL);
  GVariantBuilder b;
  const char *type = t->type + 1;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;

  g_variant_builder_init (&b, G_VARIANT_TYPE (t->type));
  for (int col = 0; type[col] != ')'; col++)
    {
      if (type[col] == 's')
        {
          const char *s = (const char *) sqlite3_column_text (stmt, col);

          /* A damaged file may hold text that is not UTF-8. */
          g_autofree char *valid = g_utf8_make_valid (s ? s : "", -1);

          g_variant_builder_add (&b, "s", valid);
        }
      else
        g_variant_builder_add (&b, "d", sqlite3_column_double (stmt, col));
    }
  return g_variant_ref_sink (g_variant_builder_end (&b));
}

/* The rows of a decision, in the open transaction. */
static gboolean
replace_decision (TriProject       *self,
                  TriDecisionKind   kind,
                  const char       *key,
                  GVariant         *value,
                  GError          **error)
{
  const DecisionTable *t = &decision_tables[kind];
  g_autofree char *del = g_strdup_printf ("DELETE FROM %s WHERE %s = ?1", t->table, t->key_column);
  g_autoptr(GString) sql = NULL;
  sqlite3_stmt *stmt;
  gsize n;

  stmt = prepare (self->db, del, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (!step_done (self->db, stmt, "cannot save the decision", error))
    return FALSE;
  if (value == NULL)
    return TRUE;

  n = g_variant_n_children (value);
  sql = g_string_new (NULL);
  g_string_append_printf (sql, "INSERT INTO %s (%s, %s%schanged) VALUES (?1",
                          t->table, t->key_column, t->columns ? t->columns : "",
                          t->columns ? ", " : "");
  for (gsize i = 0; i <= n; i++)
    g_string_append_printf (sql, ", ?%" G_GSIZE_FORMAT, i + 2);
  g_string_append_c (sql, ')');
  stmt = prepare (self->db, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  for (gsize i = 0; i < n; i++)
    {
      g_autoptr(GVariant) child = g_variant_get_child_value (value, i);

      if (g_variant_is_of_type (child, G_VARIANT_TYPE_STRING))
        sqlite3_bind_text (stmt, i + 2, g_variant_get_string (child, NULL), -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_double (stmt, i + 2, g_variant_get_double (child));
    }
  sqlite3_bind_int64 (stmt, n + 2, g_get_real_time () / G_USEC_PER_SEC);
  return step_done (self->db, stmt, "cannot save the decision", error);
}

/* Replaces the decision on @key with @value (%NULL: none), in one
 * transaction. */
static gboolean
write_decision (TriProject       *self,
                TriDecisionKind   kind,
                const char       *key,
                GVariant         *value,
                GError          **error)
{
  gboolean entry = kind == TRI_DECISION_PLACE || kind == TRI_DECISION_ACTOR;

  if (!exec_sql (self->db, "BEGIN IMMEDIATE", error))
    return FALSE;
  /* What was found without the researcher's entry, or with its old
   * version, is stale: the next load analyses the articles again */
  if (!replace_decision (self, kind, key, value, error) ||
      (entry && !exec_sql (self->db, "DELETE FROM extraction_cache", error)) ||
      !exec_sql (self->db, "COMMIT", error))
    {
      rollback (self->db);
      return FALSE;
    }
  if (entry)
    self->gazetteer_ready = FALSE;
  set_modified (self, TRUE);
  g_signal_emit (self, signals [DECISION_CHANGED], 0, (guint) kind, key);
  return TRUE;
}

static gboolean
variant_equal0 (GVariant *a,
                GVariant *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_variant_equal (a, b);
}

static void
notify_undo_redo (TriProject *self,
                  gboolean    could_undo,
                  gboolean    could_redo)
{
  if (could_undo != tri_project_get_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAN_UNDO]);
  if (could_redo != tri_project_get_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAN_REDO]);
}

/* Takes @value. */
static gboolean
decide (TriProject       *self,
        TriDecisionKind   kind,
        const char       *key,
        GVariant         *value,
        GError          **error)
{
  g_autoptr(GVariant) after = value ? g_variant_ref_sink (value) : NULL;
  g_autoptr(GVariant) before = NULL;
  gboolean could_undo, could_redo;
  Change *change;

  if (!check_writable (self, error))
    return FALSE;

  before = read_decision (self->db, kind, key);
  if (variant_equal0 (before, after))
    return TRUE;
  if (!write_decision (self, kind, key, after, error))
    return FALSE;

  could_undo = tri_project_get_can_undo (self);
  could_redo = tri_project_get_can_redo (self);
  change = g_new0 (Change, 1);
  change->kind = kind;
  change->key = g_strdup (key);
  change->before = g_steal_pointer (&before);
  change->after = g_steal_pointer (&after);
  g_ptr_array_add (self->undo, change);
  g_ptr_array_set_size (self->redo, 0);
  notify_undo_redo (self, could_undo, could_redo);
  return TRUE;
}

static char *
dup_string_decision (TriProject      *self,
                     TriDecisionKind  kind,
                     const char      *key)
{
  g_autoptr(GVariant) v = NULL;
  char *s = NULL;

  g_return_val_if_fail (TRI_IS_PROJECT (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);
  g_return_val_if_fail (self->db != NULL, NULL);

  v = read_decision (self->db, kind, key);
  if (v != NULL)
    g_variant_get (v, "(s)", &s);
  return s;
}

/**
 * tri_project_set_verdict:
 * @self: a #TriProject
 * @cluster_key: the stable key of a cluster of claims
 * @verdict: (nullable): the researcher's verdict ("corroborated",
 *   "conflicting", "single_source"…), or %NULL to go back to the computed one
 * @error: return location for an error
 *
 * Records a verdict override, in its own transaction. Can be undone.
 *
 * Returns: %TRUE when saved
 */
gboolean
tri_project_set_verdict (TriProject  *self,
                         const char  *cluster_key,
                         const char  *verdict,
                         GError     **error)
{
  g_return_val_if_fail (TRI_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (cluster_key != NULL, FALSE);

  return decide (self, TRI_DECISION_VERDICT, cluster_key,
                 verdict ? g_variant_new ("(s)", verdict) : NULL, error);
}

/**
 * tri_project_dup_verdict:
 * @self: a #TriProject
 * @cluster_key: the stable key of a cluster
 *
 * Returns: (transfer full) (nullable): the researcher's verdict
 */
char *
tri_project_dup_verdict (TriProject *self,
                         const char *cluster_key)
{
  return dup_string_decision (self, TRI_DECISION_VERDICT, cluster_key);
}

/**
 * tri_project_set_published:
 * @self: a #TriProject
 * @article_id: an article id
 * @iso_date: (nullable): the publication date the researcher found
 *   ("2021-12-09"), or %NULL to forget it
 * @error: return location for an error
 *
 * Records an article's publication date; loaded articles get it with
 * %TRI_DATE_SOURCE_USER. Can be undone.
 *
 * Returns: %TRUE when saved
 */
gboolean
tri_project_set_published (TriProject  *self,
                           const char  *article_id,
                           const char  *iso_date,
                           GError     **error)
{
  g_return_val_if_fail (TRI_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (article_id != NULL, FALSE);

  return decide (self, TRI_DECISION_PUBLISHED, article_id,
                 iso_date ? g_variant_new ("(s)", iso_date) : NULL, error);
}

/**
 * tri_project_dup_published:
 * @self: a #TriProject
 * @article_id: an article id
 *
 * Returns: (transfer full) (nullable): the date the researcher set
 */
char *
tri_project_dup_published (TriProject *self,
                           const char *article_id)
{
  return dup_string_decision (self, TRI_DECISION_PUBLISHED, article_id);
}

/**
 * tri_project_set_claim_hidden:
 * @self: a #TriProject
 * @claim_key: the stable key of a claim
 * @hidden: whether to hide it
 * @error: return location for an error
 *
 * Returns: %TRUE when saved
 */
gboolean
tri_project_set_claim_hidden (TriProject  *self,
                              const char  *claim_key,
                              gboolean     hidden,
                              GError     **error)
{
  g_return_val_if_fail (TRI_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (claim_key != NULL, FALSE);

  return decide (self, TRI_DECISION_HIDDEN_CLAIM, claim_key,
                 hidden ? g_variant_new ("()") : NULL, error);
}

gboolean
tri_project_get_claim_hidden (TriProject *self,
                              const char *claim_key)
{
  g_autoptr(GVariant) v = NULL;

  g_return_val_if_fail (TRI_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (claim_key != NULL, FALSE);
  g_return_val_if_fail (self->db != NULL, FALSE);

  v = read_decision (self->db, TRI_DECISION_HIDDEN_CLAIM, claim_key);
  return v != NULL;
}

/**
 * tri_project_set_note:
 * @self: a #TriProject
 * @target: what the note is about: an article id, a claim or cluster key
 * @text: (nullable): the note, or %NULL (or "") to delete it
 * @error: return location for an error
 *
 * Returns: %TRUE when saved
 */
gboolean
tri_project_set_note (TriProject  *self,
                      const char  *target,
                      const char  *text,
                      GError     **error)
{
  g_return_val_if_fail (TRI_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (target != NULL, FALSE);

  return decide (self, TRI_DECISION_NOTE, target,
                 text && *text ? g_variant_new ("(s)", text) : NULL, error);
}

/**
 * tri_project_dup_note:
 * @self: a #TriProject
 * @target: an article id, a claim or cluster key
 *
 * Returns: (transfer full) (nullable): the note
 */
char *
tri_project_dup_note (TriProject *self,
                      const char *target)
{
  return dup_string_decision (self, TRI_DECISION_NOTE, target);
}

/* Nothing but spaces: no name to find in a text */
static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/**
 * tri_project_set_place:
 * @self: a #TriProject
 * @place_id: a place id, new or from the gazetteer (to correct it)
 * @name: (nullable): its name, or %NULL to remove the entry
 * @lat: latitude
 * @lon: longitude
 * @error: return location for an error
 *
 * Records one of the researcher's own gazetteer entries: articles are
 * analysed with it, those already in the project when it is next loaded
 * (their cached analysis is dropped).  An id the gazetteer knows corrects
 * that place's name and position; a new id adds a site, found in the
 * text by @name.
 *
 * Returns: %TRUE when saved
 */
gboolean
tri_project_set_place (TriProject  *self,
                       const char  *place_id,
                       const char  *name,
                       double       lat,
                       double       lon,
                       GError     **error)
{
  g_return_val_if_fail (TRI_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (place_id != NULL, FALSE);

  if (name != NULL && is_blank (name))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "a place needs a name");
      return FALSE;
    }
  if (name != NULL && !(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "%g, %g is not a place on Earth", lat, lon);
      return FALSE;
    }
  return decide (self, TRI_DECISION_PLACE, place_id,
                 name ? g_variant_new ("(sdd)", name, lat, lon) : NULL, error);
}

/**
 * tri_project_get_place:
 * @self: a #TriProject
 * @place_id: a place id
 * @name: (out) (optional) (transfer full): its name
 * @lat: (out) (optional): latitude
 * @lon: (out) (optional): longitude
 *
 * Returns: %TRUE if the researcher has an entry for @place_id
 */
gboolean
tri_project_get_place (TriProject  *self,
                       const char  *place_id,
                       char       **name,
                       double      *lat,
                       double      *lon)
{
  g_autoptr(GVariant) v = NULL;
  double la, lo;
  const char *n;

  g_return_val_if_fail (TRI_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (place_id != NULL, FALSE);
  g_return_val_if_fail (self->db != NULL, FALSE);

  v = read_decision (self->db, TRI_DECISION_PLACE, place_id);
  if (v == NULL)
    return FALSE;
  g_variant_get (v, "(&sdd)", &n, &la, &lo);
  if (name)
    *name = g_strdup (n);
  if (lat)
    *lat = la;
  if (lon)
    *lon = lo;
  return TRUE;
}

/**
 * tri_project_set_actor:
 * @self: a #TriProject
 * @actor_id: an actor id, new or from the actor list
 * @name: (nullable): the actor's name, or %NULL to remove the entry
 * @kind: (nullable): "person", "government", "military", "militia", "group"…
 *   (see tri_actor_kind_to_string()), or %NULL to keep a known actor's kind
 *   (a new actor is then a group)
 * @error: return location for an error
 *
 * Records one of the researcher's own actor entries, which articles are
 * analysed with as tri_project_set_place() says.
 *
 * Returns: %TRUE when saved
 */
gboolean
tri_project_set_actor (TriProject  *self,
                       const char  *actor_id,
                       const char  *name,
                       const char  *kind,
                       GError     **error)
{
  TriActorKind parsed;

  g_return_val_if_fail (TRI_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (actor_id != NULL, FALSE);

  if (name != NULL && is_blank (name))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "an actor needs a name");
      return FALSE;
    }
  if (name != NULL && kind != NULL && !tri_actor_kind_from_string (kind, &parsed))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "“%s” is not a kind of actor", kind);
      return FALSE;
    }
  return decide (self, TRI_DECISION_ACTOR, actor_id,
                 name ? g_variant_new ("(ss)", name, kind ? kind : "") : NULL, error);
}

/**
 * tri_project_get_actor:
 * @self: a #TriProject
 * @actor_id: an actor id
 * @name: (out) (optional) (transfer full): the name
 * @kind: (out) (optional) (transfer full) (nullable): the kind
 *
 * Returns: %TRUE if the researcher has an entry for @actor_id
 */
gboolean
tri_project_get_actor (TriProject  *self,
                       const char  *actor_id,
                       char       **name,
                       char       **kind)
{
  g_autoptr(GVariant) v = NULL;
  const char *n, *k;

  g_return_val_if_fail (TRI_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (actor_id != NULL, FALSE);
  g_return_val_if_fail (self->db != NULL, FALSE);

  v = read_decision (self->db, TRI_DECISION_ACTOR, actor_id);
  if (v == NULL)
    return FALSE;
  g_variant_get (v, "(&s&s)", &n, &k);
  if (name)
    *name = g_strdup (n);
  if (kind)
    *kind = *k ? g_strdup (k) : NULL;
  return TRUE;
}

/**
 * tri_project_list_decisions:
 * @self: a #TriProject
 * @kind: which decisions
 *
 * Returns: (transfer full): the keys that have a decision of @kind, sorted
 */
GStrv
tri_project_list_decisions (TriProject      *self,
                            TriDecisionKind  kind)
{
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;

  g_return_val_if_fail (TRI_IS_PROJECT (self), NULL);
  g_return_val_if_fail (kind <= TRI_DECISION_ACTOR, NULL);
  g_return_val_if_fail (self->db != NULL, NULL);

  sql = g_strdup_printf ("SELECT %s FROM %s ORDER BY 1", decision_tables[kind].key_column,
                         decision_tables[kind].table);
  stmt = prepare (self->db, sql, NULL);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    g_strv_builder_add (b, (const char *) sqlite3_column_text (stmt, 0));
  return g_strv_builder_end (b);
}

/**
 * tri_project_dup_decisions:
 * @self: a #TriProject
 * @kind: %TRI_DECISION_VERDICT, %TRI_DECISION_PUBLISHED,
 *   %TRI_DECISION_HIDDEN_CLAIM or %TRI_DECISION_NOTE
 *
 * Reads every decision of @kind at once, for applying them to many
 * clusters.
 *
 * Returns: (transfer full) (element-type utf8 utf8): the keys and their
 *   values; a hidden claim's value is ""
 */
GHashTable *
tri_project_dup_decisions (TriProject      *self,
                           TriDecisionKind  kind)
{
  GHashTable *map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  const DecisionTable *t;

  g_return_val_if_fail (TRI_IS_PROJECT (self), map);
  g_return_val_if_fail (kind == TRI_DECISION_VERDICT || kind == TRI_DECISION_PUBLISHED ||
                        kind == TRI_DECISION_HIDDEN_CLAIM || kind == TRI_DECISION_NOTE, map);
  g_return_val_if_fail (self->db != NULL, map);

  t = &decision_tables[kind];
  sql = g_strdup_printf ("SELECT %s, %s FROM %s", t->key_column, t->columns ? t->columns : "''",
                         t->table);
  stmt = prepare (self->db, sql, NULL);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      char *key = dup_column (stmt, 0);
      char *value = dup_column (stmt, 1);

      if (key == NULL)
        {
          g_free (value);
          continue;
        }
      g_hash_table_replace (map, key, value ? value : g_strdup (""));
    }
  return map;
}

/* The decision in @map about @cluster: under its key, or under any of its
 * claims, since a decision stays with the claim it was made on when
 * clusters change. */
static const char *
cluster_decision (TriCluster *cluster,
                  GHashTable *map)
{
  const char *value = cluster->key ? g_hash_table_lookup (map, cluster->key) : NULL;

  for (guint i = 0; value == NULL && i < cluster->claims->len; i++)
    value = g_hash_table_lookup (map, ((TriClaim *) g_ptr_array_index (cluster->claims, i))->id);
  return value;
}

/**
 * tri_project_apply_decisions:
 * @self: a #TriProject
 * @corpus: a cross-referenced corpus of the project's articles
 *
 * Gives @corpus's clusters the researcher's verdicts, notes and hidden
 * flags (see #TriCluster), and its articles their notes (see
 * tri_article_get_note()). A decision is stored under a claim id and
 * applies to the cluster that holds that claim, however the clusters are
 * numbered now. Publication dates are applied when the corpus is loaded.
 *
 * Returns: how many clusters and articles have a decision
 */
guint
tri_project_apply_decisions (TriProject *self,
                             TriCorpus  *corpus)
{
  g_autoptr(GHashTable) verdicts = NULL;
  g_autoptr(GHashTable) notes = NULL;
  g_autoptr(GHashTable) hidden = NULL;
  GPtrArray *clusters, *articles;
  guint n = 0;

  g_return_val_if_fail (TRI_IS_PROJECT (self), 0);
  g_return_val_if_fail (TRI_IS_CORPUS (corpus), 0);
  g_return_val_if_fail (self->db != NULL, 0);

  notes = tri_project_dup_decisions (self, TRI_DECISION_NOTE);
  articles = tri_corpus_get_articles (corpus);
  for (guint i = 0; i < articles->len; i++)
    {
      TriArticle *article = g_ptr_array_index (articles, i);
      const char *note = g_hash_table_lookup (notes, tri_article_get_id (article));

      tri_article_set_note (article, note);
      n += note != NULL;
    }

  clusters = tri_corpus_get_clusters (corpus);
  if (clusters == NULL)
    return n;
  verdicts = tri_project_dup_decisions (self, TRI_DECISION_VERDICT);
  hidden = tri_project_dup_decisions (self, TRI_DECISION_HIDDEN_CLAIM);
  for (guint i = 0; i < clusters->len; i++)
    {
      TriCluster *cluster = g_ptr_array_index (clusters, i);
      const char *verdict = cluster_decision (cluster, verdicts);

      cluster->overridden = tri_verdict_from_string (verdict, &cluster->user_verdict);
      g_free (cluster->note);
      cluster->note = g_strdup (cluster_decision (cluster, notes));
      cluster->hidden = cluster_decision (cluster, hidden) != NULL;
      if (cluster->overridden || cluster->note != NULL || cluster->hidden)
        n++;
    }
  return n;
}

/* Undo. */

gboolean
tri_project_get_can_undo (TriProject *self)
{
  g_return_val_if_fail (TRI_IS_PROJECT (self), FALSE);
  return self->undo->len > 0;
}

gboolean
tri_project_get_can_redo (TriProject *self)
{
  g_return_val_if_fail (TRI_IS_PROJECT (self), FALSE);
  return self->redo->len > 0;
}

static gboolean
replay (TriProject  *self,
        GPtrArray   *from,
        GPtrArray   *to,
        gboolean     undo,
        GError     **error)
{
  gboolean could_undo = tri_project_get_can_undo (self);
  gboolean could_redo = tri_project_get_can_redo (self);
  Change *change;

  if (!check_writable (self, error))
    return FALSE;
  if (from->len == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           undo ? "nothing to undo" : "nothing to redo");
      return FALSE;
    }
  change = g_ptr_array_index (from, from->len - 1);
  if (!write_decision (self, change->kind, change->key, undo ? change->before : change->after, error))
    return FALSE;
  g_ptr_array_add (to, g_ptr_array_steal_index (from, from->len - 1));
  notify_undo_redo (self, could_undo, could_redo);
  return TRUE;
}

/**
 * tri_project_undo:
 * @self: a #TriProject
 * @error: return location for an error
 *
 * Undoes the last decision of this session, in its own transaction.
 *
 * Returns: %TRUE when undone
 */
gboolean
tri_project_undo (TriProject  *self,
                  GError     **error)
{
  g_return_val_if_fail (TRI_IS_PROJECT (self), FALSE);
  return replay (self, self->undo, self->redo, TRUE, error);
}

/**
 * tri_project_redo:
 * @self: a #TriProject
 * @error: return location for an error
 *
 * Makes the last undone decision again.
 *
 * Returns: %TRUE when redone
 */
gboolean
tri_project_redo (TriProject  *self,
                  GError     **error)
{
  g_return_val_if_fail (TRI_IS_PROJECT (self), FALSE);
  return replay (self, self->redo, self->undo, FALSE, error);
}

/* View state: not a decision, not undone, does not make the project
 * modified, but saved with it. */

/**
 * tri_project_set_view_state:
 * @self: a #TriProject
 * @key: a key of the app's choosing
 * @value: (nullable): its value, or %NULL to forget it
 * @error: return location for an error
 *
 * Returns: %TRUE when saved
 */
gboolean
tri_project_set_view_state (TriProject  *self,
                            const char  *key,
                            const char  *value,
                            GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TRI_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (!check_writable (self, error))
    return FALSE;
  stmt = prepare (self->db, value ? "INSERT OR REPLACE INTO view_state (key, value) VALUES (?1, ?2)"
                                  : "DELETE FROM view_state WHERE key = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (value)
    sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);
  return step_done (self->db, stmt, "cannot save the view", error);
}

/**
 * tri_project_dup_view_state:
 * @self: a #TriProject
 * @key: a key of the app's choosing
 *
 * Returns: (transfer full) (nullable): the value stored for @key
 */
char *
tri_project_dup_view_state (TriProject *self,
                            const char *key)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (TRI_IS_PROJECT (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);
  g_return_val_if_fail (self->db != NULL, NULL);

  stmt = prepare (self->db, "SELECT value FROM view_state WHERE key = ?1", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return dup_column (stmt, 0);
}
