/* tri-window.c
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-window"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "tri-project-session.h"
#include "tri-window.h"
#if HAVE_TRI_MAP_VIEW
# include "tri-map-view.h"
#endif

#define SETTINGS_SCHEMA_ID "io.github.triangulate.Triangulate"

/* Selecting anywhere selects everywhere: a marker filters the claims to
 * its place and selects the first; a claim highlights its sentence and
 * its marker; a source filters the claims to its article and shows its
 * text. The timeline's range filters the claims and the markers. */

struct _TriWindow
{
  AdwApplicationWindow  parent_instance;

  /* template widgets */
  GtkWidget            *claim_actions;
  TriClaimsList        *claims_list;
  GtkWidget            *claims_pane;
  GtkStack             *claims_stack;
  GtkPaned             *content_paned;
  GtkLabel             *count_label;
  GtkStack             *main_stack;
  GtkBox               *map_box;
  GtkEntry             *note_entry;
  GtkPaned             *outer_paned;
  GtkDropDown          *override_dropdown;
  GtkButton            *place_chip;
  GMenu                *recent_menu;
  GtkToggleButton      *play_button;
  GtkProgressBar       *progress_bar;
  GtkToggleButton      *hide_button;
  GtkLabel             *range_label;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkButton            *set_date_button;
  GtkPaned             *sidebar_paned;
  GtkDropDown          *sort_dropdown;
  GtkButton            *source_chip;
  GtkWidget            *source_pane;
  TriSourceView        *source_view;
  GtkListView          *sources_list;
  TriTimeline          *timeline;
  AdwToastOverlay      *toast_overlay;
  GtkDropDown          *type_dropdown;
  GtkDropDown          *verdict_dropdown;
  AdwWindowTitle       *window_title;

  /* owned */
  GSettings            *settings;
  TriCorpus            *corpus;
  TriClaimsModel       *model;
  GtkSingleSelection   *claims_selection;
  GtkSingleSelection   *sources_selection;
  GtkStringList        *types;
  GStrv                 type_ids;
  GCancellable         *cancellable;
  GtkWidget            *map;
  GtkFileChooserNative *chooser;
  TriProjectSession    *session;
  GtkFileChooserNative *project_chooser;
  GCancellable         *project_cancellable;
  guint                 pulse_source;
  gboolean              updating;
  gboolean              select_newest;
  guint                 events_serial;
  guint                 n_toasts;
};

G_DEFINE_FINAL_TYPE (TriWindow, tri_window, ADW_TYPE_APPLICATION_WINDOW)

TriWindow *
tri_window_new (GtkApplication *application)
{
  return g_object_new (TRI_TYPE_WINDOW, "application", application, NULL);
}

/* Accessors for tests */

TriCorpus *
tri_window_get_corpus (TriWindow *self)
{
  g_return_val_if_fail (TRI_IS_WINDOW (self), NULL);
  return self->corpus;
}

TriClaimsModel *
tri_window_get_claims_model (TriWindow *self)
{
  g_return_val_if_fail (TRI_IS_WINDOW (self), NULL);
  return self->model;
}

TriTimeline *
tri_window_get_timeline (TriWindow *self)
{
  g_return_val_if_fail (TRI_IS_WINDOW (self), NULL);
  return self->timeline;
}

TriSourceView *
tri_window_get_source_view (TriWindow *self)
{
  g_return_val_if_fail (TRI_IS_WINDOW (self), NULL);
  return self->source_view;
}

GtkWidget *
tri_window_get_map (TriWindow *self)
{
  g_return_val_if_fail (TRI_IS_WINDOW (self), NULL);
  return self->map;
}

TriClaimsList *
tri_window_get_claims_list (TriWindow *self)
{
  g_return_val_if_fail (TRI_IS_WINDOW (self), NULL);
  return self->claims_list;
}

GtkListView *
tri_window_get_sources_list (TriWindow *self)
{
  g_return_val_if_fail (TRI_IS_WINDOW (self), NULL);
  return self->sources_list;
}

TriClaimItem *
tri_window_get_selected_claim (TriWindow *self)
{
  g_return_val_if_fail (TRI_IS_WINDOW (self), NULL);
  return gtk_single_selection_get_selected_item (self->claims_selection);
}

guint
tri_window_get_n_toasts_shown (TriWindow *self)
{
  g_return_val_if_fail (TRI_IS_WINDOW (self), 0);
  return self->n_toasts;
}

static void
show_toast (TriWindow  *self,
            const char *text)
{
  AdwToast *toast = adw_toast_new (text);

  g_debug ("toast: %s", text);
  adw_toast_set_timeout (toast, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  self->n_toasts++;
}

/* Map */

static void
update_markers (TriWindow *self)
{
#if HAVE_TRI_MAP_VIEW
  GArray *places = tri_claims_model_get_places (self->model);
  g_autoptr(GArray) structs = NULL;
  g_autoptr(GPtrArray) markers = NULL;

  if (self->map == NULL)
    return;
  /* The view copies what it keeps: these borrow the model's strings */
  structs = g_array_sized_new (FALSE, TRUE, sizeof (TriMapMarker), places->len);
  g_array_set_size (structs, places->len);
  markers = g_ptr_array_sized_new (places->len);
  for (guint i = 0; i < places->len; i++)
    {
      TriPlaceCount *count = &g_array_index (places, TriPlaceCount, i);
      TriMapMarker *marker = &g_array_index (structs, TriMapMarker, i);

      marker->id = (char *) count->id;
      marker->name = (char *) count->name;
      marker->lat = count->lat;
      marker->lon = count->lon;
      marker->n_corroborated = count->counts[TRI_VERDICT_CORROBORATED];
      marker->n_conflicting = count->counts[TRI_VERDICT_CONFLICTING];
      marker->n_single = count->counts[TRI_VERDICT_SINGLE_SOURCE];
      marker->always_label = count->always_label;
      g_ptr_array_add (markers, marker);
    }
  tri_map_view_set_markers (TRI_MAP_VIEW (self->map), markers);
#endif
}

static void select_item (TriWindow *self, guint position);

void
tri_window_select_place (TriWindow  *self,
                         const char *place_id)
{
  g_return_if_fail (TRI_IS_WINDOW (self));

  tri_claims_model_set_place_filter (self->model, place_id);
  if (place_id != NULL)
    select_item (self, tri_claims_model_find_place (self->model, place_id));
}

#if HAVE_TRI_MAP_VIEW
static void
on_marker_activated (TriWindow  *self,
                     const char *place_id)
{
  tri_window_select_place (self, place_id);
}
#endif

/* Claims */

static void
update_range_label (TriWindow *self)
{
  guint32 first = tri_timeline_get_range_first (self->timeline);
  guint32 last = tri_timeline_get_range_last (self->timeline);
  g_autofree char *a = tri_format_julian_day (first, TRI_PRECISION_DAY);
  g_autofree char *b = tri_format_julian_day (last, TRI_PRECISION_DAY);
  g_autofree char *text = NULL;

  if (a == NULL || b == NULL)
    gtk_label_set_text (self->range_label, _("No dates yet"));
  else
    {
      /* Translators: the selected time range, on two lines */
      text = g_strdup_printf (_("%s –\n%s"), a, b);
      gtk_label_set_text (self->range_label, text);
    }
}

static void
update_counts (TriWindow *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  guint n_all = tri_claims_model_get_n_all (self->model);
  guint n_articles = g_list_model_get_n_items (G_LIST_MODEL (self->corpus));
  g_autofree char *count = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *articles = NULL;
  g_autofree char *claims = NULL;
  const char *place = tri_claims_model_get_place_filter (self->model);
  TriArticle *article = tri_claims_model_get_article_filter (self->model);

  /* Translators: how many claims the list shows, of how many */
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u claim", "%u of %u claims", n_all),
                           n, n_all);
  gtk_label_set_text (self->count_label, count);
  gtk_stack_set_visible_child_name (self->claims_stack, n > 0 ? "list" : "none");

  articles = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u article", "%u articles", n_articles),
                              n_articles);
  claims = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u claim", "%u claims", n_all), n_all);
  /* Translators: window subtitle, "5 articles, 30 claims" */
  subtitle = g_strdup_printf (_("%s, %s"), articles, claims);
  adw_window_title_set_subtitle (self->window_title, n_articles > 0 ? subtitle : NULL);

  gtk_widget_set_visible (GTK_WIDGET (self->place_chip), place != NULL);
  if (place != NULL)
    {
      GArray *places = tri_claims_model_get_places (self->model);
      const char *name = place;
      g_autofree char *label = NULL;

      for (guint i = 0; i < places->len; i++)
        if (g_array_index (places, TriPlaceCount, i).id == place)
          name = g_array_index (places, TriPlaceCount, i).name;
      label = g_strdup_printf ("%s ✕", name);
      gtk_button_set_label (self->place_chip, label);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->source_chip), article != NULL);
  if (article != NULL)
    {
      const char *outlet = tri_article_get_outlet (article);
      g_autofree char *label = g_strdup_printf ("%s ✕", outlet ? outlet : tri_article_get_id (article));

      gtk_button_set_label (self->source_chip, label);
    }
}

static void
update_types (TriWindow *self)
{
  g_auto(GStrv) types = tri_claims_model_dup_types (self->model);
  g_autoptr(GPtrArray) items = g_ptr_array_new ();

  self->updating = TRUE;
  g_clear_pointer (&self->type_ids, g_strfreev);
  self->type_ids = g_strdupv (types);
  g_ptr_array_add (items, (gpointer) _("All types"));
  for (guint i = 0; types[i]; i++)
    g_ptr_array_add (items, (gpointer) tri_claim_type_to_label (types[i]));
  g_ptr_array_add (items, NULL);
  gtk_string_list_splice (self->types, 0, g_list_model_get_n_items (G_LIST_MODEL (self->types)),
                          (const char * const *) items->pdata);
  gtk_drop_down_set_selected (self->type_dropdown, 0);
  self->updating = FALSE;
}

/* After a change of range or filters the selected claim stays in view if
 * it is still listed; else the list shows what follows the rows it
 * showed. */
static void
keep_selection_in_view (TriWindow *self)
{
  guint position = gtk_single_selection_get_selected (self->claims_selection);

  if (position != GTK_INVALID_LIST_POSITION)
    tri_claims_list_scroll_to (self->claims_list, position);
}

static void
on_model_changed (TriWindow      *self,
                  gboolean        rebuilt,
                  TriClaimsModel *model)
{
  if (rebuilt)
    {
      guint32 first, last;

      tri_claims_model_get_extent (model, &first, &last);
      tri_timeline_set_extent (self->timeline, first, last);
      update_types (self);
    }
  if (rebuilt || self->events_serial != tri_claims_model_get_events_serial (model))
    {
      self->events_serial = tri_claims_model_get_events_serial (model);
      tri_timeline_set_events (self->timeline, tri_claims_model_get_events (model));
    }
  else
    gtk_widget_queue_draw (GTK_WIDGET (self->timeline));
  update_markers (self);
  update_counts (self);
  keep_selection_in_view (self);

  /* After a load, show the newest claim and its source, so the window
   * says at once what it is for. */
  if (rebuilt && self->select_newest && !tri_claims_model_get_busy (model)
      && gtk_single_selection_get_selected_item (self->claims_selection) == NULL)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (model));
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      GDate today;

      g_date_clear (&today, 1);
      g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                      g_date_time_get_year (now));
      guint best = G_MAXUINT;
      int best_score = 0;

      self->select_newest = FALSE;
      for (guint i = n; i > 0; i--)
        {
          g_autoptr(TriClaimItem) item = g_list_model_get_item (G_LIST_MODEL (model), i - 1);
          int score = 1;

          /* The newest claim that has happened, at a landmark */
          if (item->day_first == 0 || item->day_first > g_date_get_julian (&today)
              || item->places->len == 0 || item->fuzzy)
            continue;
          if (item->type != g_intern_static_string ("mention"))
            score += 2;
          for (guint p = 0; p < item->places->len; p++)
            if (g_array_index (item->places, TriItemPlace, p).always_label)
              {
                score += 1;
                break;
              }
          if (score > best_score)
            {
              best = i - 1;
              best_score = score;
            }
        }
      if (best != G_MAXUINT)
        select_item (self, best);
    }
}

static void
on_range_changed (TriWindow   *self,
                  TriTimeline *timeline)
{
  tri_claims_model_set_range (self->model,
                              tri_timeline_get_range_first (timeline),
                              tri_timeline_get_range_last (timeline));
  update_range_label (self);
}

static void
update_claim_actions (TriWindow *self)
{
  TriClaimItem *item = gtk_single_selection_get_selected_item (self->claims_selection);
  TriArticle *article = tri_source_view_get_article (self->source_view);
  gboolean unknown_date = FALSE;

  self->updating = TRUE;
  gtk_widget_set_sensitive (self->claim_actions, item != NULL || article != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->note_entry), item != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->override_dropdown), item != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->hide_button), item != NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->note_entry), item && item->note ? item->note : "");
  gtk_drop_down_set_selected (self->override_dropdown,
                              item && item->overridden ? item->user_verdict + 1 : 0);
  gtk_toggle_button_set_active (self->hide_button, item && item->hidden);
  if (article != NULL)
    unknown_date = tri_article_get_published_source (article) != TRI_DATE_SOURCE_HEADER;
  gtk_widget_set_visible (GTK_WIDGET (self->set_date_button), unknown_date);
  self->updating = FALSE;
}

static void
on_claim_selected (TriWindow          *self,
                   GParamSpec         *pspec,
                   GtkSingleSelection *selection)
{
  TriClaimItem *item = gtk_single_selection_get_selected_item (selection);

  if (item != NULL)
    {
      tri_source_view_show_item (self->source_view, item);
#if HAVE_TRI_MAP_VIEW
      if (self->map != NULL)
        {
          const char *place = item->places->len ? g_array_index (item->places, TriItemPlace, 0).id : NULL;

          /* The most specific place: a landmark rather than a country */
          for (guint i = 0; i < item->places->len; i++)
            if (g_array_index (item->places, TriItemPlace, i).always_label)
              {
                place = g_array_index (item->places, TriItemPlace, i).id;
                break;
              }
          tri_map_view_select (TRI_MAP_VIEW (self->map), place);
        }
#endif
    }
  update_claim_actions (self);
}

static void
select_item (TriWindow *self,
             guint      position)
{
  if (position == G_MAXUINT)
    {
      gtk_single_selection_set_selected (self->claims_selection, GTK_INVALID_LIST_POSITION);
      return;
    }
  gtk_single_selection_set_selected (self->claims_selection, position);
  tri_claims_list_scroll_to (self->claims_list, position);
}

static void
on_source_selected (TriWindow          *self,
                    GParamSpec         *pspec,
                    GtkSingleSelection *selection)
{
  TriArticle *article = gtk_single_selection_get_selected_item (selection);

  tri_claims_model_set_article_filter (self->model, article);
  if (article != NULL)
    {
      gtk_single_selection_set_selected (self->claims_selection, GTK_INVALID_LIST_POSITION);
      tri_source_view_show_article (self->source_view, article, 0, 0);
    }
  update_claim_actions (self);
}

static void
on_search_changed (TriWindow      *self,
                   GtkSearchEntry *entry)
{
  tri_claims_model_set_search (self->model, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

void
tri_window_set_search (TriWindow  *self,
                       const char *text)
{
  g_return_if_fail (TRI_IS_WINDOW (self));

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  /* Do not wait for the entry's delay. */
  tri_claims_model_set_search (self->model, text);
}

static void
on_verdict_changed (TriWindow   *self,
                    GParamSpec  *pspec,
                    GtkDropDown *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  /* 0 all, then the TriVerdict values in order */
  tri_claims_model_set_verdict_filter (self->model,
                                       selected == 0 || selected == GTK_INVALID_LIST_POSITION
                                       ? -1 : (int) selected - 1);
}

static void
on_type_changed (TriWindow   *self,
                 GParamSpec  *pspec,
                 GtkDropDown *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->updating)
    return;
  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    tri_claims_model_set_type_filter (self->model, NULL);
  else
    tri_claims_model_set_type_filter (self->model,
                                      self->type_ids && selected - 1 < g_strv_length (self->type_ids)
                                      ? self->type_ids[selected - 1] : NULL);
}

static void
on_sort_changed (TriWindow   *self,
                 GParamSpec  *pspec,
                 GtkDropDown *dropdown)
{
  TriClaimItem *item = gtk_single_selection_get_selected_item (self->claims_selection);
  g_autoptr(TriClaimItem) keep = item ? g_object_ref (item) : NULL;

  tri_claims_model_set_sort (self->model, (TriClaimsSort) gtk_drop_down_get_selected (dropdown));
  if (keep != NULL)
    select_item (self, tri_claims_model_find (self->model, keep));
}

/* The researcher's word */

static void
refresh_list_keeping_selection (TriWindow *self)
{
  TriClaimItem *item = gtk_single_selection_get_selected_item (self->claims_selection);
  g_autoptr(TriClaimItem) keep = item ? g_object_ref (item) : NULL;

  tri_claims_model_refilter (self->model);
  if (keep != NULL)
    {
      guint position = tri_claims_model_find (self->model, keep);

      self->updating = TRUE;
      if (position != G_MAXUINT)
        gtk_single_selection_set_selected (self->claims_selection, position);
      self->updating = FALSE;
    }
}

static void
on_note_changed (TriWindow *self,
                 GtkEntry  *entry)
{
  TriClaimItem *item = gtk_single_selection_get_selected_item (self->claims_selection);

  if (self->updating || item == NULL)
    return;
  tri_project_session_set_note (self->session, item, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
on_override_changed (TriWindow   *self,
                     GParamSpec  *pspec,
                     GtkDropDown *dropdown)
{
  TriClaimItem *item = gtk_single_selection_get_selected_item (self->claims_selection);
  guint selected = gtk_drop_down_get_selected (dropdown);
  g_autoptr(GError) error = NULL;
  gboolean overridden = selected != 0 && selected != GTK_INVALID_LIST_POSITION;

  if (self->updating || item == NULL)
    return;
  /* The window refreshes when the project says the decision changed. */
  if (!tri_project_session_set_verdict (self->session, item, overridden,
                                        overridden ? (TriVerdict) (selected - 1) : TRI_VERDICT_SINGLE_SOURCE,
                                        &error))
    show_toast (self, error->message);
}

static void
on_hide_toggled (TriWindow       *self,
                 GtkToggleButton *button)
{
  TriClaimItem *item = gtk_single_selection_get_selected_item (self->claims_selection);
  g_autoptr(TriClaimItem) keep = item ? g_object_ref (item) : NULL;
  g_autoptr(GError) error = NULL;

  if (self->updating || item == NULL)
    return;
  if (!tri_project_session_set_hidden (self->session, item, gtk_toggle_button_get_active (button), &error))
    show_toast (self, error->message);
  if (item->hidden)
    {
      AdwToast *toast = adw_toast_new (_("Claim hidden"));

      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.unhide-last");
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
      g_object_set_data_full (G_OBJECT (self), "last-hidden", g_object_ref (item), g_object_unref);
    }
  refresh_list_keeping_selection (self);
  update_claim_actions (self);
}

static void
unhide_last_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TriWindow *self = TRI_WINDOW (widget);
  TriClaimItem *item = g_object_get_data (G_OBJECT (self), "last-hidden");
  g_autoptr(GError) error = NULL;

  if (item == NULL)
    return;
  if (!tri_project_session_set_hidden (self->session, item, FALSE, &error))
    show_toast (self, error->message);
  refresh_list_keeping_selection (self);
  select_item (self, tri_claims_model_find (self->model, item));
}

static void
hide_claim_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TriWindow *self = TRI_WINDOW (widget);

  if (gtk_single_selection_get_selected_item (self->claims_selection) != NULL)
    gtk_toggle_button_set_active (self->hide_button, !gtk_toggle_button_get_active (self->hide_button));
}

static void
on_date_response (AdwMessageDialog *dialog,
                  const char       *response,
                  TriWindow        *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  TriArticle *article = g_object_get_data (G_OBJECT (dialog), "article");
  const char *text;
  int y, m, d;
  char tail;

  if (g_strcmp0 (response, "set") != 0)
    return;
  text = gtk_editable_get_text (entry);
  if (sscanf (text, "%d-%d-%d%c", &y, &m, &d, &tail) != 3 || !g_date_valid_dmy (d, m, y))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a date like 2026-01-18"), text);

      show_toast (self, message);
      return;
    }
  tri_article_set_published (article, text, TRI_DATE_SOURCE_USER);
  {
    g_autoptr(GError) error = NULL;

    /* After the article has it: the window reloads only for a date that
     * it does not show (an undone one). */
    if (!tri_project_session_set_published (self->session, article, text, &error))
      show_toast (self, error->message);
  }
  tri_claims_model_rebuild (self->model);
  if (tri_source_view_get_article (self->source_view) == article)
    {
      g_autoptr(TriArticle) keep = g_object_ref (article);

      tri_source_view_clear (self->source_view);
      tri_source_view_show_article (self->source_view, keep, 0, 0);
    }
  /* The sidebar shows the date */
  g_list_model_items_changed (G_LIST_MODEL (self->sources_selection), 0, 0, 0);
  update_claim_actions (self);
}

static void
set_date_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  TriWindow *self = TRI_WINDOW (widget);
  TriArticle *article = tri_source_view_get_article (self->source_view);
  AdwMessageDialog *dialog;
  GtkWidget *entry;
  const char *title;

  if (article == NULL)
    return;
  title = tri_article_get_title (article);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Set Publication Date"), NULL));
  adw_message_dialog_format_body (dialog, _("When was “%s” published? Claims without a date of their own take this date."),
                                  title ? title : tri_article_get_id (article));
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("YYYY-MM-DD"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  if (tri_article_get_published (article) != NULL)
    gtk_editable_set_text (GTK_EDITABLE (entry), tri_article_get_published (article));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Publication date"), -1);
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "set", _("_Set Date"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "set", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "set");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_object_set_data_full (G_OBJECT (dialog), "article", g_object_ref (article), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_date_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Rows */

static char *
format_article_date (TriArticle *article)
{
  const char *published = tri_article_get_published (article);
  TriDateSource source = tri_article_get_published_source (article);
  int y = 0, m = 0, d = 0;
  g_autofree char *text = NULL;
  GDate date;

  if (published == NULL || sscanf (published, "%d-%d-%d", &y, &m, &d) < 1 || y < 1)
    return g_strdup (_("date unknown"));
  g_date_clear (&date, 1);
  if (m >= 1 && m <= 12 && d >= 1 && g_date_valid_dmy (d, m, y))
    {
      g_date_set_dmy (&date, d, m, y);
      text = tri_format_julian_day (g_date_get_julian (&date), TRI_PRECISION_DAY);
    }
  else if (m >= 1 && m <= 12)
    {
      g_date_set_dmy (&date, 1, m, y);
      text = tri_format_julian_day (g_date_get_julian (&date), TRI_PRECISION_MONTH);
    }
  else
    text = g_strdup_printf ("%d", y);
  if (source == TRI_DATE_SOURCE_INFERRED)
    return g_strdup_printf (_("≈ %s (inferred)"), text);
  if (source == TRI_DATE_SOURCE_USER)
    return g_strdup_printf (_("%s (set by you)"), text);
  return g_steal_pointer (&text);
}

static void
setup_source_row (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  TriWindow                *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *meta = gtk_label_new (NULL);

  gtk_widget_add_css_class (box, "source-row");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_lines (GTK_LABEL (title), 2);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (title), 30);
  gtk_widget_add_css_class (title, "source-title");
  gtk_label_set_xalign (GTK_LABEL (meta), 0);
  gtk_label_set_ellipsize (GTK_LABEL (meta), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (meta, "caption");
  gtk_widget_add_css_class (meta, "dim-label");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), meta);
  g_object_set_data (G_OBJECT (box), "title", title);
  g_object_set_data (G_OBJECT (box), "meta", meta);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_source_row (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 TriWindow                *self)
{
  TriArticle *article = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  const char *title = tri_article_get_title (article);
  const char *outlet = tri_article_get_outlet (article);
  const char *language = tri_article_get_language (article);
  g_autofree char *date = format_article_date (article);
  g_autofree char *meta = NULL;
  g_autofree char *language_name = NULL;

  if (g_strcmp0 (language, "vi") == 0)
    language_name = g_strdup (_("Vietnamese"));
  else if (g_strcmp0 (language, "en") == 0)
    language_name = g_strdup (_("English"));
  else
    language_name = g_strdup (language ? language : "?");

  meta = g_strdup_printf ("%s%s%s · %s", outlet ? outlet : "", outlet ? " · " : "", language_name, date);
  gtk_label_set_text (g_object_get_data (G_OBJECT (box), "title"),
                      title ? title : tri_article_get_id (article));
  gtk_label_set_text (g_object_get_data (G_OBJECT (box), "meta"), meta);
  if (tri_article_get_published_source (article) == TRI_DATE_SOURCE_HEADER
      || tri_article_get_published_source (article) == TRI_DATE_SOURCE_USER)
    gtk_widget_remove_css_class (g_object_get_data (G_OBJECT (box), "meta"), "uncertain");
  else
    gtk_widget_add_css_class (g_object_get_data (G_OBJECT (box), "meta"), "uncertain");
}

/* Loading */

static void
update_main_page (TriWindow *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->corpus)) == 0
                   && !tri_corpus_get_loading (self->corpus);

  gtk_stack_set_visible_child_name (self->main_stack, empty ? "empty" : "main");
}

static void
on_loading_changed (TriWindow  *self,
                    GParamSpec *pspec,
                    TriCorpus  *corpus)
{
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), tri_corpus_get_loading (corpus));
  update_main_page (self);
  if (!tri_corpus_get_loading (corpus))
    self->select_newest = TRUE;
}

static void
on_progress_changed (TriWindow  *self,
                     GParamSpec *pspec,
                     TriCorpus  *corpus)
{
  gtk_progress_bar_set_fraction (self->progress_bar, tri_corpus_get_progress (corpus));
}

static void
on_load_error (TriWindow  *self,
               const char *path,
               const char *message,
               TriCorpus  *corpus)
{
  g_autofree char *name = g_path_get_basename (path);
  /* Translators: a file that could not be opened, and why */
  g_autofree char *text = g_strdup_printf (_("Could not read “%s”: %s"), name, message);

  show_toast (self, text);
}

static void
on_corpus_items_changed (TriWindow  *self,
                         guint       position,
                         guint       removed,
                         guint       added,
                         GListModel *model)
{
  update_main_page (self);
}

static void add_to_project (TriWindow *self, GPtrArray *files);

/* The files just read, for the project once they are shown */
typedef struct
{
  TriWindow *window;
  GPtrArray *files;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->window);
  g_clear_pointer (&data->files, g_ptr_array_unref);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadData, load_data_free)

static void
load_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(LoadData) data = user_data;
  TriWindow *self = data->window;
  g_autoptr(GError) error = NULL;
  GPtrArray *files = data->files;

  if (!tri_corpus_load_finish (TRI_CORPUS (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_toast (self, error->message);
      return;
    }
  if (files != NULL)
    add_to_project (self, files);
}

static void
collect_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GPtrArray *roots = task_data;
  GError *error = NULL;
  g_autoptr(GListModel) found = tri_collect_files ((GFile **) roots->pdata, roots->len, cancellable, &error);
  GPtrArray *files;

  if (found == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  files = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (found); i++)
    g_ptr_array_add (files, g_list_model_get_item (found, i));
  g_task_return_pointer (task, files, (GDestroyNotify) g_ptr_array_unref);
}

static void
collect_done (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  TriWindow *self = TRI_WINDOW (object);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) files = g_task_propagate_pointer (G_TASK (result), &error);

  if (files == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_toast (self, error->message);
      return;
    }
  if (files->len == 0)
    {
      show_toast (self, _("No articles found: Triangulate reads .txt, .html and .json files"));
      return;
    }
  {
    LoadData *data = g_new0 (LoadData, 1);

    data->window = g_object_ref (self);
    data->files = g_ptr_array_ref (files);
    tri_corpus_load_async (self->corpus, (GFile **) files->pdata, files->len, self->cancellable,
                           load_done, data);
  }
}

/**
 * tri_window_open:
 * @self: a #TriWindow
 * @files: (array length=n_files): files or folders
 * @n_files: their number
 *
 * Adds the articles in @files (folders are searched) to the window's
 * corpus, on worker threads.
 */
void
tri_window_open (TriWindow  *self,
                 GFile     **files,
                 guint       n_files)
{
  g_autoptr(GTask) task = NULL;
  GPtrArray *roots;

  g_return_if_fail (TRI_IS_WINDOW (self));

  if (n_files == 0)
    return;
  for (guint i = 0; i < n_files; i++)
    {
      g_autofree char *name = g_file_get_basename (files[i]);

      if (name != NULL && g_str_has_suffix (name, ".triangulate"))
        {
          tri_window_open_project (self, files[i]);
          return;
        }
    }
  roots = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (roots, g_object_ref (files[i]));

  if (n_files > 0)
    {
      g_autoptr(GFile) parent = g_file_get_parent (files[0]);

      if (parent != NULL)
        {
          g_autofree char *uri = g_file_get_uri (parent);

          g_settings_set_string (self->settings, "last-folder", uri);
        }
    }

  task = g_task_new (self, self->cancellable, collect_done, NULL);
  g_task_set_source_tag (task, tri_window_open);
  g_task_set_task_data (task, roots, (GDestroyNotify) g_ptr_array_unref);
  g_task_run_in_thread (task, collect_thread);
}

static void
on_chooser_response (TriWindow            *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) list = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        g_ptr_array_add (files, g_list_model_get_item (list, i));
      tri_window_open (self, (GFile **) files->pdata, files->len);
    }
  g_clear_object (&self->chooser);
}

static void
run_chooser (TriWindow            *self,
             GtkFileChooserAction  action,
             const char           *title)
{
  g_autofree char *last = g_settings_get_string (self->settings, "last-folder");

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  if (action == GTK_FILE_CHOOSER_ACTION_OPEN)
    {
      GtkFileFilter *filter = gtk_file_filter_new ();

      gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (self->chooser), TRUE);
      gtk_file_filter_set_name (filter, _("Articles"));
      gtk_file_filter_add_mime_type (filter, "text/plain");
      gtk_file_filter_add_mime_type (filter, "text/html");
      gtk_file_filter_add_mime_type (filter, "application/json");
      gtk_file_filter_add_suffix (filter, "txt");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
      g_object_unref (filter);
    }
  if (last != NULL && *last != '\0')
    {
      g_autoptr(GFile) folder = g_file_new_for_uri (last);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
    }
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  run_chooser (TRI_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_OPEN, _("Open Articles"));
}

static void
open_folder_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  run_chooser (TRI_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("Open Folder of Articles"));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TriWindow *self = TRI_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
play_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TriWindow *self = TRI_WINDOW (widget);

  tri_timeline_set_playing (self->timeline, !tri_timeline_get_playing (self->timeline));
}

static void
clear_place_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TriWindow *self = TRI_WINDOW (widget);

  tri_claims_model_set_place_filter (self->model, NULL);
#if HAVE_TRI_MAP_VIEW
  if (self->map != NULL)
    tri_map_view_select (TRI_MAP_VIEW (self->map), NULL);
#endif
}

static void
clear_source_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TriWindow *self = TRI_WINDOW (widget);

  gtk_single_selection_set_selected (self->sources_selection, GTK_INVALID_LIST_POSITION);
}

static void
show_hidden_changed (TriWindow  *self,
                     GParamSpec *pspec,
                     gpointer    unused)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "show-hidden");
  g_autoptr(GVariant) state = g_action_get_state (action);

  tri_claims_model_set_show_hidden (self->model, g_variant_get_boolean (state));
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         TriWindow     *self)
{
  g_autoptr(GSList) list = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new ();

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  list = gdk_file_list_get_files (g_value_get_boxed (value));
  for (GSList *l = list; l; l = l->next)
    g_ptr_array_add (files, l->data);
  tri_window_open (self, (GFile **) files->pdata, files->len);
  return files->len > 0;
}

/* Projects: the window works in the session's project (see
 * tri-project-session.c). Articles are shown as they are read, then
 * stored in the project; opening a project shows its articles from the
 * extraction cache. */

static gboolean
pulse_cb (gpointer data)
{
  TriWindow *self = data;

  gtk_progress_bar_pulse (self->progress_bar);
  return G_SOURCE_CONTINUE;
}

static void
start_pulse (TriWindow *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), TRUE);
  if (self->pulse_source == 0)
    self->pulse_source = g_timeout_add (100, pulse_cb, self);
}

static void
stop_pulse (TriWindow *self)
{
  g_clear_handle_id (&self->pulse_source, g_source_remove);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), tri_corpus_get_loading (self->corpus));
}

static void
connect_corpus (TriWindow *self)
{
  g_signal_connect_object (self->corpus, "notify::loading", G_CALLBACK (on_loading_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->corpus, "notify::progress", G_CALLBACK (on_progress_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->corpus, "load-error", G_CALLBACK (on_load_error), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->corpus, "items-changed", G_CALLBACK (on_corpus_items_changed), self,
                           G_CONNECT_SWAPPED);
}

/* Shows @corpus (another project's articles) instead of the current one. */
static void
set_corpus (TriWindow *self,
            TriCorpus *corpus)
{
  if (self->corpus == corpus)
    return;
  gtk_single_selection_set_selected (self->sources_selection, GTK_INVALID_LIST_POSITION);
  gtk_single_selection_set_selected (self->claims_selection, GTK_INVALID_LIST_POSITION);
  tri_source_view_clear (self->source_view);
  g_signal_handlers_disconnect_by_data (self->corpus, self);
  g_set_object (&self->corpus, corpus);
  connect_corpus (self);
  gtk_single_selection_set_model (self->sources_selection, G_LIST_MODEL (corpus));
  self->select_newest = TRUE;
  tri_claims_model_set_corpus (self->model, corpus);
  update_main_page (self);
  update_claim_actions (self);
}

/* New rows get the project's decisions. */
static void
on_items_rebuilt (TriWindow      *self,
                  gboolean        rebuilt,
                  TriClaimsModel *model)
{
  if (rebuilt && tri_project_session_apply (self->session, tri_claims_model_get_all (model)))
    refresh_list_keeping_selection (self);
}

static void project_loaded (GObject *object, GAsyncResult *result, gpointer user_data);

static void
on_decision_changed (TriWindow         *self,
                     guint              kind,
                     const char        *key,
                     TriProjectSession *session)
{
  GPtrArray *all = tri_claims_model_get_all (self->model);

  if (kind == TRI_DECISION_PUBLISHED)
    {
      TriArticle *article = tri_corpus_lookup (self->corpus, key);
      g_autofree char *date = tri_project_dup_published (tri_project_session_get_project (session), key);

      /* An undone date: the article's own comes back from the project. */
      if (article != NULL && (date == NULL || g_strcmp0 (date, tri_article_get_published (article)) != 0))
        {
          start_pulse (self);
          tri_project_session_reload_async (session, self->project_cancellable, project_loaded,
                                            g_object_ref (self));
        }
      return;
    }
  tri_project_session_apply (session, all);
  refresh_list_keeping_selection (self);
  /* The rows of @key show the decision. */
  for (guint i = 0; i < all->len; i++)
    {
      TriClaimItem *item = g_ptr_array_index (all, i);
      guint position;

      if (!tri_claim_item_has_key (item, key))
        continue;
      position = tri_claims_model_find (self->model, item);
      if (position != G_MAXUINT)
        g_list_model_items_changed (G_LIST_MODEL (self->model), position, 1, 1);
    }
  update_claim_actions (self);
}

static void
on_session_message (TriWindow         *self,
                    const char        *text,
                    TriProjectSession *session)
{
  show_toast (self, text);
}

static void
update_undo_actions (TriWindow *self)
{
  gboolean can_undo, can_redo;

  g_object_get (self->session, "can-undo", &can_undo, "can-redo", &can_redo, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", can_undo);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", can_redo);
}

static void
update_title (TriWindow *self)
{
  g_autofree char *title = tri_project_session_dup_title (self->session);

  adw_window_title_set_title (self->window_title, title);
  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-project-as",
                                 tri_project_session_get_project (self->session) != NULL);
}

static void
update_recent_menu (TriWindow *self)
{
  g_auto(GStrv) recent = tri_project_session_dup_recent (self->session);

  g_menu_remove_all (self->recent_menu);
  for (guint i = 0; recent[i]; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (recent[i]);
      g_autofree char *name = g_file_get_basename (file);
      g_autoptr(GMenuItem) item = g_menu_item_new (name, NULL);

      g_menu_item_set_action_and_target_value (item, "win.open-recent", g_variant_new_string (recent[i]));
      g_menu_append_item (self->recent_menu, item);
    }
}

static void
add_done (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(TriWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) added = NULL;

  added = tri_project_session_add_articles_finish (TRI_PROJECT_SESSION (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  stop_pulse (self);
  if (added == NULL)
    {
      show_toast (self, error->message);
      return;
    }
  /* The project renamed an article whose id it had already: decisions
   * are keyed by its ids, so show its articles. */
  for (guint i = 0; i < added->len; i++)
    if (tri_corpus_lookup (self->corpus, tri_article_get_id (g_ptr_array_index (added, i)))
        != g_ptr_array_index (added, i))
      {
        start_pulse (self);
        tri_project_session_reload_async (self->session, self->project_cancellable, project_loaded,
                                          g_object_ref (self));
        return;
      }
}

/* Stores the articles of @files, now shown, in the project. */
static void
add_to_project (TriWindow *self,
                GPtrArray *files)
{
  g_autoptr(GHashTable) paths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) articles = g_ptr_array_new ();
  GPtrArray *all = tri_corpus_get_articles (self->corpus);

  if (tri_project_session_get_project (self->session) == NULL)
    return;
  for (guint i = 0; i < files->len; i++)
    {
      char *path = g_file_get_path (g_ptr_array_index (files, i));

      if (path != NULL)
        g_hash_table_add (paths, path);
    }
  for (guint i = 0; i < all->len; i++)
    {
      TriArticle *article = g_ptr_array_index (all, i);

      if (tri_article_get_path (article) != NULL
          && g_hash_table_contains (paths, tri_article_get_path (article)))
        g_ptr_array_add (articles, article);
    }
  if (articles->len == 0)
    return;
  start_pulse (self);
  tri_project_session_add_articles_async (self->session, articles, self->project_cancellable, add_done,
                                          g_object_ref (self));
}

static void
project_loaded (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(TriWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(TriCorpus) corpus = NULL;

  corpus = tri_project_session_open_finish (TRI_PROJECT_SESSION (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  stop_pulse (self);
  if (corpus == NULL)
    {
      show_toast (self, error->message);
      return;
    }
  set_corpus (self, corpus);
  update_title (self);
}

/**
 * tri_window_open_project:
 * @self: a #TriWindow
 * @file: a project file
 *
 * Opens @file instead of the current project (which is saved) and shows
 * its articles.
 */
void
tri_window_open_project (TriWindow *self,
                         GFile     *file)
{
  g_return_if_fail (TRI_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  start_pulse (self);
  tri_project_session_open_async (self->session, file, NULL, self->project_cancellable, project_loaded,
                                  g_object_ref (self));
}

/**
 * tri_window_offer_recovery:
 * @self: a #TriWindow
 *
 * Offers to recover the work a crash (or an unsaved untitled project) left.
 *
 * Returns: whether there is some
 */
gboolean
tri_window_offer_recovery (TriWindow *self)
{
  g_autoptr(GPtrArray) recoverable = NULL;
  AdwToast *toast;

  g_return_val_if_fail (TRI_IS_WINDOW (self), FALSE);

  recoverable = tri_project_session_list_recoverable (self->session);
  if (recoverable->len == 0)
    return FALSE;
  toast = adw_toast_new (_("Unsaved work from an earlier session was found"));
  adw_toast_set_button_label (toast, _("_Recover"));
  adw_toast_set_action_name (toast, "win.recover-project");
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  return TRUE;
}

TriProjectSession *
tri_window_get_session (TriWindow *self)
{
  g_return_val_if_fail (TRI_IS_WINDOW (self), NULL);
  return self->session;
}

static void
recover_project_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  TriWindow *self = TRI_WINDOW (widget);
  g_autoptr(GPtrArray) recoverable = tri_project_session_list_recoverable (self->session);

  if (recoverable->len == 0)
    return;
  start_pulse (self);
  tri_project_session_open_async (self->session, NULL, g_ptr_array_index (recoverable, 0),
                                  self->project_cancellable, project_loaded, g_object_ref (self));
}

static void
new_project_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TriWindow *self = TRI_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(TriCorpus) corpus = NULL;

  if (!tri_project_session_start_untitled (self->session, &error))
    {
      show_toast (self, error->message);
      return;
    }
  corpus = tri_corpus_new ();
  set_corpus (self, corpus);
  update_title (self);
}

static void
on_project_chooser_response (TriWindow            *self,
                             int                   response,
                             GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  gboolean save = gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)) == GTK_FILE_CHOOSER_ACTION_SAVE;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->project_chooser);
  if (file == NULL)
    return;
  if (save)
    tri_window_save_project_as (self, file);
  else
    tri_window_open_project (self, file);
}

static void
run_project_chooser (TriWindow            *self,
                     GtkFileChooserAction  action)
{
  g_autofree char *last = g_settings_get_string (self->settings, "last-folder");
  GtkFileFilter *filter = gtk_file_filter_new ();
  gboolean save = action == GTK_FILE_CHOOSER_ACTION_SAVE;

  if (self->project_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->project_chooser));
  g_clear_object (&self->project_chooser);
  self->project_chooser = gtk_file_chooser_native_new (save ? _("Save Project As") : _("Open Project"),
                                                       GTK_WINDOW (self), action,
                                                       save ? _("_Save") : _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->project_chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Triangulate projects"));
  gtk_file_filter_add_mime_type (filter, "application/x-triangulate");
  gtk_file_filter_add_suffix (filter, "triangulate");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->project_chooser), filter);
  g_object_unref (filter);
  if (save)
    {
      g_autofree char *title = tri_project_session_dup_title (self->session);
      g_autofree char *name = g_strconcat (title, ".triangulate", NULL);

      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->project_chooser), name);
    }
  if (last != NULL && *last != '\0')
    {
      g_autoptr(GFile) folder = g_file_new_for_uri (last);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->project_chooser), folder, NULL);
    }
  g_signal_connect_object (self->project_chooser, "response", G_CALLBACK (on_project_chooser_response),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->project_chooser));
}

static void
open_project_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  run_project_chooser (TRI_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_OPEN);
}

static void
save_project_as_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  run_project_chooser (TRI_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_SAVE);
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  tri_window_open_project (TRI_WINDOW (widget), file);
}

static void
saved_as (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(TriWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!tri_project_session_save_as_finish (TRI_PROJECT_SESSION (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_toast (self, error->message);
      return;
    }
  update_title (self);
}

/**
 * tri_window_save_project_as:
 * @self: a #TriWindow
 * @file: where to write the project
 *
 * Writes the project to @file, which becomes the project's file.
 */
void
tri_window_save_project_as (TriWindow *self,
                            GFile     *file)
{
  g_autoptr(GFile) parent = NULL;

  g_return_if_fail (TRI_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  parent = g_file_get_parent (file);
  if (parent != NULL)
    {
      g_autofree char *uri = g_file_get_uri (parent);

      g_settings_set_string (self->settings, "last-folder", uri);
    }
  tri_project_session_save_as_async (self->session, file, self->project_cancellable, saved_as,
                                     g_object_ref (self));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TriWindow *self = TRI_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!tri_project_session_undo (self->session, &error))
    show_toast (self, error->message);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TriWindow *self = TRI_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!tri_project_session_redo (self->session, &error))
    show_toast (self, error->message);
}

static void
setup_session (TriWindow *self)
{
  g_autoptr(GError) error = NULL;

  self->project_cancellable = g_cancellable_new ();
  self->session = tri_project_session_new (self->settings);
  g_signal_connect_object (self->session, "decision-changed", G_CALLBACK (on_decision_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "message", G_CALLBACK (on_session_message), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::can-undo", G_CALLBACK (update_undo_actions), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::can-redo", G_CALLBACK (update_undo_actions), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::title", G_CALLBACK (update_title), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::recent-projects", G_CALLBACK (update_recent_menu), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "changed", G_CALLBACK (on_items_rebuilt), self, G_CONNECT_SWAPPED);
  if (!tri_project_session_start_untitled (self->session, &error))
    show_toast (self, error->message);
  update_undo_actions (self);
  update_title (self);
  update_recent_menu (self);
}

/* Settings */

static void
restore_geometry (TriWindow *self)
{
  int width = g_settings_get_int (self->settings, "window-width");
  int height = g_settings_get_int (self->settings, "window-height");
  int sidebar = g_settings_get_int (self->settings, "sidebar-width");
  int claims = g_settings_get_int (self->settings, "claims-width");
  int source = g_settings_get_int (self->settings, "source-pane-height");

  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  gtk_paned_set_position (self->sidebar_paned, sidebar);
  /* The map takes what the claims and the sidebar leave. */
  gtk_paned_set_position (self->content_paned, MAX (240, width - sidebar - claims));
  gtk_paned_set_position (self->outer_paned, MAX (200, height - 47 - source));
}

static void
save_geometry (TriWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)) && width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  if (gtk_widget_get_mapped (GTK_WIDGET (self->sidebar_paned)))
    {
      g_settings_set_int (self->settings, "sidebar-width", gtk_paned_get_position (self->sidebar_paned));
      g_settings_set_int (self->settings, "claims-width", gtk_widget_get_width (self->claims_pane));
      g_settings_set_int (self->settings, "source-pane-height", gtk_widget_get_height (self->source_pane));
    }
  g_settings_apply (self->settings);
}

static gboolean
tri_window_close_request (GtkWindow *window)
{
  TriWindow *self = TRI_WINDOW (window);

  save_geometry (self);
  g_cancellable_cancel (self->cancellable);
  {
    g_autoptr(GError) error = NULL;

    /* Writes a note being typed and a private copy back to its file. */
    if (!tri_project_session_close (self->session, &error))
      g_debug ("closing the project: %s", error->message);
  }
  tri_timeline_set_playing (self->timeline, FALSE);

  return GTK_WINDOW_CLASS (tri_window_parent_class)->close_request (window);
}

/* GObject */

static void
tri_window_dispose (GObject *object)
{
  TriWindow *self = (TriWindow *)object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  if (self->project_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->project_chooser));
  g_clear_object (&self->project_chooser);
  if (self->project_cancellable != NULL)
    g_cancellable_cancel (self->project_cancellable);
  g_clear_handle_id (&self->pulse_source, g_source_remove);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  if (self->corpus != NULL)
    g_signal_handlers_disconnect_by_data (self->corpus, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), TRI_TYPE_WINDOW);

  g_clear_object (&self->claims_selection);
  g_clear_object (&self->sources_selection);
  g_clear_object (&self->types);
  g_clear_pointer (&self->type_ids, g_strfreev);
  g_clear_object (&self->model);
  g_clear_object (&self->corpus);
  g_clear_object (&self->session);
  g_clear_object (&self->project_cancellable);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (tri_window_parent_class)->dispose (object);
}

static void
tri_window_class_init (TriWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = tri_window_dispose;
  window_class->close_request = tri_window_close_request;

  g_type_ensure (TRI_TYPE_CLAIMS_LIST);
  g_type_ensure (TRI_TYPE_SOURCE_VIEW);
  g_type_ensure (TRI_TYPE_TIMELINE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/tri-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TriWindow, claim_actions);
  gtk_widget_class_bind_template_child (widget_class, TriWindow, claims_list);
  gtk_widget_class_bind_template_child (widget_class, TriWindow, claims_pane);
  gtk_widget_class_bind_template_child (widget_class, TriWindow, claims_stack);
  gtk_widget_class_bind_template_child (widget_class, TriWindow, content_paned);
  gtk_widget_class_bind_template_child (widget_class, TriWindow, count_label);
  gtk_widget_class_bind_template_child (widget_class, TriWindow, hide_button);
  gtk_widget_class_bind_template_child (widget_class, TriWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, TriWindow, map_box);
  gtk_widget_class_bind_template_child (widget_class, TriWindow, note_entry);
  gtk_widget_class_bind_template_child (widget_class, TriWindow, outer_paned);
  gtk_widget_class_bind_template_child (widget_class, TriWindow, override_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TriWindow, place_chip);
  gtk_widget_class_bind_template_child (widget_class, TriWindow, play_button);
  gtk_widget_class_bind_template_child (widget_class, TriWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, TriWindow, range_label);
  gtk_widget_class_bind_template_child (widget_class, TriWindow, recent_menu);
  gtk_widget_class_bind_template_child (widget_class, TriWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, TriWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TriWindow, set_date_button);
  gtk_widget_class_bind_template_child (widget_class, TriWindow, sidebar_paned);
  gtk_widget_class_bind_template_child (widget_class, TriWindow, sort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TriWindow, source_chip);
  gtk_widget_class_bind_template_child (widget_class, TriWindow, source_pane);
  gtk_widget_class_bind_template_child (widget_class, TriWindow, source_view);
  gtk_widget_class_bind_template_child (widget_class, TriWindow, sources_list);
  gtk_widget_class_bind_template_child (widget_class, TriWindow, timeline);
  gtk_widget_class_bind_template_child (widget_class, TriWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TriWindow, type_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TriWindow, verdict_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TriWindow, window_title);
  gtk_widget_class_bind_template_callback (widget_class, on_hide_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_note_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_override_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_sort_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_type_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_verdict_changed);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-folder", NULL, open_folder_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.play", NULL, play_action);
  gtk_widget_class_install_action (widget_class, "win.hide-claim", NULL, hide_claim_action);
  gtk_widget_class_install_action (widget_class, "win.unhide-last", NULL, unhide_last_action);
  gtk_widget_class_install_action (widget_class, "win.set-date", NULL, set_date_action);
  gtk_widget_class_install_action (widget_class, "win.clear-place", NULL, clear_place_action);
  gtk_widget_class_install_action (widget_class, "win.clear-source", NULL, clear_source_action);
  gtk_widget_class_install_action (widget_class, "win.new-project", NULL, new_project_action);
  gtk_widget_class_install_action (widget_class, "win.open-project", NULL, open_project_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.save-project-as", NULL, save_project_as_action);
  gtk_widget_class_install_action (widget_class, "win.recover-project", NULL, recover_project_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.open-folder", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, GDK_CONTROL_MASK, "win.play", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_h, GDK_CONTROL_MASK, "win.hide-claim", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-project", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK | GDK_ALT_MASK,
                                       "win.open-project", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.save-project-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
}

static void
tri_window_init (TriWindow *self)
{
  GtkListItemFactory *factory;
  GtkDropTarget *drop;
  g_autoptr(GAction) show_hidden = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  if (DEVELOPMENT_BUILD)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  self->settings = g_settings_new (SETTINGS_SCHEMA_ID);
  self->cancellable = g_cancellable_new ();
  self->corpus = tri_corpus_new ();
  self->model = tri_claims_model_new ();

  /* Map */
#if HAVE_TRI_MAP_VIEW
  self->map = tri_map_view_new ();
  g_settings_bind (self->settings, "basemap", self->map, "basemap", G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "tile-url-template", self->map, "tile-url-template", G_SETTINGS_BIND_GET);
  g_signal_connect_object (self->map, "marker-activated", G_CALLBACK (on_marker_activated), self,
                           G_CONNECT_SWAPPED);
#else
  self->map = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (self->map), "mark-location-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (self->map), _("Map unavailable"));
#endif
  gtk_widget_set_hexpand (self->map, TRUE);
  gtk_widget_set_vexpand (self->map, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->map), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Map of the places in the claims"), -1);
  gtk_box_append (self->map_box, self->map);

  /* Claims */
  self->claims_selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  gtk_single_selection_set_autoselect (self->claims_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->claims_selection, TRUE);
  gtk_single_selection_set_selected (self->claims_selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_object (self->claims_selection, "notify::selected-item",
                           G_CALLBACK (on_claim_selected), self, G_CONNECT_SWAPPED);
  tri_claims_list_set_model (self->claims_list, self->claims_selection);

  self->types = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->type_dropdown, G_LIST_MODEL (self->types));

  /* Sources */
  self->sources_selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->corpus)));
  gtk_single_selection_set_autoselect (self->sources_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->sources_selection, TRUE);
  gtk_single_selection_set_selected (self->sources_selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_object (self->sources_selection, "notify::selected-item",
                           G_CALLBACK (on_source_selected), self, G_CONNECT_SWAPPED);
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_source_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_source_row), self);
  gtk_list_view_set_factory (self->sources_list, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->sources_list, GTK_SELECTION_MODEL (self->sources_selection));

  /* Model and timeline */
  g_signal_connect_object (self->model, "changed", G_CALLBACK (on_model_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->timeline, "range-changed", G_CALLBACK (on_range_changed), self,
                           G_CONNECT_SWAPPED);
  g_object_bind_property (self->timeline, "playing", self->play_button, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  tri_timeline_set_play_speed (self->timeline, g_settings_get_double (self->settings, "timeline-play-speed"));

  /* Corpus */
  connect_corpus (self);
  tri_claims_model_set_corpus (self->model, self->corpus);
  setup_session (self);

  show_hidden = G_ACTION (g_simple_action_new_stateful ("show-hidden", NULL, g_variant_new_boolean (FALSE)));
  g_action_map_add_action (G_ACTION_MAP (self), show_hidden);
  g_signal_connect_object (show_hidden, "notify::state", G_CALLBACK (show_hidden_changed), self,
                           G_CONNECT_SWAPPED);

  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  restore_geometry (self);
  update_range_label (self);
  update_main_page (self);
  update_claim_actions (self);
  on_model_changed (self, TRUE, self->model);
}
