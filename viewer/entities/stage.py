"""The entity stage of an archive: extraction in the background, stored mentions, curation.

Mentions are stored in the catalog per article, in batches, and an article is marked done
in the same transaction as its mentions: a stage killed half-way resumes where it stopped
and never redoes an article whose text has not changed (a changed text is a new article).
The models are loaded only when there is work, in worker processes, never at start-up.
The user's curation (merges, renames, types, hidden names) lives in the user data and is
applied whenever mentions are read, so it survives re-indexing.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from viewer.archive.catalog import Catalog
from viewer.text.normalise import fold
from viewer.userdata import EntityCuration

Progress = Callable[[int, int | None, str], None]
Cancelled = Callable[[], bool]
TYPES = {"PER": "person", "ORG": "organisation", "LOC": "place"}
_BATCH = 200
_TITLE_GAP = "\n\n"


@dataclass(frozen=True)
class ArticleMention:
    part: str  # "title" or "body"
    start: int
    stop: int
    type: str
    text: str
    normal: str  # the entity's name, curation applied


@dataclass(frozen=True)
class EntityView:
    name: str
    type: str
    articles: tuple[str, ...]  # by publication time, undated last
    mentions: int
    related: tuple[tuple[str, str, int], ...]  # (name, type, articles in common), most first
    first: str | None
    last: str | None

    def to_json(self) -> dict[str, object]:
        return {
            "name": self.name,
            "type": self.type,
            "articles": list(self.articles),
            "mentions": self.mentions,
            "related": [{"name": n, "type": t, "articles": c} for n, t, c in self.related],
            "first": self.first,
            "last": self.last,
        }


def split_mentions(title: str, mentions: list) -> Iterator[tuple[str, int, int, object]]:  # type: ignore[type-arg]
    """(part, start, stop, mention) with offsets into the title or the body.

    Extraction runs on «title, blank line, body» so that both are read in one pass.
    """
    body_start = len(title) + len(_TITLE_GAP)
    for mention in mentions:
        if mention.stop <= len(title):
            yield "title", mention.start, mention.stop, mention
        elif mention.start >= body_start:
            yield "body", mention.start - body_start, mention.stop - body_start, mention


class EntityStage:
    def __init__(self, catalog: Catalog, curation: EntityCuration, workers: int = 1) -> None:
        self._catalog = catalog
        self._db = catalog.db
        self._curation = curation
        self._workers = workers

    def pending(self) -> int:
        row = self._db.execute(
            "SELECT count(*) FROM articles WHERE id NOT IN (SELECT article_id FROM entities_done)"
        ).fetchone()
        return int(row[0])

    def run(self, progress: Progress | None = None, cancelled: Cancelled | None = None) -> int:
        """Extract entities from every article not done yet; return how many were done."""
        # The outlet's boilerplate is blanked out (offsets stay): «Подписывайся на Mash» names no organisation.
        rows = list(self._catalog.contents("WHERE a.id NOT IN (SELECT article_id FROM entities_done) ORDER BY a.id"))
        if not rows:
            return 0
        from viewer.entities.parallel import extract_in_parallel  # the models load only when needed

        titles = {row.id: row.title for row in rows}
        texts = [(row.id, f"{row.title}{_TITLE_GAP}{row.body}") for row in rows]
        report = progress or (lambda done, total, note: None)
        stop = cancelled or (lambda: False)
        done = 0
        batch: list[tuple[str, list]] = []  # type: ignore[type-arg]
        found = extract_in_parallel(
            texts, self._workers, lambda d, t, n: report(d, t, "finding people, organisations and places"), stop
        )
        try:
            for article_id, mentions in found:
                batch.append((article_id, mentions))
                if len(batch) >= _BATCH:
                    done += self._store(batch, titles)
                    batch = []
                    if stop():
                        return done
            done += self._store(batch, titles)
        finally:
            found.close()  # stops the worker processes when leaving early
        return done

    def _store(self, batch: list[tuple[str, list]], titles: dict[str, str]) -> int:  # type: ignore[type-arg]
        if not batch:
            return 0
        self._catalog.begin()
        try:
            for article_id, mentions in batch:
                self._db.execute("DELETE FROM mentions WHERE article_id = ?", (article_id,))
                self._db.executemany(
                    "INSERT INTO mentions VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (
                        (article_id, part, start, stop, m.type, m.text, m.normal)
                        for part, start, stop, m in split_mentions(titles[article_id], mentions)
                    ),
                )
                self._db.execute("INSERT OR REPLACE INTO entities_done VALUES (?)", (article_id,))
            self._catalog.commit()
        except BaseException:
            self._catalog.rollback()
            raise
        return len(batch)

    # reading, with curation applied ----------------------------------------------
    def _resolver(self) -> Callable[[str, str], tuple[str, str] | None]:
        curation = self._curation.all()

        def resolve(name: str, kind: str) -> tuple[str, str] | None:
            seen = set()
            while name in curation and name not in seen:
                seen.add(name)
                canonical, new_type, hidden = curation[name]
                if hidden:
                    return None
                kind = new_type or kind
                if not canonical or canonical == name:
                    break
                name = canonical
            return name, kind

        return resolve

    def mentions_of(self, article_id: str) -> list[ArticleMention]:
        resolve = self._resolver()
        result = []
        for part, start, stop, kind, text, normal in self._db.execute(
            "SELECT part, start, stop, type, text, normal FROM mentions WHERE article_id = ? ORDER BY part, start",
            (article_id,),
        ):
            resolved = resolve(normal, kind)
            if resolved is not None:
                result.append(ArticleMention(part, start, stop, resolved[1], text, resolved[0]))
        return result

    def facets(self) -> dict[str, dict[str, list[str]]]:
        """Facet (person, organisation, place) -> article id -> entity names."""
        resolve = self._resolver()
        result: dict[str, dict[str, set[str]]] = {facet: defaultdict(set) for facet in TYPES.values()}
        for article_id, kind, normal in self._db.execute("SELECT DISTINCT article_id, type, normal FROM mentions"):
            resolved = resolve(normal, kind)
            if resolved is not None and resolved[1] in TYPES:
                result[TYPES[resolved[1]]][article_id].add(resolved[0])
        return {facet: {a: sorted(v) for a, v in values.items()} for facet, values in result.items()}

    def top_entities(self, article_ids: list[str], limit: int = 8) -> list[tuple[str, str]]:
        """(name, type) of the entities named in most of ``article_ids`` (then most often)."""
        if not article_ids:
            return []
        resolve = self._resolver()
        articles: dict[tuple[str, str], set[str]] = defaultdict(set)
        mentions: Counter[tuple[str, str]] = Counter()
        for start in range(0, len(article_ids), 500):
            chunk = article_ids[start : start + 500]
            rows = self._db.execute(
                f"SELECT article_id, type, normal FROM mentions WHERE article_id IN ({','.join('?' * len(chunk))})",
                chunk,
            )
            for article_id, kind, normal in rows:
                key = resolve(normal, kind)
                if key is not None:
                    articles[key].add(article_id)
                    mentions[key] += 1
        ranked = sorted(articles, key=lambda k: (-len(articles[k]), -mentions[k], k))
        return ranked[:limit]

    def entity(self, name: str) -> EntityView | None:
        """An entity's articles, mention count, the entities most often named with it, its dates."""
        resolve = self._resolver()
        per_article: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
        for article_id, kind, normal in self._db.execute("SELECT article_id, type, normal FROM mentions"):
            resolved = resolve(normal, kind)
            if resolved is not None:
                per_article[article_id][resolved] += 1
        folded = fold(name)
        keys = {key for counts in per_article.values() for key in counts if fold(key[0]) == folded}
        if not keys:
            return None
        key = max(keys, key=lambda k: sum(c[k] for c in per_article.values()))
        articles = [a for a, counts in per_article.items() if key in counts]
        related: Counter[tuple[str, str]] = Counter()
        for article_id in articles:
            related.update(k for k in per_article[article_id] if k != key)
        dates = dict(
            self._db.execute(
                f"SELECT id, published FROM articles WHERE id IN ({','.join('?' * len(articles))})", articles
            )
        )
        articles.sort(key=lambda a: (dates.get(a) is None, dates.get(a) or "", a))
        known = sorted(d for d in dates.values() if d)
        return EntityView(
            key[0],
            key[1],
            tuple(articles),
            sum(per_article[a][key] for a in articles),
            tuple((n, t, c) for (n, t), c in related.most_common(15)),
            known[0] if known else None,
            known[-1] if known else None,
        )
