"""The reader's legend of named entities: one checkable button per type, in the type's colour."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import QEvent, QRectF, Qt, Signal
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QToolButton, QWidget

from viewer.ui.entity_types import ENTITY_KINDS, type_name, type_plural
from viewer.ui.highlights import entity_colour, entity_format

SWATCH = 12


class EntityLegend(QWidget):
    """«People 3 · Organisations 5 · Places 9»: unchecking a type hides its highlights."""

    toggled = Signal(str, bool)  # type, shown

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("EntityLegend")
        self.buttons: dict[str, QToolButton] = {}
        self._counts: dict[str, int] = {}
        self._compact = False
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        for kind in ENTITY_KINDS:
            button = QToolButton()
            button.setObjectName("EntityToggle")
            button.setCheckable(True)
            button.setChecked(True)
            button.setAutoRaise(True)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.toggled.connect(lambda shown, k=kind: self._toggled(k, shown))
            self.buttons[kind] = button
            layout.addWidget(button)
        self._paint_swatches()
        self.set_counts({})

    def set_counts(self, counts: Mapping[str, int]) -> None:
        """Mentions of each type in the open article; a type it lacks is left out."""
        self._counts = dict(counts)
        for kind, button in self.buttons.items():
            count = self._counts.get(kind, 0)
            button.setText(str(count) if self._compact else f"{type_plural(kind)} {count}")
            button.setVisible(count > 0)
            self._tip(kind)
        self.setVisible(any(self._counts.values()))

    def set_compact(self, compact: bool) -> None:
        """Counts beside the swatches only (the names stay in the tooltips), for a narrow reader."""
        if compact != self._compact:
            self._compact = compact
            self.set_counts(self._counts)

    def shown_types(self) -> list[str]:
        return [kind for kind, button in self.buttons.items() if button.isChecked()]

    def set_shown_types(self, shown: Iterable[str]) -> None:
        wanted = set(shown)
        for kind, button in self.buttons.items():
            button.setChecked(kind in wanted)

    def _toggled(self, kind: str, shown: bool) -> None:
        self._tip(kind)
        self.toggled.emit(kind, shown)

    def _tip(self, kind: str) -> None:
        button = self.buttons[kind]
        text = self.tr("Hide the highlights of this type") if button.isChecked() else self.tr(
            "Highlight this type again"
        )
        button.setToolTip(f"{type_plural(kind)} — {text}")
        button.setAccessibleName(type_name(kind))

    def _paint_swatches(self) -> None:
        for kind, button in self.buttons.items():
            swatch = QIcon()
            swatch.addPixmap(self._swatch(kind, filled=True), QIcon.Mode.Normal, QIcon.State.On)
            swatch.addPixmap(self._swatch(kind, filled=False), QIcon.Mode.Normal, QIcon.State.Off)
            button.setIcon(swatch)

    def _swatch(self, kind: str, filled: bool) -> QPixmap:
        """A small rounded box in the type's colours; hollow when the type is hidden."""
        pixmap = QPixmap(SWATCH * 2, SWATCH * 2)
        pixmap.setDevicePixelRatio(2.0)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(entity_colour(kind, self.palette()))
        if filled:
            painter.setBrush(entity_format(kind, self.palette()).background())
        painter.drawRoundedRect(QRectF(1.5, 2.5, SWATCH - 3, SWATCH - 5), 2, 2)
        painter.end()
        return pixmap

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.PaletteChange:
            self._paint_swatches()
        super().changeEvent(event)
