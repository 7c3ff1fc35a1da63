"""Managing the archive from the window: importing in the background, problems, aliases, folders."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent
from pytestqt.qtbot import QtBot

from tests.ui.conftest import WAIT_MS, open_window, wait_idle, write_articles
from viewer.paths import Locations
from viewer.ui.main_window import MainWindow
from viewer.ui.outlet_aliases_dialog import OutletAliasesDialog
from viewer.ui.problems_dialog import ProblemsDialog


def make_folder(root: Path, count: int = 40) -> Path:
    articles = [(f"Саммит номер {n}", f"Главы регионов обсудили саммит и форум в {n}-й раз.") for n in range(count)]
    return write_articles(root, articles, outlet="Вести Омск", url="https://vesti-omsk.ru/news/1")


def test_adding_a_folder_imports_in_the_background(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    folder = make_folder(tmp_path / "news")
    window.search_bar.set_text("саммит", search=True)
    assert window.results_model.total == 0
    searches_during_import: list[int] = []

    def search_meanwhile(done: int, total: int, note: str) -> None:
        # The GUI thread's Library searches while the worker's Library writes.
        if window.run_search():
            searches_during_import.append(window.results_model.total)

    task = window.archive.add_paths([str(folder)])
    assert task is not None
    task.progress.connect(search_meanwhile)
    assert window.status.import_progress.isVisibleTo(window)
    assert window.status.state.text() == "Indexing…"
    with qtbot.waitSignal(task.finished, timeout=WAIT_MS):
        pass
    wait_idle(qtbot, window)
    assert searches_during_import, "no search ran during the import"
    assert window.results_model.total == 40  # refreshed when the import ended
    assert "Import finished: 40 added" in window.status.current_message()
    assert window.status.count.text() == "40 articles in the archive"  # the sample made way
    assert window.windowTitle() == "Letopis — news"
    assert window.results.banner.isHidden()
    assert not window.status.import_progress.isVisibleTo(window)
    assert "Вести Омск" in window.facets.model.values("outlet")


def test_an_import_can_be_cancelled(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    folder = make_folder(tmp_path / "news", 20)
    task = window.archive.add_paths([str(folder)])
    assert task is not None
    window.status.import_progress.cancel_button.click()
    with qtbot.waitSignal(task.finished, timeout=WAIT_MS):
        pass
    wait_idle(qtbot, window)
    assert window.status.current_message() == "Import cancelled; nothing from it was added."
    assert window.library is not None
    window.search_bar.set_text("саммит", search=True)
    assert window.results_model.total == 0


def test_dropping_files_adds_them(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    folder = make_folder(tmp_path / "dropped", 3)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in sorted(folder.iterdir())])
    event = QDropEvent(
        QPoint(50, 50).toPointF(),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
    assert window.jobs.is_writing()
    wait_idle(qtbot, window)
    assert window.library is not None and window.library.article_count() == 3


def test_import_problems_are_listed(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    folder = make_folder(tmp_path / "mixed", 2)
    (folder / "broken.json").write_text("{ this is not json", encoding="utf-8")
    window.archive.add_paths([str(folder)])
    wait_idle(qtbot, window)
    assert window.status.problems.isVisibleTo(window)
    assert window.status.problems.text() == "1 import problem"
    assert window.library is not None
    dialog = ProblemsDialog(window.library, window)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 1
    path, reason = dialog.model.row_values(0)
    assert path.endswith("broken.json") and reason
    assert dialog.summary.text().startswith("1 problem met while importing")
    dialog.filter_edit.setText("nothing like it")
    assert dialog.proxy.rowCount() == 0


def test_outlet_aliases_dialog(window: MainWindow, qtbot: QtBot) -> None:
    assert window.library is not None
    dialog = OutletAliasesDialog(window.library, window.jobs, ["БК55"], window)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 0
    assert not dialog.add_button.isEnabled()
    dialog.alias_edit.setText("bk55.ru")
    dialog.outlet_edit.setText("Бизнес-курс")
    dialog.add_button.click()
    assert dialog.busy() and not dialog.add_button.isEnabled()
    qtbot.waitUntil(lambda: not dialog.busy(), timeout=WAIT_MS)
    assert dialog.model.rowCount() == 1
    assert dialog.model.row_values(0) == ("bk55.ru", "Бизнес-курс")
    assert dialog.status.text() == "Saved; 1 article refiled."
    wait_idle(qtbot, window)
    assert "Бизнес-курс" in window.facets.model.values("outlet")  # the window searched again

    dialog.table.selectRow(0)
    dialog.remove_button.click()
    qtbot.waitUntil(lambda: not dialog.busy(), timeout=WAIT_MS)
    assert dialog.model.rowCount() == 0
    wait_idle(qtbot, window)
    assert "БК55" in window.facets.model.values("outlet")


def test_removing_a_folder(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    folder = make_folder(tmp_path / "news", 4)
    window.archive.add_paths([str(folder)])
    wait_idle(qtbot, window)
    assert window.library is not None and window.library.article_count() == 4
    task = window.archive.remove_root(str(folder))
    with qtbot.waitSignal(task.finished, timeout=WAIT_MS):
        pass
    wait_idle(qtbot, window)
    assert window.library.article_count() == 0
    assert window.status.current_message() == "Removed 4 articles from the archive."
    assert window.windowTitle() == "Letopis — empty archive"
    assert window.results.empty.text().startswith("The archive is empty.")


def test_the_archive_opens_in_the_background(app: object, qtbot: QtBot, locations: Locations) -> None:
    window = MainWindow(locations)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.archiveOpened, timeout=WAIT_MS):
        window.open_archive()
        assert window.library is None
        assert window.status.state.text() == "Opening the archive…"
    wait_idle(qtbot, window)
    assert window.library is not None and window.library.article_count() == 5
    # A second window over the same home finds the sample in place: no second import.
    other = open_window(qtbot, locations)
    assert other.library is not None and other.library.article_count() == 5
