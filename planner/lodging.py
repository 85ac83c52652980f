"""A bed every night: placeholder hotels where the organiser has not chosen one yet.

Plans made by the program (a minimal import, ``plan-groups``) get a lodging for every
night between leaving home and coming back, so that they are complete and timed from
hotel to hotel. The organiser's own lodgings always stay; a night without one gets a
placeholder hotel (待定) in the place where the group ends that day, or, on a day with
no stop of its own (the day of the journey out, a free day before the first visit), in
the place where it starts the next morning. Each placeholder says why in its note.
"""

from __future__ import annotations

from typing import Iterable

from planner.journey import journey
from planner.model import Lodging, Plan, Site
from planner.schedule import DayPlan, schedule

HOTEL_NOTE = "待定：请换成实际宾馆 / to be decided: replace with the real hotel"
PLAN_NOTE = ("住宿为占位（待定）：每晚安排在当天最后一站所在的县（市、区）；当天没有参观时，安排在次日首站。"
             " / Lodgings are placeholders (to be decided): each night in the place of the day's last stop; "
             "on a day without a stop, in the place of the next morning's first stop.")


PLACEHOLDER = "占位"  # how a placeholder lodging's note begins (the organiser's own never does)


def is_placeholder(lodging: Lodging) -> bool:
    """A lodging the program chose (it may move with the route), not the organiser."""
    return lodging.note.startswith(PLACEHOLDER)


def stop_places(plan: Plan, days: Iterable[DayPlan], group_id: int) -> dict[int, list[int]]:
    """The places of a group's stops (sessions and plenaries), per day, in time order. An
    event in the home city on the day of leaving (an opening before setting off) is not
    where the group sleeps: it leaves after it."""
    trip = journey(plan, group_id)
    origin = plan.site(trip.origin_site_id) if trip.origin_site_id is not None else None
    places: dict[int, list[int]] = {}
    for day_plan in days:
        for slot in day_plan.items():
            site = plan.site(slot.site_id) if slot.site_id is not None else None
            if site is None or site.place_id is None:
                continue
            if origin is not None and day_plan.day == trip.departure_day and site.place_id == origin.place_id:
                continue
            places.setdefault(day_plan.day, []).append(site.place_id)
    return places


def placeholder_nights(plan: Plan, group_id: int, stops: dict[int, list[int]],
                       booked: dict[int, int]) -> list[tuple[int, int, tuple[str, str]]]:
    """(night, place id, why in Chinese and English) for each night of the group's trip
    without a lodging in ``booked`` (night -> hotel site id): the rule of the module."""
    nights = []
    here = None  # the place where the group sleeps
    for night in journey(plan, group_id).nights:
        if night in booked:
            hotel = plan.site(booked[night])
            here = hotel.place_id if hotel is not None else here
            continue
        if night in stops:
            here, why = stops[night][-1], ("当天最后一站", "the day's last stop")
        elif here is None:
            later = [stops[d][0] for d in sorted(stops) if d > night]
            if not later:
                continue
            here, why = later[0], ("次日首站，当天没有参观", "the next morning's first stop, no stop that day")
        else:
            why = ("续住，当天没有参观", "staying on, no stop that day")
        nights.append((night, here, why))
    return nights


def placeholder_hotel(site_id: int, place) -> Site:
    """A hotel to be decided in ``place``."""
    return Site(site_id, f"{place.name}住宿（待定）", place.id, "hotel", note=HOTEL_NOTE)


def placeholder_note(why: tuple[str, str]) -> str:
    return f"{PLACEHOLDER}：{why[0]} / placeholder: {why[1]}"


def with_placeholder_lodgings(plan: Plan) -> Plan:
    """``plan`` with a lodging for every group and night it needs one (see the module)."""
    timetable = schedule(plan)
    sites = list(plan.sites)
    lodgings = list(plan.lodgings)
    hotels = {}
    for site in sites:
        if site.kind == "hotel" and site.place_id is not None:
            hotels.setdefault(site.place_id, site.id)
    added = False
    for group in plan.ordered_groups():
        stops = stop_places(plan, timetable.of_group(group.id), group.id)
        if not stops:
            continue
        booked = {l.night: l.site_id for l in lodgings if l.group_id == group.id}
        for night, here, why in placeholder_nights(plan, group.id, stops, booked):
            if here not in hotels:
                sites.append(placeholder_hotel(max((s.id for s in sites), default=0) + 1, plan.place(here)))
                hotels[here] = sites[-1].id
            lodgings.append(Lodging(max((l.id for l in lodgings), default=0) + 1, group.id, night, hotels[here],
                                    note=placeholder_note(why)))
            added = True
    if not added:
        return plan
    return plan.with_items("sites", sites).with_items("lodgings", lodgings)
