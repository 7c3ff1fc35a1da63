"""A document's postings in a lemmatised text field, computed in a few array operations.

``LemmaText.index`` builds each term's position list and value in Python, a few
microseconds a posting: a third of an import's time. Here each token is first turned into
one integer (its term's number and its form's hash, looked up in a dictionary that fills
itself), and then one stable sort of the document's term numbers groups the positions,
and every value is written into one buffer at once. The values are byte for byte what
``CompactPositions.encode`` writes for the same positions and forms.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from viewer.search.fields import form_hash
from viewer.text.lemmas import lemmatise

_HASH_BITS = 16
_HASH_MASK = (1 << _HASH_BITS) - 1

# Forms remembered before the codes start afresh (a form takes about 150 bytes here).
_FORMS_LIMIT = 1_000_000


class FormCodes(dict[str, int]):
    """Word form -> its lemma's term number and the form's hash in one integer, filled on lookup.

    ``number`` gives a lemma's term (its UTF-8 bytes) a number; a form met for the first
    time is lemmatised once, so a known form (nearly every token) costs one lookup in C.
    This is the indexing process's only cache of lemmas.
    """

    def __init__(self, number: Callable[[bytes], int]) -> None:
        super().__init__()
        self._number = number

    def __missing__(self, form: str) -> int:
        if len(self) >= _FORMS_LIMIT:
            self.clear()
        code = self[form] = self._number(lemmatise(form).encode("utf-8")) << _HASH_BITS | form_hash(form)
        return code

    def of(self, forms: list[str]) -> np.ndarray:
        """The codes of a text's forms, in order."""
        return np.fromiter(map(self.__getitem__, forms), dtype=np.int64, count=len(forms))


@dataclass(frozen=True)
class DocumentPostings:
    """One posting per distinct term of a document: term numbers ascending, with each
    term's frequency and its value (count, position deltas, form hashes) in ``values``."""

    terms: np.ndarray  # uint32
    counts: np.ndarray  # int64
    values: np.ndarray  # uint8, the values back to back
    value_lengths: np.ndarray  # uint32


def document_postings(codes: np.ndarray) -> DocumentPostings:
    """The postings of a non-empty text given as ``FormCodes`` codes, one a token.

    A value is laid out as ``CompactPositions`` has it: the count as a big-endian 32-bit
    number, then the position deltas (32-bit, native order), then each position's form
    hash (16-bit), padded to an even number of hashes. Every part is a whole number of
    16-bit units, so the buffer is written as 16-bit units.
    """
    size = len(codes)
    terms = codes >> _HASH_BITS
    order = np.argsort(terms, kind="stable")  # each term's positions together, ascending
    grouped = terms[order]
    first = np.empty(size, dtype=bool)
    first[0] = True
    np.not_equal(grouped[1:], grouped[:-1], out=first[1:])
    starts = np.flatnonzero(first)
    counts = np.diff(starts, append=size)

    units = 2 + 3 * counts + (counts & 1)  # 16-bit units of each value
    offsets = np.cumsum(units) - units
    out = np.zeros(int(units.sum()), dtype=np.uint16)
    two = np.arange(2)
    out[offsets[:, None] + two] = counts.astype(">u4").view(np.uint16).reshape(-1, 2)

    posting = np.cumsum(first) - 1  # which posting each grouped token belongs to
    rank = np.arange(size) - starts[posting]  # its place in that posting's list
    deltas = np.diff(order, prepend=0)
    deltas[starts] = order[starts]
    start = offsets[posting] + 2
    out[(start + 2 * rank)[:, None] + two] = deltas.astype("=u4").view(np.uint16).reshape(-1, 2)
    out[start + 2 * counts[posting] + rank] = (codes[order] & _HASH_MASK).astype(np.uint16)

    return DocumentPostings(
        terms=grouped[starts].astype(np.uint32),
        counts=counts,
        values=out.view(np.uint8),
        value_lengths=(2 * units).astype(np.uint32),
    )
