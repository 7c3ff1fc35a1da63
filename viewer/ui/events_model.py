"""The events list's model: event ids in the order shown, their rows built when shown.

``set_events`` takes the core's ``EventSummary`` list (newest first). The model keeps the
summaries by id and the ids that pass the filter, in the chosen order; a row's text (dates
in the UI's language, outlets joined, the tooltip) is made the first time it is shown.
Filtering (label, outlets, key entities; any case, ё = е) and sorting run over the ids
here, so the view needs no proxy.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import IntEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QGuiApplication, QPalette

from viewer.text.normalise import fold
from viewer.ui.formatting import number, short_date
from viewer.ui.icons import icon

if TYPE_CHECKING:
    from viewer.events.stage import EventSummary

Index = QModelIndex | QPersistentModelIndex
_ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


class Column(IntEnum):
    LABEL = 0
    DATES = 1
    OUTLETS = 2
    REPORTS = 3


def date_range(start: str | None, end: str | None) -> str:
    """«06.11.2019»; over several days «06.11 – 08.11.2019» (the year once when it is the same)."""
    first, last = short_date(start), short_date(end)
    if not first or not last or first == last:
        return first or last
    if start and end and start[:4] == end[:4]:
        return f"{day_and_month(start)} – {last}"
    return f"{first} – {last}"


def day_and_month(published: str) -> str:
    """The locale's short date without its year («06.11», «11/6»)."""
    moment = datetime.fromisoformat(published)
    pattern = QLocale().dateFormat(QLocale.FormatType.ShortFormat)
    without_year = re.sub(r"[^dM]*y+[^dM]*", " ", pattern).strip()
    return QLocale().toString(QDate(moment.year, moment.month, moment.day), without_year)


def plain_tooltip(text: str) -> str:
    """A tooltip that shows ``text`` as it is: Qt would read a title with tags in it as markup."""
    return "<p style='white-space:pre-wrap'>" + html.escape(text).replace("\n", "<br>") + "</p>"


@dataclass(frozen=True)
class EventRow:
    label: str
    dates: str
    outlets: str
    reports: str
    tooltip: str


class EventsModel(QAbstractTableModel):
    IdRole = Qt.ItemDataRole.UserRole + 1
    SummaryRole = Qt.ItemDataRole.UserRole + 2  # the EventSummary

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._events: dict[str, EventSummary] = {}
        self._order: list[str] = []  # the core's order: newest first
        self._ids: list[str] = []  # shown: filtered, sorted
        self._rows: dict[str, EventRow] = {}
        self._haystacks: dict[str, str] = {}
        self._needle = ""
        self._several_only = False
        self._story = ""  # shown alone: the events of one story thread
        self._sort: tuple[int, Qt.SortOrder] | None = None

    # state -------------------------------------------------------------------
    def set_events(self, events: Sequence[EventSummary]) -> None:
        self.beginResetModel()
        self._events = {event.id: event for event in events}
        self._order = [event.id for event in events]
        self._rows, self._haystacks = {}, {}
        self._ids = self._shown()
        self.endResetModel()

    def set_filter(self, text: str) -> None:
        needle = fold(text.strip())
        if needle != self._needle:
            self._needle = needle
            self._refilter()

    def set_several_only(self, several_only: bool) -> None:
        if several_only != self._several_only:
            self._several_only = several_only
            self._refilter()

    def set_story(self, story_id: str) -> None:
        """Show only the events of one story thread, single reports included ("" shows all)."""
        if story_id != self._story:
            self._story = story_id
            self._refilter()

    @property
    def story(self) -> str:
        return self._story

    @property
    def several_only(self) -> bool:
        return self._several_only

    def total(self) -> int:
        """Events in the archive (shown or not)."""
        return len(self._order)

    def _refilter(self) -> None:
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        ids = [self._ids[i.row()] if 0 <= i.row() < len(self._ids) else None for i in persistent]
        self._ids = self._shown()
        self._remap(persistent, ids)
        self.layoutChanged.emit()

    def _shown(self) -> list[str]:
        ids = [
            event_id for event_id in self._order
            if (self._events[event_id].story_id == self._story if self._story
                else not self._several_only or len(self._events[event_id].articles) > 1)
            and (not self._needle or self._needle in self._haystack(event_id))
        ]
        return self._sorted(ids)

    def _haystack(self, event_id: str) -> str:
        text = self._haystacks.get(event_id)
        if text is None:
            event = self._events[event_id]
            parts = [event.label, *event.outlets, *(name for name, _ in event.entities)]
            text = self._haystacks[event_id] = fold("\n".join(parts))
        return text

    # order -------------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(Column):
            return
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        ids = [self._ids[i.row()] if 0 <= i.row() < len(self._ids) else None for i in persistent]
        self._ids = self._sorted(self._ids)
        self._remap(persistent, ids)
        self.layoutChanged.emit()

    def _sorted(self, ids: list[str]) -> list[str]:
        if self._sort is None:
            return ids
        column, order = self._sort
        descending = order == Qt.SortOrder.DescendingOrder
        events = self._events
        if column == Column.DATES:
            # Undated events stay last in either order.
            dated = [i for i in ids if events[i].end or events[i].start]
            dated.sort(key=lambda i: (events[i].end or events[i].start or "", events[i].start or "", i),
                       reverse=descending)
            return dated + [i for i in ids if not (events[i].end or events[i].start)]
        if column == Column.LABEL:
            return sorted(ids, key=lambda i: (fold(events[i].label), i), reverse=descending)
        if column == Column.OUTLETS:
            key = lambda i: (len(events[i].outlets), fold(", ".join(events[i].outlets)), i)  # noqa: E731
            return sorted(ids, key=key, reverse=descending)
        return sorted(ids, key=lambda i: (len(events[i].articles), events[i].end or "", i), reverse=descending)

    def _remap(self, persistent: list[QModelIndex], ids: list[str | None]) -> None:
        rows = {event_id: row for row, event_id in enumerate(self._ids)}
        new = []
        for index, event_id in zip(persistent, ids, strict=True):
            row = rows.get(event_id, -1) if event_id is not None else -1
            new.append(self.index(row, index.column()) if row >= 0 else QModelIndex())
        self.changePersistentIndexList(persistent, new)

    # rows --------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(Column)

    def id_at(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, event_id: str) -> int:
        try:
            return self._ids.index(event_id)
        except ValueError:
            return -1

    def summary(self, event_id: str) -> EventSummary | None:
        return self._events.get(event_id)

    def event_row(self, row: int) -> EventRow | None:
        event_id = self.id_at(row)
        if event_id is None:
            return None
        cached = self._rows.get(event_id)
        if cached is None:
            cached = self._rows[event_id] = self._build(self._events[event_id])
        return cached

    def _build(self, event: EventSummary) -> EventRow:
        translate = QCoreApplication.translate
        dates = date_range(event.start, event.end)
        outlets = ", ".join(event.outlets)
        lines = [event.label]
        if dates:
            lines.append(dates)
        if outlets:
            lines.append(outlets)
        if event.entities:
            lines.append(", ".join(name for name, _ in event.entities))
        if event.pinned:
            lines.append(translate("EventsModel", "Pinned: kept as it is when reports are grouped again"))
        tooltip = plain_tooltip("\n".join(lines))
        return EventRow(event.label, dates or "—", outlets, number(len(event.articles)), tooltip)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid() or not 0 <= index.row() < len(self._ids):
            return None
        column = index.column()
        if role == self.IdRole:
            return self._ids[index.row()]
        if role == self.SummaryRole:
            return self._events[self._ids[index.row()]]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignRight if column == Column.REPORTS else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column in (Column.DATES, Column.OUTLETS):
            return QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        if role == Qt.ItemDataRole.DecorationRole and column == Column.LABEL:
            return icon("pin") if self._events[self._ids[index.row()]].pinned else None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            return None
        row = self.event_row(index.row())
        if row is None:
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.tooltip
        return (row.label, row.dates, row.outlets, row.reports)[column]

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        if role == Qt.ItemDataRole.ToolTipRole and section == Column.REPORTS:
            return self.tr("Number of reports")
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignRight if section == Column.REPORTS else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headers(self) -> tuple[str, str, str, str]:
        return (self.tr("Event"), self.tr("Dates"), self.tr("Outlets"), self.tr("Reports"))

    def flags(self, index: Index) -> Qt.ItemFlag:
        # The view asks this of every row at each relayout: no flag arithmetic here.
        return _ROW_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags
