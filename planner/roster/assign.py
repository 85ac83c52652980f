"""Automatic group assignment: seats, locks, interests, units and leaders, with a reason.

By default only people without a group are placed: everyone already in a group stays
there, so adding newcomers to an organised delegation moves nobody. ``reassign_all``
places everyone again, except people placed by hand (``locked``) and group leaders who
have a group: a group leader is never moved. Those to place go in turn — group leaders
first, one per group before any group has two, then liaisons likewise, then members —
into the group that suits them best among those with a seat left under a fair share
(groups end up as even as their seats allow):

- the organiser's unit rule first: people of the same unit together, or apart;
- then interests: how many of the person's interests the group's route covers;
- then (reassigning) the group they are in already: nobody moves without a reason;
- then the emptier group.

Each person placed gets a reason saying why they landed there, and it is true of the
final groups (同单位分开 only when the unit has several people and none of the others
is in the same group). When there are more people than seats, as many as fit are placed
and the rest stay without a group; the plan check ``seat-shortfall``
(``planner.roster.seats``) names the shortfall.
"""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from dataclasses import dataclass

from planner.edits import Batch, Update
from planner.model import Group, Participant, Plan
from planner.roles import GROUP_LEADER, LIAISON, role_name
from planner.roster.sources import RosterError

UNIT_MODES = ("any", "together", "apart")
UNIT_MODE_NAMES = {"any": ("不考虑单位", "units ignored"), "together": ("同单位同组", "same unit together"),
                   "apart": ("同单位分开", "same unit apart")}
SCOPE_NAMES = {False: ("只安排未分组的人", "only people without a group"),
               True: ("全部重新分配，带队领导与手动安排的人不动", "everyone reassigned but group leaders and people placed by hand")}
ROLE_ORDER = {GROUP_LEADER: 0, LIAISON: 1}  # placed first, one per group; everyone else after
UNPLACED_NAME = ("未分组", "no group")


@dataclass(frozen=True)
class Placement:
    participant_id: int
    group_id: int | None
    reason: str  # Chinese, stored with the person
    reason_en: str
    locked: bool = False  # placed by hand: left alone
    kept: bool = False  # already in a group and left there by this assignment


@dataclass(frozen=True)
class Move:
    """Someone this assignment puts in another group (or in one for the first time)."""

    participant: Participant
    before: int | None
    after: int | None
    reason: str
    reason_en: str


@dataclass(frozen=True)
class Assignment:
    placements: tuple[Placement, ...]
    sizes: dict  # group id -> people placed
    capacities: dict  # group id -> seats (None: no limit)
    names: dict  # group id -> name
    unplaced: int  # people left without a group for want of seats
    reassign_all: bool = False

    def group_of(self, participant_id: int) -> int | None:
        return next(p.group_id for p in self.placements if p.participant_id == participant_id)

    def moves(self, plan: Plan) -> list[Move]:
        """Who changes group, in the plan's order (people left where they were are not listed)."""
        out = []
        for placement in self.placements:
            person = plan.get("participants", placement.participant_id)
            if person is None or placement.locked or placement.kept or person.group_id == placement.group_id:
                continue
            out.append(Move(person, person.group_id, placement.group_id, placement.reason, placement.reason_en))
        return out

    def edit(self, plan: Plan, label: str = "自动分组") -> Batch:
        """One edit: every person placed whose group or reason changes (nobody left in place)."""
        edits = []
        for placement in self.placements:
            person = plan.get("participants", placement.participant_id)
            if placement.locked or placement.kept or person is None:
                continue
            changes = {}
            if person.group_id != placement.group_id:
                changes["group_id"] = placement.group_id
            if person.group_reason != placement.reason:
                changes["group_reason"] = placement.reason
            if changes:
                edits.append(Update("participants", person.id, changes))
        return Batch(tuple(edits), label)

    def group_name(self, group_id: int | None, english: bool = False) -> str:
        if group_id in self.names:
            return self.names[group_id]
        return UNPLACED_NAME[1 if english else 0]

    def report(self, plan: Plan, verbose: bool = False) -> str:
        """Group sizes, who stayed, then who moved and why (everyone with ``verbose``)."""
        lines = []
        for group_id, name in self.names.items():
            capacity = self.capacities[group_id]
            seats = f"/{capacity}" if capacity is not None else ""
            lines.append(f"  {name}：{self.sizes[group_id]}{seats} 人 / {name}: {self.sizes[group_id]}{seats} people")
        if self.unplaced:
            lines.append(f"座位不足：{self.unplaced} 人未能分组 / not enough seats: {self.unplaced} left without a group")
        people = [(p, plan.get("participants", p.participant_id)) for p in self.placements]
        stayed = [person for p, person in people if p.group_id is not None and p.group_id == person.group_id]
        leaders = sum(1 for person in stayed if person.role == GROUP_LEADER)
        lines.append(f"留在原组 {len(stayed)} 人（其中带队领导 {leaders} 人）/ "
                     f"{len(stayed)} stayed in their groups ({leaders} group leader(s))")
        moves = self.moves(plan)
        lines.append(f"变动 {len(moves)} 人 / {len(moves)} moved:" if moves else "无人变动 / nobody moved")
        for move in moves:
            person = move.participant
            unit = f"（{person.unit}）" if person.unit else ""
            lines.append(f"  {person.name}{unit}：{self.group_name(move.before)} → {self.group_name(move.after)}："
                         f"{move.reason} / {self.group_name(move.before, True)} → {self.group_name(move.after, True)}: "
                         f"{move.reason_en}")
        if verbose:
            moved = {m.participant.id for m in moves}
            lines.append("其余学员 / everyone else:")
            for placement in self.placements:
                if placement.participant_id in moved:
                    continue
                person = plan.get("participants", placement.participant_id)
                lines.append(f"  {person.name}（{person.unit}）→ {self.group_name(placement.group_id)}：{placement.reason}")
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


def _stays(person: Participant, reassign_all: bool) -> bool:
    """Whether someone already in a group is left there."""
    return person.locked or not reassign_all or person.role == GROUP_LEADER


def _kept_reason(person: Participant) -> tuple[str, str]:
    if person.locked:
        return person.group_reason or "手动安排（已锁定）", "placed by hand (locked)"
    if person.role == GROUP_LEADER:
        return person.group_reason or "带队领导留在原组", "group leader: stays in their group"
    return person.group_reason or "已在组中，保持不动", "already in this group: left there"


@dataclass(frozen=True)
class _Choice:
    """Why a group was chosen, as it stood when the person was placed."""

    person: Participant
    group: Group
    matched: tuple[str, ...]  # the person's interests the group's route covers
    interest_blocked: str  # "" | "full" (no matching group had a seat) | "unit" (the unit rule came first)
    same_role: int  # people of the same staff role already in the group
    by_interest: bool  # staff: interests (not seats left) decided among the groups tied on role
    stayed: bool  # the group they were in already


def assign_groups(plan: Plan, units: str = "any", rng: random.Random | None = None, *,
                  reassign_all: bool = False) -> Assignment:
    """Place everyone without a group (with ``reassign_all``: everyone who may move);
    see the module's description."""
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
        if person.group_id in valid and _stays(person, reassign_all):
            size[person.group_id] += 1
            if person.unit:
                units_in[person.group_id][person.unit] += 1
            roles_in[person.group_id][person.role] += 1
            reason, reason_en = _kept_reason(person)
            placements.append(Placement(person.id, person.group_id, reason, reason_en, person.locked,
                                        not person.locked))
        else:
            free.append(person)
    target = _targets(groups, size, len(free))

    def matches(person: Participant, group_id: int) -> tuple[str, ...]:
        return tuple(sorted(set(person.interests) & themes[group_id]))

    def how_many_fit(person: Participant) -> int:
        return sum(1 for g in groups if matches(person, g.id))

    # Leaders, then liaisons, then members; among members the pickiest first.
    tiebreak = {p.id: rng.random() for p in free}
    free.sort(key=lambda p: (ROLE_ORDER.get(p.role, 2), how_many_fit(p) if p.interests else len(groups) + 1,
                             p.unit, tiebreak[p.id], p.id))
    choices: list[_Choice] = []
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
            here = g.id == person.group_id  # reassigning: no move without a reason
            room = target[g.id] - size[g.id]
            if staff:
                return (-roles_in[g.id][person.role], len(matches(person, g.id)), here, room)
            return (unit_score, len(matches(person, g.id)), here, room)

        chosen = max(open_groups, key=lambda g: (key(g), -g.position, -g.id))
        matched = matches(person, chosen.id)
        blocked, by_interest = "", False
        if staff:  # among the groups with fewest of this role, did interests or room decide?
            tied = [g for g in open_groups if key(g)[0] == key(chosen)[0]]
            by_interest = len(matched) > min(len(matches(person, g.id)) for g in tied)
        elif person.interests and not matched and any(matches(person, g.id) for g in groups):
            blocked = "unit" if any(matches(person, g.id) for g in open_groups) else "full"
        choices.append(_Choice(person, chosen, matched, blocked, roles_in[chosen.id][person.role], by_interest,
                               chosen.id == person.group_id))
        size[chosen.id] += 1
        roles_in[chosen.id][person.role] += 1
        if person.unit:
            units_in[chosen.id][person.unit] += 1
    # Reasons about units are written once everyone is placed, so they hold for the final groups.
    unit_sizes = Counter(p.unit for p in plan.participants if p.unit)
    final_group = {p.participant_id: p.group_id for p in placements}
    final_group.update({c.person.id: c.group.id for c in choices})
    together = Counter((p.unit, final_group[p.id]) for p in plan.participants if p.unit)
    for choice in choices:
        person = choice.person
        others_here = together[(person.unit, choice.group.id)] - 1 if person.unit else 0
        others = unit_sizes[person.unit] - 1 if person.unit else 0
        reason, reason_en = _reason(plan, choice, units, others_here, others)
        placements.append(Placement(person.id, choice.group.id, reason, reason_en))
    placements.sort(key=lambda p: p.participant_id)
    unplaced = sum(1 for p in placements if p.group_id is None)
    return Assignment(tuple(placements), size, {g.id: g.capacity for g in groups}, names, unplaced, reassign_all)


def _reason(plan: Plan, choice: _Choice, units: str, others_here: int, others: int) -> tuple[str, str]:
    """Why ``choice.person`` is in ``choice.group``. ``others_here``: people of the same
    unit in that group at the end; ``others``: people of the same unit in the delegation."""
    person, name = choice.person, choice.group.name
    if person.role in ROLE_ORDER:
        role_zh, role_en = role_name(plan, person.role), role_name(plan, person.role, english=True).lower()
        if choice.same_role == 0:
            return f"{role_zh}：{name}原无{role_zh}", f"{role_en}: {name} had none"
        if choice.by_interest:
            return (f"{role_zh}：尚有座位的各组都已有{role_zh}；关注「{'、'.join(choice.matched)}」，与{name}线路的教学主题相符",
                    f"{role_en}: every group with seats left had one; interested in {', '.join(choice.matched)}, "
                    f"which {name}'s route covers")
        if choice.stayed:
            return (f"{role_zh}：尚有座位的各组都已有{role_zh}，留在原组{name}",
                    f"{role_en}: every group with seats left had one; stays in {name}")
        return (f"{role_zh}：尚有座位的各组都已有{role_zh}，{name}空位最多",
                f"{role_en}: every group with seats left had one; {name} had the most seats left")
    parts, parts_en = [], []
    if units == "together" and others_here:
        parts.append(f"与同单位（{person.unit}）的 {others_here} 人同组")
        parts_en.append(f"with {others_here} from the same unit")
    elif units == "apart" and others and not others_here:
        parts.append(f"与同单位（{person.unit}）的其他 {others} 人分在不同组")
        parts_en.append(f"apart from the {others} other(s) of the same unit")
    if choice.matched:
        parts.append(f"关注「{'、'.join(choice.matched)}」，与{name}线路的教学主题相符")
        parts_en.append(f"interested in {', '.join(choice.matched)}, which {name}'s route covers")
    elif choice.interest_blocked == "full":
        parts.append(f"关注「{'、'.join(person.interests)}」的组已无均分名额，安排在尚有座位的{name}")
        parts_en.append(f"the groups matching their interests had no seat left under an even split; {name} had seats")
    elif choice.interest_blocked == "unit":
        rule = "同单位同组" if units == "together" else "同单位分开"
        parts.append(f"按「{rule}」优先，未进关注「{'、'.join(person.interests)}」的组")
        parts_en.append(f"the unit rule ({UNIT_MODE_NAMES[units][1]}) came before their interests")
    if not parts and choice.stayed:
        parts.append(f"{name}尚有座位，留在原组")
        parts_en.append(f"{name} had seats: stays there")
    if not parts:
        parts.append(f"{name}尚有座位，按人数均衡安排")
        parts_en.append(f"{name} had seats; groups kept even")
    return "；".join(parts), "; ".join(parts_en)
