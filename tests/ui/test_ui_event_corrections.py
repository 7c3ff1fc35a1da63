"""Event corrections from the desktop app: each one is made through its dialog or button, the
results, facets, events list and reader strip follow it, and it is still there after the
window is closed and opened again (the corrections live in the user data)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from tests.ui.conftest import open_window, wait_idle
from tests.ui.test_ui_events import forum_event_id, wait_events
from viewer.ui.event_dialogs import Destination, MergeEventsDialog, MoveReportsDialog, RenameEventDialog
from viewer.ui.main_window import MainWindow


def reopen(qtbot: QtBot, window: MainWindow) -> MainWindow:
    wait_idle(qtbot, window)
    locations = window.locations
    window.close()
    again = open_window(qtbot, locations)
    wait_events(qtbot, again)
    return again


def select_events(window: MainWindow, *event_ids: str) -> None:
    from PySide6.QtCore import QItemSelectionModel

    window.show_events_tab()
    pane = window.events_pane
    pane.select_id(event_ids[0])
    selection = pane.view.selectionModel()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for event_id in event_ids[1:]:
        selection.select(pane.model.index(pane.model.row_of(event_id), 0), flags)


def lone_events(window: MainWindow) -> list[str]:
    return [e.id for e in window.archive_events.events() if len(e.articles) == 1]


def event_facet(window: MainWindow) -> dict[str, int]:
    assert window.library is not None
    return window.library.search("", limit=0).facets["event"]


def facet_label(window: MainWindow, event_id: str) -> str:
    from viewer.ui.facet_model import FacetModel

    model = window.facets.model
    parent = model.facet_index("event")
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        if index.data(FacetModel.ValueRole) == event_id:
            return index.data()
    return ""


def test_rename_round_trips_and_survives_reopening(window: MainWindow, qtbot: QtBot) -> None:
    wait_events(qtbot, window)
    forum = forum_event_id(window)
    chosen = window.archive_events.find(forum).label  # type: ignore[union-attr]
    assert "XVI" in chosen
    select_events(window, forum)
    assert window.event_actions.rename.isEnabled()
    dialog = window.event_actions.rename_selected()
    assert isinstance(dialog, RenameEventDialog)
    dialog.field.setText("  Форум в Омске, 2019  ")
    dialog.accept()
    wait_events(qtbot, window)
    pane = window.events_pane
    assert pane.current_id() == forum  # still selected
    assert window.archive_events.find(forum).label == "Форум в Омске, 2019"  # type: ignore[union-attr]
    assert pane.model.index(pane.model.row_of(forum), 0).data() == "Форум в Омске, 2019"
    assert "The event is renamed" in window.status.current_message()
    assert facet_label(window, forum) == "Форум в Омске, 2019"  # the event filter reads the new name

    again = reopen(qtbot, window)
    assert again.archive_events.find(forum).label == "Форум в Омске, 2019"  # type: ignore[union-attr]
    again.event_actions.apply_rename(forum, "")  # empty: the name Letopis chose
    wait_events(qtbot, again)
    assert again.archive_events.find(forum).label == chosen  # type: ignore[union-attr]


def test_merge_round_trips_and_survives_reopening(window: MainWindow, qtbot: QtBot) -> None:
    wait_events(qtbot, window)
    forum = forum_event_id(window)
    lone = lone_events(window)[0]
    select_events(window, lone, forum)
    assert window.event_actions.merge.isEnabled() and not window.event_actions.rename.isEnabled()
    dialog = window.event_actions.merge_selected()
    assert isinstance(dialog, MergeEventsDialog)
    assert dialog.ordered_ids() == [lone, forum]  # the current event's name is offered first
    dialog.keep.setCurrentIndex(dialog.keep.findData(forum))
    assert dialog.ordered_ids() == [forum, lone]
    dialog.accept()
    wait_events(qtbot, window)
    merged = window.archive_events.find(forum)
    assert merged is not None and len(merged.articles) == 4
    assert window.archive_events.find(lone) is None
    assert window.events_pane.model.rowCount() == 2
    assert window.events_pane.current_id() == forum
    assert event_facet(window)[forum] == 4
    window.facets.model.set_selection({"event": [forum]}, {})
    assert window.results_model.total == 4  # the results follow

    again = reopen(qtbot, window)
    assert len(again.archive_events.find(forum).articles) == 4  # type: ignore[union-attr]
    assert again.events_pane.model.rowCount() == 2


def test_split_round_trips_and_survives_reopening(window: MainWindow, qtbot: QtBot) -> None:
    wait_events(qtbot, window)
    forum = forum_event_id(window)
    event = window.archive_events.find(forum)
    assert event is not None
    leaving = event.articles[-1]
    select_events(window, forum)
    dialog = window.event_actions.move_selected(Destination.NEW_EVENT)
    assert isinstance(dialog, MoveReportsDialog)
    assert dialog.destination() is Destination.NEW_EVENT
    assert not dialog.ok.isEnabled() and "Check the reports" in dialog.problem.text()
    dialog.set_chosen(list(event.articles))
    assert not dialog.ok.isEnabled() and "leave at least one" in dialog.problem.text()
    dialog.set_chosen([leaving])
    assert dialog.ok.isEnabled()
    dialog.new_label.setText("Интервью Буркова")
    dialog.accept()
    wait_events(qtbot, window)
    assert len(window.archive_events.find(forum).articles) == 2  # type: ignore[union-attr]
    split_off = window.archive_events.event_of(leaving)
    assert split_off is not None and split_off.id != forum and split_off.label == "Интервью Буркова"
    assert window.events_pane.current_id() == split_off.id
    assert window.events_pane.model.rowCount() == 4
    assert event_facet(window)[forum] == 2

    again = reopen(qtbot, window)
    moved = again.archive_events.event_of(leaving)
    assert moved is not None and moved.label == "Интервью Буркова" and moved.articles == (leaving,)

    # Splitting off the report the event started with: each part is named after its reports (no
    # name was given), and a filter on the event follows the reports that stay.
    event = again.archive_events.find(forum)
    assert event is not None and event.key == event.articles[0]
    again.facets.model.set_selection({"event": [forum]}, {})
    select_events(again, forum)
    dialog = again.event_actions.move_selected(Destination.NEW_EVENT)
    assert isinstance(dialog, MoveReportsDialog)
    dialog.set_chosen([event.key])
    dialog.accept()
    wait_events(qtbot, again)
    rest = again.archive_events.event_of(event.articles[1])
    started = again.archive_events.event_of(event.key)
    assert rest is not None and rest.articles == (event.articles[1],)
    assert rest.label == again.library.article(event.articles[1]).title  # type: ignore[union-attr]
    assert started is not None and started.articles == (event.key,)
    assert started.label == again.library.article(event.key).title  # type: ignore[union-attr]
    assert again.facets.model.selection() == ({"event": (rest.id,)}, {})
    assert again.results_model.total == 1


def test_moving_reports_in_and_out_survives_reopening(window: MainWindow, qtbot: QtBot) -> None:
    wait_events(qtbot, window)
    forum = forum_event_id(window)
    lone = lone_events(window)[0]
    newcomer = window.archive_events.find(lone).articles[0]  # type: ignore[union-attr]
    select_events(window, lone)
    dialog = window.event_actions.move_selected(Destination.OTHER_EVENT)
    assert isinstance(dialog, MoveReportsDialog)
    dialog.set_chosen([newcomer])
    assert not dialog.ok.isEnabled() and "Choose the event" in dialog.problem.text()
    dialog.target_filter.setText("бк55")  # found by an outlet
    assert dialog.targets_model.rowCount() == 1
    assert dialog.choose_target(forum)
    assert dialog.ok.isEnabled()
    dialog.accept()
    wait_events(qtbot, window)
    assert newcomer in window.archive_events.find(forum).articles  # type: ignore[union-attr]
    assert window.events_pane.current_id() == forum

    event = window.archive_events.find(forum)
    assert event is not None
    leaving = event.articles[0]  # the report the event started with, and is keyed by
    assert event.key == leaving
    select_events(window, forum)
    dialog = window.event_actions.move_selected(Destination.OTHER_EVENT)
    assert isinstance(dialog, MoveReportsDialog)
    dialog.on_their_own.setChecked(True)
    dialog.set_chosen([leaving])
    dialog.accept()
    wait_events(qtbot, window)
    alone = window.archive_events.event_of(leaving)
    assert alone is not None and alone.articles == (leaving,)
    assert alone.label == window.library.article(leaving).title  # type: ignore[union-attr]
    kept = window.archive_events.event_of(newcomer)
    assert kept is not None and len(kept.articles) == 3
    assert kept.label == window.library.article(kept.articles[0]).title  # no name given: its first report's
    assert window.events_pane.current_id() == kept.id

    again = reopen(qtbot, window)
    kept = again.archive_events.event_of(newcomer)
    assert kept is not None and leaving not in kept.articles
    assert kept.label == again.library.article(kept.articles[0]).title  # type: ignore[union-attr]
    assert again.archive_events.event_of(leaving).articles == (leaving,)  # type: ignore[union-attr]


def test_pinning_keeps_an_event_and_survives_reopening(window: MainWindow, qtbot: QtBot) -> None:
    wait_events(qtbot, window)
    forum = forum_event_id(window)
    select_events(window, forum)
    actions = window.event_actions
    assert not actions.pin.isChecked()
    actions.pin.trigger()
    wait_events(qtbot, window)
    assert window.archive_events.find(forum).pinned  # type: ignore[union-attr]
    assert actions.pin.isChecked() and actions.pin.text() == "Unp&in Event"
    assert not actions.split.isEnabled() and not actions.move.isEnabled()
    assert "unpin" in actions.split.toolTip()
    pane = window.events_pane
    assert not pane.model.index(pane.model.row_of(forum), 0).data(1).isNull()  # the pin mark

    window.open_article(window.archive_events.find(forum).articles[0])  # type: ignore[union-attr]
    QApplication.processEvents()
    assert not window.reader.event_strip.not_this_button.isEnabled()

    again = reopen(qtbot, window)
    assert again.archive_events.find(forum).pinned  # type: ignore[union-attr]
    select_events(again, forum)
    again.event_actions.pin.trigger()
    wait_events(qtbot, again)
    assert not again.archive_events.find(forum).pinned  # type: ignore[union-attr]
    assert again.event_actions.split.isEnabled()


def test_not_this_event_from_the_reader_survives_reopening(window: MainWindow, qtbot: QtBot) -> None:
    wait_events(qtbot, window)
    forum = forum_event_id(window)
    event = window.archive_events.find(forum)
    assert event is not None
    article = event.articles[1]
    window.facets.model.set_selection({"event": [forum]}, {})
    assert window.results.select_id(article)
    QApplication.processEvents()
    strip = window.reader.event_strip
    assert strip.isVisible() and window.event_actions.not_this.isEnabled()
    strip.not_this_button.click()
    wait_events(qtbot, window)
    assert not strip.isVisible()  # on its own now: no other reports
    assert window.results_model.total == 2  # the results follow the correction
    assert window.results_model.row_of(article) < 0
    assert event_facet(window)[forum] == 2
    assert window.events_pane.model.rowCount() == 4

    again = reopen(qtbot, window)
    assert again.archive_events.event_of(article).articles == (article,)  # type: ignore[union-attr]
    assert len(again.archive_events.find(forum).articles) == 2  # type: ignore[union-attr]


def test_a_failed_correction_says_why(window: MainWindow, qtbot: QtBot) -> None:
    wait_events(qtbot, window)
    assert not window.event_actions.apply_rename("ev-nosuchevent", "x")
    box = next(w for w in QApplication.topLevelWidgets() if w.isVisible() and w.windowTitle() == "Events")
    assert "ev-nosuchevent" in box.informativeText()  # type: ignore[attr-defined]
    box.close()
    dialog: QDialog | None = window.event_actions.rename_selected()
    assert dialog is None  # nothing selected: nothing to rename
