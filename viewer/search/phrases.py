"""Phrase and proximity matching over position arrays.

A phrase matches where each word follows the one before it within ``slop`` positions (1:
right after it), as whoosh's ordered span query has it. Rather than walk each document's
position lists, the occurrences of every word in the candidate documents become sorted
(document, position) keys, and one binary search per word finds, for each occurrence, the
nearest earlier end of a match of the words before it.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from viewer.search.posting_arrays import Postings

# A document number and a position in one sortable integer.
_SHIFT = np.int64(1 << 32)


def phrase_docs(
    words: Sequence[Postings], candidates: np.ndarray, slop: int = 1, forms: Sequence[int] | None = None
) -> np.ndarray:
    """Document numbers among ``candidates`` (a mask) where ``words`` occur in this order;
    with ``forms``, only their occurrences in those word forms (``fields.form_hash``) count."""
    slop = max(1, int(slop))
    ends = _keys(words[0], candidates, forms[0] if forms else None)
    for n, postings in enumerate(words[1:], start=1):
        if not len(ends):
            break
        keys = _keys(postings, candidates, forms[n] if forms else None)
        # The latest match end strictly before each occurrence, and whether it is near enough.
        before = np.searchsorted(ends, keys, side="left") - 1
        gap = keys - ends[np.maximum(before, 0)]
        ends = keys[(before >= 0) & (gap >= 1) & (gap <= slop)]
    return np.unique(ends // _SHIFT)


def _keys(postings: Postings, candidates: np.ndarray, form: int | None = None) -> np.ndarray:
    """Sorted (document << 32 | position) of a word's occurrences in the candidate documents."""
    assert postings.counts is not None and postings.positions is not None
    chosen = candidates[postings.docs]
    per_occurrence = np.repeat(chosen, postings.counts)
    if form is not None:
        assert postings.forms is not None
        per_occurrence &= postings.forms == form
    docs = np.repeat(postings.docs, postings.counts)[per_occurrence]
    return docs * _SHIFT + postings.positions[per_occurrence]
