"""The query language, explained in the UI's language (the core's ``viewer.search.query``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFontDatabase, QKeyEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget


def help_entries() -> list[tuple[str, str]]:
    """(what to type, what it does); the examples stay in Russian, as the archive is."""
    translate = QCoreApplication.translate
    return [
        ("форум Омск", translate("QueryHelp", "Both words, in any form («форума», «Омске»)")),
        ("форум OR саммит", translate("QueryHelp", "Either word (also ИЛИ); AND / И; NOT / НЕ")),
        ("форум -Казахстан", translate("QueryHelp", "Leave out articles with the word after the minus")),
        ('"деловой совет"', translate("QueryHelp", "A phrase: these words, in this order")),
        ('"деловой совет"~3', translate("QueryHelp", "The phrase's words up to 3 words apart")),
        ("title:Казахстан", translate("QueryHelp", "In the title only (заголовок:); body: in the text only (текст:)")),
        ('outlet:"Омск Здесь"', translate("QueryHelp", "Outlet (издание:), author (автор:): exact value, any case")),
        ("date:2019-11", translate("QueryHelp", "Published on a day, in a month or a year (дата:)")),
        ("date:[2019-11-01 TO 2019-12-31]", translate("QueryHelp", "Published between two dates")),
        ("year:2019  month:2019-11", translate("QueryHelp", "A year (год:), a month (месяц:)")),
        ("форум*  Казах*стан", translate("QueryHelp", "Wildcards over dictionary forms")),
        ("Бурков~  Бурков~2", translate("QueryHelp", "Fuzzy: within 1 (or 2) letters, for misspellings")),
        ("exact:Казахстаном", translate("QueryHelp", "This word form only (точно:); also a \"phrase\"")),
    ]


class QueryHelp(QFrame):
    """A popup listing the query syntax; clicking an example puts it into the search field."""

    exampleChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("QueryHelp")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.setSpacing(8)
        heading = QLabel(self.tr("Query language"))
        heading.setObjectName("PanelTitle")
        layout.addWidget(heading)
        intro = QLabel(
            self.tr(
                "Words are found in any grammatical form, and ё and е are the same letter. "
                "Click an example to try it."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(3)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        for row, (syntax, meaning) in enumerate(help_entries()):
            example = QPushButton(syntax)
            example.setFlat(True)
            example.setFont(mono)
            example.setCursor(Qt.CursorShape.PointingHandCursor)
            example.setStyleSheet("text-align: left; padding: 2px 4px; color: palette(link);")
            example.clicked.connect(lambda _=False, s=syntax: self._choose(s))
            grid.addWidget(example, row, 0)
            text = QLabel(meaning)
            text.setTextFormat(Qt.TextFormat.PlainText)
            grid.addWidget(text, row, 1)
        layout.addLayout(grid)
        note = QLabel(self.tr("Filters in the panel on the left combine with the query."))
        note.setObjectName("Secondary")
        layout.addWidget(note)

    def _choose(self, syntax: str) -> None:
        self.exampleChosen.emit(syntax)
        self.close()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)
