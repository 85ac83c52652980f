"""The budget's findings (registered in ``planner.checks.CHECKS``): the plan over its cap
(error), an item or a lecturer's fee over its limit and 报到 / 撤离 days beyond the
allowance (warnings), what is not priced yet (notes). Silent until the organiser starts
a budget (``has_costs``): a plan without costs is not being budgeted."""

from __future__ import annotations

from planner.budget.compute import Budget, compute_budget, has_costs, lecture_title, lecturer_cap, lectures, span_label
from planner.budget.labels import CAPPED_ITEMS, CLASS_NAMES, ITEM_NAMES, LECTURER_LEVEL_NAMES, UNCONFIRMED, yuan
from planner.budget.standard import StandardsError, plan_standard
from planner.findings import ERROR, INFO, WARNING, Finding

HALF_DAY_BOUNDS = (12 * 60, 18 * 60)  # morning until noon, afternoon until 18:00, then evening


def half_days(start: int | None, end: int | None) -> int:
    """How many half-days (morning, afternoon, evening) the span touches; 1 when not timed."""
    if start is None or end is None or end <= start:
        return 1
    periods = set()
    minute = start
    while minute < end:
        day, time = divmod(minute, 24 * 60)
        period = sum(1 for bound in HALF_DAY_BOUNDS if time >= bound)
        periods.add((day, period))
        bounds = [b for b in (*HALF_DAY_BOUNDS, 24 * 60) if b > time]
        minute = day * 24 * 60 + bounds[0]
    return len(periods)


def check_budget(ctx):
    plan = ctx.plan
    if not has_costs(plan):
        return
    programme = plan.programme
    try:
        standard = plan_standard(plan)
    except StandardsError as error:  # a broken install: said once, no budget figures
        yield Finding(ERROR, "budget-standards-unreadable", str(error).split(" / ")[0],
                      str(error).split(" / ")[-1])
        return
    if standard is None:
        yield Finding(WARNING, "budget-unknown-standard",
                      f"经费标准「{programme.fee_standard}」在本程序中没有，经费无法对照标准",
                      f"The fee standard '{programme.fee_standard}' is not known to this app; the budget is not "
                      f"checked against a standard")
    budget = compute_budget(plan, ctx.timetable)
    if programme.training_class is None:
        yield Finding(INFO, "budget-no-class", "未设定培训类别（一类、二类、三类），经费无法对照综合定额",
                      "No class of training (1, 2 or 3) is set, so the budget is not checked against a cap")
    if budget.trainees == 0:
        yield Finding(INFO, "budget-no-trainees", "方案中没有学员（参训人员），无法按人天核算经费",
                      "The plan has no trainees, so there is no cost per trainee-day")
    yield from _over_cap(budget, ERROR, WARNING, Finding)
    if standard is not None:
        yield from _arrival_departure(plan, budget, standard, WARNING, Finding)
        yield from _lecturers(ctx, standard, WARNING, INFO, Finding)
    yield from _missing_prices(plan, INFO, Finding)


def _basis(budget: Budget) -> tuple[str, str]:
    """'× 40 人 × 5 天' and its English, with the share beyond the full-rate days."""
    standard = budget.standard
    days = budget.days
    if standard is not None and days > standard.full_rate_days:
        beyond = days - standard.full_rate_days
        share = f"{standard.beyond_rate:.0%}"
        return (f"× {budget.trainees} 人 ×（{standard.full_rate_days} 天 + {beyond} 天 × {share}）",
                f"× {budget.trainees} trainees × ({standard.full_rate_days} days + {beyond} days at {share})")
    return f"× {budget.trainees} 人 × {days} 天", f"× {budget.trainees} trainees × {days} days"


def _over_cap(budget: Budget, error, warning, finding):
    rates = budget.rates
    if rates is None or budget.cap_total is None:
        return
    basis_zh, basis_en = _basis(budget)
    doubt_zh = "（标准数额待核实）" if rates.status == UNCONFIRMED else ""
    doubt_en = " (the standard's figure is to be confirmed)" if rates.status == UNCONFIRMED else ""
    class_zh, class_en = CLASS_NAMES[budget.training_class]
    if budget.exceeds:
        yield finding(
            error, "budget-over-cap",
            f"经费超出{class_zh}培训综合定额：合计 {yuan(budget.total)} 元，上限 {yuan(budget.cap_total)} 元"
            f"（{rates.total:,.0f} 元/人天 {basis_zh}），超出 {yuan(budget.over)} 元；"
            f"人均每天 {yuan(budget.per_person_day)} 元，定额 {yuan(budget.cap_per_person_day)} 元{doubt_zh}",
            f"The budget is over the {class_en} cap: {yuan(budget.total)} yuan against a cap of "
            f"{yuan(budget.cap_total)} ({rates.total:,.0f} yuan per trainee-day {basis_en}), "
            f"{yuan(budget.over)} over; {yuan(budget.per_person_day)} per trainee-day against "
            f"{yuan(budget.cap_per_person_day)}{doubt_en}",
            _refs(budget, CAPPED_ITEMS),
        )
    for item in CAPPED_ITEMS:
        total = budget.by_item[item]
        if total.cap is None or not total.over:
            continue
        zh, en = ITEM_NAMES[item]
        yield finding(
            warning, "budget-item-over-cap",
            f"{zh} {yuan(total.amount)} 元超过该项定额 {yuan(total.cap)} 元（{total.rate:,.0f} 元/人天 {basis_zh}），"
            f"超出 {yuan(total.over)} 元；各项之间可以调剂，总额不得超过综合定额",
            f"{en}: {yuan(total.amount)} yuan is over its share of the cap, {yuan(total.cap)} "
            f"({total.rate:,.0f} yuan per trainee-day {basis_en}), by {yuan(total.over)}; items may be balanced "
            f"against each other within the total cap",
            _refs(budget, (item,)),
        )


def _refs(budget: Budget, items) -> tuple:
    seen = []
    for line in budget.lines:
        if line.item in items and line.refs and line.refs[0] not in seen:
            seen.append(line.refs[0])
    return tuple(seen[:20])


def _arrival_departure(plan, budget: Budget, standard, warning, finding):
    days = {"arrival": budget.arrival_days, "departure": budget.departure_days}
    if standard.combined:
        both = sorted(budget.arrival_days + budget.departure_days)
        if len(both) > standard.arrival_days:
            extra = len(both) - standard.arrival_days
            yield finding(
                warning, "arrival-departure-days",
                f"报到、撤离共安排 {len(both)} 天（{span_label(both)}），{standard.name}只允许合计 "
                f"{standard.arrival_days} 天：多出的 {extra} 天不计入培训天数，其费用仍计入合计",
                f"Arrival and departure take {len(both)} days; {standard.name_en or standard.name} allows "
                f"{standard.arrival_days} in all: the {extra} extra day(s) are not counted as training days",
                _day_refs(plan, both),
            )
        return
    for kind, zh, en, allowed in (("arrival", "报到", "Arrival", standard.arrival_days),
                                  ("departure", "撤离", "Departure", standard.departure_days)):
        marked = days[kind]
        if len(marked) > allowed:
            extra = len(marked) - allowed
            yield finding(
                warning, "arrival-departure-days",
                f"{zh}安排了 {len(marked)} 天（{span_label(marked)}），标准只允许 {allowed} 天：多出的 {extra} 天"
                f"不计入培训天数（按 {budget.days} 天核定），其费用仍计入合计",
                f"{en} takes {len(marked)} days; the standard allows {allowed}: the {extra} extra day(s) are not "
                f"counted as training days (the cap is for {budget.days} days)",
                _day_refs(plan, marked),
            )


def _day_refs(plan, days) -> tuple:
    return tuple(("day_settings", s.id) for s in plan.day_settings if s.day in days)


def _lecturers(ctx, standard, warning, info, finding):
    plan = ctx.plan
    limit = standard.hours_per_half_day
    for kind, item in lectures(plan):
        title = lecture_title(plan, kind, item)
        who = item.lecturer or "讲课人"
        ref = ((kind, item.id),)
        cap = lecturer_cap(standard, item.lecturer_level)
        level_zh, level_en = LECTURER_LEVEL_NAMES.get(item.lecturer_level, ("", ""))
        if item.lecture_fee is not None and cap is not None and item.lecture_fee > cap:
            yield finding(
                warning, "lecture-fee-over-cap",
                f"「{title}」{who}（{level_zh}）讲课费 {item.lecture_fee:,.0f} 元/学时，超过{level_zh}上限 "
                f"{cap:,.0f} 元/学时（税后）",
                f"'{title}': the lecture fee of {who} ({level_en}), {item.lecture_fee:,.0f} yuan per hour, is over "
                f"the {level_en} limit of {cap:,.0f} per hour (after tax)",
                ref,
            )
        if item.lecture_fee is not None and not item.lecturer_level:
            yield finding(
                info, "lecturer-without-level",
                f"「{title}」的讲课人没有填写职称级别，讲课费无法对照标准",
                f"'{title}': the lecturer has no title level, so the fee is not checked against the standard",
                ref,
            )
        if item.lecture_hours is not None:
            slot = ctx.timetable.slot_of("plenary" if kind == "plenaries" else "session", item.id)
            start, end = (slot.start, slot.end) if slot is not None else (item.start, item.end)
            allowed = limit * half_days(start, end)
            if item.lecture_hours > allowed:
                yield finding(
                    warning, "lecture-hours-over-limit",
                    f"「{title}」按 {item.lecture_hours:g} 学时计讲课费，每半天最多按 {limit} 学时计算"
                    f"（此场最多 {allowed} 学时）",
                    f"'{title}' counts {item.lecture_hours:g} lecture hours; at most {limit} are counted per "
                    f"half-day ({allowed} for this one)",
                    ref,
                )


def _missing_prices(plan, info, finding):
    lodgings = [l for l in plan.lodgings if l.room_price is None]
    if lodgings:
        yield finding(
            info, "price-missing",
            f"{len(lodgings)} 晚住宿没有填写房价（元/间·晚），未计入经费",
            f"{len(lodgings)} lodging night(s) have no room price (yuan per room-night) and are not in the budget",
            tuple(("lodgings", l.id) for l in lodgings),
        )
    unpriced = [d for d in range(1, plan.programme.days + 1)
                if plan.programme.meal_price is None
                and not any(s.day == d and s.meal_price is not None for s in plan.day_settings)]
    if unpriced:
        yield finding(
            info, "price-missing",
            f"{span_label(unpriced)}没有伙食标准（元/人天），未计入经费",
            f"No meal price (yuan per person-day) on day(s) {', '.join(map(str, unpriced))}: not in the budget",
        )
    groups = [g for g in plan.ordered_groups() if g.vehicle_price is None and plan.sessions_of(g.id)]
    if groups:
        names = "、".join(g.name for g in groups)
        yield finding(
            info, "price-missing",
            f"{names}没有填写车辆费用（元/天），未计入经费",
            f"{', '.join(g.name for g in groups)}: no vehicle price (yuan per day), not in the budget",
            tuple(("groups", g.id) for g in groups),
        )
    incomplete = [(kind, x) for kind, x in lectures(plan) if x.lecture_fee is None or x.lecture_hours is None]
    if incomplete:
        yield finding(
            info, "price-missing",
            f"{len(incomplete)} 场讲课没有填写讲课费或学时，未计入师资费",
            f"{len(incomplete)} lecture(s) lack a fee or hours and are not in the lecturers' fees",
            tuple((kind, x.id) for kind, x in incomplete),
        )
