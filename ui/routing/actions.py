"""The 优化路线 (Optimise route) and 分组规划 (Plan groups) actions of the main window.

Both ask what to do in a small dialog, run the solver off the UI thread through
``ui.tasks.run_task`` (progress and Cancel; on Cancel the best result found so far is
still shown), in a separate process because OR-Tools holds the GIL while it searches,
then show the preview. Optimising applies the result as one undoable edit through the
window's ``PlanDocument``; planning groups writes a new plan file and opens it. Dialogs go through ``window.run_dialog`` and file names through
``window.ask_path`` when the window has them (tests replace both).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDoubleSpinBox, QFormLayout, QMainWindow, QMenu, QMessageBox,
    QSpinBox, QWidget,
)

from planner.progress import Progress
from planner.records import MAX_DAYS
from planner.routing.commands import DEFAULT_COMMAND_TIME_LIMIT, DEFAULT_OPTIMISE_TIME_LIMIT
from planner.routing.plan_routes import Proposal, propose_optimisation
from planner.routing.split import DEFAULT_MAX_TRAVEL, plan_groups
from planner.separate_process import run_separately
from ui.dialogs import ok_cancel_buttons
from ui.i18n import day_name
from ui.tasks import run_task

PLAN_MENU_TITLES = ("方案(&P)", "方案")


def time_limit_box(seconds: float = DEFAULT_COMMAND_TIME_LIMIT) -> QDoubleSpinBox:
    """Seconds the solver may take (it keeps the best found when time runs out)."""
    box = QDoubleSpinBox()
    box.setRange(0.5, 600)
    box.setValue(seconds)
    box.setSuffix(QCoreApplication.translate("RoutingDialogs", " 秒"))
    return box


class OptimiseDialog(QDialog):
    """What to optimise: a group or all, a day or all, and for how long."""

    def __init__(self, plan, group_id: int | None = None, day: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("优化路线"))
        form = QFormLayout(self)
        self.group = QComboBox()
        self.group.addItem(self.tr("全部组"), None)
        for group in plan.ordered_groups():
            self.group.addItem(group.name, group.id)
        self.group.setCurrentIndex(max(0, self.group.findData(group_id)))
        self.day = QComboBox()
        self.day.addItem(self.tr("全部日期"), None)
        for number in range(1, plan.programme.days + 1):
            self.day.addItem(day_name(number, plan.programme.date_of(number)), number)
        self.day.setCurrentIndex(max(0, self.day.findData(day)))
        self.time_limit = time_limit_box(DEFAULT_OPTIMISE_TIME_LIMIT)
        self.longer_days = QCheckBox(self.tr("允许延长日程（可能增加警告）"))
        self.longer_days.setToolTip(self.tr("默认不让任何一天超出日程时间更多，也不增加检查警告；勾选后为减少行车可以放宽"))
        form.addRow(self.tr("组"), self.group)
        form.addRow(self.tr("日期"), self.day)
        form.addRow(self.tr("最长计算时间"), self.time_limit)
        form.addRow("", self.longer_days)
        form.addRow(ok_cancel_buttons(self, self.tr("开始优化")))

    def values(self) -> dict:
        return {"group_id": self.group.currentData(), "day": self.day.currentData(),
                "time_limit": self.time_limit.value(), "allow_longer_days": self.longer_days.isChecked()}


class PlanGroupsDialog(QDialog):
    """How many groups, over how many days."""

    def __init__(self, plan, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("分组规划"))
        form = QFormLayout(self)
        self.groups = QSpinBox()
        self.groups.setRange(1, 20)
        self.groups.setValue(max(1, len(plan.groups)))
        self.days = QSpinBox()
        self.days.setRange(1, MAX_DAYS)
        self.days.setValue(plan.programme.days)
        self.spread = QComboBox()
        self.spread.addItem(self.tr("均匀分布（各天一样满）"), "even")
        self.spread.addItem(self.tr("靠前安排（空闲日留在最后）"), "front")
        self.max_travel = QDoubleSpinBox()
        self.max_travel.setRange(0.5, 24)
        self.max_travel.setSingleStep(0.5)
        self.max_travel.setValue(DEFAULT_MAX_TRAVEL / 60)
        self.max_travel.setSuffix(self.tr(" 小时"))
        self.max_travel.setToolTip(self.tr("每天各站之间的行车时间上限，出发和返程的长途不计"))
        self.time_limit = time_limit_box()
        form.addRow(self.tr("组数"), self.groups)
        form.addRow(self.tr("天数"), self.days)
        form.addRow(self.tr("日程分布"), self.spread)
        form.addRow(self.tr("每天最多行车"), self.max_travel)
        form.addRow(self.tr("最长计算时间"), self.time_limit)
        form.addRow(ok_cancel_buttons(self, self.tr("开始规划")))

    def values(self) -> dict:
        return {"groups": self.groups.value(), "days": self.days.value(), "spread": self.spread.currentData(),
                "max_travel": round(self.max_travel.value() * 60), "time_limit": self.time_limit.value()}


class RoutingActions(QObject):
    """Owns the two actions and the running task for one main window."""

    def __init__(self, window: QMainWindow, show_maps: bool = True):
        super().__init__(window)
        self.window = window
        self.show_maps = show_maps
        self.task = None
        self.last_preview = None
        self.optimise_options: dict = {}  # more propose_optimisation arguments (tests lift the solution limit)
        self.optimise_action = QAction(self.tr("优化路线(&O)…"), window)
        self.optimise_action.setObjectName("optimiseRouteAction")
        self.optimise_action.setStatusTip(self.tr("在时间限制内优化所选组或日期（或全部）的路线顺序，先预览再应用"))
        self.optimise_action.triggered.connect(self.optimise)
        self.plan_groups_action = QAction(self.tr("分组规划(&G)…"), window)
        self.plan_groups_action.setObjectName("planGroupsAction")
        self.plan_groups_action.setStatusTip(self.tr("把各县（市、区）分给若干组并排好每天的路线，另存为新方案"))
        self.plan_groups_action.triggered.connect(self.plan_groups)

    # --- helpers ----------------------------------------------------------------------

    def _run_dialog(self, dialog: QDialog) -> bool:
        runner = getattr(self.window, "run_dialog", None)
        return bool(runner(dialog)) if runner else bool(dialog.exec())

    def _busy(self) -> bool:
        if self.task is not None:
            QMessageBox.information(self.window, self.tr("路线规划"), self.tr("上一次计算还没有结束。"))
            return True
        return False

    def stop(self) -> None:
        """The window is closing or about to show another plan: stop the running
        computation and drop its result, which belongs to a plan no longer shown."""
        if self.task is not None:
            self.task.abandon()
            self.task = None

    def _still_shown(self, document) -> bool:
        """Whether ``document`` is still the window's open plan (not replaced, not closed)."""
        return document is self.window.document and not document.closed

    def _ended(self, *_args) -> None:
        self.task = None

    def _failed(self, message: str) -> None:
        self.task = None
        QMessageBox.warning(self.window, self.tr("路线规划"), message)

    # --- optimise ---------------------------------------------------------------------

    def optimise(self) -> None:
        document = self.window.document
        if document is None or self._busy():
            return
        selection = document.selection
        group_id = selection.first if selection.kind == "groups" else None
        day = selection.first if selection.kind == "days" else None
        if selection.kind == "sessions" and selection.first is not None:
            session = document.plan.get("sessions", selection.first)
            if session is not None:
                group_id, day = session.group_id, session.day
        dialog = OptimiseDialog(document.plan, group_id, day, self.window)
        if not self._run_dialog(dialog):
            return
        values = dialog.values()
        plan = document.plan

        def work(progress: Progress) -> Proposal:
            return run_separately(propose_optimisation, plan, values["group_id"], values["day"],
                                  time_limit=values["time_limit"], allow_longer_days=values["allow_longer_days"],
                                  progress=progress, **self.optimise_options)

        self.task = run_task(self.window, self.tr("正在优化路线…"), work)
        self.task.finished.connect(lambda proposal: self._show_proposal(proposal, document, plan))
        self.task.failed.connect(self._failed)
        self.task.cancelled.connect(self._ended)

    def _show_proposal(self, proposal: Proposal, document, plan) -> None:
        from ui.routing.preview import optimisation_preview

        self.task = None
        if not self._still_shown(document):  # the window closed or shows another plan now
            return
        if document.plan is not plan:
            QMessageBox.information(self.window, self.tr("优化路线"), self.tr("方案在计算期间已改动，请重新优化。"))
            return
        dialog = optimisation_preview(proposal, show_maps=self.show_maps, parent=self.window)
        self.last_preview = dialog
        if self._run_dialog(dialog) and proposal.changed:
            document.edit(proposal.edit, self.tr("优化路线"))

    # --- plan groups --------------------------------------------------------------------

    def plan_groups(self) -> None:
        document = self.window.document
        if document is None or self._busy():
            return
        dialog = PlanGroupsDialog(document.plan, self.window)
        if not self._run_dialog(dialog):
            return
        values = dialog.values()
        plan = document.plan
        cancelled = {"flag": False}

        def work(progress: Progress):
            result = run_separately(plan_groups, plan, values["groups"], values["days"], spread=values["spread"],
                                    max_travel=values["max_travel"], time_limit=values["time_limit"],
                                    progress=progress)
            cancelled["flag"] = progress.cancelled  # a result after Cancel is the best found by then
            return result

        self.task = run_task(self.window, self.tr("正在分组规划…"), work)
        self.task.finished.connect(lambda planned: self._show_groups(document, plan, planned, cancelled["flag"],
                                                                     values["max_travel"]))
        self.task.failed.connect(self._failed)
        self.task.cancelled.connect(self._ended)

    def _show_groups(self, document, before, planned, cancelled: bool, max_travel: int) -> None:
        from planner.store import PLAN_SUFFIX, PlanFile, PlanFileError
        from ui.routing.preview import groups_preview

        self.task = None
        if not self._still_shown(document):  # planned from a plan the window no longer shows
            return
        dialog = groups_preview(before, planned, cancelled=cancelled, max_travel=max_travel, show_maps=self.show_maps,
                                parent=self.window)
        self.last_preview = dialog
        if not self._run_dialog(dialog):
            return
        current = self.window.document.path
        start = str(current.with_name(current.stem + self.tr("-分组规划") + PLAN_SUFFIX))
        ask = getattr(self.window, "ask_path", None)
        path, _ = ask("save", self.tr("保存分组规划"), start, "考察方案 (*.stplan *.db)") if ask else ("", "")
        if not path:
            return
        if Path(path).resolve() == current.resolve():
            QMessageBox.warning(self.window, self.tr("分组规划"), self.tr("请另选文件名：不能覆盖正在编辑的方案。"))
            return
        try:
            PlanFile.create(path, planned, overwrite=Path(path).exists()).close()
        except PlanFileError as error:
            QMessageBox.critical(self.window, self.tr("分组规划"), f"{error.message_zh}\n\n{error.message_en}")
            return
        opener = getattr(self.window, "open_path", None)
        if opener:
            opener(path)


def _plan_menu(window: QMainWindow) -> QMenu | None:
    translated = QCoreApplication.translate("MainWindow", "方案(&P)")  # the title main_window.py gives it
    titles = {t.replace("&", "") for t in (*PLAN_MENU_TITLES, translated)}
    for action in window.menuBar().actions():
        menu = action.menu()
        if menu is not None and menu.title().replace("&", "") in titles:
            return menu
    return None


def install_routing_actions(window: QMainWindow, *, show_maps: bool = True) -> RoutingActions:
    """Add 优化路线 and 分组规划 to the window's 方案 menu (a new 方案 menu if there is none).
    Returns the controller (also kept as ``window.routing_actions``)."""
    existing = getattr(window, "routing_actions", None)
    if isinstance(existing, RoutingActions):
        return existing
    actions = RoutingActions(window, show_maps=show_maps)
    menu = _plan_menu(window) or window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "方案(&P)"))
    menu.addSeparator()
    menu.addAction(actions.optimise_action)
    menu.addAction(actions.plan_groups_action)
    window.routing_actions = actions
    return actions
