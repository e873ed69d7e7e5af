/* tri-offset-map.c
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tri-offset-map"

#include "config.h"

#include "tri-offset-map.h"

typedef struct
{
  gsize dst;
  gsize dst_len;
  gsize src;
  gsize src_len;
} Run;

struct _TriOffsetMap
{
  GArray       *runs;
  TriOffsetMap *next;
};

/* Takes ownership of @next, the map of the stage below (or %NULL). */
TriOffsetMap *
tri_offset_map_new (TriOffsetMap *next)
{
  TriOffsetMap *self = g_new0 (TriOffsetMap, 1);

  self->runs = g_array_new (FALSE, FALSE, sizeof (Run));
  self->next = next;
  return self;
}

void
tri_offset_map_free (TriOffsetMap *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->next, tri_offset_map_free);
  g_array_unref (self->runs);
  g_free (self);
}

/* Runs must be added in order of @dst. Adjacent runs that both copy bytes
 * unchanged merge, so text that needed no change costs one run. */
void
tri_offset_map_add (TriOffsetMap *self,
                    gsize         dst,
                    gsize         dst_len,
                    gsize         src,
                    gsize         src_len)
{
  Run run = { dst, dst_len, src, src_len };

  g_return_if_fail (self != NULL);

  if (dst_len == 0 && src_len == 0)
    return;

  if (self->runs->len > 0)
    {
      Run *last = &g_array_index (self->runs, Run, self->runs->len - 1);

      g_return_if_fail (dst >= last->dst + last->dst_len);

      if (last->dst_len == last->src_len && dst_len == src_len &&
          last->dst + last->dst_len == dst && last->src + last->src_len == src)
        {
          last->dst_len += dst_len;
          last->src_len += src_len;
          return;
        }
    }

  g_array_append_val (self->runs, run);
}

gboolean
tri_offset_map_is_identity (const TriOffsetMap *self)
{
  const Run *r;

  if (self == NULL)
    return TRUE;
  if (self->runs->len > 1)
    return FALSE;
  if (self->runs->len == 1)
    {
      r = &g_array_index (self->runs, Run, 0);
      if (r->dst != r->src || r->dst_len != r->src_len)
        return FALSE;
    }
  return tri_offset_map_is_identity (self->next);
}

/* Index of the last run whose dst is <= @offset, or -1. */
static gssize
find_run (const TriOffsetMap *self,
          gsize               offset)
{
  gssize lo = 0, hi = (gssize) self->runs->len - 1, found = -1;

  while (lo <= hi)
    {
      gssize mid = lo + (hi - lo) / 2;
      const Run *r = &g_array_index (self->runs, Run, mid);

      if (r->dst <= offset)
        {
          found = mid;
          lo = mid + 1;
        }
      else
        hi = mid - 1;
    }
  return found;
}

static gsize
map_one (const TriOffsetMap *self,
         gsize               offset,
         gboolean            is_end)
{
  gssize i;
  const Run *r;

  if (self->runs->len == 0)
    return offset;

  /* An end offset belongs to the byte before it. */
  if (is_end && offset > 0)
    {
      i = find_run (self, offset - 1);
      if (i < 0)
        return offset;
      r = &g_array_index (self->runs, Run, i);
      if (offset - 1 >= r->dst + r->dst_len)
        return r->src + r->src_len;
      if (r->dst_len == r->src_len)
        return r->src + (offset - r->dst);
      return r->src + r->src_len;
    }

  i = find_run (self, offset);
  if (i < 0)
    return g_array_index (self->runs, Run, 0).src;
  r = &g_array_index (self->runs, Run, i);
  if (offset >= r->dst + r->dst_len)
    return r->src + r->src_len;
  if (r->dst_len == r->src_len)
    return r->src + (offset - r->dst);
  return r->src;
}

/* Where the byte at @offset came from. */
gsize
tri_offset_map_start (const TriOffsetMap *self,
                      gsize               offset)
{
  for (; self != NULL; self = self->next)
    offset = map_one (self, offset, FALSE);
  return offset;
}

/* Where a span ending (exclusively) at @offset ends in the source. */
gsize
tri_offset_map_end (const TriOffsetMap *self,
                    gsize               offset)
{
  for (; self != NULL; self = self->next)
    offset = map_one (self, offset, TRUE);
  return offset;
}

gsize
tri_offset_map_memory (const TriOffsetMap *self)
{
  gsize total = 0;

  for (; self != NULL; self = self->next)
    total += sizeof *self + self->runs->len * sizeof (Run);
  return total;
}
