"""Where a site is on the map: its own coordinates, else its place's."""

from __future__ import annotations

from planner.model import Plan, Site


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
