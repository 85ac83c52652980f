"""Render page 1 of each printed document of the sample plan into docs/screenshots/
(print-overview.png, print-group.png, print-participant.png, print-contacts.png,
print-roster.png; of the 经费预算表 its last page, with the totals and signatures:
print-budget.png) at 100 dpi, through the export command and pdftoppm (poppler-utils).

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
}
PAGES = {"print-budget": "2"}  # the page to show, when not the first


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    args = parser.parse_args(argv)
    main_py = [sys.executable, str(ROOT / "main.py")]
    with tempfile.TemporaryDirectory() as work:
        plan = Path(work) / "sample.stplan"
        subprocess.run([*main_py, "sample", str(plan)], check=True, capture_output=True)
        for name, options in DOCUMENTS.items():
            pdf = Path(work) / f"{name}.pdf"
            subprocess.run([*main_py, "export", str(plan), "--format", "pdf", "--out", str(pdf), *options],
                           check=True, capture_output=True)
            stem = Path(args.out) / name
            page = PAGES.get(name, "1")
            subprocess.run(["pdftoppm", "-r", "100", "-png", "-singlefile", "-f", page, "-l", page, str(pdf), str(stem)],
                           check=True)
            print(f"saved {stem}.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
