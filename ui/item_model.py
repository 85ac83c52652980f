"""A table model over one kind of item of the open plan (places, sites, participants).

Rows are the kind's items in id order; columns are declared in ``ui.columns``. The model
never writes to the plan: ``setData`` turns an edit into ``document.attempt(set_fields(…))`` and
the document's ``changed`` signal brings the new values back. Input that cannot be the
field's value is refused (``setData`` returns False) and reported with ``invalidInput``.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal

from planner.editing import set_fields
from ui.columns import BOOL, CLOCK, COORD, ENUM, FLOAT, INT, MONEY, REF, Field, InvalidInput, edit_label, kinds_shown, table_columns
from ui.document import PlanDocument

ItemIdRole = Qt.ItemDataRole.UserRole + 1  # the row's item id (int)
ItemRole = Qt.ItemDataRole.UserRole + 2  # the row's item (a frozen dataclass)
SortRole = Qt.ItemDataRole.UserRole + 3  # a key that sorts numbers and times as numbers
FieldRole = Qt.ItemDataRole.UserRole + 4  # the column's ui.columns.Field
ValueRole = Qt.ItemDataRole.UserRole + 5  # the domain value (an id for references, a code for enums)
ChoicesRole = Qt.ItemDataRole.UserRole + 6  # [(label, value)] for enum and reference columns

_NUMERIC = (INT, CLOCK, COORD, FLOAT, MONEY)


class ItemTableModel(QAbstractTableModel):
    invalidInput = Signal(str)  # why typed input was refused (Chinese（English）)

    def __init__(self, document: PlanDocument, kind: str, english: bool = False, parent=None):
        super().__init__(parent)
        self.document = document
        self.kind = kind
        self.english = english
        self.columns: tuple[Field, ...] = table_columns(kind)
        self._watch = kinds_shown(kind)
        self._items = list(document.plan.items(kind))
        document.changed.connect(self._document_changed)

    # --- reading ------------------------------------------------------------------------

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def item(self, row: int):
        return self._items[row]

    def row_of(self, item_id: int) -> int | None:
        for row, item in enumerate(self._items):
            if item.id == item_id:
                return row
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        item = self._items[index.row()]
        spec = self.columns[index.column()]
        value = getattr(item, spec.name)
        plan = self.document.plan
        if role == Qt.ItemDataRole.DisplayRole:
            return spec.display(value, plan, self.english)
        if role == Qt.ItemDataRole.EditRole:
            return value if spec.type in (ENUM, REF, BOOL) else spec.edit_text(value)
        if role == Qt.ItemDataRole.ToolTipRole:
            return spec.display(value, plan, self.english) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and spec.type in _NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ItemIdRole:
            return item.id
        if role == ItemRole:
            return item
        if role == SortRole:
            return spec.sort_key(value, plan)
        if role == FieldRole:
            return spec
        if role == ValueRole:
            return value
        if role == ChoicesRole:
            return spec.choices(plan, self.english)
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return super().headerData(section, orientation, role)
        spec = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return spec.title(self.english)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{spec.zh} / {spec.en}"
        if role == FieldRole:
            return spec
        return None

    def flags(self, index):
        flags = super().flags(index)
        if index.isValid() and self.columns[index.column()].editable:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    # --- editing ------------------------------------------------------------------------

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        spec = self.columns[index.column()]
        if not spec.editable:
            return False
        item = self._items[index.row()]
        plan = self.document.plan
        try:
            new = spec.parse(value, plan)
        except InvalidInput as error:
            self.invalidInput.emit(error.message)
            return False
        if new == getattr(item, spec.name):
            return True  # nothing to do, and nothing to undo
        label = edit_label(plan, self.kind, item, spec)
        change, refusal = self.document.attempt(set_fields(self.document.plan, self.kind, item.id, {spec.name: new}), label)
        if change is None:
            self.invalidInput.emit(refusal)
        return change is not None

    # --- following the document ---------------------------------------------------------

    def _document_changed(self, kinds) -> None:
        if not self._watch & set(kinds):
            return
        items = list(self.document.plan.items(self.kind))
        self._sync_rows(items)
        self._items = items  # same ids, same order now: take the new values
        if items:
            self.dataChanged.emit(self.index(0, 0), self.index(len(items) - 1, len(self.columns) - 1))

    def _sync_rows(self, items: list) -> None:
        """Remove and insert rows (both lists are in id order) so the rows' ids become
        those of ``items``; rows that stay keep their selection and editors."""
        new_ids = {i.id for i in items}
        for row in range(len(self._items) - 1, -1, -1):
            if self._items[row].id not in new_ids:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._items[row]
                self.endRemoveRows()
        old_ids = {i.id for i in self._items}
        for row, item in enumerate(items):
            if item.id not in old_ids:
                self.beginInsertRows(QModelIndex(), row, row)
                self._items.insert(row, item)
                self.endInsertRows()

    def reset(self) -> None:
        """Re-read every row (after the document loaded another plan)."""
        self.beginResetModel()
        self._items = list(self.document.plan.items(self.kind))
        self.endResetModel()

    def index_of(self, item_id: int, column: int = 0) -> QModelIndex:
        row = self.row_of(item_id)
        return QModelIndex() if row is None else self.index(row, column)

