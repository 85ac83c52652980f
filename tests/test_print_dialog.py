"""The 打印与导出 dialog (issue 17): a live preview beside the choices, drawn at the
screen's resolution, that follows the document, participant and phone masking chosen;
a document with nothing in it says why instead of a blank page; the dialog fits the
screen it opens on."""

from __future__ import annotations

import shutil
import subprocess

import pytest

pytestmark = [
    pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils"),
    pytest.mark.no_qt_log,  # pytest-qt's Qt message capture crashes under Chromium's logging
]

WAIT_MS = 60_000


@pytest.fixture
def dialog_on(qtbot):
    made = []

    def make(plan):
        from ui.printing.dialog import PrintDialog

        dialog = PrintDialog(plan)
        qtbot.addWidget(dialog)
        dialog.show()
        made.append(dialog)
        return dialog

    yield make
    for dialog in made:
        dialog.done(0)


def choose(qtbot, dialog, document: str, participant: int | None = None) -> None:
    """Pick ``document`` and wait until the preview shows it (its pages, or why none)."""
    dialog.document.setCurrentIndex(dialog.document.findData(document))
    if participant is not None:
        dialog.participant.setCurrentIndex(dialog.participant.findData(participant))
    wait_for_preview(qtbot, dialog)


def wait_for_preview(qtbot, dialog) -> None:
    qtbot.waitUntil(lambda: dialog.status.text() != "正在生成预览…" and (
        dialog.status.text().startswith("共") or dialog.preview_note.isVisible()), timeout=WAIT_MS)


def pdf_text(data: bytes, tmp_path) -> str:
    path = tmp_path / "shown.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_the_preview_follows_the_choice(qtbot, dialog_on, sample, tmp_path):
    dialog = dialog_on(sample)
    wait_for_preview(qtbot, dialog)  # the first document, as soon as the dialog is up
    assert dialog.preview.isVisible() and dialog.preview_document.pageCount() >= 2
    assert dialog.status.text() == f"共 {dialog.preview_document.pageCount()} 页"

    member = next(p for p in sample.participants if p.role == "member" and p.group_id == 1)
    choose(qtbot, dialog, "participant", member.id)
    assert dialog.preview_document.pageCount() == 1 and dialog.status.text() == "共 1 页"
    assert member.name in pdf_text(dialog.pdf(), tmp_path)

    # the page is drawn from the PDF at the view's own scale (in the background): ink, not a blank
    def ink() -> int:
        image = dialog.preview.viewport().grab().toImage()
        return sum(1 for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)
                   if image.pixelColor(x, y).lightness() < 100)

    qtbot.waitUntil(lambda: ink() > 50, timeout=WAIT_MS)


def test_phone_masking_is_a_choice_with_each_documents_default(qtbot, dialog_on, sample, tmp_path):
    from planner.documents import Documents, mask_phone

    dialog = dialog_on(sample)
    wait_for_preview(qtbot, dialog)
    member = next(p for p in sample.participants if p.role == "member" and p.group_id == 1)
    choose(qtbot, dialog, "participant", member.id)
    assert dialog.mask_phones.isEnabled() and not dialog.mask_phones.isChecked()  # a participant calls them
    _, name, phone = Documents(sample).staff(1)[0]
    assert phone in pdf_text(dialog.pdf(), tmp_path)

    dialog.mask_phones.setChecked(True)
    wait_for_preview(qtbot, dialog)
    shown = pdf_text(dialog.pdf(), tmp_path)
    assert mask_phone(phone) in shown and phone not in shown

    choose(qtbot, dialog, "roster")
    assert dialog.mask_phones.isChecked()  # handed to the whole delegation
    choose(qtbot, dialog, "budget")
    assert not dialog.mask_phones.isEnabled()  # no phone numbers in it


def test_a_document_with_nothing_in_it_says_why(qtbot, dialog_on):
    from tests.test_exports_empty import NEW

    dialog = dialog_on(NEW)
    choose(qtbot, dialog, "rooming")
    assert dialog.preview_note.isVisible() and not dialog.preview.isVisible()
    assert "没有可导出的内容" in dialog.preview_note.text() and "nothing to export" in dialog.preview_note.text()
    assert dialog.status.text() == ""


def test_the_dialog_fits_the_screen_it_opens_on(qtbot, dialog_on, sample):
    from PySide6.QtGui import QGuiApplication

    dialog = dialog_on(sample)
    room = QGuiApplication.primaryScreen().availableGeometry().size()
    assert dialog.width() <= room.width() and dialog.height() <= room.height()
    assert dialog.preview.width() > dialog.width() / 2  # most of it is the page


def test_in_english_each_document_says_what_it_is(qtbot, dialog_on, sample, monkeypatch):
    from planner.documents.html import DOCUMENT_ENGLISH, DOCUMENTS

    assert set(DOCUMENT_ENGLISH) == set(DOCUMENTS)
    monkeypatch.setattr("ui.printing.dialog.is_english", lambda: True)
    dialog = dialog_on(sample)
    assert dialog.document.itemText(dialog.document.findData("booklet")) == "Booklet（资料汇编）"
