"""Desktop app tests: offscreen Qt, English UI (Russian where a test asks), no Qt warnings."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QtMsgType
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.conftest import seed_article
from viewer.paths import Locations
from viewer.ui.app import configure_application
from viewer.ui.main_window import MainWindow

SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
# The offscreen platform says so when asked for what only a real window system does.
PLATFORM_NOISE = re.compile(r"This plugin does not support")
WAIT_MS = 60_000


@pytest.fixture(scope="session")
def app(qapp: QApplication) -> QApplication:
    configure_application(qapp, QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    return qapp


@pytest.fixture(autouse=True)
def no_qt_warnings(qtlog: object) -> Iterator[None]:
    """Fail a test that makes Qt warn (pytest-qt captures Qt's messages)."""
    yield
    bad = [
        record.message
        for record in qtlog.records  # type: ignore[attr-defined]
        if record.type in (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg)
        and not PLATFORM_NOISE.search(record.message)
    ]
    assert not bad, f"Qt warned: {bad}"


@pytest.fixture(scope="session")
def prepared_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One archive for the whole session: the sample imported, grouped into events and read
    for names (the models load once, here). Tests get copies of it (``locations``)."""
    from viewer.library import Library

    home = tmp_path_factory.mktemp("prepared") / "letopis-home"
    with Library.open(home) as library:
        library.ensure_sample(entities=True)
        assert library.article_count() == 5
        assert library.entities_pending() == 0 and library.events_stage.pending() == 0
    return home


@pytest.fixture
def locations(isolated_home: Path, prepared_home: Path) -> Locations:
    """This test's home, a copy of the prepared archive: no stage is left for a window to run."""
    shutil.copytree(prepared_home, isolated_home)
    return Locations.for_home(isolated_home)


@pytest.fixture
def fresh_locations(isolated_home: Path) -> Locations:
    """An empty home: a window over it imports the sample and runs every stage itself."""
    return Locations.for_home(isolated_home)


def open_window(qtbot: QtBot, locations: Locations, size: tuple[int, int] | None = (1280, 800)) -> MainWindow:
    window = MainWindow(locations)
    qtbot.addWidget(window)
    if size is not None:
        window.resize(*size)
    window.show()
    window.open_archive(background=False)
    wait_idle(qtbot, window)
    return window


def wait_idle(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: not window.jobs.is_busy(), timeout=WAIT_MS)


@pytest.fixture
def window(app: QApplication, qtbot: QtBot, locations: Locations) -> Iterator[MainWindow]:
    """The main window over a copy of the prepared archive (the sample, its events and names)."""
    window = open_window(qtbot, locations)
    assert window.library is not None and window.library.article_count() == 5
    yield window
    window.jobs.cancel_all()
    window.jobs.wait()


def write_articles(folder: Path, articles: list[tuple[str, str]], **fields: str) -> Path:
    """Files in the sample archive's layout, one per (title, body)."""
    folder.mkdir(parents=True, exist_ok=True)
    for number, (title, body) in enumerate(articles):
        (folder / f"{number:03d}.txt").write_text(seed_article(title, body, **fields), encoding="utf-8")
    return folder
