/* tri-gazetteer-private.h: what the entity tagger needs of the gazetteer
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tri-gazetteer.h"
#include "tri-name-matcher-private.h"

G_BEGIN_DECLS

/* The values of the gazetteer's name index: which entry, and what the
 * spelling that was entered allows.  Spellings of one entry that fold to one
 * key are or-ed together, so each bit says "some spelling allows it". */
#define TRI_NAME_LOWER_OK     (1u << 0)   /* written lower case ("liên minh do Mỹ dẫn đầu") */
#define TRI_NAME_MIXED_OK     (1u << 1)   /* not a short all-capitals abbreviation ("US") */
#define TRI_NAME_SURNAME      (1u << 2)   /* a person's one-word alias ("Trump") */
#define TRI_NAME_UPPER        (1u << 3)   /* written in capitals ("UAE", "NATO") */
#define TRI_NAME_ACTOR        (1u << 4)
#define TRI_NAME_INDEX_SHIFT  5
#define TRI_NAME_ENTRY_MASK   (~0xFu)

#define TRI_NAME_INDEX(value) ((value) >> TRI_NAME_INDEX_SHIFT)

typedef enum
{
  TRI_CUE_BEFORE,
  TRI_CUE_AFTER,
  TRI_CUE_SPEECH,
  TRI_CUE_AUX,
  TRI_CUE_CONJ,
  TRI_CUE_TITLE,
  TRI_CUE_PARTICLE,
  TRI_CUE_WEAK,
  TRI_CUE_STOP,
  TRI_CUE_HEAD,
} TriCueType;

typedef enum
{
  TRI_LANGUAGE_ANY,
  TRI_LANGUAGE_VI,
  TRI_LANGUAGE_EN,
  TRI_LANGUAGE_OTHER,
} TriLanguage;

typedef struct
{
  guint8      language;   /* TriLanguage */
  guint8      type;       /* TriCueType */
  guint16     kinds;      /* before/after: 1 << TriPlaceKind for each kind */
  guint8      primary;    /* before/after: the kind it names first */
  const char *words;      /* Vietnamese: the phrase's words with diacritics
                           * (interned), which the text must have too */
} TriCue;

TriPlace             *_tri_place_new_full              (const char   *id,
                                                        TriPlaceKind  kind,
                                                        const char   *name,
                                                        const char   *name_vi,
                                                        double        latitude,
                                                        double        longitude,
                                                        const char   *country,
                                                        const char   *parent,
                                                        guint64       population,
                                                        gboolean      capital);
TriLanguage           _tri_language_from_string        (const char   *language);
const TriNameMatcher *_tri_gazetteer_get_names         (TriGazetteer *self);
const TriNameMatcher *_tri_gazetteer_get_cues          (TriGazetteer *self);
const TriCue         *_tri_gazetteer_get_cue           (TriGazetteer *self,
                                                        guint32       value);
TriPlace             *_tri_gazetteer_get_place         (TriGazetteer *self,
                                                        guint         index);
TriActor             *_tri_gazetteer_get_actor         (TriGazetteer *self,
                                                        guint         index);
TriActor             *_tri_gazetteer_get_government    (TriGazetteer *self,
                                                        const char   *country);
gboolean              _tri_gazetteer_is_weak_spelling  (TriGazetteer *self,
                                                        const char   *word,
                                                        gsize         len);
gsize                 _tri_gazetteer_get_index_size    (TriGazetteer *self);

G_END_DECLS
