"""Travel estimates against road distances people know."""

import pytest

from planner.travel import estimate, great_circle_km

HANGZHOU = (120.155, 30.274)
YIWU = (120.075, 29.306)
SHANGHAI = (121.473, 31.230)
NANJING = (118.797, 32.060)
SUZHOU = (120.585, 31.299)
WUXI = (120.312, 31.491)
CHANGSHA = (112.939, 28.228)
BEIJING = (116.407, 39.904)
GUANGZHOU = (113.264, 23.129)


@pytest.mark.parametrize(
    "start, end, road_km",
    [
        (HANGZHOU, YIWU, 120),  # G60 Hangzhou–Jinhua–Yiwu
        (HANGZHOU, SHANGHAI, 175),
        (SHANGHAI, NANJING, 300),
        (SUZHOU, WUXI, 45),
    ],
)
def test_road_distance_within_15_percent(start, end, road_km):
    guess = estimate(*start, *end)
    assert guess.mode == "bus"
    assert abs(guess.distance_km - road_km) / road_km <= 0.15, guess


def test_great_circle_is_symmetric_and_zero_on_the_spot():
    assert great_circle_km(*HANGZHOU, *YIWU) == pytest.approx(great_circle_km(*YIWU, *HANGZHOU))
    assert great_circle_km(*HANGZHOU, *HANGZHOU) == 0


def test_longer_trips_take_longer_but_at_a_higher_average_speed():
    near, far = estimate(*SUZHOU, *WUXI), estimate(*SHANGHAI, *NANJING)
    assert far.minutes > near.minutes
    assert far.distance_km / far.minutes > near.distance_km / near.minutes


def test_over_five_hours_by_road_suggests_rail_and_says_so():
    guess = estimate(*CHANGSHA, *HANGZHOU)
    assert guess.mode == "high_speed_rail"
    assert guess.road_minutes > 300 > guess.minutes
    assert "高铁" in guess.note_zh and "rail" in guess.note_en


def test_very_long_trips_suggest_a_flight():
    guess = estimate(*BEIJING, *GUANGZHOU)
    assert guess.mode == "flight"
    assert "飞机" in guess.note_zh


def test_short_hops_are_walked():
    guess = estimate(120.0, 30.0, 120.003, 30.002)
    assert guess.mode == "walk" and guess.minutes < 15
