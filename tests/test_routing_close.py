"""优化路线 / 分组规划 still running when the window closes or shows another plan: the
computation stops, its result is dropped unseen, nothing is written, no traceback."""

from __future__ import annotations

import time

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QWidget

from planner.progress import Progress
from planner.store import PlanFile
from tests.test_routing_ui import answer, make_window
from ui.routing.actions import OptimiseDialog, PlanGroupsDialog
from ui.tasks import run_task

WAIT_MS = 60000


def settle(qtbot) -> None:
    """Let every worker end, then deliver what they sent to the GUI thread."""
    assert QThreadPool.globalInstance().waitForDone(WAIT_MS)
    qtbot.wait(300)


def start_optimising(window, actions, qtbot, later: list) -> None:
    actions.optimise_options = {"solution_limit": 0}  # searches for its whole time limit

    def fill(dialog):
        if isinstance(dialog, OptimiseDialog):
            dialog.time_limit.setValue(3)
            return True
        later.append(dialog)  # a preview: apply it, as a user would
        return True

    answer(window, qtbot, fill)
    actions.optimise_action.trigger()
    assert actions.task is not None
    qtbot.wait(300)


def test_closing_the_window_drops_a_running_optimisation(qtbot, sample_path, tmp_path, uncaught):
    window, actions = make_window(qtbot, sample_path, tmp_path)
    before = sample_path.read_bytes()
    later: list = []
    start_optimising(window, actions, qtbot, later)
    window.close()
    assert actions.task is None
    settle(qtbot)
    assert later == [] and uncaught == []
    assert sample_path.read_bytes() == before
    PlanFile.open(sample_path).close()  # released by the closed window


def test_opening_another_plan_drops_a_running_plan_groups(qtbot, sample_path, tmp_path, _sample_template, uncaught):
    window, actions = make_window(qtbot, sample_path, tmp_path)
    other = tmp_path / "other.stplan"
    other.write_bytes(_sample_template.read_bytes())
    later: list = []

    def fill(dialog):
        if isinstance(dialog, PlanGroupsDialog):
            dialog.time_limit.setValue(3)
            return True
        later.append(dialog)
        return True

    answer(window, qtbot, fill)
    window.ask_path = lambda *args: (str(tmp_path / "分组.stplan"), "")
    actions.plan_groups_action.trigger()
    qtbot.wait(300)
    assert window.open_path(str(other))
    assert actions.task is None
    settle(qtbot)
    assert later == [] and uncaught == []
    assert window.document.path == other
    assert not (tmp_path / "分组.stplan").exists()


def test_a_proposal_for_a_closed_document_is_not_shown(qtbot, sample_path, tmp_path, uncaught):
    window, actions = make_window(qtbot, sample_path, tmp_path)
    later = answer(window, qtbot, lambda dialog: True)
    document = window.document
    document.close()
    actions._show_proposal(object(), document, document.plan)  # dropped before the proposal is read
    assert later == [] and uncaught == []


def test_an_abandoned_task_stops_and_reports_nothing(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    stopped = []

    def work(progress: Progress):
        deadline = time.monotonic() + 10
        while not progress.cancelled and time.monotonic() < deadline:
            time.sleep(0.01)
        stopped.append(True)
        return "the best found so far"

    task = run_task(parent, "测试", work)
    ended = []
    for signal in (task.finished, task.failed, task.cancelled):
        signal.connect(lambda *args: ended.append(args))
    task.abandon()
    settle(qtbot)
    assert stopped == [True] and ended == []
