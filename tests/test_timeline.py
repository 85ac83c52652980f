"""The timeline drives the document: blocks for the timetable, click to select, drag to
move (real mouse events on the viewport), undo, pinning, selection from other views."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from planner.edits import Batch, Update
from ui.document import Selection
from ui.timeline import TimelineView

from tests.gui import drag


@pytest.fixture
def timeline(qtbot, document):
    view = TimelineView(document)
    qtbot.addWidget(view)
    view.resize(1400, 760)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_qt_calls_do_not_leak_references_to_none(qapp):
    """PySide6 6.12.0's abi3 wheels on Python 3.11 lose a reference to None on every call
    of a void Qt method; a painting view makes thousands, and the process then aborts
    ("deallocating None"). Fails here, by name, instead of crashing a later test."""
    import sys

    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(200):
        probe.setObjectName("probe")
    assert before - sys.getrefcount(None) < 50, (
        "this PySide6 build on this Python leaks references to None (use PySide6 < 6.12 or Python >= 3.12)")


def session_ids(blocks):
    return [b.spec.item_id for b in blocks]


def test_a_day_shows_every_session_in_time_order(timeline, document):
    timeline.set_day(2)
    plan = document.plan
    assert [r.label for r in timeline.rows()] == [g.name for g in plan.ordered_groups()]
    for group in plan.ordered_groups():
        blocks = [b for b in timeline.blocks() if b.spec.group_id == group.id]
        sessions = [b for b in blocks if b.spec.kind == "session"]
        assert sorted(session_ids(sessions)) == sorted(s.id for s in plan.sessions_of(group.id, 2))
        # x follows the start time, width the length
        assert [b.x() for b in blocks] == sorted(b.x() for b in blocks)
        assert all(a.x() < b.x() for a, b in zip(blocks, blocks[1:]) if a.spec.start < b.spec.start)
        for block in sessions:
            slot = document.timetable.slot_of("session", block.spec.item_id)
            assert (block.spec.start, block.spec.end) == (slot.start, slot.end)
            assert block.width == pytest.approx((slot.end - slot.start) * timeline.zoom, abs=2)
        travel = [b for b in blocks if b.spec.kind == "travel"]
        assert travel and all(b.spec.lines[0].startswith("大巴 ") and b.spec.lines[0].endswith("分") for b in travel)
        assert {"lunch", "dinner"} <= {b.spec.kind for b in blocks}


def test_the_overview_has_a_row_per_group_and_day_and_plenaries_in_every_group(timeline, document):
    timeline.set_day(None)
    plan = document.plan
    rows = timeline.rows()
    assert len(rows) == len(plan.groups) * plan.programme.days
    assert rows[1].label == "第一组 · 2月24日 第2天"
    assert all(a.top < b.top for a, b in zip(rows, rows[1:]))
    opening = plan.plenaries[0]
    assert {b.spec.group_id for b in timeline.blocks("plenary", opening.id)} == {g.id for g in plan.groups}
    assert len(timeline.blocks("session")) == len(plan.sessions)


def test_clicking_a_block_selects_its_session(qtbot, timeline, document):
    timeline.set_day(2)
    block = timeline.blocks("session")[1]
    with qtbot.waitSignal(document.selectionChanged) as signal:
        qtbot.mouseClick(timeline.view.viewport(), Qt.MouseButton.LeftButton, pos=timeline.block_point(block))
    assert signal.args[0] == Selection("sessions", (block.spec.item_id,), "timeline")
    assert block.highlighted
    assert document.undo_stack.count() == 0  # a click is not a move


def test_clicking_a_plenary_selects_the_plenary(qtbot, timeline, document):
    timeline.set_day(1)
    block = timeline.blocks("plenary")[0]
    qtbot.mouseClick(timeline.view.viewport(), Qt.MouseButton.LeftButton, pos=timeline.block_point(block))
    assert document.selection.kind == "plenaries" and document.selection.ids == (block.spec.item_id,)
    assert all(b.highlighted for b in timeline.blocks("plenary", block.spec.item_id))


def test_dragging_a_session_to_another_day_moves_it_and_undo_brings_it_back(qtbot, timeline, document):
    timeline.set_day(None)
    plan = document.plan
    group = plan.ordered_groups()[0]
    moved = plan.sessions_of(group.id, 2)[0]
    day3 = [s.id for s in plan.sessions_of(group.id, 3)]
    site = plan.site(moved.site_id).name
    block = timeline.blocks("session", moved.id)[0]
    # drop it on day 3 at 14:30: after the sessions that start before then
    before_1430 = [i for i in day3 if document.timetable.slot_of("session", i).start < 14 * 60 + 30]
    to = timeline.viewport_point(group.id, 3, 14 * 60 + 30) + QPoint(6, 0)
    with qtbot.waitSignal(document.changed):
        drag(qtbot, timeline, block, to)
    expected = before_1430 + [moved.id] + day3[len(before_1430):]
    assert [s.id for s in document.plan.sessions_of(group.id, 3)] == expected
    saved = document.plan_file.load()
    assert saved.get("sessions", moved.id).day == 3
    assert [s.id for s in saved.sessions_of(group.id, 3)] == expected
    assert document.undo_stack.undoText() == f"移动「{site}」到第3天"
    assert document.undo_stack.count() == 1
    assert timeline.blocks("session", moved.id)[0].spec.day == 3  # redrawn

    document.undo_stack.undo()
    assert document.plan_file.load().get("sessions", moved.id) == moved
    assert [s.id for s in document.plan.sessions_of(group.id, 3)] == day3
    assert timeline.blocks("session", moved.id)[0].spec.day == 2


def test_a_pinned_session_dropped_at_three_stays_at_three(timeline, document):
    plan = document.plan
    group = plan.ordered_groups()[1]
    session = plan.sessions_of(group.id, 3)[0]
    document.edit(Update("sessions", session.id, {"pinned": True}), "固定")
    timeline.set_day(3)
    assert timeline.move_session(session.id, group.id, 4, 15 * 60 + 2) is not None  # snapped to 15:00
    pinned = document.plan_file.load().get("sessions", session.id)
    assert (pinned.day, pinned.start, pinned.end - pinned.start) == (4, 15 * 60, session.end - session.start)
    slot = document.timetable.slot_of("session", session.id)
    assert (slot.day, slot.start, slot.fixed) == (4, 15 * 60, True)
    assert timeline.day == 3 and not timeline.blocks("session", session.id)  # it left day 3


def test_shift_drop_pins_the_session_at_the_drop_time(qtbot, timeline, document):
    timeline.set_day(2)
    group = document.plan.ordered_groups()[2]
    session = document.plan.sessions_of(group.id, 2)[0]
    block = timeline.blocks("session", session.id)[0]
    to = timeline.viewport_point(group.id, 2, 15 * 60) + QPoint(10, 0)
    drag(qtbot, timeline, block, to, modifier=Qt.KeyboardModifier.ShiftModifier, grab_dx=10)
    pinned = document.plan_file.load().get("sessions", session.id)
    assert pinned.pinned and pinned.start == 15 * 60
    assert document.undo_stack.undoText().startswith("固定「")
    block = timeline.blocks("session", session.id)[0]
    assert block.spec.pinned and block.spec.start == 15 * 60


def test_dropping_where_it_started_does_nothing(qtbot, timeline, document):
    timeline.set_day(2)
    session = document.plan.sessions_of(1, 2)[1]
    slot = document.timetable.slot_of("session", session.id)
    assert timeline.move_session(session.id, 1, 2, slot.start) is None
    block = timeline.blocks("session", session.id)[0]
    drag(qtbot, timeline, block, timeline.block_point(block, 30), grab_dx=6)  # a short drag, same place
    assert document.undo_stack.count() == 0


def test_selection_from_another_view_highlights_and_scrolls_to_the_block(qtbot, timeline, document):
    timeline.resize(700, 320)
    timeline.set_day(None)
    timeline.set_zoom(4)
    group = document.plan.ordered_groups()[-1]
    session = document.plan.sessions_of(group.id, 6)[-1]
    block = timeline.blocks("session", session.id)[0]
    view = timeline.view

    def visible():
        return view.mapToScene(view.viewport().rect()).boundingRect().contains(block.sceneBoundingRect())
    assert not visible()
    document.select("sessions", [session.id], source="outline")
    assert block.highlighted and visible()
    assert view.verticalScrollBar().value() > 0

    other = timeline.blocks("session", document.plan.sessions_of(group.id, 2)[0].id)[0]
    document.select("sessions", [other.spec.item_id], source="timeline")  # its own: no scrolling
    assert view.verticalScrollBar().value() > 0

    document.select("groups", [group.id], source="outline")
    assert timeline._highlighted_groups == {group.id} and not block.highlighted

    document.select("days", [5], source="outline")
    assert timeline.day == 5 and timeline.day_box.currentData() == 5


def test_selecting_a_session_of_another_day_switches_the_day(timeline, document):
    timeline.set_day(2)
    session = document.plan.sessions_of(1, 4)[0]
    document.select("sessions", [session.id], source="outline")
    assert timeline.day == 4 and timeline.blocks("session", session.id)[0].highlighted


def test_arrow_keys_move_the_selection_between_blocks(qtbot, timeline, document):
    timeline.set_day(2)
    first, second = [b for b in timeline.blocks("session") if b.spec.group_id == 1][:2]
    qtbot.mouseClick(timeline.view.viewport(), Qt.MouseButton.LeftButton, pos=timeline.block_point(first))
    qtbot.keyClick(timeline.view, Qt.Key.Key_Right)
    assert document.selection.ids == (second.spec.item_id,) and second.highlighted and not first.highlighted
    qtbot.keyClick(timeline.view, Qt.Key.Key_Down)
    below = document.plan.get("sessions", document.selection.first)
    assert below.group_id == 2 and below.day == 2
    qtbot.keyClick(timeline.view, Qt.Key.Key_Left)
    assert document.plan.get("sessions", document.selection.first).group_id == 2


def test_an_edit_redraws_only_the_rows_it_touched(timeline, document):
    timeline.set_day(None)
    untouched = {b.spec.item_id: b for b in timeline.blocks("session") if b.spec.group_id == 3}
    touched = document.plan.sessions_of(1, 2)[0]
    before = timeline.blocks("session", touched.id)[0]
    document.edit(Update("sessions", touched.id, {"minutes": 45}), "缩短")
    assert timeline.blocks("session", touched.id)[0] is not before
    after = timeline.blocks("session", touched.id)[0].spec
    assert after.end - after.start == 45
    assert {b.spec.item_id: b for b in timeline.blocks("session") if b.spec.group_id == 3} == untouched
    assert all(a is b for a, b in zip(untouched.values(), [b for b in timeline.blocks("session")
                                                           if b.spec.group_id == 3]))


def test_late_arrivals_and_findings_are_outlined(timeline, document):
    plan = document.plan
    first, session = plan.sessions_of(1, 2)[:2]
    # pin it too early to be reached after the first visit: late arrival, and a finding
    document.edit(Batch((Update("sessions", first.id, {"pinned": True, "start": 9 * 60, "end": 10 * 60}),
                         Update("sessions", session.id, {"pinned": True, "start": 10 * 60, "end": 11 * 60}))), "固定")
    timeline.set_day(2)
    block = timeline.blocks("session", session.id)[0]
    assert document.timetable.slot_of("session", session.id).late_by > 0
    assert block.spec.flagged and block.spec.pinned and "迟到" in block.toolTip()
    assert not timeline.blocks("session", plan.sessions_of(3, 2)[0].id)[0].spec.flagged


def test_zoom_buttons_and_day_selector(qtbot, timeline, document):
    timeline.set_day(2)
    zoom = timeline.zoom
    qtbot.mouseClick(timeline.zoom_in_button, Qt.MouseButton.LeftButton)
    assert timeline.zoom > zoom
    block = timeline.blocks("session")[0]
    assert block.width == pytest.approx((block.spec.end - block.spec.start) * timeline.zoom, abs=2)
    timeline.day_box.setCurrentIndex(timeline.day_box.findData(3))
    assert timeline.day == 3 and {b.spec.day for b in timeline.blocks()} == {3}
    assert timeline.day_box.itemText(1) == "第1天（2月23日）" and timeline.day_box.itemText(0) == "全部日程"


def test_the_timeline_opens_on_a_day_and_fits_its_width_on_every_resize(qtbot, document):
    view = TimelineView(document)
    qtbot.addWidget(view)
    assert view.day == 1 and view.day_box.currentData() == 1  # a day, not the whole trip
    view.resize(1200, 600)
    view.show()
    qtbot.waitExposed(view)

    def fits() -> bool:
        layout, width = view._layout, view.view.viewport().width()
        return abs(layout.width - width) <= 2

    qtbot.waitUntil(fits)
    wide = view.zoom
    view.resize(800, 600)
    qtbot.waitUntil(fits)
    assert view.zoom < wide
    view.set_day(4)
    assert fits() and {b.spec.day for b in view.blocks()} == {4}
    # lanes share the height
    rows = view.rows()
    assert len(rows) == len(document.plan.groups)
    assert rows[-1].bottom >= view.view.viewport().height() - 20
    # zoomed by hand, the zoom stays on a resize
    view.zoom_in()
    zoom = view.zoom
    view.resize(900, 600)
    qtbot.wait(20)
    assert view.zoom == zoom and not view.fitting
    view.fit_width()
    assert fits() and view.fitting


def test_a_block_names_the_site_first_and_times_read_as_on_paper(timeline, document):
    timeline.set_day(2)
    for block in timeline.blocks("session"):
        session = document.plan.get("sessions", block.spec.item_id)
        site = document.plan.site(session.site_id)
        assert block.spec.lines[0] == site.name
        slot = document.timetable.slot_of("session", session.id)
        hours, minutes = divmod(slot.minutes, 60)
        assert ("小时" in block.toolTip()) == (hours > 0) and "分钟）" not in block.toolTip()
    travel = timeline.blocks("travel")[0]
    assert " 约 " in travel.spec.lines[0] and "分钟" not in travel.spec.lines[0]
