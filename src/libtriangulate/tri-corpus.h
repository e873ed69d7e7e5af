/* tri-corpus.h
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(TRIANGULATE_INSIDE) && !defined(TRIANGULATE_COMPILATION)
# error "Only <triangulate.h> can be included directly."
#endif

#include <gio/gio.h>

#include "tri-article.h"

G_BEGIN_DECLS

#define TRI_TYPE_LOAD_ERROR (tri_load_error_get_type ())

/**
 * TriLoadError:
 * @path: the file that could not be read
 * @message: why, in words a researcher understands
 *
 * A file the corpus could not read.
 */
typedef struct
{
  char *path;
  char *message;
} TriLoadError;

GType         tri_load_error_get_type (void) G_GNUC_CONST;
TriLoadError *tri_load_error_copy     (const TriLoadError *error);
void          tri_load_error_free     (TriLoadError       *error);

#define TRI_TYPE_CORPUS (tri_corpus_get_type ())

G_DECLARE_FINAL_TYPE (TriCorpus, tri_corpus, TRI, CORPUS, GObject)

TriCorpus  *tri_corpus_new                (void);
void        tri_corpus_add                (TriCorpus            *self,
                                           TriArticle           *article);
TriArticle *tri_corpus_lookup             (TriCorpus            *self,
                                           const char           *id);
void        tri_corpus_load_async         (TriCorpus            *self,
                                           GFile               **files,
                                           guint                 n_files,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
gboolean    tri_corpus_load_finish        (TriCorpus            *self,
                                           GAsyncResult         *result,
                                           GError              **error);
gboolean    tri_corpus_load               (TriCorpus            *self,
                                           GFile               **files,
                                           guint                 n_files,
                                           GCancellable         *cancellable,
                                           GError              **error);
gboolean    tri_corpus_get_loading        (TriCorpus            *self);
double      tri_corpus_get_progress       (TriCorpus            *self);
GPtrArray  *tri_corpus_get_errors         (TriCorpus            *self);
GPtrArray  *tri_corpus_get_clusters       (TriCorpus            *self);
GPtrArray  *tri_corpus_get_articles       (TriCorpus            *self);
void        tri_corpus_cross_reference    (TriCorpus            *self);

GListModel *tri_collect_files             (GFile               **roots,
                                           guint                 n_roots,
                                           GCancellable         *cancellable,
                                           GError              **error);

G_END_DECLS
