"""A short account of a plan: per group, its places, sessions, days and hours on the road."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from planner.legs import route_pairs
from planner.model import Plan, format_clock
from planner.schedule import schedule


@dataclass(frozen=True)
class GroupSummary:
    group_id: int
    name: str
    places: tuple[str, ...]
    sessions: int
    days: tuple[int, ...]
    travel_minutes: int
    legs_without_estimate: int
    day_times: tuple[tuple[int, str, str], ...]  # (day, first, last) from the timetable


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
        missing = 0
        for from_site, to_site in route_pairs(plan, group.id):
            leg = plan.leg_between(group.id, from_site, to_site)
            if leg is None or leg.effective_minutes is None:
                missing += 1
        days = timetable.of_group(group.id)
        minutes = sum(slot.minutes for day in days for slot in day.of_kind("travel"))
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
                    if d.slots
                ),
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
        if group.day_times:
            lines.append("  " + "；".join(f"第 {d} 天 {first}–{last}" for d, first, last in group.day_times))
        if group.legs_without_estimate:
            lines.append(f"  （{group.legs_without_estimate} 段行程缺少时长 / legs without a duration）")
    return "\n".join(lines)
