"""Plan checks: what is wrong with a plan, said precisely, never raised.

``check(plan)`` returns findings, each with a severity, a message in Chinese and in
English, and references to the items involved (``("sessions", 12)``…) so the app can
select them. Each check is a small function; ``CHECKS`` lists them all.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations

from planner.budget.checks import check_budget
from planner.model import Plan, format_clock
from planner.roster.seats import check_seats
from planner.schedule import DayPlan, Slot, Timetable, schedule

ERROR, WARNING, INFO = "error", "warning", "info"
SEVERITIES = (ERROR, WARNING, INFO)
SEVERITY_NAMES = {ERROR: ("错误", "Errors"), WARNING: ("警告", "Warnings"), INFO: ("提示", "Notes")}

MIN_LUNCH_MINUTES = 45
MAX_BUS_MINUTES = 5 * 60


@dataclass(frozen=True)
class Finding:
    severity: str
    code: str  # stable name of the check, e.g. "late-arrival"
    message_zh: str
    message_en: str
    refs: tuple[tuple[str, int], ...] = ()
    group_id: int | None = None
    day: int | None = None

    def to_json(self) -> dict:
        return {
            "severity": self.severity,
            "code": self.code,
            "message_zh": self.message_zh,
            "message_en": self.message_en,
            "refs": [{"kind": kind, "id": item_id} for kind, item_id in self.refs],
            "group_id": self.group_id,
            "day": self.day,
        }


class _Context:
    """What the checks share: the plan, its timetable, and names for messages."""

    def __init__(self, plan: Plan, timetable: Timetable):
        self.plan = plan
        self.timetable = timetable

    def group_name(self, group_id: int) -> str:
        group = self.plan.group(group_id)
        return group.name if group else f"#{group_id}"

    def site_name(self, site_id: int | None) -> str:
        site = self.plan.site(site_id) if site_id is not None else None
        return site.name if site else "?"

    def slot_name(self, slot: Slot) -> str:
        if slot.kind == "plenary":
            plenary = self.plan.get("plenaries", slot.item_id)
            return plenary.title if plenary else "全体活动"
        if slot.kind == "session":
            session = self.plan.get("sessions", slot.item_id)
            title = session.title if session and session.title else ""
            return f"{self.site_name(slot.site_id)}{f'（{title}）' if title else ''}"
        return {"lunch": "午餐", "dinner": "晚餐", "travel": "行车"}.get(slot.kind, slot.kind)

    def where(self, day_plan: DayPlan) -> tuple[str, str]:
        name = self.group_name(day_plan.group_id)
        return f"{name}第 {day_plan.day} 天", f"{name}, day {day_plan.day}"


def _ref(slot: Slot) -> tuple[str, int]:
    return ("plenaries" if slot.kind == "plenary" else "sessions", slot.item_id)


def _span(slot: Slot) -> str:
    return f"{format_clock(slot.start)}–{format_clock(slot.end)}"


def _items(day_plan: DayPlan) -> list[Slot]:
    return [s for s in day_plan.slots if s.kind in ("session", "plenary")]


# --- the checks ------------------------------------------------------------------------


def check_overlaps(ctx: _Context):
    """Two items of one group at the same time."""
    for day_plan in ctx.timetable.days.values():
        items = sorted(_items(day_plan), key=lambda s: (s.start, s.end))
        zh_where, en_where = ctx.where(day_plan)
        for a, b in combinations(items, 2):
            if a.start < b.end and b.start < a.end:
                yield Finding(
                    ERROR, "overlap",
                    f"{zh_where}：「{ctx.slot_name(a)}」{_span(a)} 与「{ctx.slot_name(b)}」{_span(b)} 时间重叠",
                    f"{en_where}: '{ctx.slot_name(a)}' {_span(a)} overlaps '{ctx.slot_name(b)}' {_span(b)}",
                    (_ref(a), _ref(b)), day_plan.group_id, day_plan.day,
                )


def check_late_arrivals(ctx: _Context):
    """A leg that does not fit before a fixed item: the group arrives late."""
    for day_plan in ctx.timetable.days.values():
        zh_where, en_where = ctx.where(day_plan)
        for slot in day_plan.slots:
            if slot.late_by > 0:
                yield Finding(
                    ERROR, "late-arrival",
                    f"{zh_where}：行程来不及，将迟到 {slot.late_by} 分钟到达「{ctx.slot_name(slot)}」（{format_clock(slot.start)} 开始）",
                    f"{en_where}: the leg does not fit; the group arrives {slot.late_by} min late for "
                    f"'{ctx.slot_name(slot)}' (starts {format_clock(slot.start)})",
                    (_ref(slot),), day_plan.group_id, day_plan.day,
                )


def _group_sizes(plan: Plan) -> dict[int, int]:
    sizes: dict[int, int] = defaultdict(int)
    for person in plan.participants:
        if person.group_id is not None:
            sizes[person.group_id] += 1
    return sizes


def check_site_bookings(ctx: _Context):
    """A site booked by two groups at overlapping times, or beyond its capacity."""
    plan = ctx.plan
    sizes = _group_sizes(plan)
    by_site: dict[tuple[int, int], list[Slot]] = defaultdict(list)
    for day_plan in ctx.timetable.days.values():
        for slot in day_plan.slots:
            if slot.kind == "session":
                by_site[(slot.site_id, slot.day)].append(slot)
    for (site_id, day), slots in by_site.items():
        site = plan.site(site_id)
        name = ctx.site_name(site_id)
        capacity = site.capacity if site else None
        for slot in slots:
            size = sizes.get(slot.group_id, 0)
            if capacity and size > capacity:
                group = ctx.group_name(slot.group_id)
                yield Finding(
                    ERROR, "over-capacity",
                    f"{group}第 {day} 天：「{name}」最多接待 {capacity} 人，该组有 {size} 人",
                    f"{group}, day {day}: '{name}' takes at most {capacity} people; the group has {size}",
                    (("sessions", slot.item_id), ("sites", site_id)), slot.group_id, day,
                )
        for a, b in combinations(sorted(slots, key=lambda s: s.start), 2):
            if a.group_id == b.group_id or not (a.start < b.end and b.start < a.end):
                continue
            together = sizes.get(a.group_id, 0) + sizes.get(b.group_id, 0)
            if capacity and together <= capacity:
                continue  # a big site can host both groups at once
            ga, gb = ctx.group_name(a.group_id), ctx.group_name(b.group_id)
            yield Finding(
                ERROR, "double-booking",
                f"第 {day} 天：「{name}」被{ga}（{_span(a)}）和{gb}（{_span(b)}）同时安排",
                f"Day {day}: '{name}' is booked by {ga} ({_span(a)}) and {gb} ({_span(b)}) at the same time",
                (("sessions", a.item_id), ("sessions", b.item_id), ("sites", site_id)), None, day,
            )


def check_opening_hours(ctx: _Context):
    """A session outside its site's opening hours."""
    for day_plan in ctx.timetable.days.values():
        zh_where, en_where = ctx.where(day_plan)
        for slot in day_plan.of_kind("session"):
            site = ctx.plan.site(slot.site_id)
            if site is None:
                continue
            early = site.opens is not None and slot.start < site.opens
            late = site.closes is not None and slot.end > site.closes
            if early or late:
                hours = f"{format_clock(site.opens) or '…'}–{format_clock(site.closes) or '…'}"
                yield Finding(
                    ERROR, "outside-opening-hours",
                    f"{zh_where}：「{site.name}」{_span(slot)} 不在开放时间 {hours} 内",
                    f"{en_where}: '{site.name}' {_span(slot)} is outside its opening hours {hours}",
                    (("sessions", slot.item_id), ("sites", site.id)), day_plan.group_id, day_plan.day,
                )


def check_day_window(ctx: _Context):
    """A day that starts before or runs past its window."""
    for day_plan in ctx.timetable.days.values():
        if not _items(day_plan):
            continue
        zh_where, en_where = ctx.where(day_plan)
        rules, last, first = day_plan.rules, day_plan.last, day_plan.first
        if last is not None and last > rules.day_end:
            over = last - rules.day_end
            yield Finding(
                WARNING, "past-day-window",
                f"{zh_where}：日程到 {format_clock(last)} 才结束，超出 {format_clock(rules.day_end)} 共 {over} 分钟",
                f"{en_where}: the day ends at {format_clock(last)}, {over} min past {format_clock(rules.day_end)}",
                tuple(_ref(s) for s in _items(day_plan)[-1:]), day_plan.group_id, day_plan.day,
            )
        if first is not None and first < rules.day_start:
            yield Finding(
                WARNING, "before-day-window",
                f"{zh_where}：日程 {format_clock(first)} 开始，早于 {format_clock(rules.day_start)}",
                f"{en_where}: the day starts at {format_clock(first)}, before {format_clock(rules.day_start)}",
                tuple(_ref(s) for s in _items(day_plan)[:1]), day_plan.group_id, day_plan.day,
            )


def check_lunch(ctx: _Context):
    """Lunch squeezed below 45 minutes. The refs name the items either side of it (what
    squeezes it) and the group."""
    for day_plan in ctx.timetable.days.values():
        zh_where, en_where = ctx.where(day_plan)
        slots = day_plan.slots
        for n, lunch in enumerate(slots):
            if lunch.kind != "lunch" or lunch.minutes >= MIN_LUNCH_MINUTES:
                continue
            before = [s for s in slots[:n] if s.kind in ("session", "plenary")][-1:]
            after = [s for s in slots[n + 1:] if s.kind in ("session", "plenary")][:1]
            refs = (*(_ref(s) for s in before + after), ("groups", day_plan.group_id))
            yield Finding(
                WARNING, "short-lunch",
                f"{zh_where}：午餐只有 {lunch.minutes} 分钟（{_span(lunch)}），少于 {MIN_LUNCH_MINUTES} 分钟",
                f"{en_where}: lunch is only {lunch.minutes} min ({_span(lunch)}), under {MIN_LUNCH_MINUTES} min",
                refs, day_plan.group_id, day_plan.day,
            )


def check_lodging(ctx: _Context):
    """A night without lodging (every night but the last of the programme)."""
    plan = ctx.plan
    nights = {(l.group_id, l.night) for l in plan.lodgings}
    for group in plan.ordered_groups():
        if not plan.sessions_of(group.id):
            continue
        for night in range(1, plan.programme.days):
            if (group.id, night) not in nights:
                date = plan.programme.date_of(night).isoformat()
                yield Finding(
                    ERROR, "no-lodging",
                    f"{group.name}第 {night} 天（{date}）晚上没有安排住宿",
                    f"{group.name} has no lodging for the night after day {night} ({date})",
                    (("groups", group.id),), group.id, night,
                )


def check_long_bus_legs(ctx: _Context):
    """A leg by bus longer than five hours."""
    for day_plan in ctx.timetable.days.values():
        zh_where, en_where = ctx.where(day_plan)
        for slot in day_plan.of_kind("travel"):
            if slot.mode == "bus" and slot.minutes > MAX_BUS_MINUTES:
                hours = slot.minutes / 60
                leg = ctx.plan.leg_between(slot.group_id, slot.from_site_id, slot.site_id)
                refs = (("legs", leg.id),) if leg else (("sites", slot.from_site_id), ("sites", slot.site_id))
                yield Finding(
                    WARNING, "long-bus-leg",
                    f"{zh_where}：从「{ctx.site_name(slot.from_site_id)}」到「{ctx.site_name(slot.site_id)}」"
                    f"乘大巴约 {hours:.1f} 小时，超过 5 小时，建议改乘高铁或飞机",
                    f"{en_where}: the bus from '{ctx.site_name(slot.from_site_id)}' to "
                    f"'{ctx.site_name(slot.site_id)}' takes about {hours:.1f} h, over 5 h: consider rail or a flight",
                    refs, day_plan.group_id, day_plan.day,
                )


def check_shared_visits(ctx: _Context):
    """A place or site visited by two groups (sometimes intended). A site or place that
    is not in the plan (a dangling reference) is not counted."""
    plan = ctx.plan
    site_groups: dict[int, set[int]] = defaultdict(set)
    place_groups: dict[int, set[int]] = defaultdict(set)
    for session in plan.sessions:
        site = plan.site(session.site_id)
        if site is None:
            continue
        site_groups[site.id].add(session.group_id)
        place = plan.place_of(site)
        if place is not None:
            place_groups[place.id].add(session.group_id)
    for kind, groups_of, name_of in (
        ("places", place_groups, lambda i: plan.place(i).name),
        ("sites", site_groups, ctx.site_name),
    ):
        for item_id, groups in groups_of.items():
            if len(groups) < 2:
                continue
            names = "、".join(ctx.group_name(g) for g in sorted(groups))
            what_zh, what_en = ("县（市、区）", "place") if kind == "places" else ("教学点", "site")
            yield Finding(
                WARNING, f"shared-{kind[:-1]}",
                f"{what_zh}「{name_of(item_id)}」有多个组前往：{names}",
                f"The {what_en} '{name_of(item_id)}' is visited by several groups: {', '.join(ctx.group_name(g) for g in sorted(groups))}",
                ((kind, item_id), *(("groups", g) for g in sorted(groups))),
            )


def check_coordinates(ctx: _Context):
    """A site or place without coordinates (no map marker, no travel estimate)."""
    plan = ctx.plan
    for place in plan.places:
        if not place.has_coordinates:
            yield Finding(
                WARNING, "place-without-coordinates",
                f"县（市、区）「{place.name}」没有坐标，请手动输入或在地图上点选",
                f"The place '{place.name}' has no coordinates: type them or pick them on the map",
                (("places", place.id),),
            )
    for site in plan.sites:
        place = plan.place_of(site)
        if not site.has_coordinates and not (place and place.has_coordinates):
            yield Finding(
                WARNING, "site-without-coordinates",
                f"教学点「{site.name}」及其所在地都没有坐标，行程时间无法估算",
                f"The site '{site.name}' and its place have no coordinates, so travel to it cannot be estimated",
                (("sites", site.id),),
            )


def check_people(ctx: _Context):
    """A participant in two groups; a group without a leader."""
    plan = ctx.plan
    seen: dict[tuple[str, str], list] = defaultdict(list)
    for person in plan.participants:
        key = (person.name.strip(), person.phone.strip() or person.unit.strip())
        seen[key].append(person)
    for (name, _), people in seen.items():
        groups = sorted({p.group_id for p in people if p.group_id is not None})
        if len(groups) > 1:
            names = "、".join(ctx.group_name(g) for g in groups)
            yield Finding(
                ERROR, "participant-in-two-groups",
                f"学员「{name}」同时在{names}",
                f"The participant '{name}' is in several groups: {', '.join(ctx.group_name(g) for g in groups)}",
                tuple(("participants", p.id) for p in people),
            )
    leaders = {p.group_id for p in plan.participants if p.role == "group_leader"}
    for group in plan.ordered_groups():
        if group.id not in leaders and not group.leader.strip():
            yield Finding(
                WARNING, "group-without-leader",
                f"{group.name}没有带队领导",
                f"{group.name} has no group leader",
                (("groups", group.id),), group.id,
            )


def check_themes(ctx: _Context):
    """A theme of the programme that a group's route never covers."""
    plan = ctx.plan
    themes = plan.programme.themes
    for group in plan.ordered_groups():
        covered = set()
        for session in plan.sessions_of(group.id):
            covered.add(session.theme)
            site = plan.site(session.site_id)
            covered.update(site.themes if site else ())
        for theme in themes:
            if theme not in covered:
                yield Finding(
                    INFO, "theme-not-covered",
                    f"{group.name}的线路没有涉及教学主题「{theme}」",
                    f"{group.name}'s route covers no session on the theme '{theme}'",
                    (("groups", group.id),), group.id,
                )


def check_session_days(ctx: _Context):
    """A session on a day outside the programme."""
    plan = ctx.plan
    for session in plan.sessions:
        if not 1 <= session.day <= plan.programme.days:
            group = ctx.group_name(session.group_id)
            yield Finding(
                ERROR, "day-outside-programme",
                f"{group}的「{ctx.site_name(session.site_id)}」安排在第 {session.day} 天，培训班只有 {plan.programme.days} 天",
                f"{group}: '{ctx.site_name(session.site_id)}' is on day {session.day}, but the programme has {plan.programme.days} days",
                (("sessions", session.id),), session.group_id, session.day,
            )


CHECKS = (
    check_overlaps,
    check_late_arrivals,
    check_site_bookings,
    check_opening_hours,
    check_day_window,
    check_lunch,
    check_lodging,
    check_long_bus_legs,
    check_shared_visits,
    check_coordinates,
    check_people,
    check_themes,
    check_session_days,
    check_seats,
    check_budget,
)


def check(plan: Plan, timetable: Timetable | None = None) -> list[Finding]:
    """Every finding about ``plan``, errors first."""
    ctx = _Context(plan, timetable or schedule(plan))
    findings = [finding for rule in CHECKS for finding in rule(ctx)]
    order = {severity: n for n, severity in enumerate(SEVERITIES)}
    return sorted(findings, key=lambda f: (order[f.severity], f.group_id or 0, f.day or 0))


def format_findings(findings: list[Finding]) -> str:
    """Findings grouped by severity, for the terminal."""
    if not findings:
        return "未发现问题 / No problems found."
    lines = []
    for severity in SEVERITIES:
        chosen = [f for f in findings if f.severity == severity]
        if not chosen:
            continue
        zh, en = SEVERITY_NAMES[severity]
        lines.append(f"{zh} / {en}（{len(chosen)}）")
        for finding in chosen:
            lines.append(f"  - {finding.message_zh}")
            lines.append(f"    {finding.message_en}")
        lines.append("")
    return "\n".join(lines).rstrip()
