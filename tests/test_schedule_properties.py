"""Property-based tests of the scheduler (``planner.schedule``) and its checks.

Random but valid plans around Hangzhou: 1–4 groups, 1–5 days, 2–10 sites, sessions in
random route order (some pinned, some with their own length, some with stale times),
timed plenaries at a venue, lodgings for some nights, manual leg overrides, day settings.
Every expectation is worked out from the plan's stored data (lengths, legs, estimates,
opening hours, lodgings), not read back from the scheduler, wherever that can be done.

Bugs found were kept as strict xfails until fixed; each test keeps its hand-minimised example:
test_flowing_items_never_overlap_anything, test_retime_leaves_a_pinned_session_without_time_flowing,
test_a_session_after_a_late_arrival_waits_for_the_stop, test_checks_never_raise.
PROPERTY_EXAMPLES=2000 runs a more thorough search than the default 100 examples.
"""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import date
from itertools import combinations

from hypothesis import HealthCheck, assume, event, example, given, note, settings
from hypothesis import strategies as st

from planner.checks import SEVERITIES, check
from planner.model import (
    LEG_MODES,
    PLENARY_KINDS,
    SESSION_KINDS,
    SITE_KINDS,
    DaySetting,
    Group,
    Leg,
    Lodging,
    Plan,
    Plenary,
    Programme,
    Session,
    Site,
)
from planner.schedule import EARLY_START_MINUTES, retime, schedule, timing_edits
from planner.travel import estimate_by

EARLIEST, LATEST = 7 * 60, 20 * 60  # pinned items and plenaries lie inside 07:00–20:00
ITEM_KINDS = ("session", "plenary")

SETTINGS = settings(
    max_examples=int(os.environ.get("PROPERTY_EXAMPLES", "100")),  # more for a thorough search
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


# --- the plans ---------------------------------------------------------------------------


def _coordinate(low: float, high: float):
    """Degrees with four decimals (about 10 m), so failing examples stay readable."""
    return st.integers(round(low * 10_000), round(high * 10_000)).map(lambda n: n / 10_000)


def _span(draw, earliest: int = EARLIEST, latest: int = LATEST) -> tuple[int, int]:
    start = draw(st.integers(earliest, latest - 5))
    return start, draw(st.integers(start + 5, latest))


@st.composite
def plans(draw, *, long_legs: bool = False, untimed_pins: bool = False) -> Plan:
    """A random valid plan. ``long_legs`` lets manual overrides exceed five hours by bus;
    ``untimed_pins`` adds sessions that are pinned but have no time yet."""
    days = draw(st.integers(1, 5))
    programme = Programme(
        "性质测试",
        date(2025, 3, 3),
        days,
        day_start=draw(st.integers(7 * 60, 9 * 60 + 30)),
        stop_minutes=draw(st.sampled_from((0, 5, 10, 15))),
        session_minutes=draw(st.integers(30, 120)),
    )
    groups = tuple(
        Group(gid, f"第{gid}组", position=draw(st.integers(0, 3))) for gid in range(1, draw(st.integers(1, 4)) + 1)
    )

    sites: list[Site] = []
    for sid in range(1, draw(st.integers(2, 10)) + 1):
        kind = "hotel" if sid == 1 else draw(st.sampled_from(SITE_KINDS))
        if sites and draw(st.integers(0, 4)) == 0:  # next door to another site (walking distance)
            near = draw(st.sampled_from(sites))
            lon = round(near.lon + draw(st.integers(-30, 30)) / 10_000, 4)
            lat = round(near.lat + draw(st.integers(-30, 30)) / 10_000, 4)
        else:
            lon, lat = draw(_coordinate(119.0, 121.5)), draw(_coordinate(29.0, 31.0))
        opens = draw(st.none() | st.integers(6 * 60, 14 * 60))
        closes = draw(st.none() | st.integers(max(opens or 0, 8 * 60) + 30, 22 * 60))
        visit = draw(st.none() | st.integers(20, 240))  # longer than any stop
        sites.append(Site(sid, f"点{sid}", kind=kind, opens=opens, closes=closes, visit_minutes=visit, lon=lon, lat=lat))
    site_ids = st.sampled_from([s.id for s in sites])
    hotels = [s.id for s in sites if s.kind == "hotel"]
    venues = [s.id for s in sites if s.kind == "venue"] or [s.id for s in sites]

    timings = ("flow", "pinned", "stale") + (("untimed-pin",) if untimed_pins else ())
    sessions: list[Session] = []
    for group in groups:
        for day in range(1, days + 1):
            for _ in range(draw(st.integers(0, 5))):
                timing = draw(st.sampled_from(timings))
                start = end = None
                if timing in ("pinned", "stale"):  # stale: an unpinned session's old times
                    start, end = _span(draw)
                sessions.append(Session(
                    len(sessions) + 1, group.id, draw(site_ids), day,
                    position=draw(st.integers(0, 9)),  # ties happen: then the id decides
                    start=start, end=end,
                    kind=draw(st.sampled_from(SESSION_KINDS)),
                    pinned=timing in ("pinned", "untimed-pin"),
                    minutes=draw(st.none() | st.integers(20, 240)),
                ))

    plenaries = []
    for pid in range(1, draw(st.integers(0, 2)) + 1):
        start, end = _span(draw)
        plenaries.append(Plenary(pid, f"全体{pid}", draw(st.integers(1, days)), draw(st.sampled_from(venues)),
                                 draw(st.sampled_from(PLENARY_KINDS)), start, end))

    lodgings = []
    for group in groups:
        for night in range(1, days + 1):
            if draw(st.booleans()):
                lodgings.append(Lodging(len(lodgings) + 1, group.id, night, draw(st.sampled_from(hotels))))

    legs: dict[tuple[int, int, int], Leg] = {}
    for _ in range(draw(st.integers(0, 6))):
        a, b = draw(st.lists(site_ids, min_size=2, max_size=2, unique=True))
        key = (draw(st.sampled_from([g.id for g in groups])), a, b)
        legs[key] = Leg(
            len(legs) + 1, *key,
            minutes=draw(st.none() | st.integers(1, 240)),  # a stored (possibly stale) estimate
            manual_mode=draw(st.none() | st.sampled_from(LEG_MODES)),
            manual_minutes=draw(st.none() | st.integers(0, 400 if long_legs else 240)),
        )
    legs = {k: replace(l, id=n) for n, (k, l) in enumerate(legs.items(), 1)}

    day_settings = []
    for day in range(1, days + 1):
        if draw(st.integers(0, 3)) == 0:
            lunch_start = draw(st.none() | st.integers(11 * 60, 12 * 60 + 30))
            day_settings.append(DaySetting(
                len(day_settings) + 1, day,
                day_start=draw(st.none() | st.integers(7 * 60, 10 * 60)),
                lunch_start=lunch_start,
                lunch_end=None if lunch_start is None else lunch_start + draw(st.integers(30, 90)),
            ))

    return Plan(programme, groups, (), tuple(sites), tuple(sessions), tuple(plenaries), tuple(legs.values()),
                tuple(lodgings), (), tuple(day_settings))


# --- what the plan says, worked out without the scheduler -----------------------------------


def is_pinned_with_time(session: Session) -> bool:
    return session.pinned and session.start is not None and session.end is not None


def day_start(plan: Plan, day: int) -> int:
    start = plan.programme.day_start
    for setting in plan.day_settings:
        if setting.day == day and setting.day_start is not None:
            start = setting.day_start
    return start


def lodging_of(plan: Plan, group_id: int, night: int) -> int | None:
    sites = [l.site_id for l in plan.lodgings if (l.group_id, l.night) == (group_id, night)]
    assert len(sites) <= 1
    return sites[0] if sites else None


def length_of(plan: Plan, session: Session) -> int:
    return session.minutes or plan.site(session.site_id).visit_minutes or plan.programme.session_minutes


def travel_minutes(plan: Plan, group_id: int, a: int, b: int) -> int:
    """The stored leg (manual override first) or else the estimate between the coordinates."""
    leg = plan.leg_between(group_id, a, b)
    if leg is not None and leg.manual_minutes is not None:
        return leg.manual_minutes
    forced_bus = leg is not None and leg.manual_mode == "bus"
    if leg is not None and leg.minutes is not None and not (forced_bus and leg.mode != "bus"):
        return leg.minutes
    one, two = plan.site(a), plan.site(b)
    return estimate_by("bus" if forced_bus else None, one.lon, one.lat, two.lon, two.lat).minutes


def ceil5(minutes: int) -> int:
    return -(-minutes // 5) * 5


def overlap(a, b) -> bool:
    return a.start < b.end and b.start < a.end


def ref(slot) -> tuple[str, int]:
    return ("plenaries" if slot.kind == "plenary" else "sessions", slot.item_id)


def session_slot(day_plan, session_id: int):
    found = [s for s in day_plan.slots if s.kind == "session" and s.item_id == session_id]
    assert len(found) == 1, f"session {session_id} appears {len(found)} times"
    return found[0]


def flowing_slots(plan: Plan, day_plan):
    return [s for s in day_plan.of_kind("session") if not is_pinned_with_time(plan.get("sessions", s.item_id))]


def jumped_ahead(plan: Plan, timetable) -> list:
    """(flowing, fixed) pairs where the scheduler put a flowing session before a fixed item
    that starts before the session ends: the bug of test_flowing_items_never_overlap_anything.
    (A fixed item placed after the session is reached at or after the session's end; one
    placed before it is reached before the session's end, since sessions outlast stops.)"""
    return [
        (flowing, fixed)
        for day_plan in timetable.days.values()
        for flowing in flowing_slots(plan, day_plan)
        for fixed in day_plan.slots
        if fixed.fixed and fixed.start < flowing.end <= fixed.start + fixed.late_by
    ]


def without_known_bugs(plan: Plan, timetable) -> None:
    """Leave out plans that show the bug of test_flowing_items_never_overlap_anything (it
    breaks the day's order that the other properties read), counting them."""
    if jumped_ahead(plan, timetable):
        event("left out: a flowing session jumped ahead of a fixed item (known bug)")
        assume(False)


# --- 1. no silent overlap --------------------------------------------------------------------


@SETTINGS
@given(plans())
def test_no_silent_overlap(plan):
    timetable = schedule(plan)
    findings = check(plan)
    overlaps = {(f.group_id, f.day, frozenset(f.refs)) for f in findings if f.code == "overlap"}
    lates = {(f.group_id, f.day, f.refs) for f in findings if f.code == "late-arrival"}
    for (group_id, day), day_plan in timetable.days.items():
        items = [s for s in day_plan.slots if s.kind in ITEM_KINDS]
        for a, b in combinations(items, 2):
            if overlap(a, b):
                assert (group_id, day, frozenset({ref(a), ref(b)})) in overlaps, (a, b)
        for travel in day_plan.of_kind("travel"):
            for item in items:
                if item.fixed and overlap(travel, item):
                    assert item.late_by > 0, (travel, item)
                    assert (group_id, day, (ref(item),)) in lates, item
        late = {(group_id, day, (ref(s),)) for s in items if s.late_by > 0}
        assert all(s.fixed for s in items if s.late_by > 0)
        assert late == {key for key in lates if key[:2] == (group_id, day)}  # each late arrival is reported
    for group_id, day, refs in overlaps:  # and no overlap is reported that is not there
        items = [s for s in timetable.day(group_id, day).slots if s.kind in ITEM_KINDS and ref(s) in refs]
        assert len(items) == 2 and overlap(*items)


# Hand-minimised from hypothesis' find: one day, no hotel; 甲 08:30–09:30, then 150 min
# to 乙, arriving at 12:00, so lunch is eaten there (12:00–13:30). ``fits_before`` counts
# 乙 from 13:30 (13:30 + 60 = 14:30 <= the forum at 14:30) but ``place_flowing`` adds the
# 10-minute stop after lunch: 乙 13:40–14:40 overlaps the forum 14:30–15:00.
# Variants: lunch "here" (甲 with minutes=200 ends 11:50, lunch at 甲 12:00–13:30, then the
# 30-minute leg is not counted: 乙 14:10 overlaps a forum at 14:30); a manual leg of 0
# minutes (counted as no move, so no stop: 乙 09:40–10:40 overlaps a forum at 10:30).
FLOWING_OVERLAP = Plan(
    Programme("午餐在到达后", date(2025, 3, 3), 1),  # 08:30 start, lunch 12:00–13:30, 10 min stop, 60 min sessions
    (Group(1, "第1组"),),
    sites=(Site(1, "甲", lon=120.0, lat=30.0), Site(2, "乙", kind="venue", lon=120.5, lat=30.0)),
    sessions=(Session(1, 1, 1, 1, position=0), Session(2, 1, 2, 1, position=1)),
    plenaries=(Plenary(1, "座谈", 1, 2, "forum", 14 * 60 + 30, 15 * 60),),
    legs=(Leg(1, 1, 1, 2, manual_minutes=150),),
)


@SETTINGS
@example(FLOWING_OVERLAP)
@given(plans())
def test_flowing_items_never_overlap_anything(plan):
    timetable = schedule(plan)
    for day_plan in timetable.days.values():
        for flowing in flowing_slots(plan, day_plan):
            assert not flowing.fixed
            for other in day_plan.slots:
                assert other is flowing or not overlap(flowing, other), (flowing, other)


# --- 2. pinned items never move ------------------------------------------------------------


@SETTINGS
@given(plans())
def test_pinned_items_never_move(plan):
    timetable = schedule(plan)
    for session in plan.sessions:
        slot = session_slot(timetable.day(session.group_id, session.day), session.id)
        assert slot.fixed == is_pinned_with_time(session)
        if is_pinned_with_time(session):
            assert (slot.start, slot.end, slot.site_id) == (session.start, session.end, session.site_id)
    for plenary in plan.plenaries:
        for group in plan.groups:
            slots = [s for s in timetable.day(group.id, plenary.day).of_kind("plenary") if s.item_id == plenary.id]
            assert [(s.start, s.end, s.site_id, s.fixed) for s in slots] == [
                (plenary.start, plenary.end, plenary.site_id, True)
            ]

    retimed = retime(plan)
    assert replace(retimed, sessions=plan.sessions) == plan  # only sessions change
    for before, after in zip(plan.sessions, retimed.sessions, strict=True):
        if is_pinned_with_time(before):
            assert after == before
        else:
            assert replace(after, start=before.start, end=before.end) == before
            assert after.end - after.start == length_of(plan, before)
    assert timing_edits(retimed) == []
    assert schedule(retimed) == timetable


# A session pinned before it has a time flows (``is_fixed``), but ``retime`` (and
# ``timing_edits``, which ``operations.consequences`` applies after every edit) give it
# the flowed times, and from then on it is fixed there: the re-scheduled slot is fixed,
# and lengthening the session before it makes the route jump it ahead. (Merely skipping
# pinned sessions there is not enough: ``Plan.sessions_of`` breaks ties of position by
# start, so a flowing session given a time then sorts after an untimed one it preceded.)
UNTIMED_PIN = Plan(
    Programme("未定时的固定", date(2025, 3, 3), 1),
    (Group(1, "第1组"),),
    sites=(Site(1, "甲", lon=120.0, lat=30.0),),
    sessions=(Session(1, 1, 1, 1, pinned=True),),
)


@SETTINGS
@example(UNTIMED_PIN)
@given(plans(untimed_pins=True))
def test_retime_leaves_a_pinned_session_without_time_flowing(plan):
    retimed = retime(plan)
    for before, after in zip(plan.sessions, retimed.sessions, strict=True):
        assert is_pinned_with_time(after) == is_pinned_with_time(before), (before, after)
    assert schedule(retimed) == schedule(plan)


# --- 3. days start and end at lodging or a plenary venue ----------------------------------


@SETTINGS
@given(plans())
def test_days_start_and_end_at_lodging(plan):
    timetable = schedule(plan)
    without_known_bugs(plan, timetable)
    for (group_id, day), day_plan in timetable.days.items():
        woke_at, sleeps_at = lodging_of(plan, group_id, day - 1), lodging_of(plan, group_id, day)
        assert (day_plan.start_site_id, day_plan.end_site_id) == (woke_at, sleeps_at)
        slots = list(day_plan.slots)
        items = [s for s in slots if s.kind in ITEM_KINDS]
        travels = day_plan.of_kind("travel")
        for one, two in zip(travels, travels[1:]):  # each leg leaves from where the last one went
            assert two.from_site_id == one.site_id != two.site_id, (one, two)
        busy = [s for s in slots if s.kind != "dinner"]
        if woke_at is not None:
            if travels:
                assert travels[0].from_site_id == woke_at
            here = woke_at
        elif items:
            # no hotel last night: the day begins at its first item, with no travel before it
            first = [s for s in busy if s.kind != "lunch"][0]
            assert first.kind in ITEM_KINDS and first is items[0], first
            if travels:
                assert travels[0].from_site_id == first.site_id
            here = first.site_id
        else:
            assert not travels
            here = None
        if not items:
            assert not day_plan.of_kind("lunch")
        if sleeps_at is None:
            assert not day_plan.of_kind("dinner")
            continue
        if here is not None:  # (a group that is nowhere yet just turns up at the hotel)
            assert (travels[-1].site_id if travels else here) == sleeps_at  # the day ends at tonight's hotel...
        if busy:  # ... its last move (if any) being the leg there
            last = busy[-1]
            assert last.site_id == sleeps_at, last
            assert all(s.end <= slots[-1].start for s in busy)
        dinner = slots[-1]  # ... followed by dinner there
        assert (dinner.kind, dinner.site_id) == ("dinner", sleeps_at)
        done = max([plan.programme.dinner_start, *(s.end for s in busy)])
        # (up to when it got off the bus for a fixed item reached late: see
        # test_a_session_after_a_late_arrival_waits_for_the_stop), and a group free only
        # after dinner time dines on the five minutes after
        off_the_bus = [s.start + s.late_by for s in busy if s.late_by > 0]
        assert done <= dinner.start <= max(plan.programme.dinner_start, ceil5(max([done, *off_the_bus])))
        assert dinner.start == plan.programme.dinner_start or dinner.start % 5 == 0
        assert dinner.minutes == plan.programme.dinner_end - plan.programme.dinner_start
        assert len(day_plan.of_kind("dinner")) == 1


# --- 4. time flows forward -------------------------------------------------------------------


def ready_for(plan: Plan, slots, n: int) -> tuple[int, int]:
    """When the flowing session ``slots[n]`` should start, from what comes before it: on
    the five minutes, not before its site opens, after everything before it, after the
    stop allowance when the last move was a leg here (lunch on arrival may come between),
    and not before the group got off the bus for a fixed item here that it reached late.
    With the time the scheduler gives instead, which forgets that last point (see
    test_a_session_after_a_late_arrival_waits_for_the_stop)."""
    slot, before = slots[n], slots[:n]
    opens = plan.site(slot.site_id).opens or 0
    ready = max([day_start(plan, slot.day), *(s.end for s in before)])
    moves = [s for s in before if s.kind != "lunch"]
    legs = [s for s in before if s.kind == "travel"]
    late_here = [s.start + s.late_by for s in before if s.fixed and s.late_by > 0 and s.site_id == slot.site_id]
    if moves and moves[-1].kind == "travel":
        assert moves[-1].site_id == slot.site_id != moves[-1].from_site_id, (moves[-1], slot)
    if moves and moves[-1].kind == "travel" and not any(t >= legs[-1].end for t in late_here):
        expected = ceil5(max(ready + plan.programme.stop_minutes, opens))  # the leg came here for this
        return expected, expected
    return ceil5(max(ready, *late_here, opens)), ceil5(max(ready, opens))


@SETTINGS
@given(plans())
def test_time_flows_forward(plan):
    timetable = schedule(plan)
    without_known_bugs(plan, timetable)
    for (group_id, day), day_plan in timetable.days.items():
        slots = list(day_plan.slots)
        assert [s.start for s in slots] == sorted(s.start for s in slots)
        assert all(s.end >= s.start for s in slots)
        for travel in day_plan.of_kind("travel"):
            assert travel.minutes == travel_minutes(plan, group_id, travel.from_site_id, travel.site_id), travel
            if travel.start < day_start(plan, day):  # only around fixed items early in the day
                index = slots.index(travel)
                assert all(s.fixed or s.kind == "travel" for s in slots[:index]), slots
                after = [s for s in slots[index:] if s.kind in ("session", "plenary")]
                assert (after and after[0].fixed) or any(s.fixed for s in slots[:index]), slots
                assert index > 0 or travel.start >= day_start(plan, day) - EARLY_START_MINUTES, travel
        for n, slot in enumerate(slots):
            if slot.kind != "session" or slot.fixed:
                continue
            session = plan.get("sessions", slot.item_id)
            site = plan.site(session.site_id)
            assert slot.minutes == length_of(plan, session)
            assert slot.start % 5 == 0 and slot.start >= day_start(plan, day)
            assert site.opens is None or slot.start >= site.opens
            # it starts as soon as the group is there (the bug below aside)
            expected, as_with_the_bug = ready_for(plan, slots, n)
            assert slot.start in (expected, as_with_the_bug), (slot, expected)


# Hand-minimised from hypothesis' find: the group leaves the hotel at 08:30 for 乙 (30 min)
# where a session is pinned at 08:30–08:35; it gets there at 09:00 and off the bus at 09:10
# (late_by 40). ``place_fixed`` moves the cursor only to max(09:00, 08:35), not to the
# arrival, so the next (flowing) session at 乙 starts at 09:00 instead of 09:10.
LATE_THEN_FLOWING = Plan(
    Programme("迟到之后", date(2025, 3, 3), 2),  # 08:30 start, 10 min stop
    (Group(1, "第1组"),),
    sites=(Site(1, "宾馆", kind="hotel", lon=120.0, lat=30.0), Site(2, "乙", lon=120.2, lat=30.0)),
    sessions=(Session(1, 1, 2, 2, position=0, pinned=True, start=8 * 60 + 30, end=8 * 60 + 35),
              Session(2, 1, 2, 2, position=1)),
    lodgings=(Lodging(1, 1, 1, 1),),
    legs=(Leg(1, 1, 1, 2, manual_minutes=30),),
)


@SETTINGS
@example(LATE_THEN_FLOWING)
@given(plans())
def test_a_session_after_a_late_arrival_waits_for_the_stop(plan):
    timetable = schedule(plan)
    without_known_bugs(plan, timetable)
    for day_plan in timetable.days.values():
        slots = list(day_plan.slots)
        for n, slot in enumerate(slots):
            if slot.kind == "session" and not slot.fixed:
                assert slot.start == ready_for(plan, slots, n)[0], slot


def lunch_window(plan: Plan, day: int) -> tuple[int, int]:
    start, end = plan.programme.lunch_start, plan.programme.lunch_end
    for setting in plan.day_settings:
        if setting.day == day and setting.lunch_start is not None:
            start, end = setting.lunch_start, setting.lunch_end
    return start, end


@SETTINGS
@given(plans())
def test_meals_start_at_meal_time_or_on_the_five_minutes(plan):
    """A meal starts at its programme time or, for a group free later, on the five
    minutes; it overlaps nothing; a lunch shorter than the programme's is cut to end just
    in time for what follows (the leg there and the stop)."""
    timetable = schedule(plan)
    programme = plan.programme
    for (group_id, day), day_plan in timetable.days.items():
        lunch_start, lunch_end = lunch_window(plan, day)
        slots = list(day_plan.slots)
        for n, meal in enumerate(slots):
            if meal.kind not in ("lunch", "dinner"):
                continue
            at, full = ((lunch_start, lunch_end - lunch_start) if meal.kind == "lunch"
                        else (programme.dinner_start, programme.dinner_end - programme.dinner_start))
            assert meal.start >= at, meal
            assert meal.start == at or meal.start % 5 == 0, meal
            assert 0 < meal.minutes <= full, meal
            assert all(other is meal or not overlap(meal, other) for other in slots), meal
            if meal.minutes < full:
                event("a lunch cut short")
                assert meal.kind == "lunch"
                after = slots[n + 1:]
                legs = 0
                while after and after[0].kind == "travel":
                    legs, after = legs + after[0].minutes, after[1:]
                assert after and after[0].kind in ITEM_KINDS, meal
                assert after[0].start - (meal.end + legs) in (0, programme.stop_minutes), (meal, after[0])


# --- 5. edits re-time only what follows ------------------------------------------------


def lead_in(day_plan, slot) -> list:
    """The travel and lunch slots straight before ``slot`` (getting there)."""
    slots = list(day_plan.slots)
    n = slots.index(slot)
    run = []
    while n > 0 and slots[n - 1].kind in ("travel", "lunch"):
        n -= 1
        run.append(slots[n])
    return run


@SETTINGS
@given(plans(), st.data())
def test_an_edit_retimes_only_what_follows_it(plan, data):
    """Changing the length of the k-th flowing session of a group's day leaves every other
    day alone, and in that day everything before the group sets off for that session: the
    leg (and lunch) leading to it may change, as a longer session can stop fitting before a
    fixed item (which then comes first) and a shorter one can start to; so may the leg
    (and lunch) leading to such a fixed item."""
    flowing = [s for s in plan.sessions if not is_pinned_with_time(s)]
    assume(flowing)
    group_id, day = data.draw(st.sampled_from(sorted({(s.group_id, s.day) for s in flowing})))
    route = [s for s in plan.sessions_of(group_id, day) if not is_pinned_with_time(s)]
    target = route[data.draw(st.integers(0, len(route) - 1), label="k")]
    minutes = data.draw(st.integers(20, 300).filter(lambda m: m != length_of(plan, target)), label="minutes")
    edited = plan.with_items("sessions", [replace(s, minutes=minutes) if s.id == target.id else s for s in plan.sessions])

    before, after = schedule(plan), schedule(edited)
    without_known_bugs(plan, before)
    without_known_bugs(edited, after)
    for key, day_plan in before.days.items():
        if key != (group_id, day):
            assert after.days[key] == day_plan, key
    old, new = before.day(group_id, day), after.day(group_id, day)
    old_slot, new_slot = session_slot(old, target.id), session_slot(new, target.id)
    assert new_slot.minutes == minutes
    old_lead, new_lead = lead_in(old, old_slot), lead_in(new, new_slot)
    # The fixed items that the edit moved to the other side of the edited session. The
    # group sets off for such an item as soon as it is free after what came before, which
    # can be earlier than it set off for the edited session: the five-minute rounding, the
    # stop or an opening hour kept it waiting there (hand-minimised: a session ends 14:11,
    # the edited one starts 14:15 and the group walks 14:56–14:57 to a plenary at 14:57;
    # 1 minute longer, the edited one no longer fits and the walk is 14:11–14:12).
    swapped = []
    for slot in old.slots:
        if slot.fixed:
            other = [s for s in new.slots if s.fixed and ref(s) == ref(slot)]
            assert len(other) == 1, slot
            if (slot.start < old_slot.start) != (other[0].start < new_slot.start):
                swapped += [(old, slot), (new, other[0])]
    # the moment the group set off for the edited session or for a fixed item it swapped
    # places with (before or after the edit): what lies wholly before it must not change
    cut = min(
        old_slot.start, new_slot.start, *(s.start for s in old_lead + new_lead),
        *(s.start for day_plan, fixed in swapped for s in [fixed, *lead_in(day_plan, fixed)]),
    )
    note(f"cut at {cut}; fixed items swapped: {[ref(s) for _, s in swapped[::2]]}")

    def earlier(day_plan):
        return [s for s in day_plan.slots if s.start < cut and s.end <= cut]

    assert earlier(new) == earlier(old)


# --- 6. manual leg overrides win ----------------------------------------------------------


@SETTINGS
@given(plans(), st.data(), st.integers(0, 240))
def test_a_manual_leg_override_wins(plan, data, minutes):
    """A manual duration on the leg between two consecutive flowing sessions' sites is how
    long every such leg of that group takes (stored leg or a new one)."""
    pairs = []
    for group in plan.groups:
        for day in range(1, plan.programme.days + 1):
            route = [s for s in plan.sessions_of(group.id, day) if not is_pinned_with_time(s)]
            pairs += [(a, b) for a, b in zip(route, route[1:]) if a.site_id != b.site_id]
    assume(pairs)
    a, b = data.draw(st.sampled_from(pairs))
    group_id, day = a.group_id, a.day
    stored = plan.leg_between(group_id, a.site_id, b.site_id)
    if stored is None:
        stored = Leg(max((l.id for l in plan.legs), default=0) + 1, group_id, a.site_id, b.site_id)
    legs = [l for l in plan.legs if l.id != stored.id] + [replace(stored, manual_minutes=minutes)]
    edited = plan.with_items("legs", legs)

    timetable = schedule(edited)
    without_known_bugs(edited, timetable)
    for day_plan in timetable.of_group(group_id):
        for travel in day_plan.of_kind("travel"):
            if (travel.from_site_id, travel.site_id) == (a.site_id, b.site_id):
                assert travel.minutes == minutes, travel
    day_plan = timetable.day(group_id, day)
    slot_a, slot_b = session_slot(day_plan, a.id), session_slot(day_plan, b.id)
    into_b = [s for s in day_plan.of_kind("travel") if s.site_id == b.site_id and s.end <= slot_b.start]
    assert into_b and into_b[-1].start >= slot_a.end
    if into_b[-1].from_site_id == a.site_id:
        event("the leg from a to b is travelled")
        assert into_b[-1].minutes == minutes
    else:  # a fixed item came in between
        event("a fixed item came in between")
        assert any(s.fixed and s.site_id == into_b[-1].from_site_id for s in day_plan.slots)


# --- the checks never fail on a valid plan ------------------------------------------------

LONG_BUS_LEG = Plan(
    Programme("长途大巴", date(2025, 3, 3), 1),
    (Group(1, "第1组"),),
    sites=(Site(1, "甲", lon=120.0, lat=30.0), Site(2, "乙", lon=120.1, lat=30.0)),
    sessions=(Session(1, 1, 1, 1, position=0), Session(2, 1, 2, 1, position=1)),
    legs=(Leg(1, 1, 1, 2, manual_minutes=301),),  # by bus (the default mode), over five hours
)


@SETTINGS
@example(LONG_BUS_LEG)
@given(plans(long_legs=True))
def test_checks_never_raise(plan):
    assert all(f.severity in SEVERITIES and f.code for f in check(plan))
