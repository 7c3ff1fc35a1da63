"""Comparing reports and writing a comparison's exports: the work the comparison window runs off the GUI thread.

``load_comparison`` gathers what the window shows besides ``Library.compare``'s result: each
report's stored article (for the author line) and the event the reports belong to, if they all
belong to one (the window then offers «Remove from event»). ``export_comparison`` writes the
HTML or CSV export to a temporary file first, so a failed export never leaves half a file.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from viewer.archive.catalog import StoredArticle
    from viewer.compare import Comparison
    from viewer.events.stage import EventSummary
    from viewer.library import Library

EXPORT_KINDS = ("html", "csv")


class TooFewReports(ValueError):
    """Fewer than two distinct reports were asked for; ``count`` says how many there were."""

    def __init__(self, count: int) -> None:
        super().__init__(f"at least two reports are needed to compare, got {count}")
        self.count = count


class MissingArticle(KeyError):
    """An article asked for is no longer in the archive."""


@dataclass(frozen=True)
class ComparedReports:
    """A comparison with what the window needs around it."""

    comparison: Comparison
    articles: dict[str, StoredArticle]  # by report id
    event: EventSummary | None  # the one event all the reports belong to, if any

    @property
    def ids(self) -> list[str]:
        return [report.id for report in self.comparison.reports]


def report_ids(library: Library, ids: Sequence[str]) -> list[str]:
    """Article ids in the order given, event and story ids expanded, duplicates dropped."""
    found: list[str] = []
    for item in ids:
        try:
            found.extend(library.report_ids([item]))
        except KeyError:
            raise MissingArticle(item) from None
    return list(dict.fromkeys(found))


def load_comparison(library: Library, ids: Sequence[str], event_id: str | None = None) -> ComparedReports:
    """Compare ``ids`` (2..N articles, or events); raises TooFewReports, MissingArticle."""
    wanted = report_ids(library, ids)
    if len(wanted) < 2:
        raise TooFewReports(len(wanted))
    articles: dict[str, StoredArticle] = {}
    for article_id in wanted:
        article = library.article(article_id)
        if article is None:
            raise MissingArticle(article_id)
        articles[article_id] = article
    # In time order, so that exports name the earlier report first as the window's columns do.
    wanted.sort(key=lambda article_id: _moment(articles[article_id].published))
    comparison = library.compare(wanted)
    return ComparedReports(comparison, articles, _common_event(library, wanted, event_id))


def _moment(published: str | None) -> tuple[bool, float]:
    """A sort key: dated reports by time, undated ones last (in the order given)."""
    try:
        return (False, datetime.fromisoformat(published).timestamp()) if published else (True, 0.0)
    except ValueError:
        return (True, 0.0)


def _common_event(library: Library, ids: list[str], event_id: str | None) -> EventSummary | None:
    event = library.event(event_id) if event_id else library.event_of(ids[0])
    if event is None or len(event.articles) < 2 or not set(ids) <= set(event.articles):
        return None
    return event


def export_comparison(comparison: Comparison, kind: str, path: Path) -> Path:
    """Write ``comparison`` as ``kind`` (html or csv) to ``path``; the file appears only when complete."""
    from viewer.compare import export_csv, export_html

    if kind not in EXPORT_KINDS:
        raise ValueError(f"unknown export kind {kind!r}")
    temporary = path.with_name(f".{path.name}.part")
    try:
        (export_html if kind == "html" else export_csv)(comparison, temporary)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return path
