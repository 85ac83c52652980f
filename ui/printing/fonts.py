"""Which face the official documents' body is printed in: the system's 仿宋 when it has
one (print.css asks for it first), else the serif the app ships (Noto Serif SC) — said
aloud, since GB/T 9704-2012 asks for 仿宋 and no open 仿宋 is packaged."""

from __future__ import annotations

FANGSONG = ("FangSong_GB2312", "仿宋_GB2312", "FangSong", "仿宋", "STFangsong", "华文仿宋")
SHIPPED = "Noto Serif SC"


def body_font() -> tuple[str, bool]:
    """(the face's name, whether it is the system's 仿宋). Needs a QGuiApplication."""
    from PySide6.QtGui import QFontDatabase

    families = set(QFontDatabase.families())
    for name in FANGSONG:
        if name in families:
            return name, True
    return SHIPPED, False


def body_font_note() -> str:
    name, system = body_font()
    if system:
        return f"正文字体：{name}（本机字体）/ body font: {name} (installed on this computer)"
    return (f"正文字体：{name}（随程序提供；本机没有仿宋）/ body font: {name} (shipped with the app; "
            "no 仿宋 FangSong on this computer)")
