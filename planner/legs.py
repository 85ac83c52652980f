"""Travel legs along each group's route, estimated from coordinates.

A group's route is its sessions in order; a leg joins each pair of consecutive sites.
Recomputing keeps every organiser's override (manual mode or duration), matched by
group and the two sites, so an override survives re-ordering and back again.
"""

from __future__ import annotations

from dataclasses import replace

from planner.model import Leg, Plan, Site
from planner.travel import estimate_by


def site_point(plan: Plan, site: Site | None) -> tuple[float, float] | None:
    """(lon, lat) of a site: its own coordinates, else its place's; None if neither."""
    if site is None:
        return None
    if site.has_coordinates:
        return site.lon, site.lat
    place = plan.place_of(site)
    if place is not None and place.has_coordinates:
        return place.lon, place.lat
    return None


def route_pairs(plan: Plan, group_id: int) -> list[tuple[int, int]]:
    """(from_site_id, to_site_id) for each move between consecutive sessions."""
    sites = [s.site_id for s in plan.sessions_of(group_id)]
    return [(a, b) for a, b in zip(sites, sites[1:]) if a != b]


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


def refresh_legs(plan: Plan) -> tuple[Leg, ...]:
    """The legs every route needs, re-estimated, overrides kept.

    Legs that left the route are dropped unless they carry an override (the
    organiser's word is kept in case the route comes back that way).
    """
    existing = {(l.group_id, l.from_site_id, l.to_site_id): l for l in plan.legs}
    next_id = max((l.id for l in plan.legs), default=0) + 1
    legs: dict[tuple[int, int, int], Leg] = {}
    for group in plan.ordered_groups():
        for from_site, to_site in route_pairs(plan, group.id):
            key = (group.id, from_site, to_site)
            if key in legs:
                continue
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
