"""Files and input against the hostile and the unlucky (issue 20): named pipes, a crash's
temporary files, SQLite junk, a leg going nowhere."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import replace
from pathlib import Path

import pytest

from conftest import ROOT, run_main
from planner.edits import Insert, PlanEditError, Update
from planner.filelock import FileLock
from planner.jsonio import PlanImportError, plan_from_json, plan_to_json
from planner.store import PlanFile, PlanFileError

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")


def import_problems(document) -> str:
    with pytest.raises(PlanImportError) as raised:
        plan_from_json(json.loads(json.dumps(document)))
    return str(raised.value)


@pytest.fixture(scope="module")
def full_json(sample) -> dict:
    return plan_to_json(sample)


# --- a named pipe given as a plan or an input ------------------------------------------


@needs_fifo
@pytest.mark.parametrize("command", [
    ["summary", "{fifo}"], ["check", "{fifo}"], ["dump", "{fifo}"],
    ["export", "{fifo}", "--format", "xlsx", "--out", "{out}.xlsx"],
    ["roster", "import", "{fifo}", "{roster}"],
    ["import", "{fifo}", "{out}.stplan"],
    ["roster", "import", "{plan}", "{fifo}"],
])
def test_a_named_pipe_is_refused_at_once_not_waited_on(tmp_path, sample_path, command):
    fifo = tmp_path / "plan.stplan"
    os.mkfifo(fifo)
    roster = tmp_path / "名单.csv"
    roster.write_text("姓名,单位\n张三,某县\n", encoding="utf-8")
    args = [part.format(fifo=fifo, out=tmp_path / "out", roster=roster, plan=sample_path) for part in command]
    result = run_main(*args, timeout=60)  # it used to wait for a writer for ever
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "命名管道" in result.stderr and "named pipe" in result.stderr
    assert not list(tmp_path.glob("out*"))


def without_waiting(fifo: Path, call):
    """What ``call()`` raises, run in a thread so that a call blocked on the named pipe
    fails the test instead of hanging it (the pipe is then opened to let it go)."""
    outcome: list = []

    def run():
        try:
            call()
            outcome.append(None)
        except BaseException as error:  # noqa: BLE001 — handed to the test
            outcome.append(error)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(timeout=20)
    if thread.is_alive():
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))  # the blocked reader sees end of file
        thread.join(timeout=20)
        pytest.fail("blocked waiting on the named pipe")
    return outcome[0]


@needs_fifo
def test_a_named_pipe_is_no_plan_to_open_or_replace(tmp_path, sample):
    fifo = tmp_path / "plan.stplan"
    os.mkfifo(fifo)
    for readonly in (False, True):
        error = without_waiting(fifo, lambda: PlanFile.open(fifo, readonly=readonly))
        assert isinstance(error, PlanFileError) and "named pipe" in str(error)
    error = without_waiting(fifo, lambda: PlanFile.create(fifo, sample, overwrite=True))
    assert isinstance(error, PlanFileError) and "not a regular file" in str(error)
    assert fifo.exists() and not fifo.is_file()


@needs_fifo
def test_a_named_pipe_is_never_replaced_by_an_output(tmp_path, sample_path):
    fifo = tmp_path / "out.xlsx"
    os.mkfifo(fifo)
    result = run_main("export", sample_path, "--format", "xlsx", "--out", fifo, timeout=60)
    assert result.returncode == 1 and "not a regular file" in result.stderr
    assert not fifo.is_file()


# --- temporary files left by a crash ---------------------------------------------------

CRASH = """
import os, signal, sys
sys.path.insert(0, {root!r})
from planner import store
from planner.sample import sample_plan

write = store._write_plan

def write_then_die(db, path, plan):  # killed in the middle of the write, as by a power cut
    write(db, path, plan)
    os.kill(os.getpid(), signal.SIGKILL)

store._write_plan = write_then_die
store.PlanFile.create(sys.argv[1], sample_plan())
"""


def crash_while_creating(target: Path) -> list[Path]:
    """What a process killed while writing ``target`` (import, sample, Save As) leaves."""
    script = target.parent / "crash.py"
    script.write_text(CRASH.format(root=str(ROOT)), encoding="utf-8")
    before = set(target.parent.iterdir())
    result = subprocess.run([sys.executable, str(script), str(target)], capture_output=True, timeout=120)
    assert result.returncode == -signal.SIGKILL, result.stderr
    script.unlink()
    left = sorted(p for p in set(target.parent.iterdir()) - before if p.name.startswith(".~"))
    assert not target.exists() and len(left) == 2 and left[1].name == left[0].name + "-journal"
    return left


def age(*paths: Path, seconds: float = 3600) -> None:
    for path in paths:
        os.utime(path, (time.time() - seconds, time.time() - seconds))


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="POSIX")
def test_a_crash_s_temporary_files_are_removed_on_the_next_open(tmp_path, sample_path):
    folder = sample_path.parent
    left = crash_while_creating(folder / "new.stplan")
    age(*left)
    PlanFile.open(sample_path).close()  # the next time a plan of that folder is opened
    assert not any(p.exists() for p in left)
    assert sample_path.exists()


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="POSIX")
def test_the_next_import_into_the_folder_removes_them_too(tmp_path, full_json):
    left = crash_while_creating(tmp_path / "new.stplan")
    age(*left)
    source = tmp_path / "in.json"
    source.write_text(json.dumps(full_json, ensure_ascii=False), encoding="utf-8")
    result = run_main("import", source, tmp_path / "new.stplan")
    assert result.returncode == 0, result.stderr
    assert not any(p.exists() for p in left)
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".~")]


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="POSIX")
def test_a_write_in_progress_and_the_users_own_files_are_left(tmp_path, sample_path):
    folder = sample_path.parent
    young = crash_while_creating(folder / "a.stplan")  # just now: may be a write in progress
    held = crash_while_creating(folder / "b.stplan")
    age(*held)
    lock = FileLock(held[0])  # a live process holds it: being written
    theirs = [folder / name for name in (".~mine.stplan", "~$sample.stplan", ".~abcdefgh.json",
                                          ".~abcdefgh.stplan.bak", ".~abcdefghi.stplan", "notes-journal")]
    for path in theirs:
        path.write_bytes(b"the user's")
    age(*theirs)
    try:
        PlanFile.open(sample_path).close()
    finally:
        lock.release()
    assert all(p.exists() for p in young + held + theirs)


# --- SQLite junk, damaged ------------------------------------------------------------------


def test_an_sqlite_header_followed_by_junk_is_reported_as_damaged(tmp_path):
    path = tmp_path / "junk.stplan"
    path.write_bytes(b"SQLite format 3\0" + bytes(range(7, 256)) * 40)
    for readonly in (False, True):
        with pytest.raises(PlanFileError) as error:
            PlanFile.open(path, readonly=readonly)
        assert "已损坏" in error.value.reason_zh and "damaged" in error.value.reason_en
        assert "not a plan file" not in str(error.value)
    result = run_main("summary", path)
    assert result.returncode == 1 and "damaged" in result.stderr and "Traceback" not in result.stderr


def test_another_programs_database_is_still_not_a_plan(tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE t (x)")
    conn.close()
    with pytest.raises(PlanFileError, match="an SQLite database, but not a plan file"):
        PlanFile.open(path)


# --- a leg from a site to itself -------------------------------------------------------------


def test_a_leg_from_a_site_to_itself_is_refused_on_import(full_json):
    document = json.loads(json.dumps(full_json))
    leg = document["legs"][3]
    leg["to_site_id"] = leg["from_site_id"]
    message = import_problems(document)
    assert "$.legs[3].to_site_id" in message and "same site" in message and "同一个" in message


def test_a_leg_from_a_site_to_itself_is_refused_as_an_edit(sample_path):
    with PlanFile.open(sample_path) as plan_file:
        plan = plan_file.load()
        leg = plan.legs[0]
        with pytest.raises(PlanEditError, match="same site"):
            plan_file.apply(Insert("legs", {"group_id": leg.group_id, "from_site_id": leg.from_site_id,
                                            "to_site_id": leg.from_site_id}))
        with pytest.raises(PlanEditError, match="same site"):
            plan_file.apply(Update("legs", leg.id, {"to_site_id": leg.from_site_id}))
        assert plan_file.load() == plan


def test_a_plan_with_such_a_leg_is_not_written(tmp_path, sample):
    legs = (replace(sample.legs[0], to_site_id=sample.legs[0].from_site_id), *sample.legs[1:])
    with pytest.raises(PlanFileError, match="same site"):
        PlanFile.create(tmp_path / "p.stplan", sample.with_items("legs", legs))
    assert not list(tmp_path.iterdir())
