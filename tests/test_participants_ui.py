"""The participants in the app, through real widgets: the roster import dialog (file,
sheet, column mapping, preview with bad rows, confirm), automatic assignment, moving
people between groups by drag and drop — each one undo step."""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import QPoint, QPointF, QSettings, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDockWidget

from bench.roster_synthetic import csv_bytes, people, spoil, write, xlsx_bytes
from planner.edits import Batch, Insert
from planner.store import PlanFile
from ui.main_window import MainWindow
from ui.participants import DOCK_NAME
from ui.participants.assign_dialog import AssignDialog
from ui.participants.groups_view import ParticipantGroupsView
from ui.participants.import_dialog import RosterImportDialog


def drop(tree, items, point) -> None:
    """What a drag does at its end: enter the view, move over ``point``, drop there."""
    mime = tree.mimeData(items)
    args = (Qt.DropAction.MoveAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    for event in (QDragEnterEvent(point, *args), QDragMoveEvent(point, *args), QDropEvent(QPointF(point), *args)):
        QApplication.sendEvent(tree.viewport(), event)
        assert event.isAccepted()


@pytest.fixture(scope="module")
def roster_rows():
    rows = people(random.Random(99), 150)
    spoil(rows)
    return rows


def test_import_dialog_shows_bad_rows_and_imports_only_when_confirmed(qtbot, tmp_path, document, roster_rows):
    path = write(tmp_path / "名单.xlsx", xlsx_bytes(roster_rows))
    dialog = RosterImportDialog(document.plan, str(path))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.sheet.currentText() == "学员名单" and dialog.sheet.count() == 2
    assert dialog.good.rowCount() == 145 and dialog.bad.rowCount() == 5
    assert [dialog.bad.item(r, 0).text() for r in range(5)] == ["14", "29", "44", "64", "84"]
    assert "缺少姓名" in dialog.bad.item(0, 2).text()
    assert not dialog.ok_button.isEnabled() and dialog.edit() is None  # bad rows: nothing unless skipped
    assert len(document.plan.participants) == 90
    box = dialog.skip_bad  # click its box, at the left
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert dialog.ok_button.isEnabled()
    edit = dialog.edit()
    assert document.edit(edit, edit.label)
    assert len(document.plan.participants) == 235
    document.undo_stack.undo()  # the whole import is one step
    assert len(document.plan.participants) == 90
    assert len(document.plan_file.load().participants) == 90


def test_choosing_another_sheet_and_mapping_a_column_by_hand(qtbot, tmp_path, document):
    text = "编号,人员,电话\n1,张三,13812345678\n2,李四,13912345678\n"
    dialog = RosterImportDialog(document.plan, str(write(tmp_path / "odd.csv", text.encode("gbk"))))
    qtbot.addWidget(dialog)
    assert dialog.preview is None and "姓名" in dialog.summary.text() and not dialog.ok_button.isEnabled()
    assert dialog.columns.rowCount() == 3
    combo = dialog.columns.cellWidget(1, 1)
    combo.setCurrentIndex(combo.findData("name"))  # 人员 -> 姓名
    assert dialog.preview is not None and dialog.good.rowCount() == 2
    assert dialog.good.item(0, 1).text() == "张三" and dialog.good.item(0, 5).text() == "13812345678"
    assert dialog.ok_button.isEnabled()

    book = RosterImportDialog(document.plan, str(write(tmp_path / "b.xlsx", xlsx_bytes([]))))
    qtbot.addWidget(book)
    book.sheet.setCurrentText("说明")  # a sheet without a roster
    assert book.preview is None and "表头" in book.summary.text() and not book.ok_button.isEnabled()


def test_groups_view_moves_people_by_drag_and_drop_and_undo(qtbot, document):
    view = ParticipantGroupsView(document)
    qtbot.addWidget(view)
    view.resize(900, 2400)
    view.show()
    tree = view.tree
    person = next(p for p in document.plan.participants if p.group_id == 1 and p.role == "member")
    item = view.person_item(person.id)
    tree.collapseItem(view.group_item(1))
    target = view.group_item(2)
    point = tree.visualItemRect(target).center()
    drop(tree, [item], point)
    qtbot.waitUntil(lambda: document.plan.get("participants", person.id).group_id == 2)
    moved = document.plan.get("participants", person.id)
    assert moved.locked and "手动" in moved.group_reason
    assert view.person_item(person.id).parent() is view.group_item(2)  # the tree follows
    assert document.undo_stack.undoText().startswith("将「")
    document.undo_stack.undo()
    back = document.plan.get("participants", person.id)
    assert back.group_id == 1 and not back.locked
    assert view.person_item(person.id).parent() is view.group_item(1)


def test_group_header_shows_seats_and_overflow(qtbot, document):
    view = ParticipantGroupsView(document)
    qtbot.addWidget(view)
    assert view.group_item(1).text(0) == "第一组（30/49 人）"
    assert view.group_item(None).text(0).startswith("未分组")


def test_main_window_actions_import_assign_and_follow_the_document(qtbot, tmp_path, sample_path, roster_rows):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(PlanFile.open(sample_path), settings)
    qtbot.addWidget(window)
    actions = window.participant_actions  # the window installs them itself
    window.show()
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles.count("学员(&T)") == 1 and titles.index("学员(&T)") < titles.index("视图(&V)")
    roster = write(tmp_path / "名单.csv", csv_bytes(roster_rows, "gbk"))
    window.ask_path = lambda *args: (str(roster), "")

    def run(dialog):
        qtbot.addWidget(dialog)
        if isinstance(dialog, RosterImportDialog):
            assert dialog.bad.rowCount() == 5
            dialog.skip_bad.setChecked(True)
        return True

    window.run_dialog = run
    actions.import_action.trigger()
    assert len(window.document.plan.participants) == 235
    assert "导入学员名单" in window.undo_action.text()

    actions.assign_action.trigger()
    plan = window.document.plan
    placed = [p for p in plan.participants if p.group_id is not None]
    assert len(placed) == 147 and all(p.group_reason for p in placed if p.id > 90)
    assert all(p.group_id == (p.id - 1) // 30 + 1 for p in plan.participants if p.id <= 90)  # the sample's stay
    assert any(f.code == "seat-shortfall" for f in window.document.findings)
    window.document.undo_stack.undo()
    assert sum(p.group_id is not None for p in window.document.plan.participants) == 90  # one step back

    other = tmp_path / "other.stplan"
    PlanFile.create(other, window.document.plan.with_items("participants", [])).close()
    assert window.open_path(str(other))
    qtbot.waitUntil(lambda: actions.view is not None and actions.view.document is window.document)
    actions.groups_action.trigger()  # 分组调整: hidden until asked for, then shown for the new plan
    docks = [d for d in window.findChildren(QDockWidget) if d.objectName() == DOCK_NAME and not d.isHidden()]
    assert docks and actions.view.group_item(1).text(0) == "第一组（0/49 人）"


def test_assign_dialog_places_only_newcomers_unless_asked(qtbot, document):
    before = {p.id: p.group_id for p in document.plan.participants}
    dialog = AssignDialog(document.plan)
    qtbot.addWidget(dialog)
    assert dialog.people.rowCount() == 0 and not dialog.ok_button.isEnabled()  # all 90 are placed
    assert "无人变动" in dialog.summary.text()
    newcomers = [Insert("participants", {"name": f"新学员{n}", "unit": f"新单位{n % 2}"}) for n in range(6)]
    assert document.edit(Batch(tuple(newcomers), "添加学员"), "添加学员")
    dialog = AssignDialog(document.plan)
    qtbot.addWidget(dialog)
    dialog.units.setCurrentIndex(dialog.units.findData("apart"))
    assert dialog.people.rowCount() == 6
    rows = [[dialog.people.item(r, c).text() for c in range(5)] for r in range(6)]
    assert all(row[0].startswith("新学员") and row[2] == "未分组" and row[3].startswith("第") and row[4]
               for row in rows)
    assert all("其他 2 人分在不同组" in row[4] for row in rows)  # three of each new unit, one per group
    box = dialog.reassign_all  # click its box, at the left
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert dialog.reassign_all.isChecked() and dialog.result.reassign_all
    dialog.reassign_all.setChecked(False)
    assert document.edit(dialog.edit(), "自动分组")
    after = {p.id: p.group_id for p in document.plan.participants}
    assert {k: after[k] for k in before} == before and None not in after.values()
