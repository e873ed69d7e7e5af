/* test-time-vi.c: the temporal tagger on Vietnamese
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

#define LANGUAGE "vi"

#include "time-test-util.h"

/* Sentences written for these tests; the reference is 2026-01-19 unless
 * given. "-" is no reference at all. */
static const Case cases[] = {
  /* absolute days */
  { "Bộ Quốc phòng hôm 18/1 thông báo đoàn cố vấn đã rút.", NULL, 0, "hôm 18/1", "2026-01-18", D, _, 0 },
  { "Cuộc họp diễn ra ngày 27-1 tại thủ đô.", NULL, 0, "ngày 27-1", "2025-01-27", D, _, 0 },
  { "Vụ tấn công xảy ra ngày 7-10-2023 ở miền nam.", NULL, 0, "ngày 7-10-2023", "2023-10-07", D, _, 0 },
  { "Bản tuyên bố được công bố ngày 27/9/2024.", NULL, 0, "ngày 27/9/2024", "2024-09-27", D, _, 0 },
  { "Hiệp định ký 27/9/2024 tại Washington.", NULL, 0, "27/9/2024", "2024-09-27", D, _, 0 },
  { "Vào 7.10.2023, chiến sự bùng phát.", NULL, 0, "7.10.2023", "2023-10-07", D, _, 0 },
  { "Lịch trình công bố 2024-09-27 cho thấy điều đó.", NULL, 0, "2024-09-27", "2024-09-27", D, _, 0 },
  { "Ngày 27 tháng 1 năm 2024, hai bên gặp nhau.", NULL, 0, "Ngày 27 tháng 1 năm 2024", "2024-01-27", D, _, 0 },
  { "Hai bên gặp nhau 27 tháng 1 năm 2024 ở Baghdad.", NULL, 0, "27 tháng 1 năm 2024", "2024-01-27", D, _, 0 },
  { "Sáng 18/1, đoàn xe rời căn cứ.", NULL, 0, "Sáng 18/1", "2026-01-18", D, _, 0 },
  /* the minutes of a time of day are not a number of days */
  { "Cập nhật lúc 10:45 ngày 20 tháng 1 năm 2026.", NULL, 0, "ngày 20 tháng 1 năm 2026", "2026-01-20", D, _, 0 },
  { "Chiều 20/1 các bên họp báo.", NULL, 0, "Chiều 20/1", "2026-01-20", D, _, 0 },
  { "Tối 15/1, một vụ nổ vang lên.", NULL, 0, "Tối 15/1", "2026-01-15", D, _, 0 },
  { "Rạng sáng 16/1 có tiếng súng.", NULL, 0, "Rạng sáng 16/1", "2026-01-16", D, _, 0 },
  { "Đêm 14/1, máy bay không người lái bị bắn hạ.", NULL, 0, "Đêm 14/1", "2026-01-14", D, _, 0 },
  { "Trưa 10/1 đoàn đại biểu tới nơi.", NULL, 0, "Trưa 10/1", "2026-01-10", D, _, 0 },
  { "Căn cứ được bàn giao 18/1 cho phía Iraq.", NULL, 0, "18/1", "2026-01-18", D, _, 0 },
  { "Quân đội rút hết 5/1 theo kế hoạch.", NULL, 0, "5/1", "2026-01-05", D, _, 0 },
  { "Lệnh ngừng bắn có hiệu lực 12/3 năm ngoái.", NULL, 0, "12/3", "2025-03-12", D, _, 0 },
  { "Hội nghị kết thúc 10/11 với tuyên bố chung.", NULL, 0, "10/11", "2025-11-10", D, _, 0 },
  { "Ngày 5 tháng 1, đoàn đàm phán tới nơi.", NULL, 0, "Ngày 5 tháng 1", "2026-01-05", D, _, 0 },
  { "Ngày 1/1/2026 là ngày có hiệu lực.", NULL, 0, "Ngày 1/1/2026", "2026-01-01", D, _, 0 },
  { "Từ ngày 31/12/2025 lệnh cấm được dỡ bỏ.", NULL, 0, "ngày 31/12/2025", "2025-12-31", D, _, 0 },
  { "Hôm 23/1, người phát ngôn lên tiếng.", NULL, 0, "Hôm 23/1", "2025-01-23", D, _, 0 },
  { "Hôm 19/1, tức hôm nay, họ lên tiếng.", NULL, 0, "Hôm 19/1", "2026-01-19", D, _, 0 },
  { "Ngày 20/1 sẽ có cuộc họp tiếp theo.", NULL, 0, "Ngày 20/1", "2026-01-20", D, _, 0 },
  { "Phái đoàn sẽ đến vào ngày 27/1.", NULL, 0, "ngày 27/1", "2026-01-27", D, _, 0 },
  { "Dự kiến ngày 15/3 hai bên ký thỏa thuận.", NULL, 0, "ngày 15/3", "2026-03-15", D, _, 0 },
  { "Cuộc bầu cử diễn ra ngày 11/11/2025.", NULL, 0, "ngày 11/11/2025", "2025-11-11", D, _, 0 },
  { "Ngày 30/4/1975 kết thúc chiến tranh.", NULL, 0, "Ngày 30/4/1975", "1975-04-30", D, _, 0 },
  { "Sáng 2-9-2024, lễ kỷ niệm được tổ chức.", NULL, 0, "Sáng 2-9-2024", "2024-09-02", D, _, 0 },
  /* year boundaries, leap days */
  { "Hôm 27/12, phiến quân tấn công đồn biên phòng.", "2026-01-02", 0, "Hôm 27/12", "2025-12-27", D, _, 0 },
  { "Ngày 27/12 đã có ba vụ tấn công.", "2026-01-02", 0, "Ngày 27/12", "2025-12-27", D, _, 0 },
  { "Hôm 31/12, thỏa thuận được công bố.", "2026-01-01", 0, "Hôm 31/12", "2025-12-31", D, _, 0 },
  { "Ngày 2/1, hai bên sẽ nối lại đàm phán.", "2025-12-28", 0, "Ngày 2/1", "2026-01-02", D, _, 0 },
  { "Ngày 2/1, hai bên đã nối lại đàm phán.", "2025-12-28", 0, "Ngày 2/1", "2025-01-02", D, _, 0 },
  { "Hôm 29/2, căn cứ bị tập kích.", "2025-03-10", 0, "Hôm 29/2", "2024-02-29", D, _, 0 },
  { "Ngày 29/2 đã có thông báo chính thức.", "2024-03-01", 0, "Ngày 29/2", "2024-02-29", D, _, 0 },
  { "Ngày 29/2/2024 quân đội rút khỏi thị trấn.", NULL, 0, "Ngày 29/2/2024", "2024-02-29", D, _, 0 },
  { "Ngày 29/2 tới, hội nghị sẽ khai mạc.", "2025-01-10", 0, "Ngày 29/2", "2028-02-29", D, _, 0 },
  { "Hôm 1/1, pháo hoa được bắn.", "2026-01-01", 0, "Hôm 1/1", "2026-01-01", D, _, 0 },
  { "Tháng 12 đã có 15 vụ tấn công.", "2026-01-02", 0, "Tháng 12", "2025-12", M, _, 0 },
  { "Tháng 1 sẽ có bầu cử.", "2025-12-20", 0, "Tháng 1", "2026-01", M, _, 0 },
  { "Trong tháng 1 này, quốc hội sẽ bỏ phiếu.", "2026-01-19", 0, "tháng 1", "2026-01", M, _, 0 },
  { "Tháng 12 sẽ có bầu cử.", "2026-01-19", 0, "Tháng 12", "2026-12", M, _, 0 },
  /* months */
  { "Mỹ đã rút bớt quân vào tháng 12/2021.", NULL, 0, "tháng 12/2021", "2021-12", M, _, 0 },
  { "Tháng 1/2020, quốc hội thông qua nghị quyết.", NULL, 0, "Tháng 1/2020", "2020-01", M, _, 0 },
  { "Kế hoạch kết thúc vào tháng 9-2025.", NULL, 0, "tháng 9-2025", "2025-09", M, _, 0 },
  { "Thỏa thuận ký tháng 12.2021.", NULL, 0, "tháng 12.2021", "2021-12", M, _, 0 },
  { "Quân đội rút đi hồi tháng 3 năm 2011.", NULL, 0, "tháng 3 năm 2011", "2011-03", M, _, 0 },
  { "Căn cứ đóng cửa tháng 12, 2021.", NULL, 0, "tháng 12, 2021", "2021-12", M, _, 0 },
  { "Tháng giêng năm 2024 có nhiều biến động.", NULL, 0, "Tháng giêng năm 2024", "2024-01", M, _, 0 },
  { "Tháng chạp năm 2023 trời rét.", NULL, 0, "Tháng chạp năm 2023", "2023-12", M, _, 0 },
  { "Từ tháng 3 đến nay có 20 vụ.", NULL, 0, "tháng 3", "2025-03", M, _, 0 },
  { "Đàm phán sẽ tiếp tục vào tháng 3.", NULL, 0, "tháng 3", "2026-03", M, _, 0 },
  { "Tháng 1 vừa qua, giá dầu tăng.", NULL, 0, "Tháng 1", "2026-01", M, _, 0 },
  { "Các cuộc tấn công tăng từ tháng 10 năm ngoái.", NULL, 0, "tháng 10 năm ngoái", "2025-10", M, _, 0 },
  { "Tháng 6 năm nay sẽ có bầu cử.", NULL, 0, "Tháng 6 năm nay", "2026-06", M, _, 0 },
  { "Tháng 2 năm tới quân đội rút hết.", NULL, 0, "Tháng 2 năm tới", "2027-02", M, _, 0 },
  { "Hiệp ước được ký tháng 5 năm trước.", NULL, 0, "tháng 5 năm trước", "2025-05", M, _, 0 },
  /* modifiers */
  { "IS bị đánh bại vào cuối năm 2017.", NULL, 0, "cuối năm 2017", "2017", Y, END, 0 },
  { "Đầu năm 2024, căng thẳng leo thang.", NULL, 0, "Đầu năm 2024", "2024", Y, START, 0 },
  { "Giữa năm 2023 có đợt rút quân.", NULL, 0, "Giữa năm 2023", "2023", Y, MID, 0 },
  { "Từ giữa tháng 10-2023 đã có hơn 150 vụ.", NULL, 0, "giữa tháng 10-2023", "2023-10", M, MID, 0 },
  { "Cuối tháng 12/2021 nhiệm vụ chiến đấu kết thúc.", NULL, 0, "Cuối tháng 12/2021", "2021-12", M, END, 0 },
  { "Đầu tháng 3, lực lượng được tăng cường.", NULL, 0, "Đầu tháng 3", "2025-03", M, START, 0 },
  { "Kể từ giữa tháng 10 năm ngoái, các vụ tấn công gia tăng.", NULL, 0, "giữa tháng 10 năm ngoái", "2025-10", M, MID, 0 },
  { "Liên minh thành lập khoảng năm 2014.", NULL, 0, "khoảng năm 2014", "2014", Y, APPROX, 0 },
  { "Cuối năm nay các cố vấn sẽ rời đi.", NULL, 0, "Cuối năm nay", "2026", Y, END, 0 },
  { "Đầu tháng này hai bên đã gặp nhau.", NULL, 0, "Đầu tháng này", "2026-01", M, START, 0 },
  { "Cuối tháng trước có một vụ nổ.", NULL, 0, "Cuối tháng trước", "2025-12", M, END, 0 },
  { "Chiến dịch kết thúc cuối 2017.", NULL, 0, "cuối 2017", "2017", Y, END, 0 },
  { "Thượng tuần tháng 3/2024, đoàn đến Baghdad.", NULL, 0, "Thượng tuần tháng 3/2024", "2024-03", M, START, 0 },
  { "Trung tuần tháng 5/2024 có cuộc họp.", NULL, 0, "Trung tuần tháng 5/2024", "2024-05", M, MID, 0 },
  { "Hạ tuần tháng 6/2024, quân đội rút.", NULL, 0, "Hạ tuần tháng 6/2024", "2024-06", M, END, 0 },
  { "Cuối năm ngoái, hai nước đạt thỏa thuận.", NULL, 0, "Cuối năm ngoái", "2025", Y, END, 0 },
  { "Đầu năm 2003, liên quân tiến vào Iraq.", NULL, 0, "Đầu năm 2003", "2003", Y, START, 0 },
  /* years */
  { "Năm 2003 quân Mỹ tiến vào Iraq.", NULL, 0, "Năm 2003", "2003", Y, _, 0 },
  { "Liên minh được thành lập năm 2014.", NULL, 0, "năm 2014", "2014", Y, _, 0 },
  { "Iraq năm 2024 đã khác trước.", NULL, 0, "năm 2024", "2024", Y, _, 0 },
  { "Họ ở đó từ 2003 đến 2011.", NULL, 0, "2003", "2003", Y, _, 0 },
  { "Họ ở đó từ 2003 đến 2011.", NULL, 0, "2011", "2011", Y, _, 0 },
  { "Phải rút hết trước 2026 theo luật.", NULL, 0, "2026", "2026", Y, _, 0 },
  { "Vào năm 1991, chiến tranh vùng Vịnh nổ ra.", NULL, 0, "năm 1991", "1991", Y, _, 0 },
  { "Kể từ 2014, liên minh hoạt động ở đây.", NULL, 0, "2014", "2014", Y, _, 0 },
  { "Hồi 2011, quân Mỹ rút khỏi Iraq.", NULL, 0, "2011", "2011", Y, _, 0 },
  { "Sứ mệnh kéo dài tới năm 2026.", NULL, 0, "năm 2026", "2026", Y, _, 0 },
  /* decades and quarters */
  { "Thập niên 1990 chứng kiến nhiều cuộc chiến.", NULL, 0, "Thập niên 1990", "199", X, _, 0 },
  { "Từ thập niên 90, hai nước đã hợp tác.", NULL, 0, "thập niên 90", "199", X, _, 0 },
  { "Những năm 1980 là thời kỳ khó khăn.", NULL, 0, "Những năm 1980", "198", X, _, 0 },
  { "Thập kỷ 2010 mở đầu bằng rút quân.", NULL, 0, "Thập kỷ 2010", "201", X, _, 0 },
  { "Cuối thập niên 1990, lệnh cấm vận vẫn còn.", NULL, 0, "Cuối thập niên 1990", "199", X, END, 0 },
  { "Doanh thu quý 3/2025 tăng mạnh.", NULL, 0, "quý 3/2025", "2025-Q3", Q, _, 0 },
  { "Trong quý III/2025, xuất khẩu dầu giảm.", NULL, 0, "quý III/2025", "2025-Q3", Q, _, 0 },
  { "Quý 3 năm 2025 là thời hạn chót.", NULL, 0, "Quý 3 năm 2025", "2025-Q3", Q, _, 0 },
  { "Quý IV năm 2024 có nhiều biến động.", NULL, 0, "Quý IV năm 2024", "2024-Q4", Q, _, 0 },
  { "Quý 4 đã có 12 vụ tấn công.", NULL, 0, "Quý 4", "2025-Q4", Q, _, 0 },
  { "Quý 1 sẽ có nhiều cuộc họp.", NULL, 0, "Quý 1", "2026-Q1", Q, _, 0 },
  { "Quý II năm nay sẽ có bầu cử.", NULL, 0, "Quý II năm nay", "2026-Q2", Q, _, 0 },
  { "Quý 1 năm sau hai bên sẽ họp.", NULL, 0, "Quý 1 năm sau", "2027-Q1", Q, _, 0 },
  { "Số liệu quý 2-2024 đã được công bố.", NULL, 0, "quý 2-2024", "2024-Q2", Q, _, 0 },
  /* relative to the reference */
  { "Hôm nay, hai bên ký biên bản.", NULL, 0, "Hôm nay", "2026-01-19", D, _, 0 },
  { "Hôm qua, một vụ nổ xảy ra gần căn cứ.", NULL, 0, "Hôm qua", "2026-01-18", D, _, 0 },
  { "Hôm kia, ông ấy đến Baghdad.", NULL, 0, "Hôm kia", "2026-01-17", D, _, 0 },
  { "Ngày mai, các bộ trưởng sẽ gặp nhau.", NULL, 0, "Ngày mai", "2026-01-20", D, _, 0 },
  { "Đêm qua, pháo kích nhắm vào căn cứ.", NULL, 0, "Đêm qua", "2026-01-18", D, _, 0 },
  { "Sáng nay, đoàn xe cuối cùng rời đi.", NULL, 0, "Sáng nay", "2026-01-19", D, _, 0 },
  { "Ông ấy trả lời phỏng vấn tuần trước.", NULL, 0, "tuần trước", "2026-W03", W, _, 0 },
  { "Tuần qua có bốn vụ tấn công.", NULL, 0, "Tuần qua", "2026-W03", W, _, 0 },
  { "Tuần này các bên sẽ gặp nhau.", NULL, 0, "Tuần này", "2026-W04", W, _, 0 },
  { "Tuần tới phái đoàn sẽ lên đường.", NULL, 0, "Tuần tới", "2026-W05", W, _, 0 },
  { "Bộ Quốc phòng cuối tuần qua đã công bố đoạn phim.", NULL, 0, "cuối tuần qua", "2026-W03-WE", W, _, 0 },
  { "Cuối tuần này sẽ có biểu tình.", NULL, 0, "Cuối tuần này", "2026-W04-WE", W, _, 0 },
  { "Tháng trước đã có ba vụ tấn công.", NULL, 0, "Tháng trước", "2025-12", M, _, 0 },
  { "Tháng này giá dầu giảm.", NULL, 0, "Tháng này", "2026-01", M, _, 0 },
  { "Tháng tới quốc hội sẽ bỏ phiếu.", NULL, 0, "Tháng tới", "2026-02", M, _, 0 },
  { "Quá trình bắt đầu vào năm ngoái.", NULL, 0, "năm ngoái", "2025", Y, _, 0 },
  { "Năm nay ngân sách quốc phòng tăng.", NULL, 0, "Năm nay", "2026", Y, _, 0 },
  { "Năm tới quân đội sẽ rút hết.", NULL, 0, "Năm tới", "2027", Y, _, 0 },
  { "Sang năm, hai bên sẽ ký hiệp định.", NULL, 0, "Sang năm", "2027", Y, _, 0 },
  { "Hôm qua, ông ấy đến.", "2026-01-01", 0, "Hôm qua", "2025-12-31", D, _, 0 },
  { "Tuần trước có hai vụ nổ.", "2026-01-01", 0, "Tuần trước", "2025-W52", W, _, 0 },
  { "Tuần trước có hai vụ nổ.", "2021-01-04", 0, "Tuần trước", "2020-W53", W, _, 0 },
  { "Tháng trước giá dầu tăng.", "2026-01-05", 0, "Tháng trước", "2025-12", M, _, 0 },
  { "Năm ngoái lạm phát cao.", "2026-01-01", 0, "Năm ngoái", "2025", Y, _, 0 },
  /* weekdays */
  { "Thứ Bảy, phiến quân tấn công một đồn cảnh sát.", NULL, 0, "Thứ Bảy", "2026-01-17", D, _, 0 },
  { "Vụ việc xảy ra hôm Chủ nhật.", NULL, 0, "hôm Chủ nhật", "2026-01-18", D, _, 0 },
  { "Hôm thứ Sáu, ông ấy phát biểu.", NULL, 0, "Hôm thứ Sáu", "2026-01-16", D, _, 0 },
  { "Thứ Hai, quân đội thông báo rút quân.", NULL, 0, "Thứ Hai", "2026-01-19", D, _, 0 },
  { "Cuộc họp thứ Ba đã kết thúc.", NULL, 0, "thứ Ba", "2026-01-13", D, _, 0 },
  { "Hôm thứ 7, đoàn xe rời đi.", NULL, 0, "Hôm thứ 7", "2026-01-17", D, _, 0 },
  { "Hai bên sẽ gặp nhau vào thứ Tư.", NULL, 0, "thứ Tư", "2026-01-21", D, _, 0 },
  { "Thứ Tư, quốc hội đã họp khẩn.", "2026-01-02", 0, "Thứ Tư", "2025-12-31", D, _, 0 },
  { "Thứ Sáu, họ tuyên bố thắng lợi.", "2026-01-02", 0, "Thứ Sáu", "2026-01-02", D, _, 0 },
  { "Thứ Bảy, 17/1, đoàn xe rời căn cứ.", NULL, 0, "Thứ Bảy, 17/1", "2026-01-17", D, _, 0 },
  { "Thứ Bảy tuần trước, Iraq tiếp nhận căn cứ.", "2026-01-20", 0, "Thứ Bảy tuần trước", "2026-01-17", D, _, 0 },
  { "Hai bên gặp nhau vào thứ Hai tuần sau.", NULL, 0, "thứ Hai tuần sau", "2026-01-26", D, _, 0 },
  /* durations */
  { "Giai đoạn này sẽ diễn ra trong 12 tháng tới.", NULL, 0, "trong 12 tháng tới", "P12M", P, _, 0 },
  { "Căn cứ tiếp nhận quân Mỹ trong hơn hai thập niên.", NULL, 0, "trong hơn hai thập niên", "P20Y", P, APPROX, 0 },
  { "Hơn hai thập niên chiến tranh đã qua.", NULL, 0, "Hơn hai thập niên", "P20Y", P, APPROX, 0 },
  { "Họ đã đàm phán trong ít nhất 9 tháng.", NULL, 0, "trong ít nhất 9 tháng", "P9M", P, APPROX, 0 },
  { "Cuộc họp kéo dài khoảng 2 giờ.", NULL, 0, "kéo dài khoảng 2 giờ", "PT2H", P, APPROX, 0 },
  { "Chiến dịch kéo dài suốt ba năm.", NULL, 0, "kéo dài suốt ba năm", "P3Y", P, _, 0 },
  { "Trận chiến diễn ra trong gần 30 phút.", NULL, 0, "trong gần 30 phút", "PT30M", P, APPROX, 0 },
  { "Một thập kỷ sau, liên minh hoàn thành sứ mệnh.", NULL, 0, "Một thập kỷ", "P10Y", P, _, 0 },
  { "Hai tuần sau, đoàn đàm phán quay lại.", NULL, 0, "Hai tuần", "P2W", P, _, 0 },
  { "Lệnh ngừng bắn chỉ giữ được 5 ngày.", NULL, 0, "5 ngày", "P5D", P, _, 0 },
  { "Nhiệm vụ kết thúc trong một năm tới.", NULL, 0, "trong một năm tới", "P1Y", P, _, 0 },
  { "Hai năm qua có hàng trăm vụ tấn công.", NULL, 0, "Hai năm qua", "P2Y", P, _, 0 },
  { "Năm năm sau, họ quay lại.", NULL, 0, "Năm năm", "P5Y", P, _, 0 },
  { "Cuộc chiến kéo dài một thế kỷ.", NULL, 0, "kéo dài một thế kỷ", "P100Y", P, _, 0 },
  { "Ba năm trước, căn cứ bị tấn công.", NULL, 0, "Ba năm trước", "2023", Y, _, 0 },
  { "Hai tháng trước, hai bên ngừng bắn.", NULL, 0, "Hai tháng trước", "2025-11", M, _, 0 },
  { "10 ngày trước, đoàn xe bị phục kích.", NULL, 0, "10 ngày trước", "2026-01-09", D, _, 0 },
  { "Trong vòng 48 giờ, lực lượng phải rút.", NULL, 0, "Trong vòng 48 giờ", "PT48H", P, _, 0 },
  /* a year shared by two dates */
  { "Tháng 5 và tháng 6/2024 trời mưa nhiều.", NULL, 0, "Tháng 5", "2024-05", M, _, 0 },
  { "Từ 20/12 đến 5/1/2024 có bão lớn.", NULL, 0, "20/12", "2023-12-20", D, _, 0 },
  { "Từ ngày 15/3 đến ngày 20/4/2024, hai bên đàm phán.", NULL, 0, "ngày 15/3", "2024-03-15", D, _, 0 },
  { "Năm 2003 và 2011 là hai mốc quan trọng.", NULL, 0, "2011", "2011", Y, _, 0 },
  { "Giai đoạn 2021-2025 có nhiều thay đổi.", NULL, 0, "2021", "2021", Y, _, 0 },
  { "Giai đoạn 2021-2025 có nhiều thay đổi.", NULL, 0, "2025", "2025", Y, _, 0 },
  { "Năm 2020-2021 là thời kỳ khó khăn.", NULL, 0, "Năm 2020", "2020", Y, _, 0 },
  /* an inferred reference */
  { "Tuyên bố được công bố hôm 27/9.", "2024-09-27", 1, "hôm 27/9", "2024-09-27", D, _, 1 },
  { "Hai bên bắt đầu đàm phán ngày 27/1.", "2024-09-27", 1, "ngày 27/1", "2024-01-27", D, _, 1 },
  { "Quá trình khởi xướng vào năm ngoái.", "2024-09-27", 1, "năm ngoái", "2023", Y, _, 1 },
  { "Kể từ giữa tháng 10 năm ngoái đã có 150 vụ.", "2024-09-27", 1, "giữa tháng 10 năm ngoái", "2023-10", M, MID, 1 },
  { "Liên minh thành lập năm 2014.", "2024-09-27", 1, "năm 2014", "2014", Y, _, 0 },
  { "Ông ấy trả lời phỏng vấn tuần trước.", "2024-09-27", 1, "tuần trước", NULL, V, _, 1 },
  { "Hôm qua, một vụ nổ xảy ra.", "2024-09-27", 1, "Hôm qua", NULL, V, _, 1 },
  { "Thứ Bảy, phiến quân tấn công.", "2024-09-27", 1, "Thứ Bảy", NULL, V, _, 1 },
  { "Tháng trước đã có ba vụ.", "2024-09-27", 1, "Tháng trước", "2024-08", M, _, 1 },
  { "Tháng 12 đã có 15 vụ.", "2024-09-27", 1, "Tháng 12", "2023-12", M, _, 1 },
  { "Ngày 7-10-2023 chiến sự bùng phát.", "2024-01-27", 1, "Ngày 7-10-2023", "2023-10-07", D, _, 0 },
  /* no reference at all */
  { "Hai bên gặp nhau ngày 27/1.", "-", 0, "ngày 27/1", "--01-27", D, _, 0 },
  { "Thỏa thuận hết hạn tháng 9.", "-", 0, "tháng 9", "--09", M, _, 0 },
  { "Liên minh thành lập năm 2014.", "-", 0, "năm 2014", "2014", Y, _, 0 },
  { "Hôm qua có một vụ nổ.", "-", 0, NULL, NULL, N, _, 0 },
  /* not dates */
  { "Có khoảng 2.500 binh sĩ Mỹ ở Iraq.", NULL, 0, NULL, NULL, N, _, 0 },
  { "Nhóm này chiếm khoảng 1/3 lãnh thổ.", NULL, 0, NULL, NULL, N, _, 0 },
  { "Tỉ lệ ủng hộ là 3/4 số đại biểu.", NULL, 0, NULL, NULL, N, _, 0 },
  { "Trận đấu kết thúc với tỷ số 2-1.", NULL, 0, NULL, NULL, N, _, 0 },
  { "Đây là lần thứ hai họ gặp nhau.", NULL, 0, NULL, NULL, N, _, 0 },
  { "Cuộc họp đầu tiên giữa hai nước.", NULL, 0, NULL, NULL, N, _, 0 },
  { "Năm người bị thương trong vụ nổ.", NULL, 0, NULL, NULL, N, _, 0 },
  { "Có 2024 binh sĩ tham gia diễn tập.", NULL, 0, NULL, NULL, N, _, 0 },
  { "Ngày 32/1 không tồn tại.", NULL, 0, NULL, NULL, N, _, 0 },
  { "Ngày 29/2/2023 không có thật.", NULL, 0, NULL, NULL, N, _, 0 },
  { "Tháng 13/2020 là sai.", NULL, 0, NULL, NULL, N, _, 0 },
  { "Phiên bản 1.2.3 của phần mềm.", NULL, 0, NULL, NULL, N, _, 0 },
  { "Gọi số 0912.345.678 để biết thêm.", NULL, 0, NULL, NULL, N, _, 0 },
  { "Người đứng thứ 2 trong danh sách.", NULL, 0, NULL, NULL, N, _, 0 },
  { "Quý khách vui lòng chờ.", NULL, 0, NULL, NULL, N, _, 0 },
  { "Căng thẳng ngày càng tăng.", NULL, 0, NULL, NULL, N, _, 0 },
  { "Hôm đó trời mưa.", NULL, 0, NULL, NULL, N, _, 0 },
  { "Năm 3000 là một năm xa.", NULL, 0, NULL, NULL, N, _, 0 },
  { "Khoảng 5.000 lính đã rời đi.", NULL, 0, NULL, NULL, N, _, 0 },
  { "Thu nhập tăng 12,5% so với cùng kỳ.", NULL, 0, NULL, NULL, N, _, 0 },
};

static void
test_spans_in_text (void)
{
  const char *text = "Iraq và Mỹ hôm 27/1 đã bắt đầu đàm phán. Cuối năm 2017, IS thất bại.";
  g_autoptr(GPtrArray) mentions = tri_time_tag (text, -1, "vi", "2024-09-27", FALSE);

  g_assert_cmpuint (mentions->len, ==, 2);
  for (guint i = 0; i < mentions->len; i++)
    {
      const TriMention *m = g_ptr_array_index (mentions, i);

      g_assert_cmpuint (m->end, <=, strlen (text));
      g_assert_true (g_utf8_validate (text + m->start, m->end - m->start, NULL));
    }
}

static void
test_days_covered (void)
{
  g_autoptr(GPtrArray) mentions = tri_time_tag ("Giữa tháng 10-2023.\nCuối năm 2017.\n"
                                                "Trong 12 tháng tới.\nCuối tuần qua.",
                                                -1, "vi", "2026-01-19", FALSE);
  const TriMention *mid, *end, *next, *weekend;

  g_assert_cmpuint (mentions->len, ==, 4);
  mid = g_ptr_array_index (mentions, 0);
  g_assert_cmpuint (mid->day_first, ==, _tri_time_julian (2023, 10, 11));
  g_assert_cmpuint (mid->day_last, ==, _tri_time_julian (2023, 10, 20));
  end = g_ptr_array_index (mentions, 1);
  g_assert_cmpuint (end->day_first, ==, _tri_time_julian (2017, 9, 1));
  g_assert_cmpuint (end->day_last, ==, _tri_time_julian (2017, 12, 31));
  next = g_ptr_array_index (mentions, 2);
  g_assert_cmpuint (next->day_first, ==, _tri_time_julian (2026, 1, 19));
  g_assert_cmpuint (next->day_last, ==, _tri_time_julian (2027, 1, 18));
  weekend = g_ptr_array_index (mentions, 3);
  g_assert_cmpuint (weekend->day_first, ==, _tri_time_julian (2026, 1, 17));
  g_assert_cmpuint (weekend->day_last, ==, _tri_time_julian (2026, 1, 18));
}

static void
test_format (void)
{
  g_autofree char *month = tri_time_format ("2021-12", TRI_PRECISION_MONTH, TRI_TIME_MODIFIER_NONE, "vi");
  g_autofree char *year = tri_time_format ("2017", TRI_PRECISION_YEAR, TRI_TIME_MODIFIER_END, "vi");
  g_autofree char *decade = tri_time_format ("199", TRI_PRECISION_DECADE, TRI_TIME_MODIFIER_NONE, "vi");
  g_autofree char *day = tri_time_format ("2026-01-18", TRI_PRECISION_DAY, TRI_TIME_MODIFIER_NONE, "vi");
  g_autofree char *duration = tri_time_format ("P2Y", TRI_PRECISION_DURATION, TRI_TIME_MODIFIER_NONE, "vi");

  /* ICU 72 writes the month in full: "tháng 12 năm 2021" */
  g_assert_cmpstr (month, ==, "tháng 12 năm 2021");
  g_assert_cmpstr (year, ==, "cuối năm 2017");
  g_assert_cmpstr (decade, ==, "thập niên 1990");
  g_assert_nonnull (strstr (day, "2026"));
  g_assert_nonnull (strstr (day, "18"));
  g_assert_cmpstr (duration, ==, "P2Y");
}

/* Random mixes of date pieces must not crash the tagger, nor give spans
 * outside the text. */
static void
test_random (void)
{
  static const char * const pieces[] = {
    "ngày", "hôm", "tháng", "năm", "quý", "thập niên", "cuối", "giữa", "đầu",
    "thứ", "Bảy", "qua", "tới", "trước", "sẽ", "và", "đến", "2024", "27/1",
    "7-10-2023", "12", "1", "/", "-", ".", ",", "9/2025", "III", "2003-2011",
    "hai", "Chủ nhật", "\xc3", "\xe1\xbb", "1990s", "29/2", "31/12/2025", "\n",
  };

  for (guint n = 0; n < 2000; n++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(GPtrArray) mentions = NULL;
      guint words = g_test_rand_int_range (1, 16);

      for (guint w = 0; w < words; w++)
        {
          g_string_append (text, pieces[g_test_rand_int_range (0, G_N_ELEMENTS (pieces))]);
          if (g_test_rand_bit ())
            g_string_append_c (text, ' ');
        }
      mentions = tri_time_tag (text->str, text->len, "vi",
                               g_test_rand_bit () ? "2024-02-29" : NULL, g_test_rand_bit ());
      for (guint i = 0; i < mentions->len; i++)
        {
          const TriMention *m = g_ptr_array_index (mentions, i);

          g_assert_cmpuint (m->start, <, m->end);
          g_assert_cmpuint (m->end, <=, text->len);
          g_assert_cmpuint (m->day_first, <=, m->day_last);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_assert_cmpuint (G_N_ELEMENTS (cases), >=, 150);
  add_cases ("/tri/time-vi/case", cases, G_N_ELEMENTS (cases));
  g_test_add_func ("/tri/time-vi/spans", test_spans_in_text);
  g_test_add_func ("/tri/time-vi/days-covered", test_days_covered);
  g_test_add_func ("/tri/time-vi/format", test_format);
  g_test_add_func ("/tri/time-vi/random", test_random);

  return g_test_run ();
}
