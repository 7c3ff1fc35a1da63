"""Term postings as arrays: the documents of a term, its weights and (when asked) positions.

Whoosh reads a posting list one entry at a time through matcher objects, several
microseconds per document; a common word of a large archive has tens of thousands. Here
each block is unpickled once and its numbers land in numpy arrays, which set operations,
facet counting, ranking and phrase checks then use whole. Decoded terms are kept (up to
a memory budget) for as long as the index does not change: a person refining a query
asks for the same words again and again.
"""

from __future__ import annotations

import zlib
from collections import OrderedDict
from dataclasses import dataclass
from pickle import loads
from typing import Any

import numpy as np
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.searching import Searcher

# Cached postings may take this many bytes; the least recently used terms go first.
CACHE_BYTES = 256 * 1024 * 1024
_EMPTY_INT = np.zeros(0, dtype=np.int64)


@dataclass(frozen=True)
class Postings:
    """One term's postings over the whole index, by ascending global document number.

    ``positions`` (only when asked for) holds every occurrence's position, posting after
    posting; ``counts`` says how many belong to each posting.
    """

    docs: np.ndarray  # int64 document numbers
    weights: np.ndarray  # float64 term weight (frequency times the field's boost)
    counts: np.ndarray | None = None
    positions: np.ndarray | None = None

    @property
    def nbytes(self) -> int:
        extra = 0 if self.positions is None or self.counts is None else self.positions.nbytes + self.counts.nbytes
        return self.docs.nbytes + self.weights.nbytes + extra


EMPTY = Postings(_EMPTY_INT, np.zeros(0), _EMPTY_INT, _EMPTY_INT)


class PostingCache:
    """Decoded postings of one searcher's index (a new searcher needs a new cache)."""

    def __init__(self, searcher: Searcher, budget: int = CACHE_BYTES) -> None:
        self._schema = searcher.schema
        self._parts = searcher.subsearchers or [(searcher, 0)]
        self._budget = budget
        self._used = 0
        self._terms: OrderedDict[tuple[str, bytes, bool], Postings] = OrderedDict()

    def get(self, fieldname: str, text: object, positions: bool = False) -> Postings:
        """The postings of a term; text as in a whoosh query (str, bytes, or a field's value)."""
        if fieldname not in self._schema:
            return EMPTY
        try:
            text = self._schema[fieldname].to_bytes(text)
        except ValueError:
            return EMPTY
        key = (fieldname, text, positions)
        # Postings read with positions serve a request without them too.
        for have in (key,) if positions else (key, (fieldname, text, True)):
            found = self._terms.get(have)
            if found is not None:
                self._terms.move_to_end(have)
                return found
        found = self._read(fieldname, text, positions)
        self._terms[key] = found
        self._used += found.nbytes
        while self._used > self._budget and len(self._terms) > 1:
            _, dropped = self._terms.popitem(last=False)
            self._used -= dropped.nbytes
        return found

    def _read(self, fieldname: str, text: bytes, positions: bool) -> Postings:
        parts = []
        for sub, offset in self._parts:
            reader = sub.reader()
            if (fieldname, text) in reader:
                parts.append(_decode(reader.postings(fieldname, text), offset, positions))
        if not parts:
            return EMPTY
        if len(parts) == 1:
            return parts[0]
        return Postings(
            np.concatenate([p.docs for p in parts]),
            np.concatenate([p.weights for p in parts]),
            np.concatenate([p.counts for p in parts]) if positions else None,  # type: ignore[misc]
            np.concatenate([p.positions for p in parts]) if positions else None,  # type: ignore[misc]
        )


def _decode(matcher: Any, offset: int, positions: bool) -> Postings:
    if isinstance(matcher, W3LeafMatcher):
        ids, weights, values = _read_blocks(matcher, positions)
    else:  # a term with a single posting is stored inline, in a list matcher
        ids, weights, values = [], [], []
        while matcher.is_active():
            ids.append(matcher.id())
            weights.append(matcher.weight())
            if positions:
                values.append(matcher.value())
            matcher.next()
    docs = np.asarray(ids, dtype=np.int64) + offset
    counts, flat = _positions(values) if positions else (None, None)
    return Postings(docs, np.asarray(weights, dtype=np.float64), counts, flat)


def _read_blocks(matcher: W3LeafMatcher, positions: bool) -> tuple[np.ndarray, list[float], list[bytes]]:
    """Every block of an on-disk posting list, each unpickled once (whoosh's W3 block layout)."""
    id_parts: list[np.ndarray] = []
    weights: list[float] = []
    values: list[bytes] = []
    postfile = matcher._postfile
    while matcher.is_active():
        length = matcher._blocklength
        raw = postfile.get(matcher._dataoffset, matcher._nextoffset - matcher._dataoffset)
        if matcher._compression:
            raw = zlib.decompress(raw)
        block_ids, block_weights, block_values = loads(raw)
        ids = np.asarray(block_ids, dtype=np.int64)
        id_parts.append(ids if matcher._byteids else np.cumsum(ids))  # ids are stored as deltas
        if block_weights is None:
            weights.extend([1.0] * length)
        elif isinstance(block_weights, float):
            weights.extend([block_weights] * length)
        else:
            weights.extend(block_weights)
        if positions:
            values.extend(block_values)
        matcher._next_block()
    ids_all = np.concatenate(id_parts) if id_parts else _EMPTY_INT
    return ids_all, weights, values


def _positions(values: list[bytes]) -> tuple[np.ndarray, np.ndarray]:
    """(occurrences per posting, absolute positions) from CompactPositions values.

    Each value is a 4-byte count followed by that many 4-byte position deltas; the count is
    also the value's length, so all values decode together.
    """
    if not values:
        return _EMPTY_INT, _EMPTY_INT
    words = np.frombuffer(b"".join(values), dtype=np.uint32)
    sizes = np.fromiter(map(len, values), dtype=np.int64, count=len(values)) // 4
    counts = sizes - 1
    headers = np.cumsum(sizes) - sizes
    keep = np.ones(len(words), dtype=bool)
    keep[headers] = False
    totals = np.cumsum(words[keep], dtype=np.int64)
    # Deltas restart at each posting: take away the running total where each posting begins.
    ends = np.cumsum(counts)
    before = np.concatenate(([0], totals[ends[:-1] - 1])) if len(totals) else np.zeros(len(counts), np.int64)
    before = np.where(np.concatenate(([True], counts[:-1] > 0)), before, 0)
    return counts, totals - np.repeat(before, counts)
