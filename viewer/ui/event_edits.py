"""Taking reports out of an event, through the Library's corrections.

An event is keyed by the report that started it, and the core places a report moved «on its
own» in the event keyed by its own id, so moving out the starting report would leave it
where it was. These helpers therefore move the *other* side when the starting report is
among those leaving: the reports that stay are split off, and the names are put back, so the
staying reports keep the event's name and the leaving ones get theirs.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from viewer.events.stage import EventSummary
    from viewer.library import Library


def split_off(library: Library, event: EventSummary, leaving: Sequence[str], label: str = "") -> tuple[str, str]:
    """Make a new event of ``leaving`` (some, not all, of ``event``'s reports); return the ids of
    the event the others are in now and of the new one.

    ``label`` names it; without one it is called after its first report.
    """
    going = [a for a in event.articles if a in leaving]
    staying = [a for a in event.articles if a not in leaving]
    if not going or not staying:
        raise ValueError("choose some, but not all, of the event's articles to split off")
    if event.key not in going:
        library.split_event(event.id, going)
        new_event = library.event_of(going[0])
        new_id = new_event.id if new_event is not None else event.id
        if label:
            library.rename_event(new_id, label)
        return event.id, new_id
    rest_id = _split_rest(library, event, staying)
    library.rename_event(event.id, label or _title(library, going[0]))
    return rest_id, event.id


def take_out(library: Library, event: EventSummary, leaving: Sequence[str]) -> str:
    """Each of ``leaving`` becomes an event of its own; the rest of ``event`` stays together, in
    the event whose id is returned ("" when none stays)."""
    going = [a for a in event.articles if a in leaving]
    for article_id in going:
        if article_id != event.key:
            library.move_article(article_id, None)
    if event.key not in going:
        return event.id
    staying = [a for a in event.articles if a not in going]
    rest_id = _split_rest(library, event, staying) if staying else ""
    library.rename_event(event.id, _title(library, event.key))
    return rest_id


def _split_rest(library: Library, event: EventSummary, staying: list[str]) -> str:
    """Split the staying reports off the event, under its name; return their event's id."""
    library.split_event(event.id, staying)
    rest = library.event_of(staying[0])
    if rest is None:
        return ""
    library.rename_event(rest.id, event.label)
    return rest.id


def _title(library: Library, article_id: str) -> str:
    article = library.article(article_id)
    return article.title if article is not None else ""
