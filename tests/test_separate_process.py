"""planner.separate_process: work in a child process, its reports, Cancel and failures."""

from __future__ import annotations

import os
import time

import pytest

from planner.progress import Cancelled, Progress
from planner.separate_process import WorkFailed, run_separately


def square_with_reports(number: int, *, progress: Progress) -> tuple[int, int]:
    for step in range(3):
        progress.report(step / 2, f"step {step}")
        time.sleep(0.06)  # reports are sent at most every 50 ms
    return number * number, os.getpid()


def count_until_cancelled(*, progress: Progress, keep_best: bool) -> int:
    count = 0
    while not progress.cancelled:
        count += 1
        progress.show(0.5, "counting")
        time.sleep(0.01)
    if keep_best:
        return count
    raise Cancelled()


def fail(*, progress: Progress) -> None:
    raise ValueError("没有可行路线 / no feasible route")


def die(*, progress: Progress) -> None:
    os._exit(3)


def test_the_result_comes_back_from_another_process_with_its_reports():
    reports = []
    value, child = run_separately(square_with_reports, 7, progress=Progress(lambda f, t: reports.append((f, t))))
    assert value == 49 and child != os.getpid()
    assert reports[0] == (0.0, "step 0") and reports[-1] == (1.0, "step 2")


def cancel_after_first_report() -> Progress:
    progress = Progress(lambda fraction, text: progress.cancel())
    return progress


def test_cancel_keeps_the_best_result_the_work_returns():
    assert run_separately(count_until_cancelled, progress=cancel_after_first_report(), keep_best=True) >= 1


def test_cancel_without_a_result_raises_cancelled():
    with pytest.raises(Cancelled):
        run_separately(count_until_cancelled, progress=cancel_after_first_report(), keep_best=False)


def test_an_error_in_the_work_keeps_its_message():
    with pytest.raises(WorkFailed, match="没有可行路线 / no feasible route"):
        run_separately(fail)


def test_a_process_that_dies_is_a_failure_not_a_hang():
    with pytest.raises(WorkFailed, match="code 3"):
        run_separately(die)
