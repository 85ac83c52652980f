"""The open plan: edits, undo and redo through the Qt undo stack, kept equal to the file."""

from __future__ import annotations

from planner.edits import Delete, Insert, Update
from planner.store import PlanFile
from ui.document import PlanDocument


def test_edit_undo_redo_keep_memory_and_file_equal(qapp, sample_path):
    document = PlanDocument(PlanFile.open(sample_path))
    before = document.plan
    group = before.ordered_groups()[0]
    session = before.sessions_of(group.id, 2)[0]
    kinds = []
    document.changed.connect(kinds.append)
    change = document.edit(Update("sessions", session.id, {"day": 3, "position": -1}), "移动")
    assert change is not None and "sessions" in kinds[-1]
    assert document.plan == document.plan_file.load()
    moved = document.plan
    assert moved.get("sessions", session.id).day == 3
    assert document.undo_stack.undoText() == "移动"
    document.undo_stack.undo()
    assert document.plan == before == document.plan_file.load()
    document.undo_stack.redo()
    assert document.plan == moved == document.plan_file.load()
    document.close()


def test_a_refused_edit_says_why_and_leaves_no_undo_step(qapp, sample_path):
    document = PlanDocument(PlanFile.open(sample_path))
    messages = []
    document.editFailed.connect(messages.append)
    place = document.plan.places[0]
    assert document.edit(Delete("places", place.id), "删除") is None
    assert messages and "still used" in messages[0]
    assert document.undo_stack.count() == 0
    assert document.plan.get("places", place.id) == place
    document.close()


def test_inserted_items_get_the_same_id_in_memory_and_in_the_file(qapp, sample_path):
    document = PlanDocument(PlanFile.open(sample_path))
    change = document.edit(Insert("places", {"name": "前湾新区", "kind": "zone", "lon": 121.2, "lat": 30.3}), "添加")
    assert document.plan.get("places", change.new_id).name == "前湾新区"
    assert document.plan == document.plan_file.load()
    document.close()


def test_attempt_returns_the_refusal_and_broadcasts_nothing(qapp, sample_path):
    from planner.editing import Refusal

    document = PlanDocument(PlanFile.open(sample_path))
    messages = []
    document.editFailed.connect(messages.append)
    place = document.plan.places[0]
    change, refusal = document.attempt(Delete("places", place.id), "删除")
    assert change is None and "still used" in refusal and messages == []
    assert document.attempt(Refusal("不行", "no"), "x") == (None, "不行\nno") and messages == []
    assert document.perform(Delete("places", place.id), "删除") is None
    assert len(messages) == 1  # perform: said once, by whoever listens (the window)
    document.close()


def _hold_write_lock(path):
    """Another program writing to the file: the app's writes wait, then are refused."""
    import sqlite3

    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    return other


def test_an_undo_the_file_refuses_reloads_the_plan_and_says_why_once(qtbot, sample_path):
    document = PlanDocument(PlanFile.open(sample_path))
    messages = []
    document.editFailed.connect(messages.append)
    session = document.plan.sessions_of(document.plan.ordered_groups()[0].id, 2)[0]
    document.edit(Update("sessions", session.id, {"minutes": 50}), "改时长")
    document.edit(Update("sessions", session.id, {"title": "新标题"}), "改标题")
    edited = document.plan
    other = _hold_write_lock(sample_path)
    try:
        document.undo_stack.undo()  # no exception escapes into Qt (pytest-qt would fail the test)
        qtbot.waitUntil(lambda: document.undo_stack.count() == 0)
    finally:
        other.rollback()
        other.close()
    assert len(messages) == 1 and "撤销「改标题」失败" in messages[0] and "reloaded" in messages[0]
    with PlanFile.open(sample_path, readonly=True) as on_disk:
        assert document.plan == on_disk.load() == edited  # the screen's plan is the file's
    assert not document.undo_stack.canUndo() and not document.undo_stack.canRedo()
    # the file is writable again: editing and undoing work as before
    assert document.edit(Update("sessions", session.id, {"title": "再改"}), "再改") is not None
    document.undo_stack.undo()
    assert document.plan.get("sessions", session.id).title == "新标题" == document.plan_file.load().get(
        "sessions", session.id).title
    document.close()


def test_a_redo_the_file_refuses_reloads_the_plan_and_says_why_once(qtbot, sample_path):
    document = PlanDocument(PlanFile.open(sample_path))
    messages = []
    document.editFailed.connect(messages.append)
    site = document.plan.sites[0]
    document.edit(Update("sites", site.id, {"name": "改名的现场教学点"}), "改名")
    document.undo_stack.undo()
    other = _hold_write_lock(sample_path)
    try:
        document.undo_stack.redo()
        qtbot.waitUntil(lambda: document.undo_stack.count() == 0)
    finally:
        other.rollback()
        other.close()
    assert len(messages) == 1 and "重做「改名」失败" in messages[0]
    assert document.plan == document.plan_file.load()
    assert document.plan.get("sites", site.id).name == site.name
    document.close()
