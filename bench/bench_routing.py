"""Route quality and speed of the routing core, and planning the sample's groups.

Targets (route-planning issue): on instances of 12, 50 and 100 stops, the core's cost
within 1 % of the same solver run for 60 s, in at most 2 s, and exact on 12 stops
(checked against Held-Karp dynamic programming); the nearest-neighbour baseline is
printed beside it. Planning the sample plan's 18 places into 3 groups: ≤ 3 s.
Prints medians of several runs and the ratios to the targets. Run:

    .venv/bin/python bench/bench_routing.py [--runs R] [--reference-seconds 60] [--sizes 12 50 100]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from planner.cli import sample_plan  # noqa: E402
from planner.routing.core import held_karp, nearest_neighbour, solve_path  # noqa: E402
from planner.routing.split import plan_groups, total_travel  # noqa: E402

TIME_TARGET = 2.0
SOLVER_SECONDS = 1.9  # the solver's limit, leaving room for building the model within the target
GAP_TARGET = 0.01
SPLIT_TARGET = 3.0


def instance(stops: int, seed: int) -> list[list[int]]:
    """Random towns over a 300 km square; costs are bus minutes (about 1 km a minute)."""
    rng = random.Random(seed)
    points = [(rng.uniform(0, 300), rng.uniform(0, 300)) for _ in range(stops)]
    return [[round(((x1 - x2) ** 2 + (y1 - y2) ** 2) ** 0.5 * 1.25) for x2, y2 in points] for x1, y1 in points]


def timed(function, *args, **kwargs):
    start = time.perf_counter()
    result = function(*args, **kwargs)
    return result, time.perf_counter() - start


def bench_size(stops: int, runs: int, reference_seconds: float) -> None:
    matrix = instance(stops, 2000 + stops)
    (_, baseline), baseline_time = timed(nearest_neighbour, matrix)
    results = [timed(solve_path, matrix, time_limit=SOLVER_SECONDS) for _ in range(runs)]
    costs = [cost for (_, cost), _ in results]
    seconds = [t for _, t in results]
    (_, reference), _ = timed(solve_path, matrix, time_limit=reference_seconds, solution_limit=0)
    cost, median_time = statistics.median(costs), statistics.median(seconds)
    gap = (cost - reference) / reference if reference else 0.0
    print(f"{stops:4d} stops  core: cost {cost:8.0f} (runs {min(costs)}-{max(costs)}) in {median_time:5.2f} s "
          f"[time/target {median_time / TIME_TARGET:.2f}]")
    print(f"{'':12s}{reference_seconds:g} s run: cost {reference:8d}; core gap {gap * 100:+.2f} % "
          f"[gap/target {gap / GAP_TARGET:.2f}]")
    print(f"{'':12s}nearest neighbour: cost {baseline:8d} in {baseline_time * 1000:.1f} ms; "
          f"core/baseline {cost / baseline:.3f}")
    if stops <= 13:
        exact = held_karp(matrix)
        print(f"{'':12s}exact (Held-Karp): cost {exact}; core {'EXACT' if cost == exact else 'NOT exact'}")


def bench_split(runs: int) -> None:
    sample = sample_plan()
    results = [timed(plan_groups, sample, 3, sample.programme.days, time_limit=TIME_TARGET) for _ in range(runs)]
    median_time = statistics.median(t for _, t in results)
    planned = results[0][0]
    print(f"sample: 18 places into 3 groups over {sample.programme.days} days in {median_time:.2f} s "
          f"[time/target {median_time / SPLIT_TARGET:.2f}]; total travel {total_travel(planned)} min "
          f"vs published routes {total_travel(sample)} min (same travel model)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--reference-seconds", type=float, default=60.0)
    parser.add_argument("--sizes", type=int, nargs="+", default=[12, 50, 100])
    args = parser.parse_args()
    for stops in args.sizes:
        bench_size(stops, args.runs, args.reference_seconds)
    bench_split(args.runs)


if __name__ == "__main__":
    main()
