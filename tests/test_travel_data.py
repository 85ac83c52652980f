"""The offline transport data (resources/transport): complete enough, in the right places."""

import csv
import re

import pytest

from planner.gazetteer import Gazetteer
from planner.resources import resource_path
from planner.travel import great_circle_km
from planner.travel.network import airports, stations


def rows(name):
    with open(resource_path("transport", name), encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_source_and_licence_are_noted_beside_the_data():
    source = resource_path("transport", "SOURCE.md").read_text(encoding="utf-8")
    assert "airportsdata" in source and "MIT" in source and "hand" in source


def test_codes_are_unique_and_points_in_china():
    for hubs, key in ((rows("airports.csv"), "iata"), (rows("hsr_stations.csv"), "station")):
        codes = [r[key] for r in hubs]
        assert len(codes) == len(set(codes))
        for r in hubs:
            assert 73 <= float(r["lon"]) <= 135.1 and 18 <= float(r["lat"]) <= 53.6, r


def test_every_station_is_near_the_division_it_serves():
    gazetteer = Gazetteer.default()
    for r in rows("hsr_stations.csv"):
        division = gazetteer.by_code(r["division_code"])
        assert division is not None, r
        assert great_circle_km(float(r["lon"]), float(r["lat"]), division.lon, division.lat) < 60, r
        assert int(r["speed"]) in (160, 200, 250, 300, 350)


def test_the_airports_and_stations_of_the_model_routes_are_there():
    codes = {r["iata"] for r in rows("airports.csv")}
    assert {"HGH", "NKG", "SHA", "PVG", "NGB", "YIW", "WUX", "CZX", "NTG", "YTY", "ENY", "CTU", "TFU"} <= codes
    assert not {"NAY", "WHU", "RUG"} & codes  # closed or military: no scheduled flights
    names = {r["station"] for r in rows("hsr_stations.csv")}
    assert {"杭州东", "义乌", "上海虹桥", "南京南", "苏州", "昆山南", "无锡", "嘉兴南", "宁波", "余姚北"} <= names


@pytest.mark.parametrize("name, count", [("airport", 200), ("station", 250)])
def test_readme_says_how_complete_it_is_and_matches_the_files(name, count):
    readme = resource_path("transport", "README.md").read_text(encoding="utf-8")
    found = re.search(rf"With an? (?:high-speed )?{name}.*?\*\*(\d+)\*\* of (\d+)", readme)
    assert found, readme
    covered, total = map(int, found.groups())
    assert covered >= count and total >= 337
    hubs = airports() if name == "airport" else stations()
    prefectures = {h.division_code[:4] for h in hubs.hubs}
    assert len(prefectures) >= count * 0.95


def test_nearest_hubs_are_found():
    near = stations().near(118.797, 32.060, 40)
    assert {h.code for h, _ in near} >= {"南京", "南京南"}
    assert all(a[1] <= b[1] for a, b in zip(near, near[1:]))
    assert airports().near(80.0, 30.0, 20) == []  # nothing in the middle of nowhere
