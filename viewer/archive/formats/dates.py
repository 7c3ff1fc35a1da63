"""Publication dates in the forms news files carry them, as timezone-aware datetimes.

ISO 8601 (the seeds, most JSON dumps), RFC 2822 (RSS ``pubDate``), a bare "YYYY-MM-DD",
unix seconds (or milliseconds), and the Russian "17.05.2023 10:30" / "17 мая 2023 г."
forms that copy-pasted articles carry. A date with no zone is taken as UTC, so that every
date in the archive can be compared with every other.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

__all__ = ["parse_date"]

_MIN_YEAR = 1800
_MAX_YEAR = 2200
# Above this a unix time is in milliseconds (1e11 seconds is the year 5138).
_MILLISECONDS_FROM = 1e11

_UNIX = re.compile(r"-?\d{9,13}(?:\.\d+)?")
_DOTTED = re.compile(
    r"(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s*(?:г\.?)?[,\sT]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?",
)
_MONTHS = {
    "янв": 1, "фев": 2, "мар": 3, "апр": 4, "мая": 5, "май": 5, "июн": 6,
    "июл": 7, "авг": 8, "сен": 9, "окт": 10, "ноя": 11, "дек": 12,
}  # fmt: skip
_WORDED = re.compile(
    r"(\d{1,2})\s+([а-яё]+)\.?\s+(\d{4})(?:\s*(?:г\.?|года)?[,\s]*(?:в\s+)?(\d{1,2}):(\d{2}))?",
    re.IGNORECASE,
)


def parse_date(value: object) -> datetime | None:
    """A timezone-aware datetime for a date field, or None if it cannot be read."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return _from_unix(float(value))
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text:
        return None
    if _UNIX.fullmatch(text):
        return _from_unix(float(text))
    for parser in (_from_iso, _from_rfc2822, _from_dotted, _from_words):
        parsed = parser(text)
        if parsed is not None:
            return _checked(parsed)
    return None


def _checked(moment: datetime) -> datetime | None:
    """Aware (UTC when naive) and within years that a news archive can hold."""
    if not _MIN_YEAR <= moment.year <= _MAX_YEAR:
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _from_unix(seconds: float) -> datetime | None:
    if abs(seconds) >= _MILLISECONDS_FROM:
        seconds /= 1000
    try:
        return _checked(datetime.fromtimestamp(seconds, tz=UTC))
    except (OverflowError, OSError, ValueError):
        return None


def _from_iso(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def _from_rfc2822(text: str) -> datetime | None:
    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None


def _from_dotted(text: str) -> datetime | None:
    match = _DOTTED.fullmatch(text)
    if match is None:
        return None
    day, month, year, hour, minute, second = match.groups()
    return _build(year, month, day, hour, minute, second)


def _from_words(text: str) -> datetime | None:
    match = _WORDED.fullmatch(text)
    if match is None:
        return None
    day, month_word, year, hour, minute = match.groups()
    month = _MONTHS.get(month_word.lower()[:3])
    if month is None:
        return None
    return _build(year, str(month), day, hour, minute, None)


def _build(
    year: str, month: str, day: str, hour: str | None, minute: str | None, second: str | None
) -> datetime | None:
    try:
        return datetime(
            int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0)
        )
    except ValueError:
        return None
