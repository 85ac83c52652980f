"""``python main.py indicators|reflections|measures import PLAN …``: material from outside.

Each prints the preview (what it would add or change, and what it cannot use and why);
with anything bad and no ``--skip-bad`` nothing is written and the exit status is 1;
``--dry-run`` only prints. Registered by ``main.py``.
"""

from __future__ import annotations

import sys

from planner.labels import DRY_RUN_HELP, PLAN_HELP, SHEET_HELP
from planner.edits import PlanEditError
from planner.import_preview import write_previewed
from planner.material.preview import MaterialError, Preview
from planner.store import PlanFile, PlanFileError


def _import_command(subparsers, name: str, help_text: str, description: str,
                    import_help: str, import_description: str, read):
    """``NAME import PLAN …`` with the options every import shares; the importer's
    parser, for the arguments of its own."""
    command = subparsers.add_parser(name, help=help_text, description=description)
    sub = command.add_subparsers(dest=f"{name}_command", metavar="SUBCOMMAND", required=True)
    importer = sub.add_parser("import", help=import_help, description=import_description)
    importer.add_argument("plan", metavar="PLAN", help=PLAN_HELP)
    importer.add_argument("--dry-run", action="store_true", help=DRY_RUN_HELP)
    importer.add_argument("--skip-bad", action="store_true",
                          help="导入无误的部分，略去有误的 / import the good parts, leave out the bad ones")
    importer.set_defaults(run=lambda args: _run(args, read))
    return importer


def add_indicators_command(subparsers) -> None:
    importer = _import_command(
        subparsers, "indicators",
        "对标指标：各县（市、区）的数据，用于对标手册（导入 xlsx）/ figures per place for the "
        "benchmarking handbook (import an xlsx)",
        "对标指标 / figures per place for the benchmarking handbook.",
        "导入指标：第一列“地区”，其后每列一个指标（名称（单位））/ import figures: first column "
        "地区, then one column per indicator (名称（单位）)",
        "导入对标指标：第一列“地区”（方案中的县（市、区），或本地），其后每列一个指标，表头为“名称（单位）”，"
        "可选“年份”“来源”列。/ Import figures: first column 地区 (a place of the plan, or the home place), then one "
        "column per indicator headed name（unit）, e.g. 地区生产总值（亿元）; optional 年份 and 来源 columns.",
        _read_indicators)
    importer.add_argument("file", metavar="FILE", help="xlsx 文件（或 xls、csv）/ .xlsx (or .xls, .csv)")
    importer.add_argument("--sheet", metavar="NAME", help=SHEET_HELP)
    importer.add_argument("--home", metavar="NAME", help="本地（对标的一方）是哪个“地区” / the 地区 that is the "
                                                         "home place (to name or change it)")


def add_reflections_command(subparsers) -> None:
    importer = _import_command(
        subparsers, "reflections",
        "学习体会：导入一个文件夹的 .docx / .txt 文件 / participants' reflections: import a "
        "folder of .docx / .txt files",
        "学习体会 / the participants' reflections.",
        "每人一个 .docx 或 .txt，按文件名或首行的姓名对应学员 / one .docx or .txt per "
        "participant, matched by the name in the file name or first line",
        "导入学习体会：每人一个 .docx 或 .txt 文件，按文件名或第一行中的姓名对应学员；无法对应的文件逐一列出。"
        " / Import one .docx or .txt per participant, matched by the name in the file name or the first line; "
        "files that match nobody are listed.",
        _read_reflections)
    importer.add_argument("folder", metavar="FOLDER", help="存放学习体会文件的文件夹 / the folder of the files")


def add_measures_command(subparsers) -> None:
    importer = _import_command(
        subparsers, "measures",
        "举措清单：读回 Excel 表格 / follow-up measures: read the Excel list back",
        "举措清单 / follow-up measures.",
        "读回举措清单（export --document measures --format xlsx 导出的表格）/ read the list "
        "(as exported with --document measures --format xlsx) back into the plan",
        "读回举措清单（export --document measures --format xlsx 导出的表格）：按“编号”更新，无编号的为新增。"
        " / Read the measures list back (as exported): rows update the measure of their 编号; rows without one are new.",
        _read_measures)
    importer.add_argument("file", metavar="FILE", help="xlsx 文件（或 xls、csv）/ .xlsx (or .xls, .csv)")
    importer.add_argument("--sheet", metavar="NAME", help=SHEET_HELP)


def _read_indicators(plan, args) -> Preview:
    from planner.material.indicators import read_indicators

    return read_indicators(plan, args.file, args.sheet, args.home)


def _read_reflections(plan, args) -> Preview:
    from planner.material.reflections import read_reflections

    return read_reflections(plan, args.folder)


def _read_measures(plan, args) -> Preview:
    from planner.material.measures import read_measures

    return read_measures(plan, args.file, args.sheet)


def _run(args, read) -> int:
    try:
        with PlanFile.open(args.plan, readonly=args.dry_run) as plan_file:
            preview = read(plan_file.load(), args)
            refused = (f"未写入：有 {len(preview.bad)} 处无法导入（改正后重新导入，或加 --skip-bad 只导入其余部分）\n"
                       f"Nothing was written: {len(preview.bad)} part(s) cannot be imported (fix them, or add "
                       "--skip-bad to import the rest)")
            if not write_previewed(plan_file, preview, dry_run=args.dry_run, skip_bad=args.skip_bad, refused=refused):
                return 1
            if not args.dry_run:
                print(f"已导入 / imported: {preview.summary()}")
            return 0
    except MaterialError as error:
        print(f"{error.message_zh}\n{error.message_en}", file=sys.stderr)
    except (PlanFileError, PlanEditError) as error:
        print(error, file=sys.stderr)
    return 1
