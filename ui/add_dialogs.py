"""Dialogs for adding a group, a plenary, lodging and a hotel, with sensible defaults.

Each only gathers values (``values()``); the window hands them to the named operation
in ``planner.editing``, which checks them and makes the edit. OK is offered only when
there is something to add, and a hint says what is missing.
"""

from __future__ import annotations

from PySide6.QtCore import QTime
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog, QComboBox, QDialog, QDoubleSpinBox, QFormLayout, QHBoxLayout, QLineEdit, QPushButton, QSpinBox,
    QTimeEdit, QWidget,
)

from planner.editing.adding import default_group_name, free_colour
from planner.model import PLENARY_KINDS, Plan
from planner.schedule import day_rules
from planner.text import clean_text
from ui.columns import ENUM_LABELS
from ui.columns import tr as field_tr
from ui.dialogs import ok_when_ready
from ui.i18n import day_name, translate

ALL_GROUPS = -1  # the lodging dialog's "every group" choice


def _text(edit: QLineEdit) -> str:
    return clean_text(edit.text()).strip()


def _minutes(edit: QTimeEdit) -> int:
    time = edit.time()
    return time.hour() * 60 + time.minute()


def _time(minutes: int) -> QTime:
    return QTime(minutes // 60 % 24, minutes % 60)


def _day_combo(plan: Plan, night: bool = False) -> QComboBox:
    combo = QComboBox()
    for day in range(1, plan.programme.days + 1):
        text = day_name(day, plan.programme.date_of(day))
        combo.addItem(translate("AddDialogs", "{day} 晚").format(day=text) if night else text, day)
    return combo


def _choose(combo: QComboBox, value) -> None:
    if value is not None and combo.findData(value) >= 0:
        combo.setCurrentIndex(combo.findData(value))


class AddGroupDialog(QDialog):
    """添加组: name, colour, leader, vehicle and its seats; the next 第N组 in a colour
    no group has, seats as the other groups' buses."""

    def __init__(self, plan: Plan, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("添加组"))
        number = len(plan.groups) + 1
        self.name = QLineEdit(default_group_name(plan))
        self.colour = QColor(free_colour(plan))
        self.colour_button = QPushButton()
        self.colour_button.clicked.connect(self._pick_colour)
        self._show_colour()
        self.leader = QLineEdit()
        self.vehicle = QLineEdit(self.tr("大巴 {number} 号车").format(number=number))
        seats = max((g.capacity for g in plan.groups if g.capacity), default=0)
        self.seats = QSpinBox(minimum=0, maximum=999, value=seats)
        self.seats.setSpecialValueText(self.tr("未定"))
        form = QFormLayout(self)
        form.addRow(self.tr("名称"), self.name)
        form.addRow(self.tr("颜色"), self.colour_button)
        form.addRow(self.tr("带队领导"), self.leader)
        form.addRow(self.tr("车辆"), self.vehicle)
        form.addRow(self.tr("座位数"), self.seats)
        self._names = {g.name for g in plan.groups}
        ok_when_ready(self, form, self._missing, self.name.textChanged)

    def _show_colour(self) -> None:
        self.colour_button.setText(self.colour.name())
        self.colour_button.setStyleSheet(f"background: {self.colour.name()}; color: "
                                         f"{'#000000' if self.colour.lightnessF() > 0.6 else '#ffffff'};")

    def _pick_colour(self) -> None:
        colour = QColorDialog.getColor(self.colour, self, self.tr("组的颜色"))
        if colour.isValid():
            self.colour = colour
            self._show_colour()

    def _missing(self) -> str:
        name = _text(self.name)
        if not name:
            return self.tr("请填写名称。")
        if name in self._names:
            return self.tr("已有同名的组。")
        return ""

    def values(self) -> dict:
        return {"name": _text(self.name), "colour": self.colour.name(), "leader": _text(self.leader),
                "vehicle": _text(self.vehicle), "capacity": self.seats.value() or None}


class AddPlenaryDialog(QDialog):
    """添加全体活动: an event for every group — title, kind, day, venue, time and length.
    By default the opening on the first day if there is none yet, else the closing on
    the last; at the venue of the other plenaries."""

    def __init__(self, plan: Plan, day: int | None = None, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("添加全体活动"))
        self.plan = plan
        kinds = {p.kind for p in plan.plenaries}
        kind = "opening" if "opening" not in kinds else "closing" if "closing" not in kinds else "other"
        if day is None:
            day = {"opening": 1, "closing": plan.programme.days}.get(kind, 1)
        self.kind = QComboBox()
        for code in PLENARY_KINDS:
            self.kind.addItem(field_tr(ENUM_LABELS["plenary_kind"][code][0]), code)
        _choose(self.kind, kind)
        self.title = QLineEdit(self.kind.currentText() if kind != "other" else "")
        self._auto_title = self.title.text()
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.day = _day_combo(plan)
        _choose(self.day, day)
        self.venue = QComboBox()
        self.venue.addItem(self.tr("（不指定）"), None)
        venues = sorted(plan.sites, key=lambda s: (s.kind != "venue", s.kind == "hotel", s.id))
        for site in venues:
            self.venue.addItem(site.name, site.id)
        used = next((p.site_id for p in sorted(plan.plenaries, key=lambda p: p.id) if p.site_id), None)
        first_venue = next((s.id for s in venues if s.kind == "venue"), None)
        _choose(self.venue, used or first_venue)
        rules = day_rules(plan, day)
        self.start = QTimeEdit(_time(rules.day_start if kind != "closing" else rules.day_start + 90))
        self.start.setDisplayFormat("HH:mm")
        self.length = QSpinBox(minimum=5, maximum=600, value=60, singleStep=15, suffix=self.tr(" 分钟"))
        self.host = QLineEdit()
        form = QFormLayout(self)
        form.addRow(self.tr("类型"), self.kind)
        form.addRow(self.tr("名称"), self.title)
        form.addRow(self.tr("日期"), self.day)
        form.addRow(self.tr("地点"), self.venue)
        form.addRow(self.tr("开始时间"), self.start)
        form.addRow(self.tr("时长"), self.length)
        form.addRow(self.tr("主持"), self.host)
        ok_when_ready(self, form, self._missing, self.title.textChanged)

    def _kind_changed(self) -> None:
        if _text(self.title) in ("", self._auto_title) and self.kind.currentData() != "other":
            self._auto_title = self.kind.currentText()
            self.title.setText(self._auto_title)

    def _missing(self) -> str:
        return "" if _text(self.title) else self.tr("请填写名称。")

    def values(self) -> dict:
        start = _minutes(self.start)
        return {"title": _text(self.title), "day": self.day.currentData(), "start": start,
                "end": start + self.length.value(), "site_id": self.venue.currentData(),
                "kind": self.kind.currentData(), "host": _text(self.host)}


class AddHotelDialog(QDialog):
    """添加宾馆: name, place, address and the hotel's contact."""

    def __init__(self, plan: Plan, place_id: int | None = None, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("添加宾馆"))
        self.name = QLineEdit()
        self.place = QComboBox()
        for place in plan.places:
            self.place.addItem(place.full_name or place.name, place.id)
        _choose(self.place, place_id)
        self.address = QLineEdit()
        self.contact_person = QLineEdit()
        self.contact_phone = QLineEdit()
        form = QFormLayout(self)
        form.addRow(self.tr("名称"), self.name)
        form.addRow(self.tr("所在县（市、区）"), self.place)
        form.addRow(self.tr("地址"), self.address)
        form.addRow(self.tr("联系人"), self.contact_person)
        form.addRow(self.tr("联系电话"), self.contact_phone)
        ok_when_ready(self, form, self._missing, self.name.textChanged)

    def _missing(self) -> str:
        if self.place.count() == 0:
            return self.tr("请先添加县（市、区）。")
        return "" if _text(self.name) else self.tr("请填写名称。")

    def values(self) -> dict:
        return {"name": _text(self.name), "place_id": self.place.currentData(), "address": _text(self.address),
                "contact_person": _text(self.contact_person), "contact_phone": _text(self.contact_phone)}


class AddLodgingDialog(QDialog):
    """安排住宿: a group (or every group), the first and last night, the hotel — one of
    the plan's, the one booked already, or a new one (新宾馆…)."""

    def __init__(self, plan: Plan, group_id: int | None = None, night: int | None = None,
                 run_dialog=None, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("安排住宿"))
        self.plan = plan
        self.run_dialog = run_dialog or (lambda dialog: bool(dialog.exec()))
        self.new_hotel: dict | None = None
        self.group = QComboBox()
        for group in plan.ordered_groups():
            self.group.addItem(group.name, group.id)
        if len(plan.groups) > 1:
            self.group.addItem(self.tr("所有组"), ALL_GROUPS)
        _choose(self.group, group_id)
        night = night or 1
        self.first = _day_combo(plan, night=True)
        self.last = _day_combo(plan, night=True)
        _choose(self.first, night)
        _choose(self.last, night)
        self.first.currentIndexChanged.connect(self._first_changed)
        self.hotel = QComboBox()
        self.new_button = QPushButton(self.tr("新宾馆…"))
        self.new_button.clicked.connect(self.add_new_hotel)
        hotel_row = QWidget()
        row = QHBoxLayout(hotel_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.hotel, 1)
        row.addWidget(self.new_button)
        self.price = QDoubleSpinBox(minimum=0, maximum=100000, decimals=0, singleStep=10, suffix=self.tr(" 元"))
        self.price.setSpecialValueText(self.tr("不变"))
        form = QFormLayout(self)
        form.addRow(self.tr("组"), self.group)
        form.addRow(self.tr("第一晚"), self.first)
        form.addRow(self.tr("最后一晚"), self.last)
        form.addRow(self.tr("宾馆"), hotel_row)
        form.addRow(self.tr("房价（每间每晚）"), self.price)
        self._fill_hotels()
        self.group.currentIndexChanged.connect(self._fill_hotels)
        ok_when_ready(self, form, self._missing, self.hotel.currentIndexChanged, self.first.currentIndexChanged,
                      self.last.currentIndexChanged)

    def _first_changed(self) -> None:
        if self.last.currentData() < self.first.currentData():
            self.last.setCurrentIndex(self.first.currentIndex())

    def _place_of_night(self) -> int | None:
        """Where the group ends the first night's day: its booked hotel's place, else
        the place of its last stop that day."""
        group_id, night = self.group.currentData(), self.first.currentData()
        booked = next((l for l in self.plan.lodgings if l.group_id == group_id and l.night == night), None)
        site = self.plan.site(booked.site_id) if booked else None
        if site is None:
            sessions = self.plan.sessions_of(group_id, night) if group_id not in (None, ALL_GROUPS) else []
            site = self.plan.site(sessions[-1].site_id) if sessions else None
        return site.place_id if site is not None else None

    def _fill_hotels(self) -> None:
        chosen = self.hotel.currentData()
        place = self._place_of_night()
        hotels = sorted((s for s in self.plan.sites if s.kind == "hotel"),
                        key=lambda s: (s.place_id != place, s.name))
        self.hotel.blockSignals(True)
        self.hotel.clear()
        if self.new_hotel is not None:
            self.hotel.addItem(self.tr("（新）{name}").format(name=self.new_hotel["name"]), 0)
        for site in hotels:
            place_of = self.plan.place_of(site)
            self.hotel.addItem(f"{site.name}（{place_of.name}）" if place_of else site.name, site.id)
        group_id, night = self.group.currentData(), self.first.currentData()
        booked = next((l.site_id for l in self.plan.lodgings if l.group_id == group_id and l.night == night), None)
        _choose(self.hotel, chosen if chosen is not None else booked)
        self.hotel.blockSignals(False)
        self.hotel.currentIndexChanged.emit(self.hotel.currentIndex())

    def add_new_hotel(self) -> None:
        dialog = AddHotelDialog(self.plan, self._place_of_night(), self)
        if self.run_dialog(dialog):
            values = dialog.values()
            if values["name"] and values["place_id"] is not None:
                self.new_hotel = values
                self._fill_hotels()
                self.hotel.setCurrentIndex(0)

    def _missing(self) -> str:
        if self.group.count() == 0:
            return self.tr("方案还没有组。")
        if self.hotel.count() == 0:
            return self.tr("请选择宾馆，或添加新宾馆。")
        return ""

    def values(self) -> dict:
        group = self.group.currentData()
        groups = [g.id for g in self.plan.ordered_groups()] if group == ALL_GROUPS else [group]
        site = self.hotel.currentData()
        return {"group_ids": groups, "first_night": self.first.currentData(), "last_night": self.last.currentData(),
                "site_id": site or None, "hotel": self.new_hotel if site == 0 else None,
                "room_price": self.price.value() or None}
