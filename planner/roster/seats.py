"""The plan check naming a seat shortfall (registered in ``planner.checks.CHECKS``)."""

from __future__ import annotations

from collections import Counter

from planner.findings import ERROR, Finding
from planner.roles import role


def check_seats(ctx):
    """A group with more people than seats; people left without a group for want of seats."""
    plan = ctx.plan
    groups = plan.ordered_groups()
    sizes = Counter(p.group_id for p in plan.participants if p.group_id is not None and role(plan, p.role).seat)
    for group in groups:
        size = sizes.get(group.id, 0)
        if group.capacity is not None and size > group.capacity:
            short = size - group.capacity
            yield Finding(
                ERROR, "seat-shortfall",
                f"{group.name}有 {size} 人，车上只有 {group.capacity} 个座位，缺 {short} 个座位",
                f"{group.name} has {size} people but {group.capacity} seats: {short} seat(s) short",
                (("groups", group.id),), group.id,
            )
    waiting = [p for p in plan.participants
               if (p.group_id is None or plan.group(p.group_id) is None) and role(plan, p.role).seat]
    if not waiting or not groups or any(g.capacity is None for g in groups):
        return
    free = sum(max(0, g.capacity - sizes.get(g.id, 0)) for g in groups)
    if len(waiting) <= free:
        return
    short = len(waiting) - free
    full = [g for g in groups if sizes.get(g.id, 0) >= g.capacity]
    named = "、".join(f"{g.name}（{sizes.get(g.id, 0)}/{g.capacity}）" for g in full)
    named_en = ", ".join(f"{g.name} ({sizes.get(g.id, 0)}/{g.capacity})" for g in full)
    yield Finding(
        ERROR, "seat-shortfall",
        f"座位不足：{len(waiting)} 名学员未分组，还缺 {short} 个座位；已满：{named or '无'}",
        f"Not enough seats: {len(waiting)} participant(s) without a group, {short} seat(s) short; full: {named_en or 'none'}",
        (*(("groups", g.id) for g in full), *(("participants", p.id) for p in waiting)),
    )
