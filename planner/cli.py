"""The headless command line: ``python main.py COMMAND …``.

Each command prints its result to stdout; problems go to stderr as one clear message
(Chinese, then English) with exit status 1 — never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Callable

from planner import __version__
from planner.checks import ERROR, check, format_findings
from planner.edits import PlanEditError
from planner.exports import ExportError
from planner.jsonio import PlanImportError, dumps, load_json_file, plan_from_json
from planner.model import Plan
from planner.output_path import OutputPathError, check_output, check_plan_output
from planner.sample import sample_plan
from planner.store import PlanFile, PlanFileError
from planner.summary import format_summary, summarise
from planner.travel_command import TravelPlaceError, add_travel_command

def write_plan(plan: Plan, out: str, force: bool) -> Path:
    with PlanFile.create(out, plan, overwrite=force):
        pass
    return Path(out)


def _cmd_sample(args) -> int:
    check_plan_output(args.out, force=args.force)
    path = write_plan(sample_plan(), args.out, args.force)
    print(f"已写入示例方案 / sample plan written: {path}")
    return 0


def _cmd_import(args) -> int:
    check_plan_output(args.out, reading=(args.input,), force=args.force)
    plan = plan_from_json(load_json_file(args.input), source=args.input)
    path = write_plan(plan, args.out, args.force)
    print(f"已导入 / imported: {path}")
    return 0


def _cmd_dump(args) -> int:
    if args.out is not None:
        check_output(args.out, reading=(args.plan,), suffixes=(".json",), force=args.force)
    with PlanFile.open(args.plan, readonly=True) as plan_file:
        text = dumps(plan_file.load())
    if args.out is not None:
        from planner.exports import write_atomic  # no half-written file if the disk fills up

        write_atomic(args.out, text.encode("utf-8"))
    else:
        sys.stdout.write(text)
    return 0


def _cmd_summary(args) -> int:
    with PlanFile.open(args.plan, readonly=True) as plan_file:
        summary = summarise(plan_file.load())
    if args.json:
        print(json.dumps(summary.to_json(), ensure_ascii=False, indent=2))
    else:
        print(format_summary(summary))
    return 0


def _cmd_check(args) -> int:
    with PlanFile.open(args.plan, readonly=True) as plan_file:
        findings = check(plan_file.load())
    if args.json:
        print(json.dumps([f.to_json() for f in findings], ensure_ascii=False, indent=2))
    else:
        print(format_findings(findings))
    return 1 if any(f.severity == ERROR for f in findings) else 0


class _Parser(argparse.ArgumentParser):
    """argparse with its error line in Chinese and English (its own words are English)."""

    def error(self, message: str):
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: 参数有误 / invalid arguments: {message}\n")


def build_parser(extra_commands: dict[str, Callable] | None = None) -> argparse.ArgumentParser:
    parser = _Parser(
        prog="main.py",
        description="考察方案编排 — study-tour planner. Without a command, opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"考察方案编排 study-tour-planner {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    sample = commands.add_parser("sample", help="write the bundled sample plan (Hunan 2025) to OUT")
    sample.add_argument("out", metavar="OUT")
    sample.add_argument("--force", action="store_true", help="overwrite OUT if it exists")
    sample.set_defaults(run=_cmd_sample)

    importer = commands.add_parser("import", help="import a plan (full or minimal JSON) into a new plan file")
    importer.add_argument("input", metavar="IN.json")
    importer.add_argument("out", metavar="OUT")
    importer.add_argument("--force", action="store_true", help="overwrite OUT if it exists")
    importer.set_defaults(run=_cmd_import)

    dump = commands.add_parser("dump", help="write a plan as JSON (to stdout, or --out FILE)")
    dump.add_argument("plan", metavar="PLAN")
    dump.add_argument("--out", metavar="FILE")
    dump.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    dump.set_defaults(run=_cmd_dump)

    summary = commands.add_parser("summary", help="per group: places, sessions, days, hours of travel")
    summary.add_argument("plan", metavar="PLAN")
    summary.add_argument("--json", action="store_true", help="machine-readable output")
    summary.set_defaults(run=_cmd_summary)

    checker = commands.add_parser("check", help="check a plan; exit status 1 when there is an error")
    checker.add_argument("plan", metavar="PLAN")
    checker.add_argument("--json", action="store_true", help="machine-readable output")
    checker.set_defaults(run=_cmd_check)

    add_travel_command(commands)
    for register in (extra_commands or {}).values():  # commands living outside planner (e.g. export)
        register(commands)
    return parser


COMMANDS = ("sample", "import", "dump", "summary", "check", "travel")


def _looks_like_a_command(word: str | None) -> bool:
    """A bare word that names no file (``chek``) is a mistyped command, not a plan to open."""
    if not word or Path(word).exists():
        return False
    return Path(word).suffix == "" and "/" not in word and "\\" not in word


def run(argv: list[str] | None, open_app: Callable[[list[str]], int],
        extra_commands: dict[str, Callable] | None = None) -> int:
    """Run the command in ``argv``; with none, ``open_app(argv)`` (``main.py [PLAN]``).
    ``extra_commands`` maps names to functions that add a subparser (``register(subparsers)``)."""
    argv = sys.argv[1:] if argv is None else list(argv)
    for stream in (sys.stdout, sys.stderr):  # a console that cannot show Chinese gets escapes, not a crash
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    commands = (*COMMANDS, *(extra_commands or {}))
    if not argv or (argv[0] not in commands and not argv[0].startswith("-")):
        if _looks_like_a_command(argv[0] if argv else None):
            print(f"未知命令「{argv[0]}」（命令：{'、'.join(commands)}）；打开方案请给出文件路径 / "
                  f"unknown command {argv[0]!r} (commands: {', '.join(commands)}); "
                  "to open a plan, give its file's path", file=sys.stderr)
            return 2
        return open_app(argv)
    args = build_parser(extra_commands).parse_args(argv)
    if args.command is None:
        return open_app(argv)
    try:
        return args.run(args)
    except (PlanFileError, PlanImportError, PlanEditError, OutputPathError, ExportError, TravelPlaceError) as error:
        print(error, file=sys.stderr)
    except OSError as error:
        print(f"文件操作失败 / file error: {error}", file=sys.stderr)
    return 1
