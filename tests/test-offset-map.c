/* test-offset-map.c
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "tri-offset-map.h"
#include "tri-text.h"

static void
test_identity (void)
{
  g_autoptr(TriOffsetMap) map = tri_offset_map_new (NULL);

  tri_offset_map_add (map, 0, 10, 0, 10);
  g_assert_true (tri_offset_map_is_identity (map));
  g_assert_cmpuint (tri_offset_map_start (map, 4), ==, 4);
  g_assert_cmpuint (tri_offset_map_end (map, 10), ==, 10);
}

static void
test_runs_merge (void)
{
  g_autoptr(TriOffsetMap) map = tri_offset_map_new (NULL);

  /* "ab" copied, then 3 source bytes became 2, then "cd" copied. */
  tri_offset_map_add (map, 0, 1, 3, 1);
  tri_offset_map_add (map, 1, 1, 4, 1);
  tri_offset_map_add (map, 2, 2, 5, 3);
  tri_offset_map_add (map, 4, 2, 8, 2);

  g_assert_false (tri_offset_map_is_identity (map));
  g_assert_cmpuint (tri_offset_map_start (map, 0), ==, 3);
  g_assert_cmpuint (tri_offset_map_start (map, 1), ==, 4);
  g_assert_cmpuint (tri_offset_map_start (map, 3), ==, 5);   /* inside a changed run: its start */
  g_assert_cmpuint (tri_offset_map_end (map, 3), ==, 8);     /* …and its end */
  g_assert_cmpuint (tri_offset_map_end (map, 4), ==, 8);
  g_assert_cmpuint (tri_offset_map_start (map, 5), ==, 9);
  g_assert_cmpuint (tri_offset_map_end (map, 6), ==, 10);
}

static void
test_chain (void)
{
  TriOffsetMap *below = tri_offset_map_new (NULL);
  g_autoptr(TriOffsetMap) above = NULL;

  /* A 3-byte BOM was dropped below; above, bytes 2..4 shrank to one. */
  tri_offset_map_add (below, 0, 10, 3, 10);
  above = tri_offset_map_new (below);
  tri_offset_map_add (above, 0, 2, 0, 2);
  tri_offset_map_add (above, 2, 1, 2, 3);
  tri_offset_map_add (above, 3, 5, 5, 5);

  g_assert_cmpuint (tri_offset_map_start (above, 0), ==, 3);
  g_assert_cmpuint (tri_offset_map_start (above, 2), ==, 5);
  g_assert_cmpuint (tri_offset_map_end (above, 3), ==, 8);
  g_assert_cmpuint (tri_offset_map_start (above, 3), ==, 8);
  g_assert_cmpuint (tri_offset_map_end (above, 8), ==, 13);
}

static void
test_normalize_nfd (void)
{
  /* "Việt Nam" with the ệ decomposed: e + U+0323 + U+0302 (5 bytes for
   * what NFC writes in 3). */
  const char *nfd = "Vie\xcc\xa3\xcc\x82t Nam";
  g_autoptr(TriOffsetMap) map = NULL;
  g_autofree char *nfc = NULL;
  gsize len;

  nfc = tri_text_normalize (nfd, strlen (nfd), &len, NULL, &map);
  g_assert_cmpstr (nfc, ==, "Vi\xe1\xbb\x87t Nam");
  g_assert_cmpuint (len, ==, 10);
  /* "t Nam" starts at 5 in NFC and at 7 in the input. */
  g_assert_cmpuint (tri_offset_map_start (map, 5), ==, 7);
  g_assert_cmpuint (tri_offset_map_end (map, 10), ==, strlen (nfd));
  /* The composed letter spans the whole decomposed sequence. */
  g_assert_cmpuint (tri_offset_map_start (map, 2), ==, 2);
  g_assert_cmpuint (tri_offset_map_end (map, 5), ==, 7);
}

static void
test_normalize_crlf (void)
{
  const char *in = "a\r\nb\rc\n";
  g_autoptr(TriOffsetMap) map = NULL;
  g_autofree char *out = NULL;
  gsize len;

  out = tri_text_normalize (in, strlen (in), &len, NULL, &map);
  g_assert_cmpstr (out, ==, "a\nb\nc\n");
  g_assert_cmpuint (tri_offset_map_start (map, 2), ==, 3);
  g_assert_cmpuint (tri_offset_map_start (map, 4), ==, 5);
  g_assert_cmpuint (tri_offset_map_end (map, 6), ==, 7);
}

static void
test_fold (void)
{
  g_autofree char *a = tri_text_fold ("Đà Nẵng", -1);
  g_autofree char *b = tri_text_fold ("Ain al-Assad", -1);
  g_autofree char *c = tri_text_fold ("Nguyễn Thị Ánh", -1);

  g_assert_cmpstr (a, ==, "da nang");
  g_assert_cmpstr (b, ==, "ain al-assad");
  g_assert_cmpstr (c, ==, "nguyen thi anh");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tri/offset-map/identity", test_identity);
  g_test_add_func ("/tri/offset-map/runs-merge", test_runs_merge);
  g_test_add_func ("/tri/offset-map/chain", test_chain);
  g_test_add_func ("/tri/text/nfd-offsets", test_normalize_nfd);
  g_test_add_func ("/tri/text/crlf", test_normalize_crlf);
  g_test_add_func ("/tri/text/fold", test_fold);

  return g_test_run ();
}
