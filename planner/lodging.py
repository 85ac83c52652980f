"""A bed every night: placeholder hotels where the organiser has not chosen one yet.

Plans made by the program (a minimal import, ``plan-groups``) get a lodging for every
night between leaving home and coming back, so that they are complete and timed from
hotel to hotel. The organiser's own lodgings always stay; a night without one gets a
placeholder hotel (待定) in the place where the group ends that day, or, on a day with
no stop of its own (the day of the journey out, a free day before the first visit), in
the place where it starts the next morning. Each placeholder says why in its note.
"""

from __future__ import annotations

from planner.journey import journey
from planner.model import Lodging, Plan, Site
from planner.schedule import Timetable, schedule

HOTEL_NOTE = "待定：请换成实际宾馆 / to be decided: replace with the real hotel"
PLAN_NOTE = ("住宿为占位（待定）：每晚安排在当天最后一站所在的县（市、区）；当天没有参观时，安排在次日首站。"
             " / Lodgings are placeholders (to be decided): each night in the place of the day's last stop; "
             "on a day without a stop, in the place of the next morning's first stop.")


def _stop_places(plan: Plan, timetable: Timetable, group_id: int) -> dict[int, list[int]]:
    """The places of a group's stops (sessions and plenaries), per day, in time order. An
    event in the home city on the day of leaving (an opening before setting off) is not
    where the group sleeps: it leaves after it."""
    trip = journey(plan, group_id)
    origin = plan.site(trip.origin_site_id) if trip.origin_site_id is not None else None
    places: dict[int, list[int]] = {}
    for day_plan in timetable.of_group(group_id):
        for slot in day_plan.items():
            site = plan.site(slot.site_id) if slot.site_id is not None else None
            if site is None or site.place_id is None:
                continue
            if origin is not None and day_plan.day == trip.departure_day and site.place_id == origin.place_id:
                continue
            places.setdefault(day_plan.day, []).append(site.place_id)
    return places


def with_placeholder_lodgings(plan: Plan) -> Plan:
    """``plan`` with a lodging for every group and night it needs one (see the module)."""
    timetable = schedule(plan)
    sites = list(plan.sites)
    lodgings = list(plan.lodgings)
    hotels = {}
    for site in sites:
        if site.kind == "hotel" and site.place_id is not None:
            hotels.setdefault(site.place_id, site.id)
    booked = {(l.group_id, l.night): l.site_id for l in lodgings}
    added = False
    for group in plan.ordered_groups():
        stops = _stop_places(plan, timetable, group.id)
        if not stops:
            continue
        here = None  # the place where the group sleeps
        for night in journey(plan, group.id).nights:
            if (group.id, night) in booked:
                hotel = plan.site(booked[(group.id, night)])
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
            if here not in hotels:
                place = plan.place(here)
                hotel = Site(max((s.id for s in sites), default=0) + 1, f"{place.name}住宿（待定）", here, "hotel",
                             note=HOTEL_NOTE)
                sites.append(hotel)
                hotels[here] = hotel.id
            lodgings.append(Lodging(max((l.id for l in lodgings), default=0) + 1, group.id, night, hotels[here],
                                    note=f"占位：{why[0]} / placeholder: {why[1]}"))
            added = True
    if not added:
        return plan
    return plan.with_items("sites", sites).with_items("lodgings", lodgings)
