"""How a leg reads in print and on screen: the mode, and for a train or a flight the
stations or airports and the ride ("高铁 南京南站 → 上海虹桥站 约 1 小时 30 分").

G-train and flight times are not known offline, so a ride is always "about" (约) and
named by its stations, never by a train number or a departure time.
"""

from __future__ import annotations

from planner.labels import duration_text, label
from planner.travel.options import Part

# The parts of a door-to-door option (the modes' names are planner.labels').
PART_NAMES = {"drive": "乘车", "walk": "步行", "boarding": "候车（检票、安检）", "train": "高铁",
              "check_in": "值机、安检", "flight": "航班", "arrival": "下机、取行李"}
PART_NAMES_EN = {"drive": "by coach", "walk": "on foot", "boarding": "boarding (tickets, security)",
                 "train": "train", "check_in": "check-in and security", "flight": "flight",
                 "arrival": "leaving the aircraft, bags"}
_RIDES = {"high_speed_rail": "train", "flight": "flight"}  # the part a mode is named by


def duration_zh(minutes: int) -> str:
    """'45 分', '2 小时', '1 小时 30 分'."""
    return duration_text(minutes)


def duration_en(minutes: int) -> str:
    """'45 min', '2 h', '1 h 30 min'."""
    return duration_text(minutes, english=True)


def mode_name(mode: str, english: bool = False) -> str:
    return label("leg_mode", mode or "", english)


def ride(mode: str, parts: tuple[Part, ...]) -> Part | None:
    """The train or the flight of a rail or air option (None for other modes)."""
    kind = _RIDES.get(mode)
    return next((p for p in parts if p.kind == kind), None) if kind else None


def describe(mode: str, minutes: int | None, parts: tuple[Part, ...] = ()) -> str:
    """A leg for print: '高铁 南京南站 → 上海虹桥站 约 1 小时 30 分', '大巴 约 1 小时 20 分';
    without parts (or minutes) what is known: '高铁 约 2 小时', '航班'."""
    name = mode_name(mode)
    main = ride(mode, parts)
    if main is not None:
        return f"{name} {main.start} → {main.end} 约 {duration_zh(main.minutes)}"
    if not minutes or minutes <= 0:
        return name
    return f"{name} 约 {duration_zh(minutes)}"


def describe_en(mode: str, minutes: int | None, parts: tuple[Part, ...] = ()) -> str:
    """The English of ``describe``: 'high-speed rail 南京南站 → 上海虹桥站, about 1 h 30 min'."""
    name = mode_name(mode, english=True)
    main = ride(mode, parts)
    if main is not None:
        return f"{name} {main.start} → {main.end}, about {duration_en(main.minutes)}"
    if not minutes or minutes <= 0:
        return name
    return f"{name}, about {duration_en(minutes)}"


def part_line(part: Part, english: bool = False, start: str = "", end: str = "") -> str:
    """One part as a line of a list: '乘车 义乌国际商贸城 → 义乌站 18 分钟',
    '高铁 南京南站 → 上海虹桥站 1 小时 30 分'. ``start`` and ``end`` name the organiser's
    stops where the part begins or ends there."""
    name = (PART_NAMES_EN if english else PART_NAMES).get(part.kind, part.kind)
    length = duration_en(part.minutes) if english else duration_zh(part.minutes)
    if part.kind in ("boarding", "check_in", "arrival"):
        return f"{name} {part.start} {length}"
    here = part.start or start or ("start" if english else "出发地")
    there = part.end or end or ("destination" if english else "目的地")
    return f"{name} {here} → {there} {length}"
