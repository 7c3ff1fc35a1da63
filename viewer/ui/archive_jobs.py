"""The archive's background jobs, queued so that only one writes at a time.

Imports, alias changes and removing a folder all write to the index, which takes one
writer at a time: they share a one-thread pool and run in the order asked. Exports
only read and run beside them. Each finished writing job emits ``archiveChanged``.

The stages after the text, grouping into events and finding names, are writing jobs too.
Finding names is slow and resumable: any other writing job asked for meanwhile stops it
(after the batch at hand, keeping what it found), runs, and a new extraction follows.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from viewer.ui import archive_work, comparison_work
from viewer.ui.job_process import in_own_process
from viewer.ui.results_model import SearchRequest
from viewer.ui.tasks import Task, TaskRunner

if TYPE_CHECKING:
    from viewer.compare import Comparison
    from viewer.paths import Locations


EVENTS = "events"
ENTITIES = "entities"


class ArchiveJobs(QObject):
    archiveChanged = Signal()
    writingChanged = Signal(bool)  # a writing job is running or queued
    stageQueued = Signal(object)  # the Task of a stage job (name EVENTS or ENTITIES)

    def __init__(self, locations: Locations, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.locations = locations
        self.writer = TaskRunner(self, max_threads=1)
        self.reader = TaskRunner(self, max_threads=2)
        self.writer.busyChanged.connect(self.writingChanged)
        self._entities: Task | None = None

    def _write(self, work: object, name: str) -> Task:
        resume = name != ENTITIES and self._stop_entities()
        task = self.writer.submit(in_own_process(work), name)  # type: ignore[arg-type]
        task.succeeded.connect(lambda result: self._succeeded(name, result))
        if resume:
            self.extract_entities()
        return task

    def _succeeded(self, name: str, result: object) -> None:
        """A stage that found nothing to do (or was stopped before it began) changed nothing."""
        if name == EVENTS and result == 0:
            return
        if name == ENTITIES and isinstance(result, archive_work.EntityRun) and result.done == 0:
            return
        self.archiveChanged.emit()

    # the stages after the text ---------------------------------------------------
    def group_events(self) -> Task:
        task = self._write(partial(archive_work.group_events, self.locations), EVENTS)
        self.stageQueued.emit(task)
        return task

    def extract_entities(self) -> Task:
        """Queue finding names; one extraction at a time, so an earlier one waiting is stopped."""
        self._stop_entities()
        task = self._write(partial(archive_work.extract_entities, self.locations), ENTITIES)
        self._entities = task
        task.finished.connect(lambda: self._entities_finished(task))
        self.stageQueued.emit(task)
        return task

    def entities_task(self) -> Task | None:
        """The extraction running or waiting, if any."""
        return self._entities

    def _stop_entities(self) -> bool:
        """Stop the extraction running or waiting (it resumes later); True if there was one."""
        task, self._entities = self._entities, None
        if task is None or not task.is_running():
            return False
        task.cancel()
        return True

    def _entities_finished(self, task: Task) -> None:
        if self._entities is task:
            self._entities = None

    def add(self, paths: Sequence[str]) -> Task:
        return self._write(partial(archive_work.add_paths, self.locations, list(paths)), "import")

    def refresh(self) -> Task:
        return self._write(partial(archive_work.refresh, self.locations), "import")

    def ensure_sample(self) -> Task:
        return self._write(partial(archive_work.ensure_sample, self.locations), "sample")

    def remove_root(self, path: str) -> Task:
        return self._write(partial(archive_work.remove_root, self.locations, path), "remove")

    def set_outlet_alias(self, alias: str, outlet: str) -> Task:
        return self._write(partial(archive_work.set_outlet_alias, self.locations, alias, outlet), "alias")

    def remove_outlet_alias(self, alias: str) -> Task:
        return self._write(partial(archive_work.remove_outlet_alias, self.locations, alias), "alias")

    def export_csv(self, request: SearchRequest, path: Path) -> Task:
        return self.reader.submit(partial(archive_work.export_csv, self.locations, request, path), "export")

    def compare(self, ids: Sequence[str], event_id: str | None = None) -> Task:
        """Compare articles (or events) off the GUI thread; succeeds with ``ComparedReports``."""
        return self.reader.submit(partial(archive_work.compare, self.locations, list(ids), event_id), "compare")

    def export_comparison(self, comparison: Comparison, kind: str, path: Path) -> Task:
        """Write a comparison as HTML or CSV (``kind``) to ``path``; succeeds with the path."""
        work = partial(comparison_work.export_comparison, comparison, kind, path)
        return self.reader.submit(lambda _context: work(), "export")

    def is_writing(self) -> bool:
        return self.writer.is_busy()

    def is_busy(self) -> bool:
        return self.writer.is_busy() or self.reader.is_busy()

    def cancel_all(self) -> None:
        self.writer.cancel_all()
        self.reader.cancel_all()

    def wait(self, msecs: int = -1) -> bool:
        return self.writer.wait(msecs) and self.reader.wait(msecs)
