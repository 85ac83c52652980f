"""Plan files: round trips, edits and their inverses, migrations, bad files, crashes."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from planner import schema
from planner.edits import Batch, Delete, Insert, PlanEditError, Update, UpdateProgramme
from planner.model import Group, Plan, Programme
from planner.store import PlanFile, PlanFileError

ROOT = Path(__file__).resolve().parent.parent


def tiny_plan() -> Plan:
    return Plan(Programme("测试培训班", date(2025, 2, 23), 6), groups=(Group(1, "第一组"),))


def test_sample_survives_a_write_and_read(tmp_path, sample):
    with PlanFile.create(tmp_path / "p.stplan", sample) as plan_file:
        assert plan_file.load() == sample


def test_create_refuses_to_overwrite_unless_asked(tmp_path):
    path = tmp_path / "p.stplan"
    PlanFile.create(path, tiny_plan()).close()
    with pytest.raises(PlanFileError, match="already exists"):
        PlanFile.create(path, tiny_plan())
    PlanFile.create(path, tiny_plan(), overwrite=True).close()


def test_edits_are_saved_and_their_inverses_undo_them(sample_path):
    with PlanFile.open(sample_path) as plan_file:
        before = plan_file.load()
        session = before.sessions[0]
        moved = plan_file.apply(Update("sessions", session.id, {"day": 3, "start": 600, "title": "改过的标题"}))
        assert moved.touched == {"sessions": frozenset({session.id})}
        added = plan_file.apply(Insert("places", {"name": "前湾新区", "kind": "zone", "lon": 121.16, "lat": 30.30}))
        removed = plan_file.apply(Delete("participants", before.participants[0].id))
        renamed = plan_file.apply(UpdateProgramme({"title": "新标题", "day_start": 8 * 60}))
    with PlanFile.open(sample_path) as plan_file:  # reopened: every edit is in the file
        after = plan_file.load()
        assert after.get("sessions", session.id).day == 3
        assert after.get("sessions", session.id).start == 600
        assert after.get("places", added.new_id).name == "前湾新区"
        assert after.get("participants", before.participants[0].id) is None
        assert after.programme.title == "新标题"
        for change in (renamed, removed, added, moved):
            plan_file.apply(change.inverse)
        assert plan_file.load() == before


def test_a_batch_is_one_transaction(sample_path):
    with PlanFile.open(sample_path) as plan_file:
        before = plan_file.load()
        bad = Batch(
            (
                Update("sessions", before.sessions[0].id, {"title": "不应保存"}),
                Delete("places", before.places[0].id),  # still used by sites: refused
            ),
            "移动",
        )
        with pytest.raises(PlanEditError, match="still used"):
            plan_file.apply(bad)
        assert plan_file.load() == before
        good = plan_file.apply(
            Batch(tuple(Update("sessions", s.id, {"day": 2}) for s in before.sessions[:3]), "移到第 2 天")
        )
        assert good.label == "移到第 2 天" and len(good.touched["sessions"]) == 3
        plan_file.apply(good.inverse)
        assert plan_file.load() == before


def test_edits_with_bad_values_are_refused_with_a_message(sample_path):
    with PlanFile.open(sample_path) as plan_file:
        with pytest.raises(PlanEditError, match="unknown field"):
            plan_file.apply(Update("sites", 1, {"colour": "#000000"}))
        with pytest.raises(PlanEditError, match="no such item"):
            plan_file.apply(Update("sites", 99999, {"name": "x"}))
        with pytest.raises(PlanEditError, match="unknown kind"):
            plan_file.apply(Insert("hotels", {"name": "x"}))


def test_read_only_opening_refuses_edits_and_allows_reading(sample_path, sample):
    with PlanFile.open(sample_path, readonly=True) as plan_file:
        assert plan_file.load() == sample
        with pytest.raises(PlanEditError, match="read-only"):
            plan_file.apply(UpdateProgramme({"title": "x"}))


# --- migrations -------------------------------------------------------------------


def write_version_1_file(path: Path) -> None:
    """A plan file as version 1 of the app wrote it."""
    conn = sqlite3.connect(path)
    conn.executescript(schema.MIGRATIONS[0])
    conn.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 1")
    conn.execute("INSERT INTO programme (id, title, start_date, days) VALUES (1, '旧方案', '2024-05-06', 3)")
    conn.execute("INSERT INTO groups (id, name, colour) VALUES (1, '第一组', '#d62728')")
    conn.execute("INSERT INTO participants (id, name, group_id, role) VALUES (1, '学员001', 1, 'member')")
    conn.commit()
    conn.close()


def test_a_file_from_an_older_version_opens_and_is_upgraded(tmp_path):
    path = tmp_path / "old.stplan"
    write_version_1_file(path)
    with PlanFile.open(path) as plan_file:
        plan = plan_file.load()
        assert plan.programme.title == "旧方案"
        assert plan.groups[0].capacity is None
        assert plan.participants[0].interests == ()
        plan_file.apply(Update("participants", 1, {"interests": ("乡村振兴",)}))
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    conn.close()
    with PlanFile.open(path, readonly=True) as plan_file:
        assert plan_file.load().participants[0].interests == ("乡村振兴",)


def test_an_old_file_read_only_is_read_through_an_upgraded_copy_and_left_as_it_was(tmp_path):
    path = tmp_path / "old.stplan"
    write_version_1_file(path)
    before = path.read_bytes()
    with PlanFile.open(path, readonly=True) as plan_file:
        plan = plan_file.load()
        assert plan.programme.title == "旧方案" and plan.participants[0].name == "学员001"
        with pytest.raises(PlanEditError, match="read-only"):
            plan_file.apply(Update("participants", 1, {"name": "改"}))
    assert path.read_bytes() == before


# --- files that are not plans -----------------------------------------------------


def unchanged(path: Path):
    """A check that ``path`` still has the same bytes (or still does not exist)."""
    before = path.read_bytes() if path.is_file() else None

    def check():
        after = path.read_bytes() if path.is_file() else None
        assert after == before
        assert not Path(f"{path}-journal").exists()

    return check


def make_random_bytes(path: Path) -> None:
    path.write_bytes(os.urandom(8192))


def make_unrelated_sqlite(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    conn.execute("INSERT INTO notes (body) VALUES ('not a plan')")
    conn.commit()
    conn.close()


def make_newer_plan(path: Path) -> None:
    PlanFile.create(path, tiny_plan()).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()


@pytest.mark.parametrize(
    "make, reason_en, reason_zh",
    [
        (make_random_bytes, "not a plan file", "不是考察方案文件"),
        (make_unrelated_sqlite, "SQLite database, but not a plan file", "不是考察方案文件"),
        (make_newer_plan, "newer version", "更新版本"),
        (lambda path: path.write_bytes(b""), "empty", "空的"),
        (lambda path: None, "does not exist", "不存在"),
        (lambda path: path.mkdir(), "folder", "文件夹"),
    ],
    ids=["random-bytes", "unrelated-sqlite", "newer-version", "empty", "missing", "folder"],
)
@pytest.mark.parametrize("readonly", [False, True], ids=["write", "read"])
def test_bad_files_give_one_clear_message_and_are_left_untouched(tmp_path, make, reason_en, reason_zh, readonly):
    path = tmp_path / "bad.stplan"
    make(path)
    check_unchanged = unchanged(path)
    with pytest.raises(PlanFileError) as raised:
        PlanFile.open(path, readonly=readonly)
    error = raised.value
    assert str(path) in error.message_en and str(path) in error.message_zh
    assert reason_en in error.message_en
    assert reason_zh in error.message_zh
    check_unchanged()


def test_the_command_line_reports_a_bad_file_without_a_traceback(tmp_path):
    from conftest import run_main

    path = tmp_path / "random.stplan"
    make_random_bytes(path)
    result = run_main("summary", path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert str(path) in result.stderr and "not a plan file" in result.stderr


def make_read_only(path: Path):
    """Make ``path`` read-only for this process; returns the undo. Root ignores file
    modes, so as root the file is made immutable (chattr +i) instead."""
    if os.geteuid() != 0:
        path.chmod(0o444)
        return lambda: path.chmod(0o644)
    if shutil.which("chattr") is None or subprocess.run(["chattr", "+i", str(path)]).returncode != 0:
        pytest.skip("running as root on a file system without chattr +i")
    return lambda: subprocess.run(["chattr", "-i", str(path)], check=True)


def test_a_read_only_file_is_reported_and_can_still_be_read(tmp_path):
    path = tmp_path / "readonly.stplan"
    PlanFile.create(path, tiny_plan()).close()
    check_unchanged = unchanged(path)
    undo = make_read_only(path)
    try:
        with pytest.raises(PlanFileError) as raised:
            PlanFile.open(path)
        assert "read-only" in raised.value.message_en and "只读" in raised.value.message_zh
        assert str(path) in raised.value.message_en
        with PlanFile.open(path, readonly=True) as plan_file:
            assert plan_file.load().programme.title == "测试培训班"
    finally:
        undo()
    check_unchanged()


def test_a_second_writer_is_told_the_file_is_in_use(sample_path):
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import sys, time; sys.path.insert(0, {str(ROOT)!r})\n"
            "from planner.store import PlanFile\n"
            f"f = PlanFile.open({str(sample_path)!r}); print('open', flush=True); time.sleep(60)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(PlanFileError) as raised:
            PlanFile.open(sample_path)
        assert "in use" in raised.value.message_en
        assert "正被另一个程序" in raised.value.message_zh
        with PlanFile.open(sample_path, readonly=True) as reader:  # reading is still fine
            assert reader.load().groups
    finally:
        holder.kill()
        holder.wait()
    PlanFile.open(sample_path).close()  # the lock died with the process


def test_the_lock_is_released_on_close(sample_path):
    PlanFile.open(sample_path).close()
    PlanFile.open(sample_path).close()


# --- crashes ------------------------------------------------------------------------

EDIT_LOOP = """
import sys
sys.path.insert(0, {root!r})
from planner.edits import Insert
from planner.store import PlanFile
plan_file = PlanFile.open({path!r})
for n in range(1, 100000):
    plan_file.apply(Insert("participants", {{"name": f"学员{{n:05d}}", "unit": "x" * 200}}))
    print(n, flush=True)
"""


@pytest.mark.parametrize("edits_before_kill", [1, 40, 150])
def test_sigkill_during_edits_keeps_every_committed_edit(tmp_path, edits_before_kill):
    path = tmp_path / "crash.stplan"
    PlanFile.create(path, tiny_plan()).close()
    child = subprocess.Popen(
        [sys.executable, "-c", EDIT_LOOP.format(root=str(ROOT), path=str(path))],
        stdout=subprocess.PIPE,
        text=True,
    )
    committed = 0
    deadline = time.monotonic() + 60
    while committed < edits_before_kill and time.monotonic() < deadline:
        committed = int(child.stdout.readline())
    os.kill(child.pid, signal.SIGKILL)  # mid-loop: very likely inside a transaction
    child.wait()
    # Anything printed before the kill was committed before it; read what remains.
    committed = max([committed, *(int(line) for line in child.stdout.read().split())])
    assert committed >= edits_before_kill
    with PlanFile.open(path) as plan_file:
        names = [p.name for p in plan_file.load().participants]
    assert names[:committed] == [f"学员{n:05d}" for n in range(1, committed + 1)]
    assert len(names) in (committed, committed + 1)  # the last one may have committed unreported
    assert sqlite3.connect(path).execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_save_as_writes_a_copy_and_leaves_the_original(sample_path, tmp_path, sample):
    copy = tmp_path / "copy.stplan"
    with PlanFile.open(sample_path) as plan_file:
        with plan_file.save_as(copy) as copied:
            copied.apply(UpdateProgramme({"title": "副本"}))
        assert plan_file.load() == sample
    with PlanFile.open(copy, readonly=True) as copied:
        assert copied.load().programme.title == "副本"


def test_no_temporary_files_are_left_behind(tmp_path, sample):
    PlanFile.create(tmp_path / "p.stplan", sample).close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.stplan"]


def test_a_failed_create_leaves_nothing(tmp_path):
    with pytest.raises(PlanFileError, match="folder does not exist"):
        PlanFile.create(tmp_path / "missing" / "p.stplan", tiny_plan())
    assert list(tmp_path.iterdir()) == []


def test_times_past_midnight_are_kept(tmp_path):
    """An overfull day may run past midnight: the file keeps it and opens again."""
    from planner.model import Session, Site

    plan = tiny_plan()
    plan = plan.with_items("sites", [Site(1, "夜游码头", kind="venue")])
    plan = plan.with_items("sessions", [Session(1, 1, 1, 1, start=23 * 60, end=25 * 60 + 10, pinned=True)])
    with PlanFile.create(tmp_path / "late.stplan", plan) as plan_file:
        assert plan_file.load().sessions[0].end == 25 * 60 + 10


def test_damaged_content_is_reported_not_raised(sample_path):
    conn = sqlite3.connect(sample_path)
    conn.execute("UPDATE sessions SET start = 'noon' WHERE id = 1")
    conn.commit()
    conn.close()
    with PlanFile.open(sample_path) as plan_file:
        with pytest.raises(PlanFileError, match="damaged"):
            plan_file.load()


def test_an_edit_naming_a_field_the_item_lacks_is_refused_when_it_is_made():
    """Typed payloads: the misspelt field never reaches memory or the file."""
    with pytest.raises(PlanEditError, match=r"unknown field: sessions\.strat"):
        Update("sessions", 1, {"strat": 600})
    with pytest.raises(PlanEditError, match=r"unknown field: programme\.name"):
        UpdateProgramme({"name": "x"})
    with pytest.raises(PlanEditError, match="unknown kind"):
        Delete("hotels", 1)
    assert Update("sessions", 1, {"start": 600}).changes == {"start": 600}


def test_a_plan_referring_to_a_missing_item_is_not_written(tmp_path, sample):
    """References are checked before the file is written (SQLite's own check is off
    for the bulk write of a new file): the error names the item, nothing is left."""
    from dataclasses import replace

    session = sample.sessions[0]
    broken = sample.with_items("sessions", [replace(session, site_id=99999) if s.id == session.id else s
                                            for s in sample.sessions])
    with pytest.raises(PlanFileError, match=rf"table sessions, row id {session.id}, column site_id: refers to sites #99999"):
        PlanFile.create(tmp_path / "broken.stplan", broken)
    assert list(tmp_path.iterdir()) == []
