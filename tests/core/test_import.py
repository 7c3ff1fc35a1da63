"""Importing folders: formats mixed with bad files, incremental re-import, duplicates, the sample."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import seed_article
from viewer import importer
from viewer.importer import ImportCancelled
from viewer.library import Library
from viewer.paths import sample_archive


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding=encoding)
    return path


@pytest.fixture
def library() -> Library:
    with Library.open(workers=1) as opened:
        yield opened


def test_sample_archive_opens_when_nothing_was_added(library: Library) -> None:
    summary = library.ensure_sample()
    assert summary is not None and summary.added == 5
    assert library.roots() == [(str(sample_archive()), True)]
    assert library.search("форум").total == 5
    assert library.ensure_sample() is None  # only once


def test_first_own_folder_replaces_the_sample(library: Library, tmp_path: Path) -> None:
    library.ensure_sample()
    write(tmp_path / "mine" / "a.txt", "Заголовок\nТекст про форум в Омске.")
    library.add([tmp_path / "mine"])
    assert [root for root, _ in library.roots()] == [str(tmp_path / "mine")]
    assert library.article_count() == 1


def test_import_reads_good_files_and_records_bad_ones(library: Library, tmp_path: Path) -> None:
    folder = tmp_path / "news"
    write(folder / "seed.txt", seed_article("Форум открылся", "В Омске открылся форум."))
    write(folder / "cp1251.txt", "Новости Омска\nГубернатор открыл выставку предприятий.", "cp1251")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (folder / "empty.txt").write_bytes(b"")
    write(folder / "broken.json", '[{"title": "Начало", "text": "обрезано')
    (folder / "picture.png").write_bytes(b"\x89PNG")
    write(folder / ".hidden.txt", "Скрытый\nфайл")
    summary = library.add([folder])
    assert summary.added == 2
    reasons = {Path(p.path).name: p.reason for p in library.problems()}
    assert set(reasons) == {"binary.txt", "empty.txt", "broken.json", "picture.png"}
    assert all(reason and "Traceback" not in reason for reason in reasons.values())
    assert library.search("губернатор выставка").total == 1


def test_reimport_reads_only_what_changed(library: Library, tmp_path: Path) -> None:
    folder = tmp_path / "news"
    for n in range(3):
        write(folder / f"{n}.txt", seed_article(f"Новость {n}", f"Текст номер {n} о форуме."))
    first = library.add([folder])
    assert (first.added, first.files_read) == (3, 3)

    again = library.add([folder])
    assert (again.added, again.files_read, again.files_unchanged) == (0, 0, 3)

    changed = folder / "1.txt"
    write(changed, seed_article("Новость 1", "Исправленный текст о выставке."))
    os.utime(changed, ns=(changed.stat().st_atime_ns, changed.stat().st_mtime_ns + 10**9))
    (folder / "2.txt").unlink()
    write(folder / "3.txt", seed_article("Новость 3", "Совсем новая заметка."))
    third = library.add([folder])
    assert (third.added, third.updated, third.removed, third.files_read) == (2, 1, 2, 2)
    assert library.article_count() == 3
    assert library.search("выставка").total == 1
    assert library.search("exact:номер").total == 1


def test_exact_duplicates_are_stored_once_with_every_path(library: Library, tmp_path: Path) -> None:
    text = seed_article("Одна новость", "Один и тот же текст.")
    write(tmp_path / "a" / "x.txt", text)
    write(tmp_path / "b" / "y.txt", text.replace("Один", "один"))  # same after folding
    summary = library.add([tmp_path / "a", tmp_path / "b"])
    assert (summary.added, summary.duplicates) == (1, 1)
    hit = library.search("новость").hits[0]
    article = library.article(hit.id)
    assert article is not None and len(article.paths) == 2
    (tmp_path / "a" / "x.txt").unlink()
    library.add([tmp_path / "a"])
    assert library.article_count() == 1  # still held by the other file


def test_missing_folder_keeps_its_articles(library: Library, tmp_path: Path) -> None:
    folder = tmp_path / "usb"
    write(folder / "a.txt", "Заголовок\nТекст.")
    library.add([folder])
    shutil.rmtree(folder)
    summary = library.refresh()
    assert library.article_count() == 1
    assert summary.problems == 1
    assert any("not found" in p.reason for p in library.problems())


def test_symlink_loop_is_reported_not_followed(library: Library, tmp_path: Path) -> None:
    folder = tmp_path / "loop"
    write(folder / "sub" / "a.txt", "Заголовок\nТекст.")
    (folder / "sub" / "back").symlink_to(folder, target_is_directory=True)
    summary = library.add([folder])
    assert summary.added == 1
    assert any("loop" in p.reason for p in library.problems())


def test_unreadable_file_is_a_problem(library: Library, tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root can read any file")
    path = write(tmp_path / "n" / "secret.txt", "Заголовок\nТекст.")
    path.chmod(0)
    library.add([tmp_path / "n"])
    assert [p.reason for p in library.problems()] == ["cannot read: Permission denied"]


@pytest.mark.parametrize("read_ahead", [importer._READ_AHEAD_BYTES, 20_000])
def test_parallel_import_indexes_everything(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, read_ahead: int) -> None:
    """Also when reading may run only a few files ahead of indexing."""
    monkeypatch.setattr(importer, "_READ_AHEAD_BYTES", read_ahead)
    folder = tmp_path / "many"
    for n in range(450):
        body = f"Форум {n}. Казахстан и Россия. " + "Делегации обсудили сотрудничество регионов. " * 120
        write(folder / f"{n:03}.txt", seed_article(f"Новость номер {n}", body,
                                                   published=f"2019-{n % 12 + 1:02}-01T00:00:00+00:00"))
    with Library.open(tmp_path / "parallel", workers=2) as parallel:
        summary = parallel.add([folder])
        assert summary.added == 450
        result = parallel.search("Казахстаном", limit=0)
        assert result.total == 450
        assert sum(result.facets["month"].values()) == 450
        hit = parallel.search('"Форум 317"').hits[0]
        assert hit.title == "Новость номер 317"
        assert parallel.article(hit.id).paths == (str(folder / "317.txt"),)


def test_outlet_aliases_refile_articles(library: Library, tmp_path: Path) -> None:
    write(tmp_path / "n" / "a.txt", seed_article("А", "Текст один.", outlet="Омск Здесь"))
    write(tmp_path / "n" / "b.txt", seed_article("Б", "Текст два.", outlet="omskzdes.ru"))
    library.add([tmp_path / "n"])
    assert set(library.search("").facets["outlet"]) == {"Омск Здесь", "omskzdes.ru"}
    assert library.set_outlet_alias("www.OmskZdes.ru", "Омск Здесь") == 1
    assert library.search("").facets["outlet"] == {"Омск Здесь": 2}
    assert library.search("", filters={"outlet": ["омск здесь"]}).total == 2
    library.refresh()  # aliases survive re-import
    assert library.search("").facets["outlet"] == {"Омск Здесь": 2}
    assert library.remove_outlet_alias("omskzdes.ru") == 1


def test_rebuild_keeps_everything(library: Library, tmp_path: Path) -> None:
    write(tmp_path / "n" / "a.txt", seed_article("Форум", "Текст о форуме."))
    library.add([tmp_path / "n"])
    library.set_outlet_alias("omskzdes.ru", "Омск Здесь")
    library.rebuild_index()
    assert library.search("форумом").total == 1
    assert library.outlet_aliases() == {"omskzdes.ru": "Омск Здесь"}


def test_a_cancelled_import_changes_nothing(library: Library, tmp_path: Path) -> None:
    library.ensure_sample()
    write(tmp_path / "mine" / "a.txt", "Заголовок\nТекст.")
    with pytest.raises(ImportCancelled):
        library.add([tmp_path / "mine"], cancelled=lambda: True)
    assert library.roots() == [(str(sample_archive()), True)]
    assert library.article_count() == 5


CANCEL_MIDWAY = """
import json, sys
from pathlib import Path
from viewer import importer
from viewer.importer import ImportCancelled
from viewer.library import Library

folder, home = Path(sys.argv[1]), sys.argv[2]
calls = []

def cancelled():
    calls.append(1)
    return len(calls) > 15  # some hundreds of articles into the parallel indexing

if __name__ == "__main__":
    with Library.open(home, workers=2) as library:
        try:
            library.add([folder], cancelled=cancelled, events=False, entities=False)
        except ImportCancelled:
            print("cancelled")
"""


def test_a_cancelled_parallel_import_lets_the_process_exit(tmp_path: Path) -> None:
    """Batches still queued for the stopped indexing processes must not keep the process alive."""
    folder = tmp_path / "big"
    folder.mkdir()
    body = " ".join(f"Слово{n} форума в Омске и сотрудничества регионов." for n in range(150))
    with (folder / "articles.jsonl").open("w", encoding="utf-8") as out:
        for n in range(1500):
            out.write(json.dumps({"title": f"Статья {n}", "text": f"{body} {n}"}, ensure_ascii=False) + "\n")
    script = tmp_path / "cancel_midway.py"
    script.write_text(CANCEL_MIDWAY, encoding="utf-8")
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, str(script), str(folder), str(tmp_path / "home")],
        capture_output=True, text=True, timeout=180, env={**os.environ, "PYTHONPATH": str(root)},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "cancelled"
