/* tri-json-input.c: scraper exports, one article per JSON object
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-json-input"

#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>

#include "tri-ingest-private.h"
#include "tri-loader.h"
#include "tri-segment-private.h"
#include "tri-text.h"

/* Scrapers (news-please, trafilatura, newspaper, …) write one object per
 * article: in a .jsonl file one per line, in a .json file an object, an
 * array of objects, or an object holding such an array. json-glib checks
 * each record and reads its small fields; the text field is decoded here
 * from the file's own bytes, so that every offset of the article maps to
 * the byte of the file it came from, escapes included.
 *
 * A record that cannot be read is a warning naming its line; the others
 * still load. */

static const char *const text_fields[] = {
  "text", "maintext", "content", "body", "article", "article_text", "full_text", "articleBody", NULL
};
static const char *const title_fields[] = { "title", "headline", NULL };
static const char *const url_fields[] = { "url", "link", "source_url", "canonical_url", NULL };
static const char *const date_fields[] = {
  "date_publish", "date", "published", "datePublished", "date_published", "pubDate",
  "publish_date", "published_at", "pubdate", NULL
};
static const char *const language_fields[] = { "language", "lang", NULL };
static const char *const outlet_fields[] = {
  "source_domain", "outlet", "site_name", "sitename", "source", "publisher", NULL
};
static const char *const list_fields[] = { "articles", "items", "data", "results", "records", NULL };

typedef struct
{
  gsize start;
  gsize end;
  guint line;       /* 1-based */
  guint index;      /* 1-based */
} Record;

static gsize
skip_ws (const char *d,
         gsize       pos,
         gsize       end)
{
  while (pos < end && (d[pos] == ' ' || d[pos] == '\t' || d[pos] == '\n' || d[pos] == '\r'))
    pos++;
  return pos;
}

/* The end of the JSON value starting at @pos; iterative, so nesting depth
 * costs nothing. Returns @pos on malformed input. */
static gsize
value_end (const char *d,
           gsize       pos,
           gsize       end)
{
  gsize depth = 0, p = pos;

  if (pos >= end)
    return pos;
  do
    {
      char c = d[p];

      if (c == '"')
        {
          p++;
          while (p < end && d[p] != '"')
            p += d[p] == '\\' ? 2 : 1;
          if (p >= end)
            return pos;
          p++;
        }
      else if (c == '{' || c == '[')
        {
          depth++;
          p++;
        }
      else if (c == '}' || c == ']')
        {
          if (depth == 0)
            return p;
          depth--;
          p++;
        }
      else if (depth == 0)
        {
          while (p < end && d[p] != ',' && d[p] != '}' && d[p] != ']' && !g_ascii_isspace (d[p]))
            p++;
          return p;
        }
      else
        p++;
    }
  while (p < end && depth > 0);
  return depth == 0 ? p : pos;
}

/* Calls @fn for each member of the object at [start, end). */
typedef gboolean (*MemberFunc) (const char *key,
                                gsize       key_len,
                                gsize       value_start,
                                gsize       value_end,
                                gpointer    user_data);

static void
each_member (const char *d,
             gsize       start,
             gsize       end,
             MemberFunc  fn,
             gpointer    user_data)
{
  gsize p = skip_ws (d, start, end);

  if (p >= end || d[p] != '{')
    return;
  p++;
  while (p < end)
    {
      gsize key_start, key_end, vs, ve;

      p = skip_ws (d, p, end);
      if (p >= end || d[p] != '"')
        return;
      key_start = p + 1;
      key_end = value_end (d, p, end);
      if (key_end <= p)
        return;
      p = skip_ws (d, key_end, end);
      if (p >= end || d[p] != ':')
        return;
      vs = skip_ws (d, p + 1, end);
      ve = value_end (d, vs, end);
      if (ve <= vs)
        return;
      if (!fn (d + key_start, key_end - 1 - key_start, vs, ve, user_data))
        return;
      p = skip_ws (d, ve, end);
      if (p < end && d[p] == ',')
        p++;
      else
        return;
    }
}

typedef struct
{
  const char *const *names;
  gsize              start;
  gsize              end;
  guint              rank;
} FindMember;

static gboolean
find_member_cb (const char *key,
                gsize       key_len,
                gsize       vs,
                gsize       ve,
                gpointer    user_data)
{
  FindMember *f = user_data;

  for (guint i = 0; f->names[i] && i < f->rank; i++)
    if (strlen (f->names[i]) == key_len && memcmp (f->names[i], key, key_len) == 0)
      {
        f->start = vs;
        f->end = ve;
        f->rank = i;
        break;
      }
  return TRUE;
}

/* The raw value of the best-ranked member named in @names. */
static gboolean
find_member (const char        *d,
             gsize              start,
             gsize              end,
             const char *const *names,
             gsize             *vs,
             gsize             *ve)
{
  FindMember f = { names, 0, 0, G_MAXUINT };

  each_member (d, start, end, find_member_cb, &f);
  if (f.rank == G_MAXUINT)
    return FALSE;
  *vs = f.start;
  *ve = f.end;
  return TRUE;
}

/**
 * _tri_json_too_deep:
 * @d: JSON text
 * @len: its length
 * @max_depth: the deepest nesting allowed
 *
 * json-glib parses recursively, without a bound: nesting is measured
 * here, without recursion, before any of it reaches the parser.
 *
 * Returns: %TRUE if arrays and objects nest deeper than @max_depth
 */
gboolean
_tri_json_too_deep (const char *d,
                    gsize       len,
                    guint       max_depth)
{
  guint depth = 0;

  for (gsize p = 0; p < len; p++)
    {
      char c = d[p];

      if (c == '"')
        {
          p++;
          while (p < len && d[p] != '"')
            p += d[p] == '\\' ? 2 : 1;
        }
      else if (c == '{' || c == '[')
        {
          if (++depth > max_depth)
            return TRUE;
        }
      else if ((c == '}' || c == ']') && depth > 0)
        depth--;
    }
  return FALSE;
}

static int
hex4 (const char *p)
{
  int v = 0;

  for (int i = 0; i < 4; i++)
    {
      int c = g_ascii_xdigit_value (p[i]);

      if (c < 0)
        return -1;
      v = v * 16 + c;
    }
  return v;
}

/* Decodes the JSON string at [start, end) (quotes included), mapping each
 * byte of the result to the file. */
static char *
decode_string (const char    *d,
               gsize          start,
               gsize          end,
               gsize         *out_len,
               TriOffsetMap **map_out)
{
  g_autoptr(GString) out = g_string_sized_new (end - start);
  g_autoptr(TriOffsetMap) map = tri_offset_map_new (NULL);
  gsize p = start + 1, stop = end - 1;

  while (p < stop)
    {
      gsize q = p;

      if (d[p] != '\\')
        {
          while (q < stop && d[q] != '\\')
            q++;
          tri_offset_map_add (map, out->len, q - p, p, q - p);
          g_string_append_len (out, d + p, q - p);
          p = q;
          continue;
        }
      if (p + 1 >= stop)
        break;
      switch (d[p + 1])
        {
        case 'n': g_string_append_c (out, '\n'); q = p + 2; break;
        case 't': g_string_append_c (out, '\t'); q = p + 2; break;
        case 'r': g_string_append_c (out, '\r'); q = p + 2; break;
        case 'b': case 'f': g_string_append_c (out, ' '); q = p + 2; break;
        case 'u':
          {
            int u = p + 6 <= stop ? hex4 (d + p + 2) : -1;
            gunichar c = 0xFFFD;
            char buf[6];
            gsize before = out->len;

            q = p + 6;
            if (u < 0)
              {
                /* Not four hex digits: the two characters stay as written
                 * (nothing was added to the text, so the map must not be
                 * given a byte of it). */
                g_string_append_len (out, d + p, 2);
                tri_offset_map_add (map, before, 2, p, 2);
                p += 2;
                continue;
              }
            c = u;
            if (u >= 0xD800 && u <= 0xDBFF && q + 6 <= stop && d[q] == '\\' && d[q + 1] == 'u')
              {
                int lo = hex4 (d + q + 2);

                if (lo >= 0xDC00 && lo <= 0xDFFF)
                  {
                    c = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
                    q += 6;
                  }
              }
            if (c == 0 || (c >= 0xD800 && c <= 0xDFFF))
              c = 0xFFFD;
            g_string_append_len (out, buf, g_unichar_to_utf8 (c, buf));
            tri_offset_map_add (map, before, out->len - before, p, q - p);
            p = q;
            continue;
          }
        default:
          g_string_append_c (out, d[p + 1]);
          q = p + 2;
          break;
        }
      tri_offset_map_add (map, out->len - 1, 1, p, q - p);
      p = q;
    }

  *out_len = out->len;
  *map_out = g_steal_pointer (&map);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* json-glib's scanner takes escapes that JSON has not ("\201" as a
 * byte), so a string it returns is not always UTF-8: such a string is
 * repaired into a copy that @keep owns. */
static const char *
valid_string (JsonNode  *n,
              GPtrArray *keep)
{
  const char *s = json_node_get_string (n);

  if (g_utf8_validate (s, -1, NULL))
    return s;
  g_ptr_array_add (keep, g_utf8_make_valid (s, -1));
  return g_ptr_array_index (keep, keep->len - 1);
}

static const char *
string_member (JsonObject        *obj,
               const char *const *names,
               GPtrArray         *keep)
{
  for (guint i = 0; names[i]; i++)
    {
      JsonNode *n = json_object_get_member (obj, names[i]);

      if (n == NULL)
        continue;
      if (JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_STRING &&
          *json_node_get_string (n) != '\0')
        return valid_string (n, keep);
      if (JSON_NODE_HOLDS_OBJECT (n))
        {
          JsonNode *name = json_object_get_member (json_node_get_object (n), "name");

          if (name && JSON_NODE_HOLDS_VALUE (name) && json_node_get_value_type (name) == G_TYPE_STRING)
            return valid_string (name, keep);
        }
    }
  return NULL;
}

static char *
record_id (JsonObject *obj,
           const char *base,
           guint       number)
{
  JsonNode *n = json_object_get_member (obj, "id");

  if (n != NULL && JSON_NODE_HOLDS_VALUE (n))
    {
      GType type = json_node_get_value_type (n);

      if (type == G_TYPE_STRING && *json_node_get_string (n) != '\0' &&
          strlen (json_node_get_string (n)) <= 200)
        return g_utf8_make_valid (json_node_get_string (n), -1);
      if (type == G_TYPE_INT64)
        return g_strdup_printf ("%s#%" G_GINT64_FORMAT, base, json_node_get_int (n));
    }
  return g_strdup_printf ("%s#%u", base, number);
}

static TriArticle *
read_record (const char     *path,
             GBytes         *bytes,
             const char     *base,
             const Record   *rec,
             gboolean        lines,
             GError        **error)
{
  const char *d = g_bytes_get_data (bytes, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local = NULL;
  g_autoptr(TriOffsetMap) raw_map = NULL;
  g_autoptr(TriArticle) article = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *id = NULL;
  TriOffsetMap *map = NULL;
  JsonNode *root;
  JsonObject *obj;
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (g_free);
  const char *v;
  gsize vs, ve, raw_len, normal_len;
  char *normal;
  int y, m, dd;

  if (_tri_json_too_deep (d + rec->start, rec->end - rec->start, TRI_JSON_MAX_DEPTH))
    {
      g_set_error (error, TRI_ERROR, TRI_ERROR_PARSE, "%s %u: nested deeper than %u levels",
                   lines ? "line" : "record", lines ? rec->line : rec->index, TRI_JSON_MAX_DEPTH);
      return NULL;
    }
  if (!json_parser_load_from_data (parser, d + rec->start, rec->end - rec->start, &local))
    {
      /* json-glib quotes the bad string, decoded: a lone \ud800 escape
       * comes out as bytes that are not UTF-8. */
      g_autofree char *reason = g_utf8_make_valid (local->message, -1);

      g_set_error (error, TRI_ERROR, TRI_ERROR_PARSE, "%s %u: not valid JSON: %s",
                   lines ? "line" : "record", lines ? rec->line : rec->index, reason);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, TRI_ERROR, TRI_ERROR_PARSE, "%s %u: not a JSON object",
                   lines ? "line" : "record", lines ? rec->line : rec->index);
      return NULL;
    }
  obj = json_node_get_object (root);

  if (!find_member (d, rec->start, rec->end, text_fields, &vs, &ve) || d[vs] != '"')
    {
      g_set_error (error, TRI_ERROR, TRI_ERROR_EMPTY,
                   "%s %u: no text (none of the fields text, maintext, content, body)",
                   lines ? "line" : "record", lines ? rec->line : rec->index);
      return NULL;
    }
  if (ve - vs <= 2)
    {
      g_set_error (error, TRI_ERROR, TRI_ERROR_EMPTY, "%s %u: the text is empty",
                   lines ? "line" : "record", lines ? rec->line : rec->index);
      return NULL;
    }

  raw = decode_string (d, vs, ve, &raw_len, &raw_map);
  normal = tri_text_normalize (raw, raw_len, &normal_len, g_steal_pointer (&raw_map), &map);
  id = record_id (obj, base, lines ? rec->line : rec->index);

  article = _tri_article_new (id, path, bytes, TRI_INPUT_FORMAT_JSON);
  _tri_article_set_text (article, normal, normal_len, map);
  _tri_article_set_charset (article, "UTF-8");
  if ((v = string_member (obj, title_fields, keep)) != NULL)
    {
      g_autofree char *t = g_strstrip (g_strdup (v));

      _tri_article_set_title (article, t);
    }
  if ((v = string_member (obj, url_fields, keep)) != NULL)
    _tri_article_set_url (article, v);
  if ((v = string_member (obj, outlet_fields, keep)) != NULL)
    _tri_article_set_outlet (article, v);
  else if (tri_article_get_url (article) != NULL)
    {
      g_autoptr(GUri) uri = g_uri_parse (tri_article_get_url (article), G_URI_FLAGS_NONE, NULL);
      const char *host = uri ? g_uri_get_host (uri) : NULL;

      if (host)
        _tri_article_set_outlet (article, g_str_has_prefix (host, "www.") ? host + 4 : host);
    }
  if ((v = string_member (obj, language_fields, keep)) != NULL && strlen (v) >= 2 && strlen (v) <= 8)
    {
      g_autofree char *lang = g_ascii_strdown (v, strcspn (v, "-_"));

      _tri_article_set_language (article, lang);
    }
  if ((v = string_member (obj, date_fields, keep)) != NULL && _tri_parse_iso_date (v, &y, &m, &dd))
    {
      g_autofree char *iso = g_strdup_printf ("%04d-%02d-%02d", y, m, dd);

      tri_article_set_published (article, iso, TRI_DATE_SOURCE_HEADER);
    }

  _tri_segment_article (article);
  if (tri_article_get_n_sentences (article) == 0)
    {
      g_set_error (error, TRI_ERROR, TRI_ERROR_EMPTY, "%s %u: the text field holds no sentence",
                   lines ? "line" : "record", lines ? rec->line : rec->index);
      return NULL;
    }
  return g_steal_pointer (&article);
}

/* The records of a .json file: [ {…}, … ], {…}, or { "articles": [ … ] }. */
static void
json_records (const char *d,
              gsize       len,
              gsize       from,
              GArray     *records)
{
  gsize p = skip_ws (d, from, len), e;
  FindMember f = { list_fields, 0, 0, G_MAXUINT };
  guint index = 0, line = 1;
  gsize counted = 0;

  if (p < len && d[p] == '{')
    {
      each_member (d, p, len, find_member_cb, &f);
      if (f.rank == G_MAXUINT || d[f.start] != '[')
        {
          Record r = { p, value_end (d, p, len), 1, 1 };

          for (gsize i = 0; i < p; i++)
            r.line += d[i] == '\n';
          g_array_append_val (records, r);
          return;
        }
      p = f.start;
    }
  if (p >= len || d[p] != '[')
    return;
  e = value_end (d, p, len);
  p++;
  while (p < e)
    {
      gsize ve;

      p = skip_ws (d, p, e);
      if (p >= e || d[p] == ']')
        break;
      ve = value_end (d, p, e);
      if (ve <= p)
        break;
      index++;
      while (counted < p)
        line += d[counted++] == '\n';
      if (d[p] == '{')
        {
          Record r = { p, ve, line, index };

          g_array_append_val (records, r);
        }
      p = skip_ws (d, ve, e);
      if (p < e && d[p] == ',')
        p++;
    }
}

/**
 * _tri_ingest_json:
 * @path: the file's path
 * @bytes: its contents
 * @lines: whether it is JSON Lines (one object per line)
 * @warnings: (element-type GError): where records that could not be read
 *   are reported
 * @error: set when no record at all could be read
 *
 * Returns: (transfer full) (element-type TriArticle): the articles
 */
GPtrArray *
_tri_ingest_json (const char  *path,
                  GBytes      *bytes,
                  gboolean     lines,
                  GPtrArray   *warnings,
                  GError     **error)
{
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) records = g_array_new (FALSE, FALSE, sizeof (Record));
  g_autofree char *base = tri_article_id_for_path (path);
  g_autoptr(GError) first = NULL;
  gsize len;
  const char *d = g_bytes_get_data (bytes, &len);
  const char *bad = NULL;
  gsize from = 0;
  guint n_bad = 0;

  if (len >= 3 && memcmp (d, "\xEF\xBB\xBF", 3) == 0)
    from = 3;
  if (memchr (d, '\0', len) != NULL)
    {
      g_set_error_literal (error, TRI_ERROR, TRI_ERROR_NOT_TEXT, "NUL byte: not a JSON file");
      return NULL;
    }
  if (!g_utf8_validate_len (d + from, len - from, &bad))
    {
      guint line, column;

      tri_text_line_column (d, bad - d, &line, &column);
      g_set_error (error, TRI_ERROR, TRI_ERROR_INVALID_ENCODING,
                   "invalid UTF-8 at byte %" G_GSIZE_FORMAT " (line %u, column %u): JSON must be UTF-8",
                   (gsize) (bad - d), line, column);
      return NULL;
    }

  if (lines)
    {
      gsize p = from;
      guint line = 0;

      while (p < len)
        {
          const char *eol = memchr (d + p, '\n', len - p);
          gsize e = eol ? (gsize) (eol - d) : len;
          Record r = { p, e, ++line, 0 };

          if (skip_ws (d, p, e) < e)
            {
              r.index = records->len + 1;
              g_array_append_val (records, r);
            }
          p = e + 1;
        }
    }
  else
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) local = NULL;

      gsize top = skip_ws (d, from, len), top_end = value_end (d, top, len);

      /* Objects one after the other in a file named .json: JSON Lines. */
      if (top < len && d[top] == '{' && top_end > top && skip_ws (d, top_end, len) < len)
        return _tri_ingest_json (path, bytes, TRUE, warnings, error);

      /* The whole file must be JSON; its records are checked one by one. */
      if (_tri_json_too_deep (d + from, len - from, TRI_JSON_MAX_DEPTH))
        {
          g_set_error (error, TRI_ERROR, TRI_ERROR_PARSE, "not readable JSON: nested deeper than %u levels",
                       TRI_JSON_MAX_DEPTH);
          return NULL;
        }
      if (!json_parser_load_from_data (parser, d + from, len - from, &local))
        {
          gsize p = skip_ws (d, from, len);
          const char *eol = memchr (d + p, '\n', len - p);

          /* Objects one per line in a file named .json: JSON Lines. */
          if (p < len && d[p] == '{' && eol != NULL && value_end (d, p, len) <= (gsize) (eol - d))
            return _tri_ingest_json (path, bytes, TRUE, warnings, error);
          {
            g_autofree char *reason = g_utf8_make_valid (local->message, -1);

            g_set_error (error, TRI_ERROR, TRI_ERROR_PARSE, "not valid JSON: %s", reason);
          }
          return NULL;
        }
      json_records (d, len, from, records);
    }

  if (records->len == 0)
    {
      g_set_error_literal (error, TRI_ERROR, TRI_ERROR_EMPTY, "no article objects in the file");
      return NULL;
    }

  for (guint i = 0; i < records->len; i++)
    {
      g_autoptr(GError) local = NULL;
      TriArticle *article = read_record (path, bytes, base, &g_array_index (records, Record, i),
                                         lines, &local);

      if (article != NULL)
        {
          g_ptr_array_add (articles, article);
          continue;
        }
      n_bad++;
      if (first == NULL)
        first = g_error_copy (local);
      if (warnings != NULL)
        g_ptr_array_add (warnings, g_steal_pointer (&local));
    }

  if (articles->len == 0)
    {
      if (n_bad == 1)
        g_propagate_error (error, g_steal_pointer (&first));
      else
        g_set_error (error, TRI_ERROR, TRI_ERROR_PARSE, "no record could be read (%u bad); first: %s",
                     n_bad, first->message);
      return NULL;
    }
  return g_steal_pointer (&articles);
}
