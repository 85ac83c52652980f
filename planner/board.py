"""The board (日程总览 on screen): each group's day as the organiser reads it, as data.

One cell per group and day: the places of the day, the sessions and plenaries in order
with their times, the legs that get a row of their own on paper (the journey out and
back, a train, a long drive: ``documents.has_own_row``), the day's travel in all, the
night's lodging, and the findings about that day. Built from the timetable, as the
printed documents are; words (Chinese or English) are the view's business, so this
holds names and numbers only.

A day's plenaries are every group's: each cell has them in the same order, and
``BoardEntry.part`` numbers the parts of the day they divide (0 before the first
plenary, 1 the first plenary, 2 between it and the next…) so that a view can line
them up across the groups.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from planner.checks import INFO, Finding
from planner.documents import has_own_row
from planner.journey import journey
from planner.lateness import late_legs
from planner.model import Plan
from planner.schedule import Timetable


@dataclass(frozen=True)
class BoardEntry:
    """A line of a cell: a session, a plenary, or a leg with a row of its own."""

    kind: str  # "session", "plenary" or "travel"
    start: int
    end: int
    item_id: int | None  # the session's or plenary's id
    site_id: int | None  # where it happens; for travel, where it goes
    site: str
    place: str
    part: int  # the part of the day (see the module)
    title: str = ""  # the session's or plenary's own title ('' when none)
    pinned: bool = False
    late_by: int = 0  # a session or plenary: reached this late; a leg: the lateness it causes
    mode: str = ""  # travel: bus, high_speed_rail…
    journey: str = ""  # travel: "out", "back" or ""
    from_site: str = ""  # travel: where it leaves from
    from_place: str = ""

    @property
    def minutes(self) -> int:
        return self.end - self.start


@dataclass(frozen=True)
class BoardCell:
    """One group's day."""

    group_id: int
    day: int
    places: tuple[str, ...]  # the places of the day, in order
    entries: tuple[BoardEntry, ...]
    travel_minutes: int  # every leg of the day, short ones too
    lodging_id: int | None  # tonight's lodging
    hotel_site_id: int | None
    hotel: str
    needs_lodging: bool  # a night away from home with no lodging booked
    home: str  # on the day of return: the place it comes back to
    findings: tuple[Finding, ...]  # errors and warnings about this group's day

    @property
    def sessions(self) -> list[BoardEntry]:
        return [e for e in self.entries if e.kind == "session"]


@dataclass(frozen=True)
class BoardDay:
    day: int
    date: date
    plenaries: tuple[BoardEntry, ...]  # the day's shared events, in order
    cells: tuple[BoardCell, ...]  # per group, in the plan's order of groups
    findings: tuple[Finding, ...]  # about the shared events (no one group's)

    @property
    def parts(self) -> int:
        return 2 * len(self.plenaries) + 1


@dataclass(frozen=True)
class Board:
    group_ids: tuple[int, ...]
    days: tuple[BoardDay, ...]

    def cell(self, group_id: int, day: int) -> BoardCell | None:
        if group_id not in self.group_ids or not 1 <= day <= len(self.days):
            return None
        return self.days[day - 1].cells[self.group_ids.index(group_id)]


def _site_and_place(plan: Plan, site_id: int | None) -> tuple[str, str]:
    site = plan.site(site_id) if site_id is not None else None
    place = plan.place_of(site) if site is not None else None
    return (site.name if site else ""), (place.name if place else "")


def _entries(plan: Plan, timetable: Timetable, group_id: int, day: int) -> tuple[BoardEntry, ...]:
    day_plan = timetable.day(group_id, day)
    entries, part = [], 0
    late = late_legs(day_plan)
    for index, slot in enumerate(day_plan.slots if day_plan else ()):
        site, place = _site_and_place(plan, slot.site_id)
        if slot.kind == "session":
            session = plan.get("sessions", slot.item_id)
            entries.append(BoardEntry("session", slot.start, slot.end, slot.item_id, slot.site_id, site, place, part,
                                      session.title if session else "", bool(session and session.pinned),
                                      slot.late_by))
        elif slot.kind == "plenary":
            plenary = plan.get("plenaries", slot.item_id)
            entries.append(BoardEntry("plenary", slot.start, slot.end, slot.item_id, slot.site_id, site, place,
                                      part + 1, plenary.title if plenary else "", late_by=slot.late_by))
            part += 2
        elif slot.kind == "travel" and (has_own_row(slot) or index in late):  # a late leg always shows
            from_site, from_place = _site_and_place(plan, slot.from_site_id)
            entries.append(BoardEntry("travel", slot.start, slot.end, None, slot.site_id, site, place, part,
                                      late_by=late[index].late_by if index in late else 0,
                                      mode=slot.mode, journey=slot.journey, from_site=from_site,
                                      from_place=from_place))
    return tuple(entries)


def _cell(plan: Plan, timetable: Timetable, findings: list[Finding], group_id: int, day: int) -> BoardCell:
    entries = _entries(plan, timetable, group_id, day)
    day_plan = timetable.day(group_id, day)
    travel = sum(s.minutes for s in day_plan.of_kind("travel")) if day_plan else 0
    places = [e.place for e in entries if e.kind != "travel" and e.place]
    if not places:  # a day on the road: where it goes
        places = [e.place for e in entries if e.kind == "travel" and e.place]
    lodging = next((l for l in plan.lodgings if l.group_id == group_id and l.night == day), None)
    hotel, hotel_place = _site_and_place(plan, lodging.site_id) if lodging else ("", "")
    if not places and hotel_place:
        places = [hotel_place]
    trip = journey(plan, group_id)
    home = _site_and_place(plan, trip.return_site_id)[1] if trip.comes_home(day) else ""
    sessions = {e.item_id for e in entries if e.kind == "session"}
    own = tuple(f for f in findings if f.severity != INFO and f.day == day and (
        f.group_id == group_id or f.group_id is None and any(r in (("sessions", s) for s in sessions) for r in f.refs)))
    has_items = bool(plan.sessions_of(group_id)) or any(e.kind == "plenary" for e in entries)
    return BoardCell(group_id, day, tuple(dict.fromkeys(places)), entries, travel,
                     lodging.id if lodging else None, lodging.site_id if lodging else None, hotel,
                     lodging is None and day in trip.nights and has_items, home, own)


def build_board(plan: Plan, timetable: Timetable, findings: list[Finding]) -> Board:
    """The board of ``plan`` (see the module); ``findings`` as ``checks.check`` gives them."""
    groups = plan.ordered_groups()
    days = []
    for day in range(1, plan.programme.days + 1):
        cells = tuple(_cell(plan, timetable, findings, g.id, day) for g in groups)
        shared = cells[0].entries if cells else ()
        plenaries = tuple(e for e in shared if e.kind == "plenary")
        if not cells:  # no group yet: the programme's events still show
            plenaries = tuple(
                BoardEntry("plenary", p.start or 0, p.end or 0, p.id, p.site_id, *_site_and_place(plan, p.site_id),
                           2 * n + 1, p.title)
                for n, p in enumerate(sorted((p for p in plan.plenaries if p.day == day),
                                             key=lambda p: (p.start is not None, p.start or 0, p.id))))
        in_cells = {id(f) for cell in cells for f in cell.findings}
        own = tuple(f for f in findings if f.severity != INFO and f.day == day and f.group_id is None
                    and id(f) not in in_cells)
        days.append(BoardDay(day, plan.programme.date_of(day), plenaries, cells, own))
    return Board(tuple(g.id for g in groups), tuple(days))
