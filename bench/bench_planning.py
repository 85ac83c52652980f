"""plan-groups and optimise on door-to-door tours (issue 18, items 1 and 2): figures.

plan-groups on four tours: the sample (18 places, 3 groups, 6 days); 16 places from
沈阳, about 1,200 km away (3 groups, 5 days); a 90-day posting of one group to 10
places; four teams to four far cities (4 days). For each: the days used, idle days
(away with nothing to do), check errors and warnings (a group with no leader yet not
counted: a minimal plan names none), the travel planned beside the places in their
given order, the notes ``explain`` prints, and the time.

optimise (whole programme) on the clean sample, the sample with 第一组's day 3
reversed, and the sample's minimal plan imported (placeholder hotels): the travel
before and after as ``summary`` counts it, days made longer, findings added, whether a
second run changes anything, and the time.

Targets: no idle day where the places fill the days; 0 errors; after ≤ before; no day
longer; no finding added; the second run changes nothing. Run:

    .venv/bin/python bench/bench_planning.py [--time-limit S]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from planner.checks import check  # noqa: E402
from planner.edits import Batch  # noqa: E402
from planner.findings import ERROR, WARNING  # noqa: E402
from planner.jsonio import load_json_file  # noqa: E402
from planner.minimal import expand_minimal_plan  # noqa: E402
from planner.operations import apply_in_memory, consequences  # noqa: E402
from planner.routing.plan_routes import propose_optimisation  # noqa: E402
from planner.routing.split import explain, idle_days, plan_groups, total_travel  # noqa: E402
from planner.sample import sample_plan  # noqa: E402
from planner.schedule import schedule  # noqa: E402
from planner.summary import summarise  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
ZHEJIANG = ["杭州市余杭区", "嘉兴市海宁市", "嘉兴市桐乡市", "宁波市余姚市", "宁波市慈溪市", "绍兴市柯桥区",
            "金华市义乌市", "湖州市安吉县"]
JIANGSU = ["苏州市昆山市", "苏州市常熟市", "无锡市江阴市", "无锡市滨湖区", "常州市武进区", "南通市如皋市",
           "泰州市泰兴市", "苏州市张家港市"]


def minimal(days: int, groups: list[list[str]], origin: str) -> dict:
    return {"title": "考察班", "start_date": "2025-05-12", "days": days, "origin": origin,
            "groups": [{"places": places} for places in groups]}


def findings(plan) -> Counter:
    return Counter(f.severity for f in check(plan) if f.severity in (ERROR, WARNING)
                   and f.code != "group-without-leader")


def bench_plan_groups(name: str, plan, groups: int, time_limit: float) -> None:
    started = time.perf_counter()
    planned = plan_groups(plan, groups, plan.programme.days, time_limit=time_limit)
    seconds = time.perf_counter() - started
    found = findings(planned)
    print(f"plan-groups {name}: {groups} groups x {plan.programme.days} days in {seconds:.1f} s")
    for group in planned.ordered_groups():
        days = sorted({s.day for s in planned.sessions_of(group.id)})
        shown = days if len(days) <= 12 else f"{days[:6]}…{days[-3:]}"
        print(f"  {group.name}: {len(planned.sessions_of(group.id))} visits on days {shown}; "
              f"idle days {len(idle_days(planned, group.id))}")
    given = f"; the places in their given order ({len(plan.groups)} groups) {total_travel(plan)} min" \
        if plan.sessions else ""
    print(f"  errors {found[ERROR]}, warnings {found[WARNING]}; travel planned {total_travel(planned)} min{given}")
    for _, en in explain(planned):
        print(f"  note: {en[:150]}")


def outside_window(plan) -> dict:
    return {key: max(0, d.rules.day_start - d.first) + max(0, d.last - d.rules.day_end)
            for key, d in schedule(plan).days.items() if d.last is not None}


def kinds(plan) -> Counter:
    return Counter((f.severity, f.code, f.group_id, f.day) for f in check(plan) if f.severity in (ERROR, WARNING))


def bench_optimise(name: str, plan, time_limit: float) -> None:
    started = time.perf_counter()
    proposal = propose_optimisation(plan, time_limit=time_limit)
    seconds = time.perf_counter() - started
    after = proposal.after
    before_travel = sum(g.travel_minutes for g in summarise(plan).groups)
    after_travel = sum(g.travel_minutes for g in summarise(after).groups)
    old, new = outside_window(plan), outside_window(after)
    longer = sum(1 for key, minutes in new.items() if minutes > old.get(key, 0))
    added = sum((kinds(after) - kinds(plan)).values())
    again = propose_optimisation(after, time_limit=time_limit) if proposal.changed else proposal
    print(f"optimise {name}: summary travel {before_travel} -> {after_travel} min "
          f"(proposal says {proposal.travel_before} -> {proposal.travel_after}); days longer {longer}; "
          f"findings added {added}; errors {proposal.errors_before} -> {proposal.errors_after}; "
          f"second run changes {'something' if again.changed else 'nothing'}; {seconds:.1f} s"
          f"{' (time limit reached)' if proposal.timed_out else ''}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--time-limit", type=float, default=30.0, help="seconds per command (default 30)")
    args = parser.parse_args()
    sample = sample_plan()
    bench_plan_groups("the sample", sample, 3, args.time_limit)
    places = ZHEJIANG + JIANGSU  # as an organiser lists them, cut into three in that order
    far = expand_minimal_plan(minimal(5, [places[:6], places[6:11], places[11:]], "辽宁省沈阳市"))
    bench_plan_groups("16 places from 沈阳", far, 3, args.time_limit)
    posting = expand_minimal_plan(minimal(90, [JIANGSU + ZHEJIANG[:2]], "湖南省长沙市"))
    bench_plan_groups("a 90-day posting", posting, 1, args.time_limit)
    cities = ["广东省深圳市南山区", "四川省成都市武侯区", "浙江省杭州市余杭区", "北京市海淀区"]
    bench_plan_groups("four teams to four far cities", expand_minimal_plan(minimal(4, [cities], "湖南省长沙市")), 4,
                      args.time_limit)
    print()
    bench_optimise("the clean sample", sample, args.time_limit)
    count = len(sample.sessions_of(1, 3))
    reversed_day = sample.with_items("sessions", [replace(s, position=count - 1 - s.position)
                                                  if (s.group_id, s.day) == (1, 3) else s for s in sample.sessions])
    reversed_day = apply_in_memory(reversed_day, Batch(tuple(consequences(reversed_day)[0])))
    bench_optimise("the sample, 第一组's day 3 reversed", reversed_day, args.time_limit)
    imported = expand_minimal_plan(load_json_file(ROOT / "resources" / "samples" / "hunan-2025-minimal.json"))
    bench_optimise("the sample's minimal plan imported", imported, args.time_limit)


if __name__ == "__main__":
    main()
