"""Paints one search result: title, outlet · date · author, and the snippet with hits in bold.

Everything is drawn as plain text (QTextLayout with character formats): an article's
words are never read as markup, whatever angle brackets they hold.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPalette, QTextCharFormat, QTextLayout, QTextOption
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from viewer.ui.formatting import short_date
from viewer.ui.highlights import secondary_colour
from viewer.ui.results_model import ResultRow, ResultsModel
from viewer.ui.text_offsets import code_point_mapper, utf16_spans

PADDING_X = 12
PADDING_Y = 9
SNIPPET_LINES = 3
ELLIPSIS = "…"

Index = QModelIndex | QPersistentModelIndex


def one_line(text: str) -> str:
    return " ".join(text.split())


def meta_line(row: ResultRow) -> str:
    parts = [row.outlet or "", short_date(row.published), row.author or ""]
    return "  ·  ".join(one_line(p) for p in parts if p)


class ResultDelegate(QStyledItemDelegate):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)

    # fonts -------------------------------------------------------------------
    @staticmethod
    def _fonts(base: QFont) -> tuple[QFont, QFont, QFont]:
        title = QFont(base)
        title.setWeight(QFont.Weight.DemiBold)
        title.setPointSizeF(base.pointSizeF() * 1.06)
        meta = QFont(base)
        meta.setPointSizeF(base.pointSizeF() * 0.92)
        return title, meta, QFont(base)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        title, meta, body = (QFontMetricsF(f) for f in self._fonts(option.font))
        height = PADDING_Y * 2 + title.lineSpacing() + 3 + meta.lineSpacing() + 5 + body.lineSpacing() * SNIPPET_LINES
        return QSize(max(200, option.rect.width()), round(height))

    # painting ----------------------------------------------------------------
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        row = index.data(ResultsModel.RowRole)
        style_option = QStyleOptionViewItem(option)
        self.initStyleOption(style_option, index)
        style_option.text = ""
        widget = option.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, style_option, painter, widget)
        if not isinstance(row, ResultRow):
            return

        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = QPalette(option.palette)
        if not option.state & QStyle.StateFlag.State_Active:
            palette.setCurrentColorGroup(QPalette.ColorGroup.Inactive)
        ink = palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        muted = secondary_colour(palette, selected)
        title_font, meta_font, body_font = self._fonts(option.font)

        painter.save()
        painter.setClipRect(option.rect)
        rect = QRectF(option.rect).adjusted(PADDING_X, PADDING_Y, -PADDING_X, -PADDING_Y)
        y = rect.top()

        metrics = QFontMetricsF(title_font)
        painter.setFont(title_font)
        painter.setPen(ink)
        title = one_line(row.title) or self.tr("(untitled)")
        painter.drawText(
            QPointF(rect.left(), y + metrics.ascent()),
            metrics.elidedText(title, Qt.TextElideMode.ElideRight, rect.width()),
        )
        y += metrics.lineSpacing() + 3

        metrics = QFontMetricsF(meta_font)
        painter.setFont(meta_font)
        painter.setPen(muted)
        painter.drawText(
            QPointF(rect.left(), y + metrics.ascent()),
            metrics.elidedText(
                meta_line(row) or self.tr("No outlet or date"), Qt.TextElideMode.ElideRight, rect.width()
            ),
        )
        y += metrics.lineSpacing() + 5

        painter.setPen(ink)
        draw_snippet(painter, row.snippet, row.spans, body_font, QPointF(rect.left(), y), rect.width(), SNIPPET_LINES)

        if not selected:
            line = palette.color(QPalette.ColorRole.Mid)
            line.setAlpha(90)
            painter.setPen(line)
            bottom = option.rect.bottom()
            painter.drawLine(option.rect.left() + PADDING_X, bottom, option.rect.right() - PADDING_X, bottom)
        painter.restore()


def _layout(text: str, spans: list[tuple[int, int]], font: QFont) -> QTextLayout:
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    bold = QTextCharFormat()
    bold.setFontWeight(QFont.Weight.Bold)
    ranges = []
    for start, length in spans:
        fr = QTextLayout.FormatRange()
        fr.start, fr.length, fr.format = start, length, bold
        ranges.append(fr)
    layout.setFormats(ranges)
    return layout


def draw_snippet(
    painter: QPainter,
    text: str,
    spans: tuple[tuple[int, int], ...],
    font: QFont,
    origin: QPointF,
    width: float,
    max_lines: int,
) -> None:
    """Wrap ``text`` into at most ``max_lines`` lines, ``spans`` in bold, the last line elided."""
    text = text.replace("\n", " ")
    spans16 = utf16_spans(text, spans)
    layout = _layout(text, spans16, font)
    layout.beginLayout()
    lines = []
    y = 0.0
    while len(lines) <= max_lines:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        line.setPosition(QPointF(0, y))
        y += line.height()
        lines.append(line)
    layout.endLayout()
    if len(lines) <= max_lines:
        layout.draw(painter, origin)
        return
    # Draw all but the last line, then the rest of the text as one elided line.
    last = lines[max_lines - 1]
    for line in lines[: max_lines - 1]:
        line.draw(painter, origin)
    to_code_points = code_point_mapper(text)
    start = to_code_points(last.textStart())
    rest = text[start:]
    shifted = [(s - start, e - start) for s, e in spans if e > start]
    shifted = [(max(0, s), e) for s, e in shifted]
    ellipsis_width = QFontMetricsF(font).horizontalAdvance(ELLIPSIS)
    tail = _layout(rest, utf16_spans(rest, shifted), font)
    tail.beginLayout()
    line = tail.createLine()
    line.setLineWidth(max(1.0, width - ellipsis_width))
    line.setPosition(QPointF(0, last.position().y()))
    tail.endLayout()
    tail.draw(painter, origin)
    painter.setFont(font)
    painter.drawText(
        QPointF(origin.x() + line.naturalTextWidth(), origin.y() + last.position().y() + line.ascent()),
        ELLIPSIS,
    )
