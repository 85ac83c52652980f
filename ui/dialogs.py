"""Dialogs for creating a plan and adding places, sites and sessions.

Each dialog only gathers values; the window turns them into one edit.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, QTime, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDateEdit, QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout, QGroupBox,
    QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QPushButton, QSpinBox, QTimeEdit, QVBoxLayout,
)

from planner.gazetteer import Gazetteer
from planner.limits import MAX_NAME, MAX_TEXT
from planner.minimal import default_group_colour, group_name
from planner.model import SITE_KINDS, Group, Plan, Programme
from planner.schedule import day_rules
from planner.text import clean_text
from ui.columns import ENUM_LABELS
from ui.i18n import day_name
from ui.columns import tr as field_tr



def ok_cancel_buttons(dialog: QDialog, ok_text: str = "") -> QDialogButtonBox:
    """OK and Cancel wired to the dialog; ``ok_text`` names what OK does (开始优化…)."""
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    if ok_text:
        box.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


class NewPlanDialog(QDialog):
    """新建考察方案: title, first day, number of days and of groups."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("新建考察方案"))
        self.title = QLineEdit(self.tr("新培训班"))
        self.title.setMaxLength(MAX_TEXT)  # a new plan is no edit: planner.limits is applied here
        self.start = QDateEdit(QDate.currentDate())
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat("yyyy-MM-dd")
        self.days = QSpinBox(minimum=1, maximum=60, value=5)
        self.groups = QSpinBox(minimum=1, maximum=20, value=3)
        form = QFormLayout(self)
        form.addRow(self.tr("培训班名称"), self.title)
        form.addRow(self.tr("开始日期"), self.start)
        form.addRow(self.tr("天数"), self.days)
        form.addRow(self.tr("分组数"), self.groups)
        form.addRow(ok_cancel_buttons(self))

    def plan(self) -> Plan:
        qdate = self.start.date()
        programme = Programme(clean_text(self.title.text()).strip() or self.tr("新培训班"),
                              date(qdate.year(), qdate.month(), qdate.day()), self.days.value())
        groups = tuple(Group(i + 1, group_name(i), default_group_colour(i), position=i)
                       for i in range(self.groups.value()))
        return Plan(programme, groups)


class AddPlaceDialog(QDialog):
    """添加县（市、区）: type 义乌, yiwu or yw and pick; a zone is placed by coordinates."""

    pickOnMap = Signal()

    def __init__(self, gazetteer: Gazetteer | None = None, can_pick: bool = False, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("添加县（市、区）"))
        self.gazetteer = gazetteer or Gazetteer.default()
        self.query = QLineEdit()
        self.query.setMaxLength(MAX_NAME)  # a name: a pasted page of text is no place to look up
        self.query.setPlaceholderText(self.tr("输入名称、拼音或首字母，如 义乌、yiwu、yw"))
        self.matches = QListWidget()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.manual = QGroupBox(self.tr("手动定位（功能区等非行政区划）"))
        self.manual.setCheckable(True)
        self.manual.setChecked(False)
        self.name = QLineEdit()
        self.lon = QDoubleSpinBox(minimum=73.0, maximum=136.0, decimals=5, value=120.0)
        self.lat = QDoubleSpinBox(minimum=3.0, maximum=54.0, decimals=5, value=30.0)
        manual_form = QFormLayout(self.manual)
        manual_form.addRow(self.tr("名称"), self.name)
        manual_form.addRow(self.tr("经度"), self.lon)
        manual_form.addRow(self.tr("纬度"), self.lat)
        pick = QPushButton(self.tr("在地图上点选…"))
        pick.setEnabled(can_pick)
        pick.clicked.connect(self.pickOnMap.emit)
        manual_form.addRow(pick)
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.matches)
        layout.addWidget(self.message)
        layout.addWidget(self.manual)
        buttons = ok_cancel_buttons(self)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout.addWidget(buttons)
        self._search_timer = QTimer(self, singleShot=True, interval=120)
        self._search_timer.timeout.connect(self.search)
        self.query.textChanged.connect(lambda _t: self._search_timer.start())
        self.matches.itemDoubleClicked.connect(lambda _i: self.accept())
        self.matches.currentItemChanged.connect(lambda *_: self._update_ok())
        self.manual.toggled.connect(lambda _on: self._update_ok())
        self.name.textChanged.connect(lambda _t: self._update_ok())
        self._update_ok()
        self.resize(520, 480)

    def search(self) -> None:
        """List the divisions the text may mean. One is chosen for the organiser only when
        the text means exactly one; a name or pinyin several divisions share (lianjiang:
        廉江市, 连江县) lists them all and waits for a pick — never the first one."""
        text = self.query.text().strip()
        self.matches.clear()
        if not text:
            self.message.clear()
            self._update_ok()
            return
        result = self.gazetteer.lookup(text)
        shown = list(result.matches) if result.status == "ambiguous" else self.gazetteer.search(text, limit=30)
        for division in shown:
            item = QListWidgetItem(division.full_name)
            item.setData(Qt.ItemDataRole.UserRole, division.code)
            self.matches.addItem(item)
        the_one = result.division if result.status == "found" else (shown[0] if len(shown) == 1 else None)
        if the_one is not None:
            for row in range(self.matches.count()):
                if self.matches.item(row).data(Qt.ItemDataRole.UserRole) == the_one.code:
                    self.matches.setCurrentRow(row)
            if self.matches.currentItem() is None:  # found by a form the type-ahead does not list
                item = QListWidgetItem(the_one.full_name)
                item.setData(Qt.ItemDataRole.UserRole, the_one.code)
                self.matches.insertItem(0, item)
                self.matches.setCurrentRow(0)
        else:
            self.matches.setCurrentRow(-1)
        if result.status in ("not_a_division", "not_found") and not self.matches.count():
            self.message.setText(f"{result.message_zh}\n{result.message_en}")
            if result.status == "not_a_division":
                self.manual.setChecked(True)
                self.name.setText(result.zone.name if result.zone else text)
                if result.zone:
                    self.lon.setValue(result.zone.lon)
                    self.lat.setValue(result.zone.lat)
        elif result.status == "ambiguous":
            self.message.setText(self.tr("「{0}」对应多个行政区划，请在列表中选择一个。").format(text))
        elif the_one is None and self.matches.count():
            self.message.setText(self.tr("请在列表中选择一个。"))
        else:
            self.message.setText("")
        self._update_ok()

    def _update_ok(self) -> None:
        """OK only when a place can be added: a division picked, or one placed by hand."""
        self.ok_button.setEnabled(self.values() is not None)

    def set_picked(self, lon: float, lat: float) -> None:
        self.manual.setChecked(True)
        self.lon.setValue(lon)
        self.lat.setValue(lat)

    def values(self) -> dict | None:
        """The new place's fields, or None when nothing usable was chosen."""
        if self.manual.isChecked():
            name = self.name.text().strip() or self.query.text().strip()
            if not name:
                return None
            return {"name": name, "full_name": name, "kind": "zone", "lon": self.lon.value(),
                    "lat": self.lat.value(), "note": "手动定位 / placed by hand"}
        item = self.matches.currentItem()
        if item is None:
            return None
        division = self.gazetteer.by_code(item.data(Qt.ItemDataRole.UserRole))
        return {"name": division.name, "full_name": division.full_name, "kind": "division",
                "division_code": division.code, "lon": division.lon, "lat": division.lat}


def ok_when_ready(dialog: QDialog, form: QFormLayout, reason, *signals) -> QDialogButtonBox:
    """OK and Cancel, with OK enabled only while ``reason()`` is "" (else a hint says
    what is missing), re-checked whenever one of ``signals`` fires: OK never does nothing."""
    hint = QLabel()
    hint.setObjectName("missingHint")
    hint.setStyleSheet("color: #a05a00")
    buttons = ok_cancel_buttons(dialog)
    form.addRow(hint)
    form.addRow(buttons)

    def update() -> None:
        missing = reason()
        hint.setText(missing)
        hint.setVisible(bool(missing))
        buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not missing)

    for signal in signals:
        signal.connect(update)
    update()
    return buttons


class AddSiteDialog(QDialog):
    """添加现场教学点: name, kind, place, usual visit length."""

    def __init__(self, plan: Plan, place_id: int | None = None, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("添加教学点"))
        self.plan = plan
        self.name = QLineEdit()
        self.kind = QComboBox()
        for kind in SITE_KINDS:
            self.kind.addItem(field_tr(ENUM_LABELS["site_kind"][kind][0]), kind)
        self.place = QComboBox()
        for place in plan.places:
            self.place.addItem(place.full_name or place.name, place.id)
        if place_id is not None:
            self.place.setCurrentIndex(max(0, self.place.findData(place_id)))
        self.minutes = QSpinBox(minimum=10, maximum=600, value=60, suffix=self.tr(" 分钟"), singleStep=15)
        form = QFormLayout(self)
        form.addRow(self.tr("名称"), self.name)
        form.addRow(self.tr("类型"), self.kind)
        form.addRow(self.tr("所在县（市、区）"), self.place)
        form.addRow(self.tr("通常参观时长"), self.minutes)
        ok_when_ready(self, form, self._missing, self.name.textChanged)

    def _missing(self) -> str:
        if self.place.count() == 0:
            return self.tr("请先添加县（市、区）。")
        if not self.name.text().strip():
            return self.tr("请填写名称。")
        return ""

    def values(self) -> dict | None:
        name = clean_text(self.name.text()).strip()
        if not name or self.place.currentData() is None:
            return None
        place = self.plan.place(self.place.currentData())
        return {"name": name, "kind": self.kind.currentData(), "place_id": place.id,
                "visit_minutes": self.minutes.value(), "lon": place.lon, "lat": place.lat}


class AddSessionDialog(QDialog):
    """添加现场教学: which group, which day, which site, how long and when. The sites of
    the group's own places come first (those it has not visited yet before them), so the
    default is a likely one, never the opening venue; it goes last in that day, timed by
    the scheduler unless a start time is fixed."""

    def __init__(self, plan: Plan, group_id: int | None = None, day: int | None = None,
                 site_id: int | None = None, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("安排现场教学"))
        self.plan = plan
        self.group = QComboBox()
        for group in plan.ordered_groups():
            self.group.addItem(group.name, group.id)
        self.day = QComboBox()
        for day_number in range(1, plan.programme.days + 1):
            when = plan.programme.date_of(day_number)
            self.day.addItem(day_name(day_number, when), day_number)
        self.site = QComboBox()
        self.minutes = QSpinBox(minimum=5, maximum=12 * 60, singleStep=15)
        self.minutes.setSuffix(self.tr(" 分钟"))
        self.fixed = QCheckBox(self.tr("固定开始时间"))
        self.fixed.setToolTip(self.tr("不勾选时，接在当天已有安排之后，按路程自动排时间"))
        self.start = QTimeEdit(QTime(9, 0))
        self.start.setDisplayFormat("HH:mm")
        self.start.setEnabled(False)
        self.fixed.toggled.connect(self.start.setEnabled)
        self.title = QLineEdit()
        self.title.setMaxLength(MAX_TEXT)
        self.title.setPlaceholderText(self.tr("可不填：默认用现场教学点的名称"))
        for combo, value in ((self.group, group_id), (self.day, day)):
            if value is not None and combo.findData(value) >= 0:
                combo.setCurrentIndex(combo.findData(value))
        self._fill_sites(site_id)
        self.group.currentIndexChanged.connect(lambda _i: self._fill_sites(self.site.currentData()))
        self.site.currentIndexChanged.connect(self._site_length)
        when = QHBoxLayout()
        when.addWidget(self.fixed)
        when.addWidget(self.start)
        when.addStretch(1)
        form = QFormLayout(self)
        form.addRow(self.tr("组"), self.group)
        form.addRow(self.tr("日期"), self.day)
        form.addRow(self.tr("现场教学点"), self.site)
        form.addRow(self.tr("时长"), self.minutes)
        form.addRow(self.tr("开始时间"), when)
        form.addRow(self.tr("标题"), self.title)
        ok_when_ready(self, form, self._missing)

    def _fill_sites(self, keep: int | None = None) -> None:
        """The sites that can host a session: the group's own places first."""
        plan, group_id = self.plan, self.group.currentData()
        own = {p.id for p in plan.route_places(group_id)} if group_id is not None else set()
        visited = {s.site_id for s in plan.sessions_of(group_id)} if group_id is not None else set()
        candidates = [s for s in plan.sites if s.kind not in ("hotel", "gathering")]
        # Venues (开班式会场…) last: a session rarely goes there.
        candidates.sort(key=lambda s: (s.kind == "venue", s.place_id not in own, s.id in visited, s.id))
        self.site.blockSignals(True)
        self.site.clear()
        for site in candidates:
            place = plan.place(site.place_id)
            self.site.addItem(f"{site.name}（{place.name}）" if place else site.name, site.id)
        if keep is not None and self.site.findData(keep) >= 0:
            self.site.setCurrentIndex(self.site.findData(keep))
        self.site.blockSignals(False)
        self._site_length()

    def _site_length(self, _index: int = 0) -> None:
        site = self.plan.site(self.site.currentData()) if self.site.currentData() is not None else None
        day = self.day.currentData() or 1
        self._usual = site.visit_minutes if site and site.visit_minutes else day_rules(self.plan, day).session_minutes
        self.minutes.setValue(self._usual)

    def _missing(self) -> str:
        if self.group.count() == 0:
            return self.tr("方案还没有组。")
        if self.site.count() == 0:
            return self.tr("请先添加教学点（现场教学点）。")
        return ""

    def values(self) -> dict | None:
        if self.group.currentData() is None or self.site.currentData() is None:
            return None
        group_id, day = self.group.currentData(), self.day.currentData()
        last = self.plan.sessions_of(group_id, day)
        position = (last[-1].position + 1) if last else 0
        start = self.start.time()
        return {"group_id": group_id, "day": day, "site_id": self.site.currentData(),
                "position": position, "title": clean_text(self.title.text()).strip(),
                "minutes": self.minutes.value() if self.minutes.value() != self._usual else None,  # else it follows the site
                "start": start.hour() * 60 + start.minute() if self.fixed.isChecked() else None}
