"""The budget's names, Chinese and English, declared once (the app's forms, the pane, the
printed budget and the command line all read them here)."""

from __future__ import annotations

from planner.model import COST_ITEMS, DAY_KINDS, FEE_PER, LECTURER_LEVELS, TRAINING_CLASSES

# The standard's items (综合定额 分项), and 师资费, which the standard caps apart.
ITEM_NAMES: dict[str, tuple[str, str]] = dict(zip(COST_ITEMS, (
    ("住宿费", "Lodging"),
    ("伙食费", "Meals"),
    ("场地、资料、交通费", "Venue, materials, transport"),
    ("其他费用", "Other (incl. on-site teaching)"),
    ("师资费", "Lecturers"),
)))
CAPPED_ITEMS = COST_ITEMS[:4]  # under the 综合定额; 师资费 is accounted separately

CLASS_NAMES: dict[int, tuple[str, str]] = dict(zip(TRAINING_CLASSES, (
    ("一类", "Class 1"), ("二类", "Class 2"), ("三类", "Class 3"),
)))

LECTURER_LEVEL_NAMES: dict[str, tuple[str, str]] = dict(zip(LECTURER_LEVELS, (
    ("", ""),
    ("副高级", "Associate senior title"),
    ("正高级", "Senior title"),
    ("院士、全国知名专家", "Academician or national expert"),
)))

FEE_PER_NAMES: dict[str, tuple[str, str]] = dict(zip(FEE_PER, (("每场", "per visit"), ("每人", "per person"))))

DAY_KIND_NAMES: dict[str, tuple[str, str]] = dict(zip(DAY_KINDS, (
    ("培训", "Training"), ("报到", "Arrival"), ("撤离", "Departure"),
)))

# How a figure of the standard stands.
CONFIRMED, UNCONFIRMED, OWN = "已核实", "待核实", "方案自定"
STATUS_NAMES = {CONFIRMED: ("已核实", "confirmed"), UNCONFIRMED: ("待核实", "to be confirmed"),
                OWN: ("方案自定", "set in this plan")}

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
