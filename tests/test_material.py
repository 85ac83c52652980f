"""Material from outside (planner.material): figures per place from a spreadsheet, one
reflection per participant from a folder, the measures read back from their own Excel
export — previews first, then all or nothing — and the plan format that keeps them."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

import pytest
from docx import Document
from openpyxl import Workbook

from planner import schema
from planner.documents import Documents
from planner.edits import Delete, PlanEditError
from planner.jsonio import dumps, plan_from_json, plan_to_json
from planner.material.indicators import home_name, read_indicators, split_header
from planner.material.measures import parse_status, read_measures, session_label
from planner.material.operations import add_indicator, add_measure, new_item, set_notice
from planner.material.preview import MaterialError
from planner.material.reflections import read_reflections
from planner.model import Indicator, Measure, Reflection
from planner.operations import apply_in_memory, with_ids
from planner.store import PlanFile
from tests.conftest import run_main

HEADER = ["地区", "地区生产总值（亿元）", "常住人口（万人）", "一般公共预算收入（亿元）", "主导产业", "年份", "来源"]


def xlsx(path, rows):
    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def applied(plan, edit):
    return apply_in_memory(plan, with_ids(plan, edit))


# --- indicators ------------------------------------------------------------------------


def test_headers_give_name_and_unit():
    assert split_header("地区生产总值（亿元）") == ("地区生产总值", "亿元")
    assert split_header("GDP增速(%)") == ("GDP增速", "%")
    assert split_header("主导产业") == ("主导产业", "")


def test_indicators_import_matches_places_and_takes_the_unknown_region_as_home(sample, tmp_path):
    path = xlsx(tmp_path / "指标.xlsx", [
        HEADER,
        ["余杭区", 3000.5, 140.2, 400.1, "数字经济", "2023年", "2023年统计公报"],
        ["金华市义乌市", 2000, 190, None, "小商品贸易", 2023, "义乌市统计局"],
        ["某某县", 300, 60, 20.3, "农产品加工", 2023, "本县统计局"],
    ])
    preview = read_indicators(sample, path)
    assert not preview.bad and preview.count("new") == 3
    plan = applied(sample, preview.edit())
    assert home_name(plan) == "某某县"
    yiwu = next(p for p in plan.places if p.name == "义乌市")
    figures = {i.name: i for i in plan.indicators if i.place_id == yiwu.id}
    assert set(figures) == {"地区生产总值", "常住人口", "主导产业"}  # the empty cell is no figure
    assert (figures["地区生产总值"].value, figures["地区生产总值"].unit, figures["地区生产总值"].year,
            figures["地区生产总值"].source) == ("2000", "亿元", 2023, "义乌市统计局")
    home = {i.name: i.value for i in plan.indicators if i.place_id is None}
    assert home == {"地区生产总值": "300", "常住人口": "60", "一般公共预算收入": "20.3", "主导产业": "农产品加工"}

    # the same file again changes nothing; a changed figure is an update, not a second figure
    again = read_indicators(plan, path)
    assert again.count("same") == 3 and not [e for g in again.good for e in g.edits]
    xlsx(path, [HEADER[:2], ["义乌市", 2100.7]])
    updated = applied(plan, read_indicators(plan, path).edit())
    assert len(updated.indicators) == len(plan.indicators)
    assert figures["地区生产总值"].id in {i.id for i in updated.indicators if i.value == "2100.7"}


def test_indicators_import_refuses_two_home_places_and_a_new_home_without_asking(sample, tmp_path):
    path = xlsx(tmp_path / "a.xlsx", [HEADER[:2], ["余杭区", 1], ["某某县", 2], ["某县", 3]])
    preview = read_indicators(sample, path)
    assert {b.where for b in preview.bad} == {"地区「某某县」", "地区「某县」"}
    with pytest.raises(MaterialError):
        preview.edit()
    plan = applied(sample, read_indicators(sample, path, home="某某县").edit(skip_bad=True))
    assert home_name(plan) == "某某县"
    assert sorted(i.value for i in plan.indicators) == ["1", "2"]  # 某县 left out
    other = xlsx(tmp_path / "b.xlsx", [HEADER[:2], ["另一县", 5]])
    refused = read_indicators(plan, other)
    assert refused.bad and "--home 另一县" in refused.bad[0].reason_zh
    moved = applied(plan, read_indicators(plan, other, home="另一县").edit())
    assert home_name(moved) == "另一县"
    assert [i.value for i in moved.indicators if i.place_id is None] == ["5"]  # the old home's figures gone


def test_indicators_import_says_what_is_wrong(sample, tmp_path):
    with pytest.raises(MaterialError, match="没有指标列"):
        read_indicators(sample, xlsx(tmp_path / "x.xlsx", [["地区"], ["余杭区"]]))
    with pytest.raises(MaterialError, match="文件不存在"):
        read_indicators(sample, tmp_path / "none.xlsx")
    preview = read_indicators(sample, xlsx(tmp_path / "y.xlsx", [
        HEADER, ["余杭区", 1, 2, 3, "x", "二〇二三", ""], ["余杭区", 1, 2, 3, "x", 2023, ""], ["", 5]]))
    reasons = [b.reason_en for b in preview.bad]
    assert any("not a year" in r for r in reasons) and any("no region" in r for r in reasons)


# --- reflections -----------------------------------------------------------------------


def write_docx(path, lines):
    document = Document()
    for line in lines:
        document.add_paragraph(line)
    document.save(path)


BODY = "今年2月，我参加了专题培训班，赴浙江、江苏考察学习，收获很大。" * 5


@pytest.fixture
def folder(tmp_path, sample):
    people = [p for p in sample.participants if p.role == "member"]
    folder = tmp_path / "体会"
    folder.mkdir()
    write_docx(folder / f"{people[0].name}-学习体会.docx",
               ["学习浙江经验 推动县域经济高质量发展", "——赴浙江考察学习体会", f"{people[0].unit} {people[0].name}",
                "一、主要收获", BODY, BODY])
    (folder / "体会2.txt").write_bytes(f"{people[1].name}\n对标先进找差距\n{BODY}\n{BODY}\n".encode("gbk"))
    (folder / "没有名字.txt").write_text("学习体会\n" + BODY, encoding="utf-8")
    (folder / "扫描件.pdf").write_bytes(b"%PDF-1.4")
    return folder, people


def test_reflections_are_matched_by_file_name_or_first_line_and_unmatched_files_listed(sample, folder):
    path, people = folder
    preview = read_reflections(sample, path)
    assert [b.where for b in preview.bad] == ["没有名字.txt"]
    assert "扫描件.pdf" in preview.notes[0][0]
    with pytest.raises(MaterialError):
        preview.edit()  # nothing half-imported
    plan = applied(sample, preview.edit(skip_bad=True))
    by_person = {r.participant_id: r for r in plan.reflections}
    assert set(by_person) == {people[0].id, people[1].id}
    first = by_person[people[0].id]
    assert first.title == "学习浙江经验 推动县域经济高质量发展——赴浙江考察学习体会"
    assert first.text.split("\n") == ["一、主要收获", BODY, BODY]  # the byline is not part of the text
    assert first.source == f"{people[0].name}-学习体会.docx"
    second = by_person[people[1].id]
    assert (second.title, second.text) == ("对标先进找差距", f"{BODY}\n{BODY}")


def test_reflections_two_files_for_one_person_or_an_ambiguous_name_are_bad(sample, tmp_path):
    person = next(p for p in sample.participants if p.role == "member")
    twin = replace(person, id=9999, unit="另一个县")
    plan = sample.with_items("participants", [*sample.participants, twin])
    folder = tmp_path / "f"
    folder.mkdir()
    (folder / f"{person.name}.txt").write_text(f"题目\n{BODY}", encoding="utf-8")
    preview = read_reflections(plan, folder)
    assert "对应多名学员" in preview.bad[0].reason_zh
    (folder / f"{person.name}.txt").write_text(f"{person.unit}\n{BODY}", encoding="utf-8")
    (folder / f"{person.name}（{person.unit}）.txt").write_text(f"题目\n{BODY}", encoding="utf-8")
    preview = read_reflections(sample, folder)
    assert sorted(b.where for b in preview.bad) == sorted([f"{person.name}.txt", f"{person.name}（{person.unit}）.txt"])
    assert not preview.good


def test_reflections_import_command_writes_nothing_while_a_file_is_unmatched(sample_path, folder):
    path, people = folder
    result = run_main("reflections", "import", sample_path, path)
    assert result.returncode == 1
    assert "没有名字.txt" in result.stdout and "Nothing was written" in result.stderr
    with PlanFile.open(sample_path, readonly=True) as plan_file:
        assert plan_file.load().reflections == ()
    result = run_main("reflections", "import", sample_path, path, "--skip-bad")
    assert result.returncode == 0, result.stderr
    with PlanFile.open(sample_path, readonly=True) as plan_file:
        assert {r.participant_id for r in plan_file.load().reflections} == {people[0].id, people[1].id}
    missing = run_main("reflections", "import", sample_path, path / "nowhere")
    assert missing.returncode == 1 and "文件夹不存在" in missing.stderr and "Traceback" not in missing.stderr


# --- measures --------------------------------------------------------------------------


def with_measures(plan):
    site = next(s for s in plan.sites if s.name == "义乌国际商贸城")
    session = next(s for s in plan.sessions if s.site_id != site.id)
    return plan.with_items("measures", [
        Measure(1, "学习市场采购贸易方式，谋划商贸物流园区", "县商务局", "2025年6月底前", "in_progress", site.id, None, "", 1),
        Measure(2, "开展和美乡村示范村创建", "县农业农村局", "2025年底前", "planned", session.site_id, session.id, "", 2),
        Measure(7, "建立招商引资“链长制”", "县投资促进中心", "长期", "ongoing", None, None, "每季度通报", 3),
    ])


def test_measures_round_trip_through_their_excel_export(sample, tmp_path):
    from planner.documents.tables import tables_for
    from planner.documents.xlsx import xlsx_bytes

    plan = with_measures(sample)
    path = tmp_path / "举措清单.xlsx"
    path.write_bytes(xlsx_bytes(tables_for(Documents(plan), "measures")))
    assert not [e for g in read_measures(plan, path).good for e in g.edits]  # read back: nothing changes
    restored = applied(sample, read_measures(sample, path).edit())  # into a plan without them
    assert restored.measures == plan.measures  # the same ids, sources, order

    from openpyxl import load_workbook

    book = load_workbook(path)
    sheet = book.active
    header = [c.value for c in sheet[3]]
    sheet.cell(4, header.index("进展情况") + 1, "已完成")
    sheet.append(["", "新增的一项举措", "县发改局", "2026年", "", "", ""])
    book.save(path)
    preview = read_measures(plan, path)
    assert (preview.count("update"), preview.count("new"), preview.count("same")) == (1, 1, 2)
    changed = applied(plan, preview.edit())
    assert next(m for m in changed.measures if m.id == 1).status == "done"
    assert next(m for m in changed.measures if m.text == "新增的一项举措").status == "planned"


def test_measures_sheet_problems_are_named(sample, tmp_path):
    path = xlsx(tmp_path / "m.xlsx", [["举措", "进展情况", "来源"], ["甲", "差不多了", ""], ["乙", "", "不存在的教学点"],
                                       ["丙", "done", "义乌国际商贸城"]])
    preview = read_measures(sample, path)
    assert [b.where for b in preview.bad] == ["第 2 行", "第 3 行"]
    assert "进展情况应为" in preview.bad[0].reason_zh and "不存在的教学点" in preview.bad[1].reason_zh
    assert parse_status("长期坚持") == "ongoing" and parse_status("") == "planned"
    with pytest.raises(MaterialError, match="找不到表头"):
        read_measures(sample, xlsx(tmp_path / "n.xlsx", [["甲", "乙"]]))


def test_session_labels_name_group_date_and_site(sample):
    session = sample.sessions_of(2)[0]
    label = session_label(sample, session)
    assert label.startswith("第二组 2月") and sample.site(session.site_id).name in label


# --- named edits and the plan format --------------------------------------------------------


def test_named_edits(sample):
    assert set_notice(sample, "") is None  # the default is kept as ''
    edit = set_notice(sample, "关于…的通知\n\n正文")
    assert applied(sample, edit).programme.notice == "关于…的通知\n\n正文"
    site = sample.sites[3]
    plan = applied(sample, add_measure(sample, site_id=site.id))
    assert plan.measures[0].site_id == site.id and plan.measures[0].position == 1
    plan = applied(plan, new_item(plan, "measures", "sessions", (sample.sessions[0].id,)))
    assert plan.measures[1].session_id == sample.sessions[0].id and plan.measures[1].site_id == sample.sessions[0].site_id
    plan = applied(plan, add_indicator(plan))  # the home place: the plan leaves from 长沙
    origin = sample.place_of(sample.site(sample.programme.origin_site_id))
    assert (plan.indicators[0].place_id, plan.indicators[0].region) == (origin.id, "")
    plan = applied(plan, add_indicator(replace(plan, programme=replace(plan.programme, origin_site_id=None))))
    assert (plan.indicators[1].place_id, plan.indicators[1].region) == (None, "本地")


def material_plan(sample):
    plan = with_measures(sample)
    plan = plan.with_items("indicators", [Indicator(1, "地区生产总值", sample.places[1].id, "", "亿元", "3000.5", 2023, "公报", 1),
                                          Indicator(2, "地区生产总值", None, "某某县", "亿元", "300", None, "", 1)])
    plan = plan.with_items("reflections", [Reflection(1, sample.participants[4].id, "题目", "第一段\n第二段", "a.docx")])
    plan = plan.with_items("sites", [replace(plan.sites[1], questions="问题一？\n问题二？"), *plan.sites[:1], *plan.sites[2:]])
    return replace(plan, programme=replace(plan.programme, notice="关于…\n\n{培训班}"))


def test_material_survives_the_plan_file_and_json(sample, tmp_path):
    plan = material_plan(sample)
    with PlanFile.create(tmp_path / "m.stplan", plan) as plan_file:
        assert plan_file.load() == plan
    assert plan_from_json(plan_to_json(plan)) == plan
    assert '"questions": "问题一？\\n问题二？"' in dumps(plan)


def test_a_version_4_file_opens_with_empty_material_and_keeps_its_references(tmp_path):
    path = tmp_path / "v4.stplan"
    conn = sqlite3.connect(path)
    for script in schema.MIGRATIONS[:4]:
        conn.executescript(script)
    conn.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 4")
    conn.execute("INSERT INTO programme (id, title, start_date, days) VALUES (1, '旧方案', '2024-05-06', 3)")
    conn.execute("INSERT INTO sites (id, name) VALUES (1, '某教学点')")
    conn.execute("INSERT INTO participants (id, name) VALUES (1, '学员001')")
    conn.commit()
    conn.close()
    with PlanFile.open(path) as plan_file:
        plan = plan_file.load()
        assert (plan.programme.notice, plan.sites[0].questions, plan.indicators, plan.measures) == ("", "", (), ())
        plan_file.apply(with_ids(plan, add_measure(plan, site_id=1)))
        plan_file.apply(with_ids(plan, a_reflection()))
        with pytest.raises(PlanEditError):  # a participant with a reflection is not deleted from under it
            plan_file.apply(Delete("participants", 1))
        with pytest.raises(PlanEditError):
            plan_file.apply(Delete("sites", 1))


def a_reflection():
    from planner.edits import Insert

    return Insert("reflections", {"participant_id": 1, "title": "题", "text": "文"})


def test_indicators_and_measures_import_commands(sample_path, tmp_path):
    sheet = xlsx(tmp_path / "指标.xlsx", [HEADER[:3], ["义乌市", 2000, 190], ["某某县", 300, 60], ["不存在县", 1, 1]])
    refused = run_main("indicators", "import", sample_path, sheet)
    assert refused.returncode == 1 and "不存在县" in refused.stdout and "Nothing was written" in refused.stderr
    dry = run_main("indicators", "import", sample_path, sheet, "--home", "某某县", "--dry-run", "--skip-bad")
    assert dry.returncode == 0 and "dry run" in dry.stdout
    done = run_main("indicators", "import", sample_path, sheet, "--home", "某某县", "--skip-bad")
    assert done.returncode == 0, done.stderr
    with PlanFile.open(sample_path, readonly=True) as plan_file:
        plan = plan_file.load()
    assert home_name(plan) == "某某县" and len(plan.indicators) == 4
    bad_home = run_main("indicators", "import", sample_path, sheet, "--home", "义乌市")
    assert bad_home.returncode == 1 and "不能作为本地" in bad_home.stderr

    measures = xlsx(tmp_path / "举措.xlsx", [["举措", "责任单位", "进展情况"], ["建立链长制", "县投促中心", "推进中"]])
    assert run_main("measures", "import", sample_path, measures).returncode == 0
    out = tmp_path / "举措清单.xlsx"
    assert run_main("export", sample_path, "--format", "xlsx", "--document", "measures", "--out", out).returncode == 0
    again = run_main("measures", "import", sample_path, out)
    assert again.returncode == 0 and "不变 1" in again.stdout
    missing = run_main("measures", "import", sample_path, tmp_path / "none.xlsx")
    assert missing.returncode == 1 and "文件不存在" in missing.stderr and "Traceback" not in missing.stderr


def test_the_handbook_compares_with_where_each_group_leaves_from(sample):
    from planner.documents.benchmark import handbook
    from planner.model import Place, Site

    origin = sample.place_of(sample.site(sample.programme.origin_site_id))  # 长沙市
    plan = sample.with_items("places", [*sample.places, Place(999, "株洲市", "湖南省株洲市", lon=113.13, lat=27.83)])
    plan = plan.with_items("sites", [*plan.sites, Site(999, "株洲集合地点", 999, "gathering", lon=113.13, lat=27.83)])
    plan = plan.with_items("groups", [replace(g, origin_site_id=999) if g.id == 3 else g for g in plan.groups])
    yiwu = next(p for p in plan.places if p.name == "义乌市")
    yuyao = next(p for p in plan.places if p.name == "余姚市")
    plan = plan.with_items("indicators", [Indicator(1, "地区生产总值", origin.id, "", "亿元", "100", 2023, "公报", 1),
                                          Indicator(2, "地区生产总值", 999, "", "亿元", "50", 2023, "公报", 1),
                                          Indicator(3, "地区生产总值", yiwu.id, "", "亿元", "200", 2023, "公报", 1),
                                          Indicator(4, "地区生产总值", yuyao.id, "", "亿元", "300", 2023, "公报", 1)])
    pages = {(p.group, p.place): p for p in handbook(Documents(plan))}
    page = pages[("第一组", "义乌市")]
    assert page.home == "长沙市" and (page.figures[0].value, page.figures[0].home_value) == ("200", "100")
    assert page.figures[0].compare == "2.0倍"
    page = pages[("第三组", "余姚市")]
    assert page.home == "株洲市" and (page.figures[0].value, page.figures[0].home_value) == ("300", "50")
    assert not any(p.place == origin.name for p in pages.values())  # home is compared with, not a page
    # figures of a county that is no place of the plan, once imported, are the home for all
    plan = plan.with_items("indicators", [*plan.indicators, Indicator(5, "地区生产总值", None, "某某县", "亿元", "25")])
    assert {p.home for p in handbook(Documents(plan))} == {"某某县"}
