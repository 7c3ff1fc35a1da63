"""The events stage of an archive: fingerprints, grouping, corrections and event summaries.

It keeps its rebuildable tables in the catalog (fingerprints, automatic membership, automatic
labels) and reads the user's corrections from the user data, applying them over the
automatic grouping every time, so corrections survive re-import and regrouping.
"""

from __future__ import annotations

import json
import multiprocessing
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from viewer.archive.catalog import Catalog
from viewer.archive.content import ArticleContent
from viewer.archive.formats.common import title_from_text
from viewer.background import lower_process_priority
from viewer.events.features import FINGERPRINT_RECIPE, StoryFingerprint, fingerprint
from viewer.events.frequencies import DocumentFrequencies
from viewer.events.grouping import apply_corrections, events_from, group, threads
from viewer.events.similarity import same_story_score
from viewer.userdata import EventCorrections

Progress = Callable[[int, int | None, str], None]
_PARALLEL_FINGERPRINTS = 400
# Events continue one story when their reports score this much alike with the time between them
# left out (stricter than one event's threshold, 0.28), between at least this share of the smaller
# event's reports. Chosen by reading the story threads of a week of Telegram coverage (25–30 Nov
# 2024): at 0.28, or with any one pair enough, single topic words chained the week's news into
# threads of a hundred events; there are no labelled story threads to fit them on.
STORY_THRESHOLD = 0.4
STORY_LINKED_SHARE = 0.5
_LABEL_CANDIDATES = 12


@dataclass(frozen=True)
class EventSummary:
    key: str
    label: str
    articles: tuple[str, ...]  # by publication time, undated last
    outlets: tuple[str, ...]
    start: str | None
    end: str | None
    pinned: bool = False
    entities: tuple[tuple[str, str], ...] = ()  # key (name, type) pairs, most named first
    story: str = ""  # the key of its story thread (events that continue one another over days)

    @property
    def id(self) -> str:
        return f"ev-{self.key}"

    @property
    def story_id(self) -> str:
        return f"st-{self.story or self.key}"

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "label": self.label,
            "articles": list(self.articles),
            "outlets": list(self.outlets),
            "start": self.start,
            "end": self.end,
            "count": len(self.articles),
            "entities": [{"name": name, "type": kind} for name, kind in self.entities],
            "story": self.story_id,
        }


def _fingerprint_row(row: ArticleContent) -> tuple[str, str]:
    moment = datetime.fromisoformat(row.published) if row.published else None
    return row.id, json.dumps(fingerprint(row.title, row.body, moment).to_dict(), ensure_ascii=False)


class EventStage:
    def __init__(self, catalog: Catalog, corrections: EventCorrections, workers: int = 1) -> None:
        self._catalog = catalog
        self._db = catalog.db
        self._corrections = corrections
        self._workers = workers

    def pending(self) -> int:
        """Articles not yet placed in an event."""
        row = self._db.execute(
            "SELECT count(*) FROM articles WHERE id NOT IN (SELECT article_id FROM event_members)"
        ).fetchone()
        return int(row[0])

    def update(self, progress: Progress | None = None, regroup: bool = False) -> int:
        """Place the articles not yet in an event (all of them with ``regroup``); return how many."""
        report = progress or (lambda done, total, note: None)
        if not regroup and self.pending() == 0:
            return 0
        self._forget_old_fingerprints()
        self._fingerprint_missing(report)
        items = [
            (article_id, StoryFingerprint.from_dict(json.loads(data)))
            for article_id, data in self._db.execute("SELECT article_id, data FROM story_fingerprints")
        ]
        fixed = {} if regroup else dict(self._db.execute("SELECT article_id, event_key FROM event_members"))
        placing = len(items) - len(fixed)
        if placing == 0:
            return 0
        # A report with nothing of its own to say (only its outlet's footer, say) joins no event.
        alone = {article_id for article_id, fp in items if not fp.terms and article_id not in fixed}
        items = [item for item in items if item[0] not in alone]
        df = DocumentFrequencies.of(fp for _, fp in items)
        related: list[tuple[str, str, float]] = []
        event_of = group(items, df, fixed, report, related)
        event_of.update((article_id, article_id) for article_id in alone)
        report(placing, placing, "grouping reports into events")
        # Placed articles, and earlier ones whose event merged into another.
        moved = {article: key for article, key in event_of.items() if regroup or fixed.get(article) != key}
        changed_events = {key for article, key in moved.items() if article not in alone}
        gone = set(fixed.values()) - set(event_of.values())
        fingerprints = dict(items)
        self._catalog.begin()
        try:
            if regroup:
                self._db.execute("DELETE FROM event_members")
                self._db.execute("DELETE FROM event_labels_auto")
                self._db.execute("DELETE FROM story_links")
            self._db.executemany("INSERT OR REPLACE INTO story_links VALUES (?, ?, ?)", related)
            self._db.executemany(
                "INSERT OR REPLACE INTO event_members VALUES (?, ?)",
                moved.items(),
            )
            members = events_from(event_of)
            for key in alone | gone:
                self._db.execute("DELETE FROM event_labels_auto WHERE event_key = ?", (key,))
            for key in changed_events:
                label = self._representative_title(members[key], fingerprints, df)
                self._db.execute("INSERT OR REPLACE INTO event_labels_auto VALUES (?, ?)", (key, label))
            self._catalog.commit()
        except BaseException:
            self._catalog.rollback()
            raise
        self._keep_user_labels(fixed, event_of)
        return placing

    def _keep_user_labels(self, before: dict[str, str], after: dict[str, str]) -> None:
        """A name the user gave an event that has merged into another passes to the merged event,
        unless that one has a name of its own."""
        labels = self._corrections.labels()
        if not labels:
            return
        moves, pins = self._corrections.moves(), self._corrections.pins()
        before, after = apply_corrections(before, moves, pins), apply_corrections(after, moves, pins)
        for key in (set(before.values()) - set(after.values())) & labels.keys():
            merged_into = after.get(key)
            if merged_into and merged_into not in labels:
                self._corrections.rename(merged_into, labels[key])
            self._corrections.rename(key, "")

    def _forget_old_fingerprints(self) -> None:
        """Fingerprints made by an earlier recipe are made again (placed articles keep their events)."""
        if self._catalog.get_meta("fingerprint_recipe") == FINGERPRINT_RECIPE:
            return
        self._catalog.begin()
        self._db.execute("DELETE FROM story_fingerprints")
        self._catalog.set_meta("fingerprint_recipe", FINGERPRINT_RECIPE)
        self._catalog.commit()

    def _fingerprint_missing(self, report: Progress) -> None:
        rows = list(self._catalog.contents("WHERE a.id NOT IN (SELECT article_id FROM story_fingerprints)"))
        if not rows:
            return
        done: Iterable[tuple[str, str]]
        if self._workers > 1 and len(rows) >= _PARALLEL_FINGERPRINTS:
            pool = multiprocessing.get_context("spawn").Pool(self._workers, initializer=lower_process_priority)
            done = pool.imap(_fingerprint_row, rows, chunksize=32)
        else:
            pool = None
            done = map(_fingerprint_row, rows)
        try:
            self._catalog.begin()
            for n, pair in enumerate(done, 1):
                self._db.execute("INSERT OR REPLACE INTO story_fingerprints VALUES (?, ?)", pair)
                if n % 200 == 0 or n == len(rows):
                    report(n, len(rows), "reading reports for events")
            self._catalog.commit()
        except BaseException:
            self._catalog.rollback()
            raise
        finally:
            if pool is not None:
                pool.close()
                pool.join()

    def _representative_title(
        self, members: list[str], fingerprints: dict[str, StoryFingerprint], df: DocumentFrequencies
    ) -> str:
        """The headline of the member most like the others (the earliest few are considered). A
        headline that is its outlet's boilerplate (a post's rubric or footer made its title) gives
        way to the first sentence of what the report says."""
        ordered = sorted(members, key=lambda a: _time_key(fingerprints[a]))[:_LABEL_CANDIDATES]
        best = max(
            ordered,
            key=lambda a: sum(same_story_score(fingerprints[a], fingerprints[b], df) for b in ordered if b != a),
        )
        found = next(self._catalog.contents("WHERE a.id = ?", (best,)), None)
        return (found.title.strip() or title_from_text(found.body)) if found else ""

    # reading ------------------------------------------------------------------
    def _threads(self, event_of: dict[str, str]) -> dict[str, str]:
        """Event key -> story key, for the events that related pairs link (the others are their own).

        Two events continue one story when their reports tell it alike (``STORY_THRESHOLD``, before
        the time between them counts) by as many pairs of reports as half the smaller one has: a
        single shared topic word between two busy news days must not chain the week together.
        """
        by_events: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
        for a, b in self._db.execute("SELECT article_a, article_b FROM story_links WHERE score >= ?",
                                     (STORY_THRESHOLD,)):
            if a in event_of and b in event_of and event_of[a] != event_of[b]:
                by_events[tuple(sorted((event_of[a], event_of[b])))].append((a, b))  # type: ignore[index]
        if not by_events:
            return {}
        size = Counter(event_of.values())
        related = [
            pair
            for (ka, kb), pairs in by_events.items()
            if len(pairs) >= STORY_LINKED_SHARE * min(size[ka], size[kb])
            for pair in pairs
        ]
        keys = {key for pair in by_events for key in pair}
        published = {row[0]: row[2] for row in self._catalog.headers(keys)}
        return threads(event_of, related, _earliest_first(published))

    def memberships(self) -> dict[str, str]:
        """Article id -> event key, corrections applied."""
        return self._memberships()[1]

    def _memberships(self) -> tuple[dict[str, str], dict[str, str]]:
        """(automatic, corrected): article id -> event key, before and after the corrections."""
        automatic = dict(self._db.execute("SELECT article_id, event_key FROM event_members"))
        return automatic, apply_corrections(automatic, self._corrections.moves(), self._corrections.pins())

    def summaries(self, keys: Iterable[str] | None = None) -> list[EventSummary]:
        """Every event (or the events keyed by ``keys`` that exist), newest first."""
        automatic, corrected = self._memberships()
        events = events_from(corrected)
        if keys is not None:
            events = {key: events[key] for key in keys if key in events}
        # A headline chosen for the automatic event names the corrected one only if its reports are the same.
        grouped = events_from(automatic)
        labels = {
            key: label
            for key, label in self._db.execute("SELECT event_key, label FROM event_labels_auto")
            if key in events and set(events[key]) == set(grouped.get(key, ()))
        }
        labels.update(self._corrections.labels())
        pins = self._corrections.pins()
        story_of = self._threads(corrected)
        wanted = None if keys is None else [article for articles in events.values() for article in articles]
        meta = {row[0]: row[1:] for row in self._catalog.headers(wanted)}
        result = []
        for key, articles in events.items():
            present = [a for a in articles if a in meta]
            if not present:
                continue
            present.sort(key=lambda a: (meta[a][1] is None, meta[a][1] or "", a))
            dates = [meta[a][1] for a in present if meta[a][1]]
            outlets = tuple(dict.fromkeys(meta[a][0] for a in present if meta[a][0]))
            label = labels.get(key) or meta[present[0]][2]
            result.append(
                EventSummary(key, label, tuple(present), outlets, min(dates, default=None),
                             max(dates, default=None), key in pins, story=story_of.get(key, key))
            )
        result.sort(key=lambda e: (e.end or "", e.key), reverse=True)  # undated events last
        return result


def _earliest_first(published: dict[str, str | None]) -> Callable[[str], tuple[bool, str, str]]:
    return lambda key: (published.get(key) is None, published.get(key) or "", key)


def _time_key(fp: StoryFingerprint) -> tuple[int, float]:
    return (0, fp.published.timestamp()) if fp.published else (1, 0.0)
