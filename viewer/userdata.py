"""What the user makes: outlet aliases, saved searches, and later curation and corrections.

One SQLite database in the data folder, never touched by rebuilding the index or the
catalog. Its schema version is SQLite's ``user_version``; upgrades only add.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from urllib.parse import urlsplit

from viewer.text.normalise import clean_line, fold

USER_DATA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS outlet_aliases (alias TEXT PRIMARY KEY, outlet TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS saved_searches (
    name TEXT PRIMARY KEY, query TEXT NOT NULL, filters TEXT NOT NULL DEFAULT '[]');
CREATE TABLE IF NOT EXISTS event_moves (article_id TEXT PRIMARY KEY, target TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS event_labels (event_key TEXT PRIMARY KEY, label TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS event_pins (event_key TEXT PRIMARY KEY, members TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS entity_curation (
    name TEXT PRIMARY KEY, canonical TEXT, type TEXT, hidden INTEGER NOT NULL DEFAULT 0);
"""


def outlet_key(name: str) -> str:
    """How outlet spellings are compared: folded, without scheme, «www.» or trailing dots."""
    key = fold(clean_line(name))
    if "://" in key:
        key = urlsplit(key).hostname or key
    key = key.strip(" ./")
    return key.removeprefix("www.")


def host_of(url: str | None) -> str | None:
    """The host of a web address, without «www.», as the outlet of last resort."""
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    return host.removeprefix("www.") if host else None


class UserData:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.executescript(_SCHEMA)
        self._db.execute(f"PRAGMA user_version = {USER_DATA_VERSION}")

    def close(self) -> None:
        self._db.close()

    @property
    def events(self) -> EventCorrections:
        return EventCorrections(self._db)

    @property
    def entities(self) -> EntityCuration:
        return EntityCuration(self._db)

    # outlet aliases ------------------------------------------------------
    def outlet_aliases(self) -> dict[str, str]:
        """Alias key -> the outlet name it stands for."""
        return dict(self._db.execute("SELECT alias, outlet FROM outlet_aliases ORDER BY alias"))

    def set_outlet_alias(self, alias: str, outlet: str) -> None:
        key, name = outlet_key(alias), clean_line(outlet)
        if not key or not name:
            raise ValueError("an outlet alias needs both a spelling and an outlet name")
        self._db.execute("INSERT OR REPLACE INTO outlet_aliases VALUES (?, ?)", (key, name))

    def remove_outlet_alias(self, alias: str) -> bool:
        return self._db.execute("DELETE FROM outlet_aliases WHERE alias = ?", (outlet_key(alias),)).rowcount > 0


class EventCorrections:
    """The user's corrections to event grouping, kept by article id so they survive regrouping."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def moves(self) -> dict[str, str]:
        return dict(self._db.execute("SELECT article_id, target FROM event_moves"))

    def move(self, article_id: str, target: str) -> None:
        """Put ``article_id`` in the event of ``target`` ("" for an event of its own)."""
        self._db.execute("INSERT OR REPLACE INTO event_moves VALUES (?, ?)", (article_id, target))

    def labels(self) -> dict[str, str]:
        return dict(self._db.execute("SELECT event_key, label FROM event_labels"))

    def rename(self, event_key: str, label: str) -> None:
        if label.strip():
            self._db.execute("INSERT OR REPLACE INTO event_labels VALUES (?, ?)", (event_key, clean_line(label)))
        else:
            self._db.execute("DELETE FROM event_labels WHERE event_key = ?", (event_key,))

    def pins(self) -> dict[str, frozenset[str]]:
        return {
            key: frozenset(json.loads(members))
            for key, members in self._db.execute("SELECT event_key, members FROM event_pins")
        }

    def pin(self, event_key: str, members: list[str] | None) -> None:
        """Keep an event exactly as it is (None unpins it)."""
        if members is None:
            self._db.execute("DELETE FROM event_pins WHERE event_key = ?", (event_key,))
        else:
            self._db.execute(
                "INSERT OR REPLACE INTO event_pins VALUES (?, ?)", (event_key, json.dumps(sorted(members)))
            )


class EntityCuration:
    """Merges, renames, type changes and hidden names, keyed by the extracted name."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def all(self) -> dict[str, tuple[str | None, str | None, bool]]:
        """Name -> (canonical name or None, type or None, hidden)."""
        return {
            name: (canonical, kind, bool(hidden))
            for name, canonical, kind, hidden in self._db.execute(
                "SELECT name, canonical, type, hidden FROM entity_curation"
            )
        }

    def _set(self, name: str, column: str, value: object) -> None:
        self._db.execute("INSERT OR IGNORE INTO entity_curation (name) VALUES (?)", (name,))
        self._db.execute(f"UPDATE entity_curation SET {column} = ? WHERE name = ?", (value, name))

    def rename(self, name: str, canonical: str) -> None:
        """``name`` (and everything already merged into it) is shown as ``canonical``."""
        canonical = clean_line(canonical)
        if not canonical:
            raise ValueError("an entity needs a name")
        for other, (target, _, _) in self.all().items():
            if target == name:
                self._set(other, "canonical", canonical)
        self._set(name, "canonical", canonical)

    def set_type(self, name: str, kind: str) -> None:
        if kind not in ("PER", "ORG", "LOC"):
            raise ValueError("the type is one of PER, ORG, LOC")
        self._set(name, "type", kind)

    def hide(self, name: str, hidden: bool = True) -> None:
        self._set(name, "hidden", int(hidden))


def resolve_outlet(source_outlet: str | None, url: str | None, aliases: dict[str, str]) -> str | None:
    """The outlet an article is filed under: its header's outlet, else its URL's host,
    each looked up in the alias table (the header's spelling first)."""
    host = host_of(url)
    for spelling in (source_outlet, host):
        if spelling and outlet_key(spelling) in aliases:
            return aliases[outlet_key(spelling)]
    return source_outlet or host
