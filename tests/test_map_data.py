"""The map's data (planner/map_data.py): pure Python, no Qt."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from planner.map_data import map_payload, safe_colour, selection

XSS = "<img src=x onerror=alert(1)>"


@pytest.fixture(scope="module")
def payload(sample):
    return map_payload(sample)


def test_every_site_with_a_position_is_there_once(sample, payload):
    assert sorted(s["id"] for s in payload["sites"]) == sorted(s.id for s in sample.sites)
    assert payload["unplaced"] == []
    json.dumps(payload)  # plain JSON all the way down


def test_stops_are_numbered_in_visiting_order_per_group(sample, payload):
    for group in sample.groups:
        numbers = sorted(
            (st["n"], s["id"]) for s in payload["sites"] for st in s["stops"] if st["group"] == group.id
        )
        assert [n for n, _ in numbers] == list(range(1, len(sample.sessions_of(group.id)) + 1))
        expected = [session.site_id for session in sample.sessions_of(group.id)]
        assert [site for _, site in numbers] == expected


def test_places_are_numbered_in_route_order(sample, payload):
    places = {p["id"]: p for p in payload["places"]}
    for group in sample.groups:
        route = sample.route_places(group.id)
        numbers = [next(st["n"] for st in places[p.id]["stops"] if st["group"] == group.id) for p in route]
        assert numbers == list(range(1, len(route) + 1))
    assert sum(len(sample.route_places(g.id)) for g in sample.groups) == 18


def test_routes_are_split_by_day_and_join_up(sample, payload):
    for group in sample.groups:
        for day in range(1, sample.programme.days + 1):
            segs = [s for s in payload["segments"] if s["group"] == group.id and s["day"] == day]
            for a, b in zip(segs, segs[1:]):
                assert a["to"] == b["from"]
                assert a["coords"][1] == b["coords"][0]
    groups_days = {(s["group"], s["day"]) for s in payload["segments"]}
    assert {g for g, _ in groups_days} == {g.id for g in sample.groups}
    assert len({d for _, d in groups_days}) > 1


def test_plenary_venue_and_lodgings_are_marked(sample, payload):
    sites = {s["id"]: s for s in payload["sites"]}
    for plenary in sample.plenaries:
        assert sites[plenary.site_id]["plenary"]
    for lodging in sample.lodgings:
        assert {"group": lodging.group_id, "night": lodging.night} in sites[lodging.site_id]["lodging"]


def test_popups_list_sessions_with_times(sample, payload):
    site = next(s for s in payload["sites"] if s["name"].startswith("阿里巴巴"))
    assert site["popup"]["title"] == site["name"]
    assert any("第一组 第1站" in line and "–" in line for line in site["popup"]["lines"])


def test_english_payload_speaks_english_and_keeps_the_plan_s_names(sample, payload):
    english = map_payload(sample, language="en")
    site = next(s for s in english["sites"] if s["name"].startswith("阿里巴巴"))
    assert any(line.startswith("第一组 stop 1 · Day ") and "On-site teaching" in line
               for line in site["popup"]["lines"])
    assert english["days"][0]["label"] == f"Day 1 ({sample.programme.date_of(1).day} Feb)"
    assert all("分钟" not in s["tooltip"] and " min" in s["tooltip"] for s in english["segments"])
    texts = json.dumps([english["days"], [s["popup"]["lines"] for s in english["sites"]]], ensure_ascii=False)
    for chinese_word in ("第1天", "站", "现场教学", "住宿", "全体 ·", "分钟"):
        assert chinese_word not in texts
    assert english["language"] == "en" and payload["language"] == "zh"
    assert [s["name"] for s in english["sites"]] == [s["name"] for s in payload["sites"]]
    with pytest.raises(ValueError, match="language"):
        map_payload(sample, language="fr")


def test_plan_text_is_passed_as_data_unchanged(sample):
    site = sample.sites[4]
    plan = sample.with_items("sites", [replace(s, name=XSS) if s.id == site.id else s for s in sample.sites])
    data = map_payload(plan)
    marker = next(s for s in data["sites"] if s["id"] == site.id)
    assert marker["name"] == XSS and marker["popup"]["title"] == XSS
    assert XSS in marker["tooltip"]


def test_unsafe_colours_never_reach_the_page(sample):
    evil = "red;background:url(https://example.com/x)"
    plan = sample.with_items("groups", [replace(g, colour=evil) for g in sample.groups])
    colours = [g["colour"] for g in map_payload(plan)["groups"]]
    assert all(c.startswith("#") and "url" not in c for c in colours)
    assert safe_colour("#ABC", 0) == "#abc"


def test_sites_without_any_position_are_listed_apart(sample):
    site = sample.sites[10]
    plan = sample.with_items(
        "sites", [replace(s, lon=None, lat=None, place_id=None) if s.id == site.id else s for s in sample.sites]
    )
    data = map_payload(plan)
    assert data["unplaced"] == [site.id]
    assert site.id not in {s["id"] for s in data["sites"]}


def test_selection(sample):
    session = sample.sessions[3]
    assert selection(sample, "sessions", [session.id]) == {
        "sites": [session.site_id], "places": [], "segments": [[session.group_id, session.day]],
    }
    group = selection(sample, "groups", [2])
    assert {g for g, _ in group["segments"]} == {2}
    assert set(group["sites"]) >= {s.site_id for s in sample.sessions_of(2)}
    day = selection(sample, "day", [3])
    assert {d for _, d in day["segments"]} == {3}
    assert selection(sample, "places", [2])["places"] == [2]
    assert selection(sample, "sites", [9999])["sites"] == []
    with pytest.raises(ValueError):
        selection(sample, "nonsense", [1])


def test_stops_carry_their_group_s_number(sample, payload):
    """1-3 is the first group's third stop: on the map no two groups' stops read alike."""
    numbers = {g["id"]: g["number"] for g in payload["groups"]}
    assert sorted(numbers.values()) == [1, 2, 3]
    labels = [st["label"] for s in payload["sites"] for st in s["stops"]]
    assert len(labels) == len(set(labels)) == len(sample.sessions)
    for site in payload["sites"]:
        for st in site["stops"]:
            assert st["label"] == f"{numbers[st['group']]}-{st['n']}"
    # a place shows, per group, the label of the group's first stop there
    for place in payload["places"]:
        for st in place["stops"]:
            first = next(s for s in sample.sessions_of(st["group"])
                         if sample.place_of(sample.site(s.site_id)).id == place["id"])
            number = sample.sessions_of(st["group"]).index(first) + 1
            assert st["label"] == f"{numbers[st['group']]}-{number}"
            assert st["days"] == sorted({s.day for s in sample.sessions_of(st["group"])
                                         if sample.place_of(sample.site(s.site_id)).id == place["id"]})
    place_labels = [st["label"] for p in payload["places"] for st in p["stops"]]
    assert len(place_labels) == len(set(place_labels)) == 18


def test_comparison_has_the_old_routes_of_the_changed_days_only(sample):
    from planner.map_data import comparison_payload, route_changes

    # 第一组's second day the other way round
    day = sample.sessions_of(1, 2)
    order = {s.id: s.position for s in day}
    swapped = sample.with_items("sessions", [
        replace(s, position=order[day[-1].id] if s.id == day[0].id else order[day[0].id] if s.id == day[-1].id
                else s.position) for s in sample.sessions])
    assert route_changes(map_payload(sample), map_payload(sample)) == []
    data = comparison_payload(sample, swapped)
    assert data["changes"] == [[1, 2]]
    ghost = data["ghost"]
    assert ghost and {(s["group"], s["day"]) for s in ghost} == {(1, 2)}
    assert all(s["tooltip"].startswith("原路线 · ") for s in ghost)
    old = [(s["from"], s["to"]) for s in map_payload(sample)["segments"] if (s["group"], s["day"]) == (1, 2)]
    assert [(s["from"], s["to"]) for s in ghost] == old
    new = [(s["from"], s["to"]) for s in data["segments"] if (s["group"], s["day"]) == (1, 2)]
    assert new != old
    # the map opens on that day, not the whole trip
    (south, west), (north, east) = data["bounds"]
    (s0, w0), (n0, e0) = map_payload(swapped)["bounds"]
    assert s0 <= south and north <= n0 and (north - south) * (east - west) < (n0 - s0) * (e0 - w0) / 3
    lats = [c[1] for s in ghost for c in s["coords"]]
    assert south == min(lats + [c[1] for s in data["segments"] if (s["group"], s["day"]) == (1, 2)
                                for c in s["coords"]])
    english = comparison_payload(sample, swapped, "en", changes=[(1, 2), (2, 3)])
    assert english["changes"] == [[1, 2], [2, 3]] and english["ghost"][0]["tooltip"].startswith("Before · ")
