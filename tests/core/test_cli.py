"""The command line contract: output shapes, exit codes, one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import seed_article
from viewer.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_search_json_contract_on_the_sample(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "search", "Казахстаном", "--json", "--limit", "2")
    assert code == 0
    data = json.loads(out)
    assert set(data) == {"total", "hits", "facets"}
    assert data["total"] >= 4 and len(data["hits"]) == 2
    assert set(data["hits"][0]) == {"id", "title", "outlet", "author", "published", "score", "snippet"}
    assert set(data["facets"]) >= {"outlet", "author", "year", "month"}
    assert data["facets"]["outlet"]["Омск Здесь"] == 1
    assert "<b>" in data["hits"][0]["snippet"]


def test_filters_and_sort(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "search", "форум", "--filter", "outlet=БК55", "--filter", "outlet=Омск Здесь",
                       "--sort", "date", "--json")
    assert code == 0
    hits = json.loads(out)["hits"]
    assert [h["outlet"] for h in hits] == ["БК55", "Омск Здесь"]
    code, out, _ = run(capsys, "search", "форум", "--exclude", "year=2019", "--json")
    assert all(h["published"] is None or not h["published"].startswith("2019") for h in json.loads(out)["hits"])


def test_show_and_problems(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    _, out, _ = run(capsys, "search", "Бурков", "--json", "--limit", "1")
    article_id = json.loads(out)["hits"][0]["id"]
    code, out, _ = run(capsys, "show", article_id, "--json")
    shown = json.loads(out)
    assert code == 0 and shown["id"] == article_id and "Бурков" in shown["body"] and shown["paths"]
    code, out, _ = run(capsys, "problems", "--json")
    assert code == 0 and json.loads(out) == {"problems": []}


def test_index_prints_a_summary(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text(seed_article("Форум", "Текст о форуме."), encoding="utf-8")
    (folder / "bad.json").write_text("{", encoding="utf-8")
    code, out, err = run(capsys, "index", str(folder))
    assert code == 0
    assert "added 1" in out and "problems 1" in out
    assert "reading files" in err
    code, out, _ = run(capsys, "problems")
    assert "bad.json" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["show", "nosuchid"], "no article with id"),
        (["search", "date:2019-13"], "not a date"),
        (["search", "colour:red"], "unknown field"),
        (["search", "x", "--filter", "outlet"], "FIELD=VALUE"),
        (["search", "x", "--filter", "colour=red"], "cannot filter on"),
    ],
)
def test_failures_exit_non_zero_with_one_line(
    capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    code, _, err = run(capsys, *args)
    assert code == 1
    assert message in err and err.count("\n") == 1 and "Traceback" not in err


def test_home_option_and_version(tmp_path: Path) -> None:
    home = tmp_path / "elsewhere"
    result = subprocess.run(
        [sys.executable, "-m", "viewer", "--home", str(home), "status", "--json"],
        capture_output=True, text=True, check=True,
    )
    assert json.loads(result.stdout)["articles"] == 5
    assert (home / "data" / "catalog.sqlite3").is_file()
    version = subprocess.run([sys.executable, "-m", "viewer", "--version"], capture_output=True, text=True, check=True)
    assert version.stdout.startswith("Letopis ")
