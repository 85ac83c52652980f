"""The 经费 pane: the plan's budget against its training-fee standard, re-computed on
every edit, with the settings it rests on.

Three tabs: 预算 (items and their lines, amounts beside the standard's caps; a click
selects what a line comes from, so its price can be edited in 属性), 定额标准 (the
standard's figures for the class, each replaceable by the organiser's own), 每日 (报到 /
撤离 days and a day's own meal price). Every change is a named operation of
``planner.budget.edits`` applied through ``document.edit``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QTableWidget,
    QTableWidgetItem, QTabWidget, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from planner.budget.compute import Budget, compute_budget
from planner.budget.document import ITEM, LINE, SheetRow, budget_sheet
from planner.budget.edits import add_budget_line, set_day_costs, set_fee_cap, set_programme_costs
from planner.budget.labels import (
    CAPPED_ITEMS, CLASS_NAMES, DAY_KIND_NAMES, ITEM_NAMES, LECTURER_LEVEL_NAMES, STATUS_NAMES, UNCONFIRMED, yuan,
)
from planner.budget.standard import StandardsError, plan_standard, standards
from planner.documents import Documents
from planner.editing import delete_items
from planner.documents.output import ExportError
from planner.model import DAY_KINDS
from ui.columns import MAX_PRICE, MONEY, Field, InvalidInput
from ui.columns import tr as field_title
from ui.document import PlanDocument, Selection

RefsRole = Qt.ItemDataRole.UserRole + 1
KeyRole = Qt.ItemDataRole.UserRole + 2  # an item row's cost item
OVER = QColor("#c62828")
WITHIN = QColor("#2e7d32")
DOUBT = QColor("#8d6e00")
SOURCE = "budget"
FOLDED_LINES = 8  # an item with more lines starts folded (the sample's 15 hotel nights)
PRICE = Field("meal_price", "伙食标准（元/人天）", "Meals (yuan/person-day)", MONEY, minimum=0, maximum=MAX_PRICE)
LECTURER_LEVELS = ("associate", "full", "academician")


class BudgetPane(QWidget):
    def __init__(self, document: PlanDocument, english: bool = False, parent=None):
        super().__init__(parent)
        self.document = document
        self.english = english
        self.budget: Budget | None = None

        self.class_box = QComboBox(self)
        self.class_box.addItem(self.tr("（未设定）"), None)
        for number, (zh, en) in CLASS_NAMES.items():
            self.class_box.addItem(self._name((zh, en)), number)
        self.class_box.activated.connect(lambda _row: self._set_programme(training_class=self.class_box.currentData()))
        self.standard_box = QComboBox(self)
        self.standard_box.activated.connect(
            lambda _row: self._set_programme(fee_standard=self.standard_box.currentData()))
        self.meal_edit = QLineEdit(self)
        self.meal_edit.setPlaceholderText(self.tr("元/人天"))
        self.meal_edit.setMaximumWidth(self.fontMetrics().horizontalAdvance("0000000") * 2)
        self.meal_edit.editingFinished.connect(self._meal_edited)
        self.add_button = QPushButton(self.tr("添加费用"), self)
        self.add_button.setToolTip(self.tr("手工添加一项费用（资料、保险、场地…），在「属性」中填写"))
        self.add_button.clicked.connect(self.add_line)
        self.delete_button = QPushButton(self.tr("删除费用"), self)
        self.delete_button.clicked.connect(self.delete_line)

        settings = QHBoxLayout()
        for label, widget in ((self.tr("培训类别"), self.class_box), (self.tr("经费标准"), self.standard_box),
                              (self.tr("伙食标准（元/人天）"), self.meal_edit)):
            settings.addWidget(QLabel(label, self))
            settings.addWidget(widget)
        settings.addStretch(1)
        settings.addWidget(self.add_button)
        settings.addWidget(self.delete_button)

        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message = QLabel(self)  # a refused input, in red
        self.message.setStyleSheet("color: #c62828;")
        self.message.setWordWrap(True)
        self.message.hide()

        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(7)
        self.tree.setHeaderLabels([self.tr("项目及明细"), self.tr("单价（元）"), self.tr("数量"), self.tr("单位"),
                                   self.tr("金额（元）"), self.tr("标准限额（元）"), self.tr("说明")])
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.tree.itemClicked.connect(self._clicked)
        self._folded: dict[str, bool] = {}  # by item: what the organiser chose, kept across refreshes
        self.tree.itemCollapsed.connect(lambda item: self._fold(item, True))
        self.tree.itemExpanded.connect(lambda item: self._fold(item, False))

        self.caps = QTableWidget(0, 4, self)
        self.caps.setHorizontalHeaderLabels([self.tr("项目"), self.tr("标准"), self.tr("本方案"), self.tr("状态")])
        self.caps.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.caps.horizontalHeader().setStretchLastSection(True)
        self.caps.verticalHeader().hide()
        self.caps.itemChanged.connect(self._cap_edited)
        self.days = QTableWidget(0, 3, self)
        self.days.setHorizontalHeaderLabels([self.tr("日期"), self.tr("类型"), self.tr("伙食（元/人天）")])
        self.days.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.days.horizontalHeader().setStretchLastSection(True)
        self.days.verticalHeader().hide()
        self.days.itemChanged.connect(self._day_price_edited)
        for table in (self.caps, self.days):
            table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.tree, self.tr("预算"))
        self.tabs.addTab(self.caps, self.tr("定额标准"))
        self.tabs.addTab(self.days, self.tr("每日"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(settings)
        layout.addWidget(self.summary)
        layout.addWidget(self.message)
        layout.addWidget(self.tabs, 1)

        document.changed.connect(lambda _kinds: self.refresh())
        document.selectionChanged.connect(self._on_selection)
        self.refresh()

    def _name(self, pair: tuple[str, str]) -> str:
        """A label declared in planner.budget.labels (translated in the "fields" context)."""
        return pair[1] if self.english else field_title(pair[0])

    # --- showing ------------------------------------------------------------------------

    def refresh(self) -> None:
        plan = self.document.plan
        try:
            self.budget = compute_budget(plan, self.document.timetable)
            known = standards()
        except StandardsError as error:
            self.budget = None
            self.summary.setText(str(error))
            return
        self._fill_settings(known)
        self._fill_summary()
        self._fill_tree()
        self._fill_caps()
        self._fill_days()
        self._on_selection(self.document.selection)

    def _fill_settings(self, known) -> None:
        programme = self.document.plan.programme
        self.class_box.setCurrentIndex(max(0, self.class_box.findData(programme.training_class)))
        self.standard_box.clear()
        for standard in known.values():
            self.standard_box.addItem(standard.title, standard.id)
        if self.standard_box.findData(programme.fee_standard) < 0:  # a plan from elsewhere
            self.standard_box.addItem(self.tr("{0}（本程序中没有）").format(programme.fee_standard),
                                      programme.fee_standard)
        self.standard_box.setCurrentIndex(self.standard_box.findData(programme.fee_standard))
        if not self.meal_edit.hasFocus():
            self.meal_edit.setText(PRICE.edit_text(programme.meal_price))

    def _fill_summary(self) -> None:
        budget = self.budget
        parts = [self.tr("参训 {0} 人，食宿 {1} 人，{2} 天").format(budget.trainees, budget.people, budget.days)]
        parts.append(self.tr("综合定额内合计 {0} 元").format(yuan(budget.total)))
        if budget.cap_total is not None:
            parts.append(self.tr("上限 {0} 元").format(yuan(budget.cap_total)))
            parts.append(self.tr("人均每天 {0} / {1} 元").format(yuan(budget.per_person_day),
                                                              yuan(budget.cap_per_person_day)))
        parts.append(self.tr("师资费 {0} 元").format(yuan(budget.teachers)))
        parts.append(self.tr("总计 {0} 元").format(yuan(budget.grand_total)))
        text = "　".join(parts)
        if budget.exceeds:
            verdict, colour = self.tr("超出定额 {0} 元").format(yuan(budget.over)), OVER
        elif budget.cap_total is not None:
            verdict, colour = self.tr("未超出定额"), WITHIN
        else:
            verdict, colour = self.tr("未设定培训类别，未对照标准"), DOUBT
        self.summary.setText(f"{text}　<b style='color:{colour.name()}'>{verdict}</b>")
        self.summary.setTextFormat(Qt.TextFormat.RichText)

    def _fill_tree(self) -> None:
        self.tree.clear()
        try:
            sheet = budget_sheet(Documents(self.document.plan, self.document.timetable), self.budget)
        except ExportError:  # no costs yet: the empty table says so
            QTreeWidgetItem(self.tree, [self.tr("还没有填写费用：设定培训类别，并在属性中填写房价、车辆费用等")])
            return
        bold = QFont(self.tree.font())
        bold.setBold(True)
        parent = None
        items = iter(CAPPED_ITEMS + ("teachers",))
        titles = {"小计（综合定额内）": self.tr("小计（综合定额内）"), "人均每天": self.tr("人均每天"), "合计": self.tr("合计")}
        for row in sheet.rows:
            cells = row.cells()
            values = [cells[1], cells[2], cells[3], cells[4], cells[5], cells[6], cells[7]]
            if row.kind == ITEM:
                key = next(items)
                values[0] = f"{row.number}　{self._item_title(key, cells[1])}"
            elif row.kind != LINE:
                values[0] = titles.get(cells[1], cells[1])
            if row.kind == LINE and parent is not None:
                item = QTreeWidgetItem(parent, values)
                item.setData(0, RefsRole, row.refs)
            else:
                item = QTreeWidgetItem(self.tree, values)
                for column in range(7):
                    item.setFont(column, bold)
                parent = item if row.kind == ITEM else None
                if row.kind == ITEM:
                    item.setData(0, KeyRole, key)
            for column in (1, 2, 4, 5):
                item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self._mark_over(item, row)
        self.tree.blockSignals(True)
        for index in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(index)
            key = item.data(0, KeyRole)
            item.setExpanded(not self._folded.get(key, item.childCount() > FOLDED_LINES))
        self.tree.blockSignals(False)

    def _fold(self, item: QTreeWidgetItem, folded: bool) -> None:
        key = item.data(0, KeyRole)
        if key:
            self._folded[key] = folded

    def _item_title(self, key: str, printed: str) -> str:
        return ITEM_NAMES[key][1] if self.english else printed

    def _mark_over(self, item: QTreeWidgetItem, row: SheetRow) -> None:
        if isinstance(row.cap, (int, float)) and row.amount is not None and row.amount > row.cap:
            for column in (4, 5):
                item.setForeground(column, QBrush(OVER))
            item.setToolTip(4, self.tr("超出定额 {0} 元").format(yuan(round(row.amount - row.cap, 2))))

    def _fill_caps(self) -> None:
        plan = self.document.plan
        standard = plan_standard(plan)
        shipped = standards().get(plan.programme.fee_standard)
        training_class = plan.programme.training_class
        rows = []
        if standard is not None and training_class in standard.classes:
            rates, base = standard.classes[training_class], shipped.classes[training_class]
            for item in CAPPED_ITEMS:
                rows.append((item, training_class, self._name(ITEM_NAMES[item]) + self.tr("（元/人天）"),
                             base.rates[item], rates.rates[item]))
        if standard is not None:
            for level in LECTURER_LEVELS:
                if level in standard.lecturers:
                    rows.append((level, None, self.tr("讲课费·{0}（元/学时）").format(
                        self._name(LECTURER_LEVEL_NAMES[level])), shipped.lecturers.get(level), standard.lecturers[level]))
        self.caps.blockSignals(True)
        try:
            self.caps.setRowCount(len(rows))
            for r, (key, cls, title, base, figure) in enumerate(rows):
                own = figure.status == "方案自定"
                cells = [title, f"{base.amount:,.0f}" if base else "—", f"{figure.amount:g}" if own else "",
                         self._name(STATUS_NAMES.get(figure.status, (figure.status, figure.status)))]
                for c, text in enumerate(cells):
                    cell = QTableWidgetItem(text)
                    if c != 2:
                        cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
                    else:
                        cell.setData(Qt.ItemDataRole.UserRole, (key, cls))
                        cell.setToolTip(self.tr("填写本方案自己的数额（如省级标准）；清空则按标准"))
                    if c == 3:
                        cell.setToolTip(base.source if base else "")
                        if base is not None and base.status == UNCONFIRMED and not own:
                            cell.setForeground(QBrush(DOUBT))
                    self.caps.setItem(r, c, cell)
            if not rows:
                self.caps.setRowCount(1)
                cell = QTableWidgetItem(self.tr("先设定培训类别"))
                cell.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.caps.setItem(0, 0, cell)
        finally:
            self.caps.blockSignals(False)

    def _fill_days(self) -> None:
        plan = self.document.plan
        settings = {s.day: s for s in plan.day_settings}
        self.days.blockSignals(True)
        try:
            self.days.setRowCount(plan.programme.days)
            for row in range(plan.programme.days):
                day = row + 1
                setting = settings.get(day)
                date = plan.programme.date_of(day)
                label = QTableWidgetItem(self.tr("第{0}天（{1}月{2}日）").format(day, date.month, date.day))
                label.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.days.setItem(row, 0, label)
                combo = self.days.cellWidget(row, 1)
                if combo is None:
                    combo = QComboBox(self.days)
                    for kind in DAY_KINDS:
                        combo.addItem(self._name(DAY_KIND_NAMES[kind]), kind)
                    combo.activated.connect(lambda _i, d=day, c=combo: self._edit(
                        set_day_costs(self.document.plan, d, kind=c.currentData()), self.tr("修改第{0}天类型").format(d)))
                    self.days.setCellWidget(row, 1, combo)
                combo.setCurrentIndex(max(0, combo.findData(setting.kind if setting else "")))
                price = QTableWidgetItem(PRICE.edit_text(setting.meal_price) if setting else "")
                price.setData(Qt.ItemDataRole.UserRole, day)
                price.setToolTip(self.tr("空：按伙食标准"))
                self.days.setItem(row, 2, price)
        finally:
            self.days.blockSignals(False)

    # --- editing ------------------------------------------------------------------------

    def _edit(self, edit, label: str) -> bool:
        self.message.hide()
        if edit is None:
            return True
        return self.document.edit(edit, label) is not None

    def _parse(self, text: str):
        try:
            return PRICE.parse(text, self.document.plan)
        except InvalidInput as error:
            self.message.setText(error.message_en if self.english else error.message)
            self.message.show()
            raise

    def _set_programme(self, **changes) -> None:
        self._edit(set_programme_costs(self.document.plan, **changes), self.tr("修改经费设定"))

    def _meal_edited(self) -> None:
        if not self.meal_edit.isModified():
            return
        self.meal_edit.setModified(False)
        try:
            price = self._parse(self.meal_edit.text())
        except InvalidInput:
            return
        self._set_programme(meal_price=price)

    def _cap_edited(self, cell: QTableWidgetItem) -> None:
        key = cell.data(Qt.ItemDataRole.UserRole)
        if key is None:
            return
        try:
            amount = self._parse(cell.text())
        except InvalidInput:
            self.refresh()
            return
        item, training_class = key
        self._edit(set_fee_cap(self.document.plan, item, training_class, amount), self.tr("修改定额"))

    def _day_price_edited(self, cell: QTableWidgetItem) -> None:
        day = cell.data(Qt.ItemDataRole.UserRole)
        if day is None:
            return
        try:
            price = self._parse(cell.text())
        except InvalidInput:
            self.refresh()
            return
        self._edit(set_day_costs(self.document.plan, day, meal_price=price), self.tr("修改第{0}天伙食标准").format(day))

    def add_line(self) -> None:
        change = self.document.edit(add_budget_line(), self.tr("添加费用"))
        if change is not None:
            self.document.select("budget_lines", [change.new_id], source=SOURCE)

    def delete_line(self) -> None:
        selection = self.document.selection
        if selection.kind == "budget_lines" and selection.ids:
            self.document.perform(delete_items(self.document.plan, "budget_lines", [selection.first]),
                                  self.tr("删除费用"))

    def _clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        refs = item.data(0, RefsRole) or ()
        if refs:
            kind = refs[0][0]
            self.document.select(kind, [i for k, i in refs if k == kind], source=SOURCE)

    def _on_selection(self, selection: Selection) -> None:
        self.delete_button.setEnabled(selection.kind == "budget_lines" and bool(selection.ids))
