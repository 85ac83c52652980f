"""Time looking up and searching very long place names in the gazetteer.

Issue #20 item 5: the look-up tried every prefix of the typed text as a parent name,
so the work grew with the square of its length (importing a 100,000-character place
name took 7.7 s, 300,000 characters 70 s; the same search runs as the add-place
dialog's type-ahead). Prints the median of several runs of ``lookup`` + ``search`` for
each length, and the ratio against those baselines. Run:

    .venv/bin/python bench/bench_gazetteer.py [--runs R]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from planner.gazetteer import Gazetteer  # noqa: E402

BASELINE_S = {100_000: 7.7, 300_000: 70.0}  # issue #20, before the fix
TEXTS = {"汉字": "义", "latin": "a", "province repeated": "浙江"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    gazetteer = Gazetteer.default()
    gazetteer.lookup("义乌")  # warm up
    print("length\ttext\tmedian s\tbaseline s\tratio")
    for length, baseline in BASELINE_S.items():
        for label, unit in TEXTS.items():
            text = unit * (length // len(unit))
            times = []
            for _ in range(args.runs):
                start = time.perf_counter()
                gazetteer.lookup(text)
                gazetteer.search(text)
                times.append(time.perf_counter() - start)
            median = statistics.median(times)
            print(f"{length}\t{label}\t{median:.3f}\t{baseline}\t{median / baseline:.4f}")


if __name__ == "__main__":
    main()
