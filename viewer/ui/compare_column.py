"""One report of a comparison: its header (outlet, time, author, title) and its text, marked by alignment.

The body goes into the document as plain text (``insertText``): nothing in an article is read as
markup. Each sentence is tinted by its strongest counterpart (``compare_legend``), figures that
another report gives differently are underlined in red, and the chosen passage is drawn over all
that as an extra selection. The column answers where things are: the document y of a body
offset, the sentence under a y, so that ``ScrollSync`` can keep the columns in step.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont, QPalette, QTextBlockFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QTextBrowser, QTextEdit, QToolButton, QVBoxLayout, QWidget

from viewer.ui.compare_legend import DIFFERS, mark_of, selection_format, text_format
from viewer.ui.formatting import long_date
from viewer.ui.icons import icon
from viewer.ui.reader_document import _shrink_blank_lines
from viewer.ui.text_offsets import code_point_mapper, utf16_mapper

if TYPE_CHECKING:
    from viewer.compare import Comparison

LINE_HEIGHT = 140  # percent
MARGIN = 14
REVEAL_AT = 0.3  # a place jumped to is shown this far down the column


class ReportColumn(QFrame):
    """The column of report ``position`` of ``comparison``."""

    sentenceChosen = Signal(int, int)  # report position, sentence index
    removeRequested = Signal(str)  # report id
    relaidOut = Signal()  # the text's layout changed: positions must be measured again

    def __init__(
        self,
        comparison: Comparison,
        position: int,
        author: str | None,
        lag: str,
        removable: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("CompareColumn")
        self.comparison = comparison
        self.position = position
        self.report = comparison.reports[position]
        self.sentences = comparison.sentences[position]
        self._starts = [sentence.start for sentence in self.sentences]
        self._to16 = utf16_mapper(self.report.body)
        self._from16 = code_point_mapper(self.report.body)
        self._choosing = False

        self.outlet_label = QLabel(" ".join((self.report.outlet or self.tr("Unknown outlet")).split()))
        self.outlet_label.setObjectName("PanelTitle")
        self.lag_label = QLabel(lag)
        self.lag_label.setObjectName("CompareLag")
        published = self.report.published.isoformat() if self.report.published else None
        meta = [long_date(published) or self.tr("No date"), " ".join((author or "").split())]
        self.meta_label = QLabel("  ·  ".join(part for part in meta if part))
        self.meta_label.setObjectName("Secondary")
        self.title_label = QLabel(" ".join(self.report.title.split()) or self.tr("(untitled)"))
        self.title_label.setObjectName("CompareTitle")
        self.title_label.setWordWrap(True)
        for label in (self.outlet_label, self.meta_label, self.title_label):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.remove_button: QToolButton | None = None

        top = QHBoxLayout()
        top.setSpacing(8)
        top.addWidget(self.outlet_label)
        top.addWidget(self.lag_label)
        top.addStretch(1)
        if removable:
            self.remove_button = QToolButton()
            self.remove_button.setIcon(icon("close"))
            self.remove_button.setText(self.tr("Remove from event"))
            self.remove_button.setToolTip(self.tr("Take this report out of the event; it becomes an event of its own"))
            self.remove_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            self.remove_button.setAutoRaise(True)
            self.remove_button.clicked.connect(lambda: self.removeRequested.emit(self.report.id))
            top.addWidget(self.remove_button)
        header = QWidget()
        header.setObjectName("CompareColumnHeader")
        header_layout = QVBoxLayout(header)
        header_layout.setContentsMargins(MARGIN, 8, 6, 8)
        header_layout.setSpacing(3)
        header_layout.addLayout(top)
        header_layout.addWidget(self.meta_label)
        header_layout.addWidget(self.title_label)

        self.text = QTextBrowser()
        self.text.setObjectName("CompareText")
        self.text.setFrameShape(QFrame.Shape.NoFrame)
        self.text.setOpenLinks(False)
        self.text.setAcceptDrops(False)
        self.text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.text.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.text.cursorPositionChanged.connect(self._cursor_moved)
        self.text.setAccessibleName(self.outlet_label.text())

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(header)
        layout.addWidget(self.text, 1)
        self._selection: list[tuple[int, int]] = []
        self._document: QTextDocument | None = None
        self._build()

    # the document --------------------------------------------------------------
    def _build(self) -> None:
        palette = self.palette()
        document = QTextDocument(self)
        document.setDocumentMargin(MARGIN)
        document.setUndoRedoEnabled(False)
        font = QFont(self.font())
        document.setDefaultFont(font)
        cursor = QTextCursor(document)
        block = QTextBlockFormat()
        block.setBottomMargin(7)
        block.setLineHeight(LINE_HEIGHT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        cursor.setBlockFormat(block)
        cursor.insertText(self.report.body)  # plain text: each "\n" a paragraph, one position as in the body
        _shrink_blank_lines(document, 0, cursor.position())
        for sentence in self.sentences:
            mark = mark_of(self.comparison.sentence_kind(self.position, sentence.index))
            self._format(document, sentence.start, sentence.stop, mark, palette)
        for start, stop in self.differing_figures():
            self._format(document, start, stop, DIFFERS, palette)
        old, self._document = self._document, document
        self.text.setDocument(document)
        if old is not None:
            old.deleteLater()
        document.documentLayout().documentSizeChanged.connect(lambda _size: self.relaidOut.emit())
        self._apply_selection()
        self.relaidOut.emit()

    def _format(self, document: QTextDocument, start: int, stop: int, mark: str, palette: QPalette) -> None:
        fmt = text_format(mark, palette)
        if not fmt.properties():
            return
        cursor = QTextCursor(document)
        cursor.setPosition(self._to16(start))
        cursor.setPosition(self._to16(stop), QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(fmt)

    def differing_figures(self) -> list[tuple[int, int]]:
        """Body spans of this report's figures that some discrepancy names."""
        return [
            (place.start, place.stop)
            for item in self.comparison.discrepancies
            if item.kind != "speaker"
            for place in (item.a, item.b)
            if place.report == self.position
        ]

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # light/dark switch: tints of the new palette
            position = self.text.verticalScrollBar().value()
            self._build()
            self.text.verticalScrollBar().setValue(position)

    # where things are ----------------------------------------------------------------
    def sentence_at_offset(self, offset: int) -> int:
        """Index of the sentence holding body ``offset`` (or the one before it); -1 before the first."""
        return bisect_right(self._starts, offset) - 1

    def y_of(self, offset: int) -> float:
        """Document y of the top of the line holding body ``offset``."""
        document = self.text.document()
        position = self._to16(max(0, min(offset, len(self.report.body))))
        block = document.findBlock(position)
        if not block.isValid():
            return 0.0
        top = document.documentLayout().blockBoundingRect(block).top()
        layout = block.layout()
        line = layout.lineForTextPosition(position - block.position()) if layout is not None else None
        return top + (line.y() if line is not None and line.isValid() else 0.0)

    def sentence_y(self, index: int) -> float:
        return self.y_of(self.sentences[index].start)

    def sentence_at_y(self, y: float) -> int:
        """The sentence whose text is at document ``y`` (the last one starting above it)."""
        found = -1
        low, high = 0, len(self.sentences) - 1
        while low <= high:  # sentence tops increase with the index
            middle = (low + high) // 2
            if self.sentence_y(middle) <= y + 1:
                found, low = middle, middle + 1
            else:
                high = middle - 1
        return max(found, 0) if self.sentences else -1

    def top(self) -> int:
        return self.text.verticalScrollBar().value()

    def set_top(self, y: float) -> None:
        self.text.verticalScrollBar().setValue(round(y))

    def content_height(self) -> float:
        return self.text.document().size().height()

    def view_height(self) -> int:
        return self.text.viewport().height()

    def reveal(self, start: int, at: float = REVEAL_AT) -> None:
        """Scroll so that the line of body offset ``start`` sits ``at`` of the way down the view."""
        self.set_top(self.y_of(start) - self.view_height() * at)

    def top_sentence(self) -> int:
        """The sentence at the top of the view."""
        return self.sentence_at_y(self.top())

    # the chosen passage --------------------------------------------------------------
    def set_selection(self, spans: Iterable[tuple[int, int]]) -> None:
        """Draw ``spans`` (body offsets) as chosen; an empty list clears."""
        self._selection = list(spans)
        self._apply_selection()

    def selection(self) -> list[tuple[int, int]]:
        return list(self._selection)

    def _apply_selection(self) -> None:
        fmt = selection_format(self.palette())
        selections = []
        for start, stop in self._selection:
            cursor = QTextCursor(self.text.document())
            cursor.setPosition(self._to16(start))
            cursor.setPosition(self._to16(stop), QTextCursor.MoveMode.KeepAnchor)
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor  # type: ignore[attr-defined]
            selection.format = fmt  # type: ignore[attr-defined]
            selections.append(selection)
        self.text.setExtraSelections(selections)

    def _cursor_moved(self) -> None:
        if self._choosing:
            return
        cursor = self.text.textCursor()
        offset = self._from16(cursor.position())
        index = self.sentence_at_offset(offset)
        if index >= 0 and offset <= self.sentences[index].stop:
            self.sentenceChosen.emit(self.position, index)

    def place_cursor(self, offset: int) -> None:
        """Put the text cursor at body ``offset`` without choosing a passage."""
        self._choosing = True
        try:
            cursor = QTextCursor(self.text.document())
            cursor.setPosition(self._to16(offset))
            self.text.setTextCursor(cursor)
        finally:
            self._choosing = False
