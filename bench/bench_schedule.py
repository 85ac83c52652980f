"""Time re-timing and re-checking a plan after one edit.

Targets (scheduler issue): median ≤ 5 ms for the sample plan, ≤ 100 ms for a synthetic
plan of 20 groups × 15 days × 2,000 sessions. One edit = lengthen one session by 15
minutes; the work timed is what the app does after it: the edit applied in memory, the
legs and times it changes worked out (``consequences``), and every check run again.
Prints the median of several runs and the ratio to the target. Run:

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


def after_one_edit(plan, session, extra: int) -> int:
    edited = apply_in_memory(plan, Update("sessions", session.id, {"minutes": (session.end - session.start) + extra}))
    follow_on, timetable = consequences(edited)
    retimed = apply_in_memory(edited, Batch(tuple(follow_on)))
    return len(check(retimed, timetable))


def measure(name: str, plan, target_ms: float, runs: int, rng: random.Random) -> None:
    samples = []
    for run in range(runs):
        session = rng.choice(plan.sessions)
        start = time.perf_counter()
        after_one_edit(plan, session, 15 + run)
        samples.append((time.perf_counter() - start) * 1000)
    median = statistics.median(samples)
    print(f"{name:44s} median {median:8.2f} ms  (min {min(samples):.2f}, max {max(samples):.2f})  "
          f"ratio to {target_ms:.0f} ms target: {median / target_ms:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    rng = random.Random(7)
    sample = sample_plan()
    measure(f"sample plan ({len(sample.sessions)} sessions)", sample, 5, args.runs, rng)
    big = synthetic_plan(random.Random(2025))
    measure(f"synthetic ({len(big.groups)} groups x {big.programme.days} days x {len(big.sessions)} sessions)",
            big, 100, max(5, args.runs // 3), rng)


if __name__ == "__main__":
    main()
