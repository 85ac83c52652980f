"""Interface language: Chinese is the source language; English comes from a Qt
translation file (resources/translations/planner_en.qm), chosen by the setting or,
when it says "auto", by the system locale."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication

from planner.labels import ENUM_LABELS, JOURNEY_NAMES, TRAVEL_NAME, duration_text, label
from planner.resources import resource_path
from ui import settings as app_settings

_current = {"language": "zh"}
_keep: list[QTranslator] = []  # translators must outlive their installation


def choose_language(settings: QSettings | None = None) -> str:
    chosen = app_settings.LANGUAGE.get(settings)
    if chosen in ("zh", "en"):
        return chosen
    return language_for(QLocale.system())


def language_for(locale: QLocale) -> str:
    """Chinese first: English only when the system asks for another language by name
    (a bare C/POSIX locale, as on a freshly set-up office machine, is not a choice)."""
    if locale.language() in (QLocale.Language.Chinese, QLocale.Language.C, QLocale.Language.AnyLanguage):
        return "zh"
    return "en"


def install_translator(app: QApplication, language: str) -> str:
    """Load the translation for ``language``; returns what is in use. The interface is
    written in Chinese, so "zh" only needs Qt's own texts translated."""
    for translator in _keep:
        app.removeTranslator(translator)
    _keep.clear()
    if language == "zh":  # Qt's own words (OK, Cancel, the print dialogs) in Chinese too
        translator = QTranslator()
        if translator.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(translator)
            _keep.append(translator)
    if language == "en":
        translator = QTranslator()
        if translator.load(str(resource_path("translations", "planner_en.qm"))):
            app.installTranslator(translator)
            _keep.append(translator)
        else:
            language = "zh"
    _current["language"] = language
    return language


def is_english() -> bool:
    return _current["language"] == "en"


# Words shared by several views. Written as translate("Plan", …) so lupdate finds them.
translate = QCoreApplication.translate


def mode_name(mode: str | None) -> str:
    """A travel mode as the organiser says it: 大巴, 高铁… (the names in planner.labels)."""
    if mode not in ENUM_LABELS["leg_mode"]:
        return TRAVEL_NAME[is_english()]
    return label("leg_mode", mode, is_english())


def travel_name(mode: str | None, minutes: int) -> str:
    """A leg as schedules print it: 大巴 约 2 小时 37 分 / Bus about 2 h 37 min."""
    return translate("Plan", "{mode} 约 {duration}").format(
        mode=mode_name(mode), duration=duration_text(minutes, is_english()))


def journey_name(journey: str) -> str:
    """出发 (the journey out) or 返程 (back), '' for any other leg."""
    names = JOURNEY_NAMES.get(journey)
    return names[is_english()] if names else ""


def day_name(day: int, date) -> str:
    """第3天（2月19日） / Day 3 (19 Feb)."""
    return translate("Plan", "第{day}天（{month}月{date}日）").format(
        day=day, month=date.month, date=date.day, month_name=date.strftime("%b"))


def short_day_name(day: int, date) -> str:
    """2月19日 第3天 / 19 Feb, day 3 (row labels of the whole-trip timeline)."""
    return translate("Plan", "{month}月{date}日 第{day}天").format(
        day=day, month=date.month, date=date.day, month_name=date.strftime("%b"))
