"""导入学员名单: choose a file and a sheet, check the columns, see the preview with the
bad rows, then confirm. The dialog only builds the edit; the window applies it as one
undoable step."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QPushButton, QSpinBox, QTableWidget, QTableWidgetItem, QTabWidget, QVBoxLayout,
)

from planner.edits import Batch
from planner.labels import label
from planner.model import Plan
from planner.roster.columns import FIELDS, IGNORE
from planner.roster.importer import RosterPreview, header_position, preview_sheet, read_roster_sheet
from planner.roster.sources import RosterError, Sheet
from ui.i18n import is_english

ROSTER_FILTER = "学员名单 (*.xlsx *.xls *.csv *.txt);;所有文件 (*)"
ACTION_NAMES = {"new": ("新增", "new"), "update": ("更新", "update"), "same": ("无变化", "unchanged")}


def _item(text) -> QTableWidgetItem:
    item = QTableWidgetItem(str(text))
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    return item


class RosterImportDialog(QDialog):
    """The preview of a roster import; ``edit()`` is what confirming writes."""

    def __init__(self, plan: Plan, path: str | None = None, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("导入学员名单"))
        self.resize(980, 680)
        self.plan = plan
        self.table: Sheet | None = None
        self.preview: RosterPreview | None = None
        self.mapping: dict[int, str] | None = None
        self._filling = False

        self.path = QLineEdit()
        self.path.setReadOnly(True)
        browse = QPushButton(self.tr("选择文件…"))
        browse.clicked.connect(self.choose_file)
        self.sheet = QComboBox()
        self.sheet.currentIndexChanged.connect(self._sheet_chosen)
        self.header_row = QSpinBox(minimum=0, maximum=10000)
        self.header_row.setSpecialValueText(self.tr("自动"))
        self.header_row.valueChanged.connect(self._header_chosen)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("名单文件"), file_row)
        form.addRow(self.tr("工作表"), self.sheet)
        form.addRow(self.tr("表头所在行"), self.header_row)

        self.columns = QTableWidget(0, 2)
        self.columns.setHorizontalHeaderLabels([self.tr("名单中的列"), self.tr("导入为")])
        self.columns.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.good = QTableWidget(0, 7)
        self.good.setHorizontalHeaderLabels([self.tr("行号"), self.tr("姓名"), self.tr("性别"), self.tr("单位"),
                                             self.tr("职务"), self.tr("手机"), self.tr("导入后")])
        self.good.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.bad = QTableWidget(0, 3)
        self.bad.setHorizontalHeaderLabels([self.tr("行号"), self.tr("姓名"), self.tr("原因")])
        self.bad.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for table in (self.columns, self.good, self.bad):
            table.verticalHeader().hide()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.good, self.tr("可导入"))
        self.tabs.addTab(self.bad, self.tr("有误的行"))
        self.tabs.addTab(self.columns, self.tr("列对应"))

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.skip_bad = QCheckBox(self.tr("跳过有误的行，只导入正确的行"))
        self.skip_bad.toggled.connect(self._update_ok)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("导入"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.skip_bad)
        layout.addWidget(self.buttons)
        self._update_ok()
        if path:
            self.set_path(path)

    @property
    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    # --- choosing -----------------------------------------------------------------------

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择学员名单"), self.path.text(), ROSTER_FILTER)
        if path:
            self.set_path(path)

    def set_path(self, path: str, sheet: str | None = None) -> None:
        self.path.setText(str(path))
        self.mapping = None
        self._read(sheet)
        self._filling = True
        self.sheet.clear()
        if self.table is not None:
            self.sheet.addItems(list(self.table.sheets))
            self.sheet.setCurrentText(self.table.name)
        self.header_row.setValue(0)
        self._filling = False
        self.refresh()

    def _read(self, sheet: str | None) -> None:
        try:
            self.table = read_roster_sheet(self.path.text(), sheet)
        except RosterError as error:
            self.table = None
            self._show_error(error)

    def _sheet_chosen(self) -> None:
        if self._filling or not self.sheet.currentText():
            return
        self.mapping = None
        self._read(self.sheet.currentText())
        self.refresh()

    def _header_chosen(self) -> None:
        if not self._filling:
            self.mapping = None
            self.refresh()

    def set_column(self, index: int, field: str) -> None:
        """Map the sheet's column ``index`` to ``field`` (or IGNORE) and preview again."""
        mapping = dict(self.preview.mapping if self.preview else (self.mapping or {}))
        mapping = {i: f for i, f in mapping.items() if f != field or field == IGNORE}
        mapping[index] = field
        self.mapping = mapping
        self.refresh()

    # --- the preview ----------------------------------------------------------------------

    def refresh(self) -> None:
        self.preview = None
        if self.table is None:
            self._fill_preview()
            return
        header = self.header_row.value() or None
        try:
            self.preview = preview_sheet(self.plan, self.table, self.mapping, header, self.path.text())
        except RosterError as error:
            self._show_error(error)
        self._fill_columns()
        self._fill_preview()

    def _show_error(self, error: RosterError) -> None:
        self.summary.setText(f"{error.message_zh}\n{error.message_en}")
        self.summary.setStyleSheet("color: #b00020;")

    def _fill_columns(self) -> None:
        self.columns.setRowCount(0)
        if self.table is None:
            return
        try:
            position = header_position(self.table, self.header_row.value() or None, True)
        except RosterError:
            return
        header = self.table.rows[position][1]
        mapping = self.preview.mapping if self.preview else (self.mapping or {})
        self.columns.setRowCount(len(header))
        for index, text in enumerate(header):
            self.columns.setItem(index, 0, _item(text or self.tr("（第 %1 列）").replace("%1", str(index + 1))))
            combo = QComboBox()
            combo.addItem(self.tr("（不导入）"), IGNORE)
            for field, (zh, en) in FIELDS.items():
                combo.addItem(en if is_english() else zh, field)
            combo.setCurrentIndex(max(0, combo.findData(mapping.get(index, IGNORE))))
            combo.currentIndexChanged.connect(lambda _i, c=combo, n=index: self.set_column(n, c.currentData()))
            self.columns.setCellWidget(index, 1, combo)

    def _fill_preview(self) -> None:
        preview = self.preview
        good = preview.good if preview else ()
        bad = preview.bad if preview else ()
        self.good.setRowCount(len(good))
        for row, person in enumerate(good):
            values = person.values
            cells = (person.row, person.name, label("gender", values.get("gender", "")), values.get("unit", ""),
                     values.get("title", ""), values.get("phone", ""), ACTION_NAMES[person.action][is_english()])
            for column, text in enumerate(cells):
                self.good.setItem(row, column, _item(text))
        self.bad.setRowCount(len(bad))
        for row, problem in enumerate(bad):
            reason = f"{problem.text_zh()}\n{problem.text_en()}"
            for column, text in enumerate((problem.row, problem.name, reason)):
                self.bad.setItem(row, column, _item(text))
        self.bad.resizeRowsToContents()
        self.tabs.setTabText(0, self.tr("可导入（%1）").replace("%1", str(len(good))))
        self.tabs.setTabText(1, self.tr("有误的行（%1）").replace("%1", str(len(bad))))
        if preview is not None:
            self.summary.setStyleSheet("")
            self.summary.setText(self.tr("表头在第 %1 行。新增 %2 人，更新 %3 人，无变化 %4 人；有误 %5 行。")
                                 .replace("%1", str(preview.header_row)).replace("%2", str(preview.count("new")))
                                 .replace("%3", str(preview.count("update"))).replace("%4", str(preview.count("same")))
                                 .replace("%5", str(len(bad))))
            if bad:
                self.tabs.setCurrentWidget(self.bad)
        self.skip_bad.setVisible(bool(bad))
        self._update_ok()

    def _update_ok(self) -> None:
        preview = self.preview
        writes = bool(preview and (preview.count("new") or preview.count("update")))
        self.ok_button.setEnabled(writes and (not preview.bad or self.skip_bad.isChecked()))

    def edit(self) -> Batch | None:
        """The import as one edit (all good rows), or None when there is nothing to write."""
        if self.preview is None or not self.ok_button.isEnabled():
            return None
        return self.preview.edit(skip_bad=True)
