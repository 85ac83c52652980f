"""The board's words: what each line of a cell says, in the interface language.

One place for them, so that what the board draws, what a screen reader reads and what
tests check are the same text.
"""

from __future__ import annotations

from datetime import date

from planner.board import BoardCell, BoardDay, BoardEntry
from planner.checks import ERROR
from planner.labels import duration_text
from planner.model import format_clock
from ui.i18n import is_english, journey_name, translate, travel_name
from ui.marks import severity_word


def weekday_name(day_date: date) -> str:
    names = (translate("Board", "星期一"), translate("Board", "星期二"), translate("Board", "星期三"),
             translate("Board", "星期四"), translate("Board", "星期五"), translate("Board", "星期六"),
             translate("Board", "星期日"))
    return names[day_date.weekday()]


def date_name(day_date: date) -> str:
    """2月23日 / 23 Feb."""
    return translate("Board", "{month}月{date}日").format(
        month=day_date.month, date=day_date.day, month_name=day_date.strftime("%b"))


def day_number(day: int) -> str:
    return translate("Board", "第{day}天").format(day=day)


def times(entry: BoardEntry) -> str:
    return f"{format_clock(entry.start)}–{format_clock(entry.end)}"


def entry_lines(entry: BoardEntry) -> tuple[str, str]:
    """(what it is, where) — the site's full name first for a session; the kind and
    title of a plenary and its venue; how a leg goes and from where to where."""
    if entry.kind == "session":
        return entry.site, ""
    if entry.kind == "plenary":
        title = entry.title or translate("Board", "全体活动")
        return translate("Board", "全体 · {title}").format(title=title), entry.site
    how = travel_name(entry.mode, entry.minutes)
    journey = journey_name(entry.journey)
    ends = [x for x in (entry.from_place or entry.from_site, entry.place or entry.site) if x]
    return (f"{journey} · {how}" if journey else how), " → ".join(ends)


def late_text(entry: BoardEntry) -> str:
    """迟到 on the item reached late; on the leg that makes it late, that it does."""
    if entry.late_by <= 0:
        return ""
    duration = duration_text(entry.late_by, is_english())
    if entry.kind == "travel":
        return translate("Board", "来不及：晚到 {duration}").format(duration=duration)
    return translate("Board", "迟到 {duration}").format(duration=duration)


def places_text(cell: BoardCell) -> str:
    return " · ".join(cell.places)


def travel_total(cell: BoardCell) -> str:
    if cell.travel_minutes <= 0:
        return ""
    return translate("Board", "车程约 {duration}").format(duration=duration_text(cell.travel_minutes, is_english()))


def lodging_text(cell: BoardCell) -> str:
    if cell.hotel:
        return translate("Board", "住宿：{hotel}").format(hotel=cell.hotel)
    if cell.needs_lodging:
        return translate("Board", "住宿：未安排")
    if cell.home:
        return translate("Board", "当天返回{place}").format(place=cell.home)
    return ""


def entry_text(entry: BoardEntry) -> str:
    """One line of the cell's text: times, what, where, lateness."""
    main, where = entry_lines(entry)
    text = f"{times(entry)} {main}"
    if where:
        text += translate("Board", "（{where}）").format(where=where)
    late = late_text(entry)
    return f"{text} {late}" if late else text


def cell_text(cell: BoardCell) -> str:
    """Everything the cell shows, line by line (the screen reader's and the tests' text)."""
    lines = [places_text(cell), *(entry_text(e) for e in cell.entries), travel_total(cell), lodging_text(cell)]
    return "\n".join(line for line in lines if line)


def findings_text(findings) -> str:
    """What the findings say, one per line, errors first."""
    english = is_english()
    ordered = sorted(findings, key=lambda f: f.severity != ERROR)
    return "\n".join(f"{severity_word(f.severity)}{f.message_en if english else f.message_zh}" for f in ordered)


def entry_tooltip(entry: BoardEntry, findings=()) -> str:
    """Details of one line: its title, times, a pinned time, what is wrong with it."""
    lines = [entry_text(entry)]
    if entry.kind == "session" and entry.title:
        lines.append(translate("Board", "标题：{title}").format(title=entry.title))
    if entry.place and entry.kind != "travel":
        lines.append(translate("Board", "县（市、区）：{place}").format(place=entry.place))
    if entry.pinned:
        lines.append(translate("Board", "已固定时间"))
    if entry.kind == "session":
        lines.append(translate("Board", "拖到另一格可移到别的日期或组，拖到本格内可调整顺序；双击编辑"))
    ref = {"session": "sessions", "plenary": "plenaries"}.get(entry.kind)
    own = [f for f in findings if ref and (ref, entry.item_id) in f.refs]
    if own:
        lines.append(findings_text(own))
    return "\n".join(lines)


def day_header_lines(day: BoardDay) -> tuple[str, str, str, list[str]]:
    """(date, weekday, day number, the shared events as 'time title')."""
    events = [f"{format_clock(p.start)} {p.title or translate('Board', '全体活动')}" for p in day.plenaries]
    return date_name(day.date), weekday_name(day.date), day_number(day.day), events


def day_header_text(day: BoardDay) -> str:
    date_text, weekday, number, events = day_header_lines(day)
    lines = [f"{date_text} {weekday}", number]
    if events:
        lines.append(translate("Board", "全体：{events}").format(events=translate("Board", "；").join(events)))
    return "\n".join(lines)
