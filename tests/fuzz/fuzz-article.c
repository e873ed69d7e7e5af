/* fuzz-article.c: bytes → articles → analysis
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <triangulate.h>

#include "fuzz.h"

/* The first byte picks the name the bytes arrive under, so the harness
 * reaches every reader the loader dispatches to. */
static const char *const names[] = { "fuzz.txt", "fuzz.html", "fuzz.json", "fuzz.jsonl", "fuzz" };

static void
warm_up (void)
{
  const char *text = "date 2026-01-19\n\nHôm 18/1, 2.500 lính Mỹ rời Iraq.\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(GPtrArray) articles = tri_load_bytes ("warm.txt", bytes, NULL);

  if (articles != NULL && articles->len > 0)
    tri_article_analyze (g_ptr_array_index (articles, 0));
}

FUZZ_INITIALIZE (warm_up)

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;

  fuzz_set_up (warm_up);
  if (size == 0)
    return 0;
  name = names[data[0] % G_N_ELEMENTS (names)];
  bytes = g_bytes_new (data + 1, size - 1);
  articles = tri_load_bytes (name, bytes, &error);
  if (articles == NULL)
    {
      g_assert (error != NULL && error->message != NULL);
      return 0;
    }
  for (guint i = 0; i < articles->len; i++)
    {
      TriArticle *article = g_ptr_array_index (articles, i);
      gsize len;
      const char *text = tri_article_get_text (article, &len);

      g_assert (g_utf8_validate_len (text, len, NULL));
      tri_article_analyze (article);
      for (guint j = 0; j < tri_article_get_mentions (article)->len; j++)
        {
          TriMention *m = g_ptr_array_index (tri_article_get_mentions (article), j);

          g_assert (m->start <= m->end && m->end <= len);
          g_assert (tri_article_to_source_offset (article, m->end, TRUE) <= size - 1);
        }
    }
  return 0;
}
