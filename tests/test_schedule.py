"""The scheduler on small, readable days."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from planner.checks import check
from planner.model import DaySetting, Group, Leg, Lodging, Place, Plan, Plenary, Programme, Session, Site, parse_clock
from planner.schedule import retime, schedule, schedule_day, timing_edits

T = parse_clock


def day_plan() -> Plan:
    """One group, one day in Hangzhou: hotel → two sites close together → a third across town."""
    place = Place(1, "西湖区", lon=120.13, lat=30.26)
    sites = (
        Site(1, "宾馆", 1, "hotel", lon=120.15, lat=30.27),
        Site(2, "企业甲", 1, "enterprise", visit_minutes=90, lon=120.16, lat=30.28),
        Site(3, "园区乙", 1, "park", lon=120.165, lat=30.285),
        Site(4, "村丙", 1, "village", visit_minutes=45, lon=120.0, lat=30.2),
        Site(5, "会场", 1, "venue", lon=120.15, lat=30.27),
    )
    sessions = (
        Session(1, 1, 2, 2, 0, title="甲"),
        Session(2, 1, 3, 2, 1, title="乙"),
        Session(3, 1, 4, 2, 2, title="丙"),
    )
    lodgings = (Lodging(1, 1, 1, 1), Lodging(2, 1, 2, 1))
    return Plan(Programme("测试", date(2025, 2, 23), 3), (Group(1, "第一组"),), (place,), sites, sessions,
                lodgings=lodgings)


def kinds(day):
    return [(s.kind, s.site_id) for s in day.slots]


def test_a_day_leaves_the_hotel_visits_in_order_and_returns_for_dinner():
    plan = day_plan()
    day = schedule_day(plan, 1, 2)
    assert kinds(day) == [
        ("travel", 2), ("session", 2), ("travel", 3), ("session", 3), ("lunch", 3),
        ("travel", 4), ("session", 4), ("travel", 1), ("dinner", 1),
    ]
    travel, first = day.slots[0], day.slots[1]
    assert travel.start == T("08:30") and travel.from_site_id == 1
    assert first.start >= travel.end + 10 and first.start % 5 == 0  # 10-minute stop, on the five minutes
    assert first.minutes == 90  # the site's usual visit length
    assert day.slots[3].minutes == 60  # no length anywhere: the programme default
    lunch = day.of_kind("lunch")[0]
    assert lunch.start >= T("12:00") - 15 and lunch.minutes == 90
    dinner = day.of_kind("dinner")[0]
    assert dinner.start == T("18:00") and dinner.site_id == 1
    assert day.start_site_id == day.end_site_id == 1


def test_a_sessions_own_length_wins():
    plan = day_plan()
    plan = plan.with_items("sessions", [replace(s, minutes=30) if s.id == 1 else s for s in plan.sessions])
    assert schedule_day(plan, 1, 2).slots[1].minutes == 30


def test_lunch_waits_until_the_group_reaches_the_next_place_when_it_is_near_noon():
    plan = day_plan()
    programme = replace(plan.programme, day_start=T("10:00"))
    day = schedule_day(replace(plan, programme=programme), 1, 2)
    lunch = day.of_kind("lunch")[0]
    assert lunch.start >= T("11:45")
    assert all(s.end <= lunch.start or s.start >= lunch.end for s in day.of_kind("session"))


def test_a_day_setting_overrides_the_programme():
    plan = day_plan().with_items("day_settings", [DaySetting(1, 2, day_start=T("07:45"), lunch_start=T("11:30"),
                                                             lunch_end=T("12:30"))])
    day = schedule_day(plan, 1, 2)
    assert day.slots[0].start == T("07:45")
    assert day.of_kind("lunch")[0].minutes == 60
    assert schedule_day(plan, 1, 3).rules.day_start == T("08:30")  # other days keep the default


def test_a_pinned_session_stays_and_the_others_flow_around_it():
    plan = day_plan()
    pinned = replace(plan.sessions[1], pinned=True, start=T("09:00"), end=T("10:00"))  # 乙 at 09:00 sharp
    plan = plan.with_items("sessions", [pinned if s.id == 2 else s for s in plan.sessions])
    day = schedule_day(plan, 1, 2)
    sessions = {s.item_id: s for s in day.of_kind("session")}
    assert (sessions[2].start, sessions[2].end) == (T("09:00"), T("10:00"))
    assert sessions[1].start >= T("10:00")  # 甲 (90 min) did not fit before it, so it follows
    assert sessions[3].start > sessions[1].end


def test_plenaries_sit_in_every_groups_day_with_travel_to_them():
    plan = day_plan()
    plan = replace(plan, groups=(Group(1, "第一组"), Group(2, "第二组", position=1)))
    plan = plan.with_items("plenaries", [Plenary(1, "座谈会", 2, 5, "forum", T("14:00"), T("15:00"))])
    plan = plan.with_items("sessions", [*plan.sessions, Session(4, 2, 4, 2, 0)])
    timetable = schedule(plan)
    for group_id in (1, 2):
        day = timetable.day(group_id, 2)
        plenary = day.of_kind("plenary")[0]
        assert (plenary.start, plenary.end, plenary.site_id) == (T("14:00"), T("15:00"), 5)
        before = [s for s in day.slots if s.end <= plenary.start and s.kind == "travel"]
        assert before and before[-1].site_id == 5  # the group travels to the venue
        assert plenary.late_by == 0


def test_a_day_that_opens_with_the_leg_to_a_fixed_item_leaves_early_enough_for_it():
    """Lateness is measured against the item's own time: the group sets off before
    day_start (08:30) to reach an 08:35 opening across town, and is not late."""
    plan = day_plan()
    plan = plan.with_items("plenaries", [Plenary(1, "开班式", 2, 5, "opening", T("08:35"), T("09:30"))])
    plan = plan.with_items("lodgings", [Lodging(1, 1, 1, 4)])  # slept at the village, far away
    day = schedule_day(plan, 1, 2)
    plenary = day.of_kind("plenary")[0]
    travel = day.slots[0]
    assert travel.site_id == 5 and travel.start < T("08:30")
    assert travel.end + 10 == T("08:35") and plenary.late_by == 0
    assert not [f for f in check(plan) if f.code in ("late-arrival", "before-day-window") and f.day == 2]


def test_a_group_that_cannot_make_a_plenary_in_time_is_late_by_the_minutes_it_lacks():
    """A session pinned before the plenary keeps the group until 08:30: the leg across
    town then cannot fit before 08:35."""
    plan = day_plan()
    plan = plan.with_items("plenaries", [Plenary(1, "开班式", 2, 5, "opening", T("08:35"), T("09:30"))])
    plan = plan.with_items("lodgings", [Lodging(1, 1, 1, 4)])
    plan = plan.with_items("sessions", [Session(9, 1, 4, 2, 0, T("08:00"), T("08:30"), pinned=True)])
    day = schedule_day(plan, 1, 2)
    plenary = day.of_kind("plenary")[0]
    travel = [s for s in day.slots if s.kind == "travel"][0]
    assert travel.start == T("08:30") and travel.site_id == 5
    assert plenary.late_by == travel.end + 10 - T("08:35") > 0


def test_a_pinned_session_without_a_time_keeps_flowing_after_retiming():
    """乙 is pinned but has no time yet: it flows, and neither ``retime`` nor
    ``timing_edits`` (applied after every edit) gives it the time it flowed to, which
    would fix it there. The unpinned ones get theirs."""
    plan = day_plan()
    plan = plan.with_items("sessions", [replace(s, pinned=True) if s.id == 2 else s for s in plan.sessions])
    edits = timing_edits(plan)
    assert sorted(e.id for e in edits) == [1, 3]
    retimed = retime(plan)
    assert (retimed.get("sessions", 2).start, retimed.get("sessions", 2).end) == (None, None)
    assert retimed.get("sessions", 1).start is not None
    assert schedule(retimed) == schedule(plan)
    # lengthening 甲 moves 乙 on: it is still flowing
    longer = retimed.with_items("sessions", [replace(s, minutes=150) if s.id == 1 else s for s in retimed.sessions])
    before, after = schedule_day(retimed, 1, 2), schedule_day(longer, 1, 2)
    slot = {s.item_id: s for s in before.of_kind("session")}[2]
    assert {s.item_id: s for s in after.of_kind("session")}[2].start == slot.start + 60


def test_the_route_order_is_day_then_position_then_id_never_the_stored_time():
    """Two sessions share a position: the route is by id, whatever times they store (a
    flowing session's stored time follows the route, so it cannot decide it)."""
    plan = day_plan()
    plan = plan.with_items("sessions", [
        replace(s, position=0, start=T("15:00") if s.id == 1 else None) if s.id in (1, 2) else s
        for s in plan.sessions
    ])
    assert [s.id for s in plan.sessions_of(1, 2)] == [1, 2, 3]
    assert [s.id for s in retime(plan).sessions_of(1, 2)] == [1, 2, 3]


def test_a_group_waiting_for_a_site_that_opens_after_lunch_lunches_in_the_wait():
    """Hand-minimised from test_an_edit_retimes_only_what_follows_it: no hotel last night
    (the group is nowhere until its first item), 工厂 opens at 13:26, a 5-minute session is
    pinned at the hotel 13:51–13:56. With the programme's 30 minutes 工厂 does not fit
    before it: the group lunches in the wait (12:00–13:30 at the hotel), then the pinned
    session, then 工厂. Shortened to 20 minutes it fits (13:30–13:50, a minute's walk back):
    the group used to idle all morning, skip lunch and eat at 13:56 — the edit removed the
    lunch before it. It lunches in the wait for the opening hour instead."""
    plan = Plan(
        Programme("午餐在等待中", date(2025, 3, 3), 1, day_start=T("07:00"), stop_minutes=0, session_minutes=30),
        (Group(1, "第1组"),),
        sites=(Site(1, "宾馆", kind="hotel", lon=119.0, lat=29.0),
               Site(2, "工厂", opens=T("13:26"), lon=119.0, lat=29.0)),  # same point: a 1-minute walk
        sessions=(Session(1, 1, 1, 1, position=0, pinned=True, start=T("13:51"), end=T("13:56")),
                  Session(2, 1, 2, 1, position=0)),
    )

    def timeline(plan):
        return [(s.kind, s.start, s.end, s.site_id) for s in schedule_day(plan, 1, 1).slots]

    assert timeline(plan) == [
        ("lunch", T("12:00"), T("13:30"), 1), ("session", T("13:51"), T("13:56"), 1),
        ("travel", T("13:56"), T("13:57"), 2), ("session", T("14:00"), T("14:30"), 2),
    ]
    shorter = plan.with_items("sessions", [replace(s, minutes=20) if s.id == 2 else s for s in plan.sessions])
    assert timeline(shorter) == [
        ("lunch", T("12:00"), T("13:30"), 2), ("session", T("13:30"), T("13:50"), 2),
        ("travel", T("13:50"), T("13:51"), 1), ("session", T("13:51"), T("13:56"), 1),
    ]


def arrival_plan(to_lunch: int, back: int = 15, pinned_at: str | None = None) -> Plan:
    """One day (08:30 start, lunch 12:00–13:30, 10-minute stop): the hotel, 甲 09:10–11:40,
    ``to_lunch`` minutes' drive to 乙 (reached at 11:40 + ``to_lunch``, after lunch time:
    the group lunches there), 乙 for 200 minutes (or pinned at ``pinned_at`` for an hour),
    ``back`` minutes back to the hotel, dinner (18:00–19:00)."""
    yi = Session(2, 1, 3, 1, position=1, minutes=200)
    if pinned_at is not None:
        yi = replace(yi, pinned=True, start=T(pinned_at), end=T(pinned_at) + 60)
    return Plan(
        Programme("整点用餐", date(2025, 3, 3), 1),
        (Group(1, "第1组"),),
        sites=(Site(1, "宾馆", kind="hotel", lon=120.0, lat=30.0), Site(2, "甲", lon=120.1, lat=30.0),
               Site(3, "乙", lon=120.5, lat=30.0)),
        sessions=(Session(1, 1, 2, 1, position=0, minutes=150), yi),
        legs=(Leg(1, 1, 1, 2, manual_minutes=30), Leg(2, 1, 2, 3, manual_minutes=to_lunch),
              Leg(3, 1, 3, 1, manual_minutes=back)),
        lodgings=(Lodging(1, 1, 0, 1), Lodging(2, 1, 1, 1)),
    )


def meals(plan: Plan) -> list[tuple[str, int, int]]:
    return [(s.kind, s.start, s.end) for s in schedule_day(plan, 1, 1).slots if s.kind in ("session", "lunch", "dinner")]


def test_a_meal_after_an_arrival_at_an_odd_minute_starts_on_the_five_minutes():
    """At 乙 at 12:47 (and back at the hotel at 18:07): lunch 12:50–14:20 (not 12:47–14:17,
    which looks machine-made on a printed timetable), dinner 18:10, as sessions round up."""
    assert meals(arrival_plan(to_lunch=67, back=17)) == [
        ("session", T("09:10"), T("11:40")),
        ("lunch", T("12:50"), T("14:20")), ("session", T("14:30"), T("17:50")),
        ("dinner", T("18:10"), T("19:10")),
    ]


def test_a_meal_after_an_arrival_on_the_five_minutes_starts_on_arrival():
    """The control: at 乙 at 12:45 and back at 18:05, the meals start then; a group free
    before the meal time eats at it (lunch at 12:00 when 乙 is reached at 11:53)."""
    assert meals(arrival_plan(to_lunch=65, back=20)) == [
        ("session", T("09:10"), T("11:40")),
        ("lunch", T("12:45"), T("14:15")), ("session", T("14:25"), T("17:45")),
        ("dinner", T("18:05"), T("19:05")),
    ]
    assert meals(arrival_plan(to_lunch=13, back=2))[1:] == [
        ("lunch", T("12:00"), T("13:30")), ("session", T("13:40"), T("17:00")),
        ("dinner", T("18:00"), T("19:00")),
    ]


def test_a_lunch_cut_short_before_a_pinned_item_starts_on_the_five_minutes_and_ends_in_time():
    """At 乙 at 12:47 with 乙 pinned at 14:00: lunch 12:50–13:50 (the stop before 14:00);
    pinned at 13:30 it is 12:50–13:20, 30 minutes, and the short-lunch check says so."""
    assert meals(arrival_plan(to_lunch=67, pinned_at="14:00"))[1:3] == [
        ("lunch", T("12:50"), T("13:50")), ("session", T("14:00"), T("15:00")),
    ]
    plan = arrival_plan(to_lunch=67, pinned_at="13:30")
    assert meals(plan)[1:3] == [("lunch", T("12:50"), T("13:20")), ("session", T("13:30"), T("14:30"))]
    assert schedule_day(plan, 1, 1).of_kind("session")[1].late_by == 0
    assert [f.code for f in check(plan) if f.code == "short-lunch"] == ["short-lunch"]
    assert not [f for f in check(arrival_plan(to_lunch=67, pinned_at="14:00")) if f.code == "short-lunch"]
