"""The app's PDF renderer: one for the whole session, warmed up while the print dialog
is open; a document printed while it still warms up waits for it, then prints."""

from __future__ import annotations

from planner.documents import Documents
from ui.printing.pdf import pdf_bytes


def test_a_document_printed_during_the_warm_up_is_whole(qapp, sample):
    from ui.printing.render import PdfRenderer

    renderer = PdfRenderer()
    try:
        renderer.warm_up()  # returns at once: Chromium starts and the fonts load meanwhile
        data = pdf_bytes(Documents(sample), "group", 1, renderer=renderer)
        again = pdf_bytes(Documents(sample), "group", 1, renderer=renderer)
    finally:
        renderer.close()
    assert data.startswith(b"%PDF") and b"%%EOF" in data[-1024:]
    assert len(again) > 1000


def test_the_print_dialog_uses_the_app_s_renderer_and_leaves_it_open(qapp, sample):
    from ui.printing.dialog import PrintDialog
    from ui.printing.render import shared_renderer

    first = PrintDialog(sample)
    first.close()
    first.done(0)
    renderer = shared_renderer()
    second = PrintDialog(sample)
    assert shared_renderer() is renderer  # kept after the first dialog closed: no second Chromium start
    second.document.setCurrentIndex(second.document.findData("group"))
    assert second.pdf().startswith(b"%PDF")
    second.done(0)
