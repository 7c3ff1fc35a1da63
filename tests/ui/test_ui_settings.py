"""What the window remembers between sessions."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.conftest import open_window
from viewer.paths import Locations
from viewer.ui.settings import Settings


def test_a_second_window_finds_things_as_the_first_left_them(
    app: QApplication, qtbot: QtBot, locations: Locations
) -> None:
    first = open_window(qtbot, locations)
    first.resize(760, 640)  # within the offscreen platform's screen, which restoring keeps to
    first.splitter.setSizes([160, 260, 330])
    first.search_bar.set_text("Казахстан", search=True)
    first.search_bar.set_text("форум", search=True)
    first.set_sort("date")
    first.reader.zoom_in()
    first.reader.zoom_in()
    first.facets.tree.collapse(first.facets.proxy.index(1, 0))  # Author
    sizes = first.splitter.sizes()
    first.close()
    assert (locations.config / "letopis.ini").is_file()

    second = open_window(qtbot, locations, size=None)
    assert (second.width(), second.height()) == (760, 640)
    assert second.splitter.sizes() == sizes
    assert second.search_bar.text() == "форум"
    assert second.results_model.request.text == "форум"  # and it ran
    assert second.results.sort() == "date" and second.actions_.sort_date.isChecked()
    assert second.search_bar.history()[:2] == ["форум", "Казахстан"]
    assert second.reader.zoom == 2
    assert second.facets.collapsed_facets() == ["author"]
    assert not second.facets.tree.isExpanded(second.facets.proxy.index(1, 0))
    assert second.facets.tree.isExpanded(second.facets.proxy.index(0, 0))


def test_settings_survive_odd_values(locations: Locations) -> None:
    settings = Settings(locations.config)
    settings.set_history(["одно"])  # one item: must still read back as a list
    settings._qs.setValue("reader/zoom", "много")
    settings._qs.setValue("search/sort", "alphabetical")
    settings.sync()
    again = Settings(locations.config)
    assert again.history() == ["одно"]
    assert again.reader_zoom() == 0
    assert again.sort() == "relevance"
    assert again.geometry() is None
