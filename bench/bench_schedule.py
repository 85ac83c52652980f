"""Time re-timing and re-checking a plan after one edit, at three sizes.

Targets (issue 23): median ≤ 1 ms for the sample plan, ≤ 30 ms up to 20 groups × 2,000
sessions (the middle size, 5 groups × 500 sessions, is held to the same 30 ms). One edit
= lengthen one session (a different one each run); the work timed is what the app
(``ui.document.PlanDocument.edit``) does after it: the edit applied in memory, the legs,
pinned ends and times it changes worked out from the previous timetable
(``consequences``), the plan as it then is, and every check run on the new timetable.
Each edit starts from the state the previous one left, as in the app. For comparison the
same work from scratch (no previous timetable: every day laid out and checked) is timed
too. Prints the median of several runs and the ratio to the target. Run:

    .venv/bin/python bench/bench_schedule.py [--runs R]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.synthetic import synthetic_plan  # noqa: E402
from planner.checks import check  # noqa: E402
from planner.sample import sample_plan  # noqa: E402
from planner.edits import Batch, Update  # noqa: E402
from planner.operations import apply_in_memory, consequences  # noqa: E402
from planner.schedule import schedule  # noqa: E402


def after_one_edit(plan, timetable, session, extra: int, incremental: bool = True):
    """The plan, timetable and findings after lengthening ``session`` by ``extra`` minutes."""
    edit = Update("sessions", session.id, {"minutes": (session.end - session.start) + extra})
    after = apply_in_memory(plan, edit)
    follow_on, new_timetable = consequences(after, plan, timetable if incremental else None)
    settled = apply_in_memory(after, Batch(tuple(follow_on)))
    return settled, new_timetable, check(settled, new_timetable)


def measure(name: str, plan, target_ms: float, runs: int, rng: random.Random) -> None:
    timetable = schedule(plan)
    check(plan, timetable)  # as the app does on opening the plan
    chained, scratch = [], []
    for run in range(runs):
        session = plan.get("sessions", rng.choice(plan.sessions).id)
        start = time.perf_counter()
        after_one_edit(plan, timetable, session, 5 + run % 3, incremental=False)
        scratch.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        plan, timetable, _ = after_one_edit(plan, timetable, session, 5 + run % 3)
        chained.append((time.perf_counter() - start) * 1000)
    median = statistics.median(chained)
    print(f"{name:38s} median {median:7.2f} ms  (min {min(chained):.2f}, max {max(chained):.2f})  "
          f"target ≤ {target_ms:.0f} ms, ratio {median / target_ms:.2f}   "
          f"from scratch {statistics.median(scratch):.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    rng = random.Random(7)
    sample = sample_plan()
    measure(f"sample plan ({len(sample.groups)} groups, {len(sample.sessions)} sessions)", sample, 1, args.runs, rng)
    for groups, sessions in ((5, 500), (20, 2000)):
        plan = synthetic_plan(random.Random(2025), groups=groups, sessions=sessions)
        measure(f"synthetic ({groups} groups x {plan.programme.days} days x {sessions} sessions)",
                plan, 30, args.runs, rng)


if __name__ == "__main__":
    main()
