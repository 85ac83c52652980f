"""An organiser's edit made whole: ids for what it adds and the consequences it has."""

from __future__ import annotations

from dataclasses import dataclass

from planner.edits import Batch, Edit
from planner.model import Plan
from planner.operations import apply_in_memory, consequences, with_ids
from planner.schedule import Timetable


@dataclass(frozen=True)
class Settled:
    """What to write (the edit and its consequences, one batch), and the plan and
    timetable it leads to."""

    whole: Batch
    plan: Plan
    timetable: Timetable


def settle(plan: Plan, edit: Edit, label: str = "") -> Settled:
    """``edit`` with explicit ids, followed by the legs, pinned ends and times it makes
    necessary, as one batch labelled ``label``; and the plan once it is applied."""
    edit = with_ids(plan, edit)
    after = apply_in_memory(plan, edit)
    follow_on, timetable = consequences(after, plan)
    return Settled(Batch((edit, *follow_on), label), apply_in_memory(after, Batch(tuple(follow_on))), timetable)
