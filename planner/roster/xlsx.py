"""The rows of an .xlsx roster, read straight from the sheet's XML.

openpyxl builds an object per cell (a rich-text tree per inline string) and took most of
the time of a 10,000-row import; and in its read-only mode it reads only the rows the
sheet's <dimension> declares, which some streaming writers leave stale (people were
silently left out). This reader streams every <row> there is, with the C parser of the
standard library, and gives each cell the value openpyxl would: shared and inline
strings (phonetic guides left out), numbers (int when written without a point or an
exponent), booleans, error codes, and dates for numbers in a date format (1900 or 1904
calendar). Formulas give their cached value.

Any damage (a bad zip, a member cut short, XML that does not parse, an index out of
range) raises; ``planner.roster.sources`` turns it into a RosterError.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from typing import Iterator
from xml.etree.ElementTree import XMLPullParser, fromstring

from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format
from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900, from_excel, from_ISO8601

from planner.limits import MAX_COLUMNS
from planner.roster.errors import RosterError

_REFERENCE = re.compile(r"([A-Z]{1,3})(\d+)$")
_OFFICE_DOCUMENT = "officeDocument"  # the end of the relationship type naming the workbook


def too_wide(column: int):
    return RosterError(f"表格过宽：第 {column:,} 列有内容（最多 {MAX_COLUMNS:,} 列）",
                       f"the sheet is too wide: column {column:,} has content (at most {MAX_COLUMNS:,} columns)")


def _local(tag: str) -> str:
    """A tag without its namespace: transitional and strict OOXML name them differently."""
    return tag.rpartition("}")[2]


def _children(element, name: str):
    return [child for child in element if _local(child.tag) == name]


def _text(element) -> str:
    """The text of a string item (<si> or <is>): its <t>, or its runs' <t>; a phonetic
    guide (<rPh>) is no part of it."""
    parts = []
    for child in element:
        name = _local(child.tag)
        if name == "t":
            parts.append(child.text or "")
        elif name == "r":
            parts += [t.text or "" for t in child if _local(t.tag) == "t"]
    return "".join(parts)


def _column(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


class XlsxBook:
    """An .xlsx file's sheet names, and the rows of any of its sheets."""

    def __init__(self, data: bytes):
        self._zip = zipfile.ZipFile(io.BytesIO(data))
        workbook = self._workbook_path()
        root = fromstring(self._zip.read(workbook))
        relations = self._relations(workbook)
        self.epoch = CALENDAR_WINDOWS_1900
        self.sheets: dict[str, str] = {}  # name -> member
        for element in root.iter():
            name = _local(element.tag)
            if name == "workbookPr" and element.get("date1904") in ("1", "true"):
                self.epoch = CALENDAR_MAC_1904
            elif name == "sheet":
                target = relations.get(next((v for k, v in element.attrib.items() if _local(k) == "id"), ""))
                if target is not None:
                    self.sheets[element.get("name", "")] = target
        by_type = self._relation_types(workbook)
        self._strings = self._shared_strings(by_type.get("sharedStrings"))
        self._dates = self._date_styles(by_type.get("styles"))

    @property
    def sheet_names(self) -> list[str]:
        return list(self.sheets)

    def close(self) -> None:
        self._zip.close()

    # --- the package ----------------------------------------------------------------

    def _workbook_path(self) -> str:
        try:
            root = fromstring(self._zip.read("_rels/.rels"))
            for relation in root:
                if relation.get("Type", "").endswith(_OFFICE_DOCUMENT):
                    return relation.get("Target", "").lstrip("/")
        except KeyError:
            pass
        return "xl/workbook.xml"

    def _relation_elements(self, part: str):
        folder, name = posixpath.split(part)
        try:
            root = fromstring(self._zip.read(posixpath.join(folder, "_rels", name + ".rels")))
        except KeyError:
            return []
        found = []
        for relation in root:
            target = relation.get("Target", "")
            path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
            found.append((relation.get("Id", ""), relation.get("Type", ""), path))
        return found

    def _relations(self, part: str) -> dict[str, str]:
        return {rid: path for rid, _type, path in self._relation_elements(part)}

    def _relation_types(self, part: str) -> dict[str, str]:
        return {kind.rpartition("/")[2]: path for _rid, kind, path in self._relation_elements(part)}

    def _shared_strings(self, member: str | None) -> list[str]:
        if member is None or member not in self._zip.namelist():
            return []
        strings = []
        with self._zip.open(member) as stream:
            for element, _namespace in _elements(stream, "si"):
                strings.append(_text(element))
        return strings

    def _date_styles(self, member: str | None) -> frozenset[int]:
        """Indexes of the cell styles whose number format shows a date or time."""
        if member is None or member not in self._zip.namelist():
            return frozenset()
        root = fromstring(self._zip.read(member))
        formats = dict(BUILTIN_FORMATS)
        dates = set()
        for element in root:
            if _local(element.tag) == "numFmts":
                for fmt in element:
                    formats[int(fmt.get("numFmtId", "-1"))] = fmt.get("formatCode", "")
            elif _local(element.tag) == "cellXfs":
                for index, xf in enumerate(_children(element, "xf")):
                    code = formats.get(int(xf.get("numFmtId", "0")))
                    if code and is_date_format(code):
                        dates.add(index)
        return frozenset(dates)

    # --- the rows ---------------------------------------------------------------------

    def rows(self, sheet: str, max_row: int | None = None) -> Iterator[tuple[int, tuple]]:
        """(row number, values) of every row of ``sheet`` that has a cell, in order; empty
        cells inside a row are None. Stops after row ``max_row`` when given."""
        number = 0
        with self._zip.open(self.sheets[sheet]) as stream:
            for row, ns in _elements(stream, "row"):
                number = int(row.get("r") or number + 1)
                if max_row is not None and number > max_row:
                    return
                yield number, self._values(row, ns)

    def _values(self, row, ns: str) -> tuple:
        values: list = []
        cell_tag, value_tag, inline_tag = ns + "c", ns + "v", ns + "is"
        for cell in row:
            if cell.tag != cell_tag:
                continue
            reference = _REFERENCE.match(cell.get("r") or "")
            column = _column(reference[1]) if reference else len(values) + 1
            if column > MAX_COLUMNS:  # refused before the row is padded out to it
                raise too_wide(column)
            while len(values) < column - 1:
                values.append(None)
            kind = cell.get("t", "n")
            if kind == "inlineStr":
                holder = cell.find(inline_tag)
                values.append(_text(holder) if holder is not None else None)
            else:
                values.append(self._value(kind, cell.findtext(value_tag), cell.get("s")))
        return tuple(values)

    def _value(self, kind: str, raw: str | None, style: str | None):
        if raw is None or raw == "":
            return None
        if kind == "s":
            return self._strings[int(raw)]
        if kind in ("str", "e"):
            return raw
        if kind == "b":
            return raw.strip() in ("1", "true")
        if kind == "d":
            return from_ISO8601(raw)
        number = float(raw) if any(c in raw for c in ".eE") or not raw.strip().lstrip("-").isdigit() else int(raw)
        if style and int(style) in self._dates:
            try:
                return from_excel(number, self.epoch)
            except (OverflowError, ValueError):
                return "#VALUE!"  # a date beyond the calendar, as openpyxl reads it
        return number


def _elements(stream, name: str):
    """(element, its namespace) for each complete element called ``name`` of an XML
    stream, then freed: memory stays that of one row however long the sheet."""
    parser = XMLPullParser(events=("end",))
    wanted = None  # the tag with the document's namespace, once seen
    done = False
    while not done:
        chunk = stream.read(1 << 16)
        if chunk:
            parser.feed(chunk)
        else:
            parser.close()
            done = True
        for _event, element in parser.read_events():
            tag = element.tag
            if tag == wanted or (wanted is None and _local(tag) == name):
                wanted = tag
                namespace = tag[: len(tag) - len(name)]
                yield element, namespace
                element.clear()
