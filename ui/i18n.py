"""Interface language: Chinese is the source language; English comes from a Qt
translation file (resources/translations/planner_en.qm), chosen by the setting or,
when it says "auto", by the system locale."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication

from planner.resources import resource_path
from ui import settings as app_settings

_current = {"language": "zh"}
_keep: list[QTranslator] = []  # translators must outlive their installation


def choose_language(settings: QSettings | None = None) -> str:
    chosen = app_settings.LANGUAGE.get(settings)
    if chosen in ("zh", "en"):
        return chosen
    return "zh" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def install_translator(app: QApplication, language: str) -> str:
    """Load the translation for ``language`` ("zh" needs none); returns what is in use."""
    for translator in _keep:
        app.removeTranslator(translator)
    _keep.clear()
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
