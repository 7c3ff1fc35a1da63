"""Real-world news text in the archive: markup, outlets' boilerplate, reposts, the records' own ids,
and archives of the version before them, upgraded on open."""

from __future__ import annotations

import gzip
import json
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from viewer.archive.formats.common import title_from_text
from viewer.archive.records import text_identity
from viewer.cli import main
from viewer.library import Library
from viewer.paths import Locations
from viewer.text.markup import formats_from_json

START = datetime(2024, 11, 25, 8, 0)
FOOTER_A = "❗️ [Подписывайся на Утро](https://t.me/+utro)"
FOOTER_B = "🔴 [Подписаться на Вечер](https://t.me/vecher) | [Прислать новость](https://t.me/vecher_bot)"
STORIES = [
    "В Омске открылся **форум** регионов России и Казахстана",
    "Губернатор Новосибирской области посетил завод",
    "На трассе Тюмень — Омск столкнулись два грузовика",
    "В Томске выпал первый снег, дороги расчищают",
    "Курс доллара на бирже превысил отметку в сто рублей",
    "В Барнауле открыли новый мост через Обь",
    "Хоккеисты Хабаровска выиграли турнир юниоров",
    "В Кургане сгорел склад с удобрениями",
    "Учёные из Новосибирска получили грант на исследования",
    "В Павлодаре завершили ремонт главной площади",
    "В Иркутске задержали мошенников, обманувших пенсионеров",
    "Аэропорт Красноярска получил новый терминал",
]


def post(number: int, outlet: str, text: str, minutes: int = 0) -> dict[str, object]:
    return {
        "id": f"{outlet[:2]}-{number}",
        "title": None,
        "date": (START + timedelta(hours=number, minutes=minutes)).isoformat() + "+00:00",
        "outlet": outlet,
        "text": text,
    }


def channel_posts() -> list[dict[str, object]]:
    """Outlet «Утро» signs every post with its footer; «Вечер» with another one, and reposts one of Утро's."""
    posts = []
    for number, story in enumerate(STORIES):
        body = f"{story}.\n\nПодробности {number + 1} уточняются.\n\n{FOOTER_A}"
        posts.append(post(number, "Утро", body))
    for number, story in enumerate(STORIES[:10]):
        other = f"__{story.replace('**', '')}__ — сообщают очевидцы.\n\nДетали {number} позже.\n\n{FOOTER_B}"
        posts.append(post(100 + number, "Вечер", other))
    posts.append(post(200, "Утро", FOOTER_A))  # a post that is nothing but the footer
    # «Вечер» runs Утро's first post word for word, twelve minutes later.
    posts.append({**posts[0], "id": "Ве-repost", "outlet": "Вечер", "date": "2024-11-25T08:12:00+00:00"})
    # It runs another of Утро's posts with its own footer in place of Утро's: a copy all the same.
    own_footer = str(posts[1]["text"]).replace(FOOTER_A, FOOTER_B)
    posts.append({**posts[1], "id": "Ве-own-footer", "outlet": "Вечер", "text": own_footer,
                  "date": "2024-11-25T09:30:00+00:00"})
    # Another outlet mentions Утро's footer words in a story of its own: that is content there.
    posts.append(post(300, "День", "Подписывайся на Утро — призвал зрителей ведущий в прямом эфире."))
    return posts


def write_jsonl(path: Path, records: list[dict[str, object]]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.fixture
def channels(tmp_path: Path) -> Library:
    write_jsonl(tmp_path / "posts" / "posts.jsonl", channel_posts())
    with Library.open(workers=1) as library:
        library.add([tmp_path / "posts"], entities=False)
        yield library


def by_source(library: Library, source_id: str):  # type: ignore[no-untyped-def]
    article = library.article(source_id)
    assert article is not None, source_id
    return article


def test_markup_becomes_formatting_and_plain_text(channels: Library) -> None:
    first = by_source(channels, "Ут-0")
    assert first.title == "В Омске открылся форум регионов России и Казахстана"
    assert "**" not in first.body and "](" not in first.body
    formats = formats_from_json(first.formats)
    bold = [f for f in formats if f.kind == "bold"]
    assert [first.body[f.start : f.stop] for f in bold] == ["форум"]
    link = next(f for f in formats if f.kind == "link")
    assert first.body[link.start : link.stop] == "Подписывайся на Утро" and link.url == "https://t.me/+utro"
    italic = by_source(channels, "Ве-100")
    assert not italic.title.startswith("_") and italic.title.startswith("В Омске открылся форум")
    for hit in channels.search("", limit=50).hits:
        assert "**" not in hit.title and "__" not in hit.title and "**" not in hit.snippet_text


def test_the_footer_is_learned_per_outlet(channels: Library) -> None:
    first = by_source(channels, "Ут-0")
    marked = [first.body[start:stop] for start, stop in first.boilerplate]
    assert any("Подписывайся на Утро" in text for text in marked)
    assert not any("уточняются" in text for text in marked)  # the outlet's own words are content
    evening = by_source(channels, "Ве-101")
    assert any("Прислать новость" in evening.body[a:b] for a, b in evening.boilerplate)
    # «День» never used Утро's footer: the same words in its story stay content.
    assert by_source(channels, "Де-300").boilerplate == ()
    content = channels.content(first)
    assert "Подписывайся" not in content.body and len(content.body) == len(first.body)


def test_a_boilerplate_only_post_joins_no_event_and_snippets_leave_the_footer_out(channels: Library) -> None:
    lone = by_source(channels, "Ут-200")
    assert channels.content(lone).only_boilerplate
    event = channels.event_of(lone.id)
    assert event is None or event.articles == (lone.id,)
    for hit in channels.search("подписывайся", limit=50).hits:
        if hit.outlet == "Утро":
            assert "Подписывайся" not in hit.snippet_text


def test_footers_do_not_glue_one_outlets_posts_into_an_event(channels: Library) -> None:
    morning = [by_source(channels, f"Ут-{n}").id for n in range(len(STORIES))]
    events = {channels.event_of(article).id for article in morning if channels.event_of(article)}
    biggest = max((channels.event_of(a) for a in morning), key=lambda e: len(e.articles) if e else 0)
    assert biggest is not None
    assert sum(1 for a in biggest.articles if a in morning) <= 1, "unrelated posts of one outlet share an event"
    assert len(events) >= len(STORIES) - 1


def test_a_repost_by_a_second_outlet_is_a_report_of_that_outlet(channels: Library) -> None:
    original, repost = by_source(channels, "Ут-0"), by_source(channels, "Ве-repost")
    assert original.id != repost.id and original.text_id == repost.text_id
    assert repost.outlet == "Вечер" and repost.source_ids == ("Ве-repost",)
    assert repost.original is not None and repost.original.outlet == "Утро" and repost.original.minutes_later == 12
    assert original.original is None
    own_footer = by_source(channels, "Ве-own-footer")
    assert own_footer.text_id != by_source(channels, "Ут-1").text_id
    assert own_footer.original is not None and own_footer.original.outlet == "Утро"
    assert own_footer.original.minutes_later == 30
    assert by_source(channels, "Ут-200").original is None  # nothing but a footer is nobody's copy
    facets = channels.search("Омске открылся форум").facets["outlet"]
    assert facets.get("Утро") and facets.get("Вечер")
    event = channels.event_of(repost.id)
    assert event is not None and original.id in event.articles and {"Утро", "Вечер"} <= set(event.outlets)
    comparison = channels.compare([original.id, repost.id])
    later = next(entry for entry in comparison.timeline if entry.report == 1)
    assert later.copy_of == 0
    assert comparison.to_json()["timeline"][1]["copy_of"] == original.id
    # The footer is compared by neither: it is no shared passage.
    assert "Подписывайся" not in comparison.reports[0].body


def test_exact_duplicates_within_one_outlet_stay_one_article_with_every_path(tmp_path: Path) -> None:
    record = post(1, "Утро", "В Омске открылся форум.\n\nПодробности позже.")
    write_jsonl(tmp_path / "a" / "one.jsonl", [record])
    write_jsonl(tmp_path / "a" / "two.jsonl", [{**record, "id": "copy"}])
    with Library.open(workers=1) as library:
        summary = library.add([tmp_path / "a"], events=False, entities=False)
        assert summary.added == 1 and summary.duplicates == 1
        (article,) = library.catalog.all_articles()
        assert len(article.paths) == 2 and set(article.source_ids) == {"Ут-1", "copy"}


def test_source_ids_round_trip_through_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_jsonl(tmp_path / "posts" / "posts.jsonl", channel_posts())
    assert main(["index", str(tmp_path / "posts"), "--no-entities"]) == 0
    capsys.readouterr()
    assert main(["show", "Ве-repost", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["source_id"] == "Ве-repost" and shown["outlet"] == "Вечер"
    assert shown["sources"][0]["locator"].startswith("line ")
    assert shown["copy_of"]["outlet"] == "Утро" and shown["copy_of"]["minutes_later"] == 12
    assert main(["show", shown["id"]]) == 0
    text = capsys.readouterr().out
    assert "identical copy of Утро, 12 minutes later" in text and "record Ве-repost" in text
    assert "**" not in text and "](" not in text
    assert main(["show", "ev-nothing"]) == 1
    assert "letopis event" in capsys.readouterr().err


# An archive of the version before: plain texts with marks, one article per text. ----------------------

_V1_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE roots (path TEXT PRIMARY KEY, added TEXT NOT NULL, sample INTEGER NOT NULL DEFAULT 0);
CREATE TABLE files (path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL);
CREATE TABLE articles (
    id TEXT PRIMARY KEY, title TEXT NOT NULL, body TEXT NOT NULL,
    outlet TEXT, source_outlet TEXT, author TEXT, published TEXT, url TEXT, added TEXT NOT NULL);
CREATE TABLE sources (path TEXT NOT NULL, locator TEXT NOT NULL, article_id TEXT NOT NULL, PRIMARY KEY (path, locator));
CREATE INDEX sources_by_article ON sources (article_id);
CREATE TABLE problems (path TEXT NOT NULL, reason TEXT NOT NULL, seen TEXT NOT NULL);
CREATE TABLE story_fingerprints (article_id TEXT PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE event_members (article_id TEXT PRIMARY KEY, event_key TEXT NOT NULL);
CREATE TABLE event_labels_auto (event_key TEXT PRIMARY KEY, label TEXT NOT NULL);
CREATE TABLE mentions (article_id TEXT NOT NULL, part TEXT NOT NULL, start INTEGER NOT NULL, stop INTEGER NOT NULL,
    type TEXT NOT NULL, text TEXT NOT NULL, normal TEXT NOT NULL);
CREATE TABLE entities_done (article_id TEXT PRIMARY KEY);
"""


def write_archive_of_the_version_before(
    locations: Locations, folder: Path, records: list[dict[str, object]]
) -> list[str]:
    """The catalog the version before would have made of ``records`` in ``folder``; returns its article ids."""
    path = write_jsonl(folder / "posts.jsonl", records)
    locations.create()
    db = sqlite3.connect(locations.catalog_file)
    db.executescript(_V1_SCHEMA)
    db.execute("INSERT INTO meta VALUES ('version', '1'), ('schema_version', '9'), ('sample_offered', 'yes')")
    db.execute("INSERT INTO roots VALUES (?, '2024-12-01T00:00:00+00:00', 0)", (str(folder),))
    old_ids = []
    for number, record in enumerate(records, 1):
        body = str(record["text"])
        title = title_from_text(body)  # as the version before made titles: marks and all
        old_id = text_identity(title, body)
        old_ids.append(old_id)
        db.execute(
            "INSERT OR IGNORE INTO articles VALUES (?, ?, ?, ?, ?, NULL, ?, NULL, '2024-12-01T00:00:00+00:00')",
            (old_id, title, body, record["outlet"], record["outlet"], record["date"]),
        )
        db.execute("INSERT INTO sources VALUES (?, ?, ?)", (str(path), f"line {number}", old_id))
    db.execute("INSERT INTO event_members VALUES (?, ?)", (old_ids[1], old_ids[1]))
    db.commit()
    db.close()
    return old_ids


def test_an_archive_of_the_version_before_is_upgraded_on_open_and_keeps_the_users_work(tmp_path: Path) -> None:
    records = channel_posts()
    locations = Locations.for_home(None)
    old_ids = write_archive_of_the_version_before(locations, tmp_path / "posts", records)
    user = sqlite3.connect(locations.user_file)
    user.executescript(
        "CREATE TABLE event_moves (article_id TEXT PRIMARY KEY, target TEXT NOT NULL);"
        "CREATE TABLE event_labels (event_key TEXT PRIMARY KEY, label TEXT NOT NULL);"
        "CREATE TABLE saved_searches (name TEXT PRIMARY KEY, query TEXT NOT NULL, filters TEXT NOT NULL DEFAULT '[]');"
    )
    user.execute("INSERT INTO event_moves VALUES (?, ?)", (old_ids[2], old_ids[1]))
    user.execute("INSERT INTO event_labels VALUES (?, 'Моё событие')", (old_ids[1],))
    chosen = json.dumps({"event": [f"ev-{old_ids[1]}"]})
    user.execute("INSERT INTO saved_searches VALUES ('моё', 'форум', ?)", (chosen,))
    user.commit()
    user.close()

    with Library.open(workers=1) as library:
        articles = list(library.catalog.all_articles())
        assert len(articles) == len(records) - 1  # the repost was one article then
        assert all("**" not in a.title + a.body and "](" not in a.body for a in articles)
        assert library.search("форум").total >= 1  # the index was rebuilt from the upgraded catalog
        new_ids = {a.source_outlet + a.published: a.id for a in articles}
        second = new_ids[str(records[1]["outlet"]) + str(records[1]["date"])]
        third = new_ids[str(records[2]["outlet"]) + str(records[2]["date"])]
        assert library.user.events.moves() == {third: second}
        assert library.user.events.labels() == {second: "Моё событие"}
        assert library.saved_search("моё").filters == {"event": (f"ev-{second}",)}
        assert all(a.boilerplate for a in articles if a.source_outlet == "Утро")  # footers learned on opening
        # Every file is read again by the next re-scan: the reposts and the records' own ids come in.
        assert library.rescan_pending()
        library.refresh(events=False, entities=False)
        assert not library.rescan_pending()
        assert library.article_count() == len(records)
        assert library.article("Ве-repost") is not None and by_source(library, "Ут-1").id == second


def test_a_gzipped_real_day_of_channel_posts_shows_no_markup(tmp_path: Path, corpora: Path) -> None:
    """The real posts of one day from several channels: no marks anywhere, every reposting outlet kept."""
    day = []
    with gzip.open(corpora / "news_tg_channel_posts.jsonl.gz", "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if str(record.get("date", "")).startswith("2024-11-26"):
                day.append(record)
    assert len(day) > 100
    write_jsonl(tmp_path / "day" / "posts.jsonl", day)
    with Library.open(workers=1) as library:
        library.add([tmp_path / "day"], entities=False)
        articles = list(library.catalog.all_articles())
        for article in articles:
            assert not article.title.startswith(("*", "_", "[")), article.title
            assert "**" not in article.title and "](http" not in article.body, article.id
        texts: dict[str, set[str]] = {}
        for record in day:
            texts.setdefault(str(record["text"]).strip(), set()).add(str(record["outlet"]))
        shared = [outlets for outlets in texts.values() if len(outlets) > 1]
        stored = {(a.text_id, a.source_outlet) for a in articles}
        by_text: dict[str, set[str]] = {}
        for text_id, outlet in stored:
            by_text.setdefault(text_id, set()).add(str(outlet))
        for outlets in shared:  # every outlet that ran a reposted text has its own report of it
            assert any(outlets <= carried for carried in by_text.values())
        footed = [a for a in articles if a.boilerplate]
        assert len(footed) > len(articles) / 4  # most channels sign their posts


def test_an_events_name_is_never_its_outlets_rubric(tmp_path: Path) -> None:
    """A channel that opens every post with the same rubric line: its events are named by the news."""
    posts = [post(n, "Молния", f"⚡️Срочно:\n{story}.\n\nПодробности позже.") for n, story in enumerate(STORIES)]
    write_jsonl(tmp_path / "rubric" / "posts.jsonl", posts)
    with Library.open(workers=1) as library:
        library.add([tmp_path / "rubric"], entities=False)
        first = by_source(library, "Мо-0")
        assert first.title.startswith("⚡️Срочно")  # the post's own title, as the source has it
        labels = [event.label for event in library.events(key_entities=False)]
        assert len(labels) == len(STORIES)
        assert not any(label.startswith("⚡️Срочно") for label in labels), labels
        assert "В Омске открылся форум регионов России и Казахстана" in labels
