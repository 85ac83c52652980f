"""添加现场教学点 / 添加现场教学: OK is only offered when the dialog can add something,
and a hint says what is missing (OK never closes with nothing added)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialogButtonBox, QLabel

from planner.model import Plan, Programme
from ui.dialogs import AddSessionDialog, AddSiteDialog


def ok_button(dialog):
    return dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)


def hint(dialog) -> str:
    label = dialog.findChild(QLabel, "missingHint")
    return label.text() if not label.isHidden() else ""


def empty_plan() -> Plan:
    return Plan(programme=Programme(title="空方案", start_date=date(2026, 3, 1), days=3))


def test_a_site_needs_a_place_and_a_name(qtbot, sample):
    dialog = AddSiteDialog(empty_plan())
    qtbot.addWidget(dialog)
    assert not ok_button(dialog).isEnabled() and "县（市、区）" in hint(dialog)

    dialog = AddSiteDialog(sample)
    qtbot.addWidget(dialog)
    assert not ok_button(dialog).isEnabled() and "名称" in hint(dialog)
    dialog.name.setText("横店影视城")
    assert ok_button(dialog).isEnabled() and hint(dialog) == ""
    assert dialog.values()["name"] == "横店影视城"
    dialog.name.setText("   ")
    assert not ok_button(dialog).isEnabled()


def test_a_session_needs_a_group_and_a_site(qtbot, sample):
    dialog = AddSessionDialog(empty_plan())
    qtbot.addWidget(dialog)
    assert not ok_button(dialog).isEnabled() and "组" in hint(dialog)

    dialog = AddSessionDialog(sample)
    qtbot.addWidget(dialog)
    assert ok_button(dialog).isEnabled() and hint(dialog) == ""
    assert dialog.values() is not None
