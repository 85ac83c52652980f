"""Time opening and saving a synthetic plan of 2,000 sessions.

Target (plan-core issue): median ≤ 200 ms for each. Prints the median of several runs
and the ratio against that target (the issue's baseline). Run:

    .venv/bin/python bench/bench_plan_file.py [--sessions N] [--runs R]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.synthetic import synthetic_plan  # noqa: E402
from planner.edits import Update  # noqa: E402
from planner.store import PlanFile  # noqa: E402

TARGET_MS = 200.0


def timed(action) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    plan = synthetic_plan(random.Random(2025), sessions=args.sessions)
    with tempfile.TemporaryDirectory() as folder:
        saves, opens, edits = [], [], []
        for run in range(args.runs):
            path = Path(folder) / f"big{run}.stplan"
            saves.append(timed(lambda: PlanFile.create(path, plan).close()))

            def open_and_load():
                with PlanFile.open(path) as plan_file:
                    loaded = plan_file.load()
                assert len(loaded.sessions) == len(plan.sessions)

            opens.append(timed(open_and_load))
            with PlanFile.open(path) as plan_file:
                edits.append(timed(lambda: plan_file.apply(Update("sessions", 1, {"start": 600 + run}))))
    print(f"synthetic plan: {len(plan.sessions)} sessions, {len(plan.sites)} sites, {len(plan.legs)} legs, "
          f"{len(plan.participants)} participants; {args.runs} runs")
    for name, values in (("save (write whole plan)", saves), ("open + load", opens)):
        median = statistics.median(values)
        print(f"{name:26s} median {median:7.1f} ms  (min {min(values):.1f}, max {max(values):.1f})  "
              f"ratio to {TARGET_MS:.0f} ms target: {median / TARGET_MS:.2f}")
    print(f"{'one edit (commit)':26s} median {statistics.median(edits):7.1f} ms")


if __name__ == "__main__":
    main()
