/* tri-tile-source.c
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-tile-source"

#include "config.h"

#include <glib/gi18n.h>
#include <libsoup/soup.h>
#include <string.h>

#include "tri-tile-source.h"

/* Raster tiles from an OpenStreetMap-style server, following the OSM tile
 * usage policy (https://operations.osmfoundation.org/policies/tiles/):
 *
 *  - our own SoupSession with a User-Agent that names the application and
 *    where to reach its authors (libshumate 1.0's ShumateTileDownloader
 *    sends its own "libshumate/1.0" whatever shumate_set_user_agent() says);
 *  - at most two connections to the server;
 *  - tiles kept on disk (ShumateFileCache) and used without asking for
 *    max-age (seven days by default); after that they are revalidated with
 *    If-None-Match and the stored ETag, and a 304 only refreshes the date;
 *  - when the server cannot be reached, a stale tile is better than none.
 *
 * Only tiles that the map shows are asked for: there is no prefetching. */

#define USER_AGENT "Triangulate/" PACKAGE_VERSION " (+https://github.com/triangulate/triangulate)"
#define DEFAULT_MAX_AGE (7 * G_TIME_SPAN_DAY)
#define CACHE_SIZE_LIMIT (100 * 1000 * 1000)

struct _TriTileSource
{
  ShumateDataSource  parent_instance;

  SoupSession       *session;
  ShumateFileCache  *cache;
  char              *url_template;
  char              *cache_dir;
  GTimeSpan          max_age;
};

G_DEFINE_FINAL_TYPE (TriTileSource, tri_tile_source, SHUMATE_TYPE_DATA_SOURCE)

enum {
  PROP_0,
  PROP_URL_TEMPLATE,
  PROP_CACHE_DIR,
  PROP_MAX_AGE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

typedef struct
{
  int          x, y, z;
  GBytes      *cached;
  char        *etag;
  SoupMessage *message;
  GBytes      *result;
} Request;

static void
request_free (gpointer data)
{
  Request *request = data;

  g_clear_pointer (&request->cached, g_bytes_unref);
  g_clear_pointer (&request->etag, g_free);
  g_clear_object (&request->message);
  g_clear_pointer (&request->result, g_bytes_unref);
  g_free (request);
}

/**
 * tri_tile_source_get_user_agent:
 *
 * Returns: the User-Agent sent with every tile request
 */
const char *
tri_tile_source_get_user_agent (void)
{
  return USER_AGENT;
}

/**
 * tri_tile_source_build_url:
 * @self: a #TriTileSource
 * @x: column
 * @y: row
 * @zoom_level: zoom level
 *
 * Fills the URL template's {x}, {y} and {z}.
 *
 * Returns: (transfer full): the tile's address
 */
char *
tri_tile_source_build_url (TriTileSource *self,
                           int            x,
                           int            y,
                           int            zoom_level)
{
  GString *url;

  g_return_val_if_fail (TRI_IS_TILE_SOURCE (self), NULL);

  url = g_string_new (NULL);
  for (const char *p = self->url_template; *p != '\0'; p++)
    {
      if (p[0] == '{' && p[1] != '\0' && p[2] == '}')
        {
          switch (p[1])
            {
            case 'x':
              g_string_append_printf (url, "%d", x);
              p += 2;
              continue;
            case 'y':
              g_string_append_printf (url, "%d", y);
              p += 2;
              continue;
            case 'z':
              g_string_append_printf (url, "%d", zoom_level);
              p += 2;
              continue;
            default:
              break;
            }
        }
      g_string_append_c (url, *p);
    }

  return g_string_free (url, FALSE);
}

static void
on_stored (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  Request *request = g_task_get_task_data (task);

  if (!shumate_file_cache_store_tile_finish (SHUMATE_FILE_CACHE (object), result, &error))
    g_debug ("Could not store tile %d/%d/%d: %s",
             request->z, request->x, request->y, error->message);

  g_task_return_pointer (task, g_bytes_ref (request->result), (GDestroyNotify) g_bytes_unref);
}

static void
return_stale_or_error (GTask  *task,
                       GError *error)
{
  Request *request = g_task_get_task_data (task);

  if (request->cached != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_debug ("Using stale tile %d/%d/%d: %s",
               request->z, request->x, request->y, error->message);
      g_error_free (error);
      g_task_return_pointer (task, g_bytes_ref (request->cached), (GDestroyNotify) g_bytes_unref);
    }
  else
    {
      g_task_return_error (task, error);
    }
}

static void
on_response (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TriTileSource *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
  g_autoptr(GBytes) body = NULL;
  GError *error = NULL;
  guint status;

  body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);
  if (body == NULL)
    {
      return_stale_or_error (task, error);
      return;
    }

  status = soup_message_get_status (request->message);

  if (status == SOUP_STATUS_NOT_MODIFIED && request->cached != NULL)
    {
      shumate_file_cache_mark_up_to_date (self->cache, request->x, request->y, request->z);
      g_task_return_pointer (task, g_bytes_ref (request->cached), (GDestroyNotify) g_bytes_unref);
    }
  else if (status == SOUP_STATUS_OK && g_bytes_get_size (body) > 0)
    {
      SoupMessageHeaders *headers = soup_message_get_response_headers (request->message);
      const char *etag = soup_message_headers_get_one (headers, "ETag");

      GCancellable *cancellable = g_task_get_cancellable (task);

      request->result = g_bytes_ref (body);
      shumate_file_cache_store_tile_async (self->cache,
                                           request->x, request->y, request->z,
                                           body, etag,
                                           cancellable,
                                           on_stored,
                                           g_steal_pointer (&task));
    }
  else
    {
      return_stale_or_error (task,
                             g_error_new (G_IO_ERROR, G_IO_ERROR_FAILED,
                                          "HTTP %u for tile %d/%d/%d",
                                          status, request->z, request->x, request->y));
    }
}

static void
on_cache_read (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TriTileSource *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
  g_autoptr(GDateTime) modtime = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  SoupMessageHeaders *headers;
  GCancellable *cancellable;

  request->cached = shumate_file_cache_get_tile_finish (SHUMATE_FILE_CACHE (object),
                                                        &request->etag, &modtime,
                                                        result, &error);

  if (g_task_return_error_if_cancelled (task))
    return;

  if (request->cached != NULL && modtime != NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      if (g_date_time_difference (now, modtime) < self->max_age)
        {
          g_task_return_pointer (task, g_bytes_ref (request->cached),
                                 (GDestroyNotify) g_bytes_unref);
          return;
        }
    }

  url = tri_tile_source_build_url (self, request->x, request->y, request->z);
  request->message = soup_message_new (SOUP_METHOD_GET, url);
  if (request->message == NULL)
    {
      return_stale_or_error (task, g_error_new (G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                                                "Invalid tile address %s", url));
      return;
    }

  headers = soup_message_get_request_headers (request->message);
  if (request->cached != NULL && request->etag != NULL && *request->etag != '\0')
    soup_message_headers_replace (headers, "If-None-Match", request->etag);

  cancellable = g_task_get_cancellable (task);
  soup_session_send_and_read_async (self->session, request->message,
                                    G_PRIORITY_DEFAULT,
                                    cancellable,
                                    on_response,
                                    g_steal_pointer (&task));
}

static void
tri_tile_source_get_tile_data_async (ShumateDataSource   *source,
                                     int                  x,
                                     int                  y,
                                     int                  zoom_level,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  TriTileSource *self = (TriTileSource *)source;
  g_autoptr(GTask) task = NULL;
  Request *request;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, tri_tile_source_get_tile_data_async);

  request = g_new0 (Request, 1);
  request->x = x;
  request->y = y;
  request->z = zoom_level;
  g_task_set_task_data (task, request, request_free);

  shumate_file_cache_get_tile_async (self->cache, x, y, zoom_level, cancellable,
                                     on_cache_read, g_steal_pointer (&task));
}

static GBytes *
tri_tile_source_get_tile_data_finish (ShumateDataSource  *source,
                                      GAsyncResult       *result,
                                      GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, source), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
tri_tile_source_constructed (GObject *object)
{
  TriTileSource *self = (TriTileSource *)object;
  g_autofree char *key = NULL;

  G_OBJECT_CLASS (tri_tile_source_parent_class)->constructed (object);

  if (self->url_template == NULL || *self->url_template == '\0')
    {
      g_free (self->url_template);
      self->url_template = g_strdup (TRI_TILE_SOURCE_DEFAULT_URL);
    }

  if (self->cache_dir == NULL)
    self->cache_dir = g_build_filename (g_get_user_cache_dir (), "triangulate", "tiles", NULL);

  /* One cache per server, so that changing the template never mixes tiles */
  if (g_str_equal (self->url_template, TRI_TILE_SOURCE_DEFAULT_URL))
    key = g_strdup ("openstreetmap");
  else
    key = g_compute_checksum_for_string (G_CHECKSUM_SHA1, self->url_template, -1);
  key[MIN (strlen (key), 16)] = '\0';

  self->cache = shumate_file_cache_new_full (CACHE_SIZE_LIMIT, key, self->cache_dir);
}

static void
tri_tile_source_dispose (GObject *object)
{
  TriTileSource *self = (TriTileSource *)object;

  if (self->session != NULL)
    soup_session_abort (self->session);
  g_clear_object (&self->session);
  g_clear_object (&self->cache);

  G_OBJECT_CLASS (tri_tile_source_parent_class)->dispose (object);
}

static void
tri_tile_source_finalize (GObject *object)
{
  TriTileSource *self = (TriTileSource *)object;

  g_clear_pointer (&self->url_template, g_free);
  g_clear_pointer (&self->cache_dir, g_free);

  G_OBJECT_CLASS (tri_tile_source_parent_class)->finalize (object);
}

static void
tri_tile_source_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  TriTileSource *self = TRI_TILE_SOURCE (object);

  switch (prop_id)
    {
    case PROP_URL_TEMPLATE:
      g_value_set_string (value, tri_tile_source_get_url_template (self));
      break;
    case PROP_CACHE_DIR:
      g_value_set_string (value, tri_tile_source_get_cache_dir (self));
      break;
    case PROP_MAX_AGE:
      g_value_set_int64 (value, tri_tile_source_get_max_age (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tri_tile_source_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  TriTileSource *self = TRI_TILE_SOURCE (object);

  switch (prop_id)
    {
    case PROP_URL_TEMPLATE:
      self->url_template = g_value_dup_string (value);
      break;
    case PROP_CACHE_DIR:
      self->cache_dir = g_value_dup_string (value);
      break;
    case PROP_MAX_AGE:
      tri_tile_source_set_max_age (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tri_tile_source_class_init (TriTileSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ShumateDataSourceClass *source_class = SHUMATE_DATA_SOURCE_CLASS (klass);

  object_class->constructed = tri_tile_source_constructed;
  object_class->dispose = tri_tile_source_dispose;
  object_class->finalize = tri_tile_source_finalize;
  object_class->get_property = tri_tile_source_get_property;
  object_class->set_property = tri_tile_source_set_property;

  source_class->get_tile_data_async = tri_tile_source_get_tile_data_async;
  source_class->get_tile_data_finish = tri_tile_source_get_tile_data_finish;

  /**
   * TriTileSource:url-template:
   *
   * The tile address, with {z}, {x} and {y} for the zoom level, column and
   * row.
   */
  properties [PROP_URL_TEMPLATE] =
    g_param_spec_string ("url-template", NULL, NULL,
                         TRI_TILE_SOURCE_DEFAULT_URL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * TriTileSource:cache-dir:
   *
   * Where tiles are kept; the user's cache folder by default.
   */
  properties [PROP_CACHE_DIR] =
    g_param_spec_string ("cache-dir", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * TriTileSource:max-age:
   *
   * How long, in microseconds, a cached tile is used without asking the
   * server again.
   */
  properties [PROP_MAX_AGE] =
    g_param_spec_int64 ("max-age", NULL, NULL,
                        0, G_MAXINT64, DEFAULT_MAX_AGE,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tri_tile_source_init (TriTileSource *self)
{
  self->max_age = DEFAULT_MAX_AGE;
  self->session = soup_session_new_with_options ("user-agent", USER_AGENT,
                                                 "max-conns-per-host", 2,
                                                 "timeout", 30,
                                                 NULL);
}

/**
 * tri_tile_source_new:
 * @url_template: (nullable): the tile address template, or %NULL for
 *   OpenStreetMap's
 * @cache_dir: (nullable): the tile cache folder, or %NULL for the default
 *
 * Returns: (transfer full): a new #TriTileSource
 */
TriTileSource *
tri_tile_source_new (const char *url_template,
                     const char *cache_dir)
{
  return g_object_new (TRI_TYPE_TILE_SOURCE,
                       "url-template", url_template,
                       "cache-dir", cache_dir,
                       NULL);
}

const char *
tri_tile_source_get_url_template (TriTileSource *self)
{
  g_return_val_if_fail (TRI_IS_TILE_SOURCE (self), NULL);

  return self->url_template;
}

const char *
tri_tile_source_get_cache_dir (TriTileSource *self)
{
  g_return_val_if_fail (TRI_IS_TILE_SOURCE (self), NULL);

  return self->cache_dir;
}

GTimeSpan
tri_tile_source_get_max_age (TriTileSource *self)
{
  g_return_val_if_fail (TRI_IS_TILE_SOURCE (self), 0);

  return self->max_age;
}

void
tri_tile_source_set_max_age (TriTileSource *self,
                             GTimeSpan      max_age)
{
  g_return_if_fail (TRI_IS_TILE_SOURCE (self));
  g_return_if_fail (max_age >= 0);

  if (self->max_age == max_age)
    return;

  self->max_age = max_age;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MAX_AGE]);
}

/**
 * tri_tile_source_new_map_source:
 * @self: a #TriTileSource
 *
 * Wraps the tiles in a map source with OpenStreetMap's attribution.
 *
 * Returns: (transfer full): a new #ShumateMapSource
 */
ShumateMapSource *
tri_tile_source_new_map_source (TriTileSource *self)
{
  g_return_val_if_fail (TRI_IS_TILE_SOURCE (self), NULL);

  return SHUMATE_MAP_SOURCE (shumate_raster_renderer_new_full ("openstreetmap",
                                                               "OpenStreetMap",
                                                               "© OpenStreetMap contributors",
                                                               "https://www.openstreetmap.org/copyright",
                                                               0, 19, 256,
                                                               SHUMATE_MAP_PROJECTION_MERCATOR,
                                                               SHUMATE_DATA_SOURCE (self)));
}
