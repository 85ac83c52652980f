"""A plan with nothing to put in an export (File → New: no lodging, no sessions, or no
groups at all) gets a clear "没有可导出的内容 / nothing to export" message in every
format, from the command line and the 打印与导出 dialog — never an openpyxl IndexError
or a blank file."""

from __future__ import annotations

from datetime import date

import pytest

from planner.documents import Documents
from planner.documents.output import ExportError
from planner.documents.docx import docx_bytes
from planner.documents.xlsx import xlsx_bytes
from planner.model import Group, Plan, Programme
from tests.conftest import run_main
from planner.documents.export import produce

PROGRAMME = Programme("新培训班", date(2025, 5, 12), 3)
NEW = Plan(PROGRAMME, tuple(Group(i + 1, f"第{i + 1}组", "#3366cc", position=i) for i in range(3)))
NO_GROUPS = Plan(PROGRAMME)

# what each plan has nothing of, per document of the Excel and Word exports
EMPTY = [(NEW, "rooming"), (NEW, "bus"), *((NO_GROUPS, d) for d in ("group", "roster", "contacts", "rooming", "bus"))]


@pytest.mark.parametrize("fmt", ["xlsx", "docx"])
@pytest.mark.parametrize("plan, document", EMPTY)
def test_table_exports_of_nothing_say_so(plan, document, fmt):
    with pytest.raises(ExportError, match="没有可导出的内容.* / nothing to export: "):
        produce(Documents(plan), fmt, document, None, None)


@pytest.mark.parametrize("fmt", ["xlsx", "docx"])
def test_a_group_with_nothing_says_so(fmt):
    with pytest.raises(ExportError, match="nothing to export"):
        produce(Documents(NEW), fmt, "rooming", 2, None)


@pytest.mark.parametrize("make", [xlsx_bytes, docx_bytes])
def test_no_tables_at_all_is_an_export_error(make):
    with pytest.raises(ExportError, match="nothing to export"):
        make([])


@pytest.mark.parametrize("fmt", ["ics", "kml", "gpx"])
@pytest.mark.parametrize("plan, group", [(NEW, None), (NEW, 1), (NO_GROUPS, None)])
def test_calendars_and_routes_of_nothing_say_so(plan, group, fmt):
    with pytest.raises(ExportError, match="nothing to export"):
        produce(Documents(plan), fmt, None, group, None)


@pytest.mark.parametrize("plan, document", [(NEW, "group"), (NEW, "overview"), (NO_GROUPS, "overview"),
                                            (NO_GROUPS, "booklet")])
def test_empty_tables_still_export(plan, document):
    """An itinerary with no sessions yet, or the overview's dates, is still a form to fill in."""
    assert produce(Documents(plan), "xlsx", document, None, None)[:2] == b"PK"
    assert produce(Documents(plan), "docx", document, None, None)[:2] == b"PK"


def test_export_command_on_an_empty_plan(tmp_path):
    from planner.store import PlanFile

    path = tmp_path / "empty.stplan"
    PlanFile.create(path, NO_GROUPS).close()
    for fmt, document in (("xlsx", "rooming"), ("docx", "roster"), ("ics", None), ("gpx", None)):
        out = tmp_path / f"out.{fmt}"
        args = ["--document", document] if document else []
        result = run_main("export", path, "--format", fmt, *args, "--out", out)
        assert result.returncode == 1, result.stdout
        assert "nothing to export" in result.stderr and "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
        assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.stplan"]


@pytest.fixture
def dialog_on(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from ui.printing.dialog import PrintDialog

    warnings = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(tmp_path / "out.xlsx"), ""))
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *rest: warnings.append(text))

    def make(plan):
        dialog = PrintDialog(plan)
        qtbot.addWidget(dialog)
        dialog.format.setCurrentIndex(dialog.format.findData("xlsx"))
        return dialog

    make.warnings = warnings
    return make


def test_print_dialog_says_nothing_to_export(dialog_on, tmp_path):
    dialog = dialog_on(NEW)
    dialog.document.setCurrentIndex(dialog.document.findData("rooming"))
    dialog.export_button.click()
    assert len(dialog_on.warnings) == 1 and "nothing to export" in dialog_on.warnings[0]
    assert list(tmp_path.iterdir()) == []
    dialog.done(0)


def test_print_dialog_reports_an_unexpected_failure(dialog_on, tmp_path, monkeypatch):
    """A bug in an exporter is a message and no file, not a traceback that ends the app."""
    import ui.printing.dialog as dialog_module

    def broken(*args):
        raise IndexError("At least one sheet must be visible")

    monkeypatch.setattr(dialog_module, "produce", broken)
    dialog = dialog_on(NEW)
    dialog.export_button.click()
    assert len(dialog_on.warnings) == 1
    assert "导出失败" in dialog_on.warnings[0] and "At least one sheet must be visible" in dialog_on.warnings[0]
    assert list(tmp_path.iterdir()) == []
    dialog.done(0)
