"""One path through every stop of a cost matrix, near the optimum, with PyVRP.

``solve_path`` is the routing core's plain case: start at row 0, visit every other row
once, end anywhere (an open path) or back at 0 (a round trip). The day model with
locks, opening hours and shared sites stays in ``planner.routing.core`` (OR-Tools).

Why PyVRP here: measured on the TSPLIB instances of ``bench/bench_routing.py`` (52 to
105 stops, published optima), a 2-second run of PyVRP's iterated local search ends
on average within a few tenths of a percent of the optimum, where OR-Tools' guided
local search with the best settings we found (penalty factor, first solution, Lin–
Kernighan, tabu and annealing tried) stays around 1 %, and its defaults around 3.5 %.
PyVRP is MIT-licensed, ships wheels for Linux, Windows and macOS, and takes a stopping
criterion that is called between iterations, through which we report progress and
cancel (the best path so far is kept).

A search stops at the time limit, or after a number of iterations without a better
path (so small instances end at once and always give the same answer); the random
seed is fixed.
"""

from __future__ import annotations

import time
from typing import Sequence

from planner.progress import Cancelled, Progress
from planner.routing.core import DEFAULT_TIME_LIMIT, RoutingError, validate_matrix

IDLE_ITERATIONS_PER_STOP = 200  # stop after this many iterations per stop without a better path
SEED = 1
# PyVRP's defaults are tuned for vehicle routing. For one path of ~100 stops, measured
# with a fixed number of iterations (6,000, about 2 s) on the bench's 11 instances and
# 4 seeds, then 8 more seeds on the hardest 6: fewer neighbours, a restart from the best
# path after 1,000 iterations without progress and at least two perturbations a step
# brought the mean gap from 0.30 % to 0.06 % and the worst run from 4.2 % to 1.1 %.
NEIGHBOURS = 30
RESTART_AFTER = 1000
MIN_PERTURBATIONS = 2
REPORT_EVERY = 0.05  # seconds between progress reports
LARGEST_COST = 1 << 44  # PyVRP's limit (pyvrp.constants.MAX_VALUE): larger costs may overflow


def path_cost(matrix: Sequence[Sequence[int]], order: Sequence[int], round_trip: bool = False) -> int:
    cost = sum(matrix[a][b] for a, b in zip(order, order[1:]))
    if round_trip and len(order) > 1:
        cost += matrix[order[-1]][order[0]]
    return cost


class _Stop:
    """PyVRP's stopping criterion: time limit, idle iterations, progress and Cancel."""

    def __init__(self, time_limit: float, idle_limit: int, progress: Progress | None):
        self.time_limit, self.idle_limit, self.progress = time_limit, idle_limit, progress
        self.started = time.monotonic()
        self.reported = 0.0
        self.best, self.idle = None, 0

    def __call__(self, best_cost: int) -> bool:
        if self.best is None or best_cost < self.best:
            self.best, self.idle = best_cost, 0
        else:
            self.idle += 1
        now = time.monotonic()
        if self.progress is not None and now - self.reported >= REPORT_EVERY:
            self.reported = now
            try:
                self.progress.report(min(0.99, (now - self.started) / max(self.time_limit, 1e-3)),
                                     "正在求解路线… / solving the route…")
            except Cancelled:
                return True  # PyVRP then returns the best path found so far
        return now - self.started >= self.time_limit or (self.idle_limit > 0 and self.idle >= self.idle_limit)


def solve_path(matrix, *, round_trip: bool = False, time_limit: float = DEFAULT_TIME_LIMIT,
               idle_limit: int | None = None, progress: Progress | None = None) -> tuple[list[int], int]:
    """The cheapest order found visiting every row of ``matrix`` once from 0 (and back to
    0 with ``round_trip``): ``(order, cost)``. ``matrix`` is validated (RoutingError).
    The search stops at ``time_limit`` seconds or after ``idle_limit`` iterations without
    a better path (default: IDLE_ITERATIONS_PER_STOP per stop; 0: only the time limit).
    Cancelling ``progress`` stops it with the best path found so far; ``Cancelled`` only
    if cancelled before it started."""
    matrix = validate_matrix(matrix)
    size = len(matrix)
    if size <= 2:
        order = list(range(size))
        return order, path_cost(matrix, order, round_trip)
    for i, row in enumerate(matrix):
        for j, value in enumerate(row):
            if value > LARGEST_COST:
                raise RoutingError(f"[{i}][{j}] 太大：{value}（最大 {LARGEST_COST}）",
                                   f"[{i}][{j}] is too large: {value} (at most {LARGEST_COST})")
    if progress is not None:
        progress.check()
    import numpy as np
    import pyvrp
    from pyvrp.search import NeighbourhoodParams, PerturbationParams

    costs = np.array(matrix, dtype=np.int64)
    if not round_trip:
        costs[:, 0] = 0  # an open path: going "back" to the start from anywhere is free
    data = pyvrp.ProblemData(
        [pyvrp.Location(0, 0) for _ in range(size)],
        [pyvrp.Client(location=i) for i in range(1, size)],
        [pyvrp.Depot(location=0)],
        [pyvrp.VehicleType(1)],
        [costs], [np.zeros_like(costs)], [], [],
    )
    params = pyvrp.SolveParams(
        ils=pyvrp.IteratedLocalSearchParams(num_iters_no_improvement=RESTART_AFTER),
        neighbourhood=NeighbourhoodParams(num_neighbours=NEIGHBOURS),
        perturbation=PerturbationParams(min_perturbations=MIN_PERTURBATIONS),
    )
    if idle_limit is None:
        idle_limit = IDLE_ITERATIONS_PER_STOP * size
    stop = _Stop(time_limit, idle_limit, progress)
    result = pyvrp.solve(data, stop, seed=SEED, collect_stats=False, display=False, params=params)
    clients = data.clients()
    order = [0] + [clients[visit.idx].location for visit in result.best.routes()[0] if visit.is_client()]
    if sorted(order) != list(range(size)):  # never hand on a path that skips or repeats a stop
        raise RoutingError("求解器返回的路线不完整", "the solver returned an incomplete route")
    return order, path_cost(matrix, order, round_trip)


def nearest_neighbour(matrix, *, round_trip: bool = False) -> tuple[list[int], int]:
    """The baseline: always go to the nearest stop not yet visited."""
    matrix = validate_matrix(matrix)
    order, left = [0], set(range(1, len(matrix)))
    while left:
        here = order[-1]
        nearest = min(left, key=lambda j: (matrix[here][j], j))
        order.append(nearest)
        left.remove(nearest)
    return order, path_cost(matrix, order, round_trip)


def brute_force(matrix, *, round_trip: bool = False) -> tuple[list[int], int]:
    """The exact optimum by trying every order (small matrices only; for tests)."""
    from itertools import permutations

    matrix = validate_matrix(matrix)
    best = None
    for rest in permutations(range(1, len(matrix))):
        order = [0, *rest]
        cost = path_cost(matrix, order, round_trip)
        if best is None or cost < best[1]:
            best = (order, cost)
    return best


def held_karp(matrix, *, round_trip: bool = False) -> int:
    """The exact optimal cost by dynamic programming (up to ~15 stops; for the bench)."""
    matrix = validate_matrix(matrix)
    n = len(matrix)
    if n == 1:
        return 0
    full = (1 << (n - 1)) - 1
    best: dict[tuple[int, int], int] = {(1 << (j - 1), j): matrix[0][j] for j in range(1, n)}
    for size in range(2, n):
        layer = {}
        for (mask, last), cost in best.items():
            if bin(mask).count("1") != size - 1:
                continue
            for j in range(1, n):
                bit = 1 << (j - 1)
                if mask & bit:
                    continue
                key = (mask | bit, j)
                value = cost + matrix[last][j]
                if value < layer.get(key, 1 << 62):
                    layer[key] = value
        best.update(layer)
    return min(cost + (matrix[last][0] if round_trip else 0)
               for (mask, last), cost in best.items() if mask == full)
