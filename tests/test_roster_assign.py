"""Group assignment: capacities, locks, one leader per group, interests, units, reasons;
only people without a group by default (nobody placed moves, leaders never); the
seat-shortfall check; the assign command."""

from __future__ import annotations

import random
import re
from collections import Counter
from dataclasses import replace

from conftest import run_main
from planner.checks import check
from planner.model import Group, Participant
from planner.operations import apply_in_memory
from planner.roster.assign import assign_groups, route_themes
from planner.store import PlanFile


def delegation(plan, count: int, leaders: int = 3, seed: int = 7, units: int = 40):
    rng = random.Random(seed)
    themes = sorted(plan.programme.themes)
    people = []
    for n in range(1, count + 1):
        role = "group_leader" if n <= leaders else ("liaison" if n <= leaders + 3 else "member")
        people.append(Participant(n, f"学员{n:04d}", unit=f"单位{rng.randrange(units):02d}",
                                  gender=rng.choice(("male", "female")), role=role,
                                  interests=tuple(rng.sample(themes, rng.choice((0, 1, 2))))))
    return plan.with_items("participants", people)


def assigned(plan, result):
    return apply_in_memory(plan, result.edit(plan))


def test_capacities_respected_and_groups_even(sample):
    plan = delegation(sample, 140)
    after = assigned(plan, assign_groups(plan))
    sizes = Counter(p.group_id for p in after.participants)
    assert None not in sizes and sum(sizes.values()) == 140
    assert all(sizes[g.id] <= g.capacity for g in after.groups)
    assert max(sizes.values()) - min(sizes.values()) <= 1
    assert all(p.group_reason for p in after.participants)


def test_one_leader_per_group(sample):
    plan = delegation(sample, 120, leaders=3)
    after = assigned(plan, assign_groups(plan))
    leaders = Counter(p.group_id for p in after.participants if p.role == "group_leader")
    assert leaders == {1: 1, 2: 1, 3: 1}
    liaisons = Counter(p.group_id for p in after.participants if p.role == "liaison")
    assert liaisons == {1: 1, 2: 1, 3: 1}
    assert not [f for f in check(after) if f.code == "group-without-leader"]


def test_leaders_spread_around_a_locked_leader(sample):
    plan = delegation(sample, 60, leaders=3)
    people = list(plan.participants)
    people[0] = replace(people[0], group_id=2, locked=True)  # leader 1 placed by hand in group 2
    plan = plan.with_items("participants", people)
    after = assigned(plan, assign_groups(plan))
    leaders = Counter(p.group_id for p in after.participants if p.role == "group_leader")
    assert leaders == {1: 1, 2: 1, 3: 1}


def test_locked_people_stay(sample):
    plan = delegation(sample, 100)
    people = [replace(p, group_id=3, locked=True) if p.id % 10 == 0 else p for p in plan.participants]
    plan = plan.with_items("participants", people)
    result = assign_groups(plan)
    after = assigned(plan, result)
    for person in after.participants:
        if person.id % 10 == 0:
            assert person.group_id == 3 and person.locked
    assert all(p.locked for p in result.placements if p.participant_id % 10 == 0)


def test_overflow_places_as_many_as_fit_and_check_names_the_shortfall(sample):
    plan = delegation(sample, 160)  # 3 groups of 49 seats: 147
    result = assign_groups(plan)
    after = assigned(plan, result)
    sizes = Counter(p.group_id for p in after.participants)
    assert sizes[None] == 13 and result.unplaced == 13
    assert all(sizes[g.id] == 49 for g in after.groups)
    shortfall = [f for f in check(after) if f.code == "seat-shortfall"]
    assert len(shortfall) == 1
    assert "缺 13 个座位" in shortfall[0].message_zh and "第一组" in shortfall[0].message_zh
    assert "13 seat(s) short" in shortfall[0].message_en
    # A group holding more people than its seats is named with its own shortfall.
    crowded = after.with_items("groups", [replace(g, capacity=40) if g.id == 2 else g for g in after.groups])
    messages = [f.message_zh for f in check(crowded) if f.code == "seat-shortfall"]
    assert any(m.startswith("第二组有 49 人") and "缺 9 个座位" in m for m in messages)


def test_no_shortfall_finding_when_everyone_fits(sample):
    plan = delegation(sample, 140)
    assert not [f for f in check(assigned(plan, assign_groups(plan))) if f.code == "seat-shortfall"]


def test_interests_follow_route_themes(sample):
    plan = sample.with_items("participants", [])
    # Give each group a theme of its own on the route.
    own = {}
    for group in plan.ordered_groups():
        others = set().union(*(route_themes(plan, g.id) for g in plan.groups if g.id != group.id))
        unique = sorted(route_themes(plan, group.id) - others)
        if unique:
            own[group.id] = unique[0]
    if not own:  # the sample's routes share all themes: make one up on a site of group 1
        session = plan.sessions_of(1)[0]
        plan = plan.with_items("sessions", [replace(s, theme="专项主题") if s.id == session.id else s
                                            for s in plan.sessions])
        own = {1: "专项主题"}
    group_id, theme = next(iter(own.items()))
    people = [Participant(n, f"学员{n}", interests=(theme,) if n <= 10 else ()) for n in range(1, 61)]
    plan = plan.with_items("participants", people)
    after = assigned(plan, assign_groups(plan))
    for person in after.participants[:10]:
        assert person.group_id == group_id
        assert theme in person.group_reason


def test_same_unit_together_or_apart(sample):
    plan = delegation(sample, 120, units=20)
    together = assigned(plan, assign_groups(plan, units="together"))
    apart = assigned(plan, assign_groups(plan, units="apart"))

    def split_units(after):
        groups_of = {}
        for p in after.participants:
            groups_of.setdefault(p.unit, set()).add(p.group_id)
        return sum(len(g) - 1 for g in groups_of.values())

    def crowded_units(after):
        return sum(n - 1 for n in Counter((p.unit, p.group_id) for p in after.participants).values())

    assert split_units(together) < split_units(apart)
    assert crowded_units(apart) < crowded_units(together)
    assert any("同单位" in p.group_reason for p in together.participants)


def test_assignment_is_deterministic(sample):
    """2,000 people in 20 groups: the same generator gives the same groups (its speed is
    bench/bench_roster.py's to measure, not a test's)."""
    groups = [Group(i, f"第{i}组", capacity=110) for i in range(1, 21)]
    plan = delegation(sample.with_items("groups", groups), 2000, leaders=20)
    first = assign_groups(plan, rng=random.Random(1))
    assert first == assign_groups(plan, rng=random.Random(1))
    after = assigned(plan, first)
    assert Counter(p.group_id for p in after.participants if p.role == "group_leader") == {i: 1 for i in range(1, 21)}


def test_assign_command(tmp_path, sample_path):
    dry = run_main("roster", "assign", sample_path, "--dry-run", "--units", "apart")
    assert dry.returncode == 0 and "第一组" in dry.stdout and "dry run" in dry.stdout
    assert "nobody moved" in dry.stdout  # the sample's 90 are all placed already
    done = run_main("roster", "assign", sample_path, "--reassign-all", "--verbose")
    assert done.returncode == 0, done.stderr
    with PlanFile.open(sample_path, readonly=True) as plan_file:
        plan = plan_file.load()
    assert all(p.group_reason for p in plan.participants if not p.locked and p.role != "group_leader")
    empty = tmp_path / "x.stplan"
    PlanFile.create(empty, plan.with_items("participants", [])).close()
    nobody = run_main("roster", "assign", empty)
    assert nobody.returncode == 1 and "先导入名单" in nobody.stderr and "Traceback" not in nobody.stderr


# ---------------------------------------------------------------- newcomers, reasons

NEWCOMERS = (("新学员甲", "新单位A", ("招商引资",)), ("新学员乙", "新单位A", ()), ("新学员丙", "新单位B", ("乡村振兴",)),
             ("新学员丁", "新单位C", ()), ("新学员戊", "新单位C", ("文旅融合",)), ("新学员己", "新单位D", ()))


def with_newcomers(plan):
    """The sample's organised delegation of 90 (3 leaders, 3 liaisons, all placed) and
    six people added without a group, two pairs of them from the same unit."""
    first = max(p.id for p in plan.participants) + 1
    added = [Participant(first + n, name, unit=unit, interests=interests)
             for n, (name, unit, interests) in enumerate(NEWCOMERS)]
    return plan.with_items("participants", [*plan.participants, *added])


def reasons_hold(after) -> None:
    """Each reason's claims about units and interests are true of the final groups."""
    unit_sizes = Counter(p.unit for p in after.participants if p.unit)
    per_group = Counter((p.unit, p.group_id) for p in after.participants if p.unit)
    for person in after.participants:
        reason = person.group_reason
        others_here = per_group[(person.unit, person.group_id)] - 1 if person.unit else 0
        apart = re.search(r"与同单位（(.+?)）的其他 (\d+) 人分在不同组", reason)
        if apart:
            assert apart.group(1) == person.unit and others_here == 0, (person, reason)
            assert int(apart.group(2)) == unit_sizes[person.unit] - 1 > 0, (person, reason)
        together = re.search(r"与同单位（(.+?)）的 (\d+) 人同组", reason)
        if together:
            assert together.group(1) == person.unit and int(together.group(2)) == others_here > 0, (person, reason)
        if "同单位" in reason:
            assert apart or together or "优先" in reason, (person, reason)
        if "线路的教学主题相符" in reason:
            themes = re.search(r"关注「(.+?)」", reason).group(1).split("、")
            group = after.group(person.group_id)
            assert set(themes) <= route_themes(after, person.group_id) and group.name in reason, (person, reason)


def test_newcomers_are_placed_and_nobody_already_placed_moves(sample):
    plan = with_newcomers(sample)
    before = {p.id: p.group_id for p in sample.participants}
    assert Counter(p.role for p in sample.participants)["group_leader"] == 3 and None not in before.values()
    for units in ("any", "together", "apart"):
        result = assign_groups(plan, units)
        after = assigned(plan, result)
        assert {p.id: p.group_id for p in after.participants if p.id in before} == before, units
        assert all(p.group_id is not None for p in after.participants)
        newcomers = {p.id for p in plan.participants if p.id not in before}
        assert {m.participant.id for m in result.moves(plan)} == newcomers
        assert {e.id for e in result.edit(plan).edits} == newcomers  # nobody else is even touched
        assert all(m.before is None and m.after is not None and m.reason for m in result.moves(plan))
        sizes = Counter(p.group_id for p in after.participants)
        assert max(sizes.values()) - min(sizes.values()) <= 1  # the six go to even out the groups
        reasons_hold(after)


def test_reassign_all_never_moves_a_group_leader(sample):
    people = list(sample.participants)
    leaders = [p for p in people if p.role == "group_leader"]
    # the organiser put two leaders in group 1 and none in group 3
    people = [replace(p, group_id=1) if p.id == leaders[1].id else p for p in people]
    plan = with_newcomers(sample.with_items("participants", people))
    result = assign_groups(plan, "apart", reassign_all=True)
    after = assigned(plan, result)
    for leader in leaders:
        assert after.get("participants", leader.id).group_id == plan.get("participants", leader.id).group_id
    moves = result.moves(plan)
    assert moves and all(m.participant.role != "group_leader" and m.before != m.after for m in moves)
    assert {m.participant.id for m in moves} == {p.id for p in after.participants
                                                 if p.group_id != plan.get("participants", p.id).group_id}
    assert all(p.group_id is not None for p in after.participants)
    reasons_hold(after)


def test_unit_reasons_only_when_the_unit_has_several_people(sample):
    """The sample's 84 members each come from their own county: 同单位分开 would be false."""
    plan = sample.with_items("participants", [replace(p, group_id=None) for p in sample.participants])
    for units in ("apart", "together"):
        after = assigned(plan, assign_groups(plan, units))
        alone = [p for p in after.participants if Counter(q.unit for q in after.participants)[p.unit] == 1]
        assert len(alone) == 84
        assert not [p.group_reason for p in alone if "同单位" in p.group_reason]
        reasons_hold(after)
    staff = [p for p in after.participants if p.unit == "主办单位（示意）"]
    assert len(staff) == 6  # the organiser's own unit has several: their reasons may name it, truly
    plan = with_newcomers(plan)
    apart = assigned(plan, assign_groups(plan, "apart"))
    pair = [p for p in apart.participants if p.unit == "新单位A"]
    assert pair[0].group_id != pair[1].group_id
    assert all("其他 1 人分在不同组" in p.group_reason for p in pair)
    reasons_hold(apart)


def test_assign_command_prints_who_moved_and_why(sample, tmp_path):
    path = tmp_path / "newcomers.stplan"
    PlanFile.create(path, with_newcomers(sample)).close()
    before = {p.id: p.group_id for p in sample.participants}
    done = run_main("roster", "assign", path, "--units", "apart")
    assert done.returncode == 0, done.stderr
    assert "6 moved" in done.stdout and "90 stayed in their groups (3 group leader(s))" in done.stdout
    for name, _, _ in NEWCOMERS:
        line = next(line for line in done.stdout.splitlines() if line.strip().startswith(name))
        assert "未分组 → 第" in line and "no group → 第" in line
    assert not [p.name for p in sample.participants if p.name in done.stdout]  # nobody placed is listed
    with PlanFile.open(path, readonly=True) as plan_file:
        after = plan_file.load()
    assert {p.id: p.group_id for p in after.participants if p.id in before} == before
    assert all(p.group_id is not None for p in after.participants)
    again = run_main("roster", "assign", path)
    assert again.returncode == 0 and "nobody moved" in again.stdout
    everyone = run_main("roster", "assign", path, "--reassign-all", "--dry-run")
    assert everyone.returncode == 0 and "everyone reassigned" in everyone.stdout
    assert "0 stayed" not in everyone.stdout and "(3 group leader(s))" in everyone.stdout
