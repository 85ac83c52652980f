"""``python main.py budget PLAN [--json]``: the plan's budget against its fee standard
(registered into planner.cli's parser by ``main.py``). The JSON keys are documented in
docs/budget.md."""

from __future__ import annotations

import json

from planner.labels import JSON_HELP, PLAN_HELP
from planner.budget.compute import Budget, compute_budget
from planner.budget.labels import CLASS_NAMES, ITEM_NAMES, STATUS_NAMES, yuan
from planner.budget.standard import StandardsError
from planner.documents.output import ExportError
from planner.store import PlanFile


def add_budget_command(subparsers) -> None:
    budget = subparsers.add_parser(
        "budget", help="经费预算：每人每天的费用与培训费标准对照 / the plan's budget per trainee-day against "
                       "the training-fee standard",
        description="经费预算 / the budget: totals by the standard's items, per trainee-day, against the cap "
                    "for the class and length of the training (see docs/budget.md).")
    budget.add_argument("plan", metavar="PLAN", help=PLAN_HELP)
    budget.add_argument("--json", action="store_true", help=JSON_HELP)
    budget.set_defaults(run=run_budget)


def run_budget(args) -> int:
    with PlanFile.open(args.plan, readonly=True) as plan_file:
        plan = plan_file.load()
    try:
        budget = compute_budget(plan)
    except StandardsError as error:
        raise ExportError(str(error)) from None  # printed as one line by planner.cli
    if args.json:
        print(json.dumps(budget.to_json(), ensure_ascii=False, indent=2))
    else:
        print(format_budget(plan.programme.title, budget))
    return 0


def format_budget(title: str, budget: Budget) -> str:
    """The budget for the terminal: the standard, totals by item against their caps, the lines."""
    lines = [f"经费预算 / Budget — {title}"]
    standard, rates = budget.standard, budget.rates
    if rates is not None:
        status = STATUS_NAMES.get(rates.status, (rates.status, rates.status))
        lines.append(f"培训类别 / class: {rates.name}（{rates.who}）, {rates.total:,.0f} 元/人天 "
                     f"[{status[0]} / {status[1]}]")
    elif budget.training_class is None:
        lines.append("培训类别：未设定 / class of training: not set")
    else:
        lines.append(f"培训类别 / class: {CLASS_NAMES[budget.training_class][0]}（标准中没有 / not in the standard）")
    lines.append(f"标准 / standard: {standard.title if standard else '未知 / unknown'}")
    lines.append(f"参训人员 / trainees: {budget.trainees}; 食宿人数 / people: {budget.people}; "
                 f"天数 / days: {budget.days} (of {budget.programme_days})")
    lines.append("")
    for item, total in budget.by_item.items():
        zh, en = ITEM_NAMES[item]
        cap = f"定额 / cap {yuan(total.cap)}" if total.cap is not None else (
            "综合定额外单独核算 / accounted apart" if item == "teachers" else "定额 / cap —")
        lines.append(f"{zh} / {en}: {yuan(total.amount)}（{cap}）")
    lines.append(f"合计（综合定额内）/ total: {yuan(budget.total)}（上限 / cap {yuan(budget.cap_total)}）")
    lines.append(f"人均每天 / per trainee-day: {yuan(budget.per_person_day)}"
                 f"（定额 / cap {yuan(budget.cap_per_person_day)}）")
    lines.append(f"总计（含师资费）/ grand total: {yuan(budget.grand_total)}")
    if budget.exceeds:
        lines.append(f"超出定额 / over the cap by {yuan(budget.over)} 元")
    elif budget.cap_total is not None:
        lines.append("未超出定额 / within the cap")
    if budget.lines:
        lines.append("")
        lines.append("明细 / lines:")
        for line in budget.lines:
            lines.append(f"  [{ITEM_NAMES[line.item][0]}] {line.name}: {yuan(line.unit_price)} × "
                         f"{line.quantity:g} {line.unit} = {yuan(line.amount)}{'  ' + line.cap if line.cap else ''}")
    return "\n".join(lines)
