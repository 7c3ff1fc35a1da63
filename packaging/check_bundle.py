"""Checks a built one-folder bundle the way a person would use it, with its own files only.

    python3 packaging/check_bundle.py [dist/letopis]

1. ``letopis --version`` prints the version of viewer/__init__.py;
2. ``letopis index`` imports a folder of 80 articles and a saved web page (in parallel worker
   processes, as a large import does) and finds their people and places with natasha's model;
3. ``letopis search`` answers from them and from the bundled sample archive;
4. the desktop app starts on Qt's offscreen platform, opens a new archive, imports the sample
   in the background and keeps running until it is closed; with ``xvfb-run`` on the machine it
   does the same in a real X window;
5. on Linux, the bundle carries a colour emoji font for the app to register (packaging/letopis.spec
   takes the system's, which packaging/setup.sh installs).

Exit status 0 when everything held, 1 with the reason otherwise. Needs Python 3 only.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP_SECONDS = 12  # how long the desktop app must run by itself
TIMEOUT = 600
FONTS = "viewer/resources/fonts"  # where packaging/letopis.spec puts fonts, below the bundle's data folder
COLOUR_TABLES = {b"CBDT", b"COLR", b"sbix"}  # an OpenType font's colour glyphs (bitmaps, layers, images)


class CheckFailed(Exception):
    pass


def version() -> str:
    match = re.search(r'__version__ = "([^"]+)"', (ROOT / "viewer" / "__init__.py").read_text(encoding="utf-8"))
    if match is None:
        raise CheckFailed("no __version__ in viewer/__init__.py")
    return match.group(1)


def run(program: Path, *args: str, home: Path | None = None) -> str:
    command = [str(program), *(["--home", str(home)] if home else []), *args]
    done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, env=_env(), check=False)
    if done.returncode != 0:
        raise CheckFailed(f"{' '.join(command[1:])} exited {done.returncode}: {done.stderr.strip()[-2000:]}")
    return done.stdout


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "LETOPIS_", "QT_"))}
    env.update(extra)
    return env


def write_articles(folder: Path) -> None:
    folder.mkdir(parents=True)
    for number in range(80):
        day = 1 + number % 28
        (folder / f"{number:03d}.txt").write_text(
            f"# Форум приграничного сотрудничества, день {number}\n\n"
            f"Published at: **2019-11-{day:02d}T10:00:00+00:00**\n\nAuthor: **Анна Петрова**\n\n"
            f"Original: [Омск Здесь](https://omskzdes.ru/news/{number}.html)\n\n"
            "Губернатор Омской области Александр Бурков открыл в Омске форум межрегионального "
            "сотрудничества России и Казахстана. В работе форума участвуют более 30 предприятий "
            f"из Павлодара и Петропавловска. Заметка номер {number}.\n",
            encoding="utf-8",
        )
    (folder / "saved-page.html").write_text(
        "<!doctype html><html lang='ru'><head><meta charset='utf-8'>"
        "<title>Ледовая переправа через Иртыш открыта</title></head><body><article>"
        "<h1>Ледовая переправа через Иртыш открыта</h1>"
        "<p>В Омской области открыли первую в этом году ледовую переправу через Иртыш. "
        "Грузоподъёмность переправы составляет три тонны, сообщили в министерстве транспорта.</p>"
        "<p>Переправа соединяет берега реки у села Большеречье и будет работать до весны.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )


def search(program: Path, home: Path, query: str) -> dict:
    return json.loads(run(program, "search", query, "--json", home=home))


def check_command_line(program: Path, work: Path) -> None:
    printed = run(program, "--version").strip()
    if printed != f"Letopis {version()}":
        raise CheckFailed(f"--version printed {printed!r}, not 'Letopis {version()}'")
    print(f"  {printed}")

    sample_home = work / "home-sample"
    sample = search(program, sample_home, "Казахстан")
    folders = json.loads(run(program, "status", "--json", home=sample_home))["folders"]
    bundled = [Path(entry["path"]) for entry in folders if entry["sample"]]
    if sample["total"] < 1 or not bundled or not bundled[0].is_relative_to(program.resolve().parent):
        raise CheckFailed(f"the bundled sample archive was not imported: {folders}, {sample['total']} found")
    print(f"  sample archive: {bundled[0]}, «Казахстан» {sample['total']} articles")

    home, folder = work / "home-cli", work / "news"
    write_articles(folder)
    started = time.monotonic()
    summary = run(program, "index", "--quiet", str(folder), home=home).strip()
    print(f"  index: {summary.splitlines()[-1]} ({time.monotonic() - started:.1f} s)")
    forum = search(program, home, "форума")
    if forum["total"] < 80:
        raise CheckFailed(f"«форума» found {forum['total']} articles, not the 80 imported ones")
    river = search(program, home, "Иртыше")
    if river["total"] < 1:
        raise CheckFailed("the saved web page was not imported (nothing found for «Иртыше»)")
    if "Александр Бурков" not in forum["facets"].get("person", {}):
        raise CheckFailed(f"no person «Александр Бурков» among {forum['facets'].get('person')}")
    print(f"  search: «форума» {forum['total']}, «Иртыше» {river['total']} articles; people found by the model")


def check_desktop_app(program: Path, work: Path, platform: str, wrapper: list[str]) -> None:
    home = work / f"home-{platform}"
    env = _env(QT_QPA_PLATFORM=platform)
    log = work / f"app-{platform}.log"
    with log.open("w") as output:
        app = subprocess.Popen(
            [*wrapper, str(program), "--home", str(home)], stdout=output, stderr=subprocess.STDOUT, env=env
        )
        try:
            time.sleep(APP_SECONDS)
            if app.poll() is not None:
                raise CheckFailed(f"the app ({platform}) exited {app.returncode}: {log.read_text()[-2000:]}")
        finally:
            if app.poll() is None:
                app.send_signal(signal.SIGTERM)
                try:
                    app.wait(30)
                except subprocess.TimeoutExpired:
                    app.kill()
                    app.wait()
    text = log.read_text()
    if "Traceback" in text or "qt.qpa.plugin" in text:
        raise CheckFailed(f"the app ({platform}) reported: {text[-2000:]}")
    if not (home / "data" / "index").is_dir():
        raise CheckFailed(f"the app ({platform}) did not open an archive in {home}")
    answer = search(program, home, "Омске")
    if answer["total"] < 1:
        raise CheckFailed(f"after the app ({platform}) ran, «Омске» finds nothing")
    print(f"  desktop app ({platform}): ran {APP_SECONDS} s, opened the archive; «Омске» finds {answer['total']}")


def font_tables(path: Path) -> set[bytes]:
    """The table tags of a TrueType or OpenType font (the first of a collection)."""
    with path.open("rb") as font:
        header = font.read(12)
        if header[:4] == b"ttcf":
            font.seek(int.from_bytes(font.read(4), "big"))
            header = font.read(12)
        count = int.from_bytes(header[4:6], "big")
        directory = font.read(16 * count)
    return {directory[16 * number : 16 * number + 4] for number in range(count)}


def check_fonts(bundle: Path) -> None:
    """A Linux bundle carries a colour emoji font (Windows and macOS have their own)."""
    fonts = sorted(path for path in bundle.glob(f"**/{FONTS}/*") if path.suffix.lower() in {".ttf", ".otf", ".ttc"})
    coloured = [path for path in fonts if font_tables(path) & COLOUR_TABLES]
    if not coloured:
        raise CheckFailed(
            f"no colour emoji font in {FONTS} of the bundle ({[path.name for path in fonts]}): emoji would show "
            "as empty boxes; install fonts-noto-color-emoji (packaging/setup.sh does) and build again"
        )
    size = sum(path.stat().st_size for path in coloured) / 1e6
    print(f"  emoji font: {', '.join(path.name for path in coloured)} ({size:.1f} MB)")


def main(argv: list[str]) -> int:
    bundle = Path(argv[0]) if argv else ROOT / "dist" / "letopis"
    program = bundle / ("letopis.exe" if sys.platform == "win32" else "letopis")
    if not program.is_file():
        print(f"check_bundle: no program at {program}; build it with packaging/build.sh", file=sys.stderr)
        return 1
    print(f"Checking {bundle}")
    work = Path(tempfile.mkdtemp(prefix="letopis-check-"))
    try:
        if sys.platform.startswith("linux"):
            check_fonts(bundle)
        check_command_line(program, work)
        check_desktop_app(program, work, "offscreen", [])
        xvfb = shutil.which("xvfb-run")
        if xvfb and sys.platform.startswith("linux"):
            check_desktop_app(program, work, "xcb", [xvfb, "--auto-servernum", "--server-args=-screen 0 1280x800x24"])
    except (CheckFailed, subprocess.TimeoutExpired, json.JSONDecodeError) as error:
        print(f"check_bundle: {error}", file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("The bundle works.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
