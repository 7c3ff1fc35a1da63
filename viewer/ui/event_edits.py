"""Taking reports out of an event, and finding where the reports that stay are afterwards.

Events are keyed by a report, so taking out the one an event is keyed by gives the reports
that stay a new event id: the callers follow it (an event filter, a selection in the list).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from viewer.events.stage import EventSummary
    from viewer.library import Library


def split_off(library: Library, event: EventSummary, leaving: Sequence[str], label: str = "") -> tuple[str, str]:
    """Make a new event of ``leaving`` (some, not all, of ``event``'s reports); return the ids of
    the event the others are in now and of the new one. ``label`` names the new one."""
    going = [a for a in event.articles if a in leaving]
    library.split_event(event.id, going)  # raises ValueError unless some, not all, leave
    new_event = library.event_of(going[0])
    new_id = new_event.id if new_event is not None else ""
    if label and new_id:
        library.rename_event(new_id, label)
    return _event_id(library, event, going), new_id


def take_out(library: Library, event: EventSummary, leaving: Sequence[str]) -> str:
    """Each of ``leaving`` becomes an event of its own; return the id of the event the rest of
    ``event`` stays together in ("" when none stays)."""
    going = [a for a in event.articles if a in leaving]
    for article_id in going:
        library.move_article(article_id, None)
    return _event_id(library, event, going)


def _event_id(library: Library, event: EventSummary, going: Sequence[str]) -> str:
    staying = next((a for a in event.articles if a not in going), None)
    rest = library.event_of(staying) if staying is not None else None
    return rest.id if rest is not None else ""
