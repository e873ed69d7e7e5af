/* test-time-infer.c: reference dates and publication bounds
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

#include "tri-article-private.h"
#include "tri-loader.h"
#include "tri-time-private.h"

/* Articles written for these tests. */

static TriArticle *
analyze (const char *text)
{
  g_autoptr(GError) error = NULL;
  TriArticle *article = tri_article_new_from_text ("test", text, -1, &error);

  g_assert_no_error (error);
  _tri_time_infer_references (article);
  _tri_time_tag_article (article);
  _tri_time_infer_publication (article);
  return article;
}

static const TriMention *
find (TriArticle *article,
      const char *text,
      guint       nth)
{
  GPtrArray *mentions = tri_article_get_mentions (article);

  for (guint i = 0; i < mentions->len; i++)
    {
      const TriMention *m = g_ptr_array_index (mentions, i);
      g_autofree char *span = tri_article_dup_span (article, m->start, m->end);

      if (m->kind == TRI_MENTION_TIME && g_str_equal (span, text) && nth-- == 0)
        return m;
    }
  g_error ("no time mention “%s”", text);
  return NULL;
}

static void
assert_story_reference (TriArticle *article,
                        guint       index,
                        const char *expected)
{
  const char *reference = NULL;

  g_assert_true (tri_article_get_story (article, index, NULL, NULL, NULL, &reference));
  g_assert_cmpstr (reference, ==, expected);
}

static void
test_bare_days_after_written_dates (void)
{
  g_autoptr(TriArticle) article = analyze (
    "Từ ngày 27-1, hai bên sẽ họp để xem lại sứ mệnh của liên minh.\n\n"
    "Cuộc họp ngày 27-1 được coi là bước mở đầu cho việc rút quân.\n\n"
    "Liên minh được lập năm 2014 để chống lại nhóm vũ trang.\n\n"
    "Vụ tấn công ngày 7-10-2023 khiến tình hình khu vực xấu đi.\n\n"
    "Kể từ giữa tháng 10-2023, các căn cứ đã bị tập kích nhiều lần.\n");
  const TriMention *m;

  assert_story_reference (article, 0, "2024-01-27");
  m = find (article, "ngày 27-1", 0);
  g_assert_cmpstr (m->value, ==, "2024-01-27");
  g_assert_true (m->inferred);
  m = find (article, "ngày 27-1", 1);
  g_assert_cmpstr (m->value, ==, "2024-01-27");
  m = find (article, "ngày 7-10-2023", 0);
  g_assert_cmpstr (m->value, ==, "2023-10-07");
  g_assert_false (m->inferred);
  m = find (article, "giữa tháng 10-2023", 0);
  g_assert_cmpstr (m->value, ==, "2023-10");
  g_assert_cmpint (m->modifier, ==, TRI_TIME_MODIFIER_MID);

  g_assert_cmpint (tri_article_get_published_source (article), !=, TRI_DATE_SOURCE_HEADER);
  g_assert_cmpstr (tri_article_get_published_earliest (article), ==, "2024-01-27");
}

/* A bare day a few days before the latest date written in full is just
 * before it, not a year after. */
static void
test_bare_day_just_before_written_date (void)
{
  g_autoptr(TriArticle) article = analyze (
    "Ngày 19/1/2026, Bộ Quốc phòng Iraq xác nhận quân Mỹ đã rời căn cứ.\n\n"
    "Khoảng 300 cố vấn đã rời đi hôm 17/1.\n");
  const TriMention *m;

  m = find (article, "hôm 17/1", 0);
  g_assert_cmpstr (m->value, ==, "2026-01-17");
  g_assert_true (m->inferred);
  g_assert_cmpstr (tri_article_get_published_earliest (article), ==, "2026-01-19");
}

/* A pasted page's dateline dates it, as a header would. */
static void
test_dateline (void)
{
  g_autoptr(TriArticle) vi = analyze (
    "Mỹ hoàn tất rút quân khỏi căn cứ Ain al-Asad\n\n"
    "Thứ hai, 19/1/2026 - 08:15 (GMT+7)\n\n"
    "Cố vấn Mỹ đã rời căn cứ hôm thứ Bảy (17/1), Bộ Quốc phòng Iraq cho biết.\n");
  g_autoptr(TriArticle) en = analyze (
    "US advisers leave Ain al-Asad\n"
    "Published Monday 19 January 2026 08.15 GMT\n\n"
    "The last advisers left the base on Saturday, Iraq's defence ministry said.\n");
  g_autoptr(TriArticle) prose = analyze (
    "Tin mới\n\n"
    "Hôm 19/1/2026, Bộ Quốc phòng Iraq cho biết cố vấn Mỹ đã rời căn cứ.\n");
  const TriMention *m;

  g_assert_cmpstr (tri_article_get_published (vi), ==, "2026-01-19");
  g_assert_cmpint (tri_article_get_published_source (vi), ==, TRI_DATE_SOURCE_HEADER);
  assert_story_reference (vi, 0, "2026-01-19");
  m = find (vi, "hôm thứ Bảy", 0);
  g_assert_cmpstr (m->value, ==, "2026-01-17");

  g_assert_cmpstr (tri_article_get_published (en), ==, "2026-01-19");
  m = find (en, "Saturday", 0);
  g_assert_cmpstr (m->value, ==, "2026-01-17");

  /* A date inside a sentence is not a dateline. */
  g_assert_cmpint (tri_article_get_published_source (prose), !=, TRI_DATE_SOURCE_HEADER);
}

/* A wire story's dateline opens its first paragraph: "PLACE, date — ".
 * Not a date after a lower-case word, nor one with no dash after it. */
static void
test_wire_dateline (void)
{
  g_autoptr(TriArticle) wire = analyze (
    "Kurdish region takes over Harir\n\n"
    "ERBIL, Iraq, Jan. 17, 2026 — The last American advisers left Harir air base on Saturday, "
    "a Kurdish official said.\n");
  g_autoptr(TriArticle) agency = analyze (
    "Base handed over\n\n"
    "Baghdad, 5 March 2025 (AP) - Iraqi forces took over the base on Wednesday.\n");
  g_autoptr(TriArticle) sentence = analyze (
    "Talks\n\n"
    "In a statement, Jan. 17, 2026 — the day of the handover — was called historic.\n");
  g_autoptr(TriArticle) no_dash = analyze (
    "Talks\n\n"
    "BAGHDAD, Jan. 17, 2026, officials met to discuss the handover.\n");

  g_assert_cmpstr (tri_article_get_published (wire), ==, "2026-01-17");
  g_assert_cmpint (tri_article_get_published_source (wire), ==, TRI_DATE_SOURCE_HEADER);
  g_assert_cmpstr (find (wire, "Saturday", 0)->value, ==, "2026-01-17");

  g_assert_cmpstr (tri_article_get_published (agency), ==, "2025-03-05");
  g_assert_cmpstr (find (agency, "Wednesday", 0)->value, ==, "2025-03-05");

  g_assert_cmpint (tri_article_get_published_source (sentence), !=, TRI_DATE_SOURCE_HEADER);
  g_assert_cmpint (tri_article_get_published_source (no_dash), !=, TRI_DATE_SOURCE_HEADER);
}

static void
test_future_dates_do_not_anchor (void)
{
  g_autoptr(TriArticle) article = analyze (
    "Theo bản tuyên bố công bố hôm 27/9, sứ mệnh sẽ kết thúc trong một năm tới.\n\n"
    "Giai đoạn chuyển tiếp sẽ kết thúc muộn nhất vào tháng 9/2025.\n\n"
    "Lực lượng sẽ ở lại Syria cho đến ít nhất tháng 9/2026.\n\n"
    "Thủ tướng nói Iraq năm 2024 khác hẳn Iraq năm 2014.\n\n"
    "Hai bên bắt đầu đàm phán ngày 27/1, sau đợt không kích hôm 23/1.\n");
  const TriMention *m;

  assert_story_reference (article, 0, "2024-09-27");
  m = find (article, "hôm 27/9", 0);
  g_assert_cmpstr (m->value, ==, "2024-09-27");
  g_assert_true (m->inferred);
  m = find (article, "ngày 27/1", 0);
  g_assert_cmpstr (m->value, ==, "2024-01-27");
  m = find (article, "hôm 23/1", 0);
  g_assert_cmpstr (m->value, ==, "2024-01-23");
  m = find (article, "tháng 9/2026", 0);
  g_assert_false (m->inferred);

  g_assert_cmpstr (tri_article_get_published_earliest (article), ==, "2024-09-27");
  g_assert_cmpstr (tri_article_get_published_latest (article), ==, "2025-09-30");
  g_assert_null (tri_article_get_published (article));
}

static void
test_deadlines_do_not_anchor (void)
{
  g_autoptr(TriArticle) article = analyze (
    "Kế hoạch cắt giảm quân số kéo dài đến năm 2030.\n\n"
    "Hôm 12/3, các bên nhất trí về lộ trình.\n\n"
    "Ông ấy từng giữ chức này vào năm 2023.\n");
  const TriMention *m;

  /* 2023 anchors, 2030 does not */
  assert_story_reference (article, 0, "2023-03-12");
  m = find (article, "Hôm 12/3", 0);
  g_assert_cmpstr (m->value, ==, "2023-03-12");
  g_assert_cmpstr (tri_article_get_published_earliest (article), ==, "2023-03-12");
  g_assert_cmpstr (tri_article_get_published_latest (article), ==, "2030-12-31");
}

static void
test_relative_year_matches_written_month (void)
{
  g_autoptr(TriArticle) article = analyze (
    "Các cuộc tấn công vào căn cứ tăng mạnh kể từ giữa tháng 10 năm ngoái.\n\n"
    "Tháng 10/2023, xung đột ở Gaza nổ ra và lan rộng.\n\n"
    "Quá trình đàm phán bắt đầu vào năm ngoái nhưng bị đình trệ.\n");
  const TriMention *m;

  m = find (article, "giữa tháng 10 năm ngoái", 0);
  g_assert_cmpstr (m->value, ==, "2023-10");
  g_assert_true (m->inferred);
  m = find (article, "năm ngoái", 0);
  g_assert_cmpstr (m->value, ==, "2023");
  g_assert_true (m->inferred);
  m = find (article, "Tháng 10/2023", 0);
  g_assert_false (m->inferred);
}

static void
test_several_stories (void)
{
  g_autoptr(GError) error = NULL;
  const char *text =
    "Bản tuyên bố chung được công bố hôm 27/9 tại Washington.\n\n"
    "Thủ tướng nói Iraq năm 2024 đã thoát khỏi xung đột.\n\n"
    "Hai bên ngày 27/1 đã mở vòng đàm phán đầu tiên.\n\n"
    "Nhóm vũ trang bị đánh bại vào cuối năm 2017.\n\n"
    "Các vụ tấn công diễn ra từ giữa tháng 10 năm ngoái.\n\n"
    "Hôm 23/9, máy bay ném bom khu vực biên giới.\n";
  g_autoptr(TriArticle) article = tri_article_new_from_text ("stories", text, -1, &error);
  GArray *stories;
  gsize len;
  const char *body = tri_article_get_text (article, &len);
  guint second = strstr (body, "Hai bên") - body;
  guint third = strstr (body, "Hôm 23/9") - body;
  const TriMention *m;

  g_assert_no_error (error);
  stories = _tri_article_get_stories (article);
  g_array_set_size (stories, 0);
  _tri_article_add_story (article, 0, second, "Tuyên bố chung");
  _tri_article_add_story (article, second, third, "Đàm phán");
  _tri_article_add_story (article, third, len, NULL);

  _tri_time_infer_references (article);
  _tri_time_tag_article (article);
  _tri_time_infer_publication (article);

  assert_story_reference (article, 0, "2024-09-27");
  assert_story_reference (article, 1, "2024-01-27");
  assert_story_reference (article, 2, "2024-09-23");
  m = find (article, "ngày 27/1", 0);
  g_assert_cmpstr (m->value, ==, "2024-01-27");
  g_assert_true (m->inferred);
  m = find (article, "giữa tháng 10 năm ngoái", 0);
  g_assert_cmpstr (m->value, ==, "2023-10");
  m = find (article, "Hôm 23/9", 0);
  g_assert_cmpstr (m->value, ==, "2024-09-23");
  g_assert_cmpstr (tri_article_get_published_earliest (article), ==, "2024-09-27");
}

static void
test_header_date (void)
{
  g_autoptr(TriArticle) article = analyze (
    "date 2026-01-19\n\n"
    "Bộ Quốc phòng hôm 18/1 cho biết đoàn cố vấn cuối cùng đã rời căn cứ.\n\n"
    "Đơn vị này đã đóng quân ở đó từ năm 2003.\n\n"
    "Cuối tuần qua, một đoạn phim về căn cứ được công bố.\n");
  const TriMention *m;

  g_assert_cmpstr (tri_article_get_published (article), ==, "2026-01-19");
  g_assert_cmpint (tri_article_get_published_source (article), ==, TRI_DATE_SOURCE_HEADER);
  g_assert_null (tri_article_get_published_earliest (article));
  assert_story_reference (article, 0, "2026-01-19");
  m = find (article, "hôm 18/1", 0);
  g_assert_cmpstr (m->value, ==, "2026-01-18");
  g_assert_false (m->inferred);
  m = find (article, "Cuối tuần qua", 0);
  g_assert_cmpstr (m->value, ==, "2026-W03-WE");
  g_assert_false (m->inferred);
}

static void
test_office_holders (void)
{
  guint32 earliest, latest;
  const char *biden = "Tổng thống Mỹ Joe Biden cho biết quân đội sẽ ở lại.";
  const char *former = "Cựu Tổng thống Mỹ Joe Biden cho biết quân đội sẽ ở lại.";
  const char *sudani = "Iraqi Prime Minister Mohammed Shia al-Sudani met the envoy.";
  const char *other = "Tổng thống Mỹ cho biết quân đội sẽ ở lại.";

  _tri_time_office_bounds (biden, strlen (biden), &earliest, &latest);
  g_assert_cmpuint (earliest, ==, _tri_time_julian (2021, 1, 20));
  g_assert_cmpuint (latest, ==, _tri_time_julian (2025, 1, 20));
  _tri_time_office_bounds (former, strlen (former), &earliest, &latest);
  g_assert_cmpuint (earliest, ==, 0);
  g_assert_cmpuint (latest, ==, 0);
  _tri_time_office_bounds (sudani, strlen (sudani), &earliest, &latest);
  g_assert_cmpuint (earliest, ==, _tri_time_julian (2022, 10, 27));
  g_assert_cmpuint (latest, ==, 0);
  _tri_time_office_bounds (other, strlen (other), &earliest, &latest);
  g_assert_cmpuint (earliest, ==, 0);
}

static void
test_bounds_pin_a_day (void)
{
  g_autoptr(TriArticle) article = analyze (
    "Tổng thống Mỹ Joe Biden phát biểu tại Nhà Trắng ngày 20/1/2025.\n\n"
    "Ông nói về quá trình rút quân khỏi Iraq.\n");

  g_assert_cmpstr (tri_article_get_published_earliest (article), ==, "2025-01-20");
  g_assert_cmpstr (tri_article_get_published_latest (article), ==, "2025-01-20");
  g_assert_cmpstr (tri_article_get_published (article), ==, "2025-01-20");
  g_assert_cmpint (tri_article_get_published_source (article), ==, TRI_DATE_SOURCE_INFERRED);
}

static void
test_office_bounds_article (void)
{
  g_autoptr(TriArticle) article = analyze (
    "Thủ tướng Iraq Mohammed Shia al-Sudani kêu gọi liên minh rút quân.\n\n"
    "Liên minh được thành lập năm 2014.\n");

  g_assert_cmpstr (tri_article_get_published_earliest (article), ==, "2022-10-27");
  g_assert_null (tri_article_get_published_latest (article));
  g_assert_null (tri_article_get_published (article));
}

static void
test_no_dates (void)
{
  g_autoptr(TriArticle) article = analyze (
    "Hai bên nhất trí tiếp tục đàm phán.\n\nHôm qua, một vụ nổ xảy ra gần căn cứ.\n");

  assert_story_reference (article, 0, NULL);
  g_assert_null (tri_article_get_published_earliest (article));
  g_assert_null (tri_article_get_published_latest (article));
  g_assert_null (tri_article_get_published (article));
}

static void
test_english (void)
{
  g_autoptr(TriArticle) article = analyze (
    "The joint statement released on Sept. 27 said the mission would end within a year.\n\n"
    "The transition will end no later than September 2025.\n\n"
    "The coalition was formed in 2014, and Iraq in 2024 is a different country.\n\n"
    "Talks began on Jan. 27, after US strikes on Jan. 23.\n");
  const TriMention *m;

  assert_story_reference (article, 0, "2024-09-27");
  m = find (article, "Sept. 27", 0);
  g_assert_cmpstr (m->value, ==, "2024-09-27");
  g_assert_true (m->inferred);
  m = find (article, "Jan. 23", 0);
  g_assert_cmpstr (m->value, ==, "2024-01-23");
  g_assert_true (m->inferred);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tri/time-infer/bare-days-after-written-dates", test_bare_days_after_written_dates);
  g_test_add_func ("/tri/time-infer/bare-day-just-before-written-date",
                   test_bare_day_just_before_written_date);
  g_test_add_func ("/tri/time-infer/dateline", test_dateline);
  g_test_add_func ("/tri/time-infer/wire-dateline", test_wire_dateline);
  g_test_add_func ("/tri/time-infer/future-dates-do-not-anchor", test_future_dates_do_not_anchor);
  g_test_add_func ("/tri/time-infer/deadlines-do-not-anchor", test_deadlines_do_not_anchor);
  g_test_add_func ("/tri/time-infer/relative-year-matches-written-month", test_relative_year_matches_written_month);
  g_test_add_func ("/tri/time-infer/several-stories", test_several_stories);
  g_test_add_func ("/tri/time-infer/header-date", test_header_date);
  g_test_add_func ("/tri/time-infer/office-holders", test_office_holders);
  g_test_add_func ("/tri/time-infer/bounds-pin-a-day", test_bounds_pin_a_day);
  g_test_add_func ("/tri/time-infer/office-bounds-article", test_office_bounds_article);
  g_test_add_func ("/tri/time-infer/no-dates", test_no_dates);
  g_test_add_func ("/tri/time-infer/english", test_english);

  return g_test_run ();
}
