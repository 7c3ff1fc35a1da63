"""What a comparison is made of: reports with their text, outlet, time and optional entity mentions.

The entity extractor (``viewer.entities``) is slow to load and lives elsewhere, so mentions are
passed in as plain objects with ``start``, ``stop``, ``type``, ``text`` and ``normal``; anything
shaped like ``viewer.entities.Mention`` will do, and comparison never loads the models itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol, runtime_checkable


@runtime_checkable
class MentionLike(Protocol):
    """A named-entity mention: offsets [start, stop) into the report body, type PER/ORG/LOC."""

    @property
    def start(self) -> int: ...
    @property
    def stop(self) -> int: ...
    @property
    def type(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def normal(self) -> str: ...


@dataclass(frozen=True)
class ReportInput:
    """One outlet's report of the event. ``published`` must be timezone-aware, or None."""

    id: str
    title: str
    body: str
    outlet: str | None
    published: datetime | None
    mentions: Sequence[MentionLike] = ()
    source_id: str | None = None  # the id the report had in its source (a JSON id or guid), for exports


def validate(reports: Sequence[ReportInput]) -> None:
    """Reject input that would make the comparison meaningless or ambiguous, with a clear message."""
    if isinstance(reports, ReportInput | str | bytes):
        raise TypeError("compare() takes a sequence of ReportInput, not a single report")
    if len(reports) < 2:
        raise ValueError(f"compare() needs at least 2 reports to compare, got {len(reports)}")
    seen: set[str] = set()
    for report in reports:
        if not isinstance(report, ReportInput):
            raise TypeError(f"expected ReportInput, got {type(report).__name__}")
        if report.id in seen:
            raise ValueError(f"report ids must be unique; {report.id!r} occurs twice")
        seen.add(report.id)
        if report.published is not None and report.published.utcoffset() is None:
            raise ValueError(f"report {report.id!r}: published must be timezone-aware (or None)")
