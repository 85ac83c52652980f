"""Rooming lists per night and hotel, bus lists per group and day — as plain data.

Rooms: group leaders get a single room unless they asked for a twin (``room_type``);
everyone else shares a twin room with someone of the same gender and group (of the
same unit when possible); nobody shares a room with someone of the other gender, and
a person whose gender is not known gets a room of their own. Pairs are the same every
night. Bus seats: leaders in front, then liaisons, then the members by unit; a person
keeps the seat all week.

Phone numbers are masked unless ``masked=False`` (the liaisons' copies); ID numbers
are always masked.

A long posting would print a rooming list per night and a bus list per day that all say
the same: consecutive nights with the same hotel and rooms make one list ("3月4日—5月30日
入住（共88晚）"), days on which the group does not travel get no bus list, and
consecutive days with the same route and seats one.
"""

from __future__ import annotations

from dataclasses import dataclass

from dataclasses import replace

from planner.documents import date_label, mask_phone, range_label, time_range
from planner.labels import label
from planner.model import Participant, Plan
from planner.roles import CONTACT_ROLES, MEMBER, role, role_name, role_order
from planner.roster.idcard import mask_id
from planner.roster.rooms import pair_rooms
from planner.schedule import Timetable, schedule

ROOM_NAMES = {"single": "单人间", "twin": "双人间"}


@dataclass(frozen=True)
class Occupant:
    participant_id: int
    name: str
    gender: str  # 男 / 女 / ''
    group: str
    unit: str
    title: str
    role: str
    phone: str
    id_number: str  # masked


@dataclass(frozen=True)
class Room:
    number: int
    kind: str  # single / twin
    gender: str  # male / female / ''
    occupants: tuple[Occupant, ...]
    note: str = ""

    @property
    def kind_name(self) -> str:
        return ROOM_NAMES[self.kind]


@dataclass(frozen=True)
class RoomingList:
    night: int
    date_label: str
    hotel_site_id: int
    hotel: str
    address: str
    groups: tuple[str, ...]
    rooms: tuple[Room, ...]
    last_night: int | None = None  # the same hotel and rooms every night up to this one

    @property
    def nights(self) -> int:
        return 1 if self.last_night is None else self.last_night - self.night + 1

    @property
    def nights_label(self) -> str:
        """'3' or '2—89' (nights of the programme)."""
        return str(self.night) if self.last_night is None else f"{self.night}—{self.last_night}"

    @property
    def singles(self) -> int:
        return sum(1 for r in self.rooms if r.kind == "single")

    @property
    def twins(self) -> int:
        return sum(1 for r in self.rooms if r.kind == "twin")

    @property
    def people(self) -> int:
        return sum(len(r.occupants) for r in self.rooms)

    @property
    def summary(self) -> str:
        return f"共{self.people}人，单人间{self.singles}间，双人间{self.twins}间"


@dataclass(frozen=True)
class Seat:
    seat: int
    participant_id: int
    name: str
    gender: str
    unit: str
    title: str
    role: str
    phone: str


@dataclass(frozen=True)
class BusList:
    group_id: int
    group: str
    vehicle: str
    capacity: int | None
    day: int
    date_label: str
    departure: str  # the day's first time
    route: str  # the day's stops
    lodging: str
    staff: tuple[tuple[str, str, str], ...]  # (role, name, phone)
    seats: tuple[Seat, ...]
    masked: bool
    last_day: int | None = None  # the same route and seats every day up to this one

    @property
    def days_label(self) -> str:
        return str(self.day) if self.last_day is None else f"{self.day}—{self.last_day}"

    @property
    def summary(self) -> str:
        seats = f"，座位{self.capacity}个" if self.capacity is not None else ""
        return f"乘车{len(self.seats)}人{seats}"


def _occupant(plan: Plan, person: Participant, masked: bool) -> Occupant:
    group = plan.group(person.group_id) if person.group_id is not None else None
    return Occupant(person.id, person.name, label("gender", person.gender), group.name if group else "",
                    person.unit, person.title, role_name(plan, person.role),
                    mask_phone(person.phone) if masked else person.phone, mask_id(person.id_number))


def rooming_lists(plan: Plan, masked: bool = True, group_id: int | None = None) -> list[RoomingList]:
    """One list per night and hotel, for the groups lodging there that night (or only
    ``group_id``)."""
    by_group: dict[int, list[Participant]] = {}
    for person in plan.participants:
        if person.group_id is not None and role(plan, person.role).bed:
            by_group.setdefault(person.group_id, []).append(person)
    position = {g.id: n for n, g in enumerate(plan.ordered_groups())}
    paired = {group_id: pair_rooms(plan, people) for group_id, people in by_group.items()}
    stays: dict[tuple[int, int], list[int]] = {}
    for lodging in plan.lodgings:
        if group_id is not None and lodging.group_id != group_id:
            continue
        if plan.group(lodging.group_id) is not None and plan.site(lodging.site_id) is not None:
            stays.setdefault((lodging.night, lodging.site_id), []).append(lodging.group_id)
    lists = []
    for (night, site_id), group_ids in sorted(stays.items()):
        group_ids = sorted(set(group_ids), key=lambda g: position.get(g, 0))
        site = plan.site(site_id)
        rooms = []
        for group_id in group_ids:
            for kind, gender, people, note in paired.get(group_id, ()):
                occupants = tuple(_occupant(plan, p, masked) for p in people)
                rooms.append(Room(len(rooms) + 1, kind, gender, occupants, note))
        label = f"{date_label(plan.programme.date_of(night))}入住"
        lists.append(RoomingList(night, label, site_id, site.name, site.address,
                                 tuple(plan.group(g).name for g in group_ids), tuple(rooms)))
    return _fold_nights(plan, lists)


def _fold_nights(plan: Plan, lists: list[RoomingList]) -> list[RoomingList]:
    """Consecutive nights at one hotel with the same groups and rooms as one list."""
    by_hotel: dict[int, list[RoomingList]] = {}
    for rooming in lists:
        runs = by_hotel.setdefault(rooming.hotel_site_id, [])
        last = runs[-1] if runs else None
        if (last is not None and (last.last_night or last.night) + 1 == rooming.night
                and (last.groups, last.rooms) == (rooming.groups, rooming.rooms)):
            runs[-1] = replace(last, last_night=rooming.night)
        else:
            runs.append(rooming)
    folded = sorted((r for runs in by_hotel.values() for r in runs), key=lambda r: (r.night, r.hotel_site_id))
    programme = plan.programme
    return [r if r.last_night is None else replace(r, date_label=range_label(
        programme.date_of(r.night), programme.date_of(r.last_night), r.nights, "晚").replace("（", "入住（", 1))
        for r in folded]


def seat_order(plan: Plan, group_id: int) -> list[Participant]:
    """The group's people who take a seat on its vehicle, in seat order."""
    order = role_order(plan)
    people = [p for p in plan.participants if p.group_id == group_id and role(plan, p.role).seat]
    return sorted(people, key=lambda p: (order.get(p.role, len(order)), p.unit if p.role == MEMBER else "", p.id))


def bus_lists(plan: Plan, timetable: Timetable | None = None, masked: bool = False,
              group_id: int | None = None) -> list[BusList]:
    """One list per group and day the group travels; phones complete unless ``masked``."""
    timetable = timetable or schedule(plan)
    lists = []
    for group in plan.ordered_groups():
        if group_id is not None and group.id != group_id:
            continue
        people = seat_order(plan, group.id)
        seats = tuple(
            Seat(n, p.id, p.name, label("gender", p.gender), p.unit, p.title, role_name(plan, p.role),
                 mask_phone(p.phone) if masked else p.phone)
            for n, p in enumerate(people, 1)
        )
        staff = tuple((role_name(plan, p.role), p.name, mask_phone(p.phone) if masked else p.phone)
                      for p in people if p.role in CONTACT_ROLES)
        for day_plan in timetable.of_group(group.id):
            stops: list[str] = []
            start = plan.site(day_plan.start_site_id) if day_plan.start_site_id else None
            if start is not None:
                stops.append(start.name)
            for slot in day_plan.slots:
                if slot.kind in ("session", "plenary") and slot.site_id is not None:
                    site = plan.site(slot.site_id)
                    if site is not None and (not stops or stops[-1] != site.name):
                        stops.append(site.name)
            if not day_plan.of_kind("travel"):  # the bus does not move that day
                continue
            end = plan.site(day_plan.end_site_id) if day_plan.end_site_id else None
            if end is not None and (not stops or stops[-1] != end.name):
                stops.append(end.name)
            first = day_plan.slots[0]
            bus = BusList(group.id, group.name, group.vehicle, group.capacity, day_plan.day,
                          date_label(plan.programme.date_of(day_plan.day)), time_range(first.start, None),
                          " → ".join(stops), end.name if end else "", staff, seats, masked)
            last = lists[-1] if lists else None
            if (last is not None and last.group_id == group.id and (last.last_day or last.day) + 1 == bus.day
                    and (last.departure, last.route, last.lodging) == (bus.departure, bus.route, bus.lodging)):
                lists[-1] = replace(last, last_day=bus.day)  # every day alike: one list
            else:
                lists.append(bus)
    programme = plan.programme
    return [b if b.last_day is None else replace(b, date_label=range_label(
        programme.date_of(b.day), programme.date_of(b.last_day), b.last_day - b.day + 1) + "每日")
        for b in lists]
