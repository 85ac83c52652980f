"""The first-run guide: the five steps of a plan above the board, each a click away;
the sample says it is one; a new plan shows what comes next; closed, it stays closed."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from planner.model import Group, Plan, Programme
from planner.store import PlanFile
from ui import settings as app_settings
from ui.environment import SAMPLE_NAME
from ui.dialogs import AddPlaceDialog

from tests.gui import make_window


def new_plan(tmp_path):
    plan = Plan(Programme("新培训班", date(2026, 3, 1), 3), (Group(1, "第一组", "#d62728"),))
    return PlanFile.create(tmp_path / "新方案.stplan", plan)


def step_texts(guide) -> list[str]:
    return [b.text() for b in guide.steps]


def test_the_sample_opens_with_the_guide_saying_it_is_the_sample(qtbot, tmp_path, sample_path):
    copy = tmp_path / SAMPLE_NAME
    copy.write_bytes(sample_path.read_bytes())
    window = make_window(qtbot, PlanFile.open(copy), tmp_path)
    guide = window.guide
    assert guide.isVisible() and guide.geometry().bottom() < window.tabs.geometry().top() + 2  # above the board
    assert step_texts(guide) == ["1 添加县（市、区）", "2 添加教学点", "3 排日程", "4 导入学员名单", "5 打印与导出"]
    assert "示例方案" in guide.note.text() and "新建" in guide.note.toolTip()
    assert guide.height() <= 40  # one line: the board keeps its room


def test_a_new_plan_shows_the_next_step_and_each_step_opens_its_dialog(qtbot, tmp_path):
    window = make_window(qtbot, new_plan(tmp_path), tmp_path)
    guide = window.guide
    assert guide.isVisible() and guide.note.text() == ""
    assert [b.font().bold() for b in guide.steps] == [True, False, False, False, False]
    opened = []
    window.run_dialog = lambda dialog: opened.append(type(dialog).__name__) or False
    qtbot.mouseClick(guide.steps[0], Qt.MouseButton.LeftButton)
    assert opened == [AddPlaceDialog.__name__]
    window.ask_path = lambda mode, title, *_: opened.append(title) or ("", "")
    qtbot.mouseClick(guide.steps[3], Qt.MouseButton.LeftButton)  # 导入学员名单 asks for the file first
    assert opened[-1] == "选择学员名单"
    qtbot.mouseClick(guide.steps[4], Qt.MouseButton.LeftButton)
    assert opened[-1] == "PrintDialog"
    # a place added: step 1 ticked, step 2 next
    from planner.editing import add_place

    window.document.perform(add_place(window.document.plan, {"name": "义乌市", "lon": 120.07, "lat": 29.31}), "添加县")
    assert not guide.steps[0].icon().isNull() and guide.steps[1].font().bold()


def test_closed_the_guide_stays_closed_until_asked_for(qtbot, tmp_path):
    window = make_window(qtbot, new_plan(tmp_path), tmp_path)
    qtbot.mouseClick(window.guide.close_button, Qt.MouseButton.LeftButton)
    assert not window.guide.isVisible() and app_settings.GUIDE_CLOSED.get(window.settings) is True
    other = tmp_path / "other"
    other.mkdir()
    new_plan(other).close()
    assert window.open_path(str(other / "新方案.stplan"))  # another plan: still closed
    qtbot.waitUntil(window.tabs.isVisible)
    assert window.guide.isHidden()
    window.guide_action.trigger()  # 视图 → 入门指引
    qtbot.waitUntil(window.guide.isVisible)
    assert app_settings.GUIDE_CLOSED.get(window.settings) is False
