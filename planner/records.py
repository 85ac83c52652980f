"""Plain records (dicts of JSON values) to and from the domain dataclasses.

One codec serves both the plan file (SQLite rows) and JSON interchange: times of day
are 'HH:MM' text, dates ISO text, lists of names JSON arrays (JSON text in SQLite),
flags true/false (0/1 in SQLite).
"""

from __future__ import annotations

import json
from dataclasses import fields
from datetime import date

from planner.model import Programme, format_clock, parse_clock

CLOCK_FIELDS = frozenset(
    {"start", "end", "opens", "closes", "day_start", "day_end", "lunch_start", "lunch_end", "dinner_start", "dinner_end"}
)
LIST_FIELDS = frozenset({"themes", "interests"})
FLAG_FIELDS = frozenset({"pinned", "locked"})


def to_record(item) -> dict:
    """A dataclass item as a JSON-ready dict."""
    record = {}
    for f in fields(item):
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
    """The dataclass ``item_type`` from a record; unknown keys are ignored."""
    names = {f.name for f in fields(item_type)}
    values = {}
    for name, value in record.items():
        if name not in names:
            continue
        if name in CLOCK_FIELDS:
            value = parse_clock(value) if value else None
        elif name in LIST_FIELDS:
            if isinstance(value, str):
                value = json.loads(value or "[]")
            value = tuple(value or ())
        elif name in FLAG_FIELDS:
            value = bool(value)
        elif name == "start_date" and isinstance(value, str):
            value = date.fromisoformat(value)
        values[name] = value
    return item_type(**values)


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
