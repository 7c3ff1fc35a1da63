"""The main window's menus and their actions, with their keyboard shortcuts."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence

from viewer.ui.icons import icon

if TYPE_CHECKING:
    from viewer.ui.main_window import MainWindow

Keys = QKeySequence.StandardKey


class MainActions(QObject):
    """Builds the menu bar of ``window`` and keeps every action by name."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.all: list[QAction] = []
        w = window
        menu_bar = w.menuBar()

        archive = menu_bar.addMenu(self.tr("&Archive"))
        a = w.archive
        self.add_folder = self._add(archive, self.tr("Add &Folder…"), a.choose_folder, ["Ctrl+O"], "add-folder")
        self.add_files = self._add(archive, self.tr("Add F&iles…"), a.choose_files, ["Ctrl+Shift+O"], "add-files")
        self.rescan = self._add(archive, self.tr("&Re-scan Folders"), a.rescan, ["F5"], "refresh")
        self.folders = self._add(archive, self.tr("F&olders…"), a.show_folders)
        archive.addSeparator()
        self.problems = self._add(archive, self.tr("Import &Problems…"), a.show_problems, icon_name="warning")
        self.aliases = self._add(archive, self.tr("Outlet &Aliases…"), a.show_aliases)
        self.entities = self._add(
            archive, self.tr("&Entities…"), w.entity_actions.show_manager, ["Ctrl+Shift+E"], "entity"
        )
        archive.addSeparator()
        self.export = self._add(archive, self.tr("&Export Results as CSV…"), a.export_results, ["Ctrl+E"], "export")
        archive.addSeparator()
        self.quit = self._add(archive, self.tr("&Quit"), w.close, ["Ctrl+Q"])
        self.quit.setMenuRole(QAction.MenuRole.QuitRole)

        search = menu_bar.addMenu(self.tr("&Search"))
        self.focus_search = self._add(
            search, self.tr("&Find in Archive"), w.focus_search, ["Ctrl+L", "Ctrl+K"], "search"
        )
        self.history = self._add(search, self.tr("&Recent Searches"), w.search_bar.show_history, ["Ctrl+H"], "history")
        self.clear_filters = self._add(
            search, self.tr("&Clear Filters"), w.facets.clear, ["Ctrl+Shift+Backspace"]
        )
        search.addSeparator()
        order = QActionGroup(self)
        self.sort_relevance = self._add(search, self.tr("Most &Relevant First"), lambda: w.set_sort("relevance"),
                                        ["Ctrl+1"])
        self.sort_date = self._add(search, self.tr("&Newest First"), lambda: w.set_sort("date"), ["Ctrl+2"])
        for action in (self.sort_relevance, self.sort_date):
            action.setCheckable(True)
            order.addAction(action)
        self.sort_relevance.setChecked(True)

        saved = menu_bar.addMenu(self.tr("Sa&ved Searches"))
        self.save_search = self._add(saved, self.tr("&Save Search…"), w.saved_searches.save_current, ["Ctrl+S"])
        self.manage_searches = self._add(saved, self.tr("&Manage Saved Searches…"), w.saved_searches.manage)
        saved.addSeparator()
        w.saved_searches.fill_menu(saved)

        article = menu_bar.addMenu(self.tr("A&rticle"))
        self.find = self._add(article, self.tr("&Find in Article…"), w.reader.open_find, [Keys.Find])
        self.next_hit = self._add(article, self.tr("&Next Hit"), w.reader.next_hit, ["F3"], "next")
        self.previous_hit = self._add(
            article, self.tr("&Previous Hit"), w.reader.previous_hit, ["Shift+F3"], "previous"
        )
        article.addSeparator()
        self.next_article = self._add(article, self.tr("Next &Article"), lambda: w.step_article(1), ["Alt+Down"])
        self.previous_article = self._add(
            article, self.tr("Previous A&rticle"), lambda: w.step_article(-1), ["Alt+Up"]
        )
        article.addSeparator()
        self.open_original = self._add(article, self.tr("&Open Original in Browser"), w.reader.open_original,
                                       ["Ctrl+B"], "external")
        self.copy_link = self._add(article, self.tr("&Copy Link"), w.reader.copy_link)
        article.addSeparator()
        self.next_entity = self._add(article, self.tr("Next &Name"), w.reader.next_entity, ["F4"])
        self.previous_entity = self._add(article, self.tr("Previous Na&me"), w.reader.previous_entity, ["Shift+F4"])
        article.addSeparator()
        self.compare_selected = self._add(
            article, self.tr("Co&mpare Selected Articles"), w.compare_selected, ["Ctrl+Shift+C"], "compare"
        )
        w.results.add_context_action(self.compare_selected)

        w.event_actions.fill_menu(menu_bar.addMenu(self.tr("&Events")))
        self.all.extend(w.event_actions.all)

        view = menu_bar.addMenu(self.tr("&View"))
        self.show_filters = self._add(view, self.tr("&Filters Panel"), None, ["Ctrl+Shift+F"])
        self.show_filters.setCheckable(True)
        self.show_filters.setChecked(True)
        self.show_filters.toggled.connect(w.facets.setVisible)
        view.addSeparator()
        self.articles_tab = self._add(view, self.tr("&Articles List"), w.show_articles_tab, ["Alt+1"])
        self.events_tab = self._add(view, self.tr("&Events List"), w.show_events_tab, ["Alt+2"])
        view.addSeparator()
        self.zoom_in = self._add(view, self.tr("&Larger Text"), w.reader.zoom_in, [Keys.ZoomIn, "Ctrl+="])
        self.zoom_out = self._add(view, self.tr("&Smaller Text"), w.reader.zoom_out, [Keys.ZoomOut])
        self.zoom_reset = self._add(view, self.tr("&Normal Size"), w.reader.zoom_reset, ["Ctrl+0"])

        help_menu = menu_bar.addMenu(self.tr("&Help"))
        self.query_help = self._add(help_menu, self.tr("&Query Language"), w.search_bar.show_help, ["F1"], "help")
        self.shortcuts = self._add(help_menu, self.tr("&Keyboard Shortcuts"), w.show_shortcuts, ["Ctrl+/"])
        help_menu.addSeparator()
        self.about = self._add(help_menu, self.tr("&About Letopis"), w.show_about)
        self.about.setMenuRole(QAction.MenuRole.AboutRole)

    def _add(
        self,
        menu: object,
        text: str,
        slot: Callable[[], object] | None,
        keys: list[str | Keys] | None = None,
        icon_name: str | None = None,
    ) -> QAction:
        action = QAction(text, self._window)
        if icon_name:
            action.setIcon(icon(icon_name))
        else:
            action.setIcon(QIcon())
        # A standard key gives the platform's main binding for it (Ctrl+F for Find).
        sequences = [s for s in (QKeySequence(key) for key in keys or []) if not s.isEmpty()]
        if sequences:
            action.setShortcuts(sequences)
        if slot is not None:
            action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)  # type: ignore[attr-defined]
        self._window.addAction(action)
        self.all.append(action)
        return action

    def archive_actions(self) -> list[QAction]:
        return [self.add_folder, self.add_files, self.rescan, self.folders, self.problems, self.aliases, self.export,
                self.compare_selected, self.entities, self.save_search, self.manage_searches]  # fmt: skip
