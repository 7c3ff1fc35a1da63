"""Coloured spans over an article: search hits now, named entities later.

A ``HighlightLayer`` is a named set of document ranges drawn in one character format.
The reader stacks its layers by ``z`` (entities underneath, search hits above, the
current hit on top) and draws them as QTextEdit extra selections, so they never touch
the document's text. An entity layer per type (PER, ORG, LOC) with a legend toggling
``visible`` fits the same shape.

Colours are chosen to read on light and dark palettes: a light tint behind dark text,
with the text colour set explicitly so a dark palette's light text never lands on it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtGui import QColor, QPalette, QTextCharFormat

HITS = "hits"
CURRENT_HIT = "current-hit"
FIND = "find"
CURRENT_FIND = "current-find"

# z order of the layers this module knows; entity layers would sit below 10.
Z_ORDER = {HITS: 10, FIND: 20, CURRENT_HIT: 30, CURRENT_FIND: 31}

_TINTS = {
    # layer: (background on a light palette, on a dark palette)
    HITS: ("#ffe28a", "#e8c85a"),
    CURRENT_HIT: ("#ffa94d", "#ff9f43"),
    FIND: ("#b7e4c7", "#95d5b2"),
    CURRENT_FIND: ("#52b788", "#52b788"),
}
_INK = QColor("#1b1b1b")


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def highlight_format(layer: str, palette: QPalette) -> QTextCharFormat:
    light, dark = _TINTS[layer]
    fmt = QTextCharFormat()
    fmt.setBackground(QColor(dark if is_dark(palette) else light))
    fmt.setForeground(_INK)
    return fmt


def error_colour(palette: QPalette) -> QColor:
    """Red that reads on the palette's window colour."""
    return QColor("#ff8a80") if palette.color(QPalette.ColorRole.Window).lightness() < 128 else QColor("#b3261e")


def secondary_colour(palette: QPalette, selected: bool = False) -> QColor:
    """Text colour for metadata: between text and background, as the palette allows."""
    role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
    back = QPalette.ColorRole.Highlight if selected else QPalette.ColorRole.Base
    text, base = palette.color(role), palette.color(back)
    weight = 0.62 if not selected else 0.8
    return QColor(
        round(text.red() * weight + base.red() * (1 - weight)),
        round(text.green() * weight + base.green() * (1 - weight)),
        round(text.blue() * weight + base.blue() * (1 - weight)),
    )


@dataclass
class HighlightLayer:
    key: str
    ranges: list[tuple[int, int]] = field(default_factory=list)  # (document position, length)
    char_format: QTextCharFormat = field(default_factory=QTextCharFormat)
    z: int = 0
    visible: bool = True
