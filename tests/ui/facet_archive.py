"""A small dated archive for the facet panel's tests: months across years, people, places."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import seed_article
from viewer.paths import Locations

# (title, body, outlet, published)
ARTICLES = [
    ("Старая заметка об Омске", "В Омске открыли мост. Мэр Омска Виктор Шрейдер перерезал ленту.", "БК55",
     "2005-03-02T09:00:00+00:00"),
    ("Форум в Омске", "Губернатор Омской области Александр Бурков открыл форум в Омске.", "Омск Здесь",
     "2019-01-15T09:00:00+00:00"),
    ("Делегация из Казахстана", "Президент Казахстана Касым-Жомарт Токаев прибыл в Омск.", "БК55",
     "2019-03-10T09:00:00+00:00"),
    ("Соглашение подписано", "Александр Бурков и аким Павлодарской области подписали соглашение в Омске.",
     "Interfax", "2019-03-20T09:00:00+00:00"),
    ("Выставка в Астане", "В Астане открылась выставка. Касым-Жомарт Токаев осмотрел стенды.", "Interfax",
     "2019-06-01T09:00:00+00:00"),
    ("Газпром строит", "Компания «Газпром» строит газопровод в Омской области.", "Омск Здесь",
     "2019-11-06T09:00:00+00:00"),
    ("Новый год в Омске", "Александр Бурков поздравил жителей Омска с Новым годом.", "БК55",
     "2020-12-30T09:00:00+00:00"),
]


def _build(root: Path) -> Path:
    from viewer.library import Library

    folder = root / "news"
    folder.mkdir(parents=True)
    for n, (title, body, outlet, published) in enumerate(ARTICLES):
        text = seed_article(title, body, outlet=outlet, published=published, url=f"https://example.ru/{n}.html")
        (folder / f"{n:03d}.txt").write_text(text, encoding="utf-8")
    home = root / "home"
    with Library.open(home, workers=1) as library:
        library.add([folder])
        assert library.article_count() == len(ARTICLES) and library.entities_pending() == 0
    return home


@pytest.fixture(scope="session")
def dated_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(tmp_path_factory.mktemp("dated"))


@pytest.fixture
def dated_locations(dated_home: Path, tmp_path: Path) -> Locations:
    home = tmp_path / "dated-home"
    shutil.copytree(dated_home, home)
    return Locations.for_home(home)
