"""Events: the sample's grouping, corrections that survive regrouping and re-import, the event facet."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import seed_article
from viewer.cli import main
from viewer.library import Library


@pytest.fixture
def sample() -> Library:
    with Library.open(workers=1) as library:
        library.ensure_sample()
        yield library


def by_outlet(library: Library) -> dict[str, str]:
    """Outlet (or title start, for the undated plain-text articles) -> event id."""
    result = {}
    for event in library.events():
        for article_id in event.articles:
            article = library.article(article_id)
            assert article is not None
            result[article.outlet or article.title[:20]] = event.id
    return result


def test_the_sample_forms_three_events(sample: Library) -> None:
    events = sample.events()
    assert sorted(len(e.articles) for e in events) == [1, 1, 3]
    forum = next(e for e in events if len(e.articles) == 3)
    assert set(forum.outlets) == {"Омск Здесь", "Interfax-Russia.ru", "БК55"}
    assert forum.outlets[0] == "Омск Здесь"  # by publication time
    assert (forum.start or "").startswith("2019-11-06") and "XVI" in forum.label
    owner = by_outlet(sample)
    assert owner["Делегация Новосибирс"] != owner["В Омске прошло совещ"] != forum.id


def test_events_are_a_facet_and_a_filter(sample: Library) -> None:
    forum = next(e for e in sample.events() if len(e.articles) == 3)
    result = sample.search("Казахстан")
    assert result.facets["event"][forum.id] == 3
    only = sample.search("Казахстан", filters={"event": [forum.id]})
    assert {h.id for h in only.hits} == set(forum.articles)
    assert sample.search("Казахстан", excludes={"event": [forum.id]}).total == result.total - 3
    assert {h.id for h in sample.search(f"event:{forum.id}").hits} == set(forum.articles)
    assert sample.search(f"Омск NOT event:{forum.id}").total == sample.search("Омск").total - 3
    assert sample.search("event:ev-nothing").total == 0


def test_one_event_is_read_as_the_list_has_it(sample: Library) -> None:
    """``event`` reads only that event's reports, and gives what ``events`` gives for it."""
    forum = next(e for e in sample.events() if len(e.articles) == 3)
    sample.move_article(forum.articles[0], None)
    sample.rename_event(sample.event_of(forum.articles[1]).id, "Открытие форума")
    events = sample.events()
    assert [sample.event(e.id) for e in events] == events
    assert sample.event("ev-nothing") is None and sample.event(forum.articles[0]) is None


def test_corrections_survive_regrouping_and_reimport(sample: Library) -> None:
    forum = next(e for e in sample.events() if len(e.articles) == 3)
    lone = [e for e in sample.events() if len(e.articles) == 1]
    sample.move_article(forum.articles[2], None)
    sample.merge_events([lone[0].id, lone[1].id])
    sample.rename_event(forum.id, "Открытие форума в Омске")
    for _ in range(2):
        assert sorted(len(e.articles) for e in sample.events()) == [1, 2, 2]
        assert sample.event(forum.id).label == "Открытие форума в Омске"
        sample.group_events(regroup=True)
        sample.refresh()
    sample.split_event(lone[0].id, [lone[1].articles[0]])
    sample.pin_event(forum.id)
    sample.group_events(regroup=True)
    assert sorted(len(e.articles) for e in sample.events()) == [1, 1, 1, 2]
    assert sample.event(forum.id).pinned


def test_the_report_an_event_started_with_can_leave_it(sample: Library) -> None:
    """An event is keyed by its first report: when that report leaves, the others stay together,
    under the name the user gave the event."""
    forum = next(e for e in sample.events() if len(e.articles) == 3)
    first, second, third = forum.articles
    sample.rename_event(forum.id, "Открытие форума в Омске")
    sample.move_article(first, None)
    alone, rest = sample.event_of(first), sample.event_of(second)
    assert alone is not None and alone.articles == (first,) and alone.label != "Открытие форума в Омске"
    assert rest is not None and rest.articles == (second, third) and rest.label == "Открытие форума в Омске"

    sample.move_article(first, rest.id)  # back in
    assert sample.event_of(first).articles == forum.articles
    together = sample.event_of(first)
    sample.split_event(together.id, [together.key, third])
    assert sample.event_of(first).articles == (first, third)
    assert sample.event_of(second).articles == (second,)
    assert sample.event_of(second).label == "Открытие форума в Омске"


def test_new_articles_join_existing_events(sample: Library, tmp_path: Path) -> None:
    folder = tmp_path / "more"
    folder.mkdir()
    forum = next(e for e in sample.events() if len(e.articles) == 3)
    reprint = sample.article(forum.articles[1])
    assert reprint is not None
    (folder / "copy.txt").write_text(
        seed_article(reprint.title + " (перепечатка)", reprint.body + "\nПерепечатано с сокращениями.",
                     outlet="Другое издание", url="https://example.org/1",
                     published="2019-11-06T15:00:00+00:00"),
        encoding="utf-8",
    )
    keep = sample.roots()[0][0]
    sample.add([keep, folder])
    grown = sample.event(forum.id)
    assert grown is not None and len(grown.articles) == 4


def test_events_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["events", "--json"]) == 0
    events = json.loads(capsys.readouterr().out)["events"]
    assert sorted(len(e["articles"]) for e in events) == [1, 1, 3]
    assert set(events[0]) == {"id", "label", "articles", "outlets", "start", "end", "count", "entities", "story"}
    forum = next(e for e in events if e["count"] == 3)
    assert main(["event", forum["id"], "--rename", "Форум", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["label"] == "Форум"
    assert main(["event", "ev-nothing"]) == 1


def test_same_story_command(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    articles = tmp_path / "a.jsonl"
    rows = [
        {"id": "a", "title": "В Омске открылся форум", "text": "Губернатор Бурков открыл форум в Омске.",
         "date": "2019-11-06T10:00:00+00:00"},
        {"id": "b", "title": "Форум открылся в Омске", "text": "В Омске губернатор Бурков открыл форум.",
         "date": "2019-11-06T12:00:00+00:00"},
        {"id": "c", "title": "Курс рубля", "text": "Центробанк установил курс доллара на выходные.",
         "date": "2021-03-01T12:00:00+00:00"},
    ]
    articles.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    pairs = tmp_path / "p.jsonl"
    pairs.write_text('{"id1": "a", "id2": "b"}\n{"id1": "a", "id2": "c"}\n', encoding="utf-8")
    assert main(["same-story", "--articles", str(articles), "--pairs", str(pairs), "--json"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(x["id1"], x["id2"], x["same"]) for x in lines] == [("a", "b", True), ("a", "c", False)]
    pairs.write_text('{"id1": "a", "id2": "zzz"}\n', encoding="utf-8")
    assert main(["same-story", "--articles", str(articles), "--pairs", str(pairs)]) == 1
    assert "zzz" in capsys.readouterr().err


@pytest.mark.corpora
def test_same_story_command_on_dev_pairs(corpora: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["same-story", "--articles", str(corpora / "same_story_dev_articles.jsonl"),
            "--pairs", str(corpora / "same_story_dev_pairs.jsonl"), "--json"]
    assert main(args) == 0
    judged = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    lines = (corpora / "same_story_dev_pairs.jsonl").read_text(encoding="utf-8").splitlines()
    gold = {(r["id1"], r["id2"]): r["label"] for r in map(json.loads, lines)}
    tp = sum(1 for j in judged if j["same"] and gold[(j["id1"], j["id2"])])
    fp = sum(1 for j in judged if j["same"] and not gold[(j["id1"], j["id2"])])
    fn = sum(1 for j in judged if not j["same"] and gold[(j["id1"], j["id2"])])
    assert 2 * tp / (2 * tp + fp + fn) >= 0.90


def test_compare_command_on_the_sample_event(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["events", "--json"]) == 0
    forum = next(e for e in json.loads(capsys.readouterr().out)["events"] if e["count"] == 3)
    html, csv = tmp_path / "c.html", tmp_path / "c.csv"
    assert main(["compare", forum["id"], "--html", str(html), "--csv", str(csv)]) == 0
    capsys.readouterr()
    assert "<html" in html.read_text(encoding="utf-8").lower()
    assert "более 30 предприятий" in csv.read_text(encoding="utf-8-sig")
    assert main(["compare", forum["id"]]) == 0
    digest = capsys.readouterr().out
    assert "«более 30 предприятий» (Омск Здесь) vs «более 50 компаний» (Interfax-Russia.ru)" in digest
    assert main(["compare", *forum["articles"][:2], "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)["reports"]) == 2
    assert main(["compare", forum["articles"][0]]) == 1
    assert main(["compare", "nosuch", forum["articles"][0]]) == 1


def write_protest_nights(folder: Path) -> Path:
    """The same protest reported by two outlets on three nights, and a weather report between them."""
    night = (
        "Полиция разогнала митинг оппозиции у здания парламента в Тбилиси",
        "Спецназ применил водомёты и слезоточивый газ против участников акции протеста у парламента "
        "Грузии на проспекте Руставели в Тбилиси. Протестующие требуют новых выборов.",
    )
    weather = ("В Новосибирске ожидается сильный снегопад", "Синоптики Новосибирска обещают метель и гололёд.")
    folder.mkdir(parents=True)
    that_night = {2: "Задержаны десятки человек.", 3: "Пострадали журналисты.", 4: "Акцию продлили до утра."}
    for day, news in that_night.items():
        for outlet in ("Утро", "Вечер"):
            (folder / f"{day}-{outlet}.txt").write_text(
                seed_article(night[0], f"{night[1]} {news}", outlet=outlet,
                             published=f"2024-12-0{day}T22:{10 * len(outlet)}:00+00:00"),
                encoding="utf-8",
            )
    (folder / "weather.txt").write_text(seed_article(*weather, published="2024-12-03T09:00:00+00:00"), encoding="utf-8")
    return folder


def test_a_developing_story_is_one_thread_of_separate_events(tmp_path: Path) -> None:
    """Three nights of one protest: three events (a day apart is another happening), one story
    thread; an unrelated report the same days is a thread of its own."""
    with Library.open(workers=1) as library:
        library.add([write_protest_nights(tmp_path / "nights")], entities=False)
        events = library.events(key_entities=False)
        protests = [event for event in events if "Тбилиси" in event.label]
        assert sorted(len(event.articles) for event in protests) == [2, 2, 2]
        assert len({event.story_id for event in protests}) == 1
        story = library.story(protests[0].story_id)
        assert [event.start[:10] for event in story] == ["2024-12-02", "2024-12-03", "2024-12-04"]
        (weather_event,) = [event for event in events if "Новосибирске" in event.label]
        assert weather_event.story_id not in {event.story_id for event in protests}
        assert len(library.compare([protests[0].story_id]).reports) == 6


def test_events_split_by_wording_merge_when_later_reports_bridge_them(tmp_path: Path) -> None:
    """Two wordings of one vote, imported first, are two events (the user names one); the reports
    imported next use the words of both: the two events become one, which keeps the user's name."""
    first = ("Парламент Южной Кореи проголосовал за отмену военного положения",
             "Спикер заявил, что депутаты проголосовали за отмену военного положения.")
    second = ("Национальное собрание в Сеуле потребовало снять режим чрезвычайщины",
              "Ассамблея приняла решение: режим чрезвычайщины снять немедленно, сообщили в Сеуле.")
    bridge = ("Парламент Южной Кореи проголосовал за отмену военного положения: Национальное собрание "
              "в Сеуле потребовало снять режим чрезвычайщины",
              "Спикер заявил, что депутаты проголосовали за отмену военного положения; ассамблея "
              "приняла решение снять режим чрезвычайщины немедленно.")
    folder = tmp_path / "vote"
    folder.mkdir()
    for name, (title, body), minute in (("a", first, 1), ("b", second, 2)):
        (folder / f"{name}.txt").write_text(
            seed_article(title, body, outlet=name, published=f"2024-12-03T16:0{minute}:00+00:00"), encoding="utf-8")
    with Library.open(workers=1) as library:
        library.add([folder], entities=False)
        vote = [e for e in library.events(key_entities=False) if "Сеул" in e.label or "Кореи" in e.label]
        assert len(vote) == 2
        later = max(vote, key=lambda event: event.start or "")
        library.rename_event(later.id, "Голосование о военном положении")  # the event that merges away
        for name, minute in (("c", 3), ("d", 4), ("e", 5)):
            (folder / f"{name}.txt").write_text(
                seed_article(*bridge, outlet=name, published=f"2024-12-03T16:0{minute}:00+00:00"), encoding="utf-8")
        library.add([folder], entities=False)
        (merged,) = [e for e in library.events(key_entities=False) if len(e.articles) > 1]
        assert len(merged.articles) == 5
        assert merged.label == "Голосование о военном положении"
