/* test-time-en.c: the temporal tagger on English
 *
 * Copyright 2026 The Triangulate authors
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#define LANGUAGE "en"

#include "time-test-util.h"

/* Sentences written for these tests; the reference is 2026-01-19 unless
 * given. "-" is no reference at all. */
static const Case cases[] = {
  /* absolute days */
  { "The last advisers left on January 18, 2026, officials said.", NULL, 0, "January 18, 2026", "2026-01-18", D, _, 0 },
  { "The ministry said on Jan. 18 that the base was empty.", NULL, 0, "Jan. 18", "2026-01-18", D, _, 0 },
  { "Talks began 18 January in Baghdad.", NULL, 0, "18 January", "2026-01-18", D, _, 0 },
  { "Talks began on 18 January 2026 in Baghdad.", NULL, 0, "18 January 2026", "2026-01-18", D, _, 0 },
  { "The statement of 2024-09-27 set the timeline.", NULL, 0, "2024-09-27", "2024-09-27", D, _, 0 },
  { "The deal expires Sept. 30, 2025, under its terms.", NULL, 0, "Sept. 30, 2025", "2025-09-30", D, _, 0 },
  { "He arrived on January 18th.", NULL, 0, "January 18th", "2026-01-18", D, _, 0 },
  { "The strike happened on March 3.", NULL, 0, "March 3", "2025-03-03", D, _, 0 },
  { "On Tuesday, Jan. 18, 2022, the council met.", NULL, 0, "Tuesday, Jan. 18, 2022", "2022-01-18", D, _, 0 },
  { "The attack of Oct. 7, 2023 changed the region.", NULL, 0, "Oct. 7, 2023", "2023-10-07", D, _, 0 },
  { "On 7 October 2023 the war began.", NULL, 0, "7 October 2023", "2023-10-07", D, _, 0 },
  { "The vote will be held on Feb. 2.", NULL, 0, "Feb. 2", "2026-02-02", D, _, 0 },
  { "The convoy will leave on Jan. 27.", NULL, 0, "Jan. 27", "2026-01-27", D, _, 0 },
  { "Officials met on Jan. 27.", NULL, 0, "Jan. 27", "2025-01-27", D, _, 0 },
  { "The bombing on December 31, 1999 was the last.", NULL, 0, "December 31, 1999", "1999-12-31", D, _, 0 },
  { "The 2024-02-29 report was late.", NULL, 0, "2024-02-29", "2024-02-29", D, _, 0 },
  { "On 1 May 2024 the base closed.", NULL, 0, "1 May 2024", "2024-05-01", D, _, 0 },
  { "Nov. 11, 2025 was election day.", NULL, 0, "Nov. 11, 2025", "2025-11-11", D, _, 0 },
  { "By August 31, 2021, the last troops had left.", NULL, 0, "August 31, 2021", "2021-08-31", D, _, 0 },
  { "The pact was signed 27/9/2024 in Washington.", NULL, 0, "27/9/2024", "2024-09-27", D, _, 0 },
  /* year boundaries, leap days */
  { "Militants struck on Dec. 27, officials said.", "2026-01-02", 0, "Dec. 27", "2025-12-27", D, _, 0 },
  { "The talks resumed on Dec. 31.", "2026-01-01", 0, "Dec. 31", "2025-12-31", D, _, 0 },
  { "The talks will resume on Jan. 2.", "2025-12-28", 0, "Jan. 2", "2026-01-02", D, _, 0 },
  { "The talks resumed on Jan. 2.", "2025-12-28", 0, "Jan. 2", "2025-01-02", D, _, 0 },
  { "A rocket hit the base on Feb. 29.", "2025-03-10", 0, "Feb. 29", "2024-02-29", D, _, 0 },
  { "The base was hit on February 29.", "2024-03-01", 0, "February 29", "2024-02-29", D, _, 0 },
  { "The summit will open on Feb. 29.", "2025-01-10", 0, "Feb. 29", "2028-02-29", D, _, 0 },
  { "Fireworks went up on Jan. 1.", "2026-01-01", 0, "Jan. 1", "2026-01-01", D, _, 0 },
  { "In December there were 15 attacks.", "2026-01-02", 0, "December", "2025-12", M, _, 0 },
  { "Elections will be held in January.", "2025-12-20", 0, "January", "2026-01", M, _, 0 },
  /* months */
  { "The combat mission ended in December 2021.", NULL, 0, "December 2021", "2021-12", M, _, 0 },
  { "Parliament voted in January 2020.", NULL, 0, "January 2020", "2020-01", M, _, 0 },
  { "The mission will end by September 2025.", NULL, 0, "September 2025", "2025-09", M, _, 0 },
  { "Troops stay until Sept. 2026.", NULL, 0, "Sept. 2026", "2026-09", M, _, 0 },
  { "The base closed in Dec 2021.", NULL, 0, "Dec 2021", "2021-12", M, _, 0 },
  { "The plan was drafted in May 2024.", NULL, 0, "May 2024", "2024-05", M, _, 0 },
  { "Attacks have risen since October.", NULL, 0, "October", "2025-10", M, _, 0 },
  { "Talks will continue in March.", NULL, 0, "March", "2026-03", M, _, 0 },
  { "Britain intends to withdraw its troops by the end of March.", "2026-02-02", 0, "the end of March", "2026-03", M, END, 0 },
  { "The last convoy is due to leave in March.", "2026-02-02", 0, "March", "2026-03", M, _, 0 },
  { "In January prices fell.", NULL, 0, "January", "2026-01", M, _, 0 },
  { "The pact of October of 2023 still holds.", NULL, 0, "October of 2023", "2023-10", M, _, 0 },
  /* modifiers */
  { "Attacks have grown since mid-October 2023.", NULL, 0, "mid-October 2023", "2023-10", M, MID, 0 },
  { "IS was defeated in late 2017.", NULL, 0, "late 2017", "2017", Y, END, 0 },
  { "Tensions rose in early 2024.", NULL, 0, "early 2024", "2024", Y, START, 0 },
  { "A drawdown came in mid-2023.", NULL, 0, "mid-2023", "2023", Y, MID, 0 },
  { "IS lost its last town by the end of 2017.", NULL, 0, "the end of 2017", "2017", Y, END, 0 },
  { "At the beginning of 2020 the vote took place.", NULL, 0, "the beginning of 2020", "2020", Y, START, 0 },
  { "In the middle of 2019 the talks stalled.", NULL, 0, "the middle of 2019", "2019", Y, MID, 0 },
  { "The force shrank in late December 2021.", NULL, 0, "late December 2021", "2021-12", M, END, 0 },
  { "More troops came in early March.", NULL, 0, "early March", "2025-03", M, START, 0 },
  { "The coalition formed around 2014.", NULL, 0, "around 2014", "2014", Y, APPROX, 0 },
  { "The advisers will leave late this year.", NULL, 0, "late this year", "2026", Y, END, 0 },
  { "The deal came late last year.", NULL, 0, "late last year", "2025", Y, END, 0 },
  { "A vote is due early next year.", NULL, 0, "early next year", "2027", Y, START, 0 },
  { "Prices fell at the end of last month.", NULL, 0, "the end of last month", "2025-12", M, END, 0 },
  { "The campaign ended mid-October.", NULL, 0, "mid-October", "2025-10", M, MID, 0 },
  { "It happened in the late 1990s.", NULL, 0, "late 1990s", "199", X, END, 0 },
  /* years, decades, quarters */
  { "The coalition was formed in 2014.", NULL, 0, "2014", "2014", Y, _, 0 },
  { "US troops have been there since 2003.", NULL, 0, "2003", "2003", Y, _, 0 },
  { "They stayed from 2003 to 2011.", NULL, 0, "2003", "2003", Y, _, 0 },
  { "They stayed from 2003 to 2011.", NULL, 0, "2011", "2011", Y, _, 0 },
  { "All troops must leave before 2027.", NULL, 0, "2027", "2027", Y, _, 0 },
  { "Violence peaked during 2006.", NULL, 0, "2006", "2006", Y, _, 0 },
  { "The mission lasts until 2026.", NULL, 0, "2026", "2026", Y, _, 0 },
  { "The sanctions of the 1990s hurt Iraq.", NULL, 0, "1990s", "199", X, _, 0 },
  { "Sanctions from the '90s still matter.", NULL, 0, "90s", "199", X, _, 0 },
  { "The 2010s began with a withdrawal.", NULL, 0, "2010s", "201", X, _, 0 },
  { "Oil output rose in Q3 2025.", NULL, 0, "Q3 2025", "2025-Q3", Q, _, 0 },
  { "Exports fell in the third quarter of 2025.", NULL, 0, "third quarter of 2025", "2025-Q3", Q, _, 0 },
  { "Results for Q4 2024 were weak.", NULL, 0, "Q4 2024", "2024-Q4", Q, _, 0 },
  { "In the first quarter, attacks fell.", NULL, 0, "first quarter", "2026-Q1", Q, _, 0 },
  { "The second quarter of 2024 was calm.", NULL, 0, "second quarter of 2024", "2024-Q2", Q, _, 0 },
  { "In Q2/2024 sales grew.", NULL, 0, "Q2/2024", "2024-Q2", Q, _, 0 },
  /* relative to the reference */
  { "Today the two sides signed a memorandum.", NULL, 0, "Today", "2026-01-19", D, _, 0 },
  { "A blast hit the base yesterday.", NULL, 0, "yesterday", "2026-01-18", D, _, 0 },
  { "Ministers will meet tomorrow.", NULL, 0, "tomorrow", "2026-01-20", D, _, 0 },
  { "Rockets hit the base last night.", NULL, 0, "last night", "2026-01-18", D, _, 0 },
  { "The last convoy left this morning.", NULL, 0, "this morning", "2026-01-19", D, _, 0 },
  { "He flew in the day before yesterday.", NULL, 0, "the day before yesterday", "2026-01-17", D, _, 0 },
  { "The premier spoke to reporters last week.", NULL, 0, "last week", "2026-W03", W, _, 0 },
  { "Talks continue this week.", NULL, 0, "this week", "2026-W04", W, _, 0 },
  { "The delegation leaves next week.", NULL, 0, "next week", "2026-W05", W, _, 0 },
  { "The ministry released a video last weekend.", NULL, 0, "last weekend", "2026-W03-WE", W, _, 0 },
  { "Protests are planned this weekend.", NULL, 0, "this weekend", "2026-W04-WE", W, _, 0 },
  { "There were three attacks last month.", NULL, 0, "last month", "2025-12", M, _, 0 },
  { "Oil prices fell this month.", NULL, 0, "this month", "2026-01", M, _, 0 },
  { "Parliament votes next month.", NULL, 0, "next month", "2026-02", M, _, 0 },
  { "The process started last year.", NULL, 0, "last year", "2025", Y, _, 0 },
  { "Defence spending rose this year.", NULL, 0, "this year", "2026", Y, _, 0 },
  { "All troops will leave next year.", NULL, 0, "next year", "2027", Y, _, 0 },
  { "Earlier this year the base was shelled.", NULL, 0, "Earlier this year", "2026", Y, _, 0 },
  { "He arrived yesterday.", "2026-01-01", 0, "yesterday", "2025-12-31", D, _, 0 },
  { "Two blasts shook the city last week.", "2026-01-01", 0, "last week", "2025-W52", W, _, 0 },
  { "Two blasts shook the city last week.", "2021-01-04", 0, "last week", "2020-W53", W, _, 0 },
  { "Inflation was high last year.", "2026-01-01", 0, "last year", "2025", Y, _, 0 },
  { "Prices rose last month.", "2026-01-05", 0, "last month", "2025-12", M, _, 0 },
  /* weekdays */
  { "Militants attacked a police post on Saturday.", NULL, 0, "Saturday", "2026-01-17", D, _, 0 },
  { "The incident happened Sunday.", NULL, 0, "Sunday", "2026-01-18", D, _, 0 },
  { "On Friday he gave a speech.", NULL, 0, "Friday", "2026-01-16", D, _, 0 },
  { "On Monday the army announced the pullout.", NULL, 0, "Monday", "2026-01-19", D, _, 0 },
  { "The meeting on Tuesday ended early.", NULL, 0, "Tuesday", "2026-01-13", D, _, 0 },
  { "The two sides will meet on Wednesday.", NULL, 0, "Wednesday", "2026-01-21", D, _, 0 },
  { "Parliament met in an emergency session on Wednesday.", "2026-01-02", 0, "Wednesday", "2025-12-31", D, _, 0 },
  { "On Friday they declared victory.", "2026-01-02", 0, "Friday", "2026-01-02", D, _, 0 },
  { "Talks are expected to resume Thursday.", NULL, 0, "Thursday", "2026-01-22", D, _, 0 },
  { "Saturday, Jan. 17, the convoy left.", NULL, 0, "Saturday, Jan. 17", "2026-01-17", D, _, 0 },
  { "The convoy left on Saturday last week.", "2026-01-20", 0, "Saturday last week", "2026-01-17", D, _, 0 },
  /* durations */
  { "US forces were based there for two decades.", NULL, 0, "for two decades", "P20Y", P, _, 0 },
  { "The mission ends within a year.", NULL, 0, "within a year", "P1Y", P, _, 0 },
  { "US troops have been there for more than 20 years.", NULL, 0, "for more than 20 years", "P20Y", P, APPROX, 0 },
  { "The transition will run over the next 12 months.", NULL, 0, "over the next 12 months", "P12M", P, _, 0 },
  { "Attacks have grown over the past two decades.", NULL, 0, "over the past two decades", "P20Y", P, _, 0 },
  { "The talks lasted for 2 hours.", NULL, 0, "for 2 hours", "PT2H", P, _, 0 },
  { "The firefight lasted nearly 30 minutes.", NULL, 0, "nearly 30 minutes", "PT30M", P, APPROX, 0 },
  { "A decade later the coalition ended its mission.", NULL, 0, "A decade", "P10Y", P, _, 0 },
  { "The truce held for about a decade.", NULL, 0, "for about a decade", "P10Y", P, APPROX, 0 },
  { "Negotiations took at least nine months.", NULL, 0, "at least nine months", "P9M", P, APPROX, 0 },
  { "The ceasefire lasted five days.", NULL, 0, "five days", "P5D", P, _, 0 },
  { "Two weeks later the envoys returned.", NULL, 0, "Two weeks", "P2W", P, _, 0 },
  { "The force must leave within 48 hours.", NULL, 0, "within 48 hours", "PT48H", P, _, 0 },
  { "There were hundreds of attacks in the last two years.", NULL, 0, "in the last two years", "P2Y", P, _, 0 },
  { "The war lasted a century.", NULL, 0, "a century", "P100Y", P, _, 0 },
  { "Three years ago the base was attacked.", NULL, 0, "Three years ago", "2023", Y, _, 0 },
  { "Two months ago the sides agreed to a truce.", NULL, 0, "Two months ago", "2025-11", M, _, 0 },
  { "The convoy was ambushed 10 days ago.", NULL, 0, "10 days ago", "2026-01-09", D, _, 0 },
  { "A week ago the envoy arrived.", NULL, 0, "A week ago", "2026-W03", W, _, 0 },
  { "The mission ends in six months.", NULL, 0, "in six months", "P6M", P, _, 0 },
  /* a year shared by two dates */
  { "From March to May 2024 there were 12 attacks.", NULL, 0, "March", "2024-03", M, _, 0 },
  { "Talks ran from Dec. 20 to Jan. 5, 2024.", NULL, 0, "Dec. 20", "2023-12-20", D, _, 0 },
  { "Violence rose between 2014 and 2017.", NULL, 0, "2014", "2014", Y, _, 0 },
  { "Violence rose between 2014 and 2017.", NULL, 0, "2017", "2017", Y, _, 0 },
  { "US troops were there in 2003-2011.", NULL, 0, "2011", "2011", Y, _, 0 },
  { "The 2014-2017 campaign against IS ended.", NULL, 0, "2014", "2014", Y, _, 0 },
  /* an inferred reference */
  { "The statement was released on Sept. 27.", "2024-09-27", 1, "Sept. 27", "2024-09-27", D, _, 1 },
  { "Talks began on Jan. 27.", "2024-09-27", 1, "Jan. 27", "2024-01-27", D, _, 1 },
  { "The process began last year.", "2024-09-27", 1, "last year", "2023", Y, _, 1 },
  { "Attacks have grown since mid-October last year.", "2024-09-27", 1, "mid-October last year", "2023-10", M, MID, 1 },
  { "The coalition was formed in 2014.", "2024-09-27", 1, "2014", "2014", Y, _, 0 },
  { "A blast hit the base yesterday.", "2024-09-27", 1, "yesterday", NULL, V, _, 1 },
  { "The premier spoke last week.", "2024-09-27", 1, "last week", NULL, V, _, 1 },
  { "Militants attacked on Saturday.", "2024-09-27", 1, "Saturday", NULL, V, _, 1 },
  { "There were three attacks last month.", "2024-09-27", 1, "last month", "2024-08", M, _, 1 },
  { "The war began on Oct. 7, 2023.", "2024-01-27", 1, "Oct. 7, 2023", "2023-10-07", D, _, 0 },
  /* no reference at all */
  { "In March last year, rockets struck the base.", "-", 0, "March last year", "--03", M, _, 0 },
  { "The sides met on Jan. 27.", "-", 0, "Jan. 27", "--01-27", D, _, 0 },
  { "The deal expires in September.", "-", 0, "September", "--09", M, _, 0 },
  { "The coalition was formed in 2014.", "-", 0, "2014", "2014", Y, _, 0 },
  { "A blast hit the base yesterday.", "-", 0, NULL, NULL, N, _, 0 },
  /* not dates */
  { "About 2,500 US troops are in Iraq.", NULL, 0, NULL, NULL, N, _, 0 },
  { "About 2000 troops remain.", NULL, 0, NULL, NULL, N, _, 0 },
  { "The group held about 1/3 of the country.", NULL, 0, NULL, NULL, N, _, 0 },
  { "A 3/4 majority is needed.", NULL, 0, NULL, NULL, N, _, 0 },
  { "The match ended 2-1.", NULL, 0, NULL, NULL, N, _, 0 },
  { "May I ask a question?", NULL, 0, NULL, NULL, N, _, 0 },
  { "It may rain, the forecast said.", NULL, 0, NULL, NULL, N, _, 0 },
  { "Iraq has 2024 soldiers on the border.", NULL, 0, NULL, NULL, N, _, 0 },
  { "See page 2014 of the report.", NULL, 0, NULL, NULL, N, _, 0 },
  { "Version 1.2.3 of the app was released.", NULL, 0, NULL, NULL, N, _, 0 },
  { "The meeting starts at 10.30.", NULL, 0, NULL, NULL, N, _, 0 },
  { "He came second, not first.", NULL, 0, NULL, NULL, N, _, 0 },
  { "February 30, 2024 does not exist.", NULL, 0, NULL, NULL, N, _, 0 },
  { "It was 32/1 on the scoreboard.", NULL, 0, NULL, NULL, N, _, 0 },
  { "The Q value was high.", NULL, 0, NULL, NULL, N, _, 0 },
  { "Soldiers will march on the capital.", NULL, 0, NULL, NULL, N, _, 0 },
  { "Call 0912.345.678 for details.", NULL, 0, NULL, NULL, N, _, 0 },
  { "Prices rose 12.5 percent.", NULL, 0, NULL, NULL, N, _, 0 },
  { "In 2,500 cases the rule applied.", NULL, 0, NULL, NULL, N, _, 0 },
};

static void
test_days_covered (void)
{
  g_autoptr(GPtrArray) mentions = tri_time_tag ("Since mid-October 2023.\nIn late 2017.\n"
                                                "Over the next 12 months.\nLast weekend.\n"
                                                "The past two years.",
                                                -1, "en", "2026-01-19", FALSE);
  const TriMention *m;

  g_assert_cmpuint (mentions->len, ==, 5);
  m = g_ptr_array_index (mentions, 0);
  g_assert_cmpuint (m->day_first, ==, _tri_time_julian (2023, 10, 11));
  g_assert_cmpuint (m->day_last, ==, _tri_time_julian (2023, 10, 20));
  m = g_ptr_array_index (mentions, 1);
  g_assert_cmpuint (m->day_first, ==, _tri_time_julian (2017, 9, 1));
  g_assert_cmpuint (m->day_last, ==, _tri_time_julian (2017, 12, 31));
  m = g_ptr_array_index (mentions, 2);
  g_assert_cmpuint (m->day_first, ==, _tri_time_julian (2026, 1, 19));
  g_assert_cmpuint (m->day_last, ==, _tri_time_julian (2027, 1, 18));
  m = g_ptr_array_index (mentions, 3);
  g_assert_cmpuint (m->day_first, ==, _tri_time_julian (2026, 1, 17));
  g_assert_cmpuint (m->day_last, ==, _tri_time_julian (2026, 1, 18));
  m = g_ptr_array_index (mentions, 4);
  g_assert_cmpstr (m->value, ==, "P2Y");
  g_assert_cmpuint (m->day_first, ==, _tri_time_julian (2024, 1, 20));
  g_assert_cmpuint (m->day_last, ==, _tri_time_julian (2026, 1, 19));
}

/* A zero-length duration covers nothing, and must not cover a negative span */
static void
test_zero_duration (void)
{
  g_autoptr(GPtrArray) mentions = tri_time_tag ("Nothing changed in the last 0 years, or 0 days ago.",
                                                -1, "en", "2024-01-27", TRUE);

  for (guint i = 0; i < mentions->len; i++)
    {
      const TriMention *m = g_ptr_array_index (mentions, i);

      g_assert_cmpuint (m->day_first, <=, m->day_last);
    }
}

static void
test_format (void)
{
  g_autofree char *month = tri_time_format ("2021-12", TRI_PRECISION_MONTH, TRI_TIME_MODIFIER_NONE, "en");
  g_autofree char *year = tri_time_format ("2017", TRI_PRECISION_YEAR, TRI_TIME_MODIFIER_END, "en");
  g_autofree char *decade = tri_time_format ("199", TRI_PRECISION_DECADE, TRI_TIME_MODIFIER_NONE, "en");
  g_autofree char *day = tri_time_format ("2026-01-18", TRI_PRECISION_DAY, TRI_TIME_MODIFIER_NONE, "en");
  g_autofree char *quarter = tri_time_format ("2025-Q3", TRI_PRECISION_QUARTER, TRI_TIME_MODIFIER_NONE, "en");
  g_autofree char *mid = tri_time_format ("2023-10", TRI_PRECISION_MONTH, TRI_TIME_MODIFIER_MID, "en");

  g_assert_cmpstr (month, ==, "Dec 2021");
  g_assert_cmpstr (year, ==, "late 2017");
  g_assert_cmpstr (decade, ==, "1990s");
  g_assert_cmpstr (day, ==, "Jan 18, 2026");
  g_assert_cmpstr (quarter, ==, "Q3 2025");
  g_assert_cmpstr (mid, ==, "mid-Oct 2023");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_assert_cmpuint (G_N_ELEMENTS (cases), >=, 150);
  add_cases ("/tri/time-en/case", cases, G_N_ELEMENTS (cases));
  g_test_add_func ("/tri/time-en/days-covered", test_days_covered);
  g_test_add_func ("/tri/time-en/zero-duration", test_zero_duration);
  g_test_add_func ("/tri/time-en/format", test_format);

  return g_test_run ();
}
