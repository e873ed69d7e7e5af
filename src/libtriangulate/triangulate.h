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
#include "tri-fold.h"
#include "tri-mention.h"
#include "tri-article.h"
#include "tri-loader.h"
#include "tri-analysis.h"
#include "tri-corpus.h"
#include "tri-report.h"
#include "tri-claim.h"
#include "tri-cluster.h"
#include "tri-export.h"
#include "tri-project.h"
#include "tri-time.h"
#include "tri-quantity.h"
#include "tri-place.h"
#include "tri-actor.h"
#include "tri-gazetteer.h"

#undef TRIANGULATE_INSIDE
