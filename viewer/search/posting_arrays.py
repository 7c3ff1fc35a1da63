"""Term postings as arrays: the documents of a term, its weights and (when asked) positions.

Whoosh reads a posting list one entry at a time through matcher objects, several
microseconds per document; a common word of a large archive has tens of thousands. Here
each block is unpickled once and its numbers land in numpy arrays, which set operations,
facet counting, ranking and phrase checks then use whole. Decoded terms are kept (up to
a memory budget) for as long as the index does not change: a person refining a query
asks for the same words again and again.
"""

from __future__ import annotations

import sys
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
    posting; ``counts`` says how many belong to each posting; ``forms`` the ``form_hash`` of
    the word form at each occurrence (-1 where the index has none).
    """

    docs: np.ndarray  # int64 document numbers
    weights: np.ndarray  # float64 term weight (frequency times the field's boost)
    counts: np.ndarray | None = None
    positions: np.ndarray | None = None
    forms: np.ndarray | None = None

    @property
    def nbytes(self) -> int:
        arrays = (self.docs, self.weights, self.counts, self.positions, self.forms)
        return sum(a.nbytes for a in arrays if a is not None)


EMPTY = Postings(_EMPTY_INT, np.zeros(0), _EMPTY_INT, _EMPTY_INT, _EMPTY_INT)


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
            np.concatenate([p.forms for p in parts]) if positions else None,  # type: ignore[misc]
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
    counts, flat, forms = _positions(values) if positions else (None, None, None)
    return Postings(docs, np.asarray(weights, dtype=np.float64), counts, flat, forms)


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


def _positions(values: list[bytes]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(occurrences per posting, absolute positions, form hashes) from CompactPositions values.

    Each value is a 4-byte big-endian count, that many 4-byte position deltas and, in an
    index that has them, that many 2-byte form hashes padded to 4 bytes. The values' lengths
    and counts say where everything is, so all of them decode together.
    """
    if not values:
        return _EMPTY_INT, _EMPTY_INT, _EMPTY_INT
    data = b"".join(values)
    words = np.frombuffer(data, dtype=np.uint32)
    sizes = np.fromiter(map(len, values), dtype=np.int64, count=len(values)) // 4
    starts = np.cumsum(sizes) - sizes  # each value's first word
    counts = words[starts].byteswap().astype(np.int64) if sys.byteorder == "little" else words[starts].astype(np.int64)
    # Occurrence i of posting p: its delta word, and its place among all occurrences.
    first = np.cumsum(counts) - counts
    within = np.arange(int(counts.sum())) - np.repeat(first, counts)
    deltas = words[np.repeat(starts + 1, counts) + within]
    totals = np.cumsum(deltas, dtype=np.int64)
    # Deltas restart at each posting: take away the running total where each posting begins.
    before = np.where(first > 0, totals[np.maximum(first - 1, 0)] if len(totals) else 0, 0)
    positions = totals - np.repeat(before, counts)
    hashed = sizes > counts + 1
    halves = np.frombuffer(data[: len(data) - len(data) % 2], dtype=np.uint16)
    at = np.repeat(2 * (starts + 1 + counts), counts) + within
    forms = np.where(np.repeat(hashed, counts), halves[np.minimum(at, len(halves) - 1)].astype(np.int64), -1)
    return counts, positions, forms
