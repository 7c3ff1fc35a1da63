"""The index schema and how an archived article becomes an index document."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import UTC, datetime
from typing import Any

from whoosh import columns, fields
from whoosh.analysis import Filter, IDTokenizer, LowercaseFilter, RegexTokenizer, Token

from viewer.search.fields import DateField, LemmaText, Tokens
from viewer.text.lemmas import TOKEN_PATTERN
from viewer.text.normalise import fold

# Bump when the schema or the analysis changes: the index is then rebuilt from the
# catalog on next open (no user data lives in the index).
SCHEMA_VERSION = 4

# Fields that facets count, with the index column holding each document's display value.
FACET_COLUMNS = {"outlet": "outlet_name", "author": "author_name", "year": "year", "month": "month"}


class FoldedID(fields.ID):
    """An exact-value field matched without regard to case or ё/е («Омск Здесь» = «омск здесь»)."""

    def __init__(self, stored: bool = False) -> None:
        super().__init__(stored=stored)
        self.analyzer = IDTokenizer() | _FoldFilter()


class _FoldFilter(Filter):
    """Applies ``fold`` to each token (importable: the schema holding it is pickled)."""

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        for token in tokens:
            token.text = fold(token.text)
            yield token


def _text_column() -> fields.COLUMN:
    return fields.COLUMN(columns.VarBytesColumn())


def build_schema() -> fields.Schema:
    return fields.Schema(
        id=fields.ID(stored=True, unique=True, sortable=True),
        title=LemmaText(field_boost=2.0),
        body=LemmaText(),
        outlet=FoldedID(),
        author=FoldedID(),
        url=fields.ID(),
        path=fields.ID(),
        date=DateField(),
        year=fields.ID(sortable=True),
        month=fields.ID(sortable=True),
        # Never filled: they give ``exact:`` and the facets kept outside the index (events,
        # entities) fields to be parsed against; query.py turns them into their own queries.
        exact=fields.TEXT(analyzer=RegexTokenizer(expression=TOKEN_PATTERN) | LowercaseFilter()),
        event=FoldedID(),
        person=FoldedID(),
        organisation=FoldedID(),
        place=FoldedID(),
        outlet_name=_text_column(),
        author_name=_text_column(),
    )


def parse_published(value: str | None) -> datetime | None:
    """The catalog's ISO 8601 text as a naive UTC datetime, which is what whoosh stores."""
    if not value:
        return None
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment


def index_document(article: Mapping[str, Any]) -> dict[str, Any]:
    """Whoosh fields for one catalog row (id, title, body, outlet, author, published, url, paths).

    Runs in the indexing worker processes; the text fields are their tokens, which the
    segment writer lemmatises (``viewer.search.document_postings``).
    """
    doc: dict[str, Any] = {
        "id": article["id"],
        "title": Tokens.of(article["title"] or ""),
        "body": Tokens.of(article["body"] or ""),
        "outlet_name": (article.get("outlet") or "").encode("utf-8"),
        "author_name": (article.get("author") or "").encode("utf-8"),
    }
    if article.get("outlet"):
        doc["outlet"] = article["outlet"]
    if article.get("author"):
        doc["author"] = article["author"]
    if article.get("url"):
        doc["url"] = article["url"]
    if article.get("paths"):
        doc["path"] = article["paths"][0]
    published = parse_published(article.get("published"))
    if published is not None:
        doc["date"] = published
        doc["year"] = f"{published.year:04d}"
        doc["month"] = f"{published.year:04d}-{published.month:02d}"
    return doc
