"""Document frequencies of lemmas over the archive being grouped.

How telling a shared word is depends on the archive: «коронавирус» identified a story in January
2020 and identified nothing by April. So rarity is measured on the articles at hand (optionally
with a background collection added), never on a fixed list shipped with the program, and the
table is stored with the archive so that grouping new articles later weighs words the same way.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from viewer.events.features import StoryFingerprint

_FORMAT = 1


PRIOR_DOCUMENTS = 200


class DocumentFrequencies:
    """How many articles of an archive contain each lemma, and the inverse frequency it gives."""

    def __init__(self, counts: Mapping[str, int] | None = None, n_docs: int = 0) -> None:
        self._counts: Counter[str] = Counter(counts or {})
        self._n_docs = max(int(n_docs), max(self._counts.values(), default=0))
        self._idf: dict[str, float] = {}
        self.version = 0  # changes whenever counts change, so cached weights can be dropped

    @property
    def n_docs(self) -> int:
        return self._n_docs

    def __len__(self) -> int:
        return len(self._counts)

    def count(self, lemma: str) -> int:
        """Number of articles that contain ``lemma``."""
        return self._counts.get(lemma, 0)

    def add(self, item: StoryFingerprint | Iterable[str]) -> None:
        """Count one article: a fingerprint, or the lemmas of a text (repeats count once)."""
        lemmas = item.vocabulary if isinstance(item, StoryFingerprint) else set(item)
        self._counts.update(lemmas)
        self._n_docs += 1
        self._idf.clear()
        self.version += 1

    def update(self, items: Iterable[StoryFingerprint | Iterable[str]]) -> DocumentFrequencies:
        """Count many articles; returns the table for chaining."""
        for item in items:
            self.add(item)
        return self

    def idf(self, lemma: str) -> float:
        """Smoothed inverse document frequency, ln((N + P + 1) / (df + 1)), largest for a lemma
        never seen and defined for an empty table.

        P = ``PRIOR_DOCUMENTS`` imaginary articles that contain none of the lemmas: in a small
        archive (the five-article sample) the reports of one event are a large share of all
        articles, and without the prior the words they share would weigh almost nothing. In an
        archive of thousands the prior hardly matters.
        """
        found = self._idf.get(lemma)
        if found is None:
            found = math.log((self._n_docs + PRIOR_DOCUMENTS + 1) / (self._counts.get(lemma, 0) + 1))
            self._idf[lemma] = found
        return found

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form for storing the table with the archive."""
        return {"format": _FORMAT, "n_docs": self._n_docs, "counts": dict(self._counts)}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> DocumentFrequencies:
        """The table stored by ``to_dict``."""
        if data.get("format", _FORMAT) != _FORMAT:
            raise ValueError(f"unknown document-frequency format {data.get('format')!r}")
        counts = {str(key): int(value) for key, value in dict(data.get("counts", {})).items()}
        return cls(counts, int(data.get("n_docs", 0)))

    @classmethod
    def of(cls, items: Iterable[StoryFingerprint | Iterable[str]]) -> DocumentFrequencies:
        """The table of a collection of fingerprints or lemma lists."""
        return cls().update(items)
