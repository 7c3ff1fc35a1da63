"""The screenshots of docs/user-guide.md and of the AppStream metadata, made from the real app.

    python packaging/screenshots.py [--language en|ru] [--out docs/images]
    xvfb-run -a env QT_QPA_PLATFORM=xcb python packaging/screenshots.py   (in a real X window)

Opens the main window over a new archive holding the bundled sample (in a temporary Letopis
home, so nothing of the user's is touched) and saves:
  main-window.png   a search, its facets and results, and the first article in the reader
  reader.png        the reader pane, finding a word in the article
  compare.png       the reports of the sample's largest event side by side
With ``--language ru`` the interface is Russian and the names end in ``-ru``.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QWidget

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from viewer.paths import Locations  # noqa: E402
from viewer.ui.app import configure_application  # noqa: E402
from viewer.ui.main_window import MainWindow  # noqa: E402

SIZE = (1280, 800)
LOCALES = {
    "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedStates),
    "ru": QLocale(QLocale.Language.Russian, QLocale.Country.Russia),
}


def settle(until: Callable[[], bool] = lambda: True, timeout: float = 120.0) -> None:
    """Lets Qt run (painting, background jobs' results) until ``until()`` holds."""
    deadline = time.monotonic() + timeout
    while True:
        QApplication.processEvents()
        if until() or time.monotonic() > deadline:
            break
        time.sleep(0.02)
    for _ in range(5):
        QApplication.processEvents()
        time.sleep(0.02)


def save(widget: QWidget, path: Path) -> Path:
    if not widget.grab().save(str(path)):
        raise SystemExit(f"screenshots: could not write {path}")
    print(f"{path.stat().st_size:>8}  {path}")
    return path


def comparison_window(window: MainWindow) -> QWidget:
    """The comparison of the sample's largest event, as its Compare link opens it."""
    assert window.library is not None
    events = [event for event in window.library.events() if len(event.articles) >= 2]
    if not events:
        raise SystemExit("screenshots: the sample archive has no event of two reports")
    event = max(events, key=lambda event: len(event.articles))
    window.compare_articles(list(event.articles), event.id)
    shown = window.compare_windows[-1]
    settle(lambda: not window.jobs.is_busy() and not shown.is_busy())
    return shown


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="Screenshots of the app for the user guide.")
    parser.add_argument("--language", choices=sorted(LOCALES), default="en")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "images")
    args = parser.parse_args(argv)
    suffix = "" if args.language == "en" else f"-{args.language}"
    args.out.mkdir(parents=True, exist_ok=True)

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    configure_application(app, LOCALES[args.language])
    with tempfile.TemporaryDirectory(prefix="letopis-screenshots-") as home:
        window = MainWindow(Locations.for_home(home))
        window.resize(*SIZE)
        window.show()
        window.open_archive(background=False)
        settle(lambda: not window.jobs.is_busy())
        if window.library is None or window.library.article_count() == 0:
            raise SystemExit("screenshots: the sample archive did not open")

        window.search_bar.set_text("Казахстан", search=True)
        settle(lambda: not window.jobs.is_busy())
        window.results.select_row(0)
        window.reader.next_hit()
        settle()
        save(window, args.out / f"main-window{suffix}.png")

        window.reader.open_find()
        window.reader.find_bar.field.setText("форум")
        settle()
        save(window.reader, args.out / f"reader{suffix}.png")
        window.reader.find_bar.close()

        shown = comparison_window(window)
        shown.resize(*SIZE)
        settle()
        save(shown, args.out / f"compare{suffix}.png")
        shown.close()

        window.jobs.cancel_all()
        window.jobs.wait()
        window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
