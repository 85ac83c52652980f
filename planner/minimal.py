"""Expand a *minimal* plan — title, dates, each group's places in order — into a full plan.

This is how a published report becomes a working plan: places are looked up in the
offline gazetteer, each gets a placeholder teaching site, the places of each route are
spread over the days after the joint opening, and travel legs are estimated.
"""

from __future__ import annotations

import math
from datetime import date

from planner.jsonio import PlanImportError, Problem, json_path, schema_problems
from planner.legs import refresh_legs
from planner.model import Group, Place, Plan, Plenary, Programme, Session, Site, parse_clock
from planner.schedule import retime

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
    if not days:
        return []
    per_day = max(1, math.ceil(count / len(days)))
    return [days[min(i // per_day, len(days) - 1)] for i in range(count)]


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
    routes = [
        [resolver.resolve(entry, ["groups", g, "places", i]) for i, entry in enumerate(group["places"])]
        for g, group in enumerate(document["groups"])
    ]
    opening = document.get("opening")
    opening_place = resolver.resolve(opening["place"], ["opening", "place"]) if opening else None
    if opening and opening.get("day", 1) > days:
        resolver._problem(["opening", "day"], f"开班日第 {opening['day']} 天超出 {days} 天", f"opening day {opening['day']} is beyond the {days} days")
    if resolver.problems:
        raise PlanImportError(resolver.problems, source)

    places = tuple(resolver.places.values())
    sites: list[Site] = []
    site_of_place: dict[int, int] = {}
    for place in places:
        if place.id in site_of_place or (opening_place and place.id == opening_place.id and not _visited(place, routes)):
            continue
        sites.append(
            Site(len(sites) + 1, f"{place.name}现场教学点", place.id, "other",
                 note="待定：请换成实际教学点 / to be decided: replace with the real teaching site")
        )
        site_of_place[place.id] = sites[-1].id

    plenaries: list[Plenary] = []
    visit_days = list(range(1, days + 1))
    if opening:
        venue = Site(len(sites) + 1, opening.get("venue") or f"{opening_place.name}开班式会场", opening_place.id, "venue")
        sites.append(venue)
        opening_day = opening.get("day", 1)
        plenaries.append(
            Plenary(1, opening.get("title") or "开班式", opening_day, venue.id, "opening",
                    parse_clock(opening.get("start", "09:00")), parse_clock(opening.get("end", "11:30")))
        )
        later = [d for d in visit_days if d > opening_day]
        visit_days = later or visit_days

    groups, sessions = [], []
    for g, (entry, route) in enumerate(zip(document["groups"], routes)):
        group = Group(g + 1, entry.get("name") or group_name(g), entry.get("colour") or default_group_colour(g), position=g)
        groups.append(group)
        for position, (place, day) in enumerate(zip(route, spread_over_days(len(route), visit_days))):
            sessions.append(
                Session(len(sessions) + 1, group.id, site_of_place[place.id], day, position,
                        title=f"{place.name}现场教学")
            )
    notes = document.get("notes", "")
    notes = (notes + "\n" if notes else "") + "由最简方案导入：教学点、时间待补充。/ Imported from a minimal plan: sites and times to be filled in."
    programme = Programme(
        title=document["title"],
        start_date=start_date,
        days=days,
        organiser=document.get("organiser", ""),
        themes=tuple(document.get("themes", ())),
        notes=notes,
    )
    plan = Plan(programme, tuple(groups), places, tuple(sites), tuple(sessions), tuple(plenaries))
    return retime(plan.with_items("legs", refresh_legs(plan)))


def _visited(place: Place, routes) -> bool:
    return any(p.id == place.id for route in routes for p in route)
