"""Map latency: an edit reaching the map by an incremental update vs a full page rebuild.

    python bench/bench_map.py [--runs 30] [--rebuilds 10]

Offscreen (QT_QPA_PLATFORM=offscreen unless set). Each run edits the sample plan (a
site moves and is renamed), then times, from the new Plan value to the page saying
it has drawn it (the bridge's ``applied`` message, sent right after the DOM update):

- incremental: ``MapPane.update_plan`` (payload + scheduling + JSON + JS update);
- rebuild: ``MapPane.set_plan`` (page reload, scripts, basemap fetch and draw, data),
  until both the data and the basemap are drawn.

Targets (issue 6): incremental ≤ 30 ms median, and at least 10× faster than a rebuild.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if hasattr(os, "geteuid") and os.geteuid() == 0:
    os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")

from ui.environment import configure_app, prepare_qt  # noqa: E402

prepare_qt()

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from planner.sample import sample_plan  # noqa: E402
from planner.resources import resource_path  # noqa: E402


def wait_for(condition, timeout: float = 60.0) -> None:
    loop = QEventLoop()
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("the map did not answer")
        QTimer.singleShot(1, loop.quit)
        loop.exec()


def edited(plan, i: int):
    site = plan.sites[(i * 7) % len(plan.sites)]
    moved = replace(site, name=f"{site.name}·{i}", lon=site.lon + 0.01, lat=site.lat + 0.01)
    return plan.with_items("sites", [moved if s.id == site.id else s for s in plan.sites])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--rebuilds", type=int, default=10)
    args = parser.parse_args()

    app = QApplication.instance() or QApplication([sys.argv[0]])
    configure_app(app)
    from ui.map.view import MapPane

    pane = MapPane()
    pane.resize(1400, 900)
    pane.show()
    plan = sample_plan()
    applied: set[int] = set()
    pane.applied.connect(applied.add)
    in_page: list[float] = []
    pane.bridge.message.connect(lambda m: m.get("cmd") == "applied" and in_page.append(float(m.get("ms") or 0)))

    start = time.perf_counter()
    pane.set_plan(plan)
    seq = pane._seq
    wait_for(lambda: seq in applied)
    first_data = time.perf_counter() - start
    wait_for(lambda: pane.basemap_ready)
    first_full = time.perf_counter() - start

    incremental = []
    in_page.clear()
    for i in range(args.runs):
        new = edited(plan, i)
        t0 = time.perf_counter()
        seq = pane.update_plan(new)
        wait_for(lambda: seq in applied)
        incremental.append((time.perf_counter() - t0) * 1000)
    assert pane.load_count == 1, "an incremental update reloaded the page"
    page_ms = statistics.median(in_page)

    rebuild = []
    for i in range(args.rebuilds):
        new = edited(plan, 100 + i)
        t0 = time.perf_counter()
        pane.set_plan(new)
        seq = pane._seq
        wait_for(lambda: seq in applied and pane.basemap_ready)
        rebuild.append((time.perf_counter() - t0) * 1000)

    inc, full = statistics.median(incremental), statistics.median(rebuild)
    sizes = {
        "basemap (resources/map/*.json)": sum(p.stat().st_size for p in resource_path("map").glob("*.json")),
        "web (Leaflet + page script/style)": sum(
            p.stat().st_size for p in resource_path("web").rglob("*") if p.is_file()
        ),
        "font (NotoSansSC-Regular.ttf)": resource_path("fonts", "NotoSansSC-Regular.ttf").stat().st_size,
    }
    print(f"sample plan: {len(plan.sites)} sites, {len(plan.sessions)} sessions, {len(plan.groups)} groups")
    print(f"first load: data drawn {first_data * 1000:.0f} ms, basemap drawn {first_full * 1000:.0f} ms")
    print(f"incremental update (update_plan): median {inc:.1f} ms  (min {min(incremental):.1f}, "
          f"max {max(incremental):.1f}, n={len(incremental)})   target <= 30 ms: {'OK' if inc <= 30 else 'MISSED'}")
    print(f"  of which drawing in the page: median {page_ms:.1f} ms")
    print(f"full rebuild (set_plan, reload):  median {full:.1f} ms  (min {min(rebuild):.1f}, "
          f"max {max(rebuild):.1f}, n={len(rebuild)})")
    print(f"ratio rebuild / incremental: {full / inc:.1f}x   target >= 10x: {'OK' if full / inc >= 10 else 'MISSED'}")
    for name, size in sizes.items():
        print(f"{name}: {size / 1e6:.2f} MB")
    pane.close()
    import shiboken6

    shiboken6.delete(pane)  # pages go before their profile
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
