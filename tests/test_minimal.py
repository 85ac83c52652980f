"""A minimal plan — the groups' place lists as a report gives them — becomes a full plan."""

from __future__ import annotations

import json

import pytest

from conftest import run_main
from planner.checks import check
from planner.jsonio import PlanImportError, plan_from_json
from planner.schedule import schedule
from planner.resources import resource_path

MINIMAL = resource_path("samples", "hunan-2025-minimal.json")


def minimal() -> dict:
    return json.loads(MINIMAL.read_text(encoding="utf-8"))


def test_the_published_routes_import_into_a_full_plan():
    plan = plan_from_json(minimal())
    assert [g.name for g in plan.ordered_groups()] == ["第一组", "第二组", "第三组"]
    routes = [[p.name for p in plan.route_places(g.id)] for g in plan.ordered_groups()]
    assert routes[0] == ["余杭区", "义乌市", "柯桥区", "新吴区", "滨湖区", "梁溪区", "江阴市"]
    assert routes[1] == ["海宁市", "桐乡市", "嘉善县", "昆山市", "常熟市"]
    assert routes[2][1] == "宁波市前湾新区" and len(routes[2]) == 6
    assert sum(len(r) for r in routes) == 18
    # every place has coordinates, every leg the groups travel (from home, hotel to
    # hotel, back home) a travel estimate
    assert all(p.has_coordinates for p in plan.places)
    timetable = schedule(plan)
    assert {(l.group_id, l.from_site_id, l.to_site_id) for l in plan.legs} == set(timetable.moves())
    assert all(leg.minutes is not None and leg.distance_km is not None for leg in plan.legs)
    # door to door: each group leaves Changsha on day 1 and comes back on day 6, by
    # rail or air (about 800 km), and sleeps somewhere every night in between
    for group in plan.ordered_groups():
        out = [s for d in timetable.of_group(group.id) for s in d.of_kind("travel") if s.journey == "out"]
        back = [s for d in timetable.of_group(group.id) for s in d.of_kind("travel") if s.journey == "back"]
        assert [s.day for s in out] == [1] and [s.day for s in back] == [6]
        assert out[0].mode in ("high_speed_rail", "flight") and back[0].mode in ("high_speed_rail", "flight")
        assert plan.place_of(plan.site(out[0].from_site_id)).name == "长沙市"
        assert sorted(l.night for l in plan.lodgings if l.group_id == group.id) == [1, 2, 3, 4, 5]
    assert not [f for f in check(plan) if f.code in ("no-lodging", "late-arrival")]
    # the joint opening comes first; the routes fill the days after it
    opening = plan.plenaries[0]
    assert opening.kind == "opening" and opening.day == 1
    assert plan.place_of(plan.site(opening.site_id)).name == "杭州市"
    assert {s.day for s in plan.sessions} == {2, 3, 4, 5, 6}
    # and the scheduler has laid the sessions out: a full timetable
    for group in plan.ordered_groups():
        for day in range(2, 7):
            day_sessions = plan.sessions_of(group.id, day)
            assert all(s.start is not None and s.end > s.start for s in day_sessions)
            assert all(a.end <= b.start for a, b in zip(day_sessions, day_sessions[1:]))


def test_the_zone_is_placed_by_hand_and_says_so():
    plan = plan_from_json(minimal())
    zone = next(p for p in plan.places if p.kind == "zone")
    assert zone.division_code is None
    assert 121.0 < zone.lon < 121.4 and 30.1 < zone.lat < 30.45
    assert "非行政区划" in zone.note


def test_unknown_and_ambiguous_places_are_listed_with_their_paths(tmp_path):
    document = minimal()
    document["groups"][0]["places"][2] = "不存在的县"
    document["groups"][1]["places"][0] = "鼓楼区"
    document["groups"][2]["places"][3] = "某某高新区"
    with pytest.raises(PlanImportError) as raised:
        plan_from_json(document)
    problems = {p.path: p for p in raised.value.problems}
    assert set(problems) == {"$.groups[0].places[2]", "$.groups[1].places[0]", "$.groups[2].places[3]"}
    assert "南京市鼓楼区" in problems["$.groups[1].places[0]"].message_zh
    assert "lon" in problems["$.groups[2].places[3]"].message_en
    source = tmp_path / "bad.json"
    source.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    result = run_main("import", source, tmp_path / "out.stplan")
    assert result.returncode == 1 and "$.groups[0].places[2]" in result.stderr
    assert not (tmp_path / "out.stplan").exists()


def test_a_place_with_typed_coordinates_is_accepted():
    document = minimal()
    document["groups"][2]["places"][3] = {"name": "某某高新区", "lon": 121.0, "lat": 30.7}
    plan = plan_from_json(document)
    place = next(p for p in plan.places if p.name == "某某高新区")
    assert (place.kind, place.lon, place.lat) == ("zone", 121.0, 30.7)


def test_schema_errors_in_a_minimal_plan_have_paths():
    document = minimal()
    document["days"] = "six"
    del document["groups"][1]["places"]
    with pytest.raises(PlanImportError) as raised:
        plan_from_json(document)
    paths = {p.path for p in raised.value.problems}
    assert paths == {"$.days", "$.groups[1]"}


def test_minimal_import_from_the_command_line(tmp_path):
    out = tmp_path / "m.stplan"
    result = run_main("import", MINIMAL, out)
    assert result.returncode == 0, result.stderr
    summary = json.loads(run_main("summary", out, "--json").stdout)
    assert [len(g["places"]) for g in summary["groups"]] == [7, 5, 6]
