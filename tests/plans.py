"""Small helpers for tests that build plans by hand: derive a variant of a plan by
changing, adding or dropping a few items (plans are frozen, so each returns a copy)."""

from __future__ import annotations

from dataclasses import replace

from planner.model import Plan, parse_clock

T = parse_clock  # T("09:30") -> 570 minutes after midnight


def changed(plan: Plan, kind: str, item_id: int, **fields) -> Plan:
    """The plan with one item of ``kind`` (``"sessions"``…) changed: ``changed(plan, "sites", 2, capacity=1)``."""
    items = plan.items(kind)
    if not any(item.id == item_id for item in items):
        raise KeyError(f"no {kind} item with id {item_id}")
    return plan.with_items(kind, [replace(item, **fields) if item.id == item_id else item for item in items])


def added(plan: Plan, kind: str, *items) -> Plan:
    """The plan with ``items`` added to ``kind``."""
    return plan.with_items(kind, [*plan.items(kind), *items])


def dropped(plan: Plan, kind: str, *item_ids: int) -> Plan:
    """The plan without the items of ``kind`` with these ids."""
    return plan.with_items(kind, [item for item in plan.items(kind) if item.id not in item_ids])


def scrambled(plan: Plan, group_id: int, day: int) -> Plan:
    """The plan with one group's day in reversed order (a worse route the optimiser can mend)."""
    sessions = plan.sessions_of(group_id, day)
    n = len(sessions)
    return plan.with_items("sessions", [
        replace(s, position=n - 1 - s.position) if s.group_id == group_id and s.day == day else s
        for s in plan.sessions])


def with_programme(plan: Plan, **fields) -> Plan:
    """The plan with programme settings changed: ``with_programme(plan, day_end=T("17:00"))``."""
    return replace(plan, programme=replace(plan.programme, **fields))
