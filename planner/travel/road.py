"""By road: distance from the straight line, time from the distance.

Roads wind more over short hops (street grid, river crossings) and in the mountains
than across plains; a coach averages town speeds on short legs and nears expressway
speed (coaches are held to 100 km/h) on long ones. The figures are calibrated on the
published road distances and driving times of the city pairs in bench/travel_pairs.csv.
"""

from __future__ import annotations

import math

from planner.travel.geo import great_circle_km

# Hilly or mountainous country (lon_min, lon_max, lat_min, lat_max), drawn coarsely:
# the plateaus and ranges where expressways run through tunnels and along valleys.
_MOUNTAINS = (
    (73.0, 103.5, 26.0, 40.0),   # Tibet, Qinghai, western Sichuan
    (97.0, 110.0, 21.5, 28.3),   # Yunnan-Guizhou plateau, western Guangxi
    (104.0, 112.0, 31.6, 34.2),  # Qinling and Daba ranges
    (108.0, 111.2, 27.5, 31.2),  # Wuling mountains
    (115.8, 120.0, 23.8, 28.3),  # Fujian and southern Jiangxi hills
    (106.5, 113.8, 34.8, 39.5),  # Loess plateau, Lüliang and Taihang
)
_MOUNTAIN_DETOUR = 0.06  # extra road km per straight km, all of the way in the mountains
_MOUNTAIN_SLOWDOWN = 0.05  # share of speed lost, all of the way in the mountains
_OPEN_ROAD_KMH = 95.0  # expressway average, city centre to city centre
_TOWN_MINUTES, _TOWN_KM = 20.0, 10.0  # getting out of town and in again: up to 20 minutes
_STOP_MINUTES = 5  # boarding, leaving the car park: added to every road leg
_BREAK_EVERY_MINUTES, _BREAK_MINUTES = 4 * 60, 20  # drivers rest 20 min after 4 h at the wheel


def mountain_share(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    """The share (0–1) of the straight line that crosses hilly or mountainous country."""
    west, east, south, north = min(lon1, lon2), max(lon1, lon2), min(lat1, lat2), max(lat1, lat2)
    boxes = [(a, b, c, d) for a, b, c, d in _MOUNTAINS if a <= east and west <= b and c <= north and south <= d]
    if not boxes:  # the line's bounding box misses every range (most trips in the plains)
        return 0.0
    samples = 5
    hits = 0
    for i in range(samples):
        t = (i + 0.5) / samples
        lon, lat = lon1 + (lon2 - lon1) * t, lat1 + (lat2 - lat1) * t
        hits += any(a <= lon <= b and c <= lat <= d for a, b, c, d in boxes)
    return hits / samples


def detour_factor(straight_km: float, mountains: float = 0.0) -> float:
    """Road km per straight km: about 1.4 across town, 1.25 at 100 km, 1.15 on long trips
    (published distances; a study of 25 Chinese cities found 1.32 on average, higher for
    short trips: Annals of GIS 2021), a little more through mountains."""
    return 1.15 + 0.25 * math.exp(-straight_km / 120.0) + _MOUNTAIN_DETOUR * mountains


def road_km(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    straight = great_circle_km(lon1, lat1, lon2, lat2)
    return straight * detour_factor(straight, mountain_share(lon1, lat1, lon2, lat2))


def road_minutes(km: float, mountains: float = 0.0) -> int:
    """Driving time over ``km`` of road: the distance at expressway speed plus the time it
    takes to get out of town and in again (nearly all of a short hop is town driving),
    the stop at each end and the drivers' rests on long drives."""
    driving = km / (_OPEN_ROAD_KMH * (1 - _MOUNTAIN_SLOWDOWN * mountains)) * 60
    driving += _TOWN_MINUTES * (1 - math.exp(-km / _TOWN_KM))
    rests = int(driving // _BREAK_EVERY_MINUTES) * _BREAK_MINUTES
    return round(driving) + rests + _STOP_MINUTES
