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
