"""Route quality and speed of the routing core against published optima, and planning
the sample's groups.

Targets (issue 18): on the TSPLIB instances below (52 to 105 stops, symmetric, with
published optimal tour lengths), the core's round trip within 0.5 % of the optimum on
average and 1 % at worst, in at most 2 s per instance. In the same run, for
comparison: PyVRP with its default settings, OR-Tools with its default settings, and
OR-Tools' guided local search as the core used it before (penalty factor 0.2, 50
solutions per stop), each with the same time limit. On 12 random stops the core must
be exact (checked by Held-Karp dynamic programming). Planning the sample plan's 18
places into 3 groups: ≤ 3 s. Prints medians of several runs and the ratios to the
targets. Run:

    .venv/bin/python bench/bench_routing.py [--runs R] [--instances berlin52 kroA100 …] [--core-only]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.tsplib import OPTIMA, load, tour_length  # noqa: E402
from planner.sample import sample_plan  # noqa: E402
from planner.routing.path import held_karp, solve_path  # noqa: E402
from planner.routing.split import plan_groups, total_travel  # noqa: E402

TIME_TARGET = 2.0
SOLVER_SECONDS = 1.9  # every solver's limit, leaving room for building the model within the target
MEAN_GAP_TARGET = 0.005
WORST_GAP_TARGET = 0.01
SPLIT_TARGET = 3.0


# ---------------------------------------------------------------------------- solvers

def core(matrix) -> int:
    _, cost = solve_path(matrix, round_trip=True, time_limit=SOLVER_SECONDS)
    return cost


def pyvrp_defaults(matrix, seed: int = 0) -> int:
    import numpy as np
    import pyvrp
    from pyvrp.stop import MaxRuntime

    costs = np.array(matrix, dtype=np.int64)
    size = len(matrix)
    data = pyvrp.ProblemData([pyvrp.Location(0, 0) for _ in range(size)],
                             [pyvrp.Client(location=i) for i in range(1, size)], [pyvrp.Depot(location=0)],
                             [pyvrp.VehicleType(1)], [costs], [np.zeros_like(costs)], [], [])
    result = pyvrp.solve(data, MaxRuntime(SOLVER_SECONDS), seed=seed, collect_stats=False)
    clients = data.clients()
    order = [0] + [clients[visit.idx].location for visit in result.best.routes()[0] if visit.is_client()]
    return tour_length(matrix, order)


def _ortools(matrix, configure) -> int:
    from ortools.constraint_solver import pywrapcp

    manager = pywrapcp.RoutingIndexManager(len(matrix), 1, 0)
    routing = pywrapcp.RoutingModel(manager)
    routing.SetArcCostEvaluatorOfAllVehicles(routing.RegisterTransitMatrix(matrix))
    params = pywrapcp.DefaultRoutingSearchParameters()
    params.time_limit.FromMilliseconds(int(SOLVER_SECONDS * 1000))
    configure(params, len(matrix))
    assignment = routing.SolveWithParameters(params)
    order, index = [], routing.Start(0)
    while not routing.IsEnd(index):
        order.append(manager.IndexToNode(index))
        index = assignment.Value(routing.NextVar(index))
    return tour_length(matrix, order)


def ortools_defaults(matrix) -> int:
    return _ortools(matrix, lambda params, size: None)


def ortools_previous_core(matrix) -> int:
    """The settings the core's path solver had before PyVRP."""
    from ortools.constraint_solver import routing_enums_pb2 as enums

    def configure(params, size):
        params.first_solution_strategy = enums.FirstSolutionStrategy.PATH_CHEAPEST_ARC
        params.local_search_metaheuristic = enums.LocalSearchMetaheuristic.GUIDED_LOCAL_SEARCH
        params.guided_local_search_lambda_coefficient = 0.2
        params.solution_limit = 50 * size

    return _ortools(matrix, configure)


SOLVERS = {
    "core": core,
    "PyVRP defaults": pyvrp_defaults,
    "OR-Tools defaults": ortools_defaults,
    "OR-Tools GLS (previous core)": ortools_previous_core,
}


# ---------------------------------------------------------------------------- benches

def timed(function, *args, **kwargs):
    start = time.perf_counter()
    result = function(*args, **kwargs)
    return result, time.perf_counter() - start


def bench_tsplib(names: list[str], solvers: list[str], runs: int) -> None:
    gaps: dict[str, list[float]] = {s: [] for s in solvers}
    worst_run: dict[str, float] = {s: 0.0 for s in solvers}
    times: dict[str, list[float]] = {s: [] for s in solvers}
    print(f"{'instance':10s}{'stops':>6s}{'optimum':>9s}  " + "".join(f"{s:>30s}" for s in solvers))
    for name in names:
        instance = load(name)
        cells = []
        for solver in solvers:
            results = [timed(SOLVERS[solver], instance.matrix) for _ in range(runs)]
            run_gaps = [(cost - instance.optimum) / instance.optimum for cost, _ in results]
            gap, seconds = statistics.median(run_gaps), statistics.median(t for _, t in results)
            gaps[solver].append(gap)
            worst_run[solver] = max(worst_run[solver], max(run_gaps))
            times[solver].append(seconds)
            spread = f" ({min(run_gaps) * 100:.2f}-{max(run_gaps) * 100:.2f})" if runs > 1 else ""
            cells.append(f"{gap * 100:+6.2f} %{spread} {seconds:4.2f} s")
        print(f"{name:10s}{len(instance.matrix):6d}{instance.optimum:9d}  " + "".join(f"{c:>30s}" for c in cells),
              flush=True)
    print(f"gap to the published optimum: median of {runs} run(s) per instance (lowest-highest run); "
          f"time limit {SOLVER_SECONDS} s each")
    for solver in solvers:
        mean, worst, slowest = statistics.mean(gaps[solver]), max(gaps[solver]), max(times[solver])
        print(f"  {solver:30s} mean gap {mean * 100:5.2f} % [mean/target {mean / MEAN_GAP_TARGET:.2f}]  "
              f"worst {worst * 100:5.2f} % [worst/target {worst / WORST_GAP_TARGET:.2f}] "
              f"(worst single run {worst_run[solver] * 100:.2f} %)  "
              f"slowest {slowest:.2f} s [time/target {slowest / TIME_TARGET:.2f}]")


def bench_exact(runs: int) -> None:
    rng = random.Random(2012)
    points = [(rng.uniform(0, 300), rng.uniform(0, 300)) for _ in range(12)]
    matrix = [[round(((x1 - x2) ** 2 + (y1 - y2) ** 2) ** 0.5 * 1.25) for x2, y2 in points] for x1, y1 in points]
    results = [timed(solve_path, matrix) for _ in range(runs)]
    exact = held_karp(matrix)
    costs = {cost for (_, cost), _ in results}
    seconds = statistics.median(t for _, t in results)
    print(f"12 random stops, open path: core {sorted(costs)} in {seconds:.2f} s; exact (Held-Karp) {exact}: "
          f"{'EXACT' if costs == {exact} else 'NOT exact'}")


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
    parser.add_argument("--instances", nargs="+", default=list(OPTIMA), choices=list(OPTIMA), metavar="NAME")
    parser.add_argument("--core-only", action="store_true", help="only the core (no PyVRP / OR-Tools comparison)")
    args = parser.parse_args()
    solvers = ["core"] if args.core_only else list(SOLVERS)
    bench_tsplib(args.instances, solvers, args.runs)
    bench_exact(args.runs)
    bench_split(args.runs)


if __name__ == "__main__":
    main()
