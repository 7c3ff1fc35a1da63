"""Which named entities each report mentions, and how often: a matrix of entities × reports.

Built only from the mentions the caller supplies (``viewer.entities`` output); when none are
given the matrix is empty rather than guessed, since a missing person in one outlet's report
is exactly what a reader looks for here and a heuristic would invent or hide such gaps.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from viewer.compare.inputs import ReportInput
from viewer.text.normalise import fold


@dataclass(frozen=True)
class EntityRow:
    """One entity: its normal form, type and mention count in each report (in report order)."""

    normal: str
    type: str
    counts: tuple[int, ...]

    @property
    def total(self) -> int:
        return sum(self.counts)

    @property
    def reports(self) -> int:
        return sum(1 for count in self.counts if count)


def entity_coverage(reports: Sequence[ReportInput]) -> list[EntityRow]:
    """Rows sorted by how many reports mention the entity, then by mentions, then by name."""
    counts: dict[tuple[str, str], list[int]] = {}
    spellings: dict[tuple[str, str], Counter[str]] = {}
    for position, report in enumerate(reports):
        for mention in report.mentions:
            normal = " ".join((mention.normal or mention.text or "").split())
            if not normal:
                continue
            key = (fold(normal), mention.type)
            counts.setdefault(key, [0] * len(reports))[position] += 1
            spellings.setdefault(key, Counter())[normal] += 1
    rows = [EntityRow(spellings[key].most_common(1)[0][0], key[1], tuple(row)) for key, row in counts.items()]
    return sorted(rows, key=lambda row: (-row.reports, -row.total, fold(row.normal), row.type))
