/* fuzz.h: shared set-up of the fuzzing harnesses
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stddef.h>
#include <stdint.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include <triangulate.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* Sets the data folder, runs @warm_up once (it loads the data files the
 * harness needs, so that a complaint about a data file is not taken for a
 * finding), then makes criticals and warnings fatal: after that, one is a
 * bug that libFuzzer reports as a crash. */
static inline GLogWriterOutput
fuzz_log_writer (GLogLevelFlags   log_level,
                 const GLogField *fields,
                 gsize            n_fields,
                 gpointer         user_data)
{
  static gboolean fatal;

  if (user_data != NULL)
    {
      fatal = TRUE;
      return G_LOG_WRITER_HANDLED;
    }
  if (!fatal || !(log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING)))
    return g_log_writer_default (log_level, fields, n_fields, NULL);
  g_log_writer_standard_streams (log_level, fields, n_fields, NULL);
  /* Abort rather than trap, so that libFuzzer sees the crash and keeps
   * the input. */
  abort ();
}

static inline void
fuzz_set_up (void (*warm_up) (void))
{
  static gsize done;

  if (g_once_init_enter (&done))
    {
      g_setenv ("TRIANGULATE_DATA_DIR", TRI_SOURCE_DATADIR, FALSE);
      g_log_set_writer_func (fuzz_log_writer, NULL, NULL);
      if (warm_up != NULL)
        warm_up ();
      fuzz_log_writer (0, NULL, 0, GINT_TO_POINTER (1));
      g_once_init_leave (&done, 1);
    }
}

/* libFuzzer runs this once before the first input, outside the time limit
 * of an input: loading the gazetteer under ASan takes many seconds. The
 * replay driver does not call it; the harness sets up on its first input. */
#define FUZZ_INITIALIZE(warm_up)                                        \
  int LLVMFuzzerInitialize (int *argc, char ***argv);                   \
  int                                                                   \
  LLVMFuzzerInitialize (int *argc, char ***argv)                        \
  {                                                                     \
    fuzz_set_up (warm_up);                                              \
    return 0;                                                           \
  }

/* The fuzzer's bytes as the text a tagger gets in the pipeline: valid
 * UTF-8 (bad sequences become U+FFFD), no NUL byte, NFC. */
static inline char *
fuzz_text (const uint8_t *data,
           size_t         size,
           gsize         *len)
{
  g_autofree char *copy = g_malloc (size + 1);
  g_autofree char *valid = NULL;
  char *nfc;

  for (size_t i = 0; i < size; i++)
    copy[i] = data[i] == 0 ? ' ' : (char) data[i];
  copy[size] = '\0';
  valid = g_utf8_make_valid (copy, size);
  nfc = g_utf8_normalize (valid, -1, G_NORMALIZE_NFC);
  *len = strlen (nfc);
  return nfc;
}

/* An error message must be text: it goes into reports and the window. */
static inline void
fuzz_check_message (const char *message)
{
  g_assert (message != NULL && message[0] != '\0');
  if (!g_utf8_validate (message, -1, NULL))
    {
      g_autofree char *shown = g_strescape (message, NULL);

      g_error ("an error message is not UTF-8: %s", shown);
    }
}

/* A byte offset into @text that a span may start or end at. */
static inline gboolean
fuzz_is_boundary (const char *text,
                  gsize       len,
                  gsize       offset)
{
  return offset == 0 || offset == len ||
         (offset < len && ((guchar) text[offset] & 0xC0) != 0x80);
}

/* What every mention must satisfy, whichever tagger made it. */
static inline void
fuzz_check_mention (const TriMention *m,
                    const char       *text,
                    gsize             len)
{
  g_assert (m != NULL);
  g_assert (m->kind <= TRI_MENTION_ACTOR);
  g_assert (m->start < m->end);
  g_assert (m->end <= len);
  g_assert (fuzz_is_boundary (text, len, m->start));
  g_assert (fuzz_is_boundary (text, len, m->end));
  g_assert (m->value == NULL || g_utf8_validate (m->value, -1, NULL));
  g_assert (m->name == NULL || g_utf8_validate (m->name, -1, NULL));
  g_assert (m->unit == NULL || g_utf8_validate (m->unit, -1, NULL));
  g_assert (m->owner == NULL || g_utf8_validate (m->owner, -1, NULL));
  g_assert (m->entity == NULL || g_utf8_validate (m->entity, -1, NULL));
  switch (m->kind)
    {
    case TRI_MENTION_TIME:
      g_assert (m->precision <= TRI_PRECISION_VAGUE);
      g_assert (m->modifier <= TRI_TIME_MODIFIER_APPROX);
      g_assert ((m->day_first == 0) == (m->day_last == 0));
      if (m->day_first != 0)
        {
          g_assert (g_date_valid_julian (m->day_first));
          g_assert (g_date_valid_julian (m->day_last));
          g_assert (m->day_first <= m->day_last);
        }
      break;
    case TRI_MENTION_QUANTITY:
      g_assert (m->qualifier <= TRI_QUALIFIER_AT_MOST);
      g_assert (!isnan (m->number) && !isnan (m->number_max));
      g_assert (m->number <= m->number_max);
      break;
    case TRI_MENTION_PLACE:
      if (!m->candidate)
        g_assert (m->entity != NULL);
      g_assert (isnan (m->lat) || (m->lat >= -90 && m->lat <= 90));
      g_assert (isnan (m->lon) || (m->lon >= -180 && m->lon <= 180));
      break;
    case TRI_MENTION_ACTOR:
    default:
      break;
    }
}
