"""Synthetic plans for the benchmarks: many groups, days and sessions, seeded."""

from __future__ import annotations

import random
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from planner.legs import settle  # noqa: E402
from planner.model import Group, Lodging, Participant, Place, Plan, Programme, Session, Site  # noqa: E402


def synthetic_plan(rng: random.Random, groups: int = 20, days: int = 15, sessions: int = 2000) -> Plan:
    """A big tour: ``groups`` groups over ``days`` days sharing ``sessions`` sessions,
    400 places around Hangzhou, 1,000 sites, a hotel per group and night, 30 people a group."""
    group_items = tuple(Group(i + 1, f"第{i + 1}组", leader=f"带队领导{i + 1}", position=i) for i in range(groups))
    places = tuple(
        Place(i + 1, f"县{i + 1}", f"某省某市县{i + 1}", "division", f"{330000 + i:06d}",
              round(rng.uniform(119.8, 120.4), 5), round(rng.uniform(30.0, 30.5), 5))
        for i in range(400)
    )
    sites = [
        Site(i + 1, f"教学点{i + 1}", rng.randint(1, 400), "enterprise", ("产业发展", "招商引资"),
             address="某路 1 号", contact_person="联系人", contact_phone="0571-00000000",
             opens=510, closes=1080, visit_minutes=rng.choice((45, 60, 90)))
        for i in range(1000)
    ]
    hotels = [Site(1001 + i, f"宾馆{i + 1}", rng.randint(1, 400), "hotel") for i in range(100)]
    per_group = sessions // groups
    items = []
    for group in group_items:
        for n in range(per_group):
            day = n * days // per_group + 1
            items.append(Session(len(items) + 1, group.id, rng.randint(1, 1000), day, n, title=f"现场教学 {n}",
                                 theme="产业发展", host="接待单位"))
    lodgings = tuple(
        Lodging(len(group_items) * (night - 1) + g.id, g.id, night, rng.choice(hotels).id)
        for night in range(1, days) for g in group_items
    )
    participants = tuple(
        Participant(i + 1, f"学员{i + 1:04d}", "某县", "书记", "male", "13800000000", (i % groups) + 1)
        for i in range(30 * groups)
    )
    plan = Plan(Programme("压力测试", date(2025, 3, 1), days, themes=("产业发展",)), group_items, places,
                tuple(sites + hotels), tuple(items), lodgings=lodgings, participants=participants)
    return settle(plan)
