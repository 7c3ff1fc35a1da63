"""Dates, counts and durations as they read in the UI's language (QLocale).

The core hands over plain values (ISO 8601 text, «2019-11» months); this is the one place
that turns them into text for people.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate, QLocale, QObject, QTime


def _parse(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def short_date(published: str | None) -> str:
    """The day an article was published («06.11.2019»), or "" when it is undated."""
    moment = _parse(published)
    if moment is None:
        return ""
    return QLocale().toString(QDate(moment.year, moment.month, moment.day), QLocale.FormatType.ShortFormat)


def long_date(published: str | None) -> str:
    """Day in words, and the time when the source gave one («среда, 6 ноября 2019 г., 11:03»).

    The time is shown as the source wrote it (the archive keeps its offset); midnight
    is how most sources say «no time given», so it is left out.
    """
    moment = _parse(published)
    if moment is None:
        return ""
    locale = QLocale()
    day = locale.toString(QDate(moment.year, moment.month, moment.day), QLocale.FormatType.LongFormat)
    if (moment.hour, moment.minute) == (0, 0):
        return day
    time = locale.toString(QTime(moment.hour, moment.minute), QLocale.FormatType.ShortFormat)
    return f"{day}, {time}"


def month_label(value: str) -> str:
    """«2019-11» as «ноябрь 2019» / «November 2019»; anything else unchanged."""
    year, sep, month = value.partition("-")
    if not sep or not (year.isdigit() and month.isdigit()) or not 1 <= int(month) <= 12:
        return value
    name = QLocale().standaloneMonthName(int(month), QLocale.FormatType.LongFormat)
    return f"{name[:1].upper()}{name[1:]} {year}"


def number(value: int) -> str:
    """A count with the locale's digit grouping («8 934»)."""
    return QLocale().toString(value)


def clock(seconds: float) -> str:
    """A duration as m:ss, or h:mm:ss past an hour."""
    seconds = max(0, int(seconds + 0.5))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class Formatting(QObject):
    """Holds the translation context of the plural phrases below (``tr`` is what lupdate reads)."""

    def articles(self, count: int) -> str:
        return self.tr("%Ln article(s)", "", count)


def articles(count: int) -> str:
    """«1 article», «5 articles» («1 статья», «5 статей») with grouping."""
    return Formatting().articles(count)
