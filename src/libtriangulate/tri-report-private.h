/* tri-report-private.h
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "tri-report.h"

G_BEGIN_DECLS

JsonNode *_tri_report_build       (TriCorpus   *corpus);
void      _tri_report_add_claims  (JsonBuilder *builder,
                                   TriCorpus   *corpus);

G_END_DECLS
