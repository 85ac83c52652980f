"""The board (日程总览), driven through real widgets: every group's day in full words,
edited in place (drag, context menu, Delete, double-click), additions through the menus
reaching the board, the timeline and the printed overview, and a 1366×768 screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QStyleOptionViewItem

from planner.board import build_board
from planner.documents import Documents
from planner.editing import add_lodgings
from planner.model import parse_clock
from planner.store import PlanFile
from ui.add_dialogs import AddGroupDialog, AddHotelDialog, AddLodgingDialog, AddPlenaryDialog
from ui.board import BoardView, CellRole
from ui.board.delegate import mark_colour
from ui.board.texts import weekday_name
from ui.dialogs import AddSessionDialog
from ui.main_window import first_size

from tests.gui import answer_dialogs, make_window

T = parse_clock


@pytest.fixture
def board(qtbot, document):
    view = BoardView(document)
    qtbot.addWidget(view)
    view.resize(1100, 800)
    view.show()
    qtbot.waitExposed(view)
    view.relayout()
    return view


@pytest.fixture
def window(qtbot, tmp_path, sample_path):
    window = make_window(qtbot, PlanFile.open(sample_path), tmp_path)
    window.resize(1600, 1200)
    qtbot.waitExposed(window)
    window.board.relayout()
    return window


def scroll_to_day(board, day: int) -> None:
    """Scroll so that the day's row starts at the top of the board."""
    bar = board.verticalScrollBar()
    bar.setValue(bar.value() + board.rowViewportPosition(day - 1))


def cell_text(board, group_id: int, day: int) -> str:
    return board.model().index_of(group_id, day).data()


def drag_to(qtbot, board, start: QPoint, to: QPoint) -> None:
    """Press at ``start``, move in steps, release at ``to`` (viewport coordinates)."""
    viewport = board.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for step in range(1, 6):
        qtbot.mouseMove(viewport, start + (to - start) * step / 5)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, to)


def session_top(board, session_id: int) -> QPoint:
    """A point in the upper half of a session's line (a drop there goes before it)."""
    point = board.entry_point("session", session_id)
    index = board.indexAt(point)
    block = board.block_at(point)[1]
    return QPoint(point.x(), board.visualRect(index).top() + round(block.top) + 3)


# --- what the board shows ------------------------------------------------------------------


def test_the_board_shows_every_day_and_group_in_full_words(board, document):
    plan, model = document.plan, board.model()
    groups = plan.ordered_groups()
    assert (model.rowCount(), model.columnCount()) == (plan.programme.days, len(groups)) == (6, 3)
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)] == [g.name for g in groups]
    for session in plan.sessions:
        assert plan.site(session.site_id).name in cell_text(board, session.group_id, session.day)
    for lodging in plan.lodgings:
        assert f"住宿：{plan.site(lodging.site_id).name}" in cell_text(board, lodging.group_id, lodging.night)
    for row in range(model.rowCount()):
        day = plan.programme.date_of(row + 1)
        header = model.headerData(row, Qt.Orientation.Vertical)
        assert f"{day.month}月{day.day}日" in header and weekday_name(day) in header
        for column in range(model.columnCount()):
            index = model.index(row, column)
            text = index.data()
            assert text == index.data(Qt.ItemDataRole.AccessibleTextRole) and "…" not in text
            cell = index.data(CellRole)
            if cell.travel_minutes:
                assert "车程约 " in text
            # what is drawn is the text, wrapped: every word of it, nothing cut
            drawn = "".join(board.cell_layout(index).texts()).replace(" ", "")
            for entry in cell.sessions:
                assert entry.site.replace(" ", "") in drawn
            if cell.hotel:
                assert cell.hotel in drawn
    opening = min(plan.plenaries, key=lambda p: (p.day, p.start))
    assert opening.title in model.headerData(opening.day - 1, Qt.Orientation.Vertical)
    assert all(f"全体 · {opening.title}" in cell_text(board, g.id, opening.day) for g in groups)


def test_plenaries_line_up_across_the_groups(board, document):
    row = min(p.day for p in document.plan.plenaries) - 1
    tops = []
    for column in range(board.model().columnCount()):
        layout = board.cell_layout(board.model().index(row, column))
        tops.append([(b.top, b.height) for b in layout.blocks if b.kind == "plenary"])
    assert tops[0] and all(t == tops[0] for t in tops)


def test_at_1366_by_768_the_window_fits_and_shows_day_1_of_every_group_whole(qtbot, window):
    screen = QSize(1366, 768)
    size = first_size(screen)
    assert size.width() <= 1366 and size.height() <= 768
    minimum = window.minimumSizeHint()
    assert minimum.width() <= size.width() and minimum.height() <= size.height()
    window.resize(size)
    window.size_docks()
    qtbot.wait(20)
    board = window.board
    board.relayout()
    assert window.tabs.currentWidget() is board
    viewport = board.viewport()
    assert board.rowViewportPosition(0) >= 0
    assert board.rowViewportPosition(0) + board.rowHeight(0) <= viewport.height()
    delegate = board.itemDelegate()
    for column in range(board.model().columnCount()):
        assert board.columnViewportPosition(column) + board.columnWidth(column) <= viewport.width()
        index = board.model().index(0, column)
        assert "…" not in index.data()
        option = QStyleOptionViewItem()
        option.rect = board.visualRect(index)
        assert delegate.sizeHint(option, index).height() <= board.rowHeight(0)
        assert all("…" not in line for line in board.cell_layout(index).texts())


def test_a_window_saved_on_a_larger_screen_opens_within_this_one(qtbot, tmp_path, sample_path):
    """(Qt's restoreGeometry does it; this guards the promise that the window fits.)"""
    from PySide6.QtCore import QSettings

    from ui import settings as app_settings
    from ui.main_window import MainWindow

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    big = MainWindow(PlanFile.open(sample_path), settings)
    qtbot.addWidget(big)
    big.resize(3000, 2000)
    app_settings.WINDOW_GEOMETRY.set(bytes(big.saveGeometry().data()), settings)
    big.document.close()
    window = MainWindow(PlanFile.open(sample_path), settings)
    qtbot.addWidget(window)
    available = window.screen().availableGeometry()
    assert window.width() <= available.width() and window.height() <= available.height()


# --- editing in place -----------------------------------------------------------------------


def test_dragging_a_session_to_another_cell_moves_it_and_undo_and_redo_restore_it(qtbot, window):
    document, board = window.document, window.board
    plan = document.plan
    first, second = plan.ordered_groups()[0].id, plan.ordered_groups()[1].id
    session = plan.sessions_of(first, 2)[0]
    target = plan.sessions_of(second, 3)
    name = plan.site(session.site_id).name
    scroll_to_day(board, 2)
    assert session_top(board, target[1].id).y() < board.viewport().height() - 40  # no scrolling while dragging
    with qtbot.waitSignal(document.changed):
        drag_to(qtbot, board, board.entry_point("session", session.id), session_top(board, target[1].id))
    moved = document.plan.get("sessions", session.id)
    assert (moved.group_id, moved.day) == (second, 3)
    assert [s.id for s in document.plan.sessions_of(second, 3)][:3] == [target[0].id, session.id, target[1].id]
    assert name in cell_text(board, second, 3) and name not in cell_text(board, first, 2)
    assert document.undo_stack.count() == 1 and "移动" in document.undo_stack.undoText()
    window.undo_action.trigger()
    assert document.plan.get("sessions", session.id) == session
    assert name in cell_text(board, first, 2) and name not in cell_text(board, second, 3)
    window.redo_action.trigger()
    assert (document.plan.get("sessions", session.id).group_id, document.plan.get("sessions", session.id).day) == (second, 3)


def test_dragging_within_a_cell_changes_the_order(qtbot, board, document):
    group = document.plan.ordered_groups()[2].id
    day = next(d for d in range(1, 7) if len(document.plan.sessions_of(group, d)) >= 3)
    ids = [s.id for s in document.plan.sessions_of(group, day)]
    scroll_to_day(board, day)
    drag_to(qtbot, board, board.entry_point("session", ids[2]), session_top(board, ids[0]))
    assert [s.id for s in document.plan.sessions_of(group, day)][:3] == [ids[2], ids[0], ids[1]]
    assert document.undo_stack.undoText().startswith("调整")
    entries = board.model().index_of(group, day).data(CellRole).sessions
    assert [e.item_id for e in entries][:3] == [ids[2], ids[0], ids[1]]


def test_delete_removes_the_session_selected_on_the_board(qtbot, window):
    document, board = window.document, window.board
    session = document.plan.sessions_of(document.plan.ordered_groups()[0].id, 2)[1]
    qtbot.mouseClick(board.viewport(), Qt.MouseButton.LeftButton, pos=board.entry_point("session", session.id))
    assert (document.selection.kind, document.selection.ids) == ("sessions", (session.id,))
    board.setFocus()
    qtbot.keyClick(board, Qt.Key.Key_Delete)
    assert document.plan.get("sessions", session.id) is None
    window.undo_action.trigger()
    assert document.plan.get("sessions", session.id) == session


def test_the_context_menu_adds_a_session_to_its_cell(qtbot, window):
    document, board = window.document, window.board
    group = document.plan.ordered_groups()[1]
    site = next(s for s in document.plan.sites if s.kind == "village")
    seen = []

    def fill(dialog):
        assert isinstance(dialog, AddSessionDialog)
        seen.append((dialog.group.currentData(), dialog.day.currentData()))
        dialog.site.setCurrentIndex(dialog.site.findData(site.id))

    answer_dialogs(window, qtbot, fill)
    rect = board.visualRect(board.model().index_of(group.id, 4))
    menu = board.context_menu(QPoint(rect.center().x(), rect.bottom() - 4))
    qtbot.addWidget(menu)
    menu.findChild(type(menu.actions()[0]), "addSession").trigger()
    assert seen == [(group.id, 4)]
    added = document.plan.sessions_of(group.id, 4)[-1]
    assert added.site_id == site.id and site.name in cell_text(board, group.id, 4)


def test_double_click_on_a_site_opens_its_properties(qtbot, window):
    document, board = window.document, window.board
    session = document.plan.sessions_of(document.plan.ordered_groups()[0].id, 3)[0]
    scroll_to_day(board, 3)
    point = board.entry_point("session", session.id)
    qtbot.mouseDClick(board.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert (window.properties.kind, window.properties.item_id) == ("sessions", session.id)
    assert window.dock_named("propertiesDock").isVisible()


def test_a_cell_with_findings_is_marked_and_says_what_is_wrong(board, document):
    plan = document.plan
    group = plan.ordered_groups()[0].id
    night = min(l.night for l in plan.lodgings if l.group_id == group)
    lodging = next(l for l in plan.lodgings if l.group_id == group and l.night == night)
    from planner.editing import delete_items

    document.perform(delete_items(plan, "lodgings", [lodging.id]), "删除住宿")
    index = board.model().index_of(group, night)
    cell = index.data(CellRole)
    assert cell.findings and "住宿：未安排" in index.data()
    mark = board.itemDelegate().mark_rect(board.columnWidth(index.column())).center().toPoint()
    tip = board.itemDelegate().tooltip_at(index, mark)
    assert cell.findings[0].message_zh in tip
    colour = mark_colour("error", [g.colour for g in plan.groups])
    assert all(abs(colour.red() - QColor(g.colour).red()) + abs(colour.green() - QColor(g.colour).green())
               + abs(colour.blue() - QColor(g.colour).blue()) > 90 for g in plan.groups)
    # set the lodging again from the cell: the mark goes
    document.perform(add_lodgings(document.plan, [group], night, night, lodging.site_id), "住宿")
    assert not board.model().index_of(group, night).data(CellRole).findings


# --- adding through the menus -----------------------------------------------------------------


def test_a_lodging_and_a_plenary_added_through_the_menus_appear_on_the_board_timeline_and_print(qtbot, window):
    document = window.document
    plan = document.plan
    group = plan.ordered_groups()[2]
    night = max(l.night for l in plan.lodgings if l.group_id == group.id)
    place = plan.place_of(plan.site(next(l for l in plan.lodgings if l.group_id == group.id and l.night == night).site_id))

    def fill(dialog):
        if isinstance(dialog, AddLodgingDialog):
            dialog.group.setCurrentIndex(dialog.group.findData(group.id))
            dialog.first.setCurrentIndex(dialog.first.findData(night))
            assert dialog.last.currentData() == night
            dialog.new_button.click()  # a new hotel, in the same step
            assert dialog.hotel.currentData() == 0
        elif isinstance(dialog, AddHotelDialog):
            assert dialog.place.currentData() == place.id  # where the group sleeps that night
            dialog.name.setText("如皋迎宾馆")
        elif isinstance(dialog, AddPlenaryDialog):
            assert dialog.kind.currentData() == "closing" and dialog.title.text() == "结业式"
            dialog.day.setCurrentIndex(dialog.day.findData(5))
            dialog.start.setTime(dialog.start.time().fromString("19:40", "HH:mm"))
            dialog.length.setValue(40)

    answer_dialogs(window, qtbot, fill)
    plan_menu = window.plan_menu.actions()
    assert window.add_actions.add_lodging_action in plan_menu and window.add_actions.add_plenary_action in plan_menu
    window.add_actions.add_lodging_action.trigger()
    window.add_actions.add_plenary_action.trigger()
    plan = document.plan
    hotel = next(s for s in plan.sites if s.name == "如皋迎宾馆")
    assert hotel.kind == "hotel" and hotel.place_id == place.id
    plenary = next(p for p in plan.plenaries if p.title == "结业式")
    assert (plenary.day, plenary.start, plenary.end) == (5, T("19:40"), T("20:20"))
    assert document.undo_stack.count() == 2
    # the board
    board = window.board
    assert "住宿：如皋迎宾馆" in cell_text(board, group.id, night)
    assert all("全体 · 结业式" in cell_text(board, g.id, 5) for g in plan.groups)
    assert "结业式" in board.model().headerData(4, Qt.Orientation.Vertical)
    # the timeline
    timeline = window.timeline
    timeline.set_day(5)
    assert {b.spec.group_id for b in timeline.blocks("plenary", plenary.id)} == {g.id for g in plan.groups}
    timeline.set_day(night)
    dinner = [b for b in timeline.blocks("dinner") if b.spec.group_id == group.id]
    assert dinner and "如皋迎宾馆" in dinner[0].toolTip()
    # the printed overview
    overview = Documents(plan, document.timetable).overview()
    assert overview.days[night - 1].lodgings[plan.ordered_groups().index(group)] == "如皋迎宾馆"
    assert any(block.plenary is not None and block.plenary.content == "结业式" for block in overview.days[4].blocks)


def test_a_group_added_gets_a_column(qtbot, window):
    document, board = window.document, window.board

    def fill(dialog):
        assert isinstance(dialog, AddGroupDialog) and dialog.name.text() == "第四组"
        dialog.leader.setText("带队领导（示意）4")

    answer_dialogs(window, qtbot, fill)
    assert window.add_actions.add_group_action in window.plan_menu.actions()
    window.add_actions.add_group_action.trigger()
    group = document.plan.ordered_groups()[-1]
    assert (group.name, group.leader) == ("第四组", "带队领导（示意）4")
    assert group.colour not in {g.colour for g in document.plan.groups if g.id != group.id}
    assert board.model().columnCount() == 4
    assert board.model().headerData(3, Qt.Orientation.Horizontal) == "第四组"
    # its days show the plenaries every group attends
    opening = min(document.plan.plenaries, key=lambda p: (p.day, p.start))
    assert opening.title in cell_text(board, group.id, opening.day)
    window.undo_action.trigger()
    assert board.model().columnCount() == 3


# --- selection ----------------------------------------------------------------------------------


def test_the_board_and_the_timeline_follow_the_selection(qtbot, window):
    document, board, timeline = window.document, window.board, window.timeline
    session = document.plan.sessions_of(document.plan.ordered_groups()[1].id, 2)[0]
    qtbot.mouseClick(board.viewport(), Qt.MouseButton.LeftButton, pos=board.entry_point("session", session.id))
    assert (document.selection.kind, document.selection.ids, document.selection.source) == \
        ("sessions", (session.id,), "board")
    assert timeline.day == 2 and timeline.blocks("session", session.id)[0].highlighted
    assert window.properties.item_id == session.id
    other = document.plan.sessions_of(document.plan.ordered_groups()[2].id, 5)[-1]
    document.select("sessions", [other.id], source="outline")
    current = board.currentIndex()
    assert (current.row(), current.column()) == (4, 2)
    assert board.is_selected(next(b for b in board.cell_layout(current).blocks
                                  if b.entry is not None and b.entry.item_id == other.id), current.data(CellRole))
    rect = board.visualRect(current)
    assert rect.bottom() > 0 and rect.top() < board.viewport().height()  # scrolled into view
    # a click on a cell's empty part selects its day: the timeline shows that day
    rect = board.visualRect(board.model().index_of(session.group_id, 4))
    qtbot.mouseClick(board.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.center().x(), rect.top() + 3))
    assert (document.selection.kind, document.selection.ids) == ("days", (4,)) and timeline.day == 4
    # the arrow keys move from day to day
    board.setFocus()
    qtbot.keyClick(board, Qt.Key.Key_Down)
    assert (document.selection.kind, document.selection.ids) == ("days", (5,)) and timeline.day == 5
    # a site picked on the map: its visits are marked on the board
    site = document.plan.site(session.site_id)
    document.select("sites", [site.id], source="map")
    index = board.model().index_of(session.group_id, session.day)
    marked = [b for b in board.cell_layout(index).blocks if board.is_selected(b, index.data(CellRole))]
    assert [b.entry.item_id for b in marked] == [s.id for s in document.plan.sessions_of(session.group_id, 2)
                                                 if s.site_id == site.id]


def test_the_board_speaks_english(english, board, document):
    text = board.model().index(0, 0).data()
    assert "Travel about" in text and "Hotel: " in text and "住宿" not in text
    date = document.plan.programme.start_date
    assert weekday_name(date) in board.model().headerData(0, Qt.Orientation.Vertical)
    assert weekday_name(date) in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def test_the_board_follows_every_edit_and_undo(board, document):
    plan = document.plan
    session = plan.sessions_of(plan.ordered_groups()[0].id, 2)[0]
    document.perform(add_lodgings(plan, [session.group_id], 2, 2, next(s.id for s in plan.sites if s.kind == "hotel"
                                                                       and s.id != session.site_id)), "住宿")
    assert board.model().board == build_board(document.plan, document.timetable, document.findings)
    document.undo_stack.undo()
    assert board.model().board == build_board(document.plan, document.timetable, document.findings)
