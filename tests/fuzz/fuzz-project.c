/* fuzz-project.c: bytes → a project file that is opened, read and closed
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <triangulate.h>

#include "fuzz.h"

static char *dir;
static char *path;
static GBytes *template;

static const TriProjectFlags modes[] = {
  TRI_PROJECT_FLAGS_NONE, TRI_PROJECT_READ_ONLY, TRI_PROJECT_WORKING_COPY, TRI_PROJECT_READ_ONLY,
};

static void
remove_project_files (void)
{
  static const char *const suffixes[] = { "", "-journal", "-wal", "-shm" };
  g_autoptr(GPtrArray) left = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *p = g_strconcat (path, suffixes[i], NULL);

      g_unlink (p);
    }
  left = tri_project_list_recoverable ();
  for (guint i = 0; left != NULL && i < left->len; i++)
    tri_project_discard_recoverable (g_ptr_array_index (left, i), NULL);
}

/* A small real project, made once: most inputs are patches to it, so the
 * fuzzer spends its time past SQLite's header checks. */
static void
set_up_project (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(TriProject) project = NULL;
  g_autoptr(GBytes) article = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  g_autofree char *contents = NULL;
  const char *text = "date 2026-01-19\n\nHôm 18/1, khoảng 2.500 binh sĩ Mỹ rời căn cứ ở Iraq.\n";
  gsize len;

  dir = g_dir_make_tmp ("tri-fuzz-project-XXXXXX", &error);
  g_assert_no_error (error);
  /* Working copies and backups go under here, never the user's folders. */
  g_setenv ("XDG_DATA_HOME", dir, TRUE);
  g_setenv ("XDG_CACHE_HOME", dir, TRUE);
  g_setenv ("XDG_CONFIG_HOME", dir, TRUE);
  path = g_build_filename (dir, "fuzz.triangulate", NULL);
  file = g_file_new_for_path (path);

  project = tri_project_new (file, TRI_PROJECT_FLAGS_NONE, &error);
  g_assert_no_error (error);
  article = g_bytes_new_static (text, strlen (text));
  articles = tri_project_add_bytes (project, "/news/a.txt", article, &error);
  g_assert_no_error (error);
  tri_project_set_note (project, "a", "ghi chú", &error);
  g_assert_no_error (error);
  tri_project_set_verdict (project, "k", "corroborated", &error);
  g_assert_no_error (error);
  tri_project_close (project, &error);
  g_assert_no_error (error);
  g_clear_object (&project);

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  template = g_bytes_new_take (g_steal_pointer (&contents), len);
  remove_project_files ();
}

static char *
checksum (void)
{
  g_autofree char *contents = NULL;
  gsize len;

  if (!g_file_get_contents (path, &contents, &len, NULL))
    return g_strdup ("missing");
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
}

FUZZ_INITIALIZE (set_up_project)

/* Byte 0: bits 0–1 the mode of opening, bit 2 raw bytes or patches. Raw:
 * the rest is the file. Patches: every 4 bytes are a 24-bit offset into
 * the small real project and a byte to write there. Opening must refuse
 * with a reason that names the file and leave the file untouched, or open
 * a project that can be read and closed. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(TriProject) project = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *journal = NULL;
  g_autofree char *wal = NULL;
  TriProjectFlags flags;

  fuzz_set_up (set_up_project);
  if (size < 1)
    return 0;
  flags = modes[data[0] & 3];
  if (data[0] & 4)
    {
      gsize len;
      const guint8 *t = g_bytes_get_data (template, &len);
      g_autofree guint8 *patched = g_memdup2 (t, len);

      for (size_t i = 1; i + 4 <= size; i += 4)
        patched[(((gsize) data[i] << 16) | (data[i + 1] << 8) | data[i + 2]) % len] = data[i + 3];
      g_file_set_contents (path, (const char *) patched, len, &error);
    }
  else
    g_file_set_contents (path, (const char *) data + 1, size - 1, &error);
  g_assert_no_error (error);

  before = checksum ();
  file = g_file_new_for_path (path);
  project = tri_project_open (file, flags, NULL, &error);
  if (project == NULL)
    {
      g_assert (error != NULL);
      fuzz_check_message (error->message);
      g_assert (strstr (error->message, path) != NULL);
      after = checksum ();
      g_assert_cmpstr (before, ==, after);
      journal = g_strconcat (path, "-journal", NULL);
      wal = g_strconcat (path, "-wal", NULL);
      g_assert (!g_file_test (journal, G_FILE_TEST_EXISTS));
      g_assert (!g_file_test (wal, G_FILE_TEST_EXISTS));
    }
  else
    {
      g_autoptr(GError) local = NULL;
      g_autoptr(TriCorpus) corpus = NULL;
      g_auto(GStrv) notes = NULL;
      g_autofree char *note = NULL;

      g_assert_no_error (error);
      (void) tri_project_get_n_articles (project);
      (void) tri_project_get_n_files (project);
      notes = tri_project_list_decisions (project, TRI_DECISION_NOTE);
      note = tri_project_dup_note (project, "a");
      g_assert (note == NULL || g_utf8_validate (note, -1, NULL));
      corpus = tri_project_load_corpus (project, NULL, &local);
      g_assert (corpus != NULL || (local != NULL && local->message != NULL));
      g_clear_error (&local);
      tri_project_close (project, &local);
      g_clear_object (&project);
      if (flags & TRI_PROJECT_READ_ONLY)
        {
          after = checksum ();
          g_assert_cmpstr (before, ==, after);
        }
    }
  remove_project_files ();
  return 0;
}
