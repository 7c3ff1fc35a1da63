"""The stages after the text run as background jobs: grouping into events, then finding names."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from tests.ui.conftest import WAIT_MS, wait_idle, write_articles
from viewer.paths import Locations
from viewer.ui.archive_jobs import ENTITIES, EVENTS
from viewer.ui.main_window import MainWindow
from viewer.ui.tasks import Task


def follow_stages(window: MainWindow) -> list[Task]:
    seen: list[Task] = []
    window.jobs.stageQueued.connect(seen.append)
    return seen


def test_the_sample_is_read_for_names_in_the_background(app: object, qtbot: QtBot, fresh_locations: Locations) -> None:
    window = MainWindow(fresh_locations)
    qtbot.addWidget(window)
    window.show()
    stages = follow_stages(window)
    gaps: list[float] = []
    last = [time.monotonic()]

    def tick() -> None:
        now = time.monotonic()
        gaps.append(now - last[0])
        last[0] = now

    window.open_archive(background=False)  # opening on the GUI thread here; the stages run behind it
    last[0] = time.monotonic()
    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(20)
    assert [task.name for task in stages] == [EVENTS, ENTITIES]
    entities = stages[1]
    seen_progress: list[bool] = []
    entities.progress.connect(lambda *_: seen_progress.append(window.status.stage_progress.isVisibleTo(window)))
    qtbot.waitUntil(lambda: window.status.state.text() == "Finding names…", timeout=WAIT_MS)
    assert window.status.stage_progress.title.text() == "Finding names"
    wait_idle(qtbot, window)
    timer.stop()
    assert seen_progress and all(seen_progress)
    assert entities.result.done == 5 and entities.result.pending == 0
    assert window.library is not None and window.library.entities_pending() == 0
    assert "Омск" in window.facets.model.values("place")  # the facets follow the new names
    # The models loaded off the GUI thread: it kept handling events all along.
    assert max(gaps) < 1.0, f"the GUI thread stalled for {max(gaps):.2f} s"
    window.results.select_row(0)
    assert window.reader.marks().marks
    assert window.status.state.text() == "Index up to date"


def test_a_run_left_unfinished_resumes_at_start_up(app: object, qtbot: QtBot, fresh_locations: Locations) -> None:
    from viewer.library import Library

    with Library(fresh_locations) as library:
        library.ensure_sample()  # text and events, no names: as if closed during the run
        assert library.entities_pending() == 5
    window = MainWindow(fresh_locations)
    qtbot.addWidget(window)
    window.show()
    stages = follow_stages(window)
    window.open_archive(background=False)
    assert [task.name for task in stages] == [ENTITIES]
    wait_idle(qtbot, window)
    assert window.library is not None and window.library.entities_pending() == 0
    assert "Александр Бурков" in window.facets.model.values("person")


def test_an_import_runs_the_text_stage_then_the_others(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    folder = write_articles(tmp_path / "news", [("Визит в Омск", "Губернатор Александр Бурков приехал в Павлодар.")])
    stages = follow_stages(window)
    task = window.archive.add_paths([str(folder)])
    assert task is not None
    assert [t.name for t in stages] == [EVENTS, ENTITIES]
    wait_idle(qtbot, window)
    assert task.result.added == 1
    assert window.library is not None and window.library.entities_pending() == 0
    assert window.facets.model.values("place")


def test_another_job_interrupts_finding_names_which_then_resumes(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    first = write_articles(tmp_path / "first", [(f"Новость {n}", f"Текст о Новосибирске {n}.") for n in range(3)])
    second = write_articles(tmp_path / "second", [("Ещё", "Текст о Павлодаре.")])
    stages = follow_stages(window)
    window.archive.add_paths([str(first)])
    extraction = window.jobs.entities_task()
    assert extraction is stages[-1]
    window.archive.add_paths([str(second)])
    assert extraction.is_cancelled()  # made way for the second import
    assert window.jobs.entities_task() is stages[-1] and stages[-1] is not extraction
    wait_idle(qtbot, window)
    assert window.library is not None and window.library.article_count() == 4
    assert window.library.entities_pending() == 0
    assert "Павлодар" in window.facets.model.values("place")
