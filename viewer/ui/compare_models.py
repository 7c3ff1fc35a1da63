"""Tables of a comparison: discrepancies, quotes, and the entity coverage matrix.

Each model is read-only over one ``Comparison``; ``ItemRole`` hands the core's record to the
window (to jump to its place) and ``SortRole`` gives a value to sort by (numbers as numbers),
so the views sort through a ``QSortFilterProxyModel``. Reports appear in timeline order, as the
columns do. All text is plain (the views never read it as markup).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette

from viewer.ui.highlights import error_colour, secondary_colour

if TYPE_CHECKING:
    from viewer.compare import Comparison
    from viewer.compare.discrepancies import Discrepancy, Place
    from viewer.compare.quotes import Quote

Index = QModelIndex | QPersistentModelIndex
QUOTE_CHARS = 320  # a table cell shows the start of a long quote; the tooltip has it all


def one_line(text: str, limit: int | None = None) -> str:
    text = " ".join(text.split())
    if limit is not None and len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return text


def outlet_of(comparison: Comparison, report: int) -> str:
    return one_line(comparison.reports[report].outlet or "") or comparison.reports[report].id


class _TableModel(QAbstractTableModel):
    """Rows of records, columns by header; subclasses say what a cell shows."""

    ItemRole = Qt.ItemDataRole.UserRole + 1
    SortRole = Qt.ItemDataRole.UserRole + 2

    # Each kind of table says what its columns are called and what a cell shows.
    headers: Callable[[], list[str]]
    cell: Callable[[Any, int], str]

    def __init__(self, comparison: Comparison, rows: Sequence[Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.comparison = comparison
        self._rows = list(rows)
        self._headers: list[str] | None = None

    def header_texts(self) -> list[str]:
        """``headers()``, translated once (views ask for the column count very often)."""
        if self._headers is None:
            self._headers = self.headers()
        return self._headers

    def sort_key(self, row: Any, column: int) -> Any:
        return self.cell(row, column).casefold()

    def tooltip(self, row: Any, column: int) -> str | None:
        return None

    def item(self, row: int) -> Any:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.header_texts())

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.cell(row, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row, index.column())
        if role == self.ItemRole:
            return row
        if role == self.SortRole:
            return self.sort_key(row, index.column())
        return self.style(row, index.column(), role)

    def style(self, row: Any, column: int, role: int) -> Any:
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        headers = self.header_texts()
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(headers):
            if role == Qt.ItemDataRole.DisplayRole:
                return headers[section]
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.header_tooltip(section)
        return None

    def header_tooltip(self, section: int) -> str | None:
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


class DiscrepancyModel(_TableModel):
    """One row per discrepancy: what it is about, each side's outlet and value, whether both can hold."""

    def __init__(self, comparison: Comparison, parent: QObject | None = None) -> None:
        super().__init__(comparison, comparison.discrepancies, parent)
        self._order = {entry.report: number for number, entry in enumerate(comparison.timeline)}

    def sides(self, row: Discrepancy) -> tuple[Place, Place]:
        """The two places, the earlier report's first (as the columns go)."""
        a, b = row.a, row.b
        return (b, a) if self._order.get(b.report, 0) < self._order.get(a.report, 0) else (a, b)

    def kind_name(self, kind: str) -> str:
        names = {
            "count": self.tr("Number"),
            "ordinal": self.tr("Ordinal"),
            "money": self.tr("Money"),
            "percent": self.tr("Percentage"),
            "date": self.tr("Date"),
            "time": self.tr("Time"),
            "speaker": self.tr("Speaker"),
        }
        return names.get(kind, kind)

    def headers(self) -> list[str]:
        return [self.tr("Kind"), self.tr("About"), self.tr("One report says"), self.tr("Another says"),
                self.tr("Both can hold")]  # fmt: skip

    def side(self, place: Place) -> str:
        return f"{outlet_of(self.comparison, place.report)}: {one_line(place.value, 80)}"

    def cell(self, row: Discrepancy, column: int) -> str:
        if column == 0:
            return self.kind_name(row.kind)
        if column == 1:
            return self.tr("who said it") if row.kind == "speaker" else one_line(row.what)
        if column in (2, 3):
            return self.side(self.sides(row)[column - 2])
        if row.compatible is None:
            return "—"
        return self.tr("Yes") if row.compatible else self.tr("No")

    def tooltip(self, row: Discrepancy, column: int) -> str | None:
        if column in (2, 3):
            place = self.sides(row)[column - 2]
            return f"{outlet_of(self.comparison, place.report)}\n{one_line(place.context, 600)}"
        if column == 4:
            return self.tr("Whether both statements can be true at once, given words such as «more than»")
        return None


class QuoteModel(_TableModel):
    """One row per quote: speaker, report, direct or reported, the words, and where else they appear."""

    def __init__(self, comparison: Comparison, parent: QObject | None = None) -> None:
        order = {entry.report: number for number, entry in enumerate(comparison.timeline)}
        quotes = sorted(comparison.quotes, key=lambda quote: (order.get(quote.report, 0), quote.start))
        super().__init__(comparison, quotes, parent)
        self._also: dict[int, list[Quote]] = {}
        for group in comparison.quote_groups():
            for quote in group:
                self._also[id(quote)] = [other for other in group if other.report != quote.report]

    def headers(self) -> list[str]:
        return [self.tr("Speaker"), self.tr("Report"), self.tr("Form"), self.tr("Words"), self.tr("Also in")]

    def also_in(self, quote: Quote) -> list[int]:
        """Reports (positions) that carry the same remark, in timeline order."""
        reports = {other.report for other in self._also.get(id(quote), [])}
        return [entry.report for entry in self.comparison.timeline if entry.report in reports]

    def cell(self, row: Quote, column: int) -> str:
        if column == 0:
            return one_line(row.speaker or "") or self.tr("unknown")
        if column == 1:
            return outlet_of(self.comparison, row.report)
        if column == 2:
            return self.tr("direct") if row.kind == "direct" else self.tr("reported")
        if column == 3:
            return one_line(row.text, QUOTE_CHARS)
        return ", ".join(outlet_of(self.comparison, report) for report in self.also_in(row))

    def tooltip(self, row: Quote, column: int) -> str | None:
        if column == 3:
            return one_line(row.text, 1500)
        if column == 4 and self.also_in(row):
            return self.tr("The same remark, quoted or retold by these reports")
        return None

    def style(self, row: Quote, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and column in (2, 4):
            return secondary_colour(QGuiApplication.palette())
        return None


class CoverageModel(_TableModel):
    """Entities × reports: how often each report names each person, organisation and place.

    A zero where most of the other reports name the entity is a gap a reader looks for: it is
    drawn in red.
    """

    def __init__(self, comparison: Comparison, parent: QObject | None = None) -> None:
        super().__init__(comparison, comparison.coverage, parent)
        self.report_order = [entry.report for entry in comparison.timeline]

    def type_name(self, kind: str) -> str:
        return {"PER": self.tr("Person"), "ORG": self.tr("Organisation"), "LOC": self.tr("Place")}.get(kind, kind)

    def headers(self) -> list[str]:
        outlets = [outlet_of(self.comparison, report) for report in self.report_order]
        return [self.tr("Entity"), self.tr("Type"), *outlets, self.tr("Total")]

    def header_tooltip(self, section: int) -> str | None:
        if 2 <= section < 2 + len(self.report_order):
            return one_line(self.comparison.reports[self.report_order[section - 2]].title)
        return None

    def count(self, row: Any, column: int) -> int | None:
        if 2 <= column < 2 + len(self.report_order):
            return int(row.counts[self.report_order[column - 2]])
        if column == 2 + len(self.report_order):
            return int(row.total)
        return None

    def is_gap(self, row: Any, column: int) -> bool:
        """This report never names an entity that most of the others name."""
        count = self.count(row, column)
        if count != 0 or column >= 2 + len(self.report_order):
            return False
        others = len(self.report_order) - 1
        return others > 0 and row.reports * 2 > others

    def cell(self, row: Any, column: int) -> str:
        if column == 0:
            return one_line(row.normal)
        if column == 1:
            return self.type_name(row.type)
        count = self.count(row, column)
        return "—" if count == 0 and not self.is_gap(row, column) else str(count)

    def sort_key(self, row: Any, column: int) -> Any:
        count = self.count(row, column)
        return count if count is not None else self.cell(row, column).casefold()

    def tooltip(self, row: Any, column: int) -> str | None:
        if self.is_gap(row, column):
            return self.tr("Most of the other reports name this; this one does not")
        return None

    def style(self, row: Any, column: int, role: int) -> Any:
        if column < 2:
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        palette = QGuiApplication.palette()
        if role == Qt.ItemDataRole.ForegroundRole:
            if self.is_gap(row, column):
                return error_colour(palette)
            if self.count(row, column) == 0:
                return QColor(secondary_colour(palette))
            return palette.color(QPalette.ColorRole.Text)
        if role == Qt.ItemDataRole.FontRole and self.is_gap(row, column):
            font = QFont()
            font.setWeight(QFont.Weight.DemiBold)
            return font
        return None
