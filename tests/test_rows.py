"""Whole tables read and written a column at a time (planner.rows) give exactly what
reading and writing one record at a time (planner.records) gives, errors included."""

from __future__ import annotations

import sqlite3

import pytest

from planner.model import ITEM_TYPES
from planner.records import from_record, to_row
from planner.rows import RowError, items_from_rows, rows_of
from planner.store import PlanFile, PlanFileError


def table(path, kind):
    conn = sqlite3.connect(path)
    try:
        cursor = conn.execute(f'SELECT * FROM "{kind}" ORDER BY id')
        return [d[0] for d in cursor.description], cursor.fetchall()
    finally:
        conn.close()


def test_every_table_reads_as_record_by_record(sample_path):
    read = 0
    for kind, item_type in ITEM_TYPES.items():
        columns, rows = table(sample_path, kind)
        one_by_one = tuple(from_record(item_type, dict(zip(columns, row))) for row in rows)
        assert items_from_rows(item_type, columns, rows) == one_by_one
        read += len(rows)
    assert read > 50  # the sample has items in many tables


def test_every_table_writes_as_item_by_item(sample):
    for kind, item_type in ITEM_TYPES.items():
        items = sample.items(kind)
        names, rows = rows_of(item_type, items)
        assert rows == [tuple(to_row(item)[name] for name in names) for item in items]


def test_a_bad_value_in_a_later_row_names_that_row(sample_path):
    conn = sqlite3.connect(sample_path)
    last = conn.execute("SELECT max(id) FROM sessions").fetchone()[0]
    conn.execute("UPDATE sessions SET start = '9x:00' WHERE id = ?", (last,))
    conn.commit()
    conn.close()
    columns, rows = table(sample_path, "sessions")
    with pytest.raises(RowError) as raised:
        items_from_rows(ITEM_TYPES["sessions"], columns, rows)
    assert raised.value.item_id == last and raised.value.error.name == "start"
    with PlanFile.open(sample_path, readonly=True) as plan_file, pytest.raises(PlanFileError) as raised:
        plan_file.load()
    assert f"row id {last}" in raised.value.message_en and "column start" in raised.value.message_en


def test_the_first_of_two_rows_in_error_is_named(sample_path):
    conn = sqlite3.connect(sample_path)
    first, last = conn.execute("SELECT min(id), max(id) FROM sessions").fetchone()
    conn.execute("UPDATE sessions SET start = 'noon' WHERE id = ?", (last,))  # found while converting
    conn.execute("UPDATE sessions SET day = -5 WHERE id = ?", (first,))  # found only when checked
    conn.commit()
    conn.close()
    columns, rows = table(sample_path, "sessions")
    with pytest.raises(RowError) as raised:
        items_from_rows(ITEM_TYPES["sessions"], columns, rows)
    assert raised.value.item_id == first and raised.value.error.name == "day"
