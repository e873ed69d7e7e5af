/* tri-cluster.c
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-cluster"

#include "config.h"

#include <string.h>

#include "tri-cluster.h"

G_DEFINE_BOXED_TYPE (TriCluster, tri_cluster, tri_cluster_ref, tri_cluster_unref)

static void
difference_clear (gpointer data)
{
  TriDifference *d = data;

  g_clear_pointer (&d->values, g_strfreev);
}

/**
 * tri_cluster_new:
 * @id: the cluster's id
 *
 * Returns: (transfer full): an empty single-source cluster
 */
TriCluster *
tri_cluster_new (const char *id)
{
  TriCluster *self;

  g_return_val_if_fail (id != NULL, NULL);

  self = g_new0 (TriCluster, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->id = g_strdup (id);
  self->claims = g_ptr_array_new_with_free_func ((GDestroyNotify) tri_claim_unref);
  self->articles = g_ptr_array_new ();
  self->verdict = TRI_VERDICT_SINGLE_SOURCE;
  return self;
}

/**
 * tri_cluster_ref:
 * @self: a #TriCluster
 *
 * Returns: (transfer full): @self
 */
TriCluster *
tri_cluster_ref (TriCluster *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

/**
 * tri_cluster_unref:
 * @self: (transfer full): a #TriCluster
 */
void
tri_cluster_unref (TriCluster *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_free (self->id);
      g_ptr_array_unref (self->claims);
      g_ptr_array_unref (self->articles);
      g_free (self->summary);
      g_clear_pointer (&self->differences, g_array_unref);
      g_free (self->independence);
      g_free (self->key);
      g_free (self->note);
      g_free (self);
    }
}

/**
 * tri_cluster_add_claim:
 * @self: a #TriCluster
 * @claim: a claim about the cluster's fact
 *
 * Adds @claim, and its article to the list of articles.
 */
void
tri_cluster_add_claim (TriCluster *self,
                       TriClaim   *claim)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (claim != NULL);

  g_ptr_array_add (self->claims, tri_claim_ref (claim));
  if (claim->id != NULL && (self->key == NULL || tri_claim_id_compare (claim->id, self->key) < 0))
    {
      g_free (self->key);
      self->key = g_strdup (claim->id);
    }
  if (claim->article != NULL && !g_ptr_array_find (self->articles, claim->article, NULL))
    g_ptr_array_add (self->articles, (gpointer) claim->article);
}

/**
 * tri_cluster_get_difference:
 * @self: a #TriCluster
 * @field: a single #TriField
 *
 * Returns: (nullable): the values the claims give for @field, when they
 *   differ
 */
const TriDifference *
tri_cluster_get_difference (TriCluster *self,
                            TriField    field)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; self->differences && i < self->differences->len; i++)
    {
      const TriDifference *d = &g_array_index (self->differences, TriDifference, i);

      if (d->field == field)
        return d;
    }
  return NULL;
}

/**
 * tri_cluster_add_difference:
 * @self: a #TriCluster
 * @field: a single #TriField
 * @value: one value a claim gives for it
 *
 * Records @value among the distinct values of @field.
 */
void
tri_cluster_add_difference (TriCluster *self,
                            TriField    field,
                            const char *value)
{
  TriDifference *d = NULL;
  guint n;

  g_return_if_fail (self != NULL);
  g_return_if_fail (value != NULL);

  if (self->differences == NULL)
    {
      self->differences = g_array_new (FALSE, TRUE, sizeof (TriDifference));
      g_array_set_clear_func (self->differences, difference_clear);
    }
  for (guint i = 0; i < self->differences->len; i++)
    if (g_array_index (self->differences, TriDifference, i).field == field)
      d = &g_array_index (self->differences, TriDifference, i);
  if (d == NULL)
    {
      TriDifference nd = { field, g_new0 (char *, 1) };

      g_array_append_val (self->differences, nd);
      d = &g_array_index (self->differences, TriDifference, self->differences->len - 1);
    }
  if (g_strv_contains ((const char * const *) d->values, value))
    return;
  n = g_strv_length (d->values);
  d->values = g_renew (char *, d->values, n + 2);
  d->values[n] = g_strdup (value);
  d->values[n + 1] = NULL;
}

/**
 * tri_claim_id_compare:
 * @a: a claim id, "<article>#<n>"
 * @b: another
 *
 * Orders claim ids by article id, then by claim number as a number, so
 * that "a#9" comes before "a#10".
 *
 * Returns: <0, 0 or >0, like strcmp()
 */
int
tri_claim_id_compare (const char *a,
                      const char *b)
{
  const char *ha = strrchr (a, '#');
  const char *hb = strrchr (b, '#');
  gsize la = ha ? (gsize) (ha - a) : strlen (a);
  gsize lb = hb ? (gsize) (hb - b) : strlen (b);
  int cmp = strncmp (a, b, MIN (la, lb));
  guint64 na, nb;

  if (cmp != 0)
    return cmp;
  if (la != lb)
    return la < lb ? -1 : 1;
  na = ha ? g_ascii_strtoull (ha + 1, NULL, 10) : 0;
  nb = hb ? g_ascii_strtoull (hb + 1, NULL, 10) : 0;
  if (na != nb)
    return na < nb ? -1 : 1;
  return strcmp (a, b);
}

/**
 * tri_cluster_get_verdict:
 * @self: a #TriCluster
 *
 * Returns: the researcher's verdict when they gave one, the computed one
 *   otherwise
 */
TriVerdict
tri_cluster_get_verdict (const TriCluster *self)
{
  g_return_val_if_fail (self != NULL, TRI_VERDICT_SINGLE_SOURCE);

  return self->overridden ? self->user_verdict : self->verdict;
}

/**
 * tri_verdict_from_string:
 * @text: "corroborated", "conflicting" or "single_source"
 * @verdict: (out): the verdict
 *
 * Returns: %TRUE when @text names a verdict
 */
gboolean
tri_verdict_from_string (const char *text,
                         TriVerdict *verdict)
{
  for (TriVerdict v = TRI_VERDICT_SINGLE_SOURCE; v <= TRI_VERDICT_CONFLICTING; v++)
    if (g_strcmp0 (text, tri_verdict_to_string (v)) == 0)
      {
        *verdict = v;
        return TRUE;
      }
  return FALSE;
}

const char *
tri_verdict_to_string (TriVerdict verdict)
{
  switch (verdict)
    {
    case TRI_VERDICT_CORROBORATED: return "corroborated";
    case TRI_VERDICT_CONFLICTING: return "conflicting";
    case TRI_VERDICT_SINGLE_SOURCE:
    default: return "single_source";
    }
}

const char *
tri_field_to_string (TriField field)
{
  switch (field)
    {
    case TRI_FIELD_TYPE: return "type";
    case TRI_FIELD_ACTOR: return "actor";
    case TRI_FIELD_PLACE: return "place";
    case TRI_FIELD_TIME: return "time";
    case TRI_FIELD_QUANTITY: return "quantity";
    case TRI_FIELD_OBJECT: return "object";
    case TRI_FIELD_POLARITY: return "polarity";
    default: return NULL;
    }
}
