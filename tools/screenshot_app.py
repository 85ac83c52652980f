"""Take the screenshots of the main window kept in docs/screenshots/.

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python tools/screenshot_app.py \\
        --language zh --out docs/screenshots/main-window-zh.png

Runs the real app (``ui.app.start_app``) on a fresh copy of the sample plan with a
private HOME, waits until the map has drawn the basemap and the routes, and saves the
window. Must run under Xvfb: with ``offscreen`` the map view grabs blank.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

def conflict_plan(folder: Path) -> Path:
    """The sample, with 第一组's day 2 pinned so that the bus to 义乌 arrives late: 良渚古城遗址公园
    at 11:05–12:20 and 义乌国际商贸城 at 13:00–14:30 (the bus takes about two hours)."""
    from dataclasses import replace

    from planner.sample import sample_plan
    from planner.model import parse_clock
    from planner.store import PlanFile

    plan = sample_plan()
    times = {plan.sessions_of(1, 2)[1].id: ("11:05", "12:20"), plan.sessions_of(1, 2)[2].id: ("13:00", "14:30")}
    plan = plan.with_items("sessions", [
        replace(s, pinned=True, start=parse_clock(times[s.id][0]), end=parse_clock(times[s.id][1]))
        if s.id in times else s for s in plan.sessions])
    path = folder / "冲突示例.stplan"
    PlanFile.create(path, plan).close()
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--language", choices=("zh", "en"), default="zh")
    parser.add_argument("--out", required=True)
    parser.add_argument("--size", default="1600x1000")
    parser.add_argument("--day", type=int, default=1, help="timeline day (0: whole trip)")
    parser.add_argument("--map-width", type=int, default=0, help="width of the map dock (default: as the app sizes it)")
    parser.add_argument("--dock", help="raise this bottom dock (e.g. budget: the 经费 pane)")
    parser.add_argument("--dock-height", type=int, default=420, help="height of the raised bottom dock")
    parser.add_argument("--select", help="select an item first, KIND:ID (e.g. lodgings:1)")
    parser.add_argument("--tab", choices=("board", "timeline"), default="board",
                        help="the central view shown: the board (日程总览, the home view) or the timeline")
    parser.add_argument("--scenario", choices=("first-run", "conflict"), default="first-run",
                        help="first-run: the app as it opens the first time (the sample plan); conflict: the "
                             "sample with 第一组 pinned at 义乌国际商贸城 13:00, which the bus cannot reach in time")
    args = parser.parse_args(argv)

    home = Path(tempfile.mkdtemp(prefix="planner-shot-"))
    os.environ["HOME"] = str(home)
    os.environ["XDG_CONFIG_HOME"] = str(home / ".config")
    os.environ["XDG_DATA_HOME"] = str(home / ".local" / "share")

    from PySide6.QtCore import QSettings, Qt

    from ui import settings as app_settings
    from ui.environment import APPLICATION, ORGANISATION

    settings = QSettings(ORGANISATION, APPLICATION)
    app_settings.LANGUAGE.set(args.language, settings)
    settings.sync()

    from ui.app import start_app
    from ui.map.demo import screenshot_when_drawn

    app, window = start_app([str(conflict_plan(home))] if args.scenario == "conflict" else [])
    if window is None:
        return 1
    width, height = (int(v) for v in args.size.split("x"))
    window.resize(width, height)
    window.size_docks()
    window.timeline.set_day(args.day or None)
    if args.tab == "timeline":
        window.tabs.setCurrentWidget(window.timeline)
    if args.map_width:
        window.resizeDocks([window.map.parentWidget()], [args.map_width], Qt.Orientation.Horizontal)
    if args.dock:
        from PySide6.QtWidgets import QDockWidget

        dock = window.findChild(QDockWidget, f"{args.dock}Dock")
        dock.show()
        dock.raise_()
        window.resizeDocks([dock], [args.dock_height], Qt.Orientation.Vertical)
    if args.select:
        kind, item_id = args.select.split(":")
        window.document.select(kind, [int(item_id)])
        if kind == "legs":  # a leg's options and parts: the properties dock taller
            properties_dock = window.properties.parentWidget()
            map_dock = window.map.parentWidget()
            window.resizeDocks([map_dock, properties_dock], [360, 560], Qt.Orientation.Vertical)
    window.map.ready.connect(lambda: screenshot_when_drawn(window.map, window, args.out))
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
