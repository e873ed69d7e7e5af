/* fuzz-json.c: bytes → the JSON and JSON Lines readers of scraper exports
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <triangulate.h>

#include "fuzz.h"
#include "tri-ingest-private.h"

/* The first byte says JSON or JSON Lines; the rest is the file. Either the
 * reader fails with a reason, or every article it makes has valid text
 * whose offsets lead back into the file; every skipped record has a
 * warning of its own. */
static void
warm_up (void)
{
  const char *record = "{\"text\": \"Hôm 18/1, lính Mỹ rời Iraq. Troops left.\"}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (record, strlen (record));
  g_autoptr(GPtrArray) articles = _tri_ingest_json ("warm.json", bytes, FALSE, NULL, NULL);

  g_assert (articles != NULL);
}

FUZZ_INITIALIZE (warm_up)

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autoptr(GError) error = NULL;
  gboolean lines;

  fuzz_set_up (warm_up);
  /* The loader never passes an empty file on (it is an error of its own). */
  if (size < 2)
    return 0;
  lines = data[0] & 1;
  bytes = g_bytes_new (data + 1, size - 1);
  articles = _tri_ingest_json (lines ? "fuzz.jsonl" : "fuzz.json", bytes, lines, warnings, &error);
  for (guint i = 0; i < warnings->len; i++)
    {
      GError *w = g_ptr_array_index (warnings, i);

      g_assert (w != NULL && w->message != NULL && w->message[0] != '\0');
      g_assert (g_utf8_validate (w->message, -1, NULL));
      /* A skipped record is named by its line or its place in the array. */
      g_assert (g_str_has_prefix (w->message, "line ") || g_str_has_prefix (w->message, "record "));
    }
  if (articles == NULL)
    {
      g_assert (error != NULL);
      fuzz_check_message (error->message);
      return 0;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (articles->len, >, 0);
  for (guint i = 0; i < articles->len; i++)
    {
      TriArticle *article = g_ptr_array_index (articles, i);
      gsize len;
      const char *text = tri_article_get_text (article, &len);
      const char *fields[] = {
        tri_article_get_id (article), tri_article_get_title (article),
        tri_article_get_outlet (article), tri_article_get_url (article),
        tri_article_get_published (article), tri_article_get_language (article),
      };

      g_assert (g_utf8_validate_len (text, len, NULL));
      g_assert (memchr (text, '\0', len) == NULL);
      for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
        g_assert (fields[f] == NULL || g_utf8_validate (fields[f], -1, NULL));
      for (guint s = 0; s < tri_article_get_n_sentences (article); s++)
        {
          guint start, end;

          g_assert (tri_article_get_sentence (article, s, &start, &end));
          g_assert (start <= end && end <= len);
          g_assert (fuzz_is_boundary (text, len, start));
          g_assert (fuzz_is_boundary (text, len, end));
          g_assert (tri_article_to_source_offset (article, start, FALSE) <= size - 1);
          g_assert (tri_article_to_source_offset (article, end, TRUE) <= size - 1);
        }
      g_assert (tri_article_to_source_offset (article, len, TRUE) <= size - 1);
    }
  return 0;
}
