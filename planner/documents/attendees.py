"""Who a document before or after the tour lists besides the groups' members."""

from __future__ import annotations

from planner.documents import Documents
from planner.model import Participant
from planner.roles import role_order


def unassigned_people(docs: Documents) -> list[Participant]:
    """People in no group, as a roster orders them (leaders first): they sign in at the
    plenaries, get name cards and may write reflections too."""
    order = role_order(docs.plan)
    return sorted(docs.unassigned(), key=lambda p: (order.get(p.role, len(order)), p.id))
