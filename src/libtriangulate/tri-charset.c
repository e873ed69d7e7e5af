/* tri-charset.c: text in legacy encodings
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-charset"

#include "config.h"

#include <string.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/utf16.h>

#include "tri-ingest-private.h"

/* Old Vietnamese pages are often windows-1258, which writes tones as
 * combining marks after the vowel ("a" + U+0301), and Western ones
 * windows-1252. ICU's converters decode them and report, for each UTF-16
 * unit, the byte it came from: that becomes the offset map, so offsets
 * still point into the file. NFC later composes the marks (its own map
 * chains on top of this one). */

/* The charset a page declares in its first few kilobytes:
 * <meta charset="…"> or <meta http-equiv=… content="text/html; charset=…">. */
char *
_tri_charset_sniff_html (const char *data,
                         gsize       len)
{
  gsize n = MIN (len, 4096);

  for (gsize i = 0; i + 8 < n; i++)
    {
      gsize j, k;

      if (g_ascii_strncasecmp (data + i, "charset", 7) != 0)
        continue;
      j = i + 7;
      while (j < n && (data[j] == ' ' || data[j] == '\t'))
        j++;
      if (j >= n || data[j] != '=')
        continue;
      j++;
      while (j < n && (data[j] == ' ' || data[j] == '"' || data[j] == '\''))
        j++;
      k = j;
      while (k < n && k - j < 40 &&
             (g_ascii_isalnum (data[k]) || data[k] == '-' || data[k] == '_' || data[k] == ':' ||
              data[k] == '.'))
        k++;
      if (k > j)
        return g_strndup (data + j, k - j);
    }
  return NULL;
}

/* windows-1258 writes the five tone marks as bytes of their own right
 * after a vowel; no other common encoding makes that pattern. */
static gboolean
looks_windows_1258 (const guchar *p,
                    gsize         len)
{
  gsize tones = 0, high = 0;

  for (gsize i = 0; i < len; i++)
    {
      if (p[i] < 0x80)
        continue;
      high++;
      if (i > 0 && (p[i] == 0xCC || p[i] == 0xEC || p[i] == 0xD2 || p[i] == 0xDE || p[i] == 0xF2) &&
          (g_ascii_isalpha (p[i - 1]) || p[i - 1] >= 0xC0))
        tones++;
    }
  return tones >= 2 && tones * 5 >= high;
}

/**
 * _tri_charset_guess:
 * @data: bytes that are not UTF-8
 * @len: their number
 *
 * Returns: (transfer none): the most likely charset
 */
const char *
_tri_charset_guess (const char *data,
                    gsize       len)
{
  UErrorCode e = U_ZERO_ERROR;
  UCharsetDetector *det;
  const UCharsetMatch *match;
  const char *name = NULL;
  static const char *const known[] = {
    "windows-1252", "windows-1250", "windows-1251", "windows-1253", "windows-1254",
    "windows-1255", "windows-1256", "windows-1257", "windows-1258", "Shift_JIS", "EUC-JP",
    "EUC-KR", "GB18030", "Big5", "KOI8-R", "ISO-8859-2", "ISO-8859-5", "ISO-8859-6",
    "ISO-8859-7", "ISO-8859-8", "ISO-8859-9", "UTF-16LE", "UTF-16BE", NULL
  };

  if (looks_windows_1258 ((const guchar *) data, MIN (len, 1 << 20)))
    return "windows-1258";

  det = ucsdet_open (&e);
  if (U_FAILURE (e))
    return "windows-1252";
  ucsdet_setText (det, data, (int32_t) MIN (len, 1 << 20), &e);
  match = U_SUCCESS (e) ? ucsdet_detect (det, &e) : NULL;
  if (match != NULL && U_SUCCESS (e))
    name = ucsdet_getName (match, &e);
  if (name != NULL && U_SUCCESS (e))
    {
      for (guint i = 0; known[i]; i++)
        if (g_ascii_strcasecmp (known[i], name) == 0)
          {
            name = known[i];
            ucsdet_close (det);
            return name;
          }
    }
  ucsdet_close (det);
  /* ISO-8859-1 and anything unsure: windows-1252 is its superset. */
  return "windows-1252";
}

/**
 * _tri_charset_decode:
 * @data: the bytes
 * @len: their number
 * @declared: the charset to read them in
 * @charset_out: (out) (optional): its name
 * @out_len: (out): length of the UTF-8 result
 * @map_out: (out): result offsets → @data offsets
 * @error: set when the charset is unknown
 *
 * Returns: (transfer full): UTF-8 text
 */
char *
_tri_charset_decode (const char    *data,
                     gsize          len,
                     const char    *declared,
                     char         **charset_out,
                     gsize         *out_len,
                     TriOffsetMap **map_out,
                     GError       **error)
{
  UErrorCode e = U_ZERO_ERROR;
  UConverter *conv;
  g_autofree UChar *target = NULL;
  g_autofree int32_t *offsets = NULL;
  gsize cap;
  UChar *t;
  const char *s;
  g_autoptr(GString) out = NULL;
  g_autoptr(TriOffsetMap) map = NULL;
  gsize n16;

  if (len > G_MAXINT32 / 4)
    {
      g_set_error_literal (error, TRI_ERROR, TRI_ERROR_TOO_LARGE, "too large to convert");
      return NULL;
    }

  conv = ucnv_open (declared, &e);
  if (U_FAILURE (e) || conv == NULL)
    {
      g_set_error (error, TRI_ERROR, TRI_ERROR_INVALID_ENCODING,
                   "unknown character set “%s”", declared);
      return NULL;
    }

  /* Every charset ICU knows makes at most two UTF-16 units per byte. */
  cap = len * 2 + 16;
  target = g_new (UChar, cap);
  offsets = g_new (int32_t, cap);
  t = target;
  s = data;
  ucnv_toUnicode (conv, &t, target + cap, &s, data + len, offsets, TRUE, &e);
  ucnv_close (conv);
  if (U_FAILURE (e))
    {
      g_set_error (error, TRI_ERROR, TRI_ERROR_INVALID_ENCODING,
                   "cannot read the text as %s: %s", declared, u_errorName (e));
      return NULL;
    }
  n16 = t - target;

  out = g_string_sized_new (n16 * 2 + 1);
  map = tri_offset_map_new (NULL);
  for (gsize k = 0; k < n16; )
    {
      UChar32 c;
      gsize next = k;
      int32_t src = offsets[k], src_end;
      char buf[6];
      int n;

      U16_NEXT (target, next, n16, c);
      if (c == 0)
        {
          g_set_error (error, TRI_ERROR, TRI_ERROR_NOT_TEXT,
                       "NUL character at byte %d: not a text file", src);
          return NULL;
        }
      if (src < 0)
        src = k > 0 ? offsets[k - 1] : 0;
      src_end = next < n16 && offsets[next] >= 0 ? offsets[next] : (int32_t) len;
      if (src_end < src)
        src_end = src;
      if (c < 0 || c > 0x10FFFF || U_IS_SURROGATE (c))
        c = 0xFFFD;
      n = g_unichar_to_utf8 (c, buf);
      tri_offset_map_add (map, out->len, n, src, src_end - src);
      g_string_append_len (out, buf, n);
      k = next;
    }

  if (charset_out)
    *charset_out = g_strdup (declared);
  *out_len = out->len;
  *map_out = g_steal_pointer (&map);
  return g_string_free (g_steal_pointer (&out), FALSE);
}
