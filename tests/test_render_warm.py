"""The app's PDF renderer: one for the whole session, so only its first print waits
for Chromium to start."""

from __future__ import annotations


def test_the_print_dialog_uses_the_app_s_renderer_and_leaves_it_running(qapp, sample):
    from ui.printing.dialog import PrintDialog
    from ui.printing.render import shared_renderer

    renderer = shared_renderer()
    first = PrintDialog(sample)
    first.document.setCurrentIndex(first.document.findData("group"))
    assert first.pdf().startswith(b"%PDF")
    first.done(0)
    assert shared_renderer() is renderer  # kept after the dialog closed: no second Chromium start
    second = PrintDialog(sample)
    second.document.setCurrentIndex(second.document.findData("overview"))
    data = second.pdf()
    second.done(0)
    assert data.startswith(b"%PDF") and b"%%EOF" in data[-1024:]
