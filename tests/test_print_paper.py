"""Paper and files (issue 17), read back from the PDFs as a reader sees them: titles
broken only between phrases, no line holding only 意）, routes broken before an arrow,
pages filled, the personal itinerary with its departures and complete phone numbers,
masking per document, a long posting's short lists, empty documents refused, maps of a
one-place group that show its surroundings."""

from __future__ import annotations

import html
import re
import shutil
import subprocess

import pytest

from planner.documents import Documents
from tests.conftest import run_main
from tests.paper_plans import four_groups, long_posting

pytestmark = [
    pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils"),
    pytest.mark.no_qt_log,  # pytest-qt's Qt message capture crashes under Chromium's logging
]

FOOTER = re.compile(r"^—\s*\d+\s*—$")  # the page number


@pytest.fixture(scope="module")
def pdfs(qapp, sample, tmp_path_factory):
    """The PDFs read here, made with one renderer."""
    from ui.printing.pdf import pdf_bytes
    from ui.printing.render import PdfRenderer

    folder = tmp_path_factory.mktemp("paper")
    member = next(p for p in sample.participants if p.role == "member" and p.group_id == 1)
    posting = Documents(long_posting())
    wanted = {
        "overview": (Documents(sample), "overview"), "group": (Documents(sample), "group"),
        "participant": (Documents(sample), "participant", None, member.id),
        "participant-masked": (Documents(sample), "participant", None, member.id, True),
        "four": (Documents(four_groups(sample)), "overview"),
        **{f"posting-{d}": (posting, d) for d in ("rooming", "bus", "group", "overview")},
        "posting-participant": (posting, "participant", None, 1),
    }
    renderer = PdfRenderer()
    made = {}
    try:
        for name, (docs, document, *rest) in wanted.items():
            group, participant, mask = (rest + [None, None, None])[:3]
            path = folder / f"{name}.pdf"
            path.write_bytes(pdf_bytes(docs, document, group, participant, renderer=renderer, mask=mask))
            made[name] = path
    finally:
        renderer.close()
    made["member"] = member
    return made


def pages_of(path) -> list[tuple[float, list[tuple[float, str]]]]:
    """Per page: its height and its lines of text as laid out (bottom y, text), each
    line of each block (a table cell, a paragraph) separately."""
    out = subprocess.run(["pdftotext", "-bbox-layout", str(path), "-"], capture_output=True, text=True,
                         check=True).stdout
    found = []
    for height, body in re.findall(r'<page width="[\d.]+" height="([\d.]+)">(.*?)</page>', out, re.S):
        lines = []
        for bottom, words in re.findall(r'<line [^>]*yMax="([\d.]+)">(.*?)</line>', body, re.S):
            text = " ".join(html.unescape(w) for w in re.findall(r"<word [^>]*>(.*?)</word>", words))
            lines.append((float(bottom), text))
        found.append((float(height), lines))
    return found


def lines_of(path) -> list[str]:
    return [text for _, lines in pages_of(path) for _, text in lines]


def plain(path) -> str:
    return re.sub(r"\s+", "", subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                                             check=True).stdout)


def test_the_title_breaks_only_between_phrases(pdfs, sample):
    from planner.documents.cjk import _parser

    title = sample.programme.title
    ends, at = set(), 0
    for phrase in _parser().parse(title):
        at += len(phrase)
        ends.add(at)
    lines = [t.replace(" ", "") for t in lines_of(pdfs["overview"])]
    first = next(i for i, t in enumerate(lines) if t and title.startswith(t))
    taken = ""
    for line in lines[first:]:
        if not title.startswith(taken + line):
            break
        taken += line
        assert len(taken) in ends, f"the title breaks inside a word after {taken!r}"
    assert taken == title and len(lines[first]) < len(title)  # on more than one line, every break between phrases


@pytest.mark.parametrize("name", ["overview", "group", "four", "posting-group"])
def test_no_line_holds_only_the_end_of_a_bracket(pdfs, name):
    orphans = [t for t in lines_of(pdfs[name]) if re.fullmatch(r"[^（(]{0,2}[）)]", t.replace(" ", ""))]
    assert orphans == []


@pytest.mark.parametrize("name", ["overview", "group", "four"])
def test_routes_break_before_an_arrow_and_never_inside_a_name(pdfs, name, sample):
    places = {p.name for p in sample.places}
    lines = lines_of(pdfs[name])
    assert not [t for t in lines if t.endswith("→")]  # routes, and journeys ('高铁 长沙南站 → 杭州西站')
    # a group's route runs on with the arrow and a whole place: '→ 梁溪区 → 江阴市'
    continued, in_route = [], False
    for text in lines:
        in_route = bool(re.match(r"(第.组|线路)：", text)) or (in_route and text.startswith("→"))
        if in_route and text.startswith("→"):
            continued.append(text)
    assert continued or name == "group", "the long routes run onto a second line"
    for text in continued:
        assert all(stop.strip() in places for stop in text.split("→")[1:]), text


@pytest.mark.parametrize("name", ["overview", "four"])
def test_overview_pages_are_filled(pdfs, name):
    """Every page but the last is used to at least three quarters of its height (a day
    runs onto the next page between its half-days instead of leaving a third blank)."""
    pages = pages_of(pdfs[name])
    assert len(pages) >= 2
    for number, (height, lines) in enumerate(pages[:-1], 1):
        bottom = max(y for y, text in lines if not FOOTER.match(text.strip()))
        assert bottom / height > 0.75, f"page {number} filled to {bottom / height:.0%}"


def test_the_personal_itinerary_has_departures_bus_legs_and_phones_to_call(pdfs, sample):
    from planner.documents import mask_phone

    text = plain(pdfs["participant"])
    assert len(pages_of(pdfs["participant"])) == 1
    assert text.count("乘车出发") >= 5  # each day's departure and the bus legs between sites
    assert re.search(r"\d\d:\d\d乘车出发（大巴约", text)
    staff = Documents(sample).staff(1)
    assert staff and all(phone in text for _, _, phone in staff)  # the liaisons' numbers, complete
    masked = plain(pdfs["participant-masked"])
    assert all(mask_phone(phone) in masked and phone not in masked for _, _, phone in staff)


def test_masking_is_the_organisers_choice_per_document(sample_path, tmp_path, sample):
    from openpyxl import load_workbook

    def cells(*options) -> str:
        out = tmp_path / f"{len(list(tmp_path.iterdir()))}.xlsx"
        result = run_main("export", sample_path, "--format", "xlsx", *options, "--out", out)
        assert result.returncode == 0, result.stderr
        return " ".join(str(c.value) for ws in load_workbook(out) for row in ws.iter_rows() for c in row if c.value)

    phone = next(p.phone for p in sample.participants if p.phone and p.group_id == 1)
    masked = f"{phone[:3]}****{phone[-4:]}"
    roster = cells("--document", "roster")  # handed to the whole delegation: masked
    assert masked in roster and phone not in roster
    assert phone in cells("--document", "roster", "--no-mask-phones")
    contacts = cells("--document", "contacts")  # the liaisons' list: complete
    assert phone in contacts
    assert phone not in cells("--document", "contacts", "--mask-phones")


def test_a_long_posting_prints_short_lists(pdfs):
    rooming = plain(pdfs["posting-rooming"])
    assert len(pages_of(pdfs["posting-rooming"])) == 1 and "3月1日—5月28日入住（共89晚）" in rooming
    assert len(pages_of(pdfs["posting-bus"])) == 3  # the three days the bus moves
    for name in ("posting-group", "posting-overview"):
        text = plain(pdfs[name])
        assert len(pages_of(pdfs[name])) == 1, name
        assert "3月3日—5月28日（共87天）" in text and "无集体安排" in text
        assert "3月15日" not in text  # no row per free day
    personal = [t.replace(" ", "") for t in lines_of(pdfs["posting-participant"])]
    assert "3月3日—5月28日（共87天）" in personal and "无集体安排" in personal


def test_the_range_of_days_breaks_after_its_dash(pdfs):
    lines = [t.replace(" ", "") for t in lines_of(pdfs["posting-group"])]
    at = lines.index("3月3日—")
    assert lines[at + 1:at + 3] == ["5月28日", "（共87天）"]


def test_a_document_with_nothing_in_it_is_refused(tmp_path):
    from planner.store import PlanFile
    from tests.test_exports_empty import NEW

    path = tmp_path / "new.stplan"
    PlanFile.create(path, NEW).close()
    for document in ("rooming", "bus"):
        out = tmp_path / f"{document}.pdf"
        result = run_main("export", path, "--format", "pdf", "--document", document, "--out", out)
        assert result.returncode == 1
        assert "没有可导出的内容" in result.stderr and "nothing to export" in result.stderr
        assert "已导出" not in result.stdout and not out.exists()


def test_a_one_place_group_map_shows_its_surroundings(qapp):
    """Framed on at least half a degree: the county and prefecture boundaries around
    the place are drawn (zoomed to a kilometre, the map was blank land)."""
    from ui.map.snapshot import COUNTY, PREFECTURE, render_route_map

    image = render_route_map(long_posting(), 1, 800, 600)
    boundary = sum(1 for x in range(0, 800, 2) for y in range(0, 600, 2)
                   if image.pixelColor(x, y).name() in (COUNTY.name(), PREFECTURE.name()))
    assert boundary > 200
