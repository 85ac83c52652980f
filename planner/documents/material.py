"""The documents before and after the tour as printed sections and as tables: the
training notice, sign-in sheets, name cards, the benchmarking handbook, the reflections
booklet and the list of measures. ``planner.documents.html`` and the Excel and Word
exports ask here for them by name."""

from __future__ import annotations

from planner.documents import Documents
from planner.exports import NO_GROUPS, nothing_to_export
from planner.model import Participant
from planner.roles import role_order

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


def unassigned_people(docs: Documents) -> list[Participant]:
    """People in no group, as a roster orders them (leaders first): they sign in at the
    plenaries, get name cards and may write reflections too."""
    order = role_order(docs.plan)
    return sorted(docs.unassigned(), key=lambda p: (order.get(p.role, len(order)), p.id))


def material_sections(docs: Documents, document: str, group_id: int | None = None) -> list:
    """The printed sections of one of these documents; ExportError when it would be empty."""
    from planner.documents.html import Section

    if document == "notice":
        from planner.documents.notice import notice

        return [Section("notice", "gb", notice(docs))]
    if document in ("signin", "signin-day"):
        from planner.documents.signin import BY_DAY, BY_SESSION, signin_sheets

        sheets = signin_sheets(docs, BY_DAY if document == "signin-day" else BY_SESSION, group_id)
        if not sheets:
            raise nothing_to_export("还没有排好的现场教学或全体活动", "no sessions or plenaries are scheduled yet")
        return [Section("signin", "plain", sheet) for sheet in sheets]
    if document == "namecards":
        from planner.documents.namecards import badge_pages, name_cards

        cards = name_cards(docs, group_id)
        if not cards:
            raise nothing_to_export(*NO_PEOPLE)
        return ([Section("tablecard", "card", card) for card in cards]
                + [Section("badges", "card", page) for page in badge_pages(cards)])
    if document == "benchmark":
        from planner.documents.benchmark import handbook

        pages = handbook(docs, group_id)
        if not pages:
            raise nothing_to_export("还没有分组线路", "no group has a route yet") if docs.plan.groups else \
                nothing_to_export(*NO_GROUPS)
        return [Section("benchmark", "portrait", page) for page in pages]
    if document == "reflections":
        from planner.documents.reflections import booklet

        found = booklet(docs, group_id)
        if not found.entries:
            raise nothing_to_export("还没有导入学习体会", "no reflections have been imported yet")
        return [Section("contents", "gb", found)] + [Section("reflection", "gb", e) for e in found.entries]
    if document == "measures":
        from planner.documents.measures import measure_list

        measures = measure_list(docs)
        if not measures.rows:
            raise nothing_to_export("还没有举措", "no measures have been entered yet")
        return [Section("measures", "landscape", measures)]
    raise ValueError(document)


def material_tables(docs: Documents, document: str, group_id: int | None = None) -> list:
    """The Excel / Word tables of the sign-in sheets and the measures."""
    if document in ("signin", "signin-day"):
        from planner.documents.signin import BY_DAY, BY_SESSION, signin_tables

        return signin_tables(docs, BY_DAY if document == "signin-day" else BY_SESSION, group_id)
    if document == "measures":
        from planner.documents.measures import measures_table

        return [measures_table(docs)] if docs.plan.measures else []
    raise ValueError(document)
