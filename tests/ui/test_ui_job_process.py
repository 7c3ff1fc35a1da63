"""Writing jobs run in a process of their own: progress, result, errors and cancel cross over."""

from __future__ import annotations

import os
import time
from functools import partial
from typing import Any

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.conftest import WAIT_MS
from viewer.ui.job_process import in_own_process
from viewer.ui.tasks import TaskRunner


def counted(n: int, context: Any) -> tuple[int, int]:
    for done in range(1, n + 1):
        context.progress(done, n, "counting")
    return n * 2, os.getpid()


def failing(context: Any) -> None:
    raise ValueError("нечитаемый файл «x»")


def waiting(context: Any) -> str:
    deadline = time.monotonic() + 60
    while not context.cancelled():
        if time.monotonic() > deadline:
            return "never stopped"
        time.sleep(0.01)
    return "stopped"


def test_result_and_progress_come_back(app: QApplication, qtbot: QtBot) -> None:
    runner = TaskRunner(max_threads=1)
    task = runner.submit(in_own_process(partial(counted, 5)), "count")
    reports: list[tuple[int, int, str]] = []
    task.progress.connect(lambda *report: reports.append(report))
    with qtbot.waitSignal(task.finished, timeout=WAIT_MS):
        pass
    doubled, pid = task.result
    assert doubled == 10 and pid != os.getpid()  # it ran elsewhere
    assert reports and reports[-1] == (5, 5, "counting")


def test_an_error_in_the_process_is_raised_here(app: QApplication, qtbot: QtBot) -> None:
    runner = TaskRunner(max_threads=1)
    task = runner.submit(in_own_process(failing), "fail")
    with qtbot.waitSignal(task.failed, timeout=WAIT_MS) as blocker:
        pass
    error = blocker.args[0]
    assert isinstance(error, ValueError) and str(error) == "нечитаемый файл «x»"


def test_a_cancel_reaches_the_process(app: QApplication, qtbot: QtBot) -> None:
    runner = TaskRunner(max_threads=1)
    task = runner.submit(in_own_process(waiting), "wait")
    qtbot.wait(500)
    task.cancel()
    with qtbot.waitSignal(task.finished, timeout=WAIT_MS):
        pass
    assert task.result == "stopped"
