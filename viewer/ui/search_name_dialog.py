"""Naming a saved search (to save it, or to rename it), with the reason a name is refused.

The dialog stays open until ``attempt`` (which saves or renames through the Library)
succeeds; a name the core refuses shows why under the field. A name another saved search
has offers «Replace» when saving.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from viewer.ui.error_label import ErrorLabel

# (name, replace an existing search of that name) -> None, or raises SavedSearchError
Attempt = Callable[[str, bool], object]


class SearchNameDialog(QDialog):
    def __init__(
        self,
        title: str,
        action: str,
        name: str,
        summary: str,
        attempt: Attempt,
        replaceable: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self._attempt = attempt
        self._replaceable = replaceable
        self.field = QLineEdit(name)
        self.field.setClearButtonEnabled(True)
        self.field.selectAll()
        self.field.textChanged.connect(self._edited)
        self.summary = QLabel(summary)
        self.summary.setObjectName("Secondary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.error = ErrorLabel("DialogError")

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.addButton(action, QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setDefault(True)
        self.replace = QPushButton(self.tr("Replace"))
        self.replace.setToolTip(self.tr("Save over the search of that name"))
        self.buttons.addButton(self.replace, QDialogButtonBox.ButtonRole.ActionRole)
        self.replace.hide()
        self.replace.clicked.connect(lambda: self._try(replace=True))
        self.buttons.rejected.connect(self.reject)
        self.ok.clicked.connect(lambda: self._try(replace=False))

        form = QFormLayout()
        form.addRow(self.tr("Name:"), self.field)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self._edited(name)

    def name(self) -> str:
        return self.field.text().strip()

    def _edited(self, text: str) -> None:
        self.ok.setEnabled(bool(text.strip()))
        self.replace.hide()
        self.error.clear_message()

    def _try(self, replace: bool) -> None:
        from viewer.userdata import SavedSearchError

        try:
            self._attempt(self.field.text(), replace)
        except SavedSearchError as error:
            self.show_problem(error.reason, error.name)
            return
        self.accept()

    def show_problem(self, reason: str, name: str) -> None:
        messages = {
            "empty": self.tr("Give the search a name."),
            "too long": self.tr("The name is too long; shorten it."),
            "taken": self.tr("There is already a saved search called «%1».").replace("%1", name),
            "missing": self.tr("There is no saved search called «%1» any more.").replace("%1", name),
        }
        self.error.show_message(messages.get(reason, reason))
        self.replace.setVisible(self._replaceable and reason == "taken")
        self.field.setFocus()

    def error_text(self) -> str:
        return self.error.message()
