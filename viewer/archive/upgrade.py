"""Bringing a catalog of an earlier version up to date, in place, without losing what the user made.

Version 1 stored an article's text with its Markdown marks and identified it by its text alone,
so that a text run by two outlets was one article. Version 2 stores the plain text once and one
article per outlet (``viewer.archive.records.article_identity``). The upgrade rebuilds the
articles from the stored texts, keeps what was read from an unchanged text (entities, event
fingerprints and membership) under the article's new id, and records which old id became which
(``upgraded_ids``), for the user's corrections to follow (``UserData.follow_new_ids``). Every file
is then read again by the next re-scan (``rescan_pending``; the app starts one on opening), which
brings in the reposts version 1 did not keep and the records' own ids.
"""

from __future__ import annotations

import sqlite3

from viewer.archive.formats.common import title_from_text
from viewer.archive.records import article_identity, text_identity
from viewer.text.markup import formats_to_json, read_markup
from viewer.text.normalise import clean_line

# Tables of readings keyed by article id (rebuildable, kept when the text did not change).
_READINGS = ("story_fingerprints", "event_members", "mentions", "entities_done")


def catalog_version(db: sqlite3.Connection) -> int | None:
    """The version a catalog was written with; None for a new, empty database."""
    has_meta = db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").fetchone()
    if not has_meta:
        return None
    row = db.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
    return int(row[0]) if row and row[0].isdigit() else None


def upgrade_from_1(db: sqlite3.Connection, schema: str) -> int:
    """Rewrite a version 1 catalog as version 2 inside one transaction; returns the articles rewritten."""
    db.execute("BEGIN IMMEDIATE")
    try:
        db.execute("ALTER TABLE articles RENAME TO articles_v1")
        db.execute("DROP INDEX IF EXISTS sources_by_article")
        db.execute("ALTER TABLE sources ADD COLUMN source_id TEXT")
        for statement in schema.split(";"):  # executescript would commit the transaction
            if statement.strip():
                db.execute(statement)
        db.execute("CREATE TABLE upgraded_ids (old TEXT PRIMARY KEY, new TEXT NOT NULL, same_text INTEGER NOT NULL)")
        rows = db.execute(
            "SELECT id, title, body, outlet, source_outlet, author, published, url, added FROM articles_v1"
        ).fetchall()
        for old_id, title, body, outlet, source_outlet, author, published, url, added in rows:
            marked = read_markup(body)
            new_title = clean_line(read_markup(title).text)
            if title == title_from_text(body) or not new_title:  # a title made from the body: made again
                new_title = title_from_text(marked.text)
            text_id = text_identity(new_title, marked.text)
            new_id = article_identity(text_id, source_outlet)
            db.execute(
                "INSERT OR IGNORE INTO texts (id, title, body, formats) VALUES (?, ?, ?, ?)",
                (text_id, new_title, marked.text, formats_to_json(marked.formats)),
            )
            db.execute(
                "INSERT OR IGNORE INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (new_id, text_id, outlet, source_outlet, author, published, url, added),
            )
            same = marked.text == body and new_title == title
            db.execute("INSERT INTO upgraded_ids VALUES (?, ?, ?)", (old_id, new_id, int(same)))
        db.execute("UPDATE sources SET article_id = (SELECT new FROM upgraded_ids WHERE old = article_id)"
                   " WHERE article_id IN (SELECT old FROM upgraded_ids)")
        for table in _READINGS:
            db.execute(f"DELETE FROM {table} WHERE article_id NOT IN (SELECT old FROM upgraded_ids WHERE same_text)")
            db.execute(
                f"UPDATE OR IGNORE {table} SET article_id = (SELECT new FROM upgraded_ids WHERE old = article_id)"
            )
            db.execute(f"DELETE FROM {table} WHERE article_id NOT IN (SELECT id FROM articles)")  # two became one
        for table in ("event_members", "event_labels_auto"):
            db.execute(
                f"UPDATE OR IGNORE {table} SET event_key = (SELECT new FROM upgraded_ids WHERE old = event_key)"
                " WHERE event_key IN (SELECT old FROM upgraded_ids)"
            )
        db.execute("DROP TABLE articles_v1")
        db.execute("DELETE FROM files")  # every file is read again: reposts and record ids
        db.execute("INSERT OR REPLACE INTO meta VALUES ('rescan_pending', 'yes')")
        db.execute("UPDATE meta SET value = '' WHERE key = 'schema_version'")  # the index is rebuilt
        db.execute("UPDATE meta SET value = '2' WHERE key = 'version'")
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    return len(rows)


def pending_id_changes(db: sqlite3.Connection) -> dict[str, str]:
    """Old article id -> new, left by an upgrade for the user's data to follow."""
    present = db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'upgraded_ids'").fetchone()
    return dict(db.execute("SELECT old, new FROM upgraded_ids")) if present else {}


def forget_id_changes(db: sqlite3.Connection) -> None:
    db.execute("DROP TABLE IF EXISTS upgraded_ids")
