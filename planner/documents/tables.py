"""The documents as plain tables (``planner.documents.table``), shared by the Excel and
Word exports: the tables of each document, by name (``tables_for``)."""

from __future__ import annotations

from planner.budget.document import budget_table
from planner.documents import (
    CONTACT_COLUMNS, ITINERARY_COLUMNS, ROSTER_COLUMNS, Documents, masks_phones,
)
from planner.documents.material import material_tables
from planner.documents.output import NO_GROUPS, nothing_to_export
from planner.documents.table import Table
from planner.roster.tables import bus_tables, rooming_tables

# Column widths in characters (Excel) — Word scales them to the page.
ITINERARY_WIDTHS = (17, 13, 10, 20, 26, 10, 16, 22, 14, 18)
ROSTER_WIDTHS = (6, 16, 6, 26, 12, 10, 16)
CONTACT_WIDTHS = (6, 17, 24, 12, 20, 20, 18, 16)


def itinerary_table(docs: Documents, group_id: int, masked: bool = True) -> Table:
    it = docs.printed_itinerary(group_id, masked)
    subtitle = f"线路：{' → '.join(it.places)}"
    if it.leader:
        subtitle += f"　带队：{it.leader}"
    if it.vehicle:
        subtitle += f"　车辆：{it.vehicle}"
    return Table(it.name, f"{docs.title}　{it.name}行程安排", subtitle, ITINERARY_COLUMNS,
                 ITINERARY_WIDTHS, it.table(), group_column=0, merge_columns=(0, 9))


def overview_table(docs: Documents) -> Table:
    overview = docs.overview()
    rows, across = [], set()
    for day in overview.days:
        for block in day.blocks:
            if block.plenary is not None:
                p = block.plenary
                across.add(len(rows))
                text = f"{p.time}　{p.content}（全体，{p.site}）"
                rows.append([day.date_label, *([text] * len(overview.groups))])
            else:
                rows.append([day.date_label, *(
                    "\n".join(f"{e.time} {e.site}：{e.content}" for e in cell) for cell in block.cells
                )])
        rows.append([day.date_label, *(f"住宿：{h}" if h else "" for h in day.lodgings)])
    widths = (17, *([44 if len(overview.groups) <= 3 else 30] * len(overview.groups)))
    subtitle = "　".join(f"{g}：{r}" for g, r in zip(overview.groups, overview.routes))
    return Table("总览", f"{overview.title}日程总览", subtitle, ("日期", *overview.groups), widths, rows,
                 group_column=0, merge_columns=(0,), across=frozenset(across))


def roster_table(docs: Documents, group_id: int, masked: bool = True) -> Table:
    roster = docs.roster(group_id, masked)
    rows = [[str(r.number), r.name, r.gender, r.unit, r.title, r.role, r.phone] for r in roster.rows]
    subtitle = f"共{len(rows)}人" + (f"　车辆：{roster.vehicle}" if roster.vehicle else "")
    return Table(f"{roster.name}名单", f"{docs.title}　{roster.name}学员名单", subtitle, ROSTER_COLUMNS,
                 ROSTER_WIDTHS, rows, landscape=False)


def contacts_table(docs: Documents, group_id: int, masked: bool = False) -> Table:
    group = next(g for g in docs.contacts(masked).groups if g.group_id == group_id)
    rows = [[str(r.number), r.date_label, r.site, r.place, r.address, r.host, r.contact_person, r.phone]
            for r in group.rows]
    subtitle = "　".join(f"{role}：{name} {phone}" for role, name, phone in group.staff)
    return Table(f"{group.name}通讯录", f"{docs.title}　{group.name}联络通讯录（内部使用）", subtitle,
                 CONTACT_COLUMNS, CONTACT_WIDTHS, rows, group_column=1, merge_columns=(1,))


# Why a document has no table at all (the overview and booklet always have one); said
# so that it fits one group as well as all of them.
NOTHING = {
    "group": NO_GROUPS, "roster": NO_GROUPS, "contacts": NO_GROUPS,
    "rooming": ("还没有安排住宿", "no lodging has been arranged yet"),
    "bus": ("还没有排好的行程，没有乘车的日子", "no sessions are scheduled yet, so no day on the bus"),
    "signin": ("还没有排好的现场教学或全体活动", "no sessions or plenaries are scheduled yet"),
    "signin-day": ("还没有排好的现场教学或全体活动", "no sessions or plenaries are scheduled yet"),
    "measures": ("还没有举措", "no measures have been entered yet"),
}


def tables_for(docs: Documents, document: str, group_id: int | None = None, mask: bool | None = None) -> list[Table]:
    """The tables of ``document`` (overview, group, roster, contacts, booklet) for one
    group or, with ``group_id`` None, every group; ExportError when there are none.
    ``mask``: phones masked or not (None: the document's default, ``masks_phones``)."""
    tables = _tables(docs, document, group_id, masks_phones(document, mask))
    if not tables:
        raise nothing_to_export(*NOTHING.get(document, ("没有表格", "no tables")))
    return tables


def _tables(docs: Documents, document: str, group_id: int | None, masked: bool) -> list[Table]:
    groups = [group_id] if group_id is not None else [g.id for g in docs.plan.ordered_groups()]
    if document == "overview":
        return [overview_table(docs)]
    if document == "group":
        return [itinerary_table(docs, g, masked) for g in groups]
    if document == "roster":
        return [roster_table(docs, g, masked) for g in groups]
    if document == "contacts":
        return [contacts_table(docs, g, masked) for g in groups]
    if document in ("signin", "signin-day", "measures"):
        return material_tables(docs, document, group_id)
    if document in ("rooming", "bus"):
        return (rooming_tables if document == "rooming" else bus_tables)(docs, group_id, masked)
    if document == "budget":
        return [budget_table(docs)]
    if document == "booklet":
        tables = [overview_table(docs)] if group_id is None else []
        for g in groups:
            tables += [itinerary_table(docs, g, masked), roster_table(docs, g, masked)]
        return tables + [contacts_table(docs, g, masked) for g in groups]
    raise ValueError(document)
