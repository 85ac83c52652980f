"""Rosters that fooled the import (issue 20): a stale <dimension>, a header below row 30
under a short title, an unterminated quote."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from openpyxl import Workbook

from bench.roster_synthetic import write
from conftest import run_main
from planner.roster.importer import preview_roster
from planner.roster.sources import RosterError
from planner.store import PlanFile


def participants(path) -> list:
    with PlanFile.open(path, readonly=True) as plan_file:
        return list(plan_file.load().participants)


def people(count: int) -> list[list[str]]:
    return [[f"学员{n:02d}", f"某县{n}", f"138{n:08d}"] for n in range(1, count + 1)]


def xlsx(rows: list[list], dimension: str | None = None) -> bytes:
    """A workbook of ``rows``; ``dimension`` rewrites the sheet's <dimension ref=…> (as a
    streaming writer that never updates it leaves it)."""
    book = Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    if dimension is None:
        return out.getvalue()
    edited = io.BytesIO()
    with zipfile.ZipFile(out) as source, zipfile.ZipFile(edited, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                content, count = re.subn(rb'<dimension ref="[^"]*"', f'<dimension ref="{dimension}"'.encode(), content)
                assert count == 1
            target.writestr(item, content)
    return edited.getvalue()


# --- a stale <dimension> ----------------------------------------------------------------


def test_every_row_is_read_when_the_dimension_says_fewer(tmp_path, sample):
    path = write(tmp_path / "stale.xlsx", xlsx([["姓名", "单位", "手机"], *people(30)], dimension="A1:C11"))
    preview = preview_roster(sample, path)
    assert preview.count("new") == 30 and not preview.bad
    assert preview.good[-1].name == "学员30" and preview.good[-1].row == 31


def test_the_command_imports_everyone_despite_a_stale_dimension(tmp_path, sample_path):
    path = write(tmp_path / "stale.xlsx", xlsx([["姓名", "单位", "手机"], *people(30)], dimension="A1:C11"))
    before = len(participants(sample_path))
    result = run_main("roster", "import", sample_path, path)
    assert result.returncode == 0, result.stderr
    assert "30 new" in result.stdout
    assert len(participants(sample_path)) == before + 30


# --- the header below row 30 -------------------------------------------------------------


def titled(title_rows: int) -> list[list]:
    """A short title (学员名单), then ``title_rows`` - 1 rows of notes, then the table."""
    rows = [["学员名单"]] + [[f"说明第 {n} 条：请如实填写，本表仅供培训班内部使用。"] for n in range(1, title_rows)]
    return rows + [["序号", "姓名", "单位", "手机"]] + [[n, *person] for n, person in enumerate(people(3), 1)]


def test_a_header_below_row_30_under_a_short_title_is_found(tmp_path, sample):
    path = write(tmp_path / "long-title.xlsx", xlsx(titled(34)))
    preview = preview_roster(sample, path)
    assert preview.header_row == 35
    assert [row.name for row in preview.good] == ["学员01", "学员02", "学员03"] and not preview.bad


def test_the_command_imports_only_the_people_under_a_deep_header(tmp_path, sample_path):
    path = write(tmp_path / "long-title.xlsx", xlsx(titled(34)))
    before = participants(sample_path)
    result = run_main("roster", "import", sample_path, path)
    assert result.returncode == 0, result.stderr
    assert "表头在第 35 行" in result.stdout and "3 new" in result.stdout
    added = participants(sample_path)[len(before):]
    assert [p.name for p in added] == ["学员01", "学员02", "学员03"]


def test_a_short_title_alone_is_no_header(tmp_path, sample):
    rows = [["学员名单"], ["第一期"], ["某某", "某县"], ["某某某", "某市"]]
    with pytest.raises(RosterError) as error:
        preview_roster(sample, write(tmp_path / "no-header.xlsx", xlsx(rows)))
    assert "找不到表头" in error.value.message_zh and "no header row" in error.value.message_en


def test_a_list_of_names_under_its_own_header_still_imports(tmp_path, sample):
    rows = [["学员名单"], ["姓名"], ["王伟"], ["李娜"]]
    preview = preview_roster(sample, write(tmp_path / "names.xlsx", xlsx(rows)))
    assert preview.header_row == 2 and [r.name for r in preview.good] == ["王伟", "李娜"]


# --- an unterminated quote -----------------------------------------------------------------


def test_a_csv_with_a_quote_never_closed_is_refused(tmp_path, sample, sample_path):
    text = '姓名,单位,手机\n张三,某县,13812345678\n"李四,某市,13912345678\n王五,某区,13712345678\n'
    path = write(tmp_path / "quote.csv", text.encode("utf-8"))
    with pytest.raises(RosterError) as error:
        preview_roster(sample, path)
    assert "第 3 行" in error.value.message_zh and "line 3" in error.value.message_en
    assert "never closed" in error.value.message_en
    before = participants(sample_path)
    result = run_main("roster", "import", sample_path, path)
    assert result.returncode == 1 and "never closed" in result.stderr and "Traceback" not in result.stderr
    assert participants(sample_path) == before


def test_quotes_as_office_software_writes_them_still_read(tmp_path, sample):
    text = '姓名,单位,备注\n"张三","某县,财政局","第一行\n第二行"\n"李四" ,某市,"说""明"""\n'
    preview = preview_roster(sample, write(tmp_path / "ok.csv", text.encode("utf-8")))
    assert [(r.name, r.values["unit"]) for r in preview.good] == [("张三", "某县,财政局"), ("李四", "某市")]
