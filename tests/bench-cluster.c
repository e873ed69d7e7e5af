/* bench-cluster.c: clustering time and memory for 10k, 100k and 1M claims
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <sys/resource.h>

#include "tri-claims-private.h"

static const char *types[] = {
  "troop_presence", "withdrawal", "attack", "negotiation", "agreement", "handover",
};

static glong
peak_rss_kb (void)
{
  struct rusage ru;

  getrusage (RUSAGE_SELF, &ru);
  return ru.ru_maxrss;
}

static double
cpu_seconds (void)
{
  struct rusage ru;

  getrusage (RUSAGE_SELF, &ru);
  return ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
}

static glong
current_rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *p;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  p = strstr (status, "VmRSS:");
  return p ? g_ascii_strtoll (p + 6, NULL, 10) : 0;
}

/* Synthetic claims: a type, one of 400 places, a day in 25 years, and for half of them a count; every article
 * states 20 claims. Some claims repeat a fact so clusters form. */
static GPtrArray *
make_claims (guint n,
             GRand *rand)
{
  GPtrArray *claims = g_ptr_array_new_full (n, (GDestroyNotify) tri_claim_unref);
  char buf[32];
  guint32 base = 730120;        /* 2000-01-01 */

  for (guint i = 0; i < n; i++)
    {
      TriClaim *c;
      guint fact = g_rand_int_range (rand, 0, MAX (n / 3, 1));
      GRand *fr = g_rand_new_with_seed (fact);
      guint32 day = base + g_rand_int_range (fr, 0, 25 * 365);

      g_snprintf (buf, sizeof buf, "art%u", i / 20);
      c = tri_claim_new (buf, i % 20, types[g_rand_int_range (fr, 0, G_N_ELEMENTS (types))], 0, 80);
      g_snprintf (buf, sizeof buf, "place-%u", g_rand_int_range (fr, 0, 400));
      tri_claim_add_place (c, buf);
      g_snprintf (buf, sizeof buf, "actor-%u", g_rand_int_range (fr, 0, 50));
      tri_claim_add_actor (c, buf);
      tri_claim_set_time (c, NULL, TRI_PRECISION_DAY, day, day);
      c->time_role = TRI_TIME_ROLE_AT;
      if (g_rand_boolean (fr))
        tri_claim_set_quantity (c, g_rand_int_range (fr, 1, 5000), 0, TRI_QUALIFIER_APPROX, "troops");
      g_ptr_array_add (claims, c);
      g_rand_free (fr);
    }
  return claims;
}

int
main (int   argc,
      char *argv[])
{
  guint sizes[] = { 10000, 100000, 1000000 };
  double per_claim_us[G_N_ELEMENTS (sizes)];
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);

  /* Load the data files first so they are not counted. */
  _tri_claim_type_lookup ("attack");
  _tri_place_get_root ("iraq");

  printf ("%10s %10s %10s %10s %12s %14s %12s\n", "claims", "clusters", "wall (s)", "cpu (s)",
          "µs/claim", "memory (MB)", "bytes/claim");
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      glong before = current_rss_kb ();
      g_autoptr(GPtrArray) claims = make_claims (sizes[s], rand);
      g_autoptr(GPtrArray) clusters = NULL;
      gint64 t0, t1;
      double c0, c1;
      glong after;
      double secs;

      t0 = g_get_monotonic_time ();
      c0 = cpu_seconds ();
      clusters = _tri_claims_cluster_claims (claims, NULL);
      c1 = cpu_seconds ();
      t1 = g_get_monotonic_time ();
      after = MAX (current_rss_kb (), 0);
      secs = (t1 - t0) / 1e6;
      per_claim_us[s] = (c1 - c0) * 1e6 / sizes[s];
      printf ("%10u %10u %10.3f %10.3f %12.3f %14.1f %12.0f\n", sizes[s], clusters->len, secs,
              c1 - c0, per_claim_us[s], (after - before) / 1024.0,
              (after - before) * 1024.0 / sizes[s]);
      fflush (stdout);
    }
  printf ("growth 10k→1M: %.2f× CPU time per claim (1.00 is linear); peak RSS %.1f MB\n",
          per_claim_us[2] / per_claim_us[0], peak_rss_kb () / 1024.0);
  return 0;
}
