"""The events' actions: show an event's articles, compare its reports, and the corrections.

One set of QActions serves the Events menu, the events list's buttons and context menu
(they act on the events selected there), and the reader's strip («Not this event» acts on
the open article). A correction is written at once through the GUI thread's Library (the
user data, a few rows); then the results and facets are searched again and the events
are read again in the background, and the list, the strip and the facets follow.

The core keeps a pinned event exactly as it is, so the corrections that would take reports
out of one are offered only once it is unpinned.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QMenu, QMessageBox

from viewer.ui.event_dialogs import Destination, MergeEventsDialog, MoveReportsDialog, RenameEventDialog
from viewer.ui.event_edits import split_off, take_out
from viewer.ui.icons import icon

if TYPE_CHECKING:
    from viewer.archive.catalog import StoredArticle
    from viewer.events.stage import EventSummary
    from viewer.library import Library
    from viewer.ui.main_window import MainWindow


class EventActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._keep: list[str] = []  # events to select once the list is read again
        self.dialog: QDialog | None = None  # the correction dialog open now

        self.show_articles = self._action(self.tr("&Show Articles"), self.show_selected)
        self.show_articles.setToolTip(self.tr("Show the event's reports in the Articles tab (Enter)"))
        self.compare = self._action(self.tr("&Compare Reports"), self.compare_selected)
        self.compare.setIcon(icon("compare"))
        self.compare.setToolTip(self.tr("Compare the event's reports side by side"))
        self.compare_story = self._action(self.tr("Compare the Whole S&tory"), self.compare_story_selected)
        self.compare_story.setToolTip(
            self.tr("Compare every report of the events that continue this one over days (its story)")
        )
        self.show_story = self._action(self.tr("Show the Whole Stor&y"), self.show_story_selected)
        self.show_story.setToolTip(self.tr("List the events of this story alone, oldest first: its timeline"))
        self.rename = self._action(self.tr("&Rename Event…"), self.rename_selected, ["F2"])
        self.merge = self._action(self.tr("&Merge Events…"), self.merge_selected)
        self.split = self._action(self.tr("S&plit Event…"), lambda: self.move_selected(Destination.NEW_EVENT))
        self.move = self._action(self.tr("Mo&ve Reports…"), lambda: self.move_selected(Destination.OTHER_EVENT))
        self.pin = self._action(self.tr("P&in Event"), self.pin_selected)
        self.pin.setCheckable(True)
        self.pin.setIcon(icon("pin"))
        self.not_this = self._action(self.tr("&Not This Event"), self.not_this_event)
        self.not_this.setToolTip(self.tr("Take the open article out of its event"))
        self.corrections: list[QAction | None] = [self.rename, self.merge, self.split, self.move, None, self.pin]

        window.events_pane.set_actions(
            self.show_articles, self.compare, [self.show_story, self.compare_story], self.corrections
        )
        window.events_pane.eventActivated.connect(self.show_event)
        window.events_pane.selectionChanged.connect(self.update)
        window.archive_events.changed.connect(self._events_read)
        window.archive_events.failed.connect(self._read_failed)
        strip = window.reader.event_strip
        strip.set_sources(window.archive_events, self._library_article)
        strip.articleRequested.connect(self.open_report)
        strip.eventRequested.connect(self.show_event)
        strip.compareRequested.connect(self.compare_reports)
        strip.notThisEvent.connect(self.move_out)
        strip.shownEventChanged.connect(self.update)
        self.update()

    def _action(self, text: str, slot: Callable[[], object], keys: Sequence[str] = ()) -> QAction:
        action = QAction(text, self._window)
        action.setShortcuts([QKeySequence(key) for key in keys])
        action.triggered.connect(lambda _checked=False: slot())
        return action

    @property
    def all(self) -> list[QAction]:
        corrections = (a for a in self.corrections if a is not None)
        return [self.show_articles, self.compare, self.show_story, self.compare_story, *corrections, self.not_this]

    def fill_menu(self, menu: QMenu) -> None:
        """The Events menu of the menu bar; the window takes the actions' shortcuts."""
        for action in (self.show_articles, self.compare, None, self.show_story, self.compare_story, None,
                       *self.corrections, None, self.not_this):
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
                self._window.addAction(action)

    def _library_article(self, article_id: str) -> StoredArticle | None:
        library = self._window.library
        return library.article(article_id) if library is not None else None

    # state ---------------------------------------------------------------------
    def selected(self) -> list[EventSummary]:
        """The events chosen in the list, while the list is shown."""
        if self._window.library is None or not self._window.showing_events():
            return []
        return self._window.events_pane.selected_events()

    def update(self) -> None:
        events = self.selected()
        one = events[0] if len(events) == 1 else None
        pinned = one is not None and one.pinned
        self.show_articles.setEnabled(one is not None)
        self.compare.setEnabled(one is not None and len(one.articles) > 1)
        story = self._window.archive_events.story(one.story_id) if one is not None else []
        self.compare_story.setEnabled(len(story) > 1)
        self.show_story.setEnabled(len(story) > 1)
        self.show_story.setText(
            self.tr("Show the Whole Stor&y (%n events)", "", len(story)) if len(story) > 1
            else self.tr("Show the Whole Stor&y")
        )
        self.compare_story.setText(
            self.tr("Compare the Whole S&tory (%n events)", "", len(story)) if len(story) > 1
            else self.tr("Compare the Whole S&tory")
        )
        self.rename.setEnabled(one is not None)
        self.merge.setEnabled(len(events) > 1)
        self.split.setEnabled(one is not None and len(one.articles) > 1 and not pinned)
        self.move.setEnabled(one is not None and not pinned)
        self.pin.setEnabled(one is not None)
        self.pin.setChecked(pinned)
        self.pin.setText(self.tr("Unp&in Event") if pinned else self.tr("P&in Event"))
        for action in (self.split, self.move):
            action.setToolTip(self.tr("The event is pinned: unpin it to change its reports") if pinned else "")
        strip_event = self._window.reader.event_strip.shown_event
        self.not_this.setEnabled(strip_event is not None and not strip_event.pinned)

    def _events_read(self) -> None:
        events = self._window.archive_events.events()
        self._window.events_pane.set_events(events, keep=self._keep)
        self._keep = []
        self._window.facets.refresh_events()  # the event filter's names and sizes
        self.update()

    def _read_failed(self, message: str) -> None:
        self._window.status.message(self.tr("The events could not be read: %1").replace("%1", message), warning=True)

    def _changed(self, message: str, keep: Sequence[str] = ()) -> None:
        """After a correction: results, facets, events list and strip follow it."""
        self._keep = list(keep)
        self._window.run_search(keep_position=True)
        self._window.archive_events.reload()
        self._window.status.message(message, timeout=6000)

    def _follow_filter(self, old_id: str, new_id: str) -> None:
        """The reports an event filter chose are now in another event: filter by that one."""
        facets = self._window.facets.model
        filters, excludes = facets.selection()
        if not new_id or old_id == new_id or old_id not in (*filters.get("event", ()), *excludes.get("event", ())):
            return

        def swap(choices: dict[str, tuple[str, ...]]) -> dict[str, list[str]]:
            return {key: [new_id if v == old_id else v for v in values] for key, values in choices.items()}

        facets.set_selection(swap(filters), swap(excludes))

    def _fail(self, error: Exception) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Events"), "", parent=self._window)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(self.tr("The correction could not be made."))
        box.setInformativeText(str(error.args[0]) if error.args else str(error))
        box.open()

    # showing and comparing -----------------------------------------------------
    def show_selected(self) -> None:
        events = self.selected()
        if events:
            self.show_event(events[0].id)

    def show_event(self, event_id: str) -> None:
        """The event's reports in the Articles tab: the query and other filters give way."""
        window = self._window
        if window.library is None:
            return
        query = window.search_bar.text()
        if query.strip():
            window.search_bar.remember(query)  # one Ctrl+H away
        window.search_bar.set_text("")
        window.facets.set_selection({"event": [event_id]}, {})  # dates too; searches once
        window.show_articles_tab()
        window.results.focus_list()

    def open_report(self, article_id: str) -> None:
        """Open one of the event's reports: in the list when it is there, else in the reader alone."""
        window = self._window
        if not window.results.select_id(article_id):
            window.results.list.clearSelection()
            window.results.list.setCurrentIndex(window.results_model.index(-1, 0))
            window.open_article(article_id)

    def compare_selected(self) -> None:
        events = self.selected()
        if events:
            self.compare_reports(list(events[0].articles), events[0].id)

    def show_story_selected(self) -> None:
        events = self.selected()
        if events:
            self._window.events_pane.show_story(self._window.archive_events.story(events[0].story_id))

    def compare_story_selected(self) -> None:
        events = self.selected()
        if events:
            self.compare_reports([events[0].story_id])

    def compare_reports(self, article_ids: list[str], event_id: str | None = None) -> None:
        self._window.compare_articles(article_ids, event_id)

    # corrections ---------------------------------------------------------------
    def _open(self, dialog: QDialog, apply: Callable[[], None]) -> QDialog:
        self.dialog = dialog
        dialog.accepted.connect(apply)
        dialog.finished.connect(lambda _result: setattr(self, "dialog", None))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def rename_selected(self) -> QDialog | None:
        events = self.selected()
        if len(events) != 1:
            return None
        dialog = RenameEventDialog(events[0], self._window)
        return self._open(dialog, lambda: self.apply_rename(events[0].id, dialog.label()))

    def _correct(self, change: Callable[[Library], object]) -> bool:
        """Make one correction through the GUI thread's Library; say so when it cannot be made."""
        library = self._window.library
        if library is None:
            return False
        # A few rows of user data; the core reads the memberships and the events involved
        # (about 40 ms an event at 10,000 articles), so a wait cursor is enough.
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            change(library)
        except (KeyError, ValueError) as error:
            self._fail(error)
            return False
        finally:
            QApplication.restoreOverrideCursor()
        return True

    def apply_rename(self, event_id: str, label: str) -> bool:
        if not self._correct(lambda library: library.rename_event(event_id, label)):
            return False
        self._changed(self.tr("The event is renamed"), [event_id])
        return True

    def merge_selected(self) -> QDialog | None:
        events = self.selected()
        if len(events) < 2:
            return None
        dialog = MergeEventsDialog(events, self._window)
        return self._open(dialog, lambda: self.apply_merge(dialog.ordered_ids()))

    def apply_merge(self, event_ids: Sequence[str]) -> bool:
        if len(event_ids) < 2:
            return False
        pinned = [e for e in map(self._window.archive_events.find, event_ids[1:]) if e is not None and e.pinned]
        if pinned:
            self._fail(ValueError(self.tr("«%1» is pinned: unpin it first, or keep its name").replace(
                "%1", pinned[0].label)))
            return False
        if not self._correct(lambda library: library.merge_events(list(event_ids))):
            return False
        self._changed(self.tr("%n event(s) merged", "", len(event_ids)), [event_ids[0]])
        return True

    def move_selected(self, destination: Destination) -> QDialog | None:
        events = self.selected()
        if len(events) != 1 or events[0].pinned:
            return None
        event = events[0]
        dialog = MoveReportsDialog(
            event, self._window.archive_events.events(), self._library_article,  # type: ignore[arg-type]
            destination, parent=self._window,
        )
        return self._open(
            dialog,
            lambda: self.apply_move(
                event.id, dialog.chosen(), dialog.destination(), dialog.target_id(), dialog.new_label_text()
            ),
        )

    def apply_move(
        self, event_id: str, article_ids: Sequence[str], destination: Destination, target: str = "", label: str = ""
    ) -> bool:
        """Move reports of ``event_id``: into a new event (a split), each on its own, or into ``target``."""
        event = self._window.archive_events.find(event_id)
        if event is None or not article_ids:
            return False
        outcome = {"staying": event_id, "keep": target or event_id}

        def change(library: Library) -> None:
            if destination is Destination.NEW_EVENT:
                outcome["staying"], outcome["keep"] = split_off(library, event, article_ids, label)
            elif destination is Destination.OTHER_EVENT:
                for article_id in article_ids:
                    library.move_article(article_id, target)
            else:
                outcome["staying"] = outcome["keep"] = take_out(library, event, article_ids) or event_id

        if not self._correct(change):
            return False
        self._follow_filter(event_id, outcome["staying"])
        if destination is Destination.NEW_EVENT:
            message = self.tr("The event is split")
        else:
            message = self.tr("%n report(s) moved", "", len(article_ids))
        self._changed(message, [outcome["keep"]])
        return True

    def pin_selected(self) -> None:
        events = self.selected()
        if len(events) == 1:
            self.apply_pin(events[0].id, not events[0].pinned)

    def apply_pin(self, event_id: str, pinned: bool) -> bool:
        if not self._correct(lambda library: library.pin_event(event_id, pinned)):
            return False
        self._changed(self.tr("The event is pinned") if pinned else self.tr("The event is unpinned"), [event_id])
        return True

    def not_this_event(self) -> None:
        article = self._window.reader.article
        if article is not None and self.not_this.isEnabled():
            self.move_out(article.id)

    def move_out(self, article_id: str) -> bool:
        """«Not this event»: the article becomes an event of its own."""
        event = self._window.archive_events.event_of(article_id)
        if event is None:
            return False
        staying: list[str] = []
        if not self._correct(lambda library: staying.append(take_out(library, event, [article_id]))):
            return False
        self._follow_filter(event.id, staying[0])
        self._changed(self.tr("The article is taken out of its event"))
        return True
