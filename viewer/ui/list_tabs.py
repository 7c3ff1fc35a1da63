"""The middle column's two lists, as tabs: the articles found, and the events.

Both lists lead to the reader on the right, so they share its neighbour's place rather than
squeezing a fourth column in: «Articles» (Alt+1) is the search's result list, «Events»
(Alt+2) the archive's stories with their reports grouped, and an event opened there comes
back to «Articles» with its reports.
"""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QWidget

TAB_NAMES = ("articles", "events")


class ListTabs(QTabWidget):
    def __init__(self, articles: QWidget, events: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ListTabs")
        self.setDocumentMode(True)
        self.addTab(articles, self.tr("Articles"))
        self.addTab(events, self.tr("Events"))
        self.setTabToolTip(0, self.tr("The articles the search finds (Alt+1)"))
        self.setTabToolTip(1, self.tr("Reports of the same story, grouped into events (Alt+2)"))

    def current_name(self) -> str:
        return TAB_NAMES[max(0, self.currentIndex())]

    def show_named(self, name: str) -> None:
        if name in TAB_NAMES:
            self.setCurrentIndex(TAB_NAMES.index(name))

    def showing_events(self) -> bool:
        return self.current_name() == "events"
