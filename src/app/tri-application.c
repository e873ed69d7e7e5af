/* tri-application.c
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-application"

#include "config.h"

#include <glib/gi18n.h>

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
    window = GTK_WINDOW (tri_window_new (GTK_APPLICATION (self)));
  return TRI_WINDOW (window);
}

static void
tri_application_activate (GApplication *app)
{
  gtk_window_present (GTK_WINDOW (get_window (TRI_APPLICATION (app))));
}

static void
tri_application_open (GApplication  *app,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  TriWindow *window = get_window (TRI_APPLICATION (app));

  tri_window_open (window, files, n_files);
  gtk_window_present (GTK_WINDOW (window));
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

static const GActionEntry app_actions[] = {
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
  g_autoptr(GSimpleAction) online = NULL;

  G_APPLICATION_CLASS (tri_application_parent_class)->startup (app);

#if HAVE_TRI_MAP_VIEW
  tri_map_setup_user_agent ();
#endif

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);

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

  G_OBJECT_CLASS (tri_application_parent_class)->dispose (object);
}

static void
tri_application_class_init (TriApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = tri_application_dispose;
  app_class->activate = tri_application_activate;
  app_class->open = tri_application_open;
  app_class->startup = tri_application_startup;
}

static void
tri_application_init (TriApplication *self)
{
}
