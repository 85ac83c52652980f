"""PDFs without a window: the ``export`` command's and the tests' way to print.

``make_pdf`` starts a QApplication if none runs (offscreen, Chromium's console quiet),
prints the document through ``ui.printing.pdf`` and says which face the body of an
official document is set in (GB/T 9704 asks for 仿宋).
"""

from __future__ import annotations

import sys

from planner.documents import Documents
from planner.documents.material import OFFICIAL_DOCX
from planner.documents.output import ExportError


def make_pdf(docs: Documents, document: str, group: int | None, participant: int | None,
             mask: bool | None = None) -> bytes:
    from ui.printing.pdf import ensure_app, pdf_bytes, prepare_headless, quiet_stderr
    from ui.printing.render import PdfRenderError

    prepare_headless()
    problems: list[str] = []
    with quiet_stderr():
        ensure_app()
        try:
            data = pdf_bytes(docs, document, group, participant, problems=problems, mask=mask)
        except PdfRenderError as error:
            raise ExportError(f"PDF 生成失败 / PDF rendering failed: {error}") from error
        if document in OFFICIAL_DOCX:
            from ui.printing.fonts import body_font_note

            print(body_font_note())
    for problem in problems:
        print(problem, file=sys.stderr)
    return data
