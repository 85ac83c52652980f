"""Travel of a plan's legs: a leg's estimate and options from its sites' points, and
the parts of a leg in the timetable, for print and for the leg's properties."""

from __future__ import annotations

from planner.points import site_point
from planner.model import Leg, Plan
from planner.travel import Estimate, Part, estimate, estimate_by


def points(plan: Plan, from_site_id: int | None, to_site_id: int | None) -> tuple[float, ...] | None:
    """(lon1, lat1, lon2, lat2) of a move between two sites, or None without coordinates."""
    if from_site_id is None or to_site_id is None:
        return None
    start, end = site_point(plan, plan.site(from_site_id)), site_point(plan, plan.site(to_site_id))
    return None if start is None or end is None else (*start, *end)


def leg_estimate(plan: Plan, leg: Leg) -> Estimate | None:
    """The leg as estimated by its mode (the organiser's where there is one), with every
    option; None when a site has no coordinates."""
    where = points(plan, leg.from_site_id, leg.to_site_id)
    return None if where is None else estimate_by(leg.manual_mode, *where)


def usual_mode(plan: Plan, leg: Leg) -> str | None:
    """The mode an organiser would book for the leg's move (see ``travel.choice``)."""
    where = points(plan, leg.from_site_id, leg.to_site_id)
    return None if where is None else estimate(*where).mode


def travel_parts(plan: Plan, from_site_id: int | None, to_site_id: int | None, mode: str) -> tuple[Part, ...]:
    """The parts of a move by ``mode`` (to the station, the train…), or () where that
    mode has no option there (a mode chosen by hand where there is no station)."""
    where = points(plan, from_site_id, to_site_id)
    if where is None:
        return ()
    guess = estimate_by(mode, *where)
    return guess.parts if guess.mode == mode else ()
