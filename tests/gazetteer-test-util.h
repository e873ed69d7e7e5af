/* gazetteer-test-util.h: the data gazetteer and mention look-ups shared by
 * the place and actor tests
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <string.h>

#include "tri-data.h"
#include "tri-entities-private.h"
#include "tri-gazetteer-private.h"

/* The gazetteer of the data folder: places, actors, cues and stopwords. */
static TriGazetteer *
load_data_gazetteer (void)
{
  g_autofree char *places = tri_data_find ("gazetteer/places.tsv");
  g_autofree char *actors = tri_data_find ("actors/actors.tsv");
  g_autofree char *cues = tri_data_find ("gazetteer/cues.tsv");
  g_autofree char *stopwords = tri_data_find ("gazetteer/stopwords.tsv");
  g_autoptr(GError) error = NULL;
  TriGazetteer *gz;

  g_assert_nonnull (places);
  g_assert_nonnull (actors);
  g_assert_nonnull (cues);
  g_assert_nonnull (stopwords);
  gz = tri_gazetteer_new_from_files (places, actors, cues, &error);
  g_assert_no_error (error);
  g_assert_true (tri_gazetteer_load_file (gz, TRI_GAZETTEER_FILE_CUES, stopwords, &error));
  g_assert_no_error (error);
  return gz;
}

static GPtrArray *
tag (TriGazetteer *gz,
     const char   *text,
     const char   *language)
{
  return _tri_entities_tag_text (gz, text, strlen (text), language, NULL, 0,
                                 TRI_ENTITIES_PLACES | TRI_ENTITIES_ACTORS);
}

/* The mention of @kind covering the first occurrence of @span in @text, or
 * NULL. */
static TriMention *
find_mention (GPtrArray      *mentions,
              TriMentionKind  kind,
              const char     *text,
              const char     *span)
{
  const char *at = strstr (text, span);

  g_assert_nonnull (at);
  for (guint i = 0; i < mentions->len; i++)
    {
      TriMention *m = g_ptr_array_index (mentions, i);

      if (m->kind == kind && m->start <= (guint) (at - text) &&
          m->end >= (guint) (at - text) + strlen (span))
        return m;
    }
  return NULL;
}
