"""The named edits the app makes to the material: each a pure function of the plan that
returns the edit (the view only applies it, with its own undo label)."""

from __future__ import annotations

from planner.documents.notice import DEFAULT_NOTICE
from planner.edits import Insert, UpdateProgramme
from planner.material.indicators import home_of
from planner.model import Plan
from planner.text import clean_text

NEW_ITEM_KINDS = ("measures", "indicators")  # the kinds a table adds rows to by hand
NEW_MEASURE = "（新举措）"
NEW_INDICATOR = "（新指标）"


def set_notice(plan: Plan, text: str) -> UpdateProgramme | None:
    """Keep ``text`` as the notice; the default text is kept as '' (so a later version's
    default reaches plans that never changed it). None: nothing to change."""
    text = clean_text(text, multiline=True).strip("\n")
    stored = "" if text.strip() == DEFAULT_NOTICE.strip() else text
    return None if stored == plan.programme.notice else UpdateProgramme({"notice": stored})


def add_measure(plan: Plan, site_id: int | None = None, session_id: int | None = None) -> Insert:
    """A new measure at the end of the list, to be filled in."""
    if session_id is not None:
        session = plan.get("sessions", session_id)
        site_id = session.site_id if session is not None else site_id
    position = max((m.position for m in plan.measures), default=0) + 1
    return Insert("measures", {"text": NEW_MEASURE, "site_id": site_id, "session_id": session_id,
                               "position": position})


def add_indicator(plan: Plan, place_id: int | None = None) -> Insert:
    """A new figure for a place (None: the home place — the plan's origin, or the region
    of its home figures, or '本地' until it is named)."""
    position = max((i.position for i in plan.indicators), default=0) + 1
    region = ""
    if place_id is None:
        place_id, region = home_of(plan)
        region = "" if place_id is not None else (region or "本地")
    return Insert("indicators", {"name": NEW_INDICATOR, "place_id": place_id, "region": region,
                                 "position": position})


def new_item(plan: Plan, kind: str, selection_kind: str = "", selected: tuple[int, ...] = ()) -> Insert | None:
    """The item a table's 添加 button adds to ``kind`` (measures or indicators), taking
    what is selected elsewhere (a site, a session, a place) as its source or place."""
    first = selected[0] if selected else None
    if kind == "measures":
        return add_measure(plan, site_id=first if selection_kind == "sites" else None,
                           session_id=first if selection_kind == "sessions" else None)
    if kind == "indicators":
        return add_indicator(plan, place_id=first if selection_kind == "places" else None)
    return None
