"""PDFs through QtWebEngine: every session in order with its times, fonts embedded,
CSS page sizes (GB/T 9704 overview, landscape tables), one page per participant."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from planner.documents import SESSION, Documents
from tests.conftest import run_main

pytestmark = [
    pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils"),
    # pytest-qt's Qt message capture crashes (none_dealloc) under Chromium's logging
    pytest.mark.no_qt_log,
]


@pytest.fixture(scope="module")
def docs(sample):
    return Documents(sample)


@pytest.fixture(scope="module")
def pdfs(qapp, docs, tmp_path_factory):
    """Each document of the sample as a PDF file, made with one renderer."""
    from ui.printing.pdf import pdf_bytes
    from ui.printing.render import PdfRenderer

    folder = tmp_path_factory.mktemp("pdf")
    renderer = PdfRenderer()
    member = next(p for p in docs.plan.participants if p.role == "member")
    made = {}
    try:
        for name, args in {
            "overview": ("overview",), "group": ("group",), "contacts": ("contacts",),
            "roster": ("roster",), "booklet": ("booklet",),
            "participant": ("participant", None, member.id), "group2": ("group", 2),
        }.items():
            path = folder / f"{name}.pdf"
            path.write_bytes(pdf_bytes(docs, *args, renderer=renderer))
            made[name] = path
    finally:
        renderer.close()
    made["member"] = member
    return made


def text_of(path) -> str:
    """The PDF's text in content order (-raw: as the page was laid out, cell by cell)."""
    out = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return re.sub(r"\s+", "", out)


def pages(path) -> list[tuple[float, float]]:
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "999", str(path)], capture_output=True, text=True).stdout
    return [(float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)]


def assert_in_order(text: str, needles: list[str]) -> None:
    at = 0
    for needle in needles:
        found = text.find(needle, at)
        assert found >= 0, f"{needle!r} missing (or out of order) after position {at}"
        at = found + len(needle)


def session_needles(docs, group_id) -> list[str]:
    needles = []
    for _, row in docs.group_itinerary(group_id).rows:
        if row.kind == SESSION:
            needles += [row.time, row.content]
    return needles


def test_fonts_are_embedded(pdfs):
    for name in ("overview", "group", "contacts", "roster", "booklet", "participant"):
        out = subprocess.run(["pdffonts", str(pdfs[name])], capture_output=True, text=True, check=True).stdout
        rows = [line.split() for line in out.splitlines()[2:] if line.strip()]
        assert rows, name
        assert all("yes" == row[-5] for row in rows), out  # the "emb" column
        assert any("NotoSerifSC" in row[0] for row in rows)


def test_itineraries_hold_every_session_in_order(pdfs, docs):
    group_text = text_of(pdfs["group"])
    booklet_text = text_of(pdfs["booklet"])
    for group in docs.plan.ordered_groups():
        assert_in_order(group_text, session_needles(docs, group.id))
        assert_in_order(booklet_text, session_needles(docs, group.id))
    assert "⼀" not in group_text  # no Kangxi radicals for 一
    only_two = text_of(pdfs["group2"])
    assert_in_order(only_two, session_needles(docs, 2))
    assert docs.group_itinerary(1).days[1].rows[0].content not in only_two


def test_overview_holds_every_session_with_its_time(pdfs, docs):
    text = text_of(pdfs["overview"])
    assert docs.title in text and "日程安排" in text
    for group in docs.plan.ordered_groups():
        for day in docs.group_itinerary(group.id).days:
            for row in day.sessions:
                assert row.time in text and row.content in text
    # day by day, plenaries across, then each group's sessions in route order
    needles = []
    for day in docs.overview().days:
        for block in day.blocks:
            if block.plenary is not None:
                needles += [block.plenary.time, block.plenary.content]
            needles += [x for cell in block.cells for e in cell for x in (e.time, e.content)]
    assert_in_order(text, needles)


def test_personal_itinerary_is_one_page_in_order(pdfs, docs):
    member = pdfs["member"]
    assert len(pages(pdfs["participant"])) == 1
    text = text_of(pdfs["participant"])
    assert member.name in text
    assert_in_order(text, session_needles(docs, member.group_id))


def test_page_sizes_and_numbers(pdfs):
    a4_portrait, a4_landscape = (595, 842), (842, 595)
    rounded = lambda sizes: [(round(w), round(h)) for w, h in sizes]  # noqa: E731
    assert set(rounded(pages(pdfs["overview"]))) == {a4_portrait}
    assert set(rounded(pages(pdfs["group"]))) == {a4_landscape}
    booklet = rounded(pages(pdfs["booklet"]))
    assert booklet[0] == a4_portrait and a4_landscape in booklet
    text = subprocess.run(["pdftotext", str(pdfs["booklet"]), "-"], capture_output=True, text=True).stdout
    for n in (1, 2, len(booklet)):
        assert re.search(rf"—\s*{n}\s*—", text), n


def test_contacts_complete_and_roster_masked(pdfs, docs):
    contacts = text_of(pdfs["contacts"])
    roster = text_of(pdfs["roster"])
    site = next(s for s in docs.plan.sites if s.contact_phone)
    assert site.contact_phone in contacts
    person = next(p for p in docs.plan.participants if p.phone)
    assert person.name in roster and person.phone not in roster and person.phone[-4:] in roster


def test_export_command_pdf(sample_path, tmp_path):
    out = tmp_path / "booklet.pdf"
    result = run_main("export", sample_path, "--format", "pdf", "--document", "booklet", "--out", out, timeout=180)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert out.read_bytes()[:5] == b"%PDF-"
    bad = run_main("export", sample_path, "--format", "pdf", "--document", "participant",
                   "--participant", "99999", "--out", tmp_path / "p.pdf")
    assert bad.returncode == 1 and "99999" in bad.stderr and "Traceback" not in bad.stderr
    assert not (tmp_path / "p.pdf").exists()


def test_print_dialog_prints_the_pdf_pages_in_their_orientation(qtbot, sample, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    from ui.printing.dialog import PrintDialog, paint_pdf

    dialog = PrintDialog(sample)
    qtbot.addWidget(dialog)
    dialog.document.setCurrentIndex(dialog.document.findData("booklet"))
    dialog.group.setCurrentIndex(dialog.group.findData(2))
    assert dialog.choice() == ("booklet", 2, None)
    data = dialog.pdf()
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    paint_pdf(printer, data)
    sizes = [(round(w), round(h)) for w, h in pages(out)]
    assert [(round(w), round(h)) for w, h in pages_of_bytes(data, tmp_path)] == sizes
    dialog.done(0)


def pages_of_bytes(data: bytes, folder):
    path = folder / "source.pdf"
    path.write_bytes(data)
    return pages(path)


def test_print_dialog_export_never_replaces_a_plan_file(qtbot, sample, sample_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from ui.printing.dialog import PrintDialog

    before = sample_path.read_bytes()
    warnings = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(sample_path), ""))
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *rest: warnings.append(text))
    dialog = PrintDialog(sample)
    qtbot.addWidget(dialog)
    dialog.format.setCurrentIndex(dialog.format.findData("xlsx"))
    dialog.document.setCurrentIndex(dialog.document.findData("overview"))
    dialog.export_button.click()
    assert warnings and "plan file" in warnings[0]
    assert sample_path.read_bytes() == before
    dialog.done(0)
