"""打印与导出 dialog: choose a document, preview and print it, or save it as PDF, Excel,
Word, iCalendar, KML or GPX.

Preview and printing show the very PDF that export writes (made by QtWebEngine, see
``render.py``): its pages are drawn onto the QPrinter through QtPdf, each page in its
own orientation, at the printer's resolution (at most 300 dpi).
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, Qt
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QApplication, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QLabel, QMessageBox,
    QPushButton, QVBoxLayout,
)

from planner.documents import Documents
from planner.documents.html import DOCUMENT_NAMES, DOCUMENTS
from planner.documents.material import OFFICIAL_DOCX
from planner.exports import ExportError, write_atomic
from planner.output_path import OutputPathError, check_output
from planner.model import Plan
from ui.printing.export_command import produce
from ui.printing.pdf import pdf_bytes
from ui.printing.render import PdfRenderer, PdfRenderError

MAX_DPI = 300
EXPORTS = (
    ("pdf", "PDF (*.pdf)"), ("xlsx", "Excel (*.xlsx)"), ("docx", "Word (*.docx)"),
    ("ics", "iCalendar (*.ics)"), ("kml", "KML (*.kml)"), ("gpx", "GPX (*.gpx)"),
)


def paint_pdf(printer: QPrinter, data: bytes) -> None:
    """Draw every page of the PDF ``data`` onto ``printer`` (or a preview of it)."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    painter = QPainter()
    dpi = min(printer.resolution(), MAX_DPI)
    try:
        for index in range(document.pageCount()):
            points = document.pagePointSize(index)
            landscape = points.width() > points.height()
            orientation = QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
            printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), orientation,
                                              printer.pageLayout().margins()))
            if index == 0:
                printer.setFullPage(True)
                if not painter.begin(printer):
                    return
            else:
                printer.newPage()
            size = QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi))
            image = document.render(index, size)
            target = QRectF(printer.pageLayout().fullRectPixels(printer.resolution()))
            painter.drawImage(target, image)
    finally:
        if painter.isActive():
            painter.end()
        document.close()


class PrintDialog(QDialog):
    """Pick a document (and a group or participant), then preview, print or export."""

    def __init__(self, plan: Plan, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("打印与导出"))
        self.docs = Documents(plan)
        self._renderer: PdfRenderer | None = None
        self.document = QComboBox()
        for name in DOCUMENTS:
            self.document.addItem(DOCUMENT_NAMES[name], name)
        self.group = QComboBox()
        self.group.addItem(self.tr("全部组"), None)
        for group in plan.ordered_groups():
            self.group.addItem(group.name, group.id)
        self.participant = QComboBox()
        self.participant.addItem(self.tr("全部学员"), None)
        for pid in self.docs.participant_ids():
            person = plan.get("participants", pid)
            self.participant.addItem(f"{person.name}（{plan.group(person.group_id).name}）", pid)
        self.format = QComboBox()
        for fmt, label in EXPORTS:
            self.format.addItem(label, fmt)
        form = QFormLayout()
        form.addRow(self.tr("文档"), self.document)
        form.addRow(self.tr("组"), self.group)
        form.addRow(self.tr("学员"), self.participant)
        form.addRow(self.tr("导出格式"), self.format)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.preview_button = QPushButton(self.tr("打印预览…"))
        self.export_button = QPushButton(self.tr("导出…"))
        buttons.addButton(self.preview_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.preview_button.clicked.connect(self.preview)
        self.export_button.clicked.connect(self.export)
        self.document.currentIndexChanged.connect(self._update)
        self.font_note = QLabel()  # GB/T 9704 asks for 仿宋: which face the body gets here
        self.font_note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.font_note)
        layout.addWidget(buttons)
        self._update()

    def _update(self) -> None:
        self.participant.setEnabled(self.document.currentData() == "participant")
        official = self.document.currentData() in OFFICIAL_DOCX
        if official and not self.font_note.text():
            from ui.printing.fonts import body_font

            name, system = body_font()
            note = self.tr("正文字体：{0}（本机字体）") if system else self.tr("正文字体：{0}（随程序提供；本机没有仿宋）")
            self.font_note.setText(note.format(name))
        self.font_note.setVisible(official)

    def choice(self) -> tuple[str, int | None, int | None]:
        document = self.document.currentData()
        participant = self.participant.currentData() if document == "participant" else None
        return document, self.group.currentData(), participant

    def pdf(self) -> bytes:
        if self._renderer is None:
            self._renderer = PdfRenderer(self)
        document, group, participant = self.choice()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            return pdf_bytes(self.docs, document, group, participant, renderer=self._renderer)
        finally:
            QApplication.restoreOverrideCursor()

    def preview(self) -> None:
        try:
            data = self.pdf()
        except (PdfRenderError, ExportError) as error:  # a document with nothing in it says so
            QMessageBox.warning(self, self.windowTitle(), str(error))
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        dialog = QPrintPreviewDialog(printer, self)
        dialog.paintRequested.connect(lambda p: paint_pdf(p, data))
        dialog.exec()

    def export(self) -> None:
        fmt = self.format.currentData()
        document, group, participant = self.choice()
        label = dict(EXPORTS)[fmt]
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出"), f"{DOCUMENT_NAMES[document]}.{fmt}", label)
        if not path:
            return
        try:
            check_output(path, force=True)  # the file dialog asked before replacing; a plan file (the one open, say) is never replaced by an export
            data = self.pdf() if fmt == "pdf" else produce(self.docs, fmt, document, group, participant)
            write_atomic(path, data)
        except (ExportError, OutputPathError, PdfRenderError, OSError) as error:
            QMessageBox.warning(self, self.windowTitle(), str(error))
        except Exception as error:  # noqa: BLE001 — an exporter's bug: a message, never a traceback
            QMessageBox.warning(self, self.windowTitle(),
                                self.tr("导出失败，未写入任何文件：%1").replace("%1", f"{type(error).__name__}: {error}"))

    def done(self, result: int) -> None:
        if self._renderer is not None:
            self._renderer.close()
            self._renderer = None
        super().done(result)


def show_print_dialog(plan: Plan, parent=None) -> int:
    """Open the dialog for ``plan`` (the main window's 文件 → 打印与导出… action)."""
    return PrintDialog(plan, parent).exec()
