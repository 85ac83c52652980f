"""Edits to a plan, as values.

Every change the app or a command makes to a plan file is one of these, applied by
``PlanFile.apply`` in one transaction. Applying an edit returns a ``Change`` that says
which items it touched (so views refresh only what changed) and carries the edit that
reverses it (so undo has one place that knows how).
Values are in domain form: times of day in minutes, lists as tuples or lists.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from functools import cache

from planner.model import ITEM_TYPES, Programme


class PlanEditError(Exception):
    """An edit the plan cannot take; the file is left as it was."""

    def __init__(self, message_zh: str, message_en: str):
        super().__init__(f"{message_zh}（{message_en}）")
        self.message_zh = message_zh
        self.message_en = message_en


@cache
def _field_names(kind: str) -> frozenset[str]:
    item_type = Programme if kind == "programme" else ITEM_TYPES.get(kind)
    if item_type is None:
        raise PlanEditError(f"未知的条目类型：{kind}", f"unknown kind of item: {kind}")
    return frozenset(f.name for f in fields(item_type) if f.init)


def _check_names(kind: str, names) -> None:
    """An edit names a kind of item and fields it has: a misspelt field is refused when
    the edit is made, not when the file is written (or, worse, ignored in memory)."""
    unknown = sorted(set(names) - _field_names(kind))
    if unknown:
        names = ", ".join(f"{kind}.{name}" for name in unknown)
        raise PlanEditError(f"未知字段：{names}", f"unknown field: {names}")


@dataclass(frozen=True)
class Insert:
    kind: str  # table name, e.g. "sessions"
    values: dict  # field -> value; may hold "id" to re-create a deleted item under its old id

    def __post_init__(self):
        _check_names(self.kind, self.values)


@dataclass(frozen=True)
class Update:
    kind: str
    id: int
    changes: dict  # field -> new value

    def __post_init__(self):
        _check_names(self.kind, self.changes)


@dataclass(frozen=True)
class Delete:
    kind: str
    id: int

    def __post_init__(self):
        _field_names(self.kind)


@dataclass(frozen=True)
class UpdateProgramme:
    changes: dict  # programme field -> new value

    def __post_init__(self):
        _check_names("programme", self.changes)


@dataclass(frozen=True)
class Batch:
    """Several edits applied, and undone, as one."""

    edits: tuple[Insert | Update | Delete | UpdateProgramme | Batch, ...]
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
