"""Who reported first: one line per report, a bar as long as its lag behind the first report.

Drawn simply: the outlet on the left, a track with a dot at the report's time (the first report at
the start, the last at the end), and the lag and the time on the right. Undated reports are
listed last with no dot.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QLocale, QObject, QPointF, QRectF, QSize, Qt, QTime
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from viewer.ui.highlights import secondary_colour

if TYPE_CHECKING:
    from viewer.compare import Comparison
    from viewer.compare.timeline import TimelineEntry

ROW_HEIGHT = 30
PADDING = 16
GAP = 14


class LagText(QObject):
    """Lags in the UI's language (the translation context of the words below)."""

    def text(self, lag: timedelta | None) -> str:
        if lag is None:
            return self.tr("no date")
        minutes = int(lag.total_seconds() // 60)
        if minutes <= 0:
            return self.tr("first")
        days, rest = divmod(minutes, 24 * 60)
        hours, minutes = divmod(rest, 60)
        parts = [
            self.tr("%1 d").replace("%1", str(days)) if days else "",
            self.tr("%1 h").replace("%1", str(hours)) if hours else "",
            self.tr("%1 min").replace("%1", str(minutes)) if minutes else "",
        ]
        return "+" + " ".join(part for part in parts if part)


    def copy(self, lag: str, outlet: str) -> str:
        return self.tr("%1 · identical copy of %2").replace("%1", lag).replace("%2", outlet)


def lag_text(lag: timedelta | None) -> str:
    """«first», «+4 h 21 min», «+2 d 3 h» («первым», «+4 ч 21 мин»), «no date»."""
    return LagText().text(lag)


def entry_lag_text(comparison: Comparison, entry: TimelineEntry) -> str:
    """The lag, and for a word-for-word repost whose copy it is: «+12 min · identical copy of РИА Новости»."""
    lag = lag_text(entry.lag)
    if entry.copy_of is None:
        return lag
    original = comparison.reports[entry.copy_of]
    return LagText().copy(lag, original.outlet or original.title)


def moment_text(comparison: Comparison, report: int) -> str:
    """The report's date and, when the source gave one, its time, in the locale's short form."""
    published = comparison.reports[report].published
    if published is None:
        return ""
    locale = QLocale()
    day = locale.toString(QDate(published.year, published.month, published.day), QLocale.FormatType.ShortFormat)
    if (published.hour, published.minute) == (0, 0) and not any(
        entry.published is not None and (entry.published.hour, entry.published.minute) != (0, 0)
        for entry in comparison.timeline
    ):
        return day
    clock = locale.toString(QTime(published.hour, published.minute), QLocale.FormatType.ShortFormat)
    return f"{day} {clock}"


@dataclass(frozen=True)
class TimelineRow:
    report: int
    outlet: str
    moment: str
    lag: str
    share: float | None  # 0 for the first report, 1 for the last; None when undated
    first: bool


def timeline_rows(comparison: Comparison) -> list[TimelineRow]:
    span = max((entry.lag for entry in comparison.timeline if entry.lag is not None), default=timedelta(0))
    rows = []
    for entry in comparison.timeline:
        outlet = " ".join((comparison.reports[entry.report].outlet or comparison.reports[entry.report].id).split())
        share = None
        if entry.lag is not None:
            share = entry.lag / span if span > timedelta(0) else 0.0
        rows.append(
            TimelineRow(entry.report, outlet, moment_text(comparison, entry.report),
                        entry_lag_text(comparison, entry), share, entry.first)
        )  # fmt: skip
    return rows


class TimelineView(QWidget):
    def __init__(self, comparison: Comparison, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CompareTimeline")
        self.rows = timeline_rows(comparison)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumHeight(PADDING * 2 + ROW_HEIGHT * len(self.rows))
        self.setAccessibleName(self.tr("Timeline"))
        self.setAccessibleDescription("\n".join(f"{row.outlet}: {row.lag}, {row.moment}" for row in self.rows))

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(600, PADDING * 2 + ROW_HEIGHT * len(self.rows))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        palette = self.palette()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont(self.font())
        bold = QFont(font)
        bold.setWeight(QFont.Weight.DemiBold)
        metrics, bold_metrics = QFontMetricsF(font), QFontMetricsF(bold)
        left_width = min(self.width() * 0.25, max((bold_metrics.horizontalAdvance(r.outlet) for r in self.rows),
                                                  default=0.0))  # fmt: skip
        right_width = max((metrics.horizontalAdvance(f"{row.lag}    {row.moment}") for row in self.rows), default=0.0)
        track_left = PADDING + left_width + GAP
        track_right = max(track_left + 40, self.width() - PADDING - right_width - GAP)
        ink = palette.color(QPalette.ColorRole.Text)
        muted = secondary_colour(palette)
        track = palette.color(QPalette.ColorRole.Mid)
        dot = palette.color(QPalette.ColorRole.Highlight)
        bar = QColor(dot)
        bar.setAlpha(110)
        for number, row in enumerate(self.rows):
            top = PADDING + number * ROW_HEIGHT
            middle = top + ROW_HEIGHT / 2
            baseline = middle + (metrics.ascent() - metrics.descent()) / 2
            painter.setFont(bold)
            painter.setPen(ink)
            painter.drawText(
                QPointF(PADDING, baseline), bold_metrics.elidedText(row.outlet, Qt.TextElideMode.ElideRight, left_width)
            )
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(track)
            painter.drawRect(QRectF(track_left, middle - 0.5, track_right - track_left, 1))
            if row.share is not None:
                x = track_left + (track_right - track_left) * row.share
                painter.setBrush(bar)
                painter.drawRoundedRect(QRectF(track_left, middle - 3, x - track_left, 6), 3, 3)
                painter.setBrush(dot)
                painter.drawEllipse(QPointF(x, middle), 5, 5)
            painter.setFont(bold if row.first else font)
            painter.setPen(ink if row.share is not None else muted)
            x_text = track_right + GAP
            painter.drawText(QPointF(x_text, baseline), row.lag)
            painter.setFont(font)
            painter.setPen(muted)
            lag_width = (bold_metrics if row.first else metrics).horizontalAdvance(row.lag)
            painter.drawText(QPointF(x_text + lag_width + metrics.horizontalAdvance("    "), baseline), row.moment)
        painter.end()
