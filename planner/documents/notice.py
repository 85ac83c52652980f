"""培训通知: the training notice, laid out as GB/T 9704-2012 sets an official document.

The organiser edits the text in the app (``Programme.notice``; empty: ``DEFAULT_NOTICE``).
Fields in braces — ``{培训班}``, ``{日期}``, ``{日程}`` … (``FIELDS``) — are filled from the
plan when it is printed. A field alone on its line that holds several lines (the
programme by day, the contacts) becomes one paragraph per line.

The filled text is read the way such a notice is written: the first lines up to a blank
line are the title; a short line ending in "：" after it is the addressee (主送机关);
"一、" starts a first-level heading (黑体), "（一）" a second-level one (楷体) when short;
a last block of up to three short lines ending with a date is the signature (发文机关署名
and 成文日期, set to the right); every other line is a paragraph indented by two characters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from planner.documents import WEEKDAYS, Documents, chinese_ordinal, date_label

DEFAULT_NOTICE = """关于举办{培训班}的通知

各有关单位：
经研究，决定举办{培训班}。现将有关事项通知如下：
一、培训时间
{日期}，共{天数}天。
二、参训对象
参训学员共{学员人数}人，分{组数}个组开展现场教学，分组名单另发。
三、报到集合
请于{集合时间}到{集合地点}报到集合，逾时请与联络员联系。
四、日程安排
{日程}
五、有关要求
（一）请携带身份证、笔记本等学习用品和必要的生活用品，着装整洁，注意安全。
（二）严格遵守培训纪律和廉洁自律各项规定，服从统一安排，不得无故缺席；确有特殊情况，须书面请假。
（三）考察结束后一周内，每位学员提交学习体会一篇（不少于2000字），报送本组联络员。
六、联系方式
{联系人}

{主办单位}
{成文日期}
"""

# Each field: (what it holds, in Chinese; in English). Declared once: the app's editor lists them.
FIELDS: dict[str, tuple[str, str]] = {
    "培训班": ("培训班名称", "the programme's title"),
    "主办单位": ("主办单位", "the organiser"),
    "日期": ("起止日期，如 2025年2月23日至28日", "the dates, e.g. 2025年2月23日至28日"),
    "开始日期": ("开始日期", "the first day"),
    "结束日期": ("结束日期", "the last day"),
    "天数": ("天数", "the number of days"),
    "学员人数": ("学员人数（不含带队领导、联络员）", "participants, leaders and liaisons not counted"),
    "总人数": ("全部人数", "everybody in the delegation"),
    "组数": ("组数", "the number of groups"),
    "分组线路": ("各组线路，每组一行", "each group's route, a line each"),
    "教学主题": ("教学主题", "the teaching themes"),
    "日程": ("日程简表，每天一行", "the programme in brief, a line a day"),
    "集合时间": ("报到集合的时间：出发时间（或第一项活动的时间）", "when to gather: the departure (or the first event)"),
    "集合地点": ("报到集合地点：集合出发地点（或第一项活动的地点）", "where to gather: the origin (or the first event's site)"),
    "联系人": ("各组联络员及电话，每人一行", "each group's liaisons and their phones, a line each"),
    "成文日期": ("成文日期（导出当天）", "the date of issue (the day it is printed)"),
}
_FIELD = re.compile(r"\{([^{}\n]{1,20})\}")
HEADING1 = re.compile(r"^[一二三四五六七八九十]+、")
HEADING2 = re.compile(r"^（[一二三四五六七八九十]+）")
DATE_LINE = re.compile(r"(\d{4}|[〇○零一二三四五六七八九]{4})\s*年.{1,3}月.{1,3}日\s*$")
INDENT = re.compile(r"^[\s\u3000]+")

# Block kinds, as the layouts (HTML, Word) set them.
TITLE, ADDRESSEE, HEADING, SUBHEADING, PARAGRAPH, SIGNATURE = (
    "title", "addressee", "heading", "subheading", "paragraph", "signature")


@dataclass(frozen=True)
class Block:
    kind: str
    text: str
    lead: str = ""  # a second-level heading's own words, set in 楷体 before the text


@dataclass(frozen=True)
class Notice:
    title: str  # the programme's, for the page's title
    blocks: tuple[Block, ...]
    unknown: tuple[str, ...]  # fields in braces that are no field: printed as typed

    def of(self, kind: str) -> list[Block]:
        return [b for b in self.blocks if b.kind == kind]

    def text(self) -> str:
        return "\n".join(b.lead + b.text for b in self.blocks)


def cn_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def date_range(start: date, end: date) -> str:
    """'2025年2月23日至28日', '2025年2月27日至3月3日', '2025年12月30日至2026年1月2日'."""
    if start == end:
        return cn_date(start)
    if start.year != end.year:
        return f"{cn_date(start)}至{cn_date(end)}"
    if start.month != end.month:
        return f"{cn_date(start)}至{end.month}月{end.day}日"
    return f"{cn_date(start)}至{end.day}日"


def _clock(minutes: int) -> str:
    return f"{minutes // 60}:{minutes % 60:02d}"


def _place_label(plan, site) -> str:
    place = plan.place_of(site) if site else None
    where = (place.full_name or place.name) if place else ""
    extra = "，".join(x for x in (where, site.address) if x)
    return f"{site.name}（{extra}）" if extra else site.name


def _gathering(docs: Documents) -> tuple[str, str]:
    """(when, where) the delegation gathers: where each group leaves home from (its
    origin, or the programme's) when it leaves; without an origin, the first event of the
    first day (a plenary before any group's own session)."""
    plan = docs.plan
    programme = plan.programme
    leaving = []  # (day, time, group, site) of each group that leaves from an origin
    for group in plan.ordered_groups():
        site = plan.site(group.origin_site_id or programme.origin_site_id or 0)
        if site is None:
            continue
        day = group.departure_day or programme.departure_day or 1
        time = group.departure_time if group.departure_time is not None else programme.departure_time
        if time is None:
            day_plan = docs.timetable.day(group.id, day)
            time = day_plan.slots[0].start if day_plan is not None and day_plan.slots else programme.day_start
        leaving.append((day, time, group, site))
    if leaving:
        day, time = min((d, t) for d, t, _g, _s in leaving)
        sites: dict[int, list[str]] = {}
        for _d, _t, group, site in leaving:
            sites.setdefault(site.id, []).append(group.name)
        if len(sites) == 1:
            where = _place_label(plan, leaving[0][3])
        else:
            where = "；".join(f"{'、'.join(names)}到{_place_label(plan, plan.site(site_id))}"
                             for site_id, names in sites.items())
        date = plan.programme.date_of(day)
        return f"{cn_date(date)}（{WEEKDAYS[date.weekday()]}）{_clock(time)}前", where
    first = None
    for group in plan.ordered_groups():
        for day_plan in docs.timetable.of_group(group.id):
            for slot in day_plan.slots:
                if slot.kind in ("session", "plenary") and slot.site_id is not None:
                    key = (slot.day, slot.start, 0 if slot.kind == "plenary" else 1)
                    if first is None or key < first[0]:
                        first = (key, slot)
                    break
    if first is None:
        day = plan.programme.start_date
        return f"{cn_date(day)}（{WEEKDAYS[day.weekday()]}）", "（集合地点待定）"
    slot = first[1]
    day = plan.programme.date_of(slot.day)
    return f"{cn_date(day)}（{WEEKDAYS[day.weekday()]}）{_clock(slot.start)}前", _place_label(plan, plan.site(slot.site_id))


def _journeys(plan) -> tuple[dict[int, str], dict[int, str]]:
    """Per day, how the groups leave home and come back: ('由长沙市出发', '返回长沙市'),
    the groups named when they do not all travel alike."""
    programme = plan.programme
    out: dict[int, dict[str, list[str]]] = {}
    back: dict[int, dict[str, list[str]]] = {}
    groups = plan.ordered_groups()
    for group in groups:
        origin = plan.site(group.origin_site_id or programme.origin_site_id or 0)
        if origin is None:
            continue
        home = plan.place_of(origin)
        end = plan.site(group.return_site_id or programme.return_site_id or origin.id) or origin
        back_home = plan.place_of(end)
        day = group.departure_day or programme.departure_day or 1
        last = group.return_day or programme.return_day or programme.days
        out.setdefault(day, {}).setdefault(home.name if home else origin.name, []).append(group.name)
        back.setdefault(last, {}).setdefault(back_home.name if back_home else end.name, []).append(group.name)

    def said(by_day, verb) -> dict[int, str]:
        found = {}
        for day, places in by_day.items():
            if len(places) == 1 and len(next(iter(places.values()))) == len(groups):
                found[day] = verb(next(iter(places)))
            else:
                found[day] = "，".join(f"{'、'.join(names)}{verb(place)}" for place, names in places.items())
        return found

    return said(out, lambda place: f"由{place}出发"), said(back, lambda place: f"返回{place}")


def _programme_lines(docs: Documents) -> list[str]:
    """A line a day: leaving home, the plenaries, where each group goes, coming back."""
    plan = docs.plan
    leave, come_back = _journeys(plan)
    lines = []
    for day in range(1, plan.programme.days + 1):
        parts = [leave[day]] if day in leave else []
        parts += [p.title for p in sorted((p for p in plan.plenaries if p.day == day),
                                          key=lambda p: (p.start if p.start is not None else -1, p.id))]
        for group in plan.ordered_groups():
            places = []
            for session in plan.sessions_of(group.id, day):
                site = plan.site(session.site_id)
                place = plan.place_of(site) if site else None
                if place is not None and place.name not in places:
                    places.append(place.name)
            if places:
                parts.append(f"{group.name}赴{'、'.join(places)}现场教学")
        if day in come_back:
            parts.append(come_back[day])
        if parts:
            lines.append(f"{date_label(plan.programme.date_of(day))}：{'；'.join(parts)}。")
    return lines or ["（日程待定）"]


def _contacts(docs: Documents) -> list[str]:
    plan = docs.plan
    lines = []
    for group in plan.ordered_groups():
        for person in sorted(plan.participants, key=lambda p: p.id):
            if person.group_id == group.id and person.role == "liaison":
                phone = f"，电话：{person.phone}" if person.phone else ""
                lines.append(f"{group.name}联络员：{person.name}{phone}")
    return lines or ["（联系人待定）"]


def field_values(docs: Documents, today: date | None = None) -> dict[str, str | list[str]]:
    """Every field's value for this plan; lists are several lines."""
    plan = docs.plan
    programme = plan.programme
    when, where = _gathering(docs)
    members = sum(1 for p in plan.participants if p.role == "member")
    return {
        "培训班": programme.title,
        "主办单位": programme.organiser or "（主办单位）",
        "日期": date_range(programme.start_date, programme.end_date),
        "开始日期": cn_date(programme.start_date),
        "结束日期": cn_date(programme.end_date),
        "天数": str(programme.days),
        "学员人数": str(members),
        "总人数": str(len(plan.participants)),
        "组数": chinese_ordinal(len(plan.groups)) if 0 < len(plan.groups) <= 10 else str(len(plan.groups)),
        "分组线路": [f"{g.name}：{' → '.join(p.name for p in plan.route_places(g.id))}"
                     for g in plan.ordered_groups()] or ["（分组待定）"],
        "教学主题": "、".join(programme.themes),
        "日程": _programme_lines(docs),
        "集合时间": when,
        "集合地点": where,
        "联系人": _contacts(docs),
        "成文日期": cn_date(today or date.today()),
    }


def fill(text: str, values: dict) -> tuple[str, tuple[str, ...]]:
    """``text`` with its fields filled; (text, fields not known). A field alone on its
    line gives all its lines; inside a line, several lines are joined by "；"."""
    unknown: list[str] = []
    out = []
    for line in text.split("\n"):
        alone = _FIELD.fullmatch(INDENT.sub("", line).strip())
        if alone and isinstance(values.get(alone[1]), list):
            out += values[alone[1]]
            continue

        def one(match):
            value = values.get(match[1])
            if value is None:
                if match[1] not in unknown:
                    unknown.append(match[1])
                return match[0]
            return "；".join(value) if isinstance(value, list) else value

        out.append(_FIELD.sub(one, line))
    return "\n".join(out), tuple(unknown)


def layout(text: str) -> list[Block]:
    """The filled text as blocks (see the module's docstring)."""
    lines = [INDENT.sub("", line).rstrip() for line in text.strip("\n").split("\n")]
    blocks: list[Block] = []
    at = 0
    while at < len(lines) and not lines[at]:
        at += 1
    title_lines = []
    while at < len(lines) and lines[at] and len(title_lines) < 3 and (
            not title_lines or not lines[at].endswith(("：", ":", "。")) and len(lines[at]) <= 40):
        title_lines.append(lines[at])
        at += 1
    if title_lines:
        blocks.append(Block(TITLE, "\n".join(title_lines)))
    rest = [line for line in lines[at:]]
    # the signature: the last block after a blank line, ending with a date
    signature: list[str] = []
    if "" in rest:
        last_blank = len(rest) - 1 - rest[::-1].index("")
        tail = [line for line in rest[last_blank + 1:] if line]
        if 1 <= len(tail) <= 3 and all(len(t) <= 30 for t in tail) and DATE_LINE.search(tail[-1]):
            signature, rest = tail, rest[:last_blank]
    body = [line for line in rest if line]
    if body and body[0].endswith(("：", ":")) and len(body[0]) <= 60 and not HEADING1.match(body[0]):
        blocks.append(Block(ADDRESSEE, body.pop(0)))
    blocks += body_blocks(body)
    blocks += [Block(SIGNATURE, line) for line in signature]
    return blocks


def body_blocks(lines) -> list[Block]:
    """Paragraphs of running text: "一、" headings in 黑体, "（一）" ones in 楷体, the rest
    paragraphs (the notice's body, a reflection's text)."""
    blocks = []
    for line in lines:
        line = INDENT.sub("", line).rstrip()
        if not line:
            continue
        if HEADING1.match(line) and len(line) <= 30 and not line.endswith("。"):
            blocks.append(Block(HEADING, line))
        elif (match := HEADING2.match(line)) is not None:
            heading, text = line[:match.end()], line[match.end():]
            head_end = re.search(r"[。：:]", text)
            if head_end is not None and head_end.start() <= 20 and text[head_end.end():]:
                # '（一）报到要求。请于…': the heading's words in 楷体, then the text
                blocks.append(Block(PARAGRAPH, text[head_end.end():], lead=heading + text[:head_end.end()]))
            elif len(line) <= 30 and not line.endswith("。"):
                blocks.append(Block(SUBHEADING, line))
            else:
                blocks.append(Block(PARAGRAPH, line))
        else:
            blocks.append(Block(PARAGRAPH, line))
    return blocks


def notice_text(docs: Documents) -> str:
    """The notice's text as the organiser keeps it (the default when none)."""
    return docs.plan.programme.notice or DEFAULT_NOTICE


def notice(docs: Documents, today: date | None = None, text: str | None = None) -> Notice:
    """The notice of the plan (or of ``text``, the editor's draft), filled and laid out."""
    filled, unknown = fill(text if text is not None else notice_text(docs), field_values(docs, today))
    return Notice(docs.title, tuple(layout(filled)), unknown)
