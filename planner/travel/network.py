"""The rail and air network, offline: stations served by high-speed trains and airports
with scheduled passenger flights (``resources/transport``, see its SOURCE.md), and the
nearest of each to a point."""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass
from functools import lru_cache

from planner.resources import resource_path
from planner.travel.geo import great_circle_km

_CELL_DEGREES = 1.0  # grid cells for the nearest-hub search


@dataclass(frozen=True)
class Hub:
    """A station (``kind`` "station") or an airport ("airport")."""

    kind: str
    name: str  # as printed: 南京南站, 上海虹桥国际机场
    code: str  # the station's name without 站, or the airport's IATA code
    lon: float
    lat: float
    division_code: str
    speed: int = 0  # stations: top speed of the fastest line through it, km/h
    network: str = ""  # stations: trains run only within one network (hainan, tibet, mainland)
    hub: bool = False  # airports: an international airport (more flights, to more places)


class Hubs:
    """Hubs of one kind with a grid index, so the nearest one is found without a scan."""

    def __init__(self, hubs: list[Hub]):
        self.hubs = tuple(hubs)
        self._grid: dict[tuple[int, int], list[Hub]] = {}
        for hub in hubs:
            self._grid.setdefault(self._cell(hub.lon, hub.lat), []).append(hub)

    @staticmethod
    def _cell(lon: float, lat: float) -> tuple[int, int]:
        return math.floor(lon / _CELL_DEGREES), math.floor(lat / _CELL_DEGREES)

    def near(self, lon: float, lat: float, within_km: float, limit: int = 4) -> list[tuple[Hub, float]]:
        """Up to ``limit`` hubs within ``within_km`` of the point, nearest first, each with
        its straight-line distance."""
        reach = math.ceil(within_km / (111.0 * max(0.2, math.cos(math.radians(lat)))) / _CELL_DEGREES) + 1
        x0, y0 = self._cell(lon, lat)
        # A flat-earth bound first (cheap), the great circle only for the hubs that pass it.
        kx, ky = 111.32 * math.cos(math.radians(lat)), 110.57
        bound = (within_km * 1.05) ** 2
        found = []
        for dx in range(-reach, reach + 1):
            for dy in range(-reach, reach + 1):
                for hub in self._grid.get((x0 + dx, y0 + dy), ()):
                    if ((hub.lon - lon) * kx) ** 2 + ((hub.lat - lat) * ky) ** 2 > bound:
                        continue
                    km = great_circle_km(lon, lat, hub.lon, hub.lat)
                    if km <= within_km:
                        found.append((hub, km))
        found.sort(key=lambda pair: (pair[1], pair[0].code))
        return found[:limit]


def _rows(name: str) -> list[dict]:
    with open(resource_path("transport", name), encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@lru_cache(maxsize=1)
def stations() -> Hubs:
    return Hubs([Hub("station", f"{r['station']}站", r["station"], float(r["lon"]), float(r["lat"]),
                     r["division_code"], int(r["speed"]), r["network"]) for r in _rows("hsr_stations.csv")])


@lru_cache(maxsize=1)
def airports() -> Hubs:
    return Hubs([Hub("airport", r["name_zh"], r["iata"], float(r["lon"]), float(r["lat"]), r["division_code"],
                     hub="international" in r["name"].lower()) for r in _rows("airports.csv")])
