/* bench-quantity.c: how fast the quantity tagger reads text
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <time.h>

#include "tri-quantity.h"

/* Sentences of our own, news-like, with and without quantities. */
static const char *const vi_sentences[] = {
  "Lầu Năm Góc nói còn khoảng 2.500 binh sĩ ở Iraq, cùng chừng 900 lính Mỹ tại Syria. ",
  "Bộ Quốc phòng cho biết hôm 18/1 rằng các cố vấn cuối cùng đã rời căn cứ không quân. ",
  "Từ tháng 10-2023, các nhóm vũ trang tiến hành hơn 150 cuộc tấn công nhằm vào căn cứ. ",
  "Các quan chức khẳng định lực lượng an ninh trong nước đủ năng lực bảo đảm an ninh. ",
  "Hàng trăm người đã xuống đường, trong khi từ 250 đến 350 quân nhân vẫn ở lại. ",
  "Ngân sách năm 2024 dành 1,8 tỷ đồng cho việc tái thiết, tức khoảng 30% tổng chi. ",
};

static const char *const en_sentences[] = {
  "The United States keeps about 2,500 troops in Iraq and some 900 US troops in Syria. ",
  "The ministry said on 18/1 that the last advisers had left the air base. ",
  "There have been more than 150 rocket and drone attacks since October 2023. ",
  "Officials insisted that the national security forces were able to keep order. ",
  "Hundreds of people marched, while between 250 and 350 soldiers stayed behind. ",
  "The 2024 budget sets aside $1.8 billion for rebuilding, about 30% of spending. ",
};

/* CPU time of this thread: the machine may be shared. */
static double
cpu_seconds (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void
bench (const char         *language,
       const char * const *sentences,
       guint               n_sentences)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GTimer) timer = g_timer_new ();
  guint rounds = 0, found = 0;
  double elapsed, cpu0, cpu;

  while (text->len < 4 * 1024 * 1024)
    for (guint i = 0; i < n_sentences; i++)
      g_string_append (text, sentences[i]);

  /* Warm up: loads the lexicon and ICU's number format. */
  g_ptr_array_unref (tri_quantities_find (language, sentences[0], -1));

  g_timer_start (timer);
  cpu0 = cpu_seconds ();
  do
    {
      g_autoptr(GPtrArray) mentions = tri_quantities_find (language, text->str, text->len);

      found = mentions->len;
      rounds++;
    }
  while (g_timer_elapsed (timer, NULL) < 2.0);
  elapsed = g_timer_elapsed (timer, NULL);
  cpu = cpu_seconds () - cpu0;

  g_print ("quantity-%s: %.1f MB/s of CPU time, %.1f MB/s wall clock "
           "(%u passes over %.1f MB, %u quantities each, %.0f quantities/s of CPU)\n",
           language, rounds * (text->len / 1e6) / cpu, rounds * (text->len / 1e6) / elapsed,
           rounds, text->len / 1e6, found, rounds * found / cpu);
}

int
main (int   argc,
      char *argv[])
{
  bench ("vi", vi_sentences, G_N_ELEMENTS (vi_sentences));
  bench ("en", en_sentences, G_N_ELEMENTS (en_sentences));
  return 0;
}
