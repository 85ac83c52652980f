"""Optimise a plan's routes: plan → routing problem → one Batch edit, with a preview.

Manual order is the default; ``propose_optimisation`` is the explicit action, on a
group, a day, or the whole programme. It builds one ``core.Problem`` (every session of
the scope is a stop locked to its group; pinned sessions are locked to their day and
time; plenaries are fixed stops of every group; other groups' sessions at a site only
one group may use at a time are bookings; several groups are taken one after the
other), solves it, and returns a ``Proposal``: the
edit (new day and position of each session that moved, as one ``Batch``), the plan as
it would be (legs and times re-flowed, as ``operations.consequences`` does), and the
minutes of travel per group and day before and after, from the scheduler (the same
travel model as the timetable). A proposal that is not strictly better — fewer errors,
then less travel — is empty, so optimising twice in a row changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from planner.checks import ERROR, check
from planner.edits import Batch, Update
from planner.model import Plan
from planner.operations import apply_in_memory, consequences
from planner.progress import Progress
from planner.routing.core import (
    DEFAULT_SOLUTION_LIMIT, DEFAULT_TIME_LIMIT, Booking, DayRoute, Problem, RoutingError, Stop, improve,
)
from planner.schedule import Timetable, TravelTimes, day_ends, day_rules, is_fixed, schedule, session_length

OPTIMISE_LABEL = "优化路线"


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
    relaxed: bool = False  # opening hours or one-group-at-a-time could not all be honoured
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


def exclusive(site) -> bool:
    """A site only one group may use at a time: one with no stated capacity (the plan
    check reports any overlap there as a double booking)."""
    return site is not None and site.kind != "hotel" and not site.capacity


def _check_scope(plan: Plan, group_id: int | None, day: int | None) -> None:
    if group_id is not None and plan.group(group_id) is None:
        known = "、".join(str(g.id) for g in plan.ordered_groups()) or "无 / none"
        raise RoutingError(f"没有编号为 {group_id} 的组（现有：{known}）",
                           f"there is no group {group_id} (groups: {known})")
    if day is not None and not 1 <= day <= plan.programme.days:
        raise RoutingError(f"第 {day} 天不在培训班的 {plan.programme.days} 天之内",
                           f"day {day} is outside the programme's {plan.programme.days} days")


def build_problem(plan: Plan, group_id: int | None = None, day: int | None = None,
                  timetable: Timetable | None = None) -> tuple[Problem, dict, list[int]]:
    """The routing problem of a scope, the current routes, and the matrix's site ids."""
    _check_scope(plan, group_id, day)
    timetable = timetable or schedule(plan)
    groups = [g.id for g in plan.ordered_groups() if group_id is None or g.id == group_id]
    days = [day] if day is not None else list(range(1, plan.programme.days + 1))
    in_scope = sorted((s for s in plan.sessions if s.group_id in groups and s.day in days), key=lambda s: s.id)
    plenaries = sorted((p for p in plan.plenaries if p.day in days and p.site_id is not None
                        and p.start is not None and p.end is not None), key=lambda p: p.id)
    site_ids: set[int] = {s.site_id for s in in_scope} | {p.site_id for p in plenaries}
    routes = []
    for g in groups:
        for d in days:
            rules = day_rules(plan, d)
            start, end = day_ends(plan, g, d)
            site_ids.update(x for x in (start, end) if x is not None)
            routes.append((g, d, start, end, rules))
    sites = sorted(site_ids)
    where = {site_id: i for i, site_id in enumerate(sites)}
    travel = TravelTimes(plan if len(groups) == 1 else plan.with_items("legs", ()))
    group_for_legs = groups[0] if len(groups) == 1 else 0
    matrix = tuple(tuple(travel.between(group_for_legs, a, b)[0] for b in sites) for a in sites)

    stops, current_items = [], []
    for session in in_scope:
        rules = day_rules(plan, session.day)
        site = plan.site(session.site_id)
        fixed = is_fixed(session)
        stops.append(Stop(
            key=("session", session.id), location=where[session.site_id],
            minutes=session_length(plan, session, rules) + rules.stop_minutes,
            opens=site.opens if site else None, closes=site.closes if site else None,
            resource=session.site_id if exclusive(site) else None,
            group=session.group_id,
            day=session.day if fixed else None, time=session.start - rules.stop_minutes if fixed else None,
        ))
        slot = timetable.slot_of("session", session.id)
        current_items.append((session.group_id, session.day, (slot.start if slot else 0, session.position),
                              ("session", session.id)))
    for g in groups:
        for plenary in plenaries:
            stops.append(Stop(key=("plenary", plenary.id, g), location=where[plenary.site_id],
                              minutes=plenary.end - plenary.start, group=g, day=plenary.day, time=plenary.start))
            current_items.append((g, plenary.day, (plenary.start, -1), ("plenary", plenary.id, g)))
    bookings = []
    for (g, d), day_plan in timetable.days.items():
        if g in groups and d in days:
            continue
        for slot in day_plan.of_kind("session"):
            if d in days and exclusive(plan.site(slot.site_id)):
                bookings.append(Booking(slot.site_id, d, slot.start, slot.end))
    current: dict = {}
    for g, d, order, key in sorted(current_items, key=lambda x: (x[0], x[1], x[2])):
        current.setdefault((g, d), []).append(key)
    problem = Problem(
        matrix=matrix,
        stops=tuple(stops),
        routes=tuple(DayRoute(g, d, None if start is None else where[start], None if end is None else where[end],
                              rules.day_start, rules.day_end, rules.lunch_start, rules.lunch_minutes)
                     for g, d, start, end, rules in routes),
        bookings=tuple(bookings),
    )
    return problem, {k: tuple(v) for k, v in current.items()}, sites


def edit_from_routes(plan: Plan, routes: dict) -> Batch:
    """Updates of day and position for every session whose place in the routes changed."""
    edits = []
    for (group, day), keys in sorted(routes.items(), key=lambda item: (item[0][0], item[0][1])):
        sessions = [key[1] for key in keys if key[0] == "session"]
        for position, session_id in enumerate(sessions):
            session = plan.get("sessions", session_id)
            if (session.day, session.position) != (day, position):
                edits.append(Update("sessions", session_id, {"day": day, "position": position}))
    return Batch(tuple(edits), OPTIMISE_LABEL)


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


def _improved_edit(plan: Plan, timetable: Timetable, errors_before: int, routes: dict, scope: set) -> Batch | None:
    """The edit for ``routes`` if the scheduler agrees it is better (fewer errors, then
    less travel in ``scope``), else None."""
    candidate_edit = edit_from_routes(plan, routes)
    if not candidate_edit.edits:
        return None
    moved = apply_in_memory(plan, candidate_edit)
    _, moved_table = consequences(moved)
    old = sum(v for k, v in travel_by_day(timetable).items() if k in scope)
    new = sum(v for k, v in travel_by_day(moved_table).items() if k in scope)
    if (_errors(moved, moved_table), new) < (errors_before, old):
        return candidate_edit
    return None


def propose_optimisation(plan: Plan, group_id: int | None = None, day: int | None = None, *,
                         time_limit: float = DEFAULT_TIME_LIMIT, solution_limit: int | None = DEFAULT_SOLUTION_LIMIT,
                         progress: Progress | None = None) -> Proposal:
    """A better order for a group, a day, or the whole programme (see module docstring).

    Several groups are optimised one after the other, each against the others' current
    bookings (one-group-at-a-time sites), sharing the time limit; their changes make one
    edit. The scheduler has the last word: a change is kept only if it is better."""
    _check_scope(plan, group_id, day)
    timetable = schedule(plan)
    errors_before = _errors(plan, timetable)
    groups = [group_id] if group_id is not None else [g.id for g in plan.ordered_groups()]
    days = [day] if day is not None else list(range(1, plan.programme.days + 1))
    if progress is not None:
        progress.report(0.0, "正在优化路线… / optimising routes…")
    current, current_table, current_errors = plan, timetable, errors_before
    updates: dict[int, dict] = {}
    cancelled = relaxed = False
    for index, group in enumerate(groups):
        part = _PartProgress(progress, index, len(groups)) if progress is not None else None
        problem, routes, _ = build_problem(current, group, day, current_table)
        solution = improve(problem, routes, time_limit=time_limit / len(groups), solution_limit=solution_limit,
                           progress=part)
        cancelled, relaxed = cancelled or solution.cancelled, relaxed or solution.relaxed
        if solution.from_solver:
            edit = _improved_edit(current, current_table, current_errors, solution.routes,
                                  {(r.group, r.day) for r in problem.routes})
            if edit is not None:
                for update in edit.edits:
                    updates.setdefault(update.id, {}).update(update.changes)
                moved = apply_in_memory(current, edit)
                follow_on, current_table = consequences(moved)
                current = apply_in_memory(moved, Batch(tuple(follow_on)))
                current_errors = _errors(current, current_table)
        if cancelled:
            break
    edit = None
    if updates:
        original = {s.id: s for s in plan.sessions}
        changes = tuple(Update("sessions", sid, values) for sid, values in sorted(updates.items())
                        if any(getattr(original[sid], k) != v for k, v in values.items()))
        if changes:
            edit = Batch(changes, OPTIMISE_LABEL)
    after, after_table = (current, current_table) if edit is not None else (plan, timetable)
    before_travel, after_travel = travel_by_day(timetable), travel_by_day(after_table)
    rows = []
    for g in groups:
        for d in days:
            rows.append(DayChange(g, plan.group(g).name, d, _site_names(plan, g, d), _site_names(after, g, d),
                                  before_travel.get((g, d), 0), after_travel.get((g, d), 0)))
    if progress is not None and not cancelled:
        progress.report(1.0, "完成 / done")
    errors_after = errors_before if edit is None else _errors(after, after_table)
    return Proposal(plan, after, edit, tuple(rows), cancelled, relaxed, errors_before, errors_after)


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
    if proposal.relaxed:
        lines.append("注意：无法同时满足所有开放时间或独占条件，检查结果会列出冲突 / note: not every opening "
                     "time or one-group-at-a-time rule could be met; the plan check lists the conflicts")
    if not proposal.changed:
        lines.append("已是最优，未作改动 / already the best order found: nothing changed")
    return "\n".join(lines)
