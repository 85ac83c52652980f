"""English interface: every text has a translation and the window switches to it."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt

from planner.store import PlanFile
from ui.i18n import install_translator, language_for
from ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "planner_en.ts"
PLACEHOLDER = re.compile(r"\{\w*\}")


def messages(path: Path) -> list[tuple[str, str, ET.Element]]:
    tree = ET.parse(path)
    return [(context.findtext("name"), message.findtext("source"), message.find("translation"))
            for context in tree.getroot().findall("context") for message in context.findall("message")]


def test_every_text_is_translated_with_the_same_placeholders():
    found = messages(TS)
    assert len(found) > 150
    for context, source, translation in found:
        assert translation.text and translation.get("type") is None, (context, source)
        # str.format would fail on a name the Chinese text does not pass
        unknown = set(PLACEHOLDER.findall(translation.text)) - set(PLACEHOLDER.findall(source)) - {"{month_name}"}
        assert not unknown, (context, source, unknown)


def test_the_translation_file_knows_every_text_of_the_interface(tmp_path):
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "ui").rglob("*.py"))
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    subprocess.run([str(lupdate), *sources, "-ts", str(fresh)], check=True, capture_output=True)
    known = {(c, s) for c, s, _t in messages(TS)}
    missing = [(c, s) for c, s, _t in messages(fresh) if (c, s) not in known]
    assert not missing, f"run tools/update_translations.py: {missing[:5]}"
    assert TS.with_suffix(".qm").stat().st_size > 1000


def test_the_window_speaks_english(english, qtbot, tmp_path, sample_path):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(PlanFile.open(sample_path), settings)
    qtbot.addWidget(window)
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&File", "&Edit", "&Plan", "Par&ticipants", "&Material", "&View", "&Settings"]
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == [
        "Overview", "Timeline", "Places", "Sites", "Participants", "Indicators", "Reflections", "Measures"]
    assert window.status.text() == "Errors 0 · Warnings 0 · Notes 0" or window.status.text().startswith("Errors 0")
    assert window.timeline.day_box.itemText(0) == "Whole trip"
    assert window.timeline.day_box.itemText(1).startswith("Day 1 (")
    header = window.tables["sites"].model.headerData(0, Qt.Orientation.Horizontal)
    assert header == "Name"
    window.close()


def test_qt_s_own_buttons_speak_chinese(qapp):
    from PySide6.QtWidgets import QDialogButtonBox

    assert install_translator(qapp, "zh") == "zh"
    try:
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        texts = {box.button(b).text().replace("&", "") for b in (QDialogButtonBox.StandardButton.Ok,
                                                                  QDialogButtonBox.StandardButton.Cancel)}
        assert "取消" in texts
    finally:
        install_translator(qapp, "zh")


@pytest.mark.parametrize("name, language", [("zh_CN", "zh"), ("zh_TW", "zh"), ("C", "zh"), ("en_US", "en"),
                                            ("de_DE", "en")])
def test_chinese_unless_the_system_asks_for_another_language(name, language):
    from PySide6.QtCore import QLocale

    assert language_for(QLocale(name)) == language
