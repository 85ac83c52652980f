"""资料 in the app: the training notice's text, figures per place, reflections and the
measures list — a 资料 menu whose every change is one undoable step through the
PlanDocument. The tables (对标指标, 学习体会, 举措清单) are tabs of the main window
(``MATERIAL_TABS``); questions to ask are a site's property.

The main window calls ``install_material_actions(window)`` once.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox

from planner.documents import Documents
from planner.material.indicators import read_indicators
from planner.material.measures import read_measures
from planner.material.operations import set_notice
from planner.material.preview import MaterialError
from planner.material.reflections import read_reflections
from ui.material.dialogs import ImportPreviewDialog, NoticeDialog

MATERIAL_TABS = ("indicators", "reflections", "measures")
SHEET_FILTER = "Excel (*.xlsx *.xls *.csv);;所有文件 (*)"


class MaterialActions(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.notice_action = QAction(self.tr("编辑培训通知(&N)…"), window)
        self.notice_action.setStatusTip(self.tr("培训通知的文字，方案中的内容打印时自动填入"))
        self.notice_action.triggered.connect(self.edit_notice)
        self.indicators_action = QAction(self.tr("导入对标指标(&I)…"), window)
        self.indicators_action.setStatusTip(self.tr("从 Excel 导入各县（市、区）和本地的指标（第一列为地区）"))
        self.indicators_action.triggered.connect(self.import_indicators)
        self.reflections_action = QAction(self.tr("导入学习体会(&R)…"), window)
        self.reflections_action.setStatusTip(self.tr("从文件夹导入每人一篇的学习体会（.docx 或 .txt）"))
        self.reflections_action.triggered.connect(self.import_reflections)
        self.measures_action = QAction(self.tr("读回举措清单(&M)…"), window)
        self.measures_action.setStatusTip(self.tr("读回导出后在 Excel 中更新的举措清单"))
        self.measures_action.triggered.connect(self.import_measures)
        self.menu = window.menuBar().addMenu(self.tr("资料(&M)"))
        view_menu = getattr(window, "view_menu", None)
        if view_menu is not None:  # before 视图
            window.menuBar().insertMenu(view_menu.menuAction(), self.menu)
        self.menu.addAction(self.notice_action)
        self.menu.addSeparator()
        self.menu.addActions([self.indicators_action, self.reflections_action, self.measures_action])

    @property
    def document(self):
        return self.window.document

    def ask_folder(self, title: str, start: str) -> str:
        """A folder chosen by the organiser ('' for none); tests replace it."""
        return QFileDialog.getExistingDirectory(self.window, title, start)

    def edit_notice(self) -> None:
        dialog = NoticeDialog(Documents(self.document.plan, self.document.timetable), self.window)
        if not self.window.run_dialog(dialog):
            return
        edit = set_notice(self.document.plan, dialog.text())
        if edit is not None:
            self.document.edit(edit, self.tr("修改培训通知"))

    def _preview(self, title: str, read, reread=None) -> None:
        try:
            preview = read()
        except MaterialError as error:
            QMessageBox.warning(self.window, title, f"{error.message_zh}\n{error.message_en}")
            return
        dialog = ImportPreviewDialog(title, preview, reread, self.window)
        if self.window.run_dialog(dialog):
            edit = dialog.edit()
            if edit.edits:
                self.document.edit(edit, edit.label)

    def import_indicators(self) -> None:
        title = self.tr("导入对标指标")
        path, _ = self.window.ask_path("open", title, str(self.document.path.parent), SHEET_FILTER)
        if path:
            plan = self.document.plan
            self._preview(title, lambda: read_indicators(plan, path),
                          lambda home: read_indicators(plan, path, home=home))

    def import_reflections(self) -> None:
        title = self.tr("导入学习体会")
        folder = self.ask_folder(title, str(self.document.path.parent))
        if folder:
            plan = self.document.plan
            self._preview(title, lambda: read_reflections(plan, folder))

    def import_measures(self) -> None:
        title = self.tr("读回举措清单")
        path, _ = self.window.ask_path("open", title, str(self.document.path.parent), SHEET_FILTER)
        if path:
            plan = self.document.plan
            self._preview(title, lambda: read_measures(plan, path))


def install_material_actions(window) -> MaterialActions:
    """Add the 资料 menu to the main window."""
    return MaterialActions(window)
