"""The budget's names, Chinese and English, declared once (the app's forms, the pane, the
printed budget and the command line all read them here)."""

from __future__ import annotations

from planner.labels import (  # noqa: F401  (declared with the other labels; the budget reads them here)
    CAPPED_ITEMS, CLASS_NAMES, CONFIRMED, DAY_KIND_NAMES, FEE_PER_NAMES, ITEM_NAMES, LECTURER_LEVEL_NAMES, OWN,
    STATUS_NAMES, UNCONFIRMED,
)

# Units of quantity on the budget lines.
UNITS = {
    "room_night": ("间·晚", "room-nights"),
    "person_day": ("人·天", "person-days"),
    "vehicle_day": ("车·天", "vehicle-days"),
    "visit": ("场", "visits"),
    "person": ("人", "people"),
    "hour": ("学时", "hours"),
}


def yuan(amount: float | None) -> str:
    """12345.5 -> '12,345.50'; None -> '—'."""
    return "—" if amount is None else f"{amount:,.2f}"
