"""The reader's «Also reported by» strip: the other reports of the open article's event.

«Also reported by: Outlet A (06.11.2019), Outlet B (06.11.2019) · Compare», with «Not this
event» beside it. An outlet opens that report, Compare the comparison of the whole event;
past a handful of reports, «N more» lists them all in the Articles tab. The strip is hidden
for an article that no other report joins.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QToolTip, QWidget

from viewer.ui.events_model import plain_tooltip
from viewer.ui.formatting import short_date

if TYPE_CHECKING:
    from viewer.archive.catalog import StoredArticle
    from viewer.events.stage import EventSummary
    from viewer.ui.archive_events import ArchiveEvents

SHOWN_REPORTS = 6


class EventStrip(QFrame):
    articleRequested = Signal(str)  # open this report
    eventRequested = Signal(str)  # list the event's reports
    compareRequested = Signal(list, str)  # article ids in time order, the event's id
    notThisEvent = Signal(str)  # article id: take it out of its event
    shownEventChanged = Signal()  # another event shown (or none)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("EventStrip")
        self._events: ArchiveEvents | None = None
        self._article_of: Callable[[str], StoredArticle | None] = lambda _id: None
        self._article_id = ""
        self._event: EventSummary | None = None
        self._titles: dict[str, str] = {}

        self.text = QLabel()
        self.text.setObjectName("EventStripText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.text.linkActivated.connect(self._link_activated)
        self.text.linkHovered.connect(self._link_hovered)
        self.not_this_button = QToolButton()
        self.not_this_button.setText(self.tr("Not this event"))
        self.not_this_button.setAutoRaise(True)
        self.not_this_button.clicked.connect(self._not_this_event)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 4, 8, 4)
        layout.setSpacing(8)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.not_this_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def set_sources(self, events: ArchiveEvents, article_of: Callable[[str], StoredArticle | None]) -> None:
        """Where the events and the reports' outlets, dates and titles come from."""
        if self._events is not None:
            self._events.changed.disconnect(self.refresh)
        self._events = events
        self._article_of = article_of
        events.changed.connect(self.refresh)

    # showing -----------------------------------------------------------------
    @property
    def shown_event(self) -> EventSummary | None:
        """The event shown (None while hidden)."""
        return self._event

    def show_for(self, article: StoredArticle | None) -> None:
        self._article_id = article.id if article is not None else ""
        self.refresh()

    def refresh(self) -> None:
        event = self._events.event_of(self._article_id) if self._events and self._article_id else None
        others = [a for a in event.articles if a != self._article_id] if event is not None else []
        self._event = event if others else None
        self.shownEventChanged.emit()
        if self._event is None:
            self.text.clear()
            self.hide()
            return
        self._titles = {}
        parts = []
        for article_id in others[:SHOWN_REPORTS]:
            report = self._article_of(article_id)
            if report is None:
                continue
            self._titles[article_id] = report.title
            outlet = html.escape(report.outlet or self.tr("unknown outlet"))
            date = short_date(report.published)
            parts.append(f'<a href="article:{article_id}">{outlet}</a>' + (f" ({date})" if date else ""))
        if len(others) > SHOWN_REPORTS:
            more = self.tr("%n more", "", len(others) - SHOWN_REPORTS)
            parts.append(f'<a href="event:">{html.escape(more)}</a>')
        intro = html.escape(self.tr("Also reported by:"))
        line = f"{intro} {', '.join(parts)}"
        compare = html.escape(self.tr("Compare"))
        line += f' · <a href="compare:">{compare}</a>'
        self.text.setText(line)
        pinned = self._event.pinned
        self.not_this_button.setEnabled(not pinned)
        self.not_this_button.setToolTip(
            self.tr("The event is pinned: unpin it to change its reports")
            if pinned
            else self.tr("Take this article out of the event «%1»").replace("%1", self._event.label)
        )
        self.show()

    def links(self) -> list[str]:
        """The targets of the strip's links, in order."""
        return re.findall(r'href="([^"]*)"', self.text.text())

    # links -------------------------------------------------------------------
    def _link_activated(self, link: str) -> None:
        kind, _, value = link.partition(":")
        if self._event is None:
            return
        if kind == "article" and value:
            self.articleRequested.emit(value)
        elif kind == "event":
            self.eventRequested.emit(self._event.id)
        elif kind == "compare":
            self.compareRequested.emit(list(self._event.articles), self._event.id)

    def _link_hovered(self, link: str) -> None:
        kind, _, value = link.partition(":")
        title = self._titles.get(value, "") if kind == "article" else ""
        if title:
            QToolTip.showText(QCursor.pos(), plain_tooltip(title), self.text)
        else:
            QToolTip.hideText()

    def _not_this_event(self) -> None:
        if self._event is not None and self._article_id:
            self.notThisEvent.emit(self._article_id)
