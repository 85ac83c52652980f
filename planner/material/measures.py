"""举措清单: follow-up measures — their labels, how a source is named, and the list read
back from its own Excel export (``python main.py measures import PLAN FILE.xlsx``).

The export (``export --document measures --format xlsx``) has a 编号 column: the
measure's id. Reading it back updates those measures (a responsible unit fills in its
progress, say) and adds rows without a 编号, or whose 编号 is not in the plan, as new
ones (under that number when it is free); measures the file does not list are kept.
"""

from __future__ import annotations

import re
from pathlib import Path

from planner.edits import Insert, Update
from planner.errors import BilingualError
from planner.material.preview import Bad, Good, MaterialError, Preview
from planner.labels import MEASURE_STATUS_NAMES as STATUS_LABELS
from planner.model import Measure, Plan, Session
COLUMNS = ("编号", "举措", "责任单位", "完成时限", "进展情况", "来源", "备注")
WIDTHS = (6, 46, 18, 14, 10, 28, 18)
_HEADERS = {  # header text -> field, for reading back (and sheets typed by hand)
    "编号": "id", "id": "id", "举措": "text", "措施": "text", "工作举措": "text", "举措内容": "text",
    "责任单位": "unit", "牵头单位": "unit", "完成时限": "deadline", "时限": "deadline",
    "进展情况": "status", "进展": "status", "状态": "status", "来源": "source", "备注": "note",
}


def status_label(status: str) -> str:
    return STATUS_LABELS.get(status, (status, status))[0]


def parse_status(text: str) -> str | None:
    """'已完成' / 'done' -> 'done'; '' -> 'planned'; anything else None."""
    text = text.strip()
    if not text:
        return "planned"
    for code, (zh, en) in STATUS_LABELS.items():
        if text in (code, zh, en) or text.lower() == en.lower():
            return code
    return None


def session_label(plan: Plan, session: Session) -> str:
    """'第一组 2月24日 义乌国际商贸城' — a session as a measure's source."""
    group, site = plan.group(session.group_id), plan.site(session.site_id)
    day = plan.programme.date_of(session.day)
    return " ".join(x for x in (group.name if group else "", f"{day.month}月{day.day}日",
                                site.name if site else "") if x)


def source_label(plan: Plan, measure: Measure) -> str:
    if measure.session_id is not None:
        session = plan.get("sessions", measure.session_id)
        if session is not None:
            return session_label(plan, session)
    site = plan.site(measure.site_id) if measure.site_id is not None else None
    return site.name if site else ""


def ordered_measures(plan: Plan) -> list[Measure]:
    return sorted(plan.measures, key=lambda m: (m.position, m.id))


def parse_source(plan: Plan, text: str) -> tuple[int | None, int | None] | None:
    """(site_id, session_id) named by a 来源 cell ('' gives neither); None when it names
    no site or session of the plan."""
    text = re.sub(r"\s+", " ", text.strip())
    if not text:
        return None, None
    for session in plan.sessions:
        if session_label(plan, session) == text:
            return session.site_id, session.id
    sites = [s for s in plan.sites if s.name == text]
    if len(sites) == 1:
        return sites[0].id, None
    return None


def read_measures(plan: Plan, path, sheet: str | None = None) -> Preview:
    """The preview of reading a measures sheet back into the plan."""
    from planner.roster.sources import read_sheet

    path = Path(path)
    try:
        table = read_sheet(path, sheet)
    except BilingualError as error:
        raise MaterialError(error.message_zh, error.message_en) from None
    rows = list(table.rows)
    at = next((i for i, (_n, cells) in enumerate(rows[:10])
               if "text" in [_HEADERS.get(c.strip().lower()) for c in cells]), None)
    if at is None:
        raise MaterialError(f"「{path.name}」中找不到表头（应有“举措”列）", f"'{path.name}' has no header row (a 举措 column)")
    columns = {i: _HEADERS[c.strip().lower()] for i, c in enumerate(rows[at][1]) if c.strip().lower() in _HEADERS}
    existing = {m.id: m for m in plan.measures}
    taken = set(existing)
    next_id = max(taken, default=0) + 1
    good: list[Good] = []
    bad: list[Bad] = []
    seen_ids: dict[int, int] = {}
    for position, (number, cells) in enumerate(rows[at + 1:], 1):
        where = f"第 {number} 行"
        values = {field: cells[i].strip() if i < len(cells) else "" for i, field in columns.items()}
        if not values.get("text"):
            if any(v for k, v in values.items() if k != "id"):
                bad.append(Bad(where, "没有填写举措", "no measure given"))
            continue
        status = parse_status(values.get("status", ""))
        if status is None:
            shown = "、".join(zh for zh, _ in STATUS_LABELS.values())
            bad.append(Bad(where, f"进展情况应为：{shown}（而不是“{values['status']}”）",
                           f"进展情况 must be one of {', '.join(en for _, en in STATUS_LABELS.values())}"))
            continue
        source = parse_source(plan, values.get("source", ""))
        if source is None:
            bad.append(Bad(where, f"来源「{values['source']}」不是方案中的现场教学点或现场教学",
                           f"the source '{values['source']}' is no site or session of the plan"))
            continue
        record = {"text": values["text"], "unit": values.get("unit", ""), "deadline": values.get("deadline", ""),
                  "status": status, "site_id": source[0], "session_id": source[1], "note": values.get("note", ""),
                  "position": position}
        if "source" not in values:  # a sheet without the column leaves the sources as they are
            del record["site_id"], record["session_id"]
        id_text = values.get("id", "")
        if id_text and not re.fullmatch(r"\d{1,9}", id_text):
            bad.append(Bad(where, f"编号应为数字：{id_text}", f"编号 must be a number: {id_text}"))
            continue
        measure_id = int(id_text) if id_text else None
        if measure_id is not None and measure_id in seen_ids:
            bad.append(Bad(where, f"编号 {measure_id} 与第 {seen_ids[measure_id]} 行重复",
                           f"编号 {measure_id} repeats row {seen_ids[measure_id]}"))
            continue
        if measure_id is not None:
            seen_ids[measure_id] = number
        what = f"{values['text'][:30]}（{STATUS_LABELS[status][0]}）"
        old = existing.get(measure_id) if measure_id is not None else None
        if old is None:
            if measure_id is None or measure_id in taken or measure_id == 0:
                measure_id = next_id
            taken.add(measure_id)
            next_id = max(next_id, measure_id + 1)
            record.setdefault("site_id", None)
            record.setdefault("session_id", None)
            good.append(Good(where, what, (Insert("measures", {"id": measure_id, **record}),)))
            continue
        changes = {k: v for k, v in record.items() if getattr(old, k) != v}
        good.append(Good(where, what, (Update("measures", old.id, changes),) if changes else (),
                         "update" if changes else "same"))
    if not good and not bad:
        raise MaterialError(f"「{path.name}」中没有任何举措", f"'{path.name}' holds no measures")
    kept = len(set(existing) - set(seen_ids))
    notes = [(f"文件中未列出的 {kept} 项举措保持不变", f"{kept} measure(s) not in the file are kept as they are")] if kept else []
    return Preview("举措", "measures", path.name, tuple(good), tuple(bad), tuple(notes))
