"""Reading one file into article records: every format, bad input, hostile input, real data."""

from __future__ import annotations

import gzip
import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from viewer.archive.formats import SUPPORTED_SUFFIXES, is_supported, jsondata, read_file
from viewer.archive.formats import html as html_format
from viewer.archive.formats.common import MAX_PROBLEMS_PER_FILE, title_from_text
from viewer.archive.formats.dates import parse_date

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
CORPORA = SHARED / "corpora"
SEEDS = SHARED / "seeds"

BODY = (
    "В субботу на набережной прошёл традиционный забег на пять километров. "
    "Участников было больше тысячи, самому младшему исполнилось восемь лет.\n"
    "Организаторы обещают повторить забег осенью и добавить дистанцию для ходьбы."
)
SEED = (
    "\n# Горожане пробежали пять километров по набережной\n\n"
    "Published at: **2021-06-12T09:30:00+03:00**\n\nAuthor: ****\n\n"
    "Original: [Вестник Заречья](https://zarechye.example.ru/news/42)\n\n\n"
    "        В субботу на набережной прошёл    традиционный забег на пять километров.\n"
    "      \n\u00a0\nУчастников было больше тысячи.\n"
)
TWO_TITLES = ["Новость номер 1", "Новость номер 2"]


def write(directory: Path, name: str, content: str | bytes, encoding: str = "utf-8") -> Path:
    path = directory / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode(encoding))
    return path


def jsonl(records: list[object]) -> str:
    return "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records)


def record(number: int) -> dict[str, object]:
    return {"id": f"n-{number}", "title": f"Новость номер {number}", "text": f"{BODY} {number}"}


# --- seed layout and plain text ------------------------------------------------------------
def test_seed_layout_gives_every_field(tmp_path: Path) -> None:
    contents = read_file(write(tmp_path, "a.txt", SEED))
    assert contents.problems == []
    [article] = contents.articles
    assert article.title == "Горожане пробежали пять километров по набережной"
    assert article.published == datetime(2021, 6, 12, 9, 30, tzinfo=timezone(timedelta(hours=3)))
    assert article.author is None
    assert article.outlet == "Вестник Заречья"
    assert article.url == "https://zarechye.example.ru/news/42"
    assert article.body == (
        "В субботу на набережной прошёл традиционный забег на пять километров.\n\n"
        "Участников было больше тысячи."
    )
    assert article.locator == ""


def test_seed_headers_in_any_order_and_spacing(tmp_path: Path) -> None:
    text = (
        "#   Заголовок заметки  \n"
        "  Original:   [Газета](http://gazeta.example.ru/1)  \n"
        "Author: **Иван Петров**\n"
        "Published at:**2020-01-02**\n"
        "Текст заметки.\n"
    )
    [article] = read_file(write(tmp_path, "b.md", text)).articles
    assert article.title == "Заголовок заметки"
    assert (article.author, article.outlet) == ("Иван Петров", "Газета")
    assert article.published == datetime(2020, 1, 2, tzinfo=UTC)
    assert article.body == "Текст заметки."


def test_seed_with_unreadable_date_keeps_the_article(tmp_path: Path) -> None:
    text = "# Заголовок\nPublished at: **когда-то давно**\n\nТекст."
    contents = read_file(write(tmp_path, "c.txt", text))
    assert contents.problems == []
    assert contents.articles[0].published is None
    assert contents.articles[0].extra == {"date_raw": "когда-то давно"}


def test_markdown_title_without_headers_is_plain_text(tmp_path: Path) -> None:
    [article] = read_file(write(tmp_path, "d.md", "# Просто заголовок\n\nПросто текст.")).articles
    assert article.title == "Просто заголовок"
    assert article.body == "Просто текст."
    assert (article.outlet, article.author, article.published, article.url) == (None,) * 4


def test_plain_text_first_line_is_the_title(tmp_path: Path) -> None:
    text = "\n\n  Забег на набережной  \n" + BODY
    [article] = read_file(write(tmp_path, "e.text", text)).articles
    assert article.title == "Забег на набережной"
    assert article.body == BODY
    assert article.published is None


def test_single_line_text_gets_its_first_sentence_as_title(tmp_path: Path) -> None:
    line = BODY.split("\n")[0]
    [article] = read_file(write(tmp_path, "f.txt", line)).articles
    assert article.title == "В субботу на набережной прошёл традиционный забег на пять километров"
    assert article.body == line


def test_titles_from_text_cut_at_words_and_skip_initials() -> None:
    title = title_from_text("слово " * 100)
    assert len(title) <= 201 and title.endswith("слово…")
    text = "Писатель А. С. Пушкин родился в Москве. Потом уехал."
    assert title_from_text(text) == "Писатель А. С. Пушкин родился в Москве"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1251", "koi8-r"])
def test_text_files_in_each_encoding(tmp_path: Path, encoding: str) -> None:
    text = "Забег на набережной\n" + BODY
    [article] = read_file(write(tmp_path, "g.txt", text, encoding)).articles
    assert article.title == "Забег на набережной"
    assert article.body == BODY


# --- bad and hostile input -----------------------------------------------------------------
@pytest.mark.parametrize("name", ["h.txt", "h.html", "h.json", "h.jsonl"])
def test_empty_file(tmp_path: Path, name: str) -> None:
    assert read_file(write(tmp_path, name, b"")).problems == ["empty file"]


@pytest.mark.parametrize("name", ["i.txt", "i.html", "i.json"])
def test_whitespace_only_file(tmp_path: Path, name: str) -> None:
    contents = read_file(write(tmp_path, name, " \n\t\r\n  "))
    assert (contents.articles, contents.problems) == ([], ["empty file (only whitespace)"])


@pytest.mark.parametrize("name", ["j.txt", "j.htm", "j.json"])
def test_binary_file(tmp_path: Path, name: str) -> None:
    data = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00\x01\x02\x03" * 100
    contents = read_file(write(tmp_path, name, data))
    assert contents.articles == []
    assert contents.problems == ["binary file (contains NUL bytes)"]


@pytest.mark.parametrize("name", ["k.txt", "k.html"])
def test_single_article_file_over_the_limit_is_not_read(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    with path.open("wb") as handle:
        handle.truncate(21_000_000)  # sparse: no time spent writing
    contents = read_file(path)
    assert contents.articles == []
    assert contents.problems == ["file too large for a single article (21.0 MB; limit 20 MB)"]


def test_hostile_text_is_cleaned_not_interpreted(tmp_path: Path) -> None:
    long_line = "очень " * 1700
    text = "<b>Жирный</b> <script>alert(1)</script>\x07\x1b\u200bконец\n" + long_line
    path = write(tmp_path, "l.jsonl", jsonl([{"text": text}]))
    [article] = read_file(path).articles
    assert article.body.startswith("<b>Жирный</b> <script>alert(1)</script>конец\n")
    assert len(article.body) > 10_000
    assert article.title == "<b>Жирный</b> <script>alert(1)</script>конец"


def test_ten_thousand_character_line_in_a_text_file(tmp_path: Path) -> None:
    line = "слово " * 2000
    [article] = read_file(write(tmp_path, "m.txt", line + "\nВторая строка.")).articles
    assert len(article.title) <= 201
    assert article.body.startswith("слово слово")
    assert article.body.endswith("Вторая строка.")


def test_unsupported_and_missing_files(tmp_path: Path) -> None:
    contents = read_file(write(tmp_path, "n.pdf", b"%PDF-1.4"))
    assert contents.problems == ["unsupported file type (.pdf)"]
    with pytest.raises(OSError):
        read_file(tmp_path / "missing.txt")


@pytest.mark.parametrize(
    ("name", "supported"),
    [
        ("a.TXT", True), ("a.md", True), ("a.text", True), ("a.html", True), ("a.htm", True),
        ("a.json", True), ("a.jsonl", True), ("a.ndjson", True), ("a.jsonl.gz", True),
        ("a.json.gz", True), ("a.NDJSON.GZ", True), ("a.tar.gz", False), ("a.gz", False),
        ("a.pdf", False), ("README", False), (".jsonl", False),
    ],
)  # fmt: skip
def test_supported_names(name: str, supported: bool) -> None:
    assert is_supported(Path(name)) is supported


def test_supported_suffixes() -> None:
    expected = {".txt", ".md", ".json", ".jsonl", ".ndjson", ".html", ".htm", ".gz"}
    assert expected <= SUPPORTED_SUFFIXES


# --- JSON Lines ----------------------------------------------------------------------------
def test_json_lines_with_one_bad_line_among_good_ones(tmp_path: Path) -> None:
    text = jsonl([record(1)]) + '{"title": "сломано", "text": \n' + jsonl([record(3)])
    contents = read_file(write(tmp_path, "o.jsonl", text))
    assert [article.locator for article in contents.articles] == ["line 1", "line 3"]
    assert contents.problems == ["line 2: invalid JSON (Expecting value)"]
    assert contents.articles[1].source_id == "n-3" and contents.articles[1].extra == {}


def test_json_lines_records_without_text_or_not_objects(tmp_path: Path) -> None:
    text = jsonl([{"title": "Только заголовок"}, [1, 2], record(3)]) + "\n\n"
    contents = read_file(write(tmp_path, "p.ndjson", text))
    assert len(contents.articles) == 1
    assert contents.problems == ["line 1: no text", "line 2: not a JSON object (found an array)"]


def test_json_field_aliases(tmp_path: Path) -> None:
    item = {
        "Headline": "  Забег  на набережной ",
        "body": ["Первый абзац.", "Второй абзац."],
        "pubDate": "Sat, 12 Jun 2021 09:30:00 +0300",
        "authors": ["Иван Петров", {"name": "Мария Сидорова"}],
        "source": {"id": "zr", "name": "Вестник Заречья"},
        "link": " https://zarechye.example.ru/news/42 ",
        "rank": 3,
        "flag": True,
        "tags": ["спорт", "город"],
        "nested": {"ignored": 1},
        "empty": None,
    }
    [article] = read_file(write(tmp_path, "q.jsonl", jsonl([item]))).articles
    assert article.title == "Забег на набережной"
    assert article.body == "Первый абзац.\nВторой абзац."
    assert article.published == datetime(2021, 6, 12, 6, 30, tzinfo=UTC)
    assert article.author == "Иван Петров, Мария Сидорова"
    assert article.outlet == "Вестник Заречья"
    assert article.url == "https://zarechye.example.ru/news/42"
    assert article.extra == {"rank": "3", "flag": "true", "tags": "спорт, город"}


def test_json_record_without_title_or_good_date_or_url(tmp_path: Path) -> None:
    item = {"text": BODY, "date": "вчера", "url": "javascript:alert(1)", "outlet": ""}
    [article] = read_file(write(tmp_path, "r.jsonl", jsonl([item]))).articles
    assert article.title == "В субботу на набережной прошёл традиционный забег на пять километров"
    assert (article.published, article.url, article.outlet) == (None, None, None)
    assert article.extra == {"date_raw": "вчера", "url_raw": "javascript:alert(1)"}


def test_json_title_and_url_the_wrong_way_round(tmp_path: Path) -> None:
    swapped = {"title": "https://zarechye.example.ru/news/42", "url": "Забег", "text": BODY}
    url_as_title = {"title": "http://zarechye.example.ru/news/43", "text": BODY}
    contents = read_file(write(tmp_path, "r2.jsonl", jsonl([swapped, url_as_title])))
    first, second = contents.articles
    assert (first.title, first.url, first.extra) == ("Забег", swapped["title"], {})
    assert second.url == url_as_title["title"]
    assert second.title.startswith("В субботу на набережной")


def test_gzip_json_lines(tmp_path: Path) -> None:
    data = gzip.compress(jsonl([record(n) for n in range(5)]).encode())
    contents = read_file(write(tmp_path, "s.jsonl.gz", data))
    assert (len(contents.articles), contents.problems) == (5, [])


def test_truncated_gzip_keeps_the_records_before_the_cut(tmp_path: Path) -> None:
    data = gzip.compress(jsonl([record(n) for n in range(300)]).encode())
    contents = read_file(write(tmp_path, "t.jsonl.gz", data[: len(data) // 2]))
    assert contents.problems[-1] == "truncated gzip stream"
    assert 0 < len(contents.articles) < 300
    assert contents.articles[0].title == "Новость номер 0"


def test_gz_name_with_plain_data(tmp_path: Path) -> None:
    contents = read_file(write(tmp_path, "u.jsonl.gz", jsonl([record(1)])))
    [problem] = contents.problems
    assert problem == "not a gzip file (the name ends in .gz but the data is not compressed)"


@pytest.mark.parametrize("encoding", ["cp1251", "utf-16", "utf-8-sig"])
def test_json_lines_in_other_encodings(tmp_path: Path, encoding: str) -> None:
    contents = read_file(write(tmp_path, "v.jsonl", jsonl([record(1), record(2)]), encoding))
    assert contents.problems == []
    assert [article.title for article in contents.articles] == TWO_TITLES
    assert contents.articles[0].body == f"{BODY} 1"


def test_over_long_json_line_is_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(jsondata, "JSON_LINE_LIMIT", 2000)
    text = jsonl([record(1), {"text": "а" * 5000}, record(3)])
    contents = read_file(write(tmp_path, "w.jsonl", text))
    assert [article.locator for article in contents.articles] == ["line 1", "line 3"]
    assert contents.problems == ["line 2: line too long (0.0 MB; limit 0 MB)"]


def test_problems_are_capped(tmp_path: Path) -> None:
    contents = read_file(write(tmp_path, "x.jsonl", "{\n" * 150))
    assert len(contents.problems) == MAX_PROBLEMS_PER_FILE + 1
    assert contents.problems[-1] == "50 more problems in this file not listed"


# --- JSON documents ------------------------------------------------------------------------
def test_json_array(tmp_path: Path) -> None:
    text = json.dumps([record(1), {"title": "Пусто"}, "строка", record(4)], ensure_ascii=False)
    contents = read_file(write(tmp_path, "y.json", text))
    assert [article.locator for article in contents.articles] == ["item 1", "item 4"]
    assert contents.problems == ["item 2: no text", "item 3: not a JSON object (found a string)"]


@pytest.mark.parametrize("key", ["articles", "items", "data"])
def test_json_wrapper_object(tmp_path: Path, key: str) -> None:
    text = json.dumps({"count": 2, key: [record(1), record(2)]}, ensure_ascii=False)
    contents = read_file(write(tmp_path, "z.json", text))
    assert [article.title for article in contents.articles] == TWO_TITLES


def test_json_single_object(tmp_path: Path) -> None:
    item = {"title": "Одна", "content": BODY, "timestamp": 1623479400}
    [article] = read_file(write(tmp_path, "a1.json", json.dumps(item))).articles
    assert article.locator == ""
    assert article.published == datetime(2021, 6, 12, 6, 30, tzinfo=UTC)


def test_json_object_without_text(tmp_path: Path) -> None:
    contents = read_file(
        write(tmp_path, "a2.json", '{"title": "Без текста", "url": "http://x.ru"}')
    )
    assert (contents.articles, contents.problems) == ([], ["no text"])


def test_truncated_json_array(tmp_path: Path) -> None:
    text = json.dumps([record(1), record(2)], ensure_ascii=False)
    contents = read_file(write(tmp_path, "a3.json", text[: len(text) * 2 // 3]))
    assert (contents.articles, contents.problems) == ([], ["truncated JSON"])


def test_invalid_json_says_where(tmp_path: Path) -> None:
    contents = read_file(write(tmp_path, "a4.json", '[{"text": "а"}\n {"text": "б"}]'))
    assert contents.problems == ["invalid JSON at line 2, column 2 (Expecting ',' delimiter)"]


def test_json_file_holding_json_lines(tmp_path: Path) -> None:
    contents = read_file(write(tmp_path, "a5.json", jsonl([record(1), record(2)])))
    assert [article.locator for article in contents.articles] == ["line 1", "line 2"]


@pytest.mark.parametrize("encoding", ["utf-16", "cp1251"])
def test_json_document_in_other_encodings(tmp_path: Path, encoding: str) -> None:
    text = json.dumps([record(1)], ensure_ascii=False)
    [article] = read_file(write(tmp_path, "a6.json", text, encoding)).articles
    assert article.title == "Новость номер 1"


def test_json_document_over_the_limit_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "a8.json"
    with path.open("wb") as handle:
        handle.truncate(1_100_000_000)  # sparse
    assert read_file(path).problems == ["JSON file too large (1.1 GB; limit 1 GB)"]


def test_gzip_json_document(tmp_path: Path) -> None:
    data = gzip.compress(json.dumps([record(1)]).encode())
    [article] = read_file(write(tmp_path, "a7.json.gz", data)).articles
    assert article.title == "Новость номер 1"


# --- dates ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2019-11-06T04:21:00+00:00", datetime(2019, 11, 6, 4, 21, tzinfo=UTC)),
        ("2019-11-06T04:21:00Z", datetime(2019, 11, 6, 4, 21, tzinfo=UTC)),
        ("2019-11-06 07:21", datetime(2019, 11, 6, 7, 21, tzinfo=UTC)),
        ("2017-04-18", datetime(2017, 4, 18, tzinfo=UTC)),
        ("Wed, 06 Nov 2019 07:21:00 +0300", datetime(2019, 11, 6, 4, 21, tzinfo=UTC)),
        (1573014060, datetime(2019, 11, 6, 4, 21, tzinfo=UTC)),
        ("1573014060", datetime(2019, 11, 6, 4, 21, tzinfo=UTC)),
        (1573014060000, datetime(2019, 11, 6, 4, 21, tzinfo=UTC)),
        ("06.11.2019 04:21", datetime(2019, 11, 6, 4, 21, tzinfo=UTC)),
        ("6 ноября 2019 г., 04:21", datetime(2019, 11, 6, 4, 21, tzinfo=UTC)),
        ("17 мая 2023", datetime(2023, 5, 17, tzinfo=UTC)),
        ("вчера", None), ("", None), (None, None), (True, None), ("31.02.2020", None),
        ("0001-01-01", None), ({"date": "2020-01-01"}, None),
    ],
)  # fmt: skip
def test_parse_date(value: object, expected: datetime | None) -> None:
    parsed = parse_date(value)
    assert parsed == expected
    assert parsed is None or parsed.tzinfo is not None


# --- HTML ----------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html lang="ru"><head><meta charset="{charset}">
<title>Забег на набережной | Вестник Заречья</title>
{meta}
</head><body>
<nav><a href="/">Главная</a> <a href="/sport">Спорт</a></nav>
<article><h1>Забег на набережной</h1>
<p>В субботу на набережной прошёл традиционный забег на пять километров. Участников было
больше тысячи, самому младшему исполнилось восемь лет.</p>
<p>Организаторы обещают повторить забег осенью и добавить дистанцию для ходьбы.</p>
<script>var tracker = "не текст статьи";</script>
</article>
<footer>© Вестник Заречья</footer>
</body></html>
"""
META = """<meta property="og:site_name" content="Вестник Заречья">
<meta property="og:url" content="https://zarechye.example.ru/news/42">
<meta property="article:published_time" content="2021-06-12T09:30:00+03:00">
<meta name="author" content="Иван Петров">"""


@pytest.fixture(params=["trafilatura", "fallback"])
def html_extractor(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run each HTML test with trafilatura (when it imports) and with the plain fallback."""
    if request.param == "fallback":
        monkeypatch.setattr(html_format, "_trafilatura", lambda: None)
    elif html_format._trafilatura() is None:
        pytest.skip("trafilatura does not import here (is lxml_html_clean installed?)")
    return str(request.param)


def test_html_page_with_metadata(tmp_path: Path, html_extractor: str) -> None:
    page = PAGE.format(charset="utf-8", meta=META)
    contents = read_file(write(tmp_path, "b1.html", page))
    assert contents.problems == []
    [article] = contents.articles
    assert article.title == "Забег на набережной"
    assert article.outlet == "Вестник Заречья"
    assert article.author == "Иван Петров"
    assert article.url == "https://zarechye.example.ru/news/42"
    assert article.published == datetime(2021, 6, 12, 6, 30, tzinfo=UTC)
    assert article.body.startswith("В субботу на набережной прошёл традиционный забег")
    assert article.body.endswith("добавить дистанцию для ходьбы.")
    assert "tracker" not in article.body and "Главная" not in article.body


def test_html_without_site_name_leaves_the_outlet_to_the_caller(
    tmp_path: Path, html_extractor: str
) -> None:
    canonical = '<link rel="canonical" href="https://zarechye.example.ru/news/42">'
    page = PAGE.format(charset="windows-1251", meta=canonical).replace("Вестник Заречья", "")
    [article] = read_file(write(tmp_path, "b2.htm", page, "cp1251")).articles
    assert article.url == "https://zarechye.example.ru/news/42"
    assert article.outlet is None
    assert article.title == "Забег на набережной"


def test_html_without_text(tmp_path: Path, html_extractor: str) -> None:
    page = "<html><head><title>Пусто</title></head><body><script>show()</script></body></html>"
    contents = read_file(write(tmp_path, "b3.html", page))
    assert (contents.articles, contents.problems) == ([], ["no article text found in the page"])


# --- real data -----------------------------------------------------------------------------
@pytest.mark.corpora
def test_same_story_articles_import_cleanly() -> None:
    path = CORPORA / "same_story_dev_articles.jsonl"
    if not path.exists():
        pytest.skip(f"{path} is absent (the shared corpora are not next to the project)")
    contents = read_file(path)
    assert contents.problems == []
    assert len(contents.articles) == 250
    assert all(article.title and article.body and article.url for article in contents.articles)
    assert all(article.source_id for article in contents.articles)
    # This file carries no dates at all; the dated Telegram corpus checks dates below.
    assert sum(article.outlet is not None for article in contents.articles) > 150


@pytest.mark.corpora
@pytest.mark.slow
def test_telegram_posts_import_with_dates() -> None:
    path = CORPORA / "news_tg_channel_posts.jsonl.gz"
    if not path.exists():
        pytest.skip(f"{path} is absent (the shared corpora are not next to the project)")
    contents = read_file(path)
    assert contents.problems == []
    assert len(contents.articles) > 18_000
    assert all(article.published is not None for article in contents.articles)
    assert all(article.title for article in contents.articles)


@pytest.mark.corpora
def test_real_seeds() -> None:
    if not SEEDS.is_dir():
        pytest.skip(f"{SEEDS} is absent (the shared seeds are not next to the project)")
    seeds = {path.name[:3]: read_file(path) for path in sorted(SEEDS.glob("*.txt"))}
    assert all(contents.problems == [] for contents in seeds.values())
    articles = {key: contents.articles[0] for key, contents in seeds.items()}
    assert articles["000"].outlet == "Омск Здесь"
    assert articles["001"].outlet == "Interfax-Russia.ru"
    assert articles["001"].author is None
    assert articles["002"].outlet == "БК55"
    assert articles["000"].title.startswith("В Омске открылся XVI Форум")
    for key in ("000", "001", "002"):
        assert articles[key].published is not None
        assert articles[key].published.date() == datetime(2019, 11, 6).date()
    for key in ("003", "004"):
        assert articles[key].published is None
        assert articles[key].outlet is None
        assert articles[key].title and len(articles[key].body) > 1000
