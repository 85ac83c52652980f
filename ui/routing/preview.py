"""The preview of a routing result: old and new order, minutes of travel saved per group
and day, and one map with the old routes of the changed days dashed grey under the new
ones in the groups' colours, zoomed to what changed; a list of the changed days picks
one to look at (a change on one day is lost on a whole-trip map). 应用 accepts, 放弃
rejects; the caller applies (one undoable edit) or writes the new plan."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel, QListWidget, QListWidgetItem, QSplitter,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from planner.checks import ERROR, check
from planner.map_data import map_payload, route_changes
from planner.model import Plan
from planner.routing.plan_routes import Proposal
from planner.routing.split import DEFAULT_MAX_TRAVEL, explain
from ui.i18n import is_english


@dataclass(frozen=True)
class ChangedDay:
    """A (group, day) whose route changed, as the list beside the map shows it."""
    group_id: int
    day: int
    text: str


def _day_text(group: str, day: int, saved: int | None = None) -> str:
    text = QCoreApplication.translate("RoutingPreview", "%1 · 第%2天").replace("%1", group).replace("%2", str(day))
    if saved:
        text += QCoreApplication.translate("RoutingPreview", "（节省 %1 分钟）").replace("%1", str(saved))
    return text


def optimisation_changes(proposal: Proposal) -> list[ChangedDay]:
    """The days whose order of stops changed, in group and day order."""
    return [ChangedDay(d.group_id, d.day, _day_text(d.group_name, d.day, d.saved))
            for d in sorted(proposal.days, key=lambda d: (d.group_id, d.day)) if d.changed]


def route_changed_days(before: Plan, after: Plan) -> list[ChangedDay]:
    """The (group, day) pairs whose drawn route differs between two plans."""
    names = {g.id: g.name for g in before.groups} | {g.id: g.name for g in after.groups}
    return [ChangedDay(g, d, _day_text(names.get(g, ""), d))
            for g, d in route_changes(map_payload(before), map_payload(after))]


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
    """Shows ``rows``, and ``after`` on a map with the old routes of the ``days`` that
    changed (by default every day whose route differs from ``before``)."""

    def __init__(self, title: str, rows: list[PreviewRow], before: Plan, after: Plan, *, changed: bool,
                 notes: list[str] = (), show_maps: bool = True, days: list[ChangedDay] | None = None,
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

        self.map = None
        self.days: QListWidget | None = None
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        if show_maps:
            splitter.addWidget(self._map(before, after, route_changed_days(before, after) if days is None else days))
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

    def _map(self, before: Plan, after: Plan, days: list[ChangedDay]) -> QWidget:
        side = QSplitter(Qt.Orientation.Horizontal)
        try:
            from ui.map.view import MapPane
        except ImportError:  # QtWebEngine missing: the table says it all
            side.addWidget(QLabel(self.tr("地图不可用（缺少 QtWebEngine）")))
            return side
        column = QWidget()
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("改动的日程（点选查看）")))
        self.days = QListWidget()
        self.days.setObjectName("changedDays")
        pairs = [(d.group_id, d.day) for d in days]
        every = QListWidgetItem(self.tr("全部改动（%1 天）").replace("%1", str(len(days))))
        every.setData(Qt.ItemDataRole.UserRole, pairs)
        self.days.addItem(every)
        for day in days:
            item = QListWidgetItem(day.text)
            item.setData(Qt.ItemDataRole.UserRole, [(day.group_id, day.day)])
            self.days.addItem(item)
        layout.addWidget(self.days, 1)
        key = QLabel(self.tr("虚线（灰）：原路线；实线（组的颜色）：新路线"))
        key.setWordWrap(True)
        layout.addWidget(key)
        side.addWidget(column)
        self.map = MapPane(side)
        self.map.compare(before, after, pairs)
        side.addWidget(self.map)
        side.setStretchFactor(0, 0)
        side.setStretchFactor(1, 1)
        side.setSizes([240, 960])
        self.days.setCurrentRow(0)
        self.days.currentItemChanged.connect(self._pick)
        return side

    def _pick(self, item: QListWidgetItem | None) -> None:
        """Zoom the map to the picked day (only that group's day shown), or to all changes."""
        if item is None or self.map is None:
            return
        pairs = item.data(Qt.ItemDataRole.UserRole)
        self.map.focus(pairs, only=self.days.row(item) > 0)


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
    title = QCoreApplication.translate("RoutingPreview", "优化路线预览")
    return RoutePreviewDialog(title, optimisation_rows(proposal), proposal.before, proposal.after,
                              changed=proposal.changed, notes=notes, show_maps=show_maps,
                              days=optimisation_changes(proposal), parent=parent)


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
