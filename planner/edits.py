"""Edits to a plan, as values.

Every change the app or a command makes to a plan file is one of these, applied by
``PlanFile.apply`` in one transaction. Applying an edit returns a ``Change`` that says
which items it touched (so views refresh only what changed) and carries the edit that
reverses it (so undo has one place that knows how).
Values are in domain form: times of day in minutes, lists as tuples or lists.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Insert:
    kind: str  # table name, e.g. "sessions"
    values: dict  # may hold "id" to re-create a deleted item under its old id


@dataclass(frozen=True)
class Update:
    kind: str
    id: int
    changes: dict


@dataclass(frozen=True)
class Delete:
    kind: str
    id: int


@dataclass(frozen=True)
class UpdateProgramme:
    changes: dict


@dataclass(frozen=True)
class Batch:
    """Several edits applied, and undone, as one."""

    edits: tuple
    label: str = ""


Edit = Insert | Update | Delete | UpdateProgramme | Batch


@dataclass(frozen=True)
class Change:
    """What an applied edit did: the ids it touched per kind, and how to reverse it."""

    touched: dict[str, frozenset[int]]
    inverse: Edit
    label: str = ""
    new_ids: tuple[int, ...] = field(default=())  # ids given to inserted items, in order

    @property
    def kinds(self) -> frozenset[str]:
        return frozenset(self.touched)

    @property
    def new_id(self) -> int | None:
        return self.new_ids[0] if self.new_ids else None


class PlanEditError(Exception):
    """An edit the plan cannot take; the file is left as it was."""

    def __init__(self, message_zh: str, message_en: str):
        super().__init__(f"{message_zh}（{message_en}）")
        self.message_zh = message_zh
        self.message_en = message_en
