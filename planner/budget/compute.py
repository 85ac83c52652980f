"""The budget of a plan: its costs line by line, totalled by the standard's items, per
trainee-day, against the cap for its class and length.

Quantities come from the plan itself: rooms from the rooming list (``planner.roster.lists``)
times nights, people times days for meals, each group's days on the bus, its sessions at
sites that charge a teaching fee, the lecturers' 学时, and the lines entered by hand.
What is not priced is left out (the checks say so), never guessed.

Under the 综合定额: 住宿费, 伙食费, 场地、资料、交通费 (the groups' vehicles), 其他费用
(现场教学费). 师资费 (lecturers) is accounted apart, as the standard does (第十条).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby

from planner.budget.labels import CAPPED_ITEMS, ITEM_NAMES, LECTURER_LEVEL_NAMES, UNITS
from planner.budget.people import group_people, trainees
from planner.budget.standard import ClassRates, Standard, plan_standard
from planner.model import COST_ITEMS, Plan
from planner.roles import role
from planner.roster.rooms import pair_rooms
from planner.schedule import Timetable, schedule


@dataclass(frozen=True)
class CostLine:
    item: str  # COST_ITEMS
    name: str
    unit_price: float  # 元
    quantity: float
    unit: str  # 间·晚, 人·天…
    amount: float  # 元
    cap: str = ""  # the standard's limit for this line, as printed ("≤500 元/学时")
    refs: tuple[tuple[str, int], ...] = ()

    def to_json(self) -> dict:
        return {"item": self.item, "name": self.name, "unit_price": self.unit_price, "quantity": self.quantity,
                "unit": self.unit, "amount": self.amount,
                "refs": [{"kind": kind, "id": item_id} for kind, item_id in self.refs]}


@dataclass(frozen=True)
class ItemTotal:
    item: str
    amount: float
    rate: float | None = None  # the standard's 元 per trainee-day for this item
    cap: float | None = None  # rate × trainees × days (beyond 30 days at the reduced share)
    status: str = ""  # of the rate: 已核实, 待核实, 方案自定

    @property
    def over(self) -> float:
        return round(self.amount - self.cap, 2) if self.cap is not None and self.amount > self.cap else 0.0


@dataclass(frozen=True)
class Budget:
    trainees: int
    people: int  # trainees and staff: who sleeps and eats
    programme_days: int
    days: int  # as the standard counts them (报到 / 撤离 beyond their allowance left out)
    arrival_days: tuple[int, ...]  # the days marked 报到
    departure_days: tuple[int, ...]  # the days marked 撤离
    training_class: int | None
    standard: Standard | None
    rates: ClassRates | None
    lines: tuple[CostLine, ...]
    by_item: dict[str, ItemTotal]
    total: float  # under the 综合定额 (师资费 apart)
    cap_total: float | None
    cap_per_person_day: float | None  # the class's rate, averaged over the days (70 % beyond 30)
    per_person_day: float | None

    @property
    def teachers(self) -> float:
        return self.by_item["teachers"].amount

    @property
    def grand_total(self) -> float:
        return round(self.total + self.teachers, 2)

    @property
    def exceeds(self) -> bool:
        return self.cap_total is not None and self.total > self.cap_total

    @property
    def over(self) -> float:
        return round(self.total - self.cap_total, 2) if self.exceeds else 0.0

    def lines_of(self, item: str) -> list[CostLine]:
        return [line for line in self.lines if line.item == item]

    def to_json(self) -> dict:
        """The ``budget --json`` document (docs/budget.md): exactly these keys."""
        by_item = {}
        for item, total in self.by_item.items():
            zh, en = ITEM_NAMES[item]
            by_item[item] = {"name": zh, "name_en": en, "amount": total.amount, "rate": total.rate,
                             "cap": total.cap, "status": total.status}
        return {
            "trainees": self.trainees,
            "days": self.days,
            "total": self.total,
            "per_person_day": self.per_person_day,
            "cap_per_person_day": self.cap_per_person_day,
            "cap_total": self.cap_total,
            "by_item": by_item,
            "exceeds": self.exceeds,
            "lines": [line.to_json() for line in self.lines],
        }


def has_costs(plan: Plan) -> bool:
    """Whether the organiser has started a budget (a class, or any price): until then the
    budget checks stay silent."""
    programme = plan.programme
    return (programme.training_class is not None or programme.meal_price is not None
            or bool(plan.budget_lines) or bool(plan.fee_caps)
            or any(l.room_price is not None for l in plan.lodgings)
            or any(g.vehicle_price is not None for g in plan.groups)
            or any(s.teaching_fee is not None for s in plan.sites)
            or any(d.meal_price is not None or d.kind for d in plan.day_settings)
            or any(x.lecture_fee is not None for x in (*plan.sessions, *plan.plenaries)))


def span_label(numbers, unit: str = "天") -> str:
    """[1, 2, 3, 5] -> '第1–3、5天'."""
    numbers = sorted(set(numbers))
    runs = []
    for _, run in groupby(enumerate(numbers), key=lambda pair: pair[1] - pair[0]):
        values = [n for _, n in run]
        runs.append(f"{values[0]}" if len(values) == 1 else f"{values[0]}–{values[-1]}")
    return f"第{'、'.join(runs)}{unit}"


def _line(item: str, name: str, unit_price: float, quantity: float, unit: str, refs=(), cap: str = "") -> CostLine:
    return CostLine(item, name, float(unit_price), quantity, unit, round(unit_price * quantity, 2), cap, tuple(refs))


def _unit(key: str) -> str:
    return UNITS[key][0]


def lodging_lines(plan: Plan) -> list[CostLine]:
    """Per group, hotel and price: the group's rooms (as the rooming list pairs them)
    times its nights there. Worked out once while the lodgings, people, groups and
    sites stay as they are (the budget is checked after every edit of a session)."""
    return list(plan.derived(("lodgings", "participants", "roles", "groups", "sites"), "lodging lines",
                             lambda: _lodging_lines(plan)))


def _lodging_lines(plan: Plan) -> list[CostLine]:
    rooms = plan.derived(("participants", "roles", "groups"), "rooms by group", lambda: {
        group_id: len(pair_rooms(plan, [p for p in people if role(plan, p.role).bed]))
        for group_id, people in group_people(plan).items()})
    order = {g.id: n for n, g in enumerate(plan.ordered_groups())}
    priced = [l for l in plan.lodgings if l.room_price is not None
              and plan.group(l.group_id) is not None and plan.site(l.site_id) is not None]
    priced.sort(key=lambda l: (order[l.group_id], l.site_id, l.room_price, l.night))
    lines = []
    for (group_id, site_id, price), stays in groupby(priced, key=lambda l: (l.group_id, l.site_id, l.room_price)):
        stays = list(stays)
        count = rooms.get(group_id, 0)
        name = f"{plan.group(group_id).name} {plan.site(site_id).name}（{span_label([l.night for l in stays], '晚')}，{count}间）"
        lines.append(_line("lodging", name, price, count * len(stays), _unit("room_night"),
                           [("lodgings", l.id) for l in stays]))
    lines.sort(key=lambda line: (order[plan.get("lodgings", line.refs[0][1]).group_id],
                                 min(plan.get("lodgings", i).night for _, i in line.refs)))
    return lines


def meal_price(plan: Plan, day: int) -> float | None:
    """元 per person on ``day``: the day's own price, else the programme's."""
    for setting in plan.day_settings:
        if setting.day == day and setting.meal_price is not None:
            return setting.meal_price
    return plan.programme.meal_price


def meal_lines(plan: Plan) -> list[CostLine]:
    """Everyone (trainees and staff) on every day of the programme, one line per price."""
    people = len(plan.participants)
    by_price: dict[float, list[int]] = {}
    for day in range(1, plan.programme.days + 1):
        price = meal_price(plan, day)
        if price is not None:
            by_price.setdefault(price, []).append(day)
    lines = []
    for price, days in sorted(by_price.items(), key=lambda pair: pair[1][0]):
        refs = [("day_settings", s.id) for s in plan.day_settings if s.day in days and s.meal_price is not None]
        lines.append(_line("meals", f"全体 {people} 人（{span_label(days)}）", price, people * len(days),
                           _unit("person_day"), refs))
    return lines


def bus_days(timetable: Timetable, group_id: int) -> list[int]:
    """The days a group is out (on the bus list): days with anything in its timetable."""
    return [day_plan.day for day_plan in timetable.of_group(group_id) if day_plan.slots]


def vehicle_lines(plan: Plan, timetable: Timetable) -> list[CostLine]:
    lines = []
    for group in plan.ordered_groups():
        days = bus_days(timetable, group.id)
        if group.vehicle_price is None or not days:
            continue
        vehicle = group.vehicle or "车辆"
        lines.append(_line("venue", f"{group.name} {vehicle}（{span_label(days)}）", group.vehicle_price, len(days),
                           _unit("vehicle_day"), [("groups", group.id)]))
    return lines


def teaching_lines(plan: Plan) -> list[CostLine]:
    """现场教学费 (其他费用, 第八条): per session at a site that charges, per visit or
    per person of the group."""
    people = group_people(plan)
    lines = []
    for group in plan.ordered_groups():
        for session in plan.sessions_of(group.id):
            site = plan.site(session.site_id)
            if site is None or site.teaching_fee is None:
                continue
            per_person = site.teaching_fee_per == "person"
            quantity = len(people.get(group.id, ())) if per_person else 1
            lines.append(_line("other", f"{group.name} {site.name}（第{session.day}天）", site.teaching_fee, quantity,
                               _unit("person" if per_person else "visit"),
                               [("sessions", session.id), ("sites", site.id)]))
    return lines


def lectures(plan: Plan) -> list[tuple[str, object]]:
    """(kind, item) of every plenary and session with a lecturer or a lecture fee, plenaries first."""
    found = [("plenaries", p) for p in sorted(plan.plenaries, key=lambda p: (p.day, p.start or 0, p.id))]
    for group in plan.ordered_groups():
        found += [("sessions", s) for s in plan.sessions_of(group.id)]
    return [(kind, x) for kind, x in found
            if x.lecturer or x.lecturer_level or x.lecture_fee is not None or x.lecture_hours is not None]


def lecture_title(plan: Plan, kind: str, item) -> str:
    if kind == "plenaries":
        return item.title
    site = plan.site(item.site_id)
    group = plan.group(item.group_id)
    return f"{group.name if group else ''} {item.title or (site.name if site else '')}".strip()


def lecturer_cap(standard: Standard | None, level: str) -> float | None:
    figure = standard.lecturers.get(level) if standard is not None else None
    return figure.amount if figure is not None else None


def lecturer_lines(plan: Plan, standard: Standard | None) -> list[CostLine]:
    lines = []
    for kind, item in lectures(plan):
        if item.lecture_fee is None or item.lecture_hours is None:
            continue
        level = LECTURER_LEVEL_NAMES.get(item.lecturer_level, ("", ""))[0]
        who = "".join(x for x in (item.lecturer, f"（{level}）" if level else "") if x)
        cap = lecturer_cap(standard, item.lecturer_level)
        lines.append(_line("teachers", f"{lecture_title(plan, kind, item)} {who}".strip(), item.lecture_fee,
                           item.lecture_hours, _unit("hour"), [(kind, item.id)],
                           f"≤{cap:,.0f}/学时" if cap is not None else ""))
    return lines


def manual_lines(plan: Plan) -> list[CostLine]:
    return [_line(line.item if line.item in COST_ITEMS else "other", line.name, line.unit_price, line.quantity,
                  line.unit, [("budget_lines", line.id)])
            for line in plan.budget_lines]


def day_kinds(plan: Plan, kind: str) -> tuple[int, ...]:
    return tuple(sorted(s.day for s in plan.day_settings if s.kind == kind and 1 <= s.day <= plan.programme.days))


def compute_budget(plan: Plan, timetable: Timetable | None = None) -> Budget:
    """The budget of ``plan`` (``timetable``: its schedule, when already worked out)."""
    timetable = timetable or schedule(plan)
    standard = plan_standard(plan)
    training_class = plan.programme.training_class
    rates = standard.classes.get(training_class) if standard is not None and training_class is not None else None
    found = [*lodging_lines(plan), *meal_lines(plan), *vehicle_lines(plan, timetable), *teaching_lines(plan),
             *lecturer_lines(plan, standard), *manual_lines(plan)]
    lines = tuple(sorted(found, key=lambda line: COST_ITEMS.index(line.item)))  # stable within an item
    count = len(trainees(plan))
    arrival, departure = day_kinds(plan, "arrival"), day_kinds(plan, "departure")
    days = plan.programme.days
    if standard is not None:
        days = standard.counted_days(days, len(arrival), len(departure))
    factor = standard.day_factor(days) if standard is not None else days
    by_item = {}
    for item in COST_ITEMS:
        amount = round(float(sum(line.amount for line in lines if line.item == item)), 2)
        figure = rates.rates.get(item) if rates is not None and item in CAPPED_ITEMS else None
        cap = round(figure.amount * count * factor, 2) if figure is not None and count else None
        by_item[item] = ItemTotal(item, amount, figure.amount if figure else None, cap, figure.status if figure else "")
    total = round(float(sum(by_item[item].amount for item in CAPPED_ITEMS)), 2)
    cap_total = round(rates.total * count * factor, 2) if rates is not None and count else None
    cap_per_person_day = (round(rates.total * factor / days, 2) if days else rates.total) if rates is not None else None
    per_person_day = round(total / (count * days), 2) if count and days else None
    return Budget(count, len(plan.participants), plan.programme.days, days, arrival, departure, training_class,
                  standard, rates, lines, by_item, total, cap_total, cap_per_person_day, per_person_day)
