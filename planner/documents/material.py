"""The documents before and after the tour as printed sections and as tables: the
training notice, sign-in sheets, name cards, the benchmarking handbook, the reflections
booklet and the list of measures. ``planner.documents.html`` and the Excel and Word
exports ask here for them by name."""

from __future__ import annotations

from planner.documents import Documents
from planner.documents.benchmark import handbook
from planner.documents.measures import measure_list, measures_table
from planner.documents.namecards import badge_pages, name_cards
from planner.documents.notice import notice
from planner.documents.reflections import booklet
from planner.documents.section import Section
from planner.documents.signin import BY_DAY, BY_SESSION, signin_sheets, signin_tables
from planner.documents.output import NO_GROUPS, nothing_to_export

SECTIONS = ("notice", "signin", "signin-day", "namecards", "benchmark", "reflections", "measures")
NAMES = {
    "notice": "培训通知", "signin": "签到表（每场）", "signin-day": "签到表（每天每组）", "namecards": "桌签与名牌",
    "benchmark": "对标手册", "reflections": "学习体会汇编", "measures": "举措清单",
}
TABLES = ("signin", "signin-day", "measures")  # also as Excel and Word tables
OFFICIAL_DOCX = ("notice", "reflections")  # as Word documents in the official layout
# The documents whose PDF has a contents page with page numbers (two printings).
NUMBERED_CONTENTS = ("reflections",)
NO_PEOPLE = ("方案中还没有学员", "the plan has no participants yet")


def material_sections(docs: Documents, document: str, group_id: int | None = None) -> list:
    """The printed sections of one of these documents; ExportError when it would be empty."""
    if document == "notice":
        return [Section("notice", "gb", notice(docs))]
    if document in ("signin", "signin-day"):
        sheets = signin_sheets(docs, BY_DAY if document == "signin-day" else BY_SESSION, group_id)
        if not sheets:
            raise nothing_to_export("还没有排好的现场教学或全体活动", "no sessions or plenaries are scheduled yet")
        return [Section("signin", "plain", sheet) for sheet in sheets]
    if document == "namecards":
        cards = name_cards(docs, group_id)
        if not cards:
            raise nothing_to_export(*NO_PEOPLE)
        return ([Section("tablecard", "card", card) for card in cards]
                + [Section("badges", "card", page) for page in badge_pages(cards)])
    if document == "benchmark":
        pages = handbook(docs, group_id)
        if not pages:
            raise nothing_to_export("还没有分组线路", "no group has a route yet") if docs.plan.groups else \
                nothing_to_export(*NO_GROUPS)
        return [Section("benchmark", "portrait", page) for page in pages]
    if document == "reflections":
        found = booklet(docs, group_id)
        if not found.entries:
            raise nothing_to_export("还没有导入学习体会", "no reflections have been imported yet")
        return [Section("contents", "gb", found)] + [Section("reflection", "gb", e) for e in found.entries]
    if document == "measures":
        measures = measure_list(docs)
        if not measures.rows:
            raise nothing_to_export("还没有举措", "no measures have been entered yet")
        return [Section("measures", "landscape", measures)]
    raise ValueError(document)


def material_tables(docs: Documents, document: str, group_id: int | None = None) -> list:
    """The Excel / Word tables of the sign-in sheets and the measures."""
    if document in ("signin", "signin-day"):
        return signin_tables(docs, BY_DAY if document == "signin-day" else BY_SESSION, group_id)
    if document == "measures":
        return [measures_table(docs)] if docs.plan.measures else []
    raise ValueError(document)
