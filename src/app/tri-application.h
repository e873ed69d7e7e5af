/* tri-application.h
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TRI_TYPE_APPLICATION (tri_application_get_type ())

G_DECLARE_FINAL_TYPE (TriApplication, tri_application, TRI, APPLICATION, AdwApplication)

TriApplication *tri_application_new             (void);
int             tri_application_get_exit_status (TriApplication *self);

G_END_DECLS
