"""Emoji of news posts show as colour pictures, not empty boxes: from the system's colour emoji
font (packaging/setup.sh installs fonts-noto-color-emoji), or from the one the Linux bundle ships
(viewer.ui.app.register_fonts)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QFont, QImage
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from tests.ui.conftest import SCREENSHOTS
from viewer.ui.app import register_fonts

ROOT = Path(__file__).resolve().parents[2]
EMOJI_FAMILY = "Noto Color Emoji"
POST = "🔴 Подписаться на Москву ❗️ Mash ⚡️ 👉"
PIXELS = 32  # the label's font size: 🔴 is a red disc about this wide


def font_files(family: str) -> list[Path]:
    """The files of a font family as fontconfig lists them (none without fontconfig)."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return []
    listed = subprocess.run(
        [fc_list, "--format", "%{file}\n", f":family={family}"], capture_output=True, text=True, check=False
    ).stdout
    return sorted(Path(line) for line in listed.splitlines() if line.strip())


@pytest.fixture(scope="module")
def emoji_font() -> Path:
    files = font_files(EMOJI_FAMILY)
    if not files:
        pytest.skip(f"no {EMOJI_FAMILY!r} font on this system (fonts-noto-color-emoji; packaging/setup.sh installs it)")
    return files[0]


def red_pixels(image: QImage) -> int:
    """Pixels of a saturated red: the colour glyph of 🔴 (a box or plain text is grey or black)."""
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    count = 0
    for y in range(image.height()):
        for x in range(image.width()):
            colour = image.pixelColor(x, y)
            count += colour.red() - max(colour.green(), colour.blue()) > 100
    return count


def test_a_label_shows_the_emoji_in_colour(app: QApplication, qtbot: QtBot, emoji_font: Path) -> None:
    label = QLabel(POST)
    qtbot.addWidget(label)
    font = QFont(label.font())
    font.setPixelSize(PIXELS)
    label.setFont(font)
    label.resize(label.sizeHint())
    image = label.grab().toImage()
    SCREENSHOTS.mkdir(exist_ok=True)
    image.save(str(SCREENSHOTS / "emoji.png"))
    assert red_pixels(image) > PIXELS * PIXELS // 4, "🔴 is not drawn in colour (an empty box, or nothing)"


def test_a_shipped_font_serves_a_system_without_one(app: QApplication, emoji_font: Path, tmp_path: Path) -> None:
    """The bundle's case: fontconfig knows DejaVu's folder only (with the system's rules), and the
    app registers the emoji font it ships (in a fresh process: fontconfig reads its configuration
    once)."""
    dejavu = font_files("DejaVu Sans")
    if not dejavu:
        pytest.skip("no DejaVu Sans font on this system (fonts-dejavu-core; packaging/setup.sh installs it)")
    config = tmp_path / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n'
        f"<fontconfig><dir>{dejavu[0].parent}</dir><cachedir>{tmp_path / 'cache'}</cachedir>"
        '<include ignore_missing="yes">/etc/fonts/conf.d</include></fontconfig>\n',
        encoding="utf-8",
    )
    shipped = tmp_path / "fonts"
    shipped.mkdir()
    (shipped / emoji_font.name).symlink_to(emoji_font)
    picture = tmp_path / "bundle-emoji.png"
    probe = (
        "import sys\n"
        "from pathlib import Path\n"
        "from PySide6.QtGui import QFontDatabase\n"
        "from PySide6.QtWidgets import QApplication, QLabel\n"
        "from viewer.ui.app import register_fonts\n"
        "app = QApplication(sys.argv[:1])\n"
        f"print({EMOJI_FAMILY!r} in QFontDatabase.families())\n"
        "print(register_fonts(Path(sys.argv[1])))\n"
        "label = QLabel(sys.argv[3])\n"
        "font = label.font()\n"
        f"font.setPixelSize({PIXELS})\n"
        "label.setFont(font)\n"
        "label.resize(label.sizeHint())\n"
        "label.grab().save(sys.argv[2])\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "FONTCONFIG_"))}
    env.update(QT_QPA_PLATFORM="offscreen", FONTCONFIG_FILE=str(config))
    done = subprocess.run(
        [sys.executable, "-c", probe, str(shipped), str(picture), POST],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    known_before, registered = done.stdout.splitlines()[:2]
    assert known_before == "False", "the system's emoji font was not hidden"
    assert registered == str([EMOJI_FAMILY])
    assert red_pixels(QImage(str(picture))) > PIXELS * PIXELS // 4, "the shipped font does not draw 🔴 in colour"


def test_nothing_is_registered_without_a_fonts_folder(app: QApplication, tmp_path: Path) -> None:
    assert register_fonts(tmp_path / "fonts") == []
    (tmp_path / "fonts").mkdir()
    (tmp_path / "fonts" / "README.txt").write_text("not a font", encoding="utf-8")
    assert register_fonts(tmp_path / "fonts") == []
