"""Excel workbooks: one sheet per table, as organisers lay them out.

Title and subtitle rows above the header; date (and lodging) cells merged over each
day; wrapped text, thin borders, fixed column widths; the header row repeats on every
printed page; A4, landscape (or portrait), fitted to the page width, "— 1 —" footer.
"""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from planner.documents.output import nothing_to_export
from planner.documents.table import Table
from planner.text import clean_text

BODY_FONT = "宋体"
TITLE_FONT = "方正小标宋简体"
HEADER_FONT = "黑体"
HEADER_ROW = 3  # title, subtitle, then the column headings
THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
INVALID_SHEET_CHARS = str.maketrans({c: "_" for c in "[]:*?/\\"})


def sheet_name(name: str, taken: set[str]) -> str:
    base = clean_text(name).translate(INVALID_SHEET_CHARS)[:31] or "Sheet"
    candidate, n = base, 2
    while candidate in taken:
        suffix = f"({n})"
        candidate, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(candidate)
    return candidate


# What makes a spreadsheet read a typed cell as a formula (OWASP, "CSV Injection"):
# = + - @, a tab or a carriage return first; the full-width forms an IME types too.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


def text_cell(sheet: Worksheet, row: int, column: int, text: str):
    """Every text goes into a workbook here, and only as text.

    Control characters are left out (openpyxl refuses the whole export for one:
    IllegalCharacterError). The cell is always a string cell: openpyxl would store a
    text starting with "=" as a live formula, so a name like "=HYPERLINK(…)" from a
    roster or an imported plan would run in the organiser's Excel. A text starting with
    a formula character is also marked as typed with a leading apostrophe (the cell's
    quotePrefix, OWASP's advice in the form Excel itself stores it): it shows and prints
    exactly as written, and stays text when someone edits the cell later."""
    text = clean_text(text, multiline=True)
    cell = sheet.cell(row, column)
    cell.value = text
    cell.data_type = "s"
    if text.startswith(FORMULA_STARTS):
        cell.quotePrefix = True
    return cell



def write_table(sheet: Worksheet, table: Table) -> None:
    columns = len(table.columns)
    last_letter = get_column_letter(columns)
    title = text_cell(sheet, 1, 1, table.title)
    title.font = Font(name=TITLE_FONT, size=16, bold=True)
    title.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    sheet.merge_cells(f"A1:{last_letter}1")
    sheet.row_dimensions[1].height = 32
    subtitle = text_cell(sheet, 2, 1, table.subtitle)
    subtitle.font = Font(name=BODY_FONT, size=10)
    subtitle.alignment = Alignment(horizontal="left", vertical="center", wrap_text=True)
    sheet.merge_cells(f"A2:{last_letter}2")
    sheet.row_dimensions[2].height = 30

    header_fill = PatternFill("solid", fgColor="E7E6E6")
    for col, heading in enumerate(table.columns, 1):
        cell = text_cell(sheet, HEADER_ROW, col, heading)
        cell.font = Font(name=HEADER_FONT, size=11, bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = BORDER
        cell.fill = header_fill
    for col, width in enumerate(table.widths, 1):
        sheet.column_dimensions[get_column_letter(col)].width = width

    body = Font(name=BODY_FONT, size=10.5)
    bold = Font(name=BODY_FONT, size=10.5, bold=True)
    wrap = Alignment(vertical="center", wrap_text=True)
    centred = Alignment(horizontal="center", vertical="center", wrap_text=True)
    right = Alignment(horizontal="right", vertical="center")
    for r, row in enumerate(table.rows):
        excel_row = HEADER_ROW + 1 + r
        for c, value in enumerate(row, 1):
            number = _number(value) if c - 1 in table.numbers else None
            if number is not None:  # an amount: a number finance can sum, shown as 1,234.50
                cell = sheet.cell(excel_row, c, number)
                cell.number_format = "#,##0.00" if "." in value else "#,##0"
                cell.alignment = right
            else:
                cell = text_cell(sheet, excel_row, c, value)
                cell.alignment = centred if c == 1 or r in table.across else wrap
            cell.font = bold if r in table.strong else body
            cell.border = BORDER
        if r in table.across and columns > 2:
            sheet.merge_cells(start_row=excel_row, start_column=2, end_row=excel_row, end_column=columns)
    for column, first, last in table.merges():
        if table.across and any(first <= r <= last for r in table.across) and column > 0:
            continue
        sheet.merge_cells(start_row=HEADER_ROW + 1 + first, start_column=column + 1,
                          end_row=HEADER_ROW + 1 + last, end_column=column + 1)

    last_row = HEADER_ROW + len(table.rows)
    for line in table.footer:  # notes and the signatures line, each across the table
        last_row += 1
        cell = text_cell(sheet, last_row, 1, line)
        cell.font = body
        cell.alignment = Alignment(horizontal="left", vertical="center", wrap_text=True)
        sheet.merge_cells(start_row=last_row, start_column=1, end_row=last_row, end_column=columns)
        sheet.row_dimensions[last_row].height = 30

    sheet.freeze_panes = sheet.cell(HEADER_ROW + 1, 1)
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    sheet.print_area = f"A1:{last_letter}{last_row}"
    setup = sheet.page_setup
    setup.paperSize = sheet.PAPERSIZE_A4
    setup.orientation = "landscape" if table.landscape else "portrait"
    setup.fitToWidth = 1
    setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.5
    sheet.page_margins.top = sheet.page_margins.bottom = 0.6
    sheet.oddFooter.center.text = "— &P —"


def _number(text: str) -> float | None:
    """'12,345.50' -> 12345.5; None for text that is no plain amount."""
    try:
        return float(text.replace(",", "")) if text.strip() else None
    except ValueError:
        return None


def xlsx_bytes(tables: list[Table]) -> bytes:
    if not tables:  # openpyxl cannot save a workbook without a sheet (IndexError)
        raise nothing_to_export("没有表格", "no tables")
    book = Workbook()
    book.remove(book.active)
    taken: set[str] = set()
    for table in tables:
        write_table(book.create_sheet(sheet_name(table.name, taken)), table)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def read_table(sheet: Worksheet) -> list[list[str]]:
    """The body rows of a sheet written by ``write_table``, merged cells filled in
    (each merged cell reads as its top-left value)."""
    values = {}
    for merged in sheet.merged_cells.ranges:
        top_left = sheet.cell(merged.min_row, merged.min_col).value
        for row in range(merged.min_row, merged.max_row + 1):
            for col in range(merged.min_col, merged.max_col + 1):
                values[(row, col)] = top_left
    rows = []
    for row in range(HEADER_ROW + 1, sheet.max_row + 1):
        rows.append([
            str(values.get((row, col), sheet.cell(row, col).value) or "")
            for col in range(1, sheet.max_column + 1)
        ])
    return rows
