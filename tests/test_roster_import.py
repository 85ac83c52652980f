"""Roster import: realistic rosters of 150 people (xlsx with merged title rows, xls, csv
in GBK and UTF-8), bad rows reported by their sheet row number, nothing written on a
refused import, re-import updating instead of duplicating; the roster command."""

from __future__ import annotations

import random

import pytest

from bench.roster_synthetic import csv_bytes, people, spoil, write, xls_bytes, xlsx_bytes
from conftest import run_main
from planner.roster.columns import field_of_header, find_header, guess_mapping
from planner.roster.idcard import check_digit, id_problem, mask_id
from planner.roster.importer import clean_phone, preview_roster
from planner.roster.sources import RosterError, decode_text, read_sheet
from planner.store import PlanFile

# Header (and title rows) above the first person: xlsx has 2 title rows + header.
FIRST_ROW = {"xlsx": 4, "xls": 3, "csv": 2}


@pytest.fixture(scope="module")
def roster():
    rows = people(random.Random(2025), 150)
    bad = spoil(rows)
    return rows, bad


def expected_bad(bad: dict, fmt: str) -> dict[int, str]:
    return {index + FIRST_ROW[fmt]: kind for index, kind in bad.items()}


def roster_file(tmp_path, rows, fmt: str):
    data = {"xlsx": lambda: xlsx_bytes(rows), "xls": lambda: xls_bytes(rows), "csv": lambda: csv_bytes(rows, "gbk")}[fmt]()
    return write(tmp_path / f"名单.{fmt}", data)


def test_gb11643_check_digit_and_masking():
    assert check_digit("11010519491231002") == "X"
    assert id_problem("11010519491231002X") is None
    assert id_problem("11010519491231002x") is None  # lower-case x accepted
    assert "校验位" in id_problem("110105194912310021")[0]
    assert id_problem("1101051949123100") is not None  # too short
    assert "出生日期" in id_problem("110105194902300020")[0]  # 30 February
    assert mask_id("11010519491231002X") == "110***********002X"


def test_phone_numbers():
    assert clean_phone("138 1234 5678") == ("13812345678", None)
    assert clean_phone("+86 138-1234-5678") == ("13812345678", None)
    assert clean_phone("0731-88888888") == ("0731-88888888", None)  # a landline is accepted
    assert clean_phone("1381234567")[1] is not None
    assert clean_phone("1.38123E+10")[1] is not None  # a number Excel turned into floating point


def test_headers_recognised():
    assert field_of_header("手机号码（必填）") == "phone"
    assert field_of_header(" 姓　名 ") == "name"
    assert field_of_header("工作单位") == "unit"
    assert field_of_header("联系电话") == "phone"
    assert field_of_header("身份证号码") == "id_number"
    assert field_of_header("湖南县（市、区）党政正职推动县域经济高质量发展专题培训班学员名单") is None
    assert guess_mapping(("序号", "姓名", "性别", "单位", "职务")) == {1: "name", 2: "gender", 3: "unit", 4: "title"}


@pytest.mark.parametrize("fmt", ["xlsx", "xls", "csv"])
def test_realistic_roster_bad_rows_reported_by_number(tmp_path, sample, roster, fmt):
    rows, bad = roster
    path = roster_file(tmp_path, rows, fmt)
    preview = preview_roster(sample, path)
    assert preview.header_row == FIRST_ROW[fmt] - 1
    reported = {b.row: b for b in preview.bad}
    assert set(reported) == set(expected_bad(bad, fmt))
    words = {"name": "姓名", "phone": "手机", "gender": "性别", "duplicate": "同一人", "id": "校验位"}
    for row, kind in expected_bad(bad, fmt).items():
        assert words[kind] in reported[row].text_zh(), (row, reported[row])
    assert preview.count("new") == 145
    person = next(r for r in preview.good if r.row == FIRST_ROW[fmt])
    assert person.values["name"] == rows[0][1] and person.values["phone"] == rows[0][6]
    assert person.values["id_number"] == rows[0][7] and person.values["unit"] == rows[0][4]


def test_header_found_below_merged_title_rows(tmp_path, roster):
    rows, _ = roster
    sheet = read_sheet(roster_file(tmp_path, rows, "xlsx"))
    assert sheet.name == "学员名单" and sheet.sheets == ("学员名单", "说明")
    assert sheet.rows[0][0] == 1 and sheet.rows[0][1][0].startswith("湖南")
    assert sheet.rows[find_header(sheet)][0] == 3


def test_the_roster_sheet_is_found_after_a_note_sheet(tmp_path, sample, roster):
    from openpyxl import load_workbook

    rows, _ = roster
    path = roster_file(tmp_path, rows, "xlsx")
    book = load_workbook(path)
    book.move_sheet("说明", offset=-1)  # the note sheet comes first
    book.create_sheet("空白", 0)
    book.save(path)
    assert load_workbook(path).sheetnames == ["空白", "说明", "学员名单"]
    preview = preview_roster(sample, path)
    assert preview.sheet == "学员名单" and preview.count("new") == 145
    with pytest.raises(RosterError) as error:
        preview_roster(sample, path, sheet="说明")
    assert "表头" in error.value.message_zh


def test_gbk_and_utf8_csv_read_alike(tmp_path, sample, roster):
    rows, _ = roster
    gbk = preview_roster(sample, write(tmp_path / "gbk.csv", csv_bytes(rows, "gbk")))
    utf8 = preview_roster(sample, write(tmp_path / "utf8.csv", csv_bytes(rows, "utf-8")))
    bom = preview_roster(sample, write(tmp_path / "bom.csv", csv_bytes(rows, "utf-8-sig")))
    assert gbk.encoding == "GB18030" and utf8.encoding == "UTF-8" and bom.encoding == "UTF-8-BOM"
    assert [r.values for r in gbk.good] == [r.values for r in utf8.good] == [r.values for r in bom.good]
    assert decode_text("姓名".encode("utf-16"))[0] == "姓名"


def test_refused_import_writes_nothing_and_skip_bad_writes_all_good_rows(tmp_path, sample_path, roster):
    rows, bad = roster
    path = roster_file(tmp_path, rows, "xlsx")
    with PlanFile.open(sample_path) as plan_file:
        before = plan_file.load()
        preview = preview_roster(before, path)
        with pytest.raises(RosterError):
            preview.edit()
        assert plan_file.load() == before
        plan_file.apply(preview.edit(skip_bad=True))
        after = plan_file.load()
    assert len(after.participants) == len(before.participants) + 145
    names = {p.name for p in after.participants}
    assert rows[0][1] in names and rows[25][1] not in names  # row 25 had a bad mobile number


def test_reimport_updates_instead_of_duplicating(tmp_path, sample_path, roster):
    rows, _ = roster
    good = [r for i, r in enumerate(rows) if i not in (10, 25, 40, 60, 80)]
    with PlanFile.open(sample_path) as plan_file:
        plan_file.apply(preview_roster(plan_file.load(), write(tmp_path / "a.csv", csv_bytes(good))).edit())
        first = plan_file.load()
        changed = [list(r) for r in good]
        changed[3][6] = "13900000000"  # a new mobile number: matched by ID number
        changed[4][7] = ""  # no ID number this time: matched by name and unit
        changed[4][5] = "县委副书记"
        preview = preview_roster(first, write(tmp_path / "b.csv", csv_bytes(changed)))
        assert preview.count("new") == 0 and preview.count("update") == 2 and not preview.bad
        plan_file.apply(preview.edit())
        second = plan_file.load()
    assert len(second.participants) == len(first.participants)
    by_name = {p.name: p for p in second.participants}
    assert by_name[good[3][1]].phone == "13900000000"
    assert by_name[good[4][1]].title == "县委副书记" and by_name[good[4][1]].id_number == good[4][7]


def test_manual_mapping_and_header_row(tmp_path, sample):
    text = "编号,人员,通讯,单位\n1,张三,13812345678,某县\n2,李四,13912345678,某市\n"
    path = write(tmp_path / "odd.csv", text.encode("utf-8"))
    with pytest.raises(RosterError) as error:
        preview_roster(sample, path, mapping={})
    assert "姓名" in error.value.message_zh
    preview = preview_roster(sample, path, mapping={"人员": "name", "C": "phone"})
    assert [r.values["name"] for r in preview.good] == ["张三", "李四"]
    assert preview.good[0].values["phone"] == "13812345678" and preview.good[0].values["unit"] == "某县"


def test_an_id_number_excel_turned_into_a_number_is_explained(tmp_path, sample):
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["姓名", "性别", "身份证号"])
    book.active.append(["张三", "男", 430102198001011234])  # Excel keeps 15 significant digits
    book.save(tmp_path / "n.xlsx")
    preview = preview_roster(sample, tmp_path / "n.xlsx")
    assert preview.bad[0].row == 2 and "存成了数字" in preview.bad[0].text_zh()


def test_group_column_locks_people(tmp_path, sample):
    text = "姓名,性别,组别\n张三,男,第二组\n李四,女,3\n王五,男,第九组\n"
    preview = preview_roster(sample, write(tmp_path / "g.csv", text.encode("utf-8")))
    assert [r.values["group_id"] for r in preview.good] == [2, 3]
    assert all(r.values["locked"] for r in preview.good)
    assert preview.bad[0].row == 4 and "第九组" in preview.bad[0].text_zh()


def test_unreadable_files_are_refused_clearly(tmp_path, sample):
    with pytest.raises(RosterError) as error:
        preview_roster(sample, tmp_path / "missing.xlsx")
    assert "不存在" in error.value.message_zh and "does not exist" in error.value.message_en
    broken = write(tmp_path / "broken.xlsx", b"PK\x03\x04 not really a zip")
    with pytest.raises(RosterError):
        preview_roster(sample, broken)
    no_header = write(tmp_path / "x.csv", "a,b\n1,2\n".encode())
    with pytest.raises(RosterError) as error:
        preview_roster(sample, no_header)
    assert "表头" in error.value.message_zh


# --- the command --------------------------------------------------------------------


def test_command_refuses_bad_rows_then_skips_them(tmp_path, sample_path, roster):
    rows, bad = roster
    path = roster_file(tmp_path, rows, "csv")
    refused = run_main("roster", "import", sample_path, path)
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    for row in expected_bad(bad, "csv"):
        assert f"第 {row} 行" in refused.stdout
    assert "未写入" in refused.stderr and "Nothing was written" in refused.stderr
    with PlanFile.open(sample_path, readonly=True) as plan_file:
        assert len(plan_file.load().participants) == 90
    dry = run_main("roster", "import", sample_path, path, "--skip-bad", "--dry-run")
    assert dry.returncode == 0 and "dry run" in dry.stdout
    done = run_main("roster", "import", sample_path, path, "--skip-bad")
    assert done.returncode == 0, done.stderr
    with PlanFile.open(sample_path, readonly=True) as plan_file:
        assert len(plan_file.load().participants) == 90 + 145


def test_command_errors_are_bilingual_without_traceback(tmp_path, sample_path, roster):
    rows, _ = roster
    path = roster_file(tmp_path, rows, "xlsx")
    wrong_sheet = run_main("roster", "import", sample_path, path, "--sheet", "第二页")
    assert wrong_sheet.returncode == 1 and "Traceback" not in wrong_sheet.stderr
    assert "没有名为「第二页」的工作表" in wrong_sheet.stderr and "no sheet named" in wrong_sheet.stderr
    missing = run_main("roster", "import", sample_path, tmp_path / "none.csv")
    assert missing.returncode == 1 and "does not exist" in missing.stderr and "Traceback" not in missing.stderr
    bad_map = run_main("roster", "import", sample_path, path, "--column", "姓名=nonsense")
    assert bad_map.returncode == 1 and "Traceback" not in bad_map.stderr
