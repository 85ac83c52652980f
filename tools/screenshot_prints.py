"""Render page 1 of each printed document of the sample plan into docs/screenshots/
(print-overview.png, print-group.png, print-participant.png, print-contacts.png,
print-roster.png; of the 经费预算表 its last page, with the totals and signatures:
print-budget.png; the documents before and after the tour: print-notice.png,
print-signin.png, print-namecards.png, print-badges.png, print-benchmark.png,
print-reflections.png, print-reflection.png, print-measures.png; the booklet's first
three pages: print-booklet-1.png to -3.png) at 100 dpi, through the export command and
pdftoppm (poppler-utils). The sample gets illustrative figures, reflections and measures
first (tools/demo_material.py). A one-person 90-day posting (tests/paper_plans.py) gives
print-posting-rooming.png and print-posting-group.png: its lists folded, not 89 pages.

    .venv/bin/python tools/screenshot_prints.py [--out docs/screenshots]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = {  # file name: export arguments
    "print-overview": ["--document", "overview"],
    "print-group": ["--document", "group", "--group", "1"],
    "print-participant": ["--document", "participant", "--participant", "1"],
    "print-contacts": ["--document", "contacts"],
    "print-roster": ["--document", "roster"],
    "print-budget": ["--document", "budget"],
    "print-notice": ["--document", "notice"],
    "print-signin": ["--document", "signin", "--group", "2"],
    "print-namecards": ["--document", "namecards"],
    "print-badges": ["--document", "namecards", "--group", "1"],
    "print-benchmark": ["--document", "benchmark", "--group", "1"],
    "print-reflections": ["--document", "reflections"],
    "print-reflection": ["--document", "reflections"],
    "print-measures": ["--document", "measures"],
    "print-booklet-1": ["--document", "booklet"],
    "print-booklet-2": ["--document", "booklet"],
    "print-booklet-3": ["--document", "booklet"],
    "print-posting-rooming": ["--document", "rooming"],
    "print-posting-group": ["--document", "group"],
}
POSTING = ("print-posting-rooming", "print-posting-group")  # of the long posting, not the sample
PAGES = {  # the page to show, when not the first
    "print-budget": "2",
    "print-namecards": "3",  # a member's table card
    "print-badges": "31",  # group 1's 30 table cards, then its first page of badges
    "print-benchmark": "2",  # 义乌市, with questions to ask
    "print-reflection": "2",  # the first reflection
    "print-booklet-2": "2",
    "print-booklet-3": "3",
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    args = parser.parse_args(argv)
    main_py = [sys.executable, str(ROOT / "main.py")]
    with tempfile.TemporaryDirectory() as work:
        plan = Path(work) / "sample.stplan"
        subprocess.run([*main_py, "sample", str(plan)], check=True, capture_output=True)
        from demo_material import add_demo_material

        add_demo_material(plan)
        posting = Path(work) / "posting.stplan"
        sys.path.insert(0, str(ROOT))
        from planner.store import PlanFile
        from tests.paper_plans import long_posting

        PlanFile.create(posting, long_posting()).close()
        made: dict[tuple, Path] = {}  # one export per document (the booklet gives three pictures)
        for name, options in DOCUMENTS.items():
            source = posting if name in POSTING else plan
            pdf = made.get((source, *options))
            if pdf is None:
                pdf = made[(source, *options)] = Path(work) / f"{name}.pdf"
                subprocess.run([*main_py, "export", str(source), "--format", "pdf", "--out", str(pdf), *options],
                               check=True, capture_output=True)
            stem = Path(args.out) / name
            page = PAGES.get(name, "1")
            subprocess.run(["pdftoppm", "-r", "100", "-png", "-singlefile", "-f", page, "-l", page, str(pdf), str(stem)],
                           check=True)
            print(f"saved {stem}.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
