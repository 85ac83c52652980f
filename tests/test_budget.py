"""The budget (planner.budget): figures worked out by hand on a small 三类 training class,
the cap for the class and length, and the budget's findings in ``check``.

``priced()`` is a five-day tour of Hangzhou for one group of 42 (40 trainees, a leader
and a liaison), every price set and every figure computed by hand in its docstring.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
from datetime import date

import pytest

from conftest import run_main
from plans import T, added, changed, with_programme
from planner import schema
from planner.budget import compute_budget, is_trainee
from planner.budget.checks import half_days
from planner.budget.standard import plan_standard, standards
from planner.checks import ERROR, INFO, WARNING, check
from planner.model import (
    BudgetLine, DaySetting, FeeCap, Group, Lodging, Participant, Place, Plan, Plenary, Programme, Session, Site,
)
from planner.store import PlanFile

JSON_KEYS = {"trainees", "days", "total", "per_person_day", "cap_per_person_day", "cap_total", "by_item",
             "exceeds", "lines"}


def people() -> tuple[Participant, ...]:
    """A leader (man), a liaison (woman), 30 men and 10 women as trainees: 42 people."""
    found = [Participant(1, "带队领导", gender="male", group_id=1, role="group_leader", phone="13900000001"),
             Participant(2, "联络员", gender="female", group_id=1, role="liaison", phone="13900000002")]
    for n in range(40):
        pid = len(found) + 1
        found.append(Participant(pid, f"学员{pid:02d}", f"单位{pid:02d}", gender="male" if n < 30 else "female",
                                 group_id=1, phone=f"139000000{pid:02d}"))
    return tuple(found)


def priced() -> Plan:
    """Five days (2025-03-10 to 14), class 三类 (550 元 per trainee-day: 340 / 130 / 50 / 30).

    Rooms, as the rooming list pairs them: the leader a single; 30 men in 15 twins; 10
    women and the liaison (11) in 5 twins and a single: 22 rooms, 4 nights at 300 元.
      住宿费             22 × 4 × 300                = 26,400
      伙食费             42 people × 5 days × 120    = 25,200
      场地、资料、交通费  bus 5 days × 1,500 = 7,500; 资料 40 × 50 = 2,000      =  9,500
      其他费用           数字园区 20 元 × 42 people = 840; 龙井村 1,000 a visit;
                         保险 42 × 30 = 1,260                                  =  3,100
      total under the 综合定额                                                  = 64,200
      per trainee-day    64,200 / (40 × 5)                                     =    321.00
      cap                550 × 40 × 5                                          = 110,000
      item caps          340 / 130 / 50 / 30 × 200 = 68,000 / 26,000 / 10,000 / 6,000
      师资费 (apart)      the opening lecture: 正高级, 3 学时 × 1,000             =  3,000
    """
    programme = Programme("杭州数字经济专题培训班", date(2025, 3, 10), 5, training_class=3, meal_price=120)
    group = Group(1, "第一组", vehicle="大巴", vehicle_price=1500)
    place = Place(1, "西湖区", lon=120.15, lat=30.27)
    sites = (
        Site(1, "西湖宾馆", 1, "hotel", lon=120.150, lat=30.270),
        Site(2, "数字园区", 1, "park", lon=120.160, lat=30.280, teaching_fee=20, teaching_fee_per="person"),
        Site(3, "龙井村", 1, "village", lon=120.120, lat=30.230, teaching_fee=1000),
        Site(4, "艺术中心", 1, "venue", lon=120.155, lat=30.275),
    )
    sessions = tuple(Session(n, 1, site, n, 0) for n, site in ((1, 4), (2, 2), (3, 3), (4, 4), (5, 4)))
    opening = Plenary(1, "开班式暨专题讲座", 1, 1, "opening", T("09:00"), T("10:30"),
                      lecturer="某教授", lecturer_level="full", lecture_hours=3, lecture_fee=1000)
    lodgings = tuple(Lodging(n, 1, n, 1, room_price=300) for n in range(1, 5))
    lines = (BudgetLine(1, "培训资料", "venue", 50, 40, "份"), BudgetLine(2, "保险", "other", 30, 42, "人"))
    return Plan(programme, (group,), (place,), sites, sessions, (opening,), (), lodgings, people(),
                budget_lines=lines)


def test_the_priced_plan_matches_the_hand_computation():
    budget = compute_budget(priced())
    assert (budget.trainees, budget.people, budget.days) == (40, 42, 5)
    amounts = {item: total.amount for item, total in budget.by_item.items()}
    assert amounts == {"lodging": 26400, "meals": 25200, "venue": 9500, "other": 3100, "teachers": 3000}
    assert budget.total == 64200
    assert budget.per_person_day == 321.00
    assert (budget.cap_total, budget.cap_per_person_day) == (110000, 550)
    assert {item: total.cap for item, total in budget.by_item.items()} == {
        "lodging": 68000, "meals": 26000, "venue": 10000, "other": 6000, "teachers": None}
    assert budget.grand_total == 67200
    assert not budget.exceeds
    lodging = budget.lines_of("lodging")
    assert [(l.unit_price, l.quantity, l.amount) for l in lodging] == [(300, 88, 26400)]
    assert "第1–4晚" in lodging[0].name and "22间" in lodging[0].name
    assert [(l.quantity, l.amount) for l in budget.lines_of("meals")] == [(210, 25200)]
    lecture = budget.lines_of("teachers")[0]
    assert (lecture.unit_price, lecture.quantity, lecture.cap) == (1000, 3, "≤1,000/学时")


def test_the_priced_plan_checks_clean():
    assert check(priced()) == []


def test_the_json_has_exactly_the_documented_keys(tmp_path):
    path = tmp_path / "priced.stplan"
    PlanFile.create(path, priced()).close()
    result = run_main("budget", path, "--json")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert set(document) == JSON_KEYS
    assert (document["trainees"], document["days"], document["total"]) == (40, 5, 64200)
    assert (document["per_person_day"], document["cap_per_person_day"], document["cap_total"]) == (321, 550, 110000)
    assert document["exceeds"] is False
    assert document["by_item"]["lodging"]["amount"] == 26400 and document["by_item"]["lodging"]["cap"] == 68000
    assert sum(line["amount"] for line in document["lines"]) == 64200 + 3000
    assert {"kind": "lodgings", "id": 1} in document["lines"][0]["refs"]
    text = run_main("budget", path)
    assert text.returncode == 0 and "64,200.00" in text.stdout and "110,000.00" in text.stdout


def over_cap() -> Plan:
    """The hotel at 900 元: lodging 22 × 4 × 900 = 79,200, total 117,000, 7,000 over the cap."""
    plan = priced()
    for lodging in plan.lodgings:
        plan = changed(plan, "lodgings", lodging.id, room_price=900)
    return plan


def test_a_dearer_hotel_exceeds_the_cap_and_check_exits_1(tmp_path):
    budget = compute_budget(over_cap())
    assert (budget.total, budget.exceeds, budget.over) == (117000, True, 7000)
    path = tmp_path / "over.stplan"
    PlanFile.create(path, over_cap()).close()
    result = run_main("check", path, "--json")
    assert result.returncode == 1
    findings = {f["code"]: f for f in json.loads(result.stdout)}
    over = findings["budget-over-cap"]
    assert over["severity"] == ERROR
    for text in ("110,000.00", "7,000.00", "117,000.00", "550"):
        assert text in over["message_zh"] and text in over["message_en"]
    assert "三类" in over["message_zh"]
    item = findings["budget-item-over-cap"]  # lodging 79,200 against its 68,000
    assert item["severity"] == WARNING and "住宿费" in item["message_zh"] and "11,200.00" in item["message_zh"]
    # control: at 820 元 lodging is 72,160, the total 109,960, under the cap
    plan = priced()
    for lodging in plan.lodgings:
        plan = changed(plan, "lodgings", lodging.id, room_price=820)
    assert [f.code for f in check(plan)] == ["budget-item-over-cap"]


def long_course(days: int) -> Plan:
    """Ten trainees for ``days`` days, meals only: 10 × days × 100 元."""
    members = tuple(Participant(n, f"学员{n}", gender="male", group_id=None) for n in range(1, 11))
    return Plan(Programme("长期班", date(2025, 3, 1), days, training_class=3, meal_price=100), participants=members)


def test_days_beyond_30_are_capped_at_70_percent():
    budget = compute_budget(long_course(35))
    # 550 × 10 × (30 + 5 × 0.7) = 184,250; per trainee-day 184,250 / 350 = 526.43
    assert budget.cap_total == 184250
    assert budget.cap_per_person_day == 526.43
    assert budget.by_item["meals"].cap == 130 * 10 * 33.5
    # control: 30 days are all at the full rate
    assert compute_budget(long_course(30)).cap_total == 550 * 10 * 30
    over = compute_budget(with_programme(long_course(35), meal_price=530))  # 185,500 > 184,250
    assert over.exceeds and over.over == 1250


def test_a_lecturer_over_the_fee_for_the_title_gets_a_warning():
    plan = changed(priced(), "plenaries", 1, lecturer_level="associate", lecture_fee=600, lecture_hours=2)
    found = [f for f in check(plan) if f.code == "lecture-fee-over-cap"]
    assert len(found) == 1 and found[0].severity == WARNING
    assert "600" in found[0].message_zh and "500" in found[0].message_zh and "副高级" in found[0].message_zh
    assert found[0].refs == (("plenaries", 1),)
    assert check(changed(plan, "plenaries", 1, lecture_fee=500)) == []  # at the limit: fine


def test_more_than_four_lecture_hours_in_a_half_day_get_a_warning():
    plan = changed(priced(), "plenaries", 1, lecture_hours=5)  # 09:00–10:30, one half-day
    found = [f for f in check(plan) if f.code == "lecture-hours-over-limit"]
    assert len(found) == 1 and "4 学时" in found[0].message_zh
    assert check(changed(plan, "plenaries", 1, lecture_hours=4)) == []
    assert half_days(T("09:00"), T("16:00")) == 2 and half_days(T("19:00"), T("21:00")) == 1


def test_arrival_days_beyond_the_allowance_are_not_counted():
    plan = added(priced(), "day_settings", DaySetting(1, 1, kind="arrival"), DaySetting(2, 2, kind="arrival"))
    budget = compute_budget(plan)
    assert budget.days == 4 and budget.cap_total == 550 * 40 * 4
    found = [f for f in check(plan) if f.code == "arrival-departure-days"]
    assert len(found) == 1 and found[0].severity == WARNING and "报到安排了 2 天" in found[0].message_zh
    assert set(found[0].refs) == {("day_settings", 1), ("day_settings", 2)}
    one_each = added(priced(), "day_settings", DaySetting(1, 1, kind="arrival"), DaySetting(2, 5, kind="departure"))
    assert compute_budget(one_each).days == 5 and check(one_each) == []


def test_missing_prices_are_hints_and_a_plan_without_costs_is_silent():
    plan = changed(priced(), "lodgings", 2, room_price=None)
    plan = changed(plan, "groups", 1, vehicle_price=None)
    hints = [f for f in check(plan) if f.code == "price-missing"]
    assert {f.severity for f in hints} == {INFO} and len(hints) == 2
    assert any(f.refs == (("lodgings", 2),) for f in hints) and any(f.refs == (("groups", 1),) for f in hints)
    assert compute_budget(plan).by_item["lodging"].amount == 22 * 3 * 300  # the unpriced night left out
    bare = Plan(Programme("无经费", date(2025, 3, 10), 2), participants=people())
    assert not [f for f in check(bare) if f.code.startswith(("budget", "price", "lecture"))]


def test_a_day_meal_price_overrides_the_default():
    plan = added(priced(), "day_settings", DaySetting(1, 5, meal_price=60))
    meals = compute_budget(plan).lines_of("meals")
    assert [(l.unit_price, l.quantity) for l in meals] == [(120, 42 * 4), (60, 42)]
    assert "第1–4天" in meals[0].name and "第5天" in meals[1].name


def test_the_organisers_own_figure_replaces_the_standards():
    plan = added(priced(), "fee_caps", FeeCap(1, "lodging", 400, 3), FeeCap(2, "associate", 300))
    standard = plan_standard(plan)
    assert standard.classes[3].rates["lodging"].amount == 400 and standard.classes[3].rates["lodging"].status == "方案自定"
    assert standard.lecturers["associate"].amount == 300
    assert compute_budget(plan).cap_total == (400 + 130 + 50 + 30) * 200
    assert standards()["central-2016"].classes[3].rates["lodging"].amount == 340  # the shipped table is untouched


def test_the_shipped_standard_and_its_unconfirmed_figures():
    central = standards()["central-2016"]
    assert {n: c.total for n, c in central.classes.items()} == {1: 760, 2: 650, 3: 550}
    assert central.classes[3].status == "已核实"
    assert central.classes[2].status == "待核实"  # the breakdown was found in no source
    assert {k: f.amount for k, f in central.lecturers.items()} == {"associate": 500, "full": 1000, "academician": 1500}
    assert (central.full_rate_days, central.beyond_rate, central.hours_per_half_day) == (30, 0.7, 4)


def test_who_is_a_trainee():
    staff, member = people()[0], people()[5]
    assert not is_trainee(priced(), staff) and is_trainee(priced(), member)


def test_an_old_plan_file_opens_and_migrates_with_no_costs(tmp_path):
    path = tmp_path / "v4.stplan"
    conn = sqlite3.connect(path)
    for step in schema.MIGRATIONS[:4]:
        conn.executescript(step)
    conn.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 4")
    conn.execute("INSERT INTO programme (id, title, start_date, days) VALUES (1, '旧方案', '2024-05-06', 3)")
    conn.execute("INSERT INTO groups (id, name) VALUES (1, '第一组')")
    conn.execute("INSERT INTO sites (id, name, kind) VALUES (1, '旧宾馆', 'hotel')")
    conn.execute("INSERT INTO lodgings (id, group_id, night, site_id) VALUES (1, 1, 1, 1)")
    conn.commit()
    conn.close()
    with PlanFile.open(path) as plan_file:
        plan = plan_file.load()
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    assert plan.programme.training_class is None and plan.programme.fee_standard == "central-2016"
    assert plan.lodgings[0].room_price is None and plan.budget_lines == () and plan.fee_caps == ()
    budget = compute_budget(plan)
    assert budget.total == 0 and budget.cap_total is None and budget.lines == ()
    assert not [f for f in check(plan) if f.code.startswith(("budget", "price"))]


def test_costs_survive_the_plan_file_and_json(tmp_path):
    from planner.jsonio import dumps, plan_from_json

    plan = added(priced(), "fee_caps", FeeCap(1, "meals", 140, 3))
    path = tmp_path / "p.stplan"
    with PlanFile.create(path, plan) as plan_file:
        loaded = plan_file.load()
    assert loaded == plan
    text = dumps(loaded)
    document = json.loads(text)
    assert document["programme"]["training_class"] == 3 and document["lodgings"][0]["room_price"] == 300
    assert plan_from_json(document) == plan and dumps(plan_from_json(document)) == text


@pytest.mark.parametrize("bad, where", [
    ({"programme": {"training_class": 4}}, "$.programme.training_class"),
    ({"lodgings": [{"room_price": -1}]}, "$.lodgings[0].room_price"),
])
def test_bad_costs_in_json_are_refused_with_their_path(bad, where):
    from planner.jsonio import PlanImportError, plan_from_json, plan_to_json

    document = plan_to_json(priced())
    for key, value in bad.items():
        if isinstance(value, list):
            document[key][0].update(value[0])
        else:
            document[key].update(value)
    with pytest.raises(PlanImportError) as raised:
        plan_from_json(document)
    assert any(p.path == where for p in raised.value.problems)


# --- the printed budget ------------------------------------------------------------------


def _amount(text: str) -> float:
    return float(str(text).replace(",", ""))


def test_the_budget_xlsx_reads_back_as_budget_json(tmp_path):
    """The 经费预算表 in Excel holds the very figures ``budget --json`` prints: each item's
    amount and cap, each line, the total, the cap, per trainee-day, and the signatures line."""
    from openpyxl import load_workbook

    from planner.documents.xlsx import HEADER_ROW

    path = tmp_path / "over.stplan"
    PlanFile.create(path, over_cap()).close()
    result = run_main("budget", path, "--json")
    expected = json.loads(result.stdout)
    out = tmp_path / "budget.xlsx"
    exported = run_main("export", path, "--format", "xlsx", "--document", "budget", "--out", out)
    assert exported.returncode == 0, exported.stderr
    sheet = load_workbook(out).active
    rows = [[sheet.cell(r, c).value for c in range(1, 9)] for r in range(HEADER_ROW + 1, sheet.max_row + 1)]
    by_name = {row[1]: row for row in rows if row[1]}
    for item, total in expected["by_item"].items():
        row = next(r for name, r in by_name.items() if name.startswith(total["name"]))
        assert row[5] == total["amount"] and row[6] == total["cap"], (item, row)
    for line in expected["lines"]:
        row = by_name[line["name"]]
        assert (row[2], row[3], row[5]) == (line["unit_price"], line["quantity"], line["amount"])
    assert by_name["小计（综合定额内）"][5] == expected["total"] == 117000
    assert by_name["小计（综合定额内）"][6] == expected["cap_total"]
    assert (by_name["人均每天"][5], by_name["人均每天"][6]) == (expected["per_person_day"], expected["cap_per_person_day"])
    assert isinstance(by_name["合计"][5], (int, float))  # numbers, not text: finance can sum them
    footer = [row[0] for row in rows if row[0] and str(row[0]).startswith(("※", "经办人"))]
    assert "7,000.00" in footer[0] and "单位负责人" in footer[1]


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils")
def test_the_budget_docx_and_pdf(tmp_path):
    from planner.documents.docx import read_tables

    path = tmp_path / "priced.stplan"
    PlanFile.create(path, priced()).close()
    docx = tmp_path / "budget.docx"
    assert run_main("export", path, "--format", "docx", "--document", "budget", "--out", docx).returncode == 0
    table = read_tables(docx.read_bytes())[0]
    assert ["", "小计（综合定额内）", "", "", "", "64,200.00", "110,000.00"] == table[-5][:7]
    pdf = tmp_path / "budget.pdf"
    result = run_main("export", path, "--format", "pdf", "--document", "budget", "--out", pdf, timeout=240)
    assert result.returncode == 0, result.stderr
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    for expected in ("经费预算表", "64,200.00", "110,000.00", "321.00", "≤1,000/学时", "经办人", "单位负责人"):
        assert expected in text


def test_a_plan_without_costs_has_no_budget_to_export(tmp_path):
    path = tmp_path / "bare.stplan"
    PlanFile.create(path, Plan(Programme("无经费", date(2025, 3, 10), 2))).close()
    result = run_main("export", path, "--format", "xlsx", "--document", "budget", "--out", tmp_path / "b.xlsx")
    assert result.returncode == 1 and "没有可导出的内容" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "b.xlsx").exists()


# --- editing -------------------------------------------------------------------------------


def test_budget_edits_through_the_plan_file(tmp_path):
    """Each named operation, applied to a plan file, changes the budget as expected; a
    figure set back to the standard's removes the organiser's own."""
    from planner.budget.edits import add_budget_line, set_day_costs, set_fee_cap, set_programme_costs
    from planner.editing import edit_plan

    plan = priced()
    with PlanFile.create(tmp_path / "e.stplan", plan) as plan_file:
        plan, _, _ = edit_plan(plan_file, plan, set_day_costs(plan, 5, kind="departure", meal_price=60))
        assert compute_budget(plan).by_item["meals"].amount == 42 * 4 * 120 + 42 * 60
        assert set_day_costs(plan, 5, kind="departure") is None  # nothing changes
        plan, _, _ = edit_plan(plan_file, plan, set_fee_cap(plan, "lodging", 3, 400))
        assert compute_budget(plan).by_item["lodging"].cap == 400 * 200
        plan, _, _ = edit_plan(plan_file, plan, set_fee_cap(plan, "lodging", 3, None))
        assert plan.fee_caps == () and compute_budget(plan).by_item["lodging"].cap == 340 * 200
        plan, change, _ = edit_plan(plan_file, plan, add_budget_line("venue"))
        assert compute_budget(plan).by_item["venue"].amount == 9500  # a new line costs nothing yet
        plan, _, _ = edit_plan(plan_file, plan, set_programme_costs(plan, training_class=1))
        assert compute_budget(plan).cap_total == 760 * 200
        assert plan_file.load() == plan


def test_docs_name_every_json_key_and_finding_code():
    """docs/budget.md documents the ``--json`` keys and the budget's finding codes."""
    from pathlib import Path

    text = (Path(__file__).resolve().parent.parent / "docs" / "budget.md").read_text(encoding="utf-8")
    for key in JSON_KEYS:
        assert f"| `{key}` |" in text, key
    source = (Path(__file__).resolve().parent.parent / "planner" / "budget" / "checks.py").read_text(encoding="utf-8")
    import re

    for code in set(re.findall(r'"((?:budget|lecture|lecturer|arrival|price)-[a-z-]+)"', source)):
        assert f"`{code}`" in text, code
