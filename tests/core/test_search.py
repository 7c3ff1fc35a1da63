"""The query language, facets, filters, order, paging and snippets, over a small invented archive."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import seed_article
from viewer.library import Library
from viewer.search.query import QueryError

ARTICLES = [
    ("Форум в Омске", "Открылся форум. Губернатор Александр Бурков выступил на форуме.", "Омск Здесь",
     "2019-11-06T08:00:00+00:00", "Анна Бамбульская"),
    ("Делегация на форуме", "Делегация Казахстана прибыла. С Казахстаном подписали соглашение.", "БК55",
     "2019-11-06T11:00:00+00:00", ""),
    ("Выставка", "Более 50 компаний показали продукцию. Касым-Жомарт Токаев не приехал.", "Interfax",
     "2019-12-01T09:00:00+00:00", ""),
    ("Ёлка на площади", "В Омске поставили ёлку к Новому году.", "Омск Здесь",
     "2020-12-20T09:00:00+00:00", "Анна Бамбульская"),
    ("Без даты", "Заметка о деловом совете двух стран и о форуме.", "БК55", "", ""),
]


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    root = tmp_path_factory.mktemp("search")
    folder = root / "news"
    folder.mkdir()
    for n, (title, body, outlet, published, author) in enumerate(ARTICLES):
        text = seed_article(title, body, outlet=outlet, published=published, author=author)
        if not published:
            text = text.replace("Published at: ****\n", "")
        (folder / f"{n}.txt").write_text(text, encoding="utf-8")
    with Library.open(root / "home", workers=1) as opened:
        opened.add([folder])
        yield opened


def titles(library: Library, query: str, **options: object) -> set[str]:
    return {hit.title for hit in library.search(query, limit=50, **options).hits}  # type: ignore[arg-type]


def test_any_case_form_finds_every_form(library: Library) -> None:
    expected = {"Форум в Омске", "Делегация на форуме", "Без даты"}
    for query in ("форум", "форума", "Форуму", "форумом"):
        assert titles(library, query) == expected
    assert titles(library, "Казахстан") == titles(library, "Казахстаном") == {"Делегация на форуме"}


def test_yo_and_ye_match(library: Library) -> None:
    assert titles(library, "елка") == titles(library, "ёлки") == {"Ёлка на площади"}


def test_exact_form(library: Library) -> None:
    assert titles(library, "exact:Казахстаном") == {"Делегация на форуме"}
    assert titles(library, "exact:Казахстанах") == set()
    assert titles(library, 'exact:"на форуме"') == {"Форум в Омске", "Делегация на форуме"}
    assert titles(library, "точно:форумом") == set()


def test_operators(library: Library) -> None:
    assert titles(library, "форум Омск") == {"Форум в Омске"}
    assert titles(library, "форум AND Омск") == titles(library, "форум И Омск") == {"Форум в Омске"}
    either = {"Ёлка на площади", "Выставка"}
    assert titles(library, "ёлка OR выставка") == titles(library, "ёлка ИЛИ выставка") == either
    assert titles(library, "форум -Омск") == titles(library, "форум NOT Омск") == {"Делегация на форуме", "Без даты"}
    assert titles(library, "форум НЕ Омск") == {"Делегация на форуме", "Без даты"}


def test_phrases_and_proximity(library: Library) -> None:
    assert titles(library, '"деловой совет"') == {"Без даты"}
    assert titles(library, '"совет деловой"') == set()
    assert titles(library, '"подписать соглашение"') == {"Делегация на форуме"}
    assert titles(library, '"губернатор выступить"') == set()
    assert titles(library, '"губернатор выступить"~4') == {"Форум в Омске"}
    assert titles(library, "Касым-Жомарт") == {"Выставка"}


def test_fields(library: Library) -> None:
    assert titles(library, "title:форум") == {"Форум в Омске", "Делегация на форуме"}
    assert titles(library, 'outlet:"омск здесь"') == {"Форум в Омске", "Ёлка на площади"}
    assert titles(library, 'издание:бк55') == {"Делегация на форуме", "Без даты"}
    assert titles(library, 'author:"Анна Бамбульская"') == {"Форум в Омске", "Ёлка на площади"}


def test_dates(library: Library) -> None:
    assert titles(library, "date:2019-11") == {"Форум в Омске", "Делегация на форуме"}
    assert titles(library, "date:2019-11-06") == {"Форум в Омске", "Делегация на форуме"}
    assert titles(library, "date:[2019-12-01 TO 2020-12-31]") == {"Выставка", "Ёлка на площади"}
    assert titles(library, "date:>2019-11-30") == {"Выставка", "Ёлка на площади"}
    assert titles(library, "year:2020") == titles(library, "год:2020") == {"Ёлка на площади"}
    assert titles(library, "month:2019-12") == {"Выставка"}


def test_wildcards_and_fuzzy(library: Library) -> None:
    assert titles(library, "казах*") == {"Делегация на форуме"}
    assert titles(library, "ф?рум") == titles(library, "форум")
    assert titles(library, "Бурсов~") == {"Форум в Омске"}


@pytest.mark.parametrize(
    "query",
    ["date:2019-13", "date:[2019 TO 2018-13]", "nosuchfield:x", "(-)", "x" * 3000, "a\x00b", "exact:форум*"],
)
def test_malformed_queries_get_a_message(library: Library, query: str) -> None:
    with pytest.raises(QueryError) as raised:
        library.search(query)
    assert str(raised.value)


@pytest.mark.parametrize("query", ['"unclosed', "(форум", "форум)", "AND", "OR OR", ":", "*", "[", "^2", "~", "🙂"])
def test_odd_queries_do_not_crash(library: Library, query: str) -> None:
    try:
        library.search(query)
    except QueryError as error:
        assert str(error)


def test_facets_follow_the_query(library: Library) -> None:
    result = library.search("форум")
    assert result.facets["outlet"] == {"БК55": 2, "Омск Здесь": 1}
    assert result.facets["year"] == {"2019": 2}
    assert result.facets["month"] == {"2019-11": 2}
    assert result.facets["author"] == {"Анна Бамбульская": 1}
    everything = library.search("")
    assert everything.total == 5
    assert everything.facets["outlet"] == {"БК55": 2, "Омск Здесь": 2, "Interfax": 1}


def test_filters_include_and_exclude(library: Library) -> None:
    only = library.search("", filters={"outlet": ["БК55", "Interfax"]})
    assert only.total == 3
    # a facet's own filter does not narrow its counts, so more values can be added
    assert only.facets["outlet"] == {"БК55": 2, "Омск Здесь": 2, "Interfax": 1}
    assert only.facets["year"] == {"2019": 2}
    both = library.search("", filters={"outlet": ["Омск Здесь"], "year": ["2020"]})
    assert [h.title for h in both.hits] == ["Ёлка на площади"]
    without = library.search("форум", excludes={"outlet": ["бк55"]})
    assert [h.title for h in without.hits] == ["Форум в Омске"]
    with pytest.raises(QueryError):
        library.search("", filters={"colour": ["red"]})


def test_date_order_and_paging(library: Library) -> None:
    by_date = [h.title for h in library.search("", sort="date", limit=10).hits]
    assert by_date == ["Ёлка на площади", "Выставка", "Делегация на форуме", "Форум в Омске", "Без даты"]
    pages = [h.title for offset in range(0, 5, 2) for h in library.search("", sort="date", offset=offset, limit=2).hits]
    assert pages == by_date
    assert library.search("форум", limit=0).hits == []


def test_relevance_prefers_title_matches(library: Library) -> None:
    hits = library.search("форум").hits
    assert hits[0].title in {"Форум в Омске", "Делегация на форуме"}
    assert hits[-1].title == "Без даты"


def test_snippets_highlight_inflected_forms(library: Library) -> None:
    hit = library.search("Казахстан").hits[0]
    marked = [hit.snippet_text[s:e] for s, e in hit.snippet_spans]
    assert marked == ["Казахстана", "Казахстаном"]
    assert "<b>Казахстаном</b>" in hit.snippet


def test_hostile_text_is_escaped_in_snippets(tmp_path: Path) -> None:
    folder = tmp_path / "n"
    folder.mkdir()
    (folder / "x.txt").write_text("Заголовок\n<script>alert('форум')</script> & форум", encoding="utf-8")
    with Library.open(tmp_path / "h", workers=1) as library:
        library.add([folder])
        snippet = library.search("форум").hits[0].snippet
    assert "<script>" not in snippet and "&lt;script&gt;" in snippet and "&amp;" in snippet
