"""Take the screenshot of the route-optimisation preview kept in docs/screenshots/.

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python tools/screenshot_preview.py \\
        --language zh --out docs/screenshots/optimise-preview-zh.png

The sample plan with 第一组's day 3 visited in reverse order (a worse route), optimised
for 第一组 as 方案 → 优化路线 does, and the preview dialog shown with the day picked
(``--pick``, 0 = all changes). Must run under Xvfb: with ``offscreen`` the map grabs blank.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def worse_plan():
    """The sample with 第一组's day 3 reversed, its legs and times re-flowed."""
    from planner.edits import Batch
    from planner.operations import apply_in_memory, consequences
    from planner.sample import sample_plan

    plan = sample_plan()
    day = plan.sessions_of(1, 3)
    plan = plan.with_items("sessions", [
        replace(s, position=len(day) - 1 - s.position) if s.group_id == 1 and s.day == 3 else s
        for s in plan.sessions])
    return apply_in_memory(plan, Batch(tuple(consequences(plan)[0])))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--language", choices=("zh", "en"), default="zh")
    parser.add_argument("--out", required=True)
    parser.add_argument("--size", default="1400x900")
    parser.add_argument("--pick", type=int, default=1, help="row of the changed-days list to pick (0: all)")
    parser.add_argument("--time-limit", type=int, default=10, help="seconds the optimiser may search")
    args = parser.parse_args(argv)

    home = Path(tempfile.mkdtemp(prefix="planner-shot-"))
    os.environ["HOME"] = str(home)
    os.environ["XDG_CONFIG_HOME"] = str(home / ".config")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")

    from ui.environment import configure_app, prepare_qt

    prepare_qt()
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from ui import settings as app_settings
    from ui.environment import APPLICATION, ORGANISATION

    settings = QSettings(ORGANISATION, APPLICATION)
    app_settings.LANGUAGE.set(args.language, settings)
    settings.sync()
    app = QApplication.instance() or QApplication([sys.argv[0]])
    configure_app(app)
    from ui.i18n import install_translator

    install_translator(app, args.language)

    from planner.routing.plan_routes import propose_optimisation
    from ui.map.demo import screenshot_when_drawn
    from ui.routing.preview import optimisation_preview

    proposal = propose_optimisation(worse_plan(), 1, time_limit=args.time_limit)
    dialog = optimisation_preview(proposal)
    width, height = (int(v) for v in args.size.split("x"))
    dialog.resize(width, height)
    dialog.show()
    if dialog.map is None:
        print("no map in the preview", file=sys.stderr)
        return 1

    def ready() -> None:
        if dialog.days is not None and args.pick < dialog.days.count():
            dialog.days.setCurrentRow(args.pick)
        screenshot_when_drawn(dialog.map, dialog, args.out)

    dialog.map.ready.connect(ready)
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
