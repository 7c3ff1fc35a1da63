"""The status bar: messages on the left; progress, archive size, problems and index state on the right."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QLabel, QStatusBar, QToolButton

from viewer.ui.formatting import articles
from viewer.ui.icons import icon
from viewer.ui.task_progress import TaskProgress


class StatusArea(QObject):
    problemsClicked = Signal()

    def __init__(self, bar: QStatusBar) -> None:
        super().__init__(bar)
        self.bar = bar
        bar.setSizeGripEnabled(True)
        self.import_progress = TaskProgress(self.tr("files"))
        self.export_progress = TaskProgress(self.tr("articles"))
        self.stage_progress = TaskProgress(self.tr("articles"))  # grouping into events, finding names
        self.problems = QToolButton()
        self.problems.setIcon(icon("warning"))
        self.problems.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.problems.setAutoRaise(True)
        self.problems.setToolTip(self.tr("Show the files that could not be imported"))
        self.problems.clicked.connect(self.problemsClicked)
        self.problems.hide()
        self.count = QLabel()
        self.state = QLabel()
        self.state.setObjectName("Secondary")
        for widget in (
            self.import_progress, self.stage_progress, self.export_progress, self.problems, self.count, self.state
        ):
            bar.addPermanentWidget(widget)

    def set_article_count(self, count: int) -> None:
        self.count.setText(self.tr("%1 in the archive").replace("%1", articles(count)))

    def set_problem_count(self, count: int) -> None:
        self.problems.setText(self.tr("%n import problem(s)", "", count))
        self.problems.setVisible(count > 0)

    def set_state(self, text: str) -> None:
        self.state.setText(text)

    def message(self, text: str, warning: bool = False, timeout: int = 0) -> None:
        """A message for the left of the bar; it stays until the next (or ``timeout`` ms)."""
        self.bar.showMessage(("⚠ " if warning else "") + text, timeout)

    def current_message(self) -> str:
        return self.bar.currentMessage()
