"""Articles by month, as bars, with a span of months chosen by dragging or with the keyboard.

The counts are the core's ``month`` facet, which follows the query and the other filters
but not the chosen span (so the months around it stay in sight). A run of a year or more
without articles is drawn as a narrow break instead of empty months, so an archive with
a few old articles and many recent ones still gives the recent months room.

Keys: Left/Right (Home/End) move between months, Shift with them widens the span, Space
or Enter chooses the month alone, Escape or Delete clears the span.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QToolTip, QWidget

from viewer.ui.formatting import articles, month_label
from viewer.ui.highlights import secondary_colour

GAP_MONTHS = 12  # empty months in a row drawn as one break
_GAP_WIDTH = 10.0
_BAR_WIDTH = 22.0
_LABEL_GAP = 6


def month_number(month: str) -> int | None:
    """«2019-11» as a count of months (year × 12 + month − 1); None for anything else."""
    year, sep, number = month.partition("-")
    if not sep or not (year.isdigit() and number.isdigit() and len(year) == 4) or not 1 <= int(number) <= 12:
        return None
    return int(year) * 12 + int(number) - 1


def month_text(number: int) -> str:
    return f"{number // 12:04d}-{number % 12 + 1:02d}"


def _mix(a: QColor, b: QColor, weight: float) -> QColor:
    """``weight`` of ``a`` over ``b``."""
    return QColor(
        round(a.red() * weight + b.red() * (1 - weight)),
        round(a.green() * weight + b.green() * (1 - weight)),
        round(a.blue() * weight + b.blue() * (1 - weight)),
    )


@dataclass(frozen=True)
class Slot:
    """One bar (a month), or one break standing for months without articles."""

    first: int  # month numbers, both included
    last: int
    count: int

    @property
    def gap(self) -> bool:
        return self.last > self.first


def build_slots(counts: Mapping[int, int]) -> list[Slot]:
    """Bars from the first month with articles to the last, long empty runs as breaks."""
    if not counts:
        return []
    slots: list[Slot] = []
    month, end = min(counts), max(counts)
    while month <= end:
        if counts.get(month, 0) > 0:
            slots.append(Slot(month, month, counts[month]))
            month += 1
            continue
        run_end = month
        while run_end + 1 <= end and counts.get(run_end + 1, 0) <= 0:
            run_end += 1
        if run_end - month + 1 >= GAP_MONTHS:
            slots.append(Slot(month, run_end, 0))
        else:
            slots.extend(Slot(m, m, 0) for m in range(month, run_end + 1))
        month = run_end + 1
    return slots


class DateHistogram(QWidget):
    spanChanged = Signal()  # the user chose or cleared a span

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("DateHistogram")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setMinimumHeight(64)
        self.setAccessibleName(self.tr("Articles by month"))
        self._counts: dict[int, int] = {}
        self._slots: list[Slot] = []
        self._span: tuple[int | None, int | None] | None = None  # month numbers; None: open end
        self._anchor: int | None = None  # the slot a drag or a Shift+arrow started at
        self._cursor: int | None = None  # the slot the keyboard is on
        self._hover: int | None = None
        self._before_drag: tuple[int | None, int | None] | None = None
        self._dragging = False

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(200, 84)

    # data --------------------------------------------------------------------
    def set_counts(self, months: Mapping[str, int]) -> None:
        """Articles per «YYYY-MM» month (``SearchResult.facets["month"]``)."""
        counts: dict[int, int] = {}
        for month, count in months.items():
            number = month_number(month)
            if number is not None and count > 0:
                counts[number] = count
        if counts == self._counts:
            return
        self._counts = counts
        self._rebuild()

    def _rebuild(self) -> None:
        counts = dict(self._counts)
        for end in self._span or ():
            if end is not None:
                counts.setdefault(end, 0)  # the chosen span stays in sight
        cursor_month = self._slots[self._cursor].first if self._cursor is not None and self._slots else None
        self._slots = build_slots(counts)
        self._cursor = self._slot_of_month(cursor_month) if cursor_month is not None else None
        self._anchor = self._hover = None
        self.update()

    def slots(self) -> list[Slot]:
        return list(self._slots)

    def _slot_of_month(self, month: int) -> int | None:
        for n, slot in enumerate(self._slots):
            if slot.first <= month <= slot.last:
                return n
        return None

    # the span ----------------------------------------------------------------
    def span(self) -> tuple[str | None, str | None] | None:
        """(first month, last month) chosen, «YYYY-MM», None for an open end; None: no span."""
        if self._span is None:
            return None
        start, end = self._span
        return (month_text(start) if start is not None else None, month_text(end) if end is not None else None)

    def set_span(self, start: str | None, end: str | None, notify: bool = False) -> None:
        """Choose the months from ``start`` to ``end`` (either may be None: open)."""
        first = month_number(start) if start else None
        last = month_number(end) if end else None
        span = None if first is None and last is None else (first, last)
        if span is not None and first is not None and last is not None and first > last:
            span = (last, first)
        self._set(span, notify)
        self._rebuild()

    def clear_span(self, notify: bool = True) -> None:
        self._set(None, notify)
        self._rebuild()

    def _set(self, span: tuple[int | None, int | None] | None, notify: bool) -> None:
        changed = span != self._span
        self._span = span
        self._describe()
        self.update()
        if changed and notify:
            self.spanChanged.emit()

    def _span_of_slots(self, a: int, b: int) -> tuple[int, int]:
        low, high = min(a, b), max(a, b)
        return self._slots[low].first, self._slots[high].last

    def _far_end(self, n: int) -> int:
        """The slot at the end of the span away from slot ``n`` (to widen the span from)."""
        assert self._span is not None
        start, end = self._span
        first = self._slot_of_month(start) if start is not None else 0
        last = self._slot_of_month(end) if end is not None else len(self._slots) - 1
        first, last = first if first is not None else 0, last if last is not None else len(self._slots) - 1
        return first if n >= first else last

    def _in_span(self, slot: Slot) -> bool:
        if self._span is None:
            return False
        start, end = self._span
        return (start is None or slot.last >= start) and (end is None or slot.first <= end)

    def _describe(self) -> None:
        span = self.span()
        self.setAccessibleDescription(self.tr("Chosen: %1").replace("%1", span_label(span)) if span else "")

    # geometry ----------------------------------------------------------------
    def _small_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.85))
        return font

    def _plot(self) -> QRectF:
        label = QFontMetrics(self._small_font()).height()
        return QRectF(3, 4, max(1, self.width() - 6), max(1, self.height() - 4 - label - 4))

    def _xs(self) -> list[tuple[float, float]]:
        """(left, width) of every slot."""
        plot = self._plot()
        gaps = sum(1 for s in self._slots if s.gap)
        months = len(self._slots) - gaps
        gap_width = min(_GAP_WIDTH, plot.width() / max(1, len(self._slots)) * 2) if gaps else 0.0
        unit = (plot.width() - gaps * gap_width) / max(1, months)
        xs, x = [], plot.left()
        for slot in self._slots:
            width = gap_width if slot.gap else unit
            xs.append((x, width))
            x += width
        return xs

    def slot_at(self, x: float) -> int | None:
        if not self._slots:
            return None
        xs = self._xs()
        if x < xs[0][0]:
            return 0
        for n, (left, width) in enumerate(xs):
            if x < left + width:
                return n
        return len(xs) - 1

    def slot_centre(self, n: int) -> QPointF:
        left, width = self._xs()[n]
        return QPointF(left + width / 2, self._plot().center().y())

    # painting ----------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        palette = self.palette()
        plot = self._plot()
        quiet = secondary_colour(palette)
        if not self._slots:
            painter.setPen(quiet)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No dated articles"))
            return
        accent = palette.color(QPalette.ColorRole.Highlight)
        base = palette.color(QPalette.ColorRole.Base)
        window = palette.color(QPalette.ColorRole.Window)
        chosen_bar = accent
        other_bar = _mix(accent, window, 0.35 if self._span else 0.7)
        band = QColor(accent)
        band.setAlpha(40)
        tallest = max(s.count for s in self._slots) or 1
        xs = self._xs()
        for n, (slot, (left, width)) in enumerate(zip(self._slots, xs, strict=True)):
            inside = self._in_span(slot)
            if inside:
                painter.fillRect(QRectF(left, plot.top(), width, plot.height()), band)
            if slot.gap:
                self._paint_break(painter, left, width, plot, quiet)
                continue
            if slot.count > 0:
                height = max(2.0, plot.height() * slot.count / tallest)
                # Bars a little apart while there is room, and never wider than _BAR_WIDTH.
                bar = min(_BAR_WIDTH, width * 0.8 if width >= 5 else width)
                colour = chosen_bar if inside else other_bar
                if n == self._hover and not self._dragging:
                    colour = _mix(colour, palette.color(QPalette.ColorRole.Text), 0.8)
                painter.fillRect(QRectF(left + (width - bar) / 2, plot.bottom() - height, bar, height), colour)
        painter.setPen(QPen(_mix(quiet, base, 0.6), 1))
        painter.drawLine(QPointF(plot.left(), plot.bottom() + 0.5), QPointF(plot.right(), plot.bottom() + 0.5))
        self._paint_years(painter, xs, plot, quiet)
        if self.hasFocus() and self._cursor is not None and self._cursor < len(xs):
            left, width = xs[self._cursor]
            pen = QPen(palette.color(QPalette.ColorRole.Text), 1, Qt.PenStyle.DotLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(left, plot.top(), max(1.0, width - 1), plot.height()))

    def _paint_break(self, painter: QPainter, left: float, width: float, plot: QRectF, colour: QColor) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(colour, 1.2))
        y = plot.bottom() - 3
        for dx in (width * 0.3, width * 0.65):
            painter.drawLine(QPointF(left + dx - 1.5, y + 3), QPointF(left + dx + 1.5, y - 4))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)

    def _paint_years(self, painter: QPainter, xs: list[tuple[float, float]], plot: QRectF, colour: QColor) -> None:
        """Each year's number under its bars, where there is room for it."""
        painter.setFont(self._small_font())
        painter.setPen(colour)
        metrics = painter.fontMetrics()
        years: dict[int, tuple[float, float]] = {}  # year -> (left of its first bar, right of its last)
        for slot, (left, width) in zip(self._slots, xs, strict=True):
            if not slot.gap:
                start, _ = years.get(slot.first // 12, (left, 0.0))
                years[slot.first // 12] = (start, left + width)
        free_from = -1e9
        top = plot.bottom() + 3
        for year, (left, right) in years.items():
            text = str(year)
            width = metrics.horizontalAdvance(text)
            x = min(max(left, free_from), self.width() - width - 1)
            if x < free_from or x > right:
                continue  # no room under its own bars
            painter.drawText(QRectF(x, top, width + 1, metrics.height()), Qt.AlignmentFlag.AlignLeft, text)
            free_from = x + width + _LABEL_GAP

    # tooltips ----------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            n = self.slot_at(event.position().x()) if self._slots else None
            if n is None:
                QToolTip.hideText()
                event.ignore()
            else:
                QToolTip.showText(event.globalPos(), self.slot_text(n), self)
            return True
        return super().event(event)

    def slot_text(self, n: int) -> str:
        slot = self._slots[n]
        if slot.gap:
            return (
                self.tr("%1 – %2: no articles")
                .replace("%1", month_label(month_text(slot.first)))
                .replace("%2", month_label(month_text(slot.last)))
            )
        return f"{month_label(month_text(slot.first))}: {articles(slot.count)}"

    # mouse -------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        n = self.slot_at(event.position().x())
        if event.button() != Qt.MouseButton.LeftButton or n is None:
            super().mousePressEvent(event)
            return
        self._before_drag = self._span
        self._dragging = True
        self._anchor = self._cursor = n
        self._set(self._span_of_slots(n, n), notify=False)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        n = self.slot_at(event.position().x())
        if self._dragging and self._anchor is not None and n is not None:
            self._cursor = n
            self._set(self._span_of_slots(self._anchor, n), notify=False)
        elif n != self._hover:
            self._hover = n
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if not self._dragging or event.button() != Qt.MouseButton.LeftButton:
            super().mouseReleaseEvent(event)
            return
        self._dragging = False
        before = self._before_drag
        if self._span == before and self._anchor == self._cursor:
            self._set(None, notify=False)  # a click on the month that alone was chosen: unchoose it
        if self._span != before:
            self.spanChanged.emit()

    def leaveEvent(self, event: QEvent) -> None:  # noqa: N802
        self._hover = None
        self.update()
        super().leaveEvent(event)

    # keyboard ----------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if not self._slots:
            super().keyPressEvent(event)
            return
        key = event.key()
        last = len(self._slots) - 1
        current = self._cursor if self._cursor is not None else (last if key == Qt.Key.Key_Left else 0)
        moves = {Qt.Key.Key_Left: current - 1, Qt.Key.Key_Right: current + 1, Qt.Key.Key_Home: 0, Qt.Key.Key_End: last}
        if key in moves:
            target = max(0, min(last, moves[key])) if self._cursor is not None else current
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                if self._span is None:
                    self._anchor = current
                elif self._anchor is None:
                    self._anchor = self._far_end(current)
                self._cursor = target
                self._set(self._span_of_slots(self._anchor, target), notify=True)
            else:
                self._cursor = target
                self._anchor = None
                self.update()
            return
        if key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Select):
            self._cursor = current
            alone = self._span_of_slots(current, current)
            self._anchor = current
            self._set(None if self._span == alone else alone, notify=True)
            return
        if key in (Qt.Key.Key_Escape, Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self._span is not None:
            self._anchor = None
            self.clear_span()
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        if self._cursor is None and self._slots:
            self._cursor = len(self._slots) - 1
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        self.update()
        super().focusOutEvent(event)


def span_label(span: tuple[str | None, str | None]) -> str:
    """«Ноябрь 2019 – Декабрь 2020», «Ноябрь 2019» for one month, «…» for an open end."""
    start, end = span
    if start is not None and start == end:
        return month_label(start)
    return f"{month_label(start) if start else '…'} – {month_label(end) if end else '…'}"
