/* tri-report.h: the JSON report of contracts/report-v1.md
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(TRIANGULATE_INSIDE) && !defined(TRIANGULATE_COMPILATION)
# error "Only <triangulate.h> can be included directly."
#endif

#include "tri-corpus.h"

G_BEGIN_DECLS

#define TRI_REPORT_VERSION 1

char *tri_report_to_json (TriCorpus *corpus,
                          gboolean   pretty,
                          gsize     *length);

G_END_DECLS
