"""The facet tree: one branch per facet (outlet, author, person, …), its values with counts.

Counts follow the query: ``set_counts`` takes ``SearchResult.facets`` after each search.
Each value is neutral, included (checked) or excluded (shown struck through, with the
partly-checked mark); several values of one facet may be included (any of them) and any
may be excluded. Chosen values stay listed even when the current query leaves them with
no articles (at the top of their branch then), so they can always be unchosen.

A long branch shows its ``TOP_VALUES`` most frequent values (and any chosen ones) and
then a «Show all N» row; ``show_all`` opens it (the row then offers «Show fewer»).
``set_needle`` narrows every branch to the values containing a text (the panel's filter
box): only those become rows, so finding a value among tens of thousands stays quick.
Values that are ids (events) read through a labeller: ``set_labeller``; ``set_shown`` leaves
out values not worth offering (events of a single report), unless they are chosen.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QGuiApplication, QPalette

from viewer.text.normalise import fold
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
    FacetKind("person", lambda: QCoreApplication.translate("FacetModel", "Person")),
    FacetKind("organisation", lambda: QCoreApplication.translate("FacetModel", "Organisation")),
    FacetKind("place", lambda: QCoreApplication.translate("FacetModel", "Place")),
    FacetKind("event", lambda: QCoreApplication.translate("FacetModel", "Event")),
)
# The panel's branches: the dates have a histogram of their own (date_histogram.py).
PANEL_KINDS = tuple(kind for kind in FACET_KINDS if kind.key not in ("year", "month"))

TOP_VALUES = 8  # a branch's values shown before «Show all N»
_MORE = None  # the value of a branch's «Show all» / «Show fewer» row

_CHECK = {
    Choice.NEUTRAL: Qt.CheckState.Unchecked,
    Choice.INCLUDED: Qt.CheckState.Checked,
    Choice.EXCLUDED: Qt.CheckState.PartiallyChecked,
}


def _check_value(value: Any) -> int:
    return value.value if isinstance(value, Qt.CheckState) else int(value)


class FacetModel(QAbstractItemModel):
    """Two levels: facets (internal id 0) and their values (internal id = facet row + 1);
    column 0 is the name, column 1 the count. A long facet's last row is «Show all N»."""

    KeyRole = Qt.ItemDataRole.UserRole + 1  # the facet's key, on facets and values
    ValueRole = Qt.ItemDataRole.UserRole + 2  # the raw value (as the core filters on it)
    ChoiceRole = Qt.ItemDataRole.UserRole + 3  # Choice of a value
    MoreRole = Qt.ItemDataRole.UserRole + 4  # True on a facet's «Show all» / «Show fewer» row

    selectionChanged = Signal()

    def __init__(self, kinds: Sequence[FacetKind] = FACET_KINDS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.kinds = list(kinds)
        self._values: dict[str, list[tuple[str, int]]] = {k.key: [] for k in self.kinds}  # every value
        self._rows: dict[str, list[tuple[str | None, int]]] = {k.key: [] for k in self.kinds}  # those shown
        self._choices: dict[str, dict[str, Choice]] = {k.key: {} for k in self.kinds}
        self._labels: dict[tuple[str, str], str] = {}  # month names and the like, made once
        self._search_texts: dict[str, _SearchTexts] = {}  # per facet: value -> its label, folded
        self._labellers: dict[str, Callable[[str], str]] = {}
        self._shown: dict[str, Callable[[str], bool]] = {}  # per facet: is a value offered
        self._opened: set[str] = set()  # facets the user asked to see in full
        self._needle = ""  # what values must contain (folded), or "" for all

    # structure ---------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        # Bounds checked here rather than with hasIndex(): views call this thousands of times.
        if not 0 <= column < 2 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0) if row < len(self.kinds) else QModelIndex()
        if parent.internalId() != 0 or parent.column() != 0 or not 0 <= parent.row() < len(self.kinds):
            return QModelIndex()
        if row >= len(self._rows[self.kinds[parent.row()].key]):
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
            return len(self._rows[self.kinds[parent.row()].key])
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 2

    def _kind(self, index: Index) -> FacetKind:
        facet_row = index.row() if index.internalId() == 0 else index.internalId() - 1
        return self.kinds[facet_row]

    def _kind_of(self, key: str) -> FacetKind:
        return next(k for k in self.kinds if k.key == key)

    def is_facet(self, index: Index) -> bool:
        return index.isValid() and index.internalId() == 0

    def facet_index(self, key: str) -> QModelIndex:
        for row, kind in enumerate(self.kinds):
            if kind.key == key:
                return self.index(row, 0)
        return QModelIndex()

    def values(self, key: str) -> list[str]:
        """Every value of the facet ``key`` (as the last search counted them), shown or not."""
        return [value for value, _ in self._values.get(key, [])]

    def _entry(self, index: Index) -> tuple[FacetKind, str | None, int] | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        kind = self._kind(index)
        rows = self._rows[kind.key]
        if not 0 <= index.row() < len(rows):
            return None
        value, count = rows[index.row()]
        return kind, value, count

    def value_of(self, index: Index) -> tuple[str, str] | None:
        """(facet key, value) of a value row (None for the facets and their «Show all» rows)."""
        entry = self._entry(index)
        if entry is None or entry[1] is None:
            return None
        return entry[0].key, entry[1]

    # data --------------------------------------------------------------------
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ROLES or not index.isValid():
            return None
        if index.internalId() == 0:
            return self._facet_data(self._kind(index), index.column(), role)
        entry = self._entry(index)
        if entry is None:
            return None
        kind, value, count = entry
        if value is None:
            return self._more_data(kind, count, index.column(), role)
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
            label = self._label(kind, value)
            return label if column == 0 and len(label) > _TOOLTIP_PAST else None
        if role == self.KeyRole:
            return kind.key
        if role == self.ValueRole:
            return value
        if role == self.ChoiceRole:
            return choice
        if role == self.MoreRole:
            return False
        return None

    def _more_data(self, kind: FacetKind, total: int, column: int, role: int) -> Any:
        if role == self.KeyRole:
            return kind.key
        if role == self.MoreRole:
            return True
        if column != 0:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if kind.key in self._opened:
                return QCoreApplication.translate("FacetModel", "Show fewer")
            return QCoreApplication.translate("FacetModel", "Show all %1").replace("%1", number(total))
        if role == Qt.ItemDataRole.ForegroundRole:
            return QGuiApplication.palette().color(QPalette.ColorRole.Link)
        if role == Qt.ItemDataRole.ToolTipRole and kind.key not in self._opened:
            return QCoreApplication.translate("FacetModel", "Only the most frequent values are shown; show them all")
        return None

    def label(self, key: str, value: str) -> str:
        """How ``value`` of facet ``key`` reads (an event's label, a month's name)."""
        kind = next((k for k in self.kinds if k.key == key), None)
        return self._label(kind, value) if kind is not None else value

    def title(self, key: str) -> str:
        kind = next((k for k in self.kinds if k.key == key), None)
        return kind.title() if kind is not None else key

    def _label(self, kind: FacetKind, value: str) -> str:
        key = (kind.key, value)
        label = self._labels.get(key)
        if label is None:
            labeller = self._labellers.get(kind.key, kind.label)
            label = self._labels[key] = labeller(value) or value
        return label

    def set_labeller(self, key: str, labeller: Callable[[str], str] | None) -> None:
        """How the values of facet ``key`` read (an event's label for its id); None: as they are.
        Also call it again to read the labels afresh (after an event is renamed)."""
        if labeller is None:
            self._labellers.pop(key, None)
        else:
            self._labellers[key] = labeller
        self._labels = {k: v for k, v in self._labels.items() if k[0] != key}
        self._search_texts.pop(key, None)
        if key in self._values:
            self._replace(key, self._ordered(key, dict(self._values[key])))
            self._changed(key)

    def set_shown(self, key: str, shown: Callable[[str], bool] | None) -> None:
        """Which values of facet ``key`` are offered (chosen ones always are); None: all.
        Also call it again when what it answers has changed."""
        if shown is None:
            self._shown.pop(key, None)
        else:
            self._shown[key] = shown
        self._relayout(key)

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
            if index.column() == 0 and self.value_of(index) is not None:
                flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role == self.MoreRole:
            entry = self._entry(index)
            if entry is None or entry[1] is not None:
                return False
            self.show_all(entry[0].key, entry[0].key not in self._opened)
            return True
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

    # long facets -------------------------------------------------------------
    def show_all(self, key: str, shown: bool = True) -> None:
        """Show every value of facet ``key`` (or only its most frequent ones again)."""
        if shown:
            self._opened.add(key)
        else:
            self._opened.discard(key)
        self._relayout(key)

    def showing_all(self, key: str) -> bool:
        return key in self._opened

    def set_needle(self, text: str) -> None:
        """Show only the values whose label contains ``text`` (any case, ё = е); "" for all."""
        needle = fold(text.strip())
        if needle != self._needle:
            self._needle = needle
            for kind in self.kinds:
                self._relayout(kind.key)

    def searching(self) -> bool:
        return bool(self._needle)

    def _layout(self, key: str) -> list[tuple[str | None, int]]:
        values: list[tuple[str | None, int]] = list(self._values[key])
        shown = self._shown.get(key)
        if shown is not None:
            chosen = self._choices[key]
            values = [vn for vn in values if vn[0] in chosen or shown(vn[0])]  # type: ignore[arg-type]
        if self._needle:
            texts = self._search_texts.get(key)
            if texts is None:
                label = self._labellers.get(key, self._kind_of(key).label)
                texts = self._search_texts[key] = _SearchTexts(lambda value: fold(label(value) or value))
            values = [vn for vn in values if self._needle in texts[vn[0]]]  # type: ignore[index]
        if len(values) <= TOP_VALUES:
            return values
        if key in self._opened:
            return [*values, (_MORE, len(values))]
        chosen = self._choices[key]
        shown = values[:TOP_VALUES] + [vn for vn in values[TOP_VALUES:] if vn[0] in chosen]
        return shown if len(shown) == len(values) else [*shown, (_MORE, len(values))]

    # choosing ----------------------------------------------------------------
    def choice(self, key: str, value: str) -> Choice:
        return self._choices[key].get(value, Choice.NEUTRAL)

    def choose(self, key: str, value: str, choice: Choice, exclusive: bool = False) -> None:
        """Include, exclude or clear ``value``; ``exclusive`` clears the facet's other choices."""
        self._set_choice(key, value, choice, exclusive)
        self.selectionChanged.emit()

    def _set_choice(self, key: str, value: str, choice: Choice, exclusive: bool = False) -> None:
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
        self._changed(key)

    def set_selection(
        self, filters: Mapping[str, Sequence[str]], excludes: Mapping[str, Sequence[str]]
    ) -> None:
        """Make exactly these choices (a saved search's), and say so once. Fields this model has
        no facet for are left to others (the date span)."""
        for kind in self.kinds:
            self._choices[kind.key] = {}
        for choices, choice in ((filters, Choice.INCLUDED), (excludes, Choice.EXCLUDED)):
            for key, values in choices.items():
                if key in self._choices:
                    for value in values:
                        self._set_choice(key, value, choice)
        for kind in self.kinds:
            self._changed(kind.key)
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
        kind = self._kind_of(key)
        # Chosen values the query leaves without articles (excluded ones, mostly) go first,
        # so they can always be seen and unchosen; the rest keep their place.
        pinned = [(v, 0) for v in self._choices[key] if counts.get(v, 0) <= 0]
        rest = [(v, n) for v, n in counts.items() if n > 0]
        if kind.newest_first:
            rest.sort(key=lambda vn: vn[0], reverse=True)
        elif key in self._labellers:
            rest.sort(key=lambda vn: (-vn[1], self._label(kind, vn[0]).casefold()))
        else:
            rest.sort(key=lambda vn: (-vn[1], vn[0].casefold()))
        return pinned + rest

    def _replace(self, key: str, values: list[tuple[str, int]]) -> None:
        if self._values[key] != values:
            self._values[key] = values
            self._relayout(key)

    def _relayout(self, key: str) -> None:
        """Show the rows ``_layout`` makes of the values: rows after the first that differs
        are removed and inserted again, the ones before it only repainted."""
        old, new = self._rows[key], self._layout(key)
        parent = self.facet_index(key)
        same = 0
        for (a, _), (b, _) in zip(old, new, strict=False):
            if a != b:
                break
            same += 1
        if same < len(old):
            self.beginRemoveRows(parent, same, len(old) - 1)
            self._rows[key] = old[:same]
            self.endRemoveRows()
        self._rows[key] = new[:same]
        if same:
            self.dataChanged.emit(self.index(0, 0, parent), self.index(same - 1, 1, parent))
        if same < len(new):
            self.beginInsertRows(parent, same, len(new) - 1)
            self._rows[key] = new
            self.endInsertRows()
        self.dataChanged.emit(parent, parent)

    def _changed(self, key: str) -> None:
        self._relayout(key)  # repaints the rows that stay


class _SearchTexts(dict[str, str]):
    """Value -> the text the filter box looks in, made on first lookup (in C after that)."""

    def __init__(self, make: Callable[[str], str]) -> None:
        super().__init__()
        self._make = make

    def __missing__(self, value: str) -> str:
        text = self[value] = self._make(value)
        return text


_TOOLTIP_PAST = 28  # labels longer than this get a tooltip with the whole of them

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
        FacetModel.MoreRole,
    }
)
