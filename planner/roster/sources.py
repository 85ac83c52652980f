"""Roster files read as rows of text: .xlsx (planner.roster.xlsx), .xls (xlrd) and .csv.

CSV files come from Chinese office software in UTF-8 (with or without a BOM), UTF-16
(Excel's "Unicode text") or GBK; GB18030 is read as GBK's superset. Every row keeps
its number as the spreadsheet shows it (1-based), so problems can name it. Every cell
is read through ``clean_text``: a stray control character copied into a cell would
otherwise reach the plan and break every Excel, Word, KML and GPX file printed from it.
"""

from __future__ import annotations

import csv
import io
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from planner.bulk import collector_paused
from planner.limits import MAX_COLUMNS, MAX_INPUT_BYTES, MAX_ROWS, input_file_problem
from planner.roster.errors import RosterError
from planner.roster.xlsx import XlsxBook, too_wide
from planner.text import clean_text


@dataclass(frozen=True)
class Sheet:
    """One sheet of a roster file: its rows as text, each with its row number."""

    name: str
    rows: tuple[tuple[int, tuple[str, ...]], ...]
    sheets: tuple[str, ...] = ()  # every sheet of the file, for choosing another
    encoding: str = ""  # a CSV file's encoding


SUFFIXES = (".xlsx", ".xlsm", ".xls", ".csv", ".txt")


def cell_text(value) -> str:
    """A cell as the organiser sees it: 13812345678.0 -> '13812345678', dates ISO;
    control characters out, line breaks and tabs as spaces (no field keeps them)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return clean_text(str(value)).strip()


def read_sheet(path, sheet: str | None = None) -> Sheet:
    """The rows of ``sheet`` (default: the first sheet with data) of a roster file."""
    path = Path(path)
    problem = input_file_problem(path)  # missing, a folder, a named pipe, a device, too large
    if problem:
        raise RosterError(f"无法读取「{path}」：{problem[0]}", f"cannot read '{path}': {problem[1]}")
    suffix = path.suffix.lower()
    try:
        data = path.read_bytes()
    except OSError as error:
        raise RosterError(f"无法读取「{path}」：{error.strerror}", f"cannot read '{path}': {error.strerror}") from None
    if not data:
        raise RosterError(f"文件是空的：{path}", f"the file is empty: {path}")
    with collector_paused():  # every row and cell read stays alive
        if data[:4] == b"PK\x03\x04" or suffix in (".xlsx", ".xlsm"):
            return _read_xlsx(path, data, sheet)
        if data[:8] == bytes.fromhex("D0CF11E0A1B11AE1") or suffix == ".xls":
            return _read_xls(path, data, sheet)
        return _read_csv(path, data)


def _pick(path: Path, names: list[str], sheet: str | None, has_data) -> str:
    if sheet is not None:
        if sheet in names:
            return sheet
        listed = "、".join(names)
        raise RosterError(f"「{path.name}」中没有名为「{sheet}」的工作表（有：{listed}）",
                          f"'{path.name}' has no sheet named '{sheet}' (sheets: {', '.join(names)})")
    for name in names:
        if has_data(name):
            return name
    raise RosterError(f"「{path.name}」中没有任何数据", f"'{path.name}' holds no data")


@contextmanager
def _damage_reported(path: Path, kind: str):
    """Any error a reader library raises on a damaged file becomes one RosterError."""
    try:
        yield
    except RosterError:
        raise
    except Exception as error:  # noqa: BLE001 (the libraries raise many kinds)
        raise RosterError(f"「{path.name}」不是有效的 {kind} 文件（{error}）",
                          f"'{path.name}' is not a valid {kind} file ({error})") from None


def _read_xlsx(path: Path, data: bytes, sheet: str | None) -> Sheet:
    # The sheets are read as they are streamed, so a damaged file can fail on opening or
    # on any row: a sheet cut short, a corrupt member, broken XML — zipfile, zlib and the
    # XML parser raise many kinds (BadZipFile, zlib.error, ParseError, KeyError…).
    with _damage_reported(path, "Excel"):
        _check_unpacked_size(path, data)
        book = XlsxBook(data)
        try:
            return _xlsx_sheet(path, book, sheet)
        finally:
            book.close()


def _check_unpacked_size(path: Path, data: bytes) -> None:
    """Refuse a zip whose members unpack beyond the input limit (a "zip bomb": a few
    kilobytes that would fill the memory); zipfile never reads past a member's stated size."""
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        unpacked = sum(member.file_size for member in archive.infolist())
    if unpacked > MAX_INPUT_BYTES:
        raise RosterError(f"「{path.name}」解压后过大（{unpacked / 2**20:,.0f} MB，最多 {MAX_INPUT_BYTES / 2**20:,.0f} MB）",
                          f"'{path.name}' unpacks to too much ({unpacked / 2**20:,.0f} MB, at most "
                          f"{MAX_INPUT_BYTES / 2**20:,.0f} MB)")


def _xlsx_sheet(path: Path, book: XlsxBook, sheet: str | None) -> Sheet:
    names = book.sheet_names
    name = _pick(path, names, sheet, lambda n: any(any(v not in (None, "") for v in values)
                                                   for _, values in book.rows(n, max_row=50)))
    rows = _Rows(path)
    for number, values in book.rows(name):  # every row there is, whatever <dimension> says
        rows.add(number, tuple(cell_text(v) for v in values))
    return Sheet(name, rows.done(), tuple(names))


class _Rows:
    """The rows with data of a sheet being read, refused past ``MAX_ROWS``."""

    def __init__(self, path: Path):
        self.path = path
        self.rows: list[tuple[int, tuple[str, ...]]] = []

    def add(self, number: int, cells: tuple[str, ...]) -> None:
        if len(cells) > MAX_COLUMNS and any(cells[MAX_COLUMNS:]):
            raise too_wide(len(cells))
        if any(cells):
            if len(self.rows) >= MAX_ROWS:
                raise RosterError(f"「{self.path.name}」的行数过多（超过 {MAX_ROWS:,} 行）",
                                  f"'{self.path.name}' has too many rows (more than {MAX_ROWS:,})")
            self.rows.append((number, cells))

    def done(self) -> tuple[tuple[int, tuple[str, ...]], ...]:
        return tuple(self.rows)


def _read_xls(path: Path, data: bytes, sheet: str | None) -> Sheet:
    import xlrd

    # on_demand reads each sheet when first asked for, so a damaged file can fail there
    # too; xlrd raises many kinds (struct.error, IndexError, AssertionError…) for one.
    with _damage_reported(path, "Excel 97-2003"):
        book = xlrd.open_workbook(file_contents=data, on_demand=True, logfile=io.StringIO())
        try:
            return _xls_sheet(path, book, sheet)
        finally:
            book.release_resources()


def _xls_sheet(path: Path, book, sheet: str | None) -> Sheet:
    import xlrd

    names = book.sheet_names()
    name = _pick(path, names, sheet, lambda n: book.sheet_by_name(n).nrows > 0)
    table = book.sheet_by_name(name)
    rows = _Rows(path)
    for index in range(table.nrows):
        cells = []
        for cell in table.row(index):
            value = cell.value
            if cell.ctype == xlrd.XL_CELL_DATE:
                try:
                    value = xlrd.xldate_as_datetime(value, book.datemode)
                except (ValueError, OverflowError):
                    pass
            elif cell.ctype == xlrd.XL_CELL_BOOLEAN:
                value = bool(value)
            cells.append(cell_text(value))
        rows.add(index + 1, tuple(cells))
    return Sheet(name, rows.done(), tuple(names))


def decode_text(data: bytes) -> tuple[str, str]:
    """(text, encoding): UTF-8 (BOM or not), UTF-16 with a BOM, else GBK / GB18030."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "UTF-8-BOM"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "UTF-16"
        except UnicodeDecodeError:  # an odd number of bytes, half a surrogate pair: cut short
            raise RosterError("文件以 UTF-16 编码开头，但内容不完整或已损坏，无法读取",
                              "the file starts as UTF-16 text but is cut short or damaged: "
                              "it cannot be read") from None
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030"), "GB18030"
    except UnicodeDecodeError:
        raise RosterError("无法识别文件编码（支持 UTF-8、GBK/GB18030、UTF-16）",
                          "unknown text encoding (UTF-8, GBK/GB18030 and UTF-16 are read)") from None


def _read_csv(path: Path, data: bytes) -> Sheet:
    text, encoding = decode_text(data)
    sample = text[:8192]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",\t;，")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = "\t" if sample.count("\t") > sample.count(",") else ","
    try:
        rows = _csv_rows(path, text, delimiter, strict=True)
    except csv.Error:  # a slip the lenient reading takes as Excel does: text after a closing quote ("王伟" ,男)
        rows = _csv_rows(path, text, delimiter, strict=False)
    if not rows:  # bytes that are no text at all (NULs, control characters) read as blank cells
        raise RosterError(f"「{path.name}」中没有任何数据", f"'{path.name}' holds no data")
    return Sheet(path.stem, rows, (path.stem,), encoding)


def _csv_rows(path: Path, text: str, delimiter: str, strict: bool) -> tuple:
    """The rows of a CSV text. A quote never closed is refused, not read as one cell
    holding the rest of the file (a name made of every row below it)."""
    rows = _Rows(path)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=strict)
    record_line = 1  # the line the record being read starts on
    try:
        for number, values in enumerate(reader, 1):
            rows.add(number, tuple(cell_text(v) for v in values))
            record_line = reader.line_num + 1
    except csv.Error as error:
        if "end of data" in str(error):
            raise RosterError(f"「{path.name}」第 {record_line} 行有一个引号（\"）没有闭合，其后直到文件末尾的内容都无法分开读取",
                              f"'{path.name}' line {record_line}: a quote (\") is never closed, so everything after it "
                              "to the end of the file would be read as one cell") from None
        if strict:
            raise
        raise RosterError(f"「{path.name}」第 {reader.line_num} 行无法解析（{error}）",
                          f"'{path.name}' line {reader.line_num} cannot be parsed ({error})") from None
    return rows.done()
