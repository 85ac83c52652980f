"""对标手册: the benchmarking handbook, per group a page per place on its route — the
place's figures beside the home place's, the group's sites there with their themes and
the questions to ask, and where the figures come from.

Figures come from ``plan.indicators`` (``planner.material.indicators``); questions from
each site's ``questions`` (one a line).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from planner.documents import Documents, date_label
from planner.material.indicators import figures_of, home_of, indicator_order

_NUMBER = re.compile(r"^[+-]?\d+(?:\.\d+)?$")
NO_SOURCE = "未注明来源"


@dataclass(frozen=True)
class FigureRow:
    name: str
    unit: str
    value: str  # the place's ('—' when none)
    home_value: str
    compare: str  # '3.2倍', '高2.1个百分点', or ''

    @property
    def numeric(self) -> bool:
        """Figures (set right, by the decimal point) rather than words (centred)."""
        return all(_number(v.partition("（")[0]) is not None for v in (self.value, self.home_value) if v != "—")


@dataclass(frozen=True)
class SiteBrief:
    name: str
    when: str  # '2月24日 9:00—10:30'
    themes: str
    questions: tuple[str, ...]


@dataclass(frozen=True)
class HandbookPage:
    group: str
    place: str
    full_name: str
    home: str
    value_heading: str  # '义乌市（2023年）'
    home_heading: str
    figures: tuple[FigureRow, ...]
    sites: tuple[SiteBrief, ...]
    sources: tuple[str, ...]


def _number(text: str) -> float | None:
    text = text.replace(",", "").replace("，", "").strip()
    return float(text) if _NUMBER.match(text) else None


def compare(value: str, home: str, unit: str) -> str:
    """How the place's figure stands to the home place's: a ratio, or for a share (%)
    the difference in percentage points."""
    a, b = _number(value), _number(home)
    if a is None or b is None:
        return ""
    if "%" in unit or "％" in unit:
        diff = a - b
        if abs(diff) < 0.05:
            return "持平"
        return f"{'高' if diff > 0 else '低'}{abs(diff):.1f}个百分点"
    if b <= 0 or a < 0:
        return ""
    return f"{a / b:.1f}倍"


def _heading(name: str, figures) -> str:
    years = {f.year for f in figures if f.year is not None}
    return f"{name}（{years.pop()}年）" if len(years) == 1 else name


def _shown(indicator, years_in_heading: bool) -> str:
    if indicator is None or not indicator.value:
        return "—"
    if indicator.year is not None and not years_in_heading:
        return f"{indicator.value}（{indicator.year}年）"
    return indicator.value


def handbook(docs: Documents, group_id: int | None = None) -> list[HandbookPage]:
    plan = docs.plan
    order = indicator_order(plan)
    pages = []
    for group in plan.ordered_groups():
        if group_id is not None and group.id != group_id:
            continue
        home_place, home = home_of(plan, group.id)  # a group may leave from its own home
        home_figures = figures_of(plan, home_place, home)
        itinerary = docs.group_itinerary(group.id)
        for place in plan.route_places(group.id):
            if place.id == home_place:
                continue  # home is compared with, not visited
            figures = figures_of(plan, place.id)
            value_heading, home_heading = _heading(place.name, figures.values()), _heading(home or "本地", home_figures.values())
            rows = []
            for name, unit in order:
                mine, theirs = figures.get(name), home_figures.get(name)
                if mine is None and theirs is None:
                    continue
                unit = (mine or theirs).unit
                value = _shown(mine, value_heading != place.name)
                home_value = _shown(theirs, home_heading != (home or "本地"))
                rows.append(FigureRow(name, unit, value, home_value,
                                      compare(mine.value if mine else "", theirs.value if theirs else "", unit)))
            sites, seen = [], {}
            for day in itinerary.days:
                for row in day.sessions:
                    session = plan.get("sessions", row.item_id)
                    site = plan.site(session.site_id)
                    if site is None or site.place_id != place.id:
                        continue
                    when = f"{date_label(day.date).partition('（')[0]} {row.time}"
                    themes = [t for t in (session.theme, *site.themes) if t]
                    if site.id in seen:  # visited twice: both times, one entry
                        at = seen[site.id]
                        sites[at] = SiteBrief(sites[at].name, f"{sites[at].when}；{when}", sites[at].themes,
                                              sites[at].questions)
                        continue
                    seen[site.id] = len(sites)
                    questions = tuple(q.strip() for q in site.questions.splitlines() if q.strip())
                    sites.append(SiteBrief(site.name, when, "、".join(dict.fromkeys(themes)), questions))
            used = [*figures.values(), *(home_figures[r.name] for r in rows if r.name in home_figures)]
            sources = list(dict.fromkeys(i.source for i in used if i.source))
            if any(not i.source for i in used):
                sources.append(NO_SOURCE)
            pages.append(HandbookPage(group.name, place.name, place.full_name or place.name, home or "本地",
                                      value_heading, home_heading, tuple(rows), tuple(sites), tuple(sources)))
    return pages
