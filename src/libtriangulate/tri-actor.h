/* tri-actor.h
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

G_BEGIN_DECLS

/**
 * TriActorKind:
 * @TRI_ACTOR_KIND_GOVERNMENT: a government, its executive or legislature
 * @TRI_ACTOR_KIND_MINISTRY: a ministry or department
 * @TRI_ACTOR_KIND_MILITARY: armed forces or a command
 * @TRI_ACTOR_KIND_COALITION: a military coalition or alliance
 * @TRI_ACTOR_KIND_MILITIA: a militia or armed movement
 * @TRI_ACTOR_KIND_GROUP: another group (armed, political)
 * @TRI_ACTOR_KIND_ORGANIZATION: an international organisation
 * @TRI_ACTOR_KIND_PERSON: a person
 * @TRI_ACTOR_KIND_AGENCY: a news agency or intelligence agency
 * @TRI_ACTOR_KIND_MEDIA: a newspaper, broadcaster or site
 */
typedef enum /*< prefix=TRI_ACTOR_KIND >*/
{
  TRI_ACTOR_KIND_GOVERNMENT,
  TRI_ACTOR_KIND_MINISTRY,
  TRI_ACTOR_KIND_MILITARY,
  TRI_ACTOR_KIND_COALITION,
  TRI_ACTOR_KIND_MILITIA,
  TRI_ACTOR_KIND_GROUP,
  TRI_ACTOR_KIND_ORGANIZATION,
  TRI_ACTOR_KIND_PERSON,
  TRI_ACTOR_KIND_AGENCY,
  TRI_ACTOR_KIND_MEDIA,
} TriActorKind;

#define TRI_TYPE_ACTOR (tri_actor_get_type ())

typedef struct _TriActor TriActor;

GType         tri_actor_get_type         (void) G_GNUC_CONST;
TriActor     *tri_actor_new              (const char     *id,
                                          TriActorKind    kind,
                                          const char     *name,
                                          const char     *name_vi,
                                          const char     *country,
                                          const char     *parent);
TriActor     *tri_actor_ref              (TriActor       *self);
void          tri_actor_unref            (TriActor       *self);
const char   *tri_actor_get_id           (const TriActor *self);
TriActorKind  tri_actor_get_kind         (const TriActor *self);
const char   *tri_actor_get_name         (const TriActor *self);
const char   *tri_actor_get_name_vi      (const TriActor *self);
const char   *tri_actor_get_country      (const TriActor *self);
const char   *tri_actor_get_parent       (const TriActor *self);

const char   *tri_actor_kind_to_string   (TriActorKind    kind);
gboolean      tri_actor_kind_from_string (const char     *string,
                                          TriActorKind   *kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TriActor, tri_actor_unref)

G_END_DECLS
