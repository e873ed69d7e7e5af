/* bench-html.c: pages per second for HTML extraction
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>

#include "tri-article-private.h"
#include "tri-ingest-private.h"
#include "tri-loader.h"

/* A fixture page grown to about 100 KB: its article gets more
 * paragraphs, its sidebar many more links, as on a real news site. */
static char *
grow_page (const char *name,
           gsize       target,
           gsize      *len)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "ingest", name, NULL);
  g_autofree char *page = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  const char *p_start, *p_end, *body_end;
  static const char widget[] =
    "<div class=\"box-more related\"><h3>More stories</h3><ul>"
    "<li><a href=\"/n/1\">Markets steady as oil slips on 3 March 2025</a> <span>3/3/2025</span></li>"
    "<li><a href=\"/n/2\">Storm warning for the coast this weekend</a> <span>8/3/2025</span></li>"
    "<li><a href=\"/n/3\">City council approves new bridge after long debate</a></li>"
    "<li><a href=\"/n/4\">Football: late goal settles the derby</a></li>"
    "</ul><div class=\"ad-slot\"><span>Advertisement</span></div></div>\n";

  g_assert_true (g_file_get_contents (path, &page, NULL, NULL));
  p_start = strstr (page, "<p");
  p_end = strstr (page, "</p>");
  body_end = strstr (page, "</body>");
  g_assert_nonnull (p_start);
  g_assert_nonnull (p_end);
  g_assert_nonnull (body_end);
  p_end += 4;

  /* The page up to its first paragraph's end, that paragraph again a few
   * times, the rest, and widgets until the size is reached. */
  g_string_append_len (out, page, p_end - page);
  for (guint i = 0; i < 20; i++)
    g_string_append_len (out, p_start, p_end - p_start);
  g_string_append_len (out, p_end, body_end - p_end);
  while (out->len < target)
    g_string_append (out, widget);
  g_string_append (out, body_end);
  *len = out->len;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

typedef struct
{
  const char *name;
  const char *page;
  gsize       len;
  GBytes     *bytes;
  guint       elements;
} Page;

static int
compare_gint64 (const void *a,
                const void *b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* Pages per second from the median time of one page, over at least a
 * second and 20 runs: a median is not thrown off by the other processes
 * of a busy machine the way a mean is. */
static double
pages_per_second (void (*run) (Page *), Page *page)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 start = g_get_monotonic_time (), t0, t;

  do
    {
      t0 = g_get_monotonic_time ();
      run (page);
      t = g_get_monotonic_time ();
      t -= t0;
      g_array_append_val (times, t);
    }
  while (times->len < 20 || t0 - start < G_USEC_PER_SEC);
  qsort (times->data, times->len, sizeof (gint64), compare_gint64);
  return G_USEC_PER_SEC / (double) MAX (1, g_array_index (times, gint64, times->len / 2));
}

static void
count_start (void           *data,
             const xmlChar  *name,
             const xmlChar **attrs)
{
  (*(guint *) data)++;
}

/* libxml2's HTML parser alone, set up as the extraction sets it up, with
 * empty callbacks: the floor. */
static void
run_parse_only (Page *page)
{
  htmlParserCtxtPtr ctxt = htmlCreateMemoryParserCtxt (page->page, (int) page->len);
  htmlSAXHandler sax;

  memset (&sax, 0, sizeof sax);
  sax.startElement = count_start;
  memcpy (ctxt->sax, &sax, sizeof sax);
  ctxt->userData = &page->elements;
  htmlCtxtUseOptions (ctxt, HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                            HTML_PARSE_IGNORE_ENC | HTML_PARSE_NODEFDTD);
  xmlSwitchEncoding (ctxt, XML_CHAR_ENCODING_UTF8);
  htmlParseDocument (ctxt);
  htmlFreeParserCtxt (ctxt);
}

/* Extraction alone: parse, score, map. */
static void
run_extract (Page *page)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TriHtmlPage) result = _tri_html_extract (page->page, page->len, NULL, &error);

  g_assert_no_error (error);
}

/* The whole load: decoding, extraction, NFC, segmentation. */
static void
run_load (Page *page)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = tri_load_bytes (page->name, page->bytes, &error);

  g_assert_no_error (error);
}

static void
bench_page (const char *name)
{
  gsize len;
  g_autofree char *text = grow_page (name, 100 * 1024, &len);
  g_autoptr(GBytes) bytes = g_bytes_new (text, len);
  Page page = { name, text, len, bytes, 0 };
  double extract_rate, load_rate, parse_rate;

  run_load (&page);     /* loads the data files once */
  extract_rate = pages_per_second (run_extract, &page);
  load_rate = pages_per_second (run_load, &page);
  parse_rate = pages_per_second (run_parse_only, &page);

  printf ("%s (%.0f KB): extraction %.0f pages/s (%.1f MB/s), full load %.0f pages/s; "
          "libxml2's parser alone %.0f pages/s (medians)\n",
          name, len / 1024.0, extract_rate, extract_rate * len / 1e6, load_rate, parse_rate);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  bench_page ("page-en.html");
  bench_page ("page-vi.html");
  return 0;
}
