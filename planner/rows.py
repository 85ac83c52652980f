"""Whole tables of items to and from SQLite rows at once: how plan files load and save.

``planner.records`` reads and checks one record at a time. A plan of 2,000 sessions
holds some 7,000 items of 10–20 fields, and checking each field of each item in Python
was most of the time taken to open or save it. Here each field is checked over its
whole column at once with builtins (``columns_fit``: types, ranges, finite numbers,
storable texts); only a table with a column that does not fit is gone through item by
item with ``records.check_item``, which names the first item and field in error exactly
as before. Values are converted as ``records`` converts them, so an item reads and
writes the same either way.
"""

from __future__ import annotations

import json
import math
from collections import deque
from dataclasses import fields
from datetime import date
from itertools import repeat
from operator import attrgetter, itemgetter

from planner.model import format_clock
from planner.records import (
    CLOCK_FIELDS, FIRST_YEAR, FLAG_FIELDS, LAST_YEAR, LIST_FIELDS, RANGES, FieldError, build_item, check_item,
    from_value, item_fields,
)

# The types a field's value may have (exactly: anything else goes to ``check_item``).
_EXACT = {"int": {int}, "float": {int, float}, "str": {str}, "bool": {bool}, "date": {date},
          "tuple[str, ...]": {tuple}}
_CONVERTED = CLOCK_FIELDS | LIST_FIELDS | FLAG_FIELDS | {"start_date"}  # what ``from_value`` changes


class RowError(Exception):
    """A row that cannot be read: its id as stored (None without one) and the field's error."""

    def __init__(self, item_id, error: FieldError):
        super().__init__(str(error))
        self.item_id = item_id
        self.error = error


def items_from_rows(item_type: type, columns: list[str], rows) -> tuple:
    """The items of ``rows`` (tuples of the values of ``columns``; unknown columns are
    ignored), each as ``records.from_record`` reads it; raises ``RowError`` for the
    first row in error, as reading them one by one would."""
    rows = list(rows)
    items = _items_at_once(item_type, columns, rows)
    if items is not None:
        return items
    field_names = {f.name for f in item_fields(item_type)}
    known = [(n, name) for n, name in enumerate(columns) if name in field_names]
    names = [name for _, name in known]
    take = itemgetter(*(n for n, _ in known)) if len(known) > 1 else (lambda row: tuple(row[n] for n, _ in known))
    converted = [name for name in names if name in _CONVERTED]
    id_at = columns.index("id") if "id" in columns else None
    items, ids = [], []
    for row in rows:
        ids.append(row[id_at] if id_at is not None else None)
        values = dict(zip(names, take(row)))
        try:
            for name in converted:
                values[name] = from_value(name, values[name])
            items.append(build_item(item_type, values))
        except FieldError as error:
            _check_each(items, ids)  # an earlier row in error is the one to name
            raise RowError(ids[-1], error) from None
    if not columns_fit(item_type, items):
        _check_each(items, ids)
    return tuple(items)


def _items_at_once(item_type: type, columns: list[str], rows: list) -> tuple | None:
    """The items of ``rows`` built a column at a time, or None when a column is missing or
    a value does not fit (then the rows are read one by one, to name the one in error)."""
    names = [f.name for f in item_fields(item_type)]
    if not rows or not set(names) <= set(columns):
        return None if rows else ()
    by_name = dict(zip(columns, zip(*rows)))
    try:
        values = [_converted(name, by_name[name]) if name in _CONVERTED else by_name[name] for name in names]
    except FieldError:
        return None
    items = _built(item_type, names, values)
    return items if columns_fit(item_type, items) else None


def _built(item_type: type, names: list[str], columns: list) -> tuple:
    """``item_type(*values)`` for each row of ``columns``. The frozen dataclass's
    ``__init__`` sets one field at a time through ``object.__setattr__``; setting each
    slot over a whole column at once takes half the time, and is the same for a class
    with slots and nothing more to do on creation (no ``__post_init__``)."""
    plain = "__slots__" in vars(item_type) and not hasattr(item_type, "__post_init__")
    if not plain or not all(f.init for f in fields(item_type)):
        return tuple(map(item_type, *columns))
    items = list(map(object.__new__, repeat(item_type, len(columns[0]))))
    for name, column in zip(names, columns):
        deque(map(item_type.__dict__[name].__set__, items, column), maxlen=0)
    return tuple(items)


def _converted(name: str, column: tuple) -> list:
    """``records.from_value`` over a column."""
    return _each_once(lambda value: from_value(name, value), column)


def _each_once(convert, column) -> list:
    """``convert`` over a column, called once per distinct value (a plan holds a few
    hundred distinct times and theme lists, each many times over)."""
    value_of = {value: convert(value) for value in set(column)}
    return list(map(value_of.__getitem__, column))


def _check_each(items: list, ids: list) -> None:
    for item, item_id in zip(items, ids):
        try:
            check_item(item)
        except FieldError as error:
            raise RowError(item_id, error) from None


def rows_of(item_type: type, items) -> tuple[tuple[str, ...], list[tuple]]:
    """The columns and the rows of ``items`` (checked: see ``columns_fit``), each row as
    ``records.to_row`` makes it: times as 'HH:MM', lists as JSON text, flags as 0/1."""
    names = tuple(f.name for f in item_fields(item_type))
    columns = []
    for f in item_fields(item_type):
        column = list(map(attrgetter(f.name), items))
        if f.name in CLOCK_FIELDS:
            column = _each_once(lambda value: format_clock(value) or None, column)
        elif f.name in LIST_FIELDS:
            column = _each_once(lambda value: json.dumps(list(value), ensure_ascii=False), column)
        elif f.name in FLAG_FIELDS:
            column = [int(value) for value in column]
        elif f.type.startswith("date"):
            column = [value.isoformat() if isinstance(value, date) else value for value in column]
        columns.append(column)
    return names, list(zip(*columns))


def columns_fit(item_type: type, items) -> bool:
    """True only if ``records.check_item`` passes every item: each field checked over the
    whole column. (False may be wrong the other way: then check the items one by one.)"""
    return all(_column_fits(f.name, f.type, list(map(attrgetter(f.name), items))) for f in item_fields(item_type))


def _column_fits(name: str, annotation: str, values: list) -> bool:
    optional = annotation.endswith("| None")
    if optional:
        values = [value for value in values if value is not None]
    expected = _EXACT.get(annotation.removesuffix(" | None"))
    if expected is None:  # any value will do, but a value
        return optional or None not in values
    if not values:
        return True
    if not set(map(type, values)) <= expected:
        return False
    if float in expected:
        try:
            if not all(map(math.isfinite, values)):
                return False
        except OverflowError:  # an int too large for a float: let check_item say so
            return False
    if int in expected and name in RANGES:
        low, high = RANGES[name]
        return low <= min(values) and max(values) <= high
    if str in expected:
        return _storable(values)
    if tuple in expected:
        texts = [text for value in values for text in value]
        return set(map(type, texts)) <= {str} and _storable(texts)
    if date in expected:
        return all(FIRST_YEAR <= value.year <= LAST_YEAR for value in values)
    return True


def _storable(texts: list[str]) -> bool:
    """No lone surrogate in any of ``texts`` (see ``records._encodable``)."""
    try:
        "".join(texts).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
