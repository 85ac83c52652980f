"""The main window: menus and the panes that show one open plan.

The window owns a ``PlanDocument`` and lays out the panes around it: the board (日程总览,
the home view), the timeline and the tables in the middle, outline, properties,
findings and map around; each pane talks only to the document. File handling (new,
open, save as, recent files) and the edit actions live here; every edit is a named
operation of ``planner.editing``.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QApplication, QDockWidget, QFileDialog, QMainWindow, QMessageBox, QScrollArea, QTabWidget, QToolButton,
    QVBoxLayout, QWidget,
)

from planner.editing import add_place, add_session, add_site, delete_items
from planner.store import PLAN_SUFFIX, PlanFile, PlanFileError
from ui import settings as app_settings
from ui.adding import install_add_actions
from ui.environment import SAMPLE_NAME
from ui.board import BoardView
from ui.budget_pane import BudgetPane
from ui.dialogs import AddPlaceDialog, AddSessionDialog, AddSiteDialog, NewPlanDialog
from ui.document import PlanDocument, Selection
from ui.findings import FindingsPanel
from ui.guide import GuideBar
from ui.i18n import is_english
from ui.icons import icon
from ui.map.view import MapPane
from ui.material import MATERIAL_TABS, install_material_actions
from ui.outline import OutlineView
from ui.panes import BUDGET, FINDINGS, PaneRules
from ui.participants import install_participant_actions
from ui.properties import PropertyEditor
from ui.routing import install_routing_actions
from ui.tables import ItemTable
from ui.timeline import TimelineView

APP_NAME = "考察方案编排"
DELETABLE = {"sessions", "sites", "places", "participants", "plenaries", "lodgings", "legs", "groups",
             "indicators", "reflections", "measures"}
PREFERRED_SIZE = QSize(1500, 950)


def plain_text(text: str) -> str:
    """An action's text without its access key and ellipsis: 打印与导出(&P)… -> 打印与导出."""
    return re.sub(r"\(&\w\)", "", text).replace("&", "").rstrip("…").rstrip(".").strip()


def scrolled(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    return area


def first_size(available: QSize, preferred: QSize = PREFERRED_SIZE) -> QSize:
    """The first window's size: the preferred one where the screen has room, else what
    the screen has (less a margin for the window's frame)."""
    return QSize(min(preferred.width(), available.width() - 16), min(preferred.height(), available.height() - 40))


class MainWindow(QMainWindow):
    def __init__(self, plan_file: PlanFile, settings: QSettings | None = None):
        super().__init__()
        self.settings = settings or QSettings()
        self.document: PlanDocument | None = None
        self.setObjectName("MainWindow")
        self._fit_screen()
        self._build_actions()
        self.add_actions = install_add_actions(self)
        self._build_menus()
        self.panes = PaneRules(self)
        self.status = self.panes.badge  # 错误 1 · 警告 2: opens the findings
        self.budget_button = QToolButton(self)
        self.budget_button.setObjectName("budgetButton")
        self.budget_button.setAutoRaise(True)
        self.budget_button.setIcon(icon("budget"))
        self.budget_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.budget_button.setText(self.tr("经费"))
        self.budget_button.setToolTip(self.tr("显示或隐藏经费预算"))
        self.budget_button.clicked.connect(self.toggle_budget)
        self.statusBar().addPermanentWidget(self.budget_button)
        self.statusBar().addPermanentWidget(self.status)
        self.set_document(self._first_document(plan_file))
        self.participant_actions = install_participant_actions(self)
        self.routing_actions = install_routing_actions(self)
        self.material_actions = install_material_actions(self)
        self.routing_actions.optimise_action.setIcon(icon("route"))
        self.toolbar.insertAction(self.check_action, self.routing_actions.optimise_action)
        groups_dock = self.participant_actions.dock
        self.tabifyDockWidget(self.findChild(QDockWidget, "outlineDock"), groups_dock)
        groups_dock.hide()  # 分组 stays out of the way until asked for (a saved layout may show it again)
        self.findChild(QDockWidget, "outlineDock").raise_()
        self._plain_toolbar_texts()
        self._restore_layout()
        self.panes.apply()

    # --- panes ----------------------------------------------------------------------

    def set_document(self, document: PlanDocument) -> None:
        """Show ``document``; the previous one is closed. The panes keep the places and
        sizes they had."""
        old_docks = [d for d in self.findChildren(QDockWidget)]
        state = self.saveState() if self.document is not None else None
        self._stop_tasks()
        if self.document is not None:
            self.document.close()
            self.document.deleteLater()
        self.document = document
        document.changed.connect(self._on_changed)
        document.editFailed.connect(self._show_edit_error)
        document.selectionChanged.connect(self._on_selection)

        self.board = BoardView(document)
        self.board.editRequested.connect(self.edit_item)
        self.board.addSessionRequested.connect(self.add_session)
        self.board.lodgingRequested.connect(self.add_actions.set_lodging)
        self.board.plenaryRequested.connect(self.add_actions.add_plenary)
        self.timeline = TimelineView(document)
        self.tables = {kind: ItemTable(document, kind) for kind in ("places", "sites", "participants", *MATERIAL_TABS)}
        for table in self.tables.values():  # the window's Delete serves them (one shortcut, not two)
            table.delete_action.setShortcut(QKeySequence())
        tabs = QTabWidget()
        tabs.setObjectName("mainTabs")
        tabs.addTab(self.board, self.tr("日程总览"))
        tabs.addTab(self.timeline, self.tr("日程时间轴"))
        tabs.addTab(self.tables["places"], self.tr("县（市、区）"))
        tabs.addTab(self.tables["sites"], self.tr("现场教学点"))
        tabs.addTab(self.tables["participants"], self.tr("学员"))
        tabs.addTab(self.tables["indicators"], self.tr("对标指标"))
        tabs.addTab(self.tables["reflections"], self.tr("学习体会"))
        tabs.addTab(self.tables["measures"], self.tr("举措清单"))
        self.guide = GuideBar(document, [self.add_place_action, self.add_site_action, self.add_session_action,
                                         lambda: getattr(self, "participant_actions", None)
                                         and self.participant_actions.import_action, self.print_action],
                              self.settings, is_sample=document.path.name == SAMPLE_NAME)
        central = QWidget()
        central.setObjectName("centralArea")
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(0)
        central_layout.addWidget(self.guide)
        central_layout.addWidget(tabs, 1)
        old_central = self.centralWidget()
        self.setCentralWidget(central)
        self.tabs = tabs
        if old_central is not None:
            old_central.deleteLater()

        self.outline = OutlineView(document)
        self.properties = PropertyEditor(document)
        self.findings = FindingsPanel(document, english=is_english())
        self.budget_pane = BudgetPane(document, english=is_english())
        self.map = MapPane()
        self.map.siteClicked.connect(lambda site_id: document.select("sites", [site_id], source="map"))
        self.map.set_plan(document.plan)
        for dock in old_docks:
            self.removeDockWidget(dock)
            dock.deleteLater()
        self._dock(self.outline, self.tr("方案大纲"), "outlineDock", Qt.DockWidgetArea.LeftDockWidgetArea)
        properties_dock = self._dock(self.properties, self.tr("属性"), "propertiesDock",
                                     Qt.DockWidgetArea.RightDockWidgetArea)
        map_dock = self._dock(self.map, self.tr("地图"), "mapDock", Qt.DockWidgetArea.RightDockWidgetArea)
        findings_dock = self._dock(self.findings, self.tr("检查结果"), "findingsDock",
                                   Qt.DockWidgetArea.BottomDockWidgetArea)
        # scrolled, so that its wide form does not set the window's least size (a 1366×768 screen)
        budget_dock = self._dock(scrolled(self.budget_pane), self.tr("经费"), "budgetDock",
                                 Qt.DockWidgetArea.BottomDockWidgetArea)
        self.tabifyDockWidget(findings_dock, budget_dock)
        findings_dock.raise_()
        # The map gets the right-hand column's room; properties sit below it.
        self.splitDockWidget(map_dock, properties_dock, Qt.Orientation.Vertical)
        if state is None:  # the first plan: the board, the map and what needs attention
            self.dock_named("outlineDock").hide()  # the board is the outline now; 视图 shows it
            budget_dock.hide()  # the status bar's 经费 opens it
        self.size_docks()
        if state is not None:
            self.restoreState(state)
        self.undo_action.setEnabled(False)
        self._connect_undo()
        self.panes.attach(document)
        self._on_changed(PlanDocument.ALL_KINDS)
        if state is not None:
            self.panes.apply()

    def _dock(self, widget: QWidget, title: str, name: str, area) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        self.view_menu.addAction(dock.toggleViewAction())
        return dock

    # --- actions ----------------------------------------------------------------------

    def _action(self, text: str, slot, shortcut=None, icon_name: str = "") -> QAction:
        action = QAction(icon(icon_name), text, self) if icon_name else QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())  # no "checked" into a slot's arguments
        return action

    def _build_actions(self) -> None:
        self.new_action = self._action(self.tr("新建(&N)…"), self.new_plan, QKeySequence.StandardKey.New, icon_name="new")
        self.open_action = self._action(self.tr("打开(&O)…"), self.open_plan, QKeySequence.StandardKey.Open, icon_name="open")
        self.save_as_action = self._action(self.tr("另存为(&A)…"), self.save_as, QKeySequence.StandardKey.SaveAs, icon_name="save-as")
        self.print_action = self._action(self.tr("打印与导出(&P)…"), self.print_documents, QKeySequence.StandardKey.Print, icon_name="print")
        self.close_action = self._action(self.tr("关闭(&C)"), self.close, QKeySequence.StandardKey.Close)
        self.undo_action = self._action(self.tr("撤销(&U)"), lambda: self.document.undo_stack.undo(),
                                        QKeySequence.StandardKey.Undo, icon_name="undo")
        self.redo_action = self._action(self.tr("重做(&R)"), lambda: self.document.undo_stack.redo(),
                                        QKeySequence("Ctrl+Shift+Z"), icon_name="redo")
        self.delete_action = self._action(self.tr("删除(&D)"), self.delete_selected, QKeySequence.StandardKey.Delete, icon_name="delete")
        self.add_place_action = self._action(self.tr("添加县（市、区）(&P)…"), self.add_place, QKeySequence("Ctrl+Shift+P"), icon_name="add-place")
        self.add_site_action = self._action(self.tr("添加教学点(&S)…"), self.add_site, QKeySequence("Ctrl+Shift+T"), icon_name="add-site")
        self.add_session_action = self._action(self.tr("安排现场教学(&E)…"), self.add_session, QKeySequence("Ctrl+Shift+E"), icon_name="add-session")
        self.check_action = self._action(self.tr("检查方案(&K)"), self.show_findings, QKeySequence("F5"), icon_name="check")
        self.save_as_action.setShortcuts([QKeySequence("Ctrl+Shift+S")])  # the same on every platform
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        # Added to the window itself so their shortcuts work wherever the focus is in it,
        # whether or not the menu bar and tool bar are shown.
        self.addActions([self.new_action, self.open_action, self.save_as_action, self.print_action,
                         self.close_action, self.undo_action, self.redo_action, self.delete_action,
                         self.add_place_action, self.add_site_action, self.add_session_action, self.check_action])

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("文件(&F)"))
        file_menu.addActions([self.new_action, self.open_action])
        self.recent_menu = file_menu.addMenu(self.tr("最近打开(&R)"))
        file_menu.addAction(self.save_as_action)
        file_menu.addSeparator()
        file_menu.addAction(self.print_action)
        file_menu.addSeparator()
        file_menu.addAction(self.close_action)
        edit_menu = self.menuBar().addMenu(self.tr("编辑(&E)"))
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        edit_menu.addAction(self.delete_action)
        self.plan_menu = plan_menu = self.menuBar().addMenu(self.tr("方案(&P)"))
        adding = self.add_actions
        plan_menu.addActions([self.add_place_action, self.add_site_action, adding.add_hotel_action,
                              self.add_session_action])
        plan_menu.addSeparator()
        plan_menu.addActions([adding.add_group_action, adding.add_plenary_action, adding.add_lodging_action])
        plan_menu.addSeparator()
        plan_menu.addAction(self.check_action)
        self.view_menu = self.menuBar().addMenu(self.tr("视图(&V)"))
        self.guide_action = self.view_menu.addAction(icon("guide"), self.tr("入门指引"), self.show_guide)
        self.view_menu.addSeparator()
        settings_menu = self.menuBar().addMenu(self.tr("设置(&S)"))
        language_menu = settings_menu.addMenu(self.tr("界面语言"))
        for code, label in (("auto", self.tr("跟随系统")), ("zh", "中文"), ("en", "English")):
            action = language_menu.addAction(label)
            action.setCheckable(True)
            action.setChecked(app_settings.LANGUAGE.get(self.settings) == code)
            action.triggered.connect(lambda _checked=False, c=code: self.set_language(c))
        self.toolbar = toolbar = self.addToolBar(self.tr("常用"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addActions([self.undo_action, self.redo_action])
        toolbar.addSeparator()
        adding = self.add_actions
        toolbar.addActions([self.add_place_action, self.add_site_action, self.add_session_action,
                            adding.add_plenary_action, adding.add_lodging_action, self.check_action])
        toolbar.addSeparator()
        toolbar.addAction(self.print_action)
        self._fill_recent()

    def _connect_undo(self) -> None:
        stack = self.document.undo_stack
        stack.canUndoChanged.connect(self.undo_action.setEnabled)
        stack.canRedoChanged.connect(self.redo_action.setEnabled)
        stack.undoTextChanged.connect(self._undo_text_changed)
        stack.redoTextChanged.connect(self._redo_text_changed)
        self.undo_action.setEnabled(stack.canUndo())
        self.redo_action.setEnabled(stack.canRedo())

    # Bound methods, not lambdas: Qt drops the connection when the window goes. The menu
    # says what is undone; the tool bar's button keeps its one word (it must not grow with
    # the text) and says it in its tooltip.
    def _undo_text_changed(self, text: str) -> None:
        self.undo_action.setText(self.tr("撤销 {action}").format(action=text) if text else self.tr("撤销(&U)"))
        self.undo_action.setToolTip(self.undo_action.text().replace("(&U)", ""))

    def _redo_text_changed(self, text: str) -> None:
        self.redo_action.setText(self.tr("重做 {action}").format(action=text) if text else self.tr("重做(&R)"))
        self.redo_action.setToolTip(self.redo_action.text().replace("(&R)", ""))

    def _plain_toolbar_texts(self) -> None:
        """Tool bar buttons without the menus' access keys ("(&P)") and ellipses: a
        Chinese tool bar reads 添加县（市、区）, not 添加县（市、区）(P)."""
        for action in self.toolbar.actions():
            if not action.isSeparator():
                action.setIconText(plain_text(action.text()))

    # --- document events --------------------------------------------------------------

    def _on_changed(self, kinds: frozenset) -> None:
        plan = self.document.plan
        app_name = self.tr("考察方案编排")
        self.setWindowTitle(f"{plan.programme.title} — {self.document.path.name} — {app_name}")
        if kinds - {"participants"} and hasattr(self, "map"):
            self.map.update_plan(plan)

    def _on_selection(self, selection: Selection) -> None:
        if selection.source != "map" and selection.kind in ("sites", "sessions", "groups", "places"):
            self.map.select(selection.kind, selection.ids)
        if selection.kind == "days" and selection.first is not None:
            self.map.show_day(selection.first)

    def _show_edit_error(self, message: str) -> None:
        QMessageBox.warning(self, APP_NAME, message)

    # --- asking the user (tests replace these two) ---------------------------------------

    def run_dialog(self, dialog) -> bool:
        return bool(dialog.exec())

    def ask_path(self, mode: str, title: str, start: str, filters: str) -> tuple[str, str]:
        if mode == "open":
            return QFileDialog.getOpenFileName(self, title, start, filters)
        return QFileDialog.getSaveFileName(self, title, start, filters)

    # --- editing ----------------------------------------------------------------------

    def delete_selected(self) -> None:
        focus = QApplication.focusWidget()
        for table in self.tables.values():
            if focus is not None and table.isAncestorOf(focus):
                table.delete_selected()  # its rows, with its label and refusal messages
                return
        selection = self.document.selection
        if selection.kind not in DELETABLE or not selection.ids:
            return
        self.document.perform(delete_items(self.document.plan, selection.kind, selection.ids), self.tr("删除所选"))

    def edit_item(self, kind: str, item_id: int) -> None:
        """Show an item's properties to edit (a double click on the board)."""
        self.document.select(kind, [item_id])
        dock = self.dock_named("propertiesDock")
        dock.show()
        dock.raise_()
        self.properties.setFocus()

    def add_place(self) -> None:
        dialog = AddPlaceDialog(can_pick=True, parent=self)
        dialog.pickOnMap.connect(lambda: self._pick_for(dialog))
        if self.run_dialog(dialog) and (values := dialog.values()):
            change = self.document.perform(add_place(self.document.plan, values),
                                           self.tr("添加「{name}」").format(name=values["name"]))
            if change:
                self.document.select("places", [change.new_id])

    def _pick_for(self, dialog: AddPlaceDialog) -> None:
        def picked(lon: float, lat: float) -> None:
            self.map.placePicked.disconnect(picked)
            dialog.set_picked(lon, lat)
            dialog.show()

        self.map.placePicked.connect(picked)
        self.map.start_pick()
        self.statusBar().showMessage(self.tr("请在地图上点选位置"), 10000)

    def add_site(self) -> None:
        selection = self.document.selection
        place_id = selection.first if selection.kind == "places" else None
        dialog = AddSiteDialog(self.document.plan, place_id, self)
        if self.run_dialog(dialog) and (values := dialog.values()):
            change = self.document.perform(add_site(self.document.plan, values),
                                           self.tr("添加「{name}」").format(name=values["name"]))
            if change:
                self.document.select("sites", [change.new_id])

    def add_session(self, group_id: int | None = None, day: int | None = None) -> None:
        """添加现场教学: for the group and day given (a board cell), else for what is selected."""
        plan, selection = self.document.plan, self.document.selection
        site_id = selection.first if selection.kind == "sites" else None
        if group_id is None and day is None and selection.kind == "sessions" and selection.first is not None:
            session = plan.get("sessions", selection.first)
            group_id, day = (session.group_id, session.day) if session else (None, None)
        elif day is None and selection.kind == "days":
            day = selection.first
        dialog = AddSessionDialog(plan, group_id=group_id, day=day, site_id=site_id, parent=self)
        if self.run_dialog(dialog) and (values := dialog.values()):
            site = plan.site(values["site_id"])
            outcome = add_session(plan, values["group_id"], values["day"], values["site_id"], values["title"],
                                  minutes=values.get("minutes"), start=values.get("start"))
            change = self.document.perform(outcome, self.tr("安排现场教学「{site}」").format(site=site.name))
            if change:
                self.document.select("sessions", [change.new_id])

    def print_documents(self) -> None:
        from ui.printing.dialog import PrintDialog  # loads QtPdf and the renderer only when asked

        self.run_dialog(PrintDialog(self.document.plan, self))

    def show_findings(self) -> None:
        self.findings.refresh()
        self.panes.show_findings()

    def show_guide(self) -> None:
        self.guide.reopen()

    def toggle_budget(self) -> None:
        dock = self.dock_named(BUDGET)
        if dock.isVisible() and not dock.visibleRegion().isEmpty():
            dock.hide()
            return
        dock.show()
        dock.raise_()
        self.resizeDocks([dock], [min(420, self.height() * 2 // 5)], Qt.Orientation.Vertical)

    def _file_filter(self) -> str:
        return self.tr("考察方案 (*{suffix});;所有文件 (*)").format(suffix=PLAN_SUFFIX)

    # --- files ------------------------------------------------------------------------

    def new_plan(self) -> None:
        dialog = NewPlanDialog(self)
        if not self.run_dialog(dialog):
            return
        path, _ = self.ask_path("save", self.tr("新建考察方案"), str(self._folder() / f"新方案{PLAN_SUFFIX}"),
                                              self._file_filter())
        if path:
            self._open(lambda: PlanFile.create(path, dialog.plan(), overwrite=Path(path).exists()), path)

    def open_plan(self) -> None:
        path, _ = self.ask_path("open", self.tr("打开考察方案"), str(self._folder()), self._file_filter())
        if path:
            self.open_path(path)

    def open_path(self, path: str) -> bool:
        return self._open(lambda: PlanFile.open(path), path)

    def save_as(self) -> None:
        path, _ = self.ask_path("save", self.tr("另存为"), str(self.document.path), self._file_filter())
        if path and Path(path).resolve() != self.document.path.resolve():
            self._open(lambda: self.document.plan_file.save_as(path, overwrite=Path(path).exists()), path)

    def _open(self, opener, path: str) -> bool:
        try:
            document = self._load(opener())
        except PlanFileError as error:
            QMessageBox.critical(self, APP_NAME, f"{error.message_zh}\n\n{error.message_en}")
            return False
        self.set_document(document)
        app_settings.remember_recent(str(Path(path).resolve()), self.settings)
        self._fill_recent()
        return True

    def _load(self, plan_file: PlanFile) -> PlanDocument:
        """The document of an opened file. Opening only checks the file; reading the plan
        can still find damaged content, and then the file is closed again, so that it is
        not left locked ("in use") until the app exits."""
        try:
            return PlanDocument(plan_file, self)
        except BaseException:
            plan_file.close()
            raise

    def _first_document(self, plan_file: PlanFile) -> PlanDocument:
        """The document the window starts on. A damaged plan (the last one, say) must not
        stop the app from starting: say what is wrong and show the sample plan instead."""
        try:
            return self._load(plan_file)
        except PlanFileError as error:
            message = self.tr("{error}\n\n已改为打开示例方案。\nThe sample plan is shown instead.")
            QMessageBox.critical(self, APP_NAME, message.format(error=f"{error.message_zh}\n\n{error.message_en}"))
        from planner.sample import sample_plan
        from ui.environment import sample_path

        try:
            document = self._load(PlanFile.open(sample_path()))
        except PlanFileError:
            # the user's copy of the sample is damaged (or cannot be written) too: a fresh
            # copy in a new temporary folder, leaving theirs as it is
            fresh = Path(tempfile.mkdtemp(prefix="study-tour-")) / f"示例{PLAN_SUFFIX}"
            document = self._load(PlanFile.create(fresh, sample_plan()))
        app_settings.remember_recent(str(document.path.resolve()), self.settings)  # not the damaged one next time
        self._fill_recent()
        return document

    def _stop_tasks(self) -> None:
        """Long work for the plan shown (route optimisation) is stopped when that plan
        goes: its result would be for a closed file."""
        routing = getattr(self, "routing_actions", None)  # none yet while the window is built
        if routing is not None:
            routing.stop()

    def _folder(self) -> Path:
        return self.document.path.parent if self.document else Path.home()

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in app_settings.RECENT_FILES.get(self.settings):
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda _checked=False, p=path: self.open_path(p))
        self.recent_menu.setEnabled(bool(self.recent_menu.actions()))

    def set_language(self, code: str) -> None:
        app_settings.LANGUAGE.set(code, self.settings)
        QMessageBox.information(self, APP_NAME, self.tr("界面语言将在下次启动时生效。\nThe language changes at the next start."))

    # --- layout -----------------------------------------------------------------------

    def dock_named(self, name: str) -> QDockWidget | None:
        """The dock of that name in the window's layout (not one of a plan shown before,
        which may linger until deleted)."""
        for dock in self.findChildren(QDockWidget, name):
            if self.dockWidgetArea(dock) != Qt.DockWidgetArea.NoDockWidgetArea:
                return dock
        return None

    def size_docks(self) -> None:
        """Share the window out: the board gets the room; the map about three tenths of
        the width (properties below it when something is selected), the outline a
        seventh, the findings as tall as their lines."""
        docks = {name: self.dock_named(name) for name in ("mapDock", "propertiesDock", "outlineDock", FINDINGS)}
        docks = {name: dock for name, dock in docks.items() if dock is not None and not dock.isFloating()}
        width = self.width()
        self.size_properties()
        if "mapDock" in docks:
            self.resizeDocks([docks["mapDock"]], [min(560, width * 3 // 10)], Qt.Orientation.Horizontal)
        if "outlineDock" in docks:
            self.resizeDocks([docks["outlineDock"]], [min(240, width // 7)], Qt.Orientation.Horizontal)
        if FINDINGS in docks and docks[FINDINGS].isVisible():
            self.panes.fit_findings()

    def size_properties(self) -> None:
        """Properties below the map: a little under half the column, room for its
        computed lines (日程, 此前行车) and the first fields."""
        map_dock, properties_dock = self.dock_named("mapDock"), self.dock_named("propertiesDock")
        if map_dock is None or properties_dock is None or properties_dock.isFloating() \
                or not properties_dock.isVisible():
            return
        height = self.height()
        self.resizeDocks([map_dock, properties_dock], [height * 11 // 20, height * 9 // 20], Qt.Orientation.Vertical)

    def _fit_screen(self) -> None:
        """Open at a size the screen has room for (an office laptop has 1366×768)."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            self.resize(PREFERRED_SIZE)
            return
        available = screen.availableGeometry()
        self.resize(first_size(available.size()))
        self.move(available.topLeft())

    def _restore_layout(self) -> None:
        geometry = app_settings.WINDOW_GEOMETRY.get(self.settings)
        state = app_settings.WINDOW_STATE.get(self.settings)
        if geometry:
            self.restoreGeometry(QByteArray(geometry))  # Qt keeps it within the screen it opens on
        if state:
            self.restoreState(QByteArray(state))

    def closeEvent(self, event) -> None:
        self._stop_tasks()
        app_settings.WINDOW_GEOMETRY.set(bytes(self.saveGeometry().data()), self.settings)
        app_settings.WINDOW_STATE.set(bytes(self.saveState().data()), self.settings)
        if self.document is not None:
            self.document.close()
        super().closeEvent(event)
