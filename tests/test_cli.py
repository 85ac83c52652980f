"""The headless command line."""

from __future__ import annotations

import json

from conftest import run_main
from planner.model import format_clock


def test_sample_then_summary_shows_the_three_published_routes(tmp_path):
    plan = tmp_path / "s.db"
    written = run_main("sample", plan)
    assert written.returncode == 0, written.stderr
    result = run_main("summary", plan)
    assert result.returncode == 0, result.stderr
    text = result.stdout
    assert "3 个组" in text and "49 场现场教学" in text
    assert "第一组：7 个县（市、区）" in text
    assert "第二组：5 个县（市、区）" in text
    assert "第三组：6 个县（市、区）" in text
    assert "余杭区 → 义乌市 → 柯桥区 → 新吴区 → 滨湖区 → 梁溪区 → 江阴市" in text


def test_summary_json_is_machine_readable(tmp_path):
    plan = tmp_path / "s.db"
    run_main("sample", plan)
    result = run_main("summary", plan, "--json")
    summary = json.loads(result.stdout)
    assert [len(g["places"]) for g in summary["groups"]] == [7, 5, 6]
    assert sum(g["sessions"] for g in summary["groups"]) == summary["sessions"] == 49
    assert summary["days"] == 6 and summary["start_date"] == "2025-02-23"
    for group in summary["groups"]:
        assert group["legs_without_estimate"] == 0
        assert 5 * 60 < group["travel_minutes"] < 30 * 60  # hours on the road, not days


def test_sample_refuses_to_overwrite_without_force(tmp_path):
    plan = tmp_path / "s.db"
    assert run_main("sample", plan).returncode == 0
    again = run_main("sample", plan)
    assert again.returncode == 1 and "already exists" in again.stderr
    assert run_main("sample", plan, "--force").returncode == 0


def test_help_lists_the_commands():
    result = run_main("--help")
    assert result.returncode == 0
    for command in ("sample", "import", "dump", "summary"):
        assert command in result.stdout


def test_a_missing_plan_is_an_error_on_stderr(tmp_path):
    result = run_main("summary", tmp_path / "nothing.db")
    assert result.returncode == 1
    assert "does not exist" in result.stderr and "不存在" in result.stderr
    assert result.stdout == ""


def test_dump_to_a_file(tmp_path):
    plan = tmp_path / "s.db"
    run_main("sample", plan)
    out = tmp_path / "s.json"
    assert run_main("dump", plan, "--out", out).returncode == 0
    assert json.loads(out.read_text(encoding="utf-8"))["programme"]["days"] == 6


def test_summary_shows_each_groups_first_and_last_time_of_each_day(tmp_path, sample):
    plan = tmp_path / "s.db"
    run_main("sample", plan)
    text = run_main("summary", plan).stdout
    leaves = format_clock(sample.programme.departure_time)
    assert f"第 1 天 {leaves}–" in text  # every group leaves Changsha together for the opening
    summary = json.loads(run_main("summary", plan, "--json").stdout)
    for group in summary["groups"]:
        assert [d for d, _, _ in group["day_times"]] == [1, 2, 3, 4, 5, 6]
        for day, first, last in group["day_times"]:
            assert first == leaves if day == 1 else "08:30" <= first, (day, first)
            home_by = format_clock(sample.programme.latest_return)
            assert first < last <= (home_by if day == 6 else "20:00"), (day, last)
        # door to door: the contract of summary --json (docs/plan-format.md)
        assert group["nights"] == 5
        assert group["first_departure"] == {"day": 1, "time": leaves, "from": "长沙集合地点（示意）"}
        assert group["last_arrival"]["day"] == 6 and group["last_arrival"]["to"] == "长沙集合地点（示意）"
        assert group["last_arrival"]["time"] == group["day_times"][-1][2]
        assert group["travel_minutes"] > 2 * 4 * 60  # the journeys out and back alone take over 4 h each


def _commands(parser, path=()):
    """Every (sub)command of ``parser``: (its words, its parser)."""
    import argparse

    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _commands(sub, (*path, name))


def _has_chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def test_the_help_of_every_command_is_chinese_first():
    import argparse

    from main import extra_commands
    from planner.cli import build_parser

    commands = list(_commands(build_parser(extra_commands())))
    assert len(commands) > 15 and ("roster", "import") in [p for p, _ in commands]
    for path, parser in commands:
        text = parser.format_help()
        assert text.startswith("用法 / usage:"), path
        assert "选项 / options:" in text and "显示本帮助并退出" in text, path
        first = text.split("\n\n")[1]  # the description, under the usage
        assert _has_chinese(first), (path, first)
        for action in parser._actions:  # each argument and option says what it is, Chinese first
            if action.help in (None, argparse.SUPPRESS) or isinstance(action, argparse._SubParsersAction):
                continue
            assert _has_chinese(action.help.split("/")[0]), (path, action.dest, action.help)
        if path:
            assert not [a for a in parser._actions if a.help is None and a.option_strings != ["-h", "--help"]
                        and not isinstance(a, argparse._SubParsersAction)], path


def test_help_on_the_command_line_is_chinese_first():
    result = run_main("roster", "import", "--help")
    assert result.returncode == 0
    assert result.stdout.startswith("用法 / usage: main.py roster import")
    assert "方案文件（.stplan）/ the plan file (.stplan)" in result.stdout
