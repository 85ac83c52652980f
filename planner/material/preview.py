"""What an import would do, shown before anything is written.

Every import of outside material (indicators, reflections, measures) reads its input
into a ``Preview``: the items it would add or change, the parts it cannot use and why
(Chinese and English, naming the row or the file), and notes. ``edit()`` is the one
Batch that writes it — one transaction, one undo step — and is refused while anything
is bad, unless the bad parts are left out on purpose (``skip_bad``): nothing is ever
half-imported.
"""

from __future__ import annotations

from dataclasses import dataclass

from planner.edits import Batch, Edit
from planner.errors import BilingualError


class MaterialError(BilingualError):
    """Input that cannot be imported at all (no such file, no header…)."""


@dataclass(frozen=True)
class Good:
    where: str  # "第 3 行" / a file name
    what: str  # a line for the report: "义乌市：地区生产总值 2345.6 亿元"
    edits: tuple[Edit, ...]  # empty: already in the plan as it is
    action: str = "new"  # new, update or same


@dataclass(frozen=True)
class Bad:
    where: str
    reason_zh: str
    reason_en: str


@dataclass(frozen=True)
class Preview:
    kind_zh: str  # 对标指标, 学习体会, 举措
    kind_en: str
    source: str
    good: tuple[Good, ...]
    bad: tuple[Bad, ...] = ()
    notes: tuple[tuple[str, str], ...] = ()  # (Chinese, English) said along with the report
    extra_edits: tuple[Edit, ...] = ()  # written with the good items (e.g. an old home place's figures removed)
    homes: tuple[str, ...] = ()  # indicators: the file's regions that are no place of the plan
    home: str = ""  # indicators: the one taken as the home place

    def count(self, action: str) -> int:
        return sum(1 for g in self.good if g.action == action)

    def edit(self, skip_bad: bool = False) -> Batch:
        if self.bad and not skip_bad:
            raise MaterialError(f"有 {len(self.bad)} 处无法导入，未写入任何{self.kind_zh}（改正后重新导入，或跳过有误的部分）",
                                f"{len(self.bad)} part(s) cannot be imported: no {self.kind_en} was written "
                                "(fix them and import again, or skip the bad parts)")
        edits = [e for g in self.good for e in g.edits]
        return Batch((*self.extra_edits, *edits),
                     f"导入{self.kind_zh}（新增 {self.count('new')}，更新 {self.count('update')}）")

    def summary(self) -> str:
        new, update, same = self.count("new"), self.count("update"), self.count("same")
        return (f"新增 {new}，更新 {update}，不变 {same}，有误 {len(self.bad)} / "
                f"new {new}, updated {update}, unchanged {same}, bad {len(self.bad)}")

    def report(self, verbose: bool = True) -> str:
        lines = [f"{self.kind_zh}「{self.source}」/ {self.kind_en} from '{self.source}'"]
        if verbose:
            lines += [f"  {'新增' if g.action == 'new' else '更新' if g.action == 'update' else '不变'}"
                      f"  {g.where}：{g.what}" for g in self.good]
        for zh, en in self.notes:
            lines.append(f"  注意：{zh} / note: {en}")
        lines.append(self.summary())
        if self.bad:
            lines.append("无法导入 / cannot be imported:")
            lines += [f"  {b.where}：{b.reason_zh} / {b.reason_en}" for b in self.bad]
        return "\n".join(lines)
