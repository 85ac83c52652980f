"""The printed 经费预算表: the budget in the layout finance offices use — items, unit
price, quantity, amount, the standard's cap beside each item, a signatures line — as
plain data for the PDF template (resources/templates/budget.html) and the Excel and
Word exports (``budget_table``)."""

from __future__ import annotations

from dataclasses import dataclass

from planner.budget.compute import Budget, CostLine, compute_budget, has_costs
from planner.budget.labels import CAPPED_ITEMS, CLASS_NAMES, ITEM_NAMES, OWN, UNCONFIRMED, yuan
from planner.documents import Documents, chinese_ordinal
from planner.documents.output import nothing_to_export
from planner.documents.table import Table

HEADING = "经费预算表"
COLUMNS = ("序号", "项目及明细", "单价（元）", "数量", "单位", "金额（元）", "标准限额（元）", "说明")
WIDTHS = (6, 38, 12, 9, 8, 14, 14, 30)
NUMBER_COLUMNS = (2, 3, 5, 6)  # written as numbers in Excel
SIGNERS = ("经办人：", "审核人：", "财务负责人：", "单位负责人：")
DATE_LINE = "（单位盖章）　　　　年　　月　　日"
NO_COSTS = ("方案中还没有填写任何费用或培训类别", "no costs or class of training have been entered yet")

# Row kinds.
ITEM, LINE, SUBTOTAL, TOTAL = "item", "line", "subtotal", "total"
ITEM_TITLES = {"other": "其他费用（含现场教学费）", "teachers": "师资费（综合定额外单独核算）"}


@dataclass(frozen=True)
class SheetRow:
    kind: str  # ITEM, LINE, SUBTOTAL or TOTAL
    number: str  # 一 / 1 / ''
    name: str
    unit_price: float | None = None
    quantity: float | None = None
    unit: str = ""
    amount: float | None = None
    cap: float | str | None = None  # 元 (an item's cap), or a limit as text (≤500/学时)
    note: str = ""
    refs: tuple[tuple[str, int], ...] = ()  # what a line comes from (a lodging, a session…)

    def cells(self) -> list[str]:
        """The row as text under COLUMNS."""
        cap = yuan(self.cap) if isinstance(self.cap, (int, float)) else (self.cap or "")
        return [self.number, self.name, "" if self.unit_price is None else yuan(self.unit_price),
                "" if self.quantity is None else f"{self.quantity:g}", self.unit,
                "" if self.amount is None else yuan(self.amount), cap, self.note]


@dataclass(frozen=True)
class BudgetSheet:
    title: str  # the programme's title
    facts: tuple[str, ...]  # class and standard; people and days
    rows: tuple[SheetRow, ...]
    notes: tuple[str, ...]  # the overrun, figures to be confirmed
    signers: tuple[str, ...]  # the signatures line: 经办人：… 单位负责人：
    date_line: str
    budget: Budget


def _basis(budget: Budget, rate: float) -> str:
    standard = budget.standard
    days = f"{budget.days} 天"
    if standard is not None and budget.days > standard.full_rate_days:
        beyond = budget.days - standard.full_rate_days
        days = f"（{standard.full_rate_days} 天 + {beyond} 天 × {standard.beyond_rate:.0%}）"
    return f"{rate:,.0f} 元/人天 × {budget.trainees} 人 × {days}"


def _line_note(docs: Documents, line: CostLine) -> str:
    """The note the organiser wrote on what the line comes from (a lodging, a hand-entered line)."""
    for kind, item_id in line.refs[:1]:
        if kind in ("lodgings", "budget_lines"):
            item = docs.plan.get(kind, item_id)
            return item.note if item is not None else ""
    return ""


def budget_sheet(docs: Documents, budget: Budget | None = None) -> BudgetSheet:
    """The sheet of the plan's budget. ExportError (nothing to export) for a plan without costs."""
    plan = docs.plan
    if not has_costs(plan):
        raise nothing_to_export(*NO_COSTS)
    budget = budget or compute_budget(plan, docs.timetable)
    rows: list[SheetRow] = []
    for n, item in enumerate(CAPPED_ITEMS + ("teachers",), 1):
        total = budget.by_item[item]
        if item == "teachers":
            rows.append(SheetRow(SUBTOTAL, "", "小计（综合定额内）", amount=budget.total, cap=budget.cap_total,
                                 note=_basis(budget, budget.rates.total) if budget.rates and budget.cap_total else ""))
            rows.append(SheetRow(SUBTOTAL, "", "人均每天", unit="元/人天", amount=budget.per_person_day,
                                 cap=budget.cap_per_person_day))
        note = ""
        if total.rate is not None and total.cap is not None:
            note = _basis(budget, total.rate) + ("（待核实）" if total.status == UNCONFIRMED else
                                                 "（方案自定）" if total.status == OWN else "")
        elif item == "teachers" and budget.standard is not None:
            note = f"讲课费（税后）按学时计，每半天最多 {budget.standard.hours_per_half_day} 学时"
        rows.append(SheetRow(ITEM, chinese_ordinal(n), ITEM_TITLES.get(item, ITEM_NAMES[item][0]),
                             amount=total.amount, cap=total.cap, note=note))
        for number, line in enumerate(budget.lines_of(item), 1):
            rows.append(SheetRow(LINE, str(number), line.name, line.unit_price, line.quantity, line.unit,
                                 line.amount, line.cap or None, _line_note(docs, line), line.refs))
    rows.append(SheetRow(TOTAL, "", "合计", amount=budget.grand_total))
    return BudgetSheet(plan.programme.title, _facts(docs, budget), tuple(rows), _notes(budget), SIGNERS, DATE_LINE,
                       budget)


def _facts(docs: Documents, budget: Budget) -> tuple[str, ...]:
    rates, standard = budget.rates, budget.standard
    if rates is not None:
        kind = f"培训类别：{rates.name}（{rates.who}）"
    elif budget.training_class is not None:
        kind = f"培训类别：{CLASS_NAMES[budget.training_class][0]}"
    else:
        kind = "培训类别：未设定"
    rule = f"执行标准：{standard.title}" if standard is not None else "执行标准：未知"
    staff = budget.people - budget.trainees
    days = f"培训天数：{budget.days} 天" + (f"（日程共 {budget.programme_days} 天）"
                                           if budget.days != budget.programme_days else "")
    return (f"{kind}　{rule}", f"参训人员：{budget.trainees} 人　工作人员：{staff} 人　{days}　时间：{docs.dates}")


def _notes(budget: Budget) -> tuple[str, ...]:
    notes = []
    if budget.exceeds:
        notes.append(f"※ 综合定额内合计 {yuan(budget.total)} 元，超出上限 {yuan(budget.cap_total)} 元 "
                     f"{yuan(budget.over)} 元，须调整或按规定报批。")
    if budget.rates is not None and budget.rates.status == UNCONFIRMED:
        notes.append("注：标“待核实”的定额数额尚未与正式文件核对，请以正式文件为准。")
    return tuple(notes)


def budget_table(docs: Documents) -> Table:
    """The sheet as a table for the Excel and Word exports."""
    sheet = budget_sheet(docs)
    rows = [row.cells() for row in sheet.rows]
    strong = frozenset(i for i, row in enumerate(sheet.rows) if row.kind != LINE)
    return Table(HEADING, f"{sheet.title}{HEADING}", "\n".join(sheet.facts), COLUMNS, WIDTHS, rows,
                 landscape=False, numbers=NUMBER_COLUMNS, strong=strong,
                 footer=(*sheet.notes, "　　　　　　".join(sheet.signers), sheet.date_line))
