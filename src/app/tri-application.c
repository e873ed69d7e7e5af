/* tri-application.c
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-application"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tri-application.h"
#include "tri-window.h"
#if HAVE_TRI_MAP_VIEW
# include "tri-map-view.h"
#endif

#define SETTINGS_SCHEMA_ID "io.github.triangulate.Triangulate"

struct _TriApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;

  /* --smoke-test */
  gboolean        smoke_test;
  guint           smoke_source;
  gint64          smoke_deadline;
  gint64          smoke_settled;
  int             exit_status;
  gboolean        recovery_offered;
};

G_DEFINE_FINAL_TYPE (TriApplication, tri_application, ADW_TYPE_APPLICATION)

TriApplication *
tri_application_new (void)
{
  return g_object_new (TRI_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_BASE_PATH,
                       NULL);
}

static TriWindow *
get_window (TriApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    {
      window = GTK_WINDOW (tri_window_new (GTK_APPLICATION (self)));
      /* What a crash left: offered once, in the first window. */
      if (!self->smoke_test && !self->recovery_offered)
        self->recovery_offered = tri_window_offer_recovery (TRI_WINDOW (window));
    }
  return TRI_WINDOW (window);
}

/* --smoke-test: the places the sample corpus must put on the map. */
static const char * const smoke_places[] = { "al-asad", "harir", "baghdad" };

#define SMOKE_TIMEOUT_SECONDS 120
#define SMOKE_SETTLE_SECONDS  5

static void
smoke_finish (TriApplication *self,
              int             status)
{
  GtkWindow *window;

  self->exit_status = status;
  self->smoke_source = 0;
  while ((window = gtk_application_get_active_window (GTK_APPLICATION (self))) != NULL)
    {
      TriProjectSession *session = tri_window_get_session (TRI_WINDOW (window));
      TriProject *project = tri_project_session_get_project (session);
      g_autoptr(GFile) working = NULL;

      /* A check run leaves no untitled project to recover. */
      if (project != NULL && tri_project_session_get_untitled (session)
          && tri_project_get_working_copy (project) != NULL)
        working = g_object_ref (tri_project_get_working_copy (project));
      tri_project_session_close (session, NULL);
      if (working != NULL)
        tri_project_discard_recoverable (working, NULL);
      gtk_window_destroy (window);
    }
  g_application_quit (G_APPLICATION (self));
}

static gboolean
smoke_check (gpointer user_data)
{
  TriApplication *self = user_data;
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));
  TriWindow *window;
  TriCorpus *corpus;
  TriClaimsModel *model;
  GPtrArray *clusters;
  g_autoptr(GString) missing = g_string_new (NULL);
  guint n_articles, n_claims = 0, n_markers = 0;
  gboolean timed_out = g_get_monotonic_time () > self->smoke_deadline;

  if (!TRI_IS_WINDOW (active))
    {
      g_printerr ("smoke test: no window\n");
      smoke_finish (self, 1);
      return G_SOURCE_REMOVE;
    }
  window = TRI_WINDOW (active);
  corpus = tri_window_get_corpus (window);
  model = tri_window_get_claims_model (window);
  n_articles = g_list_model_get_n_items (G_LIST_MODEL (corpus));

  if (!timed_out
      && (n_articles == 0 || tri_corpus_get_loading (corpus) || tri_claims_model_get_busy (model)))
    return G_SOURCE_CONTINUE;

  clusters = tri_corpus_get_clusters (corpus);
  for (guint i = 0; clusters != NULL && i < clusters->len; i++)
    {
      TriCluster *cluster = g_ptr_array_index (clusters, i);

      n_claims += cluster->claims != NULL ? cluster->claims->len : 0;
    }

#if HAVE_TRI_MAP_VIEW
  {
    TriMapView *map = TRI_MAP_VIEW (tri_window_get_map (window));

    n_markers = tri_map_view_get_n_markers (map);
    for (guint p = 0; p < G_N_ELEMENTS (smoke_places); p++)
      {
        gboolean found = FALSE;

        for (guint i = 0; i < n_markers && !found; i++)
          {
            const TriMapMarker *marker = tri_map_view_get_marker (map, i);

            found = marker != NULL && marker->id != NULL
                    && g_str_has_prefix (marker->id, smoke_places[p]);
          }
        if (!found)
          g_string_append_printf (missing, "%smarker %s", missing->len ? ", " : "", smoke_places[p]);
      }
  }
#else
  g_string_append (missing, "map");
#endif
  if (n_articles == 0)
    g_string_append_printf (missing, "%sarticles", missing->len ? ", " : "");
  if (tri_claims_model_get_n_all (model) == 0)
    g_string_append_printf (missing, "%sclaims in the list", missing->len ? ", " : "");

  /* Loaded and cross-referenced: the markers follow within a few frames. */
  if (self->smoke_settled == 0)
    self->smoke_settled = g_get_monotonic_time ();
  if (missing->len > 0 && !timed_out
      && g_get_monotonic_time () - self->smoke_settled < SMOKE_SETTLE_SECONDS * G_USEC_PER_SEC)
    return G_SOURCE_CONTINUE;

  if (missing->len > 0)
    {
      g_printerr ("smoke test failed%s: missing %s "
                  "(%u articles, %u claims, %u clusters, %u markers)\n",
                  timed_out ? " (timed out)" : "", missing->str, n_articles, n_claims,
                  clusters ? clusters->len : 0, n_markers);
      smoke_finish (self, 1);
    }
  else
    {
      g_print ("smoke test passed: %u articles, %u claims, %u clusters, %u markers\n",
               n_articles, n_claims, clusters ? clusters->len : 0, n_markers);
      smoke_finish (self, 0);
    }
  return G_SOURCE_REMOVE;
}

static int
tri_application_handle_local_options (GApplication *app,
                                      GVariantDict *options)
{
  TriApplication *self = TRI_APPLICATION (app);

  if (g_variant_dict_contains (options, "smoke-test"))
    {
      /* A test run of its own: never hand the files to a running instance. */
      self->smoke_test = TRUE;
      g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
    }
  return -1;
}

static void
tri_application_activate (GApplication *app)
{
  TriApplication *self = TRI_APPLICATION (app);

  if (self->smoke_test)
    {
      g_printerr ("smoke test: give the files or folders to load\n");
      self->exit_status = 1;
      return;
    }
  gtk_window_present (GTK_WINDOW (get_window (self)));
}

static void
tri_application_open (GApplication  *app,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  TriWindow *window = get_window (TRI_APPLICATION (app));

  TriApplication *self = TRI_APPLICATION (app);

  tri_window_open (window, files, n_files);
  gtk_window_present (GTK_WINDOW (window));
  if (self->smoke_test && self->smoke_source == 0)
    {
      self->smoke_deadline = g_get_monotonic_time () + SMOKE_TIMEOUT_SECONDS * G_USEC_PER_SEC;
      self->smoke_source = g_timeout_add (100, smoke_check, self);
    }
}

/**
 * tri_application_get_exit_status:
 * @self: a #TriApplication
 *
 * Returns: what the process should exit with: 1 after a failed smoke test
 */
int
tri_application_get_exit_status (TriApplication *self)
{
  g_return_val_if_fail (TRI_IS_APPLICATION (self), 1);

  return self->exit_status;
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *app = user_data;
  static const char *developers[] = { "The Triangulate authors", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "application-name", _("Triangulate"),
                        "application-icon", APP_ID,
                        "developer-name", _("The Triangulate authors"),
                        "version", PACKAGE_VERSION,
                        "website", "https://github.com/triangulate/triangulate",
                        "issue-url", "https://github.com/triangulate/triangulate/issues",
                        "copyright", "© 2026 The Triangulate authors",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* Translators: put your names here, one per line */
                        "translator-credits", _("translator-credits"),
                        "comments", _("Compare news sources by the dates, numbers, places and claims they report"),
                        NULL);
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about), _("Map data"),
                                      _("Natural Earth, public domain; OpenStreetMap tiles © OpenStreetMap contributors"),
                                      GTK_LICENSE_CUSTOM, NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *app = user_data;
  GtkWindow *window;

  /* Close the windows so they save their size. */
  while ((window = gtk_application_get_active_window (app)) != NULL)
    gtk_window_destroy (window);
  g_application_quit (G_APPLICATION (app));
}

static gboolean
basemap_get_mapping (GValue   *value,
                     GVariant *variant,
                     gpointer  user_data)
{
  g_value_set_uint (value, g_str_equal (g_variant_get_string (variant, NULL), "openstreetmap") ? 1 : 0);
  return TRUE;
}

static GVariant *
basemap_set_mapping (const GValue       *value,
                     const GVariantType *expected_type,
                     gpointer            user_data)
{
  return g_variant_new_string (g_value_get_uint (value) == 1 ? "openstreetmap" : "offline");
}

static void
on_tile_url_applied (AdwEntryRow *row,
                     GSettings   *settings)
{
  const char *url = gtk_editable_get_text (GTK_EDITABLE (row));

  /* Only a template with the three placeholders can give tiles. */
  if (strstr (url, "{z}") && strstr (url, "{x}") && strstr (url, "{y}"))
    g_settings_set_string (settings, "tile-url-template", url);
  else
    gtk_editable_set_text (GTK_EDITABLE (row), g_settings_get_string (settings, "tile-url-template"));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  TriApplication *self = user_data;
  const char *basemaps[] = { N_("Offline (Natural Earth)"), N_("OpenStreetMap"), NULL };
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *url = NULL;
  AdwPreferencesWindow *window;
  AdwPreferencesPage *page;
  AdwPreferencesGroup *group;
  GtkWidget *basemap, *template;

  for (guint i = 0; basemaps[i]; i++)
    gtk_string_list_append (names, _(basemaps[i]));

  window = g_object_new (ADW_TYPE_PREFERENCES_WINDOW,
                         "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                         "modal", TRUE,
                         "search-enabled", FALSE,
                         NULL);
  page = g_object_new (ADW_TYPE_PREFERENCES_PAGE,
                       "title", _("Map"),
                       "icon-name", "mark-location-symbolic",
                       NULL);
  group = g_object_new (ADW_TYPE_PREFERENCES_GROUP,
                        "title", _("Basemap"),
                        "description", _("The offline map needs no network. OpenStreetMap tiles are "
                                         "© OpenStreetMap contributors; they are downloaded as you "
                                         "pan and kept in a cache, following the OpenStreetMap tile "
                                         "usage policy."),
                        NULL);
  basemap = g_object_new (ADW_TYPE_COMBO_ROW,
                          "title", _("Basemap"),
                          "model", names,
                          NULL);
  g_settings_bind_with_mapping (self->settings, "basemap", basemap, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                basemap_get_mapping, basemap_set_mapping, NULL, NULL);
  template = g_object_new (ADW_TYPE_ENTRY_ROW,
                           "title", _("Tile URL template"),
                           "show-apply-button", TRUE,
                           NULL);
  url = g_settings_get_string (self->settings, "tile-url-template");
  gtk_editable_set_text (GTK_EDITABLE (template), url);
  g_signal_connect_object (template, "apply", G_CALLBACK (on_tile_url_applied), self->settings, 0);
  g_object_bind_property (basemap, "selected", template, "sensitive", G_BINDING_SYNC_CREATE);

  adw_preferences_group_add (group, basemap);
  adw_preferences_group_add (group, template);
  adw_preferences_page_add (page, group);
  adw_preferences_window_add (window, page);
  gtk_window_present (GTK_WINDOW (window));
}

static const GActionEntry app_actions[] = {
  { .name = "preferences", .activate = preferences_action },
  { .name = "about", .activate = about_action },
  { .name = "quit", .activate = quit_action },
};

static void
on_online_map_changed (GSimpleAction *action,
                       GVariant      *value,
                       gpointer       user_data)
{
  TriApplication *self = user_data;

  g_settings_set_string (self->settings, "basemap",
                         g_variant_get_boolean (value) ? "openstreetmap" : "offline");
  g_simple_action_set_state (action, value);
}

static void
tri_application_startup (GApplication *app)
{
  TriApplication *self = TRI_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  g_autoptr(GSimpleAction) online = NULL;

  G_APPLICATION_CLASS (tri_application_parent_class)->startup (app);

#if HAVE_TRI_MAP_VIEW
  tri_map_setup_user_agent ();
#endif

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);

  self->settings = g_settings_new (SETTINGS_SCHEMA_ID);
  /* "basemap" is an enum; the menu toggles between its two values. */
  online = g_simple_action_new_stateful ("online-map", NULL,
                                         g_variant_new_boolean (g_settings_get_enum (self->settings, "basemap") == 1));
  g_signal_connect (online, "change-state", G_CALLBACK (on_online_map_changed), self);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (online));
}

static void
tri_application_dispose (GObject *object)
{
  TriApplication *self = (TriApplication *)object;

  g_clear_object (&self->settings);
  g_clear_handle_id (&self->smoke_source, g_source_remove);

  G_OBJECT_CLASS (tri_application_parent_class)->dispose (object);
}

static void
tri_application_class_init (TriApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = tri_application_dispose;
  app_class->activate = tri_application_activate;
  app_class->handle_local_options = tri_application_handle_local_options;
  app_class->open = tri_application_open;
  app_class->startup = tri_application_startup;
}

static void
tri_application_init (TriApplication *self)
{
  static const GOptionEntry entries[] = {
    { "smoke-test", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Open the files, check that claims and map markers appear, print a summary and exit"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
}
