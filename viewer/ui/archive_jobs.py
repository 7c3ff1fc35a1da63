"""The archive's background jobs, queued so that only one writes at a time.

Imports, alias changes and removing a folder all write to the index, which takes one
writer at a time: they share a one-thread pool and run in the order asked. Exports
only read and run beside them. Each finished writing job emits ``archiveChanged``.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from viewer.ui import archive_work
from viewer.ui.results_model import SearchRequest
from viewer.ui.tasks import Task, TaskRunner

if TYPE_CHECKING:
    from viewer.paths import Locations


class ArchiveJobs(QObject):
    archiveChanged = Signal()
    writingChanged = Signal(bool)  # a writing job is running or queued

    def __init__(self, locations: Locations, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.locations = locations
        self.writer = TaskRunner(self, max_threads=1)
        self.reader = TaskRunner(self, max_threads=2)
        self.writer.busyChanged.connect(self.writingChanged)

    def _write(self, work: object, name: str) -> Task:
        task = self.writer.submit(work, name)  # type: ignore[arg-type]
        task.succeeded.connect(lambda _result: self.archiveChanged.emit())
        return task

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

    def is_writing(self) -> bool:
        return self.writer.is_busy()

    def is_busy(self) -> bool:
        return self.writer.is_busy() or self.reader.is_busy()

    def cancel_all(self) -> None:
        self.writer.cancel_all()
        self.reader.cancel_all()

    def wait(self, msecs: int = -1) -> bool:
        return self.writer.wait(msecs) and self.reader.wait(msecs)
