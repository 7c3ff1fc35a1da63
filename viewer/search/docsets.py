"""Which documents match a query, as a boolean mask over the index's document numbers.

Facet counts need every matching document, not the best few. Whoosh finds them by stepping
matcher trees document by document in Python; here each term's postings are read whole
(see ``posting_arrays``) and combined as arrays: AND, OR and NOT are element-wise, a date
range compares the date column, a phrase compares positions, an exact form also the hashes
of the forms kept beside them. Anything else falls back to whoosh's matchers for that branch.
"""

from __future__ import annotations

import numpy as np
from whoosh import query
from whoosh.searching import Searcher

from viewer.search.fields import form_hash
from viewer.search.phrases import phrase_docs
from viewer.search.posting_arrays import PostingCache, Postings
from viewer.search.query import TEXT_FIELDS, ArticleSet, ExactForm
from viewer.text.lemmas import lemma

DATE_FIELD = "date"


class DocSets:
    """Matching documents of queries against one searcher; build a new one when it changes."""

    def __init__(self, searcher: Searcher, postings: PostingCache) -> None:
        self.searcher = searcher
        self.postings = postings
        self.size = searcher.doc_count_all()
        self.live = _live_mask(searcher, self.size)
        self._dates: np.ndarray | None = None

    def empty(self) -> np.ndarray:
        return np.zeros(self.size, dtype=bool)

    def of(self, docnums: object) -> np.ndarray:
        """A mask from document numbers."""
        mask = self.empty()
        mask[np.fromiter(docnums, dtype=np.int64)] = True  # type: ignore[call-overload]
        return mask & self.live

    def dates(self) -> np.ndarray:
        """Each document's publication time as whoosh stores it (0 when undated)."""
        if self._dates is None:
            reader = self.searcher.reader()
            has = reader.has_column(DATE_FIELD)
            column = reader.column_reader(DATE_FIELD, translate=False) if has else []
            values = np.fromiter((v or 0 for v in column), dtype=np.int64)
            self._dates = np.pad(values, (0, max(0, self.size - len(values))))[: self.size]
        return self._dates

    def match(self, q: query.Query) -> np.ndarray:
        """The live documents matching ``q``."""
        return self._mask(q) & self.live

    def _mask(self, q: query.Query) -> np.ndarray:
        if isinstance(q, query.Term):
            return self._term_mask(self.postings.get(q.fieldname, q.text))
        if isinstance(q, query.Or):
            mask = self.empty()
            for child in q.subqueries:
                mask |= self._mask(child)
            return mask
        if isinstance(q, query.And):
            children = sorted(q.subqueries, key=lambda c: not isinstance(c, query.Term))
            mask = self._mask(children[0]) if children else self.empty()
            for child in children[1:]:
                if not mask.any():
                    break
                if isinstance(child, query.Not):
                    mask &= ~self._mask(child.query)
                else:
                    mask &= self._mask(child)
            return mask
        if isinstance(q, query.AndNot):
            return self._mask(q.a) & ~self._mask(q.b)
        if isinstance(q, query.Not):
            return ~self._mask(q.query)
        if isinstance(q, query.Every) and q.fieldname in (None, "", "*"):
            return self.live.copy()
        if q is query.NullQuery:
            return self.empty()
        if isinstance(q, query.NumericRange) and q.fieldname == DATE_FIELD:
            return self._date_range(q)
        if isinstance(q, query.Phrase):
            return self._phrase(q)
        if isinstance(q, ExactForm):
            found = self._exact_forms(q)
            if found is not None:
                return found
            candidates = self._mask(q.child) & self.live
            return self.of(q.kept(self.searcher, np.flatnonzero(candidates).tolist()))
        if isinstance(q, ArticleSet):
            return self.of(q.docnums(self.searcher))
        return self.of(q.docs(self.searcher))

    def _date_range(self, q: query.NumericRange) -> np.ndarray:
        dates = self.dates()
        mask = dates != 0
        if q.start is not None:
            mask &= dates > q.start if q.startexcl else dates >= q.start
        if q.end is not None:
            mask &= dates < q.end if q.endexcl else dates <= q.end
        return mask

    def _exact_forms(self, q: ExactForm) -> np.ndarray | None:
        """Documents with these word forms in a row, found by the form hashes kept beside the
        positions; None when the index has no hashes for them (it predates them)."""
        hashes = [form_hash(form) for form in q.forms]
        terms = [lemma(form) for form in q.forms]
        mask = self.empty()
        for fieldname in TEXT_FIELDS:
            words = [self.postings.get(fieldname, term, positions=True) for term in terms]
            if any(p.forms is None or (p.forms < 0).any() for p in words):
                return None
            candidates = self.live.copy()
            for postings in words:
                candidates &= self._term_mask(postings)
            if candidates.any():
                mask[phrase_docs(words, candidates, 1, hashes)] = True
        return mask

    def _term_mask(self, postings: Postings) -> np.ndarray:
        mask = self.empty()
        mask[postings.docs] = True
        return mask

    def _phrase(self, q: query.Phrase) -> np.ndarray:
        words = q.words
        if not words:
            return self.empty()
        candidates = self.live.copy()
        for word in words:
            candidates &= self._term_mask(self.postings.get(q.fieldname, word))
            if not candidates.any():
                return candidates
        if len(words) == 1:
            return candidates
        found = phrase_docs([self.postings.get(q.fieldname, w, positions=True) for w in words], candidates, q.slop)
        return self.of(found)


def _live_mask(searcher: Searcher, size: int) -> np.ndarray:
    live = np.ones(size, dtype=bool)
    for sub, offset in searcher.subsearchers or [(searcher, 0)]:
        reader = sub.reader()
        if reader.has_deletions():
            part = np.zeros(reader.doc_count_all(), dtype=bool)
            part[np.fromiter(reader.all_doc_ids(), dtype=np.int64)] = True
            live[offset : offset + len(part)] = part
    return live

