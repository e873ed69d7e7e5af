/* tri-segment.c: metadata header, language and the order of the stages
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-segment"

#include "config.h"

#include <string.h>

#include "tri-segment-private.h"

void
_tri_segment_article (TriArticle *article)
{
  gsize len;
  const char *text = tri_article_get_text (article, &len);
  guint body = 0;

  _tri_header_read (article);
  body = _tri_article_get_body_start (article);
  if (g_strcmp0 (tri_article_get_language (article), "und") == 0)
    _tri_article_set_language (article, _tri_language_detect (text + body, len - body));
  _tri_boilerplate_detect (article);
  _tri_title_detect (article);
  _tri_stories_detect (article);
  _tri_sentences_split (article);
  _tri_cites_detect (article);
}

/* Plain text has no title field: its first line is the headline when it
 * looks like one (short, no final full stop; a question is fine). A
 * section label above it ("Thế giới", "World") is passed over. */
#define TITLE_LINES 3

void
_tri_title_detect (TriArticle *article)
{
  gsize len;
  const char *text = tri_article_get_text (article, &len);
  gsize s = _tri_article_get_body_start (article), e;

  if (tri_article_get_title (article) != NULL)
    return;

  for (guint line = 0; line < TITLE_LINES; line++, s = e)
    {
      const char *eol;
      guint words = 0;

      while (s < len && g_ascii_isspace (text[s]))
        s++;
      if (s >= len || !tri_article_is_content (article, s, s + 1))
        return;
      eol = memchr (text + s, '\n', len - s);
      e = eol ? (gsize) (eol - text) : len;
      while (e > s && g_ascii_isspace (text[e - 1]))
        e--;
      if (!tri_article_is_content (article, s, e) || !_tri_is_headline_like (text + s, e - s, &words))
        return;
      if (words >= 3 && words <= 25)
        {
          g_autofree char *title = g_strndup (text + s, e - s);

          _tri_article_set_title (article, title);
          return;
        }
      if (words > 25)
        return;
      if (eol == NULL)
        return;
      e = eol - text + 1;
    }
}

/* Reads exactly @n ASCII digits at *@p into @value, advancing *@p. */
static gboolean
read_digits (const char **p,
             guint        n,
             int         *value)
{
  int v = 0;

  for (guint i = 0; i < n; i++, (*p)++)
    {
      if (!g_ascii_isdigit (**p))
        return FALSE;
      v = v * 10 + (**p - '0');
    }
  *value = v;
  return TRUE;
}

static inline gboolean
is_date_separator (char c)
{
  return c == '-' || c == '/';
}

/* "2026-01-19", "2026-01-19T08:00:00+07:00", "2026/01/19". */
gboolean
_tri_parse_iso_date (const char *text,
                     int        *year,
                     int        *month,
                     int        *day)
{
  int y = 0, m = 0, d = 0;
  const char *p = text;

  if (!read_digits (&p, 4, &y) || !is_date_separator (*p++)
      || !read_digits (&p, 2, &m) || !is_date_separator (*p++)
      || !read_digits (&p, 2, &d) || g_ascii_isdigit (*p))
    return FALSE;
  if (!g_date_valid_dmy (d, m, y))
    return FALSE;
  *year = y;
  *month = m;
  *day = d;
  return TRUE;
}

typedef enum {
  KEY_NONE,
  KEY_DATE,
  KEY_TITLE,
  KEY_URL,
  KEY_OUTLET,
  KEY_LANGUAGE,
  KEY_OTHER,
} HeaderKey;

static HeaderKey
header_key (const char *word,
            gsize       len)
{
  static const struct { const char *name; HeaderKey key; } keys[] = {
    { "date", KEY_DATE }, { "published", KEY_DATE }, { "date_publish", KEY_DATE },
    { "datepublished", KEY_DATE }, { "pubdate", KEY_DATE },
    { "title", KEY_TITLE }, { "headline", KEY_TITLE },
    { "url", KEY_URL }, { "source", KEY_URL }, { "link", KEY_URL },
    { "outlet", KEY_OUTLET }, { "site", KEY_OUTLET }, { "publisher", KEY_OUTLET },
    { "language", KEY_LANGUAGE }, { "lang", KEY_LANGUAGE },
    { "author", KEY_OTHER }, { "byline", KEY_OTHER }, { "tags", KEY_OTHER },
  };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (strlen (keys[i].name) == len && g_ascii_strncasecmp (keys[i].name, word, len) == 0)
      return keys[i].key;
  return KEY_NONE;
}

static char *
outlet_from_url (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  const char *host;

  if (uri == NULL || (host = g_uri_get_host (uri)) == NULL)
    return NULL;
  if (g_str_has_prefix (host, "www."))
    host += 4;
  return g_strdup (host);
}

/* Applies one header field; @value is the rest of the line. Returns where
 * the body starts within @value when the field is a date followed by text
 * on the same line (a scraper's habit), else -1. */
static gssize
apply_field (TriArticle *article,
             HeaderKey   key,
             const char *value,
             gsize       len)
{
  g_autofree char *v = g_strstrip (g_strndup (value, len));
  int y, m, d;

  switch (key)
    {
    case KEY_DATE:
      {
        const char *p = value;

        while (p < value + len && g_ascii_isspace (*p))
          p++;
        if (_tri_parse_iso_date (p, &y, &m, &d))
          {
            g_autofree char *iso = g_strdup_printf ("%04d-%02d-%02d", y, m, d);
            const char *after = p + 10;

            tri_article_set_published (article, iso, TRI_DATE_SOURCE_HEADER);
            /* Skip a time of day and zone: "T08:00:00+07:00". */
            while (after < value + len && !g_ascii_isspace (*after))
              after++;
            while (after < value + len && g_ascii_isspace (*after))
              after++;
            return after < value + len ? after - value : -1;
          }
        return -1;
      }
    case KEY_TITLE:
      if (*v)
        _tri_article_set_title (article, v);
      return -1;
    case KEY_URL:
      if (strstr (v, "://") != NULL)
        {
          g_autofree char *outlet = outlet_from_url (v);

          _tri_article_set_url (article, v);
          if (tri_article_get_outlet (article) == NULL && outlet)
            _tri_article_set_outlet (article, outlet);
        }
      else if (*v)
        _tri_article_set_outlet (article, v);
      return -1;
    case KEY_OUTLET:
      if (*v)
        _tri_article_set_outlet (article, v);
      return -1;
    case KEY_LANGUAGE:
      if (*v && strlen (v) <= 8)
        _tri_article_set_language (article, v);
      return -1;
    case KEY_OTHER:
    case KEY_NONE:
    default:
      return -1;
    }
}

/* Reads "key value" / "key: value" lines at the top of a text file, or a
 * YAML front matter block between "---" lines, and sets where the body
 * starts. A line that is not a known key ends the header. */
void
_tri_header_read (TriArticle *article)
{
  gsize len;
  const char *text = tri_article_get_text (article, &len);
  const char *p = text, *end = text + len;
  gboolean yaml = FALSE;
  guint body = 0;

  if (tri_article_get_format (article) != TRI_INPUT_FORMAT_TEXT)
    return;

  while (p < end && (*p == ' ' || *p == '\t' || *p == '\n'))
    p++;
  if (end - p >= 4 && strncmp (p, "---\n", 4) == 0)
    {
      yaml = TRUE;
      p += 4;
    }

  while (p < end)
    {
      const char *eol = memchr (p, '\n', end - p);
      const char *line = p, *word_end, *value;
      HeaderKey key;
      gssize rest;

      if (eol == NULL)
        eol = end;
      while (line < eol && (*line == ' ' || *line == '\t'))
        line++;

      if (yaml && eol - line == 3 && strncmp (line, "---", 3) == 0)
        {
          body = eol - text;
          break;
        }
      if (line == eol)
        {
          if (yaml)
            {
              p = eol + 1;
              continue;
            }
          break;
        }

      word_end = line;
      while (word_end < eol && (g_ascii_isalpha (*word_end) || *word_end == '_'))
        word_end++;
      key = header_key (line, word_end - line);
      if (key == KEY_NONE || word_end == line ||
          (word_end < eol && *word_end != ':' && *word_end != ' ' && *word_end != '\t'))
        break;

      value = word_end;
      if (value < eol && *value == ':')
        value++;
      if (value < eol && *value != ' ' && *value != '\t')
        break;

      rest = apply_field (article, key, value, eol - value);
      if (rest >= 0)
        {
          body = (value - text) + rest;
          break;
        }
      body = eol < end ? (eol - text) + 1 : len;
      p = eol + 1;
    }

  _tri_article_set_body_start (article, body);
}

/* Vietnamese is told by its letters; English and the others by their most
 * frequent words; Arabic, Persian, Russian and Chinese by script. */
const char *
_tri_language_detect (const char *text,
                      gsize       len)
{
  static const char *const en_words[] = {
    "the", "and", "of", "to", "in", "is", "that", "said", "was", "for", "with", "on", "a", "an",
    "are", "were", "has", "have", "had", "by", "from", "at", "it", "its", "as", "be", "will",
    "not", "this", "after", "they", "their", "who", "which", "than", "more", "about", "but",
    "also", "been", "would", "says", NULL
  };
  static const char *const fr_words[] = { "le", "les", "des", "est", "et", "une", "dans", "du", NULL };
  static const char *const de_words[] = { "der", "die", "und", "das", "ist", "nicht", "mit", "den", NULL };
  static const char *const es_words[] = { "el", "los", "las", "y", "del", "que", "por", "una", NULL };
  gsize letters = 0, vi = 0, arabic = 0, cyrillic = 0, han = 0;
  gsize en = 0, fr = 0, de = 0, es = 0, words = 0;
  const char *p = text, *end = text + MIN (len, 200000);

  while (p < end)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);
      const char *w;

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          p++;
          continue;
        }

      if (!g_unichar_isalpha (c))
        {
          p = g_utf8_next_char (p);
          continue;
        }

      /* A word: classify its letters and, if short, check the lists. */
      w = p;
      while (p < end)
        {
          c = g_utf8_get_char_validated (p, end - p);
          if (c == (gunichar) -1 || c == (gunichar) -2 || !g_unichar_isalpha (c))
            break;
          letters++;
          if ((c >= 0x1EA0 && c <= 0x1EF9) || c == 0x0103 || c == 0x0102 || c == 0x0111 ||
              c == 0x0110 || c == 0x01A1 || c == 0x01A0 || c == 0x01B0 || c == 0x01AF)
            vi++;
          else if (c >= 0x0600 && c <= 0x06FF)
            arabic++;
          else if (c >= 0x0400 && c <= 0x04FF)
            cyrillic++;
          else if (c >= 0x4E00 && c <= 0x9FFF)
            han++;
          p = g_utf8_next_char (p);
        }
      words++;
      if (p - w <= 6)
        {
          char lower[8];
          gsize n = p - w;

          for (gsize i = 0; i < n; i++)
            lower[i] = g_ascii_tolower (w[i]);
          lower[n] = '\0';
#define COUNT(list, counter) \
          for (guint i = 0; list[i]; i++) if (strcmp (list[i], lower) == 0) { counter++; break; }
          COUNT (en_words, en);
          COUNT (fr_words, fr);
          COUNT (de_words, de);
          COUNT (es_words, es);
#undef COUNT
        }
    }

  if (letters == 0)
    return "und";
  if (arabic * 3 > letters)
    return "ar";
  if (cyrillic * 3 > letters)
    return "ru";
  if (han * 3 > letters)
    return "zh";
  /* Vietnamese letters are common; one in thirty is already far above
   * what names in other languages bring. */
  if (vi * 30 > letters)
    return "vi";
  if (words >= 5)
    {
      gsize best = MAX (MAX (en, fr), MAX (de, es));

      if (best * 20 >= words)
        {
          if (best == en)
            return "en";
          if (best == fr)
            return "fr";
          if (best == de)
            return "de";
          return "es";
        }
    }
  return "und";
}
