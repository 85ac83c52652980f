"""Where the commands write, and what they refuse: checked before any work, with a
clear message and nothing overwritten (the plan being read least of all)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import main as app_main  # noqa: E402


@pytest.fixture
def plan(tmp_path, sample_path):
    return sample_path


def run(capsys, *args) -> tuple[int, str, str]:
    try:
        status = app_main.main([str(a) for a in args])
    except SystemExit as exit_:  # argparse refusals
        status = exit_.code
    out, err = capsys.readouterr()
    return status, out, err


def unchanged(path: Path, before: bytes) -> bool:
    return path.read_bytes() == before


def test_export_and_dump_never_overwrite_the_plan_they_read(capsys, plan):
    before = plan.read_bytes()
    status, _, err = run(capsys, "export", plan, "--format", "xlsx", "--out", plan)
    assert status == 1 and "正在读取" in err and "being read" in err
    status, _, err = run(capsys, "dump", plan, "--out", plan)
    assert status == 1 and "being read" in err
    assert unchanged(plan, before)


def test_export_does_not_overwrite_another_plan_file(capsys, plan, tmp_path):
    other = tmp_path / "other.stplan"
    other.write_bytes(plan.read_bytes())
    status, _, err = run(capsys, "export", plan, "--format", "xlsx", "--out", other)
    assert status == 1 and "plan file" in err
    assert unchanged(other, plan.read_bytes())


def test_an_existing_export_is_replaced_only_with_force(capsys, plan, tmp_path):
    out = tmp_path / "日程.xlsx"
    out.write_bytes(b"old")
    status, _, err = run(capsys, "export", plan, "--format", "xlsx", "--out", out)
    assert status == 1 and "已存在" in err and "--force" in err
    assert out.read_bytes() == b"old"
    status, _, err = run(capsys, "export", plan, "--format", "xlsx", "--out", out, "--force")
    assert status == 0, err
    assert out.read_bytes()[:2] == b"PK"


@pytest.mark.parametrize("command", [("export", "--format", "xlsx"), ("dump",), ("optimise",)])
def test_every_command_that_writes_a_file_refuses_to_replace_one_without_force(capsys, plan, tmp_path, command):
    out = tmp_path / ("old.stplan" if command[0] == "optimise" else "old.json" if command[0] == "dump" else "old.xlsx")
    out.write_bytes(b"old")
    status, _, err = run(capsys, command[0], plan, *command[1:], "--out", out)
    assert status != 0 and "--force" in err
    assert out.read_bytes() == b"old"


@pytest.mark.parametrize("args, words", [
    (("--format", "pdf", "--out", "x.xlsx"), ".xlsx"),
    (("--format", "xlsx", "--participant", "3", "--out", "x.xlsx"), "--participant does not apply to xlsx"),
    (("--format", "ics", "--participant", "1", "--group", "2", "--out", "x.ics"), "not both"),
    (("--format", "xlsx", "--out", "missing-folder/x.xlsx"), "folder does not exist"),
    (("--format", "xlsx", "--out", "."), "is a folder"),
])
def test_export_options_that_do_not_apply_are_refused(capsys, plan, tmp_path, monkeypatch, args, words):
    monkeypatch.chdir(tmp_path)
    status, _, err = run(capsys, "export", plan, *args)
    assert status == 1 and words in err
    assert not (tmp_path / "x.xlsx").exists() and not (tmp_path / "x.ics").exists()


def test_dump_writes_json_whole(capsys, plan, tmp_path):
    out = tmp_path / "plan.json"
    status, _, err = run(capsys, "dump", plan, "--out", out)
    assert status == 0, err
    assert json.loads(out.read_text(encoding="utf-8"))["format"] == "study-tour-plan"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


def test_a_plan_file_is_not_named_like_an_export(capsys, tmp_path):
    status, _, err = run(capsys, "sample", tmp_path / "x.json")
    assert status == 1 and "should not end in .json" in err
    assert not (tmp_path / "x.json").exists()


def test_optimise_checks_its_output_before_searching(capsys, plan, tmp_path):
    existing = tmp_path / "new.stplan"
    existing.write_bytes(b"keep")
    status, out, err = run(capsys, "optimise", plan, "--out", existing, "--time-limit", "30")
    assert status == 1 and "--force" in err
    assert out == ""  # refused before the search printed anything
    assert existing.read_bytes() == b"keep"


def test_plan_groups_refuses_out_of_range_numbers(capsys, plan, tmp_path):
    status, _, err = run(capsys, "plan-groups", plan, "--groups", "3", "--days", "400", "--out", tmp_path / "p.stplan")
    assert status == 2 and "at most 366" in err and "参数有误" in err
    assert not (tmp_path / "p.stplan").exists()


def test_a_mistyped_command_is_named_not_opened_as_a_plan(capsys, plan):
    status, _, err = run(capsys, "chek", plan)
    assert status == 2 and "unknown command 'chek'" in err and "check" in err


def test_route_matrix_that_is_not_text_or_too_deep(capsys, tmp_path):
    binary = tmp_path / "m.json"
    binary.write_bytes(b"\xff\xfe[\x00")
    status, _, err = run(capsys, "route", "--matrix", binary)
    assert status == 1 and "not UTF-8" in err
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100000)
    status, _, err = run(capsys, "route", "--matrix", deep)
    assert status == 1 and "nested too deeply" in err


def test_optimise_names_a_day_window_that_ends_before_it_starts(capsys, sample, tmp_path):
    from planner.model import DaySetting
    from planner.store import PlanFile

    broken = sample.with_items("day_settings", [DaySetting(id=1, day=2, day_start=18 * 60, day_end=8 * 60)])
    path = tmp_path / "late.stplan"
    PlanFile.create(path, broken).close()
    status, _, err = run(capsys, "optimise", path, "--out", tmp_path / "o.stplan", "--time-limit", "2")
    assert status == 1 and "18:00–08:00" in err and "day 2" in err


def test_too_short_a_time_limit_says_so_not_locks(capsys, plan, tmp_path):
    status, _, err = run(capsys, "optimise", plan, "--out", tmp_path / "o.stplan", "--time-limit", "0.001")
    assert status == 1 and "allow more time" in err and "lock" not in err
