"""Re-timing and re-checking only what an edit touches gives what doing it all again gives.

After an edit the app passes the previous timetable on (``consequences(…, previous)``,
``schedule(plan, previous)``): days whose inputs did not change are reused, and so are
the findings, legs and timing edits worked out from them; values worked out from kinds of
items the edit left alone stay with the plan (``Plan.derived``). These properties run
chains of random edits on random plans (the strategy of test_schedule_properties, with
people added) and compare each step with the same work done from scratch on a fresh copy
of the plan.
"""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, note
from hypothesis import strategies as st
from test_schedule_properties import SETTINGS, plans

from planner.checks import check
from planner.edits import Batch, Delete, Insert, Update, UpdateProgramme
from planner.model import LEG_MODES, Participant
from planner.operations import apply_in_memory, consequences, with_ids
from planner.schedule import schedule, timing_edits

CLOCK = st.integers(7 * 60, 20 * 60)


def _id(draw, items):
    return draw(st.sampled_from([item.id for item in items]))


@st.composite
def edits(draw, plan):
    """One edit the organiser could make: to a session, a site, a leg, a lodging, a plenary,
    a day's settings, a group, the people or the programme."""
    days = st.integers(1, plan.programme.days)
    sites = [s.id for s in plan.sites]
    groups = [g.id for g in plan.groups]
    choices = ["insert session", "site", "day setting", "group", "programme", "person", "lodging"]
    if plan.sessions:
        choices += ["session length", "session move", "session pin", "session site", "delete session"]
    if plan.legs:
        choices.append("leg")
    if plan.plenaries:
        choices.append("plenary")
    what = draw(st.sampled_from(choices))
    note(what)
    if what == "session length":
        return Update("sessions", _id(draw, plan.sessions), {"minutes": draw(st.integers(20, 240))})
    if what == "session move":
        return Update("sessions", _id(draw, plan.sessions), {
            "day": draw(days), "position": draw(st.integers(0, 9)), "group_id": draw(st.sampled_from(groups))})
    if what == "session pin":
        start = draw(CLOCK)
        pinned = draw(st.booleans())
        return Update("sessions", _id(draw, plan.sessions),
                      {"pinned": pinned, "start": start if pinned else None, "end": start + 60 if pinned else None})
    if what == "session site":
        return Update("sessions", _id(draw, plan.sessions), {"site_id": draw(st.sampled_from(sites))})
    if what == "delete session":
        return Delete("sessions", _id(draw, plan.sessions))
    if what == "insert session":
        return Insert("sessions", {"group_id": draw(st.sampled_from(groups)), "site_id": draw(st.sampled_from(sites)),
                                   "day": draw(days), "position": draw(st.integers(0, 9)),
                                   "title": draw(st.sampled_from(("", "座谈")))})
    if what == "site":
        field = draw(st.sampled_from(("opens", "closes", "visit_minutes", "lon", "name", "capacity")))
        value = {"opens": st.none() | CLOCK, "closes": st.none() | CLOCK, "visit_minutes": st.none() | st.integers(20, 200),
                 "lon": st.floats(119.0, 121.5), "name": st.sampled_from(("甲", "乙")),
                 "capacity": st.none() | st.integers(1, 40)}[field]
        return Update("sites", draw(st.sampled_from(sites)), {field: draw(value)})
    if what == "leg":
        return Update("legs", _id(draw, plan.legs), {"manual_minutes": draw(st.none() | st.integers(0, 400)),
                                                     "manual_mode": draw(st.none() | st.sampled_from(LEG_MODES))})
    if what == "lodging":
        group, night = draw(st.sampled_from(groups)), draw(days)
        lodging = plan.lodging(group, night)
        if lodging is not None and draw(st.booleans()):
            return Delete("lodgings", lodging.id)
        if lodging is not None:
            return Update("lodgings", lodging.id, {"site_id": draw(st.sampled_from(sites))})
        return Insert("lodgings", {"group_id": group, "night": night, "site_id": draw(st.sampled_from(sites))})
    if what == "plenary":
        start = draw(CLOCK)
        return Update("plenaries", _id(draw, plan.plenaries), {
            "start": start, "end": start + draw(st.integers(5, 120)), "day": draw(days),
            "site_id": draw(st.sampled_from(sites))})
    if what == "day setting":
        day = draw(days)
        setting = next((s for s in plan.day_settings if s.day == day), None)
        changes = {"day_start": draw(st.none() | st.integers(7 * 60, 10 * 60)), "day_end": draw(st.none() | CLOCK)}
        return Update("day_settings", setting.id, changes) if setting else Insert("day_settings", {"day": day, **changes})
    if what == "group":
        return Update("groups", draw(st.sampled_from(groups)), {
            "name": draw(st.sampled_from(("一组", "二组"))), "capacity": draw(st.none() | st.integers(0, 3)),
            "departure_time": draw(st.none() | CLOCK), "origin_site_id": draw(st.none() | st.sampled_from(sites))})
    if what == "person":
        return Insert("participants", {"name": draw(st.sampled_from(("张三", "李四"))),
                                       "group_id": draw(st.none() | st.sampled_from(groups)),
                                       "role": draw(st.sampled_from(("member", "group_leader")))})
    return UpdateProgramme({draw(st.sampled_from(("stop_minutes", "session_minutes"))): draw(st.integers(0, 90)),
                            "origin_site_id": draw(st.none() | st.sampled_from(sites))})


def from_scratch(plan):
    """The same plan value with nothing worked out yet."""
    return replace(plan)


@SETTINGS
@given(plans(), st.data())
def test_a_chain_of_edits_gives_what_doing_it_all_again_gives(plan, data):
    """What ``PlanDocument.edit`` does, step after step: the consequences worked out from
    the previous timetable equal those worked out from scratch, and so do the timetable
    and the findings."""
    people = tuple(Participant(n, f"学员{n}", group_id=plan.groups[n % len(plan.groups)].id) for n in range(1, 4))
    plan = replace(plan, participants=people)
    timetable = schedule(plan)
    check(plan, timetable)
    for step in range(data.draw(st.integers(1, 6), label="steps")):
        edit = with_ids(plan, data.draw(edits(plan), label=f"edit {step}"))
        after = apply_in_memory(plan, edit)
        follow_on, new_timetable = consequences(after, plan, timetable)
        expected_follow_on, expected_timetable = consequences(from_scratch(after), from_scratch(plan))
        assert follow_on == expected_follow_on
        assert new_timetable == expected_timetable
        plan = apply_in_memory(after, Batch(tuple(follow_on)))
        assert check(plan, new_timetable) == check(from_scratch(plan))
        timetable = new_timetable


@SETTINGS
@given(plans(), st.data())
def test_undo_and_redo_reschedule_from_the_previous_timetable(plan, data):
    """Undo and redo replay an edit exactly and schedule from the previous timetable
    (``PlanDocument._apply_exact``): back and forth, each timetable, its timing edits and
    findings equal those worked out from scratch."""
    timetable = schedule(plan)
    check(plan, timetable)
    edited = apply_in_memory(plan, with_ids(plan, data.draw(edits(plan), label="edit")))
    for current in (edited, plan, edited):
        timetable = schedule(current, timetable)
        assert timetable == schedule(from_scratch(current))
        assert timing_edits(current, timetable) == timing_edits(from_scratch(current))
        assert check(current, timetable) == check(from_scratch(current))
