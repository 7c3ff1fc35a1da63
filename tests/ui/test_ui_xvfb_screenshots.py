"""The app on a real X server (Xvfb, Qt's xcb platform): the user guide's screenshots of the main
window, the reader and the comparison, made by packaging/screenshots.py, are real pictures."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ("main-window.png", "reader.png", "compare.png")


def distinct_colours(image: QImage) -> int:
    """Colours on a coarse grid: a blank or failed picture has one or two."""
    step = max(1, min(image.width(), image.height()) // 60)
    return len({image.pixel(x, y) for x in range(0, image.width(), step) for y in range(0, image.height(), step)})


@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="no xvfb-run (packaging/setup.sh installs it)")
def test_screenshots_under_xvfb(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb"}
    done = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", sys.executable, str(ROOT / "packaging" / "screenshots.py"),
         "--out", str(tmp_path)],
        env=env, capture_output=True, text=True, timeout=600, cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    for name in SHOTS:
        image = QImage(str(tmp_path / name))
        assert not image.isNull(), f"{name} is not a picture"
        assert image.width() >= 500 and image.height() >= 400, f"{name} is {image.width()}×{image.height()}"
        assert distinct_colours(image) > 20, f"{name} looks blank"
    main_window = QImage(str(tmp_path / "main-window.png"))
    assert (main_window.width(), main_window.height()) == (1280, 800)
