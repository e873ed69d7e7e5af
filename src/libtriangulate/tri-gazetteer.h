/* tri-gazetteer.h
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(TRIANGULATE_INSIDE) && !defined(TRIANGULATE_COMPILATION)
# error "Only <triangulate.h> can be included directly."
#endif

#include <glib-object.h>

#include "tri-actor.h"
#include "tri-place.h"

G_BEGIN_DECLS

/**
 * TriGazetteerFile:
 * @TRI_GAZETTEER_FILE_PLACES: places, in the format of places.tsv
 * @TRI_GAZETTEER_FILE_ACTORS: actors, in the format of actors.tsv
 * @TRI_GAZETTEER_FILE_CUES: context words, in the format of cues.tsv
 *
 * What a file given to tri_gazetteer_load_file() holds.
 */
typedef enum /*< prefix=TRI_GAZETTEER_FILE >*/
{
  TRI_GAZETTEER_FILE_PLACES,
  TRI_GAZETTEER_FILE_ACTORS,
  TRI_GAZETTEER_FILE_CUES,
} TriGazetteerFile;

#define TRI_TYPE_GAZETTEER (tri_gazetteer_get_type ())

G_DECLARE_FINAL_TYPE (TriGazetteer, tri_gazetteer, TRI, GAZETTEER, GObject)

TriGazetteer *tri_gazetteer_new                (void);
TriGazetteer *tri_gazetteer_new_from_files     (const char          *places_path,
                                                const char          *actors_path,
                                                const char          *cues_path,
                                                GError             **error);
TriGazetteer *tri_gazetteer_new_default        (void);
TriGazetteer *tri_gazetteer_get_default        (void);
gboolean      tri_gazetteer_load_file          (TriGazetteer        *self,
                                                TriGazetteerFile     what,
                                                const char          *path,
                                                GError             **error);
gboolean      tri_gazetteer_load_user_files    (TriGazetteer        *self,
                                                const char          *dir,
                                                GError             **error);
gboolean      tri_gazetteer_add_place          (TriGazetteer        *self,
                                                TriPlace            *place,
                                                const char * const  *aliases);
gboolean      tri_gazetteer_add_actor          (TriGazetteer        *self,
                                                TriActor            *actor,
                                                const char * const  *aliases);
gboolean      tri_gazetteer_add_alias          (TriGazetteer        *self,
                                                const char          *id,
                                                const char          *alias);
guint         tri_gazetteer_get_n_places       (TriGazetteer        *self);
guint         tri_gazetteer_get_n_actors       (TriGazetteer        *self);
TriPlace     *tri_gazetteer_lookup_id          (TriGazetteer        *self,
                                                const char          *id);
TriActor     *tri_gazetteer_lookup_actor       (TriGazetteer        *self,
                                                const char          *id);
TriPlace     *tri_gazetteer_lookup_country     (TriGazetteer        *self,
                                                const char          *iso_code);
GPtrArray    *tri_gazetteer_lookup_name        (TriGazetteer        *self,
                                                const char          *name);
GPtrArray    *tri_gazetteer_lookup_actor_name  (TriGazetteer        *self,
                                                const char          *name);
gboolean      tri_gazetteer_is_within          (TriGazetteer        *self,
                                                const char          *child_id,
                                                const char          *ancestor_id);

G_END_DECLS
