"""Pictures of the named-entity views (in tests/ui/screenshots/, not kept in git)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.conftest import SCREENSHOTS, open_window
from tests.ui.test_ui_screenshots import dark_palette
from viewer.paths import Locations


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_reader_with_entities(app: QApplication, qtbot: QtBot, locations: Locations, theme: str) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    light = app.palette()
    if theme == "dark":
        app.setPalette(dark_palette())
    try:
        window = open_window(qtbot, locations)
        window.search_bar.set_text("Омск", search=True)
        window.results.select_row(0)
        window.reader.next_hit()
        QApplication.processEvents()
        assert window.reader.marks().marks
        assert window.reader.grab().save(str(SCREENSHOTS / f"reader-entities-{theme}.png"))
    finally:
        app.setPalette(light)


def test_entity_view_and_dialog(app: QApplication, qtbot: QtBot, locations: Locations) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    window = open_window(qtbot, locations)
    view = window.entity_actions.open_entity("Александр Бурков")
    view.show_entity("Омск")  # one step of history: Back is enabled
    QApplication.processEvents()
    assert view.grab().save(str(SCREENSHOTS / "entity-view.png"))
    manager = window.entity_actions.show_manager()
    QApplication.processEvents()
    assert manager.grab().save(str(SCREENSHOTS / "dialog-entities.png"))
