"""Saved searches: named, kept with the user's data, and brought back exactly."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from viewer.library import Library
from viewer.userdata import SavedSearchError, UserData


@pytest.fixture
def library(tmp_path: Path) -> Library:
    with Library.open(tmp_path / "home", workers=1) as opened:
        yield opened


def test_a_saved_search_survives_reopening(tmp_path: Path) -> None:
    home = tmp_path / "home"
    with Library.open(home, workers=1) as library:
        saved = library.save_search(
            "  Форум\tв Омске ",
            "форум Омск",
            filters={"outlet": ["БК55", "Омск Здесь"], "date": ["2019-03..2019-11"], "author": []},
            excludes={"person": ["Александр Бурков"]},
            sort="date",
        )
        assert saved.name == "Форум в Омске"
    with Library.open(home, workers=1) as library:
        again = library.saved_search("Форум в Омске")
        assert again is not None
        assert again.query == "форум Омск"
        assert again.filters == {"outlet": ("БК55", "Омск Здесь"), "date": ("2019-03..2019-11",)}
        assert again.excludes == {"person": ("Александр Бурков",)}
        assert again.sort == "date"
        # what it keeps is what search takes
        assert library.search(again.query, again.filters, again.excludes, again.sort).total == 0


def test_list_rename_delete(library: Library) -> None:
    library.save_search("бета", "б")
    library.save_search("Альфа", "а")
    library.save_search("ёлки", "ё")
    assert [s.name for s in library.saved_searches()] == ["Альфа", "бета", "ёлки"]
    assert library.rename_saved_search("бета", "Гамма") == "Гамма"
    assert library.saved_search("бета") is None and library.saved_search("Гамма").query == "б"  # type: ignore[union-attr]
    assert library.rename_saved_search("Гамма", "гамма") == "гамма"  # a change of case is allowed
    assert library.delete_saved_search("гамма")
    assert not library.delete_saved_search("гамма")
    assert [s.name for s in library.saved_searches()] == ["Альфа", "ёлки"]


@pytest.mark.parametrize(("name", "reason"), [("", "empty"), ("  \t ", "empty"), ("x" * 121, "too long"),
                                              ("альфа", "taken"), ("Елки", "taken")])
def test_bad_names_are_refused_with_a_reason(library: Library, name: str, reason: str) -> None:
    library.save_search("Альфа", "а")
    library.save_search("ёлки", "ё")
    with pytest.raises(SavedSearchError) as raised:
        library.save_search(name, "что-то")
    assert raised.value.reason == reason and str(raised.value)
    library.save_search("Бета", "б")
    with pytest.raises(SavedSearchError) as raised:
        library.rename_saved_search("Бета", name)
    assert raised.value.reason == reason
    assert [s.query for s in library.saved_searches()] == ["а", "б", "ё"]


def test_overwriting_and_missing_searches(library: Library) -> None:
    library.save_search("Альфа", "а", sort="date")
    replaced = library.save_search("альфа", "новый", overwrite=True)
    assert [(s.name, s.query, s.sort) for s in library.saved_searches()] == [("альфа", "новый", "relevance")]
    assert replaced.query == "новый"
    with pytest.raises(SavedSearchError) as raised:
        library.rename_saved_search("нет такого", "Бета")
    assert raised.value.reason == "missing"
    with pytest.raises(ValueError, match="unknown order"):
        library.save_search("Бета", "б", sort="alphabetical")


def test_the_first_versions_table_is_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "letopis.sqlite3"
    db = sqlite3.connect(path)
    db.execute(
        "CREATE TABLE saved_searches (name TEXT PRIMARY KEY, query TEXT NOT NULL, filters TEXT NOT NULL DEFAULT '[]')"
    )
    db.execute("INSERT INTO saved_searches (name, query) VALUES ('старый', 'форум')")
    db.execute("PRAGMA user_version = 1")
    db.commit()
    db.close()
    user = UserData(path)
    try:
        (old,) = user.searches.all()
        assert (old.name, old.query, old.filters, old.excludes, old.sort) == ("старый", "форум", {}, {}, "relevance")
    finally:
        user.close()
