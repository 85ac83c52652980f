"""Labels shown to people, declared once: the names of kinds, modes and roles in Chinese
and English, used by the tables, the map, the documents and the command line; and how
durations read ("约 2 小时 37 分", as organisers write them on paper)."""

from __future__ import annotations

from planner.model import (
    COST_ITEMS, DAY_KINDS, FEE_PER, GENDERS, LECTURER_LEVELS, LEG_MODES, MEASURE_STATUSES, PLACE_KINDS, PLENARY_KINDS,
    ROOM_TYPES, SESSION_KINDS, SITE_KINDS, TRAINING_CLASSES,
)
from planner.roles import SHIPPED_ROLES

# The budget (planner.budget).
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

# How far a follow-up measure (举措) has got.
MEASURE_STATUS_NAMES: dict[str, tuple[str, str]] = dict(zip(MEASURE_STATUSES, (
    ("未启动", "Not started"), ("推进中", "In progress"), ("已完成", "Done"), ("长期坚持", "Ongoing"),
), strict=True))

# Enumerations: value -> (Chinese, English).
ENUM_LABELS: dict[str, dict[str, tuple[str, str]]] = {
    "site_kind": dict(zip(SITE_KINDS, [
        ("企业", "Enterprise"), ("园区", "Park"), ("村", "Village"), ("市场", "Market"),
        ("会场", "Venue"), ("宾馆", "Hotel"), ("集合地点", "Gathering point"), ("其他", "Other"),
    ], strict=True)),
    "session_kind": dict(zip(SESSION_KINDS, [("现场教学", "On-site teaching"), ("座谈", "Talk"), ("活动", "Event")],
                             strict=True)),
    "plenary_kind": dict(zip(PLENARY_KINDS, [
        ("开班式", "Opening"), ("结业式", "Closing"), ("全体活动", "Plenary"), ("其他", "Other"),
    ], strict=True)),
    "leg_mode": dict(zip(LEG_MODES, [
        ("大巴", "Bus"), ("高铁", "High-speed rail"), ("航班", "Flight"), ("步行", "Walk"), ("其他", "Other"),
    ], strict=True)),
    "role": {role.code: (role.name, role.name_en) for role in SHIPPED_ROLES},
    "gender": dict(zip(GENDERS, [("", ""), ("男", "Male"), ("女", "Female")], strict=True)),
    "room_type": dict(zip(ROOM_TYPES, [("默认（领导单间、其他双人间）", "Default (leaders single, others twin)"),
                                       ("单间", "Single"), ("双人间", "Twin")], strict=True)),
    "place_kind": dict(zip(PLACE_KINDS, [("行政区划", "Division"), ("功能区（手动定位）", "Zone (placed by hand)")],
                           strict=True)),
    # Budget.
    "cost_item": ITEM_NAMES,
    "lecturer_level": {**LECTURER_LEVEL_NAMES, "": ("（未填）", "(not set)")},
    "fee_per": FEE_PER_NAMES,
    "day_kind": DAY_KIND_NAMES,
    "training_class": CLASS_NAMES,
    "budget_status": STATUS_NAMES,
    "measure_status": MEASURE_STATUS_NAMES,
}
ENUM_LABELS["leg_mode_optional"] = {None: ("按估算", "As estimated"), **ENUM_LABELS["leg_mode"]}

# The kinds of item, as a message names them.
KIND_NAMES: dict[str, tuple[str, str]] = {
    "programme": ("培训班", "programme"),
    "places": ("县（市、区）", "place"),
    "sites": ("现场教学点", "site"),
    "participants": ("学员", "participant"),
    "sessions": ("现场教学", "session"),
    "plenaries": ("全体活动", "plenary"),
    "groups": ("组", "group"),
    "legs": ("行车", "leg"),
    "lodgings": ("住宿", "lodging"),
    "roles": ("角色", "role"),
    "budget_lines": ("费用", "cost line"),
    "indicators": ("对标指标", "indicator"),
    "reflections": ("学习体会", "reflection"),
    "measures": ("举措", "measure"),
}

# Words the command line repeats in its --help (Chinese first, as everywhere).
PLAN_HELP = "方案文件（.stplan）/ the plan file (.stplan)"
JSON_HELP = "输出 JSON（供程序读取）/ machine-readable output (JSON)"
FORCE_HELP = "{out} 已存在时覆盖 / overwrite {out} if it exists"
DRY_RUN_HELP = "只打印预览，不写入 / only print the preview; write nothing"
SHEET_HELP = "要读取的工作表（默认：第一个有数据的）/ the sheet to read (default: the first with data)"
TIME_LIMIT_HELP = "求解时限，秒（默认 {default:g}）/ seconds to search (default {default:g})"

# A journey's leg, as schedules print it.
JOURNEY_NAMES = {"out": ("出发", "Departure"), "back": ("返程", "Return")}
# A leg whose way of travel is not known yet.
TRAVEL_NAME = ("行车", "Travel")


def label(table: str, value: str, english: bool = False) -> str:
    """The name of ``value`` in ``table`` of ``ENUM_LABELS`` (the value itself if unknown)."""
    names = ENUM_LABELS[table].get(value)
    if names is None:
        return value
    return names[1] if english else names[0]


def duration_text(minutes: int, english: bool = False) -> str:
    """157 -> '2 小时 37 分' (or '2 h 37 min'); 60 -> '1 小时'; 45 -> '45 分'."""
    hours, rest = divmod(max(0, round(minutes)), 60)
    if english:
        parts = (f"{hours} h" if hours else "", f"{rest} min" if rest or not hours else "")
    else:
        parts = (f"{hours} 小时" if hours else "", f"{rest} 分" if rest or not hours else "")
    return " ".join(x for x in parts if x)
