"""The Events tab beside the results: every event with its dates, outlets and number of reports.

A filter field narrows the list (label, outlets, key entities), the header sorts it, and
«Several reports only» hides the stories no other outlet reported. A story thread (events that
continue one another over days) can be shown alone, oldest first, as its timeline, under a banner
that leads back to all events. Enter or a double click
shows the event's articles in the Articles tab; the buttons and the context menu carry the
comparison and the corrections (``EventActions``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QStackedWidget,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from viewer.ui.events_model import Column, EventsModel, date_range

if TYPE_CHECKING:
    from viewer.events.stage import EventSummary


def _follow(button: QPushButton, action: QAction) -> None:
    button.setEnabled(action.isEnabled())
    button.setToolTip(action.toolTip())


class EventsPane(QWidget):
    eventActivated = Signal(str)  # event id: show its articles
    selectionChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("EventsPane")
        self.model = EventsModel(self)
        self._menu_actions: list[QAction | None] = []
        self._loading = True  # until the events are first read

        self.count_label = QLabel()
        self.count_label.setObjectName("PanelTitle")
        self.several_only = QCheckBox(self.tr("Several reports only"))
        self.several_only.setToolTip(self.tr("Hide the stories that only one report tells"))
        self.several_only.toggled.connect(self._several_only_toggled)

        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("EventsFilter")
        self.filter_edit.setPlaceholderText(self.tr("Find an event by its name, an outlet or a name in it…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setAcceptDrops(False)
        self.filter_edit.textChanged.connect(self._filter)
        self.filter_edit.returnPressed.connect(self.focus_list)

        self.view = QTreeView()
        self.view.setObjectName("EventsList")
        self.view.setModel(self.model)
        self.view.setRootIsDecorated(False)
        self.view.setUniformRowHeights(True)
        self.view.setAllColumnsShowFocus(True)
        self.view.setSortingEnabled(True)
        self.view.setFrameShape(QFrame.Shape.NoFrame)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.activated.connect(self._activated)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self.selectionChanged.emit())
        self.view.selectionModel().currentChanged.connect(lambda *_: self.selectionChanged.emit())
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(Column.LABEL, QHeaderView.ResizeMode.Stretch)
        for column in (Column.DATES, Column.OUTLETS, Column.REPORTS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        # The event's name takes what the others leave; they can be widened by hand.
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        metrics = self.fontMetrics()
        widest_dates = date_range("2000-12-28T00:00:00", "2000-12-30T00:00:00")
        header.resizeSection(Column.DATES, metrics.horizontalAdvance(widest_dates) + 20)
        header.resizeSection(Column.OUTLETS, metrics.horizontalAdvance("Interfax-Russia.ru") + 16)
        header.resizeSection(Column.REPORTS, metrics.horizontalAdvance(self.model.headers()[Column.REPORTS]) + 28)
        header.setSortIndicator(Column.DATES, Qt.SortOrder.DescendingOrder)

        self.story_banner = QFrame()
        self.story_banner.setObjectName("StoryBanner")
        self.story_banner.setVisible(False)
        self.story_label = QLabel()
        self.story_label.setWordWrap(True)
        self.all_events_button = QPushButton(self.tr("All Events"))
        self.all_events_button.setToolTip(self.tr("Show every event again"))
        self.all_events_button.clicked.connect(self.show_all_events)
        banner_row = QHBoxLayout(self.story_banner)
        banner_row.setContentsMargins(12, 6, 10, 6)
        banner_row.addWidget(self.story_label, 1)
        banner_row.addWidget(self.all_events_button)
        self._order_before_story: tuple[int, Qt.SortOrder] | None = None

        self.empty = QLabel()
        self.empty.setObjectName("Placeholder")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)

        self.show_button = QPushButton()
        self.compare_button = QPushButton()
        self.correct_button = QToolButton()
        self.correct_button.setText(self.tr("Correct"))
        self.correct_button.setToolTip(self.tr("Rename, merge, split, move reports, pin"))
        self.correct_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.correct_button.setMenu(QMenu(self.correct_button))

        header_row = QHBoxLayout()
        header_row.setContentsMargins(12, 8, 8, 6)
        header_row.addWidget(self.count_label)
        header_row.addStretch(1)
        header_row.addWidget(self.several_only)
        filter_row = QHBoxLayout()
        filter_row.setContentsMargins(10, 0, 10, 6)
        filter_row.addWidget(self.filter_edit)
        buttons = QWidget()
        buttons.setObjectName("EventsButtons")
        button_row = QHBoxLayout(buttons)
        button_row.setContentsMargins(10, 6, 10, 8)
        button_row.addWidget(self.show_button)
        button_row.addWidget(self.compare_button)
        button_row.addStretch(1)
        button_row.addWidget(self.correct_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(header_row)
        layout.addLayout(filter_row)
        layout.addWidget(self.story_banner)
        layout.addWidget(self.stack, 1)
        layout.addWidget(buttons)
        self._show_count()

    # the events ----------------------------------------------------------------
    def set_events(self, events: Sequence[EventSummary], keep: Sequence[str] = ()) -> None:
        """Show ``events``; select the first of ``keep`` still listed (else what was selected)."""
        wanted = [*keep, *self.selected_ids()]
        scroll = self.view.verticalScrollBar().value()
        self._loading = False
        self.model.set_events(events)
        if self.model.story and not self.model.rowCount():
            self.show_all_events()  # regrouping ended the story shown
        self.view.verticalScrollBar().setValue(scroll)
        for event_id in wanted:
            if self.select_id(event_id):
                break
        self._show_count()
        self.selectionChanged.emit()

    def _filter(self, text: str) -> None:
        self.model.set_filter(text)
        self._show_count()

    def _several_only_toggled(self, checked: bool) -> None:
        self.model.set_several_only(checked)
        self._show_count()

    def set_several_only(self, several_only: bool) -> None:
        self.several_only.setChecked(several_only)

    # a story thread ------------------------------------------------------------
    def show_story(self, story: Sequence[EventSummary]) -> None:
        """Show only the events of one story thread (``story``, oldest first), as its timeline."""
        if not story:
            return
        header = self.view.header()
        if not self.model.story:
            self._order_before_story = (header.sortIndicatorSection(), header.sortIndicatorOrder())
        self.model.set_story(story[0].story_id)
        header.setSortIndicator(Column.DATES, Qt.SortOrder.AscendingOrder)
        dates = date_range(story[0].start, max((event.end or event.start or "" for event in story), default=None))
        text = self.tr("The story of %n event(s), %1: how «%2» went on", "", len(story))
        self.story_label.setText(text.replace("%1", dates).replace("%2", story[0].label))
        self.story_banner.setVisible(True)
        self.several_only.setEnabled(False)  # a story shows its single reports too
        self._show_count()
        self.select_id(self.current_id() or story[0].id)

    def show_all_events(self) -> None:
        """Leave a story thread: every event, in the order chosen before."""
        current = self.current_id()
        self.model.set_story("")
        if self._order_before_story is not None:
            self.view.header().setSortIndicator(*self._order_before_story)
            self._order_before_story = None
        self.story_banner.setVisible(False)
        self.several_only.setEnabled(True)
        self._show_count()
        if current:
            self.select_id(current)

    def view_state(self) -> dict[str, int | bool]:
        """The order and the «several reports only» choice, for the settings."""
        header = self.view.header()
        descending = header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
        return {"column": header.sortIndicatorSection(), "descending": descending,
                "several_only": self.several_only.isChecked()}

    def restore_view(self, column: int, descending: bool, several_only: bool) -> None:
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        self.view.header().setSortIndicator(column, order)
        self.set_several_only(several_only)

    def _show_count(self) -> None:
        shown, total = self.model.rowCount(), self.model.total()
        if shown == total:
            self.count_label.setText(self.tr("%n event(s)", "", total))
        else:
            self.count_label.setText(self.tr("%1 of %n event(s)", "", total).replace("%1", str(shown)))
        if shown:
            self.stack.setCurrentIndex(0)
            return
        if self._loading:
            self.count_label.setText(self.tr("Reading the events…"))
            self.empty.clear()
        elif not total:
            self.empty.setText(self.tr("No events yet.\nReports are grouped into events when they are imported."))
        else:
            self.empty.setText(self.tr("No events match.\nTry another word, or show the single reports too."))
        self.stack.setCurrentIndex(1)

    # selection -----------------------------------------------------------------
    def selected_ids(self) -> list[str]:
        """The selected events, the current one first."""
        rows = sorted({index.row() for index in self.view.selectionModel().selectedRows()})
        ids = [self.model.id_at(row) for row in rows]
        current = self.current_id()
        ordered = [current] if current and current in ids else []
        return ordered + [i for i in ids if i and i != current]

    def selected_events(self) -> list[EventSummary]:
        return [event for event in map(self.model.summary, self.selected_ids()) if event is not None]

    def current_id(self) -> str:
        index = self.view.currentIndex()
        return self.model.id_at(index.row()) or "" if index.isValid() else ""

    def select_id(self, event_id: str) -> bool:
        row = self.model.row_of(event_id)
        if row < 0:
            return False
        index = self.model.index(row, 0)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.view.selectionModel().setCurrentIndex(index, flags)
        self.view.scrollTo(index)
        return True

    def focus_list(self) -> None:
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        if not self.view.currentIndex().isValid() and self.model.rowCount():
            self.select_id(self.model.id_at(0) or "")

    def _activated(self, index: QModelIndex) -> None:
        event_id = self.model.id_at(index.row()) if index.isValid() else None
        if event_id:
            self.eventActivated.emit(event_id)

    # actions -------------------------------------------------------------------
    def set_actions(
        self, show: QAction, compare: QAction, story: Sequence[QAction], corrections: Sequence[QAction | None]
    ) -> None:
        """Showing the articles, the comparison, the story thread's actions and the corrections
        (None: a separator), for the buttons and the context menu."""
        for button, action in ((self.show_button, show), (self.compare_button, compare)):
            button.setText(action.text().replace("&", ""))
            button.setIcon(action.icon())
            button.clicked.connect(action.trigger)
            action.changed.connect(lambda b=button, a=action: _follow(b, a))
            _follow(button, action)
        menu = self.correct_button.menu()
        for action in corrections:
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        self._menu_actions = [show, compare, *story, None, *corrections]

    def _context_menu(self, pos: QPoint) -> None:
        if not self.view.indexAt(pos).isValid():
            return
        menu = QMenu(self)
        for action in self._menu_actions:
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        menu.exec(self.view.viewport().mapToGlobal(pos))
        menu.deleteLater()
