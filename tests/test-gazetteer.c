/* test-gazetteer.c
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "tri-article-private.h"
#include "tri-time-private.h"
#include "gazetteer-test-util.h"

/* The gazetteer of the data folder, loaded once for all tests. */
static TriGazetteer *gazetteer;

/* The place mention whose text is @span (the first one at or after the
 * byte offset of @span's first occurrence in @text), or NULL. */
static TriMention *
find_place (GPtrArray  *mentions,
            const char *text,
            const char *span)
{
  return find_mention (mentions, TRI_MENTION_PLACE, text, span);
}

static void
assert_place (const char *language,
              const char *text,
              const char *span,
              const char *expected)
{
  g_autoptr(GPtrArray) mentions = tag (gazetteer, text, language);
  TriMention *m = find_place (mentions, text, span);

  if (expected == NULL)
    {
      if (m != NULL)
        g_error ("“%s” in “%s”: expected no place, got %s", span, text, m->entity);
      return;
    }
  if (m == NULL)
    g_error ("“%s” in “%s”: no place, expected %s", span, text, expected);
  if (g_strcmp0 (m->entity, expected) != 0)
    g_error ("“%s” in “%s”: got %s, expected %s", span, text, m->entity, expected);
}

static void
test_fold (void)
{
  static const struct {
    const char *name;
    const char *folded;
  } cases[] = {
    { "Ain al-Assad", "ain asad" },
    { "Ain al-Asad", "ain asad" },
    { "Al-Asad", "asad" },
    { "Al Asad", "asad" },
    { "Li Băng", "li bang" },
    { "Li-băng", "li bang" },
    { "Đà Nẵng", "da nang" },
    { "ĐẶNG", "dang" },
    { "Mohammed Shia' Al-Sudani", "mohamed shia sudani" },
    { "Deir ez-Zor", "deir zor" },
    { "U.S.", "u s" },
    { "Iraq's", "iraq" },
    { "Marjayoûn", "marjayoun" },
    { "أربيل", "اربيل" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = _tri_fold_name (cases[i].name, -1, NULL);

      g_assert_cmpstr (folded, ==, cases[i].folded);
    }
}

static void
test_tokens (void)
{
  const char *text = "Tại Mosul, Mỹ - Iraq. Gen. Dan Caine nói";
  TriFoldedText folded;
  const TriToken *t;

  _tri_folded_text_init (&folded, text, strlen (text));
  g_assert_cmpuint (folded.tokens->len, ==, 8);
  t = &g_array_index (folded.tokens, TriToken, 0);
  g_assert_true (t->flags & TRI_TOKEN_SENTENCE_START);
  g_assert_true (t->flags & TRI_TOKEN_CAPITALIZED);
  t = &g_array_index (folded.tokens, TriToken, 3);          /* Iraq, after " - " */
  g_assert_false (t->flags & TRI_TOKEN_JOINED);
  t = &g_array_index (folded.tokens, TriToken, 5);          /* Dan, after "Gen. " */
  g_assert_false (t->flags & TRI_TOKEN_SENTENCE_START);
  g_assert_cmpuint (t->start, ==, strstr (text, "Dan") - text);
  _tri_folded_text_clear (&folded);
}

static void
assert_lookup (const char *name,
               const char *expected)
{
  g_autoptr(GPtrArray) places = tri_gazetteer_lookup_name (gazetteer, name);
  gboolean found = FALSE;

  for (guint i = 0; i < places->len && !found; i++)
    found = g_strcmp0 (tri_place_get_id (g_ptr_array_index (places, i)), expected) == 0;
  if (!found)
    g_error ("“%s” does not name %s", name, expected);
}

static void
test_lookup_aliases (void)
{
  static const char * const al_asad[] = {
    "Al-Asad", "Al Asad", "al-Asad", "Ain al-Asad", "Ain al-Assad", "Ayn al-Asad",
    "AL ASAD", "Căn cứ không quân Al-Asad",
  };
  static const struct {
    const char *name;
    const char *id;
  } cases[] = {
    { "Li Băng", "lebanon" }, { "Li-băng", "lebanon" }, { "Lebanon", "lebanon" },
    { "Mỹ", "united-states" }, { "Hoa Kỳ", "united-states" }, { "US", "united-states" },
    { "United States", "united-states" }, { "Trung Đông", "middle-east" },
    { "Vùng Vịnh", "persian-gulf" }, { "Khu vực Kurdistan", "kurdistan-region" },
    { "Kurdistan Region", "kurdistan-region" }, { "Dải Gaza", "gaza-strip" },
    { "Bờ Tây", "west-bank" }, { "Anh", "united-kingdom" }, { "Pháp", "france" },
    { "Nga", "russia" }, { "Đức", "germany" }, { "Trung Quốc", "china" },
    { "Thổ Nhĩ Kỳ", "turkey" }, { "Ả Rập Xê Út", "saudi-arabia" }, { "I-ran", "iran" },
    { "I-rắc", "iraq" }, { "Harir", "harir-air-base" }, { "Erbil Air Base", "erbil-air-base" },
    { "Erbil International Airport", "erbil-international-airport" },
    { "Baghdad International Airport", "baghdad-international-airport" },
    { "Victory Base Complex", "victory-base-complex" }, { "Camp Taji", "camp-taji" },
    { "K-1", "k1-air-base" }, { "Union III", "union-iii" }, { "al-Tanf", "al-tanf-garrison" },
    { "Rumeilan", "rmelan-landing-zone" }, { "Rmelan", "rmelan-landing-zone" },
    { "Conoco", "conoco-gas-field" }, { "Green Village", "green-village" },
    { "Qayyarah Airfield West", "qayyarah-airfield-west" }, { "Mosul", "mosul" },
    { "Gaza", "gaza" }, { "Marjayoun", "marjayoun" }, { "Anbar", "anbar" },
    { "Erbil", "erbil-governorate" }, { "Erbil", "erbil" }, { "Tehran", "tehran" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (al_asad); i++)
    assert_lookup (al_asad[i], "al-asad-air-base");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_lookup (cases[i].name, cases[i].id);
}

static void
test_tag_aliases (void)
{
  assert_place ("vi", "Lính Mỹ đã rời căn cứ Ain al-Assad ở tỉnh Anbar hôm thứ Bảy.",
                "Ain al-Assad", "al-asad-air-base");
  assert_place ("vi", "Lính Mỹ đã rời căn cứ Ain al-Assad ở tỉnh Anbar hôm thứ Bảy.",
                "Anbar", "anbar");
  assert_place ("vi", "Một máy bay không người lái nhắm vào căn cứ không quân Al-Asad.",
                "Al-Asad", "al-asad-air-base");
  assert_place ("vi", "Các cố vấn cuối cùng vẫn ở lại Al Asad thêm một tuần.",
                "Al Asad", "al-asad-air-base");
  assert_place ("en", "Rockets landed near Ayn al-Asad late on Tuesday.",
                "Ayn al-Asad", "al-asad-air-base");
  assert_place ("vi", "Israel tiếp tục không kích miền nam Li Băng.", "Li Băng", "lebanon");
  assert_place ("vi", "Israel tiếp tục không kích miền nam Li-băng.", "Li-băng", "lebanon");
  assert_place ("vi", "Quan hệ giữa Hoa Kỳ và Việt Nam được nâng cấp.", "Hoa Kỳ", "united-states");
  assert_place ("vi", "Đoàn đại biểu sẽ sang Mỹ vào tháng tới.", "Mỹ", "united-states");
  assert_place ("vi", "Căng thẳng tiếp tục leo thang ở Trung Đông.", "Trung Đông", "middle-east");
  assert_place ("vi", "Tàu chở dầu đi qua Vùng Vịnh an toàn.", "Vùng Vịnh", "persian-gulf");
  assert_place ("vi", "Cư dân ở Dải Gaza thiếu nước sạch.", "Dải Gaza", "gaza-strip");
  assert_place ("vi", "Đụng độ xảy ra ở Bờ Tây đêm qua.", "Bờ Tây", "west-bank");
  assert_place ("vi", "Lực lượng của Anh và Pháp vẫn ở lại.", "Anh", "united-kingdom");
  assert_place ("vi", "Lực lượng của Anh và Pháp vẫn ở lại.", "Pháp", "france");
  assert_place ("vi", "Nga và Đức không bình luận.", "Đức", "germany");
  assert_place ("vi", "Thổ Nhĩ Kỳ và Ả Rập Xê Út đã tham dự.", "Ả Rập Xê Út", "saudi-arabia");
  assert_place ("vi", "Phái đoàn đến I-rắc và I-ran trong tuần.", "I-rắc", "iraq");
  assert_place ("vi", "Binh sĩ tuần tra ở Mosul và khu vực biên giới Marjayoun, Li Băng.",
                "Marjayoun", "marjayoun");
  assert_place ("vi", "Quân đội Mỹ vẫn hiện diện tại Khu vực Kurdistan.",
                "Khu vực Kurdistan", "kurdistan-region");
  assert_place ("en", "A drone struck the al-Tanf garrison near the Jordanian border.",
                "al-Tanf", "al-tanf-garrison");
  assert_place ("en", "Troops moved from Rumeilan to the Conoco field.", "Rumeilan",
                "rmelan-landing-zone");
}

static void
test_tag_context (void)
{
  assert_place ("vi", "Quân đội đã tuần tra ở tỉnh Erbil trong nhiều năm.", "Erbil",
                "erbil-governorate");
  assert_place ("vi", "Quân đội đã đến thành phố Erbil vào buổi sáng.", "Erbil", "erbil");
  assert_place ("vi", "Chuyến bay hạ cánh xuống sân bay Erbil lúc nửa đêm.", "Erbil",
                "erbil-international-airport");
  assert_place ("vi", "Tên lửa rơi gần căn cứ không quân Erbil tối qua.", "Erbil",
                "erbil-air-base");
  assert_place ("vi", "Họ đã dừng chân ở Erbil trước khi lên đường.", "Erbil", "erbil");
  assert_place ("vi", "Vụ tấn công nhắm vào sân bay Baghdad khiến hai người bị thương.",
                "Baghdad", "baghdad-international-airport");
  assert_place ("en", "Security was tightened across Erbil province overnight.", "Erbil",
                "erbil-governorate");
  assert_place ("en", "They drove into the city of Erbil before dawn.", "Erbil", "erbil");
}

static TriGazetteer *
small_gazetteer (const char *places)
{
  g_autofree char *dir = g_dir_make_tmp ("tri-gazetteer-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "places.tsv", NULL);
  g_autofree char *cues = tri_data_find ("gazetteer/cues.tsv");
  g_autoptr(GError) error = NULL;
  TriGazetteer *gz;

  g_assert_true (g_file_set_contents (path, places, -1, &error));
  gz = tri_gazetteer_new_from_files (path, NULL, cues, &error);
  g_assert_no_error (error);
  g_unlink (path);
  g_rmdir (dir);
  return gz;
}

static const char *
place_of (TriGazetteer *gz,
          const char   *text,
          const char   *span)
{
  g_autoptr(GPtrArray) mentions = tag (gz, text, "vi");
  TriMention *m = find_place (mentions, text, span);

  return m != NULL ? m->entity : NULL;
}

static void
test_tag_disambiguation (void)
{
  /* Two places called Harir; the article's other places choose. */
  g_autoptr(TriGazetteer) gz = small_gazetteer (
    "iraq\tcountry\tIraq\tIraq\t33.0\t43.7\tIQ\n"
    "lebanon\tcountry\tLebanon\tLi Băng\t33.9\t35.9\tLB\n"
    "erbil-governorate\tadmin1\tErbil Governorate\t\t36.3\t44.2\tIQ\tiraq\t\tErbil\n"
    "erbil\tcity\tErbil\t\t36.19\t44.01\tIQ\terbil-governorate\t1600000\n"
    "harir-air-base\tair_base\tHarir Air Base\t\t36.5369\t44.3513\tIQ\terbil-governorate\t\tHarir\n"
    "beirut\tcity\tBeirut\t\t33.89\t35.50\tLB\tlebanon\t1900000\n"
    "harir-lb\tcity\tHarir\t\t33.75\t35.60\tLB\tlebanon\t20000\n");

  g_assert_cmpstr (place_of (gz, "Binh sĩ Mỹ vẫn đóng quân ở Harir, cách Erbil không xa.", "Harir"),
                   ==, "harir-air-base");
  g_assert_cmpstr (place_of (gz, "Người dân Harir sơ tán về Beirut sau trận pháo kích.", "Harir"),
                   ==, "harir-lb");
  g_assert_cmpstr (place_of (gz, "Máy bay cất cánh từ căn cứ Harir ở Li Băng.", "Harir"),
                   ==, "harir-air-base");

  /* With the real data. */
  assert_place ("vi", "Lực lượng Mỹ vẫn còn ở căn cứ không quân Harir, tỉnh Erbil.", "Harir",
                "harir-air-base");
}

static void
test_tag_metonym (void)
{
  const char *text = "Washington và Baghdad đã ra tuyên bố chung về lộ trình rút quân.";
  g_autoptr(GPtrArray) mentions = tag (gazetteer, text, "vi");
  TriMention *m;

  m = find_place (mentions, text, "Washington");
  g_assert_nonnull (m);
  g_assert_cmpstr (m->entity, ==, "washington");
  g_assert_true (m->metonym);
  m = find_place (mentions, text, "Baghdad");
  g_assert_nonnull (m);
  g_assert_cmpstr (m->entity, ==, "baghdad");
  g_assert_true (m->metonym);
  g_clear_pointer (&mentions, g_ptr_array_unref);

  text = "Tehran said on Monday that it would answer any strike.";
  mentions = tag (gazetteer, text, "en");
  m = find_place (mentions, text, "Tehran");
  g_assert_nonnull (m);
  g_assert_true (m->metonym);
  g_clear_pointer (&mentions, g_ptr_array_unref);

  /* Acting for the state. */
  text = "Washington has kept about 2,000 troops in Iraq since 2021.";
  mentions = tag (gazetteer, text, "en");
  m = find_place (mentions, text, "Washington");
  g_assert_nonnull (m);
  g_assert_true (m->metonym);
  g_clear_pointer (&mentions, g_ptr_array_unref);

  /* "More" at the start of a sentence is no Moore, Oklahoma. */
  text = "More than 100 US service members suffered brain injuries.";
  mentions = tag (gazetteer, text, "en");
  for (guint i = 0; i < mentions->len; i++)
    g_assert_cmpstr (((TriMention *) g_ptr_array_index (mentions, i))->entity, !=, "moore");
  g_clear_pointer (&mentions, g_ptr_array_unref);

  /* Places, not speakers. */
  text = "Binh sĩ Mỹ tới Baghdad hôm qua và các quan chức Iraq khẳng định điều đó.";
  mentions = tag (gazetteer, text, "vi");
  m = find_place (mentions, text, "Baghdad");
  g_assert_nonnull (m);
  g_assert_false (m->metonym);
  m = find_place (mentions, text, "Iraq");
  g_assert_nonnull (m);
  g_assert_false (m->metonym);
}

static void
test_tag_unknown (void)
{
  static const char * const texts[] = {
    "",
    "   \n\n  ",
    "Thị trấn Qwxzabad nằm ven sông, cách Zzyxberg khoảng 40 km.",
    "Ông Huỳnh Thuận Phong dẫn đầu đoàn công tác tới làng Kraxtyn.",
    "\xff\xfe Iraq \xe1\xbb",
    "al- al al-",
    "- - . ' ’ ʿ",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GPtrArray) mentions = tag (gazetteer, texts[i], "vi");

      for (guint k = 0; k < mentions->len; k++)
        {
          TriMention *m = g_ptr_array_index (mentions, k);

          g_assert_cmpuint (m->end, <=, strlen (texts[i]));
          if (m->kind == TRI_MENTION_PLACE)
            g_assert_nonnull (m->entity);
        }
    }

  assert_place ("vi", "Thị trấn Qwxzabad nằm ven sông.", "Qwxzabad", NULL);
}

static void
test_tag_false_friends (void)
{
  /* Common words and names that are towns somewhere. */
  assert_place ("vi", "Binh sĩ Mỹ tại căn cứ quân sự (Ảnh: Reuters).", "Ảnh", NULL);
  assert_place ("vi", "Anh cho biết sẽ về nước vào tuần sau.", "Anh", NULL);
  assert_place ("vi", "Hai binh sĩ bị thương trong vụ việc.", "Hai", NULL);
  assert_place ("vi", "Bộ Tư lệnh Tác chiến Liên hợp đã họp.", "Bộ", NULL);
  assert_place ("vi", "Ông Trần Văn Vinh là người phát ngôn.", "Vinh", NULL);
  assert_place ("vi", "Cô Thu Nga và anh Minh Đức đã có mặt.", "Nga", NULL);
  assert_place ("vi", "Cô Thu Nga và anh Minh Đức đã có mặt.", "Đức", NULL);
  assert_place ("en", "Of the 2,500 troops, most will stay.", "Of", NULL);
  assert_place ("en", "The drone was launched at dawn, a UAV expert said.", "UAV", NULL);
  assert_place ("en", "Hamas rejected the proposal.", "Hamas", NULL);
  /* …and real places in the same positions. */
  assert_place ("vi", "Mosul đã được giải phóng từ lâu.", "Mosul", "mosul");
  assert_place ("vi", "Tại Mosul, binh sĩ tuần tra ban đêm.", "Mosul", "mosul");
  assert_place ("vi", "Sự việc xảy ra ở Huế vào sáng nay.", "Huế", "hue");
}

static void
test_tag_boilerplate (void)
{
  const char *text = "Lính Mỹ ở Erbil.\nTin liên quan: Mỹ rút khỏi Mosul";
  TriSpan excluded = { strstr (text, "Tin") - text, strlen (text) };
  g_autoptr(GPtrArray) mentions = _tri_entities_tag_text (gazetteer, text, strlen (text), "vi",
                                                          &excluded, 1, TRI_ENTITIES_PLACES);

  g_assert_nonnull (find_place (mentions, text, "Erbil"));
  for (guint i = 0; i < mentions->len; i++)
    g_assert_cmpuint (((TriMention *) g_ptr_array_index (mentions, i))->end, <=, excluded.start);
}

static void
test_nesting (void)
{
  g_assert_true (tri_gazetteer_is_within (gazetteer, "al-asad-air-base", "anbar"));
  g_assert_true (tri_gazetteer_is_within (gazetteer, "anbar", "iraq"));
  g_assert_true (tri_gazetteer_is_within (gazetteer, "al-asad-air-base", "iraq"));
  g_assert_true (tri_gazetteer_is_within (gazetteer, "al-asad-air-base", "middle-east"));
  g_assert_true (tri_gazetteer_is_within (gazetteer, "harir-air-base", "erbil-governorate"));
  g_assert_true (tri_gazetteer_is_within (gazetteer, "harir-air-base", "kurdistan-region"));
  g_assert_true (tri_gazetteer_is_within (gazetteer, "harir-air-base", "iraq"));
  g_assert_true (tri_gazetteer_is_within (gazetteer, "mosul", "iraq"));
  g_assert_true (tri_gazetteer_is_within (gazetteer, "iraq", "iraq"));
  g_assert_false (tri_gazetteer_is_within (gazetteer, "iraq", "anbar"));
  g_assert_false (tri_gazetteer_is_within (gazetteer, "al-asad-air-base", "syria"));
  g_assert_false (tri_gazetteer_is_within (gazetteer, "no-such-place", "iraq"));
}

static void
test_user_file (void)
{
  g_autoptr(TriGazetteer) gz = load_data_gazetteer ();
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "triangulate", NULL);
  g_autofree char *places = g_build_filename (dir, "places.tsv", NULL);
  g_autofree char *actors = g_build_filename (dir, "actors.tsv", NULL);
  g_autoptr(GError) error = NULL;
  TriPlace *place;
  const char *text;
  g_autoptr(GPtrArray) mentions = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (places,
    "# a researcher's own places\n"
    "camp-example\tmilitary_base\tCamp Example\tCăn cứ Thí Dụ\t34.1\t43.2\tIQ\tanbar\t\tThí Dụ|Camp Ex\n"
    "al-asad-air-base\t\t\t\t\t\t\t\t\tCăn cứ Đại Bàng\n"
    "a row with too few fields\n", -1, &error));
  g_assert_true (g_file_set_contents (actors,
    "centcom\t\t\t\t\tBộ Chỉ huy Miền Trung\n", -1, &error));

  g_test_expect_message ("tri-gazetteer", G_LOG_LEVEL_MESSAGE, "*skipped 1 malformed row*");
  g_assert_true (tri_gazetteer_load_user_files (gz, NULL, &error));
  g_assert_no_error (error);
  g_test_assert_expected_messages ();

  place = tri_gazetteer_lookup_id (gz, "camp-example");
  g_assert_nonnull (place);
  g_assert_cmpint (tri_place_get_kind (place), ==, TRI_PLACE_KIND_MILITARY_BASE);
  g_assert_cmpfloat_with_epsilon (tri_place_get_latitude (place), 34.1, 1e-9);
  g_assert_true (tri_gazetteer_is_within (gz, "camp-example", "iraq"));

  /* Amended, not replaced: the old names and position stay. */
  place = tri_gazetteer_lookup_id (gz, "al-asad-air-base");
  g_assert_cmpfloat_with_epsilon (tri_place_get_latitude (place), 33.7856, 1e-9);

  text = "Đoàn xe rời Căn cứ Đại Bàng, rồi tới Thí Dụ, theo Bộ Chỉ huy Miền Trung.";
  mentions = tag (gz, text, "vi");
  g_assert_cmpstr (find_place (mentions, text, "Đại Bàng")->entity, ==, "al-asad-air-base");
  g_assert_cmpstr (find_place (mentions, text, "Thí Dụ")->entity, ==, "camp-example");
  for (guint i = 0; i < mentions->len; i++)
    {
      TriMention *m = g_ptr_array_index (mentions, i);

      if (m->kind == TRI_MENTION_ACTOR)
        {
          g_assert_cmpstr (m->entity, ==, "centcom");
          g_assert_cmpuint (m->start, ==, strstr (text, "Bộ Chỉ huy") - text);
        }
    }

  g_unlink (places);
  g_unlink (actors);
}

static void
test_add_entry (void)
{
  g_autoptr(TriGazetteer) gz = small_gazetteer ("iraq\tcountry\tIraq\tIraq\t33.0\t43.7\tIQ\n");
  g_autoptr(TriPlace) place = tri_place_new ("outpost-7", TRI_PLACE_KIND_MILITARY_BASE,
                                             "Outpost Seven", "Tiền đồn số Bảy", 32.5, 44.1,
                                             "IQ", "iraq");
  const char * const aliases[] = { "OP-7", NULL };
  const char *text = "Tiền đồn số Bảy và OP-7 là một.";
  g_autoptr(GPtrArray) mentions = NULL;

  g_assert_true (tri_gazetteer_add_place (gz, place, aliases));
  g_assert_true (tri_gazetteer_add_alias (gz, "outpost-7", "Đồn Bảy"));
  g_assert_false (tri_gazetteer_add_alias (gz, "no-such-id", "Đồn Tám"));
  g_assert_true (tri_gazetteer_lookup_id (gz, "outpost-7") == place);

  mentions = tag (gz, text, "vi");
  g_assert_cmpstr (find_place (mentions, text, "Tiền đồn số Bảy")->entity, ==, "outpost-7");
  g_assert_cmpstr (find_place (mentions, text, "OP-7")->entity, ==, "outpost-7");
  g_clear_pointer (&mentions, g_ptr_array_unref);

  mentions = tri_gazetteer_lookup_name (gz, "đồn bảy");
  g_assert_cmpuint (mentions->len, ==, 1);
  g_assert_true (g_ptr_array_index (mentions, 0) == place);
}

static void
test_data_coverage (void)
{
  static const struct {
    const char *id;
    TriPlaceKind kind;
    double lat, lon;
  } facilities[] = {
    { "al-asad-air-base", TRI_PLACE_KIND_AIR_BASE, 33.7856, 42.4412 },
    { "harir-air-base", TRI_PLACE_KIND_AIR_BASE, 36.5369, 44.3513 },
    { "erbil-air-base", TRI_PLACE_KIND_AIR_BASE, 36.2376, 43.9632 },
    { "baghdad-international-airport", TRI_PLACE_KIND_AIRPORT, 33.2625, 44.2346 },
    { "camp-taji", TRI_PLACE_KIND_MILITARY_BASE, 33.52, 44.26 },
    { "al-tanf-garrison", TRI_PLACE_KIND_MILITARY_BASE, 33.49, 38.62 },
    { "qayyarah-airfield-west", TRI_PLACE_KIND_AIR_BASE, 35.77, 43.12 },
    { "mosul", TRI_PLACE_KIND_CITY, 36.34, 43.13 },
    { "gaza", TRI_PLACE_KIND_CITY, 31.50, 34.47 },
    { "marjayoun", TRI_PLACE_KIND_CITY, 33.36, 35.59 },
    { "baghdad", TRI_PLACE_KIND_CITY, 33.34, 44.40 },
    { "anbar", TRI_PLACE_KIND_ADMIN1, 33.9, 42.2 },
    { "iraq", TRI_PLACE_KIND_COUNTRY, 33.0, 43.7 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (facilities); i++)
    {
      TriPlace *place = tri_gazetteer_lookup_id (gazetteer, facilities[i].id);

      g_assert_nonnull (place);
      g_assert_cmpint (tri_place_get_kind (place), ==, facilities[i].kind);
      g_assert_cmpfloat_with_epsilon (tri_place_get_latitude (place), facilities[i].lat, 0.2);
      g_assert_cmpfloat_with_epsilon (tri_place_get_longitude (place), facilities[i].lon, 0.2);
    }

  g_assert_true (tri_place_is_capital (tri_gazetteer_lookup_id (gazetteer, "baghdad")));
  g_assert_cmpstr (tri_place_get_name_vi (tri_gazetteer_lookup_country (gazetteer, "LB")), ==,
                   "Li Băng");
  g_assert_cmpuint (tri_gazetteer_get_n_places (gazetteer), >, 20000);

  /* Every parent exists. */
  for (guint i = 0; i < tri_gazetteer_get_n_places (gazetteer); i++)
    {
      TriPlace *place = _tri_gazetteer_get_place (gazetteer, i);
      const char *parent = tri_place_get_parent (place);

      if (parent != NULL && tri_gazetteer_lookup_id (gazetteer, parent) == NULL)
        g_error ("%s: no parent %s", tri_place_get_id (place), parent);
    }
}

static void
test_article (void)
{
  const char *text = "Lính Mỹ rời căn cứ Al-Asad ở tỉnh Anbar.\nXem thêm: Gaza";
  g_autoptr(TriArticle) article = _tri_article_new ("a", NULL, NULL, TRI_INPUT_FORMAT_TEXT);
  GPtrArray *mentions;
  guint n_places = 0;

  _tri_article_set_text (article, g_strdup (text), strlen (text), NULL);
  _tri_article_set_language (article, "vi");
  _tri_article_add_boilerplate (article, strstr (text, "Xem") - text, strlen (text), "test");

  _tri_places_tag_article (gazetteer, article);
  mentions = tri_article_get_mentions (article);
  for (guint i = 0; i < mentions->len; i++)
    {
      TriMention *m = g_ptr_array_index (mentions, i);

      g_assert_cmpint (m->kind, ==, TRI_MENTION_PLACE);
      g_assert_cmpstr (m->entity, !=, "gaza");
      n_places++;
    }
  g_assert_cmpuint (n_places, ==, 3);    /* Mỹ, Al-Asad, Anbar */

  _tri_actors_tag_article (gazetteer, article);
  g_assert_cmpuint (tri_article_get_mentions (article)->len, ==, 3);
}

/* A month is no town: "In March last year" names no place called March;
 * the other names of the sentence are still found. */
static void
test_article_dates (void)
{
  const char *text = "date 2026-01-20\ntitle Rockets\n\nIn March last year, rockets struck Harir air base near Erbil.\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(TriArticle) article = tri_article_new_from_text ("a", text, -1, &error);
  const char *body;
  GPtrArray *mentions;
  gboolean harir = FALSE, erbil = FALSE, month = FALSE;

  g_assert_no_error (error);
  _tri_time_infer_references (article);
  _tri_time_tag_article (article);
  _tri_places_tag_article (gazetteer, article);
  body = strstr (tri_article_get_text (article, NULL), "In March");
  g_assert_nonnull (body);
  mentions = tri_article_get_mentions (article);
  for (guint i = 0; i < mentions->len; i++)
    {
      TriMention *m = g_ptr_array_index (mentions, i);
      const char *at = tri_article_get_text (article, NULL) + m->start;

      if (m->kind == TRI_MENTION_TIME)
        month |= at >= body && at < body + strlen ("In March last year");
      if (m->kind != TRI_MENTION_PLACE)
        continue;
      g_assert_false (at >= body && at < body + strlen ("In March last year"));
      harir |= g_strcmp0 (m->entity, "harir-air-base") == 0;
      erbil |= g_strcmp0 (m->entity, "erbil") == 0;
    }
  g_assert_true (month);
  g_assert_true (harir);
  g_assert_true (erbil);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  gazetteer = load_data_gazetteer ();

  g_test_add_func ("/tri/gazetteer/fold", test_fold);
  g_test_add_func ("/tri/gazetteer/article-dates", test_article_dates);
  g_test_add_func ("/tri/gazetteer/tokens", test_tokens);
  g_test_add_func ("/tri/gazetteer/lookup/aliases", test_lookup_aliases);
  g_test_add_func ("/tri/gazetteer/tag/aliases", test_tag_aliases);
  g_test_add_func ("/tri/gazetteer/tag/context", test_tag_context);
  g_test_add_func ("/tri/gazetteer/tag/disambiguation", test_tag_disambiguation);
  g_test_add_func ("/tri/gazetteer/tag/metonym", test_tag_metonym);
  g_test_add_func ("/tri/gazetteer/tag/unknown", test_tag_unknown);
  g_test_add_func ("/tri/gazetteer/tag/false-friends", test_tag_false_friends);
  g_test_add_func ("/tri/gazetteer/tag/boilerplate", test_tag_boilerplate);
  g_test_add_func ("/tri/gazetteer/nesting", test_nesting);
  g_test_add_func ("/tri/gazetteer/user-file", test_user_file);
  g_test_add_func ("/tri/gazetteer/add-entry", test_add_entry);
  g_test_add_func ("/tri/gazetteer/data/coverage", test_data_coverage);
  g_test_add_func ("/tri/gazetteer/article", test_article);

  status = g_test_run ();
  g_assert_finalize_object (gazetteer);
  return status;
}
