"""iCalendar (RFC 5545): one event per session and plenary, and per leg with a row of its
own in the printed schedule (the journey out and back, trains, flights), a reminder before
each.

Times are local to Asia/Shanghai, written with TZID and the calendar's own VTIMEZONE
(China keeps no daylight saving), so phone calendars show them right anywhere.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from icalendar import Alarm, Calendar, Event, Timezone, TimezoneStandard

from planner.documents import PLENARY, SESSION, TRAVEL, Documents, GroupItinerary
from planner.documents.output import NO_GROUPS, nothing_to_export
from planner.model import TIME_ZONE
from planner.text import clean_text

PRODID = "-//StudyTourPlanner//考察方案编排//ZH"
REMINDER_MINUTES = 30


def _shanghai() -> Timezone:
    tz = Timezone()
    tz.add("tzid", TIME_ZONE)
    standard = TimezoneStandard()
    standard.add("dtstart", datetime(1970, 1, 1))
    standard.add("tzoffsetfrom", timedelta(hours=8))
    standard.add("tzoffsetto", timedelta(hours=8))
    standard.add("tzname", "CST")
    tz.add_component(standard)
    return tz


def _text(component, name: str, value) -> None:
    """Every text of the plan goes into the calendar here: RFC 5545 allows no control
    characters in a text (one from an old plan or a hand edit would make the file invalid)."""
    if isinstance(value, list):
        component.add(name, [clean_text(v) for v in value])
    else:
        component.add(name, clean_text(value, multiline=True))


def _local(docs: Documents, day: int, minutes: int) -> datetime:
    start = docs.plan.programme.date_of(day)
    return datetime(start.year, start.month, start.day) + timedelta(minutes=minutes)


def _events(docs: Documents, itinerary: GroupItinerary, stamp: datetime, tag: str) -> list[Event]:
    events = []
    for day, row in itinerary.rows:
        if row.kind not in (SESSION, PLENARY, TRAVEL):
            continue
        event = Event()
        which = row.item_id if row.item_id is not None else f"day{row.day}-{row.start}"  # a leg has no id of its own
        event.add("uid", f"{row.kind}-{which}-group-{itinerary.group_id}{tag}@study-tour-planner")
        event.add("dtstamp", stamp)
        event.add("dtstart", _local(docs, row.day, row.start), parameters={"TZID": TIME_ZONE})
        event.add("dtend", _local(docs, row.day, row.end), parameters={"TZID": TIME_ZONE})
        label = {SESSION: "现场教学", PLENARY: "全体", TRAVEL: "行程"}[row.kind]
        summary = {SESSION: f"{row.site}：{row.content}", TRAVEL: f"{row.content}（{row.place}）"}
        _text(event, "summary", summary.get(row.kind, row.content))
        _text(event, "location", f"{row.site}（{row.place}）" if row.place else row.site)
        lines = [f"{itinerary.name} · {label}", f"时间：{day.date_label} {row.time}"]
        lines += [f"{name}：{value}" for name, value in (
            ("教学主题", row.theme), ("主持/讲解", row.host), ("联系人", row.contact),
            ("交通", row.transport), ("当晚住宿", day.lodging),
        ) if value]
        _text(event, "description", "\n".join(lines))
        _text(event, "categories", [label, itinerary.name])
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        _text(alarm, "description", f"{REMINDER_MINUTES}分钟后：{row.site} {row.content}")
        alarm.add("trigger", timedelta(minutes=-REMINDER_MINUTES))
        event.add_component(alarm)
        events.append(event)
    return events


def ics_bytes(docs: Documents, group_id: int | None = None, participant_id: int | None = None,
              now: datetime | None = None) -> bytes:
    """A calendar of one group, one participant (their group's events), or every group."""
    stamp = (now or datetime.now(timezone.utc)).astimezone(timezone.utc).replace(microsecond=0)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    tag = ""
    if participant_id is not None:
        personal = docs.personal(participant_id)
        itineraries = [personal.itinerary]
        name = f"{docs.title} · {personal.name}"
        tag = f"-p{participant_id}"
    elif group_id is not None:
        itineraries = [docs.group_itinerary(group_id)]
        name = f"{docs.title} · {itineraries[0].name}"
    else:
        itineraries = docs.itineraries()
        name = docs.title
    _text(calendar, "x-wr-calname", name)
    calendar.add("x-wr-timezone", TIME_ZONE)
    calendar.add_component(_shanghai())
    events = [event for itinerary in itineraries for event in _events(docs, itinerary, stamp, tag)]
    if not events:  # an empty calendar would import into a phone without a word
        raise nothing_to_export(*(NO_GROUPS if not itineraries else
                                  ("还没有排好的现场教学或全体活动", "no sessions or plenaries are scheduled yet")))
    for event in events:
        calendar.add_component(event)
    return calendar.to_ical()
