"""What follows from an edit: the mechanics under every named operation.

Moving, inserting or removing a session, or changing a length, a leg's mode or its
override, changes the route and the times after it. ``consequences`` works them out on
the plan in memory — the legs the new route needs, the end of a pinned session whose
length changed, the new times of the sessions that follow; ``apply_in_memory`` gives
the plan an edit leads to. ``planner.editing.settle`` puts the organiser's edit and its
consequences into one batch, so one undo takes them all back.
"""

from __future__ import annotations

from dataclasses import fields, replace

from planner.edits import Batch, Delete, Edit, Insert, PlanEditError, Update, UpdateProgramme
from planner.legs import refresh_legs
from planner.model import ITEM_TYPES, Plan
from planner.schedule import Timetable, day_rules, schedule, session_length, timing_edits


def with_ids(plan: Plan, edit: Edit) -> Edit:
    """``edit`` with an explicit id for every item it inserts (the next free one), so
    the plan in memory and the file give new items the same ids."""
    next_ids = {kind: max((i.id for i in plan.items(kind)), default=0) + 1 for kind in ITEM_TYPES}

    def assign(e: Edit) -> Edit:
        if isinstance(e, Batch):
            return Batch(tuple(assign(x) for x in e.edits), e.label)
        if isinstance(e, Insert) and "id" not in e.values:
            item_id = next_ids[e.kind]
            next_ids[e.kind] += 1
            return Insert(e.kind, {**e.values, "id": item_id})
        if isinstance(e, Insert):
            next_ids[e.kind] = max(next_ids[e.kind], e.values["id"] + 1)
        return e

    return assign(edit)


def apply_in_memory(plan: Plan, edit: Edit) -> Plan:
    """The plan value as it will be once ``edit`` (with ids, see ``with_ids``) is applied."""
    if isinstance(edit, Batch):
        for part in edit.edits:
            plan = apply_in_memory(plan, part)
        return plan
    if isinstance(edit, UpdateProgramme):
        return replace(plan, programme=replace(plan.programme, **edit.changes))
    item_type = ITEM_TYPES.get(edit.kind)
    if item_type is None:
        raise PlanEditError(f"未知的条目类型：{edit.kind}", f"unknown kind of item: {edit.kind}")
    items = list(plan.items(edit.kind))
    if isinstance(edit, Insert):
        names = {f.name for f in fields(item_type)}
        items.append(item_type(**{k: _domain(k, v) for k, v in edit.values.items() if k in names}))
    elif isinstance(edit, Update):
        items = [replace(i, **{k: _domain(k, v) for k, v in edit.changes.items()}) if i.id == edit.id else i
                 for i in items]
    elif isinstance(edit, Delete):
        items = [i for i in items if i.id != edit.id]
    return plan.with_items(edit.kind, items)


def _domain(name: str, value):
    return tuple(value) if name in ("themes", "interests") and value is not None else value


def pinned_end_edits(plan: Plan, before: Plan | None = None) -> list[Edit]:
    """A pinned session stays at its start, and its end follows its length when the
    edit from ``before`` changed what that length comes from (its own minutes, its site,
    the site's usual visit, its being pinned) or moved its start without an end (the
    length it had is kept). An end the edit set itself is left alone, and so is every
    session the edit did not touch: an organiser's 14:00–15:00 stays. A pinned session
    with a start and no usable end always gets one (and so is fixed from then on)."""
    edits: list[Edit] = []
    for session in plan.sessions:
        if not session.pinned or session.start is None:
            continue
        old = before.get("sessions", session.id) if before is not None else None
        end = session.start + session_length(plan, session, day_rules(plan, session.day))
        if old is not None and old.end == session.end and old.pinned and old.start is not None \
                and old.end is not None and old.start != session.start \
                and (old.minutes, old.site_id) == (session.minutes, session.site_id):
            end = session.start + (old.end - old.start)  # moved without an end: the same length
        elif session.end is None or session.end <= session.start:
            pass  # no usable end: it gets one
        elif old is None or old.end != session.end:
            continue  # nothing to compare with, a new session, or the edit set the end itself
        elif (old.pinned, old.minutes, old.site_id, _visit(before, old)) == \
                (session.pinned, session.minutes, session.site_id, _visit(plan, session)):
            continue  # its length did not change
        if session.end != end:
            edits.append(Update("sessions", session.id, {"end": end}))
    return edits


def _visit(plan: Plan, session) -> int | None:
    site = plan.site(session.site_id)
    return site.visit_minutes if site is not None else None


def consequences(plan: Plan, before: Plan | None = None) -> tuple[list[Edit], Timetable]:
    """The leg, pinned-end and timing edits that bring ``plan`` in line with its routes
    and lengths, and the timetable of the result (times of flowing sessions do not change it).
    ``before`` is the plan before the edit (see ``pinned_end_edits``)."""
    pinned_ends = pinned_end_edits(plan, before)
    with_ends = apply_in_memory(plan, Batch(tuple(pinned_ends)))
    fresh = {(l.group_id, l.from_site_id, l.to_site_id): l for l in refresh_legs(with_ends)}
    current = {(l.group_id, l.from_site_id, l.to_site_id): l for l in plan.legs}
    leg_edits: list[Edit] = [Delete("legs", leg.id) for key, leg in current.items() if key not in fresh]
    for key, leg in fresh.items():
        old = current.get(key)
        if old is None:
            leg_edits.append(Insert("legs", {f.name: getattr(leg, f.name) for f in fields(leg)}))
        elif old != leg:
            changed = {f.name: getattr(leg, f.name) for f in fields(leg) if getattr(leg, f.name) != getattr(old, f.name)}
            leg_edits.append(Update("legs", leg.id, changed))
    edits = [*leg_edits, *pinned_ends]
    settled = apply_in_memory(plan, Batch(tuple(edits)))
    timetable = schedule(settled)
    return [*edits, *timing_edits(settled, timetable)], timetable
