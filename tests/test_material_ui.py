"""The material in the app, through real widgets: the notice's text with its fields, the
indicators, reflections and measures imports previewed before anything is written, the
measures and indicators tables, questions to ask as a site's property, and the print
dialog offering the new documents — every change one undo step."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QToolButton
from docx import Document
from openpyxl import Workbook

from planner.documents.html import DOCUMENT_NAMES
from planner.documents.notice import DEFAULT_NOTICE
from planner.store import PlanFile
from tests.gui import make_window, type_chinese
from ui.material.dialogs import ImportPreviewDialog, NoticeDialog


def test_notice_dialog_edits_the_text_and_shows_it_filled(qtbot, tmp_path, sample_path, boxes):
    window = make_window(qtbot, PlanFile.open(sample_path), tmp_path)
    seen = {}

    def run(dialog):
        seen["dialog"] = dialog
        assert dialog.text() == DEFAULT_NOTICE
        assert window.document.plan.programme.title in dialog.preview.toPlainText()
        dialog.fields.setCurrentRow(0)
        dialog.editor.setPlainText("关于{培训班}的通知\n\n各单位：\n请于{集合时间}报到。{未知}")
        assert "{未知}" in dialog.unknown.text() and dialog.unknown.isVisibleTo(dialog)
        leaves = window.document.plan.programme.departure_time  # when the groups leave 长沙
        assert f"{leaves // 60}:{leaves % 60:02d}前报到" in dialog.preview.toPlainText()
        dialog.editor.moveCursor(dialog.editor.textCursor().MoveOperation.End)
        item = next(dialog.fields.item(i) for i in range(dialog.fields.count())
                    if dialog.fields.item(i).data(Qt.ItemDataRole.UserRole) == "主办单位")
        dialog.fields.itemDoubleClicked.emit(item)  # inserted where the cursor is
        return True

    window.run_dialog = run
    window.material_actions.notice_action.trigger()
    text = window.document.plan.programme.notice
    assert text.startswith("关于{培训班}的通知") and text.endswith("{主办单位}")
    assert window.document.plan_file.load().programme.notice == text
    window.document.undo_stack.undo()
    assert window.document.plan.programme.notice == ""
    assert isinstance(seen["dialog"], NoticeDialog)


def test_measures_table_adds_a_row_from_the_selected_site_and_edits_it(qtbot, tmp_path, sample_path):
    window = make_window(qtbot, PlanFile.open(sample_path), tmp_path)
    document = window.document
    site = next(s for s in document.plan.sites if s.name == "李祖村")
    document.select("sites", [site.id])
    table = window.tables["measures"]
    window.tabs.setCurrentWidget(table)
    add = next(b for b in table.findChildren(QToolButton) if b.defaultAction() is table.add_action)
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    measure = document.plan.measures[0]
    assert measure.site_id == site.id and table.model.rowCount() == 1
    assert document.selection.kind == "measures" and document.selection.ids == (measure.id,)
    status = next(i for i, f in enumerate(table.model.columns) if f.name == "status")
    assert table.model.setData(table.model.index(0, status), "已完成")
    assert document.plan.measures[0].status == "done"
    text = next(i for i, f in enumerate(table.model.columns) if f.name == "text")
    assert not table.model.setData(table.model.index(0, text), "  ")  # a measure cannot be empty
    assert document.plan.measures[0].text != ""
    window.tables["measures"].view.selectRow(0)
    table.delete_selected()
    assert document.plan.measures == ()
    document.undo_stack.undo()
    assert len(document.plan_file.load().measures) == 1


def test_questions_to_ask_are_a_sites_property(qtbot, tmp_path, sample_path):
    window = make_window(qtbot, PlanFile.open(sample_path), tmp_path)
    document = window.document
    site = document.plan.sites[4]
    document.select("sites", [site.id])
    editor = window.properties.editors["questions"]
    type_chinese(editor, "市场采购贸易怎样起步？")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # a new line, not a commit
    type_chinese(editor, "如何带动本地就业？")
    assert document.plan.site(site.id).questions == ""
    QApplication.sendEvent(editor, QFocusEvent(QEvent.Type.FocusOut))  # leaving the box commits it
    assert document.plan.site(site.id).questions == "市场采购贸易怎样起步？\n如何带动本地就业？"
    assert document.plan_file.load().site(site.id).questions.count("\n") == 1


def test_indicators_import_asks_for_the_home_place_among_unknown_regions(qtbot, tmp_path, sample_path):
    window = make_window(qtbot, PlanFile.open(sample_path), tmp_path)
    book = Workbook()
    for row in (["地区", "地区生产总值（亿元）"], ["义乌市", 2000], ["某某县", 300], ["某县", 1]):
        book.active.append(row)
    path = tmp_path / "指标.xlsx"
    book.save(path)
    window.ask_path = lambda *args: (str(path), "")
    seen = {}

    def run(dialog):
        assert isinstance(dialog, ImportPreviewDialog)
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert dialog.home_row.isVisibleTo(dialog) and dialog.home.count() == 2
        assert not ok.isEnabled()  # two unknown regions: which is home?
        dialog.home.setCurrentIndex(dialog.home.findData("某某县"))
        dialog.home.activated.emit(dialog.home.currentIndex())
        assert "本地（对标对象）：某某县" in dialog.report.toPlainText()
        assert not ok.isEnabled() and dialog.skip_bad.isVisibleTo(dialog)  # 某县 still cannot be imported
        dialog.skip_bad.setChecked(True)
        seen["ok"] = ok.isEnabled()
        return True

    window.run_dialog = run
    window.material_actions.indicators_action.trigger()
    assert seen["ok"]
    figures = {(i.place_id, i.region): i.value for i in window.document.plan.indicators}
    yiwu = next(p for p in window.document.plan.places if p.name == "义乌市")
    assert figures == {(yiwu.id, ""): "2000", (None, "某某县"): "300"}
    assert window.tables["indicators"].model.rowCount() == 2


def test_reflections_import_lists_unmatched_files_and_writes_only_when_agreed(qtbot, tmp_path, sample_path):
    window = make_window(qtbot, PlanFile.open(sample_path), tmp_path)
    person = next(p for p in window.document.plan.participants if p.role == "member")
    folder = tmp_path / "体会"
    folder.mkdir()
    document = Document()
    for line in ("学习体会", f"{person.unit} {person.name}", "正文第一段。", "正文第二段。"):
        document.add_paragraph(line)
    document.save(folder / f"{person.name}.docx")
    (folder / "谁写的.txt").write_text("题目\n正文。", encoding="utf-8")
    window.material_actions.ask_folder = lambda *args: str(folder)
    answers = iter([False, True])

    def run(dialog):
        report = dialog.report.toPlainText()
        assert "谁写的.txt" in report and person.name in report
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert not ok.isEnabled()
        box = dialog.skip_bad
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
        assert ok.isEnabled()
        return next(answers)

    window.run_dialog = run
    window.material_actions.reflections_action.trigger()  # cancelled: nothing written
    assert window.document.plan.reflections == ()
    window.material_actions.reflections_action.trigger()
    reflection = window.document.plan.reflections[0]
    assert (reflection.participant_id, reflection.text) == (person.id, "正文第一段。\n正文第二段。")
    table = window.tables["reflections"]
    assert table.model.rowCount() == 1
    window.document.select("reflections", [reflection.id])
    assert window.properties.editors["text"].toPlainText() == "正文第一段。\n正文第二段。"


def test_a_folder_that_cannot_be_read_is_said_not_thrown(qtbot, tmp_path, sample_path, boxes, uncaught):
    window = make_window(qtbot, PlanFile.open(sample_path), tmp_path)
    window.material_actions.ask_folder = lambda *args: str(tmp_path / "没有这个文件夹")
    window.material_actions.reflections_action.trigger()
    assert boxes and "文件夹不存在" in boxes[0][1] and not uncaught


def test_print_dialog_offers_the_new_documents_and_says_the_body_font(qtbot, sample):
    from ui.printing.dialog import PrintDialog

    dialog = PrintDialog(sample)
    qtbot.addWidget(dialog)
    offered = [dialog.document.itemData(i) for i in range(dialog.document.count())]
    for name in ("notice", "signin", "signin-day", "namecards", "benchmark", "reflections", "measures"):
        assert name in offered and DOCUMENT_NAMES[name]
    dialog.document.setCurrentIndex(offered.index("notice"))
    assert dialog.font_note.isVisibleTo(dialog) and "Noto Serif SC" in dialog.font_note.text()
    dialog.document.setCurrentIndex(offered.index("signin"))
    assert not dialog.font_note.isVisibleTo(dialog)
