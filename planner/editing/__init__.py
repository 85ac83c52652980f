"""The organiser's edits as named operations: the rules of editing, in the domain.

Each operation is a pure function of the plan (and, where times matter, its timetable)
that returns the edit to apply (``planner.edits`` values), ``None`` when there is
nothing to change, or a ``Refusal`` that says why it cannot be done, in Chinese and
English. Views call them and hand the result to the document; none of them builds an
edit itself, so the app and scripts share one set of rules, testable without Qt.
"""

from __future__ import annotations

from planner.editing.adding import add_group, add_hotel, add_lodgings, add_place, add_plenary, add_site, free_colour
from planner.editing.deleting import delete_items
from planner.editing.people import move_people
from planner.editing.refusal import Outcome, Refusal
from planner.editing.sessions import add_session, move_session
from planner.editing.fields import choose_leg_option, set_fields
from planner.editing.settle import Applied, Settled, edit_plan, settle

__all__ = [
    "Applied", "Outcome", "Refusal", "Settled", "add_group", "add_hotel", "add_lodgings", "add_place", "add_plenary",
    "add_session", "add_site", "choose_leg_option", "delete_items", "edit_plan", "free_colour", "move_people",
    "move_session", "set_fields", "settle",
]
