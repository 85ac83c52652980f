"""The property editor: shows the selected item, commits one field as one undo step,
re-times sessions, pins, refuses bad input inline, follows undo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from gui import type_chinese
from ui.properties import PropertyEditor


@pytest.fixture
def editor(qtbot, document):
    editor = PropertyEditor(document)
    qtbot.addWidget(editor)
    editor.resize(420, 700)
    editor.show()
    qtbot.waitExposed(editor)
    return editor


def flowing_session(document):
    """A session mid-day that is not pinned."""
    return next(s for s in document.plan.sessions if not s.pinned and s.day == 3 and s.position == 1)


def type_into(qtbot, widget, text):
    line = widget.lineEdit() if hasattr(widget, "lineEdit") else widget
    line.selectAll()
    qtbot.keyClicks(line, text)
    qtbot.keyClick(line, Qt.Key.Key_Return)


def test_empty_until_something_is_selected(editor, document):
    assert editor.stack.currentWidget() is editor.empty_label
    assert editor.empty_label.text() == "选择一个条目以查看和编辑其属性"
    document.select("days", [2], "timeline")  # a kind with no form
    assert editor.stack.currentWidget() is editor.empty_label


def test_shows_the_selected_session_with_its_times_and_the_travel_before_it(editor, document):
    session = flowing_session(document)
    other = document.plan.sessions[0]
    document.select("sessions", [session.id, other.id], "timeline")  # several: the first is shown
    assert editor.stack.currentIndex() == 1
    assert editor.editors["title"].text() == session.title
    assert editor.editors["start"].text() == f"{session.start // 60:02d}:{session.start % 60:02d}"
    assert editor.editors["site_id"].currentData() == session.site_id
    assert editor.editors["site_id"].currentText() == document.plan.site(session.site_id).name
    assert editor.editors["kind"].currentText() == "现场教学"
    assert not editor.editors["pinned"].isChecked()
    info = editor.info.text()
    assert "日程" in info and "此前行车" in info and "，约 " in info and "分钟" not in info  # as on paper
    assert editor.heading.text().startswith("现场教学：")


def test_changing_the_length_re_times_the_session_as_one_undo_step(qtbot, editor, document):
    session = flowing_session(document)
    document.select("sessions", [session.id], "timeline")
    type_into(qtbot, editor.editors["minutes"], "150")
    after = document.plan.get("sessions", session.id)
    assert after.minutes == 150
    assert after.end == after.start + 150 != session.end
    assert document.plan_file.load().get("sessions", session.id) == after
    assert document.undo_stack.count() == 1
    assert document.undo_stack.undoText() == f"修改「{session.title}」的时长（分钟）"
    assert "（2 小时 30 分）" in editor.info.text()  # 150 minutes, as on paper
    # The form follows undo.
    document.undo_stack.undo()
    assert document.plan.get("sessions", session.id) == session
    assert editor.editors["minutes"].value() == editor.editors["minutes"].minimum()  # 自动
    assert editor.editors["minutes"].text() == "自动"


def test_pinning_keeps_a_session_at_its_time_and_typing_a_start_pins_it(qtbot, editor, document):
    session = flowing_session(document)
    document.select("sessions", [session.id], "timeline")
    editor.editors["pinned"].click()
    assert document.plan_file.load().get("sessions", session.id).pinned
    assert (document.plan.get("sessions", session.id).start, document.plan.get("sessions", session.id).end) == (
        session.start, session.end)
    editor.editors["pinned"].click()
    assert not document.plan_file.load().get("sessions", session.id).pinned

    type_into(qtbot, editor.editors["start"], "16:00")
    after = document.plan_file.load().get("sessions", session.id)
    assert (after.start, after.pinned) == (16 * 60, True)
    assert after.end - after.start == session.end - session.start
    assert editor.editors["pinned"].isChecked()
    assert editor.editors["end"].text() == f"{after.end // 60:02d}:{after.end % 60:02d}"
    # A pinned session's end follows its length.
    type_into(qtbot, editor.editors["minutes"], "45")
    assert document.plan.get("sessions", session.id).end == 16 * 60 + 45


def test_a_bad_time_is_refused_inline_with_the_reason(qtbot, editor, document):
    session = flowing_session(document)
    document.select("sessions", [session.id], "timeline")
    before = document.plan_file.load()
    type_into(qtbot, editor.editors["start"], "25:7x")
    error = editor.errors["start"]
    assert error.isVisible() and "HH:MM" in error.text() and "开始时间" in error.text()
    assert editor.editors["start"].text() == "25:7x"  # the input stays in view, to fix
    assert document.plan_file.load() == before and document.undo_stack.count() == 0
    # Another edit elsewhere does not wipe the bad input …
    type_into(qtbot, editor.editors["host"], "Host")
    assert editor.editors["start"].text() == "25:7x" and error.isVisible()
    # … fixing it commits and clears the message.
    type_into(qtbot, editor.editors["start"], "15:30")
    assert not error.isVisible()
    assert document.plan.get("sessions", session.id).start == 15 * 60 + 30


def test_combo_boxes_pick_enumerations_and_references(editor, document):
    site = document.plan.sites[1]
    document.select("sites", [site.id], "table:sites")
    kind: QComboBox = editor.editors["kind"]
    assert [kind.itemText(i) for i in range(kind.count())] == ["企业", "园区", "村", "市场", "会场", "宾馆", "集合地点", "其他"]
    kind.setCurrentIndex(kind.findText("市场"))
    kind.activated.emit(kind.currentIndex())
    assert document.plan_file.load().get("sites", site.id).kind == "market"
    place = document.plan.places[4]
    places: QComboBox = editor.editors["place_id"]
    places.setCurrentIndex(places.findText(place.name))
    places.activated.emit(places.currentIndex())
    assert document.plan_file.load().get("sites", site.id).place_id == place.id
    assert document.undo_stack.undoText() == f"修改「{site.name}」的县（市、区）"

    person = document.plan.participants[5]
    document.select("participants", [person.id], "table:participants")
    roles = editor.editors["role"]
    assert [roles.itemText(i) for i in range(roles.count())] == ["带队领导", "联络员", "学员", "观察员", "随行记者", "工作人员"]
    genders = editor.editors["gender"]
    assert {"男", "女"} <= {genders.itemText(i) for i in range(genders.count())}


def test_other_kinds_have_forms(editor, document):
    for kind in ("plenaries", "groups", "legs", "lodgings", "places"):
        item = document.plan.items(kind)[0]
        document.select(kind, [item.id], "outline")
        assert editor.stack.currentIndex() == 1, kind
    leg = document.plan.legs[0]
    document.select("legs", [leg.id], "outline")
    assert "→" in editor.heading.text()
    assert editor.editors["manual_mode"].currentText() == "按估算"


def test_the_form_empties_when_its_item_is_deleted_and_returns_on_undo(editor, document):
    from planner.edits import Delete

    person = document.plan.participants[-1]
    document.select("participants", [person.id], "table:participants")
    assert document.edit(Delete("participants", person.id), "删除") is not None
    assert editor.stack.currentWidget() is editor.empty_label
    document.undo_stack.undo()
    assert editor.stack.currentIndex() == 1
    assert editor.editors["name"].text() == person.name


def test_a_length_set_back_to_automatic_clears_it(qtbot, editor, document):
    session = flowing_session(document)
    document.select("sessions", [session.id], "timeline")
    type_into(qtbot, editor.editors["minutes"], "150")
    spin = editor.editors["minutes"]
    spin.setValue(spin.minimum())  # shown as 自动
    spin.editingFinished.emit()
    assert document.plan.get("sessions", session.id).minutes is None
    assert document.plan_file.load().get("sessions", session.id).minutes is None
    assert document.undo_stack.count() == 2


def test_the_programme_sets_where_and_when_the_tour_leaves_home(qtbot, editor, document):
    """Selecting the programme (the outline's root) shows its door-to-door fields; picking
    another gathering point and a departure time are one undo step each, and re-time."""
    document.select("programme", [1], "outline")
    assert editor.heading.text().startswith("培训班：")
    origin: QComboBox = editor.editors["origin_site_id"]
    home = document.plan.site(document.plan.programme.origin_site_id)
    assert origin.currentText() == home.name
    hotel = next(s for s in document.plan.sites if s.kind == "hotel")
    origin.setCurrentIndex(origin.findText(hotel.name))
    origin.activated.emit(origin.currentIndex())
    assert document.plan_file.load().programme.origin_site_id == hotel.id
    assert document.undo_stack.undoText().endswith("的集合出发地点")
    type_into(qtbot, editor.editors["departure_time"], "06:40")
    assert document.plan_file.load().programme.departure_time == 6 * 60 + 40
    first = document.timetable.day(1, 1).slots[0]
    assert first.kind == "travel" and first.start == 6 * 60 + 40 and first.from_site_id == hotel.id
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert document.plan_file.load().programme.origin_site_id == home.id


def test_a_group_has_its_own_themes_and_journey(qtbot, editor, document):
    group = document.plan.ordered_groups()[1]
    document.select("groups", [group.id], "outline")
    line = editor.editors["themes"]
    line.selectAll()
    type_chinese(line, "乡村振兴、文旅融合")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert document.plan_file.load().group(group.id).themes == ("乡村振兴", "文旅融合")
    assert editor.editors["origin_site_id"].currentText() == "同培训班"
