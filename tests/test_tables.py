"""Tables of places, sites and participants: in-place editing through the view, refused
input, filtering, selection in step with the document, undoable delete."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit

from planner.edits import Update
from ui.columns import FIELDS, table_columns
from ui.document import Selection
from ui.item_model import ItemIdRole, ItemTableModel
from ui.tables import ItemTable


def make_table(qtbot, document, kind):
    table = ItemTable(document, kind)
    qtbot.addWidget(table)
    table.resize(1200, 600)
    table.show()
    qtbot.waitExposed(table)
    return table


def column(table, name):
    return [spec.name for spec in table.model.columns].index(name)


def view_index(table, item_id, name):
    source = table.model.index_of(item_id, column(table, name))
    return table.proxy.mapFromSource(source)


def open_editor(qtbot, table, index, editor_type=QLineEdit):
    table.view.setCurrentIndex(index)
    table.view.edit(index)
    editors = [e for e in table.view.viewport().findChildren(editor_type) if e.isVisible()]
    assert len(editors) == 1
    return editors[0]


def test_editing_a_site_name_in_the_view_writes_the_file_and_undo_restores_it(qtbot, document):
    table = make_table(qtbot, document, "sites")
    site = document.plan.sites[1]
    editor = open_editor(qtbot, table, view_index(table, site.id, "name"))
    assert editor.text() == site.name
    editor.selectAll()
    qtbot.keyClicks(editor, "Alibaba Xixi")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next event loop turn
    qtbot.waitUntil(lambda: document.undo_stack.count() == 1)

    assert document.plan_file.load().get("sites", site.id).name == "Alibaba Xixi"
    assert view_index(table, site.id, "name").data() == "Alibaba Xixi"
    assert document.undo_stack.undoText() == f"修改「{site.name}」的名称"
    document.undo_stack.undo()
    assert document.plan_file.load().get("sites", site.id).name == site.name
    assert view_index(table, site.id, "name").data() == site.name


def test_a_bad_opening_time_is_refused_with_the_reason_and_the_file_is_untouched(qtbot, document):
    table = make_table(qtbot, document, "sites")
    site = next(s for s in document.plan.sites if s.opens is not None)
    before = document.plan_file.load()
    editor = open_editor(qtbot, table, view_index(table, site.id, "opens"))
    assert editor.text() == "08:30"
    editor.selectAll()
    qtbot.keyClicks(editor, "8:3x")
    with qtbot.waitSignal(table.model.invalidInput) as refused:
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert "HH:MM" in refused.args[0]
    assert table.message.isVisible() and "HH:MM" in table.message.text()
    assert document.plan_file.load() == before
    assert document.undo_stack.count() == 0
    assert view_index(table, site.id, "opens").data() == "08:30"
    # Through the model too: not a number, not a time, empty name.
    model = table.model
    row = model.row_of(site.id)
    assert not model.setData(model.index(row, column(table, "visit_minutes")), "九十")
    assert not model.setData(model.index(row, column(table, "closes")), "18:75")
    assert not model.setData(model.index(row, column(table, "name")), "  ")
    assert document.plan_file.load() == before
    # A good time is taken, in the colon Chinese keyboards type too.
    assert model.setData(model.index(row, column(table, "opens")), "9：00")
    assert document.plan_file.load().get("sites", site.id).opens == 9 * 60
    assert not table.message.isVisible()


def test_enumerations_and_references_are_picked_from_combo_boxes(qtbot, document):
    table = make_table(qtbot, document, "sites")
    site = document.plan.sites[1]
    combo = open_editor(qtbot, table, view_index(table, site.id, "kind"), QComboBox)
    labels = [combo.itemText(i) for i in range(combo.count())]
    assert labels == ["企业", "园区", "村", "市场", "会场", "宾馆", "集合地点", "其他"]
    combo.setCurrentIndex(labels.index("村"))
    combo.activated.emit(combo.currentIndex())
    assert document.plan_file.load().get("sites", site.id).kind == "village"
    assert view_index(table, site.id, "kind").data() == "村"

    place = document.plan.places[2]
    combo = open_editor(qtbot, table, view_index(table, site.id, "place_id"), QComboBox)
    combo.setCurrentIndex(combo.findData(place.id))
    combo.activated.emit(combo.currentIndex())
    assert document.plan_file.load().get("sites", site.id).place_id == place.id
    assert view_index(table, site.id, "place_id").data() == place.name

    # Renaming the place shows in the sites table (a referenced kind changed).
    document.edit(Update("places", place.id, {"name": "义乌"}), "改名")
    assert view_index(table, site.id, "place_id").data() == "义乌"


def test_yes_no_cells_are_picked_from_a_combo_box_both_ways(qtbot, document):
    table = make_table(qtbot, document, "participants")
    person = document.plan.participants[0]
    for value in (True, False):  # a locked person's cell once crashed the app when edited
        combo = open_editor(qtbot, table, view_index(table, person.id, "locked"), QComboBox)
        assert [combo.itemText(i) for i in range(combo.count())] == ["是", "否"]
        assert combo.currentData() == document.plan.get("participants", person.id).locked
        combo.setCurrentIndex(combo.findData(value))
        combo.activated.emit(combo.currentIndex())
        assert document.plan_file.load().get("participants", person.id).locked is value


def test_control_characters_typed_or_pasted_are_left_out(qtbot, document):
    table = make_table(qtbot, document, "sites")
    site = document.plan.sites[1]
    model = table.model
    assert model.setData(model.index(model.row_of(site.id), column(table, "name")), "横店\x00影视\b城")
    assert document.plan_file.load().get("sites", site.id).name == "横店影视城"


def test_not_a_number_is_no_position(qtbot, document):
    table = make_table(qtbot, document, "sites")
    site = next(s for s in document.plan.sites if s.lon is not None)
    model = table.model
    for text in ("nan", "inf", "-inf"):
        with qtbot.waitSignal(model.invalidInput) as refused:
            assert not model.setData(model.index(model.row_of(site.id), column(table, "lon")), text)
        assert "应为数字" in refused.args[0]
    assert document.plan_file.load().get("sites", site.id).lon == site.lon


def test_participant_columns_show_chinese_labels_and_parse_lists(qtbot, document):
    table = make_table(qtbot, document, "participants")
    headers = [table.model.headerData(c, Qt.Orientation.Horizontal) for c in range(table.model.columnCount())]
    assert headers[:2] == ["姓名", "性别"] and "角色" in headers and "组" in headers
    person = document.plan.participants[0]
    assert view_index(table, person.id, "role").data() == "带队领导"
    assert view_index(table, person.id, "gender").data() == "男"
    assert view_index(table, person.id, "group_id").data() == document.plan.group(person.group_id).name
    model = table.model
    row = model.row_of(person.id)
    assert model.setData(model.index(row, column(table, "interests")), "招商引资、乡村振兴, 文旅融合")
    assert document.plan_file.load().get("participants", person.id).interests == ("招商引资", "乡村振兴", "文旅融合")
    assert model.setData(model.index(row, column(table, "gender")), "女")
    assert document.plan.get("participants", person.id).gender == "female"
    assert not model.setData(model.index(row, column(table, "role")), "班长")


def test_filtering_keeps_the_matching_rows(qtbot, document):
    table = make_table(qtbot, document, "sites")
    total = table.proxy.rowCount()
    table.filter_edit.insert("义乌")  # (QTest cannot type non-Latin-1 keys)
    shown = table.proxy.rowCount()
    assert 0 < shown < total
    for row in range(shown):
        cells = [table.proxy.index(row, c).data() for c in range(table.proxy.columnCount())]
        assert any("义乌" in (cell or "") for cell in cells)
    assert f"{shown} / {total}" in table.count_label.text()
    table.filter_edit.clear()
    assert table.proxy.rowCount() == total


def test_selection_follows_the_document_both_ways(qtbot, document):
    table = make_table(qtbot, document, "sites")
    site = document.plan.sites[3]
    with qtbot.waitSignal(document.selectionChanged):
        table.view.selectRow(view_index(table, site.id, "name").row())
    assert document.selection == Selection("sites", (site.id,), "table:sites")

    far = document.plan.sites[-1]
    document.select("sites", [far.id, site.id], source="timeline")
    assert sorted(table.selected_ids()) == sorted([far.id, site.id])
    rect = table.view.visualRect(view_index(table, far.id, "name"))
    assert table.view.viewport().rect().intersects(rect)  # scrolled into view
    assert document.selection.source == "timeline"  # the table did not echo it back

    document.select("sessions", [1], source="timeline")
    assert table.selected_ids() == []


def test_sorting_by_a_time_column_sorts_times(qtbot, document):
    table = make_table(qtbot, document, "sites")
    table.view.sortByColumn(column(table, "visit_minutes"), Qt.SortOrder.DescendingOrder)
    values = [table.proxy.index(r, column(table, "visit_minutes")).data(ItemIdRole)
              for r in range(table.proxy.rowCount())]
    minutes = [document.plan.get("sites", i).visit_minutes or -1 for i in values]
    assert minutes == sorted(minutes, reverse=True)


def test_delete_is_one_undoable_step_and_a_refused_delete_says_why(qtbot, document):
    table = make_table(qtbot, document, "participants")
    people = document.plan.participants[:2]
    rows = sorted(view_index(table, p.id, "name").row() for p in people)
    table.view.selectRow(rows[0])
    table.view.selectionModel().select(
        table.proxy.index(rows[1], 0),
        table.view.selectionModel().SelectionFlag.Select | table.view.selectionModel().SelectionFlag.Rows,
    )
    with qtbot.waitActive(table):
        table.activateWindow()
    table.view.setFocus()
    qtbot.keyClick(table.view, Qt.Key.Key_Delete)
    assert all(document.plan_file.load().get("participants", p.id) is None for p in people)
    assert table.model.rowCount() == len(document.plan.participants)
    assert document.undo_stack.undoText() == "删除 2 个学员"
    document.undo_stack.undo()
    assert [document.plan_file.load().get("participants", p.id) for p in people] == list(people)
    assert table.model.row_of(people[0].id) is not None

    places = make_table(qtbot, document, "places")
    used = document.plan.places[1]
    places.view.selectRow(view_index(places, used.id, "name").row())
    assert not places.delete_selected()
    assert places.message.isVisible() and "个现场教学点" in places.message.text()  # says what still uses it
    assert "still use it" in places.message.text()
    assert document.plan_file.load().get("places", used.id) == used


def test_rows_stay_selected_when_rows_come_and_go(qtbot, document):
    table = make_table(qtbot, document, "places")
    keep = document.plan.places[5]
    table.view.selectRow(view_index(table, keep.id, "name").row())
    from planner.edits import Insert

    change = document.edit(Insert("places", {"name": "前湾新区", "kind": "zone", "lon": 121.2, "lat": 30.3}), "添加")
    assert table.model.row_of(change.new_id) is not None
    assert table.selected_ids() == [keep.id]
    assert view_index(table, change.new_id, "kind").data() == "功能区（手动定位）"
    document.undo_stack.undo()
    assert table.model.row_of(change.new_id) is None
    assert table.selected_ids() == [keep.id]
    table.model.reset()
    assert table.selected_ids() == [keep.id]


def test_every_table_column_is_a_declared_field():
    for kind in ("places", "sites", "participants"):
        names = {spec.name for spec in FIELDS[kind]}
        assert {spec.name for spec in table_columns(kind)} <= names
    assert ItemTableModel  # the model lives in its own module
