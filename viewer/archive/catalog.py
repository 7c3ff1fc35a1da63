"""The archive catalog: which files were read, the articles they gave, and what went wrong.

A SQLite database beside the index. It holds every article's text, so the index can be
rebuilt from it at any time; it holds nothing the user made (that is in ``userdata``).

A text is stored once (``texts``: title, body, its formatting and the outlet boilerplate found
in it); an article is one outlet's report of a text (``articles``: outlet, date, URL). The same
text carried by two outlets is one text with two articles; each file record an article came
from is a source (path, place in the file, the record's own id).
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from viewer.archive.content import ArticleContent, content
from viewer.archive.upgrade import catalog_version, forget_id_changes, pending_id_changes, upgrade_from_1

CATALOG_VERSION = 2

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS roots (
    path TEXT PRIMARY KEY, added TEXT NOT NULL, sample INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS texts (
    id TEXT PRIMARY KEY, title TEXT NOT NULL, body TEXT NOT NULL,
    formats TEXT NOT NULL DEFAULT '', boilerplate TEXT NOT NULL DEFAULT '',
    content_key TEXT NOT NULL DEFAULT '');
CREATE INDEX IF NOT EXISTS texts_by_content ON texts (content_key);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY, text_id TEXT NOT NULL,
    outlet TEXT, source_outlet TEXT, author TEXT, published TEXT, url TEXT,
    added TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS articles_by_text ON articles (text_id);
CREATE INDEX IF NOT EXISTS articles_by_outlet ON articles (source_outlet);
CREATE TABLE IF NOT EXISTS sources (
    path TEXT NOT NULL, locator TEXT NOT NULL, article_id TEXT NOT NULL, source_id TEXT,
    PRIMARY KEY (path, locator));
CREATE INDEX IF NOT EXISTS sources_by_article ON sources (article_id);
CREATE INDEX IF NOT EXISTS sources_by_source_id ON sources (source_id);
CREATE TABLE IF NOT EXISTS boilerplate_models (outlet TEXT PRIMARY KEY, model TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS problems (path TEXT NOT NULL, reason TEXT NOT NULL, seen TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS story_fingerprints (article_id TEXT PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS event_members (article_id TEXT PRIMARY KEY, event_key TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS event_members_by_event ON event_members (event_key);
CREATE TABLE IF NOT EXISTS story_links (
    article_a TEXT NOT NULL, article_b TEXT NOT NULL, score REAL NOT NULL, PRIMARY KEY (article_a, article_b));
CREATE TABLE IF NOT EXISTS event_labels_auto (event_key TEXT PRIMARY KEY, label TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS mentions (
    article_id TEXT NOT NULL, part TEXT NOT NULL, start INTEGER NOT NULL, stop INTEGER NOT NULL,
    type TEXT NOT NULL, text TEXT NOT NULL, normal TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS mentions_by_article ON mentions (article_id);
CREATE TABLE IF NOT EXISTS entities_done (article_id TEXT PRIMARY KEY);
CREATE INDEX IF NOT EXISTS problems_by_path ON problems (path);
"""

ARTICLE_COLUMNS = ("id", "title", "body", "outlet", "source_outlet", "author", "published", "url", "added")
# An article's columns read from the two tables it is stored in (a = articles, t = texts).
_ARTICLE_SELECT = (
    "SELECT a.id, t.title, t.body, a.outlet, a.source_outlet, a.author, a.published, a.url, a.added,"
    " a.text_id, t.formats, t.boilerplate FROM articles a JOIN texts t ON t.id = a.text_id"
)
# The outlet whose habits (footers, credits) an article's text is read against: as the source named
# it, else as it was resolved from the article's address.
OUTLET_KEY = "coalesce(a.source_outlet, a.outlet, '')"


_HEADER_COLUMNS = "a.id, a.outlet, a.published, t.title"


def spans_to_json(spans: Sequence[tuple[int, int]]) -> str:
    return json.dumps([list(span) for span in spans], separators=(",", ":")) if spans else ""


def spans_from_json(data: str | None) -> tuple[tuple[int, int], ...]:
    """Spans as stored; anything unreadable counts as none (they are rebuilt by the next stage run)."""
    if not data:
        return ()
    try:
        return tuple((int(start), int(stop)) for start, stop in json.loads(data))
    except (ValueError, TypeError):
        return ()


def _sources_by_article(rows: Iterable[tuple[str, str, str, str | None]]) -> dict[str, list[Source]]:
    sources: dict[str, list[Source]] = {}
    for article_id, path, locator, source_id in rows:
        sources.setdefault(article_id, []).append(Source(path, locator, source_id))
    return sources


def _stored(row: Sequence[Any], sources: dict[str, list[Source]]) -> StoredArticle:
    *columns, text_id, formats, boilerplate = row
    return StoredArticle(
        *columns,
        text_id=text_id,
        formats=formats,
        boilerplate=spans_from_json(boilerplate),
        sources=tuple(sources.get(row[0], ())),
    )


@dataclass(frozen=True)
class OutletText:
    """A text as the boilerplate stage reads it: with every outlet that carries it, and what is stored."""

    id: str
    title: str
    body: str
    outlets: tuple[str, ...]
    boilerplate: tuple[tuple[int, int], ...]
    content_key: str


@dataclass(frozen=True)
class Source:
    """Where an article was read: a file, the place in it ("" or "line 12"), the record's own id."""

    path: str
    locator: str
    source_id: str | None


@dataclass(frozen=True)
class OriginalReport:
    """The first report of a text another outlet ran word for word; ``minutes_later`` when both are dated."""

    id: str
    outlet: str | None
    minutes_later: int | None

    def describe(self) -> str:
        later = f", {self.minutes_later} minutes later" if self.minutes_later is not None else ""
        return f"identical copy of {self.outlet or self.id}{later}"


@dataclass(frozen=True)
class StoredArticle:
    id: str
    title: str
    body: str
    outlet: str | None
    source_outlet: str | None
    author: str | None
    published: str | None  # ISO 8601 with offset, or None
    url: str | None
    added: str
    text_id: str = ""
    formats: str = ""  # the body's formatting, as ``viewer.text.markup.formats_to_json`` writes it
    boilerplate: tuple[tuple[int, int], ...] = ()  # (start, stop) in the body of the outlet's boilerplate
    sources: tuple[Source, ...] = ()
    original: OriginalReport | None = None  # when another outlet ran this text first (``Library.article``)

    @property
    def paths(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(source.path for source in self.sources))

    @property
    def source_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(source.source_id for source in self.sources if source.source_id))

    def as_row(self) -> dict[str, Any]:
        row = {name: getattr(self, name) for name in ARTICLE_COLUMNS}
        row["paths"] = list(self.paths)
        return row


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Catalog:
    """One connection to the catalog database; every write happens inside ``transaction``."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        if catalog_version(self._db) == 1:
            upgrade_from_1(self._db, _SCHEMA)
        self._db.executescript(_SCHEMA)
        self._db.execute("INSERT OR IGNORE INTO meta VALUES ('version', ?)", (str(CATALOG_VERSION),))

    def close(self) -> None:
        self._db.close()

    @property
    def db(self) -> sqlite3.Connection:
        """The connection, for the stages that keep their own tables here (events)."""
        return self._db

    def begin(self) -> None:
        self._db.execute("BEGIN IMMEDIATE")

    def commit(self) -> None:
        self._db.execute("COMMIT")

    def rollback(self) -> None:
        if self._db.in_transaction:
            self._db.execute("ROLLBACK")

    def id_changes(self) -> dict[str, str]:
        """Old article id -> new, left by an upgrade of the catalog for the user's data to follow."""
        return pending_id_changes(self._db)

    def forget_id_changes(self) -> None:
        forget_id_changes(self._db)

    # meta -------------------------------------------------------------
    def get_meta(self, key: str) -> str | None:
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        self._db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    # roots ------------------------------------------------------------
    def roots(self) -> list[tuple[str, bool]]:
        return [(p, bool(s)) for p, s in self._db.execute("SELECT path, sample FROM roots ORDER BY path")]

    def add_root(self, path: str, sample: bool = False) -> None:
        self._db.execute(
            "INSERT OR IGNORE INTO roots VALUES (?, ?, ?)", (path, now_iso(), int(sample))
        )

    def remove_root(self, path: str) -> None:
        self._db.execute("DELETE FROM roots WHERE path = ?", (path,))

    # files ------------------------------------------------------------
    def known_files(self, root: str) -> dict[str, tuple[int, int]]:
        """Path -> (size, mtime_ns) of every file recorded at or below ``root``."""
        prefix = root.rstrip(os.sep) + os.sep
        rows = self._db.execute(
            "SELECT path, size, mtime_ns FROM files WHERE path = ? OR substr(path, 1, ?) = ?",
            (root, len(prefix), prefix),
        )
        return {path: (size, mtime) for path, size, mtime in rows}

    def record_file(self, path: str, size: int, mtime_ns: int) -> None:
        self._db.execute("INSERT OR REPLACE INTO files VALUES (?, ?, ?)", (path, size, mtime_ns))

    def forget_file(self, path: str) -> None:
        self._db.execute("DELETE FROM files WHERE path = ?", (path,))

    # articles and their sources -----------------------------------------
    def has_article(self, article_id: str) -> bool:
        return self._db.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None

    def insert_article(self, row: dict[str, Any]) -> None:
        """Store an article (``ARTICLE_COLUMNS`` plus ``text_id`` and ``formats``); its text once."""
        self._db.execute(
            "INSERT OR IGNORE INTO texts (id, title, body, formats) VALUES (?, ?, ?, ?)",
            (row["text_id"], row["title"], row["body"], row.get("formats", "")),
        )
        self._db.execute(
            "INSERT OR REPLACE INTO articles (id, text_id, outlet, source_outlet, author, published, url, added)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [row[name] for name in ("id", "text_id", "outlet", "source_outlet", "author", "published", "url", "added")],
        )

    def set_outlet(self, article_id: str, outlet: str | None) -> None:
        self._db.execute("UPDATE articles SET outlet = ? WHERE id = ?", (outlet, article_id))

    def articles_of_file(self, path: str) -> set[str]:
        return {r[0] for r in self._db.execute("SELECT article_id FROM sources WHERE path = ?", (path,))}

    def replace_sources(self, path: str, sources: Iterable[tuple[str, str, str | None]]) -> None:
        """Set the (locator, article id, record id) triples that ``path`` holds."""
        self._db.execute("DELETE FROM sources WHERE path = ?", (path,))
        self._db.executemany(
            "INSERT OR REPLACE INTO sources VALUES (?, ?, ?, ?)",
            ((path, locator, article_id, source_id) for locator, article_id, source_id in sources),
        )

    def drop_orphans(self, candidates: Iterable[str]) -> list[str]:
        """Delete those of ``candidates`` that no file holds any more (and texts no article has); return their ids."""
        dropped = []
        for article_id in set(candidates):
            if self._db.execute("SELECT 1 FROM sources WHERE article_id = ? LIMIT 1", (article_id,)).fetchone():
                continue
            row = self._db.execute("SELECT text_id FROM articles WHERE id = ?", (article_id,)).fetchone()
            for table in ("articles", "story_fingerprints", "event_members", "mentions", "entities_done"):
                key = "id" if table == "articles" else "article_id"
                self._db.execute(f"DELETE FROM {table} WHERE {key} = ?", (article_id,))
            self._db.execute("DELETE FROM story_links WHERE article_a = ? OR article_b = ?", (article_id, article_id))
            if row is not None:
                self._db.execute(
                    "DELETE FROM texts WHERE id = ? AND NOT EXISTS (SELECT 1 FROM articles WHERE text_id = ?)",
                    (row[0], row[0]),
                )
            dropped.append(article_id)
        return dropped

    def article(self, article_id: str) -> StoredArticle | None:
        return self.articles([article_id]).get(article_id)

    def articles(self, article_ids: Sequence[str]) -> dict[str, StoredArticle]:
        """The stored articles of ``article_ids`` (those that exist), in two queries."""
        wanted = list(dict.fromkeys(article_ids))
        query = "SELECT article_id, path, locator, source_id FROM sources WHERE article_id IN ({}) ORDER BY path"
        sources = _sources_by_article(self._for_ids(query, wanted))  # an article's sources come in one chunk
        return {
            row[0]: _stored(row, sources)
            for row in self._for_ids(f"{_ARTICLE_SELECT} WHERE a.id IN ({{}})", wanted)
        }

    def texts(self, article_ids: Iterable[str]) -> Iterator[tuple[str, str, str]]:
        """(id, title, body) for each of ``article_ids`` that exists."""
        return self._by_id("a.id, t.title, t.body", article_ids)

    def contents(self, where: str = "", parameters: Sequence[str] = ()) -> Iterator[ArticleContent]:
        """What every article says without its boilerplate, or those that ``where`` (SQL on ``a``) allows."""
        query = (
            "SELECT a.id, t.title, t.body, t.boilerplate, a.published FROM articles a"
            f" JOIN texts t ON t.id = a.text_id {where}"
        )
        for article_id, title, body, boilerplate, published in self._db.execute(query, parameters):
            yield content(article_id, title, body, spans_from_json(boilerplate), published)

    def headers(self, article_ids: Iterable[str] | None = None) -> Iterator[tuple[str, str | None, str | None, str]]:
        """(id, outlet, published, title) for each of ``article_ids`` that exists, or for every article."""
        if article_ids is None:
            return iter(self._db.execute(f"SELECT {_HEADER_COLUMNS} FROM articles a JOIN texts t ON t.id = a.text_id"))
        return self._by_id(_HEADER_COLUMNS, article_ids)

    def copies(self, article_id: str) -> list[tuple[str, str | None, str | None]]:
        """(id, outlet, published) of the articles that say what ``article_id`` says, word for word but for
        their outlets' boilerplate (itself included), earliest first."""
        return list(
            self._db.execute(
                "WITH mine AS (SELECT t.id, t.content_key FROM articles a JOIN texts t ON t.id = a.text_id"
                " WHERE a.id = ?)"
                " SELECT a.id, a.outlet, a.published FROM articles a JOIN texts t ON t.id = a.text_id, mine"
                " WHERE t.id = mine.id OR (mine.content_key != '' AND t.content_key = mine.content_key)"
                " ORDER BY a.published IS NULL, a.published, a.id",
                (article_id,),
            )
        )

    def find_source(self, source_id: str) -> list[str]:
        """The articles read from records whose own id is ``source_id``."""
        rows = self._db.execute("SELECT DISTINCT article_id FROM sources WHERE source_id = ?", (source_id,))
        return [row[0] for row in rows]

    def _by_id(self, columns: str, article_ids: Iterable[str]) -> Iterator[Any]:
        return self._for_ids(
            f"SELECT {columns} FROM articles a JOIN texts t ON t.id = a.text_id WHERE a.id IN ({{}})", article_ids
        )

    def _for_ids(self, query: str, article_ids: Iterable[str]) -> Iterator[Any]:
        """The rows of ``query``, whose ``{}`` takes the ids, asked for 500 ids at a time."""
        wanted = list(article_ids)
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            yield from self._db.execute(query.format(",".join("?" * len(chunk))), chunk)

    def all_articles(self) -> Iterator[StoredArticle]:
        sources = _sources_by_article(
            self._db.execute("SELECT article_id, path, locator, source_id FROM sources ORDER BY path")
        )
        for row in self._db.execute(f"{_ARTICLE_SELECT} ORDER BY a.id"):
            yield _stored(row, sources)

    def article_ids(self) -> set[str]:
        return {r[0] for r in self._db.execute("SELECT id FROM articles")}

    def article_count(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM articles").fetchone()[0])

    # boilerplate ------------------------------------------------------------
    def outlets_of(self, article_ids: Iterable[str]) -> set[str]:
        """The outlet keys (``OUTLET_KEY``) of ``article_ids``: whose boilerplate they may change."""
        query = f"SELECT DISTINCT {OUTLET_KEY} FROM articles a WHERE a.id IN ({{}})"
        return {row[0] for row in self._for_ids(query, article_ids)}

    def outlet_bodies(self, outlet: str) -> Iterator[str]:
        """The body of every text an outlet carries."""
        query = (
            f"SELECT t.body FROM texts t WHERE t.id IN (SELECT a.text_id FROM articles a WHERE {OUTLET_KEY} = ?)"
        )
        return (row[0] for row in self._db.execute(query, (outlet,)))

    def unlearned_outlets(self) -> set[str]:
        """Outlets whose boilerplate has not been learned (new to the archive, or an upgraded catalog)."""
        query = (
            f"SELECT DISTINCT {OUTLET_KEY} FROM articles a"
            f" WHERE {OUTLET_KEY} NOT IN (SELECT outlet FROM boilerplate_models)"
        )
        return {row[0] for row in self._db.execute(query)}

    def forget_readings(self, article_ids: Iterable[str]) -> None:
        """Drop what the stages read from these articles (entities, event fingerprint and membership)."""
        wanted = list(article_ids)
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for table in ("story_fingerprints", "event_members", "mentions", "entities_done"):
                self._db.execute(f"DELETE FROM {table} WHERE article_id IN ({marks})", chunk)
            self._db.execute(
                f"DELETE FROM story_links WHERE article_a IN ({marks}) OR article_b IN ({marks})", chunk * 2
            )

    def boilerplate_models(self) -> dict[str, str]:
        return dict(self._db.execute("SELECT outlet, model FROM boilerplate_models"))

    def set_boilerplate_model(self, outlet: str, model: str) -> None:
        self._db.execute("INSERT OR REPLACE INTO boilerplate_models VALUES (?, ?)", (outlet, model))

    def texts_of_outlets(self, outlets: Iterable[str]) -> Iterator[OutletText]:
        """Every text ``outlets`` carry, with all the outlets that carry it."""
        wanted = list(outlets)
        query = (
            f"SELECT t.id, t.title, t.body, group_concat({OUTLET_KEY}, char(31)), t.boilerplate, t.content_key"
            " FROM texts t"
            " JOIN articles a ON a.text_id = t.id"
            " WHERE t.id IN (SELECT a2.text_id FROM articles a2"
            " WHERE coalesce(a2.source_outlet, a2.outlet, '') IN ({}))"
            " GROUP BY t.id"
        )
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            rows = self._db.execute(query.format(",".join("?" * len(chunk))), chunk)
            for text_id, title, body, keys, spans, key in rows:
                yield OutletText(text_id, title, body, tuple(keys.split("\x1f")), spans_from_json(spans), key)

    def set_boilerplate(self, text_id: str, spans: Sequence[tuple[int, int]], content_key: str) -> list[str]:
        """Store a text's boilerplate spans and the key of what it says without them; return its articles."""
        self._db.execute(
            "UPDATE texts SET boilerplate = ?, content_key = ? WHERE id = ?",
            (spans_to_json(spans), content_key, text_id),
        )
        return [row[0] for row in self._db.execute("SELECT id FROM articles WHERE text_id = ?", (text_id,))]

    def outlets(self) -> list[tuple[str, str | None, str | None, str | None]]:
        """(id, outlet, source outlet, url) of every article: what outlet aliases apply to."""
        return list(self._db.execute("SELECT id, outlet, source_outlet, url FROM articles"))

    # problems ---------------------------------------------------------
    def replace_problems(self, path: str, reasons: Iterable[str]) -> None:
        self._db.execute("DELETE FROM problems WHERE path = ?", (path,))
        seen = now_iso()
        self._db.executemany("INSERT INTO problems VALUES (?, ?, ?)", ((path, r, seen) for r in reasons))

    def problems(self) -> list[tuple[str, str]]:
        return list(self._db.execute("SELECT path, reason FROM problems ORDER BY path, rowid"))
