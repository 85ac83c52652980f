"""优化路线 and 分组规划 in the app, driven through the real widgets: off the UI thread,
preview, apply as one undoable edit or discard, cancel keeps the best so far, maps."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog, QPushButton

from planner.checks import ERROR, check
from planner.routing.split import total_travel
from planner.store import PlanFile
from ui.routing import install_routing_actions
from ui.routing.actions import OptimiseDialog, PlanGroupsDialog
from ui.routing.preview import RoutePreviewDialog

from tests import gui

WAIT = 60000


def make_window(qtbot, sample_path, tmp_path):
    """The window on a copy of the sample, with its routing actions (maps left out)."""
    window = gui.make_window(qtbot, PlanFile.open(sample_path), tmp_path)
    return window, install_routing_actions(window, show_maps=False)


def answer(window, qtbot, fill):
    """Instead of showing modal dialogs, let ``fill(dialog)`` work the widgets and decide."""
    seen = []

    def run(dialog: QDialog) -> bool:
        qtbot.addWidget(dialog)
        seen.append(dialog)
        return fill(dialog)

    window.run_dialog = run
    return seen


def plan_menu_texts(window) -> list[str]:
    for action in window.menuBar().actions():
        if action.menu() is not None and action.menu().title().startswith("方案"):
            return [a.text() for a in action.menu().actions()]
    return []


def test_actions_are_added_to_the_plan_menu_once(qtbot, sample_path, tmp_path):
    window, actions = make_window(qtbot, sample_path, tmp_path)
    assert install_routing_actions(window) is actions
    texts = plan_menu_texts(window)
    assert texts.count("优化路线(&O)…") == 1 and texts.count("分组规划(&G)…") == 1


def optimise_group_1(dialog, decide: bool, seen_rows: list) -> bool:
    if isinstance(dialog, OptimiseDialog):
        dialog.group.setCurrentIndex(dialog.group.findData(1))
        dialog.time_limit.setValue(5)
        return True
    assert isinstance(dialog, RoutePreviewDialog)
    seen_rows.extend(dialog.rows)
    assert dialog.table.rowCount() == len(dialog.rows) > 0
    assert "共节省行车" in dialog.summary.text()
    assert dialog.apply_button.isEnabled()
    (dialog.apply_button if decide else dialog.discard_button).click()
    return dialog.result() == QDialog.DialogCode.Accepted


def test_optimise_previews_then_applies_one_undoable_edit(qtbot, improvable_path, tmp_path):
    sample_path = improvable_path
    window, actions = make_window(qtbot, sample_path, tmp_path)
    document = window.document
    before = document.plan
    rows: list = []
    answer(window, qtbot, lambda d: optimise_group_1(d, True, rows))
    actions.optimise_action.trigger()
    qtbot.waitUntil(lambda: document.undo_stack.count() == 1, timeout=WAIT)
    assert {r.group for r in rows} == {"第一组"}
    saved = sum(r.saved for r in rows)
    assert saved > 0
    assert total_travel(document.plan) == total_travel(before) - saved
    assert document.undo_stack.undoText() == "优化路线"
    assert PlanFile.open(sample_path, readonly=True).load() == document.plan  # written to the file
    document.undo_stack.undo()
    assert document.plan.sessions == before.sessions
    assert document.undo_stack.count() == 1 and document.undo_stack.canRedo()


def test_discard_changes_nothing(qtbot, improvable_path, tmp_path):
    window, actions = make_window(qtbot, improvable_path, tmp_path)
    document = window.document
    before = document.plan
    rows: list = []
    seen = answer(window, qtbot, lambda d: optimise_group_1(d, False, rows))
    actions.optimise_action.trigger()
    qtbot.waitUntil(lambda: len(seen) == 2 and actions.task is None, timeout=WAIT)
    assert rows and document.undo_stack.count() == 0
    assert document.plan == before


def test_cancel_keeps_the_best_found_so_far(qtbot, sample_path, tmp_path):
    window, actions = make_window(qtbot, sample_path, tmp_path)
    # no solution cap: the search runs until its time limit, far longer than the test waits
    actions.optimise_options = {"solution_limit": 0}
    previews = []

    def fill(dialog):
        if isinstance(dialog, OptimiseDialog):
            dialog.time_limit.setValue(120)
            return True
        previews.append(dialog)
        return False

    answer(window, qtbot, fill)
    actions.optimise_action.trigger()
    task = actions.task
    assert task is not None
    qtbot.waitUntil(lambda: task.dialog.isVisible(), timeout=WAIT)
    cancel = [b for b in task.dialog.findChildren(QPushButton) if b.text() == "取消"][0]
    cancel.click()
    qtbot.waitUntil(lambda: actions.task is None, timeout=WAIT)
    assert previews, "cancelling must still show the best routes found so far"
    assert any("已取消" in label.text() for label in previews[0].findChildren(type(previews[0].summary)))


def test_plan_groups_writes_a_new_plan_and_opens_it(qtbot, sample_path, tmp_path):
    window, actions = make_window(qtbot, sample_path, tmp_path)
    out = tmp_path / "分组.stplan"
    window.ask_path = lambda *args: (str(out), "")

    def fill(dialog):
        if isinstance(dialog, PlanGroupsDialog):
            dialog.groups.setValue(3)
            dialog.time_limit.setValue(3)
            return True
        assert isinstance(dialog, RoutePreviewDialog)
        assert dialog.table.rowCount() == 3
        assert all(row.after and row.after != "—" for row in dialog.rows)
        assert not any("个错误" in label.text() for label in dialog.findChildren(type(dialog.summary)))
        return True

    answer(window, qtbot, fill)
    actions.plan_groups_action.trigger()
    qtbot.waitUntil(lambda: window.document.path == out, timeout=WAIT)
    plan = window.document.plan
    assert len(plan.groups) == 3
    assert [f for f in check(plan) if f.severity == ERROR] == []
    assert PlanFile.open(sample_path, readonly=True).load().sessions != plan.sessions  # the old plan is kept


def test_plan_groups_preview_says_when_the_result_has_errors(qtbot, sample):
    from ui.routing.preview import groups_preview

    squeezed = sample.with_items("lodgings", [])  # nights without lodging are errors
    errors = sum(1 for f in check(squeezed) if f.severity == ERROR)
    assert errors > 0
    dialog = groups_preview(sample, squeezed, show_maps=False)
    qtbot.addWidget(dialog)
    notes = [label.text() for label in dialog.findChildren(type(dialog.summary))]
    assert any(f"规划结果有 {errors} 个错误" in text for text in notes)


def test_preview_shows_old_and_new_routes_of_the_changed_days_on_one_map(qtbot, improvable_path):
    pytest.importorskip("PySide6.QtWebEngineCore")
    import json

    from planner.routing.plan_routes import propose_optimisation
    from ui.routing.preview import optimisation_preview

    plan = PlanFile.open(improvable_path, readonly=True).load()
    proposal = propose_optimisation(plan, 1, time_limit=10)
    changed = [(d.group_id, d.day) for d in proposal.days if d.changed]
    assert proposal.changed and (1, 3) in changed
    dialog = optimisation_preview(proposal, show_maps=True)
    qtbot.addWidget(dialog)
    dialog.resize(1200, 800)
    dialog.show()
    pane = dialog.map
    assert pane is not None and pane.plan is proposal.after
    from ui.map.view import MapPane
    assert dialog.findChildren(MapPane) == [pane]  # one map, old and new on it
    items = [dialog.days.item(i) for i in range(dialog.days.count())]
    assert len(items) == len(changed) + 1 and items[0].text().startswith("全部改动")
    assert any("第一组 · 第3天" in item.text() for item in items[1:])
    qtbot.waitUntil(lambda: pane.is_ready and pane.basemap_ready, timeout=WAIT)

    def read(code):
        box = {}
        pane.run_js(code, lambda result: box.setdefault("result", result))
        qtbot.waitUntil(lambda: "result" in box, timeout=WAIT)
        return json.loads(box["result"])

    count = "JSON.stringify([document.querySelectorAll('path.ghost').length," \
            " document.querySelectorAll('path.leaflet-interactive:not(.ghost)').length])"
    ghosts, lines = read(count)
    assert ghosts > 0 and lines > ghosts  # old routes of the changed days under all new ones
    whole = read("planner.view()")
    row = next(i for i, item in enumerate(items) if "第一组 · 第3天" in item.text())
    with qtbot.waitSignal(pane.applied, timeout=WAIT):
        dialog.days.setCurrentRow(row)
    day = read("planner.view()")
    assert day["zoom"] >= whole["zoom"]
    coords = [c for seg in pane._payload(proposal.after)["ghost"] if (seg["group"], seg["day"]) == (1, 3)
              for c in seg["coords"]]
    assert coords and all(day["west"] <= lon <= day["east"] and day["south"] <= lat <= day["north"]
                          for lon, lat in coords)
    ghosts_day, lines_day = read(count)
    assert 0 < ghosts_day <= ghosts and lines_day < lines  # only that group's day is drawn


def test_the_dialogs_pass_the_spread_the_most_travel_and_longer_days(qtbot, sample):
    groups = PlanGroupsDialog(sample)
    qtbot.addWidget(groups)
    assert groups.values()["spread"] == "even"  # the default, as on the command line
    groups.spread.setCurrentIndex(groups.spread.findData("front"))
    groups.max_travel.setValue(3)
    assert (groups.values()["spread"], groups.values()["max_travel"]) == ("front", 180)
    optimise = OptimiseDialog(sample)
    qtbot.addWidget(optimise)
    assert optimise.values()["allow_longer_days"] is False
    optimise.longer_days.setChecked(True)
    assert optimise.values()["allow_longer_days"] is True


def test_plan_groups_preview_says_what_is_wrong(qtbot):
    """A 30-day posting to 6 places: the preview says there are more days than the places
    need (and names the free days), never that there are too few."""
    from planner.minimal import expand_minimal_plan
    from planner.routing.split import plan_groups
    from ui.routing.preview import groups_preview

    plan = expand_minimal_plan({"title": "挂职", "start_date": "2025-05-12", "days": 30, "origin": "湖南省长沙市",
                                "groups": [{"places": ["苏州市昆山市", "苏州市常熟市", "无锡市江阴市", "无锡市滨湖区",
                                                       "常州市武进区", "南通市如皋市"]}]})
    planned = plan_groups(plan, 1, 30, time_limit=2)
    dialog = groups_preview(plan, planned, show_maps=False)
    qtbot.addWidget(dialog)
    notes = " ".join(label.text() for label in dialog.findChildren(type(dialog.summary)))
    assert "天数多于地点所需" in notes and "第一组第 " in notes
    assert "太少" not in notes and "天数不够" not in notes
