"""The facade the command line and the desktop app talk to: one archive in one home folder.

    library = Library.open()                 # or Library.open(home=...)
    library.add(["~/news"])                  # import, incrementally
    page = library.search("форум", filters={"outlet": ["БК55"]})
    article = library.article(page.hits[0].id)
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from whoosh.index import EmptyIndexError, Index

from viewer.archive.boilerplate_stage import BoilerplateStage
from viewer.archive.catalog import Catalog, OriginalReport, StoredArticle
from viewer.archive.content import ArticleContent, content
from viewer.archive.records import FileProblem
from viewer.archive.scanner import absolute
from viewer.compare import Comparison, ReportInput, compare
from viewer.entities.stage import ArticleMention, EntityStage, EntityView
from viewer.events.stage import EventStage, EventSummary
from viewer.importer import Cancelled, Importer, ImportSummary, Progress, forget_root
from viewer.paths import Locations, sample_archive
from viewer.search import writer as index_writer
from viewer.search.schema import SCHEMA_VERSION
from viewer.search.searcher import SORTS, ArchiveSearcher
from viewer.search.snippets import make_snippet
from viewer.text.normalise import clean_text
from viewer.userdata import SavedSearch, UserData, resolve_outlet


class ArchiveBusyError(RuntimeError):
    """Another process is importing into this archive."""


@dataclass(frozen=True)
class SearchHit:
    id: str
    title: str
    outlet: str | None
    author: str | None
    published: str | None
    score: float
    snippet: str  # HTML: escaped text, matches in <b>
    snippet_text: str
    snippet_spans: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class SearchResult:
    total: int
    hits: list[SearchHit]
    facets: dict[str, dict[str, int]]
    terms: frozenset[str]  # what to highlight in an opened article

    def to_json(self) -> dict[str, object]:
        return {
            "total": self.total,
            "hits": [
                {
                    "id": h.id,
                    "title": h.title,
                    "outlet": h.outlet,
                    "author": h.author,
                    "published": h.published,
                    "score": round(h.score, 4),
                    "snippet": h.snippet,
                }
                for h in self.hits
            ],
            "facets": self.facets,
        }


class Library:
    def __init__(self, locations: Locations, workers: int | None = None) -> None:
        self.locations = locations.create()
        self._workers = workers
        self.user = UserData(locations.user_file)
        self.catalog = Catalog(locations.catalog_file)
        self._follow_upgrade()
        self._ix = self._open_index()
        self._searcher: ArchiveSearcher | None = None
        stage_workers = index_writer.worker_count() if workers is None else workers
        self.events_stage = EventStage(self.catalog, self.user.events, stage_workers)
        self.entities_stage = EntityStage(self.catalog, self.user.entities, stage_workers)
        self.boilerplate_stage = BoilerplateStage(self.catalog)
        self._external: dict[str, dict[str, list[str]]] | None = None
        if self.catalog.unlearned_outlets():  # an upgraded catalog, or an import stopped before this stage
            self.boilerplate_stage.update()

    @classmethod
    def open(cls, home: Path | str | None = None, workers: int | None = None) -> Library:
        return cls(Locations.for_home(home), workers)

    def close(self) -> None:
        if self._searcher is not None:
            self._searcher.close()
        self.catalog.close()
        self.user.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _follow_upgrade(self) -> None:
        """After the catalog was upgraded (its article ids changed), the user's corrections follow."""
        changes = self.catalog.id_changes()
        if changes:
            self.user.follow_new_ids(changes)
            self.catalog.forget_id_changes()

    # the index ---------------------------------------------------------------
    def _open_index(self) -> Index:
        folder = self.locations.index_dir
        current = self.catalog.get_meta("schema_version") == str(SCHEMA_VERSION)
        ix = self._open_current_index(folder) if current else None
        if ix is not None:
            return ix
        ix = index_writer.recreate(folder)
        self._fill(ix, self.catalog.all_articles())
        self.catalog.set_meta("schema_version", str(SCHEMA_VERSION))
        return ix

    def _open_current_index(self, folder: Path) -> Index | None:
        """The index as it is, brought in line with the catalog; None if missing or damaged."""
        try:
            ix = index_writer.open_or_create(folder)
            if ix.doc_count() != self.catalog.article_count():
                self._reconcile(ix)
        except (EmptyIndexError, OSError, ValueError, EOFError):
            return None
        return ix

    def _fill(self, ix: Index, articles: Iterable[StoredArticle]) -> None:
        rows = [a.as_row() for a in articles]
        workers = index_writer.worker_count() if len(rows) >= 500 else 1
        writer = index_writer.IndexWriter(ix, workers)
        for row in rows:
            writer.add(row)
        writer.commit()

    def _reconcile(self, ix: Index) -> None:
        """Make the index hold exactly the catalog's articles (after an interrupted import)."""
        with ix.searcher() as searcher:
            indexed = {fields["id"] for fields in searcher.all_stored_fields()}
        wanted = self.catalog.article_ids()
        writer = index_writer.IndexWriter(ix)
        for article_id in indexed - wanted:
            writer.delete(article_id)
        missing = wanted - indexed
        for article in self.catalog.all_articles():
            if article.id in missing:
                writer.add(article.as_row())
        writer.commit()

    def rebuild_index(self) -> None:
        """Throw the index away and build it again from the catalog (no user data is touched)."""
        if self._searcher is not None:
            self._searcher.close()
            self._searcher = None
        self.catalog.set_meta("schema_version", "")
        self._ix = self._open_index()

    def _search_engine(self) -> ArchiveSearcher:
        if self._searcher is None:
            self._searcher = self._new_search()
        return self._searcher

    def _new_search(self) -> ArchiveSearcher:
        return ArchiveSearcher(self._ix, self._exact_texts, self._external_facets)

    def warmed_search(self) -> ArchiveSearcher:
        """A searcher over the index as it is now, with what its first search reads already read.
        It may be made on another thread (it touches only the index) and handed to ``use_search``
        on this Library's own, so that the first search after an import is as quick as the rest."""
        searcher = self._new_search()
        searcher.warm()
        return searcher

    def use_search(self, searcher: ArchiveSearcher) -> None:
        if self._searcher is not None:
            self._searcher.close()
        self._searcher = searcher

    def _external_facets(self) -> dict[str, dict[str, list[str]]]:
        """Facets kept outside the index: the entities and the event of every article."""
        if self._external is None:
            events = {article: [f"ev-{key}"] for article, key in self.events_stage.memberships().items()}
            self._external = {**self.entities_stage.facets(), "event": events}
        return self._external

    def _exact_texts(self, searcher: object, docnums: Sequence[int]) -> Iterable[tuple[int, str]]:
        stored = searcher.stored_fields  # type: ignore[attr-defined]
        ids = {stored(d)["id"]: d for d in docnums}
        for article_id, title, body in self.catalog.texts(ids):
            yield ids[article_id], f"{title}\n{body}"

    # importing -----------------------------------------------------------------
    def roots(self) -> list[tuple[str, bool]]:
        """(path, is the bundled sample) of every folder or file added to the archive."""
        return self.catalog.roots()

    def ensure_sample(self, progress: Progress | None = None, entities: bool = False) -> ImportSummary | None:
        """On first use, with nothing added yet, import the bundled sample archive.

        Entities are left for later unless asked for: finding them loads the models.
        """
        if self.catalog.roots() or self.catalog.get_meta("sample_offered"):
            return None
        root = absolute(sample_archive())
        self.catalog.add_root(root, sample=True)
        self.catalog.set_meta("sample_offered", "yes")
        summary = self._import([root], progress, None)
        self._after_import(progress, None, events=True, entities=entities)
        return summary

    def add(
        self,
        paths: Iterable[Path | str],
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
        events: bool = True,
        entities: bool = True,
    ) -> ImportSummary:
        """Add folders or files (or import them again): only new and changed files are read.

        The sample archive makes way for the first folder of the user's own, once that folder
        is in: a cancelled or failed import changes nothing.
        """
        roots = [absolute(Path(p).expanduser()) for p in paths]
        summary = self._import(roots, progress, cancelled)
        for root, is_sample in self.catalog.roots():
            if is_sample and root not in roots:
                forget_root(self.catalog, self._ix, root)
        for root in roots:
            self.catalog.add_root(root)
        self.catalog.set_meta("sample_offered", "yes")
        self._after_import(progress, cancelled, events, entities)
        return summary

    def refresh(
        self,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
        events: bool = True,
        entities: bool = True,
    ) -> ImportSummary:
        """Look at every added folder again for new, changed and deleted files."""
        summary = self._import([root for root, _ in self.catalog.roots()], progress, cancelled)
        self.catalog.set_meta("rescan_pending", "")
        self._after_import(progress, cancelled, events, entities)
        return summary

    def rescan_pending(self) -> bool:
        """Whether every folder is to be read again (an upgrade of the archive asked for it)."""
        return bool(self.catalog.get_meta("rescan_pending"))

    def remove(self, path: Path | str) -> int:
        """Stop following a folder; its articles leave the archive. Returns how many went."""
        return forget_root(self.catalog, self._ix, absolute(Path(path).expanduser()))

    def _import(self, roots: list[str], progress: Progress | None, cancelled: Cancelled | None) -> ImportSummary:
        importer = Importer(self.catalog, self._ix, self.user.outlet_aliases(), self._workers)
        try:
            summary = importer.run(roots, progress, cancelled)
            if self.boilerplate_stage.update(summary.new_ids, progress):
                self._external = None
            return summary
        except index_writer.IndexBusyError as error:
            raise ArchiveBusyError("another import into this archive is running; try again when it ends") from error
        except sqlite3.OperationalError as error:
            if "locked" in str(error):
                raise ArchiveBusyError("another import into this archive is running; try again when it ends") from error
            raise

    def problems(self) -> list[FileProblem]:
        return [FileProblem(path, reason) for path, reason in self.catalog.problems()]

    # reading -----------------------------------------------------------------
    def search(
        self,
        text: str = "",
        filters: Mapping[str, Sequence[str]] | None = None,
        excludes: Mapping[str, Sequence[str]] | None = None,
        sort: str = "relevance",
        offset: int = 0,
        limit: int = 20,
    ) -> SearchResult:
        """Raises ``QueryError`` with a message for the user when the query cannot run."""
        page = self._search_engine().search(text, filters, excludes, sort, offset, limit)
        hits = []
        stored = self.catalog.articles([article_id for article_id, _ in page.hits])
        for article_id, score in page.hits:
            article = stored.get(article_id)
            if article is None:
                continue
            snippet = make_snippet(clean_text(self.content(article).body), page.terms)
            hits.append(
                SearchHit(
                    article.id, article.title, article.outlet, article.author, article.published,
                    score, snippet.html(), snippet.text, snippet.spans,
                )
            )
        return SearchResult(page.total, hits, page.facets, frozenset(page.terms))

    def article(self, article_id: str) -> StoredArticle | None:
        """The article with this Letopis id or, failing that, read from the record with this id of its own."""
        found = self.catalog.article(article_id)
        if found is None:
            matches = self.catalog.find_source(article_id)
            found = self.catalog.article(matches[0]) if matches else None
        return replace(found, original=self.original_of(found.id)) if found else None

    @staticmethod
    def content(article: StoredArticle) -> ArticleContent:
        """What the article says without its outlet's boilerplate (blanked: offsets stay right)."""
        return content(article.id, article.title, article.body, article.boilerplate, article.published)

    def original_of(self, article_id: str) -> OriginalReport | None:
        """When the same text (apart from its outlet's boilerplate) ran earlier: the first report of it,
        and how much later this one came."""
        copies = self.catalog.copies(article_id)
        if len(copies) < 2 or copies[0][0] == article_id:
            return None
        first_id, first_outlet, first_published = copies[0]
        published = next((row[2] for row in copies if row[0] == article_id), None)
        minutes = None
        if first_published and published:
            delta = datetime.fromisoformat(published) - datetime.fromisoformat(first_published)
            minutes = round(delta.total_seconds() / 60)
        return OriginalReport(first_id, first_outlet, minutes)

    def article_count(self) -> int:
        return self.catalog.article_count()

    def _after_import(
        self, progress: Progress | None, cancelled: Cancelled | None, events: bool, entities: bool
    ) -> None:
        """The stages that follow the text: events (quick), then entities (slow, resumable)."""
        if events:
            self.group_events(progress)
        if entities:
            self.extract_entities(progress, cancelled)

    # entities ----------------------------------------------------------------------
    def extract_entities(self, progress: Progress | None = None, cancelled: Cancelled | None = None) -> int:
        """Find people, organisations and places in the articles not yet read for them."""
        done = self.entities_stage.run(progress, cancelled)
        if done:
            self._external = None
        return done

    def entities_pending(self) -> int:
        return self.entities_stage.pending()

    def mentions(self, article_id: str) -> list[ArticleMention]:
        """The entity mentions of an article (title and body offsets), curation applied."""
        return self.entities_stage.mentions_of(article_id)

    def entity(self, name: str) -> EntityView | None:
        return self.entities_stage.entity(name)

    def merge_entities(self, name: str, into: str) -> None:
        """From now on ``name`` is another name of ``into``."""
        self.user.entities.rename(name, into)
        self._external = None

    def rename_entity(self, name: str, new_name: str) -> None:
        self.user.entities.rename(name, new_name)
        self._external = None

    def set_entity_type(self, name: str, kind: str) -> None:
        self.user.entities.set_type(name, kind)
        self._external = None

    def hide_entity(self, name: str, hidden: bool = True) -> None:
        """A false entity: no longer highlighted, counted or offered."""
        self.user.entities.hide(name, hidden)
        self._external = None

    def forget_cached(self) -> None:
        """Read entities and events afresh: another Library (a background job's) has stored some."""
        self._external = None

    # events ----------------------------------------------------------------------
    def group_events(self, progress: Progress | None = None, regroup: bool = False) -> int:
        """Place new articles in events (all of them again with ``regroup``); return how many."""
        placed = self.events_stage.update(progress, regroup)
        self._external = None
        return placed

    def events(self, key_entities: bool = True) -> list[EventSummary]:
        """Every event, newest first; an article with no other report is an event of its own.

        ``key_entities`` adds the people, organisations and places most of its reports name.
        """
        events = self.events_stage.summaries()
        if not key_entities:
            return events
        top = self.entities_stage.top_entities
        return [replace(e, entities=tuple(top(list(e.articles)))) for e in events]

    def event(self, event_id: str) -> EventSummary | None:
        found = self._event_summary(event_id)
        return replace(found, entities=tuple(self.entities_stage.top_entities(list(found.articles)))) if found else None

    def _event_summary(self, event_id: str) -> EventSummary | None:
        """One event, without its key entities: only its own articles are read."""
        if not event_id.startswith("ev-"):
            return None
        found = self.events_stage.summaries([event_id.removeprefix("ev-")])
        return found[0] if found else None

    def story(self, story_id: str) -> list[EventSummary]:
        """The events of one story thread (events that continue one another over days), oldest first."""
        events = [event for event in self.events_stage.summaries() if event.story_id == story_id]
        return sorted(events, key=lambda event: (event.start is None, event.start or "", event.key))

    def event_of(self, article_id: str) -> EventSummary | None:
        key = self.events_stage.memberships().get(article_id)
        return self.event(f"ev-{key}") if key else None

    def _event_or_fail(self, event_id: str) -> EventSummary:
        found = self._event_summary(event_id)
        if found is None:
            raise KeyError(f"no event with id «{event_id}»")
        return found

    def merge_events(self, event_ids: Sequence[str]) -> None:
        """Make one event of several: the others' articles join the first."""
        target = self._event_or_fail(event_ids[0])
        for event_id in event_ids[1:]:
            for article in self._event_or_fail(event_id).articles:
                self.user.events.move(article, target.articles[0])
        self._external = None

    def move_article(self, article_id: str, event_id: str | None) -> None:
        """Put an article in another event, or (None) in an event of its own."""
        target = self._event_or_fail(event_id).articles[0] if event_id else ""
        before = self.event_of(article_id)
        self.user.events.move(article_id, target)
        self._external = None
        if before is not None:
            self._name_stays(before, [article_id])

    def split_event(self, event_id: str, article_ids: Sequence[str]) -> None:
        """Take ``article_ids`` out of an event into an event of their own."""
        event = self._event_or_fail(event_id)
        leaving = [a for a in article_ids if a in event.articles]
        if not leaving or len(leaving) == len(event.articles):
            raise ValueError("choose some, but not all, of the event's articles to split off")
        self.user.events.move(leaving[0], "")
        for article in leaving[1:]:
            self.user.events.move(article, leaving[0])
        self._external = None
        self._name_stays(event, leaving)

    def _name_stays(self, event: EventSummary, leaving: Sequence[str]) -> None:
        """When the report an event is keyed by leaves it, the name the user gave the event
        goes with the reports that stay (their event is keyed anew)."""
        label = self.user.events.labels().get(event.key)
        staying = [a for a in event.articles if a not in leaving]
        if event.key not in leaving or not label or not staying:
            return
        self.user.events.rename(event.key, "")
        rest = self.event_of(staying[0])
        if rest is not None:
            self.user.events.rename(rest.key, label)

    def rename_event(self, event_id: str, label: str) -> None:
        self.user.events.rename(self._event_or_fail(event_id).key, label)

    def pin_event(self, event_id: str, pinned: bool = True) -> None:
        """A pinned event keeps exactly its articles: nothing joins or leaves it by regrouping."""
        event = self._event_or_fail(event_id)
        self.user.events.pin(event.key, list(event.articles) if pinned else None)
        self._external = None

    # comparison ------------------------------------------------------------------
    def report_ids(self, ids: Sequence[str]) -> list[str]:
        """Article ids in the order given, duplicates dropped: an event id (``ev-``) stands for its
        articles, a story id (``st-``) for the articles of its events. KeyError for an unknown one."""
        article_ids: list[str] = []
        for item in ids:
            if item.startswith("ev-"):
                article_ids.extend(self._event_or_fail(item).articles)
            elif item.startswith("st-"):
                events = self.story(item)
                if not events:
                    raise KeyError(f"no story with id «{item}»")
                article_ids.extend(article for event in events for article in event.articles)
            else:
                article_ids.append(item)
        return list(dict.fromkeys(article_ids))

    def compare(self, ids: Sequence[str]) -> Comparison:
        """Compare articles side by side; event and story ids stand for their articles (``report_ids``)."""
        reports = []
        for article_id in self.report_ids(ids):
            article = self.article(article_id)
            if article is None:
                raise KeyError(f"no article with id «{article_id}»")
            published = datetime.fromisoformat(article.published) if article.published else None
            mentions = [m for m in self.mentions(article_id) if m.part == "body"]
            body = self.content(article).body.rstrip()  # the outlet's boilerplate is not compared
            source_id = article.source_ids[0] if article.source_ids else None
            reports.append(
                ReportInput(article.id, article.title, body, article.outlet, published, mentions, source_id)
            )
        return compare(reports)

    # saved searches --------------------------------------------------------------
    def saved_searches(self) -> list[SavedSearch]:
        """The user's named searches, by name."""
        return [s if s.sort in SORTS else replace(s, sort="relevance") for s in self.user.searches.all()]

    def saved_search(self, name: str) -> SavedSearch | None:
        return next((s for s in self.saved_searches() if s.name == name), None)

    def save_search(
        self,
        name: str,
        text: str = "",
        filters: Mapping[str, Sequence[str]] | None = None,
        excludes: Mapping[str, Sequence[str]] | None = None,
        sort: str = "relevance",
        overwrite: bool = False,
    ) -> SavedSearch:
        """Keep a search (what ``search`` takes) under ``name``; raises ``SavedSearchError`` for an
        empty or too long name, or one already used (unless ``overwrite``)."""
        if sort not in SORTS:
            raise ValueError(f"unknown order «{sort}»; use {' or '.join(SORTS)}")
        search = SavedSearch(name, text, dict(filters or {}), dict(excludes or {}), sort)
        return self.user.searches.save(search, overwrite=overwrite)

    def rename_saved_search(self, name: str, new_name: str) -> str:
        return self.user.searches.rename(name, new_name)

    def delete_saved_search(self, name: str) -> bool:
        return self.user.searches.delete(name)

    # outlets -------------------------------------------------------------------
    def outlet_aliases(self) -> dict[str, str]:
        return self.user.outlet_aliases()

    def set_outlet_alias(self, alias: str, outlet: str) -> int:
        """File articles from ``alias`` (a host or spelling) under ``outlet``; returns how many moved."""
        self.user.set_outlet_alias(alias, outlet)
        return self._apply_outlet_aliases()

    def remove_outlet_alias(self, alias: str) -> int:
        self.user.remove_outlet_alias(alias)
        return self._apply_outlet_aliases()

    def _apply_outlet_aliases(self) -> int:
        aliases = self.user.outlet_aliases()
        changed = []
        for article_id, current, source_outlet, url in self.catalog.outlets():
            outlet = resolve_outlet(source_outlet, url, aliases)
            article = self.catalog.article(article_id) if outlet != current else None
            if article is not None:
                changed.append((article, outlet))
        if not changed:
            return 0
        self.catalog.begin()
        try:
            writer = index_writer.IndexWriter(self._ix)
            for article, outlet in changed:
                self.catalog.set_outlet(article.id, outlet)
                writer.add({**article.as_row(), "outlet": outlet})
            writer.commit()
            self.catalog.commit()
        except BaseException:
            self.catalog.rollback()
            raise
        return len(changed)
