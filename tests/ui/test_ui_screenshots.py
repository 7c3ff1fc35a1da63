"""Pictures of the window as a person sees it, in tests/ui/screenshots/ (not kept in git)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.conftest import SCREENSHOTS, open_window
from viewer.paths import Locations
from viewer.ui.translations import install_translations, remove_translations


@pytest.fixture
def shots() -> Path:
    SCREENSHOTS.mkdir(exist_ok=True)
    return SCREENSHOTS


@pytest.fixture(params=["en", "ru"])
def language(request: pytest.FixtureRequest, app: QApplication) -> Iterator[str]:
    if request.param == "en":
        yield "en"
        return
    for translator in app.findChildren(QTranslator):
        QCoreApplication.removeTranslator(translator)
    installed = install_translations(QLocale(QLocale.Language.Russian))
    try:
        yield "ru"
    finally:
        remove_translations(installed)
        install_translations(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


def test_screenshots(language: str, qtbot: QtBot, locations: Locations, shots: Path) -> None:
    window = open_window(qtbot, locations)
    window.search_bar.set_text("Казахстан", search=True)
    window.results.select_row(0)
    window.reader.next_hit()
    QApplication.processEvents()
    search = shots / f"main-window-{language}.png"
    assert window.grab().save(str(search))

    window.reader.open_find()
    window.reader.find_bar.field.setText("форум")
    QApplication.processEvents()
    assert window.reader.grab().save(str(shots / f"reader-find-{language}.png"))

    window.search_bar.set_text("nosuchfield:x", search=True)
    QApplication.processEvents()
    assert window.grab().save(str(shots / f"query-error-{language}.png"))

    window.search_bar.show_help()
    QApplication.processEvents()
    help_popup = window.search_bar._help
    assert help_popup is not None
    assert help_popup.grab().save(str(shots / f"query-help-{language}.png"))
    help_popup.close()
    assert search.stat().st_size > 20_000


def test_import_progress_screenshot(
    language: str, qtbot: QtBot, locations: Locations, shots: Path, tmp_path: Path
) -> None:
    from tests.ui.conftest import wait_idle, write_articles

    window = open_window(qtbot, locations)
    folder = write_articles(tmp_path / "news", [(f"Новость {n}", f"Текст новости {n}.") for n in range(30)])
    grabbed: list[bool] = []

    def grab(done: int, total: int, note: str) -> None:
        if total > 0 and not grabbed:
            grabbed.append(window.grab().save(str(shots / f"import-progress-{language}.png")))

    task = window.archive.add_paths([str(folder)])
    assert task is not None
    task.progress.connect(grab)
    wait_idle(qtbot, window)
    assert grabbed == [True]


def dark_palette() -> QPalette:
    """A dark desktop palette (as a dark system theme gives), set through the palette's roles."""
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#2a2e32",
        QPalette.ColorRole.WindowText: "#fcfcfc",
        QPalette.ColorRole.Base: "#1b1e20",
        QPalette.ColorRole.AlternateBase: "#232629",
        QPalette.ColorRole.Text: "#fcfcfc",
        QPalette.ColorRole.Button: "#31363b",
        QPalette.ColorRole.ButtonText: "#fcfcfc",
        QPalette.ColorRole.Highlight: "#3daee9",
        QPalette.ColorRole.HighlightedText: "#fcfcfc",
        QPalette.ColorRole.Link: "#1d99f3",
        QPalette.ColorRole.PlaceholderText: "#a1a9b1",
        QPalette.ColorRole.ToolTipBase: "#31363b",
        QPalette.ColorRole.ToolTipText: "#fcfcfc",
        QPalette.ColorRole.Mid: "#4d5359",
        QPalette.ColorRole.Midlight: "#3a4045",
        QPalette.ColorRole.Dark: "#141618",
        QPalette.ColorRole.Light: "#4f565c",
    }
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#6e7175"))
    return palette


def test_dark_screenshot(app: QApplication, qtbot: QtBot, locations: Locations, shots: Path) -> None:
    light = app.palette()
    app.setPalette(dark_palette())
    try:
        window = open_window(qtbot, locations)
        window.search_bar.set_text("Казахстан", search=True)
        window.results.select_row(0)
        window.reader.next_hit()
        QApplication.processEvents()
        assert window.grab().save(str(shots / "main-window-dark.png"))
    finally:
        app.setPalette(light)


def test_dialog_screenshots(
    app: QApplication, qtbot: QtBot, locations: Locations, shots: Path, tmp_path: Path
) -> None:
    from tests.ui.conftest import wait_idle, write_articles
    from viewer.ui.about_dialog import AboutDialog
    from viewer.ui.outlet_aliases_dialog import OutletAliasesDialog
    from viewer.ui.problems_dialog import ProblemsDialog
    from viewer.ui.shortcuts_dialog import ShortcutsDialog

    window = open_window(qtbot, locations)
    folder = write_articles(tmp_path / "news", [("Заголовок", "Текст статьи.")])
    (folder / "broken.json").write_text("[{", encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    window.archive.add_paths([str(folder)])
    wait_idle(qtbot, window)
    assert window.library is not None
    dialogs = {
        "about": AboutDialog(window),
        "shortcuts": ShortcutsDialog(window.actions_.all, window),
        "problems": ProblemsDialog(window.library, window),
        "outlet-aliases": OutletAliasesDialog(window.library, window.jobs, ["БК55"], window),
    }
    for name, dialog in dialogs.items():
        qtbot.addWidget(dialog)
        dialog.show()
        QApplication.processEvents()
        assert dialog.grab().save(str(shots / f"dialog-{name}.png"))
        dialog.close()
    shortcuts = dialogs["shortcuts"]
    assert ("Ctrl+L, Ctrl+K", "Find in Archive") in shortcuts.rows()
    assert ("F3", "Next Hit") in shortcuts.rows()
