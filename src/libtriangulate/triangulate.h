/* triangulate.h
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#define TRIANGULATE_INSIDE

#include "tri-version.h"
#include "tri-types.h"
#include "tri-data.h"
#include "tri-mention.h"
#include "tri-article.h"
#include "tri-loader.h"
#include "tri-analysis.h"
#include "tri-corpus.h"
#include "tri-report.h"

#undef TRIANGULATE_INSIDE
