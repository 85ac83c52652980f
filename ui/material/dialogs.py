"""The material's dialogs: the training notice's text with the plan's fields, and the
preview of an import (figures, reflections, measures) before it is written."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QListWidget,
    QListWidgetItem, QPlainTextEdit, QPushButton, QSplitter, QTabWidget, QVBoxLayout, QWidget,
)

from planner.documents import Documents
from planner.documents.notice import DEFAULT_NOTICE, FIELDS, notice, notice_text
from planner.edits import Batch
from planner.material.preview import MaterialError, Preview
from ui.dialogs import ok_cancel_buttons
from ui.i18n import is_english

FIELD_ROLE = Qt.ItemDataRole.UserRole


class NoticeDialog(QDialog):
    """培训通知: the text as the organiser writes it, with {fields} from the plan; the
    filled text beside it, as it will be printed."""

    def __init__(self, docs: Documents, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("编辑培训通知"))
        self.resize(1100, 720)
        self.docs = docs
        self.editor = QPlainTextEdit()
        self.editor.setPlainText(notice_text(docs))
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        tabs = QTabWidget()
        tabs.addTab(self.editor, self.tr("通知正文"))
        tabs.addTab(self.preview, self.tr("填入方案内容后"))
        self.tabs = tabs
        self.fields = QListWidget()
        english = is_english()
        for name, (zh, en) in FIELDS.items():
            item = QListWidgetItem(f"{{{name}}}　{en if english else zh}")
            item.setData(FIELD_ROLE, name)
            self.fields.addItem(item)
        self.fields.itemDoubleClicked.connect(self.insert_field)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        hint = QLabel(self.tr("双击插入方案中的内容（打印时填入）。第一行为标题；“一、”“（一）”开头的行为各级标题；"
                              "最后空一行写发文机关和成文日期。"))
        hint.setWordWrap(True)
        side_layout.addWidget(hint)
        side_layout.addWidget(self.fields, 1)
        splitter = QSplitter()
        splitter.addWidget(tabs)
        splitter.addWidget(side)
        splitter.setSizes([760, 340])
        self.unknown = QLabel()
        self.unknown.setStyleSheet("color: #c62828;")
        self.unknown.setWordWrap(True)
        default = QPushButton(self.tr("恢复默认文本"))
        default.clicked.connect(lambda: self.editor.setPlainText(DEFAULT_NOTICE))
        buttons = ok_cancel_buttons(self)
        buttons.addButton(default, QDialogButtonBox.ButtonRole.ResetRole)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.unknown)
        layout.addWidget(buttons)
        self.editor.textChanged.connect(self.refresh)
        self.refresh()

    def text(self) -> str:
        return self.editor.toPlainText()

    def insert_field(self, item: QListWidgetItem) -> None:
        self.editor.textCursor().insertText(f"{{{item.data(FIELD_ROLE)}}}")
        self.editor.setFocus()

    def refresh(self) -> None:
        filled = notice(self.docs, text=self.text())
        self.preview.setPlainText(filled.text())
        self.preview.moveCursor(QTextCursor.MoveOperation.Start)
        if filled.unknown:
            names = "、".join(f"{{{n}}}" for n in filled.unknown)
            self.unknown.setText(self.tr("以下内容不是方案中的字段，将按原样打印：{0}").format(names))
        self.unknown.setVisible(bool(filled.unknown))


class ImportPreviewDialog(QDialog):
    """What an import would write and what it cannot use; OK writes it (with bad parts,
    only once the organiser agrees to leave them out). For figures, the home place can
    be chosen among the file's regions that are no place of the plan."""

    def __init__(self, title: str, preview: Preview, reread: Callable[[str | None], Preview] | None = None,
                 parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(860, 560)
        self.preview = preview
        self._reread = reread
        self.report = QPlainTextEdit()
        self.report.setReadOnly(True)
        self.report.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.home = QComboBox()
        self.home_row = QWidget()
        form = QFormLayout(self.home_row)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("本地（对标对象）"), self.home)
        self.home.activated.connect(self._home_chosen)
        self.skip_bad = QCheckBox()
        self.skip_bad.toggled.connect(self._update)
        self.buttons = ok_cancel_buttons(self, self.tr("导入"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.home_row)
        layout.addWidget(self.report, 1)
        layout.addWidget(self.skip_bad)
        layout.addWidget(self.buttons)
        self._show(preview)

    def _show(self, preview: Preview) -> None:
        self.preview = preview
        self.report.setPlainText(preview.report())
        self.home.blockSignals(True)
        self.home.clear()
        for region in preview.homes:
            self.home.addItem(region, region)
        self.home.setCurrentIndex(self.home.findData(preview.home) if preview.home else -1)
        self.home.blockSignals(False)
        self.home_row.setVisible(self._reread is not None and bool(preview.homes))
        self.skip_bad.setText(self.tr("跳过无法导入的 {0} 处，只导入其余部分").format(len(preview.bad)))
        self.skip_bad.setChecked(False)
        self.skip_bad.setVisible(bool(preview.bad))
        self._update()

    def _home_chosen(self) -> None:
        try:
            self._show(self._reread(self.home.currentData()))
        except MaterialError as error:
            self.report.setPlainText(f"{error.message_zh}\n{error.message_en}")

    def _update(self) -> None:
        writes = any(g.edits for g in self.preview.good) or bool(self.preview.extra_edits)
        ok = writes and (not self.preview.bad or self.skip_bad.isChecked())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def edit(self) -> Batch:
        return self.preview.edit(skip_bad=self.skip_bad.isChecked())
