"""Show the map pane alone on the bundled sample plan (for developers and screenshots).

    python -m ui.map.demo                      # a window with the sample plan's map
    xvfb-run -a -s "-screen 0 1600x1000x24" python -m ui.map.demo --screenshot docs/screenshots/map-sample.png

With ``--screenshot`` it waits for the basemap, the shipped font and the drawn plan,
saves a picture of the window (under Xvfb: ``grab()`` is blank with ``offscreen``)
and quits.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

IDLE_JS = (
    "JSON.stringify({fonts: document.fonts.status, basemap: !!planner.basemapReady,"
    " tiles: document.querySelectorAll('.leaflet-tile-loading').length})"
)


def screenshot_when_drawn(pane, widget, out: str | Path, polls: int = 300) -> None:
    """Once ``pane``'s map has drawn everything (fonts, basemap, no tile still loading)
    and stayed so for a few polls, save a picture of ``widget`` to ``out`` and quit the
    application; exit with status 1 after ``polls`` polls."""
    from PySide6.QtCore import QCoreApplication, QTimer

    state = {"polls": 0, "settled": 0}

    def poll() -> None:
        state["polls"] += 1
        if state["polls"] > polls:
            print("timed out waiting for the map", file=sys.stderr)
            QCoreApplication.exit(1)
            return
        pane.run_js(IDLE_JS, check)

    def check(result: str) -> None:
        status = json.loads(result or "{}")
        idle = status.get("fonts") == "loaded" and status.get("basemap") and not status.get("tiles")
        state["settled"] = state["settled"] + 1 if idle else 0
        if state["settled"] < 3:  # a few quiet polls: everything is painted
            QTimer.singleShot(200, poll)
            return
        path = Path(out)
        path.parent.mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(path))
        print(f"saved {path}")
        QCoreApplication.quit()

    QTimer.singleShot(200, poll)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--screenshot", help="save a PNG of the window here and quit")
    parser.add_argument("--size", default="1500x940", help="window size, WxH")
    parser.add_argument("--day", type=int, help="show one day only")
    args = parser.parse_args(argv)
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")

    from ui.environment import configure_app, prepare_qt

    prepare_qt()
    from PySide6.QtWidgets import QApplication

    from planner.sample import sample_plan
    from ui.map.view import MapPane

    app = QApplication.instance() or QApplication([sys.argv[0]])
    configure_app(app)
    pane = MapPane()
    pane.setWindowTitle("地图 — 示例方案")
    width, height = (int(v) for v in args.size.split("x"))
    pane.resize(width, height)
    pane.show()
    plan = sample_plan()
    pane.set_plan(plan)
    if args.day:
        pane.show_day(args.day)
    pane.siteClicked.connect(lambda site_id: pane.select("sites", [site_id]))

    if args.screenshot:
        pane.ready.connect(lambda: screenshot_when_drawn(pane, pane, args.screenshot))
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
