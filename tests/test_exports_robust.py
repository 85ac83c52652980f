"""Exports never crash or write broken files on text with control characters that
reached a plan some other way (an old file, a hand edit, an import before cleaning)."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from dataclasses import replace

import openpyxl
import pytest
from docx import Document

from planner.documents import Documents
from planner.documents.calendar import ics_bytes
from planner.documents.docx import docx_bytes
from planner.documents.routes import gpx_bytes, kml_bytes
from planner.documents.tables import tables_for
from planner.documents.xlsx import xlsx_bytes

CONTROL = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@pytest.fixture(scope="module")
def dirty(sample):
    """The sample plan with a control character in every kind of text the exports print."""
    plan = replace(
        sample,
        programme=replace(sample.programme, title="考察\x00方案"),
        groups=tuple(replace(g, name=f"{g.name}\x0b", leader=f"{g.leader}\x1f") for g in sample.groups),
        sites=tuple(replace(s, name=f"{s.name}\x08", address=f"{s.address}\x0c") for s in sample.sites),
        participants=tuple(replace(p, name=f"{p.name[:1]}\b{p.name[1:]}", unit=f"{p.unit}\x7f",
                                   note="备\x01注") for p in sample.participants),

    )
    return Documents(plan)


@pytest.mark.parametrize("document", ["overview", "group", "roster", "contacts", "rooming", "bus", "booklet"])
def test_xlsx_and_docx_leave_control_characters_out(dirty, document):
    tables = tables_for(dirty, document)
    book = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(tables)))
    texts = [str(c.value) for sheet in book for row in sheet.iter_rows() for c in row if c.value is not None]
    texts += book.sheetnames
    assert "考察方案" in "".join(texts)
    assert not any(CONTROL.search(t.encode()) for t in texts)
    word = Document(io.BytesIO(docx_bytes(tables, dirty.title)))
    words = [p.text for p in word.paragraphs] + [c.text for t in word.tables for r in t.rows for c in r.cells]
    assert "考察方案" in "".join(words) and word.core_properties.title == "考察方案"
    assert not any(CONTROL.search(t.encode()) for t in words)


def test_xlsx_and_docx_keep_line_breaks(dirty):
    tables = tables_for(dirty, "overview")
    assert any("\n" in value for row in tables[0].rows for value in row)
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(tables))).active
    assert any("\n" in str(c.value) for row in sheet.iter_rows() for c in row if c.value)


@pytest.mark.parametrize("export", [kml_bytes, gpx_bytes])
def test_kml_and_gpx_are_well_formed(dirty, export):
    data = export(dirty)
    assert not CONTROL.search(data)
    names = [e.text for e in ET.fromstring(data).iter() if e.tag.endswith("}name")]
    assert "考察方案" in names


def test_ics_leaves_control_characters_out(dirty):
    data = ics_bytes(dirty)
    assert not CONTROL.search(data)
    assert "X-WR-CALNAME:考察方案" in data.decode()


def test_word_merges_do_not_lay_out_the_whole_table_each_time(sample, monkeypatch):
    """Table.cell() lays out every cell of the table on each call; merging a rooming list
    through it took over a second per group (4 s for the sample's, on the UI thread)."""
    import docx.table

    calls = []
    layout = docx.table.Table._cells
    monkeypatch.setattr(docx.table.Table, "_cells", property(lambda self: calls.append(1) or layout.fget(self)))
    tables = tables_for(Documents(sample), "rooming")
    assert any(table.merges() for table in tables)
    docx_bytes(tables, "住宿")
    assert len(calls) <= len(tables)
