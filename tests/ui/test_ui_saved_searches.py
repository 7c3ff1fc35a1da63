"""Saved searches in the window: save, restart, run again with one click; rename, delete, bad names."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tests.ui.conftest import SCREENSHOTS, open_window
from tests.ui.facet_archive import dated_home, dated_locations  # noqa: F401
from viewer.paths import Locations
from viewer.ui.facet_model import Choice
from viewer.ui.main_window import MainWindow
from viewer.ui.saved_searches_dialog import SavedSearchesDialog
from viewer.ui.search_name_dialog import SearchNameDialog


def save_as(window: MainWindow, name: str) -> SearchNameDialog:
    window.actions_.save_search.trigger()
    dialog = window.saved_searches.dialog
    assert isinstance(dialog, SearchNameDialog) and dialog.isVisible()
    dialog.field.setText(name)
    dialog.ok.click()
    return dialog


def listed(window: MainWindow) -> list[str]:
    window.saved_searches.refresh_menu()
    return [action.text() for action in window.saved_searches.listed_actions()]


def test_a_saved_search_comes_back_after_a_restart(
    app: QApplication, qtbot: QtBot, dated_locations: Locations  # noqa: F811
) -> None:
    first = open_window(qtbot, dated_locations)
    first.search_bar.set_text("Омск", search=True)
    first.facets.histogram.set_span("2019-01", "2019-11", notify=True)
    first.facets.model.choose("outlet", "Омск Здесь", Choice.INCLUDED)
    first.facets.model.choose("outlet", "БК55", Choice.INCLUDED)
    first.facets.model.choose("person", "Виктор Шрейдер", Choice.EXCLUDED)
    first.set_sort("date")
    expected = [first.results_model.id_at(r) for r in range(first.results_model.rowCount())]
    assert first.results_model.total == 2 and len(expected) == 2
    dialog = save_as(first, "  Омск\tв 2019 ")
    assert not dialog.isVisible() and first.saved_searches.dialog is None
    assert listed(first) == ["Омск в 2019"]
    first.close()

    second = open_window(qtbot, dated_locations)
    second.search_bar.set_text("", search=True)
    second.set_sort("relevance")
    assert second.results_model.total == 7
    assert listed(second) == ["Омск в 2019"]
    second.saved_searches.listed_actions()[0].trigger()  # one click
    assert second.search_bar.text() == "Омск"
    assert second.results.sort() == "date" and second.actions_.sort_date.isChecked()
    assert second.facets.selection() == (
        {"outlet": ("Омск Здесь", "БК55"), "date": ("2019-01..2019-11",)},
        {"person": ("Виктор Шрейдер",)},
    )
    assert second.facets.histogram.span() == ("2019-01", "2019-11")
    assert [second.results_model.id_at(r) for r in range(second.results_model.rowCount())] == expected
    assert second.results_model.request.text == "Омск"


def test_bad_names_get_a_clear_message(window: MainWindow, qtbot: QtBot) -> None:
    window.search_bar.set_text("форум", search=True)
    window.actions_.save_search.trigger()
    dialog = window.saved_searches.dialog
    assert isinstance(dialog, SearchNameDialog)
    assert dialog.field.text() == "форум"  # the query is offered as the name
    dialog.field.setText("   ")
    assert not dialog.ok.isEnabled()
    dialog._try(replace=False)
    assert dialog.isVisible() and dialog.error_text() == "Give the search a name."
    dialog.field.setText("x" * 200)
    dialog.ok.click()
    assert dialog.error_text() == "The name is too long; shorten it."
    dialog.field.setText("Форум")
    dialog.ok.click()
    assert not dialog.isVisible()

    window.search_bar.set_text("Казахстан", search=True)
    dialog = save_as(window, "ФОРУМ")
    assert dialog.isVisible()
    assert dialog.error_text() == "There is already a saved search called «Форум»."
    assert dialog.replace.isVisibleTo(dialog)
    dialog.replace.click()
    assert not dialog.isVisible()
    (saved,) = window.library.saved_searches()  # type: ignore[union-attr]
    assert (saved.name, saved.query) == ("ФОРУМ", "Казахстан")


def test_rename_and_delete_in_the_manage_dialog(window: MainWindow, qtbot: QtBot, qtmodeltester: ModelTester) -> None:
    assert window.library is not None
    window.library.save_search("Альфа", "форум")
    window.library.save_search("Бета", "Казахстан", {"outlet": ["БК55"]}, sort="date")
    window.actions_.manage_searches.trigger()
    manage = window.saved_searches.dialog
    assert isinstance(manage, SavedSearchesDialog)
    qtmodeltester.check(manage.model)
    assert manage.model.row_values(1) == ("Бета", "«Казахстан» · Outlet: БК55 · newest first")

    manage.table.selectRow(1)
    manage.rename_button.click()
    rename = window.saved_searches.dialog
    assert isinstance(rename, SearchNameDialog) and rename.windowTitle() == "Rename Saved Search"
    rename.field.setText("альфа")
    rename.ok.click()
    assert rename.error_text() == "There is already a saved search called «Альфа»." and not rename.replace.isVisible()
    rename.field.setText("Гамма")
    rename.ok.click()
    assert not rename.isVisible()
    assert [manage.model.row_values(r)[0] for r in range(manage.model.rowCount())] == ["Альфа", "Гамма"]
    assert manage.selected_name() == "Гамма"

    manage.table.selectRow(0)
    manage.delete_button.click()
    assert [s.name for s in window.library.saved_searches()] == ["Гамма"]
    assert manage.selected_name() == "Гамма"
    manage.run_button.click()
    assert not manage.isVisible()
    assert window.search_bar.text() == "Казахстан" and window.facets.selection() == ({"outlet": ("БК55",)}, {})
    assert window.results.sort() == "date"


def test_the_menu_without_saved_searches(window: MainWindow) -> None:
    assert listed(window) == ["No saved searches yet"]
    assert not window.saved_searches.listed_actions()[0].isEnabled()
    assert window.actions_.save_search.shortcut().toString() == "Ctrl+S"


def test_saved_search_dialog_screenshot(window: MainWindow, qtbot: QtBot) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    assert window.library is not None
    window.library.save_search("Форум в Омске", "форум", {"outlet": ["БК55"]}, {"person": ["Александр Бурков"]})
    window.library.save_search("Казахстан", "Казахстан", sort="date")
    window.actions_.manage_searches.trigger()
    manage = window.saved_searches.dialog
    assert manage is not None
    QApplication.processEvents()
    assert manage.grab().save(str(Path(SCREENSHOTS) / "dialog-saved-searches.png"))
    manage.reject()
    window.search_bar.set_text("форум", search=True)
    window.actions_.save_search.trigger()
    dialog = window.saved_searches.dialog
    assert isinstance(dialog, SearchNameDialog)
    dialog.field.setText("Форум в Омске")
    dialog.ok.click()
    QApplication.processEvents()
    assert dialog.grab().save(str(Path(SCREENSHOTS) / "dialog-save-search.png"))
    dialog.reject()
    assert Qt.WindowType.Dialog & dialog.windowFlags()
