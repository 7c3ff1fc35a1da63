"""About Letopis: version, what it stands on, and the licences."""

from __future__ import annotations

import platform

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from viewer import __version__
from viewer.ui.icons import app_icon

LICENCES = (
    ("Letopis", "GPL-3.0-or-later"),
    ("Qt, PySide6", "LGPL-3.0"),
    ("Whoosh", "BSD-2-Clause"),
    ("pymorphy3", "MIT"),
    ("natasha", "MIT"),
    ("OpenCorpora dictionaries", "CC BY-SA"),
)


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Letopis"))
        self.resize(520, 460)
        logo = QLabel()
        logo.setPixmap(app_icon().pixmap(72, 72))
        name = QLabel(self.tr("Letopis %1").replace("%1", __version__))
        name.setObjectName("AboutName")
        tagline = QLabel(self.tr("An archive of news coverage: Russian full-text search, facets and reading."))
        tagline.setWordWrap(True)
        built = QLabel(
            self.tr("Qt %1 · PySide6 %2 · Python %3")
            .replace("%1", qVersion())
            .replace("%2", pyside_version)
            .replace("%3", platform.python_version())
        )
        built.setObjectName("Secondary")
        built.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        head_text = QVBoxLayout()
        head_text.addWidget(name)
        head_text.addWidget(tagline)
        head_text.addWidget(built)
        head = QHBoxLayout()
        head.setSpacing(16)
        head.addWidget(logo, 0, Qt.AlignmentFlag.AlignTop)
        head.addLayout(head_text, 1)

        table = QTableWidget(len(LICENCES), 2)
        table.setHorizontalHeaderLabels([self.tr("Component"), self.tr("Licence")])
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for row, (component, licence) in enumerate(LICENCES):
            label = self.tr("OpenCorpora dictionaries") if component == "OpenCorpora dictionaries" else component
            table.setItem(row, 0, QTableWidgetItem(label))
            table.setItem(row, 1, QTableWidgetItem(licence))
        notice = QLabel(
            self.tr(
                "Letopis is free software: you can redistribute it and modify it under the terms of the GNU "
                "General Public License, version 3 or any later version. It comes with no warranty."
            )
        )
        notice.setWordWrap(True)
        notice.setObjectName("Secondary")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addLayout(head)
        layout.addWidget(QLabel(self.tr("Components and their licences:")))
        layout.addWidget(table, 1)
        layout.addWidget(notice)
        layout.addWidget(buttons)
