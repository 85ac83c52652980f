"""Build ``resources/transport/`` (airports and high-speed rail stations) from its sources.

    pip install '.[data]'                  # airportsdata
    python tools/build_transport.py

- Airports: the airports of mainland China with an IATA code in PyPI ``airportsdata``
  (MIT), less the ones without scheduled passenger flights (``NOT_SCHEDULED``, with the
  reason), with the corrections in ``CORRECTED``. Each is placed in its prefecture-level
  and county-level division by the basemap's polygons (``resources/map``).
- Stations: ``tools/transport_sources/hsr_stations.csv``, compiled by hand for this
  project (see resources/transport/SOURCE.md): the station, the division it serves (a
  name the gazetteer resolves to exactly one division), its coordinates where known
  (else the division's point is used and the row says ``seat``) and the top speed of the
  fastest line through it.

Writes ``airports.csv``, ``hsr_stations.csv`` and ``README.md`` (how complete the data
is) and stops with a message when a row cannot be placed.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from planner.gazetteer import Gazetteer  # noqa: E402
from planner.resources import resource_path  # noqa: E402

OUT = resource_path("transport")
STATIONS_SOURCE = ROOT / "tools" / "transport_sources" / "hsr_stations.csv"

# airportsdata lists these with an IATA code, but no scheduled passenger flight uses them.
NOT_SCHEDULED = {
    "NAY": "Beijing Nanyuan: closed to civil flights in 2019 (moved to Daxing)",
    "BFU": "Bengbu's old airport: replaced by Bengbu Tenghu (BFY)",
    "LSG": "Leshan: under construction",
    "WNJ": "Weining: under construction",
    "ZSP": "Zhushan: under construction",
    "LHK": "Guanghua / Laohekou: military",
    "RUG": "Rugao: military air base",
    "WHU": "Wuhu air base: military (Wuhu's civil airport is WHA)",
    "XEN": "Xingcheng: military air base",
    "DEQ": "Deqing Moganshan: general aviation",
}
# Where airportsdata's point is outdated: code -> (lon, lat, why).
CORRECTED = {
    "KMG": (102.929, 25.102, "Kunming Changshui (opened 2012); airportsdata has old Wujiaba"),
}
# High-speed lines not joined to the mainland's network: no train runs between two networks.
NETWORKS = {"46": "hainan", "54": "tibet"}
# Chinese names where "<city>机场" would be ambiguous or unidiomatic.
NAMES_ZH = {
    "PEK": "北京首都国际机场", "PKX": "北京大兴国际机场", "SHA": "上海虹桥国际机场",
    "PVG": "上海浦东国际机场", "CTU": "成都双流国际机场", "TFU": "成都天府国际机场",
    "CKG": "重庆江北国际机场", "KMG": "昆明长水国际机场", "CAN": "广州白云国际机场",
    "SZX": "深圳宝安国际机场", "HGH": "杭州萧山国际机场", "NKG": "南京禄口国际机场",
    "CZX": "常州奔牛国际机场", "ENY": "延安南泥湾机场", "XIY": "西安咸阳国际机场",
    "WUH": "武汉天河国际机场", "CSX": "长沙黄花国际机场", "TSN": "天津滨海国际机场",
    "WUX": "苏南硕放国际机场", "YTY": "扬州泰州国际机场", "NGB": "宁波栎社国际机场",
    "YIW": "义乌机场", "SHE": "沈阳桃仙国际机场", "HRB": "哈尔滨太平国际机场",
    "CGO": "郑州新郑国际机场", "CGQ": "长春龙嘉国际机场", "TAO": "青岛胶东国际机场",
    "TNA": "济南遥墙国际机场", "XMN": "厦门高崎国际机场", "FOC": "福州长乐国际机场",
    "KWE": "贵阳龙洞堡国际机场", "NNG": "南宁吴圩国际机场", "HAK": "海口美兰国际机场",
    "SYX": "三亚凤凰国际机场", "LHW": "兰州中川国际机场", "URC": "乌鲁木齐地窝堡国际机场",
    "HFE": "合肥新桥国际机场", "KHN": "南昌昌北国际机场", "TYN": "太原武宿国际机场",
    "SJW": "石家庄正定国际机场", "HET": "呼和浩特白塔国际机场", "INC": "银川河东国际机场",
    "XNN": "西宁曹家堡国际机场", "LXA": "拉萨贡嘎国际机场", "DLC": "大连周水子国际机场",
}


def decode_ring(flat: list[int], scale: int) -> list[tuple[float, float]]:
    x, y = flat[0], flat[1]
    points = [(x / scale, y / scale)]
    for i in range(2, len(flat), 2):
        x, y = x + flat[i], y + flat[i + 1]
        points.append((x / scale, y / scale))
    return points


def inside(point: tuple[float, float], rings) -> bool:
    """Even-odd rule over all rings of a unit (as the map fills them)."""
    px, py = point
    hit = False
    for ring in rings:
        for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
            if (y1 > py) != (y2 > py) and px < x1 + (py - y1) * (x2 - x1) / (y2 - y1):
                hit = not hit
    return hit


def load_units(name: str) -> list[tuple[str, str, list]]:
    data = json.loads((resource_path("map", name)).read_text(encoding="utf-8"))
    return [(u["c"], u["n"], [decode_ring(r, data["scale"]) for r in u["r"]]) for u in data["units"]]


def unit_at(units, lon: float, lat: float) -> tuple[str, str] | None:
    for code, name, rings in units:
        if inside((lon, lat), rings):
            return code, name
    return None


def build_airports(gazetteer: Gazetteer, prefectures, counties) -> list[dict]:
    import airportsdata

    rows = []
    for code, a in sorted(airportsdata.load("IATA").items()):
        if a["country"] != "CN" or code in NOT_SCHEDULED:
            continue
        lon, lat = float(a["lon"]), float(a["lat"])
        if code in CORRECTED:
            lon, lat, _why = CORRECTED[code]
        prefecture = unit_at(prefectures, lon, lat)
        county = unit_at(counties, lon, lat)
        if prefecture is None:
            raise SystemExit(f"{code} {a['name']}: ({lon}, {lat}) is in no prefecture-level division")
        place = gazetteer.by_code(county[0]) if county else None
        city = gazetteer.by_code(prefecture[0])
        name_zh = NAMES_ZH.get(code)
        if name_zh is None:
            # A county-level city or county names its own airport (义乌, 敦煌); else the prefecture.
            near = place if place is not None and place.name[-1] in "市县旗" and place.level == "county" else city
            name_zh = f"{(near or city).short_name}机场"
        rows.append({"iata": code, "name": a["name"].strip(), "name_zh": name_zh,
                     "lon": f"{lon:.4f}", "lat": f"{lat:.4f}",
                     "division_code": (place or city).code, "prefecture_code": prefecture[0]})
    return rows


def build_stations(gazetteer: Gazetteer) -> list[dict]:
    rows, seen = [], set()
    with open(STATIONS_SOURCE, encoding="utf-8", newline="") as f:
        for line, r in enumerate(csv.DictReader(f), start=2):
            result = gazetteer.lookup(r["serves"])
            if result.status != "found":
                raise SystemExit(f"{STATIONS_SOURCE.name}:{line}: {r['station']}: {result.message_en}")
            division = result.division
            if r["station"] in seen:
                raise SystemExit(f"{STATIONS_SOURCE.name}:{line}: {r['station']} listed twice")
            seen.add(r["station"])
            if r["lon"] and r["lat"]:
                lon, lat, quality = float(r["lon"]), float(r["lat"]), "hand"
            else:
                lon, lat, quality = division.lon, division.lat, "seat"
            prefecture = division.code if division.level != "county" or not division.prefecture \
                else division.code[:4] + "00"
            if division.code[:2] in ("11", "12", "31", "50"):
                prefecture = division.code[:2] + "0000"  # a municipality is its own prefecture
            rows.append({"station": r["station"], "lon": f"{lon:.4f}", "lat": f"{lat:.4f}",
                         "coord_quality": quality, "speed": int(r["speed"]),
                         "network": NETWORKS.get(division.code[:2], "mainland"),
                         "division_code": division.code, "prefecture_code": prefecture})
    return rows


def prefecture_level(gazetteer: Gazetteer) -> dict[str, str]:
    """Code -> name of every prefecture-level unit, the four municipalities included."""
    units = {d.code: d.name for d in gazetteer if d.level == "prefecture"}
    units.update({d.code: d.name for d in gazetteer if d.level == "province" and d.code[:2] in ("11", "12", "31", "50")})
    return units


def write_csv(path: Path, rows: list[dict]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def readme(airports, stations, units: dict[str, str]) -> str:
    with_station = {s["prefecture_code"] for s in stations} & set(units)
    with_airport = {a["prefecture_code"] for a in airports} & set(units)
    hand = sum(1 for s in stations if s["coord_quality"] == "hand")
    without = sorted(set(units) - with_station)
    return f"""# Transport network data (generated by tools/build_transport.py; do not edit)

Source, licence and how it was compiled: [SOURCE.md](SOURCE.md).

| file | rows | what |
|---|---|---|
| `airports.csv` | {len(airports)} | airports with scheduled passenger flights: IATA code, names, point, the division it lies in |
| `hsr_stations.csv` | {len(stations)} | stations served by high-speed trains (G/D/C): name, point, line speed, the division it serves |

## How complete it is
- Prefecture-level units (333 prefectures and the 4 municipalities): {len(units)}.
- With an airport in this list: **{len(with_airport)}** of {len(units)}.
- With a high-speed station in this list: **{len(with_station)}** of {len(units)}.
  Usually the main station of the city only; county-level stations are listed for the
  Yangtze delta (where the sample tours go) and a few others. A place whose own station
  is missing is reached through the nearest listed one, which makes rail look slower
  than it is there.
- Station points: {hand} entered by hand (about ±3 km), {len(stations) - hand} placed at the point of the
  division they serve (`coord_quality` `seat`; a station is often 5–15 km from the seat).
- Units without a listed station ({len(without)}): {"、".join(units[c] for c in without)}.

## How it was checked
- Every station's division is resolved by the offline gazetteer to exactly one division
  (the build stops otherwise); every airport is placed inside a prefecture-level unit by
  the basemap's polygons (the build stops otherwise).
- `tests/test_travel_data.py` checks the files: codes unique, points inside China and
  within 60 km of the division a station serves, the airports of the model routes present.
- `tests/test_travel_pairs.py` checks door-to-door estimates built on this data against
  published road distances and typical fastest rail and flight times of 30+ city pairs.
"""


def main() -> None:
    gazetteer = Gazetteer.default()
    prefectures, counties = load_units("prefectures.json"), load_units("counties.json")
    airports = build_airports(gazetteer, prefectures, counties)
    stations = build_stations(gazetteer)
    OUT.mkdir(parents=True, exist_ok=True)
    write_csv(OUT / "airports.csv", airports)
    write_csv(OUT / "hsr_stations.csv", stations)
    (OUT / "README.md").write_text(readme(airports, stations, prefecture_level(gazetteer)), encoding="utf-8")
    print(f"{OUT}: {len(airports)} airports, {len(stations)} stations")


if __name__ == "__main__":
    main()
