"""The plan outline: programme → groups → days → sessions, plenaries and legs."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QTreeView

from planner.model import format_clock
from ui.document import PlanDocument, Selection
from ui.icons import icon
from ui.i18n import day_name, journey_name, translate, travel_name

KindRole = Qt.ItemDataRole.UserRole + 1
IdRole = Qt.ItemDataRole.UserRole + 2

_OUTLINE_KINDS = {"programme", "groups", "sessions", "plenaries", "legs", "sites", "lodgings", "places"}


def _item(text: str, kind: str = "", item_id: int = 0, tip: str = "") -> QStandardItem:
    item = QStandardItem(text)
    item.setEditable(False)
    item.setData(kind, KindRole)
    item.setData(item_id, IdRole)
    if tip:
        item.setToolTip(tip)
    return item


class OutlineView(QTreeView):
    SOURCE = "outline"

    def __init__(self, document: PlanDocument, parent=None):
        super().__init__(parent)
        self.document = document
        self.setModel(QStandardItemModel(self))
        self.setHeaderHidden(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setUniformRowHeights(True)
        self._items: dict[tuple[str, int], QStandardItem] = {}
        self.rebuild()
        self.selectionModel().currentChanged.connect(self._current_changed)
        document.changed.connect(self._on_changed)
        document.selectionChanged.connect(self._on_selection)

    def rebuild(self) -> None:
        """Fill the tree from the document (the sample has under 200 rows: cheap)."""
        expanded = {key for key, item in self._items.items() if self.isExpanded(item.index())}
        model: QStandardItemModel = self.model()
        model.clear()
        self._items.clear()
        plan, timetable = self.document.plan, self.document.timetable
        programme = plan.programme
        root = _item(programme.title, "programme", 1, programme.notes)
        model.appendRow(root)
        for group in plan.ordered_groups():
            group_item = self._add(root, translate("Outline", "{group}（{count} 个县市区）").format(
                group=group.name, count=len(plan.route_places(group.id))),
                                   "groups", group.id)
            group_item.setForeground(QBrush(QColor(group.colour)))
            for day_plan in timetable.of_group(group.id):
                date = programme.date_of(day_plan.day)
                day_item = self._add(group_item, day_name(day_plan.day, date),
                                     "days", day_plan.day)
                for slot in day_plan.slots:
                    text = self._slot_text(slot)
                    if text:
                        kind, item_id = self._slot_ref(slot)
                        item = self._add(day_item, text, kind, item_id)
                        if self._pinned(slot):  # an icon, not 📌: that shows as a box without an emoji font
                            item.setIcon(icon("pinned"))
                            item.setToolTip(translate("Outline", "已固定时间"))
        self.expand(root.index())
        for key in expanded:
            if key in self._items:
                self.expand(self._items[key].index())

    def _add(self, parent: QStandardItem, text: str, kind: str, item_id: int) -> QStandardItem:
        item = _item(text, kind, item_id)
        parent.appendRow(item)
        self._items.setdefault((kind, item_id), item)
        return item

    def _slot_ref(self, slot) -> tuple[str, int]:
        if slot.kind == "travel":
            leg = self.document.plan.leg_between(slot.group_id, slot.from_site_id, slot.site_id)
            return ("legs", leg.id) if leg else ("sites", slot.site_id)
        return ("plenaries" if slot.kind == "plenary" else "sessions", slot.item_id)

    def _pinned(self, slot) -> bool:
        session = self.document.plan.get("sessions", slot.item_id) if slot.kind == "session" else None
        return bool(session and session.pinned)

    def _slot_text(self, slot) -> str:
        plan = self.document.plan
        time = f"{format_clock(slot.start)}–{format_clock(slot.end)}"
        site = plan.site(slot.site_id) if slot.site_id else None
        if slot.kind == "session":
            return f"{time} {site.name if site else ''}"
        if slot.kind == "plenary":
            plenary = plan.get("plenaries", slot.item_id)
            return translate("Outline", "{time} 【全体】{title}").format(time=time, title=plenary.title if plenary else "")
        if slot.kind == "travel":
            journey = journey_name(slot.journey)
            text = translate("Outline", "{time} {travel} → {site}").format(
                time=time, travel=travel_name(slot.mode, slot.minutes), site=site.name if site else "")
            if journey:  # the journey out or back names the home city
                start = plan.site(slot.from_site_id)
                home = plan.place_of(start if slot.journey == "out" else site) if start and site else None
                text += f"（{journey}{f' · {home.name}' if home else ''}）"
            return text
        return ""  # meals are shown on the timeline

    def _on_changed(self, kinds: frozenset) -> None:
        if kinds & _OUTLINE_KINDS:
            self.rebuild()
            self._on_selection(self.document.selection)

    def _current_changed(self, current, _previous) -> None:
        if not current.isValid():
            return
        kind, item_id = current.data(KindRole), current.data(IdRole)
        if kind:
            self.document.select(kind, [item_id], source=self.SOURCE)

    def _on_selection(self, selection: Selection) -> None:
        if selection.source == self.SOURCE or selection.first is None:
            return
        item = self._items.get((selection.kind, selection.first))
        if item is None:
            return
        self.selectionModel().blockSignals(True)
        self.selectionModel().setCurrentIndex(item.index(), QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.selectionModel().blockSignals(False)
        self.scrollTo(item.index())
