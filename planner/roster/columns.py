"""The roster's columns: the usual Chinese headers recognised, and the header row found
below any title rows (a merged 「……学员名单」 above the table is common)."""

from __future__ import annotations

import re
import unicodedata

from planner.roster.sources import RosterError, Sheet

# The fields a roster can fill, with their names (Chinese, English).
FIELDS: dict[str, tuple[str, str]] = {
    "name": ("姓名", "name"),
    "unit": ("单位", "unit"),
    "title": ("职务", "title"),
    "gender": ("性别", "gender"),
    "phone": ("手机", "mobile"),
    "ethnicity": ("民族", "ethnicity"),
    "id_number": ("身份证号", "ID number"),
    "note": ("备注", "note"),
    "role": ("角色", "role"),
    "group": ("组别", "group"),
    "interests": ("关注主题", "interests"),
}
IGNORE = ""  # a column mapped to nothing

ALIASES: dict[str, tuple[str, ...]] = {
    "name": ("姓名", "名字", "学员姓名", "学员", "参训人员", "name", "fullname"),
    "unit": ("单位", "工作单位", "所在单位", "单位名称", "工作单位及职务", "单位及职务", "所在县市区", "县市区",
             "派出单位", "unit", "organization", "organisation", "employer"),
    "title": ("职务", "职位", "现任职务", "职务职级", "职级", "title", "position", "post"),
    "gender": ("性别", "sex", "gender"),
    "phone": ("手机", "手机号", "手机号码", "联系电话", "电话", "联系方式", "移动电话", "手机电话", "电话号码",
              "mobile", "phone", "tel", "telephone"),
    "ethnicity": ("民族", "ethnicity", "nationality"),
    "id_number": ("身份证号", "身份证号码", "身份证", "公民身份号码", "证件号码", "身份证件号码", "idnumber", "idcard", "id"),
    "note": ("备注", "说明", "其他", "note", "notes", "remark", "remarks"),
    "role": ("角色", "身份", "人员类别", "类别", "人员类型", "role"),
    "group": ("组别", "分组", "所在组", "小组", "组", "group"),
    "interests": ("关注领域", "关注主题", "学习需求", "兴趣", "意向主题", "感兴趣的主题", "关注方向", "教学主题",
                  "interests", "themes"),
}

_BRACKETS = re.compile(r"[\(\[（【<《].*?[\)\]）】>》]")
_LOOKUP = {alias: field for field, aliases in ALIASES.items() for alias in aliases}


def normalise_header(text: str) -> str:
    """'手机号码（必填）*' -> '手机号码'; full-width and spacing ignored, lower-case."""
    text = unicodedata.normalize("NFKC", text or "")
    text = _BRACKETS.sub("", text)
    text = re.sub(r"[\s\*:：_\-/\\.·]", "", text)
    return text.lower()


def field_of_header(text: str) -> str | None:
    """The field a header names, or None. Exact aliases first, then a short header that
    contains one (e.g. '本人手机' -> phone); long cells (titles) never match."""
    key = normalise_header(text)
    if not key:
        return None
    if key in _LOOKUP:
        return _LOOKUP[key]
    if len(key) > 8:
        return None
    for field, aliases in ALIASES.items():
        for alias in aliases:
            if len(alias) >= 2 and not alias.isascii() and alias in key:
                return field
    return None


def guess_mapping(header: tuple[str, ...]) -> dict[int, str]:
    """Column index -> field for every recognised header (each field once, first wins)."""
    mapping: dict[int, str] = {}
    used: set[str] = set()
    for index, text in enumerate(header):
        field = field_of_header(text)
        if field is not None and field not in used:
            mapping[index] = field
            used.add(field)
    return mapping


HEADER_SCAN = 1_000  # rows searched for the header: title rows, notes, blank lines above it


def find_header(sheet: Sheet, scan: int = HEADER_SCAN) -> int:
    """The position (in ``sheet.rows``) of the header row: the first row that names the
    name column and at least one other known column; else the first that names only the
    name column, by one of its own headers (a list of names under 姓名). A title that
    merely contains such a word (学员名单, 参训人员名册) is no header: taking it for one
    would import every row below, title rows and all, as people."""
    best = None
    for position, (_number, cells) in enumerate(sheet.rows[:scan]):
        mapping = guess_mapping(cells)
        if "name" in mapping.values() and len(mapping) >= 2:
            return position
        if best is None and any(field == "name" and normalise_header(cells[index]) in ALIASES["name"]
                                for index, field in mapping.items()):
            best = position
    if best is not None:
        return best
    shown = min(scan, len(sheet.rows))
    raise RosterError(
        f"在工作表「{sheet.name}」的前 {shown:,} 行中找不到表头（需要一行列名，其中有「姓名」和至少另一列，如「单位」「性别」）；"
        "可手动指定表头行和列",
        f"no header row in the first {shown:,} rows of sheet '{sheet.name}' (a row naming 姓名 (name) and at least "
        "one more column, such as 单位 or 性别, is needed); give the header row and the columns by hand",
    )
