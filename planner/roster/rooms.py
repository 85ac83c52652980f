"""Who shares a room: the pairing rule the rooming lists print and the budget counts.

Group leaders get a single room unless they asked for a twin (``room_type``); everyone
else shares a twin room with someone of the same gender and group (of the same unit
when possible); a person whose gender is not known gets a room of their own.
"""

from __future__ import annotations

from planner.model import Participant, Plan
from planner.roles import GROUP_LEADER, role_order


def wants_single(person: Participant) -> bool:
    if person.room_type:
        return person.room_type == "single"
    return person.role == GROUP_LEADER


def pair_rooms(plan: Plan, people: list[Participant]) -> list[tuple[str, str, tuple[Participant, ...], str]]:
    """(kind, gender, people, note) per room for one group: never mixed genders."""
    rooms = []
    sharing: dict[str, list[Participant]] = {"male": [], "female": []}
    order = role_order(plan)
    for person in sorted(people, key=lambda p: (order.get(p.role, len(order)), p.id)):
        if person.gender not in sharing:
            rooms.append(("single", "", (person,), "性别未填，单独安排"))
        elif wants_single(person):
            rooms.append(("single", person.gender, (person,), ""))
        else:
            sharing[person.gender].append(person)
    for gender in ("male", "female"):
        queue = sorted(sharing[gender], key=lambda p: (p.unit, p.id))
        for index in range(0, len(queue) - 1, 2):
            rooms.append(("twin", gender, (queue[index], queue[index + 1]), ""))
        if len(queue) % 2:
            rooms.append(("single", gender, (queue[-1],), "同性别人数为单数，单住"))
    return rooms
