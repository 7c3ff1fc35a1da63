"""One named entity in a window of its own: its articles, the entities named with it, its dates.

Non-modal, beside the main window: activating an article opens it in the reader, activating
an entity goes to it (Back returns). The entity can be curated here: filter by it, rename it,
merge it into another, change its type, hide it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from viewer.ui.entity_models import EntityArticlesModel, EntityRow, EntityTableModel
from viewer.ui.entity_types import ENTITY_KINDS, type_name
from viewer.ui.formatting import articles, short_date
from viewer.ui.icons import icon
from viewer.ui.table_model import read_only_table

if TYPE_CHECKING:
    from viewer.entities.stage import EntityView
    from viewer.library import Library
    from viewer.ui.entity_curation import EntityCurator


class EntityWindow(QWidget):
    articleRequested = Signal(str)  # open this article in the reader
    filterRequested = Signal(str, str)  # name, type: filter the results by it

    def __init__(
        self, library: Callable[[], Library | None], curator: EntityCurator, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("EntityWindow")
        self.setWindowTitle(self.tr("Entity"))
        self.resize(760, 560)
        self._library = library
        self._curator = curator
        self._history: list[str] = []
        self.view: EntityView | None = None
        self.name = ""

        self.back_button = QToolButton()
        self.back_button.setIcon(icon("back"))
        self.back_button.setText(self.tr("Back"))
        self.back_button.setToolTip(self.tr("Back to the previous entity (Alt+Left)"))
        self.back_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.back_button.setAutoRaise(True)
        self.back_button.clicked.connect(self.back)
        back = QAction(self)
        back.setShortcuts([QKeySequence("Alt+Left"), QKeySequence(QKeySequence.StandardKey.Back)])
        back.triggered.connect(self.back)
        self.addAction(back)

        self.title = QLabel()
        self.title.setObjectName("EntityName")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.kind_label = QLabel()
        self.kind_label.setObjectName("EntityKind")
        self.summary = QLabel()
        self.summary.setObjectName("Secondary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)

        self.filter_button = self._button("search", self.tr("Filter by It"), self._filter)
        self.rename_button = self._button(None, self.tr("Rename…"), self._rename)
        self.merge_button = self._button(None, self.tr("Merge Into…"), self._merge)
        self.type_button = self._button(None, self.tr("Type"), None)
        self.type_menu = QMenu(self.type_button)
        self.type_actions: dict[str, QAction] = {}
        for kind in ENTITY_KINDS:
            action = self.type_menu.addAction(type_name(kind))
            action.setCheckable(True)
            action.triggered.connect(lambda _checked=False, k=kind: self._set_type(k))
            self.type_actions[kind] = action
        self.type_button.setMenu(self.type_menu)
        self.type_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.hide_button = self._button(None, self.tr("Hide"), self._toggle_hidden)

        head = QHBoxLayout()
        head.addWidget(self.back_button)
        head.addSpacing(6)
        head.addWidget(self.title)
        head.addWidget(self.kind_label)
        head.addStretch(1)
        tools = QHBoxLayout()
        tools.setSpacing(4)
        for button in (self.filter_button, self.rename_button, self.merge_button, self.type_button, self.hide_button):
            tools.addWidget(button)
        tools.addStretch(1)

        self.articles_model = EntityArticlesModel(self._article, self)
        self.articles = read_only_table(self.articles_model)
        header = self.articles.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.articles.activated.connect(self._article_activated)

        self.related_model = EntityTableModel(self.tr("Together"), self)
        self.related = read_only_table(self.related_model)
        related_header = self.related.horizontalHeader()
        related_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        related_header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        related_header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.related.activated.connect(self._related_activated)

        self.articles_title = QLabel()
        self.articles_title.setObjectName("PanelTitle")
        related_title = QLabel(self.tr("Named with it"))
        related_title.setObjectName("PanelTitle")
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        for title, table in ((self.articles_title, self.articles), (related_title, self.related)):
            pane = QWidget()
            pane_layout = QVBoxLayout(pane)
            pane_layout.setContentsMargins(0, 0, 0, 0)
            pane_layout.addWidget(title)
            pane_layout.addWidget(table, 1)
            splitter.addWidget(pane)
        splitter.setSizes([400, 360])

        self.missing = QLabel()
        self.missing.setObjectName("Placeholder")
        self.missing.setWordWrap(True)
        self.missing.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.missing.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 12)
        layout.addLayout(head)
        layout.addWidget(self.summary)
        layout.addLayout(tools)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.missing, 1)
        self._splitter = splitter
        self._update_back()

    def _button(self, icon_name: str | None, text: str, slot: Callable[[], None] | None) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        if icon_name:
            button.setIcon(icon(icon_name))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        if slot is not None:
            button.clicked.connect(slot)
        return button

    def _article(self, article_id: str) -> object:
        library = self._library()
        return library.article(article_id) if library is not None else None

    # showing ----------------------------------------------------------------------
    def show_entity(self, name: str, remember: bool = True) -> None:
        """Go to ``name``; the one shown before goes on the Back list."""
        if remember and self.name and self.name != name:
            self._history.append(self.name)
        self.name = name
        self.reload()
        self._update_back()

    def back(self) -> None:
        if self._history:
            self.show_entity(self._history.pop(), remember=False)

    def history(self) -> list[str]:
        return list(self._history)

    def reload(self) -> None:
        """Read the entity again (after curation, or when the archive changed)."""
        library = self._library()
        view = library.entity(self.name) if library is not None and self.name else None
        self.view = view
        if view is not None:
            self.name = view.name  # as the archive spells it
        self.setWindowTitle(self.tr("%1 — Entity").replace("%1", self.name))
        self.title.setText(self.name)
        found = view is not None
        self._splitter.setVisible(found)
        self.missing.setVisible(not found)
        for button in (self.filter_button, self.rename_button, self.merge_button, self.type_button):
            button.setEnabled(found)
        hidden = not found and self._is_hidden(self.name)
        self.hide_button.setEnabled(found or hidden)
        self.hide_button.setText(self.tr("Show Again") if hidden else self.tr("Hide"))
        if view is None:
            self.kind_label.clear()
            self.summary.clear()
            self.missing.setText(
                self.tr("«%1» is hidden: it is not highlighted, counted or offered.").replace("%1", self.name)
                if hidden else self.tr("No article of the archive names «%1».").replace("%1", self.name)
            )
            self.articles_model.set_ids([])
            self.related_model.set_rows([])
            return
        self.kind_label.setText(type_name(view.type))
        for kind, action in self.type_actions.items():
            action.setChecked(kind == view.type)
        parts = [
            articles(len(view.articles)),
            self.tr("%Ln mention(s)", "", view.mentions),
        ]
        first, last = short_date(view.first), short_date(view.last)
        if first:
            parts.append(first if first == last else self.tr("from %1 to %2").replace("%1", first).replace("%2", last))
        self.summary.setText(" · ".join(parts))
        self.articles_title.setText(self.tr("Articles"))
        self.articles_model.set_ids(view.articles)
        self.related_model.set_rows([EntityRow(n, t, c) for n, t, c in view.related])

    def _is_hidden(self, name: str) -> bool:
        library = self._library()
        curation = library.user.entities.all() if library is not None else {}
        return bool(curation.get(name, (None, None, False))[2])

    def _update_back(self) -> None:
        self.back_button.setEnabled(bool(self._history))
        if self._history:
            self.back_button.setToolTip(self.tr("Back to «%1» (Alt+Left)").replace("%1", self._history[-1]))

    # activating -------------------------------------------------------------------
    def _article_activated(self, index: QModelIndex) -> None:
        article_id = self.articles_model.id_at(index.row())
        if article_id:
            self.articleRequested.emit(article_id)

    def _related_activated(self, index: QModelIndex) -> None:
        row = self.related_model.row(index.row())
        if row is not None:
            self.show_entity(row.name)

    # curating ---------------------------------------------------------------------
    def _filter(self) -> None:
        if self.view is not None:
            self.filterRequested.emit(self.view.name, self.view.type)

    def _rename(self) -> None:
        self._curator.ask_rename(self.name, self)

    def _merge(self) -> None:
        self._curator.ask_merge([self.name], self)

    def _set_type(self, kind: str) -> None:
        self._curator.set_type(self.name, kind)

    def _toggle_hidden(self) -> None:
        hidden = self.view is None
        self._curator.set_hidden(self.name, self.view.type if self.view else "", not hidden)

    def follow(self, name: str, new_name: str) -> None:
        """After curation: stay on the entity under its new name, or show the change."""
        if name == self.name and new_name:
            self.name = new_name
        self._history = [new_name if n == name and new_name else n for n in self._history]
        self.reload()
        self._update_back()
