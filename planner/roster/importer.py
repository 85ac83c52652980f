"""Roster import: a preview first (good rows, bad rows and why), then one edit.

``preview_roster(plan, sheet)`` reads nothing into the plan: it recognises the columns,
checks every row and matches each person against the people already in the plan (by
ID number, else name and unit, else name and mobile), so that re-importing an updated
sheet updates them instead of adding them twice. ``preview.edit()`` is the one Batch
edit that writes all good rows — one transaction, one undo step — and is refused
while there are bad rows unless they are skipped on purpose.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from planner.bulk import collector_paused
from planner.edits import Batch, Insert, Update
from planner.limits import text_problem
from planner.model import Participant, Plan
from planner.roles import role_by_name, roles_of
from planner.roster.columns import FIELDS, IGNORE, find_header, guess_mapping
from planner.roster.idcard import gender_of_id, id_problem, normalise_id
from planner.roster.sources import RosterError, Sheet, read_sheet

GENDERS = {"男": "male", "男性": "male", "m": "male", "male": "male", "man": "male",
           "女": "female", "女性": "female", "f": "female", "female": "female", "woman": "female"}
# Other words rosters use for the shipped roles (their own names are known from planner.roles).
ROLE_ALIASES = {"": "member", "成员": "member", "带队": "group_leader", "领队": "group_leader",
                "团长": "group_leader", "组长": "group_leader", "leader": "group_leader",
                "观察团成员": "observer", "观察团": "observer", "记者": "journalist", "随团记者": "journalist"}
# Fields a re-import may change on a person already in the plan.
PERSON_FIELDS = ("name", "unit", "title", "gender", "phone", "ethnicity", "id_number", "note", "role", "interests")
_LANDLINE = re.compile(r"^0\d{2,3}-?\d{7,8}(-\d{1,6})?$")
_SPLIT = re.compile(r"[、,，;；/／\s]+")
NUMERALS = "零一二三四五六七八九十"
SHOWN = 40  # characters of a too-long cell kept to name it in the report


@dataclass(frozen=True)
class GoodRow:
    row: int  # sheet row number
    values: dict  # participant fields, domain form
    action: str  # "new", "update" or "same"
    participant_id: int | None = None  # the person it updates
    changes: dict = field(default_factory=dict)
    warnings: tuple[tuple[str, str], ...] = ()

    @property
    def name(self) -> str:
        return self.values["name"]


@dataclass(frozen=True)
class BadRow:
    row: int
    name: str
    reasons: tuple[tuple[str, str], ...]  # (Chinese, English)

    def text_zh(self) -> str:
        return "；".join(zh for zh, _ in self.reasons)

    def text_en(self) -> str:
        return "; ".join(en for _, en in self.reasons)


@dataclass(frozen=True)
class RosterPreview:
    """What an import would do; nothing is written until ``edit()`` is applied."""

    source: str
    sheet: str
    sheets: tuple[str, ...]
    header_row: int  # sheet row number of the header
    columns: tuple[str, ...]  # the header cells
    mapping: dict  # column index -> field
    good: tuple[GoodRow, ...]
    bad: tuple[BadRow, ...]
    encoding: str = ""

    def count(self, action: str) -> int:
        return sum(1 for r in self.good if r.action == action)

    def edit(self, skip_bad: bool = False) -> Batch:
        """The edit that writes every good row (new people, changed people) as one step."""
        if self.bad and not skip_bad:
            raise RosterError(f"名单有 {len(self.bad)} 行有误，未导入任何人（可跳过有误的行后导入）",
                              f"{len(self.bad)} row(s) are bad: nobody was imported (skip the bad rows to import the rest)")
        edits = []
        for row in self.good:
            if row.action == "new":
                edits.append(Insert("participants", dict(row.values)))
            elif row.action == "update":
                edits.append(Update("participants", row.participant_id, dict(row.changes)))
        new, updated = self.count("new"), self.count("update")
        return Batch(tuple(edits), f"导入学员名单（新增 {new} 人，更新 {updated} 人）")

    def summary(self) -> str:
        new, updated, same = self.count("new"), self.count("update"), self.count("same")
        return (f"新增 {new} 人，更新 {updated} 人，无变化 {same} 人；有误 {len(self.bad)} 行 / "
                f"{new} new, {updated} updated, {same} unchanged; {len(self.bad)} bad row(s)")

    def report(self) -> str:
        """The preview as text, for the terminal."""
        where = f"「{self.source}」工作表「{self.sheet}」" + (f"（{self.encoding}）" if self.encoding else "")
        lines = [f"学员名单{where}，表头在第 {self.header_row} 行 / sheet '{self.sheet}', header on row {self.header_row}"]
        mapped = [f"{self.columns[i] if i < len(self.columns) else i + 1}→{FIELDS[f][0]}"
                  for i, f in sorted(self.mapping.items()) if f != IGNORE]
        lines.append(f"  列 / columns: {'，'.join(mapped)}")
        unmapped = [c for i, c in enumerate(self.columns) if c and self.mapping.get(i, IGNORE) == IGNORE]
        if unmapped:
            lines.append(f"  未导入的列 / columns not imported: {'，'.join(unmapped)}")
        lines.append(self.summary())
        if self.bad:
            lines.append("有误的行 / bad rows:")
            for bad in self.bad:
                who = f"「{bad.name}」" if bad.name else ""
                lines.append(f"  第 {bad.row} 行{who}：{bad.text_zh()}")
                lines.append(f"    row {bad.row}{f' ({bad.name})' if bad.name else ''}: {bad.text_en()}")
        warned = [r for r in self.good if r.warnings]
        if warned:
            lines.append("提示 / notes:")
            for row in warned:
                for zh, en in row.warnings:
                    lines.append(f"  第 {row.row} 行「{row.name}」：{zh} / row {row.row}: {en}")
        return "\n".join(lines)


# --- cleaning one cell ------------------------------------------------------------------


def clean_name(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "").strip()
    if any("\u4e00" <= c <= "\u9fff" for c in text):
        return "".join(text.split())  # 王　伟 -> 王伟 (names padded to align)
    return " ".join(text.split())


def clean_phone(text: str) -> tuple[str, tuple[str, str] | None]:
    """(the number as stored, or the reason it is not a mobile / landline number)."""
    raw = unicodedata.normalize("NFKC", text or "").strip()
    if not raw:
        return "", None
    compact = re.sub(r"[\s\u00a0]", "", raw)
    if _LANDLINE.match(compact):
        return compact, None
    digits = re.sub(r"[\s\-()]", "", compact)
    if digits.startswith("+86"):
        digits = digits[3:]
    elif digits.startswith("0086"):
        digits = digits[4:]
    elif len(digits) == 13 and digits.startswith("86"):
        digits = digits[2:]
    if not digits.isdigit() or len(digits) != 11 or not digits.startswith("1"):
        return raw, (f"手机号码「{raw}」不是 11 位数字", f"the mobile number '{raw}' is not 11 digits")
    return digits, None


def parse_group(text: str, plan: Plan) -> int | None | str:
    """A group's id from '第一组', '一组', '1', '第1组' or its name; 'unknown' if none."""
    key = unicodedata.normalize("NFKC", text or "").strip()
    if not key:
        return None
    for group in plan.groups:
        if group.name == key:
            return group.id
    number = key.removeprefix("第").removesuffix("组")
    if number.isdigit():
        index = int(number)
    elif number and all(c in NUMERALS for c in number):
        index = _chinese_number(number)
    else:
        return "unknown"
    ordered = plan.ordered_groups()
    return ordered[index - 1].id if 1 <= index <= len(ordered) else "unknown"


def _chinese_number(text: str) -> int:
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + NUMERALS.index(text[1])
    if "十" in text:
        tens, _, ones = text.partition("十")
        return NUMERALS.index(tens) * 10 + (NUMERALS.index(ones) if ones else 0)
    return NUMERALS.index(text) if len(text) == 1 else -1


def _row_values(cells: tuple[str, ...], mapping: dict, plan: Plan):
    """(values, reasons, warnings) of one row."""
    raw = {f: cells[i].strip() if i < len(cells) else "" for i, f in mapping.items() if f != IGNORE}
    reasons: list[tuple[str, str]] = []
    warnings: list[tuple[str, str]] = []
    for key, text in raw.items():
        problem = text_problem(key, text)
        if problem:
            reasons.append((f"{FIELDS[key][0]}{problem[0]}", f"{FIELDS[key][1]}: {problem[1]}"))
            raw[key] = text[:SHOWN] + "…"  # the row is refused; its report stays readable
    values: dict = {}
    name = clean_name(raw.get("name", ""))
    if not name:
        reasons.append(("缺少姓名", "the name is missing"))
    values["name"] = name
    for key in ("unit", "title", "ethnicity", "note"):
        if key in raw:
            values[key] = " ".join(raw[key].split())
    if "gender" in raw:
        text = unicodedata.normalize("NFKC", raw["gender"]).strip().lower()
        if text and text not in GENDERS:
            reasons.append((f"性别「{raw['gender']}」无法识别（应为男或女）", f"unknown gender '{raw['gender']}' (男 or 女)"))
        values["gender"] = GENDERS.get(text, "")
    if "phone" in raw:
        phone, problem = clean_phone(raw["phone"])
        if problem:
            reasons.append(problem)
        values["phone"] = phone
    if "id_number" in raw and raw["id_number"]:
        number = normalise_id(raw["id_number"])
        problem = id_problem(number)
        if problem and re.fullmatch(r"\d(\.\d+)?E\+\d+", number):
            problem = ("身份证号被存成了数字（末几位已丢失），请把该列设为文本后重填",
                       "the ID number was stored as a number and lost its last digits: make the column text and re-enter it")
        if problem:
            reasons.append(problem)
        values["id_number"] = number
        from_id = gender_of_id(number) if not problem else ""
        if from_id and not values.get("gender"):
            values["gender"] = from_id
        elif from_id and values.get("gender") and values["gender"] != from_id:
            warnings.append(("性别与身份证号不符", "the gender does not match the ID number"))
    if "role" in raw:
        key = unicodedata.normalize("NFKC", raw["role"]).strip().lower().replace(" ", "")
        code = ROLE_ALIASES.get(key) or role_by_name(plan, key)
        if code is None:
            known = roles_of(plan).values()
            reasons.append((f"角色「{raw['role']}」无法识别（{'、'.join(r.name for r in known)}）",
                            f"unknown role '{raw['role']}' ({', '.join(r.name_en or r.name for r in known)})"))
        values["role"] = code or "member"
    if "interests" in raw and raw["interests"]:
        values["interests"] = tuple(t for t in _SPLIT.split(raw["interests"]) if t)
    if "group" in raw and raw["group"]:
        group = parse_group(raw["group"], plan)
        if group == "unknown":
            names = "、".join(g.name for g in plan.ordered_groups()) or "无"
            reasons.append((f"方案中没有「{raw['group']}」（现有：{names}）",
                            f"the plan has no group '{raw['group']}'"))
        else:
            values["group_id"] = group
            values["locked"] = True
            values["group_reason"] = "名单指定（已锁定）"
    return values, reasons, warnings


# --- who is who ---------------------------------------------------------------------


def same_person(a: dict, b: dict) -> bool:
    """By ID number when both have one; else name and unit; else name and mobile."""
    if a.get("name") != b.get("name"):
        return False
    if a.get("id_number") and b.get("id_number"):
        return a["id_number"] == b["id_number"]
    if a.get("unit") and a.get("unit") == b.get("unit"):
        return True
    return bool(a.get("phone")) and a.get("phone") == b.get("phone")


class _People:
    """An index of people (rows or participants) by the keys they can be matched on."""

    def __init__(self):
        self.by_id: dict[str, list] = {}
        self.by_name: dict[str, list] = {}

    def add(self, record: dict, owner) -> None:
        if record.get("id_number"):
            self.by_id.setdefault(record["id_number"], []).append((record, owner))
        self.by_name.setdefault(record.get("name", ""), []).append((record, owner))

    def find(self, record: dict):
        for _other, owner in self.by_id.get(record.get("id_number") or "\0", ()):
            return owner  # the same ID number is the same person, even under a corrected name
        for other, owner in self.by_name.get(record.get("name", ""), ()):
            if same_person(record, other):
                return owner
        return None


def _as_record(person: Participant) -> dict:
    return {name: getattr(person, name) for name in PERSON_FIELDS}


def preview_rows(plan: Plan, sheet: Sheet, mapping: dict, header_position: int, source: str = "") -> RosterPreview:
    with collector_paused():  # every row's values stay alive in the preview
        return _preview_rows(plan, sheet, mapping, header_position, source)


def _preview_rows(plan: Plan, sheet: Sheet, mapping: dict, header_position: int, source: str) -> RosterPreview:
    if "name" not in mapping.values():
        raise RosterError("没有指定「姓名」列，无法导入", "no column is mapped to the name: nothing can be imported")
    existing = _People()
    for person in plan.participants:
        existing.add(_as_record(person), person)
    in_sheet = _People()
    claimed: dict[int, int] = {}  # participant id -> the row that updates them
    good, bad = [], []
    mapped = [i for i, f in mapping.items() if f != IGNORE]
    for number, cells in sheet.rows[header_position + 1:]:
        if not any(i < len(cells) and cells[i].strip() for i in mapped):
            continue  # a blank line, a footer in an unmapped column
        values, reasons, warnings = _row_values(cells, mapping, plan)
        if values["name"]:
            first = in_sheet.find(values)
            if first is not None:
                reasons.append((f"与第 {first} 行是同一人（重复）", f"the same person as row {first} (duplicate)"))
            else:
                in_sheet.add(values, number)
        person = existing.find(values) if values["name"] else None
        if person is not None and person.id in claimed and not reasons:
            row = claimed[person.id]
            reasons.append((f"与第 {row} 行对应方案中的同一学员", f"matches the same participant as row {row}"))
        if reasons:
            bad.append(BadRow(number, values["name"], tuple(reasons)))
            continue
        if person is None:
            good.append(GoodRow(number, values, "new", warnings=tuple(warnings)))
            continue
        claimed[person.id] = number
        changes = {}
        for key, value in values.items():
            if key in ("locked", "group_reason"):
                continue
            if value in ("", (), None) and key not in ("group_id",):
                continue  # an empty cell keeps what the plan has
            if getattr(person, key) != value:
                changes[key] = value
        if "group_id" in changes:
            changes.update(locked=True, group_reason=values["group_reason"])
        action = "update" if changes else "same"
        good.append(GoodRow(number, values, action, person.id, changes, tuple(warnings)))
    header_number, header = sheet.rows[header_position]
    return RosterPreview(source or sheet.name, sheet.name, sheet.sheets or (sheet.name,), header_number, header,
                         dict(mapping), tuple(good), tuple(bad), sheet.encoding)


def preview_roster(plan: Plan, path, sheet: str | None = None, mapping: dict | None = None,
                   header_row: int | None = None) -> RosterPreview:
    """Read ``path`` and preview its import into ``plan``. ``mapping`` (column index,
    letter or header text -> field) overrides the recognised columns; ``header_row`` is
    the header's sheet row number when it is not found by itself."""
    table = read_roster_sheet(path, sheet)
    return preview_sheet(plan, table, mapping, header_row, str(getattr(path, "name", path)))


def read_roster_sheet(path, sheet: str | None = None) -> Sheet:
    """The sheet named ``sheet``; without a name, the first sheet with a recognisable
    header (a note sheet before the roster is passed over), else the first with data."""
    table = read_sheet(path, sheet)
    if sheet is not None or len(table.sheets) < 2:
        return table
    try:
        find_header(table)
        return table
    except RosterError:
        pass
    for name in table.sheets:
        if name == table.name:
            continue
        try:
            other = read_sheet(path, name)
            find_header(other)
            return other
        except RosterError:
            continue
    return table


def preview_sheet(plan: Plan, table: Sheet, mapping: dict | None = None, header_row: int | None = None,
                  source: str = "") -> RosterPreview:
    """The preview of a sheet already read (the app reads a file once, then previews
    each change of the column mapping)."""
    position = header_position(table, header_row, bool(mapping and "name" in mapping.values()))
    header = table.rows[position][1]
    width = max(len(cells) for _, cells in table.rows)
    columns = guess_mapping(header)
    for key, value in (mapping or {}).items():
        index = _column_index(key, header, width)
        if value not in FIELDS and value != IGNORE:
            raise RosterError(f"未知字段「{value}」（可用：{'、'.join(FIELDS)}）", f"unknown field '{value}'")
        for other, old in list(columns.items()):
            if old == value and value != IGNORE and other != index:
                del columns[other]
        columns[index] = value
    return preview_rows(plan, table, columns, position, source=source)


def header_position(table: Sheet, header_row: int | None = None, mapped_by_hand: bool = False) -> int:
    """Where the header is in ``table.rows``: at ``header_row`` (a sheet row number), else
    found; with the columns mapped by hand and no header found, the first row."""
    if not table.rows:  # no row to be the header, not even the first (a sheet left empty)
        raise RosterError(f"工作表「{table.name}」是空的", f"the sheet '{table.name}' is empty")
    if header_row is not None:
        if header_row < 1:
            raise RosterError(f"表头行 {header_row} 无效：行号从 1 开始",
                              f"header row {header_row} is not valid: header rows start at 1")
        position = next((i for i, (n, _) in enumerate(table.rows) if n >= header_row), None)
        if position is None:
            raise RosterError(f"表头行 {header_row} 超出表格范围", f"header row {header_row} is beyond the table")
        return position
    try:
        return find_header(table)
    except RosterError:
        if not mapped_by_hand:
            raise
        return 0


def _column_index(key, header: tuple[str, ...], width: int) -> int:
    """The 0-based index of a column given as an index (the app), a header text, a
    letter or a 1-based number; a column beyond the sheet is refused, never read as
    another one (0 would be Python's -1, the last column)."""
    if isinstance(key, int):
        index, shown = key, str(key + 1)
    else:
        text = str(key).strip()
        for index, cell in enumerate(header):
            if cell.strip() == text:
                return index
        if len(text) == 1 and "A" <= text.upper() <= "Z":  # a column letter: A, B…
            index, shown = ord(text.upper()) - ord("A"), text
        elif text.isdecimal():  # isdigit() would let '²' through to int()
            index, shown = int(text) - 1, text
        else:
            raise RosterError(f"表头中没有「{text}」列", f"the header has no column '{text}'")
    if not 0 <= index < width:
        raise RosterError(f"没有第 {shown} 列：这张表共有 {width} 列（从 1 或 A 数起）",
                          f"there is no column {shown}: the sheet has {width} columns (counted from 1, or A)")
    return index
