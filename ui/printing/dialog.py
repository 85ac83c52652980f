"""打印与导出 dialog: choose a document, group, participant and whether phone numbers
are masked; a live preview beside the choices follows them; print it, or save it as PDF,
Excel, Word, iCalendar, KML or GPX.

The preview is the very PDF that export writes (made by QtWebEngine, see ``render.py``),
shown by QPdfView, which renders each page afresh at the screen's resolution and zoom
(no 300 dpi picture scaled down, where thin strokes dropped out). Printing draws the
pages onto the QPrinter through QtPdf, each in its own orientation, at the printer's
resolution (at most 300 dpi).
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication, QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout,
    QLabel, QMessageBox, QPushButton, QSizePolicy, QStackedLayout, QVBoxLayout, QWidget,
)

from planner.documents import PHONE_DOCUMENTS, Documents, masks_phones
from planner.documents.html import DOCUMENT_ENGLISH, DOCUMENT_NAMES, DOCUMENTS
from planner.documents.material import OFFICIAL_DOCX
from planner.documents.output import ExportError, write_atomic
from planner.output_path import OutputPathError, check_output
from planner.model import Plan
from ui.i18n import is_english
from planner.documents.export import produce
from ui.printing.pdf import pdf_bytes
from ui.printing.render import PdfRenderer, PdfRenderError

PREVIEW_DELAY_MS = 300  # a new choice waits this long for the next one before the preview is made
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
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)  # scaled, strokes kept
            painter.drawImage(target, image)
    finally:
        if painter.isActive():
            painter.end()
        document.close()


class PrintDialog(QDialog):
    """Pick a document (a group or participant, masked phones or not) and see it beside
    the choices as it will print; print it, or export it."""

    def __init__(self, plan: Plan, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("打印与导出"))
        self.setSizeGripEnabled(True)
        self.docs = Documents(plan)
        self._renderer: PdfRenderer | None = None
        self._cache: dict[tuple, bytes] = {}  # (document, group, participant, mask) -> PDF
        self._shown: tuple | None = None  # the choice the preview shows
        self._rendering = False
        self.document = QComboBox()
        english = is_english()
        for name in DOCUMENTS:  # in English: what it is, and the title it prints under
            text = f"{DOCUMENT_ENGLISH[name]}（{DOCUMENT_NAMES[name]}）" if english else DOCUMENT_NAMES[name]
            self.document.addItem(text, name)
        self.group = QComboBox()
        self.group.addItem(self.tr("全部组"), None)
        for group in plan.ordered_groups():
            self.group.addItem(group.name, group.id)
        self.participant = QComboBox()
        self.participant.addItem(self.tr("全部学员"), None)
        for pid in self.docs.participant_ids():
            person = plan.get("participants", pid)
            self.participant.addItem(f"{person.name}（{plan.group(person.group_id).name}）", pid)
        for combo in (self.document, self.group, self.participant):  # the page gets the room, not the longest name
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(16)
        self.mask_phones = QCheckBox(self.tr("隐藏电话号码中间四位"))
        self.mask_phones.setToolTip(self.tr("发给全体学员的文档默认隐藏；个人行程、联络通讯录和乘车名单默认显示完整号码"))
        self.format = QComboBox()
        for fmt, label in EXPORTS:
            self.format.addItem(label, fmt)
        form = QFormLayout()
        form.addRow(self.tr("文档"), self.document)
        form.addRow(self.tr("组"), self.group)
        form.addRow(self.tr("学员"), self.participant)
        form.addRow(self.tr("电话号码"), self.mask_phones)
        form.addRow(self.tr("导出格式"), self.format)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.print_button = QPushButton(self.tr("打印…"))
        self.export_button = QPushButton(self.tr("导出…"))
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.print_button.clicked.connect(self.print_document)
        self.export_button.clicked.connect(self.export)
        self.font_note = QLabel()  # GB/T 9704 asks for 仿宋: which face the body gets here
        self.font_note.setWordWrap(True)

        # the preview: the PDF's pages at screen resolution, or a line saying why there are none
        self.preview_document = QPdfDocument(self)
        self._preview_buffer: QBuffer | None = None
        self.preview = QPdfView()
        self.preview.setDocument(self.preview_document)
        self.preview.setPageMode(QPdfView.PageMode.MultiPage)
        self.preview.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.preview.setPageSpacing(12)
        self.preview.setMinimumWidth(360)
        self.preview_note = QLabel()
        self.preview_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview_note.setWordWrap(True)
        self.preview_note.setMargin(24)
        self.status = QLabel()  # pages, or 正在生成预览…
        self.status.setWordWrap(True)
        stack_holder = QWidget()
        self.preview_stack = QStackedLayout(stack_holder)
        self.preview_stack.addWidget(self.preview)
        self.preview_stack.addWidget(self.preview_note)
        stack_holder.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

        side = QVBoxLayout()
        side.addLayout(form)
        side.addWidget(self.font_note)
        side.addWidget(self.status)
        side.addStretch(1)
        side.addWidget(buttons)
        layout = QHBoxLayout(self)
        layout.addLayout(side, 0)
        layout.addWidget(stack_holder, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.refresh_preview)
        self.document.currentIndexChanged.connect(self._document_changed)
        for combo in (self.group, self.participant):
            combo.currentIndexChanged.connect(self._choice_changed)
        self.mask_phones.toggled.connect(self._choice_changed)
        self._document_changed()
        self._fit_screen()

    def _fit_screen(self) -> None:
        """A size that leaves room for a readable page, within the screen it opens on."""
        screen = (self.parentWidget().screen() if self.parentWidget() else None) or QGuiApplication.primaryScreen()
        wanted = QSize(1100, 820)
        if screen is not None:
            room = screen.availableGeometry().size()
            wanted = QSize(min(wanted.width(), room.width() - 40), min(wanted.height(), room.height() - 60))
        self.resize(wanted)

    def _document_changed(self) -> None:
        document = self.document.currentData()
        self.participant.setEnabled(document == "participant")
        phones = document in PHONE_DOCUMENTS
        self.mask_phones.blockSignals(True)  # the document's own default, then the organiser's choice
        self.mask_phones.setChecked(masks_phones(document))
        self.mask_phones.blockSignals(False)
        self.mask_phones.setEnabled(phones)
        official = document in OFFICIAL_DOCX
        if official and not self.font_note.text():
            from ui.printing.fonts import body_font

            name, system = body_font()
            note = self.tr("正文字体：{0}（本机字体）") if system else self.tr("正文字体：{0}（随程序提供；本机没有仿宋）")
            self.font_note.setText(note.format(name))
        self.font_note.setVisible(official)
        self._choice_changed()

    def _choice_changed(self) -> None:
        if self.isVisible():
            self.status.setText(self.tr("正在生成预览…"))
            self._timer.start()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt)
        super().showEvent(event)
        self._timer.start(0)  # the first preview as soon as the dialog is up

    def choice(self) -> tuple[str, int | None, int | None]:
        document = self.document.currentData()
        participant = self.participant.currentData() if document == "participant" else None
        return document, self.group.currentData(), participant

    def mask(self) -> bool | None:
        """Whether phones are masked: the box where the document prints phones, else None."""
        return self.mask_phones.isChecked() if self.document.currentData() in PHONE_DOCUMENTS else None

    def _key(self) -> tuple:
        return (*self.choice(), self.mask())

    def pdf(self) -> bytes:
        """The PDF of the current choice (made once per choice, then kept)."""
        key = self._key()
        if key in self._cache:
            return self._cache[key]
        if self._renderer is None:
            self._renderer = PdfRenderer(self)
        document, group, participant = self.choice()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        self._rendering = True
        try:
            data = pdf_bytes(self.docs, document, group, participant, renderer=self._renderer, mask=self.mask())
        finally:
            self._rendering = False
            QApplication.restoreOverrideCursor()
        self._cache = {key: data}  # one document kept: a booklet with maps is megabytes
        return data

    def refresh_preview(self) -> None:
        """Show the current choice's pages (or why there are none)."""
        if self._rendering:  # printing waits in an event loop: try again when it is done
            self._timer.start()
            return
        key = self._key()
        if key == self._shown:
            self.status.setText(self._pages_text())
            return
        try:
            data = self.pdf()
        except (PdfRenderError, ExportError) as error:  # a document with nothing in it says so
            self._show_note(str(error))
            return
        if self._key() != key:  # the choice changed while it was being made
            self._timer.start()
            return
        self.preview_document.close()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.preview_document.load(buffer)
        if self._preview_buffer is not None:
            self._preview_buffer.deleteLater()
        self._preview_buffer = buffer
        self.preview_stack.setCurrentWidget(self.preview)
        self._shown = key
        self.status.setText(self._pages_text())

    def _pages_text(self) -> str:
        return self.tr("共 {0} 页").format(self.preview_document.pageCount())

    def _show_note(self, text: str) -> None:
        self.preview_note.setText(text)
        self.preview_stack.setCurrentWidget(self.preview_note)
        self._shown = None
        self.status.setText("")

    def print_document(self) -> None:
        try:
            data = self.pdf()
        except (PdfRenderError, ExportError) as error:
            QMessageBox.warning(self, self.windowTitle(), str(error))
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setDocName(DOCUMENT_NAMES[self.choice()[0]])
        if QPrintDialog(printer, self).exec() == QDialog.DialogCode.Accepted:
            paint_pdf(printer, data)

    def export(self) -> None:
        fmt = self.format.currentData()
        document, group, participant = self.choice()
        label = dict(EXPORTS)[fmt]
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出"), f"{DOCUMENT_NAMES[document]}.{fmt}", label)
        if not path:
            return
        try:
            check_output(path, force=True)  # the file dialog asked before replacing; a plan file is never replaced
            data = self.pdf() if fmt == "pdf" else produce(self.docs, fmt, document, group, participant, self.mask())
            write_atomic(path, data)
        except (ExportError, OutputPathError, PdfRenderError, OSError) as error:
            QMessageBox.warning(self, self.windowTitle(), str(error))
        except Exception as error:  # noqa: BLE001 — an exporter's bug: a message, never a traceback
            QMessageBox.warning(self, self.windowTitle(),
                                self.tr("导出失败，未写入任何文件：%1").replace("%1", f"{type(error).__name__}: {error}"))

    def done(self, result: int) -> None:
        if self._rendering:  # closed while a preview prints: close once it has finished
            QTimer.singleShot(50, lambda: self.done(result))
            return
        self._timer.stop()
        self.preview_document.close()
        if self._renderer is not None:
            self._renderer.close()
            self._renderer = None
        super().done(result)


def show_print_dialog(plan: Plan, parent=None) -> int:
    """Open the dialog for ``plan`` (the main window's 文件 → 打印与导出… action)."""
    return PrintDialog(plan, parent).exec()
