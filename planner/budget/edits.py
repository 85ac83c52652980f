"""The budget's editing rules, as named operations: pure functions from the plan to the
edit that carries out the organiser's change (the 经费 pane only calls these)."""

from __future__ import annotations

from planner.edits import Delete, Edit, Insert, Update, UpdateProgramme
from planner.model import COST_ITEMS, Plan


def set_day_costs(plan: Plan, day: int, **changes) -> Edit | None:
    """A day's 报到/撤离 kind or meal price (``kind=…``, ``meal_price=…``): the day's
    settings are updated, or made when it has none. None when nothing changes."""
    setting = next((s for s in plan.day_settings if s.day == day), None)
    if setting is None:
        if all(value in ("", None) for value in changes.values()):
            return None
        return Insert("day_settings", {"day": day, **changes})
    changed = {name: value for name, value in changes.items() if getattr(setting, name) != value}
    return Update("day_settings", setting.id, changed) if changed else None


def set_fee_cap(plan: Plan, item: str, training_class: int | None, amount: float | None) -> Edit | None:
    """The organiser's own figure for a cap (``amount``), or back to the standard's (None)."""
    cap = next((c for c in plan.fee_caps if c.item == item and c.training_class == training_class), None)
    if amount is None:
        return Delete("fee_caps", cap.id) if cap is not None else None
    if cap is None:
        return Insert("fee_caps", {"item": item, "training_class": training_class, "amount": float(amount)})
    return Update("fee_caps", cap.id, {"amount": float(amount)}) if cap.amount != amount else None


def add_budget_line(item: str = "other", name: str = "新费用") -> Edit:
    """A line entered by hand under one of the standard's items, to be filled in."""
    return Insert("budget_lines", {"name": name, "item": item if item in COST_ITEMS else "other",
                                   "unit_price": 0.0, "quantity": 1.0})


def set_programme_costs(plan: Plan, **changes) -> Edit | None:
    """The class of training, the standard, the default meal price. None when nothing changes."""
    changed = {name: value for name, value in changes.items() if getattr(plan.programme, name) != value}
    return UpdateProgramme(changed) if changed else None
