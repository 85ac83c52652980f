"""The open plan as the window sees it: the file, the plan in memory, its timetable and
findings, the undo stack and the selection — one object every view talks to.

Every edit goes through ``PlanDocument.attempt`` (or ``perform``/``edit``, which let the
window say why an edit was refused): ``planner.editing.edit_plan`` writes the change and
its consequences (legs, re-timed sessions) to the file as one transaction, and it is
pushed on the undo stack as one step. Views listen to ``changed`` (which kinds of item changed) and
``selectionChanged``; none of them touches the file.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from planner.checks import Finding, check
from planner.edits import Change, Edit, PlanEditError
from planner.editing import Outcome, Refusal, edit_plan
from planner.limits import check_edit
from planner.model import Plan
from planner.operations import apply_in_memory
from planner.schedule import Timetable, schedule
from planner.store import PlanFile, PlanFileError


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
    never reaches the stack); undo and redo replay exact inverses. A replay the file
    refuses (made read-only, locked by another program) raises nothing into Qt: the
    document reloads the plan from the file and says why (``_replay_failed``)."""

    def __init__(self, document: "PlanDocument", change: Change, label: str):
        super().__init__(label)
        self._document = document
        self._backward = change.inverse
        self._forward: Edit | None = None
        self._applied = True

    def redo(self) -> None:
        if self._applied:
            return
        change = self._document._replay(self._forward, self.text(), undoing=False)
        if change is not None:
            self._backward, self._applied = change.inverse, True

    def undo(self) -> None:
        change = self._document._replay(self._backward, self.text(), undoing=True)
        if change is not None:
            self._forward, self._applied = change.inverse, False


class Attempt(NamedTuple):
    """What became of an edit: the change written, or why the plan refused it."""

    change: Change | None = None
    refusal: str = ""  # Chinese, then English; "" when done or when there was nothing to do


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

    def attempt(self, outcome: Outcome, label: str) -> Attempt:
        """Carry out an edit (or what an operation of ``planner.editing`` answered) with its
        consequences as one undoable step, and return why not if the plan refuses it:
        for views that show the reason where the user acted. Nothing is broadcast."""
        if outcome is None:
            return Attempt()
        if isinstance(outcome, Refusal):
            return Attempt(refusal=str(outcome))
        try:
            check_edit(outcome)  # what was typed or pasted, within the input limits
            applied = edit_plan(self.plan_file, self.plan, outcome, label)
        except PlanEditError as error:
            return Attempt(refusal=f"{error.message_zh}\n{error.message_en}")
        self.plan = applied.plan
        self._refresh_derived(applied.timetable)
        self.undo_stack.push(_EditCommand(self, applied.change, label))
        self.changed.emit(frozenset(applied.change.touched))
        return Attempt(applied.change)

    def perform(self, outcome: Outcome, label: str) -> Change | None:
        """``attempt``, for views with no place of their own to say why: a refusal is
        said once, by the window (``editFailed``). Returns the change, or None."""
        result = self.attempt(outcome, label)
        if result.refusal:
            self.editFailed.emit(result.refusal)
        return result.change

    def edit(self, edit: Edit, label: str) -> Change | None:
        """An organiser's edit as one undoable step (see ``perform``)."""
        return self.perform(edit, label)

    def _replay(self, edit: Edit, label: str, undoing: bool) -> Change | None:
        """Replay an undo or redo step exactly (its consequences are already in it). If
        the file refuses it, the plan is reloaded from the file, the undo history (which
        no longer matches the file) is dropped, and the reason is said once."""
        try:
            change = self.plan_file.apply(edit)
        except PlanEditError as error:
            self._replay_failed(label, undoing, f"{error.message_zh}\n{error.message_en}")
            return None
        self.plan = apply_in_memory(self.plan, edit)
        self._refresh_derived()
        self.changed.emit(frozenset(change.touched))
        return change

    def _replay_failed(self, label: str, undoing: bool, reason: str) -> None:
        try:
            self.plan = self.plan_file.load()
        except PlanFileError as error:  # the plan in memory still equals the file's last state
            reason += f"\n{error.reason_zh}\n{error.reason_en}"
        self._refresh_derived()
        # Not from inside the stack's own undo()/redo(): it still uses this command.
        QTimer.singleShot(0, self.undo_stack.clear)
        self.changed.emit(self.ALL_KINDS)
        what = ("撤销「{0}」失败", "Undo '{0}' failed") if undoing else ("重做「{0}」失败", "Redo '{0}' failed")
        self.editFailed.emit(f"{what[0].format(label)}：{reason}\n"
                             "方案已按文件重新载入，撤销记录已清空。\n"
                             f"{what[1].format(label)}. The plan was reloaded from its file and the undo history cleared.")

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
