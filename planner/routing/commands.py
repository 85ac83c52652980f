"""The ``route``, ``optimise`` and ``plan-groups`` commands (registered from main.py).

Each prints its result to stdout; a problem goes to stderr as one clear message
(Chinese, then English) with exit status 1 — never a traceback.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from planner.checks import check
from planner.findings import ERROR
from planner.labels import FORCE_HELP, PLAN_HELP, TIME_LIMIT_HELP
from planner.jsonio import load_json_file, plan_from_json
from planner.limits import input_file_problem
from planner.output_path import check_plan_output
from planner.progress import Cancelled
from planner.routing.core import RoutingError
from planner.routing.path import solve_path
from planner.store import PlanFile, PlanFileError

DEFAULT_COMMAND_TIME_LIMIT = 5.0
# optimise searches again until nothing improves and stops there: the whole sample
# settles in 14-17 s on a 2-core machine, so 5 s would stop it short (a second run would
# still find minutes); the limit only costs time when the search needs it.
DEFAULT_OPTIMISE_TIME_LIMIT = 30.0
MAX_DAYS = 366  # a programme's longest (the plan file's own limit)
MAX_GROUPS = 50


def _fail(message: str) -> int:
    print(message, file=sys.stderr)
    return 1


def _time_limit(value: str) -> float:
    import argparse

    try:
        seconds = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"不是秒数 / not a number of seconds: {value!r}") from None
    if not 0 < seconds <= 3600:
        raise argparse.ArgumentTypeError(f"时间限制须在 0 到 3600 秒之间 / must be between 0 and 3600 seconds: {value}")
    return seconds


def _whole_number(value: str, highest: int | None = None) -> int:
    import argparse

    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"不是整数 / not a whole number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"须为正整数 / must be at least 1: {value}")
    if highest is not None and number > highest:
        raise argparse.ArgumentTypeError(f"不能大于 {highest} / must be at most {highest}: {value}")
    return number


def _positive(value: str) -> int:
    return _whole_number(value)


def _days(value: str) -> int:
    return _whole_number(value, MAX_DAYS)


def _groups(value: str) -> int:
    return _whole_number(value, MAX_GROUPS)


# ---------------------------------------------------------------------------- route

def _cmd_route(args) -> int:
    path = Path(args.matrix)
    problem = input_file_problem(path)  # a named pipe would block the read
    if problem:
        return _fail(f"无法读取矩阵文件「{path}」：{problem[0]} / cannot read the matrix file: {problem[1]}")
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        return _fail(f"无法读取矩阵文件「{path}」/ cannot read the matrix file: {error.strerror or error}")
    except UnicodeDecodeError:
        return _fail(f"矩阵文件「{path}」不是 UTF-8 文本 / the matrix file is not UTF-8 text")
    try:
        matrix = json.loads(text)
    except RecursionError:
        return _fail(f"矩阵文件「{path}」嵌套过深 / the matrix file is nested too deeply")
    except ValueError as error:
        return _fail(f"矩阵文件「{path}」不是有效的 JSON（第 {getattr(error, 'lineno', '?')} 行）/ "
                     f"the matrix file is not valid JSON: {error}")
    try:
        order, cost = solve_path(matrix, round_trip=args.round_trip, time_limit=args.time_limit)
    except RoutingError as error:
        return _fail(f"矩阵无效「{path}」：{error.message_zh} / invalid matrix: {error.message_en}")
    print(json.dumps({"order": order, "cost": cost}))
    return 0


def add_route_command(commands) -> None:
    route = commands.add_parser(
        "route", help="按 JSON 费用矩阵排定各站顺序（第 0 行/列为起点），输出 {order, cost} / order stops "
                      "from a JSON cost matrix (row/column 0 is the start); prints {order, cost}")
    route.add_argument("--matrix", required=True, metavar="FILE.json",
                       help="方阵：整数费用的列表的列表 / square list of lists of whole-number costs")
    route.add_argument("--round-trip", action="store_true",
                       help="回到起点 0（费用含返程）/ come back to 0 (the cost includes the way back)")
    route.add_argument("--time-limit", type=_time_limit, default=2.0, metavar="S",
                       help=TIME_LIMIT_HELP.format(default=2))
    route.set_defaults(run=_cmd_route)


# ---------------------------------------------------------------------------- optimise

def _cmd_optimise(args) -> int:
    from planner.editing import edit_plan
    from planner.routing.plan_routes import format_proposal, propose_optimisation

    if args.out:  # before the search, not after it
        check_plan_output(args.out, reading=(args.plan,), force=args.force)
    try:
        with PlanFile.open(args.plan, readonly=bool(args.out)) as plan_file:
            plan = plan_file.load()
            proposal = propose_optimisation(plan, args.group, args.day, time_limit=args.time_limit,
                                            allow_longer_days=args.allow_longer_days)
            if proposal.timed_out and not proposal.changed:
                return _fail("优化失败 / optimisation failed: 在时间限制内没有找到更好的路线，请加长计算时间 / "
                             "no better route was found within the time limit: allow more time")
            print(format_proposal(proposal))
            if args.out:
                with PlanFile.create(args.out, proposal.after, overwrite=args.force):
                    pass
                print(f"已写入 / written: {args.out}")
            elif proposal.changed:
                edit_plan(plan_file, plan, proposal.edit, proposal.label)
                print(f"已更新 / updated: {args.plan}")
    except RoutingError as error:
        return _fail(f"优化失败 / optimisation failed: {error.message_zh} / {error.message_en}")
    return 0


def add_optimise_command(commands) -> None:
    optimise = commands.add_parser(
        "optimise", help="优化路线：调整各站的顺序，也可在天与天之间调整（一个组、一天或全部），输出前后车程 / "
                         "improve a plan's routes, moving visits between days too (a group, a day, or all); "
                         "prints travel before/after")
    optimise.add_argument("plan", metavar="PLAN", help=PLAN_HELP)
    optimise.add_argument("--group", type=_positive, metavar="N", help="只优化此组（组的编号）/ only this group (its id)")
    optimise.add_argument("--day", type=_days, metavar="D", help="只优化这一天 / only this day")
    optimise.add_argument("--time-limit", type=_time_limit, default=DEFAULT_OPTIMISE_TIME_LIMIT, metavar="S",
                          help=TIME_LIMIT_HELP.format(default=DEFAULT_OPTIMISE_TIME_LIMIT))
    optimise.add_argument("--allow-longer-days", action="store_true",
                          help="允许某天超出其作息时间、增加警告，以换取更少车程 / a day may run further past its "
                               "window, and warnings may be added, for less travel")
    optimise.add_argument("--out", metavar="NEW_PLAN", help="结果写入新文件，PLAN 不变 / write the result here "
                                                            "and leave PLAN as it is")
    optimise.add_argument("--force", action="store_true", help=FORCE_HELP.format(out="NEW_PLAN"))
    optimise.set_defaults(run=_cmd_optimise)


# ---------------------------------------------------------------------------- plan-groups

def load_places_plan(path: str):
    """A plan to plan groups from: a plan file, a full JSON plan, or a minimal JSON plan
    whose ``places`` list (no groups needed) names the places to visit."""
    from planner.minimal import expand_minimal_plan

    if Path(path).suffix.lower() != ".json":
        with PlanFile.open(path, readonly=True) as plan_file:
            return plan_file.load()
    document = load_json_file(path)
    if isinstance(document, dict) and document.get("format") == "study-tour-plan":
        return plan_from_json(document, source=path)
    if isinstance(document, dict) and "places" in document:
        document = dict(document)
        places = document.pop("places")
        if not isinstance(places, list) or not places:
            raise RoutingError(f"「{path}」的 places 应为非空列表", f"'places' in {path} must be a non-empty list")
        if "groups" in document:
            raise RoutingError(f"「{path}」同时给了 places 和 groups，请只给其一",
                               f"{path} has both 'places' and 'groups': give one of them")
        document["groups"] = [{"places": places}]
    return expand_minimal_plan(document, source=path)


def _cmd_plan_groups(args) -> int:
    from planner.routing.split import explain, plan_groups, total_travel

    check_plan_output(args.out, reading=(args.plan,), force=args.force)  # before the search
    max_travel = round(args.max_travel * 60)
    try:
        plan = load_places_plan(args.plan)
        planned = plan_groups(plan, args.groups, args.days, spread=args.spread, max_travel=max_travel,
                              time_limit=args.time_limit)
    except RoutingError as error:
        return _fail(f"分组规划失败 / planning groups failed: {error.message_zh} / {error.message_en}")
    except Cancelled:
        return _fail("已取消 / cancelled")
    with PlanFile.create(args.out, planned, overwrite=args.force):
        pass
    errors = [f for f in check(planned) if f.severity == ERROR]
    for group in planned.ordered_groups():
        names = [p.name for p in planned.route_places(group.id)]
        print(f"{group.name}: {' → '.join(names)}")
    if plan.sessions and plan.groups:
        print(f"原方案总行车 / travel of the input routes: {total_travel(plan)} 分钟 / min")
    print(f"规划后总行车 / travel of the planned routes: {total_travel(planned)} 分钟 / min")
    print(f"检查：{len(errors)} 个错误 / check: {len(errors)} error(s)")
    print(f"已写入 / written: {args.out}")
    for zh, en in explain(planned, max_travel):  # what is wrong, if anything: the plan is written to be edited
        print(f"提示：{zh} / note: {en}", file=sys.stderr)
    return 0


def _hours(value: str) -> float:
    import argparse

    try:
        hours = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"不是小时数 / not a number of hours: {value!r}") from None
    if not 0.5 <= hours <= 24:
        raise argparse.ArgumentTypeError(f"须在 0.5 到 24 小时之间 / must be between 0.5 and 24 hours: {value}")
    return hours


def add_plan_groups_command(commands) -> None:
    from planner.routing.split import DEFAULT_MAX_TRAVEL, SPREADS

    planner_ = commands.add_parser(
        "plan-groups", help="各组路线规划：把方案的县（市、区）分给 N 个组、排进 D 天 / plan groups from "
                            "scratch: split a plan's places among N groups over D days")
    planner_.add_argument("plan", metavar="PLAN", help="方案文件，或含县（市、区）的（简化）JSON 方案 / a plan "
                                                       "file, or a (minimal) JSON plan with its places")
    planner_.add_argument("--groups", type=_groups, required=True, metavar="N",
                          help=f"组数，1 至 {MAX_GROUPS} / groups, 1 to {MAX_GROUPS}")
    planner_.add_argument("--days", type=_days, required=True, metavar="D",
                          help=f"天数，1 至 {MAX_DAYS} / days, 1 to {MAX_DAYS}")
    planner_.add_argument("--spread", choices=SPREADS, default="even",
                          help="even：各天尽量一样满（默认）；front：从第一天排满，空闲的天留在最后 / "
                               "even: days as equally full as the places allow (default); "
                               "front: fill the days from the first, the free ones at the end")
    planner_.add_argument("--max-travel", type=_hours, default=DEFAULT_MAX_TRAVEL / 60, metavar="H",
                          help=f"每天最多车程（小时，去程和返程不计，默认 {DEFAULT_MAX_TRAVEL / 60:g}）/ "
                               f"hours of travel a day, the journey out and home not counted "
                               f"(default {DEFAULT_MAX_TRAVEL / 60:g})")
    planner_.add_argument("--time-limit", type=_time_limit, default=DEFAULT_COMMAND_TIME_LIMIT, metavar="S",
                          help=TIME_LIMIT_HELP.format(default=DEFAULT_COMMAND_TIME_LIMIT))
    planner_.add_argument("--out", required=True, metavar="NEW_PLAN",
                          help="结果写入的新方案文件 / the new plan file to write")
    planner_.add_argument("--force", action="store_true", help=FORCE_HELP.format(out="NEW_PLAN"))
    planner_.set_defaults(run=_cmd_plan_groups)


__all__ = ["add_route_command", "add_optimise_command", "add_plan_groups_command", "PlanFileError"]
