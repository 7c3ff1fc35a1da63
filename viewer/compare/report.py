"""The whole comparison of a set of reports as one value, and its stable JSON form.

``Comparison`` keeps the inputs and everything found, with reports referred to by their position
in ``reports`` (the order given to ``compare``). ``to_json`` turns positions into report ids and
is the documented, versioned interchange form (docs/compare.md); its keys do not change within a
``version``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from viewer.compare.alignment import RANK, Link
from viewer.compare.coverage import EntityRow
from viewer.compare.discrepancies import Discrepancy, Place
from viewer.compare.facts import Fact
from viewer.compare.inputs import ReportInput
from viewer.compare.passages import Passage
from viewer.compare.quote_matches import QuoteMatch
from viewer.compare.quotes import Quote
from viewer.compare.sentences import Sentence
from viewer.compare.timeline import TimelineEntry

FORMAT = "letopis-comparison"
VERSION = 1


@dataclass(frozen=True)
class Comparison:
    """Everything ``compare`` found. Offsets are [start, stop) into each report's ``body``."""

    reports: tuple[ReportInput, ...]
    sentences: tuple[tuple[Sentence, ...], ...]
    links: tuple[Link, ...]
    passages: tuple[Passage, ...]
    facts: tuple[tuple[Fact, ...], ...]
    discrepancies: tuple[Discrepancy, ...]
    quotes: tuple[Quote, ...]
    quote_matches: tuple[QuoteMatch, ...]
    coverage: tuple[EntityRow, ...]
    timeline: tuple[TimelineEntry, ...]
    _by_sentence: dict[tuple[int, int], list[Link]] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        index: dict[tuple[int, int], list[Link]] = defaultdict(list)
        for link in self.links:
            index[(link.a.report, link.a.index)].append(link)
            index[(link.b.report, link.b.index)].append(link)
        self._by_sentence.update(index)

    def counterparts(self, report: int, sentence: int) -> list[tuple[Sentence, str, float]]:
        """(sentence, kind, score) of one sentence's counterparts in the other reports."""
        found = []
        for link in self._by_sentence.get((report, sentence), ()):
            other = link.b if (link.a.report, link.a.index) == (report, sentence) else link.a
            found.append((other, link.kind, link.score))
        return sorted(found, key=lambda item: (item[0].report, item[0].index))

    def sentence_kind(self, report: int, sentence: int) -> str:
        """The strongest kind among a sentence's counterparts, or ``unique``."""
        kinds = [kind for _, kind, _ in self.counterparts(report, sentence)]
        return min(kinds, key=RANK.__getitem__) if kinds else "unique"

    def passage_of(self) -> dict[tuple[int, int], str]:
        """(report, sentence index) -> passage id."""
        return {
            (report, index): passage.id
            for passage in self.passages
            for report, indices in passage.members
            for index in indices
        }

    def quote_ids(self) -> dict[int, str]:
        """id(quote) -> its JSON id (``q1`` ... in report and position order)."""
        return {id(quote): f"q{number}" for number, quote in enumerate(self.quotes, start=1)}

    def quote_groups(self) -> list[list[Quote]]:
        """Quotes joined by matches into one remark each (only groups of two or more)."""
        parent = {id(quote): id(quote) for quote in self.quotes}

        def find(item: int) -> int:
            while parent[item] != item:
                parent[item] = parent[parent[item]]
                item = parent[item]
            return item

        for match in self.quote_matches:
            parent[find(id(match.a))] = find(id(match.b))
        groups: dict[int, list[Quote]] = defaultdict(list)
        for quote in self.quotes:
            groups[find(id(quote))].append(quote)
        return [group for group in groups.values() if len(group) > 1]

    def to_json(self) -> dict[str, Any]:
        """The documented JSON form (docs/compare.md), plain dicts and lists, stable key order."""
        ids = [report.id for report in self.reports]
        passage_of = self.passage_of()
        quote_ids = self.quote_ids()
        remark_of = {
            id(quote): f"r{number}" for number, group in enumerate(self.quote_groups(), start=1) for quote in group
        }
        return {
            "format": FORMAT,
            "version": VERSION,
            "reports": [
                _report_json(self, position, report, passage_of) for position, report in enumerate(self.reports)
            ],
            "passages": [
                {
                    "id": passage.id,
                    "kind": passage.kind,
                    "members": [
                        {
                            "report": ids[report],
                            "sentences": list(indices),
                            "spans": _spans(self.sentences[report], indices),
                        }
                        for report, indices in passage.members
                    ],
                }
                for passage in self.passages
            ],
            "discrepancies": [
                {
                    "kind": item.kind,
                    "what": item.what,
                    "compatible": item.compatible,
                    "evidence": item.evidence,
                    "a": _place_json(item.a, ids),
                    "b": _place_json(item.b, ids),
                }
                for item in self.discrepancies
            ],
            "quotes": [
                {
                    "id": quote_ids[id(quote)],
                    "report": ids[quote.report],
                    "kind": quote.kind,
                    "start": quote.start,
                    "stop": quote.stop,
                    "text": quote.text,
                    "speaker": quote.speaker,
                    "remark": remark_of.get(id(quote)),
                }
                for quote in self.quotes
            ],
            "quote_matches": [
                {
                    "a": quote_ids[id(match.a)],
                    "b": quote_ids[id(match.b)],
                    "kind": match.kind,
                    "cosine": match.cosine,
                    "containment": match.containment,
                    "same_speaker": match.same_speaker,
                }
                for match in self.quote_matches
            ],
            "coverage": {
                "reports": ids,
                "entities": [
                    {"normal": row.normal, "type": row.type, "counts": list(row.counts), "total": row.total}
                    for row in self.coverage
                ],
            },
            "timeline": [
                {
                    "report": ids[entry.report],
                    "outlet": self.reports[entry.report].outlet,
                    "published": _iso(entry.published),
                    "lag_seconds": None if entry.lag is None else int(entry.lag.total_seconds()),
                    "first": entry.first,
                    "copy_of": None if entry.copy_of is None else ids[entry.copy_of],
                }
                for entry in self.timeline
            ],
        }


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()


def _spans(sentences: tuple[Sentence, ...], indices: tuple[int, ...]) -> list[list[int]]:
    """Offsets of runs of consecutive sentences: [[start, stop], ...]."""
    spans: list[list[int]] = []
    previous = None
    for index in indices:
        sentence = sentences[index]
        if previous is not None and index == previous + 1:
            spans[-1][1] = sentence.stop
        else:
            spans.append([sentence.start, sentence.stop])
        previous = index
    return spans


def _report_json(
    comparison: Comparison, position: int, report: ReportInput, passage_of: dict[tuple[int, int], str]
) -> dict[str, Any]:
    ids = [item.id for item in comparison.reports]
    return {
        "id": report.id,
        "source_id": report.source_id,
        "title": report.title,
        "outlet": report.outlet,
        "published": _iso(report.published),
        "length": len(report.body),
        "sentences": [
            {
                "index": sentence.index,
                "start": sentence.start,
                "stop": sentence.stop,
                "paragraph": sentence.paragraph,
                "kind": comparison.sentence_kind(position, sentence.index),
                "passage": passage_of[(position, sentence.index)],
                "counterparts": [
                    {"report": ids[other.report], "sentence": other.index, "kind": kind, "score": score}
                    for other, kind, score in comparison.counterparts(position, sentence.index)
                ],
            }
            for sentence in comparison.sentences[position]
        ],
        "facts": [
            {
                "kind": fact.kind,
                "what": fact.what,
                "value": fact.value,
                "display": fact.display,
                "qualifier": fact.qualifier,
                "sentence": fact.sentence,
                "start": fact.start,
                "stop": fact.stop,
                "text": fact.text,
            }
            for fact in comparison.facts[position]
        ],
    }


def _place_json(place: Place, ids: list[str]) -> dict[str, Any]:
    return {
        "report": ids[place.report],
        "sentence": place.sentence,
        "start": place.start,
        "stop": place.stop,
        "text": place.text,
        "value": place.value,
        "raw": place.raw,
        "qualifier": place.qualifier,
        "context": place.context,
    }
