"""Who reported first: reports ordered by publication time, with each one's lag behind the first.

Reports without a time cannot be placed; they come last, in the order given, with no lag, rather
than being guessed into the sequence. A report whose title and text are word for word those of an
earlier one (a repost by another outlet) says whose copy it is.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from viewer.compare.inputs import ReportInput
from viewer.text.normalise import fold


@dataclass(frozen=True)
class TimelineEntry:
    """One report's place in time; ``first`` is true for every report at the earliest time."""

    report: int
    published: datetime | None
    lag: timedelta | None
    first: bool
    copy_of: int | None = None  # the earlier report this one repeats word for word


def timeline(reports: Sequence[ReportInput]) -> list[TimelineEntry]:
    dated = sorted(
        (position for position, report in enumerate(reports) if report.published is not None),
        key=lambda position: (reports[position].published, position),
    )
    undated = [position for position, report in enumerate(reports) if report.published is None]
    entries = []
    earliest = reports[dated[0]].published if dated else None
    for position in dated:
        published = reports[position].published
        assert published is not None and earliest is not None
        lag = published - earliest
        entries.append(TimelineEntry(position, published, lag, lag == timedelta(0)))
    entries.extend(TimelineEntry(position, None, None, False) for position in undated)
    originals: dict[tuple[str, str], int] = {}
    for number, entry in enumerate(entries):
        report = reports[entry.report]
        text = (" ".join(fold(report.title).split()), " ".join(fold(report.body).split()))
        if text in originals:
            entries[number] = replace(entry, copy_of=originals[text])
        else:
            originals[text] = entry.report
    return entries


def format_lag(lag: timedelta | None) -> str:
    """«+4 h 21 min», «+2 d 3 h», «first», or «unknown» for an undated report."""
    if lag is None:
        return "unknown"
    minutes = int(lag.total_seconds() // 60)
    if minutes == 0:
        return "first"
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    parts = [f"{days} d" if days else "", f"{hours} h" if hours else "", f"{minutes} min" if minutes else ""]
    return "+" + " ".join(part for part in parts if part)
