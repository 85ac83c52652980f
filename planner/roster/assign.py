"""Automatic group assignment: seats, locks, interests, units and leaders, with a reason.

Who is placed by hand (``locked``) stays. Everyone else is placed in turn — group
leaders first, one per group before any group has two, then liaisons likewise, then
members — into the group that suits them best among those with a seat left under a
fair share (groups end up as even as their seats allow):

- the organiser's unit rule first: people of the same unit together, or apart;
- then interests: how many of the person's interests the group's route covers;
- then the emptier group.

Each person gets a reason saying why they landed there. When there are more people
than seats, as many as fit are placed and the rest stay without a group; the plan
check ``seat-shortfall`` (``planner.roster.seats``) names the shortfall.
"""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass

from planner.edits import Batch, Update
from planner.model import Group, Participant, Plan
from planner.roster.sources import RosterError

UNIT_MODES = ("any", "together", "apart")
UNIT_MODE_NAMES = {"any": ("不考虑单位", "units ignored"), "together": ("同单位同组", "same unit together"),
                   "apart": ("同单位分开", "same unit apart")}
ROLE_ORDER = {"group_leader": 0, "liaison": 1}


@dataclass(frozen=True)
class Placement:
    participant_id: int
    group_id: int | None
    reason: str  # Chinese, stored with the person
    reason_en: str
    locked: bool = False


@dataclass(frozen=True)
class Assignment:
    placements: tuple[Placement, ...]
    sizes: dict  # group id -> people placed
    capacities: dict  # group id -> seats (None: no limit)
    names: dict  # group id -> name
    unplaced: int  # people left without a group for want of seats

    def group_of(self, participant_id: int) -> int | None:
        return next(p.group_id for p in self.placements if p.participant_id == participant_id)

    def edit(self, plan: Plan, label: str = "自动分组") -> Batch:
        """One edit: every person whose group or reason changes."""
        edits = []
        for placement in self.placements:
            person = plan.get("participants", placement.participant_id)
            if placement.locked or person is None:
                continue
            changes = {}
            if person.group_id != placement.group_id:
                changes["group_id"] = placement.group_id
            if person.group_reason != placement.reason:
                changes["group_reason"] = placement.reason
            if changes:
                edits.append(Update("participants", person.id, changes))
        return Batch(tuple(edits), label)

    def report(self, plan: Plan, verbose: bool = False) -> str:
        lines = []
        for group_id, name in self.names.items():
            capacity = self.capacities[group_id]
            seats = f"/{capacity}" if capacity is not None else ""
            lines.append(f"  {name}：{self.sizes[group_id]}{seats} 人 / {name}: {self.sizes[group_id]}{seats} people")
        if self.unplaced:
            lines.append(f"座位不足：{self.unplaced} 人未能分组 / not enough seats: {self.unplaced} left without a group")
        if verbose:
            for placement in self.placements:
                person = plan.get("participants", placement.participant_id)
                group = self.names.get(placement.group_id, "未分组")
                lines.append(f"  {person.name}（{person.unit}）→ {group}：{placement.reason}")
        return "\n".join(lines)


def route_themes(plan: Plan, group_id: int) -> set[str]:
    """The teaching themes a group's route covers (its sessions' and sites' themes)."""
    themes = set()
    for session in plan.sessions_of(group_id):
        if session.theme:
            themes.add(session.theme)
        site = plan.site(session.site_id)
        if site is not None:
            themes.update(site.themes)
    return themes


def _targets(groups: list[Group], fixed: dict[int, int], free: int) -> dict[int, int]:
    """Seats to fill per group: the fullest fair share the capacities allow."""
    target = dict(fixed)
    for _ in range(free):
        open_groups = [g for g in groups if g.capacity is None or target[g.id] < g.capacity]
        if not open_groups:
            break
        chosen = min(open_groups, key=lambda g: (target[g.id], g.position, g.id))
        target[chosen.id] += 1
    return target


def assign_groups(plan: Plan, units: str = "any", rng: random.Random | None = None) -> Assignment:
    """Place every participant who is not locked; see the module's description."""
    if units not in UNIT_MODES:
        raise ValueError(units)
    groups = plan.ordered_groups()
    if not groups:
        raise RosterError("方案中还没有组，无法分组", "the plan has no groups to assign people to")
    rng = rng or random.Random(0)
    valid = {g.id for g in groups}
    themes = {g.id: route_themes(plan, g.id) for g in groups}
    names = {g.id: g.name for g in groups}
    size = {g.id: 0 for g in groups}
    units_in = {g.id: defaultdict(int) for g in groups}
    roles_in = {g.id: defaultdict(int) for g in groups}
    placements: list[Placement] = []
    free: list[Participant] = []
    for person in plan.participants:
        if person.locked and person.group_id in valid:
            size[person.group_id] += 1
            if person.unit:
                units_in[person.group_id][person.unit] += 1
            roles_in[person.group_id][person.role] += 1
            reason = person.group_reason or "手动安排（已锁定）"
            placements.append(Placement(person.id, person.group_id, reason, "placed by hand (locked)", True))
        else:
            free.append(person)
    target = _targets(groups, size, len(free))

    def matches(person: Participant, group_id: int) -> list[str]:
        return sorted(set(person.interests) & themes[group_id])

    def how_many_fit(person: Participant) -> int:
        return sum(1 for g in groups if matches(person, g.id))

    # Leaders, then liaisons, then members; among members the pickiest first.
    tiebreak = {p.id: rng.random() for p in free}
    free.sort(key=lambda p: (ROLE_ORDER.get(p.role, 2), how_many_fit(p) if p.interests else len(groups) + 1,
                             p.unit, tiebreak[p.id], p.id))
    for person in free:
        open_groups = [g for g in groups if size[g.id] < target[g.id]]
        if not open_groups:
            seats = sum(g.capacity or 0 for g in groups)
            placements.append(Placement(person.id, None, f"座位不足，未能分组（各组共 {seats} 个座位）",
                                        f"not enough seats: left without a group ({seats} seats in all)"))
            continue
        staff = person.role in ROLE_ORDER
        unit = person.unit if units != "any" else ""

        def key(g: Group):
            same_unit = units_in[g.id][unit] if unit else 0
            unit_score = same_unit if units == "together" else -same_unit
            room = target[g.id] - size[g.id]
            if staff:
                return (-roles_in[g.id][person.role], len(matches(person, g.id)), room)
            return (unit_score, len(matches(person, g.id)), room)

        chosen = max(open_groups, key=lambda g: (key(g), -g.position, -g.id))
        best_anywhere = max((len(matches(person, g.id)) for g in groups), default=0)
        reason, reason_en = _reason(person, chosen, units, units_in[chosen.id][person.unit] if person.unit else 0,
                                    roles_in[chosen.id][person.role], matches(person, chosen.id), best_anywhere)
        placements.append(Placement(person.id, chosen.id, reason, reason_en))
        size[chosen.id] += 1
        roles_in[chosen.id][person.role] += 1
        if person.unit:
            units_in[chosen.id][person.unit] += 1
    placements.sort(key=lambda p: p.participant_id)
    unplaced = sum(1 for p in placements if p.group_id is None)
    return Assignment(tuple(placements), size, {g.id: g.capacity for g in groups}, names, unplaced)


def _reason(person: Participant, group: Group, units: str, same_unit: int, same_role: int,
            matched: list[str], best: int) -> tuple[str, str]:
    name = group.name
    if person.role == "group_leader":
        if same_role == 0:
            return f"带队领导：{name}尚无带队领导", f"group leader: {name} had none"
        return f"带队领导：各组都已有带队领导，{name}人数最少", f"group leader: every group has one; {name} had fewest"
    if person.role == "liaison":
        if same_role == 0:
            return f"联络员：{name}尚无联络员", f"liaison: {name} had none"
        return f"联络员：各组都已有联络员，{name}人数最少", f"liaison: every group has one; {name} had fewest"
    parts, parts_en = [], []
    if units == "together" and same_unit:
        parts.append(f"与同单位（{person.unit}）的 {same_unit} 人同组")
        parts_en.append(f"with {same_unit} from the same unit")
    elif units == "apart" and person.unit and not same_unit:
        parts.append("与同单位的学员分在不同组")
        parts_en.append("apart from the others of the same unit")
    if matched:
        parts.append(f"关注「{'、'.join(matched)}」，与{name}线路的教学主题相符")
        parts_en.append(f"interested in {', '.join(matched)}, which {name}'s route covers")
    elif person.interests and best:
        parts.append(f"关注「{'、'.join(person.interests)}」的组已满，安排在尚有座位的{name}")
        parts_en.append(f"the groups matching their interests were full; {name} had seats")
    if not parts:
        parts.append(f"{name}尚有座位，按人数均衡安排")
        parts_en.append(f"{name} had seats; groups kept even")
    return "；".join(parts), "; ".join(parts_en)
