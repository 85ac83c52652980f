"""Start-up: time to the main window and to the map ready, and memory, each against a
bare QtWebEngine window loading a local Leaflet page in the same run.

Targets (issue 23): start → map ready ≤ 2 × the bare page's start → page ready; memory
with the map open (PSS summed over the process and its QtWebEngine helpers) ≤ 1.3 × the
bare page's. Each run is a fresh process with a fresh HOME (so the first-run path: the
sample plan is written, then opened); runs of the app and of the bare page alternate, so
both see the same load. The child reports when its window has been painted and when the
map (or bare page) is ready; memory is read 1 s after that. Run:

    .venv/bin/python bench/bench_startup.py [--runs R]   (uses $DISPLAY, e.g. under xvfb-run; offscreen without)

The earlier target (desktop-app issue: main window shown ≤ 1.5 s) is printed too.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAP_RATIO, MEMORY_RATIO, WINDOW_S = 2.0, 1.3, 1.5

APP = """
import sys
sys.path.insert(0, {root!r})
from PySide6.QtCore import QTimer
from ui.app import start_app
app, window = start_app([])
def shown():
    window.repaint()
    print("shown", flush=True)
window.map.ready.connect(lambda: print("map", flush=True))
QTimer.singleShot(0, shown)
app.exec()
"""

BARE = """
import sys
sys.path.insert(0, {root!r})
from ui.environment import prepare_qt
prepare_qt()
from PySide6.QtCore import QTimer, QUrl
from PySide6.QtWidgets import QApplication
from PySide6.QtWebEngineWidgets import QWebEngineView
from planner.resources import resource_path
app = QApplication([sys.argv[0]])
view = QWebEngineView()
leaflet = resource_path("web", "leaflet")
html = ('<!DOCTYPE html><html><head><meta charset="utf-8">'
        f'<link rel="stylesheet" href="{{(leaflet / "leaflet.css").as_uri()}}">'
        f'<script src="{{(leaflet / "leaflet.js").as_uri()}}"></script></head>'
        '<body style="margin:0"><div id="map" style="height:100vh"></div><script>'
        'var map = L.map("map").setView([30.25, 120.2], 8); L.marker([30.25, 120.2]).addTo(map);'
        '</script></body></html>')
view.loadFinished.connect(lambda ok: print("map", flush=True))
view.resize(1280, 800)
view.setHtml(html, QUrl.fromLocalFile(str(leaflet) + "/"))
view.show()
def shown():
    view.repaint()
    print("shown", flush=True)
QTimer.singleShot(0, shown)
app.exec()
"""


def descendants(pid: int) -> list[int]:
    """``pid`` and every process under it (QtWebEngine's zygote, renderer, GPU…)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(children.get(current, ()))
    return found


def pss_mb(pid: int) -> float:
    total = 0
    for process in descendants(pid):
        try:
            for line in Path(f"/proc/{process}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total / 1024


def one_run(script: str) -> tuple[float, float, float]:
    """(seconds to the window shown, to the map ready, PSS in MB with it open)."""
    env = dict(os.environ)
    if not env.get("DISPLAY"):
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
    if os.geteuid() == 0:
        env.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")
    with tempfile.TemporaryDirectory() as home:
        env.update(HOME=home, XDG_CONFIG_HOME=f"{home}/.config", XDG_DATA_HOME=f"{home}/.local/share")
        start = time.perf_counter()
        child = subprocess.Popen([sys.executable, "-c", script.format(root=str(ROOT))], env=env,
                                 stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        seen = {}
        try:
            for line in child.stdout:
                seen[line.strip()] = time.perf_counter() - start
                if "map" in seen and "shown" in seen:
                    break
            if "shown" not in seen or "map" not in seen:
                raise SystemExit("the window or its map did not show")
            time.sleep(1.0)
            memory = pss_mb(child.pid)
        finally:
            child.kill()
            child.wait()
    return seen["shown"], seen["map"], memory


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    app_script, bare_script = APP, BARE
    one_run(app_script), one_run(bare_script)  # warm the disk cache
    apps, bares = [], []
    for _ in range(args.runs):
        apps.append(one_run(app_script))
        bares.append(one_run(bare_script))
    platform = "Xvfb/X11" if os.environ.get("DISPLAY") else "offscreen"

    def median(runs, n):
        return statistics.median(r[n] for r in runs)

    window, app_map, app_memory = median(apps, 0), median(apps, 1), median(apps, 2)
    bare_map, bare_memory = median(bares, 1), median(bares, 2)
    print(f"sample plan, {platform}, medians of {args.runs} runs (app and bare page alternating)")
    print(f"start → main window shown       {window:6.2f} s  target ≤ {WINDOW_S} s  ratio {window / WINDOW_S:.2f}")
    print(f"start → map ready               {app_map:6.2f} s  bare page {bare_map:.2f} s  = {app_map / bare_map:.2f} × "
          f"(target ≤ {MAP_RATIO:g} ×, ratio {app_map / bare_map / MAP_RATIO:.2f})")
    print(f"memory with the map open (PSS)  {app_memory:6.0f} MB bare page {bare_memory:.0f} MB = "
          f"{app_memory / bare_memory:.2f} × (target ≤ {MEMORY_RATIO:g} ×, ratio {app_memory / bare_memory / MEMORY_RATIO:.2f})")


if __name__ == "__main__":
    main()
