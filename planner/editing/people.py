"""Moving participants between groups by hand."""

from __future__ import annotations

from planner.edits import Batch, Update
from planner.editing.refusal import Outcome, Refusal
from planner.model import Plan

HAND_REASON = "手动调整（已锁定）"  # kept with the person: automatic assignment leaves them there


def move_people(plan: Plan, ids, group_id: int | None) -> Outcome:
    """Put participants in ``group_id`` (None: in no group). Placed by hand, they are
    locked there, so that automatic assignment keeps them; taken out, they are free
    again. None when everyone is there already."""
    if group_id is not None and plan.group(group_id) is None:
        return Refusal(f"找不到组 #{group_id}", f"no group #{group_id}")
    edits = []
    for participant_id in dict.fromkeys(ids):
        person = plan.get("participants", participant_id)
        if person is None:
            return Refusal(f"找不到学员 #{participant_id}", f"no participant #{participant_id}")
        if person.group_id == group_id:
            continue
        edits.append(Update("participants", person.id, {
            "group_id": group_id, "locked": group_id is not None,
            "group_reason": HAND_REASON if group_id is not None else ""}))
    return Batch(tuple(edits)) if edits else None
