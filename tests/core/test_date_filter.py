"""The ``date`` filter: spans of publication dates, as the month histogram sets them."""

from __future__ import annotations

import pytest

from tests.conftest import seed_article
from viewer.library import Library
from viewer.search.date_ranges import parse_span, span_value
from viewer.search.query import QueryError

ARTICLES = [
    ("Форум в Омске", "2019-11-06T08:00:00+00:00", "Омск Здесь"),
    ("Делегация на форуме", "2019-11-30T23:30:00+00:00", "БК55"),
    ("Выставка", "2019-12-01T00:00:00+00:00", "Interfax"),
    ("Ёлка на площади", "2020-12-20T09:00:00+00:00", "Омск Здесь"),
    ("Старая заметка", "2005-03-02T09:00:00+00:00", "БК55"),
    ("Без даты", "", "БК55"),
]


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    root = tmp_path_factory.mktemp("dates")
    folder = root / "news"
    folder.mkdir()
    for n, (title, published, outlet) in enumerate(ARTICLES):
        text = seed_article(title, f"Заметка номер {n} о форуме.", outlet=outlet, published=published)
        if not published:
            text = text.replace("Published at: ****\n", "")
        (folder / f"{n}.txt").write_text(text, encoding="utf-8")
    with Library.open(root / "home", workers=1) as opened:
        opened.add([folder], entities=False)
        yield opened


def titles(library: Library, **options: object) -> set[str]:
    return {hit.title for hit in library.search("", limit=50, **options).hits}  # type: ignore[arg-type]


def test_a_span_of_months_takes_in_both_whole_months(library: Library) -> None:
    assert titles(library, filters={"date": ["2019-11..2019-12"]}) == {
        "Форум в Омске", "Делегация на форуме", "Выставка"
    }
    assert titles(library, filters={"date": ["2019-11"]}) == {"Форум в Омске", "Делегация на форуме"}
    assert titles(library, filters={"date": ["2019-11-30..2019-12-01"]}) == {"Делегация на форуме", "Выставка"}


def test_open_ends_and_several_spans(library: Library) -> None:
    assert titles(library, filters={"date": ["2020.."]}) == {"Ёлка на площади"}
    assert titles(library, filters={"date": ["..2005"]}) == {"Старая заметка"}
    assert titles(library, filters={"date": ["..2005", "2020-12"]}) == {"Старая заметка", "Ёлка на площади"}
    # undated articles are outside every span, and an excluded span removes its articles
    assert titles(library, excludes={"date": ["2019.."]}) == {"Старая заметка", "Без даты"}


def test_the_span_combines_with_the_query_and_other_filters(library: Library) -> None:
    result = library.search("форум", filters={"date": ["2019"], "outlet": ["Омск Здесь"]})
    assert [h.title for h in result.hits] == ["Форум в Омске"]
    assert result.total == 1


def test_the_date_facets_are_counted_without_the_span(library: Library) -> None:
    everything = library.search("")
    narrowed = library.search("", filters={"date": ["2019-12..2020-12"]})
    assert narrowed.total == 2
    # the histogram keeps showing every month to choose from ...
    assert narrowed.facets["month"] == everything.facets["month"]
    assert narrowed.facets["year"] == everything.facets["year"]
    # ... and the other facets' counts follow the span
    assert narrowed.facets["outlet"] == {"Interfax": 1, "Омск Здесь": 1}
    # other filters still narrow the months
    assert library.search("", filters={"outlet": ["БК55"]}).facets["month"] == {"2005-03": 1, "2019-11": 1}


@pytest.mark.parametrize(
    "value", ["", "..", "ноябрь", "2019-13", "2019-02-30", "2019/11", "2020..2019", "2019-11-05..2019-11-04", "1..2"]
)
def test_a_bad_span_gets_a_message(library: Library, value: str) -> None:
    with pytest.raises(QueryError) as raised:
        library.search("", filters={"date": [value]})
    assert value.strip() in str(raised.value) or "date span" in str(raised.value)


def test_span_values() -> None:
    assert span_value("2019-03", "2019-11") == "2019-03..2019-11"
    assert span_value(None, "2019") == "..2019"
    start, end = parse_span("2019-02")
    assert (start.isoformat(), end.isoformat()) == ("2019-02-01T00:00:00", "2019-02-28T23:59:59.999999")  # type: ignore[union-attr]


def test_the_command_line_takes_a_span(library: Library, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from viewer.cli import main

    home = library.locations.data.parent
    assert main(["--home", str(home), "search", "--filter", "date=2019-12..", "--sort", "date", "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert [hit["title"] for hit in found["hits"]] == ["Ёлка на площади", "Выставка"]
    assert main(["--home", str(home), "search", "--filter", "date=вчера"]) == 1
    assert "not a date span" in capsys.readouterr().err
