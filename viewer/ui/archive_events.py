"""The archive's events as last read, for the events list and the reader's «Also reported by».

Summing up every event reads the whole catalog (about a second at 20,000 articles, more
with key entities), so it runs off the GUI thread, in two passes: the events first, then
again with their key entities. Readers ask this object, which answers at once from what it
holds (``event_of`` for the open article), and ``changed`` says when that is new.

A reload waits while a writing job runs (an import, grouping): a background Library opens
the index, and the archive is only read whole between writes.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from viewer.ui.tasks import TaskContext

if TYPE_CHECKING:
    from viewer.events.stage import EventSummary
    from viewer.paths import Locations
    from viewer.ui.archive_jobs import ArchiveJobs
    from viewer.ui.tasks import Task


def read_events(locations: Locations, key_entities: bool, context: TaskContext) -> list[EventSummary]:
    from viewer.library import Library

    with Library(locations) as library:
        return library.events(key_entities=key_entities)


class ArchiveEvents(QObject):
    changed = Signal()
    failed = Signal(str)

    def __init__(self, jobs: ArchiveJobs, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._jobs = jobs
        self._events: list[EventSummary] = []
        self._by_id: dict[str, EventSummary] = {}
        self._of_article: dict[str, str] = {}
        self._stories: dict[str, list[EventSummary]] = {}
        self._loaded = False
        self._task: Task | None = None
        self._again = False  # asked again while reading: read once more
        self._wanted = False
        jobs.writingChanged.connect(self._writing_changed)

    # reading -----------------------------------------------------------------
    def reload(self) -> None:
        """Read the events again (in the background); ``changed`` follows."""
        self._wanted = True
        if self._task is not None:
            self._again = True
            return
        if self._jobs.is_writing():
            return  # read when the writing stops
        self._wanted = False
        self._start(key_entities=False)

    def _start(self, key_entities: bool) -> None:
        work = partial(read_events, self._jobs.locations, key_entities)
        self._task = self._jobs.reader.submit(work, "events")
        self._task.succeeded.connect(lambda events: self._read(events, key_entities))
        self._task.failed.connect(self._failed)

    def _read(self, events: Sequence[EventSummary], key_entities: bool) -> None:
        self._task = None
        if self._again:
            self._again = False
            self._start(key_entities=False)
            return
        self._set(events)
        if not key_entities:
            self._start(key_entities=True)

    def _failed(self, error: object) -> None:
        self._task = None
        self._again = False
        self.failed.emit(str(error))

    def _writing_changed(self, writing: bool) -> None:
        if not writing and self._wanted:
            self.reload()

    def is_loading(self) -> bool:
        return self._task is not None or self._wanted

    def _set(self, events: Sequence[EventSummary]) -> None:
        self._events = list(events)
        self._by_id = {event.id: event for event in events}
        self._of_article = {article: event.id for event in events for article in event.articles}
        self._stories = {}
        for event in sorted(events, key=lambda e: (e.start is None, e.start or "", e.key)):
            self._stories.setdefault(event.story_id, []).append(event)
        self._loaded = True
        self.changed.emit()

    # answers -----------------------------------------------------------------
    @property
    def loaded(self) -> bool:
        return self._loaded

    def events(self) -> list[EventSummary]:
        return list(self._events)

    def find(self, event_id: str) -> EventSummary | None:
        return self._by_id.get(event_id)

    def event_of(self, article_id: str) -> EventSummary | None:
        event_id = self._of_article.get(article_id)
        return self._by_id.get(event_id) if event_id else None

    def story(self, story_id: str) -> list[EventSummary]:
        """The events of one story thread, oldest first."""
        return list(self._stories.get(story_id, ()))
