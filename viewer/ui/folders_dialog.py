"""The folders and files the archive follows; remove one, or look at all of them again."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from viewer.ui.icons import icon
from viewer.ui.table_model import StringTableModel

if TYPE_CHECKING:
    from viewer.library import Library


class FoldersDialog(QDialog):
    addFolderRequested = Signal()
    refreshRequested = Signal()
    removeRequested = Signal(str)

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Archive Folders"))
        self.resize(720, 400)
        self._library = library
        intro = QLabel(
            self.tr("Letopis reads these folders and files. Re-scan picks up new, changed and deleted files.")
        )
        intro.setWordWrap(True)
        self.model = StringTableModel([self.tr("Folder or file"), self.tr("Kind")], self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())

        add = QPushButton(icon("add-folder"), self.tr("Add Folder…"))
        add.clicked.connect(self.addFolderRequested)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self._remove)
        refresh = QPushButton(icon("refresh"), self.tr("Re-scan All"))
        refresh.clicked.connect(self.refreshRequested)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(self.remove_button)
        row.addWidget(refresh)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        self.reload()

    def reload(self) -> None:
        rows = [(path, self.tr("sample archive") if sample else "") for path, sample in self._library.roots()]
        self.model.set_rows(rows)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(self.table.selectionModel().hasSelection())

    def _remove(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        path = self.model.row_values(rows[0].row())[0]
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Remove Folder"), "", parent=self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(self.tr("Stop following this folder? Its articles leave the archive; the files themselves stay."))
        box.setInformativeText(path)
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        if box.exec() == QMessageBox.StandardButton.Yes:
            self.removeRequested.emit(path)
