"""Optimising a plan's routes and planning groups from scratch, and the three commands."""

from __future__ import annotations

import json
import random
from dataclasses import replace

import pytest

from conftest import run_main
from plans import scrambled as reorder
from planner.checks import ERROR, check
from planner.edits import Update
from planner.editing import edit_plan
from planner.routing.core import RoutingError
from planner.routing.path import brute_force
from planner.routing.plan_routes import propose_optimisation, travel_by_day
from planner.routing.split import idle_days, plan_groups, total_travel
from planner.schedule import TravelTimes, day_ends, schedule
from planner.store import PlanFile


def errors(plan) -> list:
    return [f for f in check(plan) if f.severity == ERROR]


def scrambled(sample, group_id: int = 2, day: int = 3):
    return reorder(sample, group_id, day)


def test_optimising_a_group_saves_travel_and_edits_only_that_group(sample):
    sample = scrambled(sample, 1, 3)
    proposal = propose_optimisation(sample, group_id=1, time_limit=5)
    assert proposal.changed
    assert proposal.travel_after < proposal.travel_before
    assert proposal.saved == sum(d.saved for d in proposal.days)
    assert {d.group_id for d in proposal.days} == {1}
    for edit in proposal.edit.edits:
        assert isinstance(edit, Update) and edit.kind == "sessions"
        assert sample.get("sessions", edit.id).group_id == 1
        assert set(edit.changes) <= {"day", "position"}
    assert len(errors(proposal.after)) <= len(errors(sample))
    # the preview's figures are the scheduler's
    table = travel_by_day(schedule(proposal.after))
    assert [d.travel_after for d in proposal.days] == [table[(1, d.day)] for d in proposal.days]


def test_optimising_twice_changes_nothing(sample):
    first = propose_optimisation(scrambled(sample), group_id=2, day=3, time_limit=30)
    assert first.changed and first.saved > 0
    second = propose_optimisation(first.after, group_id=2, day=3, time_limit=30)
    assert not second.changed and second.edit is None
    assert second.after is first.after


def test_pinned_sessions_and_other_groups_never_move(sample):
    pinned = sample.sessions_of(1, 2)[1]
    plan = sample.with_items("sessions", [replace(s, pinned=True) if s.id == pinned.id else s
                                          for s in sample.sessions])
    proposal = propose_optimisation(plan, time_limit=5, group_id=1)
    kept = proposal.after.get("sessions", pinned.id)
    assert (kept.day, kept.start, kept.end) == (pinned.day, pinned.start, pinned.end)
    for session in plan.sessions:
        if session.group_id != 1:
            assert proposal.after.get("sessions", session.id) == session


def test_a_day_scope_keeps_sessions_on_their_day(sample):
    proposal = propose_optimisation(scrambled(sample, 3, 3), day=3, time_limit=5)
    assert {d.day for d in proposal.days} == {3}
    for edit in proposal.edit.edits if proposal.edit else ():
        assert edit.changes.get("day", 3) == 3


def test_scope_errors_name_the_problem(sample):
    with pytest.raises(RoutingError, match="no group 9"):
        propose_optimisation(sample, group_id=9)
    with pytest.raises(RoutingError, match="day 12"):
        propose_optimisation(sample, day=12)


def test_one_day_matches_brute_force(sample):
    """A group's day between two fixed hotels is a path: the optimiser finds the exact best."""
    from itertools import permutations

    travel = TravelTimes(sample)
    start, end = day_ends(sample, 3, 3)
    sites = [s.site_id for s in sample.sessions_of(3, 3)]

    def path(order) -> int:
        stops = [start, *order, end]
        return sum(travel.between(3, a, b)[0] for a, b in zip(stops, stops[1:]))

    best = min(path(order) for order in permutations(sites))
    proposal = propose_optimisation(sample, 3, 3, time_limit=5)
    assert path([s.site_id for s in proposal.after.sessions_of(3, 3)]) == best
    assert travel_by_day(schedule(proposal.after))[(3, 3)] == best


def test_applying_the_edit_is_one_step_and_undoes_exactly(improvable_path):
    with PlanFile.open(improvable_path) as plan_file:
        plan = plan_file.load()
        proposal = propose_optimisation(plan, group_id=1, time_limit=5)
        assert proposal.changed
        after, change, _ = edit_plan(plan_file, plan, proposal.edit, proposal.label)
        assert plan_file.load() == after
        assert [s.position for s in after.sessions] == [s.position for s in proposal.after.sessions]
        plan_file.apply(change.inverse)
        assert plan_file.load() == plan


# ---------------------------------------------------------------------------- plan groups

@pytest.fixture(scope="module")
def planned(sample):
    return plan_groups(sample, 3, sample.programme.days, time_limit=3)


def test_plan_groups_covers_every_place_once_and_checks_clean(sample, planned):
    assert len(planned.groups) == 3
    visited = {}
    for group in planned.ordered_groups():
        places = planned.route_places(group.id)
        assert places, f"{group.name} has no route"
        for place in places:
            visited.setdefault(place.id, []).append(group.id)
    published = {p.id for g in sample.groups for p in sample.route_places(g.id)}
    assert set(visited) == published and len(published) == 18
    assert all(len(groups) == 1 for groups in visited.values())  # split, not shared
    assert errors(planned) == []
    # every site that had a visit is visited exactly once
    sites = [s.site_id for s in planned.sessions]
    assert len(sites) == len(set(sites)) == len({s.site_id for s in sample.sessions})


def test_plan_groups_days_are_balanced_and_lodged(planned):
    """Every night lodged; no idle day (a day of the journey out and the opening with no
    visit is not idle); the visits end within the day's window, and only the journey home
    or the way to the hotel runs past it."""
    timetable = schedule(planned)
    for group in planned.ordered_groups():
        nights = {l.night for l in planned.lodgings if l.group_id == group.id}
        assert nights == set(range(1, planned.programme.days))
        assert idle_days(planned, group.id) == []
        for day in range(1, planned.programme.days + 1):
            day_plan = timetable.day(group.id, day)
            assert day_plan.items() or any(s.journey for s in day_plan.of_kind("travel")), \
                f"{group.name} idle on day {day}"
            if 1 < day < planned.programme.days:
                assert planned.sessions_of(group.id, day), f"{group.name} has no visit on day {day}"
            assert max(s.end for s in day_plan.items()) <= day_plan.rules.day_end
            if day < planned.programme.days:
                assert day_plan.last <= day_plan.rules.day_end + 30
        loads = [sum(s.minutes for s in timetable.day(group.id, day).of_kind("session"))
                 for day in range(2, planned.programme.days)]
        assert max(loads) - min(loads) <= 4 * 60, loads  # the full days are about as full


def test_plan_groups_travels_less_than_the_published_routes(sample, planned):
    assert total_travel(planned) < total_travel(sample)


def test_plan_groups_refuses_impossible_requests(sample):
    with pytest.raises(RoutingError, match="cannot make 40 groups"):
        plan_groups(sample, 40, 6)
    with pytest.raises(RoutingError, match="at least 1"):
        plan_groups(sample, 0, 6)


# ---------------------------------------------------------------------------- commands

def test_route_command_prints_the_exact_optimum(tmp_path):
    rng = random.Random(42)
    n = 8
    matrix = [[0 if i == j else rng.randint(1, 99) for j in range(n)] for i in range(n)]
    path = tmp_path / "m.json"
    path.write_text(json.dumps(matrix))
    for flags, round_trip in (((), False), (("--round-trip",), True)):
        result = run_main("route", "--matrix", path, *flags, "--time-limit", "5")
        assert result.returncode == 0, result.stderr
        answer = json.loads(result.stdout)
        assert answer["order"][0] == 0 and sorted(answer["order"]) == list(range(n))
        assert answer["cost"] == brute_force(matrix, round_trip=round_trip)[1]


@pytest.mark.parametrize("content,words", [
    ("[[0, 1], [2]]", "not square"),
    ("[[0, -1], [1, 0]]", "negative"),
    ("[[0, 0.5], [1, 0]]", "not a whole number"),
    ("[]", "empty"),
    ("[[0, 1]", "not valid JSON"),
])
def test_route_command_bad_matrix(tmp_path, content, words):
    path = tmp_path / "bad.json"
    path.write_text(content)
    result = run_main("route", "--matrix", path)
    assert result.returncode == 1
    assert words in result.stderr and "矩阵" in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_optimise_command(tmp_path, improvable_path):
    sample_path = improvable_path
    out = tmp_path / "better.stplan"
    result = run_main("optimise", sample_path, "--group", "1", "--time-limit", "5", "--out", out)
    assert result.returncode == 0, result.stderr
    assert "优化前 / before" in result.stdout and "第一组" in result.stdout
    total = [line for line in result.stdout.splitlines() if line.startswith("合计")][0].split("\t")
    before, after = int(total[2]), int(total[3])
    assert after < before
    with PlanFile.open(out, readonly=True) as plan_file:
        assert total_travel(plan_file.load()) < total_travel(PlanFile.open(sample_path, readonly=True).load())
    again = run_main("optimise", out, "--group", "1", "--time-limit", "5")
    assert again.returncode == 0 and "nothing changed" in again.stdout
    bad = run_main("optimise", sample_path, "--group", "7")
    assert bad.returncode == 1 and "no group 7" in bad.stderr and "Traceback" not in bad.stderr


def test_plan_groups_command(tmp_path, sample_path):
    out = tmp_path / "groups.stplan"
    result = run_main("plan-groups", sample_path, "--groups", "3", "--days", "6", "--time-limit", "3", "--out", out)
    assert result.returncode == 0, result.stderr
    assert "travel of the input routes" in result.stdout and "travel of the planned routes" in result.stdout
    assert "0 个错误" in result.stdout
    check_result = run_main("check", out)
    assert check_result.returncode == 0, check_result.stdout


def test_plan_groups_from_a_minimal_list_of_places(tmp_path):
    document = {
        "title": "测试班", "start_date": "2025-04-01", "days": 3,
        "opening": {"place": "杭州市", "start": "09:00", "end": "10:00"},
        "places": ["杭州市余杭区", "嘉兴市海宁市", "嘉兴市桐乡市", "宁波市余姚市", "宁波市慈溪市", "绍兴市柯桥区"],
    }
    source = tmp_path / "places.json"
    source.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "planned.stplan"
    result = run_main("plan-groups", source, "--groups", "2", "--days", "3", "--time-limit", "2", "--out", out)
    assert result.returncode == 0, result.stderr
    with PlanFile.open(out, readonly=True) as plan_file:
        plan = plan_file.load()
    assert len(plan.groups) == 2 and len(plan.sessions) == 6
    assert errors(plan) == []


def test_opening_hours_broken_by_the_current_order_are_mended(sample):
    """The site 第二组 visits last on day 3, after lunch, closes at noon: an error the
    optimiser removes by going there first."""
    day = schedule(sample).day(2, 3)
    last = day.items()[-1]
    assert last.start > day.rules.lunch_start, "the test needs the last visit after lunch"
    target = sample.site(last.site_id)
    plan = sample.with_items("sites", [replace(s, opens=8 * 60 + 30, closes=day.rules.lunch_start) if s.id == target.id
                                       else s for s in sample.sites])

    def hours_errors(p):
        return [f for f in check(p) if f.code == "outside-opening-hours" and ("sites", target.id) in f.refs]

    assert hours_errors(plan), "the test needs the current order to break the opening hours"
    proposal = propose_optimisation(plan, 2, 3, time_limit=5)
    assert proposal.changed and proposal.errors_after < proposal.errors_before
    assert hours_errors(proposal.after) == []


def test_whole_programme_with_a_shared_site(sample):
    """All groups at once: a site two groups visit the same day is never double-booked,
    travel goes down, errors do not go up, and a second run changes nothing."""
    from planner.edits import Batch, Insert
    from planner.operations import apply_in_memory, consequences

    shared = sample.sessions_of(2, 2)[0]
    assert not sample.site(shared.site_id).capacity  # one group at a time
    plan = apply_in_memory(sample, Batch((Insert("sessions", {
        "id": 999, "group_id": 3, "site_id": shared.site_id, "day": 2, "position": 0, "title": "共享"}),)))
    follow_on, _ = consequences(plan)
    plan = apply_in_memory(plan, Batch(tuple(follow_on)))
    proposal = propose_optimisation(plan, time_limit=30)
    assert proposal.changed and proposal.saved > 0
    assert {d.group_id for d in proposal.days} == {1, 2, 3}
    assert proposal.errors_after <= proposal.errors_before
    assert not [f for f in check(proposal.after) if f.code == "double-booking"]
    assert not propose_optimisation(proposal.after, time_limit=30).changed
