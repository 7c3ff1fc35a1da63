"""The search field: the core's query language, results as you type, history, syntax help.

Typing searches after a pause (``DEBOUNCE_MS``); Enter searches at once and remembers the
query. A query the core cannot run shows its ``QueryError`` message under the field.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import QCompleter, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from viewer.ui.error_label import ErrorLabel
from viewer.ui.icons import icon
from viewer.ui.query_help import QueryHelp
from viewer.ui.settings import HISTORY_LENGTH

DEBOUNCE_MS = 300


class SearchBar(QWidget):
    searchRequested = Signal(str)  # the query to run now
    moveToResults = Signal()  # Down pressed in the field

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SearchBar")
        self.field = QLineEdit()
        self.field.setObjectName("SearchField")
        self.field.setPlaceholderText(
            self.tr('Search the archive: words in any form, "phrases", title:, outlet:, date:…')
        )
        self.field.setClearButtonEnabled(True)
        self.field.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.field.setMinimumHeight(32)
        self.field.setAcceptDrops(False)  # a dropped folder is for the window to import
        self.field.installEventFilter(self)

        self.history_action = QAction(icon("history"), self.tr("Recent searches"), self)
        self.history_action.triggered.connect(self.show_history)
        self.field.addAction(self.history_action, QLineEdit.ActionPosition.TrailingPosition)
        self.help_action = QAction(icon("help"), self.tr("Query language (F1)"), self)
        self.help_action.triggered.connect(self.show_help)
        self.field.addAction(self.help_action, QLineEdit.ActionPosition.TrailingPosition)

        self._history = QStringListModel(self)
        self.completer = QCompleter(self._history, self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.completer.setMaxVisibleItems(12)
        self.completer.activated.connect(self._history_chosen)
        self.field.setCompleter(self.completer)

        self.error = ErrorLabel("QueryError")

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._fire)
        self.field.textEdited.connect(lambda _text: self._timer.start())
        self.field.returnPressed.connect(self.search_now)

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.field, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(row)
        layout.addWidget(self.error)
        self._help: QueryHelp | None = None

    # text ----------------------------------------------------------------------
    def text(self) -> str:
        return self.field.text()

    def set_text(self, text: str, search: bool = False) -> None:
        self.field.setText(text)
        if search:
            self.search_now()

    def focus(self) -> None:
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def search_now(self) -> None:
        """Search at once (Enter) and remember the query."""
        self._timer.stop()
        self.remember(self.field.text())
        self.searchRequested.emit(self.field.text())

    def pending(self) -> bool:
        return self._timer.isActive()

    def _fire(self) -> None:
        self.searchRequested.emit(self.field.text())

    # errors --------------------------------------------------------------------
    def show_error(self, message: str) -> None:
        self.error.show_message(self.tr("Cannot run this query: %1").replace("%1", message))

    def clear_error(self) -> None:
        self.error.clear_message()

    def error_text(self) -> str:
        return self.error.message()

    # history -------------------------------------------------------------------
    def history(self) -> list[str]:
        return self._history.stringList()

    def set_history(self, items: list[str]) -> None:
        self._history.setStringList(items[:HISTORY_LENGTH])

    def remember(self, text: str) -> None:
        text = text.strip()
        if not text:
            return
        items = [text, *(item for item in self._history.stringList() if item != text)]
        self._history.setStringList(items[:HISTORY_LENGTH])

    def show_history(self) -> None:
        if not self._history.rowCount():
            return
        self.field.setFocus()
        self.completer.setCompletionPrefix("")
        self.completer.complete()

    def _history_chosen(self, text: str) -> None:
        self.field.setText(text)
        self.search_now()

    # help ----------------------------------------------------------------------
    def show_help(self) -> None:
        if self._help is None:
            self._help = QueryHelp(self)
            self._help.exampleChosen.connect(self._example_chosen)
        self._help.adjustSize()
        below = self.field.mapToGlobal(QPoint(0, self.field.height() + 2))
        self._help.move(below)
        self._help.show()

    def _example_chosen(self, syntax: str) -> None:
        self.field.setText(syntax)
        self.field.setFocus()
        self.search_now()

    # keys ----------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.field and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            popup_open = self.completer.popup().isVisible()
            if event.key() == Qt.Key.Key_Down and not popup_open:
                if self.field.text():
                    self.moveToResults.emit()
                else:
                    self.show_history()
                return True
            if event.key() == Qt.Key.Key_Escape and not popup_open and self.field.text():
                self.field.clear()
                self.search_now()
                return True
        return super().eventFilter(watched, event)
