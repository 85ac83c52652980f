"""The main window (a first version: the plan's summary; the full workplace comes later)."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QMainWindow, QPlainTextEdit

from planner.store import PlanFile
from planner.summary import format_summary, summarise


class MainWindow(QMainWindow):
    def __init__(self, plan_file: PlanFile):
        super().__init__()
        self.plan_file = plan_file
        plan = plan_file.load()
        self.setWindowTitle(f"{plan.programme.title} — 考察方案编排")
        text = QPlainTextEdit(self)
        text.setReadOnly(True)
        text.setFont(QFont("Noto Sans CJK SC", 11))
        text.setPlainText(format_summary(summarise(plan)))
        self.setCentralWidget(text)
        self.resize(1000, 700)
