/* tri-place.c
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-place"

#include "config.h"

#include <math.h>
#include <string.h>

#include "tri-gazetteer-private.h"
#include "tri-place.h"

/**
 * TriPlace:
 *
 * A place of the gazetteer: a country, province, city, base… with its
 * position.  Places are immutable and reference counted; the gazetteer
 * keeps one for each entry, so a place it returns lives as long as the
 * gazetteer unless you take a reference.
 */
struct _TriPlace
{
  gatomicrefcount  ref_count;
  TriPlaceKind     kind;
  gboolean         capital;
  double           latitude;
  double           longitude;
  guint64          population;
  const char      *id;
  const char      *name;
  const char      *name_vi;      /* nullable */
  const char      *country;      /* nullable */
  const char      *parent;       /* nullable */
  char             strings[];    /* the five strings, one allocation */
};

G_DEFINE_BOXED_TYPE (TriPlace, tri_place, tri_place_ref, tri_place_unref)

static const char * const kind_names[] = {
  [TRI_PLACE_KIND_REGION] = "region",
  [TRI_PLACE_KIND_COUNTRY] = "country",
  [TRI_PLACE_KIND_ADMIN1] = "admin1",
  [TRI_PLACE_KIND_CITY] = "city",
  [TRI_PLACE_KIND_AIR_BASE] = "air_base",
  [TRI_PLACE_KIND_MILITARY_BASE] = "military_base",
  [TRI_PLACE_KIND_AIRPORT] = "airport",
  [TRI_PLACE_KIND_FACILITY] = "facility",
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

TriPlace *
_tri_place_new_full (const char   *id,
                     TriPlaceKind  kind,
                     const char   *name,
                     const char   *name_vi,
                     double        latitude,
                     double        longitude,
                     const char   *country,
                     const char   *parent,
                     guint64       population,
                     gboolean      capital)
{
  TriPlace *self;
  char *p;

  self = g_malloc (sizeof *self + string_size (id) + string_size (name) +
                   string_size (name_vi) + string_size (country) + string_size (parent));
  g_atomic_ref_count_init (&self->ref_count);
  self->kind = kind;
  self->capital = capital;
  self->latitude = latitude;
  self->longitude = longitude;
  self->population = population;
  p = self->strings;
  self->id = copy_string (&p, id);
  self->name = copy_string (&p, name);
  self->name_vi = copy_string (&p, name_vi);
  self->country = copy_string (&p, country);
  self->parent = copy_string (&p, parent);
  return self;
}

/**
 * tri_place_new:
 * @id: a stable identifier ("al-asad-air-base")
 * @kind: what it is
 * @name: its English name
 * @name_vi: (nullable): its Vietnamese name
 * @latitude: degrees north
 * @longitude: degrees east
 * @country: (nullable): ISO 3166-1 alpha-2 code
 * @parent: (nullable): the id of the place it lies in
 *
 * Returns: (transfer full): a new place, for tri_gazetteer_add_place()
 */
TriPlace *
tri_place_new (const char   *id,
               TriPlaceKind  kind,
               const char   *name,
               const char   *name_vi,
               double        latitude,
               double        longitude,
               const char   *country,
               const char   *parent)
{
  g_return_val_if_fail (id != NULL && *id != '\0', NULL);
  g_return_val_if_fail (name != NULL && *name != '\0', NULL);
  g_return_val_if_fail (kind <= TRI_PLACE_KIND_FACILITY, NULL);

  return _tri_place_new_full (id, kind, name, name_vi, latitude, longitude, country, parent,
                              0, FALSE);
}

/**
 * tri_place_ref:
 * @self: a #TriPlace
 *
 * Returns: (transfer full): @self
 */
TriPlace *
tri_place_ref (TriPlace *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

/**
 * tri_place_unref:
 * @self: (transfer full): a #TriPlace
 */
void
tri_place_unref (TriPlace *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    g_free (self);
}

const char *
tri_place_get_id (const TriPlace *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->id;
}

TriPlaceKind
tri_place_get_kind (const TriPlace *self)
{
  g_return_val_if_fail (self != NULL, TRI_PLACE_KIND_REGION);
  return self->kind;
}

/**
 * tri_place_get_name:
 * @self: a #TriPlace
 *
 * Returns: the English name
 */
const char *
tri_place_get_name (const TriPlace *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->name;
}

/**
 * tri_place_get_name_vi:
 * @self: a #TriPlace
 *
 * Returns: (nullable): the Vietnamese name, if the gazetteer has one
 */
const char *
tri_place_get_name_vi (const TriPlace *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->name_vi;
}

double
tri_place_get_latitude (const TriPlace *self)
{
  g_return_val_if_fail (self != NULL, 0.0);
  return self->latitude;
}

double
tri_place_get_longitude (const TriPlace *self)
{
  g_return_val_if_fail (self != NULL, 0.0);
  return self->longitude;
}

/**
 * tri_place_get_country:
 * @self: a #TriPlace
 *
 * Returns: (nullable): the ISO 3166-1 alpha-2 code of its country
 */
const char *
tri_place_get_country (const TriPlace *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->country;
}

/**
 * tri_place_get_parent:
 * @self: a #TriPlace
 *
 * Returns: (nullable): the id of the place it lies in
 */
const char *
tri_place_get_parent (const TriPlace *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->parent;
}

/**
 * tri_place_get_population:
 * @self: a #TriPlace
 *
 * Returns: the population of a city, or 0 when unknown
 */
guint64
tri_place_get_population (const TriPlace *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->population;
}

/**
 * tri_place_is_capital:
 * @self: a #TriPlace
 *
 * Returns: whether it is a national capital
 */
gboolean
tri_place_is_capital (const TriPlace *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->capital;
}

/**
 * tri_place_distance_km:
 * @self: a #TriPlace
 * @other: another #TriPlace
 *
 * Returns: the great-circle distance between the two positions, in km
 */
double
tri_place_distance_km (const TriPlace *self,
                       const TriPlace *other)
{
  double lat1, lat2, dlat, dlon, h;

  g_return_val_if_fail (self != NULL && other != NULL, 0.0);

  lat1 = self->latitude * G_PI / 180.0;
  lat2 = other->latitude * G_PI / 180.0;
  dlat = lat2 - lat1;
  dlon = (other->longitude - self->longitude) * G_PI / 180.0;
  h = sin (dlat / 2) * sin (dlat / 2) + cos (lat1) * cos (lat2) * sin (dlon / 2) * sin (dlon / 2);
  return 12742.0 * asin (MIN (1.0, sqrt (h)));
}

/**
 * tri_place_kind_to_string:
 * @kind: a #TriPlaceKind
 *
 * Returns: its name in the data files and the report ("air_base")
 */
const char *
tri_place_kind_to_string (TriPlaceKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kind_names), NULL);
  return kind_names[kind];
}

/**
 * tri_place_kind_from_string:
 * @string: a kind's name ("admin1")
 * @kind: (out): the kind
 *
 * Returns: whether @string names a kind
 */
gboolean
tri_place_kind_from_string (const char   *string,
                            TriPlaceKind *kind)
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
