/* fuzz-gazetteer.c: a text → place and actor mentions from the gazetteer
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <triangulate.h>

#include "fuzz.h"
#include "tri-entities-private.h"

static const char *const languages[] = { "vi", "en", NULL, "ar" };

/* Byte 0 picks the language and what to look for, bytes 1–2 a stretch of
 * boilerplate to skip; the rest is the text. Every mention must lie inside
 * the text, outside the skipped stretch, and name an entry the gazetteer
 * knows (or be a candidate). */
static void
warm_up (void)
{
  g_ptr_array_unref (_tri_entities_tag_text (tri_gazetteer_get_default (), "Iraq", 4, "vi", NULL, 0,
                                             TRI_ENTITIES_PLACES | TRI_ENTITIES_ACTORS));
}

FUZZ_INITIALIZE (warm_up)

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static TriGazetteer *gazetteer;
  g_autoptr(GPtrArray) mentions = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autofree char *text = NULL;
  TriEntityKinds kinds;
  TriSpan excluded;
  const char *language;
  gsize len;

  fuzz_set_up (warm_up);
  if (gazetteer == NULL)
    gazetteer = tri_gazetteer_get_default ();
  if (size < 3)
    return 0;
  language = languages[data[0] & 3];
  kinds = (data[0] >> 2) % 3 + 1;
  text = fuzz_text (data + 3, size - 3, &len);
  excluded.start = MIN (data[1], len);
  excluded.end = MIN (excluded.start + data[2], len);
  while (!fuzz_is_boundary (text, len, excluded.start))
    excluded.start--;
  while (!fuzz_is_boundary (text, len, excluded.end))
    excluded.end++;

  mentions = _tri_entities_tag_text (gazetteer, text, len, language, &excluded,
                                     excluded.start < excluded.end ? 1 : 0, kinds);
  g_assert (mentions != NULL);
  for (guint i = 0; i < mentions->len; i++)
    {
      TriMention *m = g_ptr_array_index (mentions, i);

      fuzz_check_mention (m, text, len);
      if (m->kind == TRI_MENTION_PLACE)
        {
          g_assert (kinds & TRI_ENTITIES_PLACES);
          if (!m->candidate)
            g_assert (tri_gazetteer_lookup_id (gazetteer, m->entity) != NULL);
        }
      else
        {
          g_assert_cmpint (m->kind, ==, TRI_MENTION_ACTOR);
          g_assert (kinds & TRI_ENTITIES_ACTORS);
        }
      if (excluded.start < excluded.end)
        g_assert (m->end <= excluded.start || m->start >= excluded.end);
    }

  /* The whole text as a name typed into a search box. */
  found = tri_gazetteer_lookup_name (gazetteer, text);
  g_assert (found != NULL);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = tri_gazetteer_lookup_actor_name (gazetteer, text);
  g_assert (found != NULL);
  return 0;
}
