"""The query language: words in any case form, phrases, operators, fields, dates, wildcards.

    форум Омск                 both words, any form («форума», «Омске»)
    форум OR саммит            either (also ИЛИ); AND / И; NOT / НЕ; -word excludes
    "деловой совет"            a phrase; "деловой совет"~3 lets words stand 3 apart
    title:Казахстан            a field (заголовок:, текст:, издание:, автор:, ...)
    outlet:"Омск Здесь"        an exact value, case and ё/е ignored
    date:2019-11  date:[2019-11-01 TO 2019-12-31]  year:2019  month:2019-11
    форум*  Казах*стан         wildcards, over dictionary forms
    Бурков~  Бурков~2          fuzzy: within 1 (or 2) edits
    exact:Казахстаном          this word form only; exact:"форума межрегионального"
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from whoosh import query
from whoosh.fields import Schema
from whoosh.matching import FilterMatcher, ListMatcher, Matcher, NullMatcher
from whoosh.qparser import (
    FieldAliasPlugin,
    FuzzyTermPlugin,
    GtLtPlugin,
    MultifieldParser,
    OperatorsPlugin,
    PlusMinusPlugin,
)
from whoosh.qparser.common import QueryParserError

from viewer.text.lemmas import lemma, words

MAX_QUERY_LENGTH = 2000
TEXT_FIELDS = ("title", "body")
EXACT_FIELD = "exact"
FIELD_ALIASES = {
    "title": ["заголовок"],
    "body": ["текст"],
    "outlet": ["издание", "источник", "source"],
    "author": ["автор"],
    "date": ["дата"],
    "year": ["год"],
    "month": ["месяц"],
    "exact": ["точно"],
    "url": ["ссылка"],
    "path": ["файл", "file"],
}
_FIELD_SPEC = re.compile(r'(?:^|(?<=[\s(]))[-+]?([^\W\d_][\w-]*):(?=\S)')
_QUOTED = re.compile(r'"[^"]*"')

# (searcher, docnums) -> (docnum, title and body) for the exact-form check.
TextLookup = Callable[[object, Sequence[int]], Iterable[tuple[int, str]]]
# (facet, folded value) -> ids of the articles having it, for facets kept outside the index.
ArticleLookup = Callable[[str, str], Iterable[str]]
EXTERNAL_FIELDS = ("event", "person", "organisation", "place")


class QueryError(ValueError):
    """A query that cannot be run, with a message for the person who typed it."""


class ExactForm(query.WrappingQuery):
    """Documents where the word forms themselves occur, not just their lemma.

    The index's terms are lemmas; beside each position it keeps a hash of the form found
    there, and the search engine (``docsets``) answers from those. Whoosh's matcher here,
    and the engine for an index written without the hashes, narrow the lemma query's
    documents by reading their text instead.
    """

    def __init__(
        self, child: query.Query, forms: Sequence[str], pattern: re.Pattern[str], texts: TextLookup
    ) -> None:
        super().__init__(child)
        self.forms = tuple(forms)  # folded word forms, for highlighting
        self.pattern = pattern
        self.texts = texts
        self._kept: dict[int, frozenset[int]] = {}

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, ExactForm) and other.child == self.child and other.pattern == self.pattern
        )

    def __hash__(self) -> int:
        return hash((ExactForm, self.child, self.pattern.pattern))

    def __repr__(self) -> str:
        return f"ExactForm({self.child!r}, {self.pattern.pattern!r})"

    def _occurs(self, text: str) -> bool:
        # The pattern starts with the word itself (so re can scan for it fast); the check that
        # no letter comes right before it is done here.
        for match in self.pattern.finditer(text):
            start = match.start()
            if start == 0 or not (text[start - 1].isalnum()):
                return True
        return False

    def _rewrap(self, child: query.Query) -> ExactForm:
        return ExactForm(child, self.forms, self.pattern, self.texts)

    def kept(self, searcher: object, candidates: Sequence[int]) -> frozenset[int]:
        """Those of ``candidates`` (documents matching the lemmas) with the forms themselves."""
        keep = self._kept.get(id(searcher))
        if keep is None:
            keep = frozenset(
                docnum
                for docnum, text in self.texts(searcher, candidates)
                if self._occurs(text.lower().replace("ё", "е"))
            )
            # One search evaluates the query more than once (counts, ranking): read texts once.
            self._kept[id(searcher)] = keep
        return keep

    def matcher(self, searcher: object, context: object = None) -> Matcher:
        keep = self._kept.get(id(searcher))
        if keep is None:
            candidates = self.child.matcher(searcher, context)
            keep = self.kept(searcher, list(candidates.all_ids()) if candidates.is_active() else [])
        if not keep:
            return NullMatcher()
        return FilterMatcher(self.child.matcher(searcher, context), keep)


class ArticleSet(query.Query):
    """The articles that a facet kept outside the index (an event, a person) gives a value.

    Membership changes without the text changing, so it is looked up, not indexed: each
    article id is found through the index's unique ``id`` terms.
    """

    def __init__(self, fieldname: str, text: str, articles: ArticleLookup) -> None:
        self.fieldname = fieldname
        self.text = text
        self.articles = articles
        self.boost = 1.0

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ArticleSet) and (other.fieldname, other.text) == (self.fieldname, self.text)

    def __hash__(self) -> int:
        return hash((ArticleSet, self.fieldname, self.text))

    def __repr__(self) -> str:
        return f"ArticleSet({self.fieldname!r}, {self.text!r})"

    def is_leaf(self) -> bool:
        return True

    def terms(self, phrases: bool = False) -> Iterable[tuple[str, str]]:
        return iter(())

    def estimate_size(self, ixreader: object) -> int:
        return 1

    def docnums(self, searcher: object) -> set[int]:
        reader = searcher.reader()  # type: ignore[attr-defined]
        docnums: set[int] = set()
        for article_id in self.articles(self.fieldname, self.text):
            if ("id", article_id) in reader:
                docnums.update(d for d in reader.postings("id", article_id).all_ids() if not reader.is_deleted(d))
        return docnums

    def matcher(self, searcher: object, context: object = None) -> Matcher:
        docnums = self.docnums(searcher)
        return ListMatcher(sorted(docnums), all_weights=self.boost) if docnums else NullMatcher()


class QueryParser:
    """Turns what the user typed into a whoosh query, or raises QueryError saying why not."""

    def __init__(self, schema: Schema) -> None:
        self._schema = schema
        parser = MultifieldParser(list(TEXT_FIELDS), schema, fieldboosts={"title": 2.0})
        # Only a sign that starts a word is an operator: «Касым-Жомарт» and «2019-11» stay whole.
        parser.add_plugin(PlusMinusPlugin(r"(?:^|(?<=[\s(]))\+", r"(?:^|(?<=[\s(]))-"))
        parser.add_plugin(FuzzyTermPlugin())
        parser.add_plugin(GtLtPlugin())
        parser.add_plugin(FieldAliasPlugin(FIELD_ALIASES))
        parser.replace_plugin(
            OperatorsPlugin(
                And=r"(?<=\s)(AND|И)(?=\s)",
                Or=r"(?<=\s)(OR|ИЛИ)(?=\s)",
                Not=r"(^|(?<=(\s|[()])))(NOT|НЕ)(?=\s)",
                AndNot=None,
                AndMaybe=None,
                Require=None,
            )
        )
        self._parser = parser
        self._known = set(schema.names()) | {a for names in FIELD_ALIASES.values() for a in names}

    def parse(
        self, text: str, texts: TextLookup | None = None, articles: ArticleLookup | None = None
    ) -> query.Query:
        text = text.strip()
        if not text:
            return query.Every()
        if len(text) > MAX_QUERY_LENGTH:
            raise QueryError(f"the query is too long ({len(text)} characters; at most {MAX_QUERY_LENGTH})")
        if "\x00" in text:
            raise QueryError("the query contains a NUL character")
        self._check_fields(text)
        try:
            parsed = self._parser.parse(text)
        except QueryParserError as error:
            raise QueryError(str(error)) from None
        except Exception as error:  # whoosh raises assorted types for odd input
            raise QueryError(f"cannot read the query: {error}") from None
        _raise_errors(parsed)
        parsed = parsed.accept(_narrow_fuzzy)
        parsed = parsed.accept(lambda q: _exact_to_lemmas(q, texts))
        parsed = parsed.accept(lambda q: _external_to_sets(q, articles))
        if parsed is query.NullQuery:
            raise QueryError("the query has no words to search for")
        return parsed

    def _check_fields(self, text: str) -> None:
        unquoted = _QUOTED.sub(" ", text)
        for match in _FIELD_SPEC.finditer(unquoted):
            name = match.group(1)
            if name not in self._known and name.lower() not in self._known:
                fields = ", ".join(sorted(n for n in self._schema.names() if not n.endswith("_name")))
                raise QueryError(f"unknown field «{name}»; the fields are: {fields}")


def _raise_errors(parsed: query.Query) -> None:
    for node in _walk(parsed):
        error = getattr(node, "error", None)
        if error:
            raise QueryError(f"cannot read the query: {error}")


def _walk(node: query.Query) -> Iterable[query.Query]:
    yield node
    for child in node.children():
        yield from _walk(child)


def _narrow_fuzzy(node: query.Query) -> query.Query:
    """Fuzzy terms keep their first two letters: comparing against every term of a large
    archive takes seconds, and misspellings there are the rare case."""
    if isinstance(node, query.FuzzyTerm) and node.prefixlength < 2 and len(node.text) > 3:
        return query.FuzzyTerm(node.fieldname, node.text, node.boost, node.maxdist, prefixlength=2)
    return node


def _external_to_sets(node: query.Query, articles: ArticleLookup | None) -> query.Query:
    fieldname = getattr(node, "fieldname", None)
    if fieldname not in EXTERNAL_FIELDS:
        return node
    if not isinstance(node, query.Term):
        raise QueryError(f"{fieldname}: takes a value, such as {fieldname}:\"…\", without wildcards or ranges")
    if articles is None:
        return query.NullQuery
    return ArticleSet(fieldname, str(node.text), articles)


def _exact_to_lemmas(node: query.Query, texts: TextLookup | None) -> query.Query:
    """Replace ``exact:`` terms and phrases by lemma queries narrowed to the exact forms."""
    if getattr(node, "fieldname", None) != EXACT_FIELD:
        return node
    if isinstance(node, query.Term):
        forms = [str(node.text)]
    elif isinstance(node, query.Phrase):
        forms = [str(w) for w in node.words]
    else:
        raise QueryError("exact: takes a word or a \"phrase\", without wildcards or ranges")
    forms = [w for form in forms for w in words(form)]
    if not forms:
        raise QueryError("exact: needs a word")
    lemmas = [lemma(form) for form in forms]
    if len(lemmas) == 1:
        child: query.Query = query.Or([query.Term(f, lemmas[0]) for f in TEXT_FIELDS])
    else:
        child = query.Or([query.Phrase(f, lemmas) for f in TEXT_FIELDS])
    if texts is None:
        return child
    # Matched against the lower-cased, ё-folded text (a literal pattern, which re scans fast).
    pattern = re.compile(r"[\W_]+".join(map(re.escape, forms)) + r"(?![^\W_])")
    return ExactForm(child, forms, pattern, texts)

