"""An organiser's edit made whole — ids for what it adds and the consequences it has —
and written to the plan file as one step."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from planner.edits import Batch, Change, Edit
from planner.model import Plan
from planner.operations import apply_in_memory, consequences, with_ids
from planner.schedule import Timetable
from planner.store import PlanFile


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


class Applied(NamedTuple):
    """An edit written to the file: the plan and timetable it led to, and the change
    (with its inverse, for undo)."""

    plan: Plan
    change: Change
    timetable: Timetable


def edit_plan(plan_file: PlanFile, plan: Plan, edit: Edit, label: str = "") -> Applied:
    """Apply ``edit`` and its consequences to the file as one transaction (one undo
    step). The plan returned equals what the file now holds. Raises ``PlanEditError``
    (the file left as it was) when the file refuses it."""
    settled = settle(plan, edit, label or (edit.label if isinstance(edit, Batch) else ""))
    return Applied(settled.plan, plan_file.apply(settled.whole), settled.timetable)
