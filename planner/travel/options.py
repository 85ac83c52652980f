"""Door-to-door options between two points, each as the parts a group goes through.

- road: the coach all the way (``road``);
- high-speed rail: by coach to a station near the start, a margin for boarding, the
  train along a plausible line at the line's speed with its stops, by coach from the
  arrival station;
- flight: by coach to the airport, check-in and security, the flight's block time,
  leaving the aircraft and collecting bags, by coach from the airport.

Stations and airports come from ``network``; the figures are calibrated on the city pairs
of bench/travel_pairs.csv (published road distances, typical fastest rail and flight times).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from planner.travel import network, road
from planner.travel.geo import great_circle_km

WALK_BELOW_KM = 0.8  # straight line; a short walk between neighbouring sites
_WALK_KMH, _WALK_DETOUR = 4.5, 1.3
BOARDING_MINUTES = 30  # at the station before the train leaves: tickets, security, platform
CHECK_IN_MINUTES = 90  # at the airport before departure: check-in, security, boarding
ARRIVAL_MINUTES = 20  # leaving the aircraft and collecting bags
TRANSFER_MINUTES = 15  # the least time across town to or from a station or airport
OWN_STATION_KM = 40  # a place this close (straight line) to a station has one of its own
STATION_REACH_KM = 100  # the other end may ride this far to its station
AIRPORT_REACH_KM = 150
MIN_TRAIN_KM, MIN_FLIGHT_KM = 40, 350  # between the two stations / airports
MIN_RAIL_TRIP_KM = 30  # door to door, straight line: closer than this nobody takes a train
TRAIN_SHARE = 0.6  # the train covers at least this share of the trip (no ride out and back)
# Average speed on the move by the top speed of the line (the slower end's line): trains
# run below the top speed through junctions and on older sections.
_TRAIN_KMH = {350: 250, 300: 235, 250: 185, 200: 135, 160: 110}
_TRAIN_STOP_EVERY_KM, _TRAIN_STOP_MINUTES, _TRAIN_TERMINAL_MINUTES = 150, 4, 5
_LINE_DETOUR, _LINE_DETOUR_SHORT = 1.10, 0.10  # line km per straight km, more on short trips
_AIRWAY_DETOUR, _CRUISE_KMH, _TAXI_CLIMB_DESCENT_MINUTES = 1.08, 800, 35
_HUB_PREFERENCE = 0.5  # an international airport counts as this much nearer


@dataclass(frozen=True)
class Part:
    """One part of a door-to-door option. ``start`` and ``end`` name stations or airports;
    empty where the part starts or ends at the organiser's stop."""

    kind: str  # "walk", "drive", "boarding", "train", "check_in", "flight", "arrival"
    minutes: int
    distance_km: float = 0.0
    start: str = ""
    end: str = ""

    def to_json(self) -> dict:
        return {"kind": self.kind, "from": self.start, "to": self.end, "minutes": self.minutes,
                "distance_km": round(self.distance_km, 1)}


@dataclass(frozen=True)
class Option:
    """One way to make the trip: its mode (as in the plan format), door-to-door minutes,
    the distance of its main part (road km, train km or flight km) and its parts."""

    mode: str  # "walk", "bus", "high_speed_rail" or "flight"
    minutes: int
    distance_km: float
    parts: tuple[Part, ...]

    def part(self, kind: str) -> Part | None:
        return next((p for p in self.parts if p.kind == kind), None)

    def to_json(self) -> dict:
        return {"mode": self.mode, "minutes": self.minutes, "distance_km": round(self.distance_km),
                "parts": [p.to_json() for p in self.parts]}


def walk_option(lon1: float, lat1: float, lon2: float, lat2: float) -> Option:
    km = great_circle_km(lon1, lat1, lon2, lat2) * _WALK_DETOUR
    minutes = max(1, round(km / _WALK_KMH * 60))
    return Option("walk", minutes, round(km, 1), (Part("walk", minutes, km),))


def road_option(lon1: float, lat1: float, lon2: float, lat2: float) -> Option:
    mountains = road.mountain_share(lon1, lat1, lon2, lat2)
    straight = great_circle_km(lon1, lat1, lon2, lat2)
    km = straight * road.detour_factor(straight, mountains)
    minutes = road.road_minutes(km, mountains)
    return Option("bus", minutes, round(km, 1), (Part("drive", minutes, km),))


@lru_cache(maxsize=8192)  # a site's way to its station recurs in every pair the site is in
def _transfer(lon1: float, lat1: float, lon2: float, lat2: float, start: str = "", end: str = "") -> Part:
    """By coach between a stop and a station or airport (at least ``TRANSFER_MINUTES``:
    a hub placed at its town's point is still across town)."""
    drive = road_option(lon1, lat1, lon2, lat2)
    return Part("drive", max(TRANSFER_MINUTES, drive.minutes), drive.distance_km, start, end)


def train_minutes(straight_km: float, speed: int) -> tuple[float, int]:
    """(line km, minutes) of a train between two stations ``straight_km`` apart, the slower
    of which lies on a line of top speed ``speed``: a plausible line winds a little more
    over short distances; the train stops about every 150 km. (Tunnelled high-speed lines
    hardly wind more in mountains: terrain made no difference on the calibration pairs.)"""
    km = straight_km * (_LINE_DETOUR + _LINE_DETOUR_SHORT * math.exp(-straight_km / 150))
    kmh = _TRAIN_KMH.get(speed) or min(_TRAIN_KMH.values())
    stops = int(km // _TRAIN_STOP_EVERY_KM)
    return km, round(km / kmh * 60) + stops * _TRAIN_STOP_MINUTES + _TRAIN_TERMINAL_MINUTES


def rail_option(lon1: float, lat1: float, lon2: float, lat2: float) -> Option | None:
    """By high-speed rail, or None where there is no such way: the trip is too short, neither
    end has a station of its own, an end is out of reach of any, the stations are the same
    or too close (the train would not cover most of the trip), or they are on networks no
    train joins (Hainan, Tibet). Of the stations near each end
    (南京 and 南京南), the pair that makes the trip fastest."""
    trip = great_circle_km(lon1, lat1, lon2, lat2)
    if trip < MIN_RAIL_TRIP_KM:
        return None
    here, there = _stations_near(lon1, lat1), _stations_near(lon2, lat2)
    if not here or not there or min(here[0][1], there[0][1]) > OWN_STATION_KM:
        return None
    # The coach to and from each station near the ends, worked out once for every pairing.
    to_station = {a.code: _transfer(lon1, lat1, a.lon, a.lat, end=a.name) for a, _ in here}
    from_station = {b.code: _transfer(b.lon, b.lat, lon2, lat2, start=b.name) for b, _ in there}
    best = None  # (door-to-door minutes, a, b, line km, train minutes) of the fastest pairing
    for a, _ in here:
        for b, _ in there:
            straight = great_circle_km(a.lon, a.lat, b.lon, b.lat)
            if a.network != b.network or straight < max(MIN_TRAIN_KM, TRAIN_SHARE * trip):
                continue
            km, minutes = train_minutes(straight, min(a.speed, b.speed))
            total = to_station[a.code].minutes + BOARDING_MINUTES + minutes + from_station[b.code].minutes
            if best is None or total < best[0]:
                best = (total, a, b, km, minutes)
    if best is None:
        return None
    total, a, b, km, minutes = best
    parts = (to_station[a.code], Part("boarding", BOARDING_MINUTES, 0.0, a.name, a.name),
             Part("train", minutes, km, a.name, b.name), from_station[b.code])
    return Option("high_speed_rail", total, round(km, 1), parts)


@lru_cache(maxsize=4096)  # a site is in many pairs: its stations are looked for once
def _stations_near(lon: float, lat: float):
    return tuple(network.stations().near(lon, lat, STATION_REACH_KM))


@lru_cache(maxsize=4096)
def _airport(lon: float, lat: float):
    """The airport a group would fly from: the nearest, an international one counting as
    nearer (广州 flies from Baiyun, not from the closer Foshan Shadi)."""
    near = network.airports().near(lon, lat, AIRPORT_REACH_KM)
    return min(near, key=lambda pair: pair[1] * (_HUB_PREFERENCE if pair[0].hub else 1.0), default=(None, 0))[0]


def flight_minutes(straight_km: float) -> tuple[float, int]:
    """(airway km, block minutes): taxi, climb and descent, then cruise."""
    km = straight_km * _AIRWAY_DETOUR
    return km, round(_TAXI_CLIMB_DESCENT_MINUTES + km / _CRUISE_KMH * 60)


def flight_option(lon1: float, lat1: float, lon2: float, lat2: float) -> Option | None:
    """By air, or None where an end has no airport within reach or the airports are
    too close for a scheduled flight."""
    a, b = _airport(lon1, lat1), _airport(lon2, lat2)
    if a is None or b is None:
        return None
    straight = great_circle_km(a.lon, a.lat, b.lon, b.lat)
    if straight < MIN_FLIGHT_KM:
        return None
    km, block = flight_minutes(straight)
    parts = (_transfer(lon1, lat1, a.lon, a.lat, end=a.name),
             Part("check_in", CHECK_IN_MINUTES, 0.0, a.name, a.name),
             Part("flight", block, km, a.name, b.name),
             Part("arrival", ARRIVAL_MINUTES, 0.0, b.name, b.name),
             _transfer(b.lon, b.lat, lon2, lat2, start=b.name))
    return Option("flight", sum(p.minutes for p in parts), round(km, 1), parts)
