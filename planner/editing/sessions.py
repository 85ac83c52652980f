"""Sessions: adding one to a group's day, moving one to another place in the route.

A group's day is an order of sessions (``position``); the scheduler gives the flowing
ones their times. Moving a session changes that order (and its group and day); a pinned
session keeps its time wherever it goes, unless it is dropped at a time of day.
"""

from __future__ import annotations

from planner.edits import Batch, Insert, Update
from planner.editing.refusal import Outcome, Refusal
from planner.model import Plan
from planner.schedule import Timetable, day_rules, session_length

SNAP = 5  # minutes: a time of day dropped on is rounded to this


def _refuse_target(plan: Plan, group_id: int, day: int) -> Refusal | None:
    if plan.group(group_id) is None:
        return Refusal(f"找不到组 #{group_id}", f"no group #{group_id}")
    if not 1 <= day <= plan.programme.days:
        return Refusal(f"方案没有第 {day} 天（共 {plan.programme.days} 天）",
                       f"the plan has no day {day} (it has {plan.programme.days})")
    return None


def move_session(plan: Plan, timetable: Timetable, session_id: int, group_id: int, day: int, *,
                 minute: int | None = None, before: int | None = None, pin: bool = False) -> Outcome:
    """Move a session to (``group_id``, ``day``).

    Dropped at a time of day (``minute``, the timeline): a pinned session — or any, with
    ``pin`` — is fixed at that time (snapped to 5 minutes) with the length it had; a
    flowing one goes after the sessions of that day that start before ``minute``.
    Dropped in a list (no ``minute``, the board): it goes before the session ``before``
    (at the end when None), and a pinned one keeps its time.
    None when nothing would change (dropped where it was)."""
    session = plan.get("sessions", session_id)
    if session is None:
        return Refusal(f"找不到现场教学 #{session_id}", f"no session #{session_id}")
    refusal = _refuse_target(plan, group_id, day)
    if refusal is not None:
        return refusal
    same_row = (session.group_id, session.day) == (group_id, day)
    if minute is not None:
        minute = int(round(minute / SNAP)) * SNAP
        if session.pinned or pin:
            return _fix_at(plan, timetable, session, group_id, day, minute, same_row)

    def starts(other) -> int:
        slot = timetable.slot_of("session", other.id)
        return slot.start if slot else (other.start or 0)

    current = plan.sessions_of(group_id, day)
    others = [s for s in current if s.id != session_id]
    if minute is not None:
        index = max((i + 1 for i, other in enumerate(others) if starts(other) < minute), default=0)
    else:
        index = next((i for i, other in enumerate(others) if other.id == before), len(others))
    order = others[:index] + [session] + others[index:]
    if same_row and [s.id for s in order] == [s.id for s in current]:
        return None
    updates = []
    for position, item in enumerate(order):
        changes = {}
        if item.id == session_id and not same_row:
            changes.update(group_id=group_id, day=day)
        if item.position != position or changes:
            changes["position"] = position
        if changes:
            updates.append(Update("sessions", item.id, changes))
    return Batch(tuple(updates))


def _fix_at(plan: Plan, timetable: Timetable, session, group_id: int, day: int, minute: int,
            same_row: bool) -> Outcome:
    """The session fixed at ``minute`` on (group, day), keeping the length it has."""
    if session.pinned and session.start is not None and session.end is not None:
        length = session.end - session.start
    else:
        slot = timetable.slot_of("session", session.id)
        length = slot.minutes if slot is not None else session_length(plan, session, day_rules(plan, day))
    if session.pinned and same_row and session.start == minute:
        return None
    changes = {"start": minute, "end": minute + length}
    if not same_row:
        changes.update(group_id=group_id, day=day)
    if not session.pinned:
        changes["pinned"] = True
    return Update("sessions", session.id, changes)


def add_session(plan: Plan, group_id: int, day: int, site_id: int, title: str = "", *,
                minutes: int | None = None, start: int | None = None) -> Outcome:
    """A new session at ``site_id``, last in the group's day. The scheduler times it,
    unless ``start`` fixes (pins) it; ``minutes`` is its length (else the site's usual
    visit length)."""
    refusal = _refuse_target(plan, group_id, day)
    if refusal is not None:
        return refusal
    site = plan.site(site_id)
    if site is None:
        return Refusal(f"找不到现场教学点 #{site_id}", f"no site #{site_id}")
    if minutes is not None and not 5 <= minutes <= 12 * 60:
        return Refusal(f"时长应在 5 分钟到 12 小时之间，而不是 {minutes} 分钟",
                       f"the length must be between 5 minutes and 12 hours, not {minutes} minutes")
    length = minutes or site.visit_minutes or day_rules(plan, day).session_minutes
    if start is not None and not 0 <= start <= 24 * 60 - length:
        return Refusal("开始时间加上时长超出了当天", "the start and length run past the end of the day")
    last = plan.sessions_of(group_id, day)
    position = (last[-1].position + 1) if last else 0
    values = {"group_id": group_id, "day": day, "site_id": site_id, "position": position, "title": title.strip()}
    if minutes is not None:
        values["minutes"] = minutes
    if start is not None:
        values.update(start=start, end=start + length, pinned=True)
    return Insert("sessions", values)
