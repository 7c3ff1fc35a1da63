"""Running work off the GUI thread: a callable on a QThreadPool, its outcome back as signals.

    task = runner.submit(lambda ctx: slow(ctx.progress, ctx.cancelled), name="import")
    task.progress.connect(...); task.succeeded.connect(...); task.failed.connect(...)
    task.cancel()

The worker thread only ever emits the task's private signals, which are connected to the
task's own slots with a queued connection; the public signals are therefore always emitted
on the GUI thread, whatever the receiver (a bound method, a lambda). Progress is thinned
to about ten reports a second so a fast loop cannot flood the event queue.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot

from viewer.background import lower_thread_priority

_PROGRESS_INTERVAL = 0.1


class ProgressThinner:
    """Lets about ten progress reports a second through; a new note and the last report always."""

    def __init__(self) -> None:
        self._last = 0.0
        self._note = ""

    def due(self, done: int, total: int | None, note: str) -> bool:
        now = time.monotonic()
        final = total is not None and done >= total
        if note == self._note and not final and now - self._last < _PROGRESS_INTERVAL:
            return False
        self._last, self._note = now, note
        return True


class TaskContext:
    """What a running callable gets: report progress, ask whether it should stop."""

    def __init__(self, task: Task) -> None:
        self._task = task
        self._thinner = ProgressThinner()

    def progress(self, done: int, total: int | None, note: str = "") -> None:
        if self._thinner.due(done, total, note):
            self._task._progress_from_worker.emit(done, -1 if total is None else total, note)

    def cancelled(self) -> bool:
        return self._task.is_cancelled()


class Task(QObject):
    """One piece of background work; its signals arrive on the GUI thread."""

    progress = Signal(int, int, str)  # done, total (-1: unknown), note
    succeeded = Signal(object)  # the callable's return value
    failed = Signal(object)  # the exception it raised
    finished = Signal()  # after succeeded or failed

    _progress_from_worker = Signal(int, int, str)
    _succeeded_from_worker = Signal(object)
    _failed_from_worker = Signal(object)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._cancel = threading.Event()
        self._running = True
        self.result: Any = None
        self.error: BaseException | None = None
        queued = Qt.ConnectionType.QueuedConnection
        self._progress_from_worker.connect(self._relay_progress, queued)
        self._succeeded_from_worker.connect(self._relay_success, queued)
        self._failed_from_worker.connect(self._relay_failure, queued)

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def is_running(self) -> bool:
        return self._running

    @Slot(int, int, str)
    def _relay_progress(self, done: int, total: int, note: str) -> None:
        if self._running:
            self.progress.emit(done, total, note)

    @Slot(object)
    def _relay_success(self, result: object) -> None:
        self.result = result
        self._running = False
        self.succeeded.emit(result)
        self.finished.emit()

    @Slot(object)
    def _relay_failure(self, error: object) -> None:
        self.error = error if isinstance(error, BaseException) else RuntimeError(str(error))
        self._running = False
        self.failed.emit(error)
        self.finished.emit()


class _Job(QRunnable):
    def __init__(self, task: Task, work: Callable[[TaskContext], Any]) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._task = task
        self._work = work

    def run(self) -> None:
        lower_thread_priority()  # the pool's threads do only background work
        try:
            result = self._work(TaskContext(self._task))
        except BaseException as error:  # handed to the GUI thread, which decides what to say
            self._task._failed_from_worker.emit(error)
        else:
            self._task._succeeded_from_worker.emit(result)


class TaskRunner(QObject):
    """Runs callables on its own thread pool and keeps their Task objects alive until done.

    ``max_threads=1`` makes a queue: the archive's writing jobs (import, alias changes,
    removing a folder) go through one, so they never compete for the index lock.
    """

    busyChanged = Signal(bool)

    def __init__(self, parent: QObject | None = None, max_threads: int | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        if max_threads is not None:
            self._pool.setMaxThreadCount(max_threads)
        self._tasks: list[Task] = []

    def submit(self, work: Callable[[TaskContext], Any], name: str = "") -> Task:
        # No Qt parent: the runner's list keeps the task alive while it runs, and Python
        # frees it once nobody holds it (deleteLater on a Python-made object is not safe).
        task = Task(name)
        task.finished.connect(self._finished)
        was_busy = self.is_busy()
        self._tasks.append(task)
        self._pool.start(_Job(task, work))
        if not was_busy:
            self.busyChanged.emit(True)
        return task

    @Slot()
    def _finished(self) -> None:
        task = self.sender()
        if isinstance(task, Task):
            self._forget(task)

    def _forget(self, task: Task) -> None:
        if task in self._tasks:
            self._tasks.remove(task)
        if not self._tasks:
            self.busyChanged.emit(False)

    def is_busy(self) -> bool:
        return bool(self._tasks)

    def tasks(self) -> list[Task]:
        return list(self._tasks)

    def cancel_all(self) -> None:
        for task in self._tasks:
            task.cancel()

    def wait(self, msecs: int = -1) -> bool:
        """Block until every job has returned (for shutdown and tests); True if they all did."""
        return self._pool.waitForDone(msecs)
