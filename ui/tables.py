"""A table of one kind of item (places, sites, participants): filter, sort, edit in place,
delete, and selection kept in step with the document's."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QSortFilterProxyModel, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QStyledItemDelegate, QTableView, QToolButton, QVBoxLayout, QWidget,
)

from planner.editing import Refusal, delete_items
from planner.material.operations import NEW_ITEM_KINDS, new_item
from ui.columns import BOOL, CLOCK, ENUM, KIND_NAMES, LIST, REF, item_name
from ui.columns import tr as field_tr
from ui.document import PlanDocument, Selection
from ui.item_model import ChoicesRole, FieldRole, ItemIdRole, ItemTableModel, SortRole

MAX_COLUMN_WIDTH = 260


class FieldDelegate(QStyledItemDelegate):
    """Combo boxes for enumerations, references and yes/no, line edits for the rest."""

    def createEditor(self, parent, option, index):
        spec = index.data(FieldRole)
        if spec is not None and spec.type in (ENUM, REF, BOOL):
            combo = QComboBox(parent)
            for label, value in index.data(ChoicesRole) or []:
                combo.addItem(label, value)
            combo.setMaxVisibleItems(20)
            # One pick is one edit: commit and close as soon as a choice is made.
            combo.activated.connect(lambda _row, c=combo: (self.commitData.emit(c), self.closeEditor.emit(c)))
            return combo
        editor = QLineEdit(parent)
        editor.setFrame(False)
        if spec is not None and spec.type == CLOCK:
            editor.setPlaceholderText("HH:MM")
        elif spec is not None and spec.type == LIST:
            editor.setPlaceholderText(self.tr("用“、”或逗号分隔"))
        return editor

    def updateEditorGeometry(self, editor, option, index):
        rect = option.rect
        if isinstance(editor, QComboBox):  # room for the longest choice and the arrow
            rect = rect.adjusted(0, 0, max(0, editor.sizeHint().width() - rect.width()), 0)
        editor.setGeometry(rect)

    def setEditorData(self, editor, index):
        if isinstance(editor, QComboBox):
            value = index.data(Qt.ItemDataRole.EditRole)
            for row in range(editor.count()):
                if editor.itemData(row) == value:
                    editor.setCurrentIndex(row)
                    break
            return
        value = index.data(Qt.ItemDataRole.EditRole)
        editor.setText("" if value is None else str(value))

    def setModelData(self, editor, model, index):
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        else:
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)


class ItemTable(QWidget):
    """The table of one kind of item, for a dock or a tab."""

    def __init__(self, document: PlanDocument, kind: str, english: bool = False, parent=None):
        super().__init__(parent)
        self.document = document
        self.kind = kind
        self.source = f"table:{kind}"
        self._syncing = False
        self._sized = False

        self.model = ItemTableModel(document, kind, english, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setSortRole(SortRole)
        self.proxy.setSortLocaleAware(True)

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("筛选…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._filter)
        self.count_label = QLabel(self)
        self.count_label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)

        self.view = QTableView(self)
        self.view.setModel(self.proxy)
        self.view.setItemDelegate(FieldDelegate(self.view))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.view.horizontalHeader()
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # id order until a header is clicked
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setHighlightSections(False)
        self.view.setSortingEnabled(True)
        self.view.selectionModel().selectionChanged.connect(self._view_selection_changed)

        self.delete_action = QAction(self.tr("删除"), self)
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.delete_action.setToolTip(self.tr("删除所选条目（可撤销）"))
        self.delete_action.triggered.connect(self.delete_selected)
        self.view.addAction(self.delete_action)
        delete_button = QToolButton(self)
        delete_button.setDefaultAction(self.delete_action)
        delete_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.add_action = None
        if kind in NEW_ITEM_KINDS:  # entered by hand here: measures, indicators
            self.add_action = QAction(self.tr("添加"), self)
            self.add_action.setToolTip(self.tr("添加一行（所选的教学点、现场教学或县（市、区）作为来源）"))
            self.add_action.triggered.connect(self.add_item)

        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828;")
        self.message.hide()

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.count_label)
        if self.add_action is not None:
            add_button = QToolButton(self)
            add_button.setDefaultAction(self.add_action)
            add_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            top.addWidget(add_button)
        top.addWidget(delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)

        self.model.invalidInput.connect(self.show_message)
        self.model.modelAboutToBeReset.connect(self._remember_selection)
        self.model.modelReset.connect(self._restore_selection)
        for signal in (self.model.rowsInserted, self.model.rowsRemoved, self.model.modelReset):
            signal.connect(self._update_count)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        document.changed.connect(self._document_changed)
        document.selectionChanged.connect(self._document_selection_changed)
        self._kept: tuple[int, ...] = ()
        self._update_count()
        self.resize_columns()

    # --- filtering and sizing -----------------------------------------------------------

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        self._update_count()

    def _update_count(self, *_args) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if shown == total:
            self.count_label.setText(self.tr("共 {0} 项").format(total))
        else:
            self.count_label.setText(self.tr("{0} / {1} 项").format(shown, total))

    def resize_columns(self) -> None:
        """Fit the columns to their contents, none wider than MAX_COLUMN_WIDTH."""
        self.view.resizeColumnsToContents()
        header = self.view.horizontalHeader()
        for column in range(header.count()):
            if header.sectionSize(column) > MAX_COLUMN_WIDTH:
                header.resizeSection(column, MAX_COLUMN_WIDTH)

    # --- messages -----------------------------------------------------------------------

    def show_message(self, text: str) -> None:
        """Say why an edit was not made: once, below the table, where the user acted."""
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _document_changed(self, kinds) -> None:
        if self.kind in kinds:
            self.show_message("")

    # --- adding and deleting ---------------------------------------------------------------

    def add_item(self) -> int | None:
        """Add a row (taking what is selected elsewhere as its source), select it; its id."""
        selection = self.document.selection
        edit = new_item(self.document.plan, self.kind, selection.kind, selection.ids)
        label = self.tr("添加{kind}").format(kind=field_tr(KIND_NAMES[self.kind][0]))
        change, refusal = self.document.attempt(edit, label)
        if change is None:
            self.show_message(refusal)
            return None
        self.document.select(self.kind, [change.new_id])
        return change.new_id


    def selected_ids(self) -> list[int]:
        rows = self.view.selectionModel().selectedRows()
        rows.sort(key=lambda index: index.row())
        return [index.data(ItemIdRole) for index in rows]

    def delete_selected(self) -> bool:
        """Delete the selected items as one undoable step; False if none or refused."""
        ids = self.selected_ids()
        if not ids:
            return False
        plan = self.document.plan
        kind_name = field_tr(KIND_NAMES[self.kind][0])
        if len(ids) == 1:
            label = self.tr("删除{kind}「{name}」").format(
                kind=kind_name, name=item_name(plan, self.kind, plan.get(self.kind, ids[0])))
        else:
            label = self.tr("删除 {count} 个{kind}").format(count=len(ids), kind=kind_name)
        outcome = delete_items(plan, self.kind, ids)
        if isinstance(outcome, Refusal):  # said once, under the table
            self.show_message(str(outcome))
            return False
        change, refusal = self.document.attempt(outcome, label)
        if change is None:
            self.show_message(refusal)
        return change is not None

    # --- selection ----------------------------------------------------------------------

    def _view_selection_changed(self, *_args) -> None:
        if self._syncing:
            return
        self.document.select(self.kind, self.selected_ids(), source=self.source)

    def _document_selection_changed(self, selection: Selection) -> None:
        if selection.source == self.source:
            return
        self.select_ids(selection.ids if selection.kind == self.kind else ())

    def select_ids(self, ids) -> None:
        """Select (and scroll to) the rows of these items, without echoing to the document."""
        selection = QItemSelection()
        first = None
        for item_id in ids:
            source_index = self.model.index_of(item_id)
            index = self.proxy.mapFromSource(source_index)
            if not index.isValid():
                continue  # not there, or hidden by the filter
            last = index.siblingAtColumn(self.proxy.columnCount() - 1)
            selection.select(index, last)
            first = first or index
        self._syncing = True
        try:
            model = self.view.selectionModel()
            model.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            if first is not None:
                model.setCurrentIndex(first, QItemSelectionModel.SelectionFlag.NoUpdate)
                self.view.scrollTo(first, QAbstractItemView.ScrollHint.EnsureVisible)
        finally:
            self._syncing = False

    def _remember_selection(self) -> None:
        self._kept = tuple(self.selected_ids())

    def _restore_selection(self) -> None:
        if self._kept:
            self.select_ids(self._kept)
