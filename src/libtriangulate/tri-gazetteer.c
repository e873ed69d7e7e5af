/* tri-gazetteer.c
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-gazetteer"

#include "config.h"

#include <string.h>

#include "tri-data.h"
#include "tri-gazetteer-private.h"
#include "tri-types.h"

/**
 * TriGazetteer:
 *
 * The places and actors the library knows by name, and the words around
 * names that tell what they name.
 *
 * Everything comes from data files (data/gazetteer/places.tsv,
 * data/actors/actors.tsv, data/gazetteer/cues.tsv), from the researcher's
 * own files in the user data folder, and from entries a program adds at run
 * time.  Each name and alias is entered folded (no case, no diacritics, no
 * "al-"…) in one n-gram index that the entity tagger scans articles with.
 *
 * Adding entries is not thread-safe; looking up and tagging are, once the
 * gazetteer is no longer changed.
 */
struct _TriGazetteer
{
  GObject         parent_instance;

  GPtrArray      *places;        /* TriPlace, by index */
  GPtrArray      *actors;        /* TriActor, by index */
  GHashTable     *place_ids;     /* id (the place's own string) → index + 1 */
  GHashTable     *actor_ids;
  GHashTable     *countries;     /* ISO code (interned) → place index + 1 */
  GHashTable     *governments;   /* ISO code (interned) → actor index + 1 */
  TriNameMatcher *names;
  TriNameMatcher *cues;
  GArray         *cue_records;   /* TriCue */
  GHashTable     *weak_spellings; /* weak cue words, case-folded but with their diacritics */
  TriFoldedText   scratch;       /* for folding names as they are added */
};

G_DEFINE_FINAL_TYPE (TriGazetteer, tri_gazetteer, G_TYPE_OBJECT)

#define MAX_COLUMNS 12

enum
{
  PLACE_ID, PLACE_KIND, PLACE_NAME, PLACE_NAME_VI, PLACE_LAT, PLACE_LON, PLACE_COUNTRY,
  PLACE_PARENT, PLACE_POPULATION, PLACE_ALIASES, PLACE_FLAGS,
};

enum
{
  ACTOR_ID, ACTOR_KIND, ACTOR_NAME, ACTOR_NAME_VI, ACTOR_COUNTRY, ACTOR_ALIASES, ACTOR_PARENT,
};

enum
{
  CUE_LANGUAGE, CUE_TYPE, CUE_PHRASE, CUE_KINDS,
};

static void
tri_gazetteer_finalize (GObject *object)
{
  TriGazetteer *self = (TriGazetteer *) object;

  g_clear_pointer (&self->places, g_ptr_array_unref);
  g_clear_pointer (&self->actors, g_ptr_array_unref);
  g_clear_pointer (&self->place_ids, g_hash_table_unref);
  g_clear_pointer (&self->actor_ids, g_hash_table_unref);
  g_clear_pointer (&self->countries, g_hash_table_unref);
  g_clear_pointer (&self->governments, g_hash_table_unref);
  g_clear_pointer (&self->names, _tri_name_matcher_free);
  g_clear_pointer (&self->cues, _tri_name_matcher_free);
  g_clear_pointer (&self->cue_records, g_array_unref);
  g_clear_pointer (&self->weak_spellings, g_hash_table_unref);
  _tri_folded_text_clear (&self->scratch);

  G_OBJECT_CLASS (tri_gazetteer_parent_class)->finalize (object);
}

static void
tri_gazetteer_class_init (TriGazetteerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tri_gazetteer_finalize;
}

static void
tri_gazetteer_init (TriGazetteer *self)
{
  self->places = g_ptr_array_new_with_free_func ((GDestroyNotify) tri_place_unref);
  self->actors = g_ptr_array_new_with_free_func ((GDestroyNotify) tri_actor_unref);
  self->place_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->actor_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->countries = g_hash_table_new (NULL, NULL);
  self->governments = g_hash_table_new (NULL, NULL);
  self->names = _tri_name_matcher_new ();
  self->cues = _tri_name_matcher_new ();
  self->cue_records = g_array_new (FALSE, FALSE, sizeof (TriCue));
  self->weak_spellings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/**
 * tri_gazetteer_new:
 *
 * Returns: (transfer full): an empty gazetteer
 */
TriGazetteer *
tri_gazetteer_new (void)
{
  return g_object_new (TRI_TYPE_GAZETTEER, NULL);
}

/* ---------------------------------------------------------------------- */
/* Names                                                                  */

/* What a spelling allows, read from how it is written: the case of the
 * first word after any "al-", and whether it is in capitals. */
static guint32
spelling_flags (const TriFoldedText *name,
                gboolean             person)
{
  const TriToken *tokens = (const TriToken *) (gpointer) name->tokens->data;
  guint n = name->tokens->len;
  guint32 flags = 0;
  guint n_letters = 0;
  gboolean upper = TRUE;

  if (!(tokens[0].flags & (TRI_TOKEN_CAPITALIZED | TRI_TOKEN_CASELESS)))
    flags |= TRI_NAME_LOWER_OK;
  for (guint i = 0; i < n; i++)
    {
      if (tokens[i].flags & TRI_TOKEN_NUMERIC)
        continue;
      n_letters += g_utf8_strlen (name->folded->str + tokens[i].fstart, tokens[i].flen);
      if (!(tokens[i].flags & TRI_TOKEN_ALL_CAPS) &&
          !((tokens[i].flags & TRI_TOKEN_CAPITALIZED) && tokens[i].flen == 1))
        upper = FALSE;
    }

  /* "US", "IS", "UN": only in capitals, or they are words.  Longer
   * abbreviations ("NATO", "ISIS") are also written "Nato", "Isis". */
  if (upper && n_letters >= 2)
    flags |= TRI_NAME_UPPER;
  if (!upper || n_letters > 3)
    flags |= TRI_NAME_MIXED_OK;
  if (person && n == 1)
    flags |= TRI_NAME_SURNAME;
  return flags;
}

static void
add_name (TriGazetteer *self,
          const char   *name,
          guint32       entry,
          gboolean      person)
{
  if (name == NULL || *name == '\0')
    return;
  _tri_folded_text_reset (&self->scratch, name, strlen (name));
  if (self->scratch.tokens->len == 0)
    return;
  _tri_name_matcher_add_folded (self->names, &self->scratch,
                                entry | spelling_flags (&self->scratch, person),
                                TRI_NAME_ENTRY_MASK);
}

static void
add_alias_list (TriGazetteer *self,
                const char   *aliases,
                guint32       entry,
                gboolean      person)
{
  const char *p = aliases;

  while (p != NULL && *p != '\0')
    {
      const char *bar = strchr (p, '|');
      gsize len = bar != NULL ? (gsize) (bar - p) : strlen (p);
      g_autofree char *alias = g_strstrip (g_strndup (p, len));

      add_name (self, alias, entry, person);
      p = bar != NULL ? bar + 1 : NULL;
    }
}

static guint32
place_entry (guint index)
{
  return (guint32) index << TRI_NAME_INDEX_SHIFT;
}

static guint32
actor_entry (guint index)
{
  return ((guint32) index << TRI_NAME_INDEX_SHIFT) | TRI_NAME_ACTOR;
}

/* Stores @place (taking the reference) as a new entry, or in place of the
 * entry with its id, and enters its names.  The old entry's names stay in
 * the index: they still lead to this id. */
static guint
store_place (TriGazetteer *self,
             TriPlace     *place)
{
  const char *id = tri_place_get_id (place);
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (self->place_ids, id));
  const char *country = tri_place_get_country (place);

  g_autoptr(TriPlace) old = NULL;

  if (index > 0)
    {
      index--;
      old = g_ptr_array_index (self->places, index);
      g_ptr_array_index (self->places, index) = place;
    }
  else
    {
      index = self->places->len;
      g_ptr_array_add (self->places, place);
    }
  /* The table's key is the old place's id: replace the key too, before the
   * old place goes. */
  g_hash_table_replace (self->place_ids, (gpointer) id, GUINT_TO_POINTER (index + 1));

  if (tri_place_get_kind (place) == TRI_PLACE_KIND_COUNTRY && country != NULL)
    g_hash_table_replace (self->countries, (gpointer) g_intern_string (country),
                          GUINT_TO_POINTER (index + 1));

  add_name (self, tri_place_get_name (place), place_entry (index), FALSE);
  add_name (self, tri_place_get_name_vi (place), place_entry (index), FALSE);
  return index;
}

static guint
store_actor (TriGazetteer *self,
             TriActor     *actor)
{
  const char *id = tri_actor_get_id (actor);
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (self->actor_ids, id));
  const char *country = tri_actor_get_country (actor);
  gboolean person = tri_actor_get_kind (actor) == TRI_ACTOR_KIND_PERSON;

  g_autoptr(TriActor) old = NULL;

  if (index > 0)
    {
      index--;
      old = g_ptr_array_index (self->actors, index);
      g_ptr_array_index (self->actors, index) = actor;
    }
  else
    {
      index = self->actors->len;
      g_ptr_array_add (self->actors, actor);
    }
  g_hash_table_replace (self->actor_ids, (gpointer) id, GUINT_TO_POINTER (index + 1));

  /* The government a country's name stands for when it is a metonym: the
   * first top-level government actor of that country. */
  if (tri_actor_get_kind (actor) == TRI_ACTOR_KIND_GOVERNMENT && country != NULL &&
      tri_actor_get_parent (actor) == NULL &&
      !g_hash_table_contains (self->governments, g_intern_string (country)))
    g_hash_table_insert (self->governments, (gpointer) g_intern_string (country),
                         GUINT_TO_POINTER (index + 1));

  add_name (self, tri_actor_get_name (actor), actor_entry (index), person);
  add_name (self, tri_actor_get_name_vi (actor), actor_entry (index), person);
  return index;
}

/* ---------------------------------------------------------------------- */
/* Files                                                                  */

typedef gboolean (*RowFunc) (TriGazetteer  *self,
                             char         **fields,
                             guint          n_fields);

static const char *
field (char  **fields,
       guint   n_fields,
       guint   column)
{
  return column < n_fields && fields[column][0] != '\0' ? fields[column] : NULL;
}

static gboolean
parse_double (const char *s,
              double     *value)
{
  char *end = NULL;

  if (s == NULL)
    return FALSE;
  *value = g_ascii_strtod (s, &end);
  return end != s && *end == '\0';
}

static gboolean
place_row (TriGazetteer  *self,
           char         **fields,
           guint          n_fields)
{
  const char *id = field (fields, n_fields, PLACE_ID);
  const char *kind_name = field (fields, n_fields, PLACE_KIND);
  const char *name = field (fields, n_fields, PLACE_NAME);
  const char *name_vi = field (fields, n_fields, PLACE_NAME_VI);
  const char *country = field (fields, n_fields, PLACE_COUNTRY);
  const char *parent = field (fields, n_fields, PLACE_PARENT);
  const char *population_field = field (fields, n_fields, PLACE_POPULATION);
  const char *flags = field (fields, n_fields, PLACE_FLAGS);
  TriPlace *old = tri_gazetteer_lookup_id (self, id);
  TriPlaceKind kind = TRI_PLACE_KIND_REGION;
  double lat, lon;
  guint64 population = 0;
  gboolean capital;
  guint index;

  if (id == NULL)
    return FALSE;

  /* A row for a known id amends it: empty fields keep what it had. */
  if (old != NULL)
    {
      if (kind_name == NULL)
        kind = tri_place_get_kind (old);
      if (name == NULL)
        name = tri_place_get_name (old);
      if (name_vi == NULL)
        name_vi = tri_place_get_name_vi (old);
      if (country == NULL)
        country = tri_place_get_country (old);
      if (parent == NULL)
        parent = tri_place_get_parent (old);
      population = tri_place_get_population (old);
    }
  if (kind_name != NULL && !tri_place_kind_from_string (kind_name, &kind))
    return FALSE;
  if (kind_name == NULL && old == NULL)
    return FALSE;
  if (name == NULL)
    return FALSE;
  if (!parse_double (field (fields, n_fields, PLACE_LAT), &lat) ||
      !parse_double (field (fields, n_fields, PLACE_LON), &lon))
    {
      if (old == NULL)
        return FALSE;
      lat = tri_place_get_latitude (old);
      lon = tri_place_get_longitude (old);
    }
  if (lat < -90 || lat > 90 || lon < -180 || lon > 180)
    return FALSE;
  if (population_field != NULL)
    population = g_ascii_strtoull (population_field, NULL, 10);
  capital = flags != NULL ? strstr (flags, "capital") != NULL
                          : (old != NULL && tri_place_is_capital (old));

  index = store_place (self, _tri_place_new_full (id, kind, name, name_vi, lat, lon, country,
                                                    parent, population, capital));
  add_alias_list (self, field (fields, n_fields, PLACE_ALIASES), place_entry (index), FALSE);
  return TRUE;
}

static gboolean
actor_row (TriGazetteer  *self,
           char         **fields,
           guint          n_fields)
{
  const char *id = field (fields, n_fields, ACTOR_ID);
  const char *kind_name = field (fields, n_fields, ACTOR_KIND);
  const char *name = field (fields, n_fields, ACTOR_NAME);
  const char *name_vi = field (fields, n_fields, ACTOR_NAME_VI);
  const char *country = field (fields, n_fields, ACTOR_COUNTRY);
  const char *parent = field (fields, n_fields, ACTOR_PARENT);
  TriActor *old = tri_gazetteer_lookup_actor (self, id);
  TriActorKind kind = TRI_ACTOR_KIND_GROUP;
  guint index;

  if (id == NULL)
    return FALSE;
  if (old != NULL)
    {
      if (kind_name == NULL)
        kind = tri_actor_get_kind (old);
      if (name == NULL)
        name = tri_actor_get_name (old);
      if (name_vi == NULL)
        name_vi = tri_actor_get_name_vi (old);
      if (country == NULL)
        country = tri_actor_get_country (old);
      if (parent == NULL)
        parent = tri_actor_get_parent (old);
    }
  if (kind_name != NULL && !tri_actor_kind_from_string (kind_name, &kind))
    return FALSE;
  if ((kind_name == NULL && old == NULL) || name == NULL)
    return FALSE;

  index = store_actor (self, tri_actor_new (id, kind, name, name_vi, country, parent));
  add_alias_list (self, field (fields, n_fields, ACTOR_ALIASES), actor_entry (index),
                  kind == TRI_ACTOR_KIND_PERSON);
  return TRUE;
}

TriLanguage
_tri_language_from_string (const char *language)
{
  if (language == NULL || *language == '\0' || strcmp (language, "*") == 0)
    return TRI_LANGUAGE_ANY;
  if (g_ascii_strncasecmp (language, "vi", 2) == 0 && (language[2] == '\0' || language[2] == '-' ||
                                                       language[2] == '_'))
    return TRI_LANGUAGE_VI;
  if (g_ascii_strncasecmp (language, "en", 2) == 0 && (language[2] == '\0' || language[2] == '-' ||
                                                       language[2] == '_'))
    return TRI_LANGUAGE_EN;
  return TRI_LANGUAGE_OTHER;
}

static gboolean
cue_row (TriGazetteer  *self,
         char         **fields,
         guint          n_fields)
{
  static const char * const types[] = {
    [TRI_CUE_BEFORE] = "before", [TRI_CUE_AFTER] = "after", [TRI_CUE_SPEECH] = "speech",
    [TRI_CUE_AUX] = "aux", [TRI_CUE_CONJ] = "conj", [TRI_CUE_TITLE] = "title",
    [TRI_CUE_PARTICLE] = "particle", [TRI_CUE_WEAK] = "weak", [TRI_CUE_STOP] = "stop",
    [TRI_CUE_HEAD] = "head",
  };
  const char *type = field (fields, n_fields, CUE_TYPE);
  const char *phrase = field (fields, n_fields, CUE_PHRASE);
  const char *kinds = field (fields, n_fields, CUE_KINDS);
  TriCue cue = { 0, };
  guint i;

  if (type == NULL || phrase == NULL)
    return FALSE;
  for (i = 0; i < G_N_ELEMENTS (types); i++)
    if (strcmp (type, types[i]) == 0)
      break;
  if (i == G_N_ELEMENTS (types))
    return FALSE;

  cue.type = i;
  cue.language = _tri_language_from_string (field (fields, n_fields, CUE_LANGUAGE));
  if (kinds != NULL)
    {
      g_auto(GStrv) names = g_strsplit (kinds, ",", -1);

      for (guint k = 0; names[k] != NULL; k++)
        {
          TriPlaceKind kind;

          if (!tri_place_kind_from_string (g_strstrip (names[k]), &kind))
            return FALSE;
          if (cue.kinds == 0)
            cue.primary = kind;
          cue.kinds |= 1 << kind;
        }
    }

  /* Vietnamese cue words differ by their diacritics alone ("tướng",
   * general, and "tưởng", to believe): remember how they are written. */
  if (cue.language == TRI_LANGUAGE_VI && cue.type != TRI_CUE_STOP && cue.type != TRI_CUE_WEAK)
    {
      TriFoldedText folded;
      g_autofree char *words = NULL;

      _tri_folded_text_init (&folded, phrase, strlen (phrase));
      words = _tri_folded_text_dup_words (&folded, 0, folded.tokens->len);
      cue.words = g_intern_string (words);
      _tri_folded_text_clear (&folded);
    }

  /* Weak words are common words that differ from the place name only by
   * their diacritics ("Ảnh", photo, is not "Anh", Britain): keep their exact
   * spelling to compare with. */
  if (cue.type == TRI_CUE_WEAK)
    g_hash_table_add (self->weak_spellings, g_utf8_casefold (phrase, -1));

  g_array_append_val (self->cue_records, cue);
  return _tri_name_matcher_add (self->cues, phrase, self->cue_records->len - 1, G_MAXUINT32) > 0;
}

static gboolean
load_tsv (TriGazetteer  *self,
          const char    *path,
          RowFunc        row_func,
          GError       **error)
{
  g_autofree char *contents = NULL;
  gsize length;
  char *line;
  char *next;
  guint line_number = 0;
  guint n_skipped = 0;
  guint first_skipped = 0;

  if (!g_file_get_contents (path, &contents, &length, error))
    return FALSE;
  if (!g_utf8_validate_len (contents, length, NULL))
    {
      g_set_error (error, TRI_ERROR, TRI_ERROR_INVALID_ENCODING,
                   "%s is not valid UTF-8", path);
      return FALSE;
    }

  for (line = contents; line != NULL && line < contents + length; line = next)
    {
      char *fields[MAX_COLUMNS];
      guint n_fields = 0;
      char *p;

      line_number++;
      next = strchr (line, '\n');
      if (next != NULL)
        *next++ = '\0';
      if (next != NULL && next > line + 1 && next[-2] == '\r')
        next[-2] = '\0';
      if (*line == '#' || *line == '\0')
        continue;

      for (p = line; n_fields < MAX_COLUMNS; )
        {
          char *tab = strchr (p, '\t');

          fields[n_fields++] = p;
          if (tab == NULL)
            break;
          *tab = '\0';
          p = tab + 1;
        }
      for (guint i = 0; i < n_fields; i++)
        g_strstrip (fields[i]);

      if (!row_func (self, fields, n_fields))
        {
          if (n_skipped++ == 0)
            first_skipped = line_number;
        }
    }

  /* A researcher's file with a bad row still loads the others; say where. */
  if (n_skipped > 0)
    g_message ("%s: skipped %u malformed row(s), the first at line %u",
               path, n_skipped, first_skipped);
  return TRUE;
}

/**
 * tri_gazetteer_load_file:
 * @self: a #TriGazetteer
 * @what: what the file holds
 * @path: a tab-separated file in the format of the library's own
 * @error: return location for a #GError
 *
 * Adds the entries of a file.  An entry whose id is known amends that
 * entry: its non-empty fields replace the old ones and its aliases are
 * added.  Malformed rows are skipped.
 *
 * Returns: %FALSE if the file could not be read
 */
gboolean
tri_gazetteer_load_file (TriGazetteer      *self,
                         TriGazetteerFile   what,
                         const char        *path,
                         GError           **error)
{
  RowFunc funcs[] = { place_row, actor_row, cue_row };

  g_return_val_if_fail (TRI_IS_GAZETTEER (self), FALSE);
  g_return_val_if_fail (what < G_N_ELEMENTS (funcs), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return load_tsv (self, path, funcs[what], error);
}

/**
 * tri_gazetteer_load_user_files:
 * @self: a #TriGazetteer
 * @dir: (nullable): the folder, or %NULL for the researcher's data folder
 *   (`$XDG_DATA_HOME/triangulate`)
 * @error: return location for a #GError
 *
 * Adds the researcher's own places.tsv, actors.tsv and cues.tsv from @dir,
 * those that exist.
 *
 * Returns: %FALSE if one exists but could not be read
 */
gboolean
tri_gazetteer_load_user_files (TriGazetteer  *self,
                               const char    *dir,
                               GError       **error)
{
  static const char * const files[] = { "places.tsv", "actors.tsv", "cues.tsv" };
  g_autofree char *user_dir = NULL;

  g_return_val_if_fail (TRI_IS_GAZETTEER (self), FALSE);

  if (dir == NULL)
    dir = user_dir = tri_data_user_dir ();
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (dir, files[i], NULL);

      if (g_file_test (path, G_FILE_TEST_IS_REGULAR) &&
          !tri_gazetteer_load_file (self, i, path, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * tri_gazetteer_new_from_files:
 * @places_path: (nullable): a places file
 * @actors_path: (nullable): an actors file
 * @cues_path: (nullable): a cues file
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): a gazetteer with the entries of the
 *   given files, or %NULL if one could not be read
 */
TriGazetteer *
tri_gazetteer_new_from_files (const char  *places_path,
                              const char  *actors_path,
                              const char  *cues_path,
                              GError     **error)
{
  g_autoptr(TriGazetteer) self = tri_gazetteer_new ();
  const char *paths[] = { places_path, actors_path, cues_path };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    if (paths[i] != NULL && !tri_gazetteer_load_file (self, i, paths[i], error))
      return NULL;
  return g_steal_pointer (&self);
}

/**
 * tri_gazetteer_new_default:
 *
 * A gazetteer of its own with what the shared one has: the library's data
 * and the researcher's own files.  Entries added to it (a project's own
 * places and actors) stay out of the shared gazetteer.  A missing or
 * unreadable file is logged and left out.
 *
 * Returns: (transfer full): a new gazetteer
 */
TriGazetteer *
tri_gazetteer_new_default (void)
{
  static const struct {
    TriGazetteerFile  what;
    const char       *path;
  } files[] = {
    { TRI_GAZETTEER_FILE_PLACES, "gazetteer/places.tsv" },
    { TRI_GAZETTEER_FILE_ACTORS, "actors/actors.tsv" },
    { TRI_GAZETTEER_FILE_CUES, "gazetteer/cues.tsv" },
    { TRI_GAZETTEER_FILE_CUES, "gazetteer/stopwords.tsv" },
  };
  TriGazetteer *self = tri_gazetteer_new ();
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = tri_data_find (files[i].path);

      if (path == NULL)
        g_message ("No %s in %s: places or actors will be missed",
                   files[i].path, tri_data_dir ());
      else if (!tri_gazetteer_load_file (self, files[i].what, path, &error))
        {
          g_message ("%s", error->message);
          g_clear_error (&error);
        }
    }
  if (!tri_gazetteer_load_user_files (self, NULL, &error))
    g_message ("%s", error->message);

  return self;
}

/**
 * tri_gazetteer_get_default:
 *
 * The gazetteer of the library's data and the researcher's own files,
 * loaded at the first call (see tri_gazetteer_new_default()).
 *
 * Returns: (transfer none): the shared gazetteer
 */
TriGazetteer *
tri_gazetteer_get_default (void)
{
  static TriGazetteer *instance;

  if (g_once_init_enter (&instance))
    g_once_init_leave (&instance, tri_gazetteer_new_default ());

  return instance;
}

/* ---------------------------------------------------------------------- */
/* Entries                                                                */

/**
 * tri_gazetteer_add_place:
 * @self: a #TriGazetteer
 * @place: a place; one with a known id replaces that entry
 * @aliases: (nullable) (array zero-terminated=1): other names of it
 *
 * Adds a place at run time, for instance one a researcher entered in a
 * project.
 *
 * Returns: %TRUE
 */
gboolean
tri_gazetteer_add_place (TriGazetteer       *self,
                         TriPlace           *place,
                         const char * const *aliases)
{
  guint index;

  g_return_val_if_fail (TRI_IS_GAZETTEER (self), FALSE);
  g_return_val_if_fail (place != NULL, FALSE);

  index = store_place (self, tri_place_ref (place));
  for (guint i = 0; aliases != NULL && aliases[i] != NULL; i++)
    add_name (self, aliases[i], place_entry (index), FALSE);
  return TRUE;
}

/**
 * tri_gazetteer_add_actor:
 * @self: a #TriGazetteer
 * @actor: an actor; one with a known id replaces that entry
 * @aliases: (nullable) (array zero-terminated=1): other names of it
 *
 * Adds an actor at run time.
 *
 * Returns: %TRUE
 */
gboolean
tri_gazetteer_add_actor (TriGazetteer       *self,
                         TriActor           *actor,
                         const char * const *aliases)
{
  gboolean person;
  guint index;

  g_return_val_if_fail (TRI_IS_GAZETTEER (self), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);

  person = tri_actor_get_kind (actor) == TRI_ACTOR_KIND_PERSON;
  index = store_actor (self, tri_actor_ref (actor));
  for (guint i = 0; aliases != NULL && aliases[i] != NULL; i++)
    add_name (self, aliases[i], actor_entry (index), person);
  return TRUE;
}

/**
 * tri_gazetteer_add_alias:
 * @self: a #TriGazetteer
 * @id: the id of a place or an actor
 * @alias: another name for it
 *
 * Returns: %FALSE if there is no place or actor with that id
 */
gboolean
tri_gazetteer_add_alias (TriGazetteer *self,
                         const char   *id,
                         const char   *alias)
{
  guint index;

  g_return_val_if_fail (TRI_IS_GAZETTEER (self), FALSE);
  g_return_val_if_fail (id != NULL && alias != NULL, FALSE);

  if ((index = GPOINTER_TO_UINT (g_hash_table_lookup (self->place_ids, id))) > 0)
    add_name (self, alias, place_entry (index - 1), FALSE);
  else if ((index = GPOINTER_TO_UINT (g_hash_table_lookup (self->actor_ids, id))) > 0)
    add_name (self, alias, actor_entry (index - 1),
              tri_actor_get_kind (g_ptr_array_index (self->actors, index - 1)) == TRI_ACTOR_KIND_PERSON);
  else
    return FALSE;
  return TRUE;
}

guint
tri_gazetteer_get_n_places (TriGazetteer *self)
{
  g_return_val_if_fail (TRI_IS_GAZETTEER (self), 0);
  return self->places->len;
}

guint
tri_gazetteer_get_n_actors (TriGazetteer *self)
{
  g_return_val_if_fail (TRI_IS_GAZETTEER (self), 0);
  return self->actors->len;
}

/**
 * tri_gazetteer_lookup_id:
 * @self: a #TriGazetteer
 * @id: (nullable): a place id ("al-asad-air-base")
 *
 * Returns: (transfer none) (nullable): the place, valid while @self is
 */
TriPlace *
tri_gazetteer_lookup_id (TriGazetteer *self,
                         const char   *id)
{
  guint index;

  g_return_val_if_fail (TRI_IS_GAZETTEER (self), NULL);

  if (id == NULL)
    return NULL;
  index = GPOINTER_TO_UINT (g_hash_table_lookup (self->place_ids, id));
  return index > 0 ? g_ptr_array_index (self->places, index - 1) : NULL;
}

/**
 * tri_gazetteer_lookup_actor:
 * @self: a #TriGazetteer
 * @id: (nullable): an actor id ("centcom")
 *
 * Returns: (transfer none) (nullable): the actor, valid while @self is
 */
TriActor *
tri_gazetteer_lookup_actor (TriGazetteer *self,
                            const char   *id)
{
  guint index;

  g_return_val_if_fail (TRI_IS_GAZETTEER (self), NULL);

  if (id == NULL)
    return NULL;
  index = GPOINTER_TO_UINT (g_hash_table_lookup (self->actor_ids, id));
  return index > 0 ? g_ptr_array_index (self->actors, index - 1) : NULL;
}

/**
 * tri_gazetteer_lookup_country:
 * @self: a #TriGazetteer
 * @iso_code: an ISO 3166-1 alpha-2 code ("IQ")
 *
 * Returns: (transfer none) (nullable): the country
 */
TriPlace *
tri_gazetteer_lookup_country (TriGazetteer *self,
                              const char   *iso_code)
{
  guint index;

  g_return_val_if_fail (TRI_IS_GAZETTEER (self), NULL);
  g_return_val_if_fail (iso_code != NULL, NULL);

  index = GPOINTER_TO_UINT (g_hash_table_lookup (self->countries, g_intern_string (iso_code)));
  return index > 0 ? g_ptr_array_index (self->places, index - 1) : NULL;
}

static int
kind_rank (TriPlaceKind kind)
{
  switch (kind)
    {
    case TRI_PLACE_KIND_COUNTRY: return 0;
    case TRI_PLACE_KIND_REGION: return 1;
    case TRI_PLACE_KIND_ADMIN1: return 2;
    case TRI_PLACE_KIND_CITY: return 3;
    case TRI_PLACE_KIND_AIR_BASE:
    case TRI_PLACE_KIND_MILITARY_BASE:
    case TRI_PLACE_KIND_AIRPORT:
    case TRI_PLACE_KIND_FACILITY:
    default:
      return 4;
    }
}

static int
compare_places (gconstpointer a,
                gconstpointer b)
{
  const TriPlace *pa = *(TriPlace * const *) a;
  const TriPlace *pb = *(TriPlace * const *) b;
  int ra = kind_rank (tri_place_get_kind (pa));
  int rb = kind_rank (tri_place_get_kind (pb));
  guint64 popa = tri_place_get_population (pa);
  guint64 popb = tri_place_get_population (pb);

  if (ra != rb)
    return ra - rb;
  return popa < popb ? 1 : popa > popb ? -1 : 0;
}

static GPtrArray *
lookup_name (TriGazetteer *self,
             const char   *name,
             gboolean      actors)
{
  GPtrArray *result;
  const guint32 *values;
  guint32 key;
  guint n_values;

  if (actors)
    result = g_ptr_array_new_with_free_func ((GDestroyNotify) tri_actor_unref);
  else
    result = g_ptr_array_new_with_free_func ((GDestroyNotify) tri_place_unref);

  key = _tri_name_matcher_lookup_name (self->names, name);
  if (key == G_MAXUINT32)
    return result;
  values = _tri_name_matcher_get_values (self->names, key, &n_values);
  for (guint i = 0; i < n_values; i++)
    {
      guint index = TRI_NAME_INDEX (values[i]);

      if (((values[i] & TRI_NAME_ACTOR) != 0) != actors)
        continue;
      if (actors)
        g_ptr_array_add (result, tri_actor_ref (g_ptr_array_index (self->actors, index)));
      else
        g_ptr_array_add (result, tri_place_ref (g_ptr_array_index (self->places, index)));
    }
  if (!actors)
    g_ptr_array_sort (result, compare_places);
  return result;
}

/**
 * tri_gazetteer_lookup_name:
 * @self: a #TriGazetteer
 * @name: a name as written ("Li-băng", "Ain al-Assad")
 *
 * Finds the places a name may stand for, ignoring case, diacritics,
 * hyphens, spacing, a leading "al-" and doubled letters.  Countries come
 * first, then regions, provinces, cities by population, and sites.
 *
 * Returns: (transfer full) (element-type TriPlace): the places, maybe none
 */
GPtrArray *
tri_gazetteer_lookup_name (TriGazetteer *self,
                           const char   *name)
{
  g_return_val_if_fail (TRI_IS_GAZETTEER (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return lookup_name (self, name, FALSE);
}

/**
 * tri_gazetteer_lookup_actor_name:
 * @self: a #TriGazetteer
 * @name: a name as written ("Lầu Năm Góc")
 *
 * Returns: (transfer full) (element-type TriActor): the actors, maybe none
 */
GPtrArray *
tri_gazetteer_lookup_actor_name (TriGazetteer *self,
                                 const char   *name)
{
  g_return_val_if_fail (TRI_IS_GAZETTEER (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return lookup_name (self, name, TRUE);
}

/**
 * tri_gazetteer_is_within:
 * @self: a #TriGazetteer
 * @child_id: a place id
 * @ancestor_id: another place id
 *
 * Whether a place lies in another, following parents: Al Asad Air Base is
 * within Anbar, Iraq and the Middle East.  A place is within itself.
 *
 * Returns: %TRUE if @ancestor_id is @child_id or one of its ancestors
 */
gboolean
tri_gazetteer_is_within (TriGazetteer *self,
                         const char   *child_id,
                         const char   *ancestor_id)
{
  const char *id = child_id;

  g_return_val_if_fail (TRI_IS_GAZETTEER (self), FALSE);
  g_return_val_if_fail (child_id != NULL && ancestor_id != NULL, FALSE);

  /* Bounded, in case a researcher's file makes a loop. */
  for (guint depth = 0; id != NULL && depth < 32; depth++)
    {
      TriPlace *place;

      if (strcmp (id, ancestor_id) == 0)
        return TRUE;
      if ((place = tri_gazetteer_lookup_id (self, id)) == NULL)
        return FALSE;
      id = tri_place_get_parent (place);
    }
  return FALSE;
}

/* ---------------------------------------------------------------------- */
/* For the tagger                                                         */

const TriNameMatcher *
_tri_gazetteer_get_names (TriGazetteer *self)
{
  return self->names;
}

const TriNameMatcher *
_tri_gazetteer_get_cues (TriGazetteer *self)
{
  return self->cues;
}

const TriCue *
_tri_gazetteer_get_cue (TriGazetteer *self,
                        guint32       value)
{
  g_return_val_if_fail (value < self->cue_records->len, NULL);
  return &g_array_index (self->cue_records, TriCue, value);
}

TriPlace *
_tri_gazetteer_get_place (TriGazetteer *self,
                          guint         index)
{
  g_return_val_if_fail (index < self->places->len, NULL);
  return g_ptr_array_index (self->places, index);
}

TriActor *
_tri_gazetteer_get_actor (TriGazetteer *self,
                          guint         index)
{
  g_return_val_if_fail (index < self->actors->len, NULL);
  return g_ptr_array_index (self->actors, index);
}

TriActor *
_tri_gazetteer_get_government (TriGazetteer *self,
                               const char   *country)
{
  guint index;

  if (country == NULL)
    return NULL;
  index = GPOINTER_TO_UINT (g_hash_table_lookup (self->governments, g_intern_string (country)));
  return index > 0 ? g_ptr_array_index (self->actors, index - 1) : NULL;
}

/* Whether @word, as written, is one of the weak words' spellings. */
gboolean
_tri_gazetteer_is_weak_spelling (TriGazetteer *self,
                                 const char   *word,
                                 gsize         len)
{
  g_autofree char *folded = g_utf8_casefold (word, len);

  return g_hash_table_contains (self->weak_spellings, folded);
}

gsize
_tri_gazetteer_get_index_size (TriGazetteer *self)
{
  return _tri_name_matcher_get_size (self->names) + _tri_name_matcher_get_size (self->cues);
}
