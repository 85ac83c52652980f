"""The open plan as the window sees it: the file, the plan in memory, its timetable and
findings, the undo stack and the selection — one object every view talks to.

Every edit goes through ``PlanDocument.edit``: the change and its consequences (legs,
re-timed sessions) are written to the file as one transaction and pushed on the undo
stack as one step. Views listen to ``changed`` (which kinds of item changed) and
``selectionChanged``; none of them touches the file.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from planner.checks import Finding, check
from planner.edits import Change, Edit, PlanEditError
from planner.editing import Outcome, Refusal, settle
from planner.limits import check_edit
from planner.model import Plan
from planner.operations import apply_in_memory
from planner.schedule import Timetable, schedule
from planner.store import PlanFile


@dataclass(frozen=True)
class Selection:
    """What is selected: items of one kind ("sessions", "sites", …, or "days" by number)."""

    kind: str = ""
    ids: tuple[int, ...] = ()
    source: str = ""  # the view that made it, so it does not react to its own selection

    @property
    def first(self) -> int | None:
        return self.ids[0] if self.ids else None


class _EditCommand(QUndoCommand):
    """One undo step. The first application happens before the push (so a refused edit
    never reaches the stack); undo and redo replay exact inverses."""

    def __init__(self, document: "PlanDocument", change: Change, label: str):
        super().__init__(label)
        self._document = document
        self._backward = change.inverse
        self._forward: Edit | None = None
        self._applied = True

    def redo(self) -> None:
        if self._applied:
            return
        change = self._document._apply_exact(self._forward)
        self._backward, self._applied = change.inverse, True

    def undo(self) -> None:
        change = self._document._apply_exact(self._backward)
        self._forward, self._applied = change.inverse, False


class PlanDocument(QObject):
    changed = Signal(frozenset)  # kinds of item that changed ("sessions", "programme"…); all on load
    selectionChanged = Signal(object)  # Selection
    editFailed = Signal(str)  # a refused edit's message (Chinese and English)

    ALL_KINDS = frozenset({"programme", "groups", "places", "sites", "sessions", "plenaries", "legs",
                           "lodgings", "participants", "day_settings", "budget_lines", "fee_caps",
                           "indicators", "reflections", "measures"})

    def __init__(self, plan_file: PlanFile, parent: QObject | None = None):
        plan = plan_file.load()  # first: a damaged file raises before any Qt object is made
        super().__init__(parent)
        self.plan_file = plan_file
        self.undo_stack = QUndoStack(self)
        self.selection = Selection()
        self.plan: Plan = plan
        self.timetable: Timetable
        self.findings: list[Finding]
        self._refresh_derived()

    @property
    def path(self):
        return self.plan_file.path

    # --- editing ----------------------------------------------------------------------

    def edit(self, edit: Edit, label: str) -> Change | None:
        """Apply an organiser's edit with its consequences as one undoable step.
        Returns the change, or None (and emits ``editFailed``) if the plan refused it."""
        try:
            check_edit(edit)  # what was typed or pasted, within the input limits
        except PlanEditError as error:
            self.editFailed.emit(f"{error.message_zh}\n{error.message_en}")
            return None
        settled = settle(self.plan, edit, label)
        try:
            change = self.plan_file.apply(settled.whole)
        except PlanEditError as error:
            self.editFailed.emit(f"{error.message_zh}\n{error.message_en}")
            return None
        self.plan = settled.plan
        self._refresh_derived(settled.timetable)
        self.undo_stack.push(_EditCommand(self, change, label))
        self.changed.emit(frozenset(change.touched))
        return change

    def perform(self, outcome: Outcome, label: str) -> Change | None:
        """Carry out what an operation (``planner.editing``) answered: an edit becomes
        one undo step; a refusal is said once (``editFailed``); None changes nothing."""
        if outcome is None:
            return None
        if isinstance(outcome, Refusal):
            self.editFailed.emit(str(outcome))
            return None
        return self.edit(outcome, label)

    def _apply_exact(self, edit: Edit) -> Change:
        """Replay an undo or redo step exactly (its consequences are already in it)."""
        change = self.plan_file.apply(edit)
        self.plan = apply_in_memory(self.plan, edit)
        self._refresh_derived()
        self.changed.emit(frozenset(change.touched))
        return change

    def _refresh_derived(self, timetable: Timetable | None = None) -> None:
        self.timetable = timetable or schedule(self.plan)
        self.findings = check(self.plan, self.timetable)

    # --- selection --------------------------------------------------------------------

    def select(self, kind: str, ids, source: str = "") -> None:
        selection = Selection(kind, tuple(ids), source)
        if selection != self.selection:
            self.selection = selection
            self.selectionChanged.emit(selection)

    @property
    def closed(self) -> bool:
        return self.plan_file.closed

    def close(self) -> None:
        self.plan_file.close()
