"""Time importing a 2,000-row roster and assigning 2,000 people to 20 groups, and
importing a 10,000-row roster.

Targets: ≤ 2 s each (participants issue: 2,000 rows, 2,000 people; hardening issue 20:
10,000 rows). Import: read the .xlsx (title rows above the header), preview it against
the plan, and write every row to the plan file in one transaction. Assignment: assign
everyone and write the result in one transaction. The 10,000-row import is also timed
as the command (``main.py roster import``, start-up included) for information.
Prints the median of several runs and the ratio against the target. Run:

    .venv/bin/python bench/bench_roster.py [--people N] [--groups G] [--runs R] [--large-rows M]
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.roster_synthetic import THEMES, people, write, xlsx_bytes  # noqa: E402
from planner.sample import sample_plan  # noqa: E402
from planner.model import Group  # noqa: E402
from planner.roster.assign import assign_groups  # noqa: E402
from planner.roster.importer import preview_roster  # noqa: E402
from planner.store import PlanFile  # noqa: E402

TARGET_S = 2.0


def base_plan(groups: int, seats: int):
    plan = sample_plan()
    sample_groups = plan.ordered_groups()
    made = [Group(i, f"第{i}组", capacity=seats, position=i) for i in range(1, groups + 1)]
    # Keep the sample's routes for the first three groups; the rest share them in turn.
    plan = plan.with_items("groups", [replace(g, capacity=seats) for g in sample_groups] + made[len(sample_groups):])
    return plan.with_items("participants", [])


def report(label: str, times: list[float]) -> None:
    median = statistics.median(times)
    print(f"{label}: median {median:.3f} s over {len(times)} runs (min {min(times):.3f}, max {max(times):.3f}); "
          f"target ≤ {TARGET_S:.1f} s, ratio {median / TARGET_S:.2f}")


def time_import(folder: Path, template: Path, roster: Path, runs: int) -> tuple[list[float], list[float], int]:
    """Seconds per run of reading, previewing and writing ``roster`` into a copy of
    ``template`` (wall clock, and this process's CPU time: on a machine shared with
    other work the second is the figure a quiet machine shows); and the rows written."""
    times, cpu = [], []
    for run in range(runs):
        path = folder / f"import{run}.stplan"
        shutil.copyfile(template, path)
        with PlanFile.open(path) as plan_file:
            start, start_cpu = time.perf_counter(), time.process_time()
            preview = preview_roster(plan_file.load(), roster)
            plan_file.apply(preview.edit())
            times.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
    return times, cpu, len(preview.good)


def time_command(folder: Path, template: Path, roster: Path, runs: int) -> list[float]:
    """Wall seconds of ``main.py roster import PLAN ROSTER`` (a new process each run)."""
    main = Path(__file__).resolve().parent.parent / "main.py"
    times = []
    for run in range(runs):
        path = folder / f"command{run}.stplan"
        shutil.copyfile(template, path)
        start = time.perf_counter()
        subprocess.run([sys.executable, str(main), "roster", "import", str(path), str(roster)],
                       check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return times


def large_import(rows_count: int, runs: int) -> None:
    rng = random.Random(20)
    rows = people(rng, rows_count)
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        roster = write(folder / "roster.xlsx", xlsx_bytes(rows))
        template = folder / "template.stplan"
        PlanFile.create(template, base_plan(20, -(-rows_count // 20) + 5)).close()
        times, cpu, written = time_import(folder, template, roster, runs)
        print(f"{written} of {rows_count} rows written")
        report(f"import {rows_count}-row roster (xlsx → plan file)", times)
        report("  its CPU time (what a machine with nothing else to do takes)", cpu)
        report("  the same as the command, start-up included (for information)",
               time_command(folder, template, roster, max(1, runs // 2)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=2000)
    parser.add_argument("--groups", type=int, default=20)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--large-rows", type=int, default=10_000, help="rows of the large import (0: skip it)")
    args = parser.parse_args()
    seats = -(-args.people // args.groups) + 5
    rng = random.Random(2025)
    rows = people(rng, args.people)
    for row in rows:
        row[8] = "、".join(rng.sample(THEMES, rng.choice((0, 1, 2))))
    with tempfile.TemporaryDirectory() as folder:
        roster = write(Path(folder) / "roster.xlsx", xlsx_bytes(rows))
        template = Path(folder) / "template.stplan"
        PlanFile.create(template, base_plan(args.groups, seats)).close()
        imports, assigns = [], []
        for run in range(args.runs):
            path = Path(folder) / f"run{run}.stplan"
            shutil.copyfile(template, path)
            with PlanFile.open(path) as plan_file:
                start = time.perf_counter()
                preview = preview_roster(plan_file.load(), roster)
                plan_file.apply(preview.edit())
                imports.append(time.perf_counter() - start)
                plan = plan_file.load()
                leaders = [replace(p, role="group_leader") for p in plan.participants[: args.groups]]
                plan = plan.with_items("participants", leaders + list(plan.participants[args.groups:]))
                start = time.perf_counter()
                result = assign_groups(plan, "together")
                plan_file.apply(result.edit(plan))
                assigns.append(time.perf_counter() - start)
        print(f"{args.people} people, {args.groups} groups of {seats} seats; {len(preview.good)} rows imported, "
              f"{len(plan.participants) - result.unplaced} placed")
        report(f"import {args.people}-row roster (xlsx → plan file)", imports)
        report(f"assign {args.people} people to {args.groups} groups (→ plan file)", assigns)
    if args.large_rows:
        large_import(args.large_rows, args.runs)


if __name__ == "__main__":
    main()
