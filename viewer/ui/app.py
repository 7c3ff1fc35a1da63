"""Starting the desktop app: ``run(home)`` is what ``letopis`` (with no command) calls."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QLocale, QTimer
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

from viewer import __version__
from viewer.paths import Locations, resource_path
from viewer.ui.icons import app_icon
from viewer.ui.translations import install_translations

FONT_SUFFIXES = {".ttf", ".otf", ".ttc"}


def register_fonts(folder: Path) -> list[str]:
    """Makes the fonts in ``folder`` known to Qt; returns their families. The Linux bundle ships
    the colour emoji font there (packaging/letopis.spec), so that a system without one still shows
    the emoji of news posts, not empty boxes: Qt falls back to it for characters the text's font
    lacks. A checkout has no such folder and uses the system's fonts."""
    families: list[str] = []
    if not folder.is_dir():
        return families
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() in FONT_SUFFIXES:
            font_id = QFontDatabase.addApplicationFont(str(path))
            if font_id >= 0:
                families += QFontDatabase.applicationFontFamilies(font_id)
    return families


def configure_application(app: QApplication, locale: QLocale | None = None) -> None:
    """Names, icon, shipped fonts, style sheet and translations: everything but the window."""
    app.setOrganizationName("Letopis")
    app.setApplicationName("Letopis")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("letopis")
    app.setWindowIcon(app_icon())
    # Background jobs run Python threads beside the GUI's: hand the interpreter back to the GUI
    # thread within a millisecond (the default is 5 ms), so that it keeps up while they work.
    sys.setswitchinterval(0.001)
    register_fonts(resource_path("fonts"))
    style = resource_path("styles", "letopis.qss")
    if style.is_file():
        app.setStyleSheet(style.read_text(encoding="utf-8"))
    install_translations(locale)


def run(home: str | None) -> int:
    """Show the main window at once, then open the archive (and, the first time, import the
    bundled sample in the background); returns the exit status."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    configure_application(app)

    from viewer.ui.main_window import MainWindow

    window = MainWindow(Locations.for_home(home))
    window.show()
    # Opening imports the search engine and the lemmatiser (most of a second): after the
    # first paint, so the window is there at once.
    QTimer.singleShot(0, window.open_archive)
    return app.exec()
