"""The plan's domain values, as frozen dataclasses.

Names follow the glossary in shared/reference/hunan-2025.md. Times of day are whole
minutes after midnight (``int``); days are numbered from 1 (the programme's first day).
Every item has an integer ``id`` that is unique within its kind and stable for the
life of the plan file; references between items use these ids.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields, replace
from datetime import date, timedelta
from typing import Iterable

SITE_KINDS = ("enterprise", "park", "village", "market", "venue", "hotel", "gathering", "other")
SESSION_KINDS = ("visit", "talk", "event")  # 现场教学 / 座谈 / 活动 (a 推介会, a dinner with hosts…)
PLENARY_KINDS = ("opening", "closing", "forum", "other")  # 开班式 / 结业式 / 全体
LEG_MODES = ("bus", "high_speed_rail", "flight", "walk", "other")
ROLES = ("member", "group_leader", "liaison", "observer", "journalist", "staff")  # shipped; a plan adds its own
GENDERS = ("", "male", "female")
ROOM_TYPES = ("", "single", "twin")  # '': the default (leaders single, others twin)
PLACE_KINDS = ("division", "zone")  # a county-level division, or a zone placed by hand
# Budget (经费): labels in planner.budget.labels.
TRAINING_CLASSES = (1, 2, 3)  # 一类 / 二类 / 三类 培训
COST_ITEMS = ("lodging", "meals", "venue", "other", "teachers")  # the standard's items, 师资费 last
LECTURER_LEVELS = ("", "associate", "full", "academician")  # 副高级 / 正高级 / 院士、全国知名专家
FEE_PER = ("visit", "person")  # a site's teaching fee: per visit or per person
DAY_KINDS = ("", "arrival", "departure")  # a training day, 报到 or 撤离
DEFAULT_FEE_STANDARD = "central-2016"
MEASURE_STATUSES = ("planned", "in_progress", "done", "ongoing")  # a 举措's progress; labels in planner.labels

TIME_ZONE = "Asia/Shanghai"


_CLOCK = re.compile(r"([0-9]+):([0-5][0-9])")


def parse_clock(text: str, *, max_hours: int | None = 48) -> int:
    """'08:30' -> 510 minutes after midnight. Times past midnight of the same day are
    written on, as timetables do ('25:10' is 01:10 the next morning). Raises ValueError.

    ``max_hours=None`` accepts any hour: stored plans use it, so that whatever
    ``format_clock`` wrote (a late schedule may run past 48:00) reads back."""
    match = _CLOCK.fullmatch(text.strip())
    if match is None or (max_hours is not None and int(match[1]) >= max_hours):
        raise ValueError(f"not a time of day (HH:MM): {text!r}")
    hours, minutes = match.groups()
    return int(hours) * 60 + int(minutes)


def format_clock(minutes: int | None) -> str:
    """510 -> '08:30'; None -> ''."""
    if minutes is None:
        return ""
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


@dataclass(frozen=True, slots=True)
class Programme:
    """培训班 / 考察方案: the tour as a whole."""

    title: str
    start_date: date
    days: int
    organiser: str = ""
    day_start: int = 8 * 60 + 30
    day_end: int = 18 * 60
    time_zone: str = TIME_ZONE
    themes: tuple[str, ...] = ()
    notes: str = ""
    # Scheduler defaults (a day may override the day window and lunch: DaySetting).
    lunch_start: int = 12 * 60
    lunch_end: int = 13 * 60 + 30
    dinner_start: int = 18 * 60
    dinner_end: int = 19 * 60
    session_minutes: int = 60  # a session's length when neither it nor its site says
    stop_minutes: int = 10  # getting off and on the bus at each stop
    # Door to door (a group may override each): where the groups gather to leave and
    # where they disperse (sites, e.g. a 集合地点 in the home city), on which days, when
    # they leave home (None: in time for the first fixed item, else at day_start), and
    # the latest arrival home the organiser accepts.
    origin_site_id: int | None = None
    return_site_id: int | None = None  # None: back to the origin
    departure_day: int | None = None  # None: day 1
    return_day: int | None = None  # None: the last day
    departure_time: int | None = None
    latest_return: int | None = None
    # Budget: the class of training and the fee standard it is held to; meals 元 per person-day.
    training_class: int | None = None
    fee_standard: str = DEFAULT_FEE_STANDARD
    meal_price: float | None = None
    notice: str = ""  # the training notice's text with {fields}; '' = the default (planner.documents.notice)

    def date_of(self, day: int) -> date:
        return self.start_date + timedelta(days=day - 1)

    @property
    def end_date(self) -> date:
        return self.date_of(self.days)


@dataclass(frozen=True, slots=True)
class Group:
    """组: part of the delegation travelling one route together."""

    id: int
    name: str
    colour: str = "#1f77b4"
    leader: str = ""
    vehicle: str = ""
    capacity: int | None = None  # seats on the vehicle
    position: int = 0
    themes: tuple[str, ...] = ()  # what this group studies (empty: the programme's themes)
    # The group's own journey, where it differs from the programme's (None: as the programme).
    origin_site_id: int | None = None
    return_site_id: int | None = None
    departure_day: int | None = None
    return_day: int | None = None
    departure_time: int | None = None
    vehicle_price: float | None = None  # 元 per day the group is on the bus


@dataclass(frozen=True, slots=True)
class Place:
    """县（市、区）: a county-level division, or a zone placed by hand (no division code)."""

    id: int
    name: str
    full_name: str = ""
    kind: str = "division"
    division_code: str | None = None
    lon: float | None = None
    lat: float | None = None
    note: str = ""

    @property
    def has_coordinates(self) -> bool:
        return self.lon is not None and self.lat is not None


@dataclass(frozen=True, slots=True)
class Site:
    """现场教学点: an enterprise, park, village, market, venue or hotel."""

    id: int
    name: str
    place_id: int | None = None
    kind: str = "enterprise"
    themes: tuple[str, ...] = ()
    address: str = ""
    contact_person: str = ""
    contact_phone: str = ""
    capacity: int | None = None
    opens: int | None = None
    closes: int | None = None
    visit_minutes: int | None = None
    lon: float | None = None
    lat: float | None = None
    note: str = ""
    teaching_fee: float | None = None  # 现场教学费, 元 per visit or per person (teaching_fee_per)
    teaching_fee_per: str = "visit"
    questions: str = ""  # questions to ask there, one a line (the benchmarking handbook)

    @property
    def has_coordinates(self) -> bool:
        return self.lon is not None and self.lat is not None


@dataclass(frozen=True, slots=True)
class Session:
    """现场教学 / 座谈: one group's visit or talk at a site, on a day, in route order."""

    id: int
    group_id: int
    site_id: int
    day: int
    position: int = 0  # order within the group's day
    start: int | None = None
    end: int | None = None
    title: str = ""
    kind: str = "visit"
    theme: str = ""
    host: str = ""
    pinned: bool = False
    minutes: int | None = None  # the organiser's length; else the site's usual visit length
    lecturer: str = ""  # 授课 / 讲解人, for the lecture fee (师资费)
    lecturer_level: str = ""  # LECTURER_LEVELS
    lecture_hours: float | None = None  # 学时
    lecture_fee: float | None = None  # 元 per 学时


@dataclass(frozen=True, slots=True)
class DaySetting:
    """One day's own window and lunch, overriding the programme's defaults."""

    id: int
    day: int
    day_start: int | None = None
    day_end: int | None = None
    lunch_start: int | None = None
    lunch_end: int | None = None
    note: str = ""
    kind: str = ""  # DAY_KINDS: a training day, 报到 or 撤离
    meal_price: float | None = None  # 元 per person this day; else the programme's


@dataclass(frozen=True, slots=True)
class Plenary:
    """开班式 / 结业式 / 全体: an event for all groups together."""

    id: int
    title: str
    day: int
    site_id: int | None = None
    kind: str = "other"
    start: int | None = None
    end: int | None = None
    host: str = ""
    pinned: bool = True
    theme: str = ""
    lecturer: str = ""
    lecturer_level: str = ""
    lecture_hours: float | None = None
    lecture_fee: float | None = None


@dataclass(frozen=True, slots=True)
class Leg:
    """行车 / 转场: travel of one group between two sites.

    The estimate is recomputed whenever the route changes; ``manual_mode`` and
    ``manual_minutes`` are the organiser's overrides and always win.
    """

    id: int
    group_id: int
    from_site_id: int
    to_site_id: int
    mode: str = "bus"
    distance_km: float | None = None
    minutes: int | None = None
    manual_mode: str | None = None
    manual_minutes: int | None = None
    note: str = ""

    @property
    def effective_mode(self) -> str:
        return self.manual_mode or self.mode

    @property
    def effective_minutes(self) -> int | None:
        return self.manual_minutes if self.manual_minutes is not None else self.minutes


@dataclass(frozen=True, slots=True)
class Lodging:
    """住宿: the hotel where a group spends the night after ``night`` (a day number)."""

    id: int
    group_id: int
    night: int
    site_id: int
    note: str = ""
    room_price: float | None = None  # 元 per room and night


@dataclass(frozen=True, slots=True)
class Participant:
    """学员: a member of the delegation."""

    id: int
    name: str
    unit: str = ""
    title: str = ""
    gender: str = ""
    phone: str = ""
    group_id: int | None = None
    role: str = "member"
    interests: tuple[str, ...] = ()
    ethnicity: str = ""  # 民族
    id_number: str = ""  # 身份证号: kept for the hotels, never printed in full
    note: str = ""  # 备注
    locked: bool = False  # placed in its group by hand: automatic assignment keeps it there
    group_reason: str = ""  # why the assignment put them in their group
    room_type: str = ""  # ROOM_TYPES


@dataclass(frozen=True, slots=True)
class Role:
    """A participant's role (学员, 带队领导, 观察员…): the shipped ones (``planner.roles``)
    and those the organiser adds or renames. ``code`` is what a participant's ``role``
    holds; the flags say who counts as a trainee and who needs a seat and a bed."""

    id: int
    code: str
    name: str
    name_en: str = ""
    trainee: bool = True
    seat: bool = True
    bed: bool = True
    position: int = 0


@dataclass(frozen=True, slots=True)
class BudgetLine:
    """A cost the organiser enters by hand (materials, insurance, venue…) under one of the
    standard's items (COST_ITEMS)."""

    id: int
    name: str
    item: str = "other"
    unit_price: float = 0.0  # 元
    quantity: float = 1.0
    unit: str = ""
    note: str = ""

    @property
    def amount(self) -> float:
        return round(self.unit_price * self.quantity, 2)


@dataclass(frozen=True, slots=True)
class FeeCap:
    """The organiser's own figure for one cap of the fee standard, in this plan: 元 per
    trainee-day for a class's item (lodging, meals, venue, other), or 元 per 学时 for a
    lecturer level (``training_class`` None)."""

    id: int
    item: str
    amount: float = 0.0
    training_class: int | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class Indicator:
    """对标指标: one figure of a place of the plan, or of the home place (``place_id``
    None, named by ``region``), for the benchmarking handbook."""

    id: int
    name: str  # 地区生产总值
    place_id: int | None = None
    region: str = ""  # the home place's name, when place_id is None
    unit: str = ""  # 亿元
    value: str = ""  # as given: '2345.6', or a text ('数字经济、先进制造')
    year: int | None = None
    source: str = ""  # where the figure comes from (统计公报…)
    position: int = 0  # the indicator's order in the handbook


@dataclass(frozen=True, slots=True)
class Reflection:
    """学习体会 / 考察报告: what one participant wrote after the tour."""

    id: int
    participant_id: int
    title: str = ""
    text: str = ""  # paragraphs, one a line
    source: str = ""  # the file it was imported from


@dataclass(frozen=True, slots=True)
class Measure:
    """举措: a follow-up measure taken home from the tour."""

    id: int
    text: str
    unit: str = ""  # 责任单位
    deadline: str = ""  # 完成时限, as the organiser writes it ('2025年6月底前')
    status: str = "planned"  # MEASURE_STATUSES
    site_id: int | None = None  # the site it was learnt from
    session_id: int | None = None  # or the very session
    note: str = ""
    position: int = 0


# The kinds of item a plan holds, by table name, in dependency order.
ITEM_TYPES: dict[str, type] = {
    "groups": Group,
    "places": Place,
    "sites": Site,
    "sessions": Session,
    "plenaries": Plenary,
    "legs": Leg,
    "lodgings": Lodging,
    "participants": Participant,
    "day_settings": DaySetting,
    "roles": Role,
    "budget_lines": BudgetLine,
    "fee_caps": FeeCap,
    "indicators": Indicator,
    "reflections": Reflection,
    "measures": Measure,
}


def field_names(item_type: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(item_type))


@dataclass(frozen=True, slots=True)
class Plan:
    """A whole plan: the programme and every item, each list ordered by id."""

    programme: Programme
    groups: tuple[Group, ...] = ()
    places: tuple[Place, ...] = ()
    sites: tuple[Site, ...] = ()
    sessions: tuple[Session, ...] = ()
    plenaries: tuple[Plenary, ...] = ()
    legs: tuple[Leg, ...] = ()
    lodgings: tuple[Lodging, ...] = ()
    participants: tuple[Participant, ...] = ()
    day_settings: tuple[DaySetting, ...] = ()
    roles: tuple[Role, ...] = ()
    budget_lines: tuple[BudgetLine, ...] = ()
    fee_caps: tuple[FeeCap, ...] = ()
    indicators: tuple[Indicator, ...] = ()
    reflections: tuple[Reflection, ...] = ()
    measures: tuple[Measure, ...] = ()
    # Look-up tables built on first use; init=False so that `dataclasses.replace` gives
    # each copy its own (a shared one would answer with the items of another copy).
    _index: dict = field(default_factory=dict, init=False, compare=False, repr=False)

    def items(self, kind: str) -> tuple:
        return getattr(self, kind)

    def get(self, kind: str, item_id: int):
        """The item of ``kind`` with ``item_id``, or None."""
        index = self._index.get(kind)
        if index is None:
            index = {item.id: item for item in self.items(kind)}
            self._index[kind] = index
        return index.get(item_id)

    def group(self, group_id: int) -> Group | None:
        return self.get("groups", group_id)

    def site(self, site_id: int) -> Site | None:
        return self.get("sites", site_id)

    def place(self, place_id: int | None) -> Place | None:
        return None if place_id is None else self.get("places", place_id)

    def place_of(self, site: Site) -> Place | None:
        return self.place(site.place_id)

    def ordered_groups(self) -> list[Group]:
        return sorted(self.groups, key=lambda g: (g.position, g.id))

    def sessions_of(self, group_id: int, day: int | None = None) -> list[Session]:
        """A group's sessions in route order (by day, then position)."""
        by_group = self._index.get("sessions_by_group_day")
        if by_group is None:
            by_group = {}
            ordered = sorted(self.sessions, key=lambda s: (s.day, s.position, s.id))  # not by start: times follow the order
            for session in ordered:
                by_group.setdefault(session.group_id, {}).setdefault(session.day, []).append(session)
            self._index["sessions_by_group_day"] = by_group
        days = by_group.get(group_id, {})
        if day is not None:
            return list(days.get(day, ()))
        return [s for d in sorted(days) for s in days[d]]

    def route_places(self, group_id: int) -> list[Place]:
        """The distinct places a group visits, in the order it first reaches them."""
        seen: dict[int, Place] = {}
        for session in self.sessions_of(group_id):
            site = self.site(session.site_id)
            place = self.place_of(site) if site else None
            if place is not None and place.id not in seen:
                seen[place.id] = place
        return list(seen.values())

    def _keyed(self, kind: str, key) -> dict:
        """``kind``'s items by ``key(item)`` (the first of any that share a key), built once."""
        name = f"{kind}_by_key"
        index = self._index.get(name)
        if index is None:
            index = {}
            for item in self.items(kind):
                index.setdefault(key(item), item)
            self._index[name] = index
        return index

    def leg_between(self, group_id: int, from_site_id: int, to_site_id: int) -> Leg | None:
        legs = self._keyed("legs", lambda l: (l.group_id, l.from_site_id, l.to_site_id))
        return legs.get((group_id, from_site_id, to_site_id))

    def lodging(self, group_id: int, night: int) -> Lodging | None:
        """Where the group sleeps the night after day ``night``, or None."""
        return self._keyed("lodgings", lambda l: (l.group_id, l.night)).get((group_id, night))

    def with_items(self, kind: str, items: Iterable) -> "Plan":
        """A copy with the items of ``kind`` replaced (sorted by id)."""
        return replace(self, **{kind: tuple(sorted(items, key=lambda i: i.id))})
