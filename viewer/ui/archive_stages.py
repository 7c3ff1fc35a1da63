"""The stages after the text, in the background: grouping into events, then finding names.

An import (or re-scan, or the sample) makes its articles searchable and returns; the two
stages follow as writing jobs of their own (``ArchiveJobs``), each with its progress in
the status bar. Finding names loads the models in worker processes, never on the GUI
thread, and only when some article waits for it. When the archive opens with articles
still waiting (the app was closed during a run), the run continues in the background.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from viewer.ui.archive_jobs import ENTITIES, EVENTS
from viewer.ui.formatting import articles
from viewer.ui.tasks import Task

if TYPE_CHECKING:
    from viewer.ui.archive_work import EntityRun
    from viewer.ui.main_window import MainWindow


class ArchiveStages(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        window.jobs.stageQueued.connect(self._follow)
        window.archiveOpened.connect(self.resume)

    def run(self) -> None:
        """Queue both stages behind whatever the writing queue holds (an import, mostly)."""
        self._window.jobs.group_events()
        self._window.jobs.extract_entities()

    def resume(self) -> None:
        """Continue what a previous run left undone: events to group, articles to read for names."""
        library = self._window.library
        if library is None:
            return
        if library.events_stage.pending():
            self._window.jobs.group_events()
        if library.entities_pending():
            self._window.jobs.extract_entities()

    def titles(self) -> dict[str, tuple[str, str]]:
        """Stage -> (its title in the status bar, the archive's state while it runs)."""
        return {
            EVENTS: (self.tr("Grouping into events"), self.tr("Grouping into events…")),
            ENTITIES: (self.tr("Finding names"), self.tr("Finding names…")),
        }

    def _follow(self, task: Task) -> None:
        title, state = self.titles()[task.name]
        status = self._window.status
        status.stage_progress.track(task, title)
        task.progress.connect(lambda *_: status.set_state(state))
        if task.name == ENTITIES:
            task.succeeded.connect(lambda run: self._entities_done(task, run))
            task.failed.connect(lambda error: self._failed(title, error))
        else:
            task.failed.connect(lambda error: self._failed(title, error))

    def _entities_done(self, task: Task, run: EntityRun) -> None:
        jobs = self._window.jobs
        if jobs.entities_task() not in (None, task):
            return  # another job needed the writer; a new run has taken over
        if run.pending > 0:  # stopped by the user; finishing quietly leaves the import's summary in view
            self._window.status.message(
                self.tr("Finding names stopped with %1 left; it continues at the next start or import.")
                .replace("%1", articles(run.pending))
            )

    def _failed(self, title: str, error: object) -> None:
        self._window.status.message(
            self.tr("%1 failed: %2").replace("%1", title).replace("%2", str(error)), warning=True
        )
        self._window.refresh_status()
