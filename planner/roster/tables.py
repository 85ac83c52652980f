"""Rooming and bus lists as plain tables for the Excel and Word exports."""

from __future__ import annotations

from planner.documents.table import Table
from planner.roster.lists import bus_lists, rooming_lists

ROOMING_COLUMNS = ("房间", "房型", "姓名", "性别", "组别", "单位", "职务", "身份证号", "联系电话", "备注")
ROOMING_WIDTHS = (6, 8, 12, 6, 8, 24, 12, 21, 14, 16)
BUS_COLUMNS = ("座位", "姓名", "性别", "单位", "职务", "角色", "联系电话")
BUS_WIDTHS = (6, 14, 6, 26, 12, 10, 16)


def rooming_tables(docs, group_id: int | None = None, masked: bool = True) -> list[Table]:
    """One table per night (or run of nights alike) and hotel; ID numbers masked, phones
    masked unless ``masked`` is False."""
    tables = []
    for r in rooming_lists(docs.plan, masked=masked, group_id=group_id):
        rows = []
        for room in r.rooms:
            for o in room.occupants:
                rows.append([str(room.number), room.kind_name, o.name, o.gender, o.group, o.unit, o.title,
                             o.id_number, o.phone, room.note])
        subtitle = f"{r.date_label}　{r.hotel}　{'、'.join(r.groups)}　{r.summary}"
        tables.append(Table(f"第{r.nights_label}晚{r.hotel}", f"{docs.title}　住宿分房表", subtitle, ROOMING_COLUMNS,
                            ROOMING_WIDTHS, rows, group_column=0, merge_columns=(0, 1, 9), landscape=True))
    return tables


def bus_tables(docs, group_id: int | None = None, masked: bool = False) -> list[Table]:
    """One table per group and day on the bus (or run of days alike), phones complete
    unless ``masked`` (the liaisons' copies)."""
    tables = []
    for b in bus_lists(docs.plan, docs.timetable, masked=masked, group_id=group_id):
        rows = [[str(s.seat), s.name, s.gender, s.unit, s.title, s.role, s.phone] for s in b.seats]
        staff = "　".join(f"{role}：{name} {phone}" for role, name, phone in b.staff)
        subtitle = f"{b.date_label}　{b.departure} 出发　线路：{b.route}　{b.summary}　{staff}"
        tables.append(Table(f"{b.group}第{b.days_label}天乘车", f"{docs.title}　{b.group}乘车名单{'' if masked else '（内部使用）'}", subtitle,
                            BUS_COLUMNS, BUS_WIDTHS, rows, landscape=False))
    return tables
