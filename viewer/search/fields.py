"""Whoosh field types for lemmatised Russian text.

Everything here is pickled into the index's schema, so it must stay importable under
these names. Indexing takes a text's tokens (``Tokens``), which the index writer lemmatises
(in worker processes, in parallel); queries go through ``LemmaAnalyzer``, which applies the
very same tokenisation and lemmatisation, so a query in any case form meets the indexed
lemma. Beside each position the index keeps a 16-bit hash of the word form found there, so
that ``exact:`` queries are answered from the index instead of by reading texts.
"""

from __future__ import annotations

import zlib
from array import array
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from whoosh import columns, fields, formats
from whoosh.analysis import Filter, RegexTokenizer, Token
from whoosh.qparser.common import QueryParserError
from whoosh.system import _INT_SIZE, pack_uint

from viewer.text.lemmas import TOKEN_PATTERN, lemma, words


def form_hash(form: str) -> int:
    """A word form's 16-bit hash (of its lower-case, ё-folded spelling), as the index keeps it.

    Two forms of one lemma share a hash with a chance of 1 in 65,536; an ``exact:`` query for
    one of them would then also find the other.
    """
    return zlib.crc32(form.encode("utf-8")) & 0xFFFF


@dataclass(frozen=True)
class Tokens:
    """A text as the index takes it: its tokens' forms (lower-case, ё folded), in order."""

    forms: list[str]

    @classmethod
    def of(cls, text: str) -> Tokens:
        return cls(words(text))

    @property
    def lemmas(self) -> list[str]:
        return list(map(lemma, self.forms))


class LemmaFilter(Filter):
    """Lower-cases, folds ё and replaces each token with its lemma."""

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        for token in tokens:
            token.text = lemma(token.text.lower().replace("ё", "е"))
            yield token


def LemmaAnalyzer() -> Any:  # noqa: N802 - named like the whoosh analyzers it sits beside
    """Query-side analyzer: the index's tokenisation followed by lemmatisation."""
    return RegexTokenizer(expression=TOKEN_PATTERN) | LemmaFilter()


class CompactPositions(formats.Positions):
    """Positions stored as a packed array of deltas rather than a pickled list.

    Whoosh's own Positions format pickles every posting's list; packing is several
    times faster to write and read, and the index is only ever read by this class.
    A value is the count (4 bytes, big-endian), the deltas (4 bytes each, native order)
    and, when given, each position's ``form_hash`` (2 bytes each, padded to a multiple of 4).
    """

    def encode(self, poslist: Sequence[int], forms: Sequence[int] | None = None) -> bytes:
        deltas = array("I")
        previous = 0
        for position in poslist:
            deltas.append(position - previous)
            previous = position
        encoded = pack_uint(len(deltas)) + deltas.tobytes()
        if forms is not None:
            hashes = array("H", forms)
            if len(hashes) % 2:
                hashes.append(0)
            encoded += hashes.tobytes()
        return encoded

    def decode_form_hashes(self, valuestring: bytes) -> list[int] | None:
        """Each position's ``form_hash``, or None for a value written without them."""
        count = self.decode_frequency(valuestring)
        start = _INT_SIZE + 4 * count
        if len(valuestring) <= start:
            return None
        hashes = array("H")
        hashes.frombytes(valuestring[start : start + 2 * count])
        return list(hashes)

    def decode_positions(self, valuestring: bytes) -> list[int]:
        deltas = array("I")
        deltas.frombytes(valuestring[_INT_SIZE : _INT_SIZE + 4 * self.decode_frequency(valuestring)])
        positions = []
        position = 0
        for delta in deltas:
            position += delta
            positions.append(position)
        return positions


class LemmaText(fields.TEXT):
    """A text field indexed from a list of lemmas, with positions for phrase and near queries."""

    def __init__(self, field_boost: float = 1.0) -> None:
        super().__init__(analyzer=LemmaAnalyzer(), phrase=True, field_boost=field_boost)
        self.format = CompactPositions(field_boost=field_boost)
        # A query word that splits into several tokens («Касым-Жомарт») means those words in a row.
        self.multitoken_query = "phrase"

    def process_text(self, qstring: str, mode: str = "", **kwargs: Any) -> Iterator[str]:
        """Query text: words are lemmatised, but the stem of a wildcard, prefix or fuzzy
        term (which whoosh passes untokenised) is only lower-cased: «санкц*» must stay «санкц»."""
        if kwargs.get("tokenize", True):
            return super().process_text(qstring, mode, **kwargs)
        return iter([qstring.lower().replace("ё", "е")])

    def index(self, value: Any, **kwargs: Any) -> Iterator[tuple[bytes, int, float, bytes]]:
        """Postings of a ``Tokens`` (with form hashes) or of a plain list of lemmas."""
        if isinstance(value, str):
            yield from super().index(value, **kwargs)
            return
        positions: dict[str, list[int]] = defaultdict(list)
        encode = self.format.encode
        boost = self.format.field_boost
        if isinstance(value, Tokens):
            # (The index writer takes a faster way to the same postings: ``document_postings``.)
            for position, term in enumerate(value.lemmas):
                positions[term].append(position)
            # Hashed once per distinct form, then looked up per position.
            hash_of = {form: form_hash(form) for form in set(value.forms)}
            hashes = list(map(hash_of.__getitem__, value.forms))
            for term, poslist in positions.items():
                forms = [hashes[position] for position in poslist]
                yield term.encode("utf-8"), len(poslist), len(poslist) * boost, encode(poslist, forms)
            return
        for position, term in enumerate(value):
            positions[term].append(position)
        for term, poslist in positions.items():
            yield term.encode("utf-8"), len(poslist), len(poslist) * boost, encode(poslist)


class DateField(fields.DATETIME):
    """Publication time; a date that cannot be read is an error for the user, not an empty result."""

    def __init__(self) -> None:
        super().__init__(sortable=True)
        # Undated articles read as the earliest time, so that newest-first puts them last.
        self.column_type = columns.NumericColumn(self.sortable_typecode, default=0)

    def _parse_datestring(self, qstring: str) -> Any:
        try:
            return super()._parse_datestring(qstring)
        except Exception:
            raise QueryParserError(
                f"«{qstring}» is not a date; write 2019, 2019-11 or 2019-11-06"
            ) from None

    def parse_query(self, fieldname: str, qstring: str, boost: float = 1.0) -> Any:
        self._parse_datestring(qstring)  # raises with a clear message when unreadable
        return super().parse_query(fieldname, qstring, boost)
