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


def test_a_session_offers_the_group_s_own_sites_first_with_a_length_and_an_optional_time(qtbot, sample):
    from planner.editing import add_session
    from planner.edits import Insert
    from planner.model import format_clock

    group = sample.ordered_groups()[1]
    dialog = AddSessionDialog(sample, group_id=group.id, day=2)
    qtbot.addWidget(dialog)
    first = sample.site(dialog.site.currentData())
    own = {p.id for p in sample.route_places(group.id)}
    assert first.place_id in own and first.kind != "venue"  # not 杭州开班式会场
    assert "（" in dialog.site.currentText()  # the place is named beside the site
    venues = [i for i in range(dialog.site.count()) if sample.site(dialog.site.itemData(i)).kind == "venue"]
    assert all(i > dialog.site.count() - 1 - len(venues) for i in venues)  # venues last
    values = dialog.values()
    assert values["start"] is None and values["minutes"] is None  # timed by the scheduler, the site's length
    assert dialog.minutes.value() == (first.visit_minutes or 90) and dialog.title.placeholderText()
    dialog.minutes.setValue(45)
    dialog.fixed.setChecked(True)
    dialog.start.setTime(dialog.start.time().fromString("14:30", "HH:mm"))
    values = dialog.values()
    assert (values["minutes"], values["start"]) == (45, 14 * 60 + 30)
    outcome = add_session(sample, values["group_id"], values["day"], values["site_id"], minutes=45, start=values["start"])
    assert isinstance(outcome, Insert)
    assert (outcome.values["pinned"], format_clock(outcome.values["start"]), format_clock(outcome.values["end"])) == (
        True, "14:30", "15:15")
    refused = add_session(sample, group.id, 2, values["site_id"], minutes=45, start=23 * 60 + 50)
    assert not isinstance(refused, Insert) and "超出" in refused.message_zh
