/* test-tile-source.c: OpenStreetMap tiles with our User-Agent and a disk
 * cache, against a SoupServer on 127.0.0.1 (never the network)
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libsoup/soup.h>
#include <string.h>

#include "tri-tile-source.h"

#define TILE_BODY "\x89PNG fake tile body"
#define TILE_ETAG "\"tile-v1\""

typedef struct
{
  SoupServer    *server;
  char          *url_template;
  char          *cache_dir;
  TriTileSource *source;

  /* What the server saw */
  guint          n_requests;
  char          *last_user_agent;
  char          *last_if_none_match;
  guint          n_not_modified;
  guint          status_override;
} Fixture;

static void
server_callback (SoupServer        *server,
                 SoupServerMessage *msg,
                 const char        *path,
                 GHashTable        *query,
                 gpointer           user_data)
{
  Fixture *fixture = user_data;
  SoupMessageHeaders *request = soup_server_message_get_request_headers (msg);
  SoupMessageHeaders *response = soup_server_message_get_response_headers (msg);
  const char *if_none_match;

  fixture->n_requests++;
  g_free (fixture->last_user_agent);
  fixture->last_user_agent = g_strdup (soup_message_headers_get_one (request, "User-Agent"));
  if_none_match = soup_message_headers_get_one (request, "If-None-Match");
  g_free (fixture->last_if_none_match);
  fixture->last_if_none_match = g_strdup (if_none_match);

  if (fixture->status_override != 0)
    {
      soup_server_message_set_status (msg, fixture->status_override, NULL);
      return;
    }

  if (!g_str_has_prefix (path, "/tiles/"))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
      return;
    }

  if (g_strcmp0 (if_none_match, TILE_ETAG) == 0)
    {
      fixture->n_not_modified++;
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_MODIFIED, NULL);
      soup_message_headers_replace (response, "ETag", TILE_ETAG);
      return;
    }

  soup_message_headers_replace (response, "ETag", TILE_ETAG);
  soup_server_message_set_response (msg, "image/png", SOUP_MEMORY_COPY,
                                    TILE_BODY, strlen (TILE_BODY));
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  GSList *uris;

  g_autofree char *base = NULL;

  fixture->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (fixture->server, NULL, server_callback, fixture, NULL);
  soup_server_listen_local (fixture->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);

  uris = soup_server_get_uris (fixture->server);
  g_assert_nonnull (uris);
  base = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  g_assert_true (g_str_has_prefix (base, "http://127.0.0.1:"));

  fixture->url_template = g_strconcat (base, g_str_has_suffix (base, "/") ? "" : "/",
                                       "tiles/{z}/{x}/{y}.png", NULL);
  fixture->cache_dir = g_dir_make_tmp ("tri-tile-test-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->source = tri_tile_source_new (fixture->url_template, fixture->cache_dir);
}

static void
stop_server (Fixture *fixture)
{
  if (fixture->server == NULL)
    return;

  soup_server_disconnect (fixture->server);
  g_clear_object (&fixture->server);

  /* Let the closed connections go (they close asynchronously) */
  {
    gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC / 10;

    while (g_get_monotonic_time () < until)
      g_main_context_iteration (NULL, FALSE);
  }
}

static void
remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children = NULL;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (children != NULL)
    {
      GFile *child = NULL;

      if (!g_file_enumerator_iterate (children, NULL, &child, NULL, NULL) || child == NULL)
        break;
      remove_tree (child);
    }

  g_file_delete (file, NULL, NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GFile) cache = g_file_new_for_path (fixture->cache_dir);

  g_assert_finalize_object (fixture->source);
  stop_server (fixture);
  remove_tree (cache);
  g_free (fixture->url_template);
  g_free (fixture->cache_dir);
  g_free (fixture->last_user_agent);
  g_free (fixture->last_if_none_match);
}

static void
on_tile (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
  g_main_context_wakeup (NULL);
}

static GBytes *
get_tile (Fixture  *fixture,
          int       x,
          int       y,
          int       z,
          GError  **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  shumate_data_source_get_tile_data_async (SHUMATE_DATA_SOURCE (fixture->source),
                                           x, y, z, NULL, on_tile, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return shumate_data_source_get_tile_data_finish (SHUMATE_DATA_SOURCE (fixture->source),
                                                   result, error);
}

static void
assert_tile_body (GBytes *bytes)
{
  g_assert_nonnull (bytes);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                   TILE_BODY, strlen (TILE_BODY));
}

static void
test_url (Fixture       *fixture,
          gconstpointer  user_data)
{
  g_autoptr(TriTileSource) osm = tri_tile_source_new (NULL, fixture->cache_dir);
  g_autofree char *url = tri_tile_source_build_url (osm, 1234, 789, 11);
  g_autofree char *local = tri_tile_source_build_url (fixture->source, 1, 2, 3);

  g_assert_cmpstr (url, ==, "https://tile.openstreetmap.org/11/1234/789.png");
  g_assert_true (g_str_has_suffix (local, "/tiles/3/1/2.png"));
  g_assert_cmpstr (tri_tile_source_get_url_template (osm), ==, TRI_TILE_SOURCE_DEFAULT_URL);
  g_assert_cmpstr (tri_tile_source_get_cache_dir (osm), ==, fixture->cache_dir);
  g_assert_cmpint (tri_tile_source_get_max_age (osm), ==, 7 * G_TIME_SPAN_DAY);
}

static void
test_user_agent (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  bytes = get_tile (fixture, 10, 20, 5, &error);
  g_assert_no_error (error);
  assert_tile_body (bytes);

  g_assert_cmpuint (fixture->n_requests, ==, 1);
  g_assert_cmpstr (fixture->last_user_agent, ==, tri_tile_source_get_user_agent ());
  g_assert_true (g_str_has_prefix (fixture->last_user_agent, "Triangulate/" PACKAGE_VERSION " "));
  g_assert_nonnull (strstr (fixture->last_user_agent,
                            "(+https://github.com/triangulate/triangulate)"));
  g_assert_null (strstr (fixture->last_user_agent, "libshumate"));
  g_assert_null (fixture->last_if_none_match);
}

static void
test_cache_fresh (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GBytes) bytes = get_tile (fixture, 10, 20, 5, &error);

      g_assert_no_error (error);
      assert_tile_body (bytes);
    }

  /* A fresh tile comes from the disk, the server is asked once */
  g_assert_cmpuint (fixture->n_requests, ==, 1);
}

static void
test_revalidate (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GError) error = NULL;

  first = get_tile (fixture, 3, 4, 6, &error);
  g_assert_no_error (error);
  assert_tile_body (first);
  g_assert_null (fixture->last_if_none_match);

  /* Stale at once: the next request revalidates with the ETag */
  tri_tile_source_set_max_age (fixture->source, 0);
  second = get_tile (fixture, 3, 4, 6, &error);
  g_assert_no_error (error);
  assert_tile_body (second);

  g_assert_cmpuint (fixture->n_requests, ==, 2);
  g_assert_cmpstr (fixture->last_if_none_match, ==, TILE_ETAG);
  g_assert_cmpuint (fixture->n_not_modified, ==, 1);
  g_assert_cmpstr (fixture->last_user_agent, ==, tri_tile_source_get_user_agent ());

  /* The 304 refreshed the tile's date: with the default age it is fresh */
  tri_tile_source_set_max_age (fixture->source, 7 * G_TIME_SPAN_DAY);
  g_clear_pointer (&second, g_bytes_unref);
  second = get_tile (fixture, 3, 4, 6, &error);
  g_assert_no_error (error);
  assert_tile_body (second);
  g_assert_cmpuint (fixture->n_requests, ==, 2);
}

static void
test_stale_when_offline (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) stale = NULL;
  g_autoptr(GBytes) missing = NULL;
  g_autoptr(GError) error = NULL;

  first = get_tile (fixture, 7, 8, 9, &error);
  g_assert_no_error (error);
  assert_tile_body (first);

  /* The server goes away; an old tile beats no tile */
  stop_server (fixture);
  tri_tile_source_set_max_age (fixture->source, 0);
  stale = get_tile (fixture, 7, 8, 9, &error);
  g_assert_no_error (error);
  assert_tile_body (stale);

  /* A tile we never had is an error */
  missing = get_tile (fixture, 70, 80, 9, &error);
  g_assert_null (missing);
  g_assert_nonnull (error);
}

static void
test_http_errors (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) stale = NULL;
  g_autoptr(GBytes) missing = NULL;
  g_autoptr(GError) error = NULL;

  first = get_tile (fixture, 1, 1, 2, &error);
  g_assert_no_error (error);

  /* The server fails: the stale tile is used, a new one is an error */
  fixture->status_override = SOUP_STATUS_SERVICE_UNAVAILABLE;
  tri_tile_source_set_max_age (fixture->source, 0);
  stale = get_tile (fixture, 1, 1, 2, &error);
  g_assert_no_error (error);
  assert_tile_body (stale);

  missing = get_tile (fixture, 2, 2, 2, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_null (missing);
  g_assert_nonnull (strstr (error->message, "503"));
}

static void
test_map_source (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(ShumateMapSource) map_source = tri_tile_source_new_map_source (fixture->source);

  g_assert_cmpstr (shumate_map_source_get_license (map_source), ==, "© OpenStreetMap contributors");
  g_assert_cmpstr (shumate_map_source_get_license_uri (map_source), ==,
                   "https://www.openstreetmap.org/copyright");
  g_assert_cmpuint (shumate_map_source_get_max_zoom_level (map_source), ==, 19);
  g_assert_cmpuint (shumate_map_source_get_tile_size (map_source), ==, 256);
}

int
main (int   argc,
      char *argv[])
{
  /* No proxy lookups (through GSettings), none needed for 127.0.0.1 */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/app/tile-source/url", Fixture, NULL,
              fixture_set_up, test_url, fixture_tear_down);
  g_test_add ("/app/tile-source/user-agent", Fixture, NULL,
              fixture_set_up, test_user_agent, fixture_tear_down);
  g_test_add ("/app/tile-source/cache-fresh", Fixture, NULL,
              fixture_set_up, test_cache_fresh, fixture_tear_down);
  g_test_add ("/app/tile-source/revalidate", Fixture, NULL,
              fixture_set_up, test_revalidate, fixture_tear_down);
  g_test_add ("/app/tile-source/stale-when-offline", Fixture, NULL,
              fixture_set_up, test_stale_when_offline, fixture_tear_down);
  g_test_add ("/app/tile-source/http-errors", Fixture, NULL,
              fixture_set_up, test_http_errors, fixture_tear_down);
  g_test_add ("/app/tile-source/map-source", Fixture, NULL,
              fixture_set_up, test_map_source, fixture_tear_down);

  return g_test_run ();
}
