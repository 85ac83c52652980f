"""The first-run guide: a one-line bar above the board naming the five steps of a plan
(添加县 → 教学点 → 排日程 → 导入名单 → 打印), each a click away, the steps already done
ticked and the next one in bold.

It shows on the sample plan (which it says is one, with its details illustrative) and on
a plan that still misses one of the first four steps; its close button hides it for good
(视图 → 入门指引 brings it back).
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, QSize, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QToolButton

from ui import settings as app_settings
from ui.document import PlanDocument
from ui.icons import icon

# (what must exist for the step to be done, or "" when nothing can tell) per step.
STEP_KINDS = ("places", "sites", "sessions", "participants", "")


class GuideBar(QFrame):
    """入门：1 添加县（市、区） → 2 添加教学点 → 3 排日程 → 4 导入学员名单 → 5 打印与导出."""

    def __init__(self, document: PlanDocument, actions, settings: QSettings, is_sample: bool = False,
                 parent=None):
        """``actions``: the five steps' actions (or callables returning them, for actions
        made after the window's document)."""
        super().__init__(parent)
        self.setObjectName("firstRunGuide")
        self.setStyleSheet("QFrame#firstRunGuide { background: #eef4fb; border-bottom: 1px solid #c9d9ec; }"
                           "QToolButton { padding: 1px 4px; }")
        self.document, self.settings, self.is_sample = document, settings, is_sample
        self._actions = actions
        names = (self.tr("添加县（市、区）"), self.tr("添加教学点"), self.tr("排日程"), self.tr("导入学员名单"),
                 self.tr("打印与导出"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 3, 4, 3)
        layout.setSpacing(2)
        lead = QLabel()
        lead.setPixmap(icon("guide").pixmap(QSize(18, 18)))
        layout.addWidget(lead)
        self.title = QLabel(self.tr("从这里开始："))
        layout.addWidget(self.title)
        self.steps: list[QToolButton] = []
        for number, name in enumerate(names, start=1):
            if number > 1:
                arrow = QLabel("→")
                arrow.setStyleSheet("color: #7a8a9a")
                layout.addWidget(arrow)
            button = QToolButton(self)
            button.setObjectName(f"guideStep{number}")
            button.setAutoRaise(True)
            button.setText(f"{number} {name}")
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.clicked.connect(lambda _checked=False, index=number - 1: self.run_step(index))
            layout.addWidget(button)
            self.steps.append(button)
        self.note = QLabel()
        self.note.setObjectName("guideNote")
        self.note.setWordWrap(False)
        self.note.setStyleSheet("color: #4a5a6a")
        self.note.setMinimumWidth(0)  # may be cut on a narrow window, never widens it
        self.note.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        layout.addWidget(self.note, 1)
        self.close_button = QToolButton(self)
        self.close_button.setObjectName("guideClose")
        self.close_button.setAutoRaise(True)
        self.close_button.setIcon(icon("close"))
        self.close_button.setToolTip(self.tr("关闭入门指引（视图 → 入门指引 可再打开）"))
        self.close_button.clicked.connect(self.dismiss)
        layout.addWidget(self.close_button)
        document.changed.connect(self._changed)
        self.refresh()

    # --- state -------------------------------------------------------------------------

    def done(self) -> list[bool]:
        """Which steps are done (the last, printing, never is: it comes again)."""
        plan = self.document.plan
        return [bool(kind) and bool(plan.items(kind)) for kind in STEP_KINDS]

    def wanted(self) -> bool:
        """Shown unless closed for good: on the sample, or while a first step is missing."""
        if app_settings.GUIDE_CLOSED.get(self.settings):
            return False
        return self.is_sample or not all(self.done()[:4])

    def refresh(self) -> None:
        done = self.done()
        following = next((i for i, d in enumerate(done) if not d), len(done) - 1)
        for index, (button, finished) in enumerate(zip(self.steps, done)):
            button.setIcon(icon("no-findings") if finished else icon(""))
            font = button.font()
            font.setBold(index == following and not self.is_sample)
            button.setFont(font)
            button.setToolTip(self.tr("已完成，可再次添加") if finished else self.tr("下一步") if index == following else "")
        if self.is_sample:
            self.note.setText(self.tr("示例方案，可随意试改"))
            self.note.setToolTip(self.tr("这是示例方案（湖南 2025，时间与宾馆为示意），可随意试改；文件 → 新建 开始自己的方案。"))
        else:
            self.note.setText("")
            self.note.setToolTip("")
        self.setVisible(self.wanted())

    def _changed(self, kinds) -> None:
        if kinds & {"places", "sites", "sessions", "participants"}:
            self.refresh()

    # --- actions -----------------------------------------------------------------------

    def run_step(self, index: int) -> None:
        action = self._actions[index]
        action = action() if callable(action) else action  # made after the window's document
        if action is not None:
            action.trigger()

    def dismiss(self) -> None:
        app_settings.GUIDE_CLOSED.set(True, self.settings)
        self.hide()

    def reopen(self) -> None:
        app_settings.GUIDE_CLOSED.set(False, self.settings)
        self.refresh()
        self.show()
