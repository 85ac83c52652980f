"""The three plan sizes every scaling benchmark of issue 23 prints, and its line format."""

from __future__ import annotations

import random
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.synthetic import synthetic_plan  # noqa: E402

SIZES = ((5, 500), (20, 2000))  # (groups, sessions) besides the sample


def three_sizes(days: int = 15):
    """(label, plan) for the sample plan, 5 groups × 500 sessions and 20 groups × 2,000."""
    from planner.cli import sample_plan

    sample = sample_plan()
    yield f"sample ({len(sample.groups)} groups, {len(sample.sessions)} sessions)", sample
    for groups, sessions in SIZES:
        plan = synthetic_plan(random.Random(2025), groups=groups, days=days, sessions=sessions)
        yield f"{groups} groups x {sessions} sessions", plan


def line(name: str, values_ms: list[float], target_ms: float, extra: str = "") -> str:
    """One printed figure: median (min, max) and the ratio of the median to the target."""
    median = statistics.median(values_ms)
    return (f"{name:44s} median {median:8.1f} ms  (min {min(values_ms):.1f}, max {max(values_ms):.1f})  "
            f"target ≤ {target_ms:g} ms  ratio {median / target_ms:.2f}{extra}")
