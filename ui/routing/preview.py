"""The preview of a routing result: old and new order, minutes of travel saved per group
and day, and the old and new routes on two maps side by side. 应用 accepts, 放弃 rejects;
the caller applies (one undoable edit) or writes the new plan."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel, QSplitter, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget,
)

from planner.checks import ERROR, check
from planner.model import Plan
from planner.routing.plan_routes import Proposal
from planner.routing.split import DEFAULT_MAX_TRAVEL, explain
from ui.i18n import is_english


@dataclass(frozen=True)
class PreviewRow:
    group: str
    day: str  # "" for a whole route
    before: str
    after: str
    travel_before: int
    travel_after: int

    @property
    def saved(self) -> int:
        return self.travel_before - self.travel_after


def optimisation_rows(proposal: Proposal) -> list[PreviewRow]:
    """One row per group and day that has stops."""
    day_text = QCoreApplication.translate("RoutingPreview", "第%1天")
    return [PreviewRow(d.group_name, day_text.replace("%1", str(d.day)), " → ".join(d.before),
                       " → ".join(d.after), d.travel_before, d.travel_after)
            for d in proposal.days if d.before or d.after]


def groups_rows(before: Plan, after: Plan) -> list[PreviewRow]:
    """One row per group: its places in order, before and after planning."""
    from planner.routing.plan_routes import travel_by_day
    from planner.schedule import schedule

    old, new = travel_by_day(schedule(before)), travel_by_day(schedule(after))
    rows = []
    whole = QCoreApplication.translate("RoutingPreview", "全程")
    names = {g.id: g.name for g in before.groups} | {g.id: g.name for g in after.groups}
    for group_id in sorted(names):
        route = lambda plan: " → ".join(p.name for p in plan.route_places(group_id)) if plan.group(group_id) else "—"  # noqa: E731
        rows.append(PreviewRow(names[group_id], whole, route(before), route(after),
                               sum(v for (g, _), v in old.items() if g == group_id),
                               sum(v for (g, _), v in new.items() if g == group_id)))
    return rows


class RoutePreviewDialog(QDialog):
    """Shows ``rows``; ``before`` and ``after`` plans go on the two maps."""

    def __init__(self, title: str, rows: list[PreviewRow], before: Plan, after: Plan, *, changed: bool,
                 notes: list[str] = (), show_maps: bool = True, highlight: tuple[int, ...] = (),
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(1200, 800)
        self.rows = rows
        layout = QVBoxLayout(self)
        saved = sum(r.saved for r in rows)
        before_total, after_total = sum(r.travel_before for r in rows), sum(r.travel_after for r in rows)
        summary = (self.tr("共节省行车 %1 分钟（优化前 %2 分钟 → 优化后 %3 分钟）")
                   .replace("%1", str(saved)).replace("%2", str(before_total)).replace("%3", str(after_total)))
        if not changed:
            summary = self.tr("当前顺序已是找到的最好顺序，没有改动。")
        self.summary = QLabel(summary)
        self.summary.setObjectName("routingSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        for note in notes:
            label = QLabel(note)
            label.setWordWrap(True)
            label.setStyleSheet("color: #a05a00")
            layout.addWidget(label)

        self.table = QTableWidget(len(rows), 7)
        self.table.setObjectName("routingTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("组"), self.tr("天"), self.tr("原顺序"), self.tr("新顺序"),
            self.tr("优化前（分钟）"), self.tr("优化后（分钟）"), self.tr("节省（分钟）"),
        ])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for r, row in enumerate(rows):
            values = (row.group, row.day, row.before, row.after, row.travel_before, row.travel_after, row.saved)
            for c, value in enumerate(values):
                item = QTableWidgetItem(str(value))
                if isinstance(value, int):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if c == 3 and row.before != row.after:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(r, c, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)

        self.maps: list = []
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        if show_maps:
            splitter.addWidget(self._maps(before, after, highlight))
            splitter.setStretchFactor(0, 1)
            splitter.setStretchFactor(1, 2)
            splitter.setSizes([260, 520])
        layout.addWidget(splitter, 1)

        self.buttons = QDialogButtonBox()
        self.apply_button = self.buttons.addButton(self.tr("应用"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.discard_button = self.buttons.addButton(self.tr("放弃"), QDialogButtonBox.ButtonRole.RejectRole)
        self.apply_button.setEnabled(changed)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _maps(self, before: Plan, after: Plan, highlight: tuple[int, ...] = ()) -> QWidget:
        side_by_side = QSplitter(Qt.Orientation.Horizontal)
        try:
            from ui.map.view import MapPane
        except ImportError:  # QtWebEngine missing: the table says it all
            side_by_side.addWidget(QLabel(self.tr("地图不可用（缺少 QtWebEngine）")))
            return side_by_side
        for caption, plan in ((self.tr("原路线"), before), (self.tr("新路线"), after)):
            box = QWidget()
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(QLabel(caption))
            pane = MapPane(box)
            pane.set_plan(plan)
            if highlight:  # the groups being optimised
                pane.select("groups", highlight)
            column.addWidget(pane, 1)
            self.maps.append(pane)
            side_by_side.addWidget(box)
        return side_by_side


def optimisation_preview(proposal: Proposal, *, show_maps: bool = True, parent=None) -> RoutePreviewDialog:
    notes = []
    if proposal.cancelled:
        notes.append(QCoreApplication.translate("RoutingPreview", "已取消：显示的是取消前找到的最好结果。"))
    elif proposal.timed_out:
        notes.append(QCoreApplication.translate("RoutingPreview", "计算时间已用完：加长计算时间可能找到更好的路线。"))
    if proposal.errors_after < proposal.errors_before:
        notes.append(QCoreApplication.translate("RoutingPreview", "检查错误从 %1 个减少到 %2 个。")
                     .replace("%1", str(proposal.errors_before))
                     .replace("%2", str(proposal.errors_after)))
    groups = tuple(sorted({d.group_id for d in proposal.days}))
    highlight = groups if len(groups) < len(proposal.before.groups) else ()
    title = QCoreApplication.translate("RoutingPreview", "优化路线预览")
    return RoutePreviewDialog(title, optimisation_rows(proposal), proposal.before, proposal.after,
                              changed=proposal.changed, notes=notes, show_maps=show_maps, highlight=highlight,
                              parent=parent)


def groups_preview(before: Plan, after: Plan, *, cancelled: bool = False, max_travel: int = DEFAULT_MAX_TRAVEL,
                   show_maps: bool = True, parent=None) -> RoutePreviewDialog:
    notes = [QCoreApplication.translate("RoutingPreview", "应用后将另存为新的方案文件并打开；当前方案不变。")]
    english = is_english()
    notes[:0] = [en if english else zh for zh, en in explain(after, max_travel)]  # what is wrong, said plainly
    errors = sum(1 for finding in check(after) if finding.severity == ERROR)
    if errors:
        notes.insert(0, QCoreApplication.translate(
            "RoutingPreview", "规划结果有 %1 个错误，应用后可在检查结果中查看。").replace("%1", str(errors)))
    if cancelled:
        notes.insert(0, QCoreApplication.translate("RoutingPreview", "已取消：显示的是取消前找到的最好结果。"))
    title = QCoreApplication.translate("RoutingPreview", "分组规划预览")
    return RoutePreviewDialog(title, groups_rows(before, after), before, after,
                              changed=True, notes=notes, show_maps=show_maps, parent=parent)
