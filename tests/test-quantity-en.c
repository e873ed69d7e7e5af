/* test-quantity-en.c: quantities in English
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define LANG "en"

#include "quantity-test-util.h"

static const Case cases[] = {
  /* Digits read by the English locale */
  { "The US keeps about 2,500 troops in Iraq.",
    "about 2,500 troops", 2500, 0, APPROX, "troops", NULL, FALSE },
  { "At the peak there were 170,000 soldiers.",
    "170,000 soldiers", 170000, 0, EXACT, "troops", NULL, FALSE },
  { "The region has 1,234,567 people.",
    "1,234,567 people", 1234567, 0, EXACT, "people", NULL, FALSE },
  { "It sent 1.5 million dollars.", "1.5 million dollars", 1.5e6, 0, EXACT, "usd", NULL, FALSE },
  { "Aid worth $2.5 billion arrived.", "$2.5 billion", 2.5e9, 0, EXACT, "usd", NULL, FALSE },
  { "Aid worth $1.5bn arrived.", "$1.5bn", 1.5e9, 0, EXACT, "usd", NULL, FALSE },
  { "A loan of $20m was signed.", "$20m", 2e7, 0, EXACT, "usd", NULL, FALSE },
  { "They sent 1st and 2nd battalions.", NULL, 0, 0, EXACT, NULL, NULL, FALSE },
  { "The fund holds 300 million euros.", "300 million euros", 3e8, 0, EXACT, "eur", NULL, FALSE },
  { "There were 2500 soldiers.", "2500 soldiers", 2500, 0, EXACT, "troops", NULL, FALSE },
  { "ABOUT 2,500 TROOPS REMAIN.", "ABOUT 2,500 TROOPS", 2500, 0, APPROX, "troops", NULL, FALSE },
  { "They counted 2,50 soldiers.", NULL, 0, 0, EXACT, NULL, NULL, FALSE },
  /* Qualifiers */
  { "Around 900 US troops are in Syria.",
    "Around 900 US troops", 900, 0, APPROX, "troops", "united-states", FALSE },
  { "Roughly 600 advisers stayed.", "Roughly 600 advisers", 600, 0, APPROX, "troops", NULL, FALSE },
  { "Approximately 40 soldiers left.",
    "Approximately 40 soldiers", 40, 0, APPROX, "troops", NULL, FALSE },
  { "Some 2,500 American troops are deployed.",
    "Some 2,500 American troops", 2500, 0, APPROX, "troops", "united-states", FALSE },
  { "Nearly 2,500 troops remain.", "Nearly 2,500 troops", 2500, 0, APPROX, "troops", NULL, FALSE },
  { "Almost 300 people fled.", "Almost 300 people", 300, 0, APPROX, "people", NULL, FALSE },
  { "There have been more than 150 attacks.",
    "more than 150 attacks", 150, 0, MORE, "attacks", NULL, FALSE },
  { "Over 5,000 soldiers took part.", "Over 5,000 soldiers", 5000, 0, MORE, "troops", NULL, FALSE },
  { "Upwards of 70 strikes were carried out.",
    "Upwards of 70 strikes", 70, 0, MORE, "attacks", NULL, FALSE },
  { "At least 20 people came.", "At least 20 people", 20, 0, AT_LEAST, "people", NULL, FALSE },
  { "No fewer than 12 soldiers left.",
    "No fewer than 12 soldiers", 12, 0, AT_LEAST, "troops", NULL, FALSE },
  { "Up to 3,000 troops may stay.", "Up to 3,000 troops", 3000, 0, AT_MOST, "troops", NULL, FALSE },
  { "As many as 10,000 troops could come.",
    "As many as 10,000 troops", 10000, 0, AT_MOST, "troops", NULL, FALSE },
  { "At most 400 personnel will remain.",
    "At most 400 personnel", 400, 0, AT_MOST, "troops", NULL, FALSE },
  { "Fewer than 500 soldiers remain.",
    "Fewer than 500 soldiers", 500, 0, LESS, "troops", NULL, FALSE },
  { "Less than 200 troops stayed.", "Less than 200 troops", 200, 0, LESS, "troops", NULL, FALSE },
  { "Under 80 marines are there.", "Under 80 marines", 80, 0, LESS, "troops", NULL, FALSE },
  { "Exactly 45 attacks took place.", "Exactly 45 attacks", 45, 0, EXACT, "attacks", NULL, FALSE },
  { "An estimated 600 people fled.",
    "An estimated 600 people", 600, 0, APPROX, "people", NULL, FALSE },
  { "There are 5,000 troops or more.",
    "5,000 troops or more", 5000, 0, AT_LEAST, "troops", NULL, FALSE },
  { "There are 5,000 or so troops.", "5,000 or so troops", 5000, 0, APPROX, "troops", NULL, FALSE },
  { "There are 2,500-plus troops.", "2,500-plus troops", 2500, 0, MORE, "troops", NULL, FALSE },
  { "A maximum of 30 advisers will stay.",
    "A maximum of 30 advisers", 30, 0, AT_MOST, "troops", NULL, FALSE },
  /* Number words */
  { "Two soldiers were captured.", "Two soldiers", 2, 0, EXACT, "troops", NULL, FALSE },
  { "Twenty-five soldiers were there.",
    "Twenty-five soldiers", 25, 0, EXACT, "troops", NULL, FALSE },
  { "Twenty five soldiers were there.",
    "Twenty five soldiers", 25, 0, EXACT, "troops", NULL, FALSE },
  { "Fifteen advisers left.", "Fifteen advisers", 15, 0, EXACT, "troops", NULL, FALSE },
  { "Three thousand troops arrived.",
    "Three thousand troops", 3000, 0, EXACT, "troops", NULL, FALSE },
  { "One hundred soldiers arrived.", "One hundred soldiers", 100, 0, EXACT, "troops", NULL, FALSE },
  { "A hundred soldiers arrived.", "A hundred soldiers", 100, 0, EXACT, "troops", NULL, FALSE },
  { "Two hundred and fifty soldiers arrived.",
    "Two hundred and fifty soldiers", 250, 0, EXACT, "troops", NULL, FALSE },
  { "A dozen rockets hit the base.", "A dozen rockets", 12, 0, EXACT, "rockets", NULL, FALSE },
  { "Two dozen drones were shot down.", "Two dozen drones", 24, 0, EXACT, "drones", NULL, FALSE },
  { "One attack was reported.", "One attack", 1, 0, EXACT, "attacks", NULL, FALSE },
  { "Ninety-nine people signed.", "Ninety-nine people", 99, 0, EXACT, "people", NULL, FALSE },
  { "Two million people left.", "Two million people", 2e6, 0, EXACT, "people", NULL, FALSE },
  { "Eleven soldiers were wounded.",
    "Eleven soldiers were wounded", 11, 0, EXACT, "injured", NULL, FALSE },
  { "A soldier stood guard.", NULL, 0, 0, EXACT, NULL, NULL, FALSE },
  { "An attack hit the base.", NULL, 0, 0, EXACT, NULL, NULL, FALSE },
  { "One of the soldiers spoke.", NULL, 0, 0, EXACT, NULL, NULL, FALSE },
  /* Vague amounts */
  { "Hundreds of missiles were fired.",
    "Hundreds of missiles", 100, 0, AT_LEAST, "missiles", NULL, TRUE },
  { "Dozens of drones were launched.", "Dozens of drones", 12, 0, AT_LEAST, "drones", NULL, TRUE },
  { "Thousands of people marched.",
    "Thousands of people", 1000, 0, AT_LEAST, "people", NULL, TRUE },
  { "Tens of thousands of people fled.",
    "Tens of thousands of people", 10000, 0, AT_LEAST, "people", NULL, TRUE },
  { "Several hundred troops will stay.",
    "Several hundred troops", 300, 0, APPROX, "troops", NULL, TRUE },
  { "A few thousand troops will stay.",
    "A few thousand troops", 3000, 0, APPROX, "troops", NULL, TRUE },
  { "A couple of rockets landed.", "A couple of rockets", 2, 0, APPROX, "rockets", NULL, TRUE },
  { "Several soldiers stood guard.", NULL, 0, 0, EXACT, NULL, NULL, FALSE },
  { "The base suffered a series of attacks.", NULL, 0, 0, EXACT, NULL, NULL, FALSE },
  { "Many attacks were reported.", NULL, 0, 0, EXACT, NULL, NULL, FALSE },
  /* Ranges */
  { "Between 250 and 350 troops will stay.",
    "Between 250 and 350 troops", 250, 350, EXACT, "troops", NULL, FALSE },
  { "From 250 to 350 troops will stay.",
    "From 250 to 350 troops", 250, 350, EXACT, "troops", NULL, FALSE },
  { "There are 250 to 350 troops.", "250 to 350 troops", 250, 350, EXACT, "troops", NULL, FALSE },
  { "There are 250 - 350 troops.", "250 - 350 troops", 250, 350, EXACT, "troops", NULL, FALSE },
  { "There are 250-350 troops.", "250-350 troops", 250, 350, EXACT, "troops", NULL, FALSE },
  { "There are about 250–350 troops.",
    "about 250–350 troops", 250, 350, APPROX, "troops", NULL, FALSE },
  { "It costs 2-3 million dollars.", "2-3 million dollars", 2e6, 3e6, EXACT, "usd", NULL, FALSE },
  { "Two or three soldiers were hurt.",
    "Two or three soldiers were hurt", 2, 3, EXACT, "injured", NULL, FALSE },
  { "Two to three thousand troops came.",
    "Two to three thousand troops", 2000, 3000, EXACT, "troops", NULL, FALSE },
  { "It costs $2-3 million.", "$2-3 million", 2e6, 3e6, EXACT, "usd", NULL, FALSE },
  { "It costs between $2 million and $3 million.",
    "between $2 million and $3 million", 2e6, 3e6, EXACT, "usd", NULL, FALSE },
  { "Costs rose from $2 million last year.", "$2 million", 2e6, 0, EXACT, "usd", NULL, FALSE },
  { "Numbers fell from 2,500 troops to fewer.",
    "2,500 troops", 2500, 0, EXACT, "troops", NULL, FALSE },
  /* Fractions and percentages */
  { "IS held about 1/3 of the territory.",
    "about 1/3", 1.0 / 3, 0, APPROX, "fraction", NULL, FALSE },
  { "Only 1/3 of the troops left.", "1/3", 1.0 / 3, 0, EXACT, "fraction", NULL, FALSE },
  { "The 9/11 attacks changed everything.", NULL, 0, 0, EXACT, NULL, NULL, FALSE },
  { "On 1/3 talks resumed.", NULL, 0, 0, EXACT, NULL, NULL, FALSE },
  { "A third of the troops left.", "A third", 1.0 / 3, 0, EXACT, "fraction", NULL, FALSE },
  { "Two-thirds of the troops left.", "Two-thirds", 2.0 / 3, 0, EXACT, "fraction", NULL, FALSE },
  { "Two thirds of the troops left.", "Two thirds", 2.0 / 3, 0, EXACT, "fraction", NULL, FALSE },
  { "One quarter of the budget was cut.", "One quarter", 0.25, 0, EXACT, "fraction", NULL, FALSE },
  { "Nearly a third of the troops left.",
    "Nearly a third", 1.0 / 3, 0, APPROX, "fraction", NULL, FALSE },
  { "Half of the troops left.", "Half of", 0.5, 0, EXACT, "fraction", NULL, FALSE },
  { "More than half of the troops left.",
    "More than half of", 0.5, 0, MORE, "fraction", NULL, FALSE },
  { "Most of the troops left.", "Most of", 0.5, 0, MORE, "fraction", NULL, TRUE },
  { "The majority of the troops left.", "The majority of", 0.5, 0, MORE, "fraction", NULL, TRUE },
  { "It controls 30% of the land.", "30%", 30, 0, EXACT, "percent", NULL, FALSE },
  { "It controls nearly 40 percent of the land.",
    "nearly 40 percent", 40, 0, APPROX, "percent", NULL, FALSE },
  { "Turnout reached 12.5 per cent.", "12.5 per cent", 12.5, 0, EXACT, "percent", NULL, FALSE },
  { "Twenty percent of the troops left.", "Twenty percent", 20, 0, EXACT, "percent", NULL, FALSE },
  /* Units */
  { "The US conducted 85 airstrikes.", "85 airstrikes", 85, 0, EXACT, "attacks", NULL, FALSE },
  { "There were 20 air strikes.", "20 air strikes", 20, 0, EXACT, "attacks", NULL, FALSE },
  { "There were 60 drone attacks.", "60 drone attacks", 60, 0, EXACT, "attacks", NULL, FALSE },
  { "There were 40 rocket attacks.", "40 rocket attacks", 40, 0, EXACT, "attacks", NULL, FALSE },
  { "Iran fired 12 ballistic missiles.",
    "12 ballistic missiles", 12, 0, EXACT, "missiles", NULL, FALSE },
  { "They shot down 10 UAVs.", "10 UAVs", 10, 0, EXACT, "drones", NULL, FALSE },
  { "Seven helicopters were destroyed.",
    "Seven helicopters", 7, 0, EXACT, "helicopters", NULL, FALSE },
  { "The US has 4 military bases there.", "4 military bases", 4, 0, EXACT, "bases", NULL, FALSE },
  { "There are 2,500 service members there.",
    "2,500 service members", 2500, 0, EXACT, "troops", NULL, FALSE },
  { "There are 2,500 military personnel there.",
    "2,500 military personnel", 2500, 0, EXACT, "troops", NULL, FALSE },
  { "They sent 1,500 additional troops.",
    "1,500 additional troops", 1500, 0, EXACT, "troops", NULL, FALSE },
  { "The group holds 12 hostages.", "12 hostages", 12, 0, EXACT, "hostages", NULL, FALSE },
  { "About 200 militants attacked.",
    "About 200 militants", 200, 0, APPROX, "fighters", NULL, FALSE },
  { "There are 50 civilians inside.", "50 civilians", 50, 0, EXACT, "people", NULL, FALSE },
  { "Two countries signed the deal.", NULL, 0, 0, EXACT, NULL, NULL, FALSE },
  /* Owners */
  { "There are 2,500 U.S. troops in Iraq.",
    "2,500 U.S. troops", 2500, 0, EXACT, "troops", "united-states", FALSE },
  { "There are 900 Iraqi soldiers there.",
    "900 Iraqi soldiers", 900, 0, EXACT, "troops", "iraq", FALSE },
  { "There are 5,000 Russian troops.",
    "5,000 Russian troops", 5000, 0, EXACT, "troops", "russia", FALSE },
  { "There are 300 British troops.",
    "300 British troops", 300, 0, EXACT, "troops", "united-kingdom", FALSE },
  { "There are 800 coalition troops.",
    "800 coalition troops", 800, 0, EXACT, "troops", "us-led-coalition", FALSE },
  { "They sent 1,500 additional US troops.",
    "1,500 additional US troops", 1500, 0, EXACT, "troops", "united-states", FALSE },
  { "There are 900 troops in Syria.", "900 troops", 900, 0, EXACT, "troops", NULL, FALSE },
  /* Casualties */
  { "At least three US soldiers were killed.",
    "At least three US soldiers were killed", 3, 0, AT_LEAST, "killed", "united-states", FALSE },
  { "The blast left 12 people injured.",
    "12 people injured", 12, 0, EXACT, "injured", NULL, FALSE },
  { "Five people died.", "Five people died", 5, 0, EXACT, "killed", NULL, FALSE },
  { "There were 16 dead.", "16 dead", 16, 0, EXACT, "killed", NULL, FALSE },
  { "Eight American troops have been wounded.",
    "Eight American troops have been wounded", 8, 0, EXACT, "injured", "united-states", FALSE },
  { "The strike killed 4 soldiers.", "4 soldiers", 4, 0, EXACT, "killed", NULL, FALSE },
  { "A rocket hit the base, killing 2 people.", "2 people", 2, 0, EXACT, "killed", NULL, FALSE },
  /* A count named before a number with no unit */
  { "The number of US troops in Iraq is about 2,500.",
    "about 2,500", 2500, 0, APPROX, "troops", "united-states", FALSE },
  { "US troop levels in Iraq fell to 2,500.",
    "2,500", 2500, 0, EXACT, "troops", "united-states", FALSE },
  { "The death toll rose to 12.", "12", 12, 0, EXACT, "killed", NULL, FALSE },
  NONE ("The number of US troops rose in 2014."),
  NONE ("The number of troops tripled in 3 years."),
  /* Dates, times, years, codes and other numbers are not quantities */
  NONE ("On 18/1 the ministry spoke."),
  NONE ("On 9/27/2024 the two sides spoke."),
  NONE ("The coalition was formed in 2014."),
  NONE ("The shelling lasted about 2 hours."),
  NONE ("The withdrawal takes 12 months."),
  NONE ("Talks began on January 27."),
  NONE ("The war began on 7-10-2023."),
  NONE ("The US flew F-16 jets."),
  NONE ("The meeting began at 10:30 pm."),
  NONE ("Resolution 2334 was adopted."),
  NONE ("He was the 10th envoy."),
  NONE ("The talks lasted at least 9 months."),
  NONE ("He said 2 of them agreed."),
  { "In 2024, 2,000 troops went home.", "2,000 troops", 2000, 0, EXACT, "troops", NULL, FALSE },
  { "On 27/9 there were 150 attacks.", "150 attacks", 150, 0, EXACT, "attacks", NULL, FALSE },
  { "Troops were sent in 3 waves and 40 soldiers stayed.",
    "40 soldiers", 40, 0, EXACT, "troops", NULL, FALSE },
};

static const NumberCase numbers[] = {
  { "2,500", TRUE, 2500 },
  { "1.8", TRUE, 1.8 },
  { "170,000", TRUE, 170000 },
  { "1,234,567.89", TRUE, 1234567.89 },
  { "2500", TRUE, 2500 },
  { "2.500", TRUE, 2.5 },
  { "2,50", FALSE, 0 },
  { "1,2345", FALSE, 0 },
  { "9.27.2024", FALSE, 0 },
  { "12abc", FALSE, 0 },
  { "two", TRUE, 2 },
  { "three thousand", TRUE, 3000 },
  { "twenty-five", TRUE, 25 },
  { "twenty five", TRUE, 25 },
  { "fifteen", TRUE, 15 },
  { "one hundred", TRUE, 100 },
  { "a hundred", TRUE, 100 },
  { "two hundred and fifty", TRUE, 250 },
  { "a dozen", TRUE, 12 },
  { "two dozen", TRUE, 24 },
  { "two million three hundred thousand", TRUE, 2300000 },
  { "1.5 million", TRUE, 1.5e6 },
  { "2 billion", TRUE, 2e9 },
  { "hundreds", TRUE, 100 },
  { "several hundred", TRUE, 300 },
  { "a", FALSE, 0 },
  { "million", FALSE, 0 },
  { "and", FALSE, 0 },
  { "two three", FALSE, 0 },
  { "troops", FALSE, 0 },
};

static void
test_numbers (void)
{
  assert_numbers (numbers, G_N_ELEMENTS (numbers));
}

static void
test_several (void)
{
  assert_several ("The US has about 2,500 troops in Iraq and some 900 US troops in Syria, "
                  "after more than 150 attacks; 3 soldiers were killed.");
}

/* A number right after a quantity counts the same thing. */
static void
test_ellipsis (void)
{
  assert_ellipsis ("About 2,500 US troops are in Iraq and about 900 in Syria.",
                   "about 900",
                   "There are 2,500 troops and 12 months to go.");
}

static void
test_unknown_language (void)
{
  assert_unknown_language ("en-US", "2,500 troops");
}

static void
test_odd_input (void)
{
  static const char bad[] = "about \xff\xfe 2,500 tro\xe1\xbb ops 1/ /3 , . - 5-";

  assert_odd_input (bad, sizeof bad - 1, "troops");
}

/* The pipeline's entry point: mentions in sentences, none in boilerplate. */
static void
test_article (void)
{
  const char *text =
    "date 2026-01-19\n"
    "\n"
    "Troops leave the base\n"
    "\n"
    "The United States keeps about 2,500 troops in Iraq. There have been more than 150 attacks on "
    "the coalition since October 2023.\n"
    "\n"
    "On 18/1, some 900 US troops were still in Syria.\n";
  const char *spans[3] = { "about 2,500 troops", "more than 150 attacks", "some 900 US troops" };

  assert_article (text, spans);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  add_case_tests (cases, G_N_ELEMENTS (cases));
  g_test_add_func ("/tri/quantity-en/numbers", test_numbers);
  g_test_add_func ("/tri/quantity-en/several", test_several);
  g_test_add_func ("/tri/quantity-en/ellipsis", test_ellipsis);
  g_test_add_func ("/tri/quantity-en/unknown-language", test_unknown_language);
  g_test_add_func ("/tri/quantity-en/odd-input", test_odd_input);
  g_test_add_func ("/tri/quantity-en/article", test_article);

  return g_test_run ();
}
