"""The longest UI-thread stall while the app optimises the sample plan's routes.

Target (desktop-app issue): the UI thread never blocks for more than 100 ms. A 10 ms
timer on the UI thread records the gaps between its ticks while 优化路线 runs on all
groups through ``ui.tasks.run_task`` (as the app runs it). Two ways are measured:

- thread: the solver on a worker thread of the app's process (the baseline: OR-Tools
  holds the GIL while it searches, so the UI thread waits);
- process: the solver in a separate process (``planner.separate_process``, what the
  app does).

Prints, per way, the median over runs of the longest gap and the ticks per second, and
the ratio of the longest gap to the target. Run:

    .venv/bin/python bench/bench_optimise_ui.py [--runs R] [--time-limit S]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from planner.sample import sample_plan  # noqa: E402
from planner.routing.plan_routes import propose_optimisation  # noqa: E402
from planner.separate_process import run_separately  # noqa: E402
from ui.environment import configure_app, prepare_qt  # noqa: E402
from ui.tasks import run_task  # noqa: E402

TARGET_MS = 100.0


def one_run(app: QApplication, window: QWidget, work) -> tuple[float, float]:
    """(longest gap in ms, ticks per second) while ``work`` runs as a task."""
    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append((now - last[0]) * 1000)
        last[0] = now

    timer = QTimer()
    timer.timeout.connect(tick)
    started = time.perf_counter()
    task = run_task(window, "optimising", work)
    task.finished.connect(app.quit)
    task.failed.connect(app.quit)
    timer.start(10)
    app.exec()
    timer.stop()
    return max(gaps), len(gaps) / (time.perf_counter() - started)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--time-limit", type=float, default=6.0)
    args = parser.parse_args()

    prepare_qt()
    app = QApplication.instance() or QApplication([sys.argv[0]])
    configure_app(app)
    window = QWidget()
    window.show()
    plan = sample_plan()
    options = {"time_limit": args.time_limit, "solution_limit": 0}  # search for the whole time limit
    ways = {
        "thread (baseline)": lambda progress: propose_optimisation(plan, progress=progress, **options),
        "process (the app)": lambda progress: run_separately(propose_optimisation, plan, progress=progress,
                                                             **options),
    }
    print(f"optimise all groups of the sample, {args.time_limit:g} s search, {args.runs} runs each")
    longest: dict[str, float] = {}
    for name, work in ways.items():
        runs = [one_run(app, window, work) for _ in range(args.runs)]
        longest[name] = statistics.median(gap for gap, _ in runs)
        rate = statistics.median(rate for _, rate in runs)
        print(f"{name:18s} longest UI stall median {longest[name]:8.1f} ms  ticks/s {rate:6.1f} (100 ideal)  "
              f"stall/target {longest[name] / TARGET_MS:5.2f}")
    baseline, app_way = longest["thread (baseline)"], longest["process (the app)"]
    print(f"process vs thread: longest stall {app_way:.1f} / {baseline:.1f} ms = {app_way / baseline:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
