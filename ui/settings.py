"""The app's settings, each declared once with its type and default (QSettings-backed)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSettings


@dataclass(frozen=True)
class Setting:
    key: str
    type: type
    default: object
    title: str  # for a settings dialog

    def get(self, settings: QSettings | None = None):
        settings = settings or QSettings()
        value = settings.value(self.key, self.default)
        if self.type is bool:  # an ini file gives "true"/"false" back as text
            return value in (True, 1, "true", "1")
        if self.type is list:
            return [str(v) for v in (value or [])] if not isinstance(value, str) else [value]
        return self.type(value) if value is not None else self.default

    def set(self, value, settings: QSettings | None = None) -> None:
        (settings or QSettings()).setValue(self.key, value)


LANGUAGE = Setting("ui/language", str, "auto", "界面语言（auto 跟随系统）")
LAST_PLAN = Setting("files/last_plan", str, "", "上次打开的方案")
RECENT_FILES = Setting("files/recent", list, [], "最近打开的方案")
WINDOW_GEOMETRY = Setting("window/geometry", bytes, b"", "窗口位置和大小")
WINDOW_STATE = Setting("window/state", bytes, b"", "停靠窗口布局")
GUIDE_CLOSED = Setting("window/guide_closed", bool, False, "入门指引已关闭")

MAX_RECENT = 8


def remember_recent(path: str, settings: QSettings | None = None) -> list[str]:
    """Put ``path`` first in the recent files; returns the new list."""
    recent = [p for p in RECENT_FILES.get(settings) if p != path]
    recent = [path, *recent][:MAX_RECENT]
    RECENT_FILES.set(recent, settings)
    LAST_PLAN.set(path, settings)
    return recent
