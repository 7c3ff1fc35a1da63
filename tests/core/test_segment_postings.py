"""Segments written from per-term posting lists are the segments whoosh's own writer makes."""

from __future__ import annotations

import io
import pickle
import re
import struct
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from whoosh import index
from whoosh.codec.whoosh3 import W3Codec
from whoosh.qparser import QueryParser
from whoosh.reading import SegmentReader
from whoosh.writing import SegmentWriter

from viewer.paths import sample_archive
from viewer.search import writer as index_writer
from viewer.search.document_postings import FormCodes, document_postings
from viewer.search.fields import LemmaText, Tokens
from viewer.search.schema import index_document
from viewer.search.writer import IndexWriter, open_or_create

Row = dict[str, Any]
OUTLETS = ("Омск Здесь", "БК55", "Interfax")

# Common words of the sample (форум, Казахстан, сотрудничество) end up in more than one
# 128-posting block; rare ones in one block of one posting.
DOCUMENTS = 420


def sample_sentences() -> list[str]:
    text = " ".join(path.read_text(encoding="utf-8") for path in sorted(sample_archive().glob("*.txt")))
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if len(s.split()) > 3]


def rows(count: int = DOCUMENTS, start: int = 0) -> list[Row]:
    sentences = sample_sentences()
    made = []
    for n in range(start, start + count):
        body = " ".join(sentences[(n * 7 + k * 13) % len(sentences)] for k in range(1 + n % 9))
        made.append({
            "id": f"doc{n:04d}",
            "title": sentences[n % len(sentences)][:80],
            "body": body + f" Материал {n}.",
            "outlet": OUTLETS[n % 3],
            "author": "Анна Бамбульская" if n % 4 == 0 else None,
            "published": f"2019-{1 + n % 12:02d}-{1 + n % 28:02d}T10:00:00+00:00" if n % 5 else None,
            "url": f"https://example.ru/{n}",
            "paths": [f"/archive/{n}.txt"],
        })  # fmt: skip
    return made


def whoosh_index(folder: Path, batches: list[list[Row]], deleted: tuple[str, ...] = ()) -> index.Index:
    """The same documents written through whoosh's own segment writer, one commit a batch."""
    ix = open_or_create(folder)
    for batch in batches:
        writer = SegmentWriter(ix, limitmb=index_writer.WRITER_MEMORY_MB)
        for article_id in deleted:
            writer.delete_by_term("id", article_id)
        for row in batch:
            writer.add_document(**index_document(row))
        writer.commit()
    return ix


def letopis_index(
    folder: Path, batches: list[list[Row]], deleted: tuple[str, ...] = (), workers: int = 1
) -> index.Index:
    ix = open_or_create(folder)
    for batch in batches:
        writer = IndexWriter(ix, workers=workers)
        for article_id in deleted:
            writer.delete(article_id)
        for row in batch:
            writer.add(row)
        writer.commit()
    return ix


def posting_blocks(ix: index.Index) -> list[tuple[str, bytes, tuple[Any, ...], list[Any]]]:
    """Every term's statistics and blocks as stored: each block's summary (count, last
    document, highest weight, shortest and longest document) and its decoded contents
    (document deltas, weights, values). Where a list lies and whether its blocks are
    compressed is left out: those are the only things allowed to differ from whoosh."""
    found = []
    for segment in ix._segments():
        storage = segment.open_compound_file(ix.storage) if segment.is_compound() else ix.storage
        with storage.open_file(segment.make_filename(W3Codec.POSTS_EXT)) as file:
            postings = file.read()
        with SegmentReader(ix.storage, ix.schema, segment) as reader:
            for fieldname, term in reader.all_terms():
                info = reader.term_info(fieldname, term)
                stats = (info.weight(), info.doc_frequency(), info.min_length(), info.max_length(),
                         info.max_weight(), info.min_id(), info.max_id())  # fmt: skip
                offset, (length,) = info.extent()  # (whoosh reads the length back as a tuple)
                found.append((fieldname, term, stats, _blocks(postings[offset : offset + length])))
    return found


def _blocks(data: bytes) -> list[Any]:
    assert data.startswith(b"W3Bl")
    stream = io.BytesIO(data[4:])
    blocks = []
    while True:
        (size,) = struct.unpack("!i", stream.read(4))
        start = stream.tell()
        summary = pickle.load(stream)
        contents = stream.read(abs(size) - (stream.tell() - start))
        if summary[3]:
            contents = zlib.decompress(contents)
        blocks.append((summary[:3] + summary[4:], pickle.loads(contents)))
        if size < 0:
            assert not stream.read(), "the list ends with its last block"
            return blocks


def all_postings(ix: index.Index) -> Iterator[tuple[str, bytes, tuple[Any, ...], list[tuple[int, float, bytes]]]]:
    """Every term with its statistics and its postings: document, weight, value."""
    with ix.reader() as reader:
        for fieldname, term in reader.all_terms():
            info = reader.term_info(fieldname, term)
            stats = (info.weight(), info.doc_frequency(), info.min_length(), info.max_length(),
                     info.max_weight(), info.min_id(), info.max_id())  # fmt: skip
            matcher = reader.postings(fieldname, term)
            postings = []
            while matcher.is_active():
                postings.append((matcher.id(), matcher.weight(), matcher.value()))
                matcher.next()
            yield fieldname, term, stats, postings


QUERIES = ("форум", "форума Казахстана", '"межрегионального сотрудничества"', '"форум сотрудничества"~3',
           "title:Казахстан", "губернатор OR выставка", "Омск NOT выставка", "outlet:БК55", "материал")  # fmt: skip


def answers(ix: index.Index) -> dict[str, list[tuple[str, float]]]:
    """Each query's hits in rank order with their scores."""
    parser = QueryParser("body", ix.schema)
    found = {}
    with ix.searcher() as searcher:
        for text in QUERIES:
            results = searcher.search(parser.parse(text), limit=None)
            found[text] = [(hit["id"], hit.score) for hit in results]
    return found


def positions(ix: index.Index, words: tuple[str, ...] = ("форум", "казахстан", "сотрудничество")) -> dict[Any, Any]:
    with ix.searcher() as searcher:
        reader = searcher.reader()
        stored_id = {docnum: fields["id"] for docnum, fields in reader.iter_docs()}
        return {
            (word, stored_id[docnum]): tuple(matcher.value_as("positions"))
            for word in words
            for docnum, matcher in _matched_docs(reader, "body", word)
        }


def _matched_docs(reader: Any, fieldname: str, word: str) -> Iterator[tuple[int, Any]]:
    matcher = reader.postings(fieldname, word)
    while matcher.is_active():
        yield matcher.id(), matcher
        matcher.next()


@pytest.mark.parametrize("memory_mb", [index_writer.WRITER_MEMORY_MB, 0.2])
def test_blocks_hold_what_whoosh_writes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, memory_mb: float) -> None:
    """Also when the lists spill to run files on the way (0.2 MB: a run every few dozen documents)."""
    monkeypatch.setattr(index_writer, "WRITER_MEMORY_MB", memory_mb)
    documents = [rows()]
    ours = posting_blocks(letopis_index(tmp_path / "ours", documents))
    theirs = posting_blocks(whoosh_index(tmp_path / "whoosh", documents))
    assert ours == theirs
    assert len({term for _, term, _, _ in ours}) > 1000


def test_small_blocks_are_stored_uncompressed(tmp_path: Path) -> None:
    ix = letopis_index(tmp_path / "ours", [rows()])
    segment = ix._segments()[0]
    storage = segment.open_compound_file(ix.storage)
    with storage.open_file(segment.make_filename(W3Codec.POSTS_EXT)) as file:
        postings = file.read()
    compressed = []
    with ix.reader() as reader:
        for fieldname, term in reader.all_terms():
            offset, _ = reader.term_info(fieldname, term).extent()
            data = postings[offset + 8 :]
            compressed.append(pickle.load(io.BytesIO(data))[3] > 0)
    assert any(compressed) and not all(compressed)


def test_lists_spill_to_runs_past_the_memory_limit(tmp_path: Path) -> None:
    ix = open_or_create(tmp_path / "index")
    writer = index_writer._SegmentWriter(ix, limitmb=0.1)
    for row in rows(200):
        writer.add_document(**index_document(row))
    assert writer.pool.runs >= 3
    writer.commit()
    assert list(all_postings(ix)) == list(all_postings(whoosh_index(tmp_path / "whoosh", [rows(200)])))


def test_index_answers_queries_like_whoosh_own(tmp_path: Path) -> None:
    """Small blocks are stored uncompressed; postings, statistics, scores and positions are the same."""
    ours = letopis_index(tmp_path / "ours", [rows()])
    theirs = whoosh_index(tmp_path / "whoosh", [rows()])
    assert list(all_postings(ours)) == list(all_postings(theirs))
    assert answers(ours) == answers(theirs)
    assert all(answers(ours).values())
    assert positions(ours) == positions(theirs)
    multi_block = [postings for field, _, _, postings in all_postings(ours) if field == "body" and len(postings) > 128]
    assert multi_block, "the documents should give some terms more than one block"


def test_merged_segments_and_deletions_match_whoosh(tmp_path: Path) -> None:
    """Small commits make whoosh merge segments into the next one (through ``add_reader``)."""
    batches = [rows(150), *(rows(4, start) for start in range(150, 182, 4))]
    deleted = ("doc0003", "doc0151", "doc0160")
    ours = letopis_index(tmp_path / "ours", batches, deleted)
    theirs = whoosh_index(tmp_path / "whoosh", batches, deleted)
    assert len(ours._segments()) == len(theirs._segments()) < len(batches)
    assert list(all_postings(ours)) == list(all_postings(theirs))
    assert answers(ours) == answers(theirs)


def test_parallel_segments_answer_like_one_whoosh_segment(tmp_path: Path) -> None:
    ours = letopis_index(tmp_path / "ours", [rows()], workers=2)
    theirs = whoosh_index(tmp_path / "whoosh", [rows()])
    assert len(ours._segments()) == 2
    assert positions(ours) == positions(theirs)
    mine, whoosh_own = answers(ours), answers(theirs)
    for query in QUERIES:
        assert _by_id(mine[query]) == pytest.approx(_by_id(whoosh_own[query])), query


def _by_id(hits: list[tuple[str, float]]) -> dict[str, float]:
    return dict(hits)


def test_a_document_with_empty_fields_is_indexed(tmp_path: Path) -> None:
    row: Row = {"id": "empty", "title": "", "body": "", "outlet": None, "author": None, "published": None,
                "url": None, "paths": []}  # fmt: skip
    ours = letopis_index(tmp_path / "ours", [[row, *rows(3)]])
    theirs = whoosh_index(tmp_path / "whoosh", [[row, *rows(3)]])
    assert list(all_postings(ours)) == list(all_postings(theirs))
    assert ours.doc_count() == 4


@pytest.mark.parametrize(
    "text",
    ["форум", "форум форума Форуму форумом", "Омск, Омск и ещё раз ОМСК: омск", "a b a b a c 2019 2019 b",
     *sample_sentences()[:40]],
)  # fmt: skip
def test_document_postings_are_the_values_the_field_encodes(text: str) -> None:
    """One array pass gives every term's frequency and value exactly as ``LemmaText.index`` does."""
    numbers: dict[bytes, int] = {}
    codes = FormCodes(lambda term: numbers.setdefault(term, len(numbers)))
    postings = document_postings(codes.of(Tokens.of(text).forms))
    terms = list(numbers)
    ends = np.cumsum(postings.value_lengths)
    values = postings.values.tobytes()
    found = {
        terms[term]: (count, values[end - length : end])
        for term, count, length, end in zip(postings.terms, postings.counts, postings.value_lengths, ends, strict=True)
    }
    expected = {term: (frequency, value) for term, frequency, _, value in LemmaText().index(Tokens.of(text))}
    assert found == expected
    assert list(postings.terms) == sorted(postings.terms)
