"""A process killed in the middle of an import: the previous archive stays searchable, the next run recovers."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import seed_article
from viewer.library import Library

BODY = "Губернатор открыл форум межрегионального сотрудничества. " * 40


def letopis(home: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "viewer", "--home", str(home), *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
    )


def make_folder(folder: Path, count: int, word: str) -> None:
    folder.mkdir(parents=True)
    for n in range(count):
        (folder / f"{n:05}.txt").write_text(seed_article(f"{word} {n}", f"{word} номер {n}. {BODY}"), encoding="utf-8")


@pytest.mark.slow
def test_killed_import_leaves_previous_archive_and_recovers(tmp_path: Path) -> None:
    home = tmp_path / "home"
    make_folder(tmp_path / "first", 20, "Выставка")
    make_folder(tmp_path / "second", 3000, "Ярмарка")
    first = letopis(home, "index", str(tmp_path / "first"))
    _, err = first.communicate(timeout=120)
    assert first.returncode == 0, err

    second = letopis(home, "index", str(tmp_path / "first"), str(tmp_path / "second"))
    time.sleep(3)
    if second.poll() is not None:
        pytest.fail("the import ended before it could be killed; the test needs a larger folder")
    os.killpg(second.pid, signal.SIGKILL)
    second.communicate(timeout=30)

    with Library.open(home, workers=1) as library:  # opens, checks and repairs without help
        assert library.search("выставка").total == 20
        assert library.search("ярмарка").total == library.article_count() - 20

    third = letopis(home, "index", str(tmp_path / "first"), str(tmp_path / "second"))
    _, err = third.communicate(timeout=300)
    assert third.returncode == 0, err
    search = letopis(home, "search", "ярмарка", "--json", "--limit", "0")
    found, _ = search.communicate(timeout=60)
    assert json.loads(found)["total"] == 3000
    with Library.open(home, workers=1) as library:
        assert library.article_count() == 3020
        assert library.search("").total == 3020  # nothing indexed twice
