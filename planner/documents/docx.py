"""Word documents: the tables as an editable document.

A4 (landscape or portrait per table), 仿宋 body and 方正小标宋 titles (Word substitutes
when they are not installed), the header row repeating on every page, rows that do not
split across pages, date and lodging cells merged over each day, "— 1 —" page numbers.
"""

from __future__ import annotations

import io

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from planner.documents.output import nothing_to_export
from planner.documents.table import Table
from planner.text import clean_text

BODY_FONT = "仿宋_GB2312"
TITLE_FONT = "方正小标宋简体"
HEADER_FONT = "黑体"


def _set_font(run_or_style, name: str, size: float | None = None, bold: bool | None = None) -> None:
    font = run_or_style.font
    font.name = name
    if size is not None:
        font.size = Pt(size)
    if bold is not None:
        font.bold = bold
    element = run_or_style.element if hasattr(run_or_style, "element") else run_or_style._element
    rpr = element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    fonts.set(qn("w:eastAsia"), name)


def _run(paragraph, text: str, font: str, size: float, bold: bool | None = None) -> None:
    """Every text goes into the document here: python-docx refuses a control character
    from an old plan or a hand edit ("All strings must be XML compatible")."""
    _set_font(paragraph.add_run(clean_text(text, multiline=True)), font, size, bold)


def _flag(row, tag: str) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    element = OxmlElement(tag)
    element.set(qn("w:val"), "true")
    tr_pr.append(element)


def add_field(run, instruction: str, end: bool = True) -> None:
    """A Word field (PAGE, TOC…) in ``run``: Word computes its value when it shows the
    page. Without ``end``, the field's current text follows in later runs of the
    paragraph, and the caller closes it with ``end_field``."""
    for kind, text in (("begin", None), (None, instruction), ("separate" if not end else "end", None)):
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        else:
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)


def end_field(run) -> None:
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), "end")
    run._r.append(char)


def _page_number_footer(section) -> None:
    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run("— ")
    add_field(paragraph.add_run(), "PAGE")
    paragraph.add_run(" —")
    for run in paragraph.runs:
        _set_font(run, "宋体", 14)


def _lay_out(section, landscape: bool) -> None:
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (Mm(297), Mm(210)) if landscape else (Mm(210), Mm(297))
    if landscape:
        section.top_margin = section.bottom_margin = Mm(20)
        section.left_margin = section.right_margin = Mm(18)
    else:  # GB/T 9704-2012
        section.top_margin, section.bottom_margin = Mm(37), Mm(35)
        section.left_margin, section.right_margin = Mm(28), Mm(26)


def _merge_down(cells) -> None:
    """Merge one column's cells vertically, keeping the first cell's value (the others
    hold the same one). Written as Word stores it — the first cell restarts a vertical
    merge, each cell below continues it and is left empty — because python-docx's
    ``merge`` recurses once per row and raises RecursionError past about 1,000 rows
    (a day of 1,100 sessions)."""
    cells[0]._tc.vMerge = "restart"
    for cell in cells[1:]:
        tc = cell._tc
        tc.clear_content()
        tc.append(OxmlElement("w:p"))
        tc.vMerge = "continue"


def write_table(document, table: Table, first: bool) -> None:
    section = document.sections[-1] if first else document.add_section(WD_SECTION.NEW_PAGE)
    _lay_out(section, table.landscape)
    if first:
        _page_number_footer(section)
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(title, table.title, TITLE_FONT, 18)
    if table.subtitle:
        subtitle = document.add_paragraph()
        _run(subtitle, table.subtitle, BODY_FONT, 11)

    grid = document.add_table(rows=1 + len(table.rows), cols=len(table.columns))
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    usable = section.page_width - section.left_margin - section.right_margin
    total = sum(table.widths)
    widths = [int(usable * w / total) for w in table.widths]
    rows = list(grid.rows)  # once: grid.rows[i] walks every row of the table (a 1,500-row day took 4 s)
    header = rows[0]
    _flag(header, "w:tblHeader")
    for cell, heading, width in zip(header.cells, table.columns, widths):
        cell.width = width
        paragraph = cell.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _run(paragraph, heading, HEADER_FONT, 10.5, bold=True)
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    # Each body row's cells, taken once: grid.cell() lays out the whole table on every
    # call, which made a 30-row rooming list take a second and a half to merge.
    body = []
    for r, values in enumerate(table.rows):
        row = rows[r + 1]
        _flag(row, "w:cantSplit")
        body.append(row.cells)
        for c, (cell, value, width) in enumerate(zip(body[-1], values, widths)):
            cell.width = width
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            paragraph = cell.paragraphs[0]
            if c == 0:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            elif c in table.numbers:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            _run(paragraph, value, BODY_FONT, 10.5, bold=True if r in table.strong else None)
    for r in table.across:  # one cell spread over every group's column
        cells = body[r]
        if len(cells) > 2:
            merged = cells[1].merge(cells[-1])
            for paragraph in merged.paragraphs[1:]:
                paragraph._p.getparent().remove(paragraph._p)
            merged.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
            for run in merged.paragraphs[0].runs[1:]:
                run._r.getparent().remove(run._r)
    for column, first_row, last_row in table.merges():
        if column > 0 and any(first_row <= r <= last_row for r in table.across):
            continue
        # vertical merges keep every row's cells in place, and the across merges above
        # only remove cells in columns after the first, which these skip
        _merge_down([body[r][column] for r in range(first_row, last_row + 1)])
    for line in table.footer:  # notes and the signatures line
        _run(document.add_paragraph(), line, BODY_FONT, 11)


def docx_bytes(tables: list[Table], title: str = "") -> bytes:
    if not tables:  # a blank document, as the Excel export (which cannot make one) says
        raise nothing_to_export("没有表格", "no tables")
    document = Document()
    normal = document.styles["Normal"]
    _set_font(normal, BODY_FONT, 10.5)
    document.core_properties.title = clean_text(title or tables[0].title)
    for index, table in enumerate(tables):
        write_table(document, table, first=index == 0)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def read_tables(data: bytes) -> list[list[list[str]]]:
    """Each table's body rows as text, merged cells read as their value: a cell that
    continues a vertical merge as the cell above it, one spanning columns once per column
    (python-docx's ``row.cells`` does the same by recursion, too deep for long tables)."""
    document = Document(io.BytesIO(data))
    tables = []
    for table in document.tables:
        rows, above = [], {}
        for tr in table._tbl.tr_lst:
            row, column = [], 0
            for tc in tr.tc_lst:
                text = "\n".join("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in tc.iter(qn("w:p")))
                if tc.vMerge == "continue":
                    text = above.get(column, "")
                for _ in range(tc.grid_span):
                    above[column] = text
                    row.append(text)
                    column += 1
            rows.append(row)
        tables.append(rows[1:])
    return tables
