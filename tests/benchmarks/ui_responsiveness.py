"""Does the desktop app's event loop keep up while the real corpus is imported?

    python tests/benchmarks/ui_responsiveness.py [--corpora DIR] [--seconds 900] [--search-every 2.0]

Opens the main window (offscreen unless ``QT_QPA_PLATFORM`` says otherwise) on a new archive,
then adds ``news_rt_ng_articles.jsonl.gz`` (8,934 real articles, copied to a scratch folder)
through the window's own import action, exactly as the Add Files dialog does. Until the archive's
background jobs are all done (text, events, names) or ``--seconds`` have passed (then the jobs
are cancelled, as closing the window does), it measures:

- the event loop: a precise 5 ms timer records every gap between its ticks; a *stall* is the part
  of a gap beyond the interval. The target is no stall longer than 100 ms.
- the user's own work: every ``--search-every`` seconds the script types a query from a fixed list
  into the search bar and runs it, as a user searching during the import would. That time is the
  search's, not a stall of the loop: gaps that contain a search are reported on their own line.

The baseline is the same meter over the same window, idle, for 10 s in the same process before
the import: what the machine's own scheduling costs. Every figure is printed beside it.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QElapsedTimer, QEventLoop, QLocale, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from viewer.paths import Locations  # noqa: E402
from viewer.ui.app import configure_application  # noqa: E402
from viewer.ui.main_window import MainWindow  # noqa: E402

CORPUS = "news_rt_ng_articles.jsonl.gz"
TICK_MS = 5
STALL_TARGET_MS = 100
BASELINE_SECONDS = 10
QUERIES = ("форум", "Казахстан", "выборы президента", "нефть OR газ", '"экономическое сотрудничество"', "санкци*")


@dataclass
class StallMeter:
    """Gaps between the ticks of a precise timer; gaps that contain the user's search apart."""

    gaps: list[float] = field(default_factory=list)
    search_gaps: list[float] = field(default_factory=list)
    _clock: QElapsedTimer = field(default_factory=QElapsedTimer)
    _last: float = 0.0
    _searched: bool = False
    where: Counter[str] = field(default_factory=Counter)  # what the GUI thread was running in long gaps
    _beat: float = 0.0
    _watching: bool = False

    def __post_init__(self) -> None:
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)
        self._gui_thread = threading.get_ident()

    def start(self) -> None:
        self.gaps.clear()
        self.search_gaps.clear()
        self.where.clear()
        self._clock.start()
        self._last = self._now()
        self._beat = time.monotonic()
        self.timer.start()
        self._watching = True
        threading.Thread(target=self._watch, daemon=True).start()

    def stop(self) -> None:
        self.timer.stop()
        self._watching = False

    def _watch(self) -> None:
        """Every 10 ms: when the loop has not ticked for 50 ms, note the GUI thread's innermost
        project frame (or its innermost frame), so that the report says where stalls come from."""
        while self._watching:
            time.sleep(0.01)
            if time.monotonic() - self._beat < 0.05 or self._searched:
                continue
            frame = sys._current_frames().get(self._gui_thread)
            stack = traceback.extract_stack(frame) if frame is not None else []
            del frame  # holding it would keep the GUI thread's locals (a QPainter, say) alive
            ours = [f for f in stack if "/viewer/" in f.filename]
            ui = [f for f in ours if "/viewer/ui/" in f.filename]
            names = [f"{Path(p.filename).name}:{p.lineno} {p.name}" for p in ((ours or stack)[-1:] + ui[-1:])]
            if names:
                self.where[" ← ".join(dict.fromkeys(names))] += 1

    def searched(self) -> None:
        self._searched = True

    def _now(self) -> float:
        return self._clock.nsecsElapsed() / 1e6

    def _tick(self) -> None:
        now = self._now()
        stall = max(0.0, now - self._last - TICK_MS)
        (self.search_gaps if self._searched else self.gaps).append(stall)
        self._searched = False
        self._last = now
        self._beat = time.monotonic()


def wait(app: QApplication, seconds: float, until: object = None) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        if until is not None and until():  # type: ignore[operator]
            return
        time.sleep(0.001)


def summary(values: list[float]) -> dict[str, float]:
    if not values:
        return {"n": 0, "max": 0.0, "p99": 0.0, "over": 0}
    ordered = sorted(values)
    return {
        "n": len(values),
        "max": ordered[-1],
        "p99": ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))],
        "over": sum(1 for value in values if value > STALL_TARGET_MS),
    }


def run_loop(meter: StallMeter, seconds: float) -> None:
    """Let the event loop run for ``seconds`` under the meter."""
    loop = QEventLoop()
    meter.start()
    QTimer.singleShot(round(seconds * 1000), loop.quit)
    loop.exec()
    meter.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    parser.add_argument("--seconds", type=float, default=900.0, help="stop (cancel the jobs) after this long")
    parser.add_argument("--search-every", type=float, default=2.0, help="seconds between the user's searches")
    args = parser.parse_args()
    source = args.corpora / CORPUS
    if not source.is_file():
        print(f"not found: {source}", file=sys.stderr)
        return 2

    app = QApplication(sys.argv[:1])
    configure_application(app, QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    scratch = Path(tempfile.mkdtemp(prefix="letopis-responsiveness-"))
    try:
        folder = scratch / "incoming"
        folder.mkdir()
        shutil.copy(source, folder / CORPUS)
        window = MainWindow(Locations.for_home(scratch / "home"))
        window.resize(1280, 800)
        window.show()
        window.open_archive(background=False)
        wait(app, 120, until=lambda: not window.jobs.is_busy())  # the sample, before anything is measured

        meter = StallMeter()
        run_loop(meter, BASELINE_SECONDS)
        idle = summary(meter.gaps)

        searches: list[float] = []
        queries = itertools.cycle(QUERIES)

        def search() -> None:
            started = time.perf_counter()
            window.search_bar.set_text(next(queries), search=True)
            searches.append((time.perf_counter() - started) * 1000)
            meter.searched()

        collections: list[tuple[int, float, str]] = []  # (generation, ms, thread) of the collector's passes
        began: list[float] = []

        def collector(phase: str, info: dict[str, int]) -> None:
            if phase == "start":
                began[:] = [time.perf_counter()]
            elif began:
                ms = (time.perf_counter() - began[0]) * 1000
                collections.append((info["generation"], ms, threading.current_thread().name))

        gc.callbacks.append(collector)
        searcher = QTimer()
        searcher.setInterval(round(args.search_every * 1000))
        searcher.timeout.connect(search)
        started = time.monotonic()
        task = window.archive.add_paths([str(folder)])
        assert task is not None

        loop = QEventLoop()

        def check_done() -> None:
            if not window.jobs.is_busy() or time.monotonic() - started > args.seconds:
                loop.quit()

        done = QTimer()
        done.setInterval(200)
        done.timeout.connect(check_done)
        meter.start()
        searcher.start()
        done.start()
        loop.exec()
        meter.stop()
        searcher.stop()
        done.stop()
        elapsed = time.monotonic() - started
        finished = not window.jobs.is_busy()
        window.jobs.cancel_all()
        window.jobs.wait()
        busy = summary(meter.gaps)
        articles = window.library.article_count() if window.library is not None else 0
        window.close()

        print(f"\nEvent-loop stalls while importing {CORPUS} through the window")
        print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f} at the end")
        print(
            f"import: {elapsed:.0f} s, {'all jobs finished' if finished else f'stopped after {args.seconds:.0f} s'}, "
            f"{articles} articles in the archive"
        )
        print(f"{'':34}{'import':>12}{'idle (baseline)':>18}{'ratio':>8}")
        for label, key in (("ticks", "n"), ("longest stall, ms", "max"), ("99th percentile stall, ms", "p99")):
            ratio = f"{busy[key] / idle[key]:.2f}x" if key != "n" and idle[key] else ""
            print(f"{label:34}{busy[key]:>12.1f}{idle[key]:>18.1f}{ratio:>8}")
        print(f"{'stalls over 100 ms':34}{busy['over']:>12}{idle['over']:>18}")
        if searches:
            print(
                f"user's searches during the import: {len(searches)}, median {statistics.median(searches):.0f} ms, "
                f"longest {max(searches):.0f} ms (run on the GUI thread, not counted as stalls)"
            )
        gc.callbacks.remove(collector)
        slow = [(ms, thread) for _, ms, thread in collections if ms > 50]
        print(f"garbage collector: {len(collections)} passes, {sum(g == 2 for g, _, _ in collections)} full ones; "
              f"{len(slow)} over 50 ms, longest {max((ms for ms, _ in slow), default=0):.0f} ms, "
              f"started by {sorted({thread for _, thread in slow})}")  # fmt: skip
        if meter.where:
            print("where the GUI thread was in gaps over 50 ms (10 ms samples):")
            for place, samples in meter.where.most_common(8):
                print(f"  {samples:>5}  {place}")
        verdict = "PASS" if busy["max"] <= STALL_TARGET_MS else "MISS"
        print(f"target: no stall over {STALL_TARGET_MS} ms — {verdict}")
        return 0
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
