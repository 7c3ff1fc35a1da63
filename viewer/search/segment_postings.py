"""The postings of a segment being written: gathered in flat arrays, written straight into whoosh's format.

Whoosh's own ``PostingPool`` handles every posting as a tuple: it sorts them (spilling
sorted runs to disk and merging them back), and its field writer then passes each one
through several more Python calls, about 10 µs a posting and most of an import's time.
Here a document's postings in a field are appended to flat arrays in a few bulk steps (term
numbers, document numbers, weights, values). When the segment is written, one stable sort
by term puts every term's postings side by side, still in document order, and each term's
list is cut into whoosh 3 blocks and written with whoosh's terms table, so the segment is
an ordinary whoosh segment that any whoosh reader reads.

Past a memory limit the sorted lists go to a run file and memory starts afresh. Runs hold
successive documents, so merging them is per term, not per posting: a term's lists from
successive runs are concatenated.
"""

from __future__ import annotations

import heapq
import io
import itertools
import marshal
import operator
import tempfile
import zlib
from array import array
from collections.abc import Iterable, Iterator
from pickle import dumps
from typing import IO, Any

import numpy as np
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, WHOOSH3_HEADER_MAGIC, W3TermInfo, _lenfield
from whoosh.system import pack_int, pack_ushort
from whoosh.util.numeric import byte_to_length, length_to_byte

from viewer.search.document_postings import DocumentPostings, FormCodes, document_postings

# One term's postings: document numbers, weights and encoded values (positions), in document order.
Postings = tuple[array, array, list[bytes]]
Entry = tuple[str, bytes, Postings]
Posting = tuple[bytes, int, float, bytes]  # what ``Field.index`` yields: term, frequency, weight, value

# What a posting costs in memory here, besides the value's bytes: a term number, a document
# number, a weight and the value's length.
_POSTING_BYTES = 4 + 4 + 8 + 4

# Values are cut out of their buffer this many postings at a time.
_GATHER_POSTINGS = 16384

# Blocks whose values and document numbers come to fewer bytes than this are stored without
# zlib: it would save a few bytes at best (such blocks hold one or a few postings, and are
# most blocks) and costs more to start than to run. Readers decompress only flagged blocks.
COMPRESS_FROM_BYTES = 64
# Blocks below this size are compressed with an 8 KB window and a smaller hash table.
_SMALL_BLOCK_BYTES = 8192
_SMALL_BLOCK_WBITS = 13
_SMALL_BLOCK_MEMLEVEL = 4


class FieldLengths:
    """Documents' field lengths as whoosh stores them (one byte each), decoded once per field.

    Whoosh's postings writer reads each posting's document length from the on-disk column
    one at a time, which alone costs a quarter of writing a segment.
    """

    def __init__(self, reader: Any) -> None:
        self._reader = reader
        self._fields: dict[str, list[int]] = {}

    def of(self, fieldname: str) -> list[int]:
        """Length of ``fieldname`` for each document number (empty when it has none)."""
        lengths = self._fields.get(fieldname)
        if lengths is None:
            column = self._reader._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
            lengths = [byte_to_length(b) for b in column] if column is not None else []
            self._fields[fieldname] = lengths
        return lengths

    def close(self) -> None:
        self._reader.close()


class _TermNumbers(dict[bytes, int]):
    """Term -> its number, numbering a new term on first sight (inside ``map``, at C speed)."""

    def __init__(self) -> None:
        super().__init__()
        self.terms: list[bytes] = []

    def __missing__(self, term: bytes) -> int:
        number = self[term] = len(self.terms)
        self.terms.append(term)
        return number


class _FieldPostings:
    """One field's postings in the order they came, one array entry a posting.

    Values (encoded positions) are kept back to back in one buffer, with their lengths:
    a bytes object for each would take several times the memory. Terms are numbered by
    the pool, the same for every field and for as long as the pool lives.
    """

    def __init__(self, numbers: _TermNumbers) -> None:
        self.numbers = numbers
        self._empty()

    def _empty(self) -> None:
        self.term_numbers = array("I")
        self.docnums = array("I")
        self.weights = array("d")
        self.values = io.BytesIO()  # its getvalue() hands over the buffer without a copy
        self.value_lengths = array("I")

    def add(self, docnum: int, postings: list[Posting], boost: float) -> tuple[int, int]:
        """Add one document's postings; (the field's length in it, memory taken)."""
        terms, frequencies, weights, values = zip(*postings, strict=True)
        self.term_numbers.extend(map(self.numbers.__getitem__, terms))
        self.docnums.extend(itertools.repeat(docnum, len(terms)))
        self.weights.extend(weights if boost == 1.0 else [weight * boost for weight in weights])
        if None in values:
            values = tuple(value or b"" for value in values)
        self.value_lengths.extend(map(len, values))
        return sum(frequencies), _POSTING_BYTES * len(terms) + self.values.write(b"".join(values))

    def add_document(self, docnum: int, postings: DocumentPostings, weights: np.ndarray) -> int:
        """Add one document's postings as ``document_postings`` gives them; the memory taken."""
        self.term_numbers.frombytes(postings.terms.tobytes())
        self.docnums.extend(itertools.repeat(docnum, len(postings.terms)))
        self.weights.frombytes(weights.tobytes())
        self.value_lengths.frombytes(postings.value_lengths.tobytes())
        return _POSTING_BYTES * len(postings.terms) + self.values.write(postings.values.data)

    def sorted_terms(self) -> Iterator[tuple[bytes, Postings]]:
        """Each term in byte order with its postings in document order (a stable sort by term)."""
        terms = self.numbers.terms
        term_numbers = np.frombuffer(self.term_numbers, dtype=np.uint32)
        present = np.flatnonzero(np.bincount(term_numbers, minlength=len(terms)))
        by_term = sorted(present.tolist(), key=terms.__getitem__)
        rank = np.zeros(len(terms), dtype=np.uint32)
        rank[by_term] = np.arange(len(by_term), dtype=np.uint32)
        keys = rank[term_numbers]
        # Each source array is let go as soon as its sorted copy exists: memory peaks at
        # about one and a half times the lists' own size.
        del term_numbers
        self.term_numbers = array("I")
        order = np.argsort(keys, kind="stable")
        counts = np.bincount(keys, minlength=len(by_term)).tolist()
        del keys, rank
        docnums = array("I", np.frombuffer(self.docnums, dtype=np.uint32)[order].tobytes())
        self.docnums = array("I")
        weights = array("d", np.frombuffer(self.weights, dtype=np.float64)[order].tobytes())
        self.weights = array("d")
        data = self.values.getvalue()
        value_lengths = np.frombuffer(self.value_lengths, dtype=np.uint32)
        offset_type = np.uint32 if len(data) < 2**32 else np.uint64
        value_starts = (np.cumsum(value_lengths, dtype=offset_type) - value_lengths)[order]
        value_lengths = value_lengths[order]
        del order
        self._empty()
        start = 0
        chunk_start = chunk_stop = 0
        chunk: list[bytes] = []
        for number, count in zip(by_term, counts, strict=True):
            stop = start + count
            if stop > chunk_stop:  # the values of the next few thousand postings, in one pass
                chunk_start, chunk_stop = start, max(stop, start + _GATHER_POSTINGS)
                starts = value_starts[chunk_start:chunk_stop]
                ends = starts + value_lengths[chunk_start:chunk_stop]
                chunk = list(map(data.__getitem__, map(slice, starts.tolist(), ends.tolist())))
            values = chunk[start - chunk_start : stop - chunk_start]
            yield terms[number], (docnums[start:stop], weights[start:stop], values)
            start = stop


class TermPostings:
    """Takes the place of whoosh's ``PostingPool`` in a ``SegmentWriter``.

    Postings must come in document order, as ``SegmentWriter`` numbers documents.
    """

    def __init__(self, tempdir: str, limitmb: float) -> None:
        self._tempdir = tempdir
        self._limit = int(limitmb * 1024 * 1024)
        self._numbers = _TermNumbers()
        self._codes = FormCodes(self._numbers.__getitem__)
        self._fields: dict[str, _FieldPostings] = {}
        self._size = 0
        self._runs: list[IO[bytes]] = []

    @property
    def runs(self) -> int:
        """How many times the lists have gone to disk so far."""
        return len(self._runs)

    def add(self, item: tuple[str, bytes, int, float, bytes | None]) -> None:
        """One posting as whoosh's writer hands it over (when it merges segments)."""
        fieldname, term, docnum, weight, value = item
        if docnum >= 0:  # below 0: a word for a spelling dictionary, which whoosh skips too
            self.add_field(fieldname, docnum, [(term, 0, weight, value or b"")], 1.0)

    def add_field(self, fieldname: str, docnum: int, postings: Iterable[Posting], boost: float) -> int:
        """One document's postings in one field, as ``Field.index`` gives them; returns its length."""
        postings = list(postings)
        if not postings:
            return 0
        length, size = self._field(fieldname).add(docnum, postings, boost)
        self._taken(size)
        return length

    def add_tokens(self, fieldname: str, docnum: int, forms: list[str], weight: float) -> int:
        """One document's text in a lemmatised field, as its word forms; returns its length.

        The postings are those ``LemmaText.index`` gives for ``Tokens(forms)``, each term's
        weight its frequency times ``weight`` (the field's boost).
        """
        if not forms:
            return 0
        postings = document_postings(self._codes.of(forms))
        self._taken(self._field(fieldname).add_document(docnum, postings, postings.counts * weight))
        return len(forms)

    def _field(self, fieldname: str) -> _FieldPostings:
        field = self._fields.get(fieldname)
        if field is None:
            field = self._fields[fieldname] = _FieldPostings(self._numbers)
        return field

    def _taken(self, size: int) -> None:
        self._size += size
        if self._size > self._limit:
            self._spill()

    def write(self, fieldwriter: Any, schema: Any, lengths: FieldLengths, codec: Any) -> None:
        """Write every posting list into the segment of ``fieldwriter`` (a ``W3FieldWriter``)."""
        current = None
        terms_table = fieldwriter._tindex
        blocks = _BlockWriter(fieldwriter._postfile, codec._blocklimit, codec._compression)
        prefix = b""
        for fieldname, term, postings in self._merged():
            if fieldname not in schema:
                continue
            if fieldname != current:
                if current is not None:
                    fieldwriter.finish_field()
                fieldwriter.start_field(fieldname, schema[fieldname])
                prefix = pack_ushort(fieldwriter._fieldid)
                blocks.start_field(schema[fieldname].format, lengths.of(fieldname))
                current = fieldname
            terms_table.add(prefix + term, blocks.write(postings).to_bytes())
        if current is not None:
            fieldwriter.finish_field()

    def cleanup(self) -> None:
        for run in self._runs:
            run.close()
        self._runs = []
        self._fields = {}
        self._size = 0

    def _sorted_memory(self) -> Iterator[Entry]:
        fields, self._fields, self._size = self._fields, {}, 0
        for fieldname in sorted(fields):
            field = fields.pop(fieldname)
            for term, postings in field.sorted_terms():
                yield fieldname, term, postings

    def _spill(self) -> None:
        """Write the lists to a run file, sorted, and start again with empty memory."""
        # An unnamed file: it disappears with its process, however that process ends.
        run = tempfile.TemporaryFile(dir=self._tempdir)  # noqa: SIM115 - read back, then closed by cleanup()
        for fieldname, term, (docnums, weights, values) in self._sorted_memory():
            marshal.dump((fieldname, term, docnums.tobytes(), weights.tobytes(), values), run)
        run.seek(0)
        self._runs.append(run)

    def _merged(self) -> Iterator[Entry]:
        """Every (field, term) in order with its whole list, from the runs and memory."""
        if not self._runs:
            yield from self._sorted_memory()
            return
        sources = [_read_run(run) for run in self._runs] + [self._sorted_memory()]
        # heapq.merge keeps entries with equal keys in the order of their sources: document order.
        merged = heapq.merge(*sources, key=_entry_key)
        for (fieldname, term), group in itertools.groupby(merged, key=_entry_key):
            (_, _, (docnums, weights, values)), *later = group
            for _, _, (more_docnums, more_weights, more_values) in later:
                docnums.extend(more_docnums)
                weights.extend(more_weights)
                values.extend(more_values)
            yield fieldname, term, (docnums, weights, values)


def _entry_key(entry: Entry) -> tuple[str, bytes]:
    return entry[0], entry[1]


def _read_run(run: IO[bytes]) -> Iterator[Entry]:
    while True:
        try:
            fieldname, term, docnums, weights, values = marshal.load(run)
        except EOFError:
            return
        yield fieldname, term, (array("I", docnums), array("d", weights), values)


class _BlockWriter:
    """Writes posting lists in whoosh 3's block format, as ``W3PostingsWriter`` does.

    A list is a header, then blocks of up to ``blocklimit`` postings; each block is its
    length (negative for the last), a pickled summary (count, last document, highest
    weight, compression, shortest and longest document) and the pickled document number
    deltas, weights and values, compressed when that is worth it. Most lists are one block
    of one posting, so the work per list and per block is kept to a few calls.
    """

    def __init__(self, postfile: Any, blocklimit: int, level: int) -> None:
        self._postfile = postfile
        self._offset = postfile.tell()
        self._blocklimit = blocklimit
        self._level = level
        self._fixed_size: int | None = None
        self._doc_lengths: list[int] = []

    def start_field(self, format_: Any, doc_lengths: list[int]) -> None:
        self._fixed_size = format_.fixed_value_size()
        self._doc_lengths = doc_lengths

    def write(self, postings: Postings) -> W3TermInfo:
        """Write one term's list; its statistics and place, for the terms table."""
        docnums, weights, values = postings
        info = W3TermInfo()
        info._minid, info._maxid = docnums[0], docnums[-1]
        count, size = len(docnums), self._blocklimit
        if count <= size:
            out = [WHOOSH3_HEADER_MAGIC, *self._block(info, docnums, weights, values, True)]
        else:
            out = [WHOOSH3_HEADER_MAGIC]
            for start in range(0, count, size):
                stop = start + size
                out += self._block(info, docnums[start:stop], weights[start:stop], values[start:stop], stop >= count)
        data = b"".join(out)
        self._postfile.write(data)
        info.set_extent(self._offset, len(data))
        self._offset += len(data)
        return info

    def _block(
        self, info: W3TermInfo, docnums: array, weights: array, values: list[bytes], last: bool
    ) -> tuple[bytes, bytes, bytes]:
        """One block's length, summary and data; adds the block to the term's statistics."""
        doc_lengths = self._doc_lengths
        lengths = list(filter(None, map(doc_lengths.__getitem__, docnums))) if doc_lengths else []
        shortest = min(lengths) if lengths else None
        longest = max(lengths) if lengths else 0
        heaviest = max(0, max(weights))
        stored_weights = array("f", weights)
        values = list(filter(None, values))

        info._weight += sum(stored_weights)
        info._df += len(docnums)
        if shortest is not None and (info._minlength is None or shortest < info._minlength):
            info._minlength = shortest
        if longest > info._maxlength:
            info._maxlength = longest
        if heaviest > info._maxweight:
            info._maxweight = heaviest

        deltas = tuple(map(operator.sub, docnums, itertools.chain((0,), docnums)))
        data = dumps((deltas, _mini_weights(stored_weights), self._mini_values(values)), 2)
        level = self._level if sum(map(len, values)) + 3 * len(docnums) >= COMPRESS_FROM_BYTES else 0
        if level:
            data = _compress(data, level)
        summary = dumps(
            (len(docnums), docnums[-1], heaviest, level, length_to_byte(shortest), length_to_byte(longest)), 2
        )
        size = len(summary) + len(data)
        return pack_int(-size if last else size), summary, data

    def _mini_values(self, values: list[bytes]) -> tuple[bytes, ...] | bytes | None:
        fixed = self._fixed_size
        if fixed is None or fixed < 0:
            return tuple(values)
        if fixed == 0:
            return None
        return b"".join(values)


def _compress(data: bytes, level: int) -> bytes:
    """zlib data as whoosh's reader expects it; small blocks with a smaller window and hash table.

    ``zlib.compress`` sets up a 32 KB window and a 64 KB hash table for every call, which
    takes far longer than compressing a block of a few hundred bytes; the result is as small.
    """
    if len(data) >= _SMALL_BLOCK_BYTES:
        return zlib.compress(data, level)
    compressor = zlib.compressobj(level, zlib.DEFLATED, _SMALL_BLOCK_WBITS, _SMALL_BLOCK_MEMLEVEL)
    return compressor.compress(data) + compressor.flush()


def _mini_weights(weights: array) -> tuple[float, ...] | float | None:
    """None when every weight is 1, the weight when all are equal, else all of them."""
    first = weights[0]
    if weights.count(first) == len(weights):
        return None if first == 1.0 else first
    return tuple(weights)
