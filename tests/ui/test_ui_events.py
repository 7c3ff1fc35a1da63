"""The Events tab, the reader's «Also reported by» strip, and showing an event's articles."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.core.test_events import write_protest_nights
from tests.ui.conftest import wait_idle
from viewer.ui.events_model import Column, EventsModel
from viewer.ui.main_window import MainWindow

FORUM_OUTLETS = {"Омск Здесь", "Interfax-Russia.ru", "БК55"}


def wait_events(qtbot: QtBot, window: MainWindow) -> None:
    """Until the events are read again, key entities and all."""
    qtbot.waitUntil(lambda: window.archive_events.loaded and not window.archive_events.is_loading(), timeout=60_000)
    wait_idle(qtbot, window)


def forum_event_id(window: MainWindow) -> str:
    events = [e for e in window.archive_events.events() if len(e.articles) == 3]
    assert len(events) == 1
    return events[0].id


def shown_labels(model: EventsModel) -> list[str]:
    return [model.index(row, Column.LABEL).data() for row in range(model.rowCount())]


def test_the_events_model_passes_the_model_tester(window: MainWindow, qtbot: QtBot, qtmodeltester: object) -> None:
    wait_events(qtbot, window)
    model = EventsModel()
    model.set_events(window.archive_events.events())
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    model.sort(Column.REPORTS, Qt.SortOrder.DescendingOrder)
    model.set_filter("омск")
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    model.set_several_only(True)
    model.set_filter("")
    qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_the_sample_forum_reports_are_one_event(window: MainWindow, qtbot: QtBot) -> None:
    wait_events(qtbot, window)
    window.show_events_tab()
    pane = window.events_pane
    model = pane.model
    assert model.rowCount() == 3  # the forum, and two meetings reported once
    assert pane.count_label.text() == "3 events"
    row = model.row_of(forum_event_id(window))
    assert row == 0  # newest first: the undated ones last
    assert model.index(row, Column.REPORTS).data() == "3"
    assert set(model.index(row, Column.OUTLETS).data().split(", ")) == FORUM_OUTLETS
    assert model.index(row, Column.DATES).data() == "11/6/19"  # one day: one date
    assert "XVI" in model.index(row, Column.LABEL).data()
    tooltip = model.index(row, Column.LABEL).data(Qt.ItemDataRole.ToolTipRole)
    assert "Бурков" in tooltip  # the key entities
    single = model.index(1, Column.DATES).data()
    assert single == "—"


def test_the_filter_matches_labels_outlets_and_names(window: MainWindow, qtbot: QtBot) -> None:
    wait_events(qtbot, window)
    pane = window.events_pane
    forum = forum_event_id(window)
    for needle in ("бк55", "INTERFAX", "Александр Бурков", "xvi форум"):
        pane.filter_edit.setText(needle)
        assert [pane.model.id_at(r) for r in range(pane.model.rowCount())] == [forum], needle
    pane.filter_edit.setText("совещание")  # a label only
    assert shown_labels(pane.model) == [e.label for e in window.archive_events.events() if "совещание" in e.label]
    pane.filter_edit.setText("нет такого события")
    assert pane.model.rowCount() == 0
    assert pane.stack.currentWidget() is pane.empty
    assert "No events match" in pane.empty.text()
    assert pane.count_label.text() == "0 of 3 events"
    pane.filter_edit.clear()
    pane.several_only.setChecked(True)
    assert [pane.model.id_at(r) for r in range(pane.model.rowCount())] == [forum]
    assert pane.count_label.text() == "1 of 3 events"


def test_the_columns_sort(window: MainWindow, qtbot: QtBot) -> None:
    wait_events(qtbot, window)
    pane = window.events_pane
    header = pane.view.header()
    forum = forum_event_id(window)
    header.setSortIndicator(Column.REPORTS, Qt.SortOrder.DescendingOrder)
    assert pane.model.id_at(0) == forum
    header.setSortIndicator(Column.REPORTS, Qt.SortOrder.AscendingOrder)
    assert pane.model.id_at(2) == forum
    header.setSortIndicator(Column.LABEL, Qt.SortOrder.AscendingOrder)
    labels = shown_labels(pane.model)
    assert labels == sorted(labels, key=lambda text: text.casefold())
    header.setSortIndicator(Column.DATES, Qt.SortOrder.AscendingOrder)
    assert pane.model.id_at(0) == forum  # the only dated one; undated stay last either way
    header.setSortIndicator(Column.OUTLETS, Qt.SortOrder.DescendingOrder)
    assert pane.model.id_at(0) == forum


def test_opening_an_event_lists_its_reports_in_the_articles_tab(window: MainWindow, qtbot: QtBot) -> None:
    wait_events(qtbot, window)
    window.search_bar.set_text("совещание", search=True)
    assert window.results_model.total == 1
    window.show_events_tab()
    assert window.showing_events()
    forum = forum_event_id(window)
    assert window.events_pane.select_id(forum)
    assert window.event_actions.show_articles.isEnabled()
    window.events_pane.view.activated.emit(window.events_pane.view.currentIndex())  # Enter or a double click
    assert not window.showing_events()
    assert window.search_bar.text() == ""
    assert "совещание" in window.search_bar.history()  # the query given way is one Ctrl+H away
    assert window.facets.model.selection() == ({"event": (forum,)}, {})
    assert window.results_model.total == 3
    outlets = {window.results_model.result_row(r).outlet for r in range(3)}
    assert outlets == FORUM_OUTLETS


def test_the_tabs_switch_from_the_keyboard_and_are_remembered(window: MainWindow, qtbot: QtBot) -> None:
    from tests.ui.conftest import open_window

    window.actions_.events_tab.trigger()
    assert window.showing_events()
    window.actions_.articles_tab.trigger()
    assert not window.showing_events()
    assert [a.shortcut().toString() for a in (window.actions_.articles_tab, window.actions_.events_tab)] == [
        "Alt+1", "Alt+2",
    ]
    window.show_events_tab()
    window.events_pane.view.header().setSortIndicator(Column.REPORTS, Qt.SortOrder.DescendingOrder)
    window.events_pane.several_only.setChecked(True)
    locations = window.locations
    wait_idle(qtbot, window)
    window.close()
    again = open_window(qtbot, locations)
    assert again.showing_events()
    assert again.events_pane.view_state() == {"column": Column.REPORTS, "descending": True, "several_only": True}
    wait_events(qtbot, again)
    assert again.events_pane.model.rowCount() == 1


def test_the_reader_strip_lists_the_other_reports_and_opens_them(window: MainWindow, qtbot: QtBot) -> None:
    wait_events(qtbot, window)
    library = window.library
    assert library is not None
    forum = window.archive_events.find(forum_event_id(window))
    assert forum is not None
    first, *others = forum.articles
    window.search_bar.set_text("Бурков", search=True)
    QApplication.processEvents()  # as between a person's actions
    window.open_article(first)
    QApplication.processEvents()
    strip = window.reader.event_strip
    assert strip.isVisible()
    text = strip.text.text()
    assert text.startswith("Also reported by:")
    for other in others:
        outlet = library.article(other).outlet  # type: ignore[union-attr]
        assert outlet in text
    assert library.article(first).outlet not in text  # type: ignore[union-attr]
    assert strip.links() == [f"article:{a}" for a in others] + ["compare:"]
    assert "(11/6/19)" in text

    strip.text.linkActivated.emit(f"article:{others[1]}")
    QApplication.processEvents()
    assert window.reader.article is not None and window.reader.article.id == others[1]
    if window.results_model.row_of(others[1]) >= 0:
        assert window.results.current_id() == others[1]
    assert strip.isVisible() and f"article:{first}" in strip.links()

    lone = next(e for e in window.archive_events.events() if len(e.articles) == 1)
    window.open_article(lone.articles[0])
    QApplication.processEvents()
    assert not strip.isVisible()


def test_the_strip_and_the_events_list_compare_the_reports(window: MainWindow, qtbot: QtBot) -> None:
    wait_events(qtbot, window)
    forum = forum_event_id(window)
    event = window.archive_events.find(forum)
    assert event is not None
    window.show_events_tab()
    window.events_pane.select_id(forum)
    assert window.events_pane.compare_button.isEnabled()
    window.events_pane.compare_button.click()
    assert len(window.compare_windows) == 1
    compared = window.compare_windows[0]
    assert (compared.ids, compared.event_id) == (list(event.articles), forum)
    qtbot.waitUntil(lambda: compared.data is not None, timeout=60_000)
    compared.close()
    wait_idle(qtbot, window)

    window.open_article(event.articles[0])
    window.reader.event_strip.text.linkActivated.emit("compare:")
    opened = window.compare_windows[-1]
    assert (opened.ids, opened.event_id) == (list(event.articles), forum)
    qtbot.waitUntil(lambda: opened.data is not None, timeout=60_000)
    opened.close()
    wait_idle(qtbot, window)

    lone = next(e for e in window.archive_events.events() if len(e.articles) == 1)
    window.events_pane.select_id(lone.id)
    assert not window.events_pane.compare_button.isEnabled()  # one report: nothing to compare


def test_a_whole_story_is_compared_from_the_events_list(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    window.archive.add_paths([str(write_protest_nights(tmp_path / "nights"))])
    wait_idle(qtbot, window)
    wait_events(qtbot, window)
    nights = [event for event in window.archive_events.events() if "Тбилиси" in event.label]
    assert len(nights) == 3 and len({event.story_id for event in nights}) == 1
    window.show_events_tab()
    window.events_pane.select_id(nights[0].id)
    action = window.event_actions.compare_story
    assert action.isEnabled() and "3" in action.text()
    action.trigger()
    compared = window.compare_windows[-1]
    qtbot.waitUntil(lambda: compared.data is not None, timeout=60_000)
    assert len(compared.data.comparison.reports) == 6  # every report of the three nights
    compared.close()
    window.events_pane.select_id(next(e.id for e in window.archive_events.events() if "Новосибирске" in e.label))
    assert not action.isEnabled()  # a story of one event: nothing more than the event
    wait_idle(qtbot, window)


def test_a_story_is_shown_alone_as_its_timeline(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    window.archive.add_paths([str(write_protest_nights(tmp_path / "nights"))])
    wait_idle(qtbot, window)
    wait_events(qtbot, window)
    pane = window.events_pane
    everything = pane.model.rowCount()
    nights = [event for event in window.archive_events.events() if "Тбилиси" in event.label]
    window.show_events_tab()
    pane.view.header().setSortIndicator(Column.REPORTS, Qt.SortOrder.DescendingOrder)
    pane.select_id(nights[-1].id)
    action = window.event_actions.show_story
    assert action.isEnabled() and "3" in action.text()
    action.trigger()
    assert pane.story_banner.isVisible() and "3" in pane.story_label.text()
    shown = [pane.model.id_at(row) for row in range(pane.model.rowCount())]
    assert shown == [event.id for event in sorted(nights, key=lambda event: event.start)]  # oldest first
    assert pane.current_id() == nights[-1].id  # the event chosen stays chosen
    assert not pane.several_only.isEnabled()

    pane.all_events_button.click()
    assert not pane.story_banner.isVisible() and pane.model.rowCount() == everything
    assert pane.view.header().sortIndicatorSection() == Column.REPORTS  # the order chosen before
    assert pane.current_id() == nights[-1].id
    pane.select_id(next(e.id for e in window.archive_events.events() if "Новосибирске" in e.label))
    assert not action.isEnabled()  # a story of one event
