"""Archive → Entities…: every person, organisation and place, to look through and curate.

A list with a type filter, a text filter and article counts; hidden names are listed
greyed when «Show hidden» is on. Several may be merged at once into one (which may be
among them). Opening one shows it in the entity view.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from viewer.text.normalise import fold
from viewer.ui.entity_curation import entity_rows
from viewer.ui.entity_models import EntityRow, EntityTableModel
from viewer.ui.entity_types import ENTITY_KINDS, type_name, type_plural
from viewer.ui.formatting import number
from viewer.ui.table_model import read_only_table

if TYPE_CHECKING:
    from viewer.library import Library
    from viewer.ui.entity_curation import EntityCurator

Index = QModelIndex | QPersistentModelIndex


class EntityFilterProxy(QSortFilterProxyModel):
    """Rows of one type (or all), containing some text, hidden ones only on request."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.kind = ""
        self.needle = ""
        self.show_hidden = False
        self.setSortRole(EntityTableModel.SortRole)

    def set_filter(self, kind: str, needle: str, show_hidden: bool) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.9 and later
            self.beginFilterChange()
            self.kind, self.needle, self.show_hidden = kind, fold(needle.strip()), show_hidden
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.kind, self.needle, self.show_hidden = kind, fold(needle.strip()), show_hidden
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, row: int, parent: Index) -> bool:  # noqa: N802
        entry = self.sourceModel().row(row)  # type: ignore[attr-defined]
        if entry is None or (entry.hidden and not self.show_hidden):
            return False
        if self.kind and entry.kind != self.kind:
            return False
        return not self.needle or self.needle in fold(entry.name)


class EntitiesDialog(QDialog):
    entityRequested = Signal(str)  # open in the entity view

    def __init__(
        self, library: Callable[[], Library | None], curator: EntityCurator, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Entities"))
        self.resize(720, 560)
        self._library = library
        self._curator = curator

        self.kind_box = QComboBox()
        self.kind_box.addItem(self.tr("All types"), "")
        for kind in ENTITY_KINDS:
            self.kind_box.addItem(type_plural(kind), kind)
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Filter by name"))
        self.filter_edit.setClearButtonEnabled(True)
        self.hidden_box = QCheckBox(self.tr("Show hidden"))
        filters = QHBoxLayout()
        filters.addWidget(self.kind_box)
        filters.addWidget(self.filter_edit, 1)
        filters.addWidget(self.hidden_box)

        self.model = EntityTableModel(self.tr("Articles"), self)
        self.proxy = EntityFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = read_only_table(self.proxy)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.activated.connect(lambda _index: self.open_selected())
        self.summary = QLabel()
        self.summary.setObjectName("Secondary")

        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.clicked.connect(self.open_selected)
        self.rename_button = QPushButton(self.tr("Rename…"))
        self.rename_button.clicked.connect(self.rename_selected)
        self.merge_button = QPushButton(self.tr("Merge Into…"))
        self.merge_button.clicked.connect(self.merge_selected)
        self.type_button = QPushButton(self.tr("Type"))
        self.type_menu = QMenu(self.type_button)
        for kind in ENTITY_KINDS:
            action = self.type_menu.addAction(type_name(kind))
            action.triggered.connect(lambda _checked=False, k=kind: self.set_type_of_selected(k))
        self.type_button.setMenu(self.type_menu)
        self.hide_button = QPushButton(self.tr("Hide"))
        self.hide_button.clicked.connect(self.toggle_hidden_of_selected)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        for button in (self.open_button, self.rename_button, self.merge_button, self.type_button, self.hide_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)

        self.kind_box.currentIndexChanged.connect(self._filter)
        self.filter_edit.textChanged.connect(self._filter)
        self.hidden_box.toggled.connect(self._filter)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.reload()

    def reload(self) -> None:
        """Read the entities again, keeping the selection where the names remain."""
        chosen = {row.name for row in self.selected()}
        library = self._library()
        self.model.set_rows(entity_rows(library) if library is not None else [])
        self._filter()
        selection = self.table.selectionModel()
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(EntityTableModel.NameRole) in chosen:
                selection.select(index, selection.SelectionFlag.Select | selection.SelectionFlag.Rows)
        self._update_buttons()

    def _filter(self) -> None:
        self.proxy.set_filter(self.kind_box.currentData() or "", self.filter_edit.text(), self.hidden_box.isChecked())
        shown, hidden = self.proxy.rowCount(), sum(row.hidden for row in self.model.rows())
        text = self.tr("%1 shown").replace("%1", number(shown))
        if hidden:
            text += " · " + self.tr("%1 hidden").replace("%1", number(hidden))
        self.summary.setText(text)
        self._update_buttons()

    def selected(self) -> list[EntityRow]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        found = [self.model.row(self.proxy.mapToSource(self.proxy.index(r, 0)).row()) for r in rows]
        return [row for row in found if row is not None]

    def select_name(self, name: str) -> bool:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(EntityTableModel.NameRole) == name:
                self.table.selectRow(row)
                return True
        return False

    def _update_buttons(self, *_: object) -> None:
        rows = self.selected()
        one = len(rows) == 1
        visible = [row for row in rows if not row.hidden]
        self.open_button.setEnabled(one and not rows[0].hidden)
        self.rename_button.setEnabled(one and not rows[0].hidden)
        self.merge_button.setEnabled(bool(visible) and len(visible) == len(rows))
        self.type_button.setEnabled(bool(visible) and len(visible) == len(rows))
        self.hide_button.setEnabled(bool(rows))
        all_hidden = bool(rows) and not visible
        self.hide_button.setText(self.tr("Show Again") if all_hidden else self.tr("Hide"))

    # actions ------------------------------------------------------------------------
    def open_selected(self) -> None:
        rows = self.selected()
        if len(rows) == 1 and not rows[0].hidden:
            self.entityRequested.emit(rows[0].name)

    def rename_selected(self) -> None:
        rows = self.selected()
        if len(rows) == 1:
            self._curator.ask_rename(rows[0].name, self)

    def merge_selected(self) -> None:
        rows = self.selected()
        if rows:
            biggest = max(rows, key=lambda r: r.articles or 0).name if len(rows) > 1 else ""
            self._curator.ask_merge([row.name for row in rows], self, biggest)

    def set_type_of_selected(self, kind: str) -> None:
        for row in self.selected():
            self._curator.set_type(row.name, kind)

    def toggle_hidden_of_selected(self) -> None:
        rows = self.selected()
        hide = any(not row.hidden for row in rows)
        for row in rows:
            if row.hidden != hide:
                self._curator.set_hidden(row.name, row.kind, hide)
