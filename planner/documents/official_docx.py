"""Word documents in the official layout (GB/T 9704-2012): the training notice and the
reflections booklet, for the organiser to adjust in Word.

A4; margins top 37 mm, left 28 mm, right 26 mm, bottom 35 mm (a 156 × 225 mm text
block); body 3号 仿宋_GB2312 at an exact 28.95pt line (22 lines) with characters drawn
0.2pt closer (28 a line); title 2号 方正小标宋简体; headings 黑体 and 楷体_GB2312; page
numbers 4号 宋体 "— 1 —", odd pages right and even pages left, one character in. Word
substitutes fonts that are not installed. The booklet's contents is a Word field that
Word fills in with page numbers when the document is opened (it asks to update fields).
"""

from __future__ import annotations

import io
from datetime import date

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from planner.documents import Documents
from planner.documents.notice import ADDRESSEE, HEADING, PARAGRAPH, SIGNATURE, SUBHEADING, TITLE, Block, notice
from planner.documents.reflections import booklet
from planner.documents.docx import _set_font as set_font
from planner.documents.docx import add_field, end_field
from planner.text import clean_text

BODY_FONT = "仿宋_GB2312"
TITLE_FONT = "方正小标宋简体"
HEI_FONT = "黑体"
KAI_FONT = "楷体_GB2312"
NUMBER_FONT = "宋体"
BODY_PT = 16  # 3号
TITLE_PT = 22  # 2号
NUMBER_PT = 14  # 4号
LINE_PT = 28.95  # 225 mm / 22 lines
CHAR_SPACING = -4  # twentieths of a point: 28 characters in 156 mm


def _run(paragraph, text: str, font: str = BODY_FONT, size: float = BODY_PT, spaced: bool = True):
    run = paragraph.add_run(clean_text(text))
    set_font(run, font, size)
    if spaced:
        spacing = OxmlElement("w:spacing")
        spacing.set(qn("w:val"), str(CHAR_SPACING))
        run._r.get_or_add_rPr().append(spacing)
    return run


def _paragraph(document, alignment=WD_ALIGN_PARAGRAPH.JUSTIFY, indent: bool = True, line: float = LINE_PT):
    paragraph = document.add_paragraph()
    paragraph.alignment = alignment
    form = paragraph.paragraph_format
    form.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    form.line_spacing = Pt(line)
    form.space_before = form.space_after = Pt(0)
    form.first_line_indent = Pt(2 * BODY_PT) if indent else Pt(0)
    form.widow_control = False  # 22 full lines a page, as the standard counts them
    return paragraph


def _page_number(footer, odd: bool) -> None:
    """'— PAGE —' at the bottom, odd pages right and even pages left, one character in."""
    paragraph = footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT if odd else WD_ALIGN_PARAGRAPH.LEFT
    form = paragraph.paragraph_format
    form.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    form.line_spacing = Pt(NUMBER_PT)
    if odd:
        form.right_indent = Pt(NUMBER_PT)
    else:
        form.left_indent = Pt(NUMBER_PT)
    _run(paragraph, "— ", NUMBER_FONT, NUMBER_PT, spaced=False)
    run = paragraph.add_run()
    set_font(run, NUMBER_FONT, NUMBER_PT)
    add_field(run, "PAGE")
    _run(paragraph, " —", NUMBER_FONT, NUMBER_PT, spaced=False)


def official_document(title: str):
    """A new Word document laid out as GB/T 9704-2012 sets it."""
    document = Document()
    set_font(document.styles["Normal"], BODY_FONT, BODY_PT)
    document.core_properties.title = clean_text(title)
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.footer_distance = Mm(23)  # the number's top 7 mm below the text block
    document.settings.odd_and_even_pages_header_footer = True
    _page_number(section.footer, odd=True)
    _page_number(section.even_page_footer, odd=False)
    return document


def _title(document, text: str, heading: bool = False) -> None:
    paragraph = _paragraph(document, WD_ALIGN_PARAGRAPH.CENTER, indent=False, line=1.45 * TITLE_PT)
    if heading:
        paragraph.style = document.styles["Heading 1"]  # the contents field lists these
        paragraph.paragraph_format.keep_with_next = True
        paragraph.paragraph_format.page_break_before = True  # each text on its own pages
    for index, line in enumerate(text.split("\n")):
        if index:
            paragraph.add_run().add_break(WD_BREAK.LINE)
        run = _run(paragraph, line, TITLE_FONT, TITLE_PT, spaced=False)
        run.font.bold = False
        run.font.color.rgb = None
    paragraph.paragraph_format.space_after = Pt(LINE_PT)


def _blocks(document, blocks) -> None:
    for block in blocks:
        if block.kind == TITLE:
            _title(document, block.text)
        elif block.kind == ADDRESSEE:
            _run(_paragraph(document, indent=False), block.text)
        elif block.kind in (HEADING, SUBHEADING):
            _run(_paragraph(document), block.text, HEI_FONT if block.kind == HEADING else KAI_FONT)
        elif block.kind == PARAGRAPH:
            paragraph = _paragraph(document)
            if block.lead:
                _run(paragraph, block.lead, KAI_FONT)
            _run(paragraph, block.text)


def _width(text: str) -> float:
    """Characters as wide as a Chinese one: digits and Latin letters are half as wide."""
    return sum(0.5 if ord(c) < 0x2E80 else 1 for c in text)


def _signature(document, lines: list[Block]) -> None:
    """发文机关署名 and 成文日期 as GB/T 9704-2012 §7.3.5.2 sets them without a seal: the
    signature two characters from the right, the date below starting two characters
    further right (or, when it is longer, two characters from the right and the
    signature moved left to keep that step)."""
    names, day = [b.text for b in lines[:-1]], lines[-1].text
    widest = max((_width(n) for n in names), default=0)
    shift = max(0.0, _width(day) + 2 - widest)
    spacer = _paragraph(document, indent=False)
    spacer.paragraph_format.keep_with_next = True
    for name in names:
        paragraph = _paragraph(document, WD_ALIGN_PARAGRAPH.RIGHT, indent=False)
        paragraph.paragraph_format.right_indent = Pt(BODY_PT * (2 + shift + widest - _width(name)))
        paragraph.paragraph_format.keep_with_next = True
        _run(paragraph, name)
    paragraph = _paragraph(document, WD_ALIGN_PARAGRAPH.RIGHT, indent=False)
    paragraph.paragraph_format.right_indent = Pt(BODY_PT * (2 + max(0.0, widest - 2 - _width(day))))
    _run(paragraph, day)


def notice_docx(docs: Documents, today: date | None = None) -> bytes:
    found = notice(docs, today)
    document = official_document(f"{docs.title}培训通知")
    _blocks(document, [b for b in found.blocks if b.kind != SIGNATURE])
    signature = found.of(SIGNATURE)
    if signature:
        _signature(document, signature)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _contents_field(document, entries) -> None:
    """A TOC field over the titles (Heading 1), shown as the list of titles until Word
    updates it with page numbers."""
    paragraph = _paragraph(document, indent=False)
    add_field(paragraph.add_run(), 'TOC \\o "1-1" \\h \\z \\u', end=False)
    for index, entry in enumerate(entries):
        if index:
            paragraph.add_run().add_break(WD_BREAK.LINE)
        _run(paragraph, f"{entry.title}　{entry.byline}", size=14, spaced=False)
    end_field(paragraph.add_run())
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    document.settings.element.append(update)


def reflections_docx(docs: Documents, group_id: int | None = None) -> bytes:
    found = booklet(docs, group_id)
    document = official_document(f"{docs.title}学习体会汇编")
    _title(document, f"{found.title}\n学习体会汇编")
    heading = _paragraph(document, WD_ALIGN_PARAGRAPH.CENTER, indent=False)
    _run(heading, "目　录", HEI_FONT)
    _contents_field(document, found.entries)
    for entry in found.entries:
        _title(document, entry.title, heading=True)
        byline = _paragraph(document, WD_ALIGN_PARAGRAPH.CENTER, indent=False)
        byline.paragraph_format.space_after = Pt(LINE_PT)
        _run(byline, entry.byline, KAI_FONT)
        _blocks(document, entry.blocks)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def official_docx(docs: Documents, document: str, group_id: int | None = None) -> bytes:
    if document == "notice":
        return notice_docx(docs)
    if document == "reflections":
        from planner.documents.output import nothing_to_export

        if not docs.plan.reflections:
            raise nothing_to_export("还没有导入学习体会", "no reflections have been imported yet")
        return reflections_docx(docs, group_id)
    raise ValueError(document)
