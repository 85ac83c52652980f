"""Page numbers for a contents page (the reflections booklet): the document is printed
once, the first page of each entry is found in that PDF's text (QtPdf), then the
contents alone are printed with the numbers and put in place of the first printing's
contents pages (pypdf) — so the contents say where Chromium really broke the pages, at
the cost of one printing, not two. The numbers take no more room than the blanks they
fill, so the contents keep their length; if they did not, the whole document is printed
again."""

from __future__ import annotations

import io
import re

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtPdf import QPdfDocument

from planner.documents import Documents
from planner.documents.html import Section, render_html, document_title

_SPACE = re.compile(r"\s+")
_PAGE_NUMBER = re.compile(r"^—\d+—")


def page_texts(pdf: bytes, text: bool = True) -> list[str]:
    """Each page's text, spaces and its page number ("— 3 —") taken out (``text``
    False: as many empty strings, to count the pages)."""
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    try:
        return [_PAGE_NUMBER.sub("", _SPACE.sub("", document.getAllText(i).text())) if text else ""
                for i in range(document.pageCount())]
    finally:
        document.close()


def first_pages(texts: list[str], markers: list[str]) -> list[int | None]:
    """The 1-based page each marker's entry starts on: the next page, after the last
    entry's, that begins with its marker; None where none does."""
    pages: list[int | None] = []
    at = 0
    for marker in markers:
        found = next((i for i in range(at, len(texts)) if texts[i].startswith(marker)), None)
        pages.append(None if found is None else found + 1)
        if found is not None:
            at = found + 1
    return pages


def _spliced(front: bytes, back: bytes, skip: int) -> bytes:
    """``front``'s pages, then ``back``'s from page ``skip`` on (its document info kept)."""
    from pypdf import PdfReader, PdfWriter

    first, rest = PdfReader(io.BytesIO(front)), PdfReader(io.BytesIO(back))
    writer = PdfWriter()
    for page in first.pages:
        writer.add_page(page)
    for page in rest.pages[skip:]:
        writer.add_page(page)
    if rest.metadata:
        writer.add_metadata(dict(rest.metadata))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def with_page_numbers(docs: Documents, found: list[Section], pdf: bytes, renderer, files: dict,
                      document: str, problems: list[str] | None = None) -> bytes:
    """The document with its contents page's numbers filled in."""
    contents = found[0].data
    texts = page_texts(pdf)
    pages = first_pages(texts, [e.marker for e in contents.entries])
    if None in pages:
        missing = "、".join(e.name for e, p in zip(contents.entries, pages) if p is None)
        if problems is not None:
            problems.append(f"目录中以下篇目的页码未能确定：{missing} / the contents could not number some entries: {missing}")
    numbered = Section(found[0].kind, found[0].page, contents.with_pages(pages))
    title = document_title(docs, document)
    front_pages = min((p for p in pages if p is not None), default=len(texts) + 1) - 1
    front = renderer.render(render_html(docs, [numbered], title), files)
    if 0 < front_pages == len(page_texts(front, text=False)):
        return _spliced(front, pdf, front_pages)
    # the numbered contents came out longer or shorter: print it all again
    data = renderer.render(render_html(docs, [numbered, *found[1:]], title), files)
    if len(page_texts(data, text=False)) != len(texts) and problems is not None:
        problems.append("目录页码可能有误：两次排版页数不同 / the contents' page numbers may be off: "
                        "the two printings differ in length")
    return data
