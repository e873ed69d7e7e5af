/* tri-article.c
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-article"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "tri-article-private.h"

/* An article owns the bytes it was read from, the normalised text every
 * later stage reads, and what those stages found. Offsets are into the
 * normalised text; tri_article_to_source_offset() maps them to the file. */
struct _TriArticle
{
  GObject         parent_instance;

  char           *id;
  char           *path;
  TriInputFormat  format;
  GBytes         *original;
  char           *charset;

  char           *text;
  gsize           text_len;
  TriOffsetMap   *map;
  guint           body_start;

  char           *language;
  char           *title;
  char           *outlet;
  char           *url;
  char           *note;

  char           *published;
  guint32         published_day;
  TriDateSource   published_source;
  char           *published_earliest;
  char           *published_latest;

  GArray         *stories;
  GArray         *boilerplate;
  GArray         *sentences;
  GPtrArray      *mentions;
  GPtrArray      *claims;
  GPtrArray      *cites;
};

G_DEFINE_FINAL_TYPE (TriArticle, tri_article, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PATH,
  PROP_LANGUAGE,
  PROP_TITLE,
  PROP_PUBLISHED,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
story_clear (gpointer data)
{
  TriStory *story = data;

  g_clear_pointer (&story->title, g_free);
  g_clear_pointer (&story->reference_iso, g_free);
}

static void
tri_article_finalize (GObject *object)
{
  TriArticle *self = (TriArticle *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->original, g_bytes_unref);
  g_clear_pointer (&self->charset, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->map, tri_offset_map_free);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->outlet, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->published, g_free);
  g_clear_pointer (&self->published_earliest, g_free);
  g_clear_pointer (&self->published_latest, g_free);
  g_clear_pointer (&self->stories, g_array_unref);
  g_clear_pointer (&self->boilerplate, g_array_unref);
  g_clear_pointer (&self->sentences, g_array_unref);
  g_clear_pointer (&self->mentions, g_ptr_array_unref);
  g_clear_pointer (&self->claims, g_ptr_array_unref);
  g_clear_pointer (&self->cites, g_ptr_array_unref);

  G_OBJECT_CLASS (tri_article_parent_class)->finalize (object);
}

static void
tri_article_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  TriArticle *self = TRI_ARTICLE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, tri_article_get_id (self));
      break;
    case PROP_PATH:
      g_value_set_string (value, tri_article_get_path (self));
      break;
    case PROP_LANGUAGE:
      g_value_set_string (value, tri_article_get_language (self));
      break;
    case PROP_TITLE:
      g_value_set_string (value, tri_article_get_title (self));
      break;
    case PROP_PUBLISHED:
      g_value_set_string (value, tri_article_get_published (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tri_article_class_init (TriArticleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tri_article_finalize;
  object_class->get_property = tri_article_get_property;

  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties [PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties [PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties [PROP_PUBLISHED] =
    g_param_spec_string ("published", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tri_article_init (TriArticle *self)
{
  self->stories = g_array_new (FALSE, TRUE, sizeof (TriStory));
  g_array_set_clear_func (self->stories, story_clear);
  self->boilerplate = g_array_new (FALSE, TRUE, sizeof (TriBoilerplate));
  self->sentences = g_array_new (FALSE, TRUE, sizeof (TriSpan));
  self->mentions = g_ptr_array_new_with_free_func ((GDestroyNotify) tri_mention_unref);
  self->cites = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->cites, NULL);
  self->language = g_strdup ("und");
}

TriArticle *
_tri_article_new (const char     *id,
                  const char     *path,
                  GBytes         *original,
                  TriInputFormat  format)
{
  TriArticle *self = g_object_new (TRI_TYPE_ARTICLE, NULL);

  self->id = g_strdup (id);
  self->path = g_strdup (path);
  self->original = original ? g_bytes_ref (original) : g_bytes_new (NULL, 0);
  self->format = format;
  return self;
}

/* Takes @text and @map. */
void
_tri_article_set_text (TriArticle   *self,
                       char         *text,
                       gsize         len,
                       TriOffsetMap *map)
{
  g_free (self->text);
  self->text = text;
  self->text_len = len;
  g_clear_pointer (&self->map, tri_offset_map_free);
  self->map = map;
}

#define DEFINE_STRING_SETTER(field)                                  \
  void                                                               \
  _tri_article_set_##field (TriArticle *self, const char *value)     \
  {                                                                  \
    g_return_if_fail (TRI_IS_ARTICLE (self));                        \
    if (g_strcmp0 (self->field, value) == 0)                         \
      return;                                                        \
    g_free (self->field);                                            \
    self->field = g_strdup (value);                                  \
  }

DEFINE_STRING_SETTER (id)
DEFINE_STRING_SETTER (charset)
DEFINE_STRING_SETTER (language)
DEFINE_STRING_SETTER (title)
DEFINE_STRING_SETTER (outlet)
DEFINE_STRING_SETTER (url)

#undef DEFINE_STRING_SETTER

const char *
tri_article_get_id (TriArticle *self)
{
  g_return_val_if_fail (TRI_IS_ARTICLE (self), NULL);
  return self->id;
}

const char *
tri_article_get_path (TriArticle *self)
{
  g_return_val_if_fail (TRI_IS_ARTICLE (self), NULL);
  return self->path;
}

TriInputFormat
tri_article_get_format (TriArticle *self)
{
  g_return_val_if_fail (TRI_IS_ARTICLE (self), TRI_INPUT_FORMAT_TEXT);
  return self->format;
}

const char *
tri_article_get_charset (TriArticle *self)
{
  g_return_val_if_fail (TRI_IS_ARTICLE (self), NULL);
  return self->charset;
}

/**
 * tri_article_get_original:
 * @self: a #TriArticle
 *
 * Returns: (transfer none): the bytes the article was read from
 */
GBytes *
tri_article_get_original (TriArticle *self)
{
  g_return_val_if_fail (TRI_IS_ARTICLE (self), NULL);
  return self->original;
}

/**
 * tri_article_get_text:
 * @self: a #TriArticle
 * @len: (out) (optional): its length in bytes
 *
 * Returns: the normalised (NFC, LF line ends) UTF-8 text every offset of
 *   the library's API points into
 */
const char *
tri_article_get_text (TriArticle *self,
                      gsize      *len)
{
  g_return_val_if_fail (TRI_IS_ARTICLE (self), NULL);
  if (len != NULL)
    *len = self->text_len;
  return self->text ? self->text : "";
}

const char *
tri_article_get_language (TriArticle *self)
{
  g_return_val_if_fail (TRI_IS_ARTICLE (self), NULL);
  return self->language;
}

const char *
tri_article_get_title (TriArticle *self)
{
  g_return_val_if_fail (TRI_IS_ARTICLE (self), NULL);
  return self->title;
}

const char *
tri_article_get_outlet (TriArticle *self)
{
  g_return_val_if_fail (TRI_IS_ARTICLE (self), NULL);
  return self->outlet;
}

const char *
tri_article_get_url (TriArticle *self)
{
  g_return_val_if_fail (TRI_IS_ARTICLE (self), NULL);
  return self->url;
}

/**
 * tri_article_get_note:
 * @self: a #TriArticle
 *
 * Returns: (nullable): the researcher's note on the whole article (see
 *   tri_project_apply_decisions()), or %NULL
 */
const char *
tri_article_get_note (TriArticle *self)
{
  g_return_val_if_fail (TRI_IS_ARTICLE (self), NULL);
  return self->note;
}

/**
 * tri_article_set_note:
 * @self: a #TriArticle
 * @note: (nullable): the researcher's note, or %NULL for none
 *
 * Sets what the researcher wrote about the whole article, for the reports.
 */
void
tri_article_set_note (TriArticle *self,
                      const char *note)
{
  g_return_if_fail (TRI_IS_ARTICLE (self));

  g_free (self->note);
  self->note = g_strdup (note);
}

/**
 * tri_article_get_published:
 * @self: a #TriArticle
 *
 * Returns: (nullable): the publication date as YYYY-MM-DD, when known
 */
const char *
tri_article_get_published (TriArticle *self)
{
  g_return_val_if_fail (TRI_IS_ARTICLE (self), NULL);
  return self->published;
}

TriDateSource
tri_article_get_published_source (TriArticle *self)
{
  g_return_val_if_fail (TRI_IS_ARTICLE (self), TRI_DATE_SOURCE_UNKNOWN);
  return self->published_source;
}

/**
 * tri_article_get_published_earliest:
 * @self: a #TriArticle
 *
 * Returns: (nullable): the earliest the article can have been published,
 *   when the date is inferred or unknown
 */
const char *
tri_article_get_published_earliest (TriArticle *self)
{
  g_return_val_if_fail (TRI_IS_ARTICLE (self), NULL);
  return self->published_earliest;
}

/**
 * tri_article_get_published_latest:
 * @self: a #TriArticle
 *
 * Returns: (nullable): the latest the article can have been published
 */
const char *
tri_article_get_published_latest (TriArticle *self)
{
  g_return_val_if_fail (TRI_IS_ARTICLE (self), NULL);
  return self->published_latest;
}

static guint32
parse_iso_day (const char *iso)
{
  int y, m, d;
  char tail;
  GDate date;

  if (iso == NULL || sscanf (iso, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3)
    return 0;
  if (!g_date_valid_dmy (d, m, y))
    return 0;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return g_date_get_julian (&date);
}

/**
 * tri_article_set_published:
 * @self: a #TriArticle
 * @iso_date: (nullable): YYYY-MM-DD, or %NULL to forget it
 * @source: where it comes from
 *
 * Sets the publication date. Stories that took their reference date from
 * the publication date follow it.
 */
void
tri_article_set_published (TriArticle    *self,
                           const char    *iso_date,
                           TriDateSource  source)
{
  guint32 day;

  g_return_if_fail (TRI_IS_ARTICLE (self));

  day = parse_iso_day (iso_date);
  if (iso_date != NULL && day == 0)
    {
      g_warning ("Not a date: %s", iso_date);
      return;
    }

  if (g_strcmp0 (self->published, iso_date) == 0 && self->published_source == source)
    return;

  g_free (self->published);
  self->published = g_strdup (iso_date);
  self->published_day = day;
  self->published_source = iso_date ? source : TRI_DATE_SOURCE_UNKNOWN;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PUBLISHED]);
}

void
_tri_article_set_published_bounds (TriArticle *self,
                                   const char *earliest,
                                   const char *latest)
{
  g_free (self->published_earliest);
  self->published_earliest = g_strdup (earliest);
  g_free (self->published_latest);
  self->published_latest = g_strdup (latest);
}

guint32
_tri_article_get_published_day (TriArticle *self)
{
  return self->published_day;
}

void
_tri_article_set_body_start (TriArticle *self,
                             guint       offset)
{
  self->body_start = offset;
}

guint
_tri_article_get_body_start (TriArticle *self)
{
  return self->body_start;
}

GArray *
_tri_article_get_stories (TriArticle *self)
{
  return self->stories;
}

void
_tri_article_add_story (TriArticle *self,
                        guint       start,
                        guint       end,
                        const char *title)
{
  TriStory story = { start, end, g_strdup (title), 0, TRI_DATE_SOURCE_UNKNOWN, NULL };

  g_array_append_val (self->stories, story);
}

void
_tri_article_set_story_reference (TriArticle    *self,
                                  guint          index,
                                  guint32        julian_day,
                                  TriDateSource  source)
{
  TriStory *story;

  g_return_if_fail (index < self->stories->len);

  story = &g_array_index (self->stories, TriStory, index);
  story->reference = julian_day;
  story->reference_source = source;
  g_clear_pointer (&story->reference_iso, g_free);
  if (julian_day > 0 && g_date_valid_julian (julian_day))
    {
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, julian_day);
      story->reference_iso = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date),
                                              g_date_get_month (&date), g_date_get_day (&date));
    }
}

/* The story holding @offset, or the first story. */
const TriStory *
_tri_article_story_at (TriArticle *self,
                       guint       offset)
{
  for (guint i = 0; i < self->stories->len; i++)
    {
      const TriStory *story = &g_array_index (self->stories, TriStory, i);

      if (offset >= story->start && offset < story->end)
        return story;
    }
  return self->stories->len ? &g_array_index (self->stories, TriStory, 0) : NULL;
}

GArray *
_tri_article_get_boilerplate (TriArticle *self)
{
  return self->boilerplate;
}

static int
compare_boilerplate (gconstpointer a,
                     gconstpointer b)
{
  const TriBoilerplate *x = a, *y = b;

  return (x->start > y->start) - (x->start < y->start);
}

void
_tri_article_add_boilerplate (TriArticle *self,
                              guint       start,
                              guint       end,
                              const char *why)
{
  TriBoilerplate block = { start, end, g_intern_string (why) };

  g_return_if_fail (start <= end && end <= self->text_len);

  g_array_append_val (self->boilerplate, block);
  g_array_sort (self->boilerplate, compare_boilerplate);
}

GArray *
_tri_article_get_sentences (TriArticle *self)
{
  return self->sentences;
}

/* Takes @mention. */
void
_tri_article_add_mention (TriArticle *self,
                          TriMention *mention)
{
  g_return_if_fail (mention->end <= self->text_len);

  g_ptr_array_add (self->mentions, mention);
}

static int
compare_mentions (gconstpointer a,
                  gconstpointer b)
{
  const TriMention *x = *(TriMention * const *) a;
  const TriMention *y = *(TriMention * const *) b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->kind != y->kind)
    return x->kind < y->kind ? -1 : 1;
  return (x->end > y->end) - (x->end < y->end);
}

void
_tri_article_sort_mentions (TriArticle *self)
{
  g_ptr_array_sort (self->mentions, compare_mentions);
}

void
_tri_article_add_cite (TriArticle *self,
                       const char *who)
{
  for (guint i = 0; i + 1 < self->cites->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->cites, i), who) == 0)
      return;
  g_ptr_array_insert (self->cites, self->cites->len - 1, g_strdup (who));
}

/* Takes @claims. */
void
_tri_article_set_claims (TriArticle *self,
                         GPtrArray  *claims)
{
  g_clear_pointer (&self->claims, g_ptr_array_unref);
  self->claims = claims;
}

GPtrArray *
_tri_article_get_claims (TriArticle *self)
{
  return self->claims;
}

guint
tri_article_get_n_sentences (TriArticle *self)
{
  g_return_val_if_fail (TRI_IS_ARTICLE (self), 0);
  return self->sentences->len;
}

/**
 * tri_article_get_sentence:
 * @self: a #TriArticle
 * @index: which sentence
 * @start: (out) (optional): its first byte
 * @end: (out) (optional): the byte after it
 *
 * Returns: %TRUE if there is such a sentence
 */
gboolean
tri_article_get_sentence (TriArticle *self,
                          guint       index,
                          guint      *start,
                          guint      *end)
{
  const TriSpan *span;

  g_return_val_if_fail (TRI_IS_ARTICLE (self), FALSE);

  if (index >= self->sentences->len)
    return FALSE;
  span = &g_array_index (self->sentences, TriSpan, index);
  if (start)
    *start = span->start;
  if (end)
    *end = span->end;
  return TRUE;
}

/**
 * tri_article_find_sentence:
 * @self: a #TriArticle
 * @offset: a byte offset in the text
 *
 * Returns: the index of the sentence holding @offset, or G_MAXUINT
 */
guint
tri_article_find_sentence (TriArticle *self,
                           guint       offset)
{
  guint lo = 0, hi = self->sentences->len;

  g_return_val_if_fail (TRI_IS_ARTICLE (self), G_MAXUINT);

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      const TriSpan *span = &g_array_index (self->sentences, TriSpan, mid);

      if (offset < span->start)
        hi = mid;
      else if (offset >= span->end)
        lo = mid + 1;
      else
        return mid;
    }
  return G_MAXUINT;
}

guint
tri_article_get_n_stories (TriArticle *self)
{
  g_return_val_if_fail (TRI_IS_ARTICLE (self), 0);
  return self->stories->len;
}

/**
 * tri_article_get_story:
 * @self: a #TriArticle
 * @index: which story
 * @start: (out) (optional): its first byte
 * @end: (out) (optional): the byte after it
 * @title: (out) (optional) (transfer none) (nullable): its headline
 * @reference_date: (out) (optional) (transfer none) (nullable): the date
 *   its relative dates are read against, YYYY-MM-DD
 *
 * Returns: %TRUE if there is such a story
 */
gboolean
tri_article_get_story (TriArticle  *self,
                       guint        index,
                       guint       *start,
                       guint       *end,
                       const char **title,
                       const char **reference_date)
{
  const TriStory *story;

  g_return_val_if_fail (TRI_IS_ARTICLE (self), FALSE);

  if (index >= self->stories->len)
    return FALSE;
  story = &g_array_index (self->stories, TriStory, index);
  if (start)
    *start = story->start;
  if (end)
    *end = story->end;
  if (title)
    *title = story->title;
  if (reference_date)
    *reference_date = story->reference_iso;
  return TRUE;
}

guint
tri_article_get_n_boilerplate (TriArticle *self)
{
  g_return_val_if_fail (TRI_IS_ARTICLE (self), 0);
  return self->boilerplate->len;
}

/**
 * tri_article_get_boilerplate:
 * @self: a #TriArticle
 * @index: which block
 * @start: (out) (optional): its first byte
 * @end: (out) (optional): the byte after it
 * @why: (out) (optional) (transfer none): why it is not part of the article
 *
 * Returns: %TRUE if there is such a block
 */
gboolean
tri_article_get_boilerplate (TriArticle  *self,
                             guint        index,
                             guint       *start,
                             guint       *end,
                             const char **why)
{
  const TriBoilerplate *block;

  g_return_val_if_fail (TRI_IS_ARTICLE (self), FALSE);

  if (index >= self->boilerplate->len)
    return FALSE;
  block = &g_array_index (self->boilerplate, TriBoilerplate, index);
  if (start)
    *start = block->start;
  if (end)
    *end = block->end;
  if (why)
    *why = block->why;
  return TRUE;
}

/**
 * tri_article_is_content:
 * @self: a #TriArticle
 * @start: first byte
 * @end: byte after the last
 *
 * Returns: %TRUE if the span is article text: not metadata, not boilerplate
 */
gboolean
tri_article_is_content (TriArticle *self,
                        guint       start,
                        guint       end)
{
  g_return_val_if_fail (TRI_IS_ARTICLE (self), FALSE);

  if (start < self->body_start)
    return FALSE;
  for (guint i = 0; i < self->boilerplate->len; i++)
    {
      const TriBoilerplate *b = &g_array_index (self->boilerplate, TriBoilerplate, i);

      if (b->start >= end)
        break;
      if (start < b->end && b->start < end)
        return FALSE;
    }
  return TRUE;
}

/**
 * tri_article_get_mentions:
 * @self: a #TriArticle
 *
 * Returns: (transfer none) (element-type TriMention): what was found, in
 *   text order
 */
GPtrArray *
tri_article_get_mentions (TriArticle *self)
{
  g_return_val_if_fail (TRI_IS_ARTICLE (self), NULL);
  return self->mentions;
}

/**
 * tri_article_get_cites:
 * @self: a #TriArticle
 *
 * Returns: (transfer none) (array zero-terminated=1): the agencies and
 *   outlets the article credits
 */
const char * const *
tri_article_get_cites (TriArticle *self)
{
  g_return_val_if_fail (TRI_IS_ARTICLE (self), NULL);
  return (const char * const *) self->cites->pdata;
}

/**
 * tri_article_to_source_offset:
 * @self: a #TriArticle
 * @offset: a byte offset into the normalised text
 * @is_end: whether @offset ends a span (exclusive)
 *
 * Returns: the byte offset into the file as read from disk
 */
gsize
tri_article_to_source_offset (TriArticle *self,
                              gsize       offset,
                              gboolean    is_end)
{
  g_return_val_if_fail (TRI_IS_ARTICLE (self), 0);

  if (self->map == NULL)
    return offset;
  return is_end ? tri_offset_map_end (self->map, offset)
                : tri_offset_map_start (self->map, offset);
}

/**
 * tri_article_dup_span:
 * @self: a #TriArticle
 * @start: first byte
 * @end: byte after the last
 *
 * Returns: (transfer full): a copy of that part of the normalised text
 */
char *
tri_article_dup_span (TriArticle *self,
                      guint       start,
                      guint       end)
{
  g_return_val_if_fail (TRI_IS_ARTICLE (self), NULL);
  g_return_val_if_fail (start <= end && end <= self->text_len, NULL);

  return g_strndup (self->text + start, end - start);
}
