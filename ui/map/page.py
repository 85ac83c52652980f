"""The map page skeleton, generated once with folium.

folium builds the page: Leaflet, the map element and its options. Everything it
would fetch from CDNs is replaced per map instance by local copies served through
the ``planmap:`` scheme; the page holds **no plan data at all**. The plan arrives
afterwards through ``window.planner.update(json)`` (resources/web/planner-map.js),
which is what makes edits incremental: folium renders a whole page, so using it to
render plan layers would mean re-rendering and reloading for every edit. folium is
therefore kept to the skeleton, and the plan layers are drawn by our own script.

Being the same on every run, the skeleton is generated ahead of time by
tools/build_map_page.py into resources/web/map-page.html, which the app loads:
importing folium would cost half a second of every start-up.
"""

from __future__ import annotations

import re

import folium
from branca.element import Element, MacroElement
from jinja2 import Template

from planner.resources import resource_path
from ui.map.scheme import BASE_URL

SHIPPED_PAGE = resource_path("web", "map-page.html")

JS = [
    ("leaflet", f"{BASE_URL}web/leaflet/leaflet.js"),
    ("qwebchannel", f"{BASE_URL}web/qwebchannel.js"),
    ("planner_map", f"{BASE_URL}web/planner-map.js"),
]
CSS = [
    ("leaflet_css", f"{BASE_URL}web/leaflet/leaflet.css"),
    ("planner_map_css", f"{BASE_URL}web/planner-map.css"),
]
# Only our own scheme (and inline code folium writes); online tiles, when the
# organiser switches them on, come from OpenStreetMap's tile server only.
CSP = (
    "default-src planmap:; script-src planmap: 'unsafe-inline'; style-src planmap: 'unsafe-inline'; "
    "img-src planmap: data: https://tile.openstreetmap.org; font-src planmap:; connect-src planmap:; "
    "object-src 'none'; base-uri 'none'; form-action 'none'"
)
CENTRE = (31.0, 120.5)  # until the plan arrives


class _Attach(MacroElement):
    """Hands folium's map object to planner-map.js once folium has created it."""

    _template = Template(
        "{% macro script(this, kwargs) %}window.planner.attach({{ this._parent.get_name() }});{% endmacro %}"
    )


def page_html() -> str:
    m = folium.Map(
        location=CENTRE, zoom_start=7, tiles=None, prefer_canvas=False, control_scale=False,
        min_zoom=3, max_zoom=18, zoom_control=True, attribution_control=True,
    )
    m._id = "planner"  # folium names elements by random ids: a fixed one keeps the page reproducible
    m.default_js = JS
    m.default_css = CSS
    m.get_root().header.add_child(
        Element(f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'), name="csp", index=0
    )
    m.add_child(_Attach())
    html = m.get_root().render()
    remote = re.findall(r"""(?:src|href)\s*=\s*["']?(https?:[^"' >]+)""", html)
    if remote:
        raise RuntimeError(f"map page still refers to remote assets: {remote}")
    return html
