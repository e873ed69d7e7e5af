/* tri-boilerplate.c: navigation, related-article lists and credits
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-boilerplate"

#include "config.h"

#include <string.h>

#include "tri-data.h"
#include "tri-segment-private.h"
#include "tri-text.h"

/* Scraped and pasted pages carry what surrounded the article: section
 * labels followed by lists of headlines, widgets, image credits and the
 * debris of a markdown conversion. All of it is found line by line, in
 * one pass over the text, so a huge file costs linear time:
 *
 *  - a known label ("Tin bài liên quan", "Read more") from the language's
 *    data file opens a list, which runs while its lines look like
 *    headlines (short, no sentence punctuation) — or marks just its line;
 *  - a run of headline-like lines is a list of links even without a label;
 *  - "(Ảnh: TASS)", "Ảnh: NYT" at the end of a caption are credits, cut
 *    out of the caption, which stays content;
 *  - lines of "![]() |" and the table pipes around a caption are debris.
 *
 * A line that reads like prose is never taken, except under a "line"
 * label (which takes only the label). */

#define MAX_LABEL_LINE  80     /* bytes: a label line is short */
#define MAX_CREDIT_NAME 80     /* bytes after "Ảnh:" */
#define MIN_RUN         4      /* headline-like lines that make a list */

/* Ends a sentence: . ! ? … and the quotes and brackets that close one. */
static gboolean
is_final_punct (gunichar c)
{
  return c == '.' || c == '!' || c == '?' || c == 0x2026 || c == ';' || c == ':' || c == ',';
}

static gboolean
is_closing (gunichar c)
{
  return c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x201D || c == 0x2019 ||
         c == 0x00BB || c == '*' || c == '_';
}

/* The last character of [text, text+len) that is not a closing quote or
 * bracket, or 0. */
static gunichar
last_significant (const char *text,
                  gsize       len)
{
  const char *p = text + len;

  while (p > text)
    {
      gunichar c;

      p = g_utf8_find_prev_char (text, p);
      if (p == NULL)
        break;
      c = g_utf8_get_char (p);
      if (!is_closing (c) && !g_unichar_isspace (c))
        return c;
    }
  return 0;
}

gboolean
_tri_is_headline_like (const char *text,
                       gsize       len,
                       guint      *words_out)
{
  guint words = 0, letters = 0;
  gboolean in_word = FALSE;
  gunichar last;

  if (len == 0 || len > 240)
    return FALSE;

  for (const char *p = text; p < text + len; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        in_word = FALSE;
      else
        {
          if (!in_word)
            words++;
          in_word = TRUE;
          if (g_unichar_isalpha (c))
            letters++;
        }
    }
  if (words_out)
    *words_out = words;
  if (letters == 0 || words > 30)
    return FALSE;

  last = last_significant (text, len);
  /* A question is a fine headline; a full stop is not. */
  if (last == '?')
    return TRUE;
  return !is_final_punct (last);
}

/* memmem(), which is a GNU extension. */
const char *
_tri_memmem (const char *haystack,
             gsize       haystack_len,
             const char *needle,
             gsize       needle_len)
{
  const char *p = haystack, *end = haystack + haystack_len;

  if (needle_len == 0)
    return haystack;
  while (end - p >= (gssize) needle_len &&
         (p = memchr (p, needle[0], end - p - needle_len + 1)) != NULL)
    {
      if (memcmp (p, needle, needle_len) == 0)
        return p;
      p++;
    }
  return NULL;
}

/* Ends in a truncation mark, like a teaser: "…", "...". */
gboolean
_tri_is_truncated (const char *text,
                   gsize       len)
{
  while (len > 0 && (g_ascii_isspace (text[len - 1]) || text[len - 1] == '"'))
    len--;
  if (len >= 3 && memcmp (text + len - 3, "...", 3) == 0)
    return TRUE;
  if (len >= 3 && memcmp (text + len - 3, "\xE2\x80\xA6", 3) == 0)
    return TRUE;
  return FALSE;
}

GArray *
_tri_lines_scan (const char *text,
                 gsize       len,
                 guint       from)
{
  GArray *lines = g_array_new (FALSE, TRUE, sizeof (TriLine));
  gsize pos = from;

  while (pos < len)
    {
      const char *eol = memchr (text + pos, '\n', len - pos);
      gsize line_end = eol ? (gsize) (eol - text) : len;
      TriLine line = { 0, };
      gsize s = pos, e = line_end;

      while (s < e && g_ascii_isspace (text[s]))
        s++;
      while (e > s && g_ascii_isspace (text[e - 1]))
        e--;
      line.start = s;
      line.end = e;
      line.line_end = line_end;
      line.blank = (s == e);
      if (!line.blank)
        {
          guint words = 0;
          gunichar last;

          line.headline = _tri_is_headline_like (text + s, e - s, &words);
          if (e - s > 240)
            {
              /* Too long for a headline: count words only roughly. */
              words = 31;
            }
          line.words = words;
          line.chars = e - s;
          last = last_significant (text + s, e - s);
          line.prose = !line.headline && (is_final_punct (last) || words > 30);
        }
      g_array_append_val (lines, line);
      pos = line_end + 1;
    }
  return lines;
}

/* Labels, cached per language for the life of the process. */

static void
load_labels (GPtrArray  *out,
             const char *language)
{
  g_autofree char *name = g_strdup_printf ("lexicons/boilerplate-%s.txt", language);
  g_auto(GStrv) lines = tri_data_read_lines (name);

  if (lines == NULL)
    return;
  for (guint i = 0; lines[i]; i++)
    {
      g_auto(GStrv) fields = NULL;
      TriLabel *label;

      if (tri_data_is_comment (lines[i]))
        continue;
      fields = g_strsplit (lines[i], "\t", 3);
      if (g_strv_length (fields) < 3)
        continue;
      label = g_new0 (TriLabel, 1);
      label->text = g_strdup (g_strstrip (fields[0]));
      label->folded = tri_text_fold (label->text, -1);
      label->casefolded = g_utf8_casefold (label->text, -1);
      label->lower = g_utf8_strdown (label->text, -1);
      if (g_str_equal (fields[1], "list"))
        label->scope = TRI_LABEL_LIST;
      else if (g_str_equal (fields[1], "credit"))
        label->scope = TRI_LABEL_CREDIT;
      else
        label->scope = TRI_LABEL_LINE;
      label->why = g_intern_string (g_strstrip (fields[2]));
      g_ptr_array_add (out, label);
    }
}

/* Longest first, so "Ảnh minh họa" is tried before "Ảnh". */
static int
compare_label_length (gconstpointer a,
                      gconstpointer b)
{
  const TriLabel *x = *(TriLabel * const *) a;
  const TriLabel *y = *(TriLabel * const *) b;

  return (int) strlen (y->text) - (int) strlen (x->text);
}

static void
label_free (gpointer data)
{
  TriLabel *label = data;

  g_free (label->text);
  g_free (label->folded);
  g_free (label->casefolded);
  g_free (label->lower);
  g_free (label);
}

/**
 * _tri_boilerplate_labels:
 * @language: a language code
 *
 * Returns: (transfer none) (element-type TriLabel): the labels of
 *   @language and of English (pages mix them), longest first
 */
GPtrArray *
_tri_boilerplate_labels (const char *language)
{
  static GMutex mutex;
  static GHashTable *cache;
  GPtrArray *labels;

  if (language == NULL || strlen (language) > 8 || strchr (language, '/') != NULL)
    language = "und";

  g_mutex_lock (&mutex);
  if (cache == NULL)
    cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                   (GDestroyNotify) g_ptr_array_unref);
  labels = g_hash_table_lookup (cache, language);
  if (labels == NULL)
    {
      labels = g_ptr_array_new_with_free_func (label_free);
      load_labels (labels, language);
      if (!g_str_equal (language, "en"))
        load_labels (labels, "en");
      if (g_str_equal (language, "und"))
        load_labels (labels, "vi");
      g_ptr_array_sort (labels, compare_label_length);
      g_hash_table_insert (cache, g_strdup (language), labels);
    }
  g_mutex_unlock (&mutex);
  return labels;
}

/* A whole line that is a label. Lines in plain ASCII are compared with the
 * labels stripped of their diacritics ("Doc nhieu"), others with the
 * labels as written, ignoring case; neither needs a transliterator, so a
 * million lines cost little. */
static const TriLabel *
match_label (GPtrArray  *labels,
             const char *text,
             gsize       len)
{
  g_autofree char *key = NULL;
  gboolean ascii = TRUE;
  guint spaces = 0;
  gsize n;

  if (len == 0 || len > MAX_LABEL_LINE || strchr (".!?,;\"", text[len - 1]) != NULL)
    return NULL;
  for (gsize i = 0; i < len; i++)
    {
      if (text[i] == ' ' && ++spaces > 7)
        return NULL;
      if ((guchar) text[i] >= 0x80)
        ascii = FALSE;
    }
  /* "Read more:", "Related »" */
  while (len > 0 && (text[len - 1] == ':' || text[len - 1] == ' ' ||
                     text[len - 1] == '>' || text[len - 1] == '|'))
    len--;
  if (len >= 2 && memcmp (text + len - 2, "\xC2\xBB", 2) == 0)
    len -= 2;
  while (len > 0 && text[len - 1] == ' ')
    len--;
  if (len == 0)
    return NULL;
  key = ascii ? g_ascii_strdown (text, len) : g_utf8_casefold (text, len);
  n = strlen (key);

  for (guint i = 0; i < labels->len; i++)
    {
      const TriLabel *label = g_ptr_array_index (labels, i);
      const char *want = ascii ? label->folded : label->casefolded;

      if (label->scope != TRI_LABEL_CREDIT && want[0] == key[0] && strlen (want) == n &&
          memcmp (want, key, n) == 0)
        return label;
    }
  return NULL;
}

/* Markdown left behind by a scraper: "![]() |", "| --- |", "* * *". */
static gboolean
is_debris (const char *text,
           gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (strchr ("![]()|*-#_=>~`+ \t", text[i]) == NULL)
      return FALSE;
  return len > 0;
}

typedef struct
{
  guint       start;
  guint       end;
  const char *why;
} Block;

static void
add_block (GArray     *blocks,
           guint       start,
           guint       end,
           const char *why)
{
  Block b = { start, end, why };

  if (end > start)
    g_array_append_val (blocks, b);
}

static gboolean
is_boundary_before (const char *text,
                    guint       line_start,
                    guint       at)
{
  gunichar c;
  const char *prev;

  if (at == line_start)
    return TRUE;
  prev = g_utf8_find_prev_char (text + line_start, text + at);
  if (prev == NULL)
    return TRUE;
  c = g_utf8_get_char (prev);
  return !g_unichar_isalnum (c);
}

/* An image credit starting at @at with @label: "Ảnh: AP", "(Ảnh minh họa:
 * TASS)". Returns the end of the credit, or 0. */
static guint
credit_end (const char *text,
            const TriLine *line,
            guint       at,
            gsize       label_len,
            gboolean    in_parens)
{
  guint p = at + label_len;
  guint name_start, name_end, words = 0;
  gboolean in_word = FALSE;

  while (p < line->end && text[p] == ' ')
    p++;
  if (p >= line->end || text[p] != ':')
    return 0;
  p++;
  while (p < line->end && text[p] == ' ')
    p++;
  name_start = p;
  while (p < line->end && text[p] != ')' && text[p] != '|' && text[p] != ']' &&
         p - name_start <= MAX_CREDIT_NAME)
    {
      if (text[p] == ' ')
        in_word = FALSE;
      else if (!in_word)
        {
          words++;
          in_word = TRUE;
        }
      p++;
    }
  name_end = p;
  while (name_end > name_start && (text[name_end - 1] == ' ' || text[name_end - 1] == '.'))
    name_end--;
  if (name_end == name_start || words > 8 || p - name_start > MAX_CREDIT_NAME)
    return 0;
  if (in_parens)
    return (p < line->end && text[p] == ')') ? p + 1 : 0;
  /* Outside brackets the credit must close the line (or its table cell). */
  if (p < line->end && text[p] != '|')
    return 0;
  if (memchr (text + name_start, '.', name_end - name_start) != NULL &&
      name_end - name_start > 40)
    return 0;
  return name_end;
}

static void
find_credits (const char    *text,
              const TriLine *line,
              GPtrArray     *labels,
              GArray        *blocks)
{
  guint taken_until = line->start;

  /* Every credit has its colon: most lines end here. */
  if (memchr (text + line->start, ':', line->end - line->start) == NULL)
    return;
  for (guint i = 0; i < labels->len; i++)
    {
      const TriLabel *label = g_ptr_array_index (labels, i);
      const char *forms[2];

      if (label->scope != TRI_LABEL_CREDIT)
        continue;
      forms[0] = label->text;
      forms[1] = g_str_equal (label->lower, label->text) ? NULL : label->lower;

      for (guint f = 0; f < G_N_ELEMENTS (forms) && forms[f]; f++)
        {
          guint from = line->start;
          gsize flen = strlen (forms[f]);
          const char *hit;

          while (from < line->end &&
                 (hit = _tri_memmem (text + from, line->end - from, forms[f], flen)) != NULL)
            {
              guint at = hit - text;
              gboolean parens = at > line->start && text[at - 1] == '(';
              guint end;

              from = at + flen;
              if (at < taken_until || !is_boundary_before (text, line->start, at))
                continue;
              end = credit_end (text, line, at, flen, parens);
              if (end == 0)
                continue;
              if (parens)
                at--;
              /* A space before the credit goes with it. */
              add_block (blocks, at, end, label->why);
              taken_until = end;
            }
        }
    }
}

/* "| caption text |": the pipes are debris, the caption is content. */
static void
find_table_pipes (const char    *text,
                  const TriLine *line,
                  GArray        *blocks)
{
  if (line->end - line->start < 3)
    return;
  if (text[line->start] == '|')
    add_block (blocks, line->start, line->start + 1, "markdown debris");
  if (text[line->end - 1] == '|')
    add_block (blocks, line->end - 1, line->end, "markdown debris");
}

static int
compare_blocks (gconstpointer a,
                gconstpointer b)
{
  const Block *x = a, *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return (x->end < y->end) - (x->end > y->end);
}

/* The index of the last line that is not blank, or 0. */
static guint
last_nonblank (GArray *lines)
{
  for (guint j = lines->len; j > 0; j--)
    if (!g_array_index (lines, TriLine, j - 1).blank)
      return j - 1;
  return 0;
}

void
_tri_boilerplate_detect (TriArticle *article)
{
  gsize len;
  const char *text = tri_article_get_text (article, &len);
  GArray *out = _tri_article_get_boilerplate (article);
  g_autoptr(GArray) lines = _tri_lines_scan (text, len, _tri_article_get_body_start (article));
  g_autoptr(GArray) blocks = g_array_new (FALSE, FALSE, sizeof (Block));
  GPtrArray *labels = _tri_boilerplate_labels (tri_article_get_language (article));
  guint last_line = last_nonblank (lines);

  g_array_set_size (out, 0);

  /* Labels, lists and debris lines. */
  for (guint i = 0; i < lines->len; i++)
    {
      TriLine *line = &g_array_index (lines, TriLine, i);
      const TriLabel *label;
      guint last, j;

      if (line->blank || line->junk)
        continue;

      if (is_debris (text + line->start, line->end - line->start))
        {
          add_block (blocks, line->start, line->end, "markdown debris");
          line->junk = TRUE;
          continue;
        }

      label = match_label (labels, text + line->start, line->end - line->start);
      if (label == NULL)
        continue;

      line->junk = TRUE;
      if (label->scope == TRI_LABEL_LINE)
        {
          add_block (blocks, line->start, line->end, label->why);
          continue;
        }

      /* A list: take the headline-like lines after the label, up to the
       * next label, which opens a list of its own. */
      last = i;
      for (j = i + 1; j < lines->len; j++)
        {
          TriLine *item = &g_array_index (lines, TriLine, j);

          if (item->blank)
            continue;
          if (match_label (labels, text + item->start, item->end - item->start) != NULL)
            break;
          if (!item->headline && !is_debris (text + item->start, item->end - item->start))
            break;
          item->junk = TRUE;
          last = j;
        }
      if (j < lines->len && match_label (labels, text + g_array_index (lines, TriLine, j).start,
                                         g_array_index (lines, TriLine, j).end -
                                         g_array_index (lines, TriLine, j).start) != NULL)
        add_block (blocks, line->start, g_array_index (lines, TriLine, j).start, label->why);
      else if (last >= last_line)
        add_block (blocks, line->start, len, label->why);
      else
        add_block (blocks, line->start, g_array_index (lines, TriLine, last).end, label->why);
      i = last;
    }

  /* Runs of headline-like lines without a label: lists of links. Not at
   * the top, before any prose, where headline, byline, dateline and
   * caption stand; and not in a page, whose structure already spoke. */
  for (guint i = 0, prose = 0; i < lines->len; )
    {
      TriLine *line = &g_array_index (lines, TriLine, i);
      guint j, n = 0, last = i, bracketed = 0;

      if (line->prose && !line->junk)
        prose++;
      if (line->blank || line->junk || !line->headline || line->words < 3 ||
          tri_article_get_format (article) == TRI_INPUT_FORMAT_HTML)
        {
          i++;
          continue;
        }
      for (j = i; j < lines->len; j++)
        {
          TriLine *item = &g_array_index (lines, TriLine, j);

          if (item->blank)
            continue;
          if (item->junk || !item->headline || item->words < 3)
            break;
          /* A bulleted list inside an article is content. */
          if (strchr ("-*\xE2", text[item->start]) != NULL)
            break;
          if (text[item->start] == '[')
            bracketed++;
          n++;
          last = j;
        }
      if ((n >= MIN_RUN && prose > 0) || (n >= 2 && bracketed == n))
        {
          guint end = g_array_index (lines, TriLine, last).end;

          if (last >= last_line)
            end = len;
          add_block (blocks, line->start, end, "link list");
          for (guint k = i; k <= last; k++)
            g_array_index (lines, TriLine, k).junk = TRUE;
        }
      i = last + 1;
    }

  /* Credits and table pipes inside the lines that stay. */
  for (guint i = 0; i < lines->len; i++)
    {
      TriLine *line = &g_array_index (lines, TriLine, i);

      if (line->blank || line->junk)
        continue;
      find_table_pipes (text, line, blocks);
      find_credits (text, line, labels, blocks);
    }

  /* Sorted, merged where they touch, appended in order. */
  g_array_sort (blocks, compare_blocks);
  for (guint i = 0; i < blocks->len; i++)
    {
      const Block *b = &g_array_index (blocks, Block, i);
      TriBoilerplate block = { b->start, b->end, g_intern_string (b->why) };

      if (out->len > 0)
        {
          TriBoilerplate *prev = &g_array_index (out, TriBoilerplate, out->len - 1);

          if (b->start < prev->end || (b->start == prev->end && prev->why == block.why))
            {
              prev->end = MAX (prev->end, b->end);
              continue;
            }
        }
      g_array_append_val (out, block);
    }
}
