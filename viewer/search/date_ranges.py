"""The ``date`` filter: a span of publication dates, written «FROM..TO».

    2019-03..2019-11      March to November 2019, both months whole
    2019..                from the start of 2019 on
    ..2019-11-06          up to and including 6 November 2019
    2019-11               that month alone (one end stands for both)

Each end is a year, a month or a day and takes in the whole of it. Undated articles are
outside every span. The date facets (year, month) are counted without this filter, so
the month histogram that sets it keeps showing the months around the chosen span.
"""

from __future__ import annotations

import re
from calendar import monthrange
from datetime import datetime, timedelta

from whoosh import query

from viewer.search.query import QueryError

DATE_FILTER = "date"
# The facets that show what the date filter chooses from: it does not narrow their counts.
DATE_FACETS = frozenset({"year", "month"})

_END = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


def _bounds(text: str, value: str) -> tuple[datetime, datetime]:
    """The first and last moment of the year, month or day ``text``."""
    match = _END.fullmatch(text)
    if match is None:
        raise _error(value)
    year, month, day = (int(part) if part else None for part in match.groups())
    try:
        if month is None:
            return datetime(year, 1, 1), datetime(year, 12, 31, 23, 59, 59, 999999)  # type: ignore[arg-type]
        if day is None:
            last = monthrange(year, month)[1]  # type: ignore[arg-type]
            return datetime(year, month, 1), datetime(year, month, last, 23, 59, 59, 999999)  # type: ignore[arg-type]
        start = datetime(year, month, day)  # type: ignore[arg-type]
    except ValueError:
        raise _error(value) from None
    return start, start + timedelta(days=1, microseconds=-1)


def _error(value: str) -> QueryError:
    return QueryError(f"«{value}» is not a date span; write 2019-03..2019-11, 2019.. or ..2019-11-06")


def parse_span(value: str) -> tuple[datetime | None, datetime | None]:
    """(first moment, last moment) of a «FROM..TO» span; None for an open end."""
    text = value.strip()
    start_text, sep, end_text = text.partition("..")
    start_text, end_text = start_text.strip(), end_text.strip()
    if not sep:
        end_text = start_text
    if not start_text and not end_text:
        raise _error(value)
    start = _bounds(start_text, value)[0] if start_text else None
    end = _bounds(end_text, value)[1] if end_text else None
    if start is not None and end is not None and start > end:
        raise QueryError(f"«{value}» ends before it starts")
    return start, end


def span_query(values: list[str] | tuple[str, ...]) -> query.Query:
    """Articles published within any of the spans ``values``."""
    ranges = []
    for value in values:
        start, end = parse_span(value)
        ranges.append(query.DateRange("date", start, end))
    return query.Or(ranges) if len(ranges) > 1 else ranges[0]


def span_value(start: str | None, end: str | None) -> str:
    """The filter value for a span between two ends (either may be open)."""
    return f"{start or ''}..{end or ''}"


def narrows(filter_name: str, facet: str) -> bool:
    """Whether a filter narrows a facet's counts: not its own facet's, and the date
    filter not the date facets'."""
    if filter_name == facet:
        return False
    return not (filter_name == DATE_FILTER and facet in DATE_FACETS)
