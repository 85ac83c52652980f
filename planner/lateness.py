"""Which leg makes a group late, and by how much.

The scheduler marks a fixed item (a plenary, a pinned session) reached late with
``late_by``; the cause is the leg that brings the group there — the last leg before
it, with at most a meal between. Views draw the late part of that leg (its last
``late_by`` minutes: had the group left that much earlier it would have been in time).
"""

from __future__ import annotations

from planner.schedule import DayPlan, Slot


def late_legs(day_plan: DayPlan | None) -> dict[int, Slot]:
    """Index of each leg in ``day_plan.slots`` that makes the group late -> the fixed
    slot it is late for."""
    found: dict[int, Slot] = {}
    if day_plan is None:
        return found
    slots = day_plan.slots
    for index, slot in enumerate(slots):
        if slot.late_by <= 0:
            continue
        for before in range(index - 1, -1, -1):
            kind = slots[before].kind
            if kind == "travel":
                found[before] = slot
                break
            if kind not in ("lunch", "dinner"):
                break  # an item in between: no leg of this day is to blame
    return found


def late_part(leg: Slot, late_by: int) -> tuple[int, int]:
    """The minutes of ``leg`` that make the group ``late_by`` late: its last ``late_by``
    minutes (all of it when the lateness is longer than the leg)."""
    return max(leg.start, leg.end - late_by), leg.end
