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
from planner.documents.output import ExportError
from planner.labels import FORCE_HELP, JSON_HELP, PLAN_HELP
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
        from planner.documents.output import write_atomic  # no half-written file if the disk fills up

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


class _Formatter(argparse.HelpFormatter):
    """argparse's help with its own words in Chinese first (they are English only)."""

    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, "用法 / usage: " if prefix is None else prefix)


class _SubParsers(argparse._SubParsersAction):
    """A command's help in the list is also the head of its own --help."""

    def add_parser(self, name, **kwargs):
        if "help" in kwargs:
            kwargs.setdefault("description", kwargs["help"])
        return super().add_parser(name, **kwargs)


class _Parser(argparse.ArgumentParser):
    """argparse speaking Chinese first: section titles, -h, usage and the error line."""

    def __init__(self, *args, add_help: bool = True, **kwargs):
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, add_help=False, **kwargs)
        self.register("action", "parsers", _SubParsers)
        self._positionals.title = "参数 / arguments"
        self._optionals.title = "选项 / options"
        if add_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                              help="显示本帮助并退出 / show this help and exit")

    def error(self, message: str):
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: 参数有误 / invalid arguments: {message}\n")


def build_parser(extra_commands: dict[str, Callable] | None = None) -> argparse.ArgumentParser:
    parser = _Parser(
        prog="main.py",
        description="考察方案编排 — 不带命令时打开桌面程序（可给出方案文件）；各命令另有 --help。\n"
                    "Study-tour planner — without a command, opens the app (on PLAN if given); "
                    "each command has its own --help.",
        formatter_class=_RawDescription,
    )
    parser.add_argument("--version", action="version", version=f"考察方案编排 study-tour-planner {__version__}",
                        help="显示版本并退出 / show the version and exit")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", title="命令 / commands")

    sample = commands.add_parser("sample", help="写出内置示例方案（湖南 2025）/ write the bundled sample plan "
                                                "(Hunan 2025) to OUT")
    sample.add_argument("out", metavar="OUT", help="要写入的方案文件 / the plan file to write")
    sample.add_argument("--force", action="store_true", help=FORCE_HELP.format(out="OUT"))
    sample.set_defaults(run=_cmd_sample)

    importer = commands.add_parser("import", help="从 JSON（完整或简化格式）导入为新方案文件 / import a plan "
                                                  "(full or minimal JSON) into a new plan file")
    importer.add_argument("input", metavar="IN.json", help="要读取的 JSON 文件 / the JSON file to read")
    importer.add_argument("out", metavar="OUT", help="要写入的方案文件 / the plan file to write")
    importer.add_argument("--force", action="store_true", help=FORCE_HELP.format(out="OUT"))
    importer.set_defaults(run=_cmd_import)

    dump = commands.add_parser("dump", help="以 JSON 输出方案（到屏幕，或 --out 文件）/ write a plan as JSON "
                                            "(to stdout, or --out FILE)")
    dump.add_argument("plan", metavar="PLAN", help=PLAN_HELP)
    dump.add_argument("--out", metavar="FILE", help="写入此 JSON 文件而不是屏幕 / write to this JSON file, "
                                                    "not to stdout")
    dump.add_argument("--force", action="store_true", help=FORCE_HELP.format(out="FILE"))
    dump.set_defaults(run=_cmd_dump)

    summary = commands.add_parser("summary", help="按组和日：县（市、区）、现场教学、首末时间、车程 / per group "
                                                  "and day: places, sessions, first and last times, travel")
    summary.add_argument("plan", metavar="PLAN", help=PLAN_HELP)
    summary.add_argument("--json", action="store_true", help=JSON_HELP)
    summary.set_defaults(run=_cmd_summary)

    checker = commands.add_parser("check", help="检查方案；有错误时退出码为 1 / check a plan; exit status 1 "
                                                "when there is an error")
    checker.add_argument("plan", metavar="PLAN", help=PLAN_HELP)
    checker.add_argument("--json", action="store_true", help=JSON_HELP)
    checker.set_defaults(run=_cmd_check)

    add_travel_command(commands)
    for register in (extra_commands or {}).values():  # commands living outside planner (e.g. export)
        register(commands)
    return parser


class _RawDescription(_Formatter, argparse.RawDescriptionHelpFormatter):
    """The main help's description keeps its two lines (Chinese, then English)."""


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
