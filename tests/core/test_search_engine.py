"""The array search engine against whoosh's own evaluation of the same queries.

A few hundred invented articles in three segments, one of them with deleted documents: every
query's matching documents must be the ones whoosh's matchers find, the ranking must be
whoosh's BM25F ranking with every match scored, date order must be whoosh's, and facet
counts must be what counting the articles by hand gives.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from whoosh import query, sorting
from whoosh.filedb.filestore import FileStorage
from whoosh.index import Index

from viewer.search.docsets import DocSets
from viewer.search.phrases import phrase_docs
from viewer.search.posting_arrays import PostingCache
from viewer.search.query import ExactForm
from viewer.search.ranking import _ranking_form
from viewer.search.schema import build_schema, index_document
from viewer.search.searcher import ArchiveSearcher, _expand
from viewer.search.snippets import candidate_spans

WORDS = (  # noqa: SIM905 - a sentence reads better than a list of words
    "форум Омска собрал делегации Казахстана и России . Губернатор Александр Бурков открыл форум , "
    "делегация Казахстана подписала соглашение о сотрудничестве . Министерство иностранных дел "
    "сообщило о санкциях США против России . Выборы президента прошли в Москве ; президент России "
    "Владимир Путин встретился с делегацией . Санкции против России и санкции США обсудили в Омске . "
    "Деловой совет двух стран собрался на форуме в Омске ."
).split()
OUTLETS = ("Омск Здесь", "БК55", "Interfax", "ng.ru")
AUTHORS = ("", "Анна Бамбульская", "Иван Петров")


def _rows(count: int, seed: int, prefix: str) -> list[dict[str, object]]:
    rng = random.Random(seed)
    rows = []
    for n in range(count):
        body = " ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 60)))
        title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 6)))
        day = rng.choice((None, "2019-11-06", "2019-11-06", "2019-12-01", "2020-03-15", "2021-07-30"))
        hour = rng.choice(("08", "10", "10"))  # repeated moments: date order must break ties the same way
        rows.append({
            "id": f"{prefix}{n:04d}",
            "title": title,
            "body": body,
            "outlet": rng.choice(OUTLETS),
            "author": rng.choice(AUTHORS),
            "published": f"{day}T{hour}:00:00+00:00" if day else None,
            "url": f"https://example.ru/{prefix}{n}",
            "paths": [f"/news/{prefix}{n}.txt"],
        })
    return rows


class Archive:
    """The invented archive, its whoosh index and the rows that are live in it."""

    def __init__(self, folder: Path) -> None:
        self.ix: Index = FileStorage(str(folder)).create_index(build_schema())
        self.live: dict[str, dict[str, object]] = {}
        for batch, seed in (("a", 1), ("b", 2)):
            self._commit(_rows(150, seed, batch), [])
        changed = [dict(row, body=row["body"] + " выборы в Омске") for row in _rows(150, 1, "a")[:20]]
        self._commit(changed, deleted=[f"b{n:04d}" for n in range(0, 150, 7)])

    def _commit(self, rows: Iterable[dict[str, object]], deleted: Sequence[str]) -> None:
        writer = self.ix.writer()
        for article_id in deleted:
            writer.delete_by_term("id", article_id)
            self.live.pop(article_id, None)
        for row in rows:
            writer.delete_by_term("id", row["id"])
            writer.add_document(**index_document(row))
            self.live[str(row["id"])] = row
        writer.commit(merge=False)  # keep the segments apart, deletions and all

    def texts(self, searcher: object, docnums: Sequence[int]) -> Iterator[tuple[int, str]]:
        stored = searcher.stored_fields  # type: ignore[attr-defined]
        for docnum in docnums:
            row = self.live[stored(docnum)["id"]]
            yield docnum, f"{row['title']}\n{row['body']}"


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Archive:
    return Archive(tmp_path_factory.mktemp("engine"))


@pytest.fixture
def engine(archive: Archive) -> Iterator[ArchiveSearcher]:
    searcher = ArchiveSearcher(archive.ix, archive.texts)
    yield searcher
    searcher.close()


QUERIES = (
    "форум", "форума Омск", "Казахстан OR Москва", "санкции -США", "санкции NOT США", "NOT форум",
    "(форум OR совет) AND Омск", '"деловой совет"', '"совет деловой"', '"санкции США"~3', '"форум Омск"~5',
    '"президент России Владимир"', '"форум форум"~4', "title:форум", "outlet:БК55", 'author:"Анна Бамбульская"',
    "date:2019-11", "date:[2019-12-01 TO 2020-12-31]", "date:>2019-12-01", "date:<2020-01-01", "year:2020 форум",
    "month:2019-11 -Омск", "казах*", "сан*", "ф?рум", "Бурсов~", "exact:России", 'exact:"делегация Казахстана"',
    "выборы",
)


def _whoosh_docs(searcher: Any, q: query.Query) -> set[int]:
    """The live documents whoosh's matchers find for each part of ``q``, combined as sets.

    Whoosh's own AND NOT matcher, over several segments, can keep a document the NOT part
    has, and yield deleted ones: the combination is done here instead.
    """
    live = {d for d in range(searcher.doc_count_all()) if not searcher.reader().is_deleted(d)}
    if isinstance(q, query.And):
        found = set(live)
        for child in q.subqueries:
            if isinstance(child, query.Not):
                found -= _whoosh_docs(searcher, child.query)
            else:
                found &= _whoosh_docs(searcher, child)
        return found
    if isinstance(q, query.Or):
        return set().union(*(_whoosh_docs(searcher, child) for child in q.subqueries))
    if isinstance(q, query.AndNot):
        return _whoosh_docs(searcher, q.a) - _whoosh_docs(searcher, q.b)
    if isinstance(q, query.Not):
        return live - _whoosh_docs(searcher, q.query)
    return set(searcher.docs_for_query(q)) & live


def test_the_archive_has_segments_and_deletions(engine: ArchiveSearcher) -> None:
    searcher = engine.refresh()
    assert len(searcher.subsearchers) == 3
    assert any(sub.reader().has_deletions() for sub, _ in searcher.subsearchers)


@pytest.mark.parametrize("text", QUERIES)
def test_matches_are_whooshs(engine: ArchiveSearcher, text: str) -> None:
    searcher = engine.refresh()
    parsed = engine.parse(text).accept(lambda node: _expand(node, searcher.reader(), {}))
    found = DocSets(searcher, PostingCache(searcher)).match(parsed)
    assert set(np.flatnonzero(found).tolist()) == _whoosh_docs(searcher, parsed)
    assert engine.search(text).total == len(_whoosh_docs(searcher, parsed))


@pytest.mark.parametrize("text", QUERIES)
def test_ranking_is_whooshs_with_every_match_scored(engine: ArchiveSearcher, text: str) -> None:
    searcher = engine.refresh()
    parsed = engine.parse(text).accept(lambda node: _expand(node, searcher.reader(), {}))
    allowed = _whoosh_docs(searcher, parsed)
    expected = searcher.search(parsed.accept(_ranking_form), filter=allowed, limit=None)
    for offset, limit in ((0, 10), (7, 25)):
        page = engine.search(text, offset=offset, limit=limit)
        want = [(hit["id"], hit.score) for hit in expected[offset : offset + limit]]
        assert [article for article, _ in page.hits] == [article for article, _ in want]
        assert [score for _, score in page.hits] == pytest.approx([score for _, score in want], rel=1e-9)


@pytest.mark.parametrize("text", ["", "форум", "санкции OR выборы"])
def test_date_order_is_whooshs(engine: ArchiveSearcher, text: str) -> None:
    searcher = engine.refresh()
    allowed = _whoosh_docs(searcher, engine.parse(text))
    order = sorting.FieldFacet("date", reverse=True)
    expected = [hit["id"] for hit in searcher.search(query.Every(), filter=allowed, limit=None, sortedby=order)]
    page = engine.search(text, sort="date", limit=len(expected) + 5)
    assert [article for article, _ in page.hits] == expected
    assert [article for article, _ in engine.search(text, sort="date", offset=30, limit=12).hits] == expected[30:42]


def test_facet_counts_are_exact(engine: ArchiveSearcher, archive: Archive) -> None:
    page = engine.search("форум", filters={"outlet": ["БК55", "Interfax"]}, excludes={"year": ["2021"]})
    searcher = engine.refresh()
    matched = {searcher.stored_fields(d)["id"] for d in _whoosh_docs(searcher, engine.parse("форум"))}
    rows = [archive.live[a] for a in matched]
    rows = [r for r in rows if not str(r["published"] or "").startswith("2021")]

    def counted(values: Iterable[str]) -> dict[str, int]:
        counts = Counter(v for v in values if v)
        return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))

    in_outlets = [r for r in rows if r["outlet"] in ("БК55", "Interfax")]
    assert page.facets["outlet"] == counted(str(r["outlet"]) for r in rows)  # its own filter does not narrow it
    assert page.facets["author"] == counted(str(r["author"]) for r in in_outlets)
    assert page.facets["year"] == counted(str(r["published"] or "")[:4] for r in in_outlets)
    assert page.total == len(in_outlets)


def test_postings_hold_whooshs_documents_weights_and_positions(engine: ArchiveSearcher) -> None:
    searcher = engine.refresh()
    cache = PostingCache(searcher)
    for fieldname, text in (("body", "форум"), ("title", "россия"), ("body", "совет"), ("outlet", "бк55")):
        postings = cache.get(fieldname, text, positions=fieldname != "outlet")
        docs, weights, positions, forms = [], [], [], []
        for sub, offset in searcher.subsearchers:
            if (fieldname, text) not in sub.reader():
                continue
            matcher = sub.reader().postings(fieldname, text)
            while matcher.is_active():
                docs.append(matcher.id() + offset)
                weights.append(matcher.weight())
                if fieldname != "outlet":
                    positions.extend(matcher.value_as("positions"))
                    forms.extend(searcher.schema[fieldname].format.decode_form_hashes(matcher.value()))
                matcher.next()
        assert postings.docs.tolist() == docs
        assert postings.weights.tolist() == pytest.approx(weights)
        if fieldname != "outlet":
            assert postings.positions is not None and postings.positions.tolist() == positions
            assert postings.forms is not None and postings.forms.tolist() == forms
    assert len(cache.get("body", "нетакогослова").docs) == 0


def test_phrase_steps_follow_whooshs_ordered_spans() -> None:
    from viewer.search.posting_arrays import Postings

    def word(*occurrences: tuple[int, list[int]]) -> Postings:
        docs = np.array([d for d, _ in occurrences])
        counts = np.array([len(p) for _, p in occurrences])
        flat = np.array([x for _, p in occurrences for x in p])
        return Postings(docs, np.ones(len(docs)), counts, flat)

    everything = np.ones(4, dtype=bool)
    a = word((0, [1, 9]), (1, [5]), (2, [3]), (3, [2]))
    b = word((0, [2]), (1, [4]), (2, [7]), (3, [6, 40]))
    c = word((0, [4]), (3, [42]))
    assert phrase_docs([a, b], everything).tolist() == [0]  # right after: only document 0
    assert phrase_docs([a, b], everything, slop=4).tolist() == [0, 2, 3]  # order counts: not document 1
    assert phrase_docs([a, b, c], everything, slop=2).tolist() == [0]
    assert phrase_docs([a, b], np.array([False, True, True, True]), slop=4).tolist() == [2, 3]


def test_expansions_follow_the_index(tmp_path: Path) -> None:
    ix = FileStorage(str(tmp_path)).create_index(build_schema())

    def add(row: dict[str, object]) -> None:
        writer = ix.writer()
        writer.add_document(**index_document(row))
        writer.commit()

    add(dict(_rows(1, 8, "y")[0], body="Бурков открыл форум"))
    engine = ArchiveSearcher(ix, lambda searcher, docnums: iter(()))
    try:
        assert engine.search("Бурсов~").total == engine.search("Бурсов~").total == 1  # the kept expansion
        add(dict(_rows(1, 9, "z")[0], body="Бурсова упомянули"))
        assert engine.search("Бурсов~").total == 2
    finally:
        engine.close()


def test_highlight_offsets_survive_letters_that_grow_in_lower_case() -> None:
    text = "İstanbul: форум в Стамбуле"
    assert [(s, e) for s, e, _ in candidate_spans(text, {"форум"})] == [(10, 15)]
    assert text[10:15] == "форум"


def test_exact_forms_come_from_the_index_and_match_the_texts(engine: ArchiveSearcher, archive: Archive) -> None:
    searcher = engine.refresh()
    sets = DocSets(searcher, PostingCache(searcher))
    for text in ("exact:России", "exact:Россия", 'exact:"делегация Казахстана"', 'exact:"делегации Казахстана"'):
        parsed = engine.parse(text)
        assert isinstance(parsed, ExactForm)
        from_index = sets._exact_forms(parsed)
        assert from_index is not None  # answered without reading a text
        # Like every phrase, an exact phrase is matched in the title or in the body, not across both.
        by_text = {
            d
            for d in range(searcher.doc_count_all())
            if not searcher.reader().is_deleted(d)
            for row in [archive.live[searcher.stored_fields(d)["id"]]]
            if any(parsed._occurs(str(row[f]).lower().replace("ё", "е")) for f in ("title", "body"))
        }
        assert set(np.flatnonzero(from_index).tolist()) == by_text


def test_an_index_without_form_hashes_reads_the_texts(tmp_path: Path) -> None:
    rows = _rows(40, 5, "p")
    ix = FileStorage(str(tmp_path)).create_index(build_schema())
    writer = ix.writer()
    for row in rows:
        document = index_document(row)
        document["title"], document["body"] = document["title"].lemmas, document["body"].lemmas
        writer.add_document(**document)
    writer.commit()
    by_id = {str(row["id"]): row for row in rows}

    def texts(searcher: Any, docnums: Sequence[int]) -> Iterator[tuple[int, str]]:
        for docnum in docnums:
            row = by_id[searcher.stored_fields(docnum)["id"]]
            yield docnum, f"{row['title']}\n{row['body']}"

    engine = ArchiveSearcher(ix, texts)
    try:
        expected = {a for a, r in by_id.items() if "россии" in f"{r['title']} {r['body']}".lower().split()}
        assert {a for a, _ in engine.search("exact:России", limit=100).hits} == expected
        assert expected and engine.search("exact:Россия").total == 0 < engine.search("Россия").total
    finally:
        engine.close()
