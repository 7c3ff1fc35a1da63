"""The facet panel: filter the results by date, outlet, author, person, organisation, place, event.

Click a value (or press Space) to include it; right-click for Exclude, Only this and
Clear. Values of one facet combine with OR, facets with AND, exclusions remove. Dates
are a histogram of months above the tree: drag across it to choose a span.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from viewer.ui.date_histogram import DateHistogram, span_label
from viewer.ui.facet_model import PANEL_KINDS, TOP_VALUES, Choice, FacetModel
from viewer.ui.icons import icon

if TYPE_CHECKING:  # the events module loads the lemmatiser, which start-up leaves for later
    from viewer.events.stage import EventSummary

Index = QModelIndex | QPersistentModelIndex
DATE_KEY = "date"  # the core's filter for a span of dates, and the date section's key when collapsed


class FacetFilterProxy(QSortFilterProxyModel):
    """While the model's values are narrowed to a search (``FacetModel.set_needle``), shows
    only the facets that have values left."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)

    def refilter(self) -> None:
        """Look again at which facets to show (after the model's needle changed)."""
        if hasattr(self, "beginFilterChange"):  # Qt 6.9 and later
            self.beginFilterChange()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, row: int, parent: Index) -> bool:  # noqa: N802
        # A facet shows through its values (recursive filtering), every value the model has.
        return parent.isValid() or not self.sourceModel().searching()  # type: ignore[attr-defined]


class FacetDelegate(QStyledItemDelegate):
    """A click anywhere on a value (or Space) includes it, or takes it back to neutral;
    on a «Show all» row it shows the facet's other values (or hides them again)."""

    def editorEvent(  # noqa: N802
        self, event: QEvent, model: object, option: QStyleOptionViewItem, index: Index
    ) -> bool:
        if not (index.isValid() and index.parent().isValid()):
            return super().editorEvent(event, model, option, index)  # type: ignore[arg-type]
        if isinstance(event, QMouseEvent):
            if event.button() != Qt.MouseButton.LeftButton:
                return False
            if event.type() == QEvent.Type.MouseButtonRelease and option.rect.contains(event.position().toPoint()):
                _toggle(index)
                return True
            return event.type() == QEvent.Type.MouseButtonDblClick
        keys = (Qt.Key.Key_Space, Qt.Key.Key_Select)
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress and event.key() in keys:
            _toggle(index)
            return True
        return False


def _toggle(index: Index) -> None:
    first = index.siblingAtColumn(0)
    if first.data(FacetModel.MoreRole):
        first.model().setData(first, True, FacetModel.MoreRole)
        return
    state = first.data(Qt.ItemDataRole.CheckStateRole)
    new = Qt.CheckState.Checked if state == Qt.CheckState.Unchecked else Qt.CheckState.Unchecked
    first.model().setData(first, new, Qt.ItemDataRole.CheckStateRole)


def _month_end(text: str, last: bool) -> str | None:
    """One end of a saved «FROM..TO» date span as the histogram's month («2019» is its
    January or December); None for an open end."""
    text = text.strip()
    if len(text) == 4 and text.isdigit():
        return f"{text}-12" if last else f"{text}-01"
    return text[:7] if len(text) >= 7 else None


def date_span(values: Sequence[str]) -> tuple[str | None, str | None] | None:
    """The histogram's span of months for the ``date`` filter's values (the first of them)."""
    if not values:
        return None
    start, _, end = values[0].partition("..")
    span = (_month_end(start, last=False), _month_end(end, last=True))
    return span if span != (None, None) else None


class FacetPanel(QWidget):
    selectionChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("FacetPanel")
        self.model = FacetModel(PANEL_KINDS, parent=self)
        self.proxy = FacetFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self._collapsed: set[str] = set()
        self._find_event: Callable[[str], EventSummary | None] | None = None

        title = QLabel(self.tr("Filters"))
        title.setObjectName("PanelTitle")
        self.clear_button = QToolButton()
        self.clear_button.setText(self.tr("Clear all"))
        self.clear_button.setToolTip(self.tr("Clear all filters"))
        self.clear_button.setAutoRaise(True)
        self.clear_button.setEnabled(False)
        self.clear_button.clicked.connect(self.clear)

        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Find a value…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._filter)
        self.filter_edit.setAcceptDrops(False)

        self.date_toggle = QToolButton()
        self.date_toggle.setObjectName("FacetSectionTitle")
        self.date_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.date_toggle.setAutoRaise(True)
        self.date_toggle.clicked.connect(self._toggle_dates)
        self.histogram = DateHistogram()
        self.histogram.spanChanged.connect(self._span_changed)
        self.span_text = QLabel()
        self.span_text.setObjectName("DateSpan")
        self.span_text.setTextFormat(Qt.TextFormat.PlainText)
        self.span_hint = QLabel(self.tr("Drag across the months to choose dates"))
        self.span_hint.setObjectName("Secondary")
        self.span_hint.setWordWrap(True)
        self.span_clear = QToolButton()
        self.span_clear.setIcon(icon("clear"))
        self.span_clear.setToolTip(self.tr("Clear the dates"))
        self.span_clear.setAutoRaise(True)
        self.span_clear.clicked.connect(lambda: self.histogram.clear_span())
        span_row = QHBoxLayout()
        span_row.setContentsMargins(0, 0, 0, 0)
        span_row.addWidget(self.span_text, 1)
        span_row.addWidget(self.span_hint, 1)
        span_row.addWidget(self.span_clear)
        self.date_section = QWidget()
        date_layout = QVBoxLayout(self.date_section)
        date_layout.setContentsMargins(12, 0, 4, 2)
        date_layout.setSpacing(2)
        date_layout.addWidget(self.histogram)
        date_layout.addLayout(span_row)

        self.tree = QTreeView()
        self.tree.setObjectName("FacetTree")
        self.tree.setModel(self.proxy)
        self.tree.setItemDelegate(FacetDelegate(self.tree))
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setAnimated(False)
        self.tree.setIndentation(12)
        self.tree.setExpandsOnDoubleClick(False)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.tree.clicked.connect(self._clicked)
        self.tree.expanded.connect(lambda i: self._remember_expansion(i, True))
        self.tree.collapsed.connect(lambda i: self._remember_expansion(i, False))
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # A fixed count column: sizing it to its contents reads every row after each search.
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(1, self.fontMetrics().horizontalAdvance(" 00 000") + 12)

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 4, 8)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.date_toggle)
        layout.addWidget(self.date_section)
        layout.addWidget(self.tree, 1)

        self.model.selectionChanged.connect(self._selection_changed)
        self.model.rowsInserted.connect(self._apply_expansion)
        self._show_span()
        self._apply_expansion()

    # the archive ---------------------------------------------------------------
    def set_events(self, find: Callable[[str], EventSummary | None] | None) -> None:
        """Where the event facet's values (event ids) get their names and sizes: the events as
        last read in the background (``ArchiveEvents.find``), never a read of the archive on the
        GUI thread. Events of a single report are not offered: they are the article itself."""
        self._find_event = find
        self.refresh_events()

    def refresh_events(self) -> None:
        """Show the events as they are now (after they were read again)."""
        find = self._find_event
        if find is None:
            self.model.set_labeller("event", None)
            self.model.set_shown("event", None)
            return

        def label(event_id: str) -> str:
            event = find(event_id)
            return event.label if event is not None else event_id

        def several_reports(event_id: str) -> bool:
            event = find(event_id)
            return event is None or len(event.articles) > 1

        self.model.set_labeller("event", label)
        self.model.set_shown("event", several_reports)

    def set_counts(self, facets: Mapping[str, Mapping[str, int]]) -> None:
        """The counts of one search (``SearchResult.facets``): the tree's and the months'."""
        self.model.set_counts(facets)
        self.histogram.set_counts(facets.get("month", {}))

    # expansion ---------------------------------------------------------------
    def collapsed_facets(self) -> list[str]:
        return sorted(self._collapsed)

    def set_collapsed_facets(self, keys: list[str]) -> None:
        self._collapsed = set(keys)
        self._apply_expansion()

    def _remember_expansion(self, proxy_index: QModelIndex, expanded: bool) -> None:
        if self.filter_edit.text().strip():
            return  # expanded to show matches, not by the user
        key = proxy_index.data(FacetModel.KeyRole)
        if key:
            if expanded:
                self._collapsed.discard(key)
            else:
                self._collapsed.add(key)

    def _apply_expansion(self, *_: object) -> None:
        filtering = bool(self.filter_edit.text().strip())
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            key = index.data(FacetModel.KeyRole)
            self.tree.setExpanded(index, filtering or key not in self._collapsed)
        dates_open = DATE_KEY not in self._collapsed
        self.date_section.setVisible(dates_open)
        self.date_toggle.setArrowType(Qt.ArrowType.DownArrow if dates_open else Qt.ArrowType.RightArrow)

    def _toggle_dates(self) -> None:
        if DATE_KEY in self._collapsed:
            self._collapsed.discard(DATE_KEY)
        else:
            self._collapsed.add(DATE_KEY)
        self._apply_expansion()

    def _filter(self, text: str) -> None:
        self.model.set_needle(text)
        self.proxy.refilter()
        self._apply_expansion()

    # choosing ----------------------------------------------------------------
    def selection(self) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
        """(filters, excludes) as ``Library.search`` takes them: the tree's choices and the dates."""
        filters, excludes = self.model.selection()
        span = self.histogram.span()
        if span is not None:
            start, end = span
            filters[DATE_KEY] = (f"{start or ''}..{end or ''}",)
        return filters, excludes

    def set_selection(self, filters: Mapping[str, Sequence[str]], excludes: Mapping[str, Sequence[str]]) -> None:
        """Make exactly these choices (a saved search's); ``selectionChanged`` follows once."""
        span = date_span(filters.get(DATE_KEY, ()))
        if span is None:
            self.histogram.clear_span(notify=False)
        else:
            self.histogram.set_span(*span)
        self._show_span()
        self.model.set_selection(filters, excludes)

    def active_count(self) -> int:
        return self.model.active_count() + (self.histogram.span() is not None)

    def clear(self) -> None:
        """Clear every choice, the dates too, with one new search."""
        had_span = self.histogram.span() is not None
        self.histogram.clear_span(notify=False)
        self._show_span()
        if self.model.active_count():
            self.model.clear()  # says selectionChanged
        elif had_span:
            self._selection_changed()

    def _span_changed(self) -> None:
        self._show_span()
        self._selection_changed()

    def _show_span(self) -> None:
        span = self.histogram.span()
        self.span_text.setText(span_label(span) if span else "")
        self.span_text.setVisible(span is not None)
        self.span_clear.setVisible(span is not None)
        self.span_hint.setVisible(span is None)
        title = self.tr("Date")
        self.date_toggle.setText(f"{title}  (1)" if span else title)

    def _selection_changed(self) -> None:
        self.clear_button.setEnabled(self.active_count() > 0)
        self.selectionChanged.emit()

    def _source(self, proxy_index: QModelIndex) -> QModelIndex:
        return self.proxy.mapToSource(proxy_index)

    def _clicked(self, proxy_index: QModelIndex) -> None:
        if proxy_index.isValid() and not proxy_index.parent().isValid():
            first = proxy_index.siblingAtColumn(0)
            self.tree.setExpanded(first, not self.tree.isExpanded(first))

    def _context_menu(self, pos: QPoint) -> None:
        proxy_index = self.tree.indexAt(pos)
        if not proxy_index.isValid():
            proxy_index = self.tree.currentIndex()
        menu = QMenu(self)
        source = self._source(proxy_index) if proxy_index.isValid() else QModelIndex()
        found = self.model.value_of(source)
        if found is not None:
            key, value = found
            current = self.model.choice(key, value)
            include = menu.addAction(self.tr("Include"))
            include.setCheckable(True)
            include.setChecked(current is Choice.INCLUDED)
            include.triggered.connect(lambda: self.model.choose(key, value, Choice.INCLUDED))
            exclude = menu.addAction(self.tr("Exclude"))
            exclude.setCheckable(True)
            exclude.setChecked(current is Choice.EXCLUDED)
            exclude.triggered.connect(lambda: self.model.choose(key, value, Choice.EXCLUDED))
            only = menu.addAction(self.tr("Only this"))
            only.triggered.connect(lambda: self.model.choose(key, value, Choice.INCLUDED, exclusive=True))
            if current is not Choice.NEUTRAL:
                clear = menu.addAction(self.tr("Clear"))
                clear.triggered.connect(lambda: self.model.choose(key, value, Choice.NEUTRAL))
            menu.addSeparator()
        if source.isValid():
            key = source.data(FacetModel.KeyRole)
            clear_facet = menu.addAction(self.tr("Clear this filter"))
            clear_facet.setEnabled(self.model.active_count(key) > 0)
            clear_facet.triggered.connect(lambda: self.model.clear(key))
            if len(self.model.values(key)) > TOP_VALUES:
                opened = self.model.showing_all(key)
                more = menu.addAction(self.tr("Show fewer") if opened else self.tr("Show all"))
                more.triggered.connect(lambda: self.model.show_all(key, not opened))
        clear_all = QAction(icon("clear"), self.tr("Clear all filters"), menu)
        clear_all.setEnabled(self.active_count() > 0)
        clear_all.triggered.connect(self.clear)
        menu.addAction(clear_all)
        menu.addSeparator()
        menu.addAction(self.tr("Expand all"), self.tree.expandAll)
        menu.addAction(self.tr("Collapse all"), self.tree.collapseAll)
        menu.exec(self.tree.viewport().mapToGlobal(pos))
        menu.deleteLater()
