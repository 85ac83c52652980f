"""File handling in the window with bad targets and damaged plans: a clear message in
both languages, the current plan kept, nothing written, no file left locked."""

from __future__ import annotations

import os
import sqlite3

import pytest

from planner.store import PlanFile, PlanFileError
from ui.dialogs import NewPlanDialog
from tests.gui import make_window


def damage(path, statement: str) -> None:
    conn = sqlite3.connect(path)
    conn.execute(statement)
    conn.commit()
    conn.close()


DAMAGE = {
    "bad-value": "UPDATE sites SET lon='abc' WHERE id=2",
    "table-gone": "DROP TABLE participants",
}


def assert_not_locked(path) -> None:
    PlanFile.open(path).close()  # raises "in use" if the window kept the file open


# --- writing to a folder ---------------------------------------------------------------

@pytest.mark.parametrize("overwrite", [False, True])
def test_create_over_a_folder_is_refused_before_writing(tmp_path, sample, overwrite):
    folder = tmp_path / "plans.stplan"
    folder.mkdir()
    with pytest.raises(PlanFileError) as caught:
        PlanFile.create(folder, sample, overwrite=overwrite)
    assert "是一个文件夹，不是文件" in str(caught.value) and "is a folder, not a file" in str(caught.value)
    assert caught.value.writing
    assert sorted(os.listdir(tmp_path)) == ["plans.stplan"]  # no temporary file left behind
    assert folder.is_dir() and not os.listdir(folder)


def test_save_as_onto_a_folder_says_so_and_keeps_the_plan(qtbot, tmp_path, sample_path, boxes, uncaught):
    window = make_window(qtbot, PlanFile.open(sample_path), tmp_path)
    folder = tmp_path / "folder"
    folder.mkdir()
    window.ask_path = lambda *args: (str(folder), "")
    window.save_as_action.trigger()
    assert not uncaught
    ((kind, text),) = boxes
    assert kind == "critical" and "文件夹" in text and "is a folder, not a file" in text
    assert window.document.path == sample_path and not window.document.closed
    assert set(os.listdir(tmp_path)) - {"settings.ini"} == {"folder", "sample.stplan"}  # no temporary file


def test_new_plan_onto_a_folder_says_so(qtbot, tmp_path, sample_path, boxes, uncaught):
    window = make_window(qtbot, PlanFile.open(sample_path), tmp_path)
    folder = tmp_path / "folder"
    folder.mkdir()

    def run(dialog):
        qtbot.addWidget(dialog)
        return isinstance(dialog, NewPlanDialog)

    window.run_dialog = run
    window.ask_path = lambda *args: (str(folder), "")
    window.new_action.trigger()
    assert not uncaught
    ((kind, text),) = boxes
    assert kind == "critical" and "文件夹" in text and "is a folder, not a file" in text
    assert window.document.path == sample_path


# --- opening a damaged plan ------------------------------------------------------------

@pytest.mark.parametrize("how", DAMAGE.values(), ids=DAMAGE.keys())
def test_opening_a_damaged_plan_says_so_and_leaves_it_unlocked(qtbot, tmp_path, sample_path, _sample_template,
                                                              boxes, uncaught, how):
    window = make_window(qtbot, PlanFile.open(sample_path), tmp_path)
    bad = tmp_path / "bad.stplan"
    bad.write_bytes(_sample_template.read_bytes())
    damage(bad, how)
    window.ask_path = lambda *args: (str(bad), "")
    window.open_action.trigger()
    assert not uncaught
    ((kind, text),) = boxes
    assert kind == "critical" and f"无法打开方案文件「{bad}」" in text and f"Cannot open plan file '{bad}'" in text
    assert window.document.path == sample_path and not window.document.closed
    assert_not_locked(bad)
    # a second try says the same, not "in use"
    assert window.open_path(str(bad)) is False
    assert "in use" not in boxes[-1][1]


def test_a_damaged_recent_file_says_so(qtbot, tmp_path, sample_path, _sample_template, boxes, uncaught):
    bad = tmp_path / "bad.stplan"
    bad.write_bytes(_sample_template.read_bytes())
    window = make_window(qtbot, PlanFile.open(sample_path), tmp_path)
    assert window.open_path(str(bad))
    assert window.open_path(str(sample_path))
    damage(bad, DAMAGE["bad-value"])
    (action,) = [a for a in window.recent_menu.actions() if a.text() == str(bad.resolve())]
    action.trigger()
    assert not uncaught
    assert len(boxes) == 1 and "Cannot open plan file" in boxes[0][1]
    assert window.document.path == sample_path
    assert_not_locked(bad)


def test_starting_on_a_damaged_plan_shows_the_sample_and_says_why(qtbot, tmp_path, _sample_template, boxes):
    bad = tmp_path / "last.stplan"
    bad.write_bytes(_sample_template.read_bytes())
    damage(bad, DAMAGE["table-gone"])
    window = make_window(qtbot, PlanFile.open(bad), tmp_path)
    ((kind, text),) = boxes
    assert kind == "critical" and str(bad) in text and "no such table: participants" in text
    assert "示例方案" in text and "sample plan" in text
    assert window.document.path != bad and window.document.plan.sites  # the sample, ready to use
    assert window.settings.value("files/last_plan") == str(window.document.path.resolve())
    assert_not_locked(bad)


def test_starting_on_a_damaged_plan_when_the_sample_is_damaged_too(qtbot, tmp_path, _sample_template, boxes):
    from ui.environment import sample_path as users_sample

    damage(users_sample(), DAMAGE["bad-value"])
    bad = tmp_path / "last.stplan"
    bad.write_bytes(_sample_template.read_bytes())
    damage(bad, DAMAGE["table-gone"])
    window = make_window(qtbot, PlanFile.open(bad), tmp_path)
    assert len(boxes) == 1
    assert window.document.path not in (bad, users_sample()) and window.document.plan.sites
    assert_not_locked(bad)
    assert_not_locked(users_sample())
