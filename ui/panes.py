"""Which panes the window shows, and when: a pane with nothing to say stays out of the way.

- 检查结果 (findings) is hidden while the checks find nothing; a badge in the status bar
  says how many errors and warnings there are and opens it. When an edit brings a new
  error, the pane opens by itself, tall enough for what it lists (up to two fifths of the
  window), so that the finding is seen where it is, not below the fold.
- 属性 (properties) shows while an item is selected and hides when nothing is.
- A pane the organiser closes stays closed until they open it again (the 视图 menu, the
  badge): nothing pops up against their choice.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QToolButton

from planner.checks import ERROR, INFO, WARNING
from ui.columns import FIELDS
from ui.document import PlanDocument, Selection
from ui.icons import icon

FINDINGS, PROPERTIES, BUDGET = "findingsDock", "propertiesDock", "budgetDock"


class FindingsBadge(QToolButton):
    """错误 1 · 警告 2 in the status bar, with an icon of the worst; a click opens the findings."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("findingsBadge")
        self.setAutoRaise(True)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.setToolTip(self.tr("显示或隐藏检查结果（F5 重新检查）"))

    def show_counts(self, findings) -> None:
        counts = {s: sum(1 for f in findings if f.severity == s) for s in (ERROR, WARNING, INFO)}
        if not findings:
            self.setText(self.tr("未发现问题"))
            self.setIcon(icon("no-findings"))
            return
        self.setText(self.tr("错误 {error} · 警告 {warning} · 提示 {info}").format(
            error=counts[ERROR], warning=counts[WARNING], info=counts[INFO]))
        worst = "finding-error" if counts[ERROR] else "finding-warning" if counts[WARNING] else "guide"
        self.setIcon(icon(worst))


class PaneRules(QObject):
    """Shows and hides the window's panes as the plan and the selection change (see the module)."""

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.window = window
        self.badge = FindingsBadge(window)
        self.badge.clicked.connect(self.toggle_findings)
        self.closed_by_user: set[str] = set()
        self._errors = 0
        self._document: PlanDocument | None = None

    # --- following the window's document and docks -----------------------------------

    def attach(self, document: PlanDocument) -> None:
        """Follow a (new) document and the docks made for it."""
        self._document = document
        self._errors = sum(1 for f in document.findings if f.severity == ERROR)
        document.changed.connect(self._changed)
        document.selectionChanged.connect(self._selected)
        for name in (FINDINGS, PROPERTIES):
            dock = self.dock(name)
            dock.installEventFilter(self)
            dock.toggleViewAction().triggered.connect(lambda checked, n=name: self._chosen(n, checked))
        self.badge.show_counts(document.findings)

    def apply(self) -> None:
        """The rules as they stand now (after the window's layout was restored)."""
        document = self._document
        if document is None:
            return
        if not document.findings:
            self.dock(FINDINGS).hide()
        elif self._errors and FINDINGS not in self.closed_by_user:
            self.show_findings()
        self._selected(document.selection)

    def dock(self, name: str) -> QDockWidget | None:
        return self.window.dock_named(name)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Close and isinstance(watched, QDockWidget):
            self.closed_by_user.add(watched.objectName())  # its close button
        return False

    def _chosen(self, name: str, shown: bool) -> None:
        """The 视图 menu: the organiser's own choice, kept."""
        if shown:
            self.closed_by_user.discard(name)
        else:
            self.closed_by_user.add(name)

    # --- findings ----------------------------------------------------------------------

    def _changed(self, _kinds) -> None:
        document = self._document
        if document is None:
            return
        errors = sum(1 for f in document.findings if f.severity == ERROR)
        self.badge.show_counts(document.findings)
        dock = self.dock(FINDINGS)
        if dock is None:
            return
        if not document.findings:
            dock.hide()
        elif errors > self._errors and FINDINGS not in self.closed_by_user:
            self.show_findings()  # a new error: shown where the organiser will see it
        elif dock.isVisible():
            self.fit_findings()
        self._errors = errors

    def show_findings(self) -> None:
        dock = self.dock(FINDINGS)
        if dock is None:
            return
        self.closed_by_user.discard(FINDINGS)
        dock.show()
        dock.raise_()
        self.fit_findings()

    def toggle_findings(self) -> None:
        dock = self.dock(FINDINGS)
        if dock is None:
            return
        if dock.isVisible() and not dock.visibleRegion().isEmpty():
            dock.hide()
            self.closed_by_user.add(FINDINGS)
        else:
            self.show_findings()

    def fit_findings(self) -> None:
        """The findings pane as tall as its lines, between three lines and two fifths of the window."""
        dock = self.dock(FINDINGS)
        panel = dock.widget() if dock is not None else None
        if panel is None or dock.isFloating():
            return
        wanted = panel.content_height() + (dock.height() - panel.height() if panel.height() else 30)
        line = panel.fontMetrics().height() + 8
        height = max(3 * line, min(wanted, self.window.height() * 2 // 5))
        self.window.resizeDocks([dock], [height], Qt.Orientation.Vertical)

    # --- properties --------------------------------------------------------------------

    def _selected(self, selection: Selection) -> None:
        dock = self.dock(PROPERTIES)
        if dock is None:
            return
        has_item = selection.kind in FIELDS and bool(selection.ids)
        if not has_item:
            dock.hide()  # 选择一个条目… says nothing: the map gets the room
        elif not dock.isVisible() and PROPERTIES not in self.closed_by_user:
            dock.show()
            self.window.size_properties()
