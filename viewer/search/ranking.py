"""The best page of matches, by relevance (BM25F, as whoosh scores) or by date, over arrays.

Whoosh's collector scores every match one document at a time; a common word in a large
archive has tens of thousands. Here each query word is scored for all its documents at
once from its posting arrays (weights and field lengths), scores of a query's parts add up
as whoosh's matchers add them, and only the best ``offset + limit`` are sorted.
"""

from __future__ import annotations

import numpy as np
from whoosh import query, scoring
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield
from whoosh.util.numeric import byte_to_length

from viewer.search.docsets import DocSets
from viewer.search.query import ExactForm

# Field length bytes as whoosh decodes them.
_LENGTH_OF_BYTE = np.array([byte_to_length(b) for b in range(256)], dtype=np.float64)


class Ranker:
    """Scores queries against one searcher's documents."""

    def __init__(self, docsets: DocSets) -> None:
        self._docsets = docsets
        self._searcher = docsets.searcher
        weighting = self._searcher.weighting
        bm25 = isinstance(weighting, scoring.BM25F)
        self._b: float = weighting.B if bm25 else 0.75
        self._k1: float = weighting.K1 if bm25 else 1.2
        self._lengths: dict[str, np.ndarray] = {}

    def best(self, q: query.Query, allowed: np.ndarray, offset: int, limit: int) -> list[tuple[int, float]]:
        """(document number, score) of the matches ranked ``offset`` to ``offset + limit``;
        ties go to the lower document number, as in whoosh."""
        candidates = np.flatnonzero(allowed)
        scores = self.scores(q.accept(_ranking_form))[candidates]
        return _top(candidates, -scores, scores, offset, limit)

    def newest(self, allowed: np.ndarray, offset: int, limit: int) -> list[tuple[int, float]]:
        """The page of matches newest first, undated last (sorted results have no score)."""
        candidates = np.flatnonzero(allowed)
        dates = self._docsets.dates()[candidates]
        return [(d, 0.0) for d, _ in _top(candidates, -dates, np.zeros(len(candidates)), offset, limit)]

    def scores(self, q: query.Query) -> np.ndarray:
        """Every document's score for ``q`` (0 where it does not match): the sum of the scores
        of its matching parts, as whoosh's matchers add them up."""
        if isinstance(q, query.Term):
            return self._term(q)
        if isinstance(q, (query.And, query.Or)):
            total = np.zeros(self._docsets.size)
            for child in q.subqueries:
                total += self.scores(child)
            if isinstance(q, query.And):
                total *= self._docsets.match(q)
            return total
        if isinstance(q, query.AndNot):
            return self.scores(q.a) * self._docsets.match(q)
        if q is query.NullQuery:
            return np.zeros(self._docsets.size)
        # Ranges, exact values, NOT, sets kept outside the index: a constant where they match.
        return self._docsets.match(q) * float(q.boost)

    def _term(self, q: query.Term) -> np.ndarray:
        total = np.zeros(self._docsets.size)
        postings = self._docsets.postings.get(q.fieldname, q.text)
        if not len(postings.docs):
            return total
        searcher, fieldname = self._searcher, q.fieldname
        field = searcher.schema[fieldname]
        if not field.scorable:
            total[postings.docs] = postings.weights * q.boost
            return total
        text = field.to_bytes(q.text)
        idf = searcher.idf(fieldname, text)
        average = searcher.avg_field_length(fieldname) or 1
        tf = postings.weights
        length = self._field_lengths(fieldname)[postings.docs]
        k1, b = self._k1, self._b
        total[postings.docs] = idf * (tf * (k1 + 1)) / (tf + k1 * ((1 - b) + b * length / average)) * q.boost
        return total

    def read_lengths(self) -> None:
        """Read every scored field's lengths now rather than at the first query that needs them."""
        for fieldname in self._searcher.schema.scorable_names():
            self._field_lengths(fieldname)

    def _field_lengths(self, fieldname: str) -> np.ndarray:
        lengths = self._lengths.get(fieldname)
        if lengths is None:
            lengths = np.ones(self._docsets.size)
            for sub, offset in self._searcher.subsearchers or [(self._searcher, 0)]:
                lengths[offset : offset + sub.doc_count_all()] = _segment_lengths(sub.reader(), fieldname)
            self._lengths[fieldname] = lengths
        return lengths


def _ranking_form(node: query.Query) -> query.Query:
    """The query as ranking needs it once the matching documents are known: phrases and exact
    forms have already narrowed them, so their words alone score them."""
    if isinstance(node, query.Phrase):
        return query.And([query.Term(node.fieldname, word, boost=node.boost) for word in node.words])
    if isinstance(node, ExactForm):
        return node.child
    return node


def _segment_lengths(reader: object, fieldname: str) -> np.ndarray:
    """A segment's field lengths as whoosh's scorer sees them, read from its lengths column."""
    perdoc = getattr(reader, "_perdoc", None)
    column = perdoc._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN) if perdoc is not None else None
    if column is None:  # not whoosh's own segment format: one document at a time
        count = reader.doc_count_all()  # type: ignore[attr-defined]
        length = reader.doc_field_length  # type: ignore[attr-defined]
        return np.fromiter((length(d, fieldname) or 0 for d in range(count)), dtype=np.float64, count=count)
    return _LENGTH_OF_BYTE[np.fromiter(iter(column), dtype=np.int64)]


def _top(
    candidates: np.ndarray, keys: np.ndarray, scores: np.ndarray, offset: int, limit: int
) -> list[tuple[int, float]]:
    """The candidates ``offset`` to ``offset + limit`` by ascending key, then document number."""
    wanted = offset + limit
    if wanted <= 0 or not len(candidates):
        return []
    if len(candidates) > wanted:
        # Only the keys up to the wanted one's (ties included) need sorting.
        cutoff = np.partition(keys, wanted - 1)[wanted - 1]
        near = keys <= cutoff
        candidates, keys, scores = candidates[near], keys[near], scores[near]
    order = np.lexsort((candidates, keys))[offset:wanted]
    return list(zip(candidates[order].tolist(), scores[order].tolist(), strict=True))
