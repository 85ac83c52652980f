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
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from planner.edits import Update  # noqa: E402
from planner.legs import refresh_legs  # noqa: E402
from planner.model import Group, Lodging, Participant, Place, Plan, Programme, Session, Site  # noqa: E402
from planner.store import PlanFile  # noqa: E402

TARGET_MS = 200.0


def synthetic_plan(sessions: int, rng: random.Random) -> Plan:
    """A big tour: 20 groups over 30 days, 400 places, 1,000 sites, 600 participants."""
    groups = tuple(Group(i + 1, f"第{i + 1}组", position=i) for i in range(20))
    places = tuple(
        Place(i + 1, f"县{i + 1}", f"某省某市县{i + 1}", "division", f"{330000 + i:06d}",
              round(rng.uniform(115, 122), 5), round(rng.uniform(27, 33), 5))
        for i in range(400)
    )
    sites = tuple(
        Site(i + 1, f"教学点{i + 1}", rng.randint(1, 400), "enterprise", ("产业发展", "招商引资"),
             address="某路 1 号", contact_person="联系人", contact_phone="0571-00000000",
             opens=510, closes=1050, visit_minutes=60)
        for i in range(1000)
    )
    per_group = sessions // len(groups)
    items = []
    for group in groups:
        for n in range(per_group):
            day, position = n // 4 + 1, n % 4
            start = 9 * 60 + position * 100
            items.append(Session(len(items) + 1, group.id, rng.randint(1, 1000), day, position, start, start + 60,
                                 f"现场教学 {n}", "visit", "产业发展", "接待单位"))
    lodgings = tuple(Lodging(i + 1, (i % 20) + 1, i // 20 + 1, rng.randint(1, 1000)) for i in range(20 * 29))
    participants = tuple(Participant(i + 1, f"学员{i + 1:04d}", "某县", "书记", "male", "13800000000", (i % 20) + 1)
                         for i in range(600))
    plan = Plan(Programme("压力测试", date(2025, 3, 1), 30), groups, places, sites, tuple(items),
                lodgings=lodgings, participants=participants)
    return plan.with_items("legs", refresh_legs(plan))


def timed(action) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    plan = synthetic_plan(args.sessions, random.Random(2025))
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
