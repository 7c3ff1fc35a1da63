"""Every test runs with its own Letopis home, so nothing touches the real user folders."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "letopis-home"
    monkeypatch.setenv("LETOPIS_HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    return home


@pytest.fixture
def corpora() -> Path:
    folder = SHARED / "corpora"
    if not folder.is_dir():
        pytest.skip(f"the development corpora are not at {folder}")
    return folder


def seed_article(
    title: str,
    body: str,
    outlet: str = "Омск Здесь",
    url: str = "https://omskzdes.ru/news/1.html",
    published: str = "2019-11-06T10:00:00+00:00",
    author: str = "",
) -> str:
    """A file in the sample archive's layout."""
    return (
        f"\n# {title}\n\nPublished at: **{published}**\n\nAuthor: **{author}**\n\n"
        f"Original: [{outlet}]({url})\n\n{body}\n"
    )
