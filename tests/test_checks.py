"""Plan checks, one finding code at a time, on a small hand-built tour of Zhejiang.

Each test starts from ``baseline()`` (which checks completely clean), changes the one
thing that causes a finding, and asserts the finding: severity, what the messages name
in both languages, and the items ``refs`` point at. A near-identical *control* plan that
undoes that one thing (often right at the boundary) must not produce it.
"""

from __future__ import annotations

import json
from datetime import date

import pytest

from conftest import run_main
from plans import T, added, changed, dropped
from planner.checks import ERROR, INFO, SEVERITIES, WARNING, Finding, check
from planner.model import (
    DaySetting,
    Group,
    Leg,
    Lodging,
    Participant,
    Place,
    Plan,
    Plenary,
    Programme,
    Session,
    Site,
)
from planner.schedule import schedule
from planner.store import PlanFile

THEMES = ("数字经济", "乡村振兴")


def baseline() -> Plan:
    """Two groups, two days (2025-03-10 and 11), every time worked out by hand.

    第一组 (2 people; leader named on the group):
      day 1  数字园区 08:30–09:30, leg 20 min + 10 min stop, 龙井村 10:00–12:00 (a 120-minute
             visit), lunch 12:00–13:30, leg 20 min to 西湖宾馆 (13:30–13:50); night at 西湖宾馆
      day 2  leaves 西湖宾馆 at 08:30, leg 60 min + stop, 柯桥纺织企业 09:40–10:40
    第二组 (2 people; 王五 is its group leader):
      day 1  国际商贸城 08:30–09:30, leg 15 min to 义乌宾馆; night at 义乌宾馆
      day 2  leaves 义乌宾馆 at 08:30, leg 15 min + stop, 何斯路村 08:55–09:55
    Every leg on the routes has manual minutes, so no time depends on an estimate.
    """
    programme = Programme("浙江乡村振兴与数字经济专题考察", date(2025, 3, 10), 2, themes=THEMES)
    groups = (Group(1, "第一组", leader="王局长"), Group(2, "第二组", position=1))
    places = (
        Place(1, "西湖区", lon=120.15, lat=30.27),
        Place(2, "义乌市", lon=120.07, lat=29.31),
        Place(3, "柯桥区", lon=120.58, lat=30.03),
    )
    sites = (
        Site(1, "西湖宾馆", 1, "hotel", lon=120.15, lat=30.27),
        Site(2, "数字园区", 1, "park", themes=("数字经济",), lon=120.16, lat=30.28),
        Site(3, "龙井村", 1, "village", themes=("乡村振兴",), visit_minutes=120, lon=120.12, lat=30.23),
        Site(4, "义乌宾馆", 2, "hotel", lon=120.07, lat=29.31),
        Site(5, "国际商贸城", 2, "market", themes=("数字经济",), lon=120.09, lat=29.33),
        Site(6, "何斯路村", 2, "village", themes=("乡村振兴",), lon=120.03, lat=29.28),
        Site(7, "柯桥纺织企业", 3, "enterprise", lon=120.58, lat=30.03),
        Site(8, "未来科技城", 1, "park", themes=("乡村振兴",), lon=120.00, lat=30.28),  # no one goes yet
    )
    sessions = (
        Session(1, 1, 2, 1, 0),
        Session(2, 1, 3, 1, 1),
        Session(3, 1, 7, 2, 0, title="产业升级"),
        Session(4, 2, 5, 1, 0),
        Session(5, 2, 6, 2, 0),
    )
    legs = (
        Leg(1, 1, 2, 3, manual_minutes=20),
        Leg(2, 1, 3, 1, manual_minutes=20),
        Leg(3, 1, 1, 7, manual_minutes=60),
        Leg(4, 2, 5, 4, manual_minutes=15),
        Leg(5, 2, 4, 6, manual_minutes=15),
        Leg(6, 2, 4, 7, manual_minutes=90),  # off the route: 第二组 to 柯桥, kept from an earlier draft
    )
    lodgings = (Lodging(1, 1, 1, 1), Lodging(2, 2, 1, 4))
    participants = (
        Participant(1, "张三", "杭州市西湖区委", phone="13800000001", group_id=1),
        Participant(2, "李四", "杭州市西湖区政府", phone="13800000002", group_id=1),
        Participant(3, "王五", "义乌市委", phone="13800000003", group_id=2, role="group_leader"),
        Participant(4, "赵六", "义乌市政府", phone="13800000004", group_id=2),
    )
    return Plan(programme, groups, places, sites, sessions, (), legs, lodgings, participants)


def codes(plan: Plan) -> list[str]:
    """The codes of every finding about ``plan``, sorted."""
    return sorted(f.code for f in check(plan))


def findings_of(plan: Plan, code: str) -> list[Finding]:
    return [f for f in check(plan) if f.code == code]


def the_finding(plan: Plan, code: str) -> Finding:
    found = findings_of(plan, code)
    assert len(found) == 1, f"expected one {code!r} finding, got {found}"
    return found[0]


def assert_mentions(finding: Finding, *both: str, zh: tuple = (), en: tuple = ()) -> None:
    """``both`` in both messages (names), ``zh`` in the Chinese one, ``en`` in the English one."""
    for text in (*both, *zh):
        assert text in finding.message_zh, (text, finding.message_zh)
    for text in (*both, *en):
        assert text in finding.message_en, (text, finding.message_en)


def pin(plan: Plan, session_id: int, start: str, end: str) -> Plan:
    """The plan with a session pinned at ``start``–``end`` ("09:30")."""
    return changed(plan, "sessions", session_id, pinned=True, start=T(start), end=T(end))


# --- the baseline ----------------------------------------------------------------------


def test_the_baseline_is_clean():
    """The plan every other test varies has no finding at all."""
    assert check(baseline()) == []


# --- errors ----------------------------------------------------------------------------


def test_overlap():
    """第一组 pins 数字园区 08:30–09:30 and 龙井村 09:00–11:00: the two overlap (and the
    second is necessarily reached late). Control: 龙井村 pinned 10:00–12:00, when the
    group gets there (09:30 + 20-minute leg + 10-minute stop)."""
    both_pinned = pin(baseline(), 1, "08:30", "09:30")
    plan = pin(both_pinned, 2, "09:00", "11:00")
    assert codes(plan) == ["late-arrival", "overlap"]
    finding = the_finding(plan, "overlap")
    assert finding.severity == ERROR
    assert (finding.group_id, finding.day) == (1, 1)
    assert finding.refs == (("sessions", 1), ("sessions", 2))
    assert_mentions(finding, "第一组", "数字园区", "龙井村",
                    "08:30–09:30", "09:00–11:00", zh=("重叠",), en=("overlaps",))

    assert check(pin(both_pinned, 2, "10:00", "12:00")) == []


@pytest.mark.parametrize("start, late", [("07:30", 10), ("07:00", 40)])
def test_late_arrival_at_a_pinned_session(start, late):
    """第一组 may leave 西湖宾馆 for a fixed item up to two hours before the 08:30 day
    start, at 06:30; the 60-minute leg and a 10-minute stop put it at 柯桥纺织企业 at
    07:40 at the earliest, so a session pinned earlier is reached late by the difference
    (and starts before the day's window). Control: pinned at 07:40 exactly — reached in
    time by leaving early, only the early start is noted."""
    plan = pin(baseline(), 3, start, "11:00")
    assert codes(plan) == ["before-day-window", "late-arrival"]
    finding = the_finding(plan, "late-arrival")
    assert finding.severity == ERROR
    assert (finding.group_id, finding.day, finding.refs) == (1, 2, (("sessions", 3),))
    assert_mentions(finding, "第一组", "柯桥纺织企业（产业升级）", start,
                    zh=(f"迟到 {late} 分钟",), en=(f"{late} min late",))

    assert codes(pin(baseline(), 3, "07:40", "11:00")) == ["before-day-window"]


def test_a_group_leaves_early_for_a_pinned_first_session_and_is_not_late():
    """柯桥纺织企业 pinned at 09:00: 第一组 leaves 西湖宾馆 at 07:50 (before the 08:30
    day start) for the 60-minute leg and the stop — no lateness, no finding."""
    plan = pin(baseline(), 3, "09:00", "10:00")
    assert check(plan) == []
    leg = schedule(plan).day(1, 2).of_kind("travel")[0]
    assert (leg.start, leg.end) == (T("07:50"), T("08:50"))


def test_late_arrival_at_a_plenary_names_the_plenary_for_each_late_group():
    """A 开班式 at 柯桥纺织企业 at 07:30 on day 2: 第一组, leaving at 06:30 at the
    earliest, arrives 07:40 (10 min late); 第二组 comes from 义乌宾馆 on its stored
    90-minute leg, arriving 08:10 (40 min late). Control: the plenary at 08:10, which
    both groups make by leaving early."""
    def opening(start: str, end: str) -> Plan:
        return added(baseline(), "plenaries", Plenary(1, "开班式", 2, 7, "opening", T(start), T(end)))

    plan = opening("07:30", "08:30")
    found = sorted(findings_of(plan, "late-arrival"), key=lambda f: f.group_id)
    assert [(f.group_id, f.day, f.refs) for f in found] == [(1, 2, (("plenaries", 1),)), (2, 2, (("plenaries", 1),))]
    for finding, group, late in zip(found, ("第一组", "第二组"), (10, 40)):
        assert finding.severity == ERROR
        assert_mentions(finding, group, "开班式", "07:30", zh=(f"迟到 {late} 分钟",), en=(f"{late} min late",))
    assert [c for c in codes(plan) if c != "before-day-window"] == ["late-arrival", "late-arrival"]

    assert [c for c in codes(opening("08:10", "09:00")) if c != "before-day-window"] == []


def test_over_capacity():
    """数字园区 takes one visitor; 第一组 has two people. Control: it takes two."""
    plan = changed(baseline(), "sites", 2, capacity=1)
    assert codes(plan) == ["over-capacity"]
    finding = the_finding(plan, "over-capacity")
    assert finding.severity == ERROR
    assert (finding.group_id, finding.day) == (1, 1)
    assert finding.refs == (("sessions", 1), ("sites", 2))
    assert_mentions(finding, "第一组", "数字园区", zh=("最多接待 1 人", "该组有 2 人"),
                    en=("at most 1 people", "the group has 2"))

    assert check(changed(baseline(), "sites", 2, capacity=2)) == []


def second_group_at_the_digital_park(start: str, end: str) -> Plan:
    """第二组's day-1 visit moved to 数字园区 (where 第一组 is 08:30–09:30), pinned."""
    return pin(changed(baseline(), "sessions", 4, site_id=2), 4, start, end)


def test_double_booking():
    """第二组 is booked into 数字园区 09:25–10:25 while 第一组 is there until 09:30 (both
    groups also visit 西湖区/数字园区, which is only a warning)."""
    plan = second_group_at_the_digital_park("09:25", "10:25")
    assert codes(plan) == ["double-booking", "shared-place", "shared-site"]
    finding = the_finding(plan, "double-booking")
    assert finding.severity == ERROR
    assert (finding.group_id, finding.day) == (None, 1)
    assert finding.refs == (("sessions", 1), ("sessions", 4), ("sites", 2))
    assert_mentions(finding, "数字园区", "第一组", "第二组", "08:30–09:30", "09:25–10:25")


@pytest.mark.parametrize(
    "plan",
    [
        pytest.param(second_group_at_the_digital_park("09:30", "10:30"), id="arrives-as-the-other-leaves"),
        pytest.param(changed(second_group_at_the_digital_park("09:25", "10:25"), "sites", 2, capacity=4),
                     id="site-takes-both-groups"),
    ],
)
def test_double_booking_controls(plan):
    """No double booking when 第二组 comes as 第一组 leaves, or when 数字园区 takes 4 people
    (2 + 2) at once; the shared visit is still a warning."""
    assert codes(plan) == ["shared-place", "shared-site"]


def test_double_booking_is_kept_when_the_site_is_one_seat_short():
    """数字园区 takes 3 people, the two groups have 4 together: still double-booked."""
    plan = changed(second_group_at_the_digital_park("09:25", "10:25"), "sites", 2, capacity=3)
    assert "double-booking" in codes(plan) and "over-capacity" not in codes(plan)


@pytest.mark.parametrize(
    "trigger, control, hours",
    [
        pytest.param(changed(baseline(), "sites", 2, closes=T("09:00")),
                     changed(baseline(), "sites", 2, closes=T("09:30")), "…–09:00", id="closes-too-early"),
        pytest.param(pin(changed(baseline(), "sites", 2, opens=T("09:00")), 1, "08:30", "09:30"),
                     changed(baseline(), "sites", 2, opens=T("09:00")), "09:00–…", id="pinned-before-opening"),
    ],
)
def test_outside_opening_hours(trigger, control, hours):
    """第一组 is at 数字园区 08:30–09:30 but the site closes at 09:00 (control: at 09:30);
    or it opens at 09:00 and the visit is pinned at 08:30 (control: the visit is not
    pinned, so it waits for the opening)."""
    assert codes(trigger) == ["outside-opening-hours"]
    finding = the_finding(trigger, "outside-opening-hours")
    assert finding.severity == ERROR
    assert (finding.group_id, finding.day) == (1, 1)
    assert finding.refs == (("sessions", 1), ("sites", 2))
    assert_mentions(finding, "第一组", "数字园区", "08:30–09:30", hours, zh=("开放时间",), en=("opening hours",))

    assert check(control) == []


@pytest.mark.parametrize(
    "plan",
    [
        pytest.param(changed(baseline(), "lodgings", 2, night=2), id="entered-for-the-wrong-night"),
        pytest.param(dropped(baseline(), "lodgings", 2), id="missing"),
    ],
)
def test_no_lodging(plan):
    """第二组's lodging is entered for the night after the last day (which needs none), or
    is missing: it has nowhere to sleep after day 1. Control: the lodging for night 1."""
    assert codes(plan) == ["no-lodging"]
    finding = the_finding(plan, "no-lodging")
    assert finding.severity == ERROR
    assert (finding.group_id, finding.day, finding.refs) == (2, 1, (("groups", 2),))
    assert_mentions(finding, "第二组", "2025-03-10", zh=("第 1 天", "住宿"), en=("day 1", "lodging"))

    assert check(changed(baseline(), "lodgings", 2, night=1)) == []


def test_participant_in_two_groups():
    """李四 (same name and phone) is listed in 第一组 and again in 第二组. Control: a
    namesake with another phone number is a different person."""
    def with_li_si_in_group_2(phone: str) -> Plan:
        return added(baseline(), "participants", Participant(5, "李四", "义乌市商务局", phone=phone, group_id=2))

    plan = with_li_si_in_group_2("13800000002")
    assert codes(plan) == ["participant-in-two-groups"]
    finding = the_finding(plan, "participant-in-two-groups")
    assert finding.severity == ERROR
    assert finding.refs == (("participants", 2), ("participants", 5))
    assert_mentions(finding, "李四", "第一组", "第二组")

    assert check(with_li_si_in_group_2("13900000009")) == []


@pytest.mark.parametrize("day", [3, 0])
def test_day_outside_programme(day):
    """第二组's visit to 何斯路村 is put on a day the two-day programme does not have.
    Control: day 1 (a day the programme has)."""
    plan = changed(baseline(), "sessions", 5, day=day)
    assert codes(plan) == ["day-outside-programme"]
    finding = the_finding(plan, "day-outside-programme")
    assert finding.severity == ERROR
    assert (finding.group_id, finding.day, finding.refs) == (2, day, (("sessions", 5),))
    assert_mentions(finding, "第二组", "何斯路村", zh=(f"第 {day} 天", "只有 2 天"), en=(f"day {day}", "2 days"))

    assert check(changed(baseline(), "sessions", 5, day=1)) == []


# --- warnings --------------------------------------------------------------------------


def test_past_day_window():
    """Day 1 ends at 11:30; 第一组's visit to 龙井村 runs until 12:00. Control: day 1 ends
    at 12:00 (the way to the hotel after it is travel, not programme)."""
    plan = added(baseline(), "day_settings", DaySetting(1, 1, day_end=T("11:30"), lunch_start=T("12:00")))
    assert codes(plan) == ["past-day-window"]
    finding = the_finding(plan, "past-day-window")
    assert finding.severity == WARNING
    assert (finding.group_id, finding.day) == (1, 1)
    assert finding.refs == (("sessions", 2),)  # the day's last visit, 龙井村
    assert_mentions(finding, "第一组", "12:00", "11:30", zh=("30 分钟",), en=("30 min past",))

    assert check(added(baseline(), "day_settings", DaySetting(1, 1, day_end=T("12:00")))) == []


def test_before_day_window():
    """第一组 starts day 1 at 数字园区 (it has no travel to do) at a pinned 08:00, before
    the 08:30 window. Control: pinned at 08:30."""
    plan = pin(baseline(), 1, "08:00", "09:00")
    finding = the_finding(plan, "before-day-window")
    assert finding.severity == WARNING
    assert (finding.group_id, finding.day, finding.refs) == (1, 1, (("sessions", 1),))
    assert_mentions(finding, "第一组", "08:00", "08:30")

    assert check(pin(baseline(), 1, "08:30", "09:30")) == []


def test_an_early_start_with_no_leg_before_it_is_only_a_warning():
    """Pinning the day's first visit at 08:00, where the group already is, is an early
    start (a warning), not a late arrival (an error): there is no leg to be late on."""
    assert codes(pin(baseline(), 1, "08:00", "09:00")) == ["before-day-window"]


def test_short_lunch():
    """Day 1's lunch ends at 12:30: 第一组 (at lunch from 12:00) gets 30 minutes. The refs
    name the visit before it (龙井村; nothing follows but the way to the hotel) and the
    group. Control: lunch until 12:45, exactly the 45-minute minimum."""
    plan = added(baseline(), "day_settings", DaySetting(1, 1, lunch_end=T("12:30")))
    assert codes(plan) == ["short-lunch"]
    finding = the_finding(plan, "short-lunch")
    assert finding.severity == WARNING
    assert (finding.group_id, finding.day, finding.refs) == (1, 1, (("sessions", 2), ("groups", 1)))
    assert_mentions(finding, "第一组", "12:00–12:30", "45", zh=("30 分钟",), en=("30 min",))

    assert check(added(baseline(), "day_settings", DaySetting(1, 1, lunch_end=T("12:45")))) == []


@pytest.mark.parametrize("minutes, hours", [(330, "5.5"), (301, "5.0")])
def test_long_bus_leg(minutes, hours):
    """第一组's coach from 西湖宾馆 to 柯桥纺织企业 is set to take longer than five hours
    (leaving at 08:30 it also arrives after the lunch window, which is said too)."""
    plan = changed(baseline(), "legs", 3, manual_minutes=minutes)
    assert codes(plan) == ["late-lunch", "long-bus-leg"]
    finding = the_finding(plan, "long-bus-leg")
    assert finding.severity == WARNING
    assert (finding.group_id, finding.day, finding.refs) == (1, 2, (("legs", 3),))
    assert_mentions(finding, "第一组", "西湖宾馆", "柯桥纺织企业", zh=(f"约 {hours} 小时",), en=(f"about {hours} h",))


@pytest.mark.parametrize(
    "fields",
    [pytest.param({"manual_minutes": 300}, id="exactly-five-hours"),
     pytest.param({"manual_minutes": 330, "manual_mode": "high_speed_rail"}, id="by-rail")],
)
def test_long_bus_leg_controls(fields):
    """Five hours by coach is still fine, and five and a half by rail is not a bus leg
    (lunch after the long way is still late)."""
    assert codes(changed(baseline(), "legs", 3, **fields)) == ["late-lunch"]


def nanchang_instead_of_keqiao(**leg_fields) -> Plan:
    """第一组's day-2 visit is in 南昌 (over 6 hours from 杭州 by road, under 4 door to door
    by rail); the leg there has no manual minutes, so its time is estimated from the coordinates."""
    plan = added(baseline(), "places", Place(4, "南昌市", lon=115.86, lat=28.68))
    plan = changed(plan, "sites", 7, name="南昌企业", place_id=4, lon=115.86, lat=28.68)
    return changed(plan, "legs", 3, manual_minutes=None, **leg_fields)


def test_a_far_leg_left_to_the_estimate_goes_by_rail():
    """Control for the next test: the estimate sends the group by high-speed rail."""
    assert check(nanchang_instead_of_keqiao()) == []


def test_a_leg_forced_onto_the_coach_over_a_long_way_is_a_long_bus_leg():
    """The organiser sets the 南昌 leg's mode to bus without minutes: by road it takes over
    five hours, which the check should say."""
    assert "long-bus-leg" in codes(nanchang_instead_of_keqiao(manual_mode="bus"))


def test_shared_place():
    """第二组's day-2 visit goes to 未来科技城, in 西湖区 where 第一组 also goes (another
    site, so no site is shared). Control: 未来科技城 belongs to no place."""
    plan = changed(baseline(), "sessions", 5, site_id=8)
    assert codes(plan) == ["shared-place"]
    finding = the_finding(plan, "shared-place")
    assert finding.severity == WARNING
    assert (finding.group_id, finding.day) == (None, None)
    assert finding.refs == (("places", 1), ("groups", 1), ("groups", 2))
    assert_mentions(finding, "西湖区", "第一组", "第二组", zh=("多个组",), en=("several groups",))

    assert check(changed(plan, "sites", 8, place_id=None)) == []


def test_shared_site():
    """第二组's day-2 visit goes to 龙井村, which 第一组 visits on day 1 (so 西湖区 is
    shared too). Control: 未来科技城, another site in 西湖区."""
    plan = changed(baseline(), "sessions", 5, site_id=3)
    assert codes(plan) == ["shared-place", "shared-site"]
    finding = the_finding(plan, "shared-site")
    assert finding.severity == WARNING
    assert (finding.group_id, finding.day) == (None, None)
    assert finding.refs == (("sites", 3), ("groups", 1), ("groups", 2))
    assert_mentions(finding, "龙井村", "第一组", "第二组")

    assert codes(changed(baseline(), "sessions", 5, site_id=8)) == ["shared-place"]


def test_shared_visits_skip_a_place_or_site_missing_from_the_plan():
    """Both groups go to 龙井村, whose place 西湖区 has been deleted (the sites still name
    it): the shared site is reported, the missing place is not (and nothing crashes).
    第二组's other visit names a site that no longer exists: not counted either."""
    plan = dropped(changed(baseline(), "sessions", 5, site_id=3), "places", 1)
    assert codes(plan) == ["shared-site"]
    plan = added(plan, "sessions", Session(6, 1, 99, 1, 5), Session(7, 2, 99, 1, 5))
    assert "shared-site" in codes(plan)
    assert [f.refs[0] for f in findings_of(plan, "shared-site")] == [("sites", 3)]


@pytest.mark.parametrize("lon, lat", [(None, None), (120.58, None), (None, 30.03)])
def test_place_without_coordinates(lon, lat):
    """柯桥区 lacks one or both coordinates (its site has its own, so travel is still
    estimable). Control: both coordinates."""
    plan = changed(baseline(), "places", 3, lon=lon, lat=lat)
    assert codes(plan) == ["place-without-coordinates"]
    finding = the_finding(plan, "place-without-coordinates")
    assert finding.severity == WARNING
    assert finding.refs == (("places", 3),)
    assert_mentions(finding, "柯桥区", zh=("坐标",), en=("coordinates",))

    assert check(changed(baseline(), "places", 3, lon=120.58, lat=30.03)) == []


def test_site_without_coordinates():
    """柯桥纺织企业 has no coordinates and no place to borrow them from. Control: it is
    in 柯桥区, whose coordinates stand in for its own."""
    plan = changed(baseline(), "sites", 7, place_id=None, lon=None, lat=None)
    assert codes(plan) == ["site-without-coordinates"]
    finding = the_finding(plan, "site-without-coordinates")
    assert finding.severity == WARNING
    assert finding.refs == (("sites", 7),)
    assert_mentions(finding, "柯桥纺织企业", zh=("坐标",), en=("coordinates",))

    assert check(changed(baseline(), "sites", 7, place_id=3, lon=None, lat=None)) == []


@pytest.mark.parametrize(
    "plan, group_id, group",
    [
        pytest.param(changed(baseline(), "groups", 1, leader=""), 1, "第一组", id="no-leader-named"),
        pytest.param(changed(baseline(), "groups", 1, leader="  "), 1, "第一组", id="blank-leader"),
        pytest.param(changed(baseline(), "participants", 3, role="member"), 2, "第二组", id="leader-demoted"),
    ],
)
def test_group_without_leader(plan, group_id, group):
    """第一组 loses the leader named on the group, or 第二组's leading participant becomes
    a member. Control: 第一组 names no leader but 张三 is its group leader."""
    assert codes(plan) == ["group-without-leader"]
    finding = the_finding(plan, "group-without-leader")
    assert finding.severity == WARNING
    assert (finding.group_id, finding.refs) == (group_id, (("groups", group_id),))
    assert_mentions(finding, group, zh=("带队领导",), en=("no group leader",))

    control = changed(changed(baseline(), "groups", 1, leader=""), "participants", 1, role="group_leader")
    assert check(control) == []


def test_a_plan_without_participants_yet_asks_for_no_group_leader():
    """A new plan has groups before it has a roster: three 没有带队领导 warnings would be
    noise. Once someone is in the plan, a group without a leader is named again."""
    nobody = changed(baseline(), "groups", 1, leader="").with_items("participants", [])
    assert "group-without-leader" not in codes(nobody)
    assert "group-without-leader" in codes(changed(baseline(), "groups", 1, leader=""))


# --- notes -----------------------------------------------------------------------------


def test_theme_not_covered():
    """何斯路村 loses its theme, so 第二组's route no longer covers 乡村振兴. Control: the
    visit itself is on that theme."""
    plan = changed(baseline(), "sites", 6, themes=())
    assert codes(plan) == ["theme-not-covered"]
    finding = the_finding(plan, "theme-not-covered")
    assert finding.severity == INFO
    assert (finding.group_id, finding.refs) == (2, (("groups", 2),))
    assert_mentions(finding, "第二组", "乡村振兴")

    assert check(changed(plan, "sessions", 5, theme="乡村振兴")) == []


# --- the scheduler behind the checks ---------------------------------------------------


@pytest.mark.parametrize("first_visit", [200, 180], ids=["lunch-before-leaving", "lunch-on-arrival"])
def test_a_visit_that_cannot_fit_before_a_pinned_one_does_not_make_the_group_late(first_visit):
    """第一组: a long first visit at 数字园区 (to 11:50 or 11:30), then an hour at 龙井村
    and, pinned at 15:00, a talk back at 数字园区. With lunch and the legs (20 min each way),
    龙井村 does not fit before 15:00, so it should follow the talk rather than make the group
    late for it."""
    plan = changed(baseline(), "sessions", 1, minutes=first_visit)
    plan = changed(plan, "sessions", 2, minutes=60)
    plan = added(plan, "sessions", Session(6, 1, 2, 1, 2, pinned=True, start=T("15:00"), end=T("16:00"), title="座谈"))
    plan = added(plan, "legs", Leg(7, 1, 3, 2, manual_minutes=20))
    assert codes(plan) == []


def test_a_group_waiting_for_an_afternoon_visit_lunches_at_noon():
    """第一组 reaches 柯桥纺织企业 at 09:40 for a visit pinned 16:30–17:30: lunch belongs
    in the wait, and the day ends at 17:30, inside the window."""
    assert check(pin(baseline(), 3, "16:30", "17:30")) == []


def test_lunch_with_no_time_before_a_pinned_visit_comes_after_it_and_does_not_make_the_group_late():
    """第一组: 数字园区 08:30–09:15, 龙井村 09:45–11:45, then a talk back at 数字园区 pinned
    12:15 (20-minute leg and 10-minute stop: just in time). Lunch is due, but there is no
    time for it before the talk: it follows the talk instead of delaying the leg. Control:
    the talk at 12:45 leaves 12:00–12:15 for lunch, squeezed (a warning), not skipped."""
    def with_talk_at(start: str, end: str) -> Plan:
        plan = changed(baseline(), "sessions", 1, minutes=45)
        plan = added(plan, "sessions", Session(6, 1, 2, 1, 2, pinned=True, start=T(start), end=T(end), title="座谈"))
        return added(plan, "legs", Leg(7, 1, 3, 2, manual_minutes=20))

    plan = with_talk_at("12:15", "13:15")
    assert codes(plan) == []
    lunch = schedule(plan).day(1, 1).of_kind("lunch")
    assert [(l.start, l.end, l.site_id) for l in lunch] == [(T("13:15"), T("14:45"), 2)]

    squeezed = with_talk_at("12:45", "13:45")
    assert codes(squeezed) == ["short-lunch"]
    assert the_finding(squeezed, "short-lunch").refs == (("sessions", 2), ("sessions", 6), ("groups", 1))


# --- the sample plan, ordering, JSON ---------------------------------------------------


def test_the_sample_plan_has_no_errors_or_warnings(sample):
    """The bundled Hunan 2025 plan is a model case: no errors, and (currently) no warnings."""
    found = check(sample)
    assert [f.message_en for f in found if f.severity == ERROR] == []
    assert [f.message_en for f in found if f.severity == WARNING] == []


def test_errors_come_first_then_warnings_then_notes():
    """A plan whose checks find a note (themes), a warning (leader) and an error (a day the
    programme lacks) — produced in that order — lists the error first."""
    plan = changed(baseline(), "sites", 6, themes=())  # note, 第二组
    plan = changed(plan, "groups", 1, leader="")  # warning, 第一组
    plan = changed(plan, "sessions", 3, day=3)  # error, 第一组, the last check to run
    found = check(plan)
    assert [(f.severity, f.code) for f in found] == [
        (ERROR, "day-outside-programme"),
        (WARNING, "group-without-leader"),
        (INFO, "theme-not-covered"),
    ]
    ranks = [SEVERITIES.index(f.severity) for f in check(second_group_at_the_digital_park("09:25", "10:25"))]
    assert ranks == sorted(ranks)


def test_a_finding_round_trips_through_json():
    """to_json gives plain JSON that reads back into an equal Finding, refs included."""
    plan = changed(second_group_at_the_digital_park("09:25", "10:25"), "sites", 2, capacity=1)
    found = check(plan)
    assert {"double-booking", "over-capacity", "shared-site"} <= {f.code for f in found}
    for finding in found:
        data = json.loads(json.dumps(finding.to_json(), ensure_ascii=False))
        assert data == finding.to_json()
        assert all(set(ref) == {"kind", "id"} for ref in data["refs"])
        back = Finding(**{**data, "refs": tuple((ref["kind"], ref["id"]) for ref in data["refs"])})
        assert back == finding


# --- the command line ------------------------------------------------------------------


def plan_file(tmp_path, plan: Plan):
    path = tmp_path / "plan.stplan"
    PlanFile.create(path, plan).close()
    return path


def test_check_command_on_the_sample_finds_nothing(sample_path):
    result = run_main("check", sample_path)
    assert result.returncode == 0, result.stderr
    assert "未发现问题" in result.stdout


def test_check_command_exits_1_and_names_the_error(tmp_path):
    """A plan file where 第一组 is 10 minutes late at 柯桥纺织企业."""
    result = run_main("check", plan_file(tmp_path, pin(baseline(), 3, "07:30", "11:00")))
    assert result.returncode == 1, result.stderr
    assert "错误 / Errors（1）" in result.stdout
    assert "迟到 10 分钟" in result.stdout and "10 min late" in result.stdout
    assert "柯桥纺织企业" in result.stdout


def test_check_command_exits_0_with_only_warnings(tmp_path):
    """第一组 has no leader: a warning, printed, but not a failure."""
    result = run_main("check", plan_file(tmp_path, changed(baseline(), "groups", 1, leader="")))
    assert result.returncode == 0, result.stderr
    assert "警告 / Warnings（1）" in result.stdout and "第一组没有带队领导" in result.stdout
    assert "错误" not in result.stdout


def test_check_command_json_lists_the_codes(tmp_path):
    """A late arrival and a leaderless group, as JSON."""
    plan = changed(pin(baseline(), 3, "07:30", "11:00"), "groups", 2, leader="")
    plan = changed(plan, "participants", 3, role="member")
    result = run_main("check", plan_file(tmp_path, plan), "--json")
    assert result.returncode == 1, result.stderr
    data = json.loads(result.stdout)
    assert [(f["severity"], f["code"]) for f in data] == [
        (ERROR, "late-arrival"), (WARNING, "before-day-window"), (WARNING, "group-without-leader")]
    assert data[0]["refs"] == [{"kind": "sessions", "id": 3}]
    assert (data[0]["group_id"], data[0]["day"]) == (1, 2)
    assert data[2]["message_zh"] == "第二组没有带队领导"


def test_check_command_on_a_missing_file_says_so(tmp_path):
    result = run_main("check", tmp_path / "nothing.stplan")
    assert result.returncode == 1
    assert "不存在" in result.stderr and "does not exist" in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""
