"""Estimates against published figures for the city pairs of bench/travel_pairs.csv
(the source of each figure is in that file's header and its notes): the mode an
organiser books, each option's minutes within ±25 % door to door, road distances."""

import pytest

from bench.travel_pairs import error, pairs

PAIRS = pairs()


def test_the_table_has_at_least_30_pairs_with_rail_and_flight_figures():
    assert len(PAIRS) >= 30
    assert sum("high_speed_rail" in p.published for p in PAIRS) >= 20
    assert sum("flight" in p.published for p in PAIRS) >= 8
    assert {p.chosen for p in PAIRS} == {"bus", "high_speed_rail", "flight"}


@pytest.mark.parametrize("pair", PAIRS, ids=[f"{p.start}-{p.end}" for p in PAIRS])
def test_the_chosen_mode_is_the_one_an_organiser_books(pair):
    assert pair.estimate().mode == pair.chosen


@pytest.mark.parametrize("pair", PAIRS, ids=[f"{p.start}-{p.end}" for p in PAIRS])
def test_each_option_within_a_quarter_door_to_door(pair):
    for mode, (estimated, published) in pair.compared().items():
        assert estimated, f"no {mode} option, though the table has a figure ({pair.notes[mode]})"
        assert abs(error(estimated, published)) <= 0.25, (mode, estimated, published, pair.notes[mode])


@pytest.mark.parametrize("pair", PAIRS, ids=[f"{p.start}-{p.end}" for p in PAIRS])
def test_road_distance_within_a_quarter(pair):
    road = pair.estimate().option("bus")
    assert abs(road.distance_km - pair.road_km) <= 0.25 * pair.road_km


def test_no_option_where_the_table_has_no_service():
    without = [p for p in PAIRS if p.no_service]
    assert len(without) >= 2  # 延安, 喀什
    for pair in without:
        for mode in pair.no_service:
            assert pair.estimate().option(mode) is None, (pair.start, pair.end, mode)
