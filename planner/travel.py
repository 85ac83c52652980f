"""Travel estimates between two points, with no network.

Road distance is the great-circle distance times a detour factor; the speed grows with
the distance (town streets, then expressways). Beyond about five hours by road the
estimate suggests high-speed rail (or a flight for very long hops) and says why.
A leg's manual mode or duration always wins over the estimate (see ``Leg``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

EARTH_RADIUS_KM = 6371.0088

# (upper bound of road km, average speed km/h): town streets, county roads, expressways.
_ROAD_SPEEDS = ((15, 30.0), (60, 50.0), (150, 70.0), (math.inf, 85.0))
_STOP_MINUTES = 5  # boarding, leaving the car park: added to every road leg
_BUS_LIMIT_MINUTES = 5 * 60
_RAIL_SPEED = 250.0  # km/h on the line, plus getting to and through the stations
_RAIL_OVERHEAD_MINUTES = 90
_FLIGHT_SPEED = 700.0
_FLIGHT_OVERHEAD_MINUTES = 180
_FLIGHT_BEYOND_KM = 1200  # great-circle; rail stays competitive below this


@dataclass(frozen=True)
class Estimate:
    mode: str  # "walk", "bus", "high_speed_rail" or "flight"
    distance_km: float  # by the chosen mode's way (road km for road modes)
    minutes: int
    road_minutes: int  # what the same trip would take by road
    note_zh: str = ""
    note_en: str = ""


def great_circle_km(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    """Haversine distance in kilometres between two WGS-84 points."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlambda = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def detour_factor(straight_km: float) -> float:
    """Roads wind more over short hops (street grid, river crossings) than long ones."""
    if straight_km < 10:
        return 1.4
    if straight_km < 50:
        return 1.3
    return 1.2


def road_minutes(road_km: float) -> int:
    """Driving time over ``road_km`` at speeds that rise with the distance."""
    minutes, done = 0.0, 0.0
    for upper, speed in _ROAD_SPEEDS:
        stretch = min(road_km, upper) - done
        if stretch <= 0:
            break
        minutes += stretch / speed * 60
        done += stretch
    return round(minutes) + _STOP_MINUTES


@lru_cache(maxsize=65536)  # routes ask for the same pairs again after every edit
def estimate(lon1: float, lat1: float, lon2: float, lat2: float) -> Estimate:
    """The usual way between two points and how long it takes."""
    straight = great_circle_km(lon1, lat1, lon2, lat2)
    if straight < 0.8:
        minutes = max(1, round(straight * 1.3 / 4.5 * 60))
        return Estimate("walk", round(straight * 1.3, 1), minutes, minutes)
    road_km = straight * detour_factor(straight)
    by_road = road_minutes(road_km)
    if by_road <= _BUS_LIMIT_MINUTES:
        return Estimate("bus", round(road_km, 1), by_road, by_road)
    hours = by_road / 60
    if straight >= _FLIGHT_BEYOND_KM:
        minutes = round(straight / _FLIGHT_SPEED * 60) + _FLIGHT_OVERHEAD_MINUTES
        return Estimate(
            "flight",
            round(straight, 1),
            minutes,
            by_road,
            f"乘车约需 {hours:.1f} 小时，超过 5 小时，建议乘飞机",
            f"about {hours:.1f} h by road, over 5 hours: a flight is suggested",
        )
    rail_km = straight * 1.15
    minutes = round(rail_km / _RAIL_SPEED * 60) + _RAIL_OVERHEAD_MINUTES
    return Estimate(
        "high_speed_rail",
        round(rail_km, 1),
        minutes,
        by_road,
        f"乘车约需 {hours:.1f} 小时，超过 5 小时，建议乘高铁",
        f"about {hours:.1f} h by road, over 5 hours: high-speed rail is suggested",
    )


def estimate_by(mode: str | None, lon1: float, lat1: float, lon2: float, lat2: float) -> Estimate:
    """The estimate when the organiser chose ``mode`` but gave no duration: by bus, the
    road figures even where the usual way is rail or a flight (the note still says what
    is suggested); any other mode keeps the usual estimate."""
    guess = estimate(lon1, lat1, lon2, lat2)
    if mode != "bus" or guess.mode == "bus":
        return guess
    straight = great_circle_km(lon1, lat1, lon2, lat2)
    return Estimate("bus", round(straight * detour_factor(straight), 1), guess.road_minutes, guess.road_minutes,
                    guess.note_zh, guess.note_en)
