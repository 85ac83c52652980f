"""The map pane, offscreen: markers, bridge, escaping, no network, incremental updates,
and route pictures for printing."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace

import pytest

pytest.importorskip("PySide6.QtWebEngineCore")

from PySide6.QtWebEngineCore import QWebEngineUrlRequestInterceptor  # noqa: E402

XSS = "<img src=x onerror=alert(1)>"
XSS_FLAG = '<img src=x onerror="window.__pwned=1">'
WAIT = 30000


class Recorder(QWebEngineUrlRequestInterceptor):
    """Records every URL any map page asks for."""

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def interceptRequest(self, info):  # noqa: N802
        self.urls.append(info.requestUrl().toString())


@pytest.fixture(scope="session")
def recorder(qapp):
    from ui.map.scheme import map_profile

    recorder = Recorder()  # referenced by the fixture for the whole session
    map_profile().setUrlRequestInterceptor(recorder)
    yield recorder
    map_profile().setUrlRequestInterceptor(None)


def js(qtbot, pane, code):
    """Evaluate ``code`` (which must return a JSON string) in the page."""
    box = {}
    pane.run_js(code, lambda result: box.setdefault("result", result))
    qtbot.waitUntil(lambda: "result" in box, timeout=WAIT)
    return json.loads(box["result"])


def open_map(qtbot, plan, size=(1000, 700)):
    from ui.map.view import MapPane

    pane = MapPane()
    qtbot.addWidget(pane)
    pane.resize(*size)
    pane.show()
    with qtbot.waitSignals([pane.ready, pane.applied, pane.basemapLoaded], timeout=WAIT):
        pane.set_plan(plan)
    return pane


@pytest.fixture
def pane(qtbot, recorder, sample):
    return open_map(qtbot, sample)


def test_one_marker_per_site(qtbot, pane, sample):
    counts = js(qtbot, pane, "JSON.stringify([planner.markerCount(), planner.visibleMarkerCount()])")
    assert counts == [len(sample.sites), len(sample.sites)]
    places = js(qtbot, pane, "JSON.stringify(document.querySelectorAll('.place-label').length)")
    assert places == 18  # the published routes' 18 county-level places


def test_the_legend_and_popups_speak_the_app_s_language(qtbot, recorder, sample, english):
    pane = open_map(qtbot, sample)
    seen = js(qtbot, pane, "JSON.stringify([planner.language, document.querySelector('.pm-legend').innerText,"
                           " document.querySelector('.leaflet-control-attribution').innerText])")
    language, legend, attribution = seen
    assert language == "en"
    for words in ("Legend", "Routes (groups)", "Day 1", "Lodging", "High-speed rail / flight", "第一组"):
        assert words in legend
    assert "图例" not in legend and "住宿" not in legend and "Boundaries" in attribution


def test_clicking_a_marker_selects_the_site(qtbot, pane, sample):
    site = sample.sites[5]
    with qtbot.waitSignal(pane.siteClicked, timeout=WAIT) as blocker:
        pane.run_js(f"planner.markers.get({site.id}).marker.fire('click'); 'ok'")
    assert blocker.args == [site.id]


def test_plan_text_is_shown_as_text_and_runs_nothing(qtbot, recorder, sample):
    target, other = sample.sites[4], sample.sites[6]
    plan = sample.with_items(
        "sites",
        [replace(s, name=XSS) if s.id == target.id else replace(s, name=XSS_FLAG) if s.id == other.id else s
         for s in sample.sites],
    )
    plan = plan.with_items("groups", [replace(g, name=XSS if g.id == 1 else g.name) for g in plan.groups])
    recorder.urls.clear()
    pane = open_map(qtbot, plan)
    shown = js(qtbot, pane, f"""(function () {{
        var m = planner.markers.get({target.id}).marker;
        m.openPopup(); m.openTooltip();
        return JSON.stringify({{
            popup: document.querySelector('.leaflet-popup-content h3').textContent,
            tooltip: document.querySelector('.leaflet-tooltip').textContent,
            legend: document.querySelector('.pm-legend').textContent,
            images: document.querySelectorAll('img[src="x"]').length,
            pwned: window.__pwned === 1}});
    }})()""")
    assert shown["popup"] == XSS
    assert shown["tooltip"].startswith(XSS)
    assert XSS in shown["legend"]
    assert shown["images"] == 0 and not shown["pwned"]
    pane.run_js(f"planner.markers.get({other.id}).marker.openPopup(); 'ok'")
    assert js(qtbot, pane, "JSON.stringify(window.__pwned === 1)") is False
    assert pane.page.alerts == []
    assert not any(url.rstrip("/").endswith("/x") for url in recorder.urls)


def test_no_request_leaves_the_app(qtbot, recorder, sample):
    recorder.urls.clear()
    pane = open_map(qtbot, sample)
    # use it: click, select, filter, pick, edit
    with qtbot.waitSignal(pane.siteClicked, timeout=WAIT):
        pane.run_js(f"planner.markers.get({sample.sites[0].id}).marker.fire('click'); 'ok'")
    for kind, ids in (("sites", [3]), ("sessions", [5]), ("groups", [2]), ("places", [4]), ("day", [2])):
        with qtbot.waitSignal(pane.applied, timeout=WAIT):
            pane.select(kind, ids)
    with qtbot.waitSignal(pane.applied, timeout=WAIT):
        pane.show_day(3)
    with qtbot.waitSignal(pane.applied, timeout=WAIT):
        pane.start_pick()
    with qtbot.waitSignal(pane.placePicked, timeout=WAIT) as picked:
        pane.run_js("planner.fireMapClick(30.5, 120.5); 'ok'")
    assert picked.args == [pytest.approx(120.5), pytest.approx(30.5)]
    plan = sample.with_items("sites", [replace(s, name=s.name + "·") for s in sample.sites])
    with qtbot.waitSignal(pane.applied, timeout=WAIT):
        pane.update_plan(plan)
    qtbot.waitUntil(lambda: js(qtbot, pane, "JSON.stringify(document.fonts.status)") == "loaded", timeout=WAIT)
    schemes = {url.split(":", 1)[0] for url in recorder.urls}
    assert recorder.urls, "the interceptor saw nothing: the test would prove nothing"
    assert schemes == {"planmap"}, [u for u in recorder.urls if not u.startswith("planmap:")]
    assert any(url.endswith(".ttf") for url in recorder.urls)  # the shipped font is used


def test_an_edit_updates_the_map_without_reloading(qtbot, pane, sample):
    site = sample.sites[7]
    js(qtbot, pane, "window.__sameDocument = 1; JSON.stringify(1)")
    plan = sample.with_items(
        "sites", [replace(s, name="改名后的教学点", lat=s.lat + 0.1) if s.id == site.id else s for s in sample.sites]
    )
    with qtbot.waitSignal(pane.applied, timeout=WAIT):
        pane.update_plan(plan)
    state = js(qtbot, pane, f"""(function () {{
        var m = planner.markers.get({site.id}).marker;
        return JSON.stringify({{lat: m.getLatLng().lat, tip: m.getTooltip().getContent().textContent,
                                loads: planner.loads, same: window.__sameDocument}});
    }})()""")
    assert state["lat"] == pytest.approx(site.lat + 0.1)
    assert state["tip"].startswith("改名后的教学点")
    assert state["loads"] == 1 and state["same"] == 1
    assert pane.load_count == 1


def test_selection_highlights_and_day_filter(qtbot, pane, sample):
    with qtbot.waitSignal(pane.applied, timeout=WAIT):
        pane.select("sites", [5])
    assert js(qtbot, pane, "JSON.stringify(Array.from(document.querySelectorAll('.site-marker.hl'))"
                           ".map(n => +n.dataset.site))") == [5]
    with qtbot.waitSignal(pane.applied, timeout=WAIT):
        pane.show_day(2)
    visible = js(qtbot, pane, "JSON.stringify(planner.visibleMarkerCount())")
    assert 0 < visible < len(sample.sites)
    with qtbot.waitSignal(pane.applied, timeout=WAIT):
        pane.show_day(None)
    assert js(qtbot, pane, "JSON.stringify(planner.visibleMarkerCount())") == len(sample.sites)


def test_calls_before_ready_wait_in_order(qtbot, recorder, sample):
    from ui.map.view import MapPane

    pane = MapPane()
    qtbot.addWidget(pane)
    pane.set_plan(sample)
    pane.select(("day", 1))
    pane.select("sites", [2])  # the last selection wins
    assert not pane.is_ready
    with qtbot.waitSignal(pane.ready, timeout=WAIT):
        pass
    qtbot.waitUntil(lambda: js(qtbot, pane, "JSON.stringify(document.querySelectorAll('.site-marker.hl').length)") == 1,
                    timeout=WAIT)


def test_scheme_serves_only_its_own_files_and_mbtiles(tmp_path, qapp):
    from planner.mbtiles import MBTiles
    from ui.map.scheme import MapSchemeHandler, tile_layer

    handler = MapSchemeHandler()
    assert handler.content("/web/leaflet/leaflet.js")[0] == b"text/javascript"
    assert handler.content("/web/qwebchannel.js")[1].startswith(b"/")
    assert handler.content("/basemap/counties.json")[0] == b"application/json"
    assert handler.content("/web/../../pyproject.toml") is None
    assert handler.content("/fonts/../samples/hunan-2025.json") is None
    assert handler.content("/etc/passwd") is None
    path = tmp_path / "t.mbtiles"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE metadata (name text, value text)")
    db.execute("CREATE TABLE tiles (zoom_level int, tile_column int, tile_row int, tile_data blob)")
    db.executemany("INSERT INTO metadata VALUES (?, ?)", [("format", "png"), ("minzoom", "0"), ("maxzoom", "2")])
    db.execute("INSERT INTO tiles VALUES (2, 1, 3, ?)", (b"\x89PNG top row",))  # TMS row 3 = XYZ y 0
    db.commit()
    db.close()
    handler.mbtiles = MBTiles(path)
    assert handler.content("/tiles/2/1/0") == (b"image/png", b"\x89PNG top row")
    assert handler.content("/tiles/2/1/3") is None
    assert tile_layer(handler.mbtiles)["url"] == "planmap://map/tiles/{z}/{x}/{y}"
    handler.mbtiles.close()


def test_a_file_that_is_not_mbtiles_is_refused_with_a_clear_message(tmp_path):
    from planner.mbtiles import MBTiles, MBTilesError

    path = tmp_path / "holiday.mbtiles"
    path.write_bytes(b"not a database" * 100)
    with pytest.raises(MBTilesError, match="not an MBTiles file"):
        MBTiles(path)


def test_the_page_has_no_remote_assets():
    from ui.map.page import page_html

    html = page_html()
    assert "cdn" not in html.lower() and "jquery" not in html.lower()
    assert "planmap://map/web/leaflet/leaflet.js" in html


def test_the_shipped_page_is_what_folium_makes_now():
    from ui.map.page import SHIPPED_PAGE, page_html

    assert SHIPPED_PAGE.read_text(encoding="utf-8") == page_html(), "run tools/build_map_page.py"


def test_route_map_png(qapp, sample):
    from PySide6.QtGui import QImage

    from ui.map.snapshot import route_map_png

    for group_id in (None, 1):
        data = route_map_png(sample, group_id, 800, 600)
        assert data.startswith(b"\x89PNG")
        image = QImage.fromData(data)
        assert (image.width(), image.height()) == (800, 600)
        colours = {image.pixelColor(x, y).name() for x in range(0, 800, 7) for y in range(0, 600, 7)}
        assert len(colours) > 20  # a map, not a blank
    red = {image.pixelColor(x, y).name() for x in range(800) for y in range(0, 600, 3)}
    assert "#d62728" in red  # group 1's colour


def test_a_route_map_is_drawn_again_only_when_what_it_shows_changes(qapp, sample):
    from PySide6.QtGui import QImage

    from ui.map.snapshot import route_map_png

    before = {group_id: route_map_png(sample, group_id, 640, 400) for group_id in (None, 1, 2)}
    other_site = next(s for s in sample.sites if s.id not in {x.site_id for x in sample.sessions_of(2)})
    moved = next(s for s in sample.sessions if s.group_id == 2)
    after_edit = replace(sample, sessions=tuple(replace(s, site_id=other_site.id) if s is moved else s
                                                for s in sample.sessions))
    after = {group_id: route_map_png(after_edit, group_id, 640, 400) for group_id in (None, 1, 2)}
    assert after[1] is before[1]  # group 1's map shows nothing of group 2: kept, not drawn again
    assert after[2] != before[2] and after[None] != before[None]
    assert QImage.fromData(after[2]).width() == 640


def test_county_borders_are_read_the_first_time_the_map_zooms_in_to_them(qtbot, recorder, sample):
    recorder.urls.clear()
    pane = open_map(qtbot, sample, (240, 340))  # the whole plan in the window's map dock: too far out for counties
    assert js(qtbot, pane, "JSON.stringify(planner.zoom())") < 7
    assert not [url for url in recorder.urls if url.endswith("/basemap/counties.json")]
    js(qtbot, pane, "JSON.stringify(planner.zoom(8))")
    qtbot.waitUntil(lambda: js(qtbot, pane, "JSON.stringify(planner.countiesLoaded === true)"), timeout=WAIT)
    assert [url for url in recorder.urls if url.endswith("/basemap/counties.json")]


def intersecting(boxes, tolerance=0.5):
    """Pairs of label boxes (from planner.labelBoxes) that overlap by more than ``tolerance`` px."""
    clash = []
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            (ax0, ay0, ax1, ay1), (bx0, by0, bx1, by1) = a["box"], b["box"]
            if min(ax1, bx1) - max(ax0, bx0) > tolerance and min(ay1, by1) - max(ay0, by0) > tolerance:
                clash.append((a["text"], b["text"]))
    return clash


def test_labels_never_overprint_at_trip_zoom_nor_closer(qtbot, pane, sample):
    names = {p.name for p in sample.places}
    for step in range(3):  # the whole trip as it opens, then two zooms in
        boxes = js(qtbot, pane, "planner.zoomBy(%d) || planner.labelBoxes()" % min(step, 1))
        places = [b for b in boxes if b["kind"] == "place"]
        assert len([b for b in boxes if b["kind"] == "basemap"]) > 20
        assert intersecting(boxes) == [], f"zoom step {step}"
        if step == 0:  # the whole trip: most of the 18 places keep their label
            assert len(places) >= 14 and all(any(b["text"].endswith(n) for n in names) for b in places)


def test_stop_numbers_are_unique_on_the_map_and_name_the_group(qtbot, pane, sample):
    texts = js(qtbot, pane, "JSON.stringify(Array.from(document.querySelectorAll("
                            "'.place-label:not(.hidden) b, .z-high .site-marker b.stop')).map(n => n.textContent))")
    assert texts and len(texts) == len(set(texts)), texts
    assert {t.split("-")[0] for t in texts} == {"1", "2", "3"}
    # zoomed in on 杭州, the sites carry the same numbers as their tooltips say
    site = next(s for s in sample.sites if s.name.startswith("阿里巴巴"))
    with qtbot.waitSignal(pane.applied, timeout=WAIT):
        pane.select("sites", [site.id])
    seen = js(qtbot, pane, f"""(function () {{
        var m = planner.markers.get({site.id}).marker;
        return JSON.stringify({{badges: Array.from(m.getElement().querySelectorAll('b.stop')).map(n => n.textContent),
                               tip: m.getTooltip().getContent().textContent,
                               high: !!document.querySelector('.z-high')}});
    }})()""")
    assert seen["high"] and seen["badges"] == ["1-1"] and "第一组 第1站" in seen["tip"]


def test_hotels_have_their_own_marker_at_trip_zoom(qtbot, pane, sample):
    hotels = {lodging.site_id for lodging in sample.lodgings}
    seen = js(qtbot, pane, """JSON.stringify({low: !!document.querySelector('.z-low'),
        beds: Array.from(document.querySelectorAll('.site-marker')).filter(n => {
            var bed = n.querySelector('.bed'); if (!bed) return false;
            var r = bed.getBoundingClientRect(); return r.width >= 10 && r.height >= 10;
        }).map(n => +n.dataset.site)})""")
    assert seen["low"]  # the whole trip: sites are dots, places carry the numbers
    assert set(seen["beds"]) == hotels
