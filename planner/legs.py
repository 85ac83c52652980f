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
from planner.schedule import Timetable, legs_by_key, retime, schedule
from planner.travel import estimate_by


NO_COORDINATES_NOTE = "缺少坐标，无法估算 / no coordinates to estimate from"


def estimated_leg(plan: Plan, leg_id: int, group_id: int, from_site_id: int, to_site_id: int,
                  manual_mode: str | None = None) -> Leg:
    """A leg with a fresh estimate (mode, distance, minutes) and no overrides. With the
    organiser's ``manual_mode`` the estimate is for that mode where it can be: a coach
    forced onto a leg the estimate would send by rail gets the road distance and minutes
    (so the stored minutes are the bus's, see ``travel.estimate_by``)."""
    start = site_point(plan, plan.site(from_site_id))
    end = site_point(plan, plan.site(to_site_id))
    if start is None or end is None:
        return Leg(leg_id, group_id, from_site_id, to_site_id, note=NO_COORDINATES_NOTE)
    guess = estimate_by(manual_mode, *start, *end)
    note = f"{guess.note_zh} / {guess.note_en}" if guess.note_zh else ""
    return Leg(leg_id, group_id, from_site_id, to_site_id, guess.mode, guess.distance_km, guess.minutes, note=note)


def refresh_legs(plan: Plan, timetable: Timetable | None = None) -> tuple[Leg, ...]:
    """The legs the groups travel (as ``timetable``, by default the plan's, walks them),
    re-estimated, overrides kept. A leg whose estimate is unchanged is the same value.

    A leg the timetable does not take yet is timed by the same estimate, so the
    timetable stays as it was. Legs that left the route are dropped unless they carry an
    override (the organiser's word is kept in case the route comes back that way).
    """
    return tuple(sorted(refreshed_legs(plan, timetable).values(), key=lambda l: l.id))


def refreshed_legs(plan: Plan, timetable: Timetable | None = None) -> dict[tuple[int, int, int], Leg]:
    """``refresh_legs`` by (group, from site, to site); a leg that stays as it was is the
    plan's own value."""
    timetable = timetable or schedule(plan)
    existing = legs_by_key(plan)
    next_id = max((l.id for l in plan.legs), default=0) + 1
    legs: dict[tuple[int, int, int], Leg] = {}
    for day in sorted(timetable.days):  # new legs are numbered in this order
        for key, fresh in _day_legs(plan, timetable, day, existing).items():
            if key in legs:
                continue
            if fresh is None:
                fresh, next_id = estimated_leg(plan, next_id, *key), next_id + 1
            legs[key] = fresh
    for key, old in existing.items():
        if key not in legs and (old.manual_mode or old.manual_minutes is not None):
            legs[key] = old
    return legs


def _day_legs(plan: Plan, timetable: Timetable, day: tuple[int, int],
              existing: dict[tuple[int, int, int], Leg]) -> dict[tuple[int, int, int], Leg | None]:
    """The legs one group's day travels, in order, re-estimated (None: not stored yet).
    They follow from the day's inputs (its sites, their places, the group's legs between
    them: ``schedule.day_inputs``), so they are worked out again only when those change;
    a day with a leg not stored yet is not kept (the new leg's id depends on other days)."""
    inputs = timetable.inputs.get(day)
    kept = timetable.memo.get(("day legs", *day))
    if inputs is not None and kept is not None and kept[0] == inputs:
        return kept[1]
    refreshed: dict[tuple[int, int, int], Leg | None] = {}
    for slot in timetable.days[day].of_kind("travel"):
        key = (slot.group_id, slot.from_site_id, slot.site_id)
        old = existing.get(key)
        if key in refreshed or old is None:
            refreshed.setdefault(key, None)
            continue
        fresh = estimated_leg(plan, old.id, *key, old.manual_mode)
        if (old.manual_mode, old.manual_minutes) != (None, None):
            fresh = replace(fresh, manual_mode=old.manual_mode, manual_minutes=old.manual_minutes)
        refreshed[key] = old if fresh == old else fresh
    if inputs is not None and None not in refreshed.values():
        timetable.memo[("day legs", *day)] = (inputs, refreshed)
    return refreshed


def settle(plan: Plan) -> Plan:
    """A plan built in code (an import, a planned route) made whole: the legs its groups
    travel, estimated, and every flowing session at its scheduled time."""
    plan = plan.with_items("legs", refresh_legs(plan))
    return retime(plan)
