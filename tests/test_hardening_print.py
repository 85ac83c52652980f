"""Long unbreakable text in printed documents (issue 20): one 10,000-letter title made
the booklet take 57 s, several made it time out. Such text now wraps, laid out piece by
piece, and printing that still takes too long says which text is the cause."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import replace

import pytest

from planner.documents import Documents

pytestmark = [
    pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils"),
    pytest.mark.no_qt_log,  # pytest-qt's Qt message capture crashes under Chromium's logging
]

TITLE = "Internationalisation" * 500  # 10,000 letters, no space
SITE = "B" * 3000
LONGEST = 30  # letters in a row that may go without a break opportunity


@pytest.fixture(scope="module")
def long_plan(sample):
    sessions = list(sample.sessions)
    sessions[0] = replace(sessions[0], title=TITLE)
    sites = [replace(s, name=SITE) if s.id == sessions[5].site_id else s for s in sample.sites]
    return sample.with_items("sessions", sessions).with_items("sites", sites)


def unbroken_runs(html: str) -> list[str]:
    """Runs of Latin letters the page gives no break opportunity (tags removed, <wbr> kept
    as a break)."""
    text = re.sub(r"<(?!wbr>)[^>]*>", "", html.split("</style>", 1)[1])
    return [run for run in re.split(r"<wbr>|\s", text) for run in re.findall(r"[A-Za-z]{%d,}" % (LONGEST + 1), run)]


@pytest.mark.parametrize("document", ["booklet", "overview", "group", "contacts", "participant"])
def test_long_text_reaches_the_page_with_break_opportunities(long_plan, document):
    from ui.printing.pdf import document_html

    html, _ = document_html(Documents(long_plan), document, with_maps=False)
    assert "Internationalisation" in html or "B" * 20 in html  # the long texts are there
    assert unbroken_runs(html) == []


def test_break_opportunities_add_no_text_and_leave_chinese_and_short_text_alone():
    from planner.documents.html import breakable

    assert breakable("产业发展" * 40) == "产业发展" * 40
    assert breakable("阿里巴巴 Alibaba Group") == "阿里巴巴 Alibaba Group"
    broken = breakable("<b>" + "A" * 45)
    assert broken.replace("<wbr>", "") == "&lt;b&gt;" + "A" * 45 and broken.count("<wbr>") == 2
    assert "&<wbr>amp;" not in breakable("&" * 60) and breakable("&" * 60).replace("<wbr>", "") == "&amp;" * 60


def test_a_booklet_with_long_titles_prints_every_letter(qapp, tmp_path, long_plan):
    from ui.printing.pdf import pdf_bytes

    path = tmp_path / "booklet.pdf"
    path.write_bytes(pdf_bytes(Documents(long_plan), "group", group_id=long_plan.sessions[0].group_id))
    text = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert re.sub(r"\s+", "", text).count("Internationalisation") >= 500  # wrapped, not cut off the page


def test_the_print_watchdog_names_the_texts_too_long_to_lay_out(qapp, long_plan):
    from ui.printing.pdf import pdf_bytes
    from ui.printing.render import PdfRenderError, PrintTimedOut

    with pytest.raises(PrintTimedOut) as error:
        pdf_bytes(Documents(long_plan), "booklet", timeout_ms=1)
    message = str(error.value)
    assert isinstance(error.value, PdfRenderError)
    session = long_plan.sessions[0]
    assert f"现场教学 #{session.id}的「标题」（10,000 个字符）" in message
    assert f"session #{session.id} title (10,000 characters)" in message
    assert "现场教学点" in message and "3,000" in message


def test_export_reports_the_watchdog_as_its_error(qapp, long_plan, monkeypatch):
    """``export --format pdf`` (and the print dialog) shows the watchdog's message."""
    import ui.printing.render as render
    from planner.documents.output import ExportError
    from planner.documents.export import produce
    from ui.printing.headless import make_pdf

    monkeypatch.setattr(render, "TIMEOUT_MS", 1)
    with pytest.raises(ExportError) as error:
        produce(Documents(long_plan), "pdf", "booklet", None, None, make_pdf=make_pdf)
    assert "打印超时" in str(error.value) and "text too long to lay out" in str(error.value)
