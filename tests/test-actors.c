/* test-actors.c
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "gazetteer-test-util.h"

static TriGazetteer *gazetteer;

/* The actor mention covering the first occurrence of @span in @text. */
static TriMention *
find_actor (GPtrArray  *mentions,
            const char *text,
            const char *span)
{
  return find_mention (mentions, TRI_MENTION_ACTOR, text, span);
}

static void
assert_actor (const char *language,
              const char *text,
              const char *span,
              const char *expected)
{
  g_autoptr(GPtrArray) mentions = tag (gazetteer, text, language);
  TriMention *m = find_actor (mentions, text, span);

  if (expected == NULL)
    {
      if (m != NULL && !m->candidate)
        g_error ("“%s” in “%s”: expected no actor, got %s", span, text, m->entity);
      return;
    }
  if (m == NULL)
    g_error ("“%s” in “%s”: no actor, expected %s", span, text, expected);
  if (g_strcmp0 (m->entity, expected) != 0)
    g_error ("“%s” in “%s”: got %s, expected %s", span, text,
             m->entity != NULL ? m->entity : "a candidate", expected);
  g_assert_false (m->candidate);
}

static void
test_known (void)
{
  static const struct {
    const char *language;
    const char *text;
    const char *span;
    const char *id;
  } cases[] = {
    { "vi", "Lầu Năm Góc xác nhận thông tin.", "Lầu Năm Góc", "us-department-of-defense" },
    { "vi", "Theo Bộ Quốc phòng Mỹ, đợt rút quân đã xong.", "Bộ Quốc phòng Mỹ",
      "us-department-of-defense" },
    { "en", "The Pentagon declined to comment.", "Pentagon", "us-department-of-defense" },
    { "en", "CENTCOM said two drones were shot down.", "CENTCOM", "centcom" },
    { "vi", "Bộ Tư lệnh Trung tâm đã ra thông cáo.", "Bộ Tư lệnh Trung tâm", "centcom" },
    { "vi", "Người phát ngôn Bộ Ngoại giao Mỹ trả lời báo chí.", "Bộ Ngoại giao Mỹ",
      "us-state-department" },
    { "vi", "Bộ Quốc phòng Iraq cho biết đoàn cố vấn đã rời đi.", "Bộ Quốc phòng Iraq",
      "iraq-ministry-of-defence" },
    { "vi", "Lực lượng An ninh Iraq tiếp quản căn cứ.", "Lực lượng An ninh Iraq",
      "iraqi-security-forces" },
    { "en", "The ISF took over the compound.", "ISF", "iraqi-security-forces" },
    { "vi", "Hội đồng An ninh Quốc gia Iraq họp khẩn.", "Hội đồng An ninh Quốc gia Iraq",
      "iraq-national-security-council" },
    { "vi", "Chiến dịch chống Nhà nước Hồi giáo tự xưng vẫn tiếp tục.",
      "Nhà nước Hồi giáo tự xưng", "islamic-state" },
    { "en", "Remnants of ISIS remain active.", "ISIS", "islamic-state" },
    { "en", "ISIL claimed the attack.", "ISIL", "islamic-state" },
    { "en", "The fight against Daesh is not over.", "Daesh", "islamic-state" },
    { "vi", "Các tay súng IS phục kích đoàn xe.", "IS", "islamic-state" },
    { "vi", "Lực lượng kháng chiến Hồi giáo ở Iraq nhận trách nhiệm.",
      "Lực lượng kháng chiến Hồi giáo ở Iraq", "islamic-resistance-in-iraq" },
    { "en", "The Islamic Resistance in Iraq claimed the strike.", "Islamic Resistance in Iraq",
      "islamic-resistance-in-iraq" },
    { "vi", "Hezbollah và Hamas đều lên tiếng.", "Hezbollah", "hezbollah" },
    { "vi", "Hezbollah và Hamas đều lên tiếng.", "Hamas", "hamas" },
    { "vi", "Sứ mệnh của liên minh do Mỹ dẫn đầu sắp kết thúc.", "liên minh do Mỹ dẫn đầu",
      "us-led-coalition" },
    { "vi", "Liên minh toàn cầu chống IS họp tại Rome.", "Liên minh toàn cầu chống IS",
      "us-led-coalition" },
    { "en", "CJTF-OIR released a statement.", "CJTF-OIR", "us-led-coalition" },
    { "vi", "Lực lượng Huy động Nhân dân phản đối.", "Lực lượng Huy động Nhân dân", "pmf" },
    { "en", "The PMF denied any role.", "PMF", "pmf" },
    { "en", "The IDF said it struck targets.", "IDF", "israel-defense-forces" },
    { "en", "The KRG welcomed the decision.", "KRG", "kurdistan-regional-government" },
    { "vi", "Chính phủ Iraq hoan nghênh.", "Chính phủ Iraq", "iraq-government" },
    { "vi", "Sau khi chính phủ Iraq đề nghị, quân đội Mỹ rút đi.", "chính phủ Iraq",
      "iraq-government" },
    { "vi", "Sau khi chính phủ Iraq đề nghị, quân đội Mỹ rút đi.", "quân đội Mỹ",
      "us-armed-forces" },
    { "vi", "Hãng tin Reuters dẫn lời quan chức.", "Reuters", "reuters" },
    { "vi", "Theo TTXVN, hội nghị diễn ra tốt đẹp.", "TTXVN", "ttxvn" },
    { "en", "AFP and AP both reported the blast.", "AP", "ap" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_actor (cases[i].language, cases[i].text, cases[i].span, cases[i].id);
}

static void
test_people (void)
{
  static const char * const sudani[] = {
    "Thủ tướng Mohammed Shia al-Sudani phát biểu.",
    "Thủ tướng Iraq Mohamed Shia al-Sudani phát biểu.",
    "Ông Mohammed Shia' Al-Sudani phát biểu.",
    "Prime Minister Mohammed Shia Al Sudani spoke.",
    "Theo ông Al Sudani, lộ trình đã rõ.",
  };

  for (guint i = 0; i < G_N_ELEMENTS (sudani); i++)
    assert_actor (i == 3 ? "en" : "vi", sudani[i], "Sudani", "mohammed-shia-al-sudani");

  assert_actor ("vi", "Cố vấn An ninh Quốc gia Qasim al-Araji đến Washington.", "al-Araji",
                "qasim-al-araji");
  assert_actor ("vi", "Phát ngôn viên Sabrina Singh trả lời họp báo.", "Sabrina Singh",
                "sabrina-singh");
  assert_actor ("vi", "Tổng thống Donald Trump và ông Biden.", "Trump", "donald-trump");
  assert_actor ("vi", "Tổng thống Donald Trump và ông Biden.", "Biden", "joe-biden");
  assert_actor ("en", "The strike that killed Qasem Soleimani in 2020.", "Soleimani",
                "qasem-soleimani");
  assert_actor ("en", "Qassem Soleimani was killed in 2020.", "Soleimani", "qasem-soleimani");
}

static void
test_surname (void)
{
  const char *text = "Bà Sabrina Singh cho biết như vậy. Sau đó Singh nói thêm.";
  g_autoptr(GPtrArray) mentions = tag (gazetteer, text, "vi");
  TriMention *m = NULL;

  for (guint i = 0; i < mentions->len; i++)
    {
      TriMention *candidate = g_ptr_array_index (mentions, i);

      if (candidate->kind == TRI_MENTION_ACTOR &&
          candidate->start == (guint) (strstr (text, "Singh nói") - text))
        m = candidate;
    }
  g_assert_nonnull (m);
  g_assert_cmpstr (m->entity, ==, "sabrina-singh");
}

static void
test_person_or_place (void)
{
  const char *text;
  g_autoptr(GPtrArray) mentions = NULL;

  /* "al-Assad" is a base with a cue, a president with a title. */
  assert_actor ("vi", "Tổng thống Assad đã rời Damascus.", "Assad", "bashar-al-assad");
  assert_actor ("vi", "Tên lửa rơi xuống căn cứ al-Assad.", "al-Assad", NULL);

  /* "Obama" is also a town in Japan. */
  text = "Obama khi đó nói rằng chiến tranh đã kết thúc; cựu tổng thống Barack Obama rút quân.";
  mentions = tag (gazetteer, text, "vi");
  for (guint i = 0; i < mentions->len; i++)
    g_assert_cmpint (((TriMention *) g_ptr_array_index (mentions, i))->kind, !=, TRI_MENTION_PLACE);
  assert_actor ("vi", text, "Obama", "barack-obama");

  /* "Lloyd Austin" is no city in Texas. */
  text = "Defense Secretary Lloyd Austin visited Baghdad.";
  g_clear_pointer (&mentions, g_ptr_array_unref);
  mentions = tag (gazetteer, text, "en");
  assert_actor ("en", text, "Lloyd Austin", "lloyd-austin");
}

static void
test_candidates (void)
{
  static const struct {
    const char *language;
    const char *text;
    const char *name;
  } cases[] = {
    { "vi", "Thủ tướng Iraq Ahmed Karim al-Fulani cho biết sẽ xem xét.", "Ahmed Karim al-Fulani" },
    { "vi", "Ông Huỳnh Thuận Phong phát biểu tại hội nghị.", "Huỳnh Thuận Phong" },
    { "en", "Defence Minister John Q. Placeholder said talks would go on.", "John Q. Placeholder" },
    { "en", "The talks were led by Karim Abdel Wahid and others.", "Karim Abdel Wahid" },
    { "en", "That is unlikely, said Nour bin Tareq Halabi, an analyst.", "Nour bin Tareq Halabi" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) mentions = tag (gazetteer, cases[i].text, cases[i].language);
      TriMention *m = find_actor (mentions, cases[i].text, cases[i].name);

      if (m == NULL)
        g_error ("no candidate “%s” in “%s”", cases[i].name, cases[i].text);
      g_assert_true (m->candidate);
      g_assert_null (m->entity);
      g_assert_cmpstr (m->name, ==, cases[i].name);
    }

  /* Capitals at the start of sentences and in Vietnamese phrases are no
   * names. */
  {
    const char *text = "Binh sĩ Mỹ rút đi. Tuy nhiên Bộ Tư lệnh Tác chiến Liên hợp vẫn họp.";
    g_autoptr(GPtrArray) mentions = tag (gazetteer, text, "vi");

    for (guint i = 0; i < mentions->len; i++)
      g_assert_false (((TriMention *) g_ptr_array_index (mentions, i))->candidate);
  }

  /* Nor are the words that say what kind of place a name is. */
  {
    const char *text = "The advisers left Ain al-Asad Air Base in western Anbar Province on Saturday.";
    g_autoptr(GPtrArray) mentions = tag (gazetteer, text, "en");

    for (guint i = 0; i < mentions->len; i++)
      g_assert_false (((TriMention *) g_ptr_array_index (mentions, i))->candidate);
  }
}

static void
test_metonym_government (void)
{
  const char *text = "Washington và Baghdad đã ra tuyên bố chung.";

  assert_actor ("vi", text, "Washington", "united-states");
  assert_actor ("vi", text, "Baghdad", "iraq-government");
  assert_actor ("en", "Tehran warned of a response.", "Tehran", "iran-government");
  assert_actor ("vi", "Các quan chức Iraq khẳng định điều đó.", "Iraq", NULL);
  assert_actor ("en", "The base was handed over, Iraqi officials said.", "Iraqi officials",
                "iraq-government");
}

static void
test_capitals (void)
{
  /* Abbreviations match only in capitals. */
  assert_actor ("en", "Let us see what happens.", "us", NULL);
  assert_actor ("en", "It is not clear.", "is", NULL);
  assert_actor ("en", "The Nato summit opened.", "Nato", "nato");
}

static void
test_user_file (void)
{
  g_autoptr(TriGazetteer) gz = load_data_gazetteer ();
  g_autofree char *dir = g_dir_make_tmp ("tri-actors-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "actors.tsv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) mentions = NULL;
  const char *text = "Trung đoàn Sông Hồng và Bộ Tư lệnh Khu vực Trung tâm phối hợp.";
  TriActor *actor;

  g_assert_true (g_file_set_contents (path,
    "song-hong-regiment\tmilitary\tSong Hong Regiment\tTrung đoàn Sông Hồng\tVN\n"
    "centcom\t\t\t\t\tBộ Tư lệnh Khu vực Trung tâm\n", -1, &error));
  g_assert_true (tri_gazetteer_load_user_files (gz, dir, &error));
  g_assert_no_error (error);

  actor = tri_gazetteer_lookup_actor (gz, "song-hong-regiment");
  g_assert_nonnull (actor);
  g_assert_cmpint (tri_actor_get_kind (actor), ==, TRI_ACTOR_KIND_MILITARY);
  g_assert_cmpstr (tri_actor_get_name (tri_gazetteer_lookup_actor (gz, "centcom")), ==,
                   "US Central Command");

  mentions = tag (gz, text, "vi");
  g_assert_cmpstr (find_actor (mentions, text, "Trung đoàn Sông Hồng")->entity, ==,
                   "song-hong-regiment");
  g_assert_cmpstr (find_actor (mentions, text, "Bộ Tư lệnh Khu vực Trung tâm")->entity, ==,
                   "centcom");

  g_unlink (path);
  g_rmdir (dir);
}

/* data/actors/terms.tsv: rows well formed, actors known, dates in order. */
static void
test_terms (void)
{
  g_autofree char *path = tri_data_find ("actors/terms.tsv");
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GRegex) date = g_regex_new ("^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$", 0, 0, NULL);
  g_autoptr(GError) error = NULL;
  guint n_rows = 0;

  g_assert_nonnull (path);
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      fields = g_strsplit (lines[i], "\t", -1);
      g_assert_cmpuint (g_strv_length (fields), ==, 5);
      if (tri_gazetteer_lookup_actor (gazetteer, fields[0]) == NULL)
        g_error ("terms.tsv: unknown actor %s", fields[0]);
      g_assert_nonnull (strchr (fields[1], '|'));
      g_assert_cmpuint (strlen (fields[2]), ==, 2);
      g_assert_true (g_regex_match (date, fields[3], 0, NULL));
      g_assert_true (fields[4][0] == '\0' || g_regex_match (date, fields[4], 0, NULL));
      g_assert_true (fields[4][0] == '\0' || strcmp (fields[3], fields[4]) <= 0);
      n_rows++;
    }
  g_assert_cmpuint (n_rows, >, 50);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  gazetteer = load_data_gazetteer ();

  g_test_add_func ("/tri/actors/known", test_known);
  g_test_add_func ("/tri/actors/people", test_people);
  g_test_add_func ("/tri/actors/surname", test_surname);
  g_test_add_func ("/tri/actors/person-or-place", test_person_or_place);
  g_test_add_func ("/tri/actors/candidates", test_candidates);
  g_test_add_func ("/tri/actors/metonym-government", test_metonym_government);
  g_test_add_func ("/tri/actors/capitals", test_capitals);
  g_test_add_func ("/tri/actors/user-file", test_user_file);
  g_test_add_func ("/tri/actors/terms", test_terms);

  status = g_test_run ();
  g_assert_finalize_object (gazetteer);
  return status;
}
