/* bench-claims-long.c: claim extraction time on one very long sentence
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "triangulate.h"
#include "tri-article-private.h"
#include "tri-claims-private.h"

/* One sentence of @kib KiB: many coordinated clauses with quantities,
 * places, dates and triggers, and no full stop. */
static char *
long_sentence (guint kib)
{
  GString *s = g_string_new ("date 2025-03-04\ntitle Long\n\n");
  guint i = 0;

  while (s->len < (gsize) kib * 1024)
    g_string_append_printf (s, "about %u troops are deployed in Kuwait on 3 March and rockets hit the base "
                               "after the last trainers left Erbil, officials said, and ",
                            100 + i++);
  g_string_append (s, "none in Oman.\n");
  return g_string_free (s, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  const guint sizes[] = { 16, 32, 64, 128, 256, 512 };

  g_print ("# claim extraction on one long sentence (analysis includes tagging)\n");
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *text = long_sentence (sizes[i]);
      g_autoptr(TriArticle) a = tri_article_new_from_text ("long", text, -1, &error);
      gint64 t0, t1, t2;
      GPtrArray *claims;

      g_assert_no_error (error);
      /* Tag first, then time the claims stage alone. */
      t0 = g_get_monotonic_time ();
      tri_article_analyze (a);
      t1 = g_get_monotonic_time ();
      _tri_claims_extract (a);
      t2 = g_get_monotonic_time ();
      claims = _tri_article_get_claims (a);
      g_print ("%4u KiB: analyze %8.1f ms, claims stage %8.1f ms, %u claims\n",
               sizes[i], (t1 - t0) / 1000.0, (t2 - t1) / 1000.0, claims ? claims->len : 0);
    }
  return 0;
}
