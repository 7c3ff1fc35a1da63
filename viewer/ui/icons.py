"""Icons: the platform's icon theme where it has one, else the SVGs in ``resources/icons``.

The SVGs draw in ``currentColor``; ``PaletteIconEngine`` paints them in the palette's text
colour at the size and pixel ratio asked for, so they are sharp on high-DPI screens and
right on light and dark palettes alike (the colour is read when painting).
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QRect, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QIconEngine, QImage, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from viewer.paths import resource_path

# Our name -> the freedesktop icon theme's name.
THEME_NAMES = {
    "search": "edit-find",
    "add-folder": "folder-new",
    "add-files": "document-open",
    "help": "help-contents",
    "previous": "go-up",
    "next": "go-down",
    "external": "internet-web-browser",
    "close": "window-close",
    "clear": "edit-clear",
    "warning": "dialog-warning",
    "export": "document-save-as",
    "refresh": "view-refresh",
    "history": "document-open-recent",
}


@cache
def _svg(name: str) -> bytes:
    return resource_path("icons", f"{name}.svg").read_bytes()


class PaletteIconEngine(QIconEngine):
    def __init__(self, name: str) -> None:
        super().__init__()
        self._name = name

    def _colour(self, mode: QIcon.Mode) -> QColor:
        palette = QGuiApplication.palette()
        if mode == QIcon.Mode.Disabled:
            return palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
        if mode == QIcon.Mode.Selected:
            return palette.color(QPalette.ColorRole.HighlightedText)
        return palette.color(QPalette.ColorRole.WindowText)

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        colour = self._colour(mode).name().encode()
        renderer = QSvgRenderer(QByteArray(_svg(self._name).replace(b"currentColor", colour)))
        renderer.render(painter, rect)

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def scaledPixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float) -> QPixmap:  # noqa: N802
        width, height = max(1, round(size.width() * scale)), max(1, round(size.height() * scale))
        image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.paint(painter, QRect(0, 0, width, height), mode, state)
        painter.end()
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(scale)
        return pixmap

    def clone(self) -> QIconEngine:
        return PaletteIconEngine(self._name)

    def key(self) -> str:
        return "letopis-palette"


def icon(name: str) -> QIcon:
    """The icon called ``name`` (see THEME_NAMES): the theme's, else our own SVG."""
    own = QIcon(PaletteIconEngine(name))
    theme = THEME_NAMES.get(name)
    if theme and QIcon.hasThemeIcon(theme):
        return QIcon.fromTheme(theme, own)
    return own


def app_icon() -> QIcon:
    """The program's own icon (in colour, from ``letopis.svg``)."""
    return QIcon(str(resource_path("icons", "letopis.svg")))
