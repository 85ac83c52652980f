"""Travel legs along each group's route, estimated from coordinates.

A leg joins each pair of stops a group travels between, as its timetable walks them:
from home or the hotel, through plenary venues and teaching sites, to the night's hotel
or home again. Recomputing keeps every organiser's override (manual mode or duration),
matched by group and the two sites, so an override survives re-ordering and back again.
"""

from __future__ import annotations

from dataclasses import replace

from planner.model import Leg, Plan
from planner.points import site_point
from planner.schedule import Timetable, retime, schedule
from planner.travel import estimate_by


def estimated_leg(plan: Plan, leg_id: int, group_id: int, from_site_id: int, to_site_id: int,
                  manual_mode: str | None = None) -> Leg:
    """A leg with a fresh estimate (mode, distance, minutes) and no overrides. With the
    organiser's ``manual_mode`` the estimate is for that mode where it can be: a coach
    forced onto a leg the estimate would send by rail gets the road distance and minutes
    (so the stored minutes are the bus's, see ``travel.estimate_by``)."""
    start = site_point(plan, plan.site(from_site_id))
    end = site_point(plan, plan.site(to_site_id))
    leg = Leg(id=leg_id, group_id=group_id, from_site_id=from_site_id, to_site_id=to_site_id)
    if start is None or end is None:
        return replace(leg, note="缺少坐标，无法估算 / no coordinates to estimate from")
    guess = estimate_by(manual_mode, *start, *end)
    note = f"{guess.note_zh} / {guess.note_en}" if guess.note_zh else ""
    return replace(leg, mode=guess.mode, distance_km=guess.distance_km, minutes=guess.minutes, note=note)


def refresh_legs(plan: Plan, timetable: Timetable | None = None) -> tuple[Leg, ...]:
    """The legs the groups travel (as ``timetable``, by default the plan's, walks them),
    re-estimated, overrides kept.

    A leg the timetable does not take yet is timed by the same estimate, so the
    timetable stays as it was. Legs that left the route are dropped unless they carry an
    override (the organiser's word is kept in case the route comes back that way).
    """
    timetable = timetable or schedule(plan)
    existing = {(l.group_id, l.from_site_id, l.to_site_id): l for l in plan.legs}
    next_id = max((l.id for l in plan.legs), default=0) + 1
    legs: dict[tuple[int, int, int], Leg] = {}
    for key in timetable.moves():
        old = existing.get(key)
        if old is None:
            leg_id, next_id = next_id, next_id + 1
        else:
            leg_id = old.id
        fresh = estimated_leg(plan, leg_id, *key, old.manual_mode if old is not None else None)
        if old is not None:
            fresh = replace(fresh, manual_mode=old.manual_mode, manual_minutes=old.manual_minutes)
        legs[key] = fresh
    for key, old in existing.items():
        if key not in legs and (old.manual_mode or old.manual_minutes is not None):
            legs[key] = old
    return tuple(sorted(legs.values(), key=lambda l: l.id))


def settle(plan: Plan) -> Plan:
    """A plan built in code (an import, a planned route) made whole: the legs its groups
    travel, estimated, and every flowing session at its scheduled time."""
    plan = plan.with_items("legs", refresh_legs(plan))
    return retime(plan)
