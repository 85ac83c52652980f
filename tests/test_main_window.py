"""The organiser's workplace, driven through real widgets."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from planner.store import PlanFile
from ui.dialogs import AddPlaceDialog, AddSessionDialog, AddSiteDialog, NewPlanDialog
from ui.findings import FindingRole

from tests.gui import answer_dialogs, drag, make_window, type_chinese


def test_create_a_plan_and_edit_it_by_hand_then_reopen(qtbot, tmp_path, sample_path):
    window = make_window(qtbot, PlanFile.open(sample_path), tmp_path)
    new_path = tmp_path / "新方案.stplan"
    window.ask_path = lambda *args: (str(new_path), "")

    def fill(dialog):
        if isinstance(dialog, NewPlanDialog):
            dialog.title.clear()
            type_chinese(dialog.title, "浙江考察")
            dialog.days.setValue(4)
            dialog.groups.setValue(2)
        elif isinstance(dialog, AddPlaceDialog):
            qtbot.keyClicks(dialog.query, "yiwu")
            dialog.search()  # what the typing timer would do
            assert dialog.matches.currentItem() is None  # 义乌市 and 伊吾县 sound alike: the organiser picks
            names = [dialog.matches.item(row).text() for row in range(dialog.matches.count())]
            dialog.matches.setCurrentRow(names.index("浙江省金华市义乌市"))
        elif isinstance(dialog, AddSiteDialog):
            type_chinese(dialog.name, "义乌国际商贸城")
            dialog.kind.setCurrentIndex(dialog.kind.findData("market"))
        elif isinstance(dialog, AddSessionDialog):
            dialog.day.setCurrentIndex(dialog.day.findData(2))
            type_chinese(dialog.title, "小商品市场")

    answer_dialogs(window, qtbot, fill)
    window.new_action.trigger()
    assert window.document.path == new_path
    assert window.windowTitle().startswith("浙江考察")
    window.add_place_action.trigger()
    window.add_site_action.trigger()
    window.add_session_action.trigger()
    plan = window.document.plan
    assert [p.name for p in plan.places] == ["义乌市"]
    assert [s.name for s in plan.sites] == ["义乌国际商贸城"]
    session = plan.sessions[0]
    assert (session.day, session.title, session.start) == (2, "小商品市场", plan.programme.day_start)

    # drag the session to day 3 on the timeline, then undo and redo
    timeline = window.timeline
    window.tabs.setCurrentWidget(timeline)  # the board is the home view
    qtbot.waitExposed(timeline)
    qtbot.wait(20)  # the timeline fits its width once shown
    timeline.set_day(None)
    block = timeline.blocks("session", session.id)[0]
    to = timeline.viewport_point(session.group_id, 3, 10 * 60) + QPoint(6, 0)
    with qtbot.waitSignal(window.document.changed):
        drag(qtbot, timeline, block, to)
    assert window.document.plan.get("sessions", session.id).day == 3
    window.undo_action.trigger()
    assert window.document.plan.get("sessions", session.id).day == 2
    window.redo_action.trigger()
    assert window.document.plan.get("sessions", session.id).day == 3

    window.close()  # closes the file; reopen it and find every edit there
    with PlanFile.open(new_path, readonly=True) as reopened:
        plan = reopened.load()
    assert plan.programme.title == "浙江考察" and plan.programme.days == 4 and len(plan.groups) == 2
    assert [p.name for p in plan.places] == ["义乌市"] and plan.places[0].division_code == "330782"
    assert [s.name for s in plan.sites] == ["义乌国际商贸城"]
    assert [(s.day, s.title) for s in plan.sessions] == [(3, "小商品市场")]


def test_a_finding_clicked_selects_its_item(qtbot, tmp_path, sample_path):
    with PlanFile.open(sample_path) as plan_file:  # make one error: a site that closes early
        plan = plan_file.load()
        from planner.edits import Update

        site = plan.site(plan.sessions_of(plan.ordered_groups()[0].id, 2)[0].site_id)
        plan_file.apply(Update("sites", site.id, {"closes": 9 * 60}))
    window = make_window(qtbot, PlanFile.open(sample_path), tmp_path)
    panel = window.findings
    header = panel.topLevelItem(0)
    finding_item = header.child(0)
    finding = finding_item.data(0, FindingRole)
    assert finding.code == "outside-opening-hours" and site.name in finding_item.text(0)
    rect = panel.visualItemRect(finding_item)
    qtbot.mouseClick(panel.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    selection = window.document.selection
    assert selection.kind == "sessions" and selection.ids == (finding.refs[0][1],)
    assert "错误 1" in window.status.text()


def test_recent_files_and_last_plan_are_remembered(qtbot, tmp_path, sample_path):
    window = make_window(qtbot, PlanFile.open(sample_path), tmp_path)
    copy = tmp_path / "copy.stplan"
    window.ask_path = lambda *args: (str(copy), "")
    window.save_as_action.trigger()
    assert window.document.path == copy
    recent = [a.text() for a in window.recent_menu.actions()]
    assert recent[0] == str(copy.resolve())
    assert window.settings.value("files/last_plan") == str(copy.resolve())


def test_a_bad_file_is_reported_and_the_current_plan_stays(qtbot, tmp_path, sample_path, monkeypatch):
    window = make_window(qtbot, PlanFile.open(sample_path), tmp_path)
    bad = tmp_path / "bad.stplan"
    bad.write_bytes(b"not a plan at all" * 20)
    shown = []
    monkeypatch.setattr("ui.main_window.QMessageBox.critical", lambda _parent, _title, text: shown.append(text))
    assert window.open_path(str(bad)) is False
    assert shown and str(bad) in shown[0] and "not a plan file" in shown[0]
    assert window.document.path == sample_path


def test_print_and_export_opens_the_print_dialog_on_this_plan(qtbot, tmp_path, sample_path):
    window = make_window(qtbot, PlanFile.open(sample_path), tmp_path)
    shown = []

    def run(dialog):
        qtbot.addWidget(dialog)
        shown.append(dialog)
        return False

    window.run_dialog = run
    window.print_action.trigger()
    (dialog,) = shown
    groups = [dialog.group.itemText(i) for i in range(dialog.group.count())]
    assert groups[1:] == [g.name for g in window.document.plan.ordered_groups()]


def test_common_actions_have_shortcuts_and_icons(qtbot, tmp_path, sample_path):
    window = make_window(qtbot, PlanFile.open(sample_path), tmp_path)
    actions = [window.new_action, window.open_action, window.save_as_action, window.print_action,
               window.undo_action, window.redo_action, window.add_place_action, window.add_site_action,
               window.add_session_action, window.check_action]
    shortcuts = [a.shortcut().toString() for a in actions]
    assert all(shortcuts) and len(set(shortcuts)) == len(shortcuts)
    assert all(not a.icon().isNull() for a in actions)


def test_the_delete_key_deletes_the_rows_selected_in_a_table(qtbot, tmp_path, sample_path):
    window = make_window(qtbot, PlanFile.open(sample_path), tmp_path)
    with qtbot.waitActive(window):  # window shortcuts work in the active window only
        window.activateWindow()
    window.tabs.setCurrentWidget(window.tables["participants"])
    table = window.tables["participants"]
    count = len(window.document.plan.participants)
    table.view.setFocus()
    table.view.selectRow(0)
    qtbot.keyClick(table.view, Qt.Key.Key_Delete)
    assert len(window.document.plan.participants) == count - 1
    window.undo_action.trigger()
    assert len(window.document.plan.participants) == count
