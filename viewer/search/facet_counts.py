"""Facet counts as array operations: each document's values as small integer codes.

A facet is a list of (document, value code) pairs — one per document for the index's
columns (outlet, author, year, month), any number for the facets kept outside the index
(people, places, events). Counting the values of the documents in a mask is then one
gather and one ``bincount``, whatever the number of matches.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import numpy as np


class FacetTable:
    """One facet's values, by document number."""

    def __init__(self, labels: Sequence[str], docs: np.ndarray | None, codes: np.ndarray) -> None:
        """``docs[i]`` has value ``labels[codes[i]]``; no ``docs``: document ``i`` has it."""
        self._labels = list(labels)
        self._docs = docs
        self._codes = codes
        # Counts tie-break on the value itself: its rank among the values, computed once.
        self._rank = np.empty(len(self._labels), dtype=np.int64)
        self._rank[np.argsort(np.array(self._labels, dtype=object), kind="stable")] = np.arange(len(self._labels))
        self._blank = self._labels.index("") if "" in self._labels else -1

    @classmethod
    def from_column(cls, values: Sequence[str]) -> FacetTable:
        """A single-valued facet: ``values[docnum]`` is the document's value ("" for none)."""
        codes_of: dict[str, int] = {}
        codes = np.fromiter((codes_of.setdefault(v, len(codes_of)) for v in values), dtype=np.int64, count=len(values))
        return cls(list(codes_of), None, codes)

    @classmethod
    def from_pairs(cls, pairs: Iterable[tuple[int, str]]) -> FacetTable:
        """A many-valued facet from (document number, value) pairs."""
        codes_of: dict[str, int] = {}
        docs: list[int] = []
        codes: list[int] = []
        for docnum, value in pairs:
            docs.append(docnum)
            codes.append(codes_of.setdefault(value, len(codes_of)))
        return cls(list(codes_of), np.asarray(docs, dtype=np.int64), np.asarray(codes, dtype=np.int64))

    def count(self, mask: np.ndarray) -> dict[str, int]:
        """Value -> number of documents in ``mask`` having it, most frequent first, then by value."""
        if not self._labels:
            return {}
        if self._docs is None:
            size = min(len(mask), len(self._codes))
            chosen = self._codes[:size][mask[:size]]
        else:
            chosen = self._codes[mask[self._docs]]
        counts = np.bincount(chosen, minlength=len(self._labels))
        if self._blank >= 0:
            counts[self._blank] = 0
        present = np.flatnonzero(counts)
        order = present[np.lexsort((self._rank[present], -counts[present]))]
        labels = self._labels
        return {labels[i]: int(n) for i, n in zip(order.tolist(), counts[order].tolist(), strict=True)}


def external_pairs(
    values: Mapping[str, Sequence[str]], docnum_of: Mapping[str, int]
) -> Iterable[tuple[int, str]]:
    """(document number, value) for a facet kept outside the index (article id -> values)."""
    for article, have in values.items():
        docnum = docnum_of.get(article)
        if docnum is not None:
            for value in have:
                yield docnum, value
