"""What the user makes: outlet aliases, saved searches, and later curation and corrections.

One SQLite database in the data folder, never touched by rebuilding the index or the
catalog. Its schema version is SQLite's ``user_version``; upgrades only add.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from viewer.text.normalise import clean_line, fold

USER_DATA_VERSION = 2

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
# Columns added after the first version: (table, column, definition).
_ADDED_COLUMNS = (
    ("saved_searches", "excludes", "TEXT NOT NULL DEFAULT '{}'"),
    ("saved_searches", "sort", "TEXT NOT NULL DEFAULT 'relevance'"),
)


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
        for table, column, definition in _ADDED_COLUMNS:
            present = {row[1] for row in self._db.execute(f"PRAGMA table_info({table})")}
            if column not in present:
                self._db.execute(f"ALTER TABLE {table} ADD COLUMN {column} {definition}")
        self._db.execute(f"PRAGMA user_version = {USER_DATA_VERSION}")

    def close(self) -> None:
        self._db.close()

    def follow_new_ids(self, new_ids: Mapping[str, str]) -> None:
        """Article ids changed (the catalog was upgraded): corrections and saved event choices follow them."""
        if not new_ids:
            return

        def new(old: str) -> str:
            return new_ids.get(old, old)

        def new_choices(text: str) -> str:
            choices = _read_choices(text)
            if "event" in choices:
                choices["event"] = tuple(f"ev-{new(value.removeprefix('ev-'))}" for value in choices["event"])
            return json.dumps(choices, ensure_ascii=False)

        moves = [(new(article), new(target)) for article, target in self._db.execute("SELECT * FROM event_moves")]
        labels = [(new(key), label) for key, label in self._db.execute("SELECT * FROM event_labels")]
        pins = [
            (new(key), json.dumps(sorted(new(member) for member in json.loads(members))))
            for key, members in self._db.execute("SELECT * FROM event_pins")
        ]
        searches = [
            (new_choices(filters), new_choices(excludes), name)
            for name, filters, excludes in self._db.execute("SELECT name, filters, excludes FROM saved_searches")
        ]
        self._db.execute("BEGIN IMMEDIATE")
        try:
            for table, rows in (("event_moves", moves), ("event_labels", labels), ("event_pins", pins)):
                self._db.execute(f"DELETE FROM {table}")
                self._db.executemany(f"INSERT OR REPLACE INTO {table} VALUES (?, ?)", rows)
            self._db.executemany("UPDATE saved_searches SET filters = ?, excludes = ? WHERE name = ?", searches)
            self._db.execute("COMMIT")
        except BaseException:
            self._db.execute("ROLLBACK")
            raise

    @property
    def events(self) -> EventCorrections:
        return EventCorrections(self._db)

    @property
    def entities(self) -> EntityCuration:
        return EntityCuration(self._db)

    @property
    def searches(self) -> SavedSearches:
        return SavedSearches(self._db)

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


@dataclass(frozen=True)
class SavedSearch:
    """A search the user named: the query text, the facet choices and the order."""

    name: str
    query: str = ""
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    excludes: dict[str, tuple[str, ...]] = field(default_factory=dict)
    sort: str = "relevance"


class SavedSearchError(ValueError):
    """A saved search's name that cannot be used. ``reason`` says why, for a translated message:
    «empty», «too long», «taken» (another saved search has it) or «missing» (no such search)."""

    def __init__(self, reason: str, name: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.name = name


MAX_SEARCH_NAME = 120


def _choices(value: Mapping[str, Sequence[str]] | None) -> dict[str, tuple[str, ...]]:
    """Facet choices in a stable shape: field -> its values, empty fields left out."""
    return {str(k): tuple(str(v) for v in values) for k, values in (value or {}).items() if values}


def _read_choices(text: str) -> dict[str, tuple[str, ...]]:
    try:
        value = json.loads(text)
    except ValueError:
        return {}
    if not isinstance(value, dict):  # the first version's empty default was a list
        return {}
    return {k: tuple(v) for k, v in value.items() if isinstance(v, list) and all(isinstance(x, str) for x in v)}


class SavedSearches:
    """Named searches, kept with the user's data; names are unique regardless of case and ё/е."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def all(self) -> list[SavedSearch]:
        rows = self._db.execute("SELECT name, query, filters, excludes, sort FROM saved_searches")
        searches = [
            SavedSearch(name, query, _read_choices(filters), _read_choices(excludes), sort)
            for name, query, filters, excludes, sort in rows
        ]
        return sorted(searches, key=lambda s: (fold(s.name), s.name))

    def get(self, name: str) -> SavedSearch | None:
        return next((s for s in self.all() if s.name == name), None)

    def _valid_name(self, name: str, keep: str | None = None) -> str:
        cleaned = clean_line(name)
        if not cleaned:
            raise SavedSearchError("empty", cleaned, "a saved search needs a name")
        if len(cleaned) > MAX_SEARCH_NAME:
            raise SavedSearchError(
                "too long", cleaned, f"a saved search's name has at most {MAX_SEARCH_NAME} characters"
            )
        for other in self.all():
            if fold(other.name) == fold(cleaned) and other.name != keep:
                raise SavedSearchError("taken", other.name, f"there is already a saved search called «{other.name}»")
        return cleaned

    def save(self, search: SavedSearch, overwrite: bool = False) -> SavedSearch:
        """Store ``search`` under its (cleaned) name; an existing name is an error unless ``overwrite``."""
        name = clean_line(search.name)
        existing = next((s.name for s in self.all() if fold(s.name) == fold(name)), None) if overwrite else None
        name = self._valid_name(search.name, keep=existing)
        filters, excludes = _choices(search.filters), _choices(search.excludes)
        if existing is not None:
            self._db.execute("DELETE FROM saved_searches WHERE name = ?", (existing,))
        self._db.execute(
            "INSERT INTO saved_searches (name, query, filters, excludes, sort) VALUES (?, ?, ?, ?, ?)",
            (name, search.query, json.dumps(filters, ensure_ascii=False), json.dumps(excludes, ensure_ascii=False),
             search.sort),
        )
        return SavedSearch(name, search.query, filters, excludes, search.sort)

    def rename(self, name: str, new_name: str) -> str:
        """Give a saved search another name; returns the name as stored."""
        if self.get(name) is None:
            raise SavedSearchError("missing", name, f"there is no saved search called «{name}»")
        cleaned = self._valid_name(new_name, keep=name)
        self._db.execute("UPDATE saved_searches SET name = ? WHERE name = ?", (cleaned, name))
        return cleaned

    def delete(self, name: str) -> bool:
        return self._db.execute("DELETE FROM saved_searches WHERE name = ?", (name,)).rowcount > 0


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
