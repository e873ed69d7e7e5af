/* fuzz-html.c: bytes → the HTML extractor's text, metadata and offset map
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <triangulate.h>

#include "fuzz.h"
#include "tri-ingest-private.h"

static void
check_field (const char *value)
{
  g_assert (value == NULL || g_utf8_validate (value, -1, NULL));
}

FUZZ_INITIALIZE (NULL)

/* The extractor is given the page as UTF-8 (the loader decodes it first),
 * so invalid input is repaired the same way here; the map must then lead
 * every offset of the text back into the page. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TriHtmlPage) page = NULL;
  g_autofree char *html = NULL;
  gsize len;

  fuzz_set_up (NULL);
  if (g_utf8_validate_len ((const char *) data, size, NULL))
    {
      html = g_malloc (size + 1);
      memcpy (html, data, size);
      html[size] = '\0';
      len = size;
    }
  else
    {
      html = g_utf8_make_valid ((const char *) data, size);
      len = strlen (html);
    }

  page = _tri_html_extract (html, len, NULL, &error);
  if (page == NULL)
    {
      g_assert (error != NULL && error->message != NULL && error->message[0] != '\0');
      return 0;
    }
  g_assert_no_error (error);
  g_assert (page->text != NULL);
  g_assert (g_utf8_validate_len (page->text, page->len, NULL));
  g_assert (memchr (page->text, '\0', page->len) == NULL);
  check_field (page->title);
  check_field (page->outlet);
  check_field (page->url);
  check_field (page->language);
  if (page->published != NULL)
    {
      int y, m, d;

      g_assert (sscanf (page->published, "%4d-%2d-%2d", &y, &m, &d) == 3);
      g_assert (strlen (page->published) == 10);
      g_assert (g_date_valid_dmy (d, m, y));
    }

  for (gsize i = 0; i <= page->len; i++)
    {
      gsize start = tri_offset_map_start (page->map, i);
      gsize end = tri_offset_map_end (page->map, i);

      g_assert (start <= len);
      g_assert (end <= len);
    }
  return 0;
}
