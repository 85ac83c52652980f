"""What the map shows, as plain JSON-able data (no HTML, no Qt).

``map_payload(plan)`` is everything the map page draws for a plan: the groups and
their colours, the days, every site with a position (its numbered stops per group,
whether plenaries or lodgings happen there, tooltip and popup text), the places, and
each group's route as travel segments split by day (from the timetable, so the lines
run lodging → sites → lodging exactly as the group travels). The page receives it as
JSON and puts every text into the DOM with ``textContent``: nothing from the plan is
ever concatenated into HTML, so a site called ``<img src=x onerror=…>`` stays text.

``selection(plan, kind, ids)`` turns an app selection (sites, sessions, groups, places,
plenaries, days) into what to highlight on the map: site ids, place ids and
(group, day) route segments. ``route_map_png`` (ui/map/snapshot.py) draws from the same
payload.

Stops are numbered per group in visiting order and labelled with the group's number:
"1-3" is 第一组's third stop (the group numbers are the groups' order, shown in the legend
beside each group's name), so three groups' first stops read 1-1, 2-1, 3-1 on the map,
on paper and in black and white, not three "1". A place's label carries, per group, the
label of the group's first stop there (its "n" stays the place's turn in the group's
route, for one group's printed map), so zooming in finds the same number on a site.

``comparison_payload(before, after)`` is the payload of ``after`` plus the routes of
``before`` that changed ("ghost"), for a map with old and new routes on one picture.
"""

from __future__ import annotations

import math
import re
from typing import Iterable

from planner.labels import label
from planner.model import LEG_MODES, SITE_KINDS, Plan, format_clock
from planner.points import site_point
from planner.schedule import Timetable, schedule

# The map's texts in the app's two languages (the page's own words are in planner-map.js).
WORDS = {
    "zh": {
        "day": "第{day}天 {month}月{date}日",
        "stop": "{group} 第{n}站",
        "all_groups": "全体",
        "before": "原路线 · ",
        "lodging": "{group} · 第{night}晚住宿",
        "themes": "教学主题：", "address": "地址：", "minutes": "{n} 分钟",
        "colon": "：", "list": "、", "stops": "，", "paren": "（{}）",
    },
    "en": {
        "day": "Day {day} ({date} {month_name})",
        "stop": "{group} stop {n}",
        "all_groups": "All groups",
        "before": "Before · ",
        "lodging": "{group} · night {night} lodging",
        "themes": "Themes: ", "address": "Address: ", "minutes": "{n} min",
        "colon": ": ", "list": ", ", "stops": "; ", "paren": " ({})",
    },
}
LANGUAGES = tuple(WORDS)
PALETTE = ("#d62728", "#1f77b4", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf")
UNUSED_COLOUR = "#7f7f7f"
PLENARY_COLOUR = "#b8860b"
_COLOUR = re.compile(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})")
SELECT_KINDS = ("sites", "sessions", "groups", "places", "plenaries", "day", "days")


def safe_colour(text: str | None, index: int) -> str:
    """The group's colour if it is a plain #rgb/#rrggbb, else one from the palette
    (the colour reaches CSS, so nothing else may pass)."""
    if text and _COLOUR.fullmatch(text.strip()):
        return text.strip().lower()
    return PALETTE[index % len(PALETTE)]


def _point(plan: Plan, site) -> tuple[float, float] | None:
    point = site_point(plan, site)
    if point is None or not all(math.isfinite(v) for v in point):
        return None
    lon, lat = point
    if not (-180 <= lon <= 180 and -90 <= lat <= 90):
        return None
    return round(lon, 6), round(lat, 6)


def day_label(plan: Plan, day: int, language: str = "zh") -> str:
    date = plan.programme.date_of(day)
    return WORDS[language]["day"].format(day=day, month=date.month, date=date.day, month_name=date.strftime("%b"))


def _span(start: int | None, end: int | None) -> str:
    if start is None:
        return ""
    return f"{format_clock(start)}–{format_clock(end)}" if end is not None else format_clock(start)


def map_payload(plan: Plan, timetable: Timetable | None = None, language: str = "zh") -> dict:
    """Everything the map page draws, as JSON-able data (see the module docstring), its
    texts in ``language`` ("zh" or "en")."""
    if language not in WORDS:
        raise ValueError(f"unknown language: {language!r}")
    words = WORDS[language]
    english = language == "en"  # the names of kinds come from planner.labels, as everywhere

    day_texts: dict[int, str] = {}
    site_points: dict[int, tuple[float, float] | None] = {}

    def day_text(day: int) -> str:
        if day not in day_texts:
            day_texts[day] = day_label(plan, day, language)
        return day_texts[day]

    def point(site) -> tuple[float, float] | None:  # each site's once: a big plan has 5,000 stops and legs
        if site.id not in site_points:
            site_points[site.id] = _point(plan, site)
        return site_points[site.id]

    timetable = timetable or schedule(plan)
    groups = plan.ordered_groups()
    colours = {g.id: safe_colour(g.colour, i) for i, g in enumerate(groups)}
    names = {g.id: g.name for g in groups}
    order = {g.id: i for i, g in enumerate(groups)}

    def stop_label(group_id: int, n: int) -> str:
        return f"{order[group_id] + 1}-{n}"

    stops: dict[int, list[dict]] = {}
    lines: dict[int, list[tuple[tuple, str]]] = {}
    place_stops: dict[int, list[dict]] = {}
    for group in groups:
        seen_places: set[int] = set()
        for number, session in enumerate(plan.sessions_of(group.id), start=1):
            stops.setdefault(session.site_id, []).append(
                {"group": group.id, "n": number, "label": stop_label(group.id, number), "day": session.day})
            slot = timetable.slot_of("session", session.id, group.id) or timetable.slot_of("session", session.id)
            start, end = (slot.start, slot.end) if slot else (session.start, session.end)
            what = label("session_kind", session.kind, english)
            detail = session.title or session.theme
            stop = words["stop"].format(group=group.name, n=number)
            text = f"{stop} · {day_text(session.day)} {_span(start, end)} · {what}"
            lines.setdefault(session.site_id, []).append(
                ((session.day, start or 0, group.position, number), text + (words["colon"] + detail if detail else ""))
            )
            site = plan.site(session.site_id)
            place = plan.place_of(site) if site else None
            if place is not None and place.id not in seen_places:
                seen_places.add(place.id)
                place_stops.setdefault(place.id, []).append(  # n: the place's turn in the route
                    {"group": group.id, "n": len(seen_places), "label": stop_label(group.id, number),
                     "day": session.day, "days": []}
                )
            if place is not None:  # every day the group is there: a day's map still names it
                entry = next(st for st in place_stops[place.id] if st["group"] == group.id)
                if session.day not in entry["days"]:
                    entry["days"].append(session.day)

    plenary_sites: dict[int, list[int]] = {}
    for plenary in plan.plenaries:
        if plenary.site_id is None:
            continue
        plenary_sites.setdefault(plenary.site_id, []).append(plenary.day)
        what = label("plenary_kind", plenary.kind, english)
        title = what if plenary.title in ("", what) else what + words["colon"] + plenary.title
        text = f"{words['all_groups']} · {day_text(plenary.day)} {_span(plenary.start, plenary.end)} · {title}"
        lines.setdefault(plenary.site_id, []).append(((plenary.day, plenary.start or 0, -1, 0), text))

    lodgings: dict[int, list[dict]] = {}
    for lodging in sorted(plan.lodgings, key=lambda l: (l.night, l.group_id)):
        lodgings.setdefault(lodging.site_id, []).append({"group": lodging.group_id, "night": lodging.night})
        text = words["lodging"].format(group=names.get(lodging.group_id, ""), night=lodging.night)
        lines.setdefault(lodging.site_id, []).append(((lodging.night, 24 * 60, 99, 0), text))

    sites, unplaced = [], []
    for site in plan.sites:
        at = point(site)
        if at is None:
            unplaced.append(site.id)
            continue
        place = plan.place_of(site)
        site_stops = stops.get(site.id, [])
        site_lodgings = lodgings.get(site.id, [])
        group_ids = sorted({s["group"] for s in site_stops} | {l["group"] for l in site_lodgings},
                           key=lambda gid: order.get(gid, len(order)))
        days = sorted({s["day"] for s in site_stops} | set(plenary_sites.get(site.id, []))
                      | {l["night"] for l in site_lodgings} | {l["night"] + 1 for l in site_lodgings})
        kind = label("site_kind", site.kind, english)
        subtitle = " · ".join(x for x in ((place.full_name or place.name) if place else "", kind) if x)
        popup_lines = [text for _, text in sorted(lines.get(site.id, []), key=lambda item: item[0])]
        if site.themes:
            popup_lines.append(words["themes"] + words["list"].join(site.themes))
        if site.address:
            popup_lines.append(words["address"] + site.address)
        stop_text = words["stops"].join(words["stop"].format(group=names.get(s["group"], ""), n=s["n"])
                                        for s in site_stops)
        sites.append({
            "id": site.id,
            "name": site.name,
            "lon": at[0],
            "lat": at[1],
            "kind": site.kind if site.kind in SITE_KINDS else "other",
            "place": place.id if place else None,
            "groups": [g for g in group_ids if g in colours],
            "days": [d for d in days if 1 <= d <= plan.programme.days],
            "stops": site_stops,
            "plenary": site.id in plenary_sites,
            "lodging": site_lodgings,
            "tooltip": site.name + (words["paren"].format(stop_text) if stop_text else ""),
            "popup": {"title": site.name, "subtitle": subtitle, "lines": popup_lines},
        })

    places = []
    for place in plan.places:
        if not place.has_coordinates or not (math.isfinite(place.lon) and math.isfinite(place.lat)):
            continue
        these = place_stops.get(place.id, [])
        places.append({
            "id": place.id,
            "name": place.name,
            "full_name": place.full_name or place.name,
            "lon": round(place.lon, 6),
            "lat": round(place.lat, 6),
            "zone": place.kind == "zone",
            "stops": these,
            "days": sorted({d for s in these for d in s["days"]}),
        })

    segments = []
    for (group_id, day), day_plan in sorted(timetable.days.items()):
        if group_id not in colours:
            continue
        for slot in day_plan.slots:
            if slot.kind != "travel" or slot.from_site_id is None or slot.site_id is None:
                continue
            start = point(plan.site(slot.from_site_id))
            end = point(plan.site(slot.site_id))
            if start is None or end is None or start == end:
                continue
            mode = label("leg_mode", slot.mode, english)
            origin, target = plan.site(slot.from_site_id), plan.site(slot.site_id)
            segments.append({
                "group": group_id,
                "day": day,
                "from": slot.from_site_id,
                "to": slot.site_id,
                "mode": slot.mode if slot.mode in LEG_MODES else "other",
                "coords": [[start[0], start[1]], [end[0], end[1]]],
                "tooltip": f"{names[group_id]} · {day_text(day)} · {origin.name} → {target.name}"
                           f" · {mode} {words['minutes'].format(n=slot.minutes)}",
            })

    points = [(s["lon"], s["lat"]) for s in sites if s["stops"] or s["plenary"] or s["lodging"]]
    points = points or [(s["lon"], s["lat"]) for s in sites] or [(p["lon"], p["lat"]) for p in places]

    return {
        "title": plan.programme.title,
        "groups": [{"id": g.id, "name": g.name, "number": order[g.id] + 1, "colour": colours[g.id]} for g in groups],
        "language": language,
        "days": [{"day": d, "label": day_text(d)} for d in range(1, plan.programme.days + 1)],
        "sites": sites,
        "places": places,
        "segments": segments,
        "unplaced": unplaced,
        "bounds": _bounds(points),
        "colours": {"unused": UNUSED_COLOUR, "plenary": PLENARY_COLOUR},
    }


def _bounds(points: list[tuple[float, float]]) -> list[list[float]] | None:
    """[[south, west], [north, east]] of (lon, lat) points, as Leaflet takes it."""
    if not points:
        return None
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    return [[min(lats), min(lons)], [max(lats), max(lons)]]


def _routes(payload: dict) -> dict[tuple[int, int], list[tuple[int, int]]]:
    """Each (group, day)'s drawn route as its legs (from site, to site), in order."""
    routes: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for seg in payload["segments"]:
        routes.setdefault((seg["group"], seg["day"]), []).append((seg["from"], seg["to"]))
    return routes


def route_changes(before: dict, after: dict) -> list[tuple[int, int]]:
    """The (group, day) pairs whose drawn route differs between two payloads, in order."""
    old, new = _routes(before), _routes(after)
    return sorted(key for key in set(old) | set(new) if old.get(key) != new.get(key))


def comparison_payload(before: Plan, after: Plan, language: str = "zh",
                       changes: Iterable[tuple[int, int]] | None = None) -> dict:
    """The map payload of ``after`` with the old routes of the changed days beside it:
    ``ghost`` holds ``before``'s segments of those (group, day) pairs (drawn dashed grey
    under the new ones), ``changes`` the pairs ([group, day]…; by default every pair
    whose route differs), and ``bounds`` the extent of old and new routes of those days,
    so the map opens on what changed rather than on the whole trip."""
    payload = map_payload(after, language=language)
    old = map_payload(before, language=language)
    pairs = route_changes(old, payload) if changes is None else sorted({(int(g), int(d)) for g, d in changes})
    keep = set(pairs)
    prefix = WORDS[language]["before"]
    payload["ghost"] = [dict(seg, tooltip=prefix + seg["tooltip"]) for seg in old["segments"]
                        if (seg["group"], seg["day"]) in keep]
    payload["changes"] = [list(pair) for pair in pairs]
    points = [tuple(c) for seg in payload["ghost"] + payload["segments"]
              if (seg["group"], seg["day"]) in keep for c in seg["coords"]]
    payload["bounds"] = _bounds(points) or payload["bounds"]
    return payload


def selection(plan: Plan, kind: str, ids: Iterable[int]) -> dict:
    """What to highlight for an app selection: {"sites", "places", "segments": [[group, day]…]}.

    ``kind`` is one of ``SELECT_KINDS`` ("day"/"days" take day numbers). Unknown ids are
    ignored; an unknown kind raises ValueError."""
    if kind not in SELECT_KINDS:
        raise ValueError(f"unknown selection kind: {kind!r}")
    ids = [int(i) for i in ids]
    sites: set[int] = set()
    places: set[int] = set()
    segments: set[tuple[int, int]] = set()
    if kind == "sites":
        sites.update(i for i in ids if plan.site(i) is not None)
    elif kind == "sessions":
        for session in plan.sessions:
            if session.id in ids:
                sites.add(session.site_id)
                segments.add((session.group_id, session.day))
    elif kind == "plenaries":
        for plenary in plan.plenaries:
            if plenary.id in ids and plenary.site_id is not None:
                sites.add(plenary.site_id)
    elif kind == "groups":
        for session in plan.sessions:
            if session.group_id in ids:
                sites.add(session.site_id)
                segments.add((session.group_id, session.day))
        sites.update(l.site_id for l in plan.lodgings if l.group_id in ids)
    elif kind == "places":
        places.update(i for i in ids if plan.place(i) is not None)
        sites.update(s.id for s in plan.sites if s.place_id in places)
    else:  # day(s)
        for session in plan.sessions:
            if session.day in ids:
                sites.add(session.site_id)
                segments.add((session.group_id, session.day))
        sites.update(p.site_id for p in plan.plenaries if p.day in ids and p.site_id is not None)
        sites.update(l.site_id for l in plan.lodgings if l.night in ids)
        for day in ids:
            segments.update((g.id, day) for g in plan.groups)
    return {
        "sites": sorted(sites),
        "places": sorted(places),
        "segments": [list(s) for s in sorted(segments)],
    }
