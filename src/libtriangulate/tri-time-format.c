/* tri-time-format.c: times shown to people
 *
 * Copyright 2026 The Triangulate authors
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-time-format"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <unicode/udat.h>
#include <unicode/udatpg.h>
#include <unicode/ustring.h>

#include "tri-time-private.h"

/* The template with its "%s" replaced by @text. */
static char *
apply_template (const char *template,
                const char *text)
{
  const char *at = strstr (template, "%s");

  if (at == NULL)
    return g_strdup (text);
  return g_strdup_printf ("%.*s%s%s", (int) (at - template), template, text, at + 2);
}

/* Opening a pattern generator and a formatter costs milliseconds, so the
 * formatters are kept, one per locale and skeleton, and used under a lock
 * (a UDateFormat is not safe to share between threads unlocked). */
static GMutex formats_lock;
static GHashTable *formats;   /* "locale|skeleton" → UDateFormat */

static UDateFormat *
open_format (const char *locale,
             const char *skeleton)
{
  UErrorCode status = U_ZERO_ERROR;
  UChar uskeleton[32], pattern[128];
  UDateTimePatternGenerator *generator;
  UDateFormat *format;
  int32_t len;

  u_uastrcpy (uskeleton, skeleton);
  generator = udatpg_open (locale, &status);
  if (U_FAILURE (status))
    return NULL;
  len = udatpg_getBestPattern (generator, uskeleton, -1, pattern, G_N_ELEMENTS (pattern), &status);
  udatpg_close (generator);
  if (U_FAILURE (status) || len <= 0)
    return NULL;

  format = udat_open (UDAT_PATTERN, UDAT_PATTERN, locale, u"UTC", -1, pattern, len, &status);
  if (U_FAILURE (status))
    return NULL;
  return format;
}

static char *
format_with_skeleton (const char *locale,
                      const char *skeleton,
                      guint32     julian_day)
{
  g_autofree char *key = g_strconcat (locale, "|", skeleton, NULL);
  UErrorCode status = U_ZERO_ERROR;
  UChar result[256];
  UDateFormat *format;
  int32_t len;
  UDate when;

  g_mutex_lock (&formats_lock);
  if (formats == NULL)
    formats = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) udat_close);
  format = g_hash_table_lookup (formats, key);
  if (format == NULL && !g_hash_table_contains (formats, key))
    {
      format = open_format (locale, skeleton);
      g_hash_table_insert (formats, g_strdup (key), format);
    }
  if (format == NULL)
    {
      g_mutex_unlock (&formats_lock);
      return NULL;
    }
  when = ((double) julian_day - (double) _tri_time_julian (1970, 1, 1)) * 86400000.0;
  len = udat_format (format, when, result, G_N_ELEMENTS (result), NULL, &status);
  g_mutex_unlock (&formats_lock);
  if (U_FAILURE (status) || len <= 0)
    return NULL;
  return g_utf16_to_utf8 ((const gunichar2 *) result, len, NULL, NULL, NULL);
}

/**
 * tri_time_format:
 * @value: a time mention's value ("2021-12", "2026-01-18", "2025-Q3")
 * @precision: its precision
 * @modifier: its modifier
 * @locale: (nullable): an ICU locale ("vi", "en_GB"); %NULL for the default
 *
 * Formats a time for people, at its precision: "tháng 12, 2021" or
 * "Dec 2021"; "cuối năm 2017" or "late 2017". Durations are returned as
 * written (ISO 8601).
 *
 * Returns: (transfer full): the text
 */
char *
tri_time_format (const char      *value,
                 TriPrecision     precision,
                 TriTimeModifier  modifier,
                 const char      *locale)
{
  TriTimeLexicon *lexicon;
  g_autofree char *text = NULL;
  const char *skeleton = NULL;
  const char *template = NULL;
  guint32 day = 0;
  int y = 0, m = 1, d = 1, q = 0, w = 0;

  g_return_val_if_fail (value != NULL, NULL);

  if (locale == NULL)
    locale = uloc_getDefault ();
  lexicon = _tri_time_lexicon_get (locale);

  switch (precision)
    {
    case TRI_PRECISION_DAY:
      if (sscanf (value, "%d-%d-%d", &y, &m, &d) == 3)
        skeleton = "yMMMd";
      break;
    case TRI_PRECISION_MONTH:
      if (sscanf (value, "%d-%d", &y, &m) == 2)
        skeleton = g_str_has_prefix (locale, "vi") ? "yMMMM" : "yMMM";
      break;
    case TRI_PRECISION_QUARTER:
      if (sscanf (value, "%d-Q%d", &y, &q) == 2 && q >= 1 && q <= 4)
        {
          m = q * 3 - 2;
          skeleton = "yQQQ";
        }
      break;
    case TRI_PRECISION_YEAR:
      if (sscanf (value, "%d", &y) == 1)
        skeleton = "y";
      break;
    case TRI_PRECISION_WEEK:
      if (sscanf (value, "%d-W%d", &y, &w) == 2 && w >= 1 && w <= 53)
        {
          /* The Monday of ISO week w: week 1 holds 4 January. */
          GDate jan4;
          guint32 monday;

          g_date_clear (&jan4, 1);
          g_date_set_dmy (&jan4, 4, 1, y);
          monday = g_date_get_julian (&jan4) - (g_date_get_weekday (&jan4) - 1) + 7 * (w - 1);
          if (strstr (value, "-WE"))
            monday += 5;
          day = monday;
          skeleton = "yMMMd";
        }
      break;
    case TRI_PRECISION_DECADE:
      {
        int decade;

        if (sscanf (value, "%d", &decade) == 1)
          {
            const char *fmt = _tri_time_lexicon_format (lexicon, 4);
            g_autofree char *year = g_strdup_printf ("%d", decade * 10);

            text = apply_template (fmt ? fmt : "%ss", year);
          }
      }
      break;
    case TRI_PRECISION_NONE:
    case TRI_PRECISION_DURATION:
    case TRI_PRECISION_VAGUE:
    default:
      break;
    }

  if (skeleton != NULL && y > 0 && g_date_valid_dmy (d, m, y))
    {
      if (day == 0)
        day = _tri_time_julian (y, m, d);
      text = format_with_skeleton (locale, skeleton, day);
    }
  if (text == NULL)
    return g_strdup (value);

  switch (modifier)
    {
    case TRI_TIME_MODIFIER_START: template = _tri_time_lexicon_format (lexicon, 0); break;
    case TRI_TIME_MODIFIER_MID: template = _tri_time_lexicon_format (lexicon, 1); break;
    case TRI_TIME_MODIFIER_END: template = _tri_time_lexicon_format (lexicon, 2); break;
    case TRI_TIME_MODIFIER_APPROX: template = _tri_time_lexicon_format (lexicon, 3); break;
    case TRI_TIME_MODIFIER_NONE:
    default:
      break;
    }
  if (template != NULL)
    {
      /* Vietnamese "cuối năm 2017" reads the year with its word. */
      if (precision == TRI_PRECISION_YEAR && _tri_time_lexicon_format (lexicon, 5) != NULL)
        {
          g_autofree char *with = apply_template (_tri_time_lexicon_format (lexicon, 5), text);

          return apply_template (template, with);
        }
      return apply_template (template, text);
    }
  return g_steal_pointer (&text);
}
