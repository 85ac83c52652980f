"""对标指标: figures per place for the benchmarking handbook, and the home place.

A spreadsheet (``python main.py indicators import PLAN FILE.xlsx``) has one row per
place: the first column 地区 names a place of the plan, or the home place (the county
the delegation comes from, any name that is no place of the plan); then one column per
indicator, headed with its name and unit (``地区生产总值（亿元）``); optional 年份 and
来源 columns give each row's year and source. Empty cells are no figure.

Re-importing updates the figures already in the plan (same place, same indicator) and
adds the new ones; figures not in the file are kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from planner.edits import Delete, Insert, Update
from planner.errors import BilingualError
from planner.material.preview import Bad, Good, MaterialError, Preview
from planner.model import Indicator, Place, Plan

REGION_HEADERS = ("地区", "县（市、区）", "县市区", "地名", "区域", "region", "place")
YEAR_HEADERS = ("年份", "年度", "数据年份", "year")
SOURCE_HEADERS = ("来源", "数据来源", "资料来源", "source")
_UNIT = re.compile(r"^(.*?)\s*[（(]\s*([^（）()]*?)\s*[）)]\s*$")
_YEAR = re.compile(r"^(\d{4})\s*年?(?:度)?$")
_NUMBER = re.compile(r"^[+-]?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$")


def home_region(plan: Plan) -> str:
    """The region named by the plan's own home figures (indicators without a place: a
    county that is no place of the plan), or ''."""
    for indicator in sorted(plan.indicators, key=lambda i: i.id):
        if indicator.place_id is None and indicator.region:
            return indicator.region
    return ""


def home_of(plan: Plan, group_id: int | None = None) -> tuple[int | None, str]:
    """The home place the handbook compares with, as (place id, name): the region of the
    plan's home figures when it has some (place id None); else the place the group (or
    the programme) leaves from, its origin; else (None, '').

    The one place that says where home is."""
    region = home_region(plan)
    if region:
        return None, region
    group = plan.group(group_id) if group_id is not None else None
    site_id = (group.origin_site_id if group is not None else None) or plan.programme.origin_site_id
    place = plan.place_of(plan.site(site_id)) if site_id is not None and plan.site(site_id) else None
    return (place.id, place.name) if place is not None else (None, "")


def home_name(plan: Plan) -> str:
    """The home place's name (the county the delegation comes from), or ''."""
    return home_of(plan)[1]


def split_header(header: str) -> tuple[str, str]:
    """'地区生产总值（亿元）' -> ('地区生产总值', '亿元'); '主导产业' -> ('主导产业', '')."""
    match = _UNIT.match(header.strip())
    if match and match[1]:
        return match[1].strip(), match[2].strip()
    return header.strip(), ""


def figure_text(cell: str) -> str:
    """A cell as a figure: long binary fractions from Excel (0.30000000000000004) cut to
    what was typed."""
    text = cell.strip()
    if _NUMBER.match(text) and len(text) > 12:
        return f"{float(text):.10g}"
    return text


def match_place(plan: Plan, text: str) -> list[Place]:
    """The places of the plan a 地区 cell names: by name or full name, or a tail of the
    full name ('金华市义乌市'), or the name without its 市/县/区 ('义乌')."""
    text = re.sub(r"\s+", "", text)
    if not text:
        return []
    exact = [p for p in plan.places if text in (p.name, p.full_name)]
    if exact:
        return exact
    tails = [p for p in plan.places if p.full_name and p.full_name.endswith(text) and len(text) >= 2]
    if tails:
        return tails
    return [p for p in plan.places if len(text) >= 2 and p.name[:-1] == text and p.name[-1] in "市县区旗"]


@dataclass(frozen=True)
class _Columns:
    region: int
    year: int | None
    source: int | None
    indicators: tuple[tuple[int, str, str], ...]  # (column, name, unit)


def _columns(header: tuple[str, ...]) -> _Columns:
    def find(names) -> int | None:
        return next((i for i, h in enumerate(header) if h.strip().lower() in names), None)

    region = find(REGION_HEADERS)
    if region is None:
        region = 0
    year, source = find(YEAR_HEADERS), find(SOURCE_HEADERS)
    indicators = tuple((i, *split_header(h)) for i, h in enumerate(header)
                       if h.strip() and i not in (region, year, source))
    return _Columns(region, year, source, indicators)


def _header_row(rows) -> int:
    """The index (in ``rows``) of the header: the first row whose first cells name 地区,
    else the first row."""
    for index, (_number, cells) in enumerate(rows[:10]):
        if any(c.strip().lower() in REGION_HEADERS for c in cells[:3]):
            return index
    return 0


def read_indicators(plan: Plan, path, sheet: str | None = None, home: str | None = None) -> Preview:
    """The preview of importing ``path``. ``home`` names the file's home place, needed
    when the plan already has another one or the file names several unknown places."""
    from planner.roster.sources import read_sheet

    path = Path(path)
    try:
        table = read_sheet(path, sheet)
    except BilingualError as error:
        raise MaterialError(error.message_zh, error.message_en) from None
    rows = list(table.rows)
    at = _header_row(rows)
    header_number, header = rows[at]
    columns = _columns(header)
    if not columns.indicators:
        raise MaterialError(f"「{path.name}」第 {header_number} 行没有指标列（应为“地区”后跟各指标，如“地区生产总值（亿元）”）",
                            f"'{path.name}' row {header_number} has no indicator columns (地区 followed by one "
                            "column per indicator, e.g. 地区生产总值（亿元）)")
    names = [name for _, name, _ in columns.indicators]
    repeated = sorted({n for n in names if names.count(n) > 1})
    if repeated:
        raise MaterialError(f"指标列重复：{'、'.join(repeated)}", f"indicator columns given twice: {', '.join(repeated)}")

    def cell(cells, column):
        return cells[column].strip() if column is not None and column < len(cells) else ""

    # Which rows are the home place: names that are no place of the plan.
    current_home = home_region(plan)  # an origin of the plan is home only until figures name another
    unknown = []
    for number, cells in rows[at + 1:]:
        region = cell(cells, columns.region)
        if region and not match_place(plan, region) and region not in unknown:
            unknown.append(region)
    bad: list[Bad] = []
    notes: list[tuple[str, str]] = []
    chosen: str | None = None
    if home is not None:
        if match_place(plan, home):
            raise MaterialError(f"「{home}」是方案中的县（市、区），不能作为本地", f"'{home}' is a place of the plan, not the home place")
        if not any(cell(c, columns.region) == home for _, c in rows[at + 1:]):
            raise MaterialError(f"文件中没有地区「{home}」", f"the file has no region '{home}'")
        chosen = home
    elif len(unknown) == 1 and current_home and unknown[0] != current_home:
        bad.append(Bad(f"地区「{unknown[0]}」", f"方案的本地已是「{current_home}」；要改为「{unknown[0]}」请指定本地（--home {unknown[0]}）",
                       f"the plan's home place is '{current_home}'; to make it '{unknown[0]}', name it as the "
                       f"home place (--home {unknown[0]})"))
    elif len(unknown) == 1:
        chosen = unknown[0]
    elif current_home in unknown:
        chosen = current_home
    for region in unknown:
        if region != chosen and not any(b.where == f"地区「{region}」" for b in bad):
            if chosen:
                bad.append(Bad(f"地区「{region}」", f"不是方案中的县（市、区），也不是本地「{chosen}」",
                               f"no place of the plan, and not the home place '{chosen}'"))
            else:
                bad.append(Bad(f"地区「{region}」", "不是方案中的县（市、区）；本地只能有一个（请用 --home 指定），其余请改正名称",
                               "no place of the plan; there is one home place (name it with --home): correct the others"))
    if chosen:
        notes.append((f"本地（对标对象）：{chosen}", f"home place: {chosen}"))
    elif not current_home and home_name(plan):
        origin = home_name(plan)
        notes.append((f"本地（对标对象）：{origin}（方案的出发地）", f"home place: {origin} (where the plan sets out from)"))
    extra = []
    if chosen and current_home and chosen != current_home:
        notes.append((f"原本地「{current_home}」的指标将删除", f"the figures of the former home '{current_home}' are removed"))
        extra = [Delete("indicators", i.id) for i in plan.indicators if i.place_id is None]
    if columns.source is None:
        notes.append(("文件没有“来源”列，手册中这些数据将注明“未注明来源”", "the file has no 来源 column: the handbook "
                      "will say these figures have no source"))

    existing = {(i.place_id, i.region if i.place_id is None else "", i.name): i
                for i in plan.indicators if not (extra and i.place_id is None)}
    good: list[Good] = []
    seen: dict[tuple, int] = {}
    next_id = max((i.id for i in plan.indicators), default=0) + 1
    for number, cells in rows[at + 1:]:
        region = cell(cells, columns.region)
        where = f"第 {number} 行"
        if not region:
            if any(cell(cells, c) for c, _, _ in columns.indicators):
                bad.append(Bad(where, "没有填地区", "no region given"))
            continue
        places = match_place(plan, region)
        if len(places) > 1:
            bad.append(Bad(where, f"「{region}」对应方案中多个县（市、区）：{'、'.join(p.full_name or p.name for p in places)}",
                           f"'{region}' matches several places of the plan"))
            continue
        if not places and region != chosen:
            continue  # reported once above
        place_id = places[0].id if places else None
        key_region = "" if places else region
        shown = places[0].name if places else region
        if (place_id, key_region) in seen:
            bad.append(Bad(where, f"「{shown}」与第 {seen[(place_id, key_region)]} 行重复",
                           f"'{shown}' repeats row {seen[(place_id, key_region)]}"))
            continue
        seen[(place_id, key_region)] = number
        year_text = cell(cells, columns.year)
        year = None
        if year_text:
            match = _YEAR.match(year_text)
            if not match or not 1900 <= int(match[1]) <= 2999:
                bad.append(Bad(where, f"年份无效：{year_text}", f"not a year: {year_text}"))
                continue
            year = int(match[1])
        source = cell(cells, columns.source)
        edits, shown_values, actions = [], [], set()
        for position, (column, name, unit) in enumerate(columns.indicators, 1):
            value = figure_text(cell(cells, column))
            if not value:
                continue
            values = {"name": name, "place_id": place_id, "region": key_region, "unit": unit, "value": value,
                      "year": year, "source": source, "position": position}
            shown_values.append(f"{name} {value}{unit}")
            old = existing.get((place_id, key_region, name))
            if old is None:
                edits.append(Insert("indicators", {"id": next_id, **values}))
                next_id += 1
                actions.add("new")
                continue
            changes = {k: v for k, v in values.items() if getattr(old, k) != v}
            if changes:
                edits.append(Update("indicators", old.id, changes))
            actions.add("update" if changes else "same")
        if not shown_values:
            continue
        action = "update" if "update" in actions else "new" if "new" in actions else "same"
        what = f"{shown}{'（本地）' if place_id is None else ''}：{'，'.join(shown_values)}"
        good.append(Good(where, what, tuple(edits), action))
    if not good and not bad:
        raise MaterialError(f"「{path.name}」中没有任何指标数据", f"'{path.name}' holds no figures")
    return Preview("对标指标", "indicators", path.name, tuple(good), tuple(bad), tuple(notes), tuple(extra),
                   tuple(unknown), chosen or "")


def indicator_order(plan: Plan) -> list[tuple[str, str]]:
    """(name, unit) of every indicator, in the handbook's order (by position, then as
    first entered)."""
    first: dict[str, tuple[int, int, str]] = {}
    for indicator in plan.indicators:
        key = (indicator.position, indicator.id, indicator.unit)
        if indicator.name not in first or key < first[indicator.name]:
            first[indicator.name] = key
    return [(name, unit) for name, (_p, _i, unit) in sorted(first.items(), key=lambda kv: kv[1][:2])]


def figures_of(plan: Plan, place_id: int | None, region: str = "") -> dict[str, Indicator]:
    """A place's figures by indicator name (``place_id`` None: the home place ``region``)."""
    return {i.name: i for i in sorted(plan.indicators, key=lambda i: i.id)
            if i.place_id == place_id and (place_id is not None or i.region == region)}
