"""Edits with their consequences: legs follow the route, times re-flow, one undo step."""

from __future__ import annotations

from planner.edits import Batch, Insert, Update
from planner.model import Plan
from planner.editing import edit_plan
from planner.operations import apply_in_memory, consequences
from planner.schedule import schedule
from planner.store import PlanFile
from planner.travel import estimate
from planner.travel.choice import BUS_LIMIT_MINUTES


def times(plan, group_id, day):
    return [(s.id, s.start, s.end) for s in plan.sessions_of(group_id, day)]


def test_changing_a_length_re_times_what_follows_and_nothing_else(sample_path):
    with PlanFile.open(sample_path) as plan_file:
        plan = plan_file.load()
        group = plan.ordered_groups()[0]
        day_sessions = plan.sessions_of(group.id, 2)
        first = day_sessions[0]
        after, change, _ = edit_plan(plan_file, plan, Update("sessions", first.id, {"minutes": first.end - first.start + 30}))
        assert plan_file.load() == after
    moved = after.sessions_of(group.id, 2)
    assert moved[0].start == first.start and moved[0].end == first.end + 30
    for old, new in zip(day_sessions[1:], moved[1:]):
        assert new.start > old.start  # everything after it that day starts later
    for other in plan.sessions:
        if (other.group_id, other.day) != (group.id, 2):
            assert after.get("sessions", other.id) == other  # other days and groups untouched
    assert change.touched["sessions"] == frozenset(s.id for s in day_sessions)


def test_moving_a_session_to_another_day_updates_legs_and_times(sample_path):
    with PlanFile.open(sample_path) as plan_file:
        plan = plan_file.load()
        group = plan.ordered_groups()[1]
        session = plan.sessions_of(group.id, 3)[-1]  # 祥符荡科创绿谷 on day 3
        after, change, _ = edit_plan(
            plan_file, plan, Update("sessions", session.id, {"day": 4, "position": -1}), "移到第 4 天"
        )
        assert change.label == "移到第 4 天"
        assert plan_file.load() == after
    moved = after.get("sessions", session.id)
    assert moved.day == 4 and after.sessions_of(group.id, 4)[0].id == session.id
    # the new route needs a leg from the moved session's site to the next day-4 stop
    next_site = after.sessions_of(group.id, 4)[1].site_id
    assert after.leg_between(group.id, session.site_id, next_site) is not None
    # day 4 now starts with the moved session: the rest starts later than before
    assert after.sessions_of(group.id, 4)[1].start > plan.sessions_of(group.id, 4)[0].start


def test_one_undo_takes_back_the_edit_and_its_consequences(sample_path):
    with PlanFile.open(sample_path) as plan_file:
        before = plan_file.load()
        session = before.sessions_of(before.ordered_groups()[2].id, 2)[0]
        after, change, _ = edit_plan(plan_file, before, Update("sessions", session.id, {"day": 5, "position": 99}))
        assert after != before
        plan_file.apply(change.inverse)
        assert plan_file.load() == before


def test_a_manual_leg_duration_wins_and_shifts_what_follows(sample_path):
    with PlanFile.open(sample_path) as plan_file:
        plan = plan_file.load()
        group = plan.ordered_groups()[0]
        a, b = plan.sessions_of(group.id, 2)[:2]  # 良渚 → 义乌国际商贸城
        leg = plan.leg_between(group.id, a.site_id, b.site_id)
        after, _, _ = edit_plan(plan_file, plan, Update("legs", leg.id, {"manual_minutes": leg.minutes + 60}))
        assert plan_file.load() == after
    travel = [s for s in schedule(after).day(group.id, 2).slots if s.kind == "travel" and s.site_id == b.site_id]
    assert travel[0].minutes == leg.minutes + 60
    assert after.get("legs", leg.id).minutes == leg.minutes  # the estimate is kept beside it
    assert after.get("sessions", b.id).start > b.start


def test_inserting_a_session_gives_it_a_time_and_legs(sample_path):
    with PlanFile.open(sample_path) as plan_file:
        plan = plan_file.load()
        group = plan.ordered_groups()[0]
        site = plan.sessions_of(group.id, 5)[0].site_id
        other = next(s for s in plan.sites if s.kind == "park" and s.id != site)
        after, change, _ = edit_plan(
            plan_file, plan,
            Insert("sessions", {"group_id": group.id, "site_id": other.id, "day": 5, "position": 99, "title": "新增"}),
        )
        new_id = change.new_id
        assert plan_file.load() == after
    new = after.get("sessions", new_id)
    assert new.start is not None and new.end > new.start
    assert new.start >= max(s.end for s in after.sessions_of(group.id, 5) if s.id != new_id)
    last_before = plan.sessions_of(group.id, 5)[-1].site_id
    assert after.leg_between(group.id, last_before, other.id) is not None


def test_in_memory_application_matches_the_file(sample_path):
    with PlanFile.open(sample_path) as plan_file:
        plan = plan_file.load()
        edit = Batch(
            (Update("sessions", plan.sessions[0].id, {"title": "改名"}),
             Insert("places", {"name": "前湾新区", "kind": "zone", "lon": 121.2, "lat": 30.3, "id": 500}))
        )
        plan_file.apply(edit)
        assert plan_file.load() == apply_in_memory(plan, edit)


def far_leg_plan(manual_mode=None):
    """One group, one day: a visit in 杭州, then one in 合肥, about 5.6 hours away by road
    and 3 by rail; the leg between carries the organiser's mode, no minutes."""
    from datetime import date

    from planner.model import Group, Leg, Programme, Session, Site

    sites = (Site(1, "杭州园区", lon=120.15, lat=30.27), Site(2, "合肥企业", lon=117.23, lat=31.82))
    return Plan(Programme("远程", date(2025, 3, 10), 1), (Group(1, "第一组"),), (), sites,
                (Session(1, 1, 1, 1, 0), Session(2, 1, 2, 1, 1)), legs=(Leg(1, 1, 1, 2, manual_mode=manual_mode),))


def test_a_coach_forced_onto_a_rail_leg_is_estimated_and_timed_by_road():
    """The estimate sends 杭州→合肥 by rail; with the mode set to bus (no minutes) the leg
    is re-estimated by road, stored so, and the day's travel takes the road minutes."""
    by_road = estimate(120.15, 30.27, 117.23, 31.82)
    assert by_road.mode == "high_speed_rail" and by_road.road_minutes > BUS_LIMIT_MINUTES > by_road.minutes

    edits, timetable = consequences(far_leg_plan("bus"))
    leg = apply_in_memory(far_leg_plan("bus"), Batch(tuple(edits))).get("legs", 1)
    assert (leg.mode, leg.minutes, leg.manual_mode, leg.manual_minutes) == ("bus", by_road.road_minutes, "bus", None)
    assert "高铁" in leg.note  # the suggestion stays in the note
    travel = timetable.day(1, 1).of_kind("travel")[0]
    assert (travel.mode, travel.minutes) == ("bus", by_road.road_minutes)

    edits, timetable = consequences(far_leg_plan())  # control: left to the estimate, by rail
    leg = apply_in_memory(far_leg_plan(), Batch(tuple(edits))).get("legs", 1)
    assert (leg.mode, leg.minutes) == ("high_speed_rail", by_road.minutes)
    travel = timetable.day(1, 1).of_kind("travel")[0]
    assert (travel.mode, travel.minutes) == ("high_speed_rail", by_road.minutes)


def test_a_pinned_sessions_end_follows_its_length(sample_path):
    """Pinned at 16:00, a session ends after its length: the length it had, then the
    organiser's 45 minutes, then (back to automatic) its site's usual visit or the
    programme's default; the start stays. What follows it is re-timed from the new end."""
    with PlanFile.open(sample_path) as plan_file:
        plan = original = plan_file.load()
        group = plan.ordered_groups()[0]
        first, second = plan.sessions_of(group.id, 3)[:2]
        length = first.end - first.start
        plan, _, _ = edit_plan(plan_file, plan, Update("sessions", first.id, {"start": 16 * 60, "pinned": True}))
        pinned = plan.get("sessions", first.id)
        assert (pinned.start, pinned.end) == (16 * 60, 16 * 60 + length)

        plan, change, _ = edit_plan(plan_file, plan, Update("sessions", first.id, {"minutes": 45}))
        assert (plan.get("sessions", first.id).start, plan.get("sessions", first.id).end) == (16 * 60, 16 * 60 + 45)
        assert plan_file.load() == plan
        assert first.id in change.touched["sessions"]

        plan, _, _ = edit_plan(plan_file, plan, Update("sessions", first.id, {"minutes": None}))
        assert plan.get("sessions", first.id).end == 16 * 60 + length
        assert plan_file.load() == plan
    for other in original.sessions:  # no session of another group or day is touched
        if (other.group_id, other.day) != (group.id, 3):
            assert plan.get("sessions", other.id) == other
    # the flowing session after it in the route no longer waits for it: it flows before 16:00
    assert plan.get("sessions", second.id).end <= 16 * 60


def test_a_session_pinned_with_a_start_but_no_end_gets_one_and_is_fixed():
    """A session pinned at 10:00 with no end yet (say, typed in before its length) ends
    after its site's usual visit, 45 minutes here."""
    from datetime import date

    from planner.model import Group, Programme, Session, Site

    plan = Plan(Programme("测试", date(2025, 3, 10), 1), (Group(1, "第一组"),), (),
                (Site(1, "甲", visit_minutes=45, lon=120.0, lat=30.0),),
                (Session(1, 1, 1, 1, 0, start=10 * 60, pinned=True),))
    edits, timetable = consequences(plan)
    assert edits == [Update("sessions", 1, {"end": 10 * 60 + 45})]
    slot = timetable.slot_of("session", 1)
    assert (slot.start, slot.end, slot.fixed) == (10 * 60, 10 * 60 + 45, True)


def test_an_organisers_pinned_end_stays_through_unrelated_edits(sample_path):
    """Pinned 14:00–15:00 at a site whose usual visit is longer: editing another session,
    or the same session's theme, leaves 15:00 alone; dragging it keeps its hour."""
    with PlanFile.open(sample_path) as plan_file:
        plan = plan_file.load()
        group = plan.ordered_groups()[0]
        session, other = plan.sessions_of(group.id, 3)[:2]
        site = plan.site(session.site_id)
        plan, _, _ = edit_plan(plan_file, plan, Update("sites", site.id, {"visit_minutes": 90}))
        plan, _, _ = edit_plan(plan_file, plan, Update("sessions", session.id,
                                                    {"start": 14 * 60, "end": 15 * 60, "pinned": True}))
        assert (plan.get("sessions", session.id).start, plan.get("sessions", session.id).end) == (840, 900)
        plan, _, _ = edit_plan(plan_file, plan, Update("sessions", other.id, {"minutes": 30}))
        plan, _, _ = edit_plan(plan_file, plan, Update("sessions", session.id, {"theme": "新主题"}))
        assert plan.get("sessions", session.id).end == 15 * 60
        plan, _, _ = edit_plan(plan_file, plan, Update("sessions", session.id, {"start": 16 * 60}))
        assert plan.get("sessions", session.id).end == 17 * 60  # moved: the same hour
        plan, _, _ = edit_plan(plan_file, plan, Update("sessions", session.id, {"minutes": 45}))
        assert plan.get("sessions", session.id).end == 16 * 60 + 45  # its length changed
        assert plan_file.load() == plan
