"""Expand a *minimal* plan — title, dates, each group's places in order — into a full plan.

This is how a published report becomes a working plan: places are looked up in the
offline gazetteer, each gets a placeholder teaching site, the places of each route are
spread over the days after the joint opening (and the journey from home), each night
gets a placeholder hotel, and every travel leg — from home and back, hotel to hotel —
is estimated.
"""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import date

from planner.json_problems import PlanImportError, Problem, json_path, schema_problems
from planner.legs import settle
from planner.lodging import PLAN_NOTE as LODGING_NOTE
from planner.lodging import with_placeholder_lodgings
from planner.model import Group, Place, Plan, Plenary, Programme, Session, Site, parse_clock
from planner.travel import estimate

GROUP_COLOURS = (
    "#d62728", "#1f77b4", "#2ca02c", "#ff7f0e", "#9467bd",
    "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f",
)
_NUMERALS = "一二三四五六七八九十"


def group_name(index: int) -> str:
    """0 -> 第一组 … 9 -> 第十组, then 第11组."""
    return f"第{_NUMERALS[index]}组" if index < len(_NUMERALS) else f"第{index + 1}组"


def default_group_colour(index: int) -> str:
    return GROUP_COLOURS[index % len(GROUP_COLOURS)]


class _PlaceResolver:
    """Looks places up once each and collects problems instead of stopping at the first."""

    def __init__(self, gazetteer):
        self.gazetteer = gazetteer
        self.places: dict[str, Place] = {}
        self.problems: list[Problem] = []

    def resolve(self, entry, path: list) -> Place | None:
        name = entry if isinstance(entry, str) else entry["name"]
        parent = None if isinstance(entry, str) else entry.get("parent")
        lon = None if isinstance(entry, str) else entry.get("lon")
        lat = None if isinstance(entry, str) else entry.get("lat")
        if (lon is None) != (lat is None):
            self._problem(path, f"「{name}」只给了经度或纬度之一", f"'{name}' has only one of lon and lat")
            return None
        result = self.gazetteer.lookup(name, parent=parent)
        if result.status == "found":
            division = result.division
            place = Place(
                id=0,
                name=division.name,
                full_name=division.full_name,
                kind="division",
                division_code=division.code,
                lon=lon if lon is not None else division.lon,
                lat=lat if lat is not None else division.lat,
            )
            return self._keep(division.code, place)
        if lon is not None:  # placed by hand: trust the organiser's coordinates
            return self._keep(f"zone:{name}", Place(0, name, name, "zone", None, lon, lat, "手动定位 / placed by hand"))
        if result.status == "not_a_division" and result.zone is not None:
            zone = result.zone
            note = "功能区，非行政区划；坐标为近似位置，请核对 / functional zone, not a division; approximate position, please check"
            full_name = f"{zone.host.full_name}·{zone.name}" if zone.host else zone.name
            return self._keep(f"zone:{zone.name}", Place(0, name, full_name, "zone", None, zone.lon, zone.lat, note))
        if result.status == "not_a_division":
            self._problem(
                path,
                f"{result.message_zh}；请写成 {{\"name\": \"{name}\", \"lon\": 经度, \"lat\": 纬度}}",
                f"{result.message_en}; write it as {{\"name\": \"{name}\", \"lon\": ..., \"lat\": ...}}",
            )
        elif result.status == "ambiguous":  # never the first one: the organiser says which
            self._problem(path, f"{result.message_zh}请写全称，或写成 {{\"name\": \"{name}\", \"parent\": \"上级地区\"}}",
                          f"{result.message_en} Write the full name, or {{\"name\": \"{name}\", \"parent\": \"province or prefecture\"}}")
        else:
            self._problem(path, result.message_zh, result.message_en)
        return None

    def _keep(self, key: str, place: Place) -> Place:
        if key not in self.places:
            self.places[key] = Place(len(self.places) + 1, *_fields_after_id(place))
        return self.places[key]

    def _problem(self, path: list, zh: str, en: str) -> None:
        self.problems.append(Problem(json_path(path), zh, en))


def _fields_after_id(place: Place) -> tuple:
    return (place.name, place.full_name, place.kind, place.division_code, place.lon, place.lat, place.note)


def spread_over_days(count: int, days: list[int]) -> list[int]:
    """The day of each of ``count`` stops kept in order, spread evenly over ``days``."""
    return days_of_stops([None] * count, days)


def days_of_stops(nights: list[int | None], days: list[int]) -> list[int]:
    """The day of each stop of a route, in order: a stop with ``nights`` takes that many
    days of its own (a visit on arrival, the rest free there); the others are spread
    evenly over the days left."""
    if not days:
        return []
    flexible = sum(1 for n in nights if not n)
    free_days = max(1, len(days) - sum(n for n in nights if n))
    per_day = max(1, math.ceil(flexible / free_days))
    result, pointer, today = [], 0, 0
    for n in nights:
        if n and today:  # a long stay starts a day of its own
            pointer, today = pointer + 1, 0
        result.append(days[min(pointer, len(days) - 1)])
        if n:
            pointer += n
        else:
            today += 1
            if today == per_day:
                pointer, today = pointer + 1, 0
    return result


# A journey out that arrives after this leaves no time for a visit that day; a journey back
# longer than this leaves none on the day of return.
LATEST_ARRIVAL_TO_VISIT = 14 * 60 + 30
LONGEST_RETURN_AFTER_VISITS = 6 * 60


def _site_maker(sites: list[Site]):
    def make(name: str, place: Place, kind: str, note: str = "") -> int:
        sites.append(Site(len(sites) + 1, name, place.id, kind, note=note))
        return sites[-1].id
    return make


def _journey_minutes(start: Place | None, end: Place | None) -> int:
    if start is None or end is None or not (start.has_coordinates and end.has_coordinates):
        return 0
    return estimate(start.lon, start.lat, end.lon, end.lat).minutes


def _visit_days(days: list[int], home: Place | None, back: Place | None, route: list[Place],
                day_start: int, stop: int) -> list[int]:
    """The days a group can visit: not the day it leaves home when the journey takes the
    day, nor the day of return when the way back does."""
    if home is None or not days or not route:
        return days
    kept = list(days)
    if kept[0] == 1 and day_start + _journey_minutes(home, route[0]) + stop > LATEST_ARRIVAL_TO_VISIT:
        kept = kept[1:]
    if kept and _journey_minutes(route[-1], back or home) > LONGEST_RETURN_AFTER_VISITS:
        kept = kept[:-1]
    return kept or days


def _event_groups(event: dict, groups: list[dict], path: list, resolver: _PlaceResolver) -> list[int] | None:
    """The group numbers (1-based) an event is for; None for all of them."""
    chosen = event.get("groups", "all")
    if chosen == "all":
        return None
    names = [g.get("name") or group_name(n) for n, g in enumerate(groups)]
    numbers = []
    for n, entry in enumerate(chosen):
        if isinstance(entry, int) and 1 <= entry <= len(groups):
            numbers.append(entry)
        elif isinstance(entry, str) and entry in names:
            numbers.append(names.index(entry) + 1)
        else:
            resolver._problem([*path, "groups", n], f"没有这个组：{entry}（共 {len(groups)} 组：{'、'.join(names)}）",
                              f"no such group: {entry} ({len(groups)} groups: {', '.join(names)})")
    return numbers


def expand_minimal_plan(document: dict, *, source: str = "", gazetteer=None) -> Plan:
    problems = schema_problems(document, "minimal-plan.schema.json")
    if problems:
        raise PlanImportError(problems, source)
    try:
        start_date = date.fromisoformat(document["start_date"])
    except ValueError:
        raise PlanImportError(
            [Problem("$.start_date", f"不是有效日期：{document['start_date']}", f"not a valid date: {document['start_date']}")],
            source,
        ) from None
    if gazetteer is None:
        from planner.gazetteer import Gazetteer

        gazetteer = Gazetteer.default()
    days = document["days"]
    resolver = _PlaceResolver(gazetteer)
    entries = document["groups"]

    def resolve(entry, path):
        return resolver.resolve(entry, path) if entry is not None else None

    routes = [[resolve(entry, ["groups", g, "places", i]) for i, entry in enumerate(group["places"])]
              for g, group in enumerate(entries)]
    stays = [[entry.get("nights") if isinstance(entry, dict) else None for entry in group["places"]] for group in entries]
    home = resolve(document.get("origin"), ["origin"])
    home_back = resolve(document.get("return_to"), ["return_to"])
    group_homes = [resolve(group.get("origin"), ["groups", g, "origin"]) for g, group in enumerate(entries)]
    group_backs = [resolve(group.get("return_to"), ["groups", g, "return_to"]) for g, group in enumerate(entries)]
    opening = document.get("opening")
    opening_place = resolve(opening["place"], ["opening", "place"]) if opening else None
    if opening and opening.get("day", 1) > days:
        resolver._problem(["opening", "day"], f"开班日第 {opening['day']} 天超出 {days} 天", f"opening day {opening['day']} is beyond the {days} days")
    events = []
    for n, event in enumerate(document.get("events", ())):
        path = ["events", n]
        place = resolve(event["place"], [*path, "place"])
        if event["day"] > days:
            resolver._problem([*path, "day"], f"第 {event['day']} 天超出 {days} 天", f"day {event['day']} is beyond the {days} days")
        if ("start" in event) != ("end" in event) or ("start" in event and event["end"] <= event["start"]):
            resolver._problem(path, "请同时给出开始和结束时间，结束晚于开始", "give both start and end, the end after the start")
        events.append((event, place, _event_groups(event, entries, path, resolver)))
    for g, group_stays in enumerate(stays):
        if sum(n for n in group_stays if n) > days:
            resolver._problem(["groups", g, "places"], f"各地住宿晚数之和超出 {days} 天",
                              f"the nights at its places add up to more than the {days} days")
    if resolver.problems:
        raise PlanImportError(resolver.problems, source)

    places = tuple(resolver.places.values())
    sites: list[Site] = []
    make_site = _site_maker(sites)
    site_of_place: dict[int, int] = {}
    for place in (p for route in routes for p in route):
        if place.id not in site_of_place:
            site_of_place[place.id] = make_site(f"{place.name}现场教学点", place, "other",
                                                "待定：请换成实际教学点 / to be decided: replace with the real teaching site")
    gathering: dict[tuple[int, str], int] = {}

    def gathering_site(place: Place | None, leaving: bool) -> int | None:
        if place is None:
            return None
        key = (place.id, "leave" if leaving else "back")
        if key not in gathering:
            name = f"{place.name}集合地点" if leaving else f"{place.name}解散地点"
            gathering[key] = make_site(name, place, "gathering", "请填写具体地址 / set the exact address")
        return gathering[key]

    origin_site = gathering_site(home, True)
    return_site = gathering_site(home_back, False) if home_back is not None and home_back != home else None

    plenaries: list[Plenary] = []
    all_days = list(range(1, days + 1))
    opening_day = None
    if opening:
        venue = make_site(opening.get("venue") or f"{opening_place.name}开班式会场", opening_place, "venue")
        opening_day = opening.get("day", 1)
        plenaries.append(
            Plenary(1, opening.get("title") or "开班式", opening_day, venue, "opening",
                    parse_clock(opening.get("start", "09:00")), parse_clock(opening.get("end", "11:30")))
        )
    event_sessions = []
    for event, place, numbers in events:
        venue = make_site(event.get("venue") or f"{place.name}{event['title']}会场", place, "venue")
        start = parse_clock(event["start"]) if "start" in event else None
        end = parse_clock(event["end"]) if "end" in event else None
        if numbers is None:
            plenaries.append(Plenary(len(plenaries) + 1, event["title"], event["day"], venue, "other", start, end))
        else:
            event_sessions += [(number, event, venue, start, end) for number in numbers]

    notes = document.get("notes", "")
    notes = (notes + "\n" if notes else "") + "由最简方案导入：教学点、时间待补充。/ Imported from a minimal plan: sites and times to be filled in."
    programme = Programme(
        title=document["title"],
        start_date=start_date,
        days=days,
        organiser=document.get("organiser", ""),
        themes=tuple(document.get("themes", ())),
        notes=notes,
        origin_site_id=origin_site,
        return_site_id=return_site,
        departure_time=parse_clock(document["departure_time"]) if "departure_time" in document else None,
        latest_return=parse_clock(document["latest_return"]) if "latest_return" in document else None,
    )
    groups, sessions = [], []
    for g, (entry, route) in enumerate(zip(entries, routes)):
        own_home, own_back = group_homes[g], group_backs[g]
        group = Group(
            g + 1, entry.get("name") or group_name(g), entry.get("colour") or default_group_colour(g), position=g,
            themes=tuple(entry.get("themes", ())),
            origin_site_id=gathering_site(own_home, True),
            return_site_id=gathering_site(own_back, False) if own_back is not None and own_back != own_home else None,
        )
        groups.append(group)
        visit_days = [d for d in all_days if opening_day is None or d > opening_day] or all_days
        visit_days = _visit_days(visit_days, own_home or home, own_back or home_back, route,
                                 programme.day_start, programme.stop_minutes)
        for position, (place, day) in enumerate(zip(route, days_of_stops(stays[g], visit_days))):
            sessions.append(Session(len(sessions) + 1, group.id, site_of_place[place.id], day, position,
                                    title=f"{place.name}现场教学"))
    for number, event, venue, start, end in event_sessions:
        sessions.append(Session(len(sessions) + 1, number, venue, event["day"], 1000 + len(sessions),
                                start=start, end=end, title=event["title"], kind="event",
                                pinned=start is not None))
    plan = Plan(programme, tuple(groups), places, tuple(sites), tuple(sessions), tuple(plenaries))
    lodged = with_placeholder_lodgings(plan)
    if lodged.lodgings:
        lodged = replace(lodged, programme=replace(programme, notes=f"{notes}\n{LODGING_NOTE}"))
    return settle(lodged)
