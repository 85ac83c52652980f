"""What the printed documents say, as plain data built from the plan and its timetable.

Each builder returns frozen dataclasses that the HTML templates, the Excel and Word
exports and the calendar all read, so every output shows the same rows. Nothing here
knows about pages, fonts or Qt.

Phone numbers are masked (``138****5678``) or complete as the organiser chooses per
document (``masks_phones``): by default masked in documents handed to the whole
delegation (itineraries, rosters, the booklet and its contact lists, rooming lists) and
complete where the numbers are the point — the liaisons' contact list and bus lists, and
the personal itinerary, which gives its group's leaders and liaisons to call.

A long posting (a month or more in one place) would print a row or a page per day that
says the same: ``compact_days`` folds a run of days with nothing but meals at one hotel
into one row ("3月4日—5月30日（共88天）").
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from planner.labels import label
from planner.model import Plan, Site, format_clock
from planner.roles import CONTACT_ROLES, role_name, role_order
from planner.schedule import Slot, Timetable, schedule
from planner.travel import Part
from planner.travel.describe import describe
from planner.travel_legs import travel_parts

WEEKDAYS = ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日")
CHINESE_NUMERALS = "〇一二三四五六七八九十"

# Row kinds of an itinerary table (FREE: a run of days with no arrangement, folded).
SESSION, PLENARY, LUNCH, DINNER, TRAVEL, FREE = "session", "plenary", "lunch", "dinner", "travel", "free"
LONG_LEG_MINUTES = 90  # a leg this long (or by rail or air) gets a row of its own
SHOWN_LEG_MINUTES = 30  # the personal itinerary gives a bus leg this long (and each day's first) its time

# Documents that print phone numbers, and whether each masks them unless the organiser
# says otherwise (the print dialog's option, ``export --mask-phones / --no-mask-phones``).
MASKED_BY_DEFAULT = {
    "group": True, "roster": True, "booklet": True, "rooming": True,  # the whole delegation
    "participant": False,  # one person's own copy: the group's leaders and liaisons to call
    "contacts": False, "bus": False,  # the liaisons' lists
}
PHONE_DOCUMENTS = tuple(MASKED_BY_DEFAULT)


def masks_phones(document: str | None, choice: bool | None = None) -> bool:
    """Whether ``document`` prints phones masked: the organiser's ``choice`` when given,
    else the document's default (masked for anything not listed)."""
    if choice is not None:
        return choice
    return MASKED_BY_DEFAULT.get(document or "booklet", True)


def mask_phone(phone: str) -> str:
    """'13812345678' -> '138****5678'; '0571-87654321' -> '0571-****4321'.

    Keeps the first three digits (or the area code) and the last four; masks the rest.
    """
    phone = (phone or "").strip()
    digits = [c for c in phone if c.isdigit()]
    if len(digits) < 8:
        return phone
    head, sep, tail = phone.partition("-")
    if sep and head.isdigit():
        tail_digits = "".join(c for c in tail if c.isdigit())
        if len(tail_digits) > 4:
            return f"{head}-{'*' * (len(tail_digits) - 4)}{tail_digits[-4:]}"
    number = "".join(digits)
    return number[:3] + "*" * (len(number) - 7) + number[-4:]


def date_label(day_date: date) -> str:
    """'2月23日（星期日）'"""
    return f"{day_date.month}月{day_date.day}日（{WEEKDAYS[day_date.weekday()]}）"


def time_range(start: int | None, end: int | None) -> str:
    if start is None:
        return ""
    return f"{format_clock(start)}—{format_clock(end)}" if end is not None else format_clock(start)


def transport_label(mode: str, minutes: int, parts: tuple[Part, ...] = ()) -> str:
    """'大巴 约 1 小时 20 分'; by train or air with the stations: '高铁 南京南站 → 上海虹桥站 约 1 小时 30 分'."""
    return describe(mode, minutes, parts)


def has_own_row(slot: Slot) -> bool:
    """Does a leg get a row of its own in printed schedules (the journey out and back, a
    train or flight, a long drive), or only a note in the 交通 column of the next row?"""
    return bool(slot.journey) or slot.mode not in ("bus", "walk") or slot.minutes >= LONG_LEG_MINUTES


def range_label(first: date, last: date, count: int, unit: str = "天") -> str:
    """'3月4日—5月30日（共88天）': a folded run of days (or nights, ``unit`` 晚)."""
    return f"{first.month}月{first.day}日—{last.month}月{last.day}日（共{count}{unit}）"


def compact_days(days: tuple[ItineraryDay, ...] | list[ItineraryDay],
                 shortest: int = 3) -> tuple[ItineraryDay, ...]:
    """``days`` with each run of at least ``shortest`` consecutive quiet days that read
    alike (the same meals at the same hotel) folded into one: a 90-day posting prints a
    row for its 88 free days, not 88 rows."""
    def same(a: ItineraryDay, b: ItineraryDay) -> bool:
        return (a.lodging == b.lodging and
                [(r.kind, r.time, r.site) for r in a.rows] == [(r.kind, r.time, r.site) for r in b.rows])

    out: list[ItineraryDay] = []
    run: list[ItineraryDay] = []

    def flush() -> None:
        if len(run) < shortest:
            out.extend(run)
        else:
            first, last = run[0], run[-1]
            place = next((r.place for r in first.rows if r.place), "")
            row = ItineraryRow(FREE, first.day, first.rows[0].start if first.rows else 0,
                               first.rows[-1].end if first.rows else 0, "", place, first.lodging, "无集体安排")
            out.append(ItineraryDay(first.day, first.date, range_label(first.date, last.date, len(run)), (row,),
                                    first.lodging, last.day))
        run.clear()

    for day in days:
        if day.quiet and run and same(run[-1], day) and day.day == run[-1].day + 1:
            run.append(day)
            continue
        flush()
        if day.quiet:
            run.append(day)
        else:
            out.append(day)
    flush()
    return tuple(out)


def chinese_ordinal(n: int) -> str:
    if n <= 10:
        return CHINESE_NUMERALS[n]
    if n < 20:
        return "十" + (CHINESE_NUMERALS[n % 10] if n % 10 else "")
    return CHINESE_NUMERALS[n // 10] + "十" + (CHINESE_NUMERALS[n % 10] if n % 10 else "")


@dataclass(frozen=True)
class ItineraryRow:
    """One line of an itinerary table: a session, a plenary, a meal, or a leg of its own
    (the journey out and back, a long leg)."""

    kind: str  # SESSION, PLENARY, LUNCH, DINNER or TRAVEL
    day: int
    start: int
    end: int
    time: str  # '14:50—16:20'
    place: str  # 县（市、区）
    site: str  # 现场教学点
    content: str  # the session's title, the plenary, 午餐…
    theme: str = ""
    host: str = ""
    contact: str = ""  # the site's contact person and phone
    transport: str = ""  # how the group got here: '大巴约1小时6分钟'
    item_id: int | None = None
    mark: str = ""  # the footnote number of a finding about this row's time ('' when none)
    journey: str = ""  # TRAVEL rows: "out", "back" or ""
    departs: str = ""  # when the leg to this row leaves ('14:10'), for a leg without a row of its own

    def cells(self) -> list[str]:
        """The cells under ITINERARY_COLUMNS after date (lodging is per day)."""
        return [self.time, self.place, self.site, self.content, self.theme, self.host, self.contact, self.transport]


ITINERARY_COLUMNS = ("日期", "时间", "县（市、区）", "现场教学点", "内容", "教学主题", "主持/讲解", "联系人", "交通", "住宿")


@dataclass(frozen=True)
class ItineraryDay:
    day: int
    date: date
    date_label: str
    rows: tuple[ItineraryRow, ...]
    lodging: str  # tonight's hotel, '' when none
    last_day: int | None = None  # a folded run of quiet days: its last day (see compact_days)

    @property
    def days(self) -> int:
        return 1 if self.last_day is None else self.last_day - self.day + 1

    @property
    def quiet(self) -> bool:
        """Nothing but meals (the hotel's dinner): a free day of a long stay."""
        return all(r.kind in (LUNCH, DINNER, FREE) and not r.mark for r in self.rows)

    @property
    def sessions(self) -> list[ItineraryRow]:
        return [r for r in self.rows if r.kind == SESSION]


@dataclass(frozen=True)
class GroupItinerary:
    group_id: int
    name: str
    leader: str
    vehicle: str
    places: tuple[str, ...]
    days: tuple[ItineraryDay, ...]
    footnotes: tuple[tuple[str, str], ...] = ()  # (number, what a finding says) for the marked rows

    @property
    def rows(self) -> list[tuple[ItineraryDay, ItineraryRow]]:
        return [(d, r) for d in self.days for r in d.rows]

    def table(self) -> list[list[str]]:
        """Every row as the cells under ITINERARY_COLUMNS (date and lodging repeated)."""
        return [[d.date_label, *r.cells(), d.lodging] for d, r in self.rows]


@dataclass(frozen=True)
class Stop:
    """A place on a group's route where it stops (a plenary venue or a teaching site)."""

    order: int
    day: int
    site_id: int
    name: str  # the site's name
    place: str
    lon: float | None
    lat: float | None
    arrive: int
    leave: int

    @property
    def label(self) -> str:
        return f"{self.order}. {self.name}"


def _site_name(plan: Plan, site_id: int | None) -> str:
    site = plan.site(site_id) if site_id is not None else None
    return site.name if site else ""


def _place_name(plan: Plan, site: Site | None) -> str:
    place = plan.place_of(site) if site else None
    return place.name if place else ""


def _full_place_name(plan: Plan, site: Site | None) -> str:
    place = plan.place_of(site) if site else None
    if place is None:
        return ""
    return place.full_name or place.name


def _contact(site: Site | None, masked: bool) -> str:
    if site is None:
        return ""
    phone = mask_phone(site.contact_phone) if masked else site.contact_phone
    return " ".join(x for x in (site.contact_person, phone) if x)


class Documents:
    """Builds every document of one plan from one timetable (computed once)."""

    def __init__(self, plan: Plan, timetable: Timetable | None = None):
        self.plan = plan
        self.timetable = timetable or schedule(plan)
        self._itineraries: dict[tuple[int, bool], GroupItinerary] = {}
        self._findings: list | None = None

    @property
    def findings(self) -> list:
        """What ``check`` says about the plan: printed times it marks are marked on paper."""
        if self._findings is None:
            from planner.checks import check  # checks read the roster, which prints through here

            self._findings = check(self.plan, self.timetable)
        return self._findings

    def _time_findings(self, group_id: int) -> dict[tuple, list]:
        """The findings marking a time of the group's, by what they mark: ("sessions", id),
        ("plenaries", id), or (day, slot kind, start) for a meal or a leg."""
        marked: dict[tuple, list] = {}
        for finding in self.findings:
            if not finding.marks_a_time or finding.group_id not in (None, group_id):
                continue
            if finding.slot is not None:
                if finding.group_id == group_id:
                    marked.setdefault((finding.day, *finding.slot), []).append(finding)
                continue
            for ref in finding.refs:
                if ref[0] in ("sessions", "plenaries"):
                    marked.setdefault(ref, []).append(finding)
        return marked

    @property
    def title(self) -> str:
        return self.plan.programme.title

    @property
    def dates(self) -> str:
        programme = self.plan.programme
        start, end = programme.start_date, programme.end_date
        return f"{start.year}年{start.month}月{start.day}日—{end.month}月{end.day}日"

    # -- group itineraries -------------------------------------------------------

    def _row(self, slot: Slot, travel: Slot | None, masked: bool, first: bool = False) -> ItineraryRow:
        """``first``: the day's first row (when its leg leaves is when to be on the bus)."""
        plan = self.plan
        site = plan.site(slot.site_id) if slot.site_id is not None else None
        transport = self._transport(travel) if travel is not None else ""
        departs = (format_clock(travel.start) if travel is not None and travel.mode != "walk"
                   and (first or travel.minutes >= SHOWN_LEG_MINUTES) else "")
        common = dict(
            day=slot.day, start=slot.start, end=slot.end, time=time_range(slot.start, slot.end),
            place=_place_name(plan, site), site=site.name if site else "", transport=transport, departs=departs,
        )
        if slot.kind == "session":
            session = plan.get("sessions", slot.item_id)
            content = session.title or label("session_kind", session.kind)
            return ItineraryRow(SESSION, content=content, theme=session.theme, host=session.host,
                                contact=_contact(site, masked), item_id=session.id, **common)
        if slot.kind == "plenary":
            plenary = plan.get("plenaries", slot.item_id)
            return ItineraryRow(PLENARY, content=plenary.title or label("plenary_kind", plenary.kind),
                                host=plenary.host, contact=_contact(site, masked), item_id=plenary.id, **common)
        content = "午餐" if slot.kind == "lunch" else "晚餐、入住"
        return ItineraryRow(LUNCH if slot.kind == "lunch" else DINNER, content=content, **common)

    def _travel_row(self, slot: Slot) -> ItineraryRow:
        """A leg with a row of its own: where from and to, how and how long."""
        plan = self.plan
        start, end = plan.site(slot.from_site_id), plan.site(slot.site_id)
        to_place = _place_name(plan, end) or _site_name(plan, slot.site_id)
        how = label("leg_mode", slot.mode)
        content = {"out": f"出发：乘{how}前往{to_place}", "back": f"返程：乘{how}返回{to_place}"}.get(
            slot.journey, f"转场：乘{how}前往{to_place}")
        places = " → ".join(x for x in (_place_name(plan, start), _place_name(plan, end)) if x)
        return ItineraryRow(TRAVEL, slot.day, slot.start, slot.end, time_range(slot.start, slot.end), places,
                            f"{_site_name(plan, slot.from_site_id)} → {_site_name(plan, slot.site_id)}", content,
                            transport=self._transport(slot), journey=slot.journey)

    def _transport(self, travel: Slot) -> str:
        """How a leg reads: its mode and time, and by train or air its stations or airports."""
        parts = travel_parts(self.plan, travel.from_site_id, travel.site_id, travel.mode)
        return transport_label(travel.mode, travel.minutes, parts)

    def group_itinerary(self, group_id: int, masked: bool = True) -> GroupItinerary:
        key = (group_id, masked)
        if key in self._itineraries:
            return self._itineraries[key]
        plan = self.plan
        group = plan.group(group_id)
        if group is None:
            raise KeyError(group_id)
        marked = self._time_findings(group_id)
        footnotes: dict[str, str] = {}  # what a finding says -> its number

        def mark(found: list) -> str:
            numbers = []
            for finding in found:
                footnotes.setdefault(finding.message_zh, str(len(footnotes) + 1))
                numbers.append(footnotes[finding.message_zh])
            return ",".join(dict.fromkeys(numbers))

        days = []
        for day_plan in self.timetable.of_group(group_id):
            rows, travel = [], None
            for slot in day_plan.slots:
                if slot.kind == "travel":
                    if has_own_row(slot):
                        rows.append(replace(self._travel_row(slot),
                                            mark=mark(marked.get((slot.day, "travel", slot.start), []))))
                        travel = None
                    else:
                        travel = slot
                    continue
                row = self._row(slot, travel, masked, first=not rows)
                if slot.kind in ("session", "plenary"):
                    found = marked.get(("sessions" if slot.kind == "session" else "plenaries", slot.item_id), [])
                    found = [f for f in found if f.day in (None, slot.day)]
                else:
                    found = marked.get((slot.day, slot.kind, slot.start), [])
                if travel is not None:
                    found = found + marked.get((slot.day, "travel", travel.start), [])
                rows.append(replace(row, mark=mark(found)))
                travel = None
            if not rows:
                continue
            day_date = plan.programme.date_of(day_plan.day)
            days.append(ItineraryDay(day_plan.day, day_date, date_label(day_date), tuple(rows),
                                     _site_name(plan, day_plan.end_site_id) if day_plan.of_kind("dinner") else ""))
        itinerary = GroupItinerary(group.id, group.name, group.leader, group.vehicle,
                                   tuple(p.name for p in plan.route_places(group_id)), tuple(days),
                                   tuple((number, text) for text, number in footnotes.items()))
        self._itineraries[key] = itinerary
        return itinerary

    def itineraries(self, masked: bool = True) -> list[GroupItinerary]:
        return [self.group_itinerary(g.id, masked) for g in self.plan.ordered_groups()]

    def printed_itinerary(self, group_id: int, masked: bool = True) -> GroupItinerary:
        """The itinerary as printed: runs of quiet days folded (``compact_days``)."""
        itinerary = self.group_itinerary(group_id, masked)
        return replace(itinerary, days=compact_days(itinerary.days))

    # -- route stops ---------------------------------------------------------------

    def stops(self, group_id: int) -> list[Stop]:
        """The group's stops in order: home (where it leaves from and comes back to),
        plenary venues and teaching sites (a site visited twice in a row is one stop)."""
        plan, stops = self.plan, []
        for day_plan in self.timetable.of_group(group_id):
            for slot in day_plan.slots:
                if slot.kind == "travel" and slot.journey:
                    home = slot.from_site_id if slot.journey == "out" else slot.site_id
                    at = slot.start if slot.journey == "out" else slot.end
                    slot = replace(slot, site_id=home, start=at, end=at)
                elif slot.kind not in ("session", "plenary") or slot.site_id is None:
                    continue
                if stops and stops[-1].site_id == slot.site_id and stops[-1].day == slot.day:
                    last = stops[-1]
                    stops[-1] = Stop(last.order, last.day, last.site_id, last.name, last.place,
                                     last.lon, last.lat, last.arrive, slot.end)
                    continue
                site = plan.site(slot.site_id)
                lon, lat = site.lon, site.lat
                if lon is None or lat is None:
                    place = plan.place_of(site)
                    if place is not None and place.has_coordinates:
                        lon, lat = place.lon, place.lat
                stops.append(Stop(len(stops) + 1, slot.day, site.id, site.name, _full_place_name(plan, site),
                                  lon, lat, slot.start, slot.end))
        return stops

    # -- programme overview ------------------------------------------------------

    def overview(self) -> "Overview":
        plan = self.plan
        groups = plan.ordered_groups()
        itineraries = self.itineraries()
        days = []
        for day in range(1, plan.programme.days + 1):
            plenaries = sorted(
                (p for p in plan.plenaries if p.day == day),
                key=lambda p: (p.start if p.start is not None else -1, p.id),
            )
            per_group = {}
            for itinerary in itineraries:
                found = [d for d in itinerary.days if d.day == day]
                per_group[itinerary.group_id] = found[0] if found else None
            blocks: list[OverviewBlock] = []
            bounds = [p.start if p.start is not None else -1 for p in plenaries] + [10**6]
            cursor = -1
            for index, limit in enumerate(bounds):
                cells = []
                for group in groups:
                    group_day = per_group.get(group.id)
                    entries = []
                    for row in group_day.rows if group_day else ():
                        if (row.kind == SESSION or row.journey) and cursor <= row.start < limit:
                            entries.append(OverviewEntry(row.time, row.place, row.site, row.content, row.theme,
                                                         row.transport if row.journey else "", row.start))
                    cells.append(tuple(entries))
                blocks += [OverviewBlock(None, half) for half in _half_days(cells)]
                if index < len(plenaries):
                    plenary = plenaries[index]
                    site = plan.site(plenary.site_id) if plenary.site_id else None
                    blocks.append(OverviewBlock(OverviewEntry(
                        time_range(plenary.start, plenary.end), _place_name(plan, site),
                        site.name if site else "", plenary.title, "", start=plenary.start or 0,
                    ), ()))
                    cursor = plenary.end if plenary.end is not None else limit
            lodgings = tuple((per_group[g.id].lodging if per_group.get(g.id) else "") for g in groups)
            day_date = plan.programme.date_of(day)
            days.append(OverviewDay(day, day_date, date_label(day_date), tuple(blocks), lodgings))
        return Overview(self.title, plan.programme.organiser, self.dates,
                        tuple(g.name for g in groups),
                        tuple(" → ".join(it.places) for it in itineraries), _folded(days))

    # -- people ------------------------------------------------------------------

    def roster(self, group_id: int, masked: bool = True) -> "Roster":
        group = self.plan.group(group_id)
        if group is None:
            raise KeyError(group_id)
        order = role_order(self.plan)
        people = sorted(
            (p for p in self.plan.participants if p.group_id == group_id),
            key=lambda p: (order.get(p.role, len(order)), p.id),
        )
        rows = tuple(
            RosterRow(i, p.id, p.name, label("gender", p.gender), p.unit, p.title,
                      role_name(self.plan, p.role), mask_phone(p.phone) if masked else p.phone)
            for i, p in enumerate(people, 1)
        )
        return Roster(group.id, group.name, group.leader, group.vehicle, rows)

    def rosters(self, masked: bool = True) -> list["Roster"]:
        return [self.roster(g.id, masked) for g in self.plan.ordered_groups()]

    def unassigned(self) -> list:
        return [p for p in self.plan.participants if p.group_id is None]

    def personal(self, participant_id: int, masked: bool = False) -> "PersonalItinerary":
        """One participant's itinerary, quiet days folded; the group's leaders' and
        liaisons' phones complete unless ``masked`` (a participant needs to call them)."""
        participant = self.plan.get("participants", participant_id)
        if participant is None:
            raise KeyError(participant_id)
        if participant.group_id is None or self.plan.group(participant.group_id) is None:
            raise ValueError(f"participant {participant_id} is in no group")
        itinerary = self.printed_itinerary(participant.group_id, masked)
        phone = mask_phone if masked else (lambda number: number)
        contacts = tuple((role, name, phone(number)) for role, name, number in self.staff(participant.group_id))
        return PersonalItinerary(participant.id, participant.name, participant.unit, participant.title,
                                 role_name(self.plan, participant.role), itinerary, contacts)

    def staff(self, group_id: int) -> list[tuple[str, str, str]]:
        """(role, name, phone) of the group's leaders and liaisons, leaders first."""
        order = role_order(self.plan)
        return [(role_name(self.plan, p.role), p.name, p.phone)
                for p in sorted(self.plan.participants, key=lambda p: (order.get(p.role, len(order)), p.id))
                if p.group_id == group_id and p.role in CONTACT_ROLES]

    def participant_ids(self) -> list[int]:
        """Participants with a group, in group then roster order."""
        return [row.participant_id for roster in self.rosters() for row in roster.rows]

    # -- contacts ----------------------------------------------------------------

    def contacts(self, masked: bool = False) -> "ContactList":
        """Sites and hosts per group in route order, hotels, and each group's staff —
        phone numbers complete (the liaisons' own list), or masked (``masked``: the
        copy in the booklet, which the whole delegation gets)."""
        phone = mask_phone if masked else (lambda number: number)
        plan = self.plan
        groups = []
        for group in plan.ordered_groups():
            rows, seen = [], set()
            for day in self.group_itinerary(group.id, masked=False).days:
                for row in day.rows:
                    if row.kind not in (SESSION, PLENARY):
                        continue
                    slot_site = self._row_site(row)
                    if slot_site is None or slot_site.id in seen:
                        continue
                    seen.add(slot_site.id)
                    rows.append(ContactRow(len(rows) + 1, day.date_label, slot_site.name,
                                           _place_name(plan, slot_site), slot_site.address, row.host,
                                           slot_site.contact_person, phone(slot_site.contact_phone)))
                hotel = next((l for l in plan.lodgings if l.group_id == group.id and l.night == day.day), None)
                site = plan.site(hotel.site_id) if hotel else None
                if site is not None and site.id not in seen:
                    seen.add(site.id)
                    rows.append(ContactRow(len(rows) + 1, day.date_label, site.name, _place_name(plan, site),
                                           site.address, "住宿", site.contact_person, phone(site.contact_phone)))
            staff = tuple((role, name, phone(number)) for role, name, number in self.staff(group.id))
            groups.append(GroupContacts(group.id, group.name, group.vehicle, staff, tuple(rows)))
        return ContactList(self.title, tuple(groups))

    def _row_site(self, row: ItineraryRow) -> Site | None:
        if row.kind == SESSION:
            session = self.plan.get("sessions", row.item_id)
            return self.plan.site(session.site_id) if session else None
        plenary = self.plan.get("plenaries", row.item_id)
        return self.plan.site(plenary.site_id) if plenary and plenary.site_id else None


@dataclass(frozen=True)
class OverviewEntry:
    time: str
    place: str
    site: str
    content: str
    theme: str
    transport: str = ""  # the journey out and back: '高铁约4小时51分钟'
    start: int = 0  # minutes after midnight


NOON = 12 * 60  # the overview's days are cut into morning and afternoon rows (a page may break between)


def _half_days(cells: list[tuple[OverviewEntry, ...]]) -> list[tuple[tuple[OverviewEntry, ...], ...]]:
    """Each group's entries of a block cut at noon: one row per half-day that has any."""
    halves = [tuple(tuple(e for e in cell if (e.start < NOON) == morning) for cell in cells)
              for morning in (True, False)]
    return [half for half in halves if any(half)]


@dataclass(frozen=True)
class OverviewBlock:
    """Part of a day: a plenary across all groups, or each group's sessions side by side."""

    plenary: OverviewEntry | None
    cells: tuple[tuple[OverviewEntry, ...], ...]  # per group, when not a plenary

    @property
    def half(self) -> str:
        """上午 or 下午: when the block starts."""
        starts = [self.plenary.start] if self.plenary else [e.start for cell in self.cells for e in cell]
        return "上午" if starts and min(starts) < NOON else "下午"


@dataclass(frozen=True)
class OverviewDay:
    day: int
    date: date
    date_label: str
    blocks: tuple[OverviewBlock, ...]
    lodgings: tuple[str, ...]  # per group
    last_day: int | None = None  # a folded run of days with nothing but the night's hotel


def _folded(days: list[OverviewDay], shortest: int = 3) -> tuple[OverviewDay, ...]:
    """Runs of at least ``shortest`` days on which no group has anything but a night at
    the same hotels, folded into one day (a long posting's free days)."""
    out: list[OverviewDay] = []
    run: list[OverviewDay] = []

    def flush() -> None:
        if len(run) >= shortest:
            first, last = run[0], run[-1]
            out.append(OverviewDay(first.day, first.date, range_label(first.date, last.date, len(run)), (),
                                   first.lodgings, last.day))
        else:
            out.extend(run)
        run.clear()

    for day in days:
        if not day.blocks and run and run[-1].lodgings == day.lodgings:
            run.append(day)
            continue
        flush()
        (run if not day.blocks else out).append(day)
    flush()
    return tuple(out)


@dataclass(frozen=True)
class Overview:
    title: str
    organiser: str
    dates: str
    groups: tuple[str, ...]
    routes: tuple[str, ...]  # per group, its places joined by arrows
    days: tuple[OverviewDay, ...]


@dataclass(frozen=True)
class RosterRow:
    number: int
    participant_id: int
    name: str
    gender: str
    unit: str
    title: str
    role: str
    phone: str


ROSTER_COLUMNS = ("序号", "姓名", "性别", "单位", "职务", "角色", "联系电话")


@dataclass(frozen=True)
class Roster:
    group_id: int
    name: str
    leader: str
    vehicle: str
    rows: tuple[RosterRow, ...]


@dataclass(frozen=True)
class PersonalItinerary:
    participant_id: int
    name: str
    unit: str
    title: str
    role: str
    itinerary: GroupItinerary
    contacts: tuple[tuple[str, str, str], ...]  # (role, name, phone): the group's leaders and liaisons


@dataclass(frozen=True)
class ContactRow:
    number: int
    date_label: str
    site: str
    place: str
    address: str
    host: str
    contact_person: str
    phone: str


CONTACT_COLUMNS = ("序号", "日期", "现场教学点 / 宾馆", "县（市、区）", "地址", "主持/讲解", "联系人", "联系电话")


@dataclass(frozen=True)
class GroupContacts:
    group_id: int
    name: str
    vehicle: str
    staff: tuple[tuple[str, str, str], ...]  # (role, name, phone)
    rows: tuple[ContactRow, ...]


@dataclass(frozen=True)
class ContactList:
    title: str
    groups: tuple[GroupContacts, ...]
