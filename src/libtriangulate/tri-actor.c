/* tri-actor.c
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-actor"

#include "config.h"

#include <string.h>

#include "tri-actor.h"

/**
 * TriActor:
 *
 * Someone who acts or speaks in the news: a government, ministry, armed
 * force, coalition, militia, group, person or news agency.  Actors are
 * immutable and reference counted, like #TriPlace.
 */
struct _TriActor
{
  gatomicrefcount  ref_count;
  TriActorKind     kind;
  const char      *id;
  const char      *name;
  const char      *name_vi;      /* nullable */
  const char      *country;      /* nullable */
  const char      *parent;       /* nullable */
  char             strings[];
};

G_DEFINE_BOXED_TYPE (TriActor, tri_actor, tri_actor_ref, tri_actor_unref)

static const char * const kind_names[] = {
  [TRI_ACTOR_KIND_GOVERNMENT] = "government",
  [TRI_ACTOR_KIND_MINISTRY] = "ministry",
  [TRI_ACTOR_KIND_MILITARY] = "military",
  [TRI_ACTOR_KIND_COALITION] = "coalition",
  [TRI_ACTOR_KIND_MILITIA] = "militia",
  [TRI_ACTOR_KIND_GROUP] = "group",
  [TRI_ACTOR_KIND_ORGANIZATION] = "organization",
  [TRI_ACTOR_KIND_PERSON] = "person",
  [TRI_ACTOR_KIND_AGENCY] = "agency",
  [TRI_ACTOR_KIND_MEDIA] = "media",
};

static inline gsize
string_size (const char *s)
{
  return s != NULL && *s != '\0' ? strlen (s) + 1 : 0;
}

static const char *
copy_string (char       **dest,
             const char  *s)
{
  char *copy;
  gsize size = string_size (s);

  if (size == 0)
    return NULL;
  copy = memcpy (*dest, s, size);
  *dest += size;
  return copy;
}

/**
 * tri_actor_new:
 * @id: a stable identifier ("iraq-ministry-of-defence")
 * @kind: what it is
 * @name: its English name
 * @name_vi: (nullable): its Vietnamese name
 * @country: (nullable): ISO 3166-1 alpha-2 code of its state
 * @parent: (nullable): the id of the actor it is part of
 *
 * Returns: (transfer full): a new actor, for tri_gazetteer_add_actor()
 */
TriActor *
tri_actor_new (const char   *id,
               TriActorKind  kind,
               const char   *name,
               const char   *name_vi,
               const char   *country,
               const char   *parent)
{
  TriActor *self;
  char *p;

  g_return_val_if_fail (id != NULL && *id != '\0', NULL);
  g_return_val_if_fail (name != NULL && *name != '\0', NULL);
  g_return_val_if_fail (kind <= TRI_ACTOR_KIND_MEDIA, NULL);

  self = g_malloc (sizeof *self + string_size (id) + string_size (name) +
                   string_size (name_vi) + string_size (country) + string_size (parent));
  g_atomic_ref_count_init (&self->ref_count);
  self->kind = kind;
  p = self->strings;
  self->id = copy_string (&p, id);
  self->name = copy_string (&p, name);
  self->name_vi = copy_string (&p, name_vi);
  self->country = copy_string (&p, country);
  self->parent = copy_string (&p, parent);
  return self;
}

/**
 * tri_actor_ref:
 * @self: a #TriActor
 *
 * Returns: (transfer full): @self
 */
TriActor *
tri_actor_ref (TriActor *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

/**
 * tri_actor_unref:
 * @self: (transfer full): a #TriActor
 */
void
tri_actor_unref (TriActor *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    g_free (self);
}

const char *
tri_actor_get_id (const TriActor *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->id;
}

TriActorKind
tri_actor_get_kind (const TriActor *self)
{
  g_return_val_if_fail (self != NULL, TRI_ACTOR_KIND_GROUP);
  return self->kind;
}

/**
 * tri_actor_get_name:
 * @self: a #TriActor
 *
 * Returns: the English name
 */
const char *
tri_actor_get_name (const TriActor *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->name;
}

/**
 * tri_actor_get_name_vi:
 * @self: a #TriActor
 *
 * Returns: (nullable): the Vietnamese name, if known
 */
const char *
tri_actor_get_name_vi (const TriActor *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->name_vi;
}

/**
 * tri_actor_get_country:
 * @self: a #TriActor
 *
 * Returns: (nullable): the ISO 3166-1 alpha-2 code of its state
 */
const char *
tri_actor_get_country (const TriActor *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->country;
}

/**
 * tri_actor_get_parent:
 * @self: a #TriActor
 *
 * Returns: (nullable): the id of the actor it is part of
 */
const char *
tri_actor_get_parent (const TriActor *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->parent;
}

/**
 * tri_actor_kind_to_string:
 * @kind: a #TriActorKind
 *
 * Returns: its name in the data files ("ministry")
 */
const char *
tri_actor_kind_to_string (TriActorKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kind_names), NULL);
  return kind_names[kind];
}

/**
 * tri_actor_kind_from_string:
 * @string: a kind's name ("person")
 * @kind: (out): the kind
 *
 * Returns: whether @string names a kind
 */
gboolean
tri_actor_kind_from_string (const char   *string,
                            TriActorKind *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  for (guint i = 0; string != NULL && i < G_N_ELEMENTS (kind_names); i++)
    {
      if (strcmp (string, kind_names[i]) == 0)
        {
          *kind = i;
          return TRUE;
        }
    }
  return FALSE;
}
