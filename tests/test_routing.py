"""The routing core on plain data: exact on small instances, locks, windows, one group
at a time, balance, progress and cancel, determinism and idempotence."""

from __future__ import annotations

import json
import random

import pytest

from planner.progress import Progress
from planner.routing.core import (
    Booking, DayRoute, Problem, RoutingError, Stop, evaluate, improve, solve, validate_matrix,
)
from planner.routing.path import brute_force, held_karp, nearest_neighbour, path_cost, solve_path


def random_matrix(rng: random.Random, n: int, asymmetric: bool) -> list[list[int]]:
    points = [(rng.uniform(0, 100), rng.uniform(0, 100)) for _ in range(n)]
    matrix = []
    for i, (x1, y1) in enumerate(points):
        row = []
        for j, (x2, y2) in enumerate(points):
            d = 0 if i == j else round(((x1 - x2) ** 2 + (y1 - y2) ** 2) ** 0.5)
            if asymmetric and i != j:
                d += rng.randint(0, 25)
            row.append(d)
        matrix.append(row)
    return matrix


CASES = [(seed, n, asym) for seed, (n, asym) in enumerate(
    [(n, a) for n in range(2, 10) for a in (False, True)] + [(10, False), (10, True)])]


@pytest.mark.parametrize("round_trip", [False, True], ids=["open", "round-trip"])
@pytest.mark.parametrize("seed,n,asymmetric", CASES)
def test_path_matches_brute_force(seed, n, asymmetric, round_trip):
    matrix = random_matrix(random.Random(seed), n, asymmetric)
    order, cost = solve_path(matrix, round_trip=round_trip, time_limit=5)
    _, best = brute_force(matrix, round_trip=round_trip)
    assert order[0] == 0 and sorted(order) == list(range(n))
    assert cost == path_cost(matrix, order, round_trip)
    assert cost == best


def test_held_karp_agrees_with_brute_force():
    for seed in range(5):
        matrix = random_matrix(random.Random(100 + seed), 7, seed % 2 == 1)
        for round_trip in (False, True):
            assert held_karp(matrix, round_trip=round_trip) == brute_force(matrix, round_trip=round_trip)[1]


def test_nearest_neighbour_is_a_baseline_not_the_answer():
    # 0 -> 1 -> 2 is cheapest step by step, but then 2 -> 3 costs a lot
    matrix = [[0, 1, 5, 2], [1, 0, 1, 2], [5, 1, 0, 100], [2, 2, 100, 0]]
    _, greedy = nearest_neighbour(matrix)
    _, best = solve_path(matrix)
    assert best == brute_force(matrix)[1] < greedy


@pytest.mark.parametrize("matrix,words", [
    ([], "empty"),
    ([[0, 1], [1]], "not square"),
    ([[0, 1, 2], [1, 0, 2]], "not square"),
    ([[0, -3], [1, 0]], "negative"),
    ([[0, 1.5], [1, 0]], "whole number"),
    ([[0, "7"], [1, 0]], "whole number"),
    ([[0, True], [1, 0]], "whole number"),
    ({"a": 1}, "list of lists"),
    ([1, 2], "row 0 is not a list"),
])
def test_bad_matrices_are_refused_with_a_reason(matrix, words):
    with pytest.raises(RoutingError) as caught:
        validate_matrix(matrix)
    assert words in caught.value.message_en
    assert caught.value.message_zh


def test_costs_too_large_for_the_path_solver_are_refused():
    with pytest.raises(RoutingError) as caught:
        solve_path([[0, 1, 2], [1, 0, 10**18], [2, 3, 0]])
    assert "[1][2] is too large" in caught.value.message_en and "太大" in caught.value.message_zh


def test_whole_floats_are_accepted():
    assert validate_matrix([[0, 2.0], [3, 0]]) == ((0, 2), (3, 0))


# ---------------------------------------------------------------------------- multi-day

def line_matrix(n: int, step: int = 20) -> tuple[tuple[int, ...], ...]:
    """Locations on a line, ``step`` minutes apart."""
    return tuple(tuple(abs(i - j) * step for j in range(n)) for i in range(n))


def two_day_problem(minutes: int = 60, **stop_changes) -> Problem:
    matrix = line_matrix(7)
    stops = tuple(Stop(f"s{i}", i, minutes, **stop_changes.get(f"s{i}", {})) for i in range(1, 7))
    routes = (DayRoute("g", 1, 0, 0), DayRoute("g", 2, 0, 0))
    return Problem(matrix, stops, routes)


def test_days_start_and_end_at_lodging_and_are_balanced():
    problem = two_day_problem()
    solution = solve(problem, time_limit=5)
    assert solution.late == 0
    days = [solution.order_of("g", 1), solution.order_of("g", 2)]
    assert sorted(k for day in days for k in day) == [f"s{i}" for i in range(1, 7)]
    # travel counted from and back to the lodging at 0, along the line
    assert solution.travel == evaluate(problem, solution.routes).travel
    assert solution.travel == 2 * 20 * (max(int(k[1:]) for k in days[0]) + max(int(k[1:]) for k in days[1]))
    # six visits in one town, two days: three and three, not one full day and one empty
    same_town = Problem(problem.matrix, tuple(Stop(f"t{i}", 3, 60) for i in range(6)), problem.routes)
    solution = solve(same_town, time_limit=5)
    assert sorted(len(order) for order in solution.routes.values()) == [3, 3]


def test_locks_never_move():
    rng = random.Random(7)
    for trial in range(6):
        matrix = random_matrix(rng, 9, asymmetric=False)
        locks = {}
        keys = [f"s{i}" for i in range(1, 9)]
        picked = rng.sample(keys, 4)
        locks[picked[0]] = {"group": "b"}
        locks[picked[1]] = {"group": "a", "day": 2}
        locks[picked[2]] = {"group": "b", "day": 1, "time": 14 * 60}
        locks[picked[3]] = {"group": "a", "day": 1, "position": 0}
        stops = tuple(Stop(k, int(k[1:]), 45, **locks.get(k, {})) for k in keys)
        routes = tuple(DayRoute(g, d, 0, 0) for g in ("a", "b") for d in (1, 2))
        solution = solve(Problem(tuple(map(tuple, matrix)), stops, routes), time_limit=5)
        where = {k: (g, d, i) for (g, d), order in solution.routes.items() for i, k in enumerate(order)}
        assert where[picked[0]][0] == "b"
        assert where[picked[1]][:2] == ("a", 2)
        assert where[picked[2]][:2] == ("b", 1) and solution.starts[picked[2]] == 14 * 60
        assert where[picked[3]] == ("a", 1, 0)
        assert sorted(where) == sorted(keys)


def test_contradictory_locks_are_refused_clearly():
    problem = two_day_problem(s1={"time": 600})  # a time without a day
    with pytest.raises(RoutingError, match="not to a day"):
        solve(problem)
    problem = two_day_problem(s1={"group": "nobody"})
    with pytest.raises(RoutingError, match="not in the problem"):
        solve(problem)


def test_opening_hours_are_honoured():
    # s6, at the far end of the line, is only open late in the morning; s1 only in the afternoon
    problem = two_day_problem(s6={"opens": 10 * 60 + 30, "closes": 12 * 60},
                              s1={"opens": 15 * 60, "closes": 18 * 60})
    solution = solve(problem, time_limit=5)
    assert not solution.relaxed
    assert 10 * 60 + 30 <= solution.starts["s6"] and solution.starts["s6"] + 60 <= 12 * 60
    assert solution.starts["s1"] >= 15 * 60


def test_impossible_hours_are_relaxed_and_reported():
    problem = two_day_problem(s3={"opens": 6 * 60, "closes": 6 * 60 + 30})  # 30 minutes for a 60-minute visit
    solution = solve(problem, time_limit=3)
    assert solution.relaxed
    assert solution.late > 0  # the violation is counted, for the plan check to report


def test_one_group_at_a_time():
    matrix = line_matrix(3)
    stops = (Stop("a", 1, 120, resource="museum", group="g1", day=1),
             Stop("b", 1, 120, resource="museum", group="g2", day=1))
    routes = (DayRoute("g1", 1, 0, 0), DayRoute("g2", 1, 0, 0))
    solution = solve(Problem(matrix, stops, routes), time_limit=5)
    a, b = solution.starts["a"], solution.starts["b"]
    assert a + 120 <= b or b + 120 <= a
    assert solution.late == 0


def test_outside_bookings_are_avoided():
    matrix = line_matrix(3)
    stops = (Stop("a", 1, 60, resource="hall", group="g", day=1),)
    problem = Problem(matrix, stops, (DayRoute("g", 1, 0, 0),), (Booking("hall", 1, 8 * 60, 11 * 60),))
    solution = solve(problem, time_limit=3)
    assert solution.starts["a"] >= 11 * 60 and solution.late == 0


def test_lunch_is_kept():
    matrix = line_matrix(2)
    stops = tuple(Stop(f"s{i}", 1, 60) for i in range(5))
    solution = solve(Problem(matrix, stops, (DayRoute("g", 1, 0, 0, lunch_start=12 * 60, lunch_minutes=90),)))
    starts = sorted(solution.starts.values())
    # no visit runs through 12:00-13:30
    assert all(s + 60 <= 12 * 60 or s >= 12 * 60 + 90 - 15 for s in starts)


def test_optimising_an_optimal_route_changes_nothing():
    rng = random.Random(3)
    matrix = random_matrix(rng, 7, asymmetric=False)
    order, _ = brute_force(matrix)
    stops = tuple(Stop(i, i, 0) for i in range(1, 7))
    routes = (DayRoute("g", 1, 0, None, day_start=0, day_end=1400, lunch_start=None),)
    problem = Problem(tuple(map(tuple, matrix)), stops, routes)
    current = {("g", 1): tuple(order[1:])}
    result = improve(problem, current, time_limit=3)
    assert not result.from_solver
    assert result.routes == current


def test_improving_twice_changes_nothing_the_second_time():
    problem = two_day_problem()
    current = {("g", 1): ("s6", "s1", "s5"), ("g", 2): ("s2", "s4", "s3")}
    first = improve(problem, current, time_limit=3)
    assert first.from_solver and first.score < evaluate(problem, current).score
    second = improve(problem, first.routes, time_limit=3)
    assert not second.from_solver and second.routes == first.routes


def test_deterministic():
    rng = random.Random(11)
    matrix = tuple(map(tuple, random_matrix(rng, 12, asymmetric=True)))
    stops = tuple(Stop(i, i, 30) for i in range(1, 12))
    routes = tuple(DayRoute(g, d, 0, 0) for g in (1, 2) for d in (1, 2))
    problem = Problem(matrix, stops, routes)
    runs = [solve(problem, time_limit=30, solution_limit=60).routes for _ in range(2)]
    assert runs[0] == runs[1]


def test_progress_is_reported_and_cancel_keeps_the_best_so_far():
    matrix = random_matrix(random.Random(5), 40, asymmetric=False)
    reports = []
    progress = Progress(lambda fraction, text: reports.append(fraction))
    order, cost = solve_path(matrix, time_limit=3, progress=progress)
    assert reports and all(0 <= f <= 1 for f in reports)

    cancelling = Progress(lambda fraction, text: cancelling.cancel())
    stops = tuple(Stop(i, i, 10) for i in range(1, 40))
    problem = Problem(tuple(map(tuple, matrix)), stops, (DayRoute("g", 1, 0, 0, day_start=0, day_end=1400),))
    solution = solve(problem, time_limit=30, progress=cancelling)
    assert solution.cancelled
    assert sorted(k for order in solution.routes.values() for k in order) == list(range(1, 40))


def test_route_json_shape(tmp_path):
    """The result the command prints is plain JSON with the order from 0."""
    matrix = random_matrix(random.Random(2), 6, asymmetric=True)
    order, cost = solve_path(matrix, round_trip=True)
    text = json.dumps({"order": order, "cost": cost})
    assert json.loads(text)["order"][0] == 0


@pytest.mark.parametrize("seed", range(8))
def test_one_day_between_two_hotels_matches_brute_force(seed):
    """The multi-day model on one day with lodging at both ends is an exact path solver too."""
    from itertools import permutations

    rng = random.Random(500 + seed)
    n = rng.randint(4, 8)
    matrix = tuple(map(tuple, random_matrix(rng, n + 2, asymmetric=seed % 2 == 1)))
    stops = tuple(Stop(i, i, 10) for i in range(1, n + 1))
    route = DayRoute("g", 1, 0, n + 1, day_start=0, day_end=1400, lunch_start=None)
    solution = solve(Problem(matrix, stops, (route,)), time_limit=5)
    best = min(sum(matrix[a][b] for a, b in zip((0, *p), (*p, n + 1))) for p in permutations(range(1, n + 1)))
    assert solution.travel == best and solution.late == 0
