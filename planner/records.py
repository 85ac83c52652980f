"""Plain records (dicts of JSON values) to and from the domain dataclasses.

One codec serves both the plan file (SQLite rows) and JSON interchange: times of day
are 'HH:MM' text, dates ISO text, lists of names JSON arrays (JSON text in SQLite),
flags true/false (0/1 in SQLite).

Both directions check every field against its type and a sane range (``FieldError``),
so whatever is written can be read back, and a value that would break SQLite (64-bit
integers), dates or the exports later is refused where it comes in.
"""

from __future__ import annotations

import json
import math
from dataclasses import fields
from datetime import date
from functools import cache

from planner.model import Programme, format_clock, parse_clock

CLOCK_FIELDS = frozenset(
    {"start", "end", "opens", "closes", "day_start", "day_end", "lunch_start", "lunch_end", "dinner_start", "dinner_end",
     "departure_time", "latest_return"}
)
LIST_FIELDS = frozenset({"themes", "interests"})
FLAG_FIELDS = frozenset({"pinned", "locked", "trainee", "seat", "bed"})

# Which kind each reference field points at.
REFERENCES = {
    "place_id": "places",
    "group_id": "groups",
    "site_id": "sites",
    "from_site_id": "sites",
    "to_site_id": "sites",
    "origin_site_id": "sites",
    "return_site_id": "sites",
    "participant_id": "participants",
    "session_id": "sessions",
}

MAX_ID = 2**31 - 1
MAX_DAYS = 366
# Times of day run on past midnight ('25:10'); a late schedule may pass 48:00, and must
# still read back. Only times beyond the longest programme are refused.
MAX_CLOCK = MAX_DAYS * 24 * 60
MAX_MINUTES = 7 * 24 * 60  # a leg or visit longer than a week is a typo
MAX_MONEY = 100_000_000  # 元: a price above a hundred million is a typo
FIRST_YEAR, LAST_YEAR = 1900, 2999  # so start date + days is always a real date

# (lowest, highest) for the numeric fields, by name.
_RANGES = {
    **{name: (1, MAX_ID) for name in ("id", *REFERENCES)},
    **{name: (0, MAX_CLOCK) for name in CLOCK_FIELDS},
    **{name: (0, MAX_MINUTES) for name in ("minutes", "manual_minutes", "visit_minutes", "stop_minutes")},
    "session_minutes": (1, MAX_MINUTES),
    "day": (1, MAX_DAYS),
    "departure_day": (1, MAX_DAYS),
    "return_day": (1, MAX_DAYS),
    "night": (1, MAX_DAYS),
    "days": (1, MAX_DAYS),
    "position": (-MAX_ID, MAX_ID),
    "capacity": (0, 1_000_000),
    "distance_km": (0, 50_000),
    "lon": (-180, 180),
    "lat": (-90, 90),
    # Budget: 元 amounts, 学时, quantities.
    **{name: (0, MAX_MONEY) for name in ("meal_price", "vehicle_price", "teaching_fee", "lecture_fee",
                                         "room_price", "unit_price", "amount")},
    "lecture_hours": (0, 1000),
    "quantity": (0, 10_000_000),
    "training_class": (1, 3),
    "year": (FIRST_YEAR, LAST_YEAR),
}

# The Python type each field annotation stands for (annotations are text here).
_TYPES = {"int": int, "float": (int, float), "str": str, "bool": bool, "date": date, "tuple[str, ...]": tuple}


class FieldError(ValueError):
    """One field of a record that does not fit its type or range."""

    def __init__(self, name: str, value, reason_zh: str, reason_en: str):
        self.name = name
        self.value = value
        self.reason_zh = reason_zh
        self.reason_en = reason_en
        super().__init__(f"{name}: {reason_en}")


@cache
def item_fields(item_type: type) -> tuple:
    """``dataclasses.fields`` of a type, computed once (it builds a new tuple per call,
    a fifth of the time of checking 10,000 imported people)."""
    return fields(item_type)


@cache
def _text_fields(item_type: type) -> frozenset[str]:
    return frozenset(f.name for f in item_fields(item_type) if f.type == "str")


def check_item(item) -> None:
    """Raise ``FieldError`` for the first field of ``item`` that is of the wrong type
    or out of range."""
    texts = _text_fields(type(item))
    for f in item_fields(type(item)):
        value = getattr(item, f.name)
        if f.name in texts and type(value) is str and _encodable(value):
            continue  # the common case, decided at once (a roster import checks 100,000 of these)
        problem = _field_problem(f.name, f.type, value)
        if problem:
            raise FieldError(f.name, value, *problem)


def _field_problem(name: str, annotation: str, value) -> tuple[str, str] | None:
    """Why ``value`` does not fit the field, (zh, en), or None."""
    if value is None:
        return None if annotation.endswith("| None") else ("缺少取值", "missing value")
    expected = _TYPES.get(annotation.removesuffix(" | None"), object)  # a type not listed: any value
    number = expected in (int, (int, float))
    if not isinstance(value, expected) or (number and isinstance(value, bool)):
        return f"类型不对：{value!r}", f"wrong type: {value!r}"
    if isinstance(value, float) and not math.isfinite(value):
        return f"不是有效数字：{value!r}", f"not a number: {value!r}"
    if isinstance(value, tuple) and not all(isinstance(v, str) for v in value):
        return f"应为文字列表：{value!r}", f"not a list of texts: {value!r}"
    if any(not _encodable(text) for text in (value if isinstance(value, tuple) else (value,)) if isinstance(text, str)):
        return "含有无效字符（孤立的代理字符）", "contains invalid characters (lone surrogates)"
    if isinstance(value, date) and not FIRST_YEAR <= value.year <= LAST_YEAR:
        return (f"日期须在 {FIRST_YEAR}–{LAST_YEAR} 年之间：{value}",
                f"the date must be in the years {FIRST_YEAR}–{LAST_YEAR}: {value}")
    low, high = _RANGES.get(name, (None, None)) if number else (None, None)
    if low is not None and not low <= value <= high:
        return f"超出范围 {low}–{high}：{value!r}", f"out of range {low}–{high}: {value!r}"
    return None


def _encodable(text: str) -> bool:
    """False for text SQLite cannot store: a lone surrogate (from broken outside input)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def to_record(item) -> dict:
    """A dataclass item as a JSON-ready dict. Raises ``FieldError``."""
    check_item(item)
    record = {}
    for f in item_fields(type(item)):
        value = getattr(item, f.name)
        if f.name in CLOCK_FIELDS:
            value = format_clock(value) or None
        elif f.name in LIST_FIELDS:
            value = list(value)
        elif isinstance(value, date):
            value = value.isoformat()
        record[f.name] = value
    return record


def from_record(item_type: type, record: dict):
    """The dataclass ``item_type`` from a record; unknown keys are ignored.
    Raises ``FieldError``."""
    names = {f.name for f in item_fields(item_type)}
    values = {name: _from_value(name, value) for name, value in record.items() if name in names}
    try:
        item = item_type(**values)
    except TypeError:  # a required field left out
        missing = next((f.name for f in fields(item_type) if f.name not in values), "?")
        raise FieldError(missing, None, "缺少取值", "missing value") from None
    check_item(item)
    return item


def _from_value(name: str, value):
    """One field's record value in domain form."""
    try:
        if name in CLOCK_FIELDS:
            return parse_clock(value, max_hours=None) if value else None
        if name in LIST_FIELDS:
            if isinstance(value, str):
                value = json.loads(value or "[]")
            return tuple(value or ())
        if name in FLAG_FIELDS:
            return bool(value)
        if name == "start_date" and isinstance(value, str):
            return date.fromisoformat(value)
    except (ValueError, TypeError, AttributeError, RecursionError) as error:
        raise FieldError(name, value, f"取值无效：{value!r}（{error}）", f"invalid value {value!r} ({error})") from None
    return value


def to_row(item) -> dict:
    """A dataclass item as an SQLite row (lists as JSON text, flags as 0/1)."""
    row = to_record(item)
    for name in LIST_FIELDS & row.keys():
        row[name] = json.dumps(row[name], ensure_ascii=False)
    for name in FLAG_FIELDS & row.keys():
        row[name] = int(row[name])
    return row


def programme_to_row(programme: Programme) -> dict:
    return {"id": 1, **to_row(programme)}
