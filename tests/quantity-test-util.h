/* quantity-test-util.h: table runner and checks shared by the quantity tests
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Include once per test program, after defining LANG ("vi", "en", …). Each
 * test-quantity-LANG.c keeps only its language's tables and sentences.
 */

#pragma once

#include <math.h>
#include <string.h>

#include "tri-article-private.h"
#include "tri-loader.h"
#include "tri-quantity-private.h"

#ifndef LANG
# error "Define LANG before including quantity-test-util.h"
#endif

/* One sentence, the one quantity expected in it (span NULL: none). */
typedef struct
{
  const char   *text;
  const char   *span;
  double        value;
  double        max;            /* 0: same as value */
  TriQualifier  qualifier;
  const char   *unit;
  const char   *owner;
  gboolean      vague;
} Case;

#define EXACT TRI_QUALIFIER_EXACT
#define APPROX TRI_QUALIFIER_APPROX
#define MORE TRI_QUALIFIER_MORE_THAN
#define LESS TRI_QUALIFIER_LESS_THAN
#define AT_LEAST TRI_QUALIFIER_AT_LEAST
#define AT_MOST TRI_QUALIFIER_AT_MOST
#define NONE(t) { t, NULL, 0, 0, EXACT, NULL, NULL, FALSE }

/* A number phrase and what tri_quantity_parse_number() makes of it. */
typedef struct
{
  const char *text;
  gboolean    ok;
  double      value;
} NumberCase;

static void
assert_case (const Case *c)
{
  g_autoptr(GPtrArray) found = tri_quantities_find (LANG, c->text, -1);

  if (c->span == NULL)
    {
      if (found->len != 0)
        {
          TriMention *m = g_ptr_array_index (found, 0);
          g_autofree char *got = g_strndup (c->text + m->start, m->end - m->start);

          g_test_fail_printf ("“%s”: expected no quantity, found “%s” = %g %s", c->text, got,
                              m->number, m->unit);
        }
      return;
    }

  if (found->len != 1)
    {
      g_test_fail_printf ("“%s”: expected one quantity, found %u", c->text, found->len);
      return;
    }
  {
    TriMention *m = g_ptr_array_index (found, 0);
    g_autofree char *got = g_strndup (c->text + m->start, m->end - m->start);
    double max = c->max != 0 ? c->max : c->value;

    if (g_strcmp0 (got, c->span) != 0)
      {
        g_test_fail_printf ("“%s”: span “%s”, expected “%s”", c->text, got, c->span);
        return;
      }
    g_assert_cmpint (m->kind, ==, TRI_MENTION_QUANTITY);
    if (fabs (m->number - c->value) > 1e-9 * MAX (1, fabs (c->value))
        || fabs (m->number_max - max) > 1e-9 * MAX (1, fabs (max)))
      {
        g_test_fail_printf ("“%s”: value %g–%g, expected %g–%g", c->text, m->number,
                            m->number_max, c->value, max);
        return;
      }
    if (m->qualifier != c->qualifier)
      {
        g_test_fail_printf ("“%s”: qualifier %s, expected %s", c->text,
                            tri_qualifier_to_string (m->qualifier),
                            tri_qualifier_to_string (c->qualifier));
        return;
      }
    if (g_strcmp0 (m->unit, c->unit) != 0 || g_strcmp0 (m->owner, c->owner) != 0
        || m->vague != c->vague)
      {
        g_test_fail_printf ("“%s”: unit %s owner %s vague %d, expected %s %s %d", c->text,
                            m->unit, m->owner, m->vague, c->unit, c->owner, c->vague);
        return;
      }
    /* Interned, as the mention's contract says. */
    g_assert_true (m->unit == g_intern_string (c->unit));
  }
}

static void
test_case (gconstpointer data)
{
  assert_case (data);
}

/* Registers one test per row of @cases as /tri/quantity-LANG/case/NNN. */
static void
add_case_tests (const Case *cases,
                guint       n_cases)
{
  for (guint i = 0; i < n_cases; i++)
    {
      g_autofree char *path = g_strdup_printf ("/tri/quantity-" LANG "/case/%03u", i);

      g_test_add_data_func (path, &cases[i], test_case);
    }
}

static void
assert_numbers (const NumberCase *numbers,
                guint             n_numbers)
{
  for (guint i = 0; i < n_numbers; i++)
    {
      double v = -1;
      gboolean ok = tri_quantity_parse_number (LANG, numbers[i].text, -1, &v);

      if (ok != numbers[i].ok)
        g_test_fail_printf ("“%s”: parsed %d (%g), expected %d", numbers[i].text, ok, v,
                            numbers[i].ok);
      else if (ok && fabs (v - numbers[i].value) > 1e-9 * MAX (1, numbers[i].value))
        g_test_fail_printf ("“%s”: %g, expected %g", numbers[i].text, v, numbers[i].value);
    }
}

/* @text holds, in order: about 2,500 troops, about 900 troops, more than
 * 150 attacks, 3 killed. */
static void
assert_several (const char *text)
{
  g_autoptr(GPtrArray) found = tri_quantities_find (LANG, text, -1);
  static const struct { double value; const char *unit; TriQualifier q; } want[] = {
    { 2500, "troops", APPROX },
    { 900, "troops", APPROX },
    { 150, "attacks", MORE },
    { 3, "killed", EXACT },
  };

  g_assert_cmpuint (found->len, ==, G_N_ELEMENTS (want));
  for (guint i = 0; i < found->len; i++)
    {
      TriMention *m = g_ptr_array_index (found, i);

      g_assert_cmpfloat (m->number, ==, want[i].value);
      g_assert_cmpstr (m->unit, ==, want[i].unit);
      g_assert_cmpint (m->qualifier, ==, want[i].q);
      if (i > 0)
        g_assert_cmpuint (m->start, >=, ((TriMention *) g_ptr_array_index (found, i - 1))->end);
    }
}

/* A number right after a quantity counts the same thing: @text has about
 * 2,500 US troops then @second_span (about 900) with no unit; @other_text has
 * one quantity and an unrelated number. */
static void
assert_ellipsis (const char *text,
                 const char *second_span,
                 const char *other_text)
{
  g_autoptr(GPtrArray) found = tri_quantities_find (LANG, text, -1);
  g_autoptr(GPtrArray) other = tri_quantities_find (LANG, other_text, -1);
  TriMention *m;

  g_assert_cmpuint (found->len, ==, 2);
  m = g_ptr_array_index (found, 1);
  g_assert_cmpuint (m->end - m->start, ==, strlen (second_span));
  g_assert_cmpfloat (m->number, ==, 900);
  g_assert_cmpint (m->qualifier, ==, APPROX);
  g_assert_cmpstr (m->unit, ==, "troops");
  g_assert_cmpstr (m->owner, ==, "united-states");
  g_assert_cmpuint (other->len, ==, 1);
}

/* @sample has one quantity in LANG; @region is LANG with a region subtag. */
static void
assert_unknown_language (const char *region,
                         const char *sample)
{
  g_autoptr(GPtrArray) none = tri_quantities_find ("xx", sample, -1);
  g_autoptr(GPtrArray) null_lang = tri_quantities_find (NULL, sample, -1);
  g_autoptr(GPtrArray) region_found = tri_quantities_find (region, sample, -1);
  double v;

  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpuint (null_lang->len, ==, 0);
  g_assert_cmpuint (region_found->len, ==, 1);
  g_assert_false (tri_quantity_parse_number ("xx", "2", -1, &v));
}

/* Invalid UTF-8 (@bad, @bad_len bytes), lone digits and marks, a long run of
 * numbers before @unit: no crash. */
static void
assert_odd_input (const char *bad,
                  gssize      bad_len,
                  const char *unit)
{
  g_autoptr(GString) many = g_string_new (NULL);
  g_autoptr(GPtrArray) a = tri_quantities_find (LANG, bad, bad_len);
  g_autoptr(GPtrArray) b = tri_quantities_find (LANG, "", 0);
  g_autoptr(GPtrArray) c = NULL;

  g_assert_nonnull (a);
  g_assert_cmpuint (b->len, ==, 0);
  for (guint i = 0; i < 6000; i++)
    g_string_append (many, "1 ");
  g_string_append (many, unit);
  c = tri_quantities_find (LANG, many->str, many->len);
  g_assert_nonnull (c);
}

/* The pipeline's entry point: the quantities of @text are exactly @spans (3),
 * each inside its sentence, and the third is owned by the United States. */
static void
assert_article (const char *text,
                const char *spans[3])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TriArticle) article = tri_article_new_from_text ("a", text, -1, &error);
  GPtrArray *mentions;
  guint n = 0;

  g_assert_no_error (error);
  _tri_article_set_language (article, LANG);
  _tri_quantities_tag_article (article);
  mentions = tri_article_get_mentions (article);
  for (guint i = 0; i < mentions->len; i++)
    {
      TriMention *m = g_ptr_array_index (mentions, i);
      g_autofree char *span = NULL;
      guint s0, s1;

      if (m->kind != TRI_MENTION_QUANTITY)
        continue;
      span = tri_article_dup_span (article, m->start, m->end);
      g_assert_true (tri_article_get_sentence (article, m->sentence, &s0, &s1));
      g_assert_cmpuint (m->start, >=, s0);
      g_assert_cmpuint (m->end, <=, s1);
      if (n < 3)
        g_assert_cmpstr (span, ==, spans[n]);
      if (n == 2)
        g_assert_cmpstr (m->owner, ==, "united-states");
      n++;
    }
  g_assert_cmpuint (n, ==, 3);
}
