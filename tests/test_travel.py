"""Travel estimates: the options door to door and the way an organiser books."""

import pytest

from planner.gazetteer import Gazetteer
from planner.travel import estimate, estimate_by, great_circle_km
from planner.travel.choice import BUS_LIMIT_MINUTES, choose
from planner.travel.options import BOARDING_MINUTES, CHECK_IN_MINUTES, Option, Part

HANGZHOU = (120.155, 30.274)
YIWU = (120.075, 29.306)
SHANGHAI = (121.473, 31.230)
NANJING = (118.797, 32.060)
SUZHOU = (120.585, 31.299)
WUXI = (120.312, 31.491)
HAIKOU = (110.33, 20.03)
GUANGZHOU = (113.264, 23.129)
NGARI = (80.10, 32.50)  # 阿里地区: no high-speed station for hundreds of km
HOTAN = (79.92, 37.11)


def place(name: str) -> tuple[float, float]:
    division = Gazetteer.default().lookup(name).division
    return division.lon, division.lat


def within(value: float, target: float, share: float = 0.25) -> bool:
    return abs(value - target) <= share * target


@pytest.mark.parametrize("start, end, road_km", [
    (HANGZHOU, YIWU, 120),  # G60 Hangzhou–Jinhua–Yiwu
    (HANGZHOU, SHANGHAI, 175),
    (SHANGHAI, NANJING, 300),
    (SUZHOU, WUXI, 45),
])
def test_road_distance_within_15_percent(start, end, road_km):
    road = estimate(*start, *end).option("bus")
    assert within(road.distance_km, road_km, 0.15), road


def test_great_circle_is_symmetric_and_zero_on_the_spot():
    assert great_circle_km(*HANGZHOU, *YIWU) == pytest.approx(great_circle_km(*YIWU, *HANGZHOU))
    assert great_circle_km(*HANGZHOU, *HANGZHOU) == 0


def test_longer_drives_take_longer_but_at_a_higher_average_speed():
    near, far = estimate(*SUZHOU, *WUXI).option("bus"), estimate(*SHANGHAI, *NANJING).option("bus")
    assert far.minutes > near.minutes
    assert far.distance_km / far.minutes > near.distance_km / near.minutes


# The three cases of issue #15.
def test_nanjing_to_shanghai_goes_by_train_of_about_an_hour_and_a_half():
    guess = estimate(*place("南京市"), *place("上海市"))
    assert guess.mode == "high_speed_rail"
    train = guess.option("high_speed_rail").part("train")
    assert within(train.minutes, 90), train  # 约 1 小时 30 分 on the train
    assert train.start.startswith("南京") and train.start.endswith("站")
    assert train.end.startswith("上海") and train.end.endswith("站")
    assert within(guess.road_minutes, 210)  # the road takes about 3.5 h
    assert guess.minutes < guess.road_minutes - 60  # door to door the train saves an hour or more
    assert "高铁" in guess.note_zh and "rail" in guess.note_en


def test_yanan_to_changzhou_is_a_flight_not_a_train_on_a_line_that_does_not_exist():
    guess = estimate(*place("延安市"), *place("常州市"))
    assert guess.mode == "flight"
    assert guess.option("high_speed_rail") is None  # 延安 has no high-speed station
    flight = guess.option("flight")
    assert flight.part("flight").start.startswith("延安") and flight.part("flight").end.startswith("常州")
    assert guess.minutes < 6 * 60


def test_zigong_to_chengdu_is_about_two_and_a_half_hours_by_coach():
    guess = estimate(*place("自贡市"), *place("成都市"))
    assert guess.mode == "bus"
    assert within(guess.minutes, 150)


def test_a_coach_under_about_three_hours_even_where_the_train_is_faster():
    guess = estimate(*HANGZHOU, *SHANGHAI)
    assert guess.mode == "bus" and guess.minutes <= BUS_LIMIT_MINUTES
    assert guess.option("high_speed_rail").minutes < guess.minutes


def test_never_a_train_where_neither_end_has_a_station():
    guess = estimate(*NGARI, *HOTAN)
    assert guess.option("high_speed_rail") is None
    assert guess.mode in ("bus", "flight")


def test_no_train_between_networks_no_train_joins():
    guess = estimate(*HAIKOU, *GUANGZHOU)  # Hainan's lines do not reach the mainland
    assert guess.option("high_speed_rail") is None
    assert guess.mode == "flight"


def test_a_flight_where_no_train_is_under_about_seven_hours():
    slow_train = Option("high_speed_rail", 8 * 60, 1500, ())
    slower_flight = Option("flight", 8 * 60 + 30, 1500, ())
    road = Option("bus", 20 * 60, 1800, ())
    assert choose(road, slow_train, slower_flight) is slower_flight
    quick_train = Option("high_speed_rail", 4 * 60, 900, ())
    assert choose(road, quick_train, slower_flight) is quick_train
    assert choose(road, None, None) is road
    # a change of mode must save time: a coach nearly as fast as the train is kept
    assert choose(Option("bus", 200, 250, ()), Option("high_speed_rail", 190, 240, ()), None).mode == "bus"
    # a flight within half an hour of the train (the estimates' error): the train
    train, flight = Option("high_speed_rail", 300, 900, ()), Option("flight", 290, 900, ())
    assert choose(road, train, flight) is train
    assert choose(road, train, Option("flight", 260, 900, ())).mode == "flight"


@pytest.mark.parametrize("start, end", [(NANJING, SHANGHAI), (place("延安市"), place("常州市")),
                                        (HANGZHOU, YIWU)])
def test_every_option_is_the_sum_of_its_parts(start, end):
    guess = estimate(*start, *end)
    assert guess.option(guess.mode).minutes == guess.minutes
    assert guess.parts == guess.option(guess.mode).parts
    for option in guess.options:
        assert option.minutes == sum(p.minutes for p in option.parts)
        assert all(isinstance(p, Part) and p.minutes > 0 for p in option.parts)
        if option.mode == "high_speed_rail":
            assert [p.kind for p in option.parts] == ["drive", "boarding", "train", "drive"]
            assert option.part("boarding").minutes == BOARDING_MINUTES
        if option.mode == "flight":
            assert [p.kind for p in option.parts] == ["drive", "check_in", "flight", "arrival", "drive"]
            assert option.part("check_in").minutes == CHECK_IN_MINUTES


def test_a_chosen_mode_is_timed_by_its_own_option():
    by_rail = estimate(*NANJING, *SHANGHAI)
    by_bus = estimate_by("bus", *NANJING, *SHANGHAI)
    assert (by_bus.mode, by_bus.minutes) == ("bus", by_rail.road_minutes)
    assert by_bus.parts == by_rail.option("bus").parts
    coach = estimate(*HANGZHOU, *SHANGHAI)
    train = estimate_by("high_speed_rail", *HANGZHOU, *SHANGHAI)
    assert train.mode == "high_speed_rail" and train.minutes == coach.option("high_speed_rail").minutes
    assert estimate_by("flight", *HANGZHOU, *SHANGHAI) == coach  # no flight: the usual estimate
    assert estimate_by(None, *HANGZHOU, *SHANGHAI) == coach


def test_short_hops_are_walked():
    guess = estimate(120.0, 30.0, 120.003, 30.002)
    assert guess.mode == "walk" and guess.minutes < 15
    assert [p.kind for p in guess.parts] == ["walk"]
