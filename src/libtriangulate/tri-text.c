/* tri-text.c
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-text"

#include "config.h"

#include <string.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>

#include "tri-text.h"
#include "tri-types.h"

void
tri_text_line_column (const char *data,
                      gsize       offset,
                      guint      *line,
                      guint      *column)
{
  guint l = 1, c = 1;

  for (gsize i = 0; i < offset; i++)
    {
      if (data[i] == '\n')
        {
          l++;
          c = 1;
        }
      else if (((guchar) data[i] & 0xC0) != 0x80)
        c++;
    }
  *line = l;
  *column = c;
}

/* Text files have no NUL bytes and few control characters; UTF-16 is
 * recognised by its byte-order mark before this is asked. */
gboolean
tri_text_is_binary (const char *data,
                    gsize       len)
{
  gsize n = MIN (len, 8192);
  gsize controls = 0;

  for (gsize i = 0; i < n; i++)
    {
      guchar b = (guchar) data[i];

      if (b == 0)
        return TRUE;
      if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' && b != 0x1b)
        controls++;
    }
  return n > 0 && controls * 10 > n;
}

static char *
decode_utf16 (const char    *data,
              gsize          len,
              gboolean       big_endian,
              gsize          skip,
              gsize         *out_len,
              TriOffsetMap **map_out,
              GError       **error)
{
  g_autoptr(GString) out = g_string_sized_new (len);
  g_autoptr(TriOffsetMap) map = tri_offset_map_new (NULL);
  gsize i = skip;

  while (i + 1 < len)
    {
      guint16 u = big_endian ? ((guchar) data[i] << 8) | (guchar) data[i + 1]
                             : ((guchar) data[i + 1] << 8) | (guchar) data[i];
      gunichar c = u;
      gsize width = 2;
      char buf[6];
      gsize n;

      if (u >= 0xD800 && u <= 0xDBFF)
        {
          guint16 lo = 0;

          if (i + 3 < len)
            lo = big_endian ? ((guchar) data[i + 2] << 8) | (guchar) data[i + 3]
                            : ((guchar) data[i + 3] << 8) | (guchar) data[i + 2];
          if (lo < 0xDC00 || lo > 0xDFFF)
            {
              g_set_error (error, TRI_ERROR, TRI_ERROR_INVALID_ENCODING,
                           "invalid UTF-16: lone high surrogate at byte %" G_GSIZE_FORMAT, i);
              return NULL;
            }
          c = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
          width = 4;
        }
      else if (u >= 0xDC00 && u <= 0xDFFF)
        {
          g_set_error (error, TRI_ERROR, TRI_ERROR_INVALID_ENCODING,
                       "invalid UTF-16: lone low surrogate at byte %" G_GSIZE_FORMAT, i);
          return NULL;
        }
      else if (u == 0)
        {
          g_set_error (error, TRI_ERROR, TRI_ERROR_NOT_TEXT,
                       "NUL character at byte %" G_GSIZE_FORMAT ": not a text file", i);
          return NULL;
        }

      n = g_unichar_to_utf8 (c, buf);
      tri_offset_map_add (map, out->len, n, i, width);
      g_string_append_len (out, buf, n);
      i += width;
    }

  if (i < len)
    {
      g_set_error (error, TRI_ERROR, TRI_ERROR_INVALID_ENCODING,
                   "invalid UTF-16: odd number of bytes, truncated at byte %" G_GSIZE_FORMAT, i);
      return NULL;
    }

  *out_len = out->len;
  *map_out = g_steal_pointer (&map);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/*
 * tri_text_decode:
 * @data: the bytes of a file
 * @len: their number
 * @charset: (nullable): the encoding if known (from a BOM, a <meta>, the user)
 * @charset_out: (out) (optional): the encoding used
 * @out_len: (out): length of the result
 * @map_out: (out): how result offsets map to @data offsets
 *
 * Returns: valid UTF-8, or %NULL with @error naming the bad byte
 */
char *
tri_text_decode (const char    *data,
                 gsize          len,
                 const char    *charset,
                 char         **charset_out,
                 gsize         *out_len,
                 TriOffsetMap **map_out,
                 GError       **error)
{
  const char *end = NULL;
  gsize skip = 0;
  g_autoptr(TriOffsetMap) map = NULL;

  if (len >= 2 && (guchar) data[0] == 0xFF && (guchar) data[1] == 0xFE)
    {
      if (charset_out)
        *charset_out = g_strdup ("UTF-16LE");
      return decode_utf16 (data, len, FALSE, 2, out_len, map_out, error);
    }
  if (len >= 2 && (guchar) data[0] == 0xFE && (guchar) data[1] == 0xFF)
    {
      if (charset_out)
        *charset_out = g_strdup ("UTF-16BE");
      return decode_utf16 (data, len, TRUE, 2, out_len, map_out, error);
    }
  if (charset != NULL &&
      (g_ascii_strcasecmp (charset, "UTF-16LE") == 0 || g_ascii_strcasecmp (charset, "UTF-16BE") == 0))
    {
      if (charset_out)
        *charset_out = g_strdup (charset);
      return decode_utf16 (data, len, g_ascii_strcasecmp (charset, "UTF-16BE") == 0, 0,
                           out_len, map_out, error);
    }

  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    skip = 3;

  if (tri_text_is_binary (data + skip, len - skip))
    {
      g_set_error_literal (error, TRI_ERROR, TRI_ERROR_NOT_TEXT,
                           "binary data (NUL or control bytes): not a text file");
      return NULL;
    }

  if (!g_utf8_validate_len (data + skip, len - skip, &end))
    {
      gsize bad = end - data;
      guint line, column;

      if (memchr (data + skip, '\0', len - skip) != NULL &&
          memchr (data + skip, '\0', len - skip) == end)
        {
          g_set_error (error, TRI_ERROR, TRI_ERROR_NOT_TEXT,
                       "NUL byte at byte %" G_GSIZE_FORMAT ": not a text file", bad);
          return NULL;
        }
      tri_text_line_column (data, bad, &line, &column);
      g_set_error (error, TRI_ERROR, TRI_ERROR_INVALID_ENCODING,
                   "invalid UTF-8 at byte %" G_GSIZE_FORMAT " (line %u, column %u): 0x%02X",
                   bad, line, column, (guchar) data[bad]);
      return NULL;
    }

  map = tri_offset_map_new (NULL);
  tri_offset_map_add (map, 0, len - skip, skip, len - skip);
  if (charset_out)
    *charset_out = g_strdup ("UTF-8");
  *out_len = len - skip;
  *map_out = g_steal_pointer (&map);
  return g_strndup (data + skip, len - skip);
}

static const UNormalizer2 *
nfc (void)
{
  static const UNormalizer2 *instance;

  if (g_once_init_enter (&instance))
    {
      UErrorCode e = U_ZERO_ERROR;
      const UNormalizer2 *n = unorm2_getNFCInstance (&e);

      g_assert (U_SUCCESS (e));
      g_once_init_leave (&instance, n);
    }
  return instance;
}

/* Normalises one segment that starts at a normalisation boundary; appends
 * to @out and returns TRUE if it had to change. */
static gboolean
normalize_segment (const char *seg,
                   gsize       len,
                   GString    *out)
{
  UChar stack_in[64], stack_out[128];
  g_autofree UChar *heap_in = NULL;
  g_autofree UChar *heap_out = NULL;
  UChar *in = stack_in, *res = stack_out;
  int32_t in_len = 0, res_len;
  UErrorCode e = U_ZERO_ERROR;
  char stack_utf8[256];
  g_autofree char *heap_utf8 = NULL;
  int32_t utf8_len = 0;

  u_strFromUTF8WithSub (in, G_N_ELEMENTS (stack_in), &in_len, seg, len, 0xFFFD, NULL, &e);
  if (e == U_BUFFER_OVERFLOW_ERROR)
    {
      e = U_ZERO_ERROR;
      in = heap_in = g_new (UChar, in_len + 1);
      u_strFromUTF8WithSub (in, in_len + 1, &in_len, seg, len, 0xFFFD, NULL, &e);
    }
  if (U_FAILURE (e))
    goto unchanged;

  if (unorm2_isNormalized (nfc (), in, in_len, &e) && U_SUCCESS (e))
    goto unchanged;

  e = U_ZERO_ERROR;
  res_len = unorm2_normalize (nfc (), in, in_len, res, G_N_ELEMENTS (stack_out), &e);
  if (e == U_BUFFER_OVERFLOW_ERROR)
    {
      e = U_ZERO_ERROR;
      res = heap_out = g_new (UChar, res_len + 1);
      res_len = unorm2_normalize (nfc (), in, in_len, res, res_len + 1, &e);
    }
  if (U_FAILURE (e))
    goto unchanged;

  e = U_ZERO_ERROR;
  u_strToUTF8 (stack_utf8, sizeof stack_utf8, &utf8_len, res, res_len, &e);
  if (e == U_BUFFER_OVERFLOW_ERROR)
    {
      e = U_ZERO_ERROR;
      heap_utf8 = g_malloc (utf8_len + 1);
      u_strToUTF8 (heap_utf8, utf8_len + 1, &utf8_len, res, res_len, &e);
    }
  if (U_FAILURE (e))
    goto unchanged;

  g_string_append_len (out, heap_utf8 ? heap_utf8 : stack_utf8, utf8_len);
  return TRUE;

unchanged:
  g_string_append_len (out, seg, len);
  return FALSE;
}

/*
 * tri_text_normalize:
 * @text: valid UTF-8
 * @below: (transfer full) (nullable): the map of the stage that made @text
 * @map_out: (out): the new map, chained onto @below
 *
 * NFC, with CRLF and lone CR turned into LF.
 */
char *
tri_text_normalize (const char    *text,
                    gsize          len,
                    gsize         *out_len,
                    TriOffsetMap  *below,
                    TriOffsetMap **map_out)
{
  g_autoptr(GString) out = g_string_sized_new (len + 1);
  g_autoptr(TriOffsetMap) map = tri_offset_map_new (below);
  const UNormalizer2 *n = nfc ();
  gsize i = 0;

  while (i < len)
    {
      guchar b = (guchar) text[i];
      gsize seg_end;
      gsize dst;

      if (b == '\r')
        {
          gsize w = (i + 1 < len && text[i + 1] == '\n') ? 2 : 1;

          tri_offset_map_add (map, out->len, 1, i, w);
          g_string_append_c (out, '\n');
          i += w;
          continue;
        }

      /* ASCII followed by ASCII cannot combine with anything. */
      if (b < 0x80 && (i + 1 >= len || (guchar) text[i + 1] < 0x80))
        {
          gsize j = i + 1;

          while (j < len && (guchar) text[j] < 0x80 && text[j] != '\r' &&
                 (j + 1 >= len || (guchar) text[j + 1] < 0x80))
            j++;
          tri_offset_map_add (map, out->len, j - i, i, j - i);
          g_string_append_len (out, text + i, j - i);
          i = j;
          continue;
        }

      /* A segment runs from this character to the next one that starts
       * afresh (has a normalisation boundary before it). */
      seg_end = g_utf8_next_char (text + i) - text;
      while (seg_end < len)
        {
          gunichar c = g_utf8_get_char (text + seg_end);

          if (c < 0x80 || unorm2_hasBoundaryBefore (n, c))
            break;
          seg_end = g_utf8_next_char (text + seg_end) - text;
        }
      seg_end = MIN (seg_end, len);

      dst = out->len;
      normalize_segment (text + i, seg_end - i, out);
      tri_offset_map_add (map, dst, out->len - dst, i, seg_end - i);
      i = seg_end;
    }

  *out_len = out->len;
  *map_out = g_steal_pointer (&map);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Transliterators are not thread-safe: one per thread. */
static GPrivate fold_trans = G_PRIVATE_INIT ((GDestroyNotify) utrans_close);

/* Folds one piece with ICU; FALSE if ICU failed. */
static gboolean
fold_chunk (UTransliterator *t,
            const char      *text,
            gsize            len,
            GString         *out)
{
  UErrorCode e = U_ZERO_ERROR;
  g_autofree UChar *buf = NULL;
  int32_t ulen = 0, cap, limit, in_len;
  int32_t out_len = 0;
  gsize at = out->len;

  u_strFromUTF8WithSub (NULL, 0, &ulen, text, len, 0xFFFD, NULL, &e);
  in_len = ulen;
  cap = ulen * 4 + 16;
  for (guint attempt = 0; attempt < 3; attempt++, cap *= 4)
    {
      g_free (buf);
      buf = g_new (UChar, cap);
      e = U_ZERO_ERROR;
      u_strFromUTF8WithSub (buf, cap, &ulen, text, len, 0xFFFD, NULL, &e);
      if (U_FAILURE (e))
        return FALSE;
      limit = ulen;
      utrans_transUChars (t, buf, &ulen, cap, 0, &limit, &e);
      if (e != U_BUFFER_OVERFLOW_ERROR)
        break;
      ulen = in_len;
    }
  if (U_FAILURE (e))
    return FALSE;
  e = U_ZERO_ERROR;
  u_strToUTF8 (NULL, 0, &out_len, buf, ulen, &e);
  e = U_ZERO_ERROR;
  g_string_set_size (out, at + out_len);
  u_strToUTF8 (out->str + at, out_len + 1, &out_len, buf, ulen, &e);
  if (U_FAILURE (e))
    {
      g_string_truncate (out, at);
      return FALSE;
    }
  return TRUE;
}

#define FOLD_CHUNK 2048

/*
 * tri_text_fold:
 * @text: UTF-8 text
 * @len: its length, or -1
 *
 * Lower case, without diacritics, in Latin letters (ICU's "Any-Latin;
 * Latin-ASCII; Lower"): "Đà Nẵng" → "da nang".
 *
 * ICU transliterates a long string in quadratic time, so the text goes
 * through in pieces cut at white space, and plain ASCII pieces skip ICU
 * altogether: folding is linear in the length of the text.
 *
 * Returns: (transfer full): the folded text
 */
/**
 * tri_text_fold:
 * @text: UTF-8 text
 * @len: its length, or -1 if NUL-terminated
 *
 * Folds text for matching and search: lower case, no diacritics, "đ" as
 * "d", other scripts transliterated to Latin ("Đà Nẵng" → "da nang").
 *
 * Returns: (transfer full): the folded text
 */
char *
tri_text_fold (const char *text,
               gssize      len)
{
  UTransliterator *t = g_private_get (&fold_trans);
  UErrorCode e = U_ZERO_ERROR;
  g_autoptr(GString) out = NULL;
  gsize pos = 0;

  if (len < 0)
    len = strlen (text);

  if (t == NULL)
    {
      static const UChar id[] = u"Any-Latin; Latin-ASCII; Lower";

      t = utrans_openU (id, -1, UTRANS_FORWARD, NULL, 0, NULL, &e);
      if (U_FAILURE (e))
        return g_utf8_casefold (text, len);
      g_private_set (&fold_trans, t);
    }

  out = g_string_sized_new (len + 1);
  while (pos < (gsize) len)
    {
      gsize end = MIN ((gsize) len, pos + FOLD_CHUNK);
      gboolean ascii = TRUE;

      /* Cut after white space, so no letter loses its marks. */
      if (end < (gsize) len)
        {
          gsize cut = end;

          while (cut < (gsize) len && cut < end + 4 * FOLD_CHUNK && !g_ascii_isspace (text[cut]))
            cut++;
          if (cut < (gsize) len && g_ascii_isspace (text[cut]))
            end = cut + 1;
          else
            {
              /* No space at all: cut at a character boundary, keeping a
               * letter's combining marks with it. */
              while (end > pos && ((guchar) text[end] & 0xC0) == 0x80)
                end--;
              while (end < (gsize) len &&
                     (((guchar) text[end] & 0xC0) == 0x80 ||
                      g_unichar_ismark (g_utf8_get_char_validated (text + end, len - end))))
                end++;
              if (end <= pos)
                end = MIN ((gsize) len, pos + FOLD_CHUNK);
            }
        }

      for (gsize i = pos; i < end && ascii; i++)
        ascii = (guchar) text[i] < 0x80;
      if (ascii)
        for (gsize i = pos; i < end; i++)
          g_string_append_c (out, g_ascii_tolower (text[i]));
      else if (!fold_chunk (t, text + pos, end - pos, out))
        {
          g_autofree char *folded = g_utf8_casefold (text + pos, end - pos);

          g_string_append (out, folded);
        }
      pos = end;
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}
