"""Starting up: the window first, the archive after; work off the GUI thread."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.conftest import WAIT_MS
from viewer.ui import app as app_module
from viewer.ui.main_window import MainWindow
from viewer.ui.tasks import TaskContext, TaskRunner


def test_the_window_module_does_not_load_the_search_engine() -> None:
    probe = (
        "import sys, viewer.ui.main_window\n"
        "heavy = [m for m in ('whoosh', 'viewer.library', 'pymorphy3', 'viewer.search.query') if m in sys.modules]\n"
        "print(heavy)\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_run_shows_the_window_before_opening_the_archive(
    app: QApplication, qtbot: QtBot, isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: dict[str, object] = {}

    def fake_exec(self: QApplication) -> int:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        assert len(windows) == 1  # windows of earlier tests are closed
        window = windows[0]
        seen["visible"] = window.isVisible() and window.locations.data.parent == isolated_home.resolve()
        seen["open_at_first"] = window.library is not None
        qtbot.waitUntil(lambda: window.library is not None and not window.jobs.is_busy(), timeout=WAIT_MS)
        seen["articles"] = window.library.article_count()  # type: ignore[union-attr]
        seen["name"] = QApplication.applicationName()
        window.close()
        window.deleteLater()
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    monkeypatch.setattr(app_module, "install_translations", lambda locale=None: [])
    assert app_module.run(str(isolated_home)) == 0
    assert seen == {"visible": True, "open_at_first": False, "articles": 5, "name": "Letopis"}


def test_task_runner_hands_results_and_errors_to_the_gui_thread(app: QApplication, qtbot: QtBot) -> None:
    runner = TaskRunner()
    gui_thread = threading.get_ident()
    where: list[int] = []

    def work(context: TaskContext) -> int:
        for step in range(5):
            context.progress(step + 1, 5, "counting")
        return threading.get_ident()

    task = runner.submit(work, "count")
    progress: list[tuple[int, int, str]] = []
    def on_progress(done: int, total: int, note: str) -> None:
        progress.append((done, total, note))
        where.append(threading.get_ident())

    task.progress.connect(on_progress)
    with qtbot.waitSignal(task.succeeded, timeout=WAIT_MS) as blocker:
        pass
    assert blocker.args[0] != gui_thread  # it ran elsewhere
    assert progress[-1] == (5, 5, "counting")
    assert set(where) == {gui_thread}

    def fail(context: TaskContext) -> None:
        raise ValueError("broken")

    failing = runner.submit(fail)
    with qtbot.waitSignal(failing.failed, timeout=WAIT_MS) as blocker:
        pass
    assert isinstance(blocker.args[0], ValueError) and isinstance(failing.error, ValueError)
    qtbot.waitUntil(lambda: not runner.is_busy())

    def until_cancelled(context: TaskContext) -> str:
        while not context.cancelled():
            threading.Event().wait(0.01)
        return "stopped"

    endless = runner.submit(until_cancelled)
    endless.cancel()
    with qtbot.waitSignal(endless.succeeded, timeout=WAIT_MS) as blocker:
        pass
    assert blocker.args == ["stopped"]
    assert runner.wait(5000)


def test_pyside_calls_do_not_leak_references_to_none(app: QApplication) -> None:
    """PySide6 6.12.0 takes a reference from None on every void call and from True on every
    emit, until the interpreter aborts; the PySide6 pinned in pyproject.toml must not."""
    from PySide6.QtCore import QObject

    probe = QObject()
    runner = TaskRunner()
    before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(1000):
        probe.setObjectName("x")
        runner.busyChanged.emit(False)
    assert (sys.getrefcount(None), sys.getrefcount(True)) >= (before[0] - 10, before[1] - 10)
