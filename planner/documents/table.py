"""A document as a plain table, as the Excel and Word exports write it.

A ``Table`` is a title, column headings and rows of text; ``group_column`` names the
column whose equal consecutive values form one block (the day), within which the
``merge_columns`` are merged vertically (date, lodging). Rows flagged ``across`` are
one value spread over every column after the first (a plenary for all groups).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Table:
    name: str  # sheet name / heading
    title: str
    subtitle: str
    columns: tuple[str, ...]
    widths: tuple[float, ...]
    rows: list[list[str]]
    group_column: int | None = None
    merge_columns: tuple[int, ...] = ()
    across: frozenset[int] = field(default_factory=frozenset)  # indexes of rows spread across
    landscape: bool = True
    numbers: tuple[int, ...] = ()  # columns whose cells are amounts (numbers in Excel, right-aligned)
    strong: frozenset[int] = field(default_factory=frozenset)  # indexes of rows set in bold (totals)
    footer: tuple[str, ...] = ()  # lines under the table (notes, a signatures line)

    def blocks(self) -> list[tuple[int, int]]:
        """(first, last) row indexes of each run of equal ``group_column`` values."""
        if self.group_column is None:
            return [(i, i) for i in range(len(self.rows))]
        runs, start = [], 0
        for i in range(1, len(self.rows) + 1):
            if i == len(self.rows) or self.rows[i][self.group_column] != self.rows[start][self.group_column]:
                runs.append((start, i - 1))
                start = i
        return runs

    def merges(self) -> list[tuple[int, int, int]]:
        """(column, first row, last row) vertical merges: within each block, runs of equal
        values of each merge column."""
        found = []
        for first, last in self.blocks():
            for column in self.merge_columns:
                start = first
                for i in range(first + 1, last + 2):
                    if i > last or self.rows[i][column] != self.rows[start][column]:
                        if i - 1 > start:
                            found.append((column, start, i - 1))
                        start = i
        return found
