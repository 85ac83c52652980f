"""Time saving a whole plan and opening + loading it, at three sizes.

Target (issue 23): median ≤ 50 ms each for a plan of 2,000 sessions (20 groups); the
smaller sizes are held to the same 50 ms. "Save" is ``PlanFile.create`` (written under a
temporary name and moved into place, then opened); "open + load" is ``PlanFile.open``
and ``load`` (every value and reference checked). Prints the median of several runs
(wall clock, and CPU time of this process beside it: the machine is shared) and the ratio
to the target. One edit's commit is printed for comparison. Run:

    .venv/bin/python bench/bench_plan_file.py [--runs R]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.sizes import line, three_sizes  # noqa: E402
from planner.edits import Update  # noqa: E402
from planner.store import PlanFile  # noqa: E402

TARGET_MS = 50.0


def timed(action) -> tuple[float, float]:
    """(wall, CPU) milliseconds taken by ``action``."""
    wall, cpu = time.perf_counter(), time.process_time()
    action()
    return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000


def measure(name: str, plan, runs: int, folder: Path) -> None:
    saves, opens, edits = [], [], []
    first = plan.sessions[0].id
    for run in range(runs):
        path = folder / f"{len(plan.sessions)}-{run}.stplan"
        saves.append(timed(lambda: PlanFile.create(path, plan).close()))

        def open_and_load():
            with PlanFile.open(path) as plan_file:
                loaded = plan_file.load()
            assert len(loaded.sessions) == len(plan.sessions)

        opens.append(timed(open_and_load))
        with PlanFile.open(path) as plan_file:
            edits.append(timed(lambda: plan_file.apply(Update("sessions", first, {"title": f"改 {run}"})))[0])
    for what, values in (("save", saves), ("open + load", opens)):
        cpu = statistics.median(cpu for _, cpu in values)
        print(line(f"{what}: {name}", [wall for wall, _ in values], TARGET_MS, f"   CPU {cpu:.1f} ms"))
    print(f"{'one edit (commit): ' + name:44s} median {statistics.median(edits):8.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        for name, plan in three_sizes():
            measure(name, plan, args.runs, Path(folder))


if __name__ == "__main__":
    main()
