"""Roster import on awkward input: control characters in cells, column numbers and
header rows outside the sheet, damaged files. Each is a clear bilingual refusal (or
clean text), never a traceback, and nothing is written."""

from __future__ import annotations

import io
import zipfile

import pytest
from openpyxl import Workbook

from bench.roster_synthetic import write
from conftest import run_main
from planner.roster.importer import preview_roster
from planner.roster.sources import RosterError, read_sheet
from planner.store import PlanFile

ROSTER = "姓名,单位,手机\n张三,某县,13812345678\n李四,某市,13912345678\n"


def participants(path) -> int:
    with PlanFile.open(path, readonly=True) as plan_file:
        return len(plan_file.load().participants)


def test_control_characters_are_cleaned_from_every_cell(tmp_path, sample):
    text = '姓\x0b名,单位,备注\n李\b四,某\x00县\t财政局,"第一行\r\n第二\x07行"\n'
    preview = preview_roster(sample, write(tmp_path / "c.csv", text.encode("utf-8")))
    assert not preview.bad
    (row,) = preview.good
    assert row.values["name"] == "李四" and row.values["unit"] == "某县 财政局"
    assert row.values["note"] == "第一行 第二行"  # no field keeps line breaks
    # .xls keeps control characters (xlsx cannot hold them: XML refuses them)
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("Sheet1")
    for column, (head, value) in enumerate([("姓名", "王\x01五"), ("单位", "某\x7f市")]):
        sheet.write(0, column, head)
        sheet.write(1, column, value)
    book.save(str(tmp_path / "c.xls"))
    (row,) = preview_roster(sample, tmp_path / "c.xls").good
    assert row.values["name"] == "王五" and row.values["unit"] == "某市"


def test_the_command_stores_names_without_control_characters(tmp_path, sample_path):
    roster = write(tmp_path / "r.csv", "姓名,单位\n李\b四,y\n".encode("utf-8"))
    assert run_main("roster", "import", sample_path, roster).returncode == 0
    with PlanFile.open(sample_path, readonly=True) as plan_file:
        assert "李四" in [p.name for p in plan_file.load().participants]


@pytest.mark.parametrize("column", ["0", "4", "99999", "D", "Z"])
def test_a_column_outside_the_sheet_is_refused(tmp_path, sample, column):
    path = write(tmp_path / "r.csv", ROSTER.encode("utf-8"))
    with pytest.raises(RosterError) as error:
        preview_roster(sample, path, mapping={column: "phone"})
    assert column in error.value.message_zh and "3" in error.value.message_zh
    assert "3 columns" in error.value.message_en


def test_column_numbers_and_letters_inside_the_sheet_still_work(tmp_path, sample):
    path = write(tmp_path / "r.csv", ROSTER.encode("utf-8"))
    preview = preview_roster(sample, path, mapping={"3": "phone", "B": "title", 0: "name"})
    assert preview.good[0].values["phone"] == "13812345678" and preview.good[0].values["title"] == "某县"
    with pytest.raises(RosterError):
        preview_roster(sample, path, mapping={"²": "phone"})  # a digit int() cannot read


@pytest.mark.parametrize("row", [0, -1])
def test_header_rows_start_at_one(tmp_path, sample, row):
    path = write(tmp_path / "r.csv", ROSTER.encode("utf-8"))
    with pytest.raises(RosterError) as error:
        preview_roster(sample, path, header_row=row)
    assert "从 1 开始" in error.value.message_zh and "start at 1" in error.value.message_en


def test_the_command_refuses_bad_columns_and_header_rows_and_writes_nothing(tmp_path, sample_path):
    path = write(tmp_path / "r.csv", ROSTER.encode("utf-8"))
    before = participants(sample_path)
    for args in (["--column", "99999=phone"], ["--column", "0=unit"], ["--header-row", "0"],
                 ["--header-row", "-1"]):
        result = run_main("roster", "import", sample_path, path, *args)
        assert result.returncode == 1, args
        assert "Traceback" not in result.stderr and result.stderr.strip(), args
    assert participants(sample_path) == before


def test_utf16_with_an_odd_number_of_bytes_is_refused(tmp_path):
    data = b"\xff\xfe" + "姓名,单位\n张三,x\n".encode("utf-16-le") + b"a"
    with pytest.raises(RosterError) as error:
        read_sheet(write(tmp_path / "u.csv", data))
    assert "UTF-16" in error.value.message_zh and "UTF-16" in error.value.message_en


def test_an_xlsx_with_a_cut_sheet_is_refused(tmp_path, sample_path):
    book = Workbook()
    book.active.append(["姓名", "单位"])
    for n in range(200):
        book.active.append([f"学员{n}", "某县"])
    whole = io.BytesIO()
    book.save(whole)
    cut = io.BytesIO()
    with zipfile.ZipFile(whole) as source, zipfile.ZipFile(cut, "w") as target:
        for item in source.infolist():
            content = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                content = content[: len(content) // 2]
            target.writestr(item, content)
    path = write(tmp_path / "cut.xlsx", cut.getvalue())
    with pytest.raises(RosterError) as error:
        read_sheet(path)
    assert "cut.xlsx" in error.value.message_zh and "not a valid Excel file" in error.value.message_en
    before = participants(sample_path)
    result = run_main("roster", "import", sample_path, path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert participants(sample_path) == before
