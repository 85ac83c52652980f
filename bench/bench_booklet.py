"""Time producing the full booklet of the sample plan as a PDF.

Target (printing issue): median ≤ 3 s for the whole booklet — overview, the whole
programme's route map, per group its map, itinerary and roster, and the contact lists.
One run = build the document data from the plan (timetable included), draw the route
maps, render the HTML and print it to PDF through QtWebEngine (one offscreen page kept
warm, as the app does). The first run (Chromium start-up) is reported apart. Run:

    .venv/bin/python bench/bench_booklet.py [--runs R]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ui.printing.pdf import ensure_app, prepare_headless, quiet_stderr  # noqa: E402

TARGET_S = 3.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    prepare_headless()
    with quiet_stderr():
        ensure_app()
        from planner.sample import sample_plan
        from planner.documents import Documents
        from ui.printing.pdf import pdf_bytes
        from ui.printing.render import PdfRenderer

        plan = sample_plan()
        renderer = PdfRenderer()
        times, size, problems = [], 0, []
        try:
            for _ in range(args.runs + 1):
                start = time.perf_counter()
                size = len(pdf_bytes(Documents(plan), "booklet", renderer=renderer, problems=problems))
                times.append(time.perf_counter() - start)
        finally:
            renderer.close()
    first, rest = times[0], times[1:]
    median = statistics.median(rest)
    print(f"booklet of the sample plan: {size / 1e6:.2f} MB PDF")
    print(f"first run (Chromium start-up): {first:.2f} s")
    print(f"median of {len(rest)} runs: {median:.2f} s (target ≤ {TARGET_S:.0f} s: {median / TARGET_S:.0%} of it)")
    for problem in sorted(set(problems)):
        print(problem)
    return 0


if __name__ == "__main__":
    sys.exit(main())
