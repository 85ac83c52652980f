"""Switching days in the main window: a day picked (as a click on the board's day does)
until everything it caused is drawn (the map shows that day; the views follow).

Target (issue 23): ≤ 16 ms (a frame) in a 90-day plan. Printed for the sample, a 90-day
posting (one group, a session a day), 5 groups × 500 sessions and 20 groups × 2,000
(15 days each). One step = ``PlanDocument.select("days", [n])`` for the next day, timed
until the event loop has handled what it posted (offscreen, so painting is cheap next to
a real screen; the map page draws after that, in its own process). Prints the median
and the longest step, with the ratio of the median to the target. Run:

    .venv/bin/python bench/bench_days.py [--steps N]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if hasattr(os, "geteuid") and os.geteuid() == 0:
    os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")

from ui.environment import configure_app, prepare_qt  # noqa: E402

prepare_qt()

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from bench.bench_timeline import settle, timed  # noqa: E402
from bench.booklet_plans import posting  # noqa: E402
from bench.sizes import line, three_sizes  # noqa: E402
from planner.store import PlanFile  # noqa: E402

TARGET_MS = 16.0


def plans():
    sizes = list(three_sizes())
    yield sizes[0]
    yield "90-day posting (1 group)", posting()
    yield from sizes[1:]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=20)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([sys.argv[0]])
    configure_app(app)
    from ui.main_window import MainWindow

    with tempfile.TemporaryDirectory() as folder:
        settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        for name, plan in plans():
            path = Path(folder) / f"{len(plan.sessions)}-{plan.programme.days}.stplan"
            PlanFile.create(path, plan).close()
            window = MainWindow(PlanFile.open(path), settings)
            window.resize(1600, 1000)
            window.show()
            settle(app)
            days = plan.programme.days
            steps = [timed(app, lambda n=n: window.document.select("days", [n % days + 1]))
                     for n in range(args.steps)]
            print(line(f"switch day: {name}", steps, TARGET_MS, f"   longest {max(steps):.1f} ms"))
            window.close()
            window.deleteLater()
            settle(app)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
