"""One user's path through the app, end to end: search → facet → open → hits → entity filter →
event → compare → export, each step through the widgets a person uses."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.conftest import WAIT_MS
from tests.ui.test_ui_entities import viewport_point
from tests.ui.test_ui_events import wait_events
from viewer.ui.facet_model import Choice
from viewer.ui.main_window import MainWindow


def test_search_facet_read_filter_compare_and_export(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    # A search, typed, then narrowed by a facet.
    window.search_bar.set_text("Казахстан", search=True)
    assert window.results_model.total == 5
    window.facets.model.choose("place", "Омск", Choice.INCLUDED)
    assert window.results_model.total == 4

    # The first result opens in the reader, with its hits to step through.
    qtbot.keyClick(window.results.list, Qt.Key.Key_Home)
    article = window.reader.article
    assert article is not None and article.id == window.results_model.id_at(0)
    assert window.reader.hit_count() > 1
    window.reader.next_hit()
    window.reader.next_hit()
    assert window.reader.current_hit() == 1

    # A person named in it becomes a filter, by clicking the name.
    wait_events(qtbot, window)
    marks = [m for m in window.reader.marks().marks if m.name == "Александр Бурков"]
    assert marks
    qtbot.mouseClick(
        window.reader.text.viewport(), Qt.MouseButton.LeftButton, pos=viewport_point(window, marks[0].position)
    )
    menu = window.reader.entity_menu
    assert menu is not None
    menu.actions()[0].trigger()  # «Filter by «Александр Бурков»»
    menu.close()
    assert window.facets.model.choice("person", "Александр Бурков") is Choice.INCLUDED
    assert window.results_model.total == 3

    # The article's event: the strip names the other two outlets, and Compare opens them side by side.
    strip = window.reader.event_strip
    assert strip.isVisible() and len([link for link in strip.links() if link.startswith("article:")]) == 2
    before = len(window.compare_windows)
    strip.text.linkActivated.emit("compare:")  # what clicking «Compare» sends
    assert len(window.compare_windows) == before + 1
    compare = window.compare_windows[-1]
    qtbot.addWidget(compare)
    qtbot.waitUntil(lambda: not compare.is_busy(), timeout=WAIT_MS)
    QApplication.processEvents()
    assert compare.error == "" and len(compare.columns) == 3

    # And the comparison is exported.
    page = tmp_path / "forum.html"
    task = compare.export_to("html", page)
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=WAIT_MS):
        pass
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
