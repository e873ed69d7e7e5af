/* tri-place-finder.h: places named in text, from the gazetteer data files
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char       *id;
  const char *kind;        /* interned: city, country, air_base, … */
  char       *name_en;
  char       *name_vi;
  double      lat;
  double      lon;
  guint64     population;
  gboolean    capital;
} TriFinderPlace;

typedef struct _TriPlaceFinder TriPlaceFinder;

TriPlaceFinder       *tri_place_finder_get_default  (void);
TriPlaceFinder       *tri_place_finder_new_from_files (const char * const *paths);
void                  tri_place_finder_free         (TriPlaceFinder *self);
const TriFinderPlace *tri_place_finder_lookup       (TriPlaceFinder *self,
                                                     const char     *id);
void                  tri_place_finder_find         (TriPlaceFinder *self,
                                                     const char     *text,
                                                     gssize          len,
                                                     GPtrArray      *out);
const char           *tri_finder_place_get_name     (const TriFinderPlace *place);
gboolean              tri_finder_place_always_label (const TriFinderPlace *place);

G_END_DECLS
