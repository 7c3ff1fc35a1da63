"""Starting the desktop app: ``run(home)`` is what ``letopis`` (with no command) calls."""

from __future__ import annotations

import sys

from PySide6.QtCore import QLocale, QTimer
from PySide6.QtWidgets import QApplication

from viewer import __version__
from viewer.paths import Locations, resource_path
from viewer.ui.icons import app_icon
from viewer.ui.translations import install_translations


def configure_application(app: QApplication, locale: QLocale | None = None) -> None:
    """Names, icon, style sheet and translations: everything but the window."""
    app.setOrganizationName("Letopis")
    app.setApplicationName("Letopis")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("letopis")
    app.setWindowIcon(app_icon())
    # Background jobs run Python threads beside the GUI's: hand the interpreter back to the GUI
    # thread within a millisecond (the default is 5 ms), so that it keeps up while they work.
    sys.setswitchinterval(0.001)
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
