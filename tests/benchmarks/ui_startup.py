"""How soon the desktop app shows its window, and its first results, on a 10,000-article archive.

    python tests/benchmarks/ui_startup.py [--corpora DIR] [--workdir DIR] [--runs 5]

1. Builds (or reuses, in ``--workdir``) an archive of 10,000 real articles: the 8,934 RT and
   Nezavisimaya Gazeta articles and the first 1,066 Telegram posts of ``--corpora``, imported with
   ``Library.add`` (text and events; names are left for later, as a fresh import leaves them
   while the app works).
2. Launches the app ``--runs`` times, each in a new Python process, through ``viewer.ui.app.run``
   (what ``letopis`` with no command calls) on that archive, and records, from the moment the
   process was started: the window on screen (shown and exposed), the archive open, and the first
   page of results in the list. The process then quits.
3. The baseline, launched the same way in the same run: a process that imports PySide6 and shows
   an empty ``QMainWindow`` — the floor that Python and Qt set on this machine.

Runs on the offscreen platform unless ``QT_QPA_PLATFORM`` is set. The target is the window shown
within 1 s of launch.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SIZE = 10_000
TARGET_S = 1.0
SOURCES = ("news_rt_ng_articles.jsonl.gz", "news_tg_channel_posts.jsonl.gz")

# The launched process: ``started`` is the launcher's wall clock just before it started us.
LETOPIS = """
import json, os, sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from viewer.ui.app import run
from viewer.ui.main_window import MainWindow

started, home = float(sys.argv[1]), sys.argv[2]
app = QApplication(sys.argv[:1])
marks = {}

def window():
    return next((w for w in app.topLevelWidgets() if isinstance(w, MainWindow)), None)

def poll():
    main = window()
    now = time.time() - started
    if main is not None and "shown" not in marks and main.isVisible() and main.windowHandle().isExposed():
        marks["shown"] = now
    if main is not None and "opened" not in marks and main.library is not None:
        marks["opened"] = now
    if main is not None and "results" not in marks and main.results_model.rowCount() > 0:
        marks["results"] = now
    if len(marks) == 3:
        print(json.dumps(marks), flush=True)
        os._exit(0)  # start-up is measured, not closing (background work may be under way)

timer = QTimer()
timer.timeout.connect(poll)
timer.start(1)
sys.exit(run(home))
"""

BASELINE = """
import json, sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

started = float(sys.argv[1])
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setCentralWidget(QLabel("Letopis"))
window.resize(1280, 800)
window.show()

def poll():
    if window.isVisible() and window.windowHandle().isExposed():
        print(json.dumps({"shown": time.time() - started}), flush=True)
        app.quit()

timer = QTimer()
timer.timeout.connect(poll)
timer.start(1)
sys.exit(app.exec())
"""


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def build_archive(corpora: Path, home: Path) -> int:
    from viewer.library import Library

    with Library.open(home) as library:
        if library.article_count() >= SIZE * 0.95:
            return library.article_count()
        folder = home.parent / "articles"
        folder.mkdir(parents=True, exist_ok=True)
        written = 0
        with gzip.open(folder / "articles.jsonl.gz", "wt", encoding="utf-8") as out:
            for name in SOURCES:
                with gzip.open(corpora / name, "rt", encoding="utf-8") as source:
                    for line in source:
                        if written == SIZE:
                            break
                        if line.strip():
                            out.write(line)
                            written += 1
        log(f"importing {written} articles into {home} (text and events) …")
        started = time.perf_counter()
        library.add([folder], entities=False)
        log(f"imported in {time.perf_counter() - started:.0f} s")
        return library.article_count()


def launch(script: str, *args: str) -> dict[str, float]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    started = time.time()
    done = subprocess.run(
        [sys.executable, "-c", script, repr(started), *args], env=env, capture_output=True, text=True, timeout=300
    )
    if done.returncode != 0:
        raise RuntimeError(f"the launched process failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    parser.add_argument("--workdir", type=Path, help="keeps the archive for the next run (default: a temporary one)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if not all((args.corpora / name).is_file() for name in SOURCES):
        log(f"the corpora are not in {args.corpora}")
        return 2
    sys.path.insert(0, str(ROOT))
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="letopis-startup-"))
    try:
        home = workdir / "home"
        count = build_archive(args.corpora, home)
        runs = [launch(LETOPIS, str(home)) for _ in range(args.runs)]
        floors = [launch(BASELINE)["shown"] for _ in range(args.runs)]
    finally:
        if args.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)

    floor = statistics.median(floors)
    print(f"\nStart-up of the desktop app on {count:,} articles, median of {args.runs} launches (s from process start)")
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}")
    print(f"{'':30}{'Letopis':>10}{'empty Qt window':>17}{'ratio':>8}")
    for label, key in (("window shown", "shown"), ("archive open", "opened"), ("first results", "results")):
        value = statistics.median(run[key] for run in runs)
        baseline, ratio = (f"{floor:.2f}", f"{value / floor:.2f}x") if key == "shown" else ("", "")
        print(f"{label:30}{value:>10.2f}{baseline:>17}{ratio:>8}")
    shown = statistics.median(run["shown"] for run in runs)
    print(f"target: window shown within {TARGET_S:.0f} s — {'PASS' if shown <= TARGET_S else 'MISS'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
