"""How the comparison window marks text: a tint per alignment kind, and the legend that explains them.

The core classes each sentence ``identical``, ``near``, ``paraphrase`` or ``unique``. A reader
needs three of them: the same wording (identical or near: a press release, a reprint), the same
statement in other words, and what only this report says. Shared text is green and paraphrase
amber, as in the HTML export; text only one report has stays on plain paper, so the eye goes
to what the reports have in common and to figures that differ (red). Tints are light behind
dark ink on a light palette and deep behind the palette's own light ink on a dark one.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QTextCharFormat
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from viewer.ui.highlights import is_dark

SHARED = "shared"
PARAPHRASE = "paraphrase"
UNIQUE = "unique"
DIFFERS = "differs"
SELECTED = "selected"
MARKS = (SHARED, PARAPHRASE, UNIQUE, DIFFERS)

_GROUP = {"identical": SHARED, "near": SHARED, "paraphrase": PARAPHRASE, "unique": UNIQUE}
_TINTS = {
    # mark: (background on a light palette, on a dark palette); None: the paper itself
    SHARED: ("#dff0e4", "#1f3b2a"),
    PARAPHRASE: ("#fbefd5", "#45371a"),
    UNIQUE: (None, None),
    DIFFERS: ("#fbdcd8", "#5a2624"),
}
_DIFF_INK = ("#a3231b", "#ffb4ab")
_LIGHT_INK = QColor("#1f2328")


def mark_of(kind: str) -> str:
    """The mark for one of the core's alignment kinds."""
    return _GROUP.get(kind, UNIQUE)


def tint(mark: str, palette: QPalette) -> QColor | None:
    light, dark = _TINTS[mark]
    chosen = dark if is_dark(palette) else light
    return QColor(chosen) if chosen else None


def text_format(mark: str, palette: QPalette) -> QTextCharFormat:
    """The character format of text with ``mark``: its tint and an ink that reads on it."""
    fmt = QTextCharFormat()
    colour = tint(mark, palette)
    if colour is not None:
        fmt.setBackground(colour)
        fmt.setForeground(palette.color(QPalette.ColorRole.Text) if is_dark(palette) else _LIGHT_INK)
    if mark == DIFFERS:
        fmt.setForeground(QColor(_DIFF_INK[is_dark(palette)]))
        fmt.setFontUnderline(True)
    return fmt


def selection_format(palette: QPalette) -> QTextCharFormat:
    """The chosen passage and its counterparts: the palette's highlight, softened to read through."""
    base = palette.color(QPalette.ColorRole.Base)
    high = palette.color(QPalette.ColorRole.Highlight)
    share = 0.38
    colour = QColor(
        round(high.red() * share + base.red() * (1 - share)),
        round(high.green() * share + base.green() * (1 - share)),
        round(high.blue() * share + base.blue() * (1 - share)),
    )
    fmt = QTextCharFormat()
    fmt.setBackground(colour)  # the ink stays: a differing figure keeps its red
    return fmt


class Swatch(QWidget):
    """A small box in a mark's colours, painted from the current palette."""

    def __init__(self, mark: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mark = mark
        self.setFixedSize(22, 12)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        palette = self.palette()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        border = QColor(_DIFF_INK[is_dark(palette)]) if self.mark == DIFFERS else palette.color(QPalette.ColorRole.Mid)
        painter.setPen(border)
        painter.setBrush(tint(self.mark, palette) or palette.color(QPalette.ColorRole.Base))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 2, 2)
        painter.end()


class CompareLegend(QWidget):
    """One line: each mark's swatch and what it means."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CompareLegend")
        texts = {
            SHARED: self.tr("Same wording"),
            PARAPHRASE: self.tr("Paraphrase"),
            UNIQUE: self.tr("Only in this report"),
            DIFFERS: self.tr("Figures that differ"),
        }
        tips = {
            SHARED: self.tr("The sentence appears in another report word for word or nearly so"),
            PARAPHRASE: self.tr("Another report says the same in other words"),
            UNIQUE: self.tr("No other report has a counterpart of this sentence"),
            DIFFERS: self.tr("A figure another report gives differently (see Discrepancies)"),
        }
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.labels: dict[str, QLabel] = {}
        for mark in MARKS:
            swatch = Swatch(mark)
            label = QLabel(texts[mark])
            label.setObjectName("Secondary")
            for widget in (swatch, label):
                widget.setToolTip(tips[mark])
            layout.addWidget(swatch, 0, Qt.AlignmentFlag.AlignVCenter)
            layout.addWidget(label)
            layout.addSpacing(10)
            self.labels[mark] = label
