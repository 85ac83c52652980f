"""The 90-day posting of issue 23: one group, one session a day for 90 days."""

from __future__ import annotations

import random


def posting():
    from bench.synthetic import synthetic_plan

    return synthetic_plan(random.Random(2025), groups=1, days=90, sessions=90)
