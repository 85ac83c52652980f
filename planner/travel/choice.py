"""The way an organiser would book a trip, and the estimate the planner stores on a leg.

A coach when the drive is under about three hours; beyond that, the faster of high-speed
rail and a flight (a flight when no rail option is under about seven hours), unless the
coach is nearly as fast: a delegation keeps its coach rather than change for little gain.
Between a train and a flight within half an hour of each other (the estimates' error) it
takes the train: no check-in or baggage, less risk from the weather.
A leg's manual mode or duration always wins over the estimate (see ``Leg``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from planner.travel.geo import great_circle_km
from planner.travel.options import (
    WALK_BELOW_KM, Option, Part, flight_option, rail_option, road_option, walk_option,
)

BUS_LIMIT_MINUTES = 3 * 60 + 15  # "about three hours": a drive of 3 h 15 still goes by coach
RAIL_LIMIT_MINUTES = 7 * 60
KEEP_COACH_MINUTES = 30  # a change of mode must save at least this much door to door
FLIGHT_MUST_SAVE_MINUTES = 30  # over the train: closer than this is within the estimates' error


@dataclass(frozen=True)
class Estimate:
    """The chosen way between two points (door to door) and the other options."""

    mode: str  # "walk", "bus", "high_speed_rail" or "flight"
    distance_km: float  # of the chosen way's main part (road km for road modes)
    minutes: int  # door to door
    road_minutes: int  # what the same trip would take by road
    note_zh: str = ""
    note_en: str = ""
    parts: tuple[Part, ...] = ()
    points: tuple[float, float, float, float] = field(default=(), repr=False)

    @property
    def options(self) -> tuple[Option, ...]:
        """Every way there is, the chosen one included (worked out when first asked for:
        the scheduler needs only the chosen way, and a short drive is chosen without them)."""
        return options_between(*self.points) if self.points else ()

    def option(self, mode: str) -> Option | None:
        return next((o for o in self.options if o.mode == mode), None)


def choose(road: Option, rail: Option | None, flight: Option | None) -> Option:
    """The option an organiser would book (see the module's docstring)."""
    if road.minutes <= BUS_LIMIT_MINUTES:
        return road
    if rail is not None and rail.minutes > RAIL_LIMIT_MINUTES and flight is not None:
        rail = None  # over seven hours on the train: they fly
    if rail is not None and flight is not None:
        faster = flight if flight.minutes <= rail.minutes - FLIGHT_MUST_SAVE_MINUTES else rail
    else:
        faster = rail or flight
    if faster is None or faster.minutes > road.minutes - KEEP_COACH_MINUTES:
        return road
    return faster


def _note(chosen: Option, road: Option) -> tuple[str, str]:
    hours = road.minutes / 60
    if chosen.mode == "high_speed_rail":
        return (f"乘车约需 {hours:.1f} 小时，超过 3 小时，建议乘高铁",
                f"about {hours:.1f} h by road, over 3 hours: high-speed rail is suggested")
    if chosen.mode == "flight":
        return (f"乘车约需 {hours:.1f} 小时，建议乘飞机",
                f"about {hours:.1f} h by road: a flight is suggested")
    return "", ""


def _estimate(chosen: Option, road: Option, points: tuple) -> Estimate:
    zh, en = _note(chosen, road)
    return Estimate(chosen.mode, chosen.distance_km, chosen.minutes, road.minutes, zh, en, chosen.parts, points)


@lru_cache(maxsize=4096)
def options_between(lon1: float, lat1: float, lon2: float, lat2: float) -> tuple[Option, ...]:
    """Every way between two points: on foot for a short hop, else by road, and by rail
    and by air where there is such a way."""
    if great_circle_km(lon1, lat1, lon2, lat2) < WALK_BELOW_KM:
        return (walk_option(lon1, lat1, lon2, lat2),)
    ways = (road_option(lon1, lat1, lon2, lat2), rail_option(lon1, lat1, lon2, lat2),
            flight_option(lon1, lat1, lon2, lat2))
    return tuple(o for o in ways if o is not None)


@lru_cache(maxsize=65536)  # routes ask for the same pairs again after every edit
def estimate(lon1: float, lat1: float, lon2: float, lat2: float) -> Estimate:
    """The way an organiser would book between two points (``options`` has every way)."""
    points = (lon1, lat1, lon2, lat2)
    if great_circle_km(*points) < WALK_BELOW_KM:
        walk = walk_option(*points)
        return Estimate("walk", walk.distance_km, walk.minutes, walk.minutes, parts=walk.parts, points=points)
    road = road_option(*points)
    if road.minutes <= BUS_LIMIT_MINUTES:  # the coach whatever else there is: no need to look
        return _estimate(road, road, points)
    ways = {o.mode: o for o in options_between(*points)}
    return _estimate(choose(road, ways.get("high_speed_rail"), ways.get("flight")), road, points)


def estimate_by(mode: str | None, lon1: float, lat1: float, lon2: float, lat2: float) -> Estimate:
    """The estimate when the organiser chose ``mode`` but gave no duration: that mode's
    option where there is one (by bus always: the road figures even where the usual way
    is rail or a flight; the note still says what is suggested); otherwise the usual estimate."""
    guess = estimate(lon1, lat1, lon2, lat2)
    if mode is None or mode == guess.mode:
        return guess
    if mode == "bus":
        road = road_option(lon1, lat1, lon2, lat2)
        return Estimate("bus", road.distance_km, road.minutes, road.minutes, guess.note_zh, guess.note_en,
                        road.parts, guess.points)
    chosen = guess.option(mode)
    if chosen is None:
        return guess
    return Estimate(chosen.mode, chosen.distance_km, chosen.minutes, guess.road_minutes,
                    guess.note_zh, guess.note_en, chosen.parts, guess.points)
