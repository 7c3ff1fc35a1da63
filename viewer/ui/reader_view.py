"""The reader: one article as plain text, search hits and named entities highlighted.

Highlights are ``HighlightLayer``s drawn as extra selections over a document that is
built once per article; search hits, find matches and the current one are layers, and
so is each entity type (PER, ORG, LOC), which the legend in the toolbar shows or hides.
A mention tells its type and name in a tooltip; clicking it, its context menu, or Return
on it (F4 / Shift+F4 step through them) offers to filter by the entity or to open it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QDesktopServices,
    QFont,
    QGuiApplication,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QStackedWidget,
    QTextBrowser,
    QTextEdit,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from viewer.ui import highlights
from viewer.ui.entity_legend import EntityLegend
from viewer.ui.entity_marks import EntityMark, EntityMarks
from viewer.ui.entity_types import type_name
from viewer.ui.event_strip import EventStrip
from viewer.ui.find_bar import FindBar
from viewer.ui.highlights import ENTITY_LAYERS, HighlightLayer, entity_format, highlight_format
from viewer.ui.icons import icon
from viewer.ui.reader_document import WEB_SCHEMES, ArticleDocument, build_article_document, web_url
from viewer.ui.text_offsets import utf16_spans

if TYPE_CHECKING:
    from viewer.archive.catalog import StoredArticle
    from viewer.entities.stage import ArticleMention

ZOOM_STEP = 0.1
READING_SCALE = 1.08  # the body a little larger than the UI's text


def find_pattern(needle: str) -> re.Pattern[str] | None:
    """Case-insensitive, with е and ё the same letter, as the search treats them."""
    needle = needle.strip()
    if not needle:
        return None
    parts = [("[её]" if ch in "еёЕЁ" else re.escape(ch)) for ch in needle]
    return re.compile("".join(parts), re.IGNORECASE)


class ReaderView(QWidget):
    zoomChanged = Signal(int)
    articleShown = Signal(str)  # the article's id, "" when none
    entityFilterRequested = Signal(str, str)  # name, type
    entityOpenRequested = Signal(str)  # name
    entityTypesChanged = Signal(list)  # the types shown

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ReaderView")
        self.open_url: Callable[[QUrl], bool] = QDesktopServices.openUrl
        self._article: StoredArticle | None = None
        self._doc: ArticleDocument | None = None
        self._terms: frozenset[str] = frozenset()
        self._layers: dict[str, HighlightLayer] = {}
        self._hits: list[tuple[int, int]] = []
        self._hit = -1
        self._found: list[tuple[int, int]] = []
        self._find_index = -1
        self._zoom = 0
        self._mentions: list[ArticleMention] = []
        self._marks = EntityMarks()
        self._press: QPoint | None = None
        self.entity_menu: QMenu | None = None  # the last one offered

        # toolbar: hits and the link to the original
        self.hits_label = QLabel()
        self.hits_label.setObjectName("Secondary")
        self.previous_hit_button = self._tool("previous", self.tr("Previous hit (Shift+F3)"), self.previous_hit)
        self.next_hit_button = self._tool("next", self.tr("Next hit (F3)"), self.next_hit)
        self.open_button = QToolButton()
        self.open_button.setIcon(icon("external"))
        self.open_button.setText(self.tr("Open original"))
        self.open_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.open_button.setAutoRaise(True)
        self.open_button.clicked.connect(self.open_original)
        bar = QWidget()
        bar.setObjectName("ReaderBar")
        row = QHBoxLayout(bar)
        row.setContentsMargins(10, 4, 8, 4)
        row.setSpacing(2)
        row.addWidget(self.previous_hit_button)
        row.addWidget(self.next_hit_button)
        row.addSpacing(6)
        row.addWidget(self.hits_label)
        row.addStretch(1)
        self.legend = EntityLegend()
        self.legend.toggled.connect(self._entity_type_toggled)
        row.addWidget(self.legend)
        row.addSpacing(6)
        row.addWidget(self.open_button)
        self.toolbar = bar

        self.find_bar = FindBar()
        self.find_bar.hide()
        self.find_bar.textChanged.connect(self._find)
        self.find_bar.findNext.connect(self.find_next)
        self.find_bar.findPrevious.connect(self.find_previous)
        self.find_bar.closed.connect(self._find_closed)

        self.text = QTextBrowser()
        self.text.setObjectName("ArticleText")
        self.text.setOpenLinks(False)
        self.text.setOpenExternalLinks(False)
        self.text.anchorClicked.connect(self._link_clicked)
        self.text.setFrameShape(QTextBrowser.Shape.NoFrame)
        self.text.setAcceptDrops(False)  # a dropped folder is for the window to import
        self.text.installEventFilter(self)
        self.text.viewport().installEventFilter(self)

        page = QWidget()
        page_layout = QVBoxLayout(page)
        page_layout.setContentsMargins(0, 0, 0, 0)
        page_layout.setSpacing(0)
        page_layout.addWidget(self.toolbar)
        self.event_strip = EventStrip()  # «Also reported by»
        page_layout.addWidget(self.event_strip)
        page_layout.addWidget(self.find_bar)
        page_layout.addWidget(self.text, 1)

        self.placeholder = QLabel(self.tr("Select an article in the list to read it here."))
        self.placeholder.setObjectName("Placeholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)

        self.stack = QStackedWidget()
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self._update_hit_controls()

    def _tool(self, name: str, tip: str, slot: Callable[[], None]) -> QToolButton:
        button = QToolButton()
        button.setIcon(icon(name))
        button.setToolTip(tip)
        button.setAutoRaise(True)
        button.clicked.connect(slot)
        return button

    # the article -------------------------------------------------------------
    @property
    def article(self) -> StoredArticle | None:
        return self._article

    @property
    def document(self) -> ArticleDocument | None:
        return self._doc

    def show_article(self, article: StoredArticle | None, terms: Collection[str] = ()) -> None:
        self._article = article
        self._terms = frozenset(terms)
        self._mentions = []
        for key in ENTITY_LAYERS.values():  # the last article's; this one's come with its mentions
            self._layers.pop(key, None)
        self.event_strip.show_for(article)
        if article is None:
            self._replace_document(None)
            self.stack.setCurrentIndex(0)
            self._layers.clear()
            self._marks = EntityMarks()
            self._hits, self._hit = [], -1
            self._update_hit_controls()
            self.articleShown.emit("")
            return
        self._build()
        self.stack.setCurrentIndex(1)
        self.text.verticalScrollBar().setValue(0)
        self.open_button.setEnabled(web_url(article.url) is not None)
        self.open_button.setToolTip(web_url(article.url) or self.tr("This article has no web address"))
        if self.find_bar.isVisible():
            self._find(self.find_bar.text())
        self.articleShown.emit(article.id)

    def set_terms(self, terms: Collection[str]) -> None:
        """Highlight another query's hits in the open article."""
        if frozenset(terms) == self._terms:
            return
        self._terms = frozenset(terms)
        self._mark_hits()

    def _reading_font(self) -> QFont:
        font = QFont(self.font())
        size = font.pointSizeF() if font.pointSizeF() > 0 else 10.0
        font.setPointSizeF(size * READING_SCALE * (1 + ZOOM_STEP * self._zoom))
        return font

    def _build(self) -> None:
        assert self._article is not None
        labels = {
            "untitled": self.tr("(untitled)"),
            "source": self.tr("Source file:"),
            "open_link": self.tr("Open in the web browser"),
            "spoiler": self.tr("Hidden by the outlet as a spoiler"),
            "boilerplate": self.tr("The outlet's standing text (a footer, credit or signature it repeats):"
                                   " left out of events, entities and comparisons"),
            "copy": self._copy_line(),
        }
        position = self.text.verticalScrollBar().value()
        self._replace_document(build_article_document(self._article, self._reading_font(), self.palette(), labels))
        self.text.verticalScrollBar().setValue(position)
        self._mark_hits()
        self._mark_entities()

    def _copy_line(self) -> str:
        """«Identical copy of X, N minutes later» for a text another outlet ran first, else ""."""
        original = self._article.original if self._article is not None else None
        if original is None:
            return ""
        outlet = original.outlet or original.id
        if original.minutes_later is None:
            return self.tr("Identical copy of %1").replace("%1", outlet)
        return self.tr("Identical copy of %1, %n minute(s) later", "", original.minutes_later).replace("%1", outlet)

    def _replace_document(self, new: ArticleDocument | None) -> None:
        """Show ``new`` and free the previous article's document (hours of reading add up)."""
        old = self._doc
        self._doc = new
        self.text.setExtraSelections([])
        if new is not None:
            new.document.setParent(self.text)
            self.text.setDocument(new.document)
        else:
            self.text.clear()
        if old is not None and (new is None or old.document is not new.document):
            if new is None:
                self.text.setDocument(None)
            old.document.deleteLater()

    def _mark_hits(self) -> None:
        from viewer.search.snippets import matches

        if self._doc is None:
            return
        self._hits = self._doc.positions(
            matches(self._doc.title, self._terms), matches(self._doc.body, self._terms)
        )
        self._hit = -1
        self.set_layer(highlights.HITS, self._hits, highlight_format(highlights.HITS, self.palette()))
        self.set_layer(highlights.CURRENT_HIT, [], highlight_format(highlights.CURRENT_HIT, self.palette()))
        self._update_hit_controls()

    # named entities ----------------------------------------------------------
    def set_mentions(self, mentions: list[ArticleMention]) -> None:
        """Highlight the open article's people, organisations and places (``Library.mentions``)."""
        self._mentions = list(mentions)
        self._mark_entities()

    def marks(self) -> EntityMarks:
        return self._marks

    def _mark_entities(self) -> None:
        if self._doc is None:
            return
        self._marks = EntityMarks.place(self._doc, self._mentions)
        shown = set(self.legend.shown_types())
        for kind, key in ENTITY_LAYERS.items():
            self.set_layer(key, self._marks.ranges(kind), entity_format(kind, self.palette()))
            self._layers[key].visible = kind in shown
        self._apply_layers()
        self.legend.set_counts(self._marks.counts())
        self._fit_toolbar()

    def shown_entity_types(self) -> list[str]:
        return self.legend.shown_types()

    def set_shown_entity_types(self, kinds: list[str]) -> None:
        self.legend.set_shown_types(kinds)

    def _entity_type_toggled(self, kind: str, shown: bool) -> None:
        self.set_layer_visible(ENTITY_LAYERS[kind], shown)
        self.entityTypesChanged.emit(self.legend.shown_types())

    def mark_at(self, position: int) -> EntityMark | None:
        """The highlighted mention at a document position (none where its type is hidden)."""
        mark = self._marks.at(position)
        return mark if mark is not None and mark.kind in self.legend.shown_types() else None

    def tooltip_at(self, position: int) -> str:
        mark = self.mark_at(position)
        if mark is None:
            return ""
        return self.tr("%1: %2 — click to filter by it or open it").replace("%1", type_name(mark.kind)).replace(
            "%2", mark.name
        )

    def entity_actions(self, mark: EntityMark, parent: QObject) -> list[QAction]:
        """«Filter by …» and «Open …» for one mention."""
        name = mark.name
        filter_by = QAction(self.tr("Filter by «%1»").replace("%1", name), parent)
        filter_by.setIcon(icon("search"))
        filter_by.triggered.connect(lambda: self.entityFilterRequested.emit(name, mark.kind))
        open_view = QAction(self.tr("Open «%1»").replace("%1", name), parent)
        open_view.triggered.connect(lambda: self.entityOpenRequested.emit(name))
        return [filter_by, open_view]

    def offer_entity(self, mark: EntityMark, where: QPoint, standard: QMenu | None = None) -> QMenu:
        """Pop up the entity's actions at ``where`` (global), above the standard ones if given."""
        menu = standard or QMenu(self)
        first = menu.actions()[0] if menu.actions() else None
        actions = self.entity_actions(mark, menu)
        menu.insertActions(first, actions)  # type: ignore[arg-type]
        if first is not None:
            menu.insertSeparator(first)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.entity_menu = menu
        menu.popup(where)
        return menu

    def next_entity(self) -> None:
        self._step_entity(1)

    def previous_entity(self) -> None:
        self._step_entity(-1)

    def _step_entity(self, step: int) -> None:
        shown = set(self.legend.shown_types())
        visible = EntityMarks([m for m in self._marks.marks if m.kind in shown])
        cursor = self.text.textCursor()
        # From a mention (selected by the last step) go on; from the caret, a mention at it counts.
        start = cursor.selectionStart() if cursor.hasSelection() else cursor.position() - (step > 0)
        mark = visible.next_after(start, step)
        if mark is None:
            return
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(mark.position)
        cursor.setPosition(mark.position + mark.length, QTextCursor.MoveMode.KeepAnchor)
        self.text.setTextCursor(cursor)
        self.text.ensureCursorVisible()
        self.text.setFocus()

    def _mark_under_caret(self) -> EntityMark | None:
        cursor = self.text.textCursor()
        return self.mark_at(cursor.selectionStart() if cursor.hasSelection() else cursor.position())

    def _caret_point(self) -> QPoint:
        return self.text.viewport().mapToGlobal(self.text.cursorRect().bottomLeft())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        viewport = self.text.viewport()
        kind = event.type()
        if watched is viewport and kind == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            tip = self.tooltip_at(self.text.cursorForPosition(event.pos()).position())
            if tip:
                QToolTip.showText(event.globalPos(), tip, viewport)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        if watched is viewport and isinstance(event, QMouseEvent) and event.button() == Qt.MouseButton.LeftButton:
            if kind == QEvent.Type.MouseButtonPress:
                self._press = event.position().toPoint()
            elif kind == QEvent.Type.MouseButtonRelease and self._press is not None:
                moved = (event.position().toPoint() - self._press).manhattanLength()
                self._press = None
                if moved < 4 and not self.text.textCursor().hasSelection():
                    mark = self.mark_at(self.text.cursorForPosition(event.position().toPoint()).position())
                    if mark is not None:
                        self.offer_entity(mark, event.globalPosition().toPoint())
        if isinstance(event, QContextMenuEvent) and watched in (viewport, self.text):
            keyboard = event.reason() == QContextMenuEvent.Reason.Keyboard
            if keyboard:
                mark, where = self._mark_under_caret(), self._caret_point()
            else:
                local = viewport.mapFromGlobal(event.globalPos())
                mark, where = self.mark_at(self.text.cursorForPosition(local).position()), event.globalPos()
            if mark is not None:
                standard = self.text.createStandardContextMenu(viewport.mapFromGlobal(where))
                self.offer_entity(mark, where, standard)
                return True
        enter = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if watched is self.text and kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and (
            event.key() in enter
        ):
            mark = self._mark_under_caret()
            if mark is not None:
                self.offer_entity(mark, self._caret_point())
                return True
        return super().eventFilter(watched, event)

    # layers ------------------------------------------------------------------
    def set_layer(
        self, key: str, ranges: list[tuple[int, int]], char_format: QTextCharFormat, z: int | None = None
    ) -> None:
        """Show ``ranges`` (document position, length) in ``char_format``, replacing the layer ``key``."""
        old = self._layers.get(key)
        self._layers[key] = HighlightLayer(
            key, list(ranges), char_format,
            z if z is not None else highlights.Z_ORDER.get(key, 0),
            old.visible if old is not None else True,
        )
        self._apply_layers()

    def set_layer_visible(self, key: str, visible: bool) -> None:
        if key in self._layers:
            self._layers[key].visible = visible
            self._apply_layers()

    def layers(self) -> dict[str, HighlightLayer]:
        return dict(self._layers)

    def _apply_layers(self) -> None:
        if self._doc is None:
            self.text.setExtraSelections([])
            return
        selections = []
        document = self._doc.document
        end = document.characterCount() - 1
        for layer in sorted(self._layers.values(), key=lambda la: la.z):
            if not layer.visible:
                continue
            for position, length in layer.ranges:
                if position + length > end:  # a layer not yet redone for a new document
                    continue
                selection = QTextEdit.ExtraSelection()
                cursor = QTextCursor(document)
                cursor.setPosition(position)
                cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
                selection.cursor = cursor
                selection.format = layer.char_format
                selections.append(selection)
        self.text.setExtraSelections(selections)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit_toolbar()

    def _fit_toolbar(self) -> None:
        """In a narrow reader, «Open original» keeps its icon, then the legend its counts."""
        self.open_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.legend.set_compact(False)
        room = self.width()
        if self.toolbar.sizeHint().width() > room:
            self.open_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        if self.toolbar.sizeHint().width() > room:
            self.legend.set_compact(True)

    # hits --------------------------------------------------------------------
    def hit_count(self) -> int:
        return len(self._hits)

    def current_hit(self) -> int:
        return self._hit

    def next_hit(self) -> None:
        if self.find_bar.isVisible() and self.find_bar.text():
            self.find_next()
        elif self._hits:
            self._go_to_hit((self._hit + 1) % len(self._hits))

    def previous_hit(self) -> None:
        if self.find_bar.isVisible() and self.find_bar.text():
            self.find_previous()
        elif self._hits:
            self._go_to_hit((self._hit - 1) % len(self._hits))

    def _go_to_hit(self, number: int) -> None:
        self._hit = number
        position, length = self._hits[number]
        fmt = highlight_format(highlights.CURRENT_HIT, self.palette())
        self.set_layer(highlights.CURRENT_HIT, [(position, length)], fmt)
        self._scroll_to(position)
        self._update_hit_controls()

    def _scroll_to(self, position: int) -> None:
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(position)
        self.text.setTextCursor(cursor)
        rect = self.text.cursorRect(cursor)
        bar = self.text.verticalScrollBar()
        bar.setValue(bar.value() + rect.center().y() - self.text.viewport().height() // 2)

    def _update_hit_controls(self) -> None:
        count = len(self._hits)
        has_terms = bool(self._terms)
        for widget in (self.previous_hit_button, self.next_hit_button):
            widget.setEnabled(count > 0)
            widget.setVisible(has_terms)
        if not has_terms:
            self.hits_label.clear()
        elif count == 0:
            self.hits_label.setText(self.tr("No hits in this article"))
        elif self._hit < 0:
            self.hits_label.setText(self.tr("%n hit(s)", "", count))
        else:
            self.hits_label.setText(self.tr("Hit %1 of %2").replace("%1", str(self._hit + 1)).replace("%2", str(count)))

    # find --------------------------------------------------------------------
    def open_find(self) -> None:
        if self._doc is None:
            return
        selected = self.text.textCursor().selectedText()
        self.find_bar.open(selected if selected and "\u2029" not in selected else "")
        self._find(self.find_bar.text())

    def _find(self, needle: str) -> None:
        self._found, self._find_index = [], -1
        pattern = find_pattern(needle)
        if self._doc is not None and pattern is not None:
            plain = self._doc.document.toPlainText()
            spans = [(m.start(), m.end()) for m in pattern.finditer(plain) if m.end() > m.start()]
            self._found = utf16_spans(plain, spans)
        self.set_layer(highlights.FIND, self._found, highlight_format(highlights.FIND, self.palette()))
        self.set_layer(highlights.CURRENT_FIND, [], highlight_format(highlights.CURRENT_FIND, self.palette()))
        if self._found:
            self._go_to_found(0)
        else:
            self.find_bar.set_count(0, 0)

    def find_next(self) -> None:
        if self._found:
            self._go_to_found((self._find_index + 1) % len(self._found))

    def find_previous(self) -> None:
        if self._found:
            self._go_to_found((self._find_index - 1) % len(self._found))

    def _go_to_found(self, number: int) -> None:
        self._find_index = number
        position, length = self._found[number]
        fmt = highlight_format(highlights.CURRENT_FIND, self.palette())
        self.set_layer(highlights.CURRENT_FIND, [(position, length)], fmt)
        self._scroll_to(position)
        self.find_bar.set_count(number, len(self._found))

    def found_count(self) -> int:
        return len(self._found)

    def _find_closed(self) -> None:
        self._found, self._find_index = [], -1
        self._layers.pop(highlights.FIND, None)
        self._layers.pop(highlights.CURRENT_FIND, None)
        self._apply_layers()
        self.text.setFocus()

    # links -------------------------------------------------------------------
    def _link_clicked(self, url: QUrl) -> None:
        if url.scheme().lower() in WEB_SCHEMES:
            self.open_url(url)

    def open_original(self) -> None:
        link = web_url(self._article.url) if self._article is not None else None
        if link:
            self.open_url(QUrl(link))

    def copy_link(self) -> None:
        if self._article is not None and self._article.url:
            QGuiApplication.clipboard().setText(self._article.url)

    # zoom --------------------------------------------------------------------
    @property
    def zoom(self) -> int:
        return self._zoom

    def set_zoom(self, steps: int) -> None:
        steps = max(-5, min(10, steps))
        if steps == self._zoom:
            return
        self._zoom = steps
        if self._article is not None:
            self._build()
        self.zoomChanged.emit(steps)

    def zoom_in(self) -> None:
        self.set_zoom(self._zoom + 1)

    def zoom_out(self) -> None:
        self.set_zoom(self._zoom - 1)

    def zoom_reset(self) -> None:
        self.set_zoom(0)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        # A new palette (light/dark switch) or font: build the document again in its colours.
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange) and self._article is not None:
            self._build()
        super().changeEvent(event)
