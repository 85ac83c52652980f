"""Fields as the organiser types them, and the way a leg goes as they pick it."""

from __future__ import annotations

from planner.edits import Edit, PlanEditError, Update, UpdateProgramme
from planner.model import LEG_MODES, Plan
from planner.travel_legs import usual_mode


def set_fields(plan: Plan, kind: str, item_id: int | None, changes: dict) -> Edit:
    """The edit that sets fields of one item (or of the programme, ``kind`` "programme")
    as the organiser typed them, with what follows from the rules of the plan: a session
    given a start is pinned there (so the scheduler keeps it), one whose start is cleared
    flows again."""
    if kind == "programme":
        return UpdateProgramme(dict(changes))
    if kind == "sessions" and "start" in changes:
        changes = {**changes, "pinned": changes["start"] is not None}
    return Update(kind, item_id, dict(changes))


def choose_leg_option(plan: Plan, leg_id: int, mode: str) -> Edit:
    """The organiser picks one of a leg's options: the leg goes by ``mode`` from now on,
    timed by that option (minutes typed before are dropped: they were for another way).
    Picking the way the estimate chose makes the leg follow the estimate again. One edit,
    so one undo step takes it back; ``edit_plan`` re-times the day after it."""
    leg = plan.get("legs", leg_id)
    if leg is None:
        raise PlanEditError(f"没有编号为 {leg_id} 的行程", f"there is no leg {leg_id}")
    if mode not in LEG_MODES:
        raise PlanEditError(f"未知的交通方式：{mode}", f"unknown mode of travel: {mode}")
    manual = None if mode == usual_mode(plan, leg) else mode
    return Update("legs", leg_id, {"manual_mode": manual, "manual_minutes": None})
