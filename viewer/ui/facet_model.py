"""The facet tree: one branch per facet (outlet, author, year, month), its values with counts.

Counts follow the query: ``set_counts`` takes ``SearchResult.facets`` after each search.
Each value is neutral, included (checked) or excluded (shown struck through, with the
partly-checked mark); several values of one facet may be included (any of them) and any
may be excluded. Chosen values stay listed even when the current query leaves them with
no articles (at the top of their branch then), so they can always be unchosen.

New facets (person, organisation, place, event) are one more ``FacetKind`` each.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QGuiApplication, QPalette

from viewer.ui.formatting import month_label, number
from viewer.ui.highlights import secondary_colour

Index = QModelIndex | QPersistentModelIndex


class Choice(Enum):
    NEUTRAL = 0
    INCLUDED = 1
    EXCLUDED = 2


@dataclass(frozen=True)
class FacetKind:
    key: str  # the core's facet and filter name
    title: Callable[[], str]  # translated when shown
    newest_first: bool = False  # order by value, descending (dates), instead of by count
    label: Callable[[str], str] = str  # how a value reads


FACET_KINDS: tuple[FacetKind, ...] = (
    FacetKind("outlet", lambda: QCoreApplication.translate("FacetModel", "Outlet")),
    FacetKind("author", lambda: QCoreApplication.translate("FacetModel", "Author")),
    FacetKind("year", lambda: QCoreApplication.translate("FacetModel", "Year"), newest_first=True),
    FacetKind("month", lambda: QCoreApplication.translate("FacetModel", "Month"), newest_first=True, label=month_label),
)

_CHECK = {
    Choice.NEUTRAL: Qt.CheckState.Unchecked,
    Choice.INCLUDED: Qt.CheckState.Checked,
    Choice.EXCLUDED: Qt.CheckState.PartiallyChecked,
}


def _check_value(value: Any) -> int:
    return value.value if isinstance(value, Qt.CheckState) else int(value)


class FacetModel(QAbstractItemModel):
    """Two levels: facets (internal id 0) and their values (internal id = facet row + 1);
    column 0 is the name, column 1 the count."""

    KeyRole = Qt.ItemDataRole.UserRole + 1  # the facet's key, on facets and values
    ValueRole = Qt.ItemDataRole.UserRole + 2  # the raw value (as the core filters on it)
    ChoiceRole = Qt.ItemDataRole.UserRole + 3  # Choice of a value

    selectionChanged = Signal()

    def __init__(self, kinds: Sequence[FacetKind] = FACET_KINDS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.kinds = list(kinds)
        self._values: dict[str, list[tuple[str, int]]] = {k.key: [] for k in self.kinds}
        self._choices: dict[str, dict[str, Choice]] = {k.key: {} for k in self.kinds}
        self._labels: dict[tuple[str, str], str] = {}  # month names and the like, made once

    # structure ---------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        # Bounds checked here rather than with hasIndex(): views call this thousands of times.
        if not 0 <= column < 2 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0) if row < len(self.kinds) else QModelIndex()
        if parent.internalId() != 0 or parent.column() != 0 or not 0 <= parent.row() < len(self.kinds):
            return QModelIndex()
        if row >= len(self._values[self.kinds[parent.row()].key]):
            return QModelIndex()
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        if not parent.isValid():
            return len(self.kinds)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self._values[self.kinds[parent.row()].key])
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 2

    def _kind(self, index: Index) -> FacetKind:
        facet_row = index.row() if index.internalId() == 0 else index.internalId() - 1
        return self.kinds[facet_row]

    def is_facet(self, index: Index) -> bool:
        return index.isValid() and index.internalId() == 0

    def facet_index(self, key: str) -> QModelIndex:
        for row, kind in enumerate(self.kinds):
            if kind.key == key:
                return self.index(row, 0)
        return QModelIndex()

    def values(self, key: str) -> list[str]:
        """The values listed for the facet ``key`` (as the last search counted them)."""
        return [value for value, _ in self._values.get(key, [])]

    def value_of(self, index: Index) -> tuple[str, str] | None:
        """(facet key, value) of a value row."""
        if not index.isValid() or index.internalId() == 0:
            return None
        kind = self._kind(index)
        values = self._values[kind.key]
        return (kind.key, values[index.row()][0]) if 0 <= index.row() < len(values) else None

    # data --------------------------------------------------------------------
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ROLES or not index.isValid():
            return None
        kind = self._kind(index)
        if index.internalId() == 0:
            return self._facet_data(kind, index.column(), role)
        values = self._values[kind.key]
        if not 0 <= index.row() < len(values):
            return None
        value, count = values[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole or role == Qt.ItemDataRole.AccessibleTextRole:
            return self._label(kind, value) if column == 0 else number(count)
        choice = self._choices[kind.key].get(value, Choice.NEUTRAL)
        if role == Qt.ItemDataRole.CheckStateRole:
            return _CHECK[choice] if column == 0 else None
        if role == Qt.ItemDataRole.ForegroundRole:
            if choice is Choice.EXCLUDED:
                return QGuiApplication.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
            return secondary_colour(QGuiApplication.palette()) if column == 1 else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter if column == 1 else None
        if role == Qt.ItemDataRole.FontRole:
            if choice is Choice.EXCLUDED and column == 0:
                font = QFont()
                font.setStrikeOut(True)
                return font
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 0 and choice is Choice.EXCLUDED:
                return QCoreApplication.translate("FacetModel", "Excluded: articles with this value are hidden")
            return None
        if role == self.KeyRole:
            return kind.key
        if role == self.ValueRole:
            return value
        if role == self.ChoiceRole:
            return choice
        return None

    def _label(self, kind: FacetKind, value: str) -> str:
        key = (kind.key, value)
        label = self._labels.get(key)
        if label is None:
            label = self._labels[key] = kind.label(value)
        return label

    def _facet_data(self, kind: FacetKind, column: int, role: int) -> Any:
        if role == self.KeyRole:
            return kind.key
        if column != 0:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            active = self.active_count(kind.key)
            return f"{kind.title()}  ({active})" if active else kind.title()
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setWeight(QFont.Weight.DemiBold)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and not self._values[kind.key]:
            return QGuiApplication.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.internalId() != 0:
            flags |= Qt.ItemFlag.ItemNeverHasChildren
            if index.column() == 0:
                flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        found = self.value_of(index)
        if found is None or role != Qt.ItemDataRole.CheckStateRole:
            return False
        state = _check_value(value)
        choice = {
            Qt.CheckState.Checked.value: Choice.INCLUDED,
            Qt.CheckState.PartiallyChecked.value: Choice.EXCLUDED,
        }.get(state, Choice.NEUTRAL)
        self.choose(*found, choice)
        return True

    # choosing ----------------------------------------------------------------
    def choice(self, key: str, value: str) -> Choice:
        return self._choices[key].get(value, Choice.NEUTRAL)

    def choose(self, key: str, value: str, choice: Choice, exclusive: bool = False) -> None:
        """Include, exclude or clear ``value``; ``exclusive`` clears the facet's other choices."""
        choices = self._choices[key]
        if exclusive:
            choices.clear()
        if choice is Choice.NEUTRAL:
            choices.pop(value, None)
        else:
            choices[value] = choice
        if all(v != value for v, _ in self._values[key]):
            self._values[key] = [*self._values[key], (value, 0)]  # refreshed by the next set_counts
            self._replace(key, self._ordered(key, dict(self._values[key])))
        else:
            self._changed(key)
        self.selectionChanged.emit()

    def clear(self, key: str | None = None) -> None:
        keys = [key] if key else [k.key for k in self.kinds]
        if not any(self._choices[k] for k in keys):
            return
        for k in keys:
            self._choices[k] = {}
            self._changed(k)
        self.selectionChanged.emit()

    def active_count(self, key: str | None = None) -> int:
        keys = [key] if key else list(self._choices)
        return sum(len(self._choices[k]) for k in keys)

    def selection(self) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
        """(filters, excludes) as ``Library.search`` takes them."""
        filters, excludes = {}, {}
        for key, choices in self._choices.items():
            included = tuple(v for v, c in choices.items() if c is Choice.INCLUDED)
            excluded = tuple(v for v, c in choices.items() if c is Choice.EXCLUDED)
            if included:
                filters[key] = included
            if excluded:
                excludes[key] = excluded
        return filters, excludes

    # counts ------------------------------------------------------------------
    def set_counts(self, facets: Mapping[str, Mapping[str, int]]) -> None:
        """Show the counts of one search (``SearchResult.facets``)."""
        for kind in self.kinds:
            self._replace(kind.key, self._ordered(kind.key, facets.get(kind.key, {})))

    def _ordered(self, key: str, counts: Mapping[str, int]) -> list[tuple[str, int]]:
        kind = next(k for k in self.kinds if k.key == key)
        # Chosen values the query leaves without articles (excluded ones, mostly) go first,
        # so they can always be seen and unchosen; the rest keep their place.
        pinned = [(v, 0) for v in self._choices[key] if counts.get(v, 0) <= 0]
        rest = [(v, n) for v, n in counts.items() if n > 0]
        if kind.newest_first:
            rest.sort(key=lambda vn: vn[0], reverse=True)
        else:
            rest.sort(key=lambda vn: (-vn[1], vn[0].casefold()))
        return pinned + rest

    def _replace(self, key: str, values: list[tuple[str, int]]) -> None:
        old = self._values[key]
        if old == values:
            return
        parent = self.facet_index(key)
        if [v for v, _ in old] == [v for v, _ in values]:
            self._values[key] = values
            self.dataChanged.emit(self.index(0, 0, parent), self.index(len(values) - 1, 1, parent))
            return
        if old:
            self.beginRemoveRows(parent, 0, len(old) - 1)
            self._values[key] = []
            self.endRemoveRows()
        if values:
            self.beginInsertRows(parent, 0, len(values) - 1)
            self._values[key] = values
            self.endInsertRows()
        self.dataChanged.emit(parent, parent)

    def _changed(self, key: str) -> None:
        parent = self.facet_index(key)
        self.dataChanged.emit(parent, parent)
        count = len(self._values[key])
        if count:
            self.dataChanged.emit(self.index(0, 0, parent), self.index(count - 1, 1, parent))


_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.AccessibleTextRole,
        Qt.ItemDataRole.CheckStateRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.ToolTipRole,
        FacetModel.KeyRole,
        FacetModel.ValueRole,
        FacetModel.ChoiceRole,
    }
)
