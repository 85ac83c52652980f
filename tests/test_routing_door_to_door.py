"""Planning organisers can trust (issue #18, items 1 and 2): plan-groups and optimise on
door-to-door tours — home, the journey out and back, a bed every night."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import replace

import pytest

from conftest import ROOT, run_main
from planner.checks import ERROR, WARNING, check
from planner.jsonio import load_json_file
from planner.lodging import is_placeholder, placeholder_nights, stop_places
from planner.minimal import expand_minimal_plan
from planner.routing.plan_routes import propose_optimisation
from planner.routing.split import DEFAULT_MAX_TRAVEL, explain, idle_days, plan_groups, total_travel
from planner.schedule import schedule
from planner.store import PlanFile
from planner.summary import summarise
from planner.travel import great_circle_km

ZHEJIANG = ["杭州市余杭区", "嘉兴市海宁市", "嘉兴市桐乡市", "宁波市余姚市", "宁波市慈溪市", "绍兴市柯桥区",
            "金华市义乌市", "湖州市安吉县"]
JIANGSU = ["苏州市昆山市", "苏州市常熟市", "无锡市江阴市", "无锡市滨湖区", "常州市武进区", "南通市如皋市",
           "泰州市泰兴市", "苏州市张家港市"]
PLACES = ZHEJIANG + JIANGSU  # as an organiser lists them: by province


def problems(plan) -> list:
    """Errors and warnings, but for groups that have no leader yet (a minimal plan names none)."""
    return [f for f in check(plan) if f.severity in (ERROR, WARNING) and f.code != "group-without-leader"]


def minimal(days: int, groups: list[list[str]], origin: str = "辽宁省沈阳市", **more) -> dict:
    return {"title": "县域经济考察班", "start_date": "2025-05-12", "days": days, "origin": origin,
            "groups": [{"places": places} for places in groups], **more}


@pytest.fixture(scope="module")
def far_tour():
    """16 places in their given order, cut into three groups (6, 5, 5), from 沈阳, about
    1,200 km away, over 5 days: as a minimal import lays them out."""
    return expand_minimal_plan(minimal(5, [PLACES[:6], PLACES[6:11], PLACES[11:]]))


@pytest.fixture(scope="module")
def far_planned(far_tour):
    return plan_groups(far_tour, 3, 5, time_limit=3)


def test_the_tour_starts_about_1200_km_from_its_places(far_tour):
    home = far_tour.place(far_tour.site(far_tour.programme.origin_site_id).place_id)
    distances = [great_circle_km(home.lon, home.lat, p.lon, p.lat) for p in far_tour.places if p.id != home.id]
    assert len(distances) == 16 and 1100 < sum(distances) / len(distances) < 1300


def test_plan_groups_uses_every_day_from_the_journey_out_to_the_journey_home(far_planned):
    timetable = schedule(far_planned)
    assert len(far_planned.groups) == 3 and len(far_planned.sessions) == 16
    for group in far_planned.ordered_groups():
        assert idle_days(far_planned, group.id) == []
        days = {day: timetable.day(group.id, day) for day in range(1, 6)}
        assert [s.journey for s in days[1].of_kind("travel")][0] == "out"
        assert [s.journey for s in days[5].of_kind("travel")][-1] == "back"
        for day in (2, 3, 4):  # the days between the journeys all have visits
            assert far_planned.sessions_of(group.id, day), f"{group.name} idle on day {day}"
        nights = sorted(l.night for l in far_planned.lodgings if l.group_id == group.id)
        assert nights == [1, 2, 3, 4]


def test_plan_groups_checks_clean_and_travels_less_than_the_given_order(far_tour, far_planned):
    assert problems(far_planned) == []
    assert explain(far_planned) == []
    assert total_travel(far_planned) < total_travel(far_tour)


def test_plan_groups_balances_the_groups(far_planned):
    sizes = [len(far_planned.sessions_of(g.id)) for g in far_planned.ordered_groups()]
    assert max(sizes) - min(sizes) <= 1
    timetable = schedule(far_planned)
    travel = [sum(s.minutes for d in timetable.of_group(g.id) for s in d.of_kind("travel") if not s.journey)
              for g in far_planned.ordered_groups()]
    assert max(travel) <= 2 * min(travel)
    for day in timetable.days.values():  # the most travel a day, the journey out and home not counted
        assert sum(s.minutes for s in day.of_kind("travel") if not s.journey) <= DEFAULT_MAX_TRAVEL


def test_a_session_pinned_to_a_group_day_and_time_stays_there(far_tour):
    """桐乡 pinned to 第二组, day 3 at 14:00: it is held there, the place is not visited
    again, and the plan still checks clean."""
    pinned = far_tour.sessions_of(1)[2]
    plan = far_tour.with_items("sessions", [
        replace(s, pinned=True, group_id=2, day=3, start=14 * 60, end=15 * 60) if s.id == pinned.id else s
        for s in far_tour.sessions])
    planned = plan_groups(plan, 3, 5, time_limit=3)
    kept = planned.get("sessions", pinned.id)
    assert (kept.group_id, kept.day, kept.start, kept.end) == (2, 3, 14 * 60, 15 * 60)
    assert [s.site_id for s in planned.sessions].count(pinned.site_id) == 1
    assert len(planned.sessions) == 16
    assert problems(planned) == []
    assert all(idle_days(planned, g.id) == [] for g in planned.ordered_groups())


def test_a_30_day_posting_spreads_its_6_places():
    plan = expand_minimal_plan(minimal(30, [JIANGSU[:6]], origin="湖南省长沙市"))
    planned = plan_groups(plan, 1, 30, time_limit=2)
    days = sorted(s.day for s in planned.sessions)
    assert len(days) == 6 and len(set(days)) == 6  # one a day
    gaps = [b - a for a, b in zip(days, days[1:])]
    assert min(gaps) >= 4 and days[0] <= 2 and days[-1] >= 25  # from the first day after arrival, over the month
    assert problems(planned) == []
    assert sorted(l.night for l in planned.lodgings) == list(range(1, 30))
    notes = explain(planned)  # the free days are said to be many, not too few
    assert len(notes) == 1 and "more days than the places need" in notes[0][1] and "too few" not in notes[0][1]


def test_four_teams_to_four_far_cities_start_on_arrival():
    """One city each, a long journey out: each team visits on the day it arrives or the
    next (no day idle before its visit), and the long journey is no "too far" place."""
    cities = ["广东省深圳市南山区", "四川省成都市武侯区", "浙江省杭州市余杭区", "北京市海淀区"]
    planned = plan_groups(expand_minimal_plan(minimal(4, [cities], origin="湖南省长沙市")), 4, 4, time_limit=2)
    assert problems(planned) == []
    for group in planned.ordered_groups():
        days = [s.day for s in planned.sessions_of(group.id)]
        assert len(days) == 1 and days[0] <= 2, (group.name, days)
        assert all(day > days[0] for day in idle_days(planned, group.id))
    notes = [en for _, en in explain(planned)]
    assert not any("too far" in en or "too few" in en for en in notes), notes


def test_spread_front_fills_the_first_days():
    plan = expand_minimal_plan(minimal(30, [JIANGSU[:6]], origin="湖南省长沙市"))
    planned = plan_groups(plan, 1, 30, spread="front", time_limit=2)
    assert max(s.day for s in planned.sessions) <= 5
    assert problems(planned) == []
    assert idle_days(planned, 1)[-1] == 29


def test_too_few_days_are_said_to_be_too_few():
    planned = plan_groups(expand_minimal_plan(minimal(2, [PLACES])), 1, 2, time_limit=2)
    notes = explain(planned)
    assert notes and "too few days" in notes[0][1] and "天数不够" in notes[0][0]
    assert not any("more days" in en for _, en in notes)


def test_a_place_too_far_for_a_day_is_named():
    planned = plan_groups(expand_minimal_plan(minimal(6, [JIANGSU[:4] + ["新疆维吾尔自治区喀什市"]])), 1, 6,
                          time_limit=2)
    far = [en for _, en in explain(planned) if "too far" in en]
    assert len(far) == 1 and "喀什市" in far[0]


def test_plan_groups_command_options_and_notes(tmp_path):
    source = tmp_path / "posting.json"
    document = minimal(30, [], origin="湖南省长沙市")
    del document["groups"]
    source.write_text(json.dumps({**document, "places": JIANGSU[:6]}, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "posting.stplan"
    result = run_main("plan-groups", source, "--groups", "1", "--days", "30", "--spread", "even",
                      "--max-travel", "3", "--time-limit", "2", "--out", out)
    assert result.returncode == 0, result.stderr
    assert "more days than the places need" in result.stderr and "天数或组数是否太少" not in result.stderr
    bad = run_main("plan-groups", source, "--groups", "1", "--days", "30", "--spread", "back", "--out", out)
    assert bad.returncode == 2 and "invalid choice" in bad.stderr
    bad = run_main("plan-groups", source, "--groups", "1", "--days", "30", "--max-travel", "0", "--out", out,
                   "--force")
    assert bad.returncode == 2 and "0.5" in bad.stderr and "Traceback" not in bad.stderr


# ---------------------------------------------------------------------------- optimise


@pytest.fixture(scope="module")
def imported():
    """The sample's minimal plan (home in 长沙, placeholder hotels), imported."""
    return expand_minimal_plan(load_json_file(ROOT / "resources" / "samples" / "hunan-2025-minimal.json"))


@pytest.fixture(scope="module")
def optimised(imported):
    return propose_optimisation(imported, time_limit=30)


def outside_window(timetable) -> dict:
    return {key: max(0, d.rules.day_start - d.first) + max(0, d.last - d.rules.day_end)
            for key, d in timetable.days.items() if d.last is not None}


def kinds(plan) -> Counter:
    return Counter((f.severity, f.code, f.group_id, f.day) for f in check(plan) if f.severity in (ERROR, WARNING))


def test_optimise_an_imported_minimal_plan(imported, optimised):
    """Travel as summary counts it goes down; no day runs further outside its window; no
    new finding; no day left idle; and the figures are summary's."""
    assert optimised.changed and optimised.saved > 0
    before = sum(g.travel_minutes for g in summarise(imported).groups)
    after = sum(g.travel_minutes for g in summarise(optimised.after).groups)
    assert (optimised.travel_before, optimised.travel_after) == (before, after) and after < before
    old, new = outside_window(schedule(imported)), outside_window(schedule(optimised.after))
    assert all(minutes <= old.get(key, 0) for key, minutes in new.items())
    assert not kinds(optimised.after) - kinds(imported)
    for group in imported.ordered_groups():
        assert len(idle_days(optimised.after, group.id)) <= len(idle_days(imported, group.id))


def test_optimise_moves_visits_between_days_and_the_lodgings_follow(imported, optimised):
    moved = [u for u in optimised.edit.edits if u.kind == "sessions" and "day" in u.changes
             and u.changes["day"] != imported.get("sessions", u.id).day]
    assert moved, "no visit changed day"
    after = optimised.after
    timetable = schedule(after)
    for group in after.ordered_groups():
        placeholders = {l.night: after.site(l.site_id).place_id for l in after.lodgings
                        if l.group_id == group.id and is_placeholder(l)}
        assert placeholders, "the minimal plan's lodgings are placeholders"
        stops = stop_places(after, timetable.of_group(group.id), group.id)
        rule = {night: place for night, place, _ in placeholder_nights(after, group.id, stops, {})}
        assert placeholders == rule  # every placeholder where the lodging rule puts it today


def test_optimising_twice_changes_nothing_the_second_time(optimised):
    again = propose_optimisation(optimised.after, time_limit=30)
    assert not again.changed and again.saved == 0


def test_the_organisers_lodgings_never_move(sample):
    proposal = propose_optimisation(sample, 2, time_limit=5)
    assert proposal.after.lodgings == sample.lodgings
    assert all(u.kind == "sessions" for u in (proposal.edit.edits if proposal.edit else ()))


def test_allowing_longer_days_lifts_the_rule(tmp_path, imported):
    path = tmp_path / "imported.stplan"
    PlanFile.create(path, imported).close()
    result = run_main("optimise", path, "--group", "1", "--allow-longer-days", "--time-limit", "10", "--out",
                      tmp_path / "longer.stplan")
    assert result.returncode == 0, result.stderr
    with PlanFile.open(tmp_path / "longer.stplan", readonly=True) as plan_file:
        longer = plan_file.load()
    strict = propose_optimisation(imported, 1, time_limit=10)
    assert total_travel(longer) <= total_travel(strict.after) < total_travel(imported)
    assert not [f for f in check(longer) if f.severity == ERROR]


def test_optimise_gives_the_search_time_to_settle_by_default(qapp):
    """The whole sample settles in 14-17 s: the command's and the dialog's default limit
    leave room for it (5 s stopped it short, and a second run still found minutes)."""
    from main import extra_commands
    from planner.cli import build_parser
    from planner.routing.commands import DEFAULT_OPTIMISE_TIME_LIMIT
    from planner.sample import sample_plan
    from ui.routing.actions import OptimiseDialog

    args = build_parser(extra_commands()).parse_args(["optimise", "plan.stplan"])
    assert args.time_limit == DEFAULT_OPTIMISE_TIME_LIMIT >= 20
    assert OptimiseDialog(sample_plan()).values()["time_limit"] == DEFAULT_OPTIMISE_TIME_LIMIT
