"""Findings the prose hid from the rules (session 13), one class per test, in our own words.

- A resolution's article (`Điều 1. Đánh giá ... năm 2025`) divided into Roman-numbered parts
  (`I. VỀ KINH TẾ`): both heading patterns are of one level, so each part replaced the
  article in the section and its figures lost the article's year (no period: no rule could
  compare them).
- A multiple after a share of plan (`A tỷ đồng, đạt P% dự toán (B), gấp M lần năm 2024 (C)`):
  its numerator was taken as the percentage just before it, whose unit no base shares, so
  the multiple related nothing.
- A table's share-of-plan column over bare numbers (`Kế hoạch vốn | Giải ngân | Tỷ lệ (%)`
  under a caption that names the unit in words): the row's result and target had no unit,
  so the share was never related to them.
- An evaluation word after a colon that closes a result's item (`ước A (kế hoạch B): Vượt.`):
  only the word before its target (`vượt kế hoạch (B)`) was read, so the word was never
  judged.
- `mua cổ phần 150 triệu USD`: `phần` before a number was read as a document's part
  (`Phần 2`), so the amount bought in shares was no figure and a list holding it summed short.
- `gồm vốn cấp mới A (chiếm P%), vốn điều chỉnh tăng B, …`: `tăng` before B made it a change,
  and a list mixing levels and changes breaks nothing down, so P had no whole.
- `…xuống B hộ; riêng năm 2024 còn C hộ, chiếm P%`: `riêng` before a period was read as a
  part of B, and P as C's share of B (a false RT04, and C kept out of the rules as a part).
- An evaluation word in a row whose label names a catalog level (`Số đảng viên bị kỷ luật`)
  while its cells are a ratio (`giảm … | % | 10 | 12,5 | Vượt`): the word took the level's
  indicator, and its direction (lower is better) judged the ratio.
- A rate column named after the count column on its left, over a `Tổng số <noun>` column
  (`Tổng số lao động | Lao động qua đào tạo | Tỷ lệ lao động qua đào tạo (%)`): only a part
  column headed `Trong đó` was related to its whole, so the rate was never recomputed.
- `chiếm P% tổng số <noun>` after a level whose own words say `số <noun>`: the whole was
  looked for with its `tổng`, which the level's words lack, so the share had no whole.
- A `trong đó` list naming each kind of a partition (`xây mới`, `sửa chữa`): the partition's
  kinds were slugged with every word while a part's scope drops words such as `mới`, so
  the partitions holding them never closed a list.
- `A, tăng P% so với cùng kỳ; gồm B và C`: the `;` closing the total's own growth cut the
  `gồm` list from its total (only a closing share, `chiếm P%;`, kept it), so B + C was never
  summed.
- `giảm từ A xuống còn B …, giảm D` in one unit: D was related to nothing (only a change in
  points after rates, or an end level after a start `đầu năm`, was), so A − B was never
  recomputed."""

from __future__ import annotations

from tests.conftest import check_files, scan

RESOLUTION = ("HỘI ĐỒNG NHÂN DÂN\nTỈNH NINH BÌNH\n\nNGHỊ QUYẾT\nVề kế hoạch phát triển kinh tế - xã hội năm 2026\n\n"
              "QUYẾT NGHỊ:\n\nĐiều 1. Đánh giá kết quả thực hiện kế hoạch năm 2025\n\n"
              "I. VỀ VĂN HÓA - XÃ HỘI\n\n{body}\n\n"
              "Điều 2. Mục tiêu và chỉ tiêu chủ yếu năm 2026\n\nI. CHỈ TIÊU\n\n"
              "Tạo việc làm mới cho khoảng 36.000 lao động.\n")


def _found(tmp_path, text: str) -> list[tuple[str, int]]:
    report = check_files([tmp_path / "nq.txt"], text)
    return [(f.rule, f.figures[0]["line"]) for f in report.findings if f.severity in ("error", "warning")]


def test_an_articles_year_reaches_its_roman_parts(tmp_path):
    body = ("1. Giải quyết việc làm cho 35.420 lao động, trong đó khu vực Nam Định (cũ) 14.100 lao động, "
            "Hà Nam (cũ) 9.870 lao động, Ninh Bình (cũ) 10.250 lao động.")
    assert ("PW01", 13) in _found(tmp_path, RESOLUTION.format(body=body))


def test_an_articles_parts_that_add_up_pass(tmp_path):
    body = ("1. Giải quyết việc làm cho 34.220 lao động, trong đó khu vực Nam Định (cũ) 14.100 lao động, "
            "Hà Nam (cũ) 9.870 lao động, Ninh Bình (cũ) 10.250 lao động.")
    assert _found(tmp_path, RESOLUTION.format(body=body)) == []


REPORT = ("UBND TỈNH LÀO CAI\n\nBÁO CÁO\nTình hình kinh tế - xã hội năm 2025\n\n"
          "I. KẾT QUẢ THỰC HIỆN NĂM 2025\n\n{body}\n")


def test_a_multiple_after_a_share_of_plan_relates_the_level(tmp_path):
    body = "- Kim ngạch xuất khẩu đạt 3.240 triệu USD, bằng 104,5% kế hoạch (3.100 triệu USD), gấp 1,62 lần năm 2021 (2.350 triệu USD)."
    assert ("RT02", 8) in _found(tmp_path, REPORT.format(body=body))


def test_a_multiple_after_a_share_of_plan_that_holds_passes(tmp_path):
    body = "- Kim ngạch xuất khẩu đạt 3.240 triệu USD, bằng 104,5% kế hoạch (3.100 triệu USD), gấp 1,38 lần năm 2021 (2.350 triệu USD)."
    assert _found(tmp_path, REPORT.format(body=body)) == []

TABLE = ("UBND TỈNH LÀO CAI\n\nBÁO CÁO\nKết quả giải ngân vốn chương trình mục tiêu năm 2025\n\n"
         "I. KẾT QUẢ GIẢI NGÂN\n\nBảng 1. Giải ngân theo dự án thành phần (tỷ đồng)\n\n"
         "TT\tDự án thành phần\tKế hoạch vốn\tĐã giải ngân\tTỷ lệ (%)\n"
         "1\tNâng cấp đường liên xã\t540,0\t486,5\t{a}\n"
         "2\tXây dựng trường học vùng cao\t212,4\t198,7\t93,55\n")


def test_a_share_of_plan_column_of_bare_numbers_recomputes(tmp_path):
    assert ("RT04", 11) in _found(tmp_path, TABLE.format(a="92,10"))


def test_a_share_of_plan_column_of_bare_numbers_that_holds_passes(tmp_path):
    assert _found(tmp_path, TABLE.format(a="90,09")) == []


ITEMS = ("UBND TỈNH LÀO CAI\n\nBÁO CÁO\nTình hình kinh tế - xã hội năm 2025\n\n"
         "II. ƯỚC THỰC HIỆN CẢ NĂM 2025 CÁC CHỈ TIÊU CHỦ YẾU\n\n"
         "- Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng ước 61.200 tỷ đồng, bằng {p} kế hoạch "
         "(63.000 tỷ đồng): {w}.\n"
         "- Tốc độ tăng GRDP ước 8,2% (kế hoạch 8,0%): Đạt.\n")


def test_a_word_after_an_items_target_is_judged(tmp_path):
    assert ("VD01", 8) in _found(tmp_path, ITEMS.format(p="97,1%", w="Vượt"))


def test_a_word_after_an_items_target_that_fits_passes(tmp_path):
    assert _found(tmp_path, ITEMS.format(p="97,1%", w="Không đạt")) == []


def test_shares_bought_are_an_amount_not_a_part_number():
    assert [(f.kind, f.text) for f in scan("góp vốn, mua cổ phần 150 triệu USD")] == [("statistic", "150 triệu USD")]
    assert [f.kind for f in scan("Phần 2")] == ["ordinal"]


FDI = "Thu hút vốn FDI đạt 1.240 triệu USD, gồm vốn cấp mới 780 triệu USD (chiếm {p}), vốn điều chỉnh tăng 310 triệu USD và góp vốn, mua cổ phần 150 triệu USD."


def test_a_share_of_a_part_listed_with_capital_adjusted_upward(tmp_path):
    assert ("RT04", 8) in _found(tmp_path, REPORT.format(body=FDI.format(p="68,2%")))


def test_a_share_of_a_part_listed_with_capital_adjusted_upward_that_holds(tmp_path):
    assert _found(tmp_path, REPORT.format(body=FDI.format(p="62,9%"))) == []


def test_set_apart_by_a_year_is_no_part(tmp_path):
    body = "Số hộ cận nghèo giảm từ 12.400 hộ (9,80%) xuống 9.150 hộ (6,95%); riêng năm 2024 còn 10.320 hộ, chiếm 7,86%."
    assert _found(tmp_path, REPORT.format(body=body)) == []


RATIO_ROW = ("ĐẢNG BỘ TỈNH LÀO CAI\n\nBÁO CÁO\nKết quả công tác kiểm tra năm 2025 tỉnh Lào Cai\n\nI. KẾT QUẢ NĂM 2025\n\n"
             "Bảng 1. Kết quả thực hiện chỉ tiêu\n\nSTT\tChỉ tiêu\tĐơn vị tính\tMục tiêu\tThực hiện\tĐánh giá\n"
             "1\tSố đảng viên bị kỷ luật giảm so với năm trước\t%\t10\t12,5\tVượt\n")


def test_a_word_under_a_level_label_over_ratio_cells_is_not_judged_by_the_level(tmp_path):
    assert _found(tmp_path, RATIO_ROW) == []


RATE_TABLE = ("UBND TỈNH LÀO CAI\n\nBÁO CÁO\nKết quả đào tạo nghề giai đoạn 2021 - 2025 tỉnh Lào Cai\n\n"
              "I. KẾT QUẢ\n\nBảng 1. Lao động qua đào tạo theo năm\n\n"
              "Năm\tTổng số lao động (người)\tLao động qua đào tạo (người)\tTỷ lệ lao động qua đào tạo (%)\n"
              "2023\t412.300\t268.400\t65,10\n"
              "2024\t418.900\t281.500\t{r}\n")


def test_a_rate_column_named_after_its_count_column_recomputes(tmp_path):
    assert ("RT04", 12) in _found(tmp_path, RATE_TABLE.format(r="69,20"))


def test_a_rate_column_named_after_its_count_column_that_holds_passes(tmp_path):
    assert _found(tmp_path, RATE_TABLE.format(r="67,20")) == []


FARMS = ("Cuối năm 2025, số trang trại chăn nuôi đạt 412 trang trại. Trang trại chăn nuôi đạt tiêu chí an toàn "
         "sinh học cuối năm 2025 có 268 trang trại, chiếm {p} tổng số trang trại chăn nuôi.")
PROVINCE_REPORT = REPORT.replace("năm 2025\n", "năm 2025 tỉnh Lào Cai\n", 1)


def test_a_share_of_all_named_with_tong_finds_the_level_named_without(tmp_path):
    assert ("RT04", 8) in _found(tmp_path, PROVINCE_REPORT.format(body=FARMS.format(p="71,2%")))


def test_a_share_of_all_named_with_tong_that_holds_passes(tmp_path):
    assert _found(tmp_path, PROVINCE_REPORT.format(body=FARMS.format(p="65,0%"))) == []


def test_a_partition_with_a_dropped_word_closes_its_list(tmp_path):
    body = "Hoàn thành 9.785 căn nhà, trong đó xây mới 7.241 căn, sửa chữa 2.454 căn."
    assert ("PW02", 8) in _found(tmp_path, PROVINCE_REPORT.format(body=body))


def test_a_partition_with_a_dropped_word_that_adds_up_passes(tmp_path):
    body = "Hoàn thành 9.785 căn nhà, trong đó xây mới 7.241 căn, sửa chữa 2.544 căn."
    assert _found(tmp_path, PROVINCE_REPORT.format(body=body)) == []


def test_a_gom_list_after_the_totals_growth_and_a_semicolon(tmp_path):
    body = "- Sản lượng gỗ khai thác ước 412.650 m³, tăng 6,2% so với cùng kỳ; gồm gỗ rừng trồng 398.120 m³ và gỗ rừng tự nhiên 15.430 m³."
    assert ("PW02", 8) in _found(tmp_path, PROVINCE_REPORT.format(body=body))


def test_a_gom_list_after_the_totals_growth_that_adds_up_passes(tmp_path):
    body = "- Sản lượng gỗ khai thác ước 412.650 m³, tăng 6,2% so với cùng kỳ; gồm gỗ rừng trồng 397.220 m³ và gỗ rừng tự nhiên 15.430 m³."
    assert _found(tmp_path, PROVINCE_REPORT.format(body=body)) == []


CHANGE = "Số doanh nghiệp đang hoạt động tăng từ 4.210 doanh nghiệp lên 5.380 doanh nghiệp cuối năm 2025, tăng {d} doanh nghiệp."


def test_the_amount_after_a_change_from_to_recomputes(tmp_path):
    assert ("RT04", 8) in _found(tmp_path, PROVINCE_REPORT.format(body=CHANGE.format(d="1.710")))


def test_the_amount_after_a_change_from_to_that_holds_passes(tmp_path):
    assert _found(tmp_path, PROVINCE_REPORT.format(body=CHANGE.format(d="1.170"))) == []
