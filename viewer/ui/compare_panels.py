"""The tabs under the columns: discrepancies, quotes, entity coverage and the timeline.

Choosing a row of discrepancies or quotes (click, arrow keys) asks the window to show its place
in the columns: ``discrepancyChosen`` and ``quoteChosen`` carry the core's record. A table with
nothing to show says why instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from viewer.ui.compare_models import CoverageModel, DiscrepancyModel, QuoteModel, _TableModel, one_line, outlet_of
from viewer.ui.compare_timeline import TimelineView

if TYPE_CHECKING:
    from viewer.compare import Comparison


class ComparisonTable(QStackedWidget):
    """A sortable table over one of the comparison's models, or a note when it has no rows."""

    rowChosen = Signal(object)  # the record of the chosen row

    def __init__(
        self, model: _TableModel, empty_text: str, stretch: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(model)
        self.proxy.setSortRole(_TableModel.SortRole)
        self.view = QTableView()
        self.view.setObjectName("CompareTable")
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the model's own order until a header is clicked
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.setAlternatingRowColors(True)
        self.view.setShowGrid(False)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setHighlightSections(False)
        self.view.horizontalHeader().setStretchLastSection(stretch is None)  # the table fills its width
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        if stretch is not None:
            self.view.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.view.clicked.connect(self._current_changed)
        self.empty = QLabel(empty_text)
        self.empty.setObjectName("Placeholder")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.addWidget(self.view)
        self.addWidget(self.empty)
        self.setCurrentWidget(self.view if model.rowCount() else self.empty)

    def fit_columns(self, widths: dict[int, int]) -> None:
        """Size columns to their contents, within the given caps (pixels) per column."""
        self.view.resizeColumnsToContents()
        header = self.view.horizontalHeader()
        for column in range(self.model.columnCount()):
            if header.sectionResizeMode(column) == QHeaderView.ResizeMode.Interactive:
                width = max(header.sectionSize(column) + 16, 70)
                header.resizeSection(column, min(width, widths.get(column, width)))

    def choose_row(self, row: int) -> None:
        """Make view row ``row`` current (as a click would)."""
        index = self.proxy.index(row, 0)
        if index.isValid():
            self.view.setCurrentIndex(index)
            self._current_changed(index)

    def _current_changed(self, index: QModelIndex, _previous: QModelIndex | None = None) -> None:
        if index.isValid():
            self.rowChosen.emit(self.model.item(self.proxy.mapToSource(index).row()))


class ComparePanels(QTabWidget):
    discrepancyChosen = Signal(object)  # viewer.compare.discrepancies.Discrepancy
    quoteChosen = Signal(object)  # viewer.compare.quotes.Quote

    def __init__(self, comparison: Comparison, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ComparePanels")
        self.setDocumentMode(True)
        self.comparison = comparison

        self.discrepancies = ComparisonTable(
            DiscrepancyModel(comparison, self),
            self.tr("The reports agree on every figure that could be compared, and on who said what."),
        )
        self.discrepancies.fit_columns({0: 120, 1: 220, 2: 330, 3: 330})
        self.discrepancies.rowChosen.connect(self._discrepancy_chosen)
        self.detail = QLabel(self.tr("Choose a row to see both places in the columns."))
        self.detail.setObjectName("CompareDetail")
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setVisible(bool(comparison.discrepancies))
        discrepancy_page = QWidget()
        layout = QVBoxLayout(discrepancy_page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.discrepancies, 1)
        layout.addWidget(self.detail)

        self.quotes = ComparisonTable(
            QuoteModel(comparison, self), self.tr("No direct or reported speech was found."), stretch=3
        )
        self.quotes.fit_columns({0: 200, 1: 180, 2: 130, 4: 320})
        self.quotes.rowChosen.connect(self.quoteChosen)

        self.coverage = ComparisonTable(
            CoverageModel(comparison, self),
            self.tr(
                "No people, organisations or places are known for these reports yet. They are found in the "
                "background after an import; compare again when that has finished."
            ),
        )
        self.coverage.fit_columns({0: 260})
        self.timeline = TimelineView(comparison)

        count = len(comparison.discrepancies)
        self.addTab(discrepancy_page, self.tr("Discrepancies (%1)").replace("%1", str(count)))
        self.addTab(self.quotes, self.tr("Quotes (%1)").replace("%1", str(len(comparison.quotes))))
        self.addTab(self.coverage, self.tr("Entities (%1)").replace("%1", str(len(comparison.coverage))))
        self.addTab(self.timeline, self.tr("Timeline"))

    def _discrepancy_chosen(self, item: object) -> None:
        sides = self.discrepancies.model.sides(item)  # type: ignore[attr-defined]
        lines = [f"{outlet_of(self.comparison, place.report)}: «{one_line(place.context, 400)}»" for place in sides]
        self.detail.setText("\n".join(lines))
        self.discrepancyChosen.emit(item)
