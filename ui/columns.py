"""What the tables and the property editor show of each kind of item: the fields, their
Chinese and English titles, and how each is shown and parsed.

One declaration per field (``Field``), used by ``ui.item_model`` for table columns and by
``ui.properties`` for forms. Parsing turns what the organiser typed (or picked) into the
domain value an ``Update`` takes, or raises ``InvalidInput`` saying why in both languages.
Titles and choice labels are written in Chinese and passed through
``QCoreApplication.translate`` (context "fields"), so the English ``.ts`` can translate them;
the English text is declared next to them for that file and for ``english=True`` callers.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from planner.labels import ENUM_LABELS, KIND_NAMES  # noqa: F401  (tables and dialogs read them here)
from planner.model import Plan, format_clock, parse_clock
from planner.budget.labels import yuan
from planner.material.measures import session_label
from planner.text import clean_text

# How a field is shown and edited.
TEXT, INT, CLOCK, ENUM, REF, LIST, COORD, FLOAT, BOOL, DAY, MONEY = (
    "text", "int", "clock", "enum", "ref", "list", "coord", "float", "bool", "day", "money",
)
LONG = "long"  # text of several lines (questions to ask, a reflection): a multi-line editor

LIST_SEPARATORS = re.compile(r"[,，、;；]")

translate = QCoreApplication.translate  # this name lets lupdate find the literal texts below


def tr(text: str) -> str:
    """A declared title or label (a variable, so lupdate cannot see it: see tools/update_translations.py)."""
    return translate("fields", text)


class InvalidInput(ValueError):
    """What the organiser typed cannot be this field's value."""

    def __init__(self, message_zh: str, message_en: str):
        super().__init__(f"{message_zh}（{message_en}）")
        self.message_zh = message_zh
        self.message_en = message_en

    @property
    def message(self) -> str:
        return f"{self.message_zh}（{self.message_en}）"


@dataclass(frozen=True)
class Field:
    name: str  # the domain field
    zh: str
    en: str
    type: str = TEXT
    editable: bool = True
    enum: str = ""  # key of ENUM_LABELS, for ENUM
    ref: str = ""  # referenced kind, for REF ("places", "groups", "sites")
    optional: bool = True  # empty input means None (or "" for text); else refused
    minimum: int | float | None = None
    maximum: int | float | None = None
    none_text: str = ""  # how an empty optional value is shown ("自动"…)
    none_en: str = ""  # the same in English

    def title(self, english: bool = False) -> str:
        return self.en if english else tr(self.zh)

    def empty_text(self, english: bool = False) -> str:
        """How an empty value reads ('' when the field says nothing special)."""
        if not self.none_text:
            return ""
        return self.none_en if english else tr(self.none_text)

    # --- showing ----------------------------------------------------------------------

    def display(self, value, plan: Plan, english: bool = False) -> str:
        """The value as a table cell or a read-only form field shows it."""
        if value is None or value == "":
            return self.empty_text(english)
        if self.type == CLOCK:
            return format_clock(value)
        if self.type == ENUM:
            zh, en = ENUM_LABELS[self.enum].get(value, (str(value), str(value)))
            return en if english else tr(zh)
        if self.type == REF:
            item = plan.get(self.ref, value)
            return _ref_name(plan, self.ref, item) if item is not None else f"#{value}?"
        if self.type == LONG:
            lines = str(value).splitlines()
            return lines[0] + ("…" if len(lines) > 1 else "") if lines else ""
        if self.type == LIST:
            return "、".join(value)
        if self.type == COORD:
            return f"{value:.5f}"
        if self.type == FLOAT:
            return f"{value:.1f}"
        if self.type == MONEY:
            return yuan(value)
        if self.type == BOOL:
            return translate("fields", "是") if value else translate("fields", "否")
        if self.type == DAY:
            date = plan.programme.date_of(value)
            return f"第{value}天（{date.month}月{date.day}日）"
        return str(value)

    def edit_text(self, value) -> str:
        """The value as a line editor starts with (plain, parseable again)."""
        if value is None:
            return ""
        if self.type == CLOCK:
            return format_clock(value)
        if self.type == LIST:
            return "、".join(value)
        if self.type == COORD:
            return f"{value:.5f}"
        if self.type == MONEY:  # 380.0 -> '380', 1234.5 -> '1234.5'
            return f"{value:.2f}".rstrip("0").rstrip(".")
        return str(value)

    def sort_key(self, value, plan: Plan):
        if self.type in (INT, CLOCK, COORD, FLOAT, DAY, MONEY):
            return float("-inf") if value is None else float(value)
        if self.type == BOOL:
            return int(bool(value))
        return self.display(value, plan)

    def choices(self, plan: Plan, english: bool = False) -> list[tuple[str, object]]:
        """(label, value) pairs a combo box offers, for ENUM and REF fields."""
        if self.type == ENUM:
            return [(en if english else (tr(zh) if zh else translate("fields", "（未填）")), value)
                    for value, (zh, en) in ENUM_LABELS[self.enum].items()]
        if self.type == BOOL:
            return [(translate("fields", "是"), True), (translate("fields", "否"), False)]
        if self.type == REF:
            items = plan.ordered_groups() if self.ref == "groups" else plan.items(self.ref)
            pairs: list[tuple[str, object]] = [(_ref_name(plan, self.ref, item), item.id) for item in items]
            if self.optional:
                empty = self.empty_text(english) or ("None" if english else translate("fields", "（无）"))
                pairs.insert(0, (empty, None))
            return pairs
        return []

    # --- parsing ----------------------------------------------------------------------

    def parse(self, value, plan: Plan):
        """The domain value for ``value`` (typed text, or a value a combo box picked).
        Raises InvalidInput."""
        title = f"「{self.zh}」"
        if isinstance(value, str):
            text = clean_text(value, multiline=True).strip()  # a pasted control character breaks exports
            if text == "" and self.type != ENUM:
                if not self.optional:
                    raise InvalidInput(f"{title}不能为空", f"{self.en} cannot be empty")
                return "" if self.type in (TEXT, LONG) else (() if self.type == LIST else None)
        else:
            text = None
            if value is None and self.type in (INT, DAY, CLOCK, COORD, FLOAT, MONEY):  # a spin box set back to 自动
                if not self.optional:
                    raise InvalidInput(f"{title}不能为空", f"{self.en} cannot be empty")
                return None
        if self.type in (TEXT, LONG):
            return text if text is not None else str(value)
        if self.type == BOOL:
            if text is None:
                return bool(value)
            if text.lower() in ("1", "true", "yes", "是", "√"):
                return True
            if text.lower() in ("0", "false", "no", "否", ""):
                return False
            raise InvalidInput(f"{title}应为“是”或“否”：{text}", f"{self.en} must be yes or no: {text}")
        if self.type == CLOCK:
            if text is None:
                return self._in_range(int(value))
            try:
                return parse_clock(text.replace("：", ":"))
            except ValueError:
                raise InvalidInput(f"{title}不是有效的时间（应为 HH:MM，如 08:30）：{text}",
                                   f"{self.en} is not a time (HH:MM, e.g. 08:30): {text}") from None
        if self.type in (INT, DAY):
            if text is not None and not re.fullmatch(r"[+-]?\d+", text):
                raise InvalidInput(f"{title}应为整数：{text}", f"{self.en} must be a whole number: {text}")
            number = self._in_range(int(value if text is None else text))
            if self.type == DAY and number > plan.programme.days:
                raise InvalidInput(f"{title}超出培训班日程（共 {plan.programme.days} 天）：{number}",
                                   f"{self.en} is past the programme's {plan.programme.days} days: {number}")
            return number
        if self.type in (COORD, FLOAT, MONEY):
            if text is None:
                return self._in_range(float(value))
            if self.type == MONEY:  # '1,200 元' as well as 1200
                text = text.replace(",", "").replace("，", "").removesuffix("元").strip()
            try:
                number = float(text)
            except ValueError:
                number = math.nan
            if not math.isfinite(number):  # "nan" and "inf" parse as floats but are no position
                raise InvalidInput(f"{title}应为数字：{text}", f"{self.en} must be a number: {text}")
            return self._in_range(round(number, 2 if self.type == MONEY else 6))
        if self.type == LIST:
            if text is None:
                return tuple(value)
            return tuple(part.strip() for part in LIST_SEPARATORS.split(text) if part.strip())
        if self.type == ENUM:
            labels = ENUM_LABELS[self.enum]
            if value in labels:
                return value
            for code, (zh, en) in labels.items():
                if text is not None and text in (zh, tr(zh), en, en.lower()) and (zh or not text):
                    return code
            shown = "、".join(zh for zh, _ in labels.values() if zh)
            raise InvalidInput(f"{title}应为以下之一：{shown}", f"{self.en} must be one of: "
                               + ", ".join(en for _, en in labels.values() if en))
        if self.type == REF:
            if value is None:
                if not self.optional:
                    raise InvalidInput(f"{title}不能为空", f"{self.en} cannot be empty")
                return None
            if text is None:
                if plan.get(self.ref, int(value)) is None:
                    raise InvalidInput(f"{title}引用的条目不存在：#{value}", f"{self.en}: no such item #{value}")
                return int(value)
            matches = [item.id for item in plan.items(self.ref) if item.name == text]
            if len(matches) == 1:
                return matches[0]
            raise InvalidInput(f"{title}找不到名为“{text}”的条目" if not matches else f"{title}有多个名为“{text}”的条目",
                               f"{self.en}: no single item named {text!r}")
        raise InvalidInput(f"{title}不能编辑", f"{self.en} cannot be edited")

    def _in_range(self, number):
        low, high = self.minimum, self.maximum
        if (low is not None and number < low) or (high is not None and number > high):
            bounds = f"{'' if low is None else low}–{'' if high is None else high}"
            raise InvalidInput(f"「{self.zh}」超出范围（{bounds}）：{number}", f"{self.en} is out of range ({bounds}): {number}")
        return number


def _ref_name(plan: Plan, kind: str, item) -> str:
    """How a referenced item is named in a cell or a choice (a session has no name of its own)."""
    if kind == "sessions":
        return session_label(plan, item)
    return item.name


def _f(name, zh, en, type=TEXT, **options) -> Field:
    return Field(name, zh, en, type, **options)


LON = _f("lon", "经度", "Longitude", COORD, minimum=-180, maximum=180)
MAX_PRICE = 100_000_000  # as planner.records checks


def _money(name, zh, en, **options) -> Field:
    return _f(name, zh, en, MONEY, minimum=0, maximum=MAX_PRICE, **options)


LECTURER = (  # a plenary's or session's lecturer, for the 师资费
    _f("lecturer", "讲课人", "Lecturer"),
    _f("lecturer_level", "职称级别", "Title level", ENUM, enum="lecturer_level"),
    _f("lecture_hours", "学时", "Lecture hours", FLOAT, minimum=0, maximum=1000),
    _money("lecture_fee", "讲课费（元/学时）", "Lecture fee (yuan/hour)"),
)
LAT = _f("lat", "纬度", "Latitude", COORD, minimum=-90, maximum=90)
JOURNEY = (  # door to door: a group's own, else the programme's (planner.journey)
    _f("origin_site_id", "集合出发地点", "Leaves from", REF, ref="sites",
       none_text="同培训班", none_en="As the programme"),
    _f("return_site_id", "返回地点", "Returns to", REF, ref="sites",
       none_text="同出发地点", none_en="Where it left from"),
    _f("departure_day", "出发日", "Departure day", DAY, minimum=1, none_text="第 1 天", none_en="Day 1"),
    _f("return_day", "返回日", "Return day", DAY, minimum=1, none_text="最后一天", none_en="The last day"),
    _f("departure_time", "出发时间", "Leaves at", CLOCK),
)
NOTE = _f("note", "备注", "Note")

# Per kind: every field a form shows, in order. Table columns pick from these.
FIELDS: dict[str, tuple[Field, ...]] = {
    "programme": (
        _f("title", "培训班名称", "Title", optional=False),
        _f("organiser", "主办单位", "Organiser"),
        _f("themes", "教学主题", "Themes", LIST),
        _f("day_start", "每日开始", "Day starts", CLOCK),
        _f("day_end", "每日结束", "Day ends", CLOCK),
        _f("lunch_start", "午餐开始", "Lunch from", CLOCK),
        _f("lunch_end", "午餐结束", "Lunch until", CLOCK),
        *JOURNEY,
        _f("latest_return", "最晚返回时间", "Home by", CLOCK),
        _f("notes", "说明", "Notes"),
    ),
    "places": (
        _f("name", "名称", "Name", optional=False),
        _f("full_name", "全称", "Full name"),
        _f("kind", "类型", "Kind", ENUM, enum="place_kind"),
        _f("division_code", "区划代码", "Division code"),
        LON, LAT, NOTE,
    ),
    "sites": (
        _f("name", "名称", "Name", optional=False),
        _f("place_id", "县（市、区）", "Place", REF, ref="places"),
        _f("kind", "类型", "Kind", ENUM, enum="site_kind"),
        _f("themes", "教学主题", "Themes", LIST),
        _f("opens", "开放时间", "Opens", CLOCK),
        _f("closes", "关闭时间", "Closes", CLOCK),
        _f("visit_minutes", "参观时长（分钟）", "Visit (min)", INT, minimum=0, maximum=24 * 60),
        _f("capacity", "容纳人数", "Capacity", INT, minimum=0, maximum=100000),
        _f("contact_person", "联系人", "Contact"),
        _f("contact_phone", "联系电话", "Phone"),
        _f("address", "地址", "Address"),
        LON, LAT, NOTE,
        _money("teaching_fee", "现场教学费（元）", "Teaching fee (yuan)"),
        _f("teaching_fee_per", "教学费计费方式", "Teaching fee per", ENUM, enum="fee_per"),
        _f("questions", "考察提问（每行一问）", "Questions to ask (one a line)", LONG),
    ),
    "participants": (
        _f("name", "姓名", "Name", optional=False),
        _f("gender", "性别", "Gender", ENUM, enum="gender"),
        _f("unit", "单位", "Unit"),
        _f("title", "职务", "Title"),
        _f("group_id", "组", "Group", REF, ref="groups"),
        _f("role", "角色", "Role", ENUM, enum="role"),
        _f("phone", "电话", "Phone"),
        _f("interests", "关注主题", "Interests", LIST),
        _f("ethnicity", "民族", "Ethnicity"),
        _f("id_number", "身份证号", "ID number"),
        _f("room_type", "房型", "Room", ENUM, enum="room_type"),
        _f("locked", "固定分组", "Kept in group", BOOL),
        _f("group_reason", "分组理由", "Why this group", editable=False),
        NOTE,
    ),
    "sessions": (
        _f("title", "标题", "Title"),
        _f("kind", "形式", "Kind", ENUM, enum="session_kind"),
        _f("site_id", "现场教学点", "Site", REF, ref="sites", optional=False),
        _f("group_id", "组", "Group", REF, ref="groups", optional=False),
        _f("day", "日期", "Day", DAY, minimum=1),
        _f("start", "开始时间", "Start", CLOCK),
        _f("end", "结束时间", "End", CLOCK, editable=False),
        _f("minutes", "时长（分钟）", "Length (min)", INT, minimum=1, maximum=24 * 60,
           none_text="自动", none_en="Automatic"),
        _f("pinned", "固定时间", "Pinned", BOOL),
        _f("theme", "教学主题", "Theme"),
        _f("host", "主持 / 讲解", "Host"),
        *LECTURER,
    ),
    "plenaries": (
        _f("title", "名称", "Title", optional=False),
        _f("kind", "类型", "Kind", ENUM, enum="plenary_kind"),
        _f("day", "日期", "Day", DAY, minimum=1),
        _f("site_id", "地点", "Site", REF, ref="sites"),
        _f("start", "开始时间", "Start", CLOCK),
        _f("end", "结束时间", "End", CLOCK),
        _f("pinned", "固定时间", "Pinned", BOOL),
        _f("host", "主持", "Host"),
        _f("theme", "教学主题", "Theme"),
        *LECTURER,
    ),
    "groups": (
        _f("name", "名称", "Name", optional=False),
        _f("leader", "带队领导", "Leader"),
        _f("vehicle", "车辆", "Vehicle"),
        _f("capacity", "座位数", "Seats", INT, minimum=0, maximum=10000),
        _f("colour", "颜色", "Colour"),
        _f("themes", "本组教学主题", "Group's themes", LIST),
        *JOURNEY,
        _money("vehicle_price", "车辆费用（元/天）", "Vehicle (yuan/day)"),
    ),
    "legs": (
        _f("group_id", "组", "Group", REF, ref="groups", editable=False),
        _f("from_site_id", "出发", "From", REF, ref="sites", editable=False),
        _f("to_site_id", "到达", "To", REF, ref="sites", editable=False),
        _f("mode", "估算方式", "Estimated mode", ENUM, enum="leg_mode", editable=False),
        _f("distance_km", "距离（公里）", "Distance (km)", FLOAT, editable=False),
        _f("minutes", "估算用时（分钟）", "Estimated (min)", INT, editable=False),
        _f("manual_mode", "指定方式", "Mode (override)", ENUM, enum="leg_mode_optional",
           none_text="按估算", none_en="As estimated"),
        _f("manual_minutes", "指定用时（分钟）", "Minutes (override)", INT, minimum=0, maximum=48 * 60,
           none_text="按估算", none_en="As estimated"),
        NOTE,
    ),
    "lodgings": (
        _f("group_id", "组", "Group", REF, ref="groups", optional=False),
        _f("night", "第几晚", "Night", INT, minimum=1, maximum=366),
        _f("site_id", "宾馆", "Hotel", REF, ref="sites", optional=False),
        _money("room_price", "房价（元/间·晚）", "Room (yuan/night)"),
        NOTE,
    ),
    "budget_lines": (
        _f("name", "名称", "Name", optional=False),
        _f("item", "费用项目", "Item", ENUM, enum="cost_item"),
        _f("unit_price", "单价（元）", "Unit price (yuan)", MONEY, optional=False, minimum=0, maximum=MAX_PRICE),
        _f("quantity", "数量", "Quantity", FLOAT, optional=False, minimum=0, maximum=10_000_000),
        _f("unit", "单位", "Unit"),
        NOTE,
    ),
}
FIELDS.update({
    "indicators": (
        _f("place_id", "县（市、区）", "Place", REF, ref="places", none_text="（本地）", none_en="(home place)"),
        _f("region", "本地名称", "Home place"),
        _f("name", "指标", "Indicator", optional=False),
        _f("unit", "单位", "Unit"),
        _f("value", "数值", "Value"),
        _f("year", "年份", "Year", INT, minimum=1900, maximum=2999),
        _f("source", "来源", "Source"),
        _f("position", "顺序", "Order", INT, minimum=-100000, maximum=100000, optional=False),
    ),
    "measures": (
        _f("text", "举措", "Measure", optional=False),
        _f("unit", "责任单位", "Responsible unit"),
        _f("deadline", "完成时限", "Deadline"),
        _f("status", "进展情况", "Status", ENUM, enum="measure_status"),
        _f("site_id", "来源教学点", "From site", REF, ref="sites"),
        _f("session_id", "来源现场教学", "From session", REF, ref="sessions"),
        _f("position", "顺序", "Order", INT, minimum=-100000, maximum=100000, optional=False),
        NOTE,
    ),
    "reflections": (
        _f("participant_id", "学员", "Participant", REF, ref="participants", editable=False),
        _f("title", "题目", "Title"),
        _f("source", "导入自", "Imported from", editable=False),
        _f("text", "正文", "Text", LONG),
    ),
})
ENUM_LABELS["leg_mode_optional"] = {None: ("按估算", "As estimated"), **ENUM_LABELS["leg_mode"]}

# Table columns per kind (field names, in order).
TABLE_COLUMNS: dict[str, tuple[str, ...]] = {
    "places": ("name", "full_name", "kind", "division_code", "lon", "lat", "note"),
    "sites": ("name", "place_id", "kind", "themes", "opens", "closes", "visit_minutes", "capacity",
              "contact_person", "contact_phone", "address", "lon", "lat", "note"),
    "participants": ("name", "gender", "unit", "title", "group_id", "role", "phone", "interests", "locked",
                     "group_reason", "ethnicity", "id_number", "room_type", "note"),
    "indicators": ("place_id", "region", "name", "unit", "value", "year", "source", "position"),
    "measures": ("position", "text", "unit", "deadline", "status", "site_id", "session_id", "note"),
    "reflections": ("participant_id", "title", "source"),
}


def field(kind: str, name: str) -> Field:
    for spec in FIELDS[kind]:
        if spec.name == name:
            return spec
    raise KeyError(f"{kind}.{name}")


def table_columns(kind: str) -> tuple[Field, ...]:
    return tuple(field(kind, name) for name in TABLE_COLUMNS[kind])


def kinds_shown(kind: str) -> frozenset[str]:
    """The kinds whose changes alter what a table or form of ``kind`` shows."""
    return frozenset({kind, *(spec.ref for spec in FIELDS[kind] if spec.type == REF)})


def item_name(plan: Plan, kind: str, item) -> str:
    """A short name for an item, for undo labels and headings."""
    if item is None:
        return ""
    if kind == "sessions":
        site = plan.site(item.site_id)
        return item.title or (site.name if site else f"#{item.id}")
    if kind == "legs":
        a, b = plan.site(item.from_site_id), plan.site(item.to_site_id)
        return f"{a.name if a else '?'} → {b.name if b else '?'}"
    if kind == "lodgings":
        group, site = plan.group(item.group_id), plan.site(item.site_id)
        return QCoreApplication.translate("fields", "{group} 第{night}晚 {hotel}").format(
            group=group.name if group else "?", night=item.night, hotel=site.name if site else "").strip()
    if kind == "measures":
        return item.text if len(item.text) <= 20 else item.text[:20] + "…"
    if kind == "reflections":
        person = plan.get("participants", item.participant_id)
        return person.name if person else f"#{item.id}"
    if kind == "indicators":
        place = plan.place(item.place_id)
        return f"{place.name if place else item.region}{item.name}"
    return getattr(item, "name", None) or getattr(item, "title", None) or f"#{item.id}"


def edit_label(plan: Plan, kind: str, item, spec: Field) -> str:
    """The undo label of an edit to one field: 修改「阿里巴巴」的开放时间."""
    return QCoreApplication.translate("fields", "修改「{name}」的{field}").format(
        name=item_name(plan, kind, item), field=spec.title())
