"""TSPLIB instances with published optima, for measuring how close the routing core gets.

The instance files are in ``bench/data/tsplib/`` (source and terms in its SOURCE.md).
Distances follow TSPLIB 95's definitions (G. Reinelt, DOC.PS §2): EUC_2D is the
Euclidean distance rounded to the nearest integer, GEO the great-circle distance on
the idealised sphere, both as integers, so a tour's length is comparable with the
published optimum.

Used by ``bench/bench_routing.py`` and ``tests/test_routing_tsplib.py``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "tsplib"

# Published optimal tour lengths (TSPLIB 95, STSP.html / bestSolutions.txt).
OPTIMA = {
    "berlin52": 7542, "st70": 675, "eil76": 538, "pr76": 108159, "gr96": 55209, "rat99": 1211,
    "kroA100": 21282, "kroC100": 20749, "rd100": 7910, "eil101": 629, "lin105": 14379,
}


@dataclass(frozen=True)
class Instance:
    name: str
    matrix: list[list[int]]
    optimum: int


def _nint(x: float) -> int:
    return int(x + 0.5)


def _euc_2d(a, b) -> int:
    return _nint(math.hypot(a[0] - b[0], a[1] - b[1]))


def _radians(coordinate: float) -> float:
    """DDD.MM (degrees, minutes) in radians as TSPLIB's own code reads it: PI = 3.141592
    and the degrees truncated (DOC.PS writes nint, but the published optima use (int))."""
    degrees = int(coordinate)
    minutes = coordinate - degrees
    return 3.141592 * (degrees + 5.0 * minutes / 3.0) / 180.0


def _geo(a, b) -> int:
    lat_a, lon_a, lat_b, lon_b = _radians(a[0]), _radians(a[1]), _radians(b[0]), _radians(b[1])
    q1 = math.cos(lon_a - lon_b)
    q2 = math.cos(lat_a - lat_b)
    q3 = math.cos(lat_a + lat_b)
    return int(6378.388 * math.acos(0.5 * ((1.0 + q1) * q2 - (1.0 - q1) * q3)) + 1.0)


DISTANCES = {"EUC_2D": _euc_2d, "GEO": _geo}


def _sections(path: Path) -> tuple[dict[str, str], list[list[str]]]:
    """The specification part (keyword -> value) and the data lines of a TSPLIB file."""
    spec, data, in_data = {}, [], False
    for line in path.read_text(encoding="ascii").splitlines():
        line = line.strip()
        if not line or line == "EOF":
            continue
        if in_data:
            data.append(line.split())
        elif line.endswith("_SECTION"):
            in_data = True
        elif ":" in line:
            key, value = line.split(":", 1)
            spec[key.strip()] = value.strip()
    return spec, data


def load(name: str) -> Instance:
    """The instance ``name`` (e.g. "berlin52") as a full integer distance matrix."""
    spec, data = _sections(DATA / f"{name}.tsp")
    distance = DISTANCES[spec["EDGE_WEIGHT_TYPE"]]
    points = [(float(x), float(y)) for _, x, y in data[: int(spec["DIMENSION"])]]
    matrix = [[0 if i == j else distance(a, b) for j, b in enumerate(points)] for i, a in enumerate(points)]
    return Instance(name, matrix, OPTIMA[name])


def optimal_tour(name: str) -> list[int]:
    """The published optimal tour of ``name`` as 0-based node indices."""
    _, data = _sections(DATA / f"{name}.opt.tour")
    nodes = [int(value) for row in data for value in row]
    return [node - 1 for node in nodes[: nodes.index(-1)]]


def tour_length(matrix, tour) -> int:
    """Length of the round trip through ``tour``."""
    return sum(matrix[a][b] for a, b in zip(tour, [*tour[1:], tour[0]]))
