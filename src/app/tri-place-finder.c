/* tri-place-finder.c
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-place-finder"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#include <triangulate.h>

#include "tri-place-finder.h"

/* The window needs places on the map from the first day, and the
 * entities stage of the core library may not have tagged them (yet). This
 * finds the gazetteer's names in sentences by folded word n-grams: the
 * places, the names, their coordinates and kinds all come from the data
 * files under data/gazetteer/. When the core's place mentions are there,
 * the window uses those and only looks places up here by id. */

#define MAX_WORDS 5

struct _TriPlaceFinder
{
  GHashTable *by_id;     /* interned id → TriFinderPlace */
  GHashTable *by_name;   /* folded name → TriFinderPlace (borrowed) */
  GHashTable *by_exact;  /* lower-case name with its marks → TriFinderPlace */
};

static void
finder_place_free (gpointer data)
{
  TriFinderPlace *place = data;

  g_free (place->id);
  g_free (place->name_en);
  g_free (place->name_vi);
  g_free (place);
}

static gboolean
is_latin (const char *name)
{
  for (const char *p = name; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x80)
        continue;
      switch ((int) g_unichar_get_script (c))
        {
        case G_UNICODE_SCRIPT_LATIN:
        case G_UNICODE_SCRIPT_COMMON:
        case G_UNICODE_SCRIPT_INHERITED:
          break;
        default:
          return FALSE;
        }
    }
  return TRUE;
}

/* Latin letters without their marks, lower case: "Đà Nẵng" → "da nang".
 * Cheaper than ICU's transliterator, and the names here are all in Latin
 * script. */
static char *
quick_fold (const char *text)
{
  g_autofree char *nfd = NULL;
  GString *out;

  if (g_str_is_ascii (text))
    return g_ascii_strdown (text, -1);
  nfd = g_utf8_normalize (text, -1, G_NORMALIZE_NFD);
  if (nfd == NULL)
    return tri_text_fold (text, -1);
  out = g_string_sized_new (strlen (nfd));
  for (const char *p = nfd; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x80)
        g_string_append_c (out, g_ascii_tolower (c));
      else if (g_unichar_ismark (c))
        continue;
      else
        switch (c)
          {
          case 0x0110: case 0x0111: g_string_append_c (out, 'd'); break;   /* Đ đ */
          case 0x00D8: case 0x00F8: g_string_append_c (out, 'o'); break;   /* Ø ø */
          case 0x0141: case 0x0142: g_string_append_c (out, 'l'); break;   /* Ł ł */
          case 0x0131: g_string_append_c (out, 'i'); break;                /* ı */
          case 0x00DF: g_string_append (out, "ss"); break;                 /* ß */
          case 0x00C6: case 0x00E6: g_string_append (out, "ae"); break;    /* Æ æ */
          case 0x0152: case 0x0153: g_string_append (out, "oe"); break;    /* Œ œ */
          default:
            if (g_unichar_isalnum (c))
              g_string_append_unichar (out, g_unichar_tolower (c));
            else
              g_string_append_c (out, ' ');
          }
    }
  return g_string_free (out, FALSE);
}

static char *
fold_name (const char *name)
{
  g_autofree char *folded = quick_fold (name);
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean space = TRUE;

  if (folded == NULL)
    return NULL;
  for (const char *p = folded; *p; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          g_string_append_c (out, *p);
          space = FALSE;
        }
      else if (!space)
        {
          g_string_append_c (out, ' ');
          space = TRUE;
        }
    }
  if (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Lower case, marks kept, runs of anything but letters and digits made
 * one space: "Căn cứ Al-Asad" → "căn cứ al asad". */
static char *
exact_name (const char *name)
{
  g_autofree char *nfc = g_utf8_normalize (name, -1, G_NORMALIZE_NFC);
  g_autofree char *lower = nfc ? g_utf8_strdown (nfc, -1) : NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean space = TRUE;

  if (lower == NULL)
    return NULL;
  for (const char *p = lower; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c) || g_unichar_ismark (c))
        {
          g_string_append_unichar (out, c);
          space = FALSE;
        }
      else if (!space)
        {
          g_string_append_c (out, ' ');
          space = TRUE;
        }
    }
  if (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Which places a bare name may stand for: the ones a reader would think of
 * first. Small towns share their names with common words. */
static gboolean
is_findable (const TriFinderPlace *place)
{
  if (place->kind == g_intern_static_string ("city"))
    return place->capital || place->population >= 500000;
  return TRUE;
}

static int
rank (const TriFinderPlace *place,
      gboolean              primary_name)
{
  int score = primary_name ? 1000 : 0;

  if (place->kind == g_intern_static_string ("country"))
    score += 500;
  else if (place->kind == g_intern_static_string ("city"))
    score += place->capital ? 400 : 300;
  else if (place->kind == g_intern_static_string ("admin1"))
    score += 200;
  else
    score += 100;
  return score;
}

static void
add_name (TriPlaceFinder *self,
          GHashTable     *ranks,
          const char     *name,
          TriFinderPlace *place,
          gboolean        primary_name)
{
  g_autofree char *key = NULL;
  int score;

  /* The text is read in Latin script (Vietnamese, English) */
  if (name == NULL || *name == '\0' || *name == '*' || !is_latin (name))
    return;
  key = fold_name (name);
  if (key == NULL || strlen (key) < 2)
    return;
  /* Short all-lower-case names are words more often than places. */
  if (strlen (key) < 4 && place->kind != g_intern_static_string ("country"))
    return;
  /* A city's other one-word names are too often words of their own
   * ("Central", "Sham"). */
  if (!primary_name && place->kind == g_intern_static_string ("city") && strchr (key, ' ') == NULL)
    return;
  score = rank (place, primary_name);
  if (GPOINTER_TO_INT (g_hash_table_lookup (ranks, key)) < score)
    {
      g_hash_table_insert (ranks, g_strdup (key), GINT_TO_POINTER (score));
      g_hash_table_insert (self->by_name, g_steal_pointer (&key), place);
    }
  g_clear_pointer (&key, g_free);
  key = g_str_is_ascii (name) ? NULL : exact_name (name);
  if (key != NULL && !g_str_is_ascii (key))
    {
      g_autofree char *rank_key = g_strconcat ("\x01", key, NULL);

      if (GPOINTER_TO_INT (g_hash_table_lookup (ranks, rank_key)) < score)
        {
          g_hash_table_insert (ranks, g_steal_pointer (&rank_key), GINT_TO_POINTER (score));
          g_hash_table_insert (self->by_exact, g_steal_pointer (&key), place);
        }
    }
}

static void
load_file (TriPlaceFinder *self,
           GHashTable     *ranks,
           const char     *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  char *line, *end;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return;
  /* Line by line with memchr: g_strsplit() over the whole file is
   * quadratic under AddressSanitizer. */
  end = contents + length;
  for (line = contents; line < end;)
    {
      char *eol = memchr (line, '\n', end - line);
      g_auto(GStrv) cols = NULL;
      TriFinderPlace *place;

      if (eol == NULL)
        eol = end;
      *eol = '\0';
      if (line[0] == '#' || line[0] == '\0')
        {
          line = eol + 1;
          continue;
        }
      cols = g_strsplit (line, "\t", -1);
      line = eol + 1;
      /* id kind name_en name_vi lat lon country parent population aliases flags */
      if (g_strv_length (cols) < 6)
        continue;

      place = g_hash_table_lookup (self->by_id, cols[0]);
      if (place == NULL)
        {
          place = g_new0 (TriFinderPlace, 1);
          place->id = g_strdup (cols[0]);
          g_hash_table_insert (self->by_id, place->id, place);
        }
      place->kind = g_intern_string (cols[1]);
      g_free (place->name_en);
      place->name_en = g_strdup (cols[2]);
      g_free (place->name_vi);
      place->name_vi = *cols[3] ? g_strdup (cols[3]) : NULL;
      place->lat = g_ascii_strtod (cols[4], NULL);
      place->lon = g_ascii_strtod (cols[5], NULL);
      place->population = g_strv_length (cols) > 8 ? g_ascii_strtoull (cols[8], NULL, 10) : 0;
      place->capital = g_strv_length (cols) > 10 && strstr (cols[10], "capital") != NULL;

      if (!is_findable (place))
        continue;
      add_name (self, ranks, place->name_en, place, TRUE);
      add_name (self, ranks, place->name_vi, place, TRUE);
      if (g_strv_length (cols) > 9 && *cols[9])
        {
          g_auto(GStrv) aliases = g_strsplit (cols[9], "|", -1);

          for (guint j = 0; aliases[j]; j++)
            add_name (self, ranks, aliases[j], place, FALSE);
        }
    }
}

TriPlaceFinder *
tri_place_finder_new_from_files (const char * const *paths)
{
  TriPlaceFinder *self = g_new0 (TriPlaceFinder, 1);
  g_autoptr(GHashTable) ranks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  self->by_id = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, finder_place_free);
  self->by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->by_exact = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; paths != NULL && paths[i]; i++)
    load_file (self, ranks, paths[i]);
  return self;
}

void
tri_place_finder_free (TriPlaceFinder *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->by_name, g_hash_table_unref);
  g_clear_pointer (&self->by_exact, g_hash_table_unref);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_free (self);
}

/**
 * tri_place_finder_get_default:
 *
 * Returns: (transfer none): the finder over the installed gazetteer, loaded
 *   once per process
 */
TriPlaceFinder *
tri_place_finder_get_default (void)
{
  static TriPlaceFinder *instance;

  if (g_once_init_enter (&instance))
    {
      g_autofree char *places = tri_data_find ("gazetteer/places.tsv");
      g_autofree char *facilities = tri_data_find ("gazetteer/facilities.tsv");
      const char *paths[] = { places, facilities, NULL };

      g_once_init_leave (&instance, tri_place_finder_new_from_files (paths));
    }
  return instance;
}

const TriFinderPlace *
tri_place_finder_lookup (TriPlaceFinder *self,
                         const char     *id)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (id == NULL)
    return NULL;
  return g_hash_table_lookup (self->by_id, id);
}

typedef struct
{
  char     *exact;     /* lower case, marks kept */
  char     *folded;    /* ASCII */
  gboolean  ascii;
  gboolean  capital;   /* starts with a capital letter in the text */
} Word;

static void
word_clear (gpointer data)
{
  Word *word = data;

  g_free (word->exact);
  g_free (word->folded);
}

static GArray *
split_words (const char *text,
             gssize      len)
{
  GArray *words = g_array_new (FALSE, TRUE, sizeof (Word));
  const char *end = text + len;
  const char *p = text;

  g_array_set_clear_func (words, word_clear);
  while (p < end)
    {
      const char *start;
      Word word = { 0 };
      g_autofree char *nfc = NULL;

      while (p < end && !g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (p >= end)
        break;
      start = p;
      while (p < end && (g_unichar_isalnum (g_utf8_get_char (p)) || g_unichar_ismark (g_utf8_get_char (p))))
        p = g_utf8_next_char (p);
      nfc = g_utf8_normalize (start, p - start, G_NORMALIZE_NFC);
      if (nfc == NULL)
        continue;
      word.capital = g_unichar_isupper (g_utf8_get_char (start)) || g_unichar_isdigit (g_utf8_get_char (start));
      word.exact = g_utf8_strdown (nfc, -1);
      word.ascii = g_str_is_ascii (word.exact);
      word.folded = quick_fold (word.exact);
      g_array_append_val (words, word);
    }
  return words;
}

static char *
join_words (GArray   *words,
            guint     first,
            guint     n,
            gboolean  folded,
            gboolean *ascii)
{
  g_autoptr(GString) out = g_string_new (NULL);

  *ascii = TRUE;
  for (guint i = first; i < first + n; i++)
    {
      Word *word = &g_array_index (words, Word, i);

      if (i > first)
        g_string_append_c (out, ' ');
      g_string_append (out, folded ? word->folded : word->exact);
      *ascii &= word->ascii;
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Appends to @out (element-type TriFinderPlace, borrowed) each place named
 * in @text, once, preferring the longest name at each word. Names are
 * proper nouns: a match starts with a capital letter. Text written with
 * its marks must match a name's marks ("chấm" is not "Cham"); text written
 * without them matches any ("Ain al Assad"). */
void
tri_place_finder_find (TriPlaceFinder *self,
                       const char     *text,
                       gssize          len,
                       GPtrArray      *out)
{
  g_autoptr(GArray) words = NULL;

  g_return_if_fail (self != NULL);
  g_return_if_fail (out != NULL);

  if (text == NULL)
    return;
  if (len < 0)
    len = strlen (text);
  words = split_words (text, len);

  for (guint i = 0; i < words->len;)
    {
      guint matched = 0;

      if (!g_array_index (words, Word, i).capital)
        {
          i++;
          continue;
        }
      for (guint n = MIN (MAX_WORDS, words->len - i); n > 0 && matched == 0; n--)
        {
          gboolean ascii;
          g_autofree char *exact = join_words (words, i, n, FALSE, &ascii);
          g_autofree char *folded = NULL;
          TriFinderPlace *place;

          if (ascii)
            {
              folded = join_words (words, i, n, TRUE, &ascii);
              place = g_hash_table_lookup (self->by_name, folded);
            }
          else
            place = g_hash_table_lookup (self->by_exact, exact);
          /* "Central Command", "Washington Post": one word of a longer name */
          if (place != NULL && n == 1 && i + 1 < words->len
              && g_array_index (words, Word, i + 1).capital
              && place->kind != g_intern_static_string ("country"))
            place = NULL;
          if (place != NULL)
            {
              if (!g_ptr_array_find (out, place, NULL))
                g_ptr_array_add (out, place);
              matched = n;
            }
        }
      i += MAX (1, matched);
    }
}

const char *
tri_finder_place_get_name (const TriFinderPlace *place)
{
  const char * const *langs = g_get_language_names ();

  for (guint i = 0; langs[i]; i++)
    {
      if (g_str_has_prefix (langs[i], "vi") && place->name_vi != NULL)
        return place->name_vi;
      if (g_str_has_prefix (langs[i], "en") || g_str_equal (langs[i], "C"))
        break;
    }
  return place->name_en;
}

/* Bases and capitals are the landmarks of a story about troops: they keep
 * their labels at every zoom level. */
gboolean
tri_finder_place_always_label (const TriFinderPlace *place)
{
  return place->capital
         || place->kind == g_intern_static_string ("airport")
         || place->kind == g_intern_static_string ("air_base")
         || place->kind == g_intern_static_string ("military_base");
}
