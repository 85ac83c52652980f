"""A leg's properties list its parts and its options; another option is one click, one undo step."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from planner.travel_legs import leg_estimate
from ui.properties import PropertyEditor


@pytest.fixture
def editor(qtbot, document):
    editor = PropertyEditor(document)
    qtbot.addWidget(editor)
    editor.resize(460, 760)
    editor.show()
    qtbot.waitExposed(editor)
    return editor


def leg_with_rail(document):
    """The sample's 柯桥 → 无锡 leg (day 4): by coach, with a train as the other option."""
    for leg in document.plan.legs:
        guess = leg_estimate(document.plan, leg)
        if guess is not None and guess.mode == "bus" and guess.option("high_speed_rail") is not None \
                and document.plan.site(leg.to_site_id).name == "无锡高新区规划展示馆":
            return leg, guess
    pytest.fail("the sample has no such leg")


def button(editor, mode) -> QPushButton:
    return editor.options.findChild(QPushButton, f"takeOption_{mode}")


def parts_text(editor) -> str:
    return editor.options.findChild(QLabel, "legParts").text()


def test_the_options_are_listed_with_the_current_one_marked(editor, document):
    leg, guess = leg_with_rail(document)
    document.select("legs", [leg.id])
    assert editor.options.isVisible()
    assert not button(editor, "bus").isEnabled() and button(editor, "bus").text() == "当前"
    assert button(editor, "high_speed_rail").isEnabled() and "高铁" in button(editor, "high_speed_rail").text()
    assert "按此计时：大巴" in parts_text(editor)


def test_one_click_takes_the_train_and_one_undo_takes_it_back(qtbot, editor, document):
    leg, guess = leg_with_rail(document)
    rail = guess.option("high_speed_rail")
    document.select("legs", [leg.id])
    steps = document.undo_stack.count()
    qtbot.mouseClick(button(editor, "high_speed_rail"), Qt.MouseButton.LeftButton)
    taken = document.plan.get("legs", leg.id)
    assert (taken.manual_mode, taken.manual_minutes, taken.mode, taken.minutes) == \
        ("high_speed_rail", None, "high_speed_rail", rail.minutes)
    assert document.undo_stack.count() == steps + 1
    text = parts_text(editor)
    train = rail.part("train")
    assert f"高铁 {train.start} → {train.end}" in text and "候车" in text  # the parts, door to door
    assert "柯桥经济技术开发区 →" in text  # the door is the site
    travel = [s for day in document.timetable.of_group(leg.group_id) for s in day.of_kind("travel")
              if (s.from_site_id, s.site_id) == (leg.from_site_id, leg.to_site_id)]
    assert travel and travel[0].minutes == rail.minutes and travel[0].mode == "high_speed_rail"
    assert not button(editor, "high_speed_rail").isEnabled()

    document.undo_stack.undo()
    back = document.plan.get("legs", leg.id)
    assert (back.manual_mode, back.mode) == (None, "bus")
    assert button(editor, "high_speed_rail").isEnabled()


def test_taking_the_estimated_way_again_follows_the_estimate(qtbot, editor, document):
    leg, _ = leg_with_rail(document)
    document.select("legs", [leg.id])
    qtbot.mouseClick(button(editor, "high_speed_rail"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(button(editor, "bus"), Qt.MouseButton.LeftButton)
    again = document.plan.get("legs", leg.id)
    assert (again.manual_mode, again.mode) == (None, "bus")  # not a "manual" coach: the estimate's


def test_a_leg_with_one_way_shows_no_choice(editor, document):
    short = next(l for l in document.plan.legs if len(leg_estimate(document.plan, l).options) == 1)
    document.select("legs", [short.id])
    assert "按此计时：大巴" in parts_text(editor)
    assert not [b for b in editor.options.findChildren(QPushButton) if b.objectName().startswith("takeOption_")]
    document.select("sessions", [document.plan.sessions[0].id])
    assert not editor.options.isVisible()
