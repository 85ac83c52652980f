"""What the budget adds to the checks run after every edit: ``check`` on the sample plan
with and without the budget check (median of 50 runs each), and the budget alone.

    .venv/bin/python bench/bench_budget.py
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from planner import checks  # noqa: E402
from planner.budget.compute import compute_budget  # noqa: E402
from planner.sample import sample_plan  # noqa: E402
from planner.schedule import schedule  # noqa: E402

RUNS = 50


def median_ms(work) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> int:
    plan = sample_plan()
    timetable = schedule(plan)
    with_budget = median_ms(lambda: checks.check(plan, timetable))
    rules = checks.CHECKS
    checks.CHECKS = tuple(rule for rule in rules if rule.__name__ != "check_budget")
    try:
        without = median_ms(lambda: checks.check(plan, timetable))
    finally:
        checks.CHECKS = rules
    budget = median_ms(lambda: compute_budget(plan, timetable))
    print(f"sample plan ({len(plan.participants)} people, {len(plan.sessions)} sessions, {len(plan.lodgings)} lodgings)")
    print(f"check without the budget: {without:.2f} ms (median of {RUNS})")
    print(f"check with the budget:    {with_budget:.2f} ms (ratio {with_budget / without:.2f})")
    print(f"compute_budget alone:     {budget:.2f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
