/* fuzz.h: shared set-up of the fuzzing harnesses
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stddef.h>
#include <stdint.h>

#include <glib.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* GLib's log output would slow fuzzing down and make criticals fatal in a
 * way libFuzzer cannot report well: a critical is a bug, so abort on it. */
static inline void
fuzz_set_up (void)
{
  static gsize done;

  if (g_once_init_enter (&done))
    {
      g_setenv ("TRIANGULATE_DATA_DIR", TRI_SOURCE_DATADIR, FALSE);
      g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
      g_once_init_leave (&done, 1);
    }
}
