"""Time producing the full booklet as a PDF: the sample plan and a 90-day posting.

Targets (issue 23): the sample's booklet ≤ 1 s warm and ≤ 2 s cold; a 90-day posting's
(one group, one session a day for 90 days: about 30 pages) ≤ 3 s. One run = build the
document data from the plan (timetable included), draw the route maps, render the HTML
and print it to PDF through QtWebEngine, with the renderer the app keeps
(``ui.printing.render.shared_renderer``). Printed for each plan:

- cold: the first booklet of the process (Chromium starts, the basemap is read);
- warm, unchanged: the same booklet again (the route maps are kept, see
  ``ui.map.snapshot.route_map_png``);
- warm, after an edit: one session moved to another site before each run, so that
  group's map and the whole programme's are drawn again (the usual case while planning);
- the share of a warm run spent in Chromium (loading the page and printing it).

Medians of several runs, with the ratio to the target. Run:

    .venv/bin/python bench/bench_booklet.py [--runs R]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.booklet_plans import posting  # noqa: E402
from ui.printing.pdf import ensure_app, prepare_headless, quiet_stderr  # noqa: E402

TARGETS_S = {"sample": (1.0, 2.0), "posting": (3.0, 3.0)}  # (warm, cold)


def moved(plan, run: int):
    """``plan`` with one session of its first group at another site."""
    sessions = [s for s in plan.sessions if s.group_id == plan.ordered_groups()[0].id]
    session = sessions[run % len(sessions)]
    others = [s for s in plan.sites if s.kind != "hotel" and s.id != session.site_id]
    site = others[run % len(others)]
    return replace(plan, sessions=tuple(replace(s, site_id=site.id) if s is session else s for s in plan.sessions))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    prepare_headless()
    with quiet_stderr():
        ensure_app()
        from planner.cli import sample_plan
        from planner.documents import Documents
        from ui.printing.pdf import document_html, pdf_bytes
        from ui.printing.render import shared_renderer

        renderer = shared_renderer()
        lines = []
        for name, plan in (("sample", sample_plan()), ("posting", posting())):
            warm_target, cold_target = TARGETS_S[name]

            def booklet(of_plan):
                start = time.perf_counter()
                data = pdf_bytes(Documents(of_plan), "booklet", renderer=renderer)
                return time.perf_counter() - start, data

            cold, data = booklet(plan)
            same = [booklet(plan)[0] for _ in range(args.runs)]
            edited = [booklet(moved(plan, run))[0] for run in range(args.runs)]
            chromium = []
            for _ in range(args.runs):
                html, files = document_html(Documents(plan), "booklet")
                start = time.perf_counter()
                renderer.render(html, files)
                chromium.append(time.perf_counter() - start)
            from io import BytesIO

            from pypdf import PdfReader

            pages = len(PdfReader(BytesIO(data)).pages)
            label = f"{name} ({len(plan.groups)} groups, {plan.programme.days} days, {pages} pages)"
            for what, value, target in (("cold (first in the process)", cold, cold_target),
                                        ("warm, unchanged", statistics.median(same), warm_target),
                                        ("warm, after an edit", statistics.median(edited), warm_target)):
                lines.append(f"{label:42s} {what:30s} {value:6.2f} s  target ≤ {target:g} s  ratio {value / target:.2f}")
            lines.append(f"{label:42s} {'of which Chromium (load+print)':30s} {statistics.median(chromium):6.2f} s")
    for line in lines:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
