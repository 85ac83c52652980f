"""The printed documents as HTML pages (Jinja2 templates in resources/templates/).

No Qt here: ``ui/printing`` loads the page in QtWebEngine and prints it to PDF. A
document is a list of sections, each with its page style: "gb" (GB/T 9704-2012:
the programme overview), "landscape" (wide tables) or "portrait".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from planner.documents import Documents, masks_phones
from planner.documents import cjk, material
from planner.documents.section import Section
from planner.documents.output import NO_GROUPS, nothing_to_export
from planner.resources import resource_path

DOCUMENTS = ("overview", "group", "participant", "contacts", "roster", "booklet", "rooming", "bus", "budget",
             *material.SECTIONS)
DOCUMENT_NAMES = {
    "overview": "日程总览", "group": "分组行程", "participant": "个人行程",
    "contacts": "联络通讯录", "roster": "学员名单", "booklet": "资料汇编",
    "rooming": "住宿分房表", "bus": "乘车名单（联络员用）", "budget": "经费预算表", **material.NAMES,
}
# What each is, for the English interface (the documents themselves are Chinese).
DOCUMENT_ENGLISH = {
    "overview": "Overview", "group": "Group itineraries", "participant": "Personal itinerary",
    "contacts": "Contact list", "roster": "Roster", "booklet": "Booklet", "rooming": "Rooming list",
    "bus": "Bus list (liaisons)", "budget": "Budget", "notice": "Training notice",
    "signin": "Sign-in sheets (per session)", "signin-day": "Sign-in sheets (per day and group)",
    "namecards": "Table cards and badges", "benchmark": "Benchmarking handbook",
    "reflections": "Reflections booklet", "measures": "Measures list",
}
FONT_FILES = {
    "serif": "NotoSerifSC-Regular.ttf",
    "serif_bold": "NotoSerifSC-Bold.ttf",
    "sans": "NotoSansSC-Regular.ttf",
    "sans_bold": "NotoSansSC-Bold.ttf",
}


@dataclass(frozen=True)
class MapImage:
    src: str  # a URL or a path relative to the page
    caption: str
    legend: str


# map_for(group_id or None for the whole programme) -> the image, or None for no map page
MapSource = Callable[[int | None], MapImage | None]

_environment: Environment | None = None


# A run of characters with no break opportunity of its own: no space, no CJK character
# (each of those may end a line). Chromium lays out such a run in time growing with the
# square of its length once it must be broken (overflow-wrap): one 10,000-letter title
# took the booklet 57 s, several made printing time out.
LONG_RUN = 30  # characters: a longer run gets break opportunities
CHUNK = 20  # characters between them
_UNBROKEN = re.compile(r"[^\s\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]{%d,}" % LONG_RUN)


def breakable(value):
    """Every value a template prints, escaped, with a ``<wbr>`` every CHUNK characters
    of a long unbroken run: a break opportunity that adds no character (the PDF's text
    is unchanged) and makes Chromium lay the run out piece by piece, in linear time.
    Markup (already escaped: font URLs, attributes marked ``|e``) is left alone. A
    short bracketed note is kept on one line, an arrow with the name after it
    (``cjk.keep_brackets``, ``cjk.keep_arrows``)."""
    if not isinstance(value, str) or isinstance(value, Markup):
        return value
    text = str(escape(value))
    if len(text) >= LONG_RUN:
        text = _UNBROKEN.sub(lambda m: "<wbr>".join(_chunks(m.group())), text)
    return Markup(cjk.keep_arrows(cjk.keep_brackets(text)))  # no line holding only 意）, none ending on →


def _chunks(run: str) -> list[str]:
    """``run`` cut every CHUNK characters, never inside an entity such as ``&amp;``."""
    pieces = re.findall(r"&[#a-zA-Z0-9]+;|.", run, flags=re.S)
    return ["".join(pieces[i:i + CHUNK]) for i in range(0, len(pieces), CHUNK)]


def environment() -> Environment:
    global _environment
    if _environment is None:
        _environment = Environment(
            loader=FileSystemLoader(str(resource_path("templates"))),
            autoescape=select_autoescape(("html", "css"), default=True),
            undefined=StrictUndefined,
            trim_blocks=False,
            finalize=breakable,  # every {{ value }} of every template: no template can forget it
        )
        _environment.filters.update(  # titles, routes (planner.documents.cjk); long runs still breakable
            phrases=lambda text: cjk.phrases(text, breakable), route=lambda text: cjk.route(text, breakable))
    return _environment


def font_urls() -> dict[str, str]:
    """The shipped fonts' file URLs, escaped already (they go into CSS, where a break
    opportunity must not)."""
    return {key: escape(resource_path("fonts", name).resolve().as_uri()) for key, name in FONT_FILES.items()}


def sections(docs: Documents, document: str, group_id: int | None = None,
             participant_id: int | None = None, map_for: MapSource | None = None,
             mask: bool | None = None) -> list[Section]:
    """The sections of ``document``; ``group_id`` narrows group documents to one group.
    For "participant" without ``participant_id``: every participant, one page each.
    ``mask``: whether phone numbers are masked (None: the document's default,
    ``masks_phones``). A document with nothing to print raises ExportError saying why."""
    found = _sections(docs, document, group_id, participant_id, map_for, masks_phones(document, mask))
    if not found:
        raise nothing_to_export(*nothing_reason(docs, document))
    return found


def nothing_reason(docs: Documents, document: str) -> tuple[str, str]:
    """Why ``document`` has nothing to print (Chinese, English)."""
    from planner.documents.tables import NOTHING

    if not docs.plan.groups:
        return NO_GROUPS
    if document == "participant":
        return ("还没有分好组的学员", "no participant is in a group yet")
    return NOTHING.get(document, ("没有内容", "nothing to print"))


def _sections(docs: Documents, document: str, group_id: int | None, participant_id: int | None,
              map_for: MapSource | None, masked: bool) -> list[Section]:
    if document not in DOCUMENTS:
        raise ValueError(document)
    groups = [group_id] if group_id is not None else [g.id for g in docs.plan.ordered_groups()]
    maps = map_for or (lambda _group: None)
    if document in material.SECTIONS:  # before and after the tour: notice, sign-in sheets…
        return material.material_sections(docs, document, group_id)
    if document == "overview":
        return [Section("overview", "gb", docs.overview())]
    if document == "group":
        return [Section("group", "landscape", docs.printed_itinerary(g, masked)) for g in groups]
    if document == "roster":
        return [Section("roster", "portrait", docs.roster(g, masked)) for g in groups]
    if document == "contacts":
        contacts = {c.group_id: c for c in docs.contacts(masked).groups}
        return [Section("contacts", "landscape", contacts[g]) for g in groups]
    if document in ("rooming", "bus"):  # planner.roster: per night and hotel, per group and day
        from planner.roster.lists import bus_lists, rooming_lists

        if document == "rooming":
            return [Section("rooming", "portrait", r)
                    for r in rooming_lists(docs.plan, masked=masked, group_id=group_id)]
        return [Section("bus", "portrait", b)
                for b in bus_lists(docs.plan, docs.timetable, masked=masked, group_id=group_id)]
    if document == "budget":  # planner.budget: the 经费预算表
        from planner.budget.document import budget_sheet

        return [Section("budget", "portrait", budget_sheet(docs))]
    if document == "participant":
        ids = [participant_id] if participant_id is not None else [
            pid for pid in docs.participant_ids()
            if group_id is None or docs.plan.get("participants", pid).group_id == group_id
        ]
        return [Section("participant", "portrait", docs.personal(pid, masked)) for pid in ids]
    # booklet: the overview and the whole route map, then per group its map, itinerary
    # and roster, and the contact lists last (masked by default: the whole delegation gets it).
    found: list[Section] = []
    if group_id is None:
        found.append(Section("overview", "gb", docs.overview()))
        whole = maps(None)
        if whole is not None:
            found.append(Section("map", "landscape", whole))
    for g in groups:
        image = maps(g)
        if image is not None:
            found.append(Section("map", "landscape", image))
        found.append(Section("group", "landscape", docs.printed_itinerary(g, masked)))
        found.append(Section("roster", "portrait", docs.roster(g, masked)))
    contacts = {c.group_id: c for c in docs.contacts(masked=masked).groups}
    found += [Section("contacts", "landscape", contacts[g]) for g in groups]
    return found


def render_html(docs: Documents, found: list[Section], document_name: str | None = None) -> str:
    """The page; ``document_name`` titles the PDF (its sections carry the programme's title)."""
    template = environment().get_template("document.html")
    return template.render(title=docs.title, page_title=escape(document_name or docs.title),  # <title> holds no tags
                           sections=found, fonts=font_urls())


def document_title(docs: Documents, document: str) -> str:
    return f"{docs.title}{DOCUMENT_NAMES.get(document, '')}"
