"""Each group's route for phone map apps: KML (Google Earth, 奥维…) and GPX.

Stops in order (plenary venues and teaching sites), named in Chinese with their number
("1. 阿里巴巴（西溪园区）"), and the line joining them. Coordinates are WGS-84 as stored.
Stops with no coordinates (site or place) are left out.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from planner.documents import Documents, Stop, time_range
from planner.documents.output import NO_GROUPS, nothing_to_export
from planner.text import clean_text

KML_NS = "http://www.opengis.net/kml/2.2"
GPX_NS = "http://www.topografix.com/GPX/1/1"


def _groups(docs: Documents, group_id: int | None):
    """The groups to export, each with its located stops; a file with no stop at all
    would open as an empty map, so that is said instead."""
    groups = [(g, _located(docs.stops(g.id))) for g in docs.plan.ordered_groups()
              if group_id is None or g.id == group_id]
    if not groups:
        raise nothing_to_export(*NO_GROUPS)
    if not any(stops for _, stops in groups):
        raise nothing_to_export("线路上还没有带坐标的地点（先排好行程，并给地点定位）",
                                "no stop on the route has coordinates yet (schedule sessions at located sites)")
    return groups


def _located(stops: list[Stop]) -> list[Stop]:
    return [s for s in stops if s.lon is not None and s.lat is not None]


def _describe(docs: Documents, stop: Stop) -> str:
    day = docs.plan.programme.date_of(stop.day)
    return f"{stop.place}　第{stop.day}天（{day.month}月{day.day}日）{time_range(stop.arrive, stop.leave)}"


def _xml(root: ET.Element) -> bytes:
    # ElementTree writes control characters as they are, which no XML reader accepts:
    # a stray one in an old plan or a hand edit would make the whole file unreadable.
    for element in root.iter():
        if element.text:
            element.text = clean_text(element.text, multiline=True)
        for name, value in list(element.attrib.items()):
            element.set(name, clean_text(value))
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def kml_bytes(docs: Documents, group_id: int | None = None) -> bytes:
    ET.register_namespace("", KML_NS)
    k = lambda tag: f"{{{KML_NS}}}{tag}"  # noqa: E731
    root = ET.Element(k("kml"))
    document = ET.SubElement(root, k("Document"))
    ET.SubElement(document, k("name")).text = docs.title
    for group, stops in _groups(docs, group_id):
        colour = group.colour.lstrip("#")
        style = ET.SubElement(document, k("Style"), id=f"group{group.id}")
        line = ET.SubElement(style, k("LineStyle"))
        if len(colour) == 6:  # KML colours are aabbggrr
            ET.SubElement(line, k("color")).text = f"ff{colour[4:6]}{colour[2:4]}{colour[0:2]}"
        ET.SubElement(line, k("width")).text = "4"
        folder = ET.SubElement(document, k("Folder"))
        ET.SubElement(folder, k("name")).text = group.name
        for stop in stops:
            mark = ET.SubElement(folder, k("Placemark"))
            ET.SubElement(mark, k("name")).text = stop.label
            ET.SubElement(mark, k("description")).text = _describe(docs, stop)
            point = ET.SubElement(mark, k("Point"))
            ET.SubElement(point, k("coordinates")).text = f"{stop.lon:.6f},{stop.lat:.6f},0"
        if len(stops) > 1:
            mark = ET.SubElement(folder, k("Placemark"))
            ET.SubElement(mark, k("name")).text = f"{group.name}线路"
            ET.SubElement(mark, k("styleUrl")).text = f"#group{group.id}"
            path = ET.SubElement(mark, k("LineString"))
            ET.SubElement(path, k("tessellate")).text = "1"
            ET.SubElement(path, k("coordinates")).text = " ".join(
                f"{s.lon:.6f},{s.lat:.6f},0" for s in stops
            )
    return _xml(root)


def gpx_bytes(docs: Documents, group_id: int | None = None) -> bytes:
    ET.register_namespace("", GPX_NS)
    g = lambda tag: f"{{{GPX_NS}}}{tag}"  # noqa: E731
    root = ET.Element(g("gpx"), version="1.1", creator="考察方案编排 study-tour planner")
    metadata = ET.SubElement(root, g("metadata"))
    ET.SubElement(metadata, g("name")).text = docs.title
    routes = []
    for group, stops in _groups(docs, group_id):
        for stop in stops:
            point = ET.SubElement(root, g("wpt"), lat=f"{stop.lat:.6f}", lon=f"{stop.lon:.6f}")
            ET.SubElement(point, g("name")).text = f"{group.name} {stop.label}"
            ET.SubElement(point, g("desc")).text = _describe(docs, stop)
        routes.append((group, stops))
    for group, stops in routes:  # GPX wants every wpt before the first rte
        route = ET.SubElement(root, g("rte"))
        ET.SubElement(route, g("name")).text = f"{group.name}线路"
        ET.SubElement(route, g("number")).text = str(group.position + 1)
        for stop in stops:
            point = ET.SubElement(route, g("rtept"), lat=f"{stop.lat:.6f}", lon=f"{stop.lon:.6f}")
            ET.SubElement(point, g("name")).text = stop.label
            ET.SubElement(point, g("desc")).text = _describe(docs, stop)
    return _xml(root)
