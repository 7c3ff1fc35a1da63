"""The result list's model: the ids of the matching articles, their rows built when shown.

The model holds the ordered ids of the hits loaded so far and fetches more in pages
through ``Library.search(..., offset, limit)`` as the view scrolls (``fetchMore``). A row's
title, outlet, date and snippet are kept in a small cache; a row that has dropped out
of it is rebuilt from the catalog (``Library.article``) and ``make_snippet``.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

if TYPE_CHECKING:
    from viewer.library import Library, SearchResult

PAGE_SIZE = 30  # a screenful and some: each hit's snippet costs the core a millisecond or two
ROW_CACHE = 600

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class SearchRequest:
    """Everything that decides a result list: the query, the facet choices, the order."""

    text: str = ""
    filters: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    excludes: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    sort: str = "relevance"

    def search_kwargs(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "filters": {k: list(v) for k, v in self.filters.items() if v},
            "excludes": {k: list(v) for k, v in self.excludes.items() if v},
            "sort": self.sort,
        }


@dataclass(frozen=True)
class ResultRow:
    id: str
    title: str
    outlet: str | None
    author: str | None
    published: str | None
    snippet: str
    spans: tuple[tuple[int, int], ...]  # highlighted [start, stop) in ``snippet``, code points


class ResultsModel(QAbstractListModel):
    IdRole = Qt.ItemDataRole.UserRole + 1
    RowRole = Qt.ItemDataRole.UserRole + 2  # the ResultRow, for the delegate

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._library: Library | None = None
        self._request = SearchRequest()
        self._ids: list[str] = []
        self._known: set[str] = set()
        self._total = 0
        self._terms: frozenset[str] = frozenset()
        self._rows: OrderedDict[str, ResultRow] = OrderedDict()

    # state -------------------------------------------------------------------
    def set_library(self, library: Library | None) -> None:
        self.beginResetModel()
        self._library = library
        self._ids, self._known, self._total, self._rows = [], set(), 0, OrderedDict()
        self.endResetModel()

    @property
    def request(self) -> SearchRequest:
        return self._request

    @property
    def total(self) -> int:
        return self._total

    @property
    def terms(self) -> frozenset[str]:
        return self._terms

    def run(self, request: SearchRequest, page_size: int = PAGE_SIZE) -> SearchResult:
        """Search and show the first page; raises the core's ``QueryError`` and leaves the model
        as it was when the query cannot run."""
        if self._library is None:
            raise RuntimeError("no archive is open")
        result = self._library.search(**request.search_kwargs(), offset=0, limit=page_size)
        self.beginResetModel()
        self._request = request
        self._total = result.total
        self._terms = result.terms
        self._ids, self._known = [], set()
        self._rows = OrderedDict()
        self._take(result)
        self.endResetModel()
        return result

    def _take(self, result: SearchResult) -> list[str]:
        added = []
        for hit in result.hits:
            if hit.id in self._known:
                continue  # the archive changed between pages
            self._known.add(hit.id)
            self._ids.append(hit.id)
            added.append(hit.id)
            self._remember(
                ResultRow(
                    hit.id, hit.title, hit.outlet, hit.author, hit.published,
                    hit.snippet_text, tuple(hit.snippet_spans),
                )
            )
        return added

    def _remember(self, row: ResultRow) -> None:
        self._rows[row.id] = row
        self._rows.move_to_end(row.id)
        while len(self._rows) > ROW_CACHE:
            self._rows.popitem(last=False)

    # paging ------------------------------------------------------------------
    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: N802, B008
        return not parent.isValid() and self._library is not None and len(self._ids) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: N802, B008
        if not self.canFetchMore(parent):
            return
        assert self._library is not None
        result = self._library.search(**self._request.search_kwargs(), offset=len(self._ids), limit=PAGE_SIZE)
        fresh = [hit for hit in result.hits if hit.id not in self._known]
        if not fresh:
            # Fewer hits than counted (articles left the archive meanwhile): stop paging.
            self._total = len(self._ids)
            return
        first = len(self._ids)
        self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
        self._take(result)
        self.endInsertRows()

    def fetch_all_until(self, row: int) -> None:
        while row >= len(self._ids) and self.canFetchMore():
            self.fetchMore()

    # rows --------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._ids)

    def id_at(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, article_id: str) -> int:
        try:
            return self._ids.index(article_id)
        except ValueError:
            return -1

    def result_row(self, row: int) -> ResultRow | None:
        article_id = self.id_at(row)
        if article_id is None:
            return None
        cached = self._rows.get(article_id)
        if cached is not None:
            self._rows.move_to_end(article_id)
            return cached
        return self._build(article_id)

    def _build(self, article_id: str) -> ResultRow | None:
        from viewer.search.snippets import make_snippet

        article = self._library.article(article_id) if self._library is not None else None
        if article is None:
            row = ResultRow(article_id, "", None, None, None, "", ())
        else:
            snippet = make_snippet(article.body, self._terms)
            row = ResultRow(
                article.id, article.title, article.outlet, article.author, article.published,
                snippet.text, tuple(snippet.spans),
            )
        self._remember(row)
        return row

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == self.IdRole:
            return self._ids[index.row()]
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole, self.RowRole):
            return None
        row = self.result_row(index.row())
        if row is None:
            return None
        if role == self.RowRole:
            return row
        return row.title

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
