"""学员 in the app: roster import, automatic assignment, and moving people between
groups by drag and drop — every change one undoable step through the PlanDocument.

The main window calls ``install_participant_actions(window)`` once; it adds a 学员
menu (import, assign, the groups pane) and the 分组 dock, which follows the window
when another plan is opened.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget

from ui.participants.assign_dialog import AssignDialog
from ui.participants.groups_view import ParticipantGroupsView
from ui.participants.import_dialog import ROSTER_FILTER, RosterImportDialog

DOCK_NAME = "participantGroupsDock"


class ParticipantActions(QObject):
    """The window's participant actions and the groups dock."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.dock: QDockWidget | None = None
        self._document = None
        self.view: ParticipantGroupsView | None = None
        self.import_action = QAction(self.tr("导入学员名单(&I)…"), window)
        self.import_action.setShortcut(QKeySequence("Ctrl+Shift+I"))
        self.import_action.setStatusTip(self.tr("从 Excel 或 CSV 名单导入学员（先预览，再确认）"))
        self.import_action.triggered.connect(self.import_roster)
        self.assign_action = QAction(self.tr("学员自动编组(&G)…"), window)
        self.assign_action.setStatusTip(self.tr("把未分组的学员编入各组（按座位、兴趣与单位），已在组中的人不动；也可全部重新编组"))
        self.assign_action.triggered.connect(self.assign)
        self.groups_action = QAction(self.tr("分组调整(&D)"), window)
        self.groups_action.setStatusTip(self.tr("显示各组学员，拖动调整"))
        self.groups_action.triggered.connect(self.show_groups)
        self.menu = window.menuBar().addMenu(self.tr("学员(&T)"))
        view_menu = getattr(window, "view_menu", None)
        if view_menu is not None:  # before 视图
            window.menuBar().insertMenu(view_menu.menuAction(), self.menu)
        self.menu.addActions([self.import_action, self.assign_action])
        self.menu.addSeparator()
        self.menu.addAction(self.groups_action)
        self._attach()

    # --- the dock follows the window's document ------------------------------------------

    def _attach(self) -> None:
        document = self.window.document
        if document is None:
            return
        self._document = document
        self.view = ParticipantGroupsView(document)
        dock = QDockWidget(self.tr("分组"), self.window)
        dock.setObjectName(DOCK_NAME)
        dock.setWidget(self.view)
        self.window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
        if not self.window.restoreDockWidget(dock):  # as the organiser left it, else out of the way
            dock.hide()
        if getattr(self.window, "view_menu", None) is not None:
            self.window.view_menu.addAction(dock.toggleViewAction())
        self.dock = dock
        # Opening another plan deletes this document (and the window's docks): follow it.
        document.destroyed.connect(self._document_gone)

    def _document_gone(self) -> None:
        self.dock = self.view = None
        document = getattr(self.window, "document", None)
        # The window itself is going (its document was not replaced): nothing to follow.
        if document is None or document is self._document or not shiboken6.isValid(document):
            return
        self._attach()

    # --- actions ---------------------------------------------------------------------------

    def import_roster(self) -> None:
        window = self.window
        path, _ = window.ask_path("open", self.tr("选择学员名单"), str(window.document.path.parent), ROSTER_FILTER)
        if not path:
            return
        dialog = RosterImportDialog(window.document.plan, path, window)
        if window.run_dialog(dialog) and (edit := dialog.edit()) is not None:
            window.document.edit(edit, edit.label or self.tr("导入学员名单"))

    def assign(self) -> None:
        window = self.window
        dialog = AssignDialog(window.document.plan, window)
        if window.run_dialog(dialog) and (edit := dialog.edit()) is not None and edit.edits:
            window.document.edit(edit, self.tr("学员自动编组"))

    def show_groups(self) -> None:
        if self.dock is not None:
            self.dock.show()
            self.dock.raise_()


def install_participant_actions(window) -> ParticipantActions:
    """Add the participant actions and the 分组 dock to the main window."""
    actions = ParticipantActions(window)
    window.participant_actions = actions
    return actions
