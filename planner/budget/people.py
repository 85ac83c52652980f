"""Who counts for the budget: trainees (参训人员, the cap is per trainee-day) and everyone
who eats and sleeps (trainees and staff: the standard's 住宿费 and 伙食费 cover both)."""

from __future__ import annotations

from planner.model import Participant, Plan
from planner.roles import role


def is_trainee(plan: Plan, participant: Participant) -> bool:
    """Whether ``participant`` counts as a trainee under the fee standard: their role says
    (``planner.roles``: 学员 are trainees; leaders, liaisons, observers, journalists and
    staff are not, unless the organiser's own roles say otherwise)."""
    return role(plan, participant.role).trainee


def trainees(plan: Plan) -> list[Participant]:
    return list(plan.derived(("participants", "roles"), "trainees",
                             lambda: tuple(p for p in plan.participants if is_trainee(plan, p))))


def group_people(plan: Plan) -> dict[int, list[Participant]]:
    """Each group's people (trainees and staff), by group id."""
    return {group_id: list(people) for group_id, people in
            plan.derived(("participants", "groups"), "people by group", lambda: _group_people(plan)).items()}


def _group_people(plan: Plan) -> dict[int, tuple[Participant, ...]]:
    found: dict[int, list[Participant]] = {}
    for person in plan.participants:
        if person.group_id is not None and plan.group(person.group_id) is not None:
            found.setdefault(person.group_id, []).append(person)
    return {group_id: tuple(people) for group_id, people in found.items()}
