/* tri-html.c: the article inside a saved web page
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-html"

#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>
#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>

#include "tri-ingest-private.h"
#include "tri-segment-private.h"

/* libxml2's HTML parser reads the page as a stream of SAX events; no tree
 * is built. Text is cut into blocks at block-level elements, each block
 * remembering the element that holds it, how much of it is link text, and
 * whether it sits in navigation, a header, footer, aside, form control,
 * comment thread or share bar (by tag, role and class/id words). Blocks
 * of prose score their parent and grandparent (the Readability way); the
 * element with the best score, discounted by its link density, holds the
 * article. Its blocks, plus the headline and the byline/dateline between
 * headline and body, become the text.
 *
 * Every byte of the text remembers the byte of the page it came from: a
 * run of characters is found where the parser stands (xmlByteConsumed),
 * an entity maps to its "&…;". The page's metadata (<meta>, JSON-LD,
 * <time datetime>, <link rel=canonical>) gives title, outlet, URL and
 * publication date.
 *
 * Nothing here recurses: open elements live on an explicit stack whose
 * depth is bounded, so deeply nested pages cannot exhaust the C stack. */

#define MAX_DEPTH       512
#define MIN_BODY_CHARS  100
#define MAX_META_TEXT   4096

enum {
  F_NEG    = 1 << 0,   /* navigation, comments, related links … */
  F_SKIP   = 1 << 1,   /* not text at all: scripts, styles, controls */
  F_POS    = 1 << 2,   /* called article / content / story */
  F_BODY   = 1 << 3,   /* itemprop=articleBody */
  F_INART  = 1 << 4,   /* inside <article> or <main> */
};

typedef enum {
  TAG_OTHER,
  TAG_INLINE_BLOCK,     /* block-level: cuts text into blocks */
  TAG_A,
  TAG_ARTICLE,
  TAG_ASIDE,
  TAG_BR,
  TAG_FOOTER,
  TAG_H1,
  TAG_HEADING,
  TAG_HEADER,
  TAG_HTML,
  TAG_LINK,
  TAG_MAIN,
  TAG_META,
  TAG_NAV,
  TAG_P,
  TAG_SCRIPT,
  TAG_SKIP,
  TAG_TIME,
  TAG_TITLE,
  TAG_BODY,
} Tag;

typedef struct
{
  const char *name;
  Tag         tag;
} TagName;

/* Sorted by name, for bsearch. */
static const TagName tag_names[] = {
  { "a", TAG_A },
  { "address", TAG_INLINE_BLOCK },
  { "article", TAG_ARTICLE },
  { "aside", TAG_ASIDE },
  { "audio", TAG_SKIP },
  { "blockquote", TAG_INLINE_BLOCK },
  { "body", TAG_BODY },
  { "br", TAG_BR },
  { "button", TAG_SKIP },
  { "canvas", TAG_SKIP },
  { "caption", TAG_INLINE_BLOCK },
  { "center", TAG_INLINE_BLOCK },
  { "dd", TAG_INLINE_BLOCK },
  { "details", TAG_INLINE_BLOCK },
  { "dialog", TAG_SKIP },
  { "div", TAG_INLINE_BLOCK },
  { "dl", TAG_INLINE_BLOCK },
  { "dt", TAG_INLINE_BLOCK },
  { "embed", TAG_SKIP },
  { "fieldset", TAG_INLINE_BLOCK },
  { "figcaption", TAG_INLINE_BLOCK },
  { "figure", TAG_INLINE_BLOCK },
  { "footer", TAG_FOOTER },
  { "form", TAG_INLINE_BLOCK },
  { "h1", TAG_H1 },
  { "h2", TAG_HEADING },
  { "h3", TAG_HEADING },
  { "h4", TAG_HEADING },
  { "h5", TAG_HEADING },
  { "h6", TAG_HEADING },
  { "head", TAG_OTHER },
  { "header", TAG_HEADER },
  { "hr", TAG_BR },
  { "html", TAG_HTML },
  { "iframe", TAG_SKIP },
  { "input", TAG_SKIP },
  { "legend", TAG_INLINE_BLOCK },
  { "li", TAG_INLINE_BLOCK },
  { "link", TAG_LINK },
  { "main", TAG_MAIN },
  { "math", TAG_SKIP },
  { "menu", TAG_NAV },
  { "meta", TAG_META },
  { "nav", TAG_NAV },
  { "noscript", TAG_SKIP },
  { "object", TAG_SKIP },
  { "ol", TAG_INLINE_BLOCK },
  { "option", TAG_SKIP },
  { "p", TAG_P },
  { "pre", TAG_INLINE_BLOCK },
  { "script", TAG_SCRIPT },
  { "section", TAG_INLINE_BLOCK },
  { "select", TAG_SKIP },
  { "style", TAG_SKIP },
  { "summary", TAG_INLINE_BLOCK },
  { "svg", TAG_SKIP },
  { "table", TAG_INLINE_BLOCK },
  { "tbody", TAG_INLINE_BLOCK },
  { "td", TAG_INLINE_BLOCK },
  { "template", TAG_SKIP },
  { "textarea", TAG_SKIP },
  { "tfoot", TAG_INLINE_BLOCK },
  { "th", TAG_INLINE_BLOCK },
  { "thead", TAG_INLINE_BLOCK },
  { "time", TAG_TIME },
  { "title", TAG_TITLE },
  { "tr", TAG_INLINE_BLOCK },
  { "ul", TAG_INLINE_BLOCK },
  { "video", TAG_SKIP },
};

static int
compare_tag_name (const void *key,
                  const void *item)
{
  return strcmp (key, ((const TagName *) item)->name);
}

static Tag
tag_of (const char *name)
{
  const TagName *t = bsearch (name, tag_names, G_N_ELEMENTS (tag_names), sizeof (TagName),
                              compare_tag_name);

  return t ? t->tag : TAG_OTHER;
}

/* Element names come from the parser's dictionary, so the same name comes
 * back at the same address: a small cache keyed by address saves the
 * binary search. The name is kept too, so that an address reused for
 * another name (a name from outside the dictionary) cannot fool it. */
#define TAG_CACHE_SIZE 64   /* the hash below keeps 6 bits */
#define TAG_CACHE_NAME 16

typedef struct
{
  const void *key;
  Tag         tag;
  char        name[TAG_CACHE_NAME];
} TagCacheEntry;

static Tag
tag_of_cached (TagCacheEntry *cache,
               const char    *name)
{
  /* The dictionary packs short names next to each other: mix the whole
   * address, or "a" and "li" share a slot and evict each other. */
  TagCacheEntry *e = &cache[((guint64) (guintptr) name * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> 58];
  gsize len;

  if (e->key == name && strcmp (e->name, name) == 0)
    return e->tag;
  len = strlen (name);
  if (len >= TAG_CACHE_NAME)
    return tag_of (name);
  e->key = name;
  e->tag = tag_of (name);
  memcpy (e->name, name, len + 1);
  return e->tag;
}

/* Characters in UTF-8 text: the bytes that do not continue a sequence
 * (10xxxxxx), counted eight at a time. */
static guint
count_chars (const char *text,
             gsize       len)
{
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  guint n = len;
  gsize i = 0;

  for (; i + 8 <= len; i += 8)
    {
      guint64 w, cont;

      memcpy (&w, text + i, 8);
      cont = (w >> 7) & ~(w >> 6) & ones;
      n -= (guint) ((cont * ones) >> 56);
    }
  for (; i < len; i++)
    n -= ((guchar) text[i] & 0xC0) == 0x80;
  return n;
}

static gboolean
is_block_tag (Tag tag)
{
  switch (tag)
    {
    case TAG_INLINE_BLOCK:
    case TAG_ARTICLE:
    case TAG_ASIDE:
    case TAG_BODY:
    case TAG_BR:
    case TAG_FOOTER:
    case TAG_H1:
    case TAG_HEADING:
    case TAG_HEADER:
    case TAG_MAIN:
    case TAG_NAV:
    case TAG_P:
    case TAG_TITLE:
    case TAG_SCRIPT:
    case TAG_SKIP:
      return TRUE;
    case TAG_OTHER:
    case TAG_A:
    case TAG_HTML:
    case TAG_LINK:
    case TAG_META:
    case TAG_TIME:
    default:
      return FALSE;
    }
}

/* Words in class and id that mark what is not the article; sorted, for
 * bsearch. */
static const char *const negative_words[] = {
  "ad", "ads", "adv", "advert", "advertisement", "advertising", "banner", "breadcrumb",
  "breadcrumbs", "comment", "comments", "cookie", "cookies", "discussion", "disqus", "footer",
  "hidden", "login", "masthead", "menu", "modal", "more", "mostread", "nav", "navbar",
  "navigation", "newsletter", "outbrain", "pagination", "popular", "popup", "promo", "rating",
  "recommended", "related", "reply", "respond", "share", "sharing", "sidebar", "signup", "social",
  "sponsor", "sponsored", "subscribe", "subscription", "taboola", "tags", "toolbar", "topbar",
  "trending", "widget",
};

static const char *const positive_words[] = {
  "article", "articlebody", "body", "content", "detail", "entry", "fck", "main", "post", "story",
  "text",
};

static int
compare_word (const void *key,
              const void *item)
{
  return strcmp (key, *(const char * const *) item);
}

static guint
class_flags (const char *value)
{
  guint flags = 0;
  char word[32];
  gsize n = 0;

  for (const char *p = value; ; p++)
    {
      char c = *p;

      if (g_ascii_isalnum (c))
        {
          if (n < sizeof word - 1)
            word[n++] = c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
          continue;
        }
      if (n > 0 && n < sizeof word - 1)
        {
          word[n] = '\0';
          if (bsearch (word, negative_words, G_N_ELEMENTS (negative_words), sizeof (char *),
                       compare_word) != NULL)
            flags |= F_NEG;
          else if (bsearch (word, positive_words, G_N_ELEMENTS (positive_words), sizeof (char *),
                            compare_word) != NULL)
            flags |= F_POS;
        }
      n = 0;
      if (c == '\0')
        break;
    }
  return flags;
}

typedef struct
{
  int     parent;
  Tag     tag;
  guint   flags;
  double  score;
  guint   chars;
  guint   link_chars;
} Node;

typedef struct
{
  guint32 src;
  guint32 width;     /* source bytes this byte stands for; 0 inside an entity */
} Pos;

/* Where the bytes of buf come from, one run per characters callback: a
 * copy of the page from src on, or (entity) all from the width bytes at
 * src. */
typedef struct
{
  guint32 start;     /* into State.buf */
  guint32 src;
  guint32 width;     /* 0 for a copy */
} Run;

typedef struct
{
  int    node;
  guint  start;      /* into State.buf */
  guint  end;
  guint  chars;
  guint  link_chars;
  guint  flags;
  Tag    tag;
} Block;

typedef struct
{
  htmlParserCtxtPtr ctxt;
  const char       *input;
  gsize             input_len;
  gsize             last_end;

  GArray           *nodes;      /* Node */
  int               stack[MAX_DEPTH];   /* open elements */
  guint             depth;
  guint             overflow;   /* open elements past MAX_DEPTH */
  guint             skip;       /* open skipping elements */
  guint             in_link;

  GString          *buf;        /* text of the blocks, as parsed */
  GArray           *runs;       /* Run, in the order of buf */
  guint             block_start;
  guint             block_links;
  GArray           *blocks;     /* Block */

  gboolean          in_title;
  gboolean          in_ldjson;
  GString          *title_text;
  GString          *ldjson;
  GPtrArray        *ldjson_docs;

  char             *meta_title;
  char             *meta_site;
  char             *meta_url;
  char             *meta_date;
  char             *meta_lang;
  char             *canonical;
  char             *html_lang;
  GArray           *times;      /* TimeMark */
  TagCacheEntry     tag_cache[TAG_CACHE_SIZE];
} State;

typedef struct
{
  int   node;
  guint block;                  /* blocks->len when it opened */
  char *datetime;
} TimeMark;

static int
current_node (State *st)
{
  return st->depth ? st->stack[st->depth - 1] : -1;
}

static guint
current_flags (State *st)
{
  int n = current_node (st);

  return n >= 0 ? g_array_index (st->nodes, Node, n).flags : 0;
}

static void
flush_block (State *st)
{
  Block b;
  gboolean has_text = FALSE;

  for (guint i = st->block_start; i < st->buf->len && !has_text; i++)
    has_text = !g_ascii_isspace (st->buf->str[i]);
  if (has_text)
    {
      b.node = current_node (st);
      b.start = st->block_start;
      b.end = st->buf->len;
      b.chars = count_chars (st->buf->str + b.start, b.end - b.start);
      b.link_chars = MIN (st->block_links, b.chars);
      b.flags = current_flags (st);
      b.tag = b.node >= 0 ? g_array_index (st->nodes, Node, b.node).tag : TAG_OTHER;
      g_array_append_val (st->blocks, b);
    }
  else
    {
      guint n = st->runs->len;

      while (n > 0 && g_array_index (st->runs, Run, n - 1).start >= st->block_start)
        n--;
      g_string_truncate (st->buf, st->block_start);
      g_array_set_size (st->runs, n);
    }
  st->block_start = st->buf->len;
  st->block_links = 0;
}

/* The attributes an element is judged by, read in one pass. */
typedef struct
{
  const char *aria_hidden;
  const char *cls;
  const char *content;
  const char *datetime;
  const char *hidden;
  const char *href;
  const char *http_equiv;
  const char *id;
  const char *itemprop;
  const char *lang;
  const char *name;
  const char *property;
  const char *rel;
  const char *role;
  const char *style;
  const char *type;
} Attrs;

static void
read_attrs (const xmlChar **attrs,
            Attrs          *a)
{
  static const struct {
    const char *name;
    gsize       offset;
  } wanted[] = {
    { "aria-hidden", G_STRUCT_OFFSET (Attrs, aria_hidden) },
    { "class", G_STRUCT_OFFSET (Attrs, cls) },
    { "content", G_STRUCT_OFFSET (Attrs, content) },
    { "datetime", G_STRUCT_OFFSET (Attrs, datetime) },
    { "hidden", G_STRUCT_OFFSET (Attrs, hidden) },
    { "href", G_STRUCT_OFFSET (Attrs, href) },
    { "http-equiv", G_STRUCT_OFFSET (Attrs, http_equiv) },
    { "id", G_STRUCT_OFFSET (Attrs, id) },
    { "itemprop", G_STRUCT_OFFSET (Attrs, itemprop) },
    { "lang", G_STRUCT_OFFSET (Attrs, lang) },
    { "name", G_STRUCT_OFFSET (Attrs, name) },
    { "property", G_STRUCT_OFFSET (Attrs, property) },
    { "rel", G_STRUCT_OFFSET (Attrs, rel) },
    { "role", G_STRUCT_OFFSET (Attrs, role) },
    { "style", G_STRUCT_OFFSET (Attrs, style) },
    { "type", G_STRUCT_OFFSET (Attrs, type) },
  };

  memset (a, 0, sizeof *a);
  if (attrs == NULL)
    return;
  for (guint i = 0; attrs[i] != NULL; i += 2)
    {
      const char *key = (const char *) attrs[i];
      char first = g_ascii_tolower (key[0]);

      for (guint w = 0; w < G_N_ELEMENTS (wanted); w++)
        {
          const char **slot;

          if (wanted[w].name[0] != first || g_ascii_strcasecmp (key, wanted[w].name) != 0)
            continue;
          /* The first of repeated attributes counts, as in browsers. */
          slot = G_STRUCT_MEMBER_P (a, wanted[w].offset);
          if (*slot == NULL)
            *slot = attrs[i + 1] ? (const char *) attrs[i + 1] : "";
          break;
        }
    }
}

static void
set_once (char       **field,
          const char  *value)
{
  /* A page's bytes, and json-glib's strings, are not always UTF-8; a
   * value cut short can end inside a character. */
  if (*field == NULL && value != NULL && *value != '\0')
    *field = g_utf8_make_valid (value, strnlen (value, MAX_META_TEXT));
}

static void
read_meta (State       *st,
           const Attrs *a)
{
  const char *key = a->property;
  const char *content = a->content;
  g_autofree char *lower = NULL;

  if (key == NULL)
    key = a->name;
  if (key == NULL)
    key = a->itemprop;
  if (key == NULL)
    key = a->http_equiv;
  if (key == NULL || content == NULL)
    return;
  lower = g_ascii_strdown (key, -1);

  if (g_str_equal (lower, "og:title") || g_str_equal (lower, "twitter:title") ||
      g_str_equal (lower, "dc.title") || g_str_equal (lower, "headline"))
    set_once (&st->meta_title, content);
  else if (g_str_equal (lower, "og:site_name") || g_str_equal (lower, "application-name") ||
           g_str_equal (lower, "dc.publisher") || g_str_equal (lower, "publisher"))
    set_once (&st->meta_site, content);
  else if (g_str_equal (lower, "og:url") || g_str_equal (lower, "twitter:url"))
    set_once (&st->meta_url, content);
  else if (g_str_equal (lower, "article:published_time") || g_str_equal (lower, "datepublished") ||
           g_str_equal (lower, "og:published_time") || g_str_equal (lower, "published_time") ||
           g_str_equal (lower, "dc.date") || g_str_equal (lower, "dc.date.issued") ||
           g_str_equal (lower, "dcterms.created") || g_str_equal (lower, "dcterms.issued") ||
           g_str_equal (lower, "dcterms.date") || g_str_equal (lower, "pubdate") ||
           g_str_equal (lower, "publishdate") || g_str_equal (lower, "publish-date") ||
           g_str_equal (lower, "date") || g_str_equal (lower, "parsely-pub-date") ||
           g_str_equal (lower, "sailthru.date") || g_str_equal (lower, "article.published"))
    set_once (&st->meta_date, content);
  else if (g_str_equal (lower, "og:locale") || g_str_equal (lower, "content-language") ||
           g_str_equal (lower, "language") || g_str_equal (lower, "dc.language"))
    set_once (&st->meta_lang, content);
}

static void
on_start (void           *data,
          const xmlChar  *name,
          const xmlChar **attrs)
{
  State *st = data;
  Tag tag = tag_of_cached (st->tag_cache, (const char *) name);
  Node node = { current_node (st), tag, current_flags (st) & (F_NEG | F_SKIP | F_INART), 0, 0, 0 };
  const char *v;
  Attrs a;
  int index;

  read_attrs (attrs, &a);

  switch (tag)
    {
    case TAG_META:
      read_meta (st, &a);
      return;
    case TAG_LINK:
      if (a.rel != NULL && g_ascii_strcasecmp (a.rel, "canonical") == 0)
        set_once (&st->canonical, a.href);
      return;
    case TAG_HTML:
      set_once (&st->html_lang, a.lang);
      break;
    case TAG_BR:
      if (st->skip == 0)
        flush_block (st);
      return;
    case TAG_OTHER:
    case TAG_INLINE_BLOCK:
    case TAG_A:
    case TAG_ARTICLE:
    case TAG_ASIDE:
    case TAG_FOOTER:
    case TAG_H1:
    case TAG_HEADING:
    case TAG_HEADER:
    case TAG_MAIN:
    case TAG_NAV:
    case TAG_P:
    case TAG_SCRIPT:
    case TAG_SKIP:
    case TAG_TIME:
    case TAG_TITLE:
    case TAG_BODY:
    default:
      break;
    }

  if (is_block_tag (tag) && st->skip == 0)
    flush_block (st);

  if (st->depth >= MAX_DEPTH)
    {
      st->overflow++;
      return;
    }

  switch (tag)
    {
    case TAG_NAV:
    case TAG_ASIDE:
    case TAG_FOOTER:
      node.flags |= F_NEG;
      break;
    case TAG_HEADER:
      if (!(node.flags & F_INART))
        node.flags |= F_NEG;
      break;
    case TAG_ARTICLE:
    case TAG_MAIN:
      node.flags |= F_INART | F_POS;
      break;
    case TAG_SKIP:
      node.flags |= F_SKIP;
      break;
    case TAG_SCRIPT:
      node.flags |= F_SKIP;
      if (a.type != NULL && strstr (a.type, "ld+json") != NULL)
        {
          st->in_ldjson = TRUE;
          g_string_truncate (st->ldjson, 0);
        }
      break;
    case TAG_TITLE:
      node.flags |= F_SKIP;
      if (st->title_text->len == 0)
        st->in_title = TRUE;
      break;
    case TAG_A:
      st->in_link++;
      break;
    case TAG_TIME:
      {
        TimeMark t = { -1, st->blocks->len, NULL };

        v = a.datetime;
        if (v != NULL && *v)
          {
            t.datetime = g_strndup (v, 64);
            t.node = st->nodes->len;
            g_array_append_val (st->times, t);
          }
      }
      break;
    case TAG_OTHER:
    case TAG_INLINE_BLOCK:
    case TAG_BR:
    case TAG_H1:
    case TAG_HEADING:
    case TAG_HTML:
    case TAG_LINK:
    case TAG_META:
    case TAG_P:
    case TAG_BODY:
    default:
      break;
    }

  if (attrs != NULL)
    {
      const char *cls = a.cls;
      const char *id = a.id;
      const char *role = a.role;
      const char *itemprop = a.itemprop;
      guint cf = 0;

      if (cls)
        cf |= class_flags (cls);
      if (id)
        cf |= class_flags (id);
      /* A page's outer elements carry words like "has-sidebar". */
      if (tag == TAG_HTML || tag == TAG_BODY || tag == TAG_ARTICLE || tag == TAG_MAIN)
        cf &= ~F_NEG;
      node.flags |= cf;
      if (role && (g_str_equal (role, "navigation") || g_str_equal (role, "banner") ||
                   g_str_equal (role, "contentinfo") || g_str_equal (role, "complementary") ||
                   g_str_equal (role, "search") || g_str_equal (role, "menu")))
        node.flags |= F_NEG;
      if (itemprop && g_ascii_strcasecmp (itemprop, "articleBody") == 0)
        node.flags = (node.flags & ~F_NEG) | F_BODY | F_POS;
      if (itemprop && g_ascii_strcasecmp (itemprop, "datePublished") == 0)
        {
          set_once (&st->meta_date, a.content);
          set_once (&st->meta_date, a.datetime);
        }
      if (a.hidden != NULL ||
          (a.aria_hidden != NULL && g_str_equal (a.aria_hidden, "true")) ||
          (a.style != NULL &&
           (strstr (a.style, "display:none") != NULL || strstr (a.style, "display: none") != NULL)))
        node.flags |= F_SKIP;
    }

  if (node.flags & F_SKIP)
    st->skip++;
  index = st->nodes->len;
  g_array_append_val (st->nodes, node);
  st->stack[st->depth++] = index;
}

static void
on_end (void          *data,
        const xmlChar *name)
{
  State *st = data;
  Tag tag = tag_of_cached (st->tag_cache, (const char *) name);
  int index;
  Node *node;

  switch (tag)
    {
    case TAG_META:
    case TAG_LINK:
    case TAG_BR:
      return;
    case TAG_OTHER:
    case TAG_INLINE_BLOCK:
    case TAG_A:
    case TAG_ARTICLE:
    case TAG_ASIDE:
    case TAG_FOOTER:
    case TAG_H1:
    case TAG_HEADING:
    case TAG_HEADER:
    case TAG_HTML:
    case TAG_MAIN:
    case TAG_NAV:
    case TAG_P:
    case TAG_SCRIPT:
    case TAG_SKIP:
    case TAG_TIME:
    case TAG_TITLE:
    case TAG_BODY:
    default:
      break;
    }

  if (st->overflow > 0)
    {
      st->overflow--;
      return;
    }
  if (st->depth == 0)
    return;

  if (is_block_tag (tag) && st->skip == 0)
    flush_block (st);

  index = st->stack[st->depth - 1];
  node = &g_array_index (st->nodes, Node, index);
  if (node->tag == TAG_A && st->in_link > 0)
    st->in_link--;
  if (node->tag == TAG_SCRIPT && st->in_ldjson)
    {
      st->in_ldjson = FALSE;
      if (st->ldjson->len > 0 && st->ldjson_docs->len < 16)
        g_ptr_array_add (st->ldjson_docs, g_strndup (st->ldjson->str, st->ldjson->len));
    }
  if (node->tag == TAG_TITLE)
    st->in_title = FALSE;
  if (node->flags & F_SKIP)
    st->skip--;
  st->depth--;
}

/* Where the parser's last characters came from: the run that ends where
 * it stands, or the entity ("&amp;") just before that. */
static void
on_characters (void          *data,
               const xmlChar *ch,
               int            len)
{
  State *st = data;
  gsize end, start = 0;
  gboolean raw = FALSE;
  Run run;

  if (len <= 0)
    return;
  if (st->skip > 0)
    {
      if (st->in_ldjson && st->ldjson->len < 1024 * 1024)
        g_string_append_len (st->ldjson, (const char *) ch, len);
      else if (st->in_title && st->title_text->len < MAX_META_TEXT)
        g_string_append_len (st->title_text, (const char *) ch, len);
      return;
    }

  end = (gsize) MAX (0, xmlByteConsumed (st->ctxt));
  for (guint delta = 0; delta <= 4 && !raw; delta++)
    {
      gsize e = end + delta;

      if (e >= (gsize) len && e <= st->input_len &&
          memcmp (st->input + e - len, ch, len) == 0)
        {
          start = e - len;
          end = e;
          raw = TRUE;
        }
    }

  run.start = st->buf->len;
  g_string_append_len (st->buf, (const char *) ch, len);
  if (raw)
    {
      run.src = start;
      run.width = 0;
    }
  else
    {
      gsize amp = end;

      end = MIN (end, st->input_len);
      while (amp > st->last_end && amp + 64 > end && st->input[amp - 1] != '&')
        amp--;
      if (amp > 0 && st->input[amp - 1] == '&')
        start = amp - 1;
      else
        start = MIN (st->last_end, end);
      run.src = start;
      run.width = end - start;
    }
  g_array_append_val (st->runs, run);
  st->last_end = end;
  if (st->in_link > 0)
    st->block_links += count_chars ((const char *) ch, len);
}

static void
on_cdata (void          *data,
          const xmlChar *ch,
          int            len)
{
  State *st = data;

  if (st->in_ldjson && st->ldjson->len < 1024 * 1024)
    g_string_append_len (st->ldjson, (const char *) ch, len);
}

/* JSON-LD: datePublished, headline, publisher.name, url — in an object,
 * an array of them, or an "@graph". */
static void
read_ldjson_object (State      *st,
                    JsonObject *obj,
                    guint       level)
{
  JsonNode *n;

  if (level > 3)
    return;
  if ((n = json_object_get_member (obj, "datePublished")) && JSON_NODE_HOLDS_VALUE (n) &&
      json_node_get_value_type (n) == G_TYPE_STRING)
    set_once (&st->meta_date, json_node_get_string (n));
  if ((n = json_object_get_member (obj, "headline")) && JSON_NODE_HOLDS_VALUE (n) &&
      json_node_get_value_type (n) == G_TYPE_STRING)
    set_once (&st->meta_title, json_node_get_string (n));
  if ((n = json_object_get_member (obj, "url")) && JSON_NODE_HOLDS_VALUE (n) &&
      json_node_get_value_type (n) == G_TYPE_STRING && json_object_has_member (obj, "headline"))
    set_once (&st->meta_url, json_node_get_string (n));
  if ((n = json_object_get_member (obj, "publisher")) && JSON_NODE_HOLDS_OBJECT (n))
    {
      JsonNode *name = json_object_get_member (json_node_get_object (n), "name");

      if (name && JSON_NODE_HOLDS_VALUE (name) && json_node_get_value_type (name) == G_TYPE_STRING)
        set_once (&st->meta_site, json_node_get_string (name));
    }
  if ((n = json_object_get_member (obj, "@graph")) && JSON_NODE_HOLDS_ARRAY (n))
    {
      JsonArray *arr = json_node_get_array (n);

      for (guint i = 0; i < json_array_get_length (arr) && i < 64; i++)
        {
          JsonNode *item = json_array_get_element (arr, i);

          if (JSON_NODE_HOLDS_OBJECT (item))
            read_ldjson_object (st, json_node_get_object (item), level + 1);
        }
    }
}

static void
read_ldjson (State *st)
{
  for (guint d = 0; d < st->ldjson_docs->len; d++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonNode *root;

      const char *doc = g_ptr_array_index (st->ldjson_docs, d);

      if (_tri_json_too_deep (doc, strlen (doc), TRI_JSON_MAX_DEPTH) ||
          !json_parser_load_from_data (parser, doc, -1, NULL))
        continue;
      root = json_parser_get_root (parser);
      if (root && JSON_NODE_HOLDS_OBJECT (root))
        read_ldjson_object (st, json_node_get_object (root), 0);
      else if (root && JSON_NODE_HOLDS_ARRAY (root))
        {
          JsonArray *arr = json_node_get_array (root);

          for (guint i = 0; i < json_array_get_length (arr) && i < 64; i++)
            {
              JsonNode *item = json_array_get_element (arr, i);

              if (JSON_NODE_HOLDS_OBJECT (item))
                read_ldjson_object (st, json_node_get_object (item), 1);
            }
        }
    }
}

static gboolean
is_ancestor (GArray *nodes,
             int     ancestor,
             int     node)
{
  for (guint guard = 0; node >= 0 && guard <= MAX_DEPTH + 1; guard++)
    {
      if (node == ancestor)
        return TRUE;
      node = g_array_index (nodes, Node, node).parent;
    }
  return FALSE;
}

static guint
count_commas (const char *s,
              gsize       len)
{
  guint n = 0;

  for (gsize i = 0; i < len; i++)
    if (s[i] == ',')
      n++;
  return n;
}

static double
link_density (guint chars,
              guint links)
{
  return chars ? (double) links / chars : 1.0;
}

/* The run that byte @i of buf comes from: the one at *@cursor or after
 * it, for bytes asked for in increasing order. */
static const Run *
run_at (State *st,
        guint *cursor,
        guint  i)
{
  const Run *runs = (const Run *) st->runs->data;
  guint r = *cursor;

  while (r + 1 < st->runs->len && runs[r + 1].start <= i)
    r++;
  *cursor = r;
  return &runs[r];
}

/* Where byte @i of buf comes from. */
static Pos
pos_at (State *st,
        guint *cursor,
        guint  i)
{
  const Run *run = run_at (st, cursor, i);
  Pos p;

  if (run->width == 0)
    {
      p.src = run->src + (i - run->start);
      p.width = 1;
    }
  else
    {
      p.src = run->src;
      p.width = i == run->start ? run->width : 0;
    }
  return p;
}

/* The first run holding byte @i of buf. */
static guint
find_run (State *st,
          guint  i)
{
  const Run *runs = (const Run *) st->runs->data;
  guint lo = 0, hi = st->runs->len;

  /* The last run that starts at or before i */
  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;

      if (runs[mid].start <= i)
        lo = mid;
      else
        hi = mid;
    }
  return lo;
}

/* Appends block @b with runs of white space made one space, mapping each
 * output byte to the page. */
static void
emit_block (State        *st,
            const Block  *b,
            GString      *out,
            TriOffsetMap *map)
{
  const char *s = st->buf->str;
  guint i = b->start;
  guint cursor = find_run (st, b->start);
  gboolean pending_space = FALSE;
  gsize space_src = 0, space_end = 0;

  while (i < b->end && g_ascii_isspace (s[i]))
    i++;
  while (i < b->end)
    {
      Pos pos = pos_at (st, &cursor, i);
      const Pos *p = &pos;
      guint j;

      if (g_ascii_isspace (s[i]) ||
          ((guchar) s[i] == 0xC2 && i + 1 < b->end && (guchar) s[i + 1] == 0xA0))
        {
          guint w = g_ascii_isspace (s[i]) ? 1 : 2;

          if (!pending_space)
            {
              pending_space = TRUE;
              space_src = p->src;
            }
          {
            Pos last = pos_at (st, &cursor, i + w - 1);

            space_end = last.src + MAX (1, last.width);
          }
          i += w;
          continue;
        }
      if (pending_space)
        {
          tri_offset_map_add (map, out->len, 1, space_src, space_end > space_src ? space_end - space_src : 0);
          g_string_append_c (out, ' ');
          pending_space = FALSE;
        }
      /* A run of bytes that copy the page one for one, or one entity. */
      if (p->width == 1)
        {
          guint probe = cursor;

          for (j = i + 1; j < b->end; j++)
            {
              Pos q = pos_at (st, &probe, j);

              if (q.width != 1 || q.src != p->src + (j - i) || g_ascii_isspace (s[j]) ||
                  (guchar) s[j] == 0xC2)
                break;
            }
          tri_offset_map_add (map, out->len, j - i, p->src, j - i);
        }
      else
        {
          guint probe = cursor;

          for (j = i + 1; j < b->end; j++)
            {
              Pos q = pos_at (st, &probe, j);

              if (q.width != 0 || q.src != p->src)
                break;
            }
          tri_offset_map_add (map, out->len, j - i, p->src, p->width);
        }
      g_string_append_len (out, s + i, j - i);
      i = j;
    }
}

static char *
squeeze (const char *s)
{
  g_auto(GStrv) words = g_strsplit_set (s, " \t\r\n\f\v", -1);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; words[i]; i++)
    {
      if (*words[i] == '\0')
        continue;
      if (out->len)
        g_string_append_c (out, ' ');
      g_string_append (out, words[i]);
    }
  if (out->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* "Headline - Outlet", "Headline | Outlet": a <title> that ends with the
 * site's name after a separator, when the headline is known apart. */
static char *
title_suffix (const char *title,
              const char *headline)
{
  static const char *const separators[] = { " | ", " - ", " – ", " — ", " :: " };
  g_autofree char *squeezed = squeeze (title);
  const char *best = NULL;
  gsize sep_len = 0;

  if (squeezed == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (separators); i++)
    {
      const char *p = g_strrstr (squeezed, separators[i]);

      if (p != NULL && (best == NULL || p > best))
        {
          best = p;
          sep_len = strlen (separators[i]);
        }
    }
  if (best == NULL || best == squeezed)
    return NULL;
  best += sep_len;
  /* A site's name is short; a long tail is part of the headline. */
  if (*best == '\0' || g_utf8_strlen (best, -1) > 40 || strchr (best, '.') == best)
    return NULL;
  if (headline != NULL && strstr (headline, best) != NULL)
    return NULL;
  return g_strdup (best);
}

static char *
host_of (const char *url)
{
  g_autoptr(GUri) uri = url ? g_uri_parse (url, G_URI_FLAGS_NONE, NULL) : NULL;
  const char *host;

  if (uri == NULL || (host = g_uri_get_host (uri)) == NULL)
    return NULL;
  if (g_str_has_prefix (host, "www."))
    host += 4;
  return g_strdup (host);
}

void
_tri_html_page_free (TriHtmlPage *page)
{
  if (page == NULL)
    return;
  g_free (page->text);
  g_clear_pointer (&page->map, tri_offset_map_free);
  g_free (page->title);
  g_free (page->outlet);
  g_free (page->url);
  g_free (page->published);
  g_free (page->language);
  g_free (page);
}

static void
time_mark_clear (gpointer data)
{
  g_free (((TimeMark *) data)->datetime);
}

/**
 * _tri_html_extract:
 * @html: a page, as UTF-8
 * @len: its length
 * @below: (transfer full) (nullable): the map of the stage that made @html
 * @error: set to %TRI_ERROR_NO_CONTENT when there is no article body
 *
 * Returns: (transfer full): the article's text, metadata and offset map
 */
TriHtmlPage *
_tri_html_extract (const char    *html,
                   gsize          len,
                   TriOffsetMap  *below,
                   GError       **error)
{
  g_autoptr(TriOffsetMap) below_owned = below;
  g_autofree char *copy = NULL;
  htmlSAXHandler sax;
  State st = { 0, };
  TriHtmlPage *page;
  g_autoptr(GString) out = NULL;
  TriOffsetMap *map;
  int best = -1;
  double best_score = 0;
  guint body_chars = 0, first_content = G_MAXUINT, h1 = G_MAXUINT;
  g_autoptr(GArray) roots = g_array_new (FALSE, FALSE, sizeof (int));

  if (len > G_MAXINT32)
    {
      g_set_error_literal (error, TRI_ERROR, TRI_ERROR_TOO_LARGE, "page too large to parse");
      g_clear_pointer (&below_owned, tri_offset_map_free);
      return NULL;
    }

  /* Carriage returns become spaces, so the parser's text and the page
   * keep the same length. */
  if (memchr (html, '\r', len) != NULL)
    {
      copy = g_malloc (len + 1);
      for (gsize i = 0; i < len; i++)
        copy[i] = html[i] == '\r' ? ' ' : html[i];
      copy[len] = '\0';
      html = copy;
    }

  st.input = html;
  st.input_len = len;
  st.nodes = g_array_new (FALSE, FALSE, sizeof (Node));
  st.buf = g_string_sized_new (len / 4 + 16);
  st.runs = g_array_sized_new (FALSE, FALSE, sizeof (Run), 256);
  st.blocks = g_array_new (FALSE, FALSE, sizeof (Block));
  st.title_text = g_string_new (NULL);
  st.ldjson = g_string_new (NULL);
  st.ldjson_docs = g_ptr_array_new_with_free_func (g_free);
  st.times = g_array_new (FALSE, FALSE, sizeof (TimeMark));
  g_array_set_clear_func (st.times, time_mark_clear);

  memset (&sax, 0, sizeof sax);
  sax.startElement = on_start;
  sax.endElement = on_end;
  sax.characters = on_characters;
  sax.ignorableWhitespace = on_characters;
  sax.cdataBlock = on_cdata;

  st.ctxt = htmlCreateMemoryParserCtxt (html, (int) len);
  if (st.ctxt != NULL)
    {
      memcpy (st.ctxt->sax, &sax, sizeof sax);
      st.ctxt->userData = &st;
      htmlCtxtUseOptions (st.ctxt, HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                                   HTML_PARSE_IGNORE_ENC | HTML_PARSE_NODEFDTD);
      xmlSwitchEncoding (st.ctxt, XML_CHAR_ENCODING_UTF8);
      htmlParseDocument (st.ctxt);
      flush_block (&st);
      htmlFreeParserCtxt (st.ctxt);
      st.ctxt = NULL;
    }
  read_ldjson (&st);

  /* Totals per element, then scores. */
  for (guint i = 0; i < st.blocks->len; i++)
    {
      const Block *b = &g_array_index (st.blocks, Block, i);
      int n = b->node;
      double score;

      for (guint guard = 0; n >= 0 && guard <= MAX_DEPTH + 1; guard++)
        {
          Node *node = &g_array_index (st.nodes, Node, n);

          node->chars += b->chars;
          node->link_chars += b->link_chars;
          n = node->parent;
        }
      if (b->chars < 25 || (b->flags & (F_NEG | F_SKIP)) ||
          link_density (b->chars, b->link_chars) > 0.5 ||
          b->tag == TAG_H1 || b->tag == TAG_HEADING)
        continue;
      score = 1 + count_commas (st.buf->str + b->start, b->end - b->start) + MIN (b->chars / 100, 3);
      n = b->node;
      if (n >= 0)
        {
          Node *self = &g_array_index (st.nodes, Node, n);
          int parent = self->parent;

          /* Text straight inside a container scores the container. */
          if (self->tag != TAG_P && self->tag != TAG_INLINE_BLOCK)
            parent = n;
          else if (self->tag == TAG_INLINE_BLOCK)
            {
              self->score += score;
              parent = self->parent;
            }
          if (parent >= 0)
            {
              Node *p = &g_array_index (st.nodes, Node, parent);

              p->score += score;
              if (p->parent >= 0)
                g_array_index (st.nodes, Node, p->parent).score += score / 2;
            }
        }
    }
  for (guint i = 0; i < st.nodes->len; i++)
    {
      const Node *node = &g_array_index (st.nodes, Node, i);
      double s = node->score;

      if (s <= 0 || (node->flags & (F_NEG | F_SKIP)))
        continue;
      if (node->flags & F_BODY)
        s *= 1.5;
      else if (node->flags & F_POS)
        s *= 1.25;
      s *= 1 - link_density (node->chars, node->link_chars);
      if (s > best_score)
        {
          best_score = s;
          best = i;
        }
    }

  if (best >= 0)
    {
      int parent = g_array_index (st.nodes, Node, best).parent;

      g_array_append_val (roots, best);
      /* Siblings that score well belong to the article too. */
      for (guint i = 0; parent >= 0 && i < st.nodes->len; i++)
        {
          const Node *node = &g_array_index (st.nodes, Node, i);

          if ((int) i != best && node->parent == parent && !(node->flags & (F_NEG | F_SKIP)) &&
              node->score >= MAX (10, best_score * 0.2) &&
              link_density (node->chars, node->link_chars) < 0.3)
            {
              int k = i;

              g_array_append_val (roots, k);
            }
        }
    }

  /* Which blocks are the article. */
  {
    g_autoptr(GArray) keep = g_array_new (FALSE, TRUE, sizeof (gboolean));

    g_array_set_size (keep, st.blocks->len);
    for (guint i = 0; i < st.blocks->len; i++)
      {
        const Block *b = &g_array_index (st.blocks, Block, i);
        gboolean inside = FALSE;

        if (b->flags & (F_NEG | F_SKIP))
          continue;
        for (guint r = 0; r < roots->len && !inside; r++)
          inside = is_ancestor (st.nodes, g_array_index (roots, int, r), b->node);
        if (!inside)
          continue;
        if (link_density (b->chars, b->link_chars) > (b->chars < 40 ? 0.3 : 0.5))
          continue;
        g_array_index (keep, gboolean, i) = TRUE;
        if (first_content == G_MAXUINT)
          first_content = i;
        if (b->tag != TAG_H1 && b->tag != TAG_HEADING)
          body_chars += b->chars;
      }

    /* The headline, and the byline and dateline between it and the body. */
    for (guint i = 0; i < st.blocks->len && h1 == G_MAXUINT; i++)
      {
        const Block *b = &g_array_index (st.blocks, Block, i);

        if (b->tag == TAG_H1 && !(b->flags & (F_NEG | F_SKIP)) &&
            link_density (b->chars, b->link_chars) <= 0.5)
          h1 = i;
      }
    if (h1 != G_MAXUINT && first_content != G_MAXUINT && h1 < first_content)
      for (guint i = h1; i < first_content; i++)
        {
          const Block *b = &g_array_index (st.blocks, Block, i);

          if (!(b->flags & (F_NEG | F_SKIP)) && b->chars <= 200 &&
              link_density (b->chars, b->link_chars) <= 0.5)
            g_array_index (keep, gboolean, i) = TRUE;
        }

    if (best < 0 || body_chars < MIN_BODY_CHARS)
      {
        g_set_error (error, TRI_ERROR, TRI_ERROR_NO_CONTENT,
                     "no article body found in the page: only navigation, links or short "
                     "snippets (%u characters of text)", body_chars);
        page = NULL;
      }
    else
      {
        out = g_string_sized_new (st.buf->len);
        map = tri_offset_map_new (g_steal_pointer (&below_owned));
        for (guint i = 0; i < st.blocks->len; i++)
          {
            const Block *b = &g_array_index (st.blocks, Block, i);

            if (!g_array_index (keep, gboolean, i))
              continue;
            if (out->len > 0)
              {
                guint cursor = find_run (&st, b->start);

                tri_offset_map_add (map, out->len, 2, pos_at (&st, &cursor, b->start).src, 0);
                g_string_append (out, "\n\n");
              }
            emit_block (&st, b, out, map);
          }
        g_string_append_c (out, '\n');
        tri_offset_map_add (map, out->len - 1, 1, len, 0);

        page = g_new0 (TriHtmlPage, 1);
        page->len = out->len;
        page->text = g_string_free (g_steal_pointer (&out), FALSE);
        page->map = map;

        /* Title: the page's own metadata first, then the headline. */
        if (st.meta_title)
          page->title = squeeze (st.meta_title);
        if (page->title == NULL && h1 != G_MAXUINT)
          {
            const Block *b = &g_array_index (st.blocks, Block, h1);
            g_autofree char *t = g_strndup (st.buf->str + b->start, b->end - b->start);

            page->title = squeeze (t);
          }
        if (page->title == NULL && st.title_text->len > 0)
          page->title = squeeze (st.title_text->str);

        page->url = g_strdup (st.canonical ? st.canonical : st.meta_url);
        if (st.meta_site)
          page->outlet = squeeze (st.meta_site);
        else
          page->outlet = host_of (page->url);
        if (page->outlet == NULL && st.title_text->len > 0)
          page->outlet = title_suffix (st.title_text->str, page->title);

        /* Publication date: metadata, else a <time> in the article. */
        {
          int y, m, d;
          const char *date = st.meta_date;

          for (guint i = 0; date == NULL && i < st.times->len; i++)
            {
              const TimeMark *t = &g_array_index (st.times, TimeMark, i);
              gboolean ok = FALSE;

              if (t->node < 0 || (g_array_index (st.nodes, Node, t->node).flags & (F_NEG | F_SKIP)))
                continue;
              for (guint r = 0; r < roots->len && !ok; r++)
                ok = is_ancestor (st.nodes, g_array_index (roots, int, r), t->node);
              /* Or in the headline's neighbourhood, before the body. */
              if (!ok && h1 != G_MAXUINT && t->block >= h1 && t->block <= first_content &&
                  h1 < first_content)
                ok = TRUE;
              if (ok)
                date = t->datetime;
            }
          if (date != NULL)
            {
              while (g_ascii_isspace (*date))
                date++;
              if (_tri_parse_iso_date (date, &y, &m, &d))
                page->published = g_strdup_printf ("%04d-%02d-%02d", y, m, d);
            }
        }

        {
          const char *lang = st.html_lang ? st.html_lang : st.meta_lang;

          if (lang != NULL)
            {
              gsize n = strcspn (lang, "-_ ,;");

              if (n >= 2 && n <= 3)
                page->language = g_ascii_strdown (lang, n);
            }
        }
      }
  }

  g_array_unref (st.nodes);
  g_string_free (st.buf, TRUE);
  g_array_unref (st.runs);
  g_array_unref (st.blocks);
  g_string_free (st.title_text, TRUE);
  g_string_free (st.ldjson, TRUE);
  g_ptr_array_unref (st.ldjson_docs);
  g_array_unref (st.times);
  g_free (st.meta_title);
  g_free (st.meta_site);
  g_free (st.meta_url);
  g_free (st.meta_date);
  g_free (st.meta_lang);
  g_free (st.canonical);
  g_free (st.html_lang);
  return page;
}
