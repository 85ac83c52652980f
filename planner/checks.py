"""Plan checks: what is wrong with a plan, said precisely, never raised.

``check(plan)`` returns findings, each with a severity, a message in Chinese and in
English, and references to the items involved (``("sessions", 12)``…) so the app can
select them. Each check is a small function; ``CHECKS`` lists them all.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations

from planner.budget.checks import check_budget
from planner.findings import ERROR, INFO, SEVERITIES, SEVERITY_NAMES, WARNING, Finding
from planner.journey import journey
from planner.labels import duration_text
from planner.model import Plan, format_clock
from planner.points import site_point
from planner.roster.seats import check_seats
from planner.schedule import DayPlan, Slot, Timetable, schedule

MIN_LUNCH_MINUTES = 45
MAX_BUS_MINUTES = 5 * 60
LONG_DAY_ALLOWANCE = 3 * 60  # travel may stretch a day this far past its window's length


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


# --- the checks ------------------------------------------------------------------------


def check_overlaps(ctx: _Context):
    """Two items of one group at the same time."""
    for day_plan in ctx.timetable.days.values():
        items = sorted(day_plan.items(), key=lambda s: (s.start, s.end))
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
    """An item that starts before or runs past its day's window (travel to or from it may:
    see ``check_long_travel_days``)."""
    for day_plan in ctx.timetable.days.values():
        items = day_plan.items()
        if not items:
            continue
        zh_where, en_where = ctx.where(day_plan)
        rules = day_plan.rules
        first, last = min(items, key=lambda s: s.start), max(items, key=lambda s: s.end)
        if last.end > rules.day_end:
            over = last.end - rules.day_end
            yield Finding(
                WARNING, "past-day-window",
                f"{zh_where}：日程到 {format_clock(last.end)} 才结束，超出 {format_clock(rules.day_end)} 共 {over} 分钟",
                f"{en_where}: the day ends at {format_clock(last.end)}, {over} min past {format_clock(rules.day_end)}",
                (_ref(last),), day_plan.group_id, day_plan.day,
            )
        if first.start < rules.day_start:
            yield Finding(
                WARNING, "before-day-window",
                f"{zh_where}：日程 {format_clock(first.start)} 开始，早于 {format_clock(rules.day_start)}",
                f"{en_where}: the day starts at {format_clock(first.start)}, before {format_clock(rules.day_start)}",
                (_ref(first),), day_plan.group_id, day_plan.day,
            )


def check_long_travel_days(ctx: _Context):
    """A day that travel stretches well past the length of its window (an early flight
    and a full programme, a long way home after the last visit)."""
    for day_plan in ctx.timetable.days.values():
        busy = [s for s in day_plan.slots if s.kind != "dinner"]
        legs = day_plan.of_kind("travel")
        if not busy or not legs:
            continue
        rules = day_plan.rules
        start, end = busy[0].start, max(s.end for s in busy)
        travel = sum(s.minutes for s in legs)
        if end - start <= rules.day_end - rules.day_start + LONG_DAY_ALLOWANCE or travel < LONG_DAY_ALLOWANCE:
            continue
        zh_where, en_where = ctx.where(day_plan)
        longest = max(legs, key=lambda s: s.minutes)
        yield Finding(
            WARNING, "long-travel-day",
            f"{zh_where}：行程 {format_clock(start)}–{format_clock(end)}，共 {duration_text(end - start)}，"
            f"其中交通 {duration_text(travel)}，超出日程时长较多",
            f"{en_where}: the day runs {format_clock(start)}–{format_clock(end)} ({duration_text(end - start, True)}), "
            f"{duration_text(travel, True)} of it travelling: far longer than its window",
            (("groups", day_plan.group_id),), day_plan.group_id, day_plan.day, ("travel", longest.start),
        )


def check_lunch(ctx: _Context):
    """Lunch squeezed below 45 minutes, lunch after its window (a long leg over midday),
    and a full day without lunch. The refs name the items either side of it (what squeezes
    or delays it) and the group."""
    for day_plan in ctx.timetable.days.values():
        zh_where, en_where = ctx.where(day_plan)
        slots, rules = day_plan.slots, day_plan.rules
        for n, lunch in enumerate(slots):
            if lunch.kind != "lunch":
                continue
            before = [s for s in slots[:n] if s.kind in ("session", "plenary")][-1:]
            after = [s for s in slots[n + 1:] if s.kind in ("session", "plenary")][:1]
            refs = (*(_ref(s) for s in before + after), ("groups", day_plan.group_id))
            if lunch.minutes < MIN_LUNCH_MINUTES:
                yield Finding(
                    WARNING, "short-lunch",
                    f"{zh_where}：午餐只有 {lunch.minutes} 分钟（{_span(lunch)}），少于 {MIN_LUNCH_MINUTES} 分钟",
                    f"{en_where}: lunch is only {lunch.minutes} min ({_span(lunch)}), under {MIN_LUNCH_MINUTES} min",
                    refs, day_plan.group_id, day_plan.day, ("lunch", lunch.start),
                )
            if lunch.start >= rules.lunch_end:
                window = f"{format_clock(rules.lunch_start)}–{format_clock(rules.lunch_end)}"
                yield Finding(
                    WARNING, "late-lunch",
                    f"{zh_where}：午餐 {format_clock(lunch.start)} 才开始，晚于午餐时段 {window}",
                    f"{en_where}: lunch starts only at {format_clock(lunch.start)}, after the lunch window {window}",
                    refs, day_plan.group_id, day_plan.day, ("lunch", lunch.start),
                )
        items = day_plan.items()
        if items and not day_plan.of_kind("lunch") and min(s.start for s in items) < rules.lunch_start \
                and max(s.end for s in items) > rules.lunch_end:
            yield Finding(
                WARNING, "no-lunch",
                f"{zh_where}：全天日程没有安排午餐",
                f"{en_where}: a full day with no lunch",
                (("groups", day_plan.group_id),), day_plan.group_id, day_plan.day,
            )


def check_lodging(ctx: _Context):
    """A night without lodging (every night between leaving home and coming back)."""
    plan = ctx.plan
    nights = {(l.group_id, l.night) for l in plan.lodgings}
    for group in plan.ordered_groups():
        if not plan.sessions_of(group.id):
            continue
        for night in journey(plan, group.id).nights:
            if (group.id, night) not in nights:
                date = plan.programme.date_of(night).isoformat()
                yield Finding(
                    ERROR, "no-lodging",
                    f"{group.name}第 {night} 天（{date}）晚上没有安排住宿",
                    f"{group.name} has no lodging for the night after day {night} ({date})",
                    (("groups", group.id),), group.id, night,
                )


def check_journey(ctx: _Context):
    """Sessions on days the group is not away (before it leaves home, after it is back),
    and the way home arriving later than the organiser accepts."""
    plan = ctx.plan
    for group in plan.ordered_groups():
        trip = journey(plan, group.id)
        for session in plan.sessions_of(group.id):
            if 1 <= session.day <= plan.programme.days and not trip.on_tour(session.day):
                when = "出发前" if session.day < trip.departure_day else "返程后"
                yield Finding(
                    ERROR, "day-outside-trip",
                    f"{group.name}的「{ctx.site_name(session.site_id)}」安排在第 {session.day} 天，在{when}"
                    f"（第 {trip.departure_day}–{trip.return_day} 天在外）",
                    f"{group.name}: '{ctx.site_name(session.site_id)}' is on day {session.day}, "
                    f"{'before leaving' if session.day < trip.departure_day else 'after coming back'} "
                    f"(away on days {trip.departure_day}–{trip.return_day})",
                    (("sessions", session.id),), group.id, session.day,
                )
        day_plan = ctx.timetable.day(group.id, trip.return_day)
        back = [s for s in day_plan.of_kind("travel") if s.journey == "back"] if day_plan else []
        if trip.latest_return is not None and back and back[-1].end > trip.latest_return:
            slot = back[-1]
            yield Finding(
                WARNING, "late-return",
                f"{group.name}第 {slot.day} 天 {format_clock(slot.end)} 才到达「{ctx.site_name(slot.site_id)}」，"
                f"晚于 {format_clock(trip.latest_return)}",
                f"{group.name} arrives at '{ctx.site_name(slot.site_id)}' only at {format_clock(slot.end)} on day "
                f"{slot.day}, after {format_clock(trip.latest_return)}",
                (("groups", group.id),), group.id, slot.day, ("travel", slot.start),
            )


def check_leg_durations(ctx: _Context):
    """A leg with no duration: its two ends have no coordinates and the organiser gave no
    minutes, so the timetable assumes a default."""
    for day_plan in ctx.timetable.days.values():
        zh_where, en_where = ctx.where(day_plan)
        for slot in day_plan.of_kind("travel"):
            leg = ctx.plan.leg_between(slot.group_id, slot.from_site_id, slot.site_id)
            if leg is not None and leg.effective_minutes is not None:
                continue
            ends = (site_point(ctx.plan, ctx.plan.site(i)) for i in (slot.from_site_id, slot.site_id))
            if all(point is not None for point in ends):
                continue  # estimated from the coordinates
            a, b = ctx.site_name(slot.from_site_id), ctx.site_name(slot.site_id)
            refs = (("legs", leg.id),) if leg is not None else (("sites", slot.from_site_id), ("sites", slot.site_id))
            yield Finding(
                WARNING, "leg-without-duration",
                f"{zh_where}：从「{a}」到「{b}」的行程没有时长，暂按 {slot.minutes} 分钟计，请填写",
                f"{en_where}: the leg from '{a}' to '{b}' has no duration; {slot.minutes} min assumed, please fill it in",
                refs, day_plan.group_id, day_plan.day, ("travel", slot.start),
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
    """A participant in two groups; a group without a leader (once the plan has participants)."""
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
    if not plan.participants:
        return  # a new plan: nobody to lead yet (the roster comes later), so no warning per group
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
    """A theme a group studies (its own, else the programme's) that neither its route nor a
    plenary covers."""
    plan = ctx.plan
    plenary_themes = {p.theme for p in plan.plenaries if p.theme}
    for plenary in plan.plenaries:
        site = plan.site(plenary.site_id) if plenary.site_id is not None else None
        plenary_themes.update(site.themes if site else ())
    for group in plan.ordered_groups():
        covered = set(plenary_themes)
        for session in plan.sessions_of(group.id):
            covered.add(session.theme)
            site = plan.site(session.site_id)
            covered.update(site.themes if site else ())
        for theme in group.themes or plan.programme.themes:
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
    check_long_travel_days,
    check_lunch,
    check_lodging,
    check_journey,
    check_leg_durations,
    check_long_bus_legs,
    check_shared_visits,
    check_coordinates,
    check_people,
    check_themes,
    check_session_days,
    check_seats,
    check_budget,
)


# The checks that read only the timetable's days: what a new order or day of a group's
# sessions can change (the route optimiser judges its candidates with them).
DAY_CHECKS = (
    check_overlaps,
    check_late_arrivals,
    check_opening_hours,
    check_day_window,
    check_long_travel_days,
    check_lunch,
    check_leg_durations,
    check_long_bus_legs,
)


def check_days(plan: Plan, timetable: Timetable, rules=DAY_CHECKS) -> list[Finding]:
    """The findings of ``rules`` about the days ``timetable`` holds (it may hold a few)."""
    ctx = _Context(plan, timetable)
    return [finding for rule in rules for finding in rule(ctx)]


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
