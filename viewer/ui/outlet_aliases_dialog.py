"""Outlet aliases: file articles from a host or a spelling under one outlet name.

«omskzdes.ru» and «Омск-здесь» both become «Омск Здесь», say. Each change refiles the
articles at once, in the background (it rewrites their index entries).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
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
from viewer.ui.tasks import Task

if TYPE_CHECKING:
    from viewer.library import Library
    from viewer.ui.archive_jobs import ArchiveJobs


class OutletAliasesDialog(QDialog):
    def __init__(
        self, library: Library, jobs: ArchiveJobs, outlets: Sequence[str] = (), parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Outlet Aliases"))
        self.resize(640, 460)
        self._library = library
        self._jobs = jobs
        self._task: Task | None = None

        intro = QLabel(
            self.tr(
                "Articles whose outlet is written one of these ways, or whose address is on one of these "
                "hosts, are filed under the outlet on the right."
            )
        )
        intro.setWordWrap(True)
        self.model = StringTableModel([self.tr("Spelling or host"), self.tr("Outlet")], self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())

        self.alias_edit = QLineEdit()
        self.alias_edit.setPlaceholderText(self.tr("e.g. omskzdes.ru or Омск-здесь"))
        self.outlet_edit = QLineEdit()
        self.outlet_edit.setPlaceholderText(self.tr("e.g. Омск Здесь"))
        completer = QCompleter(QStringListModel(list(outlets), self), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.outlet_edit.setCompleter(completer)
        for edit in (self.alias_edit, self.outlet_edit):
            edit.textChanged.connect(lambda _t: self._update_buttons())
            edit.returnPressed.connect(self.add_alias)
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.clicked.connect(self.add_alias)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self.remove_selected)

        form = QGridLayout()
        form.addWidget(QLabel(self.tr("Spelling or host:")), 0, 0)
        form.addWidget(self.alias_edit, 0, 1)
        form.addWidget(QLabel(self.tr("Outlet:")), 1, 0)
        form.addWidget(self.outlet_edit, 1, 1)
        form.addWidget(self.add_button, 1, 2)

        self.status = QLabel()
        self.status.setObjectName("Secondary")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.remove_button)
        bottom.addWidget(self.status, 1)
        bottom.addWidget(buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addLayout(bottom)
        self.reload()

    def reload(self) -> None:
        self.model.set_rows(sorted(self._library.outlet_aliases().items()))
        self._update_buttons()

    def busy(self) -> bool:
        return self._task is not None

    def _update_buttons(self) -> None:
        idle = self._task is None
        self.add_button.setEnabled(idle and bool(self.alias_edit.text().strip() and self.outlet_edit.text().strip()))
        self.remove_button.setEnabled(idle and self.table.selectionModel().hasSelection())

    def add_alias(self) -> None:
        alias, outlet = self.alias_edit.text().strip(), self.outlet_edit.text().strip()
        if not alias or not outlet or self._task is not None:
            return
        self._run(self._jobs.set_outlet_alias(alias, outlet))
        self.alias_edit.clear()

    def remove_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or self._task is not None:
            return
        alias = self.model.row_values(rows[0].row())[0]
        self._run(self._jobs.remove_outlet_alias(alias))

    def _run(self, task: Task) -> None:
        self._task = task
        if self._jobs.is_writing() and len(self._jobs.writer.tasks()) > 1:
            self.status.setText(self.tr("Waiting for the import to finish…"))
        else:
            self.status.setText(self.tr("Refiling articles…"))
        task.succeeded.connect(self._succeeded)
        task.failed.connect(self._failed)
        task.finished.connect(self._finished)
        self._update_buttons()

    def _succeeded(self, moved: object) -> None:
        count = moved if isinstance(moved, int) else 0
        self.status.setText(self.tr("Saved; %n article(s) refiled.", "", count))

    def _failed(self, error: object) -> None:
        self.status.setText(self.tr("Not saved: %1").replace("%1", str(error)))

    def _finished(self) -> None:
        self._task = None
        self.reload()
