"""Deleting items, with the reason when the plan still needs them.

Sessions, plenaries, lodgings and the like simply go (the legs that served them follow,
as consequences). An item other items are built on is kept until those are gone, and
the refusal names them: a group with sessions or nights booked, a site that sessions,
plenaries, lodgings or follow-up measures use or that is the tour's home, a place with
sites or indicators, a session a measure came from, a participant with a reflection.
A group's participants stay in the plan, in no group.
"""

from __future__ import annotations

from planner.edits import Batch, Delete, Update
from planner.editing.refusal import Outcome, Refusal
from planner.labels import KIND_NAMES
from planner.model import ITEM_TYPES, Plan


def _uses(plan: Plan, kind: str, item_id: int) -> list[tuple[str, int]]:
    """(kind, count) of the items that must go before this one can."""
    if kind == "groups":
        counts = {"sessions": sum(1 for s in plan.sessions if s.group_id == item_id),
                  "lodgings": sum(1 for l in plan.lodgings if l.group_id == item_id)}
    elif kind == "sites":
        home = int(item_id in (plan.programme.origin_site_id, plan.programme.return_site_id)
                   or any(item_id in (g.origin_site_id, g.return_site_id) for g in plan.groups))
        counts = {"sessions": sum(1 for s in plan.sessions if s.site_id == item_id),
                  "plenaries": sum(1 for p in plan.plenaries if p.site_id == item_id),
                  "lodgings": sum(1 for l in plan.lodgings if l.site_id == item_id),
                  "measures": sum(1 for m in plan.measures if m.site_id == item_id),
                  "programme": home}
    elif kind == "places":
        counts = {"sites": sum(1 for s in plan.sites if s.place_id == item_id),
                  "indicators": sum(1 for i in plan.indicators if i.place_id == item_id)}
    elif kind == "sessions":
        counts = {"measures": sum(1 for m in plan.measures if m.session_id == item_id)}
    elif kind == "participants":
        counts = {"reflections": sum(1 for r in plan.reflections if r.participant_id == item_id)}
    else:
        counts = {}
    return [(k, n) for k, n in counts.items() if n]


_COUNTED = {  # how a refusal counts what is in the way: (中文 measure, English noun)
    "sessions": ("场现场教学", "sessions"), "lodgings": ("晚住宿", "nights of lodging"),
    "plenaries": ("项全体活动", "plenaries"), "sites": ("个现场教学点", "sites"),
    "measures": ("项举措", "follow-up measures"), "indicators": ("项对标指标", "indicators"),
    "reflections": ("篇学习体会", "reflections"),
}


def _in_the_way(uses: list[tuple[str, int]]) -> tuple[str, str]:
    zh, en = [], []
    for kind, count in uses:
        if kind == "programme":
            zh.append("它是出发或返回地点")
            en.append("it is where the tour leaves from or returns to")
        else:
            measure, noun = _COUNTED[kind]
            zh.append(f"{count} {measure}")
            en.append(f"{count} {noun}")
    return "、".join(zh), ", ".join(en)


def delete_items(plan: Plan, kind: str, ids) -> Outcome:
    """Delete the items of ``kind`` with these ids, as one step (see the module)."""
    ids = list(dict.fromkeys(ids))
    if kind not in ITEM_TYPES:
        return Refusal(f"未知的条目类型：{kind}", f"unknown kind of item: {kind}")
    if not ids:
        return None
    kind_zh, kind_en = KIND_NAMES.get(kind, (kind, kind))
    edits = []
    for item_id in ids:
        item = plan.get(kind, item_id)
        if item is None:
            return Refusal(f"找不到{kind_zh} #{item_id}", f"no {kind_en} #{item_id}")
        uses = _uses(plan, kind, item_id)
        if uses:
            site = plan.site(item.site_id) if kind == "sessions" else None
            name = getattr(item, "name", "") or getattr(item, "title", "") or (site.name if site else f"#{item_id}")
            zh, en = _in_the_way(uses)
            return Refusal(f"不能删除{kind_zh}「{name}」：还有 {zh}，请先删除或改到别处",
                           f"cannot delete the {kind_en} '{name}': {en} still use it; delete or move them first")
        if kind == "groups":
            edits += [Update("participants", p.id, {"group_id": None})
                      for p in plan.participants if p.group_id == item_id]
        edits.append(Delete(kind, item_id))
    return Batch(tuple(edits))
