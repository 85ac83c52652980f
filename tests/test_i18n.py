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
    assert window.status.text() == "No problems found"
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


def _symbols(text: str) -> list[str]:
    """Emoji and symbols a CJK font often lacks (they show as an empty box)."""
    return [c for c in text if 0x2600 <= ord(c) <= 0x27BF or 0x2B00 <= ord(c) <= 0x2BFF or ord(c) >= 0x1F000]


def test_the_interface_writes_no_emoji_or_symbol_a_font_may_lack():
    import tokenize

    found = []
    for path in sorted((ROOT / "ui").rglob("*.py")):
        with open(path, "rb") as source:
            found += [(path.name, token.start[0], token.string) for token in tokenize.tokenize(source.readline)
                      if token.type == tokenize.STRING and _symbols(token.string)]
    assert not found


def test_a_pinned_session_has_an_icon_in_the_outline(qtbot, tmp_path, sample_path):
    from planner.edits import Update
    from tests.gui import make_window
    from ui.outline import IdRole, KindRole

    window = make_window(qtbot, PlanFile.open(sample_path), tmp_path)
    session = window.document.plan.sessions[0]
    window.document.edit(Update("sessions", session.id, {"pinned": True}), "固定")
    model = window.outline.model()

    def rows(parent):
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            yield index
            yield from rows(index)

    shown = [i for i in rows(model.index(-1, -1)) if i.data(KindRole) == "sessions" and i.data(IdRole) == session.id]
    assert shown and all(not _symbols(i.data()) for i in shown)
    assert not model.itemFromIndex(shown[0]).icon().isNull() and shown[0].data(Qt.ItemDataRole.ToolTipRole) == "已固定时间"
    other = next(i for i in rows(model.index(-1, -1)) if i.data(KindRole) == "sessions" and i.data(IdRole) != session.id)
    assert model.itemFromIndex(other).icon().isNull()
