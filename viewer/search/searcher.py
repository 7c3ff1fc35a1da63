"""Running queries: matching documents, facet counts that follow the query, ranked pages."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
from whoosh import query
from whoosh.index import Index
from whoosh.searching import Searcher

from viewer.search.date_ranges import DATE_FILTER, narrows, span_query
from viewer.search.docsets import DocSets
from viewer.search.facet_counts import FacetTable, external_pairs
from viewer.search.posting_arrays import PostingCache
from viewer.search.query import TEXT_FIELDS, ExactForm, QueryError, QueryParser, TextLookup
from viewer.search.ranking import Ranker
from viewer.search.schema import FACET_COLUMNS
from viewer.search.snippets import EXACT_MARK
from viewer.text.normalise import fold

SORTS = ("relevance", "date")
# Fields whose index terms are folded values (see schema.FoldedID).
_FOLDED_FIELDS = {"outlet", "author"}


# Facets kept outside the index, because they change without the text changing (events now,
# entities later): facet name -> article id -> its values.
ExternalFacets = Callable[[], Mapping[str, Mapping[str, Sequence[str]]]]


@dataclass
class RankedPage:
    total: int
    hits: list[tuple[str, float]]  # (article id, score)
    facets: dict[str, dict[str, int]]
    terms: set[str] = field(default_factory=set)  # lemmas and forms to highlight


class ArchiveSearcher:
    """Searches one index; reopen-on-change is cheap, and facet columns are cached per generation."""

    def __init__(self, ix: Index, texts: TextLookup, external: ExternalFacets | None = None) -> None:
        self._ix = ix
        self._texts = texts
        self._external = external or (lambda: {})
        self._parser = QueryParser(ix.schema)
        self._searcher: Searcher = ix.searcher()
        self._columns: dict[str, list[str]] = {}
        self._docnums: dict[str, int] | None = None
        # (the external facets it was built from, (facet, folded value) -> article ids)
        self._inverted: tuple[object, dict[tuple[str, str], list[str]]] | None = None
        # Per index generation: matching as arrays, ranking, and facet tables.
        self._sets: DocSets | None = None
        self._ranker: Ranker | None = None
        self._tables: dict[str, FacetTable] = {}
        self._external_tables: tuple[object, dict[str, FacetTable]] | None = None
        self._expansions: dict[query.Query, query.Query] = {}

    def close(self) -> None:
        self._searcher.close()

    def refresh(self) -> Searcher:
        if not self._searcher.up_to_date():
            # Not Searcher.refresh(): it reuses segment readers and so misses new deletions.
            self._searcher.close()
            self._searcher = self._ix.searcher()
            self._columns = {}
            self._docnums = None
            self._sets = self._ranker = self._external_tables = None
            self._tables = {}
            self._expansions = {}
        return self._searcher

    def warm(self) -> None:
        """Read now what the first search would: the facet columns, the documents' numbers and
        dates, the field lengths. Touches the index only, so it may run on another thread
        before the searcher is handed to the one that searches."""
        self.refresh()
        for facet in FACET_COLUMNS:
            self._facet_table(facet, {})
        self._docnum_of()
        self._doc_sets().dates()
        if self._ranker is None:
            self._ranker = Ranker(self._doc_sets())
        self._ranker.read_lengths()

    def _doc_sets(self) -> DocSets:
        if self._sets is None:
            self._sets = DocSets(self._searcher, PostingCache(self._searcher))
        return self._sets

    def _facet_table(self, facet: str, external: Mapping[str, Mapping[str, Sequence[str]]]) -> FacetTable:
        if facet in external:
            if self._external_tables is None or self._external_tables[0] is not external:
                self._external_tables = (external, {})
            tables = self._external_tables[1]
            if facet not in tables:
                tables[facet] = FacetTable.from_pairs(external_pairs(external[facet], self._docnum_of()))
            return tables[facet]
        if facet not in self._tables:
            self._tables[facet] = FacetTable.from_column(self._column_values(FACET_COLUMNS[facet]))
        return self._tables[facet]

    def parse(self, text: str) -> query.Query:
        return self._parser.parse(text, self._texts, self._articles_with)

    def _articles_with(self, facet: str, folded: str) -> list[str]:
        external = self._external()
        if self._inverted is None or self._inverted[0] is not external:
            inverted: dict[tuple[str, str], list[str]] = {}
            for name, values in external.items():
                for article, have in values.items():
                    for value in have:
                        inverted.setdefault((name, fold(value)), []).append(article)
            self._inverted = (external, inverted)
        return self._inverted[1].get((facet, folded), [])

    def _column_values(self, name: str) -> list[str]:
        """Every document's value of an index column, by document number (cached)."""
        values = self._columns.get(name)
        if values is None:
            reader = self._searcher.reader()
            raw = list(reader.column_reader(name)) if reader.has_column(name) else []
            values = [v.decode("utf-8") if isinstance(v, bytes) else (v or "") for v in raw]
            self._columns[name] = values
        return values

    def _docs(self, q: query.Query) -> np.ndarray:
        """The live documents matching ``q``, as a mask over document numbers."""
        return self._doc_sets().match(q)

    def _article_ids(self) -> list[str]:
        return self._column_values("id")

    def _docnum_of(self) -> dict[str, int]:
        if self._docnums is None:
            deleted = self._searcher.reader().is_deleted
            self._docnums = {a: d for d, a in enumerate(self._article_ids()) if not deleted(d)}
        return self._docnums

    def _value_docs(
        self, name: str, values: Sequence[str], external: Mapping[str, Mapping[str, Sequence[str]]]
    ) -> np.ndarray:
        """Documents having any of ``values`` in facet ``name``."""
        if name == DATE_FILTER:
            return self._docs(span_query(values))
        if name in external:
            docnum_of = self._docnum_of()
            articles = {a for value in values for a in self._articles_with(name, fold(value))}
            return self._doc_sets().of(docnum_of[a] for a in articles if a in docnum_of)
        return self._docs(_value_query(name, values))

    def search(
        self,
        text: str,
        filters: Mapping[str, Sequence[str]] | None = None,
        excludes: Mapping[str, Sequence[str]] | None = None,
        sort: str = "relevance",
        offset: int = 0,
        limit: int = 20,
    ) -> RankedPage:
        if sort not in SORTS:
            raise QueryError(f"unknown order «{sort}»; use {' or '.join(SORTS)}")
        searcher = self.refresh()
        # Wildcards and fuzzy terms become the words they stand for once, here, rather than
        # again for the facet counts and for the ranking.
        reader = searcher.reader()
        parsed = self.parse(text).accept(lambda node: _expand(node, reader, self._expansions))
        matched = self._docs(parsed)
        external = self._external()
        excluded = self._doc_sets().empty()
        for name, values in (excludes or {}).items():
            excluded |= self._value_docs(name, values, external)
        included = {
            name: self._value_docs(name, values, external) for name, values in (filters or {}).items() if values
        }
        allowed = matched & ~excluded
        for docs in included.values():
            allowed &= docs

        facets = {}
        for facet in (*FACET_COLUMNS, *external):
            base = matched & ~excluded
            for name, docs in included.items():
                if narrows(name, facet):
                    base &= docs
            facets[facet] = self._facet_table(facet, external).count(base)

        hits: list[tuple[str, float]] = []
        if limit > 0 and allowed.any():
            if self._ranker is None:
                self._ranker = Ranker(self._doc_sets())
            if sort == "date" or isinstance(parsed, query.Every):
                # Newest first; undated articles last. Sorted results carry no relevance score.
                best = self._ranker.newest(allowed, offset, limit)
            else:
                best = self._ranker.best(parsed, allowed, offset, limit)
            stored = searcher.stored_fields
            hits = [(stored(docnum)["id"], score) for docnum, score in best]
        return RankedPage(int(allowed.sum()), hits, facets, self._highlight_terms(parsed))

    def _highlight_terms(self, node: query.Query) -> set[str]:
        """Lemmas to highlight, and exact forms written as «=form» (see snippets.matches)."""
        if isinstance(node, ExactForm):
            return {EXACT_MARK + form for form in node.forms}
        if node.is_leaf():
            try:
                pairs: Iterable[tuple[str, object]] = node.existing_terms(self._searcher.reader(), expand=True)
            except Exception:  # some query types cannot expand; their literal terms will do
                pairs = node.iter_all_terms()
            return {
                term.decode("utf-8") if isinstance(term, bytes) else str(term)
                for fieldname, term in pairs
                if fieldname in TEXT_FIELDS
            }
        if isinstance(node, query.Not):
            return set()
        terms: set[str] = set()
        for child in node.children():
            terms |= self._highlight_terms(child)
        return terms


# Past this many words, a wildcard is left to whoosh, which unions them more cheaply.
_MAX_EXPANSION = 1000
# Expansions kept per index generation: finding a fuzzy term's words walks the whole vocabulary.
_EXPANSIONS_KEPT = 512


def _expand(node: query.Query, reader: object, kept: dict[query.Query, query.Query]) -> query.Query:
    """A wildcard, prefix or fuzzy term as an OR of the words it stands for in this index."""
    if not isinstance(node, query.MultiTerm):
        return node
    found = kept.get(node)
    if found is None:
        found = _expansion(node, reader)
        if len(kept) >= _EXPANSIONS_KEPT:
            kept.clear()
        kept[node] = found
    return found


def _expansion(node: query.MultiTerm, reader: object) -> query.Query:
    words = []
    for word in node._btexts(reader):  # whoosh gives bytes, or str for fuzzy terms
        words.append(word.decode("utf-8") if isinstance(word, bytes) else word)
        if len(words) > _MAX_EXPANSION:
            return node
    if not words:
        return query.NullQuery
    return query.Or([query.Term(node.fieldname, word, boost=node.boost) for word in words])


def _value_query(name: str, values: Sequence[str]) -> query.Query:
    if name not in FACET_COLUMNS:
        raise QueryError(
            f"cannot filter on «{name}»; the facets are: {', '.join(FACET_COLUMNS)}, person, organisation, place,"
            " event, and date (a span such as 2019-03..2019-11)"
        )
    return query.Or([query.Term(name, fold(v) if name in _FOLDED_FIELDS else v) for v in values])
