/* tri-place.h
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
 * TriPlaceKind:
 * @TRI_PLACE_KIND_REGION: a region of the world ("Middle East") or within a
 *   country ("Kurdistan Region")
 * @TRI_PLACE_KIND_COUNTRY: a country or territory with an ISO 3166 code
 * @TRI_PLACE_KIND_ADMIN1: a first-level division (province, governorate)
 * @TRI_PLACE_KIND_CITY: a city, town or village
 * @TRI_PLACE_KIND_AIR_BASE: a military air base
 * @TRI_PLACE_KIND_MILITARY_BASE: another military base or garrison
 * @TRI_PLACE_KIND_AIRPORT: a civil airport
 * @TRI_PLACE_KIND_FACILITY: another site (embassy, oil field, district)
 */
typedef enum /*< prefix=TRI_PLACE_KIND >*/
{
  TRI_PLACE_KIND_REGION,
  TRI_PLACE_KIND_COUNTRY,
  TRI_PLACE_KIND_ADMIN1,
  TRI_PLACE_KIND_CITY,
  TRI_PLACE_KIND_AIR_BASE,
  TRI_PLACE_KIND_MILITARY_BASE,
  TRI_PLACE_KIND_AIRPORT,
  TRI_PLACE_KIND_FACILITY,
} TriPlaceKind;

#define TRI_TYPE_PLACE (tri_place_get_type ())

typedef struct _TriPlace TriPlace;

GType         tri_place_get_type         (void) G_GNUC_CONST;
TriPlace     *tri_place_new              (const char    *id,
                                          TriPlaceKind   kind,
                                          const char    *name,
                                          const char    *name_vi,
                                          double         latitude,
                                          double         longitude,
                                          const char    *country,
                                          const char    *parent);
TriPlace     *tri_place_ref              (TriPlace      *self);
void          tri_place_unref            (TriPlace      *self);
const char   *tri_place_get_id           (const TriPlace *self);
TriPlaceKind  tri_place_get_kind         (const TriPlace *self);
const char   *tri_place_get_name         (const TriPlace *self);
const char   *tri_place_get_name_vi      (const TriPlace *self);
double        tri_place_get_latitude     (const TriPlace *self);
double        tri_place_get_longitude    (const TriPlace *self);
const char   *tri_place_get_country      (const TriPlace *self);
const char   *tri_place_get_parent       (const TriPlace *self);
guint64       tri_place_get_population   (const TriPlace *self);
gboolean      tri_place_is_capital       (const TriPlace *self);
double        tri_place_distance_km      (const TriPlace *self,
                                          const TriPlace *other);

const char   *tri_place_kind_to_string   (TriPlaceKind   kind);
gboolean      tri_place_kind_from_string (const char    *string,
                                          TriPlaceKind  *kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TriPlace, tri_place_unref)

G_END_DECLS
