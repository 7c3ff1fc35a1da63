"""Russian sentences of a report body, with character offsets and the word features used to align them.

``razdel`` splits sentences well inside running text, but it joins lines: a run-in heading
(«Александр Бурков:») and the dialogue line under it would become one sentence. News bodies put
headings, dialogue turns and paragraphs on lines of their own, so the body is cut into lines first
and each line is split by ``razdel``. A line with no punctuation at all (a scraped table, a
megabyte without full stops) is cut at word boundaries into pieces of at most ``MAX_SENTENCE_CHARS``
so that no later step sees an unbounded "sentence".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from razdel import sentenize

from viewer.events.stopwords import STOPWORDS
from viewer.text.lemmas import lemma, token_spans

MAX_SENTENCE_CHARS = 2000
_LINE = re.compile(r"[^\n]+")


@dataclass(frozen=True, eq=False)
class Sentence:
    """One sentence of one report: offsets [start, stop) into the body and its words.

    ``content`` holds the lemmas that carry meaning (no function words, no one-letter tokens)
    plus numbers written as ``#30``; ``names`` the lemmas written with a capital inside the
    sentence, which weigh more when sentences are compared.
    """

    report: int
    index: int
    paragraph: int
    start: int
    stop: int
    text: str
    tokens: tuple[str, ...]
    lemmas: tuple[str, ...]
    content: frozenset[str]
    names: frozenset[str]

    @property
    def key(self) -> str:
        """The sentence after normalisation: its words, lower-cased, ё folded, punctuation dropped."""
        return " ".join(self.tokens)


def _pieces(line: str) -> Iterator[tuple[int, int]]:
    """Sentence spans of one line, long unpunctuated runs cut at spaces."""
    for part in sentenize(line):
        start, stop = part.start, part.stop
        while stop - start > MAX_SENTENCE_CHARS:
            cut = line.rfind(" ", start + 1, start + MAX_SENTENCE_CHARS)
            if cut <= start:
                cut = start + MAX_SENTENCE_CHARS
            yield start, cut
            start = cut
            while start < stop and line[start].isspace():
                start += 1
        if start < stop:
            yield start, stop


def split_sentences(body: str, report: int = 0) -> list[Sentence]:
    """Sentences of a body in order; spans without a single word or number are skipped."""
    found: list[Sentence] = []
    paragraph = -1
    for line in _LINE.finditer(body):
        if not line.group().strip():
            continue
        paragraph += 1
        base = line.start()
        for start, stop in _pieces(line.group()):
            sentence = _sentence(body, report, len(found), paragraph, base + start, base + stop)
            if sentence is not None:
                found.append(sentence)
    return found


def _sentence(body: str, report: int, index: int, paragraph: int, start: int, stop: int) -> Sentence | None:
    while start < stop and body[start].isspace():
        start += 1
    while stop > start and body[stop - 1].isspace():
        stop -= 1
    text = body[start:stop]
    spans = list(token_spans(text))
    if not spans:
        return None
    tokens = tuple(word for _, _, word in spans)
    lemmas = tuple(word if word.isdigit() else lemma(word) for word in tokens)
    content = set()
    names = set()
    for position, ((token_start, _, word), found) in enumerate(zip(spans, lemmas, strict=True)):
        if word.isdigit():
            content.add("#" + word)
            names.add("#" + word)
            continue
        if len(found) < 2 or found in STOPWORDS:
            continue
        content.add(found)
        if position > 0 and text[token_start].isupper():
            names.add(found)
    return Sentence(report, index, paragraph, start, stop, text, tokens, lemmas, frozenset(content), frozenset(names))
