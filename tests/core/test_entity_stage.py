"""Entities in the archive: facets, filters, the entity view, curation that survives, resuming."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import seed_article
from viewer.cli import main
from viewer.entities import stage as entity_stage
from viewer.library import Library


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Library:
    with Library.open(tmp_path_factory.mktemp("entities") / "home", workers=1) as library:
        library.ensure_sample(entities=True)
        yield library


def forum_reports(library: Library) -> set[str]:
    return set(next(e for e in library.events() if len(e.articles) == 3).articles)


def test_the_three_reports_name_burkov_and_torebaev(sample: Library) -> None:
    facets = sample.search("").facets
    assert facets["person"]["Александр Бурков"] == 3
    assert facets["person"]["Кайрат Торебаев"] == 3
    for place in ("Омск", "Омская область", "Казахстан"):
        assert place in facets["place"]
    burkov = {h.id for h in sample.search('person:"Александр Бурков"').hits}
    assert burkov == forum_reports(sample)
    assert sample.search("", filters={"person": ["Кайрат Торебаев"]}).total == 3


def test_mentions_point_into_title_and_body(sample: Library) -> None:
    for article_id in forum_reports(sample):
        article = sample.article(article_id)
        assert article is not None
        mentions = sample.mentions(article_id)
        assert mentions
        for m in mentions:
            text = article.title if m.part == "title" else article.body
            assert text[m.start : m.stop] == m.text


def test_entity_view(sample: Library) -> None:
    view = sample.entity("александр бурков")
    assert view is not None and view.type == "PER"
    assert set(view.articles) == forum_reports(sample)
    assert view.mentions >= 3
    assert "Кайрат Торебаев" in [name for name, _, _ in view.related]
    assert (view.first or "").startswith("2019-11-06")


def test_curation_survives_reindexing(tmp_path: Path) -> None:
    folder = tmp_path / "n"
    folder.mkdir()
    (folder / "a.txt").write_text(
        seed_article("Визит", "Губернатор Омской области Александр Бурков посетил Москву. Бурков остался доволен."),
        encoding="utf-8",
    )
    (folder / "b.txt").write_text(
        seed_article("Встреча", "Александр Бурков и Кайрат Торебаев открыли выставку в Омске.",
                     published="2019-12-01T00:00:00+00:00"),
        encoding="utf-8",
    )
    with Library.open(tmp_path / "home", workers=1) as library:
        library.add([folder])
        library.rename_entity("Александр Бурков", "А. Бурков")
        library.hide_entity("Москва")
        library.merge_entities("Омская область", "Омск")
        library.set_entity_type("Кайрат Торебаев", "ORG")
        for _ in range(2):
            facets = library.search("").facets
            assert facets["person"] == {"А. Бурков": 2}
            assert "Москва" not in facets["place"] and facets["place"]["Омск"] == 2
            assert facets["organisation"]["Кайрат Торебаев"] == 1
            names = {m.normal for a in library.search("").hits for m in library.mentions(a.id)}
            assert "Александр Бурков" not in names and "Москва" not in names
            library.rebuild_index()
            library.refresh()


def test_a_stopped_entity_stage_resumes_without_redoing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "n"
    folder.mkdir()
    for n in range(12):
        (folder / f"{n}.txt").write_text(seed_article(f"Новость {n}", f"Александр Бурков посетил Омск {n} раз."),
                                         encoding="utf-8")
    monkeypatch.setattr(entity_stage, "_BATCH", 4)
    with Library.open(tmp_path / "home", workers=1) as library:
        library.add([folder], entities=False)
        assert library.entities_pending() == 12
        library.extract_entities(cancelled=lambda: library.entities_pending() < 12)
        left = library.entities_pending()
        assert 0 < left < 12
        assert library.extract_entities() == left
        assert library.entities_pending() == 0
        assert library.extract_entities() == 0
        assert library.search("").facets["person"]["Александр Бурков"] == 12


def test_entities_commands(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    text = tmp_path / "t.txt"
    text.write_text("Губернатор Омской области Александр Бурков прибыл в Астану.", encoding="utf-8")
    assert main(["entities", str(text), "--json"]) == 0
    found = json.loads(capsys.readouterr().out)["entities"]
    assert {"start": 26, "stop": 42, "type": "PER", "text": "Александр Бурков", "normal": "Александр Бурков"} in found
    batch = tmp_path / "b.jsonl"
    batch.write_text('{"id": "x", "text": "Кайрат Торебаев в Омске."}\n{"id": "y", "text": ""}\n', encoding="utf-8")
    assert main(["entities", "--jsonl", str(batch)]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["id"] for line in lines] == ["x", "y"] and lines[1]["entities"] == []
    assert main(["entity", "Кайрат Торебаев", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)["articles"]) == 3
    assert main(["entities", "--pending", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"pending": 0}
    assert main(["entity", "Никто Никакой"]) == 1


def test_events_name_their_key_entities(sample: Library) -> None:
    forum = next(e for e in sample.events() if len(e.articles) == 3)
    names = [name for name, _ in forum.entities]
    assert "Александр Бурков" in names and "Кайрат Торебаев" in names
    assert sample.event(forum.id).entities == forum.entities
