"""Where each line of a board cell goes: text wrapped to the column, never cut.

A cell is a stack of blocks — the places of the day, one block per entry (a time
column and the wrapped words beside it), the day's travel and the night's lodging at
the foot. The cells of one day are laid out together: each part of the day (before,
during and after each plenary) starts at the same height in every column, so a
plenary reads as one band across the groups, and the feet line up at the bottom.
The same layout serves painting, size hints and hit testing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont, QFontMetricsF

from planner.board import BoardCell, BoardEntry
from ui.board import texts
from ui.wrapping import WrapCache

PAD = 6.0  # inside a cell
GAP = 3.0  # between blocks
BAR = 4.0  # the group's colour along the cell's left edge
MARK = 16.0  # the findings mark in the top right corner
MIN_COLUMN = 150  # a column is never narrower: below that the board scrolls sideways

BOLD, REGULAR, SMALL = 0, 1, 2


class BoardStyle:
    """Fonts and metrics from the view's font, and wrapping with a cache."""

    def __init__(self, font: QFont):
        self.fonts = (QFont(font), QFont(font), QFont(font))
        self.fonts[BOLD].setBold(True)
        self.fonts[SMALL].setPointSizeF(max(6.0, font.pointSizeF() * 0.88))
        self.metrics = tuple(QFontMetricsF(f) for f in self.fonts)
        self.line = tuple(m.height() for m in self.metrics)
        self.time_width = self.metrics[SMALL].horizontalAdvance("00:00") + 8
        self.wrap = WrapCache(self.fonts)  # wrap(text, BOLD|REGULAR|SMALL, width) -> lines


@dataclass
class Run:
    """Lines of text in one font, from ``top`` inside the block, ``x`` from its left."""

    lines: tuple[str, ...]
    which: int
    x: float
    top: float
    role: str  # "places", "time", "name", "where", "late", "total", "lodging"


@dataclass
class Block:
    """One part of a cell: its kind, the entry it shows (if any) and where it is."""

    kind: str  # "places", "session", "plenary", "travel", "total", "lodging"
    entry: BoardEntry | None
    height: float
    runs: list[Run] = field(default_factory=list)
    top: float = 0.0  # inside the cell, set when the row is laid out
    part: int = 0

    def rect(self, width: float) -> QRectF:
        return QRectF(0, self.top, width, self.height)


@dataclass
class CellLayout:
    blocks: list[Block]
    height: float  # the cell's height as laid out (the row's)

    def texts(self) -> list[str]:
        """Every line drawn, in order (what tests compare with the cell's text)."""
        return [line for block in self.blocks for run in block.runs for line in run.lines]

    def block_at(self, y: float) -> Block | None:
        for block in self.blocks:
            if block.top <= y < block.top + block.height:
                return block
        return None


def _lines_height(style: BoardStyle, run: Run) -> float:
    return len(run.lines) * style.line[run.which]


def _stack(style: BoardStyle, runs: list[Run], top: float = 0.0) -> float:
    """Put runs one under another from ``top``; returns the bottom."""
    y = top
    for run in runs:
        if run.lines:
            run.top = y
            y += _lines_height(style, run)
    return y


def _entry_block(style: BoardStyle, entry: BoardEntry, width: float) -> Block:
    main, where = texts.entry_lines(entry)
    left = PAD + BAR
    text_x = left + style.time_width
    text_width = max(40.0, width - text_x - PAD)
    start, end = texts.times(entry).split("–")
    time_run = Run((start, end), SMALL, left, 0, "time")
    runs = [Run(style.wrap(main, BOLD if entry.kind != "travel" else REGULAR, text_width),
                BOLD if entry.kind != "travel" else REGULAR, text_x, 0, "name")]
    if where:
        runs.append(Run(style.wrap(where, SMALL, text_width), SMALL, text_x, 0, "where"))
    late = texts.late_text(entry)
    if late:
        runs.append(Run(style.wrap(late, SMALL, text_width), SMALL, text_x, 0, "late"))
    bottom = _stack(style, runs, 2.0)
    time_run.top = 2.0
    height = max(bottom, 2.0 + _lines_height(style, time_run)) + 2.0
    return Block(entry.kind, entry, height, [time_run, *runs], part=entry.part)


def _natural(style: BoardStyle, cell: BoardCell, width: float) -> tuple[Block, list[Block], list[Block]]:
    """The cell's blocks at their own heights: the places, the entries, the foot."""
    inner = max(40.0, width - 2 * PAD - BAR)
    places = Run(style.wrap(texts.places_text(cell), BOLD, inner - MARK), BOLD, PAD + BAR, 0, "places")
    head = Block("places", None, _stack(style, [places]) if places.lines else 0.0, [places])
    entries = [_entry_block(style, entry, width) for entry in cell.entries]
    foot = []
    total = texts.travel_total(cell)
    if total:
        run = Run(style.wrap(total, SMALL, inner), SMALL, PAD + BAR, 0, "total")
        foot.append(Block("total", None, _stack(style, [run]), [run]))
    lodging = texts.lodging_text(cell)
    if lodging:
        run = Run(style.wrap(lodging, REGULAR, inner - 8), REGULAR, PAD + BAR + 4, 3.0, "lodging")
        foot.append(Block("lodging", None, _stack(style, [run], 3.0) + 3.0, [run]))
    return head, entries, foot


def layout_row(style: BoardStyle, cells: list[BoardCell], widths: list[float], parts: int,
               min_height: float = 0.0) -> list[CellLayout]:
    """The cells of one day, laid out together (see the module); at least ``min_height``
    tall (the day's header may need more room than the cells)."""
    naturals = [_natural(style, cell, width) for cell, width in zip(cells, widths)]
    head_height = max((head.height for head, _, _ in naturals), default=0.0)
    part_heights = [0.0] * parts
    for _, entries, _ in naturals:
        for part in range(parts):
            blocks = [b for b in entries if b.part == part]
            height = sum(b.height for b in blocks) + GAP * len(blocks)
            part_heights[part] = max(part_heights[part], height)
    foot_height = max((sum(b.height for b in foot) + GAP * len(foot) for _, _, foot in naturals), default=0.0)
    total = PAD + head_height + (GAP if head_height else 0.0) + sum(part_heights) + foot_height + PAD
    total = max(total, min_height)
    layouts = []
    for head, entries, foot in naturals:
        head.top = PAD
        y = PAD + head_height + (GAP if head_height else 0.0)
        for part in range(parts):
            top = y
            for block in (b for b in entries if b.part == part):
                block.top = y
                if block.kind == "plenary":  # one band across the groups: the part's full height
                    block.height = part_heights[part] - GAP
                y += block.height + GAP
            y = top + part_heights[part]
        y = total - PAD - sum(b.height + GAP for b in foot) + GAP
        for block in foot:
            block.top = y
            y += block.height + GAP
        layouts.append(CellLayout([head, *entries, *foot] if head.height else [*entries, *foot], total))
    return layouts
