"""Progress of background work in the status bar: what, how far, how fast, time left, Cancel."""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QToolButton, QWidget

from viewer.ui.formatting import clock, number
from viewer.ui.icons import icon
from viewer.ui.tasks import Task


def describe_note(note: str) -> str:
    """The core's progress notes, in the UI's language."""
    translate = QCoreApplication.translate
    known = {
        "scanning folders": translate("TaskProgress", "Scanning folders"),
        "reading files": translate("TaskProgress", "Reading files"),
        "saving the index": translate("TaskProgress", "Saving the index"),
        "learning each outlet's boilerplate": translate("TaskProgress", "Learning each outlet's footers and credits"),
        "exporting": translate("TaskProgress", "Exporting"),
    }
    return known.get(note, note[:1].upper() + note[1:])


class TaskProgress(QWidget):
    """Follows one Task at a time; tasks given while one runs wait their turn here."""

    def __init__(self, unit: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._unit = unit  # e.g. «files», shown in the rate
        self._queue: list[tuple[Task, str]] = []
        self._task: Task | None = None
        self._note = ""
        self._started = 0.0
        self.title = QLabel()
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(160)
        self.bar.setMaximumHeight(14)
        self.bar.setTextVisible(False)
        self.rate = QLabel()
        self.rate.setObjectName("Secondary")
        self.cancel_button = QToolButton()
        self.cancel_button.setIcon(icon("close"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.cancel_button.setAutoRaise(True)
        self.cancel_button.clicked.connect(self.cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 4, 0)
        layout.setSpacing(8)
        layout.addWidget(self.title)
        layout.addWidget(self.bar)
        layout.addWidget(self.rate)
        layout.addWidget(self.cancel_button)
        self.hide()

    def track(self, task: Task, title: str) -> None:
        self._queue.append((task, title))
        task.finished.connect(lambda: self._done(task))
        if self._task is None:
            self._next()

    def current(self) -> Task | None:
        return self._task

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self.cancel_button.setEnabled(False)
            self.rate.setText(self.tr("Stopping…"))

    def _next(self) -> None:
        while self._queue and not self._queue[0][0].is_running():
            self._queue.pop(0)
        if not self._queue:
            self._task = None
            self.hide()
            return
        task, title = self._queue[0]
        self._task = task
        self._base_title = title
        self._note = ""
        self._started = time.monotonic()
        self.title.setText(title)
        self.bar.setRange(0, 0)
        self.rate.clear()
        self.cancel_button.setEnabled(True)
        task.progress.connect(self._progress)
        self.show()

    def _done(self, task: Task) -> None:
        self._queue = [(t, title) for t, title in self._queue if t is not task]
        if task is self._task:
            self._task = None
            self._next()

    def _progress(self, done: int, total: int, note: str) -> None:
        if self.sender() is not self._task:
            return
        now = time.monotonic()
        if note != self._note:
            self._note, self._started = note, now
            self.title.setText(f"{self._base_title} · {describe_note(note)}" if note else self._base_title)
        if total <= 0:
            self.bar.setRange(0, 0)
            self.rate.clear()
            return
        self.bar.setRange(0, total)
        self.bar.setValue(min(done, total))
        elapsed = now - self._started
        if done <= 0 or elapsed < 0.5:
            self.rate.setText(f"{number(done)} / {number(total)}")
            return
        speed = done / elapsed
        left = (total - done) / speed if speed > 0 else 0
        self.rate.setText(
            self.tr("%1 / %2 · %3 %4/s · %5 left")
            .replace("%1", number(done))
            .replace("%2", number(total))
            .replace("%3", f"{speed:.0f}" if speed >= 10 else f"{speed:.1f}")
            .replace("%4", self._unit)
            .replace("%5", clock(left))
        )
