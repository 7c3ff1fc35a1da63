"""Saved searches: the query, the facet choices, the dates and the order, under a name.

They live with the user's data (``Library.save_search``), so they survive restarts and
rebuilding the index. The Saved Searches menu lists them: one click runs a search again,
bringing back everything it was saved with. Saving asks for a name; renaming and deleting
are in the Manage dialog.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMenu, QWidget

from viewer.ui.date_histogram import span_label
from viewer.ui.facet_panel import DATE_KEY, date_span
from viewer.ui.search_name_dialog import SearchNameDialog

if TYPE_CHECKING:
    from viewer.ui.main_window import MainWindow
    from viewer.userdata import SavedSearch

_NAME_FROM_QUERY = 60  # characters of the query offered as a new search's name


class SavedSearchActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._menu: QMenu | None = None
        self._listed: list[QAction] = []
        self.dialog: QDialog | None = None  # the naming or managing dialog open now

    # the menu ------------------------------------------------------------------
    def fill_menu(self, menu: QMenu) -> None:
        """List the saved searches at the end of ``menu``, read afresh each time it opens."""
        self._menu = menu
        menu.aboutToShow.connect(self.refresh_menu)

    def refresh_menu(self) -> None:
        if self._menu is None:
            return
        for action in self._listed:
            self._menu.removeAction(action)
            action.deleteLater()
        self._listed = []
        searches = self.searches()
        if not searches:
            empty = QAction(self.tr("No saved searches yet"), self._menu)
            empty.setEnabled(False)
            self._listed.append(empty)
        for saved in searches:
            action = QAction(saved.name.replace("&", "&&"), self._menu)
            action.setToolTip(self.describe(saved.query, saved.filters, saved.excludes, saved.sort))
            action.triggered.connect(lambda _checked=False, name=saved.name: self.run(name))
            self._listed.append(action)
        self._menu.setToolTipsVisible(True)
        self._menu.addActions(self._listed)

    def listed_actions(self) -> list[QAction]:
        return list(self._listed)

    # the searches --------------------------------------------------------------
    def searches(self) -> list[SavedSearch]:
        library = self._window.library
        return library.saved_searches() if library is not None else []

    def run(self, name: str) -> bool:
        """Search again as saved: the query, the facet choices and dates, the order."""
        window = self._window
        saved = window.library.saved_search(name) if window.library is not None else None
        if saved is None:
            gone = self.tr("There is no saved search called «%1» any more.").replace("%1", name)
            window.status.message(gone, warning=True, timeout=5000)
            return False
        window.search_bar.set_text(saved.query)
        window.search_bar.remember(saved.query)
        window.set_sort(saved.sort, search=False)
        window.facets.set_selection(saved.filters, saved.excludes)  # searches, once
        window.show_articles_tab()
        window.status.message(self.tr("Saved search «%1»").replace("%1", saved.name), timeout=3000)
        return True

    def save_current(self) -> None:
        """Ask for a name and keep the current search under it."""
        window = self._window
        library = window.library
        if library is None:
            return
        text, sort = window.search_bar.text(), window.results.sort()
        filters, excludes = window.facets.selection()

        def save(name: str, replace: bool) -> None:
            library.save_search(name, text, filters, excludes, sort, overwrite=replace)
            window.status.message(self.tr("Search saved as «%1»").replace("%1", " ".join(name.split())), timeout=3000)

        self._open(
            SearchNameDialog(
                self.tr("Save Search"), self.tr("Save"), " ".join(text.split())[:_NAME_FROM_QUERY],
                self.describe(text, filters, excludes, sort), save, replaceable=True, parent=window,
            )
        )

    def rename(self, name: str, parent: QWidget | None = None) -> SearchNameDialog | None:
        """Ask for a new name for the saved search ``name``; None when there is no such search."""
        library = self._window.library
        saved = library.saved_search(name) if library is not None else None
        if library is None or saved is None:
            return None
        dialog = SearchNameDialog(
            self.tr("Rename Saved Search"), self.tr("Rename"), name,
            self.describe(saved.query, saved.filters, saved.excludes, saved.sort),
            lambda new_name, _replace: library.rename_saved_search(name, new_name), parent=parent or self._window,
        )
        self._open(dialog)
        return dialog

    def delete(self, name: str) -> bool:
        library = self._window.library
        if library is None or not library.delete_saved_search(name):
            return False
        self._window.status.message(self.tr("Saved search «%1» deleted").replace("%1", name), timeout=3000)
        return True

    def manage(self) -> None:
        from viewer.ui.saved_searches_dialog import SavedSearchesDialog

        if self._window.library is not None:
            self._open(SavedSearchesDialog(self, self._window))

    def _open(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(lambda _result: self._closed(dialog))
        dialog.open()

    def _closed(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    # words -----------------------------------------------------------------------
    def describe(
        self,
        text: str,
        filters: Mapping[str, Sequence[str]],
        excludes: Mapping[str, Sequence[str]],
        sort: str,
    ) -> str:
        """What a search finds, in a line: «форум» · Outlet: БК55 · not Person: … · newest first."""
        model = self._window.facets.model
        parts = [f"«{text.strip()}»" if text.strip() else self.tr("all articles")]
        span = date_span(filters.get(DATE_KEY, ()))
        if span is not None:
            parts.append(span_label(span))
        for key, values in filters.items():
            if key != DATE_KEY and values:
                shown = ", ".join(model.label(key, v) for v in values)
                parts.append(f"{model.title(key)}: {shown}")
        for key, values in excludes.items():
            if values:
                shown = ", ".join(model.label(key, v) for v in values)
                parts.append(self.tr("not %1: %2").replace("%1", model.title(key)).replace("%2", shown))
        parts.append(self.tr("newest first") if sort == "date" else self.tr("most relevant first"))
        return " · ".join(parts)
