"""Coloured spans over an article: search hits, find matches and named entities.

A ``HighlightLayer`` is a named set of document ranges drawn in one character format.
The reader stacks its layers by ``z`` (entities underneath, search hits above, the
current hit on top) and draws them as QTextEdit extra selections, so they never touch
the document's text. Each entity type (PER, ORG, LOC) is a layer of its own, which the
reader's legend shows or hides.

Colours are chosen to read on light and dark palettes: hits get a light tint behind dark
text, with the text colour set explicitly so a dark palette's light text never lands on
it. Entities are quieter: a pale wash (a deep one on dark palettes) with a thin underline
in the type's colour, so a page full of names stays readable and the hits stand out.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtGui import QColor, QPalette, QTextCharFormat

HITS = "hits"
CURRENT_HIT = "current-hit"
FIND = "find"
CURRENT_FIND = "current-find"

ENTITY_KINDS = ("PER", "ORG", "LOC")  # the core's entity types, in the legend's order
ENTITY_LAYERS = {kind: f"entity-{kind}" for kind in ENTITY_KINDS}

# z order: entities below the hits, the hits below find matches, the current ones on top.
Z_ORDER = {**{layer: 1 for layer in ENTITY_LAYERS.values()}, HITS: 10, FIND: 20, CURRENT_HIT: 30, CURRENT_FIND: 31}

_TINTS = {
    # layer: (background on a light palette, on a dark palette)
    HITS: ("#ffe28a", "#e8c85a"),
    CURRENT_HIT: ("#ffa94d", "#ff9f43"),
    FIND: ("#b7e4c7", "#95d5b2"),
    CURRENT_FIND: ("#52b788", "#52b788"),
}
_INK = QColor("#1b1b1b")

_ENTITY_TINTS = {
    # type: (wash on a light palette, underline there, wash on a dark palette, underline there)
    "PER": ("#e1ecfb", "#3d73c4", "#23384f", "#7fb0f0"),
    "ORG": ("#f1e4f7", "#8a4fb0", "#3b2c47", "#c79be3"),
    "LOC": ("#dff1e4", "#2f8a55", "#213f2d", "#7ccf9c"),
}


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def highlight_format(layer: str, palette: QPalette) -> QTextCharFormat:
    light, dark = _TINTS[layer]
    fmt = QTextCharFormat()
    fmt.setBackground(QColor(dark if is_dark(palette) else light))
    fmt.setForeground(_INK)
    return fmt


def entity_colour(kind: str, palette: QPalette) -> QColor:
    """The type's own colour (underline, legend swatch) on this palette."""
    _, light, _, dark = _ENTITY_TINTS.get(kind, _ENTITY_TINTS["ORG"])
    return QColor(dark if is_dark(palette) else light)


def entity_format(kind: str, palette: QPalette) -> QTextCharFormat:
    """How a mention of a ``kind`` entity is drawn in the reader."""
    wash_light, _, wash_dark, _ = _ENTITY_TINTS.get(kind, _ENTITY_TINTS["ORG"])
    fmt = QTextCharFormat()
    fmt.setBackground(QColor(wash_dark if is_dark(palette) else wash_light))
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
    fmt.setUnderlineColor(entity_colour(kind, palette))
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
