"""Named entities in the main window: the reader's highlights, filtering, the entity view, curation.

The reader asks for an article's mentions when it shows one; clicking a mention filters
the results by it (an include filter on its facet) or opens the entity view; curation
from the entity view or the Entities dialog is followed everywhere at once: the results
and facets are searched again, the reader re-reads its highlights, the open views reload.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from viewer.ui.entity_curation import EntityCurator
from viewer.ui.entity_types import FACETS

if TYPE_CHECKING:
    from viewer.library import Library
    from viewer.ui.entities_dialog import EntitiesDialog
    from viewer.ui.entity_window import EntityWindow
    from viewer.ui.main_window import MainWindow


class EntityActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.curator = EntityCurator(self._library, self)
        self.entity_window: EntityWindow | None = None
        self.manager: EntitiesDialog | None = None
        reader = window.reader
        reader.set_shown_entity_types(window.settings.entity_types())
        reader.articleShown.connect(self._article_shown)
        reader.entityFilterRequested.connect(self.filter_by)
        reader.entityOpenRequested.connect(self.open_entity)
        reader.entityTypesChanged.connect(window.settings.set_entity_types)
        self.curator.changed.connect(self._curated)
        self.curator.failed.connect(lambda message: window.status.message(message, warning=True))
        window.jobs.archiveChanged.connect(self._archive_changed)

    def _library(self) -> Library | None:
        return self._window.library

    # the reader -------------------------------------------------------------------
    def _article_shown(self, article_id: str) -> None:
        library = self._window.library
        if article_id and library is not None:
            self._window.reader.set_mentions(library.mentions(article_id))

    def _reread_reader(self) -> None:
        article = self._window.reader.article
        if article is not None:
            self._article_shown(article.id)

    # filtering ----------------------------------------------------------------------
    def filter_by(self, name: str, kind: str) -> None:
        """Narrow the results to the articles naming this entity (and search again)."""
        from viewer.ui.facet_model import Choice

        facet = FACETS.get(kind)
        if facet is not None:
            self._window.facets.model.choose(facet, name, Choice.INCLUDED)

    # the entity view and the Entities dialog -----------------------------------------
    def open_entity(self, name: str) -> EntityWindow:
        from viewer.ui.entity_window import EntityWindow

        if self.entity_window is None:
            self.entity_window = EntityWindow(self._library, self.curator, self._window)
            self.entity_window.articleRequested.connect(self.open_article)
            self.entity_window.filterRequested.connect(self.filter_by)
        self.entity_window.show_entity(name)
        self.entity_window.show()
        self.entity_window.raise_()
        self.entity_window.activateWindow()
        return self.entity_window

    def open_article(self, article_id: str) -> None:
        """Show an article in the reader, selecting it in the results when they hold it."""
        if not self._window.results.select_id(article_id):
            self._window.open_article(article_id)

    def show_manager(self) -> EntitiesDialog:
        from viewer.ui.entities_dialog import EntitiesDialog

        if self.manager is None:
            self.manager = EntitiesDialog(self._library, self.curator, self._window)
            self.manager.entityRequested.connect(self.open_entity)
        else:
            self.manager.reload()
        self.manager.show()
        self.manager.raise_()
        return self.manager

    # following changes -------------------------------------------------------------
    def _curated(self, name: str, new_name: str) -> None:
        if new_name:
            self._rename_choices(name, new_name)
        self._window.run_search(keep_position=True)
        self._refresh_views(name, new_name)

    def _rename_choices(self, name: str, new_name: str) -> None:
        """A filter on the old name becomes a filter on the new one."""
        from viewer.ui.facet_model import Choice

        model = self._window.facets.model
        for facet in FACETS.values():
            choice = model.choice(facet, name)
            if choice is not Choice.NEUTRAL:
                model.choose(facet, name, Choice.NEUTRAL)
                model.choose(facet, new_name, choice)

    def _archive_changed(self) -> None:
        self._refresh_views("", "")

    def _refresh_views(self, name: str, new_name: str) -> None:
        self._reread_reader()
        if self.entity_window is not None and self.entity_window.name:
            self.entity_window.follow(name, new_name)
        if self.manager is not None and self.manager.isVisible():
            self.manager.reload()
