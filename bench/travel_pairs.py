"""The table of city pairs with published travel figures (``travel_pairs.csv``, sources in
its header) and how the estimates compare with it. Used by tests/test_travel_pairs.py
and bench/bench_travel.py.

Published figures are not door to door: road times are between city centres (so they
compare with the whole road option), rail times are station to station and flight times
are block times, so they compare with the train or flight part of an option; the other
parts (to and from the station or airport, boarding, check-in) are the model's.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from planner.gazetteer import Gazetteer
from planner.travel import Estimate, estimate

TABLE = Path(__file__).with_name("travel_pairs.csv")
# The part of each mode's option that a published figure measures.
MEASURED_PART = {"bus": None, "high_speed_rail": "train", "flight": "flight"}


@dataclass(frozen=True)
class Pair:
    start: str
    end: str
    road_km: float
    published: dict[str, int]  # mode -> published minutes (road door to door, rail and flight rides)
    notes: dict[str, str]
    chosen: str
    no_service: frozenset[str] = frozenset()  # modes the table says there is no way by

    def points(self) -> tuple[float, float, float, float]:
        gazetteer = Gazetteer.default()
        a, b = gazetteer.lookup(self.start).division, gazetteer.lookup(self.end).division
        return a.lon, a.lat, b.lon, b.lat

    def estimate(self) -> Estimate:
        return estimate(*self.points())

    def compared(self, door_to_door: bool = True) -> dict[str, tuple[int, int]]:
        """mode -> (estimated, published) minutes for each mode with a published figure (a
        missing option is compared as 0 minutes). Door to door, the published ride plus the
        option's other parts (to and from the station or airport, boarding, check-in: not
        published, the model's in both) against the option's minutes; else the ride alone
        against the published ride."""
        guess, out = self.estimate(), {}
        for mode, published in self.published.items():
            option = guess.option(mode)
            kind = MEASURED_PART[mode]
            if option is None:
                out[mode] = (0, published)
            elif kind is None:
                out[mode] = (option.minutes, published)
            elif door_to_door:
                out[mode] = (option.minutes, option.minutes - option.part(kind).minutes + published)
            else:
                out[mode] = (option.part(kind).minutes, published)
        return out


def pairs() -> list[Pair]:
    with open(TABLE, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(line for line in f if not line.startswith("#")))
    out = []
    for r in rows:
        published = {"bus": int(r["road_min"])}
        notes = {"bus": "route planners, city centre to city centre"}
        for mode, column, note in (("high_speed_rail", "rail_min", "rail_stations"),
                                   ("flight", "flight_min", "flight_airports")):
            if r[column] != "-":
                published[mode] = int(r[column])
                notes[mode] = r[note]
        no_service = frozenset({"high_speed_rail"} if r["rail_stations"] == "no high-speed line" else ())
        out.append(Pair(r["from"], r["to"], float(r["road_km"]), published, notes, r["chosen"], no_service))
    return out


def error(estimated: int, published: int) -> float:
    """Relative error of an estimate, e.g. 0.12 for 12 % too long."""
    return (estimated - published) / published
