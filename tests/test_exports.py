"""Excel, Word, iCalendar, KML and GPX read back with their own libraries."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

import openpyxl
import pytest
from icalendar import Calendar

from planner.documents import TRAVEL, Documents
from planner.documents.output import ExportError, write_atomic
from planner.documents.calendar import ics_bytes
from planner.documents.docx import docx_bytes, read_tables
from planner.documents.routes import GPX_NS, KML_NS, gpx_bytes, kml_bytes
from planner.documents.tables import tables_for
from planner.documents.xlsx import HEADER_ROW, read_table, xlsx_bytes
from planner.model import format_clock
from tests.conftest import run_main


@pytest.fixture(scope="module")
def docs(sample):
    return Documents(sample)


def test_xlsx_holds_the_same_rows_with_merged_dates_and_print_settings(docs):
    tables = tables_for(docs, "booklet")
    book = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(tables)))
    assert book.sheetnames[:2] == ["总览", "第一组"]
    for table, sheet in zip(tables, book.worksheets):
        assert read_table(sheet) == table.rows
        assert [c.value for c in sheet[HEADER_ROW]] == list(table.columns)
        assert sheet.print_title_rows == f"${HEADER_ROW}:${HEADER_ROW}"
        assert sheet.page_setup.fitToWidth == 1 and sheet.sheet_properties.pageSetUpPr.fitToPage
        assert sheet.page_setup.orientation == ("landscape" if table.landscape else "portrait")
    group_sheet = book["第一组"]
    merged_dates = [r for r in group_sheet.merged_cells.ranges if r.min_col == 1 and r.min_row > HEADER_ROW]
    assert len(merged_dates) == len(docs.group_itinerary(1).days)
    assert group_sheet.column_dimensions["D"].width >= 15


def test_docx_holds_the_same_rows(docs):
    tables = tables_for(docs, "group")
    data = docx_bytes(tables)
    read = read_tables(data)
    assert len(read) == len(tables)
    for table, rows in zip(tables, read):
        assert rows == table.rows
    from docx import Document

    document = Document(io.BytesIO(data))
    first_row = document.tables[0].rows[0]._tr
    assert first_row.trPr is not None and "tblHeader" in first_row.trPr.xml


def test_ics_one_event_per_session_with_time_zone_and_reminder(sample, docs):
    for group in sample.ordered_groups():
        calendar = Calendar.from_ical(ics_bytes(docs, group_id=group.id))
        assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Asia/Shanghai"]
        events = calendar.walk("VEVENT")
        sessions = [e for e in events if str(e["UID"]).startswith("session-")]
        assert len(sessions) == len(sample.sessions_of(group.id))
        legs = [r for _, r in docs.group_itinerary(group.id).rows if r.kind == TRAVEL]
        assert len(events) == len(sessions) + len(sample.plenaries) + len(legs)
        journeys = [str(e["SUMMARY"]) for e in events if str(e["SUMMARY"]).startswith(("出发", "返程"))]
        assert len(journeys) == 2 and all("长沙市" in j for j in journeys)  # the home city named
        assert len({str(e["UID"]) for e in events}) == len(events)
        for event in events:
            assert event["DTSTART"].params["TZID"] == "Asia/Shanghai"
            assert event["DTSTART"].dt.utcoffset().total_seconds() == 8 * 3600
            alarms = event.walk("VALARM")
            assert len(alarms) == 1 and alarms[0]["TRIGGER"].dt.total_seconds() < 0
    first = sample.sessions_of(1)[0]
    event = next(e for e in Calendar.from_ical(ics_bytes(docs, group_id=1)).walk("VEVENT")
                 if str(e["UID"]).startswith(f"session-{first.id}-"))
    slot = docs.timetable.slot_of("session", first.id)
    start = f"2025-02-{22 + slot.day} {format_clock(slot.start)}"
    assert event["DTSTART"].dt.strftime("%Y-%m-%d %H:%M") == start
    member = next(p for p in sample.participants if p.role == "member")
    personal = Calendar.from_ical(ics_bytes(docs, participant_id=member.id))
    sessions = [e for e in personal.walk("VEVENT") if str(e["UID"]).startswith("session-")]
    assert len(sessions) == len(sample.sessions_of(member.group_id))
    everyone = Calendar.from_ical(ics_bytes(docs))
    assert len([e for e in everyone.walk("VEVENT") if str(e["UID"]).startswith("session-")]) == 49


def _stop_names(docs, group_id):
    return [s.label for s in docs.stops(group_id)]


def test_kml_lists_each_groups_stops_in_order(sample, docs):
    root = ET.fromstring(kml_bytes(docs))
    ns = {"k": KML_NS}
    folders = root.findall(".//k:Folder", ns)
    assert [f.find("k:name", ns).text for f in folders] == [g.name for g in sample.ordered_groups()]
    for group, folder in zip(sample.ordered_groups(), folders):
        points = [p.find("k:name", ns).text for p in folder.findall("k:Placemark", ns) if p.find("k:Point", ns) is not None]
        assert points == _stop_names(docs, group.id)
        line = folder.find(".//k:LineString/k:coordinates", ns).text.split()
        assert len(line) == len(points)
        # door to door: the route starts and ends at home, in Changsha
        assert points[0] == "1. 长沙集合地点（示意）" and points[-1].endswith(". 长沙集合地点（示意）")
    assert "阿里巴巴（西溪园区）" in kml_bytes(docs, 1).decode("utf-8")


def test_gpx_lists_each_groups_stops_in_order(sample, docs):
    root = ET.fromstring(gpx_bytes(docs))
    ns = {"g": GPX_NS}
    routes = root.findall("g:rte", ns)
    assert len(routes) == len(sample.groups)
    for group, route in zip(sample.ordered_groups(), routes):
        assert route.find("g:name", ns).text == f"{group.name}线路"
        names = [p.find("g:name", ns).text for p in route.findall("g:rtept", ns)]
        assert names == _stop_names(docs, group.id)
        for point in route.findall("g:rtept", ns):
            assert 18 < float(point.get("lat")) < 54 and 73 < float(point.get("lon")) < 135
    # every waypoint comes before the first route (GPX 1.1 element order)
    tags = [child.tag.split("}")[1] for child in root]
    assert tags.index("rte") > max(i for i, t in enumerate(tags) if t == "wpt")


def test_write_atomic_leaves_no_partial_file(tmp_path):
    target = tmp_path / "out.bin"
    write_atomic(target, b"abc")
    assert target.read_bytes() == b"abc"
    with pytest.raises(ExportError):
        write_atomic(tmp_path / "missing" / "x.bin", b"abc")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.bin"]


@pytest.mark.parametrize("fmt", ["xlsx", "docx", "ics", "kml", "gpx"])
def test_export_command_writes_each_format(sample_path, tmp_path, fmt):
    out = tmp_path / f"plan.{fmt}"
    result = run_main("export", sample_path, "--format", fmt, "--out", out)
    assert result.returncode == 0, result.stderr
    assert out.stat().st_size > 1000
    assert result.stderr == ""


@pytest.mark.parametrize("args, message", [
    (["--format", "xlsx", "--document", "participant"], "xlsx"),
    (["--format", "gpx", "--group", "9"], "no group 9"),
    (["--format", "ics", "--participant", "99999"], "no participant 99999"),
    (["--format", "kml", "--participant", "5"], "--participant does not apply to kml"),
])
def test_export_command_errors_are_one_line_and_write_nothing(sample_path, tmp_path, args, message):
    out = tmp_path / "out.file"
    result = run_main("export", sample_path, *args, "--out", out)
    assert result.returncode == 1
    assert message in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert list(tmp_path.iterdir()) == [sample_path] or not out.exists()
    assert not out.exists()


def test_export_command_missing_plan(tmp_path):
    result = run_main("export", tmp_path / "nope.stplan", "--format", "ics", "--out", tmp_path / "x.ics")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert not (tmp_path / "x.ics").exists()
