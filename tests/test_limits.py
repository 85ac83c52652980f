"""Input-size limits (planner.limits, docs/limits.md): texts, lists, rows, nesting and
file sizes beyond them are refused with a clear message at every entry — JSON import,
roster import, what is typed in the app — and nothing is written."""

from __future__ import annotations

import json

import pytest

from bench.roster_synthetic import write
from planner import limits
from planner.edits import Update
from planner.jsonio import PlanImportError, load_json_file, plan_from_json, plan_to_json
from planner.limits import MAX_NAME
from planner.roster import sources
from planner.roster.importer import preview_roster
from planner.roster.sources import RosterError, read_sheet
from test_hardening_roster import xlsx


@pytest.fixture(scope="module")
def full_json(sample) -> dict:
    return plan_to_json(sample)


def import_problems(document) -> str:
    with pytest.raises(PlanImportError) as raised:
        plan_from_json(json.loads(json.dumps(document)))
    return str(raised.value)


# --- input-size limits: JSON import ------------------------------------------------------------


@pytest.mark.parametrize("path, value, words", [
    (("sessions", 0, "title"), "A" * (limits.MAX_TEXT + 1), "too long"),
    (("sites", 2, "name"), "某" * (limits.MAX_NAME + 1), "too long"),
    (("programme", "notes"), "说明\n" * limits.MAX_NOTE, "too long"),
    (("sites", 0, "themes"), ["产业发展"] * (limits.MAX_LIST + 1), "too many entries"),
])
def test_texts_and_lists_beyond_the_limits_are_refused_with_their_path(full_json, path, value, words):
    document = json.loads(json.dumps(full_json))
    target = document
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    message = import_problems(document)
    where = "$." + ".".join(f"{p}" for p in path).replace(".0", "[0]").replace(".2", "[2]")
    assert where in message and words in message


def test_nesting_beyond_the_limit_is_refused_without_a_crash(full_json):
    document = json.loads(json.dumps(full_json))
    deep: list = []
    document["programme"]["themes"] = [deep]
    for _ in range(limits.MAX_DEPTH + 5):
        deep.append([])
        deep = deep[0]
    assert "nested too deeply" in import_problems(document)


def test_a_minimal_plan_with_a_huge_place_name_is_refused_before_any_look_up(tmp_path):
    document = {"title": "考察", "start_date": "2025-02-23", "days": 3,
                "groups": [{"places": ["义乌" * 50_000]}]}
    source = tmp_path / "huge.json"
    source.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(PlanImportError) as error:  # refused, not looked up prefix by prefix
        plan_from_json(load_json_file(source))
    assert "$.groups[0].places[0]" in str(error.value) and "too long" in str(error.value)


def test_an_input_file_beyond_the_size_limit_is_refused_unread(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_INPUT_BYTES", 1000)
    source = tmp_path / "big.json"
    source.write_text(json.dumps({"title": "x" * 2000}), encoding="utf-8")
    with pytest.raises(PlanImportError, match="too large"):
        load_json_file(source)


# --- input-size limits: what is typed in the app ----------------------------------------------


def test_an_edit_beyond_the_limits_is_refused_with_the_field_named(document):
    messages = []
    document.editFailed.connect(messages.append)
    site = document.plan.sites[0]
    before = document.plan_file.load()
    assert document.edit(Update("sites", site.id, {"name": "某" * (limits.MAX_NAME + 1)}), "改名") is None
    assert document.edit(Update("sites", site.id, {"note": "x" * (limits.MAX_NOTE + 1)}), "备注") is None
    assert len(messages) == 2 and "sites.name" in messages[0] and "too long" in messages[0]
    assert document.plan_file.load() == before and document.undo_stack.count() == 0
    assert document.edit(Update("sites", site.id, {"note": "x" * limits.MAX_NOTE}), "备注") is not None


# --- input-size limits on rosters ----------------------------------------------------------


def test_a_name_beyond_the_limit_is_a_bad_row_with_the_reason(tmp_path, sample):
    text = f"姓名,单位\n{'王' * (MAX_NAME + 1)},某县\n李四,某市\n"
    preview = preview_roster(sample, write(tmp_path / "long.csv", text.encode("utf-8")))
    assert [r.name for r in preview.good] == ["李四"]
    (bad,) = preview.bad
    assert bad.row == 2 and "文字过长" in bad.text_zh() and "too long" in bad.text_en()
    assert len(bad.name) < 50  # the report names the row without printing the whole cell


def test_a_sheet_beyond_the_row_limit_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(sources, "MAX_ROWS", 20)
    for name, data in (("many.csv", ("姓名,单位\n" + "".join(f"学员{n},某县\n" for n in range(30))).encode()),
                       ("many.xlsx", xlsx([["姓名", "单位"], *([f"学员{n}", "某县"] for n in range(30))]))):
        with pytest.raises(RosterError) as error:
            read_sheet(write(tmp_path / name, data))
        assert "行数过多" in error.value.message_zh and "too many rows" in error.value.message_en


def test_an_xlsx_that_unpacks_beyond_the_limit_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(sources, "MAX_INPUT_BYTES", 100_000)
    data = xlsx([["姓名", "备注"], *([f"学员{n}", "说明" * 200] for n in range(200))])
    assert len(data) < 100_000  # small packed, large unpacked: refused before it is unpacked
    with pytest.raises(RosterError) as error:
        read_sheet(write(tmp_path / "bomb.xlsx", data))
    assert "解压后过大" in error.value.message_zh and "unpacks to too much" in error.value.message_en


def test_a_name_too_long_typed_in_the_property_editor_is_refused_inline(qtbot, document):
    from PySide6.QtCore import Qt

    from ui.properties import PropertyEditor

    editor = PropertyEditor(document)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    site = document.plan.sites[1]
    document.select("sites", [site.id], "table:sites")
    before = document.plan_file.load()
    line = editor.editors["name"]
    line.setText("某" * (MAX_NAME + 1))  # pasted
    line.setModified(True)
    qtbot.keyClick(line, Qt.Key.Key_Return)
    error = editor.errors["name"]
    assert error.isVisible() and "文字过长" in error.text()
    assert document.plan_file.load() == before and document.undo_stack.count() == 0
