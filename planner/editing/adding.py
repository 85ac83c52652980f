"""Adding to a plan: places, sites and hotels, groups, plenaries, lodgings.

Each operation checks what it is given (a name, a day in the programme, items that
exist) and fills in what the organiser left out with what a plan of this kind needs: a
new group's name and a colour no other group has, a hotel's position from its place.
"""

from __future__ import annotations

from planner.edits import Batch, Insert, Update
from planner.editing.refusal import Outcome, Refusal
from planner.minimal import GROUP_COLOURS, group_name
from planner.model import PLENARY_KINDS, Plan

PLACEHOLDER_NOTE = "占位"  # how planner.lodging marks a night it filled in (see its module)


def _name(text: str | None) -> str:
    return (text or "").strip()


def _next_id(plan: Plan, kind: str) -> int:
    return max((item.id for item in plan.items(kind)), default=0) + 1


def _refuse_day(plan: Plan, day: int, what_zh: str = "日期", what_en: str = "day") -> Refusal | None:
    days = plan.programme.days
    if not 1 <= day <= days:
        return Refusal(f"{what_zh}不在方案内：第 {day} 天（方案共 {days} 天）",
                       f"the {what_en} is outside the plan: day {day} (the plan has {days})")
    return None


# --- places and sites ----------------------------------------------------------------


def add_place(plan: Plan, values: dict) -> Outcome:
    """A place (a division from the gazetteer, or a zone placed by hand); a division
    already in the plan is not added twice."""
    name = _name(values.get("name"))
    if not name:
        return Refusal("请填写县（市、区）的名称", "the place needs a name")
    code = values.get("division_code")
    twin = next((p for p in plan.places if code and p.division_code == code), None)
    if twin is not None:
        return Refusal(f"「{twin.full_name or twin.name}」已在方案中", f"'{twin.full_name or twin.name}' is already in the plan")
    return Insert("places", {**values, "name": name})


def add_site(plan: Plan, values: dict) -> Outcome:
    """A teaching site (or venue, hotel…) in a place of the plan, at the place's position
    unless it has its own."""
    name = _name(values.get("name"))
    if not name:
        return Refusal("请填写名称", "the site needs a name")
    place = plan.place(values.get("place_id"))
    if place is None:
        return Refusal("请先选择所在县（市、区）", "choose the place the site is in")
    values = {**values, "name": name}
    if values.get("lon") is None or values.get("lat") is None:
        values.update(lon=place.lon, lat=place.lat)
    return Insert("sites", values)


def add_hotel(plan: Plan, name: str, place_id: int | None, address: str = "", contact_person: str = "",
              contact_phone: str = "") -> Outcome:
    """A hotel (a site of kind "hotel") in a place of the plan; a hotel of that name in
    that place is not added twice."""
    name = _name(name)
    if name and any(s.kind == "hotel" and s.name == name and s.place_id == place_id for s in plan.sites):
        return Refusal(f"宾馆「{name}」已在方案中", f"the hotel '{name}' is already in the plan")
    return add_site(plan, {"name": name, "kind": "hotel", "place_id": place_id, "address": _name(address),
                           "contact_person": _name(contact_person), "contact_phone": _name(contact_phone)})


# --- groups ----------------------------------------------------------------------------


def free_colour(plan: Plan) -> str:
    """The first of the standard group colours no group of the plan uses yet."""
    used = {g.colour.lower() for g in plan.groups}
    return next((c for c in GROUP_COLOURS if c not in used), GROUP_COLOURS[len(plan.groups) % len(GROUP_COLOURS)])


def default_group_name(plan: Plan) -> str:
    """第N组 for the next N no group is called yet."""
    names = {g.name for g in plan.groups}
    index = len(plan.groups)
    while group_name(index) in names:
        index += 1
    return group_name(index)


def add_group(plan: Plan, name: str = "", colour: str = "", leader: str = "", vehicle: str = "",
              capacity: int | None = None) -> Outcome:
    """A group after the others: named 第N组 and given a colour of its own unless told;
    a name another group has is refused (lists and print-outs tell groups by name)."""
    name = _name(name) or default_group_name(plan)
    if any(g.name == name for g in plan.groups):
        return Refusal(f"已有名为「{name}」的组", f"there is already a group called '{name}'")
    if capacity is not None and capacity < 0:
        return Refusal("座位数不能为负数", "the number of seats cannot be negative")
    position = max((g.position for g in plan.groups), default=-1) + 1
    return Insert("groups", {"name": name, "colour": colour or free_colour(plan), "leader": _name(leader),
                             "vehicle": _name(vehicle), "capacity": capacity or None, "position": position})


# --- plenaries -------------------------------------------------------------------------


def add_plenary(plan: Plan, title: str, day: int, start: int, end: int, site_id: int | None = None,
                kind: str = "other", host: str = "") -> Outcome:
    """An event for all groups together (开班式, 结业式…), fixed at its time: every group's
    day flows around it."""
    title = _name(title)
    if not title:
        return Refusal("请填写全体活动的名称", "the plenary needs a title")
    refusal = _refuse_day(plan, day)
    if refusal is not None:
        return refusal
    if end <= start:
        return Refusal("结束时间须晚于开始时间", "the end must be after the start")
    if site_id is not None and plan.site(site_id) is None:
        return Refusal(f"找不到地点 #{site_id}", f"no site #{site_id}")
    if kind not in PLENARY_KINDS:
        return Refusal(f"未知的全体活动类型：{kind}", f"unknown kind of plenary: {kind}")
    return Insert("plenaries", {"title": title, "day": day, "start": start, "end": end, "site_id": site_id,
                                "kind": kind, "host": _name(host), "pinned": True})


# --- lodging ---------------------------------------------------------------------------


def add_lodgings(plan: Plan, group_ids, first_night: int, last_night: int | None = None,
                 site_id: int | None = None, *, hotel: dict | None = None,
                 room_price: float | None = None) -> Outcome:
    """Lodge groups at one hotel for a night or a range of nights (night N is the night
    after day N). A night the group already has a lodging for changes hotel (and a
    placeholder's note goes: the organiser has chosen); the others get one. With ``hotel`` (the fields of
    ``add_hotel``) the hotel is added first, in the same step."""
    group_ids = list(dict.fromkeys(group_ids))
    last_night = first_night if last_night is None else last_night
    if not group_ids:
        return Refusal("请选择组", "choose a group")
    missing = [g for g in group_ids if plan.group(g) is None]
    if missing:
        return Refusal(f"找不到组 #{missing[0]}", f"no group #{missing[0]}")
    if last_night < first_night:
        return Refusal("最后一晚不能早于第一晚", "the last night cannot come before the first")
    for night in (first_night, last_night):
        refusal = _refuse_day(plan, night, "住宿日期", "night")
        if refusal is not None:
            return refusal
    edits = []
    if hotel is not None:
        added = add_hotel(plan, **hotel)
        if not isinstance(added, Insert):
            return added
        site_id = _next_id(plan, "sites")
        edits.append(Insert("sites", {**added.values, "id": site_id}))
    elif site_id is None or plan.site(site_id) is None:
        return Refusal("请选择宾馆", "choose a hotel")
    booked = {(l.group_id, l.night): l for l in plan.lodgings}
    for group_id in group_ids:
        for night in range(first_night, last_night + 1):
            old = booked.get((group_id, night))
            if old is None:
                edits.append(Insert("lodgings", {"group_id": group_id, "night": night, "site_id": site_id,
                                                 "room_price": room_price}))
                continue
            changes = {}
            if old.site_id != site_id:
                changes["site_id"] = site_id
            if old.note.startswith(PLACEHOLDER_NOTE):  # chosen now, even the hotel it held the place of
                changes["note"] = ""
            if room_price is not None and old.room_price != room_price:
                changes["room_price"] = room_price
            if changes:
                edits.append(Update("lodgings", old.id, changes))
    if not edits:
        return None
    return edits[0] if len(edits) == 1 else Batch(tuple(edits))
