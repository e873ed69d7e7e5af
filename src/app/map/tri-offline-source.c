/* tri-offline-source.c
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-offline-source"

#include "config.h"

#include <glib/gi18n.h>

#include "tri-offline-source.h"

/* The map source of the offline basemap.  It has no tiles: it gives the
 * viewport its projection, tile size and zoom range, and the license its
 * attribution.  TriBasemapLayer draws the sea, the land and the labels. */

#define TRI_OFFLINE_MIN_ZOOM 2
#define TRI_OFFLINE_MAX_ZOOM 12

struct _TriOfflineSource
{
  ShumateMapSource parent_instance;
};

G_DEFINE_FINAL_TYPE (TriOfflineSource, tri_offline_source, SHUMATE_TYPE_MAP_SOURCE)

static void
tri_offline_source_fill_tile_async (ShumateMapSource    *source,
                                    ShumateTile         *tile,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  task = g_task_new (source, cancellable, callback, user_data);
  g_task_set_source_tag (task, tri_offline_source_fill_tile_async);

  /* Nothing to draw: the basemap layer paints over the whole map. */
  shumate_tile_set_paintable (tile, NULL);
  shumate_tile_set_fade_in (tile, FALSE);
  shumate_tile_set_state (tile, SHUMATE_STATE_DONE);
  g_task_return_boolean (task, TRUE);
}

static gboolean
tri_offline_source_fill_tile_finish (ShumateMapSource  *source,
                                     GAsyncResult      *result,
                                     GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, source), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
tri_offline_source_class_init (TriOfflineSourceClass *klass)
{
  ShumateMapSourceClass *source_class = SHUMATE_MAP_SOURCE_CLASS (klass);

  source_class->fill_tile_async = tri_offline_source_fill_tile_async;
  source_class->fill_tile_finish = tri_offline_source_fill_tile_finish;
}

static void
tri_offline_source_init (TriOfflineSource *self)
{
}

/**
 * tri_offline_source_new:
 *
 * Creates the reference map source of the offline basemap.
 *
 * Returns: (transfer full): a new #ShumateMapSource
 */
ShumateMapSource *
tri_offline_source_new (void)
{
  return g_object_new (TRI_TYPE_OFFLINE_SOURCE,
                       "id", "triangulate-offline",
                       "name", _("Offline world map"),
                       "license", _("Natural Earth (public domain)"),
                       "license-uri", "https://www.naturalearthdata.com/about/terms-of-use/",
                       "min-zoom-level", TRI_OFFLINE_MIN_ZOOM,
                       "max-zoom-level", TRI_OFFLINE_MAX_ZOOM,
                       "tile-size", 256,
                       "projection", SHUMATE_MAP_PROJECTION_MERCATOR,
                       NULL);
}
