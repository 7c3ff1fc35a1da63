"""Import problems: each file that could not be read (or only partly), and why."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSortFilterProxyModel, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from viewer.ui.table_model import StringTableModel

if TYPE_CHECKING:
    from viewer.library import Library


class ProblemsDialog(QDialog):
    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import Problems"))
        self.resize(900, 480)
        self._library = library
        self.model = StringTableModel([self.tr("File"), self.tr("Problem")], self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)

        self.summary = QLabel()
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Filter by file or problem"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.resizeSection(0, 440)
        self.table.doubleClicked.connect(lambda _index: self.show_in_folder())
        QShortcut(QKeySequence.StandardKey.Copy, self.table, self.copy_selected)

        copy = QPushButton(self.tr("Copy"))
        copy.setToolTip(self.tr("Copy the selected rows (or all) as tab-separated text"))
        copy.clicked.connect(self.copy_selected)
        reveal = QPushButton(self.tr("Show in Folder"))
        reveal.clicked.connect(self.show_in_folder)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(copy)
        row.addWidget(reveal)
        row.addStretch(1)
        row.addWidget(buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        self.reload()

    def reload(self) -> None:
        problems = self._library.problems()
        self.model.set_rows([(p.path, p.reason) for p in problems])
        if problems:
            self.summary.setText(self.tr("%n problem(s) met while importing. Files that could not be read keep their "
                                         "earlier articles; fix a file and add its folder again to retry.", "",
                                         len(problems)))
        else:
            self.summary.setText(self.tr("No import problems."))

    def _selected_rows(self) -> list[tuple[str, ...]]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        if not rows:
            rows = list(range(self.proxy.rowCount()))
        return [self.model.row_values(self.proxy.mapToSource(self.proxy.index(r, 0)).row()) for r in rows]

    def copy_selected(self) -> None:
        QGuiApplication.clipboard().setText("\n".join("\t".join(row) for row in self._selected_rows()))

    def show_in_folder(self) -> None:
        current = self.table.currentIndex()
        if not current.isValid():
            return
        path = Path(self.model.row_values(self.proxy.mapToSource(current).row())[0])
        folder = path if path.is_dir() else path.parent
        if folder.is_dir():
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
