"""Offline gazetteer of Chinese administrative divisions (province, prefecture, county).

Data: ``resources/gazetteer/divisions.csv`` (built by ``tools/build_gazetteer.py``) and the
hand-written ``resources/gazetteer/zones.csv`` of functional zones (新区, 开发区 …) that are
*not* administrative divisions. Pure Python, standard library only.

Typical use::

    gz = Gazetteer.default()
    result = gz.lookup("金华义乌")
    if result.status == "found":
        place = result.division          # Division(code="330782", name="义乌市", …)
    else:
        show(result.message_zh)          # ambiguous / not a division / not found
"""

from __future__ import annotations

import csv
import difflib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from planner.resources import resource_path

__all__ = ["Division", "Zone", "LookupResult", "Gazetteer", "normalize"]

# Names ending like this are functional zones / development areas, not divisions.
ZONE_SUFFIXES = (
    "新区", "开发区", "高新区", "园区", "经济区", "示范区", "新片区", "片区", "保税区",
    "自贸区", "试验区", "合作区", "产业园", "科技城", "工业园", "科技园", "集聚区",
)
# Pinyin of administrative suffixes a user may type after the name (yiwushi).
# Each with the characters the division's name then ends with (yiwushi: 义乌市, not 伊吾县).
_PINYIN_SUFFIXES = {"zizhizhou": "自治州", "zizhixian": "自治县", "zizhiqi": "自治旗",
                    "zizhiqu": "自治区", "sheng": "省", "diqu": "地区", "xian": "县", "shi": "市",
                    "qu": "区", "qi": "旗", "meng": "盟"}
_MAX_LISTED = 12  # candidates named in an "ambiguous" message
_SPACES = re.compile(r"[\s'’‘`·・\-_.,，。、]+")


def normalize(text: str) -> str:
    """Canonical form for matching: NFKC (full-width → half-width), no spaces or
    apostrophes, lower case, ü/v → u."""
    text = unicodedata.normalize("NFKC", text or "")
    text = _SPACES.sub("", text).lower()
    return text.replace("ü", "u").replace("v", "u")


@dataclass(frozen=True)
class Division:
    """One administrative division. ``prefecture`` is empty for provinces and for
    county-level units directly under a province (仙桃市, 济源市, 五家渠市 …); for the
    municipalities (北京 天津 上海 重庆) it is the municipality itself."""

    code: str
    name: str
    level: str  # "province" | "prefecture" | "county"
    province: str
    prefecture: str
    full_name: str
    short_name: str
    pinyin: str
    initials: str
    lon: float
    lat: float
    coord_quality: str = "exact"  # exact | polygon (polygon centroid) | parent (parent's point)

    @property
    def province_code(self) -> str:
        return self.code[:2] + "0000"

    def is_within(self, other: "Division") -> bool:
        """True if ``other`` is a strict ancestor (province or prefecture) of this one."""
        if other.code == self.code:
            return False
        if other.level == "province":
            return self.code[:2] == other.code[:2]
        if other.level == "prefecture":
            return self.level == "county" and self.code[:4] == other.code[:4]
        return False

    @property
    def rank(self) -> int:
        """Rough prominence used to order candidates: province > prefecture >
        county-level city > other county-level units."""
        if self.level == "province":
            return 3
        if self.level == "prefecture":
            return 2
        return 1 if self.name.endswith("市") else 0


@dataclass(frozen=True)
class Zone:
    """A well-known functional zone (新区, 开发区 …) that is not an administrative division."""

    name: str
    aliases: tuple[str, ...]
    host: Division | None
    lon: float
    lat: float
    note: str


@dataclass(frozen=True)
class LookupResult:
    """Outcome of :meth:`Gazetteer.lookup`, with user-facing messages in both languages."""

    status: str  # "found" | "ambiguous" | "not_a_division" | "not_found"
    matches: tuple[Division, ...]
    zone: Zone | None
    message_zh: str
    message_en: str

    @property
    def division(self) -> Division | None:
        """The single match when ``status == "found"``."""
        return self.matches[0] if self.status == "found" and len(self.matches) == 1 else None


# Match tiers: lower is better.
_T_NAME, _T_SHORT, _T_PINYIN, _T_INITIALS = 0, 1, 2, 3


class Gazetteer:
    """Look-up and type-ahead search over the divisions."""

    _default: "Gazetteer | None" = None

    def __init__(self, divisions: Iterable[Division], zones: Iterable[tuple] = ()) -> None:
        self._divisions: tuple[Division, ...] = tuple(divisions)
        self._by_code: dict[str, Division] = {d.code: d for d in self._divisions}
        # key -> {division code: best tier}
        self._keys: dict[str, dict[str, int]] = {}
        self._parents: dict[str, list[Division]] = {}
        self._search_rows: list[tuple[Division, str, str, str, str, str]] = []
        for d in self._divisions:
            name, short, full = normalize(d.name), normalize(d.short_name), normalize(d.full_name)
            py, ini = normalize(d.pinyin), normalize(d.initials)
            for key, tier in ((name, _T_NAME), (full, _T_NAME), (short, _T_SHORT),
                              (py, _T_PINYIN), (ini, _T_INITIALS)):
                if key:
                    slot = self._keys.setdefault(key, {})
                    slot[d.code] = min(tier, slot.get(d.code, tier))
            if d.level != "county":
                for key in {name, short, full, py}:
                    self._parents.setdefault(key, []).append(d)
            self._search_rows.append((d, name, short, full, py, ini))
        # A "<parent><rest>" key can only start with a parent name this long: trying longer
        # prefixes of a long typed text would make every look-up quadratic in its length.
        self._parent_len = max(map(len, self._parents), default=0)
        self._zones: dict[str, Zone] = {}
        self._zone_list: list[Zone] = []
        for name, aliases, host_code, lon, lat, note in zones:
            zone = Zone(name=name, aliases=tuple(aliases), host=self._by_code.get(host_code),
                        lon=float(lon), lat=float(lat), note=note)
            self._zone_list.append(zone)
            for key in (name, *aliases):
                self._zones[normalize(key)] = zone

    # -- loading -------------------------------------------------------------------------

    @classmethod
    def load(cls, divisions_csv: Path, zones_csv: Path | None = None) -> "Gazetteer":
        """Read the CSV files written by ``tools/build_gazetteer.py``."""
        with open(divisions_csv, encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f))
        header, body = rows[0], rows[1:]
        idx = {col: i for i, col in enumerate(header)}
        fields = ("code", "name", "level", "province", "prefecture", "full_name",
                  "short_name", "pinyin", "initials")
        divisions = []
        for r in body:
            if not r:
                continue
            divisions.append(Division(
                *(r[idx[c]] for c in fields),
                lon=float(r[idx["lon"]]), lat=float(r[idx["lat"]]),
                coord_quality=r[idx["coord_quality"]] if "coord_quality" in idx else "exact",
            ))
        zones = []
        if zones_csv is not None and zones_csv.exists():
            with open(zones_csv, encoding="utf-8", newline="") as f:
                for z in csv.DictReader(f):
                    aliases = tuple(a.strip() for a in (z.get("aliases") or "").split("|")
                                    if a.strip())
                    zones.append((z["name"].strip(), aliases, z["host_code"].strip(),
                                  z["lon"], z["lat"], (z.get("note") or "").strip()))
        return cls(divisions, zones)

    @classmethod
    def default(cls) -> "Gazetteer":
        """The bundled gazetteer, loaded once and cached."""
        if cls._default is None:
            cls._default = cls.load(resource_path("gazetteer", "divisions.csv"),
                                    resource_path("gazetteer", "zones.csv"))
        return cls._default

    # -- basic access --------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._divisions)

    def __iter__(self):
        return iter(self._divisions)

    @property
    def zones(self) -> tuple[Zone, ...]:
        return tuple(self._zone_list)

    def by_code(self, code: str) -> Division | None:
        """Division by its 6-digit code (12-digit codes and ints are accepted too)."""
        code = str(code).strip()
        if len(code) == 12 and code.endswith("000000"):
            code = code[:6]
        return self._by_code.get(code)

    # -- matching ------------------------------------------------------------------------

    def _exact(self, key: str) -> dict[str, int]:
        return self._keys.get(key, {})

    def _parent_splits(self, key: str, rest_at_least: int):
        """(parents, rest) for each way ``key`` starts with a province or prefecture name
        followed by at least ``rest_at_least`` characters. Only prefixes as long as the
        longest parent name are tried, so the work does not grow with the length of key."""
        for i in range(2, min(len(key) - rest_at_least, self._parent_len) + 1):
            parents = self._parents.get(key[:i])
            if parents:
                yield parents, key[i:]

    def _resolve(self, key: str, depth: int = 0) -> dict[str, int]:
        """Codes matching ``key`` with their tier: exact keys first, else
        "<parent><rest>" splits (金华义乌, 浙江省金华市义乌市, jinhuayiwu)."""
        found = self._exact(key)
        if found:
            return dict(found)
        out: dict[str, int] = {}
        if depth < 2:
            for parents, rest in self._parent_splits(key, 2):
                for code, tier in self._resolve(rest, depth + 1).items():
                    d = self._by_code[code]
                    if any(d.is_within(p) for p in parents):
                        out[code] = min(tier, out.get(code, tier))
        if not out and key.isascii():
            for suffix, ending in _PINYIN_SUFFIXES.items():  # "yiwushi" -> "yiwu", then 义乌市
                if key.endswith(suffix) and len(key) > len(suffix) + 1:
                    out = self._resolve(key[: -len(suffix)], depth)
                    named = {c: t for c, t in out.items() if self._by_code[c].name.endswith(ending)}
                    out = named or out
                    if out:
                        break
        return out

    def _parents_for(self, parent: str) -> list[Division]:
        key = normalize(parent)
        codes = self._resolve(key)
        best = min(codes.values(), default=None)
        return [self._by_code[c] for c, t in codes.items()
                if t == best and self._by_code[c].level != "county"]

    @staticmethod
    def _order(divs: Iterable[Division]) -> list[Division]:
        return sorted(divs, key=lambda d: (-d.rank, d.code))

    def _zone_for(self, key: str, depth: int = 0) -> Zone | None:
        """A known zone named ``key``, possibly prefixed by province/prefecture names."""
        zone = self._zones.get(key)
        if zone is not None or depth >= 2:
            return zone
        for parents, rest in self._parent_splits(key, 2):
            zone = self._zone_for(rest, depth + 1)
            if zone is not None and (zone.host is None or any(
                    zone.host.code == p.code or zone.host.is_within(p) for p in parents)):
                return zone
        return None

    # -- public API ----------------------------------------------------------------------

    def lookup(self, query: str, parent: str | None = None) -> LookupResult:
        """Resolve a user-typed place name to exactly one division, or explain why not.

        Accepts full names (浙江省金华市义乌市), parent + name (金华义乌, 杭州市余杭区),
        names (义乌市), short names (义乌), pinyin (yiwu, "Yi Wu") and initials (yw).
        ``parent`` (province or prefecture, full or short) narrows the candidates.
        """
        shown = unicodedata.normalize("NFKC", query or "").strip()
        key = normalize(query)
        if not key:
            return LookupResult("not_found", (), None, "请输入地名。",
                                "Please enter a place name.")
        scope: list[Division] | None = None
        if parent is not None and normalize(parent):
            scope = self._parents_for(parent)
            if not scope:
                return LookupResult(
                    "not_found", (), None,
                    f"无法识别上级地区「{parent.strip()}」，请输入省或地级市名称。",
                    f"Unknown parent region “{parent.strip()}”; "
                    "please give a province or prefecture name.")

        if key.isdigit() and len(key) in (6, 12):  # a division code
            d = self.by_code(key)
            if d is not None and (scope is None or any(
                    d.code == p.code or d.is_within(p) for p in scope)):
                return self._found(shown, d)
            return LookupResult("not_found", (), None, f"没有代码为「{shown}」的行政区划。",
                                f"No administrative division has the code “{shown}”.")

        codes = self._resolve(key)
        if codes:
            matches = [self._by_code[c] for c in codes]
            if scope is not None:
                inside = [d for d in matches
                          if any(d.is_within(p) or d.code == p.code for p in scope)]
                if not inside:
                    where = "、".join(p.full_name for p in scope)
                    others = "、".join(d.full_name for d in self._order(matches)[:_MAX_LISTED])
                    return LookupResult(
                        "not_found", (), None,
                        f"在「{where}」范围内没有找到「{shown}」。同名的有：{others}。",
                        f"No “{shown}” found within {where}. Places with that name: {others}.")
                codes = {d.code: codes[d.code] for d in inside}
            best = min(codes.values())
            top = self._order(self._by_code[c] for c, t in codes.items() if t == best)
            return self._decide(shown, top, best)

        zone = self._zone_for(key)
        if zone is not None:
            return self._not_a_division(shown, zone)
        if any(key.endswith(normalize(s)) for s in ZONE_SUFFIXES):
            return self._not_a_division(shown, None)
        return self._not_found(shown, key)

    def _decide(self, shown: str, top: list[Division], tier: int) -> LookupResult:
        """One division, or the choice: a name or pinyin that several divisions share
        (长沙: 长沙市 and 长沙县 in it; lianjiang: 廉江市 and 连江县) is never settled by
        taking the most prominent one."""
        if len(top) == 1:
            return self._found(shown, top[0])
        names = "、".join(d.full_name for d in top[:_MAX_LISTED])
        more_zh = f"等 {len(top)} 个" if len(top) > _MAX_LISTED else ""
        more_en = f" and {len(top) - _MAX_LISTED} more" if len(top) > _MAX_LISTED else ""
        return LookupResult(
            "ambiguous", tuple(top), None,
            f"「{shown}」对应多个行政区划，请选择其一，或写出全称、补充上级地区：{names}{more_zh}。",
            f"“{shown}” matches {len(top)} divisions; choose one, or give the full name or the "
            f"province or prefecture: {', '.join(d.full_name for d in top[:_MAX_LISTED])}{more_en}.")

    @staticmethod
    def _found(shown: str, d: Division) -> LookupResult:
        zh = f"已找到「{shown}」：{d.full_name}（{d.code}）。"
        en = f"Found “{shown}”: {d.full_name} ({d.code})."
        if d.coord_quality != "exact":
            zh += "（坐标为近似值）"
            en += " (approximate coordinates)"
        return LookupResult("found", (d,), None, zh, en)

    @staticmethod
    def _not_a_division(shown: str, zone: Zone | None) -> LookupResult:
        zh = (f"「{shown}」不是行政区划（功能区/开发区），没有行政区划代码，"
              "请手动输入坐标或在地图上点选位置")
        en = (f"“{shown}” is not an administrative division (it is a functional zone or "
              "development area) and has no division code; please enter coordinates "
              "manually or pick the location on the map")
        if zone is not None:
            where_zh = f"，位于{zone.host.full_name}" if zone.host else ""
            where_en = f" in {zone.host.full_name}" if zone.host else ""
            zh += (f"。已知功能区「{zone.name}」{where_zh}，参考坐标约 "
                   f"{zone.lon:.2f}°E, {zone.lat:.2f}°N。{zone.note}")
            en += (f". Known zone “{zone.name}”{where_en}, approximately "
                   f"{zone.lon:.2f}°E, {zone.lat:.2f}°N.")
        else:
            zh += "。"
            en += "."
        return LookupResult("not_a_division", (), zone, zh, en)

    def _not_found(self, shown: str, key: str) -> LookupResult:
        close = self.search(key, limit=5) or self._similar(key)
        if close:
            names = "、".join(d.full_name for d in close)
            return LookupResult(
                "not_found", (), None,
                f"未找到行政区划「{shown}」。您是不是要找：{names}？",
                f"No administrative division named “{shown}”. Did you mean: "
                f"{', '.join(d.full_name for d in close)}?")
        return LookupResult(
            "not_found", (), None,
            f"未找到行政区划「{shown}」，请检查名称，或手动输入坐标/在地图上点选位置。",
            f"No administrative division named “{shown}”; check the name, or enter "
            "coordinates / pick the location on the map.")

    def _similar(self, key: str, limit: int = 5) -> list[Division]:
        if key.isascii():
            pool = {d.pinyin.replace("v", "u"): d for d in self._order(self._divisions)}
        else:
            pool = {}
            for d in self._order(self._divisions):
                pool.setdefault(normalize(d.name), d)
                pool.setdefault(normalize(d.short_name), d)
        hits = difflib.get_close_matches(key, list(pool), n=limit * 2, cutoff=0.6)
        out: list[Division] = []
        for h in hits:
            if pool[h] not in out:
                out.append(pool[h])
        return out[:limit]

    def search(self, text: str, limit: int = 20) -> list[Division]:
        """Type-ahead: divisions whose name, short name, full name, pinyin or initials
        start with ``text`` (also "<parent><prefix>", e.g. 金华义). Exact matches first,
        then prefix matches on names/pinyin, then full names, then initials; within a
        group higher levels first (province, prefecture, county-level city, county)."""
        key = normalize(text)
        if not key or limit <= 0:
            return []
        scored: dict[str, tuple] = {}

        def offer(d: Division, score: int) -> None:
            entry = (score, -d.rank, len(d.name), d.code)
            if d.code not in scored or entry < scored[d.code]:
                scored[d.code] = entry

        for d, name, short, full, py, ini in self._search_rows:
            if key in (name, short, full, py, ini):
                offer(d, 0)
            elif name.startswith(key) or short.startswith(key) or py.startswith(key):
                offer(d, 1)
            elif full.startswith(key):
                offer(d, 2)
            elif ini.startswith(key):
                offer(d, 3)
        for parents, rest in self._parent_splits(key, 1):
            for d, name, short, full, py, ini in self._search_rows:
                if any(d.is_within(p) for p in parents) and (
                        name.startswith(rest) or short.startswith(rest) or py.startswith(rest)):
                    offer(d, 2)
        ranked = sorted(scored.values())
        return [self._by_code[e[3]] for e in ranked[:limit]]
