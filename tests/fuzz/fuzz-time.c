/* fuzz-time.c: a sentence and a reference date → time mentions
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <triangulate.h>

#include "fuzz.h"

static const char *const languages[] = { "vi", "en", NULL, "fr" };

/* Bytes 0–3 give the reference date (any valid day of years 1–9999, or
 * none), byte 4 the language and whether the reference was inferred; the
 * rest is the text. Every mention must lie on character boundaries inside
 * the text and cover well-formed days. */
static void
warm_up (void)
{
  g_ptr_array_unref (tri_time_tag ("x", 1, "vi", NULL, FALSE));
  g_ptr_array_unref (tri_time_tag ("x", 1, "en", NULL, FALSE));
}

FUZZ_INITIALIZE (warm_up)

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) mentions = NULL;
  g_autofree char *text = NULL;
  char reference[16] = "";
  const char *language;
  gboolean inferred;
  gsize len;
  guint year, month, day;

  fuzz_set_up (warm_up);
  if (size < 5)
    return 0;
  year = ((guint) data[0] << 8 | data[1]) % 10000;
  month = data[2] % 12 + 1;
  day = data[3] % g_date_get_days_in_month (month, year == 0 ? 2000 : year) + 1;
  if (year != 0)
    g_snprintf (reference, sizeof reference, "%04u-%02u-%02u", year, month, day);
  language = languages[data[4] & 3];
  inferred = (data[4] >> 2) & 1;
  text = fuzz_text (data + 5, size - 5, &len);

  mentions = tri_time_tag (text, len, language, year != 0 ? reference : NULL, inferred);
  g_assert (mentions != NULL);
  for (guint i = 0; i < mentions->len; i++)
    {
      TriMention *m = g_ptr_array_index (mentions, i);
      char *shown;

      fuzz_check_mention (m, text, len);
      g_assert_cmpint (m->kind, ==, TRI_MENTION_TIME);
      if (m->value != NULL)
        {
          shown = tri_time_format (m->value, m->precision, m->modifier, language ? language : "en");
          g_assert (shown == NULL || g_utf8_validate (shown, -1, NULL));
          g_free (shown);
        }
    }
  return 0;
}
