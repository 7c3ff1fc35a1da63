"""Running queries: matching documents, facet counts that follow the query, ranked pages."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from whoosh import query, sorting
from whoosh.index import Index
from whoosh.searching import Searcher

from viewer.search.docsets import matching_docs
from viewer.search.query import TEXT_FIELDS, ExactForm, QueryError, QueryParser, TextLookup
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

    def close(self) -> None:
        self._searcher.close()

    def refresh(self) -> Searcher:
        if not self._searcher.up_to_date():
            # Not Searcher.refresh(): it reuses segment readers and so misses new deletions.
            self._searcher.close()
            self._searcher = self._ix.searcher()
            self._columns = {}
            self._docnums = None
        return self._searcher

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

    def _docs(self, q: query.Query) -> set[int]:
        return matching_docs(self._searcher, q)

    def _article_ids(self) -> list[str]:
        return self._column_values("id")

    def _docnum_of(self) -> dict[str, int]:
        if self._docnums is None:
            deleted = self._searcher.reader().is_deleted
            self._docnums = {a: d for d, a in enumerate(self._article_ids()) if not deleted(d)}
        return self._docnums

    def _value_docs(
        self, name: str, values: Sequence[str], external: Mapping[str, Mapping[str, Sequence[str]]]
    ) -> set[int]:
        """Documents having any of ``values`` in facet ``name``."""
        if name in external:
            docnum_of = self._docnum_of()
            articles = {a for value in values for a in self._articles_with(name, fold(value))}
            return {docnum_of[a] for a in articles if a in docnum_of}
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
        parsed = self.parse(text).accept(lambda node: _expand(node, reader))
        matched = self._docs(parsed)
        external = self._external()
        excluded: set[int] = set()
        for name, values in (excludes or {}).items():
            excluded |= self._value_docs(name, values, external)
        included = {
            name: self._value_docs(name, values, external) for name, values in (filters or {}).items() if values
        }
        allowed = matched - excluded
        for docs in included.values():
            allowed &= docs

        facets = {}
        for facet in (*FACET_COLUMNS, *external):
            base = matched - excluded
            for name, docs in included.items():
                if name != facet:
                    base &= docs
            counts: Counter[str] = Counter()
            if facet in external:
                ids, values = self._article_ids(), external[facet]
                for d in base:
                    counts.update(values.get(ids[d], ()))
            else:
                column = self._column_values(FACET_COLUMNS[facet])
                counts.update(column[d] for d in base if d < len(column))
            counts.pop("", None)
            facets[facet] = dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))

        hits: list[tuple[str, float]] = []
        if allowed and limit > 0:
            wanted = offset + limit
            if sort == "date" or isinstance(parsed, query.Every):
                # Newest first; undated articles last. Sorted results carry no relevance score.
                order = sorting.FieldFacet("date", reverse=True)
                results = searcher.search(query.Every(), filter=allowed, limit=wanted, sortedby=order)
            else:
                ranking = parsed.accept(_ranking_form)
                results = searcher.search(ranking, filter=allowed, limit=wanted)
            # Index, not list(results): that asks len(), which counts every match again.
            for n in range(offset, min(wanted, results.scored_length())):
                hit = results[n]
                score = hit.score if isinstance(hit.score, (int, float)) else 0.0
                hits.append((hit["id"], float(score)))
        return RankedPage(len(allowed), hits, facets, self._highlight_terms(parsed))

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


def _expand(node: query.Query, reader: object) -> query.Query:
    """A wildcard, prefix or fuzzy term as an OR of the words it stands for in this index."""
    if not isinstance(node, query.MultiTerm):
        return node
    words = []
    for word in node._btexts(reader):  # whoosh gives bytes, or str for fuzzy terms
        words.append(word.decode("utf-8") if isinstance(word, bytes) else word)
        if len(words) > _MAX_EXPANSION:
            return node
    if not words:
        return query.NullQuery
    return query.Or([query.Term(node.fieldname, word, boost=node.boost) for word in words])


def _ranking_form(node: query.Query) -> query.Query:
    """The query as ranking needs it once the matching documents are known: phrases and exact
    forms have already narrowed them, so their words alone score them, without the second,
    costly pass over positions or texts."""
    if isinstance(node, query.Phrase):
        return query.And([query.Term(node.fieldname, word, boost=node.boost) for word in node.words])
    if isinstance(node, ExactForm):
        return node.child
    return node


def _value_query(name: str, values: Sequence[str]) -> query.Query:
    if name not in FACET_COLUMNS:
        raise QueryError(f"cannot filter on «{name}»; the facets are: {', '.join(FACET_COLUMNS)}, event")
    return query.Or([query.Term(name, fold(v) if name in _FOLDED_FIELDS else v) for v in values])
