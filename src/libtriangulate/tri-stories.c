/* tri-stories.c: pages that hold several stories
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-stories"

#include "config.h"

#include <string.h>

#include "tri-segment-private.h"

/* A scraped page often holds more than its article: an older story the
 * site appended, or the teaser of the next one. A new story starts
 *
 *  - at a headline-like line (short, no final full stop) that follows a
 *    few paragraphs of prose and is itself followed by prose; or
 *  - at a paragraph that ends cut short ("…") after the stories before
 *    it — the teaser of another story, headline glued to its lede.
 *
 * The first story reads its dates against the publication date; the
 * later ones get no reference here: the time stage infers one from their
 * own dates, so that "ngày 27/1" in an older story is not read against
 * the page's September. */

#define MIN_PROSE_BEFORE 3
#define MIN_HEADLINE_WORDS 4
#define MAX_HEADLINE_WORDS 25

/* Marks the lines that lie inside boilerplate. */
static void
mark_junk (GArray *lines,
           GArray *boilerplate)
{
  guint b = 0;

  for (guint i = 0; i < lines->len; i++)
    {
      TriLine *line = &g_array_index (lines, TriLine, i);

      if (line->blank)
        continue;
      while (b < boilerplate->len && g_array_index (boilerplate, TriBoilerplate, b).end <= line->start)
        b++;
      if (b < boilerplate->len)
        {
          const TriBoilerplate *blk = &g_array_index (boilerplate, TriBoilerplate, b);

          if (blk->start <= line->start && blk->end >= line->end)
            line->junk = TRUE;
          else if (blk->start < line->end)
            line->partial = TRUE;
        }
    }
}

/* A headline starts with a capital, a digit or a quote; not with a
 * bullet, a table pipe or a bracketed tag. */
static gboolean
starts_like_headline (const char *text)
{
  gunichar c = g_utf8_get_char (text);

  return g_unichar_isupper (c) || g_unichar_isdigit (c) || c == '"' || c == 0x201C ||
         c == 0x2018 || c == '\'';
}

/* The next content line after @i, or G_MAXUINT. */
static guint
next_content (GArray *lines,
              guint   i)
{
  for (guint j = i + 1; j < lines->len; j++)
    {
      const TriLine *line = &g_array_index (lines, TriLine, j);

      if (!line->blank && !line->junk)
        return j;
    }
  return G_MAXUINT;
}

typedef struct
{
  guint start;
  guint title_start;
  guint title_end;
  guint end;
} Cut;

void
_tri_stories_detect (TriArticle *article)
{
  gsize len;
  const char *text = tri_article_get_text (article, &len);
  GArray *stories = _tri_article_get_stories (article);
  guint body = _tri_article_get_body_start (article);
  g_autoptr(GArray) lines = _tri_lines_scan (text, len, body);
  g_autoptr(GArray) cuts = g_array_new (FALSE, TRUE, sizeof (Cut));
  guint prose_since = 0, first = G_MAXUINT, last_content = G_MAXUINT;
  Cut cut = { body, 0, 0, len };

  g_array_set_size (stories, 0);
  mark_junk (lines, _tri_article_get_boilerplate (article));

  for (guint i = 0; i < lines->len; i++)
    {
      const TriLine *line = &g_array_index (lines, TriLine, i);
      guint next;

      if (line->blank || line->junk)
        continue;
      last_content = i;
      if (first == G_MAXUINT)
        {
          first = i;
          if (line->prose)
            prose_since++;
          continue;
        }

      next = next_content (lines, i);
      if (line->headline && !line->partial && starts_like_headline (text + line->start) &&
          line->words >= MIN_HEADLINE_WORDS && line->words <= MAX_HEADLINE_WORDS &&
          prose_since >= MIN_PROSE_BEFORE && next != G_MAXUINT &&
          g_array_index (lines, TriLine, next).prose)
        {
          g_array_append_val (cuts, cut);
          cut.start = line->start;
          cut.title_start = line->start;
          cut.title_end = line->end;
          prose_since = 0;
          continue;
        }

      if (line->prose && prose_since >= MIN_PROSE_BEFORE && next == G_MAXUINT &&
          _tri_is_truncated (text + line->start, line->end - line->start))
        {
          g_array_append_val (cuts, cut);
          cut.start = line->start;
          cut.title_start = cut.title_end = 0;
          prose_since = 0;
        }

      if (line->prose)
        prose_since++;
    }
  g_array_append_val (cuts, cut);

  for (guint i = 0; i < cuts->len; i++)
    {
      Cut *c = &g_array_index (cuts, Cut, i);
      guint end;
      g_autofree char *title = NULL;

      if (i + 1 < cuts->len)
        end = g_array_index (cuts, Cut, i + 1).start;
      else if (last_content != G_MAXUINT)
        end = g_array_index (lines, TriLine, last_content).end;
      else
        end = len;
      /* Not past the last content line: trailing lists are not the story. */
      while (end > c->start && g_ascii_isspace (text[end - 1]))
        end--;
      if (end < c->start)
        end = c->start;

      if (i == 0)
        title = g_strdup (tri_article_get_title (article));
      else if (c->title_end > c->title_start)
        title = g_strndup (text + c->title_start, c->title_end - c->title_start);
      _tri_article_add_story (article, c->start, end, title);
    }

  if (_tri_article_get_published_day (article) > 0)
    _tri_article_set_story_reference (article, 0, _tri_article_get_published_day (article),
                                      tri_article_get_published_source (article));
}
