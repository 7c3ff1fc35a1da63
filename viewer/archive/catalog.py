"""The archive catalog: which files were read, the articles they gave, and what went wrong.

A SQLite database beside the index. It holds every article's text, so the index can be
rebuilt from it at any time; it holds nothing the user made (that is in ``userdata``).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

CATALOG_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS roots (
    path TEXT PRIMARY KEY, added TEXT NOT NULL, sample INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY, title TEXT NOT NULL, body TEXT NOT NULL,
    outlet TEXT, source_outlet TEXT, author TEXT, published TEXT, url TEXT,
    added TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sources (
    path TEXT NOT NULL, locator TEXT NOT NULL, article_id TEXT NOT NULL,
    PRIMARY KEY (path, locator));
CREATE INDEX IF NOT EXISTS sources_by_article ON sources (article_id);
CREATE TABLE IF NOT EXISTS problems (path TEXT NOT NULL, reason TEXT NOT NULL, seen TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS story_fingerprints (article_id TEXT PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS event_members (article_id TEXT PRIMARY KEY, event_key TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS event_members_by_event ON event_members (event_key);
CREATE TABLE IF NOT EXISTS event_labels_auto (event_key TEXT PRIMARY KEY, label TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS mentions (
    article_id TEXT NOT NULL, part TEXT NOT NULL, start INTEGER NOT NULL, stop INTEGER NOT NULL,
    type TEXT NOT NULL, text TEXT NOT NULL, normal TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS mentions_by_article ON mentions (article_id);
CREATE TABLE IF NOT EXISTS entities_done (article_id TEXT PRIMARY KEY);
CREATE INDEX IF NOT EXISTS problems_by_path ON problems (path);
"""

ARTICLE_COLUMNS = ("id", "title", "body", "outlet", "source_outlet", "author", "published", "url", "added")


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
    paths: tuple[str, ...]

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
        self._db.execute(
            f"INSERT INTO articles ({', '.join(ARTICLE_COLUMNS)}) VALUES ({', '.join('?' * len(ARTICLE_COLUMNS))})",
            [row[name] for name in ARTICLE_COLUMNS],
        )

    def set_outlet(self, article_id: str, outlet: str | None) -> None:
        self._db.execute("UPDATE articles SET outlet = ? WHERE id = ?", (outlet, article_id))

    def articles_of_file(self, path: str) -> set[str]:
        return {r[0] for r in self._db.execute("SELECT article_id FROM sources WHERE path = ?", (path,))}

    def replace_sources(self, path: str, sources: Iterable[tuple[str, str]]) -> None:
        """Set the (locator, article id) pairs that ``path`` holds."""
        self._db.execute("DELETE FROM sources WHERE path = ?", (path,))
        self._db.executemany(
            "INSERT OR REPLACE INTO sources VALUES (?, ?, ?)",
            ((path, locator, article_id) for locator, article_id in sources),
        )

    def drop_orphans(self, candidates: Iterable[str]) -> list[str]:
        """Delete those of ``candidates`` that no file holds any more; return their ids."""
        dropped = []
        for article_id in set(candidates):
            if self._db.execute("SELECT 1 FROM sources WHERE article_id = ? LIMIT 1", (article_id,)).fetchone():
                continue
            for table in ("articles", "story_fingerprints", "event_members", "mentions", "entities_done"):
                key = "id" if table == "articles" else "article_id"
                self._db.execute(f"DELETE FROM {table} WHERE {key} = ?", (article_id,))
            dropped.append(article_id)
        return dropped

    def article(self, article_id: str) -> StoredArticle | None:
        return self.articles([article_id]).get(article_id)

    def articles(self, article_ids: Sequence[str]) -> dict[str, StoredArticle]:
        """The stored articles of ``article_ids`` (those that exist), in two queries."""
        wanted = list(dict.fromkeys(article_ids))
        paths: dict[str, list[str]] = {}
        query = "SELECT article_id, path FROM sources WHERE article_id IN ({}) ORDER BY path"
        for article_id, path in self._for_ids(query, wanted):  # an article's paths come in one chunk
            paths.setdefault(article_id, []).append(path)
        return {
            row[0]: StoredArticle(*row, paths=tuple(paths.get(row[0], ())))
            for row in self._by_id(", ".join(ARTICLE_COLUMNS), wanted)
        }

    def texts(self, article_ids: Iterable[str]) -> Iterator[tuple[str, str, str]]:
        """(id, title, body) for each of ``article_ids`` that exists."""
        return self._by_id("id, title, body", article_ids)

    def headers(self, article_ids: Iterable[str] | None = None) -> Iterator[tuple[str, str | None, str | None, str]]:
        """(id, outlet, published, title) for each of ``article_ids`` that exists, or for every article."""
        if article_ids is None:
            return iter(self._db.execute("SELECT id, outlet, published, title FROM articles"))
        return self._by_id("id, outlet, published, title", article_ids)

    def _by_id(self, columns: str, article_ids: Iterable[str]) -> Iterator[Any]:
        return self._for_ids(f"SELECT {columns} FROM articles WHERE id IN ({{}})", article_ids)

    def _for_ids(self, query: str, article_ids: Iterable[str]) -> Iterator[Any]:
        """The rows of ``query``, whose ``{}`` takes the ids, asked for 500 ids at a time."""
        wanted = list(article_ids)
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            yield from self._db.execute(query.format(",".join("?" * len(chunk))), chunk)

    def all_articles(self) -> Iterator[StoredArticle]:
        paths: dict[str, list[str]] = {}
        for path, article_id in self._db.execute("SELECT path, article_id FROM sources ORDER BY path"):
            paths.setdefault(article_id, []).append(path)
        for row in self._db.execute(f"SELECT {', '.join(ARTICLE_COLUMNS)} FROM articles ORDER BY id"):
            yield StoredArticle(*row, paths=tuple(paths.get(row[0], ())))

    def article_ids(self) -> set[str]:
        return {r[0] for r in self._db.execute("SELECT id FROM articles")}

    def article_count(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM articles").fetchone()[0])

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
