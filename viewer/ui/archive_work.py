"""Work on the archive that runs off the GUI thread, each job with a Library of its own.

SQLite connections and the whoosh writer stay with the thread that opened them: a job
opens ``Library(locations)`` for itself and closes it when done, never touching the
GUI thread's instance. These functions take a ``TaskContext`` (progress, cancelled).
"""

from __future__ import annotations

import csv
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from viewer.ui.results_model import SearchRequest
from viewer.ui.tasks import TaskContext

if TYPE_CHECKING:
    from viewer.importer import ImportSummary
    from viewer.library import Library
    from viewer.paths import Locations
    from viewer.ui.comparison_work import ComparedReports

EXPORT_PAGE = 500
CSV_COLUMNS = ("id", "source_id", "published", "outlet", "author", "title", "url", "snippet")


class ExportCancelled(Exception):
    """The user stopped the export; no file was written."""


def open_library(locations: Locations) -> Library:
    from viewer.library import Library

    return Library(locations)


def open_library_for(locations: Locations, context: TaskContext) -> Library:
    """Open the GUI thread's Library in the background (see ``MainWindow.open_archive``), with
    what its first search reads already read."""
    library = open_library(locations)
    library.use_search(library.warmed_search())
    return library


def compare(
    locations: Locations, ids: Sequence[str], event_id: str | None, context: TaskContext
) -> ComparedReports:
    """Compare articles (or events) for the comparison window; see ``comparison_work``."""
    from viewer.ui.comparison_work import load_comparison

    with open_library(locations) as library:
        return load_comparison(library, ids, event_id)


def add_paths(locations: Locations, paths: Sequence[str], context: TaskContext) -> ImportSummary:
    """The text stage only: events and entities follow as jobs of their own (``ArchiveStages``)."""
    with open_library(locations) as library:
        return library.add(paths, context.progress, context.cancelled, events=False, entities=False)


def refresh(locations: Locations, context: TaskContext) -> ImportSummary:
    with open_library(locations) as library:
        return library.refresh(context.progress, context.cancelled, events=False, entities=False)


def ensure_sample(locations: Locations, context: TaskContext) -> ImportSummary | None:
    with open_library(locations) as library:
        return library.ensure_sample(context.progress)


def group_events(locations: Locations, context: TaskContext) -> int:
    """Place the articles not yet in an event; returns how many were placed."""
    if context.cancelled():
        return 0
    with open_library(locations) as library:
        context.progress(0, None)
        return library.group_events(lambda done, total, _note: context.progress(done, total))


@dataclass(frozen=True)
class EntityRun:
    done: int  # articles read for names in this run
    pending: int  # articles still waiting (a stopped run continues next time); -1: not looked


def extract_entities(locations: Locations, context: TaskContext) -> EntityRun:
    """Find people, organisations and places in the articles not read for them yet.

    The models load in the core's worker processes, and only when there is work;
    a cancelled run keeps what it found and stops after the batch at hand.
    """
    if context.cancelled():
        return EntityRun(0, -1)
    with open_library(locations) as library:
        waiting = library.entities_pending()
        if not waiting:
            return EntityRun(0, 0)
        context.progress(0, waiting)  # the models take a few seconds to load before the first batch
        done = library.extract_entities(lambda d, total, _note: context.progress(d, total), context.cancelled)
        return EntityRun(done, library.entities_pending())


def remove_root(locations: Locations, path: str, context: TaskContext) -> int:
    with open_library(locations) as library:
        return library.remove(path)


def set_outlet_alias(locations: Locations, alias: str, outlet: str, context: TaskContext) -> int:
    with open_library(locations) as library:
        return library.set_outlet_alias(alias, outlet)


def remove_outlet_alias(locations: Locations, alias: str, context: TaskContext) -> int:
    with open_library(locations) as library:
        return library.remove_outlet_alias(alias)


def export_csv(locations: Locations, request: SearchRequest, path: Path, context: TaskContext) -> int:
    """Write every hit of ``request`` to ``path`` as CSV (UTF-8 with a BOM, for spreadsheets).

    Pages through ``Library.search`` like the result list does; the file appears only
    when complete. Returns the number of rows written.
    """
    temporary = path.with_name(f".{path.name}.part")
    written = 0
    try:
        with open_library(locations) as library, temporary.open("w", encoding="utf-8-sig", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(CSV_COLUMNS)
            seen: set[str] = set()
            offset, total = 0, None
            while total is None or offset < total:
                if context.cancelled():
                    raise ExportCancelled
                page = library.search(**request.search_kwargs(), offset=offset, limit=EXPORT_PAGE)
                total = page.total
                if not page.hits:
                    break
                for hit in page.hits:
                    if hit.id in seen:
                        continue
                    seen.add(hit.id)
                    article = library.article(hit.id)
                    url = article.url if article is not None else None
                    source_id = article.source_ids[0] if article is not None and article.source_ids else ""
                    writer.writerow(
                        [hit.id, source_id, hit.published or "", hit.outlet or "", hit.author or "", hit.title,
                         url or "", hit.snippet_text]
                    )
                    written += 1
                offset += len(page.hits)
                context.progress(min(offset, total), total, "exporting")
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return written
