/* icu-countries.c
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A generation-time helper for generate.py, not part of the program:
 * prints every ISO 3166-1 region ICU knows as
 *   alpha2 TAB alpha3 TAB numeric TAB English name TAB Vietnamese name
 * so the gazetteer takes its country names from CLDR instead of from
 * hand-typed lists.  Built and run by generate.py; needs icu-uc. */

#include <stdio.h>
#include <string.h>

#include <unicode/uloc.h>
#include <unicode/uregion.h>
#include <unicode/ustring.h>

static void
print_display_country (const char *locale_id,
                       const char *display_locale)
{
  UErrorCode error = U_ZERO_ERROR;
  UChar name[256];
  char utf8[1024];
  int32_t len;

  len = uloc_getDisplayCountry (locale_id, display_locale, name, 256, &error);
  if (U_FAILURE (error))
    return;
  u_strToUTF8 (utf8, sizeof utf8, NULL, name, len, &error);
  if (U_FAILURE (error))
    return;
  fputs (utf8, stdout);
}

int
main (void)
{
  const char * const *codes = uloc_getISOCountries ();

  for (const char * const *p = codes; *p != NULL; p++)
    {
      UErrorCode error = U_ZERO_ERROR;
      const URegion *region;
      char locale_id[16];
      int32_t numeric = -1;

      snprintf (locale_id, sizeof locale_id, "und_%s", *p);
      region = uregion_getRegionFromCode (*p, &error);
      if (U_SUCCESS (error) && region != NULL)
        numeric = uregion_getNumericCode (region);

      printf ("%s\t%s\t%d\t", *p, uloc_getISO3Country (locale_id), numeric);
      print_display_country (locale_id, "en");
      putchar ('\t');
      print_display_country (locale_id, "vi");
      putchar ('\n');
    }

  return 0;
}
