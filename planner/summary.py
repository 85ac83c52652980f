"""A short account of a plan: per group, its places, sessions, days and hours on the road."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from planner.journey import journey
from planner.model import Plan, format_clock
from planner.schedule import Slot, schedule


@dataclass(frozen=True)
class GroupSummary:
    group_id: int
    name: str
    places: tuple[str, ...]
    sessions: int
    days: tuple[int, ...]
    travel_minutes: int  # every leg, the journey out and back included
    legs_without_estimate: int
    day_times: tuple[tuple[int, str, str], ...]  # (day, first, last) from the timetable
    nights: int  # nights away from home (each needs a bed)
    first_departure: dict | None  # {"day", "time", "from"}: when the group sets off
    last_arrival: dict | None  # {"day", "time", "to"}: when it arrives home (or at its last stop)


@dataclass(frozen=True)
class PlanSummary:
    title: str
    start_date: str
    end_date: str
    days: int
    groups: tuple[GroupSummary, ...]
    places: int
    sites: int
    sessions: int
    plenaries: int
    participants: int

    def to_json(self) -> dict:
        return asdict(self)


def summarise(plan: Plan) -> PlanSummary:
    timetable = schedule(plan)
    groups = []
    for group in plan.ordered_groups():
        sessions = plan.sessions_of(group.id)
        days = timetable.of_group(group.id)
        legs = [slot for day in days for slot in day.of_kind("travel")]
        missing = sum(1 for slot in legs if _leg_minutes(plan, slot) is None)
        minutes = sum(slot.minutes for slot in legs)
        busy = [slot for day in days for slot in day.slots if slot.kind != "dinner"]
        groups.append(
            GroupSummary(
                group_id=group.id,
                name=group.name,
                places=tuple(p.name for p in plan.route_places(group.id)),
                sessions=len(sessions),
                days=tuple(sorted({s.day for s in sessions})),
                travel_minutes=minutes,
                legs_without_estimate=missing,
                day_times=tuple(
                    (d.day, format_clock(d.first), format_clock(d.last))
                    for d in days
                    if d.last is not None  # a day at the hotel (dinner only) has no times to give
                ),
                nights=len(journey(plan, group.id).nights),
                first_departure=_moment(plan, busy[0], "from") if busy else None,
                last_arrival=_moment(plan, busy[-1], "to") if busy else None,
            )
        )
    programme = plan.programme
    return PlanSummary(
        title=programme.title,
        start_date=programme.start_date.isoformat(),
        end_date=programme.end_date.isoformat(),
        days=programme.days,
        groups=tuple(groups),
        places=len(plan.places),
        sites=len(plan.sites),
        sessions=len(plan.sessions),
        plenaries=len(plan.plenaries),
        participants=len(plan.participants),
    )


def _leg_minutes(plan: Plan, slot: Slot) -> int | None:
    leg = plan.leg_between(slot.group_id, slot.from_site_id, slot.site_id)
    return leg.effective_minutes if leg is not None else None


def _moment(plan: Plan, slot: Slot, side: str) -> dict:
    """When and where a group sets off (its first slot) or arrives (its last)."""
    if side == "from":
        site_id, minute = (slot.from_site_id if slot.kind == "travel" else slot.site_id), slot.start
    else:
        site_id, minute = slot.site_id, slot.end
    site = plan.site(site_id) if site_id is not None else None
    return {"day": slot.day, "time": format_clock(minute), side: site.name if site else ""}


def format_summary(summary: PlanSummary) -> str:
    """The summary as text for the terminal, Chinese first."""
    lines = [
        summary.title,
        f"{summary.start_date} 至 {summary.end_date}，共 {summary.days} 天 / {summary.days} days",
        f"{len(summary.groups)} 个组 / groups，{summary.places} 个县（市、区）/ places，"
        f"{summary.sites} 个教学点 / sites，{summary.sessions} 场现场教学 / sessions，"
        f"{summary.plenaries} 场全体活动 / plenaries，{summary.participants} 名学员 / participants",
    ]
    for group in summary.groups:
        days = "、".join(str(d) for d in group.days) or "—"
        lines += [
            "",
            f"{group.name}：{len(group.places)} 个县（市、区）/ places，{group.sessions} 场现场教学 / sessions，"
            f"第 {days} 天 / days，行车约 {group.travel_minutes / 60:.1f} 小时 / hours of travel",
            "  " + " → ".join(group.places),
        ]
        if group.first_departure and group.last_arrival:
            out, back = group.first_departure, group.last_arrival
            lines.append(f"  第 {out['day']} 天 {out['time']} 从{out['from']}出发，第 {back['day']} 天 {back['time']} "
                         f"到达{back['to']}；住宿 {group.nights} 晚 / nights")
        if group.day_times:
            lines.append("  " + "；".join(f"第 {d} 天 {first}–{last}" for d, first, last in group.day_times))
        if group.legs_without_estimate:
            lines.append(f"  （{group.legs_without_estimate} 段行程缺少时长 / legs without a duration）")
    return "\n".join(lines)
