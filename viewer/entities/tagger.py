"""natasha's news NER model run over many sentences at once, without natasha's ``Doc``.

``natasha.Doc.tag_ner`` gives a whole article to the slovnet tagger as one sequence
and decodes its CRF token by token in Python, so most of its time is interpreter
overhead. Here runs of consecutive sentences that may hold a name become rows of a
padded batch, rows of similar length together, and ``network.NerNetwork`` runs the
same weights on the whole batch.

A row carries three tokens of context on each side: the network's three kernel-3
convolutions see exactly three tokens either way, so the scores of the row's own
tokens are those the whole text would give them. (Without that context the tagger
misses names that open a sentence: «Бурков заявил».)

Sentences that cannot hold a name are not tagged at all. Names are capitalised, so
a sentence whose only capital is its first letter, on a word that cannot open a
name («Он», «Однако», «Сообщается»), is skipped: about a sixth of news text.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np
from razdel import sentenize
from slovnet.shape import word_shape

from viewer.entities.morph import can_open_noun_phrase, is_plain_word
from viewer.entities.network import NerNetwork
from viewer.entities.tokens import Tokens

CONTEXT = 3  # tokens each side that reach a token through the three convolutions

_FIRST_WORD = re.compile(r"[^\w]*(\w+)")
_UPPER = re.compile(r"[A-ZА-ЯЁ]")

# Padding wastes arithmetic and each batch costs some Python: a few thousand
# tokens a batch keeps both small.
_BATCH_TOKENS = 8000
_BATCH_ROWS = 512
_ENCODE_CACHE_LIMIT = 500_000
_ROW_TOKENS = 80  # sentences are joined into rows of about this many tokens
_MAX_ROW_TOKENS = 400


@dataclass(frozen=True, slots=True)
class RawSpan:
    """A span as the tagger marked it: character offsets and PER/ORG/LOC."""

    start: int
    stop: int
    type: str


@dataclass(frozen=True, slots=True)
class _Row:
    text: int  # index of the text in the call
    low: int  # token range given to the network, context included
    high: int
    own_low: int  # the sentence's own tokens
    own_high: int


def may_hold_names(sentence: str) -> bool:
    """Whether a sentence is worth tagging: a capital beyond an ordinary first word."""
    first = _FIRST_WORD.match(sentence)
    if first is None:
        return False
    if _UPPER.search(sentence, first.end()):
        return True
    word = first.group(1)
    if not _UPPER.match(word):
        return False
    if len(_UPPER.findall(word)) > 1:  # «ФИФА», «МакДональдс»
        return True
    # A name may open a sentence and run on in lower case («Большой театр»,
    # «Министерство сельского хозяйства»), so only words that cannot begin a
    # noun phrase count as ordinary here: pronouns, prepositions, adverbs, verbs.
    return not is_plain_word(word) or can_open_noun_phrase(word)


class NerTagger:
    """PER/ORG/LOC spans of texts, as natasha's ``NewsNERTagger`` marks them."""

    def __init__(self) -> None:
        self.network = NerNetwork()
        self._encoded: dict[str, tuple[int, int]] = {}

    def tag(self, texts: Sequence[str]) -> list[tuple[Tokens, list[RawSpan]]]:
        """Tokens and raw spans of each text, in order."""
        all_tokens = [Tokens.of(text) for text in texts]
        rows = [row for index, text in enumerate(texts) for row in _rows(index, text, all_tokens[index])]
        found: list[list[RawSpan]] = [[] for _ in texts]
        rows.sort(key=lambda row: row.high - row.low)
        for batch in _batches(rows):
            for row, tags in zip(batch, self._tag_rows(batch, all_tokens), strict=True):
                found[row.text].extend(_row_spans(row, all_tokens[row.text], tags, self.network.tags))
        return [(tokens, sorted_disjoint(spans)) for tokens, spans in zip(all_tokens, found, strict=True)]

    def _encode(self, word: str) -> tuple[int, int]:
        found = self._encoded.get(word)
        if found is None:
            network = self.network
            found = (
                network.words_vocab.encode(word.lower()),
                network.shapes_vocab.encode(word_shape(word)),
            )
            if len(self._encoded) >= _ENCODE_CACHE_LIMIT:
                self._encoded.clear()
            self._encoded[word] = found
        return found

    def _tag_rows(self, batch: list[_Row], all_tokens: list[Tokens]) -> Iterator[list[int]]:
        network = self.network
        width = max(row.high - row.low for row in batch)
        word_id = np.full((len(batch), width), network.pad_word, dtype=np.int64)
        shape_id = np.full((len(batch), width), network.pad_shape, dtype=np.int64)
        lengths = np.empty(len(batch), dtype=np.int64)
        encode = self._encode
        for number, row in enumerate(batch):
            words = all_tokens[row.text].words[row.low : row.high]
            encoded = [encode(word) for word in words]
            word_id[number, : len(words)] = [pair[0] for pair in encoded]
            shape_id[number, : len(words)] = [pair[1] for pair in encoded]
            lengths[number] = len(words)
        best = network.decode(network.emissions(word_id, shape_id, lengths), lengths)
        for number in range(len(batch)):
            yield best[number, : lengths[number]].tolist()


def _rows(index: int, text: str, tokens: Tokens) -> Iterator[_Row]:
    """Runs of consecutive sentences worth tagging, cut into rows of similar size.

    Several short sentences share a row so that the context tokens on its edges
    are a small part of the work.
    """
    if not text.strip():
        return
    count = len(tokens.starts)
    run_low = run_high = -1
    for sentence in sentenize(text):
        if not may_hold_names(sentence.text):
            if run_low >= 0:
                yield from _cut_run(index, run_low, run_high, count)
                run_low = -1
            continue
        own_low = bisect.bisect_left(tokens.starts, sentence.start)
        own_high = bisect.bisect_left(tokens.starts, sentence.stop)
        if own_low >= own_high:
            continue
        if run_low < 0:
            run_low, run_high = own_low, own_high
        elif own_high - run_low > _ROW_TOKENS:
            yield from _cut_run(index, run_low, run_high, count)
            run_low, run_high = own_low, own_high
        else:
            run_high = own_high
    if run_low >= 0:
        yield from _cut_run(index, run_low, run_high, count)


def _cut_run(index: int, own_low: int, own_high: int, count: int) -> Iterator[_Row]:
    # One sentence may be longer than a row (a text without punctuation may be one
    # "sentence"): cut it so that no row grows too wide for memory.
    for low in range(own_low, own_high, _MAX_ROW_TOKENS):
        high = min(own_high, low + _MAX_ROW_TOKENS)
        yield _Row(index, max(0, low - CONTEXT), min(count, high + CONTEXT), low, high)


def _batches(rows: list[_Row]) -> Iterator[list[_Row]]:
    batch: list[_Row] = []
    for row in rows:
        width = row.high - row.low
        if batch and ((len(batch) + 1) * width > _BATCH_TOKENS or len(batch) >= _BATCH_ROWS):
            yield batch
            batch = []
        batch.append(row)
    if batch:
        yield batch


def _row_spans(row: _Row, tokens: Tokens, tags: list[int], names: list[str]) -> list[RawSpan]:
    """BIO tags to spans the way slovnet reads them; keep those opening in the sentence."""
    spans = []
    kind = None
    first = 0
    stop = 0
    for position, tag_id in enumerate(tags, row.low):
        part, _, tag_type = names[tag_id].partition("-")
        if part == "B" or (part == "O" and kind):
            if kind and row.own_low <= first < row.own_high:
                spans.append(RawSpan(tokens.starts[first], stop, kind))
            kind = tag_type if part == "B" else None
            first = position
            stop = tokens.stops[position]
        elif part == "I":
            stop = tokens.stops[position]
    if kind and row.own_low <= first < row.own_high:
        spans.append(RawSpan(tokens.starts[first], stop, kind))
    return spans


def sorted_disjoint(spans: list[RawSpan]) -> list[RawSpan]:
    """Sorted by start; of overlapping spans the earlier (then longer) one stays."""
    out: list[RawSpan] = []
    for span in sorted(spans, key=lambda span: (span.start, -span.stop)):
        if out and span.start < out[-1].stop:
            continue
        out.append(span)
    return out
