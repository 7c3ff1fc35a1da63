"""The saved searches in a list: run one again, rename it, delete it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from viewer.ui.table_model import StringTableModel, read_only_table

if TYPE_CHECKING:
    from viewer.ui.saved_searches import SavedSearchActions


class SavedSearchesDialog(QDialog):
    def __init__(self, actions: SavedSearchActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Saved Searches"))
        self.resize(640, 400)
        self._actions = actions
        self.model = StringTableModel([self.tr("Name"), self.tr("Finds")], self)
        self.table = read_only_table(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, 200)
        header.setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _index: self.run_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        QShortcut(QKeySequence("F2"), self.table, self.rename_selected)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table, self.delete_selected)

        self.empty = QLabel(
            self.tr("No saved searches yet. Search, then choose Saved Searches → Save Search… (Ctrl+S).")
        )
        self.empty.setObjectName("Secondary")
        self.empty.setWordWrap(True)
        self.run_button = QPushButton(self.tr("Run"))
        self.run_button.setDefault(True)
        self.run_button.clicked.connect(self.run_selected)
        self.rename_button = QPushButton(self.tr("Rename…"))
        self.rename_button.clicked.connect(self.rename_selected)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.clicked.connect(self.delete_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        for button in (self.run_button, self.rename_button, self.delete_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(row)
        self.reload()

    def reload(self, select: str | None = None) -> None:
        searches = self._actions.searches()
        self.model.set_rows(
            [(s.name, self._actions.describe(s.query, s.filters, s.excludes, s.sort)) for s in searches]
        )
        self.empty.setVisible(not searches)
        names = [s.name for s in searches]
        if names:
            row = names.index(select) if select in names else 0
            self.table.selectRow(row)
        self._update_buttons()

    def selected_name(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_values(rows[0].row())[0] if rows else None

    def _update_buttons(self) -> None:
        chosen = self.selected_name() is not None
        for button in (self.run_button, self.rename_button, self.delete_button):
            button.setEnabled(chosen)

    def run_selected(self) -> None:
        name = self.selected_name()
        if name is not None and self._actions.run(name):
            self.accept()

    def rename_selected(self) -> None:
        name = self.selected_name()
        dialog = self._actions.rename(name, parent=self) if name is not None else None
        if dialog is not None:
            dialog.accepted.connect(lambda: self.reload(dialog.name()))
        else:
            self.reload()

    def delete_selected(self) -> None:
        name = self.selected_name()
        if name is None:
            return
        row = self.table.currentIndex().row()
        self._actions.delete(name)
        self.reload()
        if self.model.rowCount():
            self.table.selectRow(min(max(row, 0), self.model.rowCount() - 1))
