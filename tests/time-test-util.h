/* time-test-util.h: the case table runner shared by the time tagger tests
 *
 * Copyright 2026 The Triangulate authors
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Include once per test program, after defining LANGUAGE ("vi", "en", …).
 */

#pragma once

#include "tri-time-private.h"

#ifndef LANGUAGE
# error "Define LANGUAGE before including time-test-util.h"
#endif

/* A Monday, in ISO week 4 */
#define DEFAULT_REFERENCE "2026-01-19"

typedef struct
{
  const char      *text;
  const char      *reference;   /* NULL: the default reference */
  gboolean         reference_inferred;
  const char      *span;        /* the mention's text; NULL: no dated mention */
  const char      *value;       /* NULL: no value */
  TriPrecision     precision;
  TriTimeModifier  modifier;
  gboolean         inferred;
} Case;

#define D TRI_PRECISION_DAY
#define W TRI_PRECISION_WEEK
#define M TRI_PRECISION_MONTH
#define Q TRI_PRECISION_QUARTER
#define Y TRI_PRECISION_YEAR
#define X TRI_PRECISION_DECADE
#define P TRI_PRECISION_DURATION
#define V TRI_PRECISION_VAGUE
#define N TRI_PRECISION_NONE
#define _ TRI_TIME_MODIFIER_NONE
#define START TRI_TIME_MODIFIER_START
#define MID TRI_TIME_MODIFIER_MID
#define END TRI_TIME_MODIFIER_END
#define APPROX TRI_TIME_MODIFIER_APPROX

static void
run_case (gconstpointer data)
{
  const Case *c = data;
  g_autoptr(GPtrArray) mentions = tri_time_tag (c->text, -1, LANGUAGE,
                                                c->reference ? c->reference : DEFAULT_REFERENCE,
                                                c->reference_inferred);
  const TriMention *found = NULL;

  for (guint i = 0; i < mentions->len; i++)
    {
      const TriMention *m = g_ptr_array_index (mentions, i);
      g_autofree char *span = g_strndup (c->text + m->start, m->end - m->start);

      g_assert_cmpuint (m->kind, ==, TRI_MENTION_TIME);
      g_assert_cmpuint (m->start, <, m->end);
      if (c->span == NULL)
        {
          /* nothing dated may come out of it */
          if (m->value != NULL && g_ascii_isdigit (m->value[0]))
            g_error ("“%s”: unexpected %s = %s", c->text, span, m->value);
          continue;
        }
      if (g_str_equal (span, c->span))
        found = m;
    }
  if (c->span == NULL)
    return;

  if (found == NULL)
    {
      g_autoptr(GString) got = g_string_new (NULL);

      for (guint i = 0; i < mentions->len; i++)
        {
          const TriMention *m = g_ptr_array_index (mentions, i);

          g_string_append_printf (got, " [%.*s]=%s", (int) (m->end - m->start),
                                  c->text + m->start, m->value);
        }
      g_error ("“%s”: no mention “%s”; got%s", c->text, c->span, got->str);
    }
  g_assert_cmpstr (found->value, ==, c->value);
  g_assert_cmpstr (tri_precision_to_string (found->precision), ==,
                   tri_precision_to_string (c->precision));
  g_assert_cmpstr (tri_time_modifier_to_string (found->modifier), ==,
                   tri_time_modifier_to_string (c->modifier));
  g_assert_cmpint (found->inferred, ==, c->inferred);
  if (c->value != NULL && g_ascii_isdigit (c->value[0]))
    {
      g_assert_cmpuint (found->day_first, >, 0);
      g_assert_cmpuint (found->day_first, <=, found->day_last);
    }
}

static void
add_cases (const char *prefix,
           const Case *cases,
           guint       n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/%03u", prefix, i);

      g_test_add_data_func (path, &cases[i], run_case);
    }
}
