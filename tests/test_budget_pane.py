"""The 经费 pane and the cost fields in 属性, driven like an organiser would: the budget
table follows every edit, over the cap shows in red and in the findings."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from gui import make_window
from planner.store import PlanFile
from test_budget import priced


@pytest.fixture
def window(qtbot, tmp_path):
    plan_file = PlanFile.create(tmp_path / "priced.stplan", priced())
    return make_window(qtbot, plan_file, tmp_path)


def top_rows(pane) -> dict[str, list[str]]:
    """The tree's top-level rows by name (without the numeral): their cells."""
    found = {}
    for index in range(pane.tree.topLevelItemCount()):
        item = pane.tree.topLevelItem(index)
        found[item.text(0).split("　")[-1]] = [item.text(c) for c in range(7)]
    return found


def test_the_pane_shows_the_budget_against_the_cap(window):
    pane = window.budget_pane
    rows = top_rows(pane)
    assert rows["住宿费"][4] == "26,400.00" and rows["住宿费"][5] == "68,000.00"
    assert rows["小计（综合定额内）"][4:6] == ["64,200.00", "110,000.00"]
    assert rows["人均每天"][4:6] == ["321.00", "550.00"]
    lodging = next(pane.tree.topLevelItem(i) for i in range(pane.tree.topLevelItemCount())
                   if pane.tree.topLevelItem(i).text(0).endswith("住宿费"))
    assert lodging.childCount() == 1 and lodging.child(0).text(1) == "300.00" and lodging.child(0).text(2) == "88"
    assert "未超出定额" in pane.summary.text()
    assert pane.class_box.currentData() == 3 and pane.meal_edit.text() == "120"


def test_a_room_price_typed_in_properties_updates_the_pane_and_the_findings(window, qtbot):
    pane, document = window.budget_pane, window.document
    lodging = next(pane.tree.topLevelItem(i) for i in range(pane.tree.topLevelItemCount())
                   if pane.tree.topLevelItem(i).text(0).endswith("住宿费")).child(0)
    pane.tree.itemClicked.emit(lodging, 0)  # a click selects the lodgings the line comes from
    assert document.selection.kind == "lodgings" and document.selection.ids == (1, 2, 3, 4)
    editor = window.properties.editors["room_price"]
    editor.setText("1,000 元")
    editor.setModified(True)
    editor.editingFinished.emit()
    assert document.plan.get("lodgings", 1).room_price == 1000
    for night in (2, 3, 4):
        window.document.select("lodgings", [night])
        editor = window.properties.editors["room_price"]
        editor.setText("1000")
        editor.setModified(True)
        editor.editingFinished.emit()
    rows = top_rows(pane)
    assert rows["住宿费"][4] == "88,000.00"
    subtotal = next(pane.tree.topLevelItem(i) for i in range(pane.tree.topLevelItemCount())
                    if pane.tree.topLevelItem(i).text(0) == "小计（综合定额内）")
    assert subtotal.foreground(4).color().name() == "#c62828"
    assert "超出定额 15,800.00 元" in pane.summary.text()  # 125,800 against 110,000
    assert "budget-over-cap" in {f.code for f in document.findings}
    document.undo_stack.undo()  # the last night back at 300: 22 × (3 × 1,000 + 300) = 72,600
    assert top_rows(pane)["住宿费"][4] == "72,600.00"


def test_a_bad_price_is_refused_with_a_message(window):
    pane = window.budget_pane
    pane.meal_edit.setText("一百")
    pane.meal_edit.setModified(True)
    pane.meal_edit.editingFinished.emit()
    assert pane.message.isVisibleTo(pane) and "伙食标准" in pane.message.text()
    assert window.document.plan.programme.meal_price == 120


def test_class_meal_price_caps_days_and_lines_are_edited_in_the_pane(window, qtbot):
    pane, document = window.budget_pane, window.document
    pane.class_box.setCurrentIndex(pane.class_box.findData(1))
    pane.class_box.activated.emit(pane.class_box.currentIndex())
    assert document.plan.programme.training_class == 1
    assert top_rows(pane)["小计（综合定额内）"][5] == "152,000.00"  # 760 × 40 × 5
    pane.meal_edit.setText("100")
    pane.meal_edit.setModified(True)
    pane.meal_edit.editingFinished.emit()
    assert document.plan.programme.meal_price == 100 and top_rows(pane)["伙食费"][4] == "21,000.00"

    pane.tabs.setCurrentWidget(pane.caps)
    lodging_cap = pane.caps.item(0, 2)
    assert pane.caps.item(0, 1).text() == "500" and "待核实" in pane.caps.item(0, 3).text()
    lodging_cap.setText("450")  # the organiser's own figure (a provincial standard, say)
    assert [(c.item, c.training_class, c.amount) for c in document.plan.fee_caps] == [("lodging", 1, 450)]
    assert pane.caps.item(0, 3).text() == "方案自定"
    pane.caps.item(0, 2).setText("")  # back to the standard's
    assert document.plan.fee_caps == ()

    pane.tabs.setCurrentWidget(pane.days)
    combo = pane.days.cellWidget(0, 1)
    combo.setCurrentIndex(combo.findData("arrival"))
    combo.activated.emit(combo.currentIndex())
    pane.days.item(0, 2).setText("60")
    assert [(s.day, s.kind, s.meal_price) for s in document.plan.day_settings] == [(1, "arrival", 60)]

    qtbot.mouseClick(pane.add_button, Qt.MouseButton.LeftButton)
    assert document.selection.kind == "budget_lines"
    new_id = document.selection.first
    editor = window.properties.editors["unit_price"]
    editor.setText("2000")
    editor.setModified(True)
    editor.editingFinished.emit()
    assert document.plan.get("budget_lines", new_id).unit_price == 2000
    assert any(l.name == "新费用" and l.amount == 2000 for l in pane.budget.lines)
    assert pane.delete_button.isEnabled()
    qtbot.mouseClick(pane.delete_button, Qt.MouseButton.LeftButton)
    assert document.plan.get("budget_lines", new_id) is None


def test_cost_fields_in_the_properties_of_groups_sites_and_sessions(window):
    document, properties = window.document, window.properties
    for kind, item_id, names in (("groups", 1, ("vehicle_price",)), ("sites", 2, ("teaching_fee", "teaching_fee_per")),
                                 ("sessions", 1, ("lecturer", "lecturer_level", "lecture_hours", "lecture_fee")),
                                 ("plenaries", 1, ("lecturer_level", "lecture_fee"))):
        document.select(kind, [item_id])
        assert set(names) <= set(properties.editors), kind
    document.select("groups", [1])
    editor = properties.editors["vehicle_price"]
    assert editor.text() == "1500"
    editor.setText("1800")
    editor.setModified(True)
    editor.editingFinished.emit()
    assert document.plan.group(1).vehicle_price == 1800
    assert top_rows(window.budget_pane)["场地、资料、交通费"][4] == "11,000.00"  # 5 × 1,800 + 2,000
