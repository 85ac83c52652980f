"""What a check says about the plan: a finding, its severity, and what it is about.

Its own module so that checks kept beside their subject (the budget's, the seats')
can make findings without importing ``planner.checks``, which runs them all.
"""

from __future__ import annotations

from dataclasses import dataclass

from planner.model import format_clock

ERROR, WARNING, INFO = "error", "warning", "info"
SEVERITIES = (ERROR, WARNING, INFO)
SEVERITY_NAMES = {ERROR: ("错误", "Errors"), WARNING: ("警告", "Warnings"), INFO: ("提示", "Notes")}


@dataclass(frozen=True)
class Finding:
    severity: str
    code: str  # stable name of the check, e.g. "late-arrival"
    message_zh: str
    message_en: str
    refs: tuple[tuple[str, int], ...] = ()
    group_id: int | None = None
    day: int | None = None
    slot: tuple[str, int] | None = None  # (kind, start) of the lunch or leg it is about

    @property
    def marks_a_time(self) -> bool:
        """Does it say that a printed time is wrong (so that print-outs mark it)?"""
        return self.severity != INFO and self.day is not None and (self.slot is not None or any(
            kind in ("sessions", "plenaries") for kind, _ in self.refs))

    def to_json(self) -> dict:
        return {
            "severity": self.severity,
            "code": self.code,
            "message_zh": self.message_zh,
            "message_en": self.message_en,
            "refs": [{"kind": kind, "id": item_id} for kind, item_id in self.refs],
            "group_id": self.group_id,
            "day": self.day,
            "slot": {"kind": self.slot[0], "start": format_clock(self.slot[1])} if self.slot else None,
        }
