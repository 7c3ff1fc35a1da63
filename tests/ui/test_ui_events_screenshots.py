"""Pictures of the Events tab, the reader's «Also reported by» strip and a correction dialog,
in tests/ui/screenshots/ (not kept in git)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.conftest import open_window
from tests.ui.test_ui_events import forum_event_id, wait_events
from tests.ui.test_ui_screenshots import language, shots  # noqa: F401 (fixtures)
from viewer.paths import Locations
from viewer.ui.event_dialogs import Destination, MoveReportsDialog


def test_events_screenshots(language: str, qtbot: QtBot, locations: Locations, shots: Path) -> None:  # noqa: F811
    window = open_window(qtbot, locations)
    wait_events(qtbot, window)
    forum = forum_event_id(window)
    window.show_events_tab()
    window.events_pane.select_id(forum)
    window.open_article(window.archive_events.find(forum).articles[0])  # type: ignore[union-attr]
    QApplication.processEvents()
    events = shots / f"events-view-{language}.png"
    assert window.grab().save(str(events))
    assert window.reader.grab().save(str(shots / f"reader-strip-{language}.png"))

    dialog = window.event_actions.move_selected(Destination.NEW_EVENT)
    assert isinstance(dialog, MoveReportsDialog)
    dialog.set_chosen([dialog.source_event.articles[-1]])
    QApplication.processEvents()
    assert dialog.grab().save(str(shots / f"dialog-split-event-{language}.png"))
    dialog.reject()
    assert events.stat().st_size > 20_000
