"""The dialogs of the event corrections: rename, merge, and moving reports (which splits).

Each dialog only gathers the choice; ``EventActions`` applies it through the Library.
Reports are listed as «outlet · date — title», in plain text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import Enum
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from viewer.ui.events_model import Column, EventsModel, date_range, plain_tooltip
from viewer.ui.formatting import short_date

if TYPE_CHECKING:
    from viewer.archive.catalog import StoredArticle
    from viewer.events.stage import EventSummary

ArticleOf = Callable[[str], "StoredArticle | None"]


def report_line(article: StoredArticle | None, article_id: str) -> str:
    """«БК55 · 06.11.2019 — Title» for a report (its id when it has left the archive)."""
    if article is None:
        return article_id
    head = " · ".join(part for part in (article.outlet or "", short_date(article.published)) if part)
    return f"{head} — {article.title}" if head else article.title


def event_line(event: EventSummary) -> str:
    dates = date_range(event.start, event.end)
    return f"{event.label} ({dates})" if dates else event.label


def _ok_button(buttons: QDialogButtonBox, text: str) -> QPushButton:
    button = buttons.button(QDialogButtonBox.StandardButton.Ok)
    button.setText(text)
    return button


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class RenameEventDialog(QDialog):
    def __init__(self, event: EventSummary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Rename Event"))
        self.setMinimumWidth(480)
        self.field = QLineEdit(event.label)
        self.field.setClearButtonEnabled(True)
        self.field.selectAll()
        hint = QLabel(self.tr("Leave it empty to go back to the name Letopis chose."))
        hint.setObjectName("Secondary")
        hint.setWordWrap(True)
        buttons = _buttons(self)
        _ok_button(buttons, self.tr("Rename"))
        form = QFormLayout()
        form.addRow(self.tr("Name:"), self.field)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(buttons)

    def label(self) -> str:
        return self.field.text().strip()


class MergeEventsDialog(QDialog):
    """Make one event of several: the reports of the others join the one kept."""

    def __init__(self, events: Sequence[EventSummary], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Merge Events"))
        self.setMinimumWidth(520)
        self._events = list(events)
        reports = sum(len(event.articles) for event in events)
        intro = QLabel(
            self.tr("The %n report(s) of these events become one event.", "", reports)
        )
        intro.setWordWrap(True)
        self.keep = QComboBox()
        self.keep.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.keep.setMinimumContentsLength(40)
        for event in self._events:
            self.keep.addItem(event_line(event), event.id)
        buttons = _buttons(self)
        _ok_button(buttons, self.tr("Merge"))
        form = QFormLayout()
        form.addRow(self.tr("Keep the name of:"), self.keep)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        listing = QListWidget()
        listing.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        listing.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for event in self._events:
            listing.addItem(self.tr("%1 — %n report(s)", "", len(event.articles)).replace("%1", event_line(event)))
        listing.setMaximumHeight(listing.sizeHintForRow(0) * min(6, len(self._events)) + 8)
        layout.addWidget(listing)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def ordered_ids(self) -> list[str]:
        """The events to merge, the one kept first (as ``Library.merge_events`` takes them)."""
        kept = self.keep.currentData()
        return [kept, *(event.id for event in self._events if event.id != kept)]


class Destination(Enum):
    NEW_EVENT = "new"  # the chosen reports become one new event (a split)
    ON_THEIR_OWN = "own"  # each chosen report becomes an event of its own
    OTHER_EVENT = "other"  # the chosen reports join another event


class MoveReportsDialog(QDialog):
    """Choose some of an event's reports and where they go: a new event (split), each on its
    own, or another event (found by the same filter as the events list)."""

    def __init__(
        self,
        event: EventSummary,
        events: Sequence[EventSummary],
        article_of: ArticleOf,
        destination: Destination = Destination.OTHER_EVENT,
        chosen: Sequence[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.source_event = event
        self.setWindowTitle(self.tr("Split Event") if destination is Destination.NEW_EVENT else self.tr("Move Reports"))
        self.resize(640, 560)

        intro = QLabel(self.tr("Reports of «%1»:").replace("%1", event.label))
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        self.reports = QListWidget()
        self.reports.setObjectName("EventReports")
        self.reports.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.reports.setTextElideMode(Qt.TextElideMode.ElideRight)
        for article_id in event.articles:
            item = QListWidgetItem(report_line(article_of(article_id), article_id))
            item.setToolTip(plain_tooltip(item.text()))
            item.setData(Qt.ItemDataRole.UserRole, article_id)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable)
            item.setCheckState(Qt.CheckState.Checked if article_id in chosen else Qt.CheckState.Unchecked)
            self.reports.addItem(item)
        self.reports.itemChanged.connect(lambda _item: self._update())

        self.new_event = QRadioButton(self.tr("A new event of their own, named:"))
        self.new_label = QLineEdit()
        self.new_label.setPlaceholderText(self.tr("the first report's title"))
        self.on_their_own = QRadioButton(self.tr("No event: each report stands on its own"))
        self.other_event = QRadioButton(self.tr("Another event:"))
        self.group = QButtonGroup(self)
        for button in (self.new_event, self.on_their_own, self.other_event):
            self.group.addButton(button)
        {
            Destination.NEW_EVENT: self.new_event,
            Destination.ON_THEIR_OWN: self.on_their_own,
            Destination.OTHER_EVENT: self.other_event,
        }[destination].setChecked(True)
        self.group.buttonToggled.connect(lambda *_: self._update())

        self.target_filter = QLineEdit()
        self.target_filter.setPlaceholderText(self.tr("Find an event by its name, an outlet or a name in it…"))
        self.target_filter.setClearButtonEnabled(True)
        self.targets_model = EventsModel(self)
        self.targets_model.set_events([e for e in events if e.id != event.id])
        self.targets = QTreeView()
        self.targets.setObjectName("EventTargets")
        self.targets.setModel(self.targets_model)
        self.targets.setRootIsDecorated(False)
        self.targets.setUniformRowHeights(True)
        self.targets.setAllColumnsShowFocus(True)
        self.targets.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.targets.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.targets.setColumnHidden(Column.OUTLETS, True)
        header = self.targets.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(Column.LABEL, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(Column.DATES, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Column.REPORTS, QHeaderView.ResizeMode.ResizeToContents)
        self.target_filter.textChanged.connect(self.targets_model.set_filter)
        self.target_filter.textChanged.connect(lambda _text: self._update())
        self.target_filter.textEdited.connect(lambda _text: self.other_event.setChecked(True))
        self.targets.selectionModel().currentChanged.connect(lambda *_: self._target_chosen())

        self.problem = QLabel()
        self.problem.setObjectName("Secondary")
        self.problem.setWordWrap(True)
        self.buttons = _buttons(self)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.reports, 2)
        layout.addWidget(QLabel(self.tr("Move the checked reports to:")))
        layout.addWidget(self.new_event)
        layout.addWidget(self.new_label)
        layout.addWidget(self.on_their_own)
        layout.addWidget(self.other_event)
        layout.addWidget(self.target_filter)
        layout.addWidget(self.targets, 3)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self._update()

    # the choice ----------------------------------------------------------------
    def chosen(self) -> list[str]:
        items = (self.reports.item(row) for row in range(self.reports.count()))
        return [item.data(Qt.ItemDataRole.UserRole) for item in items if item.checkState() == Qt.CheckState.Checked]

    def set_chosen(self, article_ids: Sequence[str]) -> None:
        for row in range(self.reports.count()):
            item = self.reports.item(row)
            checked = item.data(Qt.ItemDataRole.UserRole) in article_ids
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def destination(self) -> Destination:
        if self.new_event.isChecked():
            return Destination.NEW_EVENT
        if self.on_their_own.isChecked():
            return Destination.ON_THEIR_OWN
        return Destination.OTHER_EVENT

    def target_id(self) -> str:
        """The other event chosen, "" when none is."""
        index = self.targets.currentIndex()
        return self.targets_model.id_at(index.row()) or "" if index.isValid() else ""

    def choose_target(self, event_id: str) -> bool:
        row = self.targets_model.row_of(event_id)
        if row >= 0:
            self.targets.setCurrentIndex(self.targets_model.index(row, 0))
        return row >= 0

    def new_label_text(self) -> str:
        return self.new_label.text().strip()

    def _target_chosen(self) -> None:
        if self.target_id():
            self.other_event.setChecked(True)
        self._update()

    def _update(self) -> None:
        chosen = self.chosen()
        destination = self.destination()
        self.new_label.setEnabled(destination is Destination.NEW_EVENT)
        problem = ""
        if not chosen:
            problem = self.tr("Check the reports to move.")
        elif destination is Destination.NEW_EVENT and len(chosen) == len(self.source_event.articles):
            problem = self.tr("To split the event, leave at least one report in it.")
        elif destination is Destination.OTHER_EVENT and not self.target_id():
            problem = self.tr("Choose the event they go to.")
        self.problem.setText(problem)
        self.ok.setEnabled(not problem)
        self.ok.setText(self.tr("Split") if destination is Destination.NEW_EVENT else self.tr("Move"))
