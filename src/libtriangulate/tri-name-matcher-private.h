/* tri-name-matcher-private.h: folded n-gram index of names
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The longest name, in tokens, that the index can hold. */
#define TRI_NAME_MAX_TOKENS 12

typedef enum
{
  /* The token's first letter is upper case in the text. */
  TRI_TOKEN_CAPITALIZED    = 1 << 0,
  /* Every letter of the token is upper case (and there are two or more). */
  TRI_TOKEN_ALL_CAPS       = 1 << 1,
  /* Its script has no case (Arabic): treat as capitalised. */
  TRI_TOKEN_CASELESS       = 1 << 2,
  /* Joined to the previous token by one space, a hyphen, or an
   * abbreviation's dot ("U.S."): both may be in one name. */
  TRI_TOKEN_JOINED         = 1 << 3,
  /* First token of a sentence or a line, as far as punctuation tells. */
  TRI_TOKEN_SENTENCE_START = 1 << 4,
  /* An Arabic article ("al-", "Al ") was folded away in front of it; the
   * token's start includes it. */
  TRI_TOKEN_ARTICLE        = 1 << 5,
  /* Only digits. */
  TRI_TOKEN_NUMERIC        = 1 << 6,
  /* For callers: the token is in an excluded range (boilerplate). */
  TRI_TOKEN_EXCLUDED       = 1 << 7,
} TriTokenFlags;

typedef struct
{
  guint32 start;    /* first byte in the text, including a folded-away article */
  guint32 end;      /* byte after the token */
  guint32 core;     /* first byte of the token proper */
  guint32 fstart;   /* offset of the folded form in TriFoldedText.folded */
  guint16 flen;     /* length of the folded form */
  guint16 flags;    /* TriTokenFlags */
  guint32 hash;     /* hash of the folded form */
} TriToken;

/* A text cut into tokens and folded: lower case, no diacritics, đ → d,
 * doubled Latin letters single, apostrophes dropped, Arabic letter variants
 * unified.  The folded forms are stored one space apart, so that the folded
 * form of tokens i…j is one substring. */
typedef struct
{
  const char *text;     /* borrowed */
  gsize       len;
  GString    *folded;
  GArray     *tokens;   /* TriToken */
} TriFoldedText;

void            _tri_folded_text_init       (TriFoldedText        *self,
                                             const char           *text,
                                             gsize                 len);
void            _tri_folded_text_reset      (TriFoldedText        *self,
                                             const char           *text,
                                             gsize                 len);
void            _tri_folded_text_clear      (TriFoldedText        *self);
char           *_tri_folded_text_dup_words  (const TriFoldedText *self,
                                             guint                 first,
                                             guint                 n_tokens);
char           *_tri_fold_name              (const char           *name,
                                             gssize                len,
                                             guint                *n_tokens);

typedef struct _TriNameMatcher TriNameMatcher;

TriNameMatcher *_tri_name_matcher_new       (void);
void            _tri_name_matcher_free      (TriNameMatcher       *self);
guint           _tri_name_matcher_add       (TriNameMatcher       *self,
                                             const char           *name,
                                             guint32               value,
                                             guint32               merge_mask);
gboolean        _tri_name_matcher_add_folded (TriNameMatcher      *self,
                                             const TriFoldedText  *name,
                                             guint32               value,
                                             guint32               merge_mask);
guint           _tri_name_matcher_find_at   (const TriNameMatcher *self,
                                             const TriFoldedText  *text,
                                             guint                 first,
                                             guint                *lengths,
                                             guint32              *keys,
                                             guint                 max_matches);
gboolean        _tri_name_matcher_lookup    (const TriNameMatcher *self,
                                             const TriFoldedText  *text,
                                             guint                 first,
                                             guint                 n_tokens,
                                             guint32              *key);
guint32         _tri_name_matcher_lookup_name (const TriNameMatcher *self,
                                             const char           *name);
const guint32  *_tri_name_matcher_get_values (const TriNameMatcher *self,
                                             guint32               key,
                                             guint                *n_values);
guint           _tri_name_matcher_get_n_keys (const TriNameMatcher *self);
gsize           _tri_name_matcher_get_size  (const TriNameMatcher *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TriNameMatcher, _tri_name_matcher_free)

G_END_DECLS
