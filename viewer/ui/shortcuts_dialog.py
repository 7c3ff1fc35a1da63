"""Help → Keyboard Shortcuts: every action with a key, read from the actions themselves."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


def extra_keys() -> list[tuple[str, str]]:
    """Keys that belong to one widget rather than to a menu action."""
    translate = QCoreApplication.translate
    return [
        (translate("ShortcutsDialog", "Enter (in the search field)"), translate("ShortcutsDialog", "Search at once")),
        (translate("ShortcutsDialog", "Down (in the search field)"), translate("ShortcutsDialog", "Go to the results")),
        (
            translate("ShortcutsDialog", "Down (in the empty search field)"),
            translate("ShortcutsDialog", "Recent searches"),
        ),
        (translate("ShortcutsDialog", "Esc (in the search field)"), translate("ShortcutsDialog", "Clear the query")),
        (
            translate("ShortcutsDialog", "Up, Down (in the results)"),
            translate("ShortcutsDialog", "Read the previous, next article"),
        ),
        (
            translate("ShortcutsDialog", "Space (in the filters)"),
            translate("ShortcutsDialog", "Include or clear a value"),
        ),
        (
            translate("ShortcutsDialog", "Enter, Shift+Enter (in Find)"),
            translate("ShortcutsDialog", "Next, previous match"),
        ),
        (translate("ShortcutsDialog", "Esc (in Find)"), translate("ShortcutsDialog", "Close Find")),
    ]


def action_text(action: QAction) -> str:
    return action.text().replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(".…")


class ShortcutsDialog(QDialog):
    def __init__(self, actions: Sequence[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        self.resize(560, 600)
        rows: list[tuple[str, str]] = []
        for action in actions:
            keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts() if not k.isEmpty()]
            if keys:
                rows.append((", ".join(keys), action_text(action)))
        rows.extend(extra_keys())
        self.table = QTableWidget(len(rows), 2)
        self.table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("Action")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for row, (keys, what) in enumerate(rows):
            key_item = QTableWidgetItem(keys)
            key_item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, 0, key_item)
            self.table.setItem(row, 1, QTableWidgetItem(what))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

    def rows(self) -> list[tuple[str, str]]:
        return [(self.table.item(r, 0).text(), self.table.item(r, 1).text()) for r in range(self.table.rowCount())]
