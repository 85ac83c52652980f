"""Plan files and imports given bad input: every case ends in one clear message
(PlanFileError or PlanImportError, Chinese and English), never a traceback, and no
file is left half-written."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from planner.jsonio import PlanImportError, load_json_file, plan_from_json, plan_to_json
from planner.model import Group, Plan, Programme, Session, Site
from planner.records import FieldError, from_record
from planner.store import PlanFile, PlanFileError

from conftest import run_main

ROOT = Path(__file__).resolve().parent.parent


def tiny_plan() -> Plan:
    return Plan(Programme("测试培训班", date(2025, 2, 23), 1), groups=(Group(1, "第一组"),),
                sites=(Site(1, "码头"), Site(2, "园区")))


def sql(path, *statements) -> None:
    """Edit a plan file behind the app's back, as a user with sqlite3 might."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys = OFF")
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()


def hold(path, code: str) -> subprocess.Popen:
    """A child process that runs ``code`` on ``path`` (as ``conn``), says 'ready', and waits."""
    child = subprocess.Popen(
        [sys.executable, "-c",
         f"import sqlite3, sys, time; sys.path.insert(0, {str(ROOT)!r})\n"
         f"path = {str(path)!r}\n{code}\nprint('ready', flush=True); time.sleep(60)"],
        stdout=subprocess.PIPE, text=True,
    )
    assert child.stdout.readline().strip() == "ready"
    return child


# --- 1. whatever is written reads back ---------------------------------------------------

def test_times_past_48_00_written_by_a_late_schedule_read_back(tmp_path):
    late = Session(1, 1, 1, 1, start=98 * 60 + 50, end=99 * 60 + 50)
    plan = tiny_plan().with_items("sessions", [late])
    with PlanFile.create(tmp_path / "late.stplan", plan) as plan_file:
        assert plan_file.load() == plan
    with PlanFile.open(tmp_path / "late.stplan", readonly=True) as plan_file:
        assert plan_file.load().sessions[0].start == 98 * 60 + 50


def test_times_past_48_00_survive_dump_and_import():
    late = Session(1, 1, 1, 1, start=98 * 60 + 50, end=99 * 60 + 50)
    plan = tiny_plan().with_items("sessions", [late])
    document = json.loads(json.dumps(plan_to_json(plan)))
    assert plan_from_json(document).sessions[0].start == 98 * 60 + 50


def test_a_plan_that_could_not_be_read_back_is_not_written(tmp_path):
    plan = tiny_plan().with_items("sessions", [Session(1, 1, 1, 1, start=-10)])
    with pytest.raises(PlanFileError) as raised:
        PlanFile.create(tmp_path / "p.stplan", plan)
    assert "sessions" in raised.value.message_en and "start" in raised.value.message_en
    assert "无法写入" in raised.value.message_zh
    assert list(tmp_path.iterdir()) == []


def test_plan_groups_into_one_day_writes_a_file_that_opens_again(tmp_path):
    source, out = tmp_path / "s.stplan", tmp_path / "x.stplan"
    assert run_main("sample", source).returncode == 0
    planned = run_main("plan-groups", source, "--groups", "3", "--days", "1", "--out", out)
    assert planned.returncode == 0
    assert "too few days or groups" in planned.stderr  # 18 places do not fit in one day
    result = run_main("summary", out)
    assert result.returncode == 0, result.stderr


# --- 2. overwriting a plan that is open elsewhere ----------------------------------------

def test_overwrite_refuses_a_plan_open_in_another_process(tmp_path):
    path = tmp_path / "p.stplan"
    PlanFile.create(path, tiny_plan()).close()
    before = path.read_bytes()
    child = hold(path, "from planner.store import PlanFile\nf = PlanFile.open(path)")
    try:
        with pytest.raises(PlanFileError) as raised:
            PlanFile.create(path, replace(tiny_plan(), programme=Programme("别的", date(2025, 3, 1), 2)), overwrite=True)
        assert "in use" in raised.value.message_en and "正被另一个程序" in raised.value.message_zh
        assert path.read_bytes() == before
        assert sorted(p.name for p in tmp_path.iterdir()) == ["p.stplan"]
    finally:
        child.kill()
        child.wait()
    PlanFile.create(path, tiny_plan(), overwrite=True).close()  # free again: replaced


# --- 3. read-only opens of damaged, interrupted or busy files ----------------------------

def test_a_truncated_file_read_only_is_reported_as_damaged(tmp_path, sample_path):
    half = tmp_path / "half.stplan"
    half.write_bytes(sample_path.read_bytes()[:50000])
    for readonly in (True, False):
        with pytest.raises(PlanFileError, match="damaged"):
            PlanFile.open(half, readonly=readonly).load()


KILLED_MID_WRITE = """
conn = sqlite3.connect(path, isolation_level=None)
conn.execute("PRAGMA cache_size = 1")  # spill changed pages into the file before commit
conn.execute("BEGIN")
conn.execute("UPDATE participants SET unit = hex(randomblob(300))")
conn.execute("UPDATE sessions SET title = 'half-written'")
import os, signal
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_a_write_interrupted_by_a_crash_is_rolled_back_on_a_read_only_open(sample_path, sample):
    child = subprocess.run([sys.executable, "-c", f"import sqlite3\npath = {str(sample_path)!r}\n{KILLED_MID_WRITE}"])
    assert child.returncode == -signal.SIGKILL
    assert Path(f"{sample_path}-journal").exists()  # a hot journal left behind
    with PlanFile.open(sample_path, readonly=True) as plan_file:
        assert plan_file.load() == sample
    assert not Path(f"{sample_path}-journal").exists()


def test_a_file_busy_in_another_process_is_reported_as_busy_not_damaged(sample_path, monkeypatch):
    monkeypatch.setattr("planner.store.BUSY_SECONDS", 0.2)
    child = hold(sample_path, "conn = sqlite3.connect(path, isolation_level=None)\nconn.execute('BEGIN EXCLUSIVE')")
    try:
        for readonly in (True, False):
            with pytest.raises(PlanFileError) as raised:
                PlanFile.open(sample_path, readonly=readonly).load()
            assert "busy" in raised.value.message_en and "damaged" not in raised.value.message_en
            assert "稍后再试" in raised.value.message_zh
    finally:
        child.kill()
        child.wait()
    with PlanFile.open(sample_path, readonly=True) as plan_file:  # and readable once it is done
        assert plan_file.load().sessions


# --- 4. imports that pass the schema but could not be written ----------------------------

@pytest.fixture(scope="module")
def full_json(sample) -> dict:
    return plan_to_json(sample)


def import_problems(document) -> str:
    with pytest.raises(PlanImportError) as raised:
        plan_from_json(json.loads(json.dumps(document)))
    return str(raised.value)


def test_duplicate_legs_lodgings_and_day_settings_are_reported(full_json):
    for kind in ("legs", "lodgings", "day_settings"):
        document = json.loads(json.dumps(full_json))
        items = document.setdefault(kind, []) or [{"id": 99998, "day": 1}]  # the sample has no day settings
        items.append({**items[0], "id": 99999})
        document[kind] = items
        message = import_problems(document)
        assert f"$.{kind}[{len(items) - 1}]" in message and "duplicates" in message and "重复" in message


@pytest.mark.parametrize(
    "kind, field_name, value",
    [
        ("participants", "id", 2**63),
        ("legs", "minutes", 2**62),
        ("legs", "manual_minutes", 10**9),
        ("sites", "capacity", 2**70),
        ("sessions", "position", 2**63),
        ("legs", "distance_km", 1e300),
    ],
)
def test_numbers_out_of_range_are_reported(full_json, kind, field_name, value):
    document = json.loads(json.dumps(full_json))
    document[kind][0][field_name] = value
    message = import_problems(document)
    assert f"$.{kind}[0].{field_name}" in message and "out of range" in message and "超出范围" in message


@pytest.mark.parametrize("start_date", ["9999-12-30", "0001-01-01", "1899-12-31"])
def test_a_start_date_out_of_range_is_reported(full_json, start_date):
    document = json.loads(json.dumps(full_json))
    document["programme"]["start_date"] = start_date
    assert "$.programme.start_date" in import_problems(document)


def test_a_minimal_plan_with_a_start_date_out_of_range_is_reported():
    from planner.gazetteer import Gazetteer

    document = {"title": "t", "start_date": "9999-12-30", "days": 3, "groups": [{"places": ["义乌"]}]}
    with pytest.raises(PlanImportError, match=r"\$\.start_date"):
        plan_from_json(document, gazetteer=Gazetteer.default())


def test_texts_are_cleaned_on_import(full_json, tmp_path):
    document = json.loads(json.dumps(full_json))
    document["programme"]["title"] = "考察\ud800班\x07"
    document["groups"][0]["name"] = "第一\x0b组"
    document["programme"]["notes"] = "第一行\n第二行\x00"
    plan = plan_from_json(document)
    assert plan.programme.title == "考察班"
    assert plan.groups[0].name == "第一组"
    assert plan.programme.notes == "第一行\n第二行"
    PlanFile.create(tmp_path / "p.stplan", plan).close()


def test_deeply_nested_json_is_reported(tmp_path):
    path = tmp_path / "deep.json"
    path.write_text("[" * 100000, encoding="utf-8")
    with pytest.raises(PlanImportError, match="nested too deeply"):
        load_json_file(path)


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d["legs"].append({**d["legs"][0], "id": 99999}),
        lambda d: d["participants"][0].update(id=2**63),
        lambda d: d["programme"].update(start_date="9999-12-30"),
    ],
)
def test_the_command_line_import_reports_bad_content_and_writes_nothing(tmp_path, full_json, change):
    document = json.loads(json.dumps(full_json))
    change(document)
    source = tmp_path / "in.json"
    source.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    result = run_main("import", source, tmp_path / "out.stplan")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "import failed" in result.stderr
    assert not (tmp_path / "out.stplan").exists()


# --- 5. files edited with other tools ----------------------------------------------------

@pytest.mark.parametrize(
    "statement, table, column",
    [
        ("DELETE FROM sites WHERE id = (SELECT site_id FROM sessions ORDER BY id LIMIT 1)", "sessions", "site_id"),
        ("DELETE FROM groups WHERE id = (SELECT group_id FROM sessions ORDER BY id LIMIT 1)", "", "group_id"),
        ("UPDATE plenaries SET site_id = 9999 WHERE id = (SELECT min(id) FROM plenaries)", "plenaries", "site_id"),
        ("UPDATE participants SET group_id = 99 WHERE id = (SELECT min(id) FROM participants)", "participants", "group_id"),
        ("UPDATE sessions SET day = 'x' WHERE id = (SELECT min(id) FROM sessions)", "sessions", "day"),
        ("UPDATE legs SET minutes = 'abc' WHERE id = (SELECT min(id) FROM legs)", "legs", "minutes"),
        ("UPDATE sites SET lon = 'abc' WHERE id = (SELECT min(id) FROM sites)", "sites", "lon"),
        ("UPDATE groups SET capacity = 'x' WHERE id = (SELECT min(id) FROM groups)", "groups", "capacity"),
        ("UPDATE sessions SET day = 100000000 WHERE id = (SELECT min(id) FROM sessions)", "sessions", "day"),
    ],
)
def test_hand_edited_files_name_the_table_row_and_column(sample_path, statement, table, column):
    sql(sample_path, statement)
    for readonly in (True, False):
        with PlanFile.open(sample_path, readonly=readonly) as plan_file:
            with pytest.raises(PlanFileError) as raised:
                plan_file.load()
        message = raised.value.message_en
        assert f"table {table}" in message and f"column {column}" in message and "row id" in message
        assert "文件内容有误" in raised.value.message_zh


def test_a_missing_required_value_is_named():
    with pytest.raises(FieldError) as raised:
        from_record(Group, {"id": 1, "name": None})
    assert raised.value.name == "name"


def test_hand_edited_file_on_the_command_line_gives_a_message(tmp_path, sample_path):
    sql(sample_path, "UPDATE sessions SET day = 'x' WHERE id = (SELECT min(id) FROM sessions)")
    for command in (["summary"], ["check"], ["dump"]):
        result = run_main(*command, sample_path)
        assert result.returncode == 1 and "Traceback" not in result.stderr
        assert "column day" in result.stderr


def test_a_plan_breaking_a_constraint_is_not_written(tmp_path):
    """A caller other than the import (say, a planner) hands over duplicate legs."""
    from planner.model import Leg

    plan = tiny_plan().with_items("legs", [Leg(1, 1, 1, 2), Leg(2, 1, 1, 2)])
    with pytest.raises(PlanFileError) as raised:
        PlanFile.create(tmp_path / "p.stplan", plan)
    assert "content is invalid" in raised.value.message_en and "UNIQUE" in raised.value.message_en
    assert list(tmp_path.iterdir()) == []
