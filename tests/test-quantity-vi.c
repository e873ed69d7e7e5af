/* test-quantity-vi.c: quantities in Vietnamese
 *
 * Copyright 2026 The Triangulate authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define LANG "vi"

#include "quantity-test-util.h"

static const Case cases[] = {
  /* Digits read by the Vietnamese locale */
  { "Mỹ hiện giữ khoảng 2.500 binh sĩ ở Iraq.",
    "khoảng 2.500 binh sĩ", 2500, 0, APPROX, "troops", NULL, FALSE },
  { "Năm 2007 có tới 170.000 binh sĩ tham chiến.",
    "170.000 binh sĩ", 170000, 0, EXACT, "troops", NULL, FALSE },
  { "Họ điều động thêm 1.500 quân nhân.",
    "1.500 quân nhân", 1500, 0, EXACT, "troops", NULL, FALSE },
  { "Dân số vùng này là 1.234.567 người.",
    "1.234.567 người", 1234567, 0, EXACT, "people", NULL, FALSE },
  { "Khoảng 2.500.000 người phải sơ tán.",
    "Khoảng 2.500.000 người", 2500000, 0, APPROX, "people", NULL, FALSE },
  { "Gói viện trợ trị giá 1,8 tỷ đồng.", "1,8 tỷ đồng", 1.8e9, 0, EXACT, "vnd", NULL, FALSE },
  { "Chi phí lên đến 2,5 triệu người dân.",
    "lên đến 2,5 triệu người dân", 2.5e6, 0, AT_MOST, "people", NULL, FALSE },
  { "Họ nói có 2.5 binh sĩ.", NULL, 0, 0, EXACT, NULL, NULL, FALSE },
  { "Mỹ rút 300 binh sĩ.", "300 binh sĩ", 300, 0, EXACT, "troops", NULL, FALSE },
  { "KHOẢNG 2.500 BINH SĨ Ở LẠI.", "KHOẢNG 2.500 BINH SĨ", 2500, 0, APPROX, "troops", NULL, FALSE },
  /* Qualifiers */
  { "Chừng 900 lính Mỹ đóng tại Syria.",
    "Chừng 900 lính Mỹ", 900, 0, APPROX, "troops", "united-states", FALSE },
  { "Còn gần 2.500 lính ở lại.", "gần 2.500 lính", 2500, 0, APPROX, "troops", NULL, FALSE },
  { "Có hơn 170 cuộc tấn công vào căn cứ.",
    "hơn 170 cuộc tấn công", 170, 0, MORE, "attacks", NULL, FALSE },
  { "Trên 5.000 binh sĩ đã tham gia.", "Trên 5.000 binh sĩ", 5000, 0, MORE, "troops", NULL, FALSE },
  { "Ít nhất 20 người đã tới.", "Ít nhất 20 người", 20, 0, AT_LEAST, "people", NULL, FALSE },
  { "ít nhất là 40 cố vấn", "ít nhất là 40 cố vấn", 40, 0, AT_LEAST, "troops", NULL, FALSE },
  { "Tối đa 3.000 quân sẽ ở lại.", "Tối đa 3.000 quân", 3000, 0, AT_MOST, "troops", NULL, FALSE },
  { "Chưa đến 500 lính còn lại.", "Chưa đến 500 lính", 500, 0, LESS, "troops", NULL, FALSE },
  { "Dưới 200 binh sĩ ở căn cứ.", "Dưới 200 binh sĩ", 200, 0, LESS, "troops", NULL, FALSE },
  { "Không quá 4.000 binh sĩ được phép.",
    "Không quá 4.000 binh sĩ", 4000, 0, AT_MOST, "troops", NULL, FALSE },
  { "Quân số có thể lên tới 10.000 quân.",
    "có thể lên tới 10.000 quân", 10000, 0, AT_MOST, "troops", NULL, FALSE },
  { "Xấp xỉ 3.000 binh sĩ đã về nước.",
    "Xấp xỉ 3.000 binh sĩ", 3000, 0, APPROX, "troops", NULL, FALSE },
  { "Ước tính khoảng 600 người bỏ chạy.",
    "Ước tính khoảng 600 người", 600, 0, APPROX, "people", NULL, FALSE },
  { "Tổng cộng 45 cuộc tấn công đã xảy ra.",
    "Tổng cộng 45 cuộc tấn công", 45, 0, EXACT, "attacks", NULL, FALSE },
  { "Chưa tới 80 quân nhân ở đó.", "Chưa tới 80 quân nhân", 80, 0, LESS, "troops", NULL, FALSE },
  { "Tối thiểu 12 binh sĩ bị điều đi.",
    "Tối thiểu 12 binh sĩ", 12, 0, AT_LEAST, "troops", NULL, FALSE },
  { "Có 5.000 binh sĩ trở lên tham gia.",
    "5.000 binh sĩ trở lên", 5000, 0, AT_LEAST, "troops", NULL, FALSE },
  { "Khoảng chừng 70 người đã tới.",
    "Khoảng chừng 70 người", 70, 0, APPROX, "people", NULL, FALSE },
  /* Number words */
  { "Hai binh sĩ bị bắt.", "Hai binh sĩ", 2, 0, EXACT, "troops", NULL, FALSE },
  { "Có hai mươi lăm binh sĩ trong đoàn.",
    "hai mươi lăm binh sĩ", 25, 0, EXACT, "troops", NULL, FALSE },
  { "Mười lăm cố vấn đã rời đi.", "Mười lăm cố vấn", 15, 0, EXACT, "troops", NULL, FALSE },
  { "Có ba nghìn binh lính ở đó.", "ba nghìn binh lính", 3000, 0, EXACT, "troops", NULL, FALSE },
  { "Một trăm quân nhân được điều đến.",
    "Một trăm quân nhân", 100, 0, EXACT, "troops", NULL, FALSE },
  { "Năm binh sĩ được khen thưởng.", "Năm binh sĩ", 5, 0, EXACT, "troops", NULL, FALSE },
  { "Có hai mươi mốt binh sĩ.", "hai mươi mốt binh sĩ", 21, 0, EXACT, "troops", NULL, FALSE },
  { "Có hai mươi tư người.", "hai mươi tư người", 24, 0, EXACT, "people", NULL, FALSE },
  { "Có ba trăm linh năm binh sĩ.",
    "ba trăm linh năm binh sĩ", 305, 0, EXACT, "troops", NULL, FALSE },
  { "Có hai nghìn rưỡi quân.", "hai nghìn rưỡi quân", 2500, 0, EXACT, "troops", NULL, FALSE },
  { "Có hai trăm năm mươi lính.", "hai trăm năm mươi lính", 250, 0, EXACT, "troops", NULL, FALSE },
  { "Mười một binh sĩ bị thương.",
    "Mười một binh sĩ bị thương", 11, 0, EXACT, "injured", NULL, FALSE },
  { "Có chín mươi chín người.", "chín mươi chín người", 99, 0, EXACT, "people", NULL, FALSE },
  { "Có hai chục binh sĩ.", "hai chục binh sĩ", 20, 0, EXACT, "troops", NULL, FALSE },
  { "Có một trăm rưỡi người.", "một trăm rưỡi người", 150, 0, EXACT, "people", NULL, FALSE },
  { "Có hai triệu ba trăm nghìn người.",
    "hai triệu ba trăm nghìn người", 2300000, 0, EXACT, "people", NULL, FALSE },
  { "Có một nghìn không trăm binh sĩ.", NULL, 0, 0, EXACT, NULL, NULL, FALSE },
  /* "một" alone is the article "a" */
  { "Một cuộc tấn công bằng UAV đã xảy ra.", NULL, 0, 0, EXACT, NULL, NULL, FALSE },
  { "Một binh sĩ đứng gác.", NULL, 0, 0, EXACT, NULL, NULL, FALSE },
  { "Đã có 1 cuộc tấn công.", "1 cuộc tấn công", 1, 0, EXACT, "attacks", NULL, FALSE },
  /* Vague amounts */
  { "Hàng trăm tên lửa được phóng đi.",
    "Hàng trăm tên lửa", 100, 0, AT_LEAST, "missiles", NULL, TRUE },
  { "Có hàng chục máy bay không người lái.",
    "hàng chục máy bay không người lái", 10, 0, AT_LEAST, "drones", NULL, TRUE },
  { "Hàng nghìn người xuống đường.", "Hàng nghìn người", 1000, 0, AT_LEAST, "people", NULL, TRUE },
  { "Hàng chục nghìn người đã rời đi.",
    "Hàng chục nghìn người", 10000, 0, AT_LEAST, "people", NULL, TRUE },
  { "Vài trăm binh sĩ sẽ ở lại.", "Vài trăm binh sĩ", 300, 0, APPROX, "troops", NULL, TRUE },
  { "Mấy chục người đã tới.", "Mấy chục người", 30, 0, APPROX, "people", NULL, TRUE },
  { "Vài binh sĩ đứng gác.", NULL, 0, 0, EXACT, NULL, NULL, FALSE },
  { "Căn cứ hứng chịu hàng loạt cuộc tấn công.", NULL, 0, 0, EXACT, NULL, NULL, FALSE },
  { "Nhiều cuộc tấn công nhằm vào đoàn xe tiếp tế.", NULL, 0, 0, EXACT, NULL, NULL, FALSE },
  /* Ranges */
  { "Khoảng từ 250 đến 350 binh sĩ sẽ ở lại.",
    "Khoảng từ 250 đến 350 binh sĩ", 250, 350, APPROX, "troops", NULL, FALSE },
  { "Từ 250 đến 350 binh sĩ sẽ ở lại.",
    "Từ 250 đến 350 binh sĩ", 250, 350, EXACT, "troops", NULL, FALSE },
  { "Có 250 - 350 binh sĩ.", "250 - 350 binh sĩ", 250, 350, EXACT, "troops", NULL, FALSE },
  { "Có 250-350 binh sĩ.", "250-350 binh sĩ", 250, 350, EXACT, "troops", NULL, FALSE },
  { "Có 250 – 350 binh sĩ.", "250 – 350 binh sĩ", 250, 350, EXACT, "troops", NULL, FALSE },
  { "Có 250 tới 350 binh sĩ.", "250 tới 350 binh sĩ", 250, 350, EXACT, "troops", NULL, FALSE },
  { "Có hai đến ba nghìn binh sĩ.",
    "hai đến ba nghìn binh sĩ", 2000, 3000, EXACT, "troops", NULL, FALSE },
  { "Chi phí 2-3 triệu USD.", "2-3 triệu USD", 2e6, 3e6, EXACT, "usd", NULL, FALSE },
  { "Có 2 hoặc 3 binh sĩ.", "2 hoặc 3 binh sĩ", 2, 3, EXACT, "troops", NULL, FALSE },
  { "Quân số giảm từ 2.500 binh sĩ xuống còn ít hơn.",
    "2.500 binh sĩ", 2500, 0, EXACT, "troops", NULL, FALSE },
  /* Fractions and percentages */
  { "IS từng kiểm soát khoảng 1/3 lãnh thổ.",
    "khoảng 1/3", 1.0 / 3, 0, APPROX, "fraction", NULL, FALSE },
  { "IS từng kiểm soát chừng 1/3.", "chừng 1/3", 1.0 / 3, 0, APPROX, "fraction", NULL, FALSE },
  { "Số binh sĩ là 250-350.", "250-350", 250, 350, EXACT, "troops", NULL, FALSE },
  { "Con số là 250-350.", NULL, 0, 0, EXACT, NULL, NULL, FALSE },
  { "Có 1.500-2.000 binh sĩ.", "1.500-2.000 binh sĩ", 1500, 2000, EXACT, "troops", NULL, FALSE },
  { "Nhóm này từng chiếm 1/3 lãnh thổ Iraq.", "1/3", 1.0 / 3, 0, EXACT, "fraction", NULL, FALSE },
  { "Sự kiện 11/9 thay đổi tất cả.", NULL, 0, 0, EXACT, NULL, NULL, FALSE },
  { "Cuộc họp (1/3) đã hoãn.", NULL, 0, 0, EXACT, NULL, NULL, FALSE },
  { "Khoảng 1/4 số quân sẽ rút trước.", "Khoảng 1/4", 0.25, 0, APPROX, "fraction", NULL, FALSE },
  { "Nhóm này chiếm một phần ba lãnh thổ.",
    "một phần ba", 1.0 / 3, 0, EXACT, "fraction", NULL, FALSE },
  { "Ba phần tư số binh sĩ đã về.", "Ba phần tư", 0.75, 0, EXACT, "fraction", NULL, FALSE },
  { "Hai phần năm ngân sách bị cắt.", "Hai phần năm", 0.4, 0, EXACT, "fraction", NULL, FALSE },
  { "IS chiếm phần lớn lãnh thổ Syria.", "phần lớn", 0.5, 0, MORE, "fraction", NULL, TRUE },
  { "Đa số binh sĩ muốn về nước.", "Đa số", 0.5, 0, MORE, "fraction", NULL, TRUE },
  { "Khoảng một nửa số binh sĩ đã rút.",
    "Khoảng một nửa", 0.5, 0, APPROX, "fraction", NULL, FALSE },
  { "Hơn một nửa số binh sĩ đã rút.", "Hơn một nửa", 0.5, 0, MORE, "fraction", NULL, FALSE },
  { "Lực lượng này chiếm gần 40% lãnh thổ.", "gần 40%", 40, 0, APPROX, "percent", NULL, FALSE },
  { "Có 30 phần trăm phiếu thuận.", "30 phần trăm", 30, 0, EXACT, "percent", NULL, FALSE },
  { "Tỷ lệ đạt 12,5%.", "12,5%", 12.5, 0, EXACT, "percent", NULL, FALSE },
  { "Hai mươi phần trăm số quân đã về.",
    "Hai mươi phần trăm", 20, 0, EXACT, "percent", NULL, FALSE },
  /* Units */
  { "Có 150 cuộc không kích.", "150 cuộc không kích", 150, 0, EXACT, "attacks", NULL, FALSE },
  { "Có 20 vụ tập kích.", "20 vụ tập kích", 20, 0, EXACT, "attacks", NULL, FALSE },
  { "Có hơn 60 vụ tấn công bằng máy bay không người lái.",
    "hơn 60 vụ tấn công bằng máy bay không người lái", 60, 0, MORE, "attacks", NULL, FALSE },
  { "Iran phóng 30 quả tên lửa.", "30 quả tên lửa", 30, 0, EXACT, "missiles", NULL, FALSE },
  { "Iran phóng 12 tên lửa đạn đạo.", "12 tên lửa đạn đạo", 12, 0, EXACT, "missiles", NULL, FALSE },
  { "Họ bắn hạ 10 chiếc UAV.", "10 chiếc UAV", 10, 0, EXACT, "drones", NULL, FALSE },
  { "Có 3 quả rocket rơi xuống.", "3 quả rocket", 3, 0, EXACT, "rockets", NULL, FALSE },
  { "Mỹ phá hủy 7 trực thăng.", "7 trực thăng", 7, 0, EXACT, "helicopters", NULL, FALSE },
  { "Mỹ có 4 căn cứ quân sự ở đây.", "4 căn cứ quân sự", 4, 0, EXACT, "bases", NULL, FALSE },
  { "Có 2.500 người lính.", "2.500 người lính", 2500, 0, EXACT, "troops", NULL, FALSE },
  { "Có 50 thường dân.", "50 thường dân", 50, 0, EXACT, "people", NULL, FALSE },
  { "Nhóm này giữ 12 con tin.", "12 con tin", 12, 0, EXACT, "hostages", NULL, FALSE },
  { "Có 200 tay súng tham gia.", "200 tay súng", 200, 0, EXACT, "fighters", NULL, FALSE },
  { "Viện trợ hơn 3 tỷ USD.", "hơn 3 tỷ USD", 3e9, 0, MORE, "usd", NULL, FALSE },
  { "Khoản vay 2 triệu đô la Mỹ.", "2 triệu đô la Mỹ", 2e6, 0, EXACT, "usd", NULL, FALSE },
  { "Khoản vay $3 triệu.", "$3 triệu", 3e6, 0, EXACT, "usd", NULL, FALSE },
  { "Quỹ có 100 triệu đồng.", "100 triệu đồng", 1e8, 0, EXACT, "vnd", NULL, FALSE },
  { "Hai quân đội tập trận.", NULL, 0, 0, EXACT, NULL, NULL, FALSE },
  { "Có 3 đồng minh ủng hộ.", NULL, 0, 0, EXACT, NULL, NULL, FALSE },
  { "Có 10 người phát ngôn.", NULL, 0, 0, EXACT, NULL, NULL, FALSE },
  { "Hai nước ký thỏa thuận.", NULL, 0, 0, EXACT, NULL, NULL, FALSE },
  /* Owners */
  { "Khoảng 2.500 lính Mỹ ở Iraq.",
    "Khoảng 2.500 lính Mỹ", 2500, 0, APPROX, "troops", "united-states", FALSE },
  { "Có 2.500 binh sĩ của Mỹ.",
    "2.500 binh sĩ của Mỹ", 2500, 0, EXACT, "troops", "united-states", FALSE },
  { "Có 900 quân nhân Iraq.", "900 quân nhân Iraq", 900, 0, EXACT, "troops", "iraq", FALSE },
  { "Có 5.000 binh sĩ Nga.", "5.000 binh sĩ Nga", 5000, 0, EXACT, "troops", "russia", FALSE },
  { "Có 10.000 binh sĩ Hoa Kỳ.",
    "10.000 binh sĩ Hoa Kỳ", 10000, 0, EXACT, "troops", "united-states", FALSE },
  { "Có 300 binh sĩ Anh.", "300 binh sĩ Anh", 300, 0, EXACT, "troops", "united-kingdom", FALSE },
  { "Có 3 binh sĩ anh dũng.", "3 binh sĩ", 3, 0, EXACT, "troops", NULL, FALSE },
  { "Còn 900 quân nhân đóng ở Syria.", "900 quân nhân", 900, 0, EXACT, "troops", NULL, FALSE },
  { "Có 800 binh sĩ liên quân.",
    "800 binh sĩ liên quân", 800, 0, EXACT, "troops", "us-led-coalition", FALSE },
  /* Casualties */
  { "Ít nhất 3 binh sĩ Mỹ thiệt mạng.",
    "Ít nhất 3 binh sĩ Mỹ thiệt mạng", 3, 0, AT_LEAST, "killed", "united-states", FALSE },
  { "Vụ nổ làm 12 người bị thương.", "12 người bị thương", 12, 0, EXACT, "injured", NULL, FALSE },
  { "Có 5 người thiệt mạng.", "5 người thiệt mạng", 5, 0, EXACT, "killed", NULL, FALSE },
  { "Có 16 người chết.", "16 người chết", 16, 0, EXACT, "killed", NULL, FALSE },
  { "Có 8 binh sĩ Mỹ bị thương.",
    "8 binh sĩ Mỹ bị thương", 8, 0, EXACT, "injured", "united-states", FALSE },
  { "Hai binh sĩ đã hy sinh.", "Hai binh sĩ đã hy sinh", 2, 0, EXACT, "killed", NULL, FALSE },
  { "Vụ tấn công giết chết 4 binh sĩ.", "4 binh sĩ", 4, 0, EXACT, "killed", NULL, FALSE },
  /* A count named before a number with no unit */
  { "Số lính Mỹ tại Iraq hiện vào khoảng 2.500.",
    "khoảng 2.500", 2500, 0, APPROX, "troops", "united-states", FALSE },
  { "Quân số Mỹ ở Iraq giảm xuống còn 2.500.",
    "2.500", 2500, 0, EXACT, "troops", "united-states", FALSE },
  { "Số người thiệt mạng là 12.", "12", 12, 0, EXACT, "killed", NULL, FALSE },
  { "Số binh sĩ Mỹ thiệt mạng đã là 13.", "13", 13, 0, EXACT, "killed", "united-states", FALSE },
  NONE ("Số binh sĩ tăng mạnh vào năm 2014."),
  NONE ("Số binh sĩ tăng 3 lần."),
  /* Dates, times, years, codes and other numbers are not quantities */
  NONE ("Hôm 18/1, Bộ Quốc phòng Iraq ra thông báo."),
  NONE ("Ngày 27/9/2024 hai nước ra tuyên bố chung."),
  NONE ("Liên minh ra đời vào năm 2014."),
  NONE ("Trận pháo kích chỉ diễn ra chừng 2 giờ."),
  NONE ("Quá trình chuyển giao sẽ mất 12 tháng tới."),
  NONE ("Cuộc họp diễn ra ngày 27-1 tại Baghdad."),
  NONE ("Xung đột nổ ra từ tháng 10-2023."),
  NONE ("Xung đột nổ ra ngày 7-10-2023."),
  NONE ("Mỹ điều máy bay F-16 tới."),
  NONE ("Tàu 016 cập cảng."),
  NONE ("Hội nghị lần thứ 10 khai mạc."),
  NONE ("Nghị quyết số 68 được ban hành."),
  NONE ("Hai bên thương lượng suốt ít nhất 9 tháng."),
  NONE ("Trận đấu bắt đầu lúc 10:30 tối."),
  NONE ("Họ mất mười năm để xây dựng."),
  NONE ("Ba Lan cử phái đoàn."),
  NONE ("Ông tới từ Ba Tư."),
  NONE ("Thế hệ 10X đang lớn lên."),
  NONE ("Lúc 9h sáng 5 người tới."),
  { "Lúc 9h sáng, 5 người tới.", "5 người", 5, 0, EXACT, "people", NULL, FALSE },
  NONE ("Lực lượng không quân được điều tới."),
  { "Trong năm 2024, 2.000 binh sĩ rút về.",
    "2.000 binh sĩ", 2000, 0, EXACT, "troops", NULL, FALSE },
  { "Ngày 27/9 có 150 cuộc tấn công.", "150 cuộc tấn công", 150, 0, EXACT, "attacks", NULL, FALSE },
};

static const NumberCase numbers[] = {
  { "2.500", TRUE, 2500 },
  { "1,8", TRUE, 1.8 },
  { "170.000", TRUE, 170000 },
  { "1.234.567,89", TRUE, 1234567.89 },
  { "2500", TRUE, 2500 },
  { "2,5", TRUE, 2.5 },
  { "2.5", FALSE, 0 },
  { "2.50", FALSE, 0 },
  { "25.00", FALSE, 0 },
  { "1.2345", FALSE, 0 },
  { "27.9.2024", FALSE, 0 },
  { "12abc", FALSE, 0 },
  { "hai", TRUE, 2 },
  { "ba nghìn", TRUE, 3000 },
  { "ba ngàn", TRUE, 3000 },
  { "hai mươi lăm", TRUE, 25 },
  { "mười lăm", TRUE, 15 },
  { "mười", TRUE, 10 },
  { "một trăm", TRUE, 100 },
  { "một trăm linh năm", TRUE, 105 },
  { "chín mươi chín", TRUE, 99 },
  { "hai nghìn rưỡi", TRUE, 2500 },
  { "hai triệu ba trăm nghìn", TRUE, 2300000 },
  { "ba nghìn tỷ", TRUE, 3e12 },
  { "2,5 triệu", TRUE, 2.5e6 },
  { "1,8 tỷ", TRUE, 1.8e9 },
  { "hàng trăm", TRUE, 100 },
  { "vài trăm", TRUE, 300 },
  { "một", FALSE, 0 },
  { "triệu", FALSE, 0 },
  { "mươi", FALSE, 0 },
  { "hai ba", FALSE, 0 },
  { "binh sĩ", FALSE, 0 },
};

static void
test_numbers (void)
{
  assert_numbers (numbers, G_N_ELEMENTS (numbers));
}

static void
test_several (void)
{
  assert_several ("Mỹ có khoảng 2.500 lính ở Iraq và chừng 900 lính Mỹ ở Syria, "
                  "sau hơn 150 cuộc tấn công; 3 binh sĩ thiệt mạng.");
}

/* A number right after a quantity counts the same thing. */
static void
test_ellipsis (void)
{
  assert_ellipsis ("Mỹ có khoảng 2.500 lính Mỹ ở Iraq và khoảng 900 ở Syria.",
                   "khoảng 900",
                   "Có 2.500 binh sĩ và 12 tháng để rút.");
}

/* Lexicons and ICU number formats are shared or kept per thread. */
static gpointer
find_many (gpointer data)
{
  for (guint i = 0; i < 200; i++)
    {
      g_autoptr(GPtrArray) found =
        tri_quantities_find (LANG, "Có khoảng 2.500 binh sĩ và 1,8 tỷ đồng viện trợ.", -1);

      if (found->len != 2
          || ((TriMention *) g_ptr_array_index (found, 0))->number != 2500
          || ((TriMention *) g_ptr_array_index (found, 1))->number != 1.8e9)
        return GINT_TO_POINTER (FALSE);
    }
  return GINT_TO_POINTER (TRUE);
}

static void
test_threads (void)
{
  GThread *threads[4];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("quantities", find_many, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_assert_true (GPOINTER_TO_INT (g_thread_join (threads[i])));
}

static void
test_unknown_language (void)
{
  assert_unknown_language ("vi-VN", "2.500 binh sĩ");
}

static void
test_odd_input (void)
{
  static const char bad[] = "khoảng \xff\xfe 2.500 binh \xe1\xbb sĩ 1/ /3 , . - 5-";

  assert_odd_input (bad, sizeof bad - 1, "binh sĩ");
}

/* The pipeline's entry point: mentions in sentences, none in boilerplate. */
static void
test_article (void)
{
  const char *text =
    "date 2026-01-19\n"
    "\n"
    "Rút quân khỏi căn cứ\n"
    "\n"
    "Lầu Năm Góc nói còn khoảng 2.500 binh sĩ tại Iraq. Từ tháng 10-2023, các nhóm "
    "vũ trang tiến hành hơn 150 cuộc tấn công nhằm vào họ.\n"
    "\n"
    "Hôm 18/1, chừng 900 lính Mỹ vẫn ở Syria.\n";
  const char *spans[3] = { "khoảng 2.500 binh sĩ", "hơn 150 cuộc tấn công", "chừng 900 lính Mỹ" };

  assert_article (text, spans);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  add_case_tests (cases, G_N_ELEMENTS (cases));
  g_test_add_func ("/tri/quantity-vi/numbers", test_numbers);
  g_test_add_func ("/tri/quantity-vi/several", test_several);
  g_test_add_func ("/tri/quantity-vi/ellipsis", test_ellipsis);
  g_test_add_func ("/tri/quantity-vi/threads", test_threads);
  g_test_add_func ("/tri/quantity-vi/unknown-language", test_unknown_language);
  g_test_add_func ("/tri/quantity-vi/odd-input", test_odd_input);
  g_test_add_func ("/tri/quantity-vi/article", test_article);

  return g_test_run ();
}
