"""Door-to-door tours (issue #14): home and the journey out and back, a bed every night,
plenaries on the route, events that are no visits, per-group themes and origins, early
departures, late lunches marked on paper, and roles beyond the three of old."""

from __future__ import annotations

import json
import subprocess

import pytest
from icalendar import Calendar

from conftest import run_main
from planner.checks import ERROR, check
from planner.documents import Documents
from planner.documents.calendar import ics_bytes
from planner.jsonio import PlanImportError, plan_from_json
from planner.model import parse_clock
from planner.schedule import schedule
from planner.travel import great_circle_km
from plans import T, changed, with_programme

GANZHOU = {
    "title": "赣州市县域经济考察学习班",
    "start_date": "2025-04-07",
    "days": 4,
    "origin": "赣州市",
    "groups": [{"name": "第一组", "places": ["昆山市", "太仓市", "张家港市"]}],
}


def imported(**changes) -> "Plan":  # noqa: F821
    return plan_from_json({**json.loads(json.dumps(GANZHOU)), **changes})


def journeys(plan, group_id: int):
    timetable = schedule(plan)
    legs = [s for d in timetable.of_group(group_id) for s in d.of_kind("travel")]
    return [s for s in legs if s.journey == "out"], [s for s in legs if s.journey == "back"]


def codes(plan) -> list[str]:
    return sorted(f.code for f in check(plan))


# --- a minimal plan with a home --------------------------------------------------------


def test_a_minimal_plan_with_an_origin_travels_from_home_and_back():
    """赣州 → 昆山, 太仓, 张家港 over 4 days: the journey out on day 1 and back on day 4
    are legs of their own, by rail or air (the trip is over 800 km), the group sleeps
    somewhere each of the 3 nights, and the plan checks without an error."""
    plan = imported()
    ganzhou = next(p for p in plan.places if p.name == "赣州市")
    kunshan = next(p for p in plan.places if p.name == "昆山市")
    assert great_circle_km(ganzhou.lon, ganzhou.lat, kunshan.lon, kunshan.lat) > 700  # over 800 km by road
    out, back = journeys(plan, 1)
    assert [s.day for s in out] == [1] and [s.day for s in back] == [4]
    for leg in out + back:
        assert leg.mode in ("high_speed_rail", "flight"), leg
    home = plan.site(out[0].from_site_id)
    assert home.kind == "gathering" and plan.place_of(home).name == "赣州市"
    assert back[0].site_id == home.id  # back where they left from
    # the legs are stored, estimated, like any leg
    leg = plan.leg_between(1, out[0].from_site_id, out[0].site_id)
    assert leg is not None and leg.minutes == out[0].minutes and leg.distance_km > 500
    assert sorted(l.night for l in plan.lodgings) == [1, 2, 3]
    assert all(plan.site(l.site_id).kind == "hotel" for l in plan.lodgings)
    assert "住宿为占位" in plan.programme.notes  # the plan says which beds are placeholders and why
    assert not [f for f in check(plan) if f.severity == ERROR]


def test_the_journey_is_in_the_booklet_and_the_calendar(tmp_path, qapp):
    plan_path = tmp_path / "gz.stplan"
    source = tmp_path / "gz.json"
    source.write_text(json.dumps(GANZHOU, ensure_ascii=False), encoding="utf-8")
    assert run_main("import", source, plan_path).returncode == 0
    assert run_main("check", plan_path).returncode == 0
    pdf = tmp_path / "booklet.pdf"
    result = run_main("export", plan_path, "--format", "pdf", "--out", pdf, timeout=180)
    assert result.returncode == 0, result.stderr
    text = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "出发：乘" in text and "前往昆山市" in text
    assert "返程：乘" in text and "返回赣州市" in text
    assert "赣州市集合地点" in text
    calendar = Calendar.from_ical(ics_bytes(Documents(plan_from_json(GANZHOU))))
    summaries = [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")]
    assert any(s.startswith("出发：") and "赣州市" in s for s in summaries)
    assert any(s.startswith("返程：") and "赣州市" in s for s in summaries)


def test_an_opening_in_the_home_city_is_on_the_way_out():
    """The opening is in 赣州 before the group leaves: it goes from the gathering point
    to the venue, and the journey out leaves from the venue."""
    plan = imported(opening={"title": "开班式", "place": "赣州市", "day": 1, "start": "09:00", "end": "10:00"})
    day = schedule(plan).day(1, 1)
    kinds = [(s.kind, s.journey) for s in day.slots if s.kind in ("travel", "plenary")]
    assert kinds[:3] == [("travel", ""), ("plenary", ""), ("travel", "out")]
    venue = day.of_kind("plenary")[0].site_id
    out = [s for s in day.of_kind("travel") if s.journey == "out"][0]
    assert out.from_site_id == venue and out.mode in ("high_speed_rail", "flight")
    assert {(l.from_site_id, l.to_site_id) for l in plan.legs} >= {(out.from_site_id, out.site_id)}
    assert not [f for f in check(plan) if f.severity == ERROR]


def test_a_group_with_its_own_origin_leaves_from_there():
    document = {**GANZHOU, "groups": [
        {"name": "第一组", "places": ["昆山市", "太仓市"]},
        {"name": "第二组", "origin": "南昌市", "places": ["张家港市", "常熟市"]},
    ]}
    plan = plan_from_json(document)
    first_out, first_back = journeys(plan, 1)
    second_out, second_back = journeys(plan, 2)
    assert plan.place_of(plan.site(first_out[0].from_site_id)).name == "赣州市"
    assert plan.place_of(plan.site(second_out[0].from_site_id)).name == "南昌市"
    assert second_back[0].site_id == second_out[0].from_site_id  # and comes back there


def test_a_place_with_two_nights_keeps_the_group_there():
    document = {**GANZHOU, "days": 5, "groups": [
        {"name": "第一组", "places": [{"name": "昆山市", "nights": 2}, "太仓市", "张家港市"]}]}
    plan = plan_from_json(document)
    kunshan = next(p for p in plan.places if p.name == "昆山市")
    nights_there = [l.night for l in plan.lodgings if plan.site(l.site_id).place_id == kunshan.id]
    assert nights_there[:2] == [1, 2]  # arrives day 1, stays two nights
    days = {plan.place_of(plan.site(s.site_id)).name: s.day for s in plan.sessions}
    assert days["太仓市"] >= days["昆山市"] + 2


def test_an_event_that_is_no_visit_reaches_every_group():
    document = {**GANZHOU, "groups": [
        {"name": "第一组", "places": ["昆山市", "太仓市"]}, {"name": "第二组", "places": ["张家港市", "常熟市"]}],
        "events": [{"title": "招商推介会", "place": "苏州市", "day": 2, "start": "15:00", "end": "16:30"}]}
    plan = plan_from_json(document)
    event = next(p for p in plan.plenaries if p.title == "招商推介会")
    assert (event.day, event.start, event.end) == (2, T("15:00"), T("16:30"))
    timetable = schedule(plan)
    for group in plan.ordered_groups():
        assert [s.item_id for s in timetable.day(group.id, 2).of_kind("plenary")] == [event.id]
    # for some groups only: a fixed session of each named group
    document["events"][0]["groups"] = ["第二组"]
    plan = plan_from_json(document)
    events = [s for s in plan.sessions if s.kind == "event"]
    assert [(s.group_id, s.title, s.pinned, s.start) for s in events] == [(2, "招商推介会", True, T("15:00"))]
    document["events"][0]["groups"] = ["第九组"]
    with pytest.raises(PlanImportError) as raised:
        plan_from_json(document)
    assert "第九组" in str(raised.value)


def test_themes_are_checked_against_each_groups_own():
    """Four teams that each study one field: only a team whose route misses its own
    theme is noted (the programme's themes do not apply to a group with its own)."""
    plan = imported(themes=["乡村振兴", "招商引资", "数字经济", "园区建设"],
                    groups=[{"name": "第一组", "themes": ["乡村振兴"], "places": ["昆山市", "太仓市"]}])
    notes = [f for f in check(plan) if f.code == "theme-not-covered"]
    assert [f.message_zh for f in notes] == ["第一组的线路没有涉及教学主题「乡村振兴」"]
    site = plan.sessions[0].site_id
    covered = changed(plan, "sites", site, themes=("乡村振兴",))
    assert not [f for f in check(covered) if f.code == "theme-not-covered"]
    # a theme covered at a plenary counts for every group
    plan = imported(themes=["乡村振兴"], opening={"place": "昆山市"})
    plenary = plan.plenaries[0]
    assert [f.code for f in check(plan) if f.code == "theme-not-covered"]
    with_theme = changed(plan, "plenaries", plenary.id, theme="乡村振兴")
    assert not [f for f in check(with_theme) if f.code == "theme-not-covered"]


def test_a_departure_at_seven_is_no_lateness():
    """The organiser sets the group to leave home at 07:00 on day 1: the day starts
    before day_start for travel, and nothing is late or early."""
    plan = imported(departure_time="07:00")
    out, _ = journeys(plan, 1)
    assert out[0].start == T("07:00")
    found = codes(plan)
    assert "late-arrival" not in found and "before-day-window" not in found
    assert not [f for f in check(plan) if f.severity == ERROR]


def test_a_late_lunch_is_flagged_and_marked_in_print():
    """A train at 09:40 that takes over four hours: the group lunches at 14:55 on
    arrival. ``check`` says so, and the printed schedule marks the time with ※ and a
    footnote."""
    plan = imported(departure_time="09:40")
    day = schedule(plan).day(1, 1)
    lunch = day.of_kind("lunch")
    assert lunch and lunch[0].start >= plan.programme.lunch_end
    finding = next(f for f in check(plan) if f.code == "late-lunch")
    assert finding.day == 1 and finding.slot == ("lunch", lunch[0].start)
    itinerary = Documents(plan).group_itinerary(1)
    row = next(r for _, r in itinerary.rows if r.kind == "lunch" and r.day == 1)
    assert row.mark and (row.mark, finding.message_zh) in itinerary.footnotes
    # a time no finding marks is printed plain
    assert not [r for _, r in itinerary.rows if r.kind == "session" and r.mark]


def test_an_early_day_start_for_a_fixed_first_item_is_no_lateness(sample):
    """Day 3 of 第一组 opens with a visit pinned at 08:30 across town: the group leaves the
    hotel before 08:30 and is in time (lateness is measured against the visit's own time)."""
    first = schedule(sample).day(1, 3).items()[0]
    plan = changed(sample, "sessions", first.item_id, pinned=True, start=T("08:30"), end=T("10:00"))
    day = schedule(plan).day(1, 3)
    leg = day.slots[0]
    assert leg.kind == "travel" and leg.start < T("08:30") and day.items()[0].late_by == 0
    assert not [f for f in check(plan) if f.code in ("late-arrival", "before-day-window") and f.day == 3]


def test_the_way_home_after_the_latest_return_is_a_warning():
    plan = imported(latest_return="12:00")
    finding = next(f for f in check(plan) if f.code == "late-return")
    assert finding.day == 4 and "12:00" in finding.message_zh
    assert "late-return" not in codes(with_programme(plan, latest_return=parse_clock("23:30")))


def test_a_night_without_a_bed_is_an_error_between_departure_and_return_only():
    plan = imported()
    without = plan.with_items("lodgings", [l for l in plan.lodgings if l.night != 2])
    assert [(f.code, f.day) for f in check(without) if f.code == "no-lodging"] == [("no-lodging", 2)]


# --- roles -------------------------------------------------------------------------------


def test_an_observer_is_imported_from_a_roster_and_printed_as_such(tmp_path, sample_path):
    roster = tmp_path / "observers.csv"
    roster.write_text("姓名,单位,角色,性别\n王观察,县人大,观察员,男\n李记者,县融媒体中心,随行记者,女\n",
                      encoding="utf-8")
    result = run_main("roster", "import", sample_path, roster)
    assert result.returncode == 0, result.stderr
    from planner.store import PlanFile

    with PlanFile.open(sample_path, readonly=True) as plan_file:
        plan = plan_file.load()
    observer = next(p for p in plan.participants if p.name == "王观察")
    assert observer.role == "observer"
    journalist = next(p for p in plan.participants if p.name == "李记者")
    assert journalist.role == "journalist"
    # an unknown role is refused with the known ones named
    bad = tmp_path / "bad.csv"
    bad.write_text("姓名,单位,角色\n张三,县委,宇航员\n", encoding="utf-8")
    result = run_main("roster", "import", sample_path, bad)
    assert result.returncode == 1 and "宇航员" in result.stdout + result.stderr
    assert "观察员" in result.stdout + result.stderr


def test_roles_decide_trainees_seats_and_beds(sample):
    from planner.budget import is_trainee
    from planner.model import Role
    from planner.roster.lists import rooming_lists, seat_order

    person = sample.participants[-1]
    observer = changed(sample, "participants", person.id, role="observer")
    assert not is_trainee(observer, observer.get("participants", person.id))
    assert person.id in [p.id for p in seat_order(observer, person.group_id)]  # an observer rides along
    # the organiser's own role: a local guide who neither counts, rides nor sleeps with the group
    guide = observer.with_items("roles", [Role(1, "guide", "地方陪同", "Local guide", False, False, False)])
    guide = changed(guide, "participants", person.id, role="guide")
    assert person.id not in [p.id for p in seat_order(guide, person.group_id)]
    roomed = {o.participant_id for r in rooming_lists(guide) for room in r.rooms for o in room.occupants}
    assert person.id not in roomed
    names = [row.role for row in Documents(guide).roster(person.group_id).rows if row.participant_id == person.id]
    assert names == ["地方陪同"]


# --- the sample ---------------------------------------------------------------------------


def test_the_sample_is_door_to_door_and_clean(sample):
    assert [len(sample.route_places(g.id)) for g in sample.ordered_groups()] == [7, 5, 6]
    assert len(sample.sessions) == 49
    assert check(sample) == []
    for group in sample.ordered_groups():
        out, back = journeys(sample, group.id)
        assert [s.day for s in out] == [1] and [s.day for s in back] == [6]
        assert sorted(l.night for l in sample.lodgings if l.group_id == group.id) == [1, 2, 3, 4, 5]
