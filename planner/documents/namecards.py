"""桌签 and 名牌: a folded A4 table card per participant (the name large, the unit small,
printed twice, the upper half upside down so that both faces read upright once folded)
and lanyard badges, six to an A4 page with cut marks.

Everybody in the plan gets both, group by group in roster order; people in no group last.
"""

from __future__ import annotations

from dataclasses import dataclass

from planner.documents import Documents
from planner.documents.attendees import unassigned_people
from planner.roles import role_name

BADGES_PER_PAGE = 6  # 2 × 3, each 90 × 88 mm (see material.css)


@dataclass(frozen=True)
class NameCard:
    participant_id: int
    name: str
    unit: str
    title: str
    group: str
    role: str
    colour: str  # the group's, for the badge's band

    @property
    def name_length(self) -> int:
        """Characters of the name as printed (a 2-character name is spaced out)."""
        return len(self.name.replace(" ", ""))


def name_cards(docs: Documents, group_id: int | None = None) -> list[NameCard]:
    plan = docs.plan
    cards = []
    for group in plan.ordered_groups():
        if group_id is not None and group.id != group_id:
            continue
        for row in docs.roster(group.id).rows:
            person = plan.get("participants", row.participant_id)
            cards.append(NameCard(person.id, person.name, person.unit, person.title, group.name,
                                  role_name(plan, person.role), group.colour))
    if group_id is None:
        for person in unassigned_people(docs):
            cards.append(NameCard(person.id, person.name, person.unit, person.title, "",
                                  role_name(plan, person.role), "#555555"))
    return cards


def badge_pages(cards: list[NameCard]) -> list[tuple[NameCard, ...]]:
    return [tuple(cards[i:i + BADGES_PER_PAGE]) for i in range(0, len(cards), BADGES_PER_PAGE)]
