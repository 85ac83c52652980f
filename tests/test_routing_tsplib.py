"""The path solver against published TSPLIB optima: the instance files are read right
(the published optimal tours have the published lengths), the core gets within a
stated gap of the optimum, and it runs in a separate process with progress and Cancel."""

from __future__ import annotations

import pytest

from bench.tsplib import OPTIMA, load, optimal_tour, tour_length
from planner.progress import Progress
from planner.routing.path import path_cost, solve_path
from planner.separate_process import run_separately

BERLIN52_GAP = 0.01  # within 1 % of the optimum (7542) …
BERLIN52_SECONDS = 1.0  # … with a 1-second limit (it usually finds the optimum itself)


@pytest.mark.parametrize("name", ["berlin52", "gr96", "rd100", "eil101"])
def test_instances_are_read_as_tsplib_defines_them(name):
    """EUC_2D and GEO distances: the published optimal tour has the published length."""
    instance = load(name)
    tour = optimal_tour(name)
    assert sorted(tour) == list(range(len(instance.matrix)))
    assert tour_length(instance.matrix, tour) == instance.optimum == OPTIMA[name]


def test_berlin52_within_one_percent_of_the_optimum():
    instance = load("berlin52")
    order, cost = solve_path(instance.matrix, round_trip=True, time_limit=BERLIN52_SECONDS)
    assert sorted(order) == list(range(52)) and order[0] == 0
    assert cost == tour_length(instance.matrix, order) == path_cost(instance.matrix, order, round_trip=True)
    assert cost <= instance.optimum * (1 + BERLIN52_GAP), f"{cost} vs optimum {instance.optimum}"


def test_open_path_is_no_longer_than_the_round_trip_less_its_longest_leg():
    """An open path may end anywhere: never worse than the optimal tour cut at its longest leg."""
    instance = load("berlin52")
    tour = optimal_tour("berlin52")
    start = tour.index(0)
    tour = tour[start:] + tour[:start]  # from 0
    legs = [instance.matrix[a][b] for a, b in zip(tour, tour[1:] + tour[:1])]
    bound = instance.optimum - max(legs[0], legs[-1])  # cut next to 0, keeping 0 as the start
    order, cost = solve_path(instance.matrix, time_limit=BERLIN52_SECONDS)
    assert order[0] == 0 and sorted(order) == list(range(52))
    assert cost == path_cost(instance.matrix, order) <= bound * (1 + BERLIN52_GAP)


def test_in_a_separate_process_with_progress_and_cancel():
    matrix = load("kroA100").matrix
    reports = []
    progress = Progress(lambda fraction, text: reports.append(fraction))
    order, cost = run_separately(solve_path, matrix, round_trip=True, time_limit=1.0, progress=progress)
    assert sorted(order) == list(range(100)) and cost == tour_length(matrix, order)
    assert reports and all(0 <= f <= 1 for f in reports)

    cancelling = Progress(lambda fraction, text: cancelling.cancel())  # Cancel at the first report
    order, cost = run_separately(solve_path, matrix, round_trip=True, time_limit=30, progress=cancelling)
    assert sorted(order) == list(range(100))  # the best path found by then, not an error
    assert cost == tour_length(matrix, order)
