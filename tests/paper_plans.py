"""Plans for the paper tests (issue 17): a one-person 90-day posting, and four groups
touring far apart. Built from the model, no file needed."""

from __future__ import annotations

from datetime import date

from planner.model import Group, Lodging, Participant, Place, Plan, Programme, Session, Site

POSTING_DAYS = 90


def long_posting() -> Plan:
    """One official posted to 杭州 for 90 days: reporting, a welcome talk, two visits,
    then the weekdays at the host unit with nothing collective, a summing-up at the end."""
    place = Place(1, "西湖区", "浙江省杭州市西湖区", lon=120.13, lat=30.26)
    sites = (
        Site(1, "西湖区人民政府", 1, "venue", lon=120.13, lat=30.26, contact_person="王主任",
             contact_phone="13800001111"),
        Site(2, "杭州市宾馆（示意）", 1, "hotel", lon=120.15, lat=30.27),
        Site(3, "云栖小镇", 1, "park", lon=120.10, lat=30.13),
    )
    sessions = (
        Session(1, 1, 1, 1, 0, 9 * 60, 10 * 60, "挂职报到与工作对接"),
        Session(2, 1, 3, 2, 0, 9 * 60 + 30, 11 * 60, "数字经济现场教学"),
        Session(3, 1, 1, POSTING_DAYS, 0, 9 * 60, 10 * 60 + 30, "挂职总结座谈"),
    )
    return Plan(
        Programme("2025年挂职锻炼", date(2025, 3, 1), POSTING_DAYS, organiser="湖南省委组织部"),
        (Group(1, "挂职组", "#d62728", leader="李明", vehicle="浙A·12345", capacity=5),),
        (place,), sites, sessions,
        lodgings=tuple(Lodging(n, 1, n, 2) for n in range(1, POSTING_DAYS)),
        participants=(
            Participant(1, "李明", "湘潭县人民政府", "副县长", "male", "13912345678", 1, "member", room_type="single"),
            Participant(2, "张华", "湖南省委组织部", "干部", "female", "13787654321", 1, "liaison", room_type="single"),
        ),
    )


def four_groups(sample: Plan) -> Plan:
    """The sample with a fourth group touring group 1's places a day later: four columns
    do not fit a page side by side, so the overview lists the groups under each day."""
    from dataclasses import replace

    groups = (*sample.groups, Group(4, "第四组", "#9467bd", leader="赵刚", vehicle="湘A·00004", position=3))
    start = max(s.id for s in sample.sessions)
    copies = tuple(replace(s, id=start + i + 1, group_id=4) for i, s in enumerate(
        s for s in sample.sessions if s.group_id == 1))
    lodgings = tuple(replace(l, id=1000 + l.id, group_id=4) for l in sample.lodgings if l.group_id == 1)
    return replace(sample, groups=groups, sessions=sample.sessions + copies, lodgings=sample.lodgings + lodgings)
