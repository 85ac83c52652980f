"""The roster import dialog on a sheet with no data (an empty second sheet chosen by
hand, a CSV of NUL bytes): the "no data" message, a usable dialog, nothing written."""

from __future__ import annotations

import openpyxl
import pytest

from planner.roster.importer import header_position, preview_roster
from planner.roster.sources import RosterError, Sheet, read_sheet
from ui.participants.import_dialog import RosterImportDialog


@pytest.fixture
def two_sheets(tmp_path):
    book = openpyxl.Workbook()
    book.active.title = "名单"
    book.active.append(["姓名", "性别", "单位", "手机"])
    book.active.append(["张三", "男", "某县", "13800000000"])
    book.create_sheet("空表")
    path = tmp_path / "two.xlsx"
    book.save(path)
    return path


@pytest.fixture
def nul_csv(tmp_path):
    path = tmp_path / "nul.csv"
    path.write_bytes(b"\x00" * 100)
    return path


def test_an_empty_sheet_has_no_header_position():
    for header_row in (None, 1):
        for by_hand in (False, True):
            with pytest.raises(RosterError, match="is empty"):
                header_position(Sheet("空表", ()), header_row, by_hand)


def test_a_csv_with_nothing_but_nul_bytes_holds_no_data(nul_csv):
    with pytest.raises(RosterError, match="holds no data"):
        read_sheet(nul_csv)


def test_choosing_an_empty_sheet(qtbot, sample, two_sheets):
    dialog = RosterImportDialog(sample, str(two_sheets))
    qtbot.addWidget(dialog)
    assert dialog.sheet.currentText() == "名单" and dialog.good.rowCount() == 1
    dialog.sheet.setCurrentText("空表")
    assert "is empty" in dialog.summary.text() and "空表" in dialog.summary.text()
    assert dialog.columns.rowCount() == 0 and dialog.good.rowCount() == 0
    assert not dialog.ok_button.isEnabled() and dialog.edit() is None
    dialog.header_row.setValue(3)  # a header row by hand changes nothing of that
    assert "is empty" in dialog.summary.text() and dialog.columns.rowCount() == 0
    dialog.header_row.setValue(0)
    dialog.sheet.setCurrentText("名单")  # still usable
    assert dialog.good.rowCount() == 1 and dialog.ok_button.isEnabled()


def test_a_csv_of_nul_bytes_opens_the_dialog_with_the_message(qtbot, sample, nul_csv):
    dialog = RosterImportDialog(sample, str(nul_csv))
    qtbot.addWidget(dialog)
    assert "没有任何数据" in dialog.summary.text() and "holds no data" in dialog.summary.text()
    assert dialog.columns.rowCount() == 0 and not dialog.ok_button.isEnabled() and dialog.edit() is None


def test_the_command_line_says_the_same(sample, nul_csv, two_sheets):
    with pytest.raises(RosterError, match="holds no data"):
        preview_roster(sample, nul_csv)
    with pytest.raises(RosterError, match="is empty"):
        preview_roster(sample, two_sheets, sheet="空表", mapping={"A": "name"})
