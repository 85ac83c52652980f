"""``python main.py roster import|assign``: the roster from the command line.

Registered by ``main.py`` through ``add_roster_command``. Problems are printed as one
clear message, Chinese then English, with exit status 1 — never a traceback.
"""

from __future__ import annotations

import sys

from planner.labels import DRY_RUN_HELP, PLAN_HELP, SHEET_HELP
from planner.edits import PlanEditError
from planner.import_preview import write_previewed
from planner.roster.assign import SCOPE_NAMES, UNIT_MODE_NAMES, UNIT_MODES, assign_groups
from planner.roster.columns import FIELDS, IGNORE
from planner.roster.importer import preview_roster
from planner.roster.sources import RosterError
from planner.store import PlanFile, PlanFileError


def add_roster_command(subparsers) -> None:
    roster = subparsers.add_parser(
        "roster", help="学员：导入名单（xlsx、xls、csv），自动编组 / participants: import a roster (xlsx, xls, "
                       "csv), assign groups",
        description="学员名单 / participants: import a roster, assign people to groups.",
    )
    commands = roster.add_subparsers(dest="roster_command", metavar="SUBCOMMAND", required=True)
    importer = commands.add_parser(
        "import", help="把名单导入方案（先预览；有误时全部不写入）/ import a roster into a plan (preview, then "
                       "all good rows or nothing)",
        description="导入学员名单：先列出预览和有误的行；有误的行未加 --skip-bad 时不写入任何人（退出码 1）。"
        " / Import a roster: prints the preview and the bad rows; with a bad row and no --skip-bad "
        "nothing is written (exit status 1). Re-importing updates the people already in the plan.",
    )
    importer.add_argument("plan", metavar="PLAN", help=PLAN_HELP)
    importer.add_argument("file", metavar="FILE", help="名单：.xlsx、.xls 或 .csv（UTF-8 或 GBK）/ .xlsx, .xls or "
                                                       ".csv (UTF-8 or GBK)")
    importer.add_argument("--sheet", metavar="NAME", help=SHEET_HELP)
    importer.add_argument("--dry-run", action="store_true", help=DRY_RUN_HELP)
    importer.add_argument("--skip-bad", action="store_true",
                          help="导入无误的行，略去有误的行 / import the good rows, leave out the bad ones")
    importer.add_argument("--header-row", type=int, metavar="N",
                          help="找不到表头时，表头所在的行号 / the header's row number, when not found")
    importer.add_argument("--column", action="append", default=[], metavar="HEADER=FIELD",
                          help=f"把一列（表头、列字母或序号）对应到字段：{', '.join(FIELDS)}，留空则不导入该列"
                          f"（如 --column 联系方式=phone）/ map a column (its header, letter or number) to a field, "
                          "or to nothing to leave it out")
    importer.set_defaults(run=run_import)
    assign = commands.add_parser(
        "assign", help="为未分组的学员自动编组（座位、锁定、兴趣、单位、带队领导）/ place participants without "
                       "a group (seats, locks, interests, units, leaders)",
        description="学员自动编组：默认只安排未分组的人，已在组中的人一个不动；--reassign-all 重新分配所有人，"
        "带队领导和手动安排（锁定）的人除外。打印谁变动了、为什么。 / Group assignment: by default only "
        "people without a group are placed and nobody already in a group moves; --reassign-all places "
        "everyone again except group leaders and people placed by hand (locked). Prints who moved and why.",
    )
    assign.add_argument("plan", metavar="PLAN", help=PLAN_HELP)
    assign.add_argument("--units", choices=UNIT_MODES, default="any",
                        help="同一单位的人：together 同组、apart 分开、any 不限（默认）/ people of the same unit: "
                             "together, apart, or any (default)")
    assign.add_argument("--reassign-all", action="store_true",
                        help="所有人重新编组（带队领导和手动安排的人不动）/ place everyone again (group leaders and "
                             "people placed by hand stay)")
    assign.add_argument("--dry-run", action="store_true", help="只打印结果，不写入 / only print the result; write nothing")
    assign.add_argument("--verbose", action="store_true",
                        help="也列出不动的人及原因 / also print everyone who stays, with their reason")
    assign.set_defaults(run=run_assign)


def _mapping(pairs: list[str]) -> dict | None:
    mapping = {}
    for pair in pairs:
        header, sep, field = pair.partition("=")
        field = field.strip()
        if not sep or not header.strip() or (field and field not in FIELDS):
            raise RosterError(f"列映射「{pair}」无效，应为 列名=字段（字段：{'、'.join(FIELDS)}）",
                              f"bad column mapping '{pair}': use HEADER=FIELD (fields: {', '.join(FIELDS)})")
        mapping[header.strip()] = field or IGNORE
    return mapping or None


def _fail(error) -> int:
    """Print a refusal (Chinese, then English) and return exit status 1."""
    if isinstance(error, (RosterError, PlanEditError)):
        print(f"{error.message_zh}\n{error.message_en}", file=sys.stderr)
    else:
        print(error, file=sys.stderr)  # PlanFileError prints both languages
    return 1


def run_import(args) -> int:
    try:
        mapping = _mapping(args.column)
        with PlanFile.open(args.plan, readonly=args.dry_run) as plan_file:
            plan = plan_file.load()
            preview = preview_roster(plan, args.file, args.sheet, mapping, args.header_row)
            refused = (f"未写入任何人：有 {len(preview.bad)} 行有误（改正后重新导入，或加 --skip-bad 只导入正确的行）\n"
                       f"Nothing was written: {len(preview.bad)} row(s) are bad (fix them, or add --skip-bad "
                       "to import only the good rows)")
            if not write_previewed(plan_file, preview, dry_run=args.dry_run, skip_bad=args.skip_bad, refused=refused):
                return 1
            if args.dry_run:
                return 0
            skipped = f"，跳过 {len(preview.bad)} 行有误" if preview.bad else ""
            print(f"已导入{skipped} / imported: {preview.count('new')} new, {preview.count('update')} updated"
                  + (f", {len(preview.bad)} bad row(s) skipped" if preview.bad else ""))
            return 0
    except (RosterError, PlanFileError, PlanEditError) as error:
        return _fail(error)


def run_assign(args) -> int:
    try:
        with PlanFile.open(args.plan, readonly=args.dry_run) as plan_file:
            plan = plan_file.load()
            if not plan.participants:
                raise RosterError("方案中还没有学员，请先导入名单", "the plan has no participants: import a roster first")
            result = assign_groups(plan, args.units, reassign_all=args.reassign_all)
            zh, en = UNIT_MODE_NAMES[args.units]
            scope_zh, scope_en = SCOPE_NAMES[args.reassign_all]
            print(f"自动分组（{zh}，{scope_zh}）/ group assignment ({en}; {scope_en}):")
            print(result.report(plan, verbose=args.verbose))
            if args.dry_run:
                print("试运行，未写入 / dry run: nothing written")
                return 0
            edit = result.edit(plan)
            if edit.edits:
                plan_file.apply(edit)
            moved = len(result.moves(plan))
            print(f"已分组，{moved} 人换组或新入组 / assigned: {moved} participant(s) moved")
            return 0
    except (RosterError, PlanFileError, PlanEditError) as error:
        return _fail(error)
