"""The documents before and after the tour, read back from the files themselves: the
notice's margins and page numbers from the PDF's geometry (pdftotext -bbox), sign-in
sheets per session with exactly the group's people, a table card and a badge per
participant, the handbook's figures beside the home place's, the reflections in order
with a contents page that gives their pages, the measures list; Word and Excel too."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from dataclasses import replace
from datetime import date

import pytest
from docx import Document

from planner.documents import Documents
from planner.documents.notice import DEFAULT_NOTICE, notice
from planner.model import Indicator, Measure, Reflection
from tests.conftest import run_main

pytestmark = [
    pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils"),
    pytest.mark.no_qt_log,  # pytest-qt's Qt message capture crashes under Chromium's logging
]

MM = 72 / 25.4  # points per millimetre
BODY = ("今年2月，我参加了专题培训班，赴浙江、江苏两省考察学习，走进企业、园区和村庄，"
        "深切感受到先进地区干部敢为人先的精气神。")


def material_plan(sample):
    """The sample with figures for group 2's places and a home place, questions at some
    sites, reflections from five people of different groups, three measures."""
    plan = sample
    places = plan.route_places(2)
    indicators = [Indicator(len(places) * 4 + 1, "地区生产总值", None, "某某县", "亿元", "312.5", 2023, "某某县统计公报", 1),
                  Indicator(len(places) * 4 + 2, "常住人口", None, "某某县", "万人", "58.1", 2023, "某某县统计公报", 2)]
    for n, place in enumerate(places):
        indicators += [Indicator(n * 4 + 1, "地区生产总值", place.id, "", "亿元", f"{1000 + 111 * n}.4", 2023,
                                 f"{place.name}统计公报", 1),
                       Indicator(n * 4 + 2, "常住人口", place.id, "", "万人", f"{80 + n}", 2023, f"{place.name}统计公报", 2)]
    plan = plan.with_items("indicators", indicators)
    site = plan.site(plan.sessions_of(2)[0].site_id)
    plan = plan.with_items("sites", [replace(s, questions="市场采购贸易方式怎样起步？\n如何引导企业上规？")
                                     if s.id == site.id else s for s in plan.sites])
    people = [plan.participants[i] for i in (64, 4, 33, 5, 40)]  # groups 3, 1, 2, 1, 2: out of order on purpose
    plan = plan.with_items("reflections", [
        Reflection(n + 1, p.id, f"第{n + 1}篇体会的题目", "\n".join(["一、主要收获", *([BODY * 3] * (3 + 4 * n))]), f"{n}.docx")
        for n, p in enumerate(people)])
    plan = plan.with_items("measures", [
        Measure(1, "学习市场采购贸易方式，谋划商贸物流园区", "县商务局", "2025年6月底前", "in_progress", site.id, None, "", 1),
        Measure(2, "开展和美乡村示范村创建", "县农业农村局", "2025年底前", "done", None, None, "", 2)])
    long_notice = DEFAULT_NOTICE.replace("六、联系方式", "\n".join(["（四）" + BODY * 2] * 6) + "\n六、联系方式")
    return replace(plan, programme=replace(plan.programme, notice=long_notice))


@pytest.fixture(scope="module")
def docs(sample):
    return Documents(material_plan(sample))


@pytest.fixture(scope="module")
def pdfs(qapp, docs, tmp_path_factory):
    from ui.printing.pdf import pdf_bytes
    from ui.printing.render import PdfRenderer

    folder = tmp_path_factory.mktemp("material")
    renderer = PdfRenderer()
    made = {}
    try:
        for name in ("notice", "signin", "signin-day", "namecards", "benchmark", "reflections", "measures"):
            path = folder / f"{name}.pdf"
            path.write_bytes(pdf_bytes(docs, name, renderer=renderer))
            made[name] = path
    finally:
        renderer.close()
    return made


def page_texts(path) -> list[str]:
    """Each page's text in content order (-raw: cell by cell), spaces taken out."""
    out = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return [re.sub(r"\s+", "", page) for page in out.split("\f")[:-1]]


def bbox_lines(path) -> list[list[tuple[float, float, float, float, str]]]:
    """Per page, each line as (xMin, yMin, xMax, yMax) in millimetres and its text."""
    out = subprocess.run(["pdftotext", "-bbox-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    pages = []
    for page in out.split("<page ")[1:]:
        lines = []
        for x0, y0, x1, y1, body in re.findall(
                r'<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</line>', page, re.S):
            text = "".join(re.findall(r">([^<]*)</word>", body))
            lines.append((float(x0) / MM, float(y0) / MM, float(x1) / MM, float(y1) / MM, text))
        pages.append(lines)
    return pages


# --- 培训通知 ------------------------------------------------------------------------------


def test_notice_has_the_gb_t_9704_text_block_and_page_numbers(pdfs):
    pages = bbox_lines(pdfs["notice"])
    assert len(pages) >= 2
    numbers = []
    for index, lines in enumerate(pages, 1):
        number = [line for line in lines if re.fullmatch(r"—\d+—", line[4])]
        assert len(number) == 1, lines
        x0, y0, x1, _y1, text = number[0]
        numbers.append(text)
        assert abs(y0 - 269) < 1.5  # 7 mm below the text block's bottom edge (37 + 225 mm)
        if index % 2:  # odd pages: at the right, one character (4号, 4.9 mm) in from the text block's edge
            assert abs(x1 - (28 + 156 - 4.94)) < 1.5, (index, x1)
        else:  # even pages: at the left, one character in
            assert abs(x0 - (28 + 4.94)) < 1.5, (index, x0)
        body = [line for line in lines if line not in number]
        assert min(x for x, *_ in body) == pytest.approx(28, abs=1)  # 订口 28 mm
        assert max(x for _, _, x, *_ in body) == pytest.approx(184, abs=1)  # 版心 156 mm wide
        assert min(y for _, y, *_ in body) == pytest.approx(37, abs=1.5)  # 天头 37 mm
        assert max(y for *_, y, _ in body) <= 262 + 0.5  # 版心 225 mm tall
    assert numbers == [f"—{n}—" for n in range(1, len(pages) + 1)]
    full_page = pages[1]  # the body runs on: 22 lines of 28 characters
    body = [line for line in full_page if not re.fullmatch(r"—\d+—", line[4])]
    assert len({round(line[1]) for line in body}) == 22  # (pdftotext may cut a line in two pieces)
    full_lines = [line[4] for line in body if line[0] < 29 and line[2] > 183]
    assert full_lines and all(len(text) == 28 for text in full_lines), full_lines


def test_notice_holds_the_plans_facts_and_the_fonts_are_said(pdfs, docs, sample_path):
    text = "".join(page_texts(pdfs["notice"]))
    title = docs.title
    assert f"关于举办{title}的通知" in text
    assert "2025年2月23日至28日，共6天" in text
    leaves = docs.plan.programme.departure_time  # the groups leave 长沙 together
    assert f"2025年2月23日（星期日）{leaves // 60}:{leaves % 60:02d}前到长沙集合地点（示意）（湖南省长沙市）报到集合" in text
    assert "由长沙市出发" in text and "返回长沙市" in text
    liaison = next(p for p in docs.plan.participants if p.role == "liaison")
    assert f"{liaison.name}，电话：{liaison.phone}" in text
    assert "请携带身份证" in text and "{" not in text
    fonts = subprocess.run(["pdffonts", str(pdfs["notice"])], capture_output=True, text=True).stdout
    assert "NotoSerifSC" in fonts  # the shipped serif: this machine has no 仿宋
    result = run_main("export", sample_path, "--format", "pdf", "--document", "notice", "--out",
                      sample_path.with_suffix(".pdf"))
    assert result.returncode == 0, result.stderr
    assert "正文字体：Noto Serif SC（随程序提供；本机没有仿宋）" in result.stdout


def test_notice_fields_and_layout(docs):
    filled = notice(docs, today=date(2025, 2, 10), text="关于{培训班}的通知\n\n各单位：\n{日程}\n一、要求\n（一）报到。请按时。\n{不存在}\n\n主办方\n2025年2月10日")
    kinds = [b.kind for b in filled.blocks]
    assert kinds[:2] == ["title", "addressee"] and kinds[-2:] == ["signature", "signature"]
    assert sum(1 for b in filled.blocks if b.text.startswith("2月2")) == 6  # a paragraph a day
    lead = next(b for b in filled.blocks if b.lead)
    assert (lead.lead, lead.text) == ("（一）报到。", "请按时。")
    assert filled.unknown == ("不存在",)


def test_notice_as_word_in_the_official_layout(docs):
    from planner.documents.official_docx import notice_docx

    document = Document(io.BytesIO(notice_docx(docs, today=date(2025, 2, 10))))
    section = document.sections[0]
    margins = (section.top_margin, section.left_margin, section.right_margin, section.bottom_margin)
    assert [round(m.mm, 1) for m in margins] == [37, 28, 26, 35]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    assert document.settings.odd_and_even_pages_header_footer
    odd, even = section.footer.paragraphs[0], section.even_page_footer.paragraphs[0]
    assert odd.alignment == 2 and even.alignment == 0  # right, left
    assert "PAGE" in odd._p.xml and "— " in odd.text
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == f"关于举办{docs.title}的通知"
    heading = next(p for p in document.paragraphs if p.text == "一、培训时间")
    assert heading.runs[0].font.name == "黑体"
    body = next(p for p in document.paragraphs if p.text.startswith("经研究"))
    assert body.runs[0].font.size.pt == 16 and body.paragraph_format.line_spacing.pt == pytest.approx(28.95)
    assert texts[-1] == "2025年2月10日" and texts[-2] == docs.plan.programme.organiser


# --- 签到表 --------------------------------------------------------------------------------


def test_signin_sheet_per_session_lists_exactly_its_groups_people_on_one_page(pdfs, docs):
    from planner.documents.signin import signin_sheets

    sheets = signin_sheets(docs)
    pages = page_texts(pdfs["signin"])
    assert len(pages) == len(sheets)  # one page per session, never two
    everyone = {p.name for p in docs.plan.participants}
    for sheet, page in zip(sheets, pages):
        group = next(g for g in docs.plan.groups if g.name == sheet.group)
        expected = [p.name for p in docs.plan.participants if p.group_id == group.id]
        listed = [name for name in everyone if name in page]
        assert sorted(listed) == sorted(expected), sheet.heading
        assert sheet.site in page and sheet.time in page and sheet.group in page
    sessions = sum(1 for s in docs.plan.sessions)
    plenaries = sum(1 for _ in docs.plan.plenaries) * len(docs.plan.groups)
    assert len(sheets) == sessions + plenaries
    first = docs.roster(sheets[0].group_id).rows
    assert [r.name for r in sheets[0].rows] == [r.name for r in first]  # in roster order


def test_signin_per_day_and_group_has_a_sheet_a_day(pdfs, docs):
    from planner.documents.signin import BY_DAY, signin_sheets

    sheets = signin_sheets(docs, BY_DAY)
    assert len(sheets) == sum(len(docs.timetable.of_group(g.id)) for g in docs.plan.groups)
    assert len(page_texts(pdfs["signin-day"])) == len(sheets)
    assert any(s.signatures == ("上午签到", "下午签到") for s in sheets)


def test_signin_as_excel_and_word(docs, tmp_path):
    from openpyxl import load_workbook

    from planner.documents.docx import read_tables
    from planner.documents.tables import tables_for
    from planner.documents.xlsx import read_table, xlsx_bytes
    from planner.documents.docx import docx_bytes

    tables = tables_for(docs, "signin", 2)
    (tmp_path / "s.xlsx").write_bytes(xlsx_bytes(tables))
    book = load_workbook(tmp_path / "s.xlsx")
    people = [p.name for p in docs.plan.participants if p.group_id == 2]
    for sheet in book.worksheets:
        rows = read_table(sheet)
        assert sorted(r[1] for r in rows) == sorted(people) and all(r[-1] == "" for r in rows)
    words = read_tables(docx_bytes(tables, docs.title))
    assert len(words) == len(book.worksheets)


# --- 桌签与名牌 --------------------------------------------------------------------------------


def test_a_table_card_and_a_badge_per_participant(pdfs, docs):
    people = docs.plan.participants
    pages = page_texts(pdfs["namecards"])
    assert len(pages) == len(people) + -(-len(people) // 6)  # a card each, then badges six to a page
    for person, page in zip(sorted(people, key=lambda p: (p.group_id or 99, p.role != "group_leader",
                                                          p.role != "liaison", p.id)), pages):
        assert page.count(person.name) == 2  # printed twice, one upside down
        assert person.unit in page
    badges = "".join(pages[len(people):])
    assert all(badges.count(p.name) == 1 for p in people if not any(
        p.name != q.name and p.name in q.name for q in people))


# --- 对标手册 --------------------------------------------------------------------------------


def test_handbook_sets_each_places_figures_beside_the_home_places(pdfs, docs):
    from planner.documents.benchmark import handbook

    pages = page_texts(pdfs["benchmark"])
    handbook_pages = handbook(docs)
    assert len(pages) >= len(handbook_pages)
    text = "".join(pages)
    for n, place in enumerate(docs.plan.route_places(2)):
        # the place's figure, then the home county's, on one row
        assert f"地区生产总值亿元{1000 + 111 * n}.4312.5" in text
        assert f"常住人口万人{80 + n}58.1" in text
        assert f"{place.name}统计公报" in text
    assert "某某县（2023年）" in text and "某某县统计公报" in text
    assert "市场采购贸易方式怎样起步？" in text
    group1 = [p for p in handbook_pages if p.group == "第一组"]
    assert [p.place for p in group1] == [p.name for p in docs.plan.route_places(1)]  # a page per place, in order
    assert all(not p.figures or all(f.value == "—" for f in p.figures) for p in group1
               if p.place not in {x.name for x in docs.plan.route_places(2)})


# --- 学习体会汇编 ------------------------------------------------------------------------------


def test_reflections_booklet_in_group_and_roster_order_with_page_numbers(pdfs, docs):
    from planner.documents.reflections import booklet

    entries = booklet(docs).entries
    order = {p.id: (p.group_id, docs.participant_ids().index(p.id)) for p in docs.plan.participants}
    assert [e.participant_id for e in entries] == sorted((e.participant_id for e in entries), key=order.get)
    pages = page_texts(pdfs["reflections"])
    contents = pages[0]
    at = 0
    for entry in entries:
        heading = entry.title + entry.byline.replace("　", "")
        match = re.compile(re.escape(heading) + r"(\d+)").search(contents, at)
        assert match, entry.title  # listed, in order, with its page
        at = match.end()
        page = re.sub(r"^—\d+—", "", pages[int(match[1]) - 1])
        assert page.startswith(heading), (entry.name, match[1])  # the entry begins on that page
        reflection = next(r for r in docs.plan.reflections if r.participant_id == entry.participant_id)
        assert reflection.text.split("\n")[1][:20] in page  # its text follows
    running = "".join(re.sub(r"^—\d+—", "", page) for page in pages)  # the text across page breaks
    assert running.count(BODY) == sum(r.text.count(BODY) for r in docs.plan.reflections)


def test_reflections_as_word(docs):
    from planner.documents.official_docx import reflections_docx

    document = Document(io.BytesIO(reflections_docx(docs)))
    from planner.documents.reflections import booklet

    titles = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert titles == [e.title for e in booklet(docs).entries]
    assert "TOC" in document.element.xml and "updateFields" in document.settings.element.xml


# --- 举措清单 ----------------------------------------------------------------------------------


def test_measures_list_as_pdf_and_word(pdfs, docs):
    text = "".join(page_texts(pdfs["measures"]))
    assert "共2项：推进中1项，已完成1项" in text
    site = docs.plan.site(docs.plan.measures[0].site_id)
    assert "学习市场采购贸易方式，谋划商贸物流园区县商务局2025年6月底前推进中" + site.name in text
    from planner.documents.docx import docx_bytes, read_tables
    from planner.documents.tables import tables_for

    rows = read_tables(docx_bytes(tables_for(docs, "measures"), docs.title))[0]
    assert [r[1] for r in rows] == [m.text for m in docs.plan.measures]


def test_documents_with_nothing_to_print_say_so(sample_path):
    for document in ("reflections", "measures"):
        result = run_main("export", sample_path, "--format", "pdf", "--document", document, "--out",
                          sample_path.with_name(f"{document}.pdf"))
        assert result.returncode == 1 and "没有可导出的内容" in result.stderr and "Traceback" not in result.stderr
    result = run_main("export", sample_path, "--format", "xlsx", "--document", "notice", "--out",
                      sample_path.with_name("n.xlsx"))
    assert result.returncode == 1 and "notice" in result.stderr
