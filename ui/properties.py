"""The property editor: a form for the selected item (the first, if several are selected).

Fields are declared per kind in ``ui.columns.FIELDS``. Each field commits on its own —
line edits on editingFinished, combo boxes on activated, check boxes on click — as one
``document.attempt(set_fields(…))``, one undo step. Input that cannot be the field's value is
shown in red under the field, with the reason, and not committed. The form follows the
document: another selection shows another item; any change (an undo too) re-reads it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QFormLayout, QGridLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QScrollArea,
    QSpinBox, QStackedWidget, QVBoxLayout, QWidget,
)

from planner.edits import PlanEditError
from planner.labels import duration_text
from planner.model import format_clock
from planner.editing import choose_leg_option, set_fields
from planner.travel.describe import duration_en, duration_zh, part_line, ride
from planner.travel_legs import leg_estimate
from ui.columns import (
    BOOL, CLOCK, DAY, ENUM, ENUM_LABELS, FIELDS, INT, KIND_NAMES, LONG, REF, Field, InvalidInput, edit_label, item_name,
)
from ui.document import PlanDocument, Selection
from ui.i18n import is_english, mode_name

ERROR_STYLE = "color: #c62828;"
INVALID_EDITOR_STYLE = "border: 1px solid #c62828;"


class LongTextEdit(QPlainTextEdit):
    """Text of several lines, committed (like a line edit) when the focus leaves it."""

    editingFinished = Signal()

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self.editingFinished.emit()


class PropertyEditor(QWidget):
    def __init__(self, document: PlanDocument, english: bool = False, parent=None):
        super().__init__(parent)
        self.document = document
        self.english = english
        self.kind = ""
        self.item_id: int | None = None
        self.editors: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self._form_kind = ""
        self._bad: set[str] = set()  # fields showing input that was refused

        self.empty_label = QLabel(self.tr("选择一个条目以查看和编辑其属性"), self)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setEnabled(False)

        self.heading = QLabel(self)
        font = QFont(self.heading.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.form_host = QWidget(self)
        self.info = QLabel(self)  # computed, read-only: scheduled times, travel before…
        self.info.setWordWrap(True)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.info.setObjectName("computedLines")
        self.info.setStyleSheet("QLabel#computedLines { background: #f3f2ee; border-radius: 3px; padding: 4px 6px; }")
        self.options = QWidget(self)  # a leg's ways (coach, rail, flight), each a click away
        self.options.setObjectName("legOptions")
        self.options_grid = QGridLayout(self.options)
        self.options_grid.setContentsMargins(0, 0, 0, 0)
        self.options.hide()
        self.message = QLabel(self)  # a refused edit's reason, not tied to one field
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()

        page = QWidget(self)
        page_layout = QVBoxLayout(page)
        page_layout.addWidget(self.heading)
        # What the organiser came for first: a leg's ways, the computed lines (日程 14:30–16:00,
        # 此前行车…, 迟到); the fields to edit below them.
        page_layout.addWidget(self.options)
        page_layout.addWidget(self.info)
        page_layout.addWidget(self.message)
        page_layout.addWidget(self.form_host)
        page_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(page)

        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty_label)
        self.stack.addWidget(scroll)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        document.selectionChanged.connect(self._selection_changed)
        document.changed.connect(lambda _kinds: self.refresh())
        self._selection_changed(document.selection)

    # --- what is shown ------------------------------------------------------------------

    @property
    def item(self):
        if self.kind not in FIELDS or self.item_id is None:
            return None
        if self.kind == "programme":
            return self.document.plan.programme
        return self.document.plan.get(self.kind, self.item_id)

    def _selection_changed(self, selection: Selection) -> None:
        self.show_item(selection.kind, selection.first)

    def show_item(self, kind: str, item_id: int | None) -> None:
        changed = (kind, item_id) != (self.kind, self.item_id)
        self.kind, self.item_id = kind, item_id
        if changed:
            self.message.hide()
            for name in self.errors:
                self._set_error(name, "")
        self.refresh()

    def refresh(self) -> None:
        item = self.item
        if item is None:
            self.stack.setCurrentIndex(0)
            return
        if self._form_kind != self.kind:
            self._build_form(self.kind)
        plan = self.document.plan
        kind_zh, kind_en = KIND_NAMES.get(self.kind, (self.kind, self.kind))
        self.heading.setText(f"{kind_en if self._in_english() else self.tr(kind_zh)}：{item_name(plan, self.kind, item)}")
        for spec in FIELDS[self.kind]:
            if spec.name in self._bad:
                continue  # keep the organiser's bad input in view until it is fixed
            self._load(spec, getattr(item, spec.name))
        self.info.setText(self._info_text(item))
        self.info.setVisible(bool(self.info.text()))
        self._show_options(item if self.kind == "legs" else None)
        self.stack.setCurrentIndex(1)

    # --- the form -----------------------------------------------------------------------

    def _build_form(self, kind: str) -> None:
        old = self.form_host.layout()
        if old is not None:
            QWidget().setLayout(old)  # hand the old layout and its widgets to a throwaway parent
        self.editors, self.errors, self._bad = {}, {}, set()
        form = QFormLayout(self.form_host)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for spec in FIELDS[kind]:
            editor = self._make_editor(spec)
            error = QLabel(self.form_host)
            error.setStyleSheet(ERROR_STYLE)
            error.setWordWrap(True)
            error.hide()
            cell = QWidget(self.form_host)
            cell_layout = QVBoxLayout(cell)
            cell_layout.setContentsMargins(0, 0, 0, 0)
            cell_layout.setSpacing(2)
            cell_layout.addWidget(editor)
            cell_layout.addWidget(error)
            form.addRow(spec.title(self.english), cell)
            self.editors[spec.name], self.errors[spec.name] = editor, error
        self._form_kind = kind

    def _make_editor(self, spec: Field) -> QWidget:
        parent = self.form_host
        if not spec.editable:
            label = QLabel(parent)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            return label
        if spec.type == BOOL:
            box = QCheckBox(parent)
            box.clicked.connect(lambda checked, s=spec: self.commit(s, bool(checked)))
            return box
        if spec.type in (ENUM, REF, DAY):
            combo = QComboBox(parent)
            combo.setMaxVisibleItems(20)
            combo.activated.connect(lambda _row, s=spec, c=combo: self.commit(s, c.currentData()))
            return combo
        if spec.type == INT:
            spin = QSpinBox(parent)
            low = int(spec.minimum if spec.minimum is not None else 0)
            if spec.optional:  # one step below the minimum means "not set"
                low -= 1
                spin.setSpecialValueText(spec.empty_text(self.english) or "—")
            spin.setRange(low, int(spec.maximum if spec.maximum is not None else 1_000_000))
            spin.setAccelerated(True)
            spin.editingFinished.connect(lambda s=spec, w=spin: self._commit_spin(s, w))
            return spin
        if spec.type == LONG:
            text = LongTextEdit(parent)
            text.setTabChangesFocus(True)
            text.setMinimumHeight(self.fontMetrics().lineSpacing() * 6)
            text.editingFinished.connect(lambda s=spec, w=text: self._commit_long(s, w))
            return text
        line = QLineEdit(parent)
        if spec.type == CLOCK:
            line.setPlaceholderText("HH:MM")
            line.setMaximumWidth(self.fontMetrics().horizontalAdvance("00:00") * 3)
        line.editingFinished.connect(lambda s=spec, w=line: self._commit_line(s, w))
        return line

    def _load(self, spec: Field, value) -> None:
        editor = self.editors[spec.name]
        plan = self.document.plan
        editor.blockSignals(True)
        try:
            if isinstance(editor, QLabel):
                editor.setText(spec.display(value, plan, self.english))
            elif isinstance(editor, QCheckBox):
                editor.setChecked(bool(value))
            elif isinstance(editor, QComboBox):
                editor.clear()
                if spec.type == DAY:
                    for day in range(1, plan.programme.days + 1):
                        editor.addItem(spec.display(day, plan, self.english), day)
                else:
                    for label, choice in spec.choices(plan, self.english):
                        editor.addItem(label, choice)
                found = editor.findData(value)
                if found < 0:  # a value the choices do not offer: show it as it is
                    editor.addItem(spec.display(value, plan, self.english) or "—", value)
                    found = editor.count() - 1
                editor.setCurrentIndex(found)
            elif isinstance(editor, QSpinBox):
                editor.setValue(editor.minimum() if value is None else int(value))
            elif isinstance(editor, QPlainTextEdit):
                if editor.toPlainText() != (value or ""):
                    editor.setPlainText(value or "")
                editor.document().setModified(False)
            else:
                editor.setText(spec.edit_text(value))
                editor.setModified(False)
        finally:
            editor.blockSignals(False)

    # --- committing ---------------------------------------------------------------------

    def _commit_line(self, spec: Field, line: QLineEdit) -> None:
        if not line.isModified() and spec.name not in self._bad:
            return  # focus left without a change
        line.setModified(False)
        self.commit(spec, line.text())

    def _commit_long(self, spec: Field, text: QPlainTextEdit) -> None:
        if not text.document().isModified() and spec.name not in self._bad:
            return
        text.document().setModified(False)
        self.commit(spec, text.toPlainText())

    def _commit_spin(self, spec: Field, spin: QSpinBox) -> None:
        value = None if spec.optional and spin.value() == spin.minimum() else spin.value()
        self.commit(spec, value)

    def commit(self, spec: Field, raw) -> bool:
        """Parse ``raw`` for ``spec`` and write it to the shown item as one undo step.
        Returns True if the item now has that value."""
        item = self.item
        if item is None:
            return False
        plan = self.document.plan
        try:
            value = spec.parse(raw, plan)
        except InvalidInput as error:
            self._set_error(spec.name, error.message if not self.english else error.message_en)
            return False
        self._set_error(spec.name, "")
        self.message.hide()
        if value == getattr(item, spec.name):
            self._load(spec, value)
            return True
        label = edit_label(plan, self.kind, item, spec)
        edit = set_fields(plan, self.kind, self.item_id, {spec.name: value})
        change, refusal = self.document.attempt(edit, label)
        if change is None:
            self._set_error(spec.name, refusal)
            self._load(spec, getattr(item, spec.name))
            return False
        return True

    def _set_error(self, name: str, text: str) -> None:
        label, editor = self.errors.get(name), self.editors.get(name)
        if label is None:
            return
        label.setText(text)
        label.setVisible(bool(text))
        if text:
            self._bad.add(name)
        else:
            self._bad.discard(name)
        if editor is not None and not isinstance(editor, (QLabel, QCheckBox)):
            editor.setStyleSheet(INVALID_EDITOR_STYLE if text else "")
            editor.setToolTip(text)

    # --- computed information -----------------------------------------------------------

    def _info_text(self, item) -> str:
        plan, timetable = self.document.plan, self.document.timetable
        if self.kind == "sessions":
            return self._session_info(item)
        if self.kind == "plenaries":
            lines = []
            for group in plan.ordered_groups():
                slot = timetable.slot_of("plenary", item.id, group.id)
                if slot is not None:
                    late = self.tr("，晚到 {0}").format(self._duration(slot.late_by)) if slot.late_by else ""
                    lines.append(f"{group.name}：{format_clock(slot.start)}–{format_clock(slot.end)}{late}")
            return "\n".join(lines)
        if self.kind == "sites":
            count = sum(1 for s in plan.sessions if s.site_id == item.id)
            return self.tr("在此安排的现场教学：{0} 场").format(count)
        if self.kind == "places":
            count = sum(1 for s in plan.sites if s.place_id == item.id)
            return self.tr("现场教学点：{0} 个").format(count)
        if self.kind == "groups":
            people = sum(1 for p in plan.participants if p.group_id == item.id)
            sessions = sum(1 for s in plan.sessions if s.group_id == item.id)
            return self.tr("学员 {0} 人，现场教学 {1} 场").format(people, sessions)
        return ""  # a leg's parts show with its options (``_show_options``)

    def _mode_name(self, mode: str) -> str:
        if self.english:
            return ENUM_LABELS["leg_mode"].get(mode, (mode, mode))[1]
        return mode_name(mode)

    def _duration(self, minutes: int) -> str:
        """Times on screen read as on paper: 2 小时 37 分 / 2 h 37 min."""
        return duration_text(minutes, self._in_english())

    def _in_english(self) -> bool:
        """Texts made in planner/ (parts, durations) come in both languages: pick one."""
        return self.english or is_english()

    def _leg_info(self, leg) -> str:
        """How the leg is timed, and its parts door to door (to the station, the train…)."""
        minutes = leg.effective_minutes
        lines = [self.tr("按此计时：{0}，约 {1}").format(self._mode_name(leg.effective_mode),
                                                    "?" if minutes is None else self._duration(minutes))]
        guess = leg_estimate(self.document.plan, leg)
        option = guess.option(leg.effective_mode) if guess is not None else None
        if option is not None and len(option.parts) > 1:
            plan = self.document.plan
            start, end = plan.site(leg.from_site_id), plan.site(leg.to_site_id)
            lines.append(self.tr("全程（门到门）："))
            lines += ["  " + part_line(p, self._in_english(), start.name if start else "", end.name if end else "")
                      for p in option.parts]
        return "\n".join(lines)

    def _leg_parts_label(self, leg) -> QLabel:
        label = QLabel(self._leg_info(leg), self.options)
        label.setObjectName("legParts")
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def _show_options(self, leg) -> None:
        """One row per way the leg can go, with a button that takes it (one undo step)."""
        while self.options_grid.count():
            widget = self.options_grid.takeAt(0).widget()
            if widget is not None:  # may be the button being clicked: gone once its click is done
                widget.setObjectName("")
                widget.hide()
                widget.deleteLater()
        if leg is None:
            self.options.hide()
            return
        self.options_grid.addWidget(self._leg_parts_label(leg), 0, 0, 1, 2)
        guess = leg_estimate(self.document.plan, leg)
        if guess is None or len(guess.options) < 2:
            self.options.show()
            return
        heading = QLabel(self.tr("可选方式（门到门）："), self.options)
        self.options_grid.addWidget(heading, 1, 0, 1, 2)
        for row, option in enumerate(guess.options, start=2):
            length = duration_en(option.minutes) if self._in_english() else duration_zh(option.minutes)
            main = ride(option.mode, option.parts)
            where = f" {main.start} → {main.end}" if main is not None else ""
            label = QLabel(f"{self._mode_name(option.mode)}{where}  {length}", self.options)
            label.setWordWrap(True)
            button = QPushButton(self.options)
            button.setObjectName(f"takeOption_{option.mode}")
            if option.mode == leg.effective_mode:
                button.setText(self.tr("当前"))
                button.setEnabled(False)
            else:
                button.setText(self.tr("改为{0}").format(self._mode_name(option.mode)))
                button.clicked.connect(lambda _checked=False, m=option.mode: self.take_option(m))
            self.options_grid.addWidget(label, row, 0)
            self.options_grid.addWidget(button, row, 1)
        self.options.show()

    def take_option(self, mode: str) -> bool:
        """The shown leg goes by ``mode`` from now on (``operations.choose_leg_option``)."""
        leg = self.item
        if self.kind != "legs" or leg is None:
            return False
        plan = self.document.plan
        try:
            edit = choose_leg_option(plan, leg.id, mode)
        except PlanEditError as error:
            self.message.setText(error.message_en if self._in_english() else error.message_zh)
            self.message.show()
            return False
        label = self.tr("「{0}」改为{1}").format(item_name(plan, "legs", leg), self._mode_name(mode))
        change, refusal = self.document.attempt(edit, label)
        if change is None:
            self.message.setText(refusal)
            self.message.show()
            return False
        return True

    def _session_info(self, session) -> str:
        plan = self.document.plan
        day_plan = self.document.timetable.day(session.group_id, session.day)
        slots = list(day_plan.slots) if day_plan else []
        at = next((i for i, s in enumerate(slots) if s.kind == "session" and s.item_id == session.id), None)
        if at is None:
            return self.tr("未排入日程")
        slot = slots[at]
        date = plan.programme.date_of(session.day)
        lines = [self.tr("日程：{0}月{1}日 {2}–{3}（{4}）").format(
            date.month, date.day, format_clock(slot.start), format_clock(slot.end), self._duration(slot.minutes))]
        if slot.late_by:
            lines.append(self.tr("固定时间赶不上：晚到 {0}").format(self._duration(slot.late_by)))
        before = None  # the travel that brought the group here (lunch may come between)
        for earlier in reversed(slots[:at]):
            if earlier.kind in ("session", "plenary"):
                break
            if earlier.kind == "travel":
                before = earlier
                break
        if before is not None:
            origin = plan.site(before.from_site_id) if before.from_site_id is not None else None
            mode = ENUM_LABELS["leg_mode"].get(before.mode, (before.mode, ""))[0]
            lines.append(self.tr("此前行车：{0}，约 {1}（{2}–{3}）").format(
                f"{origin.name if origin else '出发地'} → {plan.site(session.site_id).name}"
                + (f"，{mode}" if mode else ""),
                self._duration(before.minutes), format_clock(before.start), format_clock(before.end)))
        else:
            lines.append(self.tr("此前无行车"))
        return "\n".join(lines)
