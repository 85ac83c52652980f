"""The findings panel: what the checks say about the plan; a click selects the items."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyle, QTreeWidget, QTreeWidgetItem

from planner.checks import SEVERITIES, SEVERITY_NAMES
from ui.document import PlanDocument

FindingRole = Qt.ItemDataRole.UserRole + 1
_ICONS = {
    "error": QStyle.StandardPixmap.SP_MessageBoxCritical,
    "warning": QStyle.StandardPixmap.SP_MessageBoxWarning,
    "info": QStyle.StandardPixmap.SP_MessageBoxInformation,
}


class FindingsPanel(QTreeWidget):
    def __init__(self, document: PlanDocument, english: bool = False, parent=None):
        super().__init__(parent)
        self.document = document
        self.english = english
        self.setHeaderHidden(True)
        self.setRootIsDecorated(True)
        self.setWordWrap(True)
        self.itemClicked.connect(self._clicked)
        self.itemActivated.connect(self._clicked)
        document.changed.connect(lambda _kinds: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        self.clear()
        findings = self.document.findings
        if not findings:
            QTreeWidgetItem(self, [self.tr("未发现问题")])
            return
        for severity in SEVERITIES:
            chosen = [f for f in findings if f.severity == severity]
            if not chosen:
                continue
            zh, en = SEVERITY_NAMES[severity]
            header = QTreeWidgetItem(self, [f"{en if self.english else zh}（{len(chosen)}）"])
            header.setIcon(0, self.style().standardIcon(_ICONS[severity]))
            header.setFirstColumnSpanned(True)
            for finding in chosen:
                text = finding.message_en if self.english else finding.message_zh
                item = QTreeWidgetItem(header, [text])
                item.setToolTip(0, f"{finding.message_zh}\n{finding.message_en}")
                item.setData(0, FindingRole, finding)
            header.setExpanded(True)

    def content_height(self) -> int:
        """The height that shows every line without scrolling (frame included)."""
        self.doItemsLayout()
        bottom, item = 0, self.topLevelItem(self.topLevelItemCount() - 1) if self.topLevelItemCount() else None
        while item is not None:  # the last line shown: the last child of the last expanded header
            bottom = max(bottom, self.visualItemRect(item).bottom() + self.verticalOffset())
            item = item.child(item.childCount() - 1) if item.isExpanded() and item.childCount() else None
        return bottom + 2 * self.frameWidth() + 4

    @property
    def error_count(self) -> int:
        return sum(1 for f in self.document.findings if f.severity == "error")

    def _clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        finding = item.data(0, FindingRole)
        if finding is None or not finding.refs:
            return
        kind = finding.refs[0][0]
        ids = [item_id for ref_kind, item_id in finding.refs if ref_kind == kind]
        self.document.select(kind, ids, source="findings")
