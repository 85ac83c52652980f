"""The add-place dialog never settles a shared name by itself: it lists the divisions and
waits for the organiser's pick (issue #15 item 5)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from ui.dialogs import AddPlaceDialog


@pytest.fixture
def dialog(qtbot, qapp):
    dialog = AddPlaceDialog()
    qtbot.addWidget(dialog)
    return dialog


def shown(dialog) -> list[str]:
    return [dialog.matches.item(row).text() for row in range(dialog.matches.count())]


def typed(qtbot, dialog, text: str) -> None:
    dialog.query.setText(text)  # (key clicks cannot type Chinese offscreen)
    dialog.search()  # what the typing timer does


@pytest.mark.parametrize("text, names", [
    ("lianjiang", {"广东省湛江市廉江市", "福建省福州市连江县"}),
    ("长沙", {"湖南省长沙市", "湖南省长沙市长沙县"}),
])
def test_a_shared_name_lists_the_choices_and_picks_none(qtbot, dialog, text, names):
    typed(qtbot, dialog, text)
    assert set(shown(dialog)) == names
    assert dialog.matches.currentItem() is None
    assert dialog.values() is None and not dialog.ok_button.isEnabled()
    assert "多个" in dialog.message.text()
    dialog.matches.setCurrentRow(shown(dialog).index("福建省福州市连江县" if text == "lianjiang" else "湖南省长沙市长沙县"))
    assert dialog.ok_button.isEnabled()
    assert dialog.values()["division_code"] in ("350122", "430121")


def test_enter_does_not_add_the_first_of_several(qtbot, dialog):
    typed(qtbot, dialog, "lianjiang")
    qtbot.keyClick(dialog.query, Qt.Key.Key_Return)
    assert dialog.values() is None  # nothing picked, nothing to add


def test_one_place_is_picked_for_the_organiser(qtbot, dialog):
    for text in ("金华义乌", "yiwushi", "义乌"):
        typed(qtbot, dialog, text)
        assert dialog.matches.currentItem().text() == "浙江省金华市义乌市"
        assert dialog.ok_button.isEnabled() and dialog.values()["division_code"] == "330782"


def test_a_prefix_lists_suggestions_without_choosing(qtbot, dialog):
    typed(qtbot, dialog, "yiw")
    assert "浙江省金华市义乌市" in shown(dialog) and len(shown(dialog)) > 1
    assert dialog.matches.currentItem() is None and not dialog.ok_button.isEnabled()
