"""How close the travel estimates come to published figures, and how fast they are.

Prints, over the city pairs of bench/travel_pairs.csv (sources in its header): how often
the chosen mode is the one an organiser books, the mean and worst absolute error of the
chosen mode's minutes and of each mode's, door to door and for the ride alone (see
bench/travel_pairs.py), and the median time of one estimate, uncached. Run:

    .venv/bin/python bench/bench_travel.py [--runs R]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.travel_pairs import error, pairs  # noqa: E402
from planner.travel import estimate  # noqa: E402
from planner.travel import options  # noqa: E402
from planner.travel.choice import options_between  # noqa: E402

CACHES = (estimate, options_between, options._transfer, options._stations_near, options._airport)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    table = pairs()
    errors: dict[str, list[float]] = {"chosen": []}
    rides: dict[str, list[float]] = {}
    right = 0
    print("from\tto\tchosen (booked)\tminutes by mode: estimated/published")
    for pair in table:
        guess, compared = pair.estimate(), pair.compared()
        right += guess.mode == pair.chosen
        for mode, (estimated, published) in compared.items():
            errors.setdefault(mode, []).append(abs(error(estimated, published)))
        if pair.chosen in compared:
            errors["chosen"].append(abs(error(*compared[pair.chosen])))
        for mode, (estimated, published) in pair.compared(door_to_door=False).items():
            if mode != "bus":
                rides.setdefault(mode, []).append(abs(error(estimated, published)))
        shown = "  ".join(f"{m}={e}/{p}" for m, (e, p) in compared.items())
        print(f"{pair.start}\t{pair.end}\t{guess.mode} ({pair.chosen})\t{shown}")
    print(f"\nchosen mode as booked: {right}/{len(table)}")
    print("errors door to door (absolute, relative to the published figure; issue #15: within 25 %):")
    for name, values in errors.items():
        print(f"  {name:16s} n={len(values):2d}  mean {statistics.mean(values):6.1%}  worst {max(values):6.1%}")
    print("errors of the ride alone (train station to station, flight block time):")
    for name, values in rides.items():
        print(f"  {name:16s} n={len(values):2d}  mean {statistics.mean(values):6.1%}  worst {max(values):6.1%}")
    points = [pair.points() for pair in table]
    # The sample's moves: short hops and drives between neighbouring counties, where the
    # coach is chosen without working out rail and air (as the scheduler and routing ask).
    from planner.sample import sample_plan
    from planner.legs import site_point
    plan = sample_plan()
    sites = [site_point(plan, s) for s in plan.sites]
    local = [(*a, *b) for a in sites for b in sites if a != b]
    for label, batch, with_options in (("city pairs, chosen way", points, False),
                                       ("city pairs, every option", points, True),
                                       (f"sample's {len(local)} site pairs, chosen way", local, False)):
        times = []
        for _ in range(args.runs):
            for cache in CACHES:
                cache.cache_clear()
            start = time.perf_counter()
            for p in batch:
                guess = estimate(*p)
                if with_options:
                    guess.options
            times.append((time.perf_counter() - start) / len(batch))
        print(f"one estimate, uncached, {label}: median {statistics.median(times) * 1000:.3f} ms")
    print("(estimates are cached: the scheduler asks again after every edit)")


if __name__ == "__main__":
    main()
