"""Table rows whose label names a unit below or beside the report's province (a commune, a
district, an industrial zone, a hospital, a school, a department, another province, the
nation or a region): each row's figures are that unit's, never the province's own figure
nor one another's; they still add up to the table's total row.  Drafts in our own words,
several genres and provinces; figures invented."""

from __future__ import annotations

from tests.conftest import alarms, run_text


def _fact(facts, line, text):
    row = facts[(facts["line"] == line) & (facts["text"] == text)]
    assert len(row) == 1, (line, text, facts[["line", "text"]])
    return row.iloc[0]


COMMUNE_BUDGET = (
    "# Nghị quyết về thu ngân sách năm 2025 của tỉnh Nghệ An\n\n"
    "Năm 2025, thu ngân sách nhà nước trên địa bàn tỉnh đạt 2.400.000 triệu đồng.\n\n"
    "Phụ lục 2. Thu ngân sách của các xã, phường năm 2025\n\n"
    "Đơn vị: triệu đồng\n\n"
    "| STT | Tên đơn vị | Thu ngân sách (triệu đồng) |\n|---|---|---|\n"
    "|  | Tổng cộng | {total} |\n"
    "| 1 | Phường Trường Vinh | 1.150.000 |\n"
    "| 2 | Phường Vinh Hưng | 730.000 |\n"
    "| 3 | Xã Nghi Lộc | 310.000 |\n"
    "| 4 | Xã Diễn Châu | 210.000 |\n")


def test_commune_rows_are_no_one_fact_with_the_province(tmp_path):
    facts, findings, _ = run_text(tmp_path, COMMUNE_BUDGET.format(total="2.400.000"))
    assert not alarms(findings)
    assert _fact(facts, 12, "1.150.000")["scope"].startswith("place_")
    # (`Tổng cộng` over communes is their sum, which need not be all of the province's)
    assert _fact(facts, 11, "2.400.000")["scope"].startswith("units_total")


def test_commune_rows_still_add_up_to_their_total(tmp_path):
    _, findings, _ = run_text(tmp_path, COMMUNE_BUDGET.format(total="2.450.000"))
    assert [f.rule for f in alarms(findings)] == ["PW03"]
    # `Toàn tỉnh` says the total row is the province's: it restates the province's figure
    text = COMMUNE_BUDGET.replace("Tổng cộng", "Toàn tỉnh")
    _, findings, _ = run_text(tmp_path, text.format(total="2.400.000"))
    assert not alarms(findings)
    _, findings, _ = run_text(tmp_path, text.format(total="2.450.000"))
    assert sorted(f.rule for f in alarms(findings)) == ["PW03", "SV01"]


def test_the_sum_of_districts_is_not_the_province_total(tmp_path):
    # a district-by-district table leaves out the province's own spending: its `Cộng` is less
    text = ("BÁO CÁO QUYẾT TOÁN NGÂN SÁCH ĐỊA PHƯƠNG NĂM 2024 CỦA TỈNH TUYÊN QUANG\n\n"
            "Tổng chi ngân sách địa phương năm 2024 là 14.300 tỷ đồng.\n\n"
            "Biểu số 05. Chi ngân sách theo huyện năm 2024\nĐơn vị: tỷ đồng\n\n"
            "STT\tHuyện, thành phố\tChi ngân sách địa phương (tỷ đồng)\n"
            "1\tNa Hang\t1.210,5\n2\tLâm Bình\t980,2\n3\tChiêm Hóa\t1.640,8\n\tCộng\t{total}\n")
    _, findings, _ = run_text(tmp_path, text.format(total="3.831,5"), name="draft.txt")
    assert not alarms(findings)
    _, findings, _ = run_text(tmp_path, text.format(total="3.931,5"), name="draft.txt")
    assert [f.rule for f in alarms(findings)] == ["PW03"]


def test_a_column_headed_by_units_gives_its_rows_as_units(tmp_path):
    # `Đơn vị` right after the numbers, values after it: the names of units, not of measures
    text = ("# Báo cáo dân số và giảm nghèo năm 2025 của tỉnh Thanh Hóa\n\n"
            "Dân số trung bình toàn tỉnh năm 2025 ước đạt 3.760 nghìn người; tỷ lệ hộ nghèo còn 2,1%.\n\n"
            "Biểu 4. Dân số và hộ nghèo theo đơn vị hành chính\n\n"
            "| TT | Đơn vị | Dân số trung bình (nghìn người) | Tỷ lệ hộ nghèo (%) |\n|---|---|---|---|\n"
            "| 1 | Phường Hạc Thành | 402,3 | 0,4 |\n| 2 | Phường Sầm Sơn | 155,0 | 0,9 |\n"
            "| 3 | Xã Mường Lát | 41,2 | 21,5 |\n| 4 | Xã Quan Sơn | 38,7 | 18,2 |\n")
    facts, findings, _ = run_text(tmp_path, text)
    assert not alarms(findings)
    cell = _fact(facts, 9, "402,3")
    assert cell["indicator"] == "population" and cell["scope"] == "place_phuong_hac_thanh_9"


def test_nation_and_region_rows_are_not_the_province(tmp_path):
    text = ("# Báo cáo kinh tế - xã hội năm 2025 của tỉnh Quảng Ninh\n\n"
            "Năm 2025, tốc độ tăng trưởng GRDP của tỉnh đạt 11,2%.\n\n"
            "Phụ lục 5. Tốc độ tăng GRDP năm 2025 của một số địa phương\n\n"
            "| STT | Tỉnh, thành phố | Tốc độ tăng GRDP (%) |\n|---|---|---|\n"
            "|  | Cả nước | 8,0 |\n|  | Đồng bằng sông Hồng | 9,1 |\n"
            "| 1 | Hải Phòng | 11,8 |\n| 2 | Quảng Ninh | {own} |\n| 3 | Bắc Ninh | 10,9 |\n")
    facts, findings, _ = run_text(tmp_path, text.format(own="11,2"))
    assert not alarms(findings)
    assert _fact(facts, 9, "8,0")["entity"] != "quang_ninh"
    # the province's own row is still its figure: a slip there is caught
    _, findings, _ = run_text(tmp_path, text.format(own="12,2"))
    assert [f.rule for f in alarms(findings)] == ["SV01"]


def test_party_committees_hospitals_and_zones(tmp_path):
    text = ("# Báo cáo chính trị của Ban Chấp hành Đảng bộ tỉnh Gia Lai nhiệm kỳ 2020 - 2025\n\n"
            "Năm 2025, tỷ lệ hộ nghèo của tỉnh còn 3,2%.\n\n"
            "Phụ lục 1. Tỷ lệ hộ nghèo năm 2025 theo đảng bộ cơ sở\n\n"
            "| STT | Đảng bộ | Tỷ lệ hộ nghèo (%) |\n|---|---|---|\n"
            "| 1 | Đảng bộ phường Pleiku | 0,6 |\n| 2 | Đảng bộ xã Kbang | 9,4 |\n"
            "| 3 | Đảng bộ xã Chư Prông | 7,8 |\n\n"
            "Phụ lục 2. Tỷ lệ hộ nghèo tại các khu kinh tế năm 2025\n\n"
            "| STT | Nội dung | Tỷ lệ hộ nghèo (%) |\n|---|---|---|\n"
            "| 1 | Khu kinh tế cửa khẩu Lệ Thanh | 4,1 |\n| 2 | Khu kinh tế Nhơn Hội | 1,2 |\n")
    facts, findings, _ = run_text(tmp_path, text)
    assert not alarms(findings)


def test_an_indicator_row_and_former_provinces_keep_their_reading(tmp_path):
    # `Xã đạt chuẩn …` names a measure, not a commune; `Tỉnh Vĩnh Phúc (cũ)` is a former province
    text = ("# Báo cáo kết quả xây dựng nông thôn mới năm 2025 của tỉnh Phú Thọ\n\n"
            "Năm 2025, tỷ lệ xã đạt chuẩn nông thôn mới của tỉnh đạt 82,0%.\n\n"
            "Bảng 1. Một số chỉ tiêu năm 2025\n\n"
            "| STT | Chỉ tiêu | Đơn vị tính | Thực hiện |\n|---|---|---|---|\n"
            "| 1 | Tỷ lệ xã đạt chuẩn nông thôn mới | % | 85,0 |\n\n"
            "Bảng 2. Dân số năm 2025 theo địa bàn trước hợp nhất\n\n"
            "| STT | Đơn vị | Dân số trung bình (nghìn người) |\n|---|---|---|\n"
            "| 1 | Tỉnh Phú Thọ (cũ) | 1.530,0 |\n| 2 | Tỉnh Vĩnh Phúc (cũ) | 1.240,0 |\n"
            "| 3 | Tỉnh Hòa Bình (cũ) | 880,0 |\n")
    facts, findings, _ = run_text(tmp_path, text)
    assert [f.rule for f in alarms(findings)] == ["SV01"]
    assert _fact(facts, 16, "1.240,0")["entity"] == "vinh_phuc"
    assert _fact(facts, 16, "1.240,0")["scope"] == ""


def _national_table(provinces, total: int) -> str:
    rows = "".join(f"| {i + 1} | {name} | {100 + 3 * i} |\n" for i, name in enumerate(provinces))
    return ("# Báo cáo tình hình đầu tư năm 2025 của tỉnh Khánh Hòa\n\n"
            "Phụ lục 3. Số dự án được cấp phép năm 2025 phân theo địa phương\n\n"
            "| STT | Tỉnh, thành phố | Số dự án (dự án) |\n|---|---|---|\n"
            f"|  | Cả nước | {total} |\n" + rows)


def test_a_country_total_is_not_summed_from_its_provinces(tmp_path):
    """A country's total may hold what no province does (revenue collected centrally): even
    with every province listed under it, the rows are not checked against it."""
    from checker.catalog import load_catalog

    cat = load_catalog()
    # (a city by its `TP.` name: `Hồ Chí Minh` alone is a person's name too)
    names = [next((a for a in e.aliases if a.startswith("TP. ")), e.name) for e in cat.entities.values()
             if e.level == "province"]
    right = sum(100 + 3 * i for i in range(len(names)))
    facts, findings, _ = run_text(tmp_path, _national_table(names, right + 40))
    assert not alarms(findings)
    assert _fact(facts, 7, str(right + 40))["entity"] != "khanh_hoa"


def test_one_name_in_two_tables_is_not_taken_for_one_fact(tmp_path):
    # two communes of one name under two districts (or one measure at two dates): left apart
    text = ("# Báo cáo dân số năm 2024 của tỉnh Bắc Giang\n\n"
            "Bảng 1. Dân số huyện Lục Nam\n\n| STT | Xã | Dân số (người) |\n|---|---|---|\n"
            "| 1 | Xã Tân Lập | 9.120 |\n| 2 | Xã Bảo Đài | 8.300 |\n\n"
            "Bảng 2. Dân số huyện Lục Ngạn\n\n| STT | Xã | Dân số (người) |\n|---|---|---|\n"
            "| 1 | Xã Tân Lập | 6.450 |\n| 2 | Xã Kiên Lao | 7.010 |\n")
    _, findings, _ = run_text(tmp_path, text)
    assert not alarms(findings)


def test_headings_that_list_kinds_of_unit():
    from checker.catalog import load_catalog
    from checker.resolve.subjects import subject_column

    cat = load_catalog()
    assert all(subject_column(cat, h) for h in ("Xã, phường", "Tên đơn vị", "Huyện/thị xã/thành phố",
                                                "Đơn vị hành chính cấp xã", "Xã và phường", "Tỉnh, thành phố"))
    assert not any(subject_column(cat, h) for h in ("Đơn vị tính", "Chỉ tiêu", "Cây trồng / khu vực",
                                                    "Chương trình / địa bàn", "Tổng số", ""))


def test_areas_and_sectors_under_a_heading_of_areas(tmp_path):
    # rows of places under `Khu vực` are the places'; rows naming a sector or `Thành thị` keep it
    text = ("# Báo cáo tình hình kinh tế - xã hội năm 2025 của tỉnh Tây Ninh\n\n"
            "Năm 2025, dân số trung bình của tỉnh ước 3.280 nghìn người, trong đó thành thị 1.020 nghìn người.\n\n"
            "Bảng 3. Dân số trung bình năm 2025 theo khu vực\n\n"
            "| STT | Khu vực | Dân số trung bình (nghìn người) |\n|---|---|---|\n"
            "| 1 | Thành thị | {urban} |\n| 2 | Phường Long An | 320,4 |\n| 3 | Khu kinh tế cửa khẩu Mộc Bài | 41,0 |\n")
    facts, findings, _ = run_text(tmp_path, text.format(urban="1.020,0"))
    assert not alarms(findings)
    assert _fact(facts, 10, "320,4")["scope"].startswith("place_")
    _, findings, _ = run_text(tmp_path, text.format(urban="1.120,0"))
    assert [f.rule for f in alarms(findings)] == ["SV01"]


def test_a_province_row_under_its_districts_holds_them(tmp_path):
    # the city named last, unnumbered, under its numbered districts: their total, not a part
    # of the last district (which made PW03 say 980 should be 3.800)
    text = ("# Báo cáo thu hút đầu tư 9 tháng năm 2025 của thành phố Hà Nội\n\n"
            "Phụ lục. Vốn FDI đăng ký theo quận, huyện\n\n"
            "| TT | Quận/huyện | Vốn đăng ký (triệu USD) |\n|---|---|---|\n"
            "| 1 | Quận Hoàn Kiếm | 410 |\n| 2 | Quận Cầu Giấy | 1.250 |\n| 3 | Huyện Đông Anh | 980 |\n"
            "|  | Thành phố Hà Nội | {total} |\n")
    _, findings, _ = run_text(tmp_path, text.format(total="2.640"))
    assert not alarms(findings)
    _, findings, _ = run_text(tmp_path, text.format(total="2.740"))
    assert [f.rule for f in alarms(findings)] == ["PW03"]
    assert "2.740" in alarms(findings)[0].message
