"""The training-fee standards (resources/budget/standards.json) and the figures a plan is
held to: the shipped standard it names (``programme.fee_standard``), with the organiser's
own figures (``plan.fee_caps``) in place of the shipped ones.

Every figure carries its status (已核实, 待核实, or 方案自定 for the organiser's own) and
where it comes from, so the app and the printed budget can say how far to trust it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from functools import cache

from planner.budget.labels import CAPPED_ITEMS, CONFIRMED, OWN, UNCONFIRMED
from planner.model import LECTURER_LEVELS, Plan
from planner.resources import resource_path

STANDARDS_FILE = ("budget", "standards.json")


@dataclass(frozen=True)
class Figure:
    amount: float
    status: str  # labels.CONFIRMED, UNCONFIRMED or OWN
    source: str = ""


@dataclass(frozen=True)
class ClassRates:
    """One class of training: 元 per trainee-day for each item under the 综合定额."""

    training_class: int
    name: str  # 三类培训
    who: str  # 处级及以下人员
    rates: dict[str, Figure]  # by item of CAPPED_ITEMS

    @property
    def total(self) -> float:
        return round(sum(f.amount for f in self.rates.values()), 2)

    @property
    def status(self) -> str:
        """The weakest status of its figures (待核实 if any is)."""
        statuses = {f.status for f in self.rates.values()}
        return next((s for s in (UNCONFIRMED, OWN) if s in statuses), CONFIRMED)


@dataclass(frozen=True)
class Standard:
    id: str
    name: str
    name_en: str
    document: str  # 财行〔2016〕540号
    scope: str  # 中央, or a province
    full_rate_days: int  # days at the full rate
    beyond_rate: float  # the share of the rate for days beyond
    arrival_days: int  # 报到 days counted at most
    departure_days: int  # 撤离 days counted at most
    combined: bool  # arrival and departure together at most arrival_days (some provinces)
    hours_per_half_day: int  # 学时 counted at most per half-day
    rules_status: str
    rules_source: str
    classes: dict[int, ClassRates]
    lecturers: dict[str, Figure]  # 元 per 学时, by lecturer level

    @property
    def title(self) -> str:
        return f"{self.name}（{self.document}）" if self.document else self.name

    def day_factor(self, days: int) -> float:
        """Days at the full rate plus the days beyond at their share: 35 -> 30 + 5 × 0.7."""
        full = min(days, self.full_rate_days)
        return full + max(0, days - self.full_rate_days) * self.beyond_rate

    def counted_days(self, days: int, arrival: int, departure: int) -> int:
        """The programme's days as the standard counts them: 报到 and 撤离 days beyond
        their allowance left out."""
        if self.combined:
            excess = max(0, arrival + departure - self.arrival_days)
        else:
            excess = max(0, arrival - self.arrival_days) + max(0, departure - self.departure_days)
        return max(0, days - excess)


class StandardsError(Exception):
    """The shipped table of standards cannot be read (a broken install or a bad hand edit)."""


def _figure(value, status: str, source: str, where: str) -> Figure:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
        raise StandardsError(f"经费标准数据有误：{where} 应为非负数 / bad fee standard data: {where} must be a "
                             f"number ≥ 0 (got {value!r})")
    return Figure(float(value), status, source)


def _standard(entry: dict) -> Standard:
    where = entry.get("id", "?")
    try:
        classes = {}
        for key, data in entry["classes"].items():
            rates = {item: _figure(data[item], data["status"], data["source"], f"{where}.classes.{key}.{item}")
                     for item in CAPPED_ITEMS}
            classes[int(key)] = ClassRates(int(key), data["name"], data["who"], rates)
        lecturers = {level: _figure(entry["lecturers"][level], entry["lecturers"]["status"],
                                    entry["lecturers"]["source"], f"{where}.lecturers.{level}")
                     for level in LECTURER_LEVELS if level and level in entry["lecturers"]}
        return Standard(
            entry["id"], entry["name"], entry.get("name_en", ""), entry.get("document", ""), entry.get("scope", ""),
            int(entry["full_rate_days"]), float(entry["beyond_rate"]), int(entry["arrival_days"]),
            int(entry["departure_days"]), bool(entry.get("arrival_departure_combined", False)),
            int(entry["hours_per_half_day"]), entry.get("rules_status", ""), entry.get("rules_source", ""),
            classes, lecturers,
        )
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise StandardsError(f"经费标准数据有误（{where}：{error!r}）/ bad fee standard data ({where}: {error!r})") from None


@cache
def standards() -> dict[str, Standard]:
    """The shipped standards by id, in file order."""
    path = resource_path(*STANDARDS_FILE)
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
        entries = document["standards"]
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise StandardsError(f"无法读取经费标准「{path}」：{error} / cannot read the fee standards '{path}': {error}") from None
    return {entry.get("id"): _standard(entry) for entry in entries}


def plan_standard(plan: Plan) -> Standard | None:
    """The standard ``plan`` names, with the organiser's own figures in place; None when
    this installation does not have it."""
    standard = standards().get(plan.programme.fee_standard)
    if standard is None:
        return None
    classes = dict(standard.classes)
    lecturers = dict(standard.lecturers)
    for cap in plan.fee_caps:
        own = Figure(cap.amount, OWN, cap.note)
        if cap.training_class is None and cap.item in LECTURER_LEVELS:
            lecturers[cap.item] = own
        elif cap.training_class in classes and cap.item in CAPPED_ITEMS:
            rates = classes[cap.training_class]
            classes[cap.training_class] = replace(rates, rates={**rates.rates, cap.item: own})
    return replace(standard, classes=classes, lecturers=lecturers)
