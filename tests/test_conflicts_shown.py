"""A conflict is shown where it happens, and the window fits a small screen: the late part
of a leg drawn late on the timeline and the board, its finding in view without scrolling,
panes that hide while they have nothing to say, a tool bar that does not grow."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor

from planner.checks import ERROR
from planner.edits import Batch, Update
from planner.model import parse_clock
from planner.store import PlanFile
from ui.findings import FindingRole
from ui.main_window import first_size
from ui.marks import mark_colour

from tests.gui import make_window

T = parse_clock
SMALL_SCREEN = QSize(1366, 768 - 40)  # an office laptop, less its task bar


@pytest.fixture
def window(qtbot, tmp_path, sample_path):
    window = make_window(qtbot, PlanFile.open(sample_path), tmp_path)
    window.resize(first_size(SMALL_SCREEN))
    qtbot.waitExposed(window)
    return window


def make_late(document) -> tuple[int, int]:
    """第一组, day 2: 良渚古城遗址公园 pinned at 11:05–12:20 and 义乌国际商贸城 at 13:00–14:30;
    the bus between takes about two hours, so the group is late. Returns (group, session)."""
    group = document.plan.ordered_groups()[0].id
    _first, middle, late = document.plan.sessions_of(group, 2)[:3]
    document.edit(Batch((Update("sessions", middle.id, {"pinned": True, "start": T("11:05"), "end": T("12:20")}),
                         Update("sessions", late.id, {"pinned": True, "start": T("13:00"), "end": T("14:30")}))),
                  "固定时间")
    return group, late.id


def tinted(image, rect: QRect, colour: QColor) -> float:
    """The share of pixels in ``rect`` of ``image`` near ``colour`` or its light tints."""
    near = total = 0
    tints = [colour, QColor.fromRgbF(*(c + (1 - c) * 0.66 for c in (colour.redF(), colour.greenF(), colour.blueF())))]
    for x in range(rect.left(), rect.right() + 1, 2):
        for y in range(rect.top(), rect.bottom() + 1, 2):
            pixel = image.pixelColor(x, y)
            total += 1
            if any(abs(pixel.red() - t.red()) + abs(pixel.green() - t.green()) + abs(pixel.blue() - t.blue()) < 60
                   for t in tints):
                near += 1
    return near / max(1, total)


def test_a_late_leg_is_drawn_late_and_its_finding_is_in_view(qtbot, window):
    document = window.document
    assert not window.dock_named("findingsDock").isVisible()  # the sample is clean: no empty pane
    group, session_id = make_late(document)
    slot = document.timetable.slot_of("session", session_id)
    assert slot.late_by > 0

    # the finding: its pane opened by itself, every line in view without scrolling
    panel = window.findings
    qtbot.waitUntil(lambda: panel.isVisible() and not panel.visibleRegion().isEmpty())
    qtbot.wait(50)
    header = panel.topLevelItem(0)
    item = header.child(0)
    finding = item.data(0, FindingRole)
    assert finding.code == "late-arrival" and finding.severity == ERROR
    last = panel.topLevelItem(panel.topLevelItemCount() - 1)
    last = last.child(last.childCount() - 1) or last
    for shown in (item, last):
        assert panel.viewport().rect().contains(panel.visualItemRect(shown)), shown.text(0)
    assert panel.verticalScrollBar().value() == 0
    assert "错误 1" in window.status.text()

    # the timeline: the leg that makes the group late drawn over the item it makes late
    timeline = window.timeline
    window.tabs.setCurrentWidget(timeline)
    timeline.set_day(2)
    qtbot.wait(50)
    late_legs = [b for b in timeline.blocks("travel") if b.spec.late_by > 0]
    assert [(b.spec.group_id, b.spec.late_by) for b in late_legs] == [(group, slot.late_by)]
    leg = late_legs[0]
    assert any("迟到" in line for line in leg.spec.lines) and "来不及" in leg.toolTip()
    session = timeline.blocks("session", session_id)[0]
    assert session.spec.flagged and session.spec.severity == ERROR
    assert leg.sceneBoundingRect().intersects(session.sceneBoundingRect())
    late_part = leg.mapRectToScene(leg.late_rect())
    centre = timeline.view.mapFromScene(late_part.center())
    top = next(i for i in timeline.view.items(centre) if hasattr(i, "spec"))
    assert top is leg  # not hidden under the session
    image = timeline.view.viewport().grab().toImage()
    mark = QColor(leg.spec.mark)
    assert mark == mark_colour(ERROR, [g.colour for g in document.plan.groups])
    inside = timeline.view.mapFromScene(late_part).boundingRect().adjusted(4, 4, -4, -4)
    ratio = image.width() / timeline.view.viewport().width()  # device pixels
    inside = QRect(round(inside.x() * ratio), round(inside.y() * ratio),
                   round(inside.width() * ratio), round(inside.height() * ratio))
    assert tinted(image, inside, mark) > 0.2  # hatched in the marks' colour
    on_time = [b for b in timeline.blocks("travel") if b.spec.group_id != group and b.width > 30][0]
    other = timeline.view.mapFromScene(on_time.sceneBoundingRect()).boundingRect().adjusted(4, 4, -4, -4)
    other = QRect(round(other.x() * ratio), round(other.y() * ratio),
                  round(other.width() * ratio), round(other.height() * ratio))
    assert tinted(image, other, mark) < 0.02  # a leg in time is not

    # the board: the leg shows, and says it is too late
    window.tabs.setCurrentWidget(window.board)
    cell = window.board.model().index_of(group, 2).data()
    assert "来不及" in cell and "迟到" in cell


def test_the_window_fits_a_1366_by_768_screen_with_its_panes_open(qtbot, window):
    size = first_size(SMALL_SCREEN)
    assert size.width() <= 1366 and size.height() <= 768
    make_late(window.document)  # the findings pane opens
    window.document.select("sessions", [window.document.plan.sessions[0].id])  # and properties
    qtbot.wait(20)
    assert window.dock_named("findingsDock").isVisible() and window.dock_named("propertiesDock").isVisible()
    minimum = window.minimumSizeHint()
    assert minimum.width() <= size.width() and minimum.height() <= size.height()
    assert window.size() == size  # nothing pushed it larger
    assert window.board.width() > size.width() // 2  # the board keeps the room


def test_panes_with_nothing_to_say_stay_out_of_the_way(qtbot, window):
    properties, findings = window.dock_named("propertiesDock"), window.dock_named("findingsDock")
    assert not properties.isVisible() and not findings.isVisible()
    assert not window.dock_named("outlineDock").isVisible()  # the board is the outline
    assert not window.participant_actions.dock.isVisible()  # 分组: the 学员 menu opens it
    assert not window.dock_named("budgetDock").isVisible()  # the status bar's 经费 opens it
    assert window.status.text() == "未发现问题"
    session = window.document.plan.sessions[0]
    window.document.select("sessions", [session.id])
    assert properties.isVisible()
    info = window.properties.info  # the computed lines come first, above the fields
    assert info.isVisible() and info.text().startswith("日程：")
    assert info.geometry().bottom() < window.properties.form_host.geometry().top()
    window.document.select("", [])
    assert not properties.isVisible()
    qtbot.mouseClick(window.status, Qt.MouseButton.LeftButton)  # the badge opens the findings anyway
    assert findings.isVisible() and window.findings.topLevelItem(0).text(0) == "未发现问题"
    qtbot.mouseClick(window.status, Qt.MouseButton.LeftButton)
    assert not findings.isVisible()


def test_a_pane_closed_by_the_organiser_stays_closed(qtbot, window):
    properties = window.dock_named("propertiesDock")
    sessions = window.document.plan.sessions
    window.document.select("sessions", [sessions[0].id])
    assert properties.isVisible()
    properties.close()  # its close button
    window.document.select("sessions", [sessions[1].id])
    assert not properties.isVisible()
    properties.toggleViewAction().trigger()  # 视图 → 属性
    assert properties.isVisible()


def test_the_tool_bar_has_no_access_keys_and_undo_keeps_its_width(qtbot, window):
    texts = [a.iconText() for a in window.toolbar.actions() if not a.isSeparator()]
    assert "添加县（市、区）" in texts and "打印与导出" in texts
    assert not [t for t in texts if "(" in t or "&" in t or "…" in t], texts
    undo = window.toolbar.widgetForAction(window.undo_action)
    before = undo.sizeHint().width()
    make_late(window.document)
    assert window.undo_action.isEnabled() and "固定时间" in window.undo_action.text()
    assert undo.sizeHint().width() == before and "固定时间" in undo.toolTip()
