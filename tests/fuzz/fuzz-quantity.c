/* fuzz-quantity.c: a sentence → quantity mentions and parsed numbers
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <triangulate.h>

#include "fuzz.h"

static const char *const languages[] = { "vi", "en", "fr", "" };

/* Byte 0 picks the language; the rest is the text. */
static void
warm_up (void)
{
  g_ptr_array_unref (tri_quantities_find ("vi", "2 người", -1));
  g_ptr_array_unref (tri_quantities_find ("en", "2 people", -1));
}

FUZZ_INITIALIZE (warm_up)

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) mentions = NULL;
  g_autofree char *text = NULL;
  const char *language;
  gsize len;
  double value = 0;

  fuzz_set_up (warm_up);
  if (size < 1)
    return 0;
  language = languages[data[0] & 3];
  text = fuzz_text (data + 1, size - 1, &len);

  mentions = tri_quantities_find (language, text, len);
  g_assert (mentions != NULL);
  for (guint i = 0; i < mentions->len; i++)
    {
      TriMention *m = g_ptr_array_index (mentions, i);

      fuzz_check_mention (m, text, len);
      g_assert_cmpint (m->kind, ==, TRI_MENTION_QUANTITY);
      /* In order, as documented. */
      if (i > 0)
        g_assert_cmpuint (((TriMention *) g_ptr_array_index (mentions, i - 1))->start, <=, m->start);
    }

  /* The text as one number, the way a claim's value is read. */
  if (tri_quantity_parse_number (language, text, MIN (len, 64), &value))
    g_assert (!isnan (value));
  return 0;
}
