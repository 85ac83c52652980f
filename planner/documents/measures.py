"""举措清单: the follow-up measures as a list — what, which unit, by when, how far it has
got and where it was learnt — for the PDF, Excel (which reads back: planner.material.measures)
and Word."""

from __future__ import annotations

from dataclasses import dataclass

from planner.documents import Documents
from planner.material.measures import COLUMNS, STATUS_LABELS, WIDTHS, ordered_measures, source_label, status_label


@dataclass(frozen=True)
class MeasureRow:
    number: int
    measure_id: int
    text: str
    unit: str
    deadline: str
    status: str  # the label: 已完成…
    source: str
    note: str

    def cells(self) -> list[str]:
        """The cells under planner.material.measures.COLUMNS."""
        return [str(self.measure_id), self.text, self.unit, self.deadline, self.status, self.source, self.note]


@dataclass(frozen=True)
class MeasureList:
    title: str
    rows: tuple[MeasureRow, ...]

    @property
    def summary(self) -> str:
        counts = {label: sum(1 for r in self.rows if r.status == label) for label, _ in STATUS_LABELS.values()}
        parts = "，".join(f"{label}{n}项" for label, n in counts.items() if n)
        return f"共{len(self.rows)}项" + (f"：{parts}" if parts else "")


def measure_list(docs: Documents) -> MeasureList:
    plan = docs.plan
    rows = tuple(MeasureRow(n, m.id, m.text, m.unit, m.deadline, status_label(m.status), source_label(plan, m), m.note)
                 for n, m in enumerate(ordered_measures(plan), 1))
    return MeasureList(docs.title, rows)


def measures_table(docs: Documents):
    """The list as one table (Excel, Word); its 编号 column lets the Excel read back."""
    from planner.documents.table import Table

    measures = measure_list(docs)
    return Table("举措清单", f"{docs.title}　举措清单", measures.summary, COLUMNS, WIDTHS,
                 [r.cells() for r in measures.rows], landscape=True)
