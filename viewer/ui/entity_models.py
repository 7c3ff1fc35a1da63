"""Table models of named entities: an entity's articles, the entities named with it, and all of them.

Each holds plain values from the core (ids, names, counts) and builds its text on demand;
an article's row is looked up the first time it is shown (an entity of a large archive may
have thousands of articles), as the result list does.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QGuiApplication

from viewer.ui.entity_types import type_name
from viewer.ui.formatting import number, short_date
from viewer.ui.highlights import secondary_colour
from viewer.ui.table_model import ReadOnlyTable

if TYPE_CHECKING:
    from viewer.archive.catalog import StoredArticle

Index = QModelIndex | QPersistentModelIndex
_SHOWN = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole)


class EntityArticlesModel(ReadOnlyTable):
    """An entity's articles, oldest first: date, outlet, title."""

    IdRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, lookup: Callable[[str], StoredArticle | None], parent: QObject | None = None) -> None:
        super().__init__([self.tr("Date"), self.tr("Outlet"), self.tr("Title")], parent)
        self._lookup = lookup
        self._ids: list[str] = []
        self._rows: dict[str, tuple[str, str, str]] = {}

    def set_ids(self, ids: Sequence[str]) -> None:
        self.beginResetModel()
        self._ids = list(ids)
        self._rows = {}
        self.endResetModel()

    def _count(self) -> int:
        return len(self._ids)

    def id_at(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def _row(self, article_id: str) -> tuple[str, str, str]:
        row = self._rows.get(article_id)
        if row is None:
            article = self._lookup(article_id)
            if article is None:
                row = ("", "", self.tr("(no longer in the archive)"))
            else:
                row = (short_date(article.published), article.outlet or "", article.title or self.tr("(untitled)"))
            self._rows[article_id] = row
        return row

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self._valid(index):
            return None
        article_id = self._ids[index.row()]
        if role == self.IdRole:
            return article_id
        if role in _SHOWN:
            return self._row(article_id)[index.column()]
        return None


@dataclass(frozen=True)
class EntityRow:
    name: str
    kind: str  # PER, ORG, LOC, or "" when not known
    articles: int | None  # None: not counted (hidden names)
    hidden: bool = False


class EntityTableModel(ReadOnlyTable):
    """Entities with their type and how many articles name them; hidden ones greyed.

    The entity view's «named with it» list (the count is articles in common) and the
    Entities dialog's list both use it.
    """

    NameRole = Qt.ItemDataRole.UserRole + 1
    KindRole = Qt.ItemDataRole.UserRole + 2
    HiddenRole = Qt.ItemDataRole.UserRole + 3
    SortRole = Qt.ItemDataRole.UserRole + 4

    def __init__(self, count_header: str, parent: QObject | None = None) -> None:
        super().__init__([self.tr("Name"), self.tr("Type"), count_header], parent)
        self._rows: list[EntityRow] = []

    def set_rows(self, rows: Sequence[EntityRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def _count(self) -> int:
        return len(self._rows)

    def row(self, row: int) -> EntityRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rows(self) -> list[EntityRow]:
        return list(self._rows)

    def names(self) -> list[str]:
        return [row.name for row in self._rows]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self._valid(index):
            return None
        entry, column = self._rows[index.row()], index.column()
        if role in _SHOWN:
            if column == 0:
                return entry.name
            if column == 1:
                return type_name(entry.kind) if entry.kind else ""
            if role == Qt.ItemDataRole.ToolTipRole and entry.hidden:
                return self.tr("Hidden: not highlighted, counted or offered")
            return number(entry.articles) if entry.articles is not None else "—"
        if role == self.SortRole:
            return (entry.name.casefold(), entry.kind, entry.articles or 0)[column]
        if role == self.NameRole:
            return entry.name
        if role == self.KindRole:
            return entry.kind
        if role == self.HiddenRole:
            return entry.hidden
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and entry.hidden:
            return secondary_colour(QGuiApplication.palette())
        if role == Qt.ItemDataRole.FontRole and entry.hidden:
            font = QFont()
            font.setItalic(True)
            return font
        return None
