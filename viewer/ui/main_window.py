"""The main window: search bar over facets | results | reader, menus, status bar.

The window shows before the archive opens: ``open_archive`` (called by ``app.run``
once the window is on screen) imports the core, opens the Library for the GUI thread,
and starts the sample import on first use. Searches run on the GUI thread (they take
tens of milliseconds); anything that writes or reads at length goes to ``ArchiveJobs``.
"""

from __future__ import annotations

import gc
import sys
import traceback
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QGuiApplication, QShowEvent
from PySide6.QtWidgets import QMainWindow, QMessageBox, QSplitter, QVBoxLayout, QWidget

from viewer.ui import archive_work
from viewer.ui.archive_actions import ArchiveActions
from viewer.ui.archive_events import ArchiveEvents
from viewer.ui.archive_jobs import ArchiveJobs
from viewer.ui.entity_actions import EntityActions
from viewer.ui.event_actions import EventActions
from viewer.ui.events_pane import EventsPane
from viewer.ui.facet_panel import FacetPanel
from viewer.ui.list_tabs import ListTabs
from viewer.ui.main_actions import MainActions
from viewer.ui.reader_view import ReaderView
from viewer.ui.results_model import ResultsModel, SearchRequest
from viewer.ui.results_pane import ResultsPane
from viewer.ui.saved_searches import SavedSearchActions
from viewer.ui.search_bar import SearchBar
from viewer.ui.settings import Settings
from viewer.ui.status_area import StatusArea
from viewer.ui.tasks import Task

if TYPE_CHECKING:
    from viewer.library import Library
    from viewer.paths import Locations
    from viewer.search.searcher import ArchiveSearcher
    from viewer.ui.compare_window import CompareWindow

DEFAULT_SIZE = (1280, 800)
SPLIT = (0.20, 0.35, 0.45)  # facets, results, reader


class MainWindow(QMainWindow):
    archiveOpened = Signal()

    def __init__(self, locations: Locations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("MainWindow")
        self.locations = locations
        self.settings = Settings(locations.config)
        self.library: Library | None = None
        self.jobs = ArchiveJobs(locations, self)
        self._closing = False
        self._opening: Task | None = None
        self._sample_task: Task | None = None
        self.compare_windows: list[CompareWindow] = []  # open comparisons, closed with this window

        self.search_bar = SearchBar()
        self.facets = FacetPanel()
        self.results_model = ResultsModel(self)
        self.results = ResultsPane(self.results_model)
        self.events_pane = EventsPane()
        self.archive_events = ArchiveEvents(self.jobs, self)
        self.facets.set_events(self.archive_events.find)
        self.tabs = ListTabs(self.results, self.events_pane)
        self.reader = ReaderView()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("MainSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setHandleWidth(1)
        for widget, minimum in ((self.facets, 150), (self.tabs, 240), (self.reader, 300)):
            widget.setMinimumWidth(minimum)
            self.splitter.addWidget(widget)
        self.splitter.setStretchFactor(2, 1)

        top = QWidget()
        top.setObjectName("SearchArea")
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(10, 8, 10, 8)
        top_layout.addWidget(self.search_bar)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(top)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

        self.status = StatusArea(self.statusBar())
        self.archive = ArchiveActions(self)
        self.status.problemsClicked.connect(self.archive.show_problems)
        self.event_actions = EventActions(self)
        self.entity_actions = EntityActions(self)
        self.saved_searches = SavedSearchActions(self)
        self.actions_ = MainActions(self)

        self.search_bar.searchRequested.connect(lambda _text: self.run_search())
        self.search_bar.moveToResults.connect(self.results.focus_list)
        self.facets.selectionChanged.connect(self.run_search)
        self.results.sortChanged.connect(self._sort_changed)
        self.results.currentArticleChanged.connect(self.open_article)
        self.results.addFolderRequested.connect(self.archive.choose_folder)
        self.results.compareRequested.connect(self.compare_selected)
        self.jobs.archiveChanged.connect(self._archive_changed)
        self.jobs.archiveChanged.connect(self.archive_events.reload)
        self.tabs.currentChanged.connect(lambda _index: self.event_actions.update())
        self.jobs.writingChanged.connect(self._writing_changed)
        self.reader.zoomChanged.connect(self.settings.set_reader_zoom)

        self.setAcceptDrops(True)
        self._set_title()
        self._restore_settings()
        self._set_archive_enabled(False)
        self.results.show_count(opening=True)

    # settings ----------------------------------------------------------------
    def _restore_settings(self) -> None:
        geometry = self.settings.geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self._default_geometry()
        splitter = self.settings.splitter()
        self._split_pending = splitter is None or not self.splitter.restoreState(splitter)
        self.splitter.setHandleWidth(1)  # the saved state carries a width of its own
        self.search_bar.set_history(self.settings.history())
        self.search_bar.set_text(self.settings.last_query())
        self.set_sort(self.settings.sort(), search=False)
        self.facets.set_collapsed_facets(self.settings.collapsed_facets())
        self.reader.set_zoom(self.settings.reader_zoom())
        self.tabs.show_named(self.settings.list_tab())
        self.events_pane.restore_view(**self.settings.events_view())

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._split_pending:
            # First run: share the window's width out once it has its real size.
            self._split_pending = False
            width = self.splitter.width() or self.width()
            self.splitter.setSizes([round(width * share) for share in SPLIT])

    def _default_geometry(self) -> None:
        width, height = DEFAULT_SIZE
        screen = QGuiApplication.primaryScreen()
        if screen is not None:
            free = screen.availableGeometry()
            width, height = min(width, round(free.width() * 0.92)), min(height, round(free.height() * 0.92))
            self.resize(width, height)
            self.move(free.center().x() - width // 2, free.center().y() - height // 2)
        else:
            self.resize(width, height)

    def save_settings(self) -> None:
        self.settings.set_geometry(self.saveGeometry())
        self.settings.set_splitter(self.splitter.saveState())
        self.settings.set_last_query(self.search_bar.text())
        self.settings.set_sort(self.results.sort())
        self.settings.set_history(self.search_bar.history())
        self.settings.set_collapsed_facets(self.facets.collapsed_facets())
        self.settings.set_reader_zoom(self.reader.zoom)
        self.settings.set_list_tab(self.tabs.current_name())
        self.settings.set_events_view(**self.events_pane.view_state())
        self.settings.sync()

    # the archive ---------------------------------------------------------------
    def open_archive(self, background: bool = True) -> None:
        """Open the archive: the Library for the GUI thread, then show what the last query
        finds and, on first use, import the bundled sample in the background.

        Opening imports the search engine and the lemmatiser, and may rebuild the index
        after an upgrade: in the background by default, so the window stays responsive.
        The Library is handed to the GUI thread, which alone uses it from then on.
        """
        if self.library is not None or self._opening is not None:
            return
        self.status.set_state(self.tr("Opening the archive…"))
        if not background:
            try:
                library = archive_work.open_library(self.locations)
            except Exception as error:  # a damaged or unreadable archive: say so, keep the window
                self._open_failed(error)
                return
            self._opened(library)
            return
        self._opening = self.jobs.reader.submit(partial(archive_work.open_library_for, self.locations), "open")
        self._opening.succeeded.connect(self._opened)
        self._opening.failed.connect(self._open_failed)

    def _opened(self, library: Library) -> None:
        self._opening = None
        if self._closing:
            library.close()
            return
        self.library = library
        self.results_model.set_library(library)
        self._set_archive_enabled(True)
        if not library.roots():
            self._sample_task = self.archive.import_sample()
        elif library.rescan_pending():  # an archive of an earlier version: its files are read again
            self.archive.rescan()
        self.run_search()
        self.archive_events.reload()
        self.refresh_status()
        self.archiveOpened.emit()
        # What is open now (modules, Qt's objects, the index's readers) lives as long as the
        # window: set it aside from the garbage collector's full passes, which would otherwise
        # walk all of it again, the window waiting, each time the session has allocated enough.
        gc.freeze()

    def _open_failed(self, error: object) -> None:
        self._opening = None
        if isinstance(error, BaseException):
            traceback.print_exception(error, file=sys.stderr)
        self.status.set_state(self.tr("The archive could not be opened"))
        self.results.count_label.setText(self.tr("The archive could not be opened"))
        box = QMessageBox(QMessageBox.Icon.Critical, self.tr("Letopis"), "", parent=self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(self.tr("The archive could not be opened."))
        box.setInformativeText(f"{self.locations.data}\n\n{error}")
        box.open()

    def _set_archive_enabled(self, enabled: bool) -> None:
        for action in self.actions_.archive_actions():
            action.setEnabled(enabled)

    def archive_name(self) -> str:
        roots = self.library.roots() if self.library is not None else []
        if not roots:
            return self.tr("empty archive")
        if all(sample for _, sample in roots):
            return self.tr("sample archive")
        names = [Path(path).name or path for path, sample in roots if not sample]
        if len(names) == 1:
            return names[0]
        return self.tr("%1 and %n more", "", len(names) - 1).replace("%1", names[0])

    def _set_title(self) -> None:
        app_name = self.tr("Letopis")
        self.setWindowTitle(f"{app_name} — {self.archive_name()}" if self.library is not None else app_name)

    def refresh_status(self) -> None:
        if self.library is None:
            return
        self.status.set_article_count(self.library.article_count())
        self.status.set_problem_count(len(self.library.problems()))
        if not self.jobs.is_writing():
            self.status.set_state(self.tr("Index up to date"))
        roots = self.library.roots()
        self.results.set_sample_only(bool(roots) and all(sample for _, sample in roots))
        self._set_title()

    def _archive_changed(self) -> None:
        """A job changed the archive: read the new index off the GUI thread, then search it."""
        library = self.library
        if library is None:
            return
        library.forget_cached()  # a job's own Library stored events and names
        task = self.jobs.reader.submit(lambda _context: library.warmed_search(), "search")
        task.succeeded.connect(lambda searcher: self._search_warmed(library, searcher))
        task.failed.connect(lambda _error: self._search_warmed(library, None))

    def _search_warmed(self, library: Library, searcher: ArchiveSearcher | None) -> None:
        if searcher is not None:
            if self.library is library:
                library.use_search(searcher)
            else:  # the window closed meanwhile
                searcher.close()
        if self.library is library:
            self.run_search(keep_position=True)
            self.refresh_status()
            gc.freeze()  # the new index's readers, as when the archive opened

    def _writing_changed(self, writing: bool) -> None:
        if writing:
            self.status.set_state(self.tr("Indexing…"))
        else:
            self.refresh_status()

    # searching -----------------------------------------------------------------
    def current_request(self) -> SearchRequest:
        filters, excludes = self.facets.selection()
        return SearchRequest(self.search_bar.text(), filters, excludes, self.results.sort())

    def run_search(self, keep_position: bool = False) -> bool:
        """Run the query with the facet choices; a malformed query shows its message in
        the search bar and leaves the results as they were."""
        if self.library is None:
            return False
        from viewer.search.query import QueryError

        request = self.current_request()
        scroll = self.results.list.verticalScrollBar().value()
        try:
            result = self.results_model.run(request)
        except QueryError as error:
            self.search_bar.show_error(str(error))
            return False
        self.search_bar.clear_error()
        self.facets.set_counts(result.facets)
        self.results.show_count()
        if not self.library.roots() and not result.total:
            if self._sample_task is not None and self._sample_task.is_running():
                self.results.show_count(opening=True, note=self.tr("Importing the sample archive…"))
            else:
                self.results.show_empty_archive()
        open_id = self.reader.article.id if self.reader.article is not None else ""
        if open_id and self.results_model.row_of(open_id) >= 0:
            self.results.select_id(open_id)
        if keep_position:
            self.results.list.verticalScrollBar().setValue(scroll)
        self.reader.set_terms(result.terms)
        return True

    def _sort_changed(self, sort: str) -> None:
        self.set_sort(sort)

    def set_sort(self, sort: str, search: bool = True) -> None:
        self.results.set_sort(sort)
        action = self.actions_.sort_date if sort == "date" else self.actions_.sort_relevance
        action.setChecked(True)
        if search:
            self.run_search()

    def focus_search(self) -> None:
        self.search_bar.focus()

    # the lists -----------------------------------------------------------------
    def show_articles_tab(self) -> None:
        self.tabs.show_named("articles")

    def show_events_tab(self) -> None:
        self.tabs.show_named("events")
        self.events_pane.focus_list()

    def showing_events(self) -> bool:
        return self.tabs.showing_events()

    # reading -------------------------------------------------------------------
    def open_article(self, article_id: str) -> None:
        if self.library is None:
            return
        current = self.reader.article
        if current is not None and current.id == article_id:
            self.reader.set_terms(self.results_model.terms)
            return
        article = self.library.article(article_id) if article_id else None
        if article is None and article_id:
            return
        self.reader.show_article(article, self.results_model.terms)
        if article is not None and self.search_bar.text().strip():
            self.search_bar.remember(self.search_bar.text())

    def step_article(self, step: int) -> None:
        current = self.results.list.currentIndex()
        row = current.row() + step if current.isValid() else 0
        if 0 <= row < self.results_model.rowCount() or self.results_model.canFetchMore():
            self.results.select_row(max(0, row))

    # drag and drop -------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        if self.library is not None and any(url.isLocalFile() for url in urls):
            event.acceptProposedAction()
            self.status.message(self.tr("Drop to add to the archive"), timeout=3000)
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.archive.add_paths(paths)

    # comparing -----------------------------------------------------------------
    def compare_articles(self, article_ids: list[str], event_id: str | None = None) -> None:
        """Open a comparison window on 2..N articles (or ``ev-`` events), compared in the background.

        ``event_id`` names the event they were chosen from, for «Remove from event»; without it
        the window offers that when all the articles belong to one event.
        """
        from viewer.ui.compare_window import open_comparison

        open_comparison(self, article_ids, event_id)

    def compare_selected(self) -> None:
        """Compare the articles selected in the result list."""
        self.compare_articles(self.results.selected_ids())

    def show_shortcuts(self) -> None:
        from viewer.ui.shortcuts_dialog import ShortcutsDialog

        ShortcutsDialog(self.actions_.all, self).exec()

    def show_about(self) -> None:
        from viewer.ui.about_dialog import AboutDialog

        AboutDialog(self).exec()

    # closing -------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        for compare_window in list(self.compare_windows):
            compare_window.close()
        if not self._closing:
            self.save_settings()
        if self.jobs.is_busy():
            # Let running work stop cleanly (an import rolls back, an opening completes), then close.
            self._closing = True
            self.jobs.cancel_all()
            self.status.set_state(self.tr("Stopping…"))
            event.ignore()
            QTimer.singleShot(100, self.close)
            return
        if self.library is not None:
            self.library.close()
            self.library = None
            self.results_model.set_library(None)
        event.accept()
