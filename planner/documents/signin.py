"""签到表: sign-in sheets, per session (``signin``) or per day and group (``signin-day``).

Each sheet names the programme, the group, the date, the time, the site and what happens
there, then lists every participant expected — the group's, sorted as its roster
(leaders, liaisons, then members by their order in the roster) — with a blank cell to
sign in. A plenary gets one sheet per group (and one for people in no group), so every
sheet lists one group. Finance needs them to reimburse the training fee.
"""

from __future__ import annotations

from dataclasses import dataclass

from planner.documents import Documents, date_label, time_range
from planner.documents.attendees import unassigned_people
from planner.labels import label
from planner.roles import role_name

BY_SESSION, BY_DAY = "session", "day"


@dataclass(frozen=True)
class SigninRow:
    number: int
    participant_id: int
    name: str
    unit: str
    title: str
    role: str


@dataclass(frozen=True)
class SigninSheet:
    group_id: int | None
    group: str
    day: int
    date_label: str
    time: str
    site: str
    place: str
    content: str
    rows: tuple[SigninRow, ...]
    signatures: tuple[str, ...] = ("签名",)  # one blank column each: 上午 / 下午 on a day's sheet

    @property
    def heading(self) -> str:
        return f"{self.group}　{self.date_label}　{self.time}"


def _rows(docs: Documents, group_id: int | None) -> tuple[SigninRow, ...]:
    if group_id is None:
        return tuple(SigninRow(n, p.id, p.name, p.unit, p.title, role_name(docs.plan, p.role))
                     for n, p in enumerate(unassigned_people(docs), 1))
    return tuple(SigninRow(r.number, r.participant_id, r.name, r.unit, r.title, r.role)
                 for r in docs.roster(group_id).rows)


def _place(plan, site) -> str:
    place = plan.place_of(site) if site else None
    return place.name if place else ""


def signin_sheets(docs: Documents, by: str = BY_SESSION, group_id: int | None = None) -> list[SigninSheet]:
    """Every sheet, group by group (``group_id``: one group), in the timetable's order."""
    plan = docs.plan
    groups = [g for g in plan.ordered_groups() if group_id is None or g.id == group_id]
    sheets: list[SigninSheet] = []
    for group in groups:
        rows = _rows(docs, group.id)
        for day_plan in docs.timetable.of_group(group.id):
            events = [s for s in day_plan.slots if s.kind in ("session", "plenary")]
            if not events:
                continue
            day = plan.programme.date_of(day_plan.day)
            if by == BY_DAY:
                sites = []
                for slot in events:
                    site = plan.site(slot.site_id) if slot.site_id is not None else None
                    if site is not None and site.name not in sites:
                        sites.append(site.name)
                places = []
                for slot in events:
                    name = _place(plan, plan.site(slot.site_id) if slot.site_id is not None else None)
                    if name and name not in places:
                        places.append(name)
                lunch = plan.programme.lunch_start
                halves = {slot.start < lunch for slot in events}
                signatures = ("上午签到", "下午签到") if len(halves) == 2 else ("签名",)
                sheets.append(SigninSheet(group.id, group.name, day_plan.day, date_label(day),
                                          time_range(events[0].start, events[-1].end), "",
                                          "、".join(places), "、".join(sites), rows, signatures))
                continue
            for slot in events:
                site = plan.site(slot.site_id) if slot.site_id is not None else None
                if slot.kind == "session":
                    session = plan.get("sessions", slot.item_id)
                    content = session.title or label("session_kind", session.kind)
                else:
                    plenary = plan.get("plenaries", slot.item_id)
                    content = plenary.title or label("plenary_kind", plenary.kind)
                sheets.append(SigninSheet(group.id, group.name, day_plan.day, date_label(day),
                                          time_range(slot.start, slot.end), site.name if site else "",
                                          _place(plan, site), content, rows))
    unassigned = _rows(docs, None) if group_id is None else ()
    if unassigned:  # people in no group still come to the plenaries
        for plenary in sorted(plan.plenaries, key=lambda p: (p.day, p.start if p.start is not None else -1, p.id)):
            site = plan.site(plenary.site_id) if plenary.site_id is not None else None
            day = plan.programme.date_of(plenary.day)
            sheets.append(SigninSheet(None, "未分组学员", plenary.day, date_label(day),
                                      time_range(plenary.start, plenary.end), site.name if site else "",
                                      _place(plan, site), plenary.title, unassigned))
    return sheets


SIGNIN_COLUMNS = ("序号", "姓名", "单位", "职务")
SIGNIN_WIDTHS = (6, 14, 30, 14)


def signin_tables(docs: Documents, by: str = BY_SESSION, group_id: int | None = None):
    """The sheets as tables, for Excel and Word."""
    from planner.documents.table import Table

    tables = []
    for number, sheet in enumerate(signin_sheets(docs, by, group_id), 1):
        rows = [[str(r.number), r.name, r.unit, r.title, *([""] * len(sheet.signatures))] for r in sheet.rows]
        subtitle = f"{sheet.group}　{sheet.date_label}　{sheet.time}　{sheet.place}　{sheet.site}　{sheet.content}"
        tables.append(Table(f"{number} {sheet.group}{sheet.date_label.partition('（')[0]}",
                            f"{docs.title}　签到表", subtitle, (*SIGNIN_COLUMNS, *sheet.signatures),
                            (*SIGNIN_WIDTHS, *([24 if len(sheet.signatures) == 1 else 16] * len(sheet.signatures))),
                            rows, landscape=False))
    return tables
