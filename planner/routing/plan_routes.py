"""Optimise a plan's routes: candidates judged as the timetable sees them, one Batch edit.

Manual order is the default; ``propose_optimisation`` is the explicit action, on a
group, a day, or the whole programme. For each group in scope it searches the order and
the days of the group's sessions (``planner.routing.search``), each candidate laid out
by the scheduler with its placeholder lodgings moved as the lodging rule places them
and judged by the plan's checks (``planner.routing.tour``): every leg counts, hotel to
hotel and the journey out and back, so the minutes it reports are the ones ``summary``
shows afterwards. What never moves: sessions fixed in time, plenaries, the organiser's
own lodgings, other groups' sessions; a day scope keeps sessions on that day.

It returns a ``Proposal``: the edit (new day and position of each session that moved,
the placeholder lodgings and the hotels they need, as one ``Batch``), the plan as it
would be (legs and times re-flowed, as ``operations.consequences`` does), and the
minutes of travel per group and day before and after. By default a proposal never adds
an error or a warning, never makes a day run further outside its window, and never
leaves a day without the visits it had (``Rules``; ``allow_longer_days`` lifts the
first two); one that is not better — fewer errors, then fewer warnings, then less
travel — is empty, so optimising twice in a row changes nothing.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field

from planner.checks import check
from planner.findings import ERROR, WARNING
from planner.edits import Batch, Delete, Insert, Update
from planner.lodging import HOTEL_NOTE
from planner.model import Plan, format_clock
from planner.operations import apply_in_memory, consequences
from planner.progress import Progress
from planner.records import REFERENCES
from planner.routing.core import DEFAULT_TIME_LIMIT, RoutingError
from planner.routing.search import DEFAULT_ROUNDS, Rules, improve_tour
from planner.routing.tour import TourJudge
from planner.schedule import Timetable, day_rules, schedule

OPTIMISE_LABEL = "优化路线"
MAX_PASSES = 4  # over the groups: one group's new tour can open moves for another (shared sites)


@dataclass(frozen=True)
class DayChange:
    """One group's day in a proposal: the stops in order and the travel, before and after."""

    group_id: int
    group_name: str
    day: int
    before: tuple[str, ...]  # site names in order
    after: tuple[str, ...]
    travel_before: int  # minutes, from the scheduler
    travel_after: int

    @property
    def saved(self) -> int:
        return self.travel_before - self.travel_after

    @property
    def changed(self) -> bool:
        return self.before != self.after


@dataclass(frozen=True)
class Proposal:
    before: Plan
    after: Plan  # the plan as it would be; ``before`` when nothing changes
    edit: Batch | None  # the edit to apply (one undo step); None when nothing changes
    days: tuple[DayChange, ...]
    cancelled: bool = False  # the search was cancelled: the best routes found by then
    timed_out: bool = False  # the time limit stopped the search: more time may find better
    errors_before: int = 0
    errors_after: int = 0
    label: str = OPTIMISE_LABEL
    notes: tuple[str, ...] = field(default=())

    @property
    def changed(self) -> bool:
        return self.edit is not None

    @property
    def travel_before(self) -> int:
        return sum(d.travel_before for d in self.days)

    @property
    def travel_after(self) -> int:
        return sum(d.travel_after for d in self.days)

    @property
    def saved(self) -> int:
        return self.travel_before - self.travel_after


def travel_by_day(timetable: Timetable) -> dict[tuple[int, int], int]:
    """Minutes of travel per (group id, day), as the timetable has it."""
    return {key: sum(s.minutes for s in day.of_kind("travel")) for key, day in timetable.days.items()}


def _check_scope(plan: Plan, group_id: int | None, day: int | None) -> None:
    if group_id is not None and plan.group(group_id) is None:
        known = "、".join(str(g.id) for g in plan.ordered_groups()) or "无 / none"
        raise RoutingError(f"没有编号为 {group_id} 的组（现有：{known}）",
                           f"there is no group {group_id} (groups: {known})")
    if day is not None and not 1 <= day <= plan.programme.days:
        raise RoutingError(f"第 {day} 天不在培训班的 {plan.programme.days} 天之内",
                           f"day {day} is outside the programme's {plan.programme.days} days")
    for number in [day] if day is not None else range(1, plan.programme.days + 1):
        rules = day_rules(plan, number)
        if rules.day_start >= rules.day_end:
            window = f"{format_clock(rules.day_start)}–{format_clock(rules.day_end)}"
            raise RoutingError(f"第 {number} 天的日程时间 {window} 开始不早于结束，请先改正",
                               f"day {number}: its day window {window} does not start before it ends; correct it first")


def _others_at_sites(plan: Plan, timetable: Timetable, group_id: int) -> tuple:
    """The other groups' visits at the sites of ``group_id``'s sessions: all a group's best
    tour depends on outside itself (a shared site is booked one group at a time)."""
    sites = {s.site_id for s in plan.sessions_of(group_id)}
    return tuple(sorted((key, slot.site_id, slot.start, slot.end) for key, day in timetable.days.items()
                        if key[0] != group_id for slot in day.of_kind("session") if slot.site_id in sites))


def _site_names(plan: Plan, group_id: int, day: int) -> tuple[str, ...]:
    return tuple(plan.site(s.site_id).name for s in plan.sessions_of(group_id, day))


class _PartProgress(Progress):
    """Reports one part of a longer job (``index`` of ``count``) into the whole's progress."""

    def __init__(self, whole: Progress, index: int, count: int):
        super().__init__()
        self.whole, self.index, self.count = whole, index, count

    def report(self, fraction: float, text: str = "") -> None:
        self.whole.report((self.index + max(0.0, min(1.0, fraction))) / self.count, text)

    def cancel(self) -> None:
        self.whole.cancel()

    @property
    def cancelled(self) -> bool:
        return self.whole.cancelled


def _errors(plan: Plan, timetable: Timetable) -> int:
    return sum(1 for f in check(plan, timetable) if f.severity == ERROR)


def _kinds(plan: Plan, timetable: Timetable) -> Counter:
    """Errors and warnings by (severity, code, group, day): to tell a new one from an old one."""
    return Counter((f.severity, f.code, f.group_id, f.day) for f in check(plan, timetable)
                   if f.severity in (ERROR, WARNING))


def _beyond(timetable: Timetable) -> dict:
    """Minutes each group's day runs outside its window."""
    return {key: max(0, d.rules.day_start - d.first) + max(0, d.last - d.rules.day_end)
            for key, d in timetable.days.items() if d.last is not None}


def _referenced_sites(plan: Plan) -> set[int]:
    names = [name for name, target in REFERENCES.items() if target == "sites"]
    used = {getattr(plan.programme, name) for name in names if hasattr(plan.programme, name)}
    for kind in ("groups", "sessions", "plenaries", "legs", "lodgings", "measures"):
        for item in plan.items(kind):
            used.update(getattr(item, name) for name in names if hasattr(item, name))
    return used - {None}


def edit_between(before: Plan, after: Plan) -> list:
    """The edits that take ``before`` to ``after`` in what optimising changes: the day and
    position of sessions, lodgings, and hotels added (and placeholder hotels no longer used)."""
    edits: list = []
    old_sites = {s.id for s in before.sites}
    edits += [Insert("sites", _values(site)) for site in after.sites if site.id not in old_sites]
    for session in after.sessions:
        old = before.get("sessions", session.id)
        if (old.day, old.position) != (session.day, session.position):
            edits.append(Update("sessions", session.id, {"day": session.day, "position": session.position}))
    for lodging in after.lodgings:
        old = before.get("lodgings", lodging.id)
        if old is None:
            edits.append(Insert("lodgings", _values(lodging)))
        elif old != lodging:
            edits.append(Update("lodgings", lodging.id, {"site_id": lodging.site_id, "note": lodging.note}))
    kept = {l.id for l in after.lodgings}
    edits += [Delete("lodgings", l.id) for l in before.lodgings if l.id not in kept]
    return edits


def _values(item) -> dict:
    return {name: getattr(item, name) for name in item.__dataclass_fields__}


def _unused_placeholder_hotels(before: Plan, after: Plan) -> list:
    """Deletes of placeholder hotels the lodgings used before and nothing uses now."""
    was_used = {l.site_id for l in before.lodgings}
    used = _referenced_sites(after)
    return [Delete("sites", site.id) for site in after.sites
            if site.kind == "hotel" and site.note == HOTEL_NOTE and site.id in was_used and site.id not in used]


def _settled(plan: Plan, edit: Batch) -> tuple[Plan, Timetable]:
    """``plan`` with ``edit`` applied and its consequences (legs, times), and its timetable."""
    moved = apply_in_memory(plan, edit)
    follow_on, timetable = consequences(moved, plan)
    return apply_in_memory(moved, Batch(tuple(follow_on))), timetable


def propose_optimisation(plan: Plan, group_id: int | None = None, day: int | None = None, *,
                         time_limit: float = DEFAULT_TIME_LIMIT, solution_limit: int | None = DEFAULT_ROUNDS,
                         allow_longer_days: bool = False, progress: Progress | None = None) -> Proposal:
    """A better tour for a group, a day, or the whole programme (see module docstring).

    Several groups are optimised one after the other, each against the others as they
    stand (sites one group at a time), sharing the time limit; their changes make one
    edit. ``solution_limit``: restarts in a row without a better tour before the search
    stops (0 or None: only the time limit stops it)."""
    _check_scope(plan, group_id, day)
    timetable = schedule(plan)
    groups = [group_id] if group_id is not None else [g.id for g in plan.ordered_groups()]
    days = [day] if day is not None else list(range(1, plan.programme.days + 1))
    rules = Rules(allow_longer_days)
    if progress is not None:
        progress.report(0.0, "正在优化路线… / optimising routes…")
    current, current_table = plan, timetable
    cancelled = timed_out = False
    deadline = time.monotonic() + time_limit
    searched: dict[int, tuple] = {}  # group -> the other groups' visits at its sites when last searched
    for _ in range(MAX_PASSES):  # until no group's surroundings changed: optimising again then does nothing
        waiting = [g for g in groups if searched.get(g) != _others_at_sites(current, current_table, g)]
        for index, group in enumerate(waiting):
            searched[group] = _others_at_sites(current, current_table, group)
            part = _PartProgress(progress, index, len(waiting)) if progress is not None else None
            for _ in range(MAX_PASSES):  # again from its result until a search finds nothing better
                movable = [s.id for s in current.sessions_of(group) if s.day in days]
                judge = TourJudge(current, group, movable, others=current_table.days.values())
                trip_days = [d for d in days if judge.trip.on_tour(d)]
                share = max(0.0, deadline - time.monotonic()) / (len(waiting) - index)
                best, stopped, out_of_time = improve_tour(
                    judge, trip_days, rules=rules, time_limit=share, rounds=solution_limit, progress=part,
                    text="正在优化路线… / optimising routes…")
                cancelled, timed_out = cancelled or stopped, timed_out or out_of_time
                if best is judge.start():
                    break
                current, current_table = _settled(current, Batch(tuple(edit_between(current, judge.plan_of(best)))))
                if cancelled or timed_out:
                    break
            if cancelled:
                break
        if cancelled or timed_out or not waiting:
            break
    edit, after, after_table = None, plan, timetable
    if current is not plan:
        edits = edit_between(plan, current)
        moved, moved_table = _settled(plan, Batch(tuple(edits)))
        unused = _unused_placeholder_hotels(plan, moved)
        moved = apply_in_memory(moved, Batch(tuple(unused)))  # nothing else changes
        if edits and _better(plan, timetable, moved, moved_table, rules):
            edit, after, after_table = Batch((*edits, *unused), OPTIMISE_LABEL), moved, moved_table
    before_travel, after_travel = travel_by_day(timetable), travel_by_day(after_table)
    rows = []
    for g in groups:
        for d in range(1, plan.programme.days + 1):
            changed = _site_names(plan, g, d) != _site_names(after, g, d) or \
                before_travel.get((g, d), 0) != after_travel.get((g, d), 0)
            if d in days or changed:
                rows.append(DayChange(g, plan.group(g).name, d, _site_names(plan, g, d), _site_names(after, g, d),
                                      before_travel.get((g, d), 0), after_travel.get((g, d), 0)))
    if progress is not None and not cancelled:
        progress.report(1.0, "完成 / done")
    errors_before = _errors(plan, timetable)
    errors_after = errors_before if edit is None else _errors(after, after_table)
    return Proposal(plan, after, edit, tuple(rows), cancelled, timed_out, errors_before, errors_after)


def _better(plan: Plan, timetable: Timetable, after: Plan, after_table: Timetable, rules: Rules) -> bool:
    """The whole plan's check has the last word: no more errors; by default no new
    warning and no day further outside its window; and fewer errors, fewer warnings or
    less travel."""
    old, new = _kinds(plan, timetable), _kinds(after, after_table)
    errors = (sum(v for k, v in old.items() if k[0] == ERROR), sum(v for k, v in new.items() if k[0] == ERROR))
    if errors[1] > errors[0]:
        return False
    if not rules.allow_longer_days:
        if new - old:
            return False
        old_beyond, new_beyond = _beyond(timetable), _beyond(after_table)
        if any(minutes > old_beyond.get(key, 0) for key, minutes in new_beyond.items()):
            return False
    warnings = (sum(old.values()) - errors[0], sum(new.values()) - errors[1])
    travel = (sum(travel_by_day(timetable).values()), sum(travel_by_day(after_table).values()))
    return (errors[1], warnings[1], travel[1]) < (errors[0], warnings[0], travel[0])


def format_proposal(proposal: Proposal, *, only_changed: bool = False) -> str:
    """The before/after travel per group and day, as the command prints it."""
    lines = ["组 / group\t天 / day\t优化前 / before\t优化后 / after\t节省 / saved (分钟 / min)"]
    for row in proposal.days:
        if only_changed and not row.changed and not row.travel_before:
            continue
        lines.append(f"{row.group_name}\t{row.day}\t{row.travel_before}\t{row.travel_after}\t{row.saved}")
    lines.append(f"合计 / total\t\t{proposal.travel_before}\t{proposal.travel_after}\t{proposal.saved}")
    if proposal.cancelled:
        lines.append("已取消：以下为取消前找到的最好结果 / cancelled: the best result found so far")
    elif proposal.timed_out:
        lines.append("计算时间已用完：加长计算时间可能找到更好的路线 / the time limit stopped the search: "
                     "more time may find a better route")
    if not proposal.changed:
        lines.append("已是最优，未作改动 / already the best order found: nothing changed")
    return "\n".join(lines)
