"""The facet panel: filter the results by outlet, author, year and month.

Click a value (or press Space) to include it; right-click for Exclude, Only this and
Clear. Values of one facet combine with OR, facets with AND, exclusions remove.
"""

from __future__ import annotations

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

from viewer.ui.facet_model import Choice, FacetModel
from viewer.ui.icons import icon

Index = QModelIndex | QPersistentModelIndex


def _fold(text: str) -> str:
    return text.casefold().replace("ё", "е")


class FacetFilterProxy(QSortFilterProxyModel):
    """Narrows the values to those containing the typed text (any case, ё = е);
    a facet shows while any of its values does."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._needle = ""
        self.setRecursiveFilteringEnabled(True)

    def set_needle(self, text: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.9 and later
            self.beginFilterChange()
            self._needle = _fold(text.strip())
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._needle = _fold(text.strip())
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, row: int, parent: Index) -> bool:  # noqa: N802
        if not self._needle:
            return True
        if not parent.isValid():
            return False  # shown through its values (recursive filtering)
        source = self.sourceModel()
        text = source.data(source.index(row, 0, parent), Qt.ItemDataRole.DisplayRole) or ""
        return self._needle in _fold(str(text))


class FacetDelegate(QStyledItemDelegate):
    """A click anywhere on a value (or Space) includes it, or takes it back to neutral."""

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
    state = first.data(Qt.ItemDataRole.CheckStateRole)
    new = Qt.CheckState.Checked if state == Qt.CheckState.Unchecked else Qt.CheckState.Unchecked
    first.model().setData(first, new, Qt.ItemDataRole.CheckStateRole)


class FacetPanel(QWidget):
    selectionChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("FacetPanel")
        self.model = FacetModel(parent=self)
        self.proxy = FacetFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self._collapsed: set[str] = set()

        title = QLabel(self.tr("Filters"))
        title.setObjectName("PanelTitle")
        self.clear_button = QToolButton()
        self.clear_button.setText(self.tr("Clear all"))
        self.clear_button.setToolTip(self.tr("Clear all filters"))
        self.clear_button.setAutoRaise(True)
        self.clear_button.setEnabled(False)
        self.clear_button.clicked.connect(lambda: self.model.clear())

        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Find a value…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._filter)
        self.filter_edit.setAcceptDrops(False)

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
        layout.addWidget(self.tree, 1)

        self.model.selectionChanged.connect(self._selection_changed)
        self.model.rowsInserted.connect(self._apply_expansion)
        self._apply_expansion()

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

    def _filter(self, text: str) -> None:
        self.proxy.set_needle(text)
        self._apply_expansion()

    # choosing ----------------------------------------------------------------
    def _selection_changed(self) -> None:
        self.clear_button.setEnabled(self.model.active_count() > 0)
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
        clear_all = QAction(icon("clear"), self.tr("Clear all filters"), menu)
        clear_all.setEnabled(self.model.active_count() > 0)
        clear_all.triggered.connect(lambda: self.model.clear())
        menu.addAction(clear_all)
        menu.addSeparator()
        menu.addAction(self.tr("Expand all"), self.tree.expandAll)
        menu.addAction(self.tr("Collapse all"), self.tree.collapseAll)
        menu.exec(self.tree.viewport().mapToGlobal(pos))
        menu.deleteLater()
